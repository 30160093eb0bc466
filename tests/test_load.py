"""Discovery and safe reading: side files ignored, bad files skipped with a one-line reason."""

from __future__ import annotations

from pathlib import Path

import pytest

import kgraph
from kgraph.errors import DocumentError
from kgraph.sources import read_document
from kgraph.sources.files import discover
from kgraph.sources.summary import MAX_BYTES
from tests.parse_fixtures import fixture_text


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "summary.md").write_text(fixture_text("gen_a.md"), encoding="utf-8")
    (tmp_path / "a" / "transcript.md").write_text("**Speaker 1:** hello there everyone\n", encoding="utf-8")
    (tmp_path / "a" / "transcript_raw.md").write_text("raw words\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Shopping list\n\n- kelp\n", encoding="utf-8")
    return tmp_path


def test_transcripts_are_not_candidates(folder: Path) -> None:
    assert [c.source for c in discover([folder])] == ["a/summary.md", "notes.md"]


def test_non_summary_in_folder_is_skipped_silently(folder: Path) -> None:
    graph = kgraph.build([folder])
    assert graph.report.skipped == []
    assert graph.report.documents_built == 1


def test_explicit_non_summary_file_is_an_error(folder: Path) -> None:
    (candidate,) = discover([folder / "notes.md"])
    with pytest.raises(DocumentError, match="notes.md: not a summary"):
        read_document(candidate)


def test_transcript_beside_summary_is_read(folder: Path) -> None:
    (candidate,) = discover([folder / "a" / "summary.md"])
    assert read_document(candidate).transcript.startswith("**Speaker 1:**")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"**Podcast:** X\n\x00\x01\x02binary", "binary file"),
        (b"# T\n\n**Podcast:** Caf\xe9 Talk\n", "line 3: not UTF-8"),
    ],
)
def test_unreadable_file_is_skipped_and_rest_builds(folder: Path, content: bytes, reason: str) -> None:
    (folder / "bad.md").write_bytes(content)
    graph = kgraph.build([folder])
    assert graph.report.documents_built == 1
    assert [s["file"] for s in graph.report.skipped] == ["bad.md"]
    assert reason in graph.report.skipped[0]["reason"]


def test_not_utf8_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.md"
    path.write_bytes(b"# T\n\n**Podcast:** Caf\xe9 Talk\n")
    with pytest.raises(DocumentError) as caught:
        read_document(discover([path])[0])
    assert str(caught.value).startswith("latin.md:3: not UTF-8")


def test_oversize_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    path.write_bytes(b"**Podcast:** X\n" + b"a" * (MAX_BYTES + 1))
    with pytest.raises(DocumentError, match="huge.md: file is .* over the"):
        read_document(discover([path])[0])
