"""Collaboration networks: projections of the RDF graph to networkx, and their analytics.

Views (all undirected, weighted ``nx.Graph``; node keys are entity IRIs):

* ``entities`` -- every entity (Person, Organization, Event, Specialty, Country, Place)
  and every relation between two of them; ``weight`` = number of distinct relations.
* ``people`` -- persons linked when they took part in the same event (attendee, or a
  person as organizer); ``weight`` = number of shared events.
* ``institutions`` -- organizations linked by events they both took part in (organizer,
  attendee, or the event was held at them) and by people affiliated with both;
  ``weight`` = shared events + shared people.
* ``countries`` -- bipartite country--institution exchange: a country is linked to an
  institution when an event of the institution had participants from the country, or a
  person of that nationality is affiliated with it; ``weight`` = events + people.
* ``ego`` -- the neighbourhood of one entity (by name or IRI) to depth N in the entity
  graph (any other view can be restricted to an ego network too).

Node attributes: ``type``, ``name``, ``iri``, ``aliases``; after
:func:`attach_provenance` also ``facts`` (dicts: predicate, subject, object, sentence,
article title...), ``articles`` (titles of the articles mentioning it) and
``provenance`` (article title + sentence pairs). Everything is read with SPARQL on
the Oxigraph store, so it stays fast on large graphs.
"""

from __future__ import annotations

import csv
import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Iterable

import networkx as nx

from medkg.errors import MedkgError
from medkg.fileio import atomic_path

SDO = "https://schema.org/"
MKG = "https://w3id.org/medkg/ontology#"
ONTOLOGY_GRAPH = "https://w3id.org/medkg/graph/ontology"

#: schema.org class -> short type name used on nodes
TYPES = {
    SDO + "Person": "Person", SDO + "Organization": "Organization", SDO + "Event": "Event",
    SDO + "MedicalSpecialty": "Specialty", SDO + "Country": "Country", SDO + "Place": "Place",
}
#: when a node carries several of the classes, the first one here wins
TYPE_PRIORITY = ["Person", "Organization", "Event", "Country", "Specialty", "Place"]
#: relation predicates between entities -> short name
RELATIONS = {
    SDO + "affiliation": "affiliation", SDO + "nationality": "nationality",
    SDO + "organizer": "organizer", SDO + "attendee": "attendee", SDO + "about": "about",
    SDO + "location": "location", SDO + "parentOrganization": "parentOrganization",
    SDO + "medicalSpecialty": "specialty", MKG + "participantCountry": "participantCountry",
}
VIEWS = ("entities", "people", "institutions", "countries", "ego")
EXPORT_FORMATS = ("graphml", "gexf", "csv")


# ---------------------------------------------------------------------------- reading
def _v(term) -> str | None:
    return None if term is None else term.value


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _rows(store, sparql: str):
    return store.query(sparql)


def load_entities(store) -> dict[str, dict]:
    """IRI -> {type, name, iri, aliases} for every entity typed in an article graph.

    A few simple DISTINCT queries rather than one big join: on a disk store the cost is
    in decoding result terms, so each term is fetched once.
    """
    classes = " ".join(f"<{c}>" for c in TYPES)
    types: dict[str, str] = {}
    for r in _rows(store, f"SELECT DISTINCT ?s ?t WHERE {{ VALUES ?t {{ {classes} }} ?s a ?t }}"):
        if r["s"].__class__.__name__ != "NamedNode":
            continue
        iri, t = r["s"].value, TYPES[r["t"].value]
        prev = types.get(iri)
        if prev is None or TYPE_PRIORITY.index(t) < TYPE_PRIORITY.index(prev):
            types[iri] = t
    # vocabulary terms typed only in the ontology graph are not entities of the articles
    for r in _rows(store, f"""SELECT DISTINCT ?s WHERE {{ VALUES ?t {{ {classes} }}
            GRAPH <{ONTOLOGY_GRAPH}> {{ ?s a ?t }}
            FILTER NOT EXISTS {{ GRAPH ?g {{ ?s a ?t2 }} FILTER(?g != <{ONTOLOGY_GRAPH}>) VALUES ?t2 {{ {classes} }} }} }}"""):
        types.pop(r["s"].value, None)
    names: dict[str, str] = {}
    for r in _rows(store, "SELECT DISTINCT ?s ?n WHERE { ?s schema:name ?n }"):
        iri = r["s"].value
        if iri in types:
            n = r["n"].value
            if iri not in names or n < names[iri]:
                names[iri] = n
    nameless = [i for i in types if i not in names]
    if nameless:
        names.update(_names(store, nameless))
    aliases: dict[str, set] = defaultdict(set)
    for r in _rows(store, "SELECT DISTINCT ?s ?a WHERE { ?s schema:alternateName ?a }"):
        if r["s"].value in types:
            aliases[r["s"].value].add(r["a"].value)
    out = {}
    for iri, t in types.items():
        name = names.get(iri) or _local(iri)
        al = aliases.get(iri)
        out[iri] = {"type": t, "name": name, "iri": iri, "aliases": sorted(al - {name}) if al else []}
    return out


