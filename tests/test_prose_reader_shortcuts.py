"""Readers of names in the prose made cheaper, each pinned to the code as first written: the same
results on invented texts built from the pieces the readers read, and on every line of the
project's fixtures and seeds."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import given, settings

from kgraph.extract import named_people, organization_names, prose_organizations
from kgraph.names import fold
from tests.conftest import fixture_files, fixture_lines
from tests.test_pattern_compile_cost import _texts


def _fixture_texts() -> Iterator[str]:
    """The fixtures' lines, one by one and each file's joined as the prose readers join them."""
    yield from fixture_lines()
    for path in fixture_files():
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


_PART_PIECES = [
    "Accel",
    "NFX",
    "Point Nine",
    "and",
    "more",
    "&",
    "x",
    "é",
    "Éa",
    "A",
    "AB",
    ".",
    "-",
    "’s",
    "+",
    "1",
    "\t",
]


@settings(max_examples=1500, deadline=None)
@given(_texts(_PART_PIECES, 10))
def test_a_part_ending_on_a_name_is_read_as_first_written(text: str) -> None:
    for part in (text, text.strip()):
        new, old = prose_organizations._ending_item(part), prose_organizations._ENDING_ITEM.search(part)
        assert (new and (new.span(), new.group("item"))) == (old and (old.span(), old.group("item")))


def _lists_as_first_written(text: str) -> list[tuple[list[str], bool, int]]:
    runs = re.finditer(r"[^,.;:!?()\[\]\"“”\n\0]+(?:,[^,.;:!?()\[\]\"“”\n\0]+)+", text)
    return [(names, tail, run.start()) for run in runs for names, tail in prose_organizations._lists_in(run.group())]


_LIST_PIECES = [
    *",.;(\n",
    ", ",
    ", and ",
    " and ",
    " or ",
    "and",
    "Accel",
    "NFX",
    "Point Nine",
    "Bain Capital Life Sciences",
    "Patrick",
    "John Collison",
    "more",
    "others",
    "invest",
    "x",
    "Where",
    "SoftBank-rival Tiger",
    "Accel, NFX, LocalGlobe",
    "Accel, NFX and Point Nine",
    "Accel, Atomico, and more",
    "Where Accel, NFX",
]


@settings(max_examples=2000, deadline=None)
@given(_texts(_LIST_PIECES, 16))
def test_lists_are_read_as_first_written(text: str) -> None:
    assert list(prose_organizations._lists(text)) == _lists_as_first_written(text)


def test_lists_as_first_written_on_the_fixtures() -> None:
    for text in _fixture_texts():
        assert list(prose_organizations._lists(text)) == _lists_as_first_written(text), text[:80]


def _acronyms_as_first_written(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for parenthesis in re.finditer(r"\s\((?P<acronym>[A-Z][A-Z0-9&]{1,7})\)", text):
        reach = organization_names._NAME_REACH
        words = organization_names._name_before(text[max(0, parenthesis.start() - reach) : parenthesis.start()])
        acronym = parenthesis.group("acronym").lower()
        for start in range(len(words) - 1):
            if words[start].lower() not in organization_names._SMALL_WORDS and organization_names._initials(
                words[start:], acronym
            ):
                found.setdefault(fold(" ".join(words[start:])), parenthesis.group("acronym"))
                break
    return found


_ACRONYM_PIECES = [
    *"() \t\n",
    "Carnegie Mellon University",
    "of",
    "Texas",
    "(CMU)",
    "(CMUT)",
    "CMU",
    "Nvidia",
    "(NVDA)",
    "x",
]


@settings(max_examples=1500, deadline=None)
@given(_texts(_ACRONYM_PIECES, 12))
def test_acronyms_are_read_as_first_written(text: str) -> None:
    assert organization_names.acronyms_spelled_out(text) == _acronyms_as_first_written(text)


def test_acronyms_as_first_written_on_the_fixtures() -> None:
    for text in _fixture_texts():
        assert organization_names.acronyms_spelled_out(text) == _acronyms_as_first_written(text), text[:80]
