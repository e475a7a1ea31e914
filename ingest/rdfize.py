"""Turn an :class:`~medkg.ingest.model.Extraction` into the RDF triples of its article graph.

Provenance design (see docs/decisions.md):

* the article is a ``schema:NewsArticle`` (also ``prov:Entity``, ``nif:Context``) with
  ``schema:identifier`` = file stem, and ``schema:mentions`` every entity it mentions;
* every mention and every evidence sentence is a NIF string node
  ``<article-iri#char=B,E>`` (RFC 5147 offsets) with ``nif:beginIndex``, ``nif:endIndex``,
  ``nif:anchorOf`` and ``nif:referenceContext``; mentions point to their entity with
  ``nif:taIdentRef``;
* every extracted fact (relation, date, count) is also an ``rdf:Statement`` typed
  ``mkg:Fact`` with ``prov:wasDerivedFrom`` its sentence, ``prov:wasQuotedFrom`` the
  article and ``mkg:confidence``; an affiliation with a post is an ``org:Membership``.
"""

from __future__ import annotations

import functools
import hashlib
from decimal import Decimal

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD, PROV

from medkg import __version__
from medkg.ingest.model import Extraction, Span
from medkg.ontology.namespaces import ID, MKG, NIF, ORG, SDO, WD, article_iri, entity_iri, slug

TYPE_CLASS = {
    "Person": SDO.Person, "Organization": SDO.Organization, "Event": SDO.Event,
    "Specialty": SDO.MedicalSpecialty, "Country": SDO.Country, "Place": SDO.Place,
}
PREDICATE = {
    "affiliation": SDO.affiliation, "nationality": SDO.nationality, "organizer": SDO.organizer,
    "attendee": SDO.attendee, "about": SDO.about, "participantCountry": MKG.participantCountry,
    "location": SDO.location, "parentOrganization": SDO.parentOrganization,
    "specialty": SDO.medicalSpecialty,
}
EXTRACTOR = f"medkg {__version__}"


def node_for(entity) -> URIRef:
    """The IRI of an extracted entity: the SKOS concept for mapped specialties, else minted."""
    if entity.type == "Specialty" and entity.concept:
        return URIRef(entity.concept)
    return entity_iri(entity.type, entity.name)


def date_literal(value: str) -> Literal:
    if value.startswith("--"):
        return Literal(value, datatype=XSD.gMonthDay)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    if len(value) == 4:
        return Literal(value, datatype=XSD.gYear)
    return Literal(value, datatype=XSD.date)


@functools.lru_cache(maxsize=1 << 12)        # a handful of distinct values; literals are immutable
def confidence_literal(value: float) -> Literal:
    """``xsd:decimal`` literal with a Decimal value (a float value would make the literal
    ill-typed for SHACL's sh:datatype xsd:decimal check on in-memory graphs)."""
    return Literal(Decimal(str(round(float(value), 3))), datatype=XSD.decimal)


def _h(*parts) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


# Terms used for every article, looked up once (rdflib's namespace attribute access
# and term construction dominate to_triples otherwise).
_TYPE, _SUBJECT, _PREDICATE, _OBJECT, _STATEMENT = RDF.type, RDF.subject, RDF.predicate, RDF.object, RDF.Statement
_LABEL = RDFS.label
_NEWS, _SDO_ID, _HEADLINE, _SDO_NAME = SDO.NewsArticle, SDO.identifier, SDO.headline, SDO.name
_PUBLISHED, _URL, _WORDS, _MENTIONS, _ALT = SDO.datePublished, SDO.url, SDO.wordCount, SDO.mentions, SDO.alternateName
_START, _END = SDO.startDate, SDO.endDate
_PROV_ENTITY, _QUOTED, _DERIVED = PROV.Entity, PROV.wasQuotedFrom, PROV.wasDerivedFrom
_CONTEXT, _STRING, _PHRASE, _SENTENCE = NIF.Context, NIF.String, NIF.Phrase, NIF.Sentence
_BEGIN, _ENDI, _ANCHOR, _REFCTX, _IDENT = NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext, NIF.taIdentRef
_HASH, _EXTRACTOR, _SOURCE, _CONFIDENCE, _FACT = MKG.contentHash, MKG.extractor, MKG.sourcePath, MKG.confidence, MKG.Fact
_COUNTRY_CODE, _ROLE_TITLE = MKG.countryCode, MKG.roleTitle
_CONCEPT, _SAME_AS = SKOS.Concept, OWL.sameAs
_MEMBERSHIP, _MEMBER, _ORGANIZATION, _ROLE, _ROLE_CLASS = ORG.Membership, ORG.member, ORG.organization, ORG.role, ORG.Role
_NNI, _ANY_URI, _INTEGER = XSD.nonNegativeInteger, XSD.anyURI, XSD.integer
_FACT_NS, _MEMBERSHIP_NS, _ROLE_NS = str(ID["fact/"]), str(ID["membership/"]), str(ID["role/"])


@functools.lru_cache(maxsize=1 << 13)
def _offset(i: int) -> Literal:
    """``xsd:nonNegativeInteger`` literal of a character offset (immutable, so shared)."""
    return Literal(i, datatype=_NNI)


@functools.lru_cache(maxsize=1 << 10)
def _subtype(name: str) -> URIRef:
    return SDO[name]


@functools.lru_cache(maxsize=1 << 10)
def _count_predicate(name: str) -> URIRef:
    return MKG[name]


