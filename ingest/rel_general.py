"""Relation patterns of everyday hospital news that do not name the relation outright.

* parentOrganization: possessive sub-units ("its X Department", "the hospital's X Center",
  "ORG's X Unit", also for the rest of a coordinated list), and "ORG consists of / comprises /
  includes the A, B and C" (sub-units of lower rank than ORG);
* Organization -> Place: "ORG in CITY(, PROVINCE)", "ORG, one of the largest ... in PLACE";
* visits and signings (events per GUIDELINES): the visited organization hosts the visit and is
  where it happens; the parties that sign organize the signing;
* about: specialties a talk at the event is on ("a lecture/report/presentation on A and B",
  "advances in A", "demonstrated A");
* specialty: what a unit is good at ("good at A and B", "especially strong in A, covering B",
  "specializes in", "a leading center for", "ORG's strengths in A").

Fields only wished for ("hope to cooperate in A") and operations ("after cardiac surgery") are
never taken: every pattern needs its own cue words right before the specialty list.
"""

from __future__ import annotations

import re

from medkg.ingest.entities import _RECEIVED_DELEGATION
from medkg.ingest.gazetteer import DIRECTIONS, ORG_RANK
from medkg.ingest.gazetteer import norm as gz_norm
from medkg.ingest.names import is_acronym
from medkg.ingest.rel_context import SIGN_NAME, VISIT_NAME, Ctx, M, head_noun

UNIT_HEADS = {"department", "center", "centre", "office", "division", "branch", "team", "section", "unit",
              "ward", "laboratory", "lab", "base", "group", "institute", "clinic", "school", "station",
              "subcommittee", "committee", "service"}
_LIST = {",", "and", "the", "as", "well", "&", "its", "their", "our", "also"}
_SPEC_CUES = (
    ("good", "at"), ("skilled", "in"), ("skilled", "at"), ("strong", "in"), ("excels", "in"), ("excel", "in"),
    ("specializes", "in"), ("specialises", "in"), ("specialized", "in"), ("specialised", "in"),
    ("specializing", "in"), ("expertise", "in"), ("strengths", "in"), ("strength", "in"), ("known", "for"),
    ("renowned", "for"), ("famous", "for"), ("center", "for"), ("centre", "for"), ("covering",),
    ("especially", "in"), ("particularly", "in"), ("advantages", "in"), ("features",), ("focuses", "on"),
    ("focusing", "on"), ("leader", "in"), ("leading", "in"), ("achievements", "in"), ("specialties", "include"),
    ("specialties", "are"), ("specialties", "of"), ("focused", "on"), ("centered", "on"), ("centred", "on"),
    ("covered",), ("themed",), ("topics", "included"), ("topics", "include"), ("covers",),
    ("discussed",), ("discuss",), ("discussing",), ("discussions", "on"), ("discussion", "on"),
    ("learned", "about"), ("learnt", "about"), ("learned", "much", "about"), ("learnt", "much", "about"),
    ("learned", "more", "about"), ("learn", "about"), ("learn", "more", "about"),
    # "The department has five subspecialty groups: A, B and C"
    ("subspecialties", ":"), ("subspecialty", "groups", ":"), ("subspecialty", "teams", ":"),
    ("subspecialty", "areas", ":"), ("subspecialty", "units", ":"),
    # "The center ... It will carry out joint research in A and B" (whose research: its subject)
    ("research", "in"),
    # "the team worked at X Hospital, providing services in A, B and C" (the fields the body practises)
    ("services", "in"), ("service", "in"),
    # "students completed clinical rotations in A, B and C": the subjects of the programme they were on
    ("rotations", "in"), ("rotation", "in"), ("rotated", "through"),
    # "four parallel sessions were held on A, B and C"; "lectures presented in sessions on A and B": the
    # parts of the reported event, whose fields are its subjects whoever else the sentence names
    ("held", "on"), ("sessions", "on"), ("sub-forums", "on"), ("subforums", "on"), ("sub-sessions", "on"),
)
_EVENT_TOPIC_CUES = {"focused", "focuses", "focusing", "centered", "centred", "covered", "covering", "themed",
                     "topics", "especially", "particularly", "covers", "discussed", "discuss", "discussing",
                     "discussions", "discussion", "learned", "learnt", "learn", "rotations", "rotation", "rotated",
                     "held", "sessions", "sub-forums", "subforums", "sub-sessions"}
#: cues of what the participants of a programme trained in, whoever else the sentence names
_TRAINED_IN_CUES = {"rotations", "rotation", "rotated", "held", "sessions", "sub-forums", "subforums",
                    "sub-sessions"}
#: the parts of an event: "held on A" names their fields only with such a subject (not "held on 5 May")
_SESSION_NOUNS = {"sessions", "session", "sub-forums", "subforums", "sub-forum", "subforum", "sub-sessions",
                  "forums", "symposia", "workshops", "tracks", "panels", "seminars"}
_CUES_BY_FIRST: dict[str, list[tuple]] = {}
for _c in _SPEC_CUES:
    _CUES_BY_FIRST.setdefault(_c[0], []).append(_c)
_TALK_NOUNS = {"lecture", "lectures", "report", "reports", "presentation", "presentations", "talk", "talks",
               "speech", "speeches", "keynote", "address", "lesson", "lessons", "class", "classes",
               "demonstration", "demonstrations", "advances", "progress", "update", "updates", "poster",
               "posters", "experience", "session", "sessions", "workshop", "course", "training"}
_TALK_PREPS = {"on", "about", "in", "of", "regarding", "concerning"}
#: verbs of giving a talk ("P lectured on A", "spoke about A")
_TALK_VERBS = {"lecture", "speak", "talk", "present", "report"}
_STOP_WORDS = {"after", "before", "following", "during", "post", "hope", "hopes", "hoped", "wish", "plan",
               "future", "will", "would", "expect", "expected"}


def _rank(ctx: Ctx, key: str) -> int:
    h = head_noun(ctx.ents[key].name).replace("centre", "center")
    return ORG_RANK.get(h, ORG_RANK.get(h.rstrip("s"), 3))


def _is_unit(ctx: Ctx, key: str) -> bool:
    return head_noun(ctx.ents[key].name).replace("centre", "center") in UNIT_HEADS