def load_relations(store, entities: dict[str, dict]) -> list[tuple[str, str, str]]:
    """Distinct (subject, relation name, object) between two known entities, sorted."""
    out = set()
    for p, name in RELATIONS.items():
        for r in _rows(store, f"SELECT DISTINCT ?s ?o WHERE {{ ?s <{p}> ?o }}"):
            s, o = r["s"].value, r["o"].value
            if s != o and s in entities and o in entities:
                out.add((s, name, o))
    return sorted(out)


@dataclass
class Data:
    """Entities and relations read from a store once, shared by every view."""
    entities: dict[str, dict]
    relations: list[tuple[str, str, str]]
    _by_pred: dict = field(default=None, repr=False)

    @classmethod
    def from_store(cls, store) -> "Data":
        ents = load_entities(store)
        return cls(ents, load_relations(store, ents))

    def by_predicate(self, pred: str) -> list[tuple[str, str]]:
        if self._by_pred is None:
            d = defaultdict(list)
            for s, p, o in self.relations:
                d[p].append((s, o))
            self._by_pred = d
        return self._by_pred.get(pred, [])

    def of_type(self, iri: str) -> str | None:
        e = self.entities.get(iri)
        return e["type"] if e else None


def _add_node(G: nx.Graph, data: Data, iri: str) -> None:
    if iri not in G:
        e = data.entities[iri]
        G.add_node(iri, type=e["type"], name=e["name"], iri=iri, aliases=list(e["aliases"]))


# ---------------------------------------------------------------------------- views
def entity_graph(data: Data) -> nx.Graph:
    """Every entity and every relation between entities (undirected; ``relations`` keeps direction)."""
    G = nx.Graph(view="entities")
    for iri in sorted(data.entities):
        _add_node(G, data, iri)
    for s, p, o in data.relations:
        if G.has_edge(s, o):
            G[s][o]["relations"].append({"source": s, "predicate": p, "target": o})
            G[s][o]["weight"] += 1
        else:
            G.add_edge(s, o, weight=1, relations=[{"source": s, "predicate": p, "target": o}])
    for _, _, d in G.edges(data=True):
        d["kind"] = ", ".join(sorted({r["predicate"] for r in d["relations"]}))
    return G


def _event_members(data: Data, types: set[str], preds: Iterable[str]) -> dict[str, set[str]]:
    """event IRI -> members of ``types`` linked to it by one of ``preds`` (either direction)."""
    members: dict[str, set[str]] = defaultdict(set)
    for p in preds:
        for s, o in data.by_predicate(p):
            if data.of_type(s) == "Event" and data.of_type(o) in types:
                members[s].add(o)
            elif data.of_type(o) == "Event" and data.of_type(s) in types:
                members[o].add(s)
    return members


def _link(G: nx.Graph, a: str, b: str, key: str, via: str) -> None:
    if a > b:
        a, b = b, a
    if not G.has_edge(a, b):
        G.add_edge(a, b, weight=0, events=[], people=[])
    G[a][b][key].append(via)


