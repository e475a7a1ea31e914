"""Organization relations stated in sentences: parentOrganization, location, specialty.

* parentOrganization: "X (is) affiliated to/with Y", "X under Y", "X, a department of Y"
  (not "a member unit of Y": membership is not a parent), units named together in a person's
  post before "at/of Y" ("Director of the A and B at our hospital"), and training bases or
  centres a body serves as ("as the A Base and B Base, Y has ..."; "Y serves as the A Centre").
  Name structure "A Training Base" named after a body of the article ("<Body> Training Base").
* location (Organization -> Place): "ORG is located/based in PLACE", "as one of the top
  hospitals in PLACE, ORG ...", "ORG has become the earliest ... in PLACE", and bodies whose
  own name ends in "of <Province/City>".
* specialty: specialties named in the organization's own name (longest gazetteer match, so a
  "Digestive Endoscopy" base is not also "endoscopy"); "the S specialty of ORG"; and, in a
  profile article without events, the specialties the profiled unit practises.
"""

from __future__ import annotations

import re

from medkg.ingest import gazetteer as gz
from medkg.ingest.gazetteer import ORG_RANK, funding_body
from medkg.ingest.rel_context import SIGN_NAME, VISIT_NAME, Ctx, M, accompanying_cue, head_noun
from medkg.ingest.rel_events import _surfaces, longest_matches
from medkg.ingest.rel_people import _segment

UNIT_HEADS = {"department", "center", "centre", "office", "division", "branch", "team", "section", "unit",
              "ward", "laboratory", "lab", "base", "group", "institute", "clinic", "committee", "bureau",
              "school", "program", "station"}
PARENT_HEADS = {"hospital", "university", "college", "academy", "association", "society", "ministry",
                "commission", "government", "institute", "alliance", "federation", "school", "center", "centre",
                "foundation", "administration", "council"}
#: units that "<unit> at <institution>" places inside the institution ("Department of Urology at X Hospital")
_AT_UNITS = {"department", "division", "center", "office", "section", "unit", "ward", "laboratory", "lab", "team",
             "clinic", "program", "school", "faculty", "institute"}
_SPEC_NOUNS = {"specialty", "speciality", "discipline", "department", "field", "profession", "subspecialty"}


#: "X University Hospital Centre", "Y Medical Center": a hospital named as a center, no unit
_HOSPITAL_CENTER = re.compile(r"\b(?:Hospital|Medical)\s+Cent(?:er|re)$", re.I)


def _head(ctx: Ctx, key: str) -> str:
    name = ctx.ents[key].name
    if _HOSPITAL_CENTER.search(name):
        return "hospital"
    if gz.UNIVERSITY_FIRST.match(name):
        return "university"             # "Universiti X", "Universidad de X", "Université X"
    return head_noun(name).replace("centre", "center")


#: ", one of the five hospitals of", ", a member hospital of", ", part of", ", a teaching hospital of"
_MEMBER_OF = re.compile(r"^\s*,\s*(?:one\s+of\s+the\s+(?:\w+\s+)?(?:hospitals|campuses|sites|institutes|"
                        r"cent(?:er|re)s|clinics|member\s+(?:hospitals|institutions))|(?:a|the)\s+(?:member|teaching|"
                        r"affiliated|constituent)\s+(?:hospital|institution|college|unit)|(?:a\s+)?part)"
                        r"\s+of\s+(?:the\s+)?$", re.I)


#: units named before their university after a comma ("Faculty of Medicine, X University")
_SCHOOL_HEADS = {"faculty", "school", "college", "department", "institute", "center", "hospital"}


def _member_of(ctx: Ctx, si: int, sent) -> None:
    """"A Hospital, one of the four hospitals of B": A belongs to B (also "a member hospital of B",
    "part of B")."""
    orgs = [m for m in ctx.all_in(si, "Organization") if not m.anaphor]
    for a in orgs:
        # (the innermost name ending there: "the Department of X of the [Y Hospital], one of ...")
        if any(o.te == a.te and o.ts > a.ts for o in orgs):
            continue
        b = min((o for o in orgs if o.ts >= a.te and o.key != a.key), key=lambda o: (o.ts, -o.te), default=None)
        if b is not None and b.ts - a.te <= 12 and _MEMBER_OF.match(ctx.text[a.end:b.start]):
            ctx.add(a.key, "parentOrganization", b.key, si, 0.75)
        elif b is not None and ctx.text[a.end:b.start] == ", " and _head(ctx, a.key) in _SCHOOL_HEADS \
                and _head(ctx, b.key) in ("university", "hospital", "college") and _head(ctx, a.key) != _head(ctx, b.key) \
                and not (b.te < sent.end and ctx.doc[b.te].lower_ in ("and", "&", "or")) \
                and not (a.ts > sent.start and ctx.doc[a.ts - 1].text == ","):
            # "Head of the Department of X of the Faculty of Medicine, Universiti Y": the faculty is Y's
            ctx.add(a.key, "parentOrganization", b.key, si, 0.7)


