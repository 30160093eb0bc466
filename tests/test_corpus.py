"""The whole shared corpus builds; quotations become claims; no placeholder becomes a person.
Skips (with the reason) when ../shared/corpus is absent."""

from __future__ import annotations

import re

import pytest

from kgraph.sources import read_document
from kgraph.sources.files import discover

from .conftest import CORPUS, require_shared

# An independent reading of "a quotation of five or more words": straight double quotes paired on
# one line, five whitespace-separated words or ten CJK characters.
_CJK = re.compile(r"[\u3400-\u9fff]")
_PLACEHOLDER = re.compile(
    r"^(?:unknown|unidentified|unnamed|anonymous|host|co-?host|guest|speaker|announcer|narrator|"
    r"producer|panelist|moderator|interviewer)\b|\bet al\b|^speaker[_ ]?\d+$|\d",
    re.I,
)
_KEY = re.compile(r"\W+")

pytestmark = pytest.mark.corpus


def _quotations(text: str) -> list[str]:
    body = text.split("\n---", 1)[1] if "\n---" in text else ""
    body = re.sub(r"<(\w+)>.*?</\1>", "", body, flags=re.S)
    found = []
    for line in body.split("\n"):
        marks = [index for index, char in enumerate(line) if char == '"']
        for start, end in zip(marks[::2], marks[1::2], strict=False):
            quote = line[start + 1 : end]
            words = [word for word in quote.split() if re.search(r"\w", word)]
            if len(words) >= 5 or len(_CJK.findall(quote)) >= 10:
                found.append(quote)
    return found


def test_every_document_builds(corpus_graph):
    report = corpus_graph.report
    assert report.documents_read == len(list(require_shared(CORPUS).rglob("summary.md")))
    assert report.skipped == []
    assert report.documents_built == report.documents_read


def test_quotations_become_claims(corpus_graph):
    sources = {}
    for episode in corpus_graph.model.episodes:
        for source in episode.source_files:
            sources[source] = episode.iri
    claims_by_episode: dict[str, list[str]] = {}
    for claim in corpus_graph.model.claims:
        claims_by_episode.setdefault(claim.episode, []).append(_KEY.sub("", claim.text).casefold())
    total = found = 0
    for candidate in discover([CORPUS]):
        document = read_document(candidate)
        episode = sources[candidate.source]
        duplicate_copy = sum(1 for s, e in sources.items() if e == episode) > 1
        if duplicate_copy:
            continue  # only one copy of a duplicated episode builds claims
        claims = claims_by_episode.get(episode, [])
        for quote in _quotations(document.text):
            total += 1
            key = _KEY.sub("", quote).casefold()[:40]  # a quote folded into a longer one may differ in case
            found += any(key in claim for claim in claims)
    assert total > 2000
    assert found / total >= 0.97, f"{found}/{total} quotations became claims"


def test_no_placeholder_becomes_a_person(corpus_graph):
    bad = [person.label for person in corpus_graph.model.people if _PLACEHOLDER.search(person.label)]
    assert bad == []


def test_participants_are_people_of_the_episode(corpus_graph):
    people = {person.iri for person in corpus_graph.model.people}
    for episode in corpus_graph.model.episodes:
        assert set(episode.participants) <= people
        assert len(episode.participants) == len(set(episode.participants))


def test_duplicate_filings_become_one_episode(corpus_graph):
    merged = [episode for episode in corpus_graph.model.episodes if len(episode.source_files) > 1]
    assert merged, "the corpus files the Kimi Linear episode three times"
    kimi = [e for e in merged if any("Kimi Linear" in source for source in e.source_files)]
    assert len(kimi) == 1 and len(kimi[0].source_files) == 3


def test_degenerate_documents_have_no_items_or_entities(corpus_graph):
    degenerate = [e for e in corpus_graph.model.episodes if any(w.startswith("degenerate") for w in e.warnings)]
    assert degenerate
    degenerate_iris = {e.iri for e in degenerate}
    assert not any(insight.episode in degenerate_iris for insight in corpus_graph.model.insights)
    assert not any(mention.episode in degenerate_iris for mention in corpus_graph.model.mentions)


def test_speakers_are_people(corpus_graph):
    people = {person.iri for person in corpus_graph.model.people}
    speakers = {claim.speaker for claim in corpus_graph.model.claims if claim.speaker}
    assert speakers and speakers <= people
