"""The interactive graph page: `render_page(kg.model, kg.statements, HtmlOptions(...))` -> one HTML file
that works offline (every script and style embedded, no network request)."""

from kgraph.html.page import render_page
from kgraph.html.select import DEFAULT_MAX_NODES, HtmlOptions

__all__ = ["DEFAULT_MAX_NODES", "HtmlOptions", "render_page"]
