"""Person relations: affiliation (with the post as title), nationality, attendee.

Grammar patterns over the parse and lexical cues, never names:

* appositive posts: "P, Deputy Director of ORG (in COUNTRY)", "P, Head of X and Director of
  ORG1 and ORG2 at ORG3"; "P of/at/from ORG"; "TITLE P of ORG"; "ORG's TITLE P";
  appointments: "appointment letter of TITLE of ORG to P1, P2", "P was appointed TITLE of ORG";
* nationality: "P from COUNTRY", "P (COUNTRY)", an appositive "... at ORG in COUNTRY",
  "Chinese experts include P1, P2";
* attendee: the subjects of attend/speak/lecture/preside/chair/deliver a speech/... (dependency
  subtree of the subject), the invitees of "invited ... to attend", the people who receive an
  appointment at the event, and quoted people from a participant country. A person who is only
  quoted and not from a participant country is not an attendee.
"""

from __future__ import annotations

import re

from medkg.ingest.rel_context import (EVENT_NOUNS, STOP_OF_VISIT, VISIT_NAME, Ctx, M, accompanying_cue,
                                     delegation_leader, head_noun)
from medkg.ingest import gazetteer as gz
from medkg.ingest.model import Span
from medkg.ingest.rel_lexicon import country_entity, demonym_code, number_value

#: profession nouns are posts too ("a neonatologist at X", "an intensivist at Y"), without listing each field
_PROFESSION = re.compile(r"(?:[a-z]+(?:ologist|iatrist|ician|therapist|ographer)|intensivist|hospitalist|pharmacist|"
                         r"dentist|an(?:a)?esthetist|orthodontist|endoscopist|perfusionist|midwife|nutritionist|"
                         r"dietitian|paramedic|clinician)s?")


class _TitleWords(set):
    def __contains__(self, w) -> bool:
        return set.__contains__(self, w) or (isinstance(w, str) and len(w) > 6 and bool(_PROFESSION.fullmatch(w)))


TITLE_WORDS = _TitleWords({
    "president", "vice-president", "director", "director-general", "chief", "head", "dean", "secretary",
    "secretary-general", "chairman", "chairwoman", "chair", "chairperson", "member", "professor",
    "official", "officer", "deputy", "vice", "manager", "leader", "representative", "academician",
    "fellow", "researcher", "physician", "surgeon", "doctor", "nurse", "expert", "principal",
    "minister", "governor", "mayor", "commissioner", "counselor", "consultant", "lecturer",
    "scientist", "founder", "coordinator", "ambassador", "consul", "ceo", "supervisor", "attending",
    "chairmen", "directors", "presidents", "members", "executive", "associate", "assistant",
    "honorary", "visiting", "senior", "party", "level", "rank", "bureau", "emeritus", "investigator",
    "specialist", "instructor", "tutor", "advisor", "adviser", "editor", "inspector", "officials", "vp",
    "cfo", "coo", "governor", "superintendent", "registrar", "convener", "convenor",
    "provost", "rector", "chancellor", "vice-chancellor", "vice-rector", "administrator", "treasurer",
    "pro-vice-chancellor",
    # learners hold a place at their school or hospital too ("a fifth-year medical student at X",
    # "a resident in the Department of Y of Z")
    "student", "resident", "intern", "trainee",
})
LEADER_WORDS = {"president", "director", "dean", "secretary", "chairman", "chairwoman", "head", "chief",
                "principal", "chair", "manager", "leader"}
HONORIFICS = {"prof", "prof.", "pr", "pr.", "professor", "dr", "dr.", "doctor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
              "miss", "academician", "sir", "madam"}
PERSON_NOUNS = {"expert", "experts", "scholar", "scholars", "doctor", "doctors", "surgeon", "surgeons",
                "physician", "physicians", "professor", "professors", "specialist", "specialists",
                "participant", "participants", "trainee", "trainees", "student", "students", "delegate",
                "delegates", "representative", "representatives", "speaker", "speakers", "lecturer",
                "lecturers", "member", "members", "nurse", "nurses", "colleague", "colleagues",
                "researcher", "researchers", "guest", "guests", "leader", "leaders", "official", "officials",
                "attendee", "attendees", "fellow", "fellows", "delegation", "delegations", "team", "teams",
                "people", "practitioners", "learners", "visitors", "trainers", "faculty", "teachers"}
SPEECH_NOUNS = {"speech", "speeches", "address", "addresses", "report", "reports", "lecture", "lectures",
                "talk", "talks", "presentation", "presentations", "keynote", "remarks", "greeting",
                "greetings", "lesson", "lessons", "demonstration", "demonstrations", "class", "classes",
                "course", "courses", "toast", "welcome", "summary", "overview", "introduction"}
#: lemma -> needs a speech-noun object ("delivered a speech")
ATTEND_VERBS = {"attend": False, "participate": False, "speak": False, "lecture": False, "preside": False,
                "chair": False, "moderate": False, "teach": False, "train": False, "inaugurate": False,
                "unveil": False, "deliver": True, "give": True, "make": True, "present": True,
                "host": False, "address": False, "join": False, "co-chair": False, "co-host": False,
                "demonstrate": False, "officiate": False, "witness": False, "lead": False, "welcome": False,
                "receive": False, "meet": False, "share": False, "report": False, "head": False,
                "accompany": False, "tutor": False, "instruct": False, "mentor": False, "sign": False,
                "compare": False, "describe": False, "review": False, "brief": False, "introduce": False}
#: verbs that make a person an attendee only when their object is the event (or a visiting group)
WEAK_VERBS = {"host", "join", "teach", "train", "present", "address", "lead", "welcome", "receive", "meet",
              "witness", "share", "report", "head", "accompany", "compare", "describe", "review",
              "brief", "introduce"}
#: objects of present/share/report that make the subject a speaker at the event
TALK_OBJECTS = {"advances", "progress", "poster", "posters", "paper", "papers", "findings", "results",
                "research", "experience", "experiences", "case", "cases", "update", "updates", "achievements",
                "study", "studies", "work", "practice", "techniques", "technique", "methods", "data", "insights",
                "series", "strategies", "outcomes", "approaches", "protocols"}
SERVE_ROLES = {"tutor", "chair", "co-chair", "chairs", "co-chairs", "moderator", "host", "hosts", "judge",
               "instructor", "lecturer", "speaker", "faculty", "mentor", "panelist", "examiner", "examiners",
               "trainer", "teacher", "presenter", "emcee"}
#: "P, a trainee (from ...)" / "P, one of the participants": P took part in the reported event
PARTICIPANT_ROLES = {"trainee", "trainees", "participant", "participants", "student", "students", "attendee",
                     "attendees", "delegate", "delegates", "learner", "learners", "tutor", "tutors", "speaker",
                     "speakers", "instructor", "instructors", "graduate", "graduates"}
_SIGNING = re.compile(r"\b(sign|signing|signed|agreement|memorandum|mou)\b", re.I)
#: subjects of "X included P1, P2" whose members took part in the event
ROLE_NOUNS = {"faculty", "tutor", "tutors", "instructor", "instructors", "lecturer", "lecturers", "speaker",
              "speakers", "trainer", "trainers", "teacher", "teachers", "moderator", "moderators", "panelist",
              "panelists", "panellists", "guest", "guests", "attendee", "attendees", "participant", "participants",
              "trainee", "trainees", "delegation", "delegates", "presenters", "judges", "chairs", "chairmen",
              "co-chairs", "experts", "mentors", "visitors"}
GROUP_NOUNS = {"delegation", "delegations", "team", "group", "guests", "visitors", "experts", "delegates",
               "participants", "trainees", "students", "visit", "scholars"}
INVITE_GOALS = {"attend", "participate", "lecture", "teach", "speak", "give", "make", "deliver", "join",
                "present", "share", "train", "report"}
_SEG_STOP_WORDS = {"who", "which", "that", "whose", "where", "when", ";", ":", ")", "(", "\"", "“", "”"}


def _lem(t) -> str:
    w = t.lemma_.lower()
    return w[3:] if w.startswith("co-") else w


def _is_honorific_tok(t) -> bool:
    return t.lower_ in HONORIFICS or t.lower_.rstrip(".") in HONORIFICS


def _starts_person(ctx: Ctx, si: int, i: int) -> bool:
    doc = ctx.doc
    if i >= len(doc):
        return False
    if _is_honorific_tok(doc[i]):
        return True
    return any(m.ts == i for m in ctx.top(si, "Person"))


def _starts_group(ctx: Ctx, si: int, i: int) -> bool:
    """A new item of a list of people that is a group with posts of its own ("..., and the heads of X, Y",
    "and representatives of Z"), not a further post of the person before."""
    doc, sent = ctx.doc, ctx.sents[si]
    while i < sent.end and (doc[i].lower_ in _GROUP_MODIFIERS or doc[i].like_num):
        i += 1
    # "..., and the hospital's transplant surgeons led by P2": a group of an organization's own people
    m = ctx.mention_at(si, i, "Organization")
    if m is not None and m.te + 1 < sent.end and doc[m.te].lower_ in ("'s", "’s"):
        i = m.te + 1
        while i + 1 < sent.end and doc[i].dep_ in ("compound", "amod") and doc[i].head.i > i:
            i += 1
    if i >= sent.end:
        return False
    w = doc[i].lower_
    return w.endswith("s") and doc[i].tag_ in ("NNS", "NNPS") and (w in PERSON_NOUNS or w[:-1] in TITLE_WORDS
                                                                  or w in _GROUP_PEOPLE)


#: words before a group of people with posts of their own ("the responsible comrades of X")
_GROUP_MODIFIERS = {"the", "other", "all", "several", "some", "senior", "two", "three", "responsible", "relevant",
                    "leading", "main", "principal", "key"}
#: plural nouns of such groups that are neither posts nor professions ("persons in charge of X")
_GROUP_PEOPLE = {"comrades", "persons", "staff", "staffs", "personnel"}


def _pre_title(ctx: Ctx, si: int, p: M) -> tuple[str, int]:
    """Title words directly before (or at the start of) the person mention: ("Vice President", start)."""
    doc, sent = ctx.doc, ctx.sents[si]
    i = p.ts
    # honorific/title tokens inside the mention itself ("Prof. Li")
    words = []
    j = p.ts
    while j < p.te and (doc[j].lower_ in TITLE_WORDS or _is_honorific_tok(doc[j])):
        words.append(doc[j].text)
        j += 1
    pre = []
    k = i - 1
    while k >= sent.start and (doc[k].lower_ in TITLE_WORDS or _is_honorific_tok(doc[k]) or
                               (doc[k].text == "-" and k - 1 >= sent.start and doc[k - 1].lower_ in TITLE_WORDS)):
        if ctx.mention_at(si, k) is not None:
            break
        pre.insert(0, doc[k].text)
        k -= 1
    title_words = [w for w in pre + words if w.lower().rstrip(".") not in HONORIFICS - {"professor", "academician"}]
    return " ".join(title_words).replace(" - ", "-"), k + 1


def _segment(ctx: Ctx, si: int, p: M) -> tuple[int, int]:
    """Token range of the appositive after person ``p`` ("P, Director of X and Y,")."""
    doc, sent = ctx.doc, ctx.sents[si]
    i = p.te
    if i >= sent.end or doc[i].text != ",":
        return i, i
    j = i + 1
    # "P, who is (also) the Director of X" / "P, who serves as Director of X"
    if j < sent.end and doc[j].lower_ == "who":
        k = j + 1
        while k < sent.end and doc[k].lower_ in ("is", "was", "also", "currently", "now", "serves", "served",
                                                  "works", "worked", "as", "the", "a", "an"):
            k += 1
        if k > j + 1 and k < sent.end and _has_title(doc, k, min(sent.end, k + 4)):
            j = k
    start = j
    while j < sent.end and j - i < 45:
        t = doc[j]
        if t.text in _SEG_STOP_WORDS or t.lower_ in _SEG_STOP_WORDS and not (t.text.isupper() and len(t) > 1):
            break                   # (an acronym is no pronoun: "a WHEN consultant" of an invented network)
        m = ctx.mention_at(si, j)
        if m is not None:
            if m.type == "Person" or m.type == "Event" and doc[m.ts].pos_ in ("VERB", "AUX"):
                break             # (an unnamed visit's mention is its verb: "P, Post of X, visited Y")
            j = m.te
            continue
        if _is_honorific_tok(t) and any(o.te == j for o in ctx.top(si, "Organization")) \
                and _honorifics_before_person(ctx, si, j):
            # "P1, Dean of the Faculty of Medicine Prof. Dr. P2": the post is written before P2's name
            return i, i
        if t.text == "," or t.lower_ == "and":
            if _starts_person(ctx, si, j + 1) or _starts_group(ctx, si, j + 1):
                break
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") and t.tag_ != "VBN":
            break
        j += 1
    end = j
    while end > start and doc[end - 1].text in (",", "and"):
        end -= 1
    return start, end


def _honorifics_before_person(ctx: Ctx, si: int, j: int) -> bool:
    """Do the honorifics from token ``j`` on ("Prof. Dr.") lead straight to a person's name?"""
    doc, sent = ctx.doc, ctx.sents[si]
    while j < sent.end and (_is_honorific_tok(doc[j]) or doc[j].text == "."):
        if any(m.ts == j for m in ctx.top(si, "Person")):
            return True
        j += 1
    return any(m.ts == j for m in ctx.top(si, "Person"))


def _has_title(doc, a, b) -> bool:
    return any(doc[k].lower_ in TITLE_WORDS or doc[k].lower_.rstrip("s") in TITLE_WORDS for k in range(a, b))


def _title_before(doc, a, b, fallback):
    """The post named between token a and the organization at b: "Deputy Director" of "..., Deputy Director of the"."""
    k = b
    while k > a and doc[k - 1].lower_ in ("of", "the", "at", "in", "from", ",", "and", "for"):
        k -= 1
    end = k
    # go left to the start of the title phrase
    while k > a and doc[k - 1].lower_ not in (",", "and", ";") and not doc[k - 1].lower_ in ("of", "at", "in"):
        k -= 1
    while k < end and doc[k].lower_ in ("a", "an", "the"):
        k += 1
    words = doc[k:end]
    if end > a and _has_title(doc, k, end):
        return " ".join(t.text for t in words).replace(" - ", "-")
    # "Head of General Surgery and Director of ..." -> the last title word run
    for j in range(end - 1, a - 1, -1):
        if doc[j].lower_ in TITLE_WORDS:
            s = j
            while s > a and doc[s - 1].lower_ in TITLE_WORDS:
                s -= 1
            return " ".join(t.text for t in doc[s:end])
    return fallback


def _title_after(ctx: Ctx, si: int, m: M, b: int) -> str | None:
    """The post written after its organization in an apposition, up to the next punctuation mark or
    the apposition's end: "P, ORG chief nurse" -> "chief nurse". Only words that name no entity, the
    last a title word (the post's head: "ORG surgeons led by" is no post)."""
    doc = ctx.doc
    k = m.te
    while k < b and not doc[k].is_punct and doc[k].lower_ != "and":
        if not doc[k].is_alpha or ctx.mention_at(si, k) is not None:
            return None
        k += 1
    if k == m.te or doc[k - 1].lower_ not in TITLE_WORDS:
        return None
    return " ".join(t.text for t in doc[m.te:k])


