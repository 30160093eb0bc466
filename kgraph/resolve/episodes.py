"""The same episode filed more than once (two folders, a re-publication): one node."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain

from kgraph.resolve.decisions import DecisionLog
from kgraph.resolve.digest import ExtractionDigest
from kgraph.resolve.unionfind import UnionFind


@dataclass(frozen=True)
class EpisodeGroup:
    primary: ExtractionDigest  # the richest copy: its content builds the graph
    copies: tuple[ExtractionDigest, ...]  # every copy, primary included, sorted by path


def _richness(extraction: ExtractionDigest) -> tuple[int, int, str]:
    # More content wins; the path breaks ties so the choice never depends on input order.
    return (-extraction.content, -len(extraction.entities),
            extraction.episode.source_file)


SHARED_ANCHORS = 0.3  # share of the smaller transcript's anchors two copies must have in common
MIN_ANCHORS = 20


def _same_transcript_pairs(extractions: list[ExtractionDigest]) -> list[tuple[int, int]]:
    # Most anchors belong to one transcript; count them all at once and follow only shared ones.
    # A passage in many transcripts is a show's boilerplate intro, not evidence.
    counts = Counter(chain.from_iterable(e.episode.transcript_anchors for e in extractions))
    shared_anchors = {anchor for anchor, count in counts.items() if 2 <= count <= 8}
    holders: dict[str, list[int]] = defaultdict(list)
    for number, extraction in enumerate(extractions):
        for anchor in shared_anchors.intersection(extraction.episode.transcript_anchors):
            holders[anchor].append(number)
    shared: Counter[tuple[int, int]] = Counter()
    for numbers in holders.values():
        for index, first in enumerate(numbers):
            for second in numbers[index + 1 :]:
                shared[(first, second)] += 1
    pairs = []
    for (first, second), count in shared.items():
        smaller = min(len(extractions[first].episode.transcript_anchors), len(extractions[second].episode.transcript_anchors))
        if count >= MIN_ANCHORS and count >= SHARED_ANCHORS * smaller:
            pairs.append((first, second))
    return pairs


def group_episodes(extractions: list[ExtractionDigest], log: DecisionLog | None = None) -> list[EpisodeGroup]:
    union = UnionFind()
    for number, extraction in enumerate(extractions):
        for key in extraction.episode.identity:
            union.union(("doc", number), ("key", key))
    for first, second in _same_transcript_pairs(extractions):
        union.union(("doc", first), ("doc", second))
    groups = union.groups(("doc", number) for number in range(len(extractions)))
    result = []
    for members in groups.values():
        copies = sorted((extractions[number] for _, number in members), key=lambda e: e.episode.source_file)
        primary = min(copies, key=_richness)
        result.append(EpisodeGroup(primary=primary, copies=tuple(copies)))
    return sorted(result, key=lambda group: group.primary.episode.source_file)
