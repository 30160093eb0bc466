"""How each kind of block becomes `Line`s: one definition for both block readers (markdown-it's
tokens in `markdown._walk`, plain summaries line by line in `simple_blocks`), so the two cannot
drift apart in what a line holds."""

from __future__ import annotations

from typing import Any

from kgraph.parse.document import Line, LineKind
from kgraph.parse.inline import plain
from kgraph.unvalidated import made

# Bound once: on Python 3.11 each `LineKind.X` goes through the enum metaclass's `__getattr__`
# hook (a thousand instructions), and the parser reads them for every line.
_HEADING, _RULE, _TABLE_ROW, _TEXT = LineKind.HEADING, LineKind.RULE, LineKind.TABLE_ROW, LineKind.TEXT


def _line(number: int, kind: LineKind, block: int, fields_set: set[str], **values: Any) -> Line:
    """A `Line` whose state is written out whole, defaults included (`Line.made` copies and
    updates a dict of defaults for each line; the parser makes one per source line)."""
    state = {
        "number": number,
        "kind": kind,
        "text": "",
        "plain": "",
        "level": 0,
        "list_depth": 0,
        "bullet": False,
        "quoted": False,
        "block": block,
        "cells": (),
        "cells_plain": (),
        "header": (),
        "table_header": False,
    }
    state.update(values)
    return made(Line, state, fields_set)


def heading_line(number: int, text: str, level: int, block: int) -> Line:
    """An ATX heading; `text` is its content, trimmed."""
    fields_set = {"number", "kind", "text", "plain", "level", "block"}
    return _line(number, _HEADING, block, fields_set, text=text, plain=plain(text), level=level)


def paragraph_lines(start: int, pieces: list[str], depth: int, bullet: bool, quoted: bool, block: int) -> list[Line]:
    """A paragraph of the source lines `pieces`, the first of them line `start`; `bullet`: it opens
    a list item."""
    lines = []
    for index, text in source_lines(pieces):
        # written out: a paragraph line is the commonest model the parser makes
        state = {
            "number": start + index,
            "kind": _TEXT,
            "text": text,
            "plain": plain(text),
            "level": 0,
            "list_depth": depth,
            "bullet": bullet and index == 0,
            "quoted": quoted,
            "block": block,
            "cells": (),
            "cells_plain": (),
            "header": (),
            "table_header": False,
        }
        lines.append(made(Line, state, {"number", "kind", "text", "plain", "list_depth", "bullet", "quoted", "block"}))
    return lines


def rule_line(number: int, depth: int, quoted: bool, block: int) -> Line:
    fields_set = {"number", "kind", "block", "list_depth", "quoted"}
    return _line(number, _RULE, block, fields_set, list_depth=depth, quoted=quoted)


def table_row_line(
    number: int, cells: tuple[str, ...], header: tuple[str, ...], head: bool, depth: int, quoted: bool, block: int
) -> Line:
    """A table row; `header`: the table's header cells; `head`: this row is the header."""
    text = " | ".join(cells)
    fields_set = {
        "number",
        "kind",
        "text",
        "plain",
        "cells",
        "cells_plain",
        "header",
        "table_header",
        "block",
        "list_depth",
        "quoted",
    }
    return _line(
        number,
        _TABLE_ROW,
        block,
        fields_set,
        text=text,
        plain=plain(text),
        cells=cells,
        cells_plain=tuple(plain(cell) for cell in cells),
        header=header,
        table_header=head,
        list_depth=depth,
        quoted=quoted,
    )


def source_lines(pieces: list[str]) -> list[tuple[int, str]]:
    """(offset, text) of a paragraph's lines; a quotation broken by a soft line break (a line
    with an unpaired `"` followed by one that closes it) stays on one logical line."""
    if len(pieces) == 1:  # most paragraphs: one line
        return [(0, pieces[0].strip())]
    pieces = [piece.strip() for piece in pieces]
    if not any('"' in piece for piece in pieces):
        return list(enumerate(pieces))
    lines: list[tuple[int, str]] = []
    index = 0
    while index < len(pieces):
        text, first = pieces[index], index
        while text.count('"') % 2 and index + 1 < len(pieces) and pieces[index + 1].count('"') % 2:
            index += 1
            text = f"{text} {pieces[index]}"
        lines.append((first, text))
        index += 1
    return lines
