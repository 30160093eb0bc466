"""The interactive graph page (see kgraph/html/): offline, one self-contained file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.html import HtmlOptions
from kgraph.html.layout import LayoutCache
from kgraph.html.page import render
from kgraph.version import code_version
from kgraph.write import register
from kgraph.write.atomic import write_text

if TYPE_CHECKING:
    from kgraph.api import KnowledgeGraph

LAYOUT_FILE = "page/layout.pickle"  # under the build's cache folder: the last page's layout


@register("html", ".html", "interactive graph page (pyvis + vis-network, offline, one file)")
def write_html(kg: KnowledgeGraph, path: Path, options: HtmlOptions | None = None) -> None:
    cache = LayoutCache(kg.cache_folder / LAYOUT_FILE, code_version()) if kg.cache_folder else None
    write_text(path, render(kg.page(), options, cache))
