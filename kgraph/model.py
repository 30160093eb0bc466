"""The resolved knowledge model: the one source of truth that the RDF mapping and the NetworkX
builder both read. Every reference between nodes is an IRI string; every collection is sorted."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Node(BaseModel):
    model_config = ConfigDict(frozen=True)

    iri: str
    label: str


class InsightKind(StrEnum):
    """The four analysis sections whose items become insights (value = class local name)."""

    KEY_THEME = "KeyTheme"
    CONTRARIAN_PERSPECTIVE = "ContrarianPerspective"
    OPERATING_INSIGHT = "OperatingInsight"
    OVERLOOKED_INSIGHT = "OverlookedInsight"


class Podcast(Node):
    alt_labels: tuple[str, ...] = ()


class Person(Node):
    alt_labels: tuple[str, ...] = ()
    description: str | None = None
    affiliations: tuple[str, ...] = ()  # Organization IRIs


class Organization(Node):
    alt_labels: tuple[str, ...] = ()
    description: str | None = None


class Episode(Node):
    podcast: str
    graph: str  # named graph holding this episode's statements
    date: dt.date | None = None
    urls: tuple[str, ...] = ()
    video_id: str | None = None
    region: str | None = None
    source_kind: str = "podcast"
    source_files: tuple[str, ...] = ()  # more than one when the same episode was filed twice
    arxiv_id: str | None = None
    alt_labels: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()  # Person IRIs
    mentions: tuple[str, ...] = ()  # Person / Organization IRIs
    warnings: tuple[str, ...] = ()


class Insight(Node):
    kind: InsightKind
    episode: str
    rank: int
    text: str = ""
    mentions: tuple[str, ...] = ()


class Claim(Node):
    """A quoted statement; `label` is a short form of the quote, `text` the verbatim quote."""

    text: str
    episode: str
    speaker: str | None = None
    about: str | None = None  # Insight, Person or Organization IRI
    timestamp: str | None = None  # HH:MM:SS as displayed
    seconds: int | None = None
    mentions: tuple[str, ...] = ()


class Mention(Node):
    """A qualified mention: one entry of Companies Identified / People Identified."""

    episode: str
    entity: str
    description: str | None = None
    why_mentioned: str | None = None


class KnowledgeModel(BaseModel):
    model_config = ConfigDict(frozen=True)

    base_iri: str
    podcasts: tuple[Podcast, ...] = ()
    episodes: tuple[Episode, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    insights: tuple[Insight, ...] = ()
    claims: tuple[Claim, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def nodes(self) -> list[Node]:
        """Every node, in a stable order."""
        return [
            *self.podcasts,
            *self.episodes,
            *self.people,
            *self.organizations,
            *self.insights,
            *self.claims,
            *self.mentions,
        ]

    def counts(self) -> dict[str, int]:
        insight_counts = {kind.value: 0 for kind in InsightKind}
        for insight in self.insights:
            insight_counts[insight.kind.value] += 1
        return {
            "Podcast": len(self.podcasts),
            "Episode": len(self.episodes),
            "Person": len(self.people),
            "Organization": len(self.organizations),
            **insight_counts,
            "Claim": len(self.claims),
            "Mention": len(self.mentions),
        }
