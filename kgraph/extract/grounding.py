"""Quotes found in their transcript: where each is heard, how closely it matches, on whose line.

A pure function of the document's claims and its parsed transcript (cached with the extraction).
The transcript becomes one stream of normalized words with a word-to-segment index, built once per
document; each quote (split on `...` into fragments) is placed by its rare words (anchors) and the
few candidate windows they point to are scored with `rapidfuzz.fuzz.partial_ratio_alignment`.
Among near-equal candidates the one nearest the rest of the quote, or the summary's timestamp
(also an hour either way: summaries drop or add the hour), wins; a teaser in the first minutes loses to the
body. Cost: linear in the transcript, a few small alignments per quote."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from importlib.resources import files
from itertools import chain, compress, count, repeat
from operator import floordiv, sub
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from kgraph.beyond_ascii import replace_beyond_ascii
from kgraph.extract.results import ClaimEntry, QuoteGrounding
from kgraph.model import Grounding
from kgraph.parse.document import Transcript
from kgraph.unvalidated import made

VERBATIM = 95.0  # every word there (after normalization), perhaps a speech-to-text slip
ACCEPT = 90.0
ACCEPT_LONG = 75.0  # for quotes of LONG_WORDS or more
LONG_WORDS = 8
MIN_FRAGMENT_WORDS = 3  # shorter `...` fragments are too common to place
MAX_FRAGMENT_WORDS = 400  # real quotes run to about 150 words; longer is matched by its start
NEAR_EQUAL = 3.0  # scores this close are a tie, broken by position
TEASER_SECONDS = 180  # a cold open repeats the body's best lines in the first minutes
TEASER_MARGIN = 12.0
MAX_ANCHORS = 4
COMMON = 400  # a word found more often than this is no anchor
MAX_CANDIDATES = 12
EXCERPT_CHARS = 240
HEAD_WORDS = 6  # the quote's first words, aligned again for its start time
HEAD_SCORE = 80.0
ONE_LABEL = 0.9  # a passage is on one speaker's lines when this share of its words is
# A transcript whose labels mark where turns start: at most this share of its lines labelled, at
# least this many labels, and a label after one of its own at most this share of the time (the
# corpus: 11-23% of lines, 1-2% repeats; transcripts labelled line by line: 59-100%, 68-100%)
TURN_STARTS_SHARE = 0.5
TURN_STARTS_SEEN = 4
TURN_STARTS_REPEATS = 0.1
HOUR = 3600
NEAR_SECONDS = 90  # a short quote scoring ACCEPT_LONG..ACCEPT is found when this near its timestamp

_APOSTROPHES = re.compile(r"['’‘`´]")
_PUNCTUATION = re.compile(r"[^\w\s]+|_+")  # non-word characters but spaces: far fewer matches
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|[^\s{_CJK}]+")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
_NOT_LETTERS = bytes(byte for byte in range(128) if not chr(byte).isalpha())
# `_APOSTROPHES` (deleted) and `_PUNCTUATION` (a space each) on ASCII text, one byte at a time
_ASCII_APOSTROPHES = bytes(byte for byte in range(128) if _APOSTROPHES.fullmatch(chr(byte)))
_ASCII_PUNCTUATION = bytes.maketrans(
    (punctuation := bytes(b for b in range(128) if _PUNCTUATION.fullmatch(chr(b)) and b not in _ASCII_APOSTROPHES)),
    b" " * len(punctuation),
)
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=\S)")
_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…|\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]")  # `...`, `[...]` cuts
# `global trade [to be] down`: the editor's words stand for a few spoken ones; dropped, not a cut
_INSERTION = re.compile(r"\[[^\]]{1,40}\]")


def words_of(text: str) -> list[str]:
    """Normalized words: NFKC, lower case, apostrophes removed, other non-word characters as
    spaces; each CJK character is a word of its own (Chinese is written without spaces), in
    simplified script (summaries and transcripts mix both)."""
    # as the transcript is normalized (punctuation to spaces, whitespace kept): the same words
    text = _normalized(unicodedata.normalize("NFKC", text).lower())
    if not _holds_cjk(text):
        return text.split()  # `_TOKEN` splits at whitespace alone when there is no CJK character
    return _TOKEN.findall(_in_simplified(text))


def _holds_cjk(text: str) -> bool:
    """Whether `text` holds a CJK character (asked of ASCII text, the usual case, at C speed)."""
    return not text.isascii() and _CJK_CHAR.search(text) is not None


def _tokens(line: str) -> list[str]:
    """`_TOKEN.findall(line)`: a line without a CJK character (most of a mostly English transcript
    that names someone in Chinese) split at whitespace alone, at C speed."""
    return _TOKEN.findall(line) if _holds_cjk(line) else line.split()


def _in_simplified(text: str) -> str:
    """`text.translate(_simplified())`, which looks every character up (as much work for a mostly
    English text holding one Chinese name as for a Chinese one): the few distinct characters the
    table maps are replaced one pass each (`kgraph.beyond_ascii`)."""
    table = _simplified()
    return replace_beyond_ascii(
        text.encode("utf-8", "surrogatepass"), lambda character: table.get(ord(character)), lambda t: t.translate(table)
    )


@functools.cache
def _simplified() -> dict[int, str]:
    """Traditional to simplified characters (`kgraph/data/t2s.txt`, from OpenCC)."""
    table = (files("kgraph.data") / "t2s.txt").read_text(encoding="utf-8")
    pairs = (line.split(" ") for line in table.splitlines() if line and not line.startswith("#"))
    return {ord(traditional): simplified for traditional, simplified in pairs}


def is_chinese(text: str) -> bool:
    """More CJK characters than Latin letters (sampled: transcripts run to megabytes)."""
    sample = text[:20_000]
    if sample.isascii():  # no CJK character (searched for one at a time): most transcripts
        return False
    letters = sample.encode("ascii", "ignore").translate(None, _NOT_LETTERS)
    return len(_CJK_CHAR.findall(sample)) > len(letters)


def _normalized(text: str) -> str:
    """`text` with `_APOSTROPHES` removed and `_PUNCTUATION` made spaces (each character, not each
    run: only the words are read). ASCII at C speed, one byte at a time; then the few distinct
    characters beyond it (`kgraph.beyond_ascii`)."""
    data = text.encode("utf-8", "surrogatepass").translate(_ASCII_PUNCTUATION, _ASCII_APOSTROPHES)
    if data.isascii():
        return data.decode("ascii")
    return replace_beyond_ascii(data, _replacement, _expressions)


def _expressions(text: str) -> str:
    return _PUNCTUATION.sub(" ", _APOSTROPHES.sub("", text))


@functools.lru_cache(maxsize=1 << 13)  # bounded: hostile text may hold a million distinct characters
def _replacement(character: str) -> str | None:
    """What `_normalized` makes of a character: "" (an apostrophe), " " (punctuation), None (kept)."""
    if _APOSTROPHES.fullmatch(character):
        return ""
    return " " if _PUNCTUATION.fullmatch(character) else None


class _Index:
    """One transcript as a word stream: the words, where each segment starts in it, how often each
    word occurs, and (computed when first asked, many words in one pass) where a word is."""

    def __init__(self, transcript: Transcript):
        # normalized in one pass over the whole text (a segment's text has no line break)
        texts = [segment.text for segment in transcript.segments]
        joined = "\n".join(texts)
        normalized = _normalized(unicodedata.normalize("NFKC", joined).lower())
        cjk = _holds_cjk(normalized)
        # the first 400 segments' text (`is_chinese` reads line breaks and spaces alike: neither is
        # a letter nor CJK), sliced from the whole instead of joined again
        first = texts[:400]
        self.chinese = is_chinese(joined[: sum(map(len, first)) + len(first) - 1])
        if cjk:
            normalized = _in_simplified(normalized)
        # a segment's words, where they start in the stream, and the stream: at C speed (a Chinese
        # transcript's lines all hold CJK characters: each cut without asking)
        split = (_TOKEN.findall if self.chinese else _tokens) if cjk else str.split
        # each segment's words appended to the stream as it is split (`+=` gives the stream back: its
        # length is where the next segment starts), no list kept per segment
        self.words: list[str] = []
        ends = list(map(len, map(self.words.__iadd__, map(split, normalized.split("\n")))))
        self.starts: list[int] = [0, *ends[:-1]]  # each segment's first word
        self.counts = Counter(self.words)
        self._positions: dict[str, list[int]] = {}

    def locate(self, wanted: Iterable[str]) -> None:
        """Find every position of each of `wanted` in one pass (membership tested at C speed)."""
        missing = {word for word in wanted if word not in self._positions and word in self.counts}
        if not missing:
            return
        for word in missing:
            self._positions[word] = []
        words, positions = self.words, self._positions
        for position in compress(count(), map(missing.__contains__, words)):
            positions[words[position]].append(position)

    def positions(self, word: str) -> list[int]:
        if word not in self._positions:
            self.locate((word,))
        return self._positions.get(word, [])

    def segment_of(self, position: int) -> int:
        """The number of the segment holding the word at `position`."""
        return bisect.bisect_right(self.starts, min(position, len(self.words) - 1)) - 1


class _Place(NamedTuple):
    score: float
    start: int  # word positions of the matched passage, end exclusive
    end: int


def _joined(words: list[str]) -> str:
    return " ".join(words)


def _candidates(index: _Index, quote: list[str], anchors: list[str] | None = None) -> list[int]:
    """Likely start positions of `quote`: where its rarest words sit, minus their offset in it.
    `anchors`: `_anchors` of its words in the transcript, when known."""
    if anchors is None:
        anchors = _anchors(index.counts, filter(index.counts.__contains__, set(quote)))
    if not anchors:
        return []
    bucket = max(4, len(quote) // 2)
    votes = Counter(
        chain.from_iterable(
            # its first COMMON places (a word this common is no anchor), less its first offset in the quote
            map(floordiv, map(sub, index.positions(word)[:COMMON], repeat(quote.index(word))), repeat(bucket))
            for word in anchors
        )
    )
    enough = (max(votes.values()) + 1) // 2  # half the anchors of the likeliest place, or more
    # the most votes first, then the earliest (two stable sorts at C speed, of the few with enough)
    likely = sorted(compress(votes, map(enough.__le__, votes.values())))
    return list(map(bucket.__mul__, sorted(likely, key=votes.__getitem__, reverse=True)[:MAX_CANDIDATES]))


def _anchors(counts: Counter[str], words: Iterable[str], most: int | None = MAX_ANCHORS) -> list[str]:
    """The `most` rarest of `words` (distinct), the longest first among equally rare, then
    alphabetical: sorted by (count, -length, word), in three stable sorts at C speed."""
    ordered = sorted(sorted(sorted(words), key=len, reverse=True), key=counts.__getitem__)
    return ordered[:most]


def _reach(size: int) -> tuple[int, int]:
    """How many words before and after `start` the window of a quote of `size` words reaches
    (about 1.3x the quote)."""
    return size // 2 + 2, size + size // 2 + 2


def _window(index: _Index, size: int, start: int) -> tuple[int, int]:
    """Word positions (end exclusive) of the window about 1.3x a quote of `size` words around `start`."""
    before, after = _reach(size)
    return max(0, start - before), min(len(index.words), start + after)


def _alignment(text: str, joined: str) -> tuple[float, int, int] | None:
    """`fuzz.partial_ratio_alignment(text, joined)` as (score, dest_start, dest_end). Text found
    in `joined` exactly once is that alignment (no other window scores 100), without aligning."""
    if len(text) <= len(joined) and (at := joined.find(text)) >= 0 and joined.find(text, at + 1) < 0:
        return 100.0, at, at + len(text)
    alignment = fuzz.partial_ratio_alignment(text, joined)
    return None if alignment is None else (alignment.score, alignment.dest_start, alignment.dest_end)


def _score_at(index: _Index, quote: list[str], text: str, start: int) -> _Place:
    """The best alignment of `quote` in a window about 1.3x its length around `start`."""
    low, high = _window(index, len(quote), start)
    return _score_in(text, low, _joined(index.words[low:high]), start)


def _score_in(text: str, low: int, joined: str, start: int) -> _Place:
    """`_score_at` with its window's words (from position `low`) joined (a word is never empty)."""
    if not joined:
        return _Place(0.0, start, start)
    alignment = _alignment(text, joined)
    if alignment is None:
        return _Place(0.0, start, start)
    score, dest_start, dest_end = alignment
    first = low + joined.count(" ", 0, dest_start)
    last = low + joined.count(" ", 0, max(dest_start, dest_end - 1)) + 1
    return _Place(round(score, 1), first, last)


