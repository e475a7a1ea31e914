"""Remote endpoints: push to and query a REAL Oxigraph server (the `oxigraph` executable) on loopback."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

import _querygraph as G
from _net import free_port
from medkg.errors import MedkgError
from medkg.graph.store import Store
from medkg.queries.library import get_query, load_library
from medkg.queries.remote import push, run_remote
from medkg.queries.results import run_local

pytestmark = pytest.mark.server

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


class Oxigraph:
    """`oxigraph serve` on a free loopback port, data in a temporary directory."""

    def __init__(self, location: Path, union: bool = False):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.query, self.update, self.gsp = self.base + "/query", self.base + "/update", self.base + "/store"
        args = [OXIGRAPH, "serve", "--location", str(location), "--bind", f"127.0.0.1:{self.port}"]
        if union:
            args.append("--union-default-graph")
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(self.proc.stderr.read().decode())
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("oxigraph serve did not start")

    def quads(self) -> set:
        res = run_remote(self.query, ALL_QUADS, union="server")
        return {(r["s"], r["p"], r["o"], r["g"]) for r in res.rows}

    def clear(self):
        req = urllib.request.Request(self.update, data=b"CLEAR ALL", method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
        urllib.request.urlopen(req, timeout=30).read()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    if not Path(OXIGRAPH).exists():
        pytest.fail("the `oxigraph` server executable is missing (pip install oxigraph)")
    srv = Oxigraph(tmp_path_factory.mktemp("oxigraph"))
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def invented(tmp_path_factory):
    d = tmp_path_factory.mktemp("inv") / "store"
    with Store(d) as st:
        G.build(st)
    st = Store(d, read_only=True)
    yield st
    st.close()


def store_quads(store) -> set:
    """The store's quads as a push leaves them on the server (blank nodes skolemized to stable IRIs)."""
    from medkg.queries.remote import store_graphs
    return {(t.subject, t.predicate, t.object, ox.NamedNode(g)) for g, ts in store_graphs(store).items() for t in ts}


def normalize(result):
    """Rows as comparable sets (GROUP_CONCAT order may differ between engines/datasets)."""
    if result.kind == "boolean":
        return result.boolean
    if result.kind == "graph":
        return set(result.triples)
    out = []
    for row in result.rows:
        cells = []
        for k in result.variables:
            v = row.get(k)
            s = v.value if v is not None else None
            if s and " | " in s:
                s = " | ".join(sorted(s.split(" | ")))
            cells.append((k, s))
        out.append(tuple(cells))
    return sorted(out, key=str)


# ---------------------------------------------------------------------- push
def test_push_update_idempotent(oxigraph, invented):
    oxigraph.clear()
    rep = push(invented, endpoint=oxigraph.update, batch_size=100)
    assert rep.graphs == len(invented.articles()) + 2  # + ontology graph, counts graph
    assert rep.requests > 2  # batched
    first = oxigraph.quads()
    assert first == store_quads(invented)
    push(invented, endpoint=oxigraph.update, batch_size=7)
    assert oxigraph.quads() == first


def test_push_gsp_same_state(oxigraph, invented):
    oxigraph.clear()
    push(invented, gsp=oxigraph.gsp, batch_size=60)
    first = oxigraph.quads()
    assert first == store_quads(invented)
    push(invented, gsp=oxigraph.gsp, batch_size=100000)
    assert oxigraph.quads() == first


def test_push_prune(oxigraph, tmp_path):
    oxigraph.clear()
    d = tmp_path / "st"
    with Store(d) as st:
        G.build(st)
        push(st, endpoint=oxigraph.update)
        st.remove_article("inv2")
        push(st, endpoint=oxigraph.update)  # without --prune the stale graph stays
        assert any(g.value.endswith("/article/inv2") for *_, g in oxigraph.quads())
        push(st, endpoint=oxigraph.update, prune=True)
        graphs = {g.value for *_, g in oxigraph.quads()}
        assert not any(g.endswith("/article/inv2") for g in graphs)
        assert any(g.endswith("/article/inv1") for g in graphs)
        assert oxigraph.quads() == store_quads(st)


