"""Read a graph file written by kgraph (or anyone): Turtle, N-Triples, N-Quads or TriG, chosen
by extension. Parsing is pyoxigraph's (fast, strict); errors name the file and the line."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kgraph.errors import UsageError

GRAPH_FILE_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
}


def graph_file_format(path: Path) -> ox.RdfFormat:
    try:
        return GRAPH_FILE_FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(GRAPH_FILE_FORMATS))
        raise UsageError(f"unknown graph file extension (known: {known})", path) from None


def _check_exists(path: Path) -> None:
    if not path.is_file():
        hint = " (run `kgraph build` first?)" if path == Path("output/graph.ttl") else ""
        raise UsageError(f"graph file not found{hint}", path)


def read_quads(path: Path | str) -> list[ox.Quad]:
    """Every statement of the file; triples formats give quads in the default graph."""
    path = Path(path)
    rdf_format = graph_file_format(path)
    _check_exists(path)
    try:
        return list(ox.parse(path=path, format=rdf_format))
    except SyntaxError as error:
        raise _syntax_error(path, error) from None


def load_store(path: Path | str) -> ox.Store:
    """An in-memory pyoxigraph Store holding the file (named graphs kept)."""
    path = Path(path)
    rdf_format = graph_file_format(path)
    _check_exists(path)
    store = ox.Store()
    try:
        store.bulk_load(path=path, format=rdf_format)
    except SyntaxError as error:
        raise _syntax_error(path, error) from None
    return store


def _syntax_error(path: Path, error: SyntaxError) -> UsageError:
    message = " ".join(str(error.msg if error.msg else error).split())
    return UsageError(f"not valid RDF: {message}", path, error.lineno)
