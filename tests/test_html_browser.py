"""The explorer page in a real browser: Debian's Chromium driven by Playwright, network blocked."""

from __future__ import annotations

from pathlib import Path

import pytest

import kgraph
from kgraph.model import Grounding, SpeakerEvidence
from kgraph.outputs import statements as rdf
from kgraph.outputs.html import HtmlOptions, render_page

from .conftest import FIXTURES

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
HTML_CORPUS = FIXTURES / "html_corpus"  # two invented episodes, one with hostile quotes
EXPLORER_CORPUS = FIXTURES / "explorer_corpus"  # Ada Quinn -> Borealis Grid <- Ben Ortiz, over time


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium; .ci/run does it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")
    with sync_api.sync_playwright() as playwright:
        # a persistent context on a fresh folder: a new profile, nothing shared with other runs
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 900},
        )
        yield context
        context.close()


class LoadedPage:
    def __init__(self, page, requests: list[str], errors: list[str], warnings: list[str]):
        self.page, self.requests, self.errors, self.warnings = page, requests, errors, warnings

    def node_id(self, label: str) -> int:
        return self.page.evaluate("label => window.kgraph.idOf(label)", label)

    def drawn(self) -> int:
        return self.page.evaluate("window.kgraph.nodes.length")


def _open(browser, url: str) -> LoadedPage:
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    warnings: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("console", lambda message: message.type == "warning" and warnings.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (errors.append("dialog: " + dialog.message), dialog.dismiss()))
    # block the network: anything but the page file itself fails
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
    )
    page.goto(url)
    page.wait_for_function("document.body.dataset.ready === 'true'", timeout=30_000)
    return LoadedPage(page, requests, errors, warnings)


def _page_file(folder: Path, graph: kgraph.KnowledgeGraph) -> Path:
    graph.write(folder, ("html",))
    return folder / "graph.html"


@pytest.fixture(scope="module")
def fixture_html(tmp_path_factory) -> tuple[kgraph.KnowledgeGraph, Path]:
    graph = kgraph.build([HTML_CORPUS])
    return graph, _page_file(tmp_path_factory.mktemp("html"), graph)


@pytest.fixture(scope="module")
def explorer_html(tmp_path_factory) -> Path:
    return _page_file(tmp_path_factory.mktemp("explorer"), kgraph.build([EXPLORER_CORPUS]))


@pytest.fixture
def loaded(browser, fixture_html):
    result = _open(browser, fixture_html[1].as_uri())
    yield result
    result.page.close()


@pytest.fixture
def explorer(browser, explorer_html):
    result = _open(browser, explorer_html.as_uri())
    yield result
    result.page.close()


def _click_node(loaded: LoadedPage, label: str) -> None:
    page = loaded.page
    node = loaded.node_id(label)
    page.evaluate("id => window.kgraph.network.focus(id, {scale: 2})", node)
    point = page.evaluate("id => { const k = window.kgraph.network; return k.canvasToDOM(k.getPosition(id)); }", node)
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_selector("#panel:not([hidden])")


def test_loads_offline_with_no_request_and_no_error_showing_entities_and_shows(loaded, fixture_html):
    graph, html = fixture_html
    assert loaded.requests == [html.as_uri()]
    assert loaded.errors == []
    classes = loaded.page.evaluate("window.kgraph.nodes.get().map(n => window.kgraph.data.type[n.id])")
    names = {loaded.page.evaluate("t => window.kgraph.data.classes[t].name", t) for t in set(classes)}
    assert names == {"Podcast", "Person", "Organization"}  # no episode, insight or claim at first
    assert loaded.page.locator("#cap").is_hidden()
    assert loaded.page.locator("#legend").inner_text().count("\n") >= 4


def test_search_by_alias_selects_the_person(loaded):
    page = loaded.page
    page.fill("#search", "n. okaf")
    option = page.locator("#search-results li").first
    assert "Nadia Okafor" in option.inner_text() and "N. Okafor" in option.inner_text()
    page.keyboard.press("Enter")
    assert page.evaluate("window.kgraph.network.getSelectedNodes()") == [loaded.node_id("Nadia Okafor")]
    assert page.locator("#panel h2").inner_text() == "Nadia Okafor"