def _least_chosen(best: float) -> float:
    """The least score `_tied` can keep beside a best place scoring `best` (rising with it)."""
    return min(best - NEAR_EQUAL, max(best - TEASER_MARGIN, ACCEPT_LONG))


def _most_possible(text: str, joined: str) -> float:
    """A bound on the score of `text` in `joined` (as long or longer): a window's alignment shares
    no more characters with it, in order, than the whole window does."""
    common = LCSseq.similarity(text, joined)
    return 200.0 * common / (len(text) + common) if common else 0.0


def _places(index: _Index, quote: list[str], anchors: list[str] | None = None) -> list[_Place]:
    """The candidate places of a fragment that `_tied` may keep, best score first (position breaks
    ties). A later candidate whose window cannot score near the best so far is not aligned
    (most are not: common words point at many windows), unless it may sit where a later
    candidate does: the first candidate at a position holds it (then all are aligned)."""
    text = _joined(quote)
    candidates = _candidates(index, quote, anchors)
    aligned: list[_Place | None] = []  # each candidate's place, None where not aligned
    found: dict[int, tuple[int, _Place]] = {}  # by start: the candidate's number and its place
    passed: list[tuple[int, int, int]] = []  # candidates not aligned: number, where their place may start
    best: float | None = None
    least = 0.0  # `_least_chosen(best)`, once per best
    words, size = index.words, len(quote)
    before, after = _reach(size)  # (`_window` of each start, its reach computed once)
    for number, start in enumerate(candidates):
        low, high = max(0, start - before), min(len(words), start + after)
        joined = " ".join(words[low:high])
        # a margin for rounding: `_Place` scores are rounded, the bound is not
        if best is not None and len(text) < len(joined) and _most_possible(text, joined) + 0.5 < least:
            passed.append((number, min(low, start), max(high, start + 1)))
            aligned.append(None)
            continue
        place = _score_in(text, low, joined, start)
        aligned.append(place)
        if found.setdefault(place.start, (number, place))[1] is place and (best is None or place.score > best):
            best = place.score
            least = _least_chosen(best)
    if any(number < later and low <= at < high for number, low, high in passed for at, (later, _) in found.items()):
        return _all_places(index, quote, text, candidates, aligned)
    return sorted((place for _, place in found.values()), key=lambda p: (-p.score, p.start))


