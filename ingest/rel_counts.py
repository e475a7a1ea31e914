"""Head counts stated for an event, as integer literals on the event (``Entity.counts``).

Keys (camelCase, each with the stating sentence in ``Entity.evidence[key]``):

* ``participantCount`` / ``foreignParticipantCount``: participants (surgeons, doctors, delegates ...)
* ``traineeCount`` / ``foreignTraineeCount``: trainees or students (groups in one sentence are summed)
* ``expertCount`` / ``foreignExpertCount``: invited experts, speakers, lecturers
* ``countryCount``: "from eight countries (and regions)"
* ``totalParticipantCount`` / ``totalCountryCount``: cumulative figures over several editions
  ("A total of 90 surgeons from 30 countries have participated")

A count is read only from a sentence that refers to the event or states participation
(gathered, attended, participated, invited, trained ...); the first sentence stating a key wins.
"""

from __future__ import annotations

from medkg.ingest.rel_context import Ctx
from medkg.ingest.rel_lexicon import number_value

#: every key find_counts may write (declared as mkg: properties in ontology/medkg.ttl)
COUNT_KEYS = ("participantCount", "foreignParticipantCount", "traineeCount", "foreignTraineeCount",
              "expertCount", "foreignExpertCount", "countryCount", "totalParticipantCount",
              "totalCountryCount", "totalExpertCount")
TRAINEE = {"trainee", "trainees", "student", "students", "learner", "learners", "fellow", "fellows",
           "resident", "residents", "intern", "interns"}
EXPERT = {"expert", "experts", "speaker", "speakers", "lecturer", "lecturers", "professor", "professors",
          "faculty", "instructor", "instructors", "tutor", "tutors", "teacher", "teachers", "trainer", "trainers"}
PARTICIPANT = {"participant", "participants", "attendee", "attendees", "delegate", "delegates", "representative",
               "representatives", "surgeon", "surgeons", "doctor", "doctors", "physician", "physicians",
               "specialist", "specialists", "nurse", "nurses", "people", "member", "members", "scholar",
               "scholars", "guest", "guests", "clinician", "clinicians", "practitioner", "practitioners",
               "colleague", "colleagues", "researcher", "researchers", "person", "persons"}
FOREIGN = {"foreign", "international", "overseas", "visiting"}
CUES = {"gather", "attend", "participate", "join", "train", "invite", "come", "enroll", "register",
        "take", "complete", "graduate", "receive", "welcome", "bring", "arrive", "study", "learn", "accept",
        "attract", "draw", "gather", "participate", "sign"}
_TOTAL = ("a total of", "in total", "altogether", "so far", "to date", "cumulatively", "over the years")


def find_counts(ctx: Ctx) -> None:
    if ctx.main_event is None:
        return
    for si, sent in enumerate(ctx.sents):
        evs = [m for m in ctx.all_in(si, "Event")]
        ev = evs[0].key if evs else ctx.main_event
        lemmas = {t.lemma_.lower() for t in sent}
        if not evs and not (lemmas & CUES):
            continue
        low = sent.text.lower()
        perfect = any(t.tag_ == "VBN" and any(c.lemma_ == "have" and c.dep_ == "aux" for c in t.children)
                      for t in sent)
        total = any(x in low for x in _TOTAL) and (perfect or "so far" in low or "to date" in low)
        found: dict[str, int] = {}
        for t in sent:
            if not (t.like_num or t.pos_ == "NUM"):
                continue
            val = number_value(t.text)
            if val is None or val <= 0 or val > 100000:
                continue
            # the noun the number counts: the next noun within a short modifier run
            k = t.i + 1
            mods = []
            while k < sent.end and k - t.i <= 6:
                w = ctx.doc[k]
                if w.lower_ in TRAINEE | EXPERT | PARTICIPANT or w.lower_ in ("countries", "country"):
                    break
                if w.pos_ in ("ADJ", "NOUN", "PROPN", "ADV", "CCONJ", "PUNCT") and w.text not in (",", ".", ";"):
                    mods.append(w.lower_)
                    k += 1
                    continue
                break
            if k >= sent.end:
                continue
            noun = ctx.doc[k].lower_
            prev = ctx.doc[t.i - 1].lower_ if t.i > sent.start else ""
            if noun in ("countries", "country"):
                if prev in ("from", "of", "in") or "from" in [x.lower_ for x in ctx.doc[max(sent.start, t.i - 2):t.i]]:
                    key = "totalCountryCount" if total else "countryCount"
                    found.setdefault(key, val)
                continue
            foreign = bool(FOREIGN & set(mods))
            if noun in TRAINEE:
                base = "trainee"
            elif noun in EXPERT:
                base = "expert" if ({"invite", "lecture", "teach", "speak", "give"} & lemmas) else "participant"
            elif noun in PARTICIPANT:
                base = "participant"
            else:
                continue
            if total:
                key = "totalParticipantCount" if base != "expert" else "totalExpertCount"
                found.setdefault(key, val)
                continue
            key = f"{base}Count"
            if base == "trainee":
                found[key] = found.get(key, 0) + val
            else:
                found.setdefault(key, val)
            if foreign:
                fkey = f"foreign{base.capitalize()}Count"
                found.setdefault(fkey, val)
        e = ctx.ents[ev]
        for key, val in found.items():
            if key in COUNT_KEYS and key not in e.counts:
                e.counts[key] = val
                e.evidence[key] = ctx.sent_span(si)
