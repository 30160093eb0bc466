"""The transcript reader: timed, labelled segments from the transcript formats we see."""

from __future__ import annotations

import pickle
import random
from collections import Counter
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kgraph.errors import DocumentError
from kgraph.parse.document import Segment
from kgraph.sources import transcript
from kgraph.sources.transcript import parse_transcript


def segments(text: str) -> list[tuple[int, str | None, str]]:
    return [(s.start_seconds, s.label, s.text) for s in parse_transcript("t.md", text).segments]


def test_header_is_left_out_and_untimed_lines_join_the_segment_before() -> None:
    text = (
        "# Kelp and Robots\n\n**Podcast:** Harbor Talks\n\n---\n\n"
        "[00:00:01] Orla Penhallow: Welcome,\neveryone.\n\n"
        "[00:01:02] Orla Penhallow: Next.\n"
    )
    assert segments(text) == [(1, "Orla Penhallow", "Welcome, everyone."), (62, "Orla Penhallow", "Next.")]


def test_a_label_counts_only_when_it_recurs_or_looks_diarized() -> None:
    text = (
        "[00:00:01] Note: the audio drops here.\n"  # once: text, not a speaker
        "[00:00:02] SPEAKER_03: Hello.\n"  # once, but a diarization label
        "[00:00:03] Ines Varga: One.\n"
        "[00:00:04] Ines Varga: Two.\n"
    )
    assert segments(text) == [
        (1, None, "Note: the audio drops here."),
        (2, "SPEAKER_03", "Hello."),
        (3, "Ines Varga", "One."),
        (4, "Ines Varga", "Two."),
    ]


def test_timestamp_variants() -> None:
    text = (
        "[01:05] Ines Varga: minutes and seconds\n"
        "[1:02:03] Ines Varga: hours\n"
        "[00:18:50.740 --> 00:18:50.980] Okay.\n"
        "**Ines Varga** [00:20:00]: label first\n"
        "[00:21:00] **Ines Varga:** bold label\n"
        "[00:22:00] No label here, and a time: 10:30 in the text\n"
    )
    assert segments(text) == [
        (65, "Ines Varga", "minutes and seconds"),
        (3723, "Ines Varga", "hours"),
        (1130, None, "Okay."),
        (1200, "Ines Varga", "label first"),
        (1260, "Ines Varga", "bold label"),
        (1320, None, "No label here, and a time: 10:30 in the text"),
    ]


def test_a_speaker_change_in_mid_line_starts_a_segment_at_the_same_time() -> None:
    text = (
        "[00:00:00] **Ines Varga:** Why robots? **Tomas Bell:** Because boats cost too much. **Aside:** hm\n"
        "[00:00:09] **Tomas Bell:** And fuel. **Ines Varga:** Right.\n"
    )
    assert segments(text) == [
        (0, "Ines Varga", "Why robots?"),
        (0, "Tomas Bell", "Because boats cost too much. **Aside:** hm"),  # `Aside` once: text
        (9, "Tomas Bell", "And fuel."),
        (9, "Ines Varga", "Right."),
    ]


def test_no_timestamps_no_segments() -> None:
    assert segments("**Speaker 1:** hello there everyone\n") == []


def test_pickles_by_columns_and_back_to_equal_models() -> None:
    parsed = parse_transcript("t.md", "[00:00:01] SPEAKER_00: a\n[00:00:02] b\n")
    assert pickle.loads(pickle.dumps(parsed)) == parsed
    assert parsed.segments[1] == Segment(start_seconds=2, label=None, text="b")


def test_reader_reads_a_file_and_refuses_one_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "transcript.md"
    path.write_text("[00:00:01] SPEAKER_00: a\n", encoding="utf-8")
    assert transcript.READER.read(path, "ep/transcript.md").segments[0].label == "SPEAKER_00"
    monkeypatch.setattr(transcript, "MAX_BYTES", 10)
    with pytest.raises(DocumentError, match="ep/transcript.md: transcript is larger than 10 bytes"):
        transcript.READER.read(path, "ep/transcript.md")


