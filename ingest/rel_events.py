"""Event relations: organizer, location, about, participantCountry.

* organizer: "EVENT, (jointly) organized/hosted/sponsored/co-sponsored/undertaken by ORG1 and ORG2"
  (passive, also with a pronoun or anaphoric subject: "it was organized by", "This forum was
  co-sponsored by"); "ORG held/hosted/organized/undertook/launched EVENT" (active, the subject's
  organizations, also through "by carrying out EVENT"); "EVENT of ORG" and event names
  "Annual Meeting of <Committee>" (the named body organizes its own meeting).
* location: "held/took place/launched/gathered in|at PLACE-or-ORG"; travel to a city for the event
  ("traveled ... to reach CITY") at lower confidence.
* about: specialties named inside the event's names, and specialties mentioned (outside
  organization names and people's posts) in sentences that refer to the event.
* participantCountry: countries listed after "from"/"in" attached to a group of people
  (experts, trainees, surgeons ... "from eight countries, including A, B"), invited countries,
  and the nationality of the event's attendees.
"""

from __future__ import annotations

import functools
import re

from medkg.ingest.dates import TODAY, find_dates, is_planned
from medkg.ingest.rel_context import EVENT_NOUNS, ORG_NOUNS, Ctx, M, head_noun
from medkg.ingest.rel_general import VENUE_UNIT_FIRST, agreement_event
from medkg.ingest.rel_people import GROUP_NOUNS, PERSON_NOUNS, _segment
from medkg.ingest import gazetteer as gz
from medkg.ingest.rel_lexicon import country_entity, number_value

ORGANIZE = {"organize", "organise", "host", "sponsor", "cosponsor", "undertake", "co-organize",
            "co-host", "convene", "hold", "launch", "coorganize", "run", "fund", "co-fund", "cofund"}
ORGANIZE_ACTIVE = {"organize", "organise", "host", "sponsor", "undertake", "convene", "hold", "launch",
                   "carry", "conduct", "run", "co-host", "co-organize", "cosponsor", "stage", "arrange"}
LOCATION_VERBS = {"hold", "take", "convene", "launch", "open", "kick", "gather", "start", "begin",
                  "organize", "host", "conduct", "close", "conclude", "inaugurate"}
TRAVEL_VERBS = {"reach", "arrive", "come", "travel", "fly", "visit"}
_PARTICIPATE = {"attend", "participate", "gather", "invite", "train", "join", "come", "lecture", "speak", "teach",
                "teaching"}
_LIST_TOKENS = {",", "and", "the", "as", "well", "&", "also", "jointly", "respectively", "(", ")", "together",
                "with"}
_COUNTRY_LIST = {",", "and", "the", "including", "include", "includes", "such", "as", "like", "countries", "namely",
                 "i.e.", "viz", ":",
                 "regions", "country", "well", "&", "other", "etc", "etc.", "(", ")", "or", "-",
                 "more", "than", "over", "nearly", "almost", "about", "around", "some", "across", "throughout",
                 "all"}
#: "from 20 provinces of China", "from all parts of Vietnam"
_PART_OF = {"provinces", "cities", "regions", "parts", "areas", "corners", "states", "counties"}
#: a span of time up to now: "over the years", "in recent years", "since 2019", "so far"
_CUMULATIVE = re.compile(r"(?i)\b(?:over|in|during|within|across)\s+(?:the\s+)?(?:(?:recent|past|last|previous)\s+)?"
                         r"(?:\w+\s+)?(?:years|decades?)\b|\bsince\s+(?:(?:19|20)\d\d|its|it|then|the)\b|"
                         r"\b(?:so|thus)\s+far\b|\bto\s+date\b|\bcumulatively\b|\bin\s+total\b")


def _lem(t) -> str:
    w = t.lemma_.lower()
    return w[3:] if w.startswith("co-") else w


def _org_list_after(ctx: Ctx, si: int, start: int) -> list[M]:
    """Organizations in a coordinated list starting at token ``start`` ("ORG1, ORG2 and the ORG3")."""
    return _org_list_scan(ctx, si, start)[0]


def _org_list_scan(ctx: Ctx, si: int, start: int) -> tuple[list[M], int]:
    """:func:`_org_list_after` and the token where the list ends."""
    doc, sent = ctx.doc, ctx.sents[si]
    orgs = ctx.top(si, "Organization")
    out: list[M] = []
    complements: set[str] = set()
    k = start
    while k < sent.end:
        m = next((o for o in orgs if o.ts == k), None)
        if m is not None:
            inner = {x.key for o in out[-1:] for x in ctx.all_in(si, "Organization")
                     if x.key != o.key and o.ts <= x.ts and x.te <= o.te}
            if out and k - out[-1].te == 3 and doc[out[-1].te].text == "(" and doc[k - 1].text == ")" \
                    and doc[k - 2].text.isupper():
                # "by the X Hospital (XH) Burns Centre": the hospital only names the unit's holder
                out.pop()
            if ctx.of_complement(m, out):
                complements.add(m.key)
            elif m.key not in complements and not (m.key in inner and doc[m.ts - 1].text == "("):
                # ("the Institute of the X Centre (XC)": the bracketed acronym is the complement again)
                out.append(m)
            k = m.te
            continue
        t = doc[k]
        if t.lower_ in _LIST_TOKENS or t.lower_ == "of":
            k += 1
            continue
        break
    return out, k


_WITH_PHRASE = re.compile(r"^(?:(?:together|jointly|along)\s+with|in\s+(?:partnership|collaboration|cooperation|"
                          r"association|conjunction)\s+with)\s+(?:the\s+)?$", re.I)


def _org_list_after_by(ctx: Ctx, si: int, start: int) -> list[M]:
    """The organizations of "by ORG1 (together with | in partnership with) ORG2 and ORG3", and of
    "by the Trust's Department of X" the department (its holder is not named as organizer)."""
    doc, sent = ctx.doc, ctx.sents[si]
    out = _org_list_after(ctx, si, start)
    if not out:
        # "by the Trust's / the hospital's Department of X": a possessor that is no named mention
        pos = next((k for k in range(start, min(start + 4, sent.end)) if doc[k].lower_ in ("'s", "’s")), None)
        if pos is not None and doc[start].lower_ == "the":
            out = _org_list_after(ctx, si, pos + 1)
    stop = _org_list_scan(ctx, si, start)[1] if out else start
    while out:
        k = out[-1].te
        if stop > k and all(doc[x].lower_ in _LIST_TOKENS or doc[x].lower_ == "of" or ctx.mention_at(si, x, "Organization")
                            for x in range(k, stop)):
            k = stop          # past the holder and the bracketed name: "by the Institute of the X Centre (XC) in ..."
        if k + 1 < sent.end and doc[k].lower_ in ("'s", "’s"):
            nxt = _org_list_after(ctx, si, k + 1)
            if nxt:
                out = out[:-1] + nxt
                continue
        j = next((j for j in range(k + 1, min(k + 5, sent.end)) if _WITH_PHRASE.match(doc[k:j].text + " ")), None)
        if j is None:
            break
        more = [m for m in _org_list_after(ctx, si, j) if m not in out]
        if not more:
            break
        out += more
    return out


