"""The quote finder's shortcuts (a colon before the timestamp patterns, a word count that stops at
five, quote marks found with `str.find`, patterns reordered for the regex engine) give the answers
of the code as first written."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.parse import quotes
from kgraph.parse.quotes import _CJK, _CLOCK, _TITLE_CUE, _TITLE_SMALL_WORDS, _WORD

# The timestamp patterns as first written (`\bat`, where the code now spells it letters first).
_TIMESTAMP = re.compile(
    rf"\[\[?(?P<a>{_CLOCK})(?:\.\d+)?(?:\s*(?:[–—-]|/)\s*{_CLOCK}(?:\.\d+)?)?\]\]?(?:\([^)\s]*\))?"
    rf"|\((?P<b>\d{{1,2}}:\d{{2}}:\d{{2}})\)"
    rf"|\bat (?P<c>{_CLOCK})\b"
)
_PROSE_TIME = re.compile(rf"\bat (?P<c>{_CLOCK})\b(?!.*\bat {_CLOCK}\b)")


def _reference_is_claim_text(text: str) -> bool:
    words = [token for token in text.split() if _WORD.search(token)]
    return len(_CJK.findall(text)) >= 10 or len(words) >= 5


def _reference_is_title(text: str, before: str = "") -> bool:
    bare = text.strip().rstrip(",.;:!?").strip()
    if re.search(r"[.!?;]\s", bare) or len(bare.split()) > 14:
        return False
    if _TITLE_CUE.search(before) and len(bare.split()) <= 10:
        return True
    words = [word for word in (token.strip("\"'‘’“”()[],:;-—–") for token in bare.split()) if word]
    main = [word for word in words[1:] if word.lower() not in _TITLE_SMALL_WORDS]
    return len(main) >= 3 and all(word[0].isupper() or word[0].isdigit() for word in [words[0], *main])


def _reference_spans(source: str) -> list[tuple[int, int, bool]]:
    marks = [index for index, char in enumerate(source) if char == '"']
    if len(marks) >= 4 and (nested := quotes._nested_spans(source, marks)) is not None:
        return nested
    spans = [(marks[i], marks[i + 1], False) for i in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:
        spans.append((marks[-1], len(source), True))
    return spans


_PIECES = (
    "We",
    "will",
    "never",
    "The",
    "End",
    "of",
    "Meetings",
    "published",
    "book",
    "titled",
    "[00:12:34]",
    "[[4:05]](https://x.y/?t=1)",
    "(01:02:03)",
    "at 25:40",
    "at 4:05.",
    "at",
    "bat 1:02",
    "_at 1:02",
    "éat 1:02",
    "12:30",
    '"',
    '"',
    "—",
    "*",
    "_",
    "2024",
    "AI's",
    "co-op",
    "十年之后人工智能会改变一切",
    "!",
    ";",
    ".",
    ":",
    "\u00a0",
)
text = st.lists(st.sampled_from(_PIECES), max_size=20).map(" ".join) | st.text(max_size=60)


@settings(max_examples=500, deadline=None)
@given(text, text)
def test_shortcuts_answer_as_the_code_first_written(words: str, before: str) -> None:
    assert quotes.is_claim_text(words) == _reference_is_claim_text(words)
    assert quotes.is_title(words, before) == _reference_is_title(words, before)
    assert quotes.strip_timestamps(words) == _TIMESTAMP.sub(" ", words)
    match = _TIMESTAMP.search(words)
    expected = quotes.normalize_clock(match.group("a") or match.group("b") or match.group("c"))[0] if match else None
    assert quotes.find_timestamp(words) == expected
    prose = _PROSE_TIME.search(before)
    assert quotes._time_before(before) == (quotes.normalize_clock(prose.group("c"))[0] if prose else None)
    assert quotes._spans(words) == _reference_spans(words)


def test_the_invented_text_reaches_every_outcome() -> None:
    assert quotes.is_claim_text("We will never scale kelp")
    assert not quotes.is_claim_text("We will never scale")
    assert quotes.is_title("The End of Every Meeting")
    assert quotes.is_title("The End Of Every Meeting We Know And The Best Of All Our Days")  # 14 words
    assert not quotes.is_title("The End Of Every Meeting We Know And The Best Of All Our Days Ahead")
    assert quotes.find_timestamp("said [00:12:34] then") == "00:12:34"
    assert quotes._time_before("Jane said at 25:40 that") == "00:25:40"
    assert quotes.strip_timestamps("a [00:12:34] b") == "a   b"
    assert quotes._spans('He said "a" and "b" then "c') == [(8, 10, False), (16, 18, False), (25, 27, True)]