def _finish_weights(G: nx.Graph, data: Data) -> None:
    names = G.graph.setdefault("_names", {})  # names of the events/people behind the edges
    for _, _, d in G.edges(data=True):
        d["events"] = sorted(set(d["events"]), key=lambda i: data.entities[i]["name"])
        d["people"] = sorted(set(d["people"]), key=lambda i: data.entities[i]["name"])
        d["weight"] = len(d["events"]) + len(d["people"])
        for i in d["events"] + d["people"]:
            names[i] = data.entities[i]["name"]
        kinds = []
        if d["events"]:
            kinds.append(f"{len(d['events'])} shared event{'s' * (len(d['events']) != 1)}")
        if d["people"]:
            kinds.append(f"{len(d['people'])} shared {'person' if len(d['people']) == 1 else 'people'}")
        d["kind"] = ", ".join(kinds)


def people_graph(data: Data) -> nx.Graph:
    """Persons, linked by co-attendance of events (weight = number of shared events)."""
    G = nx.Graph(view="people")
    for iri, e in sorted(data.entities.items()):
        if e["type"] == "Person":
            _add_node(G, data, iri)
    for ev, members in sorted(_event_members(data, {"Person"}, ("attendee", "organizer")).items()):
        for a, b in combinations(sorted(members), 2):
            _link(G, a, b, "events", ev)
    _finish_weights(G, data)
    return G


def _org_events(data: Data) -> dict[str, set[str]]:
    return _event_members(data, {"Organization"}, ("organizer", "attendee", "location"))


def institution_graph(data: Data) -> nx.Graph:
    """Organizations, linked by shared events and shared people (weight = events + people)."""
    G = nx.Graph(view="institutions")
    for iri, e in sorted(data.entities.items()):
        if e["type"] == "Organization":
            _add_node(G, data, iri)
    for ev, orgs in sorted(_org_events(data).items()):
        for a, b in combinations(sorted(orgs), 2):
            _link(G, a, b, "events", ev)
    person_orgs: dict[str, set[str]] = defaultdict(set)
    for s, o in data.by_predicate("affiliation"):
        if data.of_type(s) == "Person" and data.of_type(o) == "Organization":
            person_orgs[s].add(o)
    for person, orgs in sorted(person_orgs.items()):
        for a, b in combinations(sorted(orgs), 2):
            _link(G, a, b, "people", person)
    _finish_weights(G, data)
    return G


def country_graph(data: Data) -> nx.Graph:
    """Bipartite country--institution exchange (weight = linking events + linking people)."""
    G = nx.Graph(view="countries")
    ev_countries: dict[str, set[str]] = defaultdict(set)
    for s, o in data.by_predicate("participantCountry"):
        if data.of_type(s) == "Event" and data.of_type(o) == "Country":
            ev_countries[s].add(o)
    org_events = _org_events(data)
    for ev in sorted(set(ev_countries) & set(org_events)):
        for c in sorted(ev_countries[ev]):
            for org in sorted(org_events[ev]):
                _add_node(G, data, c)
                _add_node(G, data, org)
                _link(G, c, org, "events", ev)
    nat: dict[str, set[str]] = defaultdict(set)
    aff: dict[str, set[str]] = defaultdict(set)
    for s, o in data.by_predicate("nationality"):
        if data.of_type(s) == "Person" and data.of_type(o) == "Country":
            nat[s].add(o)
    for s, o in data.by_predicate("affiliation"):
        if data.of_type(s) == "Person" and data.of_type(o) == "Organization":
            aff[s].add(o)
    for person in sorted(set(nat) & set(aff)):
        for c in sorted(nat[person]):
            for org in sorted(aff[person]):
                _add_node(G, data, c)
                _add_node(G, data, org)
                _link(G, c, org, "people", person)
    # countries that appear in the graph but link to no institution are still shown
    for iri, e in sorted(data.entities.items()):
        if e["type"] == "Country":
            _add_node(G, data, iri)
    _finish_weights(G, data)
    for n, d in G.nodes(data=True):
        d["bipartite"] = 0 if d["type"] == "Country" else 1
    return G


