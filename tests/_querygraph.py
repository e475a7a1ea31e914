"""A small invented graph (two articles) with known answers, for exact query assertions.

Shared by the query, server and remote tests. Shapes follow ingest/rdfize.py.
"""

from __future__ import annotations

import hashlib

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from medkg.ontology.namespaces import ID, MKG, NIF, ORG, SDO, article_iri

SPEC = "https://w3id.org/medkg/id/specialty/"
P = {k: ID[f"person/{k}"] for k in ("alice", "bob", "carol", "dave")}
O = {k: ID[f"org/{k}"] for k in ("wlh", "rct", "dept", "ut")}
C = {k: ID[f"country/{k}"] for k in ("china", "uk", "chile")}
E = {k: ID[f"event/{k}"] for k in ("forum", "workshop", "second")}
HANGZHOU = ID["place/hangzhou"]
SURGERY, THORACIC, ENDO = URIRef(SPEC + "surgery"), URIRef(SPEC + "thoracic-surgery"), ID["specialty/endoscopy"]
NAMES = {P["alice"]: "Alice Zhang", P["bob"]: "Bob Smith", P["carol"]: "Carol Diaz", P["dave"]: "Dave Li",
         O["wlh"]: "West Lake Hospital", O["rct"]: "Royal College of Testing", O["dept"]: "Department of Surgery",
         O["ut"]: "Universidad de Prueba", C["china"]: "China", C["uk"]: "United Kingdom", C["chile"]: "Chile",
         E["forum"]: "Forum on Thoracic Testing", E["workshop"]: "Workshop on Endoscopy",
         E["second"]: "Second Forum on Thoracic Testing", HANGZHOU: "Hangzhou",
         SURGERY: "surgery", THORACIC: "thoracic surgery", ENDO: "endoscopy"}
TYPES = {**{p: SDO.Person for p in P.values()}, **{o: SDO.Organization for o in O.values()},
         **{c: SDO.Country for c in C.values()}, **{e: SDO.Event for e in E.values()},
         HANGZHOU: SDO.Place, SURGERY: SDO.MedicalSpecialty, THORACIC: SDO.MedicalSpecialty, ENDO: SDO.MedicalSpecialty}
CODES = {C["china"]: "CN", C["uk"]: "GB", C["chile"]: "CL"}
SENTENCE = "Alice Zhang of West Lake Hospital attended the forum."
TEXT1 = "Intro. " + SENTENCE + " More text follows here."


def _entity(out, node, art):
    out += [(node, RDF.type, TYPES[node]), (node, SDO.name, Literal(NAMES[node])),
            (node, RDFS.label, Literal(NAMES[node])), (art, SDO.mentions, node)]
    if node in CODES:
        out.append((node, MKG.countryCode, Literal(CODES[node])))
    if node == C["uk"]:
        out.append((node, SDO.alternateName, Literal("UK")))


def _fact(out, art, s, p, o, sent=None, conf=0.9):
    f = ID["fact/" + hashlib.sha1(f"{art} {s} {p} {o}".encode()).hexdigest()[:16]]
    out += [(f, RDF.type, RDF.Statement), (f, RDF.type, MKG.Fact), (f, RDF.subject, s), (f, RDF.predicate, p),
            (f, RDF.object, o), (f, PROV.wasQuotedFrom, art), (f, MKG.confidence, Literal(conf, datatype=XSD.decimal))]
    if sent is not None:
        out.append((f, PROV.wasDerivedFrom, sent))
    return f


