"""Items per marker kind and their labelled fields."""

from __future__ import annotations

from kgraph.parse.document import SectionKind
from tests.parse_fixtures import parsed

K = SectionKind


def titles(name: str, kind: SectionKind) -> list[str]:
    return [item.title for item in parsed(name).section(kind).items]


def test_numbered_heading_items_with_fields() -> None:
    themes = parsed("gen_a.md").section(K.KEY_THEMES)
    assert [(item.title, item.rank) for item in themes.items] == [
        ("1. Kelp farms need cheap robots", 1),
        ("2. Theme 2: Buoy sensors are underrated", 2),
    ]
    fields = {field.key: field.value for field in themes.items[0].fields}
    assert fields["why it matters"] == "Cost drives adoption."
    assert fields["quote"].startswith('"We will never scale kelp farming')


def test_bold_line_items_carry_inline_text() -> None:
    items = parsed("gen_b.md").section(K.KEY_THEMES).items
    assert [item.title for item in items] == [
        "**Crows remember faces.**",
        "**Dawn counts beat dusk counts.**",
        "**Volunteers need training.**",
    ]
    assert items[0].inline_text == "Mireille explains the experiment."


def test_emoji_bullet_item() -> None:
    assert titles("gen_b.md", K.CONTRARIAN_PERSPECTIVES) == ["**Feeding crows is fine**"]


def test_table_rows_are_entity_items_with_column_fields() -> None:
    items = parsed("gen_a.md").section(K.COMPANIES).items
    assert [item.title for item in items] == ["**Kelpworks**", "**Brinely Labs (Maine)**"]
    assert dict((f.key, f.value) for f in items[0].fields) == {
        "description": "Builds harvesting drones",
        "key quote": '"Our drones harvest four hectares every single night"',
    }


def test_heading_item_fields_in_people() -> None:
    orla = parsed("gen_a.md").section(K.PEOPLE).items[0]
    assert orla.title == "**Orla Penhallow**"
    assert dict((f.key, f.value) for f in orla.fields) == {
        "role": "Founder of Kelpworks",
        "why mentioned": "Guest of the episode",
    }


def test_bullet_entries_with_colon_and_dash() -> None:
    items = parsed("gen_b.md").section(K.COMPANIES).items
    assert [(item.title, item.inline_text) for item in items] == [
        ("**Open Aviary**", "a citizen-science platform"),
        ("**OpenAviary / Corvid Trust**", "partners in the count"),
    ]


def test_plain_name_bullet_entry_with_qualifier() -> None:
    # `- Pavel Drozdov (Harbour Institute): co-author`: no bold, still an entry like its siblings
    assert titles("newsletter.md", K.PEOPLE) == [
        "**Ines Halvorsen**",
        "Pavel Drozdov (Harbour Institute)",
        "**Wen Li (李文)**",
    ]


def test_bold_paragraph_entries_with_plain_and_italic_labels() -> None:
    items = parsed("paper.md").section(K.COMPANIES).items
    assert [item.title for item in items] == ["**Institute of Depths**", "**Open AI**"]
    assert dict((f.key, f.value) for f in items[0].fields) == {
        "description": "a research lab",
        "why mentioned": "hosts the authors",
    }
    assert dict((f.key, f.value) for f in items[1].fields) == {"description": "model provider"}


def test_bold_lead_after_heading_entry_is_its_own_entry() -> None:
    items = parsed("heading_entries.md").section(K.PEOPLE).items
    assert [item.title for item in items] == [
        "1. **Saoirse Ledwidge**",
        "2. **Bastian Okonkwo-Frey**",
        "**Ilse Brandvold**",
    ]
    # the heading's own name repeated in bold, and a speaker label before a quote, stay in the entry
    assert len(items[0].lines) == 3 and len(items[0].quotes) == 1
    assert len(items[1].lines) == 1
    assert items[2].inline_text == "historian of the ropewalk guilds"
