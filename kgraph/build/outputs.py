"""Outputs made on demand from a build's result: each episode's share of a format is made from
its stored nodes the first time a format asks for it, and stored under (episode key, format).

A share is what a format needs of one episode: its Turtle chunk, its N-Quads lines, its part of
the page. Formats that need the whole graph at once read `KnowledgeGraph.model`."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kgraph.build.store import Store
from kgraph.model import InsightKind
from kgraph.outputs import statements as rdf
from kgraph.outputs.html.layout import LayoutCache
from kgraph.outputs.html.parts import PagePart, page_nodes, page_part
from kgraph.outputs.turtle import turtle_chunk
from kgraph.pickled import unpickled
from kgraph.resolve.episode import EpisodeNodes


def _statements(nodes: EpisodeNodes) -> rdf.GraphStatements:
    return rdf.episode_statements(nodes.episode, nodes.insights, nodes.claims, nodes.mentions)


def turtle_share(nodes: EpisodeNodes, graph: rdf.GraphStatements) -> bytes:
    return turtle_chunk(graph)


def nquads_share(nodes: EpisodeNodes, graph: rdf.GraphStatements) -> bytes:
    return "".join(rdf.nquads_lines([graph])).encode("utf-8")


def page_share(nodes: EpisodeNodes, graph: rdf.GraphStatements) -> bytes:
    part = page_part(nodes.episode, nodes.insights, nodes.claims, nodes.mentions, graph[1])
    return pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)


def read_page_share(data: bytes) -> PagePart:
    return unpickled(data, PagePart)


def page_nodes_share(nodes: EpisodeNodes, graph: rdf.GraphStatements) -> bytes:
    """What the page reads of the episode's insights and claims: read only for the episodes it keeps."""
    return pickle.dumps(page_nodes(nodes.insights, nodes.claims), protocol=pickle.HIGHEST_PROTOCOL)


def read_page_nodes(data: bytes) -> dict[str, dict]:
    return unpickled(data, dict)


# share name (also the store namespace) -> how it is made from an episode's nodes and statements
SHARES: dict[str, Callable[[EpisodeNodes, rdf.GraphStatements], bytes]] = {
    "turtle": turtle_share,
    "nquads": nquads_share,
    "page": page_share,
    "page_nodes": page_nodes_share,
}
# output format -> the shares it reads
FORMAT_SHARES = {"turtle": ("turtle",), "nquads": ("nquads",), "html": ("page", "page_nodes")}


_NO_INSIGHTS = {kind.value: 0 for kind in InsightKind}


def episode_counts(nodes: EpisodeNodes) -> dict[str, int]:
    """Nodes per class, as `KnowledgeModel.counts` names them."""
    counts = dict(_NO_INSIGHTS)
    for insight in nodes.insights:
        counts[insight.kind] += 1  # a kind is its value as a key (a StrEnum), without `.value`'s lookup
    counts.update(Episode=1, Claim=len(nodes.claims), Mention=len(nodes.mentions))
    return counts


def make_shares(nodes: EpisodeNodes, names: tuple[str, ...]) -> tuple[int, dict[str, bytes]]:
    """The episode's triple count and the shares `names`, its statements computed once."""
    graph = _statements(nodes)
    return len(graph[1]), {name: SHARES[name](nodes, graph) for name in names}


def in_graph_order(entity_graph: str, entity_share: bytes, episodes: Iterable[tuple[str, bytes]]) -> Iterator[bytes]:
    """The entities' share where its graph IRI sorts among the episodes' (sorted by graph)."""
    pending = [entity_share]
    for graph, share in episodes:
        if pending and entity_graph < graph:
            yield pending.pop()
        yield share
    yield from pending


class StoreLayoutCache(LayoutCache):
    """Page layouts in the store, each under the key of what it laid out."""

    def __init__(self, store: Store, namespace: str):
        from kgraph.build.version import code_version

        super().__init__(store.folder or Path("."), code_version())
        self.store, self.namespace = store, namespace

    def get(self, key: str) -> dict[str, tuple[int, int]] | None:
        positions = self.store.get_object(self.namespace, key, dict)
        return positions if isinstance(positions, dict) else None

    def put(self, key: str, positions: dict[str, tuple[int, int]]) -> None:
        self.store.put_object(self.namespace, key, positions)
