"""`PageGraph` reads the parts as it did before it held no reference back to itself, worked out
the claims and notes only when asked, and read only the parts of kept nodes for the relations
among them: the earlier class is kept here as the oracle, on a synthetic corpus and on kept sets
of every kind (claims, entities, nodes that exist nowhere, an own node named unlike its episode)."""

from __future__ import annotations

import gc
import weakref
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace

import pytest

import kgraph
from kgraph.outputs.html.data import PageGraph
from kgraph.outputs.html.parts import PagePart
from kgraph.outputs.networkx import node_attributes

from .conftest import synthetic_corpus


# -- the oracle: the class as it was -----------------------------------------------------------------
class OldPageGraph:
    def __init__(self, entities, entity_nodes, parts, episode_nodes):
        parts = list(parts)
        self.types = dict(entities.types)
        self.degree = dict(entities.degree)
        self.notes = {}
        self._entities = entities
        self._parts = {part.episode: part for part in parts}
        self._entity_nodes = {node.iri: node for node in entity_nodes}
        self._episode_nodes = episode_nodes
        self._loaded = OrderedDict()
        entity_episodes = defaultdict(set)
        entity_claims = defaultdict(set)
        for part in parts:
            missing = part.entity_refs.difference(entities.types)
            if missing:
                raise AssertionError(f"{part.episode} links to nodes that do not exist: {sorted(missing)[:3]}")
            self.types.update(part.types)
            self.degree.update(part.degree)
            self.notes.update(part.notes)
            for iri, count in part.entity_degree.items():
                self.degree[iri] += count
            for iri in part.entity_episodes:
                entity_episodes[iri].add(part.episode)
            for iri, claims in part.claims_of.items():
                if iri not in part.types:
                    entity_claims[iri].update(claims)
        self.episodes = OldFacts(self, entity_episodes, lambda part, iri: {part.episode})
        self.claims = OldFacts(self, entity_claims, old_own_claims)
        self.nodes = OldNodeAttributes(self)

    @property
    def parts(self):
        return self._parts.values()

    def edges(self):
        yield from self._entities.edges.items()
        for part in self._parts.values():
            yield from part.edges.items()

    def edges_among(self, kept):
        found = {pair: names for pair, names in self._entities.edges.items() if pair[0] in kept and pair[1] in kept}
        for part in self._parts.values():
            if not kept.isdisjoint(part.types):
                found.update((pair, names) for pair, names in part.edges.items() if pair[0] in kept and pair[1] in kept)
        return found

    def part_of(self, iri):
        part = self._parts.get(iri)
        if part is None and "/" in iri:
            part = self._parts.get(iri.rsplit("/", 1)[0])
        return part if part is not None and iri in part.types else None

    def node(self, iri):
        if iri in self._entity_nodes:
            return node_attributes(self._entity_nodes[iri])
        part = self.part_of(iri)
        if part is None:
            raise KeyError(iri)
        nodes = self._loaded.get(part.episode)
        if nodes is None:
            nodes = self._loaded[part.episode] = self._episode_nodes(part.episode)
            if len(self._loaded) > 8:
                self._loaded.popitem(last=False)
        self._loaded.move_to_end(part.episode)
        return nodes[iri]


def old_own_claims(part, iri):
    if part.types[iri] == "Claim":
        return {iri}
    return set(part.claims_of.get(iri, ()))


class OldFacts(Mapping):
    def __init__(self, page, of_entities, of_own: Callable):
        self._page, self._of_entities, self._of_own = page, of_entities, of_own

    def __getitem__(self, iri):
        part = self._page.part_of(iri)
        if part is not None:
            return self._of_own(part, iri)
        if iri in self._page.types:
            return self._of_entities.get(iri, set())
        raise KeyError(iri)

    def __iter__(self) -> Iterator[str]:
        return iter(self._page.types)

    def __len__(self) -> int:
        return len(self._page.types)


