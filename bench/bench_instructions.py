"""Instructions the extraction executes, counted by valgrind: a measure the machine's load does not move.

    PYTHONPATH=. python bench/bench_instructions.py CORPUS [--against CHECKOUT ...] [--budget 0.02]

On this shared 2-core machine CPU time of the same run varies by 10-20% with what else runs, so a
change of a few percent cannot be told from noise without many paired runs. An instruction count
is repeatable (two runs of one checkout agreed to 0.02% with the other core loaded). Each checkout
(this one first, then each `--against`, for instance a `git worktree` of the commit before) runs
one process under `valgrind --tool=callgrind` that imports the extractors, then reads and extracts
every document of CORPUS (parse, extraction and grounding in transcripts: the workers' whole job),
and the same process with no document, whose count (imports, compiling patterns) is taken off.
Instructions are not time (a cache miss costs more than an add), so a count backs a timing, it does
not replace one. `--budget 0.02` exits 1 when this checkout's extraction counts more than 2% above
any `--against` (a stop's readings held to a budget against the stop before). Under valgrind Python
runs about 50 times slower: 100 synthetic documents (`bench/synthetic.py DIR 100 --seed 7`) take a
few minutes."""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from processes import ROOT

EXTRACT = """
import sys
from pathlib import Path
import kgraph.extract.document  # (imported before the documents in both runs: taken off)
from kgraph.sources import extract, read_document
from kgraph.sources.files import discover
for candidate in discover([Path(sys.argv[1])]) if sys.argv[1] else ():
    document = read_document(candidate)
    if document is not None:
        extract(document)
"""


def instructions(checkout: Path, corpus: str) -> int:
    """The instructions one process of `checkout` executes extracting `corpus` ("": none)."""
    compileall.compile_dir(checkout / "kgraph", quiet=1)  # (from bytecode, as installed)
    variables = {**os.environ, "PYTHONPATH": str(checkout), "PYTHONHASHSEED": "0"}
    variables.pop("PYTHONDONTWRITEBYTECODE", None)
    # (run from the checkout: `python -c` puts the working folder before PYTHONPATH)
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", EXTRACT, corpus]
    finished = subprocess.run(command, cwd=checkout, env=variables, capture_output=True, text=True, check=True)
    collected = re.search(r"Collected : (\d+)", finished.stderr)
    if collected is None:
        raise SystemExit(f"valgrind gave no count for {checkout}: {finished.stderr[-300:]}")
    return int(collected.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--against", type=Path, action="append", default=[], help="another checkout to count")
    parser.add_argument(
        "--budget",
        type=float,
        default=None,
        help="exit 1 if this checkout's extraction counts more than this share above any --against (0.02: 2%%)",
    )
    arguments = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    rows = []
    for checkout in (ROOT, *arguments.against):
        whole = instructions(checkout.resolve(), str(arguments.corpus.resolve()))
        start_up = instructions(checkout.resolve(), "")
        rows.append((checkout, whole - start_up, start_up))
    print(f"{arguments.corpus}: instructions of the extraction (start-up taken off)\n")
    print("| checkout | extraction (G instructions) | start-up | against the first |")
    print("|---|---:|---:|---:|")
    for checkout, extraction, start_up in rows:
        ratio = extraction / rows[0][1]
        print(f"| {checkout} | {extraction / 1e9:.3f} | {start_up / 1e9:.3f} | {ratio:.3f}x |")
    if arguments.budget is not None:
        others = [(checkout, extraction) for checkout, extraction, _ in rows[1:]]
        over = over_budget(rows[0][1], others, arguments.budget)
        for checkout, growth in over:
            print(f"over budget: {growth:+.1%} against {checkout} (at most {arguments.budget:+.1%})")
        if over:
            raise SystemExit(1)


def over_budget(mine: int, others: list[tuple[Path, int]], budget: float) -> list[tuple[Path, float]]:
    """Each other checkout this one's extraction outgrows by more than `budget` (a share), with the
    growth. A stop that adds readings can hold their cost to a budget against the stop before: paired
    timing cannot see a few percent on a shared host, so such costs compounded unseen (the tenth round)."""
    return [(checkout, mine / count - 1) for checkout, count in others if mine > count * (1 + budget)]


if __name__ == "__main__":
    main()
