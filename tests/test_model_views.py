"""The RDF and NetworkX views agree, and independent RDF parsers read the same triples."""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, RDFS

from kgraph.outputs.statements import XSD_INTEGER, literal
from kgraph.vocab import curie


def test_networkx_edges_are_the_rdf_object_statements(seed_graph):
    graph = seed_graph.rdf
    nodes = {str(s) for s in graph.subjects(RDFS.label, None)}
    rdf_edges = Counter(
        (str(s), curie(str(p)), str(o))
        for s, p, o in graph
        if isinstance(o, rdflib.URIRef) and p != RDF.type and str(o) in nodes
    )
    nx_edges = Counter((s, key, o) for s, o, key in seed_graph.nx.edges(keys=True))
    assert nx_edges == rdf_edges
    assert set(seed_graph.nx.nodes) == nodes


def test_every_node_has_one_label_and_a_type(seed_graph):
    graph = seed_graph.rdf
    for subject in set(graph.subjects(RDF.type, None)):
        assert len(list(graph.objects(subject, RDFS.label))) == 1, subject
    for node, data in seed_graph.nx.nodes(data=True):
        assert data["label"] and data["type"], node


@pytest.mark.parametrize(
    ("graph_fixture", "at_least"),
    [
        ("seed_graph", 250),
        pytest.param("corpus_graph", 30_000, marks=pytest.mark.corpus),
    ],
)
def test_rdflib_and_pyoxigraph_read_the_same_triples(graph_fixture, at_least, request, tmp_path):
    graph = request.getfixturevalue(graph_fixture)
    graph.write(tmp_path, formats=("turtle",))
    path = tmp_path / "graph.ttl"
    with_rdflib = rdflib.Graph().parse(path, format="turtle")
    with_oxigraph = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    assert len(with_rdflib) == len(with_oxigraph) == len(graph.triples) > at_least


def test_turtle_uses_readable_prefixes(seed_graph, tmp_path):
    seed_graph.write(tmp_path, formats=("turtle",))
    text = (tmp_path / "graph.ttl").read_text()
    for prefix in ("kg:", "schema:", "skos:", "rdfs:", "xsd:"):
        assert f"@prefix {prefix}" in text
    assert "a kg:Claim" in text and "kg:speaker" in text


@given(st.text())
def test_literals_are_written_as_pyoxigraph_writes_them(value):
    # Statements sort by their N-Triples text and the line writers print it: both must be
    # exactly what pyoxigraph produces for the same literal.
    assert literal(value) == str(ox.Literal(value))
    assert literal(value, XSD_INTEGER) == str(
        ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    )


@pytest.mark.parametrize("graph_fixture", ["seed_graph", pytest.param("corpus_graph", marks=pytest.mark.corpus)])
def test_every_subject_lives_in_one_named_graph(graph_fixture, request):
    # What lets the default-graph view skip deduplication (see kgraph.outputs.statements).
    graph = request.getfixturevalue(graph_fixture)
    graphs_of: dict[str, set[str]] = {}
    for graph_iri, statements in graph.statements:
        for subject, _, _ in statements:
            graphs_of.setdefault(subject, set()).add(graph_iri)
    assert graphs_of and all(len(graphs) == 1 for graphs in graphs_of.values())
    assert len(graph.triples) == len(set(graph.triples)) == graph.triple_count


@pytest.mark.parametrize(
    ("name", "rdf_format", "statements"),
    [("ntriples", ox.RdfFormat.N_TRIPLES, "triples"), ("nquads", ox.RdfFormat.N_QUADS, "quads")],
)
def test_line_writers_print_what_pyoxigraph_serializes(seed_graph, tmp_path, name, rdf_format, statements):
    seed_graph.write(tmp_path, formats=(name,))
    written = (tmp_path / f"graph.{'nt' if name == 'ntriples' else 'nq'}").read_bytes()
    assert written == ox.serialize(getattr(seed_graph, statements), format=rdf_format)
