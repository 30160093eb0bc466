"""Organizations the prose names with what kind they are, though no entry lists them: the kind
before the name (`Norwegian energy group Equinor`, `the grid-software company Ampersand Grid`) or
set after it (`Harlow Geothermal, a next-generation geothermal developer`). A kind of organization
beside a capitalized name is evidence enough; a capitalized name alone is not (`Series B`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kgraph.extract.alternation import one_of
from kgraph.extract.known_organizations import known_organizations
from kgraph.extract.organization_names import is_generic, organization_words
from kgraph.extract.products import known_product
from kgraph.extract.results import MOST_NAMED, EntityEntry, EntityKind, listed_names
from kgraph.given_names import is_known_given_name
from kgraph.names import DAYS_AND_MONTHS, fold, looks_like_person_name, occurrences
from kgraph.parse.document import LineKind, ParsedDocument
from kgraph.person_names import is_place, opens_a_sentence

_KINDS = (
    "company|startup|firm|group|fund|bank|insurer|retailer|chain|brokerage|lender|manufacturer|supplier|developer|"
    "operator|automaker|chipmaker|conglomerate|publisher|exchange|carrier|utility|consultancy|nonprofit"
)
# A kind word before a capital (`group Equinor`): the pattern opens on a space, which the search
# finds at C speed (three times faster than a `str.find` per kind word on the synthetic corpus)
_KIND_BEFORE_NAME = re.compile(rf" {one_of(_KINDS)} (?=[A-Z])")
_NAME = r"[A-Z][\w&'’.-]*[\w&](?:\s+(?:&\s+|(?:of|for|the)\s+)?[A-Z][\w&'’.-]*[\w&]){0,3}"
# After a kind word: the name (`company Ampersand Grid`), ending where capitals end.
_NAME_AFTER = re.compile(rf"(?P<name>{_NAME})(?![\w&'’-])")
# Before `, a ... developer`: the capitalized words right before the comma.
_NAME_BEFORE = re.compile(rf"(?<![\w&'’.-])(?P<name>{_NAME}),\s+(?:a|an)\s+$")
# `a next-generation geothermal developer`: a few words, then a kind (matched where `, a ` ends; a
# kind is the last of at most five words, so a word that is none ends the try early)
_APPOSED_KIND = re.compile(rf"(?:[\w-]+\s+){{0,4}}?{one_of(_KINDS)}\b")
_PROSE_KINDS = frozenset((LineKind.TEXT, LineKind.TABLE_ROW))
# A capitalized word after a kind word that opens a phrase, not a name (`company In 2020`).
_NOT_NAMES = frozenset("The A An In On At By For With From To This That Its Their His Her And But Or As".split())


_POSSESSIVE_END = re.compile(r"['’]s$")
# What opens a capitalized run and is no part of the name: a modifier (`Canada-based`, `GSR
# Ventures-backed`), a sentence's verb (`Acquired`, `Backs`), a post or a deal (`CEO of`, `IPO of`).
_OPENING = re.compile(
    r"^(?:.*?-(?:based|backed|owned|led|founded)\s+"
    r"|(?:Acquir(?:ed|ing|es)|Back(?:ed|ing|s)|Bought|Buy(?:ing|s)|Sold|Sell(?:ing|s)|Join(?:ed|s)|Lead(?:ing|s)|Led|"
    r"Hir(?:ed|ing)|Invest(?:ed|ing|s)|Sa(?:ys|id)|Agreed|Launched|Partnered|Rais(?:ed|ing))\s+"
    r"|(?:[A-Z]{2,5}s?|[A-Z][a-z]+)\s+of\s+(?=[A-Z]))"
)
# `I've`; a deal's or a fund's acronym (`IPOs`, `IRR`); `Astral...agreed`
_NOT_A_NAME = re.compile(r"['’][a-z]{1,2}\b(?<!['’]s)|^(?:IPO|IRR|ARR|ETF|SPAC|LP|GP|VC|PE|AUM|CEO|M&A)s?$|\.\.\.")


def _cleaned(name: str) -> str:
    """The name of a capitalized run: `DeepMind's` -> `DeepMind`, `Acquired Fauna Robotics` -> `Fauna
    Robotics`, `CEO of Periodic` -> `Periodic`, `Canada-based Boralex` -> `Boralex`."""
    name = _POSSESSIVE_END.sub("", name.rstrip(".'’")).removeprefix("The ")
    while opening := _OPENING.match(name):
        name = name[opening.end() :]
    return name


def organizations_of_a_kind(
    document: ParsedDocument, entries: list[EntityEntry], people: set[str]
) -> list[EntityEntry]:
    """Organizations the prose names beside their kind that no entry lists (`entries`: the
    document's; `people`: the folded names of its people): the episode mentions each, at the line it
    is first named on, as a name written in passing (no label vote, no context)."""
    prose = document.prose(_PROSE_KINDS)
    text = prose.text
    listed: set[str] | None = None  # (worked out at the first name: most documents have none)
    found: dict[str, int] = {}

    def take(name: str, at: int) -> None:
        nonlocal listed
        name = _cleaned(name)
        if not name or _NOT_A_NAME.search(name) or (at and text[max(0, at - 2) : at].rstrip()[-1:].isdigit()):
            return  # `I've`, `IPOs`; `250 Digital`: a name the number opens
        if listed is None:
            listed = listed_names(entries)
        key = fold(name)
        first = name.split()[0]
        if not key or key in listed or key in people or name in found or first in _NOT_NAMES:
            return
        if is_place(name) or is_generic(name) or any(fold(word) in people for word in name.split()):
            return  # `company Oslo`, `firm Ruiz` (a person's surname)
        if len(found) < MOST_NAMED:
            found[name] = prose.line_at(at).number

    for kind in _KIND_BEFORE_NAME.finditer(text):  # `energy group Equinor`
        if named := _NAME_AFTER.match(text, kind.end()):
            take(named.group("name"), kind.end())
    for article in (", a ", ", an "):  # `Harlow Geothermal, a next-generation geothermal developer`
        for at in occurrences(text, article):
            end = at + len(article)
            if _APPOSED_KIND.match(text, end) and (named := _NAME_BEFORE.search(text, max(0, at - 80), end)):
                take(named.group("name"), named.start())
    return [
        EntityEntry(kind=EntityKind.ORGANIZATION, name=name, own_entry=False, in_prose=True, line=number, rank=0)
        for name, number in found.items()
    ]


# A list of capitalized names in the prose (`Accel, Atomico, NFX, LocalGlobe, Point Nine, and more`):
# where two of its names and a quarter at least are organizations the document or the shipped list
# knows, the rest are organizations too (a list holds one kind of thing).
_ITEM = r"[A-Z][\w&'’.+-]*[\w&+](?:\s+(?:&\s+)?[A-Z][\w&'’.+-]*[\w&+]){0,3}"
# The text between two stops, its comma-separated parts (no part empty) as one match: those with a
# comma are a list's candidates (`_comma_runs`). Each is read once, from its first character: a
# pattern for the runs alone was tried again from each character of a sentence with no comma (a
# quadratic search), or, opening on a look-behind, tried at every character (pinned to that first
# form in the tests).
_PARTS_BETWEEN_STOPS = re.compile(r"[^,.;:!?()\[\]\"“”\n\0]++(?:,[^,.;:!?()\[\]\"“”\n\0]++)*")
_WHOLE_ITEM = re.compile(_ITEM)
_ENDING_ITEM = re.compile(rf"(?:^|(?<=\s))(?P<item>{_ITEM})$")  # the first name: the end of the text before


def _ending_item(part: str) -> re.Match[str] | None:
    """`_ENDING_ITEM` in `part`, searched only where its last word opens on a capital (a name's last
    word is that of the part: most parts, a clause's end, are passed over without a search)."""
    words = part.rsplit(None, 1)
    return _ENDING_ITEM.search(part) if words and "A" <= words[-1][:1] <= "Z" else None


_SHARED_SURNAME = re.compile(r"\s+and\s+[A-Z]")
# the list's last part: `and Northzone`, `or Meta`, `and more`, `Northzone`, or the last two joined with no
# comma before (`NFX and LocalGlobe invest`, `Exxon Mobil or Meta`)
_LAST_ITEM = re.compile(
    rf"^(?:(?:and|or)\s+(?:(?P<more>more|others)\b|(?P<item>{_ITEM})(?![\w'’&-]))|(?P<alone>{_ITEM})$"
    rf"|(?P<pair>{_ITEM})\s+(?:and|or)\s+(?P<item2>{_ITEM})(?![\w'’&-]))"
)


def _lists_in(run: str) -> Iterator[tuple[list[str], bool]]:
    """The comma lists of names in `run` (`Accel, NFX, LocalGlobe, and more use ...`), each with
    whether a capitalized word stands right before its first name (a longer name's end, perhaps)."""
    names: list[str] = []
    tail = False
    for part in (part.strip() for part in run.split(",")):
        if names and (last := _LAST_ITEM.match(part)):  # `and Northzone`, `and more`, `Northzone`
            if last.group("alone"):
                names.append(last.group("alone"))
                continue
            pair, second = last.group("pair", "item2")
            # (not `Patrick and John Collison`: a first name, then a full name, may share its surname)
            if pair and not _first_name_beside_full_name(pair, second) and not _SHARED_SURNAME.match(part, last.end()):
                names.extend((pair, second))
            if last.group("item") and not _SHARED_SURNAME.match(part, last.end()):
                names.append(last.group("item"))  # (not `and Patrick and John Collison`: people)
            if len(names) >= _LEAST_NAMES:
                yield names, tail
            names = []
            continue
        if len(names) >= _LEAST_NAMES:
            yield names, tail
        first = _ending_item(part)  # a new list may open at the end of this part
        names = [first.group("item")] if first else []
        before = part[: first.start()].split() if first else []
        tail = bool(before) and before[-1][:1].isupper()
    if len(names) >= _LEAST_NAMES:
        yield names, tail


_LEAST_NAMES = 3


def _first_name_beside_full_name(first: str, second: str) -> bool:
    return " " not in first and " " in second and is_known_given_name(first)


_MODIFIER = re.compile(r"^[\w.&]+-[a-z]+\s+(?=[A-Z])")  # `SoftBank-rival `, `Canada-based `
_LEAST_KNOWN = 2  # names of the list known as organizations, and a quarter of them at least
_SHARE_KNOWN = 4


# After a comma, what a list's next part opens on (see `_LAST_ITEM`): a run with none is no list.
_LIST_GOES_ON = re.compile(r",\s*(?:[A-Z]|(?:and|or)\s)")


def _lists(text: str) -> Iterator[tuple[list[str], bool, int]]:
    """`_lists_in` each comma run of `text`, with where the run starts."""
    for run in _comma_runs(text):
        if _LIST_GOES_ON.search(run.group()):
            for names, tail in _lists_in(run.group()):
                yield names, tail, run.start()


def _comma_runs(text: str) -> Iterator[re.Match[str]]:
    """Each run of `text` with commas and no other stop: a list's candidate."""
    return (parts for parts in _PARTS_BETWEEN_STOPS.finditer(text) if "," in parts.group())


def organizations_listed_with(
    document: ParsedDocument, entries: list[EntityEntry], people: set[str], everyday: frozenset[str]
) -> list[EntityEntry]:
    """The names of a prose list most of whose names are known organizations that no entry lists
    (`entries`: the document's, with the organizations found in its prose; `people`: the folded
    names of its people; `everyday`: the words it writes in lower case)."""
    prose = document.prose(_PROSE_KINDS)
    text = prose.text
    lists = list(_lists(text)) if ", " in text else []  # (most documents have none: no sets made for them)
    if not lists:
        return []
    organizations = {
        fold(form)
        for entry in entries
        if entry.kind == EntityKind.ORGANIZATION
        for form in (entry.name, *entry.aliases)
    }
    others = {
        fold(form)
        for entry in entries
        if entry.kind != EntityKind.ORGANIZATION
        for form in (entry.name, *entry.aliases)
    }
    known = known_organizations().name_set
    kinds = organization_words().kind_suffixes
    found: dict[str, int] = {}
    for names, tail, at in lists:
        first = names[0].split()
        if len(first) > 1 and fold(first[0]) in everyday:  # `Where PitchBook, CB Insights, ...`: a sentence's word
            names[0] = " ".join(first[1:])
        names = [_MODIFIER.sub("", name) for name in names]  # `SoftBank-rival Tiger Global`
        keys = [fold(name) for name in names]
        if any(key in people or key in others or known_product(name) for name, key in zip(names, keys, strict=True)):
            continue  # a list of people or products, or with one in it (`Swiffer, Febreze, Microsoft Azure`)
        count = sum(key in organizations or name in known for name, key in zip(names, keys, strict=True))
        if count < _LEAST_KNOWN or _SHARE_KNOWN * count < len(names):
            continue
        for position, (name, key) in enumerate(zip(names, keys, strict=True)):
            if key in organizations or name in known or name in found or len(found) == MOST_NAMED:
                continue
            if position == 0 and tail:
                continue  # `Bain Capital Life Sciences, ...`: the end of a longer name
            tokens = name.split()
            if len(tokens) == 1 and key in everyday or _NOT_A_NAME.search(name) or name in _NOT_NAMES:
                continue  # a word the document writes in lower case, an acronym of a deal
            if is_place(name) or is_generic(name):
                continue
            if len(tokens) > 1 and looks_like_person_name(name) and fold(tokens[-1]) not in kinds:
                continue  # a person's name, perhaps (`Baillie Gifford` is lost with them)
            found[name] = prose.line_at(at).number
    return [
        EntityEntry(kind=EntityKind.ORGANIZATION, name=name, own_entry=False, in_prose=True, line=number, rank=0)
        for name, number in found.items()
    ]


# A name that ends in a word only organizations end in (`Intel Capital`, `Verona Pharma`, `Janus
# Henderson Group`, `Trian Fund Management`): the kind is written in the name itself.
_KIND_ENDINGS = (
    "Capital|Ventures|Partners|Holdings|Investments|Advisors|Therapeutics|Pharma|Pharmaceuticals|Biosciences|"
    "Technologies|Labs|Group|Fund|Inc|Corp|Corporation|LLC|Ltd|PLC|GmbH|Management"
)
# The ending, opening on the space before it (found at C speed), closing a name: `Bain Capital`,
# not `Bain Capital Life Sciences` (read at its own end).
_KIND_ENDING = re.compile(rf" {one_of(_KIND_ENDINGS)}\.?(?![\w&'’-]|\s+(?:&\s+)?[A-Z])")
_NAME_WORDS_BEFORE = re.compile(r"(?<![\w&'’.-])(?:[A-Z][\w&'’.-]*[\w&]\s+){1,4}$")
# Words that make a kind, not a name, of the ending (`Limited Partners`, `Human Capital`)
_KIND_PHRASE_WORDS = frozenset(
    "limited general managing founding senior junior operating venture human working growth seed risk private "
    "public equity asset investment wealth hedge sovereign family focus study peer parent portfolio holding".split()
)
_KIND_KEYS = frozenset(word.lower() for word in _KIND_ENDINGS.split("|")) | {"venture", "asset", "investment"}
_NOT_IN_NAMES = frozenset("your our my we you us i me".split())
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:;\n\0|*]\s*|\s[-–—]\s+)$")
# `Apple VP of Fitness Technologies`: a department, not an organization of its own
_POST_OF = re.compile(r"\b(?:VP|SVP|EVP|Vice President|Head|Director|Chief|President|Dean)\s+(?:of|for)\s+$", re.I)
_AN_ENDING = re.compile(rf"(?:{_KIND_ENDINGS})\.?")
_NUMBERED = re.compile(r"\s+\d")  # (matched in the two characters after an ending)


