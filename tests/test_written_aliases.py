"""A person's aliases are names a text may call them by: a former surname joined to the given
names, a title of address (`Dr.`, `Sen.`), never a bare surname nor a job or outlet in front."""

from __future__ import annotations

from pathlib import Path

import pytest

import kgraph
from kgraph.person_names import address_form

from .test_resolve import write


def _alt_labels(folder: Path) -> dict[str, tuple[str, ...]]:
    return {person.label: person.alt_labels for person in kgraph.build([folder]).model.people}


@pytest.mark.parametrize(
    ("written", "name", "alias"),
    [
        ("Dr. Rhea Talbot", "Rhea Talbot", "Dr. Rhea Talbot"),
        ("Sen. Rhea Talbot", "Rhea Talbot", "Sen. Rhea Talbot"),
        ("Deputy Commissioner Rhea Talbot", "Rhea Talbot", "Deputy Commissioner Rhea Talbot"),
        ("CEO Rhea Talbot", "Rhea Talbot", None),
        ("Co-Founder Rhea Talbot", "Rhea Talbot", None),
        ("General Partner Rhea Talbot", "Rhea Talbot", None),
        ("Ledger's Rhea Talbot", "Rhea Talbot", None),
        ("Rhea Talbot", "Rhea Talbot", None),
    ],
)
def test_only_a_title_of_address_keeps_the_written_form(written: str, name: str, alias: str | None) -> None:
    assert address_form(written, name) == alias


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("### Lena Osei (formerly Okafor)", ("Lena Okafor",)),
        ("### Lena Osei (née Okafor)", ("Lena Okafor",)),
        ("### Lena Osei (now Okafor)", ("Lena Okafor",)),
        ("### Lena Osei (formerly Lena Okafor-Banks)", ("Lena Okafor-Banks",)),
        ("### Lena Osei (aka Lulu)", ("Lulu",)),  # a one-word aka is a nickname
        ("### Dr. Lena Osei", ("Dr. Lena Osei",)),
        ("### CEO Lena Osei", ()),
    ],
)
def test_a_people_entrys_former_surname_is_joined_to_her_given_names(
    tmp_path: Path, heading: str, expected: tuple[str, ...]
) -> None:
    write(
        tmp_path,
        "one.md",
        title="Looms I",
        participants="Greta Vollmer",
        people=f"{heading}\n**Description:** an operator who weaves",
    )
    assert _alt_labels(tmp_path)["Lena Osei"] == expected


def test_a_former_surname_alone_does_not_take_another_persons_mentions(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Looms I",
        participants="Greta Vollmer",
        people="### Lena Osei (formerly Okafor)\n**Description:** an operator",
    )
    write(
        tmp_path,
        "two.md",
        title="Looms II",
        participants="Greta Vollmer",
        day=2,
        body='Greta Vollmer: "Okafor looms outsell everyone\'s this year."',
    )
    graph = kgraph.build([tmp_path])
    lena = next(person for person in graph.model.people if person.label == "Lena Osei")
    assert "Okafor" not in lena.alt_labels
    second = next(episode for episode in graph.model.episodes if episode.label == "Looms II")
    assert lena.iri not in {mention.entity for mention in graph.model.mentions if mention.episode == second.iri}


def test_a_guest_named_with_a_job_in_the_title_gets_no_job_alias(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text(
        """# Looms Weekly Ep. 12 | With Orbex Co-Founder & CEO Dana Ruiz

**Podcast:** Looms Weekly
**Date:** 2025-02-01

---

## Key Themes

### 1. Weaving is back
Dana Ruiz: "Every loom we sold last year was back in service within a week."
""",
        encoding="utf-8",
    )
    assert _alt_labels(tmp_path) == {"Dana Ruiz": ()}
