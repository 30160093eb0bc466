"""The shipped queries: `kgraph/queries/*.rq`, each opening with a comment block that documents it:

    # One-line description.
    # param: NAME  what the parameter means (optional, repeatable)
    # further lines: notes for the reader

A parameter is a `$NAME` variable; `--param NAME=VALUE` binds it (see `bind_parameters`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kgraph.errors import UsageError

# The package's folder, found from this file: `importlib.resources` costs a query process more to
# import than reading the six files does.
QUERIES = Path(__file__).resolve().parent.parent / "queries"
_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s+(.*)$")


@dataclass(frozen=True)
class ShippedQuery:
    name: str
    description: str
    parameters: dict[str, str]  # name -> meaning
    text: str


def _parse(name: str, text: str) -> ShippedQuery:
    comments = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comments.append(line)
    description = comments[0].lstrip("# ").strip() if comments else name
    parameters = {}
    for line in comments[1:]:
        match = _PARAM.match(line)
        if match:
            parameters[match.group(1)] = match.group(2).strip()
    return ShippedQuery(name, description, parameters, text)


def shipped_queries() -> list[ShippedQuery]:
    """Every shipped query, sorted by name."""
    found = [
        _parse(entry.name.removesuffix(".rq"), entry.read_text(encoding="utf-8")) for entry in QUERIES.glob("*.rq")
    ]
    return sorted(found, key=lambda query: query.name)


def shipped_query(name: str) -> ShippedQuery:
    for query in shipped_queries():
        if query.name == name:
            return query
    known = ", ".join(query.name for query in shipped_queries())
    raise UsageError(f"no shipped query named {name!r} (known: {known})")
