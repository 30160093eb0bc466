"""Find summary documents under the given paths and read them safely."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from kgraph.errors import DocumentError, UsageError

MAX_BYTES = 2 * 1024 * 1024  # summaries are 0.2-32 KB; anything this large is not one
SUFFIXES = (".md", ".txt", ".markdown")
_SUMMARY_SIGN = re.compile(
    r"^\*\*Podcast:?\*\*:?|^#{1,3}\s+(?:\d+\.\s*)?\**(?:Key Themes|Contrarian Perspectives|Companies Identified|"
    r"People Identified|Operating Insights|Overlooked Insights)\b",
    re.M | re.I,
)


MAX_TRANSCRIPT_BYTES = 256 * 1024  # the start of a transcript is enough to fingerprint it
_TRANSCRIPT_LINK = re.compile(r"^\*\*Transcript:?\*\*:?\s*\[[^\]]*\]\(([^)\s]+)\)", re.M)


@dataclass(frozen=True)
class SourceDocument:
    source: str  # path relative to the input root, `/`-separated
    path: Path
    text: str
    transcript: str | None = None  # the start of the linked transcript, if it exists


@dataclass(frozen=True)
class Candidate:
    path: Path
    source: str
    explicit: bool  # named on the command line (so "not a summary" is an error, not a skip)


def printable_name(path: Path) -> str:
    """A path as text that can go anywhere (RDF literals, report lines, JSON): bytes that are not
    UTF-8 and control characters (a newline could forge a report line) are written as escapes."""
    text = path.as_posix().encode("utf-8", errors="surrogateescape").decode("utf-8", errors="backslashreplace")
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def _is_side_file(path: Path) -> bool:
    return path.name.lower().startswith(("transcript", "diarization")) or any(
        part.startswith(".") for part in path.parts
    )


def discover(paths: list[Path]) -> list[Candidate]:
    """Summary candidates under `paths` (files, or folders searched recursively), sorted."""
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    resolved = [path.resolve() for path in paths]
    root = Path(os.path.commonpath([p if p.is_dir() else p.parent for p in resolved]))
    found: dict[Path, Candidate] = {}
    for path in resolved:
        if path.is_file():
            found[path] = Candidate(path, printable_name(path.relative_to(root)), explicit=True)
            continue
        for file in path.rglob("*"):
            relative = file.relative_to(path)
            if file.is_file() and file.suffix.lower() in SUFFIXES and not _is_side_file(relative):
                found.setdefault(file, Candidate(file, printable_name(file.relative_to(root)), explicit=False))
    return [found[key] for key in sorted(found, key=lambda p: found[p].source)]


def read_document(candidate: Candidate) -> SourceDocument | None:
    """The document, None if it is not a summary (and was not named explicitly); raises
    `DocumentError` for files that cannot be read as a summary."""
    path = candidate.path
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit for a summary", candidate.source)
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(f"cannot read file ({error.strerror})", candidate.source) from None
    if not data.strip():
        raise DocumentError("empty file", candidate.source)
    if b"\x00" in data[:8192]:
        raise DocumentError("binary file, not a Markdown summary", candidate.source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DocumentError(f"not UTF-8 (byte 0x{data[error.start]:02x})", candidate.source, line) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not _SUMMARY_SIGN.search(text):
        if candidate.explicit:
            raise DocumentError("not a summary (no **Podcast:** field and no canonical section)", candidate.source)
        return None
    return SourceDocument(candidate.source, path, text, _transcript(path, text))


def _transcript(path: Path, text: str) -> str | None:
    """The transcript the summary links to (or `transcript.md` beside a `summary.md`)."""
    link = _TRANSCRIPT_LINK.search(text)
    candidates = [path.parent / link.group(1)] if link and "://" not in link.group(1) else []
    if path.stem.lower() == "summary":
        candidates.append(path.parent / "transcript.md")
    for candidate in candidates:
        try:
            with candidate.open("rb") as stream:
                return stream.read(MAX_TRANSCRIPT_BYTES).decode("utf-8", errors="replace")
        except OSError:
            continue
    return None
