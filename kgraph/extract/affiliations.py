"""The organizations a text says a person belongs to: a heading's qualifier or descriptor
(`CEO of Acme`, `— Fudan University / Lab at HKU`), an affiliation field, a People entry's own
description where it opens with a current role, and the names a document lists. Read by
`kgraph.extract.entities` for each People entry and by `kgraph.extract.participants`."""

from __future__ import annotations

import re
from functools import lru_cache

from kgraph.extract.alternation import one_of
from kgraph.extract.known_organizations import known_organizations
from kgraph.extract.organization_names import is_generic, organization_words, split_affiliation, strip_label_prefix
from kgraph.names import (
    clean,
    contains_word,
    fold,
    found_at_word_start,
    is_placeholder,
    looks_like_person_name,
    name_shaped,
    split_qualifiers,
)
from kgraph.parse.inline import plain
from kgraph.person_names import is_place, is_town

# `CEO of Acme`, `Partner at Acme`; but `Head of Research`, `Secretary of Labor` name a field or a
# department, so `of` counts only after roles that lead a whole organization.
_ROLE_OF = re.compile(
    r"(?:\b(?:ceo|cto|coo|cfo|cro|cmo|cpo|cso|cio|cco|cdo|chro|ciso|founder|co-?founder|cofounder|president|"
    r"chair(?:man|woman)?|partner|owner|investor|member|employee|alum(?:nus|na)?|creator|maker|author|officer)s?\s+of"
    r"|\b(?:advisor|adviser)\s+to|\bat|@)"
    # (the name's capitals are capitals, joined by a few lower-case words: `of Our World in Data`,
    # but `of Acme and founder of X` names `Acme`)
    r"\s+(?:the\s+)?(?:board\s+of\s+)?(?P<org>(?-i:[A-Z][\w.&'’-]*(?:\s+(?:(?:&|and|of|for|on|in|the|de|du)\s+)?[A-Z][\w.&'’-]*){0,4}))",
    re.I,
)


_ROLE_WORDS = (
    "ceo|cto|coo|cfo|cro|cmo|cpo|cso|cio|cco|cdo|chro|ciso|founder|co-founder|cofounder|former|partner|host|"
    "chair|chairman|chairwoman|chairperson|president|"
    "head|director|investor|member|senator|rep|representative|judge|professor|researcher|scientist|"
    "engineer|fellow|lecturer|analyst|editor|reporter|chief|vp|secretary|minister|governor|mayor|"
    "commissioner|ambassador|dean|chancellor"
)
# (grouped by first letters, see `one_of`: searched for in every description, title and clause)
ROLE_WORD = re.compile(rf"\b{one_of(_ROLE_WORDS, ignore_case=True)}\b", re.I)
# A capitalized name with lower-case joiners: `University of Oslo`, `Institute for Tides and Ice`,
# `Rye & Oak`.
_ORG_NAME = re.compile(
    r"[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|and|&|on|the|de|du|del|della|di|da|des|der)\s+)*[A-Z][\w.&'’-]*){0,7}"
)
# `Varde Institute, Department of Mechanical Engineering`: an institution, then its unit.
_INSTITUTION_THEN_UNIT = re.compile(
    rf"(?P<institution>{_ORG_NAME.pattern}),\s+(?:Departments?|Dept\.?|Schools?|Faculty|Division)\s+(?:of|for)\s[^,;/()]+"
)
_PARTY = re.compile(r"^[DRI]-[A-Z][A-Za-z.]*$")
# `director of the Meridian Compute Observatory`: a post heading a named body of two words or more
# (`Head of Product`, `Director of Engineering` name a function, not an organization)
_HEAD_OF_THE = re.compile(
    r"\b(?i:director|head|dean|chair|chief)s?\s+of\s+the\s+"
    r"(?P<org>[A-Z][\w.&'’-]*(?:\s+(?:(?:&|and|of|for|on|in|de|du)\s+)?[A-Z][\w.&'’-]*){1,4})"
)


def descriptor_affiliations(descriptor: str) -> list[str]:
    """`CEO of Acme`, `buyer at Acme`, `Fudan University / Lab at HKU` -> the organizations; the
    sentence's full stop is none of the name (`, Varde Institute.`), and neither is a department
    after it (`Varde Institute, Department of Looms`)."""
    # (a post left behind is stated too: `Brightline Robotics; formerly Kessel Polytechnic Institute`)
    descriptor = _LEFT_ROLE.sub("", _without_full_stop(descriptor).strip(), count=1)
    if (unit := _INSTITUTION_THEN_UNIT.fullmatch(descriptor.strip())) and not ROLE_WORD.search(descriptor):
        return [unit.group("institution")]
    parts = ORG_SEPARATOR.split(split_qualifiers(descriptor)[0])
    if len(parts) > 1:
        return [org for part in parts for org in (descriptor_affiliations(part) or organizations_in(part))]
    if re.search(ROLE_WORD.pattern + r"|\bat [A-Z]", descriptor, re.I):
        return organization_beside_post(descriptor) or affiliations_from(descriptor)  # (`FBI Director`)
    bare = parts[0].strip()
    if not _ORG_NAME.fullmatch(bare) or is_placeholder(bare) or ROLE_WORD.search(bare):
        return organization_beside_post(bare)  # `— Guest`, `— Norwegian weaving mill`; `— Former CIA Officer`
    return organization_beside_post(bare) or [bare]  # `— Fudan University`, `, Meta`; `— Acme GP`


def _without_initialisms(organizations: list[str]) -> tuple[str, ...]:
    """Unique organizations, dropping `CMU` beside `Carnegie Mellon University`."""
    unique = list(dict.fromkeys(organizations))
    initials = {"".join(word[0] for word in org.split() if word[0].isupper()) for org in unique if " " in org}
    return tuple(org for org in unique if not (org.isupper() and " " not in org and org in initials))


def organizations_of(organizations: list[str], text: str = "") -> tuple[str, ...]:
    """A person's organizations, without label prefixes (`Company: Acme`) and generic words (`VC`),
    each split like a Companies heading (`Hulu and Disney+` is two when the text names each)."""
    named = [part for org in organizations for part in split_affiliation(strip_label_prefix(org), text)]
    kept = [org for org in named if org and not is_generic(org)]
    if any(_ACADEMIC_UNIT.match(org) for org in kept) and any(_INSTITUTION.search(org) for org in kept):
        # `Kestrel Institute, Department of Mechanical Engineering`: a unit of the institution,
        # whose name every university shares, is no organization of its own
        kept = [org for org in kept if not _ACADEMIC_UNIT.match(org)]
    return _without_initialisms(kept)


