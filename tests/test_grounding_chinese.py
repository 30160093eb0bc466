"""Transcripts holding CJK characters: simplified and cut into words with less work, pinned to the
expressions as first written (`str.translate` of every character, `_TOKEN` over every line)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from itertools import accumulate, chain
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.beyond_ascii import replace_beyond_ascii
from kgraph.extract import grounding
from kgraph.extract.grounding import _in_simplified, _Index, _tokens
from kgraph.parse.document import Segment, Transcript

_TABLE = grounding._simplified()
# the table's only chain (`薴` -> `苧` -> `苎`), traditional characters beyond the BMP (`𠁞`), more
# distinct traditional characters than are replaced one by one, simplified ones, other scripts
_MAPPED = [chr(code) for code in sorted(_TABLE)[:: max(1, len(_TABLE) // 90)]]
_PIECES = st.one_of(
    st.sampled_from(
        [
            "薴",
            "苧",
            "苎",
            "𠁞",
            "我們",
            "这个",
            "國",
            "国",
            "説",
            "ＡＩ",
            "É",
            "ΟΔΟΣ",
            "🚀",
            "\u3000",
            "\xa0",
            "\u2028",
        ]
    ),
    st.sampled_from(["the ", "pricing ", "moat", " ", "\n", "\x1c", "don't", "a-b"]),
    st.sampled_from(_MAPPED),
    st.characters(codec="utf-8"),
)
_TEXT = st.lists(_PIECES, max_size=120).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.integers(0, 40))
def test_simplified_as_translated(text: str, english: int) -> None:
    # mostly English with a few CJK characters (replaced one by one), or mostly CJK (translated)
    text = "the pricing moat " * english + text
    assert _in_simplified(text) == text.translate(_TABLE)


def test_simplified_through_every_path() -> None:
    english = "the pricing moat is the only one " * 20
    assert _in_simplified(english + "薴苧") == (english + "苧苎")  # a chain: translated at once
    many = "".join(_MAPPED[:80])
    assert _in_simplified(english * 4 + many) == (english * 4 + many).translate(_TABLE)
    assert _in_simplified(english + "𠁞 國") == english + "𠀾 国"
    assert _in_simplified("我們的國家") == "我们的国家"


def test_a_chain_of_replacements_is_translated_at_once() -> None:
    # one pass per character, in whatever order, would replace a replacement again
    chain_table = {ord(a): b for a, b in zip("一二三四五六七八", "二三四五六七八九", strict=True)}
    text = "the pricing moat is the only one " * 20 + "一二三四五六七八"
    with mock.patch.object(grounding, "_simplified", lambda: chain_table):
        assert _in_simplified(text) == text.translate(chain_table)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_tokens_as_the_expression_cut_them(text: str) -> None:
    for line in text.split("\n"):
        assert _tokens(line) == grounding._TOKEN.findall(line)


def _index_as_first_written(transcript: Transcript) -> tuple[list[str], list[int], Counter[str], bool]:
    joined = "\n".join(segment.text for segment in transcript.segments)
    normalized = grounding._normalized(unicodedata.normalize("NFKC", joined).lower())
    cjk = not normalized.isascii() and bool(grounding._CJK_CHAR.search(normalized))
    if cjk:
        normalized = normalized.translate(_TABLE)
    lines = list(map(grounding._TOKEN.findall if cjk else str.split, normalized.split("\n")))
    starts = list(accumulate(map(len, lines), initial=0))[:-1]
    words = list(chain.from_iterable(lines))
    chinese = grounding.is_chinese(" ".join(segment.text for segment in transcript.segments[:400]))
    return words, starts, Counter(words), chinese


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT.map(lambda text: text.replace("\n", " ")), max_size=12), st.integers(0, 3))
def test_the_index_is_as_first_written(texts: list[str], english: int) -> None:
    texts = [*(["the pricing moat is the only one"] * english), *texts]
    transcript = Transcript(path="t.md", segments=tuple(Segment(n, None, text) for n, text in enumerate(texts)))
    index = _Index(transcript)
    assert (index.words, index.starts, index.counts, index.chinese) == _index_as_first_written(transcript)


def test_replacements_that_swap_characters_are_made_at_once() -> None:
    """Passes one after another would replace a replacement again (either order gives "éé" or "üü")."""
    swap = {"é": "ü", "ü": "é"}
    every = replace_beyond_ascii(
        "café über".encode(), swap.get, lambda text: "".join(swap.get(character, character) for character in text)
    )
    assert every == "cafü éber"
