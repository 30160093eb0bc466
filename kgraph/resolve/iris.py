"""Readable, deterministic IRIs: `{base}person/bill-peebles`, `{base}episode/training-data/2025-11-07-...`."""

from __future__ import annotations

import hashlib

from kgraph.names import slug


class IriMinter:
    """Hands out one IRI per key; two keys whose slugs collide get `-2`, `-3`... in the order
    of their sorted keys, so the result never depends on input order."""

    def __init__(self, base_iri: str):
        self.base = base_iri
        self._requests: dict[tuple[str, str], str] = {}  # (kind, key) -> wanted path
        self._assigned: dict[tuple[str, str], str] | None = None

    def request(self, kind: str, key: str, path: str) -> None:
        self._requests.setdefault((kind, key), path or hashlib.sha1(key.encode()).hexdigest()[:12])

    def iri(self, kind: str, key: str) -> str:
        if self._assigned is None:
            self._assign()
        return self._assigned[(kind, key)]

    def _assign(self) -> None:
        self._assigned = {}
        taken: dict[str, int] = {}
        for (kind, key) in sorted(self._requests):
            path = f"{kind}/{self._requests[(kind, key)]}"
            count = taken.get(path, 0) + 1
            taken[path] = count
            self._assigned[(kind, key)] = f"{self.base}{path}" + (f"-{count}" if count > 1 else "")


def episode_path(podcast: str, date: str | None, title: str) -> str:
    title_slug = slug(title, 50) or hashlib.sha1(title.encode()).hexdigest()[:10]
    return f"{slug(podcast, 40) or 'podcast'}/{date + '-' if date else ''}{title_slug}"
