"""Measure one configuration in this (fresh) process and print the figures as one JSON line.

    python bench/measure.py kgraph CORPUS OUT [--jobs N] [--cache] [--executor dask://HOST:PORT]
    python bench/measure.py rdflib CORPUS OUT [--jobs N]

`kgraph`: the real build (`kgraph.build` + Turtle + HTML), per-stage seconds from the build report.
`rdflib`: the plain alternative on the same triples: the same extraction (same worker processes)
and resolution up to the model, then each triple as rdflib terms through `Graph.add`, then
`Graph.serialize(format="turtle")`.
Peak memory is `resource.getrusage(...).ru_maxrss` (peak resident set size) of this process and of
its largest worker process. CPU is user + system time from the operating system: `cpu_self` this
process, `cpu_workers` its worker processes (all ended by the time it is read), `cpu` both;
stage rows marked "(worker cpu)" are the workers' own thread CPU time for that step, summed."""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import sys
import time
from pathlib import Path


def _peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _process_figures() -> dict:
    """CPU and peak memory of this process and of its (ended) workers."""
    mine, workers = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    return {
        "cpu_self": mine,
        "cpu_workers": workers,
        "cpu": mine + workers,
        "peak_mib": _peak_mib(resource.RUSAGE_SELF),
        "peak_worker_mib": _peak_mib(resource.RUSAGE_CHILDREN),
    }


def measure_kgraph(corpus: Path, out: Path, jobs: int, cache: bool, executor: str | None = None) -> dict:
    started = time.perf_counter()
    import kgraph  # imports are part of what a user waits for

    imported = time.perf_counter()
    from kgraph.build.store import FOLDER

    outputs = ("turtle", "html")
    graph = kgraph.build([corpus], jobs=jobs, cache=out / FOLDER if cache else None, executor=executor, formats=outputs)
    graph.write(out, outputs)
    total = time.perf_counter() - started
    timings = graph.report.timings
    return {
        "mode": "kgraph",
        "documents": graph.report.documents_built,
        "triples": graph.report.triples,
        "import": imported - started,
        **timings,
        "total": total,
        # kgraph makes each episode's statements and Turtle chunk in one worker step (episode
        # nodes), then writes the file: the plain path's `Graph.add` and `serialize` together.
        "rdf+turtle": timings.get("episode nodes (worker cpu)", 0.0) + timings.get("turtle", 0.0),
        "cache_hits": graph.report.cache_hits,
        "parts_built": graph.report.parts_built,
        **_process_figures(),
    }


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


def measure_rdflib(corpus: Path, out: Path, jobs: int | None) -> dict:
    """The plain path: the same extraction (same worker processes, no cache) and resolution to
    the model, then every statement as rdflib terms through `Graph.add`, then
    `Graph.serialize(format="turtle")`. No page."""
    begun = time.perf_counter()
    import rdflib

    from kgraph.build.workers import extract_batch, open_executor, run_tasks
    from kgraph.errors import DocumentError
    from kgraph.outputs import statements as rdf
    from kgraph.resolve import resolve
    from kgraph.sources import read_document
    from kgraph.sources.files import discover
    from kgraph.vocab import DEFAULT_BASE_IRI, PREFIXES

    documents = [document for document in map(read_document, discover([corpus])) if document is not None]
    loaded = time.perf_counter()
    worker_cpu = 0.0
    extractions = []
    with open_executor(jobs) as executor:
        tasks = [(str(n), d) for n, d in enumerate(documents)]
        for _key, outcome, extraction, cpu_seconds, _elapsed in run_tasks(
            executor, extract_batch, tasks, 8 * (jobs or 2)
        ):
            worker_cpu += cpu_seconds
            if not isinstance(outcome, DocumentError):
                extractions.append(pickle.loads(extraction))
    started = time.perf_counter()
    timings = {
        "load": loaded - begun,
        "parse+extract (worker cpu)": worker_cpu,
        "parse+extract (wall)": started - loaded,
    }
    built = len(extractions)
    model = resolve(extractions, DEFAULT_BASE_IRI, consume=True).model
    resolved = time.perf_counter()
    graph = rdflib.Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    for triple in rdf.iter_triples(rdf.graph_statements(model)):  # the same statements, as rdflib terms
        graph.add((_rdflib_term(triple.subject), _rdflib_term(triple.predicate), _rdflib_term(triple.object)))
    added = time.perf_counter()
    del model
    out.mkdir(parents=True, exist_ok=True)
    graph.serialize(destination=str(out / "graph.rdflib.ttl"), format="turtle")
    done = time.perf_counter()
    return {
        "mode": "rdflib",
        "documents": built,
        "triples": len(graph),
        **timings,
        "resolve": resolved - started,
        "rdf": added - resolved,
        "turtle": done - added,
        "rdf+turtle": done - resolved,
        "total": done - begun,
        **_process_figures(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["kgraph", "rdflib"])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--cache", action="store_true")
    parser.add_argument("--executor", help="dask://HOST:PORT: run the work on a Dask cluster")
    options = parser.parse_args()
    if options.mode == "kgraph":
        result = measure_kgraph(options.source, options.out, options.jobs, options.cache, options.executor)
    else:
        result = measure_rdflib(options.source, options.out, options.jobs)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
