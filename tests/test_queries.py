"""The named query library: headers, safe parameter binding, every query on the sample and an invented graph."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import _querygraph as G
from medkg.graph.store import Store
from medkg.queries.library import (QueryError, bind_adhoc, bind_values, get_query, load_library, parse_header,
                                   to_term, where_brace)
from medkg.queries.results import run_local

#: the contract: result columns of every named SELECT query
COLUMNS = {
    "affiliations": ["person", "name", "org", "orgName", "posts", "articles"],
    "article_entities": ["type", "entity", "name", "mentions", "example"],
    "articles": ["article", "identifier", "headline", "published", "entities", "facts", "events"],
    "attendance": ["event", "eventName", "date", "person", "name", "affiliations", "with"],
    "coattendance_pairs": ["a", "aName", "b", "bName", "events", "eventNames"],
    "colleagues": ["a", "aName", "b", "bName", "institutions", "institutionNames"],
    "coorganization_pairs": ["a", "aName", "b", "bName", "events", "eventNames"],
    "countries": ["country", "name", "code", "people", "institutions", "events", "articles"],
    "entity_card": ["entity", "direction", "property", "value", "valueName", "articles"],
    "events": ["event", "name", "date", "places", "organizers", "specialties", "attendees", "countries",
               "participantCount", "articles"],
    "events_by_specialty_year": ["specialty", "specialtyName", "year", "events"],
    "institutions_by_country": ["country", "countryName", "org", "name", "via", "articles"],
    "international_partners": ["institution", "institutionName", "partner", "partnerName", "partnerType",
                               "country", "link", "via"],
    "low_confidence_facts": ["fact", "confidence", "subjectName", "property", "objectName", "article", "sentence"],
    "org_hierarchy": ["unit", "unitName", "ancestor", "ancestorName", "distance"],
    "participant_countries": ["specialtyName", "country", "countryName", "events", "namedParticipants"],
    "people_by_country": ["country", "countryName", "person", "name", "affiliations", "articles"],
    "provenance": ["fact", "subjectName", "property", "objectName", "article", "graph", "sentence", "begin",
                   "end", "confidence"],
    "search": ["entity", "type", "name", "aliases", "articles"],
    "specialties": ["specialty", "name", "broaderName", "events", "institutions", "articles"],
    "stats": ["metric", "value"],
    "top_people": ["person", "name", "articles", "events", "institutions", "countries"],
}
NON_SELECT = {"entity_graph": "CONSTRUCT", "entity_exists": "ASK"}

#: when the sample graph has what a query needs (an ASK), the query must answer something
NEEDS = {
    "affiliations": "ASK { ?p a schema:Person ; schema:affiliation ?o . ?o schema:name ?n }",
    "articles": "ASK { ?a a schema:NewsArticle }",
    "attendance": "ASK { ?e a schema:Event ; schema:name ?n ; schema:attendee/schema:name ?m }",
    "coattendance_pairs": "ASK { ?e a schema:Event ; schema:attendee ?a, ?b . FILTER(?a != ?b) "
                          "?a schema:name ?x . ?b schema:name ?y }",
    "colleagues": "ASK { ?a a schema:Person ; schema:affiliation ?o . ?b a schema:Person ; schema:affiliation ?o . "
                  "FILTER(?a != ?b) ?a schema:name ?x . ?b schema:name ?y }",
    "coorganization_pairs": "ASK { ?e a schema:Event ; schema:organizer ?a, ?b . FILTER(?a != ?b) "
                            "?a schema:name ?x . ?b schema:name ?y }",
    "countries": "ASK { ?c a schema:Country ; schema:name ?n }",
    "events": "ASK { ?e a schema:Event ; schema:name ?n }",
    "events_by_specialty_year": "ASK { ?e a schema:Event ; schema:about ?s . ?s schema:name|skos:prefLabel ?n }",
    "low_confidence_facts": "ASK { ?f a mkg:Fact ; mkg:confidence ?c ; prov:wasQuotedFrom/schema:identifier ?i "
                            "FILTER(?c <= 0.6) }",
    "org_hierarchy": "ASK { ?u schema:parentOrganization ?p . ?u schema:name ?a . ?p schema:name ?b }",
    "participant_countries": "ASK { ?e a schema:Event . { ?e mkg:participantCountry ?c } UNION "
                             "{ ?e schema:attendee/schema:nationality ?c } ?c schema:name ?n }",
    "people_by_country": "ASK { ?p a schema:Person ; schema:name ?n ; schema:nationality/schema:name ?c }",
    "provenance": "ASK { GRAPH ?g { ?f a mkg:Fact ; prov:wasQuotedFrom ?a } ?a schema:identifier ?i }",
    "specialties": "ASK { { ?s a schema:MedicalSpecialty } UNION { ?s a skos:Concept } }",
    "stats": "ASK { }",
    "top_people": "ASK { ?p a schema:Person ; schema:name ?n }",
    "article_entities": "ASK { ?a schema:identifier ?i ; schema:mentions ?e . ?e schema:name ?n }",
}


@pytest.fixture(scope="module")
def invented():
    st_ = G.build(Store())
    yield st_
    st_.close()


def _sample_params(store, q):
    """Parameter values that make sense on any graph (taken from the graph itself)."""
    def first(sparql, default):
        rows = list(store.query(sparql))
        return rows[0][0].value if rows else default
    person = first("SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n LIMIT 1", "x")
    vals = {"q": person[:3], "entity": person, "name": person, "article": (store.articles() or ["x"])[0],
            "institution": first("SELECT ?n WHERE { ?o a schema:Organization ; schema:name ?n } ORDER BY ?n LIMIT 1", "x")}
    if q.name in ("coattendance_pairs", "colleagues", "coorganization_pairs"):
        vals = {"person": "", "institution": ""}     # every pair (the explicit opt-in) on the small sample
    return {p.name: vals.get(p.name, "x") for p in q.params if p.required}


def rows(store, name, **params):
    r = run_local(store, get_query(name).bind(params))
    return [{k: v.value for k, v in row.items()} for row in r.rows]


# ---------------------------------------------------------------------- the library itself
def test_library_has_documented_queries():
    lib = load_library()
    assert len(lib) >= 15
    assert set(lib) == set(COLUMNS) | set(NON_SELECT)
    for q in lib.values():
        assert q.title and q.description, q.name
        for p in q.params:
            assert p.doc, f"{q.name}: parameter {p.name} undocumented"
            assert f"$_{p.name}" in q.text or (p.name in ("limit", "offset") and "$_ranks" in q.text), \
                f"{q.name}: parameter {p.name} unused"
        assert q.form == NON_SELECT.get(q.name, "SELECT"), q.name


def test_columns_contract():
    for name, cols in COLUMNS.items():
        assert get_query(name).columns() == cols, name


@pytest.mark.parametrize("name", sorted(set(COLUMNS) | set(NON_SELECT)))
def test_every_named_query_on_sample(sample_store, name):
    q = get_query(name)
    r = run_local(sample_store, q.bind(_sample_params(sample_store, q)))
    if q.form == "SELECT":
        assert r.variables == COLUMNS[name]
        # no row twice (the union default graph repeats triples stated in several articles)
        keys = [tuple(sorted((k, str(v)) for k, v in row.items())) for row in r.rows]
        assert len(keys) == len(set(keys)), f"{name}: duplicate rows"
        if name in NEEDS and bool(sample_store.query(NEEDS[name])):
            assert r.rows, f"{name}: no answer although the sample graph has what it needs"
        # names are names: every *name / *Name column is a non-empty literal where bound
        for row in r.rows:
            for k, v in row.items():
                if k == "name" or k.endswith("Name"):
                    assert isinstance(v, ox.Literal) and v.value.strip(), (name, k, v)
    elif q.form == "ASK":
        assert r.kind == "boolean" and r.boolean is True  # the name comes from the graph itself
    else:
        assert r.kind == "graph" and r.triples


def test_sample_counts_consistent(sample_store):
    stats = {r["metric"]: int(r["value"]) for r in rows(sample_store, "stats")}
    assert stats["articles"] == len(rows(sample_store, "articles")) == len(sample_store.articles())
    persons = stats.get("entities: Person", 0)
    assert persons == len({r["person"] for r in rows(sample_store, "top_people", min=0)}) > 0
    # every person listed by people_by_country has a nationality pair in the graph
    pairs = {(r["person"], r["country"]) for r in rows(sample_store, "people_by_country")}
    raw = {(s["p"].value, s["c"].value) for s in sample_store.query(
        "SELECT DISTINCT ?p ?c WHERE { ?p a schema:Person ; schema:name ?n ; schema:nationality ?c . ?c schema:name ?m }")}
    assert pairs == raw
    # facts: provenance lists every fact once
    assert len({r["fact"] for r in rows(sample_store, "provenance", limit=0)}) == stats["facts"]
    # mentions (counted as nif:Phrase nodes): the distinct nodes that link a span to an entity
    ref = "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#taIdentRef>"
    distinct = sample_store.query(f"SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{ ?m {ref} ?x }}")
    assert stats["mentions"] == int(next(iter(distinct))["n"].value) > 0
    # persons have names
    for r in rows(sample_store, "top_people", min=0):
        assert r["name"].strip()


def test_article_entities_cover_each_sample_article(sample_store):
    for stem in sample_store.articles():
        got = rows(sample_store, "article_entities", article=stem)
        assert got, stem
        assert all(int(r["mentions"]) >= 0 for r in got)


# ---------------------------------------------------------------------- exact answers on the invented graph
def test_people_and_institutions_by_country(invented):
    assert {r["name"] for r in rows(invented, "people_by_country", country="CN")} == {"Alice Zhang", "Dave Li"}
    assert {r["name"] for r in rows(invented, "people_by_country", country="uk")} == {"Bob Smith"}
    assert {r["name"] for r in rows(invented, "people_by_country", country="Chile")} == {"Carol Diaz"}
    assert len(rows(invented, "people_by_country")) == 4
    china = {(r["name"], r["via"]) for r in rows(invented, "institutions_by_country", country="China")}
    assert china == {("West Lake Hospital", "location"), ("Department of Surgery", "members")}
    assert {(r["name"], r["via"]) for r in rows(invented, "institutions_by_country", country="GB")} == \
        {("Royal College of Testing", "location")}
    countries = {r["name"]: r for r in rows(invented, "countries")}
    assert countries["China"]["people"] == "2" and countries["China"]["institutions"] == "1"
    assert countries["Chile"]["events"] == "1"


def test_attendance_and_pairs(invented):
    att = rows(invented, "attendance", person="alice")
    assert {r["eventName"] for r in att} == {"Forum on Thoracic Testing", "Workshop on Endoscopy",
                                              "Second Forum on Thoracic Testing"}
    forum = [r for r in att if r["eventName"] == "Forum on Thoracic Testing"][0]
    assert set(forum["with"].split(" | ")) == {"Bob Smith", "Carol Diaz"}
    assert forum["affiliations"] == "West Lake Hospital" and forum["date"] == "2023-04-20"
    pairs = {(r["aName"], r["bName"]): int(r["events"]) for r in rows(invented, "coattendance_pairs", person="", limit=0)}
    pairs = {tuple(sorted(k)): v for k, v in pairs.items()}
    assert pairs == {("Alice Zhang", "Bob Smith"): 3, ("Alice Zhang", "Carol Diaz"): 1, ("Bob Smith", "Carol Diaz"): 1}
    assert len(rows(invented, "coattendance_pairs", person="", min=2)) == 1
    assert len(rows(invented, "coattendance_pairs", person="carol")) == 2          # a word of the name
    assert len(rows(invented, "coattendance_pairs", person="Carol Diaz")) == 2     # the name as written
    assert len(rows(invented, "coattendance_pairs", person=str(G.P["carol"]))) == 2  # the IRI
    assert rows(invented, "coattendance_pairs", person="nobody at all") == []
    page = rows(invented, "coattendance_pairs", person="", limit=1, offset=1)
    assert len(page) == 1 and int(page[0]["events"]) == 1                       # most shared first
    org = {tuple(sorted((r["aName"], r["bName"]))): int(r["events"])
           for r in rows(invented, "coorganization_pairs", institution="", limit=0)}
    assert org == {("Royal College of Testing", "West Lake Hospital"): 1,
                   ("Universidad de Prueba", "West Lake Hospital"): 1}
    assert len(rows(invented, "coorganization_pairs", institution="west lake hospital")) == 2
    assert rows(invented, "colleagues", person="") == []


def test_events_by_specialty_and_year(invented):
    got = {(r["specialtyName"], int(r["year"])): int(r["events"]) for r in rows(invented, "events_by_specialty_year")}
    assert got == {("surgery", 2023): 1, ("surgery", 2024): 1, ("thoracic surgery", 2023): 1,
                   ("thoracic surgery", 2024): 1, ("endoscopy", 2023): 1}  # workshop: year from the article
    assert {int(r["year"]) for r in rows(invented, "events_by_specialty_year", specialty="surgery", year=2024)} == {2024}
    ev = {r["name"]: r for r in rows(invented, "events")}
    assert ev["Forum on Thoracic Testing"]["participantCount"] == "50"
    assert ev["Forum on Thoracic Testing"]["attendees"] == "3"
    assert set(ev["Forum on Thoracic Testing"]["organizers"].split(" | ")) == {"West Lake Hospital",
                                                                             "Royal College of Testing"}
    spec = {r["name"]: r for r in rows(invented, "specialties")}
    assert spec["thoracic surgery"]["broaderName"] == "surgery" and spec["thoracic surgery"]["events"] == "2"


def test_derived_tables_kept_current_by_writes():
    """The stored per-specialty cells (events by year, participants by country) and institution
    countries follow removed and re-added articles exactly as a full recount would."""
    st_ = G.build(Store())

    def table():
        years = {(r["specialtyName"], int(r["year"])): int(r["events"]) for r in rows(st_, "events_by_specialty_year")}
        countries = {(r["specialtyName"], r["countryName"]): (int(r["events"]), int(r["namedParticipants"]))
                     for r in rows(st_, "participant_countries")}
        orgs = {(r["name"], r["countryName"], r["via"]) for r in rows(st_, "institutions_by_country", limit=0)}
        return years, countries, orgs
    before = table()
    st_.remove_article("inv1")
    st_.flush()                          # incremental refresh of the touched entities
    after = table()
    assert after[0] != before[0] and after[1] != before[1] and after[2] != before[2]
    assert all(n >= 1 for n in after[0].values()) and all(n >= (1, 0) for n in after[1].values())
    st_.materialize()
    st_.flush()                          # full recount
    assert table() == after
    st_.replace_article("inv1", G.article1())
    st_.flush()
    assert table() == before
    # an event about no specialty, attended by a Chinese participant: under "(unspecified)"
    st_.replace_article_ntriples("solo", G.SMALL["solo"])
    st_.flush()
    assert table()[1][("(unspecified)", "China")] == (1, 1) and table()[0] == before[0]
    st_.remove_article("solo")
    st_.flush()
    assert table() == before
    # an institution on a campus (a place) in a city; a later article puts the city in a country:
    # the institution's country follows without a full recount
    st_.replace_article_ntriples("campus", G.SMALL["campus"])
    st_.flush()
    assert not any(name == "Campus Clinic" for name, _, _ in table()[2])
    st_.replace_article_ntriples("testville", G.SMALL["testville"])
    st_.flush()
    assert ("Campus Clinic", "Chile", "location") in table()[2]
    # after all these incremental sessions, every derived triple is what a full recount gives
    # (the country reached through the new place included)
    incremental = _derived(st_)
    st_.materialize()
    st_.flush()
    assert _derived(st_) == incremental
    st_.close()


def _derived(st_):
    from medkg.graph.counts import COUNTS_GRAPH
    return {(q.subject, q.predicate, q.object)
            for q in st_.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(str(COUNTS_GRAPH)))}


def test_international_partners(invented):
    got = rows(invented, "international_partners", institution="West Lake Hospital")
    partners = {(r["partnerName"], r["country"]) for r in got}
    assert partners == {("Royal College of Testing", "United Kingdom"), ("Universidad de Prueba", "Chile"),
                        ("Bob Smith", "United Kingdom"), ("Carol Diaz", "Chile")}
    assert {r["link"] for r in got if r["partnerName"] == "Royal College of Testing"} >= {"co-organized event"}
    by_iri = rows(invented, "international_partners", institution=str(G.O["wlh"]))
    assert {(r["partnerName"], r["country"]) for r in by_iri} == partners
    # from the other side: the UK college's partners are Chinese or Chilean
    assert {r["country"] for r in rows(invented, "international_partners", institution="Royal College")} <= {"China", "Chile"}


def test_affiliations_posts_and_hierarchy(invented):
    a = rows(invented, "affiliations", person="Alice Zhang")
    assert [(r["orgName"], r["posts"], r["articles"]) for r in a] == [("West Lake Hospital", "Vice President", "inv1")]
    assert rows(invented, "affiliations", person=str(G.P["dave"]))[0]["orgName"] == "Department of Surgery"
    assert len(rows(invented, "affiliations")) == 4
    h = rows(invented, "org_hierarchy")
    assert [(r["unitName"], r["ancestorName"], r["distance"]) for r in h] == \
        [("Department of Surgery", "West Lake Hospital", "1")]


def test_participant_countries(invented):
    got = {(r["specialtyName"], r["countryName"]): int(r["events"]) for r in
           rows(invented, "participant_countries", specialty="surgery")}
    # forum: UK, Chile (stated) + China, UK, Chile (attendees); second forum: China, UK (attendees)
    assert got[("surgery", "United Kingdom")] == 2 and got[("surgery", "China")] == 2 and got[("surgery", "Chile")] == 1
    assert ("endoscopy", "China") not in got
    every = {(r["specialtyName"], r["countryName"]): (int(r["events"]), int(r["namedParticipants"]))
             for r in rows(invented, "participant_countries")}
    assert {k: v[0] for k, v in every.items() if k[0] in {sp for sp, _ in got}} == got   # "surgery": a word
    assert every == {("endoscopy", "China"): (1, 1), ("endoscopy", "United Kingdom"): (1, 1),
                     ("surgery", "China"): (2, 1), ("surgery", "United Kingdom"): (2, 1), ("surgery", "Chile"): (1, 1),
                     ("thoracic surgery", "China"): (2, 1), ("thoracic surgery", "United Kingdom"): (2, 1),
                     ("thoracic surgery", "Chile"): (1, 1)}
    assert rows(invented, "participant_countries", specialty="no such specialty") == []


def test_provenance_and_review(invented):
    p = rows(invented, "provenance", predicate="attendee", object="Alice Zhang")
    by_article = {r["article"]: r for r in p}
    assert set(by_article) == {"inv1", "inv2"}
    r = by_article["inv1"]
    assert r["sentence"] == G.SENTENCE and r["subjectName"] == "Forum on Thoracic Testing"
    assert G.TEXT1[int(r["begin"]):int(r["end"])] == G.SENTENCE
    assert r["graph"].endswith("/graph/article/inv1")
    assert "sentence" not in by_article["inv2"]
    assert len(rows(invented, "provenance", predicate="schema:organizer")) == 4
    low = rows(invented, "low_confidence_facts", max_confidence=0.5)
    assert len(low) == 4 and {r["property"] for r in low} == {"nationality"}


def test_search_card_exists_graph(invented):
    hits = rows(invented, "search", q="FORUM")
    assert {r["name"] for r in hits} == {"Forum on Thoracic Testing", "Second Forum on Thoracic Testing"}
    assert rows(invented, "search", q="uk", type="Country")[0]["name"] == "United Kingdom"
    assert rows(invented, "search", q="HANGZHOU", type="Place")[0]["name"] == "Hangzhou"  # q starts with a whole word
    card = rows(invented, "entity_card", entity="bob smith")
    assert {(r["direction"], r["property"], r.get("valueName")) for r in card} >= {
        ("out", "schema:nationality", "United Kingdom"), ("in", "schema:attendee", "Workshop on Endoscopy")}
    att = [r for r in card if r["property"] == "schema:attendee" and r["valueName"] == "Second Forum on Thoracic Testing"]
    assert att[0]["articles"] == "1"
    assert rows(invented, "entity_card", entity="id:person/bob") == card
    assert run_local(invented, get_query("entity_exists").bind({"name": "uk"})).boolean is True
    assert run_local(invented, get_query("entity_exists").bind({"name": "uk", "type": "Person"})).boolean is False
    g = run_local(invented, get_query("entity_graph").bind({"entity": "Carol Diaz"}))
    preds = {(t.subject.value, t.predicate.value) for t in g.triples}
    assert (str(G.E["forum"]), "https://schema.org/attendee") in preds
    assert (str(G.P["carol"]), "https://schema.org/nationality") in preds


# ---------------------------------------------------------------------- parameters
def test_param_errors():
    q = get_query("coattendance_pairs")
    with pytest.raises(QueryError, match="no parameter 'nope'"):
        q.bind({"nope": "1"})
    with pytest.raises(QueryError, match="not an integer"):
        q.bind({"person": "", "min": "2; DROP ALL"})
    with pytest.raises(QueryError, match="required"):
        get_query("search").bind({})
    with pytest.raises(QueryError, match="not an IRI"):
        to_term("not an iri", "iri")
    with pytest.raises(QueryError):
        to_term("http://x/a b", "iri")
    with pytest.raises(QueryError, match="no named query"):
        get_query("peeple_by_country")
    with pytest.raises(Exception, match="bad param line"):
        parse_header("x", "# param: 1bad\nSELECT * {}")


def test_where_brace_ignores_strings_iris_comments():
    text = ('PREFIX ex: <http://ex/a#WHERE>\n# WHERE { comment\nCONSTRUCT { ?s ex:p "WHERE {" } '
            'WHERE { ?s ?p "}" }')
    pos = where_brace(text)
    assert text[pos - 1] == "{" and text[:pos].rstrip().endswith('"WHERE {" } WHERE {')
    assert where_brace("SELECT (EXISTS { ?a ?b ?c } AS ?x) { ?s ?p ?o }") == \
        "SELECT (EXISTS { ?a ?b ?c } AS ?x) {".__len__()


HOSTILE = ['"', "'", "}", "{", "} ; DROP ALL ; #", '") } } ; CLEAR ALL #', "\n", "\r\n}", "\\", "\\u0022",
           '\\"', "#", ">", "<http://evil/>", "'''", '"""', "a\x00b", "\u2028", "é中文🙂", "  ", "",
           "?x", "$_q", ") (", '"@en', '"^^<http://www.w3.org/2001/XMLSchema#integer>']


