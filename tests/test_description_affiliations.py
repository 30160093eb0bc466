"""Affiliations a People entry's own description states as a current role (`CEO of Acme`,
`Chief Scientist, Acme`, `Acme's Head of Policy`), and what it must not read as one: a sentence,
a past role, a work, a country, a person. Invented names only."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.extract import affiliations, extract_document
from kgraph.extract.affiliations import affiliations_from, description_affiliations, reason_affiliations
from kgraph.extract.known_organizations import known_organizations
from kgraph.extract.organization_names import organization_words
from kgraph.extract.results import EntityKind
from kgraph.names import fold
from kgraph.parse import parse_document
from kgraph.person_names import is_town


@pytest.mark.parametrize(
    ("description", "organizations"),
    [
        ("CEO of Orbex", ["Orbex"]),
        ("CEO of Orbex.", ["Orbex"]),
        ("Chief Scientist, Halden Labs", ["Halden Labs"]),
        ("Political economy professor, Varde University", ["Varde University"]),
        ("Researcher/author at Tidewater Data", ["Tidewater Data"]),
        ("Head of Research at Halden Labs", ["Halden Labs"]),
        ("Founder of Marrow Collective, investor", ["Marrow Collective"]),
        ("Newsletter author; co-founder of Corvo", ["Corvo"]),  # a clause at a time
        ("Orbex's Head of Policy; previously at Corvo", ["Orbex"]),  # the past clause names none
        ("Head of Orbex's Health Care Life Sciences team", ["Orbex"]),  # a part of Orbex
        ("CEO of Brindle's Kitchens, named to the role in June", ["Brindle's Kitchens"]),  # a name that goes on
        ("CEO of Velden and Skyforge; owner of Quill", ["Velden", "Skyforge"]),
        ("Partner at Corvo Ventures for two decades", ["Corvo Ventures"]),  # the name ends where it does
        ("CEO of ORBEX. Mentioned for a bold forecast", ["ORBEX"]),  # a sentence ends after capitals
        ("Greta Vollmer's partner at Tessel Ventures", ["Tessel Ventures"]),  # her partner: a person's
        ("Founder & CEO of Sim.io", ["Sim.io"]),
        ("Co-founder of Velden and Skye (now Quill)", ["Velden", "Skye"]),
        ("Former Orbex ethicist, co-founder of the Center for Quiet Tech", ["Center for Quiet Tech"]),
        ("CIO of Halden Capital", ["Halden Capital"]),
        ("Senior technology official at the Department of Looms", ["Department of Looms"]),
        ("Researcher at Our Tides in Data", ["Our Tides in Data"]),  # `in` between the words of a name
        # two roles joined by `and`, each with its organization; a former one still names none
        ("Host of Loom Talk and managing partner at Orbex Ventures, an early investor", ["Orbex Ventures"]),
        ("Former Mayor of Varde and founder of Halden LP", ["Halden LP"]),
        ("Founder and former CEO of Orbex", ["Orbex"]),  # one role of two titles: a founder either way
        ("Founder and principal of Orbex Partners", ["Orbex Partners"]),
        # the kind of organization before its name
        ("Co-host; founder of the developer-tools company Stackwell.", ["Stackwell"]),
        ("Founder and managing partner of the growth fund Meridian Arc", ["Meridian Arc"]),
        ("Varde University. Co-author, known for loom theory", ["Varde University"]),  # an opening institution
        ("Varde University / Orbex AI. Co-author", ["Varde University", "Orbex AI"]),
        ("MIT. Co-author", ["MIT"]),
        ("Senior Analyst, Emerging Tech, TideBook", ["TideBook"]),  # a role, its field, the organization
        ("Professor, Loom Science, Varde University", ["Varde University"]),
        ("Chairman of Orbex's board", ["Orbex"]),
        ("Ex-Corvo Partners; new MD of Capital Formation at Halden Capital", ["Halden Capital"]),
        ("Author, The Loom Corner newsletter", ["The Loom Corner"]),  # a publication, not a book
        ("Author; publisher of The Loom Corner newsletter", ["The Loom Corner"]),
        ("Writer of Greta's Newsletter, former Orbex PM", ["Greta's Newsletter"]),
        ("Author of The Loom Corner and The Yarn Corner newsletters", ["The Loom Corner", "The Yarn Corner"]),
        ("Principal, Tidewater Associates (pay consulting)", ["Tidewater Associates"]),  # a title of the longer list
        ("Lead Economist, Orbex", ["Orbex"]),
        (
            "New Managing Director and Head of PE Secondaries at Halden Strategies",
            ["Halden Strategies"],
        ),  # a long title
        ("Founded Wharfly; longevity influencer", ["Wharfly"]),  # a verb for the role
        ("Co-founded Orbex in 2019", ["Orbex"]),
        ("Currently leading Project Tidewater, an AI lab", ["Project Tidewater"]),
        ("Founded Orbex and Halden", ["Orbex", "Halden"]),
        ("Musician and founder of Tidal and the Quiet Looms", ["Tidal", "Quiet Looms"]),
        ("Co-Founder & CRO of Orbex", ["Orbex"]),  # any chief officer
        ("CMO of Orbex", ["Orbex"]),
        ("Senior Advisor to Orbex", ["Orbex"]),
        ("Founder and principal of Halden Partners", ["Halden Partners"]),  # a founder, whatever follows
        ("CEO of Orbex, Velden, and xLoom; owner of Quill", ["Orbex", "Velden", "xLoom"]),  # a list goes on
        ("CEO of Orbex and xLoom", ["Orbex", "xLoom"]),  # a name may open in lower case
        ("Partner at Orbex, Halden and Tidal", ["Orbex", "Halden", "Tidal"]),
        ("CEO of Orbex, Inc.", ["Orbex"]),  # a kind of company, not another
        ("CEO of Orbex, a loom maker", ["Orbex"]),  # the list is no list: it ends in words
        ("Founder of Vance Looms and Arlo's mother; retired in 2018", ["Vance Looms"]),  # a person's mother
        # (the name ends before `and`; the founding after it is a role of its own)
        (
            "President of Vance Looms and founder of Vance Robotics; son of the founder",
            ["Vance Looms", "Vance Robotics"],
        ),
        ("Researcher at Our Tides in Data and lecturer", ["Our Tides in Data"]),  # capitals, then joiners
        ("Co-founders of Brightloom; Eli credited Joanna with the launch", ["Brightloom"]),  # a shared entry
        ("Brothers and co-founders of Orbex (now public)", ["Orbex"]),
        # none
        ("Former CMO of Orbex", []),
        ("Previously founded Orbex; now an investor", []),  # a past role
        ("Runs Varde marathons", []),  # the name goes on: no organization
        ("Leads the AI team", []),
        ("Former Halden executive; now leading Weft, Orbex", []),  # a product, then its maker
        ("Philanthropist, author, ex-wife of Raj Patel", []),  # two titles
        ("Economist, loom working paper co-author", []),
        ("Worked with the Founder and Chief Executive of the Board at Orbex", []),  # a sentence
        ("Founder, Builder, Dreamer", []),  # three titles
        ("Partner, Growth, Norway", []),
        ("Former CEO of Gucci-like Halden", []),
        ("Worked with the founder of Corvo", []),
        ("Author of The Quiet Looms", []),  # a book
        ("Loom pioneer, Varde professor, author of *Quiet Looms*", []),
        ("President of Argentina", []),  # a country
        ("Analyst and author of influential annual letters", []),
        ("Serial Entrepreneur. Built three mills", []),  # no word says it is an organization
        ("Varde. Co-author", []),  # one word could be anything
        ("White House AI & Loom Czar. Advises on looms", []),  # a title, though `AI` is in it
        ("White House Loom Czar", []),
        ("University of Varde. Co-author", ["University of Varde"]),
        ("Co-founder and former CEO of Orbex", ["Orbex"]),  # the founding stands
        ("Former CEO and board member of Orbex", []),
        ("MIT, lead author", ["MIT"]),
        ("Varde University, senior author / PI", ["Varde University"]),
        ("Loom Weekly, staff", []),  # no word says it is an organization
        ("Early employee, later an investor", []),
        ("Sanjay's co-founder at both Orbex and Corvo", []),
        # a post with its field before it, then the organization; one whose name holds `of`
        ("New loom & textile team head, Bank of Varde", ["Bank of Varde"]),
        ("Co-head, health-focused PE, Halden Partners Group", ["Halden Partners Group"]),
        ("Head coach, Varde Vikings", ["Varde Vikings"]),
        ("PM at Orbex. Called out as the epitome of a builder", ["Orbex"]),
        # the office's places after the name are not the name; a place a name holds is
        ("Incoming country head, Halden Capital Germany & Austria", ["Halden Capital"]),
        ("CEO, Bank of America", ["Bank of America"]),
        # now leading a part of it
        ("Former Halden VP of Design; now leading hardware design at Orbex", ["Orbex"]),
        ("Former Halden VP; now running Orbex's hardware division", ["Orbex"]),
        ("Now running the city's marathon team", []),
        ("", []),
    ],
)
def test_a_description_names_the_organizations_of_a_current_role(description: str, organizations: list[str]) -> None:
    assert description_affiliations(description) == organizations


@pytest.mark.parametrize(
    ("reason", "organizations"),
    [
        ("Hired by Orbex to lead its ad sales, reporting to COO Tove Lind", ["Orbex"]),
        ("Hired by Orbex as part of the Halden team acquisition.", ["Orbex"]),
        ("Taking over as CEO of Halden Spatial as Piet Marrow moves to chairman.", ["Halden Spatial"]),
        ("Named managing partner at Corvo Capital in May", ["Corvo Capital"]),
        ("Joined Corvo Capital Partners as executive partner, signaling a shift", ["Corvo Capital Partners"]),
        ("Leading Voyager Looms II, a $220M SPAC filing", ["Voyager Looms II"]),
        ("Cited for loom theory. Appointed executive director of Varde's Loom Center", ["Varde's Loom Center"]),
        # none: by a person, a move of someone else, or no move
        ("Hired by Tove Lind to run the mill", []),
        ("Recruited by Lind and Marrow in an attempt to fund the mill", []),
        ("Praised the team Orbex hired by the dozen", []),
        ("Worked with the CEO of Orbex", []),
        ("Left Orbex to join a rival", []),
    ],
)
def test_a_reason_names_the_organization_a_person_joined_or_leads(reason: str, organizations: list[str]) -> None:
    assert reason_affiliations(reason) == organizations


@pytest.mark.parametrize(
    ("qualifier", "organizations"),
    [
        ("Northgate Looms founders", ["Northgate Looms"]),
        ("Orbex CEO", ["Orbex"]),
        ("Orbex co-founder & CEO", ["Orbex"]),
        ("Orbex Capital Managing Partner", ["Orbex Capital"]),
        ("Canaan Partners", ["Canaan Partners"]),  # a capitalized plural is the name's own word
        ("Korean AI scientist", []),  # a profession, no post in an organization
        ("New Orbex principal", []),  # new there: `New` is no part of the name
        ("Former Orbex CEO", []),
    ],
)
def test_an_organization_then_a_post_in_it_names_the_organization(qualifier: str, organizations: list[str]) -> None:
    assert affiliations_from(qualifier) == organizations


def test_a_row_of_several_people_gives_each_the_organization_of_their_plural_role() -> None:
    table = (
        "| Person | Title/Affiliation | Why Mentioned |\n|---|---|---|\n"
        "| **Lucas Brandt & Mei Okada** | Co-founders, Corvid Pay | Wound the company down |\n"
    )
    assert _person_affiliations(table) == {"Lucas Brandt": ("Corvid Pay",), "Mei Okada": ("Corvid Pay",)}


def test_a_people_entrys_reason_gives_its_person_the_organization_they_joined() -> None:
    found = _person_affiliations(
        "**Dana Ruiz**\n*Former Halden Labs executive*\nHired by Orbex to lead its ad sales operation.\n\n"
        "**Piet Marrow**\n- **Description:** Former CDC director\n"
        "- **Why mentioned:** Joined Corvo Capital as executive partner\n"
    )
    # (a post left behind is an affiliation too, where its organization is written as only a name is)
    assert found == {"Dana Ruiz": ("Halden Labs", "Orbex"), "Piet Marrow": ("CDC", "Corvo Capital")}


def _entry_affiliations(markdown: str) -> dict[str, tuple[str, ...]]:
    """Each People entry's affiliations, by name."""
    extraction = extract_document(parse_document("summary.md", markdown))
    return {entry.name: entry.affiliations for entry in extraction.entities if entry.kind == EntityKind.PERSON}


