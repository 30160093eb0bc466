"""Data shipped with kgraph: facts about names that no document states (see the `.toml` files)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kgraph.names import fold


@dataclass(frozen=True)
class OrganizationWords:
    generic: frozenset[str]  # folded words naming a kind of organization (`vc`, `startup`)
    kind_suffixes: frozenset[str]  # folded words ending a name that only say its kind (`labs`, `inc`)
    same: tuple[tuple[str, ...], ...]  # groups of names of one organization, label first
    joined_names: frozenset[str]  # folded names that join words with `&` / `and` (`barnes noble`)
    category: frozenset[str] = frozenset()  # lower-case words that make a name a category (`startups`)
    plain_suffixes: frozenset[str] = frozenset()  # folded endings that add nothing (`technologies`)
    unit_suffixes: frozenset[str] = frozenset()  # plain endings a parent also gives its units (`ai`)
    investment_suffixes: frozenset[str] = frozenset()  # folded endings of an investment firm's name
    named_like_people: frozenset[str] = frozenset()  # folded names read like a person's (`goldman sachs`)

    @property
    def known(self) -> frozenset[str]:
        """Folded names the data knows as organizations."""
        return frozenset(fold(name) for group in self.same for name in group)

    def same_group(self, first: str, second: str) -> tuple[str, ...] | None:
        """The group of known names that holds both (one organization), if any."""
        a, b = fold(first), fold(second)
        return next((group for group in self.same if {a, b} <= {fold(name) for name in group} and a != b), None)


@cache
def organization_words() -> OrganizationWords:
    text = resources.files("kgraph.data").joinpath("organizations.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return OrganizationWords(
        generic=frozenset(fold(word) for word in data["generic"]),
        kind_suffixes=frozenset(fold(word) for word in data["kind_suffixes"]),
        same=tuple(tuple(group["names"]) for group in data["same"]),
        joined_names=frozenset(fold(name) for name in data["joined_names"]),
        category=frozenset(data["category"]),
        plain_suffixes=frozenset(fold(name) for name in data["plain_suffixes"]),
        unit_suffixes=frozenset(fold(name) for name in data["unit_suffixes"]),
        investment_suffixes=frozenset(fold(name) for name in data["investment_suffixes"]),
        named_like_people=frozenset(fold(name) for name in data["named_like_people"]),
    )