def subject_org(ctx: Ctx, si: int, verb) -> M | None:
    """The organization that is the subject of ``verb`` (climbing conj/relcl; "which" -> its noun)."""
    v = verb
    for _ in range(4):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            # two subjects: a heading line parsed into the sentence ("Subspecialty Teams\nThe department
            # has set up ..."); the one nearest before the verb is the sentence's
            s = max((c for c in subj if c.i < v.i), key=lambda c: c.i, default=subj[0])
            if s.lower_ in ("which", "that") and v.dep_ == "relcl":
                s = v.head
            m = ctx.mention_at(si, s.i, "Organization") or next(
                (o for o in ctx.all_in(si, "Organization") if o.ts <= s.i < o.te), None)
            if m is None:
                ids = {x.i for x in s.subtree}
                m = next((o for o in ctx.top(si, "Organization") if o.ts in ids), None)
            return m
        if v.dep_ not in ("conj", "xcomp", "advcl") or v.head.i == v.i:
            break
        v = v.head
    return None


def _subject_pronoun(verb):
    """The subject "it" of ``verb`` or of the verb it is coordinated with ("It will focus on X, carry out Y")."""
    v = verb
    for _ in range(4):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0] if subj[0].lower_ == "it" else None
        if v.dep_ not in ("conj", "xcomp") or v.head.i == v.i:
            return None
        v = v.head
    return None


def org_before(ctx: Ctx, si: int, tok: int, above: int | None = None) -> str | None:
    """What "its" at ``tok`` refers to: the nearest organization named before it, preferring
    sentence subjects (this sentence, then up to two before); ``above``: minimum rank."""
    def ok(m):
        return above is None or _rank(ctx, m.key) > above
    for j in range(si, max(-1, si - 3), -1):
        ms = [m for m in ctx.top(j, "Organization") if (j < si or m.te <= tok) and ok(m)]
        if not ms:
            continue
        subj = [m for m in ms if any(ctx.doc[k].dep_ in ("nsubj", "nsubjpass") for k in range(m.ts, m.te))]
        return (subj or ms)[-1].key
    return None


def find_general_relations(ctx: Ctx) -> None:
    for si, sent in enumerate(ctx.sents):
        if ctx.all_in(si, "Organization"):
            _possessive_units(ctx, si, sent)
            _consists_of(ctx, si, sent)
            _org_in_place(ctx, si, sent)
        if ctx.all_in(si, "Organization") or ctx.main_event:
            _spec_cues(ctx, si, sent)
        if ctx.main_event:
            _talk_topics(ctx, si, sent)
        _agreement_topics(ctx, si, sent)
    _visits_and_signings(ctx)
    _signing_fields(ctx)


# ---------------------------------------------------------------- parentOrganization
def _possessive_units(ctx: Ctx, si: int, sent):
    doc = ctx.doc
    orgs = ctx.top(si, "Organization")
    for i, m in enumerate(orgs):
        if m.anaphor or m.ts <= sent.start:
            continue
        prev = doc[m.ts - 1]
        parent = None
        if prev.lower_ in ("its", "their"):
            parent = org_before(ctx, si, prev.i, above=_rank(ctx, m.key) if _is_unit(ctx, m.key) else None)
        elif prev.lower_ in ("'s", "’s"):
            o = ctx.mention_at(si, prev.i - 1, "Organization")
            if o is None:
                o = next((x for x in ctx.all_in(si, "Organization") if x.te == prev.i), None)
            parent = o.key if o is not None else None
        elif prev.lower_ == "our" and ctx.speaks_as_host:
            parent = ctx.own_hospital
        if parent is None or parent == m.key or not _is_unit(ctx, m.key) or _rank(ctx, parent) <= _rank(ctx, m.key):
            continue
        ctx.add(m.key, "parentOrganization", parent, si, 0.75)
        # "the hospital's A Center and the B Department"
        last = m
        for o in orgs[i + 1:]:
            gap = [t.lower_ for t in doc[last.te:o.ts]]
            if not gap or not all(g in _LIST for g in gap) or not _is_unit(ctx, o.key):
                break
            if _rank(ctx, parent) > _rank(ctx, o.key):
                ctx.add(o.key, "parentOrganization", parent, si, 0.7)
            last = o


#: words after which a founding verb's organizations are partners or places, not the units it set up
_FOUNDED_WITH = {"with", "between", "among", "by", "at", "in", "from", "together", "jointly"}


def _consists_of(ctx: Ctx, si: int, sent):
    """"ORG consists of / comprises / includes / has the A, B and C (Units)"; "ORG has set up /
    established the A and B (Units)"."""
    doc = ctx.doc
    for t in sent:
        lem = t.lemma_.lower()
        if t.pos_ not in ("VERB", "AUX"):
            continue
        founded = lem in ("establish", "found", "create") or lem == "set" and t.i + 1 < sent.end \
            and doc[t.i + 1].lower_ == "up"
        if lem == "consist" or (lem == "make" and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "up") or \
                (lem == "compose" and any(c.dep_ == "auxpass" for c in t.children)):
            pass
        elif founded:
            pass                          # "The department has set up five teams: the A Team, ..."
        elif lem not in ("comprise", "include", "encompass", "have", "contain", "cover", "govern", "oversee",
                         "run", "operate", "house"):
            continue
        holder = subject_org(ctx, si, t)
        if holder is None:
            # "It is composed of ...": "it" is the organization the previous sentence was about
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "it"]
            key = org_before(ctx, si, subj[0].i) if subj else None
            holder = M(key, "Organization", 0, 0, subj[0].i, subj[0].i + 1) if key else None
        if holder is None:
            continue
        k = t.i + 1
        units = []
        while k < sent.end and k - t.i < 40:
            w = doc[k]
            if w.text in (";", ".") or w.lower_ in ("which", "who", "where") or (w.pos_ in ("VERB", "AUX") and w.tag_ not in ("VBN", "VBG")):
                break
            if founded and w.lower_ in _FOUNDED_WITH:
                break                     # "established cooperation with the Department of X of Y": no unit of its own
            m = next((o for o in ctx.top(si, "Organization") if o.ts == k), None)
            if m is not None:
                units.append(m)
                k = m.te
                continue
            k += 1
        strict = lem not in ("consist", "comprise", "compose", "make")
        for u in units:
            if u.key == holder.key or not _is_unit(ctx, u.key):
                continue
            if not strict or _rank(ctx, u.key) < _rank(ctx, holder.key):
                ctx.add(u.key, "parentOrganization", holder.key, si, 0.75)


