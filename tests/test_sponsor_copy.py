"""A sponsor's entry quotes the ad's copy (`Built for scale. Trusted by teams that move fast.`), and a
newsletter calls on its readers (`Subscribe to ...`): no claims. A company that sponsored something
in the news keeps its quote."""

from __future__ import annotations

import pytest

from .attribution_fixtures import claims_of

QUOTE = "Built for scale and trusted by the teams that move fast."


@pytest.mark.parametrize(
    ("why", "claimed"),
    [
        ("Newsletter sponsor; a finance stack for scaling teams", False),
        ("This issue's sponsor", False),
        ("Sponsor of this episode", False),
        ("Sponsor", False),
        ("Sponsored the loom study that the guest cites", True),  # a deed, not an ad
        ("Cited for its pricing", True),
    ],
)
def test_a_sponsors_quote_is_no_claim(why: str, claimed: bool) -> None:
    body = f'## 3. Companies Identified\n\n**Orbex**\n- **Why Mentioned:** {why}\n- **Quote:** *"{QUOTE}"*\n'
    texts = [claim.text for claim in claims_of(body, source="newsletter")]
    assert (QUOTE in texts) == claimed


@pytest.mark.parametrize(
    ("text", "call"),
    [
        ("Subscribe to Loom Weekly for conversations with the founders shaping looms.", True),
        ("For sponsorship opportunities across this newsletter, email: desk@example.com", True),
        ("Sign up for the waitlist today and get the first loom free.", True),
        ("We asked every customer to subscribe to the idea that price is the product.", False),
        ("Subscribers pay us more than advertisers ever did, every single year.", False),
    ],
)
def test_a_newsletters_call_to_its_readers_is_no_claim(text: str, call: bool) -> None:
    body = f'## 1. Key Themes\n\n### Growth\nDana Ruiz explains: "{text}"\n'
    texts = [claim.text for claim in claims_of(body, source="newsletter")]
    assert (text in texts) != call
