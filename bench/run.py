"""Corpus-scale benchmark: kgraph against plain rdflib, in paired runs, CPU beside wall time.

    PYTHONPATH=. python bench/run.py [--corpus ../shared/corpus] [--sizes 1000 10000] [--pairs 3]

Every run is a fresh process (`bench/measure.py`). A pair is one kgraph build (cold: a new cache)
and one plain-rdflib build of the same corpus, one right after the other, the order alternating
from pair to pair, so that a change in the machine's load hits both alike. Per pair it records
CPU (user + system, of the process and of its worker processes, from the operating system), wall
time, peak memory, the load average and the CPU the rest of the machine used meanwhile (from
/proc/stat). Tables give the median and the range over the pairs, and the ratio of each pair.

After the pairs, kgraph's rebuilds on the warm cache: nothing changed; one quote reworded; one
document added. Prints Markdown tables and writes them to bench/results/latest.md. The synthetic
corpora are generated into a temporary folder and deleted afterwards."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from processes import environment

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from synthetic import write_corpus  # noqa: E402

# (row label, key in the measured figures, what it is)
ROWS = [
    ("CPU, process + workers (s)", "cpu"),
    ("CPU, main process (s)", "cpu_self"),
    ("CPU, worker processes (s)", "cpu_workers"),
    ("parse+extract, worker CPU (s)", "parse+extract (worker cpu)"),
    ("parse+extract (wall s)", "parse+extract (wall)"),
    ("resolve (wall s; rdflib path: the whole model)", "resolve"),
    ("episode nodes + Turtle chunks, worker CPU (s)", "episode nodes (worker cpu)"),
    ("RDF + Turtle (s): kgraph chunks + file / `Graph.add` + `serialize`", "rdf+turtle"),
    ("HTML page (wall s)", "html"),
    ("wall (s)", "total"),
    ("peak memory, main process (MiB)", "peak_mib"),
    ("peak memory, largest worker (MiB)", "peak_worker_mib"),
]


def _busy_seconds() -> float:
    """CPU seconds every core of the machine has spent busy since boot (from /proc/stat)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    ticks = [int(value) for value in fields]
    idle = ticks[3] + ticks[4]  # idle, iowait
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _measure(*arguments: str) -> dict:
    command = [sys.executable, str(HERE / "measure.py"), *arguments]
    load, busy = os.getloadavg()[0], _busy_seconds()
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT, env=environment())
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["load"] = (load + os.getloadavg()[0]) / 2
    result["others_cpu"] = max(0.0, _busy_seconds() - busy - result["cpu"])
    return result


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs if key in run)


def _spread(values: list[float], digits: int = 2) -> str:
    if not values:
        return ""
    if len(values) == 1:
        return f"{values[0]:,.{digits}f}"
    return f"{statistics.median(values):,.{digits}f} ({min(values):,.{digits}f}-{max(values):,.{digits}f})"


def _kgraph(corpus: Path, out: Path, jobs: list[str]) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    return _measure("kgraph", str(corpus), str(out), "--cache", *jobs)


def _rdflib(corpus: Path, out: Path, jobs: list[str]) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    result = _measure("rdflib", str(corpus), str(out), *jobs)
    shutil.rmtree(out, ignore_errors=True)
    return result


def _pairs(corpus: Path, work: Path, pairs: int, jobs: list[str], rdflib: bool) -> tuple[list[dict], list[dict]]:
    ours: list[dict] = []
    theirs: list[dict] = []
    for number in range(pairs):
        if not rdflib:
            ours.append(_kgraph(corpus, work / "out", jobs))
        elif number % 2 == 0:
            ours.append(_kgraph(corpus, work / "out", jobs))
            theirs.append(_rdflib(corpus, work / "rdflib", jobs))
        else:
            theirs.append(_rdflib(corpus, work / "rdflib", jobs))
            ours.append(_kgraph(corpus, work / "out", jobs))
        print(f"  pair {number + 1}: kgraph {ours[-1]['cpu']:.1f} s CPU", file=sys.stderr, flush=True)
    return ours, theirs


def _edit_a_quote(document: Path, number: int) -> None:
    """What a user does: reword one quote (or, in a document with none, add a sentence)."""
    text = document.read_text(encoding="utf-8")
    edited = re.sub(r'"([A-Z])', rf'"Edit {number}: \1', text, count=1)
    if edited == text:
        edited = text + f"\nA closing remark, edit {number}.\n"
    document.write_text(edited, encoding="utf-8")


def _cli_rebuild(corpus: Path, out: Path, jobs: list[str]) -> dict:
    """`kgraph build` as a user runs it (the whole-output stamp applies): CPU and wall."""
    command = [sys.executable, "-m", "kgraph", "build", str(corpus), "-o", str(out), "-q", *jobs]
    before = os.times()
    started = time.perf_counter()
    subprocess.run(command, check=False, capture_output=True, cwd=ROOT, env=environment())
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return {"cpu": cpu, "total": wall}