def find_org_relations(ctx: Ctx) -> None:
    for si, sent in enumerate(ctx.sents):
        _member_of(ctx, si, sent)
        _parents(ctx, si, sent)
        _org_locations(ctx, si, sent)
        _specialty_phrases(ctx, si, sent)
    _parents_from_names(ctx)
    _locations_from_names(ctx)
    _specialties_from_names(ctx)
    _profile_specialties(ctx)
    _visit_host_units(ctx)
    _home_units(ctx)


_HOST_UNIT_HEADS = {"department", "office", "division", "ward", "section", "unit", "team", "center", "centre",
                    "laboratory", "lab"}


def _visit_host_units(ctx: Ctx) -> None:
    """In a visit report, a unit named without its institution ("toured the Department of X",
    "Director of the International Exchange Office, received the delegation") belongs to the
    visited host, unless its sentence names another institution that may own it."""
    visits = {k for k in ctx.by_type("Event") if VISIT_NAME.search(ctx.ents[k].name)
              and not SIGN_NAME.search(ctx.ents[k].name)}
    if not visits:
        return
    hosts = {r.object for r in ctx.related("organizer") if r.subject in visits
             and head_noun(ctx.ents[r.object].name).replace("centre", "center") not in UNIT_HEADS}
    if len(hosts) != 1:
        return
    host = next(iter(hosts))
    guest = _visit_guest(ctx, visits)
    has_parent = {r.subject for r in ctx.related("parentOrganization")}
    for k in ctx.by_type("Organization"):
        if k == host or k in has_parent or _head(ctx, k) not in _HOST_UNIT_HEADS:
            continue
        sis = [si for si, ms in enumerate(ctx.mentions) for m in ms if m.key == k and not m.anaphor]
        if not sis:
            continue
        # "He was accompanied by P, Head of the Department of X": a unit of the guests' institution
        acc = accompanying_cue(ctx, sis[0])
        if acc is not None and any(m.key == k and m.ts >= acc[0] for m in ctx.all_in(sis[0], "Organization")):
            if acc[1] is not None and acc[1] != host:
                ctx.add(k, "parentOrganization", acc[1], sis[0], 0.6)
            continue
        if guest is not None and guest != k and all(_MEMBERS_CUE.search(ctx.sents[si].text) for si in sis):
            # "Members of the delegation included P, Director of the Department of X": a unit of the guests
            ctx.add(k, "parentOrganization", guest, sis[0], 0.6)
            continue
        other = False
        for si in set(sis):
            for m in ctx.top(si, "Organization"):
                if m.key not in (k, host) and not m.anaphor and \
                        head_noun(ctx.ents[m.key].name).replace("centre", "center") not in UNIT_HEADS:
                    other = True
        if not other:
            ctx.add(k, "parentOrganization", host, sis[0], 0.6)


_HOME_UNIT_HEADS = {"department", "ward", "division", "office", "section", "unit", "committee"}
#: units that never own a department (a clinic, an institute or a school may)
_INNER_UNITS = _HOME_UNIT_HEADS | {"center", "centre", "team", "group", "laboratory", "lab", "base", "station",
                                   "branch", "program"}


def _home_org(ctx: Ctx) -> str | None:
    """The institution whose page the article is: named alone on the page's first line
    ("Larchmont Hospital" above the menu), or the hospital the article speaks for ("our hospital")."""
    first = next((ln.strip() for ln in ctx.text.split("\n") if ln.strip()), "")
    # "X HOSPITAL, CITY" above the menu: the name with its city after a comma, in any case
    heads = {first.lower()}
    if "," in first:
        name, _, rest = first.rpartition(",")
        if rest.strip().lower() in {n.lower() for pk in ctx.by_type("Place")
                                    for n in (ctx.ents[pk].name, *ctx.ents[pk].aliases)}:
            heads.add(name.strip().lower())
    for k in ctx.by_type("Organization"):
        e = ctx.ents[k]
        if first and heads & {n.lower() for n in (e.name, *e.aliases)} and _head(ctx, k) not in UNIT_HEADS:
            return k
    if ctx.site_of_hospital:        # "X Hospital Affiliated to Y University" above the menu
        return ctx.own_hospital
    return ctx.host_hospital if ctx.speaks_as_host else None


_HOSPITALS_OWN = re.compile(r"(?i)\b(?:the|our|this)\s+hospital(?:'s|\u2019s)\s+$")
_FIELD_UNIT_HEADS = {"center", "centre", "clinic"}