def resolve(G: nx.Graph, focus: str) -> str:
    """The node of ``G`` named (or with IRI) ``focus``; one-line error if none or ambiguous."""
    if focus in G:
        return focus
    key = " ".join(focus.split()).casefold()
    if not key:
        raise MedkgError("--focus: empty name")
    exact = sorted(n for n, d in G.nodes(data=True)
                   if d.get("name", "").casefold() == key
                   or any(a.casefold() == key for a in d.get("aliases", ())))
    if len(exact) == 1:
        return exact[0]
    cands = exact or sorted(n for n, d in G.nodes(data=True)
                            if key in d.get("name", "").casefold()
                            or any(key in a.casefold() for a in d.get("aliases", ())))
    if len(cands) == 1:
        return cands[0]
    if not cands:
        raise MedkgError(f"--focus '{focus}': no entity of this view has that name or IRI")
    names = "; ".join(f"{G.nodes[c]['name']} ({G.nodes[c]['type']}, {c})" for c in cands[:5])
    more = f" and {len(cands) - 5} more" if len(cands) > 5 else ""
    raise MedkgError(f"--focus '{focus}': ambiguous, matches {names}{more}; give the IRI or the full name")


def ego(G: nx.Graph, focus: str, depth: int = 1) -> nx.Graph:
    """The ego network of ``focus`` (name or IRI) to ``depth`` hops in ``G``."""
    if depth < 0:
        raise MedkgError(f"--depth {depth}: must be 0 or more")
    center = resolve(G, focus)
    H = nx.ego_graph(G, center, radius=depth).copy()
    H.graph.update(G.graph)
    H.graph["focus"] = center
    H.graph["depth"] = depth
    H.nodes[center]["focus"] = True
    return H


_BUILDERS = {"entities": entity_graph, "people": people_graph,
             "institutions": institution_graph, "countries": country_graph, "ego": entity_graph}


def build(store_or_data, view: str = "entities", focus: str | None = None, depth: int = 1) -> nx.Graph:
    """The networkx graph of ``view`` (restricted to the ego network of ``focus`` if given)."""
    if view not in _BUILDERS:
        raise MedkgError(f"view '{view}': use one of {', '.join(VIEWS)}")
    if view == "ego" and not focus:
        raise MedkgError("view 'ego' needs --focus NAME (an entity name or IRI)")
    data = store_or_data if isinstance(store_or_data, Data) else Data.from_store(store_or_data)
    G = _BUILDERS[view](data)
    G.graph["view"] = view
    if focus:
        G = ego(G, focus, depth)
        G.graph["view"] = view
    return G


# ---------------------------------------------------------------------------- provenance
def _chunks(seq: list, n: int):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


_FACT_VARS = """
  ?f a mkg:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL {{ ?f mkg:confidence ?conf }}
  OPTIONAL {{ ?f prov:wasDerivedFrom ?sn . ?sn nif:anchorOf ?sent }}
  OPTIONAL {{ ?f prov:wasQuotedFrom ?art .
             OPTIONAL {{ ?art schema:identifier ?stem }}
             OPTIONAL {{ ?art schema:headline ?title }} }}"""
_FACTS = "SELECT ?s ?p ?o ?conf ?sent ?stem ?title WHERE {{ {values} " + _FACT_VARS + " }}"
#: the facts of one node, at most {limit} (a hub may have thousands)
_NODE_FACTS = ("SELECT DISTINCT ?f WHERE {{ {{ ?f rdf:subject <{n}> }} UNION {{ ?f rdf:object <{n}> }} }} "
               "LIMIT {limit}")
_NODE_COUNTS = ("SELECT ?x (COUNT(DISTINCT ?f) AS ?facts) WHERE {{ VALUES ?x {{ {vals} }} "
                "{{ ?f rdf:subject ?x }} UNION {{ ?f rdf:object ?x }} ?f a mkg:Fact }} GROUP BY ?x")
_MENTIONS = """
SELECT DISTINCT ?e ?stem ?title WHERE {{
  {values}
  ?art schema:mentions ?e .
  OPTIONAL {{ ?art schema:identifier ?stem }}
  OPTIONAL {{ ?art schema:headline ?title }}
}} {limit}"""
_MENTION_COUNTS = ("SELECT ?e (COUNT(DISTINCT ?art) AS ?n) WHERE {{ VALUES ?e {{ {vals} }} "
                   "?art schema:mentions ?e }} GROUP BY ?e")


