"""Work the extraction no longer does, pinned to the code as first written: the context rule reads
the quote only for the candidate it can still give, and an item without a quote mark gets no
`about` reference made for it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.extract import claims
from kgraph.extract.attribution import Attributor, ItemContext, _first_person, _quote_field
from kgraph.extract.claims import _about, _ClaimCollector, entry_speaks, merge_repeated_quotes
from kgraph.extract.entities import extract_entities
from kgraph.extract.people import PeopleIndex
from kgraph.extract.results import ClaimEntry, EntityEntry, EntityKind, PersonName
from kgraph.names import vocabulary
from kgraph.parse import parse_document
from kgraph.parse.document import ParsedDocument, Quote, SectionKind


def _candidate_as_first_written(attributor: Attributor, quote: Quote, context: ItemContext) -> tuple[str, str] | None:
    candidates = []
    if attributor.conversation and context.subject:
        candidates.append((context.subject, "item subject"))
    spoken_field = _quote_field(quote) and (attributor.conversation or context.owner_speaks)
    if context.owner and (_first_person(quote.text) or spoken_field):
        candidates.append((context.owner, "people entry"))
    if attributor.conversation and attributor.sole_speaker:
        candidates.append((attributor.sole_speaker, "sole speaker"))
    return candidates[0] if candidates else None


_TEXTS = (
    "we will never pledge the house for a loan",
    "I would do it again without thinking twice",
    "he told me we would do it again next year",
    "Joined Halden as head of sales last year",
    "The Microsoft CEO was a hero to the whole team",
    "pricing is the only moat that lasts",
)
_NAMES = st.sampled_from([None, "Dana Ruiz", "Jane Roe"])


@st.composite
def _quotes(draw: st.DrawFn) -> Quote:
    text = draw(st.sampled_from(_TEXTS))
    before = draw(st.sampled_from(["", "Key quote: ", "Legislation would require chatbots to ", "**Quote:** "]))
    source = f'{before}"{text}"'
    return Quote(
        text=text,
        line=1,
        start=len(before),
        end=len(source) - 1,
        source=source,
        before=before,
        after="",
        location=draw(st.sampled_from(["field", "prose", "table", "bullet"])),
        field=draw(st.sampled_from([None, "Key quote", "Quote", "Notes", "In her words"])),
        table_header=draw(st.sampled_from([None, "quote", "notes"])),
    )


@settings(max_examples=600, deadline=None)
@given(_quotes(), _NAMES, _NAMES, st.booleans(), _NAMES, st.booleans())
def test_the_context_candidate_is_the_first_of_the_candidates_as_first_written(
    quote: Quote, subject: str | None, owner: str | None, owner_speaks: bool, sole: str | None, conversation: bool
) -> None:
    attributor = Attributor(people=PeopleIndex([]), sole_speaker=sole, conversation=conversation)
    context = ItemContext(subject=subject, owner=owner, owner_speaks=owner_speaks)
    expected = _candidate_as_first_written(attributor, quote, context)
    assert attributor._context_candidate(quote, context) == expected


def _extract_claims_as_first_written(
    document: ParsedDocument, attributor: Attributor, entities: list[EntityEntry]
) -> list[ClaimEntry]:
    """`claims.extract_claims` as first written: every item's `about` made, quoted or not."""
    attributor.title_names = claims.title_names(document, attributor)
    collector = _ClaimCollector(attributor)
    collector.walk(tuple(document.preamble), ItemContext(), None)
    entries: dict[int, EntityEntry] = {}
    for entry in entities:
        entries.setdefault(entry.line, entry)
    for section in document.sections:
        collector.walk(section.intro, ItemContext(), None)
        for item in section.items:
            about = _about(section.kind, item, entries)
            context = ItemContext()
            if section.kind == SectionKind.PEOPLE and about and about.entity == EntityKind.PERSON:
                owner = attributor.people.resolve(about.name or "")
                if owner in attributor.participants or not attributor.conversation:
                    context.owner = owner
                    context.owner_speaks = owner in attributor.participants or entry_speaks(
                        " ".join(line.text for line in item.lines)
                    )
            collector.walk(item.lines, context, about)
    return merge_repeated_quotes(collector.claims)


_LINES = (
    "Dana Ruiz argues that pricing is the moat.",
    "Amelia Hart notes:",
    "Kofi Mensah explains:",
    "He adds:",
    '"we will never pledge the house for a loan."',
    '- Key quote: "I would do it again without thinking twice."',
    "Argued that the cohort data says the opposite.",
    "Runs the payments team at Halden.",
)
_ITEM = st.lists(st.sampled_from(_LINES), min_size=1, max_size=4).map("\n\n".join)
_PEOPLE = st.sampled_from(["Dana Ruiz", "Kofi Mensah", "Amelia Hart", "Lee Park"])


def _claims(text: str, extract: object) -> tuple[list[ClaimEntry], list[str], list[str]]:
    document = parse_document("fixture.md", text)
    people = [PersonName(name=name) for name in ("Dana Ruiz", "Jane Roe")]
    attributor = Attributor(
        people=PeopleIndex(people),
        participants=frozenset({"Dana Ruiz", "Jane Roe"}),
        everyday_words=vocabulary(text),
    )
    found = extract(document, attributor, extract_entities(document))  # type: ignore[operator]
    return found, attributor.people.names(), [person.name for person in attributor.created]


@settings(max_examples=300, deadline=None)
@given(st.lists(_ITEM, min_size=1, max_size=3), st.lists(st.tuples(_PEOPLE, _ITEM), max_size=3))
def test_claims_are_the_claims_as_first_written(themes: list[str], people: list[tuple[str, str]]) -> None:
    body = "".join(f"### Theme {number}\n{item}\n\n" for number, item in enumerate(themes, start=1))
    entries = "".join(f"### {name}\n{item}\n\n" for name, item in people)
    text = f"# Episode\n\n**Podcast:** Early Money\n\n## 1. Key Themes\n\n{body}## People Identified\n\n{entries}"
    assert _claims(text, claims.extract_claims) == _claims(text, _extract_claims_as_first_written)
