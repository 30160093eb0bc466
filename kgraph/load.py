"""Find summary documents under the given paths and read them safely."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kgraph.errors import DocumentError, UsageError

MAX_BYTES = 2 * 1024 * 1024  # summaries are 0.2-32 KB; anything this large is not one
# Real summaries have at most about 50 headings and 110 quotes; far beyond, a file is not one,
# and the per-document stages need not be tuned for it.
MAX_HEADINGS = 2_000
MAX_QUOTE_MARKS = 20_000
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)", re.M)
_QUOTE_MARK = re.compile(r'["“”]')
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
    problem: str | None = None  # found but cannot be read (a folder without permission, a link outside)


def printable_name(path: Path) -> str:
    """A path as text that can go anywhere (RDF literals, report lines, JSON): bytes that are not
    UTF-8 and control characters (a newline could forge a report line) are written as escapes."""
    text = path.as_posix().encode("utf-8", errors="surrogateescape").decode("utf-8", errors="backslashreplace")
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def _is_side_file(path: Path) -> bool:
    return path.name.lower().startswith(("transcript", "diarization")) or any(
        part.startswith(".") for part in path.parts
    )


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == root or path.is_relative_to(root) for root in roots)


def _walk(folder: Path, roots: list[Path]) -> Iterator[tuple[Path, str | None]]:
    """Files under `folder` with why each cannot be read, if it cannot. Links are followed only
    where they stay inside the input folders; unreadable folders are reported, not skipped silently."""
    problems: list[tuple[Path, str | None]] = []
    visited: set[Path] = set()

    def unreadable(error: OSError) -> None:
        problems.append((Path(error.filename), f"cannot read folder ({error.strerror})"))

    for top, folders, files in os.walk(folder, onerror=unreadable, followlinks=True):
        here = Path(top)
        kept = []
        for name in sorted(folders):
            real = (here / name).resolve()
            if not _inside(real, roots):
                problems.append((here / name, "link points outside the input folders"))
            elif real not in visited:  # a link back up would loop forever
                visited.add(real)
                kept.append(name)
        folders[:] = kept
        for name in files:
            file = here / name
            if file.is_symlink() and not _inside(file.resolve(), roots):
                yield file, "link points outside the input folders"
            else:
                yield file, None
    yield from problems


def discover(paths: list[Path]) -> list[Candidate]:
    """Summary candidates under `paths` (files, or folders searched recursively), sorted."""
    missing = [str(path) for path in paths if not os.path.lexists(path)]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    resolved = [path.resolve() for path in paths]
    roots = [path for path in resolved if path.is_dir()]
    root = Path(os.path.commonpath([p if p.is_dir() else p.parent for p in resolved]))
    found: dict[Path, Candidate] = {}
    for path in resolved:
        if not path.is_dir():  # a file named on the command line: read_document says if it is not one
            found[path] = Candidate(path, printable_name(path.relative_to(root)), explicit=True)
            continue
        for file, problem in _walk(path, roots):
            relative = file.relative_to(path)
            wanted = (
                problem is not None
                and not _is_side_file(relative)
                or (file.suffix.lower() in SUFFIXES and not _is_side_file(relative))
            )
            if wanted:
                found.setdefault(file, Candidate(file, printable_name(file.relative_to(root)), False, problem))
    return [found[key] for key in sorted(found, key=lambda p: found[p].source)]


def _read_regular(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of a regular file; raises OSError, or ValueError for a FIFO, device or
    socket (opened without blocking, so a FIFO cannot hang the build)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ValueError("not a regular file")
        return stream.read(limit)


def read_document(candidate: Candidate) -> SourceDocument | None:
    """The document, None if it is not a summary (and was not named explicitly); raises
    `DocumentError` for files that cannot be read as a summary."""
    path = candidate.path
    if candidate.problem:
        raise DocumentError(candidate.problem, candidate.source)
    try:
        data = _read_regular(path, MAX_BYTES + 1)
    except OSError as error:
        raise DocumentError(f"cannot read file ({error.strerror})", candidate.source) from None
    except ValueError as error:
        raise DocumentError(f"{error} (a FIFO, device or socket)", candidate.source) from None
    if len(data) > MAX_BYTES:
        raise DocumentError(f"file is larger than {MAX_BYTES:,} bytes, over the limit for a summary", candidate.source)
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
    _check_limits(text, candidate.source)
    if not _SUMMARY_SIGN.search(text):
        if candidate.explicit:
            raise DocumentError("not a summary (no **Podcast:** field and no canonical section)", candidate.source)
        return None
    return SourceDocument(candidate.source, path, text, _transcript(path, text))


def _check_limits(text: str, source: str) -> None:
    if (headings := len(_HEADING.findall(text))) > MAX_HEADINGS:
        raise DocumentError(f"{headings:,} headings, over the limit of {MAX_HEADINGS:,} for a summary", source)
    if (marks := len(_QUOTE_MARK.findall(text))) > MAX_QUOTE_MARKS:
        raise DocumentError(f"{marks:,} quotation marks, over the limit of {MAX_QUOTE_MARKS:,} for a summary", source)


def _transcript(path: Path, text: str) -> str | None:
    """The transcript the summary links to (or `transcript.md` beside a `summary.md`)."""
    link = _TRANSCRIPT_LINK.search(text)
    candidates = [path.parent / link.group(1)] if link and "://" not in link.group(1) else []
    if path.stem.lower() == "summary":
        candidates.append(path.parent / "transcript.md")
    for candidate in candidates:
        try:
            return _read_regular(candidate, MAX_TRANSCRIPT_BYTES).decode("utf-8", errors="replace")
        except (OSError, ValueError):  # missing, unreadable, or a FIFO that would block forever
            continue
    return None
