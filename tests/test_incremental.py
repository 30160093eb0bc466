"""Rebuilds remake exactly the episodes whose complete key changed: their documents, their
answers from the identities, or a shared name that can occur in their text (see
`kgraph.build.keys`); the outputs are the bytes a build from nothing writes."""

from __future__ import annotations

import random
from array import array

import kgraph
from kgraph.build.keys import name_index, names_that_can_occur
from kgraph.build.store import FOLDER
from kgraph.resolve.digest import token_hash
from kgraph.resolve.mentions import NameMatcher, name_tokens

from .conftest import synthetic_corpus

OUTPUTS = ("turtle", "nquads", "html")


def _build(corpus, out, cache=True):
    graph = kgraph.build([corpus], jobs=1, cache=out / FOLDER if cache else None, formats=OUTPUTS)
    graph.write(out, OUTPUTS)
    return graph


def _outputs(out):
    return {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.nq", "graph.html", "report.json")}


def _fresh(corpus, folder):
    _build(corpus, folder, cache=False)
    return _outputs(folder)


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


def test_an_added_document_remakes_only_the_episodes_whose_text_can_contain_its_names(tmp_path):
    corpus = _three_episodes(tmp_path / "corpus")
    out = tmp_path / "out"
    _build(corpus, out)
    _summary(
        corpus,
        "delta",
        podcast="Signal Desk",
        title="Valve Makers",
        month=6,
        host="Ida Brandt",
        guest="Rhea Lund",
        theme="Makers Consolidate",
        quote="Three valve makers are left.",
        companies="### **Vantor Dynamics**\nValve maker.\n",
        role="Analyst at Vantor Dynamics.",
        insight="Fewer Suppliers",
        insight_text="Consolidation raises prices.",
    )
    graph = _build(corpus, out)
    assert graph.report.parts_built == 2  # delta itself, and alpha, which names Vantor Dynamics
    assert _outputs(out) == _fresh(corpus, tmp_path / "fresh")


def test_a_new_code_version_remakes_every_episode(tmp_path, monkeypatch):
    import kgraph.build.hashing as hashing
    import kgraph.build.keys as keys

    corpus = synthetic_corpus(tmp_path / "corpus", 6, seed=11)
    out = tmp_path / "out"
    first = _build(corpus, out)
    monkeypatch.setattr(keys, "code_version", lambda: "edited-for-test")
    monkeypatch.setattr(hashing, "code_version", lambda: "edited-for-test")
    assert _build(corpus, out).report.parts_built == first.report.parts_built > 0


def test_every_name_the_matcher_finds_is_in_the_episode_key():
    """The rule the complete key rests on: a shared name found in a text has all its tokens there
    (tokens as `digest_of` takes them). A matcher that found names otherwise (ignoring case,
    say) would fail here before it could leave a stale episode in a rebuild."""
    rng = random.Random(4)
    words = "Vantor Dynamics Sam Altman Open AI Kestrel Launch Nadia Okafor Labs of the and Co. Inc’s".split()
    names = {" ".join(rng.sample(words, rng.randint(1, 3))): f"urn:x:{number}" for number in range(40)}
    matcher = NameMatcher(names)
    index = name_index(matcher.index)
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(3, 20)))
        hashes = array("I", sorted({token_hash(token) for token in name_tokens(text)})).tobytes()
        keyed = {entry.split("\x03")[1] for entry in names_that_can_occur(index, hashes)}
        assert set(matcher.find(text)) <= keyed, text


def _relabel_vantor(corpus):
    """Four documents listing `Vantor Dynamics Group (Vantor Dynamics)`: the organization's label,
    and so its IRI, becomes the longer name."""
    for number, month in ((1, 7), (2, 8), (3, 9), (4, 5)):
        _summary(
            corpus,
            f"relabel{number}",
            podcast="Signal Desk",
            title=f"Valve Makers {number}",
            month=month,
            host="Ida Brandt",
            guest="Rhea Lund",
            theme=f"Makers Consolidate {number}",
            quote="Three valve makers are left.",
            companies="### **Vantor Dynamics Group (Vantor Dynamics)**\nValve maker.\n",
            role="Analyst.",
            insight="Fewer Suppliers",
            insight_text="Consolidation raises prices.",
        )


def _rebuilt_after_relabelling_vantor(corpus, tmp_path):
    """Builds `corpus` keeping the cache, relabels Vantor Dynamics, builds again: the rebuild must be
    the fresh build, whose outputs it returns."""
    out = tmp_path / "out"
    _build(corpus, out)
    assert "org/vantor-dynamics>" in _outputs(out)["graph.ttl"].decode()
    _relabel_vantor(corpus)
    _build(corpus, out)
    fresh = _fresh(corpus, tmp_path / "fresh")
    assert _outputs(out) == fresh
    return fresh


def test_a_rebuild_follows_a_relabelled_name_that_only_an_entry_or_an_affiliation_names(tmp_path):
    """A found bug: an episode whose entries' texts alone named a shared organization kept its old
    IRI after documents added elsewhere relabelled it, and the page stopped with an internal error."""
    corpus = tmp_path / "corpus"
    _summary(
        corpus,
        "gamma",
        podcast="Pipe Talk",
        title="Pumps",
        month=3,
        host="Ida Brandt",
        guest="Noor Haddad",
        theme="Pumps Are Back",
        quote="Nobody wants to talk about pumps again.",
        companies="### **Halden Pumps**\n- Description: Pump maker\n- Why mentioned: Competes with Vantor Dynamics\n",
        role="Engineer at Vantor Dynamics.",
        insight="Quiet Pumps",
        insight_text="Quiet pumps sell.",
    )
    _summary(
        corpus,
        "beta",
        podcast="Signal Desk",
        title="Valves",
        month=4,
        host="Ida Brandt",
        guest="Rhea Lund",
        theme="Valves Return",
        quote="Valves are the new pumps for us.",
        companies="### **Vantor Dynamics**\nValve maker.\n",
        role="Analyst.",
        insight="Valve Prices",
        insight_text="Prices rise.",
    )
    fresh = _rebuilt_after_relabelling_vantor(corpus, tmp_path)
    gamma = [line for line in fresh["graph.nq"].decode().splitlines() if "pipe-talk" in line and "vantor" in line]
    assert gamma and all("vantor-dynamics-group" in line for line in gamma)


def test_a_rebuild_follows_a_relabelled_organization_a_participant_belongs_to(tmp_path):
    """An episode mentions the organizations its people belong to; one named only in the
    participants line is in the episode's key, so a relabel remakes the episode."""
    corpus = tmp_path / "corpus"
    (corpus / "delta").mkdir(parents=True)
    (corpus / "delta" / "summary.md").write_text(
        "# Pipe Talk: Pumps\n\n**Podcast:** Pipe Talk\n**Date:** 2025-03-04\n"
        "**Participants:** Ida Brandt, Noor Haddad (CTO, Vantor Dynamics)\n\n---\n\n"
        '## 1. Key Themes\n\n### **Pumps Are Back**\nNoor Haddad explains: "Nobody wants to talk about pumps again."\n',
        encoding="utf-8",
    )
    fresh = _rebuilt_after_relabelling_vantor(corpus, tmp_path)
    delta = [line for line in fresh["graph.nq"].decode().splitlines() if "pipe-talk" in line and "#mentions" in line]
    assert any("vantor-dynamics-group" in line for line in delta)
