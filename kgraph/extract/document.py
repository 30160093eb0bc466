"""One document's extraction: every extractor run over its parsed document, in order."""

from __future__ import annotations

import re
from collections import Counter

from kgraph.extract.appositions import prose_affiliations
from kgraph.extract.attribution import Attributor
from kgraph.extract.claims import extract_claims
from kgraph.extract.entities import extract_entities
from kgraph.extract.episode import extract_episode
from kgraph.extract.grounding import ground_claims
from kgraph.extract.insights import extract_insights
from kgraph.extract.known_organizations import organizations_named_in
from kgraph.extract.makers import with_makers
from kgraph.extract.named_people import people_named_in
from kgraph.extract.organization_names import acronyms_spelled_out
from kgraph.extract.participants import (
    authors_among_entries,
    coauthors_among_entries,
    cut_short,
    extract_participants,
    needs_other_sources,
    placeholder_count,
    raw_participant_count,
)
from kgraph.extract.people import (
    PeopleIndex,
    document_text_lines,
    one_per_spelling,
    people_spelled_twice,
    spelled_in_two_scripts,
)
from kgraph.extract.product_cues import products_introduced_in
from kgraph.extract.products import find_products, products_named_in
from kgraph.extract.prose_organizations import (
    organizations_investing,
    organizations_listed_with,
    organizations_named_with_their_kind,
    organizations_of_a_kind,
)
from kgraph.extract.relations import affiliations_in_entries, title_affiliations
from kgraph.extract.results import ClaimEntry, DocumentExtraction, EntityEntry, EntityKind, PersonName, listed_names
from kgraph.extract.transcript_speakers import attribute_claims, heard_people
from kgraph.names import contains_word, fold, looks_like_person_name, vocabulary
from kgraph.parse.document import ParsedDocument, Transcript
from kgraph.parse.inline import plain


def _only_participant(document: ParsedDocument, participants: list[PersonName]) -> str | None:
    """The one participant, when the list names one and only one (before cleaning it), and not a
    placeholder (`Participants: Unknown`: whom the text names then is not the whole cast)."""
    if len(participants) != 1 or raw_participant_count(document) != 1 or needs_other_sources(document):
        return None
    return participants[0].name


def _sole_speaker(document: ParsedDocument, podcast: str, participants: list[PersonName]) -> str | None:
    """The one listed participant, when the list is credible as the whole cast. A lone participant
    who is the show's host (named in the podcast's name) means the guest went unlisted: then the
    quotes are more likely the guest's, and nobody is safe to name."""
    name = _only_participant(document, participants)
    if name is None:
        return None
    surname = fold(name).split()[-1]
    if len(surname) >= 3 and surname in fold(podcast).split():
        return None
    return name


def _bylined_author(document: ParsedDocument, participants: list[PersonName]) -> str | None:
    """The newsletter's one listed participant, when the summary's title or byline names them as
    its writer (`"Four Jobs" by Jo Lee`, `— Data Driven VC (Jo Lee)`, `*Summary by Jo Lee*`): the
    piece is theirs, so its first-person words are too."""
    name = _only_participant(document, participants)
    if name is None:
        return None
    byline = re.compile(rf"(?:\bby\s+|\((?:[^()]*,\s*)?){re.escape(name)}\b")
    return name if any(byline.search(plain(line.text)) for line in document.preamble) else None


def _named_by_surname(document: ParsedDocument, name: str) -> bool:
    """`Dan Primack`, a newsletter's name and its author's, whose text says `Primack notes`."""
    if " " not in name or not looks_like_person_name(name):
        return False
    surname = name.split()[-1]
    # alone, not inside the name itself (`Deal Flow Dispatch` says `Dispatch` only as the show)
    return any(contains_word(line.replace(name, " "), surname) for line in document_text_lines(document))


_MAIN_SPEAKER_QUOTES = 3  # and half the quotes given a speaker