def test_click_expands_in_place_and_a_second_click_collapses(explorer):
    first = explorer.drawn()
    _click_node(explorer, "Ada Quinn")
    ada = explorer.node_id("Ada Quinn")
    shown = set(explorer.page.evaluate("window.kgraph.nodes.getIds()"))
    episodes = explorer.page.evaluate("id => window.kgraph.data.appears[id]", ada)
    assert len(episodes) == 2 and set(episodes) <= shown and explorer.drawn() > first
    near = explorer.page.evaluate(
        """ids => { const n = window.kgraph.network, a = n.getPosition(ids[0]);
        return ids.slice(1).map(id => Math.hypot(n.getPosition(id).x - a.x, n.getPosition(id).y - a.y)); }""",
        [ada, *episodes],
    )
    assert max(near) < 80  # brought in around it, not somewhere on the map
    assert explorer.page.locator("#expand-toggle").inner_text() == "Collapse"
    _click_node(explorer, "Ada Quinn")
    assert explorer.drawn() == first
    explorer.page.select_option("#depth", "2")
    explorer.page.click("#expand-toggle")
    insights = explorer.page.evaluate(
        "window.kgraph.nodes.getIds().filter(id => !window.kgraph.data.classes[window.kgraph.data.type[id]].corpus"
        " && window.kgraph.data.classes[window.kgraph.data.type[id]].name !== 'Episode').length"
    )
    assert explorer.drawn() > len(shown) and insights >= 8  # depth 2: the episodes' insights too


LABEL_BOXES = """() => {
    const k = window.kgraph, at = k.network.getPositions();
    return k.nodes.get({ fields: ["id", "label"], filter: (n) => !!n.label }).map((n) => {
        const size = k.network.body.nodes[n.id].labelModule.size; // as vis-network measured it, drawn
        return { id: n.id, label: n.label, x: at[n.id].x, y: at[n.id].y, left: size.left, top: size.top,
            right: size.left + size.width, bottom: size.top + size.height };
    });
}"""