@given(st.lists(st.sampled_from(["[00:00:01] ", "[12:34] ", "**A:** ", "A: ", "SPEAKER_1: ", "x ", "\n", "*", "["])))
def test_any_text_parses_into_nonempty_segments(pieces: list[str]) -> None:
    parsed = parse_transcript("t.md", "".join(pieces))
    assert all(segment.text and segment.text == segment.text.strip() for segment in parsed.segments)


# -- the fast paths pinned to the reader they replaced ---------------------------------------------
# The reader before its fast paths (a `[HH:MM:SS]` start without the general expression, labels
# looked for only where a colon is near, segments as named tuples): kept here, in short, to compare.
def _reference(text: str) -> list[tuple[int, str | None, str]]:
    lines = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        timed = transcript._TIMED.fullmatch(line)
        if timed is None:
            lines.append((None, None, line, line))
            continue
        at = int(timed["hours"] or 0) * 3600 + int(timed["minutes"]) * 60 + int(timed["seconds"])
        rest = timed["rest"]
        if timed["before"]:
            after = rest.removeprefix(":").strip()
            lines.append((at, timed["before"].strip(), after, after))
        elif (label := transcript._LABEL.match(rest)) is None:
            lines.append((at, None, rest, rest))
        else:
            lines.append((at, (label["bold"] or label["plain"]).strip(), rest[label.end() :], rest))
    counts: Counter[str] = Counter()
    for _, label, after, _ in lines:
        counts.update([label] if label is not None else [])
        counts.update(m["label"].strip() for m in transcript._INLINE_LABEL.finditer(after))

    def counts_as(label: str) -> bool:
        return counts[label] > 1 or bool(transcript._DIARIZED.fullmatch(label))

    out: list[tuple[int, str | None, str]] = []
    start, speaker, words = None, None, []
    for seconds, label, after, whole in lines:
        if seconds is not None:
            if start is not None and words:
                out.append((start, speaker, " ".join(words)))
            start, speaker, words, said = seconds, None, [], whole
            if label is not None and counts_as(label):
                speaker, said = label, after
        elif start is None:
            continue
        else:
            said = whole
        position = 0
        for match in transcript._INLINE_LABEL.finditer(said):
            if not counts_as(name := match["label"].strip()):
                continue
            if before := said[position : match.start()].strip():
                words.append(before)
            if words:
                out.append((start, speaker, " ".join(words)))
            speaker, words, position = name, [], match.end()
        if rest := said[position:].strip():
            words.append(rest)
    if start is not None and words:
        out.append((start, speaker, " ".join(words)))
    return out


_PIECES = [
    "[00:00:01] ",
    "[12:34] ",
    "[1:02:03]",
    "[123:45:06] ",
    "[00:18:50.740 --> 00:18:50.980] ",
    "[0:1]",
    "[٠١:٠٢] ",
    "**A:** ",
    "**A**: ",
    "**A** ",
    "**B** [00:00:07]: ",
    "A: ",
    "SPEAKER_1: ",
    "Speaker 2:",
    "x ",
    "y:",
    "z",
    " ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "*",
    "**",
    "[",
    "]",
    ":",
    "https://x.y ",
    "a" * 45 + ": ",
    "b" * 39 + ": ",
    "\u2028",
    "\x85",
]


_STAMPS = ["", "[00:00:01] ", "[12:34]", "[1:02:03]  ", "[00:18:50.740 --> 00:18:50.980] ", "**B** [00:00:07]: ", "["]
_LABELS = [
    "",
    "A: ",
    "**A:** ",
    "**A** : ",
    "**A**" + " " * 40 + ": ",
    "b" * 39 + ": ",
    "c" * 40 + ": ",
    "SPEAKER_1:",
    "x:y ",
]
_TEXTS = ["", "so. **A:** yes", "well: no", "**", "a ** b", "x **C:** y **C:** z", " \t"]
_LINES = st.builds(lambda *parts: "".join(parts), *(st.sampled_from(c) for c in (_STAMPS, _LABELS, _TEXTS)))


