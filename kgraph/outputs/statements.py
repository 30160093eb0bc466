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
from itertools import chain, islice
from operator import ne
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
# Classes and those individuals as statements' objects (N-Triples form)
_CLASS_OBJECT = {iri: f"<{iri}>" for iri in (*_CLASS.values(), *_INSIGHT_CLASS.values())}
_INSIGHT_CLASS_OBJECT = {kind: _CLASS_OBJECT[iri] for kind, iri in _INSIGHT_CLASS.items()}
_VALUE_OBJECT = {value: f"<{iri}>" for value, iri in _VALUE_IRI.items()}
_A_CLAIM, _A_MENTION = _CLASS_OBJECT[CLAIM], _CLASS_OBJECT[MENTION]
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
    # A printable string holds no control character: with no quote or backslash either (almost
    # every value), nothing is escaped, and three scans in C cost less than the pattern's one.
    if value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"{datatype_suffix}'
    # Else most hold line breaks, quotes or backslashes, and nothing else to escape: replaced in C
    # (backslashes first), what is left is printable. The pattern's call per match cost more.
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if escaped.isprintable():
        return f'"{escaped}"{datatype_suffix}'
    return f'"{_TO_ESCAPE.sub(_escaped, value)}"{datatype_suffix}'


def entities_graph(base_iri: str) -> str:
    """Named graph for corpus-level nodes (podcasts, people, organizations)."""
    return f"{base_iri}graph/entities"


# -- one writer per kind of node -----------------------------------------------------------------
# Each appends its node's statements through `add` (a list's append), a value's statement only when
# the value is set (truthy; a typed value: not None). Written out field by field, a call per node
# or list of values: a method call per statement was most of the time of making them.
Add = Callable[[Statement], None]


def _labels(add: Add, node_iri: str, rdf_class: str, label: str, alt_labels: Iterable[str] = ()) -> None:
    add((node_iri, A, _CLASS_OBJECT[rdf_class]))
    if label:
        add((node_iri, LABEL, literal(label)))
    for alt in alt_labels:
        if alt:
            add((node_iri, ALT_LABEL, literal(alt)))


def _links(add: Add, subject: str, predicate: str, objects: Iterable[str]) -> None:
    for obj in objects:
        if obj:
            add((subject, predicate, f"<{obj}>"))


def _texts(add: Add, subject: str, predicate: str, values: Iterable[str]) -> None:
    for value in values:
        if value:
            add((subject, predicate, literal(value)))


def _podcast(add: Add, podcast: Podcast) -> None:
    _labels(add, podcast.iri, PODCAST, podcast.label, podcast.alt_labels)


def _person(add: Add, person: Person) -> None:
    p = person.iri
    _labels(add, p, PERSON, person.label, person.alt_labels)
    if person.description:
        add((p, DESCRIPTION, literal(person.description)))
    _links(add, p, AFFILIATION, person.affiliations)


def _organization(add: Add, organization: Organization) -> None:
    _labels(add, organization.iri, ORGANIZATION, organization.label, organization.alt_labels)
    if organization.description:
        add((organization.iri, DESCRIPTION, literal(organization.description)))


def _product(add: Add, product: Product) -> None:
    _labels(add, product.iri, PRODUCT, product.label, product.alt_labels)
    if product.description:
        add((product.iri, DESCRIPTION, literal(product.description)))
    _links(add, product.iri, MADE_BY, product.made_by)


def _episode(add: Add, episode: Episode) -> None:
    e = episode.iri
    _labels(add, e, EPISODE, episode.label, episode.alt_labels)
    if episode.podcast:
        add((e, PODCAST_OF, f"<{episode.podcast}>"))
    if episode.date is not None:
        add((e, DATE_PUBLISHED, literal(str(episode.date), XSD_DATE)))
    for url in episode.urls:
        if url is not None:
            add((e, URL, literal(str(url), XSD_ANY_URI)))
    if episode.video_id:
        add((e, VIDEO_ID, literal(episode.video_id)))
    if episode.region:
        add((e, REGION, literal(episode.region)))
    if episode.source_kind:
        add((e, SOURCE_KIND, literal(episode.source_kind)))
    _texts(add, e, SOURCE_FILE, episode.source_files)
    if episode.arxiv_id:
        add((e, ARXIV_ID, literal(episode.arxiv_id)))
    _texts(add, e, WARNING, episode.warnings)
    if episode.transcript_file:
        add((e, TRANSCRIPT_FILE, literal(episode.transcript_file)))
    _links(add, e, PARTICIPANT, episode.participants)
    _links(add, e, MENTIONS, episode.mentions)