def _person_affiliations(people: str) -> dict[str, tuple[str, ...]]:
    return _entry_affiliations(
        f"# Episode\n\n**Participants:** Greta Vollmer\n\n## People Identified\n\n{people}\n"
        "## Companies Identified\n\n### Orbex\nA loom maker.\n\n### Halden Labs\nA research lab.\n"
    )


def test_people_entries_get_the_affiliations_their_descriptions_state() -> None:
    found = _person_affiliations(
        "### Greta Vollmer\n**Description:** CEO of Orbex\n\n"
        "### Piet Marrow\n**Description:** Former CEO of Corvo; now retired\n"
    )
    assert found == {"Greta Vollmer": ("Orbex",), "Piet Marrow": ("Corvo",)}  # a post held before is stated too
    table = "| Person | Description |\n|---|---|\n| **Tove Lindqvist** | Chief Scientist, Halden Labs |\n"
    assert _person_affiliations(table) == {"Tove Lindqvist": ("Halden Labs",)}


def test_a_listed_organization_written_whole_is_not_split_into_its_parts() -> None:
    markdown = (
        "# Episode\n\n**Participants:** Greta Vollmer\n\nBrindle grew fast; Finch is its newer line.\n\n"
        "## People Identified\n\n### Yemi Adeyemi (CFO of Brindle & Finch)\nRuns the numbers.\n\n"
        "### Piet Marrow (CFO of Corvo)\nOnce ran Corvo & Finch, a spin-off.\n\n"
        "### Tove Lind (COO of Velden & Skye)\nRuns operations.\n\n"
        "## Companies Identified\n\n### Brindle & Finch\nA telehealth company.\n\n"
        "### Corvo\nA lab.\n\n### Corvo & Finch\nIts spin-off.\n"
    )
    found = _entry_affiliations(markdown)
    assert found["Yemi Adeyemi"] == ("Brindle & Finch",)
    assert found["Piet Marrow"] == ("Corvo",)  # a listed organization of its own stays itself
    assert found["Tove Lind"] == ("Velden & Skye",)  # unlisted, and neither part stands alone: one name


