"""Any build of mutated documents and file names either succeeds or exits 1, 2 or 3 with one line
per problem: never a traceback, never a hang (a bounded time per document)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import CORPUS, SEEDS, require_shared

pytestmark = pytest.mark.hostile
SECONDS_PER_DOCUMENT = 2.0  # real summaries take about 20 ms each; a slow path shows up as far more


def _mutate_text(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    kind = rng.randrange(9)
    if kind == 0:  # flip bytes anywhere (may break UTF-8)
        mutable = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            mutable[rng.randrange(len(mutable))] = rng.randrange(256)
        return bytes(mutable)
    if kind == 1:  # truncate
        return data[: rng.randrange(len(data))]
    if kind == 2:  # drop lines
        return b"\n".join(line for line in lines if rng.random() > 0.3)
    if kind == 3:  # repeat a line many times
        line = rng.choice(lines)
        index = rng.randrange(len(lines))
        return b"\n".join(lines[:index] + [line] * rng.randint(50, 400) + lines[index:])
    if kind == 4:  # control characters, bidi marks, NUL-free binary noise, emoji
        noise = "".join(
            rng.choice(["\x1b[31m", "\u202e", "\ufeff", "\x0b", "🙂", "\u0301", "**", '"', "“"])
            for _ in range(rng.randint(1, 30))
        ).encode()
        index = rng.randrange(len(data))
        return data[:index] + noise + data[index:]
    if kind == 5:  # shuffle lines
        rng.shuffle(lines)
        return b"\n".join(lines)
    if kind == 6:  # swap two header fields' values
        fields = [i for i, line in enumerate(lines[:20]) if line.startswith(b"**")]
        if len(fields) >= 2:
            a, b = rng.sample(fields, 2)
            lines[a], lines[b] = lines[b], lines[a]
        return b"\n".join(lines)
    if kind == 7:  # deep nesting
        return data + b"\n" + b"> " * rng.randint(100, 2000) + b"- deep\n"
    return data.replace(b"**Participants:**", b"**Participants:** " + b"A, " * rng.randint(1, 500), 1)


def _mutate_name(name: str, rng: random.Random) -> bytes:
    choice = rng.randrange(6)
    raw = name.encode()
    if choice == 0:
        return raw + b"\xe9\xff"  # not UTF-8
    if choice == 1:
        return raw.replace(b" ", b"\n", 1) or b"\n"
    if choice == 2:
        return (raw * 20)[:240]  # near the file system's limit
    if choice == 3:
        return b" " + raw + b" "
    if choice == 4:
        return "💥 ".encode() + raw
    return raw


def _mutated_corpus(sources: list[Path], root: Path, rng: random.Random) -> int:
    for number, source in enumerate(sources):
        folder = root / "show" / os.fsdecode(_mutate_name(f"episode {number}", rng))
        folder.mkdir(parents=True, exist_ok=True)
        data = source.read_bytes()
        for _ in range(rng.randint(1, 3)):
            data = _mutate_text(data, rng) or b"x"
        (folder / "summary.md").write_bytes(data)
    return len(sources)


def _build_and_check(root: Path, out: Path, documents: int) -> None:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "kgraph", "build", str(root), "-o", str(out), "-q", "--no-cache", "-j", "1"],
        capture_output=True,
        text=True,
        timeout=60 + SECONDS_PER_DOCUMENT * documents,
    )
    elapsed = time.monotonic() - started
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode in (0, 1, 2, 3), result.stderr
    assert elapsed < 10 + SECONDS_PER_DOCUMENT * documents
    if result.returncode in (0, 1):
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        skipped = [line for line in result.stdout.splitlines() if line.startswith("  skipped ")]
        assert len(skipped) == report["documents"]["skipped"]  # one line per problem
        assert (result.returncode == 1) == bool(skipped)
    else:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_mutations_of_invented_documents(tmp_path: Path) -> None:
    rng = random.Random(11)
    sources = sorted(SEEDS.glob("*.md")) * 12
    documents = _mutated_corpus(sources, tmp_path / "corpus", rng)
    _build_and_check(tmp_path / "corpus", tmp_path / "out", documents)


@pytest.mark.corpus
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_mutations_of_real_documents(tmp_path: Path, seed: int) -> None:
    sources = sorted(require_shared(CORPUS).glob("*/*/summary.md"))
    rng = random.Random(seed)
    documents = _mutated_corpus(rng.sample(sources, 25), tmp_path / "corpus", rng)
    _build_and_check(tmp_path / "corpus", tmp_path / "out", documents)
