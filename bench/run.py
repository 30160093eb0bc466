"""Corpus-scale benchmark: full, incremental and plain-rdflib builds, each in a fresh process.

    PYTHONPATH=. python bench/run.py [--corpus ../shared/corpus] [--sizes 1000 3000 10000] [--runs 3]

Prints Markdown tables (per-stage medians, scaling, incremental rebuild, rdflib comparison). The
synthetic corpora are generated into a temporary folder and deleted afterwards."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synthetic import write_corpus  # noqa: E402

# (row label, key in the measured figures). kgraph's per-episode steps run in worker processes:
# "(cpu)" rows are summed over them, "(wall)" rows are elapsed time.
STAGES = [
    ("load", "load"),
    ("parse (cpu)", "parse (cpu)"),
    ("extract (cpu)", "extract (cpu)"),
    ("parse+extract (wall)", "parse+extract (wall)"),
    ("resolve (rdflib path: the whole model)", "resolve"),
    ("episode nodes (cpu)", "episode nodes (cpu)"),
    ("RDF: statements (cpu) / `Graph.add`", "rdf"),
    ("Turtle: chunks (cpu) + file / `Graph.serialize`", "turtle"),
    ("page parts (cpu)", "episode page (cpu)"),
    ("episodes (wall)", "episodes"),
    ("HTML page", "html"),
]


def _measure(*arguments: str) -> dict:
    command = [sys.executable, str(HERE / "measure.py"), *arguments]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=HERE.parent)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs if key in run)


def _full(corpus: Path, work: Path, runs: int, jobs: int | None, executor: str | None = None) -> list[dict]:
    results = []
    for _ in range(runs):
        out = work / "out"
        shutil.rmtree(out, ignore_errors=True)
        arguments = ["kgraph", str(corpus), str(out), "--cache"]
        if jobs:
            arguments += ["--jobs", str(jobs)]
        if executor:
            arguments += ["--executor", executor]
        results.append(_measure(*arguments))
    return results


def _edit_a_quote(document: Path, number: int) -> None:
    """What a user does: reword one quote (or, in a document with none, add a sentence)."""
    text = document.read_text(encoding="utf-8")
    edited = re.sub(r'"([A-Z])', rf'"Edit {number}: \1', text, count=1)
    if edited == text:
        edited = text + f"\nA closing remark, edit {number}.\n"
    document.write_text(edited, encoding="utf-8")


def _incremental(corpus: Path, work: Path, runs: int) -> dict[str, list[dict]]:
    """Rebuilds after `_full` (warm cache): nothing changed; one document's quote reworded; one
    new document added (written by the generator with another seed, so new names too)."""
    out = work / "out"  # the cache of the last full build is warm
    rebuilds: dict[str, list[dict]] = {"unchanged": [], "changed": [], "added": []}
    rebuilds["unchanged"] = [_measure("kgraph", str(corpus), str(out), "--cache") for _ in range(runs)]
    documents = sorted(corpus.rglob("summary.md"))
    for number in range(runs):
        _edit_a_quote(documents[len(documents) // 2], number)
        rebuilds["changed"].append(_measure("kgraph", str(corpus), str(out), "--cache"))
    for number in range(runs):
        write_corpus(corpus / f"zz-added-{number}", 1, seed=1000 + number)
        rebuilds["added"].append(_measure("kgraph", str(corpus), str(out), "--cache"))
    return rebuilds


def _stage_table(name: str, ours: list[dict], theirs: list[dict] | None) -> list[str]:
    lines = [
        f"#### {name}: {ours[0]['documents']:,} documents, {ours[0]['triples']:,} triples (median of {len(ours)} runs)",
        "",
        "| stage | kgraph (s) | plain rdflib (s) | rdflib / kgraph |",
        "|---|---:|---:|---:|",
    ]
    for label, key in [("import", "import"), *STAGES]:
        mine = _median(ours, key) if any(key in run for run in ours) else None
        other = _median(theirs, key) if theirs and any(key in run for run in theirs) else None
        ratio = f"{other / mine:.1f}x" if mine and other is not None and key in ("rdf", "turtle") else ""
        lines.append(f"| {label} | {_seconds(mine)} | {_seconds(other)} | {ratio} |")
    total = _median(ours, "total")
    if theirs:  # theirs: the same extraction and model, rdflib for the RDF, no page
        other = _median(theirs, "total")
        lines.append(f"| **total** | **{total:.2f}** | **{other:.2f}** (no page) | **{other / total:.1f}x** |")
    else:
        lines.append(f"| **total** | **{total:.2f}** | | |")
    peak, worker = _median(ours, "peak_mib"), _median(ours, "peak_worker_mib")
    row = f"| peak memory, MiB (largest worker) | {peak:,.0f} ({worker:,.0f}) |"
    if theirs:
        other, their_worker = _median(theirs, "peak_mib"), _median(theirs, "peak_worker_mib")
        row += f" {other:,.0f} ({their_worker:,.0f}) | {other / peak:.1f}x |"
    else:
        row += " | |"
    return [*lines, row, ""]


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 3000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="runs per configuration (dev corpus: 5)")
    parser.add_argument("--big-runs", type=int, default=1, help="runs for 3,000 documents and more")
    parser.add_argument(
        "--rdflib-big-runs",
        type=int,
        default=1,
        help="runs of the plain-rdflib path for 3,000 documents and more (minutes each)",
    )
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument(
        "--executor", metavar="dask://HOST:PORT", help="also time full builds on this Dask cluster (one row each)"
    )
    parser.add_argument(
        "--rdflib-max", type=int, default=100_000, help="skip the rdflib path above this many documents (it is slow)"
    )
    options = parser.parse_args()
    out_lines: list[str] = []

    def emit(lines: list[str]) -> None:
        print("\n".join(lines), flush=True)
        out_lines.extend(lines)

    scaling = []
    with tempfile.TemporaryDirectory(prefix="kgraph-bench-") as temporary:
        work = Path(temporary)
        corpora = []
        big: set[str] = set()  # corpora the slow plain-rdflib path runs fewer times on
        if options.corpus.exists():
            # Work on a copy: the incremental runs edit a document, and ../shared is not ours to change.
            copy = work / "dev-corpus"
            shutil.copytree(options.corpus, copy)
            corpora.append(("dev corpus", copy, max(options.runs, 5)))
        for size in options.sizes:
            root = work / f"synthetic-{size}"
            write_corpus(root, size, seed=7)
            corpora.append((f"synthetic {size:,}", root, options.runs if size < 3000 else options.big_runs))
            if size >= 3000:
                big.add(f"synthetic {size:,}")
        for name, corpus, runs in corpora:
            ours = _full(corpus, work, runs, options.jobs)
            theirs = None
            if ours[0]["documents"] <= options.rdflib_max:
                jobs = ["--jobs", str(options.jobs)] if options.jobs else []
                their_runs = min(runs, options.rdflib_big_runs if name in big else 3)
                theirs = [_measure("rdflib", str(corpus), str(work / "rdflib"), *jobs) for _ in range(their_runs)]
                shutil.rmtree(work / "rdflib", ignore_errors=True)
            emit(_stage_table(name, ours, theirs))
            if options.executor:
                remote = _full(corpus, work, runs, None, options.executor)
                total = _median(remote, "total")
                emit([f"| {name}: full build with --executor {options.executor} | {total:.1f} s |", ""])
            scaling.append((name, ours, theirs, _incremental(corpus, work, runs)))
        emit(
            [
                "#### Scaling and incremental rebuilds",
                "",
                "| corpus | documents | triples | full build (s) | ms / document | peak MiB (worker) "
                "| nothing changed (s) | 1 quote reworded (s) | episodes remade | reworded / full "
                "| 1 document added (s) | added / full |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            ]
        )
        for name, ours, _, rebuilds in scaling:
            full = _median(ours, "total")
            documents = ours[0]["documents"]
            changed, added = _median(rebuilds["changed"], "total"), _median(rebuilds["added"], "total")
            emit(
                [
                    f"| {name} | {documents:,} | {ours[0]['triples']:,} | {full:.1f} | {1000 * full / documents:.1f} "
                    f"| {_median(ours, 'peak_mib'):,.0f} ({_median(ours, 'peak_worker_mib'):,.0f}) "
                    f"| {_median(rebuilds['unchanged'], 'total'):.1f} | {changed:.1f} "
                    f"| {_median(rebuilds['changed'], 'parts_built'):.0f} | {100 * changed / full:.0f}% "
                    f"| {added:.1f} | {100 * added / full:.0f}% |"
                ]
            )
        emit(
            [
                "",
                "#### kgraph vs plain rdflib",
                "",
                "| corpus | kgraph total (s) | rdflib total, no page (s) | speed-up | kgraph RDF+Turtle (s) "
                "| rdflib add+serialize (s) | speed-up | kgraph peak MiB | rdflib peak MiB | smaller by |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            ]
        )
        for name, ours, theirs, _ in scaling:
            if not theirs:
                continue
            total, other_total = _median(ours, "total"), _median(theirs, "total")
            mine = _median(ours, "rdf") + _median(ours, "turtle")
            other = _median(theirs, "rdf") + _median(theirs, "turtle")
            our_peak, their_peak = _median(ours, "peak_mib"), _median(theirs, "peak_mib")
            emit(
                [
                    f"| {name} | {total:.1f} | {other_total:.1f} | {other_total / total:.1f}x | {mine:.2f} "
                    f"| {other:.2f} | {other / mine:.1f}x | {our_peak:,.0f} | {their_peak:,.0f} "
                    f"| {their_peak / our_peak:.1f}x |"
                ]
            )
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.md").write_text("\n".join(out_lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
