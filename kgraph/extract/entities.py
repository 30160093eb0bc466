"""Organizations and people from Companies Identified / People Identified, in every entry shape."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from operator import attrgetter

from rapidfuzz import fuzz

from kgraph.extract.affiliations import (
    ORG_SEPARATOR,
    PAST_CUE,
    ROLE_WORD,
    affiliations_from,
    current_roles,
    description_affiliations,
    descriptor_affiliations,
    field_organization,
    has_past_cue,
    listed_before_role,
    names_a_kind,
    only_organizations,
    organization_beside_post,
    organizations_in,
    organizations_of,
    past_affiliations,
    reason_affiliations,
    whole_listed_names,
)
from kgraph.extract.group_rows import member_descriptions
from kgraph.extract.insights import clean_plain_title, clean_title
from kgraph.extract.investors import deal_investors
from kgraph.extract.known_organizations import known_organizations
from kgraph.extract.organization_names import (
    abbreviation,
    acronym_fits,
    is_generic,
    is_relation,
    organization_names,
    organization_words,
    strip_label_prefix,
)
from kgraph.extract.owners import heading_owners
from kgraph.extract.people import real_name_in_parentheses
from kgraph.extract.products import known_product
from kgraph.extract.results import MOST_NAMED, EntityEntry, EntityKind
from kgraph.given_names import given_name_forms
from kgraph.names import (
    clean,
    fold,
    has_cjk,
    is_placeholder,
    is_possessive_phrase,
    listed_person_name,
    looks_like_person_name,
    names_in_two_scripts,
    romanizes,
    split_qualifiers,
    strip_honorific,
)
from kgraph.parse.document import Field, Item, LineKind, ParsedDocument, SectionKind
from kgraph.parse.items import is_field_label
from kgraph.person_names import address_form

# `Fintech data company. Why mentioned: context for ...`: the field written on inside the prose
_INLINE_WHY = re.compile(r"(?<=[.!?;])\s+[*_]*Why (?:mentioned|relevant|notable|it matters)[*_]*\s*:[*_]*\s+", re.I)
_DESCRIPTION_KEYS = ("description", "title/description", "what they do", "background", "role", "title")
_WHY_KEYS = (
    "why mentioned",
    "why relevant",
    "why notable",
    "why relevant to the episode",
    "context",
    "relevance",
    "significance",
    "mentioned",
    "why it matters",
    "why important",
)
_AFFILIATION_KEYS = (
    "affiliation",
    "lab/institution",
    "institution/lab",
    "institution",
    "lab",
    "title/affiliation",
    "role/affiliation",
    "company",
    "organization",
)
_ROLE_KEYS = ("role", "title", "title/role", "position")
_DESCRIPTOR = re.compile(r"\s+[—–]\s+.*$|\s+-\s+(?=[A-Z]).*$")
_NAME_COMMA_REST = re.compile(r"^(?P<name>[^,]+),\s+(?P<rest>.+)$")
_AND = re.compile(r"\s+(?:and|&)\s+")


# Letters after a name that are a degree or a credential, not an employer.
_POST_NOMINAL = re.compile(
    r"CFA|CPA|CAIA|CFP|Ph\.?\s?D\.?|M\.?D\.?|MBA|J\.?D\.?|Esq\.?|DPhil|FRS|FREng|OBE|MBE|CBE|KBE"
)


def _name_then_rest(bare: str) -> tuple[str, str] | None:
    """`Jo Li, Head of X at Y` / `Jo Li, CMU / Meta` / `Jo Li and Al Roe, Meta` -> (names, rest);
    a list of people (`Jo Li, Al Roe`) is not split here."""
    match = _NAME_COMMA_REST.match(bare)
    if match is None:
        return None
    names = _AND.split(match.group("name").strip())
    if not all(" " in name and looks_like_person_name(name) for name in names):
        return None
    rest = match.group("rest").strip()
    if all(" " in part and looks_like_person_name(part) for part in re.split(r",\s+|\s+and\s+", rest)):
        return None
    if all(_POST_NOMINAL.fullmatch(part) for part in re.split(r",\s*", rest)):
        return match.group("name").strip(), ""  # `Jo Li, CFA`: a credential, no organization
    return match.group("name").strip(), rest


def _title_descriptor(title: str, kind: EntityKind) -> str | None:
    """What an entry's heading (`title`, cleaned) says after the name: `### Acme — yarn spinner`,
    `### Jo Li, CEO of X`."""
    bare = split_qualifiers(title)[0]
    found = _DESCRIPTOR.search(bare)
    if found:
        return found.group(0).strip().lstrip("—–-").strip() or None
    split = _name_then_rest(bare) if kind == EntityKind.PERSON else None
    return split[1] if split else None


_ALIAS_QUALIFIER = re.compile(
    r"^(?P<word>formerly|aka|a\.k\.a\.|now|previously|also known as|f/k/a|fka|née|nee)"
    r"(?:\s+(?:known as|called|named))?\s+(.+)$",
    re.I,
)
_SURNAME_WORDS = frozenset(("formerly", "now", "previously", "f/k/a", "fka", "née", "nee"))


def _alias_of(bare: str, alias: re.Match[str], kind: EntityKind) -> str:
    """The name a `(formerly X)` qualifier gives. A person's one-word former or later name is a
    surname (`Mara Quint (formerly Devlin)`, `(née Devlin)`): the alias is `Mara Devlin`, since
    `Devlin` alone would name every Devlin. A one-word `aka` is a nickname, kept as written."""
    other = alias.group(2).strip()
    if kind == EntityKind.PERSON and alias.group("word").lower() in _SURNAME_WORDS and " " not in other and " " in bare:
        return f"{bare.rsplit(maxsplit=1)[0]} {other}"
    return other


_ACRONYM = re.compile(r"^(?:(?:NYSE|NASDAQ|Nasdaq|TSE|HKEX|LSE)\s*:\s*)?([A-Z][A-Z0-9.&-]{1,9})$")
_PLACEHOLDER_ENTITY = re.compile(r"^\[.*\]$|\bunnamed\b|\bunknown\b|\bunidentified\b", re.I)
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+(?:and|&)\s+")
_GENERATION = re.compile(r",?\s+(?:Jr\.?|Sr\.?|II|III|IV)$")
_UNNAMED = re.compile(r"\bnot (?:specified|named|disclosed|identified)\b|\bundisclosed\b", re.I)
_NOT_FOUND = re.compile(r"^(?:none|n/a|no (?:companies|people|organizations))\b", re.I)


def _fields_by_key(item: Item) -> dict[str, Field]:
    """The item's first field of each key that has a value."""
    return {field.key: field for field in reversed(item.fields) if field.value}


