"""Which quotes fold into a longer one (`claims._contained`): found by scanning the joined keys (a
document's few quotes) or through a word index (many), both pinned to the comparison of every pair
they replaced, and linear in the quotes of a document."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.extract import claims
from kgraph.extract.claims import _contained
from kgraph.extract.results import ClaimEntry
from kgraph.names import contains_word


def _every_pair(groups: dict[str, list[ClaimEntry]]) -> list[tuple[str, str]]:
    """`_contained` as first written: each key against every longer one."""
    keys = sorted(groups, key=lambda key: (len(key), key))
    target: dict[str, str] = {}
    for index, short in enumerate(keys):
        short_speakers = {copy.speaker for copy in groups[short] if copy.speaker}
        for long in reversed(keys[index + 1 :]):
            if len(long) <= len(short) or short not in long or not contains_word(long, short):
                continue
            long_speakers = {copy.speaker for copy in groups[long] if copy.speaker}
            if short_speakers <= long_speakers and len(long_speakers) <= 1:
                target[short] = long
                break
    pairs = []
    for short in keys:
        if short in target:
            long = target[short]
            while long in target:
                long = target[long]
            pairs.append((short, long))
    return pairs


def _groups(keys_and_speakers: list[tuple[str, str | None]]) -> dict[str, list[ClaimEntry]]:
    groups: dict[str, list[ClaimEntry]] = {}
    for position, (key, speaker) in enumerate(keys_and_speakers):
        groups.setdefault(key, []).append(ClaimEntry(text=key, line=1, position=position, speaker=speaker))
    return groups


# few words, punctuation and word characters of several scripts, so that keys contain one another
# at word boundaries, inside words (`ai` in `said`), across punctuation, and hold no word at all
_PIECES = ["ai", "said", "AI", "the", "model", "x_y", "é", "中文", "42", "²", "-", "—", ",", " ", '"', "!", "\n"]
_KEY = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8).map("".join)


@st.composite
def _documents(draw: st.DrawFn) -> dict[str, list[ClaimEntry]]:
    keys = draw(st.lists(_KEY, min_size=1, max_size=12))
    # slices of the keys, at any character: the shorter quotes a summary repeats
    for key in draw(st.lists(st.sampled_from(keys), max_size=6)):
        start = draw(st.integers(0, len(key) - 1))
        keys.append(key[start : draw(st.integers(start + 1, len(key)))])
    speakers = st.sampled_from([None, "Dana Ruiz", "Lee Park"])
    return _groups([(key, draw(speakers)) for key in keys])


@settings(max_examples=600, deadline=None)
@given(_documents())
def test_the_scan_of_the_keys_folds_what_every_pair_folded(groups: dict[str, list[ClaimEntry]]) -> None:
    assert _contained(groups) == _every_pair(groups)


@settings(max_examples=600, deadline=None)
@given(_documents())
def test_the_word_index_folds_what_every_pair_folded(groups: dict[str, list[ClaimEntry]]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(claims, "_SCANNED_KEYS", 0)  # every document counts as one of many quotes
        assert _contained(groups) == _every_pair(groups)


def test_quotes_inside_longer_ones_fold_by_word_not_by_character() -> None:
    groups = _groups(
        [
            ("the model said so", None),
            ("model said", None),  # whole words of the first
            ("odel sai", None),  # inside words: not folded
            ("said so, and more: the model said so", "Dana Ruiz"),
            ("— —", None),  # no word at all, still folded where it occurs whole
            ("x — — y", None),
        ]
    )
    pairs = dict(_contained(groups))
    assert pairs["model said"] == "said so, and more: the model said so"
    assert pairs["the model said so"] == "said so, and more: the model said so"
    assert "odel sai" not in pairs
    assert pairs["— —"] == "x — — y"
    assert _contained(groups) == _every_pair(groups)


class _Counted(str):
    """A key that counts how often another is looked for in it."""

    looked_in = 0

    def __contains__(self, other: object) -> bool:
        _Counted.looked_in += 1
        return super().__contains__(other)  # type: ignore[operator]


def test_distinct_quotes_are_not_compared_pair_by_pair() -> None:
    """9,000 distinct quotes (a hostile document) cost seconds when every pair was compared: each
    quote is now looked for only in the quotes that hold its rarest word."""
    count = 2_000
    groups = _groups([(_Counted(f"Quote {n} says something long enough to be a claim."), None) for n in range(count)])
    _Counted.looked_in = 0
    assert _contained(groups) == _every_pair(groups) == []
    pairwise = _Counted.looked_in
    _Counted.looked_in = 0
    _contained(groups)
    assert pairwise >= count * count // 4  # the reference: every pair of unequal lengths
    assert _Counted.looked_in <= 2 * count
