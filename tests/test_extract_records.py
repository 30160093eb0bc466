"""Records the extractors build without validation (`model_construct`, for speed) are what
validation would build from the same values: same types, same values, same fields set."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from kgraph.extract import extract_document
from kgraph.extract.results import AboutRef, ClaimEntry
from kgraph.parse import parse_document

from .conftest import ROOT

_INVENTED = """# [Seed Stories](https://example.com/ep/77)

**Podcast:** Early Money
**Date:** 2025-11-01
**Participants:** Priya Nandakumar, Dele Okafor

---

## 1. Key Themes

### Pricing is the moat
Okafor insists: "we will never pledge the house for a loan, not once." [00:12:34]

## 5. People Identified

### Priya Nandakumar
- **Key quote:** "I passed on the seed round and I regret it every day."
"""


def _documents() -> list[tuple[str, str]]:
    fixtures = sorted((ROOT / "tests" / "fixtures").glob("*_corpus/*.md"))
    return [("invented.md", _INVENTED), *((path.name, path.read_text(encoding="utf-8")) for path in fixtures)]


def _as_validated(record: BaseModel) -> None:
    again = type(record).model_validate(record.model_dump(exclude_unset=True))
    assert again.__getstate__() == record.__getstate__()  # values, fields set, extra, private
    for name, value in record.__dict__.items():
        assert type(value) is type(again.__dict__[name]), name


@pytest.mark.parametrize(("name", "text"), _documents(), ids=[name for name, _ in _documents()])
def test_claims_and_what_they_are_about_are_what_validation_gives(name: str, text: str) -> None:
    claims = extract_document(parse_document(name, text)).claims
    for claim in claims:
        assert isinstance(claim, ClaimEntry)
        _as_validated(claim)
        if claim.about is not None:
            assert isinstance(claim.about, AboutRef)
            _as_validated(claim.about)


def test_the_invented_document_has_claims_about_an_insight_and_a_person() -> None:
    claims = extract_document(parse_document("invented.md", _INVENTED)).claims
    assert {(claim.about.insight, claim.about.entity) for claim in claims if claim.about} == {
        ("KeyTheme", None),
        (None, "person"),
    }
    assert any(claim.seconds == 754 for claim in claims)


@pytest.mark.filterwarnings("ignore::UserWarning")  # pydantic warns when it dumps the wrong type
def test_a_record_built_from_a_value_of_another_type_is_caught() -> None:
    """The check above can fail: text where validation gives a number."""
    with pytest.raises(AssertionError):
        _as_validated(AboutRef.model_construct(rank="3"))
