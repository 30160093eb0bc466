"""`kgraph validate`: the SHACL shapes accept what kgraph builds and reject broken graphs."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import kgraph
from kgraph.cli import main
from kgraph.outputs.validate import validate_quads
from tests.conftest import CORPUS, SEEDS, require_shared

PREFIXES = """
@prefix kg: <https://w3id.org/kgraph/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <https://example.org/> .
"""
BROKEN = (
    PREFIXES
    + """
:show a kg:Podcast ; rdfs:label "Show" .
:ep a kg:Episode ; rdfs:label "Episode" , "Second title" ; kg:podcast :show ;
    kg:sourceKind "podcast" ; kg:sourceFile "ep.md" ; schema:datePublished "March 2025" .
:orphan a kg:Episode ; rdfs:label "No show" ; kg:sourceKind "podcast" ; kg:sourceFile "o.md" .
:theme a kg:KeyTheme ; rdfs:label "Theme" ; kg:rank 0 .
:ep kg:insight :theme .
:quote a kg:Claim ; rdfs:label "Quote" ; schema:text "Words." ; kg:timestamp "1:02" ;
    kg:speaker :show .
"""
)


def test_fixture_build_conforms(query_turtle):
    result = CliRunner().invoke(main, ["validate", "--graph", str(query_turtle)])
    assert result.exit_code == 0, result.output
    assert "conforms to the SHACL shapes" in result.output


def test_broken_graph_lists_each_violation_and_exits_1(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text(BROKEN, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "-g", str(broken)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    expected = {
        "<https://example.org/ep> rdfs:label": "exactly one non-empty plain rdfs:label",
        "<https://example.org/ep> schema:datePublished": "xsd:date",
        "<https://example.org/orphan> kg:podcast": "exactly one kg:Podcast",
        "<https://example.org/theme> kg:rank": "xsd:integer >= 1",
        "<https://example.org/quote> kg:episode": "exactly one kg:episode",
        "<https://example.org/quote> kg:timestamp": "HH:MM:SS",
        "<https://example.org/quote> kg:speaker": "kg:Person",
    }
    for where, words in expected.items():
        assert any(where in line and words in line for line in lines), (where, result.output)
    assert lines[-1] == f"{broken}: {len(lines) - 1} SHACL violation(s)"
    assert len(lines) - 1 == len(expected)


def test_insight_subclasses_satisfy_sh_class_insight(query_graph):
    # sh:class kg:Insight only accepts kg:KeyTheme through the ontology's subClassOf.
    assert validate_quads(query_graph.quads) == []


def test_seed_build_conforms(seed_graph):
    assert validate_quads(seed_graph.quads) == []


@pytest.mark.corpus
def test_corpus_build_conforms():
    graph = kgraph.build([require_shared(CORPUS)])
    assert [str(violation) for violation in validate_quads(graph.quads)] == []


def test_seed_file_written_by_build_validates(tmp_path):
    kgraph.build([SEEDS]).write(tmp_path, ("turtle",))
    assert CliRunner().invoke(main, ["validate", "-g", str(tmp_path / "graph.ttl")]).exit_code == 0


def test_unreadable_shapes_file_is_a_usage_error(query_turtle, tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("this is not turtle", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "-g", str(query_turtle), "--shapes", str(shapes)])
    assert result.exit_code == 2
    assert f"{shapes}: cannot read SHACL shapes" in result.output
