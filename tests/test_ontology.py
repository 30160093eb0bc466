"""ontology/ and kgraph/vocab.py stay in step; Turtle reads the same in rdflib and pyoxigraph."""

from __future__ import annotations

import json

import pyoxigraph as ox
import rdflib
from rdflib import OWL, RDF, RDFS

from kgraph import vocab
from kgraph.model import Grounding, SpeakerEvidence
from kgraph.ontology import CONTEXT, ONTOLOGY, ontology_file


def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_file(ONTOLOGY), format="turtle")


def declared(graph: rdflib.Graph, kind: rdflib.URIRef) -> set[rdflib.URIRef]:
    return {s for s in graph.subjects(RDF.type, kind) if str(s).startswith(str(vocab.KG))}


def test_every_vocab_term_is_declared_with_its_kind_and_vice_versa():
    graph = ontology()
    assert declared(graph, OWL.Class) == set(vocab.CLASSES)
    assert declared(graph, OWL.ObjectProperty) == set(vocab.OBJECT_PROPERTIES)
    assert declared(graph, OWL.DatatypeProperty) == set(vocab.DATATYPE_PROPERTIES)
    assert declared(graph, OWL.NamedIndividual) == set(vocab.INDIVIDUALS)
    used_in_subject_position = {s for s in graph.subjects() if str(s).startswith(str(vocab.KG))}
    every_term = vocab.CLASSES + vocab.OBJECT_PROPERTIES + vocab.DATATYPE_PROPERTIES + vocab.INDIVIDUALS
    assert used_in_subject_position == set(every_term)


def test_the_grounding_individuals_are_the_models_values():
    graph = ontology()
    groundings = {vocab.KG[member.value] for member in Grounding}
    evidence = {vocab.KG[member.value] for member in SpeakerEvidence}
    assert set(graph.subjects(RDF.type, vocab.GROUNDING)) == groundings
    assert set(graph.subjects(RDF.type, vocab.SPEAKER_EVIDENCE_KIND)) == evidence
    assert groundings | evidence == set(vocab.INDIVIDUALS)


def test_every_term_has_a_label_a_comment_and_properties_a_domain_and_range():
    graph = ontology()
    for term in vocab.CLASSES + vocab.OBJECT_PROPERTIES + vocab.DATATYPE_PROPERTIES:
        assert graph.value(term, RDFS.label) is not None, term
        assert graph.value(term, RDFS.comment) is not None, term
    for term in vocab.OBJECT_PROPERTIES + vocab.DATATYPE_PROPERTIES:
        assert graph.value(term, RDFS.domain) is not None, term
        assert graph.value(term, RDFS.range) is not None, term


def test_classes_align_with_schema_org_and_the_insight_hierarchy():
    graph = ontology()
    assert (vocab.PODCAST, RDFS.subClassOf, vocab.SCHEMA.PodcastSeries) in graph
    assert (vocab.EPISODE, RDFS.subClassOf, vocab.SCHEMA.PodcastEpisode) in graph
    assert (vocab.CLAIM, RDFS.subClassOf, vocab.SCHEMA.Claim) in graph
    for kind in vocab.INSIGHT_CLASSES:
        assert (kind, RDFS.subClassOf, vocab.INSIGHT) in graph
    assert (vocab.PRODUCT, RDFS.subClassOf, vocab.SCHEMA.Product) in graph
    assert (vocab.MADE_BY, RDFS.domain, vocab.PRODUCT) in graph
    assert (vocab.MADE_BY, RDFS.range, vocab.ORGANIZATION) in graph


def test_every_kind_of_node_has_its_class_declared_and_a_shape_for_its_label():
    from kgraph.kinds import KINDS

    graph = ontology()
    shapes = rdflib.Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    labelled = set(shapes.objects(rdflib.URIRef("https://w3id.org/kgraph/shapes#LabelShape"), sh.targetClass))
    for kind in KINDS:
        assert (kind.rdf_class, RDF.type, OWL.Class) in graph, kind.name
        assert kind.rdf_class in vocab.CLASSES, kind.name
        assert kind.rdf_class in labelled or (kind.rdf_class, RDFS.subClassOf, vocab.INSIGHT) in graph, kind.name


def test_jsonld_context_names_every_vocab_term():
    context = json.loads(ontology_file(CONTEXT).read_text(encoding="utf-8"))["@context"]
    expanded = set()
    for definition in context.values():
        iri = definition if isinstance(definition, str) else definition["@id"]
        prefix, _, local = iri.partition(":")
        expanded.add(context[prefix] + local if prefix in context and isinstance(context[prefix], str) else iri)
    every_term = vocab.CLASSES + vocab.OBJECT_PROPERTIES + vocab.DATATYPE_PROPERTIES + vocab.INDIVIDUALS
    assert {str(term) for term in every_term} <= expanded


def test_turtle_output_has_the_same_triple_count_in_rdflib_and_pyoxigraph(seed_graph, tmp_path):
    path = seed_graph.write(tmp_path, ("turtle",))[0]
    in_rdflib = len(rdflib.Graph().parse(path, format="turtle"))
    in_oxigraph = len(set(ox.parse(path=path, format=ox.RdfFormat.TURTLE)))
    assert in_rdflib == in_oxigraph == seed_graph.report.triples > 100


def test_the_plain_prefix_table_names_the_vocabularys_namespaces():
    from kgraph.prefixes import PREFIXES
    from kgraph.vocab import NAMESPACES

    assert {prefix: str(namespace) for prefix, namespace in NAMESPACES.items()} == PREFIXES