def _field(fields: dict[str, Field], keys: tuple[str, ...]) -> str | None:
    """The first of `keys` among `fields` (`_fields_by_key`), cleaned."""
    for key in keys:
        field = fields.get(key)
        if field is not None:
            return clean(field.plain)
    return None


def _prose_lines(item: Item, skip: int | None = None) -> list[str]:
    """An entry's prose lines, cleaned: neither its marker line, a labelled field, a quote nor line
    `skip` (already read as something else)."""
    field_lines = {field.line for field in item.fields}
    prose = []
    for line in item.lines[1:]:
        if line.kind != LineKind.TEXT or line.quoted or not line.text or line.number == skip:
            continue
        if line.number in field_lines:
            continue
        text = clean(line.plain)
        if text and not text.startswith('"') and not _label_alone(line.plain, text):
            prose.append(text)
    return prose


def _label_alone(plain: str, text: str) -> bool:
    """`**Key Quotes:**` above its quotes, `**Quotes**:`: a field's label, its value below."""
    return plain.rstrip().endswith(":") and is_field_label(text)


def _prose_description(item: Item, prose: list[str], inline: bool = True) -> str | None:
    """The text after the name on an entry's marker line, unless `inline` is False (it said
    something else: `**Jo Li** — Shanghai AI Lab`); else its first prose line (`_prose_lines`)."""
    if item.inline_text and inline:
        return clean(item.inline_plain) or None
    return _without_own_name(prose[0], item) if prose else None


_AFTER_OWN_NAME = re.compile(r"(?:\s*\([^)]*\))?\s*[—–:-]\s*(?P<rest>\S.*)$")


def _without_own_name(text: str, item: Item) -> str:
    """`Jane Roe — founder of X` under the entry `### Jane Roe` -> `founder of X`."""
    name = split_qualifiers(clean_plain_title(item.title_plain))[0]
    if not name:
        return text
    lead = _AFTER_OWN_NAME.match(text, len(name)) if text.startswith(name) else None
    return lead.group("rest") if lead else text