def _all_places(
    index: _Index, quote: list[str], text: str, candidates: list[int], aligned: list[_Place | None]
) -> list[_Place]:
    """Every candidate's place (the first one at a position), best score first; `aligned`: those
    known (None where not)."""
    found: dict[int, _Place] = {}
    for start, known in zip(candidates, aligned, strict=True):
        place = known if known is not None else _score_at(index, quote, text, start)
        found.setdefault(place.start, place)
    return sorted(found.values(), key=lambda p: (-p.score, p.start))


def _seconds(index: _Index, transcript: Transcript, position: int) -> int:
    return transcript.segments[index.segment_of(position)].start_seconds


def _tied(index: _Index, transcript: Transcript, places: list[_Place]) -> list[_Place]:
    best = places[0]
    tied = [p for p in places if p.score >= best.score - NEAR_EQUAL]
    if _seconds(index, transcript, best.start) < TEASER_SECONDS:
        floor = max(best.score - TEASER_MARGIN, ACCEPT_LONG)
        tied += [p for p in places if floor <= p.score < best.score - NEAR_EQUAL]
    return tied


def _choose(index: _Index, transcript: Transcript, places: list[_Place], targets: list[int]) -> _Place:
    """Among near-equal best places, the nearest to a target second; else the first past the
    teaser. A best place in the teaser also ties with a lesser (but still good) one in the body:
    the teaser and the body are transcribed separately, with different slips."""
    tied = _tied(index, transcript, places)
    if len(tied) == 1:
        return tied[0]
    if targets:

        def distance(place: _Place) -> tuple[int, float, int]:
            heard = _seconds(index, transcript, place.start)  # once per place, not per target
            return (min(abs(heard - target) for target in targets), -place.score, place.start)

        return min(tied, key=distance)
    body = [p for p in tied if _seconds(index, transcript, p.start) >= TEASER_SECONDS]
    return body[0] if body else tied[0]


