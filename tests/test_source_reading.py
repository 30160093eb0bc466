"""Reading a summary and its transcript against the code it replaced (kept here as the oracle):
the same bytes or the same error from `read_regular`, the same transcript links, the same
transcript text, and the same document or `DocumentError` from `read_document`, on generated
bytes (empty, blank, binary, not UTF-8, line breaks of every kind) and links of every form."""

from __future__ import annotations

import os
import posixpath
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.errors import DocumentError, escape_controls
from kgraph.sources import files, summary, transcript
from kgraph.sources.files import Candidate, discover, read_regular
from kgraph.sources.summary import MAX_BYTES, SourceDocument, _check_limits, is_summary
from kgraph.sources.transcript import TranscriptText, linked_transcripts, read_transcript_text

# -- the code replaced ----------------------------------------------------------------------------


def _old_read_regular(path: Path, limit: int) -> bytes:
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ValueError("not a regular file")
        return stream.read(limit)


_LINK = re.compile(r"^\*\*Transcript:?\*\*:?\s*\[[^\]]*\]\(([^)\s]+)\)", re.M)


def _old_linked_transcripts(path: Path, source: str, summary: str) -> Iterator[tuple[Path, str]]:
    folder = posixpath.dirname(source)
    link = _LINK.search(summary)
    if link and "://" not in link.group(1):
        yield path.parent / link.group(1), posixpath.normpath(posixpath.join(folder, link.group(1)))
    if path.stem.lower() == "summary":
        yield path.parent / "transcript.md", posixpath.join(folder, "transcript.md")


def _old_read_transcript_text(path: Path, source: str) -> TranscriptText:
    data = _old_read_regular(path, max(transcript.MAX_BYTES, transcript.FINGERPRINT_BYTES) + 1)
    start = data[: transcript.FINGERPRINT_BYTES].decode("utf-8", errors="replace")
    if len(data) > transcript.MAX_BYTES:
        problem = f"transcript {source} is larger than {transcript.MAX_BYTES:,} bytes: not read"
        return TranscriptText(source, start, problem=problem)
    return TranscriptText(source, start, data.decode("utf-8", errors="replace"))


def _old_allows(candidate: Candidate, linked: Path) -> bool:
    roots = list(candidate.roots or (candidate.path.resolve().parent,))
    real = linked.resolve()
    return any(real == root or real.is_relative_to(root) for root in roots)


def _old_transcript(candidate: Candidate, text: str) -> TranscriptText | None:
    for file, name in _old_linked_transcripts(candidate.path, candidate.source, text):
        if not _old_allows(candidate, file):
            problem = f"transcript link {escape_controls(name)} points outside the input folders: not read"
            return TranscriptText(name, "", problem=problem)
        try:
            return _old_read_transcript_text(file, name)
        except (OSError, ValueError):
            continue
    return None


