"""Well-known organizations a document's text names with no entry of their own (`a deal with
Stripe`, `Google's TPUs`, `formerly at McKinsey`): the episode mentions each, at the line it is first
named on. The names are the shipped data's (`kgraph/data/organizations.toml`, `[in_prose]`); a name
no list holds is left to the documents that list it, or that say what kind it is
(`kgraph.extract.prose_organizations`)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kgraph.extract.alternation import LiteralNames
from kgraph.extract.products import product_words
from kgraph.extract.results import MOST_NAMED, EntityEntry, EntityKind, listed_names
from kgraph.names import contains_word, fold, looks_like_person_name
from kgraph.parse.document import LineKind, ParsedDocument


@dataclass(frozen=True)
class KnownOrganizations:
    names: tuple[str, ...]  # as written, the longest first
    name_set: frozenset[str]  # the same, to look one up
    word_names: frozenset[str]  # of those, everyday words too: an organization only in running text
    dotted: tuple[str, ...]  # of those, the names with a dot (`JD.com`)


@cache
def known_organizations() -> KnownOrganizations:
    text = resources.files("kgraph.data").joinpath("organizations.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)["in_prose"]
    names = sorted(set(data["names"]), key=lambda name: (-len(name), name))
    dotted = tuple(name for name in names if "." in name)
    return KnownOrganizations(
        names=tuple(names), name_set=frozenset(names), word_names=frozenset(data["word_names"]), dotted=dotted
    )


_AFTER_NAME = r"(?![\w&-]|\.\w)(?P<next>(?:[ \t]+[A-Z][\w&'’.-]*){1,3})?"  # then the capitalized words after it


@cache
def _known_names() -> tuple[LiteralNames, re.Pattern[str]]:
    """Known names, the longest first (`Google Cloud`, not `Google`), as whole words: those without
    a dot grouped by their first letters (`kgraph.extract.alternation`), the word start checked
    after a match, as a pattern that opens on a choice of characters is searched several times
    faster than one that opens on a choice of names; and the few with a dot (`JD.com`), which
    are no literal words there."""
    names = known_organizations().names
    dotted = "|".join(re.escape(name) for name in names if "." in name)
    plain = LiteralNames(
        (name for name in names if "." not in name),
        lambda alternation: re.compile(rf"(?P<name>{alternation}){_AFTER_NAME}"),
    )
    return plain, re.compile(rf"(?P<name>{dotted}){_AFTER_NAME}")


@cache
def _product_openings() -> frozenset[str]:
    """The first words of well-known products, folded (`gemini`, `h100`, `vision`)."""
    words = product_words()
    return frozenset(fold(name).split()[0] for name in (*words.families, *words.in_prose) if fold(name))


_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_PROSE_KINDS = frozenset((LineKind.TEXT, LineKind.HEADING, LineKind.TABLE_ROW))


def organizations_named_in(
    document: ParsedDocument, entries: list[EntityEntry], everyday: frozenset[str], outlet: str = ""
) -> list[EntityEntry]:
    """Known organizations the document's prose names, that no entry lists (`entries`: the
    document's own). Not a word the document also writes in lower case (`a vanguard of`), not a
    surname after a given name (`Michael Dell`), not the first words of a longer name (`Sequoia
    China`, `MIT Technology Review`), not the outlet's own name (`Axios` in an Axios newsletter), and
    an everyday word (`Apple`, `Block`) only in running text."""
    outlet_words = fold(outlet)
    prose = document.prose(_PROSE_KINDS, "\n")
    text = prose.text
    plain, dotted = _known_names()
    matches = list(plain.for_text(text).finditer(text))
    if any(name in text for name in known_organizations().dotted):  # (a few names, seldom written)
        matches = sorted((*matches, *dotted.finditer(text)), key=lambda match: match.start())
    if not matches:
        return []
    listed = listed_names(entries)
    word_names = known_organizations().word_names
    found: dict[str, int] = {}
    refused: set[str] = set()  # names the document lists or writes in lower case
    for match in matches:
        name, start = match.group("name"), match.start()
        if name in found or name in refused:
            continue
        if fold(name) in listed or name.lower() in everyday or contains_word(outlet_words, fold(name)):
            refused.add(name)
            continue
        if start and (text[start - 1].isalnum() or text[start - 1] in "_-.@/"):
            continue  # inside a word or a path: `xGoogle`, `Jean-Meta`, `github.com/...`
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        word = before.group(1) if before else ""
        if word[:1].isupper() and looks_like_person_name(f"{word} {name}"):
            continue  # `Michael Dell`, `Walt Disney`: a person's surname
        if name in word_names and not _running_text(text, start):
            continue  # `Apple` opening a sentence, `Block` in a title's capitals: the word
        if (after := match.group("next")) and fold(after.split()[0]) not in _product_openings():
            # `Micron Ventures`, `Sequoia China`, `MIT Technology Review`: another name goes on (not
            # where a product of it follows: `Google Gemini`, `NVIDIA H100`)
            continue
        found[name] = prose.line_at(start).number
        if len(found) == MOST_NAMED:
            break
    return [
        EntityEntry(kind=EntityKind.ORGANIZATION, name=name, own_entry=False, in_prose=True, line=number, rank=0)
        for name, number in found.items()
    ]


def _running_text(text: str, start: int) -> bool:
    """Whether a name at `start` follows a lower-case word or a comma, a parenthesis or a slash
    (`deals with Apple`, `Yann LeCun (Meta)`), not a sentence's or a line's start or a capitalized
    word, where an everyday word is written capitalized too."""
    before = text[max(0, start - 2) : start].rstrip(" ")
    return before[-1:].islower() or before[-1:] in ",;(/&"
