"""`medkg validate`: SHACL shapes pass on real output and fail, clearly, on broken graphs.

Broken graphs are made from the real RDF mapping (ingest/rdfize.py) of a hand-built
extraction, then damaged one way at a time and written into a real store.
"""

from __future__ import annotations

import rdflib
import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import SH, XSD, PROV

from medkg.graph.store import Store
from medkg.ingest.model import Article, Entity, Extraction, Relation, Span
from medkg.ingest.rdfize import to_triples
from medkg.ontology import specialties
from medkg.ontology.namespaces import MKG, NIF, ORG, SDO, article_iri, entity_iri
from medkg.ontology.validate import validate

TEXT = ("On August 24, 2024, the Lakeside Thoracic Surgery Forum was held in Valencia. "
        "It was organized by Harbour View Hospital. Professor Marta Quintero, Director of "
        "Harbour View Hospital, attended with 20 surgeons from the UK.")


def span(s: str) -> Span:
    i = TEXT.index(s)
    return Span(i, i + len(s))


def extraction(stem: str = "t1") -> Extraction:
    """A small, correct extraction covering every kind of node rdfize writes."""
    art = Article(stem=stem, text=TEXT, source=f"{stem}.txt", title="Forum", date="2024-08-25",
                  content_hash="0" * 64)
    sent1, sent2, sent3 = (Span(0, TEXT.index(".") + 1),
                           span("It was organized by Harbour View Hospital."),
                           span("Professor Marta Quintero, Director of Harbour View Hospital, attended with 20 surgeons from the UK."))
    thor = specialties.lookup("thoracic surgery")
    ents = [
        Entity("E", "Event", "Lakeside Thoracic Surgery Forum", mentions=[span("Lakeside Thoracic Surgery Forum")],
               date="2024-08-24", counts={"participantCount": 20}, evidence={"date": sent1, "participantCount": sent3}),
        Entity("O", "Organization", "Harbour View Hospital", mentions=[span("Harbour View Hospital")],
               subtypes=["Hospital"], aliases={"HVH"}),
        Entity("P", "Person", "Marta Quintero", mentions=[span("Marta Quintero")]),
        Entity("S", "Specialty", "thoracic surgery", mentions=[span("Thoracic Surgery")], concept=thor.iri),
        Entity("C", "Country", "United Kingdom", mentions=[span("UK")], concept="GB", aliases={"UK"}),
        Entity("L", "Place", "Valencia", mentions=[span("Valencia")]),
    ]
    rels = [Relation("E", "organizer", "O", sent2, 0.9), Relation("E", "attendee", "P", sent3, 0.8),
            Relation("E", "about", "S", sent1, 0.7), Relation("E", "participantCountry", "C", sent3, 0.6),
            Relation("E", "location", "L", sent1, 0.9), Relation("P", "nationality", "C", sent3, 0.4),
            Relation("P", "affiliation", "O", sent3, 0.9, title="Director"),
            Relation("O", "specialty", "S", sent2, 0.5)]
    return Extraction(article=art, entities={e.key: e for e in ents}, relations=rels, sentences=[sent1, sent2, sent3])


P = entity_iri("Person", "Marta Quintero")
O = entity_iri("Organization", "Harbour View Hospital")
E = entity_iri("Event", "Lakeside Thoracic Surgery Forum")
C = entity_iri("Country", "United Kingdom")
A = article_iri("t1")


def _graph(triples) -> rdflib.Graph:
    g = rdflib.Graph()
    for t in triples:
        g.add(t)
    return g


def _store_with(tmp_path, triples) -> Store:
    d = tmp_path / "store"
    with Store(d) as st:
        st.replace_article("t1", triples)
    return d


def drop(pred):
    return lambda ts: [t for t in ts if not pred(t)]


def replace(old, new):
    return lambda ts: [new if t == old else t for t in ts]


def add(*extra):
    return lambda ts: ts + list(extra)


def _fact_of(ts, p):
    return next(t[0] for t in ts if t[1] == RDF.predicate and t[2] == p)


def _membership(ts):
    return next(t[0] for t in ts if t[1] == RDF.type and t[2] == ORG.Membership)


def _a_mention(ts):
    return next(t[0] for t in ts if t[1] == RDF.type and t[2] == NIF.Phrase)


