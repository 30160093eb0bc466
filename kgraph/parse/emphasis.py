"""Which `*` of a text markdown-it pairs into emphasis, without its inline parser: for texts whose
only inline markup is `*` runs and entities (most emphasized labels and quotes in summaries:
`*Description:* text`, `*"A quote."*`), the plain text is the text less the paired stars.

The delimiter scan and the pairing below follow markdown-it-py's `StateInline.scanDelims` and
`balance_pairs.processDelimiters` step for step, reduced to one marker; a differential property
test holds them to the parser."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markdown_it.common.entities import entities
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isValidEntityCode, isWhiteSpace

_STAR_RUN = re.compile(r"\*+")
# markdown-it's entity rule: `&#123;`, `&#xAF;` or a known name such as `&quot;`.
_ENTITY = re.compile(r"&(?:#(x[a-f0-9]{1,6}|[0-9]{1,7})|([a-z][a-z0-9]{1,31}));", re.I)


@dataclass
class _Delimiter:
    length: int  # length of the run this `*` belongs to
    token: int  # index of its token (runs apart never have adjacent tokens)
    open: bool
    close: bool
    end: int = -1  # index of the matching closer, for an opener


def _flanks(text: str, start: int, end: int) -> tuple[bool, bool]:
    """(can open, can close) for the run text[start:end] (`*` may split words)."""
    return _flanking(text[start - 1] if start > 0 else " ", text[end] if end < len(text) else " ")


@lru_cache(maxsize=4096)  # a few pairs of characters around the stars recur across every text
def _flanking(last: str, after: str) -> tuple[bool, bool]:
    """(can open, can close) for a run between the characters `last` and `after`."""
    last_punct = isMdAsciiPunct(ord(last)) or isPunctChar(last)
    next_punct = isMdAsciiPunct(ord(after)) or isPunctChar(after)
    last_space = isWhiteSpace(ord(last))
    next_space = isWhiteSpace(ord(after))
    left = not (next_space or (next_punct and not (last_space or last_punct)))
    right = not (last_space or (last_punct and not (next_space or next_punct)))
    return left, right


def _delimiters(text: str) -> tuple[list[_Delimiter], list[int]]:
    """Every `*` as a delimiter, and its position in `text`."""
    delimiters: list[_Delimiter] = []
    positions: list[int] = []
    token = 0
    for run in _STAR_RUN.finditer(text):
        token += 1  # the text before the run (or, before the first, nothing: only gaps count)
        can_open, can_close = _flanks(text, run.start(), run.end())
        length = run.end() - run.start()
        for position in range(run.start(), run.end()):
            delimiters.append(_Delimiter(length, token, can_open, can_close))
            positions.append(position)
            token += 1
    return delimiters, positions


def _pair(delimiters: list[_Delimiter]) -> None:
    """markdown-it's `processDelimiters` for one marker: sets `end` of each paired opener."""
    openers_bottom = [-1, -1, -1, -1, -1, -1]
    header = 0
    last_token = -2
    jumps: list[int] = []
    for closer_index, closer in enumerate(delimiters):
        jumps.append(0)
        if last_token != closer.token - 1:
            header = closer_index
        last_token = closer.token
        if not closer.close:
            continue
        bottom_slot = (3 if closer.open else 0) + closer.length % 3
        opener_index = header - jumps[header] - 1
        new_bottom = opener_index
        while opener_index > openers_bottom[bottom_slot]:
            opener = delimiters[opener_index]
            if opener.open and opener.end < 0:
                odd = (
                    (opener.close or closer.open)
                    and (opener.length + closer.length) % 3 == 0
                    and (opener.length % 3 != 0 or closer.length % 3 != 0)
                )
                if not odd:
                    after_closed = opener_index > 0 and not delimiters[opener_index - 1].open
                    last_jump = jumps[opener_index - 1] + 1 if after_closed else 0
                    jumps[closer_index] = closer_index - opener_index + last_jump
                    jumps[opener_index] = last_jump
                    closer.open = False
                    opener.end = closer_index
                    opener.close = False
                    new_bottom = -1
                    last_token = -2
                    break
            opener_index -= jumps[opener_index] + 1
        if new_bottom != -1:
            openers_bottom[bottom_slot] = new_bottom


def _paired(text: str) -> set[int]:
    """The positions of the `*`s markdown-it pairs into emphasis."""
    delimiters, positions = _delimiters(text)
    _pair(delimiters)
    paired = set()
    for index, delimiter in enumerate(delimiters):
        if delimiter.end >= 0:
            paired.add(positions[index])
            paired.add(positions[delimiter.end])
    return paired


def _paired_two(text: str) -> set[int]:
    """`_paired` of a text with two `*`s (`*Label:* text`, `*"A quote."*`, the commonest emphasis):
    apart, they pair when the first can open and the second close; together, a `**` run of two
    pairs with nothing."""
    first = text.find("*")
    second = text.find("*", first + 1)
    if second == first + 1 or not _flanks(text, first, first + 1)[0] or not _flanks(text, second, second + 1)[1]:
        return set()
    return {first, second}


def unpaired_stars(text: str) -> str:
    """`text` without the `*`s that markdown-it's inline parser pairs into emphasis, its
    entities decoded as that parser decodes them (valid when `*` and `&` are its only markup)."""
    paired = _paired_two(text) if text.count("*") == 2 else _paired(text)
    if not paired and "&" not in text:
        return text
    # entities are decoded between the paired stars, never across one (a star left stops them)
    decode = decode_entities if "&" in text else str
    parts: list[str] = []
    start = 0
    for position in sorted(paired):
        parts.append(decode(text[start:position]))
        start = position + 1
    parts.append(decode(text[start:]))
    return "".join(parts)


def _entity(match: re.Match[str]) -> str:
    number, name = match.group(1), match.group(2)
    if number is None:
        return entities[name] if name in entities else match.group(0)
    code = int(number[1:], 16) if number[0] in "xX" else int(number)
    return chr(code) if isValidEntityCode(code) else "\ufffd"


def decode_entities(text: str) -> str:
    """Entities decoded as markdown-it's inline entity rule decodes them (unknown names stay)."""
    return _ENTITY.sub(_entity, text)
