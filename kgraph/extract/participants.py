"""Participants: the `**Participants:**` list, cleaned of placeholders, roles and outlets."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from rapidfuzz import fuzz

from kgraph.extract.affiliations import affiliations_from, names_a_kind
from kgraph.extract.alternation import one_of
from kgraph.extract.attribution import SPEECH_VERBS
from kgraph.extract.episode import extract_episode
from kgraph.extract.known_organizations import known_organizations
from kgraph.extract.people import (
    document_text_lines,
    expand_first_name,
    full_names_in,
    full_names_in_text,
    real_name_in_parentheses,
    said_with,
    text_passages,
)
from kgraph.extract.results import MOST_NAMED, EntityEntry, EntityKind, PersonName
from kgraph.extract.unlisted import person_in_body, speaker_labels, title_people
from kgraph.names import (
    clean,
    fold,
    has_cjk,
    is_placeholder,
    looks_like_person_name,
    looks_like_publication,
    occurrences,
    plausible_new_person,
    split_camel_case,
    split_outside_parentheses,
    split_qualifiers,
    strip_honorific,
    vocabulary,
    word_boundary,
)
from kgraph.parse.document import LineKind, ParsedDocument, SectionKind
from kgraph.parse.inline import plain
from kgraph.person_names import address_form, bare_person_name, is_function_word

# Case-insensitive words; the name's first letter is matched with case: under re.I the CJK range would
# cost the compiler a case lookup per character, and [A-Z] matches no more than these letters there.
_ROLE_PREFIX = re.compile(
    r"^(?i:co-?host|host|guest|moderator|interviewer)\s*:?\s+(?=[A-Za-z\u0130\u0131\u017f\u212a\u3400-\u9fff])"
)
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
    r"\s*,\s*(?P<org>[A-Z][\w.&'’-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\w.&'’-]*){0,5})$",
    re.I,
)
_LIST_SEPARATOR = re.compile(r"\s*(?:&|,|\band\b)\s*")  # `Ann Roe & Bo Li`, `VLAW and RoboReward`
_ROLE_QUALIFIER = re.compile(r"^(?:co-?host|host|guest|moderator|interviewer|narrator|author|producer)$", re.I)


class _Listed(NamedTuple):
    person: PersonName
    qualifiers: tuple[str, ...]  # what the list says beside the name: `creator of WidgetOS`


def _entry(raw: str, podcast: str) -> _Listed | None:
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
    named, _title, outlet = bare_person_name(bare)
    if outlet:  # `Ledger's Omar Pike`: Omar Pike, of Ledger
        affiliations.append(outlet)
        bare = named
    if (stripped := strip_honorific(bare)) != bare:  # `Dr. Jane Roe` is Jane Roe, as the body calls her
        if written := address_form(bare, stripped):  # not `CEO Jane Roe`
            aliases.append(written)
        bare = stripped
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
    if not (looks_like_person_name(bare) or _surname_spelled_as_a_word(bare) or (has_cjk(bare) and len(bare) <= 6)):
        return None
    person = PersonName(name=bare, aliases=tuple(aliases), affiliations=tuple(affiliations))
    return _Listed(person, tuple(qualifiers))


def _surname_spelled_as_a_word(name: str) -> bool:
    """`Henry In`, `Lan To`: a two-letter surname spelled like a function word (Korean In,
    Vietnamese Tô), which makes the name read as a phrase anywhere but in a list of names."""
    *given, surname = name.split()
    return (
        bool(given)
        and len(surname) == 2
        and surname.istitle()
        and is_function_word(surname)
        and looks_like_person_name(" ".join(given))
    )


def _listed(value: str, podcast: str) -> list[_Listed]:
    entries = [_entry(raw, podcast) for raw in split_outside_parentheses(value, ",;")]
    return [entry for entry in entries if entry is not None]


def _participant_lists(document: ParsedDocument) -> list[str]:
    """The header's `Participants` value, then any given in the body's first lines, then the
    authors of an italic byline."""
    values = [document.header.get("participants")]
    body = document.header.body_fields
    values.extend(field.value for field in body if field.key == "participants")
    values.append(_byline_authors(document))
    return [value for value in values if value]


_ROLE_FIELDS = (
    "host",
    "hosts",
    "co-host",
    "cohost",
    "co-hosts",
    "guest",
    "guests",
    "interviewer",
    "interviewee",
    "speaker",
    "speakers",
    "featuring",
)
# `# Building Orbex with Dana Ruiz`, `# The Payments Hour — with Dana Ruiz and Bo Li (Orbex)`
_TITLE_WITH = re.compile(r"\b(?:with|featuring|feat\.|ft\.)\s+(?P<names>[^:|()\[\]—–]+?)\s*(?:[:|(\[—–]|\s-\s|$)")
# `# Dana Ruiz — "We are building ports"`, `# #41 – Dana Ruiz: Orbex and the Ports`
_TITLE_LEAD = re.compile(r"^(?:#?\d+\.?\s*[–—-]?\s*)?(?P<names>[^:|()\[\]—–]+?)\s*(?:[:|—–]|\s-\s)")
# `# Why Robots Still Struggle | Dana Ruiz, Co-Founder & CEO`
_TITLE_BYLINE = re.compile(r"\|\s*(?P<names>[^,|:()\[\]—–]+?)\s*(?:,|$)")
_NAME_TAIL = re.compile(r"\s+(?:of|from|at|on|about)\s+.*$")
_SHOW_HOST = re.compile(r"\b(?:with|w/?|hosted\s+by)\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})\s*$")
_TITLE_NAME_AND_POST = re.compile(
    r"(?:^|[|:—–]\s*)(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2})\s*\("
    r"(?=[^()]*\b(?i:co-?founder|founder|ceo|cto|coo|cfo|president|partner|chair(?:man)?|professor)\b)[^()]*\)\s*$"
)


def _named_elsewhere(document: ParsedDocument, people_entries: list[str]) -> list[str]:
    """Names given outside the Participants field, read when it is missing or holds a
    placeholder: full names in a blurb pasted there, `**Guest:**` / `**Host:**` lines (header or
    body), then the H1's `... with Dana Ruiz` or `Dana Ruiz — ...` when the document treats
    that name as a person (see `kgraph.extract.unlisted`)."""
    lines = list(document_text_lines(document))
    everyday = vocabulary("\n".join(lines))
    values = _blurb_names(document.header.get("participants") or "", everyday)
    fields = [*document.header.fields, *document.header.body_fields]
    values.extend(field.value for field in fields if field.key in _ROLE_FIELDS)
    values.extend(speaker_labels(document, everyday, people_entries))
    values.extend(_intro(document, everyday).names)
    for title in _titles(document):
        leads = filter(None, [_TITLE_LEAD.match(title)])
        for match in [*_TITLE_WITH.finditer(title), *leads, *_TITLE_BYLINE.finditer(title)]:
            parts = re.split(r"\s*(?:,|&|\band\b)\s*", match.group("names"))
            names = [_NAME_TAIL.sub("", part).strip() for part in parts]
            values.extend(
                name
                for name in names
                if plausible_new_person(name, everyday) and person_in_body(name, lines, people_entries)
            )
        # `| Aydin Senkut (Founder, Felicis Ventures)`: a name the title gives a post is the guest
        values.extend(
            title[match.start("name") : match.end()]
            for match in _TITLE_NAME_AND_POST.finditer(title)
            if plausible_new_person(match.group("name"), everyday)
        )
    return values


def _titles(document: ParsedDocument) -> list[str]:
    """The H1, then the headings the summary puts above its first section (`# Summary: Wabi AI
    Podcast with Eugenia Kuyda`)."""
    return [document.header.title or "", *document.summary_headings()]


# The intro under the title names who takes part: `Speaker 1 is the host, Callum Reyes`, `Harlan Pike
# hosts with panelists Devendra "Dev" Rao, Sloane Adebayo and Theo`, `Dana Ruiz, the guest,`.
_ROLE_WORD = r"(?i:co-?hosts?|hosts?|guests?|panelists?|moderators?|interviewers?)"
_INTRO_NAME = r"(?<![\w'’.-])[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}"  # (no full stop: `Mark Bell.`)
_INTRO_NAMES = rf"(?P<names>{_INTRO_NAME}(?:\s*,\s*{_INTRO_NAME})*(?:,?\s+(?:and|&)\s+{_INTRO_NAME})?)"
# (not a role left behind: `Former host Jane Doe left in 2023`)
_LEFT = r"(?<!(?i:former) )(?<!(?i:ex-))(?<!(?i:previous) )(?<!(?i:past) )"
_ROLE_THEN_NAMES = re.compile(rf"{_LEFT}\b{_ROLE_WORD},?\s+(?:(?i:is|are|was|were)\s+)?{_INTRO_NAMES}")
_NAME_THEN_ROLE = re.compile(
    rf"(?P<name>{_INTRO_NAME}),?\s+(?:(?:(?i:is|was)\s+)?(?i:the|our|a|an)\s+{_ROLE_WORD}(?![\w'’])"
    r"|(?i:hosts|co-hosts|moderates|interviews|joins)\b)"
)
_PEOPLE_FIELD = re.compile(r"\s*(?i:participants?|hosts?|co-?hosts?|guests?|speakers?|panel(?:ists)?|moderators?)\s*:")
_NICKNAME_IN_TEXT = re.compile(
    r"\b(?P<first>[A-Z][\w'’-]+)\s+[\"“](?P<called>[A-Z][\w'’-]+)[\"”]\s+(?P<last>[A-Z][\w'’-]+)"
)


class _Intro(NamedTuple):
    names: list[str]  # full names the intro gives a part in the episode
    nicknames: dict[str, str]  # folded `Dev` -> `Devendra Rao`, from `Devendra "Dev" Rao`


def _intro(document: ParsedDocument, everyday: frozenset[str]) -> _Intro:
    """Who the text under the title (its notes and blurbs, before the first section) says hosts,
    guests or sits on the panel, as full names, with the nicknames it gives them."""
    names: list[str] = []
    nicknames: dict[str, str] = {}
    for line in document.preamble:
        if line.kind != LineKind.TEXT:
            continue
        text = line.plain
        for found in _NICKNAME_IN_TEXT.finditer(text):
            nicknames.setdefault(fold(found.group("called")), f"{found.group('first')} {found.group('last')}")
        text = _NICKNAME_IN_TEXT.sub(r"\g<first> \g<last>", text)
        if _PARTICIPATION.search(text) is None or _PEOPLE_FIELD.match(text):
            continue  # (a `Participants:` or `Host:` field is read as a list, its roles in parentheses)
        found_names = [match.group("name") for match in _NAME_THEN_ROLE.finditer(text)]
        for match in _ROLE_THEN_NAMES.finditer(text):
            found_names.extend(re.split(r"\s*,\s*|,?\s+(?:and|&)\s+", match.group("names")))
        for name in found_names:
            if name not in names and plausible_new_person(name, everyday) and not _names_an_organization(name):
                names.append(name)
                if len(names) == MOST_NAMED:
                    return _Intro(names, nicknames)  # more than an episode ever has: a hostile text
    return _Intro(names, nicknames)


def _blurb_names(value: str, everyday: frozenset[str]) -> list[str]:
    """`Dana Ruiz is joined by Bo Lindqvist to talk payments`: the full names in prose pasted
    where a list belongs (a list of names has no lower-case words outside parentheses)."""
    text = split_qualifiers(clean(plain(value)))[0]
    if not re.search(r"(?<![\w'’-])[a-z]{3,}\b", text):
        return []
    return [name for name in full_names_in(text) if plausible_new_person(name, everyday)]


def needs_other_sources(document: ParsedDocument) -> bool:
    """The Participants field is missing, or one of its entries is a placeholder (`Unknown Guest`)."""
    return not document.header.get("participants") or placeholder_count(document) > 0


def placeholder_count(document: ParsedDocument) -> int:
    """How many entries of the Participants field are placeholders (`Jason Lemkin, Unknown Host`: one)."""
    value = document.header.get("participants")
    return sum(is_placeholder(clean(plain(raw))) for raw in split_outside_parentheses(value, ",;")) if value else 0


_BYLINE = re.compile(r"^([*_])(?!\1).+(?<!\1)\1$|^\*\*[^*]+\*\*$")  # italic or bold, whole line
_BY = re.compile(r"^(?:(?:summary|article|post|words|written)\s+)?(?:authors?\s*:|by\b)\s*", re.I)


def _byline_authors(document: ParsedDocument) -> str | None:
    """`*Outlet | March 2, 2026 | Ann Roe & Bo Li*` (or in bold) -> `Ann Roe, Bo Li`: a newsletter's writers
    where its participants line names only the publication."""
    for line in document.preamble:
        if line.kind != LineKind.TEXT or "|" not in line.text or not _BYLINE.match(line.text.strip()):
            continue
        for part in line.plain.split("|"):
            names = [name for name in _LIST_SEPARATOR.split(_BY.sub("", part.strip())) if name]
            if names and all(" " in name and looks_like_person_name(name) for name in names):
                return ", ".join(names)
    return None


def _chosen_list(document: ParsedDocument, podcast: str, people_entries: list[str]) -> list[_Listed]:
    """The first list that names someone other than the show itself: a header list holding only
    the publication (`Participants: Beacon Letters`) or missing gives way to a body line or a
    byline naming the authors."""
    lists = [_listed(value, podcast) for value in _participant_lists(document)]
    chosen = next(
        (entries for entries in lists if any(fold(entry.person.name) != fold(podcast) for entry in entries)),
        next((entries for entries in lists if entries), []),
    )
    if chosen and document.header.get("participants"):
        # A second `Participants:` line atop the body, with roles (`Jia Peng, CEO of Zhijian; Host
        # Manchi`), may add the guest the header's list left out
        known = {fold(entry.person.name) for entry in chosen}
        for field in document.header.body_fields:
            if field.key != "participants":
                continue
            for entry in _listed(field.value, podcast):
                if fold(entry.person.name) != fold(podcast) and not _spelled_before(fold(entry.person.name), known):
                    known.add(fold(entry.person.name))
                    chosen = [*chosen, entry]
    # `Long Strange Trip w Brian Halligan` listing only Brian Halligan: the guest went unlisted
    only_host = len(chosen) == 1 and _hosts_the_show(chosen[0].person.name, podcast)
    if chosen and not needs_other_sources(document) and not only_host:
        return chosen
    known = {fold(entry.person.name) for entry in chosen}
    for value in _named_elsewhere(document, people_entries):
        for entry in _listed(value, podcast):
            if not _spelled_before(fold(entry.person.name), known):  # `Dana` beside `Dana Ruiz` folds into her later
                known.add(fold(entry.person.name))
                chosen = [*chosen, entry]
    if (not chosen or only_host and len(chosen) == 1) and extract_episode(document).source_kind == "podcast":
        # Nobody named at all: the guest of `# How Dana Ruiz Rebuilt Diligence` (an article's
        # title names its subject rather).
        lines = list(document_text_lines(document))
        everyday = vocabulary("\n".join(lines))
        title = document.header.title or ""
        for name in title_people(title, lines, everyday, people_entries, _organization_entries(document)):
            chosen.extend(_listed(name, podcast))
    # `The Long Game with Nadia Farrow`, `Long Strange Trip w Brian Halligan`: the show names its host
    host = _SHOW_HOST.search(document.header.get("podcast") or "")
    if host and needs_other_sources(document):
        name = host.group("name")
        lines = list(document_text_lines(document))
        known = {fold(entry.person.name) for entry in chosen}
        everyday = vocabulary("\n".join(lines))
        if (
            not _spelled_before(fold(name), known)
            and plausible_new_person(name, everyday)
            and not _names_an_organization(name)  # `Building with Google Cloud`
            and person_in_body(name, lines, people_entries)
        ):
            chosen = [*chosen, *_listed(name, "")]
    return chosen


def _names_an_organization(name: str) -> bool:
    """`Olympics Committee`, `Google Cloud`: a kind of organization ends the name, or one the shipped
    list knows opens it."""
    return names_a_kind(name) or name.split()[0] in known_organizations().name_set


def _hosts_the_show(name: str, podcast: str) -> bool:
    """Whether the show is named after the person (`Lex Fridman`, `Long Strange Trip w Brian Halligan`)."""
    surname = fold(name).split()[-1] if " " in name else ""
    return len(surname) >= 3 and surname in fold(podcast).split()


def _spelled_before(name: str, known: set[str]) -> bool:
    """The name, or another spelling of it (`Karol Hausman` beside a listed `Carl Hausman`)."""
    surname = name.split()[-1]
    return name in known or any(
        " " in other and (other.split()[-1] == surname or fuzz.ratio(other, name) >= 85) for other in known
    )


def extract_participants(
    document: ParsedDocument, podcast: str, people_entries: list[str], short_names: dict[str, str] | None = None
) -> list[PersonName]:
    """Speakers of the episode, fullest names first-come; `people_entries` are People Identified
    names, used to expand a bare first name ("Bill" -> "Bill Peebles"), and `short_names` the
    folded short first names those entries state, with whose they are (`rafa` -> Rafael Domínguez)."""
    organizations = _organization_entries(document)
    listed = [
        _Listed(_nickname_resolved(person, qualifiers, people_entries, organizations), qualifiers)
        for person, qualifiers in _chosen_list(document, podcast, people_entries)
    ]
    full_names = [entry.person.name for entry in listed if " " in entry.person.name]
    # Only a lone first name is read against the text (see `expand_first_name`): most lists
    # give full names, and then neither the text's names nor its passages are needed.
    lone = any(" " not in person.name and not has_cjk(person.name) for person, _ in listed)
    text_names = full_names_in_text(document) if lone else Counter[str]()
    passages = text_passages(document) if lone else []
    everyday = vocabulary("\n".join(document_text_lines(document)))
    intro = _intro(document, everyday) if lone else _Intro([], {})
    result: list[PersonName] = []
    seen: dict[str, int] = {}
    apart: dict[str, set[str]] | None = None
    for person, qualifiers in listed:
        cues = _distinctive_words(qualifiers, everyday)
        if " " not in person.name and _JOINED.search(person.name):  # `MiraSolberg`: the text's `Mira Solberg`
            if apart is None:  # (made once per document, on first need)
                apart = _written_apart([*text_names, *people_entries])
            spaced = _unjoined(person.name, apart)
            if spaced is not None:
                aliases = tuple(sorted({*person.aliases, person.name}))
                person = person.model_copy(update={"name": spaced, "aliases": aliases})
        short = fold(person.name) if " " not in person.name else ""
        stated = ((short_names or {}).get(short) or intro.nicknames.get(short)) if short else None
        preferred = [*full_names, *intro.names, *people_entries]
        name = stated or expand_first_name(person.name, text_names, preferred, person.affiliations, passages, cues=cues)
        if name != person.name and not (
            stated
            or person.affiliations
            or cues
            and said_with(name, cues, passages)
            or name in full_names
            or name in intro.names
            or _takes_part(name, passages)
        ):
            name = person.name  # `Sean` (a co-host) is not `Sean Parker`, a founder the episode mentions
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


# A lower-case letter, then a capital: names written together (`MiraSolberg`, `JaneQDoe`).
_JOINED = re.compile(r"[a-z][A-Z]")


def _written_apart(names: list[str]) -> dict[str, set[str]]:
    """The document's names of two words or more, by their letters written together (`mirasolberg`)."""
    apart: dict[str, set[str]] = {}
    for name in names:
        if " " in name:
            apart.setdefault(fold(name).replace(" ", "").replace(".", ""), set()).add(name)
    return apart


