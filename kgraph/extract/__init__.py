"""Extractors: pure functions of a parsed document, one per kind of thing; `extract_document`
(kgraph/extract/document.py) runs them all."""

from __future__ import annotations

from typing import Any

__all__ = ["extract_document"]


def __getattr__(name: str) -> Any:
    # Imported when asked for: `kgraph.extract.results` (the extraction's types, which a rebuild
    # unpickles) must not pull in every extractor and its patterns.
    if name == "extract_document":
        from kgraph.extract.document import extract_document

        return extract_document
    raise AttributeError(f"module 'kgraph.extract' has no attribute {name!r}")
