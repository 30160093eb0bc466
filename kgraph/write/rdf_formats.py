"""RDF serializations through pyoxigraph (byte-stable given sorted quads, and fast)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kgraph.vocab import PREFIXES
from kgraph.write import register
from kgraph.write.atomic import atomic_output

if TYPE_CHECKING:
    from kgraph.api import KnowledgeGraph


def _serialize(statements: list, path: Path, rdf_format: ox.RdfFormat, prefixes: bool) -> None:
    with atomic_output(path, "wb") as stream:
        ox.serialize(statements, stream, rdf_format, prefixes=PREFIXES if prefixes else None)


@register("turtle", ".ttl", "Turtle, default graph (all episodes merged)")
def write_turtle(kg: KnowledgeGraph, path: Path) -> None:
    _serialize(kg.triples, path, ox.RdfFormat.TURTLE, prefixes=True)


@register("ntriples", ".nt", "N-Triples, one statement per line")
def write_ntriples(kg: KnowledgeGraph, path: Path) -> None:
    _serialize(kg.triples, path, ox.RdfFormat.N_TRIPLES, prefixes=False)


@register("nquads", ".nq", "N-Quads, one named graph per episode")
def write_nquads(kg: KnowledgeGraph, path: Path) -> None:
    _serialize(kg.quads, path, ox.RdfFormat.N_QUADS, prefixes=False)


@register("trig", ".trig", "TriG, one named graph per episode")
def write_trig(kg: KnowledgeGraph, path: Path) -> None:
    _serialize(kg.quads, path, ox.RdfFormat.TRIG, prefixes=True)
