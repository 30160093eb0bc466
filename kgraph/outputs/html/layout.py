"""Node positions computed once in Python, so the browser draws without a physics simulation.

igraph's Fruchterman-Reingold lays out 10k nodes in about 0.6 s (networkx's spring_layout takes
minutes); a seeded generator and rounding make the positions, and so the page, reproducible. A
build with a cache folder keeps the last layout: a rebuild whose drawn structure did not change
(a reworded quote) reuses it."""

from __future__ import annotations

import hashlib
import math
import pickle
import random
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from kgraph import pickled
from kgraph.outputs.formats.atomic import write_bytes
from kgraph.outputs.html.data import PageGraph

SEED = 20240601
EDGE_LENGTH = 160.0  # median drawn edge length, in page pixels at zoom 1


class LayoutCache:
    """The last force layout, in one file, under the key of what it laid out (`version` names the
    code that made it). An unreadable file is a miss."""

    def __init__(self, path: Path, version: str):
        self.path, self.version = path, version

    def key(self, nodes: list[str], edges: list[tuple[int, int]]) -> str:
        import igraph  # here and in `_force_layout`: a build that draws no page never loads it

        digest = hashlib.blake2b(f"{self.version}|{igraph.__version__}|{SEED}|{EDGE_LENGTH}".encode(), digest_size=16)
        digest.update("\n".join(nodes).encode())
        digest.update(repr(edges).encode())
        return digest.hexdigest()

    def get(self, key: str) -> dict[str, tuple[int, int]] | None:
        stored = pickled.load(self.path, tuple)
        if stored is None or len(stored) != 2:
            return None
        stored_key, positions = stored
        return positions if stored_key == key and isinstance(positions, dict) else None

    def put(self, key: str, positions: dict[str, tuple[int, int]]) -> None:
        write_bytes(self.path, pickle.dumps((key, positions), protocol=pickle.HIGHEST_PROTOCOL))


def layout(
    page: PageGraph, kept: set[str], edges: Iterable[tuple[str, str]], cache: LayoutCache | None = None
) -> dict[str, tuple[int, int]]:
    """Positions of every kept node (`edges`: the relations between them): a force layout of the
    graph without claims, then each episode's claims on a ring around it (claims are hidden by
    default and would only distort)."""
    main = sorted(iri for iri in kept if page.types[iri] != "Claim")
    drawn = set(main)
    positions = _cached_force_layout(main, [pair for pair in edges if pair[0] in drawn and pair[1] in drawn], cache)
    rings: dict[str, list[str]] = defaultdict(list)
    for iri in sorted(kept - set(main)):
        episode = min(page.episodes[iri])
        rings[episode].append(iri)
    for episode, claims in rings.items():
        centre_x, centre_y = positions.get(episode, (0, 0))
        radius = EDGE_LENGTH * (0.6 + len(claims) / 40)
        for index, iri in enumerate(claims):
            angle = 2 * math.pi * index / len(claims)
            positions[iri] = (
                round(centre_x + radius * math.cos(angle)),
                round(centre_y + radius * math.sin(angle)),
            )
    return positions


def _cached_force_layout(
    nodes: list[str], edges: list[tuple[str, str]], cache: LayoutCache | None
) -> dict[str, tuple[int, int]]:
    pairs = index_pairs(nodes, edges)
    if cache is None:
        return _force_layout(nodes, pairs)
    key = cache.key(nodes, pairs)
    positions = cache.get(key)
    if positions is None:
        positions = _force_layout(nodes, pairs)
        cache.put(key, positions)
    return dict(positions)


def index_pairs(nodes: list[str], edges: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """The edges as sorted pairs of indexes into `nodes`, each once, sorted, loops left out."""
    index = {iri: position for position, iri in enumerate(nodes)}
    pairs: set[tuple[int, int]] = set()
    for a, b in edges:
        if a != b:
            i, j = index[a], index[b]  # one lookup each: min and max of the two did four, and two calls
            pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)


def _force_layout(nodes: list[str], pairs: list[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """`pairs`: the edges as sorted index pairs into `nodes`, sorted, no loops."""
    if not nodes:
        return {}
    import igraph

    graph = igraph.Graph(n=len(nodes), edges=pairs)
    previous = random.getstate()
    igraph.set_random_number_generator(random.Random(SEED))
    try:
        coordinates = graph.layout_fruchterman_reingold(grid="grid").coords
    finally:
        igraph.set_random_number_generator(random)
        random.setstate(previous)
    coordinates = _gather_components(coordinates, graph.connected_components())
    scale = EDGE_LENGTH / _median_edge_length(coordinates, graph.get_edgelist())
    return {iri: (round(coordinates[i][0] * scale), round(coordinates[i][1] * scale)) for i, iri in enumerate(nodes)}


def _gather_components(coordinates: list[list[float]], components) -> list[list[float]]:
    """Small components (a degenerate episode and its podcast) drift far from the main one under
    Fruchterman-Reingold and shrink the page's initial fit: set them on a ring just outside it."""
    groups = sorted(components, key=lambda members: (-len(members), min(members)))
    if len(groups) < 2:
        return coordinates
    gathered = [list(point) for point in coordinates]
    centre_x, centre_y = _centroid(coordinates, groups[0])
    radius = max(math.dist((centre_x, centre_y), coordinates[i]) for i in groups[0])
    for number, members in enumerate(groups[1:]):
        angle = 2 * math.pi * number / (len(groups) - 1)
        own_x, own_y = _centroid(coordinates, members)
        shift_x = centre_x + radius * 1.08 * math.cos(angle) - own_x
        shift_y = centre_y + radius * 1.08 * math.sin(angle) - own_y
        for i in members:
            gathered[i] = [coordinates[i][0] + shift_x, coordinates[i][1] + shift_y]
    return gathered


def _centroid(coordinates: list[list[float]], members: list[int]) -> tuple[float, float]:
    return (
        sum(coordinates[i][0] for i in members) / len(members),
        sum(coordinates[i][1] for i in members) / len(members),
    )


def _median_edge_length(coordinates: list[list[float]], edges: list[tuple[int, int]]) -> float:
    lengths = sorted(math.dist(coordinates[a], coordinates[b]) for a, b in edges)
    return (lengths[len(lengths) // 2] if lengths else 1.0) or 1.0
