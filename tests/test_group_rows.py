"""A row naming several entities: each member gets its own clause of the description, nothing where
the description names it inside, else the shared description."""

from __future__ import annotations

import pytest

from kgraph.extract import extract_document
from kgraph.extract.group_rows import member_descriptions
from kgraph.parse import parse_document


@pytest.mark.parametrize(
    ("description", "names", "expected"),
    [
        # each member's own clause
        (
            "Halden Wave is a rights firm backed by Orbex; Corvo is a music publisher",
            ["Halden Wave", "Corvo"],
            ["Halden Wave is a rights firm backed by Orbex", "Corvo is a music publisher"],
        ),
        # a first word opens the member's clause (`Tidal is` for Tidal Medicines)
        (
            "Orbex is a major biopharma. Tidal is a young biotech.",
            ["Orbex Sciences", "Tidal Medicines"],
            ["Orbex is a major biopharma", "Tidal is a young biotech"],
        ),
        (
            "Cooling provider for data centers (Wharfly is Orbex Electric's cooling business)",
            ["Wharfly", "Orbex Electric"],
            # what is left once the other's clause goes
            ["Wharfly is Orbex Electric's cooling business", "Cooling provider for data centers"],
        ),
        # named inside: the description is the other member's
        (
            "Publicly traded parent company of Brindle's",
            ["Halden Brands", "Brindle's"],
            ["Publicly traded parent company of Brindle's", None],
        ),
        (
            "Loom maker, creators of Weft (a planner)",
            ["Orbex", "Weft"],
            ["Loom maker, creators of Weft (a planner)", None],
        ),
        ("Loom maker. Its rival is Weft.", ["Orbex", "Weft"], ["Loom maker. Its rival is Weft.", None]),  # sentence end
        ("Loom maker; owner of Weft's mills", ["Orbex", "Weft"], ["Loom maker; owner of Weft's mills", None]),
        # a longer name that starts with the member's is not the member (`the Orbex Growth Fund`)
        (
            "Retail platform; operator of the Orbex Growth Fund",
            ["Orbex", "VLX"],
            ["Retail platform; operator of the Orbex Growth Fund"] * 2,
        ),
        # `Halden DeepLab is` opens no clause of Halden's
        (
            "Halden DeepLab is the research lab",
            ["Halden", "Halden DeepLab"],
            [None, "Halden DeepLab is the research lab"],
        ),
        (
            "Supporting researchers from Halden Lab. Tove Lind in particular built its planner.",
            ["Tove Lind", "Raj Patel"],
            ["Tove Lind in particular built its planner", "Supporting researchers from Halden Lab"],
        ),
        (
            "Orbex acquiring sleep drug maker Tidal",
            ["Orbex", "Tidal"],
            ["Orbex acquiring sleep drug maker Tidal", None],
        ),
        # shared
        ("Sports betting platforms", ["Orbex", "Corvo"], ["Sports betting platforms"] * 2),
    ],
)
def test_each_member_of_a_row_gets_what_the_description_says_of_it(
    description: str, names: list[str], expected: list[str | None]
) -> None:
    given = member_descriptions(description, names)
    assert [given.get(name, description) for name in names] == expected


def test_a_row_of_one_keeps_its_description() -> None:
    assert member_descriptions("Parent company of Orbex", ["Orbex"]) == {}  # each keeps the row's


def test_a_companies_row_of_two_gives_each_its_clause() -> None:
    text = """# [Rights](https://example.com/ep/1)

**Podcast:** Margin Call
**Date:** 2025-12-01
**Participants:** Dana Ruiz

---

## 3. Companies Identified

**Halden Wave, Corvo**
- Description: Halden Wave is a rights firm; Corvo is a music publisher being sold
"""
    entities = extract_document(parse_document("fixture.md", text)).entities
    assert {entity.name: entity.description for entity in entities} == {
        "Halden Wave": "Halden Wave is a rights firm",
        "Corvo": "Corvo is a music publisher being sold",
    }
