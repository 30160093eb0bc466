"""What the page shows, added up from the parts (see `kgraph.outputs.html.parts`): the drawable nodes and
relations, each node's importance and degree, the episodes it appears in, and the side-panel
details (all JSON-ready)."""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from urllib.parse import urlsplit

from kgraph.model import Node
from kgraph.outputs.html.parts import PagePart
from kgraph.outputs.html.style import STYLE_BY_CLASS
from kgraph.outputs.networkx import node_attributes

_EPISODES_KEPT = 8  # lookups come episode by episode; a few kept bound the memory at any corpus size
# episode IRI -> its insights' attributes and claims' rows by IRI (`parts.page_nodes`), loaded when asked
EpisodeNodes = Callable[[str], Mapping[str, dict]]


class PageGraph:
    """Drawn nodes (types and attributes), merged relations, degrees and per-node facts."""

    def __init__(
        self, entities: PagePart, entity_nodes: Iterable[Node], parts: Iterable[PagePart], episode_nodes: EpisodeNodes
    ):
        parts = list(parts)
        self.types: dict[str, str] = dict(entities.types)
        self.degree: dict[str, int] = dict(entities.degree)
        self.notes: dict[tuple[str, str], str] = {}
        self._entities = entities
        self._parts = {part.episode: part for part in parts}
        self._entity_nodes = {node.iri: node for node in entity_nodes}
        self._episode_nodes = episode_nodes
        self._loaded: OrderedDict[str, Mapping[str, dict]] = OrderedDict()  # a few episodes' nodes by IRI
        entity_episodes: dict[str, set[str]] = defaultdict(set)
        entity_claims: dict[str, set[str]] = defaultdict(set)
        for part in parts:
            # `difference` looks each ref up; `refs - types.keys()` walked every entity, per part
            missing = part.entity_refs.difference(entities.types)
            if missing:  # identities hand out IRIs of nodes they made, nothing else
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
        self.episodes = _Facts(self, entity_episodes, lambda part, iri: {part.episode})
        self.claims = _Facts(self, entity_claims, _own_claims)
        self.nodes = NodeAttributes(self)

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
        nodes, so parts with none kept are skipped whole."""
        found = {pair: names for pair, names in self._entities.edges.items() if pair[0] in kept and pair[1] in kept}
        for part in self._parts.values():
            if not kept.isdisjoint(part.types):
                found.update((pair, names) for pair, names in part.edges.items() if pair[0] in kept and pair[1] in kept)
        return found

    def part_of(self, iri: str) -> PagePart | None:
        """The part of the episode whose node `iri` is (None for entities)."""
        part = self._parts.get(iri)
        if part is None and "/" in iri:
            part = self._parts.get(iri.rsplit("/", 1)[0])
        return part if part is not None and iri in part.types else None

    def node(self, iri: str) -> dict:
        """What the page reads of an entity, insight or claim: its attributes as kg.nx gives
        them, a claim's row (`kgraph.outputs.html.parts.page_nodes`)."""
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


def _own_claims(part: PagePart, iri: str) -> set[str]:
    if part.types[iri] == "Claim":
        return {iri}
    return set(part.claims_of.get(iri, ()))


class _Facts(Mapping[str, set[str]]):
    """Drawable node -> a set (episodes it appears in, or claims concerning it): an entity's from
    every part, an episode-scoped node's from its own part."""

    def __init__(self, page: PageGraph, of_entities: dict[str, set[str]], of_own: Callable[[PagePart, str], set[str]]):
        self._page, self._of_entities, self._of_own = page, of_entities, of_own

    def __getitem__(self, iri: str) -> set[str]:
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


class NodeAttributes(Mapping[str, dict]):
    """IRI -> the attributes kg.nx gives the node (a claim: its row, see `PageGraph.node`), worked
    out when first asked for: a page keeps a few thousand of the hundreds of thousands of nodes
    it ranks."""

    def __init__(self, page: PageGraph):
        self._page = page
        self._attributes: dict[str, dict] = {}

    def __getitem__(self, iri: str) -> dict:
        attributes = self._attributes.get(iri)
        if attributes is None:
            part = self._page.part_of(iri)
            attributes = self._page.node(iri) if part is None or part.episode != iri else part.episode_attributes
            self._attributes[iri] = attributes
        return attributes

    def __iter__(self) -> Iterator[str]:
        return iter(self._page.types)

    def __len__(self) -> int:
        return len(self._page.types)

    def __contains__(self, iri: object) -> bool:
        return iri in self._page.types


def importance(page: PageGraph, iri: str) -> int:
    """Episodes for the corpus-level kinds (podcasts, people, organizations, products); claims and
    insights for the rest."""
    if STYLE_BY_CLASS[page.types[iri]].corpus_level:
        return len(page.episodes[iri])
    return len(page.claims[iri])


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
