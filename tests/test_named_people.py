"""People the prose names with no entry of their own, where the words around the name say it is a
person's, and the posts a Companies entry says they hold there. Invented names only."""

from __future__ import annotations

from kgraph.extract import extract_document
from kgraph.parse import parse_document

_DOCUMENT = """# [Hands, Not Legs](https://example.com/e/1)

**Podcast:** Actuated
**Date:** 2025-11-02
**Participants:** Ines Carvalho-Berg, Tobias Brenner

---

# Key Themes

### 1. Hands are the bottleneck

Ines Carvalho-Berg told host Tobias Brenner that walking is a commodity. CEO Chris Urmsby of Aurelon
disagrees, and Kleiner Perkins led the round anyway. Orvane was founded by Berkeley PhDs. Emerson Collective,
investor in half the field, stayed out.

# Companies Identified

### 1. Halvard Robotics
Oslo-based humanoid startup co-founded in 2022 by Ines Carvalho-Berg and Magnus Ødegård. Raised a Series A
led by Ferrovia Capital.

### 2. Ferrovia Capital
Lisbon-based venture fund; partner Duarte Nogueira sits on the board of Halvard.

### 3. Sycamore Labs
Raised a seed round led by Coatue; founded by former Atlassian CTO Sri Viswanath.

### 4. Brex
Prior employer of Treeline co-founder Hussein Adari. First chip partner Li Auto chose.
"""


def _people() -> dict[str, tuple[str, ...]]:
    extraction = extract_document(parse_document("e.md", _DOCUMENT))
    return {person.name: person.affiliations for person in extraction.people}


def test_a_name_after_a_title_or_a_founding_is_a_person_and_a_firm_named_like_one_is_not() -> None:
    people = _people()
    for named in ("Chris Urmsby", "Magnus Ødegård", "Duarte Nogueira", "Sri Viswanath", "Hussein Adari"):
        assert named in people, named
    for not_a_person in ("Kleiner Perkins", "Berkeley PhDs", "Emerson Collective", "Li Auto", "Ferrovia Capital"):
        assert not_a_person not in people, not_a_person


def test_a_post_a_companies_entry_names_is_held_there_unless_former_or_at_another_organization() -> None:
    people = _people()
    assert people["Magnus Ødegård"] == ("Halvard Robotics",)
    assert "Halvard Robotics" in people["Ines Carvalho-Berg"]  # `by A and B`: a known person too
    assert people["Duarte Nogueira"] == ("Ferrovia Capital",)
    assert people["Sri Viswanath"] == ()  # a former CTO; and Coatue, named on his entry's line, is no entry
    assert people["Hussein Adari"] == ()  # Treeline's co-founder, in Brex's entry
    assert people["Chris Urmsby"] == ()  # a title in prose, outside any entry