def organizations_named_with_their_kind(
    document: ParsedDocument, entries: list[EntityEntry], people: set[str], everyday: frozenset[str]
) -> list[EntityEntry]:
    """Organizations the prose names with a name that ends in its kind (`led by DN Capital with Intel
    Capital`) that no entry lists (`entries`: the document's, with the organizations found in its
    prose; `people`: the folded names of its people and their surnames; `everyday`: the words it
    writes in lower case)."""
    prose = document.prose(_PROSE_KINDS)
    text = prose.text
    listed: set[str] | None = None  # (worked out at the first name: most documents have none)
    tails: set[str] = set()
    found: dict[str, int] = {}
    for ending in _KIND_ENDING.finditer(text):
        if len(found) == MOST_NAMED:
            break  # more than a summary ever names: a hostile text, not read on
        if _NUMBERED.match(text, ending.end(), ending.end() + 2):
            continue  # (`Affinity Fund 1`: one of a fund's vehicles)
        before = _NAME_WORDS_BEFORE.search(text, max(0, ending.start() - 80), ending.start() + 1)
        if before is None:
            continue
        words = before.group().split()
        owned = [at for at, word in enumerate(words) if _POSSESSIVE_END.search(word)]
        start = before.start()
        if owned:  # `Ron Shaich's Act3 Holdings`: the words after the owner's
            start += before.group().index(words[owned[-1]]) + len(words[owned[-1]])
            words = words[owned[-1] + 1 :]
        elif _SENTENCE_OPENS.search(text, max(0, start - 4), start):
            while words and (fold(words[0]) in everyday or words[0] in _NOT_NAMES or opens_a_sentence(words[0])):
                del words[0]  # `Meanwhile Sequoia Capital`: a sentence's first word, no part of the name
        name = _cleaned(" ".join([*words, ending.group().strip()]))
        key = fold(name)
        if listed is None:
            listed = listed_names(entries)
            # the last words of each listed name (`edge capital` of `lead edge capital`), looked up, not
            # compared with each name: a document of thousands of entries and endings stays linear
            tails = {
                " ".join(parts[-count:]) for parts in map(str.split, listed) for count in range(1, min(len(parts), 6))
            }
        # (each test below only drops the name: the one most names fail, listed already, comes first)
        if not key or key in listed or fold(" ".join(words)) in listed or key in people or name in found:
            continue  # (`Sequoia Capital` where the document lists `Sequoia`: that one)
        if any(fold(word) in _NOT_IN_NAMES for word in words):
            continue  # `Choose Your Early Partners for Data Value`: a title's words
        if not words or all(fold(word) in _KIND_PHRASE_WORDS or fold(word) in everyday for word in words):
            continue  # `Limited Partners`, `Human Capital`: a kind, not a name
        if any(_AN_ENDING.fullmatch(word) for word in words[:-1]):
            continue  # `Mohari Ventures Natural Capital`: two names, a comma left out
        if _POST_OF.search(text, max(0, start - 30), start):
            continue
        rest = key.split(" ", 1)[1] if key.count(" ") >= 2 else key
        if all(word in _KIND_KEYS for word in rest.split()):
            rest = key  # (`SFW Capital Partners` is no misheard `Kendall Capital Partners`: only kinds are shared)
        if key in tails or rest in tails or rest in listed:
            continue  # `Edge Capital` read in a listed `Lead Edge Capital`; `Atlas Alamos National Labs` misheard
        if _NOT_A_NAME.search(name) or is_generic(name) or is_place(" ".join(words)):
            continue
        if any(fold(word) in people for word in words):
            continue  # `Kennedy and Liu Labs`: a person's lab, perhaps theirs
        found[name] = prose.line_at(before.start()).number
    return [
        EntityEntry(kind=EntityKind.ORGANIZATION, name=name, own_entry=False, in_prose=True, line=number, rank=0)
        for name, number in found.items()
    ]


