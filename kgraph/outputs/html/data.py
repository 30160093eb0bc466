"""What the page shows, added up from the parts (see `kgraph.outputs.html.parts`): the drawable nodes and
relations, each node's importance and degree, the episodes it appears in, and the side-panel
details (all JSON-ready)."""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from urllib.parse import urlsplit

from kgraph.model import Node
from kgraph.outputs.html.parts import PagePart
from kgraph.outputs.networkx import node_attributes

_EPISODES_KEPT = 8  # lookups come episode by episode; a few kept bound the memory at any corpus size
# episode IRI -> its insights' attributes and claims' rows by IRI (`parts.page_nodes`), loaded when asked
EpisodeNodes = Callable[[str], Mapping[str, dict]]


class PageGraph:
    """Drawn nodes (types and attributes), merged relations, degrees and per-node facts.

    Nothing it holds refers back to it: it is freed as soon as it is dropped, not by a
    collection that walks its millions of objects (one took a 10,000-document page 0.5-1 s)."""

    def __init__(
        self, entities: PagePart, entity_nodes: Iterable[Node], parts: Iterable[PagePart], episode_nodes: EpisodeNodes
    ):
        parts = list(parts)
        self.types: dict[str, str] = dict(entities.types)
        self.degree: dict[str, int] = dict(entities.degree)
        self._entities = entities
        self._parts = {part.episode: part for part in parts}
        self._nodes = _NodeReader(self._parts, {node.iri: node for node in entity_nodes}, episode_nodes)
        entity_episodes: dict[str, set[str]] = defaultdict(set)
        for part in parts:
            # `difference` looks each ref up; `refs - types.keys()` walked every entity, per part
            missing = part.entity_refs.difference(entities.types)
            if missing:  # identities hand out IRIs of nodes they made, nothing else
                raise AssertionError(f"{part.episode} links to nodes that do not exist: {sorted(missing)[:3]}")
            self.types.update(part.types)
            self.degree.update(part.degree)
            for iri, count in part.entity_degree.items():
                self.degree[iri] += count
            for iri in part.entity_episodes:
                entity_episodes[iri].add(part.episode)
        self.episodes = _Facts(self._nodes, self.types, entity_episodes, _own_episode)
        self.nodes = NodeAttributes(self._nodes, self.types)

    @cached_property
    def claims(self) -> Mapping[str, set[str]]:
        """Drawable node -> the claims concerning it (worked out when first asked for: the page
        draws without it)."""
        entity_claims: dict[str, set[str]] = defaultdict(set)
        for part in self._parts.values():
            for iri, claims in part.claims_of.items():
                if iri not in part.types:
                    entity_claims[iri].update(claims)
        return _Facts(self._nodes, self.types, entity_claims, _own_claims)

    @cached_property
    def notes(self) -> dict[tuple[str, str], str]:
        """(entity, episode) -> why the episode mentions the entity."""
        notes: dict[tuple[str, str], str] = {}
        for part in self._parts.values():
            notes.update(part.notes)
        return notes

    @property
    def parts(self) -> Iterable[PagePart]:
        return self._parts.values()

    def edges(self) -> Iterator[tuple[tuple[str, str], list[str]]]:
        """Every relation: (from, to) -> relation names."""
        yield from self._entities.edges.items()
        for part in self._parts.values():
            yield from part.edges.items()

    def edges_among(self, kept: set[str]) -> dict[tuple[str, str], list[str]]:
        """The relations between kept nodes. Every relation of a part starts at one of its own
        nodes, so only the parts of kept nodes are read (in the parts' order, which is the
        relations' order)."""
        found = edges_within(self._entities.edges, kept)
        touched = self._parts_holding(kept)
        for part in self._parts.values():
            if part.episode in touched:
                found.update(edges_within(part.edges, kept))
        return found

    def _parts_holding(self, kept: set[str]) -> set[str]:
        """The episodes whose parts hold a kept node."""
        touched: set[str] = set()
        entities = self._entities.types
        for iri in kept:
            part = self._nodes.part_of(iri)
            if part is not None:
                touched.add(part.episode)
            elif iri in self.types and iri not in entities:  # an own node named unlike its episode
                return {part.episode for part in self._parts.values() if not kept.isdisjoint(part.types)}
        return touched

    def part_of(self, iri: str) -> PagePart | None:
        """The part of the episode whose node `iri` is (None for entities)."""
        return self._nodes.part_of(iri)

    def node(self, iri: str) -> dict:
        """What the page reads of an entity, insight or claim: its attributes as kg.nx gives
        them, a claim's row (`kgraph.outputs.html.parts.page_nodes`)."""
        return self._nodes.node(iri)


