"""Bind query parameters with a SPARQL `VALUES` block at the top of the query's WHERE group, so a
parameterised query stays plain SPARQL that any endpoint runs, a FILTER in the query can read the
parameter (`LCASE(STR($name))`), and an unbound parameter simply means "all" (`!BOUND($name)`).
A value is always a term in the VALUES data (an escaped literal or an IRI), never query text."""

from __future__ import annotations

import re

from kgraph.errors import UsageError

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

# What the scanner steps over whole, so that braces and keywords inside never count.
_SKIP = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"  # an IRI (a lone `<` is the less-than operator)
    r"|#[^\n]*"  # a comment
    r"|[?$][A-Za-z0-9_]+"  # a variable: `?where` is no keyword
    r"|[A-Za-z_][\w.-]*:[\w.:-]*"  # a prefixed name: `ex:where` is no keyword
)
_KEYWORD = re.compile(r"[A-Za-z]+")
_FORMS = {"SELECT", "ASK", "DESCRIBE", "CONSTRUCT"}


def parse_parameter(text: str) -> tuple[str, str]:
    """`name=value` (as given to --param) -> (name, value)."""
    name, equals, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not equals or not _NAME.match(name):
        raise UsageError(f"--param expects NAME=VALUE (got {text!r})")
    return name, value


def is_iri(value: str) -> bool:
    return value.startswith("<") and value.endswith(">") and not any(c in value[1:-1] for c in '<>" {}|\\^`')


def sparql_term(value: str) -> str:
    """`<iri>` stays an IRI; anything else is a string literal (labels in the graph are plain)."""
    if is_iri(value):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def where_group(query: str) -> int | None:
    """The offset just inside the `{` that opens the query's WHERE group, past a CONSTRUCT template;
    None if there is none that takes a VALUES block (`DESCRIBE <iri>`, `CONSTRUCT WHERE { triples }`)."""
    depth, form, where, template, position = 0, "", False, False, 0
    while position < len(query):
        skipped = _SKIP.match(query, position) or _KEYWORD.match(query, position)
        if skipped:
            word = skipped.group().upper()
            if depth == 0 and word in _FORMS and not form:
                form = word
            where = where or (depth == 0 and word == "WHERE")
            position = skipped.end()
            continue
        if query[position] == "{" and depth == 0:
            if form != "CONSTRUCT" or template:
                return position + 1
            if where:  # CONSTRUCT WHERE { ... }: template and pattern at once, triples only
                return None
            template = True
        if query[position] in "({":
            depth += 1
        elif query[position] in ")}":
            depth = max(0, depth - 1)
        position += 1
    return None


def bind_parameters(query: str, parameters: dict[str, str]) -> str:
    """The query with `VALUES (?a ?b) { (... ...) }` binding `parameters` first thing in its WHERE
    group (at the end of the query where that group cannot take it)."""
    if not parameters:
        return query
    names = sorted(parameters)
    for name in names:
        if not re.search(rf"[?$]{name}\b", query):
            raise UsageError(f"the query has no variable ?{name} to bind with --param {name}=...")
    variables = " ".join(f"?{name}" for name in names)
    values = " ".join(sparql_term(parameters[name]) for name in names)
    block = f"VALUES ({variables}) {{ ({values}) }}"
    inside = where_group(query)
    if inside is None or any(_binds(query, name) for name in names):
        # No group, one that takes only triples (`CONSTRUCT WHERE`), or one that binds the
        # variable itself (a VALUES block before `BIND (... AS ?name)` is an error): at the end.
        return f"{query.rstrip()}\n{block}\n"
    space = "" if query[inside : inside + 1].isspace() else " "
    return f"{query[:inside]} {block}{space}{query[inside:]}"  # no new line: error positions hold


def _binds(query: str, name: str) -> bool:
    return re.search(rf"\bAS\s*[?$]{name}\b", query, re.IGNORECASE) is not None
