"""Cross-document identity on small invented summaries built in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kgraph
from kgraph.errors import AliasFileError

TEMPLATE = """# {title}

**Podcast:** {podcast}
**Date:** 2025-02-0{day}
**Participants:** {participants}
{extra}
---

## Key Themes

### 1. {theme}
{body}

## People Identified

{people}

## Companies Identified

{companies}
"""


def write(
    folder: Path,
    name: str,
    *,
    title: str,
    podcast: str = "Loom Stories",
    participants: str,
    day: int = 1,
    extra: str = "",
    theme: str = "Weaving is back",
    body: str = "Nothing to add.",
    people: str = "None identified.",
    companies: str = "None identified.",
) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        TEMPLATE.format(
            title=title,
            podcast=podcast,
            day=day,
            participants=participants,
            extra=extra,
            theme=theme,
            body=body,
            people=people,
            companies=companies,
        ),
        encoding="utf-8",
    )


def people(graph: kgraph.KnowledgeGraph) -> dict[str, tuple[str, ...]]:
    return {person.label: person.alt_labels for person in graph.model.people}


def organizations(graph: kgraph.KnowledgeGraph) -> set[str]:
    return {organization.label for organization in graph.model.organizations}


def test_same_person_in_two_documents_is_one_iri(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Looms I", participants="Greta Vollmer, Idris Okonkwo-Hale")
    write(tmp_path, "two.md", title="Looms II", day=2, participants="Greta Vollmer")
    graph = kgraph.build([tmp_path])
    iris = {person.label: person.iri for person in graph.model.people}
    assert set(iris) == {"Greta Vollmer", "Idris Okonkwo-Hale"}
    episodes = graph.model.episodes
    assert len(episodes) == 2
    assert all(iris["Greta Vollmer"] in episode.participants for episode in episodes)


def test_reversed_name_order_merges(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Looms I", participants="Tan Jie")
    write(tmp_path, "two.md", title="Looms II", day=2, participants="Jie Tan")
    assert len(kgraph.build([tmp_path]).model.people) == 1


def test_near_spelling_with_same_surname_merges(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Looms I", participants="Marc Ferreira-Dunn")
    write(tmp_path, "two.md", title="Looms II", day=2, participants="Mark Ferreira-Dunn")
    assert len(kgraph.build([tmp_path]).model.people) == 1


def test_different_surnames_stay_apart(tmp_path: Path) -> None:
    write(tmp_path, "one.md", title="Looms I", participants="Marc Ferreira")
    write(tmp_path, "two.md", title="Looms II", day=2, participants="Marc Oyelowo")
    assert len(kgraph.build([tmp_path]).model.people) == 2


def test_first_name_merges_only_within_the_same_podcast(tmp_path: Path) -> None:
    # Selwyn Abernathy takes part in two episodes of the show: the show's Selwyn (see test_resolve_people).
    write(tmp_path, "one.md", title="Looms I", participants="Selwyn Abernathy")
    write(tmp_path, "one-b.md", title="Looms Ib", day=4, participants="Selwyn Abernathy, Ottilie Brandt")
    write(tmp_path, "two.md", title="Looms II", day=2, participants="Selwyn")
    write(tmp_path, "three.md", title="Kilns I", day=3, podcast="Kiln Talk", participants="Selwyn")
    graph = kgraph.build([tmp_path])
    by_episode = {episode.label: episode.participants for episode in graph.model.episodes}
    full = next(person.iri for person in graph.model.people if person.label == "Selwyn Abernathy")
    assert full in by_episode["Looms II"]
    assert full not in by_episode["Kilns I"]


def test_html_entities_decoded_in_titles_and_names(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Looms &amp; Lathes",
        participants="Greta Vollmer",
        companies="- **Warp &amp; Weft Co** — a mill",
    )
    graph = kgraph.build([tmp_path])
    assert graph.model.episodes[0].label == "Looms & Lathes"
    assert "Warp & Weft Co" in organizations(graph)


def test_same_episode_filed_twice_is_one_episode(tmp_path: Path) -> None:
    extra = "**Episode URL:** https://pods.example.org/loom/77\n"
    write(tmp_path, "x/summary.md", title="Looms Again", participants="Greta Vollmer", extra=extra)
    write(tmp_path, "y/summary.md", title="Looms Again", participants="Greta Vollmer", extra=extra)
    (episode,) = kgraph.build([tmp_path]).model.episodes
    assert episode.source_files == ("x/summary.md", "y/summary.md")


def test_organization_spacing_variants_merge(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Looms I",
        participants="Greta Vollmer",
        companies="- **Shuttle Works** — a maker",
    )
    write(
        tmp_path,
        "two.md",
        title="Looms II",
        day=2,
        participants="Greta Vollmer",
        companies="- **ShuttleWorks** — the maker again",
    )
    assert len([o for o in organizations(kgraph.build([tmp_path])) if "huttle" in o]) == 1


def test_alias_file_merges_and_separates(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    write(docs, "one.md", title="Looms I", participants="Odile Brancusi, Marc Ferreira-Dunn")
    write(docs, "two.md", title="Looms II", day=2, participants="Ode Brankusi, Mark Ferreira-Dunn")
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(
        '[[merge]]\nnames = ["Odile Brancusi", "Ode Brankusi"]\n\n'
        '[[separate]]\nnames = ["Marc Ferreira-Dunn", "Mark Ferreira-Dunn"]\n',
        encoding="utf-8",
    )
    labels = set(people(kgraph.build([docs], aliases=aliases)))
    assert labels == {"Odile Brancusi", "Marc Ferreira-Dunn", "Mark Ferreira-Dunn"}


@pytest.mark.parametrize("content", ['[[merge]\nnames = ["A"]\n', '[[combine]]\nnames = ["A", "B"]\n'])
def test_malformed_alias_file_names_the_file(tmp_path: Path, content: str) -> None:
    write(tmp_path, "one.md", title="Looms I", participants="Greta Vollmer")
    aliases = tmp_path / "bad-aliases.toml"
    aliases.write_text(content, encoding="utf-8")
    with pytest.raises(AliasFileError, match="bad-aliases.toml"):
        kgraph.build([tmp_path / "one.md"], aliases=aliases)


def test_consuming_resolution_gives_the_same_model_and_frees_the_input():
    # A caller can hand its extractions over (`consume=True`) so they can be freed as it goes.
    from kgraph.build.workers import extract_source
    from kgraph.resolve import resolve
    from kgraph.sources import read_document
    from kgraph.sources.files import discover
    from kgraph.vocab import DEFAULT_BASE_IRI

    from .conftest import QUERY_CORPUS, SEEDS

    extractions = [extract_source(read_document(c)) for c in discover([SEEDS, QUERY_CORPUS])]
    kept = resolve(list(extractions), DEFAULT_BASE_IRI).model
    handed_over = list(extractions)
    consumed = resolve(handed_over, DEFAULT_BASE_IRI, consume=True).model
    assert handed_over == []
    assert consumed == kept and len(consumed.claims) > 0
    assert kgraph.build([SEEDS, QUERY_CORPUS]).model == kept  # the build's per-episode parts add up to it


def test_a_show_named_with_its_host_is_the_same_show() -> None:
    from kgraph.resolve.aliases import AliasRules
    from kgraph.resolve.podcasts import resolve_podcasts

    shows = resolve_podcasts(
        [
            "Signal Hour",
            "Signal Hour with Dana Ruiz",
            "Signal Hour",
            "Lunch with Lenny",
            "Lunch",
            "Dinner Table with Bo Li",
        ],
        AliasRules(),
    )
    assert shows["Signal Hour with Dana Ruiz"][0] == "Signal Hour"
    assert shows["Lunch with Lenny"][0] == "Lunch with Lenny"  # no host's full name: a show's own title
    assert shows["Lunch"][0] == "Lunch"
    assert shows["Dinner Table with Bo Li"][0] == "Dinner Table with Bo Li"  # no show of that name alone


def _fold_as_written_before(text: str) -> str:
    # `kgraph.names.fold` before its ASCII shortcut: every character checked for a combining mark
    import html
    import re
    import unicodedata

    text = unicodedata.normalize("NFKD", html.unescape(text))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[’'`]", "", text.lower())
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


@given(st.text(alphabet=st.sampled_from("aZ 9_-'’`&;#éeÉ\u0301\u0308ıİßﬁ张&amp;&eacute;x")))
def test_fold_skips_the_combining_scan_for_ascii_text_only(text: str) -> None:
    from kgraph.names import fold

    assert fold(text) == _fold_as_written_before(text)


def test_kept_apart_union_without_separate_rules_joins_like_a_plain_union_find() -> None:
    from kgraph.resolve.aliases import AliasRules
    from kgraph.resolve.unionfind import UnionFind

    pairs = [("b", "a"), ("c", "d"), ("a", "d"), ("e", "e"), ("f", "b")]
    plain: UnionFind[str] = UnionFind()
    kept = AliasRules().union_find(lambda name: name, None, "person")
    for first, second in pairs:
        assert kept.union(first, second) and plain.union(first, second)
    items = "abcdef"
    assert kept.groups(items) == plain.groups(items)
    separating = AliasRules(separate=(("a", "c"),)).union_find(lambda name: name, None, "person")
    assert [separating.union(first, second) for first, second in pairs] == [True, True, False, True, True]


def test_a_person_of_one_document_has_each_organization_once() -> None:
    """Two names of one organization stated for one person in one document resolve to one IRI
    twice: the node lists it once, as for a person read in two documents."""
    from kgraph.resolve.identities import _PersonNode

    acme, loom = "https://w3id.org/kgraph/id/org/acme", "https://w3id.org/kgraph/id/org/loom"
    node = _PersonNode("Greta Vollmer", (), None, [loom, acme, loom]).node("https://w3id.org/kgraph/id/person/greta")
    assert node.affiliations == (acme, loom)
