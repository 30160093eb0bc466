"""Louvain communities of a weighted undirected graph, found exactly as networkx 3.6's
`louvain_communities(graph, weight="weight", seed=seed)` finds them: the same moves in the same
order (one `random.Random(seed)` shuffles each level), the same float expressions, the same
neighbour orders. A build then draws its page without importing networkx (about 0.1 s a
process) or building a networkx graph; `tests/test_communities.py` holds the two to the same
answers.

A graph is a dict of dicts, as networkx keeps one: node -> {neighbour: weight}, in insertion
order, a self-loop stored once. Weights are integers here, so sums of them are exact in any order;
the orders kept are those that decide ties (the first best community wins). Names follow
networkx's `algorithms/community/louvain.py`, so the two read side by side."""

from __future__ import annotations

import random
from collections.abc import Hashable, Iterable, Iterator

Adjacency = dict[Hashable, dict[Hashable, int]]
THRESHOLD = 0.0000001  # networkx's default: a level that gains less modularity ends the search
# networkx's `resolution` is 1 here: its products `resolution * x` are x, integer or float


def louvain_communities(
    nodes: Iterable[Hashable], edges: Iterable[tuple[Hashable, Hashable, int]], seed: int
) -> list[set]:
    """The final partition, a list of sets, of the graph with `nodes` (in order) and the weighted
    `edges` added in order, as `nx.Graph.add_nodes_from` and `add_weighted_edges_from` build it."""
    graph: Adjacency = {node: {} for node in nodes}
    for u, v, weight in edges:  # a node not given is added, u before v; a neighbour met again keeps its place
        graph.setdefault(u, {})[v] = weight
        graph.setdefault(v, {})[u] = weight
    rng = random.Random(seed)
    partition = [{u} for u in graph]
    if not any(graph.values()):
        return partition
    mod = _modularity(graph, partition)
    level: Adjacency = {u: {} for u in graph}  # networkx works on a copy, built edge by edge: other neighbour orders
    for u, v, weight in _edges(graph):
        level[u][v] = level[v][u] = weight
    members: dict[Hashable, set] = {}  # a level's node -> the original nodes it stands for
    m = _size(level)
    partition, inner, improvement = _one_level(level, members, m, partition, rng)
    found = partition
    improvement = True
    while improvement:
        found = [group.copy() for group in partition]
        new_mod = _modularity(level, inner)
        if new_mod - mod <= THRESHOLD:
            return found
        mod = new_mod
        level, members = _gen_graph(level, members, inner)
        partition, inner, improvement = _one_level(level, members, m, partition, rng)
    return found


def _edges(graph: Adjacency) -> Iterator[tuple[Hashable, Hashable, int]]:
    """Each edge once, from the node met first (`Graph.edges`)."""
    seen: set[Hashable] = set()
    for u, neighbours in graph.items():
        for v, weight in neighbours.items():
            if v not in seen:
                yield u, v, weight
        seen.add(u)


def _degree(graph: Adjacency, u: Hashable) -> int:
    neighbours = graph[u]
    return sum(neighbours.values()) + neighbours.get(u, 0)  # a self-loop counts twice


def _size(graph: Adjacency) -> float:
    return sum(_degree(graph, u) for u in graph) / 2


def _modularity(graph: Adjacency, communities: list[set]) -> float:
    degree = {u: _degree(graph, u) for u in graph}
    degree_sum = sum(degree.values())
    m = degree_sum / 2
    norm = 1 / degree_sum**2

    def contribution(community: set) -> float:
        # each edge once (`Graph.edges(community)`): a pair is seen from both its ends, a loop from one
        pairs = sum(w for u in community for v, w in graph[u].items() if v != u and v in community)
        internal = pairs // 2 + sum(graph[u].get(u, 0) for u in community)
        degrees = sum(degree[u] for u in community)
        return internal / m - degrees * degrees * norm

    return sum(map(contribution, communities))


def _one_level(
    graph: Adjacency, members: dict[Hashable, set], m: float, partition: list[set], rng: random.Random
) -> tuple[list[set], list[set], bool]:
    """networkx's passes over the nodes in one shuffled order until none moves. Nodes are
    numbered in the graph's order (a node's community starts as its number) so lookups index
    lists: a shuffle's swaps depend only on the length, so the numbers shuffle as the nodes do."""
    nodes = list(graph)
    number = {u: i for i, u in enumerate(nodes)}
    node2com = list(range(len(nodes)))
    inner_partition = [{u} for u in nodes]
    degrees = [_degree(graph, u) for u in nodes]
    total = degrees.copy()
    nbrs = [[(number[v], w) for v, w in graph[u].items() if v != u] for u in nodes]
    rand_nodes = list(range(len(nodes)))
    rng.shuffle(rand_nodes)
    twice_m_squared = 2 * m**2
    nb_moves = 1
    improvement = False
    while nb_moves > 0:
        nb_moves = 0
        for u in rand_nodes:
            best_mod: float = 0
            best_com = node2com[u]
            weights2com: dict[int, float] = {}
            for nbr, wt in nbrs[u]:
                com = node2com[nbr]
                weights2com[com] = weights2com.get(com, 0.0) + wt
            degree = degrees[u]
            total[best_com] -= degree
            remove_cost = -weights2com.get(best_com, 0.0) / m + (total[best_com] * degree) / twice_m_squared
            for nbr_com, weight in weights2com.items():
                gain = remove_cost + weight / m - (total[nbr_com] * degree) / twice_m_squared
                if gain > best_mod:
                    best_mod = gain
                    best_com = nbr_com
            total[best_com] += degree
            if best_com != node2com[u]:
                node = nodes[u]
                moved = members.get(node, {node})
                partition[node2com[u]].difference_update(moved)
                inner_partition[node2com[u]].remove(node)
                partition[best_com].update(moved)
                inner_partition[best_com].add(node)
                improvement = True
                nb_moves += 1
                node2com[u] = best_com
    return list(filter(len, partition)), list(filter(len, inner_partition)), improvement


def _gen_graph(
    graph: Adjacency, members: dict[Hashable, set], partition: list[set]
) -> tuple[Adjacency, dict[Hashable, set]]:
    """The next level: a node per community, edges summing the weights between communities."""
    level: Adjacency = {}
    level_members: dict[Hashable, set] = {}
    node2com = {}
    for i, part in enumerate(partition):
        nodes: set = set()
        for node in part:
            node2com[node] = i
            nodes.update(members.get(node, {node}))
        level[i] = {}
        level_members[i] = nodes
    for u, v, weight in _edges(graph):
        com1, com2 = node2com[u], node2com[v]
        level[com1][com2] = level[com2][com1] = weight + level[com1].get(com2, 0)
    return level, level_members
