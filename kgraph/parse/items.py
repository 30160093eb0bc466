"""Split a section into items by the strongest marker it uses, and read labelled fields."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from kgraph.parse.document import Field, Item, Line, LineKind, Quote
from kgraph.parse.inline import plain

# Bound once: on Python 3.11 each `LineKind.X` goes through the enum metaclass's `__getattr__`
# hook (a thousand instructions), and the parser reads them for every line.
_HEADING, _TABLE_ROW, _TEXT = LineKind.HEADING, LineKind.TABLE_ROW, LineKind.TEXT

# Labels of sub-fields (lower case). A bold label outside this list followed by a quote is a
# speaker label (`**Jane:** "..."`), handled by attribution, not a field.
KNOWN_LABELS = frozenset(
    label.strip()
    for label in """description|why mentioned|why relevant|why notable|why it matters|why this matters|
    why important|why excellent|quote|quotes|key quote|key quotes|notable quote|notable quotes|
    quote/context|key quote/context|context|role|title|affiliation|background|substantiation|
    supporting evidence|evidence|facts/experience|facts|experience|implication|implications|
    tactical takeaway|tactical implication|tactical application|takeaway|note|theme|
    contrarian view|overlooked insight|lab/institution|institution/lab|institution|lab|
    metrics|excellence indicators|excellence rationale|person name|title/description|company|
    organization|relevance|significance|position|expertise|key insight|insight|data|key data|
    key point|key points|source|details|example|examples|relationship|what they do|focus|
    sector|industry|stage|funding|valuation|investors|products|product|founded|founder|
    founders|ceo|headquarters|location|website|ticker|status|title/affiliation|title/role|
    role/affiliation|company/project|mentioned|translation""".split("|")
)
_FIELD_PREFIXES = ("why ", "key ", "tactical ", "supporting ", "notable ", "excellence ")


def is_field_label(label: str) -> bool:
    label = " ".join(label.lower().split())
    return label in KNOWN_LABELS or label.startswith(_FIELD_PREFIXES)


# `**Label:** v`, `**Label**: v`, `*Label:* v`, `*Label*: v`, `Label: v` (optionally bulleted).
_BOLD_FIELD = re.compile(r"^\*\*([^*]{1,60}?)(?::\*\*|\*\*\s*:)\s*(.*)$")
_ITALIC_FIELD = re.compile(r"^\*([^*]{1,60}?)(?::\*|\*\s*:)\s*(.*)$")
_PLAIN_FIELD = re.compile(r"^([A-Za-z][A-Za-z /'-]{0,40}?):\s+(.*)$")
# A whole line in bold, with an optional qualifier or colon: `**Acme**`, `**Acme** *(Sponsor)*`.
_BOLD_LINE = re.compile(r"^\*\*(?P<name>[^*]+?)\*\*\s*(?P<qualifier>\*?\([^)]*\)\*?)?\s*:?\s*$")
# `**Acme** — description`, `**Acme** (qual) - description`, `**Acme:** description`.
_BOLD_LEAD = re.compile(
    r"^\*\*(?P<name>[^*]+?)(?::\*\*|\*\*\s*:|\*\*(?P<qualifier>\s*\*?\([^)]*\)\*?)?\s*(?:[—–|]|-\s|:))\s*(?P<rest>.*)$"
)
# `**A whole bold sentence.** Followed by prose`: an item whose title is the bold lead.
_BOLD_START = re.compile(r"^\*\*(?P<name>[^*\"][^*]{2,}?)\*\*\s+(?P<rest>\S.*)$")
# `**Jo Li**, Varde University. Lead author.`: an entry whose name a comma ends (entity sections only:
# in prose a bold phrase then a comma is a sentence).
_BOLD_COMMA = re.compile(r"^\*\*(?P<name>[^*\"][^*]{1,80}?)\*\*,\s+(?P<rest>\S.*)$")


def _without_symbols(text: str) -> str:
    """`🔥 **Take** — text` -> `**Take** — text`: a leading emoji or symbol decorates the marker."""
    index = 0
    while index < len(text) and (
        unicodedata.category(text[index]) in ("So", "Sk", "Mn", "Cf") or (index and text[index] == " ")
    ):
        index += 1
    return text[index:] if index and text[index : index + 2] == "**" else text


@lru_cache(maxsize=16384)
def read_field(text: str) -> tuple[str, str] | None:
    """(label, value) when `text` is a labelled field line with a known label (asked of most
    lines several times while items are found, hence the cache)."""
    first = text[:1]
    if first == "*":
        # the bold pattern opens with `**`, the italic one with `*` and no second star
        pattern = _BOLD_FIELD if text[1:2] == "*" else _ITALIC_FIELD
    elif "A" <= first <= "z" and text.find(":", 1, 42) > 0:
        pattern = _PLAIN_FIELD
    else:
        return None  # no pattern can match: a label opens with `*` or a letter, the plain one ends by `:`
    match = pattern.match(text)
    if match is None:
        return None
    label = plain(match.group(1))
    return (" ".join(label.lower().split()), match.group(2).strip()) if is_field_label(label) else None


def _bold_line(line: Line) -> bool:
    if line.kind != _TEXT or line.quoted or line.list_depth > 1:
        return False
    if line.list_depth == 1 and not line.bullet:
        return False
    match = _BOLD_LINE.match(_without_symbols(line.text))
    if not match or match.group("name").lstrip().startswith('"'):
        return False
    return not is_field_label(plain(match.group("name")).rstrip(":"))


def _bold_lead(line: Line) -> re.Match[str] | None:
    if line.kind != _TEXT or line.quoted or line.list_depth > 1:
        return None
    if line.list_depth == 1 and not line.bullet:
        return None
    match = _BOLD_LEAD.match(_without_symbols(line.text))
    if not match or match.group("name").lstrip().startswith('"'):
        return None
    if is_field_label(plain(match.group("name"))):
        return None
    return match


def _bold_comma(line: Line) -> re.Match[str] | None:
    if line.kind != _TEXT or line.quoted or line.list_depth > 1 or (line.list_depth == 1 and not line.bullet):
        return None
    match = _BOLD_COMMA.match(_without_symbols(line.text))
    return match if match is not None and not is_field_label(plain(match.group("name"))) else None


def _bold_start(line: Line) -> bool:
    if line.kind != _TEXT or line.quoted or line.list_depth > 1:
        return False
    if line.list_depth == 1 and not line.bullet:
        return False
    match = _BOLD_START.match(_without_symbols(line.text))
    return match is not None and not is_field_label(plain(match.group("name")).rstrip(":"))


def _markers(heading: Line, body: list[Line], entity_section: bool) -> list[int]:
    headings = [i for i, line in enumerate(body) if line.kind == _HEADING]
    deeper = [i for i in headings if body[i].level > heading.level]
    if deeper:
        level = min(body[i].level for i in deeper)
        marked = [i for i in deeper if body[i].level == level]
        return _with_bold_entries(body, marked) if entity_section else marked
    if headings:
        # items at the same level as the section heading
        return _with_bold_entries(body, headings) if entity_section else headings
    rows = [i for i, line in enumerate(body) if line.kind == _TABLE_ROW and not line.table_header]
    if rows and entity_section:
        return sorted({*rows, *_entries_beside_tables(body)})
    bold = [i for i, line in enumerate(body) if _bold_line(line)]
    if bold:
        return _with_plain_bullets(body, bold) if entity_section else bold
    leads = [i for i, line in enumerate(body) if _bold_lead(line)]
    if leads:
        return _with_plain_bullets(body, leads) if entity_section else leads
    starts = [i for i, line in enumerate(body) if _bold_start(line)]
    if starts:
        return starts
    commas = [i for i, line in enumerate(body) if entity_section and _bold_comma(line)]
    if commas:
        return commas
    if rows:  # an insight section made of a table; a table inside bold-line items is their data
        return rows
    if entity_section:  # plain bullets: each is an entry, but `- Why notable: ...` is a field of one
        return [i for i, line in enumerate(body) if _is_top_bullet(line) and read_field(line.text) is None]
    # an insight section written as a plain list (`- **Key Insight:** text`, `- text`): one item each
    return [i for i, line in enumerate(body) if _is_top_bullet(line)]


def _entries_beside_tables(body: list[Line]) -> list[int]:
    """Bold entries written outside the section's table (`**Jo Li**` + prose, then a table of
    others); a bold line right above a table is its caption, not an entry."""
    found = []
    for index, line in enumerate(body):
        caption = index + 1 < len(body) and body[index + 1].kind == _TABLE_ROW
        if not caption and (_bold_line(line) or _bold_lead(line)):
            found.append(index)
    return found


def _bold_entry(line: Line) -> str | None:
    """The name of a paragraph line that opens an entry by itself (`**Name**`, `**Name** — text`);
    colon leads are left out, since `**Jane:** text` under a heading entry is a speaker label."""
    if line.kind != _TEXT or line.quoted or line.list_depth:
        return None
    text = _without_symbols(line.text)
    match = _BOLD_LINE.match(text) if _bold_line(line) else None
    if match is None:
        lead = _bold_lead(line)
        if lead is None or lead.group(0)[lead.end("name") :].lstrip("*").lstrip().startswith(":"):
            return None
        if lead.group("rest").lstrip("*_ ").startswith(('"', "“")):
            return None
        match = lead
    return plain(match.group("name"))


def _with_bold_entries(body: list[Line], markers: list[int]) -> list[int]:
    """Heading entries plus bold-lead entries between them: `### **Jane Roe**` followed directly by
    `**Jo Li** — text` is two people, not Jo Li as Jane's description. A bold lead repeating the
    heading's own name is that entry's description line."""
    found = list(markers)
    for start, end in zip(markers, [*markers[1:], len(body)], strict=True):
        own = _name_key(plain(body[start].text))
        for index in range(start + 1, end):
            name = _bold_entry(body[index])
            if name and _name_key(name) != own:
                found.append(index)
                own = _name_key(name)
    return sorted(found)


def _name_key(text: str) -> str:
    """`1. Jane Roe (CEO)` -> `jane roe`."""
    text = re.sub(r"^\s*\d+\s*[.):]?\s+", "", re.sub(r"\([^)]*\)", " ", text))
    return " ".join(re.sub(r"[^\w\s]", " ", text).lower().split())


def _is_top_bullet(line: Line) -> bool:
    return line.kind == _TEXT and line.bullet and line.list_depth == 1 and not line.quoted


def _with_plain_bullets(body: list[Line], markers: list[int]) -> list[int]:
    """When every entry is a top-level bullet, a sibling bullet without bold (`- Jo Li (Org): text`)
    is an entry too."""
    if not all(_is_top_bullet(body[i]) for i in markers):
        return markers
    siblings = [
        i
        for i, line in enumerate(body)
        if _is_top_bullet(line) and read_field(line.text) is None and not line.text.lstrip().startswith(('"', "“"))
    ]
    return sorted(set(markers) | set(siblings))


def _title_and_rest(line: Line) -> tuple[str, str]:
    """The marker's title (inline Markdown) and any text after it on the same line."""
    if line.kind == _HEADING:
        return line.text, ""
    if line.kind == _TABLE_ROW:
        column = _name_column(line.header)
        return (line.cells[column] if column < len(line.cells) else ""), ""
    labelled = read_field(line.text)
    if labelled and line.bullet:  # a list-item insight: `- **Key Insight:** Tie contracts to lux`
        return labelled[1], ""
    match = _BOLD_LINE.match(_without_symbols(line.text))
    if match:
        return f"**{match.group('name')}** {match.group('qualifier') or ''}".strip(), ""
    match = _BOLD_LEAD.match(_without_symbols(line.text))
    if match:
        return f"**{match.group('name')}** {match.group('qualifier') or ''}".strip(), match.group("rest")
    match = _BOLD_START.match(_without_symbols(line.text)) or _BOLD_COMMA.match(_without_symbols(line.text))
    if match:
        return f"**{match.group('name')}**", match.group("rest")
    # A plain bullet: `Acme Corp: text`, `Acme Corp — text`, or just `Acme Corp`.
    parts = re.split(r"\s+[—–-]\s+|:\s+", line.text, maxsplit=1)
    return parts[0], parts[1] if len(parts) > 1 else ""