def _echo(store, value, ptype="string"):
    text = bind_adhoc("SELECT ?x ?n WHERE { BIND($_v AS ?x) BIND(1 AS ?n) }", {f"v:{ptype}": value})
    return list(store.query(text))


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_stay_values(value):
    got = _echo(Store(), value)
    assert len(got) == 1 and got[0]["x"].value == value and got[0]["n"].value == "1"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_binding_cannot_change_the_query(value):
    """Property: any string binds as exactly one literal; the rest of the query text is untouched."""
    template = "SELECT ?x ?n WHERE { BIND($_v AS ?x) BIND(1 AS ?n) }"
    bound = bind_values(template, {"v": to_term(value, "string")})
    pos = where_brace(template)
    assert bound.startswith(template[:pos]) and bound.endswith(template[pos:])
    got = list(ox.Store().query(bound))
    assert len(got) == 1 and got[0]["x"] == ox.Literal(value) and got[0]["n"].value == "1"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=20) | st.sampled_from(HOSTILE))
def test_binding_equals_algebra_substitution(invented, value):
    """Property: binding through VALUES gives the same answers as pyoxigraph's algebra-level substitution."""
    from medkg.ontology.namespaces import PREFIXES
    template = ("SELECT ?_v ?e ?name WHERE { ?e schema:name|schema:alternateName ?name "
                "FILTER(CONTAINS(LCASE(?name), LCASE(?_v))) }")
    ours = run_local(invented, bind_values(template, {"v": ox.Literal(value)}))
    theirs = invented.oxigraph.query(template, prefixes=PREFIXES, use_default_graph_as_union=True,
                                     substitutions={ox.Variable("_v"): ox.Literal(value)})
    key = lambda r: (r["e"].value, r["name"].value)  # noqa: E731
    assert sorted(key(r) for r in ours.rows) == sorted(key(r) for r in theirs)
    assert all(r["_v"] == ox.Literal(value) for r in ours.rows)
    if value == "":
        assert ours.rows


