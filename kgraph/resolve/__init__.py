"""Resolve identities across documents and assemble the `KnowledgeModel`.

Two steps: `Identities` reads every document's digest (people, organizations, podcasts, copies
of one episode, IRIs, shared names); `build_episode` then builds each episode's nodes from its
full extraction. The build caches the second step per episode (see `kgraph.parts`)."""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Each name from the module that makes it, imported when first asked for: `kgraph.resolve.decisions`
# and `kgraph.resolve.aliases` stay cheap to import on their own (the command line reads them).
_HOMES = {
    "EpisodeNodes": "kgraph.resolve.episode",
    "ExtractionDigest": "kgraph.resolve.digest",
    "Identities": "kgraph.resolve.identities",
    "ResolveResult": "kgraph.resolve.assemble",
    "assemble_model": "kgraph.resolve.assemble",
    "build_episode": "kgraph.resolve.episode",
    "digest_of": "kgraph.resolve.digest",
    "duplicates": "kgraph.resolve.assemble",
    "resolve": "kgraph.resolve.assemble",
}

__all__ = [
    "EpisodeNodes",
    "ExtractionDigest",
    "Identities",
    "ResolveResult",
    "assemble_model",
    "build_episode",
    "digest_of",
    "duplicates",
    "resolve",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'kgraph.resolve' has no attribute {name!r}")
