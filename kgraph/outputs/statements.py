"""Map the resolved model to RDF statements with the public vocabulary.

A statement is three strings, `(subject IRI, predicate IRI, object in N-Triples form)`, so the
statements of a named graph sort natively and are unique per graph, with no pyoxigraph object in
the way: building millions of terms one Python call at a time was most of the RDF stage. Each
graph's statements become pyoxigraph terms only through pyoxigraph's own N-Triples parser
(`iter_quads`), and the N-Triples / N-Quads / Turtle (`kgraph.outputs.turtle`) writers write
the text themselves. The parser runs lenient (2.5x faster: no IRI re-validation) because every
IRI here is minted by kgraph from slugs under a base IRI that `kgraph.build` checks; the tests
parse the output strictly.

Every subject's statements live in exactly one named graph (an episode's nodes in the episode's
graph, people, organizations and podcasts in the entities graph), so the default-graph view is the
statements of every graph in turn, without duplicates."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kgraph.kinds import KINDS
from kgraph.model import (
    Claim,
    Episode,
    Grounding,
    Insight,
    KnowledgeModel,
    Mention,
    Node,
    Organization,
    Person,
    Podcast,
    Product,
    SpeakerEvidence,
)
from kgraph.prefixes import PREFIXES, expand

if TYPE_CHECKING:  # `to_rdflib` imports it: the build never loads rdflib
    import rdflib

Statement = tuple[str, str, str]  # subject IRI, predicate IRI, object as written in N-Triples
GraphStatements = tuple[str, list[Statement]]  # named graph IRI, its sorted statements

# Predicates and datatypes as plain strings (`kgraph.vocab`'s terms, a test keeps them in step):
# rdflib terms hash in Python, millions of times here, and importing rdflib costs every build.
A, LABEL, ALT_LABEL, DERIVED_FROM = map(expand, ("rdf:type", "rdfs:label", "skos:altLabel", "prov:wasDerivedFrom"))
DESCRIPTION, TEXT, DATE_PUBLISHED, URL = map(
    expand, ("schema:description", "schema:text", "schema:datePublished", "schema:url")
)
(
    AFFILIATION,
    PODCAST_OF,
    VIDEO_ID,
    REGION,
    SOURCE_KIND,
    SOURCE_FILE,
    ARXIV_ID,
    WARNING,
    PARTICIPANT,
    MENTIONS,
    INSIGHT_OF,
    RANK,
    EPISODE_OF,
    SPEAKER,
    ABOUT,
    TIMESTAMP,
    SECONDS,
    MENTION_ENTITY,
    WHY_MENTIONED,
    MADE_BY,
    GROUNDING_OF,
    SPEAKER_EVIDENCE,
    TRANSCRIPT_SPEAKER,
    TRANSCRIPT_FILE,
    HEARD_AT,
    TRANSCRIPT_LABEL,
    MATCH_SCORE,
    RECORDING_URL,
) = (
    expand(f"kg:{local}")
    for local in (
        "affiliation",
        "podcast",
        "videoId",
        "region",
        "sourceKind",
        "sourceFile",
        "arxivId",
        "warning",
        "participant",
        "mentions",
        "insight",
        "rank",
        "episode",
        "speaker",
        "about",
        "timestamp",
        "seconds",
        "entity",
        "whyMentioned",
        "madeBy",
        "grounding",
        "speakerEvidence",
        "transcriptSpeaker",
        "transcriptFile",
        "heardAt",
        "transcriptLabel",
        "matchScore",
        "recordingUrl",
    )
)
# Each kind's class, from the table of kinds (`kgraph.kinds`).
_CLASS: dict[type[Node], str] = {kind.model_type: kind.class_iri for kind in KINDS if kind.insight is None}
_INSIGHT_CLASS = {kind.insight: kind.class_iri for kind in KINDS if kind.insight is not None}
PODCAST, PERSON, ORGANIZATION, PRODUCT, EPISODE, CLAIM, MENTION = (
    _CLASS[model_type] for model_type in (Podcast, Person, Organization, Product, Episode, Claim, Mention)
)
# The named individuals a claim's grounding and speaker evidence point at (an rdflib lookup each time
# cost more than the rest of a claim's statements)
_VALUE_IRI = {value: expand(f"kg:{value.value}") for value in (*Grounding, *SpeakerEvidence)}
XSD_DATE, XSD_INTEGER, XSD_ANY_URI, XSD_DECIMAL = (
    f"^^<{expand(f'xsd:{name}')}>" for name in ("date", "integer", "anyURI", "decimal")
)

# N-Triples string escapes, exactly as pyoxigraph writes them (tests compare with str(ox.Literal)).
_ESCAPES = {chr(code): f"\\u{code:04X}" for code in (*range(0x20), 0x7F)}
_ESCAPES.update({"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"})
_TO_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')


def _escaped(match: re.Match[str]) -> str:
    return _ESCAPES[match.group()]


def literal(value: str, datatype_suffix: str = "") -> str:
    """A literal in N-Triples form; `datatype_suffix` is `^^<IRI>` (empty for xsd:string)."""
    return f'"{_TO_ESCAPE.sub(_escaped, value)}"{datatype_suffix}'


def entities_graph(base_iri: str) -> str:
    """Named graph for corpus-level nodes (podcasts, people, organizations)."""
    return f"{base_iri}graph/entities"


class _Graph:
    """Collects one named graph's statements."""

    def __init__(self, iri: str):
        self.iri = iri
        self.statements: list[Statement] = []

    def link(self, subject: str, predicate: str, obj: str | None) -> None:
        if obj:
            self.statements.append((subject, predicate, f"<{obj}>"))

    def text(self, subject: str, predicate: str, value: str | None) -> None:
        if value:
            self.statements.append((subject, predicate, literal(value)))

    def typed(self, subject: str, predicate: str, value: object, datatype_suffix: str) -> None:
        if value is not None:
            self.statements.append((subject, predicate, literal(str(value), datatype_suffix)))

    def node(self, node_iri: str, rdf_class: str, label: str, alt_labels: Iterable[str] = ()) -> None:
        self.link(node_iri, A, rdf_class)
        self.text(node_iri, LABEL, label)
        for alt in alt_labels:
            self.text(node_iri, ALT_LABEL, alt)