def test_organizations_after_a_bold_name_are_affiliations_and_the_next_line_describes() -> None:
    found = {
        entry.name: (entry.affiliations, entry.description)
        for entry in extract_document(
            parse_document(
                "summary.md",
                "# Paper\n\n**Participants:** Jo Li\n\n## People Identified\n\n"
                "**Jo Li** — Varde University / Halden Lab\n- Senior author; leads the robotics group.\n\n"
                "**Tove Lind** — Norway\n- Second author.\n\n"
                "**Ana Reyes** — White House Loom Czar\n- Sets loom policy.\n\n"
                "**Piet Marrow** — CEO of Corvo\n- Funded the work.\n",
            )
        ).entities
        if entry.kind == EntityKind.PERSON
    }
    assert found == {
        "Jo Li": (("Varde University", "Halden Lab"), "Senior author; leads the robotics group."),
        "Tove Lind": ((), "Norway"),  # a place, not an organization: it stays what the line says
        "Ana Reyes": ((), "White House Loom Czar"),  # a title
        "Piet Marrow": (("Corvo",), "CEO of Corvo"),
    }


def test_a_participants_people_entry_gives_them_its_affiliations() -> None:
    markdown = (
        "# Episode\n\n**Participants:** Greta Vollmer, Piet Marrow\n\n## People Identified\n\n"
        "### Greta Vollmer\n**Description:** CEO of Orbex\n\n### Piet Marrow\n**Description:** Partner at Corvo\n"
    )
    extraction = extract_document(parse_document("summary.md", markdown))
    found = {person.name: person.affiliations for person in extraction.people}
    assert found == {"Greta Vollmer": ("Orbex",), "Piet Marrow": ("Corvo",)}


