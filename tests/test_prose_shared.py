"""A document's prose is made once per form and shared by the readers that search it; another
document never gets it."""

from __future__ import annotations

from kgraph.parse import parse_document
from kgraph.parse.document import LineKind

_TEXT = frozenset({LineKind.TEXT})
_TEXT_AND_ROWS = frozenset({LineKind.TEXT, LineKind.TABLE_ROW})


def _document(guest: str):
    return parse_document(
        "show/episode/summary.md",
        f"# Show: Episode with {guest}\n\n## Summary\n\n{guest} runs **Harbor Labs**.\n\n"
        "| a | b |\n|---|---|\n| one | two |\n",
    )


def test_one_prose_per_document_and_form():
    document = _document("Jane Roe")
    prose = document.prose(_TEXT)
    assert document.prose(_TEXT) is prose
    assert document.prose(_TEXT, "\n") is not prose  # another separator, another text
    assert document.prose(_TEXT, written=True).text != prose.text  # written keeps the Markdown
    assert "one" in document.prose(_TEXT_AND_ROWS).text and "one" not in prose.text
    assert "Jane Roe runs Harbor Labs." in prose.text


def test_another_document_gets_its_own_prose():
    first, second = _document("Jane Roe"), _document("Omar Haddad")
    assert "Jane Roe" in first.prose(_TEXT).text
    assert "Omar Haddad" in second.prose(_TEXT).text and "Jane" not in second.prose(_TEXT).text
    # back to the first: its own again, though it was not the last asked
    assert "Jane Roe" in first.prose(_TEXT).text and "Omar" not in first.prose(_TEXT).text
