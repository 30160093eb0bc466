"""Turn a SPARQL parser error into a one-line message with line, column and a hint."""

from __future__ import annotations

import re

from kgraph.errors import QueryError

_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)
MAX_DETAIL = 80

_HINTS: tuple[tuple[str, str], ...] = (
    (
        "undeclared prefix",
        "an undeclared prefix? declare it with PREFIX (kg: schema: skos: prov: rdf: rdfs: owl: xsd: are predeclared)",
    ),
    (
        "expected CONSTRUCT",
        "a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (after PREFIX lines)",
    ),
    ('"}"', "check that every { has its }, and that triple patterns are separated by '.'"),
    ("expected", "compare with a working query: `kgraph query --list` and kgraph/queries/*.rq"),
)


def _hint(detail: str) -> str:
    for needle, hint in _HINTS:
        if needle in detail:
            return hint
    return "see `kgraph query --list` for working examples"


def _near(query: str, line: int, column: int) -> str:
    lines = query.splitlines()
    rest = lines[line - 1][column - 1 :].strip() if 0 < line <= len(lines) else ""
    if not rest:
        return " (at the end of the line)"
    return f" (near {rest[:20]!r})"


def query_syntax_error(error: SyntaxError, source: str, query: str = "") -> QueryError:
    """`source` names where the query came from: a file, a shipped query name, or "query"."""
    text = " ".join(str(error).split())
    match = _POSITION.search(text)
    if match is None:
        return QueryError(f"SPARQL syntax error: {text}. Hint: {_hint(text)}", source)
    line, column, detail = match.groups()
    near = _near(query, int(line), int(column))
    if "Prefix not found" in detail:
        detail = "undeclared prefix"
    shown = detail if len(detail) <= MAX_DETAIL else detail[: MAX_DETAIL - 1] + "…"
    return QueryError(
        f"SPARQL syntax error at line {line}, column {column}{near}: {shown}. Hint: {_hint(detail)}",
        source,
    )
