"""Exports from the per-article snapshots are the same graphs as the article graphs themselves.

The reference is always rebuilt from the article graphs (``Store.article_graph``, read from
Oxigraph), never from the snapshots, so a stale or missing snapshot shows up as a difference.
"""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD

from medkg.graph import store as store_mod
from medkg.graph.store import SNAPSHOT_GRAPH, Store
from medkg.ontology.load import ensure_ontology
from medkg.ontology.namespaces import ID, MKG, NIF, ONTOLOGY_GRAPH, SDO, article_iri, graph_iri

FORMATS = {"turtle": ("ttl", "turtle"), "trig": ("trig", "trig"), "nt": ("nt", "nt"), "nq": ("nq", "nquads"),
           "jsonld": ("jsonld", "json-ld"), "xml": ("rdf", "xml")}
QUAD_FORMATS = ("trig", "nq", "jsonld")


def article(stem: str, people: list[str], extra=()) -> list[tuple]:
    """An invented article graph: shared entities (so articles overlap), offsets typed the way
    rdfize types them (Oxigraph reads them back as xsd:integer), a few odd literals."""
    a = article_iri(stem)
    out = [(a, RDF.type, SDO.NewsArticle), (a, SDO.identifier, Literal(stem)),
           (a, MKG.contentHash, Literal(f"hash-{stem}"))]
    for i, p in enumerate(people):
        node = ID[f"person/{p}"]
        out += [(node, RDF.type, SDO.Person), (node, SDO.name, Literal(p.title())), (a, SDO.mentions, node)]
        span = URIRef(f"{a}#char={i * 10},{i * 10 + 5}")
        out += [(span, NIF.beginIndex, Literal(f"0{i * 10}", datatype=XSD.nonNegativeInteger)),
                (span, NIF.endIndex, Literal(str(i * 10 + 5), datatype=XSD.nonNegativeInteger)),
                (span, NIF.anchorOf, Literal(f'say "{p}"\n\tbackslash \\ ok'))]
    out += [(a, SDO.datePublished, Literal("2020-01-02", datatype=XSD.date)),
            (a, MKG.confidence, Literal("0.50", datatype=XSD.decimal)),
            (a, SDO.headline, Literal("Kopf", lang="de-DE")),
            (a, SDO.abstract, Literal("plain", datatype=XSD.string))]
    return out + list(extra)


def reference(st: Store, include_ontology: bool = False) -> tuple[rdflib.Graph, dict]:
    """Union graph and per-graph graphs, read from the article graphs."""
    union, graphs = rdflib.Graph(), {}
    for stem in st.articles():
        g = st.article_graph(stem)
        graphs[str(graph_iri(stem))] = g
        for t in g:
            union.add(t)
    if include_ontology:
        onto = rdflib.Graph()
        for q in st.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(str(ONTOLOGY_GRAPH))):
            onto.add(tuple(store_mod._to_rdflib(t) for t in (q.subject, q.predicate, q.object)))
        graphs[str(ONTOLOGY_GRAPH)] = onto
        for t in onto:
            union.add(t)
    return union, graphs


def check_exports(st: Store, tmp_path, fmts=FORMATS, include_ontology: bool = False) -> None:
    union, graphs = reference(st, include_ontology)
    for fmt in fmts:
        ext, parser = FORMATS[fmt]
        out = tmp_path / f"check.{ext}"
        n = st.export(out, fmt, include_ontology=include_ontology)
        if fmt in QUAD_FORMATS:
            ds = rdflib.Dataset()
            ds.parse(out, format=parser)
            got = {str(g.identifier): g for g in ds.graphs() if len(g)}
            want = {k: g for k, g in graphs.items() if len(g)}
            assert got.keys() == want.keys(), fmt
            for k in want:
                assert isomorphic(got[k], want[k]), (fmt, k)
            assert n == sum(len(g) for g in want.values()), fmt
        else:
            g = rdflib.Graph()
            g.parse(out, format=parser)
            assert isomorphic(g, union), fmt
            assert n == len(union), fmt


def snapshot_subjects(st: Store) -> set[str]:
    return {q.subject.value for q in st.oxigraph.quads_for_pattern(
        None, ox.NamedNode(store_mod.SNAPSHOT), None, ox.NamedNode(SNAPSHOT_GRAPH))}


@pytest.fixture
def store(tmp_path):
    st = Store(tmp_path / "store")
    ensure_ontology(st)
    st.replace_article("a1", article("a1", ["ann", "bob"]))
    st.replace_article_ntriples("a2", store_mod.ntriples(article("a2", ["bob", "cy"])))
    st.replace_article("a3", article("a3", ["ann", "cy", "dan"]))
    yield st
    st.close()


def test_every_format_matches_the_article_graphs(store, tmp_path):
    assert snapshot_subjects(store) == {str(graph_iri(s)) for s in ("a1", "a2", "a3")}
    check_exports(store, tmp_path)
    check_exports(store, tmp_path, ("turtle", "nt", "nq", "trig"), include_ontology=True)


