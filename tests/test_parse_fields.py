"""Field label spellings, an H1-link first section, timestamp ranges, entry name shapes."""

from __future__ import annotations

from kgraph.parse.document import SectionKind
from tests.parse_fixtures import extracted, parsed

K = SectionKind


def fields(rank: int) -> dict[str, str]:
    item = parsed("labels.md").section(K.KEY_THEMES).items[rank - 1]
    return {field.key: field.value for field in item.fields}


def test_linked_h1_section_heading_with_h2_items() -> None:
    document = parsed("labels.md")
    assert [section.kind for section in document.sections] == [K.KEY_THEMES, K.PEOPLE]
    themes = document.section(K.KEY_THEMES)
    assert [item.title for item in themes.items] == [
        "1. Furnaces run all night",
        "2. Apprentices learn by breaking things",
    ]


def test_bold_label_with_colon_outside_and_italic_label() -> None:
    assert fields(1)["context"] == "Luz keeps the furnace at temperature around the clock."
    assert fields(1)["evidence"].startswith('"Letting the furnace cool')


def test_bulleted_italic_label_and_plain_label() -> None:
    assert fields(2)["why it matters"] == "Breakage is the curriculum."
    assert fields(2)["note"] == "Dov agrees."


def test_timestamp_ranges_start_at_their_first_time() -> None:
    claims = [(claim.timestamp, claim.seconds) for claim in extracted("labels.md").claims]
    assert claims == [("00:03:00", 180), ("00:07:15", 435)]


def test_bold_colon_entry_and_bold_qualifier_dash_entry() -> None:
    entries = {entry.name: entry for entry in extracted("labels.md").entities}
    assert entries["Luz Aranciba"].description == "glassblower and studio owner"
    assert entries["Dov Ketterling"].qualifiers == ("Apprentice",)
    assert entries["Dov Ketterling"].description == "second-year apprentice"


def test_plain_without_the_parser_gives_what_the_parser_gives():
    # `plain` skips markdown-it for text whose only markup is `**` pairs; it must not matter.
    import random

    from kgraph.parse.inline import parsed_plain, plain

    tricky = [
        "**Acme** said",
        "a**b",
        "** lone",
        "x ** y ** z",
        '**Ann Lee:** "quote"',
        "**a**b**c**",
        "end **",
        "**(Acme)**, then",
        "tab\t**x**\nnext",
        "nul\0**x**",
        "a\0b",
        "***three***",
        "*one*",
        "**a** *b*",
        "**[link](u)**",
        "**&amp;**",
    ]
    rng = random.Random(5)
    pieces = ["**", "*", "a", " ", ".", "B", "\n", "(", ")", '"', "-", "\u00a0", "!", "é", "_", "[", "]"]
    samples = tricky + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(5000)]
    assert [plain(text) for text in samples] == [parsed_plain(text) for text in samples]
    assert plain("**Acme** [site](https://a.example) &amp; *co*") == "Acme site & co"
