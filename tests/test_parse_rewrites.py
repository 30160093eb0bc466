"""Parts of the parser rewritten for speed, each held to the code it replaced (kept here as the
oracle) on generated inputs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import kgraph.parse as parse
from kgraph.parse import (
    block_lines,
    document,
    emphasis,
    header,
    inline,
    items,
    parse_document,
    quotes,
    sections,
    simple_blocks,
)
from kgraph.parse.document import SectionKind

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
    """The parser makes its `Line`s and `Quote`s with `made` (no validation), lines from a state
    written out whole: the same models, in the same state, as validation makes."""
    paths = [*sorted(PARSE_FIXTURES.glob("*.md")), *sorted(synthetic_corpus(tmp_path, 20, seed=5).rglob("summary.md"))]
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in paths]
    made = [parse_document(name, text) for name, text in texts]
    quotes._quotes_of.cache_clear()  # else the second parse gets the first one's quotes
    monkeypatch.setattr(document._Frozen, "made", classmethod(lambda cls, **values: cls(**values)))
    # a line's fields set, validated alone: its other values must be the defaults validation gives
    monkeypatch.setattr(block_lines, "made", lambda cls, state, fields_set: cls(**{k: state[k] for k in fields_set}))
    validated = [parse_document(name, text) for name, text in texts]
    assert sum(len(doc.sections) for doc in made) > 100
    for fast, slow in zip(made, validated, strict=True):
        _same_model_state(fast, slow)


def _old_is_rule(text: str) -> bool:
    marker = text[0]
    if marker not in "*-_":
        return False
    return not text.replace(marker, "").replace(" ", "") and text.count(marker) >= 3


def test_made_refuses_a_field_with_a_default_factory() -> None:
    """`made` copies one set of defaults into every model: a factory's value would be shared."""
    from pydantic import Field

    class Listed(document._Frozen):
        names: list[str] = Field(default_factory=list)

    with pytest.raises(TypeError, match="share one default"):
        Listed.made()


@settings(max_examples=500)
@given(st.text(alphabet="*-_ x\u00a0", min_size=1, max_size=9))
def test_is_rule_answers_as_it_answered(text: str) -> None:
    assert simple_blocks._is_rule(text) == _old_is_rule(text)


def _old_named_section(heading: str) -> SectionKind | None:
    name = sections.normalize_heading(heading)
    for kind, pattern in sections._SECTION_NAMES.items():
        if pattern.fullmatch(name):
            return kind
    return None


_HEADING_PIECES = [
    "Key",
    "Themes",
    "Theme",
    "Contrarian",
    "Views",
    "Companies",
    "Organi",
    "sations",
    "&amp;",
    "Organizations",
    "Identified",
    "Notable",
    "People",
    "Operating",
    "Overlooked",
    "Insights",
    "&#116;",
    "&#x54;heme",
    "**",
    "1.",
    "(3)",
    "🔑",
    ":",
    "-",
    "x",
]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_HEADING_PIECES), max_size=5).map(" ".join))
def test_section_names_found_as_they_were(heading: str) -> None:
    assert sections._named_section(heading) == _old_named_section(heading)


def test_section_names_reach_every_kind() -> None:
    names = [
        "Key &#x54;hemes",
        "Contrarian Views",
        "Companies & Organizations",
        "Notable People",
        "2. Operating Insights",
    ]
    kinds = [sections._named_section(name) for name in [*names, "**Overlooked Insights** (3)"]]
    assert kinds == list(SectionKind)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["# Title", "**Podcast:** X", "---", "## Key Themes", "text", ""]), max_size=8))
def test_body_starts_where_it_started(lines: list[str]) -> None:
    text = "\n".join(lines)
    _, body_start = header.split_header(text.split("\n"))
    old = "\n".join(text.split("\n")[body_start - 1 :]) if body_start <= text.count("\n") + 1 else ""
    assert parse._body_text(text, body_start) == old


def _old_read_field(text: str) -> tuple[str, str] | None:
    for pattern in (items._BOLD_FIELD, items._ITALIC_FIELD, items._PLAIN_FIELD):
        match = pattern.match(text)
        if match and items.is_field_label(inline.plain(match.group(1))):
            return " ".join(inline.plain(match.group(1)).lower().split()), match.group(2).strip()
    return None


