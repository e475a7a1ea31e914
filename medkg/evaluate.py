"""Score a graph against gold annotations: precision, recall and F1 of entities and relations.

The gold format and the matching rules are those of the project's annotation
guidelines (``GUIDELINES.md`` of the evaluation set; summarised in the README):

* gold entities of all files are merged into corpus-level entities keyed by
  ``(type, normalized name)``; their aliases, date and articles are pooled;
* a graph node typed ``schema:Person`` (``Organization``, ``Event``, ``Country``,
  ``Place``, ``MedicalSpecialty``) matches a gold entity of that type when one of
  its names (``schema:name``/``alternateName``, ``rdfs:label``, ``skos:prefLabel``/
  ``altLabel``) equals one of the gold names after :func:`normalize`; an event with
  no such name matches on a token overlap (Jaccard) of at least 0.6;
* each gold entity is hit once: a second node matching it is a false positive
  (a duplicate); a node matching nothing is a false positive (spurious);
* a relation triple counts when its subject is a typed node; it is a hit when
  (gold key of subject, predicate, gold key of object) is a gold relation;
* dates: the share of dated gold events whose matched node has that
  ``schema:startDate``; provenance: the share of gold (article, entity) pairs where
  the article node (``schema:identifier`` = stem) ``schema:mentions`` a matching node.

:func:`evaluate_graph` scores an rdflib graph, :func:`evaluate_store` the articles of
a store that a gold directory annotates, :func:`evaluate_file` an RDF file.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import RDF, RDFS, URIRef
from rdflib.namespace import SKOS

from medkg.errors import MedkgError

_SCHEMA = ("https://schema.org/", "http://schema.org/")

#: gold entity type -> schema.org class (in scoring order)
ENTITY_CLASSES = {
    "Person": "Person",
    "Organization": "Organization",
    "Event": "Event",
    "Country": "Country",
    "Place": "Place",
    "Specialty": "MedicalSpecialty",
}
#: gold predicate -> schema.org property (None: the project property found by its local name)
RELATION_PROPERTIES = {
    "affiliation": "affiliation",
    "nationality": "nationality",
    "organizer": "organizer",
    "attendee": "attendee",
    "about": "about",
    "location": "location",
    "parentOrganization": "parentOrganization",
    "specialty": "medicalSpecialty",
    "participantCountry": None,
}
_HONORIFICS = ("prof", "professor", "dr", "doctor", "mr", "mrs", "ms", "miss", "academician", "sir", "madam")
_LEADING_HONORIFIC = re.compile(r"^(?:%s)\.? " % "|".join(_HONORIFICS))
_STOPWORDS = frozenset("the of and in at for on a an to with 1st 2nd 3rd".split())
#: Jaccard token overlap at which an event name matches a gold event name
EVENT_OVERLAP = 0.6


def _sdo(local: str) -> list[URIRef]:
    return [URIRef(ns + local) for ns in _SCHEMA]


_NAME_PROPERTIES = [*_sdo("name"), *_sdo("alternateName"), RDFS.label, SKOS.prefLabel, SKOS.altLabel]


# ---------------------------------------------------------------------------- normalisation
def normalize(name) -> str:
    """The form names are compared in: lower case, "&" as "and", quotes and punctuation
    dropped, spaces collapsed, a leading "the" and one honorific removed."""
    s = str(name).lower().replace("&", " and ").replace("\u2019", "'")
    s = re.sub(r"[\"'`\u201c\u201d\u2018]", "", s)
    s = re.sub(r"[^\w\s-]", " ", s)
    s = " ".join(s.split())
    if s.startswith("the "):
        s = s[4:]
    return _LEADING_HONORIFIC.sub("", s, count=1)


def _tokens(name) -> set[str]:
    return {t for t in re.split(r"[\s-]+", normalize(name)) if t and t not in _STOPWORDS}


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


# ---------------------------------------------------------------------------- gold
GoldKey = tuple[str, str]       # (type, normalized canonical name)


@dataclass
class GoldEntity:
    type: str
    names: set[str] = field(default_factory=set)
    date: str | None = None
    docs: set[str] = field(default_factory=set)


@dataclass
class Gold:
    """Gold annotations of a set of articles, merged across articles."""
    entities: dict[GoldKey, GoldEntity] = field(default_factory=dict)
    relations: set[tuple[GoldKey, str, GoldKey]] = field(default_factory=set)
    mentions: dict[str, set[GoldKey]] = field(default_factory=dict)   # article stem -> entity keys

    @property
    def docs(self) -> list[str]:
        return sorted(self.mentions)


def load_gold(gold_dir: str | Path) -> Gold:
    """Read every ``*.json`` gold file of ``gold_dir`` (one per article). Raises MedkgError."""
    d = Path(gold_dir)
    if not d.is_dir():
        raise MedkgError(f"{d}: not a directory of gold files (*.json)")
    files = sorted(d.glob("*.json"))
    if not files:
        raise MedkgError(f"{d}: no gold files (*.json) in it")
    gold = Gold()
    for f in files:
        _add_gold_file(gold, f)
    return gold


def _add_gold_file(gold: Gold, f: Path) -> None:
    try:
        doc = json.loads(f.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise MedkgError(f"{f}: cannot read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise MedkgError(f"{f}: invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("entities"), list):
        raise MedkgError(f"{f}: not a gold file (an object with \"entities\" and \"relations\" lists)")
    stem = str(doc.get("doc") or f.stem)
    ids: dict[str, GoldKey] = {}
    keys = gold.mentions.setdefault(stem, set())
    for i, e in enumerate(doc["entities"], 1):
        where = f"{f}: entity {i}"
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) and e.get(k) for k in ("id", "type", "name")):
            raise MedkgError(f"{where}: needs string fields \"id\", \"type\" and \"name\"")
        if e["type"] not in ENTITY_CLASSES:
            raise MedkgError(f"{where}: unknown type '{e['type']}' (use {', '.join(ENTITY_CLASSES)})")
        aliases = e.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise MedkgError(f"{where}: \"aliases\" must be a list of strings")
        key = (e["type"], normalize(e["name"]))
        ent = gold.entities.setdefault(key, GoldEntity(e["type"]))
        ent.names.update(normalize(n) for n in [e["name"], *aliases])
        if e.get("date"):
            ent.date = str(e["date"])
        ent.docs.add(stem)
        ids[e["id"]] = key
        keys.add(key)
    for i, r in enumerate(doc.get("relations") or [], 1):
        where = f"{f}: relation {i}"
        if not isinstance(r, dict) or not all(isinstance(r.get(k), str) for k in ("s", "p", "o")):
            raise MedkgError(f"{where}: needs string fields \"s\", \"p\" and \"o\"")
        if r["p"] not in RELATION_PROPERTIES:
            raise MedkgError(f"{where}: unknown predicate '{r['p']}' (use {', '.join(RELATION_PROPERTIES)})")
        for end in ("s", "o"):
            if r[end] not in ids:
                raise MedkgError(f"{where}: \"{end}\" refers to unknown entity id '{r[end]}'")
        gold.relations.add((ids[r["s"]], r["p"], ids[r["o"]]))


# ---------------------------------------------------------------------------- figures
@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict:
        return {"p": self.precision, "r": self.recall, "f1": self.f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Evaluation:
    """The figures: counts per entity type and per relation, dates, provenance, and the misses."""
    entities: dict[str, Counts]
    relations: dict[str, Counts]
    dates: tuple[int, int]              # (correct, dated gold events)
    provenance: tuple[int, int]         # (found, gold article-entity pairs)
    misses: list[str] = field(default_factory=list)

    @property
    def entity_total(self) -> Counts:
        return sum(self.entities.values(), Counts())

    @property
    def relation_total(self) -> Counts:
        return sum(self.relations.values(), Counts())

    @property
    def entity_f1(self) -> float:
        return self.entity_total.f1

    @property
    def relation_f1(self) -> float:
        return self.relation_total.f1

    def as_dict(self) -> dict:
        """The figures as JSON-ready data (same keys as the evaluation set's score.py)."""
        return {
            "entities": {t: c.as_dict() for t, c in self.entities.items()},
            "relations": {t: c.as_dict() for t, c in self.relations.items()},
            "entity_f1": self.entity_f1,
            "relation_f1": self.relation_f1,
            "dates": {"ok": self.dates[0], "total": self.dates[1]},
            "provenance": {"found": self.provenance[0], "total": self.provenance[1]},
        }

    def table(self) -> str:
        """Per-type and per-relation P/R/F1 tables."""
        out = []
        for title, rows, total in (("entities", self.entities, self.entity_total),
                                   ("relations", self.relations, self.relation_total)):
            out.append(f"{title:<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
            for name, c in [*rows.items(), ("ALL", total)]:
                out.append(f"{name:<20}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}{c.tp:6}{c.fp:6}{c.fn:6}")
            out.append("")
        return "\n".join(out)

    def headline(self) -> str:
        dr = self.dates[0] / self.dates[1] if self.dates[1] else 0.0
        pr = self.provenance[0] / self.provenance[1] if self.provenance[1] else 0.0
        return (f"entity_f1={self.entity_f1:.3f} relation_f1={self.relation_f1:.3f} "
                f"dates={self.dates[0]}/{self.dates[1]} ({dr:.2f}) "
                f"provenance={self.provenance[0]}/{self.provenance[1]} ({pr:.2f})")


# ---------------------------------------------------------------------------- matching
def _names(g: rdflib.Graph, node) -> set[str]:
    names = {normalize(o) for p in _NAME_PROPERTIES for o in g.objects(node, p)}
    names.discard("")
    return names


def _match_entities(g: rdflib.Graph, gold: Gold, misses: list[str]):
    """Map typed graph nodes to gold keys. Returns (mapping, typed nodes, counts per type)."""
    mapping: dict = {}
    typed: set = set()
    counts: dict[str, Counts] = {}
    for gtype, cls in ENTITY_CLASSES.items():
        nodes = {n for c in _sdo(cls) for n in g.subjects(RDF.type, c)}
        typed |= nodes
        golds = {k: v for k, v in gold.entities.items() if v.type == gtype}
        index: dict[str, set[GoldKey]] = defaultdict(set)
        for key, ent in golds.items():
            for n in ent.names:
                index[n].add(key)
        hit: set[GoldKey] = set()
        fp = 0
        for node in sorted(nodes, key=str):
            names = _names(g, node)
            cands = set().union(*(index.get(n, set()) for n in names))
            if not cands and gtype == "Event":
                cands = {key for key, ent in golds.items()
                         if any(_overlap(_tokens(gn), _tokens(pn)) >= EVENT_OVERLAP for gn in ent.names for pn in names)}
            fresh = sorted(cands - hit)
            if fresh:
                mapping[node] = fresh[0]
                hit.add(fresh[0])
                continue
            fp += 1
            if cands:
                mapping[node] = min(cands)
                misses.append(f"entity {gtype}: duplicate: {sorted(names)}")
            else:
                misses.append(f"entity {gtype}: spurious: {sorted(names)}")
        missed = [ent for key, ent in golds.items() if key not in hit]
        misses += [f"entity {gtype}: missed: {min(ent.names)}" for ent in missed]
        counts[gtype] = Counts(len(hit), fp, len(missed))
    return mapping, typed, counts


def _relation_properties(g: rdflib.Graph, local: str | None) -> list[URIRef]:
    if local is not None:
        return _sdo(local)
    return sorted({p for p in g.predicates() if re.search(r"[#/]participantCountry$", str(p))})


def _score_relations(g: rdflib.Graph, gold: Gold, mapping: dict, typed: set, misses: list[str]) -> dict[str, Counts]:
    counts = {}
    for name, local in RELATION_PROPERTIES.items():
        wanted = {r for r in gold.relations if r[1] == name}
        found, wrong, spurious = set(), set(), []
        for prop in _relation_properties(g, local):
            for s, o in g.subject_objects(prop):
                if s not in typed:
                    continue
                key = (mapping.get(s), name, mapping.get(o))
                if key in wanted:
                    found.add(key)
                else:
                    wrong.add((s, o))
                    spurious.append(f"relation {name}: spurious: {key[0] or s} -> {key[2] or o}")
        misses += sorted(spurious)
        missed = sorted(wanted - found)
        misses += [f"relation {name}: missed: {r[0][1]} -> {r[2][1]}" for r in missed]
        counts[name] = Counts(len(found), len(wrong), len(missed))
    return counts


def _inverse(mapping: dict) -> dict[GoldKey, set]:
    inv: dict[GoldKey, set] = defaultdict(set)
    for node, key in mapping.items():
        inv[key].add(node)
    return inv


def _score_dates(g: rdflib.Graph, gold: Gold, inv: dict) -> tuple[int, int]:
    ok = total = 0
    for key, ent in gold.entities.items():
        if ent.type != "Event" or not ent.date:
            continue
        total += 1
        want = ent.date
        values = {str(v) for n in inv.get(key, ()) for p in _sdo("startDate") for v in g.objects(n, p)}
        ok += any(v[:10] == want or (want.startswith("--") and v[-5:] == want[-5:]) for v in values)
    return ok, total


def _score_provenance(g: rdflib.Graph, gold: Gold, inv: dict) -> tuple[int, int]:
    found = total = 0
    for stem, keys in gold.mentions.items():
        articles = {s for p in _sdo("identifier") for s, o in g.subject_objects(p) if str(o) == stem}
        mentioned = {o for a in articles for p in _sdo("mentions") for o in g.objects(a, p)}
        for key in keys:
            total += 1
            found += bool(inv.get(key, set()) & mentioned)
    return found, total


def evaluate_graph(g: rdflib.Graph, gold: Gold) -> Evaluation:
    """Score ``g`` (built from exactly the articles ``gold`` annotates) against ``gold``."""
    misses: list[str] = []
    mapping, typed, ecounts = _match_entities(g, gold, misses)
    rcounts = _score_relations(g, gold, mapping, typed, misses)
    inv = _inverse(mapping)
    return Evaluation(ecounts, rcounts, _score_dates(g, gold, inv), _score_provenance(g, gold, inv), misses)


def evaluate_store(store, gold: Gold | str | Path) -> tuple[Evaluation, list[str]]:
    """Score the articles of ``store`` that ``gold`` annotates (their named graphs only).

    Returns the evaluation and the annotated articles missing from the store (they
    score as missed). Raises MedkgError when none of them is in the store.
    """
    if not isinstance(gold, Gold):
        gold = load_gold(gold)
    present = set(store.articles())
    missing = [d for d in gold.docs if d not in present]
    if len(missing) == len(gold.docs):
        raise MedkgError(f"store {store.path or '(memory)'}: none of the {len(gold.docs)} annotated articles "
                         f"is in it (ingest them first; article ids are file stems, e.g. {gold.docs[0]})")
    g = rdflib.Graph()
    for stem in gold.docs:
        if stem in present:
            for t in store.article_graph(stem):
                g.add(t)
    return evaluate_graph(g, gold), missing


def evaluate_file(path: str | Path, gold: Gold | str | Path) -> Evaluation:
    """Score an RDF file (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML; by extension)."""
    from medkg.graph.store import RDFLIB_FORMATS, format_for
    if not isinstance(gold, Gold):
        gold = load_gold(gold)
    p = Path(path)
    ds = rdflib.Dataset(default_union=True)
    try:
        ds.parse(str(p), format=RDFLIB_FORMATS[format_for(p, None)])
    except FileNotFoundError:
        raise MedkgError(f"{p}: no such file") from None
    except Exception as exc:     # rdflib raises many parser-specific types
        raise MedkgError(f"{p}: cannot read as RDF ({' '.join(str(exc).split())[:200]})") from None
    return evaluate_graph(ds, gold)