@given(n=st.integers(min_value=-10**12, max_value=10**12))
@settings(max_examples=50, deadline=None)
def test_integer_params(n):
    got = _echo(Store(), str(n), "integer")
    assert int(got[0]["x"].value) == n


# ---------------------------------------------------------------------- CLI
def test_cli_lists_queries(cli):
    res = cli("queries")
    assert res.exit_code == 0
    for name in COLUMNS:
        assert name in res.output
    res = cli("queries", "--json")
    doc = json.loads(res.output)
    assert {d["name"] for d in doc} == set(COLUMNS) | set(NON_SELECT)
    res = cli("queries", "people_by_country")
    assert "country (string" in res.output and "Columns: country, countryName" in res.output


def test_cli_named_query_with_params(cli, sample_store_dir, tmp_path):
    res = cli("--store", sample_store_dir, "query", "stats", "-f", "json")
    assert res.exit_code == 0
    doc = json.loads(res.output)
    assert doc["head"]["vars"] == ["metric", "value"] and doc["results"]["bindings"]
    out = tmp_path / "people.csv"
    res = cli("--store", sample_store_dir, "query", "people_by_country", "--param", "country=",
              "--output", out)
    assert res.exit_code == 0 and out.read_text().startswith("country,countryName,person,name")
    res = cli("--store", sample_store_dir, "query", "search", "-p", 'q=") } ; DROP ALL #', "--fail-empty")
    assert res.exit_code == 3
    res = cli("--store", sample_store_dir, "query", "entity_exists", "-p", "name=nobody-at-all", "--fail-empty")
    assert res.exit_code == 3 and res.output.strip() == "false"
    res = cli("--store", sample_store_dir, "query", "search", "--show-query", "-p", "q=x")
    assert 'VALUES ($_q $_type) { ("x" "") }' in res.output


