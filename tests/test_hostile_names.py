"""File names and header values that once crashed a whole build: each is now built or reported
in one line, and every output stays valid."""

from __future__ import annotations

import json
import os

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kgraph.cli import main
from kgraph.sources.files import discover
from kgraph.sources.summary import extract_source, read_document

pytestmark = pytest.mark.hostile

SUMMARY = """# {title}

**Podcast:** Test Show
**Date:** 2025-01-02
**Participants:** Dana Ruiz
**Video URL:** {url}

---

## 1. Key Themes

### Theme one
"This quote is long enough to count as a claim of its own." [00:01:02] - Dana Ruiz
"""


def _write(folder, title: str, url: str = "https://www.youtube.com/watch?v=abcdefghijk") -> None:
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, b"summary.md" if isinstance(folder, bytes) else "summary.md"), "w") as file:
        file.write(SUMMARY.format(title=title, url=url))


def _build(tmp_path, *paths):
    result = CliRunner().invoke(main, ["build", *map(str, paths), "-o", str(tmp_path / "out"), "-q"])
    return result, tmp_path / "out"


def test_a_folder_name_that_is_not_utf8_builds_and_is_printed_escaped(tmp_path):
    root = tmp_path / "corpus"
    _write(os.path.join(os.fsencode(root), b"show", b"caf\xe9"), "Cafe Episode")
    result, out = _build(tmp_path, root)
    assert result.exit_code == 0, result.output
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert '"show/caf\\\\xe9/summary.md"' in turtle  # the byte, escaped in the literal
    ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE)  # still valid Turtle
    json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_a_skipped_file_with_a_non_utf8_newline_name_is_one_report_line(tmp_path):
    root = tmp_path / "corpus"
    _write(root / "show" / "good", "Good Episode")
    bad = os.path.join(os.fsencode(root), b"show", b"bad\xff\nskipped fake.md")
    os.makedirs(os.path.dirname(bad), exist_ok=True)
    with open(bad, "wb") as file:
        file.write(b"**Podcast:** X\n\xff\xfe not utf-8\n")
    result, out = _build(tmp_path, root)
    assert result.exit_code == 1
    skip_lines = [line for line in result.output.splitlines() if "skipped show/" in line]
    assert len(skip_lines) == 1 and "bad\\xff\\nskipped fake.md" in skip_lines[0]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [item["file"] for item in report["skipped"]] == ["show/bad\\xff\\nskipped fake.md"]


def test_a_malformed_video_url_does_not_stop_the_build(tmp_path):
    root = tmp_path / "corpus"
    _write(root / "show" / "episode", "Odd Url Episode", url="https://[::1/x")
    result, out = _build(tmp_path, root)
    assert result.exit_code == 0, result.output
    assert "Odd Url Episode" in (out / "graph.html").read_text(encoding="utf-8")


def test_a_fifo_as_transcript_or_summary_does_not_hang(tmp_path):
    root = tmp_path / "corpus"
    _write(root / "show" / "episode", "Fifo Episode")
    os.mkfifo(root / "show" / "episode" / "transcript.md")
    os.makedirs(root / "show" / "other")
    os.mkfifo(root / "show" / "other" / "summary.md")
    result, out = _build(tmp_path, root)  # before: blocked forever opening the FIFO
    assert result.exit_code == 1
    assert "skipped show/other/summary.md: not a regular file" in result.output
    assert "Fifo Episode" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_an_explicitly_named_device_is_reported_not_ignored(tmp_path):
    result, _ = _build(tmp_path, "/dev/null")
    assert result.exit_code != 0
    assert "null: not a regular file" in result.output


