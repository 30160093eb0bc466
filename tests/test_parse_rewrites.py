"""Parts of the parser rewritten for speed, each held to the code it replaced (kept here as the
oracle) on generated inputs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from kgraph.parse import document, inline, parse_document, quotes

from .conftest import synthetic_corpus
from .parse_fixtures import PARSE_FIXTURES

# The patterns as they were: a look-behind first, so the regex engine tried them at every position.
_OLD_NOT_A_STAR_PAIR = re.compile(r"(?<!\*)\*(?!\*)|\*\*\*")
_OLD_SIMPLE_LINK = re.compile(
    r"(?<!!)\[(\[\d[\d:.]*\]|[^\[\]*_`<>\\]*)\]"
    r"\((?:(?=https?://)|(?![A-Za-z][A-Za-z0-9+.-]*:))[^\s()<>\\\[\]`\x00-\x1f\x7f]*\)"
)

_LINK_PIECES = ["!", "[x](y)", "[[00:01]](https://a.b/c)", "[a](x:y)", "[", "]", "](", "(", ")", " ", "x", "*", "\\"]


@settings(max_examples=500)
@given(st.text(alphabet="*x ", max_size=12))
def test_not_a_star_pair_finds_what_it_found(text: str) -> None:
    assert bool(inline._NOT_A_STAR_PAIR.search(text)) == bool(_OLD_NOT_A_STAR_PAIR.search(text))


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_LINK_PIECES), max_size=12))
@example(["![", "x", "](", ")"])  # an image
def test_simple_link_splits_as_it_split(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert inline._SIMPLE_LINK.split(text) == _OLD_SIMPLE_LINK.split(text)


def _same_model_state(fast: object, slow: object) -> None:
    """`fast` and `slow` hold the same values in the same pydantic state, all the way down."""
    assert type(fast) is type(slow)
    if isinstance(fast, BaseModel):
        assert isinstance(slow, BaseModel)
        assert list(fast.__dict__) == list(slow.__dict__)  # field order: pickles and reprs follow it
        assert fast.__pydantic_fields_set__ == slow.__pydantic_fields_set__
        assert (fast.__pydantic_extra__, fast.__pydantic_private__) == (slow.__pydantic_extra__, None)
        for name, value in fast.__dict__.items():
            _same_model_state(value, slow.__dict__[name])
    elif isinstance(fast, tuple):
        assert isinstance(slow, tuple) and len(fast) == len(slow)
        for one, other in zip(fast, slow, strict=True):
            _same_model_state(one, other)
    else:
        assert fast == slow


def test_made_models_are_the_validated_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser makes its `Line`s and `Quote`s with `made` (no validation): the same models,
    in the same state, as validation makes."""
    paths = [*sorted(PARSE_FIXTURES.glob("*.md")), *sorted(synthetic_corpus(tmp_path, 20, seed=5).rglob("summary.md"))]
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in paths]
    made = [parse_document(name, text) for name, text in texts]
    quotes._quotes_of.cache_clear()  # else the second parse gets the first one's quotes
    monkeypatch.setattr(document._Frozen, "made", classmethod(lambda cls, **values: cls(**values)))
    validated = [parse_document(name, text) for name, text in texts]
    assert sum(len(doc.sections) for doc in made) > 100
    for fast, slow in zip(made, validated, strict=True):
        _same_model_state(fast, slow)
