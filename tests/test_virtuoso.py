"""Push to and query a real Virtuoso (Debian's virtuoso-opensource, installed by .ci/run).

Virtuoso answers with a Digest challenge (its /sparql-auth endpoint), has no LATERAL (the
named queries run in their SPARQL 1.1 form, ``--sparql11``) and a union default graph.
Skipped where Virtuoso is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from _net import free_port

from medkg.errors import MedkgError
from medkg.queries.library import get_query
from medkg.queries.remote import push, run_remote
from medkg.queries.results import run_local

pytestmark = pytest.mark.slow

VIRTUOSO = shutil.which("virtuoso-t")
INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
#: named queries whose SPARQL 1.1 form gives exactly the local results on Virtuoso 7.2
SAME = ("affiliations", "article_entities", "articles", "coattendance_pairs", "colleagues", "countries",
        "coorganization_pairs", "entity_exists", "entity_graph", "events_by_specialty_year", "institutions_by_country",
        "international_partners", "low_confidence_facts", "org_hierarchy", "participant_countries", "specialties",
        "stats")
#: more bindings of the queries that ship their own SPARQL 1.1 form (queries/sparql11/)
MORE = {"org_hierarchy": [{"institution": "Hospital"}, {"institution": "west china", "limit": 2}],
        "coattendance_pairs": [{"person": "", "limit": 1000}, {"person": "li"}],
        "provenance": [{"limit": 0}]}      # (all facts: the same rows, whatever the engine's order)
#: the same rows, lists in another order or an empty list as "" (Virtuoso) instead of unbound
SAME_ROWS = ("events", "people_by_country", "search", "top_people")
#: as many rows; which ten names a list keeps, or which facts a page shows, follow the engine's order
SAME_COUNT = ("attendance", "entity_card", "provenance")
PARAMS = {"article": "000_2ce9c06515f619b0", "entity": "Li Xun", "name": "Li Xun", "q": "hospital",
          "institution": "West China Hospital", "person": "Li Xun"}


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    if not VIRTUOSO or not INI.exists():
        pytest.skip("Virtuoso not installed (apt-get install virtuoso-opensource)")
    d = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    ini = INI.read_text(encoding="utf-8")
    ini = ini.replace("/var/lib/virtuoso-opensource-7/db/", f"{d}/")
    ini = re.sub(r"(?m)^(\[Parameters\][\s\S]*?^ServerPort\s*=\s*)\S+", rf"\g<1>127.0.0.1:{sql_port}", ini)
    ini = re.sub(r"(?m)^(\[HTTPServer\][\s\S]*?^ServerPort\s*=\s*)\S+", rf"\g<1>127.0.0.1:{http_port}", ini)
    # no refusal by estimated cost (a fresh database has no statistics: estimates of minutes)
    ini = re.sub(r"(?m)^MaxQueryCostEstimationTime\s*=.*$", "MaxQueryCostEstimationTime = 0", ini)
    (d / "virtuoso.ini").write_text(ini, encoding="utf-8")
    proc = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(d / "virtuoso.ini")], cwd=d,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http_port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("Virtuoso did not start")
        time.sleep(0.5)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


def _norm(res, lists: bool):
    rows = []
    for r in res.rows:
        cells = []
        for k, v in r.items():
            text = None if v is None else str(v.value)
            if lists and text is not None:
                text = " | ".join(sorted(text.split(" | "))) or None   # list order; "" = none
            if text is not None:
                cells.append((k, text))
        rows.append(tuple(sorted(cells)))
    return sorted(rows)


def test_push_with_digest_auth_and_named_queries(virtuoso, sample_store):
    with pytest.raises(MedkgError, match="401"):
        push(sample_store, endpoint=f"{virtuoso}/sparql-auth", user="dba", password="wrong", batch_size=1000)
    rep = push(sample_store, endpoint=f"{virtuoso}/sparql-auth", user="dba", password="dba", batch_size=1000)
    assert rep.triples > 5000 and rep.requests > 0
    for name, extra in [(n, {}) for n in SAME + SAME_ROWS + SAME_COUNT] + [(n, b) for n in MORE for b in MORE[n]]:
        q = get_query(name)
        values = {**{p.name: PARAMS[p.name] for p in q.params if p.required}, **extra}
        local = run_local(sample_store, q.bind(values))
        remote = run_remote(f"{virtuoso}/sparql", q.bind(values, sparql11=True), timeout=60)
        assert remote.kind == local.kind, name
        if local.kind == "boolean":
            assert remote.boolean is local.boolean is True, name
        elif local.kind == "graph":
            assert {str(t) for t in remote.triples} == {str(t) for t in local.triples} != set(), name
        else:
            assert len(remote.rows) == len(local.rows) > 0, (name, extra)
            if name not in SAME_COUNT or extra.get("limit") == 0:
                assert _norm(remote, name in SAME_ROWS) == _norm(local, name in SAME_ROWS), (name, extra)
