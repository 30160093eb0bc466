"""What finding quotes in transcripts costs (kgraph.extract.grounding): per transcript size and
quote count, on invented transcripts, so the growth can be read off (it should be near linear).

    PYTHONPATH=. python bench/bench_grounding.py [--runs 3]

Each row: a transcript of LINES lines (a word stream of about 12 words a line) and QUOTES quotes
cut from it, indexed once and every quote found; CPU seconds of this process (median of runs)."""

from __future__ import annotations

import argparse
import random
import statistics
import time

from kgraph.extract.grounding import QuoteFinder
from kgraph.sources.transcript import parse_transcript

WORDS = [f"w{n}" for n in range(3_000)]  # a vocabulary about as varied as speech


def transcript_text(lines: int, rng: random.Random) -> str:
    out = []
    for line in range(lines):
        second = line * 4
        words = " ".join(rng.choice(WORDS) for _ in range(12))
        out.append(f"[{second // 3600:02d}:{second % 3600 // 60:02d}:{second % 60:02d}] Speaker Name: {words}")
    return "\n".join(out) + "\n"


def run(lines: int, quotes: int, runs: int) -> float:
    rng = random.Random(lines)
    said = parse_transcript("t.md", transcript_text(lines, rng))
    segments = said.segments
    picks = []
    for _ in range(quotes):
        start = rng.randrange(len(segments) - 3)
        picks.append((" ".join(s.text for s in segments[start : start + 2]), segments[start].start_seconds))
    times = []
    for _ in range(runs):
        started = time.process_time()
        finder = QuoteFinder(said, [text for text, _ in picks])
        for text, seconds in picks:
            finder.find(text, seconds)
        times.append(time.process_time() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| lines | words | quotes | CPU s (median) | µs per word | ms per quote |")
    print("|---:|---:|---:|---:|---:|---:|")
    for lines, quotes in ((5_000, 50), (20_000, 50), (80_000, 50), (20_000, 200), (20_000, 800)):
        seconds = run(lines, quotes, args.runs)
        print(
            f"| {lines:,} | {lines * 12:,} | {quotes} | {seconds:.2f} | {seconds / (lines * 12) * 1e6:.2f} "
            f"| {seconds / quotes * 1e3:.1f} |"
        )


if __name__ == "__main__":
    main()