# ---------------------------------------------------------------- Organization -> Place
def _address_in_apposition(ctx: Ctx, si: int, o: M, e: int) -> bool:
    """"a registrar at ORG, CITY, said" / "a surgeon at ORG, CITY, and a trustee of X": one place set off
    by commas after an organization that follows "at/of/from", the sentence going on with a verb or with
    "and"/"who" and no further place (not a list "ORG, CITY, and CITY2")."""
    doc, sent = ctx.doc, ctx.sents[si]
    if e + 1 >= sent.end or doc[e].text != ",":
        return False
    j = o.ts - 1
    while j > sent.start and doc[j].lower_ == "the":
        j -= 1
    if doc[j].lower_ not in ("at", "of", "from"):
        return False
    nxt = doc[e + 1]
    if nxt.pos_ in ("VERB", "AUX") and nxt.tag_ != "VBG":
        return True
    if nxt.lower_ in ("and", "who", "where") and e + 2 < sent.end:
        k = e + 2
        while k < sent.end and doc[k].lower_ == "the":
            k += 1
        return ctx.mention_at(si, k) is None and not doc[k].is_punct and doc[k].pos_ != "PROPN" and not doc[k].is_title
    return False


def _after_short_name(ctx: Ctx, si: int, o: M, k: int) -> int:
    """The token after "(SHORT NAME)" at ``k`` when the bracket holds a short name of ``o`` (or of the
    institution a unit's mention ends with): "X University Hospital Centre (CHU X)", "Y University Medical
    Centre (Y UMC)"; else ``k``."""
    doc, sent = ctx.doc, ctx.sents[si]
    close = next((j for j in range(k + 1, min(k + 6, sent.end)) if doc[j].text == ")"), None)
    if close is None or close == k + 1:
        return k
    inside = doc[k + 1:close].text
    keys = {o.key} | {m.key for m in ctx.all_in(si, "Organization") if m.inner and o.ts < m.ts and m.te <= o.te}
    if any(gz_norm(inside) in {gz_norm(n) for n in (ctx.ents[key].name, *ctx.ents[key].aliases)} for key in keys):
        return close + 1 if close + 1 < sent.end else k
    return k


#: first words of units that hold rooms a meeting is held in ("the Aula Magna of the Faculty of Medicine"),
#: or are named as its venue ("in the hall of the Faculty of X in CITY"): the city is the meeting's, not the unit's
VENUE_UNIT_FIRST = {"faculty", "department", "division", "section", "unit", "ward", "office", "school"}


def _room_of_unit(ctx: Ctx, si: int, o: M) -> bool:
    """``o`` is a faculty or department named as the owner of a room ("in the Aula Magna / auditorium of the
    Faculty of X"): a place after it is where the meeting is, not said of the unit."""
    doc, sent = ctx.doc, ctx.sents[si]
    if ctx.ents[o.key].name.split()[0].lower() not in VENUE_UNIT_FIRST:
        return False
    j = o.ts - 1
    while j > sent.start and doc[j].lower_ == "the":
        j -= 1
    return doc[j].lower_ == "of" and j > sent.start and ctx.mention_at(si, j - 1) is None \
        and not any(m.ts <= j - 1 < m.te for m in ctx.all_in(si, "Organization"))


def _unit_owner(ctx: Ctx, si: int, o: M) -> str:
    """The institution a unit's mention ends with ("Unit of X Hospital"): where the unit is, the hospital is."""
    inner = [m for m in ctx.all_in(si, "Organization") if m.inner and o.ts < m.ts and m.te <= o.te and m.key != o.key]
    # (not a university named inside the hospital's own name: "Unit of Hospital Clínico Universidad del X")
    inner = [m for m in inner if not any(n is not m and n.ts <= m.ts and m.te <= n.te and n.te - n.ts > m.te - m.ts
                                         for n in inner)]
    if inner and _is_unit(ctx, o.key):
        return max(inner, key=lambda m: m.ts).key
    return o.key


def _described_in_place(ctx: Ctx, si: int, j: int) -> list[M]:
    """Places after "... INSTITUTION-NOUN in" within a short description starting at ``j`` (no verb, no
    comma before it): "a 700-bed hospital in Ipoh, Perak", "the main teaching hospital in Santiago"."""
    doc, sent = ctx.doc, ctx.sents[si]
    k = j
    while k < sent.end and k - j < 10 and doc[k].text not in (",", ";", "(", ")") and doc[k].pos_ not in ("VERB", "AUX"):
        if doc[k].lower_ == "in" and k > j and doc[k - 1].lower_ in _INSTITUTION_NOUNS:
            return _places_from(ctx, si, k + 1)
        k += 1
    return []


def _places_from(ctx: Ctx, si: int, k: int) -> list[M]:
    """Places at token ``k`` and after it in ", PLACE" continuations ("Xiamen, Fujian Province")."""
    doc, sent = ctx.doc, ctx.sents[si]
    out = []
    while k < sent.end:
        while k < sent.end and doc[k].lower_ == "the":
            k += 1
        if not out and k + 1 < sent.end and doc[k].lower_ in DIRECTIONS and \
                ctx.mention_at(si, k, "Place") is None:
            k += 1                # "in eastern Heilongjiang Province": the province
        p = ctx.mention_at(si, k, "Place")
        if p is None:
            break
        out.append(p)
        k = p.te
        if k + 1 < sent.end and doc[k].text == ",":
            k += 1
            continue
        break
    return out


def _affiliated_complement(ctx: Ctx, si: int, o: M) -> bool:
    """``o`` is U in "A affiliated/attached to (the) U", A an organization named right before."""
    doc = ctx.doc
    j = o.ts - 1
    while j > ctx.sents[si].start and doc[j].lower_ == "the":
        j -= 1
    if j - 1 <= ctx.sents[si].start or doc[j].lower_ != "to" or doc[j - 1].lower_ not in ("affiliated", "attached"):
        return False
    a = ctx.mention_at(si, j - 2, "Organization")
    return a is not None and a.te == j - 1


#: heads of a ranking or designation an organization "is": "one of the earliest departments in P",
#: "a provincial key clinical specialty of P", "the largest children's hospital in P"
_RANKED_AS = {"one", "specialty", "specialties", "discipline", "disciplines", "department", "departments",
              "hospital", "hospitals", "center", "centre", "centers", "centres", "unit", "units", "base", "bases"}


