"""A build killed with SIGKILL leaves nothing running: its worker processes end, so the output
folder's lock (which they inherited) and the build's output pipe are free for the next build; and
it leaves nothing wrong in the store: its pack has no index, so the next build never reads it."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kgraph.build.store import FOLDER, LOCK
from kgraph.build.workers import MIN_PARALLEL_TASKS

from .conftest import synthetic_corpus

pytestmark = pytest.mark.hostile
REPO = Path(__file__).resolve().parent.parent


def _lock_is_free(folder: Path) -> bool:
    with (folder / FOLDER / LOCK).open("a") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return True


def _build(corpus: Path, out: Path, *options: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "kgraph", "build", str(corpus), "-o", str(out), "-j", "2", "-q", *options]
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _kill_once_stored(build: subprocess.Popen, out: Path) -> None:
    deadline = time.monotonic() + 60
    while not list((out / FOLDER).glob("packs/*.pack")):  # workers have started and sent results back
        assert build.poll() is None, "the build ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    build.send_signal(signal.SIGKILL)
    build.communicate(timeout=10)


def _outputs(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir()) if path.is_file()}


def test_a_killed_builds_store_rebuilds_what_a_fresh_build_writes(tmp_path: Path) -> None:
    corpus = synthetic_corpus(tmp_path / "corpus", 4 * MIN_PARALLEL_TASKS, seed=11)
    out = tmp_path / "out"
    _kill_once_stored(_build(corpus, out), out)
    orphans = list((out / FOLDER).glob("packs/*.pack"))
    assert orphans and not list((out / FOLDER).glob("packs/*.index"))  # killed before its index
    assert _build(corpus, out).wait(timeout=120) == 0
    assert not any(orphan.exists() for orphan in orphans)  # deleted, never read
    assert _build(corpus, tmp_path / "fresh", "--no-cache").wait(timeout=120) == 0
    assert _outputs(out) == _outputs(tmp_path / "fresh")


def test_workers_of_a_killed_build_end_and_free_the_lock(tmp_path: Path) -> None:
    corpus = synthetic_corpus(tmp_path / "corpus", 4 * MIN_PARALLEL_TASKS, seed=11)
    out = tmp_path / "out"
    # before: the orphaned workers kept the pipe open, and waiting for the killed build never ended
    _kill_once_stored(_build(corpus, out), out)
    deadline = time.monotonic() + 10
    while not _lock_is_free(out):  # before: held by the orphans until they were killed by hand
        assert time.monotonic() < deadline, "the killed build's workers still hold the lock"
        time.sleep(0.1)