def find_person_relations(ctx: Ctx) -> None:
    last_aff: tuple[int, list] = (-1, [])     # the posts of the last sentence that named people
    for si in range(len(ctx.sents)):
        persons = ctx.top(si, "Person")
        if not persons:
            continue
        _demonym_lists(ctx, si)
        _appointments(ctx, si)
        _delegations(ctx, si)
        _on_behalf(ctx, si)
        prev_aff: list[tuple[str, str]] = []     # (title, org) in this sentence, for "... and Vice President P"
        for p in persons:
            _affiliations(ctx, si, p, prev_aff)
            _post_as_before(ctx, si, p, prev_aff, last_aff)
            _of_the_same(ctx, si, p)
        _both_of(ctx, si, persons)
        last_aff = (si, prev_aff)
        _has_posts(ctx, si)
        _hosts_meeting_guests(ctx, si)
        _directed_by(ctx, si)
    _post_label_lines(ctx)
    _unit_page_staff(ctx)
    _delegation_members(ctx)
    _delegation_stops(ctx)
    _visiting_team(ctx)
    _attendees(ctx)
    _present_at(ctx)
    _event_run_by(ctx)
    _listed_attendees(ctx)
    _role_label_lines(ctx)
    _panelists_and_introducers(ctx)
    _cohort_pronoun(ctx)
    _joined_by(ctx)
    _report_meeting_returnees(ctx)




def _post_label_lines(ctx: Ctx) -> None:
    """People named on a line labelled with a post hold it: at the organization the label names
    ("Director, Endoscopy Centre:") or else at the unit the page is about, the organization whose
    name stands alone on a heading line before it ("Division of X" then "Chief of Division: Dr. P")."""
    text = ctx.text
    headings = _heading_orgs(ctx)
    for mt in gz.POST_LABEL_LINE.finditer(text):
        label = mt.group(1)
        if not {w.lower().strip(",.") for w in label.split()} & gz.POST_LABEL_WORDS:
            continue
        si = ctx.sent_index(mt.start(2))
        if si is None:
            continue
        l0, l1, r0, r1 = mt.start(1), mt.end(1), mt.start(2), mt.end(2)
        named = [m for j in range(max(0, si - 1), min(len(ctx.sents), si + 2)) for m in ctx.top(j, "Organization")
                 if l0 <= m.start and m.end <= l1]
        if named:
            org = named[0].key
        else:
            before = [k for a, k in headings if a < l0]
            if not before:
                continue
            org = before[-1]
        for j in range(max(0, si - 1), min(len(ctx.sents), si + 2)):
            for p in ctx.top(j, "Person"):
                if r0 <= p.start < r1:
                    ctx.add(p.key, "affiliation", org, j, 0.7, label.strip())


def _heading_orgs(ctx: Ctx) -> list[tuple[int, str]]:
    """(start, key) of the organizations whose name stands alone on a line (a page's heading), in order."""
    text, out = ctx.text, []
    for si in range(len(ctx.sents)):
        for m in ctx.top(si, "Organization"):
            a = text.rfind("\n", 0, m.start) + 1
            b = text.find("\n", m.end)
            b = len(text) if b < 0 else b
            if text[a:b].strip() == text[m.start:m.end].strip():
                out.append((m.start, m.key))
    return out


#: leading posts of a unit's own staff, besides the leaders' ("head nurse", "chief physician")
_STAFF_HEADS = {"nurse", "physician", "surgeon"}


def _unit_headings(ctx: Ctx) -> list[tuple[int, str]]:
    """(start, key) of the units (departments, centers ...) whose name stands alone on a heading line."""
    if not hasattr(ctx, "_unit_heads"):
        ctx._unit_heads = [(a, k) for a, k in _heading_orgs(ctx)
                           if head_noun(ctx.ents[k].name).replace("centre", "center") in _UNIT_HEADS]
    return ctx._unit_heads


def _unit_page(ctx: Ctx, at: int) -> bool:
    """Is ``at`` on a unit's own page (after a heading line that names a unit)?"""
    return any(a < at for a, _k in _unit_headings(ctx))


def _unit_page_staff(ctx: Ctx) -> None:
    """A unit's own page (its name alone on a heading line: "Department of X", then "Director P, chief
    physician, ...; deputy director Q ...; head nurse R ..."): people named with a bare leading post that
    no organization holds for them (a post of theirs elsewhere is no matter: "Director P is vice chairman
    of the X Committee") hold it at the unit of the last heading before them."""
    heads = _unit_headings(ctx)
    if not heads:
        return
    for si in range(len(ctx.sents)):
        for p in ctx.top(si, "Person"):
            before = [k for a, k in heads if a < p.start]
            if not before:
                continue
            title = _shared_pre_title(ctx, si, p)
            words = title.lower().replace("-", " ").split()
            if not words or words[-1] not in LEADER_WORDS - {"member"} | _STAFF_HEADS or any(
                    r.subject == p.key and (r.title or "").lower() == title.lower()
                    for r in ctx.related("affiliation")):
                continue
            ctx.add(p.key, "affiliation", before[-1], si, 0.55, title)


#: "The center will be co-directed by P1, Post of X, and P2, Post of Y"
_DIRECTED_BY = re.compile(r"\b(?:be|been|is|are|was|were)\s+(?:jointly\s+)?(co-?)?(directed|led|headed|chaired)\s+"
                          r"(?:jointly\s+)?by\s+", re.I)


def _directed_by(ctx: Ctx, si: int) -> None:
    """An organization that opens its sentence and "will be (co-)directed / led by P1, ..., and P2": each of
    them holds that post at it (besides the posts named with them)."""
    sent, text = ctx.sents[si], ctx.text
    mt = _DIRECTED_BY.search(text, sent.start_char, sent.end_char)
    if mt is None:
        return
    orgs = [m for m in ctx.top(si, "Organization") if m.end <= mt.start()]
    if not orgs or orgs[0].ts != sent.start and not (orgs[0].ts == sent.start + 1 and
                                                     ctx.doc[sent.start].lower_ in ("the", "this", "our")):
        return
    org = orgs[0].key
    if ctx.ents[org].type != "Organization":
        return
    title = ("Co-" if mt.group(1) else "") + {"directed": "Director", "led": "Leader", "headed": "Head",
                                               "chaired": "Chair"}[mt.group(2).lower()]
    for p in ctx.top(si, "Person"):
        if p.start < mt.end() - 3:
            continue
        words = re.sub(r"[.,]", " ", text[max(mt.end() - 3, p.start - 40):p.start]).split()
        while words and (words[-1].lower() in HONORIFICS or words[-1].lower() in _ITEM_TITLES):
            words.pop()
        if words and words[-1].lower() in ("by", "and"):
            ctx.add(p.key, "affiliation", org, si, 0.7, title)


_RECEIVE_VERBS = {"meet", "receive", "welcome", "greet", "accompany", "entertain"}
_GUEST_WORDS = {"delegation", "delegations", "guest", "guests", "visitor", "visitors", "delegate", "delegates",
                "team", "group"}


_TALK_WORDS = {"meeting", "talks", "talk", "reception", "symposium", "discussion", "seminar", "exchange"}


def _guests_received(t) -> bool:
    """"The delegation was (warmly) received by P" / "visited X and was welcomed by P": a passive verb
    of receiving, by someone, whose subject (its own, or that of the verb it is coordinated with) is
    the guests: the people who received them take part in the visit."""
    if _lem(t) not in _RECEIVE_VERBS or not any(c.dep_ == "auxpass" for c in t.children) or \
            not any(c.dep_ == "agent" for c in t.children):
        return False
    subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and t.dep_ == "conj":
        subj = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.lower_ in _GUEST_WORDS for s in subj for c in s.subtree)


def _hosts_meeting_guests(ctx: Ctx, si: int) -> None:
    """"Party Secretary P1, President P2 and Vice President P3 (of the hospital) met (with) the
    delegation": people named with a bare leading post who receive the guests hold their posts at the
    host, i.e. the organization named after the list ("of the hospital") or else the one host of the
    visit, when it is named in this or the sentence before."""
    doc, sent = ctx.doc, ctx.sents[si]
    visit = bool(ctx.main_event and VISIT_NAME.search(ctx.ents[ctx.main_event].name))
    for v in sent:
        talks = visit and _lem(v) == "attend" and any(c.dep_ == "dobj" and c.lower_ in _TALK_WORDS for c in v.children)
        if v.pos_ != "VERB" or (_lem(v) not in _RECEIVE_VERBS and not talks):
            continue
        subj = [c for c in v.children if c.dep_ == "nsubj"]
        if not subj:
            continue
        ids = {x.i for c in subj for x in c.subtree}
        # the guests are the object ("met (with) the delegation / the guests / the visitors"); in a visit
        # report, the hosts "attended the meeting / the talks" with the guests
        objs = [x for x in doc[v.i + 1:min(sent.end, v.i + 6)] if x.lower_ in _GUEST_WORDS]
        if not objs and not talks:
            continue
        people = [p for p in ctx.top(si, "Person") if p.ts in ids and p.te <= v.i]
        titled = []
        for p in people:
            title, _start = _pre_title(ctx, si, p)
            if title and set(title.lower().replace("-", " ").split()) & LEADER_WORDS:
                titled.append((p, title))
        if not titled:
            continue
        host = None
        # "P3 of the hospital": the organization right after the last person of the list
        after = [o for o in ctx.top(si, "Organization") if o.ts in ids and o.te <= v.i and
                 [t.lower_ for t in doc[people[-1].te:o.ts]] in (["of"], ["of", "the"])]
        if after:
            host = after[0].key
        elif ctx.main_event and VISIT_NAME.search(ctx.ents[ctx.main_event].name):
            hosts = {r.object for r in ctx.related("organizer") if r.subject == ctx.main_event
                     and ctx.ents[r.object].type == "Organization"}
            named = {m.key for k in (si - 1, si) if k >= 0 for m in ctx.top(k, "Organization")}
            hosts &= named
            if len(hosts) == 1:
                host = hosts.pop()
        if host is None:
            continue
        for p, title in titled:
            if any(r.subject == p.key for r in ctx.related("affiliation")):
                continue
            ctx.add(p.key, "affiliation", host, si, 0.6, title)


def _delegation_country(ctx: Ctx) -> M | None:
    """The country the article's visiting delegation comes from: "a delegation from COUNTRY",
    "a delegation from ORG (in CITY), COUNTRY" or "the COUNTRY/<demonym> delegation"."""
    doc = ctx.doc
    for si, sent in enumerate(ctx.sents):
        for t in sent:
            if t.lower_ != "delegation":
                continue
            src = _group_source(doc, sent, t.i)
            if src is not None:
                n = src
                while n < sent.end and doc[n].lower_ == "the":
                    n += 1
                m = ctx.mention_at(si, n)
                if m is not None and m.type == "Country":
                    return m
                if m is not None and m.type == "Organization":
                    c = country_after_org(ctx, si, m.te)
                    if c is not None:
                        return c
            j = t.i - 1
            while j > sent.start and (doc[j].pos_ in ("ADJ", "NUM") or doc[j].text == "-"):
                j -= 1
            m = ctx.mention_at(si, j, "Country")
            if m is not None:
                return m
            m = _demonym_before(ctx, si, t.i)
            if m is not None:
                return m
    return None


def _group_country(ctx: Ctx, si: int, g) -> M | None:
    """The country of a visiting group at token ``g``: its demonym ("the Uzbek delegation"), or, for
    "the team/delegation", the demonym of the same group noun in one of the two sentences before
    ("The six-member Japanese team arrived ... The team included P1 and P2")."""
    c = _demonym_before(ctx, si, g.i)
    if c is not None or g.i == 0 or ctx.doc[g.i - 1].lower_ != "the":
        return c
    for sj in (si - 1, si - 2):
        if sj >= 0:
            for t in ctx.sents[sj]:
                if t.lower_ == g.lower_:
                    c = _demonym_before(ctx, sj, t.i)
                    if c is not None:
                        return c
    return None


def _demonym_before(ctx: Ctx, si: int, g: int) -> M | None:
    """"the Uzbek delegation", "a Peruvian medical team": the country of the demonym just before the
    group noun at ``g`` (adjectives and numbers between them), as a mention of its Country entity."""
    doc, sent = ctx.doc, ctx.sents[si]
    j = g - 1
    while j >= sent.start and (doc[j].pos_ in ("ADJ", "NUM", "NOUN", "PROPN") or doc[j].text == "-") and g - j <= 4:
        m = _demonym_at(ctx, si, j)
        if m is not None:
            return m
        j -= 1
    return None


def _demonym_at(ctx: Ctx, si: int, j: int) -> M | None:
    """The Country mention of a capitalised demonym at token ``j`` ("Uzbek"), unless it is part of an
    organization's, event's or person's name."""
    t = ctx.doc[j]
    code = demonym_code(t.text) if t.text[:1].isupper() else None
    if code is not None and ctx.mention_at(si, j, ("Organization", "Event", "Person")) is None:
        key = country_entity(ctx, code, Span(t.idx, t.idx + len(t)))
        if key is not None:
            return M(key, "Country", t.idx, t.idx + len(t), j, j + 1)
    return None


#: plural nouns that refer back to a visiting group ("the two Finnish experts", "the Thai guests")
_VISITORS_BACK = {"experts", "guests", "visitors"}


def _visitors_demonym(ctx: Ctx) -> M | None:
    """The country of "the (two) <demonym> experts/guests/visitors", the first such phrase of the article."""
    doc = ctx.doc
    for si, sent in enumerate(ctx.sents):
        for t in sent:
            if t.lower_ in _VISITORS_BACK:
                j = t.i - 1
                while j > sent.start and (doc[j].like_num or doc[j].pos_ in ("ADJ", "PROPN")) and t.i - j <= 3:
                    j -= 1
                if doc[j].lower_ == "the":
                    m = _demonym_before(ctx, si, t.i)
                    if m is not None:
                        return m
    return None


def _delegation_members(ctx: Ctx) -> None:
    """"Members of the delegation, P1, Head of X, and P2 ..." / "delegation members P1 and P2": the
    members come from the delegation's country (stated once, for the delegation)."""
    doc = ctx.doc
    country = None
    visitors = None
    for si, sent in enumerate(ctx.sents):
        toks = [t.lower_ for t in sent]
        cue = None
        for i in range(len(toks) - 2):
            if toks[i] in ("member", "members") and toks[i + 1] == "of" and "delegation" in toks[i + 2:i + 5]:
                cue = sent.start + i + 2 + toks[i + 2:i + 5].index("delegation") + 1
                break
            if toks[i] == "delegation" and toks[i + 1] in ("member", "members"):
                cue = sent.start + i + 2
                break
        # "a delegation from ORG, headed by P1, and including P2, Head of X, and P3": P2, P3 are members too
        including = False
        if cue is None and "delegation" in toks:
            d = toks.index("delegation")
            k = next((j for j in range(d + 1, len(toks)) if toks[j] == "including"), None)
            if k is not None and not any(t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP") and t.i > sent.start + d
                                         for t in doc[sent.start + d:sent.start + k]) or k is not None and \
                    any(toks[j] in ("led", "headed") for j in range(d + 1, k)):
                cue, including = sent.start + k + 1, True
        # "... a delegation from ORG, led by P0. He was accompanied by P1, Post, and P2, Post": the
        # people who accompany the leader of the visiting delegation are its members
        # "... a delegation from ORG, led by P0. He was accompanied by P1, Post, and P2, Post": the
        # people who accompany the leader of the visiting delegation are its members
        org = None
        companions = None
        if cue is None:
            acc = accompanying_cue(ctx, si)
            if acc is not None:
                cue, including, org = acc[0], True, acc[1]
                # "He was accompanied by P1 ... met with the two Finnish experts": the companions come
                # from the leader's country when the visitors are called by its demonym
                leader = delegation_leader(ctx, si)
                if leader is not None and visitors is None:
                    visitors = _visitors_demonym(ctx) or False       # (looked up once per article)
                if leader is not None and visitors and ctx.has(leader[1], "nationality", visitors.key):
                    companions = visitors
        if cue is None:
            continue
        persons = [p for p in ctx.top(si, "Person") if p.ts >= cue]
        if not persons:
            continue
        # the members' list ends at the first verb of the main clause after the cue
        # ("Members of the delegation included / were P1, P2 ...": after that verb)
        if cue < sent.end and doc[cue].lemma_.lower() in ("include", "be", "comprise"):
            cue += 1
        end = next((t.i for t in doc[cue:sent.end] if t.dep_ == "ROOT" or (t.pos_ == "VERB" and t.tag_ in
                                                                               ("VBD", "VBZ", "VBP"))), sent.end)
        if country is None:
            country = _delegation_country(ctx) or False
        visit = bool(ctx.main_event and re.search(r"\b(visit|delegation)\b", ctx.ents[ctx.main_event].name, re.I))
        if not country and not including and not visit:
            return
        for p in persons:
            c = country or companions
            if c and p.ts < end and not any(r.subject == p.key for r in ctx.related("nationality")):
                ctx.add(p.key, "nationality", c.key, si, 0.6)
            # the members of a visiting delegation take part in the visit
            if p.ts < end and visit:
                ctx.add(ctx.main_event, "attendee", p.key, si, 0.65)
                ctx.delegates.add(p.key)
            # a member named with a bare post ("P1, Director of Clinical Services") holds it at the
            # delegation's institution
            if org is not None and p.ts < end:
                a, b = _segment(ctx, si, p)
                if b > a and _has_title(doc, a, b) and not any(
                        m.ts >= a and m.te <= b for m in ctx.all_in(si, "Organization")):
                    ctx.add(p.key, "affiliation", org, si, 0.6, doc[a:b].text.strip(" ,"))


