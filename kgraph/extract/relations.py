"""Affiliations stated in prose: `Thomas Dimson worked there` inside the Instagram entry."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from itertools import islice

from kgraph.data import organization_words
from kgraph.extract.affiliations import ROLE_WORD, is_past_role
from kgraph.extract.alternation import one_of
from kgraph.extract.known_organizations import known_organizations
from kgraph.extract.named_people import POST, held
from kgraph.extract.results import EntityEntry, EntityKind, PersonName
from kgraph.names import fold, found_at_word_start, occurrences, word_boundary
from kgraph.parse.document import Item, ParsedDocument, SectionKind
from kgraph.person_names import is_place

# A word every way of saying it needs: most entries have none, and are skipped at once.
_CUE_WORDS = (
    "work|worked|works|working|spent|founded|co-founded|cofounded|leads|led|runs|ran|joined|heads|headed|started|"
    "ceo|cto|coo|cfo|founder|co-founder|cofounder|president|head|partner|chief|chair|chairman"
)
_WORKED_CUE = re.compile(rf"\b{one_of(_CUE_WORDS)}\b", re.I)
# The same words in lower-case ASCII text, without the leading `\b` (checked apart, see
# `_has_cue`): a pattern that starts with its words' first letters is searched for several
# times faster than one that starts with `\b`, and one without IGNORECASE faster again.
_LOWER_CUE = re.compile(rf"{one_of(_CUE_WORDS)}\b")
# `NAME ... worked there` is one pattern over the entry's text, case-insensitive:
#   \b NAME \b [^."]{0,40}? \b (WORKED | FOUNDED | ROLE)
#   WORKED:  WORKED_LEAD (?:\w+\s+){0,3}? (?:there|at\s+(?:the\s+)?ORG)
#   FOUNDED: FOUNDED_LEAD (?:it|the company|ORG)
#   ROLE:    ROLE_LEAD (?:it|the company|ORG)
# NAME (the document's people) and ORG (the entry) are document data, so rather than compile that
# pattern per entry, `_statements` runs it: the fixed parts below are compiled once, the names and
# the organization are compared where they can stand, in the order the regex engine tries them.
# Each lead can match in one way only that the rest can follow (its words end where spaces begin,
# its last spaces where a word does), so `match` finds that way; what is left to try in turn is
# the gap, the lazy words, and how many spaces go before ORG (ORG may begin with one).
_WORKED_LEAD = re.compile(r"(?:has\s+)?(?:worked|works|work|working|spent\s+\w+\s+years?)\s+", re.I)
_FOUNDED_LEAD = re.compile(
    r"(?:founded|co-?founded|cofounded|leads|led|runs|ran|joined|heads|headed|started)(\s+)", re.I
)
_ROLE_LEAD = re.compile(
    r"(?:is|was|as)\s+(?:the\s+|a\s+)?(?:former\s+)?(?:ceo|cto|coo|cfo|founder|co-?founder|president|head|partner|"
    r"chief\s+\w+\s+officer|chair(?:man)?)\s+(?:of|at)(\s+)",
    re.I,
)
# `Emmett Shear's AI safety company` opening a sentence of the entry: the company is his (not
# `... with David's firm's help`, where his firm is another).
_OWNED_COMPANY = re.compile(
    r"(?:^|(?<=[.!?:]\s))(?P<owner>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}?)['’]s\s+(?:[\w-]+\s+){0,3}?"
    r"(?:company|startup|start-up|firm|lab|fund|venture|family office)\b"
)
_WORD_AND_SPACE = re.compile(r"\w+\s+")
_THERE = re.compile(r"there", re.I)
_AT = re.compile(r"at(\s+)", re.I)
_THE = re.compile(r"the(\s+)", re.I)
_IT = re.compile(r"it|the company", re.I)
# Where WORKED, FOUNDED or ROLE may start: a word's start on a letter one of their leads opens on
# (`has`, `worked`, `spent`, `founded`, `co-founded`, `leads`, `runs`, `joined`, `is`, `was`, `as`...),
# tried before the leads themselves at each place the gap may end.
_LEAD_START = re.compile(r"\b[hwsfclrjia]", re.I)
_GAP = 40  # characters between the name and the statement, none of them `.` or `"`
_MOST_WORDS_BEFORE_THERE = 3


@functools.cache
def _letter(character: str) -> re.Pattern[str]:
    """One character as re.IGNORECASE matches it (`s` also matches `ſ`, `k` the Kelvin sign):
    one pattern per character, so per process, never per name."""
    return re.compile(re.escape(character), re.I)


def _caseless_at(text: str, start: int, literal: str) -> bool:
    """Whether `literal` is at `start`, compared as a case-insensitive pattern compares it."""
    written = text[start : start + len(literal)]
    if len(written) != len(literal):
        return False
    if written.isascii() and literal.isascii():
        return written.lower() == literal.lower()
    return all(a == b or _letter(b).match(a) is not None for a, b in zip(written, literal, strict=True))


def _caseless_starts(text: str, lowered: str | None, literal: str) -> Iterator[int]:
    """Where `literal` is in `text`, case-insensitively, overlaps included; `lowered` is the
    text in lower case when it is ASCII (then an ASCII literal is simply looked up in it)."""
    if lowered is not None and literal.isascii():
        yield from occurrences(lowered, literal.lower())
    elif not literal:
        yield from range(len(text) + 1)
    else:
        for first in _letter(literal[0]).finditer(text):
            if _caseless_at(text, first.start(), literal):
                yield first.start()


def _after_space(text: str, space: re.Match[str], organization: str, words: re.Pattern[str] | None) -> int | None:
    """Where `\\s+(?:WORDS|ORG)` ends after `space` (the `\\s+` group, longest first)."""
    for start in range(space.end(1), space.start(1), -1):
        if words is not None and (found := words.match(text, start)) is not None:
            return found.end()
        if _caseless_at(text, start, organization):
            return start + len(organization)
    return None


def _worked_there(text: str, start: int, organization: str) -> int | None:
    """Where WORKED (see above) ends when it starts at `start`, else None."""
    lead = _WORKED_LEAD.match(text, start)
    if lead is None:
        return None
    position = lead.end()  # the lead has one way to match that can go on: longest spaces
    for _ in range(_MOST_WORDS_BEFORE_THERE + 1):  # (?:\w+\s+){0,3}?: fewest words first
        if _THERE.match(text, position):
            return position + len("there")
        if (at := _AT.match(text, position)) is not None:
            for after in range(at.end(1), at.start(1), -1):  # at\s+(?:the\s+)?ORG
                the = _THE.match(text, after)
                if the is not None and (end := _after_space(text, the, organization, None)) is not None:
                    return end
                if _caseless_at(text, after, organization):
                    return after + len(organization)
        word = _WORD_AND_SPACE.match(text, position)
        if word is None:
            return None
        position = word.end()
    return None


def _statement_end(text: str, start: int, organization: str) -> int | None:
    """Where WORKED | FOUNDED | ROLE ends when it starts at `start`, else None."""
    if (end := _worked_there(text, start, organization)) is not None:
        return end
    for lead in (_FOUNDED_LEAD, _ROLE_LEAD):
        found = lead.match(text, start)
        if found is not None and (end := _after_space(text, found, organization, _IT)) is not None:
            return end
    return None


def _statements(text: str, forms: list[str], organization: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, form) of each match of the pattern above, as `finditer` finds them: the
    leftmost start, the first of `forms` that fits there, no overlaps."""
    lowered = text.lower() if text.isascii() else None
    starts = sorted(
        {(start, rank) for rank, form in enumerate(forms) for start in _caseless_starts(text, lowered, form)}
    )
    statement_ends: dict[int, int | None] = {}
    free = 0
    for start, rank in starts:
        form = forms[rank]
        if start < free or not word_boundary(text, start) or not word_boundary(text, start + len(form)):
            continue
        for gap in range(_GAP + 1):
            position = start + len(form) + gap
            if position > len(text) or gap and text[position - 1] in '."':
                break
            if position not in statement_ends:
                statement_ends[position] = (
                    _statement_end(text, position, organization) if _LEAD_START.match(text, position) else None
                )
            if (end := statement_ends[position]) is not None:
                yield start, end, form
                free = end
                break


