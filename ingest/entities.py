"""Entity recognition and resolution: people, organizations, events, specialties, countries, places."""

from __future__ import annotations

import re

from medkg.ingest.model import Entity, Extraction, Span
from medkg.ontology import countries

_HONORIFIC = re.compile(r"^(?:(?:prof|professor|dr|doctor|mr|mrs|ms|miss|academician|sir|madam)\.?\s+)+", re.I)


def find_entities(doc, ex: Extraction) -> None:
    """Add the entities of the parsed ``doc`` (with their mentions) to ``ex.entities``."""
    for ent in doc.ents:
        _add(ex, ent)


def _add(ex: Extraction, ent) -> str | None:
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
