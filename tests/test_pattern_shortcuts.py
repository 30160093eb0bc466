"""Patterns given a cheap test first (a literal looked up at C speed, a match in place of a
substitution), each pinned to the form it replaced: the same answers on invented texts built from
the pieces the patterns read, hostile letters among them, and on every line of the project's
fixtures and seeds."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import example, given, settings

from kgraph.extract import attribution, claims
from tests.conftest import fixture_lines
from tests.test_pattern_compile_cost import _texts


def _fixture_texts_after(marks: str) -> Iterator[str]:
    """Each fixture line's first 200 characters, and the 200 after each of `marks` in it (where a
    clause, a name or a lead-in may start)."""
    for line in fixture_lines():
        for start in (0, *(at + 1 for at, char in enumerate(line) if char in marks)):
            yield line[start : start + 200]


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


# The title words as one alternation of classes (`[Hh]ost`), each tried in turn
_OLD_TITLE_WORD = (
    r"(?:CEO|CTO|CFO|COO|CPO|CMO|GP|VP|SVP|EVP|[Hh]ost|[Cc]o-?host|[Gg]uest|[Ff]ounder|[Cc]o-?founder|"
    r"[Mm]anaging|[Gg]eneral|[Ss]enior|[Cc]hief|[Ee]xecutive|[Pp]artner|[Cc]hairman|[Cc]hairwoman|[Cc]hair|"
    r"[Dd]irector|[Aa]nalyst|[Ii]nvestor|[Aa]uthor|[Rr]eporter|[Ee]ditor|[Dd]eputy|[Cc]ommissioner|[Aa]ssociate|"
    r"[Ff]inancial|[Oo]perating|[Tt]echnology|[Pp]roduct|[Mm]arketing|[Rr]evenue|[Ii]nvestment|[Oo]fficer|"
    r"[Vv]ice|[Pp]resident|[Ss]pokesperson|[Ss]pokeswoman|[Ss]pokesman)"
)
_TITLED_PATTERNS = [
    attribution._JOB_TITLE,
    attribution._OPENS_ON_A_POST,
    attribution._CREDITED_WITH,
    attribution._TITLED_AFTER,
    attribution._AS_PUT,
]
_OLD_TITLED_PATTERNS = [
    re.compile(pattern.pattern.replace(attribution._TITLE_WORD, _OLD_TITLE_WORD), pattern.flags)
    for pattern in _TITLED_PATTERNS
]
_TITLE_PIECES = [
    *"CcHhSs-,:'’",
    "CEO",
    "Ceo",
    "SVP",
    "VP",
    "Host",
    "host",
    "Co-host",
    "cohost",
    "Co-Host",
    "co-founder",
    "Cofounder",
    "Chair",
    "Chairman",
    "chairwoman",
    "Chairs",
    "chief",
    "financial",
    "officer",
    "Spokesman",
    "spokes",
    "Investor",
    "investment",
    "Vice",
    "President",
    "Technology",
    "Harrowgate",
    "Brisa's",
    "Its",
    "Ruth Amsel",
    "Tomás Ibarra",
    "tells",
    "said",
    "as",
    "per",
    "according to",
    "with",
    "put it",
]


def _all_matches(patterns: list[re.Pattern[str]], text: str) -> list[object]:
    return [
        (match.span(), match.groups()) if match else None for pattern in patterns for match in (pattern.match(text),)
    ] + [[(match.span(), match.groupdict()) for match in pattern.finditer(text)] for pattern in patterns]


@settings(max_examples=1500, deadline=None)
@given(_texts(_TITLE_PIECES, 10))
def test_title_words_match_as_the_alternation_they_replaced(text: str) -> None:
    assert attribution._TITLE_WORD != _OLD_TITLE_WORD
    assert _all_matches(_TITLED_PATTERNS, text) == _all_matches(_OLD_TITLED_PATTERNS, text)


def test_title_words_match_as_before_on_the_fixtures() -> None:
    for text in _fixture_texts_after(' "'):  # (a lead-in's names)
        assert _all_matches(_TITLED_PATTERNS, text) == _all_matches(_OLD_TITLED_PATTERNS, text), text


_OLD_LEADING_WORDS = (
    r"(?i:as|but|and|so|yet|here|still|meanwhile|similarly|later|instead|indeed|"
    r"then|again|finally|ultimately|also|one of|among)\b,?\s+"
)
_LEADING_PATTERNS = [attribution._LEADING_WORD, attribution._LEADING_PHRASE]
_OLD_LEADING_PATTERNS = [
    re.compile(pattern.pattern.replace(attribution._LEADING_WORDS, _OLD_LEADING_WORDS), pattern.flags)
    for pattern in _LEADING_PATTERNS
]
_LEADING_PIECES = [
    *'aAsSiI,:"',
    "As",
    "as",
    "AS",
    "also",
    "Also,",
    "So",
    "Sol",
    "ſo",
    "İnstead",
    "ınstead",
    "indeed",
    "One of",
    "one  of",
    "Among",
    "Then",
    "Meanwhile",
    "Still",
    "Jo Lee",
    "said",
    "In 2020",
]


@settings(max_examples=1500, deadline=None)
@given(_texts(_LEADING_PIECES, 8))
def test_leading_words_match_as_the_alternation_they_replaced(text: str) -> None:
    assert attribution._LEADING_WORDS != _OLD_LEADING_WORDS
    assert _all_matches(_LEADING_PATTERNS, text) == _all_matches(_OLD_LEADING_PATTERNS, text)


def test_leading_words_match_as_before_on_the_fixtures() -> None:
    for text in _fixture_texts_after(' ".,'):
        assert _all_matches(_LEADING_PATTERNS, text) == _all_matches(_OLD_LEADING_PATTERNS, text), text


# `_DESCRIBED_AS` is tried only on a clause spelling `having` or `being`; `_CLOSING_SPEAKER` only on
# one ending on a colon or a comma (white space after it)
_DESCRIBED_PIECES = [
    *":,;*_",
    "noted",
    "Described",
    "SEEN",
    "credited",
    "regarded as",
    "Viewed for",
    "as",
    "AS",
    "for",
    "having",
    "Having",
    "havİng",  # (re.IGNORECASE reads `İ` and `ı` as i)
    "beıng",
    "being",
    "BEING",
    "beings",
    "hav",
    "ing",
    "Jo Lee",
    "but",
    "says",
    "adds",
    "\u00a0",
    "\u2003",
    "\n",
]


def _old_described_as(clause: str) -> bool:
    return attribution._DESCRIBED_AS.search(clause) is not None


@settings(max_examples=1500, deadline=None)
@given(_texts(_DESCRIBED_PIECES, 10))
@example("Jo Lee, seen as being")
@example("Known for having:")
def test_described_as_answers_as_the_pattern_alone(text: str) -> None:
    assert attribution._described_as(text) == _old_described_as(text)
    assert _span(attribution._closing_speaker(text)) == _span(attribution._CLOSING_SPEAKER.search(text))


def test_described_as_and_closing_speaker_answer_as_before_on_the_fixtures() -> None:
    for text in _fixture_texts_after(' ",'):
        assert attribution._described_as(text) == _old_described_as(text), text
        assert _span(attribution._closing_speaker(text)) == _span(attribution._CLOSING_SPEAKER.search(text)), text


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return match.span() if match else None


def test_closing_speaker_is_read_before_white_space_and_a_last_line_break() -> None:
    for clause in (
        "Brightwell Bank wants a co-signer, but Okafor insists:",
        "Brightwell Bank wants a co-signer, but Okafor insists, ",
        "Brightwell Bank wants a co-signer, but Okafor insists:\n",
        "Brightwell Bank wants a co-signer, but Okafor insists :\u2003",
    ):
        match = attribution._closing_speaker(clause)
        assert match is not None and match.group("name") == "Okafor", clause
    assert attribution._closing_speaker("Brightwell Bank wants a co-signer, but Okafor insists") is None


def test_described_as_reads_folded_letters() -> None:
    assert attribution._described_as("Jo, noted as havİng") and attribution._described_as("SEEN FOR BEıNG")
    assert attribution._described_as("praised as being") and attribution._described_as("Hailed for HAVING")
    assert not attribution._described_as("noted as a being") and not attribution._described_as("seen as haven")


def _old_words_besides_and_or(text: str) -> bool:
    return re.search(r"[^\W_]", re.sub(r"\b(?:and|or)\b", "", text)) is not None


_AND_OR_PIECES = [
    *",.:;\"'*_-2éß",
    "and",
    "or",
    "And",
    "OR",
    "andor",
    "and_",
    "_or",
    "__",
    "an",
    "d",
    "o",
    "r",
    "nor",
    "a",
]


@settings(max_examples=1500, deadline=None)
@given(_texts(_AND_OR_PIECES, 8))
@example("_and_")
@example('"," and ')
def test_words_besides_and_or_answer_as_the_substitution(text: str) -> None:
    assert (attribution._WORD_BESIDES_AND_OR.search(text) is not None) == _old_words_besides_and_or(text)


def test_words_besides_and_or_answer_as_before_on_the_fixtures() -> None:
    for line in fixture_lines():
        for end in (len(line), *(at for at, char in enumerate(line) if char == '"')):  # (what precedes a quote)
            text = line[max(0, end - 40) : end]
            assert (attribution._WORD_BESIDES_AND_OR.search(text) is not None) == _old_words_besides_and_or(text), text


# `_ABOUT` is only matched at the start of a clause start lacking `ed`: its passives' verbs all end so
_ABOUT_PIECES = [
    *",.:;\"'*_-",
    "Praised",
    "praised for",
    "Widely known",
    "often",
    "noted for",
    "Recognised for",
    "singled out",
    "famous",
    "was",
    "WAS",
    "is",
    "been",
    "gets",
    "publicly",
    "dubbed",
    "DUBBED",
    "nicknamed",
    "Jo Lee",
    "ed",
    "e",
    "d",
    "the",
    "known",
]


@settings(max_examples=1500, deadline=None)
@given(_texts(_ABOUT_PIECES, 8))
@example("Jo Lee was dubbed")
@example("Known for")
def test_says_about_answers_as_the_search(text: str) -> None:
    assert attribution._says_about(text) == (attribution._ABOUT.search(text) is not None)


def test_says_about_answers_as_before_on_the_fixtures() -> None:
    assert all(verb.endswith("ed") for verb in attribution._ABOUT_VERBS.split("|"))
    for text in _fixture_texts_after(' ",'):
        assert attribution._says_about(text) == (attribution._ABOUT.search(text) is not None), text
