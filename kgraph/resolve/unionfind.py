"""Union-find over hashable keys, used to merge identities that share any key."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    def __init__(self) -> None:
        self._parent: dict[K, K] = {}

    def find(self, item: K) -> K:
        parents = self._parent
        root = parents.setdefault(item, item)
        if root == item:  # most items asked about are roots, or new
            return root
        up = parents[root]
        if up == root:
            return root
        path = [item]  # walked without recursion, then every item on it points at the root
        while up != root:
            path.append(root)
            root, up = up, parents[up]
        for node in path:
            parents[node] = root
        return root

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