_ACADEMIC_UNIT = re.compile(r"(?:Department|Dept\.?|School|Faculty|Division|College)\s+(?:of|for)\s", re.I)
# An abbreviation's dot, or an initial's, at the end of a name (`Acme Inc.`, `Orbex Co.`, `Jo R.`).
_ABBREVIATION_END = re.compile(r"(?:\b(?:Inc|Ltd|Corp|Co|Bros|Jr|Sr|St|Dept|Assn)|\b[A-Z])\.$")


def _without_full_stop(text: str) -> str:
    """`Varde Institute.` -> `Varde Institute`: a sentence's full stop, not an abbreviation's."""
    stripped = text.rstrip()
    return stripped[:-1] if stripped.endswith(".") and not _ABBREVIATION_END.search(stripped) else text


_INSTITUTION = re.compile(
    r"\b(?:University|Universit[éàä]|Institute|College|Polytechnic|Academy|Lab|Laboratory)\b|^[A-Z]{2,6}$"
)


_ROLE_COMMA_ORG = re.compile(r"(?P<a>[^,]+),\s+(?P<b>[^,]+)")
# `Senior Analyst, Emerging Tech, Orbex`: a role, its field (capitalized words), the organization
_ROLE_FIELD_ORG = re.compile(r"(?P<role>[^,]+),\s+(?P<field>[A-Z][\w&-]*(?:\s+[A-Z&][\w&-]*){0,3}),\s+(?P<org>[^,]+)")
# Words of a title before its post (`Vice President`, `Executive Chairman`), not of a name.
_TITLE_MODIFIERS = frozenset("vice deputy executive senior assistant acting interim associate lead managing".split())
# An organization, then a post in it (not a profession: `Korean AI scientist` names no employer).
_ORG_THEN_ROLE = re.compile(
    r"(?!New\s)(?P<org>[A-Z][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,4}?)\s+"  # (`New Orbex principal`: new there)
    r"(?i:(?:co-?|managing\s+|general\s+)?(?:founders?|cofounders?|ceo|cto|coo|cfo|cro|cmo|cpo|president|"
    r"chair(?:man|woman)?|partners?|gp|principal)(?:\s*(?:&|and|/)\s*(?:ceo|cto|coo|cfo|president|chair))?)"
)
_AT_ORG = re.compile(r"\s(?:at|@)\s+(?P<org>[^,;]+)")


_NAME_JOINER = re.compile(r"\s(?:of|de|del|della|di|da|des|der|du)\s")  # `Laboratorio de Robótica Blanda`
# `Halden Institute for AI`, `Center for Humane Technology`: `for` inside an institution's name
_INSTITUTION_FOR = re.compile(
    r"\b(?:Institute|Center|Centre|Foundation|Council|Alliance|Coalition|Association|Society|Office|Agency|Bureau|"
    r"Laboratory|School|College|Initiative)\s+for\s"
)


def affiliations_from(text: str) -> list[str]:
    """`CEO of Acme` / `Partner at Acme` / `Acme` (a bare organization name) -> [`Acme`]."""
    text = clean(plain(text))
    bare = split_qualifiers(text)[0]
    if is_past_role(bare):  # `Former CEO, MosaicML`: no longer there; `Formerly of X, Now at Y`: Y
        return [org for role in current_roles(bare) for org in affiliations_from(role)]
    if joining := _JOINING.match(bare):  # `Returning to Sequoia Capital`
        return [joining.group("org") or joining.group("joined")]
    if (
        _ORG_NAME.fullmatch(bare)
        and (_NAME_JOINER.search(bare) or _INSTITUTION_FOR.search(bare))
        and not ROLE_WORD.search(bare)
    ):
        return [bare]  # `Nordic Institute of Sea Robotics` is one name, not a role of `Sea Robotics`
    comma = _ROLE_COMMA_ORG.fullmatch(bare)  # `Chair, UCSF` / `OpenAI, head of X`
    if comma:
        for role, org, org_last in (
            (comma.group("a"), comma.group("b"), True),
            (comma.group("b"), comma.group("a"), False),
        ):
            if not (_ORG_NAME.fullmatch(org) and not ROLE_WORD.search(org)):
                continue
            if org_last and _ROLE_OF.search(role):
                break  # `CEO of Orbex, Inc.`, `Partner at Orbex, Halden and Tidal`: the role names its own
            if ROLE_WORD.search(role) or _plural_role(role):  # (`Co-founders, Corvid Pay`: a row of two)
                return [org]
            # a title of the longer list, before the organization (`Principal, Johnson Associates`;
            # `Philanthropist, author` and `Loom Weekly, staff` name none)
            if org_last and _has_role(role) and not _has_role(org):
                return [org]
    field = _ROLE_FIELD_ORG.fullmatch(bare)
    if field and ROLE_WORD.search(field.group("role")) and not ROLE_WORD.search(field.group("field")):
        org = field.group("org")
        # one plain word after two could be a third title (`Founder, Builder, Dreamer`): a name is
        # written as one (`PitchBook`, `MIT`) or has more words
        named = " " in org or any(char.isupper() for char in org[1:])
        if named and _ORG_NAME.fullmatch(org) and not ROLE_WORD.search(org) and not is_place(org):
            return [org]
    at = _AT_ORG.search(bare)  # `Head of Research at University of Oslo`
    if at and _ORG_NAME.fullmatch(at.group("org").strip()) and not ROLE_WORD.search(at.group("org")):
        return [at.group("org").strip()]
    match = _ROLE_OF.search(text) or _headed_institution(text)
    if match and not ROLE_WORD.search(match.group("org")):
        return [match.group("org").strip()]
    trailing = _ORG_THEN_ROLE.fullmatch(text)  # `Northgate Software founders`, `Orbex CEO`
    role = text[trailing.end("org") :].strip() if trailing else ""
    named = role[:1].isupper() and role.endswith("s")  # `Canaan Partners`, `Founders`: the name's own word
    org = trailing.group("org") if trailing and not named else ""
    words = org.lower().split()
    if words and words[-1] not in _TITLE_MODIFIERS and not ROLE_WORD.search(org) and not is_place(org):
        return [org]  # (`U.S. Vice President`: a title, whose first word may be a place)
    if (
        re.fullmatch(r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}", text)
        and not name_shaped(text)
        and not ROLE_WORD.search(text)
        and not _PARTY.match(text)
    ):
        return [text]
    return []


# `Co-founders of Brightloom`: the role of an entry naming several people
_PLURAL_ROLE_OF = re.compile(r"\b(?:co-?founders|cofounders|founders|owners|partners|ceos)\s+(?:of|at)\s", re.I)


def _plural_role(role: str) -> bool:
    """`Co-founders`, `Managing partners`, `Newly promoted GPs`: the role of a row naming several people."""
    last = role.split()[-1] if role.split() else ""
    return last.endswith("s") and (
        ROLE_WORD.fullmatch(last[:-1]) is not None or _MORE_ROLES.fullmatch(last[:-1]) is not None
    )