BROKEN = {
    "person without name": (
        drop(lambda t: t[0] == P and t[1] == SDO.name), "at least one schema:name"),
    "date as plain string": (
        replace((E, SDO.startDate, Literal("2024-08-24", datatype=XSD.date)), (E, SDO.startDate, Literal("2024-08-24"))),
        "schema:startDate must be a valid xsd:date"),
    "impossible date": (
        replace((E, SDO.startDate, Literal("2024-08-24", datatype=XSD.date)),
                (E, SDO.startDate, Literal("2024-13-45", datatype=XSD.date))),
        "schema:startDate must be a valid xsd:date"),
    "date as dateTime": (
        replace((E, SDO.startDate, Literal("2024-08-24", datatype=XSD.date)),
                (E, SDO.startDate, Literal("2024-08-24T09:00:00", datatype=XSD.dateTime))),
        "schema:startDate must be a valid xsd:date"),
    "startDate on a person": (add((P, SDO.startDate, Literal("2024-08-24", datatype=XSD.date))),
                              "schema:startDate is only for schema:Event nodes"),
    "affiliation to a country": (add((P, SDO.affiliation, C)), "schema:affiliation must point to a schema:Organization"),
    "affiliation from an organization": (add((O, SDO.affiliation, O)), "schema:affiliation must start from a schema:Person"),
    "nationality to an organization": (add((P, SDO.nationality, O)), "schema:nationality must point to a schema:Country"),
    "organizer is a person": (add((E, SDO.organizer, P)), "schema:organizer must point to a schema:Organization"),
    "attendee is an organization": (add((E, SDO.attendee, O)), "schema:attendee must point to a schema:Person"),
    "about an organization": (add((E, SDO.about, O)), "schema:about must point to a schema:MedicalSpecialty"),
    "location is a person": (add((E, SDO.location, P)), "schema:location must point to a schema:Place or a schema:Organization"),
    "participant country is a place": (add((E, MKG.participantCountry, entity_iri("Place", "Valencia"))),
                                       "mkg:participantCountry must point to a schema:Country"),
    "confidence above 1": (lambda ts: [(t[0], t[1], Literal("1.5", datatype=XSD.decimal)) if t[1] == MKG.confidence else t
                                       for t in ts], "mkg:confidence must be one xsd:decimal between 0 and 1"),
    "confidence as string": (lambda ts: [(t[0], t[1], Literal("high")) if t[1] == MKG.confidence else t for t in ts],
                             "mkg:confidence must be one xsd:decimal between 0 and 1"),
    "fact without subject": (lambda ts: drop(lambda t: t[0] == _fact_of(ts, SDO.organizer) and t[1] == RDF.subject)(ts),
                             "exactly one rdf:subject"),
    "fact not quoted from an article": (
        lambda ts: drop(lambda t: t[0] == _fact_of(ts, SDO.organizer) and t[1] == PROV.wasQuotedFrom)(ts),
        "exactly one prov:wasQuotedFrom"),
    "membership without role": (lambda ts: drop(lambda t: t[0] == _membership(ts) and t[1] == ORG.role)(ts),
                                "exactly one org:role"),
    "nif begin after end": (
        lambda ts: [(t[0], t[1], Literal(10 ** 6, datatype=XSD.nonNegativeInteger))
                    if t[0] == _a_mention(ts) and t[1] == NIF.beginIndex else t for t in ts],
        "not after its nif:endIndex"),
    "mention without entity": (lambda ts: drop(lambda t: t[0] == _a_mention(ts) and t[1] == NIF.taIdentRef)(ts),
                               "needs a nif:taIdentRef"),
    "two identifiers": (add((A, SDO.identifier, Literal("other"))), "exactly one schema:identifier"),
    "mention of an untyped node": (add((A, SDO.mentions, URIRef("https://example.org/thing"))),
                                   "schema:mentions must point to an entity"),
    "negative count": (replace((E, MKG.participantCount, Literal(20, datatype=XSD.integer)),
                               (E, MKG.participantCount, Literal(-20, datatype=XSD.integer))),
                       "mkg:participantCount must be a non-negative xsd:integer"),
    "count on a person": (add((P, MKG.countryCount, Literal(3, datatype=XSD.integer))),
                          "mkg:countryCount is only for schema:Event nodes"),
    "undeclared medkg term": (add((E, MKG.participantsCount, Literal(3, datatype=XSD.integer))),
                              "not declared in the medkg ontology"),
    "bad country code": (replace((C, MKG.countryCode, Literal("GB")), (C, MKG.countryCode, Literal("gbr"))),
                         "ISO 3166-1 alpha-2"),
}


def test_hand_built_extraction_conforms():
    res = validate(_graph(to_triples(extraction())))
    assert res.conforms, res.text
    assert res.violations == 0


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_graph_fails_with_clear_message(case):
    mutate, message = BROKEN[case]
    triples = to_triples(extraction())
    broken = mutate(list(triples))
    assert broken != triples, "the mutation changed nothing"
    res = validate(_graph(broken))
    assert not res.conforms and res.violations >= 1
    assert message in res.text, res.text