def _field_named(ctx: Ctx, k: str) -> bool:
    """A unit's name is its field and its head only ("Emergency Center", "Traditional Chinese
    Medicine Clinic"): no 'of', no national, regional or city word; the rest of the name is its field."""
    name = ctx.ents[k].name
    if re.search(r"\b(?:of|for|and)\b|[,(]", name):
        return False
    words = name.split()[:-1]
    if not words or any(w.lower() in ("national", "international", "regional", "provincial", "municipal",
                                      "city", "county", "state", "central", "joint", "medical")
                        for w in words):
        return False
    fields = {ctx.ents[r.object].name.lower() for r in ctx.related("specialty") if r.subject == k}
    rest = " ".join(words).lower()
    return any(rest == f or rest in f or f in rest and len(f) >= len(rest) - 12 for f in fields)


def _home_units(ctx: Ctx) -> None:
    """On a hospital's own page, a department or ward named without its institution ("Prof. P,
    Director of the Department of X") belongs to that hospital, unless a sentence that
    names it also names another institution, or another body's unit, that may own it."""
    home = _home_org(ctx)
    if home is None:
        return
    parent_of = {r.subject: r.object for r in ctx.related("parentOrganization")}
    fielded = {r.subject for r in ctx.related("specialty")}
    for k in ctx.by_type("Organization"):
        if k == home or k in parent_of or _head(ctx, k) not in _HOME_UNIT_HEADS | _FIELD_UNIT_HEADS:
            continue
        sis = sorted({si for si, ms in enumerate(ctx.mentions) for m in ms if m.key == k and not m.anaphor})
        # "the hospital's X Clinic" / "our hospital's Y Center": the page's hospital owns it
        if any(m.key == k and not m.anaphor and _HOSPITALS_OWN.search(ctx.text[max(0, m.start - 24):m.start])
               and not any(o.ts == m.ts and o.te > m.te for o in ctx.all_in(si, "Organization"))
               for si in sis for m in ctx.all_in(si, "Organization")):
            ctx.add(k, "parentOrganization", home, sis[0], 0.6)
            parent_of[k] = home
    for k in ctx.by_type("Organization"):
        if k == home or k in parent_of:
            continue
        sis = sorted({si for si, ms in enumerate(ctx.mentions) for m in ms if m.key == k and not m.anaphor})
        if not sis:
            continue
        # a unit named after its field alone ("the Emergency Center", "the Pain Clinic") is a unit too
        if _head(ctx, k) not in _HOME_UNIT_HEADS and not (
                _head(ctx, k) in _FIELD_UNIT_HEADS and k in fielded and _field_named(ctx, k)
                and any(re.search(r"(?i)\bthe\s+$", ctx.text[max(0, m.start - 5):m.start])
                        for si in sis for m in ctx.all_in(si, "Organization") if m.key == k)):
            continue
        # another institution, or a unit of another body ("Head of the Department of A of the B Center,
        # ... the Department of C": C may be B's too); a body named outside the subject phrase that
        # holds the unit ("Dr. P of the Department of X studied ... at Y Hospital") is where the
        # subject went, not the unit's owner
        other = False
        for si in sis:
            scopes = [_subject_scope(ctx, m) for m in ctx.all_in(si, "Organization") if m.key == k]
            for m in ctx.all_in(si, "Organization"):
                if m.key in (k, home) or m.anaphor or parent_of.get(m.key) == home or (
                        _head(ctx, m.key) in _INNER_UNITS and parent_of.get(m.key, home) == home):
                    continue
                if scopes and all(sc is not None and not sc[0] <= m.ts < sc[1] for sc in scopes):
                    continue
                other = True
        if not other:
            ctx.add(k, "parentOrganization", home, sis[0], 0.55)
            parent_of[k] = home


def _subject_scope(ctx: Ctx, m: M) -> tuple[int, int] | None:
    """The token range of the subject phrase a mention lies in ("[Dr. P, Head of the Department of
    X,] studied ..."), or None when it is in no clause's subject."""
    t = ctx.doc[m.te - 1]
    for _ in range(12):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return t.left_edge.i, t.right_edge.i + 1
        if t.head.i == t.i or t.dep_ in ("ROOT", "ccomp", "advcl", "relcl", "conj") and t.pos_ in ("VERB", "AUX"):
            return None
        t = t.head
    return None


_MEMBERS_CUE = re.compile(r"(?i)\bmembers?\s+of\s+the\s+delegation\b|\bdelegation\s+members?\b|"
                          r"\bdelegation\b.*\b(?:including|included)\b")


def _visit_guest(ctx: Ctx, visits) -> str | None:
    """The institution a visiting delegation comes from, read off the visit's name ("Visit of the X delegation")."""
    for ek in visits:
        m = re.match(r"Visit of the (.+?) delegation\b", ctx.ents[ek].name)
        if m:
            k = next((k for k in ctx.by_type("Organization") if ctx.ents[k].name == m.group(1)), None)
            if k is not None:
                return k
    return None


