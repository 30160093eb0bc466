"""The interactive graph page (see kgraph/html/): offline, one self-contained file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.outputs.formats import register
from kgraph.outputs.formats.atomic import write_text
from kgraph.outputs.html import HtmlOptions

if TYPE_CHECKING:
    from kgraph.outputs.formats import GraphData


@register("html", ".html", "the explorer page (vis-network, offline, one file)")
def write_html(kg: GraphData, path: Path, options: HtmlOptions | None = None) -> None:
    write_text(path, kg.page_html(options))
