"""What the extractors find in one document: pydantic models, pure data, cacheable."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from enum import StrEnum

from kgraph.model import Grounding, InsightKind, Record, SpeakerEvidence
from kgraph.names import fold
from kgraph.parse.document import Transcript

# What one document's readings of names written in passing (owners, past employers, products and
# organizations in prose) take at most: each such name is an entity the corpus resolves against every
# other, and thousands from one hostile text would cost minutes. No summary names so many.
MOST_NAMED = 100


class _Frozen(Record):
    """Frozen, and pickled as field values (`kgraph.model.Record`)."""


class EpisodeInfo(_Frozen):
    title: str
    podcast: str
    date: dt.date | None = None
    urls: tuple[str, ...] = ()
    video_id: str | None = None
    region: str | None = None
    source_kind: str = "podcast"
    arxiv_id: str | None = None
    source_file: str
    identity: tuple[str, ...] = ()  # keys that identify the same episode filed twice (URL, id)
    transcript_anchors: bytes = b""  # passages of its transcript's body (see kgraph.sources.anchors)


class PersonName(_Frozen):
    """A person as one document names them: the fullest name, plus the other forms it uses."""

    name: str
    aliases: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()  # organization names stated with the person


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    PRODUCT = "product"


class EntityEntry(_Frozen):
    """One entry of Companies Identified / People Identified."""

    kind: EntityKind
    name: str
    aliases: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    description: str | None = None
    why_mentioned: str | None = None
    affiliations: tuple[str, ...] = ()
    made_by: tuple[str, ...] = ()  # a product's makers, as the text names them
    own_entry: bool = True  # False: named inside another entry's heading (`### Acme (AcmeChat)`)
    investor: bool = False  # named in an entry as a round's investor (`Series B led by Acme`), not listed
    in_prose: bool = False  # a well-known name the text only writes (`a deal with Stripe`), not listed
    # Named with others in one heading (`**Shopify, Reddit, Klarna**`): its description is the group's
    shared_heading: bool = False
    line: int
    rank: int

    def named_inside(
        self,
        name: str,
        kind: EntityKind = EntityKind.ORGANIZATION,
        made_by: tuple[str, ...] = (),
        investor: bool = False,
        in_prose: bool = False,
    ) -> EntityEntry:
        """Another entity this entry names (`### Acme (AcmeChat)`, `Series B led by Orbex`), with no
        entry of its own: the episode mentions it, at this entry's place."""
        return EntityEntry(
            kind=kind,
            name=name,
            made_by=made_by,
            own_entry=False,
            investor=investor,
            in_prose=in_prose,
            line=self.line,
            rank=self.rank,
        )


def listed_names(entries: Iterable[EntityEntry]) -> set[str]:
    """The folded names and aliases of `entries`: what a reader of names the prose writes in passing
    leaves to them."""
    return {fold(form) for entry in entries for form in (entry.name, *entry.aliases)}


class InsightEntry(_Frozen):
    kind: InsightKind
    rank: int
    title: str
    text: str
    line: int


class AboutRef(_Frozen):
    """What a claim substantiates: an insight (kind + rank) or an entity entry (kind + name)."""

    insight: InsightKind | None = None
    rank: int | None = None
    entity: EntityKind | None = None
    name: str | None = None


class QuoteGrounding(_Frozen):
    """Where a quote was found in the episode's transcript (see `kgraph.extract.grounding`)."""

    grounding: Grounding
    heard_at: int | None = None  # seconds: the start of the line with the quote's first words
    score: float | None = None  # 0-100
    label: str | None = None  # the speaker label on that line, verbatim
    span_label: str | None = None  # the label on (nearly) all the passage (None where it changes)
    # the span's label, or where the passage's lines are unlabelled inside one label's turn, that
    # label (`grounding.turn_labels`): who was heard, where the verbatim labels leave a gap
    turn_label: str | None = None
    excerpt: str | None = None  # the matched lines, shortened


class ClaimEntry(_Frozen):
    text: str
    line: int
    position: int  # order of the quote in the document
    timestamp: str | None = None
    seconds: int | None = None
    speaker: str | None = None  # a full name from `DocumentExtraction.people`
    attribution: str | None = None  # which rule found the speaker (for the report and tests)
    context_people: tuple[str, ...] = ()  # whom the text around it points at (`Attribution.context`)
    about: AboutRef | None = None
    grounding: QuoteGrounding | None = None  # None when the document has no transcript
    speaker_evidence: SpeakerEvidence | None = None  # what supports `speaker` (with a transcript)
    transcript_speaker: str | None = None  # the participant the transcript's label names


class Faithfulness(_Frozen):
    """How an episode's quotes were found in its transcript (the faithfulness report's row)."""

    transcript: str  # the transcript read, relative to the input root
    verbatim: int = 0
    approximate: int = 0
    translated: int = 0
    not_in_transcript: int = 0
    labels_trusted: bool = True
    speakers_from_labels: int = 0  # claims whose speaker only the transcript's label gives

    @classmethod
    def of(cls, extraction: DocumentExtraction) -> Faithfulness | None:
        if extraction.transcript is None:
            return None
        found = Counter(claim.grounding.grounding for claim in extraction.claims if claim.grounding)
        return cls(
            transcript=extraction.transcript.path,
            verbatim=found[Grounding.VERBATIM],
            approximate=found[Grounding.APPROXIMATE],
            translated=found[Grounding.TRANSLATED],
            not_in_transcript=found[Grounding.NOT_IN_TRANSCRIPT],
            labels_trusted=extraction.labels_trusted is not False,
            speakers_from_labels=sum(
                claim.speaker_evidence == SpeakerEvidence.TRANSCRIPT_LABEL for claim in extraction.claims
            ),
        )


class DocumentExtraction(_Frozen):
    episode: EpisodeInfo
    participants: tuple[str, ...] = ()  # names from `people`
    people: tuple[PersonName, ...] = ()  # every person the document names and we trust
    entities: tuple[EntityEntry, ...] = ()
    insights: tuple[InsightEntry, ...] = ()
    claims: tuple[ClaimEntry, ...] = ()
    warnings: tuple[str, ...] = ()
    transcript: Transcript | None = None  # its transcript in segments, when the reader attached one
    # What the transcript's speaker labels say (see `kgraph.extract.transcript_speakers`):
    label_names: tuple[tuple[str, str], ...] = ()  # label -> participant, where it could be told
    labels_trusted: bool | None = None  # None without a transcript
