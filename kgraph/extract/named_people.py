"""People the text names with no entry of their own, where the words around a name say it is a
person's: a title before it (`partner Duarte Nogueira`, `CEO Chris Urmson`), a founding (`co-founded
in 2022 by Ines Carvalho-Berg and Magnus Ødegård`), or a title set after it (`Ana Lind, CEO of
Orbex`, `Ana Lind (co-founder)`). Documents without a People section name most of their people
this way. A capitalized pair alone is not enough: firms are named like people (`Kleiner Perkins`)."""

from __future__ import annotations

import re

from kgraph.data import organization_words
from kgraph.extract.alternation import one_of, with_capitals
from kgraph.extract.results import MOST_NAMED, PersonName
from kgraph.names import fold, occurrences, plausible_new_person
from kgraph.parse.document import LineKind, ParsedDocument

_TOKEN = r"[A-Z\u00c0-\u00de][\w-]*(?:['’][A-Z][\w-]*)?"  # `O'Neil`, not `Dre's`
_PARTICLE = r"(?:de|da|del|della|der|den|van|von|la|le|di|du|dos|das|bin|al)"
_NAME = rf"(?:{_TOKEN}|[A-Z]\.(?:[A-Z]\.)?)(?:\s+(?:{_PARTICLE}\s+)?(?:{_TOKEN}|[A-Z]\.)){{0,2}}\s+{_TOKEN}"
# What a partner of a firm follows (`managing partner X`, `; partner X`), not a deal's (`chip partner X`).
_PARTNER_AFTER = frozenset(("general", "managing", "founding", "senior", "venture", "operating"))
_WORD_BEFORE = re.compile(r"(\S*)\s*$")


def partner_of_a_firm(text: str, start: int) -> bool:
    """Whether `partner` at `start` of `text` is a firm's partner: after one of `_PARTNER_AFTER`, or
    opening the text or a clause (not `its partner Goldman Sachs`: a firm may be one)."""
    word = _WORD_BEFORE.search(text, max(0, start - 20), start)
    before = word.group(1) if word else ""
    return not before or not before[-1].isalnum() or before.lower() in _PARTNER_AFTER


# A post held in an organization, or its founding (then `by`), before a name: in a Companies entry,
# the organization's (see `kgraph.extract.relations`). Not `author`, `analyst`: of anyone.
# (capitalized only where a sentence opens on the title: `Founder Tomas Alvarez sold it`, not
# `the Founder Mode Summit` or `a Partner Program`; see `held`)
_POST_WORDS = with_capitals(
    "CEO|CTO|CFO|COO|CPO|CMO|founder|co-founder|cofounder|partner|chairman|chairwoman|President|director"
)
_FOUNDING_WORDS = with_capitals("co-founded|cofounded|founded")
_TITLE_WORDS = "professor|Professor|Prof|Dr|Senator|Sen|Rep|Representative|Governor|Gov|host|co-host"
_ABBREVIATED = frozenset(("Prof", "Dr", "Sen", "Rep", "Gov"))  # written with their dot (not `Dr Pepper`)
_FOUNDING = frozenset(_FOUNDING_WORDS.split("|"))
_BY = r"(?P<by>(?:\s+in\s+\d{4})?\s+by)?"  # `co-founded in 2022 by`
# A post or a founding before a name (the cues as one alternation of literal words: searched far
# faster than a choice of patterns); `held` tells a founding with its `by` from a post without.
POST = rf"(?P<cue>{one_of(f'{_POST_WORDS}|{_FOUNDING_WORDS}')}){_BY}\.?\s+"
_CUE = rf"(?P<cue>{one_of(f'{_POST_WORDS}|{_FOUNDING_WORDS}|{_TITLE_WORDS}')}){_BY}\.?\s+"


_TITLES_AS_WRITTEN = frozenset(("President", "Professor", "Senator", "Representative", "Governor"))
_MODIFIERS = re.compile(r"(?:(?:General|Managing|Founding|Senior|Operating|Executive|Vice|Chief)\s+)+$")
_OPENING = re.compile(r"(?:^|[.!?:\n\0]\s*)$")


def _opens(text: str, start: int) -> bool:
    """Whether a sentence opens at `start`, or on title words just before it (`General Partner X`)."""
    before = text[max(0, start - 60) : start]
    modifiers = _MODIFIERS.search(before)
    return _OPENING.search(before[: modifiers.start()] if modifiers else before) is not None