def _unjoined(joined: str, apart: dict[str, set[str]]) -> str | None:
    """The name the document writes apart that a participant token writes together (`MiraSolberg`
    -> `Mira Solberg`, `JaneQDoe` -> `Jane Q. Doe`), if one does."""
    found = apart.get(fold(joined), set())
    return next(iter(found)) if len(found) == 1 else None


_PARTICIPATION = re.compile(
    r"\b(?:co-?hosts?|hosts?|hosted|guests?|interviewer|interviewee|interviewed|panelists?|moderator|moderates|"
    r"moderated|joins|joined|recorded\s+(?:this|the)\s+(?:episode|conversation|show|podcast)|debrief|debriefed|"
    r"debriefs|sat\s+down|sits\s+down)\b",
    re.I,
)


# After a name the text has speak: `Peebles argues`, `Bill Peebles (CEO) notes`, `Peebles's view, says`.
# (a parenthesis of a line's words at most: unbounded, `Peebles (` again and again read to the end each time)
_SPEECH_AFTER_NAME = re.compile(rf"(?:['’]s)?(?:\s*\([^()\n]{{0,80}}\))?,?\s+(?:\w+ly\s+)?{one_of(SPEECH_VERBS)}\b")
_BOLD_LABEL_AFTER_NAME = re.compile(r":?\*\*:?\s*[\"“]")  # `**Bill Peebles:** "...`
_LABEL_AFTER_NAME = re.compile(r":\s*[\"“]")  # `Bill Peebles: "...`


