"""The SKOS specialty vocabulary (specialties.ttl) as Python objects, for gazetteer matching."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rdflib import RDF, URIRef
from rdflib.namespace import SKOS

from medkg.ontology.load import ontology_graph


@dataclass(frozen=True)
class Concept:
    iri: str
    label: str                      # skos:prefLabel (lower case, singular, expanded)
    alt_labels: tuple[str, ...]     # skos:altLabel (acronyms, variants)
    broader: tuple[str, ...]        # IRIs of broader concepts


@functools.lru_cache(maxsize=1)
def concepts() -> tuple[Concept, ...]:
    """Every skos:Concept of the specialty scheme, sorted by label. Kept in medkg's cache, by
    the ontology's content hash: parsing the Turtle costs ~0.05-0.1 s in every extracting
    process, the cached table ~1 ms."""
    from medkg.fileio import cached
    from medkg.ontology.load import ontology_hash
    return tuple(Concept(*c) for c in cached(f"specialties-{ontology_hash()[:16]}", _read_concepts))


def _read_concepts() -> tuple[tuple, ...]:
    g = ontology_graph()
    out = []
    for c in set(g.subjects(RDF.type, SKOS.Concept)):
        label = next((str(l) for l in g.objects(c, SKOS.prefLabel)), None)
        if not label:
            continue
        out.append((str(c), label, tuple(sorted(str(a) for a in g.objects(c, SKOS.altLabel))),
                    tuple(sorted(str(b) for b in g.objects(c, SKOS.broader)))))
    return tuple(sorted(out, key=lambda x: x[1]))


@functools.lru_cache(maxsize=1)
def surface_index() -> dict[str, Concept]:
    """Lower-cased prefLabel/altLabel -> concept."""
    idx: dict[str, Concept] = {}
    for c in concepts():
        for s in (c.label, *c.alt_labels):
            idx.setdefault(s.lower(), c)
    return idx


def lookup(surface: str) -> Concept | None:
    return surface_index().get(surface.strip().lower())


def by_iri(iri: str | URIRef) -> Concept | None:
    return {c.iri: c for c in concepts()}.get(str(iri))