# A People entry described as a firm, fund or lab is an organization filed in the wrong section.
_ORGANIZATION_DESCRIPTION = re.compile(
    r"^(?:an? |the )?(?:[\w&'’-]+ ){0,3}(?:firm|company|fund|lab|laboratory|startup|bank|agency|university|"
    r"institute|organization|organisation|publication|newsletter|outlet)\b",
    re.I,
)


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
        # `Jabbok and Willy Schlacks`, `Ana, Luis & Eva de la Cruz`: given names before one surname
        *givens, last = parts
        if givens and " " in last and not any(" " in given for given in givens):
            family = _GENERATION.sub("", last.split(maxsplit=1)[1])  # `Sam and Dana Ruiz Jr.`: the son is Dana
            shared = [*(f"{given} {family}" for given in givens), last]
            if all(map(looks_like_person_name, shared)):
                return shared
    return [name]


_NICKNAME = re.compile(
    r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)\s+[\"“‘]([A-Z][\w.'’-]*)[\"”’]\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)"
)


def _entry_names(
    title: str, kind: EntityKind, document_text: str = "", description: str = ""
) -> tuple[list[str], list[str], list[str], list[str]]:
    """(names, aliases, qualifiers, affiliations) from an entry's title, cleaned (`description`,
    the entry's, tells a list of organizations from one name: `BI dashboard companies`)."""
    bare, qualifiers = split_qualifiers(title)
    bare = _DESCRIPTOR.sub("", bare).strip()
    if kind == EntityKind.ORGANIZATION:
        bare = strip_label_prefix(bare)
    split = _name_then_rest(bare) if kind == EntityKind.PERSON else None
    if split:
        bare = split[0]  # `Pia Lund, Head of Design at Tessaly`, `Jo Li, CMU / Meta`
    aliases, kept, affiliations = [], [], []
    scripts = names_in_two_scripts(bare)
    if (
        scripts
        and _romanized(scripts[0], kind)
        and (kind != EntityKind.PERSON or romanizes(*scripts))  # (a person's name, syllable by character)
        and _one_in_two_scripts(bare, *scripts, document_text)
    ):
        bare = scripts[0]  # `林舒怡 Lin Shuyi`, `Voltaro / 沃拓能源`: one name, as the English text writes it
        aliases.append(scripts[1])
    if kind == EntityKind.PERSON and (nickname := _NICKNAME.fullmatch(bare)):
        # `Linxi "Jim" Fan`: Linxi Fan, also called Jim Fan, and written Linxi Jim Fan
        first, called, rest = nickname.groups()
        bare = f"{first} {rest}"
        aliases += [f"{called} {rest}", f"{first} {called} {rest}"]
    for qualifier in qualifiers:
        if kind == EntityKind.PERSON and (real := real_name_in_parentheses(bare, qualifier)):
            aliases.append(bare)  # `Bubba (Robert Smith)`: Robert Smith, called Bubba
            bare = real
            continue
        alias = _ALIAS_QUALIFIER.match(qualifier)
        acronym = _ACRONYM.match(qualifier)
        if has_cjk(qualifier) and len(qualifier) <= 12:
            aliases.append(qualifier)
        elif has_cjk(bare) and not has_cjk(qualifier) and _romanized(qualifier, kind):
            aliases.append(qualifier)  # `程远 (Cheng Yuan)`, `远山机器人 (Yuanshan Robotics)`
        elif alias and not is_relation(alias.group(2)):  # `(now part of X)`, `(formerly of X)`: relations
            aliases.append(_alias_of(bare, alias, kind))
        elif acronym and kind == EntityKind.ORGANIZATION and acronym_fits(acronym.group(1), bare):
            aliases.append(acronym.group(1))
        elif kind == EntityKind.ORGANIZATION and abbreviation(qualifier, bare):
            aliases.append(qualifier)  # `Andreessen Horowitz (a16z)`
        elif kind == EntityKind.ORGANIZATION and _short_form(qualifier, bare):
            aliases.append(qualifier)  # `Carl Zeiss (Zeiss)`
        elif kind == EntityKind.ORGANIZATION and _other_spelling(qualifier, bare):
            aliases.append(qualifier)  # `Pruvo (Prenuvo)`: the name as heard, then as written
        elif acronym and kind == EntityKind.PERSON and abbreviation(acronym.group(1), bare) == "initials":
            aliases.append(acronym.group(1))  # `Alexandria Ocasio-Cortez (AOC)`: her initials, no organization
        elif kind == EntityKind.PERSON and (short := _short_first_name(qualifier, bare)):
            aliases.append(short)  # `Rafael Domínguez (Rafa)`, `William Tan ("Bill")`: what the text calls him
        else:
            kept.append(qualifier)
            if kind == EntityKind.PERSON:  # (`Juliana Pillemer (NYU Professor)`: the organization before the post)
                found = (
                    affiliations_from(qualifier)
                    or organization_beside_post(qualifier)
                    # (`Mike Baker (CIA Officer - 20 years)`; not a slash's list, paired with the names below)
                    or (description_affiliations(qualifier) if "/" not in qualifier else [])
                )
                affiliations.extend(found or (past_affiliations(qualifier) if PAST_CUE.match(qualifier) else []))
    if kind == EntityKind.ORGANIZATION:
        names, renamed = organization_names(bare, document_text, (*qualifiers, description))
        # A qualifier's alias (`(formerly X)`) belongs to a single organization, not to a list.
        return names, [*aliases, *renamed] if len(names) == 1 else [], kept, affiliations
    return _split_names(bare, kind), aliases, kept, affiliations


