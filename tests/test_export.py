"""`kgraph export`: every format in the registry, read back by an independent reader."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from kgraph.cli import main
from kgraph.outputs.formats import formats
from kgraph.outputs.property_graph import NODE_COLUMNS
from tests.conftest import QUERY_CORPUS

# rdflib's own TriG/N-Quads/JSON-LD parsers use its deprecated ConjunctiveGraph internally.
pytestmark = pytest.mark.filterwarnings("ignore:.*deprecated.*:DeprecationWarning")

RDF_FORMATS = {
    "turtle": "turtle",
    "ntriples": "nt",
    "nquads": "nquads",
    "trig": "trig",
    "jsonld": "json-ld",
}


def export(format_name: str, target: Path) -> Path:
    result = CliRunner().invoke(main, ["export", str(QUERY_CORPUS), "--format", format_name, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.output
    return target


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("export")
    return {f.name: export(f.name, folder / f"graph{f.extension or '-' + f.name}") for f in formats()}


def test_registry_has_every_format():
    assert {f.name for f in formats()} >= {
        "turtle",
        "ntriples",
        "nquads",
        "trig",
        "jsonld",
        "graphml",
        "gexf",
        "neo4j",
        "cypher",
    }


def test_export_list_and_unknown_format():
    listing = CliRunner().invoke(main, ["export", "--list"])
    assert "graphml" in listing.output and "neo4j" in listing.output
    result = CliRunner().invoke(main, ["export", str(QUERY_CORPUS), "-f", "xlsx"])
    assert result.exit_code == 2 and "unknown format 'xlsx'" in result.output


@pytest.mark.parametrize("name", sorted(RDF_FORMATS))
def test_rdf_formats_parse_back_isomorphic_to_the_turtle(name, exported):
    # rdflib is an independent parser from the pyoxigraph serializer that wrote the files.
    turtle = rdflib.Graph().parse(exported["turtle"], format="turtle")
    dataset = rdflib.Dataset()
    dataset.parse(exported[name], format=RDF_FORMATS[name])
    merged = rdflib.Graph()
    for subject, predicate, obj, _graph in dataset.quads((None, None, None, None)):
        merged.add((subject, predicate, obj))
    assert len(merged) == len(turtle) > 300
    assert isomorphic(merged, turtle)


@pytest.mark.parametrize("name", ["nquads", "trig", "jsonld"])
def test_dataset_formats_keep_one_named_graph_per_episode(name, exported, query_graph):
    quads = set(ox.parse(path=exported[name]))
    assert quads == set(query_graph.quads)
    graphs = {quad.graph_name.value for quad in quads}
    episode_graphs = {episode.graph for episode in query_graph.model.episodes}
    assert graphs == episode_graphs | {"https://w3id.org/kgraph/id/graph/entities"}
    assert len(episode_graphs) == 4


def _same_graph(read: nx.MultiDiGraph, built: nx.MultiDiGraph) -> None:
    assert set(read.nodes) == set(built.nodes)
    assert sorted(read.edges(keys=True)) == sorted(built.edges(keys=True))
    for node, data in built.nodes(data=True):
        assert read.nodes[node]["label"] == data["label"]
        assert read.nodes[node]["type"] == data["type"]


def test_graphml_reads_back_into_networkx(exported, query_graph):
    _same_graph(nx.read_graphml(exported["graphml"], force_multigraph=True), query_graph.nx)


def test_gexf_reads_back_into_networkx(exported, query_graph):
    read = nx.read_gexf(exported["gexf"])
    assert set(read.nodes) == set(query_graph.nx.nodes)
    assert sorted((u, v, d["predicate"]) for u, v, d in read.edges(data=True)) == sorted(
        (u, v, k) for u, v, k in query_graph.nx.edges(keys=True)
    )


def test_neo4j_folder_has_import_headers_and_closed_ids(exported, query_graph):
    folder = exported["neo4j"]
    ids = set()
    for label in NODE_COLUMNS:
        path = folder / "nodes" / f"{label}.csv"
        if not path.exists():  # a label with no node gets no file
            assert not any(data["type"] == label for _, data in query_graph.nx.nodes(data=True)), label
            continue
        with path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.reader(stream))
        assert rows[0][:2] == ["iri:ID", "label"]
        ids.update(row[0] for row in rows[1:])
    assert ids == set(query_graph.nx.nodes)
    edges = 0
    for path in sorted((folder / "relationships").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.reader(stream))
        assert rows[0] == [":START_ID", ":END_ID"]
        assert all(start in ids and end in ids for start, end in rows[1:])
        edges += len(rows) - 1
        assert f"relationships/{path.name}" in (folder / "import.sh").read_text()
    assert edges == query_graph.nx.number_of_edges()
    episode_header = (folder / "nodes" / "Episode.csv").read_text().splitlines()[0]
    assert episode_header == "iri:ID,label,aliases:string[],date:date,url,source_kind,source_file"


def test_neo4j_export_refuses_to_replace_an_unrelated_folder(tmp_path):
    (tmp_path / "keep.txt").write_text("precious")
    result = CliRunner().invoke(main, ["export", str(QUERY_CORPUS), "-f", "neo4j", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "not replacing" in result.output
    assert (tmp_path / "keep.txt").read_text() == "precious"


def _snapshot(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}
    return {"": path.read_bytes()}


@pytest.mark.parametrize("name", ["turtle", "trig", "jsonld", "graphml", "gexf", "neo4j", "cypher"])
def test_export_is_byte_identical_on_a_second_run(name, exported, tmp_path):
    again = export(name, tmp_path / exported[name].name)
    assert _snapshot(again) == _snapshot(exported[name])


@pytest.mark.hostile
def test_neo4j_export_keeps_a_folder_that_merely_holds_an_import_sh(tmp_path):
    # The old check trusted any folder with an `import.sh`: the user's other files were deleted.
    (tmp_path / "import.sh").write_text("#!/bin/sh\n")
    (tmp_path / "notes.md").write_text("precious")
    result = CliRunner().invoke(main, ["export", str(QUERY_CORPUS), "-f", "neo4j", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "kgraph did not write" in result.output
    assert (tmp_path / "notes.md").read_text() == "precious"


@pytest.mark.hostile
def test_neo4j_export_replaces_its_own_folder_but_not_files_added_to_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = CliRunner().invoke(main, ["export", str(QUERY_CORPUS), "-f", "neo4j", "-o", "out"])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(main, ["export", str(QUERY_CORPUS), "-f", "neo4j", "-o", "out"])
    assert again.exit_code == 0, again.output  # a previous export of ours is replaced
    (tmp_path / "out" / "mine.txt").write_text("precious")
    refused = CliRunner().invoke(main, ["export", str(QUERY_CORPUS), "-f", "neo4j", "-o", "out"])
    assert refused.exit_code == 2 and "mine.txt" in refused.output
    assert (tmp_path / "out" / "mine.txt").read_text() == "precious"
    monkeypatch.chdir(tmp_path / "out")  # `-o .`: the folder itself, staged beside it, not inside it
    (tmp_path / "out" / "mine.txt").unlink()
    here = CliRunner().invoke(main, ["export", str(QUERY_CORPUS), "-f", "neo4j", "-o", "."])
    assert here.exit_code == 0, here.output
    assert (tmp_path / "out" / "import.sh").is_file()
