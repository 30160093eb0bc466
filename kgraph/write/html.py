"""The interactive graph page (see kgraph/html/): offline, one self-contained file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.html import HtmlOptions
from kgraph.write import register
from kgraph.write.atomic import write_text

if TYPE_CHECKING:
    from kgraph.api import KnowledgeGraph


@register("html", ".html", "interactive graph page (pyvis + vis-network, offline, one file)")
def write_html(kg: KnowledgeGraph, path: Path, options: HtmlOptions | None = None) -> None:
    write_text(path, kg.page_html(options))
