"""RDF serializations: TriG through pyoxigraph's serializer, Turtle as pyoxigraph writes it
(`kgraph.outputs.turtle`), N-Triples and N-Quads streamed line by line (all byte-stable: the
statements are sorted)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kgraph.outputs import statements as rdf
from kgraph.outputs.formats import register
from kgraph.outputs.formats.atomic import atomic_output
from kgraph.outputs.turtle import TURTLE_HEADER
from kgraph.prefixes import PREFIXES

if TYPE_CHECKING:
    from kgraph.outputs.formats import GraphData


def _serialize(statements: Iterable, path: Path, rdf_format: ox.RdfFormat) -> None:
    with atomic_output(path, "wb") as stream:
        ox.serialize(statements, stream, rdf_format, prefixes=PREFIXES)


def _write_lines(lines: Iterable[str], path: Path) -> None:
    # Line-based formats are written as they are produced: nothing but one line in memory.
    with atomic_output(path, "w") as stream:
        stream.writelines(lines)


@register("turtle", ".ttl", "Turtle, default graph (all episodes merged)")
def write_turtle(kg: GraphData, path: Path) -> None:
    with atomic_output(path, "wb") as stream:
        if kg.triple_count:  # pyoxigraph writes nothing at all for an empty graph; so do we
            stream.write(TURTLE_HEADER)
            stream.writelines(kg.turtle_chunks())


@register("ntriples", ".nt", "N-Triples, one statement per line")
def write_ntriples(kg: GraphData, path: Path) -> None:
    _write_lines(chain.from_iterable(rdf.ntriples_lines(statements) for _graph, statements in kg.statements), path)


@register("nquads", ".nq", "N-Quads, one named graph per episode")
def write_nquads(kg: GraphData, path: Path) -> None:
    with atomic_output(path, "wb") as stream:
        stream.writelines(kg.nquads_chunks())


@register("trig", ".trig", "TriG, one named graph per episode")
def write_trig(kg: GraphData, path: Path) -> None:
    _serialize(rdf.iter_quads(kg.statements), path, ox.RdfFormat.TRIG)
