"""--param binding: any text a user passes matches exactly that label, never breaks the query."""

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


def test_values_clause_is_appended_after_the_solution_modifiers():
    bound = bind_parameters(QUERY + " ORDER BY ?s", {"name": 'say "hi"'})
    assert bound.endswith('ORDER BY ?s\nVALUES (?name) { ("say \\"hi\\"") }\n')


@pytest.mark.parametrize("text", ["novalue", "=x", "bad name=x"])
def test_malformed_parameters_are_usage_errors(text):
    with pytest.raises(UsageError):
        parse_parameter(text)
