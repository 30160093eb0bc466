"""The table of node kinds is what every stage reads: the model's counts, the RDF classes, the
node types of kg.nx, the property-graph labels and the page's styles all follow it."""

from __future__ import annotations

from kgraph.extract.results import EntityKind
from kgraph.kinds import ENTITY_KINDS, KIND_BY_ENTITY, KINDS, count_nodes, kind_of
from kgraph.model import Insight, InsightKind, KnowledgeModel, Organization, Product
from kgraph.outputs import statements as rdf
from kgraph.outputs.html.style import CLASS_STYLES, STYLE_BY_CLASS
from kgraph.outputs.networkx import node_type
from kgraph.outputs.property_graph import NODE_COLUMNS


def test_kind_names_are_unique_and_every_entity_kind_has_a_row() -> None:
    names = [kind.name for kind in KINDS]
    assert len(names) == len(set(names))
    assert set(KIND_BY_ENTITY) == set(EntityKind)
    assert [kind.name for kind in ENTITY_KINDS] == ["Person", "Organization", "Product"]


def test_a_node_finds_its_row_by_type_and_an_insight_by_its_section() -> None:
    product = Product(iri="urn:x:p", label="OrbexChat")
    insight = Insight(iri="urn:x:i", label="t", kind=InsightKind.OVERLOOKED_INSIGHT, episode="urn:x:e", rank=1)
    assert kind_of(product).name == node_type(product) == "Product"
    assert kind_of(insight).name == node_type(insight) == "OverlookedInsight"


def test_counts_list_every_kind_in_table_order() -> None:
    model = KnowledgeModel(
        base_iri="urn:x:",
        organizations=(Organization(iri="urn:x:o", label="Orbex"),),
        products=(Product(iri="urn:x:p", label="OrbexChat"), Product(iri="urn:x:q", label="OrbexCode")),
    )
    counts = model.counts()
    assert list(counts) == [kind.name for kind in KINDS]
    assert counts["Organization"] == 1 and counts["Product"] == 2 and counts["Claim"] == 0
    assert count_nodes([]) == dict.fromkeys(counts, 0)


def test_the_stages_read_the_table() -> None:
    assert list(NODE_COLUMNS) == [kind.name for kind in KINDS]
    assert [style.name for style in CLASS_STYLES] == [kind.name for kind in KINDS if kind.style]
    assert "Mention" not in STYLE_BY_CLASS  # no style: never drawn
    assert {name for name, style in STYLE_BY_CLASS.items() if style.corpus_level} == {
        "Podcast",
        "Person",
        "Organization",
        "Product",
    }
    assert str(kind_of(Product(iri="urn:x:p", label="p")).rdf_class) == rdf.PRODUCT
