"""Load test of ``medkg serve`` (slow): 20 concurrent clients for 30 s on loopback, with a pathological
query cut at the time limit meanwhile and updates refused. Bounded in time and request count."""

from __future__ import annotations

import random
import threading
import time
import urllib.parse

import pytest

from test_server import SLOW_QUERY, get, http, start

pytestmark = [pytest.mark.slow, pytest.mark.server]

CLIENTS, DURATION, LIMIT = 20, 30.0, 4.0
MAX_REQUESTS_PER_CLIENT = 5000


def _requests(store):
    names = [r[0].value for r in store.query("SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } LIMIT 5")]
    name = names[0] if names else "x"
    return [
        ("/queries/stats", {}, "application/sparql-results+json"),
        ("/queries/search", {"q": name[:3]}, "text/csv"),
        ("/queries/people_by_country", {}, "application/sparql-results+xml"),
        ("/queries/countries", {}, "text/tab-separated-values"),
        ("/queries/attendance", {}, "application/sparql-results+json"),
        ("/queries/entity_card", {"entity": name}, "application/sparql-results+json"),
        ("/queries/entity_graph", {"entity": name}, "text/turtle"),
        ("/sparql", {"query": "SELECT ?s ?n WHERE { ?s schema:name ?n } LIMIT 100"}, "application/sparql-results+json"),
        ("/sparql", {"query": "ASK { ?s a schema:Person }"}, "application/sparql-results+json"),
    ]


def test_twenty_clients_thirty_seconds(sample_store_dir, sample_store):
    reqs = _requests(sample_store)
    srv = start(sample_store_dir, "--timeout", str(LIMIT), "--workers", "4", "--max-results", "5000")
    errors, counts, slow = [], [0] * CLIENTS, []
    stop_at = time.monotonic() + DURATION

    def client(i):
        rnd = random.Random(i)
        while time.monotonic() < stop_at and counts[i] < MAX_REQUESTS_PER_CLIENT:
            path, params, accept = rnd.choice(reqs)
            try:
                if rnd.random() < 0.3 and path == "/sparql":
                    st, _, body = http(srv.base + path, urllib.parse.urlencode(params).encode(),
                                       {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
                else:
                    st, _, body = get(srv, path, headers={"Accept": accept}, **params)
                if st != 200 or not body:
                    errors.append((path, st, body[:200]))
            except Exception as exc:  # noqa: BLE001 - any failure is an error of the server
                errors.append((path, type(exc).__name__, str(exc)))
            counts[i] += 1

    def pathological():
        while time.monotonic() < stop_at - LIMIT - 2:
            t0 = time.monotonic()
            st, _, body = get(srv, "/sparql", query=SLOW_QUERY)
            slow.append((st, time.monotonic() - t0, body[:100]))
            upd = urllib.parse.urlencode({"update": "CLEAR ALL"}).encode()
            ust, _, _ = http(srv.base + "/sparql", upd, {"Content-Type": "application/x-www-form-urlencoded"})
            if ust != 403:
                errors.append(("update", ust, b"update was not refused"))
            time.sleep(1)

    try:
        threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
        threads.append(threading.Thread(target=pathological))
        for t in threads:
            t.start()
        for t in threads:
            t.join(DURATION + 120)
        assert not any(t.is_alive() for t in threads)
        # the data is untouched after the refused updates
        st, _, body = get(srv, "/queries/stats")
        assert st == 200
    finally:
        srv.stop()
    total = sum(counts)
    print(f"load: {total} requests in {DURATION:g} s by {CLIENTS} clients ({total / DURATION:.1f}/s), "
          f"{len(slow)} pathological queries cut at {[round(s[1], 1) for s in slow]} s")
    assert not errors, errors[:5]
    assert total >= CLIENTS * 5
    assert slow and all(st == 503 and b"time limit" in body for st, _, body in slow)
    assert all(LIMIT - 0.5 < took < LIMIT + 15 for _, took, _ in slow)
