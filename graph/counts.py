"""Derived per-entity counts and ranks, kept by the store for ranking queries.

Ranking queries (most mentioned people, countries and specialties with their numbers)
would otherwise group every ``schema:mentions`` / ``schema:attendee`` ... triple of the
graph at query time (millions at 100k articles), and an on-disk Oxigraph store pays
tens of microseconds per row. Instead the store keeps, in a named graph of its own
(:data:`COUNTS_GRAPH`, which lists what is derived) and copied into the default graph (which
queries read, next to the merged article graphs and the ontology):

* ``?e mkg:articleCount n``: articles mentioning the entity (``schema:mentions``);
* ``?e mkg:eventCount n``: events linked to it (a person attended, a country sent
  participants to -- ``mkg:participantCountry`` or an attendee's nationality --, a
  specialty is the subject of);
* ``?e mkg:peopleCount n``: people of a country (``schema:nationality``), affiliated
  with an institution, or named attendees of an event;
* ``?e mkg:institutionCount n``: institutions a person is affiliated with, located in a
  country (directly or via a place), with a specialty (``schema:medicalSpecialty``), or
  organizing an event;
* ``?e mkg:rank r``: 1 = most mentioned entity of its type (ties by IRI), so a page of
  a ranking is a handful of index lookups (``VALUES ?rank { 1 2 ... }``); events with named
  attendees also have ``mkg:attendeeRank`` (the same order, among them only);
* ``?event mkg:firstDate d``: the earliest of its start dates;
* ``?e mkg:nameKey k`` (each name and alias, case-folded) and ``?e mkg:nameToken w`` (each
  of their words): exact-name and word look-ups by index;
* ``?event mkg:year y``: the years of an event (of its start dates, else of the articles
  reporting it), and ``?specialty mkg:eventsInYear ?cell . ?cell mkg:year y ; mkg:count n``:
  events about the specialty or a narrower one (``skos:broader``) per year, and
  ``mkg:participantsFrom`` cells: events and named participants per country;
* ``?org mkg:locatedInCountry c`` (from its location or address, through places) and, for an
  institution with no located country, ``?org mkg:memberCountry c`` (its people's nationality).

Counts are recomputed for the entities a write session touched (those mentioned by the
written or removed articles or at either end of their counted relations, and the countries
these reach: a person's nationality, the country a place lies in), ranks for all
entities, at the end of the session (``Store.flush``/``close``); the first session of an
empty store recounts everything at once. The first write of a session removes the
``mkg:countsValid`` marker, the refresh puts it back: a crash in between is seen on the
next read-write open, which recounts everything.
"""

from __future__ import annotations

import hashlib
import re
from typing import Iterable

import pyoxigraph as ox

from medkg.ontology.namespaces import ARTICLE_GRAPH_PREFIX, GRAPH, MKG, ONTOLOGY_GRAPH

COUNTS_GRAPH = GRAPH["counts"]
_G = f"<{COUNTS_GRAPH}>"
_GN = ox.NamedNode(str(COUNTS_GRAPH))
#: what the counts graph holds; a store whose counts were written by an older medkg (another
#: version, or none) is recounted in full at its next read-write open (9: incremental refreshes
#: before it could leave a specialty's old cells next to the new ones, and stale country counts)
COUNTS_VERSION = 9
#: from this version on, every derived triple is also in the default graph, next to the merged
#: article graphs and the ontology (queries read one graph, not a union of three)
MIRROR_VERSION = 8
_VALID = f"{_G} <{MKG.countsValid}> true . {_G} <{MKG.countsVersion}> {COUNTS_VERSION}"
SDO = "https://schema.org/"
RANKED_TYPES = ("Person", "Organization", "Event", "MedicalSpecialty", "Country", "Place")
_MENTION_RE = re.compile(r"<https://schema\.org/mentions> <([^>\s]+)> \.")
#: the relations the counts follow (:data:`COUNTERS`)
_COUNTED = tuple(f"{SDO}{p}" for p in ("attendee", "about", "affiliation", "organizer", "medicalSpecialty",
                                        "nationality", "location", "containedInPlace")) + (str(MKG.participantCountry),)
