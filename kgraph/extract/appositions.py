"""Affiliations the prose sets beside a person's name: a title after it (`Hollis Grieve, VP of
logistics at Cordell Foods, told the team`) or a clause on what the person does there (`said Ana
Lind, who leads climate lending at Northmoor Capital`). Newsletters, and podcasts without a People
section, state most of their people's affiliations this way. A role left behind (`who previously
ran routing at Convoy`, `, a former partner at X`) is none."""

from __future__ import annotations

import re

from kgraph.extract.affiliations import (
    NAME_SHAPED_ORGANIZATION,
    ROLE_WORD,
    affiliations_from,
    is_past_role,
    organization_beside_post,
    past_affiliations,
)
from kgraph.extract.known_organizations import known_organizations
from kgraph.extract.organization_names import is_generic, opened_name, openings, organization_words
from kgraph.extract.results import EntityEntry, EntityKind, PersonName
from kgraph.names import fold
from kgraph.parse.document import LineKind, ParsedDocument
from kgraph.person_names import is_place

# After a name: `, VP of logistics at Cordell Foods`, `, the head of X at Y`, `, who leads ... at Y`,
# `, who runs Y`, ` (partner at Y)`; the clause ends at a comma, a parenthesis, a quote or a sentence end.
_CLAUSE = r"[^,;:()\[\]\"“”\n\0]{2,80}?"
_APPOSED = re.compile(
    rf"(?:,\s+|\s+\()(?:(?P<who>who\s+(?:now\s+|currently\s+)?"
    r"(?:leads|runs|heads|manages|oversees|directs|chairs|co-?founded|cofounded|founded|works|serves|is|joined)\b)"
    rf"\s*)?(?P<clause>{_CLAUSE})(?=\s*(?:[,;:)\"“”\0\n]|\.(?!\w)|$))"
)
_POSSESSIVE = re.compile(r"['’]s$")
_OWNER_POST = re.compile(r"(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s\s+(?P<post>(?:[\w-]+\s+){0,3}[\w-]+)")
_MOST_PEOPLE = 200
_MOST_POSTS = 10  # organizations the prose sets beside one person
_SHORT_CLAUSE = 10  # words: a longer one says more than a post
# What holds no post now: a change (`stepped down`, `will become`), a denial, a relation to another.
_NOT_A_POST = re.compile(r"\b(?:not|never|no longer|stepped|step|resigned|left|will|would|to become|married|sued)\b")
# How a post opens after `who is` / `who serves as` / `who works`: `a partner at X`, `as CEO of X`, `at X`.
_POST_OPENS = re.compile(r"(?:(?:a|an|the|as|now)\s+)*(?:[\w-]+\s+){0,3}?(?:at|of|for)\s+[A-Z]|(?:at|for)\s+[A-Z]")


def prose_affiliations(
    document: ParsedDocument, people: list[PersonName], entries: list[EntityEntry]
) -> list[PersonName]:
    """`people` with the organizations the prose sets beside their full names added (each person's
    own list first, then these, once each); a short name that opens one listed organization's
    (`Stackfield's CFO`, the entry `Stackfield Compute`) is that organization."""
    listed: dict[str, set[str]] | None = None  # (the listed names' openings, read where a post is first found)
    listed_keys = {fold(e.name) for e in entries if e.kind == EntityKind.ORGANIZATION}
    text = document.prose(frozenset((LineKind.TEXT, LineKind.TABLE_ROW))).text
    names = {fold(form) for person in people for form in (person.name, *person.aliases)}
    result = []
    for position, person in enumerate(people):
        found = list(person.affiliations)
        # (a full name: a first name alone is everyone's; each is searched through the prose, and
        # a document naming more people than a summary ever does has only its first ones read)
        if " " in person.name and position < _MOST_PEOPLE:
            known = {fold(organization) for organization in found}
            for organization in _apposed(text, person.name, names, listed_keys):
                if listed is None:
                    own = {fold(e.name): e.name for e in entries if e.kind == EntityKind.ORGANIZATION and e.own_entry}
                    listed = openings(own)
                organization = opened_name(organization, listed)
                if fold(organization) not in known and len(found) < _MOST_POSTS:
                    known.add(fold(organization))
                    found.append(organization)
        result.append(
            person
            if len(found) == len(person.affiliations)
            else person.model_copy(update={"affiliations": tuple(found)})
        )
    return result


