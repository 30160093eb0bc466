"""Find known people and organizations named in a text: whole words, case-sensitive, with the
longest name winning (`Sam Altman` before `Sam`)."""

from __future__ import annotations

import re
from collections import deque
from itertools import compress, count
from operator import methodcaller

from kgraph.names import is_cjk_character

# (a hyphen before a word that says how a thing relates to the name ends the name: `Nvidia-powered`,
# `Microsoft-owned`, `Y Combinator-backed` name Nvidia, Microsoft, Y Combinator)
_RELATING = "backed|based|powered|led|owned|funded|made|built|designed|run|operated|developed|affiliated"
_TOKEN = re.compile(rf"[^\W_]+(?:[&.'’+][^\W_]+|-(?!(?:{_RELATING})\b)[^\W_]+)*|[\u3400-\u9fff]+")
# Names that are also everyday words in summaries: never matched on their own.
_TOO_GENERIC = frozenset(
    "AI Data Research News Labs Lab Capital Ventures Group Team The Figure Table Section Appendix "
    "Abstract Model Models Agent Agents Cloud Search Chat Video Health Energy Robotics Science".split()
)
MAX_TOKENS = 6


_ENDS_POSSESSIVE = methodcaller("endswith", ("'s", "’s"))
# `Section VI`, `Part X`, `Figure 3`: after a word that numbers, a numeral or a letter names no one
_NUMBERING = frozenset(
    "section sections part chapter table figure fig appendix phase stage step level tier class type article "
    "volume vol act book season".split()
)
_NUMERAL = re.compile(r"(?=.)X{0,3}(?:IX|IV|V?I{0,3})|[A-Z]|\d+")  # I to XXXIX, a letter, a number


def _numbered(tokens: list[str], position: int) -> bool:
    return position > 0 and tokens[position - 1].lower() in _NUMBERING


def name_tokens(text: str) -> list[str]:
    tokens = _TOKEN.findall(text)
    if "'s" not in text and "’s" not in text:
        return tokens  # no possessive: the common case, and a scan of every token saved
    # A token never ends in a bare apostrophe (see _TOKEN): a possessive is its last two characters.
    # Found in C, the few possessives then cut one by one.
    for position in list(compress(count(), map(_ENDS_POSSESSIVE, tokens))):
        tokens[position] = tokens[position][:-2]
    return tokens


# Each whitespace-separated piece's tokens, as the matcher last read them: texts repeat their
# words, and a token never holds whitespace. Emptied when full (a pure memo: no answer changes).
_PIECES_KEPT = 1 << 16
_piece_tokens: dict[str, tuple[str, ...]] = {}


def text_tokens(text: str) -> list[str]:
    """`name_tokens(text)`, read piece by piece, each piece's tokens remembered."""
    pieces = text.split()
    known = _piece_tokens
    tokens: list[str] = []
    try:  # every piece remembered: looked up and joined in C
        deque(map(tokens.extend, map(known.__getitem__, pieces)), 0)
        return tokens
    except KeyError:
        pass
    tokens = []
    for piece in pieces:
        found = known.get(piece)
        if found is None:
            if len(known) >= _PIECES_KEPT:
                known.clear()
            found = known[piece] = piece_tokens(piece)
        tokens += found
    return tokens


def piece_tokens(piece: str) -> tuple[str, ...]:
    """`name_tokens(piece)` of a piece without whitespace. `[^\\W_]` is what `str.isalnum` tests, so
    a piece of letters and digits is one token, and so is one followed by a character no token
    holds (`growth,`): three pieces in four, read without the regular expression."""
    if piece.isalnum():
        return (piece,)
    head = piece[:-1]
    if head.isalnum() and not is_cjk_character(piece[-1]):  # (nor a CJK symbol, a token of its own)
        return (head,)
    return tuple(name_tokens(piece))


