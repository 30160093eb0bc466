"""What a row naming several entities (`**Primary Wave, Kobalt**`) says of each one: its own clause
where the description gives one (`Primary Wave is a rights firm; Kobalt is a publisher`), nothing
where the description names the member inside (`parent company of Chili's` is not Chili's), else
the row's description, which the members share."""

from __future__ import annotations

import re

from kgraph.names import fold

# Clauses of a description: after `;`, a sentence end, or inside parentheses.
_CLAUSE_BREAK = re.compile(r";\s+|(?<=[.!?])\s+(?=[A-Z])|\s*[()]\s*")
_FIRST_WORD_LETTERS = 4  # a member's first word alone opens its clause (`Ouro is` for Ouro Medicines) from this length


def member_description(description: str | None, name: str, names: list[str]) -> str | None:
    """The description a member of a row of several `names` gets."""
    if not description or len(names) < 2:
        return description
    own = _own_clause(description, name, names)
    if own is not None:
        return own
    others = {clause for other in names if other != name and (clause := _own_clause(description, other, names))}
    if others:  # `Supporting researchers. Li Chen is ...`: what is left once the others' clauses go
        rest = [part for part in _clauses(description) if part not in others]
        if not rest:
            return None  # `Halden DeepLab is the lab`: a description of the row's other member
        description = "; ".join(rest)
    # named inside, not as the start of a longer name (`the Fundrise Growth Fund` is another's)
    inside = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)(?!\s+(?-i:[A-Z0-9]))", re.I)
    if inside.search(description):
        return None  # `Publicly traded parent company of Chili's`: the row's other member
    return description


def _own_clause(description: str, name: str, names: list[str]) -> str | None:
    """The clause of `description` that opens on the member (`Kobalt is a music publisher`)."""
    forms = [fold(name)]
    first = forms[0].split()[0] if forms[0] else ""
    if len(first) >= _FIRST_WORD_LETTERS and sum(fold(other).split()[:1] == [first] for other in names) == 1:
        forms.append(first)  # (not where two members share it: `Google`, `Google DeepMind`)
    for clause in _clauses(description):
        words = clause.split()
        for form in forms:
            size = len(form.split())
            # the name, then a lower-case word (`Kobalt is`; not `Google DeepMind is` for Google)
            if len(words) > size and fold(" ".join(words[:size])) == form and words[size][:1].islower():
                return clause
    return None


def _clauses(description: str) -> list[str]:
    return [clause for part in _CLAUSE_BREAK.split(description) if (clause := part.strip(" .;"))]
