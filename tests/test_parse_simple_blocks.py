"""The line-by-line block reader (`simple_blocks.simple_lines`) against markdown-it's block pass
(`markdown.parsed_lines`): wherever the reader claims a text, its lines are the parser's, on
generated Markdown, on every summary of seeds/, ../shared/corpus and a synthetic corpus; and it
hands each construct it does not reproduce back to the parser."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph.parse.markdown import blank_chatter, parsed_lines, to_lines
from kgraph.parse.simple_blocks import simple_lines

from .conftest import CORPUS, synthetic_corpus
from .parse_fixtures import PARSE_FIXTURES

# Line bodies with the constructs summaries use, and the ones that interrupt a paragraph.
WORDS = [
    "text here",
    "more words",
    '"a quote that starts',
    'and ends" — Jo Li',
    "**Bold**",
    "**Bold:** value",
    "*em*",
    "[link](http://example.com)",
    "x | y",
    "2024. a year",
    "==",
    "a \\| b",
    "[00:12:34] said",
    "#hashtag",
    "-- dashes",
    "**bold** *",
]
INTERRUPTING = [
    "# Heading",
    "---",
    "***",
    "___",
    "- - -",
    "1. one",
    "2. two",
    "- dash",
    "* star",
    "> quote",
    "| a | b |",
    "|---|---|",
    "---|---",
    "## H ##",
    "+ plus",
    "1) paren",
    "####### seven",
    "### #",
]


def _paragraph(rng: random.Random, tricky: bool) -> list[str]:
    lines = [rng.choice(WORDS)]
    for _ in range(rng.randint(0, 3)):
        lines.append(rng.choice(INTERRUPTING if tricky and rng.random() < 0.3 else WORDS))
    return lines


def _table(rng: random.Random) -> list[str]:
    columns = rng.randint(1, 3)
    cells = ["a", "b", "**c**", "", '"q x y z w"', "a \\| b"]
    rows = ["| " + " | ".join(rng.choice(cells) for _ in range(columns)) + rng.choice([" |", ""])]
    rows.append("|" + "|".join(rng.choice(["---", ":--", "--:", ":-:", " - "]) for _ in range(columns)) + "|")
    for _ in range(rng.randint(0, 3)):
        rows.append("| " + " | ".join(rng.choice(cells) for _ in range(rng.randint(1, columns + 1))) + " |")
    if rng.random() < 0.2:
        rows.append(rng.choice(WORDS + INTERRUPTING))  # a row without pipes, or what ends the table
    return rows


def _list(rng: random.Random, depth: int, tricky: bool) -> list[str]:
    marker = rng.choice(["-", "*", "+", "1.", "2)", "9."])
    lines: list[str] = []
    for number in range(rng.randint(1, 3)):
        item = marker if not marker[0].isdigit() else f"{int(marker[:-1]) + number}{marker[-1]}"
        pad = " " * (len(item) + 1)
        body = _paragraph(rng, tricky)
        lines.append(f"{item} {body[0]}")
        lines.extend((pad if rng.random() < 0.7 else "") + line for line in body[1:])  # else lazy
        if depth < 2 and rng.random() < 0.4:
            lines.extend([""] if rng.random() < 0.3 else [])
            lines.extend(pad + line if line else "" for line in _list(rng, depth + 1, tricky))
        if rng.random() < 0.3:
            lines.extend(["", *(pad + line for line in _paragraph(rng, False))])
        lines.extend([""] if rng.random() < 0.3 else [])
    return lines


def _blocks(rng: random.Random, depth: int, tricky: bool) -> list[str]:
    lines: list[str] = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice("pphrtqll")
        if kind == "p":
            block = _paragraph(rng, tricky)
        elif kind == "h":
            level = rng.choice(["# ", "## ", "### ", "#### "])
            block = [level + rng.choice(WORDS) + rng.choice(["", " #", " ##", "#", "  "])]
        elif kind == "r":
            block = [rng.choice(["---", "***", "___", "- - -", "* * *", "----", "--- "])]
        elif kind == "t":
            block = _table(rng)
        elif kind == "q" and depth < 2:
            inner = _blocks(rng, depth + 1, tricky)
            block = [rng.choice(["> ", ">"]) + line if line else rng.choice([">", "> ", ""]) for line in inner]
            if rng.random() < 0.3:
                block.append(rng.choice(WORDS + INTERRUPTING))  # a lazy line, or what ends the quote
        else:
            block = _list(rng, 0, tricky)
        lines.extend(block)
        lines.extend([""] * rng.choice([0, 1, 1, 1, 2]))
    return lines


def generated_document(rng: random.Random) -> str:
    return "\n".join(_blocks(rng, 0, rng.random() < 0.5)) + rng.choice(["", "\n"])


def assert_same_lines(text: str) -> bool:
    """Whether the reader claims `text`; where it does, its lines must be the parser's."""
    text = blank_chatter(text)
    lines = simple_lines(text, 7)
    if lines is None:
        return False
    assert lines == parsed_lines(text, 7), text
    return True


