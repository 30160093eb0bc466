"""Quotations: straight-quoted spans on one line, with timestamps and their surroundings. A quoted
title of a work (`After Kofi published "The End of Meetings"`) is no quotation."""

from __future__ import annotations

import re
from functools import lru_cache

from kgraph.parse.document import Line, LineKind, Quote
from kgraph.parse.inline import plain
from kgraph.parse.items import read_field
from kgraph.person_names import CREDIT_ROLES

# Bound once: on Python 3.11 each `LineKind.X` goes through the enum metaclass's `__getattr__`
# hook (a thousand instructions), and the parser reads them for every line.
_HEADING, _TABLE_ROW, _TEXT = LineKind.HEADING, LineKind.TABLE_ROW, LineKind.TEXT

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_MIN_WORDS = 5
_MIN_CJK = 10

_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
# `at` at the start of a word, written letters first (`\bat` is the same), so that every branch
# opens with a character the regex engine can skip to.
_AT = r"at(?<!\wat) "
# `[[00:12:34]](url)`, `[00:12:34](url)`, `[00:12:34]`, `[00:12:34.500]`, `[a–b]` ranges.
_TIMESTAMP = re.compile(
    rf"\[\[?(?P<a>{_CLOCK})(?:\.\d+)?(?:\s*(?:[–—-]|/)\s*{_CLOCK}(?:\.\d+)?)?\]\]?(?:\([^)\s]*\))?"
    rf"|\((?P<b>\d{{1,2}}:\d{{2}}:\d{{2}})\)"
    rf"|{_AT}(?P<c>{_CLOCK})\b"
)


def is_claim_text(text: str) -> bool:
    """Five or more words, or ten or more CJK characters."""
    # most quotations are claims: their first five tokens tell, without splitting the rest
    first = text.split(None, _MIN_WORDS)
    if len(first) >= _MIN_WORDS:
        for token in first[:_MIN_WORDS]:  # (a loop, not `all` of a generator: most quotes pass every token)
            if not (token[0].isalnum() or _WORD.search(token)):
                break
        else:
            return True
    words = 0
    for token in text.split():
        if _WORD.search(token):
            words += 1
            if words >= _MIN_WORDS:
                return True
    return len(_CJK.findall(text)) >= _MIN_CJK


_TITLE_SMALL_WORDS = frozenset(
    "a an the of in on at to for and or but nor with by from as is vs via into onto per up out off over so if not "
    "be are was it its".split()
)
_SENTENCE_INSIDE = re.compile(r"[.!?;]\s")
_TITLE_CUE = re.compile(
    r"\b(?:published|titled|entitled|headlined|headline|book|essay|op-ed|album|documentary)\s*[*_]*\s*$", re.I
)


def is_title(text: str, before: str = "") -> bool:
    """The name of a work, not something said: every main word capitalized (`The End of Every
    Meeting We Know`), or a short phrase right after `published` / `titled` / `book`."""
    bare = text.strip().rstrip(",.;:!?").strip()
    tokens = bare.split(None, 14)  # the first 14 tokens and the rest: all of them if no more
    if len(tokens) > 14 or _SENTENCE_INSIDE.search(bare):
        return False
    if len(tokens) <= 10 and _TITLE_CUE.search(before):
        return True
    # Its words, the first apart, and the main words after it (not the small ones): each main word
    # capitalized (a sentence fails at its first lower-case main word), three or more of them.
    first, main = None, 0
    for token in tokens:
        word = token.strip("\"'‘’“”()[],:;-—–")
        if not word:
            continue
        if first is None:
            first = word
        elif word.lower() not in _TITLE_SMALL_WORDS:
            if not (word[0].isupper() or word[0].isdigit()):
                return False
            main += 1
    return main >= 3 and first is not None and (first[0].isupper() or first[0].isdigit())


_CAPITALIZED_WORD = re.compile(r"[A-Z0-9][\w'’.&\-]*|&|and|of|the|for")


