"""SHACL validation of medkg graphs (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass

import rdflib

from medkg.ontology.load import ontology_graph, shapes_graph


@dataclass
class ValidationResult:
    conforms: bool
    violations: int
    text: str
    report: rdflib.Graph


def validate(data: rdflib.Graph) -> ValidationResult:
    """Validate ``data`` (a union graph of the articles) against medkg's SHACL shapes."""
    from pyshacl import validate as shacl
    conforms, report, text = shacl(data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(),
                                   inference="none", abort_on_first=False, allow_warnings=True,
                                   advanced=True)
    from rdflib.namespace import SH
    violations = sum(1 for r in report.subjects(rdflib.RDF.type, SH.ValidationResult)
                     if (r, SH.resultSeverity, SH.Violation) in report)
    return ValidationResult(conforms=bool(conforms), violations=violations, text=text, report=report)
