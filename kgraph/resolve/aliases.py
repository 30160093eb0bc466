"""The user's corrections: a TOML alias file that merges names or keeps them apart.

    [[merge]]                         # these names are one entity; the first is the label
    names = ["Zhang Xiaojun", "张小珺", "Xiaojun Zhang"]

    [[separate]]                      # never merge these, whatever the heuristics say
    names = ["Mark Chen", "Marc Chen"]
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kgraph.errors import AliasFileError
from kgraph.names import fold


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
            if not isinstance(names, list) or len(names) < 2 or not all(isinstance(n, str) and n.strip() for n in names):
                raise AliasFileError(f"[[{key}]] #{number}: `names` must list two or more names", path)
            groups[key].append(tuple(n.strip() for n in names))
    return AliasRules(merge=tuple(groups["merge"]), separate=tuple(groups["separate"]))