def test_an_unreadable_folder_is_reported_and_counted(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    _write(root / "show" / "good", "Good Episode")
    (root / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path="."):  # as for a folder without read permission (a descriptor: shutil.rmtree)
        if isinstance(path, str) and os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr("kgraph.sources.files.os.scandir", scandir)  # root (CI) reads every folder, whatever its mode
    result, out = _build(tmp_path, root)
    assert result.exit_code == 1
    assert "skipped locked: cannot read folder (Permission denied)" in result.output
    assert "Good Episode" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_links_are_followed_inside_the_input_folders_only(tmp_path):
    outside = tmp_path / "elsewhere"
    _write(outside / "secret", "Outside Episode")
    root = tmp_path / "corpus"
    _write(root / "show" / "real", "Inside Episode")
    os.symlink(root / "show" / "real", root / "show" / "linked-inside")
    os.symlink(outside / "secret", root / "show" / "linked-outside")
    os.symlink(outside / "secret" / "summary.md", root / "show" / "file-outside.md")
    result, out = _build(tmp_path, root)
    assert result.exit_code == 1
    assert "skipped show/linked-outside: link points outside the input folders" in result.output
    assert "skipped show/file-outside.md: link points outside the input folders" in result.output
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "Inside Episode" in turtle and "Outside Episode" not in turtle


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("### Theme\n", "headings, over the limit"),
        ('- "A quote that repeats." [00:00:01] - Dana Ruiz\n', "quotation marks, over the limit"),
    ],
)
def test_a_document_far_beyond_any_summary_is_skipped_with_a_line(tmp_path, line, reason):
    root = tmp_path / "corpus"
    _write(root / "show" / "good", "Good Episode")
    _write(root / "show" / "huge", "Huge Episode")
    with open(root / "show" / "huge" / "summary.md", "a") as file:
        file.write(line * 12_000)
    result, out = _build(tmp_path, root)
    assert result.exit_code == 1
    assert "skipped show/huge/summary.md: " in result.output and reason in result.output
    assert "Good Episode" in (out / "graph.ttl").read_text(encoding="utf-8")


def _linked(root, link):
    _write(root / "show" / "episode", "Linked Episode")
    summary = next((root / "show" / "episode").glob("*.md"))
    text = summary.read_text(encoding="utf-8")
    summary.write_text(text + f"\n**Transcript:** [View Transcript]({link})\n", encoding="utf-8")
    return summary


SECRET = "[00:00:01] Mallory Quince: the secret passphrase is tangerine\n"


def test_a_transcript_link_outside_the_input_folders_is_not_read(tmp_path):
    secret = tmp_path / "secret" / "transcript.md"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    root = tmp_path / "corpus"
    for link in (str(secret), "../../../secret/transcript.md"):
        summary = _linked(root, link)
        extraction = extract_source(read_document(discover([root])[0]))
        assert extraction.transcript is None, link  # before: any file on the machine was read
        assert any("points outside the input folders" in warning for warning in extraction.warnings)
        summary.unlink()


def test_a_transcript_link_inside_the_input_folders_is_read(tmp_path):
    root = tmp_path / "corpus"
    (root / "raw").mkdir(parents=True)
    (root / "raw" / "transcript.md").write_text(SECRET, encoding="utf-8")
    _linked(root, "../../raw/transcript.md")
    extraction = extract_source(read_document(discover([root])[0]))
    assert extraction.transcript is not None and extraction.transcript.path == "raw/transcript.md"
    # a file named on the command line may link within its own folder, not above it
    summary = _linked(root, "./transcript.md")
    (summary.parent / "transcript.md").write_text(SECRET, encoding="utf-8")
    assert extract_source(read_document(discover([summary])[0])).transcript is not None


def test_links_in_a_loop_are_skipped_and_the_rest_builds(tmp_path):
    """A link to itself (or round a loop) leads to no file: found in a folder it is one skipped
    document, as a summary's transcript link it is no transcript; before, either stopped the
    whole build with an internal error."""
    root = tmp_path / "corpus"
    _write(root / "show" / "good", "Good Episode")
    os.symlink("loop.md", root / "show" / "loop.md")
    os.symlink("round-b.md", root / "show" / "round-a.md")
    os.symlink("round-a.md", root / "show" / "round-b.md")
    linked = _linked(root, "transcript.md")
    os.symlink("transcript.md", linked.parent / "transcript.md")
    result, out = _build(tmp_path, root)
    assert result.exit_code == 1, result.output
    for name in ("loop.md", "round-a.md", "round-b.md"):
        assert f"skipped show/{name}: link in a loop, leads to no file" in result.output
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "Good Episode" in turtle and "Linked Episode" in turtle


def test_a_link_in_a_loop_named_on_the_command_line_is_one_usage_line(tmp_path):
    os.symlink("loop.md", tmp_path / "loop.md")
    result, _ = _build(tmp_path, tmp_path / "loop.md")
    assert result.exit_code == 2
    assert result.output.strip().endswith(f"a link in a loop, which leads to no file: {tmp_path / 'loop.md'}")


def test_a_transcript_link_holding_a_nul_is_no_transcript(tmp_path):
    """A NUL past the part of the text checked for binary content: no file has such a name."""
    root = tmp_path / "corpus"
    summary = _linked(root, "tran\x00script.md")
    text = summary.read_text(encoding="utf-8")
    summary.write_text(text.replace("---", "Padding. " * 1000 + "\n\n---", 1), encoding="utf-8")
    result, out = _build(tmp_path, root)
    assert result.exit_code == 0, result.output
    assert "Linked Episode" in (out / "graph.ttl").read_text(encoding="utf-8")
