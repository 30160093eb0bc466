"""The code of 17f310d, kept as the oracle of tests/test_resolve_differential.py.

One IRI per organization. Names are one organization when they fold to one key (case, spacing,
corporate suffix, a domain ending, numbers written out) or when a heading states an alias; a
suffix form (`Halden` / `Halden Industries`) or a close spelling (`Gimlet` / `Gimlett`) joins them
only when the context agrees. Each merge and near miss goes to the `DecisionLog`."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

import jellyfish
from rapidfuzz import fuzz, process

from kgraph.data import organization_words
from kgraph.extract.organization_names import abbreviation
from kgraph.names import fold
from kgraph.resolve.decisions import DecisionLog, Verdict
from kgraph.resolve.organizations import _Resolver as CurrentResolver
from tests.oracles.aliases_17f310d import AliasRules, KeptApartUnion

_SUFFIX = re.compile(r"\s+(?:inc|incorporated|corp|corporation|co|llc|ltd|limited|plc|gmbh|ag|sa)$")
_DOMAIN = re.compile(r"\.(?:com|ai|io|dev|co|app|new|so|xyz|org|net)$", re.I)
_ACRONYM = re.compile(r"^[A-Z0-9&.-]{1,5}$")
_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()
# A short form named in this many documents is a well-known organization: its one `X AI` or
# `X Robotics` may be a unit of it, so that merge needs context.
_WELL_KNOWN = 3
# Words too common in descriptions to say two entries describe the same organization.
_COMMON = frozenset(
    """about also based being between both build builds building company companies could first
from have into like made make makes many mentioned more most other over part platform product products provides
raised said startup such than that their them then there these they this through used uses using very what when
where which while with within would year years example discussed referenced episode""".split()
)


@dataclass(frozen=True)
class OrganizationSighting:
    name: str
    aliases: tuple[str, ...] = ()
    document: str = ""  # the source file that names it
    podcast: str = ""  # its show
    description: str = ""  # what the entry says about it (description, why mentioned)
    people: tuple[str, ...] = ()  # the people the document affiliates with it
    listed: bool = True  # an entry of its own (False: only a person's affiliation)


@dataclass(frozen=True)
class OrganizationIdentity:
    label: str
    alt_labels: tuple[str, ...]


def _numbers_written_out(text: str) -> str:
    return re.sub(r"\b(\d{1,2})\b", lambda m: _NUMBERS[int(m.group(1))] if int(m.group(1)) <= 20 else m.group(1), text)


@lru_cache(maxsize=1 << 16)
def organization_key(name: str) -> str:
    """`Acme Inc.`, `ACME`, `acme.dev`, `The Acme Co` -> `acme`; `10 Labs` -> `tenlabs`."""
    key = _SUFFIX.sub("", fold(_DOMAIN.sub("", name.strip())))
    key = re.sub(r"^the\s+", "", key)
    return _numbers_written_out(key).replace(" ", "")


@dataclass
class _Context:
    """What the corpus says around one written name: where, with whom, described how."""

    documents: set[str]
    podcasts: set[str]
    people: set[str]
    words: set[str]
    descriptions: set[str]


def _description_words(text: str, name: str) -> set[str]:
    """Distinctive words of a description, cut to six letters (`manufacturer` ~ `manufacturing`)."""
    own = set(fold(name).split())
    return {word[:6] for word in fold(text).split() if len(word) >= 4 and word not in _COMMON and word not in own}


def _contexts(sightings: list[OrganizationSighting]) -> dict[str, _Context]:
    contexts: dict[str, _Context] = {}
    for sighting in sightings:
        context = contexts.setdefault(sighting.name, _Context(set(), set(), set(), set(), set()))
        context.descriptions.add(sighting.description)
        context.documents.add(sighting.document)
        context.podcasts.add(sighting.podcast)
        context.people.update(fold(person) for person in sighting.people)
        context.words |= _description_words(sighting.description, sighting.name)
    return contexts


def _agreement(first: _Context, second: _Context) -> list[str]:
    """The evidence that two names are one organization: a shared person, show or description."""
    evidence = []
    if shared := sorted(first.people & second.people):
        evidence.append(f"same person affiliated: {', '.join(shared[:3])}")
    if shared := sorted(first.podcasts & second.podcasts - {""}):
        evidence.append(f"same show: {', '.join(shared[:3])}")
    if len(shared := sorted(first.words & second.words)) >= 2:
        evidence.append(f"descriptions share: {', '.join(shared[:6])}")
    return evidence


# What a description says of a part of an organization: `part of Google`, `Google's research lab`.
_PART_LEAD = (
    "part of|within|inside|owned by|subsidiary of|division of|unit of|arm of|spun out of|spinout of|internal|"
    "backed by|parent"
)
_PART_NOUN = (
    "team|division|unit|subsidiary|arm|lab|labs|spinout|spin-off|fund|group|wing|department|business|effort|"
    "initiative|program|project|research"
)
# Each half of `_part_of`'s pattern holds one of these words, so a description without them is no part.
_PART_WORDS = re.compile(rf"\b(?:{_PART_LEAD})\s|(?:{_PART_NOUN})\b", re.I)


def _part_of(short: str, long: _Context) -> bool:
    """`Google Labs`, described as `Internal Google team`: a part of `Google`, not another name for it."""
    # The pattern costs milliseconds to compile; most descriptions lack its words or the name.
    texts = [text for text in long.descriptions if _PART_WORDS.search(text) and _may_contain(text, short)]
    if not texts:
        return False
    name = re.escape(short)
    part = re.compile(
        rf"\b(?:{_PART_LEAD})\s+(?:the\s+)?{name}\b|\b{name}(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}(?:{_PART_NOUN})\b",
        re.I,
    )
    return any(part.search(text) for text in texts)


def _may_contain(text: str, name: str) -> bool:
    """Whether re.I may find `name` in `text`: for ASCII both, exactly when the lower cases hold it
    (beyond ASCII re.I matches more: the Kelvin sign for `k`)."""
    return not (text.isascii() and name.isascii()) or name.lower() in text.lower()


def _joining_abbreviation(alias: str, name: str) -> str | None:
    """A numeronym (`a16z`), a contraction (`FedEx`) or initials of three letters or more (`CETC`):
    distinctive enough to be one organization wherever written; two letters (`PI`) only label it."""
    how = abbreviation(alias, name)
    if how == "initials" and len(re.sub(r"[^A-Za-z0-9]", "", alias)) < 3:
        return None
    return how


def _extra_words(short: str, long: str) -> list[str] | None:
    """`Halden` / `Halden Quantum Computing` -> [`quantum`, `computing`]; None unless `long` begins
    with all of `short`'s words."""
    a, b = fold(short).split(), fold(long).split()
    return b[len(a) :] if 0 < len(a) < len(b) and b[: len(a)] == a else None