# What a description says a person is, where it starts with a current role: `CEO of Acme`,
# `Chief Scientist, Acme`, `Researcher at Acme`, `Acme's Head of Policy`, `Head of Acme's lab`.
# (a sentence may be followed by a quote: `Andreessen Horowitz co-founder. "Ben is ..."`)
_FIRST_SENTENCE = re.compile(r"(?<!\b[A-Z])\.\s+(?=[\"“‘'*_]*[A-Z])|\s+\|\s+|\s+[—–]\s+|\s+-\s+|\s*[:(]")
_SENTENCE_MARK = re.compile(r"[.|—–:(-]")
_PAST_ROLE_WORDS = "former|formerly|previously|ex|once|until|retired|late|then|prior|outgoing|departing"
_PAST_ROLE = re.compile(rf"\b(?:{_PAST_ROLE_WORDS})\b", re.I)
_PAST_ROLE_IN_LOWER_CASE = re.compile(rf"{one_of(_PAST_ROLE_WORDS)}\b")  # (see `_has_role`)


_STARTS_ROLE = re.compile(r"\b(?:at|of|now|currently|joining|joins|joined|returning|returns)\b", re.I)


def current_roles(text: str) -> list[str]:
    """The roles of `text` not left behind: `CEO of Orbex, formerly of Acme` -> [`CEO of Orbex`].
    A clause with a role word or a preposition starts a role; a bare name belongs to the role
    before it (`Former CEO, MosaicML` is one role)."""
    return [role for role in _roles(text) if not is_past_role(role)]


def _roles(text: str) -> list[str]:
    roles: list[list[str]] = []  # each role's clauses, joined once (a run of thousands stays linear)
    # (`former CVS pharmacist and former director of X`: `and` before a past word opens another role)
    for clause in re.split(r"\s*[;,]\s+|\s+and\s+(?=(?:former|formerly|previously|ex-)\b)", text):
        if roles and not (ROLE_WORD.search(clause) or is_past_role(clause) or _STARTS_ROLE.search(clause)):
            roles[-1].append(clause)
        else:
            roles.append([clause])
    return [", ".join(clauses) for clauses in roles]


def is_past_role(text: str) -> bool:
    """`Former CEO, MosaicML`, `CEO until 2020`: a role the person has left."""
    if not text.isascii():
        return _PAST_ROLE.search(text) is not None
    return found_at_word_start(_PAST_ROLE_IN_LOWER_CASE, text.lower())


_OWNER_ROLE = re.compile(rf"^(?P<org>{_ORG_NAME.pattern})['’]s\s+(?P<role>(?:\S+\s+){{0,2}}\S+)")  # `Acme's Head of X`
# `Head of Acme's health team` (but `CEO of BJ's Restaurants` names `BJ's Restaurants`: a name goes on)
_ROLE_OF_OWNER = re.compile(rf"^(?:[\w/-]+\s+){{1,3}}of\s+(?P<org>{_ORG_NAME.pattern})['’]s\s+(?P<rest>.*)$")
# A name's words: capitalized, or lower-case joiners between them (`Our World in Data`).
_NAME_RUN = re.compile(r"[A-Z][\w.&'’-]*(?:\s+(?:(?:of|for|and|&|on|the|de|du|in)\s+)*[A-Z][\w.&'’-]*)*")
_WORK_ROLE = re.compile(r"^(?:co-?)?(?:author|creator|writer)\b", re.I)  # `Author of The Worlds I See`: a work
# `Author, The Loom Corner newsletter`, `Publisher of Orbex Weekly and The Tide blogs`: a publication
# the person writes for is an organization (a book is not: it names no kind of publication)
_PUBLICATION = re.compile(
    rf"^(?i:(?:co-?)?(?:author|writer|editor|publisher|creator|founder))(?:,|\s+(?i:of|at|for))\s+"
    rf"(?P<names>{_ORG_NAME.pattern})\s+(?P<kind>(?i:newsletters?|blogs?|substacks?|magazines?|publications?))\b"
)
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
_MORE_ROLE_WORDS = (
    "cio|cmo|cpo|cso|evp|svp|officer|official|manager|lead|principal|associate|staff|advisor|adviser|"
    "economist|trustee|general counsel|czar|envoy|spokesperson|co-author|coauthor|author|pi|postdoc|executive|md|"
    "contributor|columnist|correspondent|strategist|gp|gps|pm|coach"
)
_MORE_ROLES = re.compile(rf"\b{one_of(_MORE_ROLE_WORDS, ignore_case=True)}\b", re.I)
# Both lists' words in lower-case text, without the leading `\b` (checked apart, see `_has_role`):
# a case-sensitive pattern that starts on its words' letters is searched several times faster.
_ROLE_IN_LOWER_CASE = re.compile(rf"{one_of(_ROLE_WORDS + '|' + _MORE_ROLE_WORDS)}\b")


_TITLE_JOINERS = frozenset(("of", "and", "&", "for", "at", "the", "in"))


def _title_cased(words: list[str]) -> bool:
    """`New Managing Director and Head of PE Secondaries at`: a long title, not a sentence."""
    return all(word[:1].isupper() or word.lower() in _TITLE_JOINERS for word in words)


@lru_cache(maxsize=1024)  # (a People entry's description is read here twice: its roles, then its listed names)
def _first_sentence(description: str) -> str:
    """What a description says first: up to a sentence end, a dash, a colon or a parenthesis."""
    text = clean(plain(description))
    # Each way `_FIRST_SENTENCE` matches holds one of its marks, with only spaces before it in the
    # match: the first match starts no earlier than the spaces before the first mark (found at
    # once, where the pattern itself is tried at every character).
    mark = _SENTENCE_MARK.search(text)
    found = _FIRST_SENTENCE.search(text, len(text[: mark.start()].rstrip())) if mark else None
    return text[: found.start()] if found else text


def _has_role(text: str) -> bool:
    """`ROLE_WORD.search(text) or _MORE_ROLES.search(text)`, answered for ASCII text in lower case
    (where IGNORECASE folds nothing beyond ASCII letters, and `\\b` sees the same word characters)."""
    if not text.isascii():
        return bool(ROLE_WORD.search(text) or _MORE_ROLES.search(text))
    return found_at_word_start(_ROLE_IN_LOWER_CASE, text.lower())


def _name_goes_on(rest: str) -> bool:
    """After `X's`, capitalized words up to a comma or the end: one name (`BJ's Restaurants, ...`),
    not a part of X (`Acme's Health Care team`)."""
    words = rest.split()
    run = next((number for number, word in enumerate(words) if not word[:1].isupper()), len(words))
    return run > 0 and (run == len(words) or any(word.endswith(",") for word in words[:run]))


