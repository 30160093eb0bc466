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


def _groups(keys_and_speakers: list[tuple[str, str | None]], rule: str = "dash after") -> dict[str, list[ClaimEntry]]:
    """Claims of the keys; `rule`: how a claim with a speaker was attributed."""
    groups: dict[str, list[ClaimEntry]] = {}
    for position, (key, speaker) in enumerate(keys_and_speakers):
        claim = ClaimEntry(text=key, line=1, position=position, speaker=speaker, attribution=rule if speaker else None)
        groups.setdefault(key, []).append(claim)
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
    """A key that counts how often another is looked for in it (a quote: not a mark such as `...`)."""

    looked_in = 0

    def __contains__(self, other: object) -> bool:
        if isinstance(other, str) and " " in other:
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


# -- copies cut short inside, or with an editor's words --------------------------------------------
_WHOLE = (
    "[halden's payments arm] reports $40 million for the quarter; that is more than corvane's whole "
    "business, almost its yearly figure... it does in one quarter what corvane does in a year"
)


def test_a_copy_cut_inside_or_with_an_editors_words_folds_into_the_whole_quote() -> None:
    groups = _groups(
        [
            (_WHOLE, "Dana Ruiz"),
            (
                "halden's payments arm... reports $40 million for the quarter; that is more than corvane's whole business",
                None,
            ),
            ("[the arm] does in one quarter what corvane does in a year", None),
            ("reports $40 million for the quarter...what corvane does in a year", "Dana Ruiz"),
        ]
    )
    pairs = dict(_contained(groups))
    assert set(pairs) == set(groups) - {_WHOLE}
    assert set(pairs.values()) == {_WHOLE}


def test_an_elided_copy_folds_only_where_its_fragments_stand_in_order_and_its_speaker_agrees() -> None:
    groups = _groups(
        [
            (_WHOLE, "Dana Ruiz"),
            # the fragments in the other order: two sentences of the quote, not a cut copy of it
            ("what corvane does in a year... reports $40 million for the quarter", None),
            # a fragment the whole quote does not hold
            ("reports $40 million for the quarter... and we will double it next year", None),
            # another speaker's words
            ("[halden] reports $40 million for the quarter; that is more", "Lee Park"),
            # too little kept to tell (`it does` ... `a year`)
            ("it does... in a year", None),
        ]
    )
    assert _contained(groups) == []


def test_an_elided_copy_folds_only_into_a_quote_whose_speaker_the_text_names() -> None:
    """A summary's paragraph subject is a guess: the same words cut short in another entry, unsigned,
    stay that entry's claim (the seed's `almost 100% of people ...` under the company)."""
    copies = [(_WHOLE, "Dana Ruiz"), ("reports $40 million for the quarter...what corvane does in a year", None)]
    assert _contained(_groups(copies, rule="item subject")) == []
    assert _contained(_groups([(_WHOLE, None), copies[1]])) == []  # nor one nobody is named for
    assert dict(_contained(_groups(copies))) == {copies[1][0]: _WHOLE}


def test_elided_copies_are_compared_with_a_bounded_number_of_quotes() -> None:
    """2,000 elided quotes sharing their longest fragment: each is held against at most
    `_ELIDED_HOLDERS` others, not every longer one."""
    count = 2_000
    keys = [f"the same long fragment of words ... then part {n} of it" + " more" * (n % 7) for n in range(count)]
    groups = _groups([(key, "Dana Ruiz") for key in keys])  # each signed: each may hold the others
    _, calls = _contained_counting_comparisons(groups)
    assert count <= calls <= count * claims._ELIDED_HOLDERS
    assert calls < count * count // 8


# quotes of a few words (so that one holds another's words), and copies cut out of them with a mark
_WORDS = ["the", "model", "said", "so", "ai", "x_y", "中文", "42", "—", "and", "then", "it", "does", "a", "year"]
_SPEAKER = st.sampled_from([None, "Dana Ruiz", "Lee Park"])


@st.composite
def _elided_documents(draw: st.DrawFn) -> list[tuple[str, str | None]]:
    quotes = draw(st.lists(st.lists(st.sampled_from(_WORDS), min_size=6, max_size=16), min_size=1, max_size=6))
    for quote in list(quotes):  # longer quotes holding a shorter one whole
        if draw(st.booleans()):
            quotes.append(draw(st.lists(st.sampled_from(_WORDS), max_size=4)) + quote + ["so"])
    keyed = [(" ".join(quote), draw(_SPEAKER)) for quote in quotes]
    for quote in draw(st.lists(st.sampled_from(quotes), max_size=8)):
        cut = sorted(draw(st.lists(st.integers(0, len(quote)), min_size=4, max_size=4)))
        mark = draw(st.sampled_from(["...", "…", "[it]", "... [the model]"]))
        keyed.append((" ".join([*quote[cut[0] : cut[1]], mark, *quote[cut[2] : cut[3]]]), draw(_SPEAKER)))
    return keyed


@settings(max_examples=400, deadline=None)
@given(_elided_documents())
def test_elided_copies_fold_alike_through_the_word_index_and_without_it(
    keys_and_speakers: list[tuple[str, str | None]],
) -> None:
    """With few signed quotes each longer one is tried; with many, those the word index offers: the
    same folds, as a quote holding a fragment as whole words holds each of its words."""
    groups = _groups(keys_and_speakers)
    few = _contained(groups)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(claims, "_SCANNED_SIGNED", 0)  # every document counts as one of many signed quotes
        assert _contained(groups) == few


def test_elided_copies_no_signed_quote_holds_the_words_of_are_not_compared() -> None:
    """60 signed quotes and 2,000 elided copies of other words: the word index tells them apart at
    once (held each against every signed quote, 2 MB took seconds: a review's find)."""
    signed = [(f"signed quote number {n} says the looms are late again this year", "Dana Ruiz") for n in range(60)]
    copies = [(f"copy {n} of words ... no signed quote holds any of them {n}", None) for n in range(2_000)]
    assert _contained_counting_comparisons(_groups([*signed, *copies])) == ([], 0)


def _contained_counting_comparisons(groups: dict[str, list[ClaimEntry]]) -> tuple[list[tuple[str, str]], int]:
    """`_contained(groups)`, and how many times an elided copy was held against a longer quote."""
    calls = 0
    real = claims._holds_in_order

    def counted(text: str, fragments: list[str]) -> bool:
        nonlocal calls
        calls += 1
        return real(text, fragments)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(claims, "_holds_in_order", counted)
        pairs = _contained(groups)
    return pairs, calls
