"""The episode stage against the code it replaced (kept in `tests/oracles/`): the statement writers
(a `_Graph` call per statement before), `build_episode` (nodes validated by pydantic before) and
`episode_counts`, on generated nodes and on generated corpora."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.build.extracted import pickled, without_transcript
from kgraph.build.inputs import Reading
from kgraph.build.outputs import episode_counts
from kgraph.build.workers import extract_source
from kgraph.model import (
    Claim,
    Episode,
    Grounding,
    Insight,
    InsightKind,
    Mention,
    Organization,
    Person,
    Podcast,
    Product,
    SpeakerEvidence,
)
from kgraph.outputs import statements as rdf
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.digest import digest_of
from kgraph.resolve.episode import EpisodeNodes, _claim_label, build_episode
from kgraph.resolve.identities import Identities

from .conftest import SEEDS, synthetic_corpus
from .oracles import episode_971cad0 as old_episode
from .oracles import statements_971cad0 as old_statements

# -- statements on generated nodes ------------------------------------------------------------------
# characters that are escaped, or not printable without being escaped, or neither
_TEXT = st.text(st.sampled_from('ab é…"\\\n\t\x00\x7f\x85\xa0\u2028\ud800'), max_size=6)
_OPTIONAL_TEXT = st.none() | _TEXT
_IRI = st.sampled_from(["", "urn:x:a", "urn:x:b", "https://w3id.org/kgraph/id/c", "urn:x:é"])
_OPTIONAL_IRI = st.none() | _IRI
_IRIS = st.lists(_IRI, max_size=3).map(tuple)  # repeats and empty ones included
_TEXTS = st.lists(_TEXT, max_size=3).map(tuple)
_NUMBER = st.none() | st.integers(-5, 10_000)


def _nodes(cls, **fields):
    return st.builds(cls, iri=_IRI, label=_TEXT, **fields)


_EPISODES = _nodes(
    Episode,
    podcast=_IRI,
    graph=_IRI,
    date=st.none() | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    urls=_TEXTS,
    video_id=_OPTIONAL_TEXT,
    region=_OPTIONAL_TEXT,
    source_kind=_TEXT,
    source_files=_TEXTS,
    arxiv_id=_OPTIONAL_TEXT,
    alt_labels=_TEXTS,
    participants=_IRIS,
    mentions=_IRIS,
    warnings=_TEXTS,
    transcript_file=_OPTIONAL_TEXT,
)
_INSIGHTS = _nodes(
    Insight, kind=st.sampled_from(InsightKind), episode=_IRI, rank=st.integers(-2, 20), text=_TEXT, mentions=_IRIS
)
_CLAIMS = _nodes(
    Claim,
    text=_TEXT,
    episode=_IRI,
    speaker=_OPTIONAL_IRI,
    about=_OPTIONAL_IRI,
    timestamp=_OPTIONAL_TEXT,
    seconds=_NUMBER,
    mentions=_IRIS,
    grounding=st.none() | st.sampled_from(Grounding),
    heard_at=_NUMBER,
    match_score=st.none() | st.floats(allow_nan=True, allow_infinity=True) | st.integers(0, 100),
    transcript_label=_OPTIONAL_TEXT,
    transcript_excerpt=_OPTIONAL_TEXT,
    recording_url=_OPTIONAL_TEXT,
    speaker_evidence=st.none() | st.sampled_from(SpeakerEvidence),
    transcript_speaker=_OPTIONAL_IRI,
)
_MENTIONS = _nodes(Mention, episode=_IRI, entity=_IRI, description=_OPTIONAL_TEXT, why_mentioned=_OPTIONAL_TEXT)
_ENTITIES = st.lists(
    st.one_of(
        _nodes(Podcast, alt_labels=_TEXTS),
        _nodes(Person, alt_labels=_TEXTS, description=_OPTIONAL_TEXT, affiliations=_IRIS),
        _nodes(Organization, alt_labels=_TEXTS, description=_OPTIONAL_TEXT),
        _nodes(Product, alt_labels=_TEXTS, description=_OPTIONAL_TEXT, made_by=_IRIS),
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(_EPISODES, st.lists(_INSIGHTS, max_size=4), st.lists(_CLAIMS, max_size=4), st.lists(_MENTIONS, max_size=3))
def test_an_episode_s_statements_are_the_old_writer_s(episode, insights, claims, mentions) -> None:
    new = rdf.episode_statements(episode, insights, claims, mentions)
    assert new == old_statements.episode_statements(episode, insights, claims, mentions)


@settings(max_examples=200, deadline=None)
@given(_IRI, _ENTITIES)
def test_the_entities_statements_are_the_old_writer_s(base: str, nodes) -> None:
    assert rdf.entity_statements(base, nodes) == old_statements.entity_statements(base, nodes)


@settings(max_examples=500, deadline=None)
@given(_TEXT | st.text(), st.sampled_from(["", rdf.XSD_INTEGER, rdf.XSD_ANY_URI]))
def test_a_literal_is_the_old_one(value: str, datatype_suffix: str) -> None:
    assert rdf.literal(value, datatype_suffix) == old_statements.literal(value, datatype_suffix)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(*[st.sampled_from(["a", "b", "ab", ""])] * 3), max_size=12))
def test_statements_are_sorted_and_unique_as_before(statements: list[rdf.Statement]) -> None:
    # (duplicates are likely here, and neighbours once sorted)
    assert rdf._sorted_unique(list(statements)) == list(dict.fromkeys(sorted(statements)))


_SPACE = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\u2028", "\u3000", "\x1c"])
# words, each followed by white space of some kind: about twelve of them, or more, or fewer
_WORDS = st.lists(st.tuples(st.sampled_from(["a", "bb", "c…"]), _SPACE), max_size=20).map(
    lambda words: "".join(word + space for word, space in words)
)


@settings(max_examples=300, deadline=None)
@given(st.tuples(_SPACE | st.just(""), _WORDS, st.sampled_from(["", "d"])).map("".join))
def test_a_claim_s_label_is_the_old_one(text: str) -> None:
    assert _claim_label(text) == old_episode._claim_label(text)


# -- nodes and counts on generated corpora ----------------------------------------------------------
def _tasks(folder: Path):
    """(identities, group, the primary's extraction as the episode stage reads it) per episode."""
    extractions = {read.key: extract_source(read.document) for read in Reading([folder]).read_all() if read.document}
    digests = [digest_of(extraction, key) for key, extraction in extractions.items()]
    identities = Identities(digests, "https://example.org/kg/", AliasRules())
    return [
        (identities, group, without_transcript(pickled(extractions[group.primary.key]))) for group in identities.groups
    ]


def _same_node(new, old) -> None:
    assert type(new) is type(old)
    assert new == old
    assert list(new.__dict__) == list(old.__dict__)
    assert [type(value) for value in new.__dict__.values()] == [type(value) for value in old.__dict__.values()]
    assert new.model_fields_set == old.model_fields_set
    assert pickle.dumps(new, protocol=pickle.HIGHEST_PROTOCOL) == pickle.dumps(old, protocol=pickle.HIGHEST_PROTOCOL)


@pytest.fixture(scope="module", params=["seeds", 3, 11])
def episode_tasks(request, tmp_path_factory):
    """(whether the corpus has transcripts, its episodes)"""
    if request.param == "seeds":
        return False, _tasks(SEEDS)
    return True, _tasks(synthetic_corpus(tmp_path_factory.mktemp("synthetic"), 24, seed=request.param))


def test_an_episode_s_nodes_are_the_validated_ones(episode_tasks) -> None:
    _transcripts, tasks = episode_tasks
    for identities, group, extraction in tasks:
        new = build_episode(identities, group, extraction)
        old = old_episode.build_episode(identities, group, extraction)
        assert type(new) is EpisodeNodes
        for kind in ("insights", "claims", "mentions"):
            assert len(getattr(new, kind)) == len(getattr(old, kind))
        for new_node, old_node in zip(
            (new.episode, *new.insights, *new.claims, *new.mentions),
            (old.episode, *old.insights, *old.claims, *old.mentions),
            strict=True,
        ):
            _same_node(new_node, old_node)
    assert tasks


def test_the_generated_corpora_have_claims_with_and_without_grounding(episode_tasks) -> None:
    # (so that the nodes test sees both kinds)
    transcripts, tasks = episode_tasks
    claims = [claim for _identities, _group, extraction in tasks for claim in extraction.claims]
    assert {claim.grounding is None for claim in claims} == ({True, False} if transcripts else {True})
    # and claims whose recording is linked at the second they are heard
    linked = [c for task in tasks for c in build_episode(*task).claims if c.recording_url is not None]
    assert bool(linked) == transcripts


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(InsightKind), max_size=12), st.integers(0, 5), st.integers(0, 5))
def test_the_counts_are_the_old_ones(kinds, claims, mentions) -> None:
    insights = tuple(
        Insight(iri=f"urn:x:{n}", label="", kind=kind, episode="e", rank=n) for n, kind in enumerate(kinds)
    )
    episode = Episode(iri="e", label="", podcast="p", graph="g")
    claim = Claim(iri="c", label="", text="t", episode="e")
    mention = Mention(iri="m", label="", episode="e", entity="x")
    nodes = EpisodeNodes(episode, insights, (claim,) * claims, (mention,) * mentions)
    old = {kind.value: 0 for kind in InsightKind}
    for insight in insights:
        old[insight.kind.value] += 1
    old.update(Episode=1, Claim=claims, Mention=mentions)
    new = episode_counts(nodes)
    assert new == old and list(new) == list(old)
    assert all(type(key) is str for key in new)