def only_organizations(text: str) -> list[str]:
    """`Shanghai AI Lab`, `Varde University / Halden Lab`: the organizations, when the text is
    nothing else (no role: `CEO of Acme` is a description); an institution's department after it
    is none of them (`Varde Institute, Department of Looms.`)."""
    text = _without_full_stop(text)
    if (unit := _INSTITUTION_THEN_UNIT.fullmatch(text.strip())) and not _has_role(text):
        text = unit.group("institution")
    parts = [part.strip() for part in ORG_SEPARATOR.split(text) if part.strip()]
    if not parts or _has_role(text) or any(is_place(part) for part in parts):
        return []  # `— Norway`: where they are from
    found = descriptor_affiliations(text)
    return found if [fold(org) for org in found] == [fold(part) for part in parts] else []


# A founding that a later role's `former` does not end: `Co-founder and former CEO of Acme`.
# `Founder and former CEO of Acme`, `Founder and principal of Acme`: a founder of Acme either way
_FOUNDER_AND_FORMER = re.compile(
    r"^(?P<role>(?:co-?)?founder)\s+and\s+(?:(?:former|ex-)\s*)?[\w -]+?\s+(?P<rest>(?:of|at)\s.*)$", re.I
)
_INSTITUTION_COMMA = re.compile(r"(?P<org>[^,]+),\s+(?P<role>[^,]+)")


def field_organization(text: str) -> list[str]:
    """`Lab/Institution: Alibaba`: under an affiliation label, one capitalized word is the
    organization's name (elsewhere a lone capitalized word could be anyone or anywhere)."""
    word = clean(plain(text))
    return [word] if re.fullmatch(r"[A-Z][\w.&-]+", word) and not is_place(word) and not ROLE_WORD.search(word) else []


# The words other than capitalized ones that `only_organizations` can accept: a name's joiners, separators
_NAME_JOINERS = frozenset(("of", "for", "and", "&", "on", "the", "de", "du", "/", ";"))
_INSTITUTION_WORDS = frozenset(
    "university institute college school lab labs laboratory academy center centre foundation observatory agency "
    "bureau commission committee council association society hospital ministry office department coalition "
    "alliance consortium federation".split()
)


_ACRONYM_CAMPUS = re.compile(r"[A-Z]{2,6}\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")
# `Amazon FAR`, `Meta FAIR`: a company's unit, named by its acronym after the company
_COMPANY_UNIT = re.compile(r"[A-Z][a-z]+\s+[A-Z]{3,6}")
_ACRONYMED = re.compile(r"\b[A-Z]{3,6}\b|\bUniversity\b|\bInstitute\b")  # `CMU`, `Amazon FAR`, `... University`
# `UC Berkeley / Amazon FAR team co-lead`: the organizations, then lower-case words of a role
_TRAILING_ROLE = re.compile(r"^(?P<orgs>.*?[A-Z][\w.&'’-]*)\s+(?P<role>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)$")


_INNER_CAPITAL = re.compile(r"^[A-Z][a-z]+[A-Z]\w*$|^[A-Z]{2,}[a-z]+$")  # `OpenDriveLab`, `MMLab`


def _institutions(sentence: str) -> list[str]:
    """`Stanford University.`, `Tsinghua University / Orbex AI.` opening a description: who the
    person works for, when every part is an organization that says it is one (a kind word such as
    University, Lab, AI) or an acronym (`MIT`): not `Serial Entrepreneur.`"""
    if not all(word[:1].isupper() or word[:1].isdigit() or word in _NAME_JOINERS for word in sentence.split()):
        return []  # (most first sentences have a lower-case word: not names only)
    found = only_organizations(_departments_dropped(sentence))
    known = known_organizations().name_set
    suffixes = organization_words().kind_suffixes | _INSTITUTION_WORDS
    named = all(
        re.fullmatch(r"[A-Z]{2,6}", org)
        or _ACRONYM_CAMPUS.fullmatch(org)
        and is_town(org.split(maxsplit=1)[1])  # `HKUST Guangzhou`, `UC Berkeley`
        or _COMPANY_UNIT.fullmatch(org)
        or (
            len(words := fold(org).removeprefix("the ").split()) > 1
            and (words[-1] in suffixes or words[0] in _INSTITUTION_WORDS)
        )
        or org in known
        or _INNER_CAPITAL.search(org)  # `OpenDriveLab`
        for org in found
    )  # the kind word ends the name (`Orbex AI`), or an institution's begins it (`University of Varde`)
    return found if named else []


# The words of an academic department's name: `Stanford Mechanical Engineering`, `Aeronautics & Astronautics`
_DEPARTMENT_WORDS = frozenset(
    "engineering science sciences computer computing mechanical electrical civil chemical aeronautics astronautics "
    "aerospace physics chemistry biology bioengineering mathematics statistics medicine economics & and of".split()
)


def _departments_dropped(sentence: str) -> str:
    """`Stanford Mechanical Engineering / Aeronautics & Astronautics` -> `Stanford`: a well-known
    institution's department is the institution, and a department alone names none."""
    parts = []
    for part in ORG_SEPARATOR.split(sentence):
        words = part.split()
        department = [word.lower() in _DEPARTMENT_WORDS for word in words]
        if words and all(department) and _names_a_discipline(words):
            continue
        tail = len(words)  # where the words of a department run to the end begin (read from the end once)
        while tail > 1 and department[tail - 1]:
            tail -= 1
        opening = tail if tail < len(words) else None
        if (
            opening is not None
            and _names_a_discipline(words[opening:])
            and " ".join(words[:opening]) in known_organizations().name_set
        ):
            part = " ".join(words[:opening])
        parts.append(part)
    return " / ".join(parts)


def _names_a_discipline(words: list[str]) -> bool:
    """Whether a department's words hold more than its joiners (`of`, `&`)."""
    return any(word.lower() not in _NAME_JOINERS for word in words)


# A move the sentence reports as under way, or done and held: the organization is theirs now.
_JOINING = re.compile(
    rf"^(?i:(?:is|has)\s+)?(?:(?i:joining|joins|rejoining|rejoins|returning to|returns to|moving to|moves to)\s+"
    rf"(?P<org>{_ORG_NAME.pattern})(?=\s+as\b|\s*$|['’]s\b|\s*[,.;(])"
    rf"|(?i:joined|rejoined)\s+(?P<joined>{_ORG_NAME.pattern})(?=\s+as\b))"
)


# A clause opening on founding or leading an organization, a verb for the role (`Co-founded Orbex in
# 2019`, `Currently leading Project Prometheus`): a founder stays one, a leader is one now.
_LEADS = re.compile(
    r"^(?i:(?:currently|now)\s+)?(?i:co-?founded|founded|leads|leading|heads|heading|chairs|chairing|runs|running)\s+"
    rf"(?:the\s+)?(?P<org>{_ORG_NAME.pattern})"
    # the name ends there (`Leads the AI team`, `Runs Paris marathons` name no organization;
    # `leading Copilot, Microsoft` names the product's maker after it)
    r"(?=\s*$|\s*[;(.—–]|,(?!\s*[A-Z])|\s+(?:in|since|with|from|as|at|to|for|until|while|after)\b"
    # (`running OpenAI's hardware division`: a part of it)
    r"|['’]s\s+(?:[a-z][\w-]*\s+){0,3}(?:division|team|unit|group|arm|lab|business)\b)"
)