def _main_speakers(claims: list[ClaimEntry], index: PeopleIndex) -> list[PersonName]:
    """Who an episode that names no participant has speak most (`"..." - Luca`, 35 times): the
    speaker of three quotes or more and of half of those attributed, in order of first quote."""
    counts = Counter(claim.speaker for claim in claims if claim.speaker)
    total = sum(counts.values())
    main = [name for name, count in counts.items() if count >= _MAIN_SPEAKER_QUOTES and 2 * count >= total]
    known = {person.name: person for person in index.people}
    return [known.get(name) or PersonName(name=name) for name in main]


def _unfilled_places(document: ParsedDocument, participants: list[PersonName]) -> int:
    """How many placeholders of the participants line (`Unknown Host`) nobody else filled: the list
    may also lose entries that name no person, or gain people from the intro."""
    return max(0, min(placeholder_count(document), raw_participant_count(document) - len(participants)))


def _unlisted_speakers(
    claims: list[ClaimEntry], index: PeopleIndex, participants: frozenset[str], unfilled: int
) -> list[PersonName]:
    """Whom a placeholder in the participants line stands for (`Jason Lemkin, Unknown Host`): the
    people the episode quotes most of those it does not list, three quotes or more each and half as many
    as the listed participant quoted most, one per placeholder the list did not fill (a tie for the last
    place fills none: nothing tells them apart)."""
    quoted = Counter(claim.speaker for claim in claims if claim.speaker)
    ranked = Counter({name: count for name, count in quoted.items() if name not in participants}).most_common(
        unfilled + 1
    )
    # (as much as half the listed participant quoted most: a host or guest talks, a clip is quoted)
    listed = max((quoted[name] for name in participants), default=0)
    bar = max(_MAIN_SPEAKER_QUOTES, (listed + 1) // 2, ranked[unfilled][1] + 1 if len(ranked) > unfilled else 0)
    known = {person.name: person for person in index.people}
    return [known.get(name) or PersonName(name=name) for name, count in ranked[:unfilled] if count >= bar]


def _short_names(entities: list[EntityEntry]) -> dict[str, str]:
    """The folded short first names People entries state (`### Rafael Domínguez (Rafa)`), with whose
    they are: only a name one entry states and no other person's name opens with (`Bill` of two
    Williams, or beside a Bill Gurley, names no one surely)."""
    people = [entry for entry in entities if entry.kind == EntityKind.PERSON]
    stated: dict[str, set[str]] = {}
    for entry in people:
        for alias in entry.aliases:
            if " " not in alias and " " in entry.name:
                stated.setdefault(fold(alias), set()).add(entry.name)
    firsts = {fold(entry.name).split()[0] for entry in people if " " in entry.name}
    return {short: names.pop() for short, names in stated.items() if len(names) == 1 and short not in firsts}


# Words a company's full name adds to the name it goes by: its legal form and scope, not a unit's
# (`NVIDIA Research`, `Meta AI`) nor an investment arm's (`Intel Capital`) that is another organization
_CORPORATE_FORMS = frozenset(
    "inc inc. incorporated corp corp. corporation co co. company llc ltd ltd. limited plc gmbh ag sa group holdings "
    "industries international global management vc".split()
) | {"global management", "asset management", "capital management", "investment management"}


def _not_short_names(in_passing: list[EntityEntry], entries: list[EntityEntry]) -> list[EntityEntry]:
    """The organizations named in passing but those that only shorten a listed organization's name
    by its legal form or scope (`Brinker` for the entry `Brinker International`, `Apollo` for `Apollo
    Global Management`): that organization, not another (`Google` is not `Google DeepMind`, nor
    `NVIDIA` its unit `NVIDIA Research`)."""
    listed = [fold(entry.name) for entry in entries if entry.kind == EntityKind.ORGANIZATION and entry.own_entry]
    shortened = {
        " ".join(words[:count])
        for words in (name.split() for name in listed)
        for count in range(1, min(len(words), 4))
        if " ".join(words[count:]) in _CORPORATE_FORMS or all(word in _CORPORATE_FORMS for word in words[count:])
    }
    return [entry for entry in in_passing if entry.kind != EntityKind.ORGANIZATION or fold(entry.name) not in shortened]


def extract_document(document: ParsedDocument, transcript_anchors: bytes = b"") -> DocumentExtraction:
    """Everything one document says; `transcript_anchors` fingerprint its transcript, if any."""
    episode = extract_episode(document).model_copy(update={"transcript_anchors": transcript_anchors})
    entities = find_products(extract_entities(document))
    people_entries = [entry.name for entry in entities if entry.kind == EntityKind.PERSON]
    participants = extract_participants(document, episode.podcast, people_entries, _short_names(entities))
    if episode.source_kind != "podcast":  # a newsletter or paper "participant" named like it is the outlet,
        # unless the outlet is a person's name, whom the text calls by surname (`Primack notes`)
        participants = [
            person
            for person in participants
            if fold(person.name) != fold(episode.podcast) or _named_by_surname(document, person.name)
        ]
    if episode.source_kind == "newsletter":
        participants = [*participants, *authors_among_entries(entities, participants, episode.podcast)]
    if episode.source_kind == "paper" and cut_short(document):  # `Ana Lind, Ivo Marr, et al.`
        participants = [*participants, *coauthors_among_entries(entities, participants, document.header.title)]
    text = "\n".join(document_text_lines(document))
    everyday = vocabulary(text)
    spelled_twice = spelled_in_two_scripts(text)
    participants = one_per_spelling(participants, spelled_twice)
    index = PeopleIndex(participants)
    for entry in entities:
        if entry.kind == EntityKind.PERSON:
            index.add(PersonName(name=entry.name, aliases=entry.aliases, affiliations=entry.affiliations))
    organization_names = {fold(form) for e in entities if e.kind != EntityKind.PERSON for form in (e.name, *e.aliases)}
    for name, cjk in people_spelled_twice(index, spelled_twice, organization_names):
        index.add(PersonName(name=name, aliases=(cjk,)))  # `林舒怡说：` is Lin Shuyi's, named so in the prose
    participant_names = frozenset(person.name for person in participants)
    conversation = episode.source_kind == "podcast"
    sole = _sole_speaker(document, episode.podcast, participants) if conversation else None
    author = _bylined_author(document, participants) if episode.source_kind == "newsletter" else None
    attributor = Attributor(
        people=index,
        organizations={fold(e.name) for e in entities if e.kind != EntityKind.PERSON} | {fold(episode.podcast)},
        sole_speaker=sole,
        sole_author=author,
        participants=participant_names,
        conversation=conversation,
        everyday_words=everyday,
    )
    claims = extract_claims(document, attributor, entities)
    if conversation and not participants:
        participants = _main_speakers(claims, index)
        participant_names = frozenset(person.name for person in participants)
    elif conversation and (unfilled := _unfilled_places(document, participants)) > 0:
        participants = [*participants, *_unlisted_speakers(claims, index, participant_names, unfilled)]
        participant_names = frozenset(person.name for person in participants)
    # Attribution may add a person it then did not use (`Bending Spoons explains`, later refused):
    # only participants, People entries and actual speakers are the document's people.
    used = participant_names | set(people_entries) | {claim.speaker for claim in claims if claim.speaker}
    known = {fold(form) for person in index.people for form in (person.name, *person.aliases)}
    known |= listed_names(entities)
    # (read after attribution: a person only mentioned must not make a speaker's first name ambiguous)
    # (not a spelling of someone the document already has: `Mustafa Suleyman` beside its Suleiman entry)
    named = [person for person in people_named_in(document, known, everyday) if index.resolve(person.name) is None]
    people = affiliations_in_entries(document, [*(p for p in index.people if p.name in used), *named], entities)
    people = title_affiliations([episode.title, *document.summary_headings()], people, entities, everyday)
    people = prose_affiliations(document, people, entities)
    named_products = products_named_in(document, entities, everyday)
    people_keys = {fold(form) for person in people for form in (person.name, *person.aliases)}
    introduced = products_introduced_in(document, [*entities, *named_products], people_keys, everyday)
    known_organizations = organizations_named_in(document, entities, everyday, episode.podcast)
    # (`Payments company Vance cited`: a surname alone is its person too)
    surnames = {key.split()[-1] for key in people_keys if " " in key}
    of_a_kind = organizations_of_a_kind(
        document, [*entities, *introduced, *known_organizations], people_keys | surnames
    )
    of_a_kind += organizations_named_with_their_kind(  # `led by DN Capital with Intel Capital`
        document,
        [*entities, *named_products, *introduced, *known_organizations, *of_a_kind],
        people_keys | surnames,
        everyday,
    )
    # (`Accel, Atomico, NFX, LocalGlobe and Point Nine`: the rest of a list of known organizations)
    listed_with = organizations_listed_with(
        document,
        [*entities, *named_products, *introduced, *known_organizations, *of_a_kind],
        people_keys | surnames,
        everyday,
    )
    # (`raised $225M from Maverick Silicon, SoftBank, Synopsys, Cadence, and Alchip`: a round's backers)
    investing = organizations_investing(
        document,
        [*entities, *named_products, *introduced, *known_organizations, *of_a_kind, *listed_with],
        people_keys | surnames,
        everyday,
    )
    in_passing = _not_short_names([*known_organizations, *of_a_kind, *listed_with, *investing], entities)
    return DocumentExtraction(
        episode=episode,
        participants=tuple(person.name for person in participants),
        people=tuple(people),
        entities=tuple(
            with_acronyms(with_makers(document, [*entities, *named_products, *introduced, *in_passing]), text)
        ),
        insights=tuple(extract_insights(document)),
        claims=tuple(claims),
        warnings=document.warnings,
    )


def with_acronyms(entries: list[EntityEntry], text: str) -> list[EntityEntry]:
    """Each organization the text spells out before its acronym (`Carnegie Mellon University (CMU)`)
    with that acronym among its names: the evidence that `CMU` elsewhere is the same university."""
    spelled_out = acronyms_spelled_out(text) if "(" in text else {}
    if not spelled_out:
        return entries
    return [
        entry.model_copy(update={"aliases": (*entry.aliases, acronym)})
        if entry.kind == EntityKind.ORGANIZATION
        and (acronym := spelled_out.get(fold(entry.name)))
        and acronym not in entry.aliases
        and acronym != entry.name
        else entry
        for entry in entries
    ]


def ground_in_transcript(extraction: DocumentExtraction, transcript: Transcript | None) -> DocumentExtraction:
    """The extraction with its transcript attached, each quote found in it, and speakers weighed
    against the transcript's labels (a pure function of both: cached with the extraction)."""
    if transcript is None:
        return extraction.model_copy(update={"transcript": None})
    participants = [person for person in extraction.people if person.name in set(extraction.participants)]
    update: dict[str, object] = {"transcript": transcript}
    # a host the summary never lists, heard at length
    if heard := heard_people(transcript, participants, list(extraction.people), extraction.episode.title or ""):
        participants += heard
        update["participants"] = (*extraction.participants, *(person.name for person in heard))
        update["people"] = (*extraction.people, *(person for person in heard if person not in extraction.people))
    claims, reading = attribute_claims(ground_claims(extraction.claims, transcript), transcript, participants)
    update["claims"] = claims
    if reading is not None:
        update["label_names"] = tuple(sorted(reading.names.items()))
        update["labels_trusted"] = reading.trusted
    return extraction.model_copy(update=update)
