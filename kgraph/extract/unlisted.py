"""Participants the Participants field does not name, read when it is missing or holds a
placeholder: names used as speaker labels (`**Dana Ruiz:** "..."`) and full names in the H1
(`# How Dana Ruiz Rebuilt Diligence`) that the body uses for a person."""

from __future__ import annotations

import re
from collections import Counter

from kgraph.extract.alternation import one_of
from kgraph.extract.attribution import SPEECH_VERBS
from kgraph.given_names import is_known_given_name
from kgraph.names import fold, is_placeholder, looks_like_publication, occurrences, plausible_new_person, word_boundary
from kgraph.parse.document import LineKind, ParsedDocument
from kgraph.parse.inline import plain
from kgraph.parse.items import is_field_label

# `**Dana Ruiz:** ...`, `**Dana Ruiz**: ...`, `Dana Ruiz: "..."` at the start of a line.
_LABEL = re.compile(
    r"^\s*(?:\*\*(?P<bold>[^*:\n]{3,60}?)\s*(?::\s*\*\*|\*\*\s*:)|(?P<plain>[A-Z][^:*\"“\n]{2,60}?):\s*(?=[\"“]))"
)
_NAME_RUN = re.compile(r"[A-Z\u00c0-\u00de][\w'’\-]*(?:\s+[A-Z\u00c0-\u00de][\w'’\-]*)+")
_CAPITALIZED_NEXT = re.compile(r"\s+[A-Z]")


def person_in_body(name: str, lines: list[str], people_entries: list[str]) -> bool:
    """A People Identified entry, a surname the body uses alone (`Lindqvist argues`): a title's
    `Cold Chains & Hot Markets` has no `Chains` of its own; or the first name, alone or in full,
    speaking (`Eugenia explains`), when no People entry shares that first name."""
    if fold(name) in {fold(entry) for entry in people_entries}:
        return True
    first, surname = name.split()[0], name.split()[-1]
    if any(_alone(surname, first, line) for line in lines):
        return True
    if any(entry.split()[0] == first for entry in people_entries) or any(
        _another_surname(first, surname, line) for line in lines
    ):
        return False  # `Sam argues` may be the other Sam, or the same one spelled `Sam Altmann`
    return any(_speaks(first, surname, line) for line in lines)


def _another_surname(first: str, surname: str, line: str) -> bool:
    """Whether `line` writes `first` before a capitalized word other than `surname`."""
    for start in occurrences(line, first):
        end = start + len(first)
        if word_boundary(line, start) and _CAPITALIZED_NEXT.match(line, end) and not line.startswith(surname, end + 1):
            return True
    return False


# After a name, what it says: `Elad argues`, `Elad Gil (Gil Capital) notes`, `Elad, however, warns`.
_SPEECH_AFTER = re.compile(rf"(?:\s*\([^()\n]{{0,80}}\))?,?\s+(?:\w+ly\s+)?{one_of(SPEECH_VERBS)}\b")


def _speaks(first: str, surname: str, line: str) -> bool:
    """Whether `line` has `first`, or `first surname`, speak (the pattern runs where the name stands)."""
    for start in occurrences(line, first):
        end = start + len(first)
        if line.startswith(f" {surname}", end):
            end += len(surname) + 1
        if word_boundary(line, start) and word_boundary(line, end) and _SPEECH_AFTER.match(line, end):
            return True
    return False


def _alone(surname: str, first: str, line: str) -> bool:
    """Whether `(?<!FIRST )\\bSURNAME\\b(?!\\s+[A-Z])` matches in `line`, without compiling it per name."""
    for start in occurrences(line, surname):
        end = start + len(surname)
        if (
            word_boundary(line, start)
            and word_boundary(line, end)
            and not line.endswith(f"{first} ", 0, start)
            and _CAPITALIZED_NEXT.match(line, end) is None
        ):
            return True
    return False


def _all_text_lines(document: ParsedDocument) -> list[str]:
    lines = document.body_lines()
    return [line.text for line in lines if line.kind == LineKind.TEXT]


def _everyday(word: str, everyday: frozenset[str]) -> bool:
    """`Action` when the document writes `actions`: a word of the text, not a name."""
    lower = word.lower()
    return any(form in everyday for form in (lower, lower + "s", lower + "es", lower.removesuffix("s")))


def _name_like(name: str, everyday: frozenset[str]) -> bool:
    tokens = name.split()
    return (
        2 <= len(tokens) <= 3
        and not is_placeholder(name)
        and not looks_like_publication(name)
        and not is_field_label(name)
        and plausible_new_person(name, everyday)
        and not any(_everyday(token, everyday) for token in tokens)
    )


def speaker_labels(document: ParsedDocument, everyday: frozenset[str], people_entries: list[str]) -> list[str]:
    """Full names that label what someone says at least twice (`**Dana Ruiz:** "..."`): never a
    field label (`**Key Quote:**`), and either followed by a quote or treated as a person
    elsewhere (a People entry, a known first name, the name or surname used outside the labels)."""
    counts: Counter[str] = Counter()
    quoted: Counter[str] = Counter()
    unlabelled = []
    for line in _all_text_lines(document):
        match = _LABEL.match(line)
        if match:
            name = plain(match.group("bold") or match.group("plain")).strip()
            counts[name] += 1
            quoted[name] += line[match.end() :].lstrip().startswith(('"', "“"))
            unlabelled.append(line[match.end() :])
        else:
            unlabelled.append(line)
    names = []
    for name, count in counts.items():
        if count < 2 or not _name_like(name, everyday):
            continue
        used = any(name in line for line in unlabelled) or person_in_body(name, unlabelled, people_entries)
        if used or quoted[name] or is_known_given_name(name.split()[0]):
            names.append(name)
    return sorted(names, key=lambda name: (-counts[name], name))


def title_people(
    title: str, lines: list[str], everyday: frozenset[str], people_entries: list[str], organizations: set[str]
) -> list[str]:
    """Full names anywhere in the H1 (`How Dana Ruiz Rebuilt Diligence`) that the body uses in
    full or by the surname alone; no word of them is written in lower case in the document, nor
    is one of the document's organizations (`Kills Orbex Copilot`, folded in `organizations`)."""
    found: list[tuple[int, int, int, str]] = []  # (run, first token, tokens, name)
    for number, run in enumerate(_NAME_RUN.finditer(title)):
        written = run.group(0).split()
        tokens = [re.sub(r"['’]s$", "", token) for token in written]
        for i in range(len(tokens)):
            for j in range(i + 2, min(i + 3, len(tokens)) + 1):
                if any(token != bare for token, bare in zip(written[i : j - 1], tokens[i : j - 1], strict=True)):
                    continue  # `Ruiz's Plan`: the name ends at the possessive
                name = " ".join(tokens[i:j])
                if not _name_like(name, everyday) or not person_in_body(name, lines, people_entries):
                    continue
                if {fold(name), *map(fold, tokens[i:j])} & organizations:
                    continue
                found.append((number, i, j - i, name))
    chosen: list[str] = []
    taken: set[tuple[int, int]] = set()
    for number, start, length, name in sorted(found, key=lambda f: (-sum(f[3] in line for line in lines), f[2], f[:2])):
        cells = {(number, start + k) for k in range(length)}
        if not cells & taken:
            taken |= cells
            chosen.append(name)
    return chosen