def names_a_kind(name: str) -> bool:
    """Whether a name of two words or more ends on a word for a kind of organization (`Varde Labs`,
    `Orbex Capital`; not `Security` alone, the end of `Bureau of Industry and Security`)."""
    words_of = fold(name).split()
    if len(words_of) < 2:
        return False
    last = words_of[-1]
    words = organization_words()
    return (
        last in words.kind_suffixes
        or last in words.investment_suffixes
        or last in _INSTITUTION_WORDS
        or last in _TRADE_ENDINGS
    )


# What a company's name ends on that a person's does not: `Universal Robots`, `Brightmere Foods`
_TRADE_ENDINGS = frozenset(
    "robots foods motors airlines brands games pictures records stores markets solutions services products "
    "materials devices machines instruments semiconductors chemicals pharmaceuticals logistics payments bank "
    "trust insurance securities exchange airways automotive electronics entertainment works".split()
)


def _and_parts(org: str) -> list[str]:
    """`Tesla and SpaceX`, `Trinity and the Black Eyed Peas`: each, when each is a name."""
    parts = [part.removeprefix("the ") for part in org.split(" and ")]
    if (" of " in parts[0] or " for " in parts[0]) and not names_a_kind(parts[-1]):
        # `Bureau of Industry and Security`, `Department of Health and Human Services`: the `and`
        # goes on in the name (not `University of Oslo and Varde Labs`)
        return [org]
    return parts if all(_ORG_NAME.fullmatch(part) for part in parts) else [org]


# The words that make a role a past one, where they open it: `Former CPO at Calendly`,
# `formerly at Xiaomi`, `ex-Google`, `previously a partner at Halden`.
_LEFT_ROLE = re.compile(r"^(?:and\s+)?(?:formerly|former|previously|once|ex-|ex\s+)\s*(?:(?:a|an|the)\s+)?", re.I)
_SENTENCE_END = re.compile(r"(?<=[a-z\d)]{2})\.\s+(?=[A-Z])")
# A title written after the organization (`Airbnb PM`, `Uber SVP of Business`): the name ends before it.
_TITLE_AFTER = re.compile(r"\s+(?:S?E?VP|PM|GM|MD|TPM|EM)\b.*$")


_OF_OR_AT = re.compile(rf"(?:of|at|with)\s+(?P<org>{_ORG_NAME.pattern})")


def _headed_institution(text: str) -> re.Match[str] | None:
    """`director of the Meridian Compute Observatory`, where a word of an institution or a company
    opens or ends the name (not `Head of the Product Team`, `Chief of the Defense Staff`)."""
    match = _HEAD_OF_THE.search(text)
    if match is None:
        return None
    words = fold(match.group("org")).split()
    return match if names_a_kind(match.group("org")) or words[0] in _INSTITUTION_WORDS else None


def past_affiliations(description: str) -> list[str]:
    """The organizations a person's description names in roles the person has left (`Former CPO at
    Calendly and Glassdoor`, `formerly at Xiaomi`, `ex-Google`): no affiliations, but the episode
    names them. A role counts where the past word opens its clause."""
    text = clean(plain(description))
    if not has_past_cue(text):
        return []  # (most descriptions hold no post left behind)
    found: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        for clause in _roles(sentence.rstrip(". ")):
            role, left = _LEFT_ROLE.subn("", clause.strip())
            if left and (there := _OF_OR_AT.fullmatch(role)):  # `formerly of Tidal Works`
                found.extend(_and_parts(there.group("org")))
            elif (named := _EX_NAME.fullmatch(clause.strip())) and not ROLE_WORD.search(named.group("org")):
                found.append(named.group("org"))  # `ex-Cerberus`: a name after `ex-` is where they were
            elif left and role:
                organizations = affiliations_from(role) or organization_beside_post(role)  # `Former Oracle salesperson`
                found.extend(part for org in organizations for part in _and_parts(_TITLE_AFTER.sub("", org)))
    return [org for org in found if not is_place(org) and not is_generic(org)]


# What a role left behind needs to be read (`_LEFT_ROLE`, `_EX_NAME`): `ex-`, `ex `, `former`, `previously`, `once`
PAST_CUE = re.compile(r"(?i:former|previous|once|ex-|ex\s)")
_PAST_CUE_IN_LOWER_CASE = re.compile(r"former|previous|once|ex-|ex\s")


def has_past_cue(text: str) -> bool:
    """`PAST_CUE.search(text)`, answered for ASCII text in lower case (see `_has_role`)."""
    if not text.isascii():
        return PAST_CUE.search(text) is not None
    return _PAST_CUE_IN_LOWER_CASE.search(text.lower()) is not None


_EX_NAME = re.compile(r"(?i:ex)-(?P<org>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2})")
_NOW = re.compile(r"^(?:and\s+)?(?:now|currently)\s+(?:(?:a|an|the)\s+)?", re.I)
# (`now at Microsoft`, `now leading hardware design at OpenAI`)
_NOW_AT = re.compile(
    r"(?:(?i:leading|running|heading|overseeing|building|managing|working\s+on)\s+[a-z][\w&\s-]{0,40}?\s+)?"
    rf"(?:at|with)\s+(?P<org>{_ORG_NAME.pattern})\s*$"
)


def _role_clauses(text: str) -> list[str]:
    """`Co-founder of PayPal, founder/CEO of Affirm` -> both roles: a comma starts a new clause
    between two roles (else it is inside one: `CEO of Acme, Inc.`, `MIT, lead author`)."""
    pieces = text.split(", ")
    joined = [[pieces[0]]]  # each clause's pieces, joined once (a run of thousands stays linear)
    has_role = [_has_role(pieces[0])]
    for piece in pieces[1:]:
        if _has_role(" ".join(piece.split()[:2])) and has_role[-1]:  # (`MIT, lead author`: one)
            joined.append([piece])
            has_role.append(_has_role(piece))
        else:
            joined[-1].append(piece)
            has_role[-1] = has_role[-1] or _has_role(piece)
    clauses = [", ".join(parts) for parts in joined]
    # `Host of Loom Talk and managing partner at Orbex`: `and` between two roles with their own
    # organizations starts a clause too (not `Founder and CEO of Orbex`, one role of two titles)
    return [part for clause in clauses for part in _two_roles(clause)]