def test_a_listed_organization_before_a_role_is_an_affiliation() -> None:
    markdown = (
        "# Episode\n\n**Participants:** Greta Vollmer\n\n## People Identified\n\n"
        "### Greta Vollmer\n**Description:** Orbex VP of Fitness Technologies\n\n"
        "### Piet Marrow\n**Description:** Corvo Labs partner; previously at Halden\n\n"
        "### Tove Lind\n**Description:** Serial founder and angel\n\n"
        "### Jo Li\n**Description:** Former Halden engineer\n\n"
        "### Ana Reyes\n**Description:** Venture capitalist and Orbex co-founder\n\n"
        "## Companies Identified\n\n### Orbex\nA gym.\n\n### Corvo Labs\nA fund.\n\n### Halden\nA mill.\n"
    )
    found = _entry_affiliations(markdown)
    assert found == {
        "Greta Vollmer": ("Orbex",),
        "Piet Marrow": ("Corvo Labs", "Halden"),  # `previously at Halden`: stated too
        "Tove Lind": (),
        "Jo Li": (),
        "Ana Reyes": ("Orbex",),
    }


def test_an_affiliation_field_names_one_word_organizations() -> None:
    found = _person_affiliations(
        "**Jo Li**\n- Lab/Institution: Orbex\n\n**Tove Lind**\n- Lab/Institution: Halden Labs, Orbex\n\n"
        "**Piet Marrow**\n- Lab/Institution: Norway\n"
    )
    assert found == {"Jo Li": ("Orbex",), "Tove Lind": ("Halden Labs", "Orbex"), "Piet Marrow": ()}


