"""The explorer page without a browser: what its data holds, escaping, determinism, focus, the cap
(said in the page, the build's output and report.json), grounding fields and the Gephi export."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kgraph
from kgraph.errors import UsageError
from kgraph.model import Grounding, SpeakerEvidence
from kgraph.outputs import statements as rdf
from kgraph.outputs.html import DEFAULT_MAX_NODES, HtmlOptions, render_page
from kgraph.outputs.html.data import timestamp_url
from kgraph.outputs.html.page import page_cap, script_json
from kgraph.outputs.html.view import FONT

from . import stored
from .conftest import FIXTURES

HTML_CORPUS = FIXTURES / "html_corpus"  # two invented episodes, one with hostile quotes
EXPLORER_CORPUS = FIXTURES / "explorer_corpus"  # three invented episodes: a path, a timeline


@pytest.fixture(scope="module")
def graph() -> kgraph.KnowledgeGraph:
    return kgraph.build([HTML_CORPUS])


def _block(page: str, name: str) -> tuple[str, dict]:
    match = re.search(rf'<script id="{name}" type="application/json">(.*?)</script>', page, re.S)
    assert match, f"the page embeds {name} as JSON"
    return match.group(1), json.loads(match.group(1))


def _data(page: str) -> dict:
    return _block(page, "kgraph-data")[1]


def _texts(page: str) -> dict:
    return _block(page, "kgraph-text")[1]


def _quotes(texts: dict) -> list[str]:
    """Each claim's quote: its text, or its place [insight, start, end] in the insight's text."""

    def quote(entry: object) -> str:
        if isinstance(entry, str):
            return entry
        insight, start, end = entry  # UTF-16 offsets, as the page's JavaScript slices
        return texts["text"][str(insight)].encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")

    return [quote(entry) for entry in texts["claims"]["text"]]


def _keys(data: dict) -> list[str]:
    keys: list[str] = []
    for shared, rest in zip(data["key"][::2], data["key"][1::2], strict=True):  # front-coded
        keys.append((keys[-1][:shared] if keys else "") + rest)
    return keys


def _id(data: dict, label: str) -> int:
    return data["label"].index(label)


def test_page_has_no_external_resource(graph):
    page = render_page(graph.model, graph.statements)
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "cdn" not in page.lower().replace("cdnjs", "")  # no CDN host, not even commented out
    assert "default-src 'none'" in page  # the CSP forbids any request even if a script tried


def test_document_text_is_escaped_and_ascii_in_the_page(graph):
    page = render_page(graph.model, graph.statements)
    assert "<script>alert(1)</script>" not in page
    assert "<img src=x onerror" not in page
    for name in ("kgraph-data", "kgraph-text"):
        raw, _ = _block(page, name)
        assert raw.isascii() and "<" not in raw and "&" not in raw
    quotes = _quotes(_texts(page))
    assert any("<script>alert(1)</script>" in quote for quote in quotes)  # intact after JSON.parse
    assert any("<img src=x onerror=alert(1)>" in quote for quote in quotes)


def test_script_json_cannot_close_the_script_element():
    text = script_json({"q": "</script><script>alert(1)</script> & \u2028 é"})
    assert "<" not in text and ">" not in text and "&" not in text and text.isascii()
    assert json.loads(text) == {"q": "</script><script>alert(1)</script> & \u2028 é"}


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON_VALUES)
def test_script_json_writes_what_the_chunked_python_encoder_wrote(value):
    # the page's JSON was the pure-Python encoder's chunks, escaped chunk by chunk: the C encoder
    # used now must write the same bytes
    chunks = json.JSONEncoder(ensure_ascii=True, sort_keys=True, separators=(",", ":")).iterencode(value)
    expected = "".join(chunks).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    assert script_json(value) == expected


def test_page_holds_every_node_and_claim_as_integer_ids(graph):
    data = _data(render_page(graph.model, graph.statements))
    held = {data["base"] + key for key in _keys(data)}
    expected = {iri for iri, d in graph.nx.nodes(data=True) if d["type"] not in ("Mention", "Claim")}
    assert held == expected
    assert len(data["claims"]["episode"]) == len(graph.model.claims)
    assert all(isinstance(n, int) for n in data["edges"]) and len(data["edges"]) % 3 == 0


def test_first_view_is_entities_and_shows_with_labels_that_do_not_overlap(corpus_graph):
    data = _data(corpus_graph.page_html())
    corpus_level = {n for n, c in enumerate(data["classes"]) if c["corpus"]}
    assert all(data["type"][n] in corpus_level for n in data["first"])
    podcasts = [n for n, t in enumerate(data["type"]) if data["classes"][t]["name"] == "Podcast"]
    assert set(podcasts) <= set(data["first"]) and len(data["first"]) < 600
    boxes = []
    for n in data["labelled"]:
        width = 0.6 * FONT * min(len(data["label"][n]), 32) + 4
        top = data["y"][n] + data["size"][n] + 1
        boxes.append((data["x"][n] - width / 2, top, data["x"][n] + width / 2, top + FONT + 2))
    assert len(boxes) >= 20
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    assert len(set(data["group"].values())) >= 3  # communities colour the view


def test_relations_are_named_edges_between_ids(graph):
    data = _data(render_page(graph.model, graph.statements))
    nadia = _id(data, "Nadia Okafor")
    episode = _id(data, "Orbit Talk: Reusable Rockets with Nadia Okafor")
    triples = [tuple(data["edges"][i : i + 3]) for i in range(0, len(data["edges"]), 3)]
    relations = {(a, b): [name for bit, name in enumerate(data["relations"]) if r >> bit & 1] for a, b, r in triples}
    assert "participant" in relations[(episode, nadia)]
    assert all(names for names in relations.values())


def test_person_claims_carry_speaker_episode_and_time(graph):
    page = render_page(graph.model, graph.statements)
    data, texts = _data(page), _texts(page)
    claims, nadia = data["claims"], _id(data, "Nadia Okafor")
    said = [c for c, speaker in enumerate(claims["speaker"]) if speaker == nadia]
    assert len(said) == 3
    first = next(c for c in said if data["strings"][claims["time"][c]] == "00:12:05")
    assert "seconds" not in claims  # the page works them out of the time
    assert texts["url"][str(claims["episode"][first])] == "https://www.youtube.com/watch?v=abcDEF12345"
    assert data["aliases"][str(nadia)] == ["N. Okafor"]
    assert texts["description"][str(nadia)] == "Chief engineer at Kestrel Launch."


def test_grounding_fields_reach_the_page(graph):
    claims = list(graph.model.claims)
    claims[0] = claims[0].model_copy(
        update={
            "grounding": Grounding.NOT_IN_TRANSCRIPT,
            "heard_at": 4777,
            "recording_url": "https://example.org/rec.mp3#t=4777",
            "transcript_excerpt": "so the booster comes back",
            "transcript_label": "SPEAKER_01",
            "speaker_evidence": SpeakerEvidence.TRANSCRIPT_LABEL,
        }
    )
    model = graph.model.model_copy(update={"claims": tuple(claims)})
    page = render_page(model, rdf.graph_statements(model))
    data, texts = _data(page), _texts(page)
    c = str(_quotes(texts).index(claims[0].text))
    assert data["claims"]["heard"] == {c: 4777}  # only where grounding found something
    assert data["strings"][data["claims"]["grounding"][c]] == "NotInTranscript"
    assert data["strings"][data["claims"]["evidence"][c]] == "TranscriptLabel"
    assert texts["claims"]["recording"] == {c: "https://example.org/rec.mp3#t=4777"}
    assert texts["claims"]["excerpt"] == {c: "so the booster comes back"}
    assert list(data["claims"]["grounding"]) == [c]


def test_identical_quotes_of_one_episode_are_one_claim(graph):
    extracted = kgraph.build([EXPLORER_CORPUS])  # one document files a quote twice: extraction keeps one
    texts = [c.text for c in extracted.model.claims]
    assert texts.count("A battery that idles most of the day still beats a gas peaker on cost.") == 1
    twice = graph.model.claims[0].model_copy(update={"iri": graph.model.claims[0].iri + "-again"})
    model = graph.model.model_copy(update={"claims": (*graph.model.claims, twice)})
    page_texts = _quotes(_texts(render_page(model, rdf.graph_statements(model))))
    assert page_texts.count(twice.text) == 1 and len(page_texts) == len(graph.model.claims)


def test_timestamp_links_only_where_the_platform_supports_them():
    assert timestamp_url("https://youtu.be/abc", 61) == "https://youtu.be/abc?t=61s"
    assert timestamp_url("https://www.youtube.com/watch?v=x", 5) == "https://www.youtube.com/watch?v=x&t=5s"
    assert timestamp_url("https://example.org/ep/1", 5) == "https://example.org/ep/1"
    assert timestamp_url(None, 5) is None


def test_same_input_gives_a_byte_identical_page(graph, tmp_path):
    again = kgraph.build([HTML_CORPUS])
    graph.write(tmp_path / "a", ("html", "gephi"))
    again.write(tmp_path / "b", ("html", "gephi"))
    for name in ("graph.html", "graph.gephi.gexf"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_focus_keeps_the_neighbourhood(graph):
    data = _data(render_page(graph.model, graph.statements, HtmlOptions(focus="n. okafor", depth=1)))
    assert "Nadia Okafor" in data["label"]
    assert "Ivo Marchetti" not in data["label"] and "Signal Desk" not in data["label"]
    assert len(data["claims"]["episode"]) == 3  # the kept episode's claims follow it
    assert data["cap"] == ""  # a focus is asked for: not a cap


def test_unknown_focus_is_a_usage_error(graph):
    with pytest.raises(UsageError, match="no podcast, episode, person or organization named"):
        render_page(graph.model, graph.statements, HtmlOptions(focus="Nobody Atall"))


def test_the_cap_keeps_the_most_connected_and_says_what_it_left_out(graph):
    page = render_page(graph.model, graph.statements, HtmlOptions(max_nodes=3))
    data = _data(page)
    assert len(data["label"]) == 3
    left = sum(1 for _, d in graph.nx.nodes(data=True) if d["type"] not in ("Claim", "Mention")) - 3
    claims_left = len(graph.model.claims) - len(data["claims"]["episode"])
    assert data["cap"] == page_cap(page)
    assert f"left {left} nodes and {claims_left} claims out" in data["cap"]
    assert "--html-max-nodes 3" in data["cap"]


def test_the_cap_is_in_the_build_output_and_report(tmp_path):
    from click.testing import CliRunner

    from kgraph.cli import main

    result = CliRunner().invoke(
        main, ["build", str(HTML_CORPUS), "-o", str(tmp_path), "--html-max-nodes", "4", "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    assert "graph.html: --html-max-nodes 4 left" in result.output
    warnings = json.loads((tmp_path / "report.json").read_text())["warnings"]
    assert [w["file"] for w in warnings if "--html-max-nodes 4" in w["warning"]] == ["graph.html"]
    result = CliRunner().invoke(main, ["build", str(HTML_CORPUS), "-o", str(tmp_path / "all"), "--no-cache"])
    assert "graph.html:" not in result.output
    assert not json.loads((tmp_path / "all" / "report.json").read_text())["warnings"]


def test_a_default_cap_bounds_the_page_of_a_large_corpus(graph):
    assert HtmlOptions().max_nodes == DEFAULT_MAX_NODES
    everything = _data(render_page(graph.model, graph.statements, HtmlOptions(max_nodes=None)))
    default = _data(render_page(graph.model, graph.statements))
    assert everything["key"] == default["key"] and default["cap"] == ""


def test_quotes_are_stored_once_as_places_in_their_insight(graph):
    texts = _texts(render_page(graph.model, graph.statements))
    places = [entry for entry in texts["claims"]["text"] if not isinstance(entry, str)]
    assert len(places) >= 4  # most quotes sit verbatim in their insight's paragraph
    assert sorted(_quotes(texts)) == sorted(c.text for c in graph.model.claims)


def test_cli_html_options(tmp_path):
    from click.testing import CliRunner

    from kgraph.cli import main

    runner = CliRunner()
    result = runner.invoke(
        main, ["build", str(HTML_CORPUS), "-o", str(tmp_path), "--html-focus", "Ivo Marchetti", "--html-depth", "1"]
    )
    assert result.exit_code == 0, result.output
    labels = _data((tmp_path / "graph.html").read_text())["label"]
    assert "Ivo Marchetti" in labels and "Nadia Okafor" not in labels
    result = runner.invoke(main, ["build", str(HTML_CORPUS), "-o", str(tmp_path / "x"), "--html-focus", "Nobody Atall"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert not (tmp_path / "x" / "graph.html").exists()


def test_gephi_export_has_the_page_layout_colours_and_date_spells(tmp_path):
    built = kgraph.build([EXPLORER_CORPUS])
    built.write(tmp_path, ("html", "gephi"))
    data = _data((tmp_path / "graph.html").read_text())
    root = ElementTree.parse(tmp_path / "graph.gephi.gexf").getroot()
    ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    nodes = {node.get("label"): node for node in root.iterfind(".//g:node", ns)}
    ada = nodes["Ada Quinn"]
    position = ada.find("viz:position", ns)
    n = _id(data, "Ada Quinn")
    assert (int(position.get("x")), -int(position.get("y"))) == (data["x"][n], data["y"][n])
    assert float(ada.find("viz:size", ns).get("value")) == data["size"][n]
    assert ada.find("viz:color", ns) is not None
    spells = [s.get("start") for s in ada.iterfind("g:spells/g:spell", ns)]
    assert spells == ["2025-01-10", "2025-03-05"]
    assert root.find("g:graph", ns).get("mode") == "dynamic"
    dated = [e for e in root.iterfind(".//g:edge", ns) if e.get("start")]
    assert dated and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", e.get("start")) for e in dated)


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
    stored.drop(out / ".kgraph-cache", "pages")  # the page is drawn again...
    for key in stored.keys(out / ".kgraph-cache", "layouts"):
        stored.flip(out / ".kgraph-cache", "layouts", key)
    assert page() == first and len(calls) == 2  # ...and its damaged layout laid out again
    talk = corpus / "orbit-talk-1.md"
    talk.write_text(talk.read_text(encoding="utf-8").replace("fuel and paperwork", "fuel and forms"), encoding="utf-8")
    reworded = page()
    assert len(calls) == 2 and reworded != first  # same drawing, new text: the layout is reused
    kgraph.build([corpus]).write(tmp_path / "fresh-reworded", ("html",))  # (no cache: lays out)
    assert reworded == (tmp_path / "fresh-reworded" / "graph.html").read_bytes()
    del calls[2:]
    text = talk.read_text(encoding="utf-8").replace("Tom Reyes, Nadia Okafor", "Tom Reyes, Nadia Okafor, Lena Brook")
    talk.write_text(text, encoding="utf-8")  # a new person: the laid-out graph changed
    changed = page()
    assert len(calls) == 3 and _data(changed.decode())["label"] != _data(reworded.decode())["label"]
    fresh = tmp_path / "fresh"
    kgraph.build([corpus]).write(fresh, ("html",))
    assert changed == (fresh / "graph.html").read_bytes()


def test_a_built_corpus_with_a_transcript_shows_where_each_quote_is_heard(tmp_path):
    # end to end: grounding (kgraph.extract.grounding) reaches the page through the model
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("signal-hour-1.md", "transcript-signal-hour-1.md"):
        text = (FIXTURES / "query_corpus" / name).read_text(encoding="utf-8")
        if name == "signal-hour-1.md":
            text = text.replace(
                "**Transcript:**", "**Video URL:** https://www.youtube.com/watch?v=abcdefghijk\n**Transcript:**"
            )
        (corpus / name).write_text(text, encoding="utf-8")
    built = kgraph.build([corpus])
    grounded = [c for c in built.model.claims if c.heard_at is not None]
    assert grounded, "the fixture's quotes are in its transcript"
    data, texts = _data(built.page_html()), _texts(built.page_html())
    quotes = _quotes(texts)
    for claim in grounded:
        c = str(quotes.index(claim.text))
        assert data["claims"]["heard"][c] == claim.heard_at
        assert texts["claims"]["recording"][c] == f"https://www.youtube.com/watch?v=abcdefghijk&t={claim.heard_at}s"


def test_the_page_loads_each_episodes_nodes_once(monkeypatch):
    # the node attributes and the claims table are read in one walk in IRI order: even keeping a
    # single episode's nodes, no episode is loaded twice
    import kgraph.outputs.html.data
    from kgraph.outputs.html.page import page_graph, render

    monkeypatch.setattr(kgraph.outputs.html.data, "_EPISODES_KEPT", 1)
    built = kgraph.build([EXPLORER_CORPUS])
    page = page_graph(built.model, built.statements)
    loaded: list[str] = []
    load = page._nodes._episode_nodes

    def counting(episode: str):
        loaded.append(episode)
        return load(episode)

    page._nodes._episode_nodes = counting
    render(page)
    assert loaded and len(loaded) == len(set(loaded))


def _front_coded_by_characters(keys: list[str]) -> list[object]:
    # the loop `_front_coded` replaced: character by character
    flat: list[object] = []
    previous = ""
    for key in keys:
        shared = 0
        limit = min(len(key), len(previous), 999)
        while shared < limit and key[shared] == previous[shared]:
            shared += 1
        flat += (shared, key[shared:])
        previous = key
    return flat


@given(st.lists(st.text(alphabet="ab/é中", max_size=12), max_size=30), st.sampled_from(["", "https://x/", "a" * 1200]))
def test_front_coding_finds_the_shared_prefixes_a_character_loop_finds(keys, prefix):
    from kgraph.outputs.html.tables import _front_coded

    keys = sorted(prefix + key for key in keys)
    assert _front_coded(keys) == _front_coded_by_characters(keys)
