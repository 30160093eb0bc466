"""Reading transcript labels: the fast paths pinned to the expressions they replaced."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from kgraph.extract import transcript_speakers

_HINT_AS_WRITTEN = re.compile(r"\b[Ii](?:'| a)?m\b|[Mm]y name|[Tt]his is")

# the forms and their near misses: word characters either side (`him`, `Ima`, `_I'm`), other
# apostrophes and spaces, capitals the hint does not take (`I AM`, `MY NAME`), digits, CJK
_PIECES = st.sampled_from(
    [
        "I",
        "i",
        "m",
        "M",
        "'",
        "’",
        " ",
        "a",
        "am",
        " am",
        "I'm",
        "i am",
        "Im",
        "im ",
        "him",
        "I AM",
        "y name",
        "My name",
        "my  name",
        "MY NAME",
        "his is",
        "This is",
        "this  is",
        "Thi",
        "s is",
        "_",
        "9",
        "é",
        "İ",
        "ı",
        "名",
        "\n",
        ".",
    ]
)


@given(st.lists(_PIECES, max_size=30).map("".join))
@example("I'm Jane")
@example("him")
@example("_im")
@example("Ami")
@example("xI am")
@example("I amy")
@example("and my name is")
@example("Oh, this is Jane")
def test_a_line_may_introduce_where_the_expression_first_written_is_found(text: str) -> None:
    assert transcript_speakers._may_introduce(text) == bool(_HINT_AS_WRITTEN.search(text))


@given(st.text(max_size=40))
def test_any_text_may_introduce_where_the_expression_first_written_is_found(text: str) -> None:
    assert transcript_speakers._may_introduce(text) == bool(_HINT_AS_WRITTEN.search(text))