def _org_list_before(ctx: Ctx, si: int, end: int) -> list[M]:
    """Organizations in a coordinated list ending right before token ``end`` ("ORG1 and ORG2 of the
    hospital (jointly)"), without the "of" complements."""
    doc, sent = ctx.doc, ctx.sents[si]
    orgs = ctx.top(si, "Organization")
    out: list[M] = []
    k = end - 1
    while k >= sent.start and doc[k].lower_ in ("jointly", "together", "also", "have", "has", "had"):
        k -= 1
    while k >= sent.start:
        m = next((o for o in orgs if o.te == k + 1), None)
        if m is not None:
            out.insert(0, m)
            k = m.ts - 1
            continue
        if doc[k].lower_ in _LIST_TOKENS or doc[k].lower_ == "of":
            k -= 1
            continue
        break
    return [m for m in out if not ctx.of_complement(m, out)]


def _event_before(ctx: Ctx, si: int, tok: int) -> M | None:
    evs = [m for m in ctx.all_in(si, "Event") if m.te <= tok]
    return evs[-1] if evs else None


def _event_after(ctx: Ctx, si: int, tok: int) -> M | None:
    evs = [m for m in ctx.all_in(si, "Event") if m.ts >= tok]
    return evs[0] if evs else None


def _subject_orgs(ctx: Ctx, si: int, verb) -> list[M]:
    v = verb
    for _ in range(4):
        subj = [c for c in v.children if c.dep_ in ("nsubj",)]
        if subj:
            ids = {t.i for c in subj for t in c.subtree}
            orgs = [m for m in ctx.top(si, "Organization") if m.ts in ids or (m.te - 1) in ids]
            return [m for m in orgs if not ctx.of_complement(m, orgs)]
        if v.head.i == v.i:
            break
        v = v.head
    return []


def find_event_relations(ctx: Ctx) -> None:
    if not ctx.by_type("Event"):
        return
    for si, sent in enumerate(ctx.sents):
        _organizers(ctx, si, sent)
        _locations(ctx, si, sent)
        _participant_countries(ctx, si, sent)
        _venues(ctx, si, sent)
    _organizers_from_names(ctx)
    _visit_venues_from_names(ctx)
    _today_at_dateline(ctx)
    _about(ctx)



#: "with the main venue at X in CITY and the branch venue at Y", "the venue was at X"
_VENUE_AT = re.compile(r"\bvenues?\s+(?:was\s+|were\s+|is\s+|being\s+)?(?:at|in)\s+(?:the\s+)?", re.I)


def _venues(ctx: Ctx, si: int, sent) -> None:
    """An event held at several venues ("by video link, with the main venue at A in CITY and the
    branch venue at B in CITY2"): each venue, and its city, is where the event is."""
    text = ctx.text
    found = list(_VENUE_AT.finditer(text, sent.start_char, sent.end_char))
    if not found:
        return
    evs = [m for m in ctx.top(si, "Event") if not m.anaphor] or [m for m in ctx.all_in(si, "Event")]
    ev = evs[0].key if evs else ctx.main_event
    if ev is None:
        return
    for mt in found:
        tok = ctx.doc.char_span(mt.end(), mt.end() + 1, alignment_mode="expand")
        if tok is None:
            continue
        target = ctx.mention_at(si, tok.start, "Organization") or ctx.mention_at(si, tok.start, "Place")
        if target is None:
            continue
        ctx.add(ev, "location", target.key, si, 0.7)
        city = _city_in(ctx, si, target) if target.type == "Organization" else None
        if city is not None:
            ctx.add(ev, "location", city.key, si, 0.65)


def _city_in(ctx: Ctx, si: int, m: M) -> M | None:
    """The place named right after mention ``m`` with "in" ("at X Hospital in CITY": CITY)."""
    k = m.te
    if k + 1 < ctx.sents[si].end and ctx.doc[k].lower_ == "in":
        return ctx.mention_at(si, k + 1, "Place")
    return None


#: what follows the place of a dateline: "CITY, 07-11-2024:", "CITY, 12 May 2024 -", "CITY – On Tuesday, ..."
_DATELINE_REST = re.compile(r"^\s*(?:,\s*(?:\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d\d|[^\n:–—]{0,30}?(?:19|20)\d\d)\s*"
                            r"(?::|–|—|-{1,2}\s)|\s(?:–|—|-{1,2})\s)")
#: verbs that tell an event happen at the dateline
_DATELINE_HAPPEN = {"hold", "open", "conclude", "close", "end", "begin", "start", "launch", "take", "convene",
                    "kick", "host", "organize", "organise"}
_VISIT = re.compile(r"\b(?:visit|delegation)\b", re.I)


def _dateline_place(ctx: Ctx) -> tuple[str, int] | None:
    """(place, end of the dateline) of the first line that opens with a place of the article and then a
    dateline's date or dash ("Lahore, 07-11-2024:", "Johannesburg – On Tuesday, ...")."""
    text = ctx.text
    best = None
    for k in ctx.by_type("Place"):
        for m in ctx.ents[k].mentions:
            if text[text.rfind("\n", 0, m.start) + 1:m.start].strip():
                continue
            rest = _DATELINE_REST.match(text[m.end:m.end + 60])
            if rest and (best is None or m.start < best[2]):
                best = (k, m.end + rest.end(), m.start)
    return None if best is None else best[:2]


