"""The build's store: a rebuild reuses what nothing changed, remakes exactly what did, and writes
the bytes a build from nothing writes; damaged or missing entries are made again."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import kgraph
import kgraph.build.hashing
import kgraph.build.keys
import kgraph.build.workers
from kgraph.build.outputs import SHARES
from kgraph.build.store import FOLDER
from kgraph.cli import main

from . import stored
from .conftest import synthetic_corpus

OUTPUTS = ("turtle", "nquads", "html")
NAMES = ("graph.ttl", "graph.nq", "graph.html", "report.json")
DOCUMENTS = 8


@pytest.fixture()
def corpus(tmp_path):
    return synthetic_corpus(tmp_path / "corpus", DOCUMENTS, seed=3)


@pytest.fixture()
def extraction_calls(monkeypatch):
    """The documents actually extracted (jobs=1 keeps the work in this process)."""
    calls: list[str] = []
    real = kgraph.build.workers.extract_source

    def counting(document):
        calls.append(document.source)
        return real(document)

    monkeypatch.setattr(kgraph.build.workers, "extract_source", counting)
    return calls


def _build(corpus, out, cache=True):
    graph = kgraph.build([corpus], jobs=1, cache=out / FOLDER if cache else None, formats=OUTPUTS)
    graph.write(out, OUTPUTS)
    return graph


def _outputs(out):
    return {name: (out / name).read_bytes() for name in NAMES}


def _fresh(corpus, folder):
    _build(corpus, folder, cache=False)
    return _outputs(folder)


def _entries(out, namespace):
    return stored.keys(out / FOLDER, namespace)


def _edit(path, old, new):
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_a_second_build_reuses_everything_and_writes_the_same_bytes(corpus, tmp_path, extraction_calls, monkeypatch):
    import kgraph.outputs.html.page

    renders: list[int] = []
    real_render = kgraph.outputs.html.page.render
    monkeypatch.setattr(kgraph.outputs.html.page, "render", lambda *args: renders.append(1) or real_render(*args))
    out = tmp_path / "out"
    first = _build(corpus, out)
    assert len(extraction_calls) == first.report.documents_built == DOCUMENTS
    assert first.report.parts_built == len(_entries(out, "nodes")) > 0
    before = _outputs(out)
    extraction_calls.clear()
    second = _build(corpus, out)
    assert extraction_calls == [] and second.report.parts_built == 0
    assert second.report.cache_hits == DOCUMENTS
    assert renders == [1]  # the page of the first build, not drawn again
    assert _outputs(out) == before == _fresh(corpus, tmp_path / "fresh")
    assert len(_entries(out, "digests")) == DOCUMENTS and len(_entries(out, "pages")) == 1


def test_a_changed_document_is_the_only_one_redone(corpus, tmp_path, extraction_calls):
    out = tmp_path / "out"
    _build(corpus, out)
    changed = sorted(corpus.rglob("summary.md"))[4]
    _edit(changed, "**Date:**", "**Date:** 2020-01-01\n**Old:**")
    extraction_calls.clear()
    graph = _build(corpus, out)
    assert extraction_calls == [changed.relative_to(corpus).as_posix()]
    assert graph.report.parts_built == 1
    assert len(_entries(out, "digests")) == DOCUMENTS  # the stale entry is pruned
    assert _outputs(out) == _fresh(corpus, tmp_path / "fresh")
    assert "2020-01-01" in (out / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_change_to_the_code_redoes_everything(corpus, tmp_path, extraction_calls, monkeypatch):
    # the one version mechanism: a hash of kgraph's code and data and of the libraries' versions
    out = tmp_path / "out"
    _build(corpus, out)
    old = set(_entries(out, "digests"))
    monkeypatch.setattr(kgraph.build.keys, "code_version", lambda: "edited-for-test")
    monkeypatch.setattr(kgraph.build.hashing, "code_version", lambda: "edited-for-test")
    extraction_calls.clear()
    graph = _build(corpus, out)
    assert len(extraction_calls) == DOCUMENTS and graph.report.parts_built == len(_entries(out, "nodes"))
    assert set(_entries(out, "digests")).isdisjoint(old)


@pytest.mark.slow
def test_a_deleted_document_leaves_the_graph_and_the_store(corpus, tmp_path, extraction_calls):
    out = tmp_path / "out"
    _build(corpus, out)
    deleted = sorted(corpus.rglob("summary.md"))[5]
    source = deleted.relative_to(corpus).as_posix()
    assert source in (out / "graph.nq").read_text(encoding="utf-8")
    deleted.unlink()
    extraction_calls.clear()
    graph = _build(corpus, out)
    assert extraction_calls == [] and graph.report.documents_built == DOCUMENTS - 1
    assert source not in (out / "graph.nq").read_text(encoding="utf-8")
    assert len(_entries(out, "digests")) == DOCUMENTS - 1
    assert _outputs(out) == _fresh(corpus, tmp_path / "fresh")


def test_a_rebuild_after_a_change_leaves_no_stale_share(corpus, tmp_path):
    """Shares are keyed like their episode's nodes, and pruned with them (once kept forever)."""
    out = tmp_path / "out"
    _build(corpus, out)
    first = set(_entries(out, "nodes"))
    _edit(sorted(corpus.rglob("summary.md"))[4], "**Date:**", "**Date:** 2020-01-01\n**Old:**")
    _build(corpus, out)
    episodes = set(_entries(out, "nodes"))
    assert first - episodes  # the changed episode's key is gone
    for name in SHARES:  # the page reads `page_nodes` only for the episodes it keeps
        assert set(_entries(out, name)) == episodes or name == "page_nodes" and set(_entries(out, name)) <= episodes
    assert _outputs(out) == _fresh(corpus, tmp_path / "fresh")


