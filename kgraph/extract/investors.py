"""A round's investors that Companies / People entries name (`Series B led by Orbex Capital`):
organizations their episode mentions, though no entry lists them. Each is marked `investor`:
resolution may join a one-word investor (`Orbex`) to the one investment firm of a longer name."""

from __future__ import annotations

import re

from kgraph.data import organization_words
from kgraph.extract.organization_names import is_generic
from kgraph.extract.results import EntityEntry, listed_names
from kgraph.names import fold, looks_like_person_name
from kgraph.person_names import is_function_word, is_place, opens_a_sentence

# A round's investors, as entries' texts give them: `a $40M Series B led by Orbex Capital and Tidal
# Works`, `backed by Halden, Corvo and Wharfly`, `with participation from ...`.
_DEAL = re.compile(
    r"\b(?:(?:round|raise|raised|raising|funding|financing|series\s+[a-z]|seed|investment|\$[\d.,]+\s*[mbk]n?)"
    r"\b[^.;:()]{0,40}?\b(?:co-)?led\s+by|backed\s+by|with\s+participation\s+from|investors\s+(?:include|included|including))"
    r"\s+(?P<names>[^.;:()]+)"
    r"|\$[\d.,]+\s*[mbk]n?\b[^.;:()$]{0,40}?\bfrom\s+(?P<sources>[^.;:()]+)",  # `$40M from Orbex and Halden`
    re.I,
)
_INVESTOR = re.compile(r"(?:the\s+)?(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,3})")
# What may follow a list's last name (`Orbex at a $2B valuation`, `Halden — a notable round`): the
# list ends there.
_QUALIFIER = re.compile(r"\s+(?:[a-z]|[—–|]|-\s)|\s*[|*\"“”]")
# Lone words in a list that name no investor: `others`, `insiders`, `existing investors`.
_NO_INVESTOR = frozenset("others insiders existing new several various series seed round investors backers".split())
_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_AND_FULL_NAME = re.compile(r"\s+and\s+([A-Z]\S*\s+[A-Z][^\s,]*)\s*(?:$|[,|—–])")
# What may come before a name and is none of it: a possessor (`Singapore's GIC`: GIC) or a word
# joined to a lowercase one (`SoftBank-rival Tiger Global`, `Paris-based Halden`).
_POSSESSOR = re.compile(r"^(?:[A-Z][\w.&-]*['’]s|[A-Z][\w.&]*-[a-z][\w-]*)\s+(?=[A-Z])")


def deal_investors(entries: list[EntityEntry]) -> list[EntityEntry]:
    """Organizations an entry names as a round's investors, not listed themselves: each is
    mentioned by the episode (`own_entry` False) and marked `investor`. A name written like a
    person's (`Sam Altman`) may be an angel, and a place (`US`) is none."""
    listed = listed_names(entries)
    found: list[EntityEntry] = []
    for entry in entries:
        for text in (entry.description, entry.why_mentioned):
            if not text or not ("by " in text or "from " in text or "nvestors " in text):
                continue  # each of the pattern's lead-ins holds one of these: most texts, none
            for deal in _DEAL.finditer(text):
                for name in _investor_names(deal.group("names") or deal.group("sources")):
                    if fold(name) in listed:
                        continue
                    listed.add(fold(name))
                    found.append(entry.named_inside(name, investor=True))
    return found


def _investor_names(names: str) -> list[str]:
    """The names of a list (`Orbex Capital, Tidal and Wharfly`), up to its first part that is none
    or its last name's qualifier (`Wharfly at a $2B valuation`); then those of a list that begins
    in the rest (`with participation from NEA`)."""
    names = names.strip()
    found: list[str] = []
    start = 0
    for separator in [*_SEPARATOR.finditer(names), None]:
        piece = names[start : separator.start() if separator else len(names)]
        part = _POSSESSOR.sub("", piece.lstrip())
        at = start + len(piece) - len(part)  # where `part` begins in `names`
        start = separator.end() if separator else len(names)
        match = _INVESTOR.match(part)
        name = match.group("name") if match else ""
        rest = part[match.end() :].rstrip() if match else part
        if match is None or name.endswith(("'s", "’s")) or (rest.rstrip("'’") and not _QUALIFIER.match(rest)):
            # the list has ended (`... at a $2B valuation`), another begins in it, or a name is
            # another's possessor (`Orbex's own CEO`)
            tail = names[at:]
        else:
            if _investor(name) and not _shared_surname(name, names[at + match.end() :]):
                found.append(name)
            if not rest.rstrip("'’"):
                continue
            tail = names[at + match.end() :]  # what the summary says of the round
        more = _DEAL.search(tail)  # `..., with participation from NEA`
        if more:
            found.extend(_investor_names(more.group("names") or more.group("sources")))
        break
    return found


def _shared_surname(name: str, after: str) -> bool:
    """`Patrick and John Collison`: a lone first name joined by `and` to a person's two names that
    end the list shares the surname (`after`: the list's text after the name)."""
    joined = _AND_FULL_NAME.match(after) if " " not in name else None
    return joined is not None and looks_like_person_name(joined.group(1))


def _investor(name: str) -> bool:
    """Whether a name in a round's list of investors is an organization's."""
    tokens = name.split()
    if len(tokens) == 1:
        if len(name) < 3 and not name.isupper() or name.lower() in _NO_INVESTOR:
            return False  # `Xo`, `others`, `insiders`
        if is_function_word(name) or opens_a_sentence(name):
            return False
    if len(tokens) > 1 and tokens[-1].isupper() and is_generic(tokens[-1]):
        return False  # `Alphabet VC arm`: an organization's kind of arm, not its name
    words = organization_words()
    if fold(name) in words.named_like_people:
        return True  # `General Catalyst`, `Jane Street`: a firm known to be named like a person or a place
    if len(tokens) > 1 and fold(tokens[-1]) in words.investment_suffixes:
        return True  # `Tiger Global`, `Vista Equity`: a firm's ending, though the first word is a given name
    if len(tokens) > 1 and looks_like_person_name(name):
        return False  # `Tarek Mansour`, `Kestrel Aldane`: a person's name, or written like one
    return not (is_place(name) or is_generic(name) or len(name) < 2)
