"""One IRI per product. Simpler than organizations: names are one product when they fold to one
key (case, accents, spacing and punctuation: `ChatGPT`, `Chat GPT`, `chatgpt`), when an entry
gives one as an alias of the other (`WindSurf (formerly Codium)`), or when the user's alias file
merges them; a [[separate]] rule keeps two names apart whatever would join them. Each merge of
differently written names goes to the `DecisionLog` as kind "product", with its reason."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kgraph.names import fold
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.decisions import DecisionLog
from kgraph.resolve.unionfind import UnionFind

_SAME_NAME = "same name, written otherwise"
_STATED = "alias stated in the heading"
_USER = "merged by the alias file"


@dataclass(frozen=True)
class ProductSighting:
    name: str
    aliases: tuple[str, ...] = ()
    document: str = ""  # the source file that names it


@dataclass(frozen=True)
class ProductIdentity:
    label: str
    alt_labels: tuple[str, ...]


def product_key(name: str) -> str:
    """`Chat GPT`, `ChatGPT`, `chat-gpt` -> `chatgpt`."""
    return re.sub(r"[\W_]+", "", fold(name))


def resolve_products(
    sightings: list[ProductSighting], log: DecisionLog, rules: AliasRules | None = None
) -> dict[str, ProductIdentity]:
    """Written name -> its product. The label is the user's (a [[merge]] rule's first name), else
    the form written most often (ties: the first in sorted order); the other forms are
    alternative labels. Nodes are ("name", form) and ("key", folded key)."""
    rules = rules or AliasRules()
    union: UnionFind[tuple[str, str]] = rules.union_find(
        lambda node: node[1] if node[0] == "name" else None, log, "product"
    )
    written: Counter[str] = Counter(sighting.name for sighting in sightings)
    forms = sorted({form for s in sightings for form in (s.name, *s.aliases) if product_key(form)})
    for form in forms:  # written alike: one product
        union.union(("name", form), ("key", product_key(form)))
    stated: dict[tuple[str, str], set[str]] = {}  # (key, key) joined by an entry: its documents
    for sighting in sorted(sightings, key=lambda s: (s.name, s.aliases, s.document)):
        for alias in sighting.aliases:
            pair = (product_key(sighting.name), product_key(alias))
            if pair[0] and pair[1] and pair[0] != pair[1] and union.union(("key", pair[0]), ("key", pair[1])):
                stated.setdefault(pair, set()).add(sighting.document)
    users = {form: label for form in forms if (label := rules.merged_label(form))}
    for form, label in sorted(users.items()):
        union.union(("name", form), ("user", fold(label)))
    result: dict[str, ProductIdentity] = {}
    for members in union.groups(("name", form) for form in forms).values():
        names = {name for _, name in members}
        user = min((users[name] for name in names if name in users), default=None)
        label = user if user is not None and user in names else min(names, key=lambda name: (-written[name], name))
        others = tuple(sorted(names - {label}))
        identity = ProductIdentity(label, others)
        for name in names:
            result[name] = identity
        if others:
            keys = {product_key(name) for name in names}
            joined = {pair: documents for pair, documents in stated.items() if pair[0] in keys}
            reasons = [_SAME_NAME] if len(keys) < len(names) else []
            reasons += [_STATED] if joined else []
            reasons += [_USER] if user is not None else []
            evidence = sorted(set().union(*joined.values())) if joined else []
            log.record("product", "merged", (label, *others), ", ".join(reasons or [_SAME_NAME]), evidence)
    return result
