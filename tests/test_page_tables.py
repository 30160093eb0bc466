"""The page's claims table and node attributes, read from what the workers store per episode
(`parts.page_nodes`: plain dicts), against the code that read the episodes' model nodes (kept
here as the oracle), on built corpora and on claims with every optional field varied."""

from __future__ import annotations

import bisect
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kgraph
from kgraph.model import Claim, Grounding, Node, SpeakerEvidence
from kgraph.outputs.html.data import PageGraph, edges_within
from kgraph.outputs.html.options import HtmlOptions
from kgraph.outputs.html.parts import PagePart, claim_row, page_nodes
from kgraph.outputs.html.select import most_connected
from kgraph.outputs.html.style import STYLE_BY_CLASS
from kgraph.outputs.html.tables import _LONG_TEXT, _SHORTEST_PLACED, Strings, _claims, _kept_notes, _utf16
from kgraph.outputs.html.view import _shows_of, explorer_view
from kgraph.outputs.networkx import node_attributes

from .conftest import FIXTURES, synthetic_corpus


# -- the oracle: the claims table as it read Claim models ------------------------------------------
def old_claims(page, claims: list[Node], ids: dict[str, int], strings: Strings) -> tuple[dict, dict]:
    columns: dict[str, list] = {key: [] for key in ("episode", "speaker", "about", "time")}
    mentions: dict[str, list[int]] = {}
    grounding: dict[str, dict[str, object]] = {key: {} for key in ("heard", "grounding", "evidence")}
    texts: dict[str, object] = {"text": [], "excerpt": {}, "recording": {}, "label": {}}
    seen: set[tuple[str, str]] = set()
    places = OldQuotePlaces(claims)
    for claim in claims:
        if not isinstance(claim, Claim) or (claim.episode, claim.text) in seen:
            continue
        seen.add((claim.episode, claim.text))
        number = str(len(texts["text"]))
        about = ids.get(claim.about, -1) if claim.about else -1
        columns["episode"].append(ids.get(claim.episode, -1))
        columns["speaker"].append(ids.get(claim.speaker, -1) if claim.speaker else -1)
        columns["about"].append(about)
        named = sorted(ids[m] for m in claim.mentions if m in ids)
        if named:
            mentions[number] = named
        columns["time"].append(strings(claim.timestamp))
        for key, value in (
            ("heard", claim.heard_at),
            ("grounding", strings(claim.grounding.value) if claim.grounding else None),
            ("evidence", strings(claim.speaker_evidence.value) if claim.speaker_evidence else None),
        ):
            if value is not None:
                grounding[key][number] = value
        for key, text in (
            ("excerpt", claim.transcript_excerpt),
            ("recording", claim.recording_url),
            ("label", claim.transcript_label),
        ):
            if text:
                texts[key][number] = text
        texts["text"].append(old_quote_or_place(page, places, claim, about))
    return {**columns, "mentions": mentions, **grounding}, texts


def old_quote_or_place(page, places, claim: Claim, about: int) -> object:
    if about < 0 or not claim.about or len(claim.text) < _SHORTEST_PLACED:
        return claim.text
    insight_text = page.nodes[claim.about].get("text") or ""
    place = places.find(claim.about, insight_text, claim.text) if isinstance(insight_text, str) else None
    return claim.text if place is None else [about, *place]


class OldQuotePlaces:
    def __init__(self, claims: list[Node]):
        self._heads: dict[str, set[str]] = {}
        for claim in claims:
            if isinstance(claim, Claim) and claim.about and len(claim.text) >= _SHORTEST_PLACED:
                self._heads.setdefault(claim.about, set()).add(claim.text[:_SHORTEST_PLACED])
        self._long: dict[str, tuple[dict[str, int], list[int]]] = {}

    def find(self, insight: str, text: str, quote: str) -> tuple[int, int] | None:
        if len(text) < _LONG_TEXT:
            at = text.find(quote)
            if at < 0:
                return None
            start = _utf16(text[:at])
            return start, start + _utf16(quote)
        firsts, astral = self._long.get(insight) or self._index(insight, text)
        begin = firsts.get(quote[:_SHORTEST_PLACED])
        at = -1 if begin is None else text.find(quote, begin)
        if at < 0:
            return None
        start = at + bisect.bisect_left(astral, at)
        return start, start + _utf16(quote)

    def _index(self, insight: str, text: str) -> tuple[dict[str, int], list[int]]:
        heads, firsts = self._heads.get(insight, set()), {}
        for position in range(len(text) - _SHORTEST_PLACED + 1):
            head = text[position : position + _SHORTEST_PLACED]
            if head in heads and head not in firsts:
                firsts[head] = position
                if len(firsts) == len(heads):
                    break
        astral = [] if text.isascii() else [at for at, character in enumerate(text) if character > "\uffff"]
        self._long[insight] = firsts, astral
        return firsts, astral