_COUNTED_RE = re.compile(r"^<([^>\s]+)> <(?:" + "|".join(re.escape(p) for p in _COUNTED) + r")> <([^>\s]+)> \.$", re.M)
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_INT = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

#: counter -> SPARQL patterns (alternatives) binding ?e (the counted entity) and ?x (what is counted)
COUNTERS = {
    "articleCount": [f"?x <{SDO}mentions> ?e"],
    "eventCount": [f"?x <{SDO}attendee> ?e", f"?x <{MKG.participantCountry}> ?e",
                   f"?p <{SDO}nationality> ?e . ?x <{SDO}attendee> ?p", f"?x <{SDO}about> ?e"],
    "peopleCount": [f"?x <{SDO}nationality> ?e", f"?x <{SDO}affiliation> ?e", f"?e <{SDO}attendee> ?x"],
    "institutionCount": [f"?e <{SDO}affiliation> ?x", f"?x <{SDO}medicalSpecialty> ?e", f"?e <{SDO}organizer> ?x",
                         f"?e a <{SDO}Country> . ?x <{SDO}location>/<{SDO}containedInPlace>* ?e . "
                         f"?x a <{SDO}Organization>"],
}


def _union(scope: str, patterns: list[str]) -> str:
    """The alternatives as a UNION, each starting from the scope's VALUES (so the engine
    starts every branch from the entities to count, not from the whole graph)."""
    return " UNION ".join(f"{{ {scope}{p} }}" for p in patterns)


#: every predicate of the derived triples (the counts graph and its copy in the default graph)
DERIVED_PREDICATES = tuple(str(MKG[n]) for n in (
    "articleCount", "eventCount", "peopleCount", "institutionCount", "rank", "attendeeRank", "rankType",
    "nameKey", "nameToken", "firstDate", "year", "eventsInYear", "participantsFrom", "country", "count",
    "locatedInCountry", "memberCountry", "metric", "metricValue", "countsValid", "countsVersion"))


def _into(template: str) -> str:
    """An INSERT/DELETE template for derived triples: into (out of) the counts graph, which
    says what is derived, and its copy in the default graph, which queries read (one graph
    instead of a union of three: a look-up is one index seek, not three). Derived predicates
    are medkg's own (:data:`DERIVED_PREDICATES`), never written by an article, so a copy in
    the default graph never collides with an article triple."""
    return f"GRAPH {_G} {{ {template} }} {template}"


def _quads(triples) -> list:
    """Quads of derived triples for the counts graph and for the default graph."""
    out = []
    for s, p, o in triples:
        out += [ox.Quad(s, p, o, _GN), ox.Quad(s, p, o, ox.DefaultGraph())]
    return out


def is_mirrored(ox_store) -> bool:
    """True when the derived triples (and the ontology) are copied into the default graph."""
    return bool(ox_store.query(f"ASK {{ GRAPH {_G} {{ {_G} <{MKG.countsVersion}> ?v FILTER(?v >= {MIRROR_VERSION}) }} }}"))


def mentioned(ntriples: str) -> set[str]:
    """IRIs whose counts an article's N-Triples (canonical: one triple per line) bear on: the
    entities it mentions (``schema:mentions`` objects) and both ends of its counted relations
    (an attendee the article does not list as mentioned still counts the event)."""
    out = set(_MENTION_RE.findall(ntriples))
    for s, o in _COUNTED_RE.findall(ntriples):
        out.add(s)
        out.add(o)
    return out