def _pieces(quote: str) -> list[str]:
    """The quote's `...` fragments, an editor's `[insertion]` dropped."""
    return [_INSERTION.sub(" ", piece) for piece in _ELLIPSIS.split(quote)]


def _sentences(pieces: list[str]) -> list[str]:
    return [sentence for piece in pieces for sentence in _SENTENCE_END.split(piece)]


def _words_of_pieces(pieces: list[str]) -> list[list[str]]:
    parts = [words_of(part)[:MAX_FRAGMENT_WORDS] for part in pieces]
    long_parts = [part for part in parts if len(part) >= MIN_FRAGMENT_WORDS]
    return long_parts or [words for words in ([w for part in parts for w in part],) if words]


def _excerpt(transcript: Transcript, index: _Index, place: _Place) -> str:
    first = index.segment_of(place.start)
    last = index.segment_of(max(place.start, place.end - 1))
    text = " ".join(segment.text for segment in transcript.segments[first : last + 1])
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1].rstrip() + "…"


def turn_labels(written: list[str | None]) -> list[str | None]:
    """Each segment's speaker label; an unlabelled run between two lines of one label takes it
    (a diarizer drops a line's label inside a turn). A run between two labels stays unlabelled:
    the turn changes somewhere in it. `written` itself when no run is filled in."""
    labels = written  # copied at the first run filled in
    previous: str | None = None  # the last label seen
    run_start = 0  # where the current unlabelled run began
    for number, label in enumerate(written):
        if label is None:
            continue
        if previous == label and run_start < number:
            if labels is written:
                labels = list(written)
            labels[run_start:number] = [label] * (number - run_start)
        previous, run_start = label, number + 1
    return labels


