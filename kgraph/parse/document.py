"""Typed models of a parsed summary document: what the text says, before any interpretation
of who is who. Produced by `kgraph.parse`, consumed by the extractors."""

from __future__ import annotations

from bisect import bisect_right
from enum import StrEnum
from functools import cached_property
from itertools import accumulate
from typing import Any, NamedTuple, Self

from pydantic import BaseModel, ConfigDict

from kgraph.unvalidated import made


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)

    @classmethod
    def made(cls, **values: Any) -> Self:
        """`cls(**values)` without validation, for values already of their fields' types (the parser
        makes tens of thousands of lines and quotes per build); the state is pydantic's own: field
        order, defaults and the fields set."""
        return made(cls, {**(_DEFAULTS.get(cls) or _defaults(cls)), **values}, set(values))


class LineKind(StrEnum):
    HEADING = "heading"
    TEXT = "text"  # a line of a paragraph (or of a list item / blockquote paragraph)
    TABLE_ROW = "table_row"
    RULE = "rule"  # a `---` thematic break


class Line(_Frozen):
    """One source line with the Markdown structure it sits in. `text` is the raw inline Markdown
    (container markers such as `- ` and `> ` removed)."""

    number: int  # 1-based line number in the file
    kind: LineKind
    text: str = ""
    plain: str = ""  # `text` without Markdown, entities decoded (the extractors read this)
    level: int = 0  # heading level 1-6
    list_depth: int = 0  # 0 outside lists, 1 for a top-level bullet, ...
    bullet: bool = False  # first line of a list item
    quoted: bool = False  # inside a blockquote
    block: int = 0  # paragraph / table / heading index: lines of one block share it
    cells: tuple[str, ...] = ()  # table rows: the cells' inline Markdown
    cells_plain: tuple[str, ...] = ()  # table rows: the cells as plain text
    header: tuple[str, ...] = ()  # table rows: the header cells of the table
    table_header: bool = False  # this row is the table's header


class SectionKind(StrEnum):
    KEY_THEMES = "Key Themes"
    CONTRARIAN_PERSPECTIVES = "Contrarian Perspectives"
    COMPANIES = "Companies Identified"
    PEOPLE = "People Identified"
    OPERATING_INSIGHTS = "Operating Insights"
    OVERLOOKED_INSIGHTS = "Overlooked Insights"


INSIGHT_SECTIONS = (
    SectionKind.KEY_THEMES,
    SectionKind.CONTRARIAN_PERSPECTIVES,
    SectionKind.OPERATING_INSIGHTS,
    SectionKind.OVERLOOKED_INSIGHTS,
)
ENTITY_SECTIONS = (SectionKind.COMPANIES, SectionKind.PEOPLE)


class Field(_Frozen):
    """A `**Key:** value` header field."""

    key: str  # normalized: lower case, e.g. "video url"
    value: str  # raw inline Markdown
    line: int
    plain: str = ""  # `value` as plain text


class Header(_Frozen):
    title: str | None = None  # plain text, link syntax and entities removed
    title_url: str | None = None
    fields: tuple[Field, ...] = ()
    body_fields: tuple[Field, ...] = ()  # `**Podcast:** X | **Participants:** ...` lines in the body

    def get(self, key: str) -> str | None:
        found = self.field(key)
        return found.value if found else None

    def field(self, key: str) -> Field | None:
        for field in self.fields:
            if field.key == key:
                return field
        return None


class Item(_Frozen):
    """One item of a section: an insight, or an entity entry in Companies / People."""

    title: str  # inline Markdown of the item marker (heading text, bold line, first table cell)
    line: int
    rank: int  # 1-based position within the section
    lines: tuple[Line, ...] = ()  # the item's own lines, marker line included
    fields: tuple[Field, ...] = ()  # labelled sub-fields (`**Description:** ...`, table columns)
    inline_text: str = ""  # text after the name on the marker line (`**Acme** — text`)
    title_plain: str = ""  # `title` as plain text
    inline_plain: str = ""  # `inline_text` as plain text
    quotes: tuple[Quote, ...] = ()


class Quote(_Frozen):
    """A straight-quoted span of five or more words (or ten CJK characters) with what surrounds
    it on its line; attribution reads `before` / `after`."""

    text: str  # between the quote marks, Markdown removed
    line: int
    start: int  # offsets of the quote marks in `source`
    end: int
    source: str  # the line (or table cell) the quote sits in, raw inline Markdown
    before: str  # text on the line before the quote (after the previous quote, if any)
    after: str  # text after the quote, up to the next quote or the end of the line
    index_on_line: int = 0
    timestamp: str | None = None  # HH:MM:SS as displayed
    location: str = "prose"  # prose, blockquote, bullet, table, heading, field
    field: str | None = None  # the label when the quote sits in a labelled field
    table_header: str | None = None  # the column header when in a table
    unbalanced: bool = False  # no closing mark (truncated document)
    # `before` / `after` as plain text with `[00:12:34]` timestamps blanked (attribution reads these)
    before_spoken: str = ""
    after_spoken: str = ""