def test_generated_documents() -> None:
    rng = random.Random(16)
    claimed = sum(assert_same_lines(generated_document(rng)) for _ in range(3000))
    assert claimed > 1000  # most generated documents are the reader's, not the parser's


# Line starts and bodies thrown together: odd indentation, empty items, stray markers.
PREFIXES = ["", "", "", " ", "  ", "   ", "    ", "      ", "> ", ">", "> > ", ">> ", "- ", "* ", "+ ", "1. "]
PREFIXES += ["2. ", "1) ", "10. ", "  - ", "    - ", "   1. ", "-  ", "-     ", "  > ", "> - ", ">  - "]
BODIES = [*WORDS, *INTERRUPTING, "-", "*", "1.", "|", "| a |", "---:|", "", "", "  ", "\u00a0", "x\u00a0", "<div>"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PREFIXES), st.sampled_from(BODIES)), min_size=1, max_size=14))
def test_line_soup(lines: list[tuple[str, str]]) -> None:
    assert_same_lines("\n".join(prefix + body for prefix, body in lines))


# Line shapes at the edges of the reader's rules: indentation one column either side of an item's
# content, markers of each kind, quote markers with and without their space, table rows, rules,
# and white space markdown-it does not count as such.
SHAPES = ["", "b", " b", "  b", "   b", "    b", "     b", "- a", "  - a", "   - a", "    - a", "* a", "1. a"]
SHAPES += ["2. a", "   1. a", "1) a", "10. a", "> a", ">", "> - a", ">   b", "> > a", "| a |", "|-|", "a | b"]
SHAPES += ["--|--", "---", "# h", "> |-|", "  | a |", "  |-|", "- a | b", "\u00a0b", "-    a", "   ***", "  > a"]


def test_every_three_line_document() -> None:
    texts = ("\n".join(lines) for lines in itertools.product(SHAPES, repeat=3))
    claimed = sum(assert_same_lines(text) for text in texts)
    assert claimed > 12000  # of 46,656


# Edits of generated documents, one character or line at a time, toward the reader's boundary.
EDITS = [" ", "  ", "\n", ">", "> ", "-", "- ", "*", "+", "|", "#", "# ", "1.", "1. ", "2) ", "\\", "`", "_", "[", "]:"]
EDITS += ["<", "---", "|---|", '"', "1234567890", "\u00a0", "\u3000", "\u200b", "\u2028", "\x0c", "\x0b", "\x85"]
EDITS += ["\ufeff"]


