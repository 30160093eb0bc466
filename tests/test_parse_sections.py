"""Sections found by name at any heading level; degenerate and trailing content."""

from __future__ import annotations

from kgraph.parse.document import SectionKind
from tests.parse_fixtures import parsed

K = SectionKind


def kinds(name: str) -> list[SectionKind]:
    return [section.kind for section in parsed(name).sections]


def test_h2_sections_all_six() -> None:
    assert kinds("gen_a.md") == [
        K.KEY_THEMES,
        K.CONTRARIAN_PERSPECTIVES,
        K.COMPANIES,
        K.PEOPLE,
        K.OPERATING_INSIGHTS,
        K.OVERLOOKED_INSIGHTS,
    ]
    assert parsed("gen_a.md").warnings == ()


def test_h1_numbered_sections_with_count_suffix_and_missing_people() -> None:
    # `# 1. Key Themes (3 Themes)`, People missing, Operating numbered 4
    assert kinds("gen_b.md") == [
        K.KEY_THEMES,
        K.CONTRARIAN_PERSPECTIVES,
        K.COMPANIES,
        K.OPERATING_INSIGHTS,
    ]


def test_h3_numbered_sections_with_same_level_items() -> None:
    assert kinds("newsletter.md") == [K.KEY_THEMES, K.PEOPLE, K.OPERATING_INSIGHTS]
    themes = parsed("newsletter.md").section(K.KEY_THEMES)
    assert [item.title for item in themes.items] == [
        "Lighthouses are public goods",
        "Tolls were the real model",
    ]


def test_declined_document_has_no_sections() -> None:
    document = parsed("declined.md")
    assert document.sections == ()
    assert "degenerate: no canonical section" in document.warnings


def test_trailing_junk_is_not_section_content() -> None:
    document = parsed("gen_a.md")
    overlooked = document.section(K.OVERLOOKED_INSIGHTS)
    assert len(overlooked.items) == 1
    section_text = " ".join(line.text for line in overlooked.lines)
    assert "budget_used" not in section_text
    assert "Word Count" not in section_text


def test_trailing_participants_bio_is_trailing() -> None:
    document = parsed("gen_b.md")
    texts = [line.text for line in document.trailing]
    assert "**Participants:**" in texts
    assert all("Mireille Vantongeren" not in line.text for line in document.section(K.OPERATING_INSIGHTS).lines)


def test_recommendation_heading_after_last_section_is_not_an_item() -> None:
    operating = parsed("gen_b.md").section(K.OPERATING_INSIGHTS)
    assert [item.title for item in operating.items] == ["1. Start before sunrise"]


def test_paper_without_tail_sections_warns() -> None:
    assert "truncated: ends after Companies Identified" in parsed("paper.md").warnings
