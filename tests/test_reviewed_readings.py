"""Readings an independent review of this stop's rules found wrong, each pinned: a teller after a
clause of its own, words read out from someone named, another speaker after the reading, a surname
that is a post's word, a title's parenthesis that is no organization, a description's word that
describes the person, a person as a product's maker, an unnamed firm's internal tool, a namesake
who recorded something, and the author of a book named like the newsletter. Invented documents."""

from __future__ import annotations

import pytest

from kgraph.extract import extract_document
from kgraph.extract.affiliations import description_affiliations
from kgraph.extract.relations import title_affiliations
from kgraph.extract.results import EntityKind, PersonName
from kgraph.parse import parse_document

from .test_products import entry, kinds

QUOTE = "Long-haul freight will be the last thing we electrify, and the most profitable one of all."


def _extracted(
    body: str, participants: str = "Dana Ruiz, Mark Ode", podcast: str = "Bench Show", tail: str = "", source: str = ""
):
    source_line = f"**Source:** {source}\n" if source else ""
    text = (
        f"# A talk\n\n**Podcast:** {podcast}\n**Date:** 2025-01-01\n**Participants:** {participants}\n{source_line}"
        "\n---\n\n"
        f"## 1. Key Themes\n\n### T\n{body}\n\n## 4. People Identified\n\n**Jo Lee**\n- *Description:* Analyst\n\n"
        f"**Ann Park**\n- *Description:* Founder of Corvid\n\n**Priya Shah**\n- *Description:* Host\n{tail}"
    )
    return extract_document(parse_document("f.md", text))


@pytest.mark.parametrize(
    ("lead_in", "speaker"),
    [
        ("After the call with Ann Park, she phoned her accountant, who told her:", None),  # a clause, no description
        ("Priya Shah read Ann Park's memo:", "Ann Park"),  # the quote's `Customers told us` is the memo's
        ("Priya Shah read Ann Park's memo aloud:", "Ann Park"),
        ("Dana Ruiz read a listener question and Jo Lee answered:", "Jo Lee"),
        ("Jo Lee read the email and responded:", "Jo Lee"),
    ],
)
def test_who_speaks_after_a_teller_or_a_reading(lead_in: str, speaker: str | None) -> None:
    quote = f"Customers told us {QUOTE[0].lower()}{QUOTE[1:]}"
    claims = _extracted(f'{lead_in} "{quote}"').claims
    assert {claim.text: claim.speaker for claim in claims}[quote] == speaker


def test_a_quote_opening_on_someone_else_telling_the_relayer_stays_relayed() -> None:
    quote = f"Everyone told me {QUOTE[0].lower()}{QUOTE[1:]}"
    claims = _extracted(f'Dana Ruiz quoted a former colleague: "{quote}"').claims
    assert {claim.text: claim.speaker for claim in claims}[quote] is None


def test_a_surname_that_is_a_posts_word_speaks() -> None:
    claims = _extracted(f'Jennifer Senior said: "{QUOTE}"').claims
    assert {claim.text: claim.speaker for claim in claims}[QUOTE] == "Jennifer Senior"


@pytest.mark.parametrize(
    "title",
    [
        "Nancy Pelosi (D-CA) on the budget",
        "Nancy Pelosi (The Rock) on fame",
        "Nancy Pelosi (Fireside Chat) on freight",
        "Gen. Nancy Pelosi (Ret.) on deterrence",
        "Nancy Pelosi (Deep Dive): freight",
    ],
)
def test_a_titles_parenthesis_of_no_organization(title: str) -> None:
    assert title_affiliations([title], [PersonName(name="Nancy Pelosi")], [])[0].affiliations == ()


@pytest.mark.parametrize(
    "description",
    ["B2B SaaS CEO", "3x founder", "FinTech CEO", "PhD Director", "Serial founder", "DeFi founder", "Web3 Founder"],
)
def test_a_word_describing_the_person_is_no_organization(description: str) -> None:
    assert description_affiliations(description) == []


def test_a_person_is_no_makers_organization_and_an_unnamed_internal_tool_no_product() -> None:
    found = kinds(
        [
            entry("Lovable", "AI app builder", ("by Anton Osika",), line=1),
            entry("Retool", "Raised a Series C", ("internal tools platform",), line=2),
            entry("Glean", "In-house search platform vendor", line=3),
        ]
    )
    assert found["Lovable"][1] == ()
    assert found["Retool"] == (EntityKind.ORGANIZATION, ())
    assert found["Glean"] == (EntityKind.ORGANIZATION, ())


def test_a_namesake_who_recorded_something_is_no_participants_full_name() -> None:
    extraction = _extracted(
        f'In 2012 Sean Parker recorded a long interview with regulators. Sean said: "{QUOTE}"',
        participants="Sean, Dana Ruiz",
    )
    assert "Sean" in extraction.participants and "Sean Parker" not in extraction.participants


def test_the_author_of_a_book_named_like_the_newsletter_is_no_participant() -> None:
    tail = "\n**Mason Currey**\n- *Description:* Author of Daily Rituals, a book on artists' routines\n"
    text_podcast = "The Daily"
    extraction = _extracted(
        "Volumes rose.", participants="The Daily", podcast=text_podcast, tail=tail, source="newsletter"
    )
    assert "Mason Currey" not in extraction.participants
