"""The people one document names, and how a name string in it resolves to one of them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from rapidfuzz import fuzz

from kgraph.extract.results import MOST_NAMED, PersonName
from kgraph.given_names import is_known_given_name
from kgraph.names import (
    contains_word,
    fold,
    has_cjk,
    is_cjk_character,
    looks_like_person_name,
    looks_like_publication,
    plausible_new_person,
    romanizes,
    strip_honorific,
    vocabulary,
    word_boundary,
)
from kgraph.parse.document import LineKind, ParsedDocument

_NAME_TOKEN = r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'’]+(?:-[A-Z][a-z]+)?"
# `\b` + this is a full name; the `\b` before it is checked apart (see `full_names_in`), because a
# pattern that starts with a character class is searched for several times faster.
_FULL_NAME = re.compile(rf"{_NAME_TOKEN}(?: [A-Z]\.)?(?: (?:van |de |von |del |da )?{_NAME_TOKEN}){{1,2}}\b")


_REAL_NAME_LEAD = re.compile(r"^(?:aka|a\.k\.a\.|also known as|real name:?|born|n[ée]e)\s+", re.I)


def real_name_in_parentheses(name: str, qualifier: str, known_people: Iterable[str] = ()) -> str | None:
    """`Bubba (Robert Smith)`, `Bubba (aka Robert Smith)`: the full name a one-word name
    stands for, when the parentheses hold a person's name: one whose first name is a known given
    name, one of `known_people` (the document's People entries), or one the short name shortens
    (`Massa (Masayoshi Son)`, `Zuck (Mark Zuckerberg)`). `Sam (Open Philanthropy)` names an
    organization, not a person."""
    real = _REAL_NAME_LEAD.sub("", qualifier.strip())
    tokens = real.split()
    if " " in name.strip() or has_cjk(name) or not 2 <= len(tokens) <= 3:
        return None
    if not looks_like_person_name(real) or looks_like_publication(real):
        return None
    known = fold(real) in {fold(person) for person in known_people}
    stem = fold(name)[:3]
    shortens = len(stem) == 3 and any(fold(t).startswith(stem) and fold(t) != fold(name) for t in tokens)
    return real if known or shortens or is_known_given_name(tokens[0]) else None


# Bound once: on Python 3.11 each `LineKind.X` goes through the enum metaclass's `__getattr__`
# hook, and these are read for every line of a document.
_HEADING, _TABLE_ROW, _TEXT = LineKind.HEADING, LineKind.TABLE_ROW, LineKind.TEXT


def document_text_lines(document: ParsedDocument) -> Iterable[str]:
    for section in document.sections:
        for line in section.lines:
            kind = line.kind
            if kind in (_TEXT, _HEADING):
                yield line.text
            elif kind == _TABLE_ROW:
                yield from line.cells


# `Lin Shuyi (林舒怡)`, `周航（Zhou Hang）`: one person's name in two scripts, side by side in the prose
_LATIN_NAME = r"[A-Z][A-Za-z\u00c0-\u024f'’-]+(?:\s+[A-Z][A-Za-z\u00c0-\u024f'’-]+){1,2}"
_CJK_NAME = r"[\u3400-\u9fff]{2,4}"
_SPELLED_TWICE = re.compile(  # (a name opens a word: not from each capital of `AAAA...`, a quadratic search)
    rf"(?<![A-Za-z\u00c0-\u024f'’-])(?P<latin>{_LATIN_NAME})\s*[(（](?P<cjk>{_CJK_NAME})[)）]"
    rf"|(?<![\u3400-\u9fff])(?P<cjk2>{_CJK_NAME})\s*[(（](?P<latin2>{_LATIN_NAME})[)）]"
)


def spelled_in_two_scripts(text: str) -> list[tuple[str, str]]:
    """(Latin-letter name, CJK name) of each name the text writes in both scripts, the Latin one
    with the words before the name it may hold (`Host Zhou Hang (周航)`); the caller tells names
    of its people from anything else (`Li Auto (理想汽车)`)."""
    if not has_cjk(text):
        return []
    pairs: dict[tuple[str, str], None] = {}
    for found in _SPELLED_TWICE.finditer(text):
        latin, cjk = (found["latin"], found["cjk"]) if found["latin"] else (found["latin2"], found["cjk2"])
        pairs[latin, cjk] = None
        if len(pairs) == MOST_NAMED:
            break  # more than a summary ever names: a hostile text, not read on
    return list(pairs)


def _latin_forms(latin: str) -> tuple[str, ...]:
    """`Host Zhou Hang` -> itself and `Zhou Hang`: a name the words before it may open."""
    words = latin.split()
    return (latin, " ".join(words[-2:])) if len(words) > 2 else (latin,)


def one_per_spelling(participants: list[PersonName], spelled_twice: list[tuple[str, str]]) -> list[PersonName]:
    """`Zhou Hang, 周航` listed where the prose writes `Zhou Hang (周航)`: one participant, also
    called 周航."""
    if not spelled_twice:
        return participants
    by_fold = {fold(person.name): person.name for person in participants}
    same: dict[str, str] = {}  # the CJK name -> the Latin one, both listed
    for latin, cjk in spelled_twice:
        named = next((by_fold[fold(form)] for form in _latin_forms(latin) if fold(form) in by_fold), None)
        if named is not None and fold(cjk) in by_fold and by_fold[fold(cjk)] != named and romanizes(named, cjk):
            same.setdefault(by_fold[fold(cjk)], named)
    if not same:
        return participants
    kept = []
    for person in participants:
        if person.name in same:
            continue
        also = tuple(cjk for cjk, latin in same.items() if latin == person.name)
        kept.append(person.model_copy(update={"aliases": (*person.aliases, *also)}) if also else person)
    return kept


def people_spelled_twice(
    index: PeopleIndex, spelled_twice: list[tuple[str, str]], organizations: set[str]
) -> list[tuple[str, str]]:
    """(person, CJK name) for each of the document's people the prose also writes in CJK characters
    (`Lin Shuyi (林舒怡)`), where that name is nobody else's, no organization's (`Luo Xiaolan (潮汐能源)`:
    her company) and has as many characters as the romanisation has syllables (`Zhou Lan (主持人)`: a host)."""
    found = []
    for latin, cjk in spelled_twice:
        if fold(cjk) in organizations:
            continue
        for form in _latin_forms(latin):
            # (the whole name, as written: `Lin (林舒怡)` or a near spelling is no evidence)
            person = index.resolve(form) if index.written(form) else None
            if (
                person is not None
                and fold(form) == fold(person)
                and romanizes(form, cjk)
                and index.resolve(cjk) in (None, person)
            ):
                found.append((person, cjk))
                break
    return found


def full_names_in(text: str) -> list[str]:
    """Capitalized two- or three-token runs of one line, name-shaped or not (callers check)."""
    names = []
    match = _FULL_NAME.search(text)
    while match is not None:
        if word_boundary(text, match.start()):  # what `finditer` of `\b` + the pattern finds
            names.append(match.group())
            match = _FULL_NAME.search(text, match.end())
        else:
            match = _FULL_NAME.search(text, match.start() + 1)
    return names


def full_names_in_text(document: ParsedDocument) -> Counter[str]:
    """Capitalized two- or three-token names in the body, with how often each occurs; a run with
    a word the document also writes in lower case (`Nora Has Rebuilt`) is a phrase, not a name."""
    text = "\n".join(document_text_lines(document))
    everyday = vocabulary(text)
    # (the summary's own opening too: `Forgeyard partners Kasia Drozdowska, Oren Feldmann-Ruiz and
    # Dev Rathore recorded this episode`, above the first section, names a list's first names in full)
    opening = "\n".join(_opening_paragraphs(document))
    counts = Counter(full_names_in(f"{text}\n{opening}"))  # a name never spans lines: the same as line by line
    return Counter({name: count for name, count in counts.items() if plausible_new_person(name, everyday)})


class PeopleIndex:
    """Resolves `Bill`, `Peebles`, `Peebles Bill`, `Bil Peebles` to `Bill Peebles` when exactly
    one person of the document fits; anything ambiguous resolves to nothing."""

    def __init__(self, people: Iterable[PersonName]):
        self.people: list[PersonName] = []
        self._exact: dict[str, str] = {}
        self._tokens: list[tuple[str, list[str]]] = []  # (name, folded tokens)
        # the names of two tokens or more by their first and by their last folded token, and
        # each with its folded tokens joined (asked for every lone name attribution resolves)
        self._by_first: dict[str, list[str]] = {}
        self._by_last: dict[str, list[str]] = {}
        self._full_keys: list[tuple[str, str]] = []
        # a hyphenated surname as written alone (`Asante-Ruiz` of Kwame Asante-Ruiz), folded
        self._by_compound_last: dict[str, list[str]] = {}
        # a three-character Chinese name's given name (`予安` of 宋予安), as the text calls a person
        self._by_cjk_given: dict[str, list[str]] = {}
        # Attribution asks about the same few names hundreds of times per document; an answer
        # holds until a person is added.
        self._resolved: dict[str, str | None] = {}
        for person in people:
            self.add(person)

    def add(self, person: PersonName) -> None:
        self._resolved.clear()
        known = self._exact.get(fold(person.name))
        if known is not None:
            existing = next(p for p in self.people if p.name == known)
            merged = sorted(set(existing.aliases) | set(person.aliases) - {known})
            # a participant's People entry says where they work: its affiliations add up
            affiliations = tuple(dict.fromkeys((*existing.affiliations, *person.affiliations)))
            update = {"aliases": tuple(merged), "affiliations": affiliations}
            self.people[self.people.index(existing)] = existing.model_copy(update=update)
            for form in person.aliases:  # (a participant's People entry: `林舒怡 Lin Shuyi` names her too)
                if fold(form) not in self._exact:
                    self._exact[fold(form)] = known
                    self._add_cjk_given(form, known)
            return
        self.people.append(person)
        tokens = fold(person.name).split()
        self._tokens.append((person.name, tokens))
        if len(tokens) > 1:  # (names are unique here: a name already known merges above)
            self._by_first.setdefault(tokens[0], []).append(person.name)
            self._by_last.setdefault(tokens[-1], []).append(person.name)
            self._full_keys.append((person.name, " ".join(tokens)))
            written = person.name.split()
            if len(written) > 1 and "-" in written[-1]:
                self._by_compound_last.setdefault(fold(written[-1]), []).append(person.name)
        for form in (person.name, *person.aliases):
            self._exact.setdefault(fold(form), person.name)
            self._add_cjk_given(form, person.name)

    def _add_cjk_given(self, form: str, name: str) -> None:
        cjk_name = form.strip()
        if len(cjk_name) == 3 and all(is_cjk_character(char) for char in cjk_name):
            given = self._by_cjk_given.setdefault(cjk_name[1:], [])
            if name not in given:
                given.append(name)

    def written(self, text: str) -> bool:
        """Whether `text` is a name or alias of someone, as written (not a part of one: `予安` of 宋予安)."""
        return fold(strip_honorific(text.strip())) in self._exact

    def names(self) -> list[str]:
        return [person.name for person in self.people]

    def resolve(self, text: str) -> str | None:
        if text in self._resolved:
            return self._resolved[text]
        resolved = self._resolved[text] = self._resolve(text)
        return resolved

    def _resolve(self, text: str) -> str | None:
        name = strip_honorific(text.strip())
        key = fold(name)
        if not key:
            return None
        if key in self._exact:
            return self._exact[key]
        tokens = key.split()
        if has_cjk(name):  # `予安的判断是`: a given name one person of the document has
            given = self._by_cjk_given.get(name.strip(), ())
            return given[0] if len(given) == 1 else None  # (a two-character full name matched exactly above)
        if len(tokens) == 1:
            return self._single_token(tokens[0])
        reversed_key = " ".join(reversed(tokens))
        if reversed_key in self._exact:
            return self._exact[reversed_key]
        compound = self._by_compound_last.get(key)  # `Asante-Ruiz argues`
        if compound:
            return compound[0] if len(compound) == 1 else None
        if " " not in name:  # `Mei-Lin argues`: a first name of two parts, written as one word
            named = {
                full for full, words in self._tokens if len(words) > len(tokens) and words[: len(tokens)] == tokens
            }
            if named:
                return named.pop() if len(named) == 1 else None
        return self._fuzzy_full(key)

    def _single_token(self, token: str) -> str | None:
        firsts = self._by_first.get(token, ())
        if len(firsts) == 1:
            return firsts[0]
        if firsts:
            return None
        lasts = self._by_last.get(token, ())
        if len(lasts) == 1:
            return lasts[0]
        if lasts or len(token) < 5:
            return None
        close = {name for name, tokens in self._tokens if fuzz.ratio(tokens[0], token) >= 80}
        return close.pop() if len(close) == 1 else None

    def ambiguous(self, text: str) -> bool:
        """Whether a lone first name or surname fits several people of the document (`Nora` with
        Nora Whitcombe and Nora Lindqvist): a quote given to it stays unattributed."""
        key = fold(strip_honorific(text.strip()))
        if not key or " " in key or key in self._exact:
            return False
        return len(self._by_first.get(key, ())) > 1 or len(self._by_last.get(key, ())) > 1

    def _fuzzy_full(self, key: str) -> str | None:
        close = {name for name, joined in self._full_keys if fuzz.ratio(joined, key) >= 88}
        return close.pop() if len(close) == 1 else None


def _opening_paragraphs(document: ParsedDocument) -> Iterable[str]:
    """The text lines above the first section (the summary's own opening), each a paragraph."""
    return (line.text for line in document.preamble if line.kind == _TEXT)


def text_passages(document: ParsedDocument) -> list[str]:
    """The document cut where a new thing is said: a heading with what follows it up to the next
    heading (a `### Name` entry and its fields), a list item with its continuation lines, a
    paragraph, a table row."""
    passages: list[str] = list(_opening_paragraphs(document))
    opened_by: LineKind | str | None = None  # what started the current passage
    previous_block = -1
    for section in document.sections:
        opened_by = None
        for line in section.lines:
            if line.kind == _HEADING:
                passages.append(line.text)
                opened_by = _HEADING
            elif line.kind == _TABLE_ROW:
                passages.append(" | ".join(line.cells))
                opened_by = _TABLE_ROW
            elif line.kind == _TEXT:
                continues = opened_by == _HEADING or (
                    not line.bullet and (line.list_depth > 0 and opened_by == "bullet" or line.block == previous_block)
                )
                if continues and passages:
                    passages[-1] += "\n" + line.text
                else:
                    passages.append(line.text)
                    opened_by = "bullet" if line.bullet else _TEXT
            previous_block = line.block
    return passages


def said_with(name: str, organizations: Iterable[str], passages: list[str]) -> bool:
    """Whether one passage of the text names `name` with one of `organizations`."""
    wanted = [fold(org) for org in organizations if fold(org)]
    key = fold(name)
    return any(
        key in (text := fold(passage)) and any(contains_word(text, org) for org in wanted) for passage in passages
    )


def expand_first_name(
    name: str,
    candidates: Counter[str],
    preferred: Iterable[str],
    affiliations: Iterable[str] = (),
    passages: list[str] | None = None,
    cues: Iterable[str] = (),
) -> str:
    """A bare first name becomes the one full name of this document it can be: a participant or
    People entry (`preferred`), else a name the text uses (`candidates`). A person listed with an
    organization (`Nora (from Halden Ventures)`) becomes only someone the text names with it: a
    namesake (`Nora Whitcombe`, the essayist) keeps them apart, and the name stays as written.
    Among several namesakes, `cues` (distinctive words listed with the name: `Peter (creator of
    WidgetOS)`) pick the one whose passages say them (`Peter Stone — creator of WidgetOS`)."""
    if " " in name or has_cjk(name):
        return name
    matches = sorted({full for full in preferred if full.split()[0] == name and " " in full})
    if not matches:  # (`Rafe Castellano's fund` names Rafe Castellano too)
        named = {re.sub(r"['’]s$", "", full) for full in candidates if full.split()[0] == name}
        matches = sorted(full for full in named if looks_like_person_name(full))
    organizations = list(affiliations)
    if organizations:
        matches = [full for full in matches if said_with(full, organizations, passages or [])]
    if len(matches) > 1 and (words := list(cues)):
        matches = [full for full in matches if said_with(full, words, passages or [])]
    return matches[0] if len(matches) == 1 else name
