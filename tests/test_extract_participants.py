"""Participants read the text's names and passages only to expand a lone first name: a list of
full names skips that work, and gives what it gave when the work was done for every list."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.extract import extract_document, participants
from kgraph.extract.people import expand_first_name
from kgraph.parse import parse_document

_NAMES = st.sampled_from(["Bill Peebles", "Dana Ruiz", "Ana de la Cruz", "李明", "杨松琳", "Sam Altman", "Jo Lee"])
_TEXT_NAMES = st.lists(st.sampled_from(["Bill Peebles", "Dana Ruiz", "Dana Roe", "Sam Altman", "Li Ming"]))


@settings(max_examples=200, deadline=None)
@given(_NAMES, _TEXT_NAMES, st.lists(st.text(max_size=30), max_size=4), st.lists(st.sampled_from(["Acme", "Orbex"])))
def test_a_full_or_cjk_name_is_never_expanded_whatever_the_text_holds(
    name: str, text_names: list[str], passages: list[str], affiliations: list[str]
) -> None:
    """What extract_participants relies on to skip the text for a list of full names."""
    preferred = [*text_names, f"{name.split()[0]} Whitcombe"]
    assert expand_first_name(name, Counter(text_names), preferred, affiliations, passages, cues=["ports"]) == name


def _document(participants_line: str) -> str:
    return f"""# [Seed Stories](https://example.com/ep/77)

**Podcast:** Early Money
**Date:** 2025-11-01
**Participants:** {participants_line}

---

## 1. Key Themes

### The Theme
Bill Peebles explains the plan. Dana Ruiz argues "we will never pledge the house for a loan today."
"""


def test_a_list_of_full_names_does_not_read_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def unexpected(document: object) -> None:
        raise AssertionError("the text was read for a list of full names")

    document = parse_document("fixture.md", _document("Bill Peebles, Dana Ruiz"))
    expected = participants.extract_participants(document, "Early Money", [])
    monkeypatch.setattr(participants, "full_names_in_text", unexpected)
    monkeypatch.setattr(participants, "text_passages", unexpected)
    assert participants.extract_participants(document, "Early Money", []) == expected
    assert [person.name for person in expected] == ["Bill Peebles", "Dana Ruiz"]


def test_a_lone_first_name_still_expands_to_the_full_name_the_text_has_speak() -> None:
    document = parse_document("fixture.md", _document("Bill, Dana Ruiz"))
    found = participants.extract_participants(document, "Early Money", [])
    assert [(person.name, person.aliases) for person in found] == [("Bill Peebles", ("Bill",)), ("Dana Ruiz", ())]


@pytest.mark.parametrize(
    ("listed", "expected"),
    [
        ("Jun In, Dana Ruiz", ["Jun In", "Dana Ruiz"]),  # Korean In
        ("Lan To, Dana Ruiz", ["Lan To", "Dana Ruiz"]),  # Vietnamese Tô
        ("Jun of, Dana Ruiz", ["Dana Ruiz"]),  # a function word in lower case is no surname
        ("Jun The, Dana Ruiz", ["Dana Ruiz"]),  # nor one of three letters
    ],
)
def test_a_listed_two_letter_surname_spelled_like_a_function_word_is_a_surname(
    listed: str, expected: list[str]
) -> None:
    document = parse_document("fixture.md", _document(listed))
    assert [person.name for person in participants.extract_participants(document, "Early Money", [])] == expected


def test_a_second_participants_line_atop_the_body_adds_the_guest_the_header_left_out() -> None:
    text = (
        "# [Ports](https://example.com/ep/155)\n\n**Podcast:** Harbour Talk\n**Date:** 2025-11-02\n"
        "**Participants:** Manchi, Harbour Team\n\n---\n\n# Episode Summary: Tove Lind's first interview\n\n"
        "**Participants:** Tove Lind, CEO of Orbex Labs; Host Manchi\n\n---\n\n## 1. Key Themes\n\n### Ports\nTalk.\n"
    )
    document = parse_document("f.md", text)
    names = [person.name for person in participants.extract_participants(document, "Harbour Talk", [])]
    assert names == ["Manchi", "Tove Lind"]  # the host once, the guest added


@pytest.mark.parametrize(
    ("listed", "expected"),
    [
        ("BillPeebles, Dana Ruiz", [("Bill Peebles", ("BillPeebles",)), ("Dana Ruiz", ())]),
        ("Bill Peebles, DanaRuiz", [("Bill Peebles", ()), ("Dana Ruiz", ("DanaRuiz",))]),
        ("DeAndre, Dana Ruiz", [("DeAndre", ()), ("Dana Ruiz", ())]),  # a name with a capital inside
    ],
)
def test_a_name_written_together_is_the_name_the_text_writes_apart(
    listed: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    document = parse_document("fixture.md", _document(listed))
    found = participants.extract_participants(document, "Early Money", [])
    assert [(person.name, person.aliases) for person in found] == expected


def test_a_possessive_of_the_full_name_does_not_make_a_second_namesake() -> None:
    text = _document("Bill, Dana Ruiz").replace(
        "Bill Peebles explains the plan.", "Bill Peebles's fund is small. Bill Peebles explains the plan."
    )
    found = participants.extract_participants(parse_document("fixture.md", text), "Early Money", [])
    assert [person.name for person in found] == ["Bill Peebles", "Dana Ruiz"]


_PAPER = """# TideCast: Forecasting Looms

