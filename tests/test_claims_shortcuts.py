"""Claim collection done with less work, pinned to the code as first written: the items' text is
joined only for a title that names someone new, a claim is made without validating values already
of their types, and a quote with one copy skips the rules that choose among copies."""

from __future__ import annotations

import pickle
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.extract import claims
from kgraph.extract.attribution import (
    _PRONOUN_SPEAKS_IN,
    READ_OUT,
    SOMEONE,
    Attribution,
    Attributor,
    ItemContext,
    _unknown_speaker,
    spoken_sentences,
)
from kgraph.extract.claims import (
    _LIST_NUMBER,
    _WORD_CHAR,
    _bare_quote_line,
    _ClaimCollector,
    _contained,
    _quote_key,
    merge_repeated_quotes,
    title_names,
)
from kgraph.extract.people import PeopleIndex
from kgraph.extract.results import AboutRef, ClaimEntry, EntityKind, PersonName
from kgraph.model import InsightKind
from kgraph.names import plausible_new_person, vocabulary
from kgraph.parse import parse_document
from kgraph.parse.document import Line, LineKind, ParsedDocument, Quote
from kgraph.parse.inline import plain
from kgraph.parse.quotes import quotes_in_line, strip_timestamps

# -- the code as first written --------------------------------------------------------------------


def _title_names_as_first_written(document: ParsedDocument, attributor: Attributor) -> tuple[str, ...]:
    titles = [document.header.title or ""]
    titles += [line.plain for line in document.preamble if line.kind == LineKind.HEADING and line.level == 1]
    body = "\n".join(line.text for section in document.sections for item in section.items for line in item.lines)
    found: dict[str, int] = {}
    for title in titles:
        for match in claims._TITLE_NAME.finditer(title):
            name = match.group(0)
            if attributor.people.resolve(name) is None and plausible_new_person(name, attributor.everyday_words):
                found.setdefault(name, body.count(name))
    return tuple(sorted(found, key=lambda name: -found[name]))


def _claim_as_first_written(quote: Quote, found: Attribution, about: AboutRef | None, position: int) -> ClaimEntry:
    timestamp, seconds = claims.normalize_clock(quote.timestamp) if quote.timestamp else (None, None)
    return ClaimEntry(
        text=quote.text,
        line=quote.line,
        position=position,
        timestamp=timestamp,
        seconds=seconds,
        speaker=found.speaker,
        attribution=found.rule,
        about=about,
        context_people=found.context,
    )


def _merge_as_first_written(found: list[ClaimEntry]) -> list[ClaimEntry]:
    groups: dict[str, list[ClaimEntry]] = {}
    key_length: dict[int, int] = {}
    for claim in found:
        key = _quote_key(claim.text)
        groups.setdefault(key, []).append(claim)
        key_length[id(claim)] = len(key)
    for short, long in _contained(groups):
        groups[long] = groups[long] + groups.pop(short)
    merged: list[ClaimEntry] = []
    for copies in sorted(groups.values(), key=lambda copies: min(copy.position for copy in copies)):
        first = min(copies, key=lambda copy: copy.position)
        keeper = max(copies, key=lambda copy: (key_length[id(copy)], -copy.position))
        attributed = [copy for copy in copies if copy.speaker]
        speakers = {copy.speaker for copy in attributed}
        chosen = attributed[0] if len(speakers) == 1 else None
        timed = next((copy for copy in copies if copy.timestamp), first)
        about = next((copy.about for copy in copies if copy.about), None)
        merged.append(
            keeper.model_copy(
                update={
                    "position": len(merged),
                    "speaker": chosen.speaker if chosen else None,
                    "attribution": chosen.attribution if chosen else None,
                    "timestamp": timed.timestamp,
                    "seconds": timed.seconds,
                    "about": about,
                }
            )
        )
    return merged


def _bare_quote_line_as_first_written(quotes: list[Quote]) -> bool:
    if len(quotes) != 1:
        return False
    before = _LIST_NUMBER.sub("", plain(strip_timestamps(quotes[0].before)))
    after = plain(strip_timestamps(quotes[0].after))
    return not _WORD_CHAR.search(before) and not _WORD_CHAR.search(after)


def _pointed_at_as_first_written(attributor: Attributor, quote: Quote, context: ItemContext) -> tuple[str, ...]:
    before = spoken_sentences(quote.before)[-1]
    after = plain(strip_timestamps(quote.after))[:120]
    named = attributor._names_in(before) | attributor._names_in(after)
    if _PRONOUN_SPEAKS_IN(before) or _PRONOUN_SPEAKS_IN(after):  # (whom, is the pronoun tests')
        named.update(attributor._pronoun_candidates(quote, context))
    if not named and _unknown_speaker(before):
        named.add(SOMEONE)
    return tuple(sorted(named))


# -- invented documents and claims ------------------------------------------------------------------

_NAMES = ("Dana Ruiz", "Kofi Mensah", "Amelia Hart", "Supporting Evidence", "Year Four", "Jane Roe", "Dana Ruizz")
_TITLE = st.lists(st.sampled_from((*_NAMES, "with", "and", "the Podcast", "Episode 12", ":", "—")), max_size=7)
_BODY = st.lists(st.sampled_from((*_NAMES, "supporting evidence", "said the", "Amelia", "\n\n")), max_size=12)


def _attributor(text: str) -> Attributor:
    people = [PersonName(name=name) for name in ("Jane Roe", "Lee Park")]
    return Attributor(people=PeopleIndex(people), everyday_words=vocabulary(text))