# ---------------------------------------------------------------- parentOrganization
def _parents(ctx: Ctx, si: int, sent):
    doc = ctx.doc
    orgs = ctx.top(si, "Organization")
    if len(orgs) < 2:
        return
    for t in sent:
        if ctx.mention_at(si, t.i) is not None:
            continue
        w = t.lower_
        nxt = doc[t.i + 1].lower_ if t.i + 1 < sent.end else ""
        if w == "affiliated" and nxt in ("to", "with"):
            child = [o for o in orgs if o.te <= t.i]
            parent = [o for o in orgs if o.ts > t.i + 1]
            if child and parent and parent[0].ts - (t.i + 2) <= 1:
                # "Department of X of [Y Hospital] Affiliated to Z": the innermost name before
                # "affiliated" is the affiliated one, not the unit whose long form contains it
                inner = [o for o in ctx.all_in(si, "Organization") if o.te <= t.i and o.key != parent[0].key]
                c = max(inner, key=lambda o: (o.te, o.ts)) if inner else child[-1]
                ctx.add(c.key, "parentOrganization", parent[0].key, si, 0.85)
        elif w in ("based", "housed", "located", "hosted") and nxt in ("at", "in", "within"):
            # "The center, based at X Hospital, ..." / "The lab is housed in X Hospital": a unit of that body
            k = t.i + 2
            while k < sent.end and doc[k].lower_ == "the":
                k += 1
            # (also a department: "the X Training Center, which is based at the Department of Y of Z")
            parent = [o for o in orgs if o.ts == k and _head(ctx, o.key) in PARENT_HEADS | {"department", "division"}]
            child = [o for o in orgs if o.te <= t.i and all(x.text == "," or x.lemma_.lower() == "be" or
                                                             x.lower_ in ("now", "also", "currently", "will",
                                                                          "which", "that")
                                                             for x in doc[o.te:t.i])]
            if parent and child and _head(ctx, child[-1].key) in UNIT_HEADS and child[-1].key != parent[0].key:
                ctx.add(child[-1].key, "parentOrganization", parent[0].key, si, 0.75)
        elif w == "under":
            after = doc[t.i + 1:t.i + 4]
            if any(x.lower_ in ("guidance", "leadership", "auspices", "support", "direction", "supervision")
                   for x in after):
                continue
            child = [o for o in orgs if o.te in (t.i, t.i - 1)]
            parent = [o for o in orgs if o.ts in (t.i + 1, t.i + 2)]
            if parent and not child and t.head.lemma_.lower() == "be":
                # "X, which is (directly) under Y" / "The department is under Y"
                from medkg.ingest.rel_general import subject_org
                c = subject_org(ctx, si, t.head)
                child = [c] if c is not None and c.te <= t.i else []
            if child and parent:
                ctx.add(child[-1].key, "parentOrganization", parent[0].key, si, 0.7)
        elif w == "hospital" and nxt == "of" and t.i > sent.start and \
                doc[t.i - 1].lower_ in ("teaching", "affiliated", "clinical", "university"):
            # "X, the (main) teaching hospital of Y" / "X is ... an affiliated hospital of Y"
            parent = [o for o in orgs if o.ts > t.i + 1 and o.ts - (t.i + 2) <= 1]
            child = _described_org(ctx, si, t, orgs)
            if child is not None and parent and child.key != parent[0].key:
                ctx.add(child.key, "parentOrganization", parent[0].key, si, 0.8)
        elif w in ("department", "unit", "branch", "division", "subsidiary", "part", "centre", "center",
                   "institute", "section") and nxt == "of":
            prev = doc[t.i - 1].lower_ if t.i > sent.start else ""
            if prev in ("member",) or doc[max(sent.start, t.i - 3):t.i].text.lower().count("member"):
                continue
            child = [o for o in orgs if o.te <= t.i and t.i - o.te <= 4]
            parent = [o for o in orgs if o.ts > t.i + 1 and o.ts - (t.i + 2) <= 1]
            if child and parent:
                gap = [x.lower_ for x in doc[child[-1].te:t.i]]
                if all(g in (",", "is", "was", "a", "an", "one", "of", "the", "as") for g in gap):
                    ctx.add(child[-1].key, "parentOrganization", parent[0].key, si, 0.8)
    # "A of/for the B" between two organization mentions (also nested in a longer mention)
    allorgs = ctx.all_in(si, "Organization")
    for b in allorgs:
        # "the university's X Hospital": the possessor owns the smaller body
        c = _possessed(ctx, allorgs, b, sent.end)
        if c is not None:
            ctx.add(c.key, "parentOrganization", b.key, si, 0.7)
    for a in allorgs:
        # nested: "[Department of X of the [Y Hospital]]"
        for b in allorgs:
            if b.key != a.key and a.ts < b.ts and b.te == a.te and \
                    [t.lower_ for t in doc[b.ts - 2:b.ts]][-2:] in (["of", "the"], ["for", "the"]) or \
                    (b.key != a.key and a.ts < b.ts and b.te == a.te and doc[b.ts - 1].lower_ in ("of", "for")):
                if not any(o.ts < b.ts and o.te == b.te and o.ts > a.ts and o.key != b.key for o in allorgs):
                    ctx.add(a.key, "parentOrganization", b.key, si, 0.75)
        if a.te >= sent.end or doc[a.te].lower_ not in ("of", "for", "at"):
            continue
        k = a.te + 1
        while k < sent.end and doc[k].lower_ == "the":
            k += 1
        for b in allorgs:
            if b.ts in (k, a.te + 1) and b.key != a.key and _head(ctx, a.key) not in ("alliance",):
                # "A of the university's B Hospital": the possessor owns B, and B owns A
                c = _possessed(ctx, allorgs, b, sent.end)
                if c is not None and c.key != a.key:
                    b = c
                # (an anaphor "the hospital" starts at its article)
                if doc[a.te].lower_ == "at" and not (
                        _head(ctx, a.key) in _AT_UNITS
                        and ORG_RANK.get(_head(ctx, b.key), 3) > ORG_RANK.get(_head(ctx, a.key), 3)):
                    break             # "A at B" names a parent only for a unit at a larger body
                if doc[a.te].lower_ == "at":
                    # "the Division of X of the Department of Y at Z Hospital": Z holds the department,
                    # which holds the division (the nested rule's parent)
                    inner = [m for m in allorgs if a.ts < m.ts and m.te == a.te and m.key not in (a.key, b.key)
                             and _head(ctx, m.key) in UNIT_HEADS]
                    if inner:
                        a = max(inner, key=lambda m: m.ts)
                ctx.add(a.key, "parentOrganization", b.key, si, 0.75)
                if _head(ctx, a.key) in UNIT_HEADS:
                    _coordinated_units(ctx, si, allorgs, a, b)
                break
    # units in a person's post: "Director of the A and B at Y"
    for p in ctx.top(si, "Person"):
        a, b = _segment(ctx, si, p)
        seg = [o for o in ctx.all_in(si, "Organization") if a <= o.ts and o.te <= b]
        if len(seg) < 2:
            continue
        end = max(o.te for o in seg)
        at_end = sorted((o for o in seg if o.te == end), key=lambda o: o.ts)
        last = at_end[0]
        if _head(ctx, last.key) in UNIT_HEADS:
            # "the Imaging Center of X Hospital": the parent is X Hospital, nested in the unit's mention
            inner = [o for o in at_end[1:] if o.key != last.key]
            if not inner:
                continue
            last = inner[0]
        if doc[last.ts - 1].lower_ == "the":
            prep = doc[last.ts - 2].lower_
        else:
            prep = doc[last.ts - 1].lower_
        if prep not in ("at", "of") or _head(ctx, last.key) in UNIT_HEADS - {"institute", "center", "school"}:
            continue
        for o in seg:
            if o.key == last.key or _head(ctx, o.key) not in UNIT_HEADS or o.ts >= last.ts:
                continue
            if re.search(r"\bof\s", ctx.ents[o.key].name) and any(
                    r.subject == o.key and r.object != last.key for r in ctx.related("parentOrganization")):
                continue              # "Chairman of the X Branch of Y Association and Director of ... of Z
                                      # Hospital": the branch's own name holds its parent
            conf = 0.75 if prep == "at" else 0.6
            ctx.add(o.key, "parentOrganization", last.key, si, conf)
    # "as the A Base, B Base and C Base, Y has ..." / "Y serves as the A Centre"
    for t in sent:
        if t.lower_ != "as" or ctx.mention_at(si, t.i) is not None:
            continue
        listed = []
        k = t.i + 1
        while k < sent.end:
            at = [o for o in ctx.all_in(si, "Organization") if o.ts == k]
            # prefer a mention that does not run over a comma ("X Base, the Y Hospital")
            m = min(at, key=lambda o: ("," in ctx.text[o.start:o.end], -(o.te - o.ts))) if at else None
            if m is not None:
                listed.append(m)
                k = m.te
                continue
            if doc[k].lower_ in (",", "and", "the", "a", "an", "well"):
                k += 1
                continue
            break
        units = [m for m in listed if _head(ctx, m.key) in ("base", "center", "unit", "station", "site")]
        if not units:
            continue
        holder = None
        if units and k < sent.end:
            # the list ended with ", Y" : Y is the last listed mention when it is not a unit
            if listed and listed[-1] not in units:
                holder = listed[-1]
        if holder is None:
            prev = doc[t.i - 1] if t.i > sent.start else None
            if prev is not None and prev.lemma_.lower() in ("serve", "act", "designate", "name", "approve",
                                                               "accredit", "list", "select", "recognize"):
                v = prev
                subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
                ids = {x.i for c in subj for x in c.subtree}
                cand = [o for o in orgs if o.ts in ids]
                holder = cand[0] if cand else None
        if holder is None:
            continue
        for u in units:
            if u is not holder:
                ctx.add(u.key, "parentOrganization", holder.key, si, 0.7)


