"""The digest reads the name tokens of all of an extraction's texts in one pass over them joined by
line breaks: pinned to the union of the tokens of each text on its own (invented texts)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.resolve.mentions import name_tokens

# Letters, CJK, the joiners a token may hold (`&.'’+-`), apostrophes, `s`, spaces and line breaks:
# the characters where splitting and possessive stripping could differ.
_TEXT = st.text(alphabet=st.sampled_from(list("aSsb&.'’+-_ \n1É中文")), max_size=30)


@given(st.lists(_TEXT, max_size=6))
@settings(max_examples=400, deadline=None)
def test_tokens_of_joined_texts_are_those_of_each_text(texts: list[str]) -> None:
    assert name_tokens("\n".join(texts)) == [token for text in texts for token in name_tokens(text)]


def test_possessive_in_one_text_is_stripped_only_where_written() -> None:
    texts = ["Sam's plan", "Bass was there", "Nomads'", "Jobs’s Apple"]
    assert name_tokens("\n".join(texts)) == ["Sam", "plan", "Bass", "was", "there", "Nomads", "Jobs", "Apple"]
