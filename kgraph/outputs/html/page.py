"""Assemble the page: pyvis builds the network (nodes, edges, options); we embed it with
vis-network's script (shipped inside pyvis), our CSS and JS, in one file with no external link."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from importlib import resources

from pyvis.network import Network

from kgraph.model import Claim, KnowledgeModel
from kgraph.outputs.html.data import PageGraph, importance, timestamp_url
from kgraph.outputs.html.layout import LayoutCache, layout
from kgraph.outputs.html.parts import entities_part, page_part
from kgraph.outputs.html.select import HtmlOptions, select_nodes
from kgraph.outputs.html.style import CLASS_STYLES, STYLE_BY_CLASS
from kgraph.outputs.statements import GraphStatements, entities_graph

LABEL_LENGTH = 32

VIS_OPTIONS = {
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "edges": {
        "smooth": False,
        "color": {"color": "#c8ccd4", "highlight": "#333", "opacity": 0.7},
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.35}},
        "width": 0.8,
        "selectionWidth": 1.5,
        "font": {"size": 10, "strokeWidth": 3},
    },
    "nodes": {
        "borderWidth": 1,
        "font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
        # zoomed out, only the big labels (podcasts, much-cited people) are drawn
        "scaling": {"label": {"enabled": True, "drawThreshold": 9, "maxVisible": 40}},
    },
    "interaction": {
        "hideEdgesOnDrag": True,
        "hideEdgesOnZoom": True,
        "tooltipDelay": 150,
        "navigationButtons": False,
        "keyboard": False,
    },
}


def page_graph(model: KnowledgeModel, graphs: Iterable[GraphStatements]) -> PageGraph:
    """The page's view of a model and its statements (`kg.statements`)."""
    statements = dict(graphs)
    by_episode: dict[str, tuple[list, list, list]] = {episode.iri: ([], [], []) for episode in model.episodes}
    for insight in model.insights:
        by_episode[insight.episode][0].append(insight)
    for claim in model.claims:
        by_episode[claim.episode][1].append(claim)
    for mention in model.mentions:
        by_episode[mention.episode][2].append(mention)
    parts = [
        page_part(episode, *by_episode[episode.iri], statements.get(episode.graph, [])) for episode in model.episodes
    ]
    shared = entities_graph(model.base_iri)
    entity_nodes = model.entity_nodes()
    own = {iri: [*insights, *claims] for iri, (insights, claims, _) in by_episode.items()}
    return PageGraph(
        entities_part(entity_nodes, statements.get(shared, []), shared), entity_nodes, parts, own.__getitem__
    )


def render_page(model: KnowledgeModel, graphs: Iterable[GraphStatements], options: HtmlOptions | None = None) -> str:
    """The whole self-contained HTML page for the model and its statements (`kg.statements`)."""
    return render(page_graph(model, graphs), options)


def render(page: PageGraph, options: HtmlOptions | None = None, layout_cache: LayoutCache | None = None) -> str:
    """The page of a `PageGraph` (a build adds it up from cached parts, see `kgraph.outputs.html.parts`)."""
    kept = select_nodes(page, options or HtmlOptions())
    ids = {iri: number for number, iri in enumerate(sorted(kept))}
    edges = page.edges_among(kept)
    network = _network(page, ids, layout(page, kept, edges, layout_cache), edges)
    data = {
        "classes": [
            {
                "name": s.name,
                "legend": s.legend,
                "color": s.color,
                "shape": s.shape,
                "shown": s.shown,
            }
            for s in CLASS_STYLES
        ],
        "nodes": network.nodes,
        "edges": network.edges,
        "details": [_details(page, iri, ids) for iri in sorted(kept)],
    }
    parts = {
        "KGRAPH_CSS": _asset("page.css"),
        "VIS_JS": _vis_js(),
        "KGRAPH_JS": _asset("page.js"),
        "KGRAPH_DATA": script_json(data),
        "VIS_OPTIONS": script_json(network.options),
    }
    # one pass over the template, so text inserted for one marker is never rescanned
    return re.sub(r"/\*([A-Z_]+)\*/", lambda match: parts[match.group(1)], _asset("page.html"))


class _NodeIds(list):
    """pyvis' list of node ids with constant-time `in`: pyvis scans it for every node and both
    ends of every edge, which is quadratic (seconds at 20k nodes)."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set = set()

    def append(self, node_id) -> None:
        super().append(node_id)
        self._members.add(node_id)

    def __contains__(self, node_id) -> bool:
        return node_id in self._members


class _IndexedNetwork(Network):
    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.node_ids = _NodeIds()


def _network(
    page: PageGraph, ids: dict[str, int], positions: dict[str, tuple[int, int]], edges: dict[tuple[str, str], list[str]]
) -> Network:
    network = _IndexedNetwork(directed=True, cdn_resources="in_line")
    network.set_options(json.dumps(VIS_OPTIONS))
    for iri, number in ids.items():
        data = page.nodes[iri]
        style = STYLE_BY_CLASS[data["type"]]
        label = data["label"]
        x, y = positions[iri]
        size = node_size(style.name, importance(page, iri))
        network.add_node(
            number,
            label=_short(label),
            shape=style.shape,
            color=style.color,
            size=size,
            font={"size": round(12 + size / 2)},
            title=f"{style.legend}: {label}",
            x=x,
            y=y,
            physics=False,
            cls=style.name,
        )
    for (source, target), relations in sorted(edges.items()):
        network.add_edge(ids[source], ids[target], title=", ".join(relations))
    return network


def node_size(class_name: str, importance: int) -> float:
    """People, organizations and podcasts grow with their episodes; the rest, more gently, with
    their claims (an episode has dozens)."""
    weight = 6.0 if STYLE_BY_CLASS[class_name].corpus_level else 2.5
    return round(min(45.0, 8 + weight * math.sqrt(importance)), 1)


def _details(page: PageGraph, iri: str, ids: dict[str, int]) -> dict:
    data = page.nodes[iri]
    details: dict[str, object] = {"iri": iri, "type": data["type"], "label": data["label"]}
    for key in ("aliases", "description", "date", "url", "text", "timestamp"):
        if data.get(key):
            details[key] = data[key]
    details["episodes"] = [
        [ids[episode], page.notes.get((iri, episode), "")]
        for episode in sorted(page.episodes[iri])
        if episode in ids and episode != iri
    ]
    details["claims"] = sorted(ids[claim] for claim in page.claims[iri] if claim in ids)
    if data["type"] == "Claim" and isinstance(claim := page.node(iri), Claim):
        episode = page.nodes[claim.episode]
        details["link"] = timestamp_url(episode.get("url"), claim.seconds)
        details["episode"] = ids.get(claim.episode)
        details["speaker"] = ids.get(claim.speaker) if claim.speaker else None
        details["speakerLabel"] = page.nodes[claim.speaker]["label"] if claim.speaker else None
    return details


def _short(label: str) -> str:
    return label if len(label) <= LABEL_LENGTH else label[: LABEL_LENGTH - 1].rstrip() + "…"


def script_json(value: object) -> str:
    """JSON safe inside <script>: no `<`, `>` or `&` can close the element or start markup."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for character, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(character, escape)
    return text


def _asset(name: str) -> str:
    return resources.files("kgraph.outputs.html").joinpath(name).read_text(encoding="utf-8")


def _vis_js() -> str:
    script = resources.files("pyvis").joinpath("templates/lib/vis-9.1.2/vis-network.min.js")
    # "</script" cannot appear in an inline script; vis-network has none, keep it that way
    return script.read_text(encoding="utf-8").replace("</script", "<\\/script")
