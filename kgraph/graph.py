"""Build the NetworkX view of the model: one node per RDF node (key = IRI), one edge per
object-property statement (key = predicate CURIE), so it always agrees with the RDF."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kgraph import rdf
from kgraph.model import Claim, Episode, Insight, KnowledgeModel, Mention, Node, Organization, Person, Podcast
from kgraph.prefixes import curie


def node_type(node: Node) -> str:
    if isinstance(node, Insight):
        return node.kind.value
    return type(node).__name__


def node_attributes(node: Node) -> dict[str, object]:
    """Scalar and list attributes a notebook user or the page wants; None values are left out."""
    attributes: dict[str, object] = {"type": node_type(node), "label": node.label}
    match node:
        case Podcast() | Person() | Organization():
            attributes["aliases"] = list(node.alt_labels)
            if not isinstance(node, Podcast) and node.description:
                attributes["description"] = node.description
        case Episode():
            attributes.update(
                aliases=list(node.alt_labels),
                date=node.date.isoformat() if node.date else None,
                url=node.urls[0] if node.urls else None,
                source_kind=node.source_kind,
                source_file=node.source_files[0] if node.source_files else None,
            )
        case Insight():
            attributes.update(text=node.text, rank=node.rank)
        case Claim():
            attributes.update(text=node.text, timestamp=node.timestamp, seconds=node.seconds)
        case Mention():
            attributes.update(description=node.description, why_mentioned=node.why_mentioned)
    return {key: value for key, value in attributes.items() if value is not None}


def build_graph(model: KnowledgeModel, graphs: Iterable[rdf.GraphStatements]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node in model.nodes():
        graph.add_node(node.iri, **node_attributes(node))
    for subject, predicate, obj in rdf.object_edges(graphs):
        name = curie(predicate)
        graph.add_edge(subject, obj, key=name, predicate=name)
    return graph
