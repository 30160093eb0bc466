"""Run SPARQL with pyoxigraph: milliseconds at corpus scale where rdflib's engine takes seconds
(bench/bench_query.py). Every query is checked here first, so an endpoint never sees a bad one."""

from __future__ import annotations

import pyoxigraph as ox

from kgraph.query.errors import query_syntax_error
from kgraph.query.results import QueryForm, QueryResult, from_oxigraph
from kgraph.vocab import PREFIXES

_EMPTY = ox.Store()


def query_form(query: str, source: str = "query") -> QueryForm:
    """SELECT, ASK or CONSTRUCT; raises `QueryError` (line, column, hint) if it does not parse."""
    return from_oxigraph(_run(_EMPTY, query, source)).form


def run_local(store: ox.Store, query: str, source: str = "query") -> QueryResult:
    """Answer `query` over every graph of `store` (named graphs are merged into the default one)."""
    return from_oxigraph(_run(store, query, source))


def _run(
    store: ox.Store, query: str, source: str
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    try:
        return store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as error:
        raise query_syntax_error(error, source, query) from None
