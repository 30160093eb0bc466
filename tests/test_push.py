"""`kgraph push` against a real Oxigraph server that the test starts on 127.0.0.1 and stops.

The server runs with --union-default-graph, so queries over HTTP see every episode's named
graph as the local engine does (it merges named graphs into the default graph)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

import kgraph
from kgraph.cli import main
from kgraph.query import run_query, shipped_queries, shipped_query
from tests.conftest import QUERY_CORPUS

pytestmark = pytest.mark.server

PARAMETERS = {
    "person-claims": {"person": "Maya Lindqvist"},
    "contrarian-mentions": {"organization": "Helios Robotics"},
    "podcast-guests": {"podcast": "Signal Hour"},
}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).is_file():
        pytest.skip("the `oxigraph` server (PyPI package oxigraph) is not installed")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Server:
    base: str

    @property
    def store(self) -> str:
        return f"{self.base}/store"

    @property
    def query(self) -> str:
        return f"{self.base}/query"


def wait_until_ready(url: str, process: subprocess.Popen, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph exited early with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"oxigraph did not answer on {url} within {seconds} s")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    port = free_port()
    process = subprocess.Popen(
        [
            oxigraph_binary(),
            "serve",
            "--location",
            str(tmp_path / "store"),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_ready(f"{base}/query?query=ASK%7B%7D", process)
        yield Server(base)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def push(*arguments: str):
    return CliRunner().invoke(main, ["push", *arguments])


def remote_count(server: Server) -> int:
    return int(run_query(COUNT, endpoint=server.query).rows[0]["n"].value)


def test_push_then_shipped_queries_answer_as_locally(server, query_graph, query_turtle):
    result = push(str(QUERY_CORPUS), "--endpoint", server.store)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"pushed 5 graphs, {len(query_graph.quads)} triples to {server.store}"
    for query in shipped_queries():
        parameters = PARAMETERS.get(query.name, {})
        local = run_query(query.text, graph=query_turtle, parameters=parameters)
        remote = run_query(query.text, endpoint=server.query, parameters=parameters)
        assert remote.rows == local.rows and local.rows, query.name
    cli = CliRunner().invoke(
        main, ["query", "-n", "organizations-by-episodes", "--endpoint", server.query, "-f", "csv"]
    )
    assert cli.exit_code == 0 and "Helios Robotics,3" in cli.output


def test_pushing_twice_or_an_updated_corpus_never_duplicates(server, query_graph, tmp_path):
    assert push(str(QUERY_CORPUS), "--endpoint", server.store).exit_code == 0
    assert push(str(QUERY_CORPUS), "--endpoint", server.store).exit_code == 0
    assert remote_count(server) == len(query_graph.quads)

    updated = tmp_path / "corpus"
    shutil.copytree(QUERY_CORPUS, updated)
    episode = updated / "signal-hour-1.md"
    episode.write_text(
        episode.read_text().replace("a robot is collateral, not a science project", "robots are collateral now")
    )
    assert push(str(updated), "--endpoint", server.store).exit_code == 0
    assert remote_count(server) == len(kgraph.build(updated).quads)
    said = run_query(
        shipped_query("person-claims").text,
        endpoint=server.query,
        parameters={"person": "Maya Lindqvist"},
    ).column("quote")
    assert "The lenders finally understand that robots are collateral now." in said
    assert not any("science project" in quote for quote in said)


def test_push_a_trig_file_keeps_its_named_graphs(server, query_graph, tmp_path):
    trig = query_graph.write(tmp_path, ("trig",))[0]
    result = push("--graph", str(trig), "--endpoint", server.store)
    assert result.exit_code == 0, result.output
    graphs = run_query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g", endpoint=server.query).column(
        "g"
    )
    assert graphs == sorted({quad.graph_name.value for quad in query_graph.quads})


def test_http_error_is_one_clear_line(server):
    result = push(str(QUERY_CORPUS), "--endpoint", f"{server.base}/no-such-service")
    assert result.exit_code == 1
    assert "HTTP 404" in result.output and "/no-such-service" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_unreachable_endpoint_is_one_clear_line():
    port = free_port()  # nothing listens there once the probe socket is closed
    for arguments in (
        ["push", str(QUERY_CORPUS), "--endpoint", f"http://127.0.0.1:{port}/store"],
        ["query", "ASK {}", "--endpoint", f"http://127.0.0.1:{port}/query"],
    ):
        result = CliRunner().invoke(main, arguments)
        assert result.exit_code == 1, result.output
        assert result.output.startswith("kgraph: error: cannot reach http://127.0.0.1:")
        assert "Connection refused" in result.output
        assert len(result.output.strip().splitlines()) == 1


def test_ask_and_construct_over_http_match_local(server, query_turtle):
    assert push(str(QUERY_CORPUS), "--endpoint", server.store).exit_code == 0
    construct = "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a kg:Person ; rdfs:label ?l }"
    for text in (construct, "ASK { ?p rdfs:label 'Leo Brandt' }", "ASK { ?p rdfs:label 'Nobody' }"):
        local = CliRunner().invoke(main, ["query", text, "-g", str(query_turtle)])
        remote = CliRunner().invoke(main, ["query", text, "--endpoint", server.query])
        assert remote.exit_code == 0, remote.output
        assert remote.output == local.output