# ---------------------------------------------------------------------- queries
#: values for the required parameters of the named queries, on the invented graph
INVENTED_VALUES = {"q": "forum", "entity": "Bob Smith", "institution": "West Lake Hospital", "article": "inv1",
                   "name": "Chile", "person": "Bob Smith"}


def required_values(q) -> dict:
    return {p.name: INVENTED_VALUES[p.name] for p in q.params if p.required}


def test_every_named_query_remote_equals_local(oxigraph, invented):
    oxigraph.clear()
    push(invented, endpoint=oxigraph.update)
    for name, q in load_library().items():
        vals = required_values(q)
        every = {k: "" for k in vals if k in ("person", "institution")}  # "" = every pair / institution
        for bound in ([vals, {**vals, **every}] if every else [vals]):
            text = q.bind(bound)
            local, remote = run_local(invented, text), run_remote(oxigraph.query, text)
            assert normalize(remote) == normalize(local), (name, bound)
            if q.form == "SELECT":
                assert remote.variables == local.variables


def test_every_named_query_in_its_sparql11_form(oxigraph, invented, cli, invented_dir_cli):
    """The SPARQL 1.1 form (--sparql11, for endpoints without LATERAL) gives the same results as
    the named query itself: on this small graph no list reaches its cut of ten."""
    oxigraph.clear()
    push(invented, endpoint=oxigraph.update)
    own = 0
    for name, q in load_library().items():
        vals = required_values(q)
        bindings = [vals]
        if q.text11 is not None:       # its own SPARQL 1.1 text: also "every" and a given optional name
            own += 1
            every = {p.name: "" for p in q.params if p.name in ("person", "institution")}
            given = {p.name: INVENTED_VALUES[p.name] for p in q.params if not p.required and p.name in INVENTED_VALUES}
            bindings += [{**vals, **every}, {**vals, **given}, {**vals, **every, "limit": 2, "offset": 1}]
        for bound in bindings:
            text = q.bind(bound)
            rewritten = q.bind(bound, sparql11=True)
            assert not re.search(r"\bLATERAL\s*\{", rewritten), name
            local = run_local(invented, text)
            assert normalize(run_remote(oxigraph.query, rewritten)) == normalize(local), (name, bound)
            if q.text11 is not None and bound is vals:
                assert local.rows, name                  # (not vacuous)
    assert own >= 2
    res = cli("query", "events", "--sparql11", "--show-query")
    assert res.exit_code == 0 and "OPTIONAL" in res.output and not re.search(r"\bLATERAL\s*\{", res.output)
    res = cli("query", "events", "--sparql11", "-f", "json", "--endpoint", oxigraph.query)
    local = cli("--store", invented_dir_cli, "query", "events", "-f", "json")
    assert res.exit_code == 0 and local.exit_code == 0
    assert len(json.loads(res.output)["results"]["bindings"]) == len(json.loads(local.output)["results"]["bindings"]) > 0


def test_union_modes(oxigraph, invented, tmp_path):
    oxigraph.clear()
    push(invented, endpoint=oxigraph.update)
    q = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }"
    count = lambda r: int(r.rows[0]["n"].value)  # noqa: E731
    assert count(run_remote(oxigraph.query, q, union="server")) == 0    # plain default graph: empty
    assert count(run_remote(oxigraph.query, q, union="graphs")) == 2
    assert count(run_remote(oxigraph.query, q, union="auto")) == 2
    # a query with its own dataset clause is left alone
    own = "SELECT (COUNT(DISTINCT ?a) AS ?n) FROM <https://w3id.org/medkg/graph/article/inv1> WHERE { ?a a schema:NewsArticle }"
    assert count(run_remote(oxigraph.query, own)) == 1
    # a server whose default graph is the union: auto uses it as is
    srv = Oxigraph(tmp_path / "u", union=True)
    try:
        push(invented, endpoint=srv.update)
        assert count(run_remote(srv.query, q, union="server")) == 2
        assert count(run_remote(srv.query, q)) == 2
    finally:
        srv.stop()


