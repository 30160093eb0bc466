"""The claim walk skips reading the subject after an item's last quote (nothing reads it there):
pinned to the walk as first written, which read every line, on invented items."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.extract import claims, extract_document
from kgraph.extract.attribution import Attributor, ItemContext
from kgraph.extract.claims import _bare_quote_line, _ClaimCollector, _next_in_block, extract_claims
from kgraph.extract.people import PeopleIndex
from kgraph.extract.results import AboutRef, ClaimEntry, PersonName
from kgraph.names import vocabulary
from kgraph.parse import parse_document
from kgraph.parse.document import Line, LineKind
from kgraph.parse.quotes import quotes_in_line


class _AsFirstWritten(_ClaimCollector):
    def walk(self, lines: tuple[Line, ...], context: ItemContext, about: AboutRef | None) -> None:
        for index, line in enumerate(lines):
            quotes = quotes_in_line(line)
            if not quotes:
                if line.kind == LineKind.TEXT and line.text:
                    self.attributor.update_subject(context, line.text)
                    following = lines[index + 1] if index + 1 < len(lines) else None
                    block_quote_follows = (
                        following is not None
                        and following.quoted
                        and not line.quoted
                        and bool(quotes_in_line(following))
                    )
                    self.attributor.lead_in_line(line.text, context, block_quote_follows)
                continue
            next_line = _next_in_block(lines, index)
            position = 0
            for quote in quotes:
                self.attributor.update_subject(context, line.text[position : quote.start])
                found = self.attributor.attribute(quote, context, next_line)
                self._add(quote, found, about)
                position = quote.end + 1
            if line.kind == LineKind.TEXT:
                self.attributor.update_subject(context, line.text[position:])
            if not line.quoted and line.kind != LineKind.TABLE_ROW and not _bare_quote_line(quotes):
                context.pending, context.pending_blocked = None, False


_SENTENCES = (
    "Dana Ruiz argues that pricing is the moat.",
    "Ruiz pushes back:",
    "He adds:",
    "She continued.",
    "**Kofi Mensah:**",
    "Lena Osei explains the plan.",
    "The host asks about churn.",
    "Praised for the launch.",
    "Jane Roe notes the risk, and Kofi disagrees:",
    "Amelia Hart notes:",
    "Later the fund was billed as a winner.",
)
_QUOTES = (
    '"we will never pledge the house for a loan."',
    '"pricing is the only moat that lasts in payments."',
    '"I would do it again without thinking twice."',
    '"the cohort data says the opposite of what you think."',
)
_LINE = st.one_of(
    st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=3).map(" ".join),
    st.tuples(st.sampled_from(_SENTENCES), st.sampled_from(_QUOTES)).map(" ".join),
    st.tuples(st.sampled_from(_QUOTES), st.sampled_from(("— Dana Ruiz", "Ruiz said.", "— Amelia", ""))).map(" ".join),
    st.sampled_from(_QUOTES).map(lambda quote: f"> {quote}"),
)
_ITEM = st.lists(st.tuples(_LINE, st.sampled_from(("\n", "\n\n"))), min_size=1, max_size=6).map(
    lambda lines: "".join(line + gap for line, gap in lines)
)


def _claims(text: str, collector: type[_ClaimCollector]) -> tuple[list[ClaimEntry], list[str], list[str]]:
    document = parse_document("fixture.md", text)
    people = [PersonName(name=name) for name in ("Dana Ruiz", "Jane Roe", "Kofi Mensah", "Lena Osei")]
    attributor = Attributor(
        people=PeopleIndex(people),
        participants=frozenset({"Dana Ruiz", "Jane Roe"}),
        everyday_words=vocabulary(text),
    )
    original = claims._ClaimCollector
    claims._ClaimCollector = collector  # type: ignore[misc]
    try:
        found = extract_claims(document, attributor, [])
    finally:
        claims._ClaimCollector = original  # type: ignore[misc]
    return found, attributor.people.names(), [person.name for person in attributor.created]


@settings(max_examples=300, deadline=None)
@given(st.lists(_ITEM, min_size=1, max_size=3))
def test_the_walk_is_the_walk_as_first_written(items: list[str]) -> None:
    body = "".join(f"### Theme {number}\n{item}\n" for number, item in enumerate(items, start=1))
    text = f"# Episode\n\n**Podcast:** Early Money\n\n## 1. Key Themes\n\n{body}"
    assert _claims(text, _ClaimCollector) == _claims(text, _AsFirstWritten)


def test_the_invented_items_reach_a_subject_after_the_last_quote() -> None:
    """An item whose subject changes after its last quote, and a lead-in that names someone new."""
    text = (
        "# Episode\n\n## 1. Key Themes\n\n### Theme\nDana Ruiz argues that pricing is the moat.\n\n"
        '"I would do it again without thinking twice."\n\nJane Roe notes the risk.\n\nAmelia Hart notes:\n'
    )
    found, people, created = _claims(text, _ClaimCollector)
    assert [claim.speaker for claim in found] == ["Dana Ruiz"]
    assert created == ["Amelia Hart"] and "Amelia Hart" in people


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \t\n\x0b\x0c\r\x1c\x1f\x85\xa0\u2000\u2028\u3000.,;:!?…*_\"'aBß"))))
def test_a_quote_key_is_the_key_as_first_written(text: str) -> None:
    """`_quote_key` spaces words with `str.split`, as first written with the regex `\\s+`."""
    assert claims._quote_key(text) == re.sub(r"\s+", " ", text).strip(" .,;:!?…*_\"'").casefold()


def test_a_quote_line_ending_an_item_on_a_colon_is_read() -> None:
    """A found crash (by the mutation test): a lead-in after the quote on the item's last line
    (`..." Her answer:` where the document ends) looked for a block quote past the item's end."""
    text = (
        "# Looms\n\n**Podcast:** Loom Talk\n**Date:** 2025-11-02\n**Participants:** Dana Ruiz\n\n"
        '## 1. Key Themes\n\n### Theme\nDana asked: "Is this a loom of some kind really?" Her answer:'
    )
    claims = extract_document(parse_document("e.md", text)).claims
    assert [claim.text for claim in claims] == ["Is this a loom of some kind really?"]
