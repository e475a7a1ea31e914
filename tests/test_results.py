"""Result writers: SPARQL 1.1 JSON/XML/CSV/TSV read back by an independent parser (pyoxigraph's)."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from hypothesis import given, settings, strategies as st

from medkg.queries.results import Result, from_oxigraph, serialize

XSD = "http://www.w3.org/2001/XMLSchema#"
TRICKY = ["plain", 'quote " inside', "comma, and \"both\"", "tab\there", "new\nline", "cr\rlf\r\n", "back\\slash",
          "<tag>&amp;", "é中文🙂", "", " leading and trailing ", "#hash", "?q", "\u2028"]


def _store_with(values) -> ox.Store:
    s = ox.Store()
    for i, v in enumerate(values):
        s.add(ox.Quad(ox.NamedNode(f"http://ex/s{i}"), ox.NamedNode("http://ex/p"), v))
    return s


def _terms():
    lits = [ox.Literal(v) for v in TRICKY]
    lits += [ox.Literal("chat", language="fr"), ox.Literal("42", datatype=ox.NamedNode(XSD + "integer")),
             ox.Literal("--06-01", datatype=ox.NamedNode(XSD + "gMonthDay")),
             ox.NamedNode("http://ex/iri#frag"), ox.BlankNode("b1")]
    return lits


def _select(store):
    return from_oxigraph(store.query("SELECT ?s ?o ?unbound WHERE { ?s ?p ?o } ORDER BY ?s"))


def _rows(data, fmt):
    return [{k.value: sol[k] for k in sols_vars if sol[k] is not None}
            for sols in [ox.parse_query_results(data, fmt)] for sols_vars in [sols.variables] for sol in sols]


@pytest.mark.parametrize("fmt,pfmt", [("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML),
                                      ("tsv", ox.QueryResultsFormat.TSV)])
def test_lossless_formats_round_trip(fmt, pfmt):
    r = _select(_store_with(_terms()))
    back = ox.parse_query_results(serialize(r, fmt), pfmt)
    assert [v.value for v in back.variables] == ["s", "o", "unbound"]
    got = [{k: sol[k] for k in ("s", "o") if sol[k] is not None} for sol in back]
    want = [{k: v for k, v in row.items()} for row in r.rows]
    # blank node labels may be renamed by a parser: compare everything else exactly
    norm = lambda rows: [{k: ("_:" if isinstance(v, ox.BlankNode) else v) for k, v in x.items()} for x in rows]  # noqa: E731
    assert norm(got) == norm(want)


def test_csv_is_plain_values():
    r = _select(_store_with(_terms()))
    data = serialize(r, "csv")
    table = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert table[0] == ["s", "o", "unbound"]
    values = [row[1] for row in table[1:]]
    assert values == [row["o"].value if not isinstance(row["o"], ox.BlankNode) else "_:" + row["o"].value
                      for row in r.rows]
    assert data.count(b"\r\n") >= len(r.rows) + 1


def test_boolean_results():
    for b in (True, False):
        r = from_oxigraph(ox.Store().query("ASK { }" if b else "ASK { ?s ?p ?o }"))
        assert r.kind == "boolean" and r.boolean is b and r.empty is (not b)
        assert json.loads(serialize(r, "json"))["boolean"] is b
        assert bool(ox.parse_query_results(serialize(r, "xml"), ox.QueryResultsFormat.XML)) is b
        assert bool(ox.parse_query_results(serialize(r, "tsv"), ox.QueryResultsFormat.TSV)) is b
        assert serialize(r, "table").decode().strip() == str(b).lower()


def test_graph_results_and_format_errors():
    s = _store_with(_terms()[:3])
    r = from_oxigraph(s.query("CONSTRUCT WHERE { ?s ?p ?o }"))
    assert r.kind == "graph" and len(r) == 3
    for fmt, rdf in (("turtle", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES),
                     ("rdfxml", ox.RdfFormat.RDF_XML), ("jsonld", ox.RdfFormat.JSON_LD)):
        assert {q.triple for q in ox.parse(serialize(r, fmt), rdf)} == set(r.triples)
    from medkg.queries.library import QueryError
    with pytest.raises(QueryError):
        serialize(r, "csv")
    with pytest.raises(QueryError):
        serialize(_select(s), "turtle")


def test_truncation_and_table():
    r = from_oxigraph(_store_with([ox.Literal(str(i)) for i in range(10)]).query(
        "SELECT ?o WHERE { ?s ?p ?o }"), max_results=4)
    assert len(r.rows) == 4 and r.truncated
    text = serialize(r, "table").decode()
    assert text.rstrip().endswith("(4 rows, truncated)")
    long = from_oxigraph(_store_with([ox.Literal("x" * 500 + "\nmore")]).query("SELECT ?o WHERE { ?s ?p ?o }"))
    line = serialize(long, "table").decode().splitlines()[2]
    assert len(line) <= 60 and line.endswith("…")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30), min_size=1, max_size=5),
       st.sampled_from(["json", "tsv"]))
def test_any_text_round_trips(values, fmt):
    r = _select(_store_with([ox.Literal(v) for v in values]))
    pfmt = {"json": ox.QueryResultsFormat.JSON, "tsv": ox.QueryResultsFormat.TSV}[fmt]
    back = [sol["o"] for sol in ox.parse_query_results(serialize(r, fmt), pfmt)]
    assert back == [row["o"] for row in r.rows]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30), min_size=1, max_size=5))
def test_any_text_round_trips_xml(values):
    r = _select(_store_with([ox.Literal(v) for v in values]))
    back = [sol["o"] for sol in ox.parse_query_results(serialize(r, "xml"), ox.QueryResultsFormat.XML)]
    assert back == [row["o"] for row in r.rows]


def test_result_len_and_empty():
    assert Result("bindings", variables=["x"]).empty
    assert len(Result("graph", triples=[1, 2])) == 2
