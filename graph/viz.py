"""Interactive network pages: one self-contained, offline HTML file per view (pyvis + vis-network).

* All JavaScript and CSS are inlined (vis-network from the ``pyvis`` package, our page
  script and style from ``medkg/graph/assets``); the page fetches nothing, and a
  Content-Security-Policy with script hashes forbids any request and any script
  but ours (so an injected ``<script>`` or ``onerror`` could not run even if escaping failed).
* Names and sentences travel as JSON in a non-executed ``application/json`` block
  (``<`` ``>`` ``&`` escaped) and are put on the page with ``textContent`` only:
  nothing from the graph is ever parsed as HTML.
* Large graphs are pruned before drawing: edges under ``min_weight`` go, then the
  ``top`` most central nodes (weighted degree in the whole view) are kept; each kept node
  says how many neighbours were hidden. Positions are pre-computed (seeded spring
  layout), the browser's physics runs a bounded stabilisation and is then switched off.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from medkg.errors import MedkgError
from medkg.graph import network as N

ASSETS = Path(__file__).resolve().parent / "assets"
DEFAULT_TOP = 250
#: hard cap on drawn edges (the heaviest are kept), relative to the node count
EDGES_PER_NODE = 4
MAX_FACTS = 20
MAX_ARTICLES = 10
MAX_SENTENCE = 500
MAX_EVIDENCE = 12

#: type -> (colour, vis shape, legend symbol)
TYPE_STYLE = {
    "Person": ("#4e79a7", "dot", "●"),
    "Organization": ("#f28e2b", "square", "■"),
    "Event": ("#59a14f", "diamond", "◆"),
    "Specialty": ("#b07aa1", "triangle", "▲"),
    "Country": ("#e15759", "star", "★"),
    "Place": ("#9c755f", "triangleDown", "▼"),
}
VIEW_TITLES = {
    "entities": "Entity graph", "people": "Person collaboration (shared events)",
    "institutions": "Institution collaboration (shared events and people)",
    "countries": "Country–institution exchange", "ego": "Ego network",
}


# ---------------------------------------------------------------------------- pruning
def prune(G: nx.Graph, top: int | None = DEFAULT_TOP, min_weight: float = 1,
          keep: tuple[str, ...] = ()) -> tuple[nx.Graph, dict]:
    """The drawable part of ``G``: edges with weight >= ``min_weight`` (with ``min_weight`` > 1,
    nodes left without edges go too); then, if more than ``top`` nodes remain, ``keep``
    plus the 60% most central (weighted degree) and the nodes linking most of those;
    at most ``EDGES_PER_NODE * top`` edges (the heaviest).

    Each kept node gets ``score`` (weighted degree in the filtered whole view),
    ``centrality`` (its degree centrality there) and ``hidden_neighbours``.
    """
    top = DEFAULT_TOP if top is None else top
    if top < 1:
        raise MedkgError(f"--top {top}: must be at least 1")
    F = nx.Graph()
    F.add_nodes_from(G.nodes)
    F.add_edges_from((u, v, {"weight": d.get("weight", 1)}) for u, v, d in G.edges(data=True)
                     if d.get("weight", 1) >= min_weight)
    n_all = F.number_of_nodes()
    if min_weight > 1:  # asked for the stronger ties: nodes left without any are not drawn
        F.remove_nodes_from([n for n in list(F) if F.degree(n) == 0 and n not in keep])
    wdeg = dict(F.degree(weight="weight"))
    deg = dict(F.degree())
    rank = {n: (-wdeg[n], -deg[n], G.nodes[n].get("name", ""), n) for n in F}
    order = sorted(F.nodes, key=rank.__getitem__)
    keep = [k for k in keep if k in F]
    budget = max(top, len(keep))
    if F.number_of_nodes() <= budget:
        chosen = list(dict.fromkeys(keep + order))
    else:
        # hubs: the most central 60%; then connectors: the nodes linking most hubs
        n_hubs = max(budget * 3 // 5, len(keep), 1)
        chosen = list(dict.fromkeys(keep + order))[:n_hubs]
        hubs = set(chosen)
        links: dict[str, int] = {}
        for h in chosen:
            for nb in F[h]:
                if nb not in hubs:
                    links[nb] = links.get(nb, 0) + 1
        connectors = sorted((n for n, c in links.items() if c >= 2), key=lambda n: (-links[n],) + rank[n])
        chosen += connectors[:budget - len(chosen)]
        if len(chosen) < budget:
            taken = set(chosen)
            chosen += [n for n in order if n not in taken][:budget - len(chosen)]
    chosen_set = set(chosen)
    edges = [(u, v) for u, v in F.edges if u in chosen_set and v in chosen_set]
    max_edges = EDGES_PER_NODE * max(top, len(chosen))
    dropped_edges = 0
    if len(edges) > max_edges:
        edges.sort(key=lambda e: (-F[e[0]][e[1]]["weight"], e))
        dropped_edges = len(edges) - max_edges
        edges = edges[:max_edges]
    H = nx.Graph()
    H.graph.update(G.graph)
    for n in chosen:
        H.add_node(n, **G.nodes[n])
    for u, v in edges:
        H.add_edge(u, v, **G[u][v])
    denom = max(G.number_of_nodes() - 1, 1)
    for n in H:
        d = H.nodes[n]
        d["score"] = wdeg[n]
        d["centrality"] = deg[n] / denom
        d["hidden_neighbours"] = deg[n] - H.degree(n)
    info = {
        "total_nodes": n_all, "total_edges": G.number_of_edges(),
        "filtered_edges": G.number_of_edges() - F.number_of_edges(),
        "shown_nodes": H.number_of_nodes(), "shown_edges": H.number_of_edges(),
        "pruned": H.number_of_nodes() < n_all, "dropped_edges": dropped_edges,
        "top": top, "min_weight": min_weight,
    }
    return H, info


def layout(H: nx.Graph, seed: int = 42) -> dict[str, tuple[float, float]]:
    """Seeded positions in screen pixels: each connected component gets its own spring
    layout (sized by its node count), components are packed in rows, largest first,
    isolated nodes in a grid below. A good start that the browser physics only refines.
    """
    if H.number_of_nodes() == 0:
        return {}
    comps = sorted((sorted(c) for c in nx.connected_components(H)), key=lambda c: (-len(c), c[0]))
    groups, isolated = [c for c in comps if len(c) > 1], [c[0] for c in comps if len(c) == 1]
    pos: dict[str, tuple[float, float]] = {}
    gap = 90.0
    boxes = []
    for c in groups:
        sub = H.subgraph(c)
        radius = 70.0 * math.sqrt(len(c))
        p = nx.spring_layout(sub, seed=seed, weight=None, iterations=60 if len(c) <= 1000 else 30,
                             k=1.5 / math.sqrt(len(c)))
        boxes.append((radius, {k: (float(x) * radius, float(y) * radius) for k, (x, y) in p.items()}))
    total = sum((2 * r + gap) ** 2 for r, _ in boxes) + len(isolated) * gap ** 2
    row_width = max(math.sqrt(total) * 1.4, (2 * boxes[0][0] if boxes else 0) + gap)
    x = y = 0.0
    row_h = 0.0
    for r, p in boxes:
        if x > 0 and x + 2 * r > row_width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        cx, cy = x + r, y + r
        for k, (px, py) in p.items():
            pos[k] = (cx + px, cy + py)
        x += 2 * r + gap
        row_h = max(row_h, 2 * r)
    y = y + row_h + gap if boxes else 0.0
    cols = max(int(row_width // gap), 1)
    for i, k in enumerate(sorted(isolated, key=lambda n: (-(H.nodes[n].get("score") or 0), H.nodes[n].get("name", "")))):
        pos[k] = ((i % cols) * gap, y + (i // cols) * gap)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    mx, my = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {k: (round(px - mx, 1), round(py - my, 1)) for k, (px, py) in pos.items()}


# ---------------------------------------------------------------------------- page data
def _short(text: str | None, n: int) -> str | None:
    if text is None:
        return None
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


class _Table:
    """Interning table for repeated strings (sentences, titles) in the page data."""

    def __init__(self):
        self.items: list[str] = []
        self.index: dict[str, int] = {}

    def __call__(self, s: str | None) -> int | None:
        if s is None:
            return None
        i = self.index.get(s)
        if i is None:
            i = self.index[s] = len(self.items)
            self.items.append(s)
        return i


def page_data(H: nx.Graph, meta: dict) -> tuple[dict, "object"]:
    """The JSON payload of the page, and the pyvis Network holding the drawn nodes/edges."""
    from pyvis.network import Network  # imports IPython: keep it off the CLI start-up path

    texts = _Table()
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    info: dict[str, dict] = {}
    pos = meta.pop("_pos", {})
    for n, d in H.nodes(data=True):
        t = d.get("type", "Place")
        colour, shape, _ = TYPE_STYLE.get(t, ("#888888", "dot", "●"))
        x, y = pos.get(n, (None, None))
        extra = {"x": x, "y": y} if x is not None else {}
        net.add_node(n, label=_short(d.get("name") or n, 32), shape=shape, color=colour,
                     value=round(d.get("centrality", 0.0), 6), etype=t,
                     borderWidth=3 if d.get("focus") else 1, **extra)
        facts = d.get("facts", [])
        info[n] = {
            "t": t, "n": d.get("name"), "iri": d.get("iri", n), "al": list(d.get("aliases", []))[:8],
            "deg": H.degree(n), "wdeg": d.get("score"), "btw": round(d.get("betweenness", 0.0), 4),
            "cen": round(d.get("centrality", 0.0), 4), "com": d.get("community"),
            "hid": d.get("hidden_neighbours", 0), "focus": bool(d.get("focus")),
            "facts": [[f["predicate"], _short(f["subject_name"], 120), _short(str(f["object_name"]), 120),
                       texts(_short(f.get("sentence"), MAX_SENTENCE)), texts(f.get("title")),
                       f["subject"] == n] for f in facts[:MAX_FACTS]],
            "more": max(d.get("n_facts", len(facts)) - min(len(facts), MAX_FACTS), 0),
            "arts": [texts(a) for a in d.get("articles", [])[:MAX_ARTICLES]],
            "more_arts": max(d.get("n_articles", 0) - min(len(d.get("articles", [])), MAX_ARTICLES), 0),
        }
    names = {n: d.get("name") for n, d in H.nodes(data=True)}
    ev_names = H.graph.get("_names", {})
    einfo = []
    for i, (u, v, d) in enumerate(sorted(H.edges(data=True), key=lambda e: (e[0], e[1]))):
        rels = d.get("relations")
        src, dst, arrows = u, v, ""
        if rels:
            dirs = {(r["source"], r["target"]) for r in rels}
            if len(dirs) == 1:
                src, dst = next(iter(dirs))
                arrows = "to"
            ev = [f"{names.get(r['source'])} {r['predicate']} {names.get(r['target'])}" for r in rels]
        else:
            ev = [f"event: {ev_names.get(e, N._entity_name(e))}" for e in d.get("events", [])] + \
                 [f"person: {ev_names.get(p, N._entity_name(p))}" for p in d.get("people", [])]
        net.add_edge(src, dst, id=f"e{i}", value=d.get("weight", 1), arrows=arrows)
        einfo.append({"id": f"e{i}", "a": src, "b": dst, "w": d.get("weight", 1), "k": d.get("kind", ""),
                      "ev": [_short(x, 160) for x in ev[:MAX_EVIDENCE]], "more": max(len(ev) - MAX_EVIDENCE, 0)})
    types = {}
    for d in info.values():
        types[d["t"]] = types.get(d["t"], 0) + 1
    legend = [{"type": t, "color": c, "symbol": sym, "count": types.get(t, 0)}
              for t, (c, _, sym) in TYPE_STYLE.items() if types.get(t)]
    payload = {"meta": {k: v for k, v in meta.items() if not k.startswith("_")},
               "info": info, "edgeInfo": einfo, "texts": texts.items, "legend": legend}
    net.options = vis_options(H.number_of_nodes())
    return payload, net


def vis_options(n: int) -> dict:
    # positions come pre-computed (seeded spring layout): the browser only refines them
    iterations = 150 if n <= 300 else 100 if n <= 1000 else 60
    return {
        "nodes": {"scaling": {"min": 8, "max": 30,
                              "label": {"enabled": True, "min": 14, "max": 24, "drawThreshold": 5 if n <= 150 else 9,
                                        "maxVisible": 28}},
                  "font": {"face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"color": {"color": "#9aa5b1", "highlight": "#2b2d42", "hover": "#2b2d42", "opacity": 0.75},
                  "scaling": {"min": 1, "max": 9}, "smooth": False,
                  "arrows": {"to": {"scaleFactor": 0.45}}},
        "physics": {"enabled": True, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -6000, "centralGravity": 0.15, "springLength": 170,
                                  "springConstant": 0.025, "damping": 0.35, "avoidOverlap": 0.6},
                    "minVelocity": 1.5, "maxVelocity": 60,
                    "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n > 500,
                        "navigationButtons": False, "keyboard": {"enabled": True, "bindToWindow": False}},
        "layout": {"improvedLayout": False, "randomSeed": 42},
    }


# ---------------------------------------------------------------------------- rendering
def _pyvis_asset(rel: str) -> str:
    import pyvis
    p = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / rel
    if not p.exists():
        p = Path(pyvis.__file__).resolve().parent / "lib" / rel
    return p.read_text(encoding="utf-8")


def _json_for_html(obj) -> str:
    """JSON safe inside a <script type=application/json> element."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def render(payload: dict, net) -> str:
    """The HTML of the page (everything inline)."""
    env = Environment(loader=FileSystemLoader(str(ASSETS)), autoescape=select_autoescape(["html", "j2"]))
    tpl = env.get_template("page.html.j2")
    nodes, edges, _heading, _h, _w, options = net.get_network_data()
    vis_js = _pyvis_asset("vis-9.1.2/vis-network.min.js")
    vis_css = _pyvis_asset("vis-9.1.2/vis-network.css")
    page_js = (ASSETS / "page.js").read_text(encoding="utf-8")
    page_css = (ASSETS / "page.css").read_text(encoding="utf-8")
    for name, text in (("vis-network.min.js", vis_js), ("page.js", page_js)):
        if "</script" in text.lower():
            raise MedkgError(f"{name}: contains '</script', cannot be inlined")
    data = {"nodes": nodes, "edges": [{k: v for k, v in e.items() if v != ""} for e in edges],
            "options": json.loads(options), **payload}
    csp = ("default-src 'none'; script-src " + _sha256(vis_js) + " " + _sha256(page_js) +
           "; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
           "form-action 'none'; base-uri 'none'")
    meta = payload["meta"]
    return tpl.render(title=meta.get("title", "medkg network"), meta=meta, csp=csp,
                      vis_js=Markup(vis_js), vis_css=Markup(vis_css), page_js=Markup(page_js),
                      page_css=Markup(page_css), data=Markup(_json_for_html(data)),
                      legend=payload["legend"])