def _takes_part(full: str, passages: list[str]) -> bool:
    """Whether the document has `full` speak or take part: `Bill Peebles explains`, `Peebles
    argues`, a quote signed `— Bill Peebles`, `**Bill Peebles:**`, or a passage naming them with
    `host` / `guest` / `joins`. A namesake the episode only mentions does none of these."""
    surname = full.split()[-1]
    return any(
        full in passage and (_speaks(full, surname, passage) or _PARTICIPATION.search(passage)) for passage in passages
    ) or any(_speaks(full, surname, passage) for passage in passages)


def _speaks(full: str, surname: str, passage: str) -> bool:
    """Whether `passage` has `full` or `surname` speak, or `full` sign or label a quote; the
    fixed patterns run where the name stands, rather than a pattern compiled per name."""
    for name in (full, surname):
        for start in occurrences(passage, name):
            if word_boundary(passage, start) and _SPEECH_AFTER_NAME.match(passage, start + len(name)):
                return True
    for start in occurrences(passage, full):
        end = start + len(full)
        if _signed(passage, start) and word_boundary(passage, end):
            return True  # `— Bill Peebles`
        if passage.endswith("**", 0, start) and _BOLD_LABEL_AFTER_NAME.match(passage, end):
            return True
        if word_boundary(passage, start) and _LABEL_AFTER_NAME.match(passage, end):
            return True
    return False