_FIELD_PIECES = ["**", "*", "Description", "Why", " ", "mentioned", "Role", ":", "x" * 30, "é", "[", "_", "`", "- "]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_FIELD_PIECES), max_size=8).map("".join))
def test_fields_read_as_they_were(text: str) -> None:
    assert items.read_field.__wrapped__(text) == _old_read_field(text)


def test_fields_read_reach_every_pattern() -> None:
    longest, longer = "Why " + "x" * 37 + ": y", "Why " + "x" * 38 + ": y"  # a plain label has 41 characters at most
    texts = ["**Role:** CEO", "*Role:* CEO", "Role: CEO", longest, longer, "é: y"]
    assert [items.read_field(text) is not None for text in texts] == [True, True, True, True, False, False]


_OLD_MARKUP_CHARS = re.compile(r"[*_`\[\]<>&\\]")
_OLD_OTHER_MARKUP = re.compile(r"[_`\[\]<>\\]")


def _old_plain(text: str) -> str:
    """`inline.plain` as it was, telling the markup apart with regex searches."""
    text = text.replace("\0", "\ufffd")
    if not _OLD_MARKUP_CHARS.search(text):
        return inline.single_spaced(text)
    if not _OLD_OTHER_MARKUP.search(text):
        if "&" not in text and not inline._NOT_A_STAR_PAIR.search(text):
            return inline.single_spaced(text.replace("**", ""))
        text = inline.unpaired_stars(text)
        return " ".join((inline.html.unescape(text) if "&" in text else text).replace("**", "").split())
    if "[" in text or "]" in text:
        linked = inline._linked_plain(text)
        if linked is not None:
            return linked
    return inline.parsed_plain(text)


# Inline pieces of summaries: bold fields, curly and straight quotes, timestamps, code spans,
# HTML, entities, CJK, escapes and odd white space.
_INLINE_PIECES = [
    "**Role:**", "*Role:*", "**", "*", "_", "__x__", "`code`", "`", "<b>", "</b>", ">", "<", "&amp;", "&",
    "&#x4e2d;", "[00:12:34]", "[[00:12:34]](https://y.example/v?t=754&a=1)", "[site](https://x.example)",
    "[", "]", "\\", "\\*", '"', "“", "”", "‘", "’", "—", "中文字符", "🔥", " ", "  ", "\t", "\n", "\0",
    "\u00a0", "\u2028", "Acme", "said", "x",
]  # fmt: skip


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_INLINE_PIECES), max_size=10).map("".join))
@example("`code`")
@example("a\\b")
@example("x > y")
def test_plain_is_what_it_was(text: str) -> None:
    assert inline.plain.__wrapped__(text) == _old_plain(text)


def _old_linked_plain(text: str) -> str | None:
    """`inline._linked_plain` as it was, each bracket outside a link made a letter before the
    markup was looked for."""
    pieces = inline._SIMPLE_LINK.split(text) if "](" in text else [text]
    joined = "".join(pieces)
    if "](" in joined:
        return None
    outside = re.sub(r"[\[\]]", "x", "x".join(pieces[::2]))
    if _OLD_OTHER_MARKUP.search(outside) or inline._NOT_A_STAR_PAIR.search(outside):
        return None
    if "&" in joined and "**" in joined:
        return None
    linked = inline.html.unescape("".join(map(inline.decode_entities, pieces))) if "&" in joined else joined
    return inline.single_spaced(linked.replace("**", ""))


@settings(max_examples=1000)
@given(st.lists(st.sampled_from([*_INLINE_PIECES, "](", "(", ")", "**[x]**", "*[x]*"]), max_size=10).map("".join))
@example("*[[00:12:34]](https://y.example)*")
@example("[x]_")
def test_linked_plain_is_what_it_was(text: str) -> None:
    assert inline._linked_plain(text) == _old_linked_plain(text)


_AROUND_STARS = st.text(
    alphabet=st.sampled_from(["a", " ", '"', ":", ".", "(", ")", "_", "\u201c", "\u00a0", "&"]), max_size=4
)


@settings(max_examples=1000)
@given(_AROUND_STARS, _AROUND_STARS, _AROUND_STARS)
@example("", "Label:", " text")  # paired
@example("", " x", "")  # an opener followed by a space
@example("a", "", "b")  # `**`: a run of two
def test_two_stars_pair_as_any_stars_pair(before: str, between: str, after: str) -> None:
    text = f"{before}*{between}*{after}"
    assert emphasis._paired_two(text) == emphasis._paired(text)
