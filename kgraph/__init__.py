"""kgraph: podcast, newsletter and paper summaries -> a knowledge graph (RDF, NetworkX, HTML)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kgraph.errors import KgraphError

if TYPE_CHECKING:
    from kgraph.api import KnowledgeGraph, build

__all__ = ["KgraphError", "KnowledgeGraph", "build"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # `kgraph query` and `kgraph --version` need none of the build's libraries: import them when asked.
    if name in ("KnowledgeGraph", "build"):
        from kgraph import api

        value = getattr(api, name)
        # importing `api` loaded the package `kgraph.build`, which became this module's attribute
        globals()["build"], globals()["KnowledgeGraph"] = api.build, api.KnowledgeGraph
        return value
    raise AttributeError(f"module 'kgraph' has no attribute {name!r}")