class Section(_Frozen):
    kind: SectionKind
    heading: Line
    lines: tuple[Line, ...] = ()  # everything between this heading and the section's end
    items: tuple[Item, ...] = ()
    intro: tuple[Line, ...] = ()  # lines before the first item, and under a heading that is no item
    intro_quotes: tuple[Quote, ...] = ()
    empty: bool = False  # only a sentence saying nothing was found


_SUMMARY_HEADINGS_READ = 4


class ParsedDocument(_Frozen):
    source: str  # path relative to the input root, with `/` separators
    header: Header
    preamble: tuple[Line, ...] = ()  # body lines before the first section
    preamble_quotes: tuple[Quote, ...] = ()
    sections: tuple[Section, ...] = ()
    trailing: tuple[Line, ...] = ()  # after the last section: not data
    warnings: tuple[str, ...] = ()

    def section(self, kind: SectionKind) -> Section | None:
        for section in self.sections:
            if section.kind == kind:
                return section
        return None

    def body_lines(self) -> list[Line]:
        """The body's lines in order: the preamble's, then each section's (not the trailing ones)."""
        return [*self.preamble, *(line for section in self.sections for line in section.lines)]

    def summary_headings(self) -> list[str]:
        """The headings the summary puts above its first section (`# Summary: ... with Eugenia
        Kuyda`), as plain text: a document has one or two; a hostile one is read no further."""
        return [line.plain for line in self.preamble if line.kind == LineKind.HEADING][:_SUMMARY_HEADINGS_READ]

    def prose(self, kinds: frozenset[LineKind], separator: str = "\0", written: bool = False) -> Prose:
        """The body's lines of `kinds` as one text to search (plain, or as `written`), joined by
        `separator` (`\0`: no white space between lines, so no name runs across two). Made once
        per document and form: a dozen readers search the same prose."""
        global _PROSE_OF
        kept = _PROSE_OF  # (read once: a thread reading another document swaps it)
        if kept is None or kept[0] is not self:
            kept = _PROSE_OF = (self, {})  # (holding the document: its id is not reused while kept)
        proses = kept[1]
        key = (kinds, separator, written)
        if key not in proses:
            proses[key] = Prose([line for line in self.body_lines() if line.kind in kinds], separator, written)
        return proses[key]


# The last document whose prose was asked for, with its proses by form: a document is read whole
# before the next, so one is enough (a model's fields are its data: the proses are kept apart)
_PROSE_OF: tuple[ParsedDocument, dict[tuple[frozenset[LineKind], str, bool], Prose]] | None = None


class Prose:
    """Lines searched as one text, once; a match's line found by its offset. (The lines' offsets are
    worked out only when asked: most documents have no match.)"""

    def __init__(self, lines: list[Line], separator: str, written: bool):
        self.lines = lines
        self._separator = len(separator)
        self.text = separator.join(line.text if written else line.plain for line in lines)
        self._written = written

    @cached_property
    def starts(self) -> list[int]:
        """Each line's offset in `text`."""
        lengths = (len(line.text if self._written else line.plain) + self._separator for line in self.lines[:-1])
        return list(accumulate(lengths, initial=0))

    def index_at(self, offset: int) -> int:
        """The index of the line `offset` of `text` falls in."""
        return bisect_right(self.starts, offset) - 1

    def line_at(self, offset: int) -> Line:
        return self.lines[self.index_at(offset)]


class Segment(NamedTuple):
    """One timed stretch of a transcript: who spoke (when the transcript says) and what. A named
    tuple, not a model: a long transcript has thousands, made and unpickled with every extraction."""

    start_seconds: int  # from the segment's `[HH:MM:SS]` (or `[MM:SS]`) timestamp
    label: str | None  # the speaker label as written (`Jane Doe`, `SPEAKER_01`), if any
    text: str  # the words, lines without a timestamp joined with a space


class Transcript(_Frozen):
    """A transcript read into segments, in the order they are spoken. Produced by
    `kgraph.sources.transcript`, attached to its summary's extraction."""

    path: str  # relative to the input root, `/`-separated
    segments: tuple[Segment, ...] = ()

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # Pickled by columns (extractions are cached and sent between processes): a third of the
        # size and time of pickling each segment on its own.
        starts, labels, texts = zip(*self.segments, strict=True) if self.segments else ((), (), ())
        return _unpickle_transcript, (self.path, list(starts), list(labels), list(texts))


def _unpickle_transcript(path: str, starts: list[int], labels: list[str | None], texts: list[str]) -> Transcript:
    segments = tuple(map(Segment._make, zip(starts, labels, texts, strict=True)))
    return Transcript.model_construct(path=path, segments=segments)


_DEFAULTS: dict[type, dict[str, Any]] = {}  # model class -> its fields' defaults, in field order


def _defaults(cls: type[_Frozen]) -> dict[str, Any]:
    """Each field's default (a required field's stands in until `made` sets it)."""
    if any(field.default_factory is not None for field in cls.model_fields.values()):
        raise TypeError(f"{cls.__name__}.made would share one default among all its models")
    _DEFAULTS[cls] = {name: field.default for name, field in cls.model_fields.items()}
    return _DEFAULTS[cls]