def mentioned_in_graph(ox_store, graph: str) -> set[str]:
    """:func:`mentioned` for an article graph in the store."""
    counted = "|".join(f"<{p}>" for p in _COUNTED)
    q = (f"SELECT DISTINCT ?e WHERE {{ GRAPH <{graph}> {{ {{ ?a <{SDO}mentions> ?e }} UNION "
         f"{{ ?e {counted} ?o }} UNION {{ ?s {counted} ?e }} }} }}")
    return {row["e"].value for row in ox_store.query(q) if isinstance(row["e"], ox.NamedNode)}


def is_valid(ox_store) -> bool:
    """True when the counts graph is complete and current."""
    return bool(ox_store.query(f"ASK {{ GRAPH {_G} {{ {_VALID} }} }}"))


def invalidate(ox_store) -> None:
    """Mark the counts stale (before the first write of a session)."""
    ox_store.update(f"DELETE WHERE {{ GRAPH {_G} {{ {_G} <{MKG.countsValid}> ?v }} }}")


def refresh(ox_store, touched: Iterable[str] | None = None) -> None:
    """Recount the entities in ``touched`` (all entities when None), re-rank every entity,
    and mark the counts valid -- one transaction.

    Counts read the merged default graph, where each triple appears once (article IRIs
    are per article, so ``?article schema:mentions ?e`` counts articles).
    """
    parts = []
    if touched is None:
        # the copies in the default graph first (what the counts graph lists), then the graph
        parts.append(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {_G} {{ ?s ?p ?o }} }}")
        parts.append(f"DROP SILENT GRAPH {_G}")
        scope = ""
    else:
        touched = sorted(set(touched) | neighbours(ox_store, touched))
        if not touched:
            scope = None
        else:
            values = " ".join(f"<{iri}>" for iri in touched)
            scope = f"VALUES ?e {{ {values} }} "
            parts.append(f"DELETE {{ {_into('?e ?c ?n')} }} WHERE {{ {scope} GRAPH {_G} {{ ?e ?c ?n }} "
                         f"FILTER(?c NOT IN (<{MKG.rank}>, <{MKG.eventsInYear}>, <{MKG.participantsFrom}>)) }}")
            # (ranks: rewritten by rerank, changed ones only; a specialty's cells: replaced,
            # with their links, by refresh_years -- dropping only the links here left the
            # old cells behind, each cell then with two counts)
    if scope is not None:
        for name, pattern in COUNTERS.items():
            parts.append(f"INSERT {{ {_into(f'?e <{MKG[name]}> ?n')} }} WHERE {{ "
                         f"SELECT ?e (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {_union(scope, pattern)} }} GROUP BY ?e }}")
        # the type a counted entity is ranked in (read by rerank without a join); a FILTER, not
        # VALUES: Oxigraph joined VALUES ?t by reading every entity of each type (0.66 s for
        # 120 touched entities at 100k articles, 0.02 s with the FILTER)
        types = ", ".join(f"<{SDO}{t}>" for t in RANKED_TYPES)
        parts.append(f"INSERT {{ {_into(f'?e <{MKG.rankType}> ?t')} }} WHERE {{ {scope}"
                     f"GRAPH {_G} {{ ?e <{MKG.articleCount}> ?n }} ?e a ?t . FILTER(?t IN ({types})) }}")
    if parts:
        ox_store.update(" ;\n".join(parts))
    if scope is not None:
        index_names(ox_store, scope)
        refresh_years(ox_store, scope)
        refresh_org_countries(ox_store, scope, touched or ())
    rerank(ox_store)
    from medkg.graph import stats_store      # graph-level statistics of the `stats` query
    stats_store.refresh(ox_store)
    ox_store.update(f"INSERT DATA {{ GRAPH {_G} {{ {_VALID} }} }}")