# `Ines Valcourt is co-founder and CEO;`, `where host Marcus Feld is a general partner.`: a post the
# clause ends on, in the organization whose entry it is.
_POST_ENDS = re.compile(
    r"\s+is\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:(?:founding|general|managing|senior)\s+)?"
    r"(?:co-?founder|cofounder|founder|ceo|cto|coo|cfo|president|partner|chair(?:man|woman)?)"
    r"(?:\s+(?:and|&)\s+(?:co-?founder|founder|ceo|cto|coo|cfo|president|chair(?:man|woman)?))?"
    r"(?=\s*(?:[;,.)]|$))",
    re.I,
)


def _holding_a_post(text: str, forms: list[str], names: dict[str, str]) -> list[str]:
    """The people (`names`: lower-case form -> name) whom the entry's text says hold a post
    there, the clause ending on the post (`Ines Valcourt is co-founder and CEO;`)."""
    if " is " not in text:
        return []
    lowered = text.lower() if text.isascii() else None  # (positions in `text` itself: see `_caseless_starts`)
    found = []
    for form in forms:
        for start in _caseless_starts(text, lowered, form):
            end = start + len(form)
            if word_boundary(text, start) and word_boundary(text, end) and _POST_ENDS.match(text, end):
                found.append(names[form])
                break
    return found


