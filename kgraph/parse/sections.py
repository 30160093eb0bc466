"""Find the six canonical sections by name (never by number) at any heading level."""

from __future__ import annotations

import re

from kgraph.parse.document import Line, LineKind, SectionKind
from kgraph.parse.inline import plain

# Bound once: on Python 3.11 each `LineKind.X` goes through the enum metaclass's `__getattr__`
# hook (a thousand instructions), and the parser reads them for every line.
_HEADING, _RULE, _TEXT = LineKind.HEADING, LineKind.RULE, LineKind.TEXT

_SECTION_NAMES: dict[SectionKind, re.Pattern[str]] = {
    SectionKind.KEY_THEMES: re.compile(r"key themes?"),
    SectionKind.CONTRARIAN_PERSPECTIVES: re.compile(r"contrarian (?:perspectives?|views?|takes?)"),
    # also `Companies & Organizations Identified`, `Key People Mentioned`
    SectionKind.COMPANIES: re.compile(
        r"(?:companies|organi[sz]ations)(?: ?(?:&|and|/) ?(?:companies|organi[sz]ations|institutions|entities))?"
        r"(?: (?:identified|mentioned|referenced|discussed))?"
    ),
    SectionKind.PEOPLE: re.compile(r"(?:key |notable )?people(?: (?:identified|mentioned|referenced|discussed))?"),
    SectionKind.OPERATING_INSIGHTS: re.compile(r"operating insights?"),
    SectionKind.OVERLOOKED_INSIGHTS: re.compile(r"overlooked insights?"),
}
_NUMBERING = re.compile(r"^(?:section\s+)?\d+\s*[.):]?\s*")
# (tried from each `(`, it reads on to the next `(` at most: to the line's end, a heading of open
# parentheses was read to its end from each)
_COUNT_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")
_NOT_WORD = re.compile(r"[^\w\s&/-]+")
# Headings after the last section that end it (summaries' closing remarks, model chatter).
_TRAILING_HEADING = re.compile(
    r"^(?:recommendations?|conclusions?|final thoughts|notes?|word count|timestamps?|"
    r"summary|bottom line|key takeaways?|sources?|references?|participants?)\b"
)
_TRAILING_LINE = re.compile(r"^\*\*(?:participants|word count)\*?\*?\s*:?|^<[a-z_]+>", re.I)
# A deeper heading that is nothing but a closing word (`## Recommendation` under `# 4. Operating Insights`).
_TRAILING_HEADING_ONLY = re.compile(_TRAILING_HEADING.pattern + r"$")
_CLOSING_AT_ITEM_LEVEL = re.compile(_TRAILING_HEADING.pattern + r"$|^word count\b")


def normalize_heading(text: str) -> str:
    """`[2. **Key Themes** (3 Themes)](url)` -> `key themes`."""
    name = plain(text).lower()
    name = _COUNT_SUFFIX.sub("", name)
    name = " ".join(_NOT_WORD.sub(" ", name).split())  # emoji first: `🔑 1. Key Themes`
    name = _NUMBERING.sub("", name)
    return name.rstrip(":")


def section_kind(line: Line) -> SectionKind | None:
    if line.kind != _HEADING or line.level > 3:
        return None
    return _named_section(line.text)


# A word every section name has: a heading whose plain text has none of them names no section.
# (Normalizing only blanks or drops characters, so a word of the name is a word of the plain text.)
_NAME_WORD = re.compile("theme|contrarian|compan|organi|people|insight")  # one scan, not one per word


def _named_section(heading: str) -> SectionKind | None:
    if _NAME_WORD.search(plain(heading).lower()) is None:
        return None
    name = normalize_heading(heading)
    for kind, pattern in _SECTION_NAMES.items():
        if pattern.fullmatch(name):
            return kind
    return None


# An ATX heading of level 1-3 (the parser knows no setext headings), its closing `#`s dropped.
_SECTION_LEVEL_HEADING = re.compile(r"^ {0,3}#{1,3}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)


def has_canonical_section(text: str) -> bool:
    """Whether a Markdown text has a heading `split_sections` takes for a canonical section: the
    quick test of "is this a summary" that reading a file makes before the whole parse."""
    return any(_named_section(match.group(1)) for match in _SECTION_LEVEL_HEADING.finditer(text))


def split_sections(lines: list[Line]) -> tuple[list[Line], list[tuple[SectionKind, Line, list[Line]]], list[Line]]:
    """(preamble, [(kind, heading, body lines)], trailing) for the body lines."""
    starts: list[tuple[int, SectionKind]] = []
    seen: set[SectionKind] = set()
    for index, line in enumerate(lines):
        kind = section_kind(line)
        if kind is not None and kind not in seen:
            seen.add(kind)
            starts.append((index, kind))
    if not starts:
        return lines, [], []
    preamble = lines[: starts[0][0]]
    sections = []
    for position, (start, kind) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        sections.append((kind, lines[start], lines[start + 1 : end]))
    last_kind, last_heading, last_body = sections[-1]
    cut = _end_of_last_section(last_heading, last_body)
    sections[-1] = (last_kind, last_heading, last_body[:cut])
    return preamble, sections, last_body[cut:]


def _end_of_last_section(heading: Line, body: list[Line]) -> int:
    """Where the final section stops: closing headings, a rule after its items, or trailing
    labelled blocks end it, so that closing remarks never become items or claims."""
    has_deeper_items = False
    has_content = False
    for index, line in enumerate(body):
        if line.kind == _HEADING:
            name = normalize_heading(line.text)
            if line.level < heading.level:
                return index
            # under an H3 section the items may be H3 too (`### Notes from the field matter`), so
            # only a heading that is nothing but a closing word ends it there
            closing = _TRAILING_HEADING if heading.level < 3 else _CLOSING_AT_ITEM_LEVEL
            if line.level == heading.level and (has_deeper_items or closing.match(name)):
                return index
            if line.level > heading.level and _TRAILING_HEADING_ONLY.match(name) and has_content:
                return index
            if line.level > heading.level:
                has_deeper_items = True
        elif line.kind == _RULE and has_content and not _item_follows(heading, body, index):
            return index
        elif line.kind == _TEXT and _TRAILING_LINE.match(line.text) and not line.quoted:
            return index
        if line.kind != _RULE:
            has_content = True
    return len(body)


def _item_follows(heading: Line, body: list[Line], index: int) -> bool:
    """A `---` between items of the last section is a separator, not its end."""
    following = next((line for line in body[index + 1 :] if line.kind != _RULE), None)
    if following is None:
        return False
    if following.kind == _HEADING:
        deeper = following.level > heading.level or (following.level == heading.level == 3)
        return deeper and not _TRAILING_HEADING.match(normalize_heading(following.text))
    return bool(re.match(r"^\*\*[^*]+\*\*\s*$", following.text)) and not _TRAILING_LINE.match(following.text)
