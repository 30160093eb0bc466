"""Name checks rewritten for speed (most once compiled a pattern per name; now fixed patterns run
where the name stands), each pinned to the pattern it replaced on invented names and texts."""

from __future__ import annotations

import functools
import html
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.extract.attribution import SPEECH_VERBS
from kgraph.extract.organization_names import _stands_alone
from kgraph.extract.participants import _speaks
from kgraph.extract.people import _NAME_TOKEN, full_names_in
from kgraph.extract.unlisted import _alone
from kgraph.names import (
    _EVERYDAY_WORD,
    _QUALIFIER,
    contains_word,
    fold,
    occurrences,
    split_qualifiers,
    word_at,
    word_boundary,
)

_SPACES = st.sampled_from([" ", " ", " ", "  ", "\n", "", "\u00a0"])


def _texts(pieces: list[str], most: int = 10) -> st.SearchStrategy[str]:
    joined = st.lists(st.tuples(st.sampled_from(pieces), _SPACES), max_size=most)
    return joined.map(lambda parts: "".join(piece + space for piece, space in parts))


_PEOPLE = st.sampled_from(["Bill Peebles", "Ann Lee", "Jo Ann Lee", "Lee Lee", "Ana de Souza", "O'Neil Ray"])


@settings(max_examples=300, deadline=None)
@given(_PEOPLE, st.data())
def test_speaking_is_what_the_per_name_pattern_matched(full: str, data: st.DataObject) -> None:
    surname = full.split()[-1]
    said = [
        f"{name}{tail}" for name in (full, surname) for tail in (" says", "’s view, argues", " (CEO) quickly notes")
    ]
    signed = [
        f"{dash}{space}{stars}{full}" for dash in "—-x" for space in ("", " ", "\n\u00a0") for stars in ("", "**")
    ]
    labels = [
        f"{stars}{full}{colon} {quote}" for stars in ("**", "") for colon in (":**", "**:", ":") for quote in '"“x'
    ]
    near = [full, surname, "x", "_", "-", "says", "argues", "**", "(", ")", ","]
    joined = [f"x{piece}" for piece in [*said, *labels]]  # no word boundary before the name
    passage = data.draw(_texts([*said, *signed, *labels, *joined, *near], most=4))
    assert _speaks(full, surname, passage) == (_speaks_pattern(full, surname).search(passage) is not None)


@functools.cache
def _speaks_pattern(full: str, surname: str) -> re.Pattern[str]:
    names = rf"(?:{re.escape(full)}|{re.escape(surname)})"
    # (the parenthesis as 991c4fd bounded it, on purpose: a line's words at most, none nested)
    return re.compile(
        rf"\b{names}(?:['’]s)?(?:\s*\([^()\n]{{0,80}}\))?,?\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})\b"
        rf"|[—–-]\s*\**{re.escape(full)}\b|\*\*{re.escape(full)}:?\*\*:?\s*[\"“]|\b{re.escape(full)}:\s*[\"“]"
    )


@settings(max_examples=300, deadline=None)
@given(_PEOPLE, st.data())
def test_a_surname_alone_is_what_the_per_name_pattern_matched(name: str, data: st.DataObject) -> None:
    first, surname = name.split()[0], name.split()[-1]
    line = data.draw(_texts([first, surname, name, "Argues", "argues", "x", "_", "-", "'s"]))
    alone = re.compile(rf"(?<!{re.escape(first)} )\b{re.escape(surname)}\b(?!\s+[A-Z])")
    assert _alone(surname, first, line) == (alone.search(line) is not None)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["Halden", "Corvo", "Rye", "Oak", "A&B", "", "and"]), st.data())
def test_standing_alone_is_what_the_per_part_pattern_matched(part: str, data: st.DataObject) -> None:
    text = data.draw(_texts([part, "Halden and Corvo", "and", "&", "band", "x", "_", ",", "Oaks", "Rye & Oak"]))
    rest = text.replace("Halden and Corvo", " ")
    joined = r"(?<![\w&])(?<!&\s)(?<!\band\s)" + re.escape(part) + r"(?!\w)(?!\s+(?:&|and)\s)"
    assert _stands_alone(part, text, "Halden and Corvo") == (re.search(joined, rest) is not None)


@given(st.text(alphabet="aab", max_size=8), st.text(alphabet="ab", max_size=3))
def test_occurrences_are_where_the_literal_matches(text: str, literal: str) -> None:
    assert list(occurrences(text, literal)) == [
        match.start() for match in re.finditer(f"(?=({re.escape(literal)}))", text)
    ]


_WORDISH = st.text(alphabet="ab _-é1\u00a0", max_size=8)


@settings(max_examples=300, deadline=None)
@given(_WORDISH, _WORDISH)
def test_contains_word_is_what_the_lookaround_pattern_finds(text: str, words: str) -> None:
    expected = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None
    assert contains_word(text, words) is expected


@settings(max_examples=300, deadline=None)
@given(_WORDISH, _WORDISH, st.integers(min_value=0, max_value=8))
def test_word_at_is_where_the_lookaround_pattern_first_finds_from_start(text: str, words: str, start: int) -> None:
    found = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)").search(text, min(start, len(text)))
    assert word_at(text, words, min(start, len(text))) == (found.start() if found else -1)


