"""The page's quote places against the lookup they replaced (kept here as the oracle): each quote
searched for from the start of its insight's text, its offsets counted in UTF-16 code units."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.model import Claim
from kgraph.outputs.html import tables
from kgraph.outputs.html.parts import claim_row


def oracle_place(insight_text: str, quote: str) -> tuple[int, int] | None:
    at = insight_text.find(quote)
    if at < 0:
        return None
    start = len(insight_text[:at].encode("utf-16-le")) // 2
    return start, start + len(quote.encode("utf-16-le")) // 2


def _claim(number: int, text: str) -> dict[str, object]:
    """A claim's row, as the page reads it (`kgraph.outputs.html.parts.claim_row`)."""
    return claim_row(Claim(iri=f"urn:c{number}", label="l", text=text, episode="urn:e", about="urn:i"))


_PIECES = st.text(st.sampled_from("ab \U0001f600é"), min_size=0, max_size=20)
# repetitive texts: a quote's first characters occur again before and after it
_TEXTS = st.builds(lambda unit, times, tail: unit * times + tail, _PIECES, st.integers(1, 12), _PIECES)


@st.composite
def _text_and_quotes(draw: st.DrawFn) -> tuple[str, list[str]]:
    text = draw(_TEXTS)
    quotes = []
    for _ in range(draw(st.integers(1, 8))):
        if text and draw(st.booleans()):
            start = draw(st.integers(0, len(text)))
            quotes.append(text[start : start + draw(st.integers(12, 40))])
        else:
            quotes.append(draw(_TEXTS))
    return text, [quote for quote in quotes if len(quote) >= 12]


@pytest.mark.parametrize("long_text", [0, 1 << 15])  # every text indexed, or none
@settings(max_examples=300, deadline=None)
@given(_text_and_quotes())
def test_each_quote_is_placed_where_the_old_lookup_placed_it(
    long_text: int, text_and_quotes: tuple[str, list[str]]
) -> None:
    text, quotes = text_and_quotes
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tables, "_LONG_TEXT", long_text)
        places = tables._QuotePlaces([_claim(number, quote) for number, quote in enumerate(quotes)])
        for quote in quotes:
            assert places.find("urn:i", text, quote) == oracle_place(text, quote)


def test_a_long_insight_with_many_quotes_is_read_once() -> None:
    quotes = [f"Quote {n} says something long enough to be a claim." for n in range(3000)]
    text = " ".join(f'"{quote}" - Dana \U0001f600' for quote in quotes)
    assert len(text) > tables._LONG_TEXT
    places = tables._QuotePlaces([_claim(number, quote) for number, quote in enumerate(quotes)])
    for quote in quotes[::7]:
        assert places.find("urn:i", text, quote) == oracle_place(text, quote)
