"""Forms of one given name (`Doug` / `Douglas`, `Masa` / `Masayoshi`) are one person's name only
on evidence: the data, the context, or a surname nobody else in the corpus has."""

from __future__ import annotations

from pathlib import Path

from kgraph.given_names import given_name_forms
from tests.test_resolve_people import build, decisions, people, write


def test_short_forms_come_from_data_and_prefixes_must_be_long() -> None:
    assert given_name_forms("Doug", "Douglas") is not None and given_name_forms("Doug", "Douglas").certain
    assert given_name_forms("Bill", "William") is not None
    assert given_name_forms("Masa", "Masayoshi") is not None
    chris = given_name_forms("Chris", "Christopher")
    assert chris is not None and not chris.certain  # Chris may be Christine as well
    for first, second in [("Christopher", "Christine"), ("Paul", "Pauline"), ("Dan", "Dana"), ("Jan", "Janet")]:
        assert given_name_forms(first, second) is None, (first, second)
    assert given_name_forms("Carl", "Carlos") is None  # a name of its own, kept in data
    assert given_name_forms("Dana", "Dana") is None


def test_a_short_first_name_merges_with_the_formal_one_when_nobody_else_has_the_surname(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz, Doug Halvorsen")
    write(tmp_path, "two.md", title="Kilns I", podcast="Kiln Talk", participants="Ilse Marrow, Douglas Halvorsen")
    graph = build(tmp_path)
    assert len([label for label in people(graph) if label.endswith("Halvorsen")]) == 1
    assert any(
        sorted(names) == ["Doug Halvorsen", "Douglas Halvorsen"] and reason == "short form of the first name"
        for names, reason in decisions(graph, "merged")
    )


def test_a_short_first_name_with_another_namesake_needs_context(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz, Doug Halvorsen")
    write(tmp_path, "two.md", title="Kilns I", podcast="Kiln Talk", participants="Ilse Marrow, Douglas Halvorsen")
    write(tmp_path, "three.md", title="Ports I", podcast="Port Hour", participants="Bo Li, Petra Halvorsen")
    graph = build(tmp_path)
    assert {"Doug Halvorsen", "Douglas Halvorsen"} <= set(people(graph))
    assert any(sorted(names) == ["Doug Halvorsen", "Douglas Halvorsen"] for names, _ in decisions(graph, "candidate"))


def test_a_short_first_name_merges_on_a_shared_affiliation_despite_namesakes(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz", people="- **Bill Halvorsen** — CEO of Orbex")
    write(
        tmp_path,
        "two.md",
        title="Kilns I",
        podcast="Kiln Talk",
        participants="Ilse Marrow",
        people="- **William Halvorsen** — Orbex founder and CEO",
    )
    write(tmp_path, "three.md", title="Ports I", podcast="Port Hour", participants="Bo Li, Petra Halvorsen")
    graph = build(tmp_path)
    assert "Bill Halvorsen" in people(graph)["William Halvorsen"]
    assert any(
        # (`Orbex founder and CEO` states the affiliation: the evidence says so, not merely a shared word)
        reason == "short form of the first name" and "shared affiliation: orbex" in evidence
        for evidence, reason in [(d["evidence"], d["reason"]) for d in graph.report.identity if d["kind"] == "person"]
    )


def test_an_ambiguous_short_form_does_not_merge_on_the_surname_alone(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz, Chris Halvorsen")
    write(tmp_path, "two.md", title="Kilns I", podcast="Kiln Talk", participants="Ilse Marrow, Christine Halvorsen")
    assert {"Chris Halvorsen", "Christine Halvorsen"} <= set(people(build(tmp_path)))


def test_a_first_name_prefix_merges_like_a_short_form(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz", people="- **Masa Tokuda** — Orbex founder")
    write(
        tmp_path,
        "two.md",
        title="Kilns I",
        podcast="Kiln Talk",
        participants="Ilse Marrow",
        people="- **Masayoshi Tokuda** — Chairman of Orbex",
    )
    graph = build(tmp_path)
    assert len([label for label in people(graph) if label.endswith("Tokuda")]) == 1
    assert any(reason == "first name written short" for _, reason in decisions(graph, "merged"))


def test_one_document_naming_both_forms_means_two_people(tmp_path: Path) -> None:
    # A father and a son: `Bill Halvorsen` and `William Halvorsen` listed apart.
    write(
        tmp_path,
        "one.md",
        title="Signals I",
        participants="Dana Ruiz, Bill Halvorsen",
        people="- **William Halvorsen** — Bill's father, founded Orbex in 1961",
    )
    assert {"Bill Halvorsen", "William Halvorsen"} <= set(people(build(tmp_path)))


def test_different_affiliations_keep_short_forms_apart(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz", people="- **Doug Halvorsen** — CEO of Orbex")
    write(
        tmp_path,
        "two.md",
        title="Kilns I",
        podcast="Kiln Talk",
        participants="Ilse Marrow",
        people="- **Douglas Halvorsen** — Partner at Corvo Capital",
    )
    assert {"Doug Halvorsen", "Douglas Halvorsen"} <= set(people(build(tmp_path)))


def test_an_ambiguous_short_form_needs_more_than_a_shared_show(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Signals I", participants="Dana Ruiz, Chris Halvorsen")
    write(tmp_path, "two.md", title="Signals II", day=2, participants="Ilse Marrow, Christine Halvorsen")
    write(tmp_path, "three.md", title="Signals III", day=3, participants="Dana Ruiz, Doug Lindqvist")
    write(tmp_path, "four.md", title="Signals IV", day=4, participants="Ilse Marrow, Douglas Lindqvist")
    found = people(build(tmp_path))
    assert {"Chris Halvorsen", "Christine Halvorsen"} <= set(found)
    assert len([label for label in found if label.endswith("Lindqvist")]) == 1
