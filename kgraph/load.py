"""Compatibility: finding and reading summaries moved to `kgraph.sources` (the readers)."""

from __future__ import annotations

from kgraph.sources import read_document
from kgraph.sources.files import SUFFIXES, Candidate, discover, printable_name
from kgraph.sources.summary import MAX_BYTES, MAX_HEADINGS, MAX_QUOTE_MARKS, SourceDocument
from kgraph.sources.transcript import FINGERPRINT_BYTES as MAX_TRANSCRIPT_BYTES

__all__ = [
    "MAX_BYTES",
    "MAX_HEADINGS",
    "MAX_QUOTE_MARKS",
    "MAX_TRANSCRIPT_BYTES",
    "SUFFIXES",
    "Candidate",
    "SourceDocument",
    "discover",
    "printable_name",
    "read_document",
]
