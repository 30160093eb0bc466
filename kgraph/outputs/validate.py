"""Check a graph against the project's SHACL shapes (ontology/shapes.ttl) with pySHACL.
The ontology goes in as `ont_graph` so that sh:class kg:Insight accepts a kg:KeyTheme."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import rdflib
from rdflib import RDF, SH

from kgraph.errors import UsageError
from kgraph.ontology import ONTOLOGY, SHAPES, ontology_file
from kgraph.outputs import statements as rdf
from kgraph.prefixes import curie


@dataclass(frozen=True, order=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str = "Violation"

    def __str__(self) -> str:
        where = _short(self.focus) + (f" {self.path}" if self.path else "")
        return f"{self.severity}: {where}: {self.message}"


def _short(iri: str) -> str:
    short = curie(iri)
    return short if short != iri else f"<{iri}>"


def _path_text(graph: rdflib.Graph, path: rdflib.term.Node | None) -> str:
    if path is None:
        return ""
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{_short(str(inverse))}"
    return _short(str(path))


def _violations(results: rdflib.Graph) -> list[Violation]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        value = results.value(result, SH.value)
        text = str(message) if message is not None else "does not conform"
        if value is not None and str(value) not in text:
            text += f" (value: {_short(str(value)) if isinstance(value, rdflib.URIRef) else value})"
        found.append(
            Violation(
                str(focus),
                _path_text(results, results.value(result, SH.resultPath)),
                text,
                str(severity).rpartition("#")[2] if severity else "Violation",
            )
        )
    return sorted(set(found))


def validate_graph(data: rdflib.Graph, shapes: Path | str | None = None) -> list[Violation]:
    """Every SHACL result for `data`, sorted; an empty list means the graph conforms."""
    shapes_path = Path(shapes) if shapes else ontology_file(SHAPES)
    try:
        shapes_graph = rdflib.Graph().parse(shapes_path, format="turtle")
    except Exception as error:  # rdflib raises several unrelated types for bad Turtle
        raise UsageError(f"cannot read SHACL shapes: {' '.join(str(error).split())[:200]}", shapes_path) from None
    ontology = rdflib.Graph().parse(ontology_file(ONTOLOGY), format="turtle")
    _conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph, ont_graph=ontology, inference="none", allow_warnings=True
    )
    return _violations(results)


def validate_quads(quads: Iterable[ox.Quad], shapes: Path | str | None = None) -> list[Violation]:
    return validate_graph(rdf.to_rdflib(quads), shapes)
