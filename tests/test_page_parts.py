"""An episode's share of the page is what it was before its relations were read straight from
the statements (not through `rdf.object_edges`) and claims were left out by set: the earlier code
is kept here as the oracle, on every episode of a synthetic corpus and on statements no real
episode has (a relation to a literal, to an episode's own mention, from an entity)."""

from __future__ import annotations

import pickle
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import fields

import pytest

import kgraph
from kgraph.outputs import statements as rdf
from kgraph.outputs.html.parts import _RELATION_NAMES, PagePart, _facts, entities_part, page_part
from kgraph.outputs.html.style import STYLE_BY_CLASS
from kgraph.outputs.networkx import node_attributes, node_type
from kgraph.prefixes import expand

from .conftest import synthetic_corpus
from .oracles import parts_930d819


def old_neighbours(edges, counted):
    neighbours = defaultdict(set)
    for source, target in edges:
        if counted(source) and counted(target):
            neighbours[source].add(target)
            neighbours[target].add(source)
    return neighbours


def old_page_part(episode, insights, claims, mentions, statements) -> PagePart:
    insights, claims, mentions = list(insights), list(claims), list(mentions)
    types = {episode.iri: node_type(episode)}
    types.update((insight.iri, insight.kind.value) for insight in insights)
    types.update((claim.iri, "Claim") for claim in claims)
    own = {*types, *(mention.iri for mention in mentions)}
    edges = defaultdict(list)
    for subject, predicate, obj in rdf.object_edges([(episode.graph, statements)]):
        name = _RELATION_NAMES.get(predicate)
        if name and subject in types and (obj in types or obj not in own):
            edges[(subject, obj)].append(name)
    merged = {pair: names if len(names) == 1 else sorted(set(names)) for pair, names in edges.items()}
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
    neighbours = old_neighbours(part.edges, lambda iri: types.get(iri) != "Claim")
    for iri, kind in types.items():
        if kind != "Claim":
            linked = neighbours.get(iri, set())
            part.degree[iri] = len(linked) + (iri in linked)
    for iri, linked in neighbours.items():
        if iri not in types:
            part.entity_degree[iri] = len(linked)
    _facts(part, episode, insights, claims, mentions, {})
    return part


def old_entities_part(nodes: Iterable, statements, graph: str) -> PagePart:
    nodes = list(nodes)
    types = {node.iri: node_type(node) for node in nodes if node_type(node) in STYLE_BY_CLASS}
    edges = defaultdict(list)
    for subject, predicate, obj in rdf.object_edges([(graph, statements)]):
        name = _RELATION_NAMES.get(predicate)
        if name and subject in types and obj in types:
            edges[(subject, obj)].append(name)
    merged = {pair: names if len(names) == 1 else sorted(set(names)) for pair, names in edges.items()}
    part = PagePart(
        episode="", types=types, edges=merged, degree={}, entity_degree={}, entity_episodes=(), claims_of={}
    )
    neighbours = old_neighbours(merged, lambda iri: types.get(iri, "Claim") != "Claim")
    part.degree = {iri: len(neighbours.get(iri, ())) + (iri in neighbours.get(iri, ())) for iri in types}
    return part


def in_order(part: PagePart) -> dict:
    """Every field, dicts with their order (it is the page's order of nodes and edges)."""
    return {
        f.name: list(value.items()) if isinstance(value, dict) else value
        for f in fields(part)
        for value in [getattr(part, f.name)]
    }


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> kgraph.KnowledgeGraph:
    return kgraph.build([synthetic_corpus(tmp_path_factory.mktemp("parts"), 24)])


def test_each_episodes_part_is_as_before(graph):
    statements = dict(graph.statements)
    for episode in graph.episodes:
        nodes = graph.episode_nodes(episode)
        arguments = (nodes.episode, nodes.insights, nodes.claims, nodes.mentions, statements[episode.graph])
        assert in_order(page_part(*arguments)) == in_order(old_page_part(*arguments))


