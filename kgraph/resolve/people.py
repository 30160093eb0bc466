"""One IRI per real person across documents, decided on evidence and recorded in the DecisionLog
(merges, and the near misses kept apart as candidates).

- The same full name (in either order) is one person; so are the forms one entry gives together
  (`Wei Zhang (张伟)`) and the user's alias file.
- A CJK name and its pinyin romanization are one person when one document names both, or when
  context agrees across documents.
- A spelling variant (`Ingrid` / `Ingred Solberg`) merges only when context agrees (same show,
  same affiliation, the same words said about both, shared co-mentions, the other spelling
  written about it) and no document lists both as two people.
- Forms of one given name (`Doug` / `Douglas Leone`, `Masa` / `Masayoshi Son`) merge when
  context agrees, or when nobody else in the corpus has the surname and the short form stands
  for one given name only.
- A lone first name (or surname) stays scoped to its show; it folds into the one full name the
  show uses for it only when context agrees (shared affiliation or words, or the full name is a
  host / recurring participant of the show) and no document names both apart. Never into a
  namesake of another show.
- The label is the most frequent spelling, full names first; the other forms are alt labels."""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import jellyfish
from rapidfuzz import fuzz

from kgraph.given_names import GivenNameForms, given_name_forms
from kgraph.names import fold, has_cjk
from kgraph.resolve.aliases import AliasRules
from kgraph.resolve.decisions import DecisionLog
from kgraph.resolve.unionfind import UnionFind

_MOST_SPELLINGS = 64  # the spellings of one person weighed against each other's descriptions


class PersonSighting(NamedTuple):
    """A person as one document names them, with what that document says about them. (A named
    tuple, not a frozen dataclass: a build makes one per person per document, and a frozen
    dataclass sets each field through `object.__setattr__`, three times as slow.)"""

    name: str
    aliases: tuple[str, ...]
    podcast: str  # resolved podcast label: bare first names are only merged within a show
    source: str = ""  # the document (episode source file)
    participant: bool = False
    spoke: bool = False  # some quote of the document is theirs
    host: bool = False  # the document calls them the host
    affiliations: tuple[str, ...] = ()  # folded organization names stated with them
    # folded distinctive words said about them (description, role, title); may be read on first use
    context: Iterable[str] = ()


@dataclass(frozen=True)
class PersonIdentity:
    label: str
    alt_labels: tuple[str, ...]
    scope: str | None  # the podcast, for a person known only by a first name


@functools.lru_cache(maxsize=1 << 16)  # asked of every sighting's name, again and again
def _is_full(name: str) -> bool:
    return has_cjk(name) or len(fold(name).split()) >= 2


_has_cjk = functools.lru_cache(maxsize=1 << 16)(has_cjk)  # (so is this)


@functools.lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    tokens = fold(name).split()
    # `Tan Jie` and `Jie Tan` are one person: name order varies with the language.
    return " ".join(sorted(tokens)) if len(tokens) == 2 else " ".join(tokens)


