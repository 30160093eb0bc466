"""`one_of` groups a list of words by their first letters: the group matches exactly what the
plain alternation of the same words matches, wherever it stands in a pattern."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.extract.alternation import one_of

# Few letters, so that words are often prefixes of each other and differ only in case.
_LETTERS = "aAbBsS -'’é"
words = st.lists(st.text(_LETTERS, min_size=1, max_size=5), min_size=1, max_size=9)
texts = st.text(_LETTERS, max_size=14)
# What comes before and after a word list in attribution's patterns: a word boundary, an anchor,
# an optional tail that can make the longer or the shorter word the one that fits.
_HEADS = (r"\b", "", "^")
_TAILS = ("", r"\b", r"\s*$", r"(?:\s+s)?", "s", r"(?P<rest>\w*)", r"(?:'s)?\b")


def _found(match: re.Match[str] | None) -> object:
    return None if match is None else (match.span(), match.groups())


@settings(max_examples=600, deadline=None)
@given(
    words,
    st.lists(texts, min_size=1, max_size=8),
    st.sampled_from(_HEADS),
    st.sampled_from(_TAILS),
    st.booleans(),
)
def test_one_of_matches_what_the_plain_alternation_matches(
    listed: list[str], samples: list[str], head: str, tail: str, ignore_case: bool
) -> None:
    flags = re.I if ignore_case else 0
    plain = re.compile(f"{head}(?:{'|'.join(listed)}){tail}", flags)
    grouped = re.compile(f"{head}{one_of('|'.join(listed), ignore_case)}{tail}", flags)
    for text in [*samples, *listed, " ".join(listed)]:
        assert _found(grouped.search(text)) == _found(plain.search(text))
        assert _found(grouped.match(text)) == _found(plain.match(text))
        assert _found(grouped.fullmatch(text)) == _found(plain.fullmatch(text))
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_word_that_begins_a_longer_one_keeps_its_place() -> None:
    # `say` before `says`: a match ends after `say` when what follows allows both
    assert re.match(one_of("say|says") + "s?", "says").group() == "says"
    assert re.match(f"{one_of('say|says')}(s?)", "says").groups() == ("s",)
    assert re.match(f"{one_of('says|say')}(s?)", "says").groups() == ("",)
    # grouped by first letters, the empty rest of `a` stays between `an` and `as`
    assert one_of("an|a|as|puts it|put") == "(?:a(?:n||s)|pu(?:ts it|t))"


def test_case_is_one_letter_only_for_a_case_blind_pattern() -> None:
    assert re.fullmatch(one_of("Acme|acme co"), "acme co")
    assert re.fullmatch(one_of("acme co|Acme", ignore_case=True), "ACME", re.I)
    assert one_of("He|he", ignore_case=True) == "(?:He)"  # the copy can never match first


@pytest.mark.parametrize("words", ["investors?", "co-?founder", "a|(b)", "a.b", "a\tb"])
def test_a_pattern_is_no_list_of_words(words: str) -> None:
    with pytest.raises(ValueError):
        one_of(words)


_SPEECH_CUE_AS_FIRST_WRITTEN = re.compile(
    r"\b(?:said|says|argued|argues|warned|warns|explained|explains|articulated|articulates|articulating|commentary|"
    r"comments?|commented|quoted|called|calls|told|tells|predicted|predicts|described|describes|noted|notes|stated|"
    r"states|expressed|expresses|flagged|flags|framing|voice|spokesperson|spoke|speaks|interview|interviewed|"
    r"wrote|writes|posted|posts|tweeted|testified|remarks|remarked|characterizing|characterized|emphasized|stressed|"
    r"cautioned|claimed|insisted|pushed back|admitted|conceded|recalled|author of (?:the|this))\b",
    re.I,
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["comment", "comments", "commentary", "commented", "author of", "the", "this", "these", "x"]),
        max_size=6,
    ),
    st.sampled_from([" ", "s ", "-", "", "'s "]),
)
def test_the_speech_cue_words_spelled_out_are_the_pattern_as_first_written(parts: list[str], glue: str) -> None:
    """`comments?` and `author of (?:the|this)` became plain words for `one_of`."""
    from kgraph.extract.attribution import _SPEECH_CUE

    text = glue.join(parts)
    assert _found(_SPEECH_CUE.search(text)) == _found(_SPEECH_CUE_AS_FIRST_WRITTEN.search(text))
