"""`kgraph.outputs.html.parts` of 930d819 (an episode's share of the page: relations read from
every statement, a nested function per IRI met), kept as the oracle of tests/test_page_parts.py."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from kgraph.model import Claim, Episode, Insight, Mention
from kgraph.outputs import statements as rdf
from kgraph.outputs.html.parts import _RELATION_NAMES, PagePart
from kgraph.outputs.networkx import node_attributes, node_type


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
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for subject, predicate, obj in statements:
        name = _RELATION_NAMES.get(predicate)
        if name and obj[0] == "<" and subject in types:
            target = obj[1:-1]
            if target in types or target not in own:
                edges[(strings[subject], strings.setdefault(target, target))].append(name)
    single: dict[str, list[str]] = {}
    merged = {
        pair: single.setdefault(names[0], names) if len(names) == 1 else sorted(set(names))
        for pair, names in edges.items()
    }
    part = PagePart(
        episode=episode.iri,
        types=types,
        edges=merged,
        degree={},
        entity_degree={},
        entity_episodes=(),
        claims_of={},
        episode_attributes=node_attributes(episode),
        entity_refs=frozenset(obj for _, obj in merged if obj not in own),
    )
    _degrees(part)
    _facts(part, episode, insights, claims, mentions, strings)
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

    def one(iri: str) -> str:
        return strings.setdefault(iri, iri)

    appearing: set[str] = {episode.podcast, *episode.participants, *episode.mentions}
    claims_of: dict[str, list[str]] = defaultdict(list)
    for insight in insights:
        appearing.update(insight.mentions)
    for claim in claims:
        for iri in (claim.speaker, claim.about, *claim.mentions):
            if iri:
                appearing.add(iri)
                claims_of[one(iri)].append(claim.iri)
        claims_of[episode.iri].append(claim.iri)
    for mention in mentions:
        appearing.add(mention.entity)
        note = mention.why_mentioned or mention.description
        if note:
            part.notes[(one(mention.entity), one(mention.episode))] = note
    entities = sorted(appearing - part.types.keys() - {m.iri for m in mentions})
    part.entity_episodes = tuple(map(one, entities))
    part.claims_of = {iri: tuple(sorted(set(found))) for iri, found in claims_of.items()}
