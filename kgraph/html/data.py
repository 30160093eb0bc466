"""What the page shows, read from `kg.model` and `kg.statements` (not `kg.nx`: the page needs a
fraction of it, and a 10,000-document NetworkX graph costs gigabytes): the drawn nodes and relations, each
node's importance, the episodes it appears in, and the side-panel details (all JSON-ready)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from kgraph import rdf
from kgraph.graph import node_attributes, node_type
from kgraph.html.style import RELATION_NAMES, STYLE_BY_CLASS
from kgraph.model import KnowledgeModel
from kgraph.vocab import expand


@dataclass
class PageGraph:
    """Drawn nodes (IRI -> the attributes kg.nx gives them), merged relations, and per-node facts."""

    nodes: dict[str, dict]
    edges: dict[tuple[str, str], list[str]]  # (from, to) -> relation names, sorted
    episodes: dict[str, set[str]] = field(default_factory=dict)  # node -> episode IRIs
    notes: dict[tuple[str, str], str] = field(default_factory=dict)  # (entity, episode) -> why
    claims: dict[str, set[str]] = field(default_factory=dict)  # node -> claim IRIs


def page_graph(model: KnowledgeModel, graphs: Iterable[rdf.GraphStatements]) -> PageGraph:
    nodes = {node.iri: node_attributes(node) for node in model.nodes() if node_type(node) in STYLE_BY_CLASS}
    relation_names = {expand(key): name for key, name in RELATION_NAMES.items()}
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for subject, predicate, obj in rdf.object_edges(graphs):
        name = relation_names.get(predicate)
        if name and subject in nodes and obj in nodes:
            edges[(subject, obj)].append(name)
    page = PageGraph(nodes, {pair: sorted(set(names)) for pair, names in edges.items()})
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
    page.episodes = {iri: episodes.get(iri, set()) for iri in page.nodes}
    page.claims = {iri: claims.get(iri, set()) for iri in page.nodes}


def importance(page: PageGraph, iri: str) -> int:
    """Episodes for podcasts, people and organizations; claims and insights for the rest."""
    kind = page.nodes[iri]["type"]
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
