"""Affiliations stated in a Companies entry's prose, and the matcher that finds them: pinned to
the per-entry regex it replaced (a pattern compiled from the document's names and the entry)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.extract import extract_document
from kgraph.extract.relations import _has_cue, _statements
from kgraph.names import word_boundary
from kgraph.parse import parse_document

# The pattern `_statements` runs, as it was compiled per entry before.
_WORKED = (
    r"(?:(?:has\s+)?(?:worked|works|work|working|spent\s+\w+\s+years?)\s+(?:\w+\s+){{0,3}}?(?:there|at\s+(?:the\s+)?{org})"
    r"|(?:founded|co-?founded|cofounded|leads|led|runs|ran|joined|heads|headed|started)\s+(?:it|the company|{org})"
    r"|(?:is|was|as)\s+(?:the\s+|a\s+)?(?:former\s+)?(?:ceo|cto|coo|cfo|founder|co-?founder|president|head|partner|"
    r"chief\s+\w+\s+officer|chair(?:man)?)\s+(?:of|at)\s+(?:it|the company|{org}))"
)


def _by_regex(text: str, forms: list[str], organization: str) -> list[tuple[int, int, int]]:
    """(start, end, which form) of each match of the old per-entry pattern."""
    names = "|".join(f"({re.escape(form)})" for form in forms)
    pattern = re.compile(rf"\b(?P<who>{names})\b[^.\"]{{0,40}}?\b{_WORKED.format(org=re.escape(organization))}", re.I)
    found = []
    for match in pattern.finditer(text):
        rank = next(i for i in range(len(forms)) if match.group(i + 2) is not None)
        found.append((match.start(), match.end(), rank))
    return found


def _by_matcher(text: str, forms: list[str], organization: str) -> list[tuple[int, int, int]]:
    return [(start, end, forms.index(form)) for start, end, form in _statements(text, forms, organization)]


# Pieces that make the pattern's every branch, near misses and characters that case-folding
# treats specially (`ſ` is an `s`, `K` the Kelvin sign a `k`, `İ` an `i`).
_NAMES = ["thomas", "thomas dimson", "tom", "ann lee", "lee", "jo", "ſam", "sam", "kai", "o'neil", "jean-luc", "a_b"]
_ORGANIZATIONS = ["Instagram", "The Company", "the Acme", "Acme", "ACME Labs", " Acme", "Acme.", "it", "", "Über"]
_WORDS = [
    *"worked works work working has spent five years year founded co-founded cofounded leads led runs ran".split(),
    *"joined heads headed started is was as the a former CEO cto chief product officer chairman chair".split(),
    *"head partner of at there therefore it its company x".split(),
    "the company",
    "spent 3 years",
    "words " * 12,
    ".",
    '"',
    ",",
]
_SPACES = [" ", " ", " ", "  ", "\n", "\t", "", "-", "_", "\u00a0"]
_LETTER_SWAPS = str.maketrans({"s": "ſ", "k": "\u212a", "i": "\u0130"})


def _cased(piece: str, how: int) -> str:
    return [piece, piece.upper(), piece.title(), piece.translate(_LETTER_SWAPS)][how]


_forms = st.lists(
    st.sampled_from(_NAMES) | st.text(alphabet="absſık'-_ é", min_size=1, max_size=6),
    min_size=1,
    max_size=5,
    unique=True,
).map(lambda forms: sorted(forms, key=len, reverse=True))


def _spaced(*words: str) -> st.SearchStrategy[str]:
    """`words` joined by the spaces the pattern allows, or none (a near miss)."""
    spaces = st.sampled_from([" "] * len(_SPACES) + _SPACES)  # mostly a plain space
    return st.lists(spaces, min_size=len(words), max_size=len(words)).map(
        lambda spaces: "".join(word + space for word, space in zip(words, spaces, strict=True))
    )


@st.composite
def _statement(draw: st.DrawFn, forms: list[str], organization: str) -> str:
    """A name, a gap, then one branch of the pattern (or nearly) ending at the organization."""
    target = draw(st.sampled_from(["there", "therefore", "it", "its", "the company", organization, "x"]))
    target = draw(st.sampled_from([target, f"the {organization}", f"The  {organization}"]))
    kind = draw(st.integers(0, 2))
    if kind == 0:
        lead = draw(
            st.sampled_from(["worked", "works", "work", "working", "has worked", "spent five years", "workers"])
        )
        between = draw(st.lists(st.sampled_from(["for", "a", "long", "time"]), max_size=4))
        at = draw(st.sampled_from(["", "at", "at the", "At  The"]))
        phrase = draw(_spaced(lead, *between, at, target))
    elif kind == 1:
        verb = draw(
            st.sampled_from("founded co-founded cofounded leads led runs ran joined heads headed started".split())
        )
        phrase = draw(_spaced(verb, target))
    else:
        article = draw(st.sampled_from(["", "the", "a", "the former", "former"]))
        role = draw(
            st.sampled_from(["ceo", "CTO", "founder", "co-founder", "chief product officer", "chairman", "chai"])
        )
        phrase = draw(
            _spaced(
                draw(st.sampled_from(["is", "was", "as"])), article, role, draw(st.sampled_from(["of", "at"])), target
            )
        )
    gap = draw(st.sampled_from(["", " ", ", who ", " (the founder) ", f" {'y' * 38} ", f" {'y' * 39} ", ". ", ' "x" ']))
    how = st.sampled_from([0, 0, 0, 1, 2, 3])  # mostly as written
    return _cased(draw(st.sampled_from(forms)), draw(how)) + gap + _cased(phrase, draw(how))


@st.composite
def _entries(draw: st.DrawFn) -> tuple[str, list[str], str]:
    forms = draw(_forms)
    organization = draw(st.sampled_from(_ORGANIZATIONS) | st.text(alphabet="Acmeſ .", max_size=6))
    pieces = st.sampled_from([*forms, organization, *_WORDS])
    loose = st.tuples(pieces, st.integers(0, 3), st.sampled_from(_SPACES)).map(lambda p: _cased(p[0], p[1]) + p[2])
    parts = draw(st.lists(_statement(forms, organization) | loose, max_size=6))
    return (
        "".join([*parts, draw(_statement(forms, organization)), *draw(st.lists(loose, max_size=3))]),
        forms,
        organization,
    )


@settings(max_examples=300, deadline=None)
@given(_entries())
def test_the_matcher_finds_what_the_per_entry_pattern_found(entry: tuple[str, list[str], str]) -> None:
    text, forms, organization = entry
    assert _by_matcher(text, forms, organization) == _by_regex(text, forms, organization)


def test_the_matcher_takes_the_branches_the_pattern_takes() -> None:
    cases = [
        ("Thomas Dimson worked there.", ["thomas dimson", "thomas"], "Instagram"),
        ("Thomas has worked for years at the Instagram team", ["thomas"], "Instagram"),
        ("Ann, who spent five years at   The Company, left", ["ann"], "The Company"),
        ("Lee co-founded it; Jo is the former chief product officer of ACME", ["lee", "jo"], "Acme"),
        ("Lee worked there. Lee worked there", ["lee"], "X"),
        ("ſam was a ceo at  \u212aelvin", ["sam"], "kelvin"),
        ("Lee joined  Acme; Lee worked at  Acme; Lee worked at the  Acme", ["lee"], " Acme"),
        (f"Lee {'y' * 38} worked there", ["lee"], "X"),  # forty characters between: the most
    ]
    for text, forms, organization in cases:
        assert _by_matcher(text, forms, organization) == _by_regex(text, forms, organization)
        assert _by_matcher(text, forms, organization)
    assert not _by_matcher(f"Lee {'y' * 39} worked there", ["lee"], "X")


# The cue test as first written: one case-insensitive search.
_CUE_AS_FIRST_WRITTEN = re.compile(
    r"\b(?:work|worked|works|working|spent|founded|co-?founded|cofounded|leads|led|runs|ran|joined|heads|"
    r"headed|started|ceo|cto|coo|cfo|founder|co-?founder|president|head|partner|chief|chair(?:man)?)\b",
    re.I,
)
_CUE_PIECES = st.sampled_from(
    [*"work worked workers rework leads led ledger ceo cfo co-founder cofounder chairman chair chairs".split(), "x"]
) | st.text(alphabet="aceiklnorsw-ſ\u212a\u0130_1 ", max_size=4)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_CUE_PIECES, st.integers(0, 3), st.sampled_from(_SPACES)), max_size=6))
def test_the_cue_is_what_the_case_insensitive_pattern_found(parts: list[tuple[str, int, str]]) -> None:
    text = "".join(_cased(piece, how) + space for piece, how, space in parts)
    assert _has_cue(text) == (_CUE_AS_FIRST_WRITTEN.search(text) is not None)


def test_the_cue_needs_a_word_boundary_on_both_sides() -> None:
    assert _has_cue("He Worked there") and _has_cue("the CEO.") and _has_cue("co-founder") and _has_cue("\u212aeo ceo")
    assert not _has_cue("reworked") and not _has_cue("ceos") and not _has_cue("x_ceo") and not _has_cue("ledger")
    assert _has_cue("wor\u212a") and not _has_cue("wor\u212aers")  # the Kelvin sign is a `k`


@given(st.text(alphabet="ab _-é1\u00a0", max_size=8), st.integers(0, 9))
def test_word_boundary_is_what_backslash_b_matches(text: str, index: int) -> None:
    index = min(index, len(text))
    assert word_boundary(text, index) == (re.compile(r"\b").match(text, index) is not None)


def _participants_affiliations(participants: str, companies: str) -> dict[str, tuple[str, ...]]:
    """Each participant's affiliations, in an episode whose Companies section is `companies`."""
    markdown = f"# Episode\n\n**Participants:** {participants}\n\n## Companies Mentioned\n\n{companies}"
    extraction = extract_document(parse_document("summary.md", markdown))
    return {person.name: person.affiliations for person in extraction.people}


