"""The two smallest keys: a hash of parts, and a document's key (its extraction depends on the
code, the document's path, its text and its transcript). Kept apart from `kgraph.build.keys` so
that checking what changed loads no extractor or resolver."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kgraph.build.version import code_version

if TYPE_CHECKING:
    from kgraph.sources.summary import SourceDocument


def hash_parts(parts: Iterable[str]) -> str:
    """The hash of each part's UTF-8 bytes followed by a NUL byte. Hashed as one string joined in C
    (the empty string after the last part is its NUL): the same bytes, so the same keys, as an
    update per part, which cost more than the hashing."""
    joined = "\x00".join([*parts, ""])
    return hashlib.blake2b(_utf8(joined), digest_size=16).hexdigest()


def document_key(document: SourceDocument) -> str:
    """Changes whenever the document's extraction could change: `hash_parts` of its code, path,
    text, transcript start and whole transcript."""
    transcript = document.transcript_file
    whole = "" if transcript is None else transcript.text or transcript.problem or ""  # the reader reads it all
    start = document.transcript or ""
    # The same bytes, hashed part by part: the text and transcript are nearly all of them, and
    # joined into one string they were copied (and widened, for a character past Latin-1) before
    # being encoded. A short transcript's start is the whole of it, the same string: encoded once.
    encoded = _utf8(whole)
    first = encoded if start is whole else _utf8(start)
    parts = (b"document", _utf8(code_version()), _utf8(document.source), _utf8(document.text), first, encoded)
    return _hash_of_encoded(parts)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _hash_of_encoded(parts: tuple[bytes, ...]) -> str:
    """`hash_parts` of parts already encoded."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part)
        digest.update(b"\x00")
    return digest.hexdigest()
