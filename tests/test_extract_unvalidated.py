"""Extraction models made without validation (`kgraph.unvalidated.made`), pinned to the validated
constructions they replaced: the same values, field order and fields set (a validated model's state)."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.extract.claims import _about
from kgraph.extract.entities import extract_entities
from kgraph.extract.insights import INSIGHT_KIND, clean_plain_title, extract_insights, item_text
from kgraph.extract.results import AboutRef, EntityEntry, InsightEntry
from kgraph.model import Record
from kgraph.parse import parse_document
from kgraph.parse.document import Item, ParsedDocument, SectionKind


def _about_as_first_written(
    section: SectionKind, item: Item | None, entries: dict[int, EntityEntry]
) -> AboutRef | None:
    if item is None:
        return None
    if section in INSIGHT_KIND:
        return AboutRef(insight=INSIGHT_KIND[section], rank=item.rank)
    entry = entries.get(item.line)
    return AboutRef(entity=entry.kind, name=entry.name) if entry else None


def _insights_as_first_written(document: ParsedDocument) -> list[InsightEntry]:
    insights = []
    for section in document.sections:
        kind = INSIGHT_KIND.get(section.kind)
        if kind is None:
            continue
        for item in section.items:
            insights.append(
                InsightEntry(
                    kind=kind,
                    rank=item.rank,
                    title=clean_plain_title(item.title_plain),
                    text=item_text(item),
                    line=item.line,
                )
            )
    return insights


def _state(models: list[Record | None]) -> tuple[bytes, list[object]]:
    """The pickle (values and fields set) and each model's field order, fields set and value types."""
    shapes: list[object] = [
        None
        if model is None
        else (list(model.__dict__), model.__pydantic_fields_set__, [type(v) for v in model.__dict__.values()])
        for model in models
    ]
    return pickle.dumps(models), shapes


_LINES = (
    "Dana Ruiz argues that pricing is the moat.",
    '"we will never pledge the house for a loan."',
    '- Key quote: "I would do it again without thinking twice."',
    "**Why it matters:** the cohort data says the opposite.",
    "| Metric | Value |\n|---|---|\n| Churn | 2% |",
    "",
)
_ITEM = st.lists(st.sampled_from(_LINES), min_size=1, max_size=3).map("\n\n".join)
_TITLE = st.sampled_from(("Theme 1: Pricing", "1. 🚀 Ports", "Insight #3 - **The moat**", "Perspective", "价格"))
_NAME = st.sampled_from(("Dana Ruiz", "Halden Bank", "Kofi Mensah (Orbex)", "Lee Park / Ann Roe"))
_SECTIONS = st.sampled_from(
    ("## 1. Key Themes", "## Contrarian Perspectives", "## Operating Insights", "## Overlooked Insights")
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_SECTIONS, st.lists(st.tuples(_TITLE, _ITEM), max_size=3)), max_size=3),
    st.lists(st.tuples(_NAME, _ITEM), max_size=3),
    st.lists(st.tuples(_NAME, _ITEM), max_size=2),
)
def test_insights_and_abouts_are_as_first_written(
    insights: list[tuple[str, list[tuple[str, str]]]], people: list[tuple[str, str]], companies: list[tuple[str, str]]
) -> None:
    body = "".join(
        heading + "\n\n" + "".join(f"### {title}\n{item}\n\n" for title, item in items) for heading, items in insights
    )
    body += "## People Identified\n\n" + "".join(f"### {name}\n{item}\n\n" for name, item in people)
    body += "## Companies Identified\n\n" + "".join(f"- **{name}** {item}\n" for name, item in companies)
    document = parse_document("fixture.md", f"# Episode\n\n**Podcast:** Early Money\n\n{body}")
    assert _state(list(extract_insights(document))) == _state(list(_insights_as_first_written(document)))
    entries: dict[int, EntityEntry] = {}
    for entry in extract_entities(document):
        entries.setdefault(entry.line, entry)
    for section in document.sections:
        for item in (None, *section.items):
            found = _about(section.kind, item, entries)
            assert _state([found]) == _state([_about_as_first_written(section.kind, item, entries)])