def _signed(passage: str, start: int) -> bool:
    """Whether `[—–-]\\s*\\**` ends at `start`: a dash, then spaces, then bold stars."""
    before = start
    while before > 0 and passage[before - 1] == "*":
        before -= 1
    while before > 0 and passage[before - 1].isspace():
        before -= 1
    return before > 0 and passage[before - 1] in "—–-"


def _nickname_resolved(
    person: PersonName, qualifiers: tuple[str, ...], people_entries: list[str], organizations: set[str]
) -> PersonName:
    """`Bubba (Robert Smith)` is Robert Smith, also called Bubba; `Mike (Robert Half)` where Robert
    Half is a Companies entry stays Mike, of Robert Half."""
    for qualifier in qualifiers:
        real = real_name_in_parentheses(person.name, qualifier, people_entries)
        if real and fold(real) not in organizations:
            aliases = tuple(sorted({*person.aliases, person.name}))
            return person.model_copy(update={"name": real, "aliases": aliases})
    return person


def _organization_entries(document: ParsedDocument) -> set[str]:
    """Folded titles of the Companies entries."""
    section = document.section(SectionKind.COMPANIES)
    return {fold(split_qualifiers(item.title_plain)[0]) for item in section.items} if section else set()


def _distinctive_words(qualifiers: tuple[str, ...], everyday: frozenset[str]) -> list[str]:
    """Words of `creator of WidgetOS` that tell one namesake from another: capitalized, never
    written in lower case in the document, and no role (`Host`, `CEO`)."""
    words = [word for qualifier in qualifiers for word in re.findall(r"[^\W_][\w.&'’+-]*", qualifier)]
    return sorted(
        {
            word
            for word in words
            if len(word) >= 3
            and not word.islower()
            and word.lower() not in everyday
            and not _ROLE_QUALIFIER.match(word)
            and word.lower() not in _CUE_ROLES
        }
    )