def _possessed(ctx: Ctx, allorgs: list[M], b: M, end: int) -> M | None:
    """The smaller body right after "B's" ("the university's X Hospital"), or None."""
    j = b.te
    if j + 1 >= end or ctx.doc[j].lower_ not in ("'s", "\u2019s"):
        return None
    c = max((o for o in allorgs if o.ts == j + 1 and o.key != b.key), key=lambda o: o.te - o.ts, default=None)
    if c is None or ORG_RANK.get(_head(ctx, c.key), 3) >= ORG_RANK.get(_head(ctx, b.key), 3):
        return None
    return c


def _described_org(ctx: Ctx, si: int, t, orgs: list[M]) -> M | None:
    """The organization a descriptive noun ``t`` is said of: its apposition head ("X, the teaching
    hospital of Y") or the subject of its copula ("X is a referral hospital and the teaching hospital of Y")."""
    n = t
    for _ in range(4):
        if n.dep_ == "appos":
            return next((o for o in orgs if o.ts <= n.head.i < o.te and o.te <= t.i), None)
        if n.dep_ in ("attr", "acomp") and n.head.lemma_.lower() == "be":
            from medkg.ingest.rel_general import subject_org
            c = subject_org(ctx, si, n.head)
            return c if c is not None and c.te <= t.i else None
        if n.dep_ != "conj" or n.head.i == n.i:
            break
        n = n.head
    # the parser missed the apposition: "X, the teaching hospital of Y, ..." right after the name
    j = t.i - 1
    while j > 0 and ctx.doc[j].lower_ in ("teaching", "affiliated", "clinical", "university", "main", "major",
                                          "the", "a", "an", "largest", "first", "second", "third", "leading"):
        j -= 1
    if ctx.doc[j].lower_ == ",":
        return next((o for o in orgs if o.te == j), None)
    return None