_TEAM_CUE = re.compile(r"\bteam\b", re.I)
_TEAM_MEMBERS = ("which includes", "which included", "which comprises", "which consists of", "including")


def _team_country(ctx: Ctx, si: int, g: int) -> M | None:
    """"a British surgical team", "a team of British surgeons": the demonym before the group noun or
    just after its "of"."""
    m = _demonym_before(ctx, si, g)
    if m is not None:
        return m
    doc, sent = ctx.doc, ctx.sents[si]
    if g + 2 < sent.end and doc[g + 1].lower_ == "of":
        for j in range(g + 2, min(g + 4, sent.end)):
            m = _demonym_at(ctx, si, j)
            if m is not None:
                return m
    return None


def _visiting_team(ctx: Ctx) -> None:
    """"a team of British surgeons and nurses led by P0" / "the team, which includes P1 and P2": a team
    named with its country (a demonym) and led by a named person is a visiting group like a
    delegation; its leader and named members take part in the reported event and come from the
    team's country (which so becomes a participant country)."""
    if ctx.main_event is None or not _TEAM_CUE.search(ctx.text):
        return
    doc = ctx.doc
    country: M | None = None
    found = False
    for si, sent in enumerate(ctx.sents):
        if not _TEAM_CUE.search(sent.text):
            continue
        persons = ctx.top(si, "Person")
        if not persons:
            continue
        for t in sent:
            if t.lower_ != "team":
                continue
            members: list[M] = []
            # "team ... led by P0" (no finite verb between the team and "led")
            k = next((j for j in range(t.i + 1, min(t.i + 16, sent.end - 1))
                      if doc[j].lower_ in ("led", "headed") and doc[j + 1].lower_ == "by"), None)
            c = _team_country(ctx, si, t.i)
            if k is not None and c is not None and not any(
                    x.pos_ in ("VERB", "AUX") and x.tag_ in ("VBD", "VBZ", "VBP") for x in doc[t.i + 1:k]):
                p = next((m for m in persons if m.ts > k + 1), None)
                if p is not None and all(x.lower_.strip(".") in gz.HONORIFICS or x.text == "."
                                         for x in doc[k + 2:p.ts]):
                    members.append(p)
                    country, found = c, True
            # "the team, which includes P1, Post, and P2, Post, was ..." (a team found before)
            elif found and t.i + 2 < sent.end:
                rest = " ".join(x.lower_ for x in doc[t.i + 1:min(t.i + 5, sent.end)] if x.text != ",")
                cue = next((w for w in _TEAM_MEMBERS if rest.startswith(w)), None)
                if cue is not None:
                    start = t.i + 1 + (doc[t.i + 1].text == ",") + len(cue.split())
                    end = next((x.i for x in doc[start:sent.end] if x.pos_ in ("VERB", "AUX") and
                                x.tag_ in ("VBD", "VBZ", "VBP")), sent.end)
                    members += [m for m in persons if start <= m.ts < end]
            for p in members:
                ctx.add(ctx.main_event, "attendee", p.key, si, 0.7)
                if country is not None and not any(r.subject == p.key for r in ctx.related("nationality")):
                    ctx.add(p.key, "nationality", country.key, si, 0.6)


_PANEL_WORDS = {"panel", "panels", "panelists", "panellists", "faculty", "speakers", "lecturers", "jury"}


def _panelists_and_introducers(ctx: Ctx) -> None:
    """"The panel discussion ... included P1 and P2": the panel's members attend the event; "P, ..., who
    introduced S (at the lecture)": the host who introduced an attending speaker attends too."""
    doc = ctx.doc
    for si, sent in enumerate(ctx.sents):
        persons = ctx.top(si, "Person")
        if not persons:
            continue
        evs = [m for m in ctx.all_in(si, "Event") if not m.anaphor]
        ev = evs[0].key if evs else ctx.paragraph_event(si) or ctx.main_event
        if ev is None:
            continue
        # "Besides P0, the faculty included P1 and P2": P0 is one of them
        opening = sent.start + 2 < sent.end and (doc[sent.start].lower_ == "besides" or [
            x.lower_ for x in doc[sent.start:sent.start + 2]] in (["apart", "from"], ["along", "with"]))
        comma = next((x.i for x in sent if x.text == ","), sent.start) if opening else sent.start
        for v in sent:
            lem = v.lemma_.lower()
            if lem == "include" and v.pos_ == "VERB":
                # the subject of "included", or of the verb it is coordinated with ("was moderated by X and included")
                u = v
                subj = [c for c in u.children if c.dep_ in ("nsubj", "nsubjpass")]
                while not subj and u.dep_ == "conj" and u.head.i != u.i:
                    u = u.head
                    subj = [c for c in u.children if c.dep_ in ("nsubj", "nsubjpass")]
                if not any(x.lower_ in _PANEL_WORDS for c in subj for x in c.subtree):
                    continue
                for p in persons:
                    if p.ts > v.i or p.te <= comma < v.i:
                        ctx.add(ev, "attendee", p.key, si, 0.65)
            elif lem == "introduce" and v.pos_ == "VERB" and v.dep_ == "relcl":
                attending = {r.object for r in ctx.related("attendee") if r.subject == ev}
                obj = [c for c in v.children if c.dep_ == "dobj"]
                # (the speaker by a mention, or by the surname alone: "who introduced Lindqvist")
                if not obj or not (any(p.key in attending and p.ts <= obj[0].i < p.te for p in persons) or
                                   any(ctx.ents[k].name.split()[-1] == obj[0].text for k in attending
                                       if ctx.ents[k].type == "Person")):
                    continue
                # the antecedent of "who": the person whose apposition the relative clause closes
                before = [p for p in persons if p.te <= v.i]
                if before and not any(t.pos_ == "VERB" and t.dep_ not in ("relcl",) and t.i != v.i and
                                      t.tag_ in ("VBD", "VBZ", "VBP") for t in doc[before[-1].te:v.i]):
                    ctx.add(ev, "attendee", before[-1].key, si, 0.6)


def _delegation_stops(ctx: Ctx) -> None:
    """"The delegation (then) attended EVENT": the delegation's leader and members attend that stop too."""
    if not ctx.delegates:
        return
    for si, sent in enumerate(ctx.sents):
        for m in ctx.all_in(si, "Event"):
            if not m.anaphor and m.key != ctx.main_event and \
                    STOP_OF_VISIT.search(ctx.text[sent.start_char:m.start]):
                for pk in sorted(ctx.delegates):
                    ctx.add(m.key, "attendee", pk, si, 0.6)


_OF_THE_SAME = re.compile(r",\s+(?:an?\s+|the\s+)?([^,;()]{2,60}?)\s+(?:of|at|from)\s+the\s+same\s+"
                         r"(hospital|university|institute|college|clinic|center|centre)\b", re.I)


_BOTH_OF = re.compile(r",\s+(?:both|all|all\s+three|all\s+four)\s+(?:of|from|at)\s+(?:the\s+)?", re.I)


def _both_of(ctx: Ctx, si: int, persons: list) -> None:
    """"P1, a nephrologist, and P2, an anesthesiologist, both of ORG": every person of the list (no verb
    between them and "both") works at ORG."""
    doc, sent = ctx.doc, ctx.sents[si]
    if len(persons) < 2 or "both" not in sent.text and "all" not in sent.text:
        return
    for m in _BOTH_OF.finditer(ctx.text, sent.start_char, sent.end_char):
        o = next((o for o in ctx.top(si, "Organization") if doc[o.ts].idx == m.end()), None)
        if o is None:
            continue
        group = []
        for p in reversed([p for p in persons if doc[p.te - 1].idx < m.start()]):
            if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in doc[p.te:o.ts]
                   if not ctx.mention_at(si, t.i)):
                break
            group.append(p)
        if len(group) >= 2:
            for p in group:
                ctx.add(p.key, "affiliation", o.key, si, 0.7)


def _of_the_same(ctx: Ctx, si: int, p: M) -> None:
    """"P2, a nurse of the same hospital": P2 works at the hospital named last before (in this sentence
    or the two before it), not at the article's own hospital."""
    doc = ctx.doc
    if p.te >= ctx.sents[si].end or doc[p.te].text != ",":
        return
    m = _OF_THE_SAME.match(ctx.text, doc[p.te].idx, ctx.sents[si].end_char)
    if not m or any(r.subject == p.key for r in ctx.related("affiliation")):
        return
    noun = m.group(2).lower().replace("centre", "center")
    # the hospital named in another person's post ("P1, Chief of the X Unit of Y Hospital, ...")
    for sj in (si, si - 1, si - 2):
        if sj < 0:
            break
        segs = [_segment(ctx, sj, q) for q in ctx.top(sj, "Person") if q.key != p.key and q.te <= p.ts]
        orgs = [o for o in ctx.all_in(sj, "Organization") if not o.anaphor and any(a <= o.ts and o.te <= b
                                                                                  for a, b in segs)
                and head_noun(ctx.ents[o.key].name).replace("centre", "center") == noun]
        if orgs:
            ctx.add(p.key, "affiliation", orgs[-1].key, si, 0.65, " ".join(m.group(1).split()))
            return


def _affiliations(ctx: Ctx, si: int, p: M, prev_aff: list):
    doc, sent = ctx.doc, ctx.sents[si]
    pre_title, pre_start = _pre_title(ctx, si, p)
    found = False
    # "ORG's President P" / "ORG President P"
    if pre_title:
        k = pre_start - 1
        if k >= sent.start and doc[k].lower_ in ("'s", "’s"):
            k -= 1
        m = ctx.mention_at(si, k, "Organization")
        if m is not None and m.te in (pre_start, pre_start - 1):
            ctx.add(p.key, "affiliation", m.key, si, 0.8, pre_title)
            found = True
    i = p.te
    # "P of/at/from ORG" and "P from COUNTRY", "P (COUNTRY)"
    if i < sent.end:
        nxt = doc[i].lower_
        j = i + 1
        while j < sent.end and doc[j].lower_ in ("the",):
            j += 1
        m = ctx.mention_at(si, j)
        if nxt in ("of", "at", "from") and m is not None:
            if m.type == "Organization":
                ctx.add(p.key, "affiliation", m.key, si, 0.8, pre_title or None)
                found = True
                _country_after(ctx, si, m.te, p)
            elif m.type == "Country":
                ctx.add(p.key, "nationality", m.key, si, 0.85)
            elif m.type == "Place" and nxt == "from":
                _country_after(ctx, si, i, p)          # "P from CITY, COUNTRY"
        if nxt == "(":
            m = ctx.mention_at(si, i + 1)
            if m is not None and m.te < sent.end and doc[m.te].text in (")", ","):
                if m.type == "Country":
                    ctx.add(p.key, "nationality", m.key, si, 0.8)
                elif m.type == "Organization":
                    ctx.add(p.key, "affiliation", m.key, si, 0.7, pre_title or None)
                    found = True
                    # "P (ORG, CITY, COUNTRY)": the country closes the affiliation
                    _country_after(ctx, si, m.te, p)
    # appositive posts
    a, b = _segment(ctx, si, p)
    if b > a and _has_title(doc, a, b):
        orgs = [m for m in ctx.top(si, "Organization") if a <= m.ts and m.te <= b]
        keep = [m for m in orgs if not ctx.of_complement(m, orgs)]
        last_title = None
        prev_end = a
        prev_m = None
        for m in keep:
            gap = [t.lower_ for t in doc[prev_end:m.ts]]
            if prev_m is not None and gap and gap[0] in ("at", "in") and all(w in ("at", "in", "the") for w in gap) \
                    and head_noun(ctx.ents[prev_m.key].name) in _UNIT_HEADS \
                    and _INSTITUTION_NAME.search(ctx.ents[m.key].name) \
                    and not _INSTITUTION_NAME.search(ctx.ents[prev_m.key].name) \
                    and not any(t.lower_ == "and" for t in doc[a:prev_m.ts]):
                # "P, Chair of the Department of X at ORG": the post is in the unit, and the unit is ORG's
                # (not after several posts: "Head of A and Director of the B Center at ORG" holds both at ORG)
                ctx.add(prev_m.key, "parentOrganization", m.key, si, 0.75)
                prev_m, prev_end = m, m.te
                continue
            prev_m = m
            title = _title_before(doc, prev_end, m.ts, last_title)
            if title is None:
                title = _title_after(ctx, si, m, b)     # "P, ORG Medical Center Chief", "P, RN, ORG chief nurse"
            last_title = title
            prev_end = m.te
            if title is None:
                continue
            ctx.add(p.key, "affiliation", m.key, si, 0.9, title)
            prev_aff.append((title, m.key))
            found = True
    if b > a:
        for c in ctx.top(si, "Country"):
            k = c.ts - 1
            if k > a and doc[k].lower_ == "the":
                k -= 1
            if a <= c.ts and c.te <= b and k >= a and doc[k].lower_ in ("in", "from", "of", "("):
                ctx.add(p.key, "nationality", c.key, si, 0.75)
        # "P, Head of X at ORG (in CITY), COUNTRY": the country closes the post's organization
        for o in ctx.top(si, ("Organization", "Place")):
            if a <= o.ts and o.te <= b + 1:
                c = country_after_org(ctx, si, o.te)
                if c is not None and c.ts <= b + 1:
                    ctx.add(p.key, "nationality", c.key, si, 0.7)
        _shared_post(ctx, si, p, a, b)
    if not found:
        found = _copular_post(ctx, si, p) or _post_before(ctx, si, p)
    else:
        _copular_post(ctx, si, p, after_apposition=True)   # "P, Director of X, is a member of Y"

    if not found and b > a and prev_aff:
        found = _elliptic_post(ctx, si, p, a, b, prev_aff[-1])
    found = _its_post(ctx, si, p) or found
    if not found and pre_title and set(pre_title.lower().replace("-", " ").split()) & LEADER_WORDS:
        # "Party Secretary P1, President P2 and Vice President P3 of the hospital": the list's organization
        m = _titled_list_org(ctx, si, p)
        if m is not None:
            ctx.add(p.key, "affiliation", m.key, si, 0.7, pre_title)
            found = True
    if not found and pre_title and set(pre_title.lower().replace("-", " ").split()) & LEADER_WORDS:
        head = pre_title.lower().split()[-1]
        for t, org in reversed(prev_aff):
            if t and t.lower().split()[-1] == head:
                ctx.add(p.key, "affiliation", org, si, 0.6, pre_title)
                found = True
                break
        # "President P" in an article written by the host hospital ("our hospital", or a page of the
        # hospital's own site): the sentence names no other organization than the hospital and its units
        # (not on a unit's own page: its staff are the unit's, see _unit_page_staff)
        own = ctx.own_hospital
        if not found and own and (ctx.speaks_as_host or ctx.site_of_hospital and not _unit_page(ctx, p.start)) and \
                not any(not ctx.of_own_hospital(m.key) for m in ctx.top(si, "Organization") if not m.anaphor):
            ctx.add(p.key, "affiliation", own, si, 0.55, pre_title)


