"""An organization's owner that its Companies heading names (`Cymer (ASML-owned)`, `Franka Robotics
(now part of Agile Robots)`, `Tidal (a Wharfly company)`): an organization the episode mentions,
though no entry lists it."""

from __future__ import annotations

import re

from kgraph.extract.organization_names import is_generic
from kgraph.extract.results import EntityEntry, EntityKind
from kgraph.names import fold
from kgraph.person_names import is_place

_NAME = r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}"
_OWNER = re.compile(
    rf"^(?i:(?:now\s+)?(?:(?:a\s+)?part|a\s+unit|unit|a\s+division|division|a\s+subsidiary|subsidiary)\s+of"
    rf"|(?:now\s+)?(?:owned|acquired|bought)\s+by|spun\s+out\s+of|spinout\s+of)\s+(?:the\s+)?(?P<of>{_NAME})$"
    rf"|^(?P<owned>{_NAME})[-\s](?i:owned|acquired)$"  # `ASML-owned`
    rf"|^(?i:an?)\s+(?P<company>{_NAME})\s+(?i:company|subsidiary|unit|division|brand)$"  # `a Wharfly company`
)


def heading_owners(entries: list[EntityEntry]) -> list[EntityEntry]:
    """Organizations the entries' heading qualifiers name as an owner, not listed themselves:
    each is mentioned by the episode (`own_entry` False)."""
    listed = {fold(form) for entry in entries for form in (entry.name, *entry.aliases)}
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
        for qualifier in entry.qualifiers:
            owner = _OWNER.match(qualifier.strip())
            if owner is None:
                continue
            name = owner.group("of") or owner.group("owned") or owner.group("company")
            if fold(name) in listed or fold(name) in people or is_place(name) or is_generic(name):
                continue
            listed.add(fold(name))
            found.append(entry.named_inside(name))
    return found
