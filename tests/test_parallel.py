"""Per-document work in worker processes: any --jobs gives the same bytes; progress only on a tty."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import kgraph
from kgraph.cli import main
from kgraph.pipeline import MIN_PARALLEL_DOCUMENTS

from .conftest import synthetic_corpus


@pytest.mark.slow  # worker processes
def test_one_and_two_jobs_write_byte_identical_outputs(tmp_path):
    corpus = synthetic_corpus(tmp_path / "corpus", 2 * MIN_PARALLEL_DOCUMENTS, seed=5)
    outputs = {}
    for jobs in (1, 2):
        out = tmp_path / f"jobs-{jobs}"
        graph = kgraph.build([corpus], jobs=jobs)
        assert graph.report.documents_built == 2 * MIN_PARALLEL_DOCUMENTS
        graph.write(out, ("turtle", "nquads"))
        outputs[jobs] = {path.name: path.read_bytes() for path in sorted(out.iterdir())}
    assert outputs[1] == outputs[2]
    assert set(outputs[1]) == {"graph.ttl", "graph.nq", "report.json"}


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