def _ranked_in_place(ctx: Ctx, si: int, sent):
    """"ORG (was founded in 1962 and) is one of the earliest X departments in PROVINCE" / "is a provincial
    key clinical specialty of PROVINCE": the place the organization is ranked in is where it is."""
    doc = ctx.doc
    for v in sent:
        if v.lemma_.lower() != "be" or v.pos_ not in ("AUX", "VERB"):
            continue
        attr = [c for c in v.children if c.dep_ == "attr" and c.lower_ in _RANKED_AS]
        if not attr:
            continue
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj and v.dep_ == "conj":
            subj = [c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        org = ctx.mention_at(si, subj[0].i, "Organization") if subj else None

        if org is None and (not subj or not sent.start <= subj[0].i < sent.end):
            # a subject the parser took from a heading line before: the organization opening the sentence
            k = sent.start + (doc[sent.start].lower_ == "the")
            org = ctx.mention_at(si, k, "Organization")
        if org is None:
            continue
        ids = {x.i for x in attr[0].subtree}
        for t in sorted(ids):
            if doc[t].lower_ in ("in", "of") and doc[t].dep_ == "prep" and t + 1 < sent.end:
                places = _places_from(ctx, si, t + 1)
                if places and places[0].ts in ids:
                    # "... in Central Java and the Special Region of Yogyakarta": coordinated areas too
                    while places[-1].te + 1 < sent.end and doc[places[-1].te].lower_ == "and":
                        more = _places_from(ctx, si, places[-1].te + 1)
                        if not more or more[0].ts not in ids:
                            break
                        places += more
                    for p in places:
                        ctx.add(org.key, "location", p.key, si, 0.7)
                    break
#: nouns of what an institution is ("a 1,100-bed academic medical center in X")
_INSTITUTION_NOUNS = {"hospital", "center", "centre", "university", "institute", "clinic", "college", "school",
                      "city", "complex", "facility", "institution", "trust", "system", "network"}


_HOSTING_VERBS = {"host", "organize", "organise", "sponsor", "convene", "hold", "co-host", "co-organize"}


def _hosted_by_body(ctx: Ctx, si: int, o: M) -> str | None:
    """The event of "EVENT hosted/organized by ORG in CITY" when ORG is a body with no premises of its
    own (a society, association, committee: not a hospital or university), else None."""
    doc = ctx.doc
    j = o.ts - 1
    while j > ctx.sents[si].start and doc[j].lower_ == "the":
        j -= 1
    if doc[j].lower_ != "by" or doc[j].head.lemma_.lower() not in _HOSTING_VERBS or \
            head_noun(ctx.ents[o.key].name) in _INSTITUTION_NOUNS:
        return None
    evs = [m for m in ctx.all_in(si, "Event") if m.te <= j]
    return evs[-1].key if evs else None


def _org_in_place(ctx: Ctx, si: int, sent):
    doc = ctx.doc
    if ctx.all_in(si, "Place"):
        _ranked_in_place(ctx, si, sent)
    for o in ctx.top(si, "Organization"):
        if o.anaphor or o.te + 1 >= sent.end:
            continue
        k = o.te
        if doc[k].text == "(" and k + 3 < sent.end and doc[k + 2].text == ")" and is_acronym(doc[k + 1].text) \
                and ctx.mention_at(si, k + 1, "Place") is None:
            k += 3                # "ORG (ACRO) in CITY": the bracket holds the organization's short name
        elif doc[k].text == "(":
            k = _after_short_name(ctx, si, o, k)   # "ORG (CHU X) in CITY", "ORG (X UMC), CITY, COUNTRY"
        if doc[k].text == "," and k + 2 < sent.end and doc[k + 1].lower_ in ("a", "an", "the") \
                and ctx.mention_at(si, k + 1) is None:
            # "ORG, a 700-bed hospital in CITY(, REGION), is ..." / "ORG (ACRO), the university's teaching
            # hospital in CITY": what the organization is, set off by commas, and where
            owner = _unit_owner(ctx, si, o)
            for p in _described_in_place(ctx, si, k + 2):
                ctx.add(owner, "location", p.key, si, 0.75)
        if doc[k].lower_ == "in" and _affiliated_complement(ctx, si, o):
            continue              # "held at A Affiliated to U in CITY": the city is not said of U
        if doc[k].lower_ == "in":
            # "Department of X of HOSPITAL in CITY": the city is where the hospital (the last
            # organization named inside the unit's mention) is, not a property of the unit
            owner = o.key
            inner = [m for m in ctx.all_in(si, "Organization")
                     if m.inner and o.ts < m.ts and m.te <= o.te and m.key != o.key]
            if inner and _is_unit(ctx, o.key) and doc[inner[0].ts - 1].lower_ in ("of", "the", "at"):
                owner = min(inner, key=lambda m: m.ts).key
            if owner == o.key and _room_of_unit(ctx, si, o):
                continue          # "in the Aula Magna of the Faculty of Medicine in CITY": the event's city
            ev = _hosted_by_body(ctx, si, o)
            if ev is not None:
                # "EVENT hosted by the X Society in CITY": the city is where the event took place
                for p in _places_from(ctx, si, k + 1)[:1]:
                    ctx.add(ev, "location", p.key, si, 0.75)
                continue
            for p in _places_from(ctx, si, k + 1):
                ctx.add(owner, "location", p.key, si, 0.75)
        elif doc[k].text == "(" and ctx.mention_at(si, k + 1, "Place") is not None:
            # "ORG (CITY, COUNTRY)": an address in brackets; a unit's is its institution's
            pls = _places_from(ctx, si, k + 1)
            e = pls[-1].te
            if e < sent.end and doc[e].text == ")" or e + 1 < sent.end and doc[e].text == "," and \
                    ctx.mention_at(si, e + 1, "Country") is not None:
                owner = o.key
                inner = [m for m in ctx.all_in(si, "Organization")
                         if m.inner and o.ts < m.ts and m.te <= o.te and m.key != o.key]
                if inner and _is_unit(ctx, o.key):
                    owner = max(inner, key=lambda m: m.ts).key
                for p in pls:
                    ctx.add(owner, "location", p.key, si, 0.7)
        elif doc[k].text == "," and ctx.mention_at(si, k + 1, "Place") is not None:
            # "ORG, CITY, COUNTRY" / "(ORG, CITY)": an address closed by a country or a bracket
            pls = _places_from(ctx, si, k + 1)
            e = pls[-1].te
            closed = e < sent.end and doc[e].text == ")" or e + 1 < sent.end and doc[e].text == "," and \
                ctx.mention_at(si, e + 1 + (doc[e + 1].lower_ == "the"), "Country") is not None or \
                e < sent.end and doc[e].text in (".", ";") and e + 1 >= sent.end   # "... of ORG, CITY."
            if not closed:
                # "• Dr. X, Professor of Y, ORG, CITY": an address that ends its line (a list item, a header)
                end_char = doc[e - 1].idx + len(doc[e - 1].text)
                eol = ctx.text.find("\n", end_char)
                closed = bool(re.fullmatch(r"[ \t]*[.;]?[ \t]*", ctx.text[end_char:eol if eol >= 0 else len(ctx.text)]))
            if not closed:
                closed = _address_in_apposition(ctx, si, o, e)
            if closed:
                # "UNIT, INSTITUTION, CITY, COUNTRY" (one mention): the address is the institution's
                owner = o.key
                inner = [m for m in ctx.all_in(si, "Organization")
                         if m.inner and o.ts < m.ts and m.te <= o.te and m.key != o.key]
                if inner and _is_unit(ctx, o.key) and doc[inner[-1].ts - 1].text == ",":
                    owner = max(inner, key=lambda m: m.ts).key
                for p in pls:
                    ctx.add(owner, "location", p.key, si, 0.7)
        # "located/based in PLACE, PROVINCE" (the first place is taken by rel_orgs)
        elif doc[k].lower_ in (",", "is", "was") or doc[k].lemma_.lower() in ("locate", "base", "situate"):
            j = k
            while j < sent.end and j - k < 8 and doc[j].lemma_.lower() not in ("locate", "base", "situate"):
                if doc[j].pos_ == "VERB" or doc[j].lower_ in ("and", "which"):
                    j = sent.end
                    break
                j += 1
            if j < sent.end - 1 and doc[j + 1].lower_ in ("in", "at"):
                for p in _places_from(ctx, si, j + 2):
                    ctx.add(o.key, "location", p.key, si, 0.8)
            # "ORG is an 800-bed teaching hospital in PLACE(, PLACE)": what the organization is, and where
            if doc[k].lower_ in ("is", "was") and k + 1 < sent.end and doc[k + 1].lower_ in ("a", "an"):
                j = k + 2
                while j < sent.end and j - k < 10 and doc[j].text not in (",", ";") and doc[j].pos_ != "VERB":
                    if doc[j].lower_ == "in" and doc[j - 1].lower_ in _INSTITUTION_NOUNS:
                        for p in _places_from(ctx, si, j + 1):
                            ctx.add(o.key, "location", p.key, si, 0.75)
                        break
                    j += 1
            # "ORG, one of the largest ... in PLACE"
            if doc[k].text == "," and k + 1 < sent.end and doc[k + 1].lower_ == "one":
                j = k + 2
                while j < sent.end and j - k < 10 and doc[j].text not in (",", ";"):
                    if doc[j].lower_ == "in":
                        for p in _places_from(ctx, si, j + 1):
                            ctx.add(o.key, "location", p.key, si, 0.7)
                        break
                    j += 1


# ---------------------------------------------------------------- visits and signings


_BOTH_SIDES = re.compile(r"\b(?:both|two)\s+(?:sides|parties|institutions|hospitals|universities|organizations|"
                         r"organisations|schools|partners)\b")
_SIDES = _BOTH_SIDES.pattern[2:]
#: after a signing verb, the two sides as its parties: "... on behalf of the two hospitals", "... on
#: behalf of their respective institutions", "... an MoU between the two hospitals"
_FOR_BOTH_SIDES = re.compile(r"(?i)\bon\s+behalf\s+of\s+(?:the\s+|their\s+)?" + _SIDES
                             + r"|\bon\s+behalf\s+of\s+their\s+(?:respective\s+)?"
                             r"(?:sides|institutions|hospitals|universities|organi[sz]ations)\b"
                             r"|\bbetween\s+(?:the\s+)?" + _SIDES)
_AGREEMENT_WORDS = {"agreement", "agreements", "memorandum", "mou", "moa", "moas", "mous", "contract", "accord"}
_WITNESSED_BY = re.compile(r"(?i)\bwitnessed\s+by\s+|\bin\s+the\s+presence\s+of\s+")
#: anywhere in the signing's sentence: "witnessed by both sides, P1 and P2 signed ..."
_WITNESSED_BY_BOTH = re.compile(r"(?i)\b(?:witnessed\s+by|in\s+the\s+presence\s+of)\s+(?:the\s+)?" + _SIDES)


def _parties_in_name(ctx: Ctx, ek: str) -> list[str]:
    """Organizations named after "between" in a signing's name ("Signing of the MoU between A and B")."""
    name = ctx.ents[ek].name
    m = re.search(r"\bbetween\s+(.+)$", name, re.I)
    if not m:
        return []
    rest = _norm_name(m.group(1))
    out = []
    for k in ctx.by_type("Organization"):
        names = sorted({ctx.ents[k].name, *ctx.ents[k].aliases}, key=len, reverse=True)
        if any(re.search(rf"(?:^|\band\s+|\bthe\s+)(?:the\s+)?{re.escape(_norm_name(n))}(?:\s+and\b|$)", rest)
               for n in names if n):
            out.append(k)
    return out if len(out) >= 2 else []


def _visit_host(ctx: Ctx, ek: str) -> str | None:
    """The body a visit's descriptive name says was visited ("Visit of the X delegation to Y": Y)."""
    m = re.search(r"\b(?:delegation|team)\s+to\s+(?:the\s+)?(.+)$", ctx.ents[ek].name)
    if not m:
        return None
    return next((k for k in ctx.by_type("Organization")
                 if any(_norm_name(n) == _norm_name(m.group(1)) for n in {ctx.ents[k].name, *ctx.ents[k].aliases})),
                None)


def _group_visitors(ctx: Ctx, si: int, verb, ek: str) -> None:
    """"Dr. P and two nephrologists from ORG visited ...": P makes the visit (the verb is the visit's
    mention) and works for ORG."""
    doc = ctx.doc
    subj = {x.i for c in verb.children if c.dep_ == "nsubj" for x in c.subtree}
    src = None
    for o in ctx.top(si, "Organization"):
        if o.ts in subj and doc[o.ts - 1 - (doc[o.ts - 1].lower_ == "the")].lower_ == "from":
            src = o
    for p in ctx.top(si, "Person"):
        if p.ts in subj:
            ctx.add(ek, "attendee", p.key, si, 0.75)
            if src is not None and p.te <= src.ts:
                ctx.add(p.key, "affiliation", src.key, si, 0.65)


def _norm_name(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"^the\s+", "", s.strip(), flags=re.I)).lower()


