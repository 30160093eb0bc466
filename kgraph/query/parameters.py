"""Bind query parameters by appending a SPARQL VALUES clause, so a parameterised query stays
plain SPARQL that any endpoint runs, and an unbound parameter simply means "all"."""

from __future__ import annotations

import re

from kgraph.errors import UsageError

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def parse_parameter(text: str) -> tuple[str, str]:
    """`name=value` (as given to --param) -> (name, value)."""
    name, equals, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not equals or not _NAME.match(name):
        raise UsageError(f"--param expects NAME=VALUE (got {text!r})")
    return name, value


def sparql_term(value: str) -> str:
    """`<iri>` stays an IRI; anything else is a string literal (labels in the graph are plain)."""
    if (
        value.startswith("<")
        and value.endswith(">")
        and not any(c in value[1:-1] for c in '<>" {}|\\^`')
    ):
        return value
    escaped = (
        value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    )
    return f'"{escaped}"'


def bind_parameters(query: str, parameters: dict[str, str]) -> str:
    """The query with a trailing `VALUES (?a ?b) { (... ...) }` clause binding `parameters`."""
    if not parameters:
        return query
    names = sorted(parameters)
    for name in names:
        if not re.search(rf"[?$]{name}\b", query):
            raise UsageError(f"the query has no variable ?{name} to bind with --param {name}=...")
    variables = " ".join(f"?{name}" for name in names)
    values = " ".join(sparql_term(parameters[name]) for name in names)
    return f"{query.rstrip()}\nVALUES ({variables}) {{ ({values}) }}\n"
