"""Parts of the parser rewritten for speed, each held to the code it replaced (kept here as the
oracle) on generated inputs."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kgraph.parse import inline

# The patterns as they were: a look-behind first, so the regex engine tried them at every position.
_OLD_NOT_A_STAR_PAIR = re.compile(r"(?<!\*)\*(?!\*)|\*\*\*")
_OLD_SIMPLE_LINK = re.compile(
    r"(?<!!)\[(\[\d[\d:.]*\]|[^\[\]*_`<>\\]*)\]"
    r"\((?:(?=https?://)|(?![A-Za-z][A-Za-z0-9+.-]*:))[^\s()<>\\\[\]`\x00-\x1f\x7f]*\)"
)

_LINK_PIECES = ["!", "[x](y)", "[[00:01]](https://a.b/c)", "[a](x:y)", "[", "]", "](", "(", ")", " ", "x", "*", "\\"]


@settings(max_examples=500)
@given(st.text(alphabet="*x ", max_size=12))
def test_not_a_star_pair_finds_what_it_found(text: str) -> None:
    assert bool(inline._NOT_A_STAR_PAIR.search(text)) == bool(_OLD_NOT_A_STAR_PAIR.search(text))


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_LINK_PIECES), max_size=12))
@example(["![", "x", "](", ")"])  # an image
def test_simple_link_splits_as_it_split(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert inline._SIMPLE_LINK.split(text) == _OLD_SIMPLE_LINK.split(text)
