/* medkg network page. Everything from the graph is put on the page with textContent:
   names and sentences are never parsed as HTML. */
(function () {
  "use strict";
  var state = window.medkg = { stable: false, stableMs: null, errors: [], ready: false };
  window.addEventListener("error", function (e) { state.errors.push(String(e.message)); });

  var DATA = JSON.parse(document.getElementById("medkg-data").textContent);
  var INFO = DATA.info, TEXTS = DATA.texts;
  var TYPES = {};
  DATA.legend.forEach(function (l) { TYPES[l.type] = l; });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function txt(i) { return (i === null || i === undefined) ? null : TEXTS[i]; }
  function fmt(x) { return (x === null || x === undefined) ? "–" : (Math.round(x * 1000) / 1000).toString(); }
  function factLine(f) { return f[1] + " —" + f[0] + "→ " + f[2]; }

  /* ---------------------------------------------------------------- tooltips (DOM elements) */
  function nodeTip(id) {
    var d = INFO[id], box = el("div", "tip");
    box.appendChild(el("b", null, d.n));
    box.appendChild(el("div", "muted", d.t + " · " + d.deg + " links" +
      (d.hid ? " (+" + d.hid + " hidden)" : "") + " · centrality " + fmt(d.cen)));
    if (d.facts.length) {
      var ul = el("ul");
      d.facts.slice(0, 4).forEach(function (f) { ul.appendChild(el("li", null, factLine(f))); });
      if (d.facts.length > 4 || d.more) ul.appendChild(el("li", "muted", "… click for all facts and sources"));
      box.appendChild(ul);
    }
    return box;
  }
  function edgeTip(e) {
    var box = el("div", "tip");
    box.appendChild(el("b", null, INFO[e.a].n + " — " + INFO[e.b].n));
    box.appendChild(el("div", "muted", "weight " + e.w + (e.k ? " · " + e.k : "")));
    if (e.ev.length) {
      var ul = el("ul");
      e.ev.slice(0, 6).forEach(function (s) { ul.appendChild(el("li", null, s)); });
      if (e.ev.length > 6 || e.more) ul.appendChild(el("li", "muted", "… click for all"));
      box.appendChild(ul);
    }
    return box;
  }

  var nodeItems = DATA.nodes.map(function (n) { n.title = nodeTip(n.id); return n; });
  var edgeItems = DATA.edges;
  var EINFO = {};
  DATA.edgeInfo.forEach(function (x) { EINFO[x.id] = x; });

  /* ---------------------------------------------------------------- vis data and filters */
  var visible = {};
  Object.keys(TYPES).forEach(function (t) { visible[t] = true; });
  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems.map(function (e) {
    var x = EINFO[e.id];
    if (x) e.title = edgeTip(x);
    return e;
  }));
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return visible[n.etype] !== false; } });
  var edgesView = new vis.DataView(edges, {
    filter: function (e) {
      var a = nodes.get(e.from), b = nodes.get(e.to);
      return a && b && visible[a.etype] !== false && visible[b.etype] !== false;
    }
  });
  var container = document.getElementById("network");
  var status = document.getElementById("status");
  var t0 = performance.now();
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, DATA.options);
  state.network = network; state.nodes = nodes; state.edges = edges;

  function settled(how) {
    if (state.stable) return;
    state.stable = true;
    state.stableMs = performance.now();
    state.layoutMs = performance.now() - t0;
    status.textContent = "Layout settled in " + (state.layoutMs / 1000).toFixed(1) + " s (" + how + "); physics off. Drag nodes to rearrange.";
  }
  /* vis-network says "iterations done" before it draws the result (the draw waits for
     the next animation frame): physics goes off, the network is drawn now, and the page
     counts as stable only once that drawing is on the canvas. */
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    network.once("afterDrawing", function () { settled("stabilised"); });
    network.redraw();
  });
  network.on("stabilizationProgress", function (p) {
    status.textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  if (nodeItems.length === 0) {
    settled("empty");
    container.appendChild(el("p", "hint", "No entity in this view. Ingest articles first, or choose another view."));
  }

  document.querySelectorAll("input.type-filter").forEach(function (box) {
    box.addEventListener("change", function () {
      visible[box.value] = box.checked;
      nodesView.refresh(); edgesView.refresh();
    });
  });

  /* ---------------------------------------------------------------- details panel */
  var details = document.getElementById("details");
  function panel(title) {
    details.replaceChildren();
    details.hidden = false;
    var close = el("button", "close", "×");
    close.type = "button"; close.title = "Close";
    close.addEventListener("click", function () { details.hidden = true; network.unselectAll(); });
    details.appendChild(close);
    details.appendChild(el("h2", null, title));
  }
  function row(dl, k, v) { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, v)); }
  function showNode(id) {
    var d = INFO[id];
    if (!d) return;
    panel(d.n);
    var dl = el("dl");
    row(dl, "type", d.t);
    row(dl, "IRI", d.iri);
    if (d.al.length) row(dl, "also", d.al.join("; "));
    row(dl, "links", d.deg + " shown" + (d.hid ? ", " + d.hid + " hidden" : ""));
    row(dl, "weighted degree", d.wdeg);
    row(dl, "degree centrality", fmt(d.cen));
    row(dl, "betweenness", fmt(d.btw) + " (in this page)");
    if (d.com !== null && d.com !== undefined && d.com >= 0) row(dl, "community", "#" + (d.com + 1));
    details.appendChild(dl);
    details.appendChild(el("h3", null, "Facts (" + (d.facts.length + d.more) + ")"));
    var ol = el("ol");
    d.facts.forEach(function (f) {
      var li = el("li");
      li.appendChild(el("span", "fact", factLine(f)));
      if (txt(f[3])) li.appendChild(el("span", "sentence", "“" + txt(f[3]) + "”"));
      if (txt(f[4])) li.appendChild(el("span", "source", "— " + txt(f[4])));
      ol.appendChild(li);
    });
    if (d.more) ol.appendChild(el("li", "source", "… and " + d.more + " more (export with 'medkg network -o' for all)"));
    details.appendChild(ol);
    if (d.arts.length) {
      details.appendChild(el("h3", null, "Articles mentioning it"));
      var ul = el("ul");
      d.arts.forEach(function (a) { ul.appendChild(el("li", null, txt(a))); });
      if (d.more_arts) ul.appendChild(el("li", "source", "… and " + d.more_arts + " more"));
      details.appendChild(ul);
    }
  }
  function showEdge(id) {
    var e = EINFO[id];
    if (!e) return;
    panel(INFO[e.a].n + " — " + INFO[e.b].n);
    var dl = el("dl");
    row(dl, "weight", e.w);
    if (e.k) row(dl, "links", e.k);
    details.appendChild(dl);
    var ul = el("ul");
    e.ev.forEach(function (s) { ul.appendChild(el("li", null, s)); });
    if (e.more) ul.appendChild(el("li", "source", "… and " + e.more + " more"));
    details.appendChild(ul);
  }
  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
    else details.hidden = true;
  });
  state.showNode = showNode;

  /* ---------------------------------------------------------------- search */
  var names = document.getElementById("search-names");
  var index = Object.keys(INFO).map(function (id) {
    var d = INFO[id];
    return { id: id, keys: [d.n].concat(d.al).map(function (s) { return String(s).toLowerCase(); }) };
  });
  Object.keys(INFO).sort(function (a, b) { return INFO[a].n < INFO[b].n ? -1 : 1; }).forEach(function (id) {
    var o = document.createElement("option");
    o.value = INFO[id].n;
    names.appendChild(o);
  });
  var lastQuery = null, lastHits = [], cursor = 0;
  function find(q) {
    q = String(q || "").trim().toLowerCase();
    if (!q) return [];
    var exact = [], prefix = [], part = [];
    index.forEach(function (x) {
      if (x.keys.some(function (k) { return k === q; })) exact.push(x.id);
      else if (x.keys.some(function (k) { return k.indexOf(q) === 0; })) prefix.push(x.id);
      else if (x.keys.some(function (k) { return k.indexOf(q) >= 0; })) part.push(x.id);
    });
    var byScore = function (a, b) { return (INFO[b].wdeg || 0) - (INFO[a].wdeg || 0); };
    return exact.sort(byScore).concat(prefix.sort(byScore), part.sort(byScore));
  }
  function search(q) {
    var out = document.getElementById("search-status");
    if (q !== lastQuery) { lastQuery = q; lastHits = find(q); cursor = 0; } else { cursor += 1; }
    if (!lastHits.length) { out.textContent = "no match"; return null; }
    var id = lastHits[cursor % lastHits.length];
    var t = INFO[id].t;
    if (visible[t] === false) {
      visible[t] = true;
      var box = document.querySelector('input.type-filter[value="' + t + '"]');
      if (box) box.checked = true;
      nodesView.refresh(); edgesView.refresh();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.3, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showNode(id);
    out.textContent = lastHits.length === 1 ? "1 match" : ((cursor % lastHits.length) + 1) + " of " + lastHits.length + " (Enter: next)";
    return id;
  }
  document.getElementById("search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(document.getElementById("search-input").value);
  });
  state.search = search;
  state.find = find;
  state.ready = true;
})();