_CUE_ROLES = frozenset("ceo cto coo cfo cmo cpo vp svp evp gp lp md phd the and".split())


# A People entry that says the person wrote what is summarized (`Author of this data insight`,
# `Author of the KKR fundraising story`, `Byline credit`). `the` names a piece of this issue only for
# the words a newsletter's own pieces go by, and only where nothing says it is another's (`the 2019
# story cited in the piece`, `the article this newsletter responds to`); `a blog post` is anyone's.
_OWN_PIECE = r"(?i:article|story|stories|piece|post|essay|insight|column|scoop|edition|issue)"
_ANY_PIECE = rf"(?:{_OWN_PIECE}|(?i:analysis|report|note|brief|newsletter))"
_WORDS_BEFORE = r"(?:[\w’'./&()-]+\s+){0,5}?"
_AUTHOR_OF_PIECE = re.compile(
    rf"\b(?i:(?:co-?)?author(?:ed)?|writer|wrote|co-?wrote|penned)\s+(?:(?i:of|and\s+\w+)\s+)?(?:"
    rf"(?P<the>(?i:the))\s+{_WORDS_BEFORE}{_OWN_PIECE}|(?i:this)\s+{_WORDS_BEFORE}{_ANY_PIECE})\b"
    r"|^(?i:byline)\b|\b(?i:byline)\s+(?:credit\b|on\s+(?!(?:a|an)\s)(?:this\s+|the\s+)?(?:story|article|piece)\b)"
)
# What says a piece is another's than the one summarized
_ANOTHERS_PIECE = re.compile(
    r"\b(?:cited|cites|quoted|quotes|referenced|references|responds?|responding|discussed|discusses|rival|another|"
    r"earlier|previous|prior|(?:19|20)\d\d)\b",
    re.I,
)


