"""GEXF 1.3 for Gephi, drawn like the explorer page: `viz:` positions, colours and sizes from the
page's own layout and communities, and each node's and link's episode dates as spells, so Gephi's
timeline plays the corpus over time. Entities, shows and episodes; insights and claims stay in
the page and the RDF."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.outputs.formats import register
from kgraph.outputs.formats.atomic import write_text

if TYPE_CHECKING:
    from kgraph.outputs.formats import GraphData
    from kgraph.outputs.html.data import PageGraph
    from kgraph.outputs.html.view import View

_NOT_XML = "[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"  # compiled when first used: 4 ms a build


def _text(value: object) -> str:
    """Attribute-safe XML text: escaped, and characters XML cannot hold dropped."""
    text = re.sub(_NOT_XML, "", str(value))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _rgb(color: str) -> str:
    return f'r="{int(color[1:3], 16)}" g="{int(color[3:5], 16)}" b="{int(color[5:7], 16)}"'


def _spells(dates: list[str]) -> str:
    if not dates:
        return ""
    inner = "".join(f'<spell start="{d}" end="{d}"/>' for d in dates)
    return f"<spells>{inner}</spells>"


def gexf_lines(page: PageGraph, view: View) -> Iterator[str]:
    laid = [iri for iri in view.nodes if iri in view.positions]
    kept = set(laid)
    date: dict[str, str] = {
        iri: str(page.nodes[iri]["date"])
        for iri in laid
        if page.types[iri] == "Episode" and page.nodes[iri].get("date")
    }
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield (
        '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">'
    )
    yield "  <meta><creator>kgraph</creator><description>entities, shows and episodes</description></meta>"
    yield '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date" timerepresentation="interval">'
    yield '    <attributes class="node" mode="static">'
    for number, (name, kind) in enumerate((("type", "string"), ("community", "integer"), ("episodes", "integer"))):
        yield f'      <attribute id="{number}" title="{name}" type="{kind}"/>'
    yield "    </attributes>"
    yield "    <nodes>"
    for iri in laid:
        kind = page.types[iri]
        x, y = view.positions[iri]
        episodes = sorted(page.episodes[iri]) if kind != "Episode" else []
        dates = sorted({date[e] for e in episodes if e in date} | ({date[iri]} if iri in date else set()))
        yield (
            f'      <node id="{_text(iri)}" label="{_text(page.nodes[iri]["label"])}">'
            f'<attvalues><attvalue for="0" value="{kind}"/>'
            f'<attvalue for="1" value="{view.community.get(iri, -1)}"/>'
            f'<attvalue for="2" value="{len(episodes)}"/></attvalues>'
            f"{_spells(dates)}"
            f'<viz:color {_rgb(view.color(iri, kind))}/><viz:position x="{x}" y="{-y}" z="0"/>'
            f'<viz:size value="{view.size[iri]}"/></node>'
        )
    yield "    </nodes>"
    yield "    <edges>"
    for number, ((source, target), names) in enumerate(sorted(page.edges_among(kept).items())):
        when = date.get(source) or date.get(target)
        spell = f' start="{when}" end="{when}"' if when else ""
        ends = f'source="{_text(source)}" target="{_text(target)}"'
        yield f'      <edge id="{number}" {ends} label="{_text(", ".join(names))}"{spell}/>'
    yield "    </edges>"
    yield "  </graph>"
    yield "</gexf>"


@register("gephi", ".gephi.gexf", "GEXF 1.3 for Gephi: the page's layout, communities and sizes, dates as spells")
def write_gephi(kg: GraphData, path: Path) -> None:
    from kgraph.outputs.html.view import explorer_view

    page = kg.page()
    write_text(path, "\n".join(gexf_lines(page, explorer_view(page))) + "\n")
