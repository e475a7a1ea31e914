"""``medkg serve``: the SPARQL 1.1 Protocol endpoint, tested over real HTTP on loopback (and with SPARQLWrapper)."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

import _querygraph as G
from _net import free_port
from medkg.graph.store import Store

pytestmark = pytest.mark.server

MEDKG = str(Path(sys.executable).with_name("medkg"))
SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?p }"


class Server:
    def __init__(self, store_dir, *args):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([MEDKG, "--store", str(store_dir), "serve", "--port", str(self.port), *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"serve exited: {self.proc.stderr.read().decode()}")
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("serve did not start")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


def start(store_dir, *args):
    return Server(store_dir, *args)


@pytest.fixture(scope="module")
def invented_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("inv") / "store"
    with Store(d) as st:
        G.build(st)
    return d


@pytest.fixture(scope="module")
def server(invented_dir):
    srv = start(invented_dir, "--timeout", "2", "--max-results", "50", "--workers", "2")
    yield srv
    srv.stop()


def http(url, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def get(server, path, **params):
    headers = params.pop("headers", None)
    return http(server.base + path + ("?" + urllib.parse.urlencode(params) if params else ""), headers=headers)


COUNT_PEOPLE = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a schema:Person }"


def _count(body):
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


# ---------------------------------------------------------------------- protocol
def test_get_post_and_direct(server):
    st, h, body = get(server, "/sparql", query=COUNT_PEOPLE)
    assert st == 200 and h["Content-Type"].startswith("application/sparql-results+json") and _count(body) == 4
    st, _, body = http(server.base + "/sparql", urllib.parse.urlencode({"query": COUNT_PEOPLE}).encode(),
                       {"Content-Type": "application/x-www-form-urlencoded"})
    assert st == 200 and _count(body) == 4
    st, _, body = http(server.base + "/sparql", COUNT_PEOPLE.encode(), {"Content-Type": "application/sparql-query"})
    assert st == 200 and _count(body) == 4
    st, _, body = get(server, "/", query=COUNT_PEOPLE)
    assert st == 200 and _count(body) == 4


def test_content_negotiation(server):
    q = "SELECT DISTINCT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"
    names = ["Alice Zhang", "Bob Smith", "Carol Diaz", "Dave Li"]
    for accept, fmt in (("application/sparql-results+xml", ox.QueryResultsFormat.XML),
                        ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
                        ("application/sparql-results+json;q=0.5, text/tab-separated-values;q=0.9",
                         ox.QueryResultsFormat.TSV),
                        ("*/*", ox.QueryResultsFormat.JSON)):
        st, h, body = get(server, "/sparql", query=q, headers={"Accept": accept})
        assert st == 200, (accept, body)
        assert [s["name"].value for s in ox.parse_query_results(body, fmt)] == names, accept
    st, h, body = get(server, "/sparql", query=q, headers={"Accept": "text/csv"})
    assert h["Content-Type"].startswith("text/csv") and body.decode().split("\r\n")[:3] == ["name"] + names[:2]
    st, h, body = get(server, "/sparql", query=q, format="tsv")
    assert h["Content-Type"].startswith("text/tab-separated-values")
    c = "CONSTRUCT { ?p a schema:Person } WHERE { SELECT DISTINCT ?p { ?p a schema:Person } }"
    for accept, rdf in (("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES),
                        ("application/rdf+xml", ox.RdfFormat.RDF_XML), ("application/ld+json", ox.RdfFormat.JSON_LD)):
        st, h, body = get(server, "/sparql", query=c, headers={"Accept": accept})
        assert st == 200 and h["Content-Type"].startswith(accept)
        assert len(list(ox.parse(body, rdf))) == 4
    st, _, _ = get(server, "/sparql", query=q, headers={"Accept": "image/png"})
    assert st == 406


def test_errors(server):
    assert get(server, "/sparql", query="SELECT WHERE {")[0] == 400
    assert get(server, "/sparql")[0] == 400
    assert get(server, "/nowhere")[0] == 404
    st, _, body = http(server.base + "/sparql", b"x", {"Content-Type": "application/pdf"})
    assert st == 400 and b"Content-Type" in body


def test_dataset_parameters(server):
    q = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }"
    assert _count(get(server, "/sparql", query=q)[2]) == 2
    g2 = "https://w3id.org/medkg/graph/article/inv2"
    assert _count(get(server, "/sparql", query=q, **{"default-graph-uri": g2})[2]) == 1


def test_updates_refused(server):
    upd = "INSERT DATA { GRAPH <http://x/g> { <http://x/a> a <https://schema.org/Person> } }"
    for url, data, ctype in ((server.base + "/sparql", urllib.parse.urlencode({"update": upd}).encode(),
                              "application/x-www-form-urlencoded"),
                             (server.base + "/sparql", upd.encode(), "application/sparql-update"),
                             (server.base + "/update", urllib.parse.urlencode({"update": upd}).encode(),
                              "application/x-www-form-urlencoded")):
        st, _, body = http(url, data, {"Content-Type": ctype})
        assert st == 403 and b"read-only" in body
    assert _count(get(server, "/sparql", query=COUNT_PEOPLE)[2]) == 4


def test_result_limit(server):
    st, h, body = get(server, "/sparql", query="SELECT * WHERE { ?s ?p ?o }")
    assert st == 200 and h.get("Medkg-Results-Truncated", "").startswith("true")
    assert len(json.loads(body)["results"]["bindings"]) == 50
    st, h, _ = get(server, "/sparql", query=COUNT_PEOPLE)
    assert "Medkg-Results-Truncated" not in h


def test_time_limit_cuts_only_the_slow_query(server):
    answers = []

    def fast():
        t_end = time.monotonic() + 3
        while time.monotonic() < t_end:
            answers.append(get(server, "/sparql", query=COUNT_PEOPLE)[0])
            time.sleep(0.05)
    t = threading.Thread(target=fast)
    t0 = time.monotonic()
    t.start()
    st, _, body = get(server, "/sparql", query=SLOW_QUERY)
    took = time.monotonic() - t0
    t.join()
    assert st == 503 and b"time limit" in body
    assert 1.5 < took < 10
    assert answers and set(answers) == {200}
    # the killed worker is replaced: the server keeps answering
    time.sleep(0.5)
    assert all(get(server, "/sparql", query=COUNT_PEOPLE)[0] == 200 for _ in range(5))


def test_named_queries_over_http(server):
    st, _, body = get(server, "/queries")
    lib = json.loads(body)
    assert len(lib) >= 15 and all(q["title"] for q in lib)
    st, _, body = get(server, "/queries/search", q="forum", headers={"Accept": "text/csv"})
    assert st == 200 and body.decode().count(",Forum on Thoracic Testing,") == 1
    st, _, body = get(server, "/queries/coattendance_pairs", person="", min="2")
    assert st == 200 and len(json.loads(body)["results"]["bindings"]) == 1
    assert get(server, "/queries/search")[0] == 400            # required parameter missing
    assert get(server, "/queries/coattendance_pairs", person="", min="x")[0] == 400
    assert get(server, "/queries/coattendance_pairs")[0] == 400  # the person is required ("" = every pair)
    assert get(server, "/queries/nope")[0] == 404
    st, h, body = get(server, "/queries/entity_graph", entity="Bob Smith", headers={"Accept": "text/turtle"})
    assert st == 200 and list(ox.parse(body, ox.RdfFormat.TURTLE))


def test_query_page_is_offline(server):
    st, h, body = http(server.base + "/")
    page = body.decode()
    assert st == 200 and h["Content-Type"].startswith("text/html")
    for name in ("people_by_country", "provenance", "coattendance_pairs"):
        assert f'data-q="{name}"' in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "<link" not in page


def test_sparqlwrapper_unchanged(server):
    from SPARQLWrapper import CSV, GET, JSON, POST, TURTLE, XML, SPARQLWrapper
    for method in (GET, POST):
        sw = SPARQLWrapper(server.base + "/sparql")
        sw.setMethod(method)
        sw.setQuery("PREFIX schema: <https://schema.org/> SELECT DISTINCT ?n WHERE { ?p a schema:Person ; schema:name ?n } "
                    "ORDER BY ?n")
        sw.setReturnFormat(JSON)
        assert [b["n"]["value"] for b in sw.query().convert()["results"]["bindings"]][0] == "Alice Zhang"
        sw.setReturnFormat(XML)
        doc = sw.query().convert()
        assert len(doc.getElementsByTagName("result")) == 4
        sw.setReturnFormat(CSV)
        assert sw.query().convert().decode().splitlines()[1] == "Alice Zhang"
        sw.setQuery("ASK { ?p <https://schema.org/name> \"Bob Smith\" }")
        sw.setReturnFormat(JSON)
        assert sw.query().convert()["boolean"] is True
        sw.setQuery("CONSTRUCT { ?p a <https://schema.org/Person> } WHERE { ?p a <https://schema.org/Person> }")
        sw.setReturnFormat(TURTLE)
        assert len(list(ox.parse(sw.query().convert(), ox.RdfFormat.TURTLE))) == 4
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed
    sw = SPARQLWrapper(server.base + "/sparql")
    sw.setQuery("SELECT WHERE {")
    with pytest.raises(QueryBadFormed):
        sw.query()


def test_remote_cli_against_serve(server, cli, invented_dir):
    """medkg query --endpoint against medkg serve gives what the store gives locally."""
    local = cli("--store", invented_dir, "query", "coattendance_pairs", "-p", "person=", "-f", "json")
    remote = cli("query", "coattendance_pairs", "-p", "person=", "-f", "json", "--endpoint", server.base + "/sparql")
    assert remote.exit_code == 0, remote.output
    assert json.loads(local.output) == json.loads(remote.output)


def test_allow_update(invented_dir, tmp_path):
    d = tmp_path / "rw"
    shutil.copytree(invented_dir, d)
    srv = start(d, "--allow-update", "--timeout", "5")
    try:
        upd = ('INSERT DATA { GRAPH <https://w3id.org/medkg/graph/article/new> { <https://w3id.org/medkg/id/person/eve> '
               'a <https://schema.org/Person> ; <https://schema.org/name> "Eve" } }')
        st, _, _ = http(srv.base + "/update", upd.encode(), {"Content-Type": "application/sparql-update"})
        assert st == 204
        assert _count(get(srv, "/sparql", query=COUNT_PEOPLE)[2]) == 5
        st, _, _ = get(srv, "/sparql", update=upd)  # updates need POST
        assert st == 405
    finally:
        srv.stop()
    with Store(d, read_only=True) as st_:
        assert "new" in st_.articles()


def test_serve_usage_errors(cli, tmp_path):
    assert cli("--memory", "serve").exit_code == 2
    assert cli("--store", tmp_path / "none", "serve").exit_code == 1
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    try:
        d = tmp_path / "s"
        with Store(d) as s:
            G.build(s)
        res = subprocess.run([MEDKG, "--store", str(d), "serve", "--port", str(busy.getsockname()[1])],
                             capture_output=True, timeout=120)
        assert res.returncode == 1 and b"cannot listen" in res.stderr
        assert b"Traceback" not in res.stderr
    finally:
        busy.close()
