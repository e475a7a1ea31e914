"""The ontology, the SKOS specialty scheme and the country table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import OWL, SKOS

from medkg.ontology import countries, specialties
from medkg.ontology.load import ONTOLOGY_IRI, ontology_graph, ontology_hash, shapes_graph
from medkg.ontology.namespaces import ID, MKG, SDO, entity_iri, slug

ONTO_DIR = Path(specialties.__file__).resolve().parent
SCHEME = MKG.specialties
SPECIALTY_NS = str(ID) + "specialty/"


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return ontology_graph()


@pytest.fixture(scope="module")
def spec() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTO_DIR / "specialties.ttl", format="turtle")


# ---------------------------------------------------------------- the OWL ontology

def test_ontology_files_parse_and_ontology_header(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert onto.value(ONTOLOGY_IRI, MKG.contentHash) == rdflib.Literal(ontology_hash())
    assert len(shapes_graph()) > 100


def _mkg_terms_used(g: rdflib.Graph) -> set[URIRef]:
    return {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(str(MKG))}


def test_every_mkg_term_is_declared_with_label_and_comment(onto):
    """Every mkg: IRI used in the ontology, the scheme or the shapes has a type, a label and a comment."""
    used = _mkg_terms_used(onto) | _mkg_terms_used(shapes_graph())
    assert MKG.participantCountry in used and MKG.Fact in used
    problems = []
    for t in sorted(used):
        types = set(onto.objects(t, RDF.type))
        if not types:
            problems.append(f"{t}: no rdf:type")
        if onto.value(t, RDFS.label) is None:
            problems.append(f"{t}: no rdfs:label")
        if onto.value(t, RDFS.comment) is None:
            problems.append(f"{t}: no rdfs:comment")
    assert not problems, "\n".join(problems)


def test_mkg_properties_have_domain_or_range(onto):
    for p in set(onto.subjects(RDF.type, OWL.ObjectProperty)) | set(onto.subjects(RDF.type, OWL.DatatypeProperty)):
        if str(p).startswith(str(MKG)):
            assert onto.value(p, RDFS.range) is not None, p


def test_required_medkg_terms_exist(onto):
    for name, kind in [("participantCountry", OWL.ObjectProperty), ("confidence", OWL.DatatypeProperty),
                       ("contentHash", OWL.DatatypeProperty), ("extractor", OWL.DatatypeProperty),
                       ("sourcePath", OWL.DatatypeProperty), ("countryCode", OWL.DatatypeProperty),
                       ("roleTitle", OWL.DatatypeProperty), ("participantCount", OWL.DatatypeProperty),
                       ("countryCount", OWL.DatatypeProperty), ("traineeCount", OWL.DatatypeProperty),
                       ("Fact", OWL.Class)]:
        assert (MKG[name], RDF.type, kind) in onto, name
    assert (MKG.Fact, RDFS.subClassOf, RDF.Statement) in onto
    assert (MKG.participantCountry, RDFS.range, SDO.Country) in onto
    assert (MKG.participantCountry, RDFS.domain, SDO.Event) in onto


def test_reused_vocabularies_are_declared(onto):
    """The reused classes are declared with their defining vocabulary (for OWL tools and the docs)."""
    for cls in (SDO.Person, SDO.Organization, SDO.Hospital, SDO.CollegeOrUniversity, SDO.GovernmentOrganization,
                SDO.MedicalOrganization, SDO.Event, SDO.EducationEvent, SDO.BusinessEvent, SDO.Country,
                SDO.Place, SDO.MedicalSpecialty, SDO.NewsArticle):
        assert (cls, RDF.type, OWL.Class) in onto, cls
        assert onto.value(cls, RDFS.isDefinedBy) == URIRef("https://schema.org/"), cls
    # subclass chains reach the base classes the scoring contract reads
    closure = lambda c: set(onto.transitive_objects(c, RDFS.subClassOf))  # noqa: E731
    assert SDO.Organization in closure(SDO.Hospital)
    assert SDO.Organization in closure(SDO.CollegeOrUniversity)
    assert SDO.Place in closure(SDO.Country)
    assert SDO.Event in closure(SDO.EducationEvent)


def test_ontology_is_owl_rl_consistent(onto):
    """OWL-RL closure of the ontology adds no owl:Nothing members and no inconsistency markers."""
    import owlrl
    g = rdflib.Graph()
    for t in onto:
        g.add(t)
    # improved_datatypes=False: owlrl's "improved" literal converters are installed globally in
    # rdflib and not fully restored (xsd:gMonthDay literals turn ill-typed afterwards)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, improved_datatypes=False).expand(g)
    assert not list(g.subjects(RDF.type, OWL.Nothing))
    assert not list(g.subjects(RDF.type, URIRef("http://www.w3.org/2002/07/owl#Inconsistency")))
    assert rdflib.Literal("--03-30", datatype=rdflib.XSD.gMonthDay).ill_typed is not True


# ---------------------------------------------------------------- the SKOS scheme

def test_scheme_has_at_least_60_concepts_all_in_scheme_with_preflabel(spec):
    cs = set(spec.subjects(RDF.type, SKOS.Concept))
    assert len(cs) >= 60
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in spec
    for c in cs:
        assert (c, SKOS.inScheme, SCHEME) in spec, c
        labels = list(spec.objects(c, SKOS.prefLabel))
        assert len(labels) == 1, c                    # one prefLabel (one language)
    assert len(specialties.concepts()) == len(cs)


def test_concept_iris_are_slugs_of_preflabels(spec):
    for c in spec.subjects(RDF.type, SKOS.Concept):
        label = str(spec.value(c, SKOS.prefLabel))
        assert str(c) == SPECIALTY_NS + slug(label), (c, label)
        # a minted specialty with the same name coincides with the concept
        assert entity_iri("Specialty", label) == c


def test_preflabels_lower_case_and_labels_unique(spec):
    seen: dict[str, URIRef] = {}
    for c in spec.subjects(RDF.type, SKOS.Concept):
        pref = str(spec.value(c, SKOS.prefLabel))
        assert pref == pref.lower() and pref == pref.strip() and "  " not in pref, pref
        for lab in [pref, *map(str, spec.objects(c, SKOS.altLabel))]:
            key = lab.lower()
            assert key not in seen or seen[key] == c, f"{lab!r} labels both {seen.get(key)} and {c}"
            seen[key] = c


def test_broader_links_resolve_and_form_a_hierarchy(spec):
    cs = set(spec.subjects(RDF.type, SKOS.Concept))
    tops = set(spec.objects(SCHEME, SKOS.hasTopConcept))
    assert tops and tops <= cs
    for c in cs:
        for b in spec.objects(c, SKOS.broader):
            assert b in cs, (c, b)
        assert (c in tops) == (not list(spec.objects(c, SKOS.broader))), c
        assert ((c, SKOS.topConceptOf, SCHEME) in spec) == (c in tops), c
        # no cycles: c is not among its own ancestors
        assert c not in set(spec.transitive_objects(c, SKOS.broader)) - {c}, c
        ancestors = set(spec.transitive_objects(c, SKOS.broader))
        assert ancestors & tops, f"{c} does not reach a top concept"


def test_no_concept_is_typed_medical_specialty(onto):
    """schema:MedicalSpecialty is asserted only in article graphs that mention the specialty."""
    assert not list(onto.subjects(RDF.type, SDO.MedicalSpecialty))
    for c in onto.subjects(RDF.type, SKOS.Concept):
        assert set(onto.objects(c, RDF.type)) == {SKOS.Concept}, c


@pytest.mark.parametrize("surface,label", [
    ("thoracic surgery", "thoracic surgery"),
    ("Chest Wall Surgery", "chest wall surgery"),
    ("hepatobiliary and pancreatic surgery", "hepatobiliary and pancreatic surgery"),
    ("minimally invasive liver surgery", "minimally invasive liver surgery"),
    ("ERCP", "endoscopic retrograde cholangiopancreatography"),
    ("EUS", "endoscopic ultrasound"),
    ("endoscopic ultrasonography", "endoscopic ultrasound"),
    ("tumour imaging", "tumor imaging"),
    ("orthopaedics", "orthopedics"),
    ("heart surgery", "cardiac surgery"),
    ("liver transplant", "liver transplantation"),
    ("TCM", "traditional chinese medicine"),
    ("dentistry", "stomatology"),
    ("radiotherapy", "radiation oncology"),
])
def test_specialty_lookup(surface, label):
    c = specialties.lookup(surface)
    assert c is not None and c.label == label


def test_specialty_api_shapes():
    c = specialties.lookup("liver transplantation")
    assert specialties.by_iri(c.iri) == c
    broader = {specialties.by_iri(b).label for b in c.broader}
    assert "organ transplantation" in broader
    assert specialties.lookup("lobectomy") is None        # an operation, not a specialty
    idx = specialties.surface_index()
    assert all(k == k.lower() for k in idx)


def test_brief_specialties_are_present():
    wanted = """surgery; thoracic surgery; chest wall surgery; cardiac surgery; thoracic and cardiac surgery;
    hepatobiliary and pancreatic surgery; minimally invasive surgery; minimally invasive liver surgery;
    robotic surgery; general surgery; transplantation; organ transplantation; liver transplantation;
    internal medicine; cardiology; gastroenterology; digestive endoscopy;
    endoscopic retrograde cholangiopancreatography; endoscopic ultrasound; oncology; tumor imaging;
    medical imaging; medical imaging technology; radiology; interventional radiology;
    tumor interventional treatment; nuclear medicine; pathology; anesthesiology; emergency medicine;
    critical care medicine; pediatrics; obstetrics and gynecology; neurology; neurosurgery; orthopedics;
    ophthalmology; otolaryngology; dermatology; psychiatry; rehabilitation medicine; nursing; public health;
    traditional chinese medicine; stomatology; urology; nephrology; endocrinology; hematology;
    respiratory medicine; infectious disease; geriatrics; general practice; laboratory medicine; pharmacy"""
    labels = {c.label for c in specialties.concepts()}
    missing = [w.strip() for w in wanted.split(";") if w.strip() not in labels]
    assert not missing


# ---------------------------------------------------------------- countries

@pytest.mark.parametrize("surface,code,name", [
    ("UK", "GB", "United Kingdom"), ("the United Kingdom", "GB", "United Kingdom"),
    ("Britain", "GB", "United Kingdom"), ("South Korea", "KR", "South Korea"),
    ("Republic of Korea", "KR", "South Korea"), ("Russian Federation", "RU", "Russia"),
    ("Iran", "IR", "Iran"), ("the Philippines", "PH", "Philippines"), ("USA", "US", "United States"),
    ("china", "CN", "China"), ("Viet Nam", "VN", "Vietnam"), ("Türkiye", "TR", "Turkey"),
])
def test_country_lookup(surface, code, name):
    assert countries.lookup(surface) == (code, name)


@pytest.mark.parametrize("surface", ["Hong Kong", "Macao", "Taiwan", "Puerto Rico", "Chengdu", "West China", ""])
def test_non_countries(surface):
    assert countries.lookup(surface) is None


def test_country_codes_and_wikidata():
    assert countries.wikidata_id("GB") == "Q145"
    assert countries.wikidata_id("CN") == "Q148"
    assert countries.alpha3("GB") == "GBR" and countries.numeric("GB") == "826"
    row = countries.info("KR")
    assert (row.alpha3, row.numeric, row.name, row.wikidata) == ("KOR", "410", "South Korea", "Q884")
    # every UN member and observer state has a distinct QID and an ISO code pycountry knows
    rows = countries.countries()
    assert len(rows) == 195
    assert len({r.wikidata for r in rows}) == 195
    assert all(re.fullmatch(r"Q[1-9][0-9]*", r.wikidata) for r in rows)
    assert len({r.name for r in rows}) == 195
    for r in rows:
        assert countries.lookup(r.name) == (r.alpha2, r.name), r


@pytest.mark.parametrize("word,code", [
    ("Chinese", "CN"), ("British", "GB"), ("Americans", "US"), ("Korean", "KR"), ("Thai", "TH"),
    ("Filipino", "PH"), ("Dutch", "NL"), ("Swiss", "CH"), ("Russians", "RU"), ("Iranian", "IR"),
])
def test_demonym_lookup(word, code):
    hit = countries.demonym_lookup(word)
    assert hit is not None and hit[0] == code and hit[1] == countries.common_name(code)


@pytest.mark.parametrize("word", ["Congolese", "English", "doctor", "", "Hong Kong"])
def test_demonym_lookup_rejects_ambiguous_and_non_demonyms(word):
    assert countries.demonym_lookup(word) is None


def test_store_gets_current_ontology_and_vocabulary_is_not_counted(tmp_path):
    from medkg.graph.store import Store
    from medkg.ontology.load import ensure_ontology
    with Store(tmp_path / "s") as st:
        st.set_ontology(rdflib.Graph())                   # an outdated (empty) copy
        ensure_ontology(st)
        rows = list(st.query("SELECT ?h WHERE { GRAPH mkgg:ontology { ?o mkg:contentHash ?h } }"))
        assert [r["h"].value for r in rows] == [ontology_hash()]
        n = len(st)
        ensure_ontology(st)                                  # current: left alone
        assert len(st) == n == len(ontology_graph())
        # the vocabulary is in the store, yet no specialty counts as an extracted entity
        assert st.stats()["by_type"].get("MedicalSpecialty", 0) == 0
        ask = st.query("ASK { GRAPH mkgg:ontology { ?c a skos:Concept } }")
        assert bool(ask)


@pytest.mark.parametrize("label,broader", [
    ("rhinology", {"otolaryngology"}),
    ("endoscopic sinus surgery", {"rhinology"}),
    ("pituitary surgery", {"neurosurgery"}),
    ("head and neck surgery", {"otolaryngology", "surgery"}),
    ("coronary intervention", {"interventional cardiology"}),
    ("primary percutaneous coronary intervention", {"coronary intervention"}),
    ("coronary physiology", {"interventional cardiology"}),
    ("intravascular imaging", {"interventional cardiology", "medical imaging"}),
])
def test_ear_nose_throat_and_coronary_technique_areas(label, broader):
    c = specialties.lookup(label)
    assert c is not None and c.label == label
    assert {specialties.by_iri(b).label for b in c.broader} == broader


def test_otorhinolaryngology_and_ent_name_one_concept():
    assert specialties.lookup("otorhinolaryngology").label == "otolaryngology"
    assert specialties.lookup("ENT").label == "otolaryngology"
    assert specialties.lookup("primary PCI").label == "primary percutaneous coronary intervention"