# -- evidence --------------------------------------------------------------------------------------
def _pinyin_spellings(cjk: str) -> set[str]:
    """Every toneless pinyin spelling of a CJK name (`张伟` -> `zhangwei`), run together."""
    # compared, not matched: a pattern's CJK range costs the compiler a Python step per character
    characters = "".join(char for char in cjk if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff")
    if not characters or len(characters) > 4:
        return set()
    from pypinyin import Style, pinyin  # its dictionaries take 0.15 s to load: only for CJK names

    readings = pinyin(characters, style=Style.NORMAL, heteronym=True)
    return {"".join(choice) for choice in itertools.product(*readings)}


def _latin_spellings(latin: str) -> set[str]:
    """A romanized name run together in every token order (`Wei Zhang` -> `weizhang`, `zhangwei`)."""
    if has_cjk(latin):
        return set()
    tokens = [re.sub(r"[^a-z]", "", token) for token in fold(latin).replace("-", " ").split()]
    tokens = [token for token in tokens if token]
    if not 2 <= len(tokens) <= 3:
        return set()
    return {"".join(order) for order in itertools.permutations(tokens)}


def romanization_matches(cjk: str, latin: str) -> bool:
    """Whether `latin` spells the pinyin of the CJK name `cjk`, in either name order, tones dropped
    (`张伟` / `Wei Zhang`, `Zhang Wei`)."""
    return bool(_pinyin_spellings(cjk) & _latin_spellings(latin))


def _spelling_score(first: str, second: str) -> tuple[str | None, str]:
    """Whether two full names differ by one token written alike: "close" (`Ingrid` / `Ingred`),
    "sound" (only sounds alike: `Carl` / `Karol`, which needs the other spelling in the text), or
    None; and how alike, for the log."""
    a, b = fold(first).split(), fold(second).split()
    if len(a) != len(b) or not 2 <= len(a) <= 3 or has_cjk(first) or has_cjk(second):
        return None, ""
    differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differing) != 1:
        return None, ""
    x, y = differing[0]
    if min(len(x), len(y)) < 3:
        return None, ""
    ratio = fuzz.ratio(x, y)
    phonetic = jellyfish.metaphone(x) == jellyfish.metaphone(y)
    score = f"{x}/{y}: similarity {ratio:.0f}" + (", same metaphone" if phonetic else "")
    if x[0] == y[0] and (phonetic and ratio >= 70 or ratio >= 85):
        return "close", score
    return ("sound" if phonetic else None), score


class _Group:
    """What the sightings of one tentative person say, pooled."""

    def __init__(self, sightings: list[PersonSighting]):
        self.sightings = sightings
        self.podcasts = {s.podcast for s in sightings}
        self.sources = {s.source for s in sightings}
        self.affiliations = {a for s in sightings for a in s.affiliations}
        self.context = {c for s in sightings for c in s.context}
        self.participant_shows = Counter(s.podcast for s in sightings if s.participant)

    def shows_named_in(self, other: _Group) -> set[str]:
        """Shows this person takes part in that the other's context names (`Staff writer, Newcomer`)."""
        named = set()
        for show in self.participant_shows:
            words = [word for word in fold(show).split() if len(word) >= 3]
            if words and all(word in other.context for word in words):
                named.add(show)
        return named


class _Groups(dict[object, _Group]):
    """Root -> the `_Group` of its sightings, each pooled when first asked for (most never are)."""

    def __init__(self, members: dict[object, list[PersonSighting]]):
        super().__init__()
        self._members = members

    def __missing__(self, root: object) -> _Group:
        group = self[root] = _Group(self._members[root])
        return group


def _agreement(a: _Group, b: _Group, co_mentions: set[str]) -> list[str]:
    """The evidence that two groups of sightings are one person, beyond the names."""
    evidence = []
    if shared := sorted(a.affiliations & b.affiliations):
        evidence.append("shared affiliation: " + ", ".join(shared))
    affiliation_words = {w for org in a.affiliations | b.affiliations for w in org.split()}
    if words := sorted((a.context & b.context) - affiliation_words if shared else a.context & b.context):
        evidence.append("both described with: " + ", ".join(words[:5]))
    if shows := sorted(a.shows_named_in(b) | b.shows_named_in(a)):
        evidence.append("described with the show they take part in: " + ", ".join(shows))
    if len(co_mentions) >= 2:
        evidence.append("mentioned with the same people: " + ", ".join(sorted(co_mentions)[:4]))
    return evidence


def _other_spelling_said(first: str, second: str, a: _Group, b: _Group) -> str | None:
    """What one document says about its spelling uses the other spelling (`Ingred Solberg ... Ingrid`)."""
    for x, y, group in ((first, second, b), (second, first, a)):
        missing = set(fold(x).split()) - set(fold(y).split())
        if missing and missing <= group.context:
            return f"{y} is described with the spelling {x}"
    return None