def neighbours(ox_store, touched: Iterable[str]) -> set[str]:
    """Countries whose counts a write around ``touched`` may change although the written
    article need not name them: a touched person's nationality (it counts the events they
    attended) and the country a touched place or institution lies in, through places (it
    counts the institutions located in it). Not the other way: a touched country would bring
    all its people."""
    touched = set(touched)
    if not touched:
        return set()
    scope = "VALUES ?e { " + " ".join(f"<{iri}>" for iri in sorted(touched)) + " } "
    place = f"<{SDO}containedInPlace>"
    # the VALUES inside each branch (_union): outside, the UNION took 5x longer
    rows = ox_store.query(f"SELECT DISTINCT ?k WHERE {{ " + _union(scope, [
        f"?e <{SDO}nationality> ?k",
        f"?e (<{SDO}location>|{place})/{place}* ?k . ?k a <{SDO}Country>"]) + " }")
    return {r["k"].value for r in rows if isinstance(r["k"], ox.NamedNode)} - touched


_WORD_RE = re.compile(r"\w+")


def name_key(name: str) -> str:
    """The lookup key of a name: case-folded, spaces collapsed."""
    return " ".join(name.split()).casefold()


def name_words(name: str) -> list[str]:
    """The words of a name, case-folded, in order."""
    return _WORD_RE.findall(name.casefold())


def name_tokens(name: str) -> set[str]:
    """The words of a name, case-folded (what ``search`` looks up)."""
    return set(name_words(name))


def index_names(ox_store, scope: str) -> None:
    """``mkg:nameKey`` (whole name, case-folded) and ``mkg:nameToken`` (each word) for every
    name and alias of the counted entities in ``scope``: exact and word look-ups by index
    instead of LCASE/CONTAINS over every name of the graph."""
    rows = ox_store.query(f"SELECT ?e ?l WHERE {{ {scope}GRAPH {_G} {{ ?e <{MKG.articleCount}> ?n }} "
                          f"?e <{SDO}name>|<{SDO}alternateName> ?l }}")
    key_p, tok_p = ox.NamedNode(str(MKG.nameKey)), ox.NamedNode(str(MKG.nameToken))
    triples = set()
    for r in rows:
        e, label = r["e"], r["l"].value
        triples.add((e, key_p, ox.Literal(name_key(label))))
        triples.update((e, tok_p, ox.Literal(t)) for t in name_tokens(label))
        if len(triples) >= 50_000:         # in batches: a full recount names every entity
            ox_store.extend(_quads(triples))
            triples.clear()
    if triples:
        ox_store.extend(_quads(triples))


def rerank(ox_store) -> None:
    """``mkg:rank`` of every counted entity within its type: by articles, ties by IRI (IRIs are
    slugs of the names, so nearly alphabetical). Reads five predicates of the counts graph whole
    (no joins) and writes only the ranks that changed: a new entity moves every entity ranked
    after it, so a session on a big store rewrites many (~50,000 at 100k articles, ~0.5-1 s)."""
    count = {e: int(n) for e, n in _column(ox_store, "articleCount")}
    by_type: dict[bytes, list] = {}
    for e, t in _column(ox_store, "rankType"):
        if e in count:
            by_type.setdefault(t, []).append((-count[e], e))
    new: dict[bytes, int] = {}
    for items in by_type.values():
        items.sort()
        for i, (_, e) in enumerate(items, 1):
            new[e] = min(new.get(e, i), i)       # an entity of two ranked types keeps its best rank
    # events with named attendees, in the same order: a page of attendance rows is then a
    # handful of look-ups of these ranks, each event giving at least one row
    people = {e: int(n) for e, n in _column(ox_store, "peopleCount")}
    attended = sorted(item for item in by_type.get(f"{SDO}Event".encode(), []) if people.get(item[1], 0) > 0)
    new_att = {e: i for i, (_, e) in enumerate(attended, 1)}
    old_att = {e: int(r) for e, r in _column(ox_store, "attendeeRank")}
    old = {e: int(r) for e, r in _column(ox_store, "rank")}
    rank, att = f"<{MKG.rank}>".encode(), f"<{MKG.attendeeRank}>".encode()
    drop = [b"<%s> %s %d" % (e, rank, r) for e, r in old.items() if new.get(e) != r]
    add = [b"<%s> %s %d" % (e, rank, r) for e, r in new.items() if old.get(e) != r]
    drop += [b"<%s> %s %d" % (e, att, r) for e, r in old_att.items() if new_att.get(e) != r]
    add += [b"<%s> %s %d" % (e, att, r) for e, r in new_att.items() if old_att.get(e) != r]
    parts = []
    if drop:
        parts.append(f"DELETE DATA {{ {_into(b' . '.join(drop).decode())} }}")
    if add:
        parts.append(f"INSERT DATA {{ {_into(b' . '.join(add).decode())} }}")
    if parts:
        ox_store.update(" ;\n".join(parts))


