"""What a Companies heading's parenthesis says besides the name: an owner (`Cymer (ASML-owned)`,
`(now part of Halden)`, `(a Wharfly company)`) is an organization the episode mentions; some of the
name's own words (`Carl Zeiss (Zeiss)`) are another name for it."""

from __future__ import annotations

import pytest

from kgraph.extract import extract_document
from kgraph.parse import parse_document

from .test_organizations import resolved, sighting, verdicts


def _entities(companies: str, people: str = "") -> list:
    text = f"""# [Optics](https://example.com/ep/1)

**Podcast:** Margin Call
**Date:** 2025-12-01
**Participants:** Dana Ruiz

---

## 3. Companies Identified

{companies}

## 4. People Identified

{people}
"""
    return list(extract_document(parse_document("fixture.md", text)).entities)


@pytest.mark.parametrize(
    ("heading", "owner"),
    [
        ("Cymer (Orbex-owned)", "Orbex"),
        ("Tessel Robotics (now part of Agile Looms)", "Agile Looms"),
        ("Tidal (acquired by Corvo)", "Corvo"),
        ("Tidal (a Wharfly company)", "Wharfly"),
        ("Tidal (subsidiary of Halden Group)", "Halden Group"),
    ],
)
def test_an_owner_in_a_heading_is_an_organization_the_episode_mentions(heading: str, owner: str) -> None:
    entities = _entities(f"### {heading}\nLooms.\n")
    named = {entity.name: entity.own_entry for entity in entities}
    assert named[owner] is False  # mentioned, no entry of its own
    assert len(named) == 2


@pytest.mark.parametrize(
    ("field", "owners"),
    [
        ("- Why mentioned: Agreed to be acquired by Corvo — an example of consolidation", ["Corvo"]),
        ("- Description: Loom maker acquired by ORBEX. Dana Ruiz calls it a steal", ["ORBEX"]),
        ("- Description: Platform spun off from Wharfly's X lab", ["Wharfly"]),  # the possessor
        ("- Description: Grid startup spun out of Agile Looms in 2024", ["Agile Looms"]),
        (
            "- Description: A subsidiary of Quill & Tessel; owned by Marrow Capital",
            ["Quill & Tessel", "Marrow Capital"],
        ),
        ("- Description: Social network acquired by Kestrel Aldane in 2022", []),  # a person's name
        ("- Why mentioned: Represents the AI division of the Corvo IPO", []),
        ("- Description: Acquired by Halden at $2B", []),  # the entry `Halden Sciences` below
    ],
)
def test_an_owner_an_entry_names_is_an_organization_the_episode_mentions(field: str, owners: list[str]) -> None:
    entities = _entities(f"### Tidal\n{field}\n\n### Halden Sciences\nBiotech.\n")
    assert [entity.name for entity in entities if not entity.own_entry] == owners


def test_a_person_written_as_an_owner_is_no_organization() -> None:
    entities = _entities("### Boring Tunnels (Musk-owned)\nTunnels.\n", "### Elon Musk\nEntrepreneur.\n")
    assert "Musk" not in {entity.name for entity in entities}


def test_an_owner_the_document_lists_is_not_listed_twice() -> None:
    entities = _entities("### Cymer (Orbex-owned)\nLight.\n\n### Orbex\nLithography.\n")
    assert [entity.name for entity in entities].count("Orbex") == 1


@pytest.mark.parametrize(
    ("heading", "aliases"),
    [("Carl Tessel (Tessel)", ("Tessel",)), ("Orbex Platforms (Orbex)", ("Orbex",)), ("Halden Labs (Labs)", ())],
)
def test_some_of_the_names_own_words_are_another_name_for_it(heading: str, aliases: tuple[str, ...]) -> None:
    (entity,) = _entities(f"### {heading}\nOptics.\n")
    assert entity.aliases == aliases


def test_two_names_that_differ_in_every_word_are_no_spelling_variant() -> None:
    # `AgileX Robotics` / `Agile Robots`, close in letters, on one show: two companies
    result, log = resolved(
        [sighting("Tesselx Robotics", "a.md", podcast="P"), sighting("Tessel Robots", "b.md", podcast="P")]
    )
    assert result["Tesselx Robotics"][0] != result["Tessel Robots"][0]
    assert not [v for v in verdicts(log) if v[0] == "merged"]
    result, _ = resolved(
        [sighting("Gimlet Media", "a.md", podcast="P"), sighting("Gimlett Media", "b.md", podcast="P")]
    )
    assert result["Gimlet Media"][0] == result["Gimlett Media"][0]  # one word, one slip


def test_a_hostile_run_of_owners_names_a_bounded_number_of_organizations() -> None:
    from kgraph.extract.results import MOST_NAMED

    field = "- Description: " + " ".join(f"Acquired by Orvane{index:03d}." for index in range(MOST_NAMED + 50))
    entities = _entities(f"### Tidal\n{field}\n")
    assert len([entity for entity in entities if not entity.own_entry]) == MOST_NAMED
