"""Organizations and people from Companies Identified / People Identified, in every entry shape."""

from __future__ import annotations

import re
from itertools import chain
from operator import attrgetter

from kgraph.extract.insights import clean_plain_title, clean_title
from kgraph.extract.organization_names import (
    abbreviation,
    acronym_fits,
    is_generic,
    is_relation,
    organization_names,
    organization_words,
    split_affiliation,
    strip_label_prefix,
)
from kgraph.extract.people import real_name_in_parentheses
from kgraph.extract.results import EntityEntry, EntityKind
from kgraph.names import (
    clean,
    fold,
    has_cjk,
    is_placeholder,
    is_possessive_phrase,
    looks_like_person_name,
    name_shaped,
    split_qualifiers,
    strip_honorific,
)
from kgraph.parse.document import Field, Item, LineKind, ParsedDocument, SectionKind
from kgraph.parse.inline import plain
from kgraph.person_names import address_form, is_place

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
# `CEO of Acme`, `Partner at Acme`; but `Head of Research`, `Secretary of Labor` name a field or a
# department, so `of` counts only after roles that lead a whole organization.
_ROLE_OF = re.compile(
    r"(?:\b(?:ceo|cto|coo|cfo|founder|co-?founder|cofounder|president|chair(?:man|woman)?|partner|owner|"
    r"investor|member|employee|alum(?:nus|na)?|creator|maker|author)s?\s+of|\bat|@)"
    r"\s+(?:the\s+)?(?P<org>[A-Z][\w.&'’-]*(?:\s+(?:&\s+)?[A-Z][\w.&'’-]*){0,4})",
    re.I,
)
_PLACEHOLDER_ENTITY = re.compile(r"^\[.*\]$|\bunnamed\b|\bunknown\b|\bunidentified\b", re.I)
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+(?:and|&)\s+")
_GENERATION = re.compile(r",?\s+(?:Jr\.?|Sr\.?|II|III|IV)$")
_ROLE_WORD = re.compile(
    r"\b(?:ceo|cto|coo|cfo|founder|co-?founder|former|partner|host|chair|president|"
    r"head|director|investor|member|senator|rep|representative|judge|professor|researcher|scientist|"
    r"engineer|fellow|lecturer|analyst|editor|reporter|chief|vp|secretary|minister|governor|mayor|"
    r"commissioner|ambassador|dean|chancellor)\b",
    re.I,
)
# A capitalized name with lower-case joiners: `University of Oslo`, `Institute for Tides and Ice`,
# `Rye & Oak`.
_ORG_NAME = re.compile(r"[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|and|&|on|the|de|du)\s+)*[A-Z][\w.&'’-]*){0,7}")
_PARTY = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")
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


def _prose_description(item: Item, skip: int | None = None, inline: bool = True) -> str | None:
    """The first prose line of an entry that is neither a labelled field nor only a quote (nor
    line `skip`, already read as something else); the text after the name on its marker line
    first, unless `inline` is False (it said something else: `**Jo Li** — Shanghai AI Lab`)."""
    if item.inline_text and inline:
        return clean(item.inline_plain) or None
    for line in item.lines[1:]:
        if line.kind != LineKind.TEXT or line.quoted or not line.text or line.number == skip:
            continue
        if any(field.line == line.number for field in item.fields):
            continue
        text = clean(line.plain)
        if text and not text.startswith('"'):
            return _without_own_name(text, item)
    return None


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
        elif acronym and kind == EntityKind.PERSON and abbreviation(acronym.group(1), bare) == "initials":
            aliases.append(acronym.group(1))  # `Alexandria Ocasio-Cortez (AOC)`: her initials, no organization
        else:
            kept.append(qualifier)
            if kind == EntityKind.PERSON:
                affiliations.extend(affiliations_from(qualifier))
    if kind == EntityKind.ORGANIZATION:
        names, renamed = organization_names(bare, document_text, (*qualifiers, description))
        # A qualifier's alias (`(formerly X)`) belongs to a single organization, not to a list.
        return names, [*aliases, *renamed] if len(names) == 1 else [], kept, affiliations
    return _split_names(bare, kind), aliases, kept, affiliations