def test_cli_exit_codes(cli, sample_store_dir, tmp_path):
    d = sample_store_dir
    assert cli("--store", d, "query", "search").exit_code == 2              # required param missing
    assert cli("--store", d, "query", "coattendance_pairs", "-p", "min=many").exit_code == 2
    assert cli("--store", d, "query", "nonexistent_query").exit_code == 2
    assert cli("--store", d, "query", "SELECT WHERE {").exit_code == 2
    assert cli("--store", d, "query", "INSERT DATA { <http://a> <http://b> <http://c> }").exit_code == 2
    assert cli("--store", d, "query", "stats", "-f", "turtle").exit_code == 2
    assert cli("--store", tmp_path / "missing", "query", "stats").exit_code == 1
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?s WHERE { ?s a schema:Person }")
    assert cli("--store", d, "query", rq, "--fail-empty").exit_code == 0
    rq.write_text("SELECT ?s WHERE { ?s a schema:Nothing }")
    assert cli("--store", d, "query", rq, "--fail-empty").exit_code == 3
    assert cli("--store", d, "query", rq).exit_code == 0


def test_cli_formats_agree(cli, sample_store_dir):
    d = sample_store_dir
    n = {}
    for fmt, pfmt in (("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML),
                      ("csv", None), ("tsv", ox.QueryResultsFormat.TSV)):
        res = cli("--store", d, "query", "provenance", "-f", fmt)
        assert res.exit_code == 0, res.output
        if pfmt is None:  # CSV is lossy: read it as CSV
            import csv
            import io
            n[fmt] = len(list(csv.reader(io.StringIO(res.stdout_bytes.decode(), newline="")))) - 1
        else:
            n[fmt] = len(list(ox.parse_query_results(res.stdout_bytes, pfmt)))
    assert len(set(n.values())) == 1 and n["json"] > 0
    res = cli("--store", d, "query", "provenance")
    assert res.output.rstrip().endswith(f"({n['json']} rows)")
    person = list(ox.Store.read_only(str(d)).query(
        "SELECT ?n WHERE { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?n } LIMIT 1",
        use_default_graph_as_union=True))[0]["n"].value
    for fmt, rdf in (("turtle", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES)):
        res = cli("--store", d, "query", "entity_graph", "-p", f"entity={person}", "-f", fmt)
        assert res.exit_code == 0 and list(ox.parse(res.stdout_bytes, rdf))


def test_long_lists_show_ten_then_how_many_more():
    st_ = G.build(Store())
    ev = "<https://w3id.org/medkg/id/event/big-visit>"
    nt = [f'{ev} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Event> .',
          f'{ev} <https://schema.org/name> "Big Visit" .',
          f'<https://w3id.org/medkg/article/big> <https://schema.org/mentions> {ev} .']
    for i in range(12):
        org = f"<https://w3id.org/medkg/id/org/host-{i:02d}>"
        nt += [f"{ev} <https://schema.org/organizer> {org} .", f'{org} <https://schema.org/name> "Host {i:02d}" .',
               f"<https://w3id.org/medkg/article/big> <https://schema.org/mentions> {org} ."]
    for i in range(12):    # twelve more events of the first two hosts
        e = f"<https://w3id.org/medkg/id/event/meeting-{i:02d}>"
        nt += [f'{e} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Event> .',
               f'{e} <https://schema.org/name> "Meeting {i:02d}" .',
               f"{e} <https://schema.org/organizer> <https://w3id.org/medkg/id/org/host-00> .",
               f"{e} <https://schema.org/organizer> <https://w3id.org/medkg/id/org/host-01> ."]
    st_.replace_article_ntriples("big", "\n".join(nt) + "\n")
    st_.flush()
    pairs = rows(st_, "coorganization_pairs", institution="Host 00")
    assert (pairs[0]["aName"], pairs[0]["bName"], pairs[0]["events"]) == ("Host 00", "Host 01", "13")
    names = pairs[0]["eventNames"].split(" | ")
    assert len(names) == 11 and names[-1] == "... (3 more)" and len(set(names)) == 11
    assert {r["bName"] for r in pairs[1:]} == {f"Host {i:02d}" for i in range(2, 12)}
    assert all(r["eventNames"] == "Big Visit" for r in pairs[1:])
    by_name = {r["name"]: r for r in rows(st_, "events", limit=0)}
    big = by_name["Big Visit"]["organizers"].split(" | ")
    assert len(big) == 11 and big[-1] == "... (2 more)" and all(n.startswith("Host ") for n in big[:10])
    # the limit is per event: the other events keep all their organizers
    assert set(by_name["Forum on Thoracic Testing"]["organizers"].split(" | ")) == {"West Lake Hospital",
                                                                                  "Royal College of Testing"}
    st_.close()


def test_attendance_pages_rows_and_caps_the_others():
    st_ = G.build(Store())
    ev = "<https://w3id.org/medkg/id/event/big-course>"
    nt = [f'{ev} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Event> .',
          f'{ev} <https://schema.org/name> "Big Course" .', f'{ev} <https://schema.org/startDate> "2022-03-01" .',
          f'{ev} <https://schema.org/startDate> "2021-03-01" .']
    for i in range(15):
        p = f"<https://w3id.org/medkg/id/person/trainee-{i:02d}>"
        nt += [f"{ev} <https://schema.org/attendee> {p} .", f'{p} <https://schema.org/name> "Trainee {i:02d}" .']
    for k in range(3):     # reported by three articles: the most reported event
        st_.replace_article_ntriples(f"course{k}", "\n".join(nt + [
            f"<https://w3id.org/medkg/article/course{k}> <https://schema.org/mentions> {ev} ."]) + "\n")
    st_.flush()
    every = [(r["event"], r["person"]) for r in rows(st_, "attendance", limit=0)]
    expected = {(r["e"].value, r["p"].value) for r in st_.query(
        "SELECT ?e ?p WHERE { ?e a schema:Event ; schema:name ?en ; schema:attendee ?p . ?p schema:name ?pn }")}
    assert len(every) == len(set(every)) and set(every) == expected and len(expected) > 15
    pages = [rows(st_, "attendance", limit=4, offset=o) for o in range(0, 28, 4)]
    assert [len(pg) for pg in pages] == [4, 4, 4, 4, 4, len(expected) - 20, 0]
    assert sorted((r["event"], r["person"]) for pg in pages for r in pg) == sorted(every)
    first = pages[0][0]
    assert first["eventName"] == "Big Course" and first["date"] == "2021-03-01"     # most reported first; earliest date
    others = first["with"].split(" | ")
    assert len(others) == 11 and others[-1] == "... (4 more)" and first["name"] not in others
    st_.close()


def test_attendance_keeps_single_attendee_events():
    st_ = G.build(Store())
    # through the Store API, so the merged default graph the queries read is kept up to date
    st_.replace_article_ntriples(
        "solo",
        '<https://w3id.org/medkg/id/event/solo> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Event> .\n'
        '<https://w3id.org/medkg/id/event/solo> <https://schema.org/name> "Solo" .\n'
        '<https://w3id.org/medkg/id/event/solo> <https://schema.org/attendee> <https://w3id.org/medkg/id/person/dave> .\n'
        '<https://w3id.org/medkg/id/person/dave> <https://schema.org/name> "Dave Li" .\n'
        # named look-ups use the store's name index, kept for the entities articles mention
        '<https://w3id.org/medkg/article/solo> <https://schema.org/mentions> <https://w3id.org/medkg/id/event/solo> .\n')
    st_.flush()   # end of the write session: counts and name index refreshed
    got = rows(st_, "attendance", event="solo")
    assert [(r["name"], r.get("with") or "") for r in got] == [("Dave Li", "")]


def test_first_session_full_recount_equals_incremental_counts():
    """The first write session of an empty store recounts everything at once (faster than entity
    by entity); the derived triples are those of the same articles written in two sessions,
    where the second recounts only the entities it touched."""
    from medkg.ontology.namespaces import ONTOLOGY_GRAPH
    at_once = G.build(Store())
    two = Store()
    two._replace_graph(str(ONTOLOGY_GRAPH), G.ontology())
    two.replace_article("inv1", G.article1())
    two.flush()                                  # the first session: one full recount
    two.replace_article("inv2", G.article2())
    two.flush()                                  # the second: the touched entities only
    assert _derived(at_once) and _derived(two) == _derived(at_once)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.tuples(st.booleans(), st.sampled_from(["inv1", "inv2", "solo", "campus", "testville"])),
                         min_size=1, max_size=4), min_size=1, max_size=4))
