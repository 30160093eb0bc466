"""The header block: title line and `**Key:** value` fields before the first `---`."""

from __future__ import annotations

import re

from kgraph.parse.document import Field, Header, Line, LineKind
from kgraph.parse.inline import link_target, plain

# `**Key:** value`, `**Key**: value`; keys are short labels.
_FIELD = re.compile(r"^\s*(?:[-*]\s+)?\*\*([^*:]{1,40}?)\s*(?::\*\*|\*\*\s*:)\s*(.*)$")
_RULE = re.compile(r"^ {0,3}(?:-\s*){3,}$")
_HEADING = re.compile(r"^ {0,3}#{1,6}\s")


def split_header(lines: list[str]) -> tuple[list[str], int]:
    """Of a text's lines: those of the header (before the first `---` line) and the 1-based line
    where the body starts."""
    title_seen = False
    for index, line in enumerate(lines):
        if _RULE.match(line.rstrip()):
            return lines[:index], index + 2
        if _HEADING.match(line):
            if title_seen or not line.startswith("# "):  # no `---`: the first section heading ends it
                return lines[:index], index + 1
            title_seen = True
    return lines, len(lines) + 1


def parse_field(text: str, line: int) -> list[Field]:
    """One line may hold several pipe-joined fields: `**Podcast:** X | **Participants:** A, B`."""
    parts = [text] if "|" not in text else [part for part in text.split("|")]
    fields = []
    for part in parts:
        match = _FIELD.match(part.strip())
        if match and match.group(2).strip():
            value = match.group(2).strip()
            fields.append(Field.made(key=match.group(1).strip().lower(), value=value, line=line, plain=plain(value)))
    return fields


def parse_header(header_lines: list[str], body_lines: list[Line]) -> Header:
    title = title_url = None
    fields: list[Field] = []
    for number, raw in enumerate(header_lines, start=1):
        stripped = raw.strip()
        if title is None and stripped.startswith("# "):
            heading = stripped[2:].strip()
            title, title_url = plain(heading), link_target(heading)
            continue
        fields.extend(parse_field(stripped, number))
    keys = {field.key for field in fields}
    if title is None or title.lower() == "unknown":
        title = None
        for field in fields:
            if field.key == "title" and plain(field.value).lower() != "unknown":
                title = plain(field.value)
    return Header.made(
        title=title, title_url=title_url, fields=tuple(fields), body_fields=tuple(_body_fields(body_lines, keys))
    )


def _body_fields(body_lines: list[Line], header_keys: set[str]) -> list[Field]:
    """Labelled fields at the top of the body, before the first section-like heading."""
    found: list[Field] = []
    headings = 0
    for line in body_lines:
        if line.kind == LineKind.HEADING:
            headings += 1
            if headings > 1 or line.level > 1:
                break
            continue
        if line.kind == LineKind.TEXT:
            found.extend(parse_field(line.text, line.number))
    return found
