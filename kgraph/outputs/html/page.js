// kgraph explorer: a readable first view (entities and shows), expand in place, an entity's
// timeline (appears in, said, said about it), paths between two entities, views kept in the URL.
// Document text only ever reaches the DOM through textContent (never innerHTML).
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("kgraph-data").textContent);
  const options = JSON.parse(document.getElementById("kgraph-options").textContent);
  let T = null; // long texts, parsed when a panel first needs them
  function texts() {
    if (T === null) T = JSON.parse(document.getElementById("kgraph-text").textContent);
    return T;
  }
  const N = D.type.length;
  const C = D.claims;
  const CLAIMS = C.episode.length;
  const cls = (id) => D.classes[D.type[id]];
  const EXPAND_MAX = 100; // new nodes per expansion; the panel lists every neighbour
  const EXPAND_LABELS = 8; // labels drawn among the nodes one expansion brings in
  const FIRST = new Set(D.first);

  const $ = (id) => document.getElementById(id);
  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  const str = (n) => (n >= 0 ? D.strings[n] : "");
  const dateOf = (id) => (id >= 0 && D.date[id] !== undefined ? str(D.date[id]) : "");
  function secondsOf(c) { // the claim's HH:MM:SS in seconds (-1: no time)
    if (C.time[c] < 0) return -1;
    return str(C.time[c]).split(":").reduce((total, part) => total * 60 + Number(part), 0);
  }

  // --- relations -----------------------------------------------------------------------------
  const adj = Array.from({ length: N }, () => []);
  const podcastOf = new Map();
  const IN_PODCAST = 1 << D.relations.indexOf("in podcast"); // relations are bits of one number
  for (let i = 0; i < D.edges.length; i += 3) {
    const a = D.edges[i], b = D.edges[i + 1], r = D.edges[i + 2];
    adj[a].push(b); adj[b].push(a);
    if (r & IN_PODCAST) podcastOf.set(a, b);
  }
  const KEY = []; // node keys (IRIs after D.base), front-coded in the data
  for (let i = 0; i < D.key.length; i += 2) KEY.push((KEY.length ? KEY[KEY.length - 1].slice(0, D.key[i]) : "") + D.key[i + 1]);
  const keyIndex = new Map(KEY.map((k, id) => [k, id]));

  // --- the network ---------------------------------------------------------------------------
  const colorOf = (id) => (D.group[id] !== undefined ? D.palette[Math.min(D.group[id], D.palette.length - 1)]
    : cls(id).color);
  function visNode(id, labelled, x, y) {
    const c = cls(id);
    return { id, x, y, size: D.size[id], shape: c.shape, color: colorOf(id),
      label: labelled ? short(D.label[id]) : undefined, title: c.legend + ": " + D.label[id] };
  }
  function short(label) { return label.length <= 32 ? label : label.slice(0, 31).trimEnd() + "…"; }
  const nodes = new vis.DataSet(D.first.map((id) => visNode(id, false, D.x[id], D.y[id])));
  const drawn = new Set(D.first); // mirrors `nodes`: a Set answers "is it drawn?" faster than a DataSet
  const drawnEdges = new Set();
  function addNodes(rows) { nodes.add(rows); rows.forEach((r) => drawn.add(r.id)); }
  function removeNodes(ids) { nodes.remove(ids); ids.forEach((id) => drawn.delete(id)); }
  function addEdges(rows) { edges.add(rows); rows.forEach((r) => drawnEdges.add(r.id)); }
  function removeEdges(ids) { edges.remove(ids); ids.forEach((id) => drawnEdges.delete(id)); }
  nodes.update(D.labelled.map((id) => ({ id, label: short(D.label[id]) })));
  const firstEdges = [];
  for (let i = 0; i < D.firstEdges.length; i += 3) {
    const a = D.firstEdges[i], b = D.firstEdges[i + 1];
    firstEdges.push({ id: "f" + a + "-" + b, from: a, to: b, width: Math.min(3, 0.4 + 0.3 * D.firstEdges[i + 2]) });
  }
  const edges = new vis.DataSet(firstEdges);
  firstEdges.forEach((e) => drawnEdges.add(e.id));
  const network = new vis.Network($("network"), { nodes, edges }, options);
  // After every DataSet change vis-network re-checks every drawn link ("_dataChanged", ~10 ms with
  // 4,000 links; "_dataUpdated" re-indexes them) and redraws the whole canvas at once (15-20 ms). An
  // action makes its changes, then has them checked once and drawn once, on the next frame.
  const emitter = network.body.emitter;
  const emit = emitter.emit;
  let holding = 0, changed = false, updated = false;
  function held(name, ...args) {
    if (name === "_dataChanged") { changed = true; return this; }
    if (name === "_dataUpdated") { updated = true; return this; }
    return emit.call(this, name, ...args);
  }
  function settle() { // inside an action: have vis-network check the changes so far (before a fit over all nodes)
    const was = emitter.emit;
    emitter.emit = emit;
    if (changed) emitter.emit("_dataChanged"); // which ends with "_dataUpdated"
    else if (updated) emitter.emit("_dataUpdated");
    changed = updated = false;
    emitter.emit = was;
  }
  function batched(action) {
    return (...args) => {
      if (holding++ === 0) { emit.call(emitter, "_blockRedraw"); emitter.emit = held; }
      try { return action(...args); } finally {
        if (--holding === 0) {
          settle();
          emitter.emit = emit;
          emitter.emit("_allowRedraw"); emitter.emit("_requestRedraw");
        }
      }
    };
  }
  network.once("afterDrawing", () => {
    window.kgraphFirstDraw = performance.now();
    restoreView();
    document.body.dataset.ready = "true";
    // what the first click needs, prepared while the reader looks at the first view
    const idle = window.requestIdleCallback || ((f) => setTimeout(f, 50));
    idle(() => { texts(); claimsIndex(); noteOf(-1, -1); });
    idle(() => pathGraph());
  });
  if (D.cap) { $("cap").textContent = "Not on this page: " + D.cap + "."; $("cap").hidden = false; console.warn("kgraph: " + D.cap); }
  function updateCount() {
    $("count").textContent = "Showing " + nodes.length + " of " + N + " nodes (" + D.counts.entities +
      " entities and shows, " + CLAIMS + " claims): search or click a node to bring in the rest";
  }
  updateCount();

  // --- expand and collapse in place ------------------------------------------------------------
  const expanded = new Map(); // id -> the nodes its expansion brought in
  const holders = new Map(); // node -> expansions holding it
  let status = "";
  function neighbours(start, depth) {
    const order = [], parent = new Map([[start, -1]]);
    let frontier = [start];
    for (let level = 0; level < depth; level++) {
      const next = [];
      for (const id of frontier) {
        if (id !== start && cls(id).name === "Podcast") continue; // a show is not a way through
        for (const other of adj[id]) {
          if (parent.has(other)) continue;
          parent.set(other, id); next.push(other); order.push(other);
        }
      }
      frontier = next;
    }
    return { order, parent };
  }
  function place(id, around, index) {
    const angle = index * 2.39996, radius = 22 + 9 * Math.sqrt(index + 1);
    const p = network.getPositions([around])[around] || { x: D.x[around], y: D.y[around] };
    return { x: p.x + radius * Math.cos(angle), y: p.y + radius * Math.sin(angle) };
  }
  function expand(id, depth) {
    if (expanded.has(id)) return;
    const { order, parent } = neighbours(id, depth);
    const fresh = order.filter((n) => !drawn.has(n));
    const kept = new Set(fresh.slice().sort((a, b) => D.size[b] - D.size[a] || a - b).slice(0, EXPAND_MAX));
    const added = fresh.filter((n) => kept.has(n)); // in breadth-first order: parents before children
    const counter = new Map(), placed = new Map(), rows = [];
    const at = (n) => { // where a node is drawn (asked of the network once per node)
      if (!placed.has(n)) placed.set(n, network.getPositions([n])[n] || { x: D.x[n], y: D.y[n] });
      return placed.get(n);
    };
    for (const n of added) {
      const up = parent.get(n);
      const around = placed.has(up) || drawn.has(up) ? up : id;
      const index = counter.get(around) || 0;
      counter.set(around, index + 1);
      const p = at(around);
      const near = around === id;
      const angle = index * 2.39996, radius = (near ? 30 : 14) + (near ? 12 : 6) * Math.sqrt(index + 1);
      const xy = { x: p.x + radius * Math.cos(angle), y: p.y + radius * Math.sin(angle) };
      placed.set(n, xy);
      rows.push(visNode(n, false, xy.x, xy.y));
    }
    const relabel = placeLabels(id, at(id), rows, order.filter((n) => drawn.has(n)));
    addNodes(rows);
    if (relabel.length) nodes.update(relabel);
    const held = order.filter((n) => drawn.has(n));
    held.forEach((n) => holders.set(n, (holders.get(n) || 0) + 1));
    expanded.set(id, held);
    // the links that brought each node in (a hub's episodes share hundreds of other links)
    addEdges(added.map((n) => ({ id: edgeId(n, parent.get(n)), from: parent.get(n), to: n }))
      .filter((e) => !drawnEdges.has(e.id)));
    status = fresh.length > added.length
      ? "Expanded " + added.length + " of " + fresh.length + " new neighbours (the panel lists all)" : "";
    updateCount();
  }
  // Labels of an expansion go only where they overlap no label that stays drawn: the expanded node's
  // own first (it is the selection), then the biggest new nodes. The rest of the map is greyed out by
  // the click (spotlight); its labels come back on undo only where they overlap none drawn then.
  // Boxes are estimated as the first view's are (view.py): width from the label's length, under the node.
  const FONT = (options.nodes && options.nodes.font && options.nodes.font.size) || 14;
  function labelBox(id, p) {
    const width = 0.6 * FONT * short(D.label[id]).length + 4, top = p.y + D.size[id] + 1;
    return [p.x - width / 2, top, p.x + width / 2, top + FONT + 2];
  }
  const overlaps = (box, boxes) => boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]);
  function placeLabels(id, p, rows, near) { // sets the new rows' labels; returns the updates of drawn nodes
    const greyed = new Map((undim || []).map((n) => [n.id, n]));
    const hasLabel = (n) => !!(greyed.has(n) ? greyed.get(n).label : nodes.get(n, { fields: ["label"] }).label);
    const kept = near.filter((n) => n !== id && hasLabel(n)) // drawn labels first, then greyed ones
      .sort((a, b) => greyed.has(a) - greyed.has(b) || D.size[b] - D.size[a] || a - b);
    const at = network.getPositions(kept);
    const others = kept.filter((n) => at[n]).map((n) => [n, labelBox(n, at[n])]);
    const own = labelBox(id, p);
    const relabel = [];
    if (!hasLabel(id)) relabel.push({ id, label: short(D.label[id]) });
    const boxes = [own];
    others.forEach(([n, box]) => { // a label in the way of one kept gives way (the title shows on hover)
      if (!overlaps(box, boxes)) boxes.push(box);
      else if (greyed.has(n)) greyed.get(n).label = "";
      else relabel.push({ id: n, label: "" });
    });
    let count = 0;
    rows.slice().sort((a, b) => D.size[b.id] - D.size[a.id] || a.id - b.id).forEach((row) => {
      if (count >= EXPAND_LABELS) return;
      const box = labelBox(row.id, row);
      if (overlaps(box, boxes)) return;
      boxes.push(box); row.label = short(D.label[row.id]); count++;
    });
    return relabel;
  }
  function edgeId(a, b) { return a < b ? a + "-" + b : b + "-" + a; }
  function addEdgesOf(ids) {
    const rows = [];
    const seen = new Set();
    for (const a of ids) for (const b of adj[a]) {
      const eid = edgeId(a, b);
      if (!seen.has(eid) && drawn.has(b) && !drawnEdges.has(eid)) { seen.add(eid); rows.push({ id: eid, from: a, to: b }); }
    }
    addEdges(rows);
  }
  function collapse(id) {
    const held = expanded.get(id);
    if (!held) return;
    expanded.delete(id);
    const gone = [];
    for (const n of held) {
      const count = (holders.get(n) || 1) - 1;
      if (count > 0) { holders.set(n, count); continue; }
      holders.delete(n);
      if (!FIRST.has(n) && n !== selected && !expanded.has(n) && !pathNodes.has(n)) gone.push(n);
    }
    const goneSet = new Set(gone);
    removeEdges(edges.getIds({ filter: (e) => goneSet.has(e.from) || goneSet.has(e.to) }));
    removeNodes(gone);
    updateCount();
  }
  function show(id) { // bring one node in at its laid-out place (or beside the selection)
    if (drawn.has(id)) return;
    const xy = D.placed[id] ? { x: D.x[id], y: D.y[id] } : place(id, selected >= 0 && drawn.has(selected) ? selected : D.first[0], nodes.length);
    addNodes([visNode(id, true, xy.x, xy.y)]);
    addEdgesOf([id]);
  }

  // --- selection ---------------------------------------------------------------------------------
  let selected = -1;
  const filters = { speaker: "", show: "", from: "", to: "" };
  function select(id, zoom) {
    if (pathFrom >= 0 && id !== pathFrom && !restoring) clearPath();
    selected = id;
    show(id);
    if (!nodes.get(id, { fields: ["label"] }).label) nodes.update({ id, label: short(D.label[id]) }); // a DataSet update costs
    network.selectNodes([id]);
    spotlight(id);
    if (zoom) network.focus(id, { scale: Math.max(network.getScale(), 1.5), animation: false });
    showPanel(id);
    saveView();
  }
  network.on("click", batched((params) => {
    if (!params.nodes.length) { if (pathFrom < 0) undo(); return; }
    const id = params.nodes[0];
    if (id === selected && expanded.has(id)) collapse(id);
    else if (id === selected || !expanded.has(id)) { for (const k in filters) filters[k] = ""; expand(id, depth()); }
    select(id, false);
  }));
  function spotlight(id) { // the selection and what it brought in, the rest greyed
    if (pathFrom >= 0) return;
    if (expanded.has(id)) dim(new Set([id, ...expanded.get(id)])); else undo();
  }
  const depth = () => Number($("depth").value);
  $("depth").addEventListener("change", batched(() => {
    if (selected >= 0 && expanded.has(selected)) { collapse(selected); expand(selected, depth()); }
    saveView();
  }));

  // --- the entity's claims, by date ----------------------------------------------------------------
  let claimIndex = null;
  function claimsIndex() {
    if (claimIndex) return claimIndex;
    const said = new Map(), about = new Map(), ofEpisode = new Map();
    const push = (map, k, v) => { if (k < 0) return; const l = map.get(k); if (l) l.push(v); else map.set(k, [v]); };
    for (let c = 0; c < CLAIMS; c++) {
      push(said, C.speaker[c], c);
      push(ofEpisode, C.episode[c], c);
      const concerned = new Set([C.about[c], ...(C.mentions[c] || [])]);
      concerned.delete(C.speaker[c]);
      concerned.forEach((k) => push(about, k, c));
    }
    claimIndex = { said, about, ofEpisode };
    return claimIndex;
  }
  const order = (a, b) => (a < b ? -1 : a > b ? 1 : 0); // ISO dates sort as strings (localeCompare is slow)
  const byLabel = new Intl.Collator().compare; // what localeCompare does, without its set-up per call
  const byDate = (a, b) => order(dateOf(C.episode[a]) || "9999", dateOf(C.episode[b]) || "9999")
    || secondsOf(a) - secondsOf(b) || a - b;
  const episodesByDate = (a, b) => order(dateOf(a) || "9999", dateOf(b) || "9999") || a - b;
  function claimText(c) { // a quote is stored once: as text, or as its place in its insight's text
    const t = texts().claims.text[c];
    return typeof t === "string" ? t : texts().text[t[0]].slice(t[1], t[2]);
  }
  function uniqueQuotes(list) { // one quote per episode, however often it was filed
    const seen = new Set();
    return list.filter((c) => { const k = C.episode[c] + "\u0000" + claimText(c); if (seen.has(k)) return false; seen.add(k); return true; });
  }
  function passes(c) {
    const e = C.episode[c], d = dateOf(e);
    if (filters.speaker !== "" && String(C.speaker[c]) !== filters.speaker) return false;
    return episodePasses(e, d);
  }
  function episodePasses(e, d) {
    if (filters.show !== "" && String(podcastOf.get(e)) !== filters.show) return false;
    if (filters.from && (!d || d < filters.from)) return false;
    if (filters.to && (!d || d > filters.to)) return false;
    return true;
  }

  // --- side panel -----------------------------------------------------------------------------
  const GLYPHS = { dot: "●", square: "■", star: "★", diamond: "◆", triangle: "▲", triangleDown: "▼", hexagon: "⬢" };
  function swatch(id) {
    const s = el("span", GLYPHS[cls(id).shape] || "●", "swatch");
    s.style.color = colorOf(id);
    return s;
  }
  function nodeLink(id) {
    const a = el("a", D.label[id], "node-link");
    a.href = "#";
    a.dataset.id = id; // one listener on the panel follows every link (see below)
    return a;
  }
  function externalLink(url, text) {
    const a = el("a", text);
    if (/^https?:\/\//i.test(url)) { a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer"; }
    return a;
  }
  function clock(seconds) {
    const h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
    return h + ":" + String(m).padStart(2, "0") + ":" + String(s).padStart(2, "0");
  }
  function timestampUrl(url, seconds) {
    if (!url || seconds < 0) return url;
    let host = "";
    try { host = new URL(url).host.toLowerCase(); } catch (e) { return url; }
    if (host.endsWith("youtube.com") || host.endsWith("youtu.be")) return url + (url.includes("?") ? "&" : "?") + "t=" + seconds + "s";
    return url;
  }
  function claimItem(c, showEpisode) {
    const t = texts().claims;
    const item = el("li", null, "claim");
    item.dataset.claim = c;
    item.append(el("blockquote", claimText(c), "text"));
    const meta = el("div", null, "meta");
    if (C.speaker[c] >= 0) meta.append("— ", nodeLink(C.speaker[c]));
    else meta.append("— speaker not stated");
    if (str(C.evidence[c] ?? -1) === "TranscriptLabel") {
      const label = t.label[c] ? " (" + t.label[c] + ")" : "";
      meta.append(el("span", "speaker from transcript label" + label, "badge label"));
    }
    const episode = C.episode[c];
    if (C.heard[c] !== undefined) {
      meta.append(" · ");
      meta.append(t.recording[c] ? externalLink(t.recording[c], "heard at " + clock(C.heard[c])) : el("span", "heard at " + clock(C.heard[c])));
    } else if (C.time[c] >= 0) {
      meta.append(" · ");
      const url = timestampUrl(texts().url[episode], secondsOf(c));
      meta.append(url ? externalLink(url, str(C.time[c])) : el("span", str(C.time[c])));
    }
    if (str(C.grounding[c] ?? -1) === "NotInTranscript") meta.append(el("span", "not found in transcript", "badge"));
    if (showEpisode && episode >= 0) {
      meta.append(" · ", nodeLink(episode));
      if (dateOf(episode)) meta.append(" (" + dateOf(episode) + ")");
    }
    item.append(meta);
    if (t.excerpt[c]) item.append(el("span", "Transcript: " + t.excerpt[c], "excerpt"));
    return item;
  }
  const LIST_PAGE = 25; // items drawn at once; "show all" draws the rest (nothing is dropped)
  function section(title, ids, item, id) {
    if (!ids.length) return [];
    const heading = el("h3", title + " (" + ids.length + ")");
    const list = el("ul");
    list.id = id;
    list.append(...ids.slice(0, LIST_PAGE).map(item));
    if (ids.length > LIST_PAGE) {
      const more = el("button", "Show all " + ids.length, "more");
      more.type = "button";
      more.addEventListener("click", () => { list.append(...ids.slice(LIST_PAGE).map(item)); more.remove(); });
      return [heading, list, more];
    }
    return [heading, list];
  }
  function select_(options, value, onChange, label) {
    const wrap = el("label", label + " ");
    const s = el("select");
    options.forEach(([v, text]) => { const o = el("option", text); o.value = v; s.append(o); });
    s.value = value;
    s.addEventListener("change", () => onChange(s.value));
    wrap.append(s);
    return [wrap, s];
  }

  function showPanel(id) {
    const t = texts();
    const body = $("panel-body");
    body.replaceChildren();
    body.append(el("h2", D.label[id]));
    const kind = el("div", null, "kind");
    kind.append(swatch(id), cls(id).legend);
    if (dateOf(id)) kind.append(" · " + dateOf(id));
    body.append(kind);
    const aliases = D.aliases[id];
    if (aliases && aliases.length) body.append(el("div", "Also: " + aliases.join(", "), "meta"));
    if (t.description[id]) body.append(el("p", t.description[id]));
    if (t.url[id]) { const p = el("p"); p.append(externalLink(t.url[id], t.url[id])); body.append(p); }
    if (t.text[id]) body.append(el("p", t.text[id], "text"));
    const actions = el("div", null, "row");
    const toggle = el("button", expanded.has(id) ? "Collapse" : "Expand");
    toggle.id = "expand-toggle";
    toggle.type = "button";
    toggle.addEventListener("click", batched(() => {
      if (expanded.has(id)) collapse(id); else expand(id, depth());
      spotlight(id); showPanel(id); saveView();
    }));
    actions.append(toggle);
    if (status) actions.append(el("span", status, "meta"));
    body.append(actions);
    if (cls(id).corpus || cls(id).name === "Episode") body.append(pathBox(id));
    if (pathTarget >= 0 && pathFrom === id) body.append(pathSteps());
    const lists = el("div");
    lists.id = "lists";
    body.append(lists);
    if (cls(id).name === "Episode") episodeLists(id, lists);
    else if (cls(id).corpus) timeline(id, body, lists);
    $("panel").hidden = false;
  }
  function episodeLists(id, lists) {
    if (podcastOf.has(id)) { const p = el("p", "Show: ", "meta"); p.append(nodeLink(podcastOf.get(id))); lists.append(p); }
    const people = adj[id].filter((n) => cls(n).corpus && cls(n).name !== "Podcast");
    lists.append(...section("People and companies", people, (n) => { const li = el("li"); li.append(nodeLink(n)); return li; }, "list-entities"));
    const claims = uniqueQuotes((claimsIndex().ofEpisode.get(id) || []).slice().sort(byDate));
    lists.append(...section("Claims", claims, (c) => claimItem(c, false), "list-claims"));
  }
  function timeline(id, body, lists) {
    const index = claimsIndex();
    const appears = (D.appears[id] || []).slice().sort(episodesByDate);
    const said = (index.said.get(id) || []).slice().sort(byDate);
    const about = (index.about.get(id) || []).slice().sort(byDate);
    body.insertBefore(chart(appears, [...said, ...about]), lists);
    const speakers = [...new Set(about.map((c) => C.speaker[c]))].sort((a, b) => (a < 0) - (b < 0) || (a >= 0 && byLabel(D.label[a], D.label[b])));
    const shows = [...new Set(appears.map((e) => podcastOf.get(e)).filter((p) => p !== undefined))].sort((a, b) => byLabel(D.label[a], D.label[b]));
    const bar = el("div", null, "filters");
    const [speakerBox] = select_([["", "any speaker"], ...speakers.map((s) => [String(s), s >= 0 ? D.label[s] : "speaker not stated"])],
      filters.speaker, (v) => { filters.speaker = v; render(); }, "Speaker");
    speakerBox.id = "filter-speaker";
    const [showBox] = select_([["", "any show"], ...shows.map((s) => [String(s), D.label[s]])], filters.show, (v) => { filters.show = v; render(); }, "Show");
    showBox.id = "filter-show";
    bar.append(speakerBox, showBox);
    ["from", "to"].forEach((name) => {
      const wrap = el("label", name + " ");
      const input = el("input");
      input.type = "date"; input.id = "filter-" + name; input.value = filters[name];
      input.addEventListener("change", () => { filters[name] = input.value; render(); });
      wrap.append(input); bar.append(wrap);
    });
    body.insertBefore(bar, lists);
    function render() {
      const started = performance.now();
      const quotes = (list) => uniqueQuotes(list.filter(passes));
      const quote = (c) => claimItem(c, true);
      const episodeItem = (e) => {
        const li = el("li");
        li.append(nodeLink(e));
        if (dateOf(e)) li.append(" (" + dateOf(e) + ")");
        if (podcastOf.has(e)) li.append(" · " + D.label[podcastOf.get(e)]);
        const note = noteOf(id, e);
        if (note) li.append(el("span", note, "note"));
        return li;
      };
      const episodes = appears.filter((e) => filters.speaker === "" && episodePasses(e, dateOf(e)));
      lists.replaceChildren(...section("Appears in", episodes, episodeItem, "list-appears"),
        ...section("Said", quotes(said), quote, "list-said"), ...section("Said about it", quotes(about), quote, "list-about"));
      window.kgraphLastRender = performance.now() - started;
      saveView();
    }
    render();
  }
  let notes = null;
  function noteOf(entity, episode) {
    if (notes === null) { notes = new Map(); texts().notes.forEach(([a, e, n]) => notes.set(a + "/" + e, n)); }
    return notes.get(entity + "/" + episode) || "";
  }
  function chart(appears, claims) {
    const months = new Map();
    const month = (d) => d.slice(0, 7);
    appears.forEach((e) => { const d = dateOf(e); if (d) { const m = months.get(month(d)) || [0, 0]; m[0]++; months.set(month(d), m); } });
    claims.forEach((c) => { const d = dateOf(C.episode[c]); if (d) { const m = months.get(month(d)) || [0, 0]; m[1]++; months.set(month(d), m); } });
    const keys = [...months.keys()].sort();
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("class", "chart"); svg.setAttribute("width", "360"); svg.setAttribute("height", "70");
    if (!keys.length) return svg;
    const all = [];
    for (let [y, m] = keys[0].split("-").map(Number); ; m++) {
      if (m > 12) { m = 1; y++; }
      const k = y + "-" + String(m).padStart(2, "0");
      all.push(k);
      if (k >= keys[keys.length - 1] || all.length > 240) break;
    }
    const top = Math.max(1, ...[...months.values()].map(([a, b]) => Math.max(a, b)));
    const w = 360 / all.length;
    all.forEach((k, i) => {
      const [a, b] = months.get(k) || [0, 0];
      [[a, "#9aa3ad", 0], [b, "#1f77b4", w / 2]].forEach(([n, colour, dx]) => {
        if (!n) return;
        const r = document.createElementNS(NS, "rect");
        const h = 50 * n / top;
        r.setAttribute("x", String(i * w + dx)); r.setAttribute("y", String(54 - h));
        r.setAttribute("width", String(Math.max(1, w / 2 - 1))); r.setAttribute("height", String(h));
        r.setAttribute("fill", colour);
        const title = document.createElementNS(NS, "title");
        title.textContent = k + ": " + a + " episodes, " + b + " claims";
        r.append(title);
        svg.append(r);
      });
    });
    [[all[0], 0, "start"], [all[all.length - 1], 360, "end"]].forEach(([text, x, anchor]) => {
      const label = document.createElementNS(NS, "text");
      label.setAttribute("x", String(x)); label.setAttribute("y", "68"); label.setAttribute("font-size", "10");
      label.setAttribute("text-anchor", anchor); label.textContent = text;
      svg.append(label);
    });
    return svg;
  }
  $("panel-body").addEventListener("click", batched((event) => {
    const link = event.target.closest("a.node-link");
    if (!link) return;
    event.preventDefault();
    select(Number(link.dataset.id), true);
  }));
  function hidePanel() { $("panel").hidden = true; }
  $("panel-close").addEventListener("click", () => { hidePanel(); selected = -1; network.unselectAll(); saveView(); });

  // --- path between two entities ------------------------------------------------------------------
  let pathFrom = -1, pathTarget = -1;
  const pathNodes = new Set();
  let pathAdj = null;
  function pathGraph() { // entities and episodes; shows and insights are no way through
    if (pathAdj) return pathAdj;
    pathAdj = Array.from({ length: N }, () => new Set());
    for (const k in D.appears) {
      const a = Number(k);
      if (cls(a).name === "Podcast") continue;
      for (const e of D.appears[k]) { pathAdj[a].add(e); pathAdj[e].add(a); }
    }
    for (let a = 0; a < N; a++) if (cls(a).corpus && cls(a).name !== "Podcast")
      for (const b of adj[a]) if (cls(b).corpus && cls(b).name !== "Podcast") pathAdj[a].add(b);
    pathAdj = pathAdj.map((s) => [...s].sort((a, b) => a - b));
    return pathAdj;
  }
  let lastPath = null;
  function findPath(from, to) {
    if (lastPath && lastPath.from === from && lastPath.to === to) return lastPath.path;
    const path = shortestPath(from, to);
    lastPath = { from, to, path };
    return path;
  }
  function shortestPath(from, to) {
    const graph = pathGraph();
    const parent = new Map([[from, -1]]);
    let frontier = [from];
    while (frontier.length && !parent.has(to)) {
      const next = [];
      for (const a of frontier) for (const b of graph[a]) if (!parent.has(b)) { parent.set(b, a); next.push(b); }
      frontier = next;
    }
    if (!parent.has(to)) return [];
    const path = [];
    for (let n = to; n !== -1; n = parent.get(n)) path.unshift(n);
    return path;
  }
  function showPath(from, to) {
    clearPath();
    pathFrom = from; pathTarget = to;
    const path = findPath(from, to);
    const missing = path.filter((n) => !drawn.has(n));
    addNodes(missing.map((n) => visNode(n, true, D.x[n], D.y[n]))); // entities and episodes are laid out
    nodes.update(path.filter((n) => !missing.includes(n)).map((n) => ({ id: n, label: short(D.label[n]) })));
    path.forEach((n) => pathNodes.add(n));
    const rows = [];
    for (let i = 1; i < path.length; i++) rows.push({ id: "p" + path[i - 1] + "-" + path[i], from: path[i - 1], to: path[i], color: { color: "#e8590c" }, width: 3 });
    addEdges(rows);
    dim(new Set(path));
    if (path.length) network.fit({ nodes: path, animation: false, maxZoomLevel: 1.6 });
    const panelShown = selected === from && !$("panel").hidden && $("lists");
    selected = from;
    network.selectNodes(path.length ? path : [from], false); // the path's own links stand out, not all of theirs
    if (panelShown) { // the panel stays; only the steps change
      const old = document.querySelector("#panel-body .path");
      if (old) old.replaceWith(pathSteps()); else $("lists").before(pathSteps());
    } else showPanel(from);
    saveView();
    return path;
  }
  let undim = null; // the colours and labels a path greyed out
  function dim(kept) { // grey everything but `kept`, so a path reads through the crowd (one update)
    const restore = new Map((undim || []).map((n) => [n.id, n]));
    const rows = [], saved = [];
    nodes.forEach((n) => {
      const before = restore.get(n.id) || n;
      if (kept.has(n.id)) { if (restore.has(n.id)) rows.push(before); return; }
      saved.push({ id: n.id, color: before.color, label: before.label });
      if (!restore.has(n.id)) rows.push({ id: n.id, color: "#e6e8ec", label: "" });
    }, { fields: ["id", "color", "label"] });
    undim = saved;
    nodes.update(rows);
  }
  function undo() { // the greyed nodes' colours back, and their labels where they overlap none drawn
    if (!undim) return;
    const back = undim.filter((n) => drawn.has(n.id));
    undim = null;
    const shown = nodes.getIds({ filter: (n) => !!n.label });
    const labelled = back.filter((n) => n.label);
    const at = network.getPositions([...shown, ...labelled.map((n) => n.id)]);
    const boxes = shown.filter((n) => at[n]).map((n) => labelBox(n, at[n]));
    labelled.sort((a, b) => D.size[b.id] - D.size[a.id] || a.id - b.id).forEach((n) => {
      const box = labelBox(n.id, at[n.id] || { x: D.x[n.id], y: D.y[n.id] });
      if (overlaps(box, boxes)) n.label = ""; else boxes.push(box);
    });
    nodes.update(back);
  }
  function clearPath() {
    undo();
    removeEdges(edges.getIds({ filter: (e) => String(e.id).startsWith("p") }));
    pathNodes.clear(); pathFrom = -1; pathTarget = -1;
  }
  function pathSteps() {
    const wrap = el("div", null, "path");
    const path = findPath(pathFrom, pathTarget);
    wrap.append(el("h3", "How " + D.label[pathFrom] + " connects to " + D.label[pathTarget]));
    if (!path.length) { wrap.append(el("p", "No connection through episodes or co-mentions.", "meta")); return wrap; }
    const list = el("ol", null, "steps");
    list.id = "path-steps";
    path.forEach((n) => {
      const li = el("li"); li.append(swatch(n), " ", nodeLink(n));
      if (dateOf(n)) li.append(" (" + dateOf(n) + ")");
      list.append(li);
    });
    wrap.append(list);
    return wrap;
  }
  function pathBox(id) {
    const wrap = el("div", null, "path-box");
    const input = el("input");
    input.type = "search"; input.id = "path-to"; input.placeholder = "How is it connected to…";
    input.autocomplete = "off";
    const list = el("ul", null, "results");
    list.hidden = true;
    wrap.append(input, list);
    attachSearch(input, list, batched((target) => { showPath(id, target); }));
    return wrap;
  }

  // --- search ---------------------------------------------------------------------------------
  const searchIndex = [];
  for (let id = 0; id < N; id++) {
    [D.label[id], ...(D.aliases[id] || [])].forEach((name, n) =>
      searchIndex.push({ id, key: name.toLowerCase(), name, alias: n > 0 }));
  }
  function attachSearch(input, list, onPick) {
    let results = [], active = 0;
    function render() {
      list.replaceChildren();
      results.forEach((r, n) => {
        const item = el("li");
        item.setAttribute("role", "option");
        item.dataset.id = r.id;
        if (n === active) item.className = "active";
        item.append(swatch(r.id), el("span", D.label[r.id]));
        if (r.alias) item.append(el("span", "(" + r.name + ")", "alias"));
        item.append(el("span", cls(r.id).legend, "kind"));
        item.addEventListener("mousedown", (event) => { event.preventDefault(); pick(n); });
        list.append(item);
      });
      list.hidden = results.length === 0;
    }
    function find(text) {
      const query = text.trim().toLowerCase();
      active = 0;
      results = [];
      if (query) {
        const best = new Map();
        for (const entry of searchIndex) {
          const at = entry.key.indexOf(query);
          if (at < 0) continue;
          const rank = (entry.key === query ? 0 : at === 0 ? 1 : 2) * 1e6 - D.size[entry.id];
          const previous = best.get(entry.id);
          if (!previous || rank < previous.rank) best.set(entry.id, Object.assign({ rank }, entry));
        }
        results = [...best.values()].sort((a, b) => a.rank - b.rank || a.id - b.id).slice(0, 30);
      }
      render();
    }
    function pick(n) {
      const r = results[n];
      if (!r) return;
      input.value = D.label[r.id];
      results = []; render();
      onPick(r.id);
    }
    input.addEventListener("input", () => find(input.value));
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown") { active = Math.min(active + 1, results.length - 1); render(); event.preventDefault(); }
      else if (event.key === "ArrowUp") { active = Math.max(active - 1, 0); render(); event.preventDefault(); }
      else if (event.key === "Enter") { pick(active); event.preventDefault(); }
      else if (event.key === "Escape") { results = []; render(); }
    });
    input.addEventListener("blur", () => { results = []; render(); });
  }
  attachSearch($("search"), $("search-results"), batched((id) => { clearPath(); select(id, true); }));

  // --- legend ---------------------------------------------------------------------------------
  const present = new Set(D.type);
  D.classes.forEach((c, n) => {
    if (!present.has(n) || c.name === "Claim") return;
    const row = el("div");
    const s = el("span", GLYPHS[c.shape] || "●", "swatch");
    row.append(s, c.legend);
    $("legend").append(row);
  });
  $("legend").append(el("div", "Colour: community (Louvain); size: episodes", "meta"));

  $("reset").addEventListener("click", batched(() => {
    [...expanded.keys()].forEach(collapse);
    clearPath(); hidePanel(); selected = -1; network.unselectAll();
    const extra = nodes.getIds({ filter: (n) => !FIRST.has(n.id) });
    removeEdges(edges.getIds({ filter: (e) => !FIRST.has(e.from) || !FIRST.has(e.to) }));
    removeNodes(extra);
    const first = new Set(D.labelled); // the first view's labels, some given way to expansions'
    nodes.update(D.first.map((id) => ({ id, label: first.has(id) ? short(D.label[id]) : "" })));
    settle();
    network.fit(); updateCount(); saveView();
  }));

  // --- saved views: the URL fragment keeps selection, expansions, path, filters and zoom ----------
  let restoring = false;
  function saveView() {
    if (restoring) return;
    const p = new URLSearchParams();
    if (selected >= 0) p.set("sel", KEY[selected]);
    if (expanded.size) p.set("exp", [...expanded.keys()].map((n) => KEY[n]).join(" "));
    if (depth() !== 1) p.set("depth", String(depth()));
    if (pathTarget >= 0) p.set("path", KEY[pathTarget]);
    for (const k in filters) if (filters[k] !== "") p.set(k, /^\d+$/.test(filters[k]) && k !== "from" && k !== "to" ? KEY[Number(filters[k])] : filters[k]);
    const view = network.DOMtoCanvas({ x: viewSize.width / 2, y: viewSize.height / 2 }); // the view's centre
    p.set("zoom", network.getScale().toFixed(3) + "," + Math.round(view.x) + "," + Math.round(view.y));
    history.replaceState(null, "", "#" + p.toString());
  }
  // the canvas's size, kept: asking the DOM for it would lay out the panel just built, in the click
  let viewSize = { width: $("network").clientWidth, height: $("network").clientHeight };
  network.on("resize", (size) => { viewSize = size; });
  let saveTimer = 0;
  network.on("zoom", () => { clearTimeout(saveTimer); saveTimer = setTimeout(saveView, 200); });
  network.on("dragEnd", () => { clearTimeout(saveTimer); saveTimer = setTimeout(saveView, 200); });
  const restoreView = batched(() => {
    if (location.hash.length < 2) return;
    const p = new URLSearchParams(location.hash.slice(1));
    const id = (k) => (k !== null && keyIndex.has(k) ? keyIndex.get(k) : -1);
    restoring = true;
    try {
      if (p.get("depth")) $("depth").value = p.get("depth");
      (p.get("exp") || "").split(" ").map(id).filter((n) => n >= 0).forEach((n) => { show(n); expand(n, depth()); });
      for (const k in filters) {
        const v = p.get(k);
        if (v === null) continue;
        filters[k] = k === "from" || k === "to" ? v : v === "-1" ? "-1" : String(id(v));
      }
      const sel = id(p.get("sel"));
      const target = id(p.get("path"));
      if (sel >= 0 && target >= 0) showPath(sel, target);
      else if (sel >= 0) { selected = sel; show(sel); network.selectNodes([sel]); showPanel(sel); }
      const zoom = (p.get("zoom") || "").split(",").map(Number);
      if (zoom.length === 3 && zoom.every(Number.isFinite)) network.moveTo({ scale: zoom[0], position: { x: zoom[1], y: zoom[2] } });
    } finally { restoring = false; }
  });

  window.kgraph = { network, nodes, edges, data: D, texts, select: batched(select), expand: batched(expand),
    collapse: batched(collapse), showPath: batched(showPath), findPath,
    expanded, filters, saveView, idOf: (label) => D.label.indexOf(label), selected: () => selected };
})();
