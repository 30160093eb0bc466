"""People Identified rows whose names or roles take more than capitalized words to read: an elided
particle (`d'Sa`), paired initials (`JD`), a generation (`III`), and roles the person has left."""

from __future__ import annotations

from kgraph.extract import extract_document
from kgraph.parse import parse_document


def _people(rows: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each person of a People Identified table made of `rows`: (affiliations, aliases)."""
    text = (
        "# [Berths](https://example.com/ep/4)\n\n**Podcast:** Harbour Talk\n**Date:** 2025-11-02\n"
        "**Participants:** Dana Ruiz\n\n---\n\n## 1. Key Themes\n\n### Berths\nDana talks berths.\n\n"
        "## 4. People Identified\n\n| Person | Title/Affiliation | Why Mentioned |\n|---|---|---|\n" + rows
    )
    extraction = extract_document(parse_document("fixture.md", text))
    aliases = {entry.name: entry.aliases for entry in extraction.entities}
    return {person.name: (person.affiliations, aliases.get(person.name, ())) for person in extraction.people}


def test_names_beyond_capitalized_words_are_people_with_their_affiliations() -> None:
    people = _people(
        "| **Tove d'Lind** | Founder & CEO, Quayside | Keynote |\n"
        "| **VP TJ Marrow** | U.S. Vice President | Signed the deal |\n"
        "| **Ansel Drew III** | Varde University | Lead author |\n"
        "| **Piet Marrow** | Harbour pilot | Quoted |\n"
    )
    assert people["Tove d'Lind"] == (("Quayside",), ())
    assert people["TJ Marrow"][0] == ()
    assert people["Ansel Drew"] == (("Varde University",), ("Ansel Drew III",))  # one person, either way written
    assert "Piet Marrow" in people


def test_initials_and_particles_do_not_make_people_of_acronyms_or_phrases() -> None:
    from kgraph.names import listed_person_name, looks_like_person_name

    assert listed_person_name("JD Vance") == "JD Vance"
    assert listed_person_name("AI Robotics") is None  # two capitals before a company word
    assert listed_person_name("Monroe Kennedy III") == "Monroe Kennedy"
    assert looks_like_person_name("Russ d'Sa")
    assert not looks_like_person_name("d'Sa Russ")  # an elided particle never starts a name
    assert not looks_like_person_name("JD Vance")  # in prose, two capitals are as often an acronym


def test_a_role_the_person_has_left_gives_its_affiliation_after_the_current_ones() -> None:
    """A post left behind is a stated affiliation too (the seed's Thomas Dimson -> Instagram); a
    table row's `Former CEO, Quayside` as much as a description's `formerly of Tidal Works`."""
    people = _people(
        "| **Tove Lind** | Former CEO, Quayside | Sold the firm |\n"
        "| **Ansel Drew** | Formerly of Tidal Works, Now at Orbex Harbour | Hired |\n"
        "| **Piet Marrow** | Partner, Orbex Capital; former CEO, Wharfly | Investor |\n"
        "| **Edda Voss** | CEO of Wharfly, formerly of Tidal Works | Founder |\n"
    )
    assert people["Tove Lind"][0] == ("Quayside",)
    assert people["Ansel Drew"][0] == ("Orbex Harbour", "Tidal Works")
    assert people["Piet Marrow"][0] == ("Orbex Capital", "Wharfly")
    assert people["Edda Voss"][0] == ("Wharfly", "Tidal Works")


def test_a_move_under_way_gives_the_organization_joined() -> None:
    people = _people(
        "| **Tove Lind** | Former VC, returning to Orbex Capital | Rejoins the firm |\n"
        "| **Ansel Drew** | Joined Tidal Works as CFO in 2021 | Hired |\n"
        "| **Piet Marrow** | Joined Wharfly in 2015, left in 2020 | Alumnus |\n"
        "| **Edda Voss** | Outgoing CEO of Quayside | Stepping down |\n"
    )
    assert people["Tove Lind"][0] == ("Orbex Capital",)
    assert people["Ansel Drew"][0] == ("Tidal Works",)
    assert people["Piet Marrow"][0] == ()  # joined, then left: said in the same breath
    assert people["Edda Voss"][0] == ()


def test_an_acronym_and_its_campus_opening_a_description_is_the_institution() -> None:
    text = (
        "# [Grasping](https://example.com/p/9)\n\n**Podcast:** Paper Digest\n**Date:** 2025-11-02\n"
        "**Participants:** Tove Lind, et al.\n**Source:** paper\n\n---\n\n## 1. Key Themes\n\n### Grasp\nIt grasps.\n\n"
        "## 4. People Identified\n\n**Tove Lind** (Corresponding Author)\nVUT Oslo. As the corresponding author, Lind "
        "leads the project.\n\n**Ansel Drew** (First Author)\nAI Robotics Group. He built the gripper.\n"
    )
    extraction = extract_document(parse_document("fixture.md", text))
    affiliations = {person.name: person.affiliations for person in extraction.people}
    assert affiliations["Tove Lind"] == ("VUT Oslo",)


def test_each_role_of_a_description_names_its_organization() -> None:
    from kgraph.extract.affiliations import description_affiliations

    assert description_affiliations("Co-founder of Tidal Works, founder/CEO of Wharfly") == ["Tidal Works", "Wharfly"]
    assert description_affiliations("Executive at Orbex Labs") == ["Orbex Labs"]
    assert description_affiliations("VUT, lead author") == ["VUT"]  # one role: the institution, then the part
    assert description_affiliations("Former Acme ethicist, co-founder of Corvo Labs") == ["Corvo Labs"]


def test_a_quoted_nickname_inside_a_name_is_an_alias() -> None:
    people = _people('| **Tove "Tee" Lind** | Partner, Orbex Labs | Quoted |\n')
    assert people["Tove Lind"] == (("Orbex Labs",), ("Tee Lind", "Tove Tee Lind"))


def test_an_entry_whose_bold_name_a_comma_ends_is_an_entry() -> None:
    text = (
        "# [Grasping](https://example.com/p/9)\n\n**Podcast:** Paper Digest\n**Date:** 2025-11-02\n"
        "**Participants:** Tove Lind, et al.\n**Source:** paper\n\n---\n\n## 1. Key Themes\n\n### Grasp\n"
        "**Soft grippers**, the paper argues, beat rigid ones.\n\n"
        "## 3. Companies Identified\n\n**Orbex Labs**, Maker of the gripper studied here.\n"
        '> "We use the open gripper released by Orbex Labs in 2024." (Section 2)\n\n'
        "## 4. People Identified\n\n**Tove Lind**, Varde University. Lead author.\n"
        "> Affiliation listed as corresponding author. (Author list)\n"
    )
    extraction = extract_document(parse_document("fixture.md", text))
    assert {(e.kind.value, e.name) for e in extraction.entities} == {
        ("organization", "Orbex Labs"),
        ("person", "Tove Lind"),
    }
    assert {p.name: p.affiliations for p in extraction.people}["Tove Lind"] == ("Varde University",)
    # in a theme, a bold phrase then a comma is a sentence, not an entry
    assert [insight.title for insight in extraction.insights if insight.title.startswith("Soft")] == []


def test_a_role_now_held_after_a_former_one_names_its_organization() -> None:
    from kgraph.extract.affiliations import description_affiliations

    assert description_affiliations("Former CPO of Tidal Works, now CPO and Head of AI at Wharfly. Quoted.") == [
        "Wharfly"
    ]
    assert description_affiliations("Former feed engineer at Orbex, now at Corvo Labs.") == ["Corvo Labs"]
    assert description_affiliations("Currently a partner at Orbex Capital.") == ["Orbex Capital"]
    assert description_affiliations("Now retired from Orbex Capital.") == []
    assert description_affiliations("Now at the helm of the mill.") == []


def test_a_credential_after_a_name_is_no_organization() -> None:
    people = _people(
        "| **Juan Marrow, CFA** | Analyst at Orbex Labs | Quoted |\n"
        "| **Ana Diaz, PhD** | Researcher | Quoted |\n"
        "| **Jo Lee, MD, PhD** | Professor at Varde University | Quoted |\n"
        "| **Tove Lind, CEO of Wharfly** | Founder | Quoted |\n"
    )
    assert {name: found[0] for name, found in people.items() if name != "Dana Ruiz"} == {
        "Juan Marrow": ("Orbex Labs",),
        "Ana Diaz": (),
        "Jo Lee": ("Varde University",),
        "Tove Lind": ("Wharfly",),
    }


def test_paper_authors_institutions_before_their_part_are_their_affiliations() -> None:
    from kgraph.extract.affiliations import description_affiliations

    assert description_affiliations("VUT / Orbex FAR (intern), Equal co-first author. Also wrote X.") == [
        "VUT",
        "Orbex FAR",
    ]
    assert description_affiliations("Varde University / Orbex FAR team co-lead. Highly cited.") == [
        "Varde University",
        "Orbex FAR",
    ]
    assert description_affiliations("Famed AI researcher and teacher.") == []  # an adjective, not a lab
    assert description_affiliations("Korean AI engineer at home.") == []