def to_triples(ex: Extraction, extractor: str = EXTRACTOR) -> list[tuple]:
    """All triples of the article graph for ``ex`` (deterministic for the same input)."""
    art = ex.article
    text = art.text
    stem = art.stem
    a = article_iri(stem)
    out: list[tuple] = []
    add = out.append

    add((a, _TYPE, _NEWS))
    add((a, _TYPE, _PROV_ENTITY))
    add((a, _TYPE, _CONTEXT))
    add((a, _SDO_ID, Literal(stem)))
    add((a, _HASH, Literal(art.content_hash)))
    add((a, _EXTRACTOR, Literal(extractor)))
    if art.title:
        title = Literal(art.title)
        add((a, _HEADLINE, title))
        add((a, _SDO_NAME, title))
    if art.date:
        add((a, _PUBLISHED, date_literal(art.date)))
    if art.url:
        add((a, _URL, Literal(art.url, datatype=_ANY_URI)))
    if art.source:
        add((a, _SOURCE, Literal(art.source)))
    add((a, _WORDS, Literal(len(text.split()))))

    span_prefix = f"{a}#char="
    spans: dict[tuple[int, int, URIRef], URIRef] = {}   # a span node's triples are the same every time

    def span_node(span: Span, cls) -> URIRef:
        start, end = span.start, span.end
        key = (start, end, cls)
        n = spans.get(key)
        if n is not None:
            return n
        n = URIRef(f"{span_prefix}{start},{end}")
        spans[key] = n
        add((n, _TYPE, cls))
        add((n, _TYPE, _STRING))
        add((n, _BEGIN, _offset(start)))
        add((n, _ENDI, _offset(end)))
        add((n, _ANCHOR, Literal(text[start:end])))
        add((n, _REFCTX, a))
        return n

    # one mkg:confidence per node (the highest), even when two extracted items map to it
    confidences: dict[URIRef, float] = {}

    def set_confidence(node: URIRef, value: float) -> None:
        value = float(value)
        old = confidences.get(node)
        if old is None or value > old:
            confidences[node] = value

    def fact(s, p, o, evidence: Span | None, confidence: float) -> URIRef:
        f = URIRef(_FACT_NS + _h(stem, s, p, o))
        add((f, _TYPE, _STATEMENT))
        add((f, _TYPE, _FACT))
        add((f, _SUBJECT, s))
        add((f, _PREDICATE, p))
        add((f, _OBJECT, o))
        add((f, _QUOTED, a))
        set_confidence(f, confidence)
        if evidence is not None:
            add((f, _DERIVED, span_node(evidence, _SENTENCE)))
        return f

    nodes = {}
    for key, e in ex.entities.items():
        n = node_for(e)
        nodes[key] = n
        add((n, _TYPE, TYPE_CLASS[e.type]))
        for sub in e.subtypes:
            add((n, _TYPE, _subtype(sub)))
        name = Literal(e.name)
        add((n, _SDO_NAME, name))
        add((n, _LABEL, name))
        for alias in sorted(e.aliases - {e.name}):
            add((n, _ALT, Literal(alias)))
        if e.type == "Specialty" and e.concept:
            add((n, _TYPE, _CONCEPT))
        if e.type == "Country" and e.concept:
            add((n, _COUNTRY_CODE, Literal(e.concept)))
            from medkg.ontology.countries import wikidata_id  # local: keeps import light
            qid = wikidata_id(e.concept)
            if qid:
                add((n, _SAME_AS, WD[qid]))
        add((a, _MENTIONS, n))
        for m in e.mentions:
            mn = span_node(m, _PHRASE)
            add((mn, _IDENT, n))
            set_confidence(mn, e.confidence)
        if e.date:
            lit = date_literal(e.date)
            add((n, _START, lit))
            fact(n, _START, lit, e.evidence.get("date"), e.confidence)
        if e.end_date:
            lit = date_literal(e.end_date)
            add((n, _END, lit))
            fact(n, _END, lit, e.evidence.get("end_date"), e.confidence)
        for ckey, value in sorted(e.counts.items()):
            lit = Literal(int(value), datatype=_INTEGER)
            p = _count_predicate(ckey)
            add((n, p, lit))
            fact(n, p, lit, e.evidence.get(ckey), e.confidence)

    for r in ex.relations:
        s, o = nodes.get(r.subject), nodes.get(r.object)
        if s is None or o is None:
            continue
        p = PREDICATE[r.predicate]
        add((s, p, o))
        f = fact(s, p, o, r.evidence, r.confidence)
        if r.predicate == "affiliation" and r.title:
            m = URIRef(_MEMBERSHIP_NS + _h(s, o, r.title.lower()))
            role = URIRef(_ROLE_NS + slug(r.title))
            add((m, _TYPE, _MEMBERSHIP))
            add((m, _MEMBER, s))
            add((m, _ORGANIZATION, o))
            add((m, _ROLE, role))
            add((m, _ROLE_TITLE, Literal(r.title)))
            add((m, _DERIVED, f))
            add((role, _TYPE, _ROLE_CLASS))
            add((role, _LABEL, Literal(r.title.lower())))
    for node, value in confidences.items():
        add((node, _CONFIDENCE, confidence_literal(value)))
    # set semantics, stable order
    return sorted(set(out), key=_sort_key)


def _sort_key(t: tuple) -> tuple[str, str, str]:
    return (str(t[0]), str(t[1]), str(t[2]))


__all__ = ["to_triples", "node_for", "date_literal", "BNode"]
