"""Participants: the `**Participants:**` list, cleaned of placeholders, roles and outlets."""

from __future__ import annotations

import re

from kgraph.document import LineKind, ParsedDocument
from kgraph.extract.entities import affiliations_from
from kgraph.extract.people import expand_first_name, full_names_in_text, text_passages
from kgraph.extract.results import PersonName
from kgraph.names import (
    clean,
    fold,
    has_cjk,
    is_placeholder,
    looks_like_person_name,
    looks_like_publication,
    split_camel_case,
    split_outside_parentheses,
    split_qualifiers,
    strip_honorific,
)
from kgraph.parse.inline import plain

_ROLE_PREFIX = re.compile(r"^(?:co-?host|host|guest|moderator|interviewer)\s*:?\s+(?=[A-Z\u3400-\u9fff])", re.I)
_DASH_ROLE = re.compile(r"\s+[—–]\s+(?P<role>.+)$|\s+-\s+(?P<role2>[A-Z].*)$")
_FROM = re.compile(r"^(?P<name>.+?)\s+(?:from|of|at)\s+(?P<org>[A-Z].*)$")
_AFFILIATION_QUALIFIER = re.compile(
    r"^(?:(?:co-?founder|founder|ceo|cto|coo|cfo|partner|general partner|gp|head|president|"
    r"chair(?:man)?|director|vp|professor|researcher|engineer|investor|managing director)"
    r"(?:\s*(?:&|and|,)\s*\w+)*\s+(?:of|at)\s+)(?P<org>.+)$",
    re.I,
)
_FROM_QUALIFIER = re.compile(r"^(?:from|of|at)\s+(?:the\s+)?(?P<org>[A-Z].*)$")  # `Nora (from Halden Ventures)`
_ARTICLES = ("The", "A", "An")
_ROLE_THEN_ORG = re.compile(
    r"^(?:co-?host|host|guest|moderator|interviewer|panelist|founder|co-?founder|ceo|cto|partner|investor)"
    r"\s*,\s*(?P<org>[A-Z][\w.&'’-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\w.&'’-]*){0,5})$", re.I)
_ROLE_QUALIFIER = re.compile(r"^(?:co-?host|host|guest|moderator|interviewer|narrator|author|producer)$", re.I)


def _entry(raw: str, podcast: str) -> PersonName | None:
    text = clean(plain(raw))
    text = _ROLE_PREFIX.sub("", text)
    bare, qualifiers = split_qualifiers(text)
    if is_placeholder(text) or is_placeholder(bare):
        return None
    aliases: list[str] = []
    affiliations: list[str] = []
    dash = _DASH_ROLE.search(bare)
    if dash and looks_like_person_name(bare[: dash.start()]):  # `Jane Roe — CEO, Acme`
        affiliations.extend(affiliations_from(dash.group("role") or dash.group("role2")))
        bare = bare[: dash.start()]
    if strip_honorific(bare) != bare:  # `Dr. Jane Roe` is Jane Roe, as the body calls her
        aliases.append(bare)
        bare = strip_honorific(bare)
    match = _FROM.match(bare)
    if match and looks_like_person_name(match.group("name")):
        bare = match.group("name")
        affiliations.append(match.group("org"))
    for qualifier in qualifiers:
        if has_cjk(qualifier) and len(qualifier) <= 6:
            aliases.append(qualifier)
        elif has_cjk(bare) and looks_like_person_name(qualifier) and " " in qualifier:
            aliases.append(qualifier)  # `林海 (Lin Hai)`: the romanisation
        elif (found := _AFFILIATION_QUALIFIER.match(qualifier) or _FROM_QUALIFIER.match(qualifier)) is not None:
            affiliations.append(found.group("org").strip())
        elif "," in qualifier and (stated := affiliations_from(qualifier)):
            affiliations.extend(org for org in stated if fold(org) != fold(podcast))  # `(CEO, Acme)`
        elif (found := _ROLE_THEN_ORG.match(qualifier)) is not None and fold(found.group("org")) != fold(podcast):
            affiliations.append(found.group("org").strip())  # `(Guest, Quarrymen Union)`
        elif _ROLE_QUALIFIER.match(qualifier) or re.search(r"unnamed|unknown|credit", qualifier, re.I):
            continue
    bare = split_camel_case(bare) if " " not in bare else bare
    host_named_show = len(bare.split()) >= 2 and fold(bare) == fold(podcast) and looks_like_person_name(bare)
    if looks_like_publication(bare, podcast) and not host_named_show:  # `Lex Fridman` hosts `Lex Fridman`
        return None
    if bare.split()[0] in _ARTICLES:  # `The Generalist`
        return None
    if not (looks_like_person_name(bare) or (has_cjk(bare) and len(bare) <= 6)):
        return None
    return PersonName(name=bare, aliases=tuple(aliases), affiliations=tuple(affiliations))