def _edit(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    index = rng.randrange(len(lines))
    line = lines[index]
    kind = rng.randrange(5)
    if kind == 0:
        cut = rng.randint(0, len(line))
        lines[index] = line[:cut] + rng.choice(EDITS) + line[cut:]
    elif kind == 1 and line:
        cut = rng.randrange(len(line))
        lines[index] = line[:cut] + line[cut + 1 :]
    elif kind == 2:
        lines[index] = " " * rng.randint(1, 5) + line if rng.random() < 0.6 else line[rng.randint(1, 3) :]
    elif kind == 3:
        lines.insert(index, rng.choice(["", " ", ">", "> ", line, *WORDS, *INTERRUPTING]))
    else:
        lines[index] = rng.choice(["> ", ">", "- ", "  ", "1. ", "* ", "| "]) + line
    return "\n".join(lines)


def test_edited_documents() -> None:
    rng = random.Random(17)
    claimed = 0
    for _ in range(3000):
        text = generated_document(rng)
        for _ in range(rng.randint(1, 4)):
            text = _edit(rng, text)
        claimed += assert_same_lines(text)
    assert claimed > 500


def _summaries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("summary.md"))


def test_synthetic_summaries(tmp_path: Path) -> None:
    paths = _summaries(synthetic_corpus(tmp_path, 60, seed=11))
    claimed = [assert_same_lines(path.read_text(encoding="utf-8")) for path in paths]
    assert len(claimed) == 60 and all(claimed)  # the synthetic generator writes nothing the reader leaves


def test_fixture_summaries() -> None:
    paths = sorted(PARSE_FIXTURES.glob("*.md"))
    claimed = [assert_same_lines(path.read_text(encoding="utf-8")) for path in paths]
    assert sum(claimed) >= 0.8 * len(paths)


@pytest.mark.slow
def test_real_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    paths = _summaries(CORPUS)
    claimed = [assert_same_lines(path.read_text(encoding="utf-8")) for path in paths]
    assert sum(claimed) >= 0.9 * len(paths)


# Each is the reader's (so the generated tests above cannot pass by handing everything back).
CLAIMED = {
    "nested lists": "- one\n  - two\n    - three\n  - two again\n- one again\n",
    "numbered items": "1. one\n2. two\n10. ten\n    continued\n",
    "item paragraphs": "- first\n\n  second paragraph\n- next\n",
    "lazy item line": "- *Description:* text\n**Why mentioned:** more\n",
    "list ended by a quote": '- item\n> "A quote of several words here." — Jo Li\n',
    "quote with a lazy line": '> "A quote\nthat goes on" — Jo Li\n> more\nlazy\n\nAfter\n',
    "quote ending in an empty line": "> quoted\n>\nAfter\n",
    "nested quote with a list": "> > - item\n> > more\n> back\n",
    "quotes and lists four deep": "> > > > - a\n> > > >   - b\n> > > >     - c\n> > > >       - d\n",
    "table ended by a heading": "| Name | Role |\n|---|:-:|\n| **Jo** | CEO |\nno pipes\n## Next\n",
    "paragraph then rule": "Text\n---\n***\nText\n===\n",
    "closing hashes": "# Title #\n## Title# ##\n### #\n",
    "ordered line in a paragraph": "Founded in\n2024. Then more\n",
    "paren markers, other starts": "1) one\n2) two\n\n3. three\n4. four\n\n2024. The year\n2025. Next\n",
    "plus and mixed bullets": "+ a\n+ b\n- c\n* d\n",
    "wide marker with a nested list": "10. ten\n    - sub\n      more\n",
    "loose list with item paragraphs": "- a\n\n  more\n\n- b\n  - c\n\n    more c\n",
    "lists in a quote": "> - a\n>   - b\n> 1. c\n",
    "quote markers without a space, empty ones": ">quote\n>\n> more\n>\n",
    "table without edge pipes": "a | b\n--|--\nc | d\n",
    "code span splitting a cell": "| `a|b` | c |\n|---|---|---|\n| 1 | 2 | 3 |\n",
    "escaped pipe, short row": "| a \\| b | c |\n|:--|--:|\n| x |\n",
    "delimiter row of another width": "| a | b |\n|---|\n| c | d |\n",
    "header-only table after a paragraph": "Para\n| a | b |\n|---|---|\n",
    "table without edge pipes after a paragraph": "Para\nName | Role\n--|--\nJo | CEO\n",
    "hard breaks": "line  \nnext\\\nthird\n",
    "hashtag line, closing hashes and spaces": "#hashtag\n# Title ##   \n",
    "rules after an item": "- item\n***\n- - -\n___\n",
    "speaker label line": "**Speaker:**\nSaid things.\n",
    "unicode within lines": "nb\u00a0sp, zw\u200bsp, 全角\u3000スペース, 🎙️, a\u2028b, a\x0cb, a\x0bb\n",
    "byte order mark": "\ufeff# Title\n\nText\n",
    "line of spaces between paragraphs": "para\n   \npara2\n",
    "very long line": "word " * 3000 + "\n",
}