# Two to four words, each capitalized but for a particle (`van`, `d'Sa`).
_PERSON_NAME = re.compile(
    r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|da|del|der|bin|al|le|la|di|dos|[a-z]{1,2}['’][A-Z]\w*)){1,3}"
)


def _capitalized_words(text: str) -> bool:
    """`Andreessen Horowitz`, `Wispr Flow`, `Bank of America`: a name's words (small joiners allowed)."""
    words = text.split()
    return bool(words) and words[0][0].isupper() and all(_CAPITALIZED_WORD.fullmatch(word) for word in words)


def _role_phrase(text: str) -> bool:
    """`founder & CEO`, `head of realtime AI`, `partner at Andreessen Horowitz`: lower-case words (or
    acronyms) holding a role word, then perhaps `at` / `of` and an organization."""
    words = text.split()
    for index, word in enumerate(words):
        if word in ("at", "of", "with") and index and _capitalized_words(" ".join(words[index + 1 :])):
            words = words[:index]  # `at Andreessen Horowitz`: the organization after the role
            break
    words = [word.removeprefix("co-") for word in words]  # `co-CEO`
    if not 0 < len(words) <= 5 or not all(word.islower() or word.isupper() or word == "&" for word in words):
        return False
    return any(word.lower().strip("&/") in CREDIT_ROLES for word in words)


def is_credential(text: str) -> bool:
    """A speaker's credit, not something said: `Russ Lee, founder & CEO, LiveKit`, `Olivia Moore,
    partner at Andreessen Horowitz` (a name, a role, perhaps an organization; nothing more)."""
    if not 0 < text.find(",") < 48:  # a credit's first part is a name or a short role: most quotes fail here
        return False
    parts = [part.strip() for part in text.strip().rstrip(".").split(",")]
    if len(parts) == 2 and _role_phrase(parts[0]) and _capitalized_words(parts[1]):
        return True  # the credit without its name: `head of realtime AI, OpenAI`
    if not 2 <= len(parts) <= 3 or not _PERSON_NAME.fullmatch(parts[0]):
        return False
    return _role_phrase(parts[1]) and (len(parts) == 2 or _capitalized_words(parts[2]))


# A newsletter's own call to its readers: `Subscribe to Sourcery for ...`, `For sponsorship
# opportunities ..., email: ...`. Never something said.
_CALL_TO_ACTION = re.compile(
    r"(?:subscribe|sign up|register|upgrade)\s+(?:to|for|now|today|here)\b|for sponsorship\b", re.I
)


def is_call_to_action(text: str) -> bool:
    """A newsletter's call to its readers (`Subscribe to Sourcery for ...`), not a quote."""
    return _CALL_TO_ACTION.match(text.lstrip(" *_\"'“‘")) is not None


def normalize_clock(clock: str) -> tuple[str, int]:
    """`4:05` -> (`00:04:05`, 245); `1:02:03` -> (`01:02:03`, 3723)."""
    parts = [int(part) for part in clock.split(":")]
    if len(parts) == 2:
        parts.insert(0, 0)
    hours, minutes, seconds = parts
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}", hours * 3600 + minutes * 60 + seconds


def find_timestamp(text: str) -> str | None:
    """The first displayed time in `text` as HH:MM:SS (the display is the truth, not `t=`)."""
    match = _TIMESTAMP.search(text) if ":" in text else None  # every displayed time has a colon
    if not match:
        return None
    return normalize_clock(match.group("a") or match.group("b") or match.group("c"))[0]


def find_timestamp_start(text: str) -> int | None:
    """Where the first displayed time of `text` starts, if it has one."""
    match = _TIMESTAMP.search(text) if ":" in text and _CLOCK_HINT.search(text) else None
    return match.start() if match else None


_PROSE_TIME = re.compile(rf"{_AT}(?P<c>{_CLOCK})\b(?!.*\bat {_CLOCK}\b)")


def _time_before(before: str) -> str | None:
    """`Jane said at 25:40 that "..."`: a prose time in the lead-in, when none follows the quote."""
    match = _PROSE_TIME.search(before) if ":" in before else None
    return normalize_clock(match.group("c"))[0] if match else None


# In every displayed time: a cheap test before the full pattern (the `:` first, for the engine to skip to).
_CLOCK_HINT = re.compile(r":(?<=\d:)\d")


def strip_timestamps(text: str) -> str:
    return _TIMESTAMP.sub(" ", text) if ":" in text and _CLOCK_HINT.search(text) else text


# A bracketed time with a capitalized word after it (not a prose `at 12:34`): a sentence ended there.
# (The time opens the pattern; what ended the sentence before it is read back from it: a pattern
# that opened on optional marks would try them again at every mark of a long run.)
_TIME_THEN_CAPITAL = re.compile(
    rf"(?:\[\[?{_CLOCK}(?:\.\d+)?(?:\s*(?:[–—-]|/)\s*{_CLOCK}(?:\.\d+)?)?\]\]?(?:\([^)\s]*\))?"
    rf"|\(\d{{1,2}}:\d{{2}}:\d{{2}}\))(?=\s+[\"“*_(\[]*[A-Z])"
)
_CLOSING = "\"'”*_) \t"  # what may stand between a sentence's end mark and the time after it


def _sentence_end(match: re.Match[str]) -> str:
    before = match.string[max(0, match.start() - 20) : match.start()].rstrip(_CLOSING)
    return " " if before.endswith((".", "!", "?", "…")) else ". "


