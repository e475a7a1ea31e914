"""Relations, event dates and counts between the entities found in an article."""

from __future__ import annotations

from medkg.ingest.model import Extraction, Relation

_PAIRS = {("Person", "Organization"): "affiliation", ("Person", "Country"): "nationality",
          ("Event", "Organization"): "organizer", ("Event", "Person"): "attendee",
          ("Event", "Country"): "participantCountry", ("Event", "Place"): "location"}


def find_relations(doc, ex: Extraction) -> None:
    """Append relations to ``ex.relations``; set dates and counts on events."""
    by_sent: dict[int, list[str]] = {}
    for key, e in ex.entities.items():
        for m in e.mentions:
            for i, s in enumerate(ex.sentences):
                if s.start <= m.start < s.end:
                    by_sent.setdefault(i, []).append(key)
    for i, keys in by_sent.items():
        for s in dict.fromkeys(keys):
            for o in dict.fromkeys(keys):
                p = _PAIRS.get((ex.entities[s].type, ex.entities[o].type))
                if p:
                    ex.relations.append(Relation(s, p, o, evidence=ex.sentences[i], confidence=0.3))
