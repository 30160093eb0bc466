"""The resolved knowledge model: the one source of truth that the RDF mapping and the NetworkX
builder both read. Every reference between nodes is an IRI string; every collection is sorted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, Self

from pydantic import BaseModel, ConfigDict

from kgraph.unvalidated import made

_NAMES: dict[type, tuple[str, ...]] = {}  # class -> its field names, in `__dict__` order
_MASKS: dict[tuple[type, frozenset[str]], int] = {}  # (class, fields set) -> bits of those fields
_SETS: dict[tuple[type, int], frozenset[str]] = {}  # and back
_DICTS: dict[type, Callable[..., dict[str, object]]] = {}  # class -> `_dict_maker(class)`


class Record(BaseModel):
    """A frozen model pickled as its field values (and which fields were set), not as pydantic's
    state dictionary: hundreds of thousands of them go through the store and between processes per
    build, and pydantic's `__setstate__` was most of the time spent unpickling them."""

    model_config = ConfigDict(frozen=True)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        cls, values, fields_set = type(self), tuple(self.__dict__.values()), self.__pydantic_fields_set__
        if len(fields_set) == len(values):
            return _rebuild, (cls, values)
        mask = _MASKS.get((cls, frozenset(fields_set)))
        if mask is None:
            mask = _MASKS[(cls, frozenset(fields_set))] = sum(
                1 << bit for bit, name in enumerate(_names(cls)) if name in fields_set
            )
        return _rebuild, (cls, values, mask)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """pydantic's shallow `model_copy` in one step (tens of thousands per build): a frozen
        record has no extra or private values to copy."""
        if deep or self.__pydantic_extra__ is not None or self.__pydantic_private__ is not None:
            return super().model_copy(update=update, deep=deep)
        values = dict(self.__dict__)
        fields_set = set(self.__pydantic_fields_set__)
        if update:
            values.update(update)
            fields_set.update(update.keys())
        return made(type(self), values, fields_set)


def _names(cls: type) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(cls.__pydantic_fields__)  # type: ignore[attr-defined]
    return names


def _dict_maker(cls: type) -> Callable[..., dict[str, object]]:
    """A function of the class's field values, in field order, that returns them as its `__dict__`:
    a dict display, compiled once per class, builds it in under half of `dict(zip(...))`'s time
    (which was half of the time `_rebuild` took)."""
    names = _names(cls)
    parameters = ", ".join(f"_{number}" for number in range(len(names)))
    entries = ", ".join(f"{name!r}: _{number}" for number, name in enumerate(names))
    code: dict[str, Any] = {}  # (what is compiled holds identifiers only: the field names)
    exec(f"def {cls.__name__}_fields({parameters}):\n    return {{{entries}}}\n", code)
    maker = _DICTS[cls] = code[f"{cls.__name__}_fields"]
    return maker


def _rebuild(cls: type[Record], values: tuple[object, ...], mask: int = -1) -> Record:
    """What `Record.__reduce__` took apart, as pydantic's own `__setstate__` would restore it."""
    names = _NAMES.get(cls) or _names(cls)
    if len(values) != len(names):
        raise TypeError(f"{cls.__name__} has {len(names)} fields, not {len(values)}")
    if mask == -1:
        fields_set = set(names)
    else:
        known = _SETS.get((cls, mask))
        if known is None:
            known = _SETS[(cls, mask)] = frozenset(name for bit, name in enumerate(names) if mask >> bit & 1)
        fields_set = set(known)
    return made(cls, (_DICTS.get(cls) or _dict_maker(cls))(*values), fields_set)


class Node(Record):
    iri: str
    label: str


class InsightKind(StrEnum):
    """The four analysis sections whose items become insights (value = class local name)."""

    KEY_THEME = "KeyTheme"
    CONTRARIAN_PERSPECTIVE = "ContrarianPerspective"
    OPERATING_INSIGHT = "OperatingInsight"
    OVERLOOKED_INSIGHT = "OverlookedInsight"


class Grounding(StrEnum):
    """How a quote was found in its transcript (value = kg: local name)."""

    VERBATIM = "Verbatim"
    APPROXIMATE = "Approximate"
    TRANSLATED = "Translated"
    NOT_IN_TRANSCRIPT = "NotInTranscript"


class SpeakerEvidence(StrEnum):
    """What supports a claim's speaker (value = kg: local name)."""

    SUMMARY_TEXT = "SummaryText"
    TRANSCRIPT_LABEL = "TranscriptLabel"
    BOTH = "Both"


class Podcast(Node):
    alt_labels: tuple[str, ...] = ()


class Person(Node):
    alt_labels: tuple[str, ...] = ()
    description: str | None = None
    affiliations: tuple[str, ...] = ()  # Organization IRIs


class Organization(Node):
    alt_labels: tuple[str, ...] = ()
    description: str | None = None


class Product(Node):
    """A product, model or service named in the text (ChatGPT, Sora): never an organization."""

    alt_labels: tuple[str, ...] = ()
    description: str | None = None
    made_by: tuple[str, ...] = ()  # Organization IRIs, where the text says who makes it


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
    mentions: tuple[str, ...] = ()  # Person / Organization / Product IRIs
    warnings: tuple[str, ...] = ()
    transcript_file: str | None = None  # the transcript read, relative to the input root


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
    # Grounding in the episode's transcript (all None when the episode has none):
    grounding: Grounding | None = None
    heard_at: int | None = None  # seconds where the quote's first words are spoken
    match_score: float | None = None  # 0-100
    transcript_label: str | None = None  # the transcript's speaker label on that line, verbatim
    transcript_excerpt: str | None = None  # a short excerpt of the matched transcript passage
    recording_url: str | None = None  # plays the recording at heard_at
    speaker_evidence: SpeakerEvidence | None = None  # what supports `speaker`
    transcript_speaker: str | None = None  # Person IRI the transcript's label resolves to


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
    products: tuple[Product, ...] = ()
    insights: tuple[Insight, ...] = ()
    claims: tuple[Claim, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def entity_nodes(self) -> list[Node]:
        """The corpus-level nodes (the entities graph): podcasts, people, organizations, products."""
        return [*self.podcasts, *self.people, *self.organizations, *self.products]

    def nodes(self) -> list[Node]:
        """Every node, in a stable order."""
        return [
            *self.podcasts,
            *self.episodes,
            *self.people,
            *self.organizations,
            *self.products,
            *self.insights,
            *self.claims,
            *self.mentions,
        ]

    def nodes_by_episode(self) -> dict[str, tuple[list[Insight], list[Claim], list[Mention]]]:
        """Each episode's IRI -> its insights, claims and mentions, in model order."""
        grouped: dict[str, tuple[list[Insight], list[Claim], list[Mention]]] = {
            episode.iri: ([], [], []) for episode in self.episodes
        }
        for insight in self.insights:
            grouped[insight.episode][0].append(insight)
        for claim in self.claims:
            grouped[claim.episode][1].append(claim)
        for mention in self.mentions:
            grouped[mention.episode][2].append(mention)
        return grouped

    def counts(self) -> dict[str, int]:
        """Nodes per kind, keyed and ordered as `kgraph.kinds.KINDS` (the report's counts)."""
        from kgraph.kinds import count_nodes  # the table names the model's types: imported when asked

        return count_nodes(self.nodes())
