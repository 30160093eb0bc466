"""Parse a summary's Markdown into a `ParsedDocument` (structure only, no interpretation)."""

from __future__ import annotations

import re

from kgraph.parse.document import (
    ENTITY_SECTIONS,
    Item,
    Line,
    LineKind,
    ParsedDocument,
    Quote,
    Section,
    SectionKind,
)
from kgraph.parse.header import parse_header, split_header
from kgraph.parse.inline import plain
from kgraph.parse.items import split_items
from kgraph.parse.markdown import to_lines
from kgraph.parse.quotes import quotes_in_lines
from kgraph.parse.sections import split_sections

__all__ = ["parse_document"]

_NOTHING_FOUND = re.compile(
    r"\b(?:no|none|not any|nothing)\b.{0,80}\b(?:identified|mentioned|named|found|discussed|referenced|"
    r"highlighted|featured|profiled|provided|available|present|given|cited)\b"
    r"|^\s*_?\*?none\b",
    re.I,
)
_TAIL_SECTIONS = (SectionKind.OPERATING_INSIGHTS, SectionKind.OVERLOOKED_INSIGHTS)


def parse_document(source: str, text: str) -> ParsedDocument:
    """`source` is the document's path relative to the input root; `text` its content."""
    rows = text.split("\n")  # once: the header's lines and the body's
    header_lines, body_start = split_header(rows)
    body = to_lines(_body_text(text, body_start), first_line=body_start, rows=rows[body_start - 1 :] or [""])
    header = parse_header(header_lines, body)
    preamble, raw_sections, trailing = split_sections(body)
    sections = [_section(kind, heading, lines) for kind, heading, lines in raw_sections]
    return ParsedDocument.made(
        source=source,
        header=header,
        preamble=tuple(preamble),
        preamble_quotes=tuple(quotes_in_lines([line for line in preamble if not _is_title(line)])),
        sections=tuple(sections),
        trailing=tuple(trailing),
        warnings=tuple(_warnings(text, sections, body)),
    )


def _body_text(text: str, body_start: int) -> str:
    """The text from line `body_start` on (empty past the end)."""
    rest = text.split("\n", body_start - 1)  # the header's lines, then the body in one piece
    return rest[-1] if len(rest) == body_start else ""


def _is_title(line: Line) -> bool:
    return line.kind == LineKind.HEADING and line.level == 1


def _section(kind: SectionKind, heading: Line, lines: list[Line]) -> Section:
    intro, items = split_items(heading, lines, kind in ENTITY_SECTIONS, _quotes_of_lines)
    empty = not items and _says_nothing(lines)
    return Section.made(
        kind=kind,
        heading=heading,
        lines=tuple(lines),
        items=tuple(items),
        intro=tuple(intro),
        intro_quotes=tuple(quotes_in_lines(intro)),
        empty=empty,
    )


def _quotes_of_lines(lines: list[Line]) -> tuple[Quote, ...]:
    return tuple(quotes_in_lines(lines))


def _says_nothing(lines: list[Line]) -> bool:
    """A section without items that is blank or says there is nothing to list."""
    prose = " ".join(plain(line.text) for line in lines if line.kind == LineKind.TEXT)
    return not prose or bool(_NOTHING_FOUND.search(prose))


def _warnings(text: str, sections: list[Section], body: list[Line]) -> list[str]:
    warnings = []
    if not sections:
        warnings.append("degenerate: no canonical section")
    last_text = next((line.text for line in reversed(body) if line.kind != LineKind.RULE and line.text), "")
    if last_text.count('"') % 2 or last_text.count("**") % 2:
        warnings.append("truncated: ends inside a quote or bold span")
    if sections and sections[-1].kind not in _TAIL_SECTIONS:
        warnings.append(f"truncated: ends after {sections[-1].kind.value}")
    elif sections and sections[-1].kind != SectionKind.OVERLOOKED_INSIGHTS:
        warnings.append("possibly truncated: no Overlooked Insights section")
    for section in sections:
        if section.empty:
            warnings.append(f"empty section: {section.kind.value}")
        elif not section.items:
            warnings.append(f"no items found in section: {section.kind.value}")
    return warnings


def item_of(document: ParsedDocument, kind: SectionKind, rank: int) -> Item | None:
    section = document.section(kind)
    if section is None or not 1 <= rank <= len(section.items):
        return None
    return section.items[rank - 1]