@pytest.mark.parametrize("case", ["person without name", "impossible date", "affiliation to a country",
                                  "undeclared medkg term", "nif begin after end"])
def test_cli_validate_exits_2_on_broken_store(cli, tmp_path, case):
    mutate, message = BROKEN[case]
    d = _store_with(tmp_path, mutate(list(to_triples(extraction()))))
    report = tmp_path / "report.ttl"
    r = cli("--store", d, "validate", "-o", report)
    assert r.exit_code == 2, r.output
    assert message in r.output
    assert "does not conform" in r.output
    rep = rdflib.Graph().parse(report, format="turtle")
    assert (None, SH.conforms, Literal(False)) in rep
    assert len(list(rep.subjects(RDF.type, SH.ValidationResult))) >= 1


def test_cli_validate_passes_on_clean_store(cli, tmp_path):
    d = _store_with(tmp_path, to_triples(extraction()))
    r = cli("--store", d, "validate")
    assert r.exit_code == 0, r.output
    assert "conforms" in r.output


def test_report_names_the_focus_node():
    mutate, _ = BROKEN["person without name"]
    res = validate(_graph(mutate(list(to_triples(extraction())))))
    focus = set(res.report.objects(None, SH.focusNode))
    assert P in focus
    assert str(P).rsplit("/", 1)[-1] in res.text


def test_validate_leaves_the_data_graph_unchanged():
    g = _graph(to_triples(extraction()))
    before = set(g)
    validate(g)
    assert set(g) == before


def test_sample_store_conforms(cli, sample_store_dir):
    r = cli("--store", sample_store_dir, "validate")
    assert r.exit_code == 0, r.output
    assert "conforms" in r.output and "0 violations" in r.output


def test_validation_scales_linearly(tmp_path):
    """Many articles (distinct stems and entities) still validate, all problems reported."""
    g = rdflib.Graph()
    n = 60
    for i in range(n):
        ex = extraction(f"a{i}")
        for e in ex.entities.values():
            if e.type in ("Person", "Event"):
                e.name = f"{e.name} {i}"
        for t in to_triples(ex):
            g.add(t)
    # break every tenth person
    victims = [entity_iri("Person", f"Marta Quintero {i}") for i in range(0, n, 10)]
    for v in victims:
        g.remove((v, SDO.name, None))
    res = validate(g)
    assert not res.conforms
    assert set(res.report.objects(None, SH.focusNode)) >= set(victims)
    assert f"({len(victims)}x" in res.text


@pytest.mark.parametrize("workers", [1, 2])
def test_store_validation_in_chunks_matches_union(tmp_path, monkeypatch, workers):
    """A store is validated graph by graph, in chunks (and processes): same verdict as the union."""
    import medkg.ontology.validate as v
    monkeypatch.setattr(v, "CHUNK_TRIPLES", 150)          # several chunks even for a small store
    d = tmp_path / "store"
    victims = []
    with Store(d) as st:
        for i in range(8):
            ex = extraction(f"a{i}")
            for e in ex.entities.values():
                if e.type == "Person":
                    e.name = f"{e.name} {i}"
            triples = to_triples(ex)
            if i % 3 == 0:                                   # break some articles
                victim = entity_iri("Person", f"Marta Quintero {i}")
                triples = [t for t in triples if not (t[0] == victim and t[1] == SDO.name)]
                victims.append(victim)
            st.replace_article(f"a{i}", triples)
        union = st.union_graph(include_ontology=False)
        by_store = validate(st, workers=workers)
    by_union = validate(union)
    assert not by_store.conforms and not by_union.conforms
    assert by_store.violations == by_union.violations == len(victims)
    assert set(by_store.report.objects(None, SH.focusNode)) == set(victims)
    assert (None, SH.conforms, Literal(False)) in by_store.report


def test_empty_store_conforms(tmp_path):
    with Store(tmp_path / "s") as st:
        res = validate(st)
    assert res.conforms and res.violations == 0


def test_two_extracted_items_on_one_node_keep_one_confidence():
    """Two entities whose names slug alike are one node; their facts and mentions get one confidence."""
    ex = extraction()
    dup = Entity("O2", "Organization", "Harbour-View Hospital", mentions=[span("Harbour View Hospital")],
                 confidence=0.2)
    ex.entities["O2"] = dup
    ex.relations.append(Relation("E", "organizer", "O2", None, 0.3))
    g = _graph(to_triples(ex))
    res = validate(g)
    assert res.conforms, res.text
    fact = next(f for f in g.subjects(RDF.predicate, SDO.organizer))
    assert list(g.objects(fact, MKG.confidence)) == [Literal("0.9", datatype=XSD.decimal)]
