"""Load the property-graph exports into a real embedded Cypher database (Kuzu) and check that
Cypher answers "organizations by episodes" exactly as SPARQL does.

Kuzu rather than its fork ladybug: ladybug 0.22 returned wrong groups for a two-pattern MATCH
in our measurements (spec/MEASURED.md); kuzu 0.11.3 answered correctly. This test is the guard."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

import kgraph
from kgraph.api import KnowledgeGraph
from kgraph.outputs.formats import get_format
from kgraph.outputs.property_graph import KEY_COLUMNS, NODE_COLUMNS
from kgraph.outputs.read import load_store
from kgraph.query import run_query, shipped_query
from tests.conftest import CORPUS

pytestmark = pytest.mark.slow  # a second store, worker processes or a database per test

kuzu = pytest.importorskip("kuzu")

KUZU_TYPES = {"string": "STRING", "int": "INT64", "date": "DATE", "string[]": "STRING[]"}
ORGANIZATIONS_BY_EPISODES = """
MATCH (e:Episode)-[:MENTIONS]->(o:Organization)
RETURN o.iri AS organization, o.label AS name, COUNT(DISTINCT e) AS episodes
ORDER BY episodes DESC, name, organization
"""


def create_node_tables(connection, list_type: str) -> None:
    for label, columns in NODE_COLUMNS.items():
        typed = [
            f"{name} {list_type if kind == 'string[]' else KUZU_TYPES[kind]}" for name, kind in KEY_COLUMNS + columns
        ]
        connection.execute(f"CREATE NODE TABLE {label}({', '.join(typed)}, PRIMARY KEY(iri))")


def create_relationship_tables(connection, pairs: dict[str, list[tuple[str, str]]]) -> None:
    for kind, ends in sorted(pairs.items()):
        connection.execute(f"CREATE REL TABLE {kind}({', '.join(f'FROM {a} TO {b}' for a, b in ends)})")


def rows(connection, cypher: str) -> list[tuple]:
    result = connection.execute(cypher)
    found = []
    while result.has_next():
        found.append(tuple(result.get_next()))
    return found


def load_neo4j_folder(folder: Path, database: Path):
    connection = kuzu.Connection(kuzu.Database(str(database)))
    # The files join aliases with ';' (neo4j-admin's array delimiter); kuzu keeps the raw text.
    create_node_tables(connection, "STRING")
    relationship_files = sorted((folder / "relationships").glob("*.csv"))
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path in relationship_files:
        start, kind, end = path.stem.split("-")
        pairs[kind].append((start, end))
    create_relationship_tables(connection, pairs)
    # PARALLEL=false: descriptions and quotes contain quoted newlines.
    for path in sorted((folder / "nodes").glob("*.csv")):
        connection.execute(f"COPY {path.stem} FROM '{path}' (HEADER=true, PARALLEL=false)")
    for path in relationship_files:
        start, kind, end = path.stem.split("-")
        connection.execute(f"COPY {kind} FROM '{path}' (HEADER=true, PARALLEL=false, from='{start}', to='{end}')")
    return connection


def sparql_answer(graph: KnowledgeGraph, tmp_path: Path) -> list[tuple]:
    graph.write(tmp_path, ("turtle",))
    result = run_query(shipped_query("organizations-by-episodes").text, store=load_store(tmp_path / "graph.ttl"))
    return [(row["organization"].value, row["name"].value, int(row["episodes"].value)) for row in result.rows]


def test_neo4j_csv_in_kuzu_answers_like_sparql(query_graph, tmp_path):
    folder = tmp_path / "neo4j"
    get_format("neo4j").writer(query_graph, folder)
    connection = load_neo4j_folder(folder, tmp_path / "kuzu")
    answer = rows(connection, ORGANIZATIONS_BY_EPISODES)
    assert answer == sparql_answer(query_graph, tmp_path)
    assert answer[0][1:] == ("Helios Robotics", 3)
    (count,) = rows(connection, "MATCH (c:Claim) RETURN COUNT(*)")[0]
    assert count == 9


def test_cypher_script_in_kuzu_answers_like_sparql(query_graph, tmp_path):
    path = tmp_path / "graph.cypher"
    get_format("cypher").writer(query_graph, path)
    connection = kuzu.Connection(kuzu.Database(str(tmp_path / "kuzu")))
    create_node_tables(connection, "STRING[]")
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    statements = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith(("//", "CREATE CONSTRAINT"))
    ]  # Neo4j-only schema lines
    for line in statements:
        if line.startswith("MATCH"):
            start, end = line.split("(a:")[1].split(" ")[0], line.split("(b:")[1].split(" ")[0]
            kind = line.split("[:")[1].split("]")[0]
            if (start, end) not in pairs[kind]:
                pairs[kind].append((start, end))
    create_relationship_tables(connection, pairs)
    for line in statements:
        connection.execute(line)
    assert rows(connection, ORGANIZATIONS_BY_EPISODES) == sparql_answer(query_graph, tmp_path)
    maya = rows(
        connection,
        "MATCH (c:Claim)-[:SPOKEN_BY]->(p:Person {label: 'Maya Lindqvist'}) "
        "RETURN c.text, c.seconds ORDER BY c.seconds",
    )
    assert maya[0] == (
        "Every robot we ship has to earn its keep on the night shift before anyone calls it a success.",
        252,
    )


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_neo4j_csv_in_kuzu_answers_like_sparql_on_the_real_corpus(tmp_path):
    graph = kgraph.build(CORPUS)
    folder = tmp_path / "neo4j"
    get_format("neo4j").writer(graph, folder)
    connection = load_neo4j_folder(folder, tmp_path / "kuzu")
    answer = rows(connection, ORGANIZATIONS_BY_EPISODES)
    assert len(answer) > 100
    assert answer == sparql_answer(graph, tmp_path)
