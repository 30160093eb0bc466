"""An organization's owner that its Companies heading names (`Cymer (ASML-owned)`, `Franka Robotics
(now part of Agile Robots)`, `Tidal (a Wharfly company)`) or its entry's text (`acquired by Miro`,
`spun out of GE Vernova`): an organization the episode mentions, though no entry lists it."""

from __future__ import annotations

import re

from kgraph.data import organization_words
from kgraph.extract.organization_names import is_generic, openings
from kgraph.extract.results import MOST_NAMED, EntityEntry, EntityKind, listed_names
from kgraph.names import fold, looks_like_person_name
from kgraph.person_names import is_place

_NAME = r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}"
_OWNER = re.compile(
    rf"^(?i:(?:now\s+)?(?:(?:a\s+)?part|a\s+unit|unit|a\s+division|division|a\s+subsidiary|subsidiary)\s+of"
    rf"|(?:now\s+)?(?:owned|acquired|bought)\s+by|spun\s+out\s+of|spinout\s+of)\s+(?:the\s+)?(?P<of>{_NAME})$"
    rf"|^(?P<owned>{_NAME})[-\s](?i:owned|acquired)$"  # `ASML-owned`
    rf"|^(?i:an?)\s+(?P<company>{_NAME})\s+(?i:company|subsidiary|unit|division|brand)$"  # `a Wharfly company`
)

# The same in an entry's description or reason, where the name ends at the first word that is not
# capitalized (`Agreed to be acquired by Miro — an example`, `spun off from Alphabet's X`: Alphabet).
_OWNER_IN_TEXT = re.compile(
    r"\b(?:(?P<buyer>(?:acquired|bought|owned)\s+by)|spun\s+(?:out|off)\s+(?:of|from)|spin-?(?:out|off)\s+(?:of|from)"
    r"|subsidiary\s+of)\s+(?:the\s+)?"
    r"(?P<name>(?-i:[A-Z][\w&-]*(?:\.[A-Za-z]+)*(?:\s+(?:&\s+)?[A-Z][\w&-]*(?:\.[A-Za-z]+)*){0,3}))",
    re.I,
)


def heading_owners(entries: list[EntityEntry]) -> list[EntityEntry]:
    """Organizations the entries' heading qualifiers name as an owner, not listed themselves:
    each is mentioned by the episode (`own_entry` False)."""
    listed = listed_names(entries)
    # the first words of each listed name (`gilead` of `Gilead Sciences`)
    opened = openings({form: form for form in listed})
    # `Musk-owned` beside Elon Musk's entry: a person's name, or any of its words
    people = {
        form
        for entry in entries
        if entry.kind == EntityKind.PERSON
        for form in (fold(entry.name), *fold(entry.name).split())
    }
    found: list[EntityEntry] = []
    for entry in entries:
        if entry.kind != EntityKind.ORGANIZATION:
            continue
        named = [_OWNER.match(qualifier.strip()) for qualifier in entry.qualifiers]
        owners = [
            (owner.group("of") or owner.group("owned") or owner.group("company"), False) for owner in named if owner
        ]
        for text in (entry.description, entry.why_mentioned):
            if text and ("by " in text or "of " in text or "from " in text):  # (each lead-in holds one)
                owners.extend((_text_owner(owner), True) for owner in _OWNER_IN_TEXT.finditer(text))
        for name, in_text in owners:
            if not name or fold(name) in listed or fold(name) in people or is_place(name) or is_generic(name):
                continue
            if fold(name) in opened:
                continue  # `acquired by Gilead` beside the entry `Gilead Sciences`: that one
            listed.add(fold(name))
            # (in an entry's text, a name written in passing: no label vote; a heading's is stated)
            found.append(entry.named_inside(name, in_prose=in_text))
            if len(found) == MOST_NAMED:
                return found  # more than a summary ever names: a hostile text, not read on
    return found


def _text_owner(owner: re.Match[str]) -> str:
    """The owner a text names, or "" for a buyer written like a person (`acquired by Elon Musk`; a
    company is spun out of no person)."""
    name = owner.group("name")
    if owner.group("buyer") and " " in name and looks_like_person_name(name):
        return "" if fold(name) not in organization_words().named_like_people else name
    return name