def _overlapping_labels(loaded: LoadedPage) -> list[tuple[str, str]]:
    loaded.page.evaluate("window.kgraph.network.redraw()")  # vis-network measures labels as it draws them
    boxes = loaded.page.evaluate(LABEL_BOXES)
    assert boxes and all(b["right"] > b["left"] and b["top"] > b["y"] for b in boxes)  # measured, below the node
    return [
        (a["label"], b["label"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
    ]


def test_an_expansion_draws_no_label_over_another(explorer):
    explorer.page.select_option("#depth", "2")  # the episodes and their insights come in around Ada Quinn
    before = explorer.drawn()
    _click_node(explorer, "Ada Quinn")
    assert explorer.drawn() >= before + 8
    assert _overlapping_labels(explorer) == []
    labels = explorer.page.evaluate("window.kgraph.nodes.get().filter(n => n.label).map(n => n.label)")
    assert "Ada Quinn" in labels and len(labels) >= 3  # the selection, and some of what came in
    canvas = explorer.page.locator("#network").bounding_box()
    explorer.page.mouse.click(canvas["x"] + 5, canvas["y"] + 5)  # empty canvas: the greyed labels come back
    again = explorer.page.evaluate("window.kgraph.nodes.get().filter(n => n.label).map(n => n.label)")
    assert len(again) > len(labels)  # ... still clear of the new ones
    assert _overlapping_labels(explorer) == []


def test_a_click_draws_on_the_next_frame_and_reset_returns_to_the_first_view(explorer):
    page = explorer.page
    first = explorer.drawn()
    page.evaluate("window.draws = 0; window.kgraph.network.on('afterDrawing', () => { window.draws += 1; })")
    _click_node(explorer, "Ada Quinn")
    page.wait_for_function("window.draws > 0")
    assert explorer.drawn() > first
    page.click("#reset")
    assert explorer.drawn() == first and page.locator("#panel").is_hidden()
    assert page.evaluate("window.kgraph.network.body.nodeIndices.length") == first  # vis-network saw it
    assert explorer.errors == []


def test_entity_timeline_lists_in_date_order_and_filters(explorer):
    _click_node(explorer, "Ada Quinn")
    page = explorer.page
    appears = page.locator("#list-appears li").all_inner_texts()
    assert [text.split(" (")[1][:10] for text in appears] == ["2025-01-10", "2025-03-05"]  # Zeta Hour, then Alpha
    said = page.locator("#list-said blockquote").all_inner_texts()
    assert said == [
        "A battery that idles most of the day still beats a gas peaker on cost.",
        "Hydrogen will arrive a decade after everyone stopped waiting for it.",
        "Long-haul freight will be the last thing we electrify, and the most profitable.",
        "The depot is the product; the truck is a peripheral.",
    ]
    link = page.locator("#list-said a", has_text="00:03:10")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=zetaZETA001&t=190s"
    page.select_option("#filter-show select", label="Alpha Talks")
    assert len(page.locator("#list-said blockquote").all_inner_texts()) == 2
    page.select_option("#filter-show select", label="any show")
    page.fill("#filter-to", "2025-02-01")
    page.dispatch_event("#filter-to", "change")
    assert len(page.locator("#list-said blockquote").all_inner_texts()) == 2
    assert page.locator("#list-appears li").count() == 1
    assert page.evaluate("window.kgraphLastRender") < 150


def test_path_between_two_entities(explorer):
    _click_node(explorer, "Ada Quinn")
    page = explorer.page
    page.fill("#path-to", "ben ort")
    page.keyboard.press("Enter")
    steps = page.locator("#path-steps li").all_inner_texts()
    assert [step.split(" (")[0].strip(" ●◆■★") for step in steps] == [
        "Ada Quinn",
        "Zeta Hour: Grid Storage with Ada Quinn",
        "Borealis Grid",
        "Beta Brief: Storage Markets with Ben Ortiz",
        "Ben Ortiz",
    ]
    drawn = page.evaluate("window.kgraph.edges.get().filter(e => String(e.id).startsWith('p')).length")
    assert drawn == 4


def test_saved_view_reloads_selection_filters_path_and_zoom(browser, explorer):
    _click_node(explorer, "Ada Quinn")
    page = explorer.page
    page.select_option("#filter-show select", label="Zeta Hour")
    page.evaluate("window.kgraph.network.moveTo({scale: 1.7, position: {x: 5, y: 7}}); window.kgraph.saveView()")
    url = page.url
    assert "#" in url and "sel=" in url and "show=" in url
    again = _open(browser, url)
    try:
        assert again.page.evaluate("window.kgraph.selected()") == again.node_id("Ada Quinn")
        assert again.page.locator("#panel h2").inner_text() == "Ada Quinn"
        assert again.page.locator("#filter-show select").evaluate("s => s.selectedOptions[0].text") == "Zeta Hour"
        assert len(again.page.locator("#list-said blockquote").all_inner_texts()) == 2
        assert abs(again.page.evaluate("window.kgraph.network.getScale()") - 1.7) < 0.01
        assert again.page.evaluate("window.kgraph.expanded.size") == 1
    finally:
        again.page.close()
    page.fill("#path-to", "ben ort")
    page.keyboard.press("Enter")
    again = _open(browser, page.url)
    try:
        assert again.page.locator("#path-steps li").count() == 5
    finally:
        again.page.close()


def test_the_cap_is_said_on_the_page_and_in_the_console(browser, fixture_html, tmp_path):
    graph = fixture_html[0]
    html = tmp_path / "capped.html"
    html.write_text(render_page(graph.model, graph.statements, HtmlOptions(max_nodes=4)), encoding="utf-8")
    capped = _open(browser, html.as_uri())
    try:
        banner = capped.page.locator("#cap")
        assert banner.is_visible() and "--html-max-nodes 4 left" in banner.inner_text()
        assert any("--html-max-nodes 4 left" in text for text in capped.warnings)
    finally:
        capped.page.close()


def test_a_quote_filed_twice_in_an_episode_is_shown_once(browser, fixture_html, tmp_path):
    graph = fixture_html[0]
    original = next(c for c in graph.model.claims if c.text.startswith("Nobody will insure"))
    twice = original.model_copy(update={"iri": original.iri + "-again"})
    model = graph.model.model_copy(update={"claims": (*graph.model.claims, twice)})
    html = tmp_path / "twice.html"
    html.write_text(render_page(model, rdf.graph_statements(model)), encoding="utf-8")
    loaded = _open(browser, html.as_uri())
    try:
        _click_node(loaded, "Nadia Okafor")
        quotes = loaded.page.locator("#list-said blockquote").all_inner_texts()
        assert quotes.count(original.text) == 1 and len(quotes) == 3
    finally:
        loaded.page.close()


def test_grounded_claims_show_the_heard_time_excerpt_and_badges(browser, fixture_html, tmp_path):
    graph = fixture_html[0]
    claims = list(graph.model.claims)
    n = next(i for i, c in enumerate(claims) if c.text.startswith("Nobody will insure"))
    claims[n] = claims[n].model_copy(
        update={
            "grounding": Grounding.NOT_IN_TRANSCRIPT,
            "heard_at": 4777,
            "recording_url": "https://example.org/rec.mp3#t=4777",
            "transcript_excerpt": "nobody will insure it yet",
            "transcript_label": "SPEAKER_01",
            "speaker_evidence": SpeakerEvidence.TRANSCRIPT_LABEL,
        }
    )
    model = graph.model.model_copy(update={"claims": tuple(claims)})
    html = tmp_path / "grounded.html"
    html.write_text(render_page(model, rdf.graph_statements(model)), encoding="utf-8")
    loaded = _open(browser, html.as_uri())
    try:
        _click_node(loaded, "Nadia Okafor")
        item = loaded.page.locator("#list-said li", has_text="Nobody will insure")
        assert item.locator("a", has_text="heard at 1:19:37").get_attribute("href") == claims[n].recording_url
        text = item.inner_text()
        assert "Transcript: nobody will insure it yet" in text
        assert "not found in transcript" in text and "speaker from transcript label (SPEAKER_01)" in text
        other = loaded.page.locator("#list-said li", has_text="launch cost").inner_text()
        assert "00:12:05" in other and "heard at" not in other and "transcript" not in other
    finally:
        loaded.page.close()


def test_hostile_quotes_show_as_text_and_run_nothing(loaded):
    page = loaded.page
    scripts_before = page.evaluate("document.scripts.length")
    _click_node(loaded, "Ivo Marchetti")
    text = page.locator("#panel").inner_text()
    assert "Paste <script>alert(1)</script> into a form" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert page.locator("#panel img, #panel script").count() == 0
    assert page.evaluate("document.scripts.length") == scripts_before
    page.fill("#search", "<img")  # search results render text too
    page.goto(page.url.split("#")[0] + "#sel=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&zoom=x")  # a hostile fragment
    page.reload()
    page.wait_for_function("document.body.dataset.ready === 'true'")
    assert loaded.errors == []  # an alert() would have been recorded as a dialog


@pytest.mark.corpus
def test_corpus_page_loads_offline_and_a_hub_click_stays_fast(browser, corpus_graph, tmp_path):
    corpus_graph.write(tmp_path, ("html",))
    loaded = _open(browser, (tmp_path / "graph.html").as_uri())
    try:
        assert loaded.requests == [(tmp_path / "graph.html").as_uri()]
        assert loaded.errors == []
        hub = loaded.page.evaluate(
            "window.kgraph.data.first.reduce((a, b) => window.kgraph.data.size[b] > window.kgraph.data.size[a] ? b : a)"
        )
        spent = loaded.page.evaluate(
            "id => { const t = performance.now(); window.kgraph.expand(id, 1); window.kgraph.select(id, false); return performance.now() - t; }",
            hub,
        )
        assert spent < 1000  # generous on a loaded machine; bench/bench_html.py measures it
        assert loaded.page.locator("#list-about li").count() > 10
    finally:
        loaded.page.close()
