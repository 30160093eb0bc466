"""Hostile SPARQL servers on 127.0.0.1: every failure is one line with the right exit code, every
request ends within its deadline and size cap, and nothing reaches another origin."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from click.testing import CliRunner

from kgraph.cli import main
from kgraph.errors import EndpointError
from kgraph.http import send

pytestmark = pytest.mark.hostile

Handler = Callable[[socket.socket], None]


class RawServer:
    """Answers every connection with `handler` (raw bytes, so it can break HTTP at will)."""

    def __init__(self, handler: Handler):
        self.handler, self.requests = handler, []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/query"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            with connection:
                connection.settimeout(5)
                try:
                    self.requests.append(connection.recv(65536))
                    self.handler(connection)
                    connection.shutdown(socket.SHUT_WR)  # then drain, so closing never resets the answer
                    while connection.recv(65536):
                        pass
                except OSError:
                    pass

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def serve() -> Iterator[Callable[[Handler], RawServer]]:
    servers: list[RawServer] = []

    def start(handler: Handler) -> RawServer:
        servers.append(RawServer(handler))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def _answer(raw: bytes) -> Handler:
    return lambda connection: connection.sendall(raw)


def _json(body: bytes) -> Handler:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: {len(body)}\r\n\r\n"
    return _answer(head.encode() + body)


def _query(*args: str):
    result = CliRunner().invoke(main, ["query", "SELECT * WHERE { ?s ?p ?o }", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _one_error_line(result) -> str:
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kgraph: error: "), result.output
    return lines[0]


def test_a_redirect_to_another_origin_is_not_followed(serve):
    leak = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"leak"}}]}}'
    elsewhere = serve(_json(leak))
    moved = f"HTTP/1.1 302 Found\r\nLocation: {elsewhere.url}\r\nContent-Length: 0\r\n\r\n"
    redirecting = serve(_answer(moved.encode()))
    result = _query("--endpoint", redirecting.url)
    assert result.exit_code == 1
    assert "redirects (HTTP 302)" in _one_error_line(result)
    assert elsewhere.requests == []


def test_a_dripping_server_ends_at_the_deadline(serve):
    def drip(connection: socket.socket) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\n")
        for _ in range(100):
            connection.sendall(b"X-Drip: a\r\n")
            time.sleep(0.2)

    server = serve(drip)
    started = time.monotonic()
    with pytest.raises(EndpointError, match="deadline"):
        send("POST", server.url, b"q", deadline=1.0)
    assert time.monotonic() - started < 3


def test_an_endless_body_stops_at_the_size_cap(serve):
    def endless(connection: socket.socket) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
        for _ in range(10_000):
            connection.sendall(b"x" * 65536)

    server = serve(endless)
    with pytest.raises(EndpointError, match="more than 1,000,000 bytes"):
        send("POST", server.url, b"q", max_bytes=1_000_000)


@pytest.mark.parametrize(
    "raw",
    [
        b"NOT HTTP AT ALL\r\n\r\n",  # bad status line
        b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\nshort",  # short body
        b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n",  # a 70 KB header line
        b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: a\r\n" % n for n in range(120)) + b"\r\n",  # over 100 headers
    ],
    ids=["status-line", "short-body", "long-header", "many-headers"],
)
def test_malformed_http_is_one_line(serve, raw):
    result = _query("--endpoint", serve(_answer(raw)).url)
    assert result.exit_code == 1
    _one_error_line(result)


@pytest.mark.parametrize(
    "body",
    [
        b"[1]",
        b'{"head":{"vars":["x"]},"results":{"bindings":["a string"]}}',
        b"[" * 100_000 + b"]" * 100_000,
    ],
    ids=["list", "string-binding", "deep-nesting"],
)
def test_answers_that_are_not_sparql_results_are_one_line(serve, body):
    result = _query("--endpoint", serve(_json(body)).url)
    assert result.exit_code == 1
    assert "not a SPARQL result" in _one_error_line(result)


def test_control_characters_from_the_server_are_escaped(serve):
    body = b"\x1b]0;owned\x07\x1b[31mred"
    raw = b"HTTP/1.1 500 Oops\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
    result = _query("--endpoint", serve(_answer(raw)).url)
    assert result.exit_code == 1
    line = _one_error_line(result)
    assert "\x1b" not in line and "\x07" not in line and "\\x1b[31mred" in line


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:abc/", "http://[::1/", "http://127.0.0.1/a b", "ftp://x/", "http:///q"]
)
def test_a_malformed_endpoint_url_is_a_usage_error(url):
    result = _query("--endpoint", url)
    assert result.exit_code == 2
    _one_error_line(result)


def test_service_is_refused_without_a_request(serve, tmp_path):
    server = serve(_json(b'{"head":{"vars":[]},"results":{"bindings":[]}}'))
    graph = tmp_path / "g.ttl"
    graph.write_text("<http://a/s> <http://a/p> <http://a/o> .\n")
    text = f"SELECT * WHERE {{ SERVICE <{server.url}> {{ ?s ?p ?o }} }}"
    result = CliRunner().invoke(main, ["query", text, "--graph", str(graph)])
    assert result.exit_code == 2
    assert "--allow-service" in _one_error_line(result)
    assert server.requests == []


def test_push_to_a_malformed_url_is_a_usage_error_before_building(tmp_path):
    result = CliRunner().invoke(main, ["push", str(tmp_path / "nothing-here"), "--endpoint", "http://127.0.0.1:abc/"])
    assert result.exit_code == 2  # the URL, not the missing path: checked before anything is read
    assert "not a valid endpoint URL" in _one_error_line(result)