_POSTED = re.compile(POST)
_POST_WINDOW = 160  # characters before a post read for whose it is: a sentence of a description
# Where the sentence a post stands in starts: after a sentence end or a field label's colon.
_SENTENCE_BREAK = re.compile(r"[.!?:;]\s+|\n|,\s+(?:with|and|while|whereas|but)\s+")
_BY_NAME_END = re.compile(r"\bby\s+[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*\s*;\s+$")
_LOWER_NEXT = re.compile(r"\s+[a-z]")
_FORMER_END = re.compile(r"\b(?:former|ex-|previously|once)(?:\s+[A-Z][\w&.'’-]*){0,3}\s*$", re.I)
_CAPITALIZED = re.compile(r"[A-Z][\w&.'’-]*")
# Capitalized words that name no organization before a post (`Its CEO`, `Founded in 2019 by`).
_NO_NAME = frozenset(
    "its the their this that his her our a an and in on at for with by as since after before now today "
    "currently co-founded cofounded founded based ceo cto cfo coo cpo cmo president chairman chairwoman "
    "director founder co-founder cofounder partner january february march april may june july august "
    "september october november december".split()
)


def _entry_lines(item: Item) -> str:
    """A Companies entry's text line by line (a line's end ends the sentence a post stands in)."""
    return "\n".join([item.inline_plain, *(line.plain for line in item.lines[1:] if not line.quoted)])


