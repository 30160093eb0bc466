"""What a row naming several entities (`**Primary Wave, Kobalt**`) says of each one: its own clause
where the description gives one (`Primary Wave is a rights firm; Kobalt is a publisher`), nothing
where the description names the member inside (`parent company of Chili's` is not Chili's), else
the row's description, which the members share."""

from __future__ import annotations

import re
from collections import Counter

from kgraph.names import fold

# Clauses of a description: after `;`, a sentence end, or inside parentheses.
_CLAUSE_BREAK = re.compile(r";\s+|(?<=[.!?])\s+(?=[A-Z])|\s*[()]\s*")
_FIRST_WORD_LETTERS = 4  # a member's first word alone opens its clause (`Ouro is` for Ouro Medicines) from this length


def member_descriptions(description: str | None, names: list[str]) -> dict[str, str | None]:
    """The description each member of a row of several `names` gets, by name (the row's
    description for a name not given)."""
    if not description or len(names) < 2:
        return {}
    return _row_descriptions(description, tuple(names))


def _row_descriptions(description: str, names: tuple[str, ...]) -> dict[str, str | None]:
    """What each member of the row gets (the shared description where it is missing), worked out
    once for the row: its own clause; else, what is left once the others' clauses go, unless that
    names the member inside (not as the start of a longer name: `the Fundrise Growth Fund`)."""
    own = _own_clauses(description, names)
    shared = description
    if own:  # `Supporting researchers. Li Chen is ...`
        others = set(own.values())
        shared = "; ".join(part for part in _clauses(description) if part not in others)
    inside = _named_inside(shared, names)
    found: dict[str, str | None] = {}
    for name in names:
        if name in own:
            found[name] = own[name]
        elif not shared:
            found[name] = None  # `Halden DeepLab is the lab`: a description of the row's other member
        else:  # `Publicly traded parent company of Chili's`: the row's other member
            found[name] = None if name in inside else shared
    return found


_WORD = re.compile(r"[\w'’&]+(?:[.-][\w'’&]+)*")  # `Sim.io`, `Coca-Cola`; not a sentence's last period


def _named_inside(text: str, names: tuple[str, ...]) -> set[str]:
    """The members `text` names, where the name is not followed by a capitalized word (which makes
    it the start of a longer name), in one pass over the text's words."""
    by_first: dict[str, list[tuple[list[str], str]]] = {}
    for name in names:
        words = name.casefold().split()
        if words:
            by_first.setdefault(words[0], []).append((words, name))
    found: set[str] = set()
    tokens = [(match.group(0), match.start()) for match in _WORD.finditer(text)]
    folded = [token.casefold() for token, _ in tokens]
    bare = [word.removesuffix("'s").removesuffix("’s") for word in folded]  # `Meta's`: Meta
    for position in range(len(folded)):
        for words, name in by_first.get(folded[position], ()) or by_first.get(bare[position], ()):
            end = position + len(words)
            if (
                folded[position : end - 1] != words[:-1]
                or end > len(folded)
                or words[-1]
                not in (
                    folded[end - 1],
                    bare[end - 1],
                )
            ):
                continue
            if folded[end - 1] != bare[end - 1]:
                found.add(name)  # a possessive: `Meta's Superintelligence Labs` names Meta
                continue
            # a capitalized word right after it, across white space only, goes on with the name
            following, at = tokens[end] if end < len(tokens) else ("", len(text))
            spaced = text[tokens[end - 1][1] + len(tokens[end - 1][0]) : at].isspace()
            if not (spaced and (following[:1].isupper() or following[:1].isdigit())):
                found.add(name)
    return found


def _own_clauses(description: str, names: tuple[str, ...]) -> dict[str, str]:
    """Each member's own clause, for the members that have one: the first clause that opens on the
    member's name, or on its first word where no other member's starts so (`Ouro is` for Ouro
    Medicines; not `Google` for Google beside Google DeepMind), then a lower-case word (`Kobalt
    is`; not `Google DeepMind is` for Google). Read in one pass, however many members the row has."""
    folded = {name: fold(name) for name in names}
    firsts = Counter(key.split()[0] for key in folded.values() if key)
    forms = {
        name: [key, *([first] if len(first) >= _FIRST_WORD_LETTERS and firsts[first] == 1 else [])]
        for name, key in folded.items()
        for first in [key.split()[0] if key else ""]
    }
    sizes = {len(form.split()) for options in forms.values() for form in options}
    opening: dict[tuple[int, str], tuple[int, str]] = {}  # (words, folded opening) -> the first such clause
    for number, clause in enumerate(_clauses(description)):
        words = clause.split()
        for size in sizes:
            if len(words) > size and words[size][:1].islower():
                opening.setdefault((size, fold(" ".join(words[:size]))), (number, clause))
    found = {}
    for name, options in forms.items():
        clauses = [opening[key] for form in options if (key := (len(form.split()), form)) in opening]
        if clauses:
            found[name] = min(clauses)[1]
    return found


def _clauses(description: str) -> list[str]:
    return [clause for part in _CLAUSE_BREAK.split(description) if (clause := part.strip(" .;"))]
