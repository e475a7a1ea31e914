"""Load the ontology, the SKOS specialty scheme and the SHACL shapes shipped with medkg."""

from __future__ import annotations

import functools
from pathlib import Path

import rdflib

from medkg.ontology.namespaces import MKG, ONTOLOGY_GRAPH, PREFIXES

HERE = Path(__file__).resolve().parent
#: files that make up the ontology graph stored beside the articles
ONTOLOGY_FILES = ("medkg.ttl", "specialties.ttl")
SHAPES_FILE = "shapes.ttl"


def _parse(names) -> rdflib.Graph:
    g = rdflib.Graph()
    for k, v in PREFIXES.items():
        g.bind(k, v)
    for name in names:
        path = HERE / name
        if path.exists():
            g.parse(path, format="turtle")
    return g


@functools.lru_cache(maxsize=1)
def ontology_graph() -> rdflib.Graph:
    """The OWL ontology plus the SKOS specialty scheme (one rdflib Graph)."""
    return _parse(ONTOLOGY_FILES)


@functools.lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    """The SHACL shapes that medkg's output must satisfy."""
    return _parse([SHAPES_FILE])


def ontology_version() -> str:
    g = ontology_graph()
    from rdflib.namespace import OWL
    for v in g.objects(rdflib.URIRef(str(MKG).rstrip("#")), OWL.versionInfo):
        return str(v)
    return "0"


def ensure_ontology(store) -> None:
    """Put the shipped ontology graph into ``store`` when it is missing or outdated."""
    import pyoxigraph as ox
    g = ox.NamedNode(str(ONTOLOGY_GRAPH))
    onto = ontology_graph()
    current = sum(1 for _ in store.oxigraph.quads_for_pattern(None, None, None, g))
    if current != len(onto):
        store.set_ontology(onto)
