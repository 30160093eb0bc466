"""The organization an episode's title gives a person of the episode (`Deel CEO, Alex Bouaziz on
...`, `Benchmark's GP, Everett Randle: ...`, `Priya Raman, CEO of Haulwise`): a role or a possessive
ties them, and without a role only an organization the document lists. Invented names."""

from __future__ import annotations

import pytest

from kgraph.extract import extract_document
from kgraph.extract.relations import title_affiliations
from kgraph.extract.results import EntityEntry, EntityKind, PersonName
from kgraph.parse import parse_document

LISTED = [
    EntityEntry(kind=EntityKind.ORGANIZATION, name=name, aliases=aliases, line=1, rank=1)
    for name, aliases in (("Orbex", ()), ("Halden Looms", ()), ("Tidewater Partners", ("TWP",)))
]


@pytest.mark.parametrize(
    ("title", "organizations"),
    [
        ("Orbex CEO, Dana Ruiz on Raising $300M", ["Orbex"]),
        ("Orbex CEO Dana Ruiz on the Loom Wars", ["Orbex"]),
        ("No Loom Ep. 137 | With Halden Looms Co-Founder & CEO Dana Ruiz", ["Halden Looms"]),
        ("TWP's Dana Ruiz on How Funds Grow", ["TWP"]),  # a listed one's possessive, as written
        ("Podcast Summary: Dana Ruiz, CEO of Orbex", ["Orbex"]),
        ("Loom special: Dana Ruiz (Orbex) and Raj Patel (Corvo)", ["Orbex"]),
        ("Wharfly's GP, Dana Ruiz: Why Margins Matter", ["Wharfly"]),  # a possessive and a role: unlisted too
        ("Podcast Summary: Dana Ruiz, Orbex", ["Orbex"]),  # a listed organization alone after the name
        ("Podcast Summary: Dana Ruiz, Wharfly", []),  # not listed: could be anything
        ("Onboarding Lies | Dana Ruiz (Orbex, ex-Halden Looms)", ["Orbex", "Halden Looms"]),  # a past one too
        # the parenthesis after the name: an organization no list has (`Zach Abrams (Bridge)`)
        ("Loom special: Dana Ruiz (Wharfly)", ["Wharfly"]),
        ("Loom special: Dana Ruiz (Wharfly Labs, ex-Corvo)", ["Wharfly Labs", "Corvo"]),
        ("Body Futurism by Dana Ruiz (Essay)", []),  # the piece, not the person
        ("Dana Ruiz (Founder)", []),
        ("Dana Ruiz (London)", []),
        ("Dana Ruiz (Live at SaaStr)", []),
        ("Dana Ruiz (2025 Rerun)", []),
        ("Loom Wars with Dana Ruiz, President @ Orbex", ["Orbex"]),
        ("Loom Wars with Dana Ruiz, President @ Anduril", ["Anduril"]),  # unlisted, but well known
        ("No Loom Ep. 139 | With Anduril CEO Dana Ruiz", ["Anduril"]),  # (before the name too)
        ("No Loom Ep. 139 | With Wharfly CEO Dana Ruiz", []),  # unlisted and not well known
        ("Former Orbex CEO Dana Ruiz on Looms", []),  # a past role, listed or well known
        ("Ex Anduril CEO Dana Ruiz on Looms", []),
        ("Anduril investor Dana Ruiz on Looms", []),  # a well-known one's investor: none of its people
        # several owners' possessive: each listed or well known (not `Bill & Melinda's`)
        ("Orbex & Founders Fund's Dana Ruiz on Looms", ["Orbex", "Founders Fund"]),
        ("Wharfly & Corvo's Dana Ruiz on Looms", []),
        ("Dana Ruiz, Orbex on Looms", ["Orbex"]),
        # none
        ("Wharfly's Dana Ruiz on Looms", []),  # no role, not listed
        ("Patel's partner, Dana Ruiz, on Looms", []),  # a person's
        ("Norway's CEO, Dana Ruiz, on Looms", []),  # a place's
        ("Why Orbex and Dana Ruiz disagree", []),  # nothing ties them
        ("How Orbex's new looms changed Dana Ruiz", []),
        ("Dana Ruiz (Part 2)", []),
        ("Orbex CEO Raj Patel with Dana Ruiz", []),  # another person's name is no role (a review's find)
        ("Dana Ruiz, interviewing the CEO of Orbex", []),  # a clause holding a role word is no role
        ("Dana Ruiz, Chief Executive Officer of Orbex", ["Orbex"]),
        ("Orbex's former CEO, Dana Ruiz, on Looms", []),  # a past role
        ("Podcast Summary: Dana Ruiz, ex-CEO of Orbex", []),
    ],
)
def test_a_title_gives_a_person_the_organization_it_ties_them_to(title: str, organizations: list[str]) -> None:
    people = [PersonName(name="Dana Ruiz"), PersonName(name="Raj Patel")]
    assert list(title_affiliations([title], people, LISTED)[0].affiliations) == organizations


@pytest.mark.parametrize(
    "title",
    [
        "# [Orbex CEO, Dana Ruiz on Raising $300M](https://example.com/v)\n\n",
        # the summary's own heading, below the header
        "# Raising $300M\n\n",
    ],
)
def test_a_participant_gets_the_affiliation_of_the_episode_title(title: str) -> None:
    text = (
        f"{title}**Podcast:** Loom Talk\n**Date:** 2026-01-01\n**Participants:** Raj Patel, Dana Ruiz\n\n---\n\n"
        "# [Podcast Summary: Dana Ruiz, Co-Founder and CEO of Orbex](https://example.com/v)\n\n"
        "## Companies Identified\n\n### Orbex\nLoom maker.\n"
    )
    people = {person.name: person.affiliations for person in extract_document(parse_document("e.md", text)).people}
    assert people == {"Raj Patel": (), "Dana Ruiz": ("Orbex",)}


def test_an_unlisted_word_the_document_writes_in_lower_case_is_no_organization() -> None:
    people = [PersonName(name="Dana Ruiz")]
    assert title_affiliations(["Dana Ruiz (Bridge)"], people, LISTED)[0].affiliations == ("Bridge",)
    assert title_affiliations(["Dana Ruiz (Bridge)"], people, LISTED, frozenset({"bridge"}))[0].affiliations == ()
