"""Run a query on a SPARQL 1.1 Protocol endpoint (e.g. Oxigraph's /query) and read the answer
into the same `QueryResult` as a local run."""

from __future__ import annotations

import json

import pyoxigraph as ox

from kgraph.errors import EndpointError
from kgraph.http import printable, send
from kgraph.prefixes import PREFIXES
from kgraph.query.results import QueryForm, QueryResult, from_sparql_json

_ACCEPT = {
    QueryForm.SELECT: "application/sparql-results+json",
    QueryForm.ASK: "application/sparql-results+json",
    QueryForm.CONSTRUCT: "application/n-triples",
}


def with_prefixes(query: str) -> str:
    """The query with kgraph's prefixes declared first (a later PREFIX in the query still wins)."""
    declarations = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
    return declarations + query


def run_remote(endpoint: str, query: str, form: QueryForm) -> QueryResult:
    body = send(
        "POST",
        endpoint,
        with_prefixes(query).encode("utf-8"),
        {"Content-Type": "application/sparql-query; charset=utf-8", "Accept": _ACCEPT[form]},
    )
    try:
        if form is QueryForm.CONSTRUCT:
            return QueryResult(
                form,
                triples=[quad.triple for quad in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)],
            )
        return from_sparql_json(json.loads(body))
    except (ValueError, KeyError, SyntaxError, TypeError, AttributeError, RecursionError) as error:
        # RecursionError: JSON nested deeper than Python parses; TypeError: `[1]` or a binding that is a string
        reason = printable(str(error) or type(error).__name__, 120)
        raise EndpointError(f"{printable(endpoint)} answered something that is not a SPARQL result: {reason}") from None