def _column(ox_store, pred: str) -> list[tuple[bytes, ...]]:
    """``(subject, object)`` of every ``mkg:pred`` triple of the counts graph (:func:`_rows`)."""
    return _rows(ox_store, f"SELECT ?s ?o WHERE {{ GRAPH {_G} {{ ?s <{MKG[pred]}> ?o }} }}")


def _rows(ox_store, select: str) -> list[tuple[bytes, ...]]:
    """The rows of a SELECT query as bytes: an IRI without its brackets (UTF-8: IRIs sort as
    their strings do), an integer as its digits, other terms as in TSV results. Oxigraph writes
    the whole result at once; reading it as Python terms, one by one, is twice as slow (0.28 s
    instead of 0.13 s for the 72k article counts of 100k articles)."""
    data = ox_store.query(select).serialize(format=ox.QueryResultsFormat.TSV)
    return [tuple(v[1:-1] if v.startswith(b"<") else v for v in line.split(b"\t"))
            for line in data.split(b"\n")[1:] if line]


_SKOS_BROADER = "http://www.w3.org/2004/02/skos/core#broader"
#: the subject of the cells of events about no specialty
UNSPECIFIED = MKG.unspecifiedSpecialty
_XSD_INT = "http://www.w3.org/2001/XMLSchema#integer"


def _year_of(var: str) -> str:
    return (f'FILTER(REGEX(STR({var}), "^[0-9]{{4}}")) '
            f'BIND(<{_XSD_INT}>(SUBSTR(STR({var}), 1, 4)) AS ?y)')


