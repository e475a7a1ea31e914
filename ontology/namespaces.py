"""Namespaces and deterministic IRIs used everywhere in medkg.

IRIs depend only on (entity type, canonical name) or the article stem, so
re-ingesting the same text always yields the same nodes, and the same
institution named identically in two articles is one node.
"""

import hashlib
import re
import unicodedata
from urllib.parse import quote, unquote

from rdflib import Namespace
from rdflib.namespace import DCTERMS as DCT, OWL, RDF, RDFS, SKOS, XSD, PROV

BASE = "https://w3id.org/medkg/"
MKG = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
ARTICLE = Namespace(BASE + "article/")
SDO = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")

#: named graph holding the ontology and the SKOS specialty scheme
ONTOLOGY_GRAPH = GRAPH["ontology"]

PREFIXES = {
    "mkg": str(MKG), "schema": str(SDO), "org": str(ORG), "prov": str(PROV),
    "nif": str(NIF), "skos": str(SKOS), "owl": str(OWL), "rdf": str(RDF),
    "rdfs": str(RDFS), "xsd": str(XSD), "dct": str(DCT), "wd": str(WD),
    "id": str(ID), "article": str(ARTICLE), "mkgg": str(GRAPH),
}

#: entity type -> IRI path segment
TYPE_SEGMENT = {
    "Person": "person", "Organization": "org", "Event": "event",
    "Specialty": "specialty", "Country": "country", "Place": "place",
}


def slug(text: str, max_len: int = 80) -> str:
    """ASCII, lower-case, hyphenated; long names get a short hash suffix to stay unique."""
    norm = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    norm = norm.lower().replace("&", " and ")
    s = re.sub(r"[^a-z0-9]+", "-", norm).strip("-") or "x"
    if len(s) > max_len or not norm.strip():
        digest = hashlib.sha1(str(text).encode("utf-8")).hexdigest()[:10]
        s = s[:max_len].rstrip("-") + "-" + digest
    return s


def entity_iri(etype: str, name: str):
    """The IRI of an entity of ``etype`` (Person, Organization, ...) with canonical ``name``."""
    return ID[f"{TYPE_SEGMENT[etype]}/{slug(name)}"]


def _stem_segment(stem: str) -> str:
    return quote(str(stem), safe="-_.~")


def graph_iri(stem: str):
    """The named graph holding everything extracted from article ``stem``."""
    return GRAPH[f"article/{_stem_segment(stem)}"]


#: the IRI prefix of every article graph (``graph_iri(stem)``)
ARTICLE_GRAPH_PREFIX = str(GRAPH["article/"])


def article_iri(stem: str):
    """The schema:NewsArticle node of article ``stem``."""
    return ARTICLE[_stem_segment(stem)]


def stem_of_graph(iri) -> str | None:
    """Inverse of :func:`graph_iri` (None for graphs that are not article graphs)."""
    prefix = str(GRAPH["article/"])
    s = str(iri)
    return unquote(s[len(prefix):]) if s.startswith(prefix) else None
