"""How name tokens are read, pinned to `name_tokens` of each text on its own (invented texts): the
digest's one pass over texts joined by line breaks, the matcher's reading piece by piece."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.resolve import mentions
from kgraph.resolve.mentions import name_tokens, text_tokens

# Letters, CJK, the joiners a token may hold (`&.'’+-`), apostrophes, `s`, spaces and line breaks:
# the characters where splitting and possessive stripping could differ.
_TEXT = st.text(alphabet=st.sampled_from(list("aSsb&.'’+-_ \n1É中文")), max_size=30)


@given(st.lists(_TEXT, max_size=6))
@settings(max_examples=400, deadline=None)
def test_tokens_of_joined_texts_are_those_of_each_text(texts: list[str]) -> None:
    assert name_tokens("\n".join(texts)) == [token for text in texts for token in name_tokens(text)]


def test_possessive_in_one_text_is_stripped_only_where_written() -> None:
    texts = ["Sam's plan", "Bass was there", "Nomads'", "Jobs’s Apple"]
    assert name_tokens("\n".join(texts)) == ["Sam", "plan", "Bass", "was", "there", "Nomads", "Jobs", "Apple"]


@given(st.lists(_TEXT, max_size=6))
@settings(max_examples=400, deadline=None)
def test_tokens_read_piece_by_piece_are_those_of_the_text(texts: list[str]) -> None:
    """The matcher reads a text's tokens per whitespace-separated piece, each piece's remembered:
    pinned to reading the text whole, on first reading and when every piece is remembered."""
    for text in texts:
        assert text_tokens(text) == name_tokens(text)
        assert text_tokens(text) == name_tokens(text)


def test_every_whitespace_character_ends_a_token(monkeypatch) -> None:
    """What reading by pieces rests on; and the memo, emptied when full, answers alike."""
    monkeypatch.setattr(mentions, "_PIECES_KEPT", 3)
    for code in range(sys.maxunicode + 1):
        space = chr(code)
        if space.isspace():
            text = f"Sam's{space}co-op’s{space}中文{space}A.I."
            assert text_tokens(text) == name_tokens(text) == ["Sam", "co-op", "中文", "A.I"], repr(space)
    assert len(mentions._piece_tokens) <= 3
