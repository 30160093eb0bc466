"""The per-document cache: reused when nothing changed, redone for exactly what changed."""

from __future__ import annotations

import pytest

import kgraph
import kgraph.cache
import kgraph.pipeline
from kgraph.cache import SUFFIX

from .conftest import synthetic_corpus


@pytest.fixture()
def corpus(tmp_path):
    return synthetic_corpus(tmp_path / "corpus", 20, seed=3)


@pytest.fixture()
def extraction_calls(monkeypatch):
    """Count the documents actually extracted (jobs=1 keeps the work in this process)."""
    calls: list[str] = []
    real = kgraph.pipeline.extract_document

    def counting(document, *args):
        calls.append(document.source)
        return real(document, *args)

    monkeypatch.setattr(kgraph.pipeline, "extract_document", counting)
    return calls


def _build(corpus, out, cache=True):
    graph = kgraph.build([corpus], jobs=1, cache=out / ".cache" if cache else None)
    graph.write(out, ("turtle", "nquads"))
    return graph


def _outputs(out):
    return {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.nq", "report.json")}


def _entries(out):
    return sorted(path.name for path in (out / ".cache").iterdir() if path.suffix == SUFFIX)


def test_a_second_build_reuses_every_document_and_writes_the_same_bytes(corpus, tmp_path, extraction_calls):
    out = tmp_path / "out"
    first = _build(corpus, out)
    assert len(extraction_calls) == first.report.documents_built == 20
    before = _outputs(out)
    extraction_calls.clear()
    second = _build(corpus, out)
    assert extraction_calls == []
    assert second.report.cache_hits == 20
    assert _outputs(out) == before
    assert len(_entries(out)) == 20


def test_a_changed_document_is_the_only_one_redone(corpus, tmp_path, extraction_calls):
    out = tmp_path / "out"
    _build(corpus, out)
    changed = sorted(corpus.rglob("summary.md"))[4]
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("**Date:**", "**Date:** 2020-01-01\n**Old:**", 1), encoding="utf-8"
    )
    extraction_calls.clear()
    _build(corpus, out)
    assert extraction_calls == [changed.relative_to(corpus).as_posix()]
    assert len(_entries(out)) == 20  # the stale entry is pruned
    fresh = tmp_path / "fresh"
    _build(corpus, fresh, cache=False)
    assert _outputs(out) == _outputs(fresh)
    assert "2020-01-01" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_a_new_extractor_version_redoes_everything(corpus, tmp_path, extraction_calls, monkeypatch):
    out = tmp_path / "out"
    _build(corpus, out)
    old_entries = set(_entries(out))
    monkeypatch.setattr(kgraph.cache, "EXTRACTOR_VERSION", "bumped-for-test")
    extraction_calls.clear()
    _build(corpus, out)
    assert len(extraction_calls) == 20
    assert set(_entries(out)).isdisjoint(old_entries)
    assert len(_entries(out)) == 20


def test_a_change_to_the_code_redoes_everything(corpus, tmp_path, extraction_calls, monkeypatch):
    # Not only a bumped EXTRACTOR_VERSION: any change to kgraph's code or its parser's version.
    out = tmp_path / "out"
    _build(corpus, out)
    monkeypatch.setattr(kgraph.cache, "code_version", lambda: "edited-for-test")
    extraction_calls.clear()
    _build(corpus, out)
    assert len(extraction_calls) == 20


def test_a_document_saved_during_the_build_is_skipped_not_cached_under_its_old_key(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    target = sorted(corpus.rglob("summary.md"))[2]
    original = target.read_text(encoding="utf-8")
    real_keys = kgraph.pipeline._keys

    def keys_then_edit(candidates, report):
        keyed = real_keys(candidates, report)  # the keys are taken; now the user saves the file
        target.write_text(original.replace("**Date:**", "**Date:** 2011-11-11\n**Was:**", 1), encoding="utf-8")
        return keyed

    with monkeypatch.context() as patch:
        patch.setattr(kgraph.pipeline, "_keys", keys_then_edit)
        graph = _build(corpus, out)
    source = target.relative_to(corpus).as_posix()
    assert [item["file"] for item in graph.report.skipped] == [source]
    assert "changed on disk during the build" in graph.report.skipped[0]["reason"]
    target.write_text(original, encoding="utf-8")  # undone: the cache must not hold the edit
    _build(corpus, out)
    fresh = tmp_path / "fresh"
    _build(corpus, fresh, cache=False)
    assert _outputs(out) == _outputs(fresh)
    assert "2011-11-11" not in (out / "graph.ttl").read_text(encoding="utf-8")


def test_a_cache_that_cannot_be_written_is_one_line_of_error(corpus, tmp_path):
    from click.testing import CliRunner

    from kgraph.cli import main

    out = tmp_path / "out"
    out.mkdir()
    (out / ".cache").write_text("a file where the cache folder goes", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "-j", "1"])
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback
    assert result.stderr.count("\n") == 1 and "cannot write" in result.stderr and ".cache" in result.stderr
    assert not (out / "graph.ttl").exists()


def test_a_deleted_document_leaves_the_graph_and_the_cache(corpus, tmp_path, extraction_calls):
    out = tmp_path / "out"
    _build(corpus, out)
    deleted = sorted(corpus.rglob("summary.md"))[7]
    source = deleted.relative_to(corpus).as_posix()
    assert source in (out / "graph.nq").read_text(encoding="utf-8")
    deleted.unlink()
    extraction_calls.clear()
    graph = _build(corpus, out)
    assert extraction_calls == []
    assert graph.report.documents_built == 19
    assert source not in (out / "graph.nq").read_text(encoding="utf-8")
    assert len(_entries(out)) == 19
    fresh = tmp_path / "fresh"
    _build(corpus, fresh, cache=False)
    assert _outputs(out) == _outputs(fresh)


def test_a_corrupt_entry_is_redone_not_trusted(corpus, tmp_path, extraction_calls):
    out = tmp_path / "out"
    _build(corpus, out)
    before = _outputs(out)
    entry = out / ".cache" / _entries(out)[0]
    entry.write_bytes(b"not a pickle")
    extraction_calls.clear()
    _build(corpus, out)
    assert len(extraction_calls) == 1
    assert _outputs(out) == before


def test_the_cli_caches_under_the_output_unless_told_not_to(corpus, tmp_path):
    from click.testing import CliRunner

    from kgraph.cli import main

    cached, uncached = tmp_path / "cached", tmp_path / "uncached"
    assert CliRunner().invoke(main, ["build", str(corpus), "-o", str(cached), "-j", "1"]).exit_code == 0
    assert CliRunner().invoke(main, ["build", str(corpus), "-o", str(uncached), "--no-cache"]).exit_code == 0
    assert len(_entries(cached)) == 20
    assert not (uncached / ".cache").exists()
    assert (cached / "graph.ttl").read_bytes() == (uncached / "graph.ttl").read_bytes()
    again = CliRunner().invoke(main, ["build", str(corpus), "-o", str(cached)])
    assert "cache: 20 documents reused, 0 extracted" in again.output