def refresh_years(ox_store, scope: str) -> None:
    """Event years, and the per-specialty cells of the entities in ``scope``.

    An event's years are those of its start dates, else the publication years of the articles
    mentioning it (a recurring event merged from many reports counts once in each of its
    years). The cells of every specialty above a touched event's topics, above the topics of
    events a touched person attended, or above a touched specialty are recounted:
    events per year (``mkg:eventsInYear``) and events and named participants per country
    (``mkg:participantsFrom``; events about no specialty under :data:`UNSPECIFIED`).
    """
    g, year, first = _G, f"<{MKG.year}>", f"<{MKG.firstDate}>"
    event = f"?e a <{SDO}Event> . "
    ox_store.update(
        f"DELETE {{ {_into(f'?e {first} ?d')} }} WHERE {{ {scope}GRAPH {g} {{ ?e {first} ?d }} }} ;\n"
        f"INSERT {{ {_into(f'?e {first} ?d')} }} WHERE {{ SELECT ?e (MIN(?d0) AS ?d) WHERE {{ "
        f"{scope}{event}?e <{SDO}startDate> ?d0 }} GROUP BY ?e }} ;\n"
        f"DELETE {{ {_into(f'?e {year} ?y')} }} WHERE {{ {scope}GRAPH {g} {{ ?e {year} ?y }} }} ;\n"
        f"INSERT {{ {_into(f'?e {year} ?y')} }} WHERE {{ SELECT DISTINCT ?e ?y WHERE {{ "
        f"{{ {scope}{event}?e <{SDO}startDate> ?d . {_year_of('?d')} }} UNION "
        f"{{ {scope}{event}FILTER NOT EXISTS {{ ?e <{SDO}startDate> ?d0 FILTER(REGEX(STR(?d0), \"^[0-9]{{4}}\")) }} "
        f"?a <{SDO}mentions> ?e ; <{SDO}datePublished> ?d . {_year_of('?d')} }} }} }}")
    # the specialty scheme (skos:broader, in the ontology graph; a few hundred edges) in memory
    narrower: dict[str, set[str]] = {}
    for q in ox_store.quads_for_pattern(None, ox.NamedNode(_SKOS_BROADER), None, ox.NamedNode(str(ONTOLOGY_GRAPH))):
        narrower.setdefault(q.object.value, set()).add(q.subject.value)
    broader: dict[str, set[str]] = {}
    for b, ns in narrower.items():
        for n in ns:
            broader.setdefault(n, set()).add(b)
    # the touched events (and those attended by touched people): their topics, or none
    rows = ox_store.query(
        f"SELECT DISTINCT ?t WHERE {{ "
        f"{{ SELECT DISTINCT ?x WHERE {{ {{ {scope}{event}BIND(?e AS ?x) }} UNION "
        f"{{ {scope}?x <{SDO}attendee> ?e }} }} }} "
        f"OPTIONAL {{ ?x <{SDO}about> ?t0 }} BIND(COALESCE(?t0, <{UNSPECIFIED}>) AS ?t) }}")
    topics = {r["t"].value for r in rows if isinstance(r["t"], ox.NamedNode)}
    topics |= {r["t"].value for r in ox_store.query(f"SELECT ?t WHERE {{ {scope}?e a <{SDO}MedicalSpecialty> BIND(?e AS ?t) }}")}
    # a touched entity with cells that is no longer a specialty (its article removed): its
    # cells go (the loop below finds no event about it any more)
    topics |= {r["t"].value for r in ox_store.query(
        f"SELECT DISTINCT ?t WHERE {{ {scope}GRAPH {g} {{ ?e <{MKG.eventsInYear}>|<{MKG.participantsFrom}> ?c }} "
        f"BIND(?e AS ?t) }}")}
    # an entity gone from the graph may have been an event about no specialty
    unspecified = str(UNSPECIFIED) in topics or bool(scope) and bool(ox_store.query(
        f"ASK {{ {scope}FILTER NOT EXISTS {{ GRAPH ?h {{ ?e ?p ?o }} FILTER(STRSTARTS(STR(?h), \"{ARTICLE_GRAPH_PREFIX}\")) }} }}"))
    specialties = _closure(topics - {str(UNSPECIFIED)}, broader)
    if not specialties and not unspecified:
        return
    subjects = sorted(specialties | ({str(UNSPECIFIED)} if unspecified else set()))
    values = f"VALUES ?s {{ {' '.join(f'<{s}>' for s in subjects)} }} "
    cell = "?c ?cp ?co"
    ox_store.update(
        f"DELETE {{ {_into(f'?s ?sp ?c . {cell}')} }} WHERE {{ {values}GRAPH {g} {{ "
        f"VALUES ?sp {{ <{MKG.eventsInYear}> <{MKG.participantsFrom}> }} ?s ?sp ?c . {cell} }} }}")
    # each specialty with itself and every narrower one: the topics its events are about
    ox_store.extend(_quads(_cells(ox_store, {s: _closure({s}, narrower) for s in specialties}, unspecified)))


def has_quad(ox_store, s, p, o, g=None) -> bool:
    """Is there a quad matching (s, p, o) in graph ``g`` (the default graph when None)?"""
    return next(iter(ox_store.quads_for_pattern(s, p, o, ox.DefaultGraph() if g is None else g)), None) is not None


