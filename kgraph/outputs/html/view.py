"""What the explorer draws, computed once for the page and the Gephi export alike: which nodes the
page holds (`--html-max-nodes`, `--html-focus`), their positions, sizes and communities, the first
view (the best-known entities and shows) and which of its labels are drawn."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kgraph.outputs.html.communities import louvain_communities
from kgraph.outputs.html.data import PageGraph, edges_within
from kgraph.outputs.html.layout import SEED, LayoutCache, layout
from kgraph.outputs.html.options import HtmlOptions
from kgraph.outputs.html.select import Selection, select_nodes
from kgraph.outputs.html.style import STYLE_BY_CLASS

FIRST_VIEW = 400  # entities drawn at first (shows come on top); the rest is a search or a click away
LABELS = 60  # labels drawn in the first view at most, the best-known first, none overlapping
VIEW_WIDTH, VIEW_HEIGHT = 1200.0, 760.0  # the first view's extent in page pixels: fits at zoom ~1
FONT = 12.0
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#bcbd22", "#7f7f7f")
OTHER_COMMUNITY = "#a5adb8"


@dataclass
class View:
    selection: Selection
    nodes: list[str]  # kept non-claim nodes, sorted: their index is their page id
    claims: list[str]  # kept claims, sorted
    positions: dict[str, tuple[int, int]]  # entities, shows and episodes
    size: dict[str, float]
    community: dict[str, int]  # entities and shows -> community rank (0 = largest), -1 none
    first: list[str]  # nodes drawn at first
    labelled: set[str] = field(default_factory=set)
    first_edges: list[tuple[str, str, int]] = field(default_factory=list)  # (entity, show or entity, weight)
    edges: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # relations among `nodes`

    def color(self, iri: str, class_name: str) -> str:
        rank = self.community.get(iri, -1)
        if rank < 0:
            return STYLE_BY_CLASS[class_name].color
        return PALETTE[rank] if rank < len(PALETTE) else OTHER_COMMUNITY


def explorer_view(page: PageGraph, options: HtmlOptions | None = None, cache: LayoutCache | None = None) -> View:
    selection = select_nodes(page, options or HtmlOptions())
    nodes = sorted(selection.nodes)
    claims = sorted(selection.claims)
    corpus = [iri for iri in nodes if STYLE_BY_CLASS[page.types[iri]].corpus_level]
    laid = set(corpus) | {iri for iri in nodes if page.types[iri] == "Episode"}
    kept_edges = page.edges_among(set(nodes))
    laid_edges = edges_within(kept_edges, laid)
    positions = _fit(layout(page, laid, list(laid_edges), cache), corpus)
    episodes_of = {iri: len(page.episodes[iri]) for iri in corpus}
    shows = _shows_of(page, corpus, laid_edges)
    community = _communities(corpus, shows, edges_within(laid_edges, set(corpus)))
    ranked = sorted((iri for iri in corpus if page.types[iri] != "Podcast"), key=lambda iri: (-episodes_of[iri], iri))
    first = sorted({*ranked[:FIRST_VIEW], *(iri for iri in corpus if page.types[iri] == "Podcast")})
    size = {iri: _size(page.types[iri], episodes_of.get(iri, 0)) for iri in nodes}
    view = View(selection, nodes, claims, positions, size, community, first, edges=kept_edges)
    shown = set(first)
    view.first_edges = sorted(
        [(a, b, n) for (a, b), n in shows.items() if a in shown and b in shown]
        + [(a, b, 1) for (a, b) in edges_within(laid_edges, shown)]
    )
    view.labelled = _place_labels(page, view)
    return view


def _size(class_name: str, episodes: int) -> float:
    if STYLE_BY_CLASS[class_name].corpus_level:
        return round(min(22.0, 3.5 + 2.2 * math.sqrt(episodes)), 1)
    return 5.0


def _shows_of(
    page: PageGraph, corpus: list[str], laid_edges: dict[tuple[str, str], list[str]]
) -> Counter[tuple[str, str]]:
    """(entity, show) -> episodes of the show the entity appears in (`laid_edges`: the relations
    among the laid out nodes)."""
    podcast_of: dict[str, str] = {}
    for (source, target), names in laid_edges.items():
        if "in podcast" in names:
            podcast_of[source] = target
    shows: Counter[tuple[str, str]] = Counter()
    for iri in corpus:
        if page.types[iri] == "Podcast":
            continue
        for episode in page.episodes[iri]:
            if episode in podcast_of:
                shows[(iri, podcast_of[episode])] += 1
    return shows


def _communities(
    corpus: list[str], shows: Counter[tuple[str, str]], links: dict[tuple[str, str], list[str]]
) -> dict[str, int]:
    """Louvain communities of entities and shows (seeded: the page stays byte-stable), ranked by size."""
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for (a, b), count in shows.items():
        weights[(min(a, b), max(a, b))] += count
    for a, b in links:
        if a != b:
            weights[(min(a, b), max(a, b))] += 1
    edges = [(a, b, w) for (a, b), w in sorted(weights.items())]
    found = louvain_communities(corpus, edges, SEED) if weights else []
    groups = sorted((sorted(group) for group in found if len(group) > 1), key=lambda g: (-len(g), g[0]))
    return {iri: rank for rank, group in enumerate(groups) for iri in group}


def _fit(positions: dict[str, tuple[int, int]], corpus: list[str]) -> dict[str, tuple[int, int]]:
    """Scale the layout so the entities and shows span the first view's extent."""
    points = [positions[iri] for iri in corpus if iri in positions] or list(positions.values())
    if not points:
        return {}
    xs, ys = sorted(x for x, _ in points), sorted(y for _, y in points)
    trim = len(points) // 40  # a few outliers (a show on its own) must not shrink the rest
    low_x, high_x, low_y, high_y = xs[trim], xs[-1 - trim], ys[trim], ys[-1 - trim]
    scale = min(VIEW_WIDTH / ((high_x - low_x) or 1), VIEW_HEIGHT / ((high_y - low_y) or 1))
    centre_x, centre_y = (high_x + low_x) / 2, (high_y + low_y) / 2
    return {iri: (round((x - centre_x) * scale), round((y - centre_y) * scale)) for iri, (x, y) in positions.items()}


def _place_labels(page: PageGraph, view: View) -> set[str]:
    """The first view's labels, best-known first, each drawn only where it overlaps no other."""
    placed: list[tuple[float, float, float, float]] = []
    labelled: set[str] = set()
    order = sorted(view.first, key=lambda iri: (-view.size[iri], iri))
    for iri in order:
        if len(labelled) >= LABELS:
            break
        x, y = view.positions.get(iri, (0, 0))
        width = 0.6 * FONT * min(len(page.nodes[iri]["label"]), 32) + 4
        top = y + view.size[iri] + 1
        box = (x - width / 2, top, x + width / 2, top + FONT + 2)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            continue
        placed.append(box)
        labelled.add(iri)
    return labelled
