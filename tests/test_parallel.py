"""Per-document work in worker processes: any --jobs gives the same bytes; progress only on a tty."""

from __future__ import annotations

from click.testing import CliRunner

import kgraph
from kgraph.cli import main
from kgraph.pipeline import MIN_PARALLEL_DOCUMENTS

from .conftest import synthetic_corpus


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


def test_jobs_must_be_positive(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "out"), "--jobs", "0"])
    assert result.exit_code == 2
