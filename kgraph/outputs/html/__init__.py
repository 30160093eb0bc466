"""The interactive graph page: `render_page(kg.model, kg.statements, HtmlOptions(...))` -> one HTML file
that works offline (every script and style embedded, no network request)."""

from __future__ import annotations

from typing import Any

from kgraph.outputs.html.options import DEFAULT_MAX_NODES, HtmlOptions

__all__ = ["DEFAULT_MAX_NODES", "HtmlOptions", "render_page"]


def __getattr__(name: str) -> Any:
    # The page pulls in igraph and reads pyvis's files: only when it is drawn, not when options are read.
    if name == "render_page":
        from kgraph.outputs.html.page import render_page

        return render_page
    raise AttributeError(f"module 'kgraph.outputs.html' has no attribute {name!r}")
