"""One table per node kind: what every stage needs to know about a kind of node, in one place.

A kind's `name` is the node's `type` in `kg.nx`, its count key in report.json, its class on the
page and its label in a property graph; `rdf_class` is its class in the public vocabulary. The
entity kinds (people, organizations, products) also name the extraction's `EntityKind`. Adding a
kind is a row here, its model type and its vocabulary term; the stages read the table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kgraph.extract.results import EntityKind
from kgraph.model import (
    Claim,
    Episode,
    Insight,
    InsightKind,
    Mention,
    Node,
    Organization,
    Person,
    Podcast,
    Product,
)
from kgraph.prefixes import expand

if TYPE_CHECKING:  # the build reads `class_iri`: it never loads rdflib
    from rdflib import URIRef

Columns = tuple[tuple[str, str], ...]  # (column, type) in neo4j-admin import types ("string[]": list of text)


@dataclass(frozen=True)
class PageStyle:
    """How the kind looks on the page: legend name, colour, vis-network shape, drawn by default."""

    legend: str
    color: str
    shape: str
    shown: bool = True


@dataclass(frozen=True)
class NodeKind:
    name: str  # kg.nx `type`, report count key, page class, property-graph label
    model_type: type[Node]
    class_iri: str  # its class in the public vocabulary (`kgraph.vocab`), as a plain IRI
    columns: Columns  # property-graph columns besides iri and label
    style: PageStyle | None = None  # None: never drawn
    corpus_level: bool = False  # one node across documents (entities graph); grows with its episodes on the page
    entity: EntityKind | None = None  # the Companies / People entries that make it
    insight: InsightKind | None = None  # for the four insight kinds, which

    @property
    def rdf_class(self) -> URIRef:
        """The class as an rdflib term (`kgraph.vocab`'s)."""
        from rdflib import URIRef

        return URIRef(self.class_iri)


_NAMED: Columns = (("aliases", "string[]"), ("description", "string"))
_INSIGHT: Columns = (("text", "string"), ("rank", "int"))
_INSIGHT_STYLES = {
    InsightKind.KEY_THEME: PageStyle("Key theme", "#ff7f00", "triangle"),
    InsightKind.CONTRARIAN_PERSPECTIVE: PageStyle("Contrarian perspective", "#b15928", "triangleDown"),
    InsightKind.OPERATING_INSIGHT: PageStyle("Operating insight", "#d4a017", "hexagon"),
    InsightKind.OVERLOOKED_INSIGHT: PageStyle("Overlooked insight", "#9e6ebd", "hexagon"),
}

KINDS: tuple[NodeKind, ...] = (
    NodeKind(
        "Podcast",
        Podcast,
        expand("kg:Podcast"),
        (("aliases", "string[]"),),
        PageStyle("Podcast", "#6a3d9a", "star"),
        corpus_level=True,
    ),
    NodeKind(
        "Episode",
        Episode,
        expand("kg:Episode"),
        (
            ("aliases", "string[]"),
            ("date", "date"),
            ("url", "string"),
            ("source_kind", "string"),
            ("source_file", "string"),
        ),
        PageStyle("Episode", "#1f78b4", "square"),
    ),
    NodeKind(
        "Person",
        Person,
        expand("kg:Person"),
        _NAMED,
        PageStyle("Person", "#e31a1c", "dot"),
        corpus_level=True,
        entity=EntityKind.PERSON,
    ),
    NodeKind(
        "Organization",
        Organization,
        expand("kg:Organization"),
        _NAMED,
        PageStyle("Organization", "#33a02c", "diamond"),
        corpus_level=True,
        entity=EntityKind.ORGANIZATION,
    ),
    NodeKind(
        "Product",
        Product,
        expand("kg:Product"),
        _NAMED,
        PageStyle("Product", "#17becf", "square"),
        corpus_level=True,
        entity=EntityKind.PRODUCT,
    ),
    *(
        NodeKind(kind.value, Insight, expand(f"kg:{kind.value}"), _INSIGHT, _INSIGHT_STYLES[kind], insight=kind)
        for kind in InsightKind
    ),
    NodeKind(
        "Claim",
        Claim,
        expand("kg:Claim"),
        (("text", "string"), ("timestamp", "string"), ("seconds", "int")),
        PageStyle("Claim (quote)", "#7fa7c9", "dot", shown=False),
    ),
    NodeKind("Mention", Mention, expand("kg:Mention"), (("description", "string"), ("why_mentioned", "string"))),
)

KIND_BY_NAME: dict[str, NodeKind] = {kind.name: kind for kind in KINDS}
_BY_TYPE: dict[type[Node], NodeKind] = {kind.model_type: kind for kind in KINDS if kind.insight is None}
_BY_INSIGHT: dict[InsightKind, NodeKind] = {kind.insight: kind for kind in KINDS if kind.insight is not None}
ENTITY_KINDS: tuple[NodeKind, ...] = tuple(kind for kind in KINDS if kind.entity is not None)
KIND_BY_ENTITY: dict[EntityKind, NodeKind] = {kind.entity: kind for kind in ENTITY_KINDS if kind.entity}
CORPUS_LEVEL: frozenset[str] = frozenset(kind.name for kind in KINDS if kind.corpus_level)


def kind_of(node: Node) -> NodeKind:
    """The table row of a model node."""
    if isinstance(node, Insight):
        return _BY_INSIGHT[node.kind]
    return _BY_TYPE[type(node)]


def count_nodes(nodes: Iterable[Node]) -> dict[str, int]:
    """Nodes per kind, every kind listed, in table order."""
    counts = dict.fromkeys((kind.name for kind in KINDS), 0)
    for node in nodes:
        counts[kind_of(node).name] += 1
    return counts
