"""The extraction data model: what the extractor produces and rdfize turns into RDF.

Offsets are character offsets into ``Article.text`` (Python string indices).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("Person", "Organization", "Event", "Specialty", "Country", "Place")

#: relation name -> (subject type, allowed object types)
RELATIONS = {
    "affiliation": ("Person", ("Organization",)),
    "nationality": ("Person", ("Country",)),
    "organizer": ("Event", ("Organization",)),
    "attendee": ("Event", ("Person",)),
    "about": ("Event", ("Specialty",)),
    "participantCountry": ("Event", ("Country",)),
    "location": (("Event", "Organization"), ("Place", "Organization")),
    "parentOrganization": ("Organization", ("Organization",)),
    "specialty": ("Organization", ("Specialty",)),
}


@dataclass
class Article:
    """One source article, as read from disk."""
    stem: str                      # file stem (or jsonl id): schema:identifier
    text: str
    source: str = ""               # path (and line for jsonl) it came from
    title: str | None = None
    date: str | None = None        # ISO date (YYYY-MM-DD) of publication when known
    url: str | None = None
    content_hash: str = ""         # sha256 of text+metadata, for idempotent re-ingest


@dataclass
class Span:
    """A stretch of the article text: a mention or the sentence that states a fact."""
    start: int
    end: int


@dataclass
class Entity:
    key: str                       # unique within the extraction (e.g. "Organization|west china hospital")
    type: str                      # one of ENTITY_TYPES
    name: str                      # canonical name
    aliases: set[str] = field(default_factory=set)
    mentions: list[Span] = field(default_factory=list)
    date: str | None = None        # events: YYYY-MM-DD or --MM-DD
    end_date: str | None = None
    counts: dict[str, int] = field(default_factory=dict)   # events: e.g. {"participantCount": 20, "countryCount": 8}
    concept: str | None = None     # Specialty: IRI of the SKOS concept; Country: ISO alpha-2 code
    subtypes: list[str] = field(default_factory=list)      # extra schema.org classes (Hospital, CollegeOrUniversity, ...)
    confidence: float = 1.0
    evidence: dict[str, Span] = field(default_factory=dict)  # attribute ("date", a count key) -> sentence stating it


@dataclass
class Relation:
    subject: str                   # Entity.key
    predicate: str                 # a key of RELATIONS
    object: str                    # Entity.key
    evidence: Span | None = None   # the sentence stating it
    confidence: float = 1.0
    title: str | None = None       # affiliation: the post (role title), e.g. "Vice President"


@dataclass
class Extraction:
    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)

    def entity(self, key: str) -> Entity:
        return self.entities[key]
