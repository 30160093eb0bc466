"""How many organizations an entry's heading names, and which: `Orbex/Tidewell` and `Halden and
Corvo` are two, `Salt & Pepper Labs` and `Meta/Facebook` are one, `VC` and `the startup` none."""

from __future__ import annotations

import re

from kgraph.data import organization_words
from kgraph.names import fold

_LABEL_PREFIX = re.compile(
    r"^(?:company|companies|organi[sz]ation|org|firm|startup|lab|fund|investor|employer|brand|name)\s*:\s*", re.I
)
# `Halden, formerly Corvo`, `Halden aka Corvo`, `Halden (now Corvo)` is read from the qualifier.
_INLINE_RENAME = re.compile(
    r"^(?P<name>.+?),?\s+(?:formerly|previously|aka|a\.k\.a\.|now|also known as|f/k/a|fka)\s+(?P<alias>\S.*)$"
)
_LIST = re.compile(r",\s+(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
_SLASH = re.compile(r"\s*/\s*")
# A name's first word starts with a capital or digit, or holds one (`xAI`, `a16z`, `memQ`).
_ORGANIZATION_LIKE = re.compile(r"^(?:[A-Z0-9]|[a-z]+[A-Z0-9])[\w.&'’+-]*(?:\s+\S+){0,4}$")


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


def _stands_alone(part: str, text: str, whole: str) -> bool:
    """Whether the text names `part` by itself, outside the heading's `whole`."""
    rest = text.replace(whole, " ")
    joined = r"(?<![\w&])(?<!&\s)(?<!\band\s)" + re.escape(part) + r"(?!\w)(?!\s+(?:&|and)\s)"
    return re.search(joined, rest) is not None


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


def _conjoined(name: str, text: str) -> list[str]:
    """`Halden and Corvo`, `Halden & Corvo`, `Acme, Birch, Cobalt` -> each; `Salt & Pepper Labs`,
    `Bain & Company`, `Johnson & Johnson` and the joined names in the data (`Barnes & Noble`) ->
    whole. A shared kind word (`Labs`) keeps the name whole unless the text names each part by
    itself."""
    parts = [part.strip() for part in _LIST.split(name) if part.strip()]
    if len(parts) < 2 or not all(_ORGANIZATION_LIKE.match(part) for part in parts):
        return [name]
    words = organization_words()
    if len({fold(part) for part in parts}) < len(parts) or fold(name) in words.joined_names:
        return [name]  # `Johnson & Johnson`, `Barnes & Noble`
    if any(fold(part) in words.kind_suffixes for part in parts):
        return [name]  # `Bain & Company`, `Smith & Co`
    if text and all(_stands_alone(part, text, name) for part in parts):
        return parts
    if _shares_a_suffix(parts):
        return [name]
    return parts


def organization_names(bare: str, text: str = "") -> tuple[list[str], list[str]]:
    """(organizations, aliases of the first) that a heading's name (its qualifiers removed) gives.
    `text` is the document's text, the evidence for splitting `A & B`."""
    bare = strip_label_prefix(bare)
    renamed = _INLINE_RENAME.match(bare)
    if renamed:
        return [renamed.group("name").strip()], [renamed.group("alias").strip()]
    slashed = [part for part in _SLASH.split(bare) if part]
    if len(slashed) > 1 and all(_ORGANIZATION_LIKE.match(part) and not part.isdigit() for part in slashed):
        first, *others = slashed
        same = [other for other in others if organization_words().same_group(first, other)]
        if same and len(same) == len(others):
            return [first], same  # `Meta/Facebook`: one company under both names
        return [name for part in slashed for name in _conjoined(part, text)], []
    return _conjoined(bare, text), []