def _visits_and_signings(ctx: Ctx):
    doc = ctx.doc
    for ek in ctx.by_type("Event"):
        name = " ".join({ctx.ents[ek].name, *ctx.ents[ek].aliases})
        visit = bool(VISIT_NAME.search(name)) and not SIGN_NAME.search(name)
        sign = bool(SIGN_NAME.search(name))
        if not (visit or sign):
            continue
        if visit and not any(r.subject == ek for r in ctx.related("organizer")):
            host = _visit_host(ctx, ek)
            if host is not None:
                # "Visit of the X team to Y" (read off "Y ... with a visiting team from X"): Y hosts it
                ctx.add(ek, "organizer", host, None, 0.6)
        for si, sent in enumerate(ctx.sents):
            if visit:
                rm = _RECEIVED_DELEGATION.search(sent.text)
                if rm:
                    # "Y received a delegation from X": Y hosts the visit
                    cut = sent.start_char + rm.start()
                    hosts = [o for o in ctx.top(si, "Organization")
                             if doc[o.te - 1].idx + len(doc[o.te - 1]) <= cut and not o.anaphor]
                    if hosts and not _is_unit(ctx, hosts[-1].key):
                        ctx.add(ek, "organizer", hosts[-1].key, si, 0.7)
                        ctx.add(ek, "location", hosts[-1].key, si, 0.75)
            for t in sent:
                lem = t.lemma_.lower()
                if visit and (lem == "visit" and t.pos_ == "VERB" or
                              (t.lower_ in ("visit", "trip", "tour") and t.pos_ == "NOUN")):
                    if ek != ctx.main_event and not any(m.key == ek for m in ctx.all_in(si, "Event")):
                        continue
                    # the visited body: object of "visited" / "a visit to"
                    k = t.i + 1
                    if t.pos_ == "NOUN":
                        if k >= sent.end or doc[k].lower_ not in ("to", "at"):
                            continue
                        k += 1
                    while k < sent.end and doc[k].lower_ == "the":
                        k += 1
                    o = ctx.mention_at(si, k, ("Organization", "Place"))
                    if o is None or any(c.lower_ == "also" for c in t.children):
                        continue            # "the guests also visited X": a further stop, not the host
                    if t.pos_ == "VERB" and any(m.key == ek and m.ts == t.i for m in ctx.all_in(si, "Event")):
                        _group_visitors(ctx, si, t, ek)
                    if o.type == "Organization" and (not _is_unit(ctx, o.key) or _visit_host(ctx, ek) == o.key):
                        ctx.add(ek, "organizer", o.key, si, 0.7)
                        ctx.add(ek, "location", o.key, si, 0.75)
                        if o.te < sent.end and doc[o.te].lower_ == "in":
                            for p in _places_from(ctx, si, o.te + 1)[:1]:
                                ctx.add(ek, "location", p.key, si, 0.7)
                    elif o.type == "Place":
                        ctx.add(ek, "location", o.key, si, 0.7)
                if sign and lem == "sign" and t.pos_ == "VERB":
                    # "The MOA was signed by P1 and P2": the agreement named as the subject is the one signed
                    # (when the page tells of one signing)
                    of_it = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _AGREEMENT_WORDS for c in t.children) \
                        and sum(1 for k in ctx.by_type("Event") if SIGN_NAME.search(ctx.ents[k].name)) == 1
                    if not any(m.key == ek for m in ctx.all_in(si, "Event")) and ek != ctx.main_event and not of_it:
                        continue
                    holder_ids = set()
                    for c in t.children:
                        if c.dep_ in ("nsubj", "nsubjpass", "agent"):
                            holder_ids |= {x.i for x in c.subtree}
                    parties = _parties_in_name(ctx, ek)
                    for o in ctx.top(si, "Organization"):
                        # "the hospital signed ...": the anaphor counts when it is a party named in the signing
                        if o.ts in holder_ids and (not o.anaphor or o.key in parties):
                            ctx.add(ek, "organizer", o.key, si, 0.75)
                            # "... signed an agreement with B": B, a party named in the signing, signed too
                            for b in ctx.top(si, "Organization"):
                                if b.ts > t.i and b.key in parties and not b.anaphor and \
                                        doc[b.ts - 1 - (doc[b.ts - 1].lower_ == "the")].lower_ == "with":
                                    ctx.add(ek, "organizer", b.key, si, 0.7)
                    # "the two sides / both parties signed": the parties named in the signing's name
                    subj = " ".join(doc[i].lower_ for i in sorted(holder_ids))
                    if not any(o.ts in holder_ids for o in ctx.top(si, "Organization")):
                        # "P1 and P2 signed an MoU between A and B": the parties the sentence names
                        named_here = {o.key for o in ctx.top(si, "Organization")}
                        # "President A and Dr. B signed the agreement on behalf of the two hospitals",
                        # "... between the two hospitals", "witnessed by both sides, P1 and P2 signed": the same
                        both = bool(_BOTH_SIDES.search(subj)
                                    or _FOR_BOTH_SIDES.search(ctx.text[doc[t.i].idx:sent.end_char])
                                    or _WITNESSED_BY_BOTH.search(sent.text))
                        for ok in parties:
                            if both or ok in named_here:
                                ctx.add(ek, "organizer", ok, si, 0.7)
                    # "signed a memorandum on X in CITY": the first "in PLACE" after the verb
                    for p in ctx.top(si, "Place"):
                        # (not "signed ... with ORG in CITY": the partner's address)
                        if p.ts > t.i and doc[p.ts - 1].lower_ in ("in", "at") and \
                                not any(x.pos_ == "VERB" for x in doc[t.i + 1:p.ts]) and \
                                not any(o.te == p.ts - 1 for o in ctx.top(si, "Organization")):
                            ctx.add(ek, "location", p.key, si, 0.75)
                            break
                    # the signers attend the signing, and so do its witnesses ("... and was witnessed by P3 and P4")
                    wit = _WITNESSED_BY.search(sent.text)
                    wit_at = sent.start_char + wit.end() if wit else None
                    for p in ctx.top(si, "Person"):
                        if p.ts in holder_ids or wit_at is not None and doc[p.ts].idx >= wit_at:
                            ctx.add(ek, "attendee", p.key, si, 0.8 if p.ts in holder_ids else 0.7)