def _conflict(a: _Group, b: _Group) -> bool:
    """Both have stated affiliations and none is shared, nor said about the other."""
    if not a.affiliations or not b.affiliations or a.affiliations & b.affiliations:
        return False
    words = {w for org in a.affiliations for w in org.split()}, {w for org in b.affiliations for w in org.split()}
    return not (words[0] & b.context or words[1] & a.context)


def _regular(group: _Group, show: str) -> bool:
    """A host of the show, or a participant of two or more of its episodes."""
    taking_part = [s for s in group.sightings if s.participant and s.podcast == show]
    return len({s.source for s in taking_part}) >= 2 or any(s.host for s in taking_part)


def _namesakes(
    full_by_first: dict[tuple[str, str], list[PersonSighting]], firsts: list[str], show: str, token: str
) -> tuple[list[PersonSighting], str]:
    """The show's full names a lone word can stand for: by first name, else by surname
    (`Nakamura`), else by a first name spelled alike (`Ingred` for `Ingrid Solberg`); `firsts`
    are the first names of the show's full names."""
    if found := full_by_first.get((show, token)):
        return found, "first name"
    if found := full_by_first.get((show, "surname " + token)):
        return found, "surname"
    if len(token) < 4:
        return [], "first name spelled alike"
    alike = [
        first
        for first in firsts
        if first[0] == token[0]
        and fuzz.ratio(first, token) >= 80
        and jellyfish.metaphone(first) == jellyfish.metaphone(token)
    ]
    return [s for first in alike for s in full_by_first[(show, first)]], "first name spelled alike"


