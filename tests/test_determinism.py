"""Same input, byte-identical output: across runs, processes and input orders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

import kgraph

from .conftest import ROOT, SEEDS


def _build(tmp_path, name, paths):
    out = tmp_path / name
    kgraph.build(paths).write(out)
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def test_two_builds_are_byte_identical(tmp_path):
    assert _build(tmp_path, "a", [SEEDS]) == _build(tmp_path, "b", [SEEDS])


@pytest.mark.slow  # worker processes
def test_a_fresh_process_with_another_hash_seed_gives_the_same_bytes(tmp_path):
    first = _build(tmp_path, "a", [SEEDS])
    out = tmp_path / "other"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(
        [sys.executable, "-m", "kgraph", "build", str(SEEDS), "-o", str(out)],
        check=True,
        cwd=ROOT,
        env=env,
        capture_output=True,
    )
    second = {path.name: path.read_bytes() for path in sorted(out.iterdir()) if path.is_file()}  # not .cache/
    assert first == second


def test_file_order_and_location_do_not_change_the_graph(tmp_path):
    source = next(SEEDS.iterdir())
    folder = tmp_path / "copy" / "nested"
    folder.mkdir(parents=True)
    shutil.copy(source, folder / source.name)
    original = kgraph.build([SEEDS])
    moved = kgraph.build([tmp_path / "copy"])
    strip = lambda graph: sorted(str(q) for q in graph.quads if "sourceFile" not in str(q.predicate))  # noqa: E731
    assert strip(original) == strip(moved)


def test_the_committed_example_output_is_what_the_seed_builds_today(tmp_path):
    # output/ ships the seed's graph as an example: it must not drift from the code.
    fresh = _build(tmp_path, "fresh", [SEEDS])
    for name in ("graph.ttl", "report.json"):
        assert (ROOT / "output" / name).read_bytes() == fresh[name], f"output/{name} is stale: run `kgraph build`"
