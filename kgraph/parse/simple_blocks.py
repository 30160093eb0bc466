"""The block structure summaries are written in, read line by line without markdown-it: ATX
headings, paragraphs, `-` / `*` / `+` / numbered lists nested by indentation, blockquotes, pipe
tables and rules. `simple_lines` gives the same `Line`s as markdown-it's block pass read by
`markdown._walk`, or None for a text with anything else (HTML, fences, tabs, odd indentation,
empty list items, headings or tables inside list items, ...), which markdown-it then reads. A
differential test holds the two paths to each other.

The rules below follow markdown-it-py's block rules (`rules_block/*.py`) with the parser's
configuration in `markdown._parser` (no setext headings, no indented code)."""

from __future__ import annotations

import re

from markdown_it.common.utils import MD_TRIM_CHARS
from markdown_it.rules_block.table import MAX_AUTOCOMPLETED_CELLS, escapedSplit

from kgraph.parse.block_lines import heading_line, paragraph_lines, rule_line, table_row_line
from kgraph.parse.document import Line

_Row = tuple[int, str]  # (0-based line index in the text, the line without container markers)
_DELIMITER_CHARS = frozenset("|-: ")
_ALIGNMENT = re.compile(r"^:?-+:?$")  # a delimiter cell
# Blockquotes within blockquotes, lists within lists: deeper is the parser's (whose nesting of
# block tokens stops at 20 levels; a quote is one, a list two, a paragraph one).
_MAX_NESTED = 4


class _Unsure(Exception):
    """The text has a construct this reader does not reproduce exactly."""


def simple_lines(text: str, first_line: int = 1, rows: list[str] | None = None) -> list[Line] | None:
    """The lines of `text` (after `markdown.blank_chatter`) as `markdown.to_lines` has them, or
    None when the text has a construct only markdown-it reads; `rows`: `text.split("\n")`, when
    the caller has it."""
    if "\t" in text or "\r" in text or "\0" in text:  # tab stops, line ends and NUL: the parser's
        return None
    reader = _Reader(first_line, references="]:" in text)
    try:
        reader.region(list(enumerate(text.split("\n") if rows is None else rows)), quotes=0)
    except _Unsure:
        return None
    return reader.lines


def _heading(text: str) -> int:
    """The level of an ATX heading line (no indentation), 0 if none."""
    level = len(text) - len(text.lstrip("#"))
    if level == 0 or level > 6 or (len(text) > level and text[level] != " "):
        return 0
    return level


def _heading_text(text: str, level: int) -> str:
    """markdown-it's heading content: a closing `#` run goes when a space precedes it."""
    body = text[level:].rstrip(" ")
    cut = body.rstrip("#")
    if cut and cut[-1] == " ":
        body = cut
    return body.strip()


_RULE_CHARS = {"*": "* ", "-": "- ", "_": "_ "}


def _is_rule(text: str) -> bool:
    chars = _RULE_CHARS.get(text[0])
    # nothing but the marker and spaces: `strip` stops at the first other character from either end
    return chars is not None and not text.strip(chars) and text.count(text[0]) >= 3


def _list_marker(text: str) -> tuple[bool, int, int] | None:
    """(ordered, value, width) of a list item marker starting `text`, None if it has none."""
    first = text[0]
    if first in "*-+":
        if len(text) > 1 and text[1] != " ":
            return None
        return False, 0, 1
    if not "0" <= first <= "9":
        return None
    position = 1
    while position < len(text) and "0" <= text[position] <= "9":
        position += 1
        if position >= 10:
            return None
    if position >= len(text) or text[position] not in ".)":
        return None
    width = position + 1
    if len(text) > width and text[width] != " ":
        return None
    return True, int(text[:position]), width


def _md_trim(text: str) -> str:
    return text.strip(MD_TRIM_CHARS)


def _delimiter_count(row: str) -> int:
    """The number of columns a table's delimiter row gives, 0 if it is none (markdown-it's test)."""
    line = row.lstrip(" ")
    if len(line) < 2 or line[0] not in "|-:" or line[1] not in "|-: " or (line[0] == "-" and line[1] == " "):
        return 0
    if not _DELIMITER_CHARS.issuperset(line):
        return 0
    columns = line.split("|")
    count = 0
    for index, column in enumerate(columns):
        cell = _md_trim(column)
        if not cell:
            if index == 0 or index == len(columns) - 1:
                continue
            return 0
        if not _ALIGNMENT.match(cell):
            return 0
        count += 1
    return count


def _cells(text: str) -> list[str]:
    text = _md_trim(text)
    columns = text.split("|") if "\\" not in text else escapedSplit(text)  # the same without escapes
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    return columns