def _institutions_without_the_shortcut(sentence: str) -> list[str]:
    """`affiliations._institutions` as first written: every sentence through `only_organizations`
    (with the rules added since: an acronym and its campus, a company and its unit's acronym)."""
    found = affiliations.only_organizations(affiliations._departments_dropped(sentence))  # a later rule
    suffixes = organization_words().kind_suffixes | affiliations._INSTITUTION_WORDS
    named = all(
        re.fullmatch(r"[A-Z]{2,6}", org)
        or (affiliations._ACRONYM_CAMPUS.fullmatch(org) and is_town(org.split(maxsplit=1)[1]))  # later rules
        or affiliations._COMPANY_UNIT.fullmatch(org)
        or org in known_organizations().names
        or (
            len(words := fold(org).split()) > 1
            and (words[-1] in suffixes or words[0] in affiliations._INSTITUTION_WORDS)
        )
        for org in found
    )
    return found if named else []


_SENTENCE_WORDS = ["Varde", "University", "MIT", "Orbex", "AI", "Labs", "of", "the", "and", "&", "/", ";", "for",
                   "lead", "author", "Norway", "Co-author", "x", "3M", "U.S.", "Lab's", "in", "Data", "Center"]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_WORDS), min_size=1, max_size=7), st.sampled_from([" ", "  ", " / "]))
def test_the_names_only_shortcut_refuses_nothing_the_full_reading_accepts(words: list[str], space: str) -> None:
    sentence = space.join(words)
    assert affiliations._institutions(sentence) == _institutions_without_the_shortcut(sentence)


def test_a_unit_of_an_institution_is_no_organization_of_its_own() -> None:
    found = _person_affiliations(
        "**Hana Kobe**\n- Lab/Institution: Varde Institute of Technology, Department of Mechanical Engineering\n\n"
        "**Ole Lind**\n- Lab/Institution: MIT, School of Engineering\n\n"
        "**Ida Berg**\n- Affiliation: Department of Looms\n"  # a department of state stays
    )
    assert found == {
        "Hana Kobe": ("Varde Institute of Technology",),
        "Ole Lind": ("MIT",),
        "Ida Berg": ("Department of Looms",),
    }


@pytest.mark.parametrize(
    ("description", "organizations"),
    [
        ("Former CPO at Orbex and Halden, now at Corvo. Cited for a reframe.", ["Orbex", "Halden"]),
        ("CEO of Corvo, former head of AI and ML at Varde Institute", ["Varde Institute"]),
        ("Tech executive; formerly at Quillmark and Tessel; co-founder of Corvo", ["Quillmark", "Tessel"]),
        ("Co-founder of Corvo, former engineering leader at Brindle.", ["Brindle"]),  # no sentence's dot
        ("Former CEO, Skyforge Labs", ["Skyforge Labs"]),  # the role's organization after a comma
        ("Writer of a newsletter, former Orbex PM", ["Orbex"]),  # a title after the name is none of it
        ("Former Halden SVP of Business; now at Corvo", ["Halden"]),
        ("Former President of the United States", []),  # a country
        ("Former chief of staff to the senator", []),
        ("CEO of Corvo; previously a partner at Tessel Ventures", ["Tessel Ventures"]),
        ("Formerly unknown inventor", []),
        ("CEO of Corvo", []),  # a current role: an affiliation, not a past one
        ("Former official at the Bureau of Looms and Security", ["Bureau of Looms and Security"]),  # one name
        ("Formerly at the University of Varde and Halden Labs", ["University of Varde", "Halden Labs"]),
        # the organization before a post anyone holds in it
        ("Former Halden Labs salesperson turned creator; runs a persona", ["Halden Labs"]),
        ("CEO, Corvo; former OpenAI investor and Tessel Labs CTO", ["OpenAI", "Tessel Labs"]),
        ("Ex-Google engineer, now founder of Corvo", ["Google"]),
        ("Former angel investor", []),
        ("ex-Quarnby", ["Quarnby"]),  # a name after `ex-`
        ("Ex-Goldman Sachs", ["Goldman Sachs"]),
        ("ex-President", []),  # a post, no organization
        ("ex-wife of Dana Ruiz", []),
    ],
)
def test_a_role_left_behind_names_its_organizations(description: str, organizations: list[str]) -> None:
    assert affiliations.past_affiliations(description) == organizations