def held(cue: re.Match[str], text: str) -> bool:
    """Whether a cue match (of `POST`) stands before a person: a founding with `by`, a post
    without, at a word start, and a partner of a firm (`managing partner X`, not `chip partner X`)."""
    word = cue.group("cue")
    if (word in _FOUNDING) != (cue.group("by") is not None):
        return False
    if word[:1].isupper() and word[1:2].islower() and word not in _TITLES_AS_WRITTEN and not _opens(text, cue.start()):
        return False  # `Founder Mode Summit`: a capitalized title only where a sentence opens on it
    if (word in _ABBREVIATED) != text.startswith(".", cue.end("cue")):
        return False  # `Dr. Ana Lind`, not `Dr Pepper`; `founder. Early Kreacarcul`: a sentence ended
    if cue.start() and text[cue.start() - 1].isalnum():
        return False
    return word.lower() != "partner" or partner_of_a_firm(text, cue.start())


# After a name, only titles no organization holds (`Emerson Collective, investor in X` is a fund).
_TITLE_AFTER = one_of(
    with_capitals(
        "CEO|CTO|CFO|COO|CPO|CMO|founder|co-founder|partner|professor|chief|head|president|chair|VP|SVP|EVP|director"
    )
)
# A name after a post, a title or a founding, with a second after `and` (`by A and B`); a title
# after a name, read back from the title (two patterns that open on their cues: one that opens on
# a name would try every capitalized word of every line).
_NAMED_AFTER = re.compile(rf"{_CUE}(?P<name>{_NAME})(?:\s+and\s+(?:(?:Dr|Prof)\.\s+)?(?P<second>{_NAME}))?")
# A name that research or a founding is shared with: `proposed by Ana Lind and colleagues`,
# `co-founding Ferrovia with Ana Lind` (searched from the words that anchor it). It opens on the
# cues' first letters, read back by look-behinds: a pattern opening on `\b` or a case-blind word
# gives the engine nothing to skip to, so it was tried at every character of the prose.
_WORKED_WITH = re.compile(
    rf"[bcC](?:(?<=\bb)y\s+(?P<name>{_NAME})\s+"
    r"(?:and\s+(?:her\s+|his\s+|their\s+)?(?:colleagues|co-?authors|collaborators)|et\s+al\.)"
    rf"|(?<=[cC])(?i:o-?found(?:ed|ing))\s+(?:[A-Z][\w.&-]*\s+){{1,3}}with\s+(?:(?:Dr|Prof)\.\s+)?(?P<partner>{_NAME}))"
)
_TITLE_AFTER_NAME = re.compile(rf"{_TITLE_AFTER}\b")
# The title after a comma or a parenthesis (`, the former CEO`, ` (co-founder`), as `_BEFORE_TITLE`
# reads them: only there is a title after a name, and these patterns open on one character the
# engine skips to (one opening on the titles' letters was tried at every c, d, h and p of the prose).
# (`\n?`: `_BEFORE_TITLE`'s `$` also holds before a last line break)
_COMMA_BEFORE_TITLE = re.compile(rf",\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:former\s+)?(?={_TITLE_AFTER}\b)")
_PARENTHESIS_BEFORE_TITLE = re.compile(rf"\((?:former\s+)?\n?(?={_TITLE_AFTER}\b)")
# A post of a field, then the name set beside it: `its head of compliance, Fatima El-Sayed,`
_POST_OF_WORDS = ("head ", "Head ", "director ", "Director ", "VP ", "vice president ", "Vice President ")
_POSTS_OWNED = ("co-founder, ", "cofounder, ", "founder, ", "CEO, ", "CTO, ", "CFO, ", "COO, ", "president, ")
_OWNERS = ("'s ", "’s ", "its ", "their ")
_NAME_SET_BESIDE = re.compile(rf"(?P<name>{_NAME})(?=,|\s+\()")
_POST_THEN_NAME = re.compile(
    rf"(?:{'|'.join(_POST_OF_WORDS)})(?:of|for)\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*,\s+(?P<name>{_NAME})(?=,|\s+\()"
)
# What stands between a name and the title after it: `, the former `, ` (`.
_BEFORE_TITLE = re.compile(r"(?:,\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?|\s+\()(?:former\s+)?$")
_NAME_BEFORE = re.compile(rf"(?<![\w'’-])(?:{_NAME})$")
_WINDOW = 80  # characters before a title that may hold the name it follows
_AT_OR_OF = re.compile(r"\s+(?:at|of)\s")  # `Ana Lind, partner at X` (not `Deutsche Bank, partner in the deal`)
_PROSE_KINDS = frozenset((LineKind.TEXT, LineKind.TABLE_ROW))
_KIND_WORDS = frozenset(
    ("inc", "llc", "ltd", "corp", "capital", "ventures", "partners", "labs", "group", "fund", "bank", "summit")
)
_GROUP_WORDS = frozenset(("phds", "mbas", "vcs", "lps", "ceos", "founders", "engineers", "alumni"))  # `Berkeley PhDs`
# A title opening a name read after a cue (`Guest Lin Yuxuan, founder of X`): no part of the name.
_OTHER_TITLES = with_capitals("host|guest|moderator|general|secretary|deputy|vice|chief|executive")
_OPENING_TITLES = f"{with_capitals(_POST_WORDS)}|{_TITLE_WORDS}|{_OTHER_TITLES}"
_TITLE_WORD = re.compile(rf"{one_of(_OPENING_TITLES)}\.?\s+")


