"""Run SPARQL with pyoxigraph: milliseconds at corpus scale where rdflib's engine takes seconds
(bench/bench_query.py). Every query is checked here first, so an endpoint never sees a bad one."""

from __future__ import annotations

import re

import pyoxigraph as ox

from kgraph.errors import QueryError
from kgraph.prefixes import PREFIXES
from kgraph.query.errors import query_syntax_error
from kgraph.query.results import QueryForm, QueryResult, from_oxigraph

_EMPTY = ox.Store()
# Strings, IRIs and comments, scrubbed before looking for the SERVICE keyword (left to right, one pass).
_NOT_KEYWORDS = re.compile(
    r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|'
    r'<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:-])", re.IGNORECASE)


def uses_service(query: str) -> bool:
    """Whether the query has a SERVICE clause (a request to another server), outside strings,
    IRIs and comments."""
    return bool(_SERVICE.search(_NOT_KEYWORDS.sub(" ", query)))


def refuse_service(query: str, source: str) -> None:
    # Even the syntax check would make pyoxigraph call the remote server.
    if uses_service(query):
        raise QueryError(
            "the query has a SERVICE clause, which sends a request to another server; "
            "pass --allow-service (allow_service=True) if you mean it",
            source,
        )


def query_form(query: str, source: str = "query", allow_service: bool = False) -> QueryForm:
    """SELECT, ASK or CONSTRUCT; raises `QueryError` (line, column, hint) if it does not parse."""
    if not allow_service:
        refuse_service(query, source)
    return from_oxigraph(_run(_EMPTY, query, source)).form


def run_local(store: ox.Store, query: str, source: str = "query", allow_service: bool = False) -> QueryResult:
    """Answer `query` over every graph of `store` (named graphs are merged into the default one)."""
    if not allow_service:
        refuse_service(query, source)
    return from_oxigraph(_run(store, query, source))


def _run(store: ox.Store, query: str, source: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    try:
        return store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as error:
        raise query_syntax_error(error, source, query) from None