@pytest.mark.slow
def test_the_folder_stays_within_twice_its_live_data_over_twenty_rebuilds_with_changes(corpus, tmp_path):
    out = tmp_path / "out"
    summaries = sorted(corpus.rglob("summary.md"))
    for rebuild in range(20):
        _edit(summaries[rebuild % DOCUMENTS], "**Date:**", f"**Date:** 2019-01-{rebuild + 1:02d}\n**Was:**")
        _build(corpus, out)
        live = sum(
            size
            for index in stored.indexes(out / FOLDER)
            for keys in stored.read(index).values()
            for _, size in keys.values()
        )
        assert sum(pack.stat().st_size for pack in stored.packs(out / FOLDER)) <= 2 * live
        assert len(stored.packs(out / FOLDER)) <= 8 and len(_entries(out, "digests")) == DOCUMENTS
    assert _outputs(out) == _fresh(corpus, tmp_path / "fresh")


# an entry is read only when what is made from it is missing
READ_ONLY_WITHOUT = {
    "runs": (),
    "digests": ("runs",),
    "summaries": ("runs",),
    "extractions": ("runs", "summaries"),
    "nodes": ("turtle",),
    "turtle": (),
    "page": (),
}


@pytest.mark.parametrize(
    "namespace",
    ["nodes", *(pytest.param(name, marks=pytest.mark.slow) for name in READ_ONLY_WITHOUT if name != "nodes")],
)
def test_a_damaged_entry_is_made_again_with_a_warning_never_trusted(corpus, tmp_path, namespace, caplog):
    out = tmp_path / "out"
    _build(corpus, out)
    before = _outputs(out)
    stored.drop(out / FOLDER, "pages")  # the page is made again from its shares
    stored.flip(out / FOLDER, namespace, _entries(out, namespace)[0])  # one flipped bit in the content
    for other in READ_ONLY_WITHOUT[namespace]:  # so that the damaged entry is read
        stored.drop(out / FOLDER, other)
    _build(corpus, out)
    assert _outputs(out) == before
    assert "damaged" in caplog.text


def test_an_entry_under_another_key_is_not_taken_for_it(corpus, tmp_path, extraction_calls):
    out = tmp_path / "out"
    _build(corpus, out)
    stored.drop(out / FOLDER, "runs")
    first, second = _entries(out, "digests")[:2]
    stored.point(out / FOLDER, "digests", second, at=("digests", first))  # intact, but not its record
    extraction_calls.clear()
    _build(corpus, out)
    assert len(extraction_calls) == 1


@pytest.mark.slow
def test_a_build_killed_halfway_leaves_nothing_wrong_behind(corpus, tmp_path, monkeypatch):
    from kgraph.build.store import Store

    out = tmp_path / "out"
    _build(corpus, out)
    _edit(sorted(corpus.rglob("summary.md"))[2], "**Date:**", "**Date:** 2018-08-08\n**Was:**")
    real_put, puts = Store.put, []

    def dying_put(self, namespace, key, content):
        puts.append(namespace)
        if namespace == "nodes":
            raise KeyboardInterrupt  # killed after the extraction, before the episode was stored
        real_put(self, namespace, key, content)

    with monkeypatch.context() as patch:
        patch.setattr(Store, "put", dying_put)
        with pytest.raises(KeyboardInterrupt):
            _build(corpus, out)
    assert "digests" in puts
    _build(corpus, out)
    assert _outputs(out) == _fresh(corpus, tmp_path / "fresh")


