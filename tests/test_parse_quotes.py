"""Quotes in every position, with their displayed timestamps."""

from __future__ import annotations

from kgraph.parse import parse_document
from kgraph.parse.document import SectionKind
from kgraph.parse.quotes import _find_quotes, quotes_in_line
from tests.parse_fixtures import PARSE_FIXTURES, extracted, parsed

K = SectionKind


def test_quote_in_field_with_bracket_timestamp() -> None:
    quote = parsed("gen_a.md").section(K.KEY_THEMES).items[0].quotes[0]
    assert quote.text == "We will never scale kelp farming until a robot costs less than a boat."
    assert quote.timestamp == "00:12:34"
    assert quote.field == "quote"


def test_linked_timestamp_uses_display_time_not_t_parameter() -> None:
    quote = parsed("gen_a.md").section(K.KEY_THEMES).items[1].quotes[0]
    assert quote.text == "the buoys are the real data platform for the whole coast"
    assert quote.timestamp == "00:20:05"  # the link's t=1195s is ten seconds earlier


def test_blockquote_with_fractional_timestamp() -> None:
    quote = parsed("gen_a.md").section(K.CONTRARIAN_PERSPECTIVES).items[0].quotes[0]
    assert quote.location == "blockquote"
    assert quote.timestamp == "00:31:10"
    assert "Orla Penhallow" in quote.after


def test_table_cell_quote_knows_its_column() -> None:
    quote = parsed("gen_a.md").section(K.COMPANIES).items[0].quotes[0]
    assert quote.location == "table"
    assert (quote.table_header or "").lower() == "key quote"
    assert quote.text == "Our drones harvest four hectares every single night"


def test_claim_seconds_from_every_timestamp_shape() -> None:
    claims = {claim.text[:20]: (claim.timestamp, claim.seconds) for claim in extracted("gen_a.md").claims}
    assert claims["We will never scale "] == ("00:12:34", 754)
    assert claims["the buoys are the re"] == ("00:20:05", 1205)
    assert claims["Every subsidy we too"] == ("00:31:10", 1870)
    assert claims["Our drones harvest f"] == (None, None)
    bullet = extracted("gen_b.md").claims[0]  # `- > "..." [00:05:00](...&t=300)`
    assert (bullet.timestamp, bullet.seconds) == ("00:05:00", 300)


def test_short_quotes_are_not_claims() -> None:
    texts = [claim.text for claim in extracted("newsletter.md").claims]
    assert texts == [
        "no private keeper ever paid for a lighthouse without a harbour toll",
        "Always price the externality before you build the tower",
    ]


def test_trailing_material_gives_no_claims() -> None:
    assert all("ornithologist" not in claim.text for claim in extracted("gen_b.md").claims)
    assert len(extracted("gen_b.md").claims) == 1


def test_lines_without_a_quote_mark_skip_the_search() -> None:
    """`quotes_in_line` answers a line without `"` at once: what the full search finds there too."""
    for path in sorted(PARSE_FIXTURES.glob("*.md")):
        document = parse_document(path.name, path.read_text(encoding="utf-8"))
        lines = [*document.preamble, *(line for section in document.sections for line in section.lines)]
        for line in lines:
            assert quotes_in_line(line) == _find_quotes(line)


def test_a_speakers_credit_in_quotation_marks_is_no_claim() -> None:
    from tests.attribution_fixtures import claims_of

    body = (
        "## 3. Companies Identified\n\n| Company | Description | Quote |\n|---|---|---|\n"
        '| **Quayside** | Berth booking | "Tove d\'Lind, founder & co-CEO, Quayside" |\n'
        '| **Orbex** | Harbour fund | "Piet Marrow, partner at Orbex Harbour Capital" |\n'
        '| **Wharfly** | Pilots | "Ana Diaz, head of pilot AI, Wharfly" |\n'
        '| **Tidal** | Tugs | "Berths are the new oil, and every line knows it now" |\n\n'
        "## 1. Key Themes\n\n### Credits\n"
        'Ana Diaz, "head of pilot AI, Wharfly", spoke. Jo said "Jane Roe, our CEO, is leaving the port next month."\n'
    )
    texts = sorted(claim.text for claim in claims_of(body))
    assert texts == [
        "Berths are the new oil, and every line knows it now",
        "Jane Roe, our CEO, is leaving the port next month.",
    ]


def test_credits_are_told_from_sentences_that_start_like_them() -> None:
    from kgraph.parse.quotes import is_credential

    assert is_credential("Olivia Moore, partner at Andreessen Horowitz")
    assert is_credential("Alex Levin, co-founder and CEO, Regal")
    assert is_credential("Priya Vijay, CEO, ASAPP")
    assert not is_credential("Jane Doe, our CEO, is leaving the company next month")
    assert not is_credential("Sam Altman, the CEO, said we will win")
    assert not is_credential("Jane Doe, founder of the company that will win the market")
    assert not is_credential("Capital is scarce, founders say, and CEOs agree")
    assert not is_credential("head of the table, and proud of it")
