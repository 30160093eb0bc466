"""One IRI per organization: names folded (case, spacing, corporate suffixes) and aliases."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from kgraph.names import fold
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.decisions import DecisionLog
from kgraph.resolve.unionfind import UnionFind

_SUFFIX = re.compile(r"\s+(?:inc|incorporated|corp|corporation|co|llc|ltd|limited|plc|gmbh|ag|sa)$")
_ACRONYM = re.compile(r"^[A-Z0-9&.-]{1,5}$")


@dataclass(frozen=True)
class OrganizationSighting:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrganizationIdentity:
    label: str
    alt_labels: tuple[str, ...]


def organization_key(name: str) -> str:
    key = _SUFFIX.sub("", fold(name))
    key = re.sub(r"^the\s+", "", key)
    return key.replace(" ", "")


def resolve_organizations(sightings: list[OrganizationSighting], rules: AliasRules,
                          log: DecisionLog | None = None) -> dict[str, OrganizationIdentity]:
    """name as written -> identity."""
    union = UnionFind()
    counts: Counter[str] = Counter()
    aliases: dict[str, set[str]] = defaultdict(set)
    for sighting in sightings:
        counts[sighting.name] += 1
        union.union(("name", sighting.name), ("key", organization_key(sighting.name)))
        for alias in sighting.aliases:
            aliases[sighting.name].add(alias)
            if not _ACRONYM.match(alias):  # `(AI)` or `(ABC)` tickers are labels, not identities
                union.union(("name", sighting.name), ("key", organization_key(alias)))
        if (label := rules.merged_label(sighting.name)) is not None:
            union.union(("name", sighting.name), ("user", fold(label)))
    result = {}
    for members in union.groups(("name", name) for name in sorted(counts)).values():
        forms = {name for _, name in members}
        user = next((rules.merged_label(f) for f in sorted(forms) if rules.merged_label(f)), None)
        label = user or max(forms, key=lambda f: (counts[f], -len(f), f))
        extra = set().union(*(aliases[f] for f in forms))
        identity = OrganizationIdentity(label=label, alt_labels=tuple(sorted((forms | extra) - {label})))
        for form in forms:
            result[form] = identity
    return result
