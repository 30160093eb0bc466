"""Ask the graph: SPARQL over a graph file (pyoxigraph) or an HTTP endpoint, same results.

>>> from kgraph.query import run_query, shipped_query
>>> result = run_query(shipped_query("organizations-by-episodes").text, graph="output/graph.ttl")
>>> result.column("name")[:3]
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kgraph.errors import UsageError
from kgraph.outputs.read import load_store
from kgraph.query.engine import query_form, run_local
from kgraph.query.output import RESULT_FORMATS, format_result
from kgraph.query.parameters import bind_parameters, parse_parameter
from kgraph.query.results import QueryForm, QueryResult, Term
from kgraph.query.shipped import ShippedQuery, shipped_queries, shipped_query

DEFAULT_GRAPH = Path("output/graph.ttl")

__all__ = [
    "DEFAULT_GRAPH",
    "RESULT_FORMATS",
    "QueryForm",
    "QueryResult",
    "ShippedQuery",
    "Term",
    "format_result",
    "parse_parameter",
    "query_text",
    "run_query",
    "shipped_queries",
    "shipped_query",
]


def query_text(argument: str) -> tuple[str, str]:
    """A QUERY argument -> (text, source): `@file.rq` reads the file, anything else is the text."""
    if not argument.startswith("@"):
        return argument, "query"
    path = Path(argument[1:])
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise UsageError(f"cannot read query file ({reason})", path) from None


def run_query(
    query: str,
    *,
    graph: Path | str | None = None,
    store: ox.Store | None = None,
    endpoint: str | None = None,
    parameters: dict[str, str] | None = None,
    source: str = "query",
    allow_service: bool = False,
) -> QueryResult:
    """Run `query` on exactly one of: a graph file, a pyoxigraph `store`, an endpoint URL. A
    SERVICE clause (a request to another server) is refused unless `allow_service`."""
    if sum(target is not None for target in (graph, store, endpoint)) != 1:
        raise UsageError("give exactly one of a graph file, a store or an endpoint")
    # Syntax first: a bad query never waits for a big load, and its error points into the text as
    # written; then the bound query, so that an endpoint never sees a bad one either.
    form = query_form(query, source, allow_service)
    if parameters:
        query = bind_parameters(query, parameters)
        query_form(query, source, allow_service)
    if endpoint is not None:
        from kgraph.query.remote import run_remote  # HTTP (and its TLS) only for an endpoint

        return run_remote(endpoint, query, form)
    if store is None:
        assert graph is not None  # exactly one target, checked above
        store = load_store(graph)
    return run_local(store, query, source, allow_service)
