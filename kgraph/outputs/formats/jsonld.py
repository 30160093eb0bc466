"""JSON-LD with kgraph's context (ontology/context.jsonld) inlined, so it parses offline.

Written from the sorted quads rather than through a JSON-LD compaction library: one object per
node, one named graph per episode, byte-stable. Values use the context's short terms; a value
whose kind the term does not declare is written in the explicit `@id` / `@value` form."""

from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kgraph.ontology import CONTEXT, ontology_file
from kgraph.outputs.formats import register
from kgraph.outputs.formats.atomic import write_text
from kgraph.prefixes import expand

if TYPE_CHECKING:
    from kgraph.outputs.formats import GraphData

RDF_TYPE = expand("rdf:type")
XSD_STRING = expand("xsd:string")


class _Context:
    def __init__(self, context: dict):
        self.prefixes = {
            key: value for key, value in context.items() if isinstance(value, str) and value.endswith(("#", "/"))
        }
        self.terms: dict[str, tuple[str, str | None]] = {}  # IRI -> (term, coercion)
        for term, definition in context.items():
            iri, coercion = (
                (definition, None) if isinstance(definition, str) else (definition["@id"], definition.get("@type"))
            )
            if term not in self.prefixes:
                self.terms[self.expand(iri)] = (term, coercion and self.expand(coercion))

    def expand(self, value: str) -> str:
        prefix, colon, local = value.partition(":")
        return self.prefixes[prefix] + local if colon and prefix in self.prefixes else value

    def compact(self, iri: str) -> str:
        """Compact form for an @id/@type value: a term, then a prefixed name, else the IRI."""
        if iri in self.terms:
            return self.terms[iri][0]
        for prefix, namespace in self.prefixes.items():
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return iri

    def key_and_coercion(self, predicate: str) -> tuple[str, str | None]:
        if predicate in self.terms:
            return self.terms[predicate]
        return self.compact(predicate), None

    def value(self, term: ox.NamedNode | ox.BlankNode | ox.Literal, coercion: str | None) -> object:
        if isinstance(term, ox.NamedNode):
            return term.value if coercion == "@id" else {"@id": term.value}
        if isinstance(term, ox.BlankNode):
            return {"@id": f"_:{term.value}"}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        datatype = term.datatype.value
        if datatype == (coercion or XSD_STRING):
            return term.value
        if datatype == XSD_STRING:
            return {"@value": term.value}
        return {"@value": term.value, "@type": self.compact(datatype)}


def _plain(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The term itself: kgraph writes no RDF-star, so no term is a quoted triple."""
    if isinstance(term, ox.Triple):
        raise TypeError(f"a quoted triple has no JSON-LD form here: {term}")
    return term


def _node(context: _Context, subject: str, quads: list[ox.Quad]) -> dict:
    node: dict[str, object] = {"@id": subject}
    types = sorted(context.compact(_plain(q.object).value) for q in quads if q.predicate.value == RDF_TYPE)
    if types:
        node["@type"] = types[0] if len(types) == 1 else types
    properties: dict[str, list] = {}
    for quad in quads:
        if quad.predicate.value == RDF_TYPE:
            continue
        key, coercion = context.key_and_coercion(quad.predicate.value)
        properties.setdefault(key, []).append(context.value(_plain(quad.object), coercion))
    for key in sorted(properties):
        values = properties[key]
        node[key] = values[0] if len(values) == 1 else values
    return node


def jsonld_document(all_quads: list[ox.Quad]) -> dict:
    """The JSON-LD document: one `@graph` entry per named graph, nodes sorted by IRI."""
    raw_context = json.loads(ontology_file(CONTEXT).read_text(encoding="utf-8"))["@context"]
    context = _Context(raw_context)
    graphs = []
    for graph_name, graph_quads in groupby(all_quads, key=lambda quad: quad.graph_name):
        by_subject = groupby(graph_quads, key=lambda quad: _plain(quad.subject).value)
        nodes = [_node(context, subject, list(quads)) for subject, quads in by_subject]
        if isinstance(graph_name, ox.DefaultGraph):
            graphs.extend(nodes)
        else:
            graphs.append({"@id": graph_name.value, "@graph": nodes})
    return {"@context": raw_context, "@graph": graphs}


@register("jsonld", ".jsonld", "JSON-LD with the kgraph context, one named graph per episode")
def write_jsonld(kg: GraphData, path: Path) -> None:
    text = json.dumps(jsonld_document(kg.quads), indent=1, ensure_ascii=False)
    write_text(path, text + "\n")