def _posted(text: str, forms: list[str], name_words: set[str], names: dict[str, str], organization: str) -> list[str]:
    """The people (`names`: lower-case form -> name; `name_words`: the words of those forms) an
    entry's text names right after a post or a founding (`partner Duarte Nogueira sits on the
    board`, `co-founded in 2022 by A and B`), where the post is the entry's: not a former one
    (`former CEO Jo Lee`), nor one after another name in its sentence (`Treeline co-founder
    Hussein`, `rival of Uber, whose CEO`, `led by a16z; partner`)."""
    full_forms = [form for form in forms if " " in form]  # (full names only: `chip partner Li Auto` is no Li Xiang)
    lowered = text.lower() if text.isascii() else None  # (ASCII: lower case keeps each character's place)
    if lowered is not None and not any(form in lowered for form in full_forms):
        return []  # (most entries name none of the document's people: no post is read)
    found = []
    own_words = set(fold(organization).split())
    for cue in _POSTED.finditer(text):
        if _full_name_at(text, cue.end(), full_forms) is None:
            continue  # (read first: most posts stand before no one the document names)
        if not held(cue, text):
            continue
        before = text[max(0, cue.start() - _POST_WINDOW) : cue.start()]
        clauses = _SENTENCE_BREAK.split(before)
        sentence = clauses[-1]
        if _FORMER_END.search(sentence) or _names_another(sentence, own_words, name_words):
            continue
        if len(clauses) > 1 and _BY_NAME_END.search(before, 0, len(before) - len(sentence)):
            continue  # `Series B led by Corvane Capital; partner Martin Casado`: Corvane's partner
        position = cue.end()
        while position:  # `by A and B`: each name, then the one after `and`
            form = _full_name_at(text, position, full_forms)
            if form is None:
                break
            found.append(names[form])
            position += len(form)
            position = position + 5 if text.startswith(" and ", position) else 0
    return found


def _full_name_at(text: str, position: int, full_forms: list[str]) -> str | None:
    """The first of `full_forms` (lower case) written at `position`, ending a word."""
    form = next((f for f in full_forms if text[position : position + len(f)].lower() == f), None)
    return form if form is not None and word_boundary(text, position + len(form)) else None


def _names_another(sentence: str, own_words: set[str], people: set[str]) -> bool:
    """Whether a sentence names an organization other than the entry's (`own_words`, its folded
    words): a capitalized word that is no place (`Oslo-based`), no word of a person's name
    (`people`, folded), no title or month, and not a sentence's first word before a lower-case one
    (`Networking company founded by`)."""
    generic = organization_words().generic
    for word in _CAPITALIZED.finditer(sentence):
        bare = re.sub(r"(?:['’]s?|-based|-headquartered)$", "", word.group()).strip(".,")
        key = fold(bare)
        if not bare or key in own_words or bare.lower() in _NO_NAME or key in generic or key in people:
            continue  # (`people`: the words of the document's people's names too: `by CEO A and CTO B`)
        if not sentence[: word.start()].strip() and _LOWER_NEXT.match(sentence, word.end()):
            continue
        if not is_place(bare):
            return True
    return False


def _has_cue(text: str) -> bool:
    """`_WORKED_CUE.search(text)`, answered for ASCII text in lower case (where IGNORECASE folds
    nothing beyond ASCII letters, and `\\b` sees the same word characters)."""
    if not text.isascii():
        return _WORKED_CUE.search(text) is not None
    return found_at_word_start(_LOWER_CUE, text.lower())


def _owners(text: str) -> list[str]:
    """The names (lower case) whose company the text says it is: `Emmett Shear's AI safety company`."""
    if "'s" not in text and "’s" not in text:  # (the possessive every owner is written with)
        return []
    return [match.group("owner").lower() for match in _OWNED_COMPANY.finditer(text)]


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
        name_words = {word for form in forms for word in form.split()}
        # (an entry's own organization, not one named inside it on its line: `led by Coatue`)
        by_line = {e.line: e for e in entities if e.kind == EntityKind.ORGANIZATION and e.own_entry}
        for item in section.items:
            entry = by_line.get(item.line)
            if entry is None:
                continue
            text = " ".join(line.plain for line in item.lines[1:] if not line.quoted)
            text += " " + item.inline_plain
            # (a heading naming several, `xAI / Colossus`: whose company the text means is unclear)
            owners = [] if entry.shared_heading else [forms[owner] for owner in _owners(text) if owner in forms]
            posted = [] if entry.shared_heading else _posted(_entry_lines(item), ordered, name_words, forms, entry.name)
            if not owners and not posted and not _has_cue(text):
                continue
            stated = [
                forms[form]
                for start, _end, form in _statements(text, ordered, entry.name)
                if text[start + len(form) : start + len(form) + 2] not in ("'s", "’s")  # `Sam's wife worked there`
            ]
            if not entry.shared_heading:
                stated += _holding_a_post(text, ordered, forms)
            for who in [*stated, *owners, *posted]:
                if fold(entry.name) not in {fold(a) for a in found[who]}:
                    found[who].append(entry.name)
    return [person.model_copy(update={"affiliations": tuple(found[person.name])}) for person in people]