@settings(max_examples=300, deadline=None)
@given(_TITLE.map(" ".join), st.lists(_TITLE.map(" ".join), max_size=2), st.lists(_BODY.map(" ".join), max_size=3))
def test_title_names_are_the_names_as_first_written(title: str, headings: list[str], items: list[str]) -> None:
    extra = "".join(f"# {heading}\n\n" for heading in headings)
    body = "".join(f"### Theme {number}\n{item}\n\n" for number, item in enumerate(items, start=1))
    text = f"# {title}\n\n{extra}**Podcast:** Early Money\n\n## 1. Key Themes\n\n{body}"
    document = parse_document("fixture.md", text)
    assert title_names(document, _attributor(text)) == _title_names_as_first_written(document, _attributor(text))


def test_the_invented_titles_name_people_by_their_count() -> None:
    text = "# Dana Ruiz and Kofi Mensah\n\n## 1. Key Themes\n\n### Theme\nKofi Mensah said. Kofi Mensah left.\n"
    document = parse_document("fixture.md", text)
    assert title_names(document, _attributor(text)) == ("Kofi Mensah", "Dana Ruiz")


_TEXTS = st.sampled_from(
    (
        "we will never pledge the house",
        "We will never pledge the house for a loan.",
        "never pledge the house",
        "pricing is the only moat that lasts",
        "Pricing is the only moat",
    )
)
_ABOUT = st.sampled_from(
    (None, AboutRef(insight=InsightKind.KEY_THEME, rank=1), AboutRef(entity=EntityKind.PERSON, name="Dana Ruiz"))
)
_SPEAKER = st.sampled_from((None, "", "Dana Ruiz", "Lee Park"))


@st.composite
def _quotes(draw: st.DrawFn) -> tuple[Quote, Attribution, AboutRef | None]:
    text = draw(_TEXTS)
    timestamp = draw(st.sampled_from((None, "", "4:05", "1:02:03", "00:12:34")))
    quote = Quote(text=text, line=draw(st.integers(1, 40)), start=0, end=1, source="", before="", after="")
    quote = quote.model_copy(update={"timestamp": timestamp})
    speaker = draw(_SPEAKER)
    rule = draw(st.sampled_from((None, "lead-in", "dash after"))) if speaker is not None else None
    context = tuple(draw(st.lists(st.sampled_from(("?", "Dana Ruiz", "Lee Park")), max_size=2, unique=True)))
    return quote, Attribution(speaker, rule, context), draw(_ABOUT)


@settings(max_examples=400, deadline=None)
@given(st.lists(_quotes(), max_size=10))
def test_claims_are_made_and_merged_as_first_written(quotes: list[tuple[Quote, Attribution, AboutRef | None]]) -> None:
    collector = _ClaimCollector(_attributor(""))
    expected = []
    for quote, found, about in quotes:
        collector._add(quote, found, about)
        expected.append(_claim_as_first_written(quote, found, about, len(expected)))
    # pickled: the values, their order and the fields set (a validated claim's state) all agree
    assert pickle.dumps(collector.claims) == pickle.dumps(expected)
    assert [list(claim.__dict__) for claim in collector.claims] == [list(claim.__dict__) for claim in expected]
    assert pickle.dumps(merge_repeated_quotes(collector.claims)) == pickle.dumps(_merge_as_first_written(expected))


# What a quote's line holds around it: names, pronouns that speak, timestamps in each written form,
# links, emphasis, list numbers, entities.
_AROUND = st.sampled_from(
    (
        "",
        " ",
        "1. ",
        "- ",
        "**",
        "*",
        "Dana Ruiz notes: ",
        "He adds: ",
        "Amelia explains, ",
        " — Dana Ruiz",
        " — Lee Park [[00:53:04]](https://www.youtube.com/watch?v=x&t=52m54s)",
        " [00:12:34]",
        " (01:02:03)",
        " at 4:05 ",
        " she said.",
        " [site](https://example.com) &amp; ",
        ", Jane Roe argued",
        "Friedberg emphasized: ",
    )
)
_QUOTED = st.sampled_from(('"we will never pledge the house for a loan"', '"pricing is the only moat that lasts."'))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_AROUND, _QUOTED), min_size=1, max_size=6).map("".join), st.sampled_from((None, "Lee Park")))
def test_quote_surroundings_are_read_as_first_written(text: str, subject: str | None) -> None:
    """The parser's spoken text of a quote's surroundings is what the rules made of them before."""
    quotes = quotes_in_line(Line(number=1, kind=LineKind.TEXT, text=text))
    assert _bare_quote_line(quotes) == _bare_quote_line_as_first_written(quotes)
    attributor, context = _attributor(text), ItemContext(subject=subject)
    for quote in quotes:
        assert attributor._pointed_at(quote, context) == _pointed_at_as_first_written(attributor, quote, context)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(("We", "never", "Pledge", " ", "  ", "\t", "\n", "\u00a0", "\u3000", "…", '"', "*", ".")),
        max_size=12,
    )
)
def test_a_quote_key_is_as_first_written(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _quote_key(text) == re.sub(r"\s+", " ", text).strip().strip(" .,;:!?…*_\"'").casefold()


def test_a_quote_read_out_in_one_copy_stays_read_out_when_merged() -> None:
    # the transcript's label (the reader's voice) must not make an unattributed read-out quote the reader's
    collector = _ClaimCollector(_attributor(""))
    text = "We had fourteen months of cash and zero months of conviction."
    for line, found in ((3, Attribution(None, READ_OUT)), (9, Attribution(None, None))):
        collector._add(Quote(text=text, line=line, start=0, end=1, source="", before="", after=""), found, None)
    (merged,) = merge_repeated_quotes(collector.claims)
    assert (merged.speaker, merged.attribution) == (None, READ_OUT)
    (plain,) = merge_repeated_quotes(collector.claims[1:])
    assert plain.attribution is None
