"""One IRI per product. Simpler than organizations: names are one product when they fold to one
key (case, accents, spacing and punctuation: `ChatGPT`, `Chat GPT`, `chatgpt`), or when an entry
gives one as an alias of the other. Each merge of differently written names goes to the
`DecisionLog` as kind "product"."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kgraph.names import fold
from kgraph.resolve.decisions import DecisionLog
from kgraph.resolve.unionfind import UnionFind


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


def resolve_products(sightings: list[ProductSighting], log: DecisionLog) -> dict[str, ProductIdentity]:
    """Written name -> its product. The label is the form written most often (ties: the first in
    sorted order); the other forms are alternative labels."""
    union: UnionFind[str] = UnionFind()
    written: Counter[str] = Counter()
    for sighting in sightings:
        written[sighting.name] += 1
        union.union(product_key(sighting.name), product_key(sighting.name))
        for alias in sighting.aliases:
            if product_key(alias):
                union.union(product_key(sighting.name), product_key(alias))
    groups: dict[object, set[str]] = {}
    forms = {form for s in sightings for form in (s.name, *s.aliases) if product_key(form)}
    for form in forms:
        groups.setdefault(union.find(product_key(form)), set()).add(form)
    result: dict[str, ProductIdentity] = {}
    for names in groups.values():
        label = min(names, key=lambda name: (-written[name], name))
        others = tuple(sorted(names - {label}))
        identity = ProductIdentity(label, others)
        for name in names:
            result[name] = identity
        if others:
            log.record("product", "merged", (label, *others), "same name, written otherwise")
    return result
