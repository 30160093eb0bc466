"""The transcript reader: timed, labelled segments from the transcript formats we see."""

from __future__ import annotations

import pickle
from pathlib import Path

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