def _suffix_form(short: str, long: str) -> bool:
    """`Halden` / `Halden Industries`, `Lumen` / `Lumen AI`: the longer adds only kind words."""
    extra, words = _extra_words(short, long), organization_words()
    return extra is not None and (all(word in words.kind_suffixes for word in extra) or _plain_suffix(extra))


def _plain_suffix(extra: list[str]) -> bool:
    """Only a generic corporate word (`Technologies`, `Quantum Computing`), no investment word."""
    return " ".join(extra) in organization_words().plain_suffixes


@lru_cache(maxsize=1 << 16)
def _sound(key: str) -> str:
    return jellyfish.metaphone(key)


def candidate_pairs(names: list[str]) -> list[tuple[str, str]]:
    """The pairs of `names` (in the order of `combinations(names, 2)`) that could be a suffix form
    or a spelling variant, found through blocks rather than by comparing every pair: suffix forms
    share their first word, variants heard alike share a sound, close spellings share a first
    letter and reach the lowest score any rule accepts (compared in rapidfuzz's C loop)."""
    position = {name: index for index, name in enumerate(names)}
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in names:
        words = fold(name).split()
        if words:
            blocks[("word", words[0])].append(name)
        key = organization_key(name)
        if len(key) >= 4 and key.isascii():
            blocks[("sound", _sound(key))].append(name)
            blocks[("letter", key[0])].append(name)
    pairs: set[tuple[str, str]] = set()
    for (kind, _), members in blocks.items():
        if len(members) < 2:
            continue
        if kind == "letter":
            keys = [organization_key(name) for name in members]
            for i, key in enumerate(keys):
                for _, _, j in process.extract(
                    key, keys[i + 1 :], scorer=fuzz.ratio, score_cutoff=_LOWEST_SCORE, limit=None
                ):
                    pairs.add((members[i], members[i + 1 + j]))
        else:
            pairs.update(combinations(members, 2))
    return sorted(
        ((first, second) if position[first] <= position[second] else (second, first) for first, second in pairs),
        key=lambda pair: (position[pair[0]], position[pair[1]]),
    )


_LOWEST_SCORE = 75  # the lowest similarity any spelling rule below accepts


