"""`kgraph.outputs.statements` of 971cad0 (what the episode and entity writers replaced), kept as
the oracle of tests/test_episode_rewrites.py: a `_Graph` method call per statement, a set sorted."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from kgraph.model import Claim, Episode, Insight, Mention, Node, Organization, Person, Podcast, Product
from kgraph.outputs.statements import (
    _INSIGHT_CLASS,
    _VALUE_IRI,
    ABOUT,
    AFFILIATION,
    ALT_LABEL,
    ARXIV_ID,
    CLAIM,
    DATE_PUBLISHED,
    DERIVED_FROM,
    DESCRIPTION,
    EPISODE,
    EPISODE_OF,
    GROUNDING_OF,
    HEARD_AT,
    INSIGHT_OF,
    LABEL,
    MADE_BY,
    MATCH_SCORE,
    MENTION,
    MENTION_ENTITY,
    MENTIONS,
    ORGANIZATION,
    PARTICIPANT,
    PERSON,
    PODCAST,
    PODCAST_OF,
    PRODUCT,
    RANK,
    RECORDING_URL,
    REGION,
    SECONDS,
    SOURCE_FILE,
    SOURCE_KIND,
    SPEAKER,
    SPEAKER_EVIDENCE,
    TEXT,
    TIMESTAMP,
    TRANSCRIPT_FILE,
    TRANSCRIPT_LABEL,
    TRANSCRIPT_SPEAKER,
    URL,
    VIDEO_ID,
    WARNING,
    WHY_MENTIONED,
    XSD_ANY_URI,
    XSD_DATE,
    XSD_DECIMAL,
    XSD_INTEGER,
    A,
    GraphStatements,
    Statement,
    entities_graph,
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
