"""Finding input files under the paths a user gives, and reading them safely (regular files only,
bounded): what every reader shares."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kgraph.errors import UsageError, escape_controls
from kgraph.sources import document_reader_for

SUFFIXES = (".md", ".txt", ".markdown")


@dataclass(frozen=True)
class Candidate:
    path: Path
    source: str  # path relative to the input root, `/`-separated
    explicit: bool  # named on the command line (so "not a summary" is an error, not a skip)
    problem: str | None = None  # found but cannot be read (a folder without permission, a link outside)
    # The folders its links (a `**Transcript:**` field) must stay inside: the input folders, or
    # the folder of a file named on the command line. Empty: the file's own folder.
    roots: tuple[Path, ...] = ()

    def allows(self, linked: Path) -> bool:
        """Whether a file this document links to may be read (it resolves inside its roots)."""
        return _inside(linked.resolve(), list(self.roots or (self.path.resolve().parent,)))


def printable_name(path: Path) -> str:
    """A path as text that can go anywhere (RDF literals, report lines, JSON): bytes that are not
    UTF-8 and control characters (a newline could forge a report line) are written as escapes."""
    text = path.as_posix()
    if text.isprintable():  # nearly every name: nothing to escape (and it is UTF-8)
        return text
    text = text.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="backslashreplace")
    return escape_controls(text)


def is_side_file(path: Path) -> bool:
    """Transcripts and diarizations sit beside their summary; they are read with it, never alone."""
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
    # each folder's real path, from its parent's when it is no link: a real path resolved again
    # costs a system call per part of it, 20,000 of them for 10,000 documents
    real_paths = {str(folder): folder.resolve()}

    def unreadable(error: OSError) -> None:
        problems.append((Path(error.filename), f"cannot read folder ({error.strerror})"))

    for top, folders, files in os.walk(folder, onerror=unreadable, followlinks=True):
        here = Path(top)
        real_here = real_paths.pop(top, None)
        kept = []
        for name in sorted(folders):
            path = os.path.join(top, name)
            real = real_here / name if real_here is not None and not os.path.islink(path) else Path(path).resolve()
            real_paths[path] = real
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
            name = printable_name(path.relative_to(root))
            found[path] = Candidate(path, name, explicit=True, roots=(*roots, path.parent))
            continue
        for file, problem in _walk(path, roots):
            relative = file.relative_to(path)
            wanted = problem is not None and not is_side_file(relative) or document_reader_for(relative) is not None
            if wanted:
                name = printable_name(file.relative_to(root))
                found.setdefault(file, Candidate(file, name, False, problem, tuple(roots)))
    return [found[key] for key in sorted(found, key=lambda p: found[p].source)]


def read_regular(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of a regular file; raises OSError, or ValueError for a FIFO, device or
    socket (opened without blocking, so a FIFO cannot hang the build)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ValueError("not a regular file")
        return stream.read(limit)
