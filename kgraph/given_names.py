"""Whether two first names are forms of one given name: a short form from data (`Bill` /
`William`, `Doug` / `Douglas`, kgraph/data/given_names.toml) or a first name written short as a
prefix (`Masa` / `Masayoshi`). Resolution still asks the context to agree (see
`kgraph.resolve.people`)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kgraph.names import fold

_PREFIX_MIN = 4  # `Masa`: a shorter prefix (`Dan`, `Jan`) is too often a name of its own
_PREFIX_GAIN = 2  # letters the longer name adds: `Paula` is not `Paul` written out


@dataclass(frozen=True)
class GivenNameForms:
    """How two first names are one given name: `how` is "short form" (from data) or "prefix";
    `certain` when nothing else the shorter name could stand for (`Doug`; not `Chris`, which
    is Christopher or Christine)."""

    how: str
    certain: bool


@dataclass(frozen=True)
class _Data:
    groups: tuple[frozenset[str], ...]  # folded forms of one given name
    listed: frozenset[str]  # every folded name of a group
    not_short: frozenset[str]  # folded names that begin other names without being their short form


@cache
def _data() -> _Data:
    text = resources.files("kgraph.data").joinpath("given_names.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    groups = tuple(frozenset(fold(name) for name in group) for group in data["groups"])
    return _Data(
        groups=groups,
        listed=frozenset(name for group in groups for name in group),
        not_short=frozenset(fold(name) for name in data["not_short_forms"]),
    )


def is_known_given_name(name: str) -> bool:
    """A first name the data lists (`Robert`, `Bob`): evidence a capitalized pair is a person."""
    return fold(name) in _data().listed


def given_name_forms(first: str, second: str) -> GivenNameForms | None:
    """`Bill` / `William`, `Doug` / `Douglas`, `Masa` / `Masayoshi`: one given name written two
    ways; None for different names (or the same spelling)."""
    a, b = fold(first), fold(second)
    if a == b or not a.isalpha() or not b.isalpha():
        return None
    data = _data()
    if a in data.listed or b in data.listed:  # the data decides for the names it knows
        shared = [group for group in data.groups if a in group and b in group]
        if not shared:
            return None
        short = min((a, b), key=len)
        return GivenNameForms("short form", sum(short in group for group in data.groups) == 1)
    short, long = sorted((a, b), key=len)
    written_short = long.startswith(short) and len(long) >= len(short) + _PREFIX_GAIN
    if written_short and len(short) >= _PREFIX_MIN and short not in data.not_short:
        return GivenNameForms("prefix", len(long) >= len(short) + 3)  # `Nico` / `Nicola` is less sure
    return None
