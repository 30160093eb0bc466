"""Organizations and people from Companies Identified / People Identified, in every entry shape."""

from __future__ import annotations

import re

from kgraph.document import Item, LineKind, ParsedDocument, SectionKind
from kgraph.extract.insights import clean_title
from kgraph.extract.results import EntityEntry, EntityKind
from kgraph.names import (
    clean,
    has_cjk,
    is_placeholder,
    looks_like_person_name,
    split_qualifiers,
    strip_honorific,
)
from kgraph.parse.inline import plain

_DESCRIPTION_KEYS = ("description", "title/description", "what they do", "background", "role", "title")
_WHY_KEYS = ("why mentioned", "why relevant", "why notable", "why relevant to the episode", "context",
             "relevance", "significance", "mentioned", "why it matters", "why important")
_AFFILIATION_KEYS = ("affiliation", "lab/institution", "institution/lab", "institution", "lab",
                     "title/affiliation", "role/affiliation", "company", "organization")
_DESCRIPTOR = re.compile(r"\s+[—–]\s+.*$|\s+-\s+(?=[A-Z]).*$")
_ALIAS_QUALIFIER = re.compile(r"^(?:formerly|aka|a\.k\.a\.|now|previously|also known as)\s+(.+)$", re.I)
_ACRONYM = re.compile(r"^(?:(?:NYSE|NASDAQ|Nasdaq|TSE|HKEX|LSE)\s*:\s*)?([A-Z][A-Z0-9.&-]{1,9})$")
_ROLE_OF = re.compile(r"\b(?:of|at|@)\s+(?P<org>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})")
_PLACEHOLDER_ENTITY = re.compile(r"^\[.*\]$|\bunnamed\b|\bunknown\b|\bunidentified\b", re.I)
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+(?:and|&)\s+")
_ORG_LIST = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_ROLE_WORD = re.compile(r"\b(?:ceo|cto|coo|cfo|founder|co-?founder|former|partner|host|chair|president|"
                        r"head|director|investor|member|senator|rep|representative|judge)\b", re.I)
_PARTY = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")
_NOT_FOUND = re.compile(r"^(?:none|n/a|no (?:companies|people|organizations))\b", re.I)


