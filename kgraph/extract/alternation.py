"""Long alternations of literal words (`says|said|say|...`) as regex source that matches exactly
what the plain alternation matches, with the words grouped by their first letters
(`sa(?:ys|id|y)|no(?:tes|ted)`).

Python's `re` tries the branches of an alternation one by one at every position of a search: a
list of 200 speech verbs costs 200 tests at each word of a lead-in. Grouped, it tests one branch
per distinct first letter, then only the words that start with the letters found. Two levels of
groups take most of the gain; a deeper tree costs more to compile (once per process) than it
saves on a corpus of a few hundred documents."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cached_property

# Letters beyond A-Z and a-z that re.IGNORECASE matches to one of them (`İ` and `ı` to i, `ſ` to s,
# the Kelvin sign to k): a text that has none spells a case-insensitive ASCII word in ASCII letters.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
# What would make a word a pattern, or change meaning in one (a space is a space; `|` separates words).
_SPECIAL = re.compile(r"[.^$*+?{}\[\]\\()#\s]")
_LEVELS = 2


def with_capitals(words: str) -> str:
    """`partner|CEO` -> `partner|Partner|CEO`: each word also capitalized, opening a sentence."""
    return "|".join(dict.fromkeys(form for word in words.split("|") for form in (word, word[:1].upper() + word[1:])))


def one_of(words: str, ignore_case: bool = False) -> str:
    """`words` (`a|b|c`, literal words as written in a plain alternation `(?:a|b|c)`) as a group
    that matches the same text and ends the same match wherever it is used: the words keep their
    order wherever one can match where another does (one is a prefix of the other), and only
    words that start with different letters change places. `ignore_case` for a pattern compiled
    with `re.I`, where `A` and `a` are one letter. Not for `re.X` patterns."""
    kept: list[str] = []
    seen: set[str] = set()
    for word in words.split("|"):
        if _SPECIAL.search(word.replace(" ", "")):
            raise ValueError(f"not a literal word: {word!r}")
        key = word.lower() if ignore_case else word
        if key not in seen:  # a later copy of a word never matches first
            seen.add(key)
            kept.append(word)
    return f"(?:{'|'.join(_branches(kept, ignore_case, _LEVELS))})"


def _branches(words: list[str], ignore_case: bool, levels: int) -> list[str]:
    """The branches of an alternation of `words` (in order, no two alike; "" is the empty word),
    grouped by first letter `levels` deep."""
    if not levels:
        return words
    parts: list[str] = []
    groups: dict[str, list[str]] = {}  # first letter -> the words it starts, in order

    def close_groups() -> None:
        for members in groups.values():
            rest = _branches([word[1:] for word in members], ignore_case, levels - 1)
            parts.append(members[0][0] + (f"(?:{'|'.join(rest)})" if len(rest) > 1 else rest[0]))
        groups.clear()

    for word in words:
        if not word:
            # The empty word (a word that is a prefix of longer ones) matches wherever they do:
            # it keeps its place between the words before it and those after it.
            close_groups()
            parts.append("")
        else:
            groups.setdefault(word[0].lower() if ignore_case else word[0], []).append(word)
    close_groups()
    return parts


def may_spell(text: str, words: tuple[str, ...]) -> bool:
    """Whether a case-insensitive pattern may find one of `words` (in lower-case ASCII letters) in
    `text`: each is looked up in `text.lower()`, at C speed (a pattern that must match one of them
    is then tried only where this says yes)."""
    lowered = text.lower()
    for word in words:
        if word in lowered:
            return True
    return not text.isascii() and _FOLDS_TO_ASCII.search(text) is not None  # (`ſponsor`, `ADVERTİSEMENT`)


class LiteralNames:
    """A case-sensitive pattern made around an alternation of literal names (`pattern`, given the
    alternation's source), in two forms: of every name, and of the names that open on a capital.
    A text that holds none of the others (`iPhone`, `a16z`) is searched with the second, which the
    engine tries at the text's capitals only, not at every `i` and `a` as well: a literal name that
    is no part of the text cannot match."""

    def __init__(self, names: Iterable[str], pattern: Callable[[str], re.Pattern[str]]):
        self._names = tuple(names)
        self._pattern = pattern
        self.lower_case = tuple(name for name in self._names if not name[:1].isupper())  # (`iPhone`, `π₀`)

    @cached_property
    def every(self) -> re.Pattern[str]:
        return self._pattern(one_of("|".join(self._names)))

    @cached_property
    def capitalized(self) -> re.Pattern[str]:
        return self._pattern(one_of("|".join(name for name in self._names if name[:1].isupper())))

    def for_text(self, text: str) -> re.Pattern[str]:
        """The form that finds in `text` what `every` does."""
        return self.every if any(name in text for name in self.lower_case) else self.capitalized
