"""A build against what reading Markdown costs, in CPU seconds, in one run.

    PYTHONPATH=. python bench/bench_floor.py /work/devcorpus [--rounds 5] [--jobs N]

Each round runs, each in a fresh process, one after the other (so machine load hits them alike):
- **floor**: read every summary file and parse it with markdown-it-py (`MarkdownIt("commonmark")`,
  block and inline: what any Markdown reader pays), nothing else;
- **cold build**: `kgraph build CORPUS -o OUT -q` into an empty OUT (a new cache);
- **nothing changed**: the same command again;
- **export nquads**: `kgraph export --format nquads` into the same OUT (reuses its cache).
CPU is user + system time of the process and its workers (`RUSAGE_CHILDREN` around each run),
so other processes on the machine do not count; wall time is shown beside it, with the load
average before and after. Prints a Markdown table: median and range over the rounds."""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from processes import environment

ROOT = Path(__file__).resolve().parent.parent

FLOOR = """
import sys
from pathlib import Path
from markdown_it import MarkdownIt
parser = MarkdownIt("commonmark")
for path in sorted(Path(sys.argv[1]).rglob("summary.md")):
    parser.parse(path.read_text(encoding="utf-8"))
"""


def timed(command: list[str]) -> tuple[float, float]:
    """(CPU seconds of the command and its children, wall seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    quiet = subprocess.DEVNULL
    subprocess.run(command, check=False, stdout=quiet, stderr=quiet, cwd=ROOT, env=environment())
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=None)
    options = parser.parse_args()
    jobs = ["-j", str(options.jobs)] if options.jobs else []
    rows: dict[str, list[tuple[float, float]]] = {}
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="kgraph-floor-") as temporary:
        out = Path(temporary) / "out"
        kgraph = [sys.executable, "-m", "kgraph"]
        for _ in range(options.rounds):
            shutil.rmtree(out, ignore_errors=True)
            runs = {
                "floor: read + markdown-it parse": [sys.executable, "-c", FLOOR, str(options.corpus)],
                "cold build": [*kgraph, "build", str(options.corpus), "-o", str(out), "-q", *jobs],
                "rebuild, nothing changed": [*kgraph, "build", str(options.corpus), "-o", str(out), "-q", *jobs],
                "export nquads after the build": [
                    *kgraph,
                    "export",
                    str(options.corpus),
                    "-o",
                    str(out / "graph.nq"),
                    "--cache-from",
                    str(out),
                    "--format",
                    "nquads",
                    "-q",
                    *jobs,
                ],
            }
            for label, command in runs.items():
                rows.setdefault(label, []).append(timed(command))
    load_after = os.getloadavg()[0]
    floor = [cpu for cpu, _ in rows["floor: read + markdown-it parse"]]
    cold = [cpu for cpu, _ in rows["cold build"]]
    print(f"{options.corpus}: {options.rounds} rounds; load average {load_before:.2f} before, {load_after:.2f} after")
    print()
    print("| run | CPU s (median, min-max) | wall s (median) | CPU / floor | CPU / cold build |")
    print("|---|---:|---:|---:|---:|")
    for label, values in rows.items():
        cpu = [c for c, _ in values]
        ratio_floor = statistics.median(c / f for c, f in zip(cpu, floor, strict=True))
        ratio_cold = statistics.median(c / k for c, k in zip(cpu, cold, strict=True))
        wall = statistics.median(w for _, w in values)
        print(f"| {label} | {summary(cpu)} | {wall:.2f} | {ratio_floor:.2f}x | {100 * ratio_cold:.0f}% |")


if __name__ == "__main__":
    main()