def test_incremental_counts_equal_a_full_recount(sessions):
    """Whatever articles write sessions add and remove, in whatever order, the derived data
    kept up to date entity by entity equal a full recount of the final graph."""
    from medkg.ontology.namespaces import ONTOLOGY_GRAPH
    store = Store()
    store._replace_graph(str(ONTOLOGY_GRAPH), G.ontology())
    store.flush()
    for session in sessions:
        for add, stem in session:
            if not add:
                store.remove_article(stem)
            elif stem in G.SMALL:
                store.replace_article_ntriples(stem, G.SMALL[stem])
            else:
                store.replace_article(stem, G.article1() if stem == "inv1" else G.article2())
        store.flush()
    incremental = _derived(store)
    store.materialize()
    store.flush()
    assert _derived(store) == incremental


def test_ranks_follow_article_counts_then_iris():
    """mkg:rank within a type: most mentioned first, ties in IRI order -- also where one IRI is
    the start of another ('abc' before 'abc-d', as strings sort); only the ranks that change are
    rewritten, so a second rerank of the same counts writes nothing."""
    from medkg.graph import counts
    from medkg.ontology.namespaces import MKG
    store = ox.Store()
    g = ox.NamedNode(str(counts.COUNTS_GRAPH))
    person = ox.NamedNode("https://schema.org/Person")
    people = {"abc-d": 1, "abc": 1, "abd": 2, "ab": 1, "zz": 3, "ábc": 1}
    for slug, n in people.items():
        e = ox.NamedNode(f"https://w3id.org/medkg/id/person/{slug}")
        store.add(ox.Quad(e, ox.NamedNode(str(MKG.articleCount)), ox.Literal(str(n), datatype=counts._INT), g))
        store.add(ox.Quad(e, ox.NamedNode(str(MKG.rankType)), person, g))
    counts.rerank(store)
    ranks = {q.subject.value.rsplit("/", 1)[1]: int(q.object.value)
             for q in store.quads_for_pattern(None, ox.NamedNode(str(MKG.rank)), None, g)}
    assert sorted(ranks, key=ranks.get) == ["zz", "abd", "ab", "abc", "abc-d", "ábc"]
    # the copy in the default graph says the same
    assert {(q.subject.value, q.object.value) for q in store.quads_for_pattern(None, ox.NamedNode(str(MKG.rank)), None, ox.DefaultGraph())} \
        == {(q.subject.value, q.object.value) for q in store.quads_for_pattern(None, ox.NamedNode(str(MKG.rank)), None, g)}
    before = len(store)
    writes = []
    real = store.update

    class Spy:
        def __getattr__(self, name):
            return getattr(store, name)

        def update(self, text):
            writes.append(text)
            real(text)
    counts.rerank(Spy())
    assert writes == [] and len(store) == before


