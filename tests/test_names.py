"""Name shapes: what may be written as a person's name."""

from __future__ import annotations


def test_two_initials_written_together_open_a_person_name_but_a_place_does_not() -> None:
    from kgraph.names import looks_like_person_name

    assert looks_like_person_name("J.P. Mbeki-Hart") and looks_like_person_name("C.K. Liu")
    assert not looks_like_person_name("U.S. Senator") and not looks_like_person_name("D.C. Circuit")
    assert not looks_like_person_name("H.I.G. Capital")


def test_a_full_width_parenthesis_holds_a_qualifier_too() -> None:
    from kgraph.names import split_qualifiers

    assert split_qualifiers("大疆（DJI）") == ("大疆", ["DJI"])
    assert split_qualifiers("Acme（Labs） (ACME)") == ("Acme", ["Labs", "ACME"])


def test_an_entry_named_with_a_full_width_parenthesis_is_the_name_and_its_alias() -> None:
    from kgraph.extract import extract_document
    from kgraph.parse import parse_document

    text = (
        "# 访谈\n\n**Podcast:** 硅谷夜话\n**Date:** 2025-01-01\n\n---\n\n## 1. Key Themes\n\n### A\n文字。\n\n"
        "## 3. Companies Identified\n\n### 大疆（DJI）\n无人机公司。\n\n"
        "## 4. People Identified\n\n### 罗景明（Luo Jingming）\n红杉中国合伙人。\n"
    )
    entities = {entity.name: entity.aliases for entity in extract_document(parse_document("a.md", text)).entities}
    assert "DJI" in entities["大疆"] and "Luo Jingming" in entities["罗景明"]


def test_a_particle_written_onto_the_name_it_opens() -> None:
    # `### Neil deGrasse Tyson` as a People entry's heading was no person at all
    from kgraph.names import listed_person_name

    assert listed_person_name("Neil deGrasse Tyson") == "Neil deGrasse Tyson"
    assert listed_person_name("Pierre duPont") == "Pierre duPont"
    assert listed_person_name("deGrasse Tyson") is None  # (a name opens on a capital)
    assert listed_person_name("Neil degrasse Tyson") is None