def people_named_in(document: ParsedDocument, known: set[str], everyday: frozenset[str]) -> list[PersonName]:
    """The people the document's prose names this way, first-come, that are no name in `known`
    (folded: the document's people, organizations and products) and whose words after the first
    the document never writes in lower case (`Michael Kagan Interview` is no name)."""
    words = organization_words()
    suffixes = words.kind_suffixes | _KIND_WORDS
    found: dict[str, PersonName] = {}
    # the prose searched once, its lines apart (no white space between them: no name runs across)
    text = document.prose(_PROSE_KINDS).text
    names = [
        written
        for match in _NAMED_AFTER.finditer(text)
        if held(match, text)
        for written in match.group("name", "second")
    ]
    if "," in text:  # (each post below is read before a comma: a text without one is not searched)
        for word in _POSTS_OWNED:  # `Voltaic's co-founder, Keiko Armitage,`: an owner's post, then the name
            for at in occurrences(text, word):
                owner = text[max(0, at - 6) : at]
                if owner.endswith(_OWNERS) and (named := _NAME_SET_BESIDE.match(text, at + len(word))):
                    names.append(named.group("name"))
        for word in _POST_OF_WORDS:  # (found with `str.find`: far faster than a pattern opening on a choice)
            for at in occurrences(text, word):
                if (not at or not text[at - 1].isalnum()) and (post := _POST_THEN_NAME.match(text, at)):
                    names.append(post.group("name"))
    if " with " in text or " colleagues" in text or " et al." in text or "co-author" in text:
        names += [match.group("name") or match.group("partner") for match in _WORKED_WITH.finditer(text)]
    names += _named_before_titles(text)
    for written in names:
        name = _TITLE_WORD.sub("", written, count=1) if written and _TITLE_WORD.match(written) else written
        key = fold(name) if name else ""
        if not key or key in known or key in found or key in words.named_like_people:
            continue
        if key.split()[-1] in suffixes | _GROUP_WORDS:
            continue
        if plausible_new_person(name, everyday):
            found[key] = PersonName(name=name)
            if len(found) == MOST_NAMED:
                break  # more than a summary ever names: a hostile text, for the corpus to resolve
    return list(found.values())


def _named_before_titles(text: str) -> list[str | None]:
    """The name before each title set after one (`Ana Lind, CEO of Orbex`, `Ana Lind (co-founder)`),
    in text order; None where no name is."""
    names: list[str | None] = []
    after = {
        cue.end() for pattern in (_COMMA_BEFORE_TITLE, _PARENTHESIS_BEFORE_TITLE) for cue in pattern.finditer(text)
    }
    for at in sorted(after):  # (a set: a title read once)
        title = _TITLE_AFTER_NAME.match(text, at)
        assert title is not None  # (the cue's lookahead)
        between = _BEFORE_TITLE.search(text, max(0, title.start() - 30), title.start())
        if between and (title.group().lower() != "partner" or _AT_OR_OF.match(text, title.end())):
            before = _NAME_BEFORE.search(text, max(0, between.start() - _WINDOW), between.start())
            names.append(before.group() if before else None)
    return names
