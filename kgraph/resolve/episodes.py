"""The same episode filed more than once (two folders, a re-publication): one node."""

from __future__ import annotations

from dataclasses import dataclass

from kgraph.extract.results import DocumentExtraction
from kgraph.resolve.unionfind import UnionFind


@dataclass(frozen=True)
class EpisodeGroup:
    primary: DocumentExtraction  # the richest copy: its content builds the graph
    copies: tuple[DocumentExtraction, ...]  # every copy, primary included, sorted by path


def _richness(extraction: DocumentExtraction) -> tuple[int, int, str]:
    # More content wins; the path breaks ties so the choice never depends on input order.
    return (-(len(extraction.insights) + len(extraction.claims)), -len(extraction.entities),
            extraction.episode.source_file)


def group_episodes(extractions: list[DocumentExtraction]) -> list[EpisodeGroup]:
    union = UnionFind()
    for number, extraction in enumerate(extractions):
        for key in extraction.episode.identity:
            union.union(("doc", number), ("key", key))
    groups = union.groups(("doc", number) for number in range(len(extractions)))
    result = []
    for members in groups.values():
        copies = sorted((extractions[number] for _, number in members), key=lambda e: e.episode.source_file)
        primary = min(copies, key=_richness)
        result.append(EpisodeGroup(primary=primary, copies=tuple(copies)))
    return sorted(result, key=lambda group: group.primary.episode.source_file)