def test_a_people_entrys_former_employers_are_its_affiliations_too() -> None:
    """The seed's Thomas Dimson -> Instagram: an affiliation the text states is one though the post
    is left behind (`former CPO at Quillmark`); a name written like a person's stays out."""
    text = (
        "# Looms\n\n## People Identified\n\n### Greta Vollmer\n"
        "**Description:** CEO of Corvo, former CPO at Quillmark and Tessel\n\n"
        "### Anders Holt\n**Description:** Former partner at Ansel Brock; now at Corvo\n"
    )
    entities = extract_document(parse_document("a.md", text)).entities
    greta = next(entity for entity in entities if entity.name == "Greta Vollmer")
    assert greta.affiliations == ("Corvo", "Quillmark", "Tessel")
    anders = next(entity for entity in entities if entity.name == "Anders Holt")
    assert anders.affiliations == ("Corvo",)  # `Ansel Brock`, written like a person's name, is left out
    mentioned = {entity.name for entity in entities if not entity.own_entry}
    assert "Ansel Brock" not in mentioned
    assert all(entity.kind == EntityKind.ORGANIZATION for entity in entities if not entity.own_entry)


@pytest.mark.parametrize(
    ("entry", "organizations"),
    [
        (", Varde Institute of Technology.", ("Varde Institute of Technology",)),  # a sentence's full stop
        (", Varde Institute of Technology and Haptiq Robotics.", ("Varde Institute of Technology", "Haptiq Robotics")),
        (", Varde Institute of Technology, Department of Mechanical Engineering.", ("Varde Institute of Technology",)),
        (", Universidad Técnica del Pacífico.", ("Universidad Técnica del Pacífico",)),  # `del` joins a name
        ("\n- Lab/Institution: Laboratorio de Robótica Blanda", ("Laboratorio de Robótica Blanda",)),  # a field
        (", Orbex Co.", ("Orbex Co.",)),  # an abbreviation's dot stays
    ],
)
def test_an_inline_institution_after_a_bold_name_is_the_persons(entry: str, organizations: tuple[str, ...]) -> None:
    text = (
        # (the institution named on its own too: `A and B` is two names where the text names each)
        "# Tactile Looms\n\n**Source:** paper\n\n---\n\n**Varde Institute of Technology | Vollmer**\n\n"
        "## 3. Companies Identified\n\n"
        "**Haptiq Robotics**, startup making fingertips.\n\n## 4. People Identified\n\n"
        f"**Greta Vollmer**{entry}\n- Why notable: Lead author.\n"
    )
    entities = extract_document(parse_document("a.md", text)).entities
    greta = next(entity for entity in entities if entity.name == "Greta Vollmer")
    assert greta.affiliations == organizations


@pytest.mark.parametrize(
    ("description", "organizations"),
    [
        # a campus after an acronym: a city of 100,000 (`Berkeley`) though no list of large places has it
        ("UC Berkeley / Amazon FAR (intern), Equal co-first author.", ["UC Berkeley", "Amazon FAR"]),
        ("UT Austin, lead author.", ["UT Austin"]),
        # a well-known institution's department is the institution; a department alone names none
        ("Stanford Mechanical Engineering / Aeronautics & Astronautics. Lead author.", ["Stanford"]),
        ("Stanford, Departments of Mechanical Engineering and Computer Science. Senior advisor.", ["Stanford"]),
        ("Varde Mechanical Engineering. Co-author.", []),  # an unknown name before the department
        ("MIT of. Co-author.", []),  # joiners alone are no department
    ],
)
def test_an_institution_named_with_its_campus_or_department(description: str, organizations: list[str]) -> None:
    assert description_affiliations(description) == organizations


def test_a_head_of_a_named_body_a_post_left_and_the_body_called_by_its_kind() -> None:
    found = _entry_affiliations(
        "# Episode\n\n**Participants:** Greta Vollmer\n\n## People Identified\n\n"
        "### Ilse Kovacs\nFormer director of the Meridian Compute Observatory, now a fellow at Harrow Labs.\n\n"
        "### Tomasz Wrobel\nData lead at the Observatory and co-author of the census.\n\n"
        "### Renata Albescu\nFormer CEO of Pellucid Health.\n\n"
        "### Jo Li\nHead of Product at Harrow Labs; Director of Engineering before that.\n\n"
        "## Companies Identified\n\n### Meridian Compute Observatory\nA research body.\n\n### Harrow Labs\nA lab.\n"
    )
    assert found["Ilse Kovacs"] == ("Harrow Labs", "Meridian Compute Observatory")
    assert found["Tomasz Wrobel"] == ("Meridian Compute Observatory",)  # the one listed observatory
    assert found["Renata Albescu"] == ("Pellucid Health",)  # named like a person, but a kind of company
    assert found["Jo Li"] == ("Harrow Labs",)  # `Head of Product`: a function, no organization