def test_sample_queries_remote(oxigraph, sample_store):
    oxigraph.clear()
    push(sample_store, endpoint=oxigraph.update)
    assert oxigraph.quads() == store_quads(sample_store)
    # "" = every pair; provenance pages follow each store's own order, so compare every row (limit 0)
    params = {"coattendance_pairs": {"person": ""}, "provenance": {"limit": 0}}
    for name in ("stats", "people_by_country", "countries", "coattendance_pairs", "provenance"):
        text = get_query(name).bind(params.get(name, {}))
        assert normalize(run_remote(oxigraph.query, text)) == normalize(run_local(sample_store, text)), name


# ---------------------------------------------------------------------- CLI
def test_cli_push_and_query(oxigraph, invented_dir_cli, cli):
    oxigraph.clear()
    res = cli("--store", invented_dir_cli, "push", "--endpoint", oxigraph.update, "--batch-size", "200")
    assert res.exit_code == 0 and "pushed 4 graphs" in res.output  # 2 articles, ontology, counts
    res = cli("query", "people_by_country", "-p", "country=CN", "-f", "json", "--endpoint", oxigraph.query)
    assert res.exit_code == 0, res.output
    names = {b["name"]["value"] for b in json.loads(res.output)["results"]["bindings"]}
    assert names == {"Alice Zhang", "Dave Li"}
    res = cli("query", "entity_graph", "-p", "entity=Carol Diaz", "-f", "nt", "--endpoint", oxigraph.query)
    assert res.exit_code == 0 and list(ox.parse(res.stdout_bytes, ox.RdfFormat.N_TRIPLES))
    res = cli("query", "entity_exists", "-p", "name=Nobody", "--fail-empty", "--endpoint", oxigraph.query)
    assert res.exit_code == 3
    res = cli("query", "SELECT WHERE {", "--endpoint", oxigraph.query)
    assert res.exit_code == 2 and "Traceback" not in res.output
    res = cli("query", "stats", "--endpoint", f"http://127.0.0.1:{free_port()}/query", "--timeout", "5")
    assert res.exit_code == 4 and "cannot connect" in res.output
    res = cli("--store", invented_dir_cli, "push", "--endpoint", f"http://127.0.0.1:{free_port()}/update")
    assert res.exit_code == 4
    res = cli("--store", invented_dir_cli, "push")
    assert res.exit_code == 2
    res = cli("--store", invented_dir_cli, "push", "--gsp", oxigraph.base + "/nope", "--timeout", "5")
    assert res.exit_code == 4 and "HTTP" in res.output


@pytest.fixture
def invented_dir_cli(tmp_path):
    d = tmp_path / "store"
    with Store(d) as st:
        G.build(st)
    return d


def test_push_answers_a_basic_auth_challenge(invented):
    """Credentials are sent when the server asks (401 + WWW-Authenticate: Basic, as Fuseki and
    GraphDB do; Virtuoso's Digest is tested in test_virtuoso.py)."""
    import base64
    import http.server
    import threading
    got = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if self.headers.get("Authorization") != "Basic " + base64.b64encode(b"ann:secret").decode():
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="medkg test"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            got.append(body)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{srv.server_address[1]}/update"
    try:
        rep = push(invented, endpoint=url, user="ann", password="secret")
        assert rep.requests == len(got) > 0 and b"INSERT DATA" in b"".join(got)
        with pytest.raises(MedkgError, match="401"):
            push(invented, endpoint=url, user="ann", password="wrong")
        with pytest.raises(MedkgError, match="401"):
            push(invented, endpoint=url)
    finally:
        srv.shutdown()
