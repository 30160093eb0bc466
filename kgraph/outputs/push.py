"""Send the graph to a SPARQL 1.1 Graph Store Protocol endpoint, one named graph per episode plus
the shared entities graph, each with PUT: the server replaces that graph, so pushing twice, or
pushing an updated corpus, never duplicates statements."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

import pyoxigraph as ox

from kgraph.http import send, with_query_parameter


@dataclass(frozen=True)
class PushReport:
    endpoint: str
    graphs: int
    triples: int


def graph_url(endpoint: str, graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> str:
    """GSP "indirect identification": ?graph=IRI, or ?default for the default graph."""
    if isinstance(graph, ox.DefaultGraph):
        return endpoint + ("&" if "?" in endpoint else "?") + "default"
    return with_query_parameter(endpoint, "graph", graph.value)


def push_quads(quads: Iterable[ox.Quad], endpoint: str) -> PushReport:
    """PUT every graph of `quads` (sorted by graph, as kgraph writes them) to `endpoint`."""
    graphs = triples = 0
    ordered = sorted(quads, key=lambda quad: (str(quad.graph_name), str(quad)))
    for graph, graph_quads in groupby(ordered, key=lambda quad: quad.graph_name):
        statements = [quad.triple for quad in graph_quads]
        body = ox.serialize(statements, format=ox.RdfFormat.N_TRIPLES)
        send("PUT", graph_url(endpoint, graph), body, {"Content-Type": "application/n-triples"})
        graphs += 1
        triples += len(statements)
    return PushReport(endpoint, graphs, triples)