def strip_timestamps_ending_sentences(text: str) -> str:
    """`strip_timestamps`, where a bracketed time before a capitalized word ends a sentence
    (`— Katherine Boyle [[00:08:10]](url) Dana agrees`: Dana opens the next)."""
    if ":" not in text or not _CLOCK_HINT.search(text):
        return text
    return strip_timestamps(_TIME_THEN_CAPITAL.sub(_sentence_end, text))


def _location(line: Line) -> str:
    if line.kind == _HEADING:
        return "heading"
    if line.kind == _TABLE_ROW:
        return "table"
    if line.quoted:
        return "blockquote"
    if line.list_depth:
        return "bullet"
    return "prose"


_OPENS_AFTER = " \t([{—–-:*_>/"


def _side(source: str, index: int) -> str | None:
    """`open` / `close` from the characters around a quote mark; None when it could be either."""
    before = source[index - 1] if index else " "
    after = source[index + 1] if index + 1 < len(source) else " "
    opens = before in _OPENS_AFTER and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if opens != closes:
        return "open" if opens else "close"
    return None


def _nested_spans(source: str, marks: list[int]) -> list[tuple[int, int, bool]] | None:
    """Outer spans of `"He said "never sell" and left"` (a quotation inside a quotation), when
    every mark reads clearly as opening or closing and they nest; else None (pair left to right)."""
    sides = [_side(source, mark) for mark in marks]
    if None in sides or all(sides[i] != sides[i + 1] for i in range(len(sides) - 1)):
        return None  # ambiguous, or simply alternating (left-to-right pairing is the same)
    spans, depth, start = [], 0, 0
    for mark, side in zip(marks, sides, strict=True):
        if side == "open":
            start = mark if depth == 0 else start
            depth += 1
        elif depth == 0:
            return None
        else:
            depth -= 1
            if depth == 0:
                spans.append((start, mark, False))
    return spans if depth == 0 else None


def _spans(source: str) -> list[tuple[int, int, bool]]:
    """(open, close, unbalanced) positions of straight double quotes, paired left to right."""
    marks = []
    index = source.find('"')
    while index >= 0:
        marks.append(index)
        index = source.find('"', index + 1)
    if len(marks) >= 4 and (nested := _nested_spans(source, marks)) is not None:
        return nested
    spans = [(marks[i], marks[i + 1], False) for i in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:
        spans.append((marks[-1], len(source), True))
    return spans


def quotes_in_text(
    source: str, line: Line, location: str, field: str | None = None, table_header: str | None = None
) -> list[Quote]:
    spans = _spans(source)
    found: list[Quote] = []
    previous_end = 0
    for index, (start, end, unbalanced) in enumerate(spans):
        next_start = spans[index + 1][0] if index + 1 < len(spans) else len(source)
        text = plain(source[start + 1 : end].strip().strip("*_").strip())
        after = source[end + 1 : next_start] if not unbalanced else ""
        before = source[previous_end:start]
        if (
            is_claim_text(text)
            and not is_title(text, before)
            and not is_credential(text)
            and not is_call_to_action(text)
        ):
            found.append(
                Quote.made(
                    text=text,
                    line=line.number,
                    start=start,
                    end=end,
                    source=source,
                    before=before,
                    after=after,
                    before_spoken=plain(strip_timestamps(before)),
                    after_spoken=plain(strip_timestamps(after)),
                    index_on_line=len(found),
                    timestamp=find_timestamp(after) or _time_before(before),
                    location=location,
                    field=field,
                    table_header=table_header,
                    unbalanced=unbalanced,
                )
            )
        previous_end = end + 1
    return found


def quotes_in_line(line: Line) -> list[Quote]:
    if '"' not in line.text:  # no quote mark, no quotation (a table row's text joins its cells)
        return []
    return list(_quotes_of(line))


@lru_cache(maxsize=8192)  # parsing finds a line's quotes, and claim extraction walks the same lines
def _quotes_of(line: Line) -> tuple[Quote, ...]:
    return tuple(_find_quotes(line))


def _find_quotes(line: Line) -> list[Quote]:
    if line.kind == _TABLE_ROW:
        if line.table_header:
            return []
        found = []
        for index, cell in enumerate(line.cells):
            if '"' not in cell:
                continue  # no quotation in this cell
            header = plain(line.header[index]).lower() if index < len(line.header) else None
            found.extend(quotes_in_text(cell, line, "table", table_header=header))
        return found
    if line.kind not in (_TEXT, _HEADING) or '"' not in line.text:
        return []
    labelled = read_field(line.text)
    location = "field" if labelled else _location(line)
    return quotes_in_text(line.text, line, location, field=labelled[0] if labelled else None)


def quotes_in_lines(lines: list[Line] | tuple[Line, ...]) -> list[Quote]:
    return [quote for line in lines for quote in quotes_in_line(line)]