def _today_at_dateline(ctx: Ctx) -> None:
    """"Mansoura, Sunday 12 May 2024 / Y received today a delegation": an event the report says
    happened "today" takes place where the report is filed, the place of a dateline line (a place
    at the start of a line, then a comma and a date)."""
    ev = ctx.main_event
    if ev is None or any(r.subject == ev and ctx.ents[r.object].type == "Place" for r in ctx.related("location")):
        return
    text = ctx.text
    today = next((si for si, sent in enumerate(ctx.sents) if TODAY.search(sent.text) and (
        any(m.key == ev for m in ctx.all_in(si, "Event")) or
        any(t.lemma_.lower() in ("receive", "visit", "welcome", "hold", "sign") and t.pos_ == "VERB" for t in sent))),
        None)
    if today is None:
        # "Lahore, 07-11-2024: The 5th X Workshop concluded at ORG" / "Johannesburg – On Tuesday, ORG hosted a
        # delegation": the report's first sentence, which tells the event happen, opens with the dateline
        line = _dateline_place(ctx)
        if line is None:
            return
        k, end = line
        si = ctx.sent_index(end)
        if si is None:
            si = next((i for i, x in enumerate(ctx.sents) if x.start_char >= end), None)
        while si is not None and si < len(ctx.sents) and not ctx.sents[si].text[max(0, end - ctx.sents[si].start_char):].strip(
                " \t\n,:–—-0123456789./"):
            si += 1       # the dateline is a sentence of its own: the report starts in the next one
            end = ctx.sents[si].start_char if si < len(ctx.sents) else end
        if si is None or si >= len(ctx.sents):
            return
        sent = ctx.sents[si]
        if any(m.key == ev and not m.anaphor for m in ctx.all_in(si, "Event")) and any(
                t.lemma_.lower() in _DATELINE_HAPPEN and t.pos_ == "VERB" and not is_planned(t) for t in sent) \
                or _VISIT.search(ctx.ents[ev].name) and any(
                t.lemma_.lower() in ("receive", "visit", "welcome", "host") and t.pos_ == "VERB"
                and not is_planned(t) for t in sent):
            ctx.add(ev, "location", k, si, 0.6)
        return
    for k in ctx.by_type("Place"):
        for m in ctx.ents[k].mentions:
            line_start = text.rfind("\n", 0, m.start) + 1
            if text[line_start:m.start].strip():
                continue
            line_end = text.find("\n", m.end)
            rest = text[m.end:line_end if line_end >= 0 else len(text)]
            if not rest.startswith(","):
                continue
            dms = find_dates(rest)
            if dms and dms[0].start <= 14 and len(rest) - dms[-1].end <= 4:
                ctx.add(ev, "location", k, today, 0.6)
                return


# ---------------------------------------------------------------- organizer
def _organizers(ctx: Ctx, si: int, sent):
    doc = ctx.doc
    for t in sent:
        lem = _lem(t)
        if t.pos_ not in ("VERB", "AUX", "ADJ", "NOUN") and lem not in ORGANIZE:
            continue
        if lem in ORGANIZE:
            # passive/participial: "... organized by ORG1 and ORG2"
            k = t.i + 1
            while k < sent.end and doc[k].lower_ in ("jointly", "together", "mainly", "also", "respectively"):
                k += 1
            if k < sent.end and (doc[k].lower_ == "with" and k > t.i + 1 or doc[k].lower_ == "in" and k + 2 < sent.end
                                 and doc[k + 1].lower_ in ("collaboration", "partnership", "cooperation", "conjunction")
                                 and doc[k + 2].lower_ == "with") \
                    and (any(c.dep_ == "auxpass" for c in t.children) or t.dep_ in ("acl", "relcl")):
                # "the workshop was organised jointly with ORG" / "organized in collaboration with ORG":
                # ORG co-organizes the event the sentence is about
                orgs = _org_list_after(ctx, si, k + 1 if doc[k].lower_ == "with" else k + 3)
                ev = _event_before(ctx, si, t.i)
                subj = [c for c in t.children if c.dep_ == "nsubjpass"]
                head = subj[0] if subj else (t.head if t.dep_ in ("acl", "relcl") else None)
                ev_key = ev.key if ev is not None else (ctx.main_event if head is not None and (
                    head.lower_ in ("it", "this") or head.lemma_.lower() in EVENT_NOUNS) else None)
                if ev_key is not None:
                    for o in orgs:
                        ctx.add(ev_key, "organizer", o.key, si, 0.8)
                    if ev is not None and t.dep_ == "relcl" and any(
                            c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in t.children):
                        # "the X Mission, which the charity organises in partnership with ORG": the
                        # clause's own subject organizes it too
                        for o in _subject_orgs(ctx, si, t):
                            ctx.add(ev_key, "organizer", o.key, si, 0.8)
                continue
            if k < sent.end and doc[k].lower_ == "by":
                orgs = _org_list_after_by(ctx, si, k + 1)
                if orgs:
                    ev = _event_before(ctx, si, t.i)
                    conf = 0.9
                    if ev is None:
                        ev = _event_after(ctx, si, orgs[-1].te)
                    if ev is None:
                        # only "it/this was organized by" or a participle on an event noun falls back to the
                        # reported event; "research sponsored by X" is not about it
                        subj = [c for c in t.children if c.dep_ in ("nsubjpass", "nsubj")]
                        head = subj[0] if subj else (t.head if t.dep_ in ("acl", "relcl") else None)
                        if head is not None and head.lower_ not in ("it", "this", "which", "that") and \
                                head.lemma_.lower() not in EVENT_NOUNS:
                            continue
                        ev_key, conf = ctx.main_event, 0.7
                    else:
                        ev_key = ev.key
                    for o in orgs:
                        ctx.add(ev_key, "organizer", o.key, si, conf)
                continue
        if lem == "sign" and t.pos_ == "VERB":
            _signed_to_set_up(ctx, si, t)
            continue
        # active: "ORG held/hosted/undertook EVENT", "by carrying out EVENT"
        if lem in ORGANIZE_ACTIVE and t.pos_ in ("VERB", "AUX") and not any(c.dep_ == "auxpass" for c in t.children):
            if lem in ("carry",) and not any(c.lower_ == "out" for c in t.children):
                continue
            if lem == "take":
                continue
            evs = [m for m in ctx.all_in(si, "Event") if m.ts > t.i]
            if t.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in ("which", "that") for c in t.children):
                # "the X Mission, which the charity organises (in partnership with the hospital)": the
                # relative clause's object is the event it modifies
                evs = [m for m in ctx.all_in(si, "Event") if m.ts <= t.head.i < m.te and not m.anaphor]
                if evs:
                    for o in _subject_orgs(ctx, si, t):
                        ctx.add(evs[0].key, "organizer", o.key, si, 0.8)
                continue
            if not evs:
                continue
            # the events right after the verb (a coordinated list)
            first = evs[0]
            gap = doc[t.i + 1:first.ts]
            if len(gap) > 4 or any(g.pos_ in ("VERB",) for g in gap):
                continue
            chosen = [first]
            for m in evs[1:]:
                g = doc[chosen[-1].te:m.ts]
                if all(x.lower_ in _LIST_TOKENS or x.text in ("“", "”", "\"") for x in g):
                    chosen.append(m)
                else:
                    break
            if all(m.anaphor for m in chosen) and is_planned(t):
                continue              # "the Trust plans to run the workshop twice a year": later editions
            orgs = _subject_orgs(ctx, si, t)
            if not orgs and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                # "ORG1 and ORG2 jointly organized the training" parsed without a subject (a sentence
                # the parser joined to the one before): the organizations right before the verb
                orgs = _org_list_before(ctx, si, t.i)
            conf = 0.85 if lem != "launch" else 0.7
            for o in orgs:
                for m in chosen:
                    ctx.add(m.key, "organizer", o.key, si, conf)


#: verbs of an agreement's clause that set a programme up ("signed an MOA establishing the X Program")
_SET_UP = {"establish", "launch", "create", "found", "initiate", "institute", "start", "set"}


