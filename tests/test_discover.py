"""`discover` and `Candidate.allows` against the code they replaced (kept here as the oracle): the
same candidates, in the same order, with the same problems (or the same error), on trees of
folders, files, hidden files and links inside and outside the input folders, links back up, links
in a loop, folders that cannot be read, and names that do not print; the same verdict on every
link a summary may hold.

The oracle carries one change made on purpose since: a link in a loop, and a file that cannot be
asked whether it is a link, are problems of that file (reported and skipped), no longer an error
that stopped the whole build; a link in a loop named on the command line is a usage error."""

from __future__ import annotations

import errno
import os
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph.errors import UsageError, escape_controls
from kgraph.sources import document_reader_for, summary
from kgraph.sources.files import Candidate, discover, is_side_file, printable_name
from kgraph.sources.transcript import _beside

# -- the code replaced ----------------------------------------------------------------------------


def _old_printable_name(path: Path) -> str:
    text = path.as_posix()
    if text.isprintable():
        return text
    text = text.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="backslashreplace")
    return escape_controls(text)


def _old_is_side_file(path: Path) -> bool:
    return path.name.lower().startswith(("transcript", "diarization")) or any(
        part.startswith(".") for part in path.parts
    )


def _old_inside(path: Path, roots: list[Path]) -> bool:
    return any(path == root or path.is_relative_to(root) for root in roots)


def _old_resolve(path: Path) -> Path | None:
    try:
        return path.resolve()
    except RuntimeError:  # a link in a loop (Python 3.11)
        return None


def _old_allows(candidate: Candidate, linked: Path) -> bool:
    real = _old_resolve(linked)
    return real is None or _old_inside(real, list(candidate.roots or (candidate.path.resolve().parent,)))


def _old_walk(folder: Path, roots: list[Path]) -> Iterator[tuple[Path, str | None]]:
    problems: list[tuple[Path, str | None]] = []
    visited: set[Path] = set()
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
            if not _old_inside(real, roots):
                problems.append((here / name, "link points outside the input folders"))
            elif real not in visited:
                visited.add(real)
                kept.append(name)
        folders[:] = kept
        for name in files:
            file = here / name
            try:
                link = file.is_symlink()
            except OSError as error:
                yield file, f"cannot read file ({error.strerror})"
                continue
            real = _old_resolve(file) if link else None
            if link and real is None:
                yield file, "link in a loop, leads to no file"
            elif link and real is not None and not _old_inside(real, roots):
                yield file, "link points outside the input folders"
            else:
                yield file, None
    yield from problems


def _old_discover(paths: list[Path]) -> list[Candidate]:
    missing = [str(path) for path in paths if not os.path.lexists(path)]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    if looping := [str(path) for path in paths if _old_resolve(path) is None]:
        raise UsageError(f"a link in a loop, which leads to no file: {', '.join(looping)}")
    resolved = [path.resolve() for path in paths]
    roots = [path for path in resolved if path.is_dir()]
    root = Path(os.path.commonpath([p if p.is_dir() else p.parent for p in resolved]))
    found: dict[Path, Candidate] = {}
    for path in resolved:
        if not path.is_dir():
            name = _old_printable_name(path.relative_to(root))
            found[path] = Candidate(path, name, explicit=True, roots=(*roots, path.parent))
            continue
        for file, problem in _old_walk(path, roots):
            relative = file.relative_to(path)
            wanted = (
                problem is not None and not _old_is_side_file(relative) or document_reader_for(relative) is not None
            )
            if wanted:
                name = _old_printable_name(file.relative_to(root))
                found.setdefault(file, Candidate(file, name, False, problem, tuple(roots)))
    return [found[key] for key in sorted(found, key=lambda p: found[p].source)]


# -- generated trees ------------------------------------------------------------------------------

NAMES = [
    "a",
    "b c",
    "Show",
    ".hidden",
    "tab\there",
    "new\nline",
    "\u00e9t\u00e9",
    os.fsdecode(b"bad\xffbyte"),
    "x" * 40,
]
FILES = [
    "summary.md",
    "notes.txt",
    "transcript.md",
    "x.markdown",
    "image.png",
    ".draft.md",
    "Diarization.md",
    "SUMMARY.MD",
]