@pytest.mark.slow
def test_the_text_extracted_is_the_text_whose_key_was_taken(corpus, tmp_path, monkeypatch):
    import kgraph.build.pipeline as pipeline

    out = tmp_path / "out"
    target = sorted(corpus.rglob("summary.md"))[2]
    real_read = pipeline._read

    def read_then_edit(inputs, store, report, extracting):
        documents = real_read(inputs, store, report, extracting)  # read and hashed; now the user saves
        _edit(target, "**Date:**", "**Date:** 2011-11-11\n**Was:**")
        return documents

    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "_read", read_then_edit)
        _build(corpus, out)
    assert "2011-11-11" not in (out / "graph.ttl").read_text(encoding="utf-8")
    _build(corpus, out)  # the next build sees the edit
    assert "2011-11-11" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert _outputs(out) == _fresh(corpus, tmp_path / "fresh")


def test_a_folder_kgraph_did_not_make_is_refused_in_one_line(corpus, tmp_path):
    out = tmp_path / "out"
    (out / FOLDER).mkdir(parents=True)
    (out / FOLDER / "mine.txt").write_text("precious", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "-j", "1"])
    assert result.exit_code == 3 and result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.count("\n") == 1 and "not a kgraph cache" in result.stderr
    assert (out / FOLDER / "mine.txt").read_text(encoding="utf-8") == "precious"
    assert not (out / "graph.ttl").exists()


def test_a_cache_another_build_makes_while_this_one_looks_is_taken(tmp_path, monkeypatch):
    """Two builds into one new folder: the other makes the cache (marker and all, by a rename) right
    as this one looks for it; this one then finds a kgraph cache, not a stranger's folder (a test of
    two real builds at once failed so, once in several runs)."""
    from pathlib import Path

    from kgraph.build import store

    folder = tmp_path / "out" / FOLDER
    real_exists = Path.exists
    made = []

    def the_other_build_makes_it_now(path: Path) -> bool:
        if path == folder and not made:
            made.append(True)
            store._open(folder)  # the other build, in between
        return real_exists(path)

    monkeypatch.setattr(Path, "exists", the_other_build_makes_it_now)
    store._open(folder)  # no error: the folder is a kgraph cache
    assert made and (folder / store.MARKER).read_text(encoding="utf-8") == store.MARKER_TEXT


def test_the_store_deletes_only_what_it_wrote(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    foreign = [
        *(out / FOLDER / name for name in ("notes.txt", "digests/README.md", "other/x", "packs/notes.txt")),
        out / FOLDER / "packs" / "0123.pack",  # not a name the store gives a pack
    ]
    for path in foreign:
        path.parent.mkdir(exist_ok=True)
        path.write_text("keep me", encoding="utf-8")
    for path in sorted(corpus.rglob("summary.md"))[:5]:
        path.unlink()  # their entries go
    _build(corpus, out)
    assert len(_entries(out, "digests")) == DOCUMENTS - 5
    assert all(path.read_text(encoding="utf-8") == "keep me" for path in foreign)


@pytest.mark.slow
def test_the_cli_caches_under_the_output_unless_told_not_to(corpus, tmp_path):
    cached, uncached = tmp_path / "cached", tmp_path / "uncached"
    assert CliRunner().invoke(main, ["build", str(corpus), "-o", str(cached), "-j", "1"]).exit_code == 0
    assert CliRunner().invoke(main, ["build", str(corpus), "-o", str(uncached), "--no-cache"]).exit_code == 0
    assert len(_entries(cached, "digests")) == DOCUMENTS
    assert not (uncached / FOLDER).exists()
    assert (cached / "graph.ttl").read_bytes() == (uncached / "graph.ttl").read_bytes()
    again = CliRunner().invoke(main, ["build", str(corpus), "-o", str(cached)])
    assert f"cache: {DOCUMENTS} documents reused, 0 extracted" in again.output


@pytest.mark.slow
def test_export_after_build_reuses_the_cache_and_writes_what_a_fresh_export_writes(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "-j", "1"]).exit_code == 0
    fresh = CliRunner().invoke(main, ["export", str(corpus), "-f", "nquads", "-o", str(tmp_path / "fresh.nq")])
    assert fresh.exit_code == 0, fresh.output
    calls: list[str] = []
    monkeypatch.setattr(kgraph.build.workers, "build_episode", lambda *args: calls.append("episode"))
    result = CliRunner().invoke(
        main, ["export", str(corpus), "-f", "nquads", "-o", str(tmp_path / "g.nq"), "--cache-from", str(out), "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    assert calls == []  # no episode made again: the build's result and nodes are reused
    assert (tmp_path / "g.nq").read_bytes() == (tmp_path / "fresh.nq").read_bytes()
