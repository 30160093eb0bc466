"""An episode's share of the page, worked out from its nodes and its named graph alone: its
drawable nodes, its relations, how connected each node is, and the facts the side panel shows.

Every relation of an episode's graph starts at one of the episode's own nodes, and own nodes of
two episodes never meet, so the page of the whole corpus is these parts added up (`PageGraph`):
a rebuild recomputes the parts of the episodes that changed and reuses the rest."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress, filterfalse
from operator import itemgetter

from kgraph.model import Claim, Episode, Insight, Mention, Node
from kgraph.outputs import statements as rdf
from kgraph.outputs.html.style import RELATION_NAMES, STYLE_BY_CLASS
from kgraph.outputs.networkx import node_attributes, node_type
from kgraph.prefixes import expand

_RELATION_NAMES = {expand(key): name for key, name in RELATION_NAMES.items()}
# so a relation whose object is an IRI is an edge `rdf.object_edges` yields, read here without it
assert not _RELATION_NAMES.keys() & rdf.VALUE_PREDICATES
_PREDICATE, _TARGET = itemgetter(1), itemgetter(1)  # of a statement, of an edge's pair


@dataclass
class PagePart:
    """Episode-scoped nodes are the episode, its insights, claims and mentions; everything else a
    relation reaches is an entity (podcast, person, organization)."""

    episode: str
    types: dict[str, str]  # own drawable node -> its class
    edges: dict[tuple[str, str], list[str]]  # (from, to) -> relation names, sorted when several
    degree: dict[str, int]  # own drawable node but claims -> distinct neighbours (claims left out)
    entity_degree: dict[str, int]  # entity -> own nodes (claims left out) linked with it
    entity_episodes: tuple[str, ...]  # entities that appear in this episode
    claims_of: dict[str, tuple[str, ...]]  # node -> claims about it, by it or naming it
    notes: dict[tuple[str, str], str] = field(default_factory=dict)  # (entity, episode) -> why
    episode_attributes: dict = field(default_factory=dict)
    entity_refs: frozenset[str] = frozenset()  # every entity a relation reaches


def page_part(
    episode: Episode,
    insights: Iterable[Insight],
    claims: Iterable[Claim],
    mentions: Iterable[Mention],
    statements: list[rdf.Statement],
) -> PagePart:
    insights, claims, mentions = list(insights), list(claims), list(mentions)
    types = {episode.iri: node_type(episode)}
    types.update((insight.iri, insight.kind.value) for insight in insights)
    types.update((claim.iri, "Claim") for claim in claims)
    own = {*types, *(mention.iri for mention in mentions)}
    # one object per IRI and per list of one relation name: pickle writes each once, which
    # halves the stored part and cuts a third of its load time (the targets were new strings)
    strings = {iri: iri for iri in types}
    merged: dict[tuple[str, str], list[str]] = {}
    single: dict[str, list[str]] = {}  # relation name -> the list of it alone, for every pair it links
    several: dict[tuple[str, str], list[str]] = {}  # pairs linked by more than one relation
    names = _RELATION_NAMES
    # the relations picked in C: two statements in three are not one
    for subject, predicate, obj in compress(statements, map(names.__contains__, map(_PREDICATE, statements))):
        if obj[0] == "<" and subject in types:
            target = obj[1:-1]
            if target in types or target not in own:
                pair, name = (strings[subject], strings.setdefault(target, target)), names[predicate]
                if pair in merged:
                    several.setdefault(pair, [*merged[pair]]).append(name)
                else:
                    merged[pair] = single.get(name) or single.setdefault(name, [name])
    for pair, found in several.items():
        merged[pair] = sorted(set(found))
    part = PagePart(
        episode=episode.iri,
        types=types,
        edges=merged,
        degree={},
        entity_degree={},
        entity_episodes=(),
        claims_of={},
        episode_attributes=node_attributes(episode),
        entity_refs=frozenset(filterfalse(own.__contains__, map(_TARGET, merged))),
    )
    _degrees(part)
    _facts(part, episode, insights, claims, mentions, strings)
    return part


def page_nodes(insights: Iterable[Insight], claims: Iterable[Claim]) -> dict[str, dict]:
    """What the page reads of an episode's insights and claims, by IRI: an insight's attributes
    (as kg.nx gives them), a claim's row (`claim_row`). Kept beside the part and read only for
    the episodes the page keeps: unpickling their model nodes (mentions too) cost the page more
    than anything else it did."""
    nodes = {insight.iri: node_attributes(insight) for insight in insights}
    nodes.update((claim.iri, claim_row(claim)) for claim in claims)
    return nodes


def claim_row(claim: Claim) -> dict[str, object]:
    """The fields of a claim the page's claims table shows, None values left out (enums as
    their values)."""
    row = {
        "text": claim.text,
        "episode": claim.episode,
        "speaker": claim.speaker,
        "about": claim.about,
        "mentions": claim.mentions or None,
        "timestamp": claim.timestamp,
        "heard_at": claim.heard_at,
        "grounding": claim.grounding.value if claim.grounding else None,
        "speaker_evidence": claim.speaker_evidence.value if claim.speaker_evidence else None,
        "transcript_excerpt": claim.transcript_excerpt,
        "recording_url": claim.recording_url,
        "transcript_label": claim.transcript_label,
    }
    return {key: value for key, value in row.items() if value is not None}


def entities_part(nodes: Iterable[Node], statements: list[rdf.Statement]) -> PagePart:
    """The corpus-level nodes and the relations among them (affiliations)."""
    nodes = list(nodes)
    types = {node.iri: node_type(node) for node in nodes if node_type(node) in STYLE_BY_CLASS}
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for subject, predicate, obj in statements:
        name = _RELATION_NAMES.get(predicate)
        if name and obj[0] == "<" and subject in types and obj[1:-1] in types:
            edges[(subject, obj[1:-1])].append(name)
    merged = {pair: names if len(names) == 1 else sorted(set(names)) for pair, names in edges.items()}
    part = PagePart(
        episode="", types=types, edges=merged, degree={}, entity_degree={}, entity_episodes=(), claims_of={}
    )
    neighbours = _neighbours(merged, _claims(types))  # both ends of each edge are in `types`
    part.degree = {iri: len(neighbours.get(iri, ())) + (iri in neighbours.get(iri, ())) for iri in types}
    return part


def _claims(types: dict[str, str]) -> set[str]:
    return {iri for iri, kind in types.items() if kind == "Claim"}


def _neighbours(edges: Iterable[tuple[str, str]], left_out: set[str]) -> dict[str, set[str]]:
    """Undirected distinct neighbours among the nodes not `left_out`."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for source, target in edges:
        if source not in left_out and target not in left_out:
            neighbours[source].add(target)
            neighbours[target].add(source)
    return neighbours


