"""A build's outputs are published together: a failure while writing leaves the previous set whole."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import kgraph
from kgraph.outputs import formats
from kgraph.outputs.formats import get_format

from .conftest import SEEDS


def _names(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def test_a_writer_that_fails_leaves_the_previous_outputs_and_no_staging(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    written = kgraph.build([SEEDS]).write(out)
    assert [path.name for path in written] == ["graph.ttl", "graph.html", "report.json"]
    before = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.html", "report.json")}

    html = get_format("html")

    def failing(graph, path, **options):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setitem(formats._REGISTRY, "html", replace(html, writer=failing))
    graph = kgraph.build([SEEDS], base_iri="https://example.org/other/")
    with pytest.raises(OSError):
        graph.write(out)  # graph.ttl was written (to staging) before the page failed
    assert {name: (out / name).read_bytes() for name in before} == before  # not a new ttl beside an old page
    assert _names(out) == {"graph.ttl", "graph.html", "report.json"}  # the staging folder is gone
