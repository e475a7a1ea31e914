"""Shared state for relation extraction: mentions mapped onto the spaCy parse, anaphora, salience.

:class:`Ctx` is built once per article from the existing parse (no second model).
It knows, per sentence, the entity mentions as token ranges (``M``), resolves
definite descriptions ("our hospital", "the conference", "the province") to the
most salient matching entity, and collects relations without duplicates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from medkg.ingest import gazetteer as gz
from medkg.ingest.dates import is_planned
from medkg.ingest.model import Extraction, Relation, Span

# ---------------------------------------------------------------- lexicons (built once, module level)
#: head nouns that make a definite description refer to the article's event
EVENT_NOUNS = ("conference", "forum", "seminar", "symposium", "meeting", "congress", "workshop",
               "course", "training", "program", "programme", "project", "event", "summit",
               "ceremony", "class", "camp", "salon", "lecture", "session", "colloquium", "fellowship")
#: head nouns of organizations that definite descriptions ("the center") may refer to
ORG_NOUNS = ("hospital", "center", "centre", "department", "university", "college", "institute",
             "association", "society", "committee", "team", "academy", "commission", "base",
             "school", "clinic", "division", "office", "alliance", "federation", "foundation",
             "laboratory", "lab", "unit", "ward", "group", "trust", "charity")
_EVENT_NOUN_SET = set(EVENT_NOUNS)
#: units of an institution: "the department" is the one named last before it
_INSTITUTION_HEADS = {"hospital", "university", "college", "institute", "centre", "center", "school", "academy"}
_UNIT_NOUNS = {"center", "department", "division", "unit", "ward", "clinic", "laboratory", "lab", "office", "team"}
_EVENT_ANAPHOR = re.compile(
    r"\b(?:this|the|that|our|these)\s+(?:[\w’'“”\"-]+\s+){0,3}?(" + "|".join(EVENT_NOUNS) + r")s?\b"
    # (not a venue: "the university's conference hall", "the training room", "the meeting centre")
    r"(?!\s+(?:halls?|rooms?|cent(?:er|re)s?|venues?|buildings?|facilit(?:y|ies)|sites?|suites?)\b)", re.I)
_ORG_ANAPHOR = re.compile(r"\b(our|the|this|that)\s+(" + "|".join(ORG_NOUNS) + r")\b(?!\s+of\b)", re.I)
_PLACE_ANAPHOR = re.compile(r"\b(?:our|the|this)\s+(province|city|municipality|region)\b(?!\s+of\b)", re.I)
_ADMIN_SUFFIX = re.compile(r"\b(Province|City|County|Municipality|Region|District|State|Prefecture)$")
#: words that cannot start an event description ("the first ...", "the same ...")
_NOT_EVENT_MODIFIER = {"first", "same", "other", "next", "previous", "whole", "entire", "last", "new"}


#: event nouns that may name a part of another event ("the opening lecture", "the afternoon session")
_PART_NOUNS = {"lecture", "session"}

_HELD_LEMMAS = {"hold", "launch", "open", "convene", "inaugurate", "kick", "commence", "organize", "host"}
_DESCRIPTION = re.compile(r"^(?:this|the|that|these|those|our|its|a|an)\b", re.I)


#: names of a visit event and of a signing event ("Visit of the X delegation to Y", "Signing of the MoU ...")
VISIT_NAME = re.compile(r"\b(?:visit|delegation|tour)\b", re.I)
#: "the delegation (also) attended / took part in" right before an event's name
STOP_OF_VISIT = re.compile(r"\b(?:the|our)\s+delegation\s+(?:then\s+|also\s+|later\s+)*(?:attended|joined|"
                            r"participated\s+in|took\s+part\s+in|was\s+present\s+at)\s+(?:the\s+)?$", re.I)
SIGN_NAME = re.compile(r"\b(?:sign|signing|signed|agreement|memorandum|mou)\b", re.I)
#: a sentence that tells of a signing
_SIGNED = re.compile(r"\b(?:signed|signing)\b", re.I)


#: the descriptive name of a ceremony that is an event of its own: one that confers a title on a person
#: (entities.title_ceremony) or a graduation told on its own (entities.graduation)
_GRADUATION_OF = "Graduation ceremony of the "
_OWN_CEREMONY_NAME = re.compile(r"(?:Appointment|Conferment|Conferral|Awarding|Graduation) ceremony of ")

#: a numbered heading line: "II. ", "3) ", "B. "
_SECTION_HEADING = re.compile(r"^\s*(?:[IVXL]+|\d{1,2}|[A-H])[.)]\s+")


def _norm(s: str) -> str:
    s = re.sub(r"[\"“”‘’']", "", s).lower()
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"\s+", " ", s)


def _line_breaks(doc) -> list[int]:
    """Indices of the whitespace tokens that hold a line break, ascending (found once per doc:
    the sentence splitting runs for the entity and the relation stages)."""
    breaks = doc.user_data.get("medkg_line_breaks")
    if breaks is None:
        from spacy.attrs import IS_SPACE
        spaces = doc.to_array(IS_SPACE).reshape(-1).nonzero()[0]
        breaks = doc.user_data["medkg_line_breaks"] = [int(i) for i in spaces if "\n" in doc[int(i)].text]
    return breaks


def _line_break_ends(text: str, doc, t) -> bool:
    """Does the line break at whitespace token ``t`` end a unit? A blank line, a line ending in
    sentence punctuation, or a short line (title, caption); not a hard-wrapped paragraph line."""
    if t.text.count("\n") >= 2:
        return True
    prev = doc[t.i - 1].text if t.i > 0 else ""
    if prev[-1:] in ".!?:;”\"":
        return True
    line_start = text.rfind("\n", 0, t.idx) + 1
    return t.idx - line_start < 60


@dataclass
class M:
    """One mention of an entity in a sentence, as a token range of the parse."""
    key: str
    type: str
    start: int        # char offsets
    end: int
    ts: int           # token start (doc index)
    te: int           # token end (exclusive)
    anaphor: bool = False
    inner: bool = False   # nested inside a longer mention of another entity


def head_noun(name: str) -> str:
    """The head word of an organization or event name: "First Hospital of X" -> "hospital"."""
    core = re.split(r"\s+(?:of|for|at|in|on)\s+|(?<=[Tt]eam)\s+to\s+|(?<=[Tt]eams)\s+to\s+", name, maxsplit=1)[0]
    words = re.findall(r"[A-Za-z]+", core)
    return words[-1].lower() if words else ""


def _singular(w: str) -> str:
    w = w.lower()
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


#: title abbreviations written with a full stop before a name ("Assoc. Prof. Dr.")
_TITLE_ABBREVIATIONS = {"prof", "dr", "mr", "mrs", "ms", "mx", "assoc", "asst", "Pr"}   # (French "Pr.", cased)


def _join_cut_names(doc, sents, ex):
    """Re-join sentences the parser cut inside an entity mention ("Hospital Universitario | San Rafael is ...").

    The small model ends sentences at capitalized words it takes for a new start; a mention never
    crosses a sentence, so such a cut is the parser's error (a line break inside a name stays a cut).
    """
    inside = set()
    for e in ex.entities.values():
        for m in e.mentions:
            if "\n" not in ex.article.text[m.start:m.end]:
                inside.update(range(m.start + 1, m.end))
    out = []
    for s in sents:
        # "Speaking at the ceremony, Assoc. | Prof. Dr. P said": a title abbreviation never ends a sentence
        prev = out[-1] if out else None
        cut_title = prev is not None and prev.end == s.start and len(prev) > 1 and (
            prev[-1].text == "." and (prev[-2].lower_ in _TITLE_ABBREVIATIONS or prev[-2].text in _TITLE_ABBREVIATIONS) or
            prev[-1].text.endswith(".") and (prev[-1].lower_[:-1] in _TITLE_ABBREVIATIONS or
                                             prev[-1].text[:-1] in _TITLE_ABBREVIATIONS)) and "\n" not in ex.article.text[prev.end_char:s.start_char]
        # "The Department of X (X for short) | was established in 1992": a sentence never starts with a
        # lower-case word right after a closing bracket
        cut_bracket = prev is not None and prev.end == s.start and prev[-1].text == ")" and \
            s[0].text[:1].islower() and s[0].is_alpha and "\n" not in ex.article.text[prev.end_char:s.start_char]
        if cut_title or cut_bracket or out and out[-1].end == s.start and s.start_char in inside:
            out[-1] = doc[out[-1].start:s.end]
        else:
            out.append(s)
    return out


def page_head_lines(text: str) -> set[tuple[int, int]]:
    """(start, end) of the lines of a page's head, before its first line of running text (200 characters or
    more), each without its surrounding spaces: where a page's title and site header stand."""
    head_end = next((m.start() for m in re.finditer(r"[^\n]{200,}", text)), len(text))
    return {(m.start(1), m.end(1)) for m in re.finditer(r"(?m)^[ \t]*(\S[^\n]*?)[ \t]*$", text[:head_end])}