def test_ingested_store_exports_match(sample_store_dir, tmp_path):
    with Store(sample_store_dir, read_only=True) as st:
        assert snapshot_subjects(st) == {str(graph_iri(s)) for s in st.articles()}
        check_exports(st, tmp_path, ("turtle", "nt", "nq"))


def test_snapshots_follow_replace_remove_and_reingest(store, tmp_path):
    store.replace_article("a2", article("a2", ["eve"]))                 # update path
    store.replace_article_ntriples("a1", store_mod.ntriples(article("a1", ["ann", "zed"])))
    check_exports(store, tmp_path, ("turtle", "nt", "nq"))
    assert store.remove_article("a3")
    assert snapshot_subjects(store) == {str(graph_iri(s)) for s in ("a1", "a2")}
    check_exports(store, tmp_path, ("turtle", "nt", "nq"))
    store.replace_article("a3", article("a3", ["dan"]))                  # re-ingest: a new graph again
    check_exports(store, tmp_path, ("turtle", "nt", "nq"))
    assert len(snapshot_subjects(store)) == 3
    # an emptied article has no graph and no snapshot; filling it again works
    store.replace_article("a3", [])
    assert "a3" not in store.articles() and str(graph_iri("a3")) not in snapshot_subjects(store)
    store.replace_article("a3", article("a3", ["fay"]))
    check_exports(store, tmp_path, ("turtle", "nq"))


def test_snapshot_graph_is_invisible(store, tmp_path):
    quads_before = sum(len(g) for g in reference(store)[1].values())
    onto = sum(1 for _ in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(str(ONTOLOGY_GRAPH))))
    assert len(store) == quads_before + onto
    assert all(q.graph_name.value != SNAPSHOT_GRAPH for q in store.quads())
    assert store.articles() == ["a1", "a2", "a3"]
    stats = store.stats()
    assert stats["quads"] == len(store) and stats["triples"] == len(reference(store)[0])
    assert not bool(store.query(f"ASK {{ ?g <{store_mod.SNAPSHOT}> ?z }}"))
    assert SNAPSHOT_GRAPH not in {str(c.identifier) for c in store.dataset().graphs()}


def test_bulk_loaded_loaded_and_updated_stores(store, tmp_path):
    dump = tmp_path / "all.nq"
    store.export(dump, "nq")
    with Store(tmp_path / "bulk") as st:                                # bulk_load, as the benchmark
        st.bulk_load(dump, "nq")
        assert snapshot_subjects(st) == {str(graph_iri(s)) for s in ("a1", "a2", "a3")}
        check_exports(st, tmp_path, ("turtle", "nt", "nq"))
        # a raw update changes an article graph behind the store's back: its snapshot is rebuilt
        st.update(f"INSERT DATA {{ GRAPH <{graph_iri('a1')}> {{ <{ID['person/new']}> a schema:Person }} }}")
        check_exports(st, tmp_path, ("turtle", "nq"))
        single = tmp_path / "one.ttl"
        rdflib.Graph().parse(data="<urn:x:s> <urn:x:p> 7 .", format="turtle").serialize(single, format="turtle")
        st.load(single, stem="extra")                                   # load into one article graph
        assert "extra" in st.articles()
        check_exports(st, tmp_path, ("turtle", "nt", "nq"))


def test_store_without_snapshots_still_exports_and_is_upgraded(store, tmp_path):
    path = store.path
    store.oxigraph.remove_graph(ox.NamedNode(SNAPSHOT_GRAPH))           # as written by an older medkg
    store.close()
    copy = tmp_path / "old"
    shutil.copytree(path, copy)
    with Store(copy, read_only=True) as st:                             # read-only: read from disk
        assert not snapshot_subjects(st)
        check_exports(st, tmp_path, ("turtle", "nt", "nq"))
    with Store(copy) as st:                                             # writable: snapshots built
        assert len(snapshot_subjects(st)) == 3
        check_exports(st, tmp_path, ("turtle", "nq"))


def test_blank_nodes_and_odd_ntriples(store, tmp_path):
    b = BNode()
    store.replace_article("bn", article("bn", ["ann"], [(b, SDO.name, Literal("anon")),
                                                         (article_iri("bn"), SDO.about, b)]))
    assert str(graph_iri("bn")) not in snapshot_subjects(store)          # read from disk instead
    odd = ("# a comment\n\n<urn:x:s>   <urn:x:p>\t\"v\" .\n"
           "<urn:x:s> <urn:x:p> \"caf\\u00E9\"^^<http://www.w3.org/2001/XMLSchema#string> .\n"
           "<urn:x:s> <urn:x:q> \"+007\"^^<http://www.w3.org/2001/XMLSchema#int> .")
    store.replace_article_ntriples("odd", odd)
    assert len(store.article_graph("odd")) == 3
    assert {r["g"].value for r in store.query("SELECT DISTINCT ?g { GRAPH ?g { <urn:x:s> ?p ?o } }")} \
        == {str(graph_iri("odd"))}
    check_exports(store, tmp_path)