def _coordinated_units(ctx: Ctx, si: int, allorgs: list[M], a: M, b: M) -> None:
    """"the A Center and the B Center of the hospital": units coordinated before "A of B" share B."""
    doc = ctx.doc
    k = a.ts
    while True:
        j = k - 1
        saw_and = False
        while j >= 0 and doc[j].lower_ in ("the", ",", "and", "&"):
            saw_and = saw_and or doc[j].lower_ in (",", "and", "&")
            j -= 1
        if not saw_and or j < 0:
            return
        prev = next((o for o in allorgs if o.te == j + 1 and o.key not in (a.key, b.key)), None)
        if prev is None or prev.anaphor:
            return                        # "the department and the Department of X of Y": the page's own unit
        if _head(ctx, prev.key) not in UNIT_HEADS or " of " in ctx.ents[prev.key].name \
                and _head(ctx, prev.key) not in ("department", "division", "office"):
            return
        if doc[prev.te].lower_ == "of" and doc[prev.te].i < a.ts and not any(
                x.lower_ in ("and", ",") for x in doc[prev.te:a.ts]):
            return
        ctx.add(prev.key, "parentOrganization", b.key, si, 0.7)
        k = prev.ts


def _parents_from_names(ctx: Ctx):
    """"<Body> Training Base" / "<Body> Center": a unit named after another body of the article."""
    orgs = ctx.by_type("Organization")
    surf = {}
    for k in orgs:
        e = ctx.ents[k]
        for n in {e.name, *e.aliases}:
            if len(n) >= 3:
                surf.setdefault(n.lower(), k)
    for k in orgs:
        name = ctx.ents[k].name
        if _head(ctx, k) not in UNIT_HEADS and _head(ctx, k) != "faculty":
            continue
        low = name.lower()
        best = None
        for s, pk in surf.items():
            if pk == k or not low.startswith(s + " ") or len(s) >= len(low):
                continue
            if _head(ctx, pk) not in PARENT_HEADS and not s.isupper() and not ctx.ents[pk].name.isupper():
                if head_noun(ctx.ents[pk].name) not in PARENT_HEADS:
                    continue
            if best is None or len(s) > len(best[0]):
                best = (s, pk)
        if best:
            ctx.add(k, "parentOrganization", best[1], None, 0.7)
    # "Hospital Clínico Universidad del X" / "Hospital Universiti X" beside "Universidad del X": a hospital
    # named after a university of the article (its name ending the hospital's) is the university's hospital
    for k in orgs:
        name = ctx.ents[k].name
        if not _FOREIGN_HOSPITAL_FIRST.match(name):
            continue
        low = name.lower()
        for s_, pk in surf.items():
            if pk != k and low.endswith(" " + s_) and gz.UNIVERSITY_FIRST.match(ctx.ents[pk].name) \
                    and len(s_.split()) >= 2:
                ctx.add(k, "parentOrganization", pk, None, 0.7)
                break


#: a hospital's name set first ("Hospital Clínico X", "Hôpital X", "Rumah Sakit X")
_FOREIGN_HOSPITAL_FIRST = re.compile(r"(?i)(?:hospital|hôpital|ospedale|rumah sakit|policlinico|klinikum)\b")