# A round's backers, named after what cues them (`raised $225M from Maverick Silicon, SoftBank,
# Synopsys, Cadence, and Alchip`, `a Series B led by General Catalyst and Liberty City Ventures`) in
# a sentence about money: organizations, unless they are named as people (angels).
# (found from the literal word that ends each, at C speed: `by`, `from`, `including`; the words before
# it are read back from there)
_CUE_ENDS = (" by ", " from ", " including ", " included ", " includes ", " include ")

_FUNDING_WORDS = re.compile(
    r"\b(?:rais(?:ed|es|ing|e)|round|funding|financing|seed|Series\s+[A-H]|investment|investors?|backed|"
    r"valuation)\b|\$\d",
    re.I,
)
# before a bare `from`, money is not enough (`revenue from Blackwell and Rubin`) nor a raise (`raised
# criticism from Republicans`): both are
_RAISED = re.compile(
    r"\b(?:rais(?:ed|es|ing|e)|secur(?:ed|es|ing)|round|funding|financing|seed|Series\s+[A-H]|investment)\b", re.I
)
_MONEY = re.compile(
    r"[$€£]\s?\d|\d\s*(?:million|billion|[mMbB]n?)\b|\b(?:round|seed|Series\s+[A-H]|funding|financing)\b", re.I
)
# a word that is no investor's name: a title's abbreviation (`Dr.`, `St.`), a role (`Mistral AI CEO
# Arthur`), a group of people (`Gen Z`, `Fortune 500`, `Friends and Family`)
_NOT_BACKER_WORDS = frozenset(
    "Dr Prof Mr Ms Mrs Mx St No Sen Rep Gov Gen Lt Col Capt Sgt Hon Rev Fr Sr Jr U.S U.K E.U US UK EU "
    "CEO CFO CTO COO CPO CMO Former Founder Co-founder Cofounder Chairman Chairwoman Chair President Partner "
    "Professor Fortune Nobel Friends Family Angel Angels Republicans Democrats".split()
)
_BEFORE_THE_CUE = 90  # how far back in its sentence the money is written
_INVESTOR_GAP = re.compile(r",\s+(?:and\s+)?|\s+(?:and|&)\s+")
_MOST_INVESTORS = 12
_INVESTING_KINDS = _KIND_ENDINGS + "|Fund|Investors|Investment|Equity|Growth|Bank|Group|Holdings"
_ENDS_A_KIND = re.compile(rf"\s(?:{_INVESTING_KINDS})$")
_KIND_WORDS = frozenset(_KIND_ENDINGS.split("|"))
_INVESTING_ARM = re.compile(r"\s+(?:VC|CVC|PE)$")
# a time after `from` (`raise prices by 12% from June`), a round's name
_NOT_BACKERS = DAYS_AND_MONTHS | frozenset("Spring Summer Autumn Fall Winter Today Now Series".split())