def _titled_list_org(ctx: Ctx, si: int, p: M) -> M | None:
    """The institution closing a list of people that each have a leading post, "T1 P1, T2 P2 and T3 P3 of
    (the) ORG", seen from an item before the last; None when an item has no leading post or the list ends
    otherwise, or when the organization is a unit (its posts need not be everyone's)."""
    doc, sent = ctx.doc, ctx.sents[si]
    persons = ctx.top(si, "Person")
    q = p
    while True:
        k = q.te
        if k < sent.end and doc[k].lower_ in ("of", "at") and q is not p:
            n = k + 1
            while n < sent.end and doc[n].lower_ == "the":
                n += 1
            m = ctx.mention_at(si, n, "Organization")
            if m is None or head_noun(ctx.ents[m.key].name).replace("centre", "center") in _UNIT_HEADS:
                return None
            return m
        if k + 1 >= sent.end or doc[k].lower_ not in (",", "and"):
            return None
        k += 1
        if doc[k].lower_ == "and":
            k += 1
        j = k
        while j < sent.end and (doc[j].lower_ in TITLE_WORDS or doc[j].text == "-" or _is_honorific_tok(doc[j])):
            j += 1
        if j == k or not any(doc[x].lower_ in TITLE_WORDS for x in range(k, j)):
            return None
        q = next((x for x in persons if x.ts == j), None)
        if q is None:
            return None


def _has_posts(ctx: Ctx, si: int) -> None:
    """"It has two deputy directors, P1 and P2" / "The department has three vice presidents: P1, P2 and P3":
    the listed people hold the post at the organization that has them ("it": the one named before)."""
    from medkg.ingest.rel_general import org_before
    doc, sent = ctx.doc, ctx.sents[si]
    for v in sent:
        if v.lemma_.lower() != "have" or v.pos_ not in ("VERB", "AUX"):
            continue
        k = v.i + 1
        while k < sent.end and (doc[k].like_num or doc[k].lower_ in ("also", "currently", "now")):
            k += 1
        a = k
        while k < sent.end and (doc[k].lower_ in TITLE_WORDS or doc[k].lower_[:-1] in TITLE_WORDS or
                                doc[k].lower_ == "deputies" or doc[k].text == "-" and k > a):
            k += 1
        last = doc[k - 1].lower_ if k > a else ""
        if not (last.endswith("s") and (last[:-1] in TITLE_WORDS or last == "deputies")) or k >= sent.end \
                or doc[k].text not in (",", ":"):
            continue
        title = doc[a:k].text
        people = []
        j = k + 1
        persons = ctx.top(si, "Person")
        for p in persons:
            if p.ts < j:
                continue
            gap = [t for t in doc[j:p.ts] if not _is_honorific_tok(t)]
            if not all(t.lower_ in (",", "and") for t in gap):
                break
            people.append(p)
            j = p.te
        if not people:
            continue
        subj = [c for c in v.children if c.dep_ == "nsubj"]
        if not subj:
            continue
        if subj[0].lower_ in ("it", "they"):
            # the topic: an organization that is the subject of one of the sentences before
            topic = [m for j in range(si - 1, max(-1, si - 4), -1) for m in ctx.top(j, "Organization")
                     if any(doc[x].dep_ in ("nsubj", "nsubjpass") for x in range(m.ts, m.te))]
            org = topic[0].key if topic else org_before(ctx, si, subj[0].i)
        else:
            m = ctx.mention_at(si, subj[0].i, "Organization")
            org = m.key if m is not None else None
        if org is None:
            continue
        for p in people:
            ctx.add(p.key, "affiliation", org, si, 0.75, title)


def _shared_pre_title(ctx: Ctx, si: int, p: M) -> str:
    """The leading post of ``p``, or the plural post before a list it closes: "Deputy directors P1 and P2"."""
    doc = ctx.doc
    title, _start = _pre_title(ctx, si, p)
    if title.strip(". ").lower() not in HONORIFICS and title:
        return title
    q = p
    persons = ctx.top(si, "Person")
    while True:
        before = [x for x in persons if x.te <= q.ts]
        if not before:
            return title
        r = before[-1]
        gap = [t for t in doc[r.te:q.ts] if not _is_honorific_tok(t)]
        if not gap or not all(t.lower_ in (",", "and") for t in gap):
            return title
        t, _s = _pre_title(ctx, si, r)
        last = t.lower().split()[-1] if t else ""
        if last.endswith("s") and last[:-1] in TITLE_WORDS:
            return t
        q = r


def _post_as_before(ctx: Ctx, si: int, p: M, prev_aff: list, last_aff: tuple[int, list]) -> None:
    """"P1, the director of the department, ... . Deputy directors P2 and P3 are ...": a bare leading post
    whose head is the head of a post just given (in this sentence or the one before) with its organization
    is held at that organization, even when the sentence goes on to give the person another membership."""
    pre_title = _shared_pre_title(ctx, si, p)
    words = pre_title.lower().replace("-", " ").split()
    if not words or not set(words) & LEADER_WORDS - {"member"} and not (
            words[-1].endswith("s") and words[-1][:-1] in LEADER_WORDS):
        return
    if any(r.subject == p.key and (r.title or "").lower() == pre_title.lower() for r in ctx.related("affiliation")):
        return
    head = words[-1][:-1] if words[-1].endswith("s") and words[-1][:-1] in LEADER_WORDS else words[-1]
    lsi, laff = last_aff
    earlier = list(prev_aff) + (list(laff) if lsi >= si - 2 else [])
    for t, org in reversed(earlier):
        tw = (t or "").lower().replace("-", " ").split()
        if tw and tw[-1] == head and tw != words:
            ctx.add(p.key, "affiliation", org, si, 0.6, pre_title)
            return


#: kinds of committee that run an event ("the organizing committee", "the scientific committee")
_EVENT_COMMITTEE = {"organizing", "organising", "scientific", "program", "programme", "local", "steering"}
#: words that make a name an institution's, not a unit's ("X University Medical Center", "Y Hospital")
_INSTITUTION_NAME = re.compile(r"\b(?:University|Universities|Hospitals?|Medical Cent(?:er|re)|Medical City|College|"
                               r"Institute|Infirmary|Academy|Trust)\b")
_UNIT_HEADS = {"department", "center", "centre", "office", "division", "branch", "team", "section", "unit",
               "ward", "laboratory", "lab", "clinic", "group", "committee", "subcommittee"}


def _elliptic_post(ctx: Ctx, si: int, p: M, a: int, b: int, prev: tuple[str, str]) -> bool:
    """"P1, President of the hospital, P2, Vice President, ...": a bare leading post right after the previous
    item of the list is held at the same institution (not at a department: "Head of the Department of X,
    and P2, Chief Nursing Officer" leaves P2's institution unsaid)."""
    doc = ctx.doc
    seg = [t for t in doc[a:b] if t.lower_ not in ("the", "a", "an", "-")]
    if not seg or len(seg) > 4 or not any(t.lower_ in LEADER_WORDS for t in seg) \
            or not all(t.lower_ in TITLE_WORDS for t in seg) \
            or any(ctx.mention_at(si, k) is not None for k in range(a, b)):
        return False
    before = [q for q in ctx.top(si, "Person") if q.te <= p.ts]
    if not before:
        return False
    qa, qb = _segment(ctx, si, before[-1])
    if qb <= qa or any(t.lower_ not in (",", "and") and not _is_honorific_tok(t) for t in doc[qb:p.ts]):
        return False
    title, org = prev
    if not any(m.key == org and qa <= m.ts and m.te <= qb for m in ctx.top(si, "Organization")):
        return False      # the post before belongs to another item of the list
    if head_noun(ctx.ents[org].name).replace("centre", "center") in _UNIT_HEADS:
        return False
    ctx.add(p.key, "affiliation", org, si, 0.6, " ".join(t.text for t in seg))
    return True


def _shared_post(ctx: Ctx, si: int, p: M, a: int, b: int):
    """"P1 and P2, both from ORG": every person of the list is affiliated."""
    doc, sent = ctx.doc, ctx.sents[si]
    if b - a < 2 or doc[a].lower_ not in ("both", "all", "each") or doc[a + 1].lower_ not in ("from", "of", "at"):
        return
    k = a + 2
    while k < sent.end and doc[k].lower_ == "the":
        k += 1
    org = ctx.mention_at(si, k, "Organization")
    if org is None:
        return
    group = [p]
    persons = ctx.top(si, "Person")
    for q in reversed([q for q in persons if q.te <= group[0].ts]):
        gap = [t for t in doc[q.te:group[0].ts] if not _is_honorific_tok(t)]
        if gap and all(t.lower_ in (",", "and") for t in gap):
            group.insert(0, q)
        else:
            break
    if len(group) < 2:
        return
    for q in group:
        ctx.add(q.key, "affiliation", org.key, si, 0.75)
        c = country_after_org(ctx, si, org.te)
        if c is not None:
            ctx.add(q.key, "nationality", c.key, si, 0.7)


def _on_behalf(ctx: Ctx, si: int):
    """"P signed on behalf of the Nigerian side / the COUNTRY delegation" -> nationality."""
    doc, sent = ctx.doc, ctx.sents[si]
    for t in sent:
        if t.lower_ != "behalf" or t.i + 1 >= sent.end or doc[t.i + 1].lower_ != "of":
            continue
        k = t.i + 2
        while k < sent.end and doc[k].lower_ == "the":
            k += 1
        if k >= sent.end:
            continue
        code = demonym_code(doc[k].text)
        country = None
        if code is not None and k + 1 < sent.end and doc[k + 1].lower_ in (
                "side", "delegation", "government", "party", "team", "partner", "partners"):
            country = country_entity(ctx, code, Span(doc[k].idx, doc[k].idx + len(doc[k])))
        else:
            m = ctx.mention_at(si, k, "Country")
            country = m.key if m is not None else None
        if country is None:
            continue
        # the person who acts: the nearest person before "on behalf"
        before = [p for p in ctx.top(si, "Person") if p.te <= t.i]
        if before:
            ctx.add(before[-1].key, "nationality", country, si, 0.7)


def _its_post(ctx: Ctx, si: int, p: M) -> bool:
    """"Its director, Professor P, ..." / "its president P": P holds the post at the organization "its" means."""
    from medkg.ingest.rel_general import org_before
    doc, sent = ctx.doc, ctx.sents[si]
    k = p.ts - 1
    while k >= sent.start and _is_honorific_tok(doc[k]):
        k -= 1
    if k >= sent.start and doc[k].text == ",":
        k -= 1
    e = k + 1
    while k >= sent.start and (doc[k].lower_ in TITLE_WORDS or doc[k].text == "-"):
        k -= 1
    if k == e - 1 or k < sent.start or doc[k].lower_ not in ("its", "their"):
        return False
    org = org_before(ctx, si, k)
    if org is None:
        return False
    ctx.add(p.key, "affiliation", org, si, 0.7, doc[k + 1:e].text.rstrip(" ,"))
    return True


_POST_PREFIX = {"committee", "standing", "board", "council", "executive", "full", "founding", "youth", "young",
                "corresponding", "vice-chairman", "vice-chair", "co-chair", "co-chairman", "elected", "newly"}


def _copular_post(ctx: Ctx, si: int, p: M, after_apposition: bool = False) -> bool:
    """"P is the director of ORG" / "P serves as TITLE at ORG" / "P works at ORG"; also after an
    apposition ("P, Director of X, is a vice chairman of ORG") and for coordinated people ("Deputy
    directors Dr. A and Dr. B are committee members of ORG")."""
    doc, sent = ctx.doc, ctx.sents[si]
    k = p.te
    a, b = _segment(ctx, si, p)
    if b > a and b + 1 < sent.end and doc[b].text == "," and \
            doc[b + 1].lemma_.lower() in ("be", "serve", "act"):
        k = b + 1
    elif after_apposition:
        return False
    else:
        # "Dr. A and Dr. B are ...": walk to the last person of the coordination
        while k + 1 < sent.end and doc[k].lower_ in ("and", ","):
            j = k + 1
            while j < sent.end and _is_honorific_tok(doc[j]):
                j += 1
            q = next((m for m in ctx.top(si, "Person") if m.ts == j), None)
            if q is None:
                break
            k = q.te
        if k != p.te and (k >= sent.end or doc[k].lower_ not in ("are", "were", "serve", "both")):
            return False
        if k < sent.end and doc[k].lower_ == "both":
            k += 1
    if k + 1 < sent.end and doc[k].text == "," and doc[k + 1].lemma_.lower() in ("be", "serve", "work", "act"):
        k += 1
    if k + 1 < sent.end and doc[k].lower_ in ("has", "have", "had") and doc[k + 1].lower_ == "been":
        k += 1                            # "P has been Director of X since 2012"
    verb = doc[k] if k < sent.end else None
    if verb is None or verb.lemma_.lower() not in ("be", "serve", "work", "act"):
        return False
    k += 1
    while k < sent.end and doc[k].lower_ in ("also", "currently", "now", "as", "the", "a", "an", "still"):
        k += 1
    if verb.lemma_.lower() == "work" and k < sent.end and doc[k].lower_ in ("at", "in", "for"):
        m = ctx.mention_at(si, k + 1 if doc[k + 1].lower_ != "the" else k + 2, "Organization")
        if m is not None:
            ctx.add(p.key, "affiliation", m.key, si, 0.75)
            return True
        return False
    j = k
    while j < sent.end and j - k < 6 and (doc[j].lower_ in TITLE_WORDS or doc[j].text == "-" or
                                          doc[j].lower_ in _POST_PREFIX):
        j += 1
    if j == k or j >= sent.end or doc[j].lower_ not in ("of", "at", "in") or \
            not any(doc[x].lower_ in TITLE_WORDS or doc[x].lower_.rstrip("s") in TITLE_WORDS for x in range(k, j)):
        return False
    n = j + 1
    while n < sent.end and doc[n].lower_ == "the":
        n += 1
    m = ctx.mention_at(si, n, "Organization")
    if m is None:
        return False
    ctx.add(p.key, "affiliation", m.key, si, 0.8, doc[k:j].text)
    # "P is Director of the Department of X at ORG in CITY, COUNTRY": the country of the post's place
    last = m
    while last.te + 1 < sent.end and doc[last.te].lower_ in ("at", "of"):
        n = last.te + 1 + (doc[last.te + 1].lower_ == "the")
        nxt = ctx.mention_at(si, n, "Organization")
        if nxt is None:
            break
        last = nxt
    _country_after(ctx, si, last.te, p)
    return True