def build_page(store, view: str = "entities", focus: str | None = None, depth: int = 1,
               top: int | None = None, min_weight: float = 1, seed: int = 42,
               title: str | None = None, data: "N.Data | None" = None) -> tuple[str, dict]:
    """Build the page of ``view``: returns (html, info with node/edge counts and pruning).

    ``data`` (entities and relations already read from ``store``) saves re-reading them
    when several pages are made from one store.
    """
    data = data if data is not None else N.Data.from_store(store)
    G = N.build(data, view, focus=focus, depth=depth)
    keep = (G.graph["focus"],) if G.graph.get("focus") else ()
    H, info = prune(G, top, min_weight, keep=keep)
    N.analyze(H, seed=seed, annotate=True)
    N.attach_provenance(store, H, max_facts=MAX_FACTS)
    focus_name = G.nodes[G.graph["focus"]]["name"] if G.graph.get("focus") else None
    heading = title or VIEW_TITLES.get(view, view) + (f": {focus_name} (depth {depth})" if focus_name else "")
    meta = {"title": heading, "view": view, "focus": focus_name, "depth": depth if focus_name else None,
            "seed": seed, **info,
            "_pos": layout(H, seed)}
    payload, net = page_data(H, meta)
    return render(payload, net), info


def write_page(store, path: str | os.PathLike, **kwargs) -> dict:
    """Build the page and write it to ``path`` atomically; returns the counts."""
    path = Path(path)
    if not path.parent.exists():
        raise MedkgError(f"{path}: directory {path.parent} does not exist")
    html, info = build_page(store, **kwargs)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        tmp.write_text(html, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise MedkgError(f"{path}: cannot write ({exc.strerror or exc})") from None
    info["bytes"] = len(html.encode("utf-8"))
    return info


__all__ = ["build_page", "write_page", "prune", "layout", "render", "page_data", "TYPE_STYLE", "DEFAULT_TOP"]
