"""`kgraph query` through click's CliRunner: inputs, result formats, and user mistakes."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
from click.testing import CliRunner

from kgraph.cli import main

ORGS = "SELECT ?name WHERE { ?o a kg:Organization ; rdfs:label ?name } ORDER BY ?name"


def invoke(*args: str):
    return CliRunner().invoke(main, ["query", *args])


def test_query_text_as_a_table(query_turtle):
    result = invoke(ORGS, "--graph", str(query_turtle))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].strip() == "name"
    assert lines[2:6] == ["Helios Robotics", "Orbit Foods", "Quanta Bank", "Vellum Labs"]
    assert lines[-1] == "(4 rows)"


def test_query_from_a_file(query_turtle, tmp_path):
    query_file = tmp_path / "orgs.rq"
    query_file.write_text(ORGS, encoding="utf-8")
    result = invoke(f"@{query_file}", "-g", str(query_turtle), "-f", "csv")
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.output))) == [
        ["name"],
        ["Helios Robotics"],
        ["Orbit Foods"],
        ["Quanta Bank"],
        ["Vellum Labs"],
    ]


def test_shipped_query_by_name_with_a_parameter_as_json(query_turtle):
    result = invoke(
        "--name",
        "person-claims",
        "--param",
        "person=Tom Okafor",
        "-g",
        str(query_turtle),
        "-f",
        "json",
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["head"]["vars"] == ["speaker", "quote", "title", "date", "timestamp", "episode"]
    (binding,) = document["results"]["bindings"]
    assert binding["quote"] == {"type": "literal", "value": "Nobody buys a robot to watch it wait."}
    assert binding["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    assert binding["episode"]["type"] == "uri"


def test_tsv_uses_rdf_term_syntax(query_turtle):
    result = invoke("-n", "organizations-by-episodes", "-g", str(query_turtle), "-f", "tsv")
    lines = result.output.splitlines()
    assert lines[0] == "?organization\t?name\t?episodes"
    assert lines[1] == (
        '<https://w3id.org/kgraph/id/org/helios-robotics>\t"Helios Robotics"\t'
        '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    )


def test_ask_and_construct(query_turtle):
    assert invoke("ASK { ?p rdfs:label 'Maya Lindqvist' }", "-g", str(query_turtle)).output == "yes\n"
    no = invoke("ASK { ?p rdfs:label 'Nobody' }", "-g", str(query_turtle), "-f", "csv")
    assert no.stdout_bytes == b"boolean\r\nfalse\r\n"  # SPARQL CSV results use CRLF
    result = invoke(
        "CONSTRUCT { ?p a kg:Podcast ; rdfs:label ?l } WHERE { ?p a kg:Podcast ; rdfs:label ?l }",
        "-g",
        str(query_turtle),
    )
    assert result.exit_code == 0, result.output
    triples = list(ox.parse(result.output.encode(), format=ox.RdfFormat.TURTLE))
    assert sorted(t.object.value for t in triples if isinstance(t.object, ox.Literal)) == [
        "Frontier Notes",
        "Signal Hour",
    ]


def test_list_names_every_query_and_its_parameters():
    result = invoke("--list")
    assert result.exit_code == 0
    assert "organizations-by-episodes" in result.output
    assert "--param podcast=" in result.output


def test_syntax_error_gives_line_column_and_hint_without_traceback(query_turtle):
    result = invoke("SELECT ?s\nWHERE { ?s ?p ?o . FILTER(?o > ) }", "-g", str(query_turtle))
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    message = result.output.strip()
    assert "\n" not in message and "Traceback" not in message
    assert "SPARQL syntax error at line 2, column" in message
    assert "Hint:" in message


def test_undeclared_prefix_hint(query_turtle):
    result = invoke("SELECT * WHERE { ?s foaf:name ?o }", "-g", str(query_turtle))
    assert result.exit_code == 2
    assert "undeclared prefix" in result.output and "declare it with PREFIX" in result.output


def test_user_mistakes_exit_2_with_one_line(query_turtle, tmp_path):
    cases = [
        (
            ["-n", "no-such-query", "-g", str(query_turtle)],
            "no shipped query named 'no-such-query'",
        ),
        ([ORGS, "-g", str(tmp_path / "missing.ttl")], "graph file not found"),
        ([ORGS, "-g", str(tmp_path / "graph.csv")], "unknown graph file extension"),
        ([f"@{tmp_path / 'missing.rq'}", "-g", str(query_turtle)], "cannot read query file"),
        (
            ["-n", "person-claims", "-p", "person", "-g", str(query_turtle)],
            "--param expects NAME=VALUE",
        ),
        (["-n", "person-claims", "-p", "nobody=x", "-g", str(query_turtle)], "no variable ?nobody"),
        ([], "give a QUERY"),
    ]
    for arguments, expected in cases:
        result = invoke(*arguments)
        assert result.exit_code == 2, (arguments, result.output)
        assert expected in result.output, (arguments, result.output)
        assert len(result.output.strip().splitlines()) == 1


def test_broken_graph_file_names_file_and_line(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text('<https://a.example/s> <https://a.example/p> "ok" .\n<s> <p> "unterminated .\n')
    result = invoke(ORGS, "-g", str(broken))
    assert result.exit_code == 2
    assert f"{broken}:2: not valid RDF" in result.output


def test_a_param_that_names_nothing_gets_a_hint_on_stderr(query_turtle):
    result = invoke("-n", "contrarian-mentions", "-p", "organization=helios robotcs", "-g", str(query_turtle))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "(0 rows)"
    assert result.stderr == (
        "kgraph: no rows: no organization is named 'helios robotcs' (did you mean 'Helios Robotics'?)\n"
    )


def test_no_hint_when_the_name_is_in_the_graph(query_turtle):
    # Quanta Bank exists but no contrarian perspective mentions it: an empty answer, no hint.
    result = invoke("-n", "contrarian-mentions", "-p", "organization=quanta bank", "-g", str(query_turtle))
    assert result.exit_code == 0 and result.stdout.splitlines()[-1] == "(0 rows)"
    assert result.stderr == ""
    found = invoke("-n", "person-claims", "-p", "person=tom okafor", "-g", str(query_turtle))
    assert "Nobody buys a robot" in found.stdout and found.stderr == ""
