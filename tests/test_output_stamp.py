"""The whole-output stamp: `kgraph build` with nothing changed leaves the outputs in place (the
same bytes, the same printed lines) without building; any change to a document, an option or the
code builds again, and a damaged stamp or a touched output is never trusted."""

from __future__ import annotations

import hashlib
import json
import logging

import pytest
from click.testing import CliRunner

import kgraph.build.hashing
import kgraph.build.stamp
import kgraph.cli
from kgraph.build.stamp import STAMP
from kgraph.build.store import FOLDER
from kgraph.cli import main

from .conftest import synthetic_corpus

NAMES = ("graph.ttl", "graph.html", "report.json")


@pytest.fixture()
def corpus(tmp_path):
    return synthetic_corpus(tmp_path / "corpus", 4, seed=5)


@pytest.fixture()
def builds(monkeypatch):
    """How many times the CLI really built (the stamp's fast path never calls `build_graph`)."""
    calls: list[int] = []
    real = kgraph.cli.build_graph

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(kgraph.cli, "build_graph", counting)
    return calls


def _build(corpus, out, *options):
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "-q", "-j", "1", *options])
    assert result.exit_code == 0, result.output
    return result.output


def _outputs(out):
    return {name: (out / name).read_bytes() for name in NAMES}


def test_a_rebuild_with_nothing_changed_builds_nothing_and_leaves_the_same_bytes(corpus, tmp_path, builds):
    out = tmp_path / "out"
    _build(corpus, out)
    before = _outputs(out)
    printed = _build(corpus, out)
    assert builds == [1]
    assert _outputs(out) == before
    # what it prints is what a rebuild through the store prints
    (out / FOLDER / STAMP).unlink()
    assert _build(corpus, out) == printed
    assert builds == [1, 1]
    assert "cache: 4 documents reused, 0 extracted" in printed


def test_a_changed_document_builds_again(corpus, tmp_path, builds):
    out = tmp_path / "out"
    _build(corpus, out)
    document = sorted(corpus.rglob("summary.md"))[1]
    document.write_text(document.read_text(encoding="utf-8").replace("**Date:**", "**Date:** 2020-01-01\n**Old:**", 1))
    _build(corpus, out)
    assert builds == [1, 1]
    assert "2020-01-01" in (out / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "option", [["--base-iri", "https://example.org/id/"], ["--html-max-nodes", "7"], ["--html-depth", "1"]]
)
def test_a_changed_option_builds_again(corpus, tmp_path, builds, option):
    out = tmp_path / "out"
    _build(corpus, out)
    _build(corpus, out, *option)
    assert builds == [1, 1]
    fresh = tmp_path / "fresh"
    _build(corpus, fresh, "--no-cache", *option)
    assert _outputs(out) == _outputs(fresh)


def test_a_changed_alias_file_builds_again(corpus, tmp_path, builds):
    out, aliases = tmp_path / "out", tmp_path / "aliases.toml"
    aliases.write_text("", encoding="utf-8")
    _build(corpus, out, "--aliases", str(aliases))
    aliases.write_text('[[separate]]\nnames = ["A Person", "Another Person"]\n', encoding="utf-8")
    _build(corpus, out, "--aliases", str(aliases))
    assert builds == [1, 1]


def test_a_new_code_version_builds_again(corpus, tmp_path, builds, monkeypatch):
    out = tmp_path / "out"
    _build(corpus, out)
    for module in (kgraph.build.stamp, kgraph.build.hashing):
        monkeypatch.setattr(module, "code_version", lambda: "edited-for-test")
    _build(corpus, out)
    assert builds == [1, 1]


@pytest.mark.parametrize(
    "damage",
    [
        "not json at all {",
        json.dumps({"version": 1, "key": 3, "files": [], "lines": "x", "exit_code": 0}),
        json.dumps({"version": 1}),
    ],
)
def test_a_damaged_stamp_is_never_trusted(corpus, tmp_path, builds, caplog, damage):
    out = tmp_path / "out"
    _build(corpus, out)
    before = _outputs(out)
    (out / FOLDER / STAMP).write_text(damage, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kgraph"):
        _build(corpus, out)
    assert builds == [1, 1]
    assert any("damaged" in record.getMessage() for record in caplog.records)
    assert _outputs(out) == before
    json.loads((out / FOLDER / STAMP).read_text(encoding="utf-8"))  # written again, whole


def test_a_stamp_for_other_files_is_not_trusted(corpus, tmp_path, builds):
    """A stamp whose key matches but whose file hash does not (a stamp copied from elsewhere,
    or an output someone edited) leads to a build that writes the right bytes again."""
    out = tmp_path / "out"
    _build(corpus, out)
    before = _outputs(out)
    stamp = json.loads((out / FOLDER / STAMP).read_text(encoding="utf-8"))
    stamp["files"]["graph.ttl"][1] = "0" * 32
    (out / FOLDER / STAMP).write_text(json.dumps(stamp), encoding="utf-8")
    _build(corpus, out)
    assert builds == [1, 1] and _outputs(out) == before


@pytest.mark.parametrize("touch", ["edit", "delete"])
def test_an_output_changed_since_the_build_is_written_again(corpus, tmp_path, builds, touch):
    out = tmp_path / "out"
    _build(corpus, out)
    before = _outputs(out)
    if touch == "edit":
        (out / "graph.ttl").write_bytes(before["graph.ttl"].replace(b"schema:", b"schema:x", 1))
    else:
        (out / "graph.html").unlink()
    _build(corpus, out)
    assert builds == [1, 1] and _outputs(out) == before


def test_no_cache_neither_reads_nor_writes_a_stamp(corpus, tmp_path, builds):
    out = tmp_path / "out"
    _build(corpus, out, "--no-cache")
    _build(corpus, out, "--no-cache")
    assert builds == [1, 1]
    assert not (out / FOLDER / STAMP).exists()


def test_a_cold_build_reads_each_document_once(corpus, tmp_path, monkeypatch):
    # the stamp keys the documents and the build extracts that same reading
    import kgraph.build.inputs

    read: list[str] = []
    real = kgraph.build.inputs.read_document

    def counting(candidate):
        read.append(candidate.source)
        return real(candidate)

    monkeypatch.setattr(kgraph.build.inputs, "read_document", counting)
    _build(corpus, tmp_path / "out")
    assert read and len(read) == len(set(read))
    assert (tmp_path / "out" / FOLDER / STAMP).is_file()


def test_the_stamp_holds_each_file_s_size_and_sha256(corpus, tmp_path, builds):
    out = tmp_path / "out"
    _build(corpus, out)
    stamp = json.loads((out / FOLDER / STAMP).read_text(encoding="utf-8"))
    for name in NAMES:
        data = (out / name).read_bytes()
        assert stamp["files"][name] == [len(data), hashlib.sha256(data).hexdigest()]


def test_a_stamp_of_an_earlier_version_is_not_trusted(corpus, tmp_path, builds):
    """Version 1 held blake2b hashes: even with its key and sizes right, the build runs."""
    out = tmp_path / "out"
    _build(corpus, out)
    stamp = json.loads((out / FOLDER / STAMP).read_text(encoding="utf-8"))
    stamp["version"] = 1
    (out / FOLDER / STAMP).write_text(json.dumps(stamp), encoding="utf-8")
    _build(corpus, out)
    assert builds == [1, 1]