_TITLE_WINDOW = 160  # characters: six words of an organization and five of a role, generously
_TITLE_MENTIONS = 8  # a title names its people a few times at most: a hostile one, no more are read
# What may stand between an organization and a person's name in a title: a role's words
# (`Deel CEO, Alex Bouaziz`, `Warp Co-Founder & CEO Zach Lloyd`), after a possessive or not.
_TITLE_ROLE = re.compile(r"^(?P<possessive>['’]s)?(?P<role>(?:\s+(?:&|and|[\w/-]+)){0,5}?)\s*,?\s+$")
_ROLE_IN_TITLE = re.compile(
    r"(?:ceo|cto|coo|cfo|cro|cpo|founder|co-?founder|cofounder|president|chair(?:man|woman)?|gp|partner|"
    r"principal|head|chief|director|investor)",
    re.I,
)


def _current_role(words: str) -> bool:
    """`GP`, `Co-Founder & CEO`, `managing partner`: words of a current role and nothing else (not
    `former CEO`, `CEO Marcus Feld with`, `interviewing the CEO`)."""
    tokens = words.split()
    return (
        bool(tokens)
        and all(_ROLE_IN_TITLE.fullmatch(token) or token.lower() in _ROLE_JOINERS for token in tokens)
        and any(_ROLE_IN_TITLE.fullmatch(token) for token in tokens)
        and not is_past_role(words)
    )


# Words a role's title may hold besides its role words: `Co-Founder & CEO`, `General Partner`.
_ROLE_JOINERS = frozenset(
    "& and / co- senior managing general founding executive vice chief lead new interim acting officer "
    "financial operating technology technical product revenue marketing of research engineering sales "
    "growth operations design ai".split()
)


# After the name: `Priya Raman, CEO of Haulwise`, `Zach Abrams (Bridge)`.
_ROLE_OF_AFTER = re.compile(r"^,\s+(?P<role>[^,;:|()@]{2,40}?)\s+(?:of|at|@)\s+")  # (`President @ Anduril`)
# Several owners' possessive opening the title or a part of it: `Anduril & Founders Fund's `
_OWNERS_BEFORE = re.compile(
    r"(?:^|[:|—–]\s*)(?P<owners>[A-Z][\w.&+-]*(?:\s+[A-Z][\w.+-]*){0,2}(?:\s+(?:&|and)\s+[A-Z][\w.+-]*(?:\s+[A-Z][\w.+-]*){0,2})+)"
    r"['’]s\s+$"
)
# A one-word owner opening the title or a part of it, then a role: `Benchmark's GP, `.
_OWNER_BEFORE = re.compile(r"(?:^|[:|—–]\s*)(?P<owner>[A-Za-z][\w.&+-]*[A-Za-z0-9])['’]s(?:\s+[\w&/-]+){0,4},?\s+$")
# `, Andreessen Horowitz` ending the title or its part: a listed organization alone after the name.
_ORG_AFTER = re.compile(r"^,\s+(?P<org>[^,;:|()]{2,60}?)\s*(?:$|[|:—–]|\s+on\s)")
_PARENTHESIS_AFTER = re.compile(r"^\s*\((?P<inner>[^()]{1,60})\)")


