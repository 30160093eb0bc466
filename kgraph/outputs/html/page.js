// kgraph page: search, filters, highlight and side panel over a pre-laid-out vis-network graph.
// Document text only ever reaches the DOM through textContent (never innerHTML).
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kgraph-data").textContent);
  const options = JSON.parse(document.getElementById("kgraph-options").textContent);
  const details = data.details;
  const classes = new Map(data.classes.map((c) => [c.name, c]));
  const DIM = "#e4e6ea";

  const $ = (id) => document.getElementById(id);
  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  // --- which episodes each node appears in, which podcast each episode belongs to -------------
  const podcastOf = new Map();
  const podcastIds = [];
  details.forEach((d, id) => {
    if (d.type === "Podcast") {
      podcastIds.push(id);
      d.episodes.forEach(([episode]) => podcastOf.set(episode, id));
    }
  });
  podcastIds.sort((a, b) => details[a].label.localeCompare(details[b].label));
  const episodesOf = (id) => (details[id].type === "Episode" ? [id] : details[id].episodes.map((e) => e[0]));
  const dates = details.filter((d) => d.type === "Episode" && d.date).map((d) => d.date).sort();

  // --- filters ------------------------------------------------------------------------------
  const state = {
    classes: new Set(data.classes.filter((c) => c.shown).map((c) => c.name)),
    podcasts: new Set(podcastIds),
    from: "", to: "", pinned: null,
  };
  let passingEpisodes = null; // null: every episode passes

  function computePassingEpisodes() {
    if (state.podcasts.size === podcastIds.length && !state.from && !state.to) return null;
    const passing = new Set();
    details.forEach((d, id) => {
      if (d.type !== "Episode") return;
      if (!state.podcasts.has(podcastOf.get(id))) return;
      if (state.from && (!d.date || d.date < state.from)) return;
      if (state.to && (!d.date || d.date > state.to)) return;
      passing.add(id);
    });
    return passing;
  }

  function nodeVisible(node) {
    if (node.id === state.pinned) return true;
    if (!state.classes.has(node.cls)) return false;
    if (passingEpisodes === null) return true;
    const episodes = episodesOf(node.id);
    if (node.cls === "Podcast" && !state.podcasts.has(node.id)) return false;
    return episodes.length === 0 ? state.podcasts.size === podcastIds.length
      : episodes.some((e) => passingEpisodes.has(e));
  }

  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges.map((e, i) => Object.assign({ id: i }, e)));
  const visible = new Set();
  const nodeView = new vis.DataView(nodes, {
    filter: (node) => { const shown = nodeVisible(node); if (shown) visible.add(node.id); return shown; },
  });
  const edgeView = new vis.DataView(edges, { filter: (e) => visible.has(e.from) && visible.has(e.to) });

  function applyFilters() {
    passingEpisodes = computePassingEpisodes();
    visible.clear();
    nodeView.refresh();
    edgeView.refresh();
    updateCount();
  }
  function updateCount() {
    $("count").textContent = nodeView.length + " nodes · " + edgeView.length + " links shown of " + nodes.length;
  }

  // --- the network ------------------------------------------------------------------------
  const network = new vis.Network($("network"), { nodes: nodeView, edges: edgeView }, options);
  network.once("afterDrawing", () => {
    window.kgraphFirstDraw = performance.now();
    document.body.dataset.ready = "true";
  });
  updateCount();

  // --- highlight a node and its neighbours ------------------------------------------------
  let highlighted = null;
  function clearHighlight() {
    if (highlighted === null) return;
    nodes.update(nodes.get({ fields: ["id", "cls"] }).map((n) => ({
      id: n.id, color: classes.get(n.cls).color, font: { color: "#222222", strokeWidth: 3 } })));
    edges.update(edges.get({ fields: ["id"], filter: (e) => e.label }).map((e) => ({ id: e.id, label: "" })));
    highlighted = null;
  }
  function highlight(id) {
    clearHighlight();
    highlighted = id;
    const near = new Set(network.getConnectedNodes(id));
    near.add(id);
    nodes.update(nodes.get({ fields: ["id"], filter: (n) => !near.has(n.id) })
      .map((n) => ({ id: n.id, color: DIM, font: { color: "rgba(0,0,0,0)", strokeWidth: 0 } })));
    edges.update(network.getConnectedEdges(id).map((e) => ({ id: e, label: edges.get(e).title })));
    network.selectNodes([id]);
  }

  function focusNode(id, zoom) {
    if (!visible.has(id)) { state.pinned = id; applyFilters(); }
    highlight(id);
    if (zoom) network.focus(id, { scale: 0.9, offset: { x: -180, y: 0 }, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showPanel(id);
  }

  network.on("click", (params) => {
    if (params.nodes.length) focusNode(params.nodes[0], false);
    else { clearHighlight(); hidePanel(); }
  });

  // --- side panel ---------------------------------------------------------------------------
  // the legend and lists show each class with the shape it has in the drawing
  const GLYPHS = { dot: "●", square: "■", star: "★", diamond: "◆", triangle: "▲",
    triangleDown: "▼", hexagon: "⬢" };
  function swatch(type) {
    const c = classes.get(type);
    const s = el("span", GLYPHS[c.shape] || "●", "swatch");
    s.style.color = c.color;
    return s;
  }
  function nodeLink(id, short) {
    const a = el("a", short ? data.nodes[id].label : details[id].label, "node-link");
    a.href = "#";
    a.addEventListener("click", (event) => { event.preventDefault(); focusNode(id, true); });
    return a;
  }
  function externalLink(url, text) {
    const a = el("a", text);
    if (/^https?:\/\//i.test(url)) { a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer"; }
    return a;
  }
  function claimItem(claimId, showEpisode) {
    const c = details[claimId];
    const item = el("li");
    item.append(el("blockquote", c.text, "text"));
    const meta = el("div", null, "meta");
    if (c.speaker !== null && c.speaker !== undefined) { meta.append("— ", nodeLink(c.speaker)); }
    else meta.append("— speaker not stated");
    if (c.timestamp) {
      meta.append(" · ");
      meta.append(c.link ? externalLink(c.link, c.timestamp) : el("span", c.timestamp));
    }
    if (showEpisode && c.episode !== null && c.episode !== undefined) meta.append(" · ", nodeLink(c.episode, true));
    item.append(meta);
    return item;
  }
  function section(title, items) {
    if (!items.length) return [];
    const list = el("ul");
    list.append(...items);
    return [el("h3", title + " (" + items.length + ")"), list];
  }

  function showPanel(id) {
    const d = details[id];
    const body = $("panel-body");
    body.replaceChildren();
    body.append(el("h2", d.label));
    const kind = el("div", null, "kind");
    kind.append(swatch(d.type), classes.get(d.type).legend);
    if (d.date) kind.append(" · " + d.date);
    body.append(kind);
    if (d.aliases && d.aliases.length) body.append(el("div", "Also: " + d.aliases.join(", "), "meta"));
    if (d.description) body.append(el("p", d.description));
    if (d.url) { const p = el("p"); p.append(externalLink(d.url, d.url)); body.append(p); }
    if (d.type === "Claim") {
      body.append(el("ul"));
      body.lastChild.append(claimItem(id, true));
    } else if (d.text) body.append(el("p", d.text, "text"));
    if (d.type === "Episode" && podcastOf.has(id)) {
      const p = el("p", "Podcast: ", "meta"); p.append(nodeLink(podcastOf.get(id))); body.append(p);
    }
    const episodes = d.episodes.map(([episode, note]) => {
      const item = el("li");
      item.append(nodeLink(episode));
      if (details[episode].date) item.append(" (" + details[episode].date + ")");
      if (details[episode].url) item.append(" ", externalLink(details[episode].url, "↗"));
      if (note) item.append(el("span", note, "note"));
      return item;
    });
    body.append(...section(d.type === "Podcast" ? "Episodes" : "Appears in", episodes));
    if (d.type !== "Claim") {
      const said = d.claims.filter((c) => details[c].speaker === id);
      const other = d.claims.filter((c) => details[c].speaker !== id);
      body.append(...section("Said", said.map((c) => claimItem(c, d.type !== "Episode"))));
      body.append(...section(d.type === "Episode" ? "Claims" : "Claims about or mentioning",
        other.map((c) => claimItem(c, d.type !== "Episode"))));
    }
    $("panel").hidden = false;
  }
  function hidePanel() { $("panel").hidden = true; }
  $("panel-close").addEventListener("click", () => { hidePanel(); clearHighlight(); network.unselectAll(); });

  // --- search -------------------------------------------------------------------------------
  const searchIndex = [];
  details.forEach((d, id) => {
    if (d.type === "Claim") return;
    [d.label, ...(d.aliases || [])].forEach((name, n) =>
      searchIndex.push({ id, key: name.toLowerCase(), name, alias: n > 0 }));
  });
  let results = [];
  let active = 0;
  function renderResults() {
    const list = $("search-results");
    list.replaceChildren();
    results.forEach((r, n) => {
      const d = details[r.id];
      const item = el("li");
      item.setAttribute("role", "option");
      item.dataset.id = r.id;
      if (n === active) item.className = "active";
      item.append(swatch(d.type), el("span", d.label));
      if (r.alias) item.append(el("span", "(" + r.name + ")", "alias"));
      item.append(el("span", classes.get(d.type).legend, "kind"));
      item.addEventListener("mousedown", (event) => { event.preventDefault(); pick(n); });
      list.append(item);
    });
    list.hidden = results.length === 0;
  }
  function search(text) {
    const query = text.trim().toLowerCase();
    active = 0;
    if (!query) { results = []; renderResults(); return; }
    const best = new Map();
    for (const entry of searchIndex) {
      const at = entry.key.indexOf(query);
      if (at < 0) continue;
      const rank = (entry.key === query ? 0 : at === 0 ? 1 : 2) * 1e6 - importanceOf(entry.id);
      const previous = best.get(entry.id);
      if (!previous || rank < previous.rank) best.set(entry.id, Object.assign({ rank }, entry));
    }
    results = [...best.values()].sort((a, b) => a.rank - b.rank || a.id - b.id).slice(0, 30);
    renderResults();
  }
  function importanceOf(id) { return data.nodes[id].size || 0; }
  function pick(n) {
    const r = results[n];
    if (!r) return;
    $("search").value = details[r.id].label;
    results = []; renderResults();
    focusNode(r.id, true);
  }
  $("search").addEventListener("input", (event) => search(event.target.value));
  $("search").addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") { active = Math.min(active + 1, results.length - 1); renderResults(); event.preventDefault(); }
    else if (event.key === "ArrowUp") { active = Math.max(active - 1, 0); renderResults(); event.preventDefault(); }
    else if (event.key === "Enter") { pick(active); event.preventDefault(); }
    else if (event.key === "Escape") { results = []; renderResults(); }
  });
  $("search").addEventListener("blur", () => { results = []; renderResults(); });

  // --- filter controls and legend ---------------------------------------------------------
  function checkbox(container, text, checked, type, onChange) {
    const label = el("label");
    const input = el("input");
    input.type = "checkbox";
    input.checked = checked;
    input.addEventListener("change", () => onChange(input.checked));
    label.append(input, " ");
    if (type) label.append(swatch(type), " ");
    label.append(text);
    container.append(label);
    return input;
  }
  const counts = new Map();
  data.nodes.forEach((n) => counts.set(n.cls, (counts.get(n.cls) || 0) + 1));
  data.classes.forEach((c) => {
    if (!counts.get(c.name)) return;
    const input = checkbox($("class-filter"), c.legend + " (" + counts.get(c.name) + ")", c.shown, c.name, (on) => {
      if (on) state.classes.add(c.name); else state.classes.delete(c.name);
      applyFilters();
    });
    input.dataset.cls = c.name;
    const row = el("div");
    row.append(swatch(c.name), c.legend);
    $("legend").append(row);
  });
  const podcastBoxes = podcastIds.map((id) => {
    const input = checkbox($("podcast-filter"), details[id].label, true, null, (on) => {
      if (on) state.podcasts.add(id); else state.podcasts.delete(id);
      applyFilters();
    });
    input.dataset.podcast = id;
    return input;
  });
  function setAllPodcasts(on) {
    podcastBoxes.forEach((box) => { box.checked = on; });
    state.podcasts = new Set(on ? podcastIds : []);
    applyFilters();
  }
  $("podcasts-all").addEventListener("click", () => setAllPodcasts(true));
  $("podcasts-none").addEventListener("click", () => setAllPodcasts(false));
  ["date-from", "date-to"].forEach((name) => {
    const input = $(name);
    if (dates.length) { input.min = dates[0]; input.max = dates[dates.length - 1]; }
    input.addEventListener("change", () => {
      state[name === "date-from" ? "from" : "to"] = input.value;
      applyFilters();
    });
  });
  $("reset").addEventListener("click", () => {
    clearHighlight(); hidePanel(); network.unselectAll();
    state.pinned = null; applyFilters(); network.fit();
  });

  window.kgraph = { network, nodes, edges, nodeView, edgeView, details, focusNode, applyFilters };
})();
