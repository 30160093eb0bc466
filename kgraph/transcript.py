"""Transcript fingerprints: the same episode filed twice shares its transcript even when the
titles, participants and summaries differ, so shared passages identify duplicates."""

from __future__ import annotations

import hashlib
import re

_LABEL = re.compile(r"^\s*(?:\[[\d:.]+\]\s*)?(?:\*\*)?[^:\n]{1,40}?:(?:\*\*)?\s", re.M)
_TIMESTAMP = re.compile(r"\[[\d:.]+\]")
_NOT_WORD = re.compile(r"[\W_]+")
SHINGLE = 24  # characters of normalized speech: long enough to be specific to one recording
SAMPLE = 6000  # characters of normalized speech read from the start
MODULUS = 8  # keep shingles whose hash is 0 mod this: a stable, position-free sample


def transcript_anchors(text: str | None) -> tuple[str, ...]:
    """A sorted sample of hashed passages from the start of the transcript's speech."""
    if not text:
        return ()
    body = text.split("\n---", 1)[1] if "\n---" in text[:3000] else text
    speech = _TIMESTAMP.sub(" ", _LABEL.sub(" ", body))
    normalized = _NOT_WORD.sub("", speech.lower())[:SAMPLE]
    anchors = set()
    for start in range(0, max(0, len(normalized) - SHINGLE + 1)):
        digest = hashlib.blake2b(normalized[start : start + SHINGLE].encode(), digest_size=8).hexdigest()
        if int(digest, 16) % MODULUS == 0:
            anchors.add(digest)
    return tuple(sorted(anchors))
