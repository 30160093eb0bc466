"""The same episode filed more than once (two folders, a re-publication): one node, on strong
evidence only. Copies share a video id, an arXiv id, the episode's own URL (never a channel's or a
show's page), the show + title + date, or a transcript body (not its opening, not a passage that
recurs across episodes). A title alone, a shared page, different dates or different guests never
merge. Every merge is recorded with its evidence, and so are the near misses."""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

from kgraph.names import fold
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.decisions import DecisionLog
from kgraph.resolve.digest import ExtractionDigest
from kgraph.resolve.unionfind import UnionFind
from kgraph.sources.anchors import unpack_anchors


@dataclass(frozen=True)
class EpisodeGroup:
    primary: ExtractionDigest  # the richest copy: its content builds the graph
    copies: tuple[ExtractionDigest, ...]  # every copy, primary included, sorted by path


@dataclass(frozen=True, order=True)
class _Link:
    """Evidence that two documents (by number) are one episode."""

    first: int
    second: int
    reason: str
    detail: str


@dataclass(frozen=True, order=True)
class _NearMiss:
    """Evidence short of a merge, reported as a candidate if the documents stay apart."""

    numbers: tuple[int, ...]
    reason: str
    evidence: tuple[str, ...]


def _near(near: list[_NearMiss], numbers: tuple[int, ...] | list[int], reason: str, evidence: list[str]) -> None:
    near.append(_NearMiss(tuple(numbers), reason, tuple(evidence)))


_KEY_REASONS = {"video": "same video id", "arxiv": "same arXiv id", "url": "same episode URL"}
SAME_TITLE = "same show, title and date"
SAME_TRANSCRIPT = "transcript bodies overlap"
MAX_PAGE_HOLDERS = 8  # a URL in more documents than this is a page shared by a show's episodes

# Transcript overlap (anchors: see kgraph.sources.anchors). Copies of one recording overlap all along
# their bodies; a sponsor read or an intro is one stretch of it.
MIN_ANCHORS = 20  # shared passages, at least
SHARED_ANCHORS = 0.15  # share of the smaller body's anchors, at least
PARTS = 20  # the smaller body is cut in this many parts ...
SPREAD = 14  # ... and shared passages are found in at least this many of them
MAX_HOLDERS = 8  # a passage in more transcripts than this is boilerplate outright
PROBE_MASK = 3  # anchors whose hash is 0 in these bits (1 in 4) find the pairs worth measuring
MIN_PROBES = 2
BOILERPLATE_EPISODES = 3  # a passage in this many different episodes is boilerplate


def _richness(extraction: ExtractionDigest) -> tuple[int, int, str]:
    # More content wins; the path breaks ties so the choice never depends on input order.
    return (-extraction.content, -len(extraction.entities), extraction.episode.source_file)


def _source(digest: ExtractionDigest) -> str:
    return digest.episode.source_file


def _surnames(digest: ExtractionDigest) -> frozenset[str]:
    return frozenset(fold(name).split()[-1] for name in digest.participants if fold(name).split())


def _different_guests(first: ExtractionDigest, second: ExtractionDigest) -> bool:
    """Both name their participants and each names someone the other does not."""
    a, b = _surnames(first), _surnames(second)
    return bool(a and b) and not (a <= b or b <= a)


# -- keys: ids and URLs ----------------------------------------------------------------------
def _key_links(digests: list[ExtractionDigest], near: list[_NearMiss]) -> list[_Link]:
    holders: dict[str, list[int]] = defaultdict(list)
    for number, digest in enumerate(digests):
        for key in digest.episode.identity:
            holders[key].append(number)
    links = []
    for key, numbers in sorted(holders.items()):
        if len(numbers) < 2:
            continue
        kind = key.split(":", 1)[0]
        reason = _KEY_REASONS.get(kind, f"same {kind}")
        if kind == "url" and len(numbers) > MAX_PAGE_HOLDERS:
            _near(near, numbers, "shared URL is a page of many episodes", [key])
            continue
        if kind != "url":  # an id names one episode: every holder joins the first
            links += [_Link(numbers[0], other, reason, key) for other in numbers[1:]]
            continue
        for first, second in combinations(numbers, 2):
            a, b = digests[first], digests[second]
            if _dated_apart(a, b) and fold(a.episode.title) != fold(b.episode.title):
                _near(near, (first, second), "shared URL, but different dates and titles", [key])
            else:
                links.append(_Link(first, second, reason, key))
    return links