def _field(item: Item, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        for field in item.fields:
            if field.key == key and field.value:
                return clean(plain(field.value))
    return None


def _prose_description(item: Item) -> str | None:
    """The first prose line of an entry that is neither a labelled field nor only a quote."""
    if item.inline_text:
        return clean(plain(item.inline_text)) or None
    for line in item.lines[1:]:
        if line.kind != LineKind.TEXT or line.quoted or not line.text:
            continue
        if any(field.line == line.number for field in item.fields):
            continue
        text = clean(plain(line.text))
        if text and not text.startswith('"'):
            return text
    return None


# A People entry described as a firm, fund or lab is an organization filed in the wrong section.
_ORGANIZATION_DESCRIPTION = re.compile(
    r"^(?:an? |the )?(?:[\w&'’-]+ ){0,3}(?:firm|company|fund|lab|laboratory|startup|bank|agency|university|"
    r"institute|organization|organisation|publication|newsletter|outlet)\b", re.I)


def _split_names(name: str, kind: EntityKind) -> list[str]:
    """`A / B` -> both; people lists `A, B and C` -> each, when every part looks like a name."""
    if " / " in name or (kind == EntityKind.PERSON and "/" in name):
        parts = [part.strip() for part in re.split(r"\s*/\s*", name) if part.strip()]
        if kind == EntityKind.ORGANIZATION or all(looks_like_person_name(p) for p in parts):
            return parts
    if kind == EntityKind.PERSON and _LIST_SEPARATOR.search(name):
        parts = [part.strip() for part in _LIST_SEPARATOR.split(name) if part.strip()]
        if len(parts) > 1 and all(looks_like_person_name(p) and " " in p for p in parts):
            return parts
    if kind == EntityKind.ORGANIZATION and _ORG_LIST.search(name):
        parts = [part.strip() for part in _ORG_LIST.split(name) if part.strip()]
        if len(parts) > 1 and all(re.match(r"[A-Z0-9]", p) and len(p.split()) <= 4 for p in parts):
            return parts  # `Lovable, Bolt, Replit`, `Socket and Snyk`: several companies in one entry
    return [name]


def _entry_names(title: str, kind: EntityKind) -> tuple[list[str], list[str], list[str], list[str]]:
    """(names, aliases, qualifiers, affiliations) from an entry's title."""
    text = clean_title(title)
    bare, qualifiers = split_qualifiers(text)
    bare = _DESCRIPTOR.sub("", bare).strip()
    aliases, kept, affiliations = [], [], []
    for qualifier in qualifiers:
        alias = _ALIAS_QUALIFIER.match(qualifier)
        acronym = _ACRONYM.match(qualifier)
        if has_cjk(qualifier) and len(qualifier) <= 12:
            aliases.append(qualifier)
        elif alias:
            aliases.append(alias.group(1).strip())
        elif acronym and kind == EntityKind.ORGANIZATION:
            aliases.append(acronym.group(1))
        else:
            kept.append(qualifier)
            if kind == EntityKind.PERSON:
                affiliations.extend(_affiliations_from(qualifier))
    if "/" in bare and kind == EntityKind.ORGANIZATION and " / " not in bare and len(bare) < 40:
        first, *others = [part.strip() for part in bare.split("/") if part.strip()]
        return [first], [*aliases, *others], kept, affiliations
    return _split_names(bare, kind), aliases, kept, affiliations


def _affiliations_from(text: str) -> list[str]:
    """`CEO of Acme` / `Partner at Acme` / `Acme` (a bare organization name) -> [`Acme`]."""
    text = clean(plain(text))
    match = _ROLE_OF.search(text)
    if match and not _ROLE_WORD.search(match.group("org")):
        return [match.group("org").strip()]
    if (re.fullmatch(r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}", text) and not looks_like_person_name(text)
            and not _ROLE_WORD.search(text) and not _PARTY.match(text)):
        return [text]
    return []


def _entries(item: Item, kind: EntityKind) -> list[EntityEntry]:
    names, aliases, qualifiers, affiliations = _entry_names(item.title, kind)
    description = _field(item, _DESCRIPTION_KEYS) or _prose_description(item)
    why = _field(item, _WHY_KEYS)
    if description and " | " in description:  # `**Name** | description | why mentioned`
        parts = [part.strip() for part in description.split(" | ")]
        description, why = parts[0], why or (parts[1] if len(parts) > 1 else None)
    if kind == EntityKind.PERSON:
        stated = _field(item, _AFFILIATION_KEYS)
        if stated:
            affiliations.extend(org for part in re.split(r";|,\s+(?=[A-Z])", stated) for org in _affiliations_from(part))
    # `A / B` with a `Org A / Org B` line under it: each gets their own part (`A and B — X / Y`
    # may as well mean both at both, so only a slash pair is paired)
    slash_pair = len(names) > 1 and "/" in split_qualifiers(clean_title(item.title))[0]
    shared = description.split(" / ") if description and slash_pair else []
    paired = len(shared) == len(names)
    entries = []
    for index, name in enumerate(names):
        own_description, own_affiliations = description, affiliations
        if paired:
            own_description = shared[index].strip()
            if kind == EntityKind.PERSON:
                own_affiliations = [*affiliations, *_affiliations_from(own_description)]
        name = clean(name)
        if not name or _NOT_FOUND.match(name) or _PLACEHOLDER_ENTITY.search(name) or is_placeholder(name):
            continue
        written = name
        own_kind = kind
        if kind == EntityKind.PERSON and " " not in name and _ORGANIZATION_DESCRIPTION.match(own_description or ""):
            own_kind = EntityKind.ORGANIZATION  # `**Sequoia** | Top-tier VC firm` filed under People
        if own_kind == EntityKind.PERSON and re.search(r"\w['’]s\s", name):
            continue  # `Jo Lee's Wife`, `Garrett's PDDLStream`: someone's relation or work, not a name
        if own_kind == EntityKind.PERSON:
            name = strip_honorific(name)  # `Sen. Jane Roe` is Jane Roe; the written form stays an alias
            if not (looks_like_person_name(name) or has_cjk(name)) or name.split()[0] in ("The", "A", "An"):
                continue
        entries.append(EntityEntry(
            kind=own_kind, name=name, aliases=tuple(dict.fromkeys(a for a in (*aliases, written) if a != name)),
            qualifiers=tuple(qualifiers), description=own_description, why_mentioned=why,
            affiliations=tuple(dict.fromkeys(own_affiliations)), line=item.line, rank=item.rank,
        ))
    return entries


def extract_entities(document: ParsedDocument) -> list[EntityEntry]:
    found: list[EntityEntry] = []
    for section_kind, kind in ((SectionKind.COMPANIES, EntityKind.ORGANIZATION), (SectionKind.PEOPLE, EntityKind.PERSON)):
        section = document.section(section_kind)
        if section is None or section.empty:
            continue
        for item in section.items:
            found.extend(_entries(item, kind))
    return found
