"""The force layout's input: the edges as index pairs, against the expression it replaced (kept
here as the oracle)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kgraph.outputs.html.layout import index_pairs


def old_index_pairs(nodes: list[str], edges: list[tuple[str, str]]) -> list[tuple[int, int]]:
    index = {iri: position for position, iri in enumerate(nodes)}
    return sorted({(min(index[a], index[b]), max(index[a], index[b])) for a, b in edges if a != b})


@st.composite
def graphs(draw: st.DrawFn) -> tuple[list[str], list[tuple[str, str]]]:
    nodes = draw(st.lists(st.text("abc", max_size=3), unique=True, min_size=1, max_size=12))
    named = st.sampled_from(nodes)
    # both directions, repeated pairs and loops included
    return nodes, draw(st.lists(st.tuples(named, named), max_size=40))


@given(graphs())
def test_the_index_pairs_are_those_of_the_old_expression(graph: tuple[list[str], list[tuple[str, str]]]) -> None:
    nodes, edges = graph
    assert index_pairs(nodes, edges) == old_index_pairs(nodes, edges)
