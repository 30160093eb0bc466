"""Products the prose introduces by what they are (`Ledgerly's flagship product, Close Autopilot,`),
though no list knows them, and their makers where a listed organization's possessive or its own
entry says so. Invented names only."""

from __future__ import annotations

import pytest

from kgraph.extract import extract_document
from kgraph.extract.results import EntityKind
from kgraph.parse import parse_document


def products(theme: str, companies: str = "**Ledgerly**\n- Description: Finance software\n") -> dict:
    text = f"""# Closing the Books

**Podcast:** Compounding Signals
**Date:** 2025-09-16
**Participants:** Marisol Quintero, Declan Voss

---

## 1. Key Themes

### Seats Are Dead
{theme}

## 3. Companies Identified

{companies}
"""
    entities = extract_document(parse_document("a.md", text)).entities
    return {entity.name: entity.made_by for entity in entities if entity.kind == EntityKind.PRODUCT}


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        ("The launch of Close Autopilot, Ledgerly's flagship product, changed pricing.", {"Close Autopilot": ()}),
        ("Ledgerly's core product, Close Autopilot, runs the close.", {"Close Autopilot": ("Ledgerly",)}),
        ("Ledgerly sells it with its Perch SDK, which handles quantization.", {"Perch SDK": ()}),
        ("Solstra uses its own GridBank 4 battery system.", {"GridBank 4": ()}),
        ("Ampersand Grid launched FlexDispatch, a service that lets utilities bid.", {"FlexDispatch": ()}),
        ("Its products include Juniper Sweep and Runway Forecast.", {"Juniper Sweep": (), "Runway Forecast": ()}),
        ("Ledgerly launched Ledgerly Cloud in 2019.", {}),  # a launch that says nothing of what it is
        ("Marisol Quintero's team, Declan Voss's podcast.", {}),  # people's possessives name no product
        ("Ledgerly built its own CRM system.", {}),  # a kind of thing
        ("The company abandoned its IP-licensing model.", {}),
        ("The Agent is new; an agent product, its Agent platform.", {}),  # a word the text writes in lower case
        ("Orbex launched Stripe, a payments platform, and their Salesforce platform.", {}),  # known companies
        ("Orbex launched Monday, a platform, and released Q3 Results, a product of work.", {}),
    ],
)
def test_a_product_the_prose_says_is_one_is_a_product(theme: str, expected: dict) -> None:
    assert products(theme) == expected


def test_its_product_in_an_organizations_own_entry_is_made_by_it() -> None:
    companies = (
        "**Ledgerly**\n- Description: Finance software; its LoadLens platform scores loads.\n\n"
        "**Halden Capital**\n- Description: Fund that invested in Orvane Motors and its Allfleet bus platform.\n"
    )
    assert products("Talk.", companies) == {"LoadLens": ("Ledgerly",), "Allfleet": ()}  # (Orvane's, not Halden's)