#: what an agreement is about: "Under the agreement, ...", "According to the memorandum, ...", "The MoU covers ..."
_TERMS_OF_AGREEMENT = re.compile(
    r"(?i)^\W*(?:under|according\s+to|in\s+line\s+with)\s+the\s+(?:agreement|memorandum|mou|contract)\b"
    r"|\bthe\s+(?:agreement|memorandum|mou|contract)\s+(?:covers|includes|focuses\s+on|provides\s+for)\b")


def _signing_fields(ctx: Ctx) -> None:
    """The fields a signed agreement is about: those of the sentence that tells its terms ("Under the
    agreement, the two hospitals will cooperate in A and B"; "The MoU covers ... cooperation in A") or
    of the signing's own sentence ("signed an agreement with ORG on A"). One signing in the article."""
    signings = [k for k in ctx.by_type("Event") if SIGN_NAME.search(ctx.ents[k].name)]
    if len(signings) != 1:
        return
    ek = signings[0]
    doc = ctx.doc
    for si, sent in enumerate(ctx.sents):
        terms = _TERMS_OF_AGREEMENT.search(sent.text)
        named = any(m.key == ek and not m.anaphor for m in ctx.all_in(si, "Event"))
        if not (terms or named):
            continue
        blocked = [(m.ts, m.te) for m in ctx.top(si, ("Organization", "Person", "Event")) if m.key != ek]
        for s in ctx.top(si, "Specialty"):
            if any(a <= s.ts and s.te <= b for a, b in blocked):
                continue
            if s.te < sent.end and doc[s.te].lower_ in ("surgeon", "surgeons", "specialists", "doctors", "nurses"):
                continue
            if not terms:
                # in the signing's sentence, only a field after "on"/"in" that the signing governs
                k = s.ts - 1
                while k > sent.start and (doc[k].pos_ in ("ADJ", "NOUN", "PROPN", "CCONJ", "PUNCT", "DET")
                                          and doc[k].lower_ not in ("on", "in")):
                    k -= 1
                if doc[k].lower_ not in ("on", "in") or not any(
                        t.lemma_.lower() == "sign" for t in doc[sent.start:k]):
                    continue
            ctx.add(ek, "about", s.key, si, 0.6)