# -- resolution ------------------------------------------------------------------------------------
@dataclass
class _Resolution:
    sightings: list[PersonSighting]
    rules: AliasRules
    log: DecisionLog | None

    def __post_init__(self) -> None:
        # [[separate]] holds whichever key would join two names: (name, podcast, name as written)
        self.union: UnionFind = self.rules.union_find(
            lambda node: node[2] if isinstance(node, tuple) and node[0] == "name" else None, self.log, "person"
        )
        self.nodes = [self.node(sighting) for sighting in self.sightings]  # each sighting's, in order
        self.full = [_is_full(sighting.name) for sighting in self.sightings]
        self.links: list[tuple[object, str, str, str, tuple[str, ...]]] = []  # a node, forms, reason, evidence
        self.candidates: list[tuple[tuple[str, ...], str, tuple[str, ...]]] = []
        self.names_by_source: dict[str, set[str]] = defaultdict(set)

    def node(self, sighting: PersonSighting) -> tuple[str, str, str]:
        return ("name", sighting.podcast, sighting.name)

    def link(
        self, first: object, second: object, forms: tuple[str, str], reason: str, evidence: Iterable[str] = ()
    ) -> None:
        if self.union.find(first) != self.union.find(second):
            self.links.append((first, *forms, reason, tuple(evidence)))
        self.union.union(first, second)

    def exact(self) -> None:
        """Same name, reordered name, forms given together, the user's alias file."""
        seen_keys: dict[str, str] = {}
        for sighting, node, is_full in zip(self.sightings, self.nodes, self.full, strict=True):
            if is_full:
                key = _name_key(sighting.name)
                known = seen_keys.setdefault(key, sighting.name)
                reason = "same name in another order" if fold(known) != fold(sighting.name) else "same name"
                self.link(node, ("key", key), (known, sighting.name), reason)
                for alias in sighting.aliases:
                    if _is_full(alias):
                        seen_keys.setdefault(_name_key(alias), alias)
                        self.link(
                            node,
                            ("key", _name_key(alias)),
                            (sighting.name, alias),
                            "given together in one entry",
                            (sighting.source,),
                        )
            else:
                self.union.union(node, ("scoped", sighting.podcast, fold(sighting.name)))
            if (label := self.rules.merged_label(sighting.name)) is not None:
                self.link(node, ("user", fold(label)), (label, sighting.name), "alias file")

    def romanizations(self) -> None:
        """A CJK name and its romanization are one person when one document names both, or when
        the pinyin matches and context agrees across documents."""
        by_source: dict[str, list[PersonSighting]] = defaultdict(list)
        for sighting in self.sightings:
            by_source[sighting.source].append(sighting)
        for source in sorted(by_source):
            people = by_source[source]
            # the Latin names by their spellings run together, looked up by each CJK name's pinyin
            # (each CJK name against every Latin name cost 5,000 names 25 million comparisons)
            spelled: dict[str, list[int]] = defaultdict(list)
            for number, sighting in enumerate(people):
                if not _has_cjk(sighting.name):
                    for spelling in _latin_spellings(sighting.name):
                        spelled[spelling].append(number)
            for cjk in (s for s in people if _has_cjk(s.name)):
                found = {number for spelling in _pinyin_spellings(cjk.name) for number in spelled.get(spelling, ())}
                matches = [people[number] for number in sorted(found)]
                if len({_name_key(s.name) for s in matches}) == 1:
                    self.link(
                        self.node(cjk),
                        self.node(matches[0]),
                        (matches[0].name, cjk.name),
                        "romanization in the same document",
                        (source, "pinyin matches"),
                    )
        full_names = {s.name for s, is_full in zip(self.sightings, self.full, strict=True) if is_full}
        latin: dict[str, set[str]] = defaultdict(set)
        for full_name in full_names:
            for spelling in _latin_spellings(full_name):
                latin[spelling].add(full_name)
        romanizations = {
            written: sorted({name for spelling in _pinyin_spellings(written) for name in latin.get(spelling, ())})
            for written in sorted(name for name in full_names if _has_cjk(name))
        }
        if not any(romanizations.values()):
            return
        groups = self.groups(full_only=True)
        # Each name's root (its last sighting's) before any of these links.
        named = {written for written, romanized in romanizations.items() if romanized}
        named.update(name for romanized in romanizations.values() for name in romanized)
        roots = {s.name: node for s, node in zip(self.sightings, self.nodes, strict=True) if s.name in named}
        roots = {name: self.union.find(node) for name, node in roots.items()}
        for written, romanized in romanizations.items():
            for name in romanized:
                if self.union.find(roots[written]) == self.union.find(roots[name]):
                    continue
                a, b = groups[roots[written]], groups[roots[name]]
                evidence = _agreement(a, b, self.co_mentions(a, b))
                if a.podcasts & b.podcasts:
                    evidence.insert(0, "same show: " + ", ".join(sorted(a.podcasts & b.podcasts)))
                if evidence and len(romanized) == 1 and not _conflict(a, b):
                    self.link(
                        roots[written], roots[name], (name, written), "romanization", ["pinyin matches", *evidence]
                    )
                else:
                    self.candidates.append(
                        ((name, written), "romanization without agreeing context", ("pinyin matches", *evidence))
                    )

    def members(self, full_only: bool = False) -> dict[object, list[PersonSighting]]:
        """Root -> its sightings (only those of full names with `full_only`), as the union stands."""
        members: dict[object, list[PersonSighting]] = {}
        find = self.union.find
        for sighting, node, is_full in zip(self.sightings, self.nodes, self.full, strict=True):
            if is_full or not full_only:
                members.setdefault(find(node), []).append(sighting)
        return members

    def groups(self, full_only: bool = False) -> _Groups:
        return _Groups(self.members(full_only))

    def co_mentions(self, a: _Group, b: _Group) -> set[str]:
        """Other people both groups' documents name."""
        if not self.names_by_source:
            for sighting, is_full in zip(self.sightings, self.full, strict=True):
                if is_full:
                    self.names_by_source[sighting.source].add(_name_key(sighting.name))
        names_a = {key for source in a.sources for key in self.names_by_source[source]}
        names_b = {key for source in b.sources for key in self.names_by_source[source]}
        own = {_name_key(s.name) for s in (*a.sightings, *b.sightings)}
        return (names_a & names_b) - own

    def spelling_variants(self) -> None:
        """Full names written alike merge when context agrees; the rest are candidates."""
        members = self.members(full_only=True)
        groups = _Groups(members)
        forms: dict[str, object] = {}
        for root, sightings in members.items():
            for sighting in sightings:
                forms.setdefault(sighting.name, root)
        buckets: dict[str, set[str]] = defaultdict(set)
        for name in forms:
            if not _has_cjk(name):
                tokens = fold(name).split()
                buckets["last " + tokens[-1]].add(name)
                buckets["first " + tokens[0]].add(name)
        pairs = sorted(
            {tuple(sorted(pair)) for bucket in buckets.values() for pair in itertools.combinations(bucket, 2)}
        )
        for first, second in pairs:
            similar, score = _spelling_score(first, second)
            if similar is None or self.union.find(forms[first]) == self.union.find(forms[second]):
                continue
            if self.rules.kept_apart(first, second):
                continue
            a, b = groups[forms[first]], groups[forms[second]]
            evidence = _agreement(a, b, self.co_mentions(a, b))
            if a.podcasts & b.podcasts:
                evidence.insert(0, "same show: " + ", ".join(sorted(a.podcasts & b.podcasts)))
            spelled = _other_spelling_said(first, second, a, b)
            if spelled:
                evidence.append(spelled)
            elif similar == "sound":
                continue  # `Carl` / `Karol` alone is too weak to even suggest
            # A document that lists both spellings as two people meant two people.
            apart = bool(a.sources & b.sources)
            if evidence and not apart and not _conflict(a, b):
                self.link(forms[first], forms[second], (first, second), "spelling variant", [score, *evidence])
            else:
                self.candidates.append(
                    (
                        (first, second),
                        "spelling variant without agreeing context",
                        (score, *evidence, *(["affiliations differ"] if _conflict(a, b) else [])),
                    )
                )

    def given_name_variants(self) -> None:
        """`Doug Leone` / `Douglas Leone`, `Masa Son` / `Masayoshi Son`: full names whose first
        names are forms of one given name (see `kgraph.given_names`) merge when context agrees as
        for spelling variants (beyond a shared show when the short form may stand for another
        name: `Chris`), or when they are the only two people of that surname in the corpus and the
        short form stands for one name only; never when one document names both or they are
        described apart."""
        members = self.members(full_only=True)
        groups = _Groups(members)
        forms: dict[str, object] = {}
        by_rest: dict[str, set[str]] = defaultdict(set)
        surnames: dict[str, set[object]] = defaultdict(set)
        for root, sightings in members.items():
            for sighting in sightings:
                if sighting.name not in forms and not _has_cjk(sighting.name):
                    forms[sighting.name] = root
                    tokens = fold(sighting.name).split()
                    by_rest[" ".join(tokens[1:])].add(sighting.name)
                    surnames[tokens[-1]].add(root)
        for rest in sorted(by_rest):
            for first, second in itertools.combinations(sorted(by_rest[rest]), 2):
                found = given_name_forms(first.split()[0], second.split()[0])
                if found is None or self.union.find(forms[first]) == self.union.find(forms[second]):
                    continue
                if self.rules.kept_apart(first, second):
                    continue
                a, b = groups[forms[first]], groups[forms[second]]
                namesakes = len({self.union.find(root) for root in surnames[rest.split()[-1]]}) - 2
                evidence, against = self._given_name_evidence(a, b, found, namesakes, rest.split()[-1])
                said = f"{first.split()[0]}/{second.split()[0]}: {found.how} of one given name"
                reason = "short form of the first name" if found.how == "short form" else "first name written short"
                if evidence and not against:
                    self.link(forms[first], forms[second], (first, second), reason, [said, *evidence])
                else:
                    names = (first, second)
                    self.candidates.append((names, f"{reason}, without agreeing context", (said, *evidence, *against)))

    def _given_name_evidence(
        self, a: _Group, b: _Group, found: GivenNameForms, namesakes: int, surname: str
    ) -> tuple[list[str], list[str]]:
        """(what says two forms of one given name are one person, what says they are two)."""
        evidence = _agreement(a, b, self.co_mentions(a, b))
        if a.podcasts & b.podcasts and (found.certain or evidence):
            evidence.insert(0, "same show: " + ", ".join(sorted(a.podcasts & b.podcasts)))
        described_apart = bool(a.context and b.context and not a.context & b.context)
        if not evidence and found.certain and namesakes == 0 and not described_apart:
            evidence.append(f"the only two people named {surname.title()} in the corpus")
        against = ["named apart in one document"] if a.sources & b.sources else []
        against += ["affiliations differ"] if _conflict(a, b) else []
        return evidence, against

    def first_names(self) -> None:
        """Fold a show's first-name-only node into the one full name the show uses for it, when
        context agrees."""
        scoped: dict[tuple[str, str], list[PersonSighting]] = defaultdict(list)
        full_by_first: dict[tuple[str, str], list[PersonSighting]] = defaultdict(list)
        for sighting, is_full in zip(self.sightings, self.full, strict=True):
            if not is_full:
                scoped[(sighting.podcast, fold(sighting.name))].append(sighting)
            elif not _has_cjk(sighting.name):
                tokens = fold(sighting.name).split()
                full_by_first[(sighting.podcast, tokens[0])].append(sighting)
                full_by_first[("", tokens[0])].append(sighting)
                full_by_first[(sighting.podcast, "surname " + tokens[-1])].append(sighting)
        firsts: dict[str, set[str]] = defaultdict(set)
        for show, first in full_by_first:
            if show and not first.startswith("surname "):
                firsts[show].add(first)
        sorted_firsts = {show: sorted(names) for show, names in firsts.items()}
        full_groups = self.groups(full_only=True)
        for (show, token), bare in sorted(scoped.items()):
            namesakes, how = _namesakes(full_by_first, sorted_firsts.get(show, []), show, token)
            if not namesakes:
                self.elsewhere(bare, full_by_first[("", token)], full_groups)
                continue
            roots = sorted({self.union.find(self.node(s)) for s in namesakes}, key=repr)
            if len(roots) > 1 and any(s.participant for s in bare):
                # `Sean` taking part, where Sean Puri takes part in episode after episode and Sean
                # Parker is only mentioned: the show's own Sean.
                regulars = [root for root in roots if _regular(full_groups[root], show)]
                if len(regulars) == 1:
                    roots = regulars
                    namesakes = [s for s in namesakes if self.union.find(self.node(s)) == regulars[0]]
            names = tuple(sorted({s.name for s in namesakes}))
            bare_group = _Group(bare)
            if len(roots) > 1:
                self.candidates.append(((bare[0].name, *names), f"{how} shared by several people of the show", (show,)))
                continue
            if bare_group.sources & {s.source for s in namesakes}:
                continue  # a document names both apart (`Marek Dell`, `Marek (Orbex co-founder)`)
            full = full_groups[roots[0]]
            evidence = _agreement(bare_group, full, set())
            if _conflict(bare_group, full):
                self.candidates.append(
                    ((names[0], bare[0].name), f"{how}, same show, other affiliation", (show, "affiliations differ"))
                )
                continue
            recurring = sorted(
                name
                for name, count in Counter(
                    s.name for s in full.sightings if s.participant and s.podcast == show
                ).items()
                if count >= 2
            )
            if recurring:
                evidence.append(f"recurring participant of {show}: {recurring[0]}")
            if any(s.host and s.participant and s.podcast == show for s in full.sightings):
                evidence.append(f"a host of {show}")  # not `Sam Harris, host of another show`
            surname = fold(names[0]).split()[-1]
            if len(surname) >= 3 and surname in fold(show).split():
                evidence.append(f"the show is named after {names[0]}")
            if evidence:
                self.link(
                    self.node(bare[0]), roots[0], (names[0], bare[0].name), f"{how}, same show", [show, *evidence]
                )
            else:
                self.candidates.append(((names[0], bare[0].name), f"{how}, same show, no agreeing context", (show,)))

    def elsewhere(
        self, bare: list[PersonSighting], namesakes: list[PersonSighting], full_groups: dict[object, _Group]
    ) -> None:
        """A first name never folds into another show's namesake; one whose context agrees is a
        candidate, for the user to confirm in the alias file."""
        roots = sorted({self.union.find(self.node(s)) for s in namesakes}, key=repr)
        if len(roots) != 1:
            return
        full = full_groups[roots[0]]
        evidence = [e for e in _agreement(_Group(bare), full, set()) if not e.startswith("mentioned with")]
        if evidence and not _conflict(_Group(bare), full):
            name = min(s.name for s in full.sightings)
            self.candidates.append(((name, bare[0].name), "first name, another show", (bare[0].podcast, *evidence)))

    def identities(self) -> dict[tuple[str, str], PersonIdentity]:
        documents: Counter[str] = Counter()
        spoke: Counter[str] = Counter()
        members: dict[object, set[tuple[str, str]]] = defaultdict(set)
        aliases: dict[object, set[str]] = defaultdict(set)
        roots = [self.union.find(node) for node in self.nodes]
        for sighting, root in zip(self.sightings, roots, strict=True):
            documents[sighting.name] += 1
            spoke[sighting.name] += sighting.spoke
            members[root].add((sighting.podcast, sighting.name))
            aliases[root].update(sighting.aliases)
        names = {root: {name for _, name in group} for root, group in members.items()}
        tokens: dict[str, set[str]] = {}  # each name's folded tokens
        # a description that writes another spelling votes for it
        for sighting, root in zip(self.sightings, roots, strict=True):
            if not 2 <= len(names[root]) <= _MOST_SPELLINGS:
                continue  # (one spelling; or more than anyone is written with: a hostile text, not weighed)
            own = tokens.get(sighting.name) or tokens.setdefault(sighting.name, set(fold(sighting.name).split()))
            for form in names[root] - {sighting.name}:
                missing = (tokens.get(form) or tokens.setdefault(form, set(fold(form).split()))) - own
                if missing and missing.issubset(sighting.context):
                    documents[form] += 1
        result, labels = {}, {}
        for root, group in members.items():
            forms = {name for _, name in group}
            user = next(filter(None, map(self.rules.merged_label, sorted(forms))), None)
            # The most frequent spelling, full names before first names, Latin script before CJK.
            label = user or max(
                forms, key=lambda f: (_is_full(f) and not has_cjk(f), _is_full(f), documents[f], spoke[f], f)
            )
            alternatives = tuple(sorted((forms | aliases[root]) - {label}))
            scope = None if _is_full(label) else min(podcast for podcast, _ in group)
            identity = PersonIdentity(label=label, alt_labels=alternatives, scope=scope)
            labels[root] = label
            for key in group:
                result[key] = identity
        self.record(labels)
        return result

    def record(self, labels: dict[object, str]) -> None:
        if self.log is None:
            return
        written = {s.name for s in self.sightings}
        for node, first, second, reason, evidence in self.links:
            if fold(first) == fold(second) or first not in written and second not in written:
                continue
            if second not in written and reason == "given together in one entry":
                continue  # an alias nobody else uses joined nothing
            label = labels.get(self.union.find(node), first)
            names = [label, *sorted({first, second} - {label})]
            self.log.record("person", "merged", names, reason, evidence)
        for candidate, reason, evidence in self.candidates:
            self.log.record("person", "candidate", list(candidate), reason, evidence)


def resolve_people(
    sightings: list[PersonSighting], rules: AliasRules, log: DecisionLog | None = None
) -> dict[tuple[str, str], PersonIdentity]:
    """(podcast, name as written) -> the person's identity."""
    resolution = _Resolution(sightings, rules, log)
    resolution.exact()
    resolution.romanizations()
    resolution.spelling_variants()
    resolution.given_name_variants()
    resolution.first_names()
    return resolution.identities()
