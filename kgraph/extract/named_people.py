"""People the text names with no entry of their own, where the words around a name say it is a
person's: a title before it (`partner Duarte Nogueira`, `CEO Chris Urmson`), a founding (`co-founded
in 2022 by Ines Carvalho-Berg and Magnus Ødegård`), or a title set after it (`Ana Lind, CEO of
Orbex`, `Ana Lind (co-founder)`). Documents without a People section name most of their people
this way. A capitalized pair alone is not enough: firms are named like people (`Kleiner Perkins`)."""

from __future__ import annotations

import re

from kgraph.data import organization_words
from kgraph.extract.results import PersonName
from kgraph.names import fold, plausible_new_person
from kgraph.parse.document import LineKind, ParsedDocument

_TOKEN = r"[A-Z\u00c0-\u00de][\w-]*(?:['’][A-Z][\w-]*)?"  # `O'Neil`, not `Dre's`
_PARTICLE = r"(?:de|da|del|della|der|den|van|von|la|le|di|du|dos|das|bin|al)"
_NAME = rf"(?:{_TOKEN}|[A-Z]\.(?:[A-Z]\.)?)(?:\s+(?:{_PARTICLE}\s+)?(?:{_TOKEN}|[A-Z]\.)){{0,2}}\s+{_TOKEN}"
# A partner of a firm, not of a deal: `managing partner X`, `; partner X` (not `chip partner X`).
_PARTNER = (
    r"(?:(?<![\w\s])|(?<=[;:,(.] )|(?<=general )|(?<=managing )|(?<=founding )|(?<=senior )|(?<=venture )"
    r"|(?<=its )|(?<=the )|(?<=and ))[Pp]artner"
)
_TITLE = (
    rf"CEO|CTO|CFO|COO|CPO|CMO|[Ff]ounder|[Cc]o-?founder|{_PARTNER}|[Pp]rofessor|Prof\.|Dr\.|Senator|Sen\.|Rep\.|"
    r"Representative|Governor|Gov\.|President|[Cc]hairman|[Cc]hairwoman|[Ii]nvestor|[Aa]nalyst|[Ee]conomist|"
    r"[Rr]esearcher|[Ss]cientist|[Dd]irector|[Ee]ditor|[Rr]eporter|[Jj]ournalist|[Aa]uthor|[Cc]o-?host"
)
# After a name, only titles no organization holds (`Emerson Collective, investor in X` is a fund).
_TITLE_AFTER = (
    r"CEO|CTO|CFO|COO|CPO|CMO|[Ff]ounder|[Cc]o-?founder|[Pp]artner|[Pp]rofessor|[Cc]hief|[Hh]ead|[Pp]resident|[Cc]hair"
)
# A post held in an organization, or its founding, before a name (not `author`, `analyst`: of
# anyone): in a Companies entry, the organization's (see `kgraph.extract.relations`).
POST = (
    rf"(?:CEO|CTO|CFO|COO|CPO|CMO|[Ff]ounder|[Cc]o-?founder|{_PARTNER}|[Cc]hairman|[Cc]hairwoman|President|[Dd]irector"
    r"|(?:co-?founded|founded|started|created|launched)(?:\s+in\s+\d{4})?\s+by)"
)
# A name after a title or a founding, with a second after `and` (`by A and B`), or before a title.
_NAMED = re.compile(
    rf"\b(?:{POST}|{_TITLE})\s+(?P<name>{_NAME})(?:\s+and\s+(?P<second>{_NAME}))?"
    rf"|(?P<titled>{_NAME})(?:,\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:former\s+)?(?:{_TITLE_AFTER})\b"
    rf"|\s+\((?:former\s+)?(?:{_TITLE_AFTER})\b)"
)
_PROSE_KINDS = frozenset((LineKind.TEXT, LineKind.TABLE_ROW))
_KIND_WORDS = frozenset(("inc", "llc", "ltd", "corp", "capital", "ventures", "partners", "labs", "group", "fund"))
_GROUP_WORDS = frozenset(("phds", "mbas", "vcs", "lps", "ceos", "founders", "engineers", "alumni"))  # `Berkeley PhDs`
_TITLE_WORD = re.compile(rf"(?:{_TITLE}|[Hh]ost|[Gg]uest|[Mm]oderator)\s+")  # (`Guest Lin Yuxuan, founder of X`)


def people_named_in(document: ParsedDocument, known: set[str], everyday: frozenset[str]) -> list[PersonName]:
    """The people the document's prose names this way, first-come, that are no name in `known`
    (folded: the document's people, organizations and products) and whose words after the first
    the document never writes in lower case (`Michael Kagan Interview` is no name)."""
    suffixes = organization_words().kind_suffixes | _KIND_WORDS
    found: dict[str, PersonName] = {}
    lines = [*document.preamble, *(line for section in document.sections for line in section.lines)]
    for line in lines:
        if line.kind not in _PROSE_KINDS:
            continue
        for match in _NAMED.finditer(line.plain):
            for written in match.group("name", "second", "titled"):
                name = _TITLE_WORD.sub("", written, count=1) if written and _TITLE_WORD.match(written) else written
                key = fold(name) if name else ""
                if not key or key in known or key in found or key.split()[-1] in suffixes | _GROUP_WORDS:
                    continue
                if plausible_new_person(name, everyday):
                    found[key] = PersonName(name=name)
    return list(found.values())