def _degrees(part: PagePart) -> None:
    # as networkx counts it: a loop adds two
    types = part.types
    neighbours = _neighbours(part.edges, _claims(types))
    for iri, kind in types.items():
        if kind != "Claim":
            linked = neighbours.get(iri, set())
            part.degree[iri] = len(linked) + (iri in linked)
    for iri, linked in neighbours.items():
        if iri not in types:
            part.entity_degree[iri] = len(linked)


def _facts(
    part: PagePart,
    episode: Episode,
    insights: list[Insight],
    claims: list[Claim],
    mentions: list[Mention],
    strings: dict[str, str],
) -> None:
    """Which entities appear in the episode, and which claims concern each node (`strings`: the
    IRIs met so far, each the one object to use)."""

    one = strings.setdefault  # (iri, iri): the object met first
    appearing: set[str] = {episode.podcast, *episode.participants, *episode.mentions}
    claims_of: dict[str, list[str]] = defaultdict(list)
    for insight in insights:
        appearing.update(insight.mentions)
    for claim in claims:
        for iri in (claim.speaker, claim.about, *claim.mentions):
            if iri:
                appearing.add(iri)
                claims_of[one(iri, iri)].append(claim.iri)
        claims_of[episode.iri].append(claim.iri)
    for mention in mentions:
        appearing.add(mention.entity)
        note = mention.why_mentioned or mention.description
        if note:
            part.notes[(one(mention.entity, mention.entity), one(mention.episode, mention.episode))] = note
    entities = sorted(appearing - part.types.keys() - {m.iri for m in mentions})
    part.entity_episodes = tuple(map(one, entities, entities))
    # most nodes have one claim: nothing to sort
    part.claims_of = {
        iri: (*found,) if len(found) == 1 else tuple(sorted(set(found))) for iri, found in claims_of.items()
    }