# ---------------------------------------------------------------- about / specialty
def _specs_after(ctx: Ctx, si: int, k: int, limit: int = 14) -> list[M]:
    """Specialties in a coordinated list starting near token ``k`` (stops at a verb or clause end)."""
    doc, sent = ctx.doc, ctx.sents[si]
    out = []
    end = min(sent.end, k + limit)
    while k < end:
        w = doc[k]
        if w.text in (";", ".", ":") or w.lower_ in _STOP_WORDS or w.lower_ in ("which", "who", "while", "but"):
            break
        if w.pos_ in ("VERB", "AUX") and w.tag_ not in ("VBN", "VBG") and w.dep_ not in ("amod", "compound"):
            break
        s = ctx.mention_at(si, k, "Specialty")
        if s is not None:
            out.append(s)
            k = s.te
            continue
        if ctx.mention_at(si, k, ("Organization", "Person", "Event")) is not None:
            break
        k += 1
    return out


def _talk_topics(ctx: Ctx, si: int, sent):
    """"P gave a lecture on A" / "presented the latest advances in A" / "demonstrated A"."""
    doc = ctx.doc
    if not ctx.top(si, "Specialty"):
        return
    evs = [m for m in ctx.all_in(si, "Event")]
    ev = evs[0].key if evs else ctx.main_event
    if agreement_event(ctx, si, sent) not in (None, ev):
        return            # a sentence about a signed MoU: its fields are the signing's (_agreement_topics)
    people = bool(ctx.top(si, "Person") or evs)
    for t in sent:
        if t.lemma_.lower() == "demonstrate" and t.pos_ == "VERB":
            subj = [x for c in t.children if c.dep_ == "nsubj" for x in c.subtree]
            if not any(x.lower_ in ("experts", "surgeons", "doctors", "faculty", "tutors", "team", "teams",
                                    "instructors", "specialists", "physicians") for x in subj) and \
                    not any(p.ts in {x.i for x in subj} for p in ctx.top(si, "Person")):
                continue
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            s = None if obj is None else next((x for x in ctx.top(si, "Specialty") if x.ts <= obj.i < x.te), None)
            if s is not None:
                ctx.add(ev, "about", s.key, si, 0.6)
            continue
        if not people:
            continue
        if t.lemma_.lower() in _TALK_VERBS and t.pos_ == "VERB" and t.i + 1 < sent.end \
                and doc[t.i + 1].lower_ in ("on", "about") \
                and any(p.ts < t.i for p in ctx.top(si, "Person")):
            for s in _specs_after(ctx, si, t.i + 2, 10):
                ctx.add(ev, "about", s.key, si, 0.65)     # "Dr. P lectured on A"
            continue
        if t.lower_ in _TALK_NOUNS and t.i + 1 < sent.end and doc[t.i + 1].lower_ in _TALK_PREPS:
            if t.lower_ in ("experience", "session", "sessions", "workshop", "course", "training") and not evs:
                continue
            if doc[t.i + 1].lower_ == "of" and t.lower_ not in ("advances", "progress", "update", "updates"):
                continue
            for s in _specs_after(ctx, si, t.i + 2, 10):
                ctx.add(ev, "about", s.key, si, 0.65)
        elif t.lemma_.lower() in ("perform", "showcase", "teach") and t.pos_ == "VERB":
            if not any(p.ts < t.i for p in ctx.top(si, "Person")):
                continue
            obj = next((c for c in t.children if c.dep_ == "dobj"), None)
            s = None if obj is None else next((x for x in ctx.top(si, "Specialty") if x.ts <= obj.i < x.te), None)
            if s is not None:
                ctx.add(ev, "about", s.key, si, 0.6)