def article1():
    art = article_iri("inv1")
    out = [(art, RDF.type, SDO.NewsArticle), (art, SDO.identifier, Literal("inv1")),
           (art, SDO.headline, Literal("Invented article one")),
           (art, SDO.datePublished, Literal("2023-05-02", datatype=XSD.date))]
    for n in [*P.values(), *O.values(), *C.values(), E["forum"], E["workshop"], HANGZHOU, THORACIC, ENDO]:
        _entity(out, n, art)
    b = TEXT1.index(SENTENCE)
    sent = URIRef(f"{art}#char={b},{b + len(SENTENCE)}")
    out += [(sent, RDF.type, NIF.Sentence), (sent, RDF.type, NIF.String), (sent, NIF.anchorOf, Literal(SENTENCE)),
            (sent, NIF.beginIndex, Literal(b, datatype=XSD.nonNegativeInteger)),
            (sent, NIF.endIndex, Literal(b + len(SENTENCE), datatype=XSD.nonNegativeInteger)),
            (sent, NIF.referenceContext, art)]
    rels = [
        (P["alice"], SDO.nationality, C["china"]), (P["dave"], SDO.nationality, C["china"]),
        (P["bob"], SDO.nationality, C["uk"]), (P["carol"], SDO.nationality, C["chile"]),
        (P["alice"], SDO.affiliation, O["wlh"]), (P["dave"], SDO.affiliation, O["dept"]),
        (P["bob"], SDO.affiliation, O["rct"]), (P["carol"], SDO.affiliation, O["ut"]),
        (O["wlh"], SDO.location, HANGZHOU), (HANGZHOU, SDO.containedInPlace, C["china"]),
        (O["rct"], SDO.location, C["uk"]), (O["dept"], SDO.parentOrganization, O["wlh"]),
        (E["forum"], SDO.organizer, O["wlh"]), (E["forum"], SDO.organizer, O["rct"]),
        (E["forum"], SDO.attendee, P["alice"]), (E["forum"], SDO.attendee, P["bob"]),
        (E["forum"], SDO.attendee, P["carol"]), (E["forum"], SDO.about, THORACIC),
        (E["forum"], MKG.participantCountry, C["uk"]), (E["forum"], MKG.participantCountry, C["chile"]),
        (E["forum"], SDO.location, HANGZHOU),
        (E["workshop"], SDO.organizer, O["wlh"]), (E["workshop"], SDO.organizer, O["ut"]),
        (E["workshop"], SDO.attendee, P["alice"]), (E["workshop"], SDO.attendee, P["bob"]),
        (E["workshop"], SDO.about, ENDO),
    ]
    out += rels
    out += [(E["forum"], SDO.startDate, Literal("2023-04-20", datatype=XSD.date)),
            (E["forum"], MKG.participantCount, Literal(50, datatype=XSD.integer)),
            (E["workshop"], SDO.startDate, Literal("--06-01", datatype=XSD.gMonthDay))]
    for s, p, o in rels:
        _fact(out, art, s, p, o, sent if (p, o) == (SDO.attendee, P["alice"]) and s == E["forum"] else None,
              conf=0.4 if p == SDO.nationality else 0.9)
    m = ID["membership/alice-wlh"]
    f = _fact(out, art, P["alice"], SDO.affiliation, O["wlh"])
    out += [(m, RDF.type, ORG.Membership), (m, ORG.member, P["alice"]), (m, ORG.organization, O["wlh"]),
            (m, MKG.roleTitle, Literal("Vice President")), (m, PROV.wasDerivedFrom, f)]
    return out


def article2():
    art = article_iri("inv2")
    out = [(art, RDF.type, SDO.NewsArticle), (art, SDO.identifier, Literal("inv2"))]
    for n in (P["alice"], P["bob"], E["second"], THORACIC):
        _entity(out, n, art)
    rels = [(E["second"], SDO.attendee, P["alice"]), (E["second"], SDO.attendee, P["bob"]),
            (E["second"], SDO.about, THORACIC)]
    out += rels + [(E["second"], SDO.startDate, Literal("2024-03-01", datatype=XSD.date))]
    for s, p, o in rels:
        _fact(out, art, s, p, o)
    return out


def ontology():
    return [(SURGERY, RDF.type, SKOS.Concept), (SURGERY, SKOS.prefLabel, Literal("surgery")),
            (THORACIC, RDF.type, SKOS.Concept), (THORACIC, SKOS.prefLabel, Literal("thoracic surgery")),
            (THORACIC, SKOS.broader, SURGERY)]


def build(store):
    """Fill ``store`` (a medkg Store) with the invented graph; returns it."""
    store.replace_article("inv1", article1())
    store.replace_article("inv2", article2())
    from medkg.ontology.namespaces import ONTOLOGY_GRAPH
    store._replace_graph(str(ONTOLOGY_GRAPH), ontology())
    store.flush()
    return store


_S, _ID = "https://schema.org/", "https://w3id.org/medkg/id/"
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
#: small articles as N-Triples: an event about no specialty attended by dave (China, from
#: article1; the article mentions the event only), an institution on a campus in a city, and the
#: city put in a country by a later article
SMALL = {
    "solo": (f"<{_ID}event/solo> {_TYPE} <{_S}Event> .\n"
             f'<{_ID}event/solo> <{_S}startDate> "2021-05-01" .\n'
             f"<{_ID}event/solo> <{_S}attendee> <{_ID}person/dave> .\n"
             f"<https://w3id.org/medkg/article/solo> <{_S}mentions> <{_ID}event/solo> .\n"),
    "campus": (f"<{_ID}org/campus-clinic> {_TYPE} <{_S}Organization> .\n"
               f'<{_ID}org/campus-clinic> <{_S}name> "Campus Clinic" .\n'
               f"<{_ID}org/campus-clinic> <{_S}location> <{_ID}place/north-campus> .\n"
               f"<{_ID}place/north-campus> {_TYPE} <{_S}Place> .\n"
               f"<{_ID}place/north-campus> <{_S}containedInPlace> <{_ID}place/testville> .\n"
               f"<https://w3id.org/medkg/article/campus> <{_S}mentions> <{_ID}org/campus-clinic> .\n"),
    "testville": (f"<{_ID}place/testville> {_TYPE} <{_S}Place> .\n"
                  f"<{_ID}place/testville> <{_S}containedInPlace> <{_ID}country/chile> .\n"
                  f"<https://w3id.org/medkg/article/testville> <{_S}mentions> <{_ID}place/testville> .\n"),
}
