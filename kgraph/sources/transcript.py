"""The transcript reader: `transcript*.md` beside a summary (or the file its `**Transcript:**`
field links to) read into timed, labelled segments, attached to the summary's episode.

Formats seen in transcripts: `[HH:MM:SS] Label: text`, `[MM:SS] text`, `[HH:MM:SS] **Label:** text`,
`**Label** [HH:MM:SS]: text`, Whisper's `[HH:MM:SS.mmm --> HH:MM:SS.mmm] text`, and a speaker
change in mid-line (`... yeah. **Jane Doe:** So`). Lines without a timestamp join the segment
before; what comes before the first timestamp (title, `**Podcast:**` fields) is the header."""

from __future__ import annotations

import os
import posixpath
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.errors import DocumentError
from kgraph.sources.files import SUFFIXES, read_regular

if TYPE_CHECKING:
    from kgraph.parse.document import Segment, Transcript

MAX_BYTES = 32 * 1024 * 1024  # transcripts run to a few MB; far beyond, a file is not one
FINGERPRINT_BYTES = 256 * 1024  # the start of a transcript is enough to fingerprint it
_LINK = re.compile(r"^\*\*Transcript:?\*\*:?\s*\[[^\]]*\]\(([^)\s]+)\)", re.M)

_STAMP = r"\[(?:(?P<hours>\d{1,3}):)?(?P<minutes>\d{1,2}):(?P<seconds>\d{2})(?:[.,]\d+)?(?:\s*-->\s*[\d:.,]+)?\]"
_TIMED = re.compile(rf"\s*(?:\*\*(?P<before>[^*\n]{{1,40}}?)\*\*\s*)?{_STAMP}\s*(?P<rest>.*)")
# `Label: `, `**Label:** `, `**Label**: ` at the start of a timed line's text
_LABEL = re.compile(r"(?:\*\*(?P<bold>[^*\n]{1,40}?)(?::\*\*|\*\*\s*:)|(?P<plain>[^:*\[\s][^:\n]{0,39}?):)(?:\s+|$)")
_INLINE_LABEL = re.compile(r"(?<=\s)\*\*(?P<label>[^*\n]{1,40}?)(?::\*\*|\*\*:)(?:\s+|$)")
# the same start as `_TIMED`'s, without a label before it, a fraction or an end time
_PLAIN_STAMP = re.compile(r"\[(?:(\d{1,3}):)?(\d{1,2}):(\d{2})\]\s*")
_DIARIZED = re.compile(r"speaker[ _]?\d+", re.I)
# Every line of a text, in one pass at C speed: the common `[HH:MM:SS] ` start (as `_PLAIN_STAMP`),
# a label after it (as `_LABEL`, kept within the line) and the rest, or any other line (for `_line`).
# Leading whitespace is left out (`[^\S\n]` is `str.strip`'s whitespace but the line break); trailing
# whitespace is left in the rest. The label's `[^:\n]` stops at the first colon: possessive, no retries.
_LINE = re.compile(
    r"^[^\S\n]*(?:\[(?:(\d{1,3}):)?(\d{1,2}):(\d{2})\][^\S\n]*"
    r"((?:\*\*([^*\n]{1,40}?)(?::\*\*|\*\*[^\S\n]*:)|([^:*\[\s][^:\n]{0,39}+):)(?:[^\S\n]+|$))?(.*)|(.*))",
    re.M,
)
_NUMBERS = {"": 0} | {str(number): number for number in range(10)} | {f"{number:02}": number for number in range(100)}


@dataclass(frozen=True)
class TranscriptText:
    """A transcript file as read: its start (the fingerprint's input, see `kgraph.sources.anchors`) and,
    when under `MAX_BYTES`, the whole text for the reader."""

    source: str  # relative to the input root, `/`-separated
    start: str
    text: str | None = None
    problem: str | None = None  # why the whole text was not read (the summary still is)


def linked_transcripts(path: Path, source: str, summary: str) -> Iterator[tuple[str, str]]:
    """(file, relative name) of the transcripts a summary may have, in the order to try them:
    the one its `**Transcript:**` field links to, then `transcript.md` beside a `summary.md`.
    The file is the path `path.parent / link` makes, as text."""
    folder = posixpath.dirname(source)
    # the field's start, looked for first: where it is missing (half of all summaries) the
    # expression would be tried at every character
    link = _LINK.search(summary) if "**Transcript" in summary else None
    if link and "://" not in link.group(1):
        yield _beside(path, link.group(1)), posixpath.normpath(posixpath.join(folder, link.group(1)))
    if path.stem.lower() == "summary":
        yield _beside(path, "transcript.md"), posixpath.join(folder, "transcript.md")


def _beside(path: Path, link: str) -> str:
    """`str(path.parent / link)`; a plain name (after a `./`) is joined without making Paths."""
    name = link.removeprefix("./")
    if "/" in name or name in ("", "."):
        return str(path.parent / link)
    return os.path.join(os.path.dirname(path), name)


def read_transcript_text(path: str | Path, source: str) -> TranscriptText:
    """Raises OSError (missing, unreadable) or ValueError (a FIFO, device or socket)."""
    data = read_regular(path, max(MAX_BYTES, FINGERPRINT_BYTES) + 1)
    if len(data) <= min(FINGERPRINT_BYTES, MAX_BYTES):  # the start is the whole text: decoded once
        text = data.decode("utf-8", errors="replace")
        return TranscriptText(source, text, text)
    start = data[:FINGERPRINT_BYTES].decode("utf-8", errors="replace")
    if len(data) > MAX_BYTES:
        problem = f"transcript {source} is larger than {MAX_BYTES:,} bytes: not read"
        return TranscriptText(source, start, problem=problem)
    return TranscriptText(source, start, data.decode("utf-8", errors="replace"))


