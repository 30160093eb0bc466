"""A basic offline pyvis page (the interactive page is its own issue)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pyvis.edge import Edge
from pyvis.network import Network

from kgraph.write import register
from kgraph.write.atomic import write_text

if TYPE_CHECKING:
    from kgraph.api import KnowledgeGraph

_COLORS = {
    "Podcast": "#6a3d9a", "Episode": "#1f78b4", "Person": "#e31a1c", "Organization": "#33a02c",
    "KeyTheme": "#ff7f00", "ContrarianPerspective": "#b15928", "OperatingInsight": "#fdbf6f",
    "OverlookedInsight": "#cab2d6", "Claim": "#a6cee3", "Mention": "#dddddd",
}


@register("html", ".html", "interactive graph page (pyvis, offline)")
def write_html(kg: KnowledgeGraph, path: Path) -> None:
    network = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    shown = {node for node, data in kg.nx.nodes(data=True) if data["type"] not in ("Claim", "Mention")}
    for node in sorted(shown):
        data = kg.nx.nodes[node]
        network.add_node(node, label=data["label"][:40], title=data["type"], color=_COLORS[data["type"]])
    for subject, obj, key in sorted(kg.nx.edges(keys=True)):
        if subject in shown and obj in shown:
            # What `add_edge` appends, without its scan of every node per edge (quadratic at scale).
            network.edges.append(Edge(subject, obj, True, title=key).options)
    network.toggle_physics(False)
    write_text(path, network.generate_html())
