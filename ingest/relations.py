"""Relations, event dates and counts between the entities found in an article.

Runs on the existing spaCy parse (no second model). :class:`~medkg.ingest.rel_context.Ctx`
maps the entity mentions onto the parse and resolves "our hospital", "the conference",
"the province"; the finders add relations with a confidence:

* 0.85-0.9: an explicit grammatical pattern ("organized by", "P, Director of ORG", "held in");
* 0.7-0.8: a looser pattern (name structure, "EVENT of ORG", an anaphoric subject);
* 0.5-0.65: a heuristic (travel to a city for the event, a quoted trainee from a participant
  country, a specialty mentioned in a sentence about the event or unit).
"""

from __future__ import annotations

from medkg.ingest.dates import assign_event_dates
from medkg.ingest.model import Extraction
from medkg.ingest.rel_context import Ctx
from medkg.ingest.rel_counts import find_counts
from medkg.ingest.rel_general import find_general_relations
from medkg.ingest.rel_events import find_event_relations, participant_countries_from_attendees, umbrella_shares
from medkg.ingest.rel_orgs import find_org_relations
from medkg.ingest.rel_people import find_person_relations, quoted_participants


def find_relations(doc, ex: Extraction) -> None:
    """Append relations to ``ex.relations``; set dates and counts on events."""
    ctx = Ctx(doc, ex)
    find_general_relations(ctx)      # first: its cue-based specialties pre-empt profile guesses
    find_org_relations(ctx)
    find_event_relations(ctx)
    find_person_relations(ctx)
    participant_countries_from_attendees(ctx)
    quoted_participants(ctx)
    umbrella_shares(ctx)
    assign_event_dates(ctx)
    find_counts(ctx)