class TranscriptReader:
    name = "transcript"
    description = "`transcript*.md` beside a summary: timed, labelled segments of its episode"

    def accepts(self, path: Path) -> bool:
        return path.name.lower().startswith("transcript") and path.suffix.lower() in SUFFIXES

    def read(self, path: Path, source: str) -> Transcript:
        """The transcript at `path`; raises `DocumentError` when it cannot be read or is too large."""
        try:
            file = read_transcript_text(path, source)
        except OSError as error:
            raise DocumentError(f"cannot read transcript ({error.strerror})", source) from None
        except ValueError as error:
            raise DocumentError(f"{error} (a FIFO, device or socket)", source) from None
        if file.text is None:
            raise DocumentError(f"transcript is larger than {MAX_BYTES:,} bytes: not read", source)
        return parse_transcript(source, file.text)


READER = TranscriptReader()


def parse_transcript(source: str, text: str) -> Transcript:
    """Segments of a transcript's text, in one pass over its lines (plus one to count labels)."""
    # Imported here: reading a transcript's text (and checking whether it changed) needs no model.
    from kgraph.parse.document import Transcript

    lines = _lines(text)
    counts = Counter(label for _, label, _, _ in lines if label is not None)
    counts.update(
        match["label"].strip() for _, _, after, _ in lines if "**" in after for match in _INLINE_LABEL.finditer(after)
    )
    # Built without validation (`model_construct`): every field is made here with its type.
    return Transcript.model_construct(path=source, segments=tuple(_segments(lines, counts)))


# One non-blank line: its timestamp (None when it has none), the label it starts with, the text
# after that label, and the whole text (the segment's text when the label does not count).
_Line = tuple[int | None, str | None, str, str]


def _lines(text: str) -> list[_Line]:
    """`_line` of each line of `text` but the blank ones; the common start without a call each."""
    lines: list[_Line] = []
    add = lines.append
    numbers = _NUMBERS  # looked up: faster than `int`, which other digits (`\d` is any) fall back to
    for hours, minutes, seconds, label, bold, plain, after, other in _LINE.findall(text):
        if not minutes:  # any other line (None when blank)
            if (line := _line(other)) is not None:
                add(line)
            continue
        try:
            at = numbers[hours] * 3600 + numbers[minutes] * 60 + numbers[seconds]
        except KeyError:  # other digits, or an hour past 99
            at = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
        after = after.rstrip()
        if label:  # the whole text is the label and what follows, or the label alone, stripped
            add((at, (bold or plain).strip(), after, label + after if after else label.rstrip()))
        else:
            add((at, None, after, after))
    return lines


def _line(raw: str) -> _Line | None:
    line = raw.strip()
    if not line:
        return None
    # the common `[HH:MM:SS] ` (or `[MM:SS] `) start, matched as `_TIMED` would match it
    timed = _PLAIN_STAMP.match(line) if line[0] == "[" else None
    if timed is not None:
        hours, minutes, seconds = timed.groups()
        rest, before = line[timed.end() :], None
    else:
        timed = _TIMED.fullmatch(line)
        if timed is None:
            return (None, None, line, line)
        hours, minutes, seconds = timed.group("hours", "minutes", "seconds")
        rest, before = timed["rest"], timed["before"]
    at = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    if before:  # `**Label** [00:01:02]: text`
        text = rest.removeprefix(":").strip()
        return (at, before.strip(), text, text)
    # a plain label's colon is within its first 41 characters; a bold label starts with `**`
    label = _LABEL.match(rest) if rest.startswith("**") or ":" in rest[:41] else None
    if label is None:
        return (at, None, rest, rest)
    return (at, (label["bold"] or label["plain"]).strip(), rest[label.end() :], rest)


def _segments(lines: list[_Line], counts: Counter[str]) -> list[Segment]:
    from kgraph.parse.document import Segment

    # the labels that count, each as one string (pickled once); a label counts when seen twice
    counted = {label: sys.intern(label) for label, seen in counts.items() if seen > 1 or _DIARIZED.fullmatch(label)}

    def counts_as_label(label: str) -> bool:  # a mid-line label may be one `counts` never saw
        return label in counted or (label not in counts and bool(_DIARIZED.fullmatch(label)))

    # (start, label, text) each, made segments at C speed at the end (no `Segment.__new__` call each)
    segments: list[tuple[int, str | None, str]] = []
    add = segments.append
    start: int | None = None
    label: str | None = None
    words: list[str] = []
    for seconds, line_label, after_label, text in lines:
        if seconds is not None:
            if start is not None and words:
                add((start, label, " ".join(words)))
            start, label, words = seconds, None, []
            if line_label is not None and (interned := counted.get(line_label)) is not None:
                label, text = interned, after_label  # line labels are all in `counts`
        elif start is None:
            continue  # the header: title and fields before the first timestamp
        if "**" in text:  # a speaker change in mid-line starts a segment at the same time
            position = 0
            for match in _INLINE_LABEL.finditer(text):
                name = match["label"].strip()
                if not counts_as_label(name):
                    continue
                if before := text[position : match.start()].strip():
                    words.append(before)
                if words:
                    add((start, label, " ".join(words)))
                label, words, position = sys.intern(name), [], match.end()
            text = text[position:]
        if text := text.strip():
            words.append(text)
    if start is not None and words:
        add((start, label, " ".join(words)))
    return list(map(tuple.__new__, repeat(Segment), segments))