@pytest.mark.parametrize("name", sorted(CLAIMED))
def test_claimed(name: str) -> None:
    assert assert_same_lines(CLAIMED[name])


# Each is left to markdown-it (and each is read the same either way through `to_lines`).
FALLBACKS = {
    "html block": "Text\n\n<div>\nraw\n</div>\n",
    "fence": "Text\n\n```\ncode\n```\n",
    "tilde fence": "~~~\ncode\n~~~\n",
    "tab": "- item\n\tindented\n",
    "carriage return": "line one\r\nline two\n",
    "NUL": "a\0b\n",
    "empty bullet": "-\n- item\n",
    "empty ordered item": "1.\n",
    "item opening with a heading": "- # Heading\n",
    "item opening with a quote": "- > quoted\n",
    "item opening with a list": "- - inner\n",
    "item opening with a rule": "- ***\n",
    "item content after five spaces": "-      text\n",
    "indented paragraph start": "Text\n\n  indented start\n",
    "indented heading": "  # Heading\n",
    "heading inside an item": "- item\n\n  # Heading\n",
    "rule inside an item": "- item\n\n  ---\n",
    "quote inside an item": "- item\n  > quoted\n",
    "table inside an item": "- item\n\n  | a | b |\n  |---|---|\n",
    "table after an item": "- item\n| a | b |\n|---|---|\n",
    "reference definition": "[site]: https://example.com\n\nText [site].\n",
    "indented quote marker": "> quoted\n  > more\n",
    "lazy line after a quoted heading": "> # Heading\nlazy\n",
    "lazy line after a quoted table": "> | a |\n> |---|\nlazy\n",
    "non-breaking space at an edge": "Text\u00a0\n",
    "line of a non-breaking space": "Text\n\u00a0\nmore\n",
    "interrupting empty bullet": "Text\n-\n",
    "table-like next item of a list": "1. one\n\n2. |\n---:|\n",
    "table-like item of another list": "- a\n* x | y\n---|---\n",
    "item holding a table": "- a\n\n- x | y\n  ---|---\n",
    "blockquotes nested deep": ">" * 60 + " deep\n",
    "lists nested deep": "".join(" " * (2 * depth) + "- item\n" for depth in range(12)),
    "nested item three columns in": "- a\n   - b\n",
    "nested item five columns in": "- a\n     - b\n",
    "item outdented by a column": "- a\n - b\n",
    "full-width space opening a line": "\u3000leading\n",
    "non-breaking space alone in an item": "- \u00a0\n  b\n",
    "form feed at a line's end": "text\x0c\nmore\n",
    "line separator at a line's end": "text\u2028\nmore\n",
    "unclosed chatter tag": "<budget_used>\n5\n",
}


@pytest.mark.parametrize("name", sorted(FALLBACKS))
def test_fallback(name: str) -> None:
    text = FALLBACKS[name]
    assert simple_lines(text) is None
    assert to_lines(text) == parsed_lines(text)


def test_chatter_is_blanked_before_either_reader() -> None:
    text = "Text\n\n<budget_used>\n12\n</budget_used>\n\nMore\n"
    assert simple_lines(blank_chatter(text)) is not None
    assert [line.number for line in to_lines(text, 3)] == [3, 9]
