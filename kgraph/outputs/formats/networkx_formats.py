"""GraphML and GEXF through NetworkX's writers, for Gephi, yEd, Cytoscape and NetworkX itself.
Both formats hold only scalar attributes, so alias lists are joined with " | "."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.outputs.formats import register
from kgraph.outputs.formats.atomic import write_text

if TYPE_CHECKING:  # imported when a graph is written: registering the formats loads no networkx
    import networkx as nx

    from kgraph.outputs.formats import GraphData

LIST_SEPARATOR = " | "


def _scalar(value: object) -> object:
    return LIST_SEPARATOR.join(value) if isinstance(value, list | tuple) else value


def export_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with sorted nodes and edges and scalar attributes only (empty lists dropped)."""
    import networkx as nx

    copy: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node in sorted(graph.nodes):
        copy.add_node(
            node,
            **{key: _scalar(value) for key, value in sorted(graph.nodes[node].items()) if value != []},
        )
    for start, end, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        copy.add_edge(start, end, key=key, **data)
    return copy


@register("graphml", ".graphml", "GraphML (yEd, Gephi, Cytoscape, NetworkX)")
def write_graphml(kg: GraphData, path: Path) -> None:
    import networkx as nx

    write_text(path, "\n".join(nx.generate_graphml(export_graph(kg.nx), prettyprint=True)) + "\n")


# NetworkX stamps today's date into <meta>; drop it so the same input gives the same bytes.
_MODIFIED = re.compile(r' lastmodifieddate="[^"]*"')


@register("gexf", ".gexf", "GEXF 1.2 (Gephi)")
def write_gexf(kg: GraphData, path: Path) -> None:
    import networkx as nx

    text = "\n".join(nx.generate_gexf(export_graph(kg.nx), prettyprint=True))
    write_text(path, _MODIFIED.sub("", text) + "\n")
