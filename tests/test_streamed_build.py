"""A cold build hands documents to its workers as it reads them (`kgraph.build.inputs.Reading`):
the outputs, the report, the errors and the output stamp are those of a build that reads every
document first, and a rebuild with nothing changed still takes the stamp's fast path."""

from __future__ import annotations

import contextlib
import json
from concurrent.futures import Executor

import pytest
from click.testing import CliRunner

import kgraph
import kgraph.build.inputs
import kgraph.build.pipeline
import kgraph.cli
from kgraph.build.inputs import Reading
from kgraph.build.stamp import STAMP
from kgraph.build.store import FOLDER
from kgraph.build.workers import MIN_PARALLEL_TASKS, InlineExecutor
from kgraph.cli import main
from kgraph.errors import DocumentError, UsageError

from . import stored
from .conftest import synthetic_corpus

OUTPUTS = ("turtle", "nquads", "html")
NAMES = ("graph.ttl", "graph.nq", "graph.html", "report.json")
DOCUMENTS = MIN_PARALLEL_TASKS + 8  # enough for the work to go to the workers
UNREADABLE = {"bad.md": b"**Podcast:** X\n\xff\xfe broken", "empty.md": b""}


class Recording(Executor):
    """Runs each batch at once in this process, noting when: work streams into it as into a
    pool (an `InlineExecutor` is only handed work once every document is read)."""

    def __init__(self, events: list[str]):
        self.events = events

    def submit(self, fn, /, *args, **kwargs):
        self.events.append("submit")
        return InlineExecutor().submit(fn, *args, **kwargs)


@pytest.fixture()
def corpus(tmp_path):
    root = synthetic_corpus(tmp_path / "corpus", DOCUMENTS, seed=11)
    for name, data in UNREADABLE.items():
        (root / name).write_bytes(data)
    return root


@pytest.fixture()
def events(monkeypatch):
    """ "read" for each document read, "submit" for each batch handed to the workers, in order."""
    noted: list[str] = []
    real = kgraph.build.inputs.read_document

    def reading(candidate):
        noted.append("read")
        return real(candidate)

    monkeypatch.setattr(kgraph.build.inputs, "read_document", reading)
    return noted


@pytest.fixture()
def recording_workers(monkeypatch, events):
    """Every build's local workers are a `Recording` executor (the CLI's too)."""

    @contextlib.contextmanager
    def recording(jobs, address=None):
        yield Recording(events)

    monkeypatch.setattr(kgraph.build.pipeline, "open_executor", recording)
    return events


def _outputs(graph, out):
    graph.write(out, OUTPUTS)
    return {name: (out / name).read_bytes() for name in NAMES}


def _report(graph):
    report = graph.report
    return (report.summary_lines(), report.to_json(), report.cache_hits, report.cache_misses, report.parts_built)


def _streamed(events):
    """Whether work went out before the last document was read."""
    return "submit" in events and events.index("submit") < len(events) - 1 - events[::-1].index("read")


def test_a_streamed_build_writes_and_reports_what_a_read_first_build_does(corpus, tmp_path, events):
    streamed = kgraph.build([corpus], cache=tmp_path / "a" / FOLDER, executor=Recording(events), formats=OUTPUTS)
    assert _streamed(events)
    assert events.count("read") == DOCUMENTS + len(UNREADABLE)  # each once

    events.clear()
    reading = Reading([corpus])
    reading.read_all()
    read_first = kgraph.build(
        [corpus], cache=tmp_path / "b" / FOLDER, executor=Recording(events), formats=OUTPUTS, inputs=reading
    )
    assert "submit" in events and not _streamed(events)
    one_job = kgraph.build([corpus], jobs=1, cache=tmp_path / "c" / FOLDER, formats=OUTPUTS)

    assert _report(streamed) == _report(read_first) == _report(one_job)
    assert streamed.report.cache_misses == DOCUMENTS
    outputs = _outputs(streamed, tmp_path / "a")
    assert outputs == _outputs(read_first, tmp_path / "b") == _outputs(one_job, tmp_path / "c")
    report = json.loads(outputs["report.json"])
    assert report["documents"] == {"read": DOCUMENTS + 2, "built": DOCUMENTS, "skipped": 2}
    assert report["skipped"] == [
        {"file": "bad.md", "reason": "line 2: not UTF-8 (byte 0xff)"},
        {"file": "empty.md", "reason": "empty file"},
    ]