def _podcast(out: _Graph, podcast: Podcast) -> None:
    out.node(podcast.iri, PODCAST, podcast.label, podcast.alt_labels)


def _person(out: _Graph, person: Person) -> None:
    out.node(person.iri, PERSON, person.label, person.alt_labels)
    out.text(person.iri, DESCRIPTION, person.description)
    for organization in person.affiliations:
        out.link(person.iri, AFFILIATION, organization)


def _organization(out: _Graph, organization: Organization) -> None:
    out.node(organization.iri, ORGANIZATION, organization.label, organization.alt_labels)
    out.text(organization.iri, DESCRIPTION, organization.description)


def _product(out: _Graph, product: Product) -> None:
    out.node(product.iri, PRODUCT, product.label, product.alt_labels)
    out.text(product.iri, DESCRIPTION, product.description)
    for organization in product.made_by:
        out.link(product.iri, MADE_BY, organization)


def _episode(out: _Graph, episode: Episode) -> None:
    e = episode.iri
    out.node(e, EPISODE, episode.label, episode.alt_labels)
    out.link(e, PODCAST_OF, episode.podcast)
    out.typed(e, DATE_PUBLISHED, episode.date, XSD_DATE)
    for url in episode.urls:
        out.typed(e, URL, url, XSD_ANY_URI)
    out.text(e, VIDEO_ID, episode.video_id)
    out.text(e, REGION, episode.region)
    out.text(e, SOURCE_KIND, episode.source_kind)
    for source_file in episode.source_files:
        out.text(e, SOURCE_FILE, source_file)
    out.text(e, ARXIV_ID, episode.arxiv_id)
    for warning in episode.warnings:
        out.text(e, WARNING, warning)
    out.text(e, TRANSCRIPT_FILE, episode.transcript_file)
    for person in episode.participants:
        out.link(e, PARTICIPANT, person)
    for entity in episode.mentions:
        out.link(e, MENTIONS, entity)


def _insight(out: _Graph, insight: Insight) -> None:
    i = insight.iri
    out.node(i, _INSIGHT_CLASS[insight.kind], insight.label)
    out.link(insight.episode, INSIGHT_OF, i)
    out.typed(i, RANK, insight.rank, XSD_INTEGER)
    out.text(i, TEXT, insight.text)
    for entity in insight.mentions:
        out.link(i, MENTIONS, entity)
    out.link(i, DERIVED_FROM, insight.episode)


def _claim(out: _Graph, claim: Claim) -> None:
    c = claim.iri
    out.node(c, CLAIM, claim.label)
    out.text(c, TEXT, claim.text)
    out.link(c, EPISODE_OF, claim.episode)
    out.link(c, SPEAKER, claim.speaker)
    out.link(c, ABOUT, claim.about)
    out.text(c, TIMESTAMP, claim.timestamp)
    out.typed(c, SECONDS, claim.seconds, XSD_INTEGER)
    if claim.grounding is not None:
        out.link(c, GROUNDING_OF, _VALUE_IRI[claim.grounding])
        out.typed(c, HEARD_AT, claim.heard_at, XSD_INTEGER)
        out.text(c, TRANSCRIPT_LABEL, claim.transcript_label)
        out.typed(c, MATCH_SCORE, None if claim.match_score is None else f"{claim.match_score:.1f}", XSD_DECIMAL)
        out.typed(c, RECORDING_URL, claim.recording_url, XSD_ANY_URI)
    if claim.speaker_evidence is not None:
        out.link(c, SPEAKER_EVIDENCE, _VALUE_IRI[claim.speaker_evidence])
    out.link(c, TRANSCRIPT_SPEAKER, claim.transcript_speaker)
    for entity in claim.mentions:
        out.link(c, MENTIONS, entity)
    out.link(c, DERIVED_FROM, claim.episode)