# -- corpora -----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> kgraph.KnowledgeGraph:
    return kgraph.build([synthetic_corpus(tmp_path_factory.mktemp("tables"), 24)])


@pytest.fixture(scope="module")
def hostile() -> kgraph.KnowledgeGraph:
    return kgraph.build([FIXTURES / "html_corpus"])  # hostile quotes, grounding fields


def varied(claims: list[Claim], insight: str, entity: str) -> list[Claim]:
    """Each claim again (in an episode of its own: not a duplicate, which the table leaves out)
    with every optional field the table reads set, unset, falsy or odd."""
    made = []
    for number, claim in enumerate(claims):
        options = variations(claim, insight, entity)
        update = {
            field: values[(number + shift) % len(values)] for shift, (field, values) in enumerate(options.items())
        }
        update.update(iri=f"{claim.iri}-v{number}", episode=f"{claim.episode}-v{number}")
        made.append(claim.model_copy(update=update))
    return made


def one_field_each(claims: list[Claim], insight: str, entity: str) -> list[Claim]:
    """Claims with every optional field unset but one, set to each of its values in turn."""
    made = []
    bare = {field: None for field in OPTIONAL_FIELDS}
    for number, claim in enumerate(claims[:3]):
        for field, values in variations(claim, insight, entity).items():
            for value in values:
                suffix = f"-{number}-{field}-{len(made)}"
                update = {**bare, field: value, "iri": claim.iri + suffix, "episode": claim.episode + suffix}
                made.append(claim.model_copy(update=update))
    return made


def pieces_of(claim: Claim, insight: str, text: str) -> list[Claim]:
    """Claims about the insight quoting pieces of its text around the length below which a quote
    is kept as text, not as its place."""
    assert len(text) > _SHORTEST_PLACED + 40
    return [
        claim.model_copy(update={"iri": f"{claim.iri}-p{length}", "about": insight, "text": text[3 : 3 + length]})
        for length in range(_SHORTEST_PLACED - 2, _SHORTEST_PLACED + 30)
    ]


OPTIONAL_FIELDS = (
    "heard_at",
    "grounding",
    "speaker_evidence",
    "transcript_excerpt",
    "recording_url",
    "transcript_label",
)


def variations(claim: Claim, insight: str, entity: str) -> dict[str, list]:
    return {
        "speaker": [None, entity, "https://example.org/nobody"],
        "about": [None, insight, entity, "", claim.about],
        "mentions": [(), (entity,), (entity, insight, "https://example.org/nobody")],
        "timestamp": [None, "", "01:02:03"],
        "heard_at": [None, 0, 75],
        "grounding": [None, *Grounding],
        "speaker_evidence": [None, *SpeakerEvidence],
        "transcript_excerpt": [None, "", "… an excerpt"],
        "recording_url": [None, "", "https://www.youtube.com/watch?v=x&t=3s"],
        "transcript_label": [None, "", "SPEAKER_1"],
    }


def check_claims_as_before(graph: kgraph.KnowledgeGraph, extra: bool) -> int:
    page = graph.page()
    kept = sorted(iri for iri, kind in page.types.items() if kind != "Claim")
    ids = {iri: number for number, iri in enumerate(kept[::2])}  # some nodes not kept
    claims = sorted((c for e in graph.episodes for c in graph.episode_nodes(e).claims), key=lambda c: c.iri)
    if extra:
        insight = next(i for e in graph.episodes for i in graph.episode_nodes(e).insights if i.iri in ids)
        entity = next(iri for iri in ids if page.part_of(iri) is None)
        more = [*varied(claims, insight.iri, entity), *one_field_each(claims, insight.iri, entity), *claims[:3]]
        more += pieces_of(claims[0], insight.iri, page.nodes[insight.iri]["text"])
        claims = sorted([*claims, *more], key=lambda c: c.iri)
    old_strings, new_strings = Strings(), Strings()
    old = old_claims(page, claims, ids, old_strings)
    new = _claims(page, [claim_row(claim) for claim in claims], ids, new_strings)
    assert new == old
    assert new_strings.table == old_strings.table
    return len(old[1]["text"])


def test_the_claims_table_is_as_before(synthetic):
    assert check_claims_as_before(synthetic, extra=False) > 100


def test_the_claims_table_is_as_before_for_every_optional_field(synthetic, hostile):
    for graph in (synthetic, hostile):
        check_claims_as_before(graph, extra=True)


