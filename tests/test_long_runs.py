"""Readings that stay linear in a long run of one character or word (bench/bench_adversarial.py
times whole documents of them); here, that each still reads what it read before."""

from __future__ import annotations

from kgraph.extract.organization_names import openings
from kgraph.parse.sections import normalize_heading


def test_a_headings_count_is_no_part_of_its_name() -> None:
    assert normalize_heading("[2. **Key Themes** (3 Themes)](https://example.com)") == "key themes"
    assert normalize_heading("Companies Identified (12)  ") == "companies identified"
    # the last parenthesis only, and only where the heading ends on it
    assert normalize_heading("People (and Firms) Identified") == "people and firms identified"
    assert normalize_heading("Key Themes (a (b)") == "key themes a"
    assert normalize_heading("Key Themes " + "(" * 5000) == "key themes"


def test_a_names_openings_are_its_first_words() -> None:
    assert openings({"petrel labs": "Petrel Labs", "petrel": "Petrel"}) == {"petrel": {"Petrel Labs"}}
    long_name = " ".join(f"w{n}" for n in range(20))
    opened = openings({long_name: "Long"})
    assert "w0" in opened and "w0 w1 w2 w3 w4 w5 w6 w7" in opened
    assert max(len(opening.split()) for opening in opened) == 8