def _signed_to_set_up(ctx: Ctx, si: int, verb) -> None:
    """"ORG1 and ORG2 signed an agreement establishing (to launch, setting up) the X Program": the
    signers organize the programme their agreement sets up (the object of the clause on the
    agreement)."""
    orgs = _subject_orgs(ctx, si, verb)
    if not orgs:
        return
    doc = ctx.doc
    for c in verb.subtree:
        if c.dep_ not in ("acl", "relcl", "advcl", "xcomp") or _lem(c) not in _SET_UP or \
                _lem(c) == "set" and not any(x.lower_ == "up" for x in c.children):
            continue
        for m in ctx.all_in(si, "Event"):
            if not m.anaphor and any(doc[k].head.i == c.i and doc[k].dep_ == "dobj" for k in range(m.ts, m.te)):
                for o in orgs:
                    ctx.add(m.key, "organizer", o.key, si, 0.75)


def _organizers_from_names(ctx: Ctx):
    """"EVENT of ORG" in the text and event names ending in "of <organization>"."""
    doc = ctx.doc
    orgs = ctx.by_type("Organization")
    for si, sent in enumerate(ctx.sents):
        for m in ctx.all_in(si, "Event"):
            if m.anaphor or m.te >= sent.end:
                continue
            k = m.te
            if doc[k].lower_ != "of":
                continue
            if doc[k - 1].lower_ in GROUP_NOUNS:
                continue          # "a delegation of ORG visited Y": the guests, not the visit's organizer
            k += 1
            while k < sent.end and doc[k].lower_ == "the":
                k += 1
            o = ctx.mention_at(si, k, "Organization")
            if o is not None:
                ctx.add(m.key, "organizer", o.key, si, 0.75)
        # an organization named inside an event mention after "Meeting of" / "Congress of"
        for m in ctx.all_in(si, "Event"):
            for o in ctx.all_in(si, "Organization"):
                if m.ts < o.ts and o.te <= m.te and (doc[o.ts - 1].lower_ == "of" or
                                                     [x.lower_ for x in doc[o.ts - 2:o.ts]] == ["of", "the"]):
                    if ctx.of_complement(o, ctx.all_in(si, "Organization")):
                        continue
                    ctx.add(m.key, "organizer", o.key, si, 0.7)
    names = {}
    for k in orgs:
        e = ctx.ents[k]
        for n in {e.name, *e.aliases}:
            if len(n) > 3:
                names[n.lower()] = k
    for ek in ctx.by_type("Event"):
        e = ctx.ents[ek]
        for n in {e.name, *e.aliases}:
            mt = re.search(r"\b(?:meeting|congress|conference|assembly|forum|symposium|seminar|workshop|session)s?"
                           r"\s+of\s+(?:the\s+)?(.+)$", n, re.I)
            if mt:
                ok = names.get(mt.group(1).strip(" ”“\"").lower())
                if ok:
                    ctx.add(ek, "organizer", ok, None, 0.8)
            # "Signing of the X agreement between A and B": both parties (a party named in the text by an
            # anaphor, "A and the university signed", has its name in the event's)
            mt = _SIGNING_PARTIES.match(n)
            if mt:
                parties = [names.get(x.strip().lower()) for x in (mt.group(1), mt.group(2))]
                if all(parties):
                    for o in parties:
                        ctx.add(ek, "organizer", o, None, 0.7)


_VISIT_TO = re.compile(r"^Visit of .+? to (?:the )?(.+)$")
_UNIT_NOUN_SET = {"department", "center", "unit", "ward", "division", "section", "clinic", "office", "laboratory",
                  "lab", "team", "institute"}


def _visit_venues_from_names(ctx: Ctx) -> None:
    """"Visit of the X delegation to Y": a visit the text gives no venue for is at Y, and in Y's city."""
    orgs = ctx.by_type("Organization")
    names = {n.lower(): k for k in orgs for n in ctx.ents[k].aliases}
    names.update({ctx.ents[k].name.lower(): k for k in orgs})       # (a name before an alias)
    locs = ctx.related("location")
    for ek in ctx.by_type("Event"):
        mt = _VISIT_TO.match(ctx.ents[ek].name)
        host = names.get(mt.group(1).lower()) if mt else None
        if host is None or any(r.subject == ek for r in locs):
            continue
        ctx.add(ek, "location", host, None, 0.6)
        # (the city of an institution visited, not of a unit: a department's is its hospital's)
        city = [r.object for r in locs if r.subject == host and ctx.ents[r.object].type == "Place"]
        if len(city) == 1 and head_noun(ctx.ents[host].name).replace("centre", "center") not in _UNIT_NOUN_SET:
            ctx.add(ek, "location", city[0], None, 0.55)


_SIGNING_PARTIES = re.compile(r"Signing(?: ceremony)? of the .+? between (?:the )?(.+?) and (?:the )?(.+)$")


