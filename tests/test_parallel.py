"""Work on any executor: -j1, -j2 and a Dask cluster give the same bytes; builds into one folder
take turns; progress only on a tty."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import kgraph
from kgraph.build.store import FOLDER, Store
from kgraph.build.workers import MIN_PARALLEL_TASKS as MIN_PARALLEL_DOCUMENTS
from kgraph.cli import main
from kgraph.errors import KgraphError

from .conftest import synthetic_corpus

OUTPUTS = ("turtle", "nquads", "html")


def _outputs(graph, out):
    graph.write(out, OUTPUTS)
    return {path.name: path.read_bytes() for path in sorted(out.iterdir()) if path.is_file()}


@pytest.mark.slow  # worker processes
def test_one_and_two_jobs_write_byte_identical_outputs(tmp_path):
    corpus = synthetic_corpus(tmp_path / "corpus", 2 * MIN_PARALLEL_DOCUMENTS, seed=5)
    outputs = {}
    for jobs in (1, 2):
        out = tmp_path / f"jobs-{jobs}"
        graph = kgraph.build([corpus], jobs=jobs, cache=out / FOLDER, formats=OUTPUTS)
        assert graph.report.documents_built == 2 * MIN_PARALLEL_DOCUMENTS
        outputs[jobs] = _outputs(graph, out)
    assert outputs[1] == outputs[2]
    assert set(outputs[1]) == {"graph.ttl", "graph.nq", "graph.html", "report.json"}


@pytest.mark.slow  # a Dask cluster of two worker processes
def test_a_dask_cluster_writes_the_bytes_one_process_writes(tmp_path):
    distributed = pytest.importorskip("distributed")
    corpus = synthetic_corpus(tmp_path / "corpus", 2 * MIN_PARALLEL_DOCUMENTS, seed=5)
    single = _outputs(kgraph.build([corpus], jobs=1), tmp_path / "single")
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        out = tmp_path / "dask"
        graph = kgraph.build([corpus], cache=out / FOLDER, executor=client.get_executor(), formats=OUTPUTS)
        assert graph.report.parts_built > MIN_PARALLEL_DOCUMENTS  # the episodes too went to the workers
        assert _outputs(graph, out) == single
        address = cluster.scheduler_address.removeprefix("tcp://")
        result = CliRunner().invoke(
            main, ["build", str(corpus), "-o", str(tmp_path / "cli"), "-q", "--executor", f"dask://{address}"]
        )
        assert result.exit_code == 0, result.output
    assert (tmp_path / "cli" / "graph.ttl").read_bytes() == single["graph.ttl"]


def test_an_executor_that_is_not_dask_is_a_usage_error(tmp_path):
    corpus = synthetic_corpus(tmp_path / "corpus", 2, seed=5)
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out"), "--executor", "ray://x"])
    assert result.exit_code == 2 and "--executor must be dask://HOST:PORT" in result.stderr


def test_a_build_into_a_folder_another_build_holds_waits_then_fails_in_one_line(tmp_path):
    folder = tmp_path / "out" / FOLDER
    holder, waiter = Store(folder), Store(folder, lock_timeout=0.3)
    with holder.lock(), pytest.raises(KgraphError, match="another kgraph build is using this cache"), waiter.lock():
        pass
    with waiter.lock():  # free again
        pass


@pytest.mark.slow  # two builds in two processes
def test_two_builds_into_one_folder_at_once_both_write_what_one_build_writes(tmp_path):
    import subprocess
    import sys

    corpus = synthetic_corpus(tmp_path / "corpus", 12, seed=8)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "kgraph", "build", str(corpus), "-o", str(out), "-j", "1", "-q"]
    first, second = subprocess.Popen(command), subprocess.Popen(command)
    assert first.wait(timeout=300) == 0 and second.wait(timeout=300) == 0
    fresh = tmp_path / "fresh"
    assert CliRunner().invoke(main, ["build", str(corpus), "-o", str(fresh), "--no-cache"]).exit_code == 0
    for name in ("graph.ttl", "graph.html", "report.json"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes()


def test_a_pipe_gets_no_progress_bar_and_quiet_is_accepted(tmp_path):
    corpus = synthetic_corpus(tmp_path / "corpus", 4, seed=5)
    for extra in ([], ["--quiet"]):
        result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out"), *extra])
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
        assert "doc/s" not in result.output


@pytest.mark.slow  # worker processes
def test_a_terminal_gets_a_progress_bar_on_stderr_unless_quiet(tmp_path):
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    corpus = synthetic_corpus(tmp_path / "corpus", 4, seed=5)
    seen = {}
    for extra in ([], ["--quiet"]):
        leader, follower = pty.openpty()  # stderr is a terminal, stdout a pipe
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 100 columns wide
        command = [sys.executable, "-m", "kgraph", "build", str(corpus), "-o", str(tmp_path / "out"), *extra]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower)
        os.close(follower)  # the child holds the terminal now; reading ends when it exits
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed its end
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        stdout = process.stdout.read()
        process.wait(timeout=120)
        done = process
        assert done.returncode == 0
        seen[bool(extra)] = (b"".join(chunks).decode(errors="replace"), stdout.decode())
    bar, stdout = seen[False]
    assert "extract" in bar and "doc" in bar and "episodes" in bar
    assert "extract" not in stdout and "\r" not in stdout  # the summary on stdout carries no bar
    assert seen[True][0] == ""


def test_jobs_must_be_positive(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "out"), "--jobs", "0"])
    assert result.exit_code == 2
