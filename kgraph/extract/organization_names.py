"""How many organizations an entry's heading names, and which: `Orbex/Tidewell` and `Halden and
Corvo` are two, `Salt & Pepper Labs` and `Meta/Facebook` are one, `VC` and `the startup` none."""

from __future__ import annotations

import re

from kgraph.data import organization_words
from kgraph.names import fold, occurrences, word_boundary, word_character, word_character_at

_LABEL_PREFIX = re.compile(
    r"^(?:company|companies|organi[sz]ation|org|firm|startup|lab|fund|investor|employer|brand|name)\s*:\s*", re.I
)
# `Halden, formerly Corvo`, `Halden aka Corvo`, `Halden (now Corvo)` is read from the qualifier.
_INLINE_RENAME = re.compile(
    r"^(?P<name>.+?),?\s+(?:formerly|previously|aka|a\.k\.a\.|now|also known as|f/k/a|fka)"
    r"(?:\s+(?:known as|called|named))?\s+(?P<alias>\S.*)$"
)
# `(now part of Megacorp)`, `(formerly of Stripe)`, `(now owned by X)`: a relation to another
# organization after the rename word, never another name for this one.
_RELATION = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:of|at|with|from|by|under|in|into|for|inside|within|part\s+of|(?:a\s+)?"
    r"(?:unit|division|subsidiary|arm|affiliate|brand|spinout|spin-?off|portfolio\s+company|member)\s+of|"
    r"(?:owned|acquired|backed|funded|bought|run|operated|absorbed)\s+by|spun\s+(?:out|off)|merged|folded|"
    r"absorbed|rolled|defunct|closed|shut)\b",
    re.I,
)
_LIST = re.compile(r",\s+(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
_SLASH = re.compile(r"\s*/\s*")
# A name's first word starts with a capital or digit, or holds one (`xAI`, `a16z`, `memQ`).
_CONJUNCTION_NEXT = re.compile(r"\s+(?:&|and)\s")
_ORGANIZATION_LIKE = re.compile(r"^(?:[A-Z0-9]|[a-z]+[A-Z0-9])[\w.&'’+-]*(?:\s+\S+){0,4}$")


def is_relation(text: str) -> bool:
    """`part of Megacorp`, `of Stripe`, `acquired by X`: a relation, not a name."""
    return _RELATION.match(text.strip()) is not None


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z-]*(?![\w'’-])")
_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]")


def is_category(name: str) -> bool:
    """`Shap-E ecosystem`, `generative simulation startups`: a lower-case word for a kind of
    organization or a group of them makes a heading's side a category, not a name."""
    words = organization_words().category
    return any(word in words for word in _LOWER_WORD.findall(name))


def _flat(text: str) -> str:
    return _NOT_ALPHANUMERIC.sub("", text.lower())


def abbreviation(alias: str, name: str) -> str | None:
    """How `alias` abbreviates `name`, if it does: `a16z` is the numeronym of Andreessen Horowitz
    (first letter, the count of the letters between, last letter), `CETC` the initials of China
    Electronics Technology Corporation, `FedEx` a contraction of Federal Express (a beginning of
    each word)."""
    flat, words = _flat(name), [_flat(word) for word in re.split(r"[\s.-]+", name) if _flat(word)]
    numeronym = re.fullmatch(r"([a-z])(\d{1,2})([a-z])", alias.strip().lower())
    if numeronym and len(flat) > 3:
        first, count, last = numeronym.groups()
        if flat[0] == first and flat[-1] == last and len(flat) - 2 == int(count):
            return "numeronym"
    letters = _flat(alias)
    if len(words) < 2 or len(letters) < 2 or " " in alias.strip() or letters == flat:
        return None
    if letters == "".join(word[0] for word in words):
        return "initials"
    return "contraction" if len(letters) >= 4 and _prefixes(letters, words) else None


def _prefixes(letters: str, words: list[str]) -> bool:
    """Whether `letters` is a non-empty beginning of each word, in order (`fedex`: fed + ex)."""
    if not words:
        return not letters
    head, rest = words[0], words[1:]
    return any(
        letters[:size] == head[:size] and _prefixes(letters[size:], rest)
        for size in range(min(len(head), len(letters)), 0, -1)
    )


_MOST_OPENING_WORDS = 8


def openings(names: dict[str, str]) -> dict[str, set[str]]:
    """The first words of each name (`names`: folded form -> name), each with the names it opens:
    `petrel` -> {`Petrel Labs`}. A short name written for a listed one is the one it opens alone."""
    opened: dict[str, set[str]] = {}
    for form, name in names.items():
        words = form.split()
        # (the first few words: a name's opening is its first word or two, and a name of thousands
        # of words would make a joined copy of each of its beginnings)
        for count in range(1, min(len(words), _MOST_OPENING_WORDS + 1)):
            opened.setdefault(" ".join(words[:count]), set()).add(name)
    return opened


def opened_name(name: str, opened: dict[str, set[str]]) -> str:
    """The one listed name `name` opens (`openings`), or `name` as written where none or several do."""
    names = opened.get(fold(name), set())
    return next(iter(names)) if len(names) == 1 else name


def strip_label_prefix(name: str) -> str:
    """`Company: Acme` -> `Acme`."""
    return _LABEL_PREFIX.sub("", name).strip()


def is_generic(name: str) -> bool:
    """A name made only of words for a kind of organization: `VC`, `AI lab`, `the startup`,
    `VC Firms`, `Big Tech`; but `SaaS Capital` or `Partners Group`, capitalized like a name, is one."""
    words, generic = fold(name).split(), organization_words().generic
    if fold(name) in generic:
        return True  # a word or a phrase listed whole: `vc`, `big tech`
    if not words or not all(word in generic for word in words):
        return False
    written = name.split()
    return len(words) == 1 or any(w[:1].islower() for w in written) or written[-1].lower().endswith("s")


def acronym_fits(acronym: str, name: str) -> bool:
    """`CETC` for China Electronics Technology Group Corporation, `PI` for Physical Intelligence,
    `NVDA` for Nvidia; not `LNG` for Chenier Energy nor `G1` for Unitree (a product)."""
    letters = [c for c in acronym.lower() if c.isalpha()]
    words = [w for w in re.split(r"[\s.-]+", name) if w]
    if not letters:
        return False
    # Several words: the acronym takes their initials; one word: its letters (`NVDA`).
    pool = "".join(w[0].lower() for w in words if w[0].isalnum()) if len(words) > 1 else name.lower()
    if not pool or letters[0] != pool[0]:
        return False
    position = 0
    for letter in letters:
        position = pool.find(letter, position) + 1
        if position == 0:
            return False
    return True


_SMALL_WORDS = frozenset("of for and & the de du la le des del di da von van".split())
# `Carnegie Mellon University (CMU)`, `Electric Reliability Council of Texas (ERCOT)` in running text:
# capitalized words (small ones between), then an acronym in parentheses
# (found from the parenthesis, at C speed, then the name read back from it: most texts have few; the
# white space before it is read back too: a pattern opening on white space was tried at every space)
_ACRONYM_IN_PARENTHESES = re.compile(r"\((?<=\s\()(?P<acronym>[A-Z][A-Z0-9&]{1,7})\)")
_NAME_REACH = 160  # characters before the parenthesis a name of eight words fits in
_NAME_WORD = re.compile(r"[A-Z][\w&.'’-]*")


def acronyms_spelled_out(text: str) -> dict[str, str]:
    """Folded name -> acronym for each `Name (ACRONYM)` whose acronym is the initials of the name's
    last words (each capitalized word's, a small word's or not): `At Carnegie Mellon University
    (CMU)` gives Carnegie Mellon University; `Nvidia (NVDA)` and `Tesla (TSLA)` give none."""
    found: dict[str, str] = {}
    for parenthesis in _ACRONYM_IN_PARENTHESES.finditer(text):
        space = parenthesis.start() - 1  # (the white space before the parenthesis)
        words = _name_before(text[max(0, space - _NAME_REACH) : space])
        acronym = parenthesis.group("acronym").lower()
        for start in range(len(words) - 1):
            if words[start].lower() not in _SMALL_WORDS and _initials(words[start:], acronym):
                found.setdefault(fold(" ".join(words[start:])), parenthesis.group("acronym"))
                break
    return found


def _name_before(window: str) -> list[str]:
    """The capitalized words ending `window` (eight at most), with up to two small words between
    two of them (`Council of Texas`)."""
    words: list[str] = []
    small: list[str] = []
    for word in reversed(window.split()[-24:]):
        if word.lower() in _SMALL_WORDS and words and len(small) < 2:
            small.insert(0, word)
            continue
        if not _NAME_WORD.fullmatch(word) or len(words) == 8:
            break
        words[:0] = [word, *small]
        small = []
    return words


def _initials(words: list[str], letters: str) -> bool:
    """Whether `letters` are the initials of `words`, in order: each capitalized word's, and a small
    word's where it stands (`Council of Texas` is COT or CT). The letters that can stand after each
    word, as a set (no search of every choice: a run of small words stays linear)."""
    reached = {0}  # how many letters the words so far can have used
    for word in words:
        initial = word[0].lower()
        used = {count + 1 for count in reached if count < len(letters) and letters[count] == initial}
        reached = used | reached if word.lower() in _SMALL_WORDS else used
        if not reached:
            return False
    return len(letters) in reached


def _stands_alone(part: str, text: str, whole: str) -> bool:
    """Whether the text names `part` by itself, outside the heading's `whole`."""
    rest = text.replace(whole, " ")
    return any(_alone(rest, start, start + len(part)) for start in occurrences(rest, part))


def _alone(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` has no word, `&` or `and` joined to it: what
    `(?<![\\w&])(?<!&\\s)(?<!\\band\\s)PART(?!\\w)(?!\\s+(?:&|and)\\s)` asks."""
    before = text[max(0, start - 4) : start]
    if before and (word_character(before[-1]) or before[-1] == "&"):
        return False
    if before[-2:-1] == "&" and before[-1:].isspace():
        return False
    if before[-4:-1] == "and" and before[-1].isspace() and word_boundary(text, start - 4):
        return False
    return not word_character_at(text, end) and _CONJUNCTION_NEXT.match(text, end) is None


def _shares_a_suffix(parts: list[str]) -> bool:
    """`Salt & Pepper Labs`, `Hims & Hers Health`: the last part ends in a word for the kind of
    organization while an earlier one is a bare word, so the kind word belongs to all of them."""
    suffixes = organization_words().kind_suffixes
    last = fold(parts[-1]).split()
    return (
        len(last) > 1
        and last[-1] in suffixes
        and any(len(part.split()) == 1 and fold(part) not in suffixes for part in parts[:-1])
    )


def _known(part: str) -> bool:
    """A name the data knows as an organization by itself (a name of a `same` group)."""
    return fold(part) in organization_words().known


def _conjoined(name: str, text: str, listed: bool = False) -> list[str]:
    """`Acme, Birch, Cobalt` -> each (a list is never one organization; members that are no
    names drop). `Halden and Corvo`, `Halden & Corvo` -> each only on evidence that each part is
    an organization of its own: the text names it by itself, the data knows it, or the heading
    lists it beside others (`listed`, a slash). Else the whole name (`Rye & Oak`), as for
    `Salt & Pepper Labs`, `Bain & Company`, `Johnson & Johnson` and the joined names in the data."""
    parts = [part.strip() for part in _LIST.split(name) if part.strip()]
    if len(parts) < 2:
        return [] if is_category(name) else [name]
    words = organization_words()
    joined = fold(name.replace(" and ", " & "))  # (`Simon and Schuster` is Simon & Schuster)
    if len({fold(part) for part in parts}) < len(parts) or joined in words.joined_names:
        return [name]  # `Johnson & Johnson`, `Barnes & Noble`
    if any(fold(part) in words.kind_suffixes for part in parts):
        return [name]  # `Bain & Company`, `Smith & Co`
    if "," in name or any(is_category(part) for part in parts):
        return [part for part in parts if _is_name(part)]  # `Halden, Corvo and other startups`
    if not all(_ORGANIZATION_LIKE.match(part) for part in parts):
        return [name]
    if all(_known(part) or (text and _stands_alone(part, text, name)) for part in parts):
        return parts
    if _shares_a_suffix(parts):
        return [name]
    if listed and "&" in name and any(" " not in part and not _known(part) for part in parts[1:]):
        return [name]  # `Ironbark Holdings / Whitacre Tool & Die`: an ampersand's lone word, never alone, ends the name
    return parts if listed else [name]


def _is_name(part: str) -> bool:
    return _ORGANIZATION_LIKE.match(part) is not None and not is_generic(part) and not is_category(part)


def split_affiliation(name: str, text: str = "") -> list[str]:
    """A person's organization as written (`Halden and Corvo`, `Orbex / Tidewell`): the
    organizations it names, read like a Companies heading."""
    return organization_names(name, text)[0]


# `(portfolio companies)`, `BI dashboard companies mentioned as...`: the entry describes several.
_SEVERAL = re.compile(
    r"^(?:(?!(?:builds?|makes?|sells?|offers?|provides?|runs?|of|for|with|by)\b)[\w+'’-]+\s+){0,3}"
    r"(?:companies|platforms|startups|firms|labs|tools|apps|products|players|competitors|rivals|"
    r"environments|services|providers|makers|examples|brands|funds|investors|banks|businesses|databases|exchanges|"
    r"marketplaces|retailers|chains|vendors|suppliers|manufacturers|automakers|chipmakers|foundries|developers|"
    r"carriers|insurers|lenders|publishers|outlets|studios|agencies|networks|hyperscalers|incumbents|challengers|"
    r"unicorns|institutions|universities|hospitals|clouds|neoclouds)\b"
)


def describes_several(about: str) -> bool:
    """Whether a qualifier or description opens with a plural kind: `Vibe Coding Platforms`."""
    return _SEVERAL.match(about.strip().lower()) is not None


def organization_names(bare: str, text: str = "", about: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """(organizations, aliases of the first) that a heading's name (its qualifiers removed) gives.
    `text` is the document's text, the evidence for splitting `A & B`, and `about` the entry's
    qualifiers and description (`(portfolio companies)` says a heading lists several)."""
    several = any(describes_several(line) for line in about)
    bare = strip_label_prefix(bare)
    renamed = _INLINE_RENAME.match(bare)
    if renamed:
        alias = renamed.group("alias").strip()  # `Bolt Labs, now part of Megacorp`: no alias
        return [renamed.group("name").strip()], [] if is_relation(alias) else [alias]
    slashed = [part for part in _SLASH.split(bare) if part]
    if len(slashed) > 1:
        # `Genesis / generative simulation startups`: a category beside a name is no organization.
        slashed = [part for part in slashed if not is_category(part)]
    if len(slashed) > 1 and all(_ORGANIZATION_LIKE.match(part) and not part.isdigit() for part in slashed):
        first, *others = slashed
        same = [other for other in others if organization_words().same_group(first, other)]
        if same and len(same) == len(others):
            return [first], same  # `Meta/Facebook`: one company under both names
        return [name for part in slashed for name in _conjoined(part, text, listed=True)], []
    if len(slashed) == 1:
        bare = slashed[0]
    return (_conjoined(bare, text, listed=several) if slashed else []), []