# The kind of organization between a role's preposition and the name: `of the developer-tools company
# Stackwell`, `of the growth fund Meridian Arc` (read as `of Stackwell`).
_KIND_BEFORE_NAME = re.compile(
    r"\b(?P<preposition>of|at)\s+the\s+(?:[\w-]+\s+){0,3}?(?:company|startup|firm|fund|group|lab|maker|platform|"
    r"bank|chain|retailer|insurer|agency|network|publication|outlet|studio|brokerage|developer|lender)\s+(?=[A-Z])"
)
_MOST_ROLES = 8  # roles one clause is cut into: a longer run is no description of one person
_OWN_ORGANIZATION = re.compile(r"\s(?:of|at)\s+[A-Z]")  # `Host of Loom Talk`, not `Founder`
_AND_ROLE = re.compile(r"\s+and\s+(?=(?:[\w-]+\s+){0,2}?[\w-]+\s+(?:of|at)\s+[A-Z])")


def _two_roles(clause: str) -> list[str]:
    """A clause cut where `and` joins two roles with their own organizations (a few at most)."""
    if "and" not in clause:  # (the most clauses: no joint to read)
        return [clause]
    parts: list[str] = []
    start = 0
    for joint in _AND_ROLE.finditer(clause):
        if len(parts) == _MOST_ROLES:
            break
        first, second = clause[start : joint.start()], clause[joint.end() :]
        if _OWN_ORGANIZATION.search(first) and _has_role(first) and _has_role(" ".join(second.split()[:3])):
            parts.append(first)
            start = joint.end()
    return [*parts, clause[start:]]


# A post's words set after or before an organization's name: `Y Combinator CEO`, `Andreessen Horowitz
# GP`, `Apple VP of Fitness Technologies`, `Former OpenAI Chief Scientist`, `VP, Consumer Trust, Google`
_POST = (
    r"(?i:co-?founder|cofounder|founder|ceo|cto|cfo|coo|cpo|cmo|gp|general\s+partner|managing\s+partner|"
    r"managing\s+director|partner|president|chair(?:man|woman)?|chief\s+[a-z]+(?:\s+officer)?|professor|"
    r"officer|researcher|(?:neuro|computer\s+|data\s+)?scientist|economist|fellow|lecturer|special\s+agent|agent|"
    r"(?:ai|ml|research|product|engineering|design)\s+(?:lead|leader)|"
    # a post anyone holds in an organization (`Former Oracle salesperson`, `Google engineer`, `Stripe alum`)
    r"exec(?:utive)?|(?:software\s+)?engineer|investor|employee|staffer|salesperson|banker|analyst|designer|"
    r"reporter|correspondent|columnist|journalist|"
    r"(?:product\s+)?manager|lawyer|attorney|alum(?:nus|na)?|pharmacist|physician|nurse|surgeon|consultant|trader|"
    r"accountant|recruiter|(?:head\s+)?coach|pm)"
)
# a post of a field, named after it: `VP of Fitness Technologies`, `Head of Growth`
_FIELD_POST = r"(?i:[se]?vp|(?:co-?)?head|director)(?:\s+(?i:of|for)\s+[\w&'’ -]{1,40})?"
# (as few words as the post leaves: `OpenAI` of `OpenAI Chief Scientist`)
_ORGANIZATION_WORDS = r"[A-Z0-9][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,3}?"
_ORGANIZATION_THEN_POST = re.compile(
    rf"^(?:(?i:former|ex-)\s*)?(?P<orgs>{_ORGANIZATION_WORDS}(?:\s+(?:and|&)\s+{_ORGANIZATION_WORDS})?)\s+"
    # (`Andreessen Horowitz GP, runs crypto funds`, `Oracle salesperson turned creator`; not `, now CEO of X`;
    # `PitchBook emerging technology analyst`: the post's field in lower-case words before it)
    # (not a word that makes the post another's or past: `Netflix former product executive`, `Tesla short
    # seller and investor`, `Harvard dropout and aspiring engineer`, `Google fired engineer`)
    r"(?:(?!(?:former|ex|and|or|rival|would-be|fired|retired|turned|short|critic|dropout|aspiring|laid-off|"
    r"departing|outgoing|incoming|onetime|one-time|future|prospective|fellow)\b)[a-z][\w-]*\s+){0,3}?"
    rf"(?:{_POST}|{_FIELD_POST})(?:\s+turned\s+[a-z][^,]{{0,40}})?"
    rf"(?:,\s+(?!(?:now|currently|and|formerly|previously)\b)[a-z][^,]{{0,60}})?$"
)
# (`New power & utilities team head, Bank of Nova Scotia`: the post's field in lower-case words before it)
_POST_THEN_ORGANIZATION = re.compile(
    rf"^(?:(?i:new|newly\s+named|interim|acting)\s+)?(?:[a-z&][\w&-]*\s+){{0,4}}?(?:{_POST}|{_FIELD_POST}),\s+"
    rf"(?:[^,]{{1,40}},\s+)?(?P<orgs>{_ORGANIZATION_WORDS}(?:\s+of\s+{_ORGANIZATION_WORDS})?)$"
)


def organization_beside_post(sentence: str) -> list[str]:
    """The organizations a description names right beside a post (`Y Combinator CEO`, `Partner,
    17Capital`): names the shipped list knows, or written as only a name is (a capital or a digit
    inside it: `OpenAI`, `17Capital`), never a word a description opens on (`Serial founder`)."""
    found = _ORGANIZATION_THEN_POST.match(sentence) or _POST_THEN_ORGANIZATION.match(sentence)
    if found is None:
        # `Coatue investor and Atlassian CTO`: two posts, each beside its organization
        parts = sentence.split(" and ") if len(sentence) < 120 else []
        if len(parts) != 2 or not all(_ORGANIZATION_THEN_POST.match(part) for part in parts):
            return []
        return [org for part in parts for org in organization_beside_post(part)]
    names = re.split(r"\s+(?:and|&)\s+", found.group("orgs"))
    if any(
        is_place(name) or any(word in _FIELD_ACRONYMS or _MULTIPLE.match(word) for word in name.split())
        for name in names
    ):
        return []
    known = known_organizations().name_set
    kinds = organization_words().kind_suffixes - {"ai", "ml"}  # (`Halden Labs`; not `Famed AI researcher`)

    def shaped(name: str) -> bool:
        return bool(
            name in known
            or NAME_SHAPED_ORGANIZATION.search(name)
            or (" " in name and fold(name.split()[-1]) in kinds)
            or _KIND_OF.match(name)  # `Bank of Nova Scotia`
        )

    def named(name: str) -> str:
        """The name, or the fewest of its first words that are one where the rest is of the post
        (`PitchBook Senior Ecommerce Research Analyst`): a known name or a kind's word ends it whole."""
        words = name.split()
        if name in known or (fold(words[-1]) in kinds and not any(fold(word) in _SENIORITY for word in words[1:])):
            return name
        if _KIND_OF.match(name):  # `Bank of Nova Scotia`: its words after `of` are its own
            return name
        return next(
            (" ".join(words[:count]) for count in range(1, len(words)) if shaped(" ".join(words[:count]))), name
        )

    return [named(name) for name in names] if all(shaped(name) for name in names) else []