class OldNodeAttributes(Mapping):
    def __init__(self, page):
        self._page = page
        self._attributes = {}

    def __getitem__(self, iri):
        attributes = self._attributes.get(iri)
        if attributes is None:
            part = self._page.part_of(iri)
            attributes = self._page.node(iri) if part is None or part.episode != iri else part.episode_attributes
            self._attributes[iri] = attributes
        return attributes

    def __iter__(self):
        return iter(self._page.types)

    def __len__(self):
        return len(self._page.types)


# -- the two, side by side ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> kgraph.KnowledgeGraph:
    return kgraph.build([synthetic_corpus(tmp_path_factory.mktemp("page-graph"), 24)])


def both(graph: kgraph.KnowledgeGraph, parts: list[PagePart] | None = None) -> tuple[PageGraph, OldPageGraph]:
    page = graph.page()
    arguments = (page._entities, graph.entities.nodes(), parts or list(page.parts), page._nodes._episode_nodes)
    return PageGraph(*arguments), OldPageGraph(*arguments)


def kept_sets(page: PageGraph) -> list[set[str]]:
    every = sorted(page.types)
    drawable = [iri for iri in every if page.types[iri] != "Claim"]
    entities = sorted(page._entities.types)
    return [
        set(),
        set(every),
        set(drawable),
        set(drawable[::3]),
        set(every[1::4]),
        set(entities),
        {*entities[::2], *(iri for iri in drawable if page.types[iri] == "Episode")},
        {*drawable[::5], "https://example.org/nowhere", "no-slash"},
    ]


def test_the_page_graph_reads_the_parts_as_before(synthetic):
    new, old = both(synthetic)
    assert list(new.types.items()) == list(old.types.items())
    assert list(new.degree.items()) == list(old.degree.items())
    assert list(new.notes.items()) == list(old.notes.items()) and new.notes
    assert list(new.edges()) == list(old.edges())
    for iri in old.types:
        assert new.episodes[iri] == old.episodes[iri]
        assert new.claims[iri] == old.claims[iri]
        assert new.part_of(iri) is old.part_of(iri)
        if old.types[iri] != "Claim":
            assert new.nodes[iri] == old.nodes[iri]
    assert len(new.episodes) == len(old.episodes) and list(new.claims) == list(old.claims)
    for missing in ("https://example.org/nowhere", "no-slash"):
        for facts in (new.episodes, new.claims):
            with pytest.raises(KeyError):
                facts[missing]


def test_the_relations_among_kept_nodes_are_as_before(synthetic):
    new, old = both(synthetic)
    for kept in kept_sets(new):
        assert list(new.edges_among(kept).items()) == list(old.edges_among(kept).items())


def test_an_own_node_named_unlike_its_episode_still_has_its_relations(synthetic):
    page = synthetic.page()
    parts = list(page.parts)
    first = parts[0]
    odd = "https://example.org/elsewhere/odd-insight"  # not under its episode's IRI: `part_of` misses it
    target = next(iter(page._entities.types))  # an entity: kept with `odd`, no other node of its part is
    changed = replace(
        first,
        types={**first.types, odd: "KeyTheme"},
        edges={**first.edges, (odd, target): ["about"]},
    )
    new, old = both(synthetic, [changed, *parts[1:]])
    for kept in [*kept_sets(new), {odd, target}, {odd, *parts[1].types, target}, {odd, first.episode}]:
        assert list(new.edges_among(kept).items()) == list(old.edges_among(kept).items())
    assert (odd, target) in new.edges_among({odd, target})


def test_a_dropped_page_graph_is_freed_without_a_collection(synthetic):
    page = synthetic.page()
    page.claims[next(iter(page.types))], page.notes, page.nodes[next(iter(page.types))]  # noqa: B018
    dropped = weakref.ref(page)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        del page
        assert dropped() is None
    finally:
        if was_enabled:
            gc.enable()
