"""Transcript fingerprints: the fast paths pinned to the expressions they replaced."""

from __future__ import annotations

import hashlib
import re
import time
import zlib
from array import array
from unittest import mock

from hypothesis import example, given
from hypothesis import strategies as st

from kgraph import beyond_ascii
from kgraph.sources import anchors
from kgraph.sources.anchors import transcript_anchors

_LABEL_AS_WRITTEN = re.compile(r"^\s*(?:\[[\d:.]+\]\s*)?(?:\*\*)?[^:\n]{1,40}?:(?:\*\*)?\s", re.M)


def _reference_speech(text: str) -> bytes:
    speech = anchors._TIMESTAMP.sub(" ", _LABEL_AS_WRITTEN.sub(" ", text))
    return anchors._NOT_WORD.sub("", speech.lower()).encode()


def _reference(text: str | None) -> bytes:
    """The fingerprint as first written: the regular expressions over the whole text, each
    candidate shingle cut and checked in turn."""
    if not text:
        return b""
    body = text.split("\n---", 1)[1] if "\n---" in text[:3000] else text
    data = _reference_speech(body)
    data = data[min(anchors.OPENING, len(data) // 5) :]
    size = anchors.SHINGLE
    picked = [
        shingle
        for match in anchors._START.finditer(data)
        if len(shingle := data[match.start() : match.start() + size]) == size
        and not zlib.crc32(shingle) & anchors.SAMPLE_MASK
    ]
    hashes = (int.from_bytes(hashlib.blake2b(shingle, digest_size=8).digest(), "little") for shingle in picked)
    return array(anchors.ANCHOR_TYPE, dict.fromkeys(hashes)).tobytes()


# words with the shingles' start letters, non-word characters of both kinds, letters whose lower
# case is longer (`İ`), CJK, digits in and out of timestamps, labels
_PIECES = st.sampled_from(
    [
        "wavy ",
        "kayak ",
        "vex",
        "Yak's ",
        "word_word ",
        "İstanbul ",
        "ÉCOLE ",
        "don’t ",
        "— ",
        "“quoted” ",
        "42 ",
        "[00:01:02] ",
        "[1:2.3]",
        "Host: ",
        "**Jane Doe:** ",
        "\n",
        "\n---\n",
        "我们的模型 ",
        "Straße ",
        "ǅ ",
        "\t",
        "…",
        # labels' edges: blank and space-only lines, a colon with no space after, a bold label,
        # a label at the very end, a timestamp alone, Greek capitals beside a label (final sigma)
        "  \n",
        "\n\n",
        "a:b ",
        "x:",
        "**Ana**: ",
        "Ana:\n",
        " [00:01] ",
        "ΟΔΟΣ",
        ":",
        "*",
    ]
)


@given(st.lists(_PIECES, max_size=300).map("".join))
def test_the_fingerprint_is_the_one_first_written(text: str) -> None:
    assert transcript_anchors(text) == _reference(text)


@given(st.lists(_PIECES, max_size=100).map("".join))
@example("Ana:\nHost: wavy\n")  # a label right after one that ends at the line break
@example("Ana:\t\nHost: wavy\n")
@example("Thirty-five characters of a name: wavy\nForty-one characters, too long for one: wavy")
@example("**Ana Ruiz**:\nwavy")
def test_the_speech_fingerprinted_is_the_one_first_written(text: str) -> None:
    # before sampling, which keeps one shingle in about 120 of a long text only
    assert anchors._speech(text) == _reference_speech(text)


def test_long_speech_is_fingerprinted_the_same() -> None:
    text = "".join(
        f"[00:{n // 60:02}:{n % 60:02}] Speaker {n % 3}: wavy kayak {n} vexed yaks — “né” 模型\n" for n in range(3000)
    )
    assert transcript_anchors(text) == _reference(text) != b""
    ascii_only = text.replace("—", "-").replace("“né”", "ne").replace("模型", "")
    assert transcript_anchors(ascii_only) == _reference(ascii_only) != b""


@given(
    st.lists(
        st.sampled_from(["\n", " ", "**", ":", ": ", "[00:01] ", "a", "b" * 20, "c" * 39, "d" * 40, "é", "—"]),
        max_size=30,
    ).map("".join)
)
@example("\n" + "n" * 40 + ": wavy\n**" + "n" * 40 + ":** wavy\n" + "n" * 41 + ": wavy")
def test_a_label_ends_at_its_first_colon_within_forty_characters(text: str) -> None:
    # the name's run is taken whole (possessive): pinned to the expression that tried each length
    assert anchors._speech(text) == _reference_speech(text)


@given(st.text(st.characters(blacklist_categories=["Cs"]), max_size=60))
def test_speech_past_the_removed_limit_is_the_expressions(text: str) -> None:
    with mock.patch.object(beyond_ascii, "MAX_DISTINCT", 1):  # the fallback, with a short text
        assert anchors._speech(text) == _reference_speech(text)
    assert anchors._speech(text) == _reference_speech(text)


def test_speech_of_many_distinct_characters_stays_linear() -> None:
    # one str.replace pass per distinct character is quadratic in hostile text: 100,000 distinct
    # symbols (private use: no word characters) took seconds; the expression's one pass, milliseconds
    text = "a".join(map(chr, range(0xF0000, 0xF0000 + 100_000)))
    started = time.process_time()
    speech = anchors._speech(text)
    assert time.process_time() - started < 1.0
    assert speech == _reference_speech(text) == b"a" * 99_999


@given(st.binary(max_size=200).map(lambda data: data * 3))
@example(b"")
@example(b"w" * (anchors.SHINGLE - 1))
@example(b"w" * anchors.SHINGLE)
@example(b"\0w\0" + b"a" * anchors.SHINGLE)
def test_shingles_start_where_the_expression_found_them(data: bytes) -> None:
    # split at the start bytes, not searched for one match object at a time
    searched = anchors._START.finditer(data, 0, len(data) - anchors.SHINGLE + 1)
    assert list(anchors._starts(data)) == [match.start() for match in searched]
