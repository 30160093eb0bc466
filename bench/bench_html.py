"""The explorer page against the page before it (commit 0c99e95), same corpus, same run, headless
Chromium with the network blocked: file size, time to the first drawn view, and the time of each
interaction (a click on the biggest hub, a timeline filter, a path, a search; for the page before,
a click on the same hub and ticking "Claim").

    git worktree add --detach /tmp/kgraph-before 0c99e95
    python bench/synthetic.py /tmp/syn1000 1000 --seed 7
    PYTHONPATH=. python bench/bench_html.py --before /tmp/kgraph-before \\
        --corpus ../shared/corpus --corpus /tmp/syn1000 --runs 5

Each run opens the page in a fresh browser profile. "First view": `window.kgraphFirstDraw`, the
first `afterDrawing` (both pages set it), from navigation start. Interactions are timed inside
the page (`performance.now()` around the call, the DOM built, then the network's next redraw).
The page before is built by its own code in a subprocess (`PYTHONPATH=<before>`)."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import kgraph

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
BUILD_BEFORE = "import kgraph, sys; kgraph.build([sys.argv[1]]).write(sys.argv[2], ('html',))"

# Each returns milliseconds, measured in the page; `hub` is the best-known entity's label.
OURS = {
    "click hub (expand + timeline)": """hub => { const k = window.kgraph, id = k.idOf(hub), t = performance.now();
        k.expand(id, 1); k.select(id, false); k.network.redraw(); return performance.now() - t; }""",
    "timeline filter (show)": """hub => { const s = document.querySelector('#filter-show select');
        const t = performance.now(); s.value = s.options[1].value; s.dispatchEvent(new Event('change'));
        return performance.now() - t; }""",
    "timeline filter (date from)": """hub => { const i = document.getElementById('filter-from');
        const t = performance.now(); i.value = '2025-12-01'; i.dispatchEvent(new Event('change'));
        return performance.now() - t; }""",
    "path hub -> smallest entity": """hub => { const k = window.kgraph, d = k.data, id = k.idOf(hub);
        let far = -1; for (const key in d.appears) { const n = Number(key);
          if (d.classes[d.type[n]].name !== 'Podcast' && (far < 0 || d.size[n] < d.size[far])) far = n; }
        const t = performance.now(); k.showPath(id, far); k.network.redraw(); return performance.now() - t; }""",
    "collapse hub": """hub => { const k = window.kgraph, id = k.idOf(hub), t = performance.now();
        k.collapse(id); k.network.redraw(); return performance.now() - t; }""",
}
BEFORE = {
    "click hub (highlight + panel)": """hub => { const k = window.kgraph;
        const id = k.details.findIndex(d => d.label === hub);
        const t = performance.now(); k.focusNode(id, false); k.network.redraw(); return performance.now() - t; }""",
    'tick "Claim"': """hub => { const box = document.querySelector('input[data-cls=Claim]');
        const t = performance.now(); box.checked = true; box.dispatchEvent(new Event('change'));
        window.kgraph.network.redraw(); return performance.now() - t; }""",
}


def build_pages(corpus: Path, before: Path, folder: Path) -> tuple[Path, Path, str]:
    started = time.perf_counter()
    graph = kgraph.build([corpus])
    built = time.perf_counter()
    graph.write(folder / "ours", ("html",))
    print(f"{corpus}: build {built - started:.1f} s, our page {time.perf_counter() - built:.2f} s", flush=True)
    run = [sys.executable, "-c", BUILD_BEFORE, str(corpus.resolve()), str(folder / "before")]  # it runs in `before`
    env = {"PYTHONPATH": str(before), "PATH": "/usr/bin:/bin"}
    subprocess.run(run, check=True, env=env, cwd=before, capture_output=True)  # cwd: `-c` puts it first on sys.path
    hub = max(graph.model.entity_nodes(), key=lambda node: (len(graph.page().episodes[node.iri]), node.iri)).label
    return folder / "ours" / "graph.html", folder / "before" / "graph.html", hub


def one_run(chromium, path: Path, hub: str, steps: dict[str, str]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as profile:
        context = chromium.launch_persistent_context(
            profile,
            executable_path="/usr/bin/chromium",
            args=ARGS,
            headless=True,
            viewport={"width": 1400, "height": 900},
        )
        try:
            page = context.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
            page.goto(path.as_uri(), timeout=120_000)
            page.wait_for_function("window.kgraphFirstDraw", timeout=120_000, polling=50)
            page.wait_for_timeout(200)
            times = {"first view": page.evaluate("window.kgraphFirstDraw")}
            for name, script in steps.items():
                times[name] = page.evaluate(script, hub)
            return times
        finally:
            context.close()


def report(label: str, runs: list[dict[str, float]]) -> None:
    for name in runs[0]:
        values = [run[name] for run in runs]
        spread = f"{min(values):.0f}-{max(values):.0f}"
        print(f"  {label:<7} {name:<32} median {statistics.median(values):7.0f} ms   range {spread}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", type=Path, required=True)
    parser.add_argument("--before", type=Path, required=True, help="a checkout of the page before (0c99e95)")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        for corpus in options.corpus:
            folder = Path(tempfile.mkdtemp(prefix="kgraph-bench-html-"))
            ours, before, hub = build_pages(corpus, options.before, folder)
            size_ours, size_before = ours.stat().st_size, before.stat().st_size
            print(
                f"  page size: ours {size_ours / 1e6:.2f} MB, before {size_before / 1e6:.2f} MB "
                f"({size_ours / size_before:.0%}); hub: {hub}"
            )
            mine, theirs, loads = [], [], []
            for _ in range(options.runs):  # paired: ours then before, in the same minute
                loads.append(os.getloadavg()[0])
                mine.append(one_run(playwright.chromium, ours, hub, OURS))
                theirs.append(one_run(playwright.chromium, before, hub, BEFORE))
            print(f"  load average (1 min) before each pair: {' '.join(f'{load:.1f}' for load in loads)}")
            report("ours", mine)
            report("before", theirs)


if __name__ == "__main__":
    main()
