"""One IRI per organization. Names are one organization when they fold to one key (case, spacing,
corporate suffix, a domain ending, numbers written out) or when a heading states an alias; a
suffix form (`Halden` / `Halden Industries`) or a close spelling (`Gimlet` / `Gimlett`) joins them
only when the context agrees. Each merge and near miss goes to the `DecisionLog`."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import combinations, pairwise
from typing import NamedTuple

import jellyfish
from rapidfuzz import fuzz, process

from kgraph.data import organization_words
from kgraph.extract.organization_names import abbreviation
from kgraph.names import fold
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.decisions import DecisionLog, Verdict
from kgraph.resolve.unionfind import UnionFind

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


class OrganizationSighting(NamedTuple):
    """An organization as one document names it (a named tuple, as `PersonSighting` is)."""

    name: str
    aliases: tuple[str, ...] = ()
    document: str = ""  # the source file that names it
    podcast: str = ""  # its show
    description: str = ""  # what the entry says about it (description, why mentioned)
    people: tuple[str, ...] = ()  # the people the document affiliates with it
    listed: bool = True  # an entry of its own (False: only a person's affiliation)
    investor: bool = False  # named only as a round's investor (`Series A led by Acme`)
    in_prose: bool = False  # a well-known name running text writes (`a deal with Stripe`)


# What an investor says it is, in the first words of its description (`Venture capital firm`,
# `Hedge fund / activist investor`), before what it does or whom it backs.
_INVESTOR_HEAD = re.compile(
    r"^(?:(?!\b(?:by|of|in|at|for|that|which|with|from|behind|backing|whose)\b)[^,;:.(|—–])*?"
    r"\b(?:venture|vc|fund|funds|investor|investors|investment firm|capital firm|hedge|private equity|"
    r"asset manager|accelerator|angel)\b",
    re.I,
)
# `Intel Capital`, `Coinbase Ventures`: the investment arm of a company that is no investor itself.
INVESTMENT_ARM_WORDS = ("Capital", "Ventures", "Fund", "Funds", "Investments")
_INVESTMENT_ARM_KEYS = frozenset(word.lower() for word in INVESTMENT_ARM_WORDS)
_OWN_FUND = "an investment firm's name written in passing"


# One of these is in every description `_INVESTOR_HEAD` finds (tested first: most descriptions
# have none, and ten substring tests cost far less than the pattern).
_INVESTOR_STEMS = ("ventur", "vc", "fund", "invest", "capital", "hedge", "equity", "asset", "accelerat", "angel")


def describes_an_investor(description: str | None) -> bool:
    """Whether a description first says the organization invests (`Venture capital firm`), not
    that it is something else that an investment is about (`Chipmaker at the center of a
    government investment`)."""
    if not description:
        return False
    lower = description.lower()
    return any(stem in lower for stem in _INVESTOR_STEMS) and bool(_INVESTOR_HEAD.search(description))


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


class _DescriptionWords:
    """Distinctive words of descriptions, cut to six letters (`manufacturer` ~ `manufacturing`).
    Folding never joins or reads across white space, so the folded words of a text are those of
    its pieces: each piece is read once for the whole corpus (descriptions differ, words recur)."""

    def __init__(self) -> None:
        self._pieces: dict[str, frozenset[str]] = {}  # piece -> its folded words of 4+ letters, uncommon
        self._cut: dict[str, str] = {}  # such a word -> its first six letters

    def __call__(self, texts: Iterable[str], name: str) -> set[str]:
        """The words of `texts` but for the name's own."""
        known, cut = self._pieces, self._cut
        pieces = set(" ".join(texts).split())
        for piece in pieces.difference(known):
            long = known[piece] = frozenset(
                word for word in fold(piece).split() if len(word) >= 4 and word not in _COMMON
            )
            cut.update((word, word[:6]) for word in long)
        words = set().union(*map(known.__getitem__, pieces)).difference(fold(name).split())
        return set(map(cut.__getitem__, words))