# ---------------------------------------------------------------- Organization -> Place
def _org_locations(ctx: Ctx, si: int, sent):
    doc = ctx.doc
    places = ctx.all_in(si, "Place")
    if not places:
        return
    orgs = ctx.top(si, "Organization")
    for t in sent:
        lem = t.lemma_.lower()
        # "located/based/situated in PLACE"
        if lem in ("locate", "base", "situate", "headquarter") and t.i + 1 < sent.end and doc[t.i + 1].lower_ in ("in", "at"):
            pl = _place_at(ctx, si, t.i + 2)
            org = [o for o in orgs if o.te <= t.i]
            if pl and org:
                ctx.add(org[-1].key, "location", pl.key, si, 0.85)
        # "as one of the top three hospitals in PLACE, ORG"
        if t.lower_ == "as" and ctx.mention_at(si, t.i) is None:
            k = t.i + 1
            while k < sent.end and doc[k].text != "," and k - t.i < 14:
                k += 1
            if k >= sent.end:
                continue
            pl = [p for p in places if t.i < p.ts < k and doc[p.ts - 1].lower_ in ("in", "of") or
                  (t.i < p.ts < k and doc[p.ts - 1].lower_ == "the" and doc[p.ts - 2].lower_ in ("in", "of"))]
            org = ctx.mention_at(si, k + 1, "Organization")
            if pl and org and any(doc[x].lower_ in ("hospital", "hospitals", "one", "institution", "institutions",
                                                  "university", "universities", "center", "centers", "centre")
                                  for x in range(t.i + 1, k)):
                ctx.add(org.key, "location", pl[0].key, si, 0.75)
        # "ORG/it has become the earliest/largest ... in PLACE"
        if lem in ("become", "be") and t.pos_ in ("AUX", "VERB"):
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            if not subj:
                continue
            s = subj[0]
            if s.lower_ in ("which", "that") and t.dep_ == "relcl":
                s = t.head                # "the hospital, which is the largest ... in PLACE"
            if not sent.start <= s.i < sent.end:
                # the parser joined a heading line to the sentence: its subject is the heading's word,
                # so take the organization that opens this (line-cut) sentence
                s = next((x for x in sent if not x.is_punct and x.lower_ != "the"), s)
            org = ctx.mention_at(si, s.i, "Organization")
            if org is None and s.lower_ == "it" and not ctx.by_type("Event"):
                mo = _main_org(ctx)
                org = M(mo, "Organization", 0, 0, s.i, s.i + 1) if mo else None
            if org is None:
                continue
            pred = [c for c in t.children if c.dep_ in ("attr", "acomp")]
            ids = {x.i for c in pred for x in c.subtree}
            if not any(doc[i].tag_ in ("JJS", "RBS") or doc[i].lower_ in ("one", "first", "only", "leading")
                       for i in ids):
                continue
            for p in places:
                # "... in Daegu", "... in the state of Baden-Württemberg"
                if p.ts in ids and (doc[p.ts - 1].lower_ in ("in", "the") or p.ts >= 4 and doc[p.ts - 1].lower_ == "of"
                                    and doc[p.ts - 2].lower_ in _AREA_NOUNS and doc[p.ts - 3].lower_ == "the"
                                    and doc[p.ts - 4].lower_ == "in"):
                    ctx.add(org.key, "location", p.key, si, 0.7)
                    break


#: nouns of "in the state of X" (the area a place name is given as)
_AREA_NOUNS = {"state", "province", "region", "prefecture", "county", "city", "district", "emirate",
               "governorate", "canton", "land", "municipality", "department", "oblast", "territory"}


def _place_at(ctx: Ctx, si: int, k: int) -> M | None:
    doc = ctx.doc
    while k < ctx.sents[si].end and doc[k].lower_ == "the":
        k += 1
    return ctx.mention_at(si, k, "Place")


def _locations_from_names(ctx: Ctx):
    places = {}
    for k in ctx.by_type("Place"):
        e = ctx.ents[k]
        if re.search(r"\b(Province|City|County|Municipality|Region|District|Prefecture|State)$", e.name):
            for n in {e.name, *e.aliases}:
                if n.lower() != e.name.lower() and not re.search(r"\b(Province|City|County|Municipality)$", n):
                    continue
                places[n.lower()] = k
    for k in ctx.by_type("Organization"):
        name = ctx.ents[k].name
        mt = re.search(r"^.*\bof\s+(?:the\s+)?(.+)$", name)
        if mt and mt.group(1).lower() in places:
            ctx.add(k, "location", places[mt.group(1).lower()], None, 0.8)


# ---------------------------------------------------------------- specialty
def _spec_surfaces(ctx: Ctx) -> dict[str, list[str]]:
    return {k: _surfaces(ctx.ents[k]) for k in ctx.by_type("Specialty")}


