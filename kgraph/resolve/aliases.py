"""The user's corrections: a TOML alias file that merges names or keeps them apart.

[[merge]]                         # these names are one entity; the first is the label
names = ["Zhang Xiaojun", "张小珺", "Xiaojun Zhang"]

[[separate]]                      # never merge these, whatever the heuristics say
names = ["Mark Chen", "Marc Chen"]
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kgraph.errors import AliasFileError
from kgraph.names import fold
from kgraph.resolve.decisions import DecisionLog, Kind
from kgraph.resolve.unionfind import K, UnionFind


@dataclass(frozen=True)
class AliasRules:
    merge: tuple[tuple[str, ...], ...] = ()
    separate: tuple[tuple[str, ...], ...] = ()
    _label: dict[str, str] = field(default_factory=dict)
    _group: dict[str, int] = field(default_factory=dict)
    _apart: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for number, names in enumerate(self.merge):
            for name in names:
                self._group[fold(name)] = number
                self._label[fold(name)] = names[0]
        for number, names in enumerate(self.separate):
            for name in names:
                self._apart[fold(name)] = number

    def merged_label(self, name: str) -> str | None:
        """The label the user chose for `name`, if it is in a merge group."""
        return self._label.get(fold(name))

    def kept_apart(self, first: str, second: str) -> bool:
        a, b = self._apart.get(fold(first)), self._apart.get(fold(second))
        return a is not None and a == b and fold(first) != fold(second)

    def contradiction(self) -> tuple[str, str] | None:
        """Two names that one [[merge]] joins and one [[separate]] keeps apart, if any."""
        for names in self.separate:
            for index, first in enumerate(names):
                for second in names[index + 1 :]:
                    group = self._group.get(fold(first))
                    if group is not None and group == self._group.get(fold(second)) and fold(first) != fold(second):
                        return first, second
        return None

    def union_find(
        self, name_of: Callable[[K], str | None], log: DecisionLog | None = None, kind: Kind = "person"
    ) -> UnionFind[K]:
        """A union-find that refuses to join two names this file keeps apart (`name_of` reads the
        name of a node, None for nodes that are keys rather than names); each refusal is recorded
        in `log` as a `kind` separation. Without [[separate]] rules, a plain one: resolution asks
        it hundreds of thousands of times, and the file keeps nothing apart."""
        return KeptApartUnion(self, name_of, log, kind) if self._apart else UnionFind()


class KeptApartUnion(UnionFind[K]):
    """Union-find whose groups never hold two names of one [[separate]] rule: such a union is
    refused (and reported as False), whichever key would have joined them."""

    def __init__(self, rules: AliasRules, name_of: Callable[[K], str | None], log: DecisionLog | None, kind: Kind):
        super().__init__()
        self._rules = rules
        self._name_of = name_of
        self._log, self._kind = log, kind
        self._apart: dict[K, tuple[str, ...]] = {}  # root -> its names that a rule concerns

    def _names(self, root: K) -> tuple[str, ...]:
        return self._apart.get(root, ())

    def find(self, item: K) -> K:
        if item not in self._parent and self._rules._apart:  # no [[separate]] rule: nothing to note
            name = self._name_of(item)
            if name is not None and fold(name) in self._rules._apart:
                self._apart[item] = (name,)
        return super().find(item)

    def blocked(self, first: K, second: K) -> tuple[str, str] | None:
        """The pair of names a [[separate]] rule keeps apart that this union would join, if any."""
        a, b = self.find(first), self.find(second)
        if a == b:
            return None
        return next(((x, y) for x in self._names(a) for y in self._names(b) if self._rules.kept_apart(x, y)), None)

    def union(self, first: K, second: K) -> bool:
        if not self._rules._apart:  # no [[separate]] rule: nothing can block
            return super().union(first, second)
        if (pair := self.blocked(first, second)) is not None:
            if self._log is not None:
                self._log.record(self._kind, "separated", pair, "kept apart by the alias file")
            return False
        a, b = self.find(first), self.find(second)
        names = tuple(sorted({*self._names(a), *self._names(b)}))
        super().union(first, second)
        if names:
            self._apart[self.find(first)] = names
        return True


def load_aliases(path: Path | None) -> AliasRules:
    if path is None:
        return AliasRules()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AliasFileError("alias file not found", path) from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise AliasFileError(f"not a valid TOML alias file ({error})", path) from None
    groups: dict[str, list[tuple[str, ...]]] = {"merge": [], "separate": []}
    for key in data:
        if key not in groups:
            raise AliasFileError(f"unknown table [[{key}]] (expected [[merge]] or [[separate]])", path)
    for key in groups:
        entries = data.get(key, [])
        if not isinstance(entries, list):
            raise AliasFileError(f"{key} must be an array of tables ([[{key}]])", path)
        for number, entry in enumerate(entries, start=1):
            names = entry.get("names") if isinstance(entry, dict) else None
            valid = isinstance(names, list) and all(isinstance(n, str) and n.strip() for n in names)
            if not valid or not isinstance(names, list) or len(names) < 2:
                raise AliasFileError(f"[[{key}]] #{number}: `names` must list two or more names", path)
            groups[key].append(tuple(n.strip() for n in names))
    rules = AliasRules(merge=tuple(groups["merge"]), separate=tuple(groups["separate"]))
    if (pair := rules.contradiction()) is not None:
        raise AliasFileError(f"`{pair[0]}` and `{pair[1]}` are in both a [[merge]] and a [[separate]] rule", path)
    return rules
