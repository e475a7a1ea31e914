"""Network pages (``medkg viz``) without a browser: offline, escaped, pruned, well-formed.

The browser checks (drawing, search, no requests, no script run) are in test_viz_browser.py.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from medkg.errors import MedkgError
from medkg.graph import net_synth, network as N, viz as V
from medkg.graph.store import Store


@pytest.fixture(scope="module")
def hostile():
    st = Store()
    net_synth.demo_store(st, hostile=True)
    return st


@pytest.fixture(scope="module")
def synth():
    st = Store()
    net_synth.synthetic_store(st, n_entities=1500, seed=3)
    return st


class Tags(HTMLParser):
    """Every start tag with its attributes, and the raw text of script elements."""

    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self._in = [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in = dict(attrs)
            self.scripts.append([dict(attrs), ""])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = None

    def handle_data(self, data):
        if self._in is not None:
            self.scripts[-1][1] += data


def parse(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    return p


def payload(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="medkg-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_page_is_self_contained(hostile):
    html, info = V.build_page(hostile, view="entities")
    tags = parse(html)
    for tag, attrs in tags.tags:
        for k in ("src", "href", "srcset", "action", "poster", "data"):
            assert k not in attrs, (tag, attrs)
        assert tag not in ("link", "iframe", "object", "embed", "img", "base")
    # the CSP forbids every fetch and every script but the page's own two (by hash)
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert csp.count("'sha256-") == 2 and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert not re.search(r"@import|url\(\s*['\"]?https?:", html)
    assert "vis.Network" in html and len(html) > 400_000  # vis-network inlined
    assert info["shown_nodes"] == 11 and not info["pruned"]


def test_script_hashes_match(hostile):
    import base64
    import hashlib
    html, _ = V.build_page(hostile, view="people")
    tags = parse(html)
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    executable = [body for attrs, body in tags.scripts if attrs.get("type") != "application/json"]
    assert len(executable) == 2
    for body in executable:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_hostile_names_never_reach_markup(hostile):
    html, _ = V.build_page(hostile, view="entities")
    # nowhere in the page as markup: only JSON-escaped inside the data block
    assert "<img" not in html.lower()
    assert "__medkgPwned" not in re.sub(r'<script type="application/json".*?</script>', "", html, flags=re.S)
    tags = parse(html)
    assert [t for t, _ in tags.tags].count("script") == 3
    data = payload(html)
    names = {d["n"] for d in data["info"].values()}
    assert net_synth.HOSTILE_NAME in names  # the data keeps the exact text, the page shows it as text
    texts = data["texts"]
    assert any("window.__medkgPwned=2" in t for t in texts)
    # the title and heading of a page made from a hostile --title are escaped
    html2, _ = V.build_page(hostile, view="people", title="<script>alert(1)</script>")
    assert "<script>alert(1)" not in html2 and "&lt;script&gt;alert(1)&lt;/script&gt;" in html2


def test_page_payload_content(hostile):
    html, _ = V.build_page(hostile, view="institutions")
    data = payload(html)
    south = next(d for d in data["info"].values() if d["n"] == "South University")
    assert south["t"] == "Organization" and south["deg"] == 2
    facts = {(f[0], f[1], f[2]) for f in south["facts"]}
    assert ("affiliation", "Carol Evans", "South University") in facts
    carol = next(f for f in south["facts"] if f[1] == "Carol Evans")
    assert data["texts"][carol[3]] == "Carol Evans works at East Clinic and South University."
    assert data["texts"][carol[4]] == "Lung Course trains surgeons"
    assert [data["texts"][a] for a in south["arts"]] == ["Heart Forum brings hospitals together", "Lung Course trains surgeons"]
    legend = {l["type"]: l["count"] for l in data["legend"]}
    assert legend == {"Organization": 3}
    # edges carry their evidence; width follows weight
    assert sorted(e["value"] for e in data["edges"]) == [1, 1]
    ev = {tuple(sorted((data["info"][e["a"]]["n"], data["info"][e["b"]]["n"]))): e["ev"] for e in data["edgeInfo"]}
    assert ev[("East Clinic", "South University")] == ["person: Carol Evans"]
    assert data["options"]["physics"]["stabilization"]["enabled"] is True
    # every node has a position, a shape and a colour per type
    for n in data["nodes"]:
        assert {"x", "y", "shape", "color", "label", "etype"} <= set(n)
        assert n["shape"] == V.TYPE_STYLE["Organization"][1]


def test_prune_keeps_most_central_and_connectors(synth):
    G = N.build(synth, "entities")
    H, info = V.prune(G, top=120)
    assert info["pruned"] and info["shown_nodes"] == 120 and info["total_nodes"] == G.number_of_nodes()
    wdeg = dict(G.degree(weight="weight"))
    hubs = sorted(G, key=lambda n: (-wdeg[n], -G.degree(n), G.nodes[n]["name"], n))[:72]  # 60%: the most central
    assert set(hubs) <= set(H)
    assert H.number_of_edges() <= V.EDGES_PER_NODE * 120
    for n, d in H.nodes(data=True):
        assert d["hidden_neighbours"] == G.degree(n) - H.degree(n)
    # connectors make the drawing mostly one piece
    import networkx as nx
    assert max(len(c) for c in nx.connected_components(H)) > 100


def test_prune_min_weight_and_focus(synth):
    G = N.build(synth, "people")
    H, info = V.prune(G, top=50, min_weight=2)
    assert all(d["weight"] >= 2 for _, _, d in H.edges(data=True))
    assert info["filtered_edges"] == sum(1 for _, _, d in G.edges(data=True) if d["weight"] < 2)
    quiet = min(G, key=lambda n: (G.degree(n), n))
    H2, _ = V.prune(G, top=10, keep=(quiet,))
    assert quiet in H2 and len(H2) == 10
    with pytest.raises(MedkgError):
        V.prune(G, top=0)


def test_large_page_is_bounded(synth, tmp_path):
    info = V.write_page(synth, tmp_path / "p.html", view="people", top=100)
    assert info["shown_nodes"] == 100 and info["pruned"]
    data = payload((tmp_path / "p.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 100 and len(data["edges"]) <= 400
    for d in data["info"].values():
        assert len(d["facts"]) <= V.MAX_FACTS and d["more"] >= 0


def test_ego_page_marks_focus(hostile):
    html, info = V.build_page(hostile, view="ego", focus="Carol Evans", depth=1)
    data = payload(html)
    focus = [d for d in data["info"].values() if d["focus"]]
    assert [d["n"] for d in focus] == ["Carol Evans"]
    assert data["meta"]["focus"] == "Carol Evans" and "Carol Evans" in data["meta"]["title"]


def test_empty_store_page(tmp_path):
    info = V.write_page(Store(), tmp_path / "e.html")
    assert info["shown_nodes"] == 0 and (tmp_path / "e.html").exists()


# ---------------------------------------------------------------------------- CLI
@pytest.fixture
def hostile_dir(tmp_path):
    d = tmp_path / "store"
    with Store(d) as st:
        net_synth.demo_store(st, hostile=True)
    return d


def test_cli_viz(cli, hostile_dir, tmp_path):
    out = tmp_path / "page.html"
    r = cli("--store", hostile_dir, "viz", "--view", "people", "-o", out)
    assert r.exit_code == 0, r.output
    assert "4 nodes, 5 edges" in r.output
    assert payload(out.read_text(encoding="utf-8"))["meta"]["view"] == "people"


def test_cli_viz_top_and_min_weight(cli, hostile_dir, tmp_path):
    out = tmp_path / "page.html"
    r = cli("--store", hostile_dir, "viz", "--view", "people", "--min-weight", "2", "--top", "2", "-o", out)
    assert r.exit_code == 0, r.output
    data = payload(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 2 and [e["value"] for e in data["edges"]] == [2]
    assert data["meta"]["pruned"] and data["meta"]["total_nodes"] == 4


@pytest.mark.parametrize("args,needle", [
    (["--view", "ego", "-o", "x.html"], "needs --focus"),
    (["-o", "x.png"], ".html"),
    (["--focus", "Nobody", "-o", "x.html"], "no entity"),
    (["-o", "missing-dir/x.html"], "does not exist"),
])
def test_cli_viz_errors(cli, hostile_dir, tmp_path, monkeypatch, args, needle):
    monkeypatch.chdir(tmp_path)
    r = cli("--store", hostile_dir, "viz", *args)
    assert r.exit_code != 0
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("medkg: error:") and needle in lines[0], r.output
    assert not list(tmp_path.glob("*.html")) and not list(tmp_path.glob(".*tmp*"))


def test_sample_pages(sample_store, tmp_path):
    for view in ("entities", "institutions"):
        info = V.write_page(sample_store, tmp_path / f"{view}.html", view=view)
        data = payload((tmp_path / f"{view}.html").read_text(encoding="utf-8"))
        assert len(data["nodes"]) == info["shown_nodes"] and len(data["edges"]) == info["shown_edges"]
        assert info["shown_nodes"] == N.build(sample_store, view).number_of_nodes()  # small: nothing pruned


def test_layout_large_component_and_isolates():
    import networkx as nx
    G = nx.relabel_nodes(nx.barabasi_albert_graph(600, 2, seed=1), str)  # >= 500 nodes: sparse solver
    G.add_nodes_from(["lonely-1", "lonely-2"])
    pos = V.layout(G, seed=4)
    assert set(pos) == set(G) and all(map(lambda p: all(abs(c) < 1e6 for c in p), pos.values()))
    assert pos == V.layout(G, seed=4)  # seeded
