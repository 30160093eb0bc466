"""An entry without labelled fields: its first prose line describes the entity, the rest says why the
episode mentions it (`**Halden Mills**` / `*Wool mill*` / `Hired Corvo's head of dyeing ...`), and
a label alone on its line (`**Quotes:**` above its bullets) is neither."""

from __future__ import annotations

from pathlib import Path

import pytest

import kgraph
from kgraph.extract.entities import extract_entities
from kgraph.extract.results import EntityEntry
from kgraph.parse import parse_document

from .test_resolve import write


def _entries(companies: str = "None identified.", people: str = "None identified.") -> dict[str, EntityEntry]:
    text = (
        "# Looms\n\n**Podcast:** Loom Stories\n**Date:** 2026-01-01\n**Participants:** Greta Vollmer\n\n"
        f"## Companies Identified\n\n{companies}\n\n## People Identified\n\n{people}\n"
    )
    return {entry.name: entry for entry in extract_entities(parse_document("e.md", text))}


@pytest.mark.parametrize(
    "entry",
    [
        # an italic line, then prose, then the quote
        '**Halden Mills**\n*Wool mill in Bergen*\nHired Corvo\'s head of dyeing.\n> "We dye faster than anyone else now."',
        # a heading, two paragraphs
        "### Halden Mills\n\nWool mill in Bergen\n\nHired Corvo's head of dyeing.",
        # the description after the name, then prose
        "**Halden Mills** — Wool mill in Bergen\n\nHired Corvo's head of dyeing.",
        # a Description field, then unlabelled prose
        "**Halden Mills**\n- **Description:** Wool mill in Bergen\n\nHired Corvo's head of dyeing.",
    ],
)
def test_the_prose_after_the_description_says_why_it_is_mentioned(entry: str) -> None:
    found = _entries(companies=entry)["Halden Mills"]
    assert (found.description, found.why_mentioned) == ("Wool mill in Bergen", "Hired Corvo's head of dyeing.")


def test_a_why_field_still_wins_and_a_lone_description_has_no_reason() -> None:
    found = _entries(
        companies=(
            "**Halden Mills**\n*Wool mill in Bergen*\n- **Why mentioned:** Its dye works\n\nHired Corvo's dyer.\n\n"
            "**Corvo Looms**\n*Loom maker in Oslo*\n"
        )
    )
    assert found["Halden Mills"].why_mentioned == "Its dye works"
    assert (found["Corvo Looms"].description, found["Corvo Looms"].why_mentioned) == ("Loom maker in Oslo", None)


@pytest.mark.parametrize("label", ["**Quotes:**", "**Key Quote**:", "- *Key Quotes:*"])
def test_a_label_alone_on_its_line_is_no_prose(label: str) -> None:
    found = _entries(people=f'**Tove Lind**\n{label}\n- "We dye faster than anyone else in the north."')["Tove Lind"]
    assert (found.description, found.why_mentioned) == (None, None)
    # a sentence that merely begins like a label is prose
    found = _entries(companies="**Halden Mills**\nNotable for its dye works.")["Halden Mills"]
    assert found.description == "Notable for its dye works."


def test_what_the_reason_names_is_mentioned_by_the_episode(tmp_path: Path) -> None:
    """The people and firms the reason names: a person another episode lists, a round's investor."""
    write(tmp_path, "e1.md", title="Looms 1", participants="Greta Vollmer", day=1, people="**Tove Lind**\n*Dyer*\n")
    companies = (
        "**Halden Mills**\n*Wool mill in Bergen*\n"
        "Raised a $20M Series A led by Wharfly Capital to bolster Tove Lind's dyeing team.\n"
    )
    write(tmp_path, "e2.md", title="Looms 2", participants="Greta Vollmer", day=2, companies=companies)
    model = kgraph.build([tmp_path]).model
    labels = {node.iri: node.label for node in (*model.people, *model.organizations)}
    episode = next(episode for episode in model.episodes if episode.label == "Looms 2")
    assert {labels[iri] for iri in episode.mentions if iri in labels} >= {"Tove Lind", "Wharfly Capital"}
    mention = next(m for m in model.mentions if labels.get(m.entity) == "Halden Mills")
    assert mention.why_mentioned is not None and mention.why_mentioned.startswith("Raised a $20M Series A")