def _old_read_document(candidate: Candidate) -> SourceDocument | None:
    path = candidate.path
    if candidate.problem:
        raise DocumentError(candidate.problem, candidate.source)
    try:
        data = _old_read_regular(path, MAX_BYTES + 1)
    except OSError as error:
        raise DocumentError(f"cannot read file ({error.strerror})", candidate.source) from None
    except ValueError as error:
        raise DocumentError(f"{error} (a FIFO, device or socket)", candidate.source) from None
    if len(data) > MAX_BYTES:
        raise DocumentError(f"file is larger than {MAX_BYTES:,} bytes, over the limit for a summary", candidate.source)
    if not data.strip():
        raise DocumentError("empty file", candidate.source)
    if b"\x00" in data[:8192]:
        raise DocumentError("binary file, not a Markdown summary", candidate.source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DocumentError(f"not UTF-8 (byte 0x{data[error.start]:02x})", candidate.source, line) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    _check_limits(text, candidate.source)
    if not is_summary(text):
        if candidate.explicit:
            raise DocumentError("not a summary (no **Podcast:** field and no canonical section)", candidate.source)
        return None
    found = _old_transcript(candidate, text)
    start = found.start if found is not None else None
    return SourceDocument(candidate.source, path, text, start, found)


def _old_check_limits(text: str, source: str) -> None:
    headings_limit, marks_limit = summary.MAX_HEADINGS, summary.MAX_QUOTE_MARKS
    if text.count("#") > headings_limit and (headings := len(summary._HEADING.findall(text))) > headings_limit:
        raise DocumentError(f"{headings:,} headings, over the limit of {headings_limit:,} for a summary", source)
    if (marks := text.count('"') + text.count("\u201c") + text.count("\u201d")) > marks_limit:
        raise DocumentError(f"{marks:,} quotation marks, over the limit of {marks_limit:,} for a summary", source)


def _outcome(call: Callable[[], Any]) -> Any:
    """What `call` returns, or the type and text of what it raises (for an OSError, its number
    and message: what readers report)."""
    try:
        return call()
    except OSError as error:
        return type(error), error.errno, error.strerror
    except DocumentError as error:
        return type(error), error.message, error.path, error.line
    except Exception as error:  # noqa: BLE001 - any error must be the same error
        return type(error), str(error)


# -- read_regular ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, 6, 7, 8, 100, 70_000])
@pytest.mark.parametrize("limit", [1, 7, 65_536, 2_000_000])
def test_a_regular_file_reads_as_before(tmp_path, size, limit):
    path = tmp_path / "file.md"
    path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
    assert read_regular(path, limit) == _old_read_regular(path, limit) == path.read_bytes()[:limit]
    assert read_regular(str(path), limit) == _old_read_regular(path, limit)


@pytest.mark.parametrize("limit", [3, 50, 1_000_000])
def test_a_file_whose_size_says_nothing_reads_as_before(monkeypatch, limit):
    path = Path("/proc/version")  # size 0, stable text
    if not path.exists():
        pytest.skip("needs /proc")
    monkeypatch.setattr(files, "READ_CHUNK", 7)  # several reads
    assert read_regular(path, limit) == _old_read_regular(path, limit)
    assert len(read_regular(path, limit)) == min(limit, len(path.read_bytes()))


def test_what_is_no_regular_file_is_the_same_error(tmp_path):
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder-link").symlink_to(tmp_path / "folder")
    (tmp_path / "loop").symlink_to("loop")
    paths = [tmp_path / "folder", tmp_path / "folder-link", tmp_path / "missing", tmp_path / "loop", Path("/dev/null")]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo")
        paths.append(tmp_path / "fifo")
    for path in paths:
        assert _outcome(lambda: read_regular(path, 100)) == _outcome(lambda: _old_read_regular(path, 100))  # noqa: B023
    assert _outcome(lambda: read_regular(tmp_path / "folder", 9))[0] is IsADirectoryError


# -- the transcript -------------------------------------------------------------------------------

_BYTES = st.lists(st.sampled_from([b"a", b"\n", b"\xc3\xa9", b"\xe2\x80\x9c", b"\xff", b"\xe2\x80", b"[00:01] A: "]))


@settings(max_examples=300, deadline=None)
@given(_BYTES, st.sampled_from([4, 16, 17, 40, 10_000]), st.sampled_from([8, 16, 17]))
def test_transcript_text_is_the_same_as_before(pieces: list[bytes], max_bytes: int, fingerprint: int) -> None:
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setattr(transcript, "MAX_BYTES", max_bytes)
        patch.setattr(transcript, "FINGERPRINT_BYTES", fingerprint)
        path = Path(folder) / "transcript.md"
        path.write_bytes(b"".join(pieces))
        assert read_transcript_text(path, "s/transcript.md") == _old_read_transcript_text(path, "s/transcript.md")


_FIELD = st.sampled_from(["**Transcript:** [t](", "**Transcript**: [t](", "**Transcript:**[](", "**transcript:** [t]("])
_LINKED = st.lists(
    st.sampled_from(["./", ".//", "../", "transcript.md", ".t.md", "sub/", "/abs/", "https://", ".", "x y"])
)
_LINK_LINE = st.builds(lambda field, link: field + "".join(link) + ")", _FIELD, _LINKED)
_SUMMARY_LINES = st.one_of(_LINK_LINE, st.sampled_from(["", "x", "**Podcast:** p", " **Transcript:** [t](t.md)"]))
_SUMMARY_PATHS = ["/a/b/summary.md", "/a/Summary.MD", "/summary.md", "summary.md", "/a/notes.md", "/a/b/.summary"]


@settings(max_examples=400, deadline=None)
@given(st.lists(_SUMMARY_LINES, max_size=5), st.sampled_from(_SUMMARY_PATHS))
def test_transcript_links_are_the_same_as_before(lines: list[str], path: str) -> None:
    text = "\n".join(lines)
    source = path.lstrip("/")
    old = [(str(file), name) for file, name in _old_linked_transcripts(Path(path), source, text)]
    assert list(linked_transcripts(Path(path), source, text)) == old


@given(st.lists(st.sampled_from(['"', "\u201c", "\u201d", "x", "# h\n", "\n", "#"])), st.integers(0, 12))
def test_limits_are_checked_as_before(pieces: list[str], limit: int) -> None:
    text = "".join(pieces)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(summary, "MAX_QUOTE_MARKS", limit)
        patch.setattr(summary, "MAX_HEADINGS", limit)
        assert _outcome(lambda: _check_limits(text, "s.md")) == _outcome(lambda: _old_check_limits(text, "s.md"))


# -- the whole document ---------------------------------------------------------------------------

_DOCUMENT_PIECES = [
    b"**Podcast:** Show\n", b"## Key Themes\n", b"text", b" ", b"\t", b"\x0b", b"\x0c", b"\x1c", b"\r", b"\r\n",
    b"\n", b"\x00", b"\xef\xbb\xbf", b"\xff", b"\xc3\xa9", b"**Transcript:** [t](./transcript.md)\n",
    b"**Transcript:** [t](../outside.md)\n", b"**Transcript:** [t](link.md)\n", b'"', b"#",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_DOCUMENT_PIECES), max_size=14),
    st.sampled_from(["summary.md", "notes.md"]),
    st.sampled_from([None, b"[00:00:01] A: hi\n", b"\xff\xfe", b""]),
    st.booleans(),
)
def test_a_document_reads_as_before(pieces: list[bytes], name: str, beside: bytes | None, named: bool) -> None:
    with tempfile.TemporaryDirectory() as base:
        folder = Path(base) / "in" / "show"
        folder.mkdir(parents=True)
        (Path(base) / "in" / "outside.md").write_text("[00:00:01] B: out\n")
        (folder / "link.md").symlink_to(Path(base) / "in" / "outside.md")
        (folder / name).write_bytes(b"".join(pieces))
        if beside is not None:
            (folder / "transcript.md").write_bytes(beside)
        paths = [folder / name] if named else [folder]
        for candidate in discover(paths):
            assert _outcome(lambda: summary.read_document(candidate)) == _outcome(lambda: _old_read_document(candidate))  # noqa: B023


