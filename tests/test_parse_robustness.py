"""Property tests: no text, however mangled, makes parsing or extraction raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph.extract import extract_document
from kgraph.parse import parse_document
from tests.parse_fixtures import PARSE_FIXTURES

FIXTURE_TEXTS = [path.read_text(encoding="utf-8") for path in sorted(PARSE_FIXTURES.glob("*.md"))]
MARKDOWN_BITS = st.sampled_from(
    [
        "# ",
        "## ",
        "### ",
        "**",
        "*",
        "- ",
        "> ",
        "|",
        "---",
        "\n",
        '"',
        "“",
        "[",
        "](",
        ")",
        "(",
        ":",
        "[00:12:34]",
        "&amp;",
        "1. ",
        "Key Themes",
        "People Identified",
        "Companies Identified",
        "张伟",
        "—",
        " / ",
    ]
)


def parse_and_extract(text: str) -> None:
    document = parse_document("fuzz.md", text)
    extraction = extract_document(document)
    assert extraction.episode.source_file == "fuzz.md"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    parse_and_extract(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(MARKDOWN_BITS, st.text(max_size=8)), max_size=60))
def test_markdown_soup(pieces: list[str]) -> None:
    parse_and_extract("".join(pieces))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FIXTURE_TEXTS), st.data())
def test_mutated_fixture(text: str, data: st.DataObject) -> None:
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(0, 6))):
        position = data.draw(st.integers(0, len(lines)))
        action = data.draw(st.sampled_from(["delete", "insert", "truncate", "duplicate"]))
        if action == "delete" and position < len(lines):
            del lines[position]
        elif action == "insert":
            lines.insert(position, data.draw(st.one_of(MARKDOWN_BITS, st.text(max_size=30))))
        elif action == "truncate" and position < len(lines):
            cut = data.draw(st.integers(0, len(lines[position])))
            lines = lines[:position] + [lines[position][:cut]]
        elif action == "duplicate" and position < len(lines):
            lines.insert(position, lines[position])
    parse_and_extract("\n".join(lines))
