"""The summary reader: a Markdown summary of an episode (podcast, newsletter, paper) read safely,
parsed, and extracted into a `DocumentExtraction`, with its transcript attached."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.errors import DocumentError, escape_controls
from kgraph.sources.files import SUFFIXES, Candidate, is_side_file, read_regular
from kgraph.sources.transcript import TranscriptText, linked_transcripts, parse_transcript, read_transcript_text

if TYPE_CHECKING:
    from kgraph.extract.results import DocumentExtraction
    from kgraph.parse.document import Transcript

MAX_BYTES = 2 * 1024 * 1024  # summaries are 0.2-32 KB; anything this large is not one
# Real summaries have at most about 50 headings and 110 quotes; far beyond, a file is not one,
# and the per-document stages need not be tuned for it.
MAX_HEADINGS = 2_000
MAX_QUOTE_MARKS = 20_000
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.M)
_PODCAST_FIELD = re.compile(r"^\*\*Podcast:?\*\*:?", re.M | re.I)


@dataclass(frozen=True)
class SourceDocument:
    source: str  # path relative to the input root, `/`-separated
    path: Path
    text: str
    transcript: str | None = None  # the start of the linked transcript (the fingerprint's input)
    # The transcript as read: the whole text (a key of the extraction must include `text` of it).
    transcript_file: TranscriptText | None = None
    reader: str = "summary"  # the name of the reader that read it (and extracts it)


class SummaryReader:
    name = "summary"
    description = "Markdown summary of an episode (`**Podcast:**` field or a canonical section)"

    def accepts(self, path: Path) -> bool:
        return path.suffix.lower() in SUFFIXES and not is_side_file(path)

    def read(self, candidate: Candidate) -> SourceDocument | None:
        return read_document(candidate)

    def extract(self, document: SourceDocument) -> DocumentExtraction:
        return extract_source(document)


READER = SummaryReader()


def is_summary(text: str) -> bool:
    """A `**Podcast:**` field, or a heading the parser takes for one of the canonical sections."""
    if _PODCAST_FIELD.search(text):
        return True
    # Imported here: the parser's modules cost a rebuild with nothing changed half its time, and
    # summaries with a `**Podcast:**` field (nearly all) never need them to be told apart.
    from kgraph.parse.sections import has_canonical_section

    return has_canonical_section(text)


def read_document(candidate: Candidate) -> SourceDocument | None:
    """The document, None if it is not a summary (and was not named explicitly); raises
    `DocumentError` for files that cannot be read as a summary."""
    path = candidate.path
    if candidate.problem:
        raise DocumentError(candidate.problem, candidate.source)
    try:
        data = read_regular(path, MAX_BYTES + 1)
    except OSError as error:
        raise DocumentError(f"cannot read file ({error.strerror})", candidate.source) from None
    except ValueError as error:
        raise DocumentError(f"{error} (a FIFO, device or socket)", candidate.source) from None
    if len(data) > MAX_BYTES:
        raise DocumentError(f"file is larger than {MAX_BYTES:,} bytes, over the limit for a summary", candidate.source)
    if not data or data.isspace():  # `not data.strip()`, without copying it
        raise DocumentError("empty file", candidate.source)
    if data.find(b"\x00", 0, 8192) != -1:
        raise DocumentError("binary file, not a Markdown summary", candidate.source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DocumentError(f"not UTF-8 (byte 0x{data[error.start]:02x})", candidate.source, line) from None
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    _check_limits(text, candidate.source)
    if not is_summary(text):
        if candidate.explicit:
            raise DocumentError("not a summary (no **Podcast:** field and no canonical section)", candidate.source)
        return None
    transcript = _transcript(candidate, text)
    start = transcript.start if transcript is not None else None
    return SourceDocument(candidate.source, path, text, start, transcript)


def _check_limits(text: str, source: str) -> None:
    # every heading has a `#`: only a text with more of them than the limit is counted line by line
    if text.count("#") > MAX_HEADINGS and (headings := len(_HEADING.findall(text))) > MAX_HEADINGS:
        raise DocumentError(f"{headings:,} headings, over the limit of {MAX_HEADINGS:,} for a summary", source)
    # a mark is a character: a text no longer than the limit is within it, uncounted
    if len(text) > MAX_QUOTE_MARKS and (marks := _quote_marks(text)) > MAX_QUOTE_MARKS:
        raise DocumentError(f"{marks:,} quotation marks, over the limit of {MAX_QUOTE_MARKS:,} for a summary", source)


def _quote_marks(text: str) -> int:
    return text.count('"') + text.count("\u201c") + text.count("\u201d")


def _transcript(candidate: Candidate, text: str) -> TranscriptText | None:
    """The transcript the summary links to (or `transcript.md` beside a `summary.md`); a link that
    leads outside the input folders is not followed (it could name any file on the machine)."""
    for file, name in linked_transcripts(candidate.path, candidate.source, text):
        if not candidate.allows(file):
            problem = f"transcript link {escape_controls(name)} points outside the input folders: not read"
            return TranscriptText(name, "", problem=problem)
        try:
            return read_transcript_text(file, name)
        except (OSError, ValueError):  # missing, unreadable, or a FIFO that would block forever
            continue
    return None


def transcript_of(document: SourceDocument) -> Transcript | None:
    """The document's transcript in segments; None when it has none, or it was too large to read."""
    file = document.transcript_file
    if file is None or file.text is None:
        return None
    return parse_transcript(file.source, file.text)


def extract_source(document: SourceDocument) -> DocumentExtraction:
    """Per-document work: a pure function of the document's text, path and transcript."""
    # Imported here: reading a document (and checking whether it changed) needs none of them.
    from kgraph.extract.document import extract_document, ground_in_transcript
    from kgraph.parse import parse_document
    from kgraph.sources.anchors import transcript_anchors

    extraction = extract_document(
        parse_document(document.source, document.text), transcript_anchors(document.transcript)
    )
    extraction = ground_in_transcript(extraction, transcript_of(document))
    file = document.transcript_file
    if file is not None and file.problem:
        extraction = extraction.model_copy(update={"warnings": (*extraction.warnings, file.problem)})
    return extraction