def _apposed(text: str, name: str, names: set[str], listed: set[str]) -> list[str]:
    found: list[str] = []
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if not (start and text[start - 1].isalnum()) and not text[end : end + 1].isalnum():
            apposed = _APPOSED.match(text, end)
            if apposed and (organizations := _organizations(apposed)):
                found.extend(org for org in organizations if fold(org) not in names)
            elif _quote_before(text, start) and (signed := _SIGNED_WITH.match(text, end)):
                tail = signed.group("tail")
                found.extend(org for org in _signers_organization(tail, listed) if fold(org) not in names)
        start = text.find(name, end)
    return found


# A quote signed with a name and where the signer works: `..." — Lauren Thomas, WSJ`, `— Kevin Cook,
# Senior Equity Strategist, Zacks` (the dash right after the closing quote, a time stamp perhaps between)
_SIGNS = re.compile(r"[”\"]\*?\s*(?:\[[^\]]{0,30}\]\S*\s*)?(?:[—–]|-(?=\s))\s*\**$")
_SIGNED_WITH = re.compile(r"\**,\s+(?P<tail>[^\n\0\[\]()\"“”;]{2,80}?)\**\s*(?=$|[\0\n\[(]|\.\s)")


def _quote_before(text: str, start: int) -> bool:
    """Whether a quote signed with the name at `start` ends just before it (`_SIGNS`), its closing
    mark looked for first (most names stand after none)."""
    opening = max(0, start - 60)
    if text.find('"', opening, start) < 0 and text.find("”", opening, start) < 0:
        return False
    return _SIGNS.search(text, opening, start) is not None


def _signers_organization(tail: str, organizations: set[str]) -> list[str]:
    """The organization a signature's tail names: its last part, where it is named as only an
    organization is (`WSJ`, `Axios Pro`: the document or the shipped list knows it, or its first word,
    or it is written so), or a post there (`Partner at Orbex Capital`)."""
    parts = [part.strip() for part in tail.split(",") if part.strip()]
    if not parts or len(parts) > 3:
        return []
    last = parts[-1]
    if beside := organization_beside_post(last):  # `Microsoft EVP`
        return beside
    if ROLE_WORD.search(last) or is_past_role(last):
        found = past_affiliations(last) if is_past_role(last) else affiliations_from(last)
        return [org for org in found if not is_place(org) and not is_generic(org)]
    if is_place(last) or is_generic(last) or not last[:1].isupper() or len(last.split()) > 4:
        return []  # `— Ana Lind, Lisbon`
    after_a_post = len(parts) > 1 and (ROLE_WORD.search(parts[-2]) or _SIGNERS_POST.search(parts[-2])) is not None
    return [last] if after_a_post or _named_as_an_organization(last, organizations) else []


# Posts of those who sign quotes, beside the usual ones (`Senior Equity Strategist, Zacks`)
_SIGNERS_POST = re.compile(
    r"\b(?:strategist|economist|correspondent|columnist|writer|contributor|spokes(?:person|woman|man)|manager|"
    r"officer|principal|associate|lead)\b",
    re.I,
)


def _named_as_an_organization(name: str, organizations: set[str]) -> bool:
    key, known = fold(name), known_organizations().name_set
    words = name.split()
    return (
        key in organizations
        or name in known
        or words[0] in known
        or NAME_SHAPED_ORGANIZATION.search(name) is not None
        or (len(words) > 1 and fold(words[-1]) in organization_words().kind_suffixes)
    )


def _organizations(apposed: re.Match[str]) -> list[str]:
    """The organizations of a clause after a name: a current post there (`VP of X at Y`, `who leads
    ... at Y`), in a few words."""
    clause = apposed.group("clause").strip()
    if len(clause.split()) > _SHORT_CLAUSE or is_past_role(clause) or _NOT_A_POST.search(clause):
        return []  # (`who stepped down as CEO of X`, `who will become`, `not at X`: no post held now)
    who = apposed.group("who")
    if who is None and (clause.startswith("who ") or not ROLE_WORD.search(clause)):
        return []  # `Ana Lind, a Halden regular`: no post; `who interviewed the CEO of X`: someone else's
    verb = who.split()[-1] if who else ""
    if verb in ("is", "serves", "works") and not _POST_OPENS.match(clause):
        return []  # `who is married to the CEO of X`: the post is another's
    if who is not None:
        clause = f"{verb} {clause}"
    owner = _OWNER_POST.fullmatch(clause)  # `Petrel's chief scientist`
    if owner and ROLE_WORD.search(owner.group("post")):
        found = [owner.group("org")]
    else:  # (not `the CEO of Orbex's rival`: a possessive names another's organization)
        found = [org for org in affiliations_from(clause) if not _POSSESSIVE.search(org)]
    # (a name written like a person's may be a firm's here, `at Cordell Foods`: the document's
    # own people are left out by the caller)
    return [organization for organization in found if not is_place(organization) and not is_generic(organization)]