@dataclass
class _Context:
    """What the corpus says around one written name: where, with whom, described how."""

    name: str
    reader: _DescriptionWords
    documents: set[str] = field(default_factory=set)
    podcasts: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    descriptions: set[str] = field(default_factory=set)
    sightings: int = 0
    investor_sightings: int = 0  # of them, as a round's investor
    prose_sightings: int = 0  # of them, only written in running text

    @property
    def prose_only(self) -> bool:
        """Named only in running text (`a deal with Stripe`), in every document: a name, no context."""
        return self.sightings == self.prose_sightings > 0

    @property
    def investor_only(self) -> bool:
        """Named only as a round's investor (`led by Corvo`), in every document."""
        return self.sightings - self.prose_sightings == self.investor_sightings > 0

    @cached_property
    def words(self) -> set[str]:
        """The distinctive words of its descriptions: read only for the names a rule compares (a
        few in a hundred), as splitting every description was a fifth of the resolution's time."""
        return self.reader(self.descriptions, self.name)


def _contexts(sightings: list[OrganizationSighting]) -> dict[str, _Context]:
    contexts: dict[str, _Context] = {}
    reader = _DescriptionWords()
    for sighting in sightings:
        context = contexts.get(sighting.name)
        if context is None:
            context = contexts[sighting.name] = _Context(sighting.name, reader)
        context.sightings += 1
        context.investor_sightings += sighting.investor
        context.prose_sightings += sighting.in_prose
        context.documents.add(sighting.document)
        if sighting.in_prose:
            continue  # a name written in passing says nothing of its show or its description
        context.descriptions.add(sighting.description)
        context.podcasts.add(sighting.podcast)
        if sighting.people:
            context.people.update(map(fold, sighting.people))
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
    if long[: len(short)].casefold() == short.casefold() and long[len(short) : len(short) + 1] not in ("", " "):
        return None  # `X` / `X-energy`: one word, written on without a space (a domain is another rule)
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
    words_a, words_b = fold(first).split(), fold(second).split()
    if len(words_a) == len(words_b) >= 2 and sum(x != y for x, y in zip(words_a, words_b, strict=True)) > 1:
        return None  # `AgileX Robotics` / `Agile Robots`: every word differs, no one slip of the pen
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
        self.union: UnionFind[tuple[str, str]] = rules.union_find(
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

    def merge_known_renames(self) -> None:
        """`Twitter` and `X`, `DeepMind` and `Google DeepMind`: one organization under two names
        (kgraph/data/organizations.toml), when both are in the corpus and no document lists
        them as two entries."""
        by_key = {organization_key(name): name for name in sorted(self.counts)}
        for group in organization_words().same:
            present = [by_key[key] for key in dict.fromkeys(map(organization_key, group)) if key in by_key]
            for first, second in pairwise(present):
                if tuple(sorted((first, second))) in self.together:
                    continue
                if self.union.find(("name", first)) != self.union.find(("name", second)) and self.union.union(
                    ("name", first), ("name", second)
                ):
                    self.record(
                        "merged", [first, second], "one organization under two names (kgraph/data/organizations.toml)"
                    )

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
            investing = self._investor_form(first, second) or self._investor_form(second, first)
            if self._its_own_fund(first, second) or self._its_own_fund(second, first):
                short, long = sorted((first, second), key=lambda n: (len(fold(n).split()), n))
                reason, score = _OWN_FUND, None
            elif _suffix_form(first, second) or _suffix_form(second, first):
                short, long = sorted((first, second), key=lambda n: (len(fold(n).split()), n))
                reason, score = "suffix form", None
            elif investing:
                short, long = sorted((first, second), key=lambda n: (len(fold(n).split()), n))
                reason, score = "investment firm's suffix form", None
            elif (score := _spelling_variant(first, second)) is not None:
                short, long = first, second
                reason = "spelling variant"
            else:
                continue
            evidence = [f"similarity {score:.0f}"] if score is not None else []
            if self.contexts[first].prose_only or self.contexts[second].prose_only:
                # a well-known name written in passing joins only a longer form that adds a
                # corporate word, the only one (`Stanford` / `Stanford University`): no context
                # makes it a spelling of another name (`Sony` / `Sona`) or a unit's (`Coinbase Ventures`)
                extra = _extra_words(short, long) or []
                if reason == "suffix form" and len(longer[short]) == 1 and _plain_suffix(extra):
                    proposals[short].append((long, "suffix form, unique", [f"only longer form of {short}"]))
                elif reason == _OWN_FUND:
                    evidence = [
                        f"{long} is written only in passing",
                        f"{short} is described as an investor, or not at all",
                    ]
                    proposals[short].append((long, reason, evidence))
                continue
            if (first, second) in self.together:
                self.record(
                    "candidate",
                    [short, long],
                    f"{reason}, but listed apart in one document",
                    [*evidence, *sorted(self.contexts[first].documents & self.contexts[second].documents)[:2]],
                )
                continue
            if reason == "suffix form" and not investing and self.contexts[short].investor_only:
                # `Series A led by Orbex` beside `Orbex Health`: an investor is no operating company's short name
                self.record("candidate", [short, long], "suffix form, but named only as a round's investor", evidence)
                continue
            if reason == "suffix form" and _part_of(short, self.contexts[long]):
                self.record("candidate", [short, long], "suffix form, but described as a part of it", evidence)
                continue
            agreement = _agreement(self.contexts[first], self.contexts[second]) or investing
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
                    # the likelier label first
                    kept = sorted((short, long), key=lambda f: (*(-rank for rank in self._label_rank(f)[:3]), f))
                    self.record("merged", kept, reason, evidence)

    def _label_rank(self, form: str) -> tuple[int, int, int, str]:
        """The most often named form labels a group; a name in a round's list of investors
        (`Corvo` for Corvo Capital) or only in running text counts after the names entries give."""
        context = self.contexts[form]
        written = self.counts[form] - context.prose_sightings
        return (written - context.investor_sightings, written, -len(form), form)

    def _its_own_fund(self, short: str, long: str) -> bool:
        """Whether `long`, written only in passing (`Halden Capital followed`), is `short` by the name
        of its investing: `short` is listed, `long` adds an investment arm's word, and `short` is
        described as an investor somewhere or not described at all (`Orbex`, only a loom maker:
        `Orbex Ventures` is its arm, another organization), as the matcher of names in running text
        reads it."""
        if self.contexts[short].prose_only or not self.contexts[long].prose_only:
            return False
        extra = _extra_words(short, long)
        if extra is None or " ".join(extra) not in _INVESTMENT_ARM_KEYS:
            return False
        descriptions = [text for text in self.contexts[short].descriptions if text]
        return not descriptions or any(describes_an_investor(text) for text in descriptions)

    def _investor_form(self, short: str, long: str) -> list[str]:
        """The evidence that `short` (`Corvo`) is the investment firm `long` (`Corvo Capital`):
        documents name it only as a round's investor, and `long` adds only an investment firm's
        ending. An operating company named alike (`Intel`, listed, and `Intel Capital`) is none."""
        extra = _extra_words(short, long)
        if extra is None or " ".join(extra) not in organization_words().investment_suffixes:
            return []
        if not self.contexts[short].investor_only:
            return []
        return [f"{short} is named only as a round's investor", f"{long} is an investment firm's name"]

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
            label = user or max(forms, key=self._label_rank)
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
    plain: set[str] = set()  # names added without aliases: adding them again joins and records nothing new
    for sighting in sorted(sightings, key=lambda s: (s.name, s.document, s.aliases)):
        if not sighting.aliases:
            if sighting.name in plain:
                continue
            plain.add(sighting.name)
        resolver.add(sighting)
    resolver.merge_known_renames()
    resolver.merge_on_evidence()
    return resolver.identities()
