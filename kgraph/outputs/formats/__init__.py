"""Output formats live in a registry: `register` a writer once, look it up by name anywhere."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.errors import UsageError

if TYPE_CHECKING:
    from kgraph.api import KnowledgeGraph

Writer = Callable[["KnowledgeGraph", Path], None]


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
    from kgraph.outputs.formats import cypher, html, jsonld, neo4j, networkx_formats, rdf_formats  # noqa: F401