def _table_columns(rows: list[_Row], index: int, lazy: set[int]) -> int:
    """The column count of a table whose header is `rows[index]`, 0 if no table starts there."""
    header = rows[index][1]
    if "|" not in header or index + 1 >= len(rows) or rows[index + 1][0] in lazy:
        return 0
    count = _delimiter_count(rows[index + 1][1])
    if not count or "|" not in _md_trim(header.lstrip(" ")):
        return 0
    return count if len(_cells(header.lstrip(" "))) == count else 0


class _Reader:
    def __init__(self, first_line: int, references: bool) -> None:
        self.lines: list[Line] = []
        self.block = 0
        self.first_line = first_line
        self.references = references  # a `]:` somewhere: a paragraph opening with `[` may be a definition
        self.lazy: set[int] = set()  # lines that continue a blockquote's paragraph without a `>`

    def region(self, rows: list[_Row], quotes: int) -> None:
        """Read a run of lines with nothing around them: the text, or the inside of the `quotes`th
        nested blockquote."""
        quoted = quotes > 0
        items: list[int] = []  # content columns of the open list items, outermost first
        markers: list[str] = []  # the marker character of each one's list (`-`, `*`, `+`, `.`, `)`)
        paragraph: list[_Row] = []
        paragraph_depth = 0
        paragraph_bullet = False
        index = 0
        while index < len(rows):
            number, raw = rows[index]
            if self.lazy and number in self.lazy:
                if not paragraph or raw.strip() != raw.strip(" "):
                    raise _Unsure  # markdown-it ends the quote here; or odd white space
                paragraph.append((number, raw.strip()))
                index += 1
                continue
            text = raw.lstrip(" ")
            if not text:
                if paragraph:
                    self._paragraph(paragraph, paragraph_depth, paragraph_bullet, quoted)
                    paragraph = []
                index += 1
                continue
            if text.strip() != text.rstrip(" "):  # white space other than spaces at an edge
                raise _Unsure
            indent = len(raw) - len(text)
            depth = len(items)
            while depth and indent < items[depth - 1]:
                depth -= 1
            base = items[depth - 1] if depth else 0
            if paragraph:
                if depth == len(items) and indent - base > 3:
                    paragraph.append((number, text))  # deep indentation: always a continuation
                    index += 1
                    continue
                if not self._interrupts(rows, index, text, inside=depth == len(items), in_list=bool(items)):
                    paragraph.append((number, text))  # outdented from a list item: a lazy continuation
                    index += 1
                    continue
                self._paragraph(paragraph, paragraph_depth, paragraph_bullet, quoted)
                paragraph = []
            # a block starts on this line
            if indent != base:
                raise _Unsure
            first = text[0]
            if first.isalpha() and "|" not in text:
                # a letter opens no list item, quote, rule, heading, fence or HTML, and with no `|`
                # the line heads no table: a paragraph (the commonest line) without those tests
                del items[depth:], markers[depth:]
                paragraph, paragraph_depth, paragraph_bullet = [(number, text)], depth, False
                index += 1
                continue
            marker = None
            if depth < len(items) and not (first == ">" or (first in "*-_" and _is_rule(text))):
                # an open list reads an item of its own kind here before any other rule is tried
                marker = _list_marker(text)
                if marker is not None and text[marker[2] - 1] != markers[depth]:
                    marker = None
            del items[depth:], markers[depth:]
            if marker is None:
                columns = _table_columns(rows, index, self.lazy)
                if columns:
                    if depth:
                        raise _Unsure
                    index = self._table(rows, index, columns, quoted)
                    continue
                if first == ">":
                    if depth:
                        raise _Unsure
                    index = self._quote(rows, index, quotes + 1)
                    continue
                if first in "*-_" and _is_rule(text):
                    if depth:
                        raise _Unsure
                    self._rule(number, quoted)
                    index += 1
                    continue
                marker = _list_marker(text)
            if marker is not None:
                if len(items) == _MAX_NESTED:
                    raise _Unsure  # markdown-it stops nesting at a depth (`maxNesting`)
                content, column = self._item(rows, index, text, marker[2])
                items.append(indent + column)
                markers.append(text[marker[2] - 1])
                paragraph, paragraph_depth, paragraph_bullet = [(number, content)], len(items), True
                index += 1
                continue
            level = _heading(text) if first == "#" else 0
            if level:
                if depth:
                    raise _Unsure
                self._heading(number, text, level)
                index += 1
                continue
            self._check_paragraph_start(text)
            paragraph, paragraph_depth, paragraph_bullet = [(number, text)], depth, False
            index += 1
        if paragraph:
            self._paragraph(paragraph, paragraph_depth, paragraph_bullet, quoted)

    def _check_paragraph_start(self, text: str) -> None:
        first = text[0]
        if first == "<" or (first in "`~" and text.startswith(("```", "~~~"))):
            raise _Unsure  # HTML block, fence
        if first == "[" and self.references:
            raise _Unsure  # perhaps a link reference definition

    def _interrupts(self, rows: list[_Row], index: int, text: str, inside: bool, in_list: bool) -> bool:
        """Whether line `index` ends the open paragraph (markdown-it's paragraph terminators);
        `inside`: the line is indented into the paragraph's container (else it is outdented
        from a list item)."""
        first = text[0]
        if first.isalpha() and "|" not in text:  # as in `region`: no block opens with a letter, no table without `|`
            return False
        if _table_columns(rows, index, self.lazy):
            if in_list:
                raise _Unsure
            return True
        if first == "<" or (first in "`~" and text.startswith(("```", "~~~"))):
            raise _Unsure
        if first == ">" or (first in "*-_" and _is_rule(text)):
            return True
        marker = _list_marker(text)
        if marker is not None:
            ordered, value, width = marker
            empty = not text[width:].strip(" ")
            if empty:
                raise _Unsure
            # a list interrupts a paragraph of its own container only with a bullet or `1.`
            return not (inside and ordered and value != 1)
        if "|" in text and in_list and index + 1 < len(rows) and _delimiter_count(rows[index + 1][1]):
            raise _Unsure  # a table the list's indentation may or may not allow
        return first == "#" and _heading(text) > 0

    def _item(self, rows: list[_Row], index: int, text: str, width: int) -> tuple[str, int]:
        """The first line's content of a list item and its content column (relative)."""
        rest = text[width:]
        content = rest.lstrip(" ")
        spaces = len(rest) - len(content)
        if not content or spaces > 4:
            raise _Unsure  # an empty item, or one opening with indented text
        first = content[0]
        if first in "#>" or (first in "*-_" and _is_rule(content)) or _list_marker(content) is not None:
            raise _Unsure  # an item opening with another block
        self._check_paragraph_start(content)
        if "|" in content and index + 1 < len(rows) and _delimiter_count(rows[index + 1][1]):
            raise _Unsure
        return content, width + spaces

    def _quote(self, rows: list[_Row], index: int, quotes: int) -> int:
        """Read the blockquote starting at `index` (the `quotes`th nested); the index of the line
        after it."""
        if quotes > _MAX_NESTED:
            raise _Unsure  # markdown-it stops nesting at a depth (`maxNesting`)
        end = index
        inner: list[_Row] = []
        last_empty = False
        while end < len(rows):
            number, raw = rows[end]
            if raw.startswith(">"):
                text = raw[2:] if raw[1:2] == " " else raw[1:]
                last_empty = not text.strip(" ")
                inner.append((number, text))
                end += 1
                continue
            text = raw.lstrip(" ")
            if not text or last_empty:
                break
            if number not in self.lazy:
                if text[0] == ">":
                    raise _Unsure  # an indented marker
                if self._ends_quote(text):
                    break
                self.lazy.add(number)
            inner.append((number, raw))  # a lazy continuation of the quote's last paragraph
            end += 1
        self.region(inner, quotes)
        return end

    def _table(self, rows: list[_Row], index: int, count: int, quoted: bool) -> int:
        self.block += 1
        header = tuple(cell.strip() for cell in _cells(rows[index][1].lstrip(" ")))
        self._row(rows[index][0], header, header, True, quoted)
        autocompleted = 0
        end = index + 2
        while end < len(rows):
            text = rows[end][1].lstrip(" ")
            if rows[end][0] in self.lazy:
                raise _Unsure  # markdown-it ends the quote around the table here
            if not _md_trim(text) or self._ends_quote(text):
                break
            columns = _cells(text)
            autocompleted += count - len(columns)
            if autocompleted > MAX_AUTOCOMPLETED_CELLS:
                break
            cells = tuple(columns[column].strip() if column < len(columns) else "" for column in range(count))
            self._row(rows[end][0], cells, header, False, quoted)
            end += 1
        return end

    def _ends_quote(self, text: str) -> bool:
        """Whether a line ends a blockquote or a table (markdown-it's blockquote terminators)."""
        first = text[0]
        if first == "<" or (first in "`~" and text.startswith(("```", "~~~"))):
            raise _Unsure
        if first == ">" or (first in "*-_" and _is_rule(text)) or _list_marker(text) is not None:
            return True
        return first == "#" and _heading(text) > 0

    def _row(self, number: int, cells: tuple[str, ...], header: tuple[str, ...], head: bool, quoted: bool) -> None:
        self.lines.append(table_row_line(self.first_line + number, cells, header, head, 0, quoted, self.block))

    def _rule(self, number: int, quoted: bool) -> None:
        self.block += 1
        self.lines.append(rule_line(self.first_line + number, 0, quoted, self.block))

    def _heading(self, number: int, text: str, level: int) -> None:
        self.block += 1
        self.lines.append(heading_line(self.first_line + number, _heading_text(text, level), level, self.block))

    def _paragraph(self, rows: list[_Row], depth: int, bullet: bool, quoted: bool) -> None:
        self.block += 1
        start = self.first_line + rows[0][0]
        self.lines += paragraph_lines(start, [text for _, text in rows], depth, bullet, quoted, self.block)
