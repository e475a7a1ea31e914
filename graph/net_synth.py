"""Invented graphs for tests and benchmarks of the network views (no NLP involved).

* :func:`add_article` turns a tiny hand-written article (sentences + relations between
  named entities) into an :class:`~medkg.ingest.model.Extraction` and stores it through
  the real RDF mapping (:func:`medkg.ingest.rdfize.to_triples`), so tests see exactly
  the shape ingest produces (types, names, mkg:Fact statements, NIF sentences, articles).
* :func:`synthetic_store` writes a large seeded graph of the same shape straight as
  N-Quads into the store (bulk load), for the 50,000-entity benchmark.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from medkg.ingest.model import Article, Entity, Extraction, Relation, Span
from medkg.ontology.namespaces import article_iri, entity_iri, graph_iri

#: relation -> (subject type, object type) used by the helpers
REL_TYPES = {
    "affiliation": ("Person", "Organization"), "nationality": ("Person", "Country"),
    "organizer": ("Event", "Organization"), "attendee": ("Event", "Person"),
    "about": ("Event", "Specialty"), "participantCountry": ("Event", "Country"),
    "parentOrganization": ("Organization", "Organization"), "specialty": ("Organization", "Specialty"),
}


def extraction(stem: str, title: str, sentences: list[tuple[str, list[tuple]]]) -> Extraction:
    """An Extraction from ``sentences``: ``[(text, [(s_type, s_name, predicate, o_type, o_name), ...]), ...]``.

    Entities are created on first use; a mention span is recorded where the name occurs
    in the sentence. Every relation gets its sentence as evidence.
    """
    text, spans = "", []
    for s, _ in sentences:
        start = len(text)
        text += s + " "
        spans.append(Span(start, start + len(s)))
    art = Article(stem=stem, text=text, title=title, source=f"{stem}.txt",
                  content_hash=hashlib.sha256(text.encode()).hexdigest())
    ex = Extraction(article=art, sentences=spans)

    def ent(t: str, name: str, span: Span) -> str:
        key = f"{t}|{name.lower()}"
        e = ex.entities.get(key)
        if e is None:
            e = ex.entities[key] = Entity(key=key, type=t, name=name)
        pos = text.find(name, span.start, span.end)
        if pos >= 0:
            e.mentions.append(Span(pos, pos + len(name)))
        return key

    for (s, rels), span in zip(sentences, spans):
        for st, sn, p, ot, on in rels:
            ex.relations.append(Relation(ent(st, sn, span), p, ent(ot, on, span), evidence=span, confidence=0.9))
    return ex


def add_article(store, stem: str, title: str, sentences: list[tuple[str, list[tuple]]]) -> None:
    """Store one invented article (see :func:`extraction`) through the real RDF mapping."""
    from medkg.ingest.rdfize import to_triples
    store.replace_article(stem, to_triples(extraction(stem, title, sentences)))


# ---------------------------------------------------------------------------- large graphs
@dataclass
class SynthInfo:
    entities: int
    articles: int
    relations: int
    quads: int


SDO = "https://schema.org/"
_P = {"affiliation": SDO + "affiliation", "nationality": SDO + "nationality", "organizer": SDO + "organizer",
      "attendee": SDO + "attendee", "about": SDO + "about", "location": SDO + "location",
      "parentOrganization": SDO + "parentOrganization", "specialty": SDO + "medicalSpecialty",
      "participantCountry": "https://w3id.org/medkg/ontology#participantCountry"}
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_PROV = "http://www.w3.org/ns/prov#"
_NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
_MKG = "https://w3id.org/medkg/ontology#"
_CLASS = {"Person": "Person", "Organization": "Organization", "Event": "Event",
          "Specialty": "MedicalSpecialty", "Country": "Country", "Place": "Place"}


def _lit(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def synthetic_store(store, n_entities: int = 50_000, seed: int = 7) -> SynthInfo:
    """Fill ``store`` with a seeded random graph of ~``n_entities`` entities, ingest-shaped.

    Mix: ~70% persons, 18% organizations, 10% events, and countries, specialties,
    places. Each event is one article: 1-3 organizers and 3-20 attendees drawn with a
    heavy tail (a few hubs), 1-4 participant countries, a specialty and a place; persons
    get 1-2 affiliations and a nationality, stated in the article of an event they attend.
    Every relation is an ``mkg:Fact`` with its NIF sentence, as ingest writes it.
    """
    import pyoxigraph as ox
    rng = random.Random(seed)
    n_country, n_spec, n_place = min(150, n_entities // 100 + 1), min(120, n_entities // 100 + 1), n_entities // 125 + 1
    rest = n_entities - n_country - n_spec - n_place
    n_event = max(rest // 10, 1)
    n_org = max(rest * 18 // 100, 1)
    n_person = max(rest - n_event - n_org, 1)
    names = {
        "Country": [f"Country {i:03d}" for i in range(n_country)],
        "Specialty": [f"specialty {i:03d}" for i in range(n_spec)],
        "Place": [f"City {i:04d}" for i in range(n_place)],
        "Organization": [f"{rng.choice(['University Hospital', 'Medical College', 'Cancer Center', 'Heart Institute', 'Society of Surgery'])} {i:05d}" for i in range(n_org)],
        "Event": [f"{rng.choice(['Forum', 'Training Course', 'Workshop', 'Annual Meeting', 'Delegation Visit'])} {i:05d}" for i in range(n_event)],
        "Person": [f"Person {i:05d} {rng.choice(['Li', 'Wang', 'Smith', 'Garcia', 'Khan', 'Ito', 'Novak'])}" for i in range(n_person)],
    }
    iri = {t: [str(entity_iri(t, n)) for n in ns] for t, ns in names.items()}

    def heavy(n: int) -> int:  # index with a heavy tail: a few hubs, many rare ones
        return min(int(rng.paretovariate(1.2)) - 1, n - 1) if rng.random() < 0.35 else rng.randrange(n)

    per_article: list[list[tuple[str, str, str, int]]] = [[] for _ in range(n_event)]
    person_events: dict[int, int] = {}
    for e in range(n_event):
        rels = per_article[e]
        for o in {heavy(n_org) for _ in range(rng.randint(1, 3))}:
            rels.append((iri["Event"][e], "organizer", iri["Organization"][o], 0))
        for p in {heavy(n_person) for _ in range(rng.randint(3, 20))}:
            rels.append((iri["Event"][e], "attendee", iri["Person"][p], 1))
            person_events.setdefault(p, e)
        for c in {heavy(n_country) for _ in range(rng.randint(1, 4))}:
            rels.append((iri["Event"][e], "participantCountry", iri["Country"][c], 2))
        rels.append((iri["Event"][e], "about", iri["Specialty"][rng.randrange(n_spec)], 0))
        rels.append((iri["Event"][e], "location", iri["Place"][rng.randrange(n_place)], 0))
    for p in range(n_person):
        e = person_events.get(p, rng.randrange(n_event))
        for o in {heavy(n_org) for _ in range(rng.randint(1, 2))}:
            per_article[e].append((iri["Person"][p], "affiliation", iri["Organization"][o], 3))
        per_article[e].append((iri["Person"][p], "nationality", iri["Country"][heavy(n_country)], 3))
    for o in range(n_org):
        e = rng.randrange(n_event)
        if rng.random() < 0.2:
            per_article[e].append((iri["Organization"][o], "parentOrganization", iri["Organization"][heavy(n_org)], 0))
        per_article[e].append((iri["Organization"][o], "location", iri["Place"][rng.randrange(n_place)], 0))

    type_of = {i: t for t, l in iri.items() for i in l}
    name_of = {i: n for t in names for i, n in zip(iri[t], names[t])}
    lines: list[str] = []
    n_rel = 0
    for e, rels in enumerate(per_article):
        stem = f"synth_{e:05d}"
        g = f"<{graph_iri(stem)}>"
        a = f"<{article_iri(stem)}>"
        title = f"News of {names['Event'][e]}"
        sents = [f"{names['Event'][e]} was organized and held (sentence {k})." for k in range(4)]
        add = lines.append
        add(f"{a} <{_RDF}type> <{SDO}NewsArticle> {g} .")
        add(f"{a} <{SDO}identifier> {_lit(stem)} {g} .")
        add(f"{a} <{SDO}headline> {_lit(title)} {g} .")
        add(f"{a} <{SDO}name> {_lit(title)} {g} .")
        offs, pos = [], 0
        for s in sents:
            offs.append((pos, pos + len(s)))
            pos += len(s) + 1
        for k, (b, en) in enumerate(offs):
            sn = f"<{article_iri(stem)}#char={b},{en}>"
            add(f"{sn} <{_RDF}type> <{_NIF}Sentence> {g} .")
            add(f"{sn} <{_NIF}anchorOf> {_lit(sents[k])} {g} .")
            add(f"{sn} <{_NIF}referenceContext> {a} {g} .")
        seen = set()
        for s, p, o, k in rels:
            for x in (s, o):
                if x not in seen:
                    seen.add(x)
                    add(f"<{x}> <{_RDF}type> <{SDO}{_CLASS[type_of[x]]}> {g} .")
                    add(f"<{x}> <{SDO}name> {_lit(name_of[x])} {g} .")
                    add(f"{a} <{SDO}mentions> <{x}> {g} .")
            add(f"<{s}> <{_P[p]}> <{o}> {g} .")
            f = f"<https://w3id.org/medkg/id/fact/{hashlib.sha1((stem + s + p + o).encode()).hexdigest()[:16]}>"
            b, en = offs[k]
            add(f"{f} <{_RDF}type> <{_RDF}Statement> {g} .")
            add(f"{f} <{_RDF}type> <{_MKG}Fact> {g} .")
            add(f"{f} <{_RDF}subject> <{s}> {g} .")
            add(f"{f} <{_RDF}predicate> <{_P[p]}> {g} .")
            add(f"{f} <{_RDF}object> <{o}> {g} .")
            add(f"{f} <{_PROV}wasQuotedFrom> {a} {g} .")
            add(f"{f} <{_PROV}wasDerivedFrom> <{article_iri(stem)}#char={b},{en}> {g} .")
            n_rel += 1
    data = ("\n".join(lines) + "\n").encode("utf-8")
    store.oxigraph.bulk_load(data, ox.RdfFormat.N_QUADS)
    store.materialize()
    store.flush()
    return SynthInfo(entities=sum(len(v) for v in names.values()), articles=n_event,
                     relations=n_rel, quads=len(lines))


# ---------------------------------------------------------------------------- a tiny known graph
#: an entity name and a sentence that would run script if a page ever parsed them as HTML
HOSTILE_NAME = '<img src=x onerror="window.__medkgPwned=1">'
HOSTILE_SENTENCE = ('The </script><script>window.__medkgPwned=2</script> Summit had '
                    '<img src=x onerror="window.__medkgPwned=3"> guests & more.')

DEMO = {
    "art_a": ("Heart Forum brings hospitals together", [
        ("Alice Chen and Bob Diaz attended the Heart Forum.",
         [("Event", "Heart Forum", "attendee", "Person", "Alice Chen"),
          ("Event", "Heart Forum", "attendee", "Person", "Bob Diaz")]),
        ("The Heart Forum was organized by North Hospital and South University.",
         [("Event", "Heart Forum", "organizer", "Organization", "North Hospital"),
          ("Event", "Heart Forum", "organizer", "Organization", "South University")]),
        ("Alice Chen of North Hospital comes from Spain.",
         [("Person", "Alice Chen", "affiliation", "Organization", "North Hospital"),
          ("Person", "Alice Chen", "nationality", "Country", "Spain")]),
        ("Participants came from Japan and Spain.",
         [("Event", "Heart Forum", "participantCountry", "Country", "Japan"),
          ("Event", "Heart Forum", "participantCountry", "Country", "Spain")]),
    ]),
    "art_b": ("Lung Course trains surgeons", [
        ("Alice Chen, Bob Diaz and Carol Evans attended the Lung Course.",
         [("Event", "Lung Course", "attendee", "Person", "Alice Chen"),
          ("Event", "Lung Course", "attendee", "Person", "Bob Diaz"),
          ("Event", "Lung Course", "attendee", "Person", "Carol Evans")]),
        ("The Lung Course was hosted by South University.",
         [("Event", "Lung Course", "organizer", "Organization", "South University")]),
        ("Carol Evans works at East Clinic and South University.",
         [("Person", "Carol Evans", "affiliation", "Organization", "East Clinic"),
          ("Person", "Carol Evans", "affiliation", "Organization", "South University")]),
        ("Carol Evans is from Japan.",
         [("Person", "Carol Evans", "nationality", "Country", "Japan")]),
    ]),
}


def demo_store(store, hostile: bool = False) -> None:
    """Store the tiny demo graph (2 articles, 3 persons, 3 institutions, 2 events, 2 countries).

    With ``hostile`` a third article adds a person named :data:`HOSTILE_NAME`, attending
    the Heart Forum, stated in :data:`HOSTILE_SENTENCE` (for escaping tests).
    """
    for stem, (title, sentences) in DEMO.items():
        add_article(store, stem, title, sentences)
    if hostile:
        add_article(store, "art_x", "<b>Bold</b> title <script>window.__medkgPwned=4</script>", [
            (HOSTILE_SENTENCE.replace("Summit", f"Heart Forum with {HOSTILE_NAME}"),
             [("Event", "Heart Forum", "attendee", "Person", HOSTILE_NAME),
              ("Person", HOSTILE_NAME, "affiliation", "Organization", "North Hospital")])])