def test_affiliations_a_paper_or_a_table_states_in_its_own_forms() -> None:
    found = _entry_affiliations(
        "# Episode\n\n**Participants:** Greta Vollmer\n\n## People Identified\n\n"
        "**Jonas Ekdahl**\n*Brightline Robotics; formerly Kessel Polytechnic Institute*\nSecond author.\n\n"
        "**Wen Liao**\n- Lab/Institution: Halden Institute for AI (HIAI); previously a research scientist at "
        "Google DeepMind\n\n"
        "**Anja Rao**\nChief medical officer of Helix Bio, who led the trials.\n\n"
        "**Hetty Vogt**\nThe lab's principal investigator. Previously led force research at Universal Robots.\n"
    )
    assert found == {
        "Jonas Ekdahl": ("Brightline Robotics", "Kessel Polytechnic Institute"),
        "Wen Liao": ("Halden Institute for AI", "Google DeepMind"),  # `for` inside a name; a known opening
        "Anja Rao": ("Helix Bio",),
        "Hetty Vogt": ("Universal Robots",),  # named like a person, but a trade's word ends it
    }


def test_a_persons_affiliations_are_a_hundred_at_most() -> None:
    """More than anyone holds is a hostile text: a thousand organizations for the corpus to resolve
    made a 0.5 MB description take 40 s."""
    posts = "; ".join(f"Former CEO of Orgco{n:04d} Labs" for n in range(300))
    found = _entry_affiliations(f"# Episode\n\n## People Identified\n\n### Dana Ruiz\n{posts}\n")
    assert len(found["Dana Ruiz"]) == 100
    assert found["Dana Ruiz"][0] == "Orgco0000 Labs"


@pytest.mark.parametrize(
    "description",
    ["Head of the Product Team.", "Chief of the Defense Staff.", "Director of the Manhattan Project documentary."],
)
def test_a_head_of_a_function_or_a_work_names_no_organization(description: str) -> None:
    assert description_affiliations(description) == [] and affiliations_from(description) == []


@pytest.mark.parametrize(
    ("description", "organizations"),
    [
        # the organization first, then the post (a name the shipped list knows, or written as only a name is)
        ("Y Combinator CEO", ["Y Combinator"]),
        ('Andreessen Horowitz co-founder. "Ben is the best management coach I know"', ["Andreessen Horowitz"]),
        ("Andreessen Horowitz GP, runs crypto funds", ["Andreessen Horowitz"]),
        ("Apple VP of Fitness Technologies", ["Apple"]),
        ("Former OpenAI Chief Scientist", ["OpenAI"]),
        ("Former OpenAI and Tesla AI leader", ["OpenAI", "Tesla"]),
        ("Halden Labs CEO", ["Halden Labs"]),  # a kind's word ends it
        ("Halden CEO", []),  # neither listed nor written as only a name is
        # the post first, a department, then the organization
        ("VP, Consumer Trust, Google", ["Google"]),
        ("Partner, 17Capital", ["17Capital"]),
        # a word describing the person is no organization
        ("Veteran CEO", []),
        ("Tech CEO", []),
        ("Chinese-Australian founder of Airwallex", ["Airwallex"]),
        # an acronym's organization before an academic's or an official's post; not a field's acronym
        ("NYU Professor", ["NYU"]),
        ("FBI Director", ["FBI"]),
        ("Former CIA Officer", ["CIA"]),
        ("Former OpenAI Chief Scientist", ["OpenAI"]),  # the organization as few words as the post leaves
        ("Famed AI researcher", []),
        ("ML lead", []),
        # a post anyone holds, after its organization; a clause after it that is no post of its own
        ("Google engineer", ["Google"]),
        ("Stripe alum, writes about payments", ["Stripe"]),
        ("Ex-Google engineer, now founder of Corvo", ["Corvo"]),  # the current role, not the left one
        ("Angel investor and Halden Labs engineer", ["Halden Labs"]),
        ("Software engineer", []),
        ("Halden engineer", []),  # neither listed nor written as only a name is
        ("QuillBook Senior Ecommerce Research Analyst", ["QuillBook"]),  # the post's words are none of it
        ("Axios journalist, author of a newsletter on security", ["Axios"]),  # a post of the press
        ("The University of Varde", ["The University of Varde"]),  # an institution, `The` before it
        ("OpenLoomLab / Tessel Labs", ["OpenLoomLab", "Tessel Labs"]),  # written as only a name is
    ],
)
def test_an_organization_beside_a_post_in_a_description(description: str, organizations: list[str]) -> None:
    assert description_affiliations(description) == organizations