def organizations_investing(
    document: ParsedDocument, entries: list[EntityEntry], people: set[str], everyday: frozenset[str]
) -> list[EntityEntry]:
    """The investors of a round the prose names (see `_funding_cues`) that no entry lists: each
    name of one word, or of a kind (`Liberty City Ventures`), or not written like a person's; never
    from a list that names one of the document's people (`angels including Elad Gil, Nikesh
    Arora`), nor a place, a product or a word it writes in lower case."""
    prose = document.prose(_PROSE_KINDS)
    text = prose.text
    known = known_organizations().name_set
    listed: set[str] | None = None  # (these two worked out at the first list: most documents have none)
    first_names: set[str] = set()
    found: dict[str, int] = {}
    for start, end, bare_from in _funding_cues(text):
        before = text[max(0, start - _BEFORE_THE_CUE) : start]
        # its sentence; after a named cue, a semicolon's clauses joined (`$170M Series A at $1.1B
        # valuation; co-led by X`), not before a bare `from` (`$170M Series C; independence from GPS`)
        sentence = re.split(r"[.!?;\n\0](?:\s|$)" if bare_from else r"[.!?\n\0](?:\s|$)", before)[-1]
        if bare_from:
            if not (_RAISED.search(sentence) and _MONEY.search(sentence)):
                continue
        elif not _FUNDING_WORDS.search(sentence):
            continue
        names = _investors(text, end)
        keys = [fold(name) for name in names]
        if listed is None:
            listed = listed_names(entries)
            first_names = {key.split()[0] for key in people if " " in key}
        if not names or any(
            key in people or key in first_names or known_product(name) for name, key in zip(names, keys, strict=True)
        ):
            continue  # a list naming a person (angels, `Elon`) or a product is no list of firms
        for name, key in zip(names, keys, strict=True):
            if key in listed or name in known or name in found or len(found) == MOST_NAMED:
                continue
            if not _clearly_organization(name, key, known, listed):
                continue  # `Sam Altman`, `General Catalyst`: a person's name, perhaps (an angel)
            if (" " not in name and key in everyday) or _NOT_A_NAME.search(name):
                continue
            if name in _NOT_NAMES or is_place(name) or is_generic(name) or known_product(name):
                continue
            found[name] = prose.line_at(start).number
    return [
        EntityEntry(kind=EntityKind.ORGANIZATION, name=name, own_entry=False, in_prose=True, line=number, rank=0)
        for name, number in found.items()
    ]


