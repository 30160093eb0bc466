"""Which description an organization named in several episodes carries: what it is, before what
one episode said of it."""

from __future__ import annotations

from pathlib import Path

import kgraph

from .test_resolve import write


def _descriptions(folder: Path, *companies: str) -> dict[str, str | None]:
    for day, block in enumerate(companies, 1):
        write(folder, f"e{day}.md", title=f"Looms {day}", participants="Greta Vollmer", day=day, companies=block)
    return {org.label: org.description for org in kgraph.build([folder]).model.organizations}


def test_what_an_organization_is_wins_over_what_an_episode_said_of_it(tmp_path: Path) -> None:
    found = _descriptions(
        tmp_path,
        '**Halden Mills**\n- Description: Referenced by the host: "they weave faster than anyone"\n',
        "**Halden Mills**\n- Description: Wool mill in Bergen\n",
        "**Halden Mills**\n- Description: Norwegian textile maker\n",  # later: the first plain one stays
    )
    assert found["Halden Mills"] == "Wool mill in Bergen"


def test_an_entry_of_its_own_still_wins_over_a_heading_it_shares(tmp_path: Path) -> None:
    found = _descriptions(
        tmp_path,
        "**Halden Mills, Corvo Looms**\n- Description: Wool suppliers\n",
        '**Halden Mills**\n- Description: Mill the guest "would buy tomorrow"\n',
    )
    assert found["Halden Mills"] == 'Mill the guest "would buy tomorrow"'


def test_a_person_too_is_described_by_what_they_are(tmp_path: Path) -> None:
    for day, description in enumerate(('Guest the host calls "the best weaver alive"', "Weaver at Halden Mills"), 1):
        people = f"**Tove Lind**\n- Description: {description}\n"
        write(tmp_path, f"e{day}.md", title=f"Looms {day}", participants="Greta Vollmer", day=day, people=people)
    found = {person.label: person.description for person in kgraph.build([tmp_path]).model.people}
    assert found["Tove Lind"] == "Weaver at Halden Mills"


def second_episode_organizations(folder: Path, first: str, second: str) -> tuple[set[str], set[str]]:
    """Two episodes listing `first` and `second` (Companies entries): the organizations the second
    mentions, and every organization's label."""
    write(folder, "e1.md", title="Looms 1", participants="Greta Vollmer", day=1, companies=first)
    write(folder, "e2.md", title="Looms 2", participants="Greta Vollmer", day=2, companies=second)
    model = kgraph.build([folder]).model
    labels = {org.iri: org.label for org in model.organizations}
    episode = next(episode for episode in model.episodes if episode.label == "Looms 2")
    return {labels[iri] for iri in episode.mentions if iri in labels}, set(labels.values())


def test_what_an_entry_says_of_its_entity_mentions_the_others_it_names(tmp_path: Path) -> None:
    mentioned, _ = second_episode_organizations(
        tmp_path,
        "**Orbex Capital**\n- Description: Harbour fund\n",
        "**Halden Mills**\n- Description: Wool mill\n- Why mentioned: Its Series B was led by Orbex Capital\n",
    )
    assert mentioned == {"Halden Mills", "Orbex Capital"}


def test_a_rounds_investors_named_in_an_entry_are_organizations_the_episode_mentions(tmp_path: Path) -> None:
    why = (
        "- Why mentioned: Raised a $40M Series B led by Orbex Capital and Halden Ventures, with participation "
        "from NEA, Sam Altman and Tidal.\n"
    )
    write(tmp_path, "e1.md", title="Looms 1", participants="Greta Vollmer", day=1,
          companies=f"**Corvo Looms**\n- Description: Loom maker\n{why}")  # fmt: skip
    model = kgraph.build([tmp_path]).model
    labels = {org.iri: org.label for org in model.organizations}
    (episode,) = model.episodes
    assert {labels[iri] for iri in episode.mentions if iri in labels} == {
        "Corvo Looms",
        "Orbex Capital",
        "Halden Ventures",
        "NEA",
        "Tidal",
    }  # not the angel (a person's name)
    assert "Sam Altman" not in {person.label for person in model.people}


def test_a_why_mentioned_written_on_inside_the_prose_is_the_reason_not_the_description(tmp_path: Path) -> None:
    found = _descriptions(
        tmp_path,
        "**Halden Mills**\nWool mill in Bergen. Owned by its weavers. Why mentioned: the guest's first customer.\n",
        "**Corvo Looms**\nLoom maker. **Why mentioned:** cited for its prices.\n",
    )
    assert found == {"Halden Mills": "Wool mill in Bergen. Owned by its weavers.", "Corvo Looms": "Loom maker."}
