"""Measure one configuration in this (fresh) process and print the figures as one JSON line.

    python bench/measure.py kgraph CORPUS OUT [--jobs N] [--cache] [--ntriples]
    python bench/measure.py rdflib GRAPH.nt OUT

`kgraph`: the real build (`kgraph.build` + Turtle + HTML), per-stage seconds from the build report.
`rdflib`: the plain alternative on the same triples: each triple of GRAPH.nt (written by a `kgraph`
run) becomes rdflib terms and goes through `Graph.add`, then `Graph.serialize(format="turtle")`.
Peak memory is `resource.getrusage(...).ru_maxrss` (peak resident set size) of this process and of
its largest worker process."""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path


def _peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def measure_kgraph(corpus: Path, out: Path, jobs: int, cache: bool, ntriples: bool) -> dict:
    started = time.perf_counter()
    import kgraph  # imports are part of what a user waits for

    imported = time.perf_counter()
    graph = kgraph.build([corpus], jobs=jobs, cache=out / ".cache" if cache else None)
    graph.write(out, ("turtle", "html"))
    total = time.perf_counter() - started
    result = {
        "mode": "kgraph", "documents": graph.report.documents_built, "triples": graph.report.triples,
        "import": imported - started, **graph.report.timings, "total": total,
        "cache_hits": graph.report.cache_hits,
        "peak_mib": _peak_mib(resource.RUSAGE_SELF), "peak_worker_mib": _peak_mib(resource.RUSAGE_CHILDREN),
    }
    if ntriples:  # for the rdflib run; after the measurement
        graph.write(out, ("ntriples",))
    return result


def _rdflib_term(term):
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import XSD

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def measure_rdflib(ntriples: Path, out: Path) -> dict:
    import pyoxigraph as ox
    import rdflib

    from kgraph.vocab import PREFIXES

    started = time.perf_counter()
    graph = rdflib.Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    with ntriples.open("rb") as stream:  # streamed: never more than one parsed triple at a time
        for triple in ox.parse(stream, ox.RdfFormat.N_TRIPLES):
            graph.add((_rdflib_term(triple.subject), _rdflib_term(triple.predicate), _rdflib_term(triple.object)))
    added = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    graph.serialize(destination=str(out / "graph.rdflib.ttl"), format="turtle")
    done = time.perf_counter()
    return {"mode": "rdflib", "triples": len(graph), "rdf": added - started, "turtle": done - added,
            "peak_mib": _peak_mib(resource.RUSAGE_SELF)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["kgraph", "rdflib"])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--cache", action="store_true")
    parser.add_argument("--ntriples", action="store_true")
    options = parser.parse_args()
    if options.mode == "kgraph":
        result = measure_kgraph(options.source, options.out, options.jobs, options.cache, options.ntriples)
    else:
        result = measure_rdflib(options.source, options.out)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
