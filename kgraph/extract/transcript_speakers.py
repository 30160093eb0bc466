"""Speakers from the transcript's labels, carefully: a label is evidence, not truth.

Named labels resolve to the document's participants by name; `SPEAKER_NN` and role labels
(`Host`, `Guest`, `Speaker 2`) are mapped through self-introductions (`I'm Jane Roe`) and the
summary's own explicitly attributed quotes found on their lines. An episode whose labels disagree
with the summary's explicit names (swapped or drifting labels) is not trusted, and then no label
attributes anything. A wrong speaker is worse than none."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from kgraph.extract.attribution import READ_OUT, SOMEONE
from kgraph.extract.results import ClaimEntry, PersonName
from kgraph.model import Grounding, SpeakerEvidence
from kgraph.names import fold, looks_like_person_name, split_qualifiers, strip_honorific
from kgraph.parse.document import Transcript

# Attribution rules that name the speaker next to the quote (`kgraph.extract.attribution`).
EXPLICIT_RULES = frozenset(
    {"dash after", "said after", "speaker label", "lead-in", "as X put it", "inside quote", "lead-in above"}
)
# Words the summary says someone read out (`Harlan read her essay aloud: "..."`): the voice the
# transcript labels is the reader's, so the label neither overrides their author nor votes on labels.
KEPT_RULES = EXPLICIT_RULES | {READ_OUT}
MIN_VOTES = 2  # a generic label is mapped on at least this many agreeing quotes or introductions
MIN_SHARE = 0.75  # ... and this share of its votes
MIN_OTHER = 3  # a named label is someone else's on this many explicit quotes of one other person
MIN_OTHER_ALONE = 2  # ... or this many, when none of the label's own person's quotes are on it
MIN_DISAGREEMENTS = 2  # the episode's labels are judged wrong on at least this many explicit quotes
MIN_AGREEMENT = 0.8  # below this, the labels are swapped or drifting: not trusted
NAME_SIMILARITY = 88  # `Henry Stern` for `Henri Stern`
INTRODUCTION_SEGMENTS = 300  # introductions come early: in the first segments and minutes
INTRODUCTION_SECONDS = 600
_INTRODUCTION = re.compile(r"\b(?:i am|i'm|im|my name is|this is)\s+(\w+(?:\s+\w+)?)", re.I)
# `_may_introduce`'s three forms: each starts with a letter searched for quickly, then looks back
_I_AM = re.compile(r"m(?:(?<=\b[Ii]m)|(?<=\b[Ii]'m)|(?<=\b[Ii] am))\b")
_MY_NAME = re.compile(r"y name(?<=[Mm]y name)")
_THIS_IS = re.compile(r"his is(?<=[Tt]his is)")
FOUND = frozenset({Grounding.VERBATIM, Grounding.APPROXIMATE})


@dataclass(frozen=True)
class LabelReading:
    """What an episode's labels say: each label's participant, and whether to believe them."""

    names: dict[str, str]  # label -> participant name
    trusted: bool
    checks: int  # explicit quotes the labels were checked against
    agreements: int


def _named(label: str, participants: list[PersonName]) -> str | None:
    """The participant a label names (`Jane Roe`, `Jane`, `Roe`, `Henry Roe` for `Henri Roe`)."""
    key = fold(re.sub(r"\([^)]*\)", " ", label))
    if not key:
        return None
    exact = [p.name for p in participants if key in {fold(p.name), *(fold(a) for a in p.aliases)}]
    if len(exact) == 1:
        return exact[0]
    tokens = key.split()
    if len(tokens) == 1:
        single = [p.name for p in participants if tokens[0] in fold(p.name).split()]
        return single[0] if len(single) == 1 else None
    close = [p.name for p in participants if fuzz.ratio(key, fold(p.name)) >= NAME_SIMILARITY]
    return close[0] if len(close) == 1 else None


def _introductions(transcript: Transcript, participants: list[PersonName]) -> list[tuple[str, str]]:
    """(label, participant) for each `I'm Jane Roe` / `my name is Jane` on a labelled line."""
    found = []
    for segment in transcript.segments[:INTRODUCTION_SEGMENTS]:
        if segment.start_seconds > INTRODUCTION_SECONDS:
            break
        if segment.label is None or not _may_introduce(segment.text):
            continue
        for match in _INTRODUCTION.finditer(segment.text):
            words = match.group(1).split()
            for size in (2, 1):
                if len(words) >= size and (name := _introduced(" ".join(words[:size]), participants)):
                    found.append((segment.label, name))
                    break
    return found


def _may_introduce(text: str) -> bool:
    """`\b[Ii](?:'| a)?m\b|[Mm]y name|[Tt]his is` is somewhere in `text` (that expression, starting
    with `\b`, is tried at every character of the first few hundred lines: most of reading labels)."""
    return bool(_I_AM.search(text) or _MY_NAME.search(text) or _THIS_IS.search(text))


def _introduced(words: str, participants: list[PersonName]) -> str | None:
    key = fold(words)
    hits = [p.name for p in participants if key == fold(p.name) or (" " not in key and key == fold(p.name).split()[0])]
    return hits[0] if len(hits) == 1 else None


def _mistaken(votes: Counter[str], others: Counter[str], name: str, least: int = MIN_OTHER) -> bool:
    """A named label that is someone else's: its lines hold at least MIN_OTHER quotes the summary
    explicitly gives to one other person (perhaps a host left off the participants list), more
    than it gives to the label's own person."""
    rivals = [count for person, count in [*votes.items(), *others.items()] if person != name]
    return bool(rivals) and max(rivals) >= least and max(rivals) > votes[name]


