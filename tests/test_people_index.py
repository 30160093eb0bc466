"""`PeopleIndex` looks lone names up in tables kept as people are added; held here to the index
that scanned every person for each name (kept as the oracle) on generated casts and names."""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from kgraph.extract.people import PeopleIndex
from kgraph.extract.results import PersonName
from kgraph.names import fold, has_cjk, strip_honorific


class _ScanningIndex:
    """`PeopleIndex` as it was: every lone or fuzzy name compared with every person (and, since,
    a person's second entry's aliases resolving to them)."""

    def __init__(self, people: Iterable[PersonName]):
        self.people: list[PersonName] = []
        self._exact: dict[str, str] = {}
        self._tokens: list[tuple[str, list[str]]] = []
        for person in people:
            self.add(person)

    def add(self, person: PersonName) -> None:
        known = self._exact.get(fold(person.name))
        if known is not None:
            existing = next(p for p in self.people if p.name == known)
            merged = sorted(set(existing.aliases) | set(person.aliases) - {known})
            self.people[self.people.index(existing)] = existing.model_copy(update={"aliases": tuple(merged)})
            for form in person.aliases:  # (a second entry's aliases name the person too)
                self._exact.setdefault(fold(form), known)
            return
        self.people.append(person)
        tokens = fold(person.name).split()
        self._tokens.append((person.name, tokens))
        for form in (person.name, *person.aliases):
            self._exact.setdefault(fold(form), person.name)

    def resolve(self, text: str) -> str | None:
        name = strip_honorific(text.strip())
        key = fold(name)
        if not key:
            return None
        if key in self._exact:
            return self._exact[key]
        tokens = key.split()
        if has_cjk(name):
            return None
        if len(tokens) == 1:
            return self._single_token(tokens[0])
        reversed_key = " ".join(reversed(tokens))
        if reversed_key in self._exact:
            return self._exact[reversed_key]
        close = {n for n, t in self._tokens if len(t) > 1 and fuzz.ratio(" ".join(t), key) >= 88}
        return close.pop() if len(close) == 1 else None

    def _single_token(self, token: str) -> str | None:
        full = [(name, tokens) for name, tokens in self._tokens if len(tokens) > 1]
        firsts = {name for name, tokens in full if tokens[0] == token}
        if len(firsts) == 1:
            return firsts.pop()
        if firsts:
            return None
        lasts = {name for name, tokens in full if tokens[-1] == token}
        if len(lasts) == 1:
            return lasts.pop()
        if lasts or len(token) < 5:
            return None
        close = {name for name, tokens in self._tokens if fuzz.ratio(tokens[0], token) >= 80}
        return close.pop() if len(close) == 1 else None

    def ambiguous(self, text: str) -> bool:
        key = fold(strip_honorific(text.strip()))
        if not key or " " in key or key in self._exact:
            return False
        full = [tokens for _, tokens in self._tokens if len(tokens) > 1]
        return sum(tokens[0] == key for tokens in full) > 1 or sum(tokens[-1] == key for tokens in full) > 1


# few tokens, so that first names and surnames are shared, and near misses (`Noraa`, `Lindqvst`)
_TOKENS = ["Nora", "Noraa", "Lindqvist", "Lindqvst", "Whitcombe", "Ben", "Ode", "Ana", "Diaz", "Dr.", "O'Neil"]
_NAMES = st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=3).map(" ".join)
_PEOPLE = st.lists(
    st.builds(
        lambda name, aliases: PersonName(name=name, aliases=tuple(aliases)), _NAMES, st.lists(_NAMES, max_size=2)
    ),
    max_size=6,
)


@settings(max_examples=400)
@given(_PEOPLE, st.lists(_NAMES, max_size=8))
def test_names_resolve_as_they_did_scanning_every_person(people: list[PersonName], asked: list[str]) -> None:
    index, oracle = PeopleIndex(people[:3]), _ScanningIndex(people[:3])
    for person in people[3:]:  # people added after the index is made, after names were resolved
        for name in asked:
            assert index.resolve(name) == oracle.resolve(name)
        index.add(person)
        oracle.add(person)
    for name in [*asked, *_TOKENS]:
        assert index.resolve(name) == oracle.resolve(name), name
        assert index.ambiguous(name) == oracle.ambiguous(name), name
    assert index.people == oracle.people
