"""The hint for a parameterised query with no rows: which value names nothing, and what is close."""

from __future__ import annotations

import pyoxigraph as ox

from kgraph.query.hints import no_rows_hint, suggest

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
KG = "https://w3id.org/kgraph/ontology#"


def graph(**nodes: tuple[str, str, tuple[str, ...]]) -> ox.Store:
    """slug -> (class, label, aliases)."""
    store = ox.Store()
    for slug, (kind, label, aliases) in nodes.items():
        node = ox.NamedNode(f"https://example.org/{slug}")
        store.add(ox.Quad(node, RDF_TYPE, ox.NamedNode(KG + kind)))
        store.add(ox.Quad(node, LABEL, ox.Literal(label)))
        for alias in aliases:
            store.add(ox.Quad(node, ALT_LABEL, ox.Literal(alias)))
    return store


STORE = graph(
    orbex=("Organization", "Orbex", ("Orbex Systems",)),
    halden=("Organization", "Halden Industries", ()),
    dana=("Person", "Dana Ruiz", ()),
    signal=("Podcast", "Signal Hour", ()),
)


def test_suggestions_come_from_labels_of_the_parameters_kind():
    assert no_rows_hint({"organization": "Orbexx"}, store=STORE) == (
        "no rows: no organization is named 'Orbexx' (did you mean 'Orbex' or 'Orbex Systems'?)"
    )
    # `Dana Ruiz` is a person: not suggested for an organization
    assert no_rows_hint({"organization": "Dana Ruis"}, store=STORE) == "no rows: no organization is named 'Dana Ruis'"
    assert "did you mean 'Dana Ruiz'?" in no_rows_hint({"person": "Dana Ruis"}, store=STORE)


def test_no_hint_for_a_name_that_is_a_label_or_an_alias():
    assert no_rows_hint({"organization": "Orbex Systems", "podcast": "Signal Hour"}, store=STORE) is None
    assert no_rows_hint({"organization": "<https://example.org/nowhere>"}, store=STORE) is None


def test_a_name_in_another_case_says_how_the_graph_writes_it():
    # what a query of the user's own that compares exactly needs to hear
    hint = no_rows_hint({"person": "dana ruiz"}, store=STORE)
    assert hint == "no rows: 'dana ruiz' is written 'Dana Ruiz' in the graph"
    assert no_rows_hint({"person": "dana ruiz"}, store=STORE, ignore_case=True) is None  # as shipped queries match


def test_a_parameter_not_named_after_a_class_looks_at_every_named_thing():
    assert no_rows_hint({"who": "Signal Houre"}, store=STORE) == (
        "no rows: nothing is named 'Signal Houre' (did you mean 'Signal Hour'?)"
    )


def test_every_unknown_parameter_is_named_in_one_line():
    hint = no_rows_hint({"person": "Dana Ruis", "podcast": "Signal Houre"}, store=STORE)
    assert hint is not None and "\n" not in hint
    assert hint.index("no person") < hint.index("no podcast")


def test_suggestions_are_the_closest_first_then_alphabetical_and_few():
    labels = ["Halden", "Halden Industries", "Halden Ventures", "Halden Labs", "Corvo"]
    assert suggest("Haldn", labels) == ["Halden", "Halden Industries", "Halden Labs"]
    assert suggest("Zzzz", labels) == []
