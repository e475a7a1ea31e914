"""SHACL validation of medkg graphs (pySHACL, no inference) plus a vocabulary check.

``validate(graph)`` checks ``graph`` (normally the union of all article graphs) against
``shapes.ttl`` and also reports every ``mkg:`` term the data uses that the ontology
does not declare (a typo in a property name, or a new count key nobody declared).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

import rdflib
from rdflib import RDF, RDFS, BNode, Literal, URIRef
from rdflib.namespace import SH

from medkg.ontology.load import ontology_graph, shapes_graph
from medkg.ontology.namespaces import MKG, PREFIXES, SDO

#: the classes whose union is mkg:Entity (see shapes.ttl)
ENTITY_CLASSES = (SDO.Person, SDO.Organization, SDO.Event, SDO.MedicalSpecialty, SDO.Country, SDO.Place)
#: how many example results the text report shows per kind of problem
EXAMPLES_PER_PROBLEM = 5


@dataclass
class ValidationResult:
    conforms: bool
    violations: int
    text: str
    report: rdflib.Graph


@functools.lru_cache(maxsize=1)
def declared_terms() -> frozenset[URIRef]:
    """Every ``mkg:`` IRI the ontology (medkg.ttl + specialties.ttl) declares with a type."""
    g = ontology_graph()
    return frozenset(s for s in g.subjects(RDF.type, None)
                     if isinstance(s, URIRef) and str(s).startswith(str(MKG)))


def undeclared_terms(data: rdflib.Graph) -> dict[URIRef, int]:
    """``mkg:`` predicates and classes used in ``data`` that the ontology does not declare -> uses."""
    declared = declared_terms()
    found: dict[URIRef, int] = defaultdict(int)
    mkg = str(MKG)
    for p in set(data.predicates()):
        if isinstance(p, URIRef) and str(p).startswith(mkg) and p not in declared:
            found[p] += sum(1 for _ in data.triples((None, p, None)))
    for c in set(data.objects(None, RDF.type)):
        if isinstance(c, URIRef) and str(c).startswith(mkg) and c not in declared:
            found[c] += sum(1 for _ in data.subjects(RDF.type, c))
    return dict(found)


def _short(term, nm) -> str:
    if term is None:
        return "-"
    if isinstance(term, Literal):
        dt = f"^^{term.datatype.n3(nm)}" if term.datatype else ""
        s = str(term)
        return f'"{s[:60]}{"..." if len(s) > 60 else ""}"{dt}'
    if isinstance(term, BNode):
        return "[blank node]"
    try:
        return term.n3(nm)
    except Exception:  # not expressible as a CURIE
        return f"<{term}>"


def _describe(report: rdflib.Graph, nm, total: int) -> str:
    """A grouped, readable report: one block per kind of problem, with a few examples."""
    groups: dict[tuple, list] = defaultdict(list)
    for r in report.subjects(RDF.type, SH.ValidationResult):
        sev = report.value(r, SH.resultSeverity)
        msg = report.value(r, SH.resultMessage)
        path = report.value(r, SH.resultPath)
        shape = report.value(r, SH.sourceShape)
        key = (_short(sev, nm).split(":")[-1], str(msg) if msg is not None else "constraint not met",
               _short(path, nm) if path is not None else "", _short(shape, nm) if isinstance(shape, URIRef) else "")
        groups[key].append((report.value(r, SH.focusNode), report.value(r, SH.value)))
    lines = [f"SHACL validation: {total} violation{'s' if total != 1 else ''} "
             f"in {len(groups)} kind{'s' if len(groups) != 1 else ''} of problem"]
    for (sev, msg, path, shape), items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        where = "; ".join(x for x in (f"path {path}" if path else "", f"shape {shape}" if shape else "") if x)
        lines.append(f"\n[{sev}] {msg} ({len(items)}x{'; ' + where if where else ''})")
        for focus, value in sorted(items, key=lambda fv: (str(fv[0]), str(fv[1])))[:EXAMPLES_PER_PROBLEM]:
            v = f"  value {_short(value, nm)}" if value is not None else ""
            lines.append(f"  - {_short(focus, nm)}{v}")
        if len(items) > EXAMPLES_PER_PROBLEM:
            lines.append(f"  ... and {len(items) - EXAMPLES_PER_PROBLEM} more")
    return "\n".join(lines)


def _shacl(data: rdflib.Graph) -> tuple[bool, rdflib.Graph]:
    """pySHACL on one graph plus the vocabulary check -> (conforms, report graph)."""
    from pyshacl import validate as shacl
    # mkg:Entity = union of the entity classes: add the subclass axioms for the run only
    axioms = [(c, RDFS.subClassOf, MKG.Entity) for c in ENTITY_CLASSES]
    added = [t for t in axioms if t not in data]
    for t in added:
        data.add(t)
    try:
        conforms, report, _ = shacl(data, shacl_graph=shapes_graph(), inference="none",
                                    abort_on_first=False, allow_warnings=True, advanced=True,
                                    meta_shacl=False, inplace=True)
    finally:
        for t in added:
            data.remove(t)
    # vocabulary check: undeclared mkg: terms, as extra sh:ValidationResults in the report
    undeclared = undeclared_terms(data)
    if undeclared:
        rep = next(report.subjects(RDF.type, SH.ValidationReport), None)
        for term, uses in sorted(undeclared.items()):
            r = BNode()
            report.add((r, RDF.type, SH.ValidationResult))
            report.add((r, SH.resultSeverity, SH.Violation))
            report.add((r, SH.focusNode, term))
            report.add((r, SH.resultMessage, Literal(
                f"term not declared in the medkg ontology (ontology/medkg.ttl), used {uses} times")))
            if rep is not None:
                report.add((rep, SH.result, r))
        if rep is not None:
            report.set((rep, SH.conforms, Literal(False)))
        conforms = False
    return bool(conforms), report


def _result(conforms: bool, report: rdflib.Graph) -> ValidationResult:
    report.bind("sh", SH)
    for k, v in PREFIXES.items():
        report.bind(k, v)
    violations = sum(1 for r in report.subjects(RDF.type, SH.ValidationResult)
                     if (r, SH.resultSeverity, SH.Violation) in report)
    text = "SHACL validation: conforms" if conforms else _describe(report, report.namespace_manager, violations)
    return ValidationResult(conforms=conforms, violations=violations, text=text, report=report)


def validate(data, workers: int | None = None) -> ValidationResult:
    """Validate ``data`` against medkg's SHACL shapes (and the vocabulary check).

    ``data`` is an rdflib Graph (e.g. a union graph of articles) or a medkg
    :class:`~medkg.graph.store.Store`. A store is validated article graph by article
    graph, in chunks of about :data:`CHUNK_TRIPLES` triples (in ``workers`` processes
    for big stores): every article graph carries the types and names of the entities
    it uses, so the result is the same as for the union, in bounded memory.

    No inference and no ontology mixing: types must be asserted in the data (as the
    scoring contract requires), which keeps validation linear in the size of the data.
    """
    if isinstance(data, rdflib.Graph):
        return _result(*_shacl(data))
    return _validate_store(data, workers)


# ------------------------------------------------------------------ stores, in chunks

#: target size of one validation chunk (whole article graphs are never split)
CHUNK_TRIPLES = 100_000


def _chunks(store):
    """N-Triples bytes of groups of whole graphs (all named graphs but the ontology's).

    The store's default graph is the merged copy of the article graphs, so it is skipped.
    """
    from medkg.ontology.namespaces import ONTOLOGY_GRAPH
    onto = str(ONTOLOGY_GRAPH)
    ox_store = store.oxigraph
    from medkg.graph.store import ARTICLE_GRAPH_PREFIX
    # the article graphs only (not the ontology nor the store's derived side graphs)
    graphs = sorted((g for g in ox_store.named_graphs()
                     if g.value != onto and g.value.startswith(ARTICLE_GRAPH_PREFIX)), key=lambda g: g.value)
    batch: list = []
    for g in graphs:
        batch.extend(q.triple for q in ox_store.quads_for_pattern(None, None, None, g))
        if len(batch) >= CHUNK_TRIPLES:
            yield _nt(batch)
            batch = []
    if batch:
        yield _nt(batch)


def _nt(triples) -> bytes:
    import io
    import pyoxigraph as ox
    buf = io.BytesIO()
    ox.serialize(triples, buf, ox.RdfFormat.N_TRIPLES)
    return buf.getvalue()


def _term(t):
    """pyoxigraph term -> rdflib term (typed literals keep their lexical form)."""
    import pyoxigraph as ox
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    dt = t.datatype.value
    if dt == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(t.value)
    return Literal(t.value, datatype=URIRef(dt), normalize=False)


def _validate_chunk(data: bytes) -> tuple[bool, list]:
    import pyoxigraph as ox
    g = rdflib.Graph()
    for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
        g.add((_term(t.subject), _term(t.predicate), _term(t.object)))
    conforms, report = _shacl(g)
    # only the results travel back (the report node is rebuilt by the caller)
    results = [] if conforms else [t for r in report.subjects(RDF.type, SH.ValidationResult)
                                   for t in _closure(report, r)]
    return conforms, results


def _closure(g: rdflib.Graph, node) -> list:
    out, todo, seen = [], [node], set()
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        for p, o in g.predicate_objects(n):
            out.append((n, p, o))
            if isinstance(o, BNode):
                todo.append(o)
    return out


def _validate_store(store, workers: int | None) -> ValidationResult:
    import itertools
    import os
    chunks = _chunks(store)
    head = list(itertools.islice(chunks, 2))
    chunks = itertools.chain(head, chunks)
    if workers is None:
        workers = 1 if len(head) < 2 else min(4, os.cpu_count() or 1)
    results: list[tuple[bool, list]] = []
    if workers <= 1:
        results = [_validate_chunk(c) for c in chunks]
    else:
        import multiprocessing as mp
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        with ctx.Pool(workers) as pool:
            pending = []
            for c in chunks:                      # at most 2 chunks per worker in flight
                pending.append(pool.apply_async(_validate_chunk, (c,)))
                while len(pending) >= 2 * workers:
                    results.append(pending.pop(0).get())
            results.extend(p.get() for p in pending)
    report = rdflib.Graph()
    rep = BNode()
    report.add((rep, RDF.type, SH.ValidationReport))
    conforms = all(ok for ok, _ in results)
    report.add((rep, SH.conforms, Literal(conforms)))
    for _, triples in results:
        for t in triples:
            report.add(t)
            if t[1] == RDF.type and t[2] == SH.ValidationResult:
                report.add((rep, SH.result, t[0]))
    return _result(conforms, report)
