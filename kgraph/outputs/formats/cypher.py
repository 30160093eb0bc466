"""A Cypher script that recreates the graph in Neo4j (`cypher-shell -f graph.cypher`): uniqueness
constraints first (so each MATCH is an index lookup), then nodes, then relationships.
Plain openCypher statements, one per line, so other Cypher engines (Kuzu) can run them too."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.outputs.formats import register
from kgraph.outputs.formats.atomic import write_text
from kgraph.outputs.property_graph import node_tables, relationship_tables

if TYPE_CHECKING:
    from kgraph.outputs.formats import GraphData

_ESCAPES = str.maketrans({"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def cypher_string(text: str) -> str:
    return "'" + text.translate(_ESCAPES) + "'"


def cypher_value(value: str | int | list[str], kind: str) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(cypher_string(item) for item in value) + "]"
    if kind == "int":
        return str(int(value))
    if kind == "date":
        return f"date({cypher_string(str(value))})"
    return cypher_string(str(value))


def cypher_script(kg: GraphData) -> str:
    nodes, relationships = node_tables(kg.nx), relationship_tables(kg.nx)
    labels = {iri: table.label for table in nodes for iri, *_ in table.rows}
    lines = [
        "// kgraph: the knowledge graph as Cypher. Run: cypher-shell -f graph.cypher",
        "// schema",
    ]
    lines += [
        f"CREATE CONSTRAINT {table.label.lower()}_iri IF NOT EXISTS FOR (n:{table.label}) REQUIRE n.iri IS UNIQUE;"
        for table in nodes
    ]
    lines.append("// nodes")
    for table in nodes:
        for row in table.rows:
            properties = ", ".join(
                f"{column}: {cypher_value(value, kind)}"
                for (column, kind), value in zip(table.columns, row, strict=True)
                if value is not None and value != []
            )
            lines.append(f"CREATE (:{table.label} {{{properties}}});")
    lines.append("// relationships")
    for relationship in relationships:
        for start, end in relationship.rows:
            lines.append(
                f"MATCH (a:{labels[start]} {{iri: {cypher_string(start)}}}), "
                f"(b:{labels[end]} {{iri: {cypher_string(end)}}}) CREATE (a)-[:{relationship.type}]->(b);"
            )
    return "\n".join(lines) + "\n"


@register("cypher", ".cypher", "Cypher script for Neo4j (constraints, nodes, relationships)")
def write_cypher(kg: GraphData, path: Path) -> None:
    write_text(path, cypher_script(kg))