def test_an_entry_saying_someone_worked_there_affiliates_them() -> None:
    found = _participants_affiliations(
        "Thomas Dimson",
        "### Instagram\nThe photo app. Thomas Dimson worked there on ranking.\n\n### Acme\nA maker of anvils.\n",
    )
    assert found == {"Thomas Dimson": ("Instagram",)}


def test_an_entry_calling_the_organization_someones_company_affiliates_them() -> None:
    found = _participants_affiliations(
        "Greta Vollmer, Piet Marrow",
        "### Softloom\n**Description:** Greta Vollmer's AI safety company.\n\n"
        "### Corvo\n**Description:** A lab that Piet's rival runs; Marrow's company is elsewhere.\n\n"
        "### Quill\n**Description:** A brand renamed with Piet's firm's help.\n\n"
        "### Tessel / Orbex\nPiet's AI company; Orbex is its cloud.\n",
    )
    assert found == {"Greta Vollmer": ("Softloom",), "Piet Marrow": ()}  # a surname alone is no one's form


def test_someone_elses_work_there_is_not_the_named_persons() -> None:
    found = _participants_affiliations(
        "Greta Vollmer, Piet Marrow",
        "### Orbex\nA home-sharing app. Greta's husband worked there for years.\n\n"
        "### Corvo\nA lab. Piet Marrow worked there on looms.\n",
    )
    assert found == {"Greta Vollmer": (), "Piet Marrow": ("Corvo",)}