def attach_provenance(store, G: nx.Graph, nodes: Iterable[str] | None = None, batch: int = 400,
                      max_facts: int | None = None) -> None:
    """Set ``facts``, ``articles`` and ``provenance`` on ``nodes`` of ``G`` (default: all).

    ``facts`` are dicts ``{predicate, subject, subject_name, object, object_name, sentence,
    article, title, confidence}`` for every mkg:Fact whose subject or object is the node;
    ``articles`` the titles of articles mentioning it; ``provenance`` the distinct
    (title, sentence) pairs its facts were read from. With ``max_facts`` each node keeps
    at most that many facts and articles (store order), and ``n_facts``/``n_articles``
    give the full counts: what a page needs for hubs with thousands of facts.
    """
    wanted = sorted(set(G.nodes if nodes is None else nodes) & set(G.nodes))
    if not wanted:
        return
    names = {n: d.get("name") for n, d in G.nodes(data=True)}
    facts: dict[str, list] = {n: [] for n in wanted}
    arts: dict[str, dict] = {n: {} for n in wanted}
    wanted_set = set(wanted)
    whole = max_facts is None and len(wanted) > 20 * batch  # one scan beats many VALUES queries

    def fact_rows():
        if max_facts is not None:
            owner: dict[str, list[str]] = defaultdict(list)
            for n in wanted:
                for r in store.query(_NODE_FACTS.format(n=n, limit=int(max_facts))):
                    owner[r["f"].value].append(n)
            fids = sorted(owner)
            for part in _chunks(fids, batch):
                vals = " ".join(f"<{f}>" for f in part)
                for r in store.query(_FACTS.format(values=f"VALUES ?f {{ {vals} }}").replace(
                        "SELECT ?s", "SELECT ?f ?s", 1)):
                    yield owner[r["f"].value], [r]
        elif whole:
            yield None, store.query(_FACTS.format(values=""))
        else:
            for part in _chunks(wanted, batch):
                vals = " ".join(f"<{n}>" for n in part)
                yield None, store.query(_FACTS.format(
                    values=f"{{ VALUES ?s {{ {vals} }} }} UNION {{ VALUES ?o {{ {vals} }} }}"))

    seen = set()
    for only, rows in fact_rows():
        for r in rows:
            s, p, o = r["s"].value, r["p"].value, r["o"]
            ov = o.value
            is_lit = o.__class__.__name__ == "Literal"
            stem, sent = _v(r["stem"]), _v(r["sent"])
            key = (tuple(only) if only else None, s, p, ov, stem, sent)
            if key in seen:
                continue
            seen.add(key)
            title = _v(r["title"]) or stem
            fact = {"predicate": RELATIONS.get(p) or _local(p), "subject": s, "subject_name": names.get(s),
                    "object": ov, "object_name": ov if is_lit else names.get(ov),
                    "sentence": sent, "article": stem, "title": title,
                    "confidence": float(r["conf"].value) if r["conf"] is not None else None}
            for n in (only if only else {s, ov} & wanted_set):
                facts[n].append(fact)
                if stem:
                    arts[n].setdefault(stem, title)

    limit = "" if max_facts is None else f"LIMIT {int(max_facts)}"
    if whole:
        parts = [None]
    elif max_facts is not None:
        parts = [[n] for n in wanted]
    else:
        parts = list(_chunks(wanted, batch))
    for part in parts:
        vals = "" if part is None else "VALUES ?e { " + " ".join(f"<{n}>" for n in part) + " }"
        for r in store.query(_MENTIONS.format(values=vals, limit=limit)):
            e = r["e"].value
            if e in wanted_set and r["stem"] is not None:
                arts[e].setdefault(r["stem"].value, _v(r["title"]) or r["stem"].value)

    counts_f: dict[str, int] = {}
    counts_a: dict[str, int] = {}
    if max_facts is not None:
        for part in _chunks(wanted, batch):
            vals = " ".join(f"<{n}>" for n in part)
            for r in store.query(_NODE_COUNTS.format(vals=vals)):
                counts_f[r["x"].value] = int(r["facts"].value)
            for r in store.query(_MENTION_COUNTS.format(vals=vals)):
                counts_a[r["e"].value] = int(r["n"].value)

    # names of the other ends that are not nodes of this view (a person in the institutions view)
    missing = sorted({f[k] for fs in facts.values() for f in fs for k in ("subject", "object")
                      if f[k + "_name"] is None})
    found = _names(store, missing, batch)
    for fs in facts.values():
        for f in fs:
            for k in ("subject", "object"):
                if f[k + "_name"] is None:
                    f[k + "_name"] = found.get(f[k]) or _entity_name(f[k])

    for n in wanted:
        fs = sorted(facts[n], key=lambda f: (f["title"] or "", f["predicate"], f["subject_name"], str(f["object_name"])))
        d = G.nodes[n]
        d["facts"] = fs
        d["articles"] = [t for _, t in sorted(arts[n].items())]
        d["n_facts"] = max(counts_f.get(n, 0), len(fs))
        d["n_articles"] = max(counts_a.get(n, 0), len(d["articles"]))
        prov, pseen = [], set()
        for f in fs:
            k = (f["title"], f["sentence"])
            if f["sentence"] and k not in pseen:
                pseen.add(k)
                prov.append({"title": f["title"], "article": f["article"], "sentence": f["sentence"]})
        d["provenance"] = prov