def _post_before(ctx: Ctx, si: int, p: M) -> bool:
    """"Director of the X Department, Professor P, said ..." """
    doc, sent = ctx.doc, ctx.sents[si]
    k = p.ts - 1
    while k >= sent.start:
        if _is_honorific_tok(doc[k]) or doc[k].text == "." and k > sent.start and _is_honorific_tok(doc[k - 1]):
            k -= 1
        elif doc[k].text == ")" and k - 3 >= sent.start and doc[k - 3].text == "(" and \
                _is_honorific_tok(doc[k - 2]) and doc[k - 1].text == "." or \
                doc[k].text == ")" and k - 2 >= sent.start and doc[k - 2].text == "(" and _is_honorific_tok(doc[k - 1]):
            k = k - 4 if doc[k - 3].text == "(" else k - 3      # "Dr. (Mrs.) P"
        else:
            break
    if k < sent.start:
        return False
    comma = doc[k].text == ","
    if comma:
        c = k - 1
        # "... of X Hospital (XH), Enugu, Prof. P": past the town of an address
        town = ctx.mention_at(si, c, "Place")
        if town is not None and town.ts - 1 > sent.start and doc[town.ts - 1].text == ",":
            c = town.ts - 2
        # "... of X Hospital (XH), Prof. P" / "Chairman, Medical Advisory Committee (MAC), Dr. P"
        if c - 2 > sent.start and doc[c].text == ")" and doc[c - 2].text == "(" and doc[c - 1].text.isupper():
            c -= 3
        org = ctx.mention_at(si, c, "Organization")
    elif k < p.ts - 1:
        # "Dean of the Faculty of Medicine Prof. Dr. P": the organization ends right before the honorifics
        org = next((o for o in ctx.top(si, "Organization") if o.te == k + 1), None)
    else:
        return False
    if org is None:
        return False
    j = org.ts - 1
    while j >= sent.start and doc[j].lower_ == "the":
        j -= 1
    # "the Chairman, Medical Advisory Committee (CMAC), Dr. P": a post and its body separated by a comma
    listed = comma and j > sent.start and doc[j].text == "," and doc[j - 1].lower_ in TITLE_WORDS
    if j < sent.start or doc[j].lower_ not in ("of", "at") and not listed:
        return False
    e = j
    # "The Chief Medical Director (CMD) of X": the post's acronym in brackets
    acr = j - 3 > sent.start and doc[j - 1].text == ")" and doc[j - 3].text == "(" and doc[j - 2].text.isupper()
    if acr:
        j -= 3
    e0 = j
    # (before an acronym the post may have capitalized words of its own: "Chief Medical Director (CMD)")
    while j - 1 >= sent.start and (doc[j - 1].lower_ in TITLE_WORDS or doc[j - 1].text == "-" or acr and
                                   doc[j - 1].text.istitle() and doc[j - 1].pos_ in ("PROPN", "ADJ", "NOUN")):
        j -= 1
    while j < e0 and doc[j].lower_ not in TITLE_WORDS:
        j += 1
    if j == e0 and acr:
        return False
    if j == e or (j > sent.start and doc[j - 1].text not in (",", "by", "and", ":") and doc[j - 1].pos_ != "DET"):
        return False
    # "Q, Deputy Director of X, P, ...": the post is Q's apposition, not P's
    # (without a comma before P, the honorifics tie the post to P: "Q, Dean of X Prof. Dr. P")
    if comma and j - 1 > sent.start and doc[j - 1].text == "," and any(o.te == j - 1 for o in ctx.top(si, "Person")):
        return False
    ctx.add(p.key, "affiliation", org.key, si, 0.75, doc[j:e].text)
    return True


def _delegations(ctx: Ctx, si: int):
    """"a delegation from ORG/COUNTRY, led by P" -> P represents ORG / comes from COUNTRY."""
    doc, sent = ctx.doc, ctx.sents[si]
    for t in sent:
        if t.lemma_.lower() not in ("lead", "head") or t.i + 1 >= sent.end or doc[t.i + 1].lower_ != "by":
            continue
        persons = [p for p in ctx.top(si, "Person") if p.ts > t.i + 1]
        if not persons:
            continue
        p = persons[0]
        if any(x.pos_ in ("VERB",) for x in doc[t.i + 2:p.ts]):
            continue
        head = t.head if t.dep_ in ("acl", "relcl") else None
        group = None
        for k in range(t.i - 1, max(sent.start, t.i - 15) - 1, -1):
            if doc[k].lower_ in ("delegation", "team", "group"):
                group = k
                break
        if group is None and head is None:
            continue
        g = group if group is not None else head.i
        # the leader of a delegation whose visit (or whose event) is reported takes part in it
        ev = next((m.key for m in ctx.all_in(si, "Event") if m.ts <= g < m.te), None)
        if ev is None and ctx.main_event and doc[g].lower_ == "delegation" and \
                re.search(r"\b(visit|delegation)\b", ctx.ents[ctx.main_event].name, re.I):
            ev = ctx.main_event
        if ev is not None:
            ctx.add(ev, "attendee", p.key, si, 0.7)
            if doc[g].lower_ == "delegation":
                ctx.delegates.add(p.key)
            elif group is None:
                # "a one-day course ..., led by A/Prof. P and Ms Q": both lead the event
                q = persons[1] if len(persons) > 1 else None
                if q is not None and doc[p.te].lower_ == "and" and all(
                        _is_honorific_tok(x) or x.text in (".", "and") for x in doc[p.te:q.ts]):
                    ctx.add(ev, "attendee", q.key, si, 0.7)
        src = _group_source(doc, sent, g)
        if src is not None:
            n = src
            while n < sent.end and doc[n].lower_ == "the":
                n += 1
            m = ctx.mention_at(si, n)
            if m is not None and m.type == "Organization":
                ctx.add(p.key, "affiliation", m.key, si, 0.65, "delegation leader")
                c = country_after_org(ctx, si, m.te) or next(
                    (c for c in ctx.all_in(si, "Country") if m.ts < c.ts and c.te == m.te
                     and doc[c.ts - 1].lower_ == "of"), None)
                if c is not None:
                    ctx.add(p.key, "nationality", c.key, si, 0.65)
            elif m is not None and m.type == "Country":
                ctx.add(p.key, "nationality", m.key, si, 0.65)
        if doc[g].lower_ == "delegation" and not any(r.subject == p.key for r in ctx.related("nationality")):
            c = _demonym_before(ctx, si, g)          # "The Uzbek delegation of five was led by P"
            if c is not None:
                ctx.add(p.key, "nationality", c.key, si, 0.65)


def _group_source(doc, sent, g: int) -> int | None:
    """The token after "from"/"of" that names where the group at ``g`` comes from: "delegation from X",
    "delegation of X", "delegation of six nurses from X" (its size and members said first)."""
    n = g + 1
    if n < sent.end and doc[n].lower_ == "of":
        k = n + 1
        while k < sent.end and k - n <= 4 and (doc[k].like_num or doc[k].pos_ in ("ADJ", "NUM")
                                                or doc[k].lower_ in PERSON_NOUNS or doc[k].text == "-"):
            k += 1
        if k > n + 1 and k < sent.end and doc[k].lower_ == "from" and doc[k - 1].lower_ in PERSON_NOUNS:
            n = k
    if n + 1 < sent.end and doc[n].lower_ in ("from", "of"):
        return n + 1
    return None


def country_after_org(ctx: Ctx, si: int, tok: int) -> M | None:
    """The country right after an organization ending at ``tok``: "ORG, COUNTRY", "ORG in COUNTRY",
    "ORG in CITY(, PROVINCE), COUNTRY"."""
    doc, sent = ctx.doc, ctx.sents[si]
    k = tok
    for _ in range(3):
        if k + 1 >= sent.end or doc[k].lower_ not in ("in", "from", ",", "("):
            return None
        k += 1
        while k < sent.end and doc[k].lower_ == "the":
            k += 1
        m = ctx.mention_at(si, k, ("Country", "Place"))
        if m is None:
            return None
        if m.type == "Country":
            return m
        k = m.te
    return None


def _country_after(ctx: Ctx, si: int, tok: int, p: M):
    m = country_after_org(ctx, si, tok)
    if m is not None:
        ctx.add(p.key, "nationality", m.key, si, 0.75)


def _demonym_lists(ctx: Ctx, si: int):
    """"Chinese experts include P1, P2 ..." / "Egyptian surgeon P" -> nationality."""
    doc, sent = ctx.doc, ctx.sents[si]
    persons = ctx.top(si, "Person")
    for t in sent:
        code = demonym_code(t.text) if t.text[:1].isupper() else None
        if code is None:
            continue
        n = t.i + 1
        while n < sent.end and doc[n].pos_ in ("ADJ", "NOUN", "PROPN") and doc[n].lower_ not in PERSON_NOUNS:
            n += 1
            if n - t.i > 4:
                break
        if n >= sent.end or doc[n].lower_ not in PERSON_NOUNS:
            continue
        # "Egyptian surgeon P"
        if n + 1 < sent.end and any(p.ts == n + 1 for p in persons):
            p = next(p for p in persons if p.ts == n + 1)
            ctx.add(p.key, "nationality", country_entity(ctx, code, Span(t.idx, t.idx + len(t))), si, 0.75)
            continue
        k = n + 1
        if k < sent.end and doc[k].lower_ in ("include", "includes", "included", "including", "such", ":", "like",
                                               "are", "were", "namely"):
            k += 1
            if k < sent.end and doc[k].lower_ == "as":
                k += 1
            # the list: persons until a closing bracket, a verb or the end
            for p in persons:
                if p.ts < k:
                    continue
                gap = doc[k:p.ts]
                if any(g.text in (")", ";") or (g.pos_ in ("VERB", "AUX") and g.tag_ != "VBN") for g in gap):
                    break
                country = country_entity(ctx, code, Span(t.idx, t.idx + len(t)))
                ctx.add(p.key, "nationality", country, si, 0.8)
                k = p.te


def _appointments(ctx: Ctx, si: int):
    """"issued the appointment letter of Visiting Professor of ORG to P1, P2" ; "P was appointed (as) T of ORG"."""
    doc, sent = ctx.doc, ctx.sents[si]
    trig = [t for t in sent if t.lemma_.lower() in ("appoint", "appointment")
            or t.lower_ in ("appointment", "appointed")]
    if not trig:
        return
    t = trig[0]
    orgs = [m for m in ctx.top(si, "Organization") if m.ts > t.i]
    if not orgs:
        return
    org = orgs[0]
    title = _title_before(doc, t.i + 1, org.ts, None)
    persons = ctx.top(si, "Person")
    receivers = []
    to = next((k for k in range(org.te, sent.end) if doc[k].lower_ == "to"), None)
    if to is not None:
        receivers = [p for p in persons if p.ts > to]
        if receivers and not all(_is_honorific_tok(x) or x.lower_ == "the" for x in doc[to + 1:receivers[0].ts]):
            receivers = []
    elif t.dep_ in ("ROOT", "relcl", "conj") and any(c.dep_ == "auxpass" for c in t.children):
        receivers = [p for p in persons if p.te <= t.i]
    elif t.pos_ == "VERB":
        receivers = [p for p in persons if t.i < p.ts < org.ts]
    for p in receivers:
        ctx.add(p.key, "affiliation", org.key, si, 0.8, title)
        m = ctx.mention_at(si, p.te + 1) if p.te < sent.end and doc[p.te].text == "(" else None
        if m is not None and m.type == "Country":
            ctx.add(p.key, "nationality", m.key, si, 0.8)
    for p in receivers:
        ctx.appointed.setdefault(p.key, si)


# ---------------------------------------------------------------- attendees
def _persons_in(ctx: Ctx, si: int, tokens: set[int]) -> list[M]:
    return [p for p in ctx.top(si, "Person") if any(k in tokens for k in range(p.ts, p.te))]


def _subtree_ids(tok) -> set[int]:
    return {t.i for t in tok.subtree}


def _event_of(ctx: Ctx, si: int, verb) -> str | None:
    ids = set()
    for c in verb.children:
        if c.dep_ in ("dobj", "prep", "pobj", "attr", "agent", "dative", "advmod", "npadvmod"):
            ids |= _subtree_ids(c)
    for m in ctx.all_in(si, "Event"):
        if any(k in ids for k in range(m.ts, m.te)):
            return m.key
    ev = ctx.all_in(si, "Event")
    if ev:
        return ev[0].key
    return _visitors_visit(ctx, verb) or ctx.paragraph_event(si) or ctx.main_event


#: what the visiting group is called back in a visit report ("The delegation ... was led by P", "The
#: visitors were received by P", "The tour was led by P")
_VISIT_SUBJECTS = {"delegation", "delegations", "guests", "visitors", "visit", "tour"}


def _visitors_visit(ctx: Ctx, verb) -> str | None:
    """The article's one visit event, when the subject of ``verb`` (or of the verb it is joined to) is the
    visiting group or its visit/tour: "The Dutch delegation of six, which arrived on Thursday, was led by
    P1 and included P2" / "The visitors were received by P3" / "The tour was led by P4" tell of the visit,
    not of a seminar held during it that the article names as what was held."""
    visits = [k for k in ctx.by_type("Event") if ctx.ents[k].name.startswith("Visit of ")]
    if len(visits) != 1:
        return None
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and verb.dep_ == "conj":
        subj = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj and subj[0].lower_ in _VISIT_SUBJECTS and any(
            c.dep_ == "det" and c.lower_ in ("the", "our", "this") for c in subj[0].children):
        return visits[0]
    return None


#: people a sentence lists as the cohort of an event ("This year's visiting scholars are P1 and P2")
_COHORT_NOUNS = {"scholars", "fellows", "trainees", "speakers", "lecturers", "faculty", "tutors", "instructors",
                 "participants", "guests", "visitors", "professors", "experts"}


def _joined_by(ctx: Ctx) -> None:
    """"- Dr. P1, ... / - Dr. P2, ... They were joined by Dr. P3, who ...": the people who join "them"
    take part in the event that the people named last before them (within a few sentences) attend."""
    att: dict[str, set[str]] = {}
    for r in ctx.related("attendee"):
        att.setdefault(r.object, set()).add(r.subject)
    for si, sent in enumerate(ctx.sents):
        for t in sent:
            if _lem(t) != "join" or not any(c.dep_ == "nsubjpass" and c.lower_ == "they" for c in t.children) \
                    or _planned_verb(t):
                continue
            agent = {x.i for c in t.children if c.dep_ == "agent" for x in c.subtree}
            joiners = _persons_in(ctx, si, agent)
            if not joiners:
                continue
            for sj in range(si - 1, max(-1, si - 6), -1):
                before = [p.key for p in ctx.top(sj, "Person")]
                if not before:
                    continue
                evs = [e for e in set().union(*(att.get(k, set()) for k in before))
                       if all(e in att.get(k, set()) for k in before)]
                if len(evs) == 1:
                    for p in joiners:
                        ctx.add(evs[0], "attendee", p.key, si, 0.65)
                break


_AMONG_COHORT = re.compile(r"\s*(?:Among|Amongst)\s+(?:the|this\s+year's|our)\s+(?:\S+\s+){0,2}?("
                           r"observers|fellows|scholars|trainees|participants|visitors|guests|residents|students)"
                           r"\s+(?:were|are)\s")