#: nouns of a signed document ("the MoU", "under the agreement")
_AGREEMENT_NOUNS = {"mou", "memorandum", "agreement", "accord", "contract", "moa", "protocol"}
#: words right before a field list that say what is done under an agreement ("cooperation in A", "on A")
_AGREEMENT_CUES = {"in", "on", "covers", "covering", "cover", "including", "includes", "include", "of"}


def agreement_event(ctx: Ctx, si: int, sent) -> str | None:
    """The signing event a sentence about the signed document speaks of: "Under the MoU, ...", "The
    agreement covers ...", "Through this memorandum ..." (the document is the subject of the clause or
    the object of a fronted "under/through/with"), when the article reports exactly one signing."""
    for t in sent:
        if t.lower_ not in _AGREEMENT_NOUNS:
            continue
        if not any(d.lower_ in ("the", "this", "that", "our", "their") for d in t.children if d.dep_ == "det"):
            continue
        about = t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"
        if t.dep_ == "pobj" and t.head.lower_ in ("under", "through", "with", "by", "via") \
                and t.head.i <= sent.start + 1:
            about = True
        if not about:
            continue
        signs = [k for k in ctx.by_type("Event")
                 if SIGN_NAME.search(" ".join({ctx.ents[k].name, *ctx.ents[k].aliases}))]
        return signs[0] if len(signs) == 1 else None
    return None


def _agreement_topics(ctx: Ctx, si: int, sent):
    """"Under the MoU, registrars will train in A, B and C" / "The MoU covers ... cooperation in A and B":
    the fields of a signed agreement, stated in a sentence about it, are the signing's subject (a signed
    document's content is future work by nature, so "will" does not make them a mere wish)."""
    if not ctx.top(si, "Specialty"):
        return
    ek = agreement_event(ctx, si, sent)
    if ek is None:
        return
    doc = ctx.doc
    for t in sent:
        if t.lower_ not in _AGREEMENT_CUES:
            continue
        k = t.i + 1
        if k < sent.end and doc[k].lower_ == "the":
            k += 1
        if ctx.mention_at(si, k, "Specialty") is None:
            continue
        for s in _specs_after(ctx, si, k, 16):
            ctx.add(ek, "about", s.key, si, 0.6)


#: nouns of an event's content: what they cover is the event's subject ("the curriculum, which covers A and B")
_CONTENT_NOUNS = {"curriculum", "curricula", "syllabus", "course", "courses", "programme", "program", "training",
                  "agenda", "content", "contents", "lectures", "modules", "sessions"}


def _event_content_subject(cue) -> bool:
    """Is the subject of the cue verb ("covers", "focused") the content of the event ("the curriculum,
    which covers ...", "the lectures covered ...")? Then the fields are the event's subject even when
    the sentence also names an organization (the department that teaches it)."""
    if cue.pos_ not in ("VERB", "AUX"):
        return False
    subj = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return False
    s = subj[0]
    if s.lower_ in ("which", "that") and cue.dep_ == "relcl":
        s = cue.head
    return s.lower_ in _CONTENT_NOUNS


def _spec_cues(ctx: Ctx, si: int, sent):
    """"ORG is good at A and B", "especially strong in A, covering B", "ORG's strengths in A"."""
    doc = ctx.doc
    if not ctx.top(si, "Specialty"):
        return
    toks = [t.lower_ for t in sent]
    base = sent.start
    for i in range(len(toks)):
        for cue in _CUES_BY_FIRST.get(toks[i], ()):
            if tuple(toks[i:i + len(cue)]) != cue:
                continue
            if cue[0] == "held" and not any(c.dep_ in ("nsubjpass", "nsubj") and c.lower_ in _SESSION_NOUNS
                                            for c in doc[base + i].children):
                continue
            k = base + i + len(cue)
            specs = _specs_after(ctx, si, k, 16)
            if not specs:
                continue
            cue_tok = doc[base + i]
            holder = None
            # "ORG's strengths in" / "the hospital's strengths in"
            j = base + i - 1
            if cue[0].startswith(("discuss", "learn")):
                pass          # what people discussed or learned is a topic, never the field of the body they come from
            elif j > sent.start and doc[j].lower_ in ("'s", "’s"):
                o = ctx.mention_at(si, j - 1, "Organization") or next(
                    (x for x in ctx.all_in(si, "Organization") if x.te == j), None)
                holder = o.key if o is not None else None
            elif cue[0] in ("center", "centre", "leader"):
                # "ORG is a leading center for A" / "ORG, a leading center for A"
                v = cue_tok.head
                while v.dep_ in ("attr", "appos", "conj") and v.head.i != v.i:
                    if v.dep_ == "appos":
                        o = ctx.mention_at(si, v.head.i, "Organization")
                        holder = o.key if o else None
                        break
                    v = v.head
                if holder is None and v.pos_ in ("AUX", "VERB"):
                    o = subject_org(ctx, si, v)
                    holder = o.key if o else None
            else:
                v = cue_tok
                while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
                    v = v.head
                o = subject_org(ctx, si, v) if v.pos_ in ("VERB", "AUX") else None
                holder = o.key if o else None
                if holder is None and cue[0] == "research" and v.pos_ in ("VERB", "AUX"):
                    # "It will ... carry out joint research in A and B": "it", the organization named before
                    it = _subject_pronoun(v)
                    holder = org_before(ctx, si, it.i) if it is not None else None
                if holder is None:
                    # "Its Department of X is good at": the subject mention is right before the verb
                    subj = [m for m in ctx.top(si, "Organization") if m.te <= base + i]
                    if subj and all(doc[x].pos_ in ("AUX", "ADV", "PUNCT") or doc[x].lower_ in ("also", "especially")
                                    for x in range(subj[-1].te, base + i)):
                        holder = subj[-1].key
            if holder is None:
                if agreement_event(ctx, si, sent):
                    continue      # "The MoU covers ...": the signing's subject (_agreement_topics), not the visit's
                # "Discussions focused on A and B" / "topics covering A": the reported event's subject
                if cue[0] in _EVENT_TOPIC_CUES and ctx.main_event and (
                        not ctx.top(si, "Organization") or _event_content_subject(doc[base + i])
                        or cue[0] in _TRAINED_IN_CUES):
                    for s in specs:       # (a graduation's: what the programme taught)
                        ctx.add(ctx.graduated_from(ctx.main_event) or ctx.main_event, "about", s.key, si, 0.6)
                continue
            for s in specs:
                ctx.add(holder, "specialty", s.key, si, 0.7)
