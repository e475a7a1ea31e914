"""Crash safety: SIGKILL ``medkg ingest`` at random points; the store must stay whole.

After every kill the store opens, every article graph in it is either absent or
exactly the one an uninterrupted run writes (never half an article), and a rerun
completes the store to a graph identical to an uninterrupted run's. Plus fast
checks that a corrupt or locked store gives a one-line error, not a traceback.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

MEDKG = shutil.which("medkg") or str(Path(sys.executable).parent / "medkg")
TRIALS = 10
N_ARTICLES = 12


def run_medkg(*args, timeout=300, **kw):
    return subprocess.run([MEDKG, *map(str, args)], capture_output=True, text=True, timeout=timeout, **kw)


def graphs_of(store_dir: Path) -> dict[str, frozenset]:
    """Article stem -> its triples as a set of N-Triples lines (no blank nodes in medkg graphs)."""
    import pyoxigraph as ox
    from medkg.graph.store import Store
    from medkg.ontology.namespaces import stem_of_graph
    out: dict[str, set] = defaultdict(set)
    with Store(store_dir, read_only=True) as st:
        for q in st.quads(include_ontology=False):
            stem = stem_of_graph(q.graph_name.value) if isinstance(q.graph_name, ox.NamedNode) else None
            assert stem is not None, f"quad outside an article graph: {q}"
            out[stem].add(str(q.triple))
    return {k: frozenset(v) for k, v in out.items()}


@pytest.fixture(scope="module")
def crash_corpus(tmp_path_factory) -> Path:
    import generate
    d = tmp_path_factory.mktemp("crash") / "corpus"
    generate.write_articles(d, N_ARTICLES, seed=7, sentences=(2, 4))
    return d


@pytest.fixture(scope="module")
def reference(crash_corpus, tmp_path_factory):
    """Per-article graphs of an uninterrupted run, and how long it took."""
    d = tmp_path_factory.mktemp("ref") / "store"
    t = time.perf_counter()
    r = run_medkg("--store", d, "ingest", "-q", "-j", "2", crash_corpus)
    took = time.perf_counter() - t
    assert r.returncode == 0, r.stderr
    graphs = graphs_of(d)
    assert len(graphs) == N_ARTICLES
    return graphs, took


@pytest.mark.slow
def test_sigkill_during_ingest_never_leaves_half_an_article(crash_corpus, reference, tmp_path):
    ref, took = reference
    rng = random.Random(20261123)
    partial_seen = 0
    for trial in range(TRIALS):
        store = tmp_path / f"store{trial}"
        # stored batches of one article, or of a few (each batch is one bulk write, all or nothing)
        env = dict(os.environ, MEDKG_BATCH_KB="1" if trial % 4 < 2 else "400")
        proc = subprocess.Popen([MEDKG, "--store", str(store), "ingest", "-j", "2", str(crash_corpus)],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True, env=env)
        if trial % 2 == 0:
            # anywhere from start-up (spaCy loading) to the last writes
            delay = rng.uniform(0.2, took * 1.1)
            time.sleep(delay)
        else:
            # in the middle of the writes: after the k-th article was reported stored
            k = rng.randint(1, N_ARTICLES - 1)
            for _ in range(k):
                if not proc.stdout.readline():
                    break
            delay = rng.uniform(0, 0.05)
            time.sleep(delay)
        try:
            os.killpg(proc.pid, signal.SIGKILL)     # the CLI and its worker processes
        except ProcessLookupError:
            pass
        proc.wait()
        proc.stdout.close()
        if store.exists():
            got = graphs_of(store)                   # the store opens after the crash
            for stem, triples in got.items():
                assert stem in ref, f"trial {trial}: unknown article graph {stem}"
                assert triples == ref[stem], (
                    f"trial {trial} (killed after {delay:.2f}s): article {stem} is half-written: "
                    f"{len(triples)} of {len(ref[stem])} triples")
            if 0 < len(got) < N_ARTICLES:
                partial_seen += 1
        # a rerun completes the store: the same graph as an uninterrupted run
        r = run_medkg("--store", store, "ingest", "-q", "-j", "2", crash_corpus)
        assert r.returncode == 0, f"trial {trial}: rerun failed: {r.stderr}"
        assert graphs_of(store) == ref, f"trial {trial}: rerun differs from the uninterrupted run"
        shutil.rmtree(store, ignore_errors=True)
    # the kills must have hit the writing phase at least once, or the test proved little
    assert partial_seen >= 1, "no kill landed while articles were being written"


# ---------------------------------------------------------------- fast: corrupt / locked store
def _one_line_store_error(r):
    assert r.returncode != 0
    err = r.stderr.strip()
    assert "Traceback" not in r.stderr, r.stderr
    assert len(err.splitlines()) == 1, err
    assert err.startswith("medkg: error: store "), err


@pytest.fixture
def tiny_store(tmp_path) -> Path:
    from medkg.graph.store import Store
    from medkg.ontology.load import ensure_ontology
    d = tmp_path / "store"
    with Store(d) as st:
        ensure_ontology(st)
    return d


def test_corrupt_store_gives_one_line_error(tiny_store):
    # garble every RocksDB file: CURRENT, MANIFEST, OPTIONS, SST, logs
    for f in tiny_store.iterdir():
        if f.is_file():
            f.write_bytes(b"\x00garbage\xff" * 64)
    for args in (["stats"], ["export", "-f", "nq"], ["ingest", "-q", str(ROOT / "examples" / "corpus")]):
        r = run_medkg("--store", tiny_store, *args, timeout=120)
        _one_line_store_error(r)


def test_locked_store_gives_one_line_error(tiny_store, tmp_path):
    from medkg.graph.store import Store
    holder = Store(tiny_store)           # this process holds the write lock
    try:
        doc = tmp_path / "a.txt"
        doc.write_text("Dr. Wang Wei of Chengdu Medical University visited Geneva.\n")
        r = run_medkg("--store", tiny_store, "ingest", "-q", doc, timeout=120)
        _one_line_store_error(r)
        assert "lock" in r.stderr
        r = run_medkg("--store", tiny_store, "remove", "x", timeout=120)
        _one_line_store_error(r)
    finally:
        holder.close()
