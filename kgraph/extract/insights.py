"""Insights: one per item of Key Themes, Contrarian Perspectives, Operating and Overlooked Insights."""

from __future__ import annotations

import re

from kgraph.extract.results import InsightEntry
from kgraph.model import InsightKind
from kgraph.names import clean
from kgraph.parse.document import Item, LineKind, ParsedDocument, SectionKind
from kgraph.parse.inline import plain
from kgraph.unvalidated import made

INSIGHT_KIND = {
    SectionKind.KEY_THEMES: InsightKind.KEY_THEME,
    SectionKind.CONTRARIAN_PERSPECTIVES: InsightKind.CONTRARIAN_PERSPECTIVE,
    SectionKind.OPERATING_INSIGHTS: InsightKind.OPERATING_INSIGHT,
    SectionKind.OVERLOOKED_INSIGHTS: InsightKind.OVERLOOKED_INSIGHT,
}

# `Theme 2:`, `Insight #3 -`, `Contrarian Take 1:`, `Overlooked Insight 2:`, `Perspective 1:`, `3.`, `#2:`
_PREFIX = re.compile(
    r"^(?:(?:key\s+)?(?:theme|insight|overlooked insight|operating insight|contrarian(?:\s+(?:take|view|perspective))?|"
    r"perspective|take|view|lesson|point|idea)\s*#?\s*\d+\s*[:.)—–-]?\s*|#?\d+\s*[.):—–-]\s*|#\d+\s+)",
    re.I,
)
# `主题一：`, `观点 2:`, `洞察三、`: the same prefixes in Chinese item titles.
_CJK_PREFIX = re.compile(
    r"^(?:主题|观点|洞察|见解|要点|反共识|逆向观点|运营洞察|被忽视的洞察)\s*[一二三四五六七八九十\d]+\s*[：:、.．]\s*"
)
_EMOJI = re.compile(
    "^(?:[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\ufe0f\u200d\U0001f1e6-\U0001f1ff]+\\s*)+"
)


def clean_title(markdown: str) -> str:
    """`### **Theme 2: 🚀 Big Idea**` -> `Big Idea`."""
    return clean_plain_title(plain(markdown))


def clean_plain_title(text: str) -> str:
    """`clean_title` of a title already in plain text (`Item.title_plain`)."""
    title = text
    ascii_only = text.isascii()  # then neither a CJK prefix nor an emoji can open it
    for _ in range(3):  # prefixes can stack: `1. Theme 1: 🚀 ...`
        stripped = _PREFIX.sub("", title, count=1)
        stripped = (stripped if ascii_only else _EMOJI.sub("", _CJK_PREFIX.sub("", stripped))).strip()
        if stripped == title:
            break
        title = stripped
    return _unwrapped(clean(title)) or clean(text)


_WRAPPING_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’"}


def _unwrapped(title: str) -> str:
    """`"Quoted title"` -> `Quoted title`, but `"Dark Sky" Rules Spread` keeps its quotes."""
    close = _WRAPPING_QUOTES.get(title[:1])
    if close and len(title) > 2 and title.endswith(close) and close not in title[1:-1]:
        return title[1:-1].strip()
    return title


def item_text(item: Item) -> str:
    """The item's body as plain text, one line per source line; the marker line's title excluded."""
    lines = []
    if item.inline_text:
        lines.append(item.inline_plain)
    for line in item.lines[1:]:
        if line.kind == LineKind.TEXT and line.text:
            lines.append(line.plain)
        elif line.kind == LineKind.TABLE_ROW:
            lines.append(" | ".join(line.cells_plain))
    if item.lines and item.lines[0].kind == LineKind.TABLE_ROW:
        lines.extend(item.lines[0].cells_plain[1:])
    return "\n".join(line for line in lines if line)


def extract_insights(document: ParsedDocument) -> list[InsightEntry]:
    insights = []
    for section in document.sections:
        kind = INSIGHT_KIND.get(section.kind)
        if kind is None:
            continue
        for item in section.items:
            # `InsightEntry(kind=..., ...)` without validation (an insight per item): every value
            # is already of its field's type, given in field order
            values = {
                "kind": kind,
                "rank": item.rank,
                "title": clean_plain_title(item.title_plain),
                "text": item_text(item),
                "line": item.line,
            }
            insights.append(made(InsightEntry, values, set(values)))
    return insights
