"""Which nodes the page holds: all of them, a neighbourhood of one (`focus`, `depth`), and at most
`max_nodes` of them, the most connected. Claims follow their episode. What a cap leaves out is
counted, so the page, the console and report.json can say so."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import compress

from kgraph.errors import UsageError
from kgraph.outputs.html.data import PageGraph
from kgraph.outputs.html.options import DEFAULT_MAX_NODES, HtmlOptions
from kgraph.outputs.html.parts import PagePart

__all__ = ["DEFAULT_MAX_NODES", "HtmlOptions", "Selection", "cap_message", "select_nodes"]


@dataclass(frozen=True)
class Selection:
    nodes: frozenset[str]  # kept nodes but the claims
    claims: frozenset[str]  # kept claims (every claim of a kept episode)
    left_out_nodes: int = 0  # by the cap (a focus leaves out by request, not counted)
    left_out_claims: int = 0
    max_nodes: int | None = None


def cap_message(selection: Selection) -> str:
    """One sentence on what `--html-max-nodes` left out, or "" when it left out nothing."""
    if not selection.left_out_nodes and not selection.left_out_claims:
        return ""
    return (
        f"--html-max-nodes {selection.max_nodes} left {selection.left_out_nodes} nodes and "
        f"{selection.left_out_claims} claims out of graph.html (raise it to see them)"
    )


def select_nodes(page: PageGraph, options: HtmlOptions) -> Selection:
    kept = set(page.degree)  # every drawable node but the claims
    if options.focus:
        kept = _within(_neighbours(page), find_node(page, options.focus), options.depth)
    considered = len(kept)
    claims_considered = sum(len(_claims(part)) for part in page.parts if part.episode in kept)
    if options.max_nodes is not None:
        if options.max_nodes < 1:
            raise UsageError("--html-max-nodes must be at least 1")
        kept = most_connected(kept, page.degree, options.max_nodes)
    claims = set().union(*(_claims(part) for part in page.parts if part.episode in kept))
    return Selection(
        frozenset(kept),
        frozenset(claims),
        considered - len(kept),
        claims_considered - len(claims),
        options.max_nodes,
    )


def most_connected(nodes: set[str], degree: dict[str, int], count: int) -> set[str]:
    """The first `count` of `nodes` by degree (highest first), then IRI: the degrees alone are
    counted (sorting every node by (-degree, IRI) took a 10,000-document page 0.1-0.2 s, and
    sorting the degrees alone half that), and the IRIs of the lowest degree kept sorted."""
    if count >= len(nodes):
        return set(nodes)
    order = list(nodes)
    degrees = list(map(degree.__getitem__, order))
    above = 0  # nodes of a higher degree than the one looked at
    for value, nodes_of in sorted(Counter(degrees).items(), reverse=True):
        if above + nodes_of >= count:  # the `count`th node has this degree
            lowest = value
            break
        above += nodes_of
    kept = set(compress(order, map(lowest.__lt__, degrees)))
    kept.update(sorted(compress(order, map(lowest.__eq__, degrees)))[: count - len(kept)])
    return kept


def _claims(part: PagePart) -> tuple[str, ...]:
    return part.claims_of.get(part.episode, ())  # an episode's claims are all about it


def _neighbours(page: PageGraph) -> dict[str, set[str]]:
    """Undirected adjacency of every node but the claims."""
    neighbours: dict[str, set[str]] = {iri: set() for iri in page.degree}
    for (source, target), _names in page.edges():
        if source in neighbours and target in neighbours:
            neighbours[source].add(target)
            neighbours[target].add(source)
    return neighbours


def _within(neighbours: dict[str, set[str]], start: str, depth: int) -> set[str]:
    """Nodes at most `depth` links from `start`."""
    reached, frontier = {start}, {start}
    for _ in range(depth):
        frontier = {other for iri in frontier for other in neighbours[iri]} - reached
        reached |= frontier
    return reached


def find_node(page: PageGraph, name: str) -> str:
    """The node whose label or alias is `name` (case-insensitive); the best-connected if several."""
    wanted = name.casefold().strip()
    matches = [
        iri
        for iri, kind in page.types.items()
        if kind != "Claim"
        and wanted in (label.casefold() for label in [page.nodes[iri]["label"], *page.nodes[iri].get("aliases", [])])
    ]
    if not matches:
        raise UsageError(f"--html-focus: no podcast, episode, person or organization named {name!r}")
    return min(matches, key=lambda iri: (-len(page.episodes[iri]), iri))
