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
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", errors="surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def document_key(document: SourceDocument) -> str:
    """Changes whenever the document's extraction could change."""
    transcript = document.transcript_file
    whole = "" if transcript is None else transcript.text or transcript.problem or ""  # the reader reads it all
    return hash_parts(("document", code_version(), document.source, document.text, document.transcript or "", whole))