def _specialties_from_names(ctx: Ctx):
    specs = _spec_surfaces(ctx)
    if not specs:
        return
    for k in ctx.by_type("Organization"):
        name = ctx.ents[k].name
        if re.search(r"\bparty\b", name, re.I):      # party branches/committees are political organs
            continue
        if funding_body(name):      # "Heart Foundation", "Cancer Relief Fund": a cause funded, not a field practised
            continue
        if gz.MEDICAL_FACULTY.match(name):    # "Faculty of Medicine and Pharmacy": disciplines taught
            continue
        # ("Society of Digestive Surgeons": the field its members practise, digestive surgery)
        for sk in longest_matches(re.sub(r"(?<=\w )[Ss]urgeons\b", "Surgery", name), specs):
            ctx.add(k, "specialty", sk, _first_mention_sentence(ctx, k), 0.85)


def _first_mention_sentence(ctx: Ctx, key: str) -> int | None:
    for si, ms in enumerate(ctx.mentions):
        if any(m.key == key and not m.anaphor for m in ms):
            return si
    return None


def _specialty_phrases(ctx: Ctx, si: int, sent):
    """"the imaging specialty of ORG" / "ORG's cardiology department"."""
    doc = ctx.doc
    for s in ctx.top(si, "Specialty"):
        k = s.te
        if k >= sent.end or doc[k].lower_ not in _SPEC_NOUNS:
            continue
        if k + 1 < sent.end and doc[k + 1].lower_ == "of":
            j = k + 2
            while j < sent.end and doc[j].lower_ == "the":
                j += 1
            o = ctx.mention_at(si, j, "Organization")
            if o is not None:
                ctx.add(o.key, "specialty", s.key, si, 0.75)
        # "ORG's S specialty"
        j = s.ts - 1
        if j > sent.start and doc[j].lower_ in ("'s", "’s"):
            o = ctx.mention_at(si, j - 1, "Organization")
            if o is not None:
                ctx.add(o.key, "specialty", s.key, si, 0.75)


def _main_org(ctx: Ctx) -> str | None:
    orgs = ctx.by_type("Organization")
    if not orgs:
        return None
    counts = {k: 0 for k in orgs}
    for ms in ctx.mentions:
        for m in ms:
            if m.key in counts:
                counts[m.key] += 1
    return sorted(orgs, key=lambda k: (-counts[k], ctx.first.get(k, 0)))[0]


_NOT_PRACTISED = {"after", "before", "following", "post", "undergo", "undergoing", "underwent", "need", "needs",
                  "needing", "require", "requiring"}
_WISH = {"hope", "wish", "plan", "intend", "aim", "expect", "look", "future", "will"}


def _operation_or_wish(ctx: Ctx, si: int, s: M) -> bool:
    """"after cardiac surgery" (an operation a patient had) or "hope to cooperate in X" (a wish)."""
    doc, sent = ctx.doc, ctx.sents[si]
    before = [t.lower_ for t in doc[max(sent.start, s.ts - 3):s.ts]]
    if any(w in _NOT_PRACTISED for w in before):
        return True
    return any(t.lemma_.lower() in _WISH or t.lower_ in _WISH for t in doc[sent.start:s.ts])


def _profile_specialties(ctx: Ctx):
    """A profile of one unit (no event): the specialties it practises, from sentences about it."""
    if ctx.by_type("Event"):
        return
    # an unnamed event ("surgeons gathered at X for a training program") is not a profile
    doc = ctx.doc
    if any(t.lemma_.lower() in ("hold", "attend", "gather", "launch", "convene", "inaugurate") and t.pos_ == "VERB"
           and not (t.lower_ == "attending" and t.i + 1 < len(doc)
                    and doc[t.i + 1].lower_ in ("doctor", "doctors", "physician", "physicians", "surgeon", "surgeons"))
           for t in doc):
        return
    main = _main_org(ctx)
    if main is None:
        return
    counts = sum(1 for ms in ctx.mentions for m in ms if m.key == main)
    if counts < 2:
        return
    for si in range(len(ctx.sents)):
        blocked = [(m.ts, m.te) for m in ctx.top(si, ("Organization", "Person"))]
        refers = any(m.key == main for m in ctx.all_in(si, "Organization"))
        for s in ctx.top(si, "Specialty"):
            if any(a <= s.ts and s.te <= b for a, b in blocked):
                continue
            nxt = ctx.doc[s.te].lower_ if s.te < len(ctx.doc) else ""
            if nxt in UNIT_HEADS or nxt in ("departments", "centers", "units", "wards"):
                continue     # "the oncology department": names a unit, not what the profiled unit practises
            if _operation_or_wish(ctx, si, s):
                continue
            if any(r.object == s.key and r.subject != main and r.confidence >= 0.7 for r in ctx.related("specialty")):
                continue     # "its Department of X is good at S": S is that unit's, not the profiled one's
            ctx.add(main, "specialty", s.key, si, 0.65 if refers else 0.5)