**Podcast:** arXiv Loom Research
**Date:** 2025-05-02
**Participants:** Ana Lind, Ivo Marr{more}
**Source:** paper

---

## 1. Key Themes

### Forecasts
The model forecasts looms.

## 4. People Identified

**Dana Ruiz**
Quarnby University. Senior co-author and a leading loom researcher.

**Piet Wren**
- Why notable: Co-author, likely contributing the data pipeline.

**Ola Brandt**
Quarnby University. Co-author of LoomNet, which this paper builds on; also co-author on TideBench.

**Mira Holt**
Quarnby University. Lead author of the earlier survey cited in Section II.

**Sven Aho**
- Why notable: Corresponding author on this paper; leads the lab.

**Lin Tao**
- Project lead (marked with ^). Works on forecasting.

**Rui Vance**
- Why notable: Co-author on TideBench, a later benchmark.

**Ida Kern**
- Why notable: Co-author of the paper this work builds on.

**Tor Lund**
- Why notable: Project lead at Quarnby Robotics; builds loom arms.

**Eva Storm**
- Why notable: Project lead alongside Sven Aho; wrote the data section.

**Jon Vik**
Quarnby University. Faculty co-author and Lind's advisor.

**Kai Berg and Noor Amin, Weftworks**
Co-authors on the hardware and loom-sensor side.

**Ulf Dahl**
Quarnby University. Co-author on both TideCast and TideBench.

**Vera Falk**
Quarnby University. Also co-author on both LoomNet and TideBench.

**Bo Strand**
Quarnby University. Frequent co-author with Lind on earlier loom papers.

**Cy Holm**
- Why notable: Co-author on the other side of the debate about looms.

**Gus Norr**
Quarnby University. Co-lead author (co-correspondence). Built the sensors.

**Hal Oddsen**
- Why notable: Equal contribution lead author. Wrote the model.

**Ines Moe**
Quarnby University / Weftworks (intern), Equal co-first author. Based at the loom lab.

**Jens Tovik**
- Why notable: Lead contributor on model architecture, training and writing.

**Kim Sol**
- Why notable: Co-lead on data pipeline and evaluation.

**Lars Ude**
- Why notable: Project lead on TideCast. Runs the lab.

**Mo Rask**
- Why notable: Lead contributor to the LoomNet codebase.

**Nils Pettersen**
- Why notable: Co-lead on LoomNet, an earlier system.

**Otto Berg**
Quarnby University. Senior faculty advisor on the project.

**Pia Lunde**
- Why notable: Project lead on TideBench, a later benchmark.

**Quinn Alm**
Quarnby University, Co-author of LoomNet.

**Ruth Sand**
Weftworks team co-lead. Runs the robotics group.

**Sam Tarr**
- Why notable: Key contributor in dexterous manipulation research, cited.

**Tea Ulf**
- Why notable: Core contributor to open-source simulation tooling the paper uses.

**Uma Vest**
- Why notable: Co-lead on safety research at Halden.

**Vik Wolde**
- Why notable: Project lead on TideCast-2, the follow-up.

