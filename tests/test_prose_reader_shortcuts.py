"""Readers of names in the prose made cheaper, each pinned to the code as first written: the same
results on invented texts built from the pieces the readers read, and on every line of the
project's fixtures and seeds."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings

from kgraph.extract import named_people
from tests.conftest import FIXTURES, SEEDS
from tests.test_pattern_compile_cost import _texts


def _fixture_lines() -> Iterator[str]:
    for path in sorted([*FIXTURES.rglob("*.md"), *SEEDS.rglob("*.md")]):
        yield from path.read_text(encoding="utf-8").splitlines()


def _fixture_texts() -> Iterator[str]:
    """The fixtures' lines, one by one and each file's joined as the prose readers join them."""
    yield from _fixture_lines()
    for path in sorted([*FIXTURES.rglob("*.md"), *SEEDS.rglob("*.md")]):
        yield "\0".join(path.read_text(encoding="utf-8").splitlines())


def _named_before_titles_as_first_written(text: str) -> list[str | None]:
    names: list[str | None] = []
    for title in named_people._TITLE_AFTER_NAME.finditer(text):
        between = named_people._BEFORE_TITLE.search(text, max(0, title.start() - 30), title.start())
        if between and (title.group().lower() != "partner" or named_people._AT_OR_OF.match(text, title.end())):
            before = named_people._NAME_BEFORE.search(
                text, max(0, between.start() - named_people._WINDOW), between.start()
            )
            names.append(before.group() if before else None)
    return names


_TITLE_PIECES = [
    *",()-.\n",
    "Ana Lind",
    "Jo Ek",
    "Orbex",
    "the",
    "a",
    "an",
    "its",
    "their",
    "former",
    "CEO",
    "co-founder",
    "Co-founder",
    "founder",
    "partner",
    "Partner",
    "VP",
    "SVP",
    "head",
    "ahead",
    "chief",
    "chairman",
    "director",
    "President",
    "at",
    "of",
    "in",
    "xCEO",
    "(former",
    ", the former",
]


@settings(max_examples=1500, deadline=None)
@given(_texts(_TITLE_PIECES, 14))
def test_names_before_titles_are_those_as_first_written(text: str) -> None:
    assert named_people._named_before_titles(text) == _named_before_titles_as_first_written(text)


def test_names_before_titles_as_first_written_on_the_fixtures() -> None:
    for text in _fixture_texts():
        assert named_people._named_before_titles(text) == _named_before_titles_as_first_written(text), text[:80]