HEARD_SEGMENTS = 10  # a label names someone who takes part when it is on this many segments ...
HEARD_SHARE = 0.05  # ... and this share of the labelled ones (not a clip's voice, a one-off slip)
SPELLED_ALIKE = 85  # `Britt` for the listed `Brit`: a label spelled this close is that participant


def heard_people(
    transcript: Transcript, participants: list[PersonName], people: list[PersonName], title: str = ""
) -> list[PersonName]:
    """People the transcript's labels name as speaking at length who are not on the participants
    list (a host the summary never lists: `**Dwarkesh Patel:**` on half the turns): a full name, or
    a first name the episode's `title` holds that is one person the document names (`Stuart` for
    its Stuart Landesberg). Never a role or placeholder (`Producer`, `Unidentified`, `SPEAKER_01`),
    nor a listed name written otherwise (`Dr. Jane Roe`, `J. Roe`, `William Peebles` for `Bill`)."""
    counts = Counter(segment.label for segment in transcript.segments if segment.label)
    total = sum(counts.values())
    heard: list[PersonName] = []
    title_words = set(fold(title).split())
    for label, segments in sorted(counts.items()):
        if segments < HEARD_SEGMENTS or segments < HEARD_SHARE * total:
            continue
        name = strip_honorific(split_qualifiers(label)[0])  # `Mario (Last Name Unknown)`, `Dr. Jane Roe`
        if not looks_like_person_name(name) or _named(name, participants) or _spelled_alike(name, participants):
            continue
        if _listed_otherwise(name, participants):
            continue
        if len(name.split()) < 2:  # a first name: only the one the title and the document give
            person = _person_named(name, people) if fold(name) in title_words else None
        else:
            person = _person_named(name, people) or PersonName(name=name)
        if person is not None and all(person.name != other.name for other in (*participants, *heard)):
            heard.append(person)
    return heard


def _listed_otherwise(name: str, participants: list[PersonName]) -> bool:
    """A listed person written otherwise: the same surname (`J. Roe`, `William Peebles` for Bill
    Peebles, `Jane Roe PhD`), one surname grown from the other (`Jane Roe-Smith`), or the same
    words in another order (`Zhang Xiaojun` for Xiaojun Zhang)."""
    words = [word for word in fold(name).split() if word not in _SUFFIXES]
    for person in participants:
        for form in (person.name, *person.aliases):
            theirs = [word for word in fold(form).split() if word not in _SUFFIXES]
            if not words or not theirs:
                continue
            if sorted(words) == sorted(theirs) or (len(words) > 1 and len(theirs) > 1 and words[-1] == theirs[-1]):
                return True
            if words[0] == theirs[0] and (words[-1] in theirs[1:] or theirs[-1] in words[1:]):
                return True
    return False


_SUFFIXES = frozenset("phd md jr sr ii iii iv mba".split())


def _spelled_alike(name: str, participants: list[PersonName]) -> bool:
    key = fold(name)
    return any(
        fuzz.ratio(key, form) >= SPELLED_ALIKE
        for p in participants
        for full in (p.name, *p.aliases)
        for form in (fold(full), *fold(full).split()[:1])
    )


def _person_named(name: str, people: list[PersonName]) -> PersonName | None:
    """The one person of `people` whom `name` names (as `_named` reads a label)."""
    found = _named(name, people)
    return next((person for person in people if person.name == found), None) if found else None