def _names(store, iris: list[str], batch: int = 400) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in _chunks(iris, batch):
        vals = " ".join(f"<{i}>" for i in part)
        for r in store.query(f"SELECT ?s (MIN(?n) AS ?name) WHERE {{ VALUES ?s {{ {vals} }} "
                             f"?s schema:name|skos:prefLabel|rdfs:label ?n }} GROUP BY ?s"):
            if r["name"] is not None:
                out[r["s"].value] = r["name"].value
    return out


def _entity_name(iri: str) -> str:
    return _local(iri).replace("-", " ")


def fact_text(f: dict) -> str:
    """One readable line for a fact dict: ``subject --predicate--> object``."""
    return f"{f['subject_name']} —{f['predicate']}→ {f['object_name']}"


# ---------------------------------------------------------------------------- analytics
@dataclass
class Analysis:
    degree: dict[str, float]
    weighted_degree: dict[str, float]
    betweenness: dict[str, float]
    betweenness_exact: bool
    communities: list[list[str]]
    modularity: float | None
    components: list[list[str]]
    seed: int

    def community_of(self) -> dict[str, int]:
        return {n: i for i, c in enumerate(self.communities) for n in c}

    def component_of(self) -> dict[str, int]:
        return {n: i for i, c in enumerate(self.components) for n in c}


def _order(G: nx.Graph, nodes) -> list[str]:
    return sorted(nodes, key=lambda n: (G.nodes[n].get("name", ""), n))


def betweenness(G: nx.Graph, seed: int = 42, exact_limit: int = 2000, samples: int = 256) -> tuple[dict, bool]:
    """Betweenness centrality with distance = 1/weight (strong ties are short).

    Exact up to ``exact_limit`` nodes; above, estimated from ``samples`` seeded pivots.
    """
    for _, _, d in G.edges(data=True):
        d["_dist"] = 1.0 / max(float(d.get("weight", 1) or 1), 1e-9)
    try:
        if G.number_of_nodes() <= exact_limit:
            return nx.betweenness_centrality(G, weight="_dist", normalized=True), True
        k = min(samples, G.number_of_nodes())
        return nx.betweenness_centrality(G, k=k, weight="_dist", normalized=True, seed=seed), False
    finally:
        for _, _, d in G.edges(data=True):
            d.pop("_dist", None)


def communities(G: nx.Graph, seed: int = 42) -> tuple[list[list[str]], float | None]:
    """Louvain communities (seeded, weighted), largest first; and their modularity."""
    if G.number_of_nodes() == 0:
        return [], None
    comms = nx.community.louvain_communities(G, weight="weight", seed=seed)
    mod = nx.community.modularity(G, comms, weight="weight") if G.number_of_edges() else None
    out = [_order(G, c) for c in comms]
    out.sort(key=lambda c: (-len(c), G.nodes[c[0]].get("name", "")))
    return out, mod