# ---------------------------------------------------------------- location
def _locations(ctx: Ctx, si: int, sent):
    doc = ctx.doc
    for t in sent:
        lem = _lem(t)
        if t.pos_ not in ("VERB", "AUX") and not (t.pos_ == "NOUN" and lem == "launch"):
            continue
        if lem in LOCATION_VERBS:
            if lem == "take" and not any(c.lower_ == "place" for c in t.children):
                continue
            if lem in ("organize", "host", "conduct") and not any(c.dep_ == "auxpass" for c in t.children) \
                    and not any(c.dep_ == "dobj" and ctx.mention_at(si, c.i, "Event") is not None
                                for c in t.children):
                continue              # active "X hosted the Workshop in CITY" places the workshop too
            target = _place_after(ctx, si, t, ("in", "at")) or _place_after_object(ctx, si, t)
            fronted = _fronted_place(ctx, si, sent, t)
            if target is None and fronted is not None:
                target, fronted = fronted, None
            if target is None:
                _host_is_venue(ctx, si, sent, t, lem)
                continue
            if _address_of_co_host(ctx, si, t, target):
                continue
            ev = _event_before(ctx, si, t.i)
            conf = 0.85
            if ev is None:
                ev = _event_after(ctx, si, t.i)
            if (ev is None or ev.anaphor) and is_planned(t):
                continue              # "the 6th symposium will be held in CITY in 2025": the next edition
            if ev is None:
                if lem not in ("gather", "hold", "launch", "open", "take", "convene", "kick", "start", "begin"):
                    continue
                ev_key, conf = ctx.main_event, 0.65
            else:
                ev_key = ev.key
            # "experts ... gathered at X": the gathering is the event's
            ctx.add(ev_key, "location", target.key, si, conf)
            # "the graduation ceremony of the X Programme was held at Y": the ceremony's place too
            grad = next((m.key for m in ctx.all_in(si, "Event") if m.te <= t.i and ev_key is not None
                         and ctx.graduated_from(m.key) == ev_key), None)
            if grad is not None:
                ctx.add(grad, "location", target.key, si, conf)
            if fronted is not None:   # "In CITY, ... was held at VENUE"
                ctx.add(ev_key, "location", fronted.key, si, conf - 0.1)
            k = target.te
            if k + 2 < sent.end and doc[k].text == "(":
                # "at the Institute (DIMS), Hyderabad" / "at X Hospital (the Y Hospital of Z) in CITY"
                close = next((j for j in range(k + 1, min(sent.end, k + 16)) if doc[j].text == ")"), None)
                if close is not None and not any(doc[j].text == "(" for j in range(k + 1, close)):
                    k = close + 1
            # "held at A Affiliated to U in CITY": the city is where the event (and A) is, not U's
            via_parent = False
            if target.type == "Organization" and k + 2 < sent.end and \
                    doc[k].lower_ in ("affiliated", "attached") and doc[k + 1].lower_ == "to":
                j = k + 2
                while j < sent.end and doc[j].lower_ == "the":
                    j += 1
                parent = ctx.mention_at(si, j, "Organization")
                if parent is not None:
                    k, via_parent = parent.te, True
            if k + 1 < sent.end and doc[k].lower_ in ("in", ",") and not (via_parent and doc[k].text == ","):
                j = k + 1
                while j < sent.end and doc[j].lower_ == "the":
                    j += 1
                city = ctx.mention_at(si, j, "Place")
                if city is not None:
                    ctx.add(ev_key, "location", city.key, si, conf - 0.1)
                    if grad is not None:
                        ctx.add(grad, "location", city.key, si, conf - 0.1)
                    # (a faculty or department as the venue, "in the hall of the Faculty of X in CITY": the
                    # city is the event's; a unit's own place is its institution's)
                    if target.type == "Organization" and not via_parent and \
                            ctx.ents[target.key].name.split()[0].lower() not in VENUE_UNIT_FIRST:
                        ctx.add(target.key, "location", city.key, si, 0.7)
        elif lem == "visit" and ctx.main_event and re.search(r"\b(visit|delegation|tour)", ctx.ents[ctx.main_event].name, re.I):
            target = _place_after(ctx, si, t, (None,))
            # "the delegation also visited the Department of X": a stop on the tour, not the venue
            # ("also visited" any place: a further stop)
            if target is not None and not any(c.lower_ == "also" for c in t.children) and not (
                    target.type == "Organization" and re.search(
                    r"\b(department|center|centre|unit|ward|laboratory|lab|division|section|clinic|base|office)\b",
                    ctx.ents[target.key].name, re.I)):
                ctx.add(ctx.main_event, "location", target.key, si, 0.7)
        elif lem == "attend" and _attends_main_meeting(ctx, si, t) and not _side_trip(sent, t):
            # "surgeons attended the offline meeting at X in CITY": the article's meeting is held there
            target = _place_after(ctx, si, t, ("at",))
            if target is not None:
                ctx.add(ctx.main_event, "location", target.key, si, 0.6)
                city = _city_in(ctx, si, target)
                if city is not None:
                    ctx.add(ctx.main_event, "location", city.key, si, 0.55)
        elif lem in ("receive", "undergo", "attend", "train") and ctx.main_event and \
                _TRAINING_EVENT.search(ctx.ents[ctx.main_event].name) and (lem == "train" or any(
                    c.dep_ == "dobj" and c.lemma_.lower() in ("training", "course", "instruction", "teaching")
                    for c in t.children)) and not _side_trip(sent, t):
            # "the trainees will receive four weeks of training at our hospital": the course's venue
            target = _place_after(ctx, si, t, ("at",))
            if target is not None and target.type == "Organization" and not _UNIT_WORDS.search(
                    ctx.ents[target.key].name):
                ctx.add(ctx.main_event, "location", target.key, si, 0.6)
        elif lem in ("bring", "draw", "attract") and ctx.main_event:
            # "International course ... brings surgeons from five countries to CITY" (a headline)
            subj = {x.i for c in t.children if c.dep_ == "nsubj" for x in c.subtree}
            objs = [c for c in t.children if c.dep_ == "dobj" and c.lower_ in PERSON_NOUNS]
            if objs and (any(doc[i].lower_ in EVENT_NOUNS for i in subj) or
                         any(m.ts in subj for m in ctx.all_in(si, "Event"))):
                target = _place_after(ctx, si, t, ("to",), places_only=True)
                if target is not None:
                    ev = next((m.key for m in ctx.all_in(si, "Event") if m.ts in subj), ctx.main_event)
                    ctx.add(ev, "location", target.key, si, 0.5)
        elif lem in TRAVEL_VERBS and ctx.main_event and lem != "visit":
            target = _place_after(ctx, si, t, ("in", "to", "at", None), places_only=True)
            if target is not None and _side_trip(sent, t):
                continue              # "during the training, the trainees will also travel to CITY"
            if target is not None and _speaks_of_participant(ctx, si, t):
                ctx.add(ctx.main_event, "location", target.key, si, 0.5)


def _attends_main_meeting(ctx: Ctx, si: int, verb) -> bool:
    """"attended the (offline) meeting ...": the object is the article's own meeting, named by a common noun."""
    if not ctx.main_event or not _MEETING_EVENT.search(ctx.ents[ctx.main_event].name):
        return False
    for c in verb.children:
        if c.dep_ != "dobj" or c.lemma_.lower() not in ("meeting", "event", "session", "forum", "conference") \
                or not any(d.lower_ == "the" for d in c.children):
            continue
        m = ctx.mention_at(si, c.i, "Event")
        if m is None or m.key == ctx.main_event:
            return True
    return False


#: the article's event is a meeting (not a visit or a course)
_MEETING_EVENT = re.compile(r"\b(?:forum|conference|congress|summit|symposium|meeting|seminar)\b", re.I)

_UNIT_WORDS = re.compile(r"\b(?:department|center|centre|unit|ward|division|section|program|programme|team|"
                         r"committee|society|association|federation|commission|ministry|office|bureau|group|"
                         r"chapter|branch|college of|academy|foundation)\b", re.I)


def _host_is_venue(ctx: Ctx, si: int, sent, verb, lem: str) -> None:
    """ "ORG hosted EVENT" with no place in the sentence: the event takes place at the host (a
    hospital, university or institute, not a unit or a society), and in the city the text locates
    the host in."""
    if lem != "host" or any(c.dep_ == "auxpass" for c in verb.children) or ctx.top(si, "Place"):
        return
    ev = next((ctx.mention_at(si, c.i, "Event") for c in verb.children if c.dep_ == "dobj"
               and ctx.mention_at(si, c.i, "Event") is not None), None)
    if ev is None:
        return
    hosts = {m.key for m in _subject_orgs(ctx, si, verb) if not m.anaphor}
    if len(hosts) != 1:
        return
    h = hosts.pop()
    if _UNIT_WORDS.search(ctx.ents[h].name):
        return
    ctx.add(ev.key, "location", h, si, 0.7)
    for r in ctx.related("location"):
        if r.subject == h and ctx.ents[r.object].type == "Place":
            ctx.add(ev.key, "location", r.object, si, 0.6)


