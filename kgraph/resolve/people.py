"""One IRI per real person across documents: exact and reordered names, CJK aliases, small
spelling variants, first names within a show, and the user's alias file."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from kgraph.names import fold, has_cjk
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.decisions import DecisionLog
from kgraph.resolve.unionfind import UnionFind


@dataclass(frozen=True)
class PersonSighting:
    """A person as one document names them."""

    name: str
    aliases: tuple[str, ...]
    podcast: str  # resolved podcast label: bare first names are only merged within a show


@dataclass(frozen=True)
class PersonIdentity:
    label: str
    alt_labels: tuple[str, ...]
    scope: str | None  # the podcast, for a person known only by a first name


def _is_full(name: str) -> bool:
    return has_cjk(name) or len(fold(name).split()) >= 2


def _name_key(name: str) -> str:
    tokens = fold(name).split()
    # `Tan Jie` and `Jie Tan` are one person: name order varies with the language.
    return " ".join(sorted(tokens)) if len(tokens) == 2 else " ".join(tokens)


def _similar(first: str, second: str) -> bool:
    a, b = fold(first).split(), fold(second).split()
    if len(a) < 2 or len(b) < 2 or has_cjk(first) or has_cjk(second):
        return False
    if a[-1] == b[-1] and a[0][0] == b[0][0] and fuzz.ratio(a[0], b[0]) >= 75:
        return True  # Marc / Mark Andreessen, Henry / Henri Stern
    return a[0] == b[0] and len(a[-1]) >= 5 and fuzz.ratio(a[-1], b[-1]) >= 80  # Dotan / Doton


def resolve_people(sightings: list[PersonSighting], rules: AliasRules,
                   log: DecisionLog | None = None) -> dict[tuple[str, str], PersonIdentity]:
    """(podcast, name as written) -> the person's identity."""
    union = UnionFind()
    counts: Counter[str] = Counter()
    full_by_podcast: dict[str, set[str]] = defaultdict(set)
    for sighting in sightings:
        counts[sighting.name] += 1
        node = ("name", sighting.podcast, sighting.name)
        if _is_full(sighting.name):
            union.union(node, ("key", _name_key(sighting.name)))
            full_by_podcast[sighting.podcast].add(sighting.name)
            for alias in sighting.aliases:
                if _is_full(alias):
                    union.union(node, ("key", _name_key(alias)))
        else:
            union.union(node, ("scoped", sighting.podcast, fold(sighting.name)))
        if (label := rules.merged_label(sighting.name)) is not None:
            union.union(node, ("user", fold(label)))
    _merge_first_names(union, sightings, full_by_podcast)
    _merge_spelling_variants(union, sorted({s.name for s in sightings if _is_full(s.name)}), rules)
    return _identities(union, sightings, counts, rules)


def _merge_first_names(union: UnionFind, sightings: list[PersonSighting], full_by_podcast: dict[str, set[str]]) -> None:
    for sighting in sightings:
        if _is_full(sighting.name):
            continue
        token = fold(sighting.name)
        matches = {name for name in full_by_podcast[sighting.podcast] if fold(name).split()[0] == token}
        roots = {union.find(("key", _name_key(name))) for name in matches}
        if len(roots) == 1:
            union.union(("scoped", sighting.podcast, token), roots.pop())


def _merge_spelling_variants(union: UnionFind, names: list[str], rules: AliasRules) -> None:
    by_surname: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in names:
        tokens = fold(name).split()
        if len(tokens) >= 2 and not has_cjk(name):
            by_surname[tokens[-1]].append(name)
            by_first[tokens[0]].append(name)
    for bucket in [*by_surname.values(), *by_first.values()]:
        for index, first in enumerate(bucket):
            for second in bucket[index + 1 :]:
                if _name_key(first) != _name_key(second) and _similar(first, second) and not rules.kept_apart(first, second):
                    union.union(("key", _name_key(first)), ("key", _name_key(second)))


def _identities(union, sightings, counts, rules) -> dict[tuple[str, str], PersonIdentity]:
    members: dict[object, set[tuple[str, str]]] = defaultdict(set)
    aliases: dict[object, set[str]] = defaultdict(set)
    for sighting in sightings:
        root = union.find(("name", sighting.podcast, sighting.name))
        members[root].add((sighting.podcast, sighting.name))
        aliases[root].update(sighting.aliases)
    result = {}
    for root, group in members.items():
        forms = {name for _, name in group}
        user = next((rules.merged_label(form) for form in sorted(forms) if rules.merged_label(form)), None)
        label = user or max(forms, key=lambda f: (_is_full(f) and not has_cjk(f), _is_full(f), counts[f], len(f), f))
        alternatives = tuple(sorted((forms | aliases[root]) - {label}))
        scope = None if _is_full(label) else min(podcast for podcast, _ in group)
        identity = PersonIdentity(label=label, alt_labels=alternatives, scope=scope)
        for key in group:
            result[key] = identity
    return result
