"""Markdown structure through markdown-it-py: the body becomes a flat list of `Line`s that keep
heading levels, list depth, blockquotes and table cells."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from kgraph.parse.block_lines import heading_line, paragraph_lines, rule_line, table_row_line
from kgraph.parse.document import Line
from kgraph.parse.simple_blocks import simple_lines

# Model chatter such as `<budget_used>...</budget_used>` on lines of their own: never data.
_CHATTER_BLOCK = re.compile(r"^<([a-z][a-z0-9_]*)>\s*$.*?^</\1>\s*$", re.M | re.S)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # No setext headings: a `---` under a paragraph is a rule here, never an H2.
    # No indented code: summaries indent continuation lines, never code.
    # No inline pass: only the block structure and each inline token's raw `content` are read
    # (`plain` parses inline markup where it is needed); tokenizing it was half the parse.
    parser = MarkdownIt("commonmark", {"html": True}).enable("table").disable(["lheading", "code"])
    return parser.disable(["inline", "text_join"])


def blank_chatter(text: str) -> str:
    """Replace model chatter blocks with empty lines (line numbers stay right)."""
    if "</" not in text:  # no closing tag, no block: the scan is skipped
        return text
    return _CHATTER_BLOCK.sub(lambda match: "\n" * match.group(0).count("\n"), text)


def to_lines(text: str, first_line: int = 1, rows: list[str] | None = None) -> list[Line]:
    """Flatten Markdown `text` (whose first line is `first_line` of the file) into lines; `rows`:
    `text.split("\n")`, when the caller has it."""
    blanked = blank_chatter(text)
    if blanked is not text:  # chatter blanked: the caller's rows are not this text's
        rows = None
    lines = simple_lines(blanked, first_line, rows)
    return lines if lines is not None else parsed_lines(blanked, first_line)


def parsed_lines(text: str, first_line: int = 1) -> list[Line]:
    """`to_lines` through markdown-it's block parser, whatever the text (chatter already blanked)."""
    return _walk(_parser().parse(text), first_line)


def _first_line(token: Token) -> int:
    """0-based line of a block token (block tokens always carry their line map)."""
    assert token.map is not None
    return token.map[0]


def _walk(tokens: list[Token], offset: int) -> list[Line]:
    lines: list[Line] = []
    list_depth = 0
    quote_depth = 0
    block = 0
    item_start = False
    heading_level = 0
    table_header: tuple[str, ...] = ()
    row: list[str] = []
    row_line = 0
    in_head = False
    in_cell = False
    # the token kinds in the order of how often summaries have them (paragraphs' first)
    for token in tokens:
        kind = token.type
        if kind == "inline":
            if in_cell:
                row.append(token.content.strip())
                continue
            block += 1
            start = offset + _first_line(token)
            if heading_level:
                lines.append(heading_line(start, token.content.strip(), heading_level, block))
                heading_level = 0
                continue
            pieces = token.content.split("\n")
            lines += paragraph_lines(start, pieces, list_depth, item_start, quote_depth > 0, block)
            item_start = False
        elif kind == "paragraph_open" or kind == "paragraph_close" or kind == "heading_close":
            continue
        elif kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "td_open" or kind == "th_open":
            in_cell = True
        elif kind == "td_close" or kind == "th_close":
            in_cell = False
        elif kind == "hr":
            block += 1
            lines.append(rule_line(offset + _first_line(token), list_depth, quote_depth > 0, block))
        elif kind == "list_item_open":
            item_start = True
        elif kind == "bullet_list_open" or kind == "ordered_list_open":
            list_depth += 1
        elif kind == "bullet_list_close" or kind == "ordered_list_close":
            list_depth -= 1
        elif kind == "tr_open":
            row = []
            row_line = offset + _first_line(token)
        elif kind == "tr_close":
            cells = tuple(row)
            if in_head:
                table_header = cells
            lines.append(table_row_line(row_line, cells, table_header, in_head, list_depth, quote_depth > 0, block))
        elif kind == "thead_open":
            in_head = True
            block += 1
        elif kind == "thead_close":
            in_head = False
        elif kind == "html_block":
            block += 1  # raw HTML in a summary is never data
    return lines
