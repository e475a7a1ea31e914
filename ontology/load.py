"""Load the ontology, the SKOS specialty scheme and the SHACL shapes shipped with medkg."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import rdflib

from medkg.ontology.namespaces import MKG, ONTOLOGY_GRAPH, PREFIXES

HERE = Path(__file__).resolve().parent
#: files that make up the ontology graph stored beside the articles
ONTOLOGY_FILES = ("medkg.ttl", "specialties.ttl")
SHAPES_FILE = "shapes.ttl"
#: the owl:Ontology node
ONTOLOGY_IRI = rdflib.URIRef(str(MKG).rstrip("#"))


def _parse(names) -> rdflib.Graph:
    g = rdflib.Graph()
    for k, v in PREFIXES.items():
        g.bind(k, v)
    g.bind("sh", "http://www.w3.org/ns/shacl#")
    for name in names:
        path = HERE / name
        if path.exists():
            g.parse(path, format="turtle")
    return g


@functools.lru_cache(maxsize=1)
def ontology_hash() -> str:
    """SHA-256 of the shipped ontology files (changes whenever one of them is edited)."""
    h = hashlib.sha256()
    for name in ONTOLOGY_FILES:
        path = HERE / name
        if path.exists():
            h.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def ontology_graph() -> rdflib.Graph:
    """The OWL ontology plus the SKOS specialty scheme (one rdflib Graph).

    Carries ``<https://w3id.org/medkg/ontology> mkg:contentHash`` = :func:`ontology_hash`,
    so a store can tell whether its copy is current.
    """
    g = _parse(ONTOLOGY_FILES)
    g.add((ONTOLOGY_IRI, MKG.contentHash, rdflib.Literal(ontology_hash())))
    return g


@functools.lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    """The SHACL shapes that medkg's output must satisfy.

    ``shapes.ttl`` plus two generated shapes per count property (every
    ``rdfs:subPropertyOf mkg:count`` of the ontology): subject a ``schema:Event``,
    value a non-negative ``xsd:integer``.
    """
    from rdflib.namespace import RDFS, SH, XSD
    from medkg.ontology.namespaces import SDO
    g = _parse([SHAPES_FILE])
    shapes = rdflib.Namespace("https://w3id.org/medkg/shapes#")
    g.bind("mkgsh", shapes)
    A = rdflib.RDF.type
    for p in sorted(ontology_graph().subjects(RDFS.subPropertyOf, MKG["count"])):
        name = p.split("#")[-1]
        dom, val = shapes[f"{name}-domain"], shapes[f"{name}-value"]
        g.add((dom, A, SH.NodeShape))
        g.add((dom, SH.targetSubjectsOf, p))
        g.add((dom, SH["class"], SDO.Event))
        g.add((dom, SH.message, rdflib.Literal(f"mkg:{name} is only for schema:Event nodes")))
        g.add((val, A, SH.PropertyShape))
        g.add((val, SH.targetSubjectsOf, p))
        g.add((val, SH.path, p))
        g.add((val, SH.datatype, XSD.integer))
        g.add((val, SH.minInclusive, rdflib.Literal(0)))
        g.add((val, SH.message, rdflib.Literal(f"mkg:{name} must be a non-negative xsd:integer")))
    return g


def ontology_version() -> str:
    g = ontology_graph()
    from rdflib.namespace import OWL
    for v in g.objects(ONTOLOGY_IRI, OWL.versionInfo):
        return str(v)
    return "0"


def ensure_ontology(store) -> None:
    """Put the shipped ontology graph into ``store`` when it is missing or outdated."""
    import pyoxigraph as ox
    g = ox.NamedNode(str(ONTOLOGY_GRAPH))
    stored = [q.object.value for q in store.oxigraph.quads_for_pattern(
        ox.NamedNode(str(ONTOLOGY_IRI)), ox.NamedNode(str(MKG.contentHash)), None, g)]
    if stored != [ontology_hash()]:
        store.set_ontology(ontology_graph())
