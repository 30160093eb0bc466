"""The parser makes each piece's plain text once (on Line, Field, Item, Quote); extractors read it
instead of parsing inline Markdown again. It must be what `plain` makes of the raw text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kgraph.parse import parse_document
from kgraph.parse.document import LineKind
from kgraph.parse.inline import parsed_plain, plain, single_spaced
from kgraph.parse.quotes import strip_timestamps
from tests.parse_fixtures import PARSE_FIXTURES, parsed

DOCUMENT = """# [Kelp &amp; Robots](https://example.org/kelp)

**Podcast:** Harbor *Talks*
**Region:** [Western](https://example.org/w)

---

## Key Themes

### 1. **Cheap** robots `win`

**Orla Penhallow** [00:12:34]: "We will never scale kelp farming until a robot costs less than a boat." [[00:12:40]](https://x.org)

| Name | Role |
|---|---|
| **Acme** | Maker of *buoys* |

## Companies Identified

- **Kelpworks** — builds [robots](https://kelp.example) &amp; boats
"""


def _check(document_source: str, text: str) -> None:
    document = parse_document(document_source, text)
    for field in (*document.header.fields, *document.header.body_fields):
        assert field.plain == plain(field.value)
    lines = [*document.preamble, *(line for s in document.sections for line in (s.heading, *s.lines))]
    for line in lines:
        if line.kind != LineKind.RULE:
            assert line.plain == plain(line.text)
        assert line.cells_plain == tuple(plain(cell) for cell in line.cells)
    for section in document.sections:
        for item in section.items:
            assert (item.title_plain, item.inline_plain) == (plain(item.title), plain(item.inline_text))
            for field in item.fields:
                assert field.plain == plain(field.value)
            for quote in item.quotes:
                assert quote.before_spoken == plain(strip_timestamps(quote.before))
                assert quote.after_spoken == plain(strip_timestamps(quote.after))


def test_plain_text_made_by_the_parser_is_plain_of_the_markdown() -> None:
    _check("kelp.md", DOCUMENT)
    document = parse_document("kelp.md", DOCUMENT)
    item = document.sections[0].items[0]
    assert item.title_plain == "1. Cheap robots win"
    assert document.sections[1].items[0].inline_plain == "builds robots & boats"
    assert [line.cells_plain for line in document.sections[0].lines if line.cells][1] == ("Acme", "Maker of buoys")
    assert item.quotes[0].before_spoken == "Orla Penhallow :"
    assert document.header.field("podcast").plain == "Harbor Talks"


def test_fixtures_plain_text() -> None:
    for path in sorted(PARSE_FIXTURES.glob("*.md")):
        _check(path.name, path.read_text(encoding="utf-8"))
    assert parsed("gen_a.md").sections  # the fixtures are there


@given(
    st.lists(
        st.sampled_from(["**", "*", "[a](b)", "&amp;", '"', " said ", "[00:01:02]", "\n", "- ", "## Key Themes\n", "x"])
    )
)
def test_plain_text_of_any_markdown(pieces: list[str]) -> None:
    _check("any.md", "".join(pieces))


_INLINE_PIECES = [
    "[",
    "]",
    "](",
    "(",
    ")",
    "!",
    "**",
    "*",
    "_",
    "`",
    "\\",
    "<",
    "&amp;",
    " ",
    "\n",
    "x",
    "[00:44:25]",
    "[a](b)",
    "[[00:01:02]](https://example.org/watch?v=a&t=62)",
    "[[1:02]]()",
    "[[00:01]](u v)",
    "[[00:01]](<u>)",
    "[[00:01]](http://a_b)",
    "[t&amp;c](https://a.b/c?d=e&amp;f_g)",
    "[a](javascript:b)",
    "(data:x)",
    "&l",
    "t;",
    "&amp",
    ";",
]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_INLINE_PIECES), max_size=10))
@example(["[", "!", "[[00:01:02]](https://example.org/watch?v=a&t=62)"])  # an image: no text
@example(["*", "[[00:01:02]](https://example.org/watch?v=a&t=62)", "*"])  # an emphasis
@example(["[[1:02]]", "(data:x)"])  # a scheme markdown-it refuses: no link
@example(["&amp", "[;lt;](b)"])  # an entity is never read across a link
@example(["**", "&l", "**", "[t&amp;c](https://a.b/c?d=e&amp;f_g)"])  # but across a `**` pair the parser takes
def test_plain_without_the_parser_is_what_the_parser_makes(pieces: list[str]) -> None:
    """Brackets and timestamp links skip markdown-it's inline parser (the commonest markup in
    summaries); the text must be the parser's, images, nested links and emphasis included."""
    text = "".join(pieces)
    assert plain.__wrapped__(text) == parsed_plain(text)


_EMPHASIS_PIECES = [
    "*",
    "**",
    "***",
    " ",
    "x",
    '"',
    ".",
    ":",
    "(",
    "\n",
    "\0",
    "\u00a0",
    "é",
    "🔥",
    "&",
    "&amp;",
    "&amp;lt;",
    "&#42;",
    "&#x2A;",
    "&#0;",
    "&ast;",
    "&notes",
    "&am",
    "p;",
]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_EMPHASIS_PIECES), max_size=14))
@example(["*", "x", "*", " ", "y"])  # paired: `x y`
@example(["*", " ", "x", "*"])  # an opener followed by a space pairs with nothing
@example(["***", "x", "*", "x", "**"])  # the rule of three
@example(["&am", "*", "p;", "*"])  # an entity is never read across a star
def test_emphasis_without_the_parser_is_what_the_parser_makes(pieces: list[str]) -> None:
    """Texts whose only markup is `*` and `&` (emphasized labels and quotes, most of the rest)
    skip the inline parser: the stars it pairs go, entities decode as it decodes them."""
    text = "".join(pieces)
    assert plain.__wrapped__(text) == parsed_plain(text)


WHITE_SPACE = "".join(chr(code) for code in range(0x110000) if chr(code).isspace())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*WHITE_SPACE, "a", "b", "*", " "]), max_size=12))
def test_single_spaced_is_split_and_join(text: str) -> None:
    assert single_spaced(text) == " ".join(text.split())


def test_single_spaced_knows_every_white_space_character() -> None:
    for character in WHITE_SPACE:
        for text in (character, f"a{character}b", f"a{character}"):
            assert single_spaced(text) == " ".join(text.split()), hex(ord(character))
