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
        where = " ".join(x for x in (f"path {path}" if path else "", f"shape {shape}" if shape else "") if x)
        lines.append(f"\n[{sev}] {msg} ({len(items)}x{'; ' + where if where else ''})")
        for focus, value in sorted(items, key=lambda fv: (str(fv[0]), str(fv[1])))[:EXAMPLES_PER_PROBLEM]:
            v = f"  value {_short(value, nm)}" if value is not None else ""
            lines.append(f"  - {_short(focus, nm)}{v}")
        if len(items) > EXAMPLES_PER_PROBLEM:
            lines.append(f"  ... and {len(items) - EXAMPLES_PER_PROBLEM} more")
    return "\n".join(lines)


def validate(data: rdflib.Graph) -> ValidationResult:
    """Validate ``data`` (a union graph of the articles) against medkg's SHACL shapes.

    No inference and no ontology mixing: types must be asserted in the data (as the
    scoring contract requires), which keeps validation linear in the size of the data.
    """
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
    report.bind("sh", SH)
    for k, v in PREFIXES.items():
        report.bind(k, v)
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
    violations = sum(1 for r in report.subjects(RDF.type, SH.ValidationResult)
                     if (r, SH.resultSeverity, SH.Violation) in report)
    nm = report.namespace_manager
    text = "SHACL validation: conforms" if conforms else _describe(report, nm, violations)
    return ValidationResult(conforms=bool(conforms), violations=violations, text=text, report=report)