@given(st.lists(st.sampled_from(_PIECES), max_size=40) | st.lists(_LINES, max_size=12).map("\n".join))
def test_the_fast_paths_segment_as_the_general_expressions_do(pieces: list[str] | str) -> None:
    text = "".join(pieces)
    assert segments(text) == _reference(text)
    assert all(type(segment) is Segment for segment in parse_transcript("t.md", text).segments)


def test_the_reference_is_no_stand_in() -> None:  # it can tell a label from a label's absence
    assert _reference("[00:00:01] A: x\n[00:00:02] A: y\n") == [(1, "A", "x"), (2, "A", "y")]
    assert _reference("[00:00:01] A: x\n") == [(1, None, "A: x")]


# -- the whole-text pass pinned to the per-line one it replaced --------------------------------------
def _per_line(text: str) -> list[tuple[int | None, str | None, str, str]]:  # the replaced comprehension
    return [parsed for raw in text.split("\n") if (parsed := transcript._line(raw)) is not None]


_SPACES = ["", " ", "\t", "  \u00a0", "\r", "\x85", "\u2028", "\x1c", "\u3000"]
_EDGES = st.builds(
    lambda lead, line, trail: lead + line + trail, st.sampled_from(_SPACES), _LINES, st.sampled_from(_SPACES)
)


@given(
    st.lists(st.sampled_from(_PIECES + _SPACES), max_size=40).map("".join)
    | st.lists(_EDGES, max_size=12).map("\n".join)
    | st.text(alphabet=st.sampled_from("[]0123:.* \t\n\rA_b**"), max_size=60)
)
def test_the_whole_text_pass_reads_each_line_as_the_per_line_reader(text: str) -> None:
    assert transcript._lines(text) == _per_line(text)


def test_the_whole_text_pass_is_pinned_where_it_could_slip() -> None:
    # trailing whitespace after a label alone, a colon past a label's 40 characters, other digits
    for text in ("[00:01] A:  \t\n", "[00:01] " + "a" * 40 + ": x", "[٠١:٠٢] A: x", "[1:02:03]A:\r\n", " \n\n"):
        assert transcript._lines(text) == _per_line(text)
    assert transcript._lines("[00:01] A:  \n[02:03] B: y z ") == [(1, "A", "", "A:"), (123, "B", "y z", "B: y z")]


# -- many generated lines: odd whitespace and digits, labels at the 40-character edge -------------------
_ODD_SPACES = " \t\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029\u3000\u00a0\u2000\u202f\u1680\u200b\ufeff"
_DIGIT_SETS = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९", "０１２３４５６７８９", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗", "①²"]
_ODD_TEXT = ["*", "**", "[", "]", ":", ": ", "’", "é", "e\u0301", "模型", "😀", "\U0010fffd", "—", "-->", "\ud800"]
_NAMES = ["A", "Jane Doe", "SPEAKER_1", "Speaker 2", "李雷", "x y"]


def _generated_line(rng: random.Random) -> str:
    def spaces() -> str:
        return "".join(rng.choice(_ODD_SPACES) for _ in range(rng.choice([0, 0, 1, 1, 2, 3])))

    def number(size: int) -> str:
        digits = rng.choice(_DIGIT_SETS) if rng.random() < 0.2 else "0123456789"
        return "".join(rng.choice(digits) for _ in range(size))

    def name() -> str:
        size = rng.choice([1, 5, 39, 40, 41, rng.randint(0, 45)])
        return "".join(rng.choice("abc *[:é" + _ODD_SPACES[:4]) for _ in range(size)) or rng.choice(_NAMES)

    stamp = rng.choice(
        [
            f"[{number(2)}:{number(2)}:{number(2)}]",
            f"[{number(2)}:{number(2)}]",
            f"[{number(3)}:{number(2)}:{number(2)}]",
            f"[{number(rng.randint(0, 4))}:{number(rng.randint(0, 3))}]",
            f"[{number(2)}:{number(2)}.{number(3)} --> {number(2)}:{number(2)}]",
            "",
            "[",
        ]
    )
    label = rng.choice(
        [
            "",
            f"{rng.choice(_NAMES)}:",
            f"{name()}:",
            f"**{name()}:**",
            f"**{name()}**:",
            f"**{name()}**{spaces()}:",
            f"**{rng.choice(_NAMES)}**",
            f"{name()}:x",
        ]
    )
    said = " ".join(
        rng.choice(["so", "well: no", f"**{rng.choice(_NAMES)}:**", *_ODD_TEXT]) for _ in range(rng.randint(0, 5))
    )
    if rng.random() < 0.1:
        return spaces() + f"**{name()}**" + spaces() + stamp + rng.choice([":", ""]) + spaces() + said
    return spaces() + stamp + spaces() + label + spaces() + said + spaces()


