"""Talk to a SPARQL server over HTTP with the standard library; every failure becomes an
`EndpointError` with one readable line (unreachable host, HTTP status and the server's words)."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

from kgraph.errors import EndpointError

TIMEOUT_SECONDS = 60.0


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
) -> bytes:
    """The response body of a successful (2xx) request."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise EndpointError(f"endpoint must be an http(s) URL (got {url!r})")
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        detail = " ".join(error.read().decode("utf-8", "replace").split())[:200]
        raise EndpointError(
            f"{method} {url} failed: HTTP {error.code} {error.reason}"
            + (f": {detail}" if detail else "")
        ) from None
    except urllib.error.URLError as error:
        raise EndpointError(f"cannot reach {url}: {error.reason}") from None
    except (TimeoutError, ConnectionError) as error:
        raise EndpointError(f"cannot reach {url}: {error}") from None