def test_a_missing_path_fails_before_the_cache_folder_is_made(corpus, tmp_path, recording_workers):
    with pytest.raises(UsageError, match="no such file or folder"):
        kgraph.build([corpus, tmp_path / "nope"], cache=tmp_path / "out" / FOLDER)
    result = CliRunner().invoke(main, ["build", str(corpus), str(tmp_path / "nope"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "no such file or folder" in result.output
    assert not (tmp_path / "out").exists() and recording_workers == []


def test_a_document_changed_after_it_was_read_is_refused_when_read_again(corpus, tmp_path, monkeypatch):
    """A document whose stored digest turns out damaged is read again: changed since its key was
    taken, it would put its new text under the old key, so the build stops."""
    out = tmp_path / "out"
    kgraph.build([corpus], jobs=1, cache=out / FOLDER)
    for key in stored.keys(out / FOLDER, "digests"):
        stored.flip(out / FOLDER, "digests", key)
    stored.drop(out / FOLDER, "runs")
    target = sorted(corpus.rglob("summary.md"))[3]
    real = kgraph.build.inputs.read_input

    def read_then_edit(candidate):
        read = real(candidate)
        if candidate.path == target:  # read and keyed; now the user saves
            target.write_text(target.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
        return read

    monkeypatch.setattr(kgraph.build.inputs, "read_input", read_then_edit)
    with pytest.raises(DocumentError, match="changed on disk during the build; run it again"):
        kgraph.build([corpus], executor=Recording([]), cache=out / FOLDER)


def test_a_whole_result_in_the_store_is_reused_though_work_went_out(corpus, tmp_path, events):
    """Documents without a digest go to the workers as they are read, before the build knows that
    the store has its whole result: the result is reused all the same, as when read first."""
    out = tmp_path / "out"
    first = kgraph.build([corpus], jobs=1, cache=out / FOLDER, formats=OUTPUTS)
    before = _outputs(first, out)
    stored.drop(out / FOLDER, "digests")
    again = kgraph.build([corpus], executor=Recording(events), cache=out / FOLDER, formats=OUTPUTS)
    assert _streamed(events)
    assert (again.report.cache_hits, again.report.cache_misses, again.report.parts_built) == (DOCUMENTS, 0, 0)
    assert again.report.timings.keys() == {"load"}  # nothing extracted, resolved or made
    assert _outputs(again, out) == before


def _cli_build(corpus, out, *options):
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "-q", *options])
    assert result.exit_code == 1, result.output  # two documents skipped
    return result.output


def test_the_cli_streams_without_a_stamp_and_stamps_what_a_read_first_build_stamps(
    corpus, tmp_path, recording_workers, monkeypatch
):
    out = tmp_path / "out"
    printed = _cli_build(corpus, out)
    assert _streamed(recording_workers)
    assert "skipped bad.md: line 2: not UTF-8 (byte 0xff)" in printed and "skipped empty.md: empty file" in printed
    stamp = (out / FOLDER / STAMP).read_bytes()
    outputs = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.html", "report.json")}

    _cli_build(corpus, out, "--html-max-nodes", "7")  # another stamp, its files in place
    recording_workers.clear()
    read_first = _cli_build(corpus, out)
    assert recording_workers.count("read") == DOCUMENTS + 2 and not _streamed(recording_workers)
    assert (out / FOLDER / STAMP).read_bytes() == stamp
    assert {name: (out / name).read_bytes() for name in outputs} == outputs
    assert read_first.replace(f"cache: {DOCUMENTS} documents reused, 0 extracted\n", "") == printed

    # nothing changed: the fast path, which builds nothing and says what was reused
    built: list[int] = []
    monkeypatch.setattr(kgraph.cli, "build_graph", lambda *args, **kwargs: built.append(1))
    assert _cli_build(corpus, out) == read_first and built == []


def test_a_document_edited_during_a_streamed_build_is_built_again_next_time(
    corpus, tmp_path, recording_workers, monkeypatch
):
    """The stamp keys the text the build extracted, not the file as it is at the end."""
    out = tmp_path / "out"
    target = sorted(corpus.rglob("summary.md"))[2]
    real = kgraph.build.inputs.read_input

    def read_then_edit(candidate):
        read = real(candidate)
        if candidate.path == target:
            text = target.read_text(encoding="utf-8")
            target.write_text(text.replace("**Date:**", "**Date:** 2011-11-11\n**Was:**", 1), encoding="utf-8")
        return read

    with monkeypatch.context() as patch:
        patch.setattr(kgraph.build.inputs, "read_input", read_then_edit)
        _cli_build(corpus, out)
    assert _streamed(recording_workers)
    assert "2011-11-11" not in (out / "graph.ttl").read_text(encoding="utf-8")
    printed = _cli_build(corpus, out)
    assert "2011-11-11" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert f"cache: {DOCUMENTS - 1} documents reused, 1 extracted" in printed