def _spelling_variant(first: str, second: str) -> float | None:
    """A close spelling (`Gimlett` / `Gimlet`, `Deel` / `Deal`; `Kalshi` / `Calshi`, heard alike):
    the similarity, else None."""
    a, b = organization_key(first), organization_key(second)
    if min(len(a), len(b)) < 4 or not a.isascii() or not b.isascii():
        return None
    if a[0] != b[0]:  # a speech-to-text spelling may change the first letter, not the sound
        score = fuzz.ratio(a, b)
        return score if score >= 80 and _sound(a) == _sound(b) else None
    score = fuzz.ratio(a, b)
    if score >= 88 and min(len(a), len(b)) >= 6:
        return score
    if score >= _LOWEST_SCORE and _sound(a) == _sound(b):
        return score
    return None


def _heard_alike(first: str, second: str) -> bool:
    """`Replit` / `Replet`, `Kalshi` / `Calshi`: one sound, a close spelling."""
    a, b = organization_key(first), organization_key(second)
    return _sound(a) == _sound(b) and fuzz.ratio(a, b) >= 80


def _one_shared_word(first: _Context, second: _Context) -> list[str]:
    """For names heard alike, one distinctive word of their descriptions in common is enough."""
    shared = sorted(first.words & second.words)
    return [f"heard alike, descriptions share: {shared[0]}"] if shared else []