def _tree(base: Path, rng: random.Random) -> list[Path]:
    """Input paths over folders with nested folders, summaries, side and hidden files, and links
    every which way: to files and folders, inside and out, to links, broken, in a loop."""
    inputs, outside = base / "in", base / "outside"
    folders = [inputs, outside, inputs / "second"]
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    for number in range(rng.randint(4, 12)):
        parent = rng.choice(folders)
        folder = parent / f"{rng.choice(NAMES)}-{number}"
        folder.mkdir()
        folders.append(folder)
        for name in rng.sample(FILES, rng.randint(1, 3)):
            (folder / name).write_text("# t\n", encoding="utf-8")
    files = [path for folder in folders for path in folder.iterdir() if path.is_file()]
    for number in range(rng.randint(2, 8)):
        target = rng.choice([*folders, *files, base / "missing.md"])
        link = rng.choice(folders) / f"{rng.choice(['link', '.link', 'locked'])}-{number}{rng.choice(['', '.md'])}"
        if not link.exists() and not link.is_symlink():
            link.symlink_to(target)
            if rng.random() < 0.3:  # a link to a link
                (link.parent / f"{link.name}-again").symlink_to(link)
    if rng.random() < 0.15:  # a link to itself: resolving it raises
        (rng.choice(folders) / "loop.md").symlink_to("loop.md")
    if rng.random() < 0.3:  # a folder that cannot be read
        (rng.choice(folders) / "locked-folder").mkdir()
    named = [path for path in files if path.is_relative_to(inputs)] or [inputs]
    choices = [[inputs], [inputs, inputs / "second"], [inputs / "second", outside], [rng.choice(named)]]
    choices += [[inputs, rng.choice(files)], [rng.choice(files), inputs / "second"], [inputs / "second", inputs]]
    return rng.choice(choices)


def _unreadable_when_locked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Folders named `locked*` fail to list, as without permission (tests run as root too)."""
    scandir = os.scandir

    def listing(path: Any = ".") -> Any:
        if isinstance(path, str) and os.path.basename(path).startswith("locked"):
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", listing)


class _Untyped:
    """A listed entry that cannot tell whether it is a link (a file system that lists no types,
    where asking fails): the walk must then ask as the code it replaced did. Folders named `b c`
    cannot tell they are folders either (they are taken for files)."""

    def __init__(self, entry: os.DirEntry[str]) -> None:
        self.entry, self.name, self.path = entry, entry.name, entry.path

    def is_dir(self) -> bool:
        if self.name.startswith("b c"):
            raise OSError(errno.EIO, "no type listed")
        return self.entry.is_dir()

    def is_symlink(self) -> bool:
        raise OSError(errno.EIO, "no type listed")


class _UntypedListing:
    def __init__(self, path: Any) -> None:
        self.entries = iter([_Untyped(entry) for entry in _SCANDIR(path)])

    def __enter__(self) -> _UntypedListing:
        return self

    def __exit__(self, *error: object) -> None:
        pass

    def __iter__(self) -> _UntypedListing:
        return self

    def __next__(self) -> _Untyped:
        return next(self.entries)


_SCANDIR = os.scandir


def _outcome(call: Callable[[], Any]) -> Any:
    """What `call` returns, or the type and text of what it raises (for an OSError, the file as
    text: the CLI reports it so, whether the error holds it as a Path or a string)."""
    try:
        return call()
    except OSError as error:
        return type(error), error.errno, error.strerror, str(error.filename)
    except Exception as error:  # noqa: BLE001 - any error must be the same error
        return type(error), str(error)


@pytest.fixture
def old_readers(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call to make the summary reader take side files as the code replaced did."""
    return lambda: monkeypatch.setattr(summary, "is_side_file", _old_is_side_file)


@pytest.mark.parametrize("seed", range(60))
def test_discover_finds_what_the_code_it_replaced_found(tmp_path, monkeypatch, old_readers, seed):
    paths = _tree(tmp_path, random.Random(seed))
    _unreadable_when_locked(monkeypatch)
    found = _outcome(lambda: discover(paths))
    old_readers()
    expected = _outcome(lambda: _old_discover(paths))
    assert found == expected
    if isinstance(found, list):  # also the fields left out of `==`
        assert [candidate.folder_inside for candidate in found] == [not c.problem for c in found]


@pytest.mark.parametrize("seed", range(20))
def test_a_listing_without_types_finds_the_same(tmp_path, monkeypatch, old_readers, seed):
    paths = _tree(tmp_path, random.Random(seed))
    monkeypatch.setattr(os, "scandir", _UntypedListing)
    found = _outcome(lambda: discover(paths))
    old_readers()
    assert found == _outcome(lambda: _old_discover(paths))


def test_the_trees_hold_what_the_comparison_needs(tmp_path, monkeypatch):
    """The generated trees do reach every branch: problems of both kinds, a loop, named files."""
    _unreadable_when_locked(monkeypatch)
    seen: set[str] = set()
    for seed in range(60):
        paths = _tree(tmp_path / str(seed), random.Random(seed))
        found = _outcome(lambda: discover(paths))  # noqa: B023 - called at once
        if not isinstance(found, list):
            seen.add(found[0].__name__)
            continue
        seen.update(candidate.problem.split(" (")[0] for candidate in found if candidate.problem)
        seen.update("explicit" for candidate in found if candidate.explicit)
        seen.update("hidden" for candidate in found if "/." in f"/{candidate.source}")
    assert seen >= {
        "link in a loop, leads to no file",
        "cannot read folder",
        "link points outside the input folders",
        "explicit",
        "hidden",
    }


