"""Which `*` of a text markdown-it pairs into emphasis, without its inline parser: for texts whose
only inline markup is `*` runs and entities (most emphasized labels and quotes in summaries:
`*Description:* text`, `*"A quote."*`), the plain text is the text less the paired stars.

The delimiter scan and the pairing below follow markdown-it-py's `StateInline.scanDelims` and
`balance_pairs.processDelimiters` step for step, reduced to one marker; a differential property
test holds them to the parser."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it.common.entities import entities
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isValidEntityCode, isWhiteSpace

_STAR_RUN = re.compile(r"\*+")
# markdown-it's entity rule: `&#123;`, `&#xAF;` or a known name such as `&quot;`.
_ENTITY = re.compile(r"&(?:#(x[a-f0-9]{1,6}|[0-9]{1,7})|([a-z][a-z0-9]{1,31}));", re.I)


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


class _Delimiters:
    """Every `*` of a text as a delimiter, one list per attribute (markdown-it's delimiter objects;
    lists, since a text can have dozens of stars and a table row joined into one text has six)."""

    def __init__(self, text: str) -> None:
        positions: list[int] = []  # where each `*` is in the text
        lengths: list[int] = []  # length of the run it belongs to
        tokens: list[int] = []  # index of its token (runs apart never have adjacent tokens)
        opens: list[bool] = []
        closes: list[bool] = []
        token = 0
        start = text.find("*")
        while start >= 0:  # each run of stars (found with `find`: a pattern is tried at every character)
            end = start + 1
            while end < len(text) and text[end] == "*":
                end += 1
            token += 1  # the text before the run (or, before the first, nothing: only gaps count)
            can_open, can_close = _flanks(text, start, end)
            length = end - start
            positions += range(start, end)
            lengths += [length] * length
            tokens += range(token, token + length)
            opens += [can_open] * length
            closes += [can_close] * length
            token += length
            start = text.find("*", end)
        self.positions, self.lengths, self.tokens, self.opens, self.closes = positions, lengths, tokens, opens, closes
        self.ends = [-1] * len(positions)  # the index of its matching closer, for an opener


def _pair(delimiters: _Delimiters) -> None:
    """markdown-it's `processDelimiters` for one marker: sets `ends` of each paired opener."""
    lengths, tokens, opens, closes, ends = (
        delimiters.lengths,
        delimiters.tokens,
        delimiters.opens,
        delimiters.closes,
        delimiters.ends,
    )
    openers_bottom = [-1, -1, -1, -1, -1, -1]
    header = 0
    last_token = -2
    jumps: list[int] = []
    for closer_index in range(len(lengths)):
        jumps.append(0)
        if last_token != tokens[closer_index] - 1:
            header = closer_index
        last_token = tokens[closer_index]
        if not closes[closer_index]:
            continue
        closer_length = lengths[closer_index]
        bottom_slot = (3 if opens[closer_index] else 0) + closer_length % 3
        opener_index = header - jumps[header] - 1
        new_bottom = opener_index
        while opener_index > openers_bottom[bottom_slot]:
            if opens[opener_index] and ends[opener_index] < 0:
                opener_length = lengths[opener_index]
                odd = (
                    (closes[opener_index] or opens[closer_index])
                    and (opener_length + closer_length) % 3 == 0
                    and (opener_length % 3 != 0 or closer_length % 3 != 0)
                )
                if not odd:
                    after_closed = opener_index > 0 and not opens[opener_index - 1]
                    last_jump = jumps[opener_index - 1] + 1 if after_closed else 0
                    jumps[closer_index] = closer_index - opener_index + last_jump
                    jumps[opener_index] = last_jump
                    opens[closer_index] = False
                    ends[opener_index] = closer_index
                    closes[opener_index] = False
                    new_bottom = -1
                    last_token = -2
                    break
            opener_index -= jumps[opener_index] + 1
        if new_bottom != -1:
            openers_bottom[bottom_slot] = new_bottom


def _paired(text: str) -> set[int]:
    """The positions of the `*`s markdown-it pairs into emphasis."""
    delimiters = _Delimiters(text)
    _pair(delimiters)
    positions = delimiters.positions
    paired = set()
    for index, end in enumerate(delimiters.ends):
        if end >= 0:
            paired.add(positions[index])
            paired.add(positions[end])
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