def _dated_apart(first: ExtractionDigest, second: ExtractionDigest) -> bool:
    a, b = first.episode.date, second.episode.date
    return a is not None and b is not None and a != b


# -- show + title + date ---------------------------------------------------------------------
def _title_links(
    digests: list[ExtractionDigest], show_of: Callable[[ExtractionDigest], str], near: list[_NearMiss]
) -> list[_Link]:
    by_title: dict[str, list[int]] = defaultdict(list)
    for number, digest in enumerate(digests):
        if fold(digest.episode.title):
            by_title[fold(digest.episode.title)].append(number)
    links = []
    for title, numbers in sorted(by_title.items()):
        if len(numbers) > MAX_PAGE_HOLDERS:  # `Untitled`, `Episode summary`: says nothing
            continue
        for first, second in combinations(numbers, 2):
            a, b = digests[first], digests[second]
            if show_of(a) != show_of(b):
                _near(near, (first, second), "same title, different shows", [title])
            elif a.episode.date is None or a.episode.date != b.episode.date:
                _near(near, (first, second), "same show and title, different or unknown dates", [title])
            elif _different_guests(a, b):
                _near(near, (first, second), "same show, title and date, different guests", [title])
            else:
                links.append(_Link(first, second, SAME_TITLE, f"{show_of(a)} | {title} | {a.episode.date}"))
    return links


# -- transcript bodies -----------------------------------------------------------------------
def _pairs_to_measure(anchors: list[array]) -> list[tuple[int, int]]:
    """Pairs of transcripts sharing passages, found through a quarter of the anchors (the probes)
    so that a large corpus is indexed in little memory; each pair is then measured in full."""
    holders: dict[int, list[int]] = defaultdict(list)
    for number, passages in enumerate(anchors):
        for anchor in passages:
            if not anchor & PROBE_MASK:
                holders[anchor].append(number)
    shared: Counter[tuple[int, int]] = Counter()
    for numbers in holders.values():
        if 2 <= len(numbers) <= MAX_HOLDERS:
            shared.update(combinations(numbers, 2))
    return sorted(pair for pair, count in shared.items() if count >= MIN_PROBES)


def _shared(first: array, second: array, ignored: set[int]) -> tuple[list[int], int]:
    """The positions in the smaller body of the passages the larger holds too, and its size."""
    smaller, larger = sorted((first, second), key=len)
    others = set(larger) - ignored
    return [index for index, anchor in enumerate(smaller) if anchor in others], len(smaller)


