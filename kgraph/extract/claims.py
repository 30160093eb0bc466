"""Claims: every quotation of five or more words, with its timestamp, the item it substantiates
and, where the text supports it, its speaker."""

from __future__ import annotations

from kgraph.document import Item, Line, LineKind, ParsedDocument, Quote, SectionKind
from kgraph.extract.attribution import Attributor, ItemContext, entry_speaks
from kgraph.extract.insights import INSIGHT_KIND
from kgraph.extract.results import AboutRef, ClaimEntry, EntityEntry, EntityKind
from kgraph.parse.quotes import normalize_clock, quotes_in_line


def _about(section: SectionKind, item: Item | None, entries: dict[int, EntityEntry]) -> AboutRef | None:
    if item is None:
        return None
    if section in INSIGHT_KIND:
        return AboutRef(insight=INSIGHT_KIND[section], rank=item.rank)
    entry = entries.get(item.line)
    return AboutRef(entity=entry.kind, name=entry.name) if entry else None


class _ClaimCollector:
    def __init__(self, attributor: Attributor):
        self.attributor = attributor
        self.claims: list[ClaimEntry] = []

    def walk(self, lines: tuple[Line, ...], context: ItemContext, about: AboutRef | None) -> None:
        for index, line in enumerate(lines):
            quotes = quotes_in_line(line)
            if not quotes:
                if line.kind == LineKind.TEXT and line.text:
                    self.attributor.update_subject(context, line.text)
                    self.attributor.lead_in_line(line.text, context)
                continue
            next_line = _next_in_block(lines, index)
            position = 0
            for quote in quotes:
                self.attributor.update_subject(context, line.text[position : quote.start])
                found = self.attributor.attribute(quote, context, next_line)
                self._add(quote, found.speaker, found.rule, about)
                position = quote.end + 1
            if line.kind == LineKind.TEXT:
                self.attributor.update_subject(context, line.text[position:])
            if not line.quoted and line.kind != LineKind.TABLE_ROW:
                context.pending, context.pending_blocked = None, False

    def _add(self, quote: Quote, speaker: str | None, rule: str | None, about: AboutRef | None) -> None:
        timestamp, seconds = normalize_clock(quote.timestamp) if quote.timestamp else (None, None)
        self.claims.append(
            ClaimEntry(
                text=quote.text,
                line=quote.line,
                position=len(self.claims),
                timestamp=timestamp,
                seconds=seconds,
                speaker=speaker,
                attribution=rule,
                about=about,
            )
        )


def _next_in_block(lines: tuple[Line, ...], index: int) -> str | None:
    if index + 1 < len(lines) and lines[index + 1].block == lines[index].block:
        return lines[index + 1].text
    return None


def extract_claims(document: ParsedDocument, attributor: Attributor, entities: list[EntityEntry]) -> list[ClaimEntry]:
    collector = _ClaimCollector(attributor)
    collector.walk(tuple(document.preamble), ItemContext(), None)
    entries: dict[int, EntityEntry] = {}
    for entry in entities:
        entries.setdefault(entry.line, entry)
    for section in document.sections:
        collector.walk(section.intro, ItemContext(), None)
        for item in section.items:
            about = _about(section.kind, item, entries)
            context = ItemContext()
            if section.kind == SectionKind.PEOPLE and about and about.entity == EntityKind.PERSON:
                owner = attributor.people.resolve(about.name or "")
                # In a podcast, quotes under a third party's entry are usually the guests' words.
                if owner in attributor.participants or not attributor.conversation:
                    context.owner = owner
                    context.owner_speaks = owner in attributor.participants or entry_speaks(
                        " ".join(line.text for line in item.lines)
                    )
            collector.walk(item.lines, context, about)
    return collector.claims