# `ex-Slack`, `formerly Slack`: a post left behind, in a title's parenthesis
_LEFT = re.compile(r"^(?:ex-|ex\s+|former(?:ly)?\s+)", re.I)
# What a title's parenthesis after a name says of the piece, not of the person: `Toby Shorin (Essay)`
_PIECE_WORDS = frozenset(
    """essay article interview podcast episode live rerun replay video audio bonus special update transcript
    summary review recap keynote talk panel ama remastered full extended clip clips highlights preview encore
    repost classic part pt ep vol edition explainer debate conversation lecture speech memo letter notes chat
    fireside dive deep roundtable livestream stream q&a qa ret retired""".split()
)
_NOT_A_NAME_TOKEN = re.compile(r"^[A-Z]{1,2}-[A-Z]{1,2}$|^[A-Z][a-z]{0,3}\.$")
_ORGANIZATION_TOKEN = re.compile(r"[A-Z][\w.&'’+-]*|&|of|and|for")


def _unlisted_organization(name: str, everyday: frozenset[str]) -> bool:
    """A name in a title's parenthesis after a person that no list has: one to four capitalized
    words, no post, no word for the piece, no place, and (one word) none the document writes in
    lower case (`Bridge`, `Privy`; not `Founder`, `Essay`, `Live`, `London`)."""
    tokens = name.split()
    if not 1 <= len(tokens) <= 4 or not all(_ORGANIZATION_TOKEN.fullmatch(token) for token in tokens):
        return False
    if tokens[0] == "The" or any(_NOT_A_NAME_TOKEN.search(token) for token in tokens):
        return False  # a nickname (`The Rock`), a party and state (`D-CA`), an abbreviation (`Ret.`)
    if not tokens[0][:1].isupper() or not tokens[-1][:1].isupper():
        return False
    folded = fold(name).split()
    if any(word in _PIECE_WORDS for word in folded) or ROLE_WORD.search(name) or is_place(name):
        return False
    return len(tokens) > 1 or folded[0] not in everyday


def title_affiliations(
    titles: list[str], people: list[PersonName], entities: list[EntityEntry], everyday: frozenset[str] = frozenset()
) -> list[PersonName]:
    """People with the organization an episode's titles (its title, the summary's own heading)
    give them, as the title writes it: `Deel CEO, Alex Bouaziz on ...`, `Benchmark's GP, Everett
    Randle`, `Podcast Summary: Priya Raman, CEO of Haulwise`, `Zach Abrams (Bridge)`; without a
    role, only an organization the document lists (`Podcast Summary: David George, Andreessen
    Horowitz`)."""
    listed = [entry for entry in entities if entry.kind == EntityKind.ORGANIZATION]
    organizations = {fold(form) for entry in listed for form in (entry.name, *entry.aliases)}
    name_words = {word for person in people for word in fold(person.name).split()}
    result = []
    for person in people:
        found: list[str] = []
        for title in titles:
            if person.name not in title:  # (in C: most titles name few of the people)
                continue
            for start in islice(occurrences(title, person.name), _TITLE_MENTIONS):
                end = start + len(person.name)
                if not (word_boundary(title, start) and word_boundary(title, end)):
                    continue
                # (what ties them stands close by: a few words each side, read in bounded windows)
                before, after = title[max(0, start - _TITLE_WINDOW) : start], title[end : end + _TITLE_WINDOW]
                found += _named_before(before, organizations, name_words) + _named_after(after, organizations, everyday)
        known = {fold(name) for name in person.affiliations}
        new = [name for name in dict.fromkeys(found) if fold(name) not in known]
        result.append(person.model_copy(update={"affiliations": (*person.affiliations, *new)}) if new else person)
    return result


_PAST_WORDS = frozenset(("former", "ex", "then", "onetime", "one-time", "erstwhile"))


