"""Organizations the prose names beside their kind (`energy group Equinor`, `Harlow Geothermal, a
geothermal developer`), though no entry lists them. Invented names only."""

from __future__ import annotations

import pytest

from kgraph.extract import extract_document
from kgraph.parse import parse_document


def organizations_of_a_kind(body: str) -> list[str]:
    text = f"""# Loom Ledger: Deals

**Podcast:** Loom Ledger
**Date:** 2025-05-02
**Participants:** Dana Ruiz
**Source:** newsletter

---

## 1. Key Themes

### Deals
{body}

## 3. Companies Identified

**Orbex Labs**
- Description: Loom maker
"""
    entities = extract_document(parse_document("a.md", text)).entities
    return [entity.name for entity in entities if entity.in_prose and entity.kind.value == "organization"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Norwegian energy group Equivar agreed to acquire Harlow Geothermal, a geothermal developer, for $1B.",
            ["Equivar", "Harlow Geothermal"],
        ),  # fmt: skip
        ("Dana Ruiz founded the grid-software company Ampersand Grid in 2019.", ["Ampersand Grid"]),
        ("Acquired Fauvel Robotics, a humanoid robotics developer.", ["Fauvel Robotics"]),  # not the verb
        ("Canada-based Borelle, a renewables company, was sold.", ["Borelle"]),  # not the modifier
        ("He is the CEO of Quillmark, a materials company.", ["Quillmark"]),  # not the post
        ("Shares of the parent company Brinkwell rose.", ["Brinkwell"]),
        ("Dana Ruiz, a former banker, disagreed.", []),  # a person, and no kind of organization
        ("The company Orbex Labs grew.", []),  # listed already
        ("The AI company IPOs dwarf the rest; the company I've joined.", []),
        ("Franklin bought 250 Digital, a crypto firm.", []),  # a name a number opens
        ("The Coalition for Open Looms, a trade group, objected.", ["Coalition for Open Looms"]),
    ],
)
def test_a_capitalized_name_beside_its_kind_is_an_organization(body: str, expected: list[str]) -> None:
    assert organizations_of_a_kind(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Velloria raised $16M led by Quarnby Capital with Tessaly Ventures and Orrin Fund Management.",
            ["Quarnby Capital", "Tessaly Ventures", "Orrin Fund Management"],
        ),
        ("Meanwhile Quarnby Capital passed.", ["Quarnby Capital"]),  # a sentence's first word is no part
        ("Backed by Deep Harrow Capital, it grew.", ["Deep Harrow Capital"]),  # a common word inside the name
        ("Dana Ruiz's Vantrell Holdings bought it.", ["Vantrell Holdings"]),  # the owner is no part
        ("It closed a round led by Mohr Ventures Tessaly Capital.", []),  # two names, a comma left out
        ("The Limited Partners and the Human Capital team agreed.", []),  # kinds, not names
        ("The fund is Quarnby Fund 2.", []),  # a fund's vehicle
        ("Choose Your Early Partners carefully.", []),  # a title's words
        ("She is the VP of Loom Technologies at Orbex Labs.", []),  # a department
        ("Dana Ruiz runs Ruiz Capital.", []),  # perhaps the person's, perhaps a misread
        ("Orbex Labs and Orbex Capital merged.", ["Orbex Capital"]),  # not the listed name's tail
        ("We deploy at Atlas Orbex Labs in a classified room.", []),  # the listed name, misheard
        ("The Velloria Capital Life Sciences arm invested.", []),  # the end of a longer name
    ],
)
def test_a_name_that_ends_in_its_kind_is_an_organization(body: str, expected: list[str]) -> None:
    assert organizations_of_a_kind(body) == expected


def test_a_list_that_ends_on_a_shared_surname_adds_no_given_name() -> None:
    body = "Quarnby Capital led, joined by Tessaly Ventures, Orrin Partners, and Pell and Ivo Marrack."
    assert organizations_of_a_kind(body) == ["Quarnby Capital", "Tessaly Ventures", "Orrin Partners"]


def test_a_listed_organizations_name_shortened_by_its_kind_is_no_other_organization() -> None:
    text = """# Loom Ledger: Deals

**Podcast:** Loom Ledger
**Date:** 2025-05-02
**Source:** newsletter

---

## 1. Key Themes

### Deals
Shares of the parent company Brinkwell rose; Quarnby, Tessaly, Orrin Capital, and Velloria all sold. The
research company Harrowgate grew, and so did the loom company Quillon.

## 3. Companies Identified

### Brinkwell International
A restaurant group.

### Velloria Global Management
An asset manager.

### Harrowgate DeepLoom
A loom lab.

### Quillon Research
The research unit of Quillon.

### Orrin Capital
An investor.

### Quarnby
An investor.
"""
    entities = extract_document(parse_document("a.md", text)).entities
    # `Brinkwell` and `Velloria` are the listed names; `Harrowgate` adds no kind and `Quillon` a unit's:
    # other organizations
    assert [entity.name for entity in entities if entity.in_prose] == ["Harrowgate", "Quillon", "Tessaly"]