def _mention(out: _Graph, mention: Mention) -> None:
    m = mention.iri
    out.node(m, MENTION, mention.label)
    out.link(m, EPISODE_OF, mention.episode)
    out.link(m, MENTION_ENTITY, mention.entity)
    out.text(m, DESCRIPTION, mention.description)
    out.text(m, WHY_MENTIONED, mention.why_mentioned)
    out.link(m, DERIVED_FROM, mention.episode)


_ENTITY_WRITERS: dict[type[Node], Callable[[_Graph, Any], None]] = {
    Podcast: _podcast,
    Person: _person,
    Organization: _organization,
    Product: _product,
}


def entity_statements(base_iri: str, nodes: Iterable[Node]) -> GraphStatements:
    """The entities graph: the corpus-level nodes (podcasts, people, organizations, products)."""
    shared = _Graph(entities_graph(base_iri))
    for node in nodes:
        _ENTITY_WRITERS[type(node)](shared, node)
    return shared.iri, sorted(set(shared.statements))


def episode_statements(
    episode: Episode, insights: Iterable[Insight], claims: Iterable[Claim], mentions: Iterable[Mention]
) -> GraphStatements:
    """One episode's named graph: the episode, its insights, claims and mentions."""
    out = _Graph(episode.graph)
    _episode(out, episode)
    for insight in insights:
        _insight(out, insight)
    for claim in claims:
        _claim(out, claim)
    for mention in mentions:
        _mention(out, mention)
    return out.iri, sorted(set(out.statements))


def graph_statements(model: KnowledgeModel) -> list[GraphStatements]:
    """Every statement of the model, one named graph per episode plus one for shared entities,
    graphs sorted by IRI and statements sorted within each, so any serialization is byte-stable."""
    nodes = model.nodes_by_episode()
    graphs = [entity_statements(model.base_iri, model.entity_nodes())]
    graphs += [episode_statements(episode, *nodes[episode.iri]) for episode in model.episodes]
    return sorted(graphs, key=lambda graph: graph[0])


def ntriples_lines(statements: Iterable[Statement]) -> Iterator[str]:
    for subject, predicate, obj in statements:
        yield f"<{subject}> <{predicate}> {obj} .\n"


def nquads_lines(graphs: Iterable[GraphStatements]) -> Iterator[str]:
    for graph, statements in graphs:
        for subject, predicate, obj in statements:
            yield f"<{subject}> <{predicate}> {obj} <{graph}> .\n"


def iter_quads(graphs: Iterable[GraphStatements]) -> Iterator[ox.Quad]:
    """The statements as pyoxigraph quads, graph by graph (one graph's text held at a time)."""
    return chain.from_iterable(
        ox.parse("".join(nquads_lines([graph])), format=ox.RdfFormat.N_QUADS, lenient=True) for graph in graphs
    )


def default_graph_quads(graphs: Iterable[GraphStatements]) -> Iterator[ox.Quad]:
    """The default-graph view (named graphs dropped), in the same order, as quads in the default
    graph: what pyoxigraph's Turtle serializer takes straight from its parser."""
    return chain.from_iterable(
        ox.parse("".join(ntriples_lines(statements)), format=ox.RdfFormat.N_TRIPLES, lenient=True)
        for _graph, statements in graphs
    )


def iter_triples(graphs: Iterable[GraphStatements]) -> Iterator[ox.Triple]:
    """The default-graph view as triples."""
    return (quad.triple for quad in default_graph_quads(graphs))


def quads(model: KnowledgeModel) -> list[ox.Quad]:
    """Every statement as a pyoxigraph quad, one named graph per episode, sorted."""
    return list(iter_quads(graph_statements(model)))


def triples(all_quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    """The default-graph view of any quads: named graphs dropped, duplicates removed, order kept."""
    return list(dict.fromkeys(quad.triple for quad in all_quads))


def to_rdflib(all_quads: Iterable[ox.Quad]) -> rdflib.Graph:
    """The same statements as an rdflib Graph (default-graph view), for library users."""
    import rdflib

    graph = rdflib.Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    data = ox.serialize(triples(all_quads), format=ox.RdfFormat.N_TRIPLES)
    graph.parse(data=data, format="nt")
    return graph


# Predicates whose objects are values (named individuals such as kg:Verbatim), not nodes.
VALUE_PREDICATES = frozenset({A, GROUNDING_OF, SPEAKER_EVIDENCE})


def object_edges(graphs: Iterable[GraphStatements]) -> Iterator[tuple[str, str, str]]:
    """(subject, predicate, object) for every statement whose object is a node: not rdf:type, nor
    a value such as kg:grounding's."""
    for _graph, statements in graphs:
        for subject, predicate, obj in statements:
            if obj[0] == "<" and predicate not in VALUE_PREDICATES:
                yield subject, predicate, obj[1:-1]
