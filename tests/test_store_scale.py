"""Scale-related behaviour of the store and the benchmark data generator.

* the generator is deterministic and writes exactly the graph shape medkg's rdfize writes;
* bulk load + streaming export keep every quad (N-Quads) and the distinct triples (Turtle),
  never the ontology graph unless asked, and write files atomically;
* the benchmark runner's ``--quick`` mode works end to end (slow).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402


def test_generated_articles_are_deterministic_and_varied(tmp_path):
    a = generate.write_articles(tmp_path / "a", 8, seed=5)
    b = generate.write_articles(tmp_path / "b", 8, seed=5)
    c = generate.write_articles(tmp_path / "c", 8, seed=6)
    ta = [p.read_text(encoding="utf-8") for p in a]
    assert ta == [p.read_text(encoding="utf-8") for p in b]
    assert ta != [p.read_text(encoding="utf-8") for p in c]
    assert len(set(ta)) == 8
    for text in ta:
        words = len(text.split())
        assert 80 < words < 600
        assert text.count(".") >= 5


def test_generated_graph_has_medkg_shape():
    # the fast string emitter must write exactly what medkg's rdfize writes for the same extraction
    common, only_fast, only_rdfize = generate.shape_check(n=15, seed=2)
    assert common > 1000
    assert only_fast == 0 and only_rdfize == 0


def test_generated_extraction_offsets_point_at_mentions():
    world = generate.World(50, 1)
    art, ex = generate.make_article(world, 1, 3)
    assert ex.entities and ex.relations and ex.sentences
    for e in ex.entities.values():
        for m in e.mentions:
            assert art.text[m.start:m.end] == e.name
    for s in ex.sentences:
        assert art.text[s.start:s.end].rstrip().endswith((".", '"'))


def _stored(path, fmt) -> set:
    mem = ox.Store()
    mem.load(path=str(path), format=fmt)
    return set(mem)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    from medkg.graph.store import Store
    from medkg.ontology.load import ensure_ontology
    d = tmp_path_factory.mktemp("scale")
    nq = d / "g.nq"
    generate.write_graph(nq, 120, seed=4, workers=1)
    lines = nq.read_bytes().count(b"\n")
    st = Store(d / "store")
    ensure_ontology(st)
    onto = len(st)
    n = st.bulk_load(nq)
    assert n == lines + onto
    yield st, nq, lines, d
    st.close()


def test_bulk_load_keeps_one_graph_per_article(loaded):
    st, nq, lines, d = loaded
    assert len(st.articles()) == 120
    assert st.articles()[0] == "syn_4_0000000"


def test_nquads_export_streams_every_quad(loaded):
    st, nq, lines, d = loaded
    out = d / "out.nq"
    n = st.export(out, "nq")
    assert n == lines
    # compare through Oxigraph, which stores some datatypes canonically (nonNegativeInteger -> integer)
    assert _stored(out, ox.RdfFormat.N_QUADS) == _stored(nq, ox.RdfFormat.N_QUADS)
    assert b"/graph/ontology>" not in out.read_bytes()
    n_all = st.export(d / "all.nq", "nq", include_ontology=True)
    assert n_all == len(st)
    assert not list(d.glob(".*.tmp*")), "temporary export file left behind"


def test_turtle_export_is_the_distinct_union(loaded):
    st, nq, lines, d = loaded
    out = d / "out.ttl"
    n = st.export(out, "turtle")
    distinct = {(q.subject, q.predicate, q.object) for q in _stored(nq, ox.RdfFormat.N_QUADS)}
    assert n == len(distinct) < lines      # entities recur across articles: duplicates merged
    parsed = {(t.subject, t.predicate, t.object) for t in ox.parse(out.read_bytes(), ox.RdfFormat.TURTLE)}
    assert parsed == distinct
    assert out.read_text(encoding="utf-8").startswith("@prefix")


def test_export_to_stream_matches_file(loaded, tmp_path):
    import io
    st, nq, lines, d = loaded
    buf = io.BytesIO()
    n = st.export(buf, "nt")
    assert n == buf.getvalue().count(b"\n")


@pytest.mark.slow
def test_benchmark_quick_mode_writes_report(tmp_path):
    out = tmp_path / "BENCHMARKS.md"
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--out", str(out),
                        "--cache", str(tmp_path / "cache"), "--json", str(tmp_path / "first.json")],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    for heading in ("## Machine", "## Targets", "## Ingest throughput", "## Memory",
                    "## Store: bulk load and export", "## A day's news into a big store", "## Named queries"):
        assert heading in text
    assert "QUICK" in text
    # one section again, the others from the first run's figures, each dated by the run that measured it
    first = json.loads((tmp_path / "first.json").read_text())
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--out", str(out),
                        "--cache", str(tmp_path / "cache"), "--only", "ingest", "--reuse", str(tmp_path / "first.json")],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert f"assembled here: memory ({first['machine']['date']})" in out.read_text(encoding="utf-8")


def test_benchmark_sections_keep_the_date_they_were_measured():
    """A section reused from an earlier run's results keeps that run's date, or the date of the
    run it was itself reused from (results written before sections were dated)."""
    import run
    dated = {"machine": {"date": "D3"}, "measured": {"store": "D1", "ingest": "D3"}}
    chained = {"machine": {"date": "D2"}, "reused": {"from": "D1", "sections": ["store"]}}
    assert run.measured_at(dated, "store") == "D1" and run.measured_at(dated, "ingest") == "D3"
    assert run.measured_at(chained, "store") == "D1" and run.measured_at(chained, "queries") == "D2"


def test_sparql11_form_for_rdflib():
    """The benchmark's SPARQL 1.1 form of the named queries (for rdflib): no LATERAL left, a
    per-row optional block stays a left join, a per-row list cut is dropped, a page is kept."""
    import rdflib.plugins.sparql as rs
    import run
    from medkg.ontology.namespaces import PREFIXES
    q = ("SELECT * WHERE { ?e a ?t LATERAL { OPTIONAL { ?e <urn:p> ?v } } "
         "LATERAL { SELECT ?e (COUNT(*) AS ?n) WHERE { { SELECT ?e ?o WHERE { ?e <urn:q> ?o } LIMIT 10 } } GROUP BY ?e } "
         "LATERAL { SELECT ?e ?w WHERE { ?e <urn:r> ?w } LIMIT 5 OFFSET 0 } }")
    out = run.sparql11(q)
    assert "LATERAL" not in out and "LIMIT 10" not in out and "LIMIT 5 OFFSET 0" in out
    assert "{ OPTIONAL" not in out and "OPTIONAL { ?e <urn:p> ?v }" in out
    for name, form, text in run.bound_queries(1000, sparql11=True):
        assert not re.search(r"\bLATERAL\s*\{", text), name
        rs.prepareQuery(text, initNs=PREFIXES)          # parses as SPARQL 1.1
