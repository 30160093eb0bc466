"""Query engines on the same graph: pyoxigraph (what `kgraph query` uses) vs rdflib's SPARQL engine.

    PYTHONPATH=. python bench/bench_query.py [CORPUS] [--copies 10] [--runs 5]

Builds CORPUS (default ../shared/corpus), then a bigger graph made of COPIES copies of every
episode (episode IRIs renamed, people/organizations/podcasts shared, as a longer-running corpus
would look). Each shipped query runs on both engines over the same statements; the script checks
that both give the same number of rows and prints median times and the ratio."""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

import kgraph
from kgraph.query import shipped_queries
from kgraph.vocab import PREFIXES

ROOT = Path(__file__).resolve().parent.parent


def replicate(quads: list[ox.Quad], copies: int) -> list[ox.Triple]:
    """The triples of `copies` copies of every episode graph, plus the shared entities once."""

    def rename(term, k: int):
        if isinstance(term, ox.NamedNode) and "/episode/" in term.value:
            return ox.NamedNode(f"{term.value}-copy{k}")
        return term

    triples: set[ox.Triple] = set()
    for quad in quads:
        if quad.graph_name.value.endswith("/graph/entities"):
            triples.add(quad.triple)
            continue
        for k in range(copies):
            triples.add(ox.Triple(rename(quad.subject, k), quad.predicate, rename(quad.object, k)))
    return sorted(triples, key=str)


def timed(function, runs: int, budget: float) -> tuple[float, object]:
    """Median seconds over `runs` (fewer once `budget` is spent) and the last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
        if sum(times) > budget:
            break
    return statistics.median(times), result


def bench(label: str, triples: list[ox.Triple], runs: int, budget: float, rdflib_times: dict[str, float]) -> list[str]:
    """Times every shipped query; rdflib is not run where it took over `budget` on a smaller
    graph (`rdflib_times`, filled in here) because it only gets slower."""
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    start = time.perf_counter()
    store = ox.Store()
    store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
    ox_load = time.perf_counter() - start
    start = time.perf_counter()
    graph = rdflib.Graph().parse(data=data, format="nt")
    rdflib_load = time.perf_counter() - start
    lines = [
        f"### {label}: {len(triples):,} triples",
        "",
        f"load: pyoxigraph {ox_load:.2f} s, rdflib {rdflib_load:.2f} s",
        "",
        "| query | rows | pyoxigraph (median) | rdflib (median) | rdflib / pyoxigraph |",
        "|---|---:|---:|---:|---:|",
    ]
    for query in shipped_queries():
        ox_time, ox_rows = timed(lambda q=query: list(store.query(q.text, prefixes=PREFIXES)), runs, budget)
        if rdflib_times.get(query.name, 0.0) > budget:
            lines.append(
                f"| {query.name} | {len(ox_rows):,} | {ox_time * 1000:.1f} ms | not run "
                f"(took {rdflib_times[query.name]:.0f} s on the smaller graph) | - |"
            )
            print(lines[-1], flush=True)
            continue
        rdflib_time, rdflib_rows = timed(lambda q=query: list(graph.query(q.text)), runs, budget)
        rdflib_times[query.name] = rdflib_time
        if len(ox_rows) != len(rdflib_rows):
            raise SystemExit(f"{query.name}: pyoxigraph {len(ox_rows)} rows, rdflib {len(rdflib_rows)}")
        lines.append(
            f"| {query.name} | {len(ox_rows):,} | {ox_time * 1000:.1f} ms | "
            f"{rdflib_time * 1000:.0f} ms | {rdflib_time / ox_time:.0f}x |"
        )
        print(lines[-1], flush=True)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per query and engine")
    options = parser.parse_args()
    graph = kgraph.build(options.corpus)
    rdflib_times: dict[str, float] = {}
    report = bench("corpus", graph.triples, options.runs, options.budget, rdflib_times)
    if options.copies > 1:
        report += [""] + bench(
            f"corpus x{options.copies}",
            replicate(graph.quads, options.copies),
            options.runs,
            options.budget,
            rdflib_times,
        )
    print("\n".join(report))


if __name__ == "__main__":
    main()
