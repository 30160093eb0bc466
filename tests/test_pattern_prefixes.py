"""Patterns rewritten to open on a character the engine can skip to, each pinned to the pattern it
replaced: the same matches, spans and groups, on invented texts built from the pieces that the
patterns read and on every line of the project's fixtures and seeds."""

from __future__ import annotations

import re

from hypothesis import given, settings

from kgraph.extract import named_people, prose_organizations
from tests.conftest import fixture_lines
from tests.test_pattern_compile_cost import _texts


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(match.span(), match.groupdict()) for match in pattern.finditer(text)]


_OLD_WORKED_WITH = re.compile(
    rf"\bby\s+(?P<name>{named_people._NAME})\s+(?:and\s+(?:her\s+|his\s+|their\s+)?(?:colleagues|co-?authors|collaborators)|et\s+al\.)"
    rf"|(?i:co-?found(?:ed|ing))\s+(?:[A-Z][\w.&-]*\s+){{1,3}}with\s+(?:(?:Dr|Prof)\.\s+)?(?P<partner>{named_people._NAME})"
)
_WORKED_PIECES = [
    *"bcCyBY-. ,_",
    *(
        f"{before}{cue} {middle}"
        for before in ("", "a", "_", "é", "x")
        for cue in ("by", "By", "co-founded", "cofounding", "Co-Founded", "CO-FOUNDING", "bo-founded", "co-found")
        for middle in ("Ana Lind", "Ana Lind and colleagues", "Ana Lind et al.", "Ferrovia with", "Ferro Labs with Dr.")
    ),
    "Ana Lind",
    "Lind",
    "Jo Ek",
    "and",
    "colleagues",
    "her",
    "co-authors",
    "coauthors",
    "collaborators",
    "et al.",
    "et",
    "al.",
    "with",
    "founded",
    "İng",
    "ıng",
]


@settings(max_examples=600, deadline=None)
@given(_texts(_WORKED_PIECES, 14))
def test_worked_with_matches_as_the_pattern_it_replaced(text: str) -> None:
    assert _matches(named_people._WORKED_WITH, text) == _matches(_OLD_WORKED_WITH, text)


def test_worked_with_matches_as_before_on_the_fixtures() -> None:
    for line in fixture_lines():
        assert _matches(named_people._WORKED_WITH, line) == _matches(_OLD_WORKED_WITH, line), line


def test_worked_with_reads_both_cues() -> None:
    # the cues the rewrite reads back from their first letter, at a line's start and after a word
    text = "proposed by Ana Lind and colleagues. Co-founded Ferrovia with Dr. Jo Ek. Baby Roe et al. said"
    found = [(match.group("name"), match.group("partner")) for match in named_people._WORKED_WITH.finditer(text)]
    assert found == [("Ana Lind", None), (None, "Jo Ek")]


_OLD_COMMA_RUN = re.compile(r"[^,.;:!?()\[\]\"“”\n\0]+(?:,[^,.;:!?()\[\]\"“”\n\0]+)+")
_RUN_PIECES = ["Ab", " ", ",", ", ", ".", "and", "Cd Ef", "\n", "\0", ":", "(", ")", '"', "x", "“", "]"]


@settings(max_examples=1500, deadline=None)
@given(_texts(_RUN_PIECES, 24))
def test_comma_runs_are_found_as_by_the_pattern_they_replaced(text: str) -> None:
    # (the new one reads the parts between two stops, where the first form's leftmost match opens)
    found = [(match.span(), match.group()) for match in prose_organizations._comma_runs(text)]
    assert found == [(match.span(), match.group()) for match in _OLD_COMMA_RUN.finditer(text)]
