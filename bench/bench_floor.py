"""A build against what reading Markdown costs, in CPU seconds, in one run.

    PYTHONPATH=. python bench/bench_floor.py ../shared/corpus [--rounds 5] [--jobs N]

Each round runs, each in a fresh process, one after the other (so machine load hits them alike):
- **floor**: read every summary file and parse it with markdown-it-py (`MarkdownIt("commonmark")`,
  block and inline: what any Markdown reader pays), nothing else (issue 16's measure);
- **floor of every file read**: the same for every file the build reads: the summaries and the
  transcripts it grounds their quotes in (the floor above leaves those out, the build does not);
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
# The same parse of the files named one per line in a list (see `files_read`)
FLOOR_OF_FILES = """
import sys
from pathlib import Path
from markdown_it import MarkdownIt
parser = MarkdownIt("commonmark")
for name in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
    parser.parse(Path(name).read_text(encoding="utf-8"))
"""
FLOOR_LABEL = "floor: read + markdown-it parse"
FLOOR_OF_FILES_LABEL = "floor of every file read (summaries + transcripts)"


def files_read(corpus: Path) -> list[Path]:
    """Every file a build of `corpus` reads, as kgraph's readers find them: each document and the
    transcript it links to or sits beside."""
    from kgraph.build.inputs import Reading

    files = []
    for found in Reading([corpus]):
        if found.document is not None:
            files.append(found.document.path)
            if found.document.transcript_file is not None:
                files.append(corpus / found.document.transcript_file.source)
    return files


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
        listed = Path(temporary) / "files.txt"
        listed.write_text("".join(f"{path}\n" for path in files_read(options.corpus)), encoding="utf-8")
        kgraph = [sys.executable, "-m", "kgraph"]
        for _ in range(options.rounds):
            shutil.rmtree(out, ignore_errors=True)
            runs = {
                FLOOR_LABEL: [sys.executable, "-c", FLOOR, str(options.corpus)],
                FLOOR_OF_FILES_LABEL: [sys.executable, "-c", FLOOR_OF_FILES, str(listed)],
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
    floor, floor_of_files, cold = (
        [cpu for cpu, _ in rows[label]] for label in (FLOOR_LABEL, FLOOR_OF_FILES_LABEL, "cold build")
    )
    print(f"{options.corpus}: {options.rounds} rounds; load average {load_before:.2f} before, {load_after:.2f} after")
    print()
    columns = ("CPU s (median, min-max)", "wall s (median)", "CPU / floor", "CPU / floor of every file read")
    print(f"| run | {' | '.join(columns)} | CPU / cold build |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, values in rows.items():
        cpu = [c for c, _ in values]
        ratios = (
            statistics.median(c / b for c, b in zip(cpu, base, strict=True)) for base in (floor, floor_of_files, cold)
        )
        wall = statistics.median(w for _, w in values)
        to_floor, to_files, to_cold = ratios
        print(f"| {label} | {summary(cpu)} | {wall:.2f} | {to_floor:.2f}x | {to_files:.2f}x | {100 * to_cold:.0f}% |")


if __name__ == "__main__":
    main()