class _Resolver:
    def __init__(self, sightings: list[OrganizationSighting], rules: AliasRules, log: DecisionLog | None):
        self.rules, self.log = rules, log
        self.union: KeptApartUnion[tuple[str, str]] = rules.union_find(
            lambda node: node[1] if node[0] == "name" else None, log, "organization"
        )
        self.counts: Counter[str] = Counter(sighting.name for sighting in sightings)
        self.contexts = _contexts(sightings)
        self.aliases: dict[str, set[str]] = defaultdict(set)  # name -> the aliases its node shows
        # Keys of names that are an entry of their own somewhere: never another entity's alias.
        self.listed = {organization_key(s.name): s.name for s in sorted(sightings, key=lambda s: s.name) if s.listed}
        self.together: set[tuple[str, str]] = set()  # two names listed as separate entries of one document
        by_document: dict[str, set[str]] = defaultdict(set)
        for sighting in sightings:
            if sighting.listed:
                by_document[sighting.document].add(sighting.name)
        for names in by_document.values():
            self.together.update(combinations(sorted(names), 2))

    def record(
        self,
        verdict: Verdict,
        names: list[str] | tuple[str, ...],
        reason: str,
        evidence: list[str] | tuple[str, ...] = (),
    ) -> None:
        if self.log is not None:
            self.log.record("organization", verdict, tuple(names), reason, tuple(evidence))

    def add(self, sighting: OrganizationSighting) -> None:
        name = sighting.name
        self.union.union(("name", name), ("key", organization_key(name)))
        for alias in sighting.aliases:
            if (how := _joining_abbreviation(alias, name)) is not None:
                # `Andreessen Horowitz (a16z)`: the heading derives the alias from the name, so it
                # joins the entry `a16z` even where that is listed by itself.
                self.aliases[name].add(alias)
                if self.union.union(("name", name), ("key", organization_key(alias))):
                    self.record("merged", [name, alias], f"alias stated in the heading, the {how}", [sighting.document])
                continue
            if _ACRONYM.match(alias):  # `(AI)` or `(ABC)` tickers are labels, not identities
                self.aliases[name].add(alias)
                continue
            key = organization_key(alias)
            entry = self.listed.get(key)
            if entry is not None and key != organization_key(name) and not organization_words().same_group(name, alias):
                self.record(
                    "candidate",
                    [name, alias],
                    "alias is an entry of its own elsewhere",
                    [f"{sighting.document}: {name} ({alias})"],
                )
                continue
            self.aliases[name].add(alias)
            if self.union.union(("name", name), ("key", key)) and key != organization_key(name):
                self.record("merged", [name, alias], "alias stated in the heading", [sighting.document])
        if (label := self.rules.merged_label(name)) is not None:
            self.union.union(("name", name), ("user", fold(label)))

    def merge_on_evidence(self) -> None:
        """Suffix forms and close spellings, when the context agrees and no document lists both. A
        short form with one longer form in the corpus that adds only a generic corporate word
        (`Halden` / `Halden Technologies`) needs no more context."""
        names = sorted(self.counts)
        proposals: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)  # name -> (other, reason, evidence)
        longer: dict[str, set[tuple[str, str]]] = defaultdict(set)  # short form -> the groups of its longer forms
        pairs = candidate_pairs(names)
        for first, second in pairs:
            for short, long in ((first, second), (second, first)):
                if _suffix_form(short, long):
                    longer[short].add(self.union.find(("name", long)))
        for first, second in pairs:
            if self.union.find(("name", first)) == self.union.find(("name", second)):
                continue
            if _suffix_form(first, second) or _suffix_form(second, first):
                short, long = sorted((first, second), key=lambda n: (len(fold(n).split()), n))
                reason, score = "suffix form", None
            elif (score := _spelling_variant(first, second)) is not None:
                short, long = first, second
                reason = "spelling variant"
            else:
                continue
            evidence = [f"similarity {score:.0f}"] if score is not None else []
            if (first, second) in self.together:
                self.record(
                    "candidate",
                    [short, long],
                    f"{reason}, but listed apart in one document",
                    [*evidence, *sorted(self.contexts[first].documents & self.contexts[second].documents)[:2]],
                )
                continue
            if reason == "suffix form" and _part_of(short, self.contexts[long]):
                self.record("candidate", [short, long], "suffix form, but described as a part of it", evidence)
                continue
            agreement = _agreement(self.contexts[first], self.contexts[second])
            if not agreement and reason == "spelling variant" and _heard_alike(first, second):
                agreement = _one_shared_word(self.contexts[first], self.contexts[second])
            extra = _extra_words(short, long) or []
            if not agreement and reason == "suffix form" and len(longer[short]) == 1 and _plain_suffix(extra):
                named_in = len(self.contexts[short].documents)
                if " ".join(extra) not in organization_words().unit_suffixes or named_in < _WELL_KNOWN:
                    proposals[short].append((long, "suffix form, unique", [f"only longer form of {short}"]))
                    continue
                reason = f"suffix form, unique, but {short} is named in {named_in} documents (a unit?)"
                self.record("candidate", [short, long], reason, evidence)
                continue
            if not agreement:
                self.record("candidate", [short, long], f"{reason}, no shared context", evidence)
                continue
            proposals[short].append((long, reason, [*evidence, *agreement]))
        for short in sorted(proposals):
            options = proposals[short]
            groups = {self.union.find(("name", long)) for long, _, _ in options}
            if len(groups) > 1:  # `Halden` beside `Halden Capital` and `Halden Industries`: which one?
                for long, reason, evidence in options:
                    self.record("candidate", [short, long], f"{reason}, but several organizations fit", evidence)
                continue
            for long, reason, evidence in options:
                if self.union.union(("name", short), ("name", long)):
                    kept = sorted((short, long), key=lambda f: (-self.counts[f], len(f), f))  # the likelier label first
                    self.record("merged", kept, reason, evidence)

    def _record_key_merges(self, forms: set[str]) -> None:
        """`11 Labs` and `ElevenLabs`, `Lovable.dev` and `Lovable`: one key, written differently."""
        by_key: dict[str, set[str]] = defaultdict(set)
        for form in forms:
            by_key[organization_key(form)].add(form)
        for written in by_key.values():
            spellings = {fold(form).replace(" ", "") for form in written}
            if len(spellings) > 1:
                ordered = sorted(written, key=lambda f: (-self.counts[f], f))
                self.record(
                    "merged",
                    ordered,
                    "same name but for case, spacing, suffix, domain or numbers",
                    [f"{form}: {self.counts[form]}" for form in ordered],
                )

    def identities(self) -> dict[str, OrganizationIdentity]:
        result = {}
        for members in self.union.groups(("name", name) for name in sorted(self.counts)).values():
            forms = {name for _, name in members}
            user = next((self.rules.merged_label(f) for f in sorted(forms) if self.rules.merged_label(f)), None)
            label = user or max(forms, key=lambda f: (self.counts[f], -len(f), f))
            extra = set().union(*(self.aliases[f] for f in forms))
            identity = OrganizationIdentity(label=label, alt_labels=tuple(sorted((forms | extra) - {label})))
            self._record_key_merges(forms)
            for form in forms:
                result[form] = identity
        return result


def resolve_organizations(
    sightings: list[OrganizationSighting], rules: AliasRules, log: DecisionLog | None = None
) -> dict[str, OrganizationIdentity]:
    """name as written -> identity."""
    resolver = _Resolver(sightings, rules, log)
    for sighting in sorted(sightings, key=lambda s: (s.name, s.document, s.aliases)):
        resolver.add(sighting)
    # A newer rule, carried here so that the differential test still compares everything else:
    # names the data knows as one organization (`Twitter` / `X`) merge.
    CurrentResolver.merge_known_renames(resolver)  # type: ignore[arg-type]
    resolver.merge_on_evidence()
    return resolver.identities()