**Wes Yrr**
Quarnby University, Authors cited in Section 2.
"""


@pytest.mark.parametrize(
    ("more", "expected"),
    [
        # (not another work's authors: `Co-author of LoomNet`, `Co-author on TideBench`, `on both`
        # two other works, `Co-lead on LoomNet`, `Lead contributor to the LoomNet codebase`, `Project
        # lead on TideBench`; nor an advisor or a team's co-lead; but `Faculty co-author`, `Co-authors
        # on the ... side`, `on both` this one, `Co-lead author`, `Equal contribution lead author`, an
        # `Equal co-first author` clause after the affiliation, lead parts in tasks, `Project lead on TideCast`;
        # not a part in research, to tooling, at another organization, on `TideCast-2`, authors cited)
        (
            ", et al.",
            [
                *("Ana Lind", "Ivo Marr", "Dana Ruiz", "Piet Wren", "Sven Aho", "Lin Tao", "Eva Storm"),
                *("Jon Vik", "Kai Berg", "Noor Amin", "Ulf Dahl"),
                *("Gus Norr", "Hal Oddsen", "Ines Moe", "Jens Tovik", "Kim Sol", "Lars Ude"),
            ],
        ),
        ("", ["Ana Lind", "Ivo Marr"]),  # the list is whole
    ],
)
def test_a_paper_cut_short_with_et_al_has_the_co_authors_its_people_entries_name(
    more: str, expected: list[str]
) -> None:
    extraction = extract_document(parse_document("a.md", _PAPER.format(more=more)))
    assert list(extraction.participants) == expected


_PLACEHOLDER_EPISODE = """# Agents for Go-to-Market

**Podcast:** Loom Talk
**Date:** 2025-05-02
**Participants:** {listed}

---

## 1. Key Themes

### Agents Do the Outbound
{quotes}
"""


@pytest.mark.parametrize(
    ("listed", "signed", "expected"),
    [
        # a placeholder stands for the unlisted person the episode quotes most, three times or more
        ("Dana Ruiz, Unknown Host", 3, ("Dana Ruiz", "Mara")),
        ("Dana Ruiz, Unknown Host", 2, ("Dana Ruiz",)),
        ("Dana Ruiz", 3, ("Dana Ruiz",)),  # no placeholder: the list is whole
        ("Unknown Guest, Dana Ruiz", 4, ("Dana Ruiz",)),  # Mara and Ole tie: nothing tells them apart
        ("Dana Ruiz, Unknown Host", 1, ("Dana Ruiz",)),  # (a clip quoted three times: less than half Dana's)
    ],
)
def test_a_placeholder_participant_is_the_unlisted_person_quoted_most(
    listed: str, signed: int, expected: tuple[str, ...]
) -> None:
    lines = [f'> "Our outbound agent books {n + 2} meetings a day for the team." - Dana' for n in range(4)]
    lines += [f'> "We retired {n + 3} of our old sequences when the agents came." - Mara' for n in range(signed)]
    lines += [
        f'> "Lists were the product for {n + 5} years before the agents." - Ole' for n in range(4 * (signed == 4))
    ]
    if signed == 1:  # the placeholder's other reading: an outsider's clip, quoted three times, against Dana's eight
        lines += [f'> "We will ship the next model in {n + 2} weeks, maybe." - Sam Altman' for n in range(3)]
        lines += [f'> "Our SDR team shrank by {n + 5} people this year alone." - Dana' for n in range(4)]
    text = _PLACEHOLDER_EPISODE.format(listed=listed, quotes="\n\n".join(lines))
    assert extract_document(parse_document("a.md", text)).participants == expected


def test_a_placeholder_the_intro_filled_adds_nobody_and_raises_nothing() -> None:
    # the intro names more people than the list has entries: no place is left unfilled
    text = _PLACEHOLDER_EPISODE.format(
        listed="Unknown Host",
        quotes='> "Our outbound agent books 9 meetings a day." - Dana\n\n> "We retired 4 sequences." - Mara',
    ).replace("---\n", "---\n\n*Dana Ruiz hosts Bo Lindqvist and Ana Ortiz on agents.*\n", 1)
    found = extract_document(parse_document("a.md", text)).participants
    assert "Mara" not in found and "Dana Ruiz" in found