def _cohort_pronoun(ctx: Ctx) -> None:
    """"This year's visiting scholars are P1 and P2. ... Last Thursday they gave the opening lectures of the
    X Course": "they", the subject of a verb of attending whose object names an event, is the cohort listed
    before (no person named in the sentence)."""
    cohort = getattr(ctx, "cohort", None)
    noun = getattr(ctx, "cohort_noun", None)
    if not cohort:
        # "Among the 2024 observers were P1, P2 and P3": a cohort too (the people attend the event they
        # are listed for elsewhere); later "the observers" are they
        for si, sent in enumerate(ctx.sents):
            mt = _AMONG_COHORT.match(sent.text)
            if mt:
                cohort = [p.key for p in ctx.top(si, "Person") if p.start >= sent.start_char + mt.end()]
                noun = mt.group(1).lower()
                # (the event named with the noun: "observers" of the "Observership Programme", "fellows" of
                # the "Fellowship")
                named = [k for k in ctx.by_type("Event") if any(
                    w.startswith(noun[:-1]) for w in ctx.ents[k].name.lower().split())]
                ev = named[0] if len(named) == 1 else ctx.paragraph_event(si) or ctx.main_event
                if ev is not None:
                    for pk in cohort:
                        ctx.add(ev, "attendee", pk, si, 0.6)
                break
    if not cohort:
        return
    for si, sent in enumerate(ctx.sents):
        if ctx.top(si, "Person"):
            # "They were welcomed (at a meeting of the department) by P": P hosts the cohort's event
            for t in sent:
                if _lem(t) in ("welcome", "receive", "greet") and not _planned_verb(t) and any(
                        c.dep_ == "nsubjpass" and c.lower_ == "they" for c in t.children) and si > 0 and \
                        any(pk in {m.key for m in ctx.top(sj, "Person")} for sj in (si - 1, si - 2) if sj >= 0
                            for pk in cohort):
                    # (the parse may hang "by P" on the place: "welcomed at a meeting of X by P")
                    by = next((x.i for x in ctx.doc[t.i + 1:sent.end] if x.lower_ == "by"), None)
                    if by is None or any(x.pos_ == "VERB" for x in ctx.doc[t.i + 1:by]):
                        continue
                    first = next((p for p in ctx.top(si, "Person") if p.ts > by), None)
                    if first is None or any(not (_is_honorific_tok(x) or x.text == ".") for x in ctx.doc[by + 1:first.ts]):
                        continue
                    for p in _with_coordinated(ctx, ctx.top(si, "Person"), [first]):
                        ctx.add(ctx.cohort_event, "attendee", p.key, si, 0.65)
            continue
        for t in sent:
            if not _verb_cue(t) or _planned_verb(t) or not any(
                    c.dep_ == "nsubj" and (c.lower_ == "they" or c.lower_ == noun and any(
                        d.lower_ == "the" for d in c.children)) for c in t.children):
                continue
            ids = {x.i for c in t.children if c.dep_ in ("dobj", "prep") for x in c.subtree}
            ev = next((m.key for m in ctx.all_in(si, "Event") if m.ts in ids), None)
            if ev is not None:
                for pk in cohort:
                    ctx.add(ev, "attendee", pk, si, 0.65)


def _gapped_speakers(ctx: Ctx, si: int, verb, persons: list[M]) -> list[M]:
    """"P1 spoke on X, Dr. P2 on Y, and P3 on Z": the verb left out after the first clause; each later
    person right after a comma or "and" (titles between) and right before "on"/"about", with no other
    verb between, is a speaker too."""
    doc, out = ctx.doc, []
    for p in persons:
        if p.ts <= verb.i or p.te >= ctx.sents[si].end or doc[p.te].lower_ not in ("on", "about"):
            continue
        k = p.ts - 1
        while k > verb.i and (_is_honorific_tok(doc[k]) or doc[k].text == "."):
            k -= 1
        if doc[k].text not in (",", "and", ";") or any(x.pos_ in ("VERB", "AUX") for x in doc[verb.i + 1:p.ts]):
            continue
        out.append(p)
    return out


def _object_is_event(ctx: Ctx, si: int, verb) -> bool:
    ids = set()
    for c in verb.children:
        if c.dep_ in ("dobj", "prep", "pobj", "attr", "dative", "nsubjpass"):
            ids |= _subtree_ids(c)
    if any(m.ts in ids for m in ctx.all_in(si, "Event")):
        return True
    # "taught the trainees bedside skills" (the trainees as indirect object)
    if any(ctx.doc[i].lower_ in GROUP_NOUNS for i in ids if ctx.doc[i].dep_ == "dative") or \
            _lem(verb) in ("teach", "train") and any(ctx.doc[i].dep_ in ("dative", "dobj") and ctx.doc[i].tag_ == "NNS"
                                                     and ctx.doc[i].lower_ in PERSON_NOUNS for i in ids) or \
            any(ctx.doc[i].lower_ in ("trainees", "students", "participants", "learners", "delegates", "graduates")
                for i in ids):
        return True
    # "led by P" modifies the delegation; "P welcomed the delegation"
    if verb.dep_ in ("acl", "relcl") and verb.head.lower_ in GROUP_NOUNS:
        return True
    # "The team included P1 and P2. They were welcomed by P3": "they" are the visitors when the sentence
    # before is about a visiting group
    if _lem(verb) in ("welcome", "receive", "meet") and si > 0 and any(
            c.dep_ in ("nsubjpass", "dobj") and c.lower_ in ("they", "them") for c in verb.children) and any(
            t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.lower_ in GROUP_NOUNS
            for t in ctx.sents[si - 1]):
        return True
    return any(ctx.doc[i].lower_ in GROUP_NOUNS for i in ids if ctx.doc[i].dep_ in ("dobj", "pobj", "nsubjpass"))


def _with_coordinated(ctx: Ctx, persons: list[M], hits: list[M]) -> list[M]:
    """``hits`` and the people joined to one of them by "and" just before it ("Prof. A and Assoc. Prof. B,
    Post of X, signed": a title abbreviation in between can cut A off the parse of the subject)."""
    out = list(hits)
    for p in sorted(persons, key=lambda m: -m.start):
        if p in out:
            continue
        nxt = min((h for h in out if h.start > p.end), key=lambda h: h.start, default=None)
        if nxt is None or any(p.end < h.start < nxt.start for h in persons):
            continue
        gap = ctx.text[p.end:nxt.start].replace(".", " ").split()
        if gap and gap[0].lower() == "and" and all(w.lower() in HONORIFICS or w.lower() in _ITEM_TITLES
                                                   for w in gap[1:]):
            out.append(p)
    return out


def _talks(verb) -> bool:
    """The verb's object is a talk or its content ("presented a poster", "shared the latest advances")."""
    return any(c.dep_ == "dobj" and (c.lower_ in SPEECH_NOUNS or c.lower_ in TALK_OBJECTS) for c in verb.children) \
        or (_lem(verb) == "present" and not any(c.dep_ == "dobj" for c in verb.children)
            and any(c.dep_ == "prep" and c.lower_ in ("on", "about") for c in verb.children))