def _named_before(before: str, organizations: set[str], name_words: set[str]) -> list[str]:
    """The organization the title names right before a person, with their role between: a listed
    or well-known one (`With Snowflake CEO Sridhar Ramaswamy`), or a word's possessive."""
    words = before.split()
    known = known_organizations().name_set
    for size in range(min(len(words), 6), 0, -1):
        for end in range(len(words), max(len(words) - 7, size) - 1, -1):
            candidate = " ".join(words[end - size : end])
            bare = re.sub(r"['’]s$", "", candidate)
            listed = fold(bare) in organizations
            if not bare[:1].isalnum() or not listed and bare not in known:
                continue  # (`Prompt - NVIDIA CTO Jo Lee`: the name is `NVIDIA`, not `- NVIDIA`)
            at = before.rfind(candidate)
            if any(word.lower().rstrip("-") in _PAST_WORDS for word in before[:at].split()[-1:]):
                continue  # `Former Orbex CEO Dana Ruiz`: a past role (as `Orbex's former CEO` is)
            rest = before[at + len(bare) :]
            between = _TITLE_ROLE.match(rest)
            role = between.group("role") if between else ""
            if not listed and role.strip().lower() in ("investor", "investors"):
                continue  # `Tesla investor Ross Gerber`: a well-known one's investor is none of its people
            # (a well-known one's possessive alone is read below, with the owners it may be one of)
            if between and (_current_role(role) or listed and between.group("possessive") and not role.strip()):
                return [bare]  # `Orbex CEO, Dana Ruiz`, `Orbex's Dana Ruiz`
    # `Benchmark's GP, Everett Randle`, `a16z's David George`: one word's possessive names its
    # organization, listed or not (an outlet's or a place's is none: `America's Jane Roe`)
    owner = _OWNER_BEFORE.search(before)
    if owner and not is_place(owner.group("owner")) and fold(owner.group("owner")) not in name_words:
        between = _TITLE_ROLE.match(before[owner.end("owner") :])
        role = between.group("role") if between else ""
        listed = fold(owner.group("owner")) in organizations
        if between and (_current_role(role) or not role.strip() and listed):
            return [owner.group("owner")]  # (with no role between, only a listed organization)
    if "&" in before or " and " in before:  # `Anduril & Founders Fund's Trae Stephens`: each, listed or well known
        owners = _OWNERS_BEFORE.search(before)
        names = re.split(r"\s+(?:&|and)\s+", owners.group("owners")) if owners else []
        if names and all(fold(name) in organizations or name in known for name in names):
            return names
    return []


def _named_after(after: str, organizations: set[str], everyday: frozenset[str] = frozenset()) -> list[str]:
    """The organization after a person's name: a listed or well-known one after a post (`, CEO of
    Haulwise`), or one in a parenthesis, listed or no other thing (`(Bridge)`)."""
    if (role := _ROLE_OF_AFTER.match(after)) and _current_role(role.group("role")):
        rest = after[role.end() :].split()
        known = known_organizations().name_set  # (a well-known one too: `President @ Anduril`)
        for size in range(min(len(rest), 6), 0, -1):
            written = " ".join(rest[:size]).rstrip(".,;:!?")
            if fold(written) in organizations or written in known:
                return [written]
    if parenthesis := _PARENTHESIS_AFTER.match(after):  # `(Bridge)`, `(Parcelwise, ex-Dropbox)`
        parts = [_LEFT.sub("", part.strip()) for part in re.split(r"[,;/]", parenthesis.group("inner"))]
        # (a post left behind is an affiliation too; an unlisted name only where nothing else
        # reads it: `Zach Abrams (Bridge)`, not `Toby Shorin (Essay)`)
        return [part for part in parts if fold(part) in organizations or _unlisted_organization(part, everyday)]
    if (named := _ORG_AFTER.match(after)) and fold(named.group("org")) in organizations:
        return [named.group("org")]  # `David George, Andreessen Horowitz` (the heading ends there)
    return []
