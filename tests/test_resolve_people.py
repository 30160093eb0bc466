"""Person identity across documents on invented summaries: first names, spelling variants and
CJK names merge only on evidence, and every decision is in the report."""

from __future__ import annotations

from pathlib import Path

import kgraph

TEMPLATE = """# [{title}](https://example.org/{slug})

**Podcast:** {podcast}
**Date:** 2025-03-{day:02d}
**Participants:** {participants}

---

## 1. Key Themes

### What changed
{body}

## 2. People Identified

{people}
"""


def write(folder: Path, name: str, *, title: str, participants: str, podcast: str = "Signal Hour", day: int = 1,
          body: str = "Nothing new this week.", people: str = "None identified.") -> None:
    text = TEMPLATE.format(title=title, slug=name.removesuffix(".md"), podcast=podcast, day=day,
                           participants=participants, body=body, people=people)
    (folder / name).write_text(text, encoding="utf-8")


def build(folder: Path) -> kgraph.KnowledgeGraph:
    return kgraph.build([folder])