def _listed(value: str, podcast: str) -> list[PersonName]:
    entries = [_entry(raw, podcast) for raw in split_outside_parentheses(value, ",;")]
    return [person for person in entries if person is not None]


def _participant_lists(document: ParsedDocument) -> list[str]:
    """The header's `Participants` value, then any given in the body's first lines, then the
    authors of an italic byline."""
    values = [document.header.get("participants")]
    body = document.header.body_fields
    values.extend(field.value for field in body if field.key == "participants")
    values.append(_byline_authors(document))
    return [value for value in values if value]


_BYLINE = re.compile(r"^([*_])(?!\1).+(?<!\1)\1$|^\*\*[^*]+\*\*$")  # italic or bold, whole line
_BY = re.compile(r"^(?:(?:summary|article|post|words|written)\s+)?(?:authors?\s*:|by\b)\s*", re.I)


def _byline_authors(document: ParsedDocument) -> str | None:
    """`*Outlet | March 2, 2026 | Ann Roe & Bo Li*` (or in bold) -> `Ann Roe, Bo Li`: a newsletter's writers
    where its participants line names only the publication."""
    for line in document.preamble:
        if line.kind != LineKind.TEXT or "|" not in line.text or not _BYLINE.match(line.text.strip()):
            continue
        for part in plain(line.text).split("|"):
            names = [name for name in re.split(r"\s*(?:&|,|\band\b)\s*", _BY.sub("", part.strip())) if name]
            if names and all(" " in name and looks_like_person_name(name) for name in names):
                return ", ".join(names)
    return None


def _chosen_list(document: ParsedDocument, podcast: str) -> list[PersonName]:
    """The first list that names someone other than the show itself: a header list holding only
    the publication (`Participants: Beacon Letters`) or missing gives way to a body line or a
    byline naming the authors."""
    lists = [_listed(value, podcast) for value in _participant_lists(document)]
    for people in lists:
        if any(fold(person.name) != fold(podcast) for person in people):
            return people
    return next((people for people in lists if people), [])


def extract_participants(document: ParsedDocument, podcast: str, people_entries: list[str]) -> list[PersonName]:
    """Speakers of the episode, fullest names first-come; `people_entries` are People Identified
    names, used to expand a bare first name ("Bill" -> "Bill Peebles")."""
    people = _chosen_list(document, podcast)
    full_names = [person.name for person in people if " " in person.name]
    text_names = full_names_in_text(document)
    passages = text_passages(document)
    result: list[PersonName] = []
    seen: dict[str, int] = {}
    for person in people:
        name = expand_first_name(person.name, text_names, [*full_names, *people_entries], person.affiliations, passages)
        aliases = tuple(sorted({*person.aliases, *([person.name] if name != person.name else [])}))
        key = fold(name)
        if key in seen:
            previous = result[seen[key]]
            merged = tuple(sorted({*previous.aliases, *aliases}))
            affiliations = tuple(dict.fromkeys([*previous.affiliations, *person.affiliations]))
            result[seen[key]] = previous.model_copy(update={"aliases": merged, "affiliations": affiliations})
            continue
        seen[key] = len(result)
        result.append(PersonName(name=name, aliases=aliases, affiliations=person.affiliations))
    return result


def raw_participant_count(document: ParsedDocument) -> int:
    """How many entries the participants line has before cleaning (placeholders included)."""
    value = document.header.get("participants")
    return len(split_outside_parentheses(value, ",;")) if value else 0