def _cells(ox_store, topics_of: dict[str, set[str]], unspecified: bool) -> list[tuple]:
    """The cells of the specialties of ``topics_of`` (specialty IRI -> itself and its narrower
    topics; :data:`UNSPECIFIED` too when ``unspecified``: the events about none).

    Reads six predicates whole (``schema:about``, the events, their years, participant
    countries, attendees, nationalities: sequential index scans, :func:`_rows`) and adds the
    cells up here, each event once however many specialties it falls under. Joins cost an
    index seek per row: SPARQL aggregates over (specialty, event, ...) rows took 6 s for 5
    articles at 100k articles, one look-up per event and attendee 2.5 s, the same joins as
    SPARQL 2.4 s; the scans 0.5 s."""
    topics = {t.encode("utf-8") for ts in topics_of.values() for t in ts}
    about = _rows(ox_store, f"SELECT ?e ?t WHERE {{ ?e <{SDO}about> ?t }}")
    of_topic: dict[bytes, set[bytes]] = {}
    for e, t in about:
        if t in topics:
            of_topic.setdefault(t, set()).add(e)
    events = {s: set().union(*(of_topic.get(t.encode("utf-8"), ()) for t in ts)) for s, ts in topics_of.items()}
    typed = {e for (e,) in _rows(ox_store, f"SELECT ?e WHERE {{ ?e a <{SDO}Event> }}")}
    if unspecified:
        events[str(UNSPECIFIED)] = typed - {e for e, _ in about}
    wanted = set().union(*events.values()) if events else set()
    years: dict[bytes, list[bytes]] = {}
    for e, y in _rows(ox_store, f"SELECT ?e ?y WHERE {{ GRAPH {_G} {{ ?e <{MKG.year}> ?y }} }}"):
        if e in wanted and e in typed:
            years.setdefault(e, []).append(y)
    countries: dict[bytes, dict[bytes, set[bytes]]] = {}   # event -> {country: its attendees from there}
    for e, k in _rows(ox_store, f"SELECT ?e ?k WHERE {{ ?e <{MKG.participantCountry}> ?k FILTER(isIRI(?k)) }}"):
        if e in wanted:
            countries.setdefault(e, {}).setdefault(k, set())
    nationality: dict[bytes, list[bytes]] = {}
    for p, k in _rows(ox_store, f"SELECT ?p ?k WHERE {{ ?p <{SDO}nationality> ?k FILTER(isIRI(?k)) }}"):
        nationality.setdefault(p, []).append(k)
    for e, p in _rows(ox_store, f"SELECT ?e ?p WHERE {{ ?e <{SDO}attendee> ?p }}"):
        if e in wanted:
            for k in nationality.get(p, ()):
                countries.setdefault(e, {}).setdefault(k, set()).add(p)
    year_p, in_year = ox.NamedNode(str(MKG.year)), ox.NamedNode(str(MKG.eventsInYear))
    from_p, country_p = ox.NamedNode(str(MKG.participantsFrom)), ox.NamedNode(str(MKG.country))
    count_p, people_p = ox.NamedNode(str(MKG['count'])), ox.NamedNode(str(MKG.peopleCount))
    out = []
    for s, evs in events.items():
        subject = ox.NamedNode(s)
        per_year: dict[bytes, int] = {}
        cells: dict[bytes, list] = {}
        for e in evs:
            for y in years.get(e, ()):
                per_year[y] = per_year.get(y, 0) + 1
            for k, people in countries.get(e, {}).items():
                cell = cells.setdefault(k, [0, set()])
                cell[0] += 1
                cell[1] |= people
        for y, n in per_year.items():
            c = ox.NamedNode(f"{s}/year/{y.decode()}")
            out += [(subject, in_year, c), (c, year_p, ox.Literal(y.decode(), datatype=_INT)),
                    (c, count_p, ox.Literal(str(n), datatype=_INT))]
        for k, (n, ps) in cells.items():
            c = ox.NamedNode(f"{s}/from/{hashlib.md5(k).hexdigest()}")
            out += [(subject, from_p, c), (c, country_p, ox.NamedNode(k.decode("utf-8"))),
                    (c, count_p, ox.Literal(str(n), datatype=_INT)),
                    (c, people_p, ox.Literal(str(len(ps)), datatype=_INT))]
    return out


