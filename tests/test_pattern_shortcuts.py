"""Patterns given a cheap test first (a literal looked up at C speed, a match in place of a
substitution), each pinned to the form it replaced: the same answers on invented texts built from
the pieces the patterns read, hostile letters among them, and on every line of the project's
fixtures and seeds."""

from __future__ import annotations

import re

from hypothesis import given, settings

from kgraph.extract import claims
from tests.conftest import fixture_lines
from tests.test_pattern_compile_cost import _texts


def _old_says_sponsor(text: str) -> bool:
    return claims._SPONSOR.search(re.sub(r'"[^"]*"', " ", text)) is not None


_SPONSOR_PIECES = [
    *"sS\"':",
    "sponsor",
    "Sponsor",
    "SPONSORS",
    "ſponsor",  # (re.IGNORECASE reads `ſ` as s, `İ` and `ı` as i, the Kelvin sign as k)
    "spon",
    "sor",
    "advertiser",
    "Advertisement",
    "advertİsement",
    "advertısers",
    "adverti",
    "ser",
    "sponsored",
    "of",
    "by",
    "this",
    "the",
    "newsletter",
    "Podcast's",
    "show’s",
    "episode",
    "issue",
    "paid",
    "Why Mentioned:",
    '"sponsor"',
    '"spon',
    'sor"',
    "K",
    "é",
]


@settings(max_examples=1500, deadline=None)
@given(_texts(_SPONSOR_PIECES, 12))
def test_says_sponsor_answers_as_the_pattern_alone(text: str) -> None:
    assert claims.says_sponsor(text) == _old_says_sponsor(text)


def test_says_sponsor_answers_as_before_on_the_fixtures() -> None:
    lines = list(fixture_lines())
    for line in lines:
        assert claims.says_sponsor(line) == _old_says_sponsor(line), line
    for start in range(0, len(lines), 5):  # entries of several lines
        text = "\n".join(lines[start : start + 5])
        assert claims.says_sponsor(text) == _old_says_sponsor(text), text


def test_says_sponsor_reads_folded_letters() -> None:
    assert claims.says_sponsor("Newsletter ſponsor") and claims.says_sponsor("ADVERTİSEMENT")
    assert not claims.says_sponsor('Why Mentioned: "newsletter sponsor" said') and not claims.says_sponsor("a sponsee")