def _funding_cues(text: str) -> list[tuple[int, int, bool]]:
    """(where the cue starts, where the names start, whether it is a bare `from`) of each `led by`,
    `co-led by`, `backed by`, `participation from`, `backing from`, `investors including` and
    `from` before a capital, in text order."""
    cues = []
    for end_word in _CUE_ENDS:
        for at in occurrences(text, end_word):
            after = at + len(end_word)
            if not text[after : after + 1].isupper():
                continue
            words_before = text[max(0, at - 30) : at].rsplit(" ", 2)
            last = words_before[-1]
            if end_word == " from ":
                # `(with) participation from`, `backing from`: the cue opens a word before; a bare `from` on itself
                cued = last.lower().endswith(("participation", "backing"))
                cues.append((at - len(" ".join(words_before[-2:])) if cued else at + 1, after, not cued))
            elif end_word == " by " and last.lower() in ("led", "co-led", "backed"):
                cues.append((at - len(last), after, False))
            elif end_word != " by " and last.lower() in ("investors", "investor"):
                cues.append((at - len(last), after, False))
    return sorted(cues)


def _investors(text: str, start: int) -> list[str]:
    """The names listed from `start` (`A, B and C`; `X's` is X; `Singapore's GIC` is GIC)."""
    names: list[str] = []
    at = start
    while len(names) < _MOST_INVESTORS and (investor := _WHOLE_ITEM.match(text, at)):
        item = investor.group()
        if any(character.isdigit() for character in item) or item.split()[0] in _NOT_BACKERS:
            break  # `Q1`, `Series B investors`, `from June`: no investor's name
        if _NOT_BACKER_WORDS.intersection(item.split()) or text.startswith(".", investor.end()) and len(item) <= 4:
            break  # `Dr. Fei-Fei Li`, `St. Louis-based`, `Mistral AI CEO Arthur Mensch`, `Gen Z`
        if text.startswith("/", investor.end()):
            break  # `Oak HC/FT`: the name goes on past what a name's words are read as
        item = _INVESTING_ARM.sub("", item)  # `led by Alphabet VC arm`: Alphabet's
        owner = _POSSESSIVE_END.sub("", item)  # `General Catalyst's non-dilutive program`: the list ends
        place, _, own = owner.rpartition("'s ") if "'s " in owner else owner.rpartition("’s ")
        if place:  # `Singapore's GIC` is GIC; `Sequoia's Roelof Botha`, no firm's name
            if not is_place(place):
                break
            owner = own
        if not _two_names_run_together(owner):  # (`Mohr Ventures Tessaly Capital`: which two is not said)
            names.append(owner)
        gap = _INVESTOR_GAP.match(text, investor.end())
        if gap is None or owner != item:
            break
        at = gap.end()
    return names


def _two_names_run_together(item: str) -> bool:
    """`Mohari Ventures Natural Capital`: a kind's word inside, and another at the end (two names whose
    comma was lost, or one long name: not told); `Bain Capital Life Sciences` is one name."""
    words = item.split()
    return words[-1] in _KIND_WORDS and any(word in _KIND_WORDS for word in words[1:-2])


def _clearly_organization(name: str, key: str, known: frozenset[str], listed: set[str]) -> bool:
    """One word (`SoftBank`, `Alchip`: a person is not named so among investors), a name of a kind
    (`Deep Track Capital`), one the document or the shipped list knows, or one no person's name is
    written like (`Y Combinator`)."""
    return (
        " " not in name
        or bool(_ENDS_A_KIND.search(name))
        or name in known
        or key in listed
        or not looks_like_person_name(name)
    )