class _NodeReader:
    """Finds a node's part and reads its attributes, loading an episode's nodes when asked."""

    def __init__(self, parts: dict[str, PagePart], entity_nodes: dict[str, Node], episode_nodes: EpisodeNodes):
        self._parts = parts
        self._entity_nodes = entity_nodes
        self._episode_nodes = episode_nodes
        self._loaded: OrderedDict[str, Mapping[str, dict]] = OrderedDict()  # a few episodes' nodes by IRI

    def part_of(self, iri: str) -> PagePart | None:
        part = self._parts.get(iri)
        if part is None and "/" in iri:
            part = self._parts.get(iri.rsplit("/", 1)[0])
        return part if part is not None and iri in part.types else None

    def node(self, iri: str) -> dict:
        if iri in self._entity_nodes:
            return node_attributes(self._entity_nodes[iri])
        part = self.part_of(iri)
        if part is None:
            raise KeyError(iri)
        nodes = self._loaded.get(part.episode)
        if nodes is None:  # a scan per lookup made a 20,000-quote document take minutes
            nodes = self._loaded[part.episode] = self._episode_nodes(part.episode)
            if len(self._loaded) > _EPISODES_KEPT:
                self._loaded.popitem(last=False)
        self._loaded.move_to_end(part.episode)
        return nodes[iri]


def _own_episode(part: PagePart, iri: str) -> set[str]:
    return {part.episode}


def _own_claims(part: PagePart, iri: str) -> set[str]:
    if part.types[iri] == "Claim":
        return {iri}
    return set(part.claims_of.get(iri, ()))


class _Facts(Mapping[str, set[str]]):
    """Drawable node -> a set (episodes it appears in, or claims concerning it): an entity's from
    every part, an episode-scoped node's from its own part."""

    def __init__(
        self,
        nodes: _NodeReader,
        types: dict[str, str],
        of_entities: dict[str, set[str]],
        of_own: Callable[[PagePart, str], set[str]],
    ):
        self._nodes, self._types, self._of_entities, self._of_own = nodes, types, of_entities, of_own

    def __getitem__(self, iri: str) -> set[str]:
        part = self._nodes.part_of(iri)
        if part is not None:
            return self._of_own(part, iri)
        if iri in self._types:
            return self._of_entities.get(iri, set())
        raise KeyError(iri)

    def __iter__(self) -> Iterator[str]:
        return iter(self._types)

    def __len__(self) -> int:
        return len(self._types)


class NodeAttributes(Mapping[str, dict]):
    """IRI -> the attributes kg.nx gives the node (a claim: its row, see `PageGraph.node`), worked
    out when first asked for: a page keeps a few thousand of the hundreds of thousands of nodes
    it ranks."""

    def __init__(self, nodes: _NodeReader, types: dict[str, str]):
        self._nodes, self._types = nodes, types
        self._attributes: dict[str, dict] = {}

    def __getitem__(self, iri: str) -> dict:
        attributes = self._attributes.get(iri)
        if attributes is None:
            part = self._nodes.part_of(iri)
            attributes = self._nodes.node(iri) if part is None or part.episode != iri else part.episode_attributes
            self._attributes[iri] = attributes
        return attributes

    def __iter__(self) -> Iterator[str]:
        return iter(self._types)

    def __len__(self) -> int:
        return len(self._types)

    def __contains__(self, iri: object) -> bool:
        return iri in self._types


def timestamp_url(url: str | None, seconds: int | None) -> str | None:
    """The recording at that time where the platform supports it (YouTube), else the URL."""
    if not url or seconds is None:
        return url
    try:
        host = urlsplit(url).netloc.lower()
    except ValueError:  # a malformed URL (`https://[::1/x`) is shown as written, with no time
        return url
    if host.endswith(("youtube.com", "youtu.be")):
        return f"{url}{'&' if '?' in url else '?'}t={seconds}s"
    return url


def edges_within(edges: dict[tuple[str, str], list[str]], kept: set[str]) -> dict[tuple[str, str], list[str]]:
    """The relations of `edges` between kept nodes, in their order (of `PageGraph.edges_among` a set
    holding `kept`: `edges_among(kept)` itself, without reading the parts again)."""
    return {pair: names for pair, names in edges.items() if pair[0] in kept and pair[1] in kept}
