"""`discover` against the code it replaced (kept here as the oracle): the same candidates, in the
same order, with the same problems, on trees of folders, files and links inside and outside the
input folders, links back up, and names that do not print."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgraph.errors import escape_controls
from kgraph.sources import files
from kgraph.sources.files import _inside, discover


def _old_printable_name(path: Path) -> str:
    text = path.as_posix().encode("utf-8", errors="surrogateescape").decode("utf-8", errors="backslashreplace")
    return escape_controls(text)


def _old_walk(folder: Path, roots: list[Path]) -> Iterator[tuple[Path, str | None]]:
    problems: list[tuple[Path, str | None]] = []
    visited: set[Path] = set()

    def unreadable(error: OSError) -> None:
        problems.append((Path(error.filename), f"cannot read folder ({error.strerror})"))

    for top, folders, names in os.walk(folder, onerror=unreadable, followlinks=True):
        here = Path(top)
        kept = []
        for name in sorted(folders):
            real = (here / name).resolve()
            if not _inside(real, roots):
                problems.append((here / name, "link points outside the input folders"))
            elif real not in visited:
                visited.add(real)
                kept.append(name)
        folders[:] = kept
        for name in names:
            file = here / name
            if file.is_symlink() and not _inside(file.resolve(), roots):
                yield file, "link points outside the input folders"
            else:
                yield file, None
    yield from problems


NAMES = ["a", "b c", "Show", "tab\there", "new\nline", "\u00e9t\u00e9", "x" * 40]


def _tree(base: Path, rng: random.Random) -> list[Path]:
    """Input folders with nested folders, summaries, side files and links every which way."""
    inputs, outside = base / "in", base / "outside"
    folders = [inputs, outside, inputs / "second"]
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    for number in range(rng.randint(4, 12)):
        parent = rng.choice(folders)
        folder = parent / f"{rng.choice(NAMES)}-{number}"
        folder.mkdir()
        folders.append(folder)
        for name in rng.sample(["summary.md", "notes.txt", "transcript.md", "x.markdown", "image.png"], 2):
            (folder / name).write_text("# t\n", encoding="utf-8")
    for number in range(rng.randint(2, 8)):
        target = rng.choice(folders + [folder / "summary.md" for folder in folders])
        link = rng.choice(folders) / f"link-{number}{rng.choice(['', '.md'])}"
        if not link.exists() and not link.is_symlink():
            link.symlink_to(target)
            if rng.random() < 0.3:  # a link to a link
                (link.parent / f"{link.name}-again").symlink_to(link)
    return rng.choice([[inputs], [inputs, inputs / "second"], [inputs / "second", outside]])


@pytest.mark.parametrize("seed", range(40))
def test_discover_finds_what_the_code_it_replaced_found(tmp_path, monkeypatch, seed):
    paths = _tree(tmp_path, random.Random(seed))
    found = discover(paths)
    monkeypatch.setattr(files, "_walk", _old_walk)
    monkeypatch.setattr(files, "printable_name", _old_printable_name)
    assert found == discover(paths)


def test_a_name_that_is_not_utf8_or_does_not_print_is_escaped_as_before():
    for name in (b"plain", b"tab\tname", b"bad\xffbyte", b"bell\x07"):
        path = Path("show") / os.fsdecode(name)
        assert files.printable_name(path) == _old_printable_name(path)
