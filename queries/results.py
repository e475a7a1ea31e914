"""Run SPARQL on the store and format the results."""

from __future__ import annotations

import io

import pyoxigraph as ox

from medkg.errors import MedkgError

RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
                  "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML}


def run(store, sparql: str):
    try:
        return store.query(sparql)
    except SyntaxError as exc:
        raise MedkgError(f"SPARQL syntax error: {exc}") from None


def run_and_format(store, sparql: str, fmt: str = "table") -> bytes:
    res = run(store, sparql)
    if isinstance(res, ox.QueryBoolean):
        return (b"true\n" if bool(res) else b"false\n") if fmt == "table" else _serialize_bool(res, fmt)
    if isinstance(res, ox.QueryTriples):
        buf = io.BytesIO()
        ox.serialize(res, buf, ox.RdfFormat.TURTLE)
        return buf.getvalue()
    if fmt == "table":
        return table(res).encode("utf-8")
    buf = io.BytesIO()
    res.serialize(buf, RESULT_FORMATS[fmt])
    return buf.getvalue()


def _serialize_bool(res, fmt):
    buf = io.BytesIO()
    res.serialize(buf, RESULT_FORMATS[fmt])
    return buf.getvalue()


def _cell(term) -> str:
    if term is None:
        return ""
    return term.value


def table(solutions) -> str:
    names = [v.value for v in solutions.variables]
    rows = [[_cell(sol[n]) for n in names] for sol in solutions]
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]
    def fmt(cells):
        return "  ".join((c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(cells, widths)).rstrip()
    lines = [fmt(names), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
