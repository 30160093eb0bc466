"""The digest reads an extraction's name tokens, and `vocabulary` a text's everyday words, from
the distinct whitespace-separated pieces of the texts: pinned to reading the texts whole, as first
written (invented texts, every whitespace character)."""

from __future__ import annotations

import re
import sys
from array import array

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.names import vocabulary
from kgraph.resolve.digest import sorted_token_hashes, token_hash, tokens_and_words
from kgraph.resolve.mentions import name_tokens


def _reference(titles: list[str], texts: list[str]) -> tuple[set[str], frozenset[str]]:
    """As first written: the insights' titles and texts, then the claims, joined by line breaks."""
    return set(name_tokens("\n".join([*titles, *texts]))), _reference_vocabulary("\n".join(texts))


def _reference_vocabulary(text: str) -> frozenset[str]:
    """Lower-case words after no word character; none of an address (`desk@orbex.com`)."""
    return frozenset(re.findall(r"(?<![\w'’@/.])[a-z][a-z'’-]++(?!\.[A-Za-z]|[@/]|:/)", text))


_WHITESPACE = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
# Letters either side of a piece, the joiners a token may hold, apostrophes before `s`, hyphens
# (a word holds them), `_` and digits (word characters a word may not follow), CJK, the marks of an
# address (`@`, `/`, `:`, `.`), every space.
_ALPHABET = list("abSsÉ中&.'’`+-_1@/: \n\t") + _WHITESPACE
_TEXT = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=30)


@given(st.lists(_TEXT, max_size=3), st.lists(_TEXT, max_size=5))
@settings(max_examples=500, deadline=None)
def test_tokens_and_words_of_distinct_pieces_are_those_of_the_texts(titles: list[str], texts: list[str]) -> None:
    assert tokens_and_words(titles, texts) == _reference(titles, texts)


def test_no_whitespace_character_joins_a_token_or_a_word() -> None:
    """What the pieces rest on: str.split's whitespace ends every token and word."""
    for space in _WHITESPACE:
        text = f"ab's{space}cd-e’s{space}_fg"
        assert tokens_and_words([], [text]) == _reference([], [text]), repr(space)
        assert set(name_tokens(text)) == {"ab", "cd-e", "fg"}, repr(space)
        assert vocabulary(text) == {"ab's", "cd-e’s"}, repr(space)


@given(_TEXT)
@settings(max_examples=500, deadline=None)
def test_vocabulary_of_distinct_pieces_is_that_of_the_text(text: str) -> None:
    assert vocabulary(text) == _reference_vocabulary(text)
    assert vocabulary(text + " " + text) == _reference_vocabulary(text)


def test_a_title_gives_tokens_but_no_words() -> None:
    assert tokens_and_words(["Pricing power wins"], ["Jo's plan works"]) == (
        {"Pricing", "power", "wins", "Jo", "plan", "works"},
        frozenset({"plan", "works"}),
    )


# Pieces read without the expressions (`str.isalnum`, lower-case ASCII letters), and what those
# tests could tell apart from them: capitals, digits, digits that are not decimal, numerals,
# combining marks, letters beyond ASCII, one-letter pieces, the joiners and apostrophes.
_PLAIN = st.text(alphabet=st.sampled_from(list("abzAZ09_²Ⅻ\u0301ſéK'’-. \n")), max_size=20)


@given(st.lists(_PLAIN, max_size=3), st.lists(_PLAIN, max_size=5))
@settings(max_examples=500, deadline=None)
def test_pieces_read_without_the_expressions_give_their_tokens_and_words(titles: list[str], texts: list[str]) -> None:
    assert tokens_and_words(titles, texts) == _reference(titles, texts)


def test_a_piece_of_one_character_more_gives_its_tokens_and_words() -> None:
    for code in range(0x3000):
        if not chr(code).isspace():
            texts = [f"ab{chr(code)}", f"{chr(code)}b", chr(code), f"Ab{chr(code)}"]
            assert tokens_and_words(texts[:1], texts) == _reference(texts[:1], texts), repr(chr(code))


def _token_hashes_before(tokens: set[str]) -> bytes:
    """The digest's token hashes as first written: one `token_hash` per token."""
    return array("I", sorted({token_hash(token) for token in tokens})).tobytes()


# Any character but the space the hashing joins them with: surrogates (encoded as they are), other
# whitespace, CJK, the empty token.
_TOKEN_TEXT = st.text(st.characters(blacklist_characters=" ", blacklist_categories=()), max_size=6)


@given(st.sets(_TOKEN_TEXT, max_size=8))
@settings(max_examples=500, deadline=None)
def test_token_hashes_are_one_hash_per_distinct_token(tokens: set[str]) -> None:
    assert sorted_token_hashes(tokens) == _token_hashes_before(tokens)


def test_token_hashes_of_no_token_and_of_an_empty_one() -> None:
    assert sorted_token_hashes(set()) == b""
    assert sorted_token_hashes({""}) == _token_hashes_before({""}) == bytes(4)
    assert sorted_token_hashes({"", "\ud800", "中文"}) == _token_hashes_before({"", "\ud800", "中文"})