# `Author of The AI Corner and The VC Corner newsletters`, `Author, The VC Corner`: the outlet's
# name after `author` (its folded form is compared); `Sole author of all articles in this issue`
_AUTHOR_OF = re.compile(r"\b(?i:(?:co-?)?author|writer)(?:,\s*|\s+of\s+)(?P<rest>.{1,80})")
_AUTHOR_OF_ALL = re.compile(
    r"\b(?i:author|writer)\s+of\s+(?i:all|every|each)\s+(?:(?i:the)\s+)?(?i:articles?|pieces?|posts?|stories)\s+"
    r"(?i:in\s+this\s+(?:issue|edition|newsletter))"
)


_AFTER_OUTLET = re.compile(r"(?i:and|&|newsletters?|podcast|blog|substack)\b")


def _authors_the_outlet(said: str, outlet: str) -> bool:
    """`said` calls its person the author of `outlet` (`Author of The AI Corner`), or of all this issue."""
    if _AUTHOR_OF_ALL.search(said):
        return True
    name = fold(outlet).removeprefix("the ")
    return bool(name) and any(_names_the_outlet(found.group("rest"), name) for found in _AUTHOR_OF.finditer(said))


def _names_the_outlet(rest: str, name: str) -> bool:
    """`rest` opens on the outlet's folded `name`, then ends or goes on as a list or the word
    `newsletter` does (`The AI Corner and The VC Corner newsletters`; not `Daily Rituals, a book`
    for the outlet `The Daily`)."""
    words = rest.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    size = len(name.split())
    if fold(" ".join(words[:size])) != name:
        return False
    after = " ".join(words[size:])
    return not after or bool(_AFTER_OUTLET.match(after)) or after[:1] in ",;.|("


