"""Build the NetworkX view of the model: one node per RDF node (key = IRI), one edge per
object-property statement (key = predicate CURIE), so it always agrees with the RDF."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kgraph.kinds import kind_of
from kgraph.model import Claim, Episode, Insight, KnowledgeModel, Mention, Node
from kgraph.outputs import statements as rdf
from kgraph.prefixes import curie

if TYPE_CHECKING:  # imported by `build_graph`: the page's parts read only the attributes below
    import networkx as nx


def node_type(node: Node) -> str:
    """The node's kind, as `kgraph.kinds` names it."""
    return kind_of(node).name


def node_attributes(node: Node) -> dict[str, object]:
    """Scalar and list attributes a notebook user or the page wants; None values are left out."""
    kind = kind_of(node)
    attributes: dict[str, object] = {"type": kind.name, "label": node.label}
    if kind.corpus_level:  # podcasts, people, organizations, products: names and what the texts say
        attributes["aliases"] = list(getattr(node, "alt_labels", ()))
        attributes["description"] = getattr(node, "description", None) or None
    match node:
        case Episode():
            attributes.update(
                aliases=list(node.alt_labels),
                date=node.date.isoformat() if node.date else None,
                url=node.urls[0] if node.urls else None,
                source_kind=node.source_kind,
                source_file=node.source_files[0] if node.source_files else None,
                transcript_file=node.transcript_file,
            )
        case Insight():
            attributes.update(text=node.text, rank=node.rank)
        case Claim():
            attributes.update(text=node.text, timestamp=node.timestamp, seconds=node.seconds)
            attributes.update(
                grounding=node.grounding.value if node.grounding else None,
                heard_at=node.heard_at,
                match_score=node.match_score,
                transcript_label=node.transcript_label,
                recording_url=node.recording_url,
                speaker_evidence=node.speaker_evidence.value if node.speaker_evidence else None,
            )
        case Mention():
            attributes.update(description=node.description, why_mentioned=node.why_mentioned)
    return {key: value for key, value in attributes.items() if value is not None}


def build_graph(model: KnowledgeModel, graphs: Iterable[rdf.GraphStatements]) -> nx.MultiDiGraph:
    import networkx as nx

    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node in model.nodes():
        graph.add_node(node.iri, **node_attributes(node))
    for subject, predicate, obj in rdf.object_edges(graphs):
        name = curie(predicate)
        graph.add_edge(subject, obj, key=name, predicate=name)
    return graph
