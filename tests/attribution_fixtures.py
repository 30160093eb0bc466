"""A small invented episode around a body of Markdown, for the attribution pattern tests."""

from __future__ import annotations

from kgraph.extract import extract_document
from kgraph.parse import parse_document


def claims_of(body: str, participants: str = "Dana Ruiz, Raj Patel", source: str = "") -> list:
    source_line = f"**Source:** {source}\n" if source else ""
    text = f"""# [Pricing Power](https://example.com/ep/91)

**Podcast:** Margin Call
**Date:** 2025-12-01
{source_line}**Participants:** {participants}

---

{body}
"""
    return list(extract_document(parse_document("fixture.md", text)).claims)


def speakers_of(body: str, participants: str = "Dana Ruiz, Raj Patel", source: str = "") -> dict[str, str | None]:
    """Quote text -> the speaker the extraction gives it."""
    return {claim.text: claim.speaker for claim in claims_of(body, participants, source)}


def in_themes(body: str) -> str:
    return f"## 1. Key Themes\n\n### The Theme\n{body}\n"
