"""Finding input files under the paths a user gives, and reading them safely (regular files only,
bounded): what every reader shares."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kgraph.errors import UsageError, escape_controls
from kgraph.sources import document_reader_for

SUFFIXES = (".md", ".txt", ".markdown")
READ_CHUNK = 64 * 1024  # at least, for files whose size says nothing (0 in /proc)


@dataclass(frozen=True)
class Candidate:
    path: Path
    source: str  # path relative to the input root, `/`-separated
    explicit: bool  # named on the command line (so "not a summary" is an error, not a skip)
    problem: str | None = None  # found but cannot be read (a folder without permission, a link outside)
    # The folders its links (a `**Transcript:**` field) must stay inside: the input folders, or
    # the folder of a file named on the command line. Empty: the file's own folder.
    roots: tuple[Path, ...] = ()
    # Set by `discover`, which walks only folders that resolve inside `roots`: then so does a name
    # beside the file that is no link, found without resolving every folder above it.
    folder_inside: bool = field(default=False, compare=False, repr=False)

    def allows(self, linked: str | Path) -> bool:
        """Whether a file this document links to may be read (it resolves inside its roots)."""
        if self.folder_inside:
            folder, name = os.path.split(linked)
            if name not in _NOT_A_NAME and folder == os.path.dirname(self.path) and not _followed_by_realpath(linked):
                return True
        real = resolved(linked)
        # a loop, or a name no file can have (a NUL): it leads nowhere, so reading it fails
        return real is None or _inside(real, list(self.roots or (self.path.resolve().parent,)))


_NOT_A_NAME = ("", ".", "..")  # the last part of a path that is not a file in its folder
# what `Path.is_symlink` takes for "no such link" (any other error is raised)
_NO_SUCH_FILE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)


def _followed_by_realpath(path: str | Path) -> bool:
    """Whether `os.path.realpath` follows the last part of `path`: a link (one it cannot tell is no link)."""
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except (OSError, ValueError):  # ValueError: a NUL in the name
        return False


def resolved(path: str | Path) -> Path | None:
    """`Path(path).resolve()`; None for a link in a loop (Python 3.11 raises RuntimeError for
    it, 3.13 OSError) or a name holding a NUL: neither leads to a file."""
    try:
        return Path(path).resolve()
    except RuntimeError:
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            return None
        raise
    except ValueError:
        return None


def _link_problem(file: str, inside: Callable[[str], bool]) -> str | None:
    """Why a listed file is not read, if it is not: a link that leads outside the input folders
    or round in a loop, or one whose kind cannot be told (the folder lists but cannot be searched).
    Only that file is skipped: the rest of the folder is still read."""
    try:
        if not stat.S_ISLNK(os.lstat(file).st_mode):
            return None
    except OSError as error:
        if error.errno in _NO_SUCH_FILE:  # gone since it was listed: reading it says so
            return None
        return f"cannot read file ({error.strerror})"
    real = resolved(file)
    if real is None:
        return "link in a loop, leads to no file"
    return None if inside(str(real)) else "link points outside the input folders"


def printable_name(path: Path) -> str:
    """A path as text that can go anywhere (RDF literals, report lines, JSON): bytes that are not
    UTF-8 and control characters (a newline could forge a report line) are written as escapes."""
    return _printable(path.as_posix())


def _printable(text: str) -> str:
    if text.isprintable():  # nearly every name: nothing to escape (and it is UTF-8)
        return text
    text = text.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="backslashreplace")
    return escape_controls(text)


def is_side_file(path: Path) -> bool:
    """Transcripts and diarizations sit beside their summary; they are read with it, never alone."""
    if path.name.lower().startswith(("transcript", "diarization")):
        return True
    text = str(path)  # a part starts with "." where the text does or a "/" comes before it
    return "/." in text or text.startswith(".") and text != "."  # "." alone is the empty path


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == root or path.is_relative_to(root) for root in roots)


def _inside_any(roots: list[str]) -> Callable[[str], bool]:
    """`_inside` for real paths as text: whether one is a root or below one."""
    exact = frozenset(roots)
    below = tuple(root if root.endswith("/") else f"{root}/" for root in roots)
    return lambda path: path in exact or path.startswith(below)


def _walk(folder: str, roots: list[str]) -> Iterator[tuple[str, str | None]]:
    """Files under `folder` with why each cannot be read, if it cannot. Links are followed only
    where they stay inside the input folders; unreadable folders are reported, not skipped silently.
    In the order of `os.walk` (following links), from listings that say which folders are links:
    no system call per folder to ask. A file is asked whether it is a link (`_link_problem`)."""
    problems: list[tuple[str, str | None]] = []
    visited: set[str] = set()
    inside = _inside_any(roots)
    # (folder, its real path): a folder's from its parent's when it is no link, as a real path
    # resolved again costs a system call per part of it, 20,000 of them for 10,000 documents
    pending = [(folder, str(Path(folder).resolve()))]
    while pending:
        top, real_top = pending.pop()
        try:
            with os.scandir(top) as listing:
                entries = list(listing)
        except OSError as error:
            problems.append((str(Path(error.filename)), f"cannot read folder ({error.strerror})"))
            continue
        start = top if top.endswith("/") else f"{top}/"  # `os.path.join(top, name)` for each name
        folders: list[os.DirEntry[str]] = []
        files: list[os.DirEntry[str]] = []
        for entry in entries:
            (folders if _is_folder(entry) else files).append(entry)
        kept = []
        for entry in sorted(folders, key=_name):
            path = start + entry.name
            real = str(Path(path).resolve()) if _is_folder_link(entry, path) else os.path.join(real_top, entry.name)
            if not inside(real):
                problems.append((path, "link points outside the input folders"))
            elif real not in visited:  # a link back up would loop forever
                visited.add(real)
                kept.append((path, real))
        for entry in files:
            file = start + entry.name
            yield file, _link_problem(file, inside)
        pending.extend(reversed(kept))  # the first folder next, as `os.walk` goes
    yield from problems


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # as `os.walk` takes it
        return False


def _name(entry: os.DirEntry[str]) -> str:
    return entry.name


def _is_folder_link(entry: os.DirEntry[str], path: str) -> bool:
    """Whether a listed folder is a link, as `os.path.islink(path)` says: the listing knows (in a
    folder that cannot be searched, a link is no folder: `is_dir` cannot follow it); where it does
    not and asking fails, `os.path.islink` answers."""
    try:
        return entry.is_symlink()
    except OSError:
        return os.path.islink(path)


def discover(paths: list[Path]) -> list[Candidate]:
    """Summary candidates under `paths` (files, or folders searched recursively), sorted."""
    missing = [str(path) for path in paths if not os.path.lexists(path)]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    real_paths = [resolved(path) for path in paths]
    looping = [str(path) for path, real in zip(paths, real_paths, strict=True) if real is None]
    if looping:
        raise UsageError(f"a link in a loop, which leads to no file: {', '.join(looping)}")
    reals = [real for real in real_paths if real is not None]
    roots = [path for path in reals if path.is_dir()]
    root = Path(os.path.commonpath([p if p.is_dir() else p.parent for p in reals]))
    real_roots, root_text = [str(path) for path in roots], str(root)
    found: dict[str, Candidate] = {}
    for path in reals:
        if not path.is_dir():  # a file named on the command line: read_document says if it is not one
            name = printable_name(path.relative_to(root))
            found[str(path)] = Candidate(path, name, True, None, (*roots, path.parent), folder_inside=True)
            continue
        folder = str(path)
        for file, problem in _walk(folder, real_roots):
            relative = Path(_below(file, folder))
            wanted = problem is not None and not is_side_file(relative) or document_reader_for(relative) is not None
            if wanted and file not in found:
                name = _printable(_below(file, root_text) or ".")
                found[file] = Candidate(Path(file), name, False, problem, tuple(roots), folder_inside=not problem)
    return [found[key] for key in sorted(found, key=lambda p: found[p].source)]


def _below(path: str, folder: str) -> str:
    """`path` relative to `folder` it is in, "" for the folder itself (both as `os.walk` joins them)."""
    if path == folder:
        return ""
    return path[len(folder) + 1 :] if not folder.endswith("/") else path[len(folder) :]


def read_regular(path: str | Path, limit: int) -> bytes:
    """At most `limit` bytes of a regular file; raises OSError, or ValueError for a FIFO, device or
    socket (opened without blocking, so a FIFO cannot hang the build)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):  # as a file object made from the descriptor says
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise ValueError("not a regular file")
        # Read into buffers the file's size (and a byte to see its end), not `limit`: a buffer of
        # `limit` bytes (2 MB for a summary, 32 MB for a transcript) was allocated for every file.
        chunk = max(status.st_size + 1, READ_CHUNK)
        parts, left = [], limit
        while left > 0 and (part := os.read(descriptor, min(left, chunk))):
            parts.append(part)
            left -= len(part)
        return b"".join(parts)
    finally:
        os.close(descriptor)
