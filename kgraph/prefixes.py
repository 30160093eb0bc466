"""The prefixes kgraph writes and predeclares, as plain strings: what the query path needs without
importing rdflib (start-up). `kgraph.vocab` builds its namespaces from these."""

from __future__ import annotations

DEFAULT_BASE_IRI = "https://w3id.org/kgraph/id/"

#: prefixes written into every serialization, in this order
PREFIXES: dict[str, str] = {
    "kg": "https://w3id.org/kgraph/ontology#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def curie(iri: str) -> str:
    """`https://w3id.org/kgraph/ontology#podcast` -> `kg:podcast` (IRI unchanged if no prefix fits)."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def expand(name: str) -> str:
    """`kg:podcast` -> `https://w3id.org/kgraph/ontology#podcast` (the inverse of `curie`)."""
    prefix, _, local = name.partition(":")
    return f"{PREFIXES[prefix]}{local}" if prefix in PREFIXES else name
