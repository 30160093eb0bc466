"""Participants: who the episode's lists and People entries say takes part, under the names they are called."""

from __future__ import annotations


def test_a_participant_listed_by_the_short_name_their_people_entry_states_is_that_person() -> None:
    from kgraph.extract import extract_document
    from kgraph.parse import parse_document

    text = (
        "# Agents in the Editor\n\n**Podcast:** Compile Time\n**Date:** 2026-03-11\n"
        "**Participants:** Hannah Lindqvist, Rafa\n\n---\n\n## Key Themes\n\n### Tabs\n\n"
        '> "Tab completion was a gateway drug for the whole agent pane." - Rafa [00:09:02]\n\n'
        "## People Identified\n\n### Rafael Domínguez (Rafa)\n**Description:** Staff engineer at Brightwater\n\n"
        "### William Tan (Bill)\n**Description:** Engineer\n\n### Dana Ruiz (Acme)\n**Description:** Engineer\n"
    )
    extraction = extract_document(parse_document("e.md", text))
    assert extraction.participants == ("Hannah Lindqvist", "Rafael Domínguez")
    assert [claim.speaker for claim in extraction.claims] == ["Rafael Domínguez"]
    aliases = {person.name: person.aliases for person in extraction.people}
    assert "Rafa" in aliases["Rafael Domínguez"]
    entries = {entry.name: entry for entry in extraction.entities}
    assert "Bill" in entries["William Tan"].aliases  # a short form the data knows
    assert entries["Dana Ruiz"].aliases == ()  # an organization is no short name


def test_a_short_name_two_entries_state_or_another_persons_first_name_is_nobodys_surely() -> None:
    from kgraph.extract import extract_document
    from kgraph.parse import parse_document

    text = (
        "# Funds\n\n**Podcast:** Compile Time\n**Date:** 2026-03-11\n**Participants:** Jane Roe, Bill\n\n---\n\n"
        "## Key Themes\n\n### Tabs\n\nThey talk.\n\n## People Identified\n\n"
        "### William Tan (Bill)\n**Description:** Investor\n\n### William Peebles (Bill)\n**Description:** Researcher\n"
    )
    assert extract_document(parse_document("e.md", text)).participants == ("Jane Roe", "Bill")
    gurley = text.replace(
        "### William Peebles (Bill)\n**Description:** Researcher\n", "### Bill Gurley\n**Description:** VC\n"
    )
    assert extract_document(parse_document("e.md", gurley)).participants == ("Jane Roe", "Bill")
