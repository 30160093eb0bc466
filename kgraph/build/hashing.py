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
    return hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def document_key(document: SourceDocument) -> str:
    """Changes whenever the document's extraction could change."""
    transcript = document.transcript_file
    whole = "" if transcript is None else transcript.text or transcript.problem or ""  # the reader reads it all
    return hash_parts(("document", code_version(), document.source, document.text, document.transcript or "", whole))
