"""The rest of a prose list of organizations the document or the shipped list knows is organizations
too (`Accel, Atomico, BlackRock, NFX, LocalGlobe, and more use tools`): a list holds one kind of
thing. Invented documents."""

from __future__ import annotations

import pytest

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


# -- a round's backers ---------------------------------------------------------------------------------
def test_the_backers_of_a_round_are_organizations() -> None:
    found = _organizations("Corvane raised $40M from Quarnby Silicon, SoftBank, Veltrix, Cadmora, and Alchor.")
    # (not `Quarnby Silicon`: two words written like a person's name, an angel's perhaps)
    assert {"Veltrix", "Cadmora", "Alchor"} <= found and "Quarnby Silicon" not in found
    # a name of a kind; a firm's possessive ends the list
    assert "Liberty Harbor Ventures" in _organizations("Its $375M Series B was led by Liberty Harbor Ventures.")
    assert "Halvard Growth" in _organizations("Tidewell raised $45m from Halvard Growth's non-dilutive program.")
    # a place's firm; two names whose comma was lost are neither (which two is not said)
    found = _organizations("The $12M seed was co-led by Mohr Ventures Natural Capital and Singapore's Quellstone.")
    assert "Quellstone" in found and not {"Mohr Ventures", "Natural Capital", "Mohr Ventures Natural Capital"} & found
    # the round in the clause before a semicolon (a table's cell), for a named cue; not for a bare `from`
    found = _organizations("| **Orbex** | Space solar | $170M Series A at $1.1B valuation; co-led by Veltrix and EQX |")
    assert {"Veltrix", "EQX"} <= found
    found = _organizations("| **Xona** | Navigation | $170M Series C; independence from GPX is a theme |")
    assert "GPX" not in found


def test_names_after_a_cue_outside_a_round_or_naming_people_or_products_are_no_backers() -> None:
    # not a round: money, but no raise (`revenue from`)
    assert "Rubix" not in _organizations("Nvidia expects $1 trillion in revenue from Loomwell and Rubix systems.")
    # an angel: a person's name among firms; angels: a list naming one of the document's people
    assert "Sam Altman" not in _organizations("It raised $9M with participation from NEA, Sam Altman and Tidal.")
    found = _organizations(
        "Dana Ruiz backed it too. The seed round drew angels including Dana Ruiz, Oren Sato, and Veltrix."
    )
    assert "Veltrix" not in found and "Oren Sato" not in found
    # a list with a product; a firm's partner; a round's name
    assert "Rubix" not in _organizations("The round was backed by ChatGPT, Rubix and Quillstone.")
    assert "Roelof Tamm" not in _organizations("The Series A was led by Sequoia's Roelof Tamm last spring.")
    assert not {"Series", "Series A"} & _organizations("Corvane raised $9M from Series A investors in Q1.")
    assert "June" not in _organizations("Corvane will raise prices by 12% from June, its CFO said.")
    # a name that goes on past a slash; an investing arm's word after its owner's name
    assert not {"Oak HC", "Oak HC/FT"} & _organizations("It secured a $40 million Series C led by Oak HC/FT.")
    found = _organizations("Corvane is in talks to raise $120M led by Veltrix VC arm at a $1B valuation.")
    assert "Veltrix VC" not in found and "Veltrix" in found


@pytest.mark.parametrize(
    "sentence",
    [
        "The seed round was led by Dr. Fei-Fei Lind.",  # a title's abbreviation
        "It raised $9M from St. Louis-based backers.",
        "The round was backed by U.S. investors.",
        "A round co-led by Mr. Beast.",
        "The $20M round drew participation from Former Halden CEO Eric Sato.",  # a role
        "A $5M seed led by Veltrix AI CEO Arthur Mensch.",
        "It raised $3M from Gen Z creators.",  # groups of people
        "It raised $3M from Fortune 500 companies.",
        "It raised $3M from Friends and Family.",
        "The bill raised criticism from Republicans and Democrats.",  # a raise, no money
        "Oren Sato joined the board. The $9M seed was led by Oren.",  # the first name of the document's person
    ],
)
def test_no_backer_from_a_title_a_role_a_group_of_people_or_a_raise_of_no_money(sentence: str) -> None:
    assert not _organizations(sentence) - {"Halden", "Veltrix AI"}