def _counted_of(prep) -> bool:
    """"of five" in "the delegation of five": a head count, not the body the group belongs to."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objs) and (objs[0].like_num or number_value(objs[0].text) is not None)


def _verb_cue(t) -> bool:
    """Is ``t`` a verb of attending ("attended", "presided", "delivered a speech")?"""
    lem = _lem(t)
    if t.pos_ not in ("VERB", "AUX") or lem not in ATTEND_VERBS:
        return False
    if ATTEND_VERBS[lem]:
        objs = [c for c in t.subtree if c.lower_ in SPEECH_NOUNS]
        return bool(objs) or (lem == "present" and _talks(t))
    return True


#: marks that open the items of a list ("- Prof. X, ...", "• Dr. Y, ...")
_BULLETS = {"-", "•", "–", "*", "·", "●", "▪", "◦"}
#: words of a line that introduces a list of people who take part ("The faculty included:",
#: "Keynote lectures were delivered by invited speakers:")
#: titles before the name that heads an item ("Assoc. Prof.", "Adj. Asst. Prof.")
_ITEM_TITLES = {w.rstrip(".") for w in HONORIFICS} | gz.HONORIFICS | {"adj", "adjunct", "clin", "clinical"}
_LIST_ROLE_WORDS = (ROLE_NOUNS - {"delegation", "guests", "visitors", "experts"}) | {"keynote", "keynotes"}


def _listed_attendees(ctx: Ctx):
    """People heading the items of a list whose introducing line ends in ':' and names their role
    at the event (faculty, speakers, lecturers): they took part in that event (or the reported one)."""
    doc, text = ctx.doc, ctx.text
    for si, sent in enumerate(ctx.sents):
        toks = [t for t in sent if not t.is_space]
        if not toks or toks[-1].text != ":" or not any(t.lower_ in _LIST_ROLE_WORDS for t in toks):
            continue
        evm = ctx.all_in(si, "Event")
        ev = evm[0].key if evm else ctx.main_event
        if ev is None:
            continue
        pos, seen = toks[-1].idx + len(toks[-1].text), False
        for line in text[pos:].split("\n")[1:]:
            start, pos = pos + 1, pos + 1 + len(line)
            item = line.lstrip()
            if not item:
                if seen:                       # a blank line ends the list
                    break
                continue
            if item[0] not in _BULLETS:
                break
            seen = True
            sj = ctx.sent_index(start + len(line) - len(item))
            first = doc.char_span(start + len(line) - len(item), start + len(line), alignment_mode="expand")
            if sj is None or first is None:
                continue
            i = first.start + 1
            while i < first.end and (doc[i].lower_.rstrip(".") in _ITEM_TITLES or doc[i].is_punct
                                     or doc[i].is_space):
                i += 1
            p = next((m for m in ctx.top(sj, "Person") if m.ts == i), None)
            if p is not None:
                ctx.add(ev, "attendee", p.key, sj, 0.75)


#: labels of a programme line that names people by their part in the event ("Operator: Prof. P (ORG)",
#: "Moderators: Dr. A; Dr. B", "Chair: P")
_ROLE_LABEL = re.compile(
    r"(?im)^[ \t]*(?:(?:co-?)?chair(?:s|man|men|person|persons)?|moderators?|operators?|surgeons?|proctors?|"
    r"speakers?|lecturers?|presenters?|panell?ists?|discussants?|commentators?|facilitators?|tutors?|"
    r"instructors?|trainers?|faculty|judges?|hosts?|emcees?|keynote(?:\s+speakers?)?)[ \t]*[:：][^\n]*")


def _role_label_lines(ctx: Ctx):
    """People named on a programme line labelled with their part ("Operator: Prof. P (ORG, City)",
    "Moderators: Dr. A (X); Dr. B (Y)") took part in the reported event."""
    ev = ctx.main_event
    if ev is None:
        return
    spans = [(mt.start(), mt.end()) for mt in _ROLE_LABEL.finditer(ctx.text)]
    if not spans:
        return
    for si in range(len(ctx.sents)):
        for p in ctx.top(si, "Person"):
            a = ctx.doc[p.ts].idx
            if any(s0 < a < s1 for s0, s1 in spans):
                ctx.add(ev, "attendee", p.key, si, 0.75)


#: roles that a person holds in an event itself ("is the scientific secretary of the congress")
_EVENT_ROLES = {"secretary", "president", "chair", "chairman", "chairwoman", "chairperson", "co-chair", "director",
                "coordinator", "organizer", "organiser", "convener", "convenor", "moderator", "host"}


def _attendees(ctx: Ctx):
    doc = ctx.doc
    if not ctx.by_type("Event"):
        return
    visit = bool(ctx.main_event and re.search(r"\b(visit|delegation)\b", ctx.ents[ctx.main_event].name, re.I))
    for si, sent in enumerate(ctx.sents):
        persons = ctx.top(si, "Person")
        if not persons:
            continue
        for t in sent:
            lem = _lem(t)
            # "invited X, Y and experts (... P1, P2) to attend"
            if lem == "invite" and t.pos_ == "VERB":
                goal = next((c for c in t.subtree if c.i > t.i and c.dep_ in ("xcomp", "advcl", "ccomp", "conj")
                             and _lem(c) in INVITE_GOALS), None)
                if goal is not None:
                    ev = _event_of(ctx, si, goal) or ctx.main_event
                    for p in persons:
                        if t.i < p.ts < goal.i:
                            ctx.add(ev, "attendee", p.key, si, 0.8)
                    if any(c.dep_ == "auxpass" for c in t.children):
                        for p in persons:
                            if p.te <= t.i:
                                ctx.add(ev, "attendee", p.key, si, 0.75)
                else:
                    # "The conference invited P1 from X and P2 of Y": the event is the inviter
                    subj = [c for c in t.children if c.dep_ == "nsubj"]
                    evm = [m for m in ctx.all_in(si, "Event") if subj and m.ts <= subj[0].i < m.te]
                    if evm:
                        for p in persons:
                            if p.ts > t.i and not any(x.pos_ == "VERB" for x in doc[t.i + 1:p.ts]):
                                ctx.add(evm[0].key, "attendee", p.key, si, 0.75)
                continue
            # "P1 and P2 served as tutors (of the workshop)"; "P spent three days at X as the speaker of
            # the <event>": any verb, when the role is that of a named event
            if t.pos_ == "VERB":
                role = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "as"
                        for g in c.children if g.dep_ == "pobj"]
                role_ev = None
                if role and lem not in ("serve", "act"):
                    sub = {x.i for x in role[0].subtree}
                    role_ev = next((m.key for m in ctx.all_in(si, "Event") if m.ts in sub and not m.anaphor), None)
                if role and (role[0].lower_ in ROLE_NOUNS | SERVE_ROLES) and (lem in ("serve", "act") or role_ev):
                    ids = {x.i for c in t.children if c.dep_ in ("nsubj", "nsubjpass") for x in c.subtree}
                    ev = role_ev or _event_of(ctx, si, t)
                    for p in _persons_in(ctx, si, ids):
                        ctx.add(ev, "attendee", p.key, si, 0.8)
                if lem in ("serve", "act"):
                    continue
            # "The faculty included P1 and P2" / "The delegation consisted of P1, P2"
            if lem in ("include", "consist", "comprise") and t.pos_ in ("VERB", "AUX"):
                subj = [c for c in t.children if c.dep_ == "nsubj"]
                if not subj and t.dep_ == "conj":
                    # "The delegation of five was led by P0 and included P1 and P2": the subject is shared
                    subj = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                visit_team = bool(subj and subj[0].lower_ == "team" and ctx.main_event
                                  and VISIT_NAME.search(ctx.ents[ctx.main_event].name))
                if subj and (subj[0].lower_ in ROLE_NOUNS or visit_team) \
                        and not ctx.mention_at(si, subj[0].i, "Organization") \
                        and not any(c.lower_ == "of" and c.i < t.i and not _counted_of(c) for c in subj[0].children):
                    evm = [m for m in ctx.all_in(si, "Event") if m.ts in {x.i for x in subj[0].subtree}]
                    ev = evm[0].key if evm else _visitors_visit(ctx, t) or ctx.paragraph_event(si) or ctx.main_event
                    if ev is not None:
                        # "The <demonym> delegation ... included P1 and P2": the members come from its country
                        country = _group_country(ctx, si, subj[0]) if subj[0].lower_ in ("delegation", "team") \
                            else None
                        for p in persons:
                            if p.ts > t.i:
                                ctx.add(ev, "attendee", p.key, si, 0.75)
                                if country is not None and not any(r.subject == p.key
                                                                   for r in ctx.related("nationality")):
                                    ctx.add(p.key, "nationality", country.key, si, 0.6)
                        continue
            # "Welcoming the delegation were P1, Post, and P2, Post": the parser may take the fronted
            # participle for the verb and "were" for its auxiliary; the people after it are the hosts
            if t.tag_ == "VBG" and lem in ("attend", "welcome", "receive", "greet") and t.i == sent.start:
                aux = [c for c in t.children if c.dep_ in ("aux", "auxpass") and _lem(c) == "be" and c.i > t.i]
                if aux:
                    ev = _event_of(ctx, si, t) or ctx.main_event
                    if ev is not None:
                        for p in persons:
                            if p.ts > aux[0].i:
                                ctx.add(ev, "attendee", p.key, si, 0.75)
                    continue
            # "P, Post, is the scientific secretary of the congress": an organizing role of the event
            if lem == "be" and t.pos_ in ("VERB", "AUX"):
                role = [c for c in t.children if c.dep_ == "attr" and c.i > t.i and _lem(c) in _EVENT_ROLES]
                of = [g for c in role for p_ in c.children if p_.dep_ == "prep" and p_.lower_ == "of"
                      for g in p_.children if g.dep_ == "pobj"]
                if of:
                    sub = {x.i for x in of[0].subtree}
                    ev = next((m.key for m in ctx.all_in(si, "Event") if m.ts in sub), None)
                    ids = {x.i for c in t.children if c.dep_ == "nsubj" for x in c.subtree}
                    if ev is not None:
                        for p in _persons_in(ctx, si, ids):
                            ctx.add(ev, "attendee", p.key, si, 0.75)
            # "Experts attending the forum included P1, P2" / "Guests at the ceremony were P1 and P2"
            if lem in ("include", "be") and t.pos_ in ("VERB", "AUX"):
                subj = [c for c in t.children if c.dep_ == "nsubj"]
                sub_ids = {x.i for c in subj for x in c.subtree}
                group = any(doc[i].lower_ in GROUP_NOUNS | {"guests", "attendees", "speakers", "leaders",
                                                             "lecturers", "participants"} for i in sub_ids)
                attends = any(_lem(doc[i]) in ("attend", "participate", "present", "invite") for i in sub_ids) or \
                    any(m.ts in sub_ids for m in ctx.all_in(si, "Event"))
                # "This year's visiting scholars are P1 and P2" / "The invited speakers were P1 and P2": the
                # cohort of the event, which later sentences may call "they"
                cohort = bool(subj) and subj[0].lower_ in _COHORT_NOUNS and any(
                    (c.dep_ == "poss" and c.lower_ in ("year", "edition", "session")) or
                    (c.dep_ == "amod" and c.lower_ in ("visiting", "invited", "confirmed")) for c in subj[0].children)
                if subj and (group and attends or cohort):
                    named = [k for k in ctx.by_type("Event") if subj[0].lower_ in ctx.ents[k].name.lower().split()]
                    ev = next((m.key for m in ctx.all_in(si, "Event") if m.ts in sub_ids), None) or (
                        (named[0] if len(named) == 1 else ctx.paragraph_event(si)) if cohort else None) or \
                        ctx.main_event
                    for p in persons:
                        if p.ts > t.i:
                            ctx.add(ev, "attendee", p.key, si, 0.75)
                    if cohort:
                        ctx.cohort = [p.key for p in persons if p.ts > t.i]
                        ctx.cohort_event, ctx.cohort_noun = ev, subj[0].lower_
                    continue
                # "Attending the meeting were P1 and P2" / "P1 and P2 were present at the meeting"
                kids = list(t.children)
                # ("Welcoming the delegation were P1 and P2": the hosts who received the visitors)
                lead = [c for c in kids if c.dep_ in ("csubj", "advcl", "acomp", "attr") and c.i < t.i
                        and _lem(c) in ("attend", "present", "welcome", "receive", "greet")]
                if lem == "be" and lead:
                    ev = _event_of(ctx, si, lead[0]) or ctx.main_event
                    for p in persons:
                        if p.ts > t.i:
                            ctx.add(ev, "attendee", p.key, si, 0.75)
                    continue
                present = [c for c in kids if c.dep_ in ("acomp",) and c.lower_ == "present"]
                if lem == "be" and present and any(m.ts > t.i for m in ctx.all_in(si, "Event")):
                    ids = {x.i for c in kids if c.dep_ == "nsubj" for x in c.subtree}
                    ev = next(m.key for m in ctx.all_in(si, "Event") if m.ts > t.i)
                    for p in _persons_in(ctx, si, ids):
                        ctx.add(ev, "attendee", p.key, si, 0.75)
                continue
            if lem in ("perform", "operate") and t.pos_ == "VERB" and t.tag_ == "VBD":
                # "On October 22, the X Workshop was held ... Prof. A and Prof. B, Director of the department,
                # jointly performed a mitral valve repair, broadcast live": the operating surgeons of the
                # event named in the sentence or before it in the paragraph (none: no event)
                evs = [m.key for m in ctx.all_in(si, "Event") if not m.anaphor]
                ev = evs[0] if evs else ctx.paragraph_event(si)
                ids = {x.i for c in t.children if c.dep_ == "nsubj" for x in c.subtree}
                if ev is not None and ev != ctx.main_event or evs:
                    for p in _with_coordinated(ctx, persons, _persons_in(ctx, si, ids)):
                        ctx.add(ev, "attendee", p.key, si, 0.7)
                continue
            if not _verb_cue(t):
                continue
            ev = _event_of(ctx, si, t)
            if ev is None:
                continue
            if lem == "sign":       # signers attend a signing, not the conference it happened at
                ev = next((k for k in ctx.by_type("Event") if _SIGNING.search(ctx.ents[k].name)), None)
                if ev is None:
                    continue
            if lem in WEAK_VERBS and not _object_is_event(ctx, si, t) and not (
                    lem in ("present", "share", "report", "compare", "describe", "review") and _talks(t)) and not (
                    _guests_received(t) and VISIT_NAME.search(ctx.ents[ev].name)) and not (
                    lem in ("lead", "head", "host") and _visitors_visit(ctx, t) == ev):
                continue
            passive = any(c.dep_ == "auxpass" for c in t.children)
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            agent = [c for c in t.children if c.dep_ == "agent"]
            ids: set[int] = set()
            for c in subj + agent:
                ids |= _subtree_ids(c)
            if agent:
                # "signed by P1, Post of A, and P2, Post of B": a parse may hang P2 on the verb itself
                for c in t.children:
                    if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") and c.i > agent[0].i:
                        ids |= _subtree_ids(c)
            ids &= set(range(sent.start, sent.end))
            if passive and lem in ("attend", "address", "chair", "host", "preside", "witness") and not agent:
                ids = set()
            if not ids and t.dep_ in ("conj", "xcomp", "advcl") and t.head.pos_ in ("VERB", "AUX") \
                    and sent.start <= t.head.i < sent.end:
                for c in t.head.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        ids |= _subtree_ids(c)
            if not ids and (t.dep_ == "ROOT" or not (sent.start <= t.head.i < sent.end)):
                ids = set(range(sent.start, t.i))
            # a relative clause's own subject is the noun it modifies: "experts who attended"
            if t.dep_ == "relcl":
                ids |= {t.head.i} | _subtree_ids(t.head)
            # a finite verb mis-attached to the person before it ("..., and P, President of X, signed")
            if t.dep_ == "acl" and t.tag_ in ("VBD", "VBN") and doc[t.i - 1].text == "," and \
                    not any(c.dep_ == "agent" or c.lower_ == "by" for c in t.children) and \
                    ctx.mention_at(si, t.head.i, "Person") is not None:
                m = ctx.mention_at(si, t.head.i, "Person")
                ids |= set(range(m.ts, m.te))
            if not _persons_in(ctx, si, ids) and subj and ctx.mention_at(si, subj[0].i, ("Place", "Country")):
                # "Dr. P from X Hospital, Manila, the Philippines spoke on ...": the parse takes the country
                # closing P's apposition for the subject; the speaker is the person it follows
                before = [p for p in persons if p.te <= subj[0].i]
                if before and not any(x.pos_ in ("VERB", "AUX") or x.text in (";", ":")
                                      for x in doc[before[-1].te:subj[0].i]):
                    ids |= set(range(before[-1].ts, before[-1].te))
            hits = _with_coordinated(ctx, persons, _persons_in(ctx, si, ids))
            if hits and lem in ("speak", "lecture", "report", "talk"):
                hits += _gapped_speakers(ctx, si, t, persons)
            for p in hits:
                ctx.add(ev, "attendee", p.key, si, 0.85)
        _scene_subjects(ctx, si, sent, persons)
        _acts_at_event(ctx, si, sent, persons)
        # "P, chairman of the conference" / "P ... at the opening ceremony"
        for p in persons:
            a, b = _segment(ctx, si, p)
            for m in ctx.all_in(si, "Event"):
                if a <= m.ts and m.te <= b and _has_title(doc, a, m.ts):
                    ctx.add(m.key, "attendee", p.key, si, 0.75)
            # "P, a trainee from X," / "P, one of the trainees,"
            seg = [x.lower_ for x in doc[a:min(b, a + 5)]]
            if ctx.main_event and seg and (seg[0] in ("a", "an") and len(seg) > 1 and seg[1] in PARTICIPANT_ROLES or
                                           seg[:3] == ["one", "of", "the"] and len(seg) > 3 and
                                           seg[3] in PARTICIPANT_ROLES):
                ctx.add(ctx.main_event, "attendee", p.key, si, 0.65)
            # "One of the participants, Dr. P, a registrar at X, said the workshop ...": the event the
            # sentence names, else the one its paragraph is about
            k = p.ts - 1
            while k > sent.start and (_is_honorific_tok(doc[k]) or doc[k].text in (".", "(", ")")):
                k -= 1
            if k - 4 >= sent.start and doc[k].text == "," and doc[k - 1].lower_ in PARTICIPANT_ROLES and \
                    [x.lower_ for x in doc[k - 4:k - 1]] == ["one", "of", "the"]:
                ev = next((m.key for m in ctx.all_in(si, "Event")), None) or ctx.paragraph_event(si) or \
                    ctx.main_event
                if ev is not None:
                    ctx.add(ev, "attendee", p.key, si, 0.65)
                    # a graduate of a graduation took part in the programme graduated from
                    if doc[k - 1].lower_.startswith("graduate") and ctx.graduated_from(ev):
                        ctx.add(ctx.graduated_from(ev), "attendee", p.key, si, 0.6)
            # "P, Head of X and chair of the organizing committee": the event's own committee
            if ctx.main_event and b - a >= 4 and any(
                    doc[k].lower_ in ("committee", "committees") and doc[k - 1].lower_ in _EVENT_COMMITTEE
                    and doc[k].text.islower() for k in range(a + 3, b)):
                ctx.add(ctx.main_event, "attendee", p.key, si, 0.65)
            # "P, a member of the delegation, said"
            if visit and b - a >= 3 and any(doc[k].lower_ in ("delegation", "delegations") and
                                            doc[k - 1].lower_ in ("the", "our", "visiting") and
                                            doc[k - 2].lower_ == "of" for k in range(a + 2, b)):
                ctx.add(ctx.main_event, "attendee", p.key, si, 0.7)
    _group_leaders(ctx)
    # people who received an appointment during the event
    if ctx.main_event:
        for pk, si in ctx.appointed.items():
            ctx.add(ctx.main_event, "attendee", pk, si, 0.55)


#: "Also at the reception were P1, Post; P2, Post; and P3" / "Present at the ceremony were P1 and P2" /
#: "Among the participants was Dr. P, a registrar at X"
_PRESENT_AT = re.compile(
    r"\s*(?:(?:also\s+)?(?:present\s+)?at\s+(?:the|this|that)\s+(?:[\w’'-]+\s+){0,3}?(?:"
    + "|".join(EVENT_NOUNS) + r"|reception|dinner|banquet|luncheon|launch|opening|signing|visit|meeting)s?"
    r"|among\s+(?:the|its|our)\s+(?:[\w’'-]+\s+){0,2}?(?:" + "|".join(sorted(ROLE_NOUNS | PARTICIPANT_ROLES))
    + r"))\s*,?\s+(?:were|was)\s", re.I)


def _present_at(ctx: Ctx) -> None:
    """"Also at the reception were P1; P2; and P3": a sentence that opens with the occasion and "were"
    lists the people present at it; they attend the event named there, else the reported event (a
    reception during a mission is part of it)."""
    if ctx.main_event is None:
        return
    for si, sent in enumerate(ctx.sents):
        mt = _PRESENT_AT.match(sent.text)
        if mt is None:
            continue
        end = sent.start_char + mt.end()
        persons = [p for p in ctx.top(si, "Person") if p.start >= end]
        if not persons:
            continue
        ev = next((m.key for m in ctx.all_in(si, "Event") if m.start < end), None) or \
            ctx.paragraph_event(si) or ctx.main_event
        for p in persons:
            ctx.add(ev, "attendee", p.key, si, 0.75)


#: "The workshop, coordinated by Dr. P, will ..." / "The session was moderated (facilitated) by P"
_RUN_BY = re.compile(r"\b(?:co-?)?(?:coordinated|co-ordinated|moderated|facilitated|chaired|directed|convened|led|"
                     r"headed|opened|inaugurated)\s+(?:jointly\s+)?"
                     # "was opened on Monday 11 August by P"
                     r"(?:(?:on|in)\s+(?:the\s+)?[\w ]{1,30}?\s+)?by\s+", re.I)
#: what stands before the next name of a list of people: "P, Post, and Q", "P and Q", "P, Post, Q"
_LIST_NEXT = re.compile(r"(?:,|\band)\s*$")
_RUN_BY_GAP = {",", "was", "were", "is", "are", "will", "be", "been", "being", "has", "had", "have", "jointly",
               "officially", "formally"}


def _event_run_by(ctx: Ctx) -> None:
    """"The workshop, coordinated by Dr. P, will combine ..." / "The forum was moderated by P": the
    person who coordinates, moderates or chairs an event right before the participle takes part in it."""
    text, doc = ctx.text, ctx.doc
    last = None                               # (sentence, event) of the last participle read
    for mt in _RUN_BY.finditer(text):
        si = ctx.sent_index(mt.start())
        if si is None:
            continue
        if last is not None and last[0] == si and _AND_BEFORE.search(text, max(0, mt.start() - 40), mt.start()):
            ev = last[1]                      # "was opened by P, Post, and directed by Q": the same event
        else:
            last = None
            evs = [m for m in ctx.all_in(si, "Event") if m.end <= mt.start()]
            if not evs:
                continue
            ev = max(evs, key=lambda m: m.end)
            if not all(x.lower_ in _RUN_BY_GAP for x in doc[ev.te:ctx.doc.char_span(
                    mt.start(), mt.end(), alignment_mode="expand").start]):
                continue
        last = (si, ev)
        p = next((m for m in ctx.top(si, "Person") if m.start >= mt.end()), None)
        if p is not None and all(w.lower() in gz.HONORIFICS for w in
                                 text[mt.end():p.start].replace(".", " ").replace("(", " ").replace(")", " ").split()):
            ctx.add(ev.key, "attendee", p.key, si, 0.75)
            # "opened by Mr P, Director General of X, Pr Q, Dean of Y, and Pr R, head of Z": the whole list
            for q in ctx.top(si, "Person"):
                if q.start <= p.start:
                    continue
                lead = text[:q.start].rstrip()
                words = lead.split()
                while words and words[-1].lower().strip(".") in gz.HONORIFICS:
                    words.pop()
                    lead = lead[:lead.rfind(" ")].rstrip() if " " in lead else ""
                if not _LIST_NEXT.search(lead) or re.search(r"[.;:!?]|\b(?:by|with|who|which|while|whom)\b",
                                                             text[p.end:q.start].split(",")[-1] if "," in
                                                             text[p.end:q.start] else ""):
                    break
                ctx.add(ev.key, "attendee", q.key, si, 0.7)


_AND_BEFORE = re.compile(r",?\s+and\s+(?:(?:was|were|is|are)\s+)?(?:then\s+|later\s+|jointly\s+)?\Z")


#: a meeting at which staff back from study elsewhere report ("Report Meeting on Overseas Advanced Study")
_REPORT_MEETING = re.compile(r"\breport(?:ing)?\s+(?:meeting|session|conference)\b", re.I)
_RETURNED = re.compile(r"\b(?:returned|came\s+back|back)\s+from\b|\breturnees?\b", re.I)
_STUDY_LEMMAS = {"study", "learn", "spend", "complete", "train", "undergo"}
_SELECTED_UNDER = re.compile(r"\bselected\b[^.]{0,80}?\b(?:under|for|by)\b", re.I)


def _report_meeting_returnees(ctx: Ctx) -> None:
    """A report meeting of staff back from study elsewhere ("Seven doctors who had returned from ...
    reported"), whose later paragraphs tell each reporter's stay ("Dr. P, Post, spent twelve months in X,
    where he studied A"; "Dr. Q studied B at Y"; "completed a fellowship in C"): the people who studied
    are the reporters, attend the meeting and the program they were selected under, and the fields
    they studied are the topics of both."""
    main = ctx.main_event
    if main is None or not _REPORT_MEETING.search(ctx.ents[main].name) or not _RETURNED.search(ctx.text):
        return
    doc = ctx.doc
    programs = []
    for si, sent in enumerate(ctx.sents):
        if _SELECTED_UNDER.search(sent.text):
            programs += [m.key for m in ctx.all_in(si, "Event") if not m.anaphor and m.key != main]
    events = [main] + list(dict.fromkeys(programs))
    for si, sent in enumerate(ctx.sents):
        persons = ctx.top(si, "Person")
        if not persons:
            continue
        found = []
        for t in sent:
            if t.pos_ != "VERB" or _lem(t) not in _STUDY_LEMMAS or _planned_verb(t):
                continue
            ids = {x.i for c in t.children if c.dep_ == "nsubj" for x in c.subtree}
            found += [p for p in _persons_in(ctx, si, ids) if p not in found]
        if not found:
            continue
        blocked = [(m.ts, m.te) for m in ctx.top(si, ("Organization", "Person", "Event"))]
        blocked += [_segment(ctx, si, p) for p in persons]
        fields = [m for m in ctx.top(si, "Specialty") if not any(a <= m.ts and m.te <= b for a, b in blocked)]
        for ev in events:
            for p in found:
                ctx.add(ev, "attendee", p.key, si, 0.6)
            for f in fields:
                ctx.add(ev, "about", f.key, si, 0.6)


def _planned_verb(t) -> bool:
    """"will study", "plans to learn": not what the reporter did."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "would", "to") for c in t.children)


#: "The faculty was led by P": the leader of a role group takes part too
_LED_BY = re.compile(r"\b(" + "|".join(sorted(ROLE_NOUNS)) + r")\s+(?:was|were|is|are)\s+(?:led|headed|chaired)\s+by\s+",
                     re.I)


#: "Sessions were led by P" / "The lectures were given by P": the parts of an event and who taught them
_PARTS_LED_BY = re.compile(r"\b(?:sessions|lectures|classes|lessons|workshops|demonstrations|practicals|tutorials)\s+"
                           # "Sessions on safe obstetric anaesthesia were taught by P"
                           r"(?:(?:on|about)\s+(?:[\w’'-]+\s+){1,6}?)?"
                           r"(?:was|were|are)\s+(?:(?:all|mainly|also|jointly)\s+)?(?:led|given|taught|conducted|"
                           r"delivered|run|moderated|chaired)\s+by\s+", re.I)


def _group_leaders(ctx: Ctx) -> None:
    """"The faculty was led by P, ..." / "The speakers were chaired by P": P attends the event named on
    that line, else the reported event (the members of a listed faculty: :func:`_listed_attendees`)."""
    text = ctx.text
    persons = sorted((m for ms in ctx.mentions for m in ms if m.type == "Person" and not m.inner),
                     key=lambda m: m.start)
    events = [m for ms in ctx.mentions for m in ms if m.type == "Event" and not m.anaphor]
    for mt in _LED_BY.finditer(text):
        nl = text.find("\n", mt.end())
        end = len(text) if nl < 0 else nl
        p = next((m for m in persons if mt.end() <= m.start < end), None)
        if p is None or not all(w.lower() in HONORIFICS for w in text[mt.end():p.start].replace(".", " ").split()):
            continue
        line_start = text.rfind("\n", 0, mt.start()) + 1
        ev = next((m.key for m in events if line_start <= m.start < mt.start()), ctx.main_event)
        if ev is not None:
            ctx.add(ev, "attendee", p.key, ctx.sent_index(p.start), 0.75)
    # "Sessions were led by P1, Post, and his team, and by P2, ...": whoever taught a part of the event
    for mt in _PARTS_LED_BY.finditer(text):
        si = ctx.sent_index(mt.start())
        if si is None:
            continue
        named = [m for m in ctx.all_in(si, "Event") if m.start < mt.start()]
        ev = named[-1].key if named else ctx.paragraph_event(si) or ctx.main_event
        if ev is None:
            continue
        end = ctx.sents[si].end_char
        for by in re.finditer(r"\bby\s+", text[mt.end() - 3:end]):
            at = mt.end() - 3 + by.end()
            p = next((m for m in persons if at <= m.start < end), None)
            if p is not None and all(w.lower() in HONORIFICS for w in text[at:p.start].replace(".", " ").split()):
                ctx.add(ev, "attendee", p.key, si, 0.75)


_IN_OCCASIONS = {"ceremony", "ceremonies", "session", "sessions", "reception", "banquet"}


def _scene_subjects(ctx: Ctx, si: int, sent, persons: list[M]):
    """"At the opening ceremony, P congratulated ..." / "In his speech, P said ...": P was there."""
    doc = ctx.doc
    for t in sent:
        if t.dep_ != "prep" or t.lower_ not in ("at", "during", "in") or t.head.pos_ not in ("VERB", "AUX"):
            continue
        obj = [c for c in t.children if c.dep_ == "pobj"]
        if not obj:
            continue
        ids = {x.i for x in obj[0].subtree}
        ev = next((m.key for m in ctx.all_in(si, "Event") if m.ts in ids), None)
        speech = t.lower_ == "in" and obj[0].lower_ in SPEECH_NOUNS and \
            any(c.lower_ in ("his", "her", "their", "the") for c in obj[0].children)
        if ev is None and not (speech and ctx.main_event):
            continue
        # "In the opening ceremony, P said ...": a ceremony or session is an occasion one is present at
        occasion = ev is not None and obj[0].lower_ in _IN_OCCASIONS
        if t.lower_ == "in" and not speech and not occasion:
            continue
        verb = t.head
        subj = {x.i for c in verb.children if c.dep_ in ("nsubj",) for x in c.subtree}
        if ev is None and any(c.lower_ in ("welcoming", "welcome") for c in obj[0].children):
            # "In her welcoming remarks, P said": the host welcomes the guests of the article's one visit
            visits = [k for k in ctx.by_type("Event") if ctx.ents[k].name.startswith("Visit of ")]
            ev = visits[0] if len(visits) == 1 else None
        for p in persons:
            if p.ts in subj:
                ctx.add(ev or ctx.main_event, "attendee", p.key, si, 0.75)


#: event nouns of a lead phrase "Speaking at the opening ceremony, P said"
_SCENE_NOUNS = {"ceremony", "opening", "closing", "forum", "conference", "meeting", "symposium", "workshop",
                "course", "session", "event", "seminar", "congress", "class", "signing", "banquet", "reception",
                "launch", "summit", "visit", "symposia", "training", "inauguration"}
_SCENE_LEAD = {"speaking", "addressing", "presiding", "opening", "closing", "welcoming"}
#: things handed over at a ceremony ("presented certificates to the trainees")
_HANDED = {"certificate", "certificates", "diploma", "diplomas", "award", "awards", "prize", "prizes", "flag",
           "flags", "plaque", "plaques", "medal", "medals", "trophy", "trophies", "souvenir", "souvenirs", "gift",
           "gifts", "banner", "banners"}


def _scene_event(ctx: Ctx, si: int, a: int, b: int) -> str | None:
    """The event named in tokens a..b: an Event mention there, else the reported event when an event noun is."""
    ev = next((m.key for m in ctx.all_in(si, "Event") if a <= m.ts < b), None)
    if ev is None and any(ctx.doc[k].lower_ in _SCENE_NOUNS for k in range(a, b)):
        ev = ctx.main_event
    return ev


def _acts_at_event(ctx: Ctx, si: int, sent, persons: list[M]):
    """Acts that put the person at the reported event, read from the words right after the person and
    the appositive post (the parse of such long appositions is unreliable):
    "Speaking at the opening ceremony, P said ..."; "P, Director of X, opened the symposium / introduced the
    hospital's history / performed a live thrombectomy / presented certificates to the trainees / made a
    statement / shared experience in ..."; "presided over the ceremony together with P"; "signed ... in the
    presence of P". A person who only "said" something is left alone (a press statement is no attendance)."""
    doc = ctx.doc
    if not ctx.main_event and not ctx.all_in(si, "Event"):
        return
    visit = bool(ctx.main_event and re.search(r"\b(visit|delegation)\b", ctx.ents[ctx.main_event].name, re.I))
    words = [t.lower_ for t in sent]
    s0 = sent.start
    # "Speaking at the opening ceremony, P ..." (the first person after the lead phrase)
    if words and words[0] in _SCENE_LEAD and "," in words[:12]:
        c = s0 + words.index(",")
        ev = _scene_event(ctx, si, s0, c)
        first = next((p for p in persons if p.ts > c), None)
        if ev is not None and first is not None and not any(
                doc[k].pos_ in ("VERB", "AUX") and doc[k].tag_ not in ("VBG", "VBN") for k in range(c + 1, first.ts)):
            ctx.add(ev, "attendee", first.key, si, 0.75)
    for p in persons:
        # "... together with P" / "... in the presence of P" after an act at the event
        pre = [x.lower_ for x in doc[max(s0, p.ts - 6):p.ts] if not _is_honorific_tok(x) and x.text != "."]
        if pre[-2:] == ["together", "with"] or pre[-4:] == ["in", "the", "presence", "of"]:
            # ("She presented the certificates together with Dr. P": a hand-over at the ceremony)
            acts = [t for t in doc[s0:p.ts] if _verb_cue(t) or _lem(t) == "sign" or
                    _lem(t) in ("present", "award", "hand", "issue") and t.pos_ == "VERB" and any(
                        c.dep_ == "dobj" and c.lower_ in _HANDED for c in t.children)]
            if acts:
                ev = _scene_event(ctx, si, s0, p.ts) or ctx.main_event
                if _lem(acts[0]) == "sign" or _SIGNING.search(" ".join(words[:p.ts - s0])) and \
                        not _SIGNING.search(ctx.ents[ev].name if ev else ""):
                    ev = next((k for k in ctx.by_type("Event") if _SIGNING.search(ctx.ents[k].name)), ev)
                if ev is not None:
                    ctx.add(ev, "attendee", p.key, si, 0.7)
                    # "She presented the certificates together with P": she, the one person named in the
                    # sentence before, acts with P
                    if any(c.dep_ == "nsubj" and c.lower_ in ("he", "she") and c.i < p.ts for c in acts[0].children) \
                            and si > 0:
                        before = {m.key for m in ctx.top(si - 1, "Person")}
                        if len(before) == 1:
                            ctx.add(ev, "attendee", before.pop(), si, 0.65)
            continue
        # the verb right after the person (and the post)
        a, b = _segment(ctx, si, p)
        k = b if b > a else p.te
        # a finite verb the parser took into the apposition ("P, a physician at X, shared experience")
        k = next((j for j in range(a + 1, b) if doc[j - 1].text == "," and doc[j].tag_ in ("VBD", "VBN")
                  and j + 1 < sent.end and doc[j + 1].lower_ != "by"), k)
        # "P from ORG (in COUNTRY) reported on ...": the body and its place before the verb
        if b <= a:
            for preps, types in ((("from", "of", "at"), ("Organization",)), (("in",), ("Country", "Place"))):
                if k + 1 < sent.end and doc[k].lower_ in preps:
                    j = k + 2 if doc[k + 1].lower_ == "the" else k + 1
                    m = next((x for t in types for x in ctx.top(si, t) if x.ts == j), None)
                    if m is not None:
                        k = m.te
        while k < sent.end and doc[k].text == ",":
            k += 1
        if k >= sent.end - 1 or doc[k].pos_ not in ("VERB", "AUX") or doc[k].tag_ not in ("VBD", "VBZ", "VBP", "VBN") \
                or doc[k + 1].lower_ == "by":
            continue
        # the person is the subject: the sentence opens with them or with a lead phrase ending in a comma
        # (or with "and" after a list's comma or semicolon: "...; and P, head nurse of X, reported on ...")
        if p.ts > s0 and not (doc[p.ts - 1].text in (",", ";") or _is_honorific_tok(doc[p.ts - 1]) or
                              doc[p.ts - 1].lower_ in ("president", "director", "dean", "professor") or
                              doc[p.ts - 1].lower_ == "and" and p.ts - 1 > s0 and doc[p.ts - 2].text in (",", ";")):
            continue
        v, nxt = _lem(doc[k]), doc[k + 1].lower_
        rest = [x.lower_ for x in doc[k + 1:min(sent.end, k + 8)]]
        ev = None
        if v in ("open", "close", "inaugurate") and (
                nxt in ("the", "this") and len(rest) > 1 and rest[1] in _SCENE_NOUNS | {"ceremony"}
                or any(m.ts == k + 1 or m.ts == k + 2 for m in ctx.all_in(si, "Event"))):
            ev = _scene_event(ctx, si, k + 1, min(sent.end, k + 12))
        elif v == "introduce" and nxt not in ("a", "an", "new") and ctx.mention_at(si, k + 1, "Person") is None:
            ev = ctx.main_event
        elif v == "perform" and ("live" in rest[:3] or any(w in ("demonstration", "demonstrations") for w in rest)):
            ev = ctx.main_event
        elif v in ("present", "award", "hand", "issue") and any(w in _HANDED for w in rest[:3]):
            ev = ctx.main_event
        elif v == "make" and any(w in ("statement", "speech", "remarks", "address") for w in rest[:3]):
            ev = ctx.main_event
        elif v == "share" and any(w in TALK_OBJECTS for w in rest[:3]):
            ev = ctx.main_event
        elif v in ("report", "speak", "talk", "lecture") and nxt in ("on", "about") or \
                v in ("share", "explain", "describe") and nxt in ("how", "why"):
            # "P, head nurse of X, reported on ..."; "P from Y shared how ...": a talk at the reported event
            ev = ctx.main_event
        elif v == "exchange" and nxt == "views" and visit:
            ev = ctx.main_event
        elif v in _TEACH_VERBS and _training(ctx) and nxt not in ("that", "to"):
            # "P, chief physician of X, explained the assessment of ... / guided the trainees": teaching
            # at a course, class or workshop
            ev = ctx.main_event
        if ev is not None:
            ev = next((m.key for m in ctx.all_in(si, "Event") if m.ts > k), ev)
            ctx.add(ev, "attendee", p.key, si, 0.7)
            # "P1, Director of X, and Prof. P2 guided the trainees": P1 is of the subject too
            for q in persons:
                if q.te <= p.ts:
                    qa, qb = _segment(ctx, si, q)
                    gap = [t.lower_ for t in doc[max(qb, q.te):p.ts] if not _is_honorific_tok(t) and t.text != "."]
                    if gap in (["and"], [",", "and"]):
                        ctx.add(ev, "attendee", q.key, si, 0.65)


#: what a teacher does at a course ("explained the standardized assessment", "guided the trainees")
_TEACH_VERBS = {"explain", "demonstrate", "teach", "guide", "instruct", "tutor", "mentor", "supervise"}


def _training(ctx: Ctx) -> bool:
    """Is the article's main event a course, class, workshop or training programme?"""
    ev = ctx.main_event
    return ev is not None and gz.EVENT_FAMILY.get(head_noun(ctx.ents[ev].name)) == "training"


def quoted_participants(ctx: Ctx):
    """Quoted people whose country is a participant country of the event are taken as trainees."""
    ev = ctx.main_event
    if ev is None:
        return
    pcs = {r.object for r in ctx.related("participantCountry") if r.subject == ev}
    attending = {r.object for r in ctx.related("attendee")}
    host = ctx.own_hospital
    for r in ctx.related("nationality"):
        if r.subject in attending or r.object not in pcs:
            continue
        if host and ctx.has(r.subject, "affiliation", host):
            continue
        ctx.add(ev, "attendee", r.subject, None if r.evidence is None else ctx.sent_index(r.evidence.start), 0.5)

