"""What the corpus says around each organization name (`_contexts`), against the code it
replaced (kept in `tests/oracles/`): the distinctive words of its descriptions, read piece by
piece and only when a rule asks, must be those of folding each whole description."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.resolve import organizations

from .oracles import organizations_17f310d as old

NAMES = ["Halden", "Halden Industries", "Robot Labs", "Σοφία Capital", "Café Énergie", "&amp; Co"]
# Pieces folding treats specially: entities (one spelling out a space), accents and combining
# marks, ligatures, a final sigma, apostrophes, white space that is not a space, punctuation
# inside a word, common and short words, and the names' own words.
PIECES = [
    "robot", "robots", "Robotics", "manufacturer", "manufacturing", "hardware", "company", "from", "with",
    "halden", "Halden's", "industries", "capital", "café", "CAFÉ", "Énergie", "e\u0301nergie", "ﬁnance",
    "ΣΟΦΊΑΣ", "σοφία", "&amp;", "&amp", "&#32;", "&#x41;lpha", "&eacute;t&eacute;", "&notit;", "it’s",
    "don't", "foo-bar", "a.b.c", "x_y", "2024", "GPT-4", "¨umlaut", "\u00a0", "\u2003", "\r", "\x1c", "\t",
    " ", " ", " ", "  ",
]  # fmt: skip


@st.composite
def _description(draw: st.DrawFn) -> str:
    return "".join(draw(st.lists(st.sampled_from(PIECES), max_size=14)))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAMES), _description(), st.lists(st.sampled_from(NAMES))), max_size=12))
def test_contexts_are_the_old_ones(seen: list[tuple[str, str, list[str]]]) -> None:
    new = organizations._contexts(
        [
            organizations.OrganizationSighting(name, description=text, people=tuple(people), document=text[:3])
            for name, text, people in seen
        ]
    )
    before = old._contexts(
        [
            old.OrganizationSighting(name, description=text, people=tuple(people), document=text[:3])
            for name, text, people in seen
        ]
    )
    assert new.keys() == before.keys()
    for name, context in new.items():
        was = before[name]
        assert (context.documents, context.podcasts, context.people, context.descriptions) == (
            was.documents,
            was.podcasts,
            was.people,
            was.descriptions,
        )
        assert context.words == was.words


def test_the_description_words_are_read_once_per_piece() -> None:
    reader = organizations._DescriptionWords()
    assert reader(["Robotics hardware from Halden", ""], "Halden") == {"roboti", "hardwa"}
    assert reader(["Halden robotics"], "Robotics Inc") == {"halden"}
    assert set(reader._pieces) == {"Robotics", "hardware", "from", "Halden", "robotics"}
