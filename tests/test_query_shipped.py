"""Each shipped query against the fixture corpus, whose answers are known by construction."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kgraph.outputs.read import load_store
from kgraph.query import run_query, shipped_queries, shipped_query

ALT_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
HELIOS = "https://w3id.org/kgraph/id/org/helios-robotics"


def run(name: str, graph: Path, **parameters: str):
    return run_query(shipped_query(name).text, graph=graph, parameters=parameters)


def test_every_shipped_query_is_documented_and_listed():
    names = {query.name for query in shipped_queries()}
    assert names == {
        "organizations-by-episodes",
        "person-claims",
        "people-on-several-podcasts",
        "contrarian-mentions",
        "co-mentioned-organizations",
        "podcast-guests",
        "unverified-quotes",
    }
    for query in shipped_queries():
        assert len(query.description) > 20, query.name
        for parameter in query.parameters:
            assert f"${parameter}" in query.text, (query.name, parameter)


def test_organizations_by_episodes(query_turtle):
    result = run("organizations-by-episodes", query_turtle)
    rows = list(zip(result.column("name"), result.column("episodes"), strict=True))
    assert rows == [
        ("Helios Robotics", "3"),
        ("Quanta Bank", "2"),
        ("Vellum Labs", "2"),
        ("Orbit Foods", "1"),
    ]


def test_person_claims_for_one_person(query_turtle):
    result = run("person-claims", query_turtle, person="Maya Lindqvist")
    assert result.column("quote") == [
        "Every robot we ship has to earn its keep on the night shift before anyone calls it a success.",
        "The lenders finally understand that a robot is collateral, not a science project.",
        "The same scheduling tricks that run a warehouse will run a wet lab.",
    ]
    assert result.column("date") == ["2025-01-10", "2025-01-10", "2025-02-01"]
    assert result.column("timestamp") == ["00:04:12", "00:15:40", "00:09:50"]
    assert result.column("title")[2] == "Frontier Notes: Lab Automation with Maya Lindqvist and Leo Brandt"


def test_person_claims_keeps_speakers_apart(query_turtle):
    # Tom Okafor's push-back sits in an item about Maya's claim: it must stay his.
    assert run("person-claims", query_turtle, person="Tom Okafor").column("quote") == [
        "Nobody buys a robot to watch it wait."
    ]
    everyone = run("person-claims", query_turtle)
    assert len(everyone.rows) == 9
    assert sorted(set(everyone.column("speaker"))) == [
        "Ines Duarte",
        "Leo Brandt",
        "Maya Lindqvist",
        "Ravi Menon",
        "Tom Okafor",
    ]


def test_people_on_several_podcasts(query_turtle):
    result = run("people-on-several-podcasts", query_turtle)
    assert [(r["name"].value, r["podcasts"].value, r["episodes"].value) for r in result.rows] == [
        ("Maya Lindqvist", "2", "2")
    ]


def test_contrarian_perspectives_mentioning_an_organization(query_turtle):
    result = run("contrarian-mentions", query_turtle, organization="Helios Robotics")
    assert result.column("perspective") == ["Slower Robots Win", "Automation Arrives Last in Food"]
    assert result.column("date") == ["2025-01-10", "2025-03-21"]
    assert run("contrarian-mentions", query_turtle, organization="Quanta Bank").rows == []


@pytest.mark.parametrize(
    ("name", "parameter", "exact", "other_case"),
    [
        ("person-claims", "person", "Maya Lindqvist", "maya LINDQVIST"),
        ("contrarian-mentions", "organization", "Helios Robotics", "HELIOS robotics"),
        ("podcast-guests", "podcast", "Signal Hour", "signal hour"),
    ],
)
def test_parameters_match_the_label_in_any_case(name, parameter, exact, other_case, query_turtle):
    expected = run(name, query_turtle, **{parameter: exact}).rows
    assert expected
    assert run(name, query_turtle, **{parameter: other_case}).rows == expected
    # a part of the name is no match: the parameter names one thing
    assert run(name, query_turtle, **{parameter: exact.split()[0]}).rows == []


def test_parameters_match_an_alias_and_show_the_label(query_turtle):
    store = load_store(query_turtle)
    store.add(ox.Quad(ox.NamedNode(HELIOS), ALT_LABEL, ox.Literal("Helios")))
    by_label = run_query(
        shipped_query("contrarian-mentions").text, store=store, parameters={"organization": "Helios Robotics"}
    )
    by_alias = run_query(shipped_query("contrarian-mentions").text, store=store, parameters={"organization": "helios"})
    assert by_alias.rows == by_label.rows
    assert set(by_alias.column("name")) == {"Helios Robotics"}


def test_a_parameter_can_be_the_iri(query_turtle):
    by_iri = run("contrarian-mentions", query_turtle, organization=f"<{HELIOS}>")
    assert by_iri.rows == run("contrarian-mentions", query_turtle, organization="Helios Robotics").rows


def test_co_mentioned_organizations(query_turtle):
    result = run("co-mentioned-organizations", query_turtle)
    assert [(r["first"].value, r["second"].value, r["episodes"].value) for r in result.rows] == [
        ("Helios Robotics", "Quanta Bank", "2")
    ]


def test_podcast_guests_over_time_leave_the_host_out(query_turtle):
    result = run("podcast-guests", query_turtle, podcast="Signal Hour")
    assert list(zip(result.column("date"), result.column("guest"), strict=True)) == [
        ("2025-01-10", "Maya Lindqvist"),
        ("2025-02-14", "Ravi Menon"),
        ("2025-03-21", "Ines Duarte"),
    ]
    small_show = run("podcast-guests", query_turtle, podcast="Frontier Notes")
    assert small_show.column("guest") == [
        "Leo Brandt",
        "Maya Lindqvist",
    ]  # too few episodes to call a host


@pytest.mark.parametrize("name", [query.name for query in shipped_queries()])
def test_shipped_queries_agree_on_every_graph_file_format(name, query_graph, tmp_path):
    paths = query_graph.write(tmp_path, ("turtle", "ntriples", "nquads", "trig"))[:4]
    answers = [run_query(shipped_query(name).text, graph=path).rows for path in paths]
    assert answers[0] and all(answer == answers[0] for answer in answers)
