"""The graph as labelled nodes and typed relationships, for property-graph databases (Neo4j,
Kuzu): one node table per label with fixed, typed columns, one relationship table per
(type, start label, end label). Read from the NetworkX view, so it agrees with the RDF.

Relationship types are the RDF predicates in UPPER_SNAKE form, renamed where the plain form
would read badly or clash with a node label (Kuzu table names are case-insensitive)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kgraph.kinds import KINDS

if TYPE_CHECKING:  # the graph comes from `kg.nx`: listing the formats loads no networkx
    import networkx as nx

# (column, type) per label, from the table of kinds; types are the neo4j-admin import types
NODE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {kind.name: kind.columns for kind in KINDS}
KEY_COLUMNS = (("iri", "string"), ("label", "string"))

RELATIONSHIP_TYPES: dict[str, str] = {
    "kg:podcast": "IN_PODCAST",
    "kg:participant": "HAS_PARTICIPANT",
    "kg:insight": "HAS_INSIGHT",
    "kg:mentions": "MENTIONS",
    "kg:episode": "IN_EPISODE",
    "kg:speaker": "SPOKEN_BY",
    "kg:about": "ABOUT",
    "kg:affiliation": "AFFILIATED_WITH",
    "kg:entity": "MENTIONS_ENTITY",
    "kg:madeBy": "MADE_BY",
    "prov:wasDerivedFrom": "DERIVED_FROM",
}

Value = str | int | list[str] | None


@dataclass
class NodeTable:
    label: str
    columns: tuple[tuple[str, str], ...]  # including iri and label
    rows: list[tuple[Value, ...]] = field(default_factory=list)


@dataclass
class RelationshipTable:
    type: str
    start: str  # start node label
    end: str
    rows: list[tuple[str, str]] = field(default_factory=list)  # (start iri, end iri)

    @property
    def name(self) -> str:
        return f"{self.start}-{self.type}-{self.end}"


def relationship_type(predicate: str) -> str:
    """`kg:someThing` -> the table's name, or SOME_THING for predicates not listed."""
    if predicate in RELATIONSHIP_TYPES:
        return RELATIONSHIP_TYPES[predicate]
    local = predicate.rpartition(":")[2].rpartition("/")[2].rpartition("#")[2]
    return "".join(f"_{c}" if c.isupper() else c.upper() for c in local).lstrip("_")


def node_tables(graph: nx.MultiDiGraph) -> list[NodeTable]:
    tables = {label: NodeTable(label, KEY_COLUMNS + columns) for label, columns in NODE_COLUMNS.items()}
    for iri in sorted(graph.nodes):
        data = graph.nodes[iri]
        table = tables[data["type"]]
        table.rows.append(tuple(data.get(column, iri if column == "iri" else None) for column, _ in table.columns))
    return [tables[label] for label in NODE_COLUMNS]


def relationship_tables(graph: nx.MultiDiGraph) -> list[RelationshipTable]:
    tables: dict[tuple[str, str, str], RelationshipTable] = {}
    for start, end, predicate in graph.edges(keys=True):
        kind = relationship_type(predicate)
        key = (kind, graph.nodes[start]["type"], graph.nodes[end]["type"])
        tables.setdefault(key, RelationshipTable(*key)).rows.append((start, end))
    for table in tables.values():
        table.rows.sort()
    return [tables[key] for key in sorted(tables)]
