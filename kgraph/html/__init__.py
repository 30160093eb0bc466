"""The interactive graph page: `render_page(kg.model, kg.nx, HtmlOptions(...))` -> one HTML file
that works offline (every script and style embedded, no network request)."""

from kgraph.html.page import render_page
from kgraph.html.select import HtmlOptions

__all__ = ["HtmlOptions", "render_page"]