_NAME_HEADER = re.compile(r"company|person|people|name|organi[sz]ation|entity|project|firm|fund", re.I)


def _name_column(header: tuple[str, ...]) -> int:
    for index, cell in enumerate(header):
        if _NAME_HEADER.search(plain(cell)):
            return index
    return 0


def _fields(lines: list[Line]) -> list[Field]:
    fields: list[Field] = []
    for line in lines:
        if line.kind == _TABLE_ROW and not line.table_header:
            name_column = _name_column(line.header)
            for index, (label, value) in enumerate(zip(line.header, line.cells, strict=False)):
                if index != name_column and value:
                    key = " ".join(plain(label).lower().split())
                    fields.append(Field.made(key=key, value=value, line=line.number, plain=plain(value)))
        elif line.kind == _TEXT:
            found = read_field(line.text)
            if found and found[1]:
                fields.append(Field.made(key=found[0], value=found[1], line=line.number, plain=plain(found[1])))
    return fields


def split_items(
    heading: Line, body: list[Line], entity_section: bool, quotes_of: Callable[[list[Line]], tuple[Quote, ...]]
) -> tuple[list[Line], list[Item]]:
    """(lines before the first item or under a heading that is no item, items) for one section;
    `quotes_of` finds the quotations in an item's lines."""
    markers = _markers(heading, body, entity_section)
    if not markers:
        return body, []
    items = []
    loose: list[Line] = []  # under a non-item heading (`## Notable Quotes` between H3 items): no item's
    for rank, (start, end) in enumerate(zip(markers, [*markers[1:], len(body)], strict=True), start=1):
        marker = body[start]
        end = start + 1 if marker.kind == _TABLE_ROW else end
        if marker.kind == _HEADING and marker.level > heading.level:
            cut = next(
                (i for i in range(start + 1, end) if body[i].kind == _HEADING and body[i].level <= heading.level),
                end,
            )
            loose.extend(body[cut:end])
            end = cut
        item_lines = body[start:end]
        title, rest = _title_and_rest(marker)
        items.append(
            Item.made(
                title=title,
                line=marker.number,
                rank=rank,
                lines=tuple(item_lines),
                fields=tuple(_fields(item_lines)),
                inline_text=rest,
                title_plain=plain(title),
                inline_plain=plain(rest),
                quotes=quotes_of(item_lines),
            )
        )
    return [*body[: markers[0]], *loose], items
