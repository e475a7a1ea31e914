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


def confidence_literal(value: float) -> Literal:
    """``xsd:decimal`` literal with a Decimal value (a float value would make the literal
    ill-typed for SHACL's sh:datatype xsd:decimal check on in-memory graphs)."""
    return Literal(Decimal(str(round(float(value), 3))), datatype=XSD.decimal)


def _h(*parts) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def to_triples(ex: Extraction, extractor: str = EXTRACTOR) -> list[tuple]:
    """All triples of the article graph for ``ex`` (deterministic for the same input)."""
    art = ex.article
    text = art.text
    a = article_iri(art.stem)
    out: list[tuple] = []
    add = out.append

    add((a, RDF.type, SDO.NewsArticle))
    add((a, RDF.type, PROV.Entity))
    add((a, RDF.type, NIF.Context))
    add((a, SDO.identifier, Literal(art.stem)))
    add((a, MKG.contentHash, Literal(art.content_hash)))
    add((a, MKG.extractor, Literal(extractor)))
    if art.title:
        add((a, SDO.headline, Literal(art.title)))
        add((a, SDO.name, Literal(art.title)))
    if art.date:
        add((a, SDO.datePublished, date_literal(art.date)))
    if art.url:
        add((a, SDO.url, Literal(art.url, datatype=XSD.anyURI)))
    if art.source:
        add((a, MKG.sourcePath, Literal(art.source)))
    add((a, SDO.wordCount, Literal(len(text.split()))))

    def span_node(span: Span, cls) -> URIRef:
        n = URIRef(f"{a}#char={span.start},{span.end}")
        add((n, RDF.type, cls))
        add((n, RDF.type, NIF.String))
        add((n, NIF.beginIndex, Literal(span.start, datatype=XSD.nonNegativeInteger)))
        add((n, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger)))
        add((n, NIF.anchorOf, Literal(text[span.start:span.end])))
        add((n, NIF.referenceContext, a))
        return n

    # one mkg:confidence per node (the highest), even when two extracted items map to it
    confidences: dict[URIRef, float] = {}

    def set_confidence(node: URIRef, value: float) -> None:
        confidences[node] = max(float(value), confidences.get(node, float("-inf")))

    def fact(s, p, o, evidence: Span | None, confidence: float) -> URIRef:
        f = ID[f"fact/{_h(art.stem, s, p, o)}"]
        add((f, RDF.type, RDF.Statement))
        add((f, RDF.type, MKG.Fact))
        add((f, RDF.subject, s))
        add((f, RDF.predicate, p))
        add((f, RDF.object, o))
        add((f, PROV.wasQuotedFrom, a))
        set_confidence(f, confidence)
        if evidence is not None:
            add((f, PROV.wasDerivedFrom, span_node(evidence, NIF.Sentence)))
        return f

    nodes = {}
    for key, e in ex.entities.items():
        n = node_for(e)
        nodes[key] = n
        add((n, RDF.type, TYPE_CLASS[e.type]))
        for sub in e.subtypes:
            add((n, RDF.type, SDO[sub]))
        add((n, SDO.name, Literal(e.name)))
        add((n, RDFS.label, Literal(e.name)))
        for alias in sorted(e.aliases - {e.name}):
            add((n, SDO.alternateName, Literal(alias)))
        if e.type == "Specialty" and e.concept:
            add((n, RDF.type, SKOS.Concept))
        if e.type == "Country" and e.concept:
            add((n, MKG.countryCode, Literal(e.concept)))
            from medkg.ontology.countries import wikidata_id  # local: keeps import light
            qid = wikidata_id(e.concept)
            if qid:
                add((n, OWL.sameAs, WD[qid]))
        add((a, SDO.mentions, n))
        for m in e.mentions:
            mn = span_node(m, NIF.Phrase)
            add((mn, NIF.taIdentRef, n))
            set_confidence(mn, e.confidence)
        if e.date:
            lit = date_literal(e.date)
            add((n, SDO.startDate, lit))
            fact(n, SDO.startDate, lit, e.evidence.get("date"), e.confidence)
        if e.end_date:
            lit = date_literal(e.end_date)
            add((n, SDO.endDate, lit))
            fact(n, SDO.endDate, lit, e.evidence.get("end_date"), e.confidence)
        for ckey, value in sorted(e.counts.items()):
            lit = Literal(int(value), datatype=XSD.integer)
            add((n, MKG[ckey], lit))
            fact(n, MKG[ckey], lit, e.evidence.get(ckey), e.confidence)

    for r in ex.relations:
        s, o = nodes.get(r.subject), nodes.get(r.object)
        if s is None or o is None:
            continue
        p = PREDICATE[r.predicate]
        add((s, p, o))
        f = fact(s, p, o, r.evidence, r.confidence)
        if r.predicate == "affiliation" and r.title:
            m = ID[f"membership/{_h(s, o, r.title.lower())}"]
            role = ID[f"role/{slug(r.title)}"]
            add((m, RDF.type, ORG.Membership))
            add((m, ORG.member, s))
            add((m, ORG.organization, o))
            add((m, ORG.role, role))
            add((m, MKG.roleTitle, Literal(r.title)))
            add((m, PROV.wasDerivedFrom, f))
            add((role, RDF.type, ORG.Role))
            add((role, RDFS.label, Literal(r.title.lower())))
    for node, value in confidences.items():
        add((node, MKG.confidence, confidence_literal(value)))
    # set semantics, stable order
    return sorted(set(out), key=lambda t: (str(t[0]), str(t[1]), str(t[2])))


__all__ = ["to_triples", "node_for", "date_literal", "BNode"]