def turn_start_labels(written: list[str | None]) -> list[str | None]:
    """`written`, or where the transcript writes a label only where a turn starts (`**Jane Roe:**`
    on a turn's first line: few lines labelled, and a label seldom follows one of its own), each
    label carried to the lines after it, up to the next one."""
    labelled = [label for label in written if label is not None]
    if len(labelled) < TURN_STARTS_SEEN or len(labelled) > TURN_STARTS_SHARE * len(written):
        return written
    repeats = sum(map(str.__eq__, labelled, labelled[1:]))
    if repeats > TURN_STARTS_REPEATS * (len(labelled) - 1):
        return written  # (a label repeated line after line: lines labelled one by one, some dropped)
    carried: list[str | None] = []
    last: str | None = None
    for label in written:
        last = label if label is not None else last
        carried.append(last)
    return carried


def _span_label(labels: list[str | None], index: _Index, place: _Place) -> str | None:
    """The label on (nearly) all of the passage's words; None where the passage crosses a change
    of label: labels lag a line at a turn change, so the words on either side are in doubt."""
    counts: Counter[str | None] = Counter()
    end = max(place.start + 1, place.end)
    starts = index.starts
    for number in range(index.segment_of(place.start), index.segment_of(end - 1) + 1):
        after = starts[number + 1] if number + 1 < len(starts) else len(index.words)
        counts[labels[number]] += min(end, after) - max(place.start, starts[number])
    label, most = counts.most_common(1)[0]
    return label if most >= ONE_LABEL * sum(counts.values()) else None


def _one_label(labels: list[str | None], index: _Index, places: list[_Place]) -> str | None:
    """The label of the quote's first piece (see `_span_label`), unless a later piece has another
    (a piece across a change of label is in doubt, and tells nothing)."""
    first, *rest = places
    label = _span_label(labels, index, first)
    if label is None or any(_span_label(labels, index, place) not in (None, label) for place in rest):
        return None
    return label


_GROUNDING_DEFAULTS = dict.fromkeys(QuoteGrounding.model_fields)  # all None (`grounding` is always given)


def _found(**values: object) -> QuoteGrounding:
    """`QuoteGrounding(**values)` without validation (a grounding per quote): each value is
    already of its field's type, and the rest keep their default, None."""
    return made(QuoteGrounding, {**_GROUNDING_DEFAULTS, **values}, set(values))