def read_labels(transcript: Transcript, claims: tuple[ClaimEntry, ...], participants: list[PersonName]) -> LabelReading:
    labels = sorted({segment.label for segment in transcript.segments if segment.label})
    named = {label: name for label in labels if (name := _named(label, participants))}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    others: dict[str, Counter[str]] = defaultdict(Counter)  # explicit names of people not listed
    participant_names = {p.name for p in participants}
    for claim in claims:
        grounding = claim.grounding
        if (
            grounding is not None
            and grounding.grounding in FOUND
            and grounding.span_label
            and claim.speaker is not None
            and claim.attribution in EXPLICIT_RULES
        ):
            (votes if claim.speaker in participant_names else others)[grounding.span_label][claim.speaker] += 1
    naming = set(named)
    named = {label: name for label, name in named.items() if not _mistaken(votes[label], others[label], name)}
    checks = sum(sum(votes[label].values()) for label in named)
    agreements = sum(votes[label][name] for label, name in named.items())
    # one disagreement can be the summary's slip (its explicit names are right about 97% of the time)
    trusted = checks - agreements < MIN_DISAGREEMENTS or agreements >= MIN_AGREEMENT * checks
    # In a trusted episode, a label with none of its own person's quotes is someone else's on
    # fewer (a present guest's voice under an absent host's label)
    named = {
        label: name
        for label, name in named.items()
        if votes[label][name] or not _mistaken(votes[label], others[label], name, MIN_OTHER_ALONE)
    }
    for label, name in _introductions(transcript, participants):
        if label not in named:
            votes[label][name] += 1
    names = dict(named)
    for label in labels:
        if label in naming or not votes[label]:
            continue  # a label with a name is never taken for someone else's by votes
        (name, count), *_ = sorted(votes[label].items(), key=lambda item: (-item[1], item[0]))
        if count >= MIN_VOTES and count >= MIN_SHARE * sum(votes[label].values()):
            names[label] = name
    return LabelReading(names=names, trusted=trusted, checks=checks, agreements=agreements)


def attribute(claim: ClaimEntry, reading: LabelReading) -> ClaimEntry:
    """The claim with its speaker weighed against its transcript line's label."""
    grounding = claim.grounding
    heard = None
    if reading.trusted and grounding is not None and grounding.grounding in FOUND and grounding.turn_label:
        # (the labels were judged on the lines that carry one: `span_label`)
        heard = reading.names.get(grounding.turn_label)
        if grounding.label is not None and reading.names.get(grounding.label) != heard:
            heard = None  # the label changes inside the passage: perhaps lagging a line
    if heard is None:
        evidence = SpeakerEvidence.SUMMARY_TEXT if claim.speaker else None
        return claim.model_copy(update={"speaker_evidence": evidence})
    if claim.speaker == heard:
        update: dict[str, object] = {"speaker_evidence": SpeakerEvidence.BOTH}
    elif (
        claim.speaker is None and claim.attribution != READ_OUT or claim.attribution not in KEPT_RULES
    ) and _points_at(claim, heard, reading):
        update = {"speaker": heard, "speaker_evidence": SpeakerEvidence.TRANSCRIPT_LABEL, "attribution": "transcript"}
    else:
        update = {"speaker_evidence": SpeakerEvidence.SUMMARY_TEXT if claim.speaker else None}
    return claim.model_copy(update={**update, "transcript_speaker": heard})


def _points_at(claim: ClaimEntry, heard: str, reading: LabelReading) -> bool:
    """The summary's text around the quote names nobody, or names the label's person among others
    (`Alan Keating explained... He elaborated: "..."` on a line still labelled with the host's name
    names Alan: the label lags a line at the turn change), or, for a quote the summary gives nobody in
    an entity's entry, names only people the recording never hears (`Ben is the best coach I know`,
    in Ben's entry: the guest speaking of him)."""
    if not claim.context_people or heard in claim.context_people:
        return True
    if claim.speaker is not None or SOMEONE in claim.context_people:
        return False  # (`He elaborated:` is the summary's choice of speaker, whom the text named)
    if claim.about is None or claim.about.entity is None:
        return False  # (in an analysis item, `Cal explained... He elaborated:` points at Cal)
    return not set(reading.names.values()).intersection(claim.context_people)


def attribute_claims(
    claims: tuple[ClaimEntry, ...], transcript: Transcript | None, participants: list[PersonName]
) -> tuple[tuple[ClaimEntry, ...], LabelReading | None]:
    """Claims (already grounded) with speakers weighed against the labels, and the labels' reading."""
    if transcript is None:
        return claims, None
    reading = read_labels(transcript, claims, participants)
    return tuple(attribute(claim, reading) for claim in claims), reading