def components(G: nx.Graph) -> list[list[str]]:
    """Connected components, largest first."""
    out = [_order(G, c) for c in nx.connected_components(G)]
    out.sort(key=lambda c: (-len(c), G.nodes[c[0]].get("name", "")))
    return out


def analyze(G: nx.Graph, seed: int = 42, annotate: bool = True, exact_limit: int = 2000) -> Analysis:
    """Degree and betweenness centrality, Louvain communities and components of ``G``.

    With ``annotate`` the results are also set as node attributes (``degree``,
    ``weighted_degree``, ``degree_centrality``, ``betweenness``, ``community``, ``component``).
    """
    deg = nx.degree_centrality(G) if G.number_of_nodes() > 1 else {n: 0.0 for n in G}
    wdeg = dict(G.degree(weight="weight"))
    btw, exact = betweenness(G, seed=seed, exact_limit=exact_limit)
    comms, mod = communities(G, seed=seed)
    comps = components(G)
    a = Analysis(deg, wdeg, btw, exact, comms, mod, comps, seed)
    if annotate:
        cof, kof = a.community_of(), a.component_of()
        for n, d in G.nodes(data=True):
            d["degree"] = G.degree(n)
            d["weighted_degree"] = wdeg[n]
            d["degree_centrality"] = round(deg[n], 6)
            d["betweenness"] = round(btw[n], 6)
            d["community"] = cof.get(n, -1)
            d["component"] = kof.get(n, -1)
    return a


def top(G: nx.Graph, scores: dict[str, float], k: int = 10) -> list[str]:
    """The ``k`` nodes with the highest score (ties by weighted degree, then name)."""
    wd = dict(G.degree(weight="weight"))
    return sorted(scores, key=lambda n: (-scores[n], -wd.get(n, 0), G.nodes[n].get("name", ""), n))[:k]


def summary(G: nx.Graph, a: Analysis, k: int = 10) -> dict:
    """A JSON-friendly summary of ``G`` and its analysis (top ``k`` of each list)."""
    def ent(n, **extra):
        d = G.nodes[n]
        return {"name": d.get("name"), "type": d.get("type"), "iri": n, **extra}
    return {
        "view": G.graph.get("view"), "focus": G.graph.get("focus"),
        "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
        "total_weight": sum(d.get("weight", 1) for _, _, d in G.edges(data=True)),
        "by_type": dict(sorted(_count(d.get("type") for _, d in G.nodes(data=True)).items())),
        "density": round(nx.density(G), 6) if G.number_of_nodes() > 1 else 0.0,
        "top_degree": [ent(n, degree=G.degree(n), weighted_degree=a.weighted_degree[n],
                           degree_centrality=round(a.degree[n], 4)) for n in top(G, a.degree, k)],
        "top_betweenness": [ent(n, betweenness=round(a.betweenness[n], 4)) for n in top(G, a.betweenness, k)],
        "betweenness_exact": a.betweenness_exact,
        "communities": {"count": len(a.communities), "seed": a.seed,
                        "modularity": None if a.modularity is None else round(a.modularity, 4),
                        "largest": [{"size": len(c), "members": [G.nodes[n]["name"] for n in
                                     top(G, {m: a.degree[m] for m in c}, 8)]} for c in a.communities[:k]]},
        "components": {"count": len(a.components), "sizes": [len(c) for c in a.components[:k]],
                       "isolated": sum(1 for c in a.components if len(c) == 1)},
    }


def _count(items) -> dict:
    out: dict = defaultdict(int)
    for i in items:
        out[i] += 1
    return out


