"""Load the hand-written fixture summaries in tests/fixtures/parse/ (invented names and content)."""

from __future__ import annotations

from pathlib import Path

from kgraph.extract import extract_document
from kgraph.extract.results import DocumentExtraction
from kgraph.parse import parse_document
from kgraph.parse.document import ParsedDocument

PARSE_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "parse"


def fixture_text(name: str) -> str:
    return (PARSE_FIXTURES / name).read_text(encoding="utf-8")


def parsed(name: str) -> ParsedDocument:
    return parse_document(name, fixture_text(name))


def extracted(name: str) -> DocumentExtraction:
    return extract_document(parsed(name))