_TRAINING_EVENT = re.compile(r"\b(?:course|training|class|programme|program|fellowship|workshop)\b", re.I)


#: "in collaboration with ORG" is no venue
_IN_MANNER = {"collaboration", "cooperation", "partnership", "coordination", "association", "conjunction",
              "concert", "alliance", "liaison", "support", "charge", "response", "honor", "honour"}


def _side_trip(sent, verb) -> bool:
    """A trip made during or besides the event ("during the course they will also travel to X",
    "travel to X for sightseeing"), not the journey to the event's venue."""
    before = [x.lower_ for x in sent if x.i < verb.i]
    if "during" in before or "also" in before[-6:]:
        return True
    after = " ".join(x.lower_ for x in sent if x.i > verb.i)
    return bool(re.search(r"\bfor\s+(?:a\s+|some\s+)?(?:cultural|sightseeing|sight-seeing|leisure|tour|tours|"
                          r"excursions?|city\s+tours?)\b", after))


_FRONT_SKIP = {",", "(", ")", "-", "–", "—", "on", "the", "of", "from", "to", "and", "morning", "afternoon",
               "evening", "day", "days"}


def _fronted_place(ctx: Ctx, si: int, sent, verb) -> M | None:
    """ "In CITY, ORG organized EVENT" / "On DATE, in CITY, ...": a place fronted before the
    subject, after nothing but a date or a dateline (no other mention before it)."""
    doc = ctx.doc
    k = sent.start
    while k < verb.i:
        t = doc[k]
        if t.lower_ == "in" and (k == sent.start or doc[k - 1].text in (",", "-", "–", "—", ")")):
            j = k + 1
            while j < verb.i and doc[j].lower_ == "the":
                j += 1
            p = ctx.mention_at(si, j, "Place")
            if p is not None and p.te < verb.i and doc[p.te].text == ",":
                return p
            return None
        if t.lower_ in _FRONT_SKIP or t.like_num or t.ent_type_ in ("DATE", "TIME") or \
                t.is_punct or re.fullmatch(r"[A-Z]{2,}", t.text):
            k += 1
            continue
        return None
    return None


def _speaks_of_participant(ctx: Ctx, si: int, verb) -> bool:
    """The traveller is a person or a group of people (not goods or ideas)."""
    v = verb
    for _ in range(4):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            ids = {t.i for c in subj for t in c.subtree}
            return bool(ctx.top(si, "Person") and any(p.ts in ids for p in ctx.top(si, "Person"))) or \
                any(ctx.doc[i].lower_ in PERSON_NOUNS or ctx.doc[i].lower_ in ("who", "he", "she", "they")
                    for i in ids)
        if v.head.i == v.i:
            break
        v = v.head
    return False


def _address_of_co_host(ctx: Ctx, si: int, verb, target: M) -> bool:
    """"jointly held by A and B in CITY": the city right after the last of several organizers (agents of the
    verb) is that organizer's address, not where the event was (told elsewhere)."""
    doc = ctx.doc
    if target.type != "Place" or target.ts < 2 or doc[target.ts - 1].lower_ != "in":
        return False
    agent = {x.i for c in verb.children if c.dep_ == "agent" for x in c.subtree}
    if not agent:
        return False
    orgs = [m for m in ctx.top(si, "Organization") if m.ts in agent]
    return len(orgs) >= 2 and any(m.te == target.ts - 1 for m in orgs)


def _place_after_object(ctx: Ctx, si: int, verb) -> M | None:
    """The place right after the event the verb takes as its object, however long the event's name ("hosted
    the 3rd X International Symposium on Y in CITY"; the parser hangs "in CITY" on the name's last word)."""
    doc, sent = ctx.doc, ctx.sents[si]
    for c in verb.children:
        ev = ctx.mention_at(si, c.i, "Event") if c.dep_ == "dobj" else None
        if ev is not None and ev.te + 1 < sent.end and doc[ev.te].lower_ in ("in", "at"):
            j = ev.te + 1
            while j < sent.end and doc[j].lower_ == "the":
                j += 1
            return ctx.mention_at(si, j, ("Place", "Organization"))
    return None


def _place_after(ctx: Ctx, si: int, verb, preps, places_only=False) -> M | None:
    """A Place/Organization that is the object of the verb's in/at phrase (within a short window)."""
    doc, sent = ctx.doc, ctx.sents[si]
    types = ("Place",) if places_only else ("Place", "Organization")
    # "held in the lecture hall of X Hospital": the first place/organization in the in/at phrase
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in [p for p in preps if p] and c.i > verb.i and not (
                c.i + 1 < sent.end and doc[c.i + 1].lower_ in _IN_MANNER):
            ids = sorted(x.i for x in c.subtree)
            if not ids or ids[-1] - ids[0] > 14:
                continue
            for m in ctx.top(si, types):
                if m.ts in ids and not _home_of_guests(ctx, si, m):
                    return m
    k = verb.i + 1
    limit = min(sent.end, verb.i + 9)
    while k < limit:
        t = doc[k]
        if (t.lower_ in [p for p in preps if p] and not (k + 1 < sent.end and doc[k + 1].lower_ in _IN_MANNER)) \
                or (None in preps and k == verb.i + 1):
            j = k + 1 if t.lower_ in [p for p in preps if p] else k
            while j < sent.end and doc[j].lower_ in ("the",):
                j += 1
            m = ctx.mention_at(si, j, types)
            if m is not None and not _home_of_guests(ctx, si, m):
                return m
        if t.pos_ in ("VERB",) and k > verb.i + 1:
            break
        if t.text in (".", ";"):
            break
        k += 1
    return None


def _home_of_guests(ctx: Ctx, si: int, m: M) -> bool:
    """Is the place ``m`` the home of the people who came ("hosted a delegation from ORG in CITY",
    "experts from ORG in CITY"): "from ORG in/, PLACE", where the place tells where ORG is, not the venue."""
    doc = ctx.doc
    k = m.ts - 1
    while k > ctx.sents[si].start and doc[k].lower_ == "the":
        k -= 1
    if m.type != "Place" or k <= ctx.sents[si].start or doc[k].lower_ not in ("in", ","):
        return False
    o = next((o for o in ctx.top(si, "Organization") if o.te == k), None)
    if o is None:
        return False
    j = o.ts - 1
    while j >= ctx.sents[si].start and doc[j].lower_ == "the":
        j -= 1
    return j >= ctx.sents[si].start and doc[j].lower_ == "from"


