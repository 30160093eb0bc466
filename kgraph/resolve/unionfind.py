"""Union-find over hashable keys, used to merge identities that share any key."""

from __future__ import annotations

from collections.abc import Hashable, Iterable


class UnionFind:
    def __init__(self) -> None:
        self._parent: dict[Hashable, Hashable] = {}

    def find(self, item: Hashable) -> Hashable:
        parent = self._parent.setdefault(item, item)
        if parent != item:
            parent = self._parent[item] = self.find(parent)
        return parent

    def union(self, first: Hashable, second: Hashable) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            # The smaller key wins so that the result does not depend on insertion order.
            if repr(b) < repr(a):
                a, b = b, a
            self._parent[b] = a

    def groups(self, items: Iterable[Hashable]) -> dict[Hashable, list[Hashable]]:
        result: dict[Hashable, list[Hashable]] = {}
        for item in items:
            result.setdefault(self.find(item), []).append(item)
        return result
