"""The graph page without a browser: what it contains, escaping, determinism, focus and cap."""

from __future__ import annotations

import json
import re

import pytest

import kgraph
from kgraph.errors import UsageError
from kgraph.outputs.html import DEFAULT_MAX_NODES, HtmlOptions, render_page
from kgraph.outputs.html.data import timestamp_url
from kgraph.outputs.html.page import script_json
from kgraph.outputs.html.style import RELATION_NAMES

from .conftest import FIXTURES

HTML_CORPUS = FIXTURES / "html_corpus"  # two invented episodes, one with hostile quotes


@pytest.fixture(scope="module")
def graph() -> kgraph.KnowledgeGraph:
    return kgraph.build([HTML_CORPUS])


def _data(page: str) -> dict:
    match = re.search(r'<script id="kgraph-data" type="application/json">(.*?)</script>', page, re.S)
    assert match, "the page embeds its data as JSON"
    return json.loads(match.group(1))


def test_page_has_no_external_resource(graph):
    page = render_page(graph.model, graph.statements)
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "cdn" not in page.lower().replace("cdnjs", "")  # no CDN host, not even commented out
    assert "default-src 'none'" in page  # the CSP forbids any request even if a script tried


def test_document_text_is_escaped_in_the_page(graph):
    page = render_page(graph.model, graph.statements)
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x onerror" not in page
    data = _data(page)
    quotes = [d["text"] for d in data["details"] if d["type"] == "Claim"]
    assert any("<script>alert(1)</script>" in quote for quote in quotes)  # intact after JSON.parse
    assert any("<img src=x onerror=alert(1)>" in quote for quote in quotes)


