"""A round's investors named inside an entry (`Series B led by Orbex`): which names are taken, and
when a one-word investor is the investment firm a longer name of the corpus gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.extract.investors import deal_investors
from kgraph.extract.results import EntityEntry, EntityKind

from .test_organization_descriptions import second_episode_organizations
from .test_organizations import resolved, sighting, verdicts


def investors(why: str) -> list[str]:
    entry = EntityEntry(kind=EntityKind.ORGANIZATION, name="Corvo Looms", why_mentioned=why, line=1, rank=1)
    found = deal_investors([entry])
    assert all(found_entry.investor and not found_entry.own_entry for found_entry in found)
    return [found_entry.name for found_entry in found]


@pytest.mark.parametrize(
    ("why", "expected"),
    [
        # lone words are firms too (`Accel`, `Temasek`)
        ("Raised a $40M Series B led by Orbex, Halden and Tidal Capital", ["Orbex", "Halden", "Tidal Capital"]),
        # the list's last name carries what the summary says of the round
        ("Series A led by Orbex Capital at a $2B valuation", ["Orbex Capital"]),
        ("Seed round led by Wharfly — a notable bet on looms", ["Wharfly"]),
        ("Series C led by Orbex with participation from Halden and Tidal", ["Orbex", "Halden", "Tidal"]),
        ("Round co-led by Orbex and Halden in February", ["Orbex", "Halden"]),
        # money `from` its sources
        ("Raised $525M from Orbex and Halden Partners", ["Orbex", "Halden Partners"]),
        ("Took $75 million from Orbex's loom fund", []),  # a possessor, not the investor
        ("Funding led by Orbex's own CEO and Tove Lind", []),
        ("Seed round from insiders and others", []),
        ("Raised $3M from Patrick and Jon Wray", []),  # two brothers: no firm `Patrick`
        ("Series A led by Alphabet VC arm at $1B", []),  # a kind of arm, not a name
        ("Series B led by Sam Altman", []),  # an angel, or a name written like one: left out
        # a firm named like a person: a known one, or one with an investment firm's ending
        ("$14M seed led by General Catalyst and Kestrel Aldane", ["General Catalyst"]),
        ("Series A led by Tove Global and Ansel Equity", ["Tove Global", "Ansel Equity"]),
        ("Backed by Amazon, Jane Street and Halden", ["Amazon", "Jane Street", "Halden"]),
        ("Investors included Orbex Capital, Halden and Tidal", ["Orbex Capital", "Halden", "Tidal"]),
        ("Backed by Walmart, Orbex-rival Tove Global and Paris-based Halden", ["Walmart", "Tove Global", "Halden"]),
        ("Series A led by US investors", []),
    ],
)
def test_a_rounds_investors_are_the_names_of_its_list(why: str, expected: list[str]) -> None:
    assert investors(why) == expected


def investor(name: str, document: str, **context: object) -> object:
    return sighting(name, document, **context)._replace(investor=True, listed=False)


def test_a_one_word_investor_is_the_one_investment_firm_of_that_name() -> None:
    result, log = resolved(
        [
            investor("Orbex", "a.md"),
            investor("Orbex", "b.md"),
            sighting("Orbex Venture Partners", "c.md", description="A loom fund"),
        ]
    )
    # the name an entry gives labels it, though the investor's is named more often
    assert result["Orbex"][0] == result["Orbex Venture Partners"][0] == "Orbex Venture Partners"
    assert ("merged", ("Orbex Venture Partners", "Orbex"), "investment firm's suffix form") in verdicts(log)


def test_a_company_named_alike_is_not_its_investment_arm() -> None:
    # `Orbex` is listed as a loom maker somewhere: `led by Orbex` may be the maker or its fund
    result, _ = resolved(
        [
            investor("Orbex", "a.md"),
            sighting("Orbex", "b.md", description="Loom maker"),
            sighting("Orbex Capital", "c.md", description="A loom fund"),
        ]
    )
    assert result["Orbex"][0] != result["Orbex Capital"][0]


def test_a_one_word_investor_with_two_firms_of_that_name_joins_neither() -> None:
    result, log = resolved(
        [
            investor("Orbex", "a.md"),
            sighting("Orbex Capital", "b.md", description="A loom fund"),
            sighting("Orbex Management", "c.md", description="A yarn fund"),
        ]
    )
    assert len({result[name][0] for name in ("Orbex", "Orbex Capital", "Orbex Management")}) == 3
    assert ("candidate", ("Orbex", "Orbex Capital"), "suffix form, but several organizations fit") in verdicts(log)


def test_a_longer_name_that_is_no_investment_firms_does_not_take_the_investor() -> None:
    result, log = resolved([investor("Orbex", "a.md"), sighting("Orbex Health", "b.md", description="Clinics")])
    assert result["Orbex"][0] != result["Orbex Health"][0]
    assert ("candidate", ("Orbex", "Orbex Health"), "suffix form, but named only as a round's investor") in verdicts(
        log
    )


def test_the_investor_in_one_episode_is_the_firm_another_lists(tmp_path: Path) -> None:
    mentioned, labels = second_episode_organizations(
        tmp_path,
        "**Orbex Management**\n- Description: Harbour fund\n",
        "**Halden Mills**\n- Description: Wool mill\n- Why mentioned: $40M Series B led by Orbex\n",
    )
    assert mentioned == {"Halden Mills", "Orbex Management"}
    assert "Orbex" not in labels


_NAMES = ["Orbex", "Orbex Capital", "Orbex Management", "Orbex Health", "Halden", "Halden Partners", "Corvo"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_NAMES), st.booleans(), st.integers(0, 3)), min_size=1, max_size=10),
    st.randoms(use_true_random=False),
)
def test_investor_merges_do_not_depend_on_the_order_of_the_documents(sightings, rng) -> None:
    made = [
        investor(name, f"d{document}.md") if as_investor else sighting(name, f"d{document}.md", description="Fund")
        for name, as_investor, document in sightings
    ]
    shuffled = list(made)
    rng.shuffle(shuffled)
    first, _ = resolved(made)
    second, _ = resolved(shuffled)
    assert first == second
    for name, _, _ in sightings:  # a name given only as an investor joins no operating company named alike
        if all(as_investor for other, as_investor, _ in sightings if other == "Orbex") and name == "Orbex Health":
            assert first["Orbex Health"][0] != first.get("Orbex", ("",))[0]