# ---------------------------------------------------------------- participant countries
#: "workers from 31 provinces, autonomous regions and municipalities", "doctors from all over the country"
_FROM_PROVINCES = re.compile(r"\bfrom\s+(?:(?:more\s+than|over|nearly|about|some|all)\s+)?(?:\d+|\w+)\s+"
                            r"provinces(?:,?\s+(?:autonomous\s+regions|municipalities|cities))*(?!\s+(?:of|in)\b)|"
                            r"\bfrom\s+(?:all\s+over|across|around)\s+the\s+country\b|\bnationwide\b", re.I)


def _from_provinces(ctx: Ctx, si: int, sent, ev_key: str) -> None:
    """"1,500 nutrition workers from 31 provinces, autonomous regions and municipalities attended": the
    country whose provinces they are takes part, when the article names China and it is the only
    country whose areas it names (Chinese news: the provinces of a national meeting)."""
    mt = _FROM_PROVINCES.search(ctx.text, sent.start_char, sent.end_char)
    if mt is None or not any(_people_noun(t) or t.lower_ in _ATTENDEE_NOUNS for t in sent if t.idx < mt.start()):
        return
    china = country_entity(ctx, "CN")
    if china is None or not any(ctx.ents[k].name.removesuffix(" Province") in gz.CN_PROVINCES
                                for k in ctx.by_type("Place")) and not _CHINESE_BODY.search(ctx.text):
        return
    ctx.add(ev_key, "participantCountry", china, si, 0.6)


#: plural nouns of people at a meeting besides PERSON_NOUNS ("nutrition workers", "medical staff")
_ATTENDEE_NOUNS = {"workers", "staff", "peers", "professionals", "practitioners"}
#: a Chinese national body named in the article ("Chinese Medical Doctor Association", "National Health Commission")
_CHINESE_BODY = re.compile(r"\b(?:Chinese|China)\s+(?:Medical|Medicine|Association|Society|Academy|Hospital)|"
                           r"\bNational Health Commission\b")


def _participant_countries(ctx: Ctx, si: int, sent):
    doc = ctx.doc
    countries = ctx.top(si, "Country")
    evs = ctx.all_in(si, "Event")
    # (an anaphor holds the event it was resolved to); a sentence that names none: the event named last in
    # its paragraph ("The week ended with the 1st X Workshop ... Thirty surgeons from A, B and C practised")
    # (not in a plan: "Every year, twelve residents will come ... while Norwegian specialists will teach")
    planned = any(t.pos_ in ("VERB", "AUX") and is_planned(t) for t in sent)
    ev_key = evs[0].key if evs else (None if planned else ctx.paragraph_event(si)) or ctx.main_event
    if ev_key is None:
        return
    persons = ctx.top(si, "Person")
    if evs or {t.lemma_.lower() for t in sent} & _PARTICIPATE:
        _demonym_groups(ctx, si, sent, ev_key)
        _from_provinces(ctx, si, sent, ev_key)
    cmap = {}
    for c in countries:
        for k in range(c.ts, c.te):
            cmap[k] = c
    for c in countries:
        k = c.ts - 1
        while k >= sent.start and (k in cmap or doc[k].lower_ in _COUNTRY_LIST or number_value(doc[k].text) is not None
                                   or doc[k].text in ("“", "”") or doc[k].lower_ in _PART_OF or
                                   (doc[k].lower_ == "of" and k > sent.start and doc[k - 1].lower_ in _PART_OF)):
            k = cmap[k].ts - 1 if k in cmap else k - 1
        if k < sent.start:
            continue
        stop = doc[k]
        if any(p.te == k or p.te == k - 1 for p in persons) and stop.lower_ in ("from", "(", ","):
            continue      # "P from COUNTRY" is the person's nationality, handled with the person
        if _lem(stop) == "invite":
            ok = True
        elif stop.lower_ == "in" and stop.head.lemma_.lower() in ("work", "study", "live", "stay", "practice",
                                                                   "practise", "bear", "grow", "serve", "teach"):
            ok = False      # "P, who has worked in Germany": the person's past, not the event's participants
        elif stop.lower_ in ("from", "in"):
            # a group of people before "from/in" ("surgeons from", "experts ... in China"); not
            # "the first resection in COUNTRY" or "hospitals in COUNTRY"; in a run of counted items
            # ("nurses took part: nine from A, seven from B, five from C") the group is before the run
            first = _count_run_start(doc, sent, k, cmap) if stop.lower_ == "from" else k
            left = doc[max(sent.start, first - 12):first]
            ok = any(_people_noun(x) for x in left) or _counted_came(stop)
        else:
            ok = False
        if ok and not _cumulative_past(ctx, si, sent, stop) and not reported_speech(doc[c.ts]):
            ctx.add(ev_key, "participantCountry", c.key, si, 0.8)


def _count_run_start(doc, sent, k: int, cmap: dict) -> int:
    """The first token of a run of counted items "N from COUNTRY, N from COUNTRY and N from COUNTRY"
    that ends with the "from" at ``k`` (``k`` itself when the item is not counted)."""
    if k - 1 < sent.start or number_value(doc[k - 1].text) is None:
        return k
    start = k - 1
    while True:
        i = start - 1
        while i >= sent.start and doc[i].lower_ in (",", "and", ";"):
            i -= 1
        if i < start - 1 and i in cmap:
            f = cmap[i].ts - 1
            if f - 1 >= sent.start and doc[f].lower_ == "from" and number_value(doc[f - 1].text) is not None:
                start = f - 1
                continue
        return start


_SAY_VERBS = {"say", "state", "note", "add", "mention", "explain", "tell", "point", "stress", "emphasize",
              "emphasise", "believe", "hope", "introduce"}


def reported_speech(tok) -> bool:
    """Is ``tok`` inside what someone said ("P said that the guests had seen how X is done in
    COUNTRY", "P noted that COUNTRY trains 500 <demonym> doctors a year")? Such people and places are not the
    event's participants."""
    t = tok
    for _ in range(12):
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in _SAY_VERBS:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _counted_came(tok) -> bool:
    """"(and) five came from COUNTRY": a counted group of the participants told before came from it."""
    verb = tok.head
    return tok.lower_ == "from" and verb.lemma_.lower() in ("come", "hail") and any(
        c.dep_ in ("nsubj", "nsubjpass") and (c.like_num or number_value(c.text) is not None) for c in verb.children)


def _cumulative_past(ctx: Ctx, si: int, sent, tok) -> bool:
    """The people at ``tok`` are a record over time, not this event's participants: a perfect verb
    ("has trained", "have received") with a span of time up to now ("over the years", "since 2019",
    "in recent years") or with an institution as its subject ("the department has trained doctors from")."""
    v = tok
    for _ in range(5):
        if v.pos_ in ("VERB", "AUX") or v.head.i == v.i:
            break
        v = v.head
    if v.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in v.children) \
            or any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall") for c in v.children):
        return False
    if _CUMULATIVE.search(sent.text):
        return True
    subj = {t.i for c in v.children if c.dep_ == "nsubj" for t in c.subtree}
    if not subj:
        return False
    if any(m.ts in subj for m in ctx.all_in(si, "Event")):
        return False
    return any(m.ts in subj for m in ctx.top(si, "Organization")) or \
        any(ctx.doc[i].lower_ in ORG_NOUNS for i in subj)