def test_turtle_falls_back_to_disk_beyond_the_memory_limit(store, tmp_path, monkeypatch):
    monkeypatch.setattr(store_mod, "UNION_MEMORY_LIMIT", 100)
    check_exports(store, tmp_path, ("turtle", "nt"))


def test_turtle_fallback_leaves_out_counts_and_ontology_copies(store, tmp_path, monkeypatch):
    store.flush()                                   # the counts (and their copies) are written
    assert bool(store.oxigraph.query("ASK { ?e <https://w3id.org/medkg/ontology#articleCount> ?n }"))
    monkeypatch.setattr(store_mod, "UNION_MEMORY_LIMIT", 100)
    check_exports(store, tmp_path, ("turtle", "nt"))
    check_exports(store, tmp_path, ("turtle", "nt"), include_ontology=True)


def _graph_triples(st: Store, graph) -> set:
    return {q.triple for q in st.oxigraph.quads_for_pattern(None, None, None, graph)}


def test_default_graph_holds_copies_of_the_counts_and_the_ontology(store):
    """Queries read the default graph alone: the merged articles, the ontology and the derived
    counts, each copy kept in step with its named graph through writes and removals."""
    from medkg.graph import counts
    onto_g, counts_g = ox.NamedNode(str(ONTOLOGY_GRAPH)), ox.NamedNode(str(counts.COUNTS_GRAPH))
    derived = {ox.NamedNode(p) for p in counts.DERIVED_PREDICATES}

    def check():
        store.flush()
        default = _graph_triples(store, ox.DefaultGraph())
        counted = {t for t in _graph_triples(store, counts_g) if t.subject != counts_g}
        assert counted and counted == {t for t in default if t.predicate in derived}
        assert _graph_triples(store, onto_g) <= default
        assert store.stats()["triples"] == len(reference(store)[0])
        assert counts.is_mirrored(store.oxigraph)

    check()
    # an article stating an ontology triple too: removing the article keeps the triple
    shared = next(t for t in _graph_triples(store, onto_g)
                  if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode))
    rdf = tuple(store_mod._to_rdflib(x) for x in (shared.subject, shared.predicate, shared.object))
    store.replace_article("a4", article("a4", ["gil"], [rdf]))
    check()
    store.remove_article("a4")
    assert shared in _graph_triples(store, ox.DefaultGraph())
    check()
    store.replace_article("a2", article("a2", ["hal"]))               # update path: counts recounted
    store.remove_article("a3")
    check()
    assert {r["n"].value for r in store.query(
        f"SELECT ?n WHERE {{ <{ID['person/hal']}> mkg:articleCount ?n }}")} == {"1"}


def test_store_of_an_older_medkg_is_read_then_upgraded(store, tmp_path):
    """A store whose default graph holds only the merged articles (counts version 7) is read
    through the three graphs when opened read-only, and copied into the default graph when
    opened for writing."""
    from medkg.graph import counts
    store.flush()
    want = sorted(str(r["n"].value) for r in store.query("SELECT ?n WHERE { ?e mkg:rank ?n }"))
    store.oxigraph.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{counts.COUNTS_GRAPH}> {{ ?s ?p ?o }} }} ;"
              f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }} ;"
              f"DELETE WHERE {{ GRAPH <{counts.COUNTS_GRAPH}> {{ ?g <{MKG.countsVersion}> ?v }} }} ;"
              f"INSERT DATA {{ GRAPH <{counts.COUNTS_GRAPH}> {{ <{counts.COUNTS_GRAPH}> <{MKG.countsVersion}> 7 }} }}")
    path = store.path
    store.close()
    old = tmp_path / "old"
    shutil.copytree(path, old)
    with Store(old, read_only=True) as ro:
        assert not counts.is_mirrored(ro.oxigraph)
        assert sorted(str(r["n"].value) for r in ro.query("SELECT ?n WHERE { ?e mkg:rank ?n }")) == want
        assert ro.stats()["triples"] == len(reference(ro)[0])
    with Store(old) as rw:
        assert counts.is_mirrored(rw.oxigraph) and counts.is_valid(rw.oxigraph)
        assert sorted(str(r["n"].value) for r in rw.oxigraph.query(
            "SELECT ?n WHERE { ?e <https://w3id.org/medkg/ontology#rank> ?n }")) == want
        assert _graph_triples(rw, ox.NamedNode(str(ONTOLOGY_GRAPH))) <= _graph_triples(rw, ox.DefaultGraph())
        check_exports(rw, tmp_path, ("turtle", "nq"))