class Ctx:
    """Per-article view used by every relation finder."""

    def __init__(self, doc, ex: Extraction):
        self.doc = doc
        self.ex = ex
        self.text = ex.article.text
        self.ents = ex.entities
        self.sents = self._split_sentences(doc, ex)
        self._rels: dict[tuple, Relation] = {}
        self.appointed: dict[str, int] = {}          # person key -> sentence of an appointment
        self.delegates: set[str] = set()             # person keys: leader and members of the visiting delegation
        for r in ex.relations:                        # relations already there (entity stage)
            self._rels[(r.subject, r.predicate, r.object)] = r
        self.explicit = {k: [m for m in e.mentions if e.type != "Event" or self._names_event(e, m)]
                         or list(e.mentions)     # an unnamed event is only described ("a delegation from X")
                         for k, e in self.ents.items()}
        self.salience = {k: len(ms) for k, ms in self.explicit.items()}
        self.first = {k: min((m.start for m in ms), default=len(self.text)) for k, ms in self.explicit.items()}
        self.mentions: list[list[M]] = [[] for _ in self.sents]
        self._index_mentions()
        self.main_event = self._main_event()
        self._add_anaphors()
        for ms in self.mentions:
            ms.sort(key=lambda m: (m.ts, -(m.te - m.ts)))
            self._mark_inner(ms)
        self.sections = self._event_sections()

    @staticmethod
    def _split_sentences(doc, ex):
        """spaCy's sentences, also cut at line breaks (scraped pages glue paragraphs and captions)."""
        out = []
        text = ex.article.text       # (the doc's text: doc.text rebuilds it token by token each time)
        sents = [doc.char_span(sp.start, sp.end, alignment_mode="expand") for sp in ex.sentences] \
            if ex.sentences else list(doc.sents)
        sents = _join_cut_names(doc, [s for s in sents if s is not None], ex)
        breaks = _line_breaks(doc)
        for s in sents:
            a = s.start
            for i in breaks[bisect_left(breaks, s.start):bisect_left(breaks, s.end)]:
                if i > a and _line_break_ends(text, doc, doc[i]):
                    out.append(doc[a:i])
                    a = i + 1
                elif i == a:
                    a = i + 1
            if s.end > a:
                out.append(doc[a:s.end])
        return out

    # ------------------------------------------------------------ salience
    def by_type(self, etype: str) -> list[str]:
        return [k for k, e in self.ents.items() if e.type == etype]

    def _rank(self, keys):
        return sorted(keys, key=lambda k: (-self.salience.get(k, 0), self.first.get(k, 0)))

    def _names_event(self, e, sp) -> bool:
        """Is the mention the event's name (or an alias), not a description like "the training"?"""
        raw = self.text[sp.start:sp.end].strip()
        surf = _norm(raw)
        return any(_norm(n) == surf for n in {e.name, *e.aliases}) or not _DESCRIPTION.match(raw)

    def _main_event(self) -> str | None:
        """The event the article reports: named in a sentence that holds/launches/opens it, else named first."""
        evs = [k for k in self.by_type("Event") if self.explicit.get(k)]
        if not evs:
            return None
        held, reported = set(), set()
        for si, ms in enumerate(self.mentions):
            keys = {m.key for m in ms if m.type == "Event" and not m.anaphor}
            if not keys:
                continue
            verbs = [t for t in self.sents[si] if t.lemma_.lower() in _HELD_LEMMAS and t.pos_ in ("VERB", "AUX")]
            if any(not is_planned(t) for t in verbs):
                held |= keys
            if not verbs or not all(is_planned(t) for t in verbs):
                reported |= keys
        # a ceremony is part of the event it opens or closes (gold NOTES §2); an event only planned
        # ("will launch X next year") is not the one the article reports
        part = {k for k in evs if head_noun(self.ents[k].name) in ("ceremony", "banquet", "reception", "photo")}
        # a graduation told on its own is what the article reports, not the programme graduated from
        for k in [k for k in evs if self.ents[k].name.startswith(_GRADUATION_OF)]:
            part.discard(k)
            part.add(self.graduated_from(k))
        # "the delegation (then) attended X": X is a stop of the delegation's visit, which the article reports
        if any(VISIT_NAME.match(self.ents[k].name) for k in evs):
            for si, ms in enumerate(self.mentions):
                for m in ms:
                    if m.type == "Event" and not m.anaphor and STOP_OF_VISIT.search(
                            self.text[self.sents[si].start_char:m.start]):
                        part.add(m.key)
        return min(evs, key=lambda k: (k in part, k not in held, k not in reported, self.first.get(k, 0),
                                       -self.salience.get(k, 0)))

    def _event_sections(self) -> list[tuple[int, int, str]]:
        """(first sentence, end sentence, event) of the parts of a page set out under numbered headings
        that each name an event of their own ("II. Spring Workshop on X (May 4)"): the parallel events of
        an umbrella event (an academic week, a congress with sessions). A part runs from its heading to
        the next heading or to the end of the first paragraph after the heading; two such headings at least."""
        if not self.main_event:
            return []
        text, heads, pos = self.text, [], 0
        for line in text.split("\n"):
            lo, pos = pos, pos + len(line) + 1
            mt = _SECTION_HEADING.match(line)
            if not mt or len(line) > 160:
                continue
            sis = [si for si in range(len(self.sents)) if lo <= self.sents[si].start_char < lo + len(line)]
            evs = [m for si in sis for m in self.mentions[si]
                   if m.type == "Event" and not m.anaphor and m.key != self.main_event]
            if not sis or len({m.key for m in evs}) != 1:
                continue
            a, b = min(m.start for m in evs) - lo, max(m.end for m in evs) - lo
            rest = _SECTION_HEADING.sub("", line[:a] + " " + line[b:])     # the number may be in the name
            rest = re.sub(r"\([^()]*\)", "", rest).strip(" .:-–")
            if rest:
                continue
            heads.append((sis[0], evs[0].key))
        if len(heads) < 2 or len({k for _, k in heads}) < len(heads):
            return []
        out = []
        for n, (si, key) in enumerate(heads):
            nxt = heads[n + 1][0] if n + 1 < len(heads) else len(self.sents)
            end, started = si + 1, False
            while end < nxt:
                gap = text[self.sents[end - 1].end_char:self.sents[end].start_char]
                if gap.count("\n") >= 2 and started:
                    break
                started = True
                end += 1
            out.append((si, end, key))
        return out

    def section_event(self, si: int | None) -> str | None:
        """The event whose numbered part of the page holds sentence ``si`` (see :meth:`_event_sections`)."""
        if si is None:
            return None
        return next((k for a, b, k in self.sections if a <= si < b), None)

    def paragraph_event(self, si: int, before: int | None = None) -> str | None:
        """The event named last before sentence ``si`` (or before char ``before`` in it) within its paragraph
        (text up to a blank line): what a sentence naming no event of its own is about ("... attended the
        ceremony. P also attended."; the later items of a news brief, each a paragraph of its own)."""
        start = self.sents[si].start_char
        gap = re.search(r"\n[ \t]*\n(?![\s\S]*\n[ \t]*\n)", self.text[:start])
        lo = gap.end() if gap else 0
        out = None
        for sj in range(si, -1, -1):
            if self.sents[sj].end_char <= lo:
                break
            ms = [m for m in self.mentions[sj] if m.type == "Event" and m.start >= lo
                  and (sj < si or before is None or m.start < before)]
            if ms:
                out = max(ms, key=lambda m: m.start).key
                break
        return out

    def org_for_noun(self, noun: str, at: int | None = None) -> str | None:
        """The most salient organization whose name's head is ``noun`` ("hospital"); for a unit ("the
        department", "the center") read at ``at``, the one of that kind named last before it ("... held
        by the hospital's Department of X. P, Director of the department, ...")."""
        noun = _singular(noun)
        if noun == "centre":
            noun = "center"
        cands = [k for k in self.by_type("Organization")
                 if head_noun(self.ents[k].name).replace("centre", "center") == noun]
        if not cands and noun == "charity":
            # "the Wessex Surgery Trust, a UK-based charity, ... the charity": a trust or foundation
            cands = [k for k in self.by_type("Organization")
                     if head_noun(self.ents[k].name) in ("trust", "foundation", "fund")
                     and " NHS " not in f" {self.ents[k].name} "]
            if len(cands) > 1:
                cands = []
        if not cands and noun == "hospital":
            cands = [k for k in self.by_type("Organization") if "hospital" in self.ents[k].name.lower()]
        if at is not None and len(cands) > 1 and noun in _UNIT_NOUNS and self.page_unit in cands:
            # a unit's own page (its name is the page's title line): "the department" is that unit, not
            # the one named last ("... was separated from the Department of General Surgery. ... under the
            # department")
            return self.page_unit
        if at is not None and len(cands) > 1 and noun in _UNIT_NOUNS:
            # (not a unit named as another institution's: "partners include the Department of X of Y
            # Hospital ... residents come to the department" on the department's own page)
            before = [(max(sp.start for sp in self.ents[k].mentions if sp.start < at), k) for k in cands
                      if any(sp.start < at for sp in self.ents[k].mentions) and not self._unit_elsewhere(k)]
            if before:
                return max(before)[1]
        return self._rank(cands)[0] if cands else None

    @property
    def page_unit(self) -> str | None:
        """The unit (department, center ...) whose page this is: its name alone fills a line of the page's
        head (the title, before the first line of running text), and it is the only unit so named."""
        if not hasattr(self, "_page_unit"):
            self._page_unit = None
            lines = page_head_lines(self.text)
            hits = [k for k in self.by_type("Organization") if head_noun(self.ents[k].name) in _UNIT_NOUNS
                    and any((sp.start, sp.end) in lines for sp in self.ents[k].mentions)]
            if len(hits) == 1:
                self._page_unit = hits[0]
        return self._page_unit

    def of_own_hospital(self, key: str) -> bool:
        """Is organization ``key`` the page's own hospital, or named as one of its units ("Party Committee
        of X Hospital")?"""
        own = self.own_hospital
        if own is None:
            return False
        if key == own:
            return True
        e, h = self.ents[key], self.ents[own]
        return any(n.endswith(" of " + x) for n in (e.name, *e.aliases) for x in (h.name, *h.aliases))

    def _unit_elsewhere(self, key: str) -> bool:
        """Is the unit named as a unit of an institution other than the page's own hospital ("the
        Department of X of Y University Hospital")?"""
        if self.of_own_hospital(key):
            return False
        e = self.ents[key]
        return any(n.rsplit(" of ", 1)[1].split()[-1].lower() in _INSTITUTION_HEADS
                   for n in e.aliases if " of " in n)

    def _signing_ceremony(self, at: int) -> str | None:
        """"The MOA was signed by P1 and P2, who joined the ceremony online": in a sentence that tells of
        a signing, "the ceremony" is the article's one signing (not a visit or meeting around it)."""
        si = self.sent_index(at)
        if si is None or not _SIGNED.search(self.sents[si].text):
            return None
        signings = [k for k in self.by_type("Event") if self.ents[k].name.startswith("Signing ")]
        return signings[0] if len(signings) == 1 else None

    def graduated_from(self, key: str) -> str | None:
        """The programme whose graduation ceremony (entities.graduation) event ``key`` is."""
        name = self.ents[key].name
        if not name.startswith(_GRADUATION_OF):
            return None
        return next((k for k in self.by_type("Event") if self.ents[k].name == name[len(_GRADUATION_OF):]), None)

    def _event_for_noun(self, noun: str, at: int) -> str:
        """The event "the <noun>" refers to: the main event, unless its name has another head and
        another event named before is a <noun> ("... held the X Workshop. ... hosted the Y Forum, ...
        attended the forum": the forum is Y). Among several, the one named last before the anaphor."""
        noun = _singular(noun.lower())
        if noun in ("event", "training") or head_noun(self.ents[self.main_event].name) == noun:
            return self.main_event
        cands = [k for k in self.by_type("Event") if head_noun(self.ents[k].name) == noun and self.explicit.get(k)]
        fam = gz.EVENT_FAMILY.get(noun)
        if not cands and fam and fam != gz.EVENT_FAMILY.get(head_noun(self.ents[self.main_event].name)):
            # "the two-year fellowship" when the main event is the graduation from the X Programme: the
            # event of the noun's kind (a programme, course or fellowship; a meeting) named before
            cands = [k for k in self.by_type("Event") if self.explicit.get(k) and
                     gz.EVENT_FAMILY.get(head_noun(self.ents[k].name)) == fam]
        before = [(max(m.start for m in self.explicit[k] if m.start < at), k) for k in cands
                  if any(m.start < at for m in self.explicit[k])]
        return max(before)[1] if before else self.main_event

    def province(self, noun: str) -> str | None:
        noun = noun.lower()
        places = [k for k in self.by_type("Place") if self.ents[k].name.lower().endswith(noun)]
        return places[0] if len(places) == 1 else None

    @property
    def host_hospital(self) -> str | None:
        return self.org_for_noun("hospital")

    @property
    def own_hospital(self) -> str | None:
        """The hospital the article speaks for ("our hospital"): the one whose name fills the page's
        first line (a site header: "X Hospital", "X Hospital, City"), else the most named hospital."""
        if not hasattr(self, "_own"):
            self._own = None
            line = re.match(r"\s*([^\n]*)", self.text)
            a, b = line.start(1), line.end(1)
            cut = self.text.find(",", a, b)
            b = cut if cut > 0 else b
            for k in self.by_type("Organization"):
                if "hospital" in self.ents[k].name.lower() and \
                        any(sp.start == a and sp.end == b for sp in self.ents[k].mentions):
                    self._own = k
                    break
        return self._own or self.host_hospital

    @property
    def site_of_hospital(self) -> bool:
        """The page is the hospital's own: its first line (the site header) starts with the hospital's
        name ("X Hospital", "X Hospital Affiliated to Y University", "X Hospital, City")."""
        own = self.own_hospital
        if own is None:
            return False
        line = re.match(r"\s*([^\n]*)", self.text)
        return any(sp.start == line.start(1) for sp in self.ents[own].mentions)

    @property
    def speaks_as_host(self) -> bool:
        """The article speaks for its hospital ("our hospital")."""
        return bool(re.search(r"\bour (?:hospital|center|centre)\b", self.text, re.I))

    # ------------------------------------------------------------ mentions
    def sent_index(self, char: int) -> int | None:
        lo, hi = 0, len(self.sents) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sents[mid]
            if char < s.start_char:
                hi = mid - 1
            elif char >= s.end_char:
                lo = mid + 1
            else:
                return mid
        return None

    def _span_tokens(self, start: int, end: int):
        sp = self.doc.char_span(start, end, alignment_mode="expand")
        if sp is None or len(sp) == 0:
            return None
        return sp.start, sp.end

    def _place(self, key, etype, start, end, anaphor=False) -> M | None:
        i = self.sent_index(start)
        tt = self._span_tokens(start, end)
        if i is None or tt is None:
            return None
        m = M(key, etype, start, end, tt[0], tt[1], anaphor)
        self.mentions[i].append(m)
        return m

    def _index_mentions(self):
        self.covered: list[tuple[int, int]] = []
        for key, e in self.ents.items():
            for sp in self.explicit[key]:      # descriptions of events are re-resolved below
                self._place(key, e.type, sp.start, sp.end)
                self.covered.append((sp.start, sp.end))
        self.covered.sort()

    def _is_covered(self, start, end) -> bool:
        return any(s < end and start < e for s, e in self.covered)

    def _add_anaphors(self):
        text = self.text
        if self.main_event:
            # a ceremony of its own (one that confers a title, a graduation) is "the ceremony"; other
            # ceremonies are part of the main event they open or close
            ceremonies = [k for k in self.by_type("Event") if _OWN_CEREMONY_NAME.match(self.ents[k].name)]
            for mt in _EVENT_ANAPHOR.finditer(text):
                words = mt.group(0).split()
                if len(words) > 2 and words[1].lower() in _NOT_EVENT_MODIFIER:
                    continue
                if self._is_covered(mt.start(), mt.end()):
                    continue
                own = len(ceremonies) == 1 and mt.group(1).lower() == "ceremony" and len(words) == 2
                key = ceremonies[0] if own else self._described_event(mt)
                if key == self.main_event and len(words) == 2 and mt.group(1).lower() == "ceremony":
                    key = self._signing_ceremony(mt.start()) or key
                if key == self.main_event:          # or the event of that kind named before
                    key = self._event_for_noun(mt.group(1), mt.start())
                # "attended the forum, and P gave the opening lecture": a lecture or session that is no
                # event of its own is part of the event named before it in its paragraph
                if key == self.main_event and _singular(mt.group(1)) in _PART_NOUNS and \
                        head_noun(self.ents[key].name) != _singular(mt.group(1)):
                    si = self.sent_index(mt.start())
                    key = (self.paragraph_event(si, mt.start()) if si is not None else None) or key
                self._place(key, "Event", mt.start(), mt.end(),
                            anaphor=True)
            # "the 4th X Surgical Mission ... during the two-week mission": the head noun of an event named
            # in the article refers to it, also when it is no general event noun (never "our mission")
            heads = {head_noun(self.ents[k].name) for k in self.by_type("Event") if self.explicit.get(k)}
            days = [k for k in self.by_type("Event") if self.explicit.get(k) and head_noun(self.ents[k].name) == "day"]
            if len(days) == 1:
                # "The day was opened by P" after "the 3rd X Hepatology Day": the one named day (not "the next
                # day", "the day before", "at the end of the day")
                first = min(m.start for m in self.explicit[days[0]])
                for mt in re.finditer(r"\b[Tt]he\s+day\b(?!\s+(?:before|after|of|that|when|on|to)\b)", text):
                    if mt.start() > first and not self._is_covered(mt.start(), mt.end()) and not re.search(
                            r"(?i)\b(?:of|in|during|throughout|all|for)\s*$", text[max(0, mt.start() - 12):mt.start()]):
                        self._place(days[0], "Event", mt.start(), mt.end(), anaphor=True)
            heads = sorted(h for h in heads if len(h) > 3 and h not in _EVENT_NOUN_SET and h.isalpha()
                           and not VISIT_NAME.match(h) and not SIGN_NAME.match(h))
            if heads:
                rx = re.compile(r"\b(?:the|this|that)\s+(?:[\w’'-]+\s+){0,3}?(" + "|".join(heads) + r")\b", re.I)
                for mt in rx.finditer(text):
                    words = mt.group(0).split()
                    if len(words) > 2 and words[1].lower() in _NOT_EVENT_MODIFIER or \
                            self._is_covered(mt.start(), mt.end()) or text[mt.end():mt.end() + 3] == " of":
                        continue
                    self._place(self._event_for_noun(mt.group(1), mt.start()), "Event", mt.start(), mt.end(),
                                anaphor=True)
        for mt in _ORG_ANAPHOR.finditer(text):
            if self._is_covered(mt.start(), mt.end()):
                continue
            # "the hospital's key departments" still names the hospital; "the Department of X" is a name
            nxt = text[mt.end():mt.end() + 2]
            if nxt[:1].isalpha():
                continue
            key = self.org_for_noun(mt.group(2), mt.start())
            if mt.group(1).lower() == "our" and mt.group(2).lower() == "hospital":
                key = self.own_hospital
            if key:
                self._place(key, "Organization", mt.start(), mt.end(), anaphor=True)
        for mt in _PLACE_ANAPHOR.finditer(text):
            if self._is_covered(mt.start(), mt.end()):
                continue
            key = self.province(mt.group(1))
            if key:
                self._place(key, "Place", mt.start(), mt.end(), anaphor=True)

    def _described_event(self, mt) -> str:
        """The event a description ("the symposium") means: the main event, unless the description
        was resolved to another event of the same head noun when the entities were found (a
        named meeting that a visiting delegation attended, then "the symposium")."""
        head = _singular(mt.group(1))
        for k, e in self.ents.items():
            if e.type != "Event" or k == self.main_event or head_noun(e.name) != head:
                continue
            if any(sp.start <= mt.start() and mt.end() <= sp.end for sp in e.mentions):
                return k
        return self.main_event

    @staticmethod
    def _mark_inner(ms: list[M]):
        for m in ms:
            for o in ms:
                if o is not m and o.key != m.key and o.ts <= m.ts and m.te <= o.te and (o.te - o.ts) > (m.te - m.ts):
                    m.inner = True
                    break

    def top(self, si: int, etype: str | tuple | None = None) -> list[M]:
        """Top-level (not nested) mentions of sentence ``si``, optionally of some type(s)."""
        types = (etype,) if isinstance(etype, str) else etype
        return [m for m in self.mentions[si] if not m.inner and (types is None or m.type in types)]

    def all_in(self, si: int, etype: str | tuple | None = None) -> list[M]:
        types = (etype,) if isinstance(etype, str) else etype
        return [m for m in self.mentions[si] if types is None or m.type in types]

    def mention_at(self, si: int, tok: int, etype=None) -> M | None:
        for m in self.top(si, etype):
            if m.ts <= tok < m.te:
                return m
        return None

    def sent_span(self, si: int) -> Span:
        s = self.sents[si]
        return Span(s.start_char, s.end_char)

    def refers_event(self, si: int) -> list[M]:
        return self.all_in(si, "Event")

    # ------------------------------------------------------------ "A of (the) B" chains
    def of_complement(self, m: M, ms: list[M]) -> bool:
        """True when ``m`` is the "of/at (the)" complement of another organization mention in ``ms``
        directly before it ("Department X of the Y Hospital": Y), or the body whose office's name follows it
        after a bare hyphen ("Department of Health-Davao Center for Health Development": the Department)."""
        doc = self.doc
        if m.te + 1 < len(doc) and doc[m.te].text == "-" and not doc[m.te - 1].whitespace_ \
                and not doc[m.te].whitespace_ and any(o.ts == m.te + 1 and o.type == "Organization" for o in ms):
            return True
        for o in ms:
            if o is m or o.te > m.ts or o.type != "Organization":
                continue
            gap = [t.lower_ for t in doc[o.te:m.ts]]
            if gap and gap[0] == "of" and all(w in ("of", "the") for w in gap) and len(gap) <= 2:
                return True
        return False

    # ------------------------------------------------------------ output
    def add(self, s: str, p: str, o: str, si: int | None, conf: float, title: str | None = None,
            umbrella: bool = False):
        if s == o or s not in self.ents or o not in self.ents:
            return
        if s == self.main_event and self.sections and not umbrella:
            s = self.section_event(si) or s      # in a numbered part of the page: that part's event
        key = (s, p, o)
        if si is None:          # read off a name: the sentence that first names the subject
            first = self.explicit.get(s) or self.ents[s].mentions
            si = self.sent_index(min(m.start for m in first)) if first else None
        ev = self.sent_span(si) if si is not None else None
        r = self._rels.get(key)
        if r is None:
            r = Relation(s, p, o, evidence=ev, confidence=round(conf, 2), title=title)
            self._rels[key] = r
            self.ex.relations.append(r)
        else:
            if conf > r.confidence:
                r.confidence = round(conf, 2)
                if ev is not None:
                    r.evidence = ev
            if title and not r.title:
                r.title = title

    def has(self, s, p, o) -> bool:
        return (s, p, o) in self._rels

    def related(self, p: str) -> list[Relation]:
        return [r for r in self._rels.values() if r.predicate == p]