@pytest.mark.parametrize("seed", range(4))
def test_generated_transcripts_read_as_the_per_line_reader_reads_them(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(25):  # about 2,000 lines
        text = rng.choice(["\n", "\r\n", "\n\n"]).join(_generated_line(rng) for _ in range(rng.choice([1, 10, 200])))
        assert transcript._lines(text) == _per_line(text)
        with mock.patch.object(transcript, "_lines", _per_line):
            expected = parse_transcript("t.md", text).segments
        assert parse_transcript("t.md", text).segments == expected


# -- segments made at C speed, pinned to the loop that made each with `Segment(...)` -----------------
def _segments_as_written(lines: list, counts: Counter[str]) -> list[Segment]:
    import sys

    def counts_as_label(label: str) -> bool:
        return counts[label] > 1 or bool(transcript._DIARIZED.fullmatch(label))

    segments: list[Segment] = []
    start: int | None = None
    label: str | None = None
    words: list[str] = []
    for seconds, line_label, after_label, text in lines:
        if seconds is not None:
            if start is not None and words:
                segments.append(Segment(start, label, " ".join(words)))
            start, label, words = seconds, None, []
            if line_label is not None and counts_as_label(line_label):
                label, text = sys.intern(line_label), after_label
        elif start is None:
            continue
        if "**" in text:
            position = 0
            for match in transcript._INLINE_LABEL.finditer(text):
                name = match["label"].strip()
                if not counts_as_label(name):
                    continue
                if before := text[position : match.start()].strip():
                    words.append(before)
                if words:
                    segments.append(Segment(start, label, " ".join(words)))
                label, words, position = sys.intern(name), [], match.end()
            text = text[position:]
        if text := text.strip():
            words.append(text)
    if start is not None and words:
        segments.append(Segment(start, label, " ".join(words)))
    return segments


def _label_counts(lines: list) -> Counter[str]:  # as `parse_transcript` counts them
    counts = Counter(label for _, label, _, _ in lines if label is not None)
    counts.update(
        m["label"].strip()
        for _, _, after, _ in lines
        if "**" in after
        for m in transcript._INLINE_LABEL.finditer(after)
    )
    return counts


@pytest.mark.parametrize("seed", range(4))
def test_segments_are_the_ones_the_loop_first_made(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(25):
        text = "\n".join(_generated_line(rng) for _ in range(rng.choice([1, 10, 200])))
        # names seen once, twice, in mid-line only, diarized (`Speaker 2`) or not
        text += "\n[00:01] SPEAKER_3: a **x y:** b **Speaker 2:** c\n[00:02] x y: d\n[00:03] x y: **A:** e"
        # a label seen once, read again whole: its own `**Speaker 9**` is a mid-line label never counted
        text += "\n[00:04] x **Speaker 9**: f"
        lines = transcript._lines(text)
        counts = _label_counts(lines)
        made = transcript._segments(lines, counts)
        assert made == _segments_as_written(lines, counts)
        assert all(type(segment) is Segment for segment in made)


@given(st.lists(_LINES, max_size=12).map("\n".join))
def test_segments_of_short_texts_are_the_ones_the_loop_first_made(text: str) -> None:
    lines = transcript._lines(text)
    assert transcript._segments(lines, _label_counts(lines)) == _segments_as_written(lines, _label_counts(lines))
