"""Affiliations stated in prose: `Thomas Dimson worked there` inside the Instagram entry."""

from __future__ import annotations

import re

from kgraph.extract.results import EntityEntry, EntityKind, PersonName
from kgraph.names import fold
from kgraph.parse.document import ParsedDocument, SectionKind

_WORKED = (
    r"(?:(?:has\s+)?(?:worked|works|work|working|spent\s+\w+\s+years?)\s+(?:\w+\s+){{0,3}}?(?:there|at\s+(?:the\s+)?{org})"
    r"|(?:founded|co-?founded|cofounded|leads|led|runs|ran|joined|heads|headed|started)\s+(?:it|the company|{org})"
    r"|(?:is|was|as)\s+(?:the\s+|a\s+)?(?:former\s+)?(?:ceo|cto|coo|cfo|founder|co-?founder|president|head|partner|"
    r"chief\s+\w+\s+officer|chair(?:man)?)\s+(?:of|at)\s+(?:it|the company|{org}))"
)

# A word every `_WORKED` alternative needs: checked first, because compiling the per-entry pattern
# is most of this extractor's time (and re's cache is too small to keep them across documents).
_WORKED_CUE = re.compile(
    r"\b(?:work|worked|works|working|spent|founded|co-?founded|cofounded|leads|led|runs|ran|joined|heads|"
    r"headed|started|ceo|cto|coo|cfo|founder|co-?founder|president|head|partner|chief|chair(?:man)?)\b",
    re.I,
)
# Text in which `str.lower` agrees with re.IGNORECASE: ASCII and caseless punctuation (dashes,
# curly quotes). Elsewhere case-insensitive matching has special folds (Kelvin sign, long s).
_LOWER_IS_IGNORECASE = re.compile(r"[\x00-\x7f\u2000-\u206f]*")


def _forms_in(text: str, forms: list[str]) -> list[str]:
    """The forms that can match `text` case-insensitively, in their order: a pattern of only
    those compiles in a fraction of the time and finds exactly the same matches."""
    if not _LOWER_IS_IGNORECASE.fullmatch(text):
        return forms
    lowered = text.lower()
    return [form for form in forms if not form.isascii() or form in lowered]


def affiliations_in_entries(
    document: ParsedDocument, people: list[PersonName], entities: list[EntityEntry]
) -> list[PersonName]:
    """People with affiliations added where a Companies entry says one of them works there."""
    section = document.section(SectionKind.COMPANIES)
    found: dict[str, list[str]] = {person.name: list(person.affiliations) for person in people}
    forms: dict[str, str] = {}
    for person in people:
        for form in (person.name, *person.aliases, person.name.split()[0]):
            forms.setdefault(form.lower(), person.name)
    if section is not None and forms:
        ordered = sorted(forms, key=len, reverse=True)
        by_line = {e.line: e for e in entities if e.kind == EntityKind.ORGANIZATION}
        for item in section.items:
            entry = by_line.get(item.line)
            if entry is None:
                continue
            text = " ".join(line.plain for line in item.lines[1:] if not line.quoted)
            text += " " + item.inline_plain
            present = _forms_in(text, ordered) if _WORKED_CUE.search(text) else []
            if not present:
                continue
            names = "|".join(re.escape(form) for form in present)
            pattern = re.compile(
                rf"\b(?P<who>{names})\b[^.\"]{{0,40}}?\b{_WORKED.format(org=re.escape(entry.name))}", re.I
            )
            for match in pattern.finditer(text):
                who = forms[match.group("who").lower()]
                if fold(entry.name) not in {fold(a) for a in found[who]}:
                    found[who].append(entry.name)
    return [person.model_copy(update={"affiliations": tuple(found[person.name])}) for person in people]
