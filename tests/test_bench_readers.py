"""`bench/bench_readers.py`: the comparison of two graphs as sets of triples, what a lost triple is
counted under, the readers made to find nothing, and the timers (the builds themselves are not run here)."""

from pathlib import Path

import pytest

from tests.conftest import bench_module

BENCH = Path(__file__).resolve().parent.parent / "bench"

NORMAL = """@prefix kg: <https://w3id.org/kgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://x/claim-1> a kg:Claim ; rdfs:label "one" ; kg:speaker <http://x/ana> .
<http://x/claim-2> a kg:Claim ; rdfs:label "two" .
<http://x/ana> a kg:Person ; rdfs:label "Ana" .
"""
# claim-1 lost its speaker, Ana is gone, and claim-2 is now claim-1's text under a new label
OTHER = """@prefix kg: <https://w3id.org/kgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<http://x/claim-1> a kg:Claim ; rdfs:label "one" .
<http://x/claim-2> a kg:Claim ; rdfs:label "two"@en .
"""


@pytest.fixture(scope="module")
def ledger():
    return bench_module("bench_readers")


def triples_of(ledger, text, tmp_path, name):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return ledger.turtle_triples(path)


def test_lost_and_gained_are_the_set_differences_of_the_triples(ledger, tmp_path):
    normal = triples_of(ledger, NORMAL, tmp_path, "normal.ttl")
    other = triples_of(ledger, OTHER, tmp_path, "other.ttl")
    lost, gained = ledger.compare(normal, other)
    assert lost == {
        ("<http://x/claim-1>", "<https://w3id.org/kgraph/ontology#speaker>", "<http://x/ana>"),
        ("<http://x/claim-2>", "<http://www.w3.org/2000/01/rdf-schema#label>", '"two"'),
        (
            "<http://x/ana>",
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
            "<https://w3id.org/kgraph/ontology#Person>",
        ),
        ("<http://x/ana>", "<http://www.w3.org/2000/01/rdf-schema#label>", '"Ana"'),
    }
    assert gained == {("<http://x/claim-2>", "<http://www.w3.org/2000/01/rdf-schema#label>", '"two"@en')}
    assert ledger.compare(normal, normal) == (set(), set())


def test_lost_triples_are_counted_by_their_subject_class_and_predicate(ledger, tmp_path):
    normal = triples_of(ledger, NORMAL, tmp_path, "normal.ttl")
    lost, _ = ledger.compare(normal, triples_of(ledger, OTHER, tmp_path, "other.ttl"))
    kinds = ledger.lost_kinds(lost, ledger.classes_of(normal))
    assert kinds == {
        "kg:Claim kg:speaker": 1,
        "kg:Claim rdfs:label": 1,
        "kg:Person rdf:type": 1,
        "kg:Person rdfs:label": 1,
    }
    assert ledger.lost_kinds(lost, {}) == {"? kg:speaker": 1, "? rdfs:label": 2, "? rdf:type": 1}


def test_every_reader_that_can_find_nothing_is_one_the_extraction_calls(ledger):
    sites = ledger.reader_sites()
    assert set(ledger.FINDS_NOTHING) <= set(sites)
    module, attribute = sites["extract_claims"]
    assert getattr(module, attribute).__name__ == "extract_claims"


def test_readers_that_add_to_their_input_give_it_back_unchanged(ledger):
    people, entities = ["Ana"], ["Acme"]
    assert ledger.FINDS_NOTHING["title_affiliations"](["title"], people, entities, frozenset()) is people
    assert ledger.FINDS_NOTHING["find_products"](entities) is entities
    claims = ("a claim",)
    assert ledger.FINDS_NOTHING["attribute_claims"](claims, None, people) == (claims, None)
    assert ledger.FINDS_NOTHING["extract_claims"]("document", "attributor", entities) == []


def test_a_reader_called_inside_another_is_timed_in_its_caller_only(ledger):
    timers = ledger.Timers()

    def lines():
        yield from ("a", "b")

    inner = timers.wrap("inner", lambda: list(timed_lines()))
    timed_lines = timers.wrap("lines", lines)
    outer = timers.wrap("outer", lambda: inner() + list(timed_lines()))
    assert outer() == ["a", "b", "a", "b"]
    assert timers.calls == {"outer": 1, "inner": 1, "lines": 2}
    assert set(timers.seconds) == {"outer"}
    assert list(timed_lines()) == ["a", "b"]  # alone, a generator is timed as it is read
    assert set(timers.seconds) == {"outer", "lines"}
