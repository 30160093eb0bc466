"""Map the resolved model to RDF quads with the public vocabulary.

Quads are pyoxigraph terms because building and serializing them is 3-90x faster than rdflib
(MEASURED.md); `to_rdflib` gives the same statements as an rdflib graph for library users."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
import rdflib
from rdflib import RDF, RDFS, SKOS, XSD
from rdflib.namespace import PROV

from kgraph import vocab
from kgraph.model import Claim, Episode, Insight, KnowledgeModel, Mention, Organization, Person, Podcast

_nodes: dict[str, ox.NamedNode] = {}


def _term(iri: str) -> ox.NamedNode:
    node = _nodes.get(iri)
    if node is None:
        node = _nodes[iri] = ox.NamedNode(iri)
    return node


A = _term(str(RDF.type))
LABEL = _term(str(RDFS.label))
ALT_LABEL = _term(str(SKOS.altLabel))
DERIVED_FROM = _term(str(PROV.wasDerivedFrom))
XSD_DATE = _term(str(XSD.date))
XSD_INTEGER = _term(str(XSD.integer))
XSD_ANY_URI = _term(str(XSD.anyURI))


def entities_graph(base_iri: str) -> str:
    """Named graph for corpus-level nodes (podcasts, people, organizations)."""
    return f"{base_iri}graph/entities"


class _Emitter:
    def __init__(self, graph: str):
        self.graph = _term(graph)
        self.quads: list[ox.Quad] = []

    def iri(self, subject: str, predicate: rdflib.URIRef, obj: str | None) -> None:
        if obj:
            self.quads.append(ox.Quad(_term(subject), _term(str(predicate)), _term(obj), self.graph))

    def text(self, subject: str, predicate: rdflib.URIRef, value: str | None) -> None:
        if value:
            self.quads.append(ox.Quad(_term(subject), _term(str(predicate)), ox.Literal(value), self.graph))

    def typed(self, subject: str, predicate: rdflib.URIRef, value: object, datatype: ox.NamedNode) -> None:
        if value is not None:
            literal = ox.Literal(str(value), datatype=datatype)
            self.quads.append(ox.Quad(_term(subject), _term(str(predicate)), literal, self.graph))

    def node(self, node_iri: str, rdf_class: rdflib.URIRef, label: str, alt_labels: Iterable[str] = ()) -> None:
        self.quads.append(ox.Quad(_term(node_iri), A, _term(str(rdf_class)), self.graph))
        self.quads.append(ox.Quad(_term(node_iri), LABEL, ox.Literal(label), self.graph))
        for alt in alt_labels:
            self.quads.append(ox.Quad(_term(node_iri), ALT_LABEL, ox.Literal(alt), self.graph))


def _podcast(out: _Emitter, podcast: Podcast) -> None:
    out.node(podcast.iri, vocab.PODCAST, podcast.label, podcast.alt_labels)


def _person(out: _Emitter, person: Person) -> None:
    out.node(person.iri, vocab.PERSON, person.label, person.alt_labels)
    out.text(person.iri, vocab.SCHEMA.description, person.description)
    for organization in person.affiliations:
        out.iri(person.iri, vocab.AFFILIATION, organization)


def _organization(out: _Emitter, organization: Organization) -> None:
    out.node(organization.iri, vocab.ORGANIZATION, organization.label, organization.alt_labels)
    out.text(organization.iri, vocab.SCHEMA.description, organization.description)


def _episode(out: _Emitter, episode: Episode) -> None:
    e = episode.iri
    out.node(e, vocab.EPISODE, episode.label, episode.alt_labels)
    out.iri(e, vocab.PODCAST_OF, episode.podcast)
    out.typed(e, vocab.SCHEMA.datePublished, episode.date, XSD_DATE)
    for url in episode.urls:
        out.typed(e, vocab.SCHEMA.url, url, XSD_ANY_URI)
    out.text(e, vocab.VIDEO_ID, episode.video_id)
    out.text(e, vocab.REGION, episode.region)
    out.text(e, vocab.SOURCE_KIND, episode.source_kind)
    for source_file in episode.source_files:
        out.text(e, vocab.SOURCE_FILE, source_file)
    out.text(e, vocab.ARXIV_ID, episode.arxiv_id)
    for warning in episode.warnings:
        out.text(e, vocab.WARNING, warning)
    for person in episode.participants:
        out.iri(e, vocab.PARTICIPANT, person)
    for entity in episode.mentions:
        out.iri(e, vocab.MENTIONS, entity)


def _insight(out: _Emitter, insight: Insight) -> None:
    i = insight.iri
    out.node(i, vocab.KG[insight.kind.value], insight.label)
    out.iri(insight.episode, vocab.INSIGHT_OF, i)
    out.typed(i, vocab.RANK, insight.rank, XSD_INTEGER)
    out.text(i, vocab.SCHEMA.text, insight.text)
    for entity in insight.mentions:
        out.iri(i, vocab.MENTIONS, entity)
    out.iri(i, PROV.wasDerivedFrom, insight.episode)


def _claim(out: _Emitter, claim: Claim) -> None:
    c = claim.iri
    out.node(c, vocab.CLAIM, claim.label)
    out.text(c, vocab.SCHEMA.text, claim.text)
    out.iri(c, vocab.EPISODE_OF, claim.episode)
    out.iri(c, vocab.SPEAKER, claim.speaker)
    out.iri(c, vocab.ABOUT, claim.about)
    out.text(c, vocab.TIMESTAMP, claim.timestamp)
    out.typed(c, vocab.SECONDS, claim.seconds, XSD_INTEGER)
    for entity in claim.mentions:
        out.iri(c, vocab.MENTIONS, entity)
    out.iri(c, PROV.wasDerivedFrom, claim.episode)


def _mention(out: _Emitter, mention: Mention) -> None:
    m = mention.iri
    out.node(m, vocab.MENTION, mention.label)
    out.iri(m, vocab.EPISODE_OF, mention.episode)
    out.iri(m, vocab.ENTITY, mention.entity)
    out.text(m, vocab.SCHEMA.description, mention.description)
    out.text(m, vocab.WHY_MENTIONED, mention.why_mentioned)
    out.iri(m, PROV.wasDerivedFrom, mention.episode)


def quads(model: KnowledgeModel) -> list[ox.Quad]:
    """Every statement of the model, one named graph per episode plus one for shared entities,
    sorted so that any serialization of them is byte-stable."""
    shared = _Emitter(entities_graph(model.base_iri))
    for podcast in model.podcasts:
        _podcast(shared, podcast)
    for person in model.people:
        _person(shared, person)
    for organization in model.organizations:
        _organization(shared, organization)
    per_episode = {episode.iri: _Emitter(episode.graph) for episode in model.episodes}
    for episode in model.episodes:
        _episode(per_episode[episode.iri], episode)
    for insight in model.insights:
        _insight(per_episode[insight.episode], insight)
    for claim in model.claims:
        _claim(per_episode[claim.episode], claim)
    for mention in model.mentions:
        _mention(per_episode[mention.episode], mention)
    # Sorted by graph, then statement. One graph's sort keys at a time: sorting all quads at once
    # held a 4-string key per quad, gigabytes at 10,000 documents.
    result: list[ox.Quad] = []
    for emitter in sorted([shared, *per_episode.values()], key=lambda emitter: emitter.graph.value):
        result.extend(sorted(set(emitter.quads), key=_sort_key))
        emitter.quads.clear()
    return result


def _sort_key(quad: ox.Quad) -> tuple[str, str, str]:
    return (quad.subject.value, quad.predicate.value, str(quad.object))


def triples(all_quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    """The default-graph view: named graphs dropped, duplicates removed, order kept."""
    seen: set[ox.Triple] = set()
    result = []
    for quad in all_quads:
        triple = quad.triple
        if triple not in seen:
            seen.add(triple)
            result.append(triple)
    return result


def to_rdflib(all_quads: Iterable[ox.Quad]) -> rdflib.Graph:
    """The same statements as an rdflib Graph (default-graph view), for library users."""
    graph = rdflib.Graph()
    for prefix, namespace in vocab.PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    data = ox.serialize(triples(all_quads), format=ox.RdfFormat.N_TRIPLES)
    graph.parse(data=data, format="nt")
    return graph


def iter_object_edges(all_quads: Iterable[ox.Quad]) -> Iterator[tuple[str, str, str]]:
    """(subject, predicate, object) for every statement whose object is a node, minus rdf:type."""
    type_iri = str(RDF.type)
    for quad in all_quads:
        if isinstance(quad.object, ox.NamedNode) and quad.predicate.value != type_iri:
            yield quad.subject.value, quad.predicate.value, quad.object.value