def _people_noun(t) -> bool:
    """"surgeons", "cardiologists", "physicians", "pediatricians": a group of people."""
    w = t.lower_
    return w in PERSON_NOUNS or (t.pos_ == "NOUN" and len(w) > 6 and w.endswith(("ists", "ians", "ians")))


def _demonym_groups(ctx: Ctx, si: int, sent, ev_key: str):
    """"Russian experts", "Egyptian trainees" in a sentence about the event."""
    from medkg.ingest.model import Span
    from medkg.ingest.rel_lexicon import country_entity, demonym_code
    doc = ctx.doc
    for t in sent:
        code = demonym_code(t.text) if t.text[:1].isupper() and t.pos_ in ("ADJ", "PROPN", "NOUN") else None
        if code is None or ctx.mention_at(si, t.i, ("Organization", "Event", "Person")) is not None:
            continue
        n = t.i + 1
        while n < sent.end and n - t.i <= 3 and not _people_noun(doc[n]) and doc[n].pos_ in ("ADJ", "NOUN"):
            n += 1
        # (a practitioner's plural too: "six Ethiopian anaesthesiologists graduated from X")
        if n < sent.end and _people_noun(doc[n]) and doc[n].lower_ not in ("people", "team", "teams") \
                and not _cumulative_past(ctx, si, sent, doc[n]) and not reported_speech(t):
            country = country_entity(ctx, code, Span(t.idx, t.idx + len(t)))
            ctx.add(ev_key, "participantCountry", country, si, 0.65)
            if _lem(doc[n].head) == "graduate":
                # "six Ethiopian fellows graduated from X": they were at X's graduation ceremony too
                grad = next((k for k in ctx.by_type("Event") if ctx.graduated_from(k) == ev_key), None)
                if grad is not None:
                    ctx.add(grad, "participantCountry", country, si, 0.6)


def participant_countries_from_attendees(ctx: Ctx):
    for r in list(ctx.related("attendee")):
        for n in ctx.related("nationality"):
            if n.subject == r.object:
                ctx.add(r.subject, "participantCountry", n.object,
                        None if n.evidence is None else ctx.sent_index(n.evidence.start), 0.6)


def umbrella_shares(ctx: Ctx):
    """The umbrella event of a page set out in numbered parts, one event each (an academic week's
    forums), has the people, participant countries and fields of its parts, not their organizers."""
    parts = [k for _a, _b, k in ctx.sections]
    main = ctx.main_event
    if not parts and main is not None and _WEEK.search(ctx.ents[main].name):
        # "the 2025 International Week of X Hospital ... On October 21, the China-Sweden Forum on Y was
        # held ...": the events told after the week's own are its parts, with their people, countries, fields
        first = ctx.first.get(main, 0)
        parts = [k for k in ctx.by_type("Event") if k != main and ctx.first.get(k, 0) > first]
    for k in parts:
        for r in [r for r in ctx.ex.relations if r.subject == k and r.predicate in _SHARED_WITH_UMBRELLA]:
            ctx.add(ctx.main_event, r.predicate, r.object,
                    None if r.evidence is None else ctx.sent_index(r.evidence.start), r.confidence, umbrella=True)


_SHARED_WITH_UMBRELLA = ("attendee", "participantCountry", "about")
#: an event of several days made of others: "International Week", "Academic Week", "Nursing Week"
_WEEK = re.compile(r"\bWeek\b")


# ---------------------------------------------------------------- about
def _surfaces(e) -> list[str]:
    return sorted({s for s in {e.name, *e.aliases} if len(s) >= 3}, key=len, reverse=True)


@functools.lru_cache(maxsize=4096)
def _word_re(surface: str):
    return re.compile(r"(?<![\w])" + re.escape(surface.lower()) + r"(?![\w])")


def longest_matches(text: str, specs: dict[str, list[str]]) -> set[str]:
    """Specialty keys whose surface occurs in ``text``, longest match first (no overlaps)."""
    cands = []
    low = text.lower()
    for key, surfs in specs.items():
        for s in surfs:
            if s.lower() not in low:
                continue
            for mt in _word_re(s).finditer(low):
                cands.append((mt.start(), mt.end(), key))
    cands.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    taken: list[tuple[int, int]] = []
    out = set()
    for s, e, key in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out.add(key)
    return out


def _about(ctx: Ctx):
    specs = {k: _surfaces(ctx.ents[k]) for k in ctx.by_type("Specialty")}
    if not specs:
        return
    for ek in ctx.by_type("Event"):
        e = ctx.ents[ek]
        for n in {e.name, *e.aliases}:
            for sk in longest_matches(_LIVE_SURGERY.sub("live demonstration", n), specs):
                ctx.add(ek, "about", sk, _first_sentence(ctx, ek), 0.85)
    main = ctx.main_event
    if main is None:
        return
    for si in range(len(ctx.sents)):
        if not any(m.key == main for m in ctx.all_in(si, "Event")):
            continue
        if agreement_event(ctx, si, ctx.sents[si]) not in (None, main):
            continue      # "Under the MoU, ... training in A": the signing's subject, not the visit's
        blocked = []
        for m in ctx.top(si, ("Organization", "Person", "Event")):
            blocked.append((m.ts, m.te))
        for p in ctx.top(si, "Person"):
            blocked.append(_segment(ctx, si, p))
        for s in ctx.top(si, "Specialty"):
            if any(a <= s.ts and s.te <= b for a, b in blocked):
                continue
            if ctx.doc[s.te - 1].lower_ in ("surgeon", "surgeons") or (
                    s.te < len(ctx.doc) and ctx.doc[s.te].lower_ in _PRACTITIONERS):
                continue      # "cardiologists and cardiac surgeons from X attended": who came, not the topic
            # (a graduation ceremony has no field: what its graduates learnt is the programme's)
            ctx.add(ctx.graduated_from(main) or main, "about", s.key, si, 0.65)


#: "Live Surgery Workshop on X": the way the event teaches (operations shown live), not its field
_LIVE_SURGERY = re.compile(r"(?i)\blive\s+surger(?:y|ies)\b")

#: people nouns after a field name ("transplant surgeons", "endoscopy nurses"): a profession, not a topic
_PRACTITIONERS = {"surgeons", "surgeon", "doctors", "doctor", "physicians", "physician", "nurses", "nurse",
                  "specialists", "specialist", "experts", "expert", "fellows", "residents", "trainees",
                  "practitioners", "technicians", "professionals", "teams", "team"}


def _first_sentence(ctx: Ctx, key: str) -> int | None:
    for si, ms in enumerate(ctx.mentions):
        if any(m.key == key and not m.anaphor for m in ms):
            return si
    return None