def _descriptor_affiliations(descriptor: str) -> list[str]:
    """`CEO of Acme`, `buyer at Acme`, `Fudan University / Lab at HKU` -> the organizations."""
    parts = _ORG_SEPARATOR.split(split_qualifiers(descriptor)[0])
    if len(parts) > 1:
        return [org for part in parts for org in (_descriptor_affiliations(part) or _organizations_in(part))]
    if re.search(_ROLE_WORD.pattern + r"|\bat [A-Z]", descriptor, re.I):
        return affiliations_from(descriptor)
    bare = parts[0].strip()
    if not _ORG_NAME.fullmatch(bare) or is_placeholder(bare) or _ROLE_WORD.search(bare):
        return []  # `— Guest`, `— Norwegian weaving mill`
    return [bare]  # `— Fudan University`, `, Meta`


def _without_initialisms(organizations: list[str]) -> tuple[str, ...]:
    """Unique organizations, dropping `CMU` beside `Carnegie Mellon University`."""
    unique = list(dict.fromkeys(organizations))
    initials = {"".join(word[0] for word in org.split() if word[0].isupper()) for org in unique if " " in org}
    return tuple(org for org in unique if not (org.isupper() and " " not in org and org in initials))


def _affiliations(organizations: list[str], text: str = "") -> tuple[str, ...]:
    """A person's organizations, without label prefixes (`Company: Acme`) and generic words (`VC`),
    each split like a Companies heading (`Hulu and Disney+` is two when the text names each)."""
    named = [part for org in organizations for part in split_affiliation(strip_label_prefix(org), text)]
    return _without_initialisms([org for org in named if org and not is_generic(org)])