def test_org_hierarchy_distances_in_both_forms():
    """Ancestors up to five levels up, each at its shortest distance; the query's own SPARQL 1.1
    text (fixed-length paths, for servers without LATERAL) gives the same rows."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF
    from medkg.ontology.namespaces import SDO, article_iri
    org = lambda k: URIRef(f"https://w3id.org/medkg/id/org/{k}")   # noqa: E731
    chain = ["base", "lab", "unit", "dept", "hosp", "univ", "group", "top"]  # seven steps from base to top
    art = article_iri("h1")
    triples = [(art, RDF.type, SDO.NewsArticle), (art, SDO.identifier, Literal("h1"))]
    for k in chain:
        triples += [(org(k), RDF.type, SDO.Organization), (org(k), SDO.name, Literal(f"{k.title()} Org")),
                    (art, SDO.mentions, org(k))]
    triples += [(org(a), SDO.parentOrganization, org(b)) for a, b in zip(chain, chain[1:])]
    triples.append((org("lab"), SDO.parentOrganization, org("dept")))    # a shortcut: lab -> dept is 1
    with Store() as st_:
        st_.replace_article("h1", triples)
        st_.flush()
        q = get_query("org_hierarchy")
        assert q.text11 is not None
        for params in ({}, {"institution": "hosp"}, {"institution": "Univ Org", "limit": 2}):
            out = []
            for form in (False, True):
                res = run_local(st_, q.bind(params, sparql11=form))
                out.append(sorted((r["unitName"].value, r["ancestorName"].value, int(r["distance"].value))
                                  for r in res.rows))
            assert out[0] == out[1], params
        got = {(u, a): d for u, a, d in sorted((r["unitName"].value, r["ancestorName"].value,
                                               int(r["distance"].value))
                                              for r in run_local(st_, q.bind({}, sparql11=True)).rows)}
        assert got[("Lab Org", "Dept Org")] == 1 and got[("Lab Org", "Hosp Org")] == 2
        assert got[("Lab Org", "Top Org")] == 5 and got[("Unit Org", "Top Org")] == 5
        assert got[("Base Org", "Dept Org")] == 2 and ("Base Org", "Top Org") not in got   # 6 steps: cut
        assert ("Unit Org", "Lab Org") not in got and len(got) == 6 + 6 + 5 + 4 + 3 + 2 + 1
        assert got == {(u, a): d for u, a, d in (
            (r["unitName"].value, r["ancestorName"].value, int(r["distance"].value))
            for r in run_local(st_, q.bind({})).rows)}


def test_own_sparql11_forms_belong_to_queries_and_are_used(cli):
    """A file of queries/sparql11/ is the SPARQL 1.1 text of the library query of that name: it
    reads only that query's parameters, has no LATERAL, and `--sparql11` binds it."""
    import re
    from medkg.queries.library import SPARQL11_DIR, library_dir
    lib = load_library()
    files = sorted((library_dir() / SPARQL11_DIR).glob("*.rq"))
    assert {f.stem for f in files} == {n for n, q in lib.items() if q.text11 is not None} != set()
    for f in files:
        q = lib[f.stem]
        used = set(re.findall(r"\$_([A-Za-z0-9_]+)", q.text11))
        assert used <= set(re.findall(r"\$_([A-Za-z0-9_]+)", q.text)), f.name   # (params and derived keys)
        assert not re.search(r"\bLATERAL\s*\{", q.bind({p.name: "x" for p in q.params if p.required}, sparql11=True))
    res = cli("query", "coattendance_pairs", "-p", "person=li", "--sparql11", "--show-query")
    assert res.exit_code == 0 and "SELECT ?a ?b ?events WHERE" in res.output
    assert not re.search(r"\bLATERAL\s*\{", res.output)
    assert "STR(?p) < STR(?o), ?p, ?o) AS ?a)" in res.output
    res = cli("query", "coattendance_pairs", "-p", "person=li", "--show-query")
    assert res.exit_code == 0 and "SELECT ?a ?b ?events WHERE" not in res.output
    assert re.search(r"\bLATERAL\s*\{", res.output)
