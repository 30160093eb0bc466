"""Talk to a SPARQL server over HTTP with the standard library. Every request is bounded: one
overall deadline (a server that drips a byte at a time still ends), a cap on the answer's size,
no redirect to another origin (a POST must not turn into a GET elsewhere). Every failure is an
`EndpointError` with one readable line; server text is escaped so it cannot drive the terminal;
a malformed URL is an `EndpointUrlError` (a usage error)."""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass

from kgraph.errors import EndpointError, EndpointUrlError, escape_controls

TIMEOUT_SECONDS = 60.0  # one read or connect
DEADLINE_SECONDS = 300.0  # the whole request, whatever the server does
MAX_RESPONSE_BYTES = 512 * 1024 * 1024
MAX_REDIRECTS = 3
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Endpoint:
    scheme: str
    host: str
    port: int
    target: str  # path and query, as sent in the request line

    @property
    def origin(self) -> tuple[str, str, int]:
        return (self.scheme, self.host.lower(), self.port)


def printable(text: str, limit: int = 200) -> str:
    """Server text fit for one terminal line: whitespace folded, control characters escaped."""
    folded = " ".join(text.split())[:limit]
    return escape_controls(folded)


def parse_endpoint(url: str) -> Endpoint:
    """The parts of an http(s) URL; raises `EndpointUrlError` for anything else."""
    shown = printable(url)
    if not url or any(char.isspace() or not char.isprintable() for char in url):
        raise EndpointUrlError(f"endpoint URL must not be empty or contain spaces (got {shown!r})")
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise EndpointUrlError(f"not a valid endpoint URL ({error}): {shown!r}") from None
    if parts.scheme not in ("http", "https"):
        raise EndpointUrlError(f"endpoint must be an http(s) URL (got {shown!r})")
    if not parts.hostname:
        raise EndpointUrlError(f"endpoint URL has no host: {shown!r}")
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Endpoint(parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80), target)


def with_query_parameter(url: str, name: str, value: str) -> str:
    """`url` with `name=value` added to its query string (existing parameters kept)."""
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True) + [(name, value)]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def send(
    method: str,
    url: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = TIMEOUT_SECONDS,
    deadline: float = DEADLINE_SECONDS,
    max_bytes: int = MAX_RESPONSE_BYTES,
) -> bytes:
    """The response body of a successful (2xx) request."""
    endpoint = parse_endpoint(url)
    ends_at = time.monotonic() + deadline
    for _ in range(MAX_REDIRECTS + 1):
        status, reason, location, answer = _exchange(
            method, endpoint, body, headers or {}, timeout, (ends_at, deadline), max_bytes
        )
        if 200 <= status < 300:
            return answer
        if 300 <= status < 400 and location:
            endpoint = _redirect(url, endpoint, location, status)
            continue
        detail = printable(answer[:4000].decode("utf-8", "replace"))
        raise EndpointError(
            f"{method} {printable(url)} failed: HTTP {status} {printable(reason, 80)}"
            + (f": {detail}" if detail else "")
        )
    raise EndpointError(f"{method} {printable(url)} failed: more than {MAX_REDIRECTS} redirects")


def _redirect(url: str, endpoint: Endpoint, location: str, status: int) -> Endpoint:
    # Only to the same origin, and only where the method and body are kept (307, 308).
    try:
        target = parse_endpoint(urllib.parse.urljoin(url, location))
    except EndpointUrlError:
        target = None
    if target is None or target.origin != endpoint.origin or status not in (307, 308):
        raise EndpointError(
            f"{printable(url)} redirects (HTTP {status}) to {printable(location)!r}; "
            "kgraph follows only same-origin 307/308 redirects: give that URL if you trust it"
        )
    return target


def _exchange(
    method: str,
    endpoint: Endpoint,
    body: bytes | None,
    headers: dict[str, str],
    timeout: float,
    deadline: tuple[float, float],
    max_bytes: int,
) -> tuple[int, str, str | None, bytes]:
    ends_at, seconds = deadline
    remaining = ends_at - time.monotonic()
    late = f"no complete answer from {endpoint.host} within the {seconds:g} s deadline"
    if remaining <= 0:
        raise EndpointError(late)
    kind = http.client.HTTPSConnection if endpoint.scheme == "https" else http.client.HTTPConnection
    connection = kind(endpoint.host, endpoint.port, timeout=min(timeout, remaining))
    expired = threading.Event()

    def expire() -> None:  # shutting the socket down wakes a read that a dripping server keeps alive
        expired.set()
        if connection.sock is not None:
            with contextlib.suppress(OSError):
                connection.sock.shutdown(socket.SHUT_RDWR)

    watchdog = threading.Timer(remaining, expire)
    watchdog.daemon = True
    watchdog.start()
    where = f"{endpoint.scheme}://{endpoint.host}:{endpoint.port}"
    try:
        connection.request(method, endpoint.target, body=body, headers=headers)
        response = connection.getresponse()
        answer = _read_capped(response, max_bytes, where)
        if expired.is_set():  # the cut-off socket may read as a clean end of the answer
            raise EndpointError(late)
        return response.status, response.reason, response.getheader("Location"), answer
    except EndpointError:
        raise
    except (http.client.HTTPException, OSError, ValueError) as error:
        if expired.is_set():
            raise EndpointError(late) from None
        reason = printable(str(error) or type(error).__name__)
        if isinstance(error, OSError):
            raise EndpointError(f"cannot reach {where}: {reason}") from None
        raise EndpointError(f"{where} sent a malformed HTTP answer ({type(error).__name__}: {reason})") from None
    finally:
        watchdog.cancel()
        connection.close()


def _read_capped(response: http.client.HTTPResponse, max_bytes: int, where: str) -> bytes:
    chunks, size = [], 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise EndpointError(f"{where} sent more than {max_bytes:,} bytes; stopped reading")
        chunks.append(chunk)
    return b"".join(chunks)
