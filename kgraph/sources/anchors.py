"""Transcript fingerprints: the same episode filed twice shares its transcript even when the
titles, participants and summaries differ, so shared passages of the body identify duplicates.

The fingerprint samples the whole body, not its opening: intros and sponsor reads recur across a
show's episodes and sit in the first minutes, while the same recording overlaps from start to end
(see `kgraph.resolve.episodes`)."""

from __future__ import annotations

import functools
import hashlib
import re
import zlib
from array import array
from collections.abc import Iterator
from itertools import accumulate

from kgraph.beyond_ascii import replace_beyond_ascii

# A label at a line's start (`[00:01] Host: `, `**Jane:** `), matched from the line break before it
# (searched for at C speed, where `^` in multi-line mode is tried at every character); the text is
# given a line break in front. The break and the space after are removed or kept as spaces: either
# way no word character of the speech changes. The name's `[^:\n]` can only end at the first colon:
# taken whole (possessive), not a character at a time.
_LABEL = re.compile(r"\n\s*(?:\[[\d:.]+\]\s*)?(?:\*\*)?[^:\n]{1,40}+:(?:\*\*)?(?=\s)")
_TIMESTAMP = re.compile(r"\[[\d:.]+\]")
_NOT_WORD = re.compile(r"[\W_]+")
_ASCII_NOT_WORD = bytes(byte for byte in range(128) if not chr(byte).isalnum())  # `_NOT_WORD` in ASCII
SHINGLE = 24  # bytes of normalized speech: long enough to be specific to one recording
# Shingles start where the text has one of a few rarer letters (or, in CJK, a few UTF-8
# continuation bytes): found at C speed, about one position in 15. Of those, the ones whose CRC-32
# is 0 in SAMPLE_MASK are kept (1 in 8): a stable, position-free sample of about one in 120.
_START = re.compile(rb"[wyvk\x80-\x83]")
# `_START`'s bytes made b"\0" (and a b"\0" made b"\1"): split there, the pieces' lengths give the
# starts without a match object each
_STARTS_AS_ZERO = bytes(0 if _START.fullmatch(bytes((byte,))) else byte or 1 for byte in range(256))
SAMPLE_MASK = 7
OPENING = 4000  # characters of normalized speech (about five minutes) left out: intros, sponsor reads
ANCHOR_TYPE = "Q"  # anchors are 64-bit hashes, packed in an array's bytes


def _speech(text: str) -> bytes:
    """Lower-case word characters of the spoken text, labels and timestamps removed, in UTF-8."""
    speech = _TIMESTAMP.sub(" ", _LABEL.sub(" ", "\n" + text)).lower()
    # ASCII non-word characters deleted at C speed (no multi-byte UTF-8 character holds an ASCII
    # byte); then the few distinct others that are no word character (`kgraph.beyond_ascii`)
    data = speech.encode().translate(None, _ASCII_NOT_WORD)
    if data.isascii():
        return data
    return replace_beyond_ascii(data, _removal, _without_non_word).encode()


def _without_non_word(text: str) -> str:
    return _NOT_WORD.sub("", text)


@functools.lru_cache(maxsize=1 << 13)  # bounded: hostile text may hold a million distinct characters
def _removal(character: str) -> str | None:
    """Deleted (made "") when the character is no word character, else kept (None)."""
    return "" if _NOT_WORD.fullmatch(character) else None


def transcript_anchors(text: str | None) -> bytes:
    """Hashed passages sampled from the transcript's body, in the order they are spoken, each
    once, packed as 64-bit integers (read them with `unpack_anchors`)."""
    if not text:
        return b""
    body = text.split("\n---", 1)[1] if "\n---" in text[:3000] else text
    data = _speech(body)
    data = data[min(OPENING, len(data) // 5) :]
    crc32 = zlib.crc32
    picked = [shingle for start in _starts(data) if not crc32(shingle := data[start : start + SHINGLE]) & SAMPLE_MASK]
    hashes = (int.from_bytes(hashlib.blake2b(shingle, digest_size=8).digest(), "little") for shingle in picked)
    return array(ANCHOR_TYPE, dict.fromkeys(hashes)).tobytes()


def _starts(data: bytes) -> Iterator[int]:
    """Where whole shingles start: each byte of `_START` with SHINGLE bytes left from it."""
    pieces = data[: max(0, len(data) - SHINGLE + 1)].translate(_STARTS_AS_ZERO).split(b"\0")
    starts = accumulate(map((1).__add__, map(len, pieces[:-1])), initial=-1)  # each piece's end but the last's
    next(starts)
    return starts


def unpack_anchors(anchors: bytes) -> array:
    """The anchors packed by `transcript_anchors`, in spoken order."""
    unpacked = array(ANCHOR_TYPE)
    unpacked.frombytes(anchors)
    return unpacked