def test_an_episodes_page_nodes_are_its_insights_attributes_and_claims_rows(synthetic):
    for episode in synthetic.episodes:
        nodes = synthetic.episode_nodes(episode)
        stored = page_nodes(nodes.insights, nodes.claims)
        assert list(stored) == [*(i.iri for i in nodes.insights), *(c.iri for c in nodes.claims)]
        for insight in nodes.insights:
            assert stored[insight.iri] == node_attributes(insight)
        for claim in nodes.claims:
            assert stored[claim.iri] == claim_row(claim)


def test_the_page_reads_the_node_attributes_it_read_before(synthetic):
    page = synthetic.page()
    nodes = {}
    for episode in synthetic.episodes:
        own = synthetic.episode_nodes(episode)
        nodes.update((node.iri, node) for node in (own.episode, *own.insights, *own.claims))
    nodes.update((node.iri, node) for node in synthetic.entities.nodes())
    for iri, kind in page.types.items():
        if kind != "Claim":
            assert page.nodes[iri] == node_attributes(nodes[iri])


def test_a_part_linking_to_a_missing_entity_is_refused_as_before(synthetic):
    page = synthetic.page()
    entities = page._entities
    parts = list(page.parts)
    for count in (0, 1, 5):
        missing = {f"https://example.org/missing/{n}" for n in range(count)}
        broken = PagePart(**{**vars(parts[0]), "entity_refs": parts[0].entity_refs | missing})
        expected = broken.entity_refs - entities.types.keys()  # the old check
        assert expected == missing
        arguments = (entities, synthetic.entities.nodes(), [*parts[1:], broken], lambda episode: {})
        if not expected:
            PageGraph(*arguments)
            continue
        with pytest.raises(AssertionError) as raised:
            PageGraph(*arguments)
        assert str(raised.value) == f"{broken.episode} links to nodes that do not exist: {sorted(expected)[:3]}"


# -- selection and view: the old expressions as oracles ----------------------------------------------
@given(st.dictionaries(st.text("abc/", max_size=4), st.integers(0, 4), max_size=40), st.integers(1, 45))
def test_the_most_connected_are_those_sorting_every_node_kept(degree, count):
    nodes = set(degree)
    assert most_connected(nodes, degree, count) == set(sorted(nodes, key=lambda iri: (-degree[iri], iri))[:count])


def old_shows_of(page, corpus: list[str], laid: set[str]) -> Counter:
    podcast_of: dict[str, str] = {}
    for (source, target), names in page.edges_among(laid).items():
        if "in podcast" in names:
            podcast_of[source] = target
    shows: Counter = Counter()
    for iri in corpus:
        if page.types[iri] == "Podcast":
            continue
        for episode in page.episodes[iri]:
            if episode in podcast_of:
                shows[(iri, podcast_of[episode])] += 1
    return shows


def test_the_view_counts_shows_and_keeps_notes_as_before(synthetic):
    page = synthetic.page()
    view = explorer_view(page, HtmlOptions(max_nodes=400))
    corpus = [iri for iri in view.nodes if STYLE_BY_CLASS[page.types[iri]].corpus_level]
    laid = {iri for iri in view.nodes if iri in set(corpus) or page.types[iri] == "Episode"}
    shows = _shows_of(page, corpus, page.edges_among(laid))
    assert shows and list(shows.items()) == list(old_shows_of(page, corpus, laid).items())
    for kept in (view.nodes, sorted(page.types), sorted(page.types)[::3]):
        ids = {iri: number for number, iri in enumerate(kept)}
        old = [
            [ids[entity], ids[episode], note]
            for (entity, episode), note in sorted(page.notes.items())
            if entity in ids and episode in ids
        ]
        new = [[ids[entity], ids[episode], note] for (entity, episode), note in _kept_notes(page, ids)]
        assert new == old and new


def test_the_view_reads_the_relations_among_its_subsets_as_edges_among_did(synthetic):
    page = synthetic.page()
    for options in (HtmlOptions(max_nodes=400), HtmlOptions()):
        view = explorer_view(page, options)
        assert list(view.edges.items()) == list(page.edges_among(set(view.nodes)).items())
        corpus = {iri for iri in view.nodes if STYLE_BY_CLASS[page.types[iri]].corpus_level}
        laid = corpus | {iri for iri in view.nodes if page.types[iri] == "Episode"}
        for kept in (laid, corpus, set(view.first), set(view.nodes[::2]), set(view.nodes[1::3]) | corpus):
            found = edges_within(view.edges, kept)
            assert list(found.items()) == list(page.edges_among(kept).items())
        assert edges_within(view.edges, laid)