_KIND_OF = re.compile(r"(?:Bank|University|Institute|College|School|Museum|Ministry|Department|Bureau)\s+of\s+[A-Z]")
_SENIORITY = frozenset(
    "senior junior lead principal staff chief head executive vice associate assistant deputy".split()
)
NAME_SHAPED_ORGANIZATION = re.compile(r"[a-z0-9][A-Z]|\d|^[A-Z]{2,5}$")  # `OpenAI`, `17Capital`, `a16z`, `NYU`
# Acronyms of a field, and words written like names that describe a person, not an organization
# (`AI researcher`, `B2B SaaS CEO`, `3x founder`, `FinTech CEO`, `PhD Director`, `Fortune 500 CEO`)
_FIELD_ACRONYMS = frozenset(
    """AI ML VR AR XR IT HR PR UX UI QA BD GTM API LLM NLP CV RL DL SEO CRM ERP B2B B2C D2C DTC SaaS PaaS
    Web3 Web2 FinTech Fintech HealthTech Healthtech EdTech Edtech PropTech InsurTech ClimateTech DeepTech
    BioTech Biotech MedTech Medtech GovTech AdTech LegalTech PhD MBA MD JD CPA CFA SPAC VC PE LP GP IPO
    Fortune Series YC DeFi GenAI Crypto Serial Repeat Solo Veteran Legendary Famed Tech""".split()
)
_MULTIPLE = re.compile(r"^\d+x$", re.I)  # `3x founder`


def description_affiliations(description: str) -> list[str]:
    """The organizations a person's description names as a current role in its first sentence,
    a clause at a time (`Author of Import AI; co-founder of Anthropic`): the role comes first, and
    only words of a title stand before it (`Political economy professor at Oslo University`, not
    `Worked with the founder of Acme`); a past role (`former`, `previously`) names none."""
    found = (_without_trailing_places(org) for org in _description_affiliations(description))
    return [org for org in found if org not in _FIELD_ACRONYMS]


def _without_trailing_places(org: str) -> str:
    """`Morgan Stanley Germany & Austria` -> `Morgan Stanley`: the places an office covers, two or
    more joined, after the name (not `University College London`, `Sequoia Capital China`, `Bank of
    America`: one place may be the name's own)."""
    covered = _COVERED_PLACES.search(org)
    if (
        covered is None
        or " of " in org[: covered.start()]
        or not all(is_place(place) for place in re.split(r"\s*(?:&|,|\band\b)\s*", covered.group().strip()))
    ):
        return org
    return org[: covered.start()]


_COVERED_PLACES = re.compile(r"(?<=\S)\s+[A-Z][\w.-]*(?:\s*(?:,|&|\band\b)\s*[A-Z][\w.-]*)+$")


def _description_affiliations(description: str) -> list[str]:
    # (an organization of one word that describes a person is dropped above: `Serial founder`, `DeFi founder`)
    sentence = _first_sentence(description).rstrip(". ")
    if found := _institutions(sentence):
        return found
    if found := organization_beside_post(sentence):
        return found
    if ";" in sentence:  # `Brightline Robotics; formerly Kessel Polytechnic Institute`: a part that names one
        pieces = [piece.strip() for piece in sentence.split(";")]
        institutions = [org for piece in pieces if not _LEFT_ROLE.match(piece) for org in _institutions(piece)]
        if institutions:
            rest = "; ".join(piece for piece in pieces if not _institutions(piece))
            return list(dict.fromkeys([*institutions, *(description_affiliations(rest) if rest else [])]))
    trailing = _TRAILING_ROLE.match(sentence)  # `UC Berkeley / Amazon FAR team co-lead`
    found = _institutions(trailing.group("orgs")) if trailing and _has_role(trailing.group("role")) else []
    # each named as institutions are (not `Famed AI researcher`, `Korean AI engineer`)
    if found and all(
        _ACRONYMED.search(org) or _ACRONYM_CAMPUS.fullmatch(org) or fold(org).split()[0] in _INSTITUTION_WORDS
        for org in found
    ):
        return found
    found = []
    if "the" in sentence:  # `founder of the tools company Stackwell`
        sentence = _KIND_BEFORE_NAME.sub(r"\g<preposition> ", sentence)
    for clause in (clause for part in sentence.split(";") for clause in _role_clauses(part)):
        if shared := _FOUNDER_AND_FORMER.match(clause.strip()):  # `Founder and former CEO of Acme`
            clause = f"{shared.group('role')} {shared.group('rest')}"
        if is_past_role(clause):  # `Former Acme ethicist, co-founder of Corvo`: the rest still says
            clause = ", ".join(part for part in clause.split(", ") if not is_past_role(part))
        clause, now = _NOW.subn("", clause.strip())  # `now CPO at Atlassian`, `currently a partner at X`: the role
        if now and (there := _NOW_AT.match(clause)):  # `now at Microsoft`
            found.append(there.group("org"))
            continue
        if joining := _JOINING.match(clause):  # `Returning to Sequoia Capital`, `Joined Orbex as CFO`
            found.append(joining.group("org") or joining.group("joined"))
            continue
        if (leading := _LEADS.match(clause)) and not is_place(
            leading.group("org")
        ):  # `Founded Blueprint`, `Leads Orbex`
            found.extend(_and_parts(leading.group("org")))
            continue
        if publication := _PUBLICATION.match(clause.strip()):  # `Author of The Loom Corner newsletter`
            names = publication.group("names")
            if names.endswith(("'s", "’s")):  # `Lenny's Newsletter`: the kind word is in the name
                names += " " + publication.group("kind")
            found.extend(names.split(" and "))
            continue
        opening = " ".join(clause.split()[:5])
        if not (_has_role(opening) or _PLURAL_ROLE_OF.search(opening)) or _WORK_ROLE.match(clause):
            continue
        comma = _INSTITUTION_COMMA.fullmatch(clause)  # `MIT, lead author`: the institution first
        if comma and _has_role(comma.group("role")) and (institution := _institutions(comma.group("org"))):
            found.extend(institution)
            continue
        owner = _OWNER_ROLE.match(clause)
        if (
            owner
            and ROLE_WORD.search(owner.group("role"))
            and not ROLE_WORD.search(owner.group("org"))
            and not _RELATIONAL_ROLE.match(owner.group("role"))  # then what follows may say (`partner at X`)
        ):
            found.append(owner.group("org"))
            continue
        owner = _ROLE_OF_OWNER.match(clause)
        if owner and not _name_goes_on(owner.group("rest")):
            org, rest = owner.group("org"), owner.group("rest")
            if " and " in org:  # `Founder of Orbex and Arlo's mother`: the possessor is the next clause's
                org, possessor = org.rsplit(" and ", 1)
                role = re.match(r"\S+(?:\s+\S+){0,2}", rest)
                if role and ROLE_WORD.search(role.group(0)) and not _RELATIONAL_ROLE.match(role.group(0)):
                    found.append(possessor)  # `... and Halden's CEO`
            found.extend(_and_parts(org))
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
            if len(before) > (12 if _title_cased(before) else 6) or not all(_PREFIX_WORD.fullmatch(w) for w in before):
                continue  # a sentence, not a title before the organization
            if before[-2:] and before[-1].lower() == "to" and before[-2].lower() in ("advisor", "adviser"):
                before = before[:-1]  # `Senior Advisor to Microsoft`: a title's `to`
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
            # `CEO of Tesla and SpaceX`: each (`President of Argentina`: a country, none)
            found.extend(part for part in _and_parts(org.group(0)) if not is_place(part))
            found.extend(part for part in _list_goes_on(clause, org.end()) if not is_place(part))
    return found


