"""The same episode filed more than once (two folders, a re-publication): one node, on strong
evidence only. Copies share a video id, an arXiv id, the episode's own URL (never a channel's or a
show's page), the show + title + date, or a transcript body (not its opening, not a passage that
recurs across episodes). A title alone, a shared page, different dates or different guests never
merge. Every merge is recorded with its evidence, and so are the near misses."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

from kgraph.names import fold
from kgraph.resolve.decisions import DecisionLog
from kgraph.resolve.digest import ExtractionDigest
from kgraph.resolve.unionfind import UnionFind
from kgraph.transcript import anchor_list


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


_KEY_REASONS = {"video": "same video id", "arxiv": "same arXiv id", "url": "same episode URL"}
SAME_TITLE = "same show, title and date"
SAME_TRANSCRIPT = "transcript bodies overlap"
MAX_PAGE_HOLDERS = 8  # a URL in more documents than this is a page shared by a show's episodes

# Transcript overlap (anchors: see kgraph.transcript). Copies of one recording overlap all along
# their bodies; a sponsor read or an intro is one stretch of it.
MIN_ANCHORS = 20  # shared passages, at least
SHARED_ANCHORS = 0.1  # share of the smaller body's anchors, at least
PARTS = 10  # the smaller body is cut in this many parts ...
SPREAD = 6  # ... and shared passages are found in at least this many of them
MAX_HOLDERS = 8  # a passage in more transcripts than this is boilerplate outright
BOILERPLATE_EPISODES = 3  # a passage in this many different episodes is boilerplate


def _richness(extraction: ExtractionDigest) -> tuple[int, int, str]:
    # More content wins; the path breaks ties so the choice never depends on input order.
    return (-extraction.content, -len(extraction.entities),
            extraction.episode.source_file)


def _source(digest: ExtractionDigest) -> str:
    return digest.episode.source_file


def _surnames(digest: ExtractionDigest) -> frozenset[str]:
    return frozenset(fold(name).split()[-1] for name in digest.participants if fold(name).split())


def _different_guests(first: ExtractionDigest, second: ExtractionDigest) -> bool:
    """Both name their participants and each names someone the other does not."""
    a, b = _surnames(first), _surnames(second)
    return bool(a and b) and not (a <= b or b <= a)


# -- keys: ids and URLs ----------------------------------------------------------------------
def _near(near: list[_NearMiss], numbers, reason: str, evidence: list[str]) -> None:
    near.append(_NearMiss(tuple(numbers), reason, tuple(evidence)))


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
        for first, second in combinations(numbers, 2):
            a, b = digests[first], digests[second]
            if kind == "url" and _dated_apart(a, b) and fold(a.episode.title) != fold(b.episode.title):
                _near(near, (first, second), "shared URL, but different dates and titles", [key])
                continue
            links.append(_Link(first, second, reason, key))
    return links


def _dated_apart(first: ExtractionDigest, second: ExtractionDigest) -> bool:
    a, b = first.episode.date, second.episode.date
    return a is not None and b is not None and a != b


# -- show + title + date ---------------------------------------------------------------------
def _title_links(digests: list[ExtractionDigest], show_of: Callable[[ExtractionDigest], str],
                 near: list[_NearMiss]) -> list[_Link]:
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
def _shared_anchor_counts(anchors: list[list[int]], ignored: set[int]) -> Counter[tuple[int, int]]:
    """(first, second) -> passages both transcripts hold, for every pair holding any."""
    holders: dict[int, list[int]] = defaultdict(list)
    for number, passages in enumerate(anchors):
        for anchor in passages:
            holders[anchor].append(number)
    shared: Counter[tuple[int, int]] = Counter()
    for anchor, numbers in holders.items():
        if 2 <= len(numbers) <= MAX_HOLDERS and anchor not in ignored:
            for pair in combinations(numbers, 2):
                shared[pair] += 1
    return shared


def _overlap(first: list[int], second: list[int], ignored: set[int]) -> tuple[int, int, int]:
    """(shared passages, anchors of the smaller body, parts of the smaller body holding some)."""
    smaller, larger = sorted((first, second), key=len)
    others = set(larger) - ignored
    positions = [index for index, anchor in enumerate(smaller) if anchor in others]
    parts = {index * PARTS // len(smaller) for index in positions}
    return len(positions), len(smaller), len(parts)


def _overlapping(shared: int, size: int, parts: int) -> bool:
    return shared >= MIN_ANCHORS and shared >= SHARED_ANCHORS * size and parts >= SPREAD


def _transcript_links(digests: list[ExtractionDigest], near: list[_NearMiss]) -> list[_Link]:
    anchors = [anchor_list(digest.episode.transcript_anchors) for digest in digests]
    counts = _shared_anchor_counts(anchors, set())
    pairs = sorted(pair for pair, count in counts.items() if count >= MIN_ANCHORS)
    # First pass: which documents look like one episode; a passage held by three or more of
    # those episodes is boilerplate (a sponsor read, an intro), and the overlap is measured again.
    union = UnionFind()
    for first, second in pairs:
        if _overlapping(*_overlap(anchors[first], anchors[second], set())):
            union.union(first, second)
    boilerplate = _boilerplate(anchors, union)
    links = []
    for first, second in pairs:
        shared, size, parts = _overlap(anchors[first], anchors[second], boilerplate)
        detail = f"{shared} of {size} passages shared, in {parts} of {PARTS} parts of the shorter body"
        if _overlapping(shared, size, parts):
            links.append(_Link(first, second, SAME_TRANSCRIPT, detail))
        else:
            _near(near, (first, second), "transcripts share passages", [detail])
    return links


def _boilerplate(anchors: list[list[int]], union: UnionFind) -> set[int]:
    episodes: dict[int, set[object]] = defaultdict(set)
    for number, passages in enumerate(anchors):
        episode = union.find(number)
        for anchor in passages:
            episodes[anchor].add(episode)
    return {anchor for anchor, held in episodes.items() if len(held) >= BOILERPLATE_EPISODES}


# -- grouping --------------------------------------------------------------------------------
@dataclass(frozen=True, order=True)
class _NearMiss:
    numbers: tuple[int, ...]
    reason: str
    evidence: tuple[str, ...]


def group_episodes(extractions: list[ExtractionDigest], log: DecisionLog | None = None,
                   show_of: Callable[[ExtractionDigest], str] | None = None) -> list[EpisodeGroup]:
    """Copies of one episode, grouped. `show_of` names a document's show as resolved (folders
    and spellings of one show agree); by default its `Podcast` field, folded."""
    show_of = show_of or (lambda digest: fold(digest.episode.podcast))
    near: list[_NearMiss] = []
    links = sorted({*_key_links(extractions, near), *_title_links(extractions, show_of, near),
                    *_transcript_links(extractions, near)})
    union = UnionFind()
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


def _record_merge(log: DecisionLog, primary: ExtractionDigest, copies: list[ExtractionDigest], links: list[_Link],
                  members: set[int], extractions: list[ExtractionDigest]) -> None:
    mine = [link for link in links if link.first in members]
    evidence = sorted(f"{_source(extractions[link.first])} = {_source(extractions[link.second])}: "
                      f"{link.reason} ({link.detail})" for link in mine)
    reason = ", ".join(sorted({link.reason for link in mine}))
    names = [_source(primary), *(_source(copy) for copy in copies if copy is not primary)]
    log.record("episode", "merged", names, reason, evidence)
