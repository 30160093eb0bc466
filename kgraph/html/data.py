"""What the page shows, read from `kg.model` and `kg.statements` (not `kg.nx`: the page needs a
fraction of it, and a 10,000-document NetworkX graph costs gigabytes): the drawn nodes and relations, each
node's importance, the episodes it appears in, and the side-panel details (all JSON-ready)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from kgraph import rdf
from kgraph.graph import node_attributes, node_type
from kgraph.html.style import RELATION_NAMES, STYLE_BY_CLASS
from kgraph.model import KnowledgeModel, Node
from kgraph.vocab import expand


class NodeAttributes(Mapping[str, dict]):
    """IRI -> the attributes kg.nx gives the node, worked out when first asked for: a page keeps
    a few thousand of the hundreds of thousands of nodes it ranks."""

    def __init__(self, nodes: dict[str, Node]):
        self._nodes = nodes
        self._attributes: dict[str, dict] = {}

    def __getitem__(self, iri: str) -> dict:
        attributes = self._attributes.get(iri)
        if attributes is None:
            attributes = self._attributes[iri] = node_attributes(self._nodes[iri])
        return attributes

    def __iter__(self) -> Iterator[str]:
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)

    def __contains__(self, iri: object) -> bool:
        return iri in self._nodes


@dataclass
class PageGraph:
    """Drawn nodes (types and attributes), merged relations, and per-node facts."""

    types: dict[str, str]  # IRI -> node type (a class of kgraph.html.style)
    nodes: NodeAttributes
    edges: dict[tuple[str, str], list[str]]  # (from, to) -> relation names, sorted
    episodes: dict[str, set[str]] = field(default_factory=dict)  # node -> episode IRIs
    notes: dict[tuple[str, str], str] = field(default_factory=dict)  # (entity, episode) -> why
    claims: dict[str, set[str]] = field(default_factory=dict)  # node -> claim IRIs


def page_graph(model: KnowledgeModel, graphs: Iterable[rdf.GraphStatements]) -> PageGraph:
    types, drawn = {}, {}
    for node in model.nodes():
        kind = node_type(node)
        if kind in STYLE_BY_CLASS:
            types[node.iri], drawn[node.iri] = kind, node
    relation_names = {expand(key): name for key, name in RELATION_NAMES.items()}
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for subject, predicate, obj in rdf.object_edges(graphs):
        name = relation_names.get(predicate)
        if name and subject in types and obj in types:
            edges[(subject, obj)].append(name)
    merged = {pair: names if len(names) == 1 else sorted(set(names)) for pair, names in edges.items()}
    page = PageGraph(types, NodeAttributes(drawn), merged)
    _collect_facts(model, page)
    return page


def _collect_facts(model: KnowledgeModel, page: PageGraph) -> None:
    episodes: dict[str, set[str]] = defaultdict(set)
    claims: dict[str, set[str]] = defaultdict(set)
    for episode in model.episodes:
        for iri in (episode.iri, episode.podcast, *episode.participants, *episode.mentions):
            episodes[iri].add(episode.iri)
    for insight in model.insights:
        for iri in (insight.iri, *insight.mentions):
            episodes[iri].add(insight.episode)
    for claim in model.claims:
        for iri in (claim.iri, claim.speaker, claim.about, *claim.mentions):
            if iri:
                episodes[iri].add(claim.episode)
                claims[iri].add(claim.iri)
        claims[claim.episode].add(claim.iri)
    for mention in model.mentions:
        episodes[mention.entity].add(mention.episode)
        note = mention.why_mentioned or mention.description
        if note:
            page.notes[(mention.entity, mention.episode)] = note
    page.episodes = {iri: episodes.get(iri, set()) for iri in page.types}
    page.claims = {iri: claims.get(iri, set()) for iri in page.types}


def importance(page: PageGraph, iri: str) -> int:
    """Episodes for podcasts, people and organizations; claims and insights for the rest."""
    kind = page.types[iri]
    if kind in ("Podcast", "Person", "Organization"):
        return len(page.episodes[iri])
    return len(page.claims[iri])


def timestamp_url(url: str | None, seconds: int | None) -> str | None:
    """The recording at that time where the platform supports it (YouTube), else the URL."""
    if not url or seconds is None:
        return url
    host = urlsplit(url).netloc.lower()
    if host.endswith(("youtube.com", "youtu.be")):
        return f"{url}{'&' if '?' in url else '?'}t={seconds}s"
    return url
