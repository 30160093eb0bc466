"""The readers registry and the summary reader: which files are summaries (one definition of
section names), the transcript found beside or linked from a summary, and what it attaches."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

import kgraph
from kgraph import sources
from kgraph.errors import DocumentError, UsageError
from kgraph.extract.results import DocumentExtraction
from kgraph.sources import files as sources_files
from kgraph.sources import read_document, summary, transcript
from kgraph.sources.anchors import transcript_anchors
from kgraph.sources.files import discover
from kgraph.sources.summary import SourceDocument, extract_source, is_summary
from tests.parse_fixtures import fixture_text

TRANSCRIPT = """# Tidewater Robotics

**Podcast:** Harbor Talks

---

[00:00:00] Orla Penhallow: Welcome back to the show.
[00:00:04] Tobias Quarrington: Thanks for having me,
it is good to be here.
[00:00:09] Orla Penhallow: Let us talk about kelp.
"""


@pytest.fixture
def episode(tmp_path: Path) -> Path:
    folder = tmp_path / "Harbor Talks" / "kelp"
    folder.mkdir(parents=True)
    (folder / "summary.md").write_text(fixture_text("gen_a.md"), encoding="utf-8")
    (folder / "transcript.md").write_text(TRANSCRIPT, encoding="utf-8")
    return folder


# -- the registry ---------------------------------------------------------------------------------
def test_built_in_readers_are_found_by_file_name() -> None:
    assert [reader.name for reader in sources.readers()][:2] == ["transcript", "summary"]
    assert sources.reader_for(Path("show/ep/transcript_raw.md")).name == "transcript"
    assert sources.reader_for(Path("show/ep/summary.md")).name == "summary"
    assert sources.reader_for(Path("show/ep/slides.pdf")) is None


def test_a_reader_registered_by_import_path_is_imported_when_first_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "_REGISTRY", dict(sources._REGISTRY))
    monkeypatch.setattr(sources, "_in_order", None)
    sources.register("subtitles", "tests.test_sources:SUBTITLES")
    assert isinstance(sources._REGISTRY["subtitles"], str)  # lazy until asked for
    assert sources.reader_for(Path("ep/talk.vtt")) is SUBTITLES
    assert sources._REGISTRY["subtitles"] is SUBTITLES


def _plugins(monkeypatch: pytest.MonkeyPatch, value: str) -> list[str]:
    """Registry state as at start-up, with one plugin reader `value` behind the entry point group;
    the groups looked up are listed in the returned list."""
    import importlib.metadata

    lookups: list[str] = []

    def entry_points(group: str) -> list[importlib.metadata.EntryPoint]:
        lookups.append(group)
        plugin = importlib.metadata.EntryPoint(name="subtitles", value=value, group=sources.ENTRY_POINT_GROUP)
        return [plugin] if group == sources.ENTRY_POINT_GROUP else []

    monkeypatch.setattr(sources, "_REGISTRY", dict(sources._REGISTRY))
    monkeypatch.setattr(sources, "_in_order", None)
    monkeypatch.setattr(sources, "_plugins_loaded", False)
    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    return lookups


def test_a_plugin_adds_a_reader_through_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    _plugins(monkeypatch, "tests.test_sources:SUBTITLES")
    assert sources.get_reader("subtitles") is SUBTITLES
    assert sources.reader_for(Path("ep/talk.vtt")) is SUBTITLES


def test_a_plugin_is_found_for_a_file_no_built_in_reader_takes(monkeypatch: pytest.MonkeyPatch) -> None:
    lookups = _plugins(monkeypatch, "tests.test_sources:SUBTITLES")
    assert sources.reader_for(Path("ep/talk.vtt")) is SUBTITLES
    assert lookups == [sources.ENTRY_POINT_GROUP]
    assert [reader.name for reader in sources.readers()] == ["transcript", "summary", "subtitles"]
    assert lookups == [sources.ENTRY_POINT_GROUP]  # looked up once


def test_plugins_are_not_looked_up_while_the_built_in_readers_take_every_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # importlib.metadata's lookup costs a build of summaries (and a rebuild) about 15 ms
    lookups = _plugins(monkeypatch, "tests.test_sources:EVERYTHING")
    (tmp_path / "ep").mkdir()
    (tmp_path / "ep" / "summary.md").write_text(fixture_text("gen_a.md"), encoding="utf-8")
    (tmp_path / "ep" / "transcript.md").write_text(TRANSCRIPT, encoding="utf-8")
    (candidate,) = discover([tmp_path])
    assert sources.read_document(candidate) is not None
    assert sources.reader_for(Path("ep/transcript_raw.md")) is sources.get_reader("transcript")
    assert sources.document_reader_for(Path("ep/transcript.md")) is None  # a transcript is no document
    assert lookups == []
    # a file none of them takes is offered to the plugins, which come after them
    (tmp_path / "ep" / "slides.pdf").write_bytes(b"%PDF-1.4\n")
    assert [found.source for found in discover([tmp_path])] == ["ep/slides.pdf", "ep/summary.md"]
    assert lookups == [sources.ENTRY_POINT_GROUP]
    assert sources.document_reader_for(Path("ep/summary.md")) is sources.get_reader("summary")
    assert sources.document_reader_for(Path("ep/transcript.md")) is None


def test_an_unknown_reader_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown reader 'pdf'"):
        sources.get_reader("pdf")


class _Subtitles:
    name = "subtitles"
    description = "WebVTT subtitles"

    def accepts(self, path: Path) -> bool:
        return path.suffix == ".vtt"


SUBTITLES = _Subtitles()


class _Everything:
    """A plugin document reader that would take any file (it never reads one here)."""

    name = "everything"
    description = "every file"

    def accepts(self, path: Path) -> bool:
        return True

    def read(self, candidate: object) -> None:
        raise AssertionError("not reached")

    def extract(self, document: object) -> None:
        raise AssertionError("not reached")


EVERYTHING = _Everything()


# -- which files are summaries --------------------------------------------------------------------
def test_sections_named_as_the_parser_names_them_make_a_summary(tmp_path: Path) -> None:
    """`## Key Theme` and `## Contrarian Views` without a `**Podcast:**` field: the parser finds two
    sections, so reading must take the file (it used to be ignored in a folder, refused when named)."""
    (tmp_path / "notes.md").write_text(fixture_text("singular_sections.md"), encoding="utf-8")
    graph = kgraph.build([tmp_path])
    assert graph.report.documents_built == 1
    assert graph.report.skipped == []
    assert read_document(discover([tmp_path / "notes.md"])[0]) is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**Podcast:** Harbor Talks\n", True),
        ("# Notes\n\n## Companies & Organizations Identified\n\n- Acme\n", True),
        ("# Notes\n\n### 3. Overlooked Insight\n", True),
        ("# Notes\n\n#### Key Themes\n", False),  # deeper than a section heading
        ("# Notes\n\n## Key Themes we missed\n", False),  # not a section name
        ("# Shopping list\n\n- kelp\n", False),
    ],
)
def test_what_counts_as_a_summary(text: str, expected: bool) -> None:
    assert is_summary(text) is expected


# -- the transcript beside a summary --------------------------------------------------------------
def test_transcript_beside_summary_is_attached_in_segments(episode: Path) -> None:
    (candidate,) = discover([episode.parent.parent])
    document = read_document(candidate)
    assert document.transcript == TRANSCRIPT
    extraction = extract_source(document)
    assert extraction.transcript is not None
    assert extraction.transcript.path == "Harbor Talks/kelp/transcript.md"
    assert [(s.start_seconds, s.label) for s in extraction.transcript.segments] == [
        (0, "Orla Penhallow"),
        (4, None),  # Tobias speaks once: his label is text
        (9, "Orla Penhallow"),
    ]
    assert extraction.transcript.segments[1].text == "Tobias Quarrington: Thanks for having me, it is good to be here."
    assert extraction.episode.transcript_anchors == transcript_anchors(TRANSCRIPT)
    assert pickle.loads(pickle.dumps(extraction)) == extraction


def test_linked_transcript_is_named_relative_to_the_input_root(tmp_path: Path) -> None:
    (tmp_path / "ep").mkdir()
    (tmp_path / "raw").mkdir()
    text = fixture_text("gen_a.md").replace("(./transcript.md)", "(../raw/transcript-1.md)")
    (tmp_path / "ep" / "episode.md").write_text(text, encoding="utf-8")
    (tmp_path / "raw" / "transcript-1.md").write_text(TRANSCRIPT, encoding="utf-8")
    (candidate,) = discover([tmp_path])
    assert extract_source(read_document(candidate)).transcript.path == "raw/transcript-1.md"


def test_fingerprint_reads_the_same_start_of_a_long_transcript(episode: Path) -> None:
    body = "".join(
        f"[00:{n // 60 % 60:02d}:{n % 60:02d}] Orla Penhallow: wavy kelp number {n} é\n" for n in range(9000)
    )
    data = TRANSCRIPT.encode() + body.encode()
    assert len(data) > transcript.FINGERPRINT_BYTES
    (episode / "transcript.md").write_bytes(data)
    document = read_document(discover([episode / "summary.md"])[0])
    # what the fingerprint read before the transcript reader existed: the first 256 KB
    assert document.transcript == data[: transcript.FINGERPRINT_BYTES].decode("utf-8", errors="replace")
    assert document.transcript_file.text == data.decode()
    assert len(extract_source(document).transcript.segments) == 9003


def test_too_large_transcript_is_skipped_with_a_warning(episode: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transcript, "MAX_BYTES", 100)
    document = read_document(discover([episode.parent.parent])[0])
    assert document.transcript == TRANSCRIPT  # the fingerprint still has its start
    extraction = extract_source(document)
    assert extraction.transcript is None
    assert "transcript Harbor Talks/kelp/transcript.md is larger than 100 bytes: not read" in extraction.warnings


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_for_a_transcript_does_not_hang(episode: Path) -> None:
    (episode / "transcript.md").unlink()
    os.mkfifo(episode / "transcript.md")
    document = read_document(discover([episode / "summary.md"])[0])
    assert document.transcript is None
    assert extract_source(document).transcript is None
    with pytest.raises(DocumentError, match="a FIFO"):
        transcript.READER.read(episode / "transcript.md", "kelp/transcript.md")


def test_summary_without_transcript_has_none(tmp_path: Path) -> None:
    (tmp_path / "summary.md").write_text(fixture_text("gen_b.md"), encoding="utf-8")
    document = read_document(discover([tmp_path / "summary.md"])[0])
    assert isinstance(document, SourceDocument)
    assert document.transcript is None and document.transcript_file is None
    assert extract_source(document).transcript is None


# -- a document reader added by a plugin ------------------------------------------------------------
class _OutlineReader:
    """Reads `*.outline` files: `Podcast | Title` on the first line, then one theme per line."""

    name = "outline"
    description = "one-line-per-theme outlines"

    def accepts(self, path: Path) -> bool:
        return path.suffix == ".outline"

    def read(self, candidate: sources_files.Candidate) -> SourceDocument | None:
        podcast, title = candidate.path.read_text(encoding="utf-8").split("\n", 1)[0].split(" | ")
        themes = candidate.path.read_text(encoding="utf-8").split("\n")[1:]
        text = f"# {title}\n\n**Podcast:** {podcast}\n\n---\n\n## Key Themes\n\n" + "".join(
            f"### {n}. {theme}\n\nAbout {theme.lower()}.\n\n" for n, theme in enumerate(themes, 1) if theme
        )
        return SourceDocument(candidate.source, candidate.path, text, reader=self.name)

    def extract(self, document: SourceDocument) -> DocumentExtraction:
        return summary.READER.extract(document)


OUTLINE = _OutlineReader()


def test_a_document_reader_is_discovered_read_and_extracted_through_the_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "_REGISTRY", dict(sources._REGISTRY))
    monkeypatch.setattr(sources, "_in_order", None)
    sources.register("outline", "tests.test_sources:OUTLINE")
    (tmp_path / "kelp.outline").write_text("Harbor Talks | Kelp\nCheap robots\nBuoy data\n", encoding="utf-8")
    (tmp_path / "talk.vtt").write_text("WEBVTT\n", encoding="utf-8")  # a reader, but no document reader
    (candidate,) = discover([tmp_path])
    assert candidate.source == "kelp.outline"
    document = sources.read_document(candidate)
    assert document.reader == "outline"
    extraction = sources.extract(document)
    assert extraction.episode.podcast == "Harbor Talks"
    assert [insight.title for insight in extraction.insights] == ["Cheap robots", "Buoy data"]


def test_a_document_is_extracted_by_the_reader_that_read_it_and_a_reader_of_none_is_a_bug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "_REGISTRY", dict(sources._REGISTRY))
    monkeypatch.setattr(sources, "_in_order", None)
    extracted: list[str] = []

    class Recording(_OutlineReader):
        def extract(self, document: SourceDocument) -> DocumentExtraction:
            extracted.append(document.source)
            return super().extract(document)

    sources.register("outline", Recording())
    (tmp_path / "kelp.outline").write_text("Harbor Talks | Kelp\nCheap robots\n", encoding="utf-8")
    document = sources.read_document(discover([tmp_path])[0])
    sources.extract(document)
    sources.extract(document)
    assert extracted == ["kelp.outline", "kelp.outline"]
    sources.register("outline", SUBTITLES)  # a reader of no documents by the document's reader's name
    with pytest.raises(AssertionError):
        sources.extract(document)


def test_a_named_file_no_reader_accepts_goes_to_the_summary_reader(tmp_path: Path) -> None:
    (tmp_path / "slides.pdf").write_bytes(b"%PDF-1.4\n\x00\x01")
    with pytest.raises(DocumentError, match="slides.pdf: binary file"):
        sources.read_document(discover([tmp_path / "slides.pdf"])[0])


def test_a_build_carries_each_summarys_parsed_transcript_and_reextracts_when_it_changes(tmp_path):
    from kgraph.api import build

    episode = tmp_path / "corpus" / "Signal Hour" / "Cranes"
    episode.mkdir(parents=True)
    (episode / "summary.md").write_text(
        "# Cranes\n\n**Podcast:** Signal Hour\n**Date:** 2025-03-01\n**Participants:** Dana Ruiz\n"
        "**Transcript:** [View Transcript](./transcript.md)\n\n---\n\n## 1. Key Themes\n\n### Night shifts\n"
        '"Robots earn their keep at night." [00:00:05] - Dana Ruiz\n',
        encoding="utf-8",
    )
    transcript = episode / "transcript.md"
    transcript.write_text("[00:00:01] Dana Ruiz: Hello.\n[00:00:05] Dana Ruiz: Robots earn their keep at night.\n")
    out = tmp_path / "out"
    first = build([tmp_path / "corpus"], cache=out / ".kgraph-cache")
    segments = first.extraction("Signal Hour/Cranes/summary.md").transcript.segments
    assert [segment.start_seconds for segment in segments] == [1, 5]
    transcript.write_text("[00:00:01] Dana Ruiz: Hello.\n[00:01:05] Dana Ruiz: Robots earn their keep at night.\n")
    again = build([tmp_path / "corpus"], cache=out / ".kgraph-cache")  # a changed transcript is a new key
    assert [s.start_seconds for s in again.extraction("Signal Hour/Cranes/summary.md").transcript.segments] == [1, 65]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("# Title\n" + "#hashtag and #another\n" * 1_500, None),  # `#`s, few headings
        ("# Title\n" + "### H\n" * 2_000, "2,001 headings, over the limit of 2,000"),
        ("# Title\n" + "    # four spaces, no heading\n" * 2_100, None),
        ("# Title\n" + 'He said "a" and “b”\n' * 4_999, None),
        ("# Title\n" + 'He said "a" and “b”\n' * 5_001, "20,004 quotation marks, over the limit of 20,000"),
    ],
)
def test_limits_count_headings_and_quotation_marks(text, problem):
    if problem is None:
        summary._check_limits(text, "x.md")
    else:
        with pytest.raises(DocumentError, match=problem):
            summary._check_limits(text, "x.md")
