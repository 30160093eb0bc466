"""Transcript fingerprints: the same episode filed twice shares its transcript even when the
titles, participants and summaries differ, so shared passages identify duplicates."""

from __future__ import annotations

import hashlib
import re
import zlib

_LABEL = re.compile(r"^\s*(?:\[[\d:.]+\]\s*)?(?:\*\*)?[^:\n]{1,40}?:(?:\*\*)?\s", re.M)
_TIMESTAMP = re.compile(r"\[[\d:.]+\]")
_NOT_WORD = re.compile(r"[\W_]+")
SHINGLE = 24  # bytes of normalized speech: long enough to be specific to one recording
SAMPLE = 6000  # characters of normalized speech read from the start
SAMPLE_MASK = 31  # keep shingles whose CRC-32 is 0 in these bits (1 in 32): a stable, position-free sample
RAW_PREFIX = 4 * SAMPLE  # raw characters normalized first; the whole text only if they fall short


def _speech(text: str) -> str:
    """Lower-case word characters of the spoken text, labels and timestamps removed. The regexes
    are line-local, so normalizing a prefix that ends at a line break gives a prefix of the whole."""
    speech = _TIMESTAMP.sub(" ", _LABEL.sub(" ", text))
    return _NOT_WORD.sub("", speech.lower())


def transcript_anchors(text: str | None) -> tuple[str, ...]:
    """A sorted sample of hashed passages from the start of the transcript's speech."""
    if not text:
        return ()
    body = text.split("\n---", 1)[1] if "\n---" in text[:3000] else text
    cut = body.find("\n", RAW_PREFIX)
    normalized = _speech(body[:cut]) if cut > 0 else ""
    if len(normalized) < SAMPLE:
        normalized = _speech(body)
    data = normalized[:SAMPLE].encode()
    # CRC-32 picks the sample cheaply (C speed for every position); only the picked ones are hashed.
    crc32 = zlib.crc32
    picked = {data[start : start + SHINGLE] for start in range(len(data) - SHINGLE + 1)
              if not crc32(data[start : start + SHINGLE]) & SAMPLE_MASK}
    return tuple(sorted(hashlib.blake2b(shingle, digest_size=8).hexdigest() for shingle in picked))