def test_an_input_folder_that_cannot_be_read_is_reported_as_before(tmp_path, monkeypatch, old_readers):
    (tmp_path / "locked").mkdir()
    (tmp_path / "shows").mkdir()
    _unreadable_when_locked(monkeypatch)
    for paths in ([tmp_path / "locked"], [tmp_path / "shows", tmp_path / "locked"]):
        found = discover(paths)
        assert [(candidate.source, candidate.problem) for candidate in found][-1][
            1
        ] == "cannot read folder (Permission denied)"
        old_readers()
        assert found == _old_discover(paths)


def test_a_file_whose_kind_cannot_be_told_is_skipped_and_the_rest_found(tmp_path, monkeypatch, old_readers):
    """Not knowing whether a file is a link for want of permission is that file's problem: the
    search goes on (it stopped the whole build once, with a misleading "cannot write")."""
    (tmp_path / "show").mkdir()
    (tmp_path / "show" / "denied.md").write_text("t")
    (tmp_path / "show" / "fine.md").write_text("t")
    lstat, status = os.lstat, os.stat

    def denied(call: Callable[..., Any]) -> Callable[..., Any]:
        def checked(path: Any, *args: Any, **options: Any) -> Any:
            if os.path.basename(os.fspath(path)) == "denied.md":
                raise PermissionError(13, "Permission denied", path)
            return call(path, *args, **options)

        return checked

    monkeypatch.setattr(os, "lstat", denied(lstat))
    monkeypatch.setattr(os, "stat", denied(status))
    found = _outcome(lambda: discover([tmp_path]))
    assert [(candidate.source, candidate.problem) for candidate in found] == [
        ("show/denied.md", "cannot read file (Permission denied)"),
        ("show/fine.md", None),
    ]
    old_readers()
    assert found == _outcome(lambda: _old_discover([tmp_path]))


def test_a_missing_path_is_the_same_usage_error(tmp_path):
    paths = [tmp_path, tmp_path / "nowhere", tmp_path / "neither"]
    assert _outcome(lambda: discover(paths)) == _outcome(lambda: _old_discover(paths))


def test_a_name_that_is_not_utf8_or_does_not_print_is_escaped_as_before():
    for name in (b"plain", b"tab\tname", b"bad\xffbyte", b"bell\x07"):
        path = Path("show") / os.fsdecode(name)
        assert printable_name(path) == _old_printable_name(path)


_PART = st.sampled_from(["", ".", "..", ".x", "x.", "a", "Transcript.md", "diarization", "a.b", "/", "//"])


@given(st.lists(_PART, max_size=6))
def test_side_files_are_the_ones_the_code_it_replaced_found(parts: list[str]) -> None:
    path = Path(*parts) if parts else Path()
    assert is_side_file(path) == _old_is_side_file(path)


# -- links from a summary -------------------------------------------------------------------------

LINKS = [
    "transcript.md", "./transcript.md", ".//transcript.md", "././notes.txt", "link-0", "link-0.md", "sub/t.md",
    "../transcript.md", "..", ".", "./", "transcript.md/", "/etc/hostname", "missing.md", "loop.md", ".hidden-0",
    "nested/../transcript.md", "Show-1/summary.md", "x" * 40 + "-2", "../outside/summary.md",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(30))
def test_a_link_is_allowed_where_the_code_it_replaced_allowed_it(tmp_path, seed):
    rng = random.Random(seed)
    paths = _tree(tmp_path, rng)
    for folder in (tmp_path / "in", tmp_path / "outside"):  # names the links may hit
        for name in ("transcript.md", "link-0", "loop.md"):
            target = rng.choice([tmp_path / "outside" / "summary.md", tmp_path / "in", folder / "missing"])
            if os.path.lexists(folder / name):
                continue
            if rng.random() < 0.5:
                (folder / name).symlink_to(target)
            else:
                (folder / name).write_text("t")
    candidates = _outcome(lambda: discover(paths))
    if not isinstance(candidates, list):
        return  # a link in a loop: the same error, see above
    for candidate in candidates:
        if candidate.problem:  # never asked: the document is not read
            continue
        for link in LINKS:
            linked = candidate.path.parent / link
            assert _beside(candidate.path, link) == str(linked)
            new = _outcome(lambda: candidate.allows(_beside(candidate.path, link)))  # noqa: B023
            assert new == _outcome(lambda: _old_allows(candidate, linked)), (candidate, link)  # noqa: B023


def test_a_candidate_not_made_by_discover_resolves_every_link(tmp_path):
    """Without `folder_inside` (a candidate made elsewhere), a link beside a file linked from
    outside is judged where the file really is, as before."""
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "summary.md").write_text("t")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "summary.md").symlink_to(tmp_path / "real" / "summary.md")
    candidate = Candidate(tmp_path / "elsewhere" / "summary.md", "summary.md", True)
    linked = tmp_path / "elsewhere" / "transcript.md"
    assert candidate.allows(str(linked)) is _old_allows(candidate, linked) is False
