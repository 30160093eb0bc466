"""The per-episode part cache: a rebuild makes again only the episodes whose inputs changed, and
its outputs are the bytes a build from nothing writes."""

from __future__ import annotations

import pytest

import kgraph
import kgraph.pipeline
from kgraph.errors import KgraphError
from kgraph.parts import _HEADER, PARTS_FOLDER, STATE, SUFFIX, PartCache

from .conftest import synthetic_corpus

OUTPUTS = ("turtle", "nquads", "html")


def _build(corpus, out, cache=True, jobs=1):
    graph = kgraph.build([corpus], jobs=jobs, cache=out / ".cache" if cache else None)
    graph.write(out, OUTPUTS)
    return graph


def _outputs(out):
    return {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.nq", "graph.html", "report.json")}


def _fresh(corpus, folder):
    _build(corpus, folder, cache=False)
    return _outputs(folder)


def _part_files(out):
    return sorted((out / ".cache" / PARTS_FOLDER).glob(f"*{SUFFIX}"))


@pytest.fixture()
def corpus(tmp_path):
    return synthetic_corpus(tmp_path / "corpus", 20, seed=11)


def test_a_second_build_makes_no_part_and_writes_the_same_bytes(corpus, tmp_path):
    out = tmp_path / "out"
    first = _build(corpus, out)
    assert first.report.parts_built == len(_part_files(out)) > 0
    before = _outputs(out)
    assert _build(corpus, out).report.parts_built == 0
    assert _outputs(out) == before == _fresh(corpus, tmp_path / "fresh")


def test_a_changed_document_remakes_its_own_part_only(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    changed = sorted(corpus.rglob("summary.md"))[3]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("**Date:**", "**Date:** 2019-09-09\n**Was:**", 1), encoding="utf-8")
    graph = _build(corpus, out)
    assert graph.report.parts_built == 1
    assert _outputs(out) == _fresh(corpus, tmp_path / "fresh")
    assert "2019-09-09" in (out / "graph.ttl").read_text(encoding="utf-8")


HEADER = """# {podcast}: {title}

**Podcast:** {podcast}
**Date:** 2025-0{month}-04
**Participants:** {host}, {guest}

---

## 1. Key Themes

### **{theme}**
{guest} explains: "{quote}" [00:12:05]

## 2. Companies Identified

{companies}
## 3. People Identified

### **{guest}**
{role}

## 4. Operating Insights

### **{insight}**
{insight_text}
"""


def _summary(folder, name, **fields):
    path = folder / name / "summary.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER.format(**fields), encoding="utf-8")
    return path


def _three_episodes(folder):
    """Only the first names Vantor Dynamics in running text; the second lists companies; the
    third shares no name with either."""
    _summary(
        folder,
        "alpha",
        podcast="Orbit Talk",
        title="Cheap Orbits",
        month=3,
        host="Tom Reyes",
        guest="Nadia Okafor",
        theme="Reuse Changes the Cost Curve",
        quote="Once the booster comes back, launch cost is mostly fuel.",
        companies="### **Kestrel Launch**\nReusable rocket company.\n",
        role="Chief engineer at Kestrel Launch.",
        insight="Watch the Supplier",
        insight_text="Vantor Dynamics supplies most of the valves.",
    )
    _summary(
        folder,
        "beta",
        podcast="Signal Desk",
        title="Valves and Vendors",
        month=4,
        host="Ida Brandt",
        guest="Omar Castell",
        theme="Vendors Set the Pace",
        quote="A launch waits on its slowest vendor.",
        companies="### **Halden Works**\nA machine shop.\n",
        role="Buyer at Halden Works.",
        insight="Second Sources",
        insight_text="Every valve needs a second source.",
    )
    _summary(
        folder,
        "gamma",
        podcast="Field Notes",
        title="Soil Sensors",
        month=5,
        host="Lia Moreau",
        guest="Pavel Drozd",
        theme="Sensors Get Cheap",
        quote="A soil probe costs less than lunch now.",
        companies="### **Terrace Labs**\nSoil sensing.\n",
        role="Founder of Terrace Labs.",
        insight="Sample Weekly",
        insight_text="Weekly samples beat daily ones.",
    )
    return folder


def _list_vantor_in_beta(corpus):
    """Beta's Companies section gains the company alpha's text names; returns beta and its text before."""
    beta = corpus / "beta" / "summary.md"
    original = beta.read_text(encoding="utf-8")
    beta.write_text(
        original.replace("## 3. People", "### **Vantor Dynamics**\nValve maker.\n\n## 3. People"), encoding="utf-8"
    )
    return beta, original


def test_a_name_added_in_one_document_reaches_the_episode_that_mentions_it(tmp_path):
    corpus = _three_episodes(tmp_path / "corpus")
    out = tmp_path / "out"
    _build(corpus, out)
    before = _outputs(out)
    assert "vantor-dynamics" not in before["graph.ttl"].decode()
    beta, original = _list_vantor_in_beta(corpus)
    graph = _build(corpus, out)
    assert graph.report.parts_built == 2  # beta, which changed, and alpha, whose text names the new company
    assert _outputs(out) == _fresh(corpus, tmp_path / "fresh")
    alpha_mentions = [
        line
        for line in (out / "graph.nq").read_text(encoding="utf-8").splitlines()
        if "vantor-dynamics" in line and "cheap-orbits" in line
    ]
    assert alpha_mentions, "alpha's insight should now mention the company that beta lists"
    beta.write_text(original, encoding="utf-8")  # and back: the mention goes away again
    assert _build(corpus, out).report.parts_built == 2
    assert _outputs(out) == before


def test_a_new_code_version_remakes_every_part(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = _build(corpus, out)
    old_parts = set(_part_files(out))
    monkeypatch.setattr(kgraph.pipeline, "code_version", lambda: "bumped-for-test")
    graph = _build(corpus, out)
    assert graph.report.parts_built == first.report.parts_built
    assert set(_part_files(out)).isdisjoint(old_parts)  # the old ones are deleted
    assert len(_part_files(out)) == first.report.parts_built


def test_a_deleted_document_takes_its_part_with_it(corpus, tmp_path):
    out = tmp_path / "out"
    first = _build(corpus, out)
    sorted(corpus.rglob("summary.md"))[5].unlink()
    graph = _build(corpus, out)
    assert graph.report.parts_built == 0
    assert len(_part_files(out)) == first.report.parts_built - 1
    assert _outputs(out) == _fresh(corpus, tmp_path / "fresh")


def test_a_corrupt_or_missing_part_is_made_again_not_trusted(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    before = _outputs(out)
    corrupt, missing = _part_files(out)[:2]
    corrupt.write_bytes(b"not a pickle")
    missing.unlink()
    assert _build(corpus, out).report.parts_built == 2
    assert _outputs(out) == before


def test_without_the_state_of_the_last_build_no_part_is_trusted(corpus, tmp_path):
    out = tmp_path / "out"
    first = _build(corpus, out)
    before = _outputs(out)
    (out / ".cache" / PARTS_FOLDER / STATE).write_bytes(b"\x80garbage")
    assert _build(corpus, out).report.parts_built == first.report.parts_built
    assert _outputs(out) == before


def test_a_build_stopped_before_it_commits_leaves_no_part_that_is_trusted_wrongly(tmp_path, monkeypatch):
    # alpha's part is remade under the same fingerprint when beta adds a name alpha's text holds;
    # if the build stops before it records its state, the file holds mentions made with names the
    # recorded state does not have: the next build must not reuse it.
    corpus = _three_episodes(tmp_path / "corpus")
    out = tmp_path / "out"
    _build(corpus, out)
    beta, original = _list_vantor_in_beta(corpus)

    def interrupted(self, names, parts):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(PartCache, "commit", interrupted)
        with pytest.raises(KeyboardInterrupt):
            _build(corpus, out)
    beta.write_text(original, encoding="utf-8")
    _build(corpus, out)
    assert _outputs(out) == _fresh(corpus, tmp_path / "fresh")


def test_a_part_an_interrupted_build_left_is_trusted_only_once_a_build_commits_it(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    folder = out / ".cache" / PARTS_FOLDER
    left = _part_files(out)[0]
    part = PartCache(folder).get(left.stem)
    content, turtle = left.read_bytes(), part.turtle
    names = PartCache(folder).state.names
    PartCache(folder).commit(names, [])  # a build that kept none of the parts
    assert _part_files(out) == []
    left.write_bytes(content)  # what an interrupted build leaves: the file, but no state naming it
    assert PartCache(folder).get(part.fingerprint) is None
    PartCache(folder).commit(names, [part])
    assert PartCache(folder).get(part.fingerprint).turtle == turtle


def _flip(path, position, bits):
    data = bytearray(path.read_bytes())
    data[position] ^= bits
    path.write_bytes(bytes(data))


def test_a_damaged_part_is_found_removed_and_made_again(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    before = _outputs(out)
    damaged = _part_files(out)[0]
    _flip(damaged, -40, 0x01)  # one bit of the payload, the size unchanged
    with pytest.raises(KgraphError, match="damaged and is now removed"):
        _build(corpus, out)
    assert not damaged.exists()
    assert _build(corpus, out).report.parts_built == 1
    assert _outputs(out) == before


def test_a_part_read_from_the_cache_leaves_its_bulk_in_the_file(corpus, tmp_path):
    out = tmp_path / "out"
    _build(corpus, out)
    part = PartCache(out / ".cache" / PARTS_FOLDER).get(_part_files(out)[0].stem)
    assert part._turtle is None and part._nodes_pickle is None  # read only when an output asks
    assert part.turtle.startswith(b"<") and part.nodes.episode.iri == part.episode
    _part_files(out)[0].write_bytes(b"")  # another process emptied the cache meanwhile
    with pytest.raises(KgraphError, match="cache changed during the build"):
        _ = part.turtle


def test_a_part_with_a_damaged_header_is_made_again(corpus, tmp_path):
    # The header holds the page's share (names, notes, degrees): damage there must not reach the page.
    out = tmp_path / "out"
    _build(corpus, out)
    before = _outputs(out)
    damaged = _part_files(out)[0]
    _flip(damaged, _HEADER.size + 200, 0x20)  # a letter's case, say, in a pickled string
    assert _build(corpus, out).report.parts_built == 1
    assert _outputs(out) == before


@pytest.mark.slow  # worker processes
def test_parts_made_by_two_worker_processes_are_the_bytes_one_process_makes(tmp_path):
    corpus = synthetic_corpus(tmp_path / "corpus", 2 * kgraph.pipeline.MIN_PARALLEL_DOCUMENTS, seed=13)
    outputs = {}
    for jobs in (1, 2):
        out = tmp_path / f"jobs-{jobs}"
        graph = _build(corpus, out, jobs=jobs)
        assert graph.report.parts_built >= kgraph.pipeline.MIN_PARALLEL_DOCUMENTS
        outputs[jobs] = _outputs(out)
        assert _build(corpus, out, jobs=jobs).report.parts_built == 0  # what the workers cached is reused
        assert _outputs(out) == outputs[jobs]
    assert outputs[1] == outputs[2]


@pytest.mark.slow  # worker processes
def test_workers_remake_parts_whose_extraction_entry_is_damaged(tmp_path, monkeypatch):
    corpus = synthetic_corpus(tmp_path / "corpus", 2 * kgraph.pipeline.MIN_PARALLEL_DOCUMENTS, seed=17)
    out = tmp_path / "out"
    _build(corpus, out, jobs=2)
    expected = _outputs(out)
    entries = sorted((out / ".cache").glob("*.pickle"))
    for entry in entries[:3]:  # the digest still reads, the extraction after it does not
        entry.write_bytes(entry.read_bytes()[:-200])
    # Every part is remade (in the workers), so every episode needs its extraction.
    monkeypatch.setattr(kgraph.pipeline, "code_version", lambda: "bumped-for-test")
    graph = _build(corpus, out, jobs=2)
    assert graph.report.parts_built >= kgraph.pipeline.MIN_PARALLEL_DOCUMENTS
    assert _outputs(out) == expected
    assert all(kgraph.pipeline.ExtractionCache(out / ".cache").get(entry.stem) for entry in entries[:3])  # repaired
