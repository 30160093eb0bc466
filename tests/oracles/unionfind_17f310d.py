"""The code of 17f310d, kept as the oracle of tests/test_resolve_differential.py.

Union-find over hashable keys, used to merge identities that share any key."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    def __init__(self) -> None:
        self._parent: dict[K, K] = {}

    def find(self, item: K) -> K:
        parent = self._parent.setdefault(item, item)
        if parent != item:
            parent = self._parent[item] = self.find(parent)
        return parent

    def union(self, first: K, second: K) -> bool:
        """Put the two in one group; True when they are (a subclass may refuse: False)."""
        a, b = self.find(first), self.find(second)
        if a != b:
            # The smaller key wins so that the result does not depend on insertion order.
            if repr(b) < repr(a):
                a, b = b, a
            self._parent[b] = a
        return True

    def groups(self, items: Iterable[K]) -> dict[K, list[K]]:
        result: dict[K, list[K]] = {}
        for item in items:
            result.setdefault(self.find(item), []).append(item)
        return result
