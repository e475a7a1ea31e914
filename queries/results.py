"""Run SPARQL on the store and format the results.

Every way of running a query (embedded store, remote endpoint, the server's worker
processes) produces a :class:`Result`; the same writers turn it into SPARQL 1.1
Query Results JSON, XML, CSV, TSV, a readable table, or (for CONSTRUCT/DESCRIBE)
Turtle / N-Triples.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as xml_escape, quoteattr

import pyoxigraph as ox

from medkg.errors import MedkgError
from medkg.ontology.namespaces import PREFIXES

SELECT_FORMATS = ("table", "json", "csv", "tsv", "xml")
GRAPH_FORMATS = ("turtle", "nt", "rdfxml", "jsonld")
FORMATS = SELECT_FORMATS + GRAPH_FORMATS

MIME = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "table": "text/plain; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
#: exit code when --fail-empty is given and the query found nothing
EXIT_EMPTY = 3


@dataclass
class Result:
    """A query result: ``kind`` is 'bindings' (SELECT), 'boolean' (ASK) or 'graph' (CONSTRUCT/DESCRIBE)."""
    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)      # var -> pyoxigraph term (absent = unbound)
    boolean: bool | None = None
    triples: list = field(default_factory=list)         # pyoxigraph Triples
    truncated: bool = False

    def __len__(self) -> int:
        if self.kind == "bindings":
            return len(self.rows)
        if self.kind == "graph":
            return len(self.triples)
        return 1 if self.boolean else 0

    @property
    def empty(self) -> bool:
        return len(self) == 0


class QueryTimeout(MedkgError):
    pass


def from_oxigraph(res, max_results: int | None = None) -> Result:
    """Materialize a pyoxigraph query result (optionally keeping at most ``max_results``)."""
    if isinstance(res, ox.QueryBoolean):
        return Result("boolean", boolean=bool(res))
    if isinstance(res, ox.QueryTriples):
        out = Result("graph")
        for t in res:
            if max_results is not None and len(out.triples) >= max_results:
                out.truncated = True
                break
            out.triples.append(t)
        return out
    names = [v.value for v in res.variables]
    out = Result("bindings", variables=names)
    for sol in res:
        if max_results is not None and len(out.rows) >= max_results:
            out.truncated = True
            break
        row = {}
        for n in names:
            t = sol[n]
            if t is not None:
                row[n] = t
        out.rows.append(row)
    return out


def run_local(store, sparql: str, max_results: int | None = None) -> Result:
    """Run ``sparql`` on a :class:`medkg.graph.store.Store` (union default graph)."""
    from medkg.queries.library import QueryError, query_form
    if query_form(sparql) == "UPDATE":
        raise QueryError("this is a SPARQL Update, not a query (medkg query is read-only)")
    try:
        return from_oxigraph(store.query(sparql), max_results)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {' '.join(str(exc).split())}") from None


def run(store, sparql: str):
    """Backward-compatible: the raw pyoxigraph result."""
    from medkg.queries.library import QueryError
    try:
        return store.query(sparql)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None


def run_and_format(store, sparql: str, fmt: str = "table") -> bytes:
    return serialize(run_local(store, sparql), fmt)


# ---------------------------------------------------------------------- writers
def _json_term(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(t.subject),
                                            "predicate": _json_term(t.predicate),
                                            "object": _json_term(t.object)}}
    raise TypeError(t)


def to_json(r: Result) -> bytes:
    if r.kind == "boolean":
        doc = {"head": {}, "boolean": bool(r.boolean)}
    else:
        doc = {"head": {"vars": r.variables},
               "results": {"bindings": [{k: _json_term(v) for k, v in row.items()} for row in r.rows]}}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _xml_term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{xml_escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{xml_escape(t.value)}</bnode>"
    if isinstance(t, ox.Literal):
        attrs = ""
        if t.language:
            attrs = f" xml:lang={quoteattr(t.language)}"
        elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            attrs = f" datatype={quoteattr(t.datatype.value)}"
        return f"<literal{attrs}>{_xml_text(t.value)}</literal>"
    if isinstance(t, ox.Triple):
        return (f"<triple><subject>{_xml_term(t.subject)}</subject><predicate>{_xml_term(t.predicate)}"
                f"</predicate><object>{_xml_term(t.object)}</object></triple>")
    raise TypeError(t)


def _xml_text(s: str) -> str:
    # characters XML 1.0 cannot carry at all are replaced (U+FFFD); the rest escaped
    s = "".join(c if c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD
                or ord(c) >= 0x10000 else "\ufffd" for c in s)
    body = xml_escape(s).replace("\r", "&#13;")
    # some parsers trim text nodes: keep leading/trailing white space as character references
    stripped = body.strip(" \t\n")
    if stripped != body:
        i = body.index(stripped) if stripped else len(body)
        head, tail = body[:i], body[i + len(stripped):]
        ref = lambda w: "".join(f"&#{ord(c)};" for c in w)  # noqa: E731
        body = ref(head) + stripped + ref(tail) if stripped else ref(body)
    return body


def to_xml(r: Result) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    for v in r.variables:
        out.append(f"<variable name={quoteattr(v)}/>")
    out.append("</head>")
    if r.kind == "boolean":
        out.append(f"<boolean>{'true' if r.boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in r.rows:
            out.append("<result>" + "".join(f"<binding name={quoteattr(k)}>{_xml_term(v)}</binding>"
                                            for k, v in row.items()) + "</result>")
        out.append("</results>")
    out.append("</sparql>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _plain(t) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return "_:" + t.value
    if isinstance(t, ox.Triple):
        return str(t)
    return t.value


def to_csv(r: Result) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if r.kind == "boolean":  # not defined by the W3C note: the bare value, as Oxigraph writes it
        return b"true\r\n" if r.boolean else b"false\r\n"
    else:
        w.writerow(r.variables)
        for row in r.rows:
            w.writerow([_plain(row.get(v)) for v in r.variables])
    return buf.getvalue().encode("utf-8")


def to_tsv(r: Result) -> bytes:
    if r.kind == "boolean":
        return b"true\n" if r.boolean else b"false\n"
    lines = ["\t".join("?" + v for v in r.variables)]
    for row in r.rows:
        lines.append("\t".join(str(row[v]) if v in row else "" for v in r.variables))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _short(t) -> str:
    if isinstance(t, ox.NamedNode):
        v = t.value
        best = None
        for p, ns in PREFIXES.items():
            if v.startswith(ns) and (best is None or len(ns) > len(PREFIXES[best])):
                best = p
        return f"{best}:{v[len(PREFIXES[best]):]}" if best else v
    return " ".join(_plain(t).split())


def to_table(r: Result, max_width: int = 60) -> bytes:
    if r.kind == "boolean":
        return b"true\n" if r.boolean else b"false\n"
    names = r.variables
    rows = [[_short(row.get(n)) for n in names] for row in r.rows]
    widths = [min(max_width, max([len(n)] + [len(x[i]) for x in rows])) for i, n in enumerate(names)]

    def fmt(cells):
        return "  ".join((c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(cells, widths)).rstrip()
    lines = [fmt(names), fmt(["-" * w for w in widths])] + [fmt(x) for x in rows]
    more = ", truncated" if r.truncated else ""
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''}{more})")
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_graph(r: Result, fmt: str) -> bytes:
    buf = io.BytesIO()
    if fmt == "nt":
        ox.serialize(r.triples, buf, ox.RdfFormat.N_TRIPLES)
    elif fmt == "rdfxml":
        ox.serialize(r.triples, buf, ox.RdfFormat.RDF_XML, prefixes=PREFIXES)
    elif fmt == "jsonld":
        ox.serialize(r.triples, buf, ox.RdfFormat.JSON_LD)
    else:
        ox.serialize(r.triples, buf, ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return buf.getvalue()


def serialize(r: Result, fmt: str = "table") -> bytes:
    """``r`` in ``fmt``. Graph results accept turtle/nt (and 'table' -> Turtle);
    SELECT/ASK results accept table/json/csv/tsv/xml."""
    from medkg.queries.library import QueryError
    if r.kind == "graph":
        if fmt in ("table", "turtle"):
            return to_graph(r, "turtle")
        if fmt in ("nt", "rdfxml", "jsonld"):
            return to_graph(r, fmt)
        raise QueryError(f"format '{fmt}' is for SELECT/ASK results; a CONSTRUCT/DESCRIBE result "
                         f"is a graph: use turtle, nt, rdfxml or jsonld")
    writers = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv, "table": to_table}
    if fmt not in writers:
        raise QueryError(f"format '{fmt}' is for CONSTRUCT/DESCRIBE results; use one of "
                         f"{', '.join(SELECT_FORMATS)}")
    return writers[fmt](r)


def table(solutions) -> str:
    """Backward-compatible helper: a pyoxigraph QuerySolutions as a text table."""
    return to_table(from_oxigraph(solutions)).decode("utf-8")