def _affiliations_from_companies(companies: str) -> dict[str, tuple[str, ...]]:
    text = (
        "# Looms\n\n**Podcast:** Loom Talk\n**Date:** 2026-01-01\n**Participants:** Dana Ruiz, Raj Patel\n\n"
        f"## Companies Identified\n\n{companies}\n"
    )
    return {person.name: person.affiliations for person in extract_document(parse_document("e.md", text)).people}


def test_a_companies_entry_saying_a_person_holds_a_post_there() -> None:
    found = _affiliations_from_companies(
        "**Orbex**\n**Description:** Loom maker.\n**Why Mentioned:** Dana Ruiz is co-founder and CEO; it raised $60M.\n\n"
        "**Halden Ventures**\n**Description:** Early-stage firm where host Raj Patel is a general partner.\n"
    )
    assert found == {"Dana Ruiz": ("Orbex",), "Raj Patel": ("Halden Ventures",)}


def test_a_post_elsewhere_or_in_the_past_is_not_the_entrys() -> None:
    found = _affiliations_from_companies(
        "**Orbex**\n**Description:** Loom maker. Dana Ruiz is a partner at Corvo, and Raj Patel was CEO.\n"
    )
    assert found == {"Dana Ruiz": (), "Raj Patel": ()}


def test_a_post_is_read_where_lower_casing_moves_the_text() -> None:
    """A review's find: positions found in the lower-cased text were used on the text, and `İ`
    lower-cases to two characters."""
    found = _affiliations_from_companies(
        "**Orbex**\n**Description:** İstanbul loom maker where Dana Ruiz is co-founder and CEO; it sells looms.\n"
    )
    assert found["Dana Ruiz"] == ("Orbex",)
