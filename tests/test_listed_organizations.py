"""The rest of a prose list of organizations the document or the shipped list knows is organizations
too (`Accel, Atomico, BlackRock, NFX, LocalGlobe, and more use tools`): a list holds one kind of
thing. Invented documents."""

from __future__ import annotations

from kgraph.extract import extract_document
from kgraph.parse import parse_document


def _organizations(body: str) -> set[str]:
    text = (
        "# Sourcing Tools\n\n**Podcast:** Data Letter\n**Date:** 2026-01-05\n**Participants:** Dana Ruiz\n"
        f"**Source:** newsletter\n\n---\n\n## 1. Key Themes\n\n### Tools\n{body}\n"
    )
    extraction = extract_document(parse_document("f.md", text))
    return {entry.name for entry in extraction.entities if entry.kind.value == "organization"}


def test_the_unknown_names_of_a_list_of_known_organizations_are_organizations() -> None:
    found = _organizations("Learn how Accel, Corvo Partners, BlackRock, Quillstone, NFX, and more use the tools.")
    assert {"Accel", "BlackRock", "Corvo Partners", "Quillstone", "NFX"} <= found
    # the last name after `and`, a modifier set before a name
    found = _organizations("Investors include Sequoia, Tidewater Labs, SoftBank-rival Tiger Global, and Halvard.")
    assert {"Tidewater Labs", "Halvard"} <= found and "SoftBank-rival Tiger Global" not in found


def test_a_list_with_too_few_known_organizations_people_or_products_names_none() -> None:
    assert "Quillstone" not in _organizations("We met Accel, Quillstone, Halvard, Corvo and Tidewater at the fair.")
    # a person's name or a product in the list: not a list of organizations
    assert "Quillstone" not in _organizations("Accel, BlackRock, Quillstone and Dana Ruiz signed the letter.")
    assert "Quillstone" not in _organizations("Accel, BlackRock, Quillstone and ChatGPT made the shortlist.")
    # a person's name in a list of firms is no firm
    assert "Mara Lindqvist" not in _organizations("Accel, BlackRock, Mara Lindqvist and Quillstone backed it.")


def test_a_list_ending_with_two_names_joined_without_a_comma_or_with_or() -> None:
    found = _organizations("Tools used by Accel, BlackRock, Quillstone and Corvo Partners now.")
    assert {"Quillstone", "Corvo Partners"} <= found
    assert "Halvard" in _organizations("It may be worth more than Walmart, Halvard or Meta.")
    # a first name and a full name may share a surname: no organization made of either
    found = _organizations("Accel, BlackRock, Patrick and Mara Lindqvist backed it.")
    assert "Patrick" not in found and "Mara Lindqvist" not in found