def _incremental(corpus: Path, work: Path, runs: int, jobs: list[str]) -> dict[str, list[dict]]:
    """Rebuilds on a warm cache, each a `kgraph build` process: nothing changed; one document's
    quote reworded; one new document added (written by the generator with another seed)."""
    out = work / "cli"
    shutil.rmtree(out, ignore_errors=True)
    rebuilds: dict[str, list[dict]] = {"cold": [_cli_rebuild(corpus, out, jobs)]}
    rebuilds["unchanged"] = [_cli_rebuild(corpus, out, jobs) for _ in range(runs)]
    documents = sorted(corpus.rglob("summary.md"))
    rebuilds["changed"] = []
    for number in range(runs):
        _edit_a_quote(documents[len(documents) // 2], number)
        rebuilds["changed"].append(_cli_rebuild(corpus, out, jobs))
    rebuilds["added"] = []
    for number in range(runs):
        write_corpus(corpus / f"zz-added-{number}", 1, seed=1000 + number)
        rebuilds["added"].append(_cli_rebuild(corpus, out, jobs))
    return rebuilds


def _corpus_table(name: str, ours: list[dict], theirs: list[dict]) -> list[str]:
    lines = [
        f"#### {name}: {ours[0]['documents']:,} documents, {ours[0]['triples']:,} triples, "
        f"{len(ours)} {'pairs' if theirs else 'runs'} (median, min-max)",
        "",
        "| | kgraph | plain rdflib | rdflib / kgraph |",
        "|---|---:|---:|---:|",
    ]
    for label, key in ROWS:
        mine = [run[key] for run in ours if key in run]
        other = [run[key] for run in theirs if key in run]
        ratio = ""
        if mine and other and key in ("cpu", "total", "rdf+turtle", "peak_mib"):
            ratios = [b / a for a, b in zip(mine, other, strict=False) if a]
            ratio = _spread(ratios, 1) + "x"
        lines.append(f"| {label} | {_spread(mine)} | {_spread(other)} | {ratio} |")
    load = [run["load"] for run in ours + theirs]
    others = [run["others_cpu"] for run in ours + theirs]
    lines.append(f"| machine load average during the runs | {_spread(load)} | | |")
    lines.append(f"| CPU other processes used during a run (s) | {_spread(others)} | | |")
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--pairs", type=int, default=3, help="pairs per corpus below 3,000 documents")
    parser.add_argument("--big-pairs", type=int, default=1, help="pairs for 3,000 documents and more")
    parser.add_argument("--rebuild-runs", type=int, default=3, help="runs of each incremental rebuild")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--no-rdflib", action="store_true", help="kgraph only (no pairs)")
    options = parser.parse_args()
    jobs = ["--jobs", str(options.jobs)] if options.jobs else []
    cli_jobs = ["-j", str(options.jobs)] if options.jobs else []
    out_lines: list[str] = []

    def emit(lines: list[str]) -> None:
        print("\n".join(lines), flush=True)
        out_lines.extend(lines)

    emit([f"{os.cpu_count()} cores; load average at the start {os.getloadavg()[0]:.2f}", ""])
    summary = []
    with tempfile.TemporaryDirectory(prefix="kgraph-bench-") as temporary:
        work = Path(temporary)
        corpora = []
        if options.corpus.exists():
            # Work on a copy: the incremental runs edit a document.
            copy = work / "dev-corpus"
            shutil.copytree(options.corpus, copy)
            corpora.append((str(options.corpus), copy, options.pairs))
        for size in options.sizes:
            root = work / f"synthetic-{size}"
            write_corpus(root, size, seed=7)
            corpora.append((f"synthetic {size:,}", root, options.pairs if size < 3000 else options.big_pairs))
        for name, corpus, pairs in corpora:
            print(f"{name}: {pairs} pairs", file=sys.stderr, flush=True)
            ours, theirs = _pairs(corpus, work, pairs, jobs, not options.no_rdflib)
            emit(_corpus_table(name, ours, theirs))
            rebuilds = _incremental(corpus, work, options.rebuild_runs, cli_jobs)
            summary.append((name, ours, theirs, rebuilds))
        emit(
            [
                "#### kgraph vs plain rdflib (per pair: median, min-max)",
                "",
                "| corpus | pairs | kgraph CPU s | rdflib CPU s | CPU: rdflib / kgraph | kgraph wall s "
                "| rdflib wall s | wall: rdflib / kgraph | kgraph peak MiB | rdflib peak MiB | smaller by |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            ]
        )
        for name, ours, theirs, _ in summary:
            if not theirs:
                continue
            cells = [name, str(len(theirs))]
            for key in ("cpu", "total"):
                mine, other = [r[key] for r in ours], [r[key] for r in theirs]
                cells += [
                    _spread(mine),
                    _spread(other),
                    _spread([b / a for a, b in zip(mine, other, strict=False)], 1) + "x",
                ]
            mine_peak, other_peak = [r["peak_mib"] for r in ours], [r["peak_mib"] for r in theirs]
            cells += [
                _spread(mine_peak, 0),
                _spread(other_peak, 0),
                _spread([b / a for a, b in zip(mine_peak, other_peak, strict=False)], 1) + "x",
            ]
            emit(["| " + " | ".join(cells) + " |"])
        emit(
            [
                "",
                "#### Rebuilds on a warm cache (`kgraph build` processes; CPU of the process and its workers)",
                "",
                "| corpus | cold build CPU s (wall) | nothing changed CPU s (wall) | / cold | 1 quote reworded CPU s "
                "(wall) | / cold | 1 document added CPU s (wall) | / cold |",
                "|---|---:|---:|---:|---:|---:|---:|---:|",
            ]
        )
        for name, _, _, rebuilds in summary:
            cold = _median(rebuilds["cold"], "cpu")
            cells = [name, f"{cold:.2f} ({_median(rebuilds['cold'], 'total'):.2f})"]
            for key in ("unchanged", "changed", "added"):
                cpu = _median(rebuilds[key], "cpu")
                cells += [f"{cpu:.2f} ({_median(rebuilds[key], 'total'):.2f})", f"{100 * cpu / cold:.0f}%"]
            emit(["| " + " | ".join(cells) + " |"])
    emit(["", f"load average at the end {os.getloadavg()[0]:.2f}"])
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.md").write_text("\n".join(out_lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
