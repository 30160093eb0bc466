"""Output formats live in a registry: `register` a writer once, look it up by name anywhere.

A writer takes the graph's data (`GraphData`: statements, quads, the NetworkX view, the page), not
the library's `KnowledgeGraph`, which is one object that has them: outputs never import the API."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kgraph.errors import UsageError

if TYPE_CHECKING:
    import pyoxigraph as ox
    from networkx import MultiDiGraph

    from kgraph.outputs.html import HtmlOptions
    from kgraph.outputs.html.data import PageGraph
    from kgraph.outputs.statements import GraphStatements


class GraphData(Protocol):
    """What writers read (`kgraph.KnowledgeGraph` has it all)."""

    @property
    def statements(self) -> list[GraphStatements]: ...
    @property
    def quads(self) -> list[ox.Quad]: ...
    @property
    def triple_count(self) -> int: ...
    @property
    def nx(self) -> MultiDiGraph: ...
    def turtle_chunks(self) -> Iterator[bytes]: ...
    def nquads_chunks(self) -> Iterator[bytes]: ...
    def page_html(self, options: HtmlOptions | None = None) -> str: ...
    def page(self) -> PageGraph: ...


Writer = Callable[[GraphData, Path], None]


@dataclass(frozen=True)
class Format:
    name: str
    extension: str  # default file name suffix, e.g. ".ttl"
    description: str
    writer: Writer


_REGISTRY: dict[str, Format] = {}


def register(name: str, extension: str, description: str) -> Callable[[Writer], Writer]:
    """Decorator: make `writer(kg, path)` available as format `name`."""

    def decorate(writer: Writer) -> Writer:
        _REGISTRY[name] = Format(name, extension, description, writer)
        return writer

    return decorate


def get_format(name: str) -> Format:
    _load_builtin_formats()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise UsageError(f"unknown format {name!r} (known: {known})") from None


def formats() -> list[Format]:
    _load_builtin_formats()
    return [_REGISTRY[name] for name in sorted(_REGISTRY)]


def _load_builtin_formats() -> None:
    # Importing the modules runs their @register decorators.
    from kgraph.outputs.formats import cypher, gephi, html, jsonld, neo4j, networkx_formats, rdf_formats  # noqa: F401
