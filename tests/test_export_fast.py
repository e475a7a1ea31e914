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