def name_key(name: str) -> str | None:
    """How a name is looked up (tokens joined by spaces), or None if it is unsafe to match."""
    tokens = name_tokens(name)
    if not tokens or len(tokens) > MAX_TOKENS:
        return None
    key = " ".join(tokens)
    if len(tokens) == 1 and (key in _TOO_GENERIC or len(key) < 2 or (len(key) < 3 and not key.isupper())):
        return None
    return key


class NameMatcher:
    def __init__(self, names: dict[str, str]):
        """`names`: surface form -> IRI ("" for a name that stands for nobody known, matched so
        that none of the shorter names inside it is). Forms whose key is unsafe are dropped."""
        self._index: dict[str, str] = {}
        self._widths: dict[str, int] = {}  # first token of a name -> most tokens of a name it starts
        for form in sorted(names):
            key = name_key(form)
            if key is not None:
                self._index.setdefault(key, names[form])
                _note_width(self._widths, key)
        # A document's own names, read before the shared ones. Kept apart so that extending the
        # corpus-wide index for each document does not copy it (100,000 names, 10,000 documents).
        self._own_index: dict[str, str] = {}
        self._own_widths: dict[str, int] = {}

    @property
    def index(self) -> dict[str, str]:
        """Name key -> IRI of the shared names (what a cached episode's mentions were found with)."""
        return self._index

    def extended(self, extra: dict[str, str]) -> NameMatcher:
        """This matcher plus a document's own names, which win over the shared ones."""
        matcher = NameMatcher({})
        matcher._index, matcher._widths = self._index, self._widths
        matcher._own_index, matcher._own_widths = dict(self._own_index), dict(self._own_widths)
        for form in sorted(extra):
            key = name_key(form)
            if key is not None:
                matcher._own_index[key] = extra[form]
                _note_width(matcher._own_widths, key)
        return matcher

    def find(self, text: str) -> list[str]:
        tokens = text_tokens(text)
        widths, own_widths, index, own_index = self._widths, self._own_widths, self._index, self._own_index
        found: set[str] = set()
        free = 0  # tokens before this one belong to a name already found
        # Only names starting with a known first token can match: most tokens start none, and
        # most texts have none (the intersections run in C).
        firsts = widths.keys() & tokens | own_widths.keys() & tokens
        if not firsts:
            return []
        # the positions of those tokens, found in C
        for position in compress(count(), map(firsts.__contains__, tokens)):
            if position < free:
                continue
            widest = max(widths.get(tokens[position], 0), own_widths.get(tokens[position], 0))
            for width in range(min(widest, len(tokens) - position), 0, -1):
                key = " ".join(tokens[position : position + width])
                iri = own_index.get(key) or index.get(key)
                if iri is not None and width == 1 and _NUMERAL.fullmatch(key) and _numbered(tokens, position):
                    break  # `Section VI` is no company `VI`
                if iri and width == 1 and _inside_another_name(tokens, position, text):
                    break  # `the Turing test`: no company `Turing`
                if iri is not None:
                    if iri:  # "": a name of nobody known (`Intel Capital`), read so that no shorter name is
                        found.add(iri)
                    free = position + width
                    break
        return sorted(found)


# What a name is followed by where it names an idea after someone (`Turing test`, `Nash equilibrium`)
_EPONYM_WORDS = frozenset(
    "test tests award awards prize machine machines complete completeness lecture medal equation equilibrium "
    "law laws effect principle limit curve fellowship".split()
)


def _inside_another_name(tokens: list[str], position: int, text: str) -> bool:
    """A one-word name in an idea named after someone (`the Turing test`, `Nash equilibrium`;
    written together, not `Turing. Tests`)."""
    after = tokens[position + 1] if position + 1 < len(tokens) else ""
    return after.lower() in _EPONYM_WORDS and f"{tokens[position]} {after}" in text


def _note_width(widths: dict[str, int], key: str) -> None:
    tokens = key.split(" ")
    widths[tokens[0]] = max(widths.get(tokens[0], 0), len(tokens))