def _insight(add: Add, insight: Insight) -> None:
    i = insight.iri
    episode = f"<{insight.episode}>" if insight.episode else ""
    add((i, A, _INSIGHT_CLASS_OBJECT[insight.kind]))
    if insight.label:
        add((i, LABEL, literal(insight.label)))
    if i:
        add((insight.episode, INSIGHT_OF, f"<{i}>"))  # the episode's statement, made with its insight
    if insight.rank is not None:
        add((i, RANK, f'"{insight.rank}"{XSD_INTEGER}'))  # an int: nothing to escape
    if insight.text:
        add((i, TEXT, literal(insight.text)))
    _links(add, i, MENTIONS, insight.mentions)
    if episode:
        add((i, DERIVED_FROM, episode))


def _claim(add: Add, claim: Claim) -> None:
    c = claim.iri
    add((c, A, _A_CLAIM))
    if claim.label:
        add((c, LABEL, literal(claim.label)))
    if claim.text:
        add((c, TEXT, literal(claim.text)))
    episode = f"<{claim.episode}>" if claim.episode else ""
    if episode:
        add((c, EPISODE_OF, episode))
    if claim.speaker:
        add((c, SPEAKER, f"<{claim.speaker}>"))
    if claim.about:
        add((c, ABOUT, f"<{claim.about}>"))
    if claim.timestamp:
        add((c, TIMESTAMP, literal(claim.timestamp)))
    if claim.seconds is not None:
        add((c, SECONDS, f'"{claim.seconds}"{XSD_INTEGER}'))
    if claim.grounding is not None:
        add((c, GROUNDING_OF, _VALUE_OBJECT[claim.grounding]))
        if claim.heard_at is not None:
            add((c, HEARD_AT, f'"{claim.heard_at}"{XSD_INTEGER}'))
        if claim.transcript_label:
            add((c, TRANSCRIPT_LABEL, literal(claim.transcript_label)))
        if claim.match_score is not None:
            add((c, MATCH_SCORE, f'"{claim.match_score:.1f}"{XSD_DECIMAL}'))
        if claim.recording_url is not None:
            add((c, RECORDING_URL, literal(claim.recording_url, XSD_ANY_URI)))
    if claim.speaker_evidence is not None:
        add((c, SPEAKER_EVIDENCE, _VALUE_OBJECT[claim.speaker_evidence]))
    if claim.transcript_speaker:
        add((c, TRANSCRIPT_SPEAKER, f"<{claim.transcript_speaker}>"))
    _links(add, c, MENTIONS, claim.mentions)
    if episode:
        add((c, DERIVED_FROM, episode))


def _mention(add: Add, mention: Mention) -> None:
    m = mention.iri
    add((m, A, _A_MENTION))
    if mention.label:
        add((m, LABEL, literal(mention.label)))
    episode = f"<{mention.episode}>" if mention.episode else ""
    if episode:
        add((m, EPISODE_OF, episode))
    if mention.entity:
        add((m, MENTION_ENTITY, f"<{mention.entity}>"))
    if mention.description:
        add((m, DESCRIPTION, literal(mention.description)))
    if mention.why_mentioned:
        add((m, WHY_MENTIONED, literal(mention.why_mentioned)))
    if episode:
        add((m, DERIVED_FROM, episode))


_ENTITY_WRITERS: dict[type[Node], Callable[[Add, Any], None]] = {
    Podcast: _podcast,
    Person: _person,
    Organization: _organization,
    Product: _product,
}


def entity_statements(base_iri: str, nodes: Iterable[Node]) -> GraphStatements:
    """The entities graph: the corpus-level nodes (podcasts, people, organizations, products)."""
    statements: list[Statement] = []
    add = statements.append
    for node in nodes:
        _ENTITY_WRITERS[type(node)](add, node)
    return entities_graph(base_iri), _sorted_unique(statements)


def episode_statements(
    episode: Episode, insights: Iterable[Insight], claims: Iterable[Claim], mentions: Iterable[Mention]
) -> GraphStatements:
    """One episode's named graph: the episode, its insights, claims and mentions."""
    statements: list[Statement] = []
    add = statements.append
    _episode(add, episode)
    for insight in insights:
        _insight(add, insight)
    for claim in claims:
        _claim(add, claim)
    for mention in mentions:
        _mention(add, mention)
    return episode.graph, _sorted_unique(statements)


def _sorted_unique(statements: list[Statement]) -> list[Statement]:
    # sorted before the duplicates go: a node's statements come in runs that the sort keeps
    # (sorting a set's scattered order cost more than the set); there are seldom duplicates, and
    # sorted they are neighbours: comparing each with the next (in C) costs less than hashing all
    statements.sort()
    if all(map(ne, statements, islice(statements, 1, None))):
        return statements
    return list(dict.fromkeys(statements))


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
