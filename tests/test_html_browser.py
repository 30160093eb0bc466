"""The graph page in a real browser: Debian's Chromium driven by Playwright, network blocked."""

from __future__ import annotations

from pathlib import Path

import pytest

import kgraph

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
HTML_CORPUS = FIXTURES / "html_corpus"


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
    def __init__(self, page, requests: list[str], errors: list[str]):
        self.page, self.requests, self.errors = page, requests, errors

    def node_id(self, label: str) -> int:
        return self.page.evaluate("label => window.kgraph.details.findIndex(d => d.label === label)", label)

    def shown_classes(self) -> list[str]:
        return self.page.evaluate("window.kgraph.nodeView.get().map(n => n.cls)")


def _open(browser, html: Path) -> LoadedPage:
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (errors.append("dialog: " + dialog.message), dialog.dismiss()))
    # block the network: anything but the page file itself fails
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
    )
    page.goto(html.as_uri())
    page.wait_for_function("document.body.dataset.ready === 'true'", timeout=30_000)
    return LoadedPage(page, requests, errors)


@pytest.fixture(scope="module")
def fixture_html(tmp_path_factory) -> tuple[kgraph.KnowledgeGraph, Path]:
    graph = kgraph.build([HTML_CORPUS])
    folder = tmp_path_factory.mktemp("html")
    graph.write(folder, ("html",))
    return graph, folder / "graph.html"


@pytest.fixture
def loaded(browser, fixture_html):
    result = _open(browser, fixture_html[1])
    yield result
    result.page.close()


def _default_count(graph: kgraph.KnowledgeGraph) -> int:
    return sum(1 for _, d in graph.nx.nodes(data=True) if d["type"] not in ("Claim", "Mention"))


def test_loads_offline_with_no_request_and_no_error(loaded, fixture_html):
    graph, html = fixture_html
    assert loaded.requests == [html.as_uri()]
    assert loaded.errors == []
    assert loaded.page.evaluate("window.kgraph.nodeView.length") == _default_count(graph)
    assert "Claim" not in loaded.shown_classes()
    assert loaded.page.locator("#legend").inner_text().count("\n") >= 5


def test_search_by_alias_focuses_the_person(loaded):
    page = loaded.page
    page.fill("#search", "n. okaf")
    option = page.locator("#search-results li").first
    assert "Nadia Okafor" in option.inner_text() and "N. Okafor" in option.inner_text()
    page.keyboard.press("Enter")
    nadia = loaded.node_id("Nadia Okafor")
    assert page.evaluate("window.kgraph.network.getSelectedNodes()") == [nadia]
    assert page.locator("#panel h2").inner_text() == "Nadia Okafor"
    # its neighbours keep their colour, the rest is dimmed
    colours = page.evaluate(
        """id => {
        const k = window.kgraph, near = new Set(k.network.getConnectedNodes(id));
        return k.nodes.get().filter(n => n.id !== id).map(n => [near.has(n.id), n.color]); }""",
        nadia,
    )
    assert {colour for near, colour in colours if not near} == {"#e4e6ea"}
    assert "#e4e6ea" not in {colour for near, colour in colours if near}


def test_class_filter_hides_nodes(loaded):
    page = loaded.page
    people = loaded.shown_classes().count("Person")
    assert people == 3
    before = page.evaluate("window.kgraph.nodeView.length")
    page.click("summary")
    page.uncheck("input[data-cls=Person]")
    assert "Person" not in loaded.shown_classes()
    assert page.evaluate("window.kgraph.nodeView.length") == before - people
    page.check("input[data-cls=Claim]")
    assert loaded.shown_classes().count("Claim") == 6


def test_date_and_podcast_filters(loaded):
    page = loaded.page
    page.click("summary")
    page.fill("#date-from", "2025-01-01")
    page.dispatch_event("#date-from", "change")
    labels = page.evaluate("window.kgraph.nodeView.get().map(n => window.kgraph.details[n.id].label)")
    assert "Orbit Talk" in labels and "Signal Desk" not in labels and "Ivo Marchetti" not in labels
    page.fill("#date-from", "")
    page.dispatch_event("#date-from", "change")
    page.uncheck(f"input[data-podcast='{loaded.node_id('Orbit Talk')}']")
    labels = page.evaluate("window.kgraph.nodeView.get().map(n => window.kgraph.details[n.id].label)")
    assert "Nadia Okafor" not in labels and "Ivo Marchetti" in labels


def _click_node(loaded: LoadedPage, label: str) -> None:
    page = loaded.page
    node = loaded.node_id(label)
    page.evaluate("id => window.kgraph.network.focus(id, {scale: 2})", node)
    point = page.evaluate(
        """id => { const k = window.kgraph.network;
        return k.canvasToDOM(k.getPosition(id)); }""",
        node,
    )
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_selector("#panel:not([hidden])")


def test_clicking_a_person_lists_their_claims(loaded):
    _click_node(loaded, "Nadia Okafor")
    panel = loaded.page.locator("#panel")
    assert panel.locator("h2").inner_text() == "Nadia Okafor"
    assert "said (3)" in panel.inner_text().lower()  # headings are upper-cased by CSS
    quotes = panel.locator("blockquote").all_inner_texts()
    assert "Nobody will insure a rocket that flew twenty times yet." in quotes
    link = panel.locator("a", has_text="00:12:05")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=abcDEF12345&t=725s"


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
    assert loaded.errors == []  # an alert() would have been recorded as a dialog


@pytest.mark.corpus
def test_corpus_page_loads_offline(browser, corpus_graph, tmp_path):
    graph = corpus_graph
    graph.write(tmp_path, ("html",))
    loaded = _open(browser, tmp_path / "graph.html")
    try:
        assert loaded.requests == [(tmp_path / "graph.html").as_uri()]
        assert loaded.errors == []
        assert loaded.page.evaluate("window.kgraph.nodeView.length") == _default_count(graph)
    finally:
        loaded.page.close()