def delegation_leader(ctx: Ctx, si: int) -> tuple[int, str, str | None] | None:
    """(sentence, leader, organization) of "a delegation from ORG ..., led/headed by P" in sentence ``si``
    or the one before it."""
    doc = ctx.doc
    for sj in (si - 1, si):
        if sj < 0:
            continue
        sent = ctx.sents[sj]
        toks = [t.lower_ for t in sent]
        if "delegation" not in toks:
            continue
        d = sent.start + toks.index("delegation")
        org = None
        if d + 2 < sent.end and doc[d + 1].lower_ in ("from", "of"):
            n = d + 2 + (doc[d + 2].lower_ == "the")
            m = ctx.mention_at(sj, n, "Organization")
            org = m.key if m is not None else None
        for t in doc[d:sent.end]:
            if t.lower_ in ("led", "headed") and t.i + 1 < sent.end and doc[t.i + 1].lower_ == "by":
                p = next((p for p in ctx.top(sj, "Person") if p.ts > t.i + 1), None)
                if p is not None:
                    return sj, p.key, org
    # the visit of one person ("Visit of P to Y", entities.person_visit): P leads it, from the sentence
    # that first names P
    if ctx.main_event and ctx.ents[ctx.main_event].name.startswith("Visit of ") \
            and not ctx.ents[ctx.main_event].name.startswith("Visit of the "):
        for sj in (si - 1, si):
            if sj >= 0:
                p = next((p for p in ctx.top(sj, "Person") if ctx.ents[ctx.main_event].name.startswith(
                    f"Visit of {ctx.ents[p.key].name} to ")), None)
                if p is not None:
                    return sj, p.key, None
    return None


def accompanying_cue(ctx: Ctx, si: int) -> tuple[int, str | None] | None:
    """(first token after "accompanied by", the delegation's organization) when sentence ``si`` says who
    accompanied the leader of the visiting delegation ("... a delegation from ORG, led by P0. He was
    accompanied by P1, Post, and P2, Post")."""
    doc, sent = ctx.doc, ctx.sents[si]
    toks = [t.lower_ for t in sent]
    if "accompanied" not in toks:
        return None
    i = toks.index("accompanied")
    if i + 1 >= len(toks) or toks[i + 1] != "by":
        return None
    a = sent.start + i
    subj = [x for c in doc[a].children if c.dep_ in ("nsubjpass", "nsubj") for x in c.subtree]
    leader = delegation_leader(ctx, si)
    if leader is None or not subj:
        return None
    if all(x.lower_ in ("he", "she", "they") for x in subj) and leader[0] in (si - 1, si) or \
            any(p.key == leader[1] and p.ts in {x.i for x in subj} for p in ctx.top(si, "Person")):
        return a + 2, leader[2]
    return None
