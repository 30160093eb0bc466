"""Assemble the explorer page: the view's data (see `kgraph.outputs.html.tables`) embedded as JSON
beside vis-network's script (shipped inside pyvis), our CSS and JS, in one file with no external link.

The page is a pure function of the model and the options, so a build keeps it in its store."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from kgraph.model import KnowledgeModel
from kgraph.outputs.html.data import PageGraph
from kgraph.outputs.html.layout import LayoutCache
from kgraph.outputs.html.parts import entities_part, page_nodes, page_part
from kgraph.outputs.html.select import HtmlOptions, cap_message
from kgraph.outputs.html.tables import page_tables
from kgraph.outputs.html.view import explorer_view
from kgraph.outputs.statements import GraphStatements, entities_graph

VIS_OPTIONS = {
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},
    "edges": {
        "smooth": False,
        "color": {"color": "#c8ccd4", "highlight": "#333", "opacity": 0.6},
        "width": 0.6,
        "selectionWidth": 1.5,
        "font": {"size": 9, "strokeWidth": 3},
    },
    "nodes": {"borderWidth": 1, "font": {"size": 12, "strokeWidth": 3, "strokeColor": "#ffffff"}},
    "interaction": {
        "hideEdgesOnDrag": True,
        "hideEdgesOnZoom": True,
        "tooltipDelay": 150,
        "navigationButtons": False,
        "keyboard": False,
    },
}
_CAP = re.compile(r'<meta name="kgraph-cap" content="([^"]*)">')


def page_graph(model: KnowledgeModel, graphs: Iterable[GraphStatements]) -> PageGraph:
    """The page's view of a model and its statements (`kg.statements`)."""
    statements = dict(graphs)
    by_episode = model.nodes_by_episode()
    parts = [
        page_part(episode, *by_episode[episode.iri], statements.get(episode.graph, [])) for episode in model.episodes
    ]
    shared = entities_graph(model.base_iri)
    entity_nodes = model.entity_nodes()

    def own_nodes(episode: str) -> dict[str, dict]:
        insights, claims, _mentions = by_episode[episode]
        return page_nodes(insights, claims)

    return PageGraph(entities_part(entity_nodes, statements.get(shared, [])), entity_nodes, parts, own_nodes)


def render_page(model: KnowledgeModel, graphs: Iterable[GraphStatements], options: HtmlOptions | None = None) -> str:
    """The whole self-contained HTML page for the model and its statements (`kg.statements`)."""
    return render(page_graph(model, graphs), options)


def render(page: PageGraph, options: HtmlOptions | None = None, layout_cache: LayoutCache | None = None) -> str:
    """The page of a `PageGraph` (a build adds it up from cached parts, see `kgraph.outputs.html.parts`)."""
    view = explorer_view(page, options, layout_cache)
    tables, texts = page_tables(page, view)
    cap = cap_message(view.selection)
    tables["cap"] = cap
    parts = {
        "KGRAPH_CAP": html.escape(cap, quote=True),
        "KGRAPH_CSS": _asset("page.css"),
        "VIS_JS": _vis_js(),
        "KGRAPH_JS": _asset("page.js"),
        "KGRAPH_DATA": script_json(tables),
        "KGRAPH_TEXT": script_json(texts),
        "VIS_OPTIONS": script_json(VIS_OPTIONS),
    }
    # one pass over the template, so text inserted for one marker is never rescanned
    return re.sub(r"/\*([A-Z_]+)\*/", lambda match: parts[match.group(1)], _asset("page.html"))


def page_cap(text: str) -> str:
    """What the cap left out of a rendered page ("" when nothing), as `cap_message` said it."""
    match = _CAP.search(text[:4096])
    return html.unescape(match.group(1)) if match else ""


_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))


def script_json(value: object) -> str:
    """JSON safe inside <script>: ASCII only, and no `<`, `>` or `&` that could close the element
    or start markup. One `encode` call: the C encoder (a chunked `iterencode` runs the pure-Python
    one, 3-4x slower on the page's data)."""
    text = json.JSONEncoder(ensure_ascii=True, sort_keys=True, separators=(",", ":")).encode(value)
    for character, escape in _ESCAPES:
        if character in text:
            text = text.replace(character, escape)
    return text


def _asset(name: str) -> str:
    return resources.files("kgraph.outputs.html").joinpath(name).read_text(encoding="utf-8")


VIS_SCRIPT = "templates/lib/vis-9.1.2/vis-network.min.js"  # inside the pyvis package


def vis_script_path() -> Path:
    """vis-network's script in pyvis's folder, found without importing pyvis (its `__init__`
    imports IPython, jinja2 and jsonpickle: 60-80 ms for a file's name)."""
    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis (it ships vis-network's script) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / VIS_SCRIPT


def _vis_js() -> str:
    script = vis_script_path()
    # "</script" cannot appear in an inline script; vis-network has none, keep it that way
    return script.read_text(encoding="utf-8").replace("</script", "<\\/script")