def _romanized(text: str, kind: EntityKind) -> bool:
    """A Latin-script rendering of a name (not a role such as `CEO of X`)."""
    if _ROLE_WORD.search(text) or re.search(r"\b(?:of|at)\b", text):
        return False
    if kind == EntityKind.PERSON:
        return looks_like_person_name(text)
    return bool(re.fullmatch(r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}", text))


_ROLE_COMMA_ORG = re.compile(r"(?P<a>[^,]+),\s+(?P<b>[^,]+)")
_AT_ORG = re.compile(r"\s(?:at|@)\s+(?P<org>[^,;]+)")


def affiliations_from(text: str) -> list[str]:
    """`CEO of Acme` / `Partner at Acme` / `Acme` (a bare organization name) -> [`Acme`]."""
    text = clean(plain(text))
    bare = split_qualifiers(text)[0]
    if _ORG_NAME.fullmatch(bare) and " of " in bare and not _ROLE_WORD.search(bare):
        return [bare]  # `Nordic Institute of Sea Robotics` is one name, not a role of `Sea Robotics`
    comma = _ROLE_COMMA_ORG.fullmatch(bare)  # `Chair, UCSF` / `OpenAI, head of X`
    if comma:
        for role, org in ((comma.group("a"), comma.group("b")), (comma.group("b"), comma.group("a"))):
            if _ROLE_WORD.search(role) and _ORG_NAME.fullmatch(org) and not _ROLE_WORD.search(org):
                return [org]
    at = _AT_ORG.search(bare)  # `Head of Research at University of Oslo`
    if at and _ORG_NAME.fullmatch(at.group("org").strip()) and not _ROLE_WORD.search(at.group("org")):
        return [at.group("org").strip()]
    match = _ROLE_OF.search(text)
    if match and not _ROLE_WORD.search(match.group("org")):
        return [match.group("org").strip()]
    if (
        re.fullmatch(r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}", text)
        and not name_shaped(text)
        and not _ROLE_WORD.search(text)
        and not _PARTY.match(text)
    ):
        return [text]
    return []


# What a description says a person is, where it starts with a current role: `CEO of Acme`,
# `Chief Scientist, Acme`, `Researcher at Acme`, `Acme's Head of Policy`, `Head of Acme's lab`.
_FIRST_SENTENCE = re.compile(r"(?<!\b[A-Z])\.\s+(?=[A-Z])|\s+\|\s+|\s+[—–]\s+|\s+-\s+|\s*[:(]")
_PAST_ROLE = re.compile(r"\b(?:former|formerly|previously|ex|once|until|retired|late|then|prior)\b", re.I)
_OWNER_ROLE = re.compile(rf"^(?P<org>{_ORG_NAME.pattern})['’]s\s+(?P<role>(?:\S+\s+){{0,2}}\S+)")  # `Acme's Head of X`
# `Head of Acme's health team` (but `CEO of BJ's Restaurants` names `BJ's Restaurants`: a name goes on)
_ROLE_OF_OWNER = re.compile(rf"^(?:[\w/-]+\s+){{1,3}}of\s+(?P<org>{_ORG_NAME.pattern})['’]s\s+(?P<rest>.*)$")
# A name's words: capitalized, or lower-case joiners between them (`Our World in Data`).
_NAME_RUN = re.compile(r"[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|and|&|on|the|de|du|in)\s+)*[A-Z][\w.&'’-]*)*")
_WORK_ROLE = re.compile(r"^(?:co-?)?(?:author|creator|writer)\b", re.I)  # `Author of The Worlds I See`: a work
_RELATIONAL_ROLE = re.compile(
    r"^(?:co-?founder|cofounder|partner|colleague)\b", re.I
)  # `Sanjit's co-founder`: a person's
_PREFIX_WORD = re.compile(r"[A-Za-z][\w/&'’-]*")
# Words of a sentence rather than of a title (`Head of Research at`, not `Worked with the CEO of`)
_SENTENCE_WORDS = frozenset(
    "a an the with who which that to for in on from by his her their its was is has had as he she they "
    "worked works joined met helped backed led says said".split()
)


# Titles a description opens with besides the role words names are checked against.
_MORE_ROLES = re.compile(
    r"\b(?:cio|cmo|cpo|cso|evp|svp|officer|official|manager|lead|principal|associate|staff|advisor|adviser|"
    r"economist|trustee|general counsel|czar|envoy|spokesperson|co-?author|author|pi|postdoc)\b",
    re.I,
)


def _has_role(text: str) -> bool:
    return bool(_ROLE_WORD.search(text) or _MORE_ROLES.search(text))


def _name_goes_on(rest: str) -> bool:
    """After `X's`, capitalized words up to a comma or the end: one name (`BJ's Restaurants, ...`),
    not a part of X (`Acme's Health Care team`)."""
    words = rest.split()
    run = next((number for number, word in enumerate(words) if not word[:1].isupper()), len(words))
    return run > 0 and (run == len(words) or any(word.endswith(",") for word in words[:run]))


def _only_organizations(text: str) -> list[str]:
    """`Shanghai AI Lab`, `Varde University / Halden Lab`: the organizations, when the text is
    nothing else (no role: `CEO of Acme` is a description)."""
    parts = [part.strip() for part in _ORG_SEPARATOR.split(text) if part.strip()]
    found = _descriptor_affiliations(text)
    if not parts or _has_role(text) or any(is_place(part) for part in parts):
        return []  # `— Norway`: where they are from
    return found if [fold(org) for org in found] == [fold(part) for part in parts] else []


# A founding that a later role's `former` does not end: `Co-founder and former CEO of Acme`.
_FOUNDER_AND_FORMER = re.compile(
    r"^(?P<role>(?:co-?)?founder)\s+and\s+(?:former|ex-)\s*[\w -]+?\s+(?P<rest>(?:of|at)\s.*)$", re.I
)
_INSTITUTION_COMMA = re.compile(r"(?P<org>[^,]+),\s+(?P<role>[^,]+)")


def _field_name(text: str) -> list[str]:
    """`Lab/Institution: Alibaba`: under an affiliation label, one capitalized word is the
    organization's name (elsewhere a lone capitalized word could be anyone or anywhere)."""
    word = clean(plain(text))
    return [word] if re.fullmatch(r"[A-Z][\w.&-]+", word) and not is_place(word) and not _ROLE_WORD.search(word) else []


_INSTITUTION_WORDS = frozenset(
    "university institute college school lab labs laboratory academy center centre foundation".split()
)


def _institutions(sentence: str) -> list[str]:
    """`Stanford University.`, `Tsinghua University / Orbex AI.` opening a description: who the
    person works for, when every part is an organization that says it is one (a kind word such as
    University, Lab, AI) or an acronym (`MIT`): not `Serial Entrepreneur.`"""
    found = _only_organizations(sentence)
    suffixes = organization_words().kind_suffixes | _INSTITUTION_WORDS
    named = all(
        re.fullmatch(r"[A-Z]{2,6}", org)
        or (len(words := fold(org).split()) > 1 and (words[-1] in suffixes or words[0] in _INSTITUTION_WORDS))
        for org in found
    )  # the kind word ends the name (`Orbex AI`), or an institution's begins it (`University of Varde`)
    return found if named else []


def description_affiliations(description: str) -> list[str]:
    """The organizations a person's description names as a current role in its first sentence,
    a clause at a time (`Author of Import AI; co-founder of Anthropic`): the role comes first, and
    only words of a title stand before it (`Political economy professor at Oslo University`, not
    `Worked with the founder of Acme`); a past role (`former`, `previously`) names none."""
    sentence = _FIRST_SENTENCE.split(clean(plain(description)), maxsplit=1)[0].rstrip(". ")
    if found := _institutions(sentence):
        return found
    found = []
    for clause in sentence.split(";"):
        if shared := _FOUNDER_AND_FORMER.match(clause.strip()):  # `Founder and former CEO of Acme`
            clause = f"{shared.group('role')} {shared.group('rest')}"
        if _PAST_ROLE.search(clause):  # `Former Acme ethicist, co-founder of Corvo`: the rest still says
            clause = ", ".join(part for part in clause.split(", ") if not _PAST_ROLE.search(part))
        clause = clause.strip()
        if not _has_role(" ".join(clause.split()[:5])) or _WORK_ROLE.match(clause):
            continue
        comma = _INSTITUTION_COMMA.fullmatch(clause)  # `MIT, lead author`: the institution first
        if comma and _has_role(comma.group("role")) and (institution := _institutions(comma.group("org"))):
            found.extend(institution)
            continue
        owner = _OWNER_ROLE.match(clause)
        if (
            owner
            and _ROLE_WORD.search(owner.group("role"))
            and not _ROLE_WORD.search(owner.group("org"))
            and not _RELATIONAL_ROLE.match(owner.group("role"))  # then what follows may say (`partner at X`)
        ):
            found.append(owner.group("org"))
            continue
        owner = _ROLE_OF_OWNER.match(clause)
        if owner and not _name_goes_on(owner.group("rest")):
            found.append(owner.group("org"))
            continue
        for named in affiliations_from(clause):
            start = clause.find(named)
            org = _ORG_NAME.match(clause, start) if start >= 0 else None  # the whole name, as written
            if org is None:
                continue
            # the name as read (`Our World in Data`) up to a word no name has (`for multiple decades`)
            name = _NAME_RUN.match(named)
            if name and len(name.group(0)) > len(org.group(0)):
                org = _NAME_RUN.match(clause, start)
                if org is None:
                    continue
            before = [word.rstrip(",") for word in clause[:start].split() if word != "&"]
            if before and before[-1].lower() == "the":
                before.pop()  # `co-founder of the Center for Tides`
            if len(before) > 6 or not all(_PREFIX_WORD.fullmatch(word) for word in before):
                continue  # a sentence, not a title before the organization
            if any(word.lower() in _SENTENCE_WORDS for word in before):
                continue  # `Worked with the founder of Acme`
            if before and _WORK_ROLE.match(" ".join(before[-2:])):
                continue  # `Stanford professor, author of The Worlds I See`: a work
            if not before and " of " in org.group(0):  # `CIO of Halden Capital`, read as one name
                start += org.group(0).index(" of ") + 4
                org = _ORG_NAME.match(clause, start)
                if org is None:
                    continue
            if org.start() == 0 and org.end() >= len(clause.rstrip()):
                continue  # `White House AI Czar`: the whole clause, a title and no role of someone's
            parts = org.group(0).split(" and ")  # `CEO of Tesla and SpaceX`: each
            parts = parts if all(_ORG_NAME.fullmatch(part) for part in parts) else [org.group(0)]
            found.extend(part for part in parts if not is_place(part))  # `President of Argentina`: a country
    return found


_ITALIC_LINE = re.compile(r"^(?:\*(?!\*)(?P<a>[^*]+)\*|_(?P<b>[^_]+)_)$")
_ORG_SEPARATOR = re.compile(r"\s*;\s*|\s+/\s+")


def _organizations_in(text: str) -> list[str]:
    """`Marrow Lab / Porto Institute` or `Marrow Lab; Porto Institute` -> both, when every part
    is an organization name; else nothing."""
    parts = [part for part in _ORG_SEPARATOR.split(clean(plain(text))) if part]
    if not parts or not all(affiliations_from(part) == [part] and not _ROLE_WORD.search(part) for part in parts):
        return []
    return parts


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
            orgs = _organizations_in(line.text) if _ORG_SEPARATOR.search(line.text) else []
            return (line.number, orgs) if len(orgs) > 1 else (None, [])
        text = match.group("a") or match.group("b")
        orgs = _organizations_in(text)
        if orgs:
            return line.number, orgs
        if _ROLE_WORD.search(text) and len(text.split()) <= 12:
            return None, affiliations_from(text)
    return None, []


def _paired(names: list[str], qualifiers: list[str], italic: list[str]) -> list[str] | None:
    """`**A / B** (Org A / Org B)`: one organization per name, in order."""
    if len(names) < 2:
        return None
    for candidate in [*(_organizations_in(q) for q in qualifiers if "/" in q or ";" in q), italic]:
        if len(candidate) == len(names):
            return candidate
    return None


def _entries(item: Item, kind: EntityKind, document_text: str = "") -> list[EntityEntry]:
    fields = _fields_by_key(item)
    described = _field(fields, _DESCRIPTION_KEYS)  # read once: an organization's `about` and the description
    # An organization's prose line, read once: its `about` and its description (nothing is skipped)
    prose = _prose_description(item) if kind == EntityKind.ORGANIZATION and not described else None
    about = (described or prose or "") if kind == EntityKind.ORGANIZATION else ""
    title = clean_title(item.title)  # read once: the names and the descriptor
    names, aliases, qualifiers, affiliations = _entry_names(title, kind, document_text, about)
    if kind == EntityKind.ORGANIZATION and any(_PLACEHOLDER_ENTITY.search(q) or _UNNAMED.search(q) for q in qualifiers):
        return []  # `Rivian spinout (unnamed)`: no organization is named
    italic_line, italic_orgs = _italic_affiliation(item) if kind == EntityKind.PERSON else (None, [])
    paired = _paired(names, qualifiers, italic_orgs) if kind == EntityKind.PERSON else None
    if kind == EntityKind.PERSON and paired is None:
        for qualifier in qualifiers:
            if "/" in qualifier or ";" in qualifier:
                affiliations.extend(_organizations_in(qualifier))
        affiliations.extend(italic_orgs)
    descriptor = _title_descriptor(title, kind)
    if kind == EntityKind.PERSON and descriptor:
        affiliations.extend(_descriptor_affiliations(descriptor))
    own_description = None
    if kind == EntityKind.ORGANIZATION:
        description = described or prose or descriptor
    else:
        inline = clean(item.inline_plain) if kind == EntityKind.PERSON and item.inline_text else ""
        inline_organizations = _only_organizations(inline) if inline and not descriptor else []
        affiliations.extend(inline_organizations)  # `**Jo Li** — Varde University / Halden Lab`
        own_description = described or _prose_description(item, skip=italic_line, inline=not inline_organizations)
        description = own_description or descriptor
    why = _field(fields, _WHY_KEYS)
    if description and " | " in description:  # `**Name** | description | why mentioned`
        parts = [part.strip() for part in description.split(" | ")]
        description, why = parts[0], why or (parts[1] if len(parts) > 1 else None)
    if kind == EntityKind.PERSON:
        stated = _field(fields, _AFFILIATION_KEYS)
        if stated:
            for part in re.split(r"\s*;\s*", stated):  # `Founder & CEO, LiveKit`, `NVIDIA / UW`
                found = _organizations_in(part) or affiliations_from(part)
                for piece in [] if found else re.split(r",\s+(?=[A-Z])", part):
                    found.extend(_organizations_in(piece) or affiliations_from(piece) or _field_name(piece))
                affiliations.extend(found)
        if own_description:  # (a heading's descriptor is read above)
            affiliations.extend(description_affiliations(own_description))
        role = _field(fields, _ROLE_KEYS)
        if not stated and role and len(role.split()) <= 10:  # `Role: Head of Research at Vela`
            affiliations.extend(org for org in affiliations_from(role) if _ROLE_WORD.search(role))
    entries = []
    for position, name in enumerate(names):
        own = [paired[position]] if paired else []
        name = clean(name)
        if not name or _NOT_FOUND.match(name) or _PLACEHOLDER_ENTITY.search(name) or is_placeholder(name):
            continue
        if kind == EntityKind.ORGANIZATION and is_generic(name):
            continue  # `VC`, `AI lab`, `the startup`: a kind of organization, not one
        written = name
        own_kind = kind
        if kind == EntityKind.PERSON and " " not in name and _ORGANIZATION_DESCRIPTION.match(description or ""):
            own_kind = EntityKind.ORGANIZATION  # `**Sequoia** | Top-tier VC firm` filed under People
        if own_kind == EntityKind.PERSON and is_possessive_phrase(name):
            continue
        if own_kind == EntityKind.PERSON:
            name = strip_honorific(name)  # `Sen. Jane Roe` is Jane Roe; the written form stays an alias
            if not (looks_like_person_name(name) or has_cjk(name)) or name.split()[0] in ("The", "A", "An"):
                continue
        entries.append(
            EntityEntry(
                kind=own_kind,
                name=name,
                aliases=tuple(dict.fromkeys(a for a in (*aliases, address_form(written, name)) if a and a != name)),
                qualifiers=tuple(qualifiers),
                description=description,
                why_mentioned=why,
                affiliations=(
                    _affiliations([*own, *affiliations], document_text) if own_kind == EntityKind.PERSON else ()
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
    return _listed_affiliations(found)


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
    result = []
    for entry in entries:
        if entry.kind == EntityKind.PERSON and listed:
            known = [listed[fold(q)] for q in entry.qualifiers if fold(q) in listed]
            known += _listed_before_role(entry.description or "", listed)
            affiliations = _whole_names([*entry.affiliations, *known], listed, (*entry.qualifiers, entry.description))
            if affiliations != entry.affiliations:
                entry = entry.model_copy(update={"affiliations": affiliations})
        result.append(entry)
    return result


def _listed_before_role(description: str, listed: dict[str, str]) -> list[str]:
    """`Orbex VP of Fitness`, `Corvo partner`: a clause of the first sentence that opens with an
    organization the document lists, then a role (a listed name, so `Serial founder` is none)."""
    sentence = _FIRST_SENTENCE.split(clean(plain(description)), maxsplit=1)[0]
    found = []
    for clause in re.split(r";|,\s+|\s+and\s+", sentence):  # `Venture capitalist and Orbex co-founder`
        words = fold(clause).split()
        if _PAST_ROLE.search(clause) or not words:
            continue
        for size in range(min(5, len(words) - 1), 0, -1):  # the longest listed name first
            name = listed.get(" ".join(words[:size]))
            if name is not None:
                if _has_role(" ".join(words[size : size + 3])):
                    found.append(name)
                break
    return found


def _whole_names(affiliations: list[str], listed: dict[str, str], texts: tuple[str | None, ...]) -> tuple[str, ...]:
    """`Yemi (CFO of Hims & Hers)` where `Hims & Hers` is a Companies entry: her organization is it,
    not the `Hims` that splitting its name gave (though the text calls it `Hims` elsewhere)."""
    if not affiliations:
        return ()
    written = " ".join(fold(text) for text in texts if text)
    result = []
    for organization in affiliations:
        key = fold(organization)
        whole = None
        if key not in listed:  # (substrings first: the patterns are for the few that hold them)
            whole = next(
                (
                    name
                    for form, name in listed.items()
                    if form != key and key in form and form in written
                    if _holds_word(form, key) and _holds_word(written, form)
                ),
                None,
            )
        result.append(whole or organization)
    return tuple(dict.fromkeys(result))


def _holds_word(text: str, words: str) -> bool:
    """`words` in `text`, not inside a longer word."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None
