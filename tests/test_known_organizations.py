"""Well-known organizations a document's running text names with no entry of its own (`a deal with
Stripe`): which writings count, and how such a name, which carries no context, joins others in the
corpus. The names are real because the shipped list is; the documents are invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kgraph
from kgraph.extract import extract_document
from kgraph.parse import parse_document
from kgraph.resolve.organizations import OrganizationSighting

from .test_organizations import resolved, sighting, verdicts


def _document(body: str, companies: str = "") -> str:
    return f"""# [Looms and Ledgers](https://example.com/ep/1)

**Podcast:** Margin Call
**Date:** 2025-12-01
**Participants:** Dana Ruiz

---

## 1. Key Themes

### Weaving

{body}

## 3. Companies Identified

{companies}
"""


def named_in_prose(body: str, companies: str = "") -> list[str]:
    extraction = extract_document(parse_document("a.md", _document(body, companies)))
    return [entity.name for entity in extraction.entities if entity.in_prose]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Dana Ruiz compares the loom's margins with Stripe and McKinsey.", ["Stripe", "McKinsey"]),
        ("She spent a decade at Google Cloud before the loom.", ["Google Cloud"]),  # the longest name
        ("The deal was reviewed by the FTC and the SEC.", ["FTC", "SEC"]),
        ("Michael Dell backed the loom.", []),  # a person's surname
        ("Apple is hiring weavers.", []),  # an everyday word opening a sentence
        ("The loom ships to retailers like Apple and Meta.", ["Apple", "Meta"]),  # in running text
        ("Yann Ruiz (Meta) weaves.", ["Meta"]),
        ("An apple a day: Apple would say so.", []),  # the document writes the word in lower case
        ("Participation came from Micron Ventures.", ["Micron Ventures"]),  # an investment arm, not Micron
        ("She joined Sequoia China, then wrote for MIT Technology Review.", []),  # longer names
        ("Weavers prefer Google Gemini to NVIDIA H100 clusters.", ["Google", "NVIDIA"]),  # their products
        ("| **Kyle Stanford** | Director | Loom exits |", []),  # a surname, through the Markdown
        ("See github.com/Google for the code.", []),  # inside a path
        ("The weavers at XGoogle and Googlers agree.", []),  # inside a word
    ],
)
def test_a_known_name_in_running_text_is_an_organization_the_episode_mentions(body: str, expected: list[str]) -> None:
    assert named_in_prose(body) == expected


def test_the_outlets_own_name_is_no_mention() -> None:
    text = _document("Axios reports that looms sell; so does Reuters.").replace(
        "**Podcast:** Margin Call", "**Podcast:** Axios Pro Rata"
    )
    extraction = extract_document(parse_document("a.md", text))
    assert [entity.name for entity in extraction.entities if entity.in_prose] == ["Reuters"]


def test_a_name_the_document_lists_is_not_named_again() -> None:
    companies = "**Stripe**\n- Description: Payments\n\n**Citadel Securities**\n- Description: Market maker\n"
    # (`Citadel` before `Securities` names the listed market maker, not the fund)
    assert named_in_prose("Stripe and Citadel Securities trade looms.", companies) == []


def prose(name: str, document: str) -> OrganizationSighting:
    return sighting(name, document)._replace(listed=False, in_prose=True)


def test_a_name_written_in_passing_is_no_spelling_of_another() -> None:
    # one show, similar names: without the written name, `Sona` (listed) and `Sony` would be one
    result, log = resolved([sighting("Sona", "a.md", podcast="P"), prose("Sony", "b.md")._replace(podcast="P")])
    assert result["Sona"][0] != result["Sony"][0]
    assert not [v for v in verdicts(log) if "Sony" in v[1]]  # and no candidate to review either


def test_a_name_written_in_passing_joins_its_one_longer_corporate_form_and_labels_nothing() -> None:
    result, _ = resolved(
        [
            sighting("Varde University", "a.md", description="A university"),
            prose("Varde", "b.md"),
            prose("Varde", "c.md"),
        ]
    )
    assert result["Varde"][0] == result["Varde University"][0] == "Varde University"
    # an investment firm's ending or a unit's is another organization (`Coinbase Ventures`)
    result, _ = resolved([sighting("Orbex Ventures", "a.md", description="Fund"), prose("Orbex", "b.md")])
    assert result["Orbex"][0] != result["Orbex Ventures"][0]


def test_written_names_do_not_choose_the_label_of_a_listed_organization() -> None:
    # `Halden` is listed twice; `Halden Labs` listed twice and written five times in passing
    sightings = [sighting("Halden", f"l{i}.md", description="Yarn spinner") for i in range(2)]
    sightings += [sighting("Halden Labs", f"m{i}.md", description="Yarn spinner") for i in range(2)]
    sightings += [prose("Halden Labs", f"p{i}.md") for i in range(5)]
    result, _ = resolved(sightings)
    assert result["Halden Labs"][0] == "Halden"  # the tie between listings goes to the shorter name


def test_an_investor_also_written_in_passing_is_still_named_only_as_an_investor() -> None:
    investor = sighting("Orbex", "a.md")._replace(investor=True, listed=False)
    result, _ = resolved([investor, prose("Orbex", "b.md"), sighting("Orbex Capital", "c.md", description="A fund")])
    assert result["Orbex"][0] == result["Orbex Capital"][0]


@settings(max_examples=40, deadline=None)
@given(st.permutations([0, 1, 2, 3, 4]))
def test_written_names_resolve_alike_in_any_order(order: list[int]) -> None:
    made = [
        sighting("Varde University", "a.md", description="A university"),
        prose("Varde", "b.md"),
        sighting("Sona", "c.md", podcast="P"),
        prose("Sony", "d.md")._replace(podcast="P"),
        prose("Varde", "e.md"),
    ]
    baseline, _ = resolved(made)
    shuffled, _ = resolved([made[i] for i in order])
    assert shuffled == baseline


def test_a_corpus_mentions_a_known_organization_no_document_lists(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(_document("Dana Ruiz moved her savings to Fidelity.", ""), encoding="utf-8")
    model = kgraph.build([tmp_path]).model
    labels = {organization.iri: organization.label for organization in model.organizations}
    (episode,) = model.episodes
    assert {labels[iri] for iri in episode.mentions if iri in labels} == {"Fidelity"}


@pytest.mark.parametrize("name", ["a16z", "xAI"])
def test_a_known_name_that_opens_in_lower_case_is_still_found(name: str) -> None:
    # (a text with none of them is searched with a pattern of the capitalized names only)
    assert named_in_prose(f"The loom's round was led by {name} and Stripe.") == [name, "Stripe"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Google Cloud", "a16z", "xAI", "Stripe", "ax", "xa", "Apple", "aStripe", " ", ", ", ".", "\n"]
        ),
        max_size=12,
    )
)
def test_the_capitalized_names_alone_match_as_all_the_names_do_where_no_other_is_written(parts: list[str]) -> None:
    from kgraph.extract.known_organizations import _known_names

    names = _known_names()[0]
    assert set(names.lower_case) == {"a16z", "xAI"}
    text = "".join(parts)
    if not any(name in text for name in names.lower_case):
        every, capitalized = names.every, names.for_text(text)
        assert [m.group(0) for m in capitalized.finditer(text)] == [m.group(0) for m in every.finditer(text)]
