"""Readable, deterministic IRIs: `{base}person/bill-peebles`, `{base}episode/training-data/2025-11-07-...`."""

from __future__ import annotations

import hashlib

from kgraph.names import slug


class IriMinter:
    """Hands out one IRI per key. Two keys whose paths collide (`Foo_Bar` and `FooBar`): the first in
    sorted order keeps the path, the others get a short hash of their key, never a path another key
    could want (`-2` could be `FooBar 2`'s), so no two things ever share an IRI and none depends on
    input order."""

    def __init__(self, base_iri: str):
        self.base = base_iri
        self._requests: dict[tuple[str, str], str] = {}  # (kind, key) -> wanted path
        self._assigned: dict[tuple[str, str], str] | None = None

    def request(self, kind: str, key: str, path: str) -> None:
        self._requests.setdefault((kind, key), path or _key_hash(key, 12))

    def iri(self, kind: str, key: str) -> str:
        if self._assigned is None:
            self._assigned = self._assign()
        return self._assigned[(kind, key)]

    def _assign(self) -> dict[tuple[str, str], str]:
        assigned: dict[tuple[str, str], str] = {}
        wanted = {request: f"{request[0]}/{path}" for request, path in self._requests.items()}
        taken = set(wanted.values())
        owner: dict[str, tuple[str, str]] = {}
        for request in sorted(wanted):
            owner.setdefault(wanted[request], request)
        for request in sorted(wanted):
            path = wanted[request]
            if owner[path] != request:
                length = 6
                while (hashed := f"{path}-{_key_hash(request[1], length)}") in taken:
                    length += 2
                taken.add(hashed)
                path = hashed
            assigned[request] = f"{self.base}{path}"
        return assigned


def _key_hash(key: str, length: int) -> str:
    return hashlib.sha1(key.encode("utf-8", errors="surrogatepass")).hexdigest()[:length]


def episode_path(podcast: str, date: str | None, title: str) -> str:
    title_slug = slug(title, 50) or _key_hash(title, 10)
    return f"{slug(podcast, 40) or 'podcast'}/{date + '-' if date else ''}{title_slug}"