def authors_among_entries(
    entities: list[EntityEntry], participants: list[PersonName], outlet: str = ""
) -> list[PersonName]:
    """The People entries a newsletter's summary says wrote it, or a piece of it, or the outlet
    (`outlet`, its name), that its participants do not already name: its authors (the field often
    names only the outlet)."""

    def wrote(texts: list[str]) -> bool:
        said = " ".join(texts)
        found = _AUTHOR_OF_PIECE.search(said)
        return (
            found is not None
            and not (found.group("the") and _ANOTHERS_PIECE.search(said, found.start()))
            or _authors_the_outlet(said, outlet)
        )

    return _people_entries_saying(entities, participants, wrote)


def _people_entries_saying(
    entities: list[EntityEntry], participants: list[PersonName], says: Callable[[list[str]], bool]
) -> list[PersonName]:
    """The People entries of full names the participants do not name whose description and reason
    `says` holds of, as people."""
    known = {fold(form) for person in participants for form in (person.name, *person.aliases)}
    found: list[PersonName] = []
    for entry in entities:
        if entry.kind != EntityKind.PERSON or not entry.own_entry or " " not in entry.name:
            continue
        if {fold(entry.name), *map(fold, entry.aliases)} & known:
            continue
        if says([text.strip() for text in (entry.description, entry.why_mentioned) if text]):
            known.add(fold(entry.name))
            found.append(PersonName(name=entry.name, aliases=entry.aliases, affiliations=entry.affiliations))
            if len(found) == MOST_NAMED:
                break  # more than a summary ever names: a hostile text, not read on
    return found