@pytest.mark.parametrize(
    ("descriptor", "organizations"),
    [("FBI Director", ["FBI"]), ("Former CIA Officer", ["CIA"]), ("Andreessen Horowitz GP", ["Andreessen Horowitz"])],
)
def test_an_organization_beside_a_post_in_a_heading_descriptor(descriptor: str, organizations: list[str]) -> None:
    from kgraph.extract.affiliations import descriptor_affiliations

    assert descriptor_affiliations(descriptor) == organizations


@pytest.mark.parametrize(
    ("heading", "organizations"),
    [
        ("Dana Ruiz (ex-Quarnby)", ("Quarnby",)),
        ("Dana Ruiz (Former Halden Labs CEO)", ("Halden Labs",)),
        ("Dana Ruiz (formerly of Quarnby)", ("Quarnby",)),
        ("Dana Ruiz (ex-President)", ()),
        # a post beside its organization, then more words after a dash
        ("Dana Ruiz (QRB Officer - 20 years)", ("QRB",)),
        ("Dana Ruiz (QuarnbyAI Research Lead — referenced, not fully named)", ("QuarnbyAI",)),
    ],
)
def test_a_heading_qualifier_naming_where_a_person_was_is_an_affiliation(
    heading: str, organizations: tuple[str, ...]
) -> None:
    found = _entry_affiliations(
        f"# Episode\n\n**Participants:** Greta Vollmer\n\n## People Identified\n\n### {heading}\nA loom buyer.\n"
    )
    assert found["Dana Ruiz"] == organizations


def test_a_possessive_organization_in_a_description_is_the_listed_one_it_opens() -> None:
    found = _entry_affiliations(
        "# Episode\n\n**Participants:** Greta Vollmer\n\n## Companies Identified\n\n"
        "### Greenway Hospitality Group / Brisket & Co.\nA restaurant holding company.\n\n## People Identified\n\n"
        "**Marcus Oyelowo** — COO of Brisket & Co.; previously ran kitchens at Greenway's seafood brand.\n"
    )
    assert found["Marcus Oyelowo"] == ("Brisket & Co.", "Greenway Hospitality Group")


def test_a_city_after_an_institution_in_a_field_is_no_affiliation() -> None:
    found = _entry_affiliations(
        "# Episode\n\n**Participants:** Greta Vollmer\n\n## People Identified\n\n"
        "**Ishaan Varde**\n- *Institution/Lab:* Indian Institute of Science, Bangalore\n"
    )
    assert found["Ishaan Varde"] == ("Indian Institute of Science",)


@pytest.mark.parametrize(
    ("description", "organizations"),
    [
        # a post's field in lower-case words between the organization and the post
        ("Larchmont emerging technology analyst", []),  # (not written as only a name is: no evidence)
        ("QuillBook emerging technology analyst", ["QuillBook"]),
        ("QuillBook analyst", ["QuillBook"]),
        ("Stanford computer science professor", ["Stanford"]),
        ("Serial fintech founder", []),
        ("Korean frontier model researcher", []),
        # a row's plural post
        ("Newly promoted GPs, Halvard Healthcare Partners", ["Halvard Healthcare Partners"]),
        ("GPs, Halvard Healthcare Partners", ["Halvard Healthcare Partners"]),
        ("Departing partner, Halvard Capital Partners", []),  # leaving: the episode names it, no affiliation
    ],
)
def test_a_post_with_its_field_or_a_rows_plural_post_names_the_organization(
    description: str, organizations: list[str]
) -> None:
    assert description_affiliations(description) == organizations


@pytest.mark.parametrize(
    "description",
    [
        "Quarnby former product executive",
        "Quarnby critic and analyst",
        "Quarnby short seller and investor",
        "Quarnby rival investor",
        "Quarnby fired engineer",
        "Quarnby would-be engineer",
        "Quarnby dropout and aspiring engineer",
        "Quarnby warehouse worker turned investor",
    ],
)
def test_words_making_a_post_past_or_anothers_name_no_organization(description: str) -> None:
    from kgraph.extract.affiliations import organization_beside_post

    assert organization_beside_post(description.replace("Quarnby", "QuarnbyAI")) == []


def test_two_past_roles_joined_by_and_are_two_roles() -> None:
    from kgraph.extract.affiliations import past_affiliations

    description = "Founder of Apothic; former QuarnbyRx pharmacist and former director of operations at Halden Labs."
    assert past_affiliations(description) == ["QuarnbyRx", "Halden Labs"]
