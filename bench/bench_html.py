"""Time to first complete draw of the graph page in headless Chromium: our page (positions from
Python, physics off) against pyvis defaults (physics on) on the same graph; medians of N runs.

    PYTHONPATH=. python bench/bench_html.py [--corpus ../shared/corpus] [--runs 5] [--cap 300]

Each run opens the page in a fresh browser profile with the network blocked (pyvis' Bootstrap link
fails at once instead of waiting on a CDN). "First complete draw": our page's first `afterDrawing`;
for pyvis defaults, the first `afterDrawing` after `stabilizationIterationsDone` (before that its
page shows only a loading bar). Compared on the whole corpus graph (pyvis defaults: one run, it
is slow) and on its 300 most connected nodes (where pyvis defaults finish). The 4x graph is the
corpus model copied four times under distinct IRIs (about 8k nodes drawn by default), for our
page only: pyvis defaults do not finish at that size (MEASURED.md: 10k nodes, never in 120 s)."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from pyvis.network import Network

import kgraph
from kgraph.model import KnowledgeModel
from kgraph.outputs import statements as rdf
from kgraph.outputs.html import render_page
from kgraph.outputs.networkx import build_graph

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
HOOK = """network = new vis.Network(container, data, options);
                  network.once("stabilizationIterationsDone", function () {
                      network.once("afterDrawing", function () {
                          window.kgraphFirstDraw = performance.now();
                      });
                  });"""


def pyvis_defaults_page(graph) -> str:
    """pyvis out of the box (physics on, default options), the nodes and links our page shows by
    default; `in_line` because the other modes load vis.js from a CDN and are blank offline."""
    network = Network(directed=True, cdn_resources="in_line")
    shown = sorted(n for n, d in graph.nodes(data=True) if d["type"] not in ("Claim", "Mention"))
    for node in shown:
        network.add_node(node, label=graph.nodes[node]["label"][:32], title=graph.nodes[node]["type"])
    known = set(shown)
    for subject, obj, key in sorted(graph.edges(keys=True)):
        if subject in known and obj in known and key != "prov:wasDerivedFrom":
            network.add_edge(subject, obj, title=key)
    page = network.generate_html()
    assert "network = new vis.Network(container, data, options);" in page
    return page.replace("network = new vis.Network(container, data, options);", HOOK)


def first_draw_ms(browser_type, path: Path, cap_s: float) -> float | None:
    with tempfile.TemporaryDirectory() as profile:
        context = browser_type.launch_persistent_context(
            profile,
            executable_path="/usr/bin/chromium",
            args=ARGS,
            headless=True,
            viewport={"width": 1400, "height": 900},
        )
        try:
            page = context.new_page()
            page.route(
                "**/*",
                lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
            )
            page.goto(path.as_uri(), timeout=cap_s * 1000)
            page.wait_for_function("window.kgraphFirstDraw", timeout=cap_s * 1000, polling=50)
            return page.evaluate("window.kgraphFirstDraw")
        except Exception as error:  # noqa: BLE001 - a timeout is a result here
            print(f"    {path.name}: no first draw within {cap_s:.0f} s ({type(error).__name__})")
            return None
        finally:
            context.close()


def copied(model: KnowledgeModel, copies: int) -> KnowledgeModel:
    """The model repeated under distinct IRIs: a bigger graph of the same shape."""
    text = model.model_dump_json()
    parts = [
        KnowledgeModel.model_validate_json(text.replace(model.base_iri, f"{model.base_iri}copy{n}/"))
        for n in range(copies)
    ]
    fields = ("podcasts", "episodes", "people", "organizations", "insights", "claims", "mentions")
    return model.model_copy(update={f: tuple(x for p in parts for x in getattr(p, f)) for f in fields})


def restricted(model: KnowledgeModel, keep: set[str]) -> KnowledgeModel:
    """The model with only the nodes in `keep` (statements about the others disappear with them)."""
    fields = ("podcasts", "episodes", "people", "organizations", "insights", "claims", "mentions")
    return model.model_copy(update={f: tuple(x for x in getattr(model, f) if x.iri in keep) for f in fields})


def measure(label: str, browser_type, path: Path, runs: int, cap_s: float) -> list[float | None]:
    times = [first_draw_ms(browser_type, path, cap_s) for _ in range(runs)]
    done = [t for t in times if t is not None]
    median = f"{statistics.median(done) / 1000:.2f} s" if len(done) == len(times) else f"> {cap_s:.0f} s"
    print(
        f"{label:<34} {median:>10}   runs: " + ", ".join(f"{t / 1000:.2f}" if t is not None else "cap" for t in times),
        flush=True,
    )
    return times


def most_connected(graph, count: int):
    """The `count` most connected nodes of those drawn by default, as a subgraph."""
    shown = [n for n, d in graph.nodes(data=True) if d["type"] not in ("Claim", "Mention")]
    return graph.subgraph(sorted(shown, key=lambda n: (-graph.degree(n), n))[:count])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpus")
    parser.add_argument("--runs", type=int, default=5, help="runs of our page and of the slice")
    parser.add_argument("--default-runs", type=int, default=1, help="runs of pyvis defaults, corpus")
    parser.add_argument("--slice", type=int, default=300, help="nodes in the small comparison")
    parser.add_argument("--cap", type=float, default=300.0, help="seconds before a run gives up")
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    graph = kgraph.build([options.corpus])
    shown = sum(1 for _, d in graph.nx.nodes(data=True) if d["type"] not in ("Claim", "Mention"))
    print(f"corpus graph: {graph.nx.number_of_nodes()} nodes, {shown} drawn by default")
    folder = Path(tempfile.mkdtemp(prefix="kgraph-bench-html-"))
    started = time.perf_counter()
    ours = render_page(graph.model, graph.statements)
    print(f"our page written in {time.perf_counter() - started:.2f} s ({len(ours) / 1e6:.1f} MB)")
    pages = {"ours.html": ours, "defaults.html": pyvis_defaults_page(graph.nx)}
    small = most_connected(graph.nx, options.slice)
    small_model = restricted(graph.model, set(small))
    pages["ours-slice.html"] = render_page(small_model, rdf.graph_statements(small_model))
    pages["defaults-slice.html"] = pyvis_defaults_page(small)
    big = copied(graph.model, 4)
    big_statements = rdf.graph_statements(big)
    big_graph = build_graph(big, big_statements)
    started = time.perf_counter()
    pages["ours-4x.html"] = render_page(big, big_statements)
    print(f"4x graph: {big_graph.number_of_nodes()} nodes, page written in {time.perf_counter() - started:.2f} s")
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")

    with sync_playwright() as playwright:
        chromium = playwright.chromium
        print(f"\n{'page (time to first complete draw)':<40} {'median':>10}")
        slice_ours = measure(
            f"ours, {options.slice} most connected",
            chromium,
            folder / "ours-slice.html",
            options.runs,
            options.cap,
        )
        slice_defaults = measure(
            f"pyvis defaults, {options.slice} most connected",
            chromium,
            folder / "defaults-slice.html",
            options.runs,
            options.cap,
        )
        corpus_ours = measure("ours, corpus", chromium, folder / "ours.html", options.runs, options.cap)
        measure("ours, 4x corpus", chromium, folder / "ours-4x.html", options.runs, options.cap)
        corpus_defaults = measure(
            "pyvis defaults, corpus",
            chromium,
            folder / "defaults.html",
            options.default_runs,
            options.cap,
        )
        print()
        for label, theirs, mine in (
            ("slice", slice_defaults, slice_ours),
            ("corpus", corpus_defaults, corpus_ours),
        ):
            finished = [t for t in theirs if t is not None]
            base = statistics.median(finished) if len(finished) == len(theirs) else options.cap * 1e3
            sign = "" if len(finished) == len(theirs) else ">= "
            print(f"pyvis defaults / ours, {label}: {sign}{base / statistics.median(mine):.0f}x")


if __name__ == "__main__":
    main()