def test_script_json_cannot_close_the_script_element():
    text = script_json({"q": "</script><script>alert(1)</script> & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"q": "</script><script>alert(1)</script> & \u2028"}


def test_nodes_match_the_graph_and_claims_are_hidden_by_default(graph):
    data = _data(render_page(graph.model, graph.statements))
    drawn = {d["iri"] for d in data["details"]}
    expected = {iri for iri, d in graph.nx.nodes(data=True) if d["type"] != "Mention"}
    assert drawn == expected
    shown = {c["name"] for c in data["classes"] if c["shown"]}
    assert "Claim" not in shown and {"Person", "Organization", "Episode", "Podcast"} <= shown
    assert all(node["x"] is not None and node["y"] is not None for node in data["nodes"])


def test_every_relation_between_drawn_nodes_is_an_edge_named_by_its_relation(graph):
    data = _data(render_page(graph.model, graph.statements))
    ids = {d["iri"]: number for number, d in enumerate(data["details"])}
    titles = {(e["from"], e["to"]): e["title"].split(", ") for e in data["edges"]}
    checked = 0
    for subject, obj, key in graph.nx.edges(keys=True):
        if key in RELATION_NAMES and subject in ids and obj in ids:
            assert RELATION_NAMES[key] in titles[(ids[subject], ids[obj])]
            checked += 1
    assert checked >= len(data["edges"])
    nadia, episode = (
        ids[_iri(graph, "Nadia Okafor")],
        ids[_iri(graph, "Orbit Talk: Reusable Rockets with Nadia Okafor")],
    )
    assert "participant" in titles[(episode, nadia)]


def _iri(graph, label: str) -> str:
    return next(iri for iri, d in graph.nx.nodes(data=True) if d["label"] == label)


def test_person_panel_data_lists_claims_with_time_links(graph):
    data = _data(render_page(graph.model, graph.statements))
    details = data["details"]
    nadia = next(d for d in details if d["label"] == "Nadia Okafor")
    assert nadia["aliases"] == ["N. Okafor"]
    assert nadia["description"] == "Chief engineer at Kestrel Launch."
    said = [details[c] for c in nadia["claims"] if details[c]["speaker"] == details.index(nadia)]
    assert len(said) == 3
    first = next(c for c in said if c["timestamp"] == "00:12:05")
    assert first["link"] == "https://www.youtube.com/watch?v=abcDEF12345&t=725s"
    episode = details[nadia["episodes"][0][0]]
    assert episode["url"] == "https://www.youtube.com/watch?v=abcDEF12345"


def test_timestamp_links_only_where_the_platform_supports_them():
    assert timestamp_url("https://youtu.be/abc", 61) == "https://youtu.be/abc?t=61s"
    assert timestamp_url("https://www.youtube.com/watch?v=x", 5) == "https://www.youtube.com/watch?v=x&t=5s"
    assert timestamp_url("https://example.org/ep/1", 5) == "https://example.org/ep/1"
    assert timestamp_url(None, 5) is None


def test_same_input_gives_a_byte_identical_page(graph, tmp_path):
    again = kgraph.build([HTML_CORPUS])
    graph.write(tmp_path / "a", ("html",))
    again.write(tmp_path / "b", ("html",))
    assert (tmp_path / "a/graph.html").read_bytes() == (tmp_path / "b/graph.html").read_bytes()


def test_focus_keeps_the_neighbourhood(graph):
    data = _data(render_page(graph.model, graph.statements, HtmlOptions(focus="n. okafor", depth=1)))
    labels = {d["label"] for d in data["details"] if d["type"] != "Claim"}
    assert "Nadia Okafor" in labels
    assert "Ivo Marchetti" not in labels and "Signal Desk" not in labels
    claims = [d for d in data["details"] if d["type"] == "Claim"]
    assert len(claims) == 3  # the claims of the kept episode follow it, the other episode's do not
    assert all(not d["text"].startswith("Paste") for d in claims)


def test_unknown_focus_is_a_usage_error(graph):
    with pytest.raises(UsageError, match="no podcast, episode, person or organization named"):
        render_page(graph.model, graph.statements, HtmlOptions(focus="Nobody Atall"))


def test_max_nodes_keeps_the_most_connected(graph):
    data = _data(render_page(graph.model, graph.statements, HtmlOptions(max_nodes=3)))
    kept = [d for d in data["details"] if d["type"] != "Claim"]
    assert len(kept) == 3
    degree = {iri: 0 for iri in graph.nx}
    for subject, obj, key in graph.nx.edges(keys=True):
        if (
            key.startswith("kg:")
            and graph.nx.nodes[subject]["type"] not in ("Claim", "Mention")
            and graph.nx.nodes[obj]["type"] not in ("Claim", "Mention")
        ):
            degree[subject] += 1
            degree[obj] += 1
    top = sorted((d for d in degree.values()), reverse=True)[:3]
    assert sorted((degree[d["iri"]] for d in kept), reverse=True) == top
    # claims of the kept episodes follow, but no more of them than the cap
    claims = [d for d in data["details"] if d["type"] == "Claim"]
    assert 0 < len(claims) <= 3


def test_a_default_cap_bounds_the_page_of_a_large_corpus(graph):
    assert HtmlOptions().max_nodes == DEFAULT_MAX_NODES
    everything = _data(render_page(graph.model, graph.statements, HtmlOptions(max_nodes=None)))
    default = _data(render_page(graph.model, graph.statements))
    assert len(default["details"]) == len(everything["details"]) < DEFAULT_MAX_NODES  # small: untouched


def test_cli_html_options(tmp_path):
    from click.testing import CliRunner

    from kgraph.cli import main

    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "build",
            str(HTML_CORPUS),
            "-o",
            str(tmp_path),
            "--html-focus",
            "Ivo Marchetti",
            "--html-depth",
            "1",
        ],
    )
    assert result.exit_code == 0, result.output
    labels = {d["label"] for d in _data((tmp_path / "graph.html").read_text())["details"]}
    assert "Ivo Marchetti" in labels and "Nadia Okafor" not in labels
    result = runner.invoke(main, ["build", str(HTML_CORPUS), "-o", str(tmp_path / "x"), "--html-focus", "Nobody Atall"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not (tmp_path / "x" / "graph.html").exists()


def test_a_rebuild_with_a_cache_reuses_the_layout_when_the_drawing_is_unchanged(tmp_path, monkeypatch):
    import kgraph.outputs.html.layout as layout_module

    real, calls = layout_module._force_layout, []
    monkeypatch.setattr(layout_module, "_force_layout", lambda *args: calls.append(1) or real(*args))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for source in HTML_CORPUS.iterdir():
        (corpus / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"

    def page() -> bytes:
        kgraph.build([corpus], cache=out / ".kgraph-cache").write(out, ("html",))
        return (out / "graph.html").read_bytes()

    first = page()
    assert page() == first and len(calls) == 1  # the second build laid nothing out
    for entry in (out / ".kgraph-cache" / "pages").iterdir():
        entry.unlink()  # the page is drawn again...
    for entry in (out / ".kgraph-cache" / "layouts").iterdir():
        entry.write_bytes(b"torn")
    assert page() == first and len(calls) == 2  # ...and its damaged layout laid out again
    talk = corpus / "orbit-talk-1.md"
    talk.write_text(talk.read_text(encoding="utf-8").replace("fuel and paperwork", "fuel and forms"), encoding="utf-8")
    reworded = page()
    assert len(calls) == 2 and reworded != first  # same drawing, new text: the layout is reused
    kgraph.build([corpus]).write(tmp_path / "fresh-reworded", ("html",))  # (no cache: lays out)
    assert reworded == (tmp_path / "fresh-reworded" / "graph.html").read_bytes()
    del calls[2:]
    talk.write_text(talk.read_text(encoding="utf-8") + "\n### **Orbital Freight**\nA new company.\n", encoding="utf-8")
    changed = page()
    assert len(calls) == 3 and _data(changed.decode())["nodes"] != _data(reworded.decode())["nodes"]
    fresh = tmp_path / "fresh"
    kgraph.build([corpus]).write(fresh, ("html",))
    assert changed == (fresh / "graph.html").read_bytes()
