"""People Identified headings that name several people: `A / B`, `A and B`, and given names
joined before one surname (`Tove and Ansel Marrick`, siblings or a couple)."""

from __future__ import annotations

from pathlib import Path

import pytest

import kgraph

from .test_resolve import write


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("**Tove and Ansel Marrick**", {"Tove Marrick", "Ansel Marrick"}),
        ("### Tove & Ansel Marrick", {"Tove Marrick", "Ansel Marrick"}),
        ("### Tove, Ansel and Edda van der Berg", {"Tove van der Berg", "Ansel van der Berg", "Edda van der Berg"}),
        ("### Tove and Ansel Marrick Jr.", {"Tove Marrick", "Ansel Marrick Jr."}),  # the son is Ansel
        ("### Tove Marrick and Ansel Drew", {"Tove Marrick", "Ansel Drew"}),
        ("### Research and Development Team", set()),  # no name in it
    ],
)
def test_given_names_before_one_surname_are_each_a_person(tmp_path: Path, heading: str, expected: set[str]) -> None:
    write(
        tmp_path,
        "one.md",
        title="Looms I",
        participants="Greta Vollmer",
        people=f"{heading}\n*Description:* siblings who run a mill",
    )
    people = {person.label for person in kgraph.build([tmp_path]).model.people}
    assert people - {"Greta Vollmer"} == expected


def test_a_people_entry_with_the_offices_place_before_the_title_is_the_person(tmp_path: Path) -> None:
    write(
        tmp_path,
        "one.md",
        title="Looms I",
        participants="Greta Vollmer",
        people="**U.S. District Judge Rhea Talbot**\n*Description:* presides over the loom case",
    )
    people = {person.label: person.alt_labels for person in kgraph.build([tmp_path]).model.people}
    assert people == {"Greta Vollmer": (), "Rhea Talbot": ("U.S. District Judge Rhea Talbot",)}