def _one_in_two_scripts(written: str, latin: str, cjk: str, document_text: str) -> bool:
    """Whether a title in two scripts names one entity: side by side (`比亚迪 BYD`), or across a
    slash where the text writes one beside the other too (`Voltaro (沃拓能源)`): a slash may
    join a parent and its unit (`字节跳动 / Pico`)."""
    if not any(mark in written for mark in "/／|｜"):
        return True
    pairs = _side_by_side(document_text)
    return (latin, cjk) in pairs or (cjk, latin) in pairs


_PARENTHESIS = re.compile(r"[(（]([^()（）\n]{1,60})[)）]")
_CJK_TAIL = re.compile(r"[\u3400-\u9fff·・]{2,12}$")


@lru_cache(maxsize=1)  # (one document's text, asked for each of its titles)
def _side_by_side(text: str) -> frozenset[tuple[str, str]]:
    """(name before a parenthesis, what it holds) for each way the text may be read so: the last one to
    six words before it (`Lin Shuyi of Voltaro (沃拓能源)` gives `Voltaro`), or its CJK characters."""
    pairs: set[tuple[str, str]] = set()
    for match in _PARENTHESIS.finditer(text):
        inner, before = match.group(1).strip(), text[max(0, match.start() - 80) : match.start()].rstrip()
        words = before.split()[-6:]
        pairs.update((" ".join(words[start:]), inner) for start in range(len(words)))
        if cjk := _CJK_TAIL.search(before):
            pairs.update((cjk.group()[start:], inner) for start in range(len(cjk.group()) - 1))
    return frozenset(pairs)


def _other_spelling(qualifier: str, name: str) -> bool:
    """One word spelled two ways, the same first letter and most letters alike (`Pruvo (Prenuvo)`),
    not a known product of the name's (`Groq (Grok)`)."""
    if " " in qualifier or " " in name or qualifier[:1] != name[:1] or known_product(qualifier):
        return False
    return fold(qualifier) != fold(name) and fuzz.ratio(fold(qualifier), fold(name)) >= _SPELLING_SCORE


_SPELLING_SCORE = 80


def _short_first_name(qualifier: str, name: str) -> str | None:
    """`Rafa` for Rafael Domínguez, `Bill` for William Tan: one word, a shorter form of the first
    name (see `kgraph.given_names`), as the person is called."""
    short = qualifier.strip("\"“”'‘’ ")
    first = name.split()[0] if " " in name else ""
    if not first or " " in short or not short[:1].isupper() or len(short) >= len(first):
        return None
    return short if given_name_forms(first, short) else None


_THE_NAME = re.compile(r"The(?:\s+[A-Z][\w&'’.-]*){1,4}")  # `The Kobeissi Letter`, `The Information`


def _plural_group(name: str) -> bool:
    """`The Founders`, `The Hosts`: people named as a group, no organization."""
    last = name.split()[-1]
    return is_generic(name) or (last.endswith("s") and not last.endswith(("ss", "'s", "’s")))


def _short_form(qualifier: str, name: str) -> bool:
    """`Zeiss` for Carl Zeiss, `Meta` for Meta Platforms: some of the name's words, in order,
    written as a name (not `Labs`, a kind of organization)."""
    short, words = fold(qualifier).split(), fold(name).split()
    if not short or len(short) >= len(words) or not qualifier[:1].isupper() or is_generic(qualifier):
        return False
    return any(words[start : start + len(short)] == short for start in range(len(words) - len(short) + 1))