# The next name of a list that goes on after an organization: `, SpaceX`, `, and xAI`, ` and xAI`
# (a name may open in lower case before a capital: `xAI`, `eBay`).
_NEXT_NAME = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+and\s+)(?P<name>(?:[A-Z]|[a-z]+[A-Z])[\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})"
)


def _list_goes_on(clause: str, end: int) -> list[str]:
    """`CEO of Tesla, SpaceX, and xAI`: the names after the first, where the list ends the clause."""
    names = []
    kinds = organization_words().kind_suffixes
    while next_name := _NEXT_NAME.match(clause, end):
        if fold(next_name.group("name")) in kinds:
            return []  # `CEO of Orbex, Inc.`: one name
        names.append(next_name.group("name"))
        end = next_name.end()
    return names if clause[end:].strip(" .") == "" else []


# A move the entry's reason reports, its person the subject: `Hired by OpenAI to lead ad sales`,
# `Taking over as CEO of Niantic Spatial`, `Named managing partner at Orbex`.
_MOVE_END = r"(?=\s*$|\s*[,.;(—–]|\s+(?:as|to|in|after|from|for|while)\b)"
_HIRED_BY = re.compile(
    rf"^(?i:(?:recently|just|now)\s+)?(?i:hired|poached|acqui-?hired)\s+by\s+(?:the\s+)?(?P<org>{_ORG_NAME.pattern})"
    + _MOVE_END
)
_TAKES_ROLE = re.compile(
    r"^(?i:(?:recently|just|now)\s+)?(?:(?i:taking|takes|took|taken)\s+over\s+as"
    r"|(?i:named|appointed|promoted\s+to)(?:\s+as)?)\s+(?:[\w&/-]+\s+){1,5}(?:of|at)"
    rf"\s+(?:the\s+)?(?P<org>{_ORG_NAME.pattern})" + _MOVE_END
)


# A sentence's end (not an initial's: `J. Roe`) or a semicolon; without a semicolon, the full stop
# alone, written to open on its `.` (a pattern that opens on a literal is searched for at once)
_REASON_BREAK = re.compile(r"(?<!\b[A-Z])\.\s+|\s*;\s*")
_FULL_STOP = re.compile(r"\.(?<!\b[A-Z]\.)\s+")


def reason_affiliations(reason: str) -> list[str]:
    """The organizations an entry's reason for a person says they joined or lead now, a sentence
    at a time, each opening on the move (`Hired by Meta as part of ...`, `Taking over as CEO of
    Niantic Spatial`, `Joined Orbex as CFO`, `Leading Voyager Acquisition II`): what the reason
    says of others names none."""
    found: list[str] = []
    text = clean(plain(reason))
    for sentence in (_REASON_BREAK if ";" in text else _FULL_STOP).split(text):
        sentence = sentence.strip()
        hired = _HIRED_BY.match(sentence)
        if hired and " " in hired.group("org") and looks_like_person_name(hired.group("org")):
            continue  # `Hired by Jane Roe`: by a person
        move = hired or _TAKES_ROLE.match(sentence) or _JOINING.match(sentence) or _LEADS.match(sentence)
        if move is not None:
            joined = move.group("joined") if move.re is _JOINING else ""  # (`Joined Orbex as CFO`)
            org: str = move.group("org") or joined
            found.extend(part for part in _and_parts(org) if not (is_place(part) or ROLE_WORD.search(part)))
    return found


ORG_SEPARATOR = re.compile(r"\s*;\s*|\s+/\s+")


def organizations_in(text: str) -> list[str]:
    """`Marrow Lab / Porto Institute` or `Marrow Lab; Porto Institute` -> both, when every part
    is an organization name; else nothing."""
    parts = [part for part in ORG_SEPARATOR.split(clean(plain(text))) if part]
    if not parts or not all(affiliations_from(part) == [part] and not ROLE_WORD.search(part) for part in parts):
        return []
    return parts


def listed_before_role(description: str, listed: dict[str, str], first_words: frozenset[str]) -> list[str]:
    """`Orbex VP of Fitness`, `Corvo partner`: a clause of the first sentence that opens with an
    organization the document lists, then a role (a listed name, so `Serial founder` is none).
    `first_words`: the first word of each of `listed`'s names (folded, as its keys are)."""
    sentence = _first_sentence(description)
    found = []
    for clause in _LISTED_CLAUSE_BREAK.split(sentence):  # `Venture capitalist and Orbex co-founder`
        # (the clause's first word, folded alone, is its folded text's first: no listed name opens
        # most clauses, whose whole text is then not folded)
        opening = fold(clause.split(maxsplit=1)[0]).split()[:1] if clause.strip() else []
        if opening and opening[0] not in first_words:
            continue
        words = fold(clause).split()
        if is_past_role(clause) or not words:
            continue
        for size in range(min(5, len(words) - 1), 0, -1):  # the longest listed name first
            name = listed.get(" ".join(words[:size]))
            if name is not None:
                if _has_role(" ".join(words[size : size + 3])):
                    found.append(name)
                break
    return found


_LISTED_CLAUSE_BREAK = re.compile(r";|,\s+|\s+and\s+")


def whole_listed_names(
    affiliations: list[str], listed: dict[str, str], texts: tuple[str | None, ...]
) -> tuple[str, ...]:
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
                    if contains_word(form, key) and contains_word(written, form)
                ),
                None,
            )
        if whole is None and key in _INSTITUTION_WORDS:  # `Data lead at the Observatory`: the one listed so named
            ending = {name for form, name in listed.items() if form.endswith(" " + key)}
            whole = ending.pop() if len(ending) == 1 else None
        if whole is None and key not in listed and organization.endswith(("'s", "’s")):
            # `ran kitchens at Greenway's seafood brand`: the possessor is the one listed it opens
            owner = fold(organization[:-2])
            opened = {name for form, name in listed.items() if form == owner or form.startswith(owner + " ")}
            whole = opened.pop() if len(opened) == 1 else None
        result.append(whole or organization)
    return tuple(dict.fromkeys(result))
