"""Corpus-scale benchmark: full, incremental and plain-rdflib builds, each in a fresh process.

    PYTHONPATH=. python bench/run.py [--corpus ../shared/corpus] [--sizes 1000 3000 10000] [--runs 3]

Prints Markdown tables (per-stage medians, scaling, incremental rebuild, rdflib comparison). The
synthetic corpora are generated into a temporary folder and deleted afterwards."""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synthetic import write_corpus  # noqa: E402

STAGES = ["load", "parse (cpu)", "extract (cpu)", "parse+extract (wall)", "resolve", "rdf", "turtle", "html"]


def _measure(*arguments: str) -> dict:
    command = [sys.executable, str(HERE / "measure.py"), *arguments]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=HERE.parent)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs if key in run)


def _full(corpus: Path, work: Path, runs: int, jobs: int | None) -> list[dict]:
    results = []
    for _ in range(runs):
        out = work / "out"
        shutil.rmtree(out, ignore_errors=True)
        arguments = ["kgraph", str(corpus), str(out), "--cache"]
        if jobs:
            arguments += ["--jobs", str(jobs)]
        results.append(_measure(*arguments))
    return results


def _incremental(corpus: Path, work: Path, runs: int) -> tuple[list[dict], list[dict]]:
    """Rebuilds after `_full` (warm cache): nothing changed, then one document changed each run."""
    out = work / "out"  # the cache of the last full build is warm
    unchanged = [_measure("kgraph", str(corpus), str(out), "--cache") for _ in range(runs)]
    changed = []
    document = sorted(corpus.rglob("summary.md"))[len(list(corpus.rglob("summary.md"))) // 2]
    for number in range(runs):
        with document.open("a", encoding="utf-8") as stream:
            stream.write(f"\nA closing remark, edit {number}.\n")
        changed.append(_measure("kgraph", str(corpus), str(out), "--cache"))
    return unchanged, changed


def _stage_table(name: str, ours: list[dict], theirs: list[dict] | None) -> list[str]:
    lines = [f"### {name}: {ours[0]['documents']} documents, {ours[0]['triples']:,} triples "
             f"(median of {len(ours)} runs)", "",
             "| stage | kgraph (s) | plain rdflib (s) | rdflib / kgraph |", "|---|---:|---:|---:|"]
    for stage in ["import", *STAGES]:
        mine = _median(ours, stage)
        other = ""
        ratio = ""
        if theirs and stage in ("rdf", "turtle"):
            value = _median(theirs, stage)
            other, ratio = f"{value:.2f}", f"{value / mine:.1f}x"
        lines.append(f"| {stage} | {mine:.2f} | {other} | {ratio} |")
    total = _median(ours, "total")
    if theirs:  # theirs: the same pipeline in one process, rdflib for the RDF, no page
        other = _median(theirs, "total")
        lines.append(f"| **total** | **{total:.2f}** | {other:.2f} (no page) | {other / total:.1f}x |")
    else:
        lines.append(f"| **total** | **{total:.2f}** | | |")
    peak = _median(ours, "peak_mib")
    worker = _median(ours, "peak_worker_mib")
    row = f"| peak memory (MiB) | {peak:.0f} (largest worker {worker:.0f}) |"
    if theirs:
        other = _median(theirs, "peak_mib")
        row += f" {other:.0f} | {other / peak:.1f}x |"
    else:
        row += " | |"
    return [*lines, row, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 3000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="runs per configuration (dev corpus: 5)")
    parser.add_argument("--big-runs", type=int, default=1, help="runs for 3,000 documents and more")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--rdflib-max", type=int, default=100_000,
                        help="skip the rdflib path above this many documents (it is slow)")
    options = parser.parse_args()
    out_lines: list[str] = []

    def emit(lines: list[str]) -> None:
        print("\n".join(lines), flush=True)
        out_lines.extend(lines)

    scaling = []
    with tempfile.TemporaryDirectory(prefix="kgraph-bench-") as temporary:
        work = Path(temporary)
        corpora = []
        if options.corpus.exists():
            # Work on a copy: the incremental runs edit a document, and ../shared is not ours to change.
            copy = work / "dev-corpus"
            shutil.copytree(options.corpus, copy)
            corpora.append(("dev corpus", copy, max(options.runs, 5)))
        for size in options.sizes:
            root = work / f"synthetic-{size}"
            write_corpus(root, size, seed=7)
            corpora.append((f"synthetic {size:,}", root, options.runs if size < 3000 else options.big_runs))
        for name, corpus, runs in corpora:
            ours = _full(corpus, work, runs, options.jobs)
            theirs = None
            if ours[0]["documents"] <= options.rdflib_max:
                theirs = [_measure("rdflib", str(corpus), str(work / "rdflib")) for _ in range(min(runs, 3))]
            emit(_stage_table(name, ours, theirs))
            unchanged, changed = _incremental(corpus, work, runs)
            scaling.append((name, ours, theirs, unchanged, changed))
        emit(["### Scaling and incremental rebuilds", "",
              "| corpus | documents | triples | full build (s) | ms / document | peak MiB (worker) "
              "| rebuild, nothing changed (s) | rebuild, 1 document changed (s) | changed / full |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|"])
        for name, ours, _, unchanged, changed in scaling:
            full = _median(ours, "total")
            documents = ours[0]["documents"]
            emit([f"| {name} | {documents:,} | {ours[0]['triples']:,} | {full:.1f} | {1000 * full / documents:.1f} "
                  f"| {_median(ours, 'peak_mib'):.0f} ({_median(ours, 'peak_worker_mib'):.0f}) "
                  f"| {_median(unchanged, 'total'):.1f} | {_median(changed, 'total'):.1f} "
                  f"| {100 * _median(changed, 'total') / full:.0f}% |"])
        emit(["", "### kgraph vs plain rdflib, RDF + Turtle stages", "",
              "| corpus | kgraph RDF+Turtle (s) | rdflib add+serialize (s) | speed-up | kgraph peak MiB "
              "| rdflib peak MiB | memory ratio |", "|---|---:|---:|---:|---:|---:|---:|"])
        for name, ours, theirs, _, _ in scaling:
            if not theirs:
                continue
            mine = _median(ours, "rdf") + _median(ours, "turtle")
            other = _median(theirs, "rdf") + _median(theirs, "turtle")
            our_peak, their_peak = _median(ours, "peak_mib"), _median(theirs, "peak_mib")
            emit([f"| {name} | {mine:.2f} | {other:.2f} | {other / mine:.1f}x | {our_peak:.0f} "
                  f"| {their_peak:.0f} | {their_peak / our_peak:.1f}x |"])
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.md").write_text("\n".join(out_lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