def _closure(start: set[str], edges: dict[str, set[str]]) -> set[str]:
    """``start`` and everything reachable from it along ``edges``."""
    seen, todo = set(start), list(start)
    while todo:
        for nxt in edges.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


_COUNTRY_NS = "https://w3id.org/medkg/id/country/"


def _located_at(ox_store, entities: Iterable[str]) -> set[str]:
    """Organizations whose location or address is one of ``entities`` or a place inside one
    (``schema:containedInPlace``, any depth), walked through the index: the same as the path
    ``?org (location|addressCountry)/containedInPlace* ?e``, which Oxigraph 0.5 evaluated by
    reading the whole graph for each ?e (26 s for 120 entities at 100k articles)."""
    inside, at = ox.NamedNode(f"{SDO}containedInPlace"), (ox.NamedNode(f"{SDO}location"), ox.NamedNode(f"{SDO}addressCountry"))
    org = ox.NamedNode(f"{SDO}Organization")
    dg = ox.DefaultGraph()
    seen = {ox.NamedNode(e) for e in entities}
    todo = list(seen)
    while todo:
        for q in ox_store.quads_for_pattern(None, inside, todo.pop(), dg):
            if q.subject not in seen:
                seen.add(q.subject)
                todo.append(q.subject)
    found = {q.subject for x in seen for p in at for q in ox_store.quads_for_pattern(None, p, x, dg)}
    return {o.value for o in found if isinstance(o, ox.NamedNode) and has_quad(ox_store, o, _RDF_TYPE, org)}


def refresh_org_countries(ox_store, scope: str, touched: Iterable[str] = ()) -> None:
    """The countries of the institutions in ``scope`` (the VALUES of ``touched``), of those its
    touched people are affiliated with and of those located at or inside a touched place (not a
    country): ``mkg:locatedInCountry`` from the location or address (through
    ``schema:containedInPlace``), else ``mkg:memberCountry`` from the affiliated people's nationality."""
    g, loc, mem = _G, f"<{MKG.locatedInCountry}>", f"<{MKG.memberCountry}>"
    if scope:
        rows = ox_store.query(
            f"SELECT DISTINCT ?org WHERE {{ {{ {scope}?e a <{SDO}Organization> BIND(?e AS ?org) }} UNION "
            f"{{ {scope}?e <{SDO}affiliation> ?org }} "
            f"?org a <{SDO}Organization> }}")
        orgs = {r["org"].value for r in rows if isinstance(r["org"], ox.NamedNode)}
        # at a touched place, typed as one or not any more (its article removed)
        orgs = sorted(orgs | _located_at(ox_store, (e for e in touched if not e.startswith(_COUNTRY_NS))))
        if not orgs:
            return
        org_scope = f"VALUES ?org {{ {' '.join(f'<{o}>' for o in orgs)} }} "
    else:
        org_scope = f"?org a <{SDO}Organization> . "
    ox_store.update(
        f"DELETE {{ {_into('?org ?p ?c')} }} WHERE {{ {org_scope}VALUES ?p {{ {loc} {mem} }} GRAPH {g} {{ ?org ?p ?c }} }} ;\n"
        f"INSERT {{ {_into(f'?org {loc} ?c')} }} WHERE {{ SELECT DISTINCT ?org ?c WHERE {{ {org_scope}"
        f"?org (<{SDO}location>|<{SDO}addressCountry>)/<{SDO}containedInPlace>* ?c . "
        f"FILTER(STRSTARTS(STR(?c), \"{_COUNTRY_NS}\")) }} }} ;\n"
        f"INSERT {{ {_into(f'?org {mem} ?c')} }} WHERE {{ SELECT DISTINCT ?org ?c WHERE {{ {org_scope}"
        f"FILTER NOT EXISTS {{ GRAPH {g} {{ ?org {loc} ?x }} }} "
        f"?m <{SDO}affiliation> ?org ; <{SDO}nationality> ?c . }} }}")