def pickled(part: PagePart) -> bytes:
    return pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)


def test_each_episodes_part_pickles_as_the_last_rounds(graph):
    # byte for byte: which IRIs and lists are one object, and the order of every dict and set, too
    statements = dict(graph.statements)
    for episode in graph.episodes:
        nodes = graph.episode_nodes(episode)
        arguments = (nodes.episode, nodes.insights, nodes.claims, nodes.mentions, statements[episode.graph])
        assert pickled(page_part(*arguments)) == pickled(parts_930d819.page_part(*arguments))


def test_the_entities_part_is_as_before(graph):
    nodes = list(graph.entities.nodes())
    graph_iri, statements = graph.entity_graph
    assert len(statements) > 0
    assert in_order(entities_part(nodes, statements)) == in_order(old_entities_part(nodes, statements, graph_iri))
    first, second = nodes[0].iri, nodes[-1].iri
    statements = [*statements, (first, expand("kg:affiliation"), f'"{second}"')]  # a literal spelling an IRI
    assert in_order(entities_part(nodes, statements)) == in_order(old_entities_part(nodes, statements, graph_iri))


def test_relations_no_episode_has_are_read_as_before(graph):
    statements = dict(graph.statements)
    episode = max(graph.episodes, key=lambda e: len(graph.episode_nodes(e).mentions))
    nodes = graph.episode_nodes(episode)
    assert nodes.mentions and nodes.claims
    own, mention, claim = nodes.episode.iri, nodes.mentions[0].iri, nodes.claims[0].iri
    entity = next(iter(graph.entities.nodes())).iri
    mentions = expand("kg:mentions")
    extra = [
        (own, mentions, '"a literal, not a node"'),  # a relation to a literal: no edge
        (own, mentions, f"<{mention}>"),  # to the episode's own mention: no edge
        (entity, mentions, f"<{own}>"),  # from an entity: not the episode's relation
        (claim, mentions, f"<{own}>"),  # from a claim: an edge, no degree
        (own, mentions, f"<{claim}>"),  # to a claim: an edge, no degree
        (own, expand("kg:about"), f"<{own}>"),  # a loop counts twice
        (own, rdf.A, f"<{entity}>"),  # not a relation
    ]
    arguments = (nodes.episode, nodes.insights, nodes.claims, nodes.mentions, [*statements[episode.graph], *extra])
    new, old = page_part(*arguments), old_page_part(*arguments)
    assert in_order(new) == in_order(old)
    assert pickled(new) == pickled(parts_930d819.page_part(*arguments))
    assert (own, own) in new.edges and (claim, own) in new.edges and (own, mention) not in new.edges


def iris_in(part: PagePart) -> list[str]:
    """Every IRI the part holds, as objects (an IRI held twice is here twice)."""
    return [
        *part.types,
        *(iri for pair in part.edges for iri in pair),
        *part.degree,
        *part.entity_degree,
        *part.entity_episodes,
        *(iri for node, claims in part.claims_of.items() for iri in (node, *claims)),
        *(iri for pair in part.notes for iri in pair),
        *part.entity_refs,
    ]


def test_each_iri_of_a_part_is_one_object_and_pickled_once(graph):
    statements = dict(graph.statements)
    for episode in graph.episodes:
        nodes = graph.episode_nodes(episode)
        arguments = (nodes.episode, nodes.insights, nodes.claims, nodes.mentions, statements[episode.graph])
        part, old = page_part(*arguments), old_page_part(*arguments)
        iris = iris_in(part)
        assert len({id(iri) for iri in iris}) == len(set(iris))
        singles = [names for names in part.edges.values() if len(names) == 1]
        assert len({id(names) for names in singles}) == len({names[0] for names in singles})
        assert len(pickle.dumps(part, pickle.HIGHEST_PROTOCOL)) < 0.7 * len(pickle.dumps(old, pickle.HIGHEST_PROTOCOL))
        assert pickle.loads(pickle.dumps(part)) == old
