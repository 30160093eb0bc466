"""--param binding: any text a user passes is one literal (or IRI), never query syntax; it is bound
at the top of the WHERE group so that FILTERs see it."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph.errors import UsageError
from kgraph.query import run_query
from kgraph.query.parameters import bind_parameters, parse_parameter

LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
QUERY = "SELECT ?s WHERE { ?s rdfs:label $name }"

# Text without surrogates (not valid in RDF literals) and not of the <iri> form.
labels = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40).filter(
    lambda text: not (text.startswith("<") and text.endswith(">"))
)


@given(labels)
def test_any_label_binds_to_exactly_itself(label):
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("https://example.org/a"), LABEL, ox.Literal(label)))
    store.add(ox.Quad(ox.NamedNode("https://example.org/b"), LABEL, ox.Literal(label + "x")))
    result = run_query(QUERY, store=store, parameters={"name": label})
    assert result.column("s") == ["https://example.org/a"]


def test_an_iri_value_binds_an_iri():
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("https://example.org/a"), LABEL, ox.Literal("A")))
    query = "SELECT ?label WHERE { $thing rdfs:label ?label }"
    result = run_query(query, store=store, parameters={"thing": "<https://example.org/a>"})
    assert result.column("label") == ["A"]


def test_values_block_opens_the_where_group():
    bound = bind_parameters(QUERY + " ORDER BY ?s", {"name": 'say "hi"'})
    assert bound == 'SELECT ?s WHERE { VALUES (?name) { ("say \\"hi\\"") } ?s rdfs:label $name } ORDER BY ?s'


@given(labels)
def test_a_filter_sees_the_bound_value_and_it_stays_one_literal(label):
    # What the shipped queries do: compare ignoring case in a FILTER (a trailing VALUES clause
    # would bind after the FILTER ran). Any text is one literal there, never query syntax.
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("https://example.org/a"), LABEL, ox.Literal(label)))
    store.add(ox.Quad(ox.NamedNode("https://example.org/b"), LABEL, ox.Literal(label + "x")))
    query = "SELECT ?s WHERE { ?s rdfs:label ?l FILTER (LCASE(STR(?l)) = LCASE(STR($name))) }"
    result = run_query(query, store=store, parameters={"name": label})
    assert result.column("s") == ["https://example.org/a"]
    assert run_query(query, store=store, parameters={"name": label + "X"}).column("s") == ["https://example.org/b"]


def test_unbound_parameter_means_all():
    store = ox.Store()
    for name in ("A", "B"):
        store.add(ox.Quad(ox.NamedNode(f"https://example.org/{name}"), LABEL, ox.Literal(name)))
    query = "SELECT ?s WHERE { ?s rdfs:label ?l FILTER (!BOUND($name) || ?l = $name) } ORDER BY ?s"
    assert len(run_query(query, store=store).rows) == 2
    assert run_query(query, store=store, parameters={"name": "B"}).column("s") == ["https://example.org/B"]


TRAPS = (
    "PREFIX ex: <https://example.org/where> # WHERE { a comment\n"
    "SELECT ?where (EXISTS { ?x ex:where '}' } AS ?e) FROM <https://example.org/g> "
)


@pytest.mark.parametrize(
    ("query", "before"),
    [
        ("SELECT ?s WHERE { ?s ?p $name }", "SELECT ?s WHERE {"),
        ("SELECT * { ?s ?p $name }", "SELECT * {"),
        ("ASK { ?s ?p $name }", "ASK {"),
        (TRAPS + 'where { ?where ?p """{ }""" , $name }', TRAPS + "where {"),
        ("CONSTRUCT { ?s ?p $name } WHERE { ?s ?p $name }", "CONSTRUCT { ?s ?p $name } WHERE {"),
        ("CONSTRUCT { ?s ?p $name } { ?s ?p $name }", "CONSTRUCT { ?s ?p $name } {"),
        ("SELECT ?s WHERE { ?s ?p $name } VALUES ?s { <https://example.org/s> }", "SELECT ?s WHERE {"),
    ],
)
def test_where_group_is_found_past_strings_iris_comments_and_templates(query, before):
    assert bind_parameters(query, {"name": "x"}).startswith(before + ' VALUES (?name) { ("x") } ')


@pytest.mark.parametrize(
    "query",
    [
        "DESCRIBE $name",  # no group
        "CONSTRUCT WHERE { ?s ?p $name }",  # a group of triples only
        "SELECT ?s WHERE { ?s ?p ?o . BIND (?o AS $name) }",  # bound in the group already
    ],
)
def test_queries_whose_group_takes_no_values_block_get_a_trailing_one(query):
    assert bind_parameters(query, {"name": "x"}) == query + '\nVALUES (?name) { ("x") }\n'


def test_a_syntax_error_points_into_the_text_as_written():
    broken = "SELECT ?s\nWHERE { ?s rdfs:label $name . FILTER(?s > ) }"
    with pytest.raises(UsageError) as unbound:
        run_query(broken, store=ox.Store())
    with pytest.raises(UsageError) as bound:
        run_query(broken, store=ox.Store(), parameters={"name": "x"})
    assert str(bound.value) == str(unbound.value)


@pytest.mark.parametrize("text", ["novalue", "=x", "bad name=x"])
def test_malformed_parameters_are_usage_errors(text):
    with pytest.raises(UsageError):
        parse_parameter(text)