@settings(max_examples=300, deadline=None)
@given(_WORDISH, st.integers(min_value=0, max_value=8))
def test_word_boundary_is_where_backslash_b_matches(text: str, index: int) -> None:
    index = min(index, len(text))
    assert word_boundary(text, index) is (re.compile(r"\b").match(text, index) is not None)


def test_the_replaced_checks_answer_both_ways() -> None:
    assert _speaks("Bill Peebles", "Peebles", "Peebles argues that") and not _speaks("Bill Peebles", "Peebles", "x")
    assert _speaks("Bill Peebles", "Peebles", "a quote — **Bill Peebles")
    assert _speaks("Bill Peebles", "Peebles", '**Bill Peebles:** "We')
    assert _alone("Lee", "Ann", "as Lee argues") and not _alone("Lee", "Ann", "as Ann Lee argues")
    assert not _alone("Lee", "Ann", "Lee Harbor") and not _alone("Lee", "Ann", "Leeward")
    assert _stands_alone("Corvo", "Corvo grew. Halden and Corvo", "Halden and Corvo")
    assert not _stands_alone("Corvo", "Rye and Corvo", "Halden and Corvo")


_FULL_NAME_BEFORE = re.compile(rf"\b({_NAME_TOKEN}(?: [A-Z]\.)?(?: (?:van |de |von |del |da )?{_NAME_TOKEN}){{1,2}})\b")


@settings(max_examples=300, deadline=None)
@given(
    _texts(["Bob", "Lee", "Dan-Fox", "Éva", "van", "de", "J.", "x", "xBob", "×", "O'Neil", "’s", "and", "\u00d7Bob"])
)
def test_full_names_are_what_the_pattern_with_its_word_boundary_found(text: str) -> None:
    assert full_names_in(text) == _FULL_NAME_BEFORE.findall(text)


def _fold_before(text: str) -> str:
    text = unicodedata.normalize("NFKD", html.unescape(text))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[’'`]", "", text.lower())
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


@given(st.text(alphabet="aZé́ﬁ İ’&;#x301-_1 ", max_size=12) | st.text(max_size=8))
def test_fold_drops_accents_as_it_did_character_by_character(text: str) -> None:
    fold.cache_clear()
    assert fold(text) == _fold_before(text)


# Apostrophes, white space of every kind (`str.split` splits at \x1c-\x1f and \u2028 too), word
# characters beyond letters (`_`, `²`, `٣`) and other punctuation.
@given(st.text(alphabet="aB'’`‘ \t\n\x1c\x1f\u00a0\u2028\u3000_²٣.-,", max_size=12))
def test_fold_keeps_the_word_runs_the_substitution_kept(text: str) -> None:
    fold.cache_clear()
    assert fold(text) == _fold_before(text)


def test_fold_deletes_apostrophes_and_spaces_the_rest() -> None:
    assert fold(" O’Neil's\u2028`co-op`_x ") == "oneils co op_x"


def _split_qualifiers_before(text: str) -> tuple[str, list[str]]:
    qualifiers = [match.group(1).strip() for match in _QUALIFIER.finditer(text)]
    name = _QUALIFIER.sub(" ", text)
    return " ".join(name.split()).strip(" ,;:"), [q for q in qualifiers if q]


@given(_texts(["Acme", "(", ")", "(ACME)", "( )", "x (y (z))", ",", ";", ":", "\u3000", "(Ann", "Lee)"]))
def test_qualifiers_are_what_the_pattern_split_off(text: str) -> None:
    assert split_qualifiers(text) == _split_qualifiers_before(text)


def test_a_name_without_parentheses_is_only_respaced() -> None:
    assert split_qualifiers(" Acme\u00a0 Labs ,") == ("Acme Labs", [])
    assert split_qualifiers("Acme (ACME) Labs ( )") == ("Acme Labs", ["ACME"])


# The pattern as first written, with the words of addresses left out as a look-behind and a
# look-ahead at every start (the shipped one tests the look-behind after the first letter).
_EVERYDAY_WORD_AS_FIRST_WRITTEN = re.compile(r"(?<![\w'’@/.])[a-z][a-z'’-]++(?!\.[A-Za-z]|[@/]|:/)")


@given(
    _texts(
        ["ab", "a", "Ab", "x-y", "-ab", "'ab", "’ab", "ab’s", "_ab", "1ab", "éab", "ab.cd", "(ab", "AB", "aB"]
        + ["@", "/", ".", ":", "ab@cd", "ab.", "://", "a.B"],
        8,
    )
)
def test_everyday_words_are_what_the_look_behind_first_found(text: str) -> None:
    assert _EVERYDAY_WORD.findall(text) == _EVERYDAY_WORD_AS_FIRST_WRITTEN.findall(text)


def test_no_word_of_an_email_a_domain_a_link_or_a_path_is_an_everyday_word() -> None:
    text = "write desk@orbex.com or see www.tessel.io, https://github.com/halden/looms and ./notes.md daily."
    assert _EVERYDAY_WORD.findall(text) == ["write", "or", "see", "and", "daily"]


def test_everyday_words_start_after_no_word_character() -> None:
    assert _EVERYDAY_WORD.findall("the well-known -lab o'neil Xab 1ab éab (cd) a") == [
        "the",
        "well-known",
        "lab",
        "o'neil",
        "cd",
    ]