def test_the_documents_compared_reach_every_outcome(tmp_path):
    """Each branch the comparison above must see: errors of each kind, a transcript read, a link refused."""
    folder = tmp_path / "show"
    folder.mkdir()
    (tmp_path / "outside.md").write_text("[00:00:01] B: out\n")
    (folder / "link.md").symlink_to(tmp_path / "outside.md")
    (folder / "transcript.md").write_text("[00:00:01] A: hi\n")
    texts = {
        b" \t\x0b\x0c\r\n": "empty file",
        b"x\x00": "binary file, not a Markdown summary",
        b"**Podcast:** \xff": "not UTF-8 (byte 0xff)",
        b"x\x1c": None,
        b"x" * 8191 + b"\x00": "binary file, not a Markdown summary",
        b"x" * 8192 + b"\x00": None,
        b"\xef\xbb\xbf**Podcast:** s\r\n**Transcript:** [t](./transcript.md)": "A: hi",
        b"**Podcast:** s\r**Transcript:** [t](link.md)": "points outside",
    }
    for data, expected in texts.items():
        (folder / "summary.md").write_bytes(data)
        (candidate,) = discover([folder / "summary.md"])
        found = _outcome(lambda: summary.read_document(candidate))  # noqa: B023
        assert found == _outcome(lambda: _old_read_document(candidate))  # noqa: B023
        if expected is None:
            assert found[0] is DocumentError and found[1].startswith("not a summary")
        elif isinstance(found, SourceDocument):
            file = found.transcript_file
            assert file is not None and expected in (file.text or file.problem or "")
        else:
            assert found[1] == expected
