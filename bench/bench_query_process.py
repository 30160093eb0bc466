"""A whole `kgraph query` process against the least a pyoxigraph script does for the same answer.

    PYTHONPATH=. python bench/bench_query_process.py GRAPH.ttl [--pairs 5]

For each shipped query (unbound parameters: the whole graph), a pair of fresh processes, one right
after the other, the order alternating:
- **kgraph**: `python -m kgraph query --name NAME --graph GRAPH -f tsv` (start-up, option parsing,
  loading the file, the query, the rows written);
- **pyoxigraph**: `python -c ...` that imports pyoxigraph, bulk-loads the same file into a Store,
  runs the same query text with the same prefixes and writes every row tab-separated.
CPU is user + system time of each process (from the operating system). Prints a Markdown table:
median and range over the pairs, and the median ratio of the pairs."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from processes import environment

ROOT = Path(__file__).resolve().parent.parent

BASELINE = """
import sys
import pyoxigraph as ox
prefixes = dict(line.split("\\t", 1) for line in sys.argv[3].splitlines())
store = ox.Store()
store.bulk_load(path=sys.argv[1], format=ox.RdfFormat.TURTLE)
out = []
for row in store.query(sys.argv[2], prefixes=prefixes):
    out.append("\\t".join("" if term is None else str(term) for term in row))
sys.stdout.write("\\n".join(out))
"""


def timed(command: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of the command's process."""
    before, started = os.times(), time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=environment())
    wall, after = time.perf_counter() - started, os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system), wall


def spread(values: list[float], unit: str = "") -> str:
    return f"{statistics.median(values):.3f}{unit} ({min(values):.3f}-{max(values):.3f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("--pairs", type=int, default=5)
    options = parser.parse_args()
    from kgraph.prefixes import PREFIXES
    from kgraph.query import shipped_queries

    prefixes = "\n".join(f"{prefix}\t{namespace}" for prefix, namespace in PREFIXES.items())
    load = os.getloadavg()[0]
    print(f"{options.graph} ({options.graph.stat().st_size / 1e6:.1f} MB); {options.pairs} pairs per query")
    print()
    print("| query | kgraph query CPU s | pyoxigraph script CPU s | kgraph / pyoxigraph CPU | same, wall |")
    print("|---|---:|---:|---:|---:|")
    for query in shipped_queries():
        ours: list[tuple[float, float]] = []
        theirs: list[tuple[float, float]] = []
        kgraph = [sys.executable, "-m", "kgraph", "query", "--name", query.name, "--graph", str(options.graph)]
        kgraph += ["-f", "tsv"]
        baseline = [sys.executable, "-c", BASELINE, str(options.graph), query.text, prefixes]
        for number in range(options.pairs):
            if number % 2 == 0:
                ours.append(timed(kgraph))
                theirs.append(timed(baseline))
            else:
                theirs.append(timed(baseline))
                ours.append(timed(kgraph))
        cpu_ratio = statistics.median(a[0] / b[0] for a, b in zip(ours, theirs, strict=True))
        wall_ratio = statistics.median(a[1] / b[1] for a, b in zip(ours, theirs, strict=True))
        print(
            f"| {query.name} | {spread([c for c, _ in ours])} | {spread([c for c, _ in theirs])} "
            f"| {cpu_ratio:.2f}x | {wall_ratio:.2f}x |",
            flush=True,
        )
    print()
    print(f"load average {load:.2f} before, {os.getloadavg()[0]:.2f} after")


if __name__ == "__main__":
    main()
