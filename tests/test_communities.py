"""The page's Louvain communities are networkx's, move for move: `louvain_communities` in
`kgraph.outputs.html.communities` replaced `nx.community.louvain_communities` (what the page
called before), so graph.html stays byte-identical while a build no longer imports networkx."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.outputs.html.communities import louvain_communities


def networkx_communities(nodes, edges, seed):
    """What the page ran before (`view._communities`)."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_weighted_edges_from(edges)
    return nx.community.louvain_communities(graph, weight="weight", seed=seed)


names = st.sampled_from([f"n{i:02d}" for i in range(40)])


@st.composite
def graphs(draw):
    nodes = draw(st.lists(names, unique=True, max_size=30))
    # repeated pairs (the later weight wins), self-loops and nodes not listed (added last) included
    edges = draw(st.lists(st.tuples(names, names, st.integers(1, 6)), max_size=120))
    return nodes, edges, draw(st.integers(0, 2**32))


@settings(max_examples=400, deadline=None)
@given(graphs())
def test_the_communities_are_networkxs(graph):
    nodes, edges, seed = graph
    assert louvain_communities(nodes, edges, seed) == networkx_communities(nodes, edges, seed)


@pytest.mark.parametrize("seed", range(12))
def test_the_communities_of_a_clustered_graph_are_networkxs(seed):
    # several levels: groups of nodes densely linked inside, sparsely across
    import random

    rng = random.Random(seed)
    nodes = [f"https://example.org/kg/{rng.random():.6f}" for _ in range(300)]
    groups = [nodes[i : i + rng.randint(5, 40)] for i in range(0, 300, 25)]
    edges = {}
    for group in groups:
        for _ in range(len(group) * 3):
            a, b = rng.sample(group, 2) if len(group) > 1 else (group[0], group[0])
            edges[(min(a, b), max(a, b))] = rng.randint(1, 9)
    for _ in range(120):
        a, b = rng.sample(nodes, 2)
        edges[(min(a, b), max(a, b))] = 1
    weighted = [(a, b, w) for (a, b), w in sorted(edges.items())]
    found = louvain_communities(nodes, weighted, 20240601)
    assert found == networkx_communities(nodes, weighted, 20240601)
    assert 5 < len(found) < 150
