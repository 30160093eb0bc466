"""A round's investors that Companies / People entries name (`Series B led by Orbex Capital`):
organizations their episode mentions, though no entry lists them."""

from __future__ import annotations

import re

from kgraph.extract.organization_names import is_generic
from kgraph.extract.results import EntityEntry, EntityKind
from kgraph.names import fold, looks_like_person_name
from kgraph.person_names import is_place

# A round's investors, as entries' texts give them: `a $40M Series B led by Orbex Capital and Tidal
# Works`, `backed by Halden, Corvo and Wharfly`, `with participation from ...`.
_DEAL = re.compile(
    r"\b(?:(?:round|raise|raised|raising|funding|financing|series\s+[a-z]|seed|investment|\$[\d.,]+\s*[mbk]n?)"
    r"\b[^.;:()]{0,40}?\b(?:co-)?led\s+by|backed\s+by|with\s+participation\s+from|investors\s+(?:include|including))"
    r"\s+(?P<names>[^.;:()]+)",
    re.I,
)
_INVESTOR = re.compile(r"(?:the\s+)?(?P<name>[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,3})")
_POSSESSOR = re.compile(r"^[A-Z][\w.&-]*['’]s\s+(?=[A-Z])")  # `Singapore's GIC`: GIC


def deal_investors(entries: list[EntityEntry]) -> list[EntityEntry]:
    """Organizations an entry names as a round's investors, not listed themselves: each is
    mentioned by the episode (`own_entry` False). A name written like a person's (`Sam Altman`)
    may be an angel, a place (`US`) is none, and a lone word other than an acronym is left to the
    names the corpus knows."""
    listed = {fold(form) for entry in entries for form in (entry.name, *entry.aliases)}
    found: list[EntityEntry] = []
    for entry in entries:
        for text in (entry.description, entry.why_mentioned):
            if not text or not ("by " in text or "from " in text or "nvestors " in text):
                continue  # each of the pattern's lead-ins holds one of these: most texts, none
            for deal in _DEAL.finditer(text):
                for name in _investor_names(deal.group("names")):
                    if fold(name) in listed:
                        continue
                    listed.add(fold(name))
                    found.append(
                        EntityEntry(
                            kind=EntityKind.ORGANIZATION, name=name, own_entry=False, line=entry.line, rank=entry.rank
                        )
                    )
    return found


def _investor_names(names: str) -> list[str]:
    """The names of a list (`Orbex Capital, Tidal and Wharfly`), up to its first part that is none."""
    found = []
    for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", names.strip()):
        match = _INVESTOR.fullmatch(_POSSESSOR.sub("", part.strip().rstrip("'’")))
        if match is None:  # the list has ended (`... at a $2B valuation`), or another begins in it
            rest = names.strip()[names.strip().find(part) :]
            more = _DEAL.search(rest)  # `, with participation from NEA`
            if more:
                found.extend(_investor_names(more.group("names")))
            break
        name = match.group("name").removesuffix("'s").removesuffix("’s")
        tokens = name.split()
        if len(tokens) == 1 and not re.fullmatch(r"[A-Z0-9]{2,6}", name):
            # `Bessemer`, `Coatue`: the short form of a firm listed elsewhere in full, which an
            # investor's name alone does not merge with (`Intel` is not `Intel Capital`)
            continue
        if len(tokens) > 1 and looks_like_person_name(name):
            continue  # `Tarek Mansour`, `General Catalyst`: a person's name, or written like one
        if is_place(name) or is_generic(name) or len(name) < 2:
            continue
        found.append(name)
    return found