def _overlapping(positions: list[int], size: int) -> bool:
    parts = {index * PARTS // size for index in positions}
    return len(positions) >= MIN_ANCHORS and len(positions) >= SHARED_ANCHORS * size and len(parts) >= SPREAD


def _transcript_links(digests: list[ExtractionDigest], near: list[_NearMiss]) -> list[_Link]:
    anchors = [unpack_anchors(digest.episode.transcript_anchors) for digest in digests]
    pairs = _pairs_to_measure(anchors)
    # First pass: which documents look like one episode. A passage held by three or more of
    # those episodes is boilerplate (a sponsor read, an intro), and the overlap is measured again.
    union: UnionFind[int] = UnionFind()
    suspects: set[int] = set()
    for first, second in pairs:
        positions, size = _shared(anchors[first], anchors[second], set())
        if _overlapping(positions, size):
            union.union(first, second)
        smaller = min(anchors[first], anchors[second], key=len)
        suspects.update(smaller[index] for index in positions)
    boilerplate = _boilerplate(anchors, union, suspects)
    links = []
    for first, second in pairs:
        positions, size = _shared(anchors[first], anchors[second], boilerplate)
        parts = len({index * PARTS // size for index in positions})
        detail = f"{len(positions)} of {size} passages shared, in {parts} of {PARTS} parts of the shorter body"
        if _overlapping(positions, size):
            links.append(_Link(first, second, SAME_TRANSCRIPT, detail))
        elif len(positions) >= MIN_ANCHORS:
            _near(near, (first, second), "transcripts share passages", [detail])
    return links


def _boilerplate(anchors: list[array], union: UnionFind[int], suspects: set[int]) -> set[int]:
    """The suspects found in several episodes, or in more transcripts than any episode has copies."""
    episodes: dict[int, set[object]] = defaultdict(set)
    holders: Counter[int] = Counter()
    for number, passages in enumerate(anchors):
        found = suspects.intersection(passages)
        holders.update(found)
        for anchor in found:
            episodes[anchor].add(union.find(number))
    return {
        anchor for anchor in suspects if len(episodes[anchor]) >= BOILERPLATE_EPISODES or holders[anchor] > MAX_HOLDERS
    }


# -- grouping --------------------------------------------------------------------------------
def group_episodes(
    extractions: list[ExtractionDigest],
    log: DecisionLog | None = None,
    show_of: Callable[[ExtractionDigest], str] | None = None,
    rules: AliasRules | None = None,
) -> list[EpisodeGroup]:
    """Copies of one episode, grouped. `show_of` names a document's show as resolved (folders
    and spellings of one show agree); by default its `Podcast` field, folded. Files the alias
    file's [[separate]] names (by path) are never one episode."""
    show_of = show_of or (lambda digest: fold(digest.episode.podcast))
    extractions = sorted(extractions, key=_source)  # evidence reads the same whatever the input order
    near: list[_NearMiss] = []
    links = sorted(
        {
            *_key_links(extractions, near),
            *_title_links(extractions, show_of, near),
            *_transcript_links(extractions, near),
        }
    )
    union: UnionFind[tuple[str, int]] = (rules or AliasRules()).union_find(
        lambda node: _source(extractions[node[1]]), log, "episode"
    )
    for link in links:
        union.union(("doc", link.first), ("doc", link.second))
    groups = union.groups(("doc", number) for number in range(len(extractions)))
    result = []
    for members in groups.values():
        copies = sorted((extractions[number] for _, number in members), key=_source)
        primary = min(copies, key=_richness)
        result.append(EpisodeGroup(primary=primary, copies=tuple(copies)))
        if len(copies) > 1 and log is not None:
            _record_merge(log, primary, copies, links, {number for _, number in members}, extractions)
    if log is not None:
        for miss in near:  # kept apart in the end, not only by this piece of evidence
            if len({union.find(("doc", number)) for number in miss.numbers}) > 1:
                sources = sorted(_source(extractions[number]) for number in miss.numbers)
                log.record("episode", "candidate", sources, miss.reason, miss.evidence)
    return sorted(result, key=lambda group: _source(group.primary))


def _record_merge(
    log: DecisionLog,
    primary: ExtractionDigest,
    copies: list[ExtractionDigest],
    links: list[_Link],
    members: set[int],
    extractions: list[ExtractionDigest],
) -> None:
    mine = [link for link in links if link.first in members]
    evidence = sorted(
        f"{_source(extractions[link.first])} = {_source(extractions[link.second])}: {link.reason} ({link.detail})"
        for link in mine
    )
    reason = "; ".join(sorted({link.reason for link in mine}))
    names = [_source(primary), *(_source(copy) for copy in copies if copy is not primary)]
    log.record("episode", "merged", names, reason, evidence)