class QuoteFinder:
    """Finds quotes in one transcript; the transcript is indexed once."""

    def __init__(self, transcript: Transcript, quotes: list[str] | None = None):
        """`quotes`: the quotes to be found, when known (only their words are indexed)."""
        self.transcript = transcript
        self.index = _Index(transcript)
        self._split: dict[str, tuple[list[str], list[list[str]]]] = {}  # by `...`: the pieces, their words
        self._by_sentence: dict[str, list[list[str]]] = {}  # a quote's sentences in words
        # a fragment's places, by its words: a quote quoted twice, a fragment that is one sentence
        self._placed: dict[tuple[str, ...], list[_Place]] = {}
        self._anchors: dict[tuple[str, ...], list[str]] = {}  # a fragment's, by its words (when quotes are known)
        # the known quotes whose sentences have no anchors yet: most quotes are found whole, and
        # the sentences of all are given theirs (in one pass) when the first is not
        self._unsplit: list[str] = []
        if quotes is not None:  # the anchors of all of them, found in one pass
            self._find_anchors([self._fragments(quote) for quote in quotes])
            self._unsplit = quotes

    def _find_anchors(self, splits: list[list[list[str]]]) -> None:
        """The anchors of each fragment of `splits` that has none yet, located in one pass."""
        counts = self.index.counts
        distinct = {tuple(words) for split in splits for words in split}.difference(self._anchors)  # each once
        # every word ranked once as `_anchors` orders them (a total order): each fragment's
        # anchors are then its first words by rank
        ranked = _anchors(counts, set().union(*distinct) & counts.keys(), None)
        rank = dict(zip(ranked, range(len(ranked)), strict=True))
        anchors = {words: sorted(set(words) & rank.keys(), key=rank.__getitem__)[:MAX_ANCHORS] for words in distinct}
        self._anchors.update(anchors)
        self.index.locate({anchor for found in anchors.values() for anchor in found})

    def _find_sentence_anchors(self) -> None:
        """The anchors of the known quotes' sentences, when a quote is first placed sentence by sentence."""
        if self._unsplit:
            quotes, self._unsplit = self._unsplit, []
            self._find_anchors([self._fragments(quote, sentences=True) for quote in quotes])

    @functools.cached_property
    def written_labels(self) -> list[str | None]:
        """Each segment's label as written (`turn_start_labels`), read once a quote is found in the transcript."""
        return turn_start_labels([segment.label for segment in self.transcript.segments])

    @functools.cached_property
    def turn_labels(self) -> list[str | None]:
        """`turn_labels` of the written labels, read once a quote is found in the transcript."""
        return turn_labels(self.written_labels)

    def _fragments(self, quote: str, sentences: bool = False) -> list[list[str]]:
        """The quote's `...` fragments in words, or with `sentences` its sentences (summaries drop
        whole sentences from long quotes without marking the cut). Split each way once per quote
        (read, never changed), by sentence only when asked: a quote of one sentence between cuts
        (most) gives the same words."""
        if (split := self._split.get(quote)) is None:
            pieces = _pieces(quote)
            split = self._split[quote] = (pieces, _words_of_pieces(pieces))
        pieces, fragments = split
        if not sentences:
            return fragments
        if (by_sentence := self._by_sentence.get(quote)) is None:
            sentence_pieces = _sentences(pieces)
            by_sentence = fragments if sentence_pieces == pieces else _words_of_pieces(sentence_pieces)
            self._by_sentence[quote] = by_sentence
        return by_sentence

    def find(self, quote: str, seconds: int | None) -> QuoteGrounding:
        index, transcript = self.index, self.transcript
        targets = [] if seconds is None else [seconds, seconds + HOUR, seconds - HOUR]
        if not index.words:
            return _found(grounding=Grounding.NOT_IN_TRANSCRIPT)
        if index.chinese and not is_chinese(quote):
            return self._translated(seconds)
        fragments = self._fragments(quote)
        if not fragments:
            return _found(grounding=Grounding.NOT_IN_TRANSCRIPT)
        words = sum(len(fragment) for fragment in fragments)
        threshold = ACCEPT_LONG if words >= LONG_WORDS else ACCEPT
        score, chosen = self._place(fragments, targets)
        verbatim = score >= VERBATIM
        if score < threshold and len(by_sentence := self._fragments(quote, sentences=True)) > len(fragments):
            # found sentence by sentence, with unmarked cuts between them: approximate at best
            self._find_sentence_anchors()
            by_sentence_score, by_sentence_chosen = self._place(by_sentence, targets)
            if by_sentence_score > score:
                fragments, score, chosen = by_sentence, by_sentence_score, by_sentence_chosen
        if score < threshold and not (score >= ACCEPT_LONG and self._near(chosen, targets)):
            return _found(grounding=Grounding.NOT_IN_TRANSCRIPT, score=score)
        number, first = next((n, p) for n, p in enumerate(chosen) if p is not None)
        first = self._first_words(fragments[number], first)
        segment = transcript.segments[index.segment_of(first.start)]
        # a quote cut with `...` may join a question to its answer: every piece found must be one voice's
        places = [first, *(place for n, place in enumerate(chosen) if n > number and place and place.score >= ACCEPT)]
        return _found(
            grounding=Grounding.VERBATIM if verbatim else Grounding.APPROXIMATE,
            heard_at=segment.start_seconds,
            score=score,
            label=self.written_labels[index.segment_of(first.start)],
            span_label=(span := _one_label(self.written_labels, index, places)),
            # (the same reading where no line of the transcript had its label filled in)
            turn_label=span if self.turn_labels is self.written_labels else _one_label(self.turn_labels, index, places),
            excerpt=_excerpt(transcript, index, first),
        )

    def _near(self, chosen: list[_Place | None], targets: list[int]) -> bool:
        """A short quote one word off (`eating your own dog food` for `eating its own`) still scores
        under ACCEPT: where the summary's timestamp (or an hour either way) agrees, it is found."""
        first = next((place for place in chosen if place is not None), None)
        if first is None:
            return False
        heard = _seconds(self.index, self.transcript, first.start)
        return any(abs(heard - target) <= NEAR_SECONDS for target in targets)

    def _first_words(self, fragment: list[str], place: _Place) -> _Place:
        """The place with its start moved to where the fragment's first words align best (a long
        quote's alignment can start early, inside words the summary left out)."""
        head = fragment[:HEAD_WORDS]
        if len(fragment) <= len(head):
            return place
        low = max(0, place.start - len(fragment))
        window = self.index.words[low : min(place.end, len(self.index.words))]
        joined = _joined(window)
        alignment = _alignment(_joined(head), joined)
        if alignment is None or alignment[0] < HEAD_SCORE:
            return place
        start = low + joined.count(" ", 0, alignment[1])
        return _Place(place.score, start, max(start + 1, place.end))

    def _places(self, fragment: list[str]) -> list[_Place]:
        """`_places(index, fragment)`, scored once per distinct fragment (read, never changed)."""
        key = tuple(fragment)
        if (places := self._placed.get(key)) is None:
            places = self._placed[key] = _places(self.index, fragment, self._anchors.get(key))
        return places

    def _place(self, fragments: list[list[str]], targets: list[int]) -> tuple[float, list[_Place | None]]:
        """The fragments' places and the quote's score (the mean of theirs, weighted by length):
        each fragment placed nearest the others' unambiguous places, or the summary's timestamp."""
        index, transcript = self.index, self.transcript
        placed = [self._places(fragment) for fragment in fragments]
        sure = {
            number: _seconds(index, transcript, places[0].start)
            for number, places in enumerate(placed)
            if places and places[0].score >= ACCEPT and len(_tied(index, transcript, places)) == 1
        }
        chosen: list[_Place | None] = []
        for number, places in enumerate(placed):
            others = [seconds for n, seconds in sorted(sure.items()) if n != number]
            chosen.append(_choose(index, transcript, places, others or targets) if places else None)
        total = sum(len(fragment) for fragment in fragments)
        weighted = sum(len(f) * (p.score if p else 0.0) for f, p in zip(fragments, chosen, strict=True))
        return round(weighted / total, 1), chosen

    def _translated(self, seconds: int | None) -> QuoteGrounding:
        """An English quote of Chinese audio: not matchable as text; the line at its timestamp."""
        if seconds is None:
            return _found(grounding=Grounding.TRANSLATED)
        segments = self.transcript.segments
        before = [s for s in segments if s.start_seconds <= seconds]
        segment = before[-1] if before else segments[0]
        text = segment.text if len(segment.text) <= EXCERPT_CHARS else segment.text[: EXCERPT_CHARS - 1] + "…"
        return _found(grounding=Grounding.TRANSLATED, heard_at=segment.start_seconds, excerpt=text)


def ground_claims(claims: tuple[ClaimEntry, ...], transcript: Transcript | None) -> tuple[ClaimEntry, ...]:
    """`claims` with `grounding` filled from `transcript` (unchanged when there is none)."""
    if transcript is None or not claims:
        return claims
    finder = QuoteFinder(transcript, [claim.text for claim in claims])
    return tuple(claim.model_copy(update={"grounding": finder.find(claim.text, claim.seconds)}) for claim in claims)