# A sentence opening on the person's part in writing the paper (`Senior co-author and ...`, `Co-author,
# likely ...`, `Lead author.`, `Co-lead author`, `Equal contribution lead author`), or a capitalized
# clause after a comma (`Amazon FAR (intern), Equal co-first author.`); not a part in another work
# (`Co-author of ZeroMimic`, `co-author on HEAD`)
# (`Corresponding author on this paper`, `Listed as co-author`, `Project lead (marked with ^)`: its own)
# (`Faculty co-author and Yoo's advisor`: a word of the author's standing first; `Co-authors on the
# hardware side`: their part in this one; `Co-author on both VLAW and RoboReward`, `Project lead on
# FocusVLA`: read on, below)
_AUTHOR_WORDS = (
    r"(?i:(?:listed\s+as\s+(?:an?\s+)?)?"
    r"(?:(?:co-?)?(?:senior|lead|first|last|corresponding|equal|joint)\s+|equal[\s-]+contribution\s+)*"
    r"(?:(?:co-?)?authors?|project\s+lead(?=\s*[(.;,]|\s*$|\s+(?:alongside|with|and|on)\b)))\b"
    r"(?!\s+(?i:cited|referenced|mentioned)\b)"  # (`Authors cited in Section 2`: others' work)
    r"(?!\s+(?i:of|on|for|to|in)\b(?!\s+(?i:this\s+(?:paper|work|study))\b|\s+(?i:the)\s+(?!(?i:other)\b)[\w\s/-]{1,60}?\s+(?i:side)\b"
    r"|\s+(?i:both)\b|(?<=\b[oO]n)\s+(?=[A-Z0-9])))"
)
# A lead part in the work (`Lead contributor on model architecture`, `Co-lead on data pipeline`, `Co-lead
# on this work`): on a task, written in lower case, at no other organization; not on another work
# (`Co-lead on ASAP`), nor to, in or for one (`Lead contributor to the OpenVLA codebase`, `Key
# contributor in manipulation research`), nor at another's (`Co-lead on safety research at Halden`)
_PART_IN_THE_WORK = (
    r"(?P<part>(?i:(?:lead|core|key|main|primary|equal)\s+contributors?|co-?leads?))"
    r"(?=\s+(?i:on)\s+(?!(?i:the|a|an)\b)[a-z](?![^.;]*\b(?i:at)\s+[A-Z])"
    r"|\s+(?i:on\s+this\s+(?:paper|work|study|project))\b)"
)
_AUTHORS_THE_PAPER = re.compile(
    r"(?:^|(?<=[.;]\s)|(?<=,\s)(?=[A-Z]))"
    r"(?:(?:Faculty|Student|Graduate|Postdoctoral|Industry|Academic|Principal)\s+(?=(?i:co-?authors?)\b))?"
    rf"(?:{_PART_IN_THE_WORK}|{_AUTHOR_WORDS})"
)
# `Co-author on both VLAW and RoboReward`, `Project lead on FocusVLA`: the works named, up to the
# sentence's end or a parenthesis
_ON_WORKS = re.compile(r"\s+(?i:on)\s+(?:(?i:both)\s+)?(?P<works>(?=[A-Z0-9])[^.;(]{1,120})")


def coauthors_among_entries(
    entities: list[EntityEntry], participants: list[PersonName], title: str | None = None
) -> list[PersonName]:
    """The People entries a paper's summary calls its authors (`Senior co-author and ...`) that its
    participants, a list cut short with `et al.`, do not already name. `title`: the paper's, whose
    short name (`VLAW` of `VLAW: Iterative ...`) the work an author is `on` (or one of those `on
    both`) must be."""
    short = _short_title(title)

    def authors_it(texts: list[str]) -> bool:
        for text in texts:
            if (found := _AUTHORS_THE_PAPER.search(text)) is None:
                continue
            works = None if found.group("part") else _ON_WORKS.match(text, found.end())
            if works is None or (short and short in _works_named(works.group("works"))):
                return True
        return False

    return _people_entries_saying(entities, participants, authors_it)


def _works_named(works: str) -> set[str]:
    """The folded names of the works an author is `on` (`VLAW and RoboReward`; `Gripnet-2, the
    follow-up` names `gripnet 2`, not `gripnet`)."""
    return {fold(part) for part in _LIST_SEPARATOR.split(works) if part}


def _short_title(title: str | None) -> str | None:
    """A paper's short name: its title's words before a colon, when few (`VLAW` of `VLAW: Iterative ...`)."""
    if not title or ":" not in title:
        return None
    head = fold(title.split(":", 1)[0])
    return head if head and len(head.split()) <= 3 else None


def cut_short(document: ParsedDocument) -> bool:
    """Whether the participants line ends its list with `et al.`: the rest are named elsewhere."""
    value = document.header.get("participants") or ""
    return re.search(r"\bet al\b", value) is not None


def raw_participant_count(document: ParsedDocument) -> int:
    """How many entries the participants line has before cleaning (placeholders included)."""
    value = document.header.get("participants")
    return len(split_outside_parentheses(value, ",;")) if value else 0