# ---------------------------------------------------------------------------- export
def _flat(G: nx.Graph, n_or_e, d: dict) -> dict:
    """Scalar attributes for GraphML/GEXF/CSV (lists joined, facts as readable lines)."""
    names = G.nodes
    out = {}
    for k, v in d.items():
        if k.startswith("_") or v is None:
            continue
        if k == "facts":
            lines = []
            for f in v:
                src = f" [{f['title']}]" if f.get("title") else ""
                lines.append(fact_text(f) + src)
            out["facts"] = "\n".join(lines)
        elif k == "provenance":
            out["sentences"] = "\n".join(f"{p['title']}: {p['sentence']}" for p in v)
        elif k in ("events", "people"):
            known = G.graph.get("_names", {})
            out[k] = "; ".join(names[i]["name"] if i in names else known.get(i) or _entity_name(i) for i in v)
        elif k == "relations":
            out[k] = "; ".join(f"{names[r['source']]['name']} {r['predicate']} {names[r['target']]['name']}" for r in v)
        elif isinstance(v, (list, tuple, set)):
            out[k] = "; ".join(map(str, v))
        elif isinstance(v, bool) or isinstance(v, (int, float, str)):
            out[k] = v
        else:
            out[k] = json.dumps(v, ensure_ascii=False, default=str)
    return out


def export_format(path: str | os.PathLike, fmt: str | None) -> str:
    if fmt:
        fmt = fmt.lower()
        if fmt not in EXPORT_FORMATS:
            raise MedkgError(f"format '{fmt}': use one of {', '.join(EXPORT_FORMATS)}")
        return fmt
    ext = Path(path).suffix.lower().lstrip(".")
    if ext in EXPORT_FORMATS:
        return ext
    raise MedkgError(f"{path}: cannot tell the format from the extension; use --format graphml|gexf|csv")


def flat_graph(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` with only scalar attributes (what GraphML/GEXF can hold)."""
    H = nx.Graph()
    H.graph.update({k: v for k, v in G.graph.items() if isinstance(v, (str, int, float, bool))})
    for n, d in G.nodes(data=True):
        attrs = _flat(G, n, d)
        attrs.setdefault("label", d.get("name", n))
        H.add_node(n, **attrs)
    for u, v, d in G.edges(data=True):
        H.add_edge(u, v, **_flat(G, (u, v), d))
    return H


def export(G: nx.Graph, path: str | os.PathLike, fmt: str | None = None) -> str:
    """Write ``G`` as GraphML, GEXF (Gephi) or a CSV edge list; atomic. Returns the format."""
    fmt = export_format(path, fmt)
    H = flat_graph(G)
    with atomic_path(path) as tmp:
        if fmt == "graphml":
            nx.write_graphml(H, tmp, named_key_ids=True)
        elif fmt == "gexf":
            nx.write_gexf(H, tmp)
        else:
            _write_csv(H, tmp)
    return fmt


def _write_csv(H: nx.Graph, path) -> None:
    extra = sorted({k for _, _, d in H.edges(data=True) for k in d} - {"weight", "kind"})
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["source", "target", "source_name", "target_name", "source_type", "target_type",
                    "weight", "kind", *extra])
        for u, v, d in sorted(H.edges(data=True), key=lambda e: (-e[2].get("weight", 1), e[0], e[1])):
            w.writerow([u, v, H.nodes[u].get("name"), H.nodes[v].get("name"), H.nodes[u].get("type"),
                        H.nodes[v].get("type"), d.get("weight", 1), d.get("kind", ""),
                        *[d.get(k, "") for k in extra]])


def write_nodes_csv(G: nx.Graph, path) -> None:
    """A node table (Gephi "nodes" import): id, label, type and every scalar attribute."""
    H = flat_graph(G)
    keys = sorted({k for _, d in H.nodes(data=True) for k in d} - {"label", "type", "name", "iri"})
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        with open(tmp, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["id", "label", "type", *keys])
            for n, d in sorted(H.nodes(data=True)):
                w.writerow([n, d.get("label"), d.get("type"), *[d.get(k, "") for k in keys]])
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise MedkgError(f"{path}: cannot write ({exc.strerror or exc})") from None


__all__ = ["VIEWS", "Data", "build", "entity_graph", "people_graph", "institution_graph",
           "country_graph", "ego", "resolve", "attach_provenance", "analyze", "Analysis",
           "betweenness", "communities", "components", "top", "summary", "export",
           "write_nodes_csv", "flat_graph", "fact_text"]
