"""One podcast per show, whatever folder or spelling it was filed under."""

from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

from kgraph.names import fold, split_qualifiers
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.decisions import DecisionLog
from kgraph.resolve.unionfind import UnionFind

_GENERIC = re.compile(r"^the\s+|\s+(?:newsletter|news|podcast|show|research|pod|weekly|daily)$")
# `Signal Hour with Dana Ruiz` is the show `Signal Hour`: a host's full name after "with" (not `Lunch with Lenny`)
_WITH_HOST = re.compile(
    r"^(?P<show>.{6,}?)\s+(?:with|w/|hosted by|feat\.?|featuring)\s+"
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’-]+){1,2}$"
)


def _keys(name: str) -> set[str]:
    bare, qualifiers = split_qualifiers(name)
    keys = {fold(name), fold(bare), *(fold(q) for q in qualifiers if len(fold(q)) >= 6)}
    if host := _WITH_HOST.match(bare.strip()):
        keys.add(fold(host.group("show")))
    for key in list(keys):
        shorter = key
        while (stripped := _GENERIC.sub("", shorter)) != shorter:
            shorter = stripped
        keys.add(re.sub(r"s$", "", shorter) if shorter.endswith("s") and len(shorter) > 6 else shorter)
    return {key for key in keys if key}


def resolve_podcasts(
    names: list[str], rules: AliasRules, log: DecisionLog | None = None
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """name as written -> (label, alternative labels) of its show."""
    counts = Counter(names)
    union: UnionFind[tuple[str, str]] = rules.union_find(
        lambda node: node[1] if node[0] == "name" else None, log, "podcast"
    )
    ordered = sorted(counts)
    keys = {name: _keys(name) for name in ordered}

    for name in ordered:
        for key in sorted(keys[name]):
            union.union(("name", name), ("key", key))
        user_label = rules.merged_label(name)
        if user_label:
            union.union(("name", name), ("key", fold(user_label)))
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            if any(_prefix_close(a, b) for a in keys[first] for b in keys[second]):
                union.union(("name", first), ("name", second))
    result: dict[str, tuple[str, tuple[str, ...]]] = {}
    for members in union.groups(("name", name) for name in ordered).values():
        forms = [name for _, name in members]
        user = next((rules.merged_label(form) for form in forms if rules.merged_label(form)), None)
        label = user or max(forms, key=lambda form: (counts[form], -len(form), form))
        alternatives = tuple(sorted(form for form in forms if form != label))
        for form in forms:
            result[form] = (label, alternatives)
    return result


def _prefix_close(a: str, b: str) -> bool:
    """`zhang xiaoyun` ~ `zhang xiaojun business interviews`: a close spelling of a prefix."""
    short, long = sorted((a, b), key=len)
    return (
        len(short) >= 10
        and fuzz.ratio(short, long[: len(short)]) >= 90
        and (len(long) == len(short) or long[len(short)] == " ")
    )
