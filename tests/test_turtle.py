"""kgraph's Turtle writer against the code it replaced: the graph's statements through pyoxigraph's
parser and serializer (kept here as the oracle). Any sorted statements, including terms Turtle
abbreviates and subjects pyoxigraph would, give the same bytes."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.outputs import statements as rdf
from kgraph.outputs import turtle
from kgraph.prefixes import PREFIXES, expand

from .conftest import SEEDS


def _oracle_header() -> bytes:
    one = ox.Triple(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal("o"))
    text = ox.serialize([one], format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    assert text is not None
    return text[: text.rindex(b"<urn:x:s>")]


def oracle_chunk(graph: rdf.GraphStatements) -> bytes:
    """`turtle_chunk` as it was (kgraph.outputs.statements before the writer)."""
    text = ox.serialize(rdf.default_graph_quads([graph]), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    if not text:
        return b""
    header = _oracle_header()
    assert text.startswith(header)
    return text[len(header) :]


_BASES = ["https://w3id.org/kgraph/id/", "urn:x:", *PREFIXES.values()]  # namespaces: abbreviated
_LOCAL = st.text(st.sampled_from("ab-_.~%:/#1é"), min_size=0, max_size=6)
_IRIS = st.builds(lambda base, local: base + local, st.sampled_from(_BASES), _LOCAL).filter(
    lambda iri: not iri.endswith((":", "/", "#")) or iri.startswith("urn:x:")
)
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_DATATYPES = [expand(f"xsd:{name}") for name in ("integer", "decimal", "double", "boolean", "date", "anyURI")]
_AWKWARD = [
    "1",
    "-2",
    "+3",
    "007",
    "2.5",
    ".5",
    "5.",
    "1e3",
    "-1.5E-2",
    "true",
    "false",
    "1 ",
    "x",
    "١٢",
    "²",
    "-",
    "+-1",
    "",
]
_LEXICAL = st.one_of(
    _TEXT,
    st.sampled_from(
        ["1", "-2", "+3", "007", "2.5", ".5", "5.", "1e3", "-1.5E-2", "true", "false", "1 ", "x", "١٢", "-", "+-1"]
    ),
)
_OBJECTS = st.one_of(
    _IRIS.map(lambda iri: f"<{iri}>"),
    st.sampled_from([rdf.A, rdf.LABEL, expand("kg:Claim"), expand("rdf:type")]).map(lambda iri: f"<{iri}>"),
    _TEXT.map(rdf.literal),
    st.builds(lambda value, datatype: rdf.literal(value, f"^^<{datatype}>"), _LEXICAL, st.sampled_from(_DATATYPES)),
    st.builds(lambda value, tag: f"{rdf.literal(value)}@{tag}", _TEXT, st.sampled_from(["en", "de-CH"])),
)
_PREDICATES = st.one_of(st.sampled_from([rdf.A, rdf.LABEL, rdf.MENTIONS, rdf.RANK, rdf.TEXT]), _IRIS)
_STATEMENTS = st.lists(st.tuples(_IRIS, _PREDICATES, _OBJECTS), max_size=25).map(lambda found: sorted(set(found)))


@settings(max_examples=400, deadline=None)
@given(_STATEMENTS)
def test_any_sorted_statements_are_written_as_pyoxigraph_writes_them(statements: list[rdf.Statement]) -> None:
    graph = ("urn:x:graph", statements)
    assert turtle.turtle_chunk(graph) == oracle_chunk(graph)


def test_every_awkward_value_of_every_datatype_is_written_as_pyoxigraph_writes_it() -> None:
    statements = sorted(
        (f"urn:x:{number}", rdf.RANK, rdf.literal(value, f"^^<{datatype}>"))
        for number, (value, datatype) in enumerate((v, d) for v in _AWKWARD for d in _DATATYPES)
    )
    graph = ("urn:x:graph", statements)
    assert turtle.turtle_chunk(graph) == oracle_chunk(graph)


@pytest.mark.parametrize("value", ["^^", "a^^", '"^^', "^^<x>", 'x"^^<urn:x:t>'])
def test_a_tagged_literal_holding_the_datatype_mark_is_written_as_pyoxigraph_writes_it(value: str) -> None:
    statements = sorted(
        (f"urn:x:{tag}", predicate, f"{rdf.literal(value)}@{tag}")
        for tag in ("en", "de-CH")
        for predicate in (rdf.A, rdf.LABEL)
    )
    graph = ("urn:x:graph", statements)
    assert turtle.turtle_chunk(graph) == oracle_chunk(graph)


def test_the_header_is_pyoxigraph_s() -> None:
    assert _oracle_header() == turtle.TURTLE_HEADER


def test_the_seeds_graphs_are_written_as_pyoxigraph_writes_them() -> None:
    import kgraph

    graph = kgraph.build(SEEDS, jobs=1)
    graphs = [graph.entity_graph, *(rdf.episode_statements(*_parts(graph, e)) for e in graph.episodes)]
    assert sum(len(statements) for _iri, statements in graphs) > 200
    for one in graphs:
        assert turtle.turtle_chunk(one) == oracle_chunk(one)


def _parts(graph, episode):
    nodes = graph.episode_nodes(episode)
    return nodes.episode, nodes.insights, nodes.claims, nodes.mentions
