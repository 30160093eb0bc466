"""Affiliations the prose sets beside a person's name (`Hollis Grieve, VP of logistics at Cordell
Foods, told`), on invented documents: which clauses state a current post, and which do not."""

from __future__ import annotations

import pytest

from kgraph.extract import extract_document
from kgraph.parse import parse_document


def affiliations(sentence: str, name: str = "Greta Vollmer") -> tuple[str, ...]:
    text = f"""# Loom Ledger: Deals

**Podcast:** Loom Ledger
**Date:** 2025-05-02
**Participants:** Loom Ledger
**Source:** newsletter

---

## 1. Key Themes

### Lending Returns
{sentence}

## 4. People Identified

### {name}
Mentioned in the deals roundup.
"""
    people = extract_document(parse_document("a.md", text)).people
    return next(person.affiliations for person in people if person.name == name)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('Greta Vollmer, VP of logistics at Cordell Foods, told the team that "looms pay".', ("Cordell Foods",)),
        (
            '"We lend against contracts," said Greta Vollmer, who leads climate lending at Northmoor Capital.',
            ("Northmoor Capital",),
        ),  # fmt: skip
        ("Greta Vollmer, Solstra's CFO, said the opposite is true.", ("Solstra",)),
        ("Greta Vollmer (partner at Tessel Ventures) disagreed.", ("Tessel Ventures",)),
        ("Greta Vollmer, who previously ran routing at Convoy, joined in May.", ()),  # a role left behind
        ("Greta Vollmer, a former partner at Tessel Ventures, disagreed.", ()),
        ("Greta Vollmer, a Tessel regular, disagreed.", ()),  # no post
        ("Greta Vollmer, CEO of Oslo, disagreed.", ()),  # a place
        ("Anna Greta Vollmerova, CEO of Quill, disagreed.", ()),  # another name that contains hers
        ("Greta Vollmer, who is a partner at Tessel Ventures, spoke.", ("Tessel Ventures",)),
        # another's post, a post changing, or none
        ("Greta Vollmer, who interviewed the CEO of Orbex, spoke.", ()),
        ("Greta Vollmer, who is married to the CEO of Orbex, spoke.", ()),
        ("Greta Vollmer, the CEO of Orbex's biggest rival, spoke.", ()),
        ("Greta Vollmer, who is not at Orbex, spoke.", ()),
        ("Greta Vollmer, who stepped down as CEO of Orbex, spoke.", ()),
        ("Greta Vollmer, who will become CEO of Orbex, spoke.", ()),
    ],
)
def test_a_post_set_beside_a_name_is_an_affiliation(sentence: str, expected: tuple[str, ...]) -> None:
    assert affiliations(sentence) == expected


def test_a_vp_named_only_in_prose_is_a_person_with_the_post_as_affiliation() -> None:
    text = """# Freight Agents

**Podcast:** The Build Log
**Date:** 2025-05-02
**Participants:** Tobin Marsh

---

## 1. Key Themes

### Cost per load
Hollis Grieve, VP of logistics at Cordell Foods, told the team that cost per load is the metric.
"""
    people = {person.name: person.affiliations for person in extract_document(parse_document("a.md", text)).people}
    assert people["Hollis Grieve"] == ("Cordell Foods",)


def test_a_possessive_post_and_the_people_research_or_a_founding_is_shared_with() -> None:
    text = """# Small Models

**Podcast:** Frontier Desk
**Date:** 2025-05-02
**Participants:** Halima Ostrowski, Jonah Feld

---

## 1. Key Themes

### Models
Petrel was co-founded in 2022 by Halima Ostrowski and Dr. Ibrahim Sayer-Lund, Petrel's chief scientist, who
left Varde. The protocol follows the one proposed by Adaora Fenwick and colleagues at Eastbrook. Tobiah
spent a decade at Union Pacific before co-founding Ferrovia with Aanya Raghunathan, who ran routing.
"""
    people = {person.name: person.affiliations for person in extract_document(parse_document("a.md", text)).people}
    assert people["Ibrahim Sayer-Lund"] == ("Petrel",)
    assert "Adaora Fenwick" in people and "Aanya Raghunathan" in people


def test_a_short_name_beside_a_post_is_the_listed_organization_it_opens() -> None:
    text = """# GPU Debt

**Podcast:** Loom Ledger
**Date:** 2025-05-02
**Participants:** Loom Ledger
**Source:** newsletter

---

## 1. Key Themes

### Debt
Ines Vasquez-Hart, Stackfield's CFO, said the debt is cheap.

## 3. Companies Identified

**Stackfield Compute**
- Description: GPU cloud

## 4. People Identified

### Ines Vasquez-Hart
Quoted on debt.
"""
    people = {person.name: person.affiliations for person in extract_document(parse_document("a.md", text)).people}
    assert people["Ines Vasquez-Hart"] == ("Stackfield Compute",)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('> "Loom lending is back this year." — Greta Vollmer, WSJ', ("WSJ",)),  # a name only firms are
        ('> "Loom lending is back this year." - Greta Vollmer, Halden Capital', ("Halden Capital",)),
        ('> "Loom lending is back." [00:01:00] — Greta Vollmer, Senior Equity Strategist, Quarnby', ("Quarnby",)),
        ('> "Loom lending is back this year." — Greta Vollmer, Tessel Labs EVP', ("Tessel Labs",)),
        ('> "Loom lending is back this year." — Greta Vollmer, partner at Orbex Capital', ("Orbex Capital",)),
        ('> "Loom lending is back this year." — Greta Vollmer, Lisbon', ()),  # a place
        ('> "Loom lending is back this year." — Greta Vollmer, Quarnby', ()),  # a word, perhaps a town
        ('Greta Vollmer, Quarnby Capital, disagreed with "the loom bulls".', ()),  # no signature
    ],
)
def test_a_quote_signed_with_a_name_and_an_organization_gives_the_signer_it(
    sentence: str, expected: tuple[str, ...]
) -> None:
    assert affiliations(sentence) == expected


def test_a_signers_organization_the_document_lists_is_theirs() -> None:
    text = """# Loom Ledger: Deals

**Podcast:** Loom Ledger
**Date:** 2025-05-02
**Source:** newsletter

---

## 1. Key Themes

### Lending Returns
> "Loom lending is back this year." — Greta Vollmer, Quarnby

## 3. Companies Identified

### Quarnby
A loom lender.
"""
    people = extract_document(parse_document("a.md", text)).people
    assert [(person.name, person.affiliations) for person in people] == [("Greta Vollmer", ("Quarnby",))]
