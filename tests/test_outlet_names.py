"""Names that are an outlet's and a person's, or an outlet's filed as a person: a newsletter named
after its author keeps the author as its participant; `The Kobeissi Letter` under People
Identified is an organization."""

from __future__ import annotations

import pytest

from kgraph.extract import extract_document
from kgraph.extract.results import EntityKind
from kgraph.parse import parse_document


def _extraction(podcast: str, participants: str, people: str = "", body: str = "Orbex raised money."):
    text = f"""# Weekly notes

**Podcast:** {podcast}
**Date:** 2026-03-16
**Participants:** {participants}
**Source:** newsletter

---

## 1. Key Themes

### Deals
{body}

## 4. People Identified

{people}
"""
    return extract_document(parse_document("fixture.md", text))


@pytest.mark.parametrize(
    ("outlet", "kept"),
    [
        ("Dana Ruiz", ("Dana Ruiz",)),  # the author, whom the text calls Ruiz
        ("Loom Weekly", ()),  # outlets are no one
        ("Orbex", ()),
        ("Platform Notes", ()),  # written like a name, but the text never calls anyone Notes
    ],
)
def test_a_newsletter_named_after_its_author_keeps_the_author(outlet: str, kept: tuple[str, ...]) -> None:
    assert _extraction(outlet, outlet, body="Orbex raised money. Ruiz notes the round closed.").participants == kept


def test_an_outlets_last_word_inside_its_own_name_is_no_surname() -> None:
    """`Deal Flow Dispatch` written again in the text (`Deal Flow Dispatch readers`) is the outlet,
    not a `Dispatch` of a person."""
    body = "Deal Flow Dispatch readers asked about Orbex. Orbex raised money."
    assert _extraction("Deal Flow Dispatch", "Deal Flow Dispatch", body=body).participants == ()
    body = "Deal Flow Dispatch readers asked. Dispatch notes the round closed."  # alone, as a surname
    assert _extraction("Deal Flow Dispatch", "Deal Flow Dispatch", body=body).participants == ("Deal Flow Dispatch",)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("The Loom Letter", EntityKind.ORGANIZATION),
        ("The Economist", EntityKind.ORGANIZATION),
        ("The Founders", None),  # people as a group: nobody
        ("Tove Lind", EntityKind.PERSON),
    ],
)
def test_an_outlet_filed_under_people_is_an_organization(name: str, kind: EntityKind | None) -> None:
    entities = _extraction("Loom Weekly", "Dana Ruiz", f"**{name}**\n- Description: source of the chart\n").entities
    assert {entity.name: entity.kind for entity in entities}.get(name) == kind