def _romanized(text: str, kind: EntityKind) -> bool:
    """A Latin-script rendering of a name (not a role such as `CEO of X`)."""
    if ROLE_WORD.search(text) or re.search(r"\b(?:of|at)\b", text):
        return False
    if kind == EntityKind.PERSON:
        return looks_like_person_name(text)
    return bool(re.fullmatch(r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}", text))


_ITALIC_LINE = re.compile(r"^(?:\*(?!\*)(?P<a>[^*]+)\*|_(?P<b>[^_]+)_)$")


def _italic_affiliation(item: Item) -> tuple[int | None, list[str]]:
    """The line right under a person's name: (its line number, organizations) when it only names
    organizations (`*Marrow Lab; Porto Bone Institute*`, `Helix Labs / Northbay University`),
    (None, organizations) when it is an italic role line (`*Head of AI Studios, Amazon MGM*`,
    which stays the description)."""
    for line in item.lines[1:2]:
        if line.kind != LineKind.TEXT or line.quoted:
            continue
        match = _ITALIC_LINE.match(line.text.strip())
        if match is None:  # a plain line only when it lists several: `Helix Labs / Northbay University`
            orgs = organizations_in(line.text) if ORG_SEPARATOR.search(line.text) else []
            return (line.number, orgs) if len(orgs) > 1 else (None, [])
        text = match.group("a") or match.group("b")
        orgs = organizations_in(text)
        if orgs:
            return line.number, orgs
        if ROLE_WORD.search(text) and len(text.split()) <= 12:
            return None, affiliations_from(text)
    return None, []


def _paired(names: list[str], qualifiers: list[str], italic: list[str]) -> list[str] | None:
    """`**A / B** (Org A / Org B)`: one organization per name, in order."""
    if len(names) < 2:
        return None
    for candidate in [*(organizations_in(q) for q in qualifiers if "/" in q or ";" in q), italic]:
        if len(candidate) == len(names):
            return candidate
    return None


def _suffixed(written: str, name: str) -> str | None:
    """`Monroe Kennedy III` for Monroe Kennedy: a generation the entry writes, kept as an alias."""
    bare = strip_honorific(written)
    return bare if bare != name and bare.startswith(name + " ") else None


def _entries(item: Item, kind: EntityKind, document_text: str = "") -> list[EntityEntry]:
    fields = _fields_by_key(item)
    described = _field(fields, _DESCRIPTION_KEYS)  # read once: an organization's `about` and the description
    italic_line, italic_orgs = _italic_affiliation(item) if kind == EntityKind.PERSON else (None, [])
    prose_lines = _prose_lines(item, skip=italic_line)
    # An organization's prose line, read once: its `about` and its description
    prose = _prose_description(item, prose_lines) if kind == EntityKind.ORGANIZATION and not described else None
    about = (described or prose or "") if kind == EntityKind.ORGANIZATION else ""
    title = clean_title(item.title)  # read once: the names and the descriptor
    names, aliases, qualifiers, affiliations = _entry_names(title, kind, document_text, about)
    if kind == EntityKind.ORGANIZATION and any(_PLACEHOLDER_ENTITY.search(q) or _UNNAMED.search(q) for q in qualifiers):
        return []  # `Rivian spinout (unnamed)`: no organization is named
    paired = _paired(names, qualifiers, italic_orgs) if kind == EntityKind.PERSON else None
    if kind == EntityKind.PERSON and paired is None:
        for qualifier in qualifiers:
            if "/" in qualifier or ";" in qualifier:
                affiliations.extend(organizations_in(qualifier))
        affiliations.extend(italic_orgs)
    descriptor = _title_descriptor(title, kind)
    if kind == EntityKind.PERSON and descriptor:
        affiliations.extend(descriptor_affiliations(descriptor))
    own_description = None
    inline_described = bool(item.inline_text)  # the text after the name is the description
    if kind == EntityKind.ORGANIZATION:
        description = described or prose or descriptor
    else:
        inline = clean(item.inline_plain) if kind == EntityKind.PERSON and item.inline_text else ""
        inline_organizations = only_organizations(inline) if inline and not descriptor else []
        affiliations.extend(inline_organizations)  # `**Jo Li** — Varde University / Halden Lab`
        inline_described = inline_described and not inline_organizations
        own_description = described or _prose_description(item, prose_lines, inline=inline_described)
        description = own_description or descriptor
    why = _field(fields, _WHY_KEYS)
    if description and " | " in description:  # `**Name** | description | why mentioned`
        parts = [part.strip() for part in description.split(" | ")]
        description, why = parts[0], why or (parts[1] if len(parts) > 1 else None)
    # `A bank. Why mentioned: ...` (its `Why` in lower case looked for first: most descriptions have none)
    if description and "why" in description.lower() and (why_field := _INLINE_WHY.search(description)):
        rest = description[why_field.end() :].strip()
        description, why = description[: why_field.start()].strip() or None, why or rest
    if why is None:
        # Without a field saying why the entry is there, its prose beyond the description says it:
        # `**Microsoft**` / `*Enterprise technology giant*` / `Hiring AI2's CEO to bolster ...`.
        why = " ".join(prose_lines if described or inline_described else prose_lines[1:]) or None
    if kind == EntityKind.PERSON:
        stated = _field(fields, _AFFILIATION_KEYS)
        if stated:
            # `Founder & CEO, LiveKit`, `NVIDIA / UW`; not `Former CEO, MosaicML`
            for part in (role for clause in re.split(r"\s*;\s*", stated) for role in current_roles(clause)):
                found = organizations_in(part) or affiliations_from(part)
                for piece in [] if found else re.split(r",\s+(?=[A-Z])", part):
                    found.extend(organizations_in(piece) or affiliations_from(piece) or field_organization(piece))
                affiliations.extend(found)
            if has_past_cue(stated):  # `HIAI; previously a research scientist at Google DeepMind`
                for clause in re.split(r"\s*;\s*", stated):
                    affiliations.extend(_person_like_dropped(past_affiliations(clause)))
        if own_description:  # (a heading's descriptor is read above)
            affiliations.extend(description_affiliations(own_description))
            # a post held before is an affiliation the text states too (`Former CTO of OpenAI`)
            if has_past_cue(own_description):  # (most descriptions hold no post left behind)
                affiliations.extend(_person_like_dropped(past_affiliations(own_description)))
        if why:  # `Hired by OpenAI to lead its ad sales`
            affiliations.extend(reason_affiliations(why))
        role = _field(fields, _ROLE_KEYS)
        if not stated and role and len(role.split()) <= 10:  # `Role: Head of Research at Vela`
            affiliations.extend(org for org in affiliations_from(role) if ROLE_WORD.search(role))
    entries = []
    # what the row's description says of each member, read once for the row
    cleaned = [clean(name) for name in names]
    shared = member_descriptions(description, cleaned) if len(names) > 1 else {}
    for position, name in enumerate(cleaned):
        own = [paired[position]] if paired else []
        if not name or _NOT_FOUND.match(name) or _PLACEHOLDER_ENTITY.search(name) or is_placeholder(name):
            continue
        if kind == EntityKind.ORGANIZATION and is_generic(name):
            continue  # `VC`, `AI lab`, `the startup`: a kind of organization, not one
        written = name
        own_kind = kind
        if kind == EntityKind.PERSON and " " not in name and _ORGANIZATION_DESCRIPTION.match(description or ""):
            own_kind = EntityKind.ORGANIZATION  # `**Sequoia** | Top-tier VC firm` filed under People
        elif kind == EntityKind.PERSON and _THE_NAME.fullmatch(name) and not _plural_group(name):
            own_kind = EntityKind.ORGANIZATION  # `**The Kobeissi Letter**` filed under People: no person
        if own_kind == EntityKind.PERSON and is_possessive_phrase(name):
            continue
        if own_kind == EntityKind.PERSON:
            name = strip_honorific(name)  # `Sen. Jane Roe` is Jane Roe; the written form stays an alias
            listed = name if has_cjk(name) else listed_person_name(name)
            if listed is None or name.split()[0] in ("The", "A", "An"):
                continue
            name = listed
        entries.append(
            EntityEntry(
                kind=own_kind,
                name=name,
                aliases=tuple(
                    dict.fromkeys(
                        a for a in (*aliases, address_form(written, name), _suffixed(written, name)) if a and a != name
                    )
                ),
                qualifiers=tuple(qualifiers),
                description=shared.get(cleaned[position], description),
                why_mentioned=why,
                # (a hundred at most: more than anyone holds, a hostile text for the corpus to resolve)
                affiliations=(
                    organizations_of([*own, *affiliations], document_text)[:MOST_NAMED]
                    if own_kind == EntityKind.PERSON
                    else ()
                ),
                shared_heading=len(names) > 1,
                line=item.line,
                rank=item.rank,
            )
        )
    return entries


def extract_entities(document: ParsedDocument) -> list[EntityEntry]:
    found: list[EntityEntry] = []
    kinds = ((SectionKind.COMPANIES, EntityKind.ORGANIZATION), (SectionKind.PEOPLE, EntityKind.PERSON))
    found_sections = ((document.section(section_kind), kind) for section_kind, kind in kinds)
    sections = [(section, kind) for section, kind in found_sections if section is not None and not section.empty]
    text = _document_text(document) if sections else ""  # (only entries read it)
    for section, kind in sections:
        for item in section.items:
            found.extend(_entries(item, kind, text))
    _side_by_side.cache_clear()  # (the document's pairs: not held past it)
    found = _listed_affiliations(found)
    found = [*found, *deal_investors(found), *_past_organizations(found)]
    return [*found, *heading_owners(found)]


def _person_like_dropped(organizations: list[str]) -> list[str]:
    """The names not written like a person's (`Jane Roe` in `formerly at Jane Roe`), unless the data
    knows the name for a firm's (`Carnegie Mellon`)."""
    named_like_people = organization_words().named_like_people
    return [
        name
        for name in organizations
        if not (" " in name and looks_like_person_name(name) and fold(name) not in named_like_people)
        or names_a_kind(name)  # `Meridian Compute Observatory`
        or name.split()[0] in known_organizations().name_set  # `Google DeepMind`
    ]


def _past_organizations(entries: list[EntityEntry]) -> list[EntityEntry]:
    """The organizations People entries name in roles left behind (`former CPO at Calendly`): no
    affiliations, but the episode mentions them. A name written like a person's is left out, unless
    the data knows it for a firm's (`Carnegie Mellon`)."""
    listed: set[str] | None = None  # (the names listed, folded: gathered where a past role is first read)
    named_like_people = organization_words().named_like_people
    found: list[EntityEntry] = []
    for entry in entries:
        if entry.kind != EntityKind.PERSON or not entry.description or not entry.own_entry:
            continue
        for organization in past_affiliations(entry.description):
            if listed is None:
                listed = {fold(form) for each in entries for form in (each.name, *each.aliases, *each.affiliations)}
            key = fold(organization)
            person_like = " " in organization and looks_like_person_name(organization)  # (one word: a first name)
            if key in listed or (person_like and key not in named_like_people):
                continue
            words = key.split()
            if any(" ".join(words[:count]) in listed for count in range(1, len(words))):
                continue  # `Harrow Institute for Technology Policy` where `Harrow Institute` is known
            listed.add(key)
            found.append(entry.named_inside(organization, in_prose=True))  # (written in passing: no label vote)
            if len(found) == MOST_NAMED:
                return found  # more than a summary ever names: a hostile text, not read on
    return found


_PLAIN = attrgetter("plain")


def _document_text(document: ParsedDocument) -> str:
    """Every line of the document, the evidence for reading `A & B` as one name or two."""
    sections = chain.from_iterable((section.heading, *section.lines) for section in document.sections)
    return "\n".join(map(_PLAIN, chain(document.preamble, sections)))


def _listed_affiliations(entries: list[EntityEntry]) -> list[EntityEntry]:
    """`Jo Li (Hartwell Orchards)` where Hartwell Orchards is a Companies entry: the qualifier is
    her affiliation, though a two-word name alone could as well be a person's."""
    listed = {
        fold(form): entry.name
        for entry in entries
        if entry.kind == EntityKind.ORGANIZATION
        for form in (entry.name, *entry.aliases)
    }
    first_words = frozenset(form.split(maxsplit=1)[0] for form in listed if form)
    result = []
    for entry in entries:
        if entry.kind == EntityKind.PERSON and listed:
            known = [listed[fold(q)] for q in entry.qualifiers if fold(q) in listed]
            known += listed_before_role(entry.description or "", listed, first_words)
            affiliations = whole_listed_names(
                [*entry.affiliations, *known], listed, (*entry.qualifiers, entry.description)
            )
            if affiliations != entry.affiliations:
                entry = entry.model_copy(update={"affiliations": affiliations})
        result.append(entry)
    return result
