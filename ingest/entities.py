"""Entity recognition and resolution: people, organizations, events, specialties, countries, places.

The text has already been parsed once by spaCy (:func:`medkg.ingest.extract.Extractor.extract`);
everything here works on that parse and on the raw text with precompiled
regexes and vocabularies (:mod:`medkg.ingest.gazetteer`), so it costs a small
fraction of the parse.  The approach:

1. **Name chunks**: maximal runs of capitalized words joined by connectors
   (of, and, for, on, the, &, quotes), split at coordinations ("A and the B").
2. **Segments and units**: a chunk is cut at of/for/on into segments, each
   classified by its head noun (institution, event, place, post title) or by
   honorifics and spaCy NER (person); segments are composed left to right:
   "Department" + "of General Surgery" is one unit, "<unit> of <institution>"
   makes a sub-unit with a parentOrganization relation.
3. **Specialties**: the SKOS scheme's labels (plus generic field patterns),
   gated by context so that operations, equipment and diseases stay out.
4. **Resolution**: acronyms defined in the text or matching a name, name
   variants (same words in another order, a person with and without titles,
   a shortened event name), joint meetings coordinated in one phrase,
   anaphora ("the conference") as mentions of the event referred to.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator
from dataclasses import dataclass, field

from medkg.ingest import gazetteer as gz
from medkg.ingest.dates import MONTH_WORDS, WEEKDAY, WEEKDAY_WORDS
from medkg.ingest.model import Entity, Extraction, Relation, Span
from medkg.ingest.rel_context import page_head_lines
from medkg.ingest.rel_lexicon import demonym_code
from medkg.ingest.names import acronym_matches, clean, is_acronym, split_person
from medkg.ontology import countries

#: ("a/l", "a/p", "s/o", "d/o": "son/daughter of" inside Malaysian and Indian names, one token)
_TOKEN = re.compile(r"(?<![^\W_])(?:a/[lp]|[sd]/o)(?![^\W_/])|[^\W_]+(?:[-'’][^\W_]+)*|\S")
#: what may stand between the words of a name used again: spaces, line breaks, quotation marks
_NAME_GAP = re.compile(r"[\s\"“”]+")
_SPACES = re.compile(r"\s+")
#: letters a case-insensitive regex takes for an ASCII letter that ``str.lower`` does not make one
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f")      # İ ı ſ


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _name_uses(text: str, words: list[str], gap: re.Pattern, caseless: bool = False) -> Iterator[tuple[int, int]]:
    """Where ``words`` stand in ``text`` in order, ``gap`` between them, as whole words (no letter,
    digit, "_" or "-" just before or after): (start, end), left to right, not overlapping. What a
    regex of the words would find (``(?<![\\w-])w1<gap>w2...(?![\\w-])``, case-insensitive when
    ``caseless``) without compiling one per name: ~20 names an article, each a new pattern."""
    if not words:
        return
    if caseless and (not all(w.isascii() for w in words) or any(ch in text for ch in _FOLDS_TO_ASCII)) \
            or any(gap.match(w) for w in words[1:]):
        # (a case-insensitive regex equates letters lower() does not, and a gap before a word that
        # begins like a gap can end earlier: these few by regex)
        yield from ((m.start(), m.end()) for m in re.finditer(
            r"(?<![\w-])" + gap.pattern.join(re.escape(w) for w in words) + r"(?![\w-])",
            text, re.I if caseless else 0))
        return
    if caseless:
        text, words = text.lower(), [w.lower() for w in words]
    first, n, end = words[0], len(text), 0
    pos = text.find(first)
    while pos >= 0:
        if pos >= end and (pos == 0 or not (_is_word_char(text[pos - 1]) or text[pos - 1] == "-")):
            at = pos + len(first)
            for w in words[1:]:
                g = gap.match(text, at)
                if g is None or not text.startswith(w, g.end()):
                    at = -1
                    break
                at = g.end() + len(w)
            if at >= 0 and (at == n or not (_is_word_char(text[at]) or text[at] == "-")):
                yield pos, at
                end = at
        pos = text.find(first, pos + 1)
_SAINT_BEFORE = re.compile(r"(?<![\w.])(?:St\.?|Saint|Ste\.?)\s+$")
#: "Y received (today) a (five-member) delegation from X": a visit of X to Y told from the host's side
_RECEIVED_DELEGATION = re.compile(
    r"\b(?:received|receives|welcomed|welcomes|hosted|hosts)\s+(?:\w+\s+){0,2}?(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,3}?delegation\s+(?:from|of)\s+(?:the\s+)?", re.I)
#: what follows a hospital's name that ends with its city: ")" or ", <Country>"
_AFTER_CITY_NAME = re.compile(r"[ \t]*(?:\)|,[ \t]*([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}?)[ \t]*[)\n,.;])")
#: last words of street names ("on Butlerov Street", "at 12 Lime Road")
_STREET_NOUNS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "prospekt", "prospect",
                 "highway"}
#: heads of bodies named after a list of fields ("Faculty of Medicine, Public Health and Nursing")
_FIELD_LIST_HEADS = {"faculty", "school", "college", "department", "institute"}
#: the rest of such a list after its first comma: ", B(, C) and D"
_FIELD_LIST = re.compile(r"[ \t]*((?:[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?,[ \t]*){0,3}"
                         r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?,?[ \t]+and[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)\b")
#: a facility noun after a lower-case field phrase ("the intensive care unit", "burns ward", "dialysis beds")
_FACILITY_BEFORE = re.compile(r"(?i)(?:\bthe|['’]s|\band|\bits|\bour|\btheir)\s+$")
_FACILITY_AFTER = re.compile(r"[ \t]+(?:units?|wards?|beds?|rooms?|bays?)\b")
#: a unit only planned: "will open a ...", "plans to build a new ..."
_FACILITY_PLANNED = re.compile(r"(?i)\b(?:will|to|shall|would)\s+(?:open|build|set\s+up|establish|add|create|"
                               r"launch|construct)\s+(?:an?|the|its|their)\s+(?:new\s+)?$")
#: the words before a place ("in Mannheim", "from Hillah")
_LOCATIVE_BEFORE = re.compile(r"(?i)\b(?:in|at|from|near|to|across|throughout|outside|around)\s+$")
#: words that open a clause whose subject may be a city ("how Qingdao built ...")
_CLAUSE_OPENER = re.compile(r"(?i)\b(?:how|why|where|when|that|whether)\s+$")
_QUOTE_CHARS = set("\"“”‘’'`·•")
_STOP = {"the", "of", "and", "in", "at", "for", "on", "a", "an", "to", "with", "&"}


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    # derived once (read in every test of the chunker's hot loop); never compared
    low: str = field(init=False, repr=False, compare=False)
    cap: bool = field(init=False, repr=False, compare=False)
    word: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        text = self.text
        c = text[0]
        self.low = text.lower()
        self.cap = c.isupper() or c.isdigit()
        self.word = c.isalnum()


@dataclass
class Seg:
    toks: list[Tok]          # word tokens of the segment
    conn: str | None         # connector before it (of / for / on) or None
    kind: str = "TOPIC"      # ORG EVENT PLACE COUNTRY PERSON TITLE ACRO TOPIC
    head: str = ""


@dataclass
class Unit:
    kind: str
    segs: list[Seg]
    start: int               # char offsets of the unit's own name
    end: int
    head: str = ""
    parent: "Unit | None" = None
    for_parent: "Unit | None" = None
    places: list[Seg] = field(default_factory=list)
    extended: bool = False
    key: str | None = None


def _fold(name: str) -> str:
    """A name's matching key without accents ("Çamlık" and "CAMLIK" both give "camlik")."""
    import unicodedata
    s = unicodedata.normalize("NFKD", name.replace("ı", "i").replace("İ", "I"))
    return gz.norm("".join(c for c in s if not unicodedata.combining(c)))


#: abbreviated honorifics that start a personal name ("Prof.", "Dr.")
_NAME_HONORIFICS = {"prof", "pr", "dr", "mr", "mrs", "ms", "assoc"}
#: head words of a hospital's name
_HOSPITAL_HEADS = r"Hospitals?|Infirmary|Clinic|Klinikum|Medical Cent(?:er|re)"
#: a hospital's name (its head word), for alternate names in brackets
_HOSPITAL_NAME = re.compile(rf"\b(?:{_HOSPITAL_HEADS}|Health Cent(?:er|re))\s*$", re.I)
#: the article's own institution as the subject of a signing ("the hospital signed ...")
_SELF_REFERENCE = re.compile(r"(?i)\b(?:the|our)\s+(hospital|university|institute|centre|center|college|trust|clinic)"
                             r"\s+(?:\w+\s+){0,2}$")
_SIGNING_NAME = re.compile(r"(?i)\b(?:signing|agreement|memorandum|mou)\b")
#: a hospital named anywhere in a name ("First Affiliated Hospital of Y University")
_HOSPITAL_WORD = re.compile(rf"\b(?:{_HOSPITAL_HEADS})\b", re.I)
#: a unit whose name gives its field by a short word only: "Trauma Centre", "Respiratory Branch", "Burns Unit",
#: "Department of Accident and Emergency" / "A&E Department", "Orthopedic Hospital", a society named by a
#: field's adjective ("Paediatric Society"), an "Emergency Department" (the word -> the field's name in the scheme)
_UNIT_FIELD = re.compile(r"\b(?:(Trauma|Respiratory|Burns?|Orthopa?edic)\s+"
                         r"(?:Centre|Center|Branch|Department|Unit|Ward|Division|Hospital|Society|Association)"
                         r"|(?:Department|Division|Unit)\s+of\s+(Accident\s+(?:and|&)\s+Emergency)"
                         r"|(Accident\s+(?:and|&)\s+Emergency|A&E)\s+(?:Department|Unit|Centre|Center)"
                         r"|(Pa?ediatric)\s+(?:Society|Association)"
                         r"|(Emergency)\s+(?:Department|Unit|Centre|Center|Ward|Division))\b")
#: an "of" in a name: what follows names the body the unit belongs to
_OF = re.compile(r"\bof\b")
_UNIT_FIELD_NAMES = {"trauma": "trauma care", "respiratory": "respiratory medicine", "burn": "burn care",
                     "burns": "burn care", "orthopedic": "orthopedics", "orthopaedic": "orthopedics",
                     "pediatric": "pediatrics", "paediatric": "pediatrics",
                     "accident and emergency": "emergency medicine",
                     "accident & emergency": "emergency medicine", "a&e": "emergency medicine",
                     "emergency": "emergency medicine"}
#: " (the " / " (" right after a name, before the alternate name
_ALT_NAME_BRACKET = re.compile(r"\s?\((?:the\s+)?")
#: "Riverside General Hospital (RGH) Burns Centre": only a bracketed acronym between a body and its unit
_ACRONYM_GAP = re.compile(r"\s*\(\s*[A-Z][A-Za-z&]{1,9}\s*\)\s*")


# ---------------------------------------------------------------- registry (resolution)
class Registry:
    """Entities of one article with an alias index; merging keeps mentions and relations."""

    def __init__(self, ex: Extraction):
        self.ex = ex
        self.index: dict[tuple[str, str], str] = {}
        self.rels: list[list] = []     # [subject key, predicate, object key, evidence span, confidence]
        self.redirect: dict[str, str] = {}

    @staticmethod
    def _key(etype: str, name: str) -> str:
        n = gz.norm(name)
        return _us_spelling(n) if etype == "Specialty" else n

    def find(self, etype: str, name: str) -> str | None:
        k = self.index.get((etype, self._key(etype, name)))
        return self.resolve(k) if k else None

    def resolve(self, key: str) -> str:
        while key in self.redirect:
            key = self.redirect[key]
        return key

    def add(self, etype: str, name: str, span: tuple[int, int] | None = None, alias: str | None = None,
            conf: float = 0.8, concept: str | None = None, subtypes=()) -> str | None:
        name = name.strip()
        if not name or not gz.norm(name):
            return None
        key = self.find(etype, name) or (self.find(etype, alias) if alias else None)
        if key is None:
            key = f"{etype}|{gz.norm(name)}"
            if key in self.ex.entities:  # a redirected name reused
                key = self.resolve(key)
            else:
                self.ex.entities[key] = Entity(key=key, type=etype, name=name, concept=concept,
                                               confidence=conf, subtypes=list(subtypes))
            self.index[(etype, self._key(etype, name))] = key
        e = self.ex.entities[key]
        if e.name.isupper() and not name.isupper() and len(name.split()) >= 2 and name != e.name \
                and name.lower() == e.name.lower():
            e.name = name                 # "X HOSPITAL" of a page header, then "X Hospital" in the text
        e.confidence = max(e.confidence, conf)
        if concept and not e.concept:
            e.concept = concept
        for st in subtypes:
            if st not in e.subtypes:
                e.subtypes.append(st)
        spelled = name if etype == "Specialty" and gz.norm(name) != gz.norm(e.name) else None
        for a in (alias, spelled):        # "paediatric anaesthesia" beside "pediatric anesthesia"
            if a and gz.norm(a) and a != e.name:
                e.aliases.add(a)
                self.index.setdefault((etype, self._key(etype, a)), key)
        if span is not None:
            self.mention(key, span)
        return key

    def alias(self, key: str, alias: str) -> None:
        key = self.resolve(key)
        e = self.ex.entities[key]
        if alias and alias != e.name and gz.norm(alias):
            e.aliases.add(alias)
            self.index.setdefault((e.type, self._key(e.type, alias)), key)

    def mention(self, key: str, span: tuple[int, int]) -> None:
        e = self.ex.entities[self.resolve(key)]
        if not any(m.start == span[0] and m.end == span[1] for m in e.mentions):
            e.mentions.append(Span(span[0], span[1]))

    def merge(self, keep: str, drop: str) -> str:
        keep, drop = self.resolve(keep), self.resolve(drop)
        if keep == drop:
            return keep
        a, b = self.ex.entities[keep], self.ex.entities.pop(drop)
        a.aliases |= b.aliases | {b.name}
        a.aliases.discard(a.name)
        if a.type == "Person":   # a surname alone is a mention, not a name
            a.aliases = {x for x in a.aliases if len(x.split()) > 1}
        for m in b.mentions:
            self.mention(keep, (m.start, m.end))
        a.confidence = max(a.confidence, b.confidence)
        a.concept = a.concept or b.concept
        a.date = a.date or b.date
        for st in b.subtypes:
            if st not in a.subtypes:
                a.subtypes.append(st)
        for k, v in list(self.index.items()):
            if v == drop:
                self.index[k] = keep
        self.redirect[drop] = keep
        return keep

    def relate(self, s: str | None, p: str, o: str | None, evidence: tuple[int, int] | None, conf: float) -> None:
        if s and o:
            self.rels.append([s, p, o, evidence, conf])

    def flush(self) -> None:
        seen = {(r.subject, r.predicate, r.object) for r in self.ex.relations}
        for s, p, o, ev, conf in self.rels:
            s, o = self.resolve(s), self.resolve(o)
            if s == o or s not in self.ex.entities or o not in self.ex.entities or (s, p, o) in seen:
                continue
            seen.add((s, p, o))
            self.ex.relations.append(Relation(s, p, o, evidence=_sentence(self.ex, ev), confidence=conf))


def _sentence(ex: Extraction, span) -> Span | None:
    if span is None:
        return None
    for s in ex.sentences:
        if s.start <= span[0] < s.end:
            return s
    return None


# ---------------------------------------------------------------- the article
class _Article:
    def __init__(self, doc, ex: Extraction):
        self.doc = doc
        self.ex = ex
        self.text = _recase(ex.article.text)     # same length: offsets stay valid
        self.reg = Registry(ex)
        self.junk = [(m.start(), m.end()) for m in gz.JUNK.finditer(self.text)]
        # NER label per character (only the labels used as signals)
        self.ner: dict[int, str] = {}
        self.ner_spans = []
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"):
                self.ner_spans.append((ent.start_char, ent.end_char, ent.label_))
        self.tok_at: dict[int, object] = {t.idx: t for t in doc}
        self.units: list[Unit] = []
        self.org_spans: list[tuple[int, int, str]] = []    # spans of org/event names (for specialties)
        self.joint: list[list[str]] = []
        self.acros: list[tuple[Tok, str]] = []              # bare acronym mentions (tok, role)
        self.pending_parents: list[tuple[str, Tok, tuple[int, int]]] = []
        self.unit_hyphens: set[int] = set()     # offsets of hyphens that join a body to its office's name

    # -------------------------------------------------------------- helpers
    def in_junk(self, start: int) -> bool:
        return any(a <= start < b for a, b in self.junk)

    def ner_label(self, start: int, end: int) -> str | None:
        """The NER label covering most of [start, end)."""
        best, cover = None, 0
        for a, b, lab in self.ner_spans:
            ov = min(b, end) - max(a, start)
            if ov > cover:
                best, cover = lab, ov
        return best if cover >= (end - start) * 0.5 else None

    def ner_exact(self, start: int, end: int, labels) -> bool:
        for a, b, lab in self.ner_spans:
            if lab in labels and abs(a - start) <= 4 and b == end:
                return True
        return False

    def span_text(self, toks: list[Tok]) -> str:
        s, e = toks[0].start, toks[-1].end
        if s > 0 and self.text[s - 1] in "“\"" and "”" in self.text[s:e] + "\"":
            s -= 1
        if e < len(self.text) and self.text[e] in "”\"" and self.text[s:e].count("“") + self.text[s:e].count("\"") % 2:
            e += 1
        return self.text[s:e]

    def given_abbrev(self, toks: list[Tok], i: int) -> bool:
        """The "." at ``toks[i]`` ends an abbreviated given name ("Ma." for Maria, "Fco." for
        Francisco), not a sentence: a capitalized name follows on the same line, itself followed
        by a name (an initial, another capitalized word), not a verb or a sentence opener."""
        a, b = toks[i + 1], toks[i + 2]
        return (a.word and a.cap and a.text[0].isalpha() and a.low not in gz.NON_NAME_WORDS
                and a.low not in gz.CONNECTORS and "\n" not in self.text[toks[i].end:a.start]
                and b.word and b.cap and b.low not in gz.NON_NAME_WORDS and not self.is_verb(b))

    # -------------------------------------------------------------- chunks
    def chunks(self) -> list[list[Tok]]:
        text = self.text
        toks = []
        for m in _TOKEN.finditer(text):
            w = m.group()
            if len(w) > 3 and w[-2] in "'’" and w[-1] in "sS" and w[:-2].lower() not in gz.POSSESSIVE_IN_NAMES \
                    and not _SAINT_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                # ("St Mary's Hospital": a saint's possessive is part of the name)
                # "West China Hospital's": the possessive ends the name
                toks.append(Tok(w[:-2], m.start(), m.end() - 2))
                toks.append(Tok(w[-2:], m.end() - 2, m.end()))
            else:
                toks.append(Tok(w, m.start(), m.end()))
        out, cur = [], []
        prev_end = 0

        def close():
            nonlocal cur
            c = cur
            cur = []
            while c and (not c[-1].word or c[-1].low in gz.CONNECTORS or c[-1].text == "."
                         or c[-1].low in ("affiliated", "attached")):
                c.pop()
            while c and (not c[0].word or c[0].low in gz.CONNECTORS
                         or (c[0].low in gz.NON_NAME_WORDS and not c[0].low in gz.HONORIFICS
                             and not is_acronym(c[0].text))):
                if c[0].low in gz.SURNAME_PRONOUNS and len(c) in (2, 3) and all(
                        x.word and x.cap and x.low not in gz.ORG_HEADS | gz.EVENT_HEADS for x in c):
                    break             # "He Jie, director of ...": a surname, not the pronoun
                c.pop(0)
            # "On 23 May the X Hospital hosted ...", "On May 23 the X ...": a date with no comma after it
            # runs into the name that follows; the date and "the" are not part of it
            if len(c) >= 3 and c[0].text.isdigit() and len(c[0].text) <= 2 and c[1].low == "the":
                del c[:1]             # (the month was taken off above as a non-name word)
            elif len(c) >= 3 and (c[0].text.isdigit() and c[1].low in MONTH_WORDS
                                  or c[0].low in MONTH_WORDS and c[1].text.isdigit()) \
                    and any(x.low == "the" for x in c[2:4]):
                del c[:2]
            if c and c[0].low == "the":
                while c and (not c[0].word or c[0].low in gz.CONNECTORS or c[0].low == "the"):
                    c.pop(0)
            if c and any(t.word and t.text[0].isalpha() for t in c) and not self.in_junk(c[0].start):
                out.append(c)

        for i, t in enumerate(toks):
            if cur and "\n" in text[prev_end:t.start]:
                close()
            prev_end = t.end
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if t.text in _QUOTE_CHARS:
                continue                      # quotes are transparent inside names
            if t.text == ".":
                if cur and (cur[-1].low in gz.ABBREVIATIONS or re.fullmatch(r"[A-Z]", cur[-1].text)
                            or cur[-1].low in gz.DEGREE_PARTS and cur[-1].text.islower()):
                    cur.append(t)
                elif cur and cur[-1].text in _GIVEN_NAME_ABBREVS and i + 2 < len(toks) and self.given_abbrev(toks, i):
                    cur.append(t)             # "Dr. Ma. Lourdes P. Santos": "Ma." (Maria) is a given name
                else:
                    close()
                continue
            if t.word and t.cap and "-" in t.text and cur and self.office_after_hyphen(cur, t, toks, i):
                # "Department of Health-Davao Center for Health Development": a body, then its office
                a, b = t.text.split("-", 1)
                h = t.start + len(a)
                self.unit_hyphens.add(h)
                cur.extend((Tok(a, t.start, h), Tok("-", h, h + 1), Tok(b, h + 1, t.end)))
                continue
            if t.word and t.cap:
                if cur and t.text[0].isdigit() and cur[-1].low in ("and", "&", "of", "for", "on", "in"):
                    close()                   # "... Medicine and 65 experts": a new phrase
                    cur.append(t)
                    continue
                if cur and nxt is not None and nxt.word and nxt.cap and (
                        t.low in gz.HEADLINE_BARE_VERBS and (cur[-1].low.endswith("s") or cur[-1].low in gz.ORG_HEADS
                                                             or gz.FOREIGN_ORG_WORD.search(cur[-1].low)
                                                             or countries.lookup(self.text[cur[0].start:cur[-1].end]))
                        and cur[-1].low not in gz.EVENT_HEADS
                        or t.low in ("sign", "host") and cur[-1].low not in gz.CONNECTORS):
                    close()           # headline: "Embassy Officials Visit X Hospital"
                    continue
                if cur and (self.is_verb(t) or t.low in gz.TITLECASE_BREAKS):
                    close()           # headline verbs: "... Forum Held in X", "... Signs MOU"
                    continue
                if cur and t.low in _NAME_HONORIFICS and nxt is not None and nxt.text == "." \
                        and cur[-1].word and cur[-1].low not in gz.TITLE_WORDS | gz.HONORIFICS:
                    close()           # "Dean of the Faculty of Medicine Prof. Dr. A": a name starts
                cur.append(t)
                continue
            if t.low == "in" and cur and nxt is not None and nxt.word and nxt.cap \
                    and any(x.low in ("embassy", "consulate", "consulate-general") for x in cur) \
                    and self.place_like(nxt, toks, i + 1):
                cur.append(t)             # "Embassy of Pakistan in China"
                continue
            if t.low == "in" and cur and nxt is not None and nxt.word and nxt.cap \
                    and any(x.low in gz.EVENT_HEADS for x in cur) and not self.place_like(nxt, toks, i + 1) \
                    and nxt.low not in MONTH_WORDS and not nxt.text[0].isdigit():
                cur.append(t)             # "Training Course on X in Developing Countries"
                continue
            if t.low in _QUOTED_NAME_PREPS and cur and cur[-1].word and cur[-1].cap and self.quoted_name_goes_on(cur, t):
                cur.append(t)             # '"Training Class on X at High Altitude"': a quoted name runs to its quote
                continue
            if t.text in ("–", "-") and cur and cur[-1].word and cur[-1].cap and nxt is not None \
                    and nxt.word and nxt.cap and text[t.start - 1:t.start] == " " \
                    and any(gz.FOREIGN_ORG_WORD.search(x.low) for x in (*cur, nxt)):
                cur.append(t)             # "Charité – Universitätsmedizin Berlin"
                continue
            if t.low == "to" and cur and cur[-1].low in ("team", "teams") and nxt is not None and nxt.word \
                    and nxt.cap and self.place_like(nxt, toks, i + 1):
                cur.append(t)             # "the 12th Chinese Medical Team to Malawi": the destination names the team
                continue
            if t.low == "series" and cur and cur[-1].low in gz.EVENT_HEADS:
                cur.append(t)             # "the X Workshop series": the series, not one edition
                continue
            if t.low in gz.DEGREE_PARTS and t.text.islower() and len(cur) >= 2 and cur[-1].text == "." \
                    and (cur[-2].low in gz.HONORIFICS or cur[-2].low in gz.DEGREE_PARTS) \
                    and nxt is not None and nxt.text == ".":
                cur.append(t)                 # "Prof. Dr. med. Jens Hartmann": a degree inside the title
                continue
            if t.low in _NAME_PARTICLES and t.text.islower() and cur and cur[-1].word and (
                        cur[-1].cap or cur[-1].low in _NAME_PARTICLES and len(cur) > 1 and cur[-2].cap) \
                    and t.low not in gz.CONNECTORS and nxt is not None and (
                        nxt.word and nxt.cap or nxt.low in _NAME_PARTICLES and i + 2 < len(toks)
                        and toks[i + 2].word and toks[i + 2].cap):
                cur.append(t)                 # "Joost van den Heuvel": a particle inside a personal name
                continue
            if t.low in gz.CONNECTORS:
                if cur and t.low in ("on", "for", "of", "in") and nxt is not None and nxt.low != "the" and (
                        nxt.low in gz.NON_NAME_WORDS or not (nxt.cap or nxt.text in _QUOTE_CHARS)):
                    close()           # "held in Chengdu on August 24": not a name connector
                    continue
                if cur:
                    cur.append(t)
                continue
            if t.text == "," and cur and cur[-1].word and cur[-1].cap and self.field_list_in_name(cur, t.end):
                cur.append(t)             # "Faculty of Medicine, Public Health and Nursing": fields named in a list
                continue
            if (t.word and t.low in gz.NAME_INNER_LOWER and cur and cur[-1].word and cur[-1].cap
                    and cur[-1].low not in gz.CONNECTORS and nxt is not None
                    and (nxt.cap and nxt.word or nxt.low in ("of", "for"))):
                cur.append(t)
                continue
            close()
        close()
        return out

    def quoted_name_goes_on(self, cur: list[Tok], t: Tok) -> bool:
        """Does the name in ``cur`` open with a quotation mark whose closing mark comes after ``t`` (a
        preposition), with only capitalized words and connectors in between?"""
        text = self.text
        if cur[0].start == 0 or text[cur[0].start - 1] not in _OPEN_QUOTES:
            return False
        rest = text[t.end:t.end + 80]
        close = next((i for i, c in enumerate(rest) if c in _CLOSE_QUOTES), -1)
        if close <= 0:
            return False
        ws = rest[:close].split()
        return bool(ws) and ws[0][:1].isupper() and all(
            w[:1].isupper() or w.lower() in gz.CONNECTORS or w.lower() in _QUOTED_NAME_PREPS for w in ws)

    @staticmethod
    def office_after_hyphen(cur: list[Tok], t: Tok, toks: list[Tok], i: int) -> bool:
        """Does the hyphen in ``t`` close the name of a government body ("Department of Health-") and open
        the name of its office, which has a head of its own ("-Davao Center for Health Development")?"""
        a, b = t.text.split("-", 1)
        if not (a[:1].isupper() and b[:1].isupper()) or "-" in b:
            return False
        body = next((x.low for x, y in zip(cur, cur[1:]) if x.low in gz.GOV_HEADS and y.low == "of"), None)
        if body is None:
            return False
        for x in toks[i + 1:i + 8]:
            if x.low in gz.ORG_HEADS:
                # an office ranks no higher than its body ("Committee of X Anti-Cancer Association": one word)
                return gz.ORG_RANK.get(x.low, 3) <= gz.ORG_RANK.get(body, 3)
            if not (x.word and x.cap or x.low in gz.CONNECTORS):
                return False
        return False

    def place_like(self, t: Tok, toks: list[Tok], i: int) -> bool:
        """Does a place name start at token ``i``?"""
        if t.low in gz.admin_areas() or countries.lookup(t.text):
            return True
        return any(a == t.start and lab in ("GPE", "LOC") for a, _b, lab in self.ner_spans)

    def placed(self, start: int, end: int) -> bool:
        """Is a name the parser calls a place a known area or city, or written where a place stands
        (after in/at/from/to ..., before ", <Country or area>")? An unknown name with no such cue ("a
        milestone for Mindanao") is an island or a vague region as often as an administrative area."""
        name = self.text[start:end]
        low = name.lower()
        if low in gz.admin_areas() or low in gz.world_cities() or countries.lookup(name) \
                or _LOCATIVE_BEFORE.search(self.text, max(0, start - 40), start):
            return True
        m = re.match(r"\s*,\s*(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})", self.text[end:end + 60])
        return bool(m and (countries.lookup(m.group(1).split()[0]) or countries.lookup(m.group(1))
                           or m.group(1).lower() in gz.admin_areas()))

    def city_in_context(self, start: int, end: int) -> bool:
        """Is text[start:end] a city of the world-city table where the text treats it as a place:
        after in/at/from/to ("hosted ... in Mannheim"), before ", <Country>" of that city or
        ", <State>" ("Dhaka, Bangladesh", "Cleveland, Ohio"), as a dateline ("Hyderabad, 22 February
        2024:"), or as ", <City>," after an institution ("the Institute (DIMS), Hyderabad, on ...")?
        Only whole capitalized names; the table itself leaves out common words and surnames."""
        text = self.text
        name = text[start:end]
        if not all(w[:1].isupper() for w in name.split() if w.lower() not in ("de", "del", "la", "of", "am")):
            return False
        hit = gz.city(name)
        if hit is None:
            return False
        _name, ccs, pop = hit
        after = text[end:end + 60]
        m = re.match(r"\s*,\s*(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})", after)
        if m:
            for k in range(len(m.group(1).split()), 0, -1):
                q = " ".join(m.group(1).split()[:k])
                hit_c = countries.lookup(q)
                if hit_c:
                    return hit_c[0] in ccs
                if q.lower() in gz.admin_areas():
                    return True
        before = text[max(0, start - 40):start]
        line_start = re.search(r"(?:^|\n)[ \t]*$", before) is not None
        if line_start and re.match(rf"\s*,\s*(?:[A-Z][\w ]{{1,25}},\s*)?(?:\d{{1,2}}\s+(?:{_MONTHS_RE})|(?:{_MONTHS_RE})\.?\s+\d|"
                                   rf"\d{{4}}|\d{{1,2}}[-./]\d{{1,2}}[-./]\d{{4}}\b)",
                                   after):
            return True               # a dateline
        if line_start and re.match(r"[ \t]+(?:–|—|-{1,2})[ \t]+(?:On|Last|This|Today|Yesterday|Earlier)\b", after):
            return True               # a dateline with a dash: "Nairobi – On Monday, ..."
        if pop < gz.CITY_MIN_POPULATION:
            return False
        if _LOCATIVE_BEFORE.search(before):
            return True
        if _CLAUSE_OPENER.search(before):
            # "introduced how Qingdao built a city-wide platform": a city as the subject of a clause
            last = self.tok_at.get(end - len(name.split()[-1]))
            if last is not None and last.dep_ == "nsubj" and last.head.pos_ == "VERB" and last.head.i > last.i:
                return True
        if re.search(r"[A-Z][\w'’.-]*\s+\($", before) and after[:1] == ")":
            return True               # "Prof. Zhang Wei (Luoyang)": a bracket that holds only a named one's city
        prev = re.search(r"(\)|[^\W\d_]+)\s*,\s*$", before)
        return bool(prev and (prev.group(1) == ")" or prev.group(1).lower() in gz.ORG_HEADS)
                    and re.match(r"[ \t]*(?:[,.;)]|\n|$)", after))   # (also at the end of a line, list item or bracket)

    def field_list_in_name(self, cur: list[Tok], at: int) -> bool:
        """Does the comma before ``at`` go on a list of fields that a faculty's or school's name began
        ("Faculty of Medicine, Public Health and Nursing of X University")?"""
        k = len(cur) - 1
        while k > 0 and cur[k].low != "of":
            k -= 1
        if k < 1 or cur[k - 1].low not in _FIELD_LIST_HEADS:
            return False
        first = self.text[cur[k + 1].start:cur[-1].end] if k + 1 < len(cur) else ""
        m = _FIELD_LIST.match(self.text, at)
        if not first or m is None:
            return False
        items = [first, *re.split(r"\s*,\s*|\s+and\s+", m.group(1))]
        return all(gz.specialty_label(x) or gz.FIELD_HEADS.search(x) for x in items if x)

    def city_closes_name(self, ws: list[Tok]) -> bool:
        """"X Hospital Belgrade" before ")" or ", <Country>" of that city: a hospital named with its city
        last (a usage of European hospitals' names), not a hospital and a place."""
        last = ws[-1]
        if not last.cap or last.text.isupper() or not any(x.cap for x in ws[:-2]):
            return False
        hit = gz.city(last.text)
        if hit is None:
            return False
        m = _AFTER_CITY_NAME.match(self.text, last.end)
        if m is None:
            return False
        if m.group(1) is None:
            return True
        c = countries.lookup(m.group(1))
        return bool(c) and c[0] in hit[1]

    def is_verb(self, t: Tok) -> bool:
        if t.low in gz.HEADLINE_VERBS:
            return True
        tok = self.tok_at.get(t.start)
        return tok is not None and tok.tag_ in ("VBD", "VBZ", "VBP") and tok.pos_ in ("VERB", "AUX") \
            and t.low not in gz.ORG_HEADS and t.low not in gz.EVENT_HEADS

    # -------------------------------------------------------------- classification
    def seg_kind(self, seg: Seg) -> None:
        ws = seg.toks
        if not ws:
            return
        first, last = ws[0].low.rstrip("."), ws[-1].low.split("-")[-1]
        sing = last[:-1] if last.endswith("s") and last[:-1] in (gz.ORG_HEADS | gz.EVENT_HEADS) else last
        if sing.endswith("ie") and sing[:-2] + "y" in gz.ORG_HEADS:
            sing = sing[:-2] + "y"
        text = self.text[ws[0].start:ws[-1].end]
        if first in gz.HONORIFICS and len(ws) > 1 and first != "professor" or (
                first == "professor" and len(ws) > 1 and ws[1].low not in gz.ORG_HEADS):
            seg.kind = "PERSON"
            return
        if countries.lookup(clean(text)) or (len(text) <= 5 and countries.lookup(text + ".")):
            seg.kind = "COUNTRY"
            return
        if len(ws) == 1 and is_acronym(ws[0].text):
            seg.kind = "ACRO"
            if len(text) > 3 and text.lower() in gz.admin_areas():
                seg.kind = "PLACE"        # "BEIJING, June 3 --": a dateline
            return
        if len(ws) >= 2 and ws[-2].low == "consulate" and last == "general":
            sing = "consulate"
        if len(ws) >= 3 and last in ("care", "system") and ws[-2].low == "health":
            sing = "healthcare"           # "Stanford Health Care", "X Health System"
        if len(ws) >= 3 and last == "city" and ws[-2].low in ("medical", "health", "healthcare"):
            sing = "hospital"             # "X Medical City": a hospital complex, not a town
        if seg.conn in (None, "of") and len(ws) >= 2 and (first in gz.FOREIGN_ORG_FIRST or any(
                t.low in gz.FOREIGN_ORG_ANY for t in ws)) \
                and all(t.cap or t.low in gz.CONNECTORS for t in ws[1:]) \
                and not any(t.low in gz.TITLE_WORDS for t in ws[1:]):
            seg.kind, seg.head = "ORG", "hospital" if first in ("hospital", "hôpital", "ospedale",
                                                               "klinikum", "policlinico") else first
            return                        # "Hospital Universitario La Paz", "Klinikum Rechts der Isar"
        if len(ws) >= 3 and sing not in gz.ORG_HEADS and ws[-2].low.rstrip("'’s") in gz.ORG_HEADS \
                and self.city_closes_name(ws):
            sing = ws[-2].low.rstrip("'’s")   # "University Children's Hospital Belgrade, Serbia)": the city names it
        elif len(ws) >= 3 and ws[-1].text.isdigit() and ws[-2].low in ("no", "nr", "number") \
                and ws[-3].low in gz.ORG_HEADS:
            sing = ws[-3].low                 # "City Clinical Hospital No. 4": a numbered hospital
        if sing in gz.ORG_HEADS and sing != "hospitals":
            seg.kind, seg.head = "ORG", sing
            if sing == "school" and len(ws) > 1 and ws[-2].low in ("summer", "winter", "spring", "autumn"):
                seg.kind = "EVENT"
            return
        if sing in ("program", "programme") and _clinical_program(ws):
            seg.kind, seg.head = "ORG", sing      # "Pediatric Liver Transplant Program": a clinical service
            return
        if sing in gz.EVENT_HEADS:
            seg.kind, seg.head = "EVENT", sing
            return
        if last == "day" and len(ws) >= 2 and gz.FIELD_HEADS.search(ws[-2].low) and ws[-2].cap \
                and first not in ("world", "international", "national", "global"):
            # "3rd Franco-Vietnamese Hepatology Day": a field's named meeting day
            # (not an awareness day: "World Hepatitis Day", "International Nursing Day")
            seg.kind, seg.head = "EVENT", "day"
            return
        if len(ws) >= 3 and _YEAR.fullmatch(ws[-1].text) and ws[-2].low.rstrip("s") in gz.EVENT_HEADS:
            seg.kind, seg.head = "EVENT", ws[-2].low.rstrip("s")     # "National Kidney Forum 2024"
            return
        if last in gz.TITLE_HEADS or (len(ws) <= 2 and first in gz.TITLE_WORDS and last in gz.TITLE_WORDS):
            seg.kind, seg.head = "TITLE", last
            return
        if (first in gz.TITLE_WORDS or "-" in first and all(p in gz.TITLE_WORDS for p in first.split("-"))) \
                and len(ws) >= 2:
            # "Vice President Wu Hong": a title before a name
            titles, name = split_person(text)
            if titles and name and self.person_ok(name, strict=False):
                seg.kind = "PERSON"
                return
        if last in gz.PLACE_SUFFIXES and len(ws) > 1:
            seg.kind, seg.head = "PLACE", last
            return
        if first in gz.ORG_HEAD_FIRST and len(ws) == 1:
            seg.kind, seg.head = "ORG", first
            return
        if (self.ner_exact(ws[0].start, ws[-1].end, ("GPE", "LOC")) or text.lower() in gz.admin_areas()) \
                and text.lower() not in gz.VAGUE_REGIONS and self.placed(ws[0].start, ws[-1].end):
            seg.kind = "PLACE"
            return
        if seg.conn is None and self.city_in_context(ws[0].start, ws[-1].end):
            seg.kind = "PLACE"
            return
        lab = self.ner_label(ws[0].start, ws[-1].end)
        if lab == "PERSON" and self.person_ok(text, strict=False):
            seg.kind = "PERSON"

    def person_ok(self, name: str, strict: bool = True) -> bool:
        if any(w in gz.HOSPITAL_ACRONYMS for w in name.split()):
            return False                  # "CHU Nord", "Waal UMC": a hospital's short name
        if len(name.split()) == 1 and _PROFESSION.search(name):
            return False                  # "Consultant Physiatrist at X": a post's words, no name
        if _norm_caps(name) != name:
            if any(gz.specialty_surfaces().get(w) or self.reg.find("Organization", w) for w in name.split()):
                return False
            name = _norm_caps(name)
        ws = name.split()
        if not ws or len(ws) > 5:
            return False
        if strict and len(ws) < 2:
            return False
        # a title-case headline's verb ("... and Opens Training Center"): no name starts with it
        w0 = ws[0].lower()
        if w0 in gz.HEADLINE_VERBS and (w0.endswith("s") or w0.endswith("ed")):
            return False
        for i, w in enumerate(ws):
            lw = w.lower()
            if lw in _NAME_PARTICLES and w.islower() and 0 < i < len(ws) - 1:
                continue                  # "Pieter de Vries", "Ana da Silva", "Ludwig van der Berg"
            if gz.FOREIGN_ORG_WORD.search(lw):
                return False
            if not w[0].isupper() or is_acronym(w) or lw in gz.ORG_HEADS or lw in gz.EVENT_HEADS \
                    or lw in gz.PERSON_STOP or lw in gz.PLACE_SUFFIXES or lw in gz.TITLE_WORDS \
                    or len(ws) == 1 and lw.endswith("s") and (lw[:-1] in gz.TITLE_HEADS or lw[:-2] in gz.TITLE_HEADS):
                return False              # ("Deputy Heads:": a label of posts, not a name)
            if gz.specialty_label(w) or lw in gz.FIELD_MODIFIERS or gz.FIELD_HEADS.search(lw) \
                    or any(p in gz.TITLE_WORDS for p in lw.split("-")):
                return False
        if countries.lookup(name):
            return False
        return True

    # -------------------------------------------------------------- chunk parsing
    def split_and(self, ch: list[Tok]) -> list[list[Tok]]:
        parts, cur = [], []
        for i, t in enumerate(ch):
            if t.low in ("and", "&") and cur:
                right = [x for x in ch[i + 1:] if x.word]
                if not right:
                    break
                left_words = [x for x in cur if x.word]
                lw = left_words[-1].low if left_words else ""
                lw_s = lw[:-1] if lw.endswith("s") else lw
                # the segment just left of "and"
                seg_left = []
                for x in reversed(cur):
                    if x.low in ("of", "for", "on", "the", "and", "&"):
                        break
                    seg_left.insert(0, x)
                r0 = right[0].low.rstrip(".")
                right_seg = []
                for x in ch[i + 1:]:
                    if x.low in ("of", "for", "on", "and", "&", ","):
                        break
                    if x.word:
                        right_seg.append(x)
                split = (ch[i + 1].low in ("the", "a", "an") or r0 in gz.HONORIFICS
                         or (any(x.low in ("and", "&") for x in cur) and len(right_seg) >= 1 and right[0].cap
                             and any(x.low in gz.ORG_HEADS for x in cur))
                         or (ch[i + 1].low == "the")
                         or lw_s in gz.ORG_HEADS or lw_s in gz.EVENT_HEADS or lw in gz.PLACE_SUFFIXES
                         or (len(right_seg) >= 2 and right_seg[-1].low in gz.ORG_HEADS and seg_left
                             and (any(x.low in gz.FOREIGN_ORG_ANY or x.low in gz.FOREIGN_ORG_FIRST for x in seg_left)
                                  # "between CHU Garrigues and X Central Hospital": a hospital acronym's name
                                  or seg_left[0].text in gz.HOSPITAL_ACRONYMS and len(seg_left) >= 2))
                         or r0 in gz.TITLE_WORDS and r0 not in ("general", "standing", "party")
                         or "-" in r0 and any(p in gz.TITLE_HEADS for p in r0.split("-"))
                         or r0 == "party" and len(right) > 1 and right[1].low in gz.TITLE_HEADS
                         or (len(right_seg) >= 2 and (right_seg[-1].low in gz.JOINABLE_HEADS
                                                      # "... Academy of Nursing and X University School of
                                                      # Nursing": a head nested in an institution's name
                                                      or right_seg[-1].low in gz.INSTITUTION_HEADS
                                                      and any(x.low in gz.INSTITUTION_HEADS for x in right_seg[:-1])
                                                      and len(cur) > len(seg_left) and cur[-len(seg_left) - 1].low == "of")
                             and any(x.low in gz.ORG_HEADS for x in cur) and not (seg_left and seg_left[-1].low in gz.ORG_HEADS and len(seg_left) == 1))
                         or r0 in gz.ORG_HEAD_FIRST and len(right_seg) == 1
                         # "between CHU X and Y Central Hospital": a hospital's short name ("CHU X", "UZ X")
                         # before "and" is a name of its own
                         or (seg_left and seg_left[0].text in gz.HOSPITAL_ACRONYMS and len(seg_left) <= 3
                             and len(right_seg) >= 2 and right_seg[-1].low in gz.ORG_HEADS)
                         or (seg_left and countries.lookup(self.text[seg_left[0].start:seg_left[-1].end]))
                         # "between FAHX and Y Medical University": an acronym the text defined earlier
                         # ("... Hospital (FAHX)") is a body's name of its own
                         or (len(seg_left) == 1 and is_acronym(seg_left[0].text) and len(right_seg) >= 2
                             and right_seg[-1].low in gz.ORG_HEADS
                             and f"({seg_left[0].text})" in self.text[:seg_left[0].start])
                         or (len(right_seg) >= 2 and right_seg[-1].low.rstrip("'’s") in gz.ORG_HEADS | gz.EVENT_HEADS
                             and seg_left and (any(x.low in gz.TITLE_WORDS for x in seg_left)
                                               or self.ner_label(seg_left[-1].start, seg_left[-1].end) == "PERSON"))
                         or (seg_left and len(seg_left) < len(left_words)
                             and (self.ner_exact(seg_left[0].start, seg_left[-1].end, ("GPE", "LOC"))
                                  or self.text[seg_left[0].start:seg_left[-1].end].lower() in gz.admin_areas()))
                         or (right_seg and countries.lookup(self.text[right_seg[0].start:right_seg[-1].end]))
                         # "Hebei and Henan": two provinces (or states), not one name
                         or (seg_left and right_seg
                             and self.text[seg_left[0].start:seg_left[-1].end].lower() in gz.admin_areas()
                             and self.text[right_seg[0].start:right_seg[-1].end].lower() in gz.admin_areas()))
                if split and (self.coord_in_name(seg_left, ch[i + 1:]) or
                              lw_s in _UNIT_ACTIVITIES and len(right_seg) >= 2 and right_seg[-1].low in gz.ORG_HEADS
                              and all(x.low in _UNIT_ACTIVITIES for x in right_seg[:-1])):
                    # ("Surgical Training and Simulation Centre": activities coordinated in a unit's name)
                    split = False
                if split:
                    parts.append(cur)
                    cur = []
                    continue
            cur.append(t)
        if cur:
            parts.append(cur)
        # strip leading "the" and trailing connectors of every part
        out = []
        for p in parts:
            while p and (p[0].low in gz.CONNECTORS or not p[0].word):
                p = p[1:]
            while p and (p[-1].low in gz.CONNECTORS or not p[-1].word or p[-1].text == "."):
                p = p[:-1]
            if p:
                out.append(p)
        return out

    @staticmethod
    def coord_in_name(seg_left: list[Tok], rest: list[Tok]) -> bool:
        """"... of Women and Children's Hospital", "Eye and ENT Hospital": the "and" coordinates people
        or organ nouns inside one institution name whose head follows after only such nouns and
        generic modifiers."""
        if not seg_left or len(seg_left) > 2 or not all(x.low in gz.COORD_NAME_NOUNS for x in seg_left):
            return False
        words = [x for x in rest if x.word]
        for j, x in enumerate(words[:5]):
            if x.low in gz.ORG_HEADS:
                return j > 0
            if not x.cap or not (x.low in gz.COORD_NAME_NOUNS or x.low in gz.GENERIC_MODIFIERS
                                 or x.low.rstrip("'’s") in gz.COORD_NAME_NOUNS
                                 or x.low in ("health", "care", "healthcare", "medical")):
                return False
        return False

    def area_of_name(self, cur: list[Tok], part: list[Tok], ti: int) -> bool:
        """Do the words before "of" at ``part[ti]`` and one to three after it name a first-level area in
        English ("Republic of Tatarstan", "Special Region of Yogyakarta")?"""
        words = [x.low for x in cur if x.word]
        if " ".join(words[-3:]) not in gz.TYPE_OF_NAME and " ".join(words[-2:]) not in gz.TYPE_OF_NAME \
                and (not words or words[-1] not in gz.TYPE_OF_NAME):
            return False
        typ = next(" ".join(words[-k:]) for k in (3, 2, 1) if " ".join(words[-k:]) in gz.TYPE_OF_NAME)
        nxt = [x for x in part[ti + 1:ti + 4] if x.word]
        areas = gz.admin_areas()
        return any(f"{typ} of {' '.join(x.low for x in nxt[:k])}" in areas for k in range(len(nxt), 0, -1))

    def segments(self, part: list[Tok]) -> list[Seg]:
        segs, cur, conn = [], [], None
        for ti, t in enumerate(part):
            if t.text == "-" and cur and t.start in self.unit_hyphens:
                segs.append(Seg([x for x in cur if x.word or x.text == "."], conn))
                cur, conn = [], "-"
                continue
            if t.low == "of" and cur and self.area_of_name(cur, part, ti):
                cur.append(t)         # "Republic of Tatarstan", "Special Region of X": one area's name
                continue
            if (t.low in ("of", "for", "on") or t.low == "to" and cur and cur[-1].low in ("team", "teams")
                    or t.low == "in" and cur and cur[-1].low.rstrip("s") in gz.EVENT_HEADS
                    or t.low == "in" and cur and cur[-1].low in _MISSION_HEADS) and cur:
                # ("Observership Programme in Liver Transplantation", "Course in Pediatric Ultrasound",
                # "Lectures in Hand Surgery": "in" opens the event's topic, as "on" does)
                segs.append(Seg([x for x in cur if x.word or x.text == "."], conn))
                cur, conn = [], t.low
                continue
            if cur and cur[-1].low.rstrip("s") in gz.EVENT_HEADS and t.word \
                    and any(q in self.text[cur[-1].end:t.start] for q in _QUOTE_CHARS):
                # 'Conference "Actual Problems of X"': a quoted title after the head is its topic, as "on X"
                segs.append(Seg([x for x in cur if x.word or x.text == "."], conn))
                cur, conn = [], "on"
            if t.low == "the" and not cur:
                continue
            cur.append(t)
        if cur:
            segs.append(Seg([x for x in cur if x.word or x.text == "."], conn))
        out = []
        for s in segs:
            s.toks = [x for x in s.toks if x.word]
            # "West Lake Hospital President Chen Gang": an institution, then a post and a name
            for i in range(len(s.toks) - 2):
                if s.toks[i].low in gz.ORG_HEADS and s.toks[i + 1].low in gz.TITLE_WORDS \
                        and s.toks[i + 1].low not in ("rank", "level", "standing", "party", "general"):
                    j = i + 1
                    while j < len(s.toks) and s.toks[j].low in gz.TITLE_WORDS:
                        j += 1
                    if j < len(s.toks) and self.person_ok(self.text[s.toks[j].start:s.toks[-1].end]):
                        out.append(Seg(s.toks[: i + 1], s.conn))
                        s = Seg(s.toks[i + 1:], None)
                    break
            out.append(s)
        for s in out:
            self.seg_kind(s)
        # a name set in capitals ("X UNIVERSITY FACULTY OF MEDICINE" in a page header): a word after a
        # connector is a word of the name, not an acronym of another body
        words = [t for t in part if t.word and any(c.isalpha() for c in t.text)]
        if len(words) >= 3 and all(t.text.isupper() for t in words if t.low not in gz.CONNECTORS):
            for s in out[1:]:
                if s.kind == "ACRO" and s.conn and len(s.toks[0].text) >= 5:
                    s.kind = "TOPIC"
        return [s for s in out if s.toks]

    def compose(self, segs: list[Seg], part_end: int) -> list[Unit]:
        """Segments -> units: a head absorbs its of/for/on complements ("Department" + "General
        Surgery"); "<unit> of <institution>" makes a sub-unit, "<unit> for <institution>" keeps the
        complement in the name; meetings keep "of <organization>" in their name."""
        units: list[Unit] = []
        for si, seg in enumerate(segs):
            last = units[-1] if units else None
            k = seg.kind
            s0, s1 = seg.toks[0].start, seg.toks[-1].end
            if last and last.kind == "TITLE" and k == "ORG" and seg.conn == "of" and len(seg.toks) == 1 \
                    and not last.extended and (si + 1 == len(segs) or segs[si + 1].kind != "TOPIC"):
                # "Chief of Service of the Department of X", "Head of Unit at ...": a bare head after a
                # post is part of the post, not a unit named "Service"
                last.segs.append(seg)
                last.end = s1
                continue
            if last and last.kind == "TITLE" and k == "ORG" and seg.conn == "of" and seg.head == "service" \
                    and not last.extended and not self.distinctive(seg.toks) and si + 1 < len(segs) \
                    and segs[si + 1].kind == "ORG" and segs[si + 1].conn == "of":
                # "Director General of Health Services of the Ministry of Health": the services a post
                # directs are part of the post, and the body named after them is the holder's
                last.segs.append(seg)
                last.end = s1
                continue
            if last and last.kind == "ORG" and k == "ORG" and seg.conn == "-":
                u = Unit(k, [seg], s0, s1, seg.head)
                u.parent = last               # "Department of Health-Davao Center ...": the body's office
                units.append(u)
                continue
            if last and last.kind == "ORG" and seg.conn in ("on", "in", "at") and seg.toks[-1].low in _STREET_NOUNS:
                break                         # "the University Clinic on Butlerov Street": an address, no name
            if last and not last.extended:
                if last.kind in ("ORG", "EVENT", "TITLE") and k == "TOPIC" and seg.conn:
                    last.segs.append(seg)
                    last.end = s1
                    continue
                if last.kind == "ORG" and k == "ORG" and seg.conn == "of" and seg.head == "administration" \
                        and len(last.segs) == 1 and len(last.segs[0].toks) == 1:
                    last.segs.append(seg)     # "Department of Medical Administration"
                    last.end = s1
                    continue
                if last.kind == "ORG" and k in ("PLACE", "COUNTRY") and seg.conn == "of":
                    last.segs.append(seg)
                    last.places.append(seg)
                    last.end = s1
                    continue
                if last.kind == "ORG" and last.head in _MISSION_HEADS and k in ("PLACE", "COUNTRY") \
                        and seg.conn == "in":
                    last.segs.append(seg)     # "Chinese Embassy in Lesotho": one name (the host country's mission)
                    last.end = s1
                    continue
                if last.kind == "ORG" and last.head == "team" and k in ("PLACE", "COUNTRY") and seg.conn == "to":
                    last.segs.append(seg)     # "Medical Team to Djibouti": one name
                    last.end = s1
                    continue
                if last.kind == "EVENT" and last.head == "ceremony" and k == "ORG" and seg.conn == "for" \
                        and len(last.segs) == 1:
                    # "Send-off Ceremony for the 12th Medical Team to X": the team it is held for names it
                    last.end = part_end
                    last.extended = True
                    units.append(Unit(k, [seg], s0, s1, seg.head))
                    continue
                if last.kind == "EVENT" and k in ("PLACE", "COUNTRY") and seg.conn:
                    last.segs.append(seg)
                    last.end = s1
                    continue
                if last.kind == "EVENT" and k in ("ORG", "ACRO") and seg.conn == "of" and last.head in gz.MEETING_HEADS:
                    last.end = part_end
                    last.extended = True
                if last.kind == "ORG" and k in ("ORG", "ACRO") and seg.conn == "for":
                    last.end = part_end
                    last.extended = True
                    u = Unit(k, [seg], s0, s1, seg.head)
                    last.for_parent = u
                    units.append(u)
                    continue
                if last.kind == "ORG" and k == "ORG" and seg.conn == "of" and last.head not in gz.KEEP_FULL_HEADS \
                        and gz.ORG_RANK.get(last.head, 3) >= gz.ORG_RANK.get(seg.head, 3) >= 3 \
                        and not (last.head in gz.INSTITUTION_HEADS and seg.head in gz.INSTITUTION_HEADS
                                 and not seg.toks[-1].low.endswith("s")) \
                        and not self.reg.find("Organization", self.text[s0:s1]):
                    # "Federation of X Society", "Association of Y Hospitals": one name, not a sub-unit
                    last.segs.append(seg)
                    last.end = s1
                    continue
                if last.kind == "ORG" and k in ("ORG", "ACRO") and seg.conn == "of":
                    u = Unit(k, [seg], s0, s1, seg.head)
                    last.parent = u
                    units.append(u)
                    continue
            # a new unit; after an extended unit ("Annual Meeting of <Committee of Association>",
            # "<Base> for the <Alliance>") the structure of the complement is parsed on its own
            units.append(Unit(k, [seg], s0, s1, seg.head))
        return units

    # -------------------------------------------------------------- emission
    def distinctive(self, toks: list[Tok], strong: bool = False, event: bool = False) -> bool:
        """Has a word that makes the name proper (not only generic modifiers and the head)?
        With ``strong``, only ordinals, "Affiliated", "General" ... count as generic; for
        events, other event words do not count either ("Training Course", "Academic Meeting")."""
        generic = gz.STRONG_GENERIC if strong else gz.GENERIC_MODIFIERS
        if event:
            generic = generic | gz.EVENT_HEADS | gz.CEREMONY_WORDS | gz.ACTIVITY_WORDS | {
                "technical", "clinical", "scientific", "advanced", "special",
                "cme", "cne", "continuing"}           # "National CME Project": a funding category
        for t in toks[:-1]:
            if t.low not in generic and t.low not in gz.CONNECTORS and not t.text.isdigit():
                return True
        return False

    def emit_chunk(self, ch: list[Tok]) -> None:
        parts = self.split_and(ch)
        events_in_chunk: list[tuple[str, bool]] = []
        for pi, part in enumerate(parts):
            segs = self.segments(part)
            if not segs:
                continue
            units = self.compose(segs, part[-1].end)
            first_event = True
            for ui, u in enumerate(units):
                u.key = self.emit_unit(u, whole=(len(units) == 1 and len(segs) == 1), part=part,
                                       of_post=ui > 0 and units[ui - 1].kind == "TITLE")
                if u.kind == "EVENT" and u.key and first_event and u.start == part[0].start:
                    first_event = False
                    last_word = u.segs[0].toks[-1].low
                    events_in_chunk.append((u.key, last_word.endswith("s") and last_word[:-1] in gz.EVENT_HEADS))
            # structure: parents
            for u in units:
                if u.kind == "ORG" and u.key:
                    for par in (u.parent, u.for_parent):
                        if par is None:
                            continue
                        if par.kind == "ACRO":
                            self.pending_parents.append((u.key, par.segs[0].toks[0], (u.start, u.end)))
                        elif par.key:
                            self.reg.relate(u.key, "parentOrganization", par.key, (u.start, u.end), 0.9)
            self.units.extend(units)
        # joint meeting: several event names coordinated in one phrase
        if len(events_in_chunk) >= 2 and not any(pl for _, pl in events_in_chunk):
            self.joint.append([k for k, _ in events_in_chunk])

    def emit_unit(self, u: Unit, whole: bool, part: list[Tok], of_post: bool = False) -> str | None:
        """The entity of unit ``u``; ``of_post``: the unit follows a post in its chunk ("Ambassador of X")."""
        reg = self.reg
        toks = u.segs[0].toks
        text = self.text
        if u.kind == "PERSON":
            surface = text[u.start:u.end]
            titles, name = split_person(surface)
            if titles and name.isupper() and len(name) > 4:
                name = name.title()           # "Mr. ESHETU TADELE KEBEDE"
            if not self.person_ok(name, strict=not titles):
                return None
            if not titles and "(" in text[max(0, u.start - 2):u.start] and ")" in text[u.end:u.end + 2]:
                return None   # "(Da Vinci)": a bare parenthetical name is a brand or a place
            i = surface.lower().rfind(name.lower())
            nstart = u.start + i if i >= 0 else u.start
            name = _norm_caps(name)
            conf = 0.95 if titles else 0.8
            return reg.add("Person", name, (nstart, nstart + len(name)), conf=conf)
        if u.kind == "COUNTRY":
            hit = countries.lookup(clean(text[u.start:u.end])) or countries.lookup(text[u.start:u.end] + ".")
            prev = re.search(r"([^\W\d_]+)\s*$", text[max(0, u.start - 20):u.start])
            if prev and prev.group(1).lower() in gz.DIRECTIONS:
                return None                   # "western China": a vague region
            # (also the country of a post: "Ambassador of Ireland", "Minister of Health of Ghana")
            if hit and (u.segs[0].conn is None and whole or u.segs[0].conn == "of" and of_post):
                surface = clean(text[u.start:u.end])
                if not countries.lookup(surface):
                    surface += "."             # "U.S." (the final dot ends the chunk)
                return reg.add("Country", hit[1], (u.start, u.end), alias=surface if surface != hit[1] else None,
                               conf=0.97, concept=hit[0])
            return None
        if u.kind == "PLACE":
            art = _PLACE_ARTICLE.search(text, max(0, u.start - 5), u.start)
            if art and gz.city(art.group(1) + " " + clean(text[u.start:u.end])):
                u.start = art.start(1)        # "La Paz", "Las Vegas", "El Paso": the article is part of the name
            name = clean(text[u.start:u.end])
            if name.isupper():
                name = name.title()
            ws = name.split()
            parts = [p for w in ws for p in w.lower().split("-")]
            if name.lower() in gz.admin_areas() and not all(p in gz.DIRECTIONS for p in parts[:-1]):
                pass                          # "Davao Region", "Northern Mindanao Region": an area's own name
            elif ws and ws[0].lower() in gz.DIRECTIONS and (
                    all(p in gz.DIRECTIONS for p in parts) or countries.lookup(" ".join(ws[1:]))
                    or " ".join(ws[1:]).lower() in gz.VAGUE_REGIONS
                    or ws[-1].lower() in ("region", "area", "areas", "part")) \
                    or all(p in gz.DIRECTIONS for p in parts) \
                    or ws[-1].lower() in ("region", "area", "areas") and not (
                    len(ws) > 2 and ws[-2].lower() in ("autonomous", "administrative")):
                return None
            if re.search(r"\d", name) or len(ws) > 4 or any(countries.lookup(w) for w in ws) and not (
                    len(ws) > 1 and gz.city(name)) or name.lower() in gz.VAGUE_REGIONS:
                return None                   # "Healthy China 2030" is a slogan, not a place
            if len(ws) == 1 and gz.city(name) is None and name.lower() not in gz.admin_areas() and (
                    name.lower() in gz.FIELD_MODIFIERS or gz.specialty_label(name) is not None):
                return None                   # "a Course on Ultrasound in Trauma": a field, not a place
            if len(ws) == 1 and name in gz.CN_PROVINCES:
                name = f"{name} Province"      # one name for a province in every article
                ws = name.split()
            if not whole and not u.segs[0].head:
                return None
            alias = None
            if len(ws) > 1 and ws[-1].lower() in gz.PLACE_SUFFIXES:
                alias = _place_alias(name)
            subtypes = ("AdministrativeArea",) if alias else ()
            return reg.add("Place", name, (u.start, u.end), alias=alias, conf=0.85 if alias else 0.75,
                           subtypes=subtypes)
        if u.kind == "TOPIC" and whole:
            # "Yang Jiayin, Head of ...": a name before a post
            surface = text[u.start:u.end]
            after = text[u.end:u.end + 40]
            m = re.match(r"\s*[,(]\s*(?:the\s+)?([^\W\d_][\w-]*)", after)
            if m and any(p in gz.TITLE_WORDS for p in m.group(1).lower().split("-")) \
                    and len(surface.split()) >= 2 and self.person_ok(surface):
                return reg.add("Person", _norm_caps(clean(surface)), (u.start, u.end), conf=0.75)
            return None
        if u.kind == "ACRO":
            self.acros.append((toks[0], "mention"))
            return None
        if u.kind == "ORG":
            return self.emit_org(u)
        if u.kind == "EVENT":
            return self.emit_event(u)
        return None

    def emit_org(self, u: Unit) -> str | None:
        reg, text = self.reg, self.text
        toks = u.segs[0].toks
        if _honor_title(text, u.start, toks[0].low if toks else ""):
            return None                       # 'rated an "Excellent Clinical Department"': a title won
        head = u.head
        own = _cap_inner(clean(text[u.start:u.end]))
        if _HONOR_NAME.match(own):
            return None                       # "Provincial Model Department of X", "Youth Civilization Unit": a title
        if re.search(r"(?i)\b(?:delegation|delegations|delegates|visitors|guests)$", own):
            return None                       # "Our Nursing Delegation Tours ...": a group of people, no body
        has_complement = len(u.segs) > 1 or u.extended or u.parent is not None
        if not has_complement and (len(toks) < 2 or not self.distinctive(toks, strong=True)):
            return None
        if len(toks) == 1 and not has_complement:
            return None
        if toks[-1].low.endswith("s") and toks[-1].low[:-1] in gz.ORG_HEADS and not has_complement \
                and not (len(toks) >= 3 and toks[-2].low in ("university", "college") and toks[-1].cap):
            return None   # plural: "hospitals", "universities"
        name, alias = own, None
        par = u.parent
        if par is not None:
            long_form = _cap_inner(clean(text[u.start:self._chain_end(par)]))
            to_parent = _cap_inner(clean(text[u.start:par.end]))
            if head in gz.KEEP_FULL_HEADS:
                name, alias = to_parent, (long_form if long_form != to_parent else None)
                self.short_names = getattr(self, "short_names", [])
                self.short_names.append((own, to_parent, self.distinctive(toks, strong=True)))
            elif head in gz.INSTITUTION_HEADS and not self.distinctive(toks):
                name, alias = to_parent, (long_form if long_form != to_parent else None)
            else:
                name, alias = own, long_form
        subtypes = _org_subtypes(head)
        span_end = u.end
        key = reg.add("Organization", name, (u.start, span_end), alias=alias, conf=0.9, subtypes=subtypes)
        dash = re.match(r"(\S+(?: \S+)?) [–-] ", name)
        if key and dash and gz.FOREIGN_ORG_WORD.search(name.lower()):
            reg.alias(key, dash.group(1))  # "Charité – Universitätsmedizin Berlin": "the Charité"
        if key and alias:
            reg.mention(key, (u.start, self._chain_end(par)))
        self.org_spans.append((u.start, u.end, key))
        # places named in the name: "... of Gansu Province"
        # a place or country that ends a government body's name is a place of its own
        # ("Health Commission of X Province"); in other names it is only a modifier
        for ps in (u.places if _gov_name(own, head) else ()):
            pname = clean(text[ps.toks[0].start:ps.toks[-1].end])
            hit = countries.lookup(pname) if ps.kind == "COUNTRY" else None
            if hit:
                reg.add("Country", hit[1], (ps.toks[0].start, ps.toks[-1].end),
                        alias=pname if pname != hit[1] else None, conf=0.9, concept=hit[0])
            elif ps.head in gz.PLACE_SUFFIXES or " of " in pname.lower() and pname.lower() in gz.admin_areas():
                pk = reg.add("Place", pname, (ps.toks[0].start, ps.toks[-1].end),
                             alias=_place_alias(pname), conf=0.8, subtypes=("AdministrativeArea",))
                reg.relate(key, "location", pk, (u.start, u.end), 0.8)
        # "Embassy of X in Y", "Consulate General of X in Y": the countries and the city
        if head in ("embassy", "consulate"):
            em = re.search(r"\bof\s+(?:the\s+)?(.+?)(?:\s+in\s+(.+))?$", own)
            for i, pname in enumerate(em.groups() if em else ()):
                if not pname:
                    continue
                ps = u.start + own.find(pname)
                hit = countries.lookup(pname)
                if hit:
                    reg.add("Country", hit[1], (ps, ps + len(pname)), alias=pname if pname != hit[1] else None,
                            conf=0.9, concept=hit[0])
                elif i == 1 and len(pname.split()) <= 3:
                    pk = reg.add("Place", pname, (ps, ps + len(pname)), conf=0.7)
                    reg.relate(key, "location", pk, (u.start, u.end), 0.7)
        # a parent named inside the name: "<University> Cancer Hospital", "CMDA ... Training Base"
        if head in gz.PREFIX_PARENT_HEADS:
            self._prefix_parent(key, toks)
        return key

    def _chain_end(self, u: Unit | None) -> int:
        end = u.end if u else 0
        while u is not None:
            end = max(end, u.end)
            u = u.parent
        return end

    def _prefix_parent(self, key: str, toks: list[Tok]) -> None:
        reg = self.reg
        all_caps = all(t.text.isupper() for t in toks if any(c.isalpha() for c in t.text))
        if len(toks) >= 3 and is_acronym(toks[0].text) and not gz.specialty_label(toks[0].text) \
                and not countries.lookup(toks[0].text) and not all_caps:
            # "WCH Department of X": an acronym before a name; not the first word of a name set in
            # capitals ("RIVERTON CENTRAL HOSPITAL" in a page header)
            self.pending_parents.append((key, toks[0], (toks[0].start, toks[-1].end)))
            return
        if len(toks) >= 3 and (toks[-1].text.isdigit() and toks[-2].low in ("no", "nr", "number")
                               or toks[-2].low.rstrip("'’s") in gz.ORG_HEADS and self.city_closes_name(toks)):
            return                    # "X Hospital No. 4", "X Hospital Belgrade": one name, no hospital inside
        for i in range(len(toks) - 2, 0, -1):
            w = toks[i].low
            if w in gz.ORG_HEADS and w not in ("base", "group", "unit", "party", "service", "network") \
                    and i + 1 < len(toks):
                inner = toks[: i + 1]
                if w in ("university", "college") and (i == len(toks) - 2 or i == len(toks) - 3 and toks[i + 1].low in (
                        "medical", "health", "teaching", "affiliated", "general", "clinical", "children's", "children’s",
                        "childrens", "hospital")):
                    return            # "<Name> University Hospital", "<Name> University Medical School",
                    # "<Name> University Clinical/Children's Hospital", "<Name> University Hospital Centre": one name
                if w == "hospital" and i == len(toks) - 2 and toks[-1].low in ("centre", "center"):
                    return            # "<Name> Hospital Centre": one name, no hospital inside
                if w == "government" and (toks[i + 1].low in gz.INSTITUTION_HEADS or toks[i + 1].low in (
                        "general", "district", "medical", "dental", "maternity", "teaching", "referral")):
                    return            # "<Town> Government Hospital", "Government Medical College": a public
                    # institution's name, not an institution of a government "<Town> Government"
                if self.distinctive(inner):
                    pname = clean(self.text[inner[0].start:inner[-1].end])
                    pk = reg.add("Organization", pname, (inner[0].start, inner[-1].end), conf=0.8,
                                 subtypes=_org_subtypes(w))
                    reg.relate(key, "parentOrganization", pk, (inner[0].start, toks[-1].end), 0.85)
                return

    def emit_event(self, u: Unit) -> str | None:
        reg, text = self.reg, self.text
        toks = u.segs[0].toks
        s0 = u.start
        surface = text[u.start:u.end]
        lead = re.match(r"([A-Z][a-z]+)\s+the\s+", surface)
        if lead and lead.group(1).lower() in gz.HEADLINE_VERBS and len(toks) > 2:
            # "... Opens the 3rd X Workshop" (a title-case headline): the verb is no part of it
            s0 = u.start + lead.end()
            surface = text[s0:u.end]
            toks = [t for t in toks if t.start >= s0]
        numbered = _LINE_NUMBER.match(text, s0)
        if numbered and (s0 == 0 or text[s0 - 1] == "\n"):
            s0 = numbered.end()               # "II. Spring Forum on X" as a heading: the number is no part of it
            surface = text[s0:u.end]
        if s0 > 0 and text[s0 - 1] in "“\"":
            surface = text[s0 - 1:u.end]
        name = _cap_inner(clean(surface))
        if _honor_title(text, u.start, toks[0].low if toks else ""):
            return None                       # a title or award won, not a happening
        if u.head == "ceremony" and not self.distinctive(toks, event=True) and not u.extended:
            return None                       # "Closing Ceremony for X": part of X
        if u.head in ("fellowship", "observership") and not self.distinctive(toks, event=True):
            return None                       # "Completes Fellowship in Critical Care": one doctor's placement
        has_complement = len(u.segs) > 1 or u.extended
        ordinal = any(re.fullmatch(r"\d+(?:st|nd|rd|th)?", t.low) for t in toks)
        if not has_complement and not ordinal and (len(toks) < 2 or not self.distinctive(toks, event=True)):
            return None
        alias = surface.strip() if clean(surface) != surface.strip() else None
        key = reg.add("Event", name, (s0, u.end), alias=alias, conf=0.85,
                      subtypes=_event_subtypes(u.head))
        self.org_spans.append((u.start, u.end, key))
        if key:
            e = self.ex.entities[reg.resolve(key)]
            e.__dict__.setdefault("_head", u.head)
        return key

    def possessives(self) -> None:
        """"X Hospital's Cardiology Team": a sub-unit named right after its institution's possessive."""
        units = [u for u in self.units if u.kind == "ORG" and u.key]
        for a, b in zip(units, units[1:]):
            between = self.text[self._chain_end(a):b.start]
            if re.fullmatch(r"['’]s\s+", between) and gz.ORG_RANK.get(b.head, 3) < gz.ORG_RANK.get(a.head, 3) \
                    and b.parent is None:
                self.reg.relate(b.key, "parentOrganization", a.key, (a.start, b.end), 0.8)

    # -------------------------------------------------------------- appositions
    def appositions(self) -> None:
        """'Department of X, Ministry of Y': a sub-unit followed by a comma and a larger body."""
        units = [u for u in self.units if u.kind == "ORG" and u.key]
        for i, (a, b) in enumerate(zip(units, units[1:])):
            between = self.text[self._chain_end(a):b.start]
            if a.parent is None and re.fullmatch(r"\s*\(\s*[A-Z][A-Za-z&-]{1,11}\s*\)\s+of\s+(?:the\s+)?", between) \
                    and gz.ORG_RANK.get(a.head, 3) <= gz.ORG_RANK.get(b.head, 3):
                # "Academy for X (AX) of the Ministry of Y"
                self.reg.relate(a.key, "parentOrganization", b.key, (a.start, b.end), 0.8)
                continue
            if not re.fullmatch(r"\s*(?:\(\s*[A-Z][A-Za-z&-]{1,11}\s*\)\s*)?,\s*(?:the\s+)?", between) \
                    or a.parent is not None:
                continue
            if b.parent is not None and re.fullmatch(r"\s*,\s*the\s+", between) and (
                    b.head == a.head and not self.distinctive(b.segs[0].toks, strong=True)
                    or a.head in gz.INSTITUTION_HEADS and b.head in gz.INSTITUTION_HEADS
                    and b.segs[0].toks[0].low in gz.STRONG_GENERIC):
                # "X Hospital, the Affiliated Hospital of Y": one hospital, a child of Y
                self.reg.merge(a.key, b.key)
                continue
            ra, rb = gz.ORG_RANK.get(a.head, 3), gz.ORG_RANK.get(b.head, 3)
            c = units[i + 2] if i + 2 < len(units) else None
            in_list = c is not None and bool(re.fullmatch(r"\s*(?:,|,?\s*and|&)\s*(?:the\s+)?",
                                                          self.text[self._chain_end(b):c.start]))
            if (ra <= 2 and rb > ra and rb >= 3) or (ra == 3 and b.head in ("university", "academy", "network",
                                                                           "healthcare", "trust", "school", "faculty")
                                                     and not in_list):
                self.reg.relate(a.key, "parentOrganization", b.key, (a.start, b.end), 0.8)
                self.reg.alias(a.key, clean(self.text[a.start:self._chain_end(b)]))
                self.reg.mention(a.key, (a.start, self._chain_end(b)))

    # -------------------------------------------------------------- persons from NER
    def ner_persons(self) -> None:
        # a span already read as a place ("... to Belo Horizonte" at the end of a headline) is not also a person
        places = [(m.start, m.end) for e in self.ex.entities.values() if e.type == "Place" for m in e.mentions]
        for a, b, lab in self.ner_spans:
            if lab == "ORG" and self.posted_name(a, b):
                lab = "PERSON"
            if lab != "PERSON" or self.in_junk(a):
                continue
            if any(s < b and a < e for s, e in places):
                continue
            surface = self.text[a:b]
            titles, name = split_person(clean(surface))
            if not name or not self.person_ok(name, strict=not titles):
                continue
            a2, b2 = a + len(surface) - len(surface.lstrip()), b - len(surface) + len(surface.rstrip())
            if any(m.start <= a2 and b2 <= m.end and m.end - m.start > b2 - a2
                   for e in self.ex.entities.values() if e.type == "Person" for m in e.mentions):
                continue              # a piece of a longer name ("Daniel Lim" in "Adj. Asst. Prof. Daniel Lim Wei Ming")
            if _norm_caps(name) != name:
                i = surface.find(name)
                name = _norm_caps(name)
                if self.reg.find("Person", name):
                    self.reg.mention(self.reg.find("Person", name), (a + max(i, 0), a + max(i, 0) + len(name)))
                    continue
                if not any(s <= a < e for s, e, _ in self.org_spans):
                    self.reg.add("Person", name, (a + max(i, 0), a + max(i, 0) + len(name)), conf=0.7)
                continue
            tails = [e for e in self.ex.entities.values() if e.type == "Organization"
                     and (e.name.endswith(" " + name) or name in e.aliases)]
            if tails and not titles:
                if len(tails) == 1 and len(name.split()) >= 2:
                    self.reg.alias(tails[0].key, name)    # "Hospital Universitario La Paz" ... "La Paz"
                continue
            if self.reg.find("Person", name):
                i = surface.rfind(name)
                self.reg.mention(self.reg.find("Person", name), (a + i, a + i + len(name)) if i >= 0 else (a, b))
                continue
            # the name must not sit inside an organization or event name
            if any(s <= a < e for s, e, _ in self.org_spans):
                continue
            if "(" in self.text[max(0, a - 2):a] and ")" in self.text[b:b + 2]:
                continue  # "(Da Vinci)": a parenthetical name without title is a brand or a place
            if len(name.split()) >= 2:
                i = surface.rfind(name)
                self.reg.add("Person", name, (a + i, a + i + len(name)) if i >= 0 else (a, b), conf=0.7)

    def posted_name(self, a: int, b: int) -> bool:
        """"welcomed by Marat Sabirov, First Deputy Minister of X": a bare name the tagger read as an
        organization is a person's when a post follows it after a comma (a title word among the next
        three words) and it has no word of an institution's name."""
        name = self.text[a:b]
        if not _BARE_NAME.fullmatch(name):
            return False
        after = _POST_AFTER.match(self.text, b)
        return bool(after) and any(w.lower() in gz.TITLE_WORDS for w in after.group(1).split()) \
            and self.person_ok(name)

    def post_label_persons(self) -> None:
        """"Head Nurse: Qi Lan" on a unit's page: a bare name (two or three capitalised words) that is all
        of a line labelled with a post is a person, also where the tagger misses it (titled names are
        found by the chunks)."""
        for mt in gz.POST_LABEL_LINE.finditer(self.text):
            if not {w.lower().strip(",.") for w in mt.group(1).split()} & gz.POST_LABEL_WORDS:
                continue
            name = mt.group(2).strip()
            a = mt.start(2)
            if not _BARE_NAME.fullmatch(name) or self.in_junk(a) or not self.person_ok(name) \
                    or any(s <= a < e for s, e, _ in self.org_spans):
                continue
            key = self.reg.find("Person", name)
            if key:
                self.reg.mention(key, (a, a + len(name)))
            else:
                self.reg.add("Person", name, (a, a + len(name)), conf=0.6)

    # -------------------------------------------------------------- specialties
    def specialties(self) -> None:
        text = self.text
        mtext = re.sub(r"\([^()\n]{1,30}\)", lambda m: " " * len(m.group()), text)
        # clauses that list fields ("sub-forums on A, B and C", "good at A and B")
        self.field_lists = []
        for m in gz.FIELD_LIST_TRIGGER.finditer(text):
            stop = re.compile(r"[.;:\n]|\s(?:which|that|where|while|but)\s").search(text, m.end(), m.end() + 200)
            self.field_lists.append((m.end(), stop.start() if stop else min(len(text), m.end() + 200)))
        taken: list[tuple[int, int]] = []
        for m in gz.specialty_matches(mtext):
            s, e = m.start(), m.end()
            surface = text[s:e]
            info = gz.specialty_label(surface)
            if info is None or self.in_junk(s):
                continue
            cut = s + surface.find(" and ")
            last = next(iter(gz.specialty_matches(mtext[cut + 5:e + 40])), None) if cut >= s else None
            if cut >= s and taken and re.fullmatch(r",\s*", text[taken[-1][1]:s]) and last is not None \
                    and last.start() == 0 and cut + 5 + last.end() > e:
                # "cardiology, anesthesiology and intensive care medicine": the last two members of a list
                # of fields (the last one runs past the name "A and B"), not one field "A and B"
                for a, b in ((s, cut), (cut + 5, min(len(mtext), e + 40))):
                    m2 = next(iter(gz.specialty_matches(mtext[a:b])), None)
                    if m2 is None or m2.start() != 0:
                        continue
                    a2, b2 = a, a + m2.end()
                    info2 = gz.specialty_label(text[a2:b2])
                    if info2 and self.specialty_ok(a2, b2, text[a2:b2], info2):
                        self.add_specialty(a2, b2, text[a2:b2], info2)
                        taken.append((a2, b2))
                continue
            # a coordinated field name keeps its first member ("Emergency and Critical Care Medicine",
            # "maternal and child health"): the shared head belongs to both, so it is one field
            co = _COORD_FIELD.search(mtext, max(0, s - 60), s)
            # (not when the word before "and" ends a field of two or more words found just before:
            # "geriatric rehabilitation and speech therapy" are two fields)
            if co and co.group(1).lower() in gz.FIELD_MODIFIERS and len(gz.surface_key(surface).split()) >= 2 \
                    and (co.group(1)[0].isupper()) == (surface[0].isupper()) \
                    and not _ends_field(mtext, co.start(1), co.group(1), taken):
                first = gz.specialty_label(co.group(1) + " medicine")
                if not info[2] and info[0].endswith(" medicine") and first is not None and first[1]:
                    # "Emergency and Critical Care Center": the short forms of two fields (emergency
                    # medicine, critical care medicine), no shared head ("... Critical Care Medicine")
                    a2 = co.start(1)
                    if self.specialty_ok(a2, co.end(1), co.group(1), first):
                        self.add_specialty(a2, co.end(1), co.group(1), first)
                        taken.append((a2, co.end(1)))
                else:
                    s = co.start()
                    surface = text[s:e]
                    info = (gz.singular_phrase(gz.surface_key(surface)), None, True)
            tail = _FIELD_TAIL.match(text, e)
            if tail and gz.specialty_label(text[s:tail.end()]) is None:
                # "Kidney Transplant Nursing": the nursing (or rehabilitation) of a field is a field of its own
                e, surface = tail.end(), text[s:tail.end()]
                info = (gz.singular_phrase(gz.surface_key(surface)), None, True)
            if self.specialty_ok(s, e, surface, info):
                self.add_specialty(s, e, surface, info)
                taken.append((s, e))
        for m in gz.specialty_acronym_regex().finditer(text):
            s, e = m.start(), m.end()
            info = gz.specialty_surfaces().get(m.group())
            if info and not self.in_junk(s) and not any(a <= s and e <= b for a, b in taken):
                # (not the acronym inside a longer field name: "primary PCI")
                tail = _FIELD_TAIL.match(text, e)
                if tail:          # "TCM rehabilitation": the acronym's field's rehabilitation
                    e = tail.end()
                    self.add_specialty(s, e, text[s:e], (f"{info[0].lower()} {tail.group(1).lower()}", None, True))
                else:
                    self.add_specialty(s, e, m.group(), info, acronym=True)
                taken.append((s, e))
        self.fallback_specialties(mtext, taken)
        self.practitioner_fields(taken)
        self.unit_fields(taken)

    def practitioner_fields(self, taken) -> None:
        """"Dr. X, an anesthesiologist, ..." / "Ms. Y, a senior physiotherapist" / "Dr. Z, consultant
        radiologist": a named person's field is named (not by a group: "two radiologists from X")."""
        for m in _PRACTITIONER.finditer(self.text):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in taken) or self.in_junk(s):
                continue
            if not (_APPOSED.search(self.text, max(0, s - 30), s)
                    or not m.group().endswith("s") and _APPOSED_BARE.search(self.text, max(0, s - 30), s)):
                continue              # only a named person's own field ("Dr. X, an anesthesiologist",
                                      # "Dr. X, consultant radiologist at Y")
            field = m.group(1) + _PRACTITIONER_FIELD[m.group(2)]
            mod = _WORD_BEFORE.search(self.text, max(0, s - 30), s)
            if mod and gz.specialty_surfaces().get(f"{mod.group(1).lower()} {field}"):
                # "interventional cardiologist": the longer field the practitioner's noun names
                s, field = mod.start(1), f"{mod.group(1).lower()} {field}"
            info = gz.specialty_surfaces().get(field)
            if info is None:
                continue
            self.add_specialty(s, e, field, info)
            taken.append((s, e))

    def unit_fields(self, taken) -> None:
        """"Trauma Centre", "Respiratory Branch of X", "Department of Accident and Emergency": the field of a
        unit named by a short word that is no field name of its own (unless a field was read there)."""
        for a, b, key in self.org_spans:
            if not key or not key.startswith("Organization|"):
                continue
            m = _UNIT_FIELD.search(self.text, a, b)
            if m is None or any(s < m.end() and m.start() < e for s, e in taken) \
                    or _OF.search(self.text, a, m.start()):
                continue              # (not the field of the body it belongs to: "X Group of the Y Pediatric Society")
            g = next(i for i in (1, 2, 3, 4, 5) if m.group(i))
            label = _UNIT_FIELD_NAMES.get(" ".join(m.group(g).lower().split()))
            info = gz.specialty_label(label) if label else None
            if info is None:
                continue
            sk = self.add_specialty(m.start(g), m.end(g), label, info)
            if sk:
                self.reg.relate(key, "specialty", sk, (a, b), 0.8)

    def in_name(self, s: int, e: int) -> bool:
        return any(a <= s and e <= b for a, b, _ in self.org_spans)

    def in_office_name(self, s: int, e: int) -> bool:
        """Inside the name of a ministry or office ("Ministry of Public Health", "Office of International
        Health Cooperation") or of a funding body ("Cardiology Foundation"): the words name the body's
        remit or cause, not a medical field."""
        for a, b, key in self.org_spans:
            if a <= s and e <= b and key:
                ent = self.ex.entities.get(self.reg.resolve(key))
                name = ent.name if ent else self.text[a:b]
                head = re.split(r"\s+(?:of|for)\s+", name, maxsplit=1)[0].split()[-1].lower()
                if head in _OFFICE_HEADS or gz.funding_body(name) or gz.MEDICAL_FACULTY.match(name):
                    return True
        return False

    def specialty_ok(self, s: int, e: int, surface: str, info) -> bool:
        text = self.text
        label, iri, is_pref = info
        key = gz.surface_key(surface)
        capitalized = all(w[0].isupper() for w in re.findall(r"[^\W\d_]+", surface) if w not in ("and", "of"))
        in_name = capitalized and self.in_name(s, e)
        sent_start = max(text.rfind(".", 0, s), text.rfind("\n", 0, s), s - 160)
        if gz.WISH.search(text[sent_start + 1:s]) or gz.OPERATION_BEFORE.search(text[max(0, s - 25):s]):
            return False                      # only wished for, or an operation ("after cardiac surgery")
        words = key.split()
        if words and re.fullmatch(r"transplant(?:ation)?s|surgeries|operations|procedures|endoscopies", words[-1]) \
                and re.search(r"\d\s+$", text[max(0, s - 12):s]):
            return False                      # "completed 612 kidney and liver transplants": counted operations
                                              # (not "200 cardiac surgeons": the people of a field)
        if len(words) == 2 and words[0] in gz.OPERATION_TARGETS and words[1] in ("surgery", "surgeries") \
                and not iri:
            return False                      # "cataract surgery": one operation, not a field
        if in_name and self.in_office_name(s, e):
            return False
        if not capitalized and _FACILITY_AFTER.match(text, e) and _FACILITY_BEFORE.search(text, max(0, s - 12), s):
            return False                      # "transfer to the intensive care unit": a ward, not a field
                                              # (while "runs a cardiac intensive care unit" says what it does)
        if not capitalized and _FACILITY_AFTER.match(text, e) and _FACILITY_PLANNED.search(text, max(0, s - 50), s):
            return False                      # "will open a burns intensive care unit": not practised yet

        in_list = any(a <= s < b for a, b in getattr(self, "field_lists", ())) \
            and bool(re.match(r"\s*(?:[,.;:)]|and\b|or\b|as well\b|in the\b|at the\b|$)", text[e:e + 12])) \
            and gz.singular_phrase(key) not in gz.LIST_TOO_GENERIC
        context = bool(gz.FIELD_CONTEXT_BEFORE.search(text[max(0, s - 40):s])
                       or gz.FIELD_CONTEXT_AFTER.match(text[e:e + 30])) or in_name or in_list
        if gz.singular_phrase(key) in gz.NEEDS_CONTEXT and not context:
            return False                      # "precision medicine, imaging first": a slogan
        if gz.singular_phrase(key) in gz.TOO_GENERIC:
            if re.search(r"(?i)\b(?:professor|lecturer|chair|chairman|chief)\s+of\s+$", text[max(0, s - 30):s]):
                return False                  # "professor of surgery at X": an academic post's broad school
            before = re.search(r"([^\W\d_][\w'-]*)\s*$", text[max(0, s - 30):s])
            if not context or (before and before.group(1).lower() not in gz.QUALITY
                               and before.group(1).lower() not in gz.PERSON_STOP):
                return False                  # bare "surgery", or the tail of "Abdominal Wall Surgery"
        nwords = len(key.split())
        # (a British spelling of the scheme's own name, "obstetric anaesthesia", is as specific as the name)
        is_pref = is_pref or gz.spelled(key) == gz.spelled(label.lower())
        specific = nwords >= 3 or bool(gz.FIELD_HEADS.search(key.split()[-1])) or is_pref and nwords >= 2 \
            or nwords >= 2 and bool(re.search(r"\b[A-Z]{2,}\b", surface))   # "primary PCI": a scheme name with an acronym
        if not specific and not context:
            return False
        # the field must not be the tail of a longer noun compound ("lung cancer surgery")
        prev = re.search(r"([^\W\d_][\w'-]*)[\s]*$", text[max(0, s - 30):s])
        if prev and not text[s - 1:s] in "(\"“" :
            pw = prev.group(1)
            if pw.lower() in gz.FIELD_MODIFIERS and pw.lower() not in gz.QUALITY and gz.FALLBACK_HEADS & set(key.split()):
                return False                  # "Minimally Invasive Cardiac Surgery": the longer field
            tok = self.tok_at.get(s - len(text[max(0, s - 30):s]) + prev.start(1))
            if pw[0].islower() and pw.lower() not in gz.QUALITY and pw.lower() not in gz.MANNER:
                pos = tok.pos_ if tok is not None else "NOUN"
                if pos in ("NOUN", "ADJ", "PROPN", "VERB") and tok is not None and tok.tag_ not in ("VBD", "VBZ", "VBP", "VB", "VBN", "VBG", "MD"):
                    return False
                if tok is None:
                    return False
        return True

    def add_specialty(self, s: int, e: int, surface: str, info, acronym: bool = False) -> str | None:
        label, iri, _ = info
        key = gz.surface_key(surface)
        alias = None
        if acronym:
            alias = surface
        else:
            sing = gz.singular_phrase(key)
            sing = re.sub(r"surgeons?$", "surgery", sing)
            if sing != label.lower() and (not key.endswith("surgeon") and not key.endswith("surgeons") or
                                          (gz.specialty_surfaces().get(sing) or (None, None))[1] == iri is not None):
                alias = sing              # ("digestive surgeons": the text's own field name "digestive surgery")
        k = self.reg.add("Specialty", label.lower() if not iri else label, (s, e), alias=alias,
                         conf=0.9 if iri else 0.7, concept=iri)
        if k and not acronym and key != label.lower() and key in gz.specialty_surfaces() \
                and gz.singular_phrase(key) != key:
            self.reg.alias(k, key)            # a field named in the plural ("infectious diseases")
        acr = _FIELD_ACRONYM.match(self.text, e) if k and not acronym else None
        if acr and is_acronym(acr.group(1)) and acronym_matches(acr.group(1), surface):
            self.reg.alias(k, acr.group(1))   # "Endoscopic ear surgery (EES)": the field's own acronym
            self.reg.mention(k, acr.span(1))
        return k

    def fallback_specialties(self, mtext: str, taken) -> None:
        mods = "|".join(sorted(gz.FIELD_MODIFIERS, key=len, reverse=True))
        heads = "|".join(sorted(gz.FALLBACK_HEADS, key=len, reverse=True))
        rx = _fallback_regex(mods, heads)
        spans = []
        for m in rx.finditer(mtext):
            # "stroke rehabilitation and stroke nursing": the modifier is repeated after "and", so the
            # coordination joins two whole fields, not two modifiers of one head
            sp = re.search(r"\s+and\s+", m.group())
            if sp:
                left, right = m.group()[:sp.start()], m.group()[sp.end():]
                lw, rw = left.lower().split(), right.lower().split()
                if len(lw) >= 2 and len(rw) >= 2 and rw[0] in lw:
                    spans += [(m.start(), m.start() + sp.start()), (m.start() + sp.end(), m.end())]
                    continue
            spans.append((m.start(), m.end()))
        for s, e in spans:
            if any(a < e and s < b for a, b in taken) or self.in_junk(s):
                continue
            surface = self.text[s:e]
            words_ = gz.surface_key(surface).split()
            if len(words_) < 2:
                continue
            info = (gz.singular_phrase(" ".join(words_)), None, False)
            if words_[-1] == "nutrition" and not gz.FIELD_CONTEXT_AFTER.match(self.text[e:e + 30]):
                nxt = re.match(r"\s+([a-z]+)", self.text[e:e + 30])
                ntok = self.tok_at.get(e + nxt.start(1)) if nxt else None
                if ntok is not None and ntok.pos_ == "NOUN":
                    continue      # "perioperative nutrition management": a practice, not a field
            before = re.search(r"([^\W\d_][\w'-]*)\s*$", self.text[max(0, s - 30):s])
            if before and before.group(1).lower() not in gz.QUALITY and before.group(1).lower() not in gz.PERSON_STOP:
                btok = self.tok_at.get(max(0, s - 30) + before.start(1))
                if btok is None or btok.pos_ not in ("VERB", "AUX") or before.group(1)[0].isupper():
                    continue      # only a tail of a longer compound ("Abdominal Wall Surgery")
            if self.specialty_ok(s, e, surface, (info[0], None, True)):
                self.add_specialty(s, e, surface, info)
                taken.append((s, e))
        # in a list of fields, "<word> surgery" is a field even with an unlisted modifier ("valve surgery")
        heads = "|".join(sorted(gz.FALLBACK_HEADS - {"care", "medicine", "nursing"}, key=len, reverse=True))
        for a, b in getattr(self, "field_lists", ()):
            for m in re.finditer(rf"(?<![\w-])([a-z][a-z-]{{3,}})\s+(?:{heads})(?![\w-])", mtext[a:b]):
                s, e = a + m.start(), a + m.end()
                w = m.group(1)
                if w in gz.QUALITY or w in gz.PERSON_STOP or w in gz.CONNECTORS or any(x < e and s < y for x, y in taken):
                    continue
                if not re.match(r"\s*(?:[,.;:)]|and\b|or\b|$)", self.text[e:e + 8]):
                    continue
                surface = self.text[s:e]
                info = (gz.singular_phrase(gz.surface_key(surface)), None, False)
                if self.specialty_ok(s, e, surface, (info[0], None, True)):
                    self.add_specialty(s, e, surface, info)
                    taken.append((s, e))

    # -------------------------------------------------------------- acronyms
    def acronyms(self) -> None:
        reg, text = self.reg, self.text
        # definitions: "Name (ACR)"
        parents = {id(u.parent) for u in self.units if u.parent is not None}
        for u in self.units:
            if u.kind not in ("ORG", "EVENT") or not u.key or id(u) in parents:
                continue
            end = self._chain_end(u) if u.kind == "ORG" else u.end
            m = re.match(r"\s*[(（]\s*([A-Z][A-Za-z&-]{1,11})\s*[)）]", text[end:end + 20])
            h = _HOSPITAL_SHORT.match(text, end, end + 60) if u.kind == "ORG" else None
            if h:
                # "Zalagh University Hospital Centre (CHU Zalagh)": a short name made of a hospital acronym
                reg.alias(u.key, h.group(1))
                reg.mention(u.key, (h.start(1), h.end(1)))
                continue
            w = _WORD_ACRONYM_SHORT.match(text, end, end + 60) if u.kind == "ORG" and not m else None
            if w:
                whole = self.ex.entities[reg.resolve(u.key)]
                rest = whole.name[len(w.group(2)):]
                if whole.name.startswith(w.group(2) + " ") and is_acronym(w.group(3)) \
                        and acronym_matches(w.group(3), rest):
                    # "Waal University Medical Centre (Waal UMC)": the name's first word and the acronym of
                    # the rest of it
                    reg.alias(u.key, w.group(1))
                    reg.mention(u.key, (w.start(1), w.end(1)))
                    continue
            if m and is_acronym(m.group(1)):
                # the acronym of the whole name, or of the parent it ends with
                target, chain = u.key, []
                p = u.parent
                while p is not None:
                    chain.append(p)
                    p = p.parent
                whole = self.ex.entities[reg.resolve(u.key)]
                if not any(acronym_matches(m.group(1), n) for n in (whole.name, *whole.aliases)):
                    for p in chain:
                        if p.key and acronym_matches(m.group(1), self.ex.entities[reg.resolve(p.key)].name):
                            target = p.key
                            break
                    else:
                        # "Conference of the X Branch of Chinese Medical Doctor Association (CMDA)": the
                        # acronym of the organization the name ends with
                        inner = [e.key for e in self.ex.entities.values() if e.type == "Organization"
                                 and e.key != whole.key and any(x.end == end for x in e.mentions)
                                 and acronym_matches(m.group(1), e.name)]
                        if inner:
                            target = inner[0]
                reg.alias(target, m.group(1))
                reg.mention(target, (end + m.start(1), end + m.end(1)))
        orgs = lambda: [e for e in self.ex.entities.values() if e.type in ("Organization", "Event")]  # noqa: E731

        def resolve(acr: str) -> str | None:
            for t in ("Organization", "Event"):
                k = reg.find(t, acr)
                if k:
                    return k
            if gz.specialty_surfaces().get(acr) or countries.lookup(acr):
                return None
            hits = [e.key for e in orgs() if e.type == "Organization"
                    and any(acronym_matches(acr, n) for n in (e.name, *e.aliases) if not is_acronym(n))]
            if len(hits) >= 1:
                k = hits[0]
                reg.alias(k, acr)
                return k
            return None

        for tok, _role in self.acros:
            k = resolve(tok.text)
            if k:
                reg.mention(k, (tok.start, tok.end))
        for child, tok, span in self.pending_parents:
            k = resolve(tok.text)
            if k is None and not gz.specialty_surfaces().get(tok.text) and not countries.lookup(tok.text):
                k = reg.add("Organization", tok.text, (tok.start, tok.end), conf=0.6)
            if k:
                reg.mention(k, (tok.start, tok.end))
                cn, kn = self.ex.entities[reg.resolve(child)].name, self.ex.entities[reg.resolve(k)].name
                if len(cn.split()) == 1 and cn.lower() in gz.ORG_HEADS and kn.lower().startswith(cn.lower() + " of "):
                    # "Department of PMR" after "Department of Physical Medicine and Rehabilitation (PMR)":
                    # the acronym names the unit's field, the name is that unit's, not a unit under it
                    kk = reg.merge(k, child)
                    self.ex.entities[kk].aliases.discard(cn)   # the bare head word is no name of it
                    continue
                reg.relate(child, "parentOrganization", k, span, 0.8)

    # -------------------------------------------------------------- resolution
    def acronym_of_parts(self) -> None:
        """"X Branch of CMDA" after "X Branch of Chinese Medical Doctor Association (CMDA)": a name that
        ends with the acronym of an organization is the name ending with that organization's name."""
        reg, ents = self.reg, self.ex.entities
        named = {(e.type, gz.norm(n)): e.key for e in ents.values() for n in (e.name, *e.aliases)}
        for e in [e for e in ents.values() if e.type in ("Organization", "Event")]:
            mt = _ENDS_WITH_ACRONYM.match(e.name)
            if e.key not in ents or mt is None or not is_acronym(mt.group(2)):
                continue
            holder = reg.find("Organization", mt.group(2))
            if holder is None or holder == e.key:
                continue
            full = named.get((e.type, gz.norm(mt.group(1) + " " + ents[holder].name)))
            if full is not None and reg.resolve(full) != e.key:
                reg.merge(full, e.key)

    # -------------------------------------------------------------- resolution
    def resolve_variants(self) -> None:
        reg = self.reg
        ents = self.ex.entities
        self.acronym_of_parts()
        # the same name with and without its accents ("CAMLIK UNIVERSITY" in a header set in
        # capitals, "Çamlık University" in the text): one organization, named as the text writes it
        folded: dict[str, str] = {}
        for e in sorted([e for e in ents.values() if e.type == "Organization"], key=lambda e: e.name.isupper()):
            if e.key not in ents:
                continue
            f = _fold(e.name)
            other = folded.get(f)
            if other and reg.resolve(other) != e.key and reg.resolve(other) in ents:
                reg.merge(reg.resolve(other), e.key)
            else:
                folded.setdefault(f, e.key)
        # organizations: the same words in another order ("X University Cancer Hospital" /
        # "Affiliated Cancer Hospital of X University")
        bags: dict[frozenset, str] = {}
        for key in list(ents):
            e = ents.get(key)
            if e is None or e.type != "Organization":
                continue
            names = [e.name, *sorted(e.aliases)]
            for n in names:
                bag = frozenset(w for w in gz.norm(n).split() if w not in ("the", "of", "affiliated", "and"))
                if len(bag) < 2:
                    continue
                other = bags.get(bag)
                if other and reg.resolve(other) != key:
                    a, b = reg.resolve(other), key
                    # keep the "of" form (official style) as canonical
                    if " of " in ents[b].name and " of " not in ents[a].name:
                        a, b = b, a
                    key = reg.merge(a, b)
                    e = ents[key]
                bags.setdefault(bag, key)
        # hospitals: "X Hospital (the First Affiliated Hospital of Y University)" names one hospital twice
        for e in [e for e in ents.values() if e.type == "Organization"]:
            if e.key not in ents or not _HOSPITAL_NAME.search(e.name):
                continue
            for m in list(e.mentions):
                br = _ALT_NAME_BRACKET.match(self.text, m.end)
                if br is None:
                    continue
                close = self.text.find(")", br.end(), br.end() + 150)
                content = gz.norm(self.text[br.end():close]) if close > 0 else ""
                inner = next((q for q in ents.values() if q.type == "Organization" and q.key != e.key and content and
                              any(n.start == br.end() for n in q.mentions) and
                              content in {gz.norm(x) for x in (q.name, *q.aliases)}), None)
                if inner is not None and _HOSPITAL_WORD.search(inner.name) and not is_acronym(inner.name) and \
                        gz.norm(inner.name) != gz.norm(e.name):
                    reg.merge(e.key, inner.key)
                    break
        # organizations: a later short form that ends a longer name of the article ("the School of
        # Medicine" after "Whitmore University School of Medicine"); not a parent named after "of"
        orgs = [e for e in ents.values() if e.type == "Organization"]
        for e in sorted(orgs, key=lambda e: len(e.name)):
            if e.key not in ents or len(e.name.split()) < 2 or any(is_acronym(w) for w in e.name.split()):
                continue
            short = gz.norm(e.name)
            cands = [q for q in orgs if q.key in ents and q is not e and gz.norm(q.name).endswith(" " + short)
                     and re.search(r"[^\W\d_]", gz.norm(q.name)[: -len(short)])
                     and not re.search(r"\b(?:of|for|and)\b|,", gz.norm(q.name)[: -len(short)])
                     and not (gz.UNIVERSITY_FIRST.match(e.name) and _HOSPITAL_WORDS.search(gz.norm(q.name)[: -len(short)]))]
            if len(cands) == 1:
                reg.merge(cands[0].key, e.key)
        # "X University of <Country>" beside "X University": the country only qualifies the name
        # (the country is a mention of its own; "National University of Singapore" alone stays whole)
        for e in [e for e in ents.values() if e.type == "Organization"]:
            m = re.fullmatch(r"(.+?)\s+of\s+(?:the\s+)?(.+)", e.name)
            hit = countries.lookup(m.group(2)) if m else None
            short = reg.find("Organization", m.group(1)) if hit else None
            if e.key not in ents or not short or reg.resolve(short) == e.key:
                continue
            keep = reg.resolve(short)
            for sp in list(e.mentions):
                tail = re.search(r"\s+of\s+(?:the\s+)?" + re.escape(m.group(2)) + r"$", self.text[sp.start:sp.end])
                if tail:
                    reg.add("Country", hit[1], (sp.start + tail.end() - len(m.group(2)), sp.end),
                            alias=m.group(2) if m.group(2) != hit[1] else None, conf=0.9, concept=hit[0])
                    sp.end = sp.start + tail.start()
            reg.merge(keep, e.key)
            ents[keep].aliases.discard(e.name)
        # "School of Nursing of X University" (an institution's unit kept whole) beside "School of
        # Nursing": one unit, when only one longer name starts with the short one
        for e in sorted([e for e in ents.values() if e.type == "Organization"], key=lambda e: len(e.name)):
            if e.key not in ents or len(e.name.split()) < 3 or " of " not in e.name:
                continue
            short = gz.norm(e.name)
            cands = [q for q in ents.values() if q.type == "Organization" and q.key != e.key
                     and gz.norm(q.name).startswith(short + " of ")]
            if len(cands) == 1 and reg.find("Organization", cands[0].name[len(e.name) + 4:].removeprefix("the ")):
                reg.merge(cands[0].key, e.key)
        # people: "Elgendi" / "Professor Fawaz" and the full name
        persons = [e for e in ents.values() if e.type == "Person"]
        for p in sorted(persons, key=lambda e: len(e.name.split())):
            if p.key not in ents or len(p.name.split()) != 1:
                continue
            cands = [q for q in ents.values() if q.type == "Person" and q is not p
                     and p.name in q.name.split()]
            if len(cands) == 1:
                reg.merge(cands[0].key, p.key)
        # "Pr. Van den Bossche" / "Prof. Alaoui Mrani" (a surname of several words after an honorific) and
        # the full name it ends
        for p in [e for e in ents.values() if e.type == "Person"]:
            if p.key not in ents or len(p.name.split()) < 2 or not p.mentions or not all(
                    _HONORIFIC_BEFORE.search(self.text, max(0, m.start - 14), m.start) for m in p.mentions):
                continue
            cands = [q for q in ents.values() if q.type == "Person" and q is not p
                     and q.name.endswith(" " + p.name) and len(q.name.split()) > len(p.name.split())]
            if len(cands) == 1:
                reg.merge(cands[0].key, p.key)
                ents[cands[0].key].aliases.discard(p.name)
        # '"Course on X at High Altitude"' (a quoted name kept whole) and "Course on X" (the same name cut at
        # its preposition where it is not quoted, as in a headline); so "X Holds Work Report Meeting" and "the Work
        # Report Meeting of X" (the name with its holder)
        evs = sorted((e for e in ents.values() if e.type == "Event"), key=lambda e: len(e.name))
        for e in evs:
            if e.key not in ents:
                continue
            longer = [q for q in evs if q.key in ents and q is not e and q.name.startswith(e.name + " ")
                      and q.name[len(e.name) + 1:].split()[0] in _QUOTED_NAME_PREPS | {"on", "for", "of"}]
            if len(longer) == 1:
                reg.merge(longer[0].key, e.key)
                ents[longer[0].key].aliases.discard(e.name)
        # "Ana Paula" (NER stopped at a particle) and "Ana Paula da Silva"
        for p in [e for e in ents.values() if e.type == "Person"]:
            if p.key not in ents or len(p.name.split()) < 2:
                continue
            cands = [q for q in ents.values() if q.type == "Person" and q is not p and q.name.startswith(p.name + " ")
                     and q.name.split()[len(p.name.split())] in _NAME_PARTICLES]
            if len(cands) == 1:
                reg.merge(cands[0].key, p.key)
        # places: "Sichuan" and "Sichuan Province"
        for e in list(ents.values()):
            if e.type != "Place" or e.key not in ents:
                continue
            for q in list(ents.values()):
                if q.type == "Place" and q is not e and q.key in ents and gz.norm(q.name).startswith(gz.norm(e.name) + " ") \
                        and q.name.split()[-1].lower() in gz.PLACE_SUFFIXES \
                        and gz.norm(_place_alias(q.name) or "") == gz.norm(e.name):
                    reg.merge(q.key, e.key)   # (not "Enugu State" and the city "Enugu")
                    break
        # organizations: a name cut off in a word (a truncated headline, "X Committee of Y Medical Doctor Asso")
        # is the one whose name it starts; the cut name is no alias (sorted names: no pairwise scan)
        orgs = sorted((e for e in ents.values() if e.type == "Organization"), key=lambda e: e.name)
        onames = [e.name for e in orgs]
        for b in orgs:
            if b.key not in ents or len(b.name.split()) < 4 or not b.name[-1].isalpha():
                continue
            j, hits = bisect.bisect_right(onames, b.name), []
            while j < len(orgs) and onames[j].startswith(b.name):
                if onames[j][len(b.name)].isalpha() and orgs[j].key in ents:
                    hits.append(orgs[j])
                j += 1
            if len(hits) == 1:
                keep = reg.merge(hits[0].key, b.key)
                ents[keep].aliases.discard(b.name)
        # joint meetings
        for group in self.joint:
            keys = [reg.resolve(k) for k in group]
            first = keys[0]
            for k in keys[1:]:
                first = reg.merge(first, k)
        # events: a shortened name of the same event ("X Imaging Technology Forum" /
        # "X Imaging Examination Technology Forum")
        evs = [e for e in ents.values() if e.type == "Event"]
        for i, a in enumerate(evs):
            for b in evs[i + 1:]:
                if a.key not in ents or b.key not in ents:
                    continue
                if len(b.name) > len(a.name):
                    a, b = b, a
                if len(b.name.split()) >= 4 and any(n.startswith(b.name) and n[len(b.name)].isalpha()
                                                    for n in (a.name, *a.aliases) if len(n) > len(b.name)):
                    reg.merge(a.key, b.key)   # a headline cut off in a word: "... of X Medical Doctor Asso"
                    continue
                if _and_extended_inside(a.name, b.name):
                    reg.merge(a.key, b.key)   # "Training Workshop on A" / "2024 X Training Workshop on A and B"
                    continue
                ha, hb = _last_word(a.name), _last_word(b.name)
                if ha != hb and not _and_extended(a.name, b.name):
                    continue
                ta, tb = _tokens(a.name), _tokens(b.name)
                if ta and tb and len(ta & tb) / len(ta | tb) >= 0.6 and (ta <= tb or tb <= ta):
                    if len(tb) > len(ta):
                        a, b = b, a           # keep the fuller name
                    reg.merge(a.key, b.key)
        # an event named only in the headline is the body's event whose name contains its words
        first_nl = self.text.find("\n")
        if first_nl > 0:
            evs = [e for e in ents.values() if e.type == "Event"]
            for a in evs:
                if a.key not in ents or not a.mentions or any(m.start > first_nl for m in a.mentions):
                    continue
                ta = {t for t in _tokens(a.name) if not t.isdigit() and t not in gz.GENERIC_MODIFIERS}
                best = None
                same_head = [b for b in evs if b is not a and b.key in ents and _event_head(b.name) == _event_head(a.name)
                             and any(m.start > first_nl for m in b.mentions)]
                for b in evs:
                    if b is a or b.key not in ents or _event_head(b.name) != _event_head(a.name):
                        continue
                    if ta and ta <= _tokens(b.name) | {t for n in b.aliases for t in _tokens(n)}:
                        best = b if best is None or len(b.mentions) > len(best.mentions) else best
                if best is None and len(same_head) == 1 and len([e for e in evs if e.key in ents]) == 2:
                    best = same_head[0]       # "X Holds Training Course for Y Countries": the one course told
                if best is not None:
                    reg.merge(best.key, a.key)
        # committees: the short name is an alias only where it is unambiguous in the article
        shorts: dict[str, tuple[set[str], bool]] = {}
        for own, long_form, proper in getattr(self, "short_names", []):
            k = reg.find("Organization", long_form)
            if k:
                keys, prop = shorts.get(own, (set(), False))
                shorts[own] = (keys | {k}, prop or proper)
        for own, (keys, proper) in shorts.items():
            if len(keys) != 1:
                continue
            k = reg.resolve(next(iter(keys)))
            short = reg.find("Organization", own)
            # "the Cardiology Branch" used alone after "the Cardiology Branch of X Medical Association", the only
            # long form it shortens in the article: that body (a generic short name only so)
            alone = re.search(r"\bthe\s+" + re.escape(own) + r"\b(?!\s+(?:of|for|at|in)\b)", self.text)
            if short is None and (proper or alone):
                reg.alias(k, own)
            elif short is not None and short != k and alone and own != self.ex.entities[k].name:
                reg.merge(k, short)
        # a government body named bare ("Director of the Ministry of Health") where the article names it with
        # its country or area, one body only ("Ministry of Health of Malawi", "Malawi Ministry of Health"): that body
        ents = self.ex.entities
        orgs = [e for e in ents.values() if e.type == "Organization"]
        for e in orgs:
            if e.key not in ents or not _gov_name(e.name, e.name.split()[0].lower()) or len(e.name.split()) < 2:
                continue
            full = [o for o in orgs if o.key != e.key and o.key in ents and _gov_area_form(o.name, e.name)]
            if len(full) == 1:
                reg.merge(full[0].key, e.key)

    # -------------------------------------------------------------- more mentions
    def short_forms(self) -> None:
        """"Department of X of the Y Hospital" where another organization is named "Y Hospital of Z": "Y
        Hospital" is that organization's short form (an alias; its later uses are mentions) and the unit's
        parent ("the Second Affiliated Hospital" of "Second Affiliated Hospital of Riverton University")."""
        ents = self.ex.entities
        orgs = [e for e in ents.values() if e.type == "Organization"]
        for e in orgs:
            for n in sorted({e.name, *e.aliases}):
                mt = re.match(r"(.+)\s+of\s+(?:the\s+)?(.+)$", n)
                if not mt or mt.group(2).split()[-1].lower() not in gz.ORG_HEADS:
                    continue
                short = mt.group(2)
                full = [o for o in orgs if o.key != e.key and o.key in ents
                        and o.name.startswith(short + " of ") and short not in o.aliases]
                if len(full) != 1 or any(o.name == short for o in orgs):
                    continue
                self.reg.alias(full[0].key, short)
                span = next(((m.start, m.end) for m in e.mentions if self.text[m.start:m.end] == n), None)
                self.reg.relate(e.key, "parentOrganization", full[0].key, span, 0.8)

    def rescan(self) -> None:
        """Later uses of a known name or alias (and lower-case uses of event names) are mentions too."""
        text = self.text
        for e in list(self.ex.entities.values()):
            if e.type not in ("Organization", "Event", "Person"):
                continue
            names = {n for n in (e.name, *e.aliases) if len(n) >= 3}
            for n in sorted(names, key=len, reverse=True):
                if e.type == "Person" and len(n.split()) < 2 and n not in e.aliases:
                    continue
                caseless = e.type == "Event" and len(n.split()) >= 3
                for span in _name_uses(text, n.split(), _NAME_GAP, caseless):
                    if not self.in_junk(span[0]):
                        self.reg.mention(e.key, span)
            # "Dr. de Groot" / "Prof. van der Linden": a surname that opens with a particle, after an
            # honorific, is a later use of the full name ("Sanne de Groot")
            words = e.name.split()
            k = next((i for i, w in enumerate(words) if i >= 1 and w in _SURNAME_PARTICLES), None)
            if e.type == "Person" and k is not None and k + 1 < len(words):
                for cap in (False, True):
                    sur = words[k:] if not cap else [words[k].capitalize(), *words[k + 1:]]
                    for span in _name_uses(text, sur, _SPACES):
                        if _HONORIFIC_BEFORE.search(text, max(0, span[0] - 14), span[0]) and \
                                not self.in_junk(span[0]):
                            self.reg.mention(e.key, span)

    def rescan_one(self, key: str) -> None:
        e = self.ex.entities[self.reg.resolve(key)]
        for span in _name_uses(self.text, e.name.split(), _SPACES):
            if not self.in_junk(span[0]):
                self.reg.mention(e.key, span)

    def anaphora(self) -> None:
        """'the conference', 'this training course', 'the launch ceremony': mentions of the event meant."""
        evs = [e for e in self.ex.entities.values() if e.type == "Event"]
        if not evs:
            return
        heads = "|".join(sorted(gz.EVENT_FAMILY, key=len, reverse=True))
        rx = re.compile(r"\b(?:[Tt]his|[Tt]he|[Tt]hat)\s+((?:[a-z][\w-]*\s+){0,3}?)(" + heads + r")\b(?!\s+of\s+[A-Z])")
        ordered = sorted(((m.start, e) for e in evs for m in e.mentions), key=lambda x: x[0])
        main = max(evs, key=lambda e: (len(e.mentions), -min((m.start for m in e.mentions), default=0)))
        for m in rx.finditer(self.text):
            s, e = m.start(), m.end()
            if any(any(x.start <= s < x.end for x in ev.mentions) for ev in evs):
                continue
            head = m.group(2).lower()
            fam = gz.EVENT_FAMILY.get(head)
            target = None
            if head == "ceremony":
                target = main
            else:
                before = [ev for pos, ev in ordered if pos < s]
                for ev in reversed(before):
                    # a descriptive visit ("Visit of the X delegation to Y") is of the visit family too, and
                    # a descriptive ceremony ("Graduation ceremony of the X Programme") of the ceremony family
                    efam = "visit" if re.match(r"Visit of\b", ev.name) else \
                        "ceremony" if _CEREMONY_OF.match(ev.name) else \
                        gz.EVENT_FAMILY.get(_last_word(ev.name).rstrip("s"))
                    if efam == fam or _last_word(ev.name) == head:
                        target = ev
                        break
                if target is None:
                    target = before[-1] if before else main
            self.reg.mention(target.key, (s, e))

    # -------------------------------------------------------------- "the province"
    def implied_province(self) -> None:
        """'our province' / 'the province' where one province's name is given only inside names."""
        m = re.search(r"\b(?:our|the|this)\s+province\b", self.text, re.I)
        if not m or any(e.type == "Place" and e.name.lower().endswith(" province")
                        for e in self.ex.entities.values()):
            return
        areas = gz.admin_areas()
        found = set()
        for e in self.ex.entities.values():
            if e.type == "Organization":
                first = e.name.split()[0]
                if areas.get(first.lower()) == "Province":
                    found.add(first)
        if len(found) == 1:
            name = next(iter(found))
            self.reg.add("Place", f"{name} Province", (m.start(), m.end()), alias=name, conf=0.6,
                         subtypes=("AdministrativeArea",))

    # -------------------------------------------------------------- unnamed events
    def unnamed_events(self) -> None:
        """An article about an unnamed happening gets one event with a short descriptive name:
        a delegation visit ('Visit of the X delegation to Y'), a launch/opening/unveiling
        ceremony ('Launching ceremony of the X'), or a signing ('Signing of the agreement
        between A and B')."""
        ents = self.ex.entities
        text = self.text
        named = any(e.type == "Event" for e in ents.values())
        # a visit told before any named event (an event only mentioned later is no reason to drop it)
        first = min((m.start for e in ents.values() if e.type == "Event" for m in e.mentions), default=len(text))
        pair = self.unnamed_visit(first)
        self.signing(pair, named)
        self.title_ceremony()
        self.graduation()
        self.farewell()
        if pair is None:
            self.group_visit()

    def group_visit(self) -> None:
        """'Dr. P and two nephrologists from ORG visited the department (and attended ...)': a visit by a
        small group from a named body, told anywhere in the page (a list of past exchanges):
        'Visit of the ORG delegation to HOST', the host being the body visited."""
        ents, text = self.ex.entities, self.text
        if any(e.type == "Event" and re.search(r"\b(?:visit|delegation)\b", e.name, re.I) for e in ents.values()):
            return
        orgs = sorted((m.start, m.end, e.key) for e in ents.values() if e.type == "Organization" for m in e.mentions)
        for e in [e for e in ents.values() if e.type == "Person"]:
            for pm in e.mentions:
                g = _GROUP_FROM.match(text, pm.end)
                if not g:
                    continue
                guest = next((o for o in orgs if o[0] == g.end()), None)
                if guest is None:
                    continue
                v = _VISITED.match(text, guest[1])
                if not v:
                    continue
                host = next((o[2] for o in orgs if o[0] == v.end()), None)
                if host is None and v.group(1):
                    host = self._most_named_org(v.group(1))
                if host is None or self.reg.resolve(host) == self.reg.resolve(guest[2]):
                    continue
                name = f"Visit of the {ents[self.reg.resolve(guest[2])].name} delegation to " \
                       f"{ents[self.reg.resolve(host)].name}"
                self.reg.add("Event", name, (v.start(0) + v.group(0).index("visited"),
                                             v.start(0) + v.group(0).index("visited") + 7), conf=0.55)
                return

    def _described_org(self, after: str) -> str | None:
        """'(the) Dutch medical centre' / 'German university hospital': the one organization of the article
        whose name ends in the description's words (a nationality or other word may stand before them)."""
        d = re.match(r"(?:[A-Z][a-z]+\s+)?((?:[a-z]+\s+){0,2}([a-z]+))\b", after)
        if d is None or d.group(2) not in gz.ORG_HEADS:
            return None
        words = d.group(1).lower().replace("centre", "center").split()
        cands = [e for e in self.ex.entities.values() if e.type == "Organization" and
                 [w.lower() for w in e.name.replace("Centre", "Center").split()[-len(words):]] == words]
        return cands[0].key if len(cands) == 1 else None

    def _most_named_org(self, noun: str) -> str | None:
        """The page's most named organization whose name ends in ``noun`` ("the department")."""
        noun = noun.lower().replace("centre", "center")
        cands = [e for e in self.ex.entities.values() if e.type == "Organization" and
                 re.search(rf"\b{noun}\b", e.name.replace("Centre", "Center"), re.I) and
                 (_last_word(e.name).lower().replace("centre", "center") == noun or
                  e.name.lower().startswith(noun + " of "))]
        if not cands:
            return None
        return max(cands, key=lambda e: (len(e.mentions), -min((m.start for m in e.mentions), default=0))).key

    def title_ceremony(self) -> None:
        """'the appointment ceremony of Prof. P, ..., as Honorary Professor of ORG was held': a ceremony that
        confers a title on a person is an event of its own ('Appointment ceremony of P as Honorary Professor
        of ORG'), not part of another."""
        ents, text = self.ex.entities, self.text
        persons = sorted((m.start, m.end, e.name) for e in ents.values() if e.type == "Person" for m in e.mentions)
        for sent in self._sentences():
            a, b = sent.start_char, sent.end_char
            m = _TITLE_CEREMONY.search(text, a, b)
            if not m:
                continue
            held = _HELD_AFTER.search(text, m.end(), b)
            if not held:
                continue
            p = next((x for x in persons if m.end() <= x[0] < m.end() + 40 and x[1] <= held.start()), None)
            if p is None or not re.fullmatch(r"(?:(?:Prof|Dr|Mr|Ms|Mrs)\.?\s+|Professor\s+|Doctor\s+)*",
                                             text[m.end():p[0]]):
                continue
            name = f"{m.group(1).capitalize()} ceremony of {p[2]}"
            post = re.search(r"\bas\s+((?:an?\s+)?[A-Z].*)$", text[p[1]:held.start()])
            if post:
                name += " as " + clean(post.group(1)).rstrip(" ,")
            self.reg.add("Event", name, (m.start(1), m.end()), conf=0.6)
            return

    def graduation(self) -> None:
        """'Six fellows graduated on Tuesday from the X Programme ... The graduation ceremony, hosted by ORG, was
        attended by ...': a graduation told as a happening of its own (the ceremony named on its own, not as
        'the graduation ceremony of X') is an event apart from the programme the graduates finished
        ('Graduation ceremony of the X Programme'), not part of it like a course's closing ceremony."""
        ents, text = self.ex.entities, self.text
        # "the graduation ceremony of the X Observership Program was held": the graduates finished a programme
        # of weeks or years (not a course, whose closing ceremony is part of it); the ceremony is told apart
        starts = {m.start: (e, m) for e in ents.values() if e.type == "Event" for m in e.mentions}
        for m in _GRADUATION_OF.finditer(text):
            ev = starts.get(m.end())
            if ev is not None and _last_word(ev[0].name).lower() in _GRADUATED_PROGRAMS:
                self.reg.add("Event", f"Graduation ceremony of the {ev[0].name}", (m.start(1), m.end(1)), conf=0.6)
                return
        own = _GRADUATION_CEREMONY.search(text)
        if own is None:
            return
        starts = {m.start: e for e in ents.values() if e.type == "Event" for m in e.mentions}
        for m in _GRADUATED_FROM.finditer(text):
            ev = starts.get(m.end())
            if ev is None or ev.name.lower().startswith("graduation"):
                continue
            self.reg.add("Event", f"Graduation ceremony of the {ev.name}", (own.start(1), own.end(1)), conf=0.6)
            return

    def farewell(self) -> None:
        """'the Ministry of Health held a farewell ceremony for the team in CITY': a send-off of a team (or
        delegation) told by its noun is an event of its own, named after the one body of the article the noun
        stands for ('Farewell ceremony for the 4th Chinese Medical Team to X')."""
        ents, text = self.ex.entities, self.text
        for m in _FAREWELL_FOR.finditer(text):
            noun = m.group(2).lower()
            if any(e.type == "Event" and e.name.lower().startswith(m.group(1).lower() + " ceremony")
                   for e in ents.values()):
                return
            cands = [e for e in ents.values() if e.type == "Organization"
                     and re.search(rf"\b{noun}\b(?:\s+(?:to|in|of)\s+\S.*)?$", e.name, re.I)]
            if len(cands) != 1:
                continue
            word = m.group(1).capitalize()
            self.reg.add("Event", f"{word} ceremony for the {cands[0].name}", (m.start(1), m.end(0)), conf=0.55)
            return

    def _sentences(self):
        """spaCy's sentences, also cut at line breaks (a headline is not run into the first sentence)."""
        from medkg.ingest.rel_context import Ctx
        return Ctx._split_sentences(self.doc, self.ex)

    def _orgs_in(self, a: int, b: int):
        ents = self.ex.entities
        spans = sorted({(m.start, m.end, e.key) for e in ents.values() if e.type == "Organization"
                        for m in e.mentions if a <= m.start < b})
        # an organization named inside another's name ("X University" in "X University Hospital") is no party
        return [x for x in spans if not any(y is not x and y[0] <= x[0] and x[1] <= y[1] and y[1] - y[0] > x[1] - x[0]
                                            for y in spans)]

    def signing(self, pair, named: bool) -> None:
        """'A and B signed a cooperation agreement': 'Signing of the cooperation agreement between A and B'."""
        ents, text = self.ex.entities, self.text
        rx = re.compile(r"\bsign(?:ed|s|ing)?\s+(?:a|an|the)\s+((?:[\w-]+\s+){0,4}?"
                        r"(?i:agreement|memorandum of understanding|memorandum|MOU|contract|letter of intent))\b"
                        r"|\b(?:[Aa]n?|[Tt]he)\s+((?:[\w-]+\s+){0,4}?(?i:agreement|memorandum of understanding|MOU))"
                        # "A memorandum of understanding (MoU) between A and B, City, Country, was signed"
                        r"(?:\s*\([^()]{1,12}\))?(?:\s+(?:between|with)\s+[^.;!?]{3,200}?)?"
                        r"\s+(?:was|were|has been|had been)\s+signed\b"
                        r"|\bsigning\s+(?:ceremony\s+)?(?:of|for)\s+(?:a|an|the)\s+((?:[\w-]+\s+){0,4}?"
                        r"(?i:agreement|memorandum of understanding|memorandum|MOU|contract|letter of intent))\b")
        for sent in self._sentences():
            a, b = sent.start_char, sent.end_char
            st = text[a:b]
            m = rx.search(st)
            if m and m.group(1) and re.search(r"(?i)\b(?:to|will|would|shall|may|could)\s+$", st[:m.start()]):
                continue              # "an intention to sign an agreement next year": not (yet) a signing
            if not m:
                continue
            # (a signing during a meeting is part of it; one during a ceremony is told as an act of its
            # own: "During the (closing) ceremony, A signed a training agreement with B")
            if named and re.search(r"(?i)\b(?:during|at)\s+the\s+(?:\w+\s+){0,3}?(?:forum|conference|congress|"
                                   r"meeting|summit|symposium|seminar|event)\b", st):
                continue
            what = (m.group(1) or m.group(2) or m.group(3)).strip()
            if what.split()[0].lower() in ("new", "further", "formal", "official"):
                what = " ".join(what.split()[1:]) or what
            what = re.sub(r"^\w+-year\s+", "", what)      # "a five-year cooperation agreement": its term
            # "signed the Memorandum of Understanding on X and Y between A and B": the document's topic
            # belongs to its name, the parties named right after it
            topic = re.match(r"\s+on\s+((?:[A-Z][\w-]*|and|of|in|for)(?:\s+(?:[A-Z][\w-]*|and|of|in|for)){0,9})"
                             r"\s+between\s", st[m.end():]) if m.group(1) or m.group(3) else None
            if topic and not topic.group(1).split()[-1].islower():
                what = f"{what} on {topic.group(1)}"
            orgs = []
            for _s, _e, k in self._orgs_in(a, b):
                if self.reg.resolve(k) not in orgs:
                    orgs.append(self.reg.resolve(k))
            if len(orgs) < 2 and pair:
                orgs = list(pair)
            if len(orgs) == 1 and m.group(1):
                # "the hospital signed a training cooperation agreement with X": the article's own
                # institution (its most named one of that kind) is the other party, named first
                own = _SELF_REFERENCE.search(st[:m.start()])
                if own and not any(e.type == "Event" and _SIGNING_NAME.search(e.name) for e in ents.values()):
                    head = own.group(1).lower()
                    kin = [e for e in ents.values() if e.type == "Organization" and e.key != orgs[0] and
                           re.search(rf"\b{head}s?\b", e.name, re.I) and
                           not re.search(r"\b(?:department|division|office|committee|unit)\b", e.name, re.I)]
                    if kin:
                        best = max(kin, key=lambda e: (len(e.mentions), -min((x.start for x in e.mentions), default=0)))
                        orgs = [self.reg.resolve(best.key), orgs[0]]
            if len(orgs) < 2:
                continue
            name = f"Signing of the {what} between {ents[orgs[0]].name} and {ents[orgs[1]].name}"
            self.reg.add("Event", name, (a + m.start(), a + m.end()), conf=0.55)
            return

    def _page_unit(self, other: str) -> str | None:
        """The unit (department, center ...) whose page this is: its name alone fills a line of the page's
        head (before the first line of running text), the only unit so named (and not ``other``)."""
        lines = page_head_lines(self.text)
        hits = {self.reg.resolve(e.key) for e in self.ex.entities.values() if e.type == "Organization"
                and re.search(r"(?i)\b(?:department|cent(?:er|re)|division|unit|clinic)\b", e.name.split(" of ")[0])
                and any((sp.start, sp.end) in lines for sp in e.mentions)}
        hits.discard(self.reg.resolve(other))
        return hits.pop() if len(hits) == 1 else None

    def person_visit(self, a: int, b: int, vm, orgs):
        """'Professor P, Chief of X, visited Y (for academic exchange)' under a headline that tells of a
        visit: the visit of one person, 'Visit of P to Y' (Y the body named first after the verb)."""
        text = self.text
        v0 = a + vm.start()
        if not text[v0:a + vm.end()].lower().startswith("visited") or not _VISIT_HEADLINE.search(text, 0, a):
            return None
        persons = sorted((m.start, m.end, e.key) for e in self.ex.entities.values() if e.type == "Person"
                         for m in e.mentions if a <= m.start < v0)
        if not persons:
            return None
        p0, p1, pk = persons[0]
        between = text[p1:v0]
        if any(k != pk for _s, _e, k in persons) or not (between.strip() == "" or _APPOSITIVE.fullmatch(between)) \
                or re.search(r"(?i)\b(?:and|with)\s+(?:his|her|their|a|an|the)?\s*(?:\w+\s+)?(?:team|colleagues?|"
                             r"delegation|wife|husband)\b", between):
            return None
        host = next((k for s0, _e, k in orgs if v0 < s0 <= v0 + 16), None)
        if host is None or any(k == host for s0, e0, k in orgs if s0 < v0):
            return None
        host = self.reg.resolve(host)
        name = f"Visit of {self.ex.entities[self.reg.resolve(pk)].name} to {self.ex.entities[host].name}"
        self.reg.add("Event", name, (v0, a + vm.end()), conf=0.55)
        return True

    def unnamed_visit(self, limit: int):
        """A delegation visit: 'Visit of the X delegation to Y'; returns (guest, host) keys."""
        ents = self.ex.entities
        text = self.text
        orgs_in = self._orgs_in

        def orgs_in(a: int, b: int):
            return sorted({(m.start, m.end, e.key) for e in ents.values() if e.type == "Organization"
                           for m in e.mentions if a <= m.start < b})

        def rank(k):
            e = ents[k]
            return gz.ORG_RANK.get(_last_word(e.name).rstrip("s"), 3)

        visit_article = bool(re.search(r"\bdelegation\b", text, re.I))
        hostless = None
        host_hint = None
        head_desc = None
        guests = r"\b(?:delegation|officials|visitors|guests|representatives|team)\b"
        for sent in self._sentences():
            a, b = sent.start_char, sent.end_char
            if b > limit:
                break
            st = text[a:b]
            dm = re.search(guests, st, re.I)
            vm = re.search(r"\bvisit(?:ed|s|ing)?\b", st, re.I)
            rm = _RECEIVED_DELEGATION.search(st)
            if rm and (not vm or vm.start() > rm.start()):
                # "Y received (today) a delegation from X": the host is the subject before the verb
                orgs = self._orgs_in(a, b)
                guest = next((k for s0, _e, k in orgs if s0 == a + rm.end()), None)
                before = [k for _s, e0, k in orgs if e0 <= a + rm.start()]
                if guest and before and before[-1] != guest:
                    host = before[-1]
                    name = f"Visit of the {ents[guest].name} delegation to {ents[host].name}"
                    self.reg.add("Event", name, (a + rm.start(), a + rm.end()), conf=0.6)
                    return guest, host
            if not vm:
                continue
            if not dm:
                if self.person_visit(a, b, vm, orgs_in(a, b)):
                    return None
                # "X, Vice President of <Org>, visited <Org2>" in an article about a delegation
                if not visit_article:
                    continue
                before = [k for _s, e0, k in orgs_in(a, b) if e0 <= a + vm.start()]
                after = [k for s0, _e, k in orgs_in(a, b) if s0 > a + vm.start() and k not in before]
                if before and after:
                    host = next((k for k in after if rank(k) >= 3), None) or max(after, key=rank)
                    name = f"Visit of the {ents[before[-1]].name} delegation to {ents[host].name}"
                    self.reg.add("Event", name, (a + vm.start(), a + vm.end()), conf=0.55)
                    return before[-1], host
                continue
            orgs = orgs_in(a, b)
            guest = None
            gname_desc = None
            later = re.compile(r"\bvisit(?:ed|s|ing)?\b", re.I).search(st, dm.end())
            if later and vm.start() < dm.start():
                vm = later            # a headline run into the first sentence
            m = re.search(guests + r"\s+(?:of\s+[a-z ]{0,30}?)?(?:from|of|led by|headed by)\s+(?:the\s+)?", st, re.I)
            if m:
                guest = next((k for s0, _e, k in orgs if s0 == a + m.end()), None)
                if guest is None:
                    # "a delegation from Shriners Children's": a name without a head noun, known to NER as ORG
                    span = next(((x, y) for x, y, lab in self.ner_spans if lab == "ORG" and x == a + m.end()), None)
                    if span and self.text[span[0]].isupper():
                        oname = clean(self.text[span[0]:span[1]])
                        if len(oname.split()) >= 2 and not self.reg.find("Person", oname):
                            guest = self.reg.add("Organization", oname, span, conf=0.6)
                            self.rescan_one(guest)
            if guest is None and m:
                # "a delegation of the Ministry of X ..." (the optional "of <group>" took "of the Ministry ")
                m0 = re.search(r"\b(?:delegation|team)\s+(?:from|of)\s+(?:the\s+)?", st, re.I)
                if m0 and m0.start() == m.start():
                    guest = next((k for s0, _e, k in orgs if s0 == a + m0.end()), None)
                    joint = next(((s0, k) for s0, e0, k in orgs for g0, g1, gk in orgs
                                  if gk == guest and g0 == a + m0.end() and re.fullmatch(r"\s+and\s+(?:the\s+)?",
                                                                                         text[g1:s0])), None)
                    if guest is not None and joint is not None and head_desc:
                        # a delegation of two bodies ("of the Ministry of X and Y University"): the
                        # headline's "<Demonym> Health Delegation" names it
                        gname_desc = head_desc
            if guest is None and m and re.match(r"the\s+$", st[m.end() - 4:m.end()], re.I):
                # "a delegation from the Dutch medical centre": the article's one body so named
                guest = self._described_org(st[m.end():])
            if guest is None:
                guest = next((k for _s, e0, k in orgs if e0 <= a + dm.start()
                              and text[e0:a + dm.start()].strip() == ""), None)
            if guest is None and re.match(r"\s+(?:of\s+(?:[a-z]+|\d+)\s+(?:members?\s+|people\s+|experts?\s+)?)?"
                                          r"(?:led|headed)\s+by\b", st[dm.end():]) and vm.start() > dm.end():
                # "a delegation (of eight) led/headed by X, Director of <Unit> of <Body>, visited Y": the leader's body
                led = [k for s0, _e, k in orgs if a + dm.end() < s0 < a + vm.start()]
                guest = led[-1] if led else None
            gname = gname_desc or (ents[guest].name if guest else None)
            if gname is None:
                adj = re.search(r"(?:the|a)\s+([^\W\d_][^\W\d_]+)\s+delegation", st)
                gname = adj.group(1) if adj else None
            if gname is None and hostless is not None and hostless[2] and re.search(r"(?i)\bthe\s+delegation\b", st):
                # "... a delegation led by P of X visited Korea." then "The delegation visited Y": the same delegation
                gname, guest = hostless[0], hostless[2]
            if not gname:
                hd = re.search(r"\b([A-Z][a-z]+)((?:\s+[A-Z][a-z]+){0,2})\s+[Dd]elegation\b", st)
                if head_desc is None and hd and demonym_code(hd.group(1)):
                    head_desc = hd.group(1) + hd.group(2).lower()   # "Tajik Health Delegation Visits Y"
                if host_hint is None:
                    # "Dutch delegation visits HUK" (a headline): the host, for a guest named later
                    host_hint = next((k for s0, _e, k in orgs if s0 > a + vm.start()), None)
                continue
            after = [k for s0, _e, k in orgs if s0 > a + vm.start() and k != guest]
            host = (next((k for k in after if rank(k) >= 3), None) or max(after, key=rank)) if after else None
            if host is None:
                # "At the invitation of Y, a delegation led by P of X visited <country>": Y receives the visit
                inv = re.search(r"(?i)\bat\s+the\s+invitation\s+of\s+(?:the\s+)?", st)
                if inv:
                    host = next((k for s0, _e, k in orgs if s0 == a + inv.end() and k != guest), None)
            if host is None and guest and st[vm.start():vm.end()].lower() == "visiting" and dm.start() > vm.start():
                # "Y performed ... with a visiting (transplant) team from X": Y, the subject, receives the visitors
                before = [k for s0, _e, k in orgs if s0 < a + vm.start() and k != guest]
                if before and re.search(r"\b(?:with|by|for|to|received|welcomed|hosted)\s+(?:an?|the)\s+$",
                                        st[:vm.start()]):
                    host = before[0]
            if host is None and guest and re.match(r"\s+the\s+(?:department|center|centre|division|unit|clinic)\b",
                                                    st[vm.end():], re.I):
                # "a delegation ... of X visited the department" on a unit's own page: that unit
                host = self._page_unit(guest)
            if host is None and hostless is None:
                # "A delegation from X visited our hospital" (a headline): a later sentence may name the host
                hostless = (gname, (a + dm.start(), a + dm.end()), guest)
                continue
            name = f"Visit of the {gname} {_group_noun(st, dm)}" + (f" to {ents[host].name}" if host else "")
            self.reg.add("Event", name, (a + dm.start(), a + dm.end()), conf=0.6)
            return (guest, host) if guest and host else None
        if hostless is not None:
            if host_hint is not None and hostless[2] and self.reg.resolve(host_hint) != self.reg.resolve(hostless[2]):
                host = self.reg.resolve(host_hint)
                self.reg.add("Event", f"Visit of the {hostless[0]} delegation to {ents[host].name}", hostless[1],
                             conf=0.6)
                return hostless[2], host
            self.reg.add("Event", f"Visit of the {hostless[0]} delegation", hostless[1], conf=0.6)
            return None
        m = re.search(r"\b(launch(?:ing)?|opening|unveiling|inauguration|founding|establishment|signing)\s+"
                      r"ceremony\s+of\s+(?:the\s+)?", text, re.I)
        if m:
            k = next((k for s0, _e, k in orgs_in(m.end(), m.end() + 1)), None)
            if k:
                name = f"{m.group(1).capitalize()} ceremony of the {ents[k].name}"
                self.reg.add("Event", name, (m.start(), m.end()), conf=0.6)
                return None
        return None

    def listed_places(self) -> None:
        """"doctors from Lhasa, Shigatse, Nagqu and Ngari": names listed with places that are known (two
        at least, and most of the list) after from/in/to/across are places too (prefectures and towns
        the city table leaves out)."""
        ents = self.ex.entities
        known = {gz.norm(n) for e in ents.values() if e.type == "Place" for n in (e.name, *e.aliases)}
        named = {gz.norm(n) for e in ents.values() for n in (e.name, *e.aliases)}     # (any type)
        taken = {(m.start, m.end) for e in ents.values() for m in e.mentions}
        for mt in _PLACE_LIST.finditer(self.text):
            items = [(x.start(), x.end()) for x in re.finditer(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?", mt.group(1))]
            items = [(mt.start(1) + a, mt.start(1) + b) for a, b in items]
            if len(items) < 3:
                continue
            names = [self.text[a:b] for a, b in items]
            ok = [gz.norm(n) in known or n.lower() in gz.admin_areas() or gz.city(n) is not None for n in names]
            if not any(ok) or sum(ok) * 4 < len(ok) or any(
                    w.lower() in gz.ORG_HEADS or gz.FOREIGN_ORG_WORD.search(w) or w.lower() in gz.EVENT_HEADS
                    or w.lower() in gz.HONORIFICS or w.lower() in gz.TITLE_WORDS
                    for n in names for w in n.split()):
                continue
            nxt = _NEXT_WORD.match(self.text, mt.end())
            if nxt and nxt.group(1).lower() in _PLURAL_ORG_HEADS:
                continue          # ("from Fudan, Tongji and Jiaotong universities": institutions)
            for (a, b), n, good in zip(items, names, ok):
                if gz.norm(n) in known or len(n.split()) > 1 and not good or (a, b) in taken or self.in_junk(a) \
                        or countries.lookup(n) or gz.norm(n) in named:
                    continue
                self.reg.add("Place", n, (a, b), conf=0.6)
                named.add(gz.norm(n))

    def dateline(self) -> None:
        """'SEOUL, October 3 --': the place of a dateline."""
        months = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
        # (also 'ULAANBAATAR/CHANGSHA, 15 January 2025 --', two places filed from; and 'QUETTA, 14-03-2025:')
        for m in re.finditer(rf"(?m)^\s*([A-Z][A-Z'’ .-]{{2,30}}[A-Z](?:/[A-Z][A-Z'’ .-]{{2,30}}[A-Z])*),\s+"
                             rf"(?:(?i:{months})[a-z]*\.?\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{months})|"
                             rf"\d{{1,2}}[-./]\d{{1,2}}[-./]\d{{4}}|\d{{4}})", self.text[:3000]):
            if self.in_junk(m.start(1)):
                continue
            pos = m.start(1)
            for raw in m.group(1).split("/"):
                start, pos = pos, pos + len(raw) + 1
                name = " ".join(w.capitalize() for w in raw.split())
                if name.lower() in gz.VAGUE_REGIONS:
                    continue
                hit = countries.lookup(name) or countries.lookup(raw)
                if hit:
                    self.reg.add("Country", hit[1], (start, start + len(raw)), conf=0.8, concept=hit[0])
                elif not self.reg.find("Place", name) and not any(
                        e.type == "Place" and e.name.lower().startswith(name.lower() + " ")
                        for e in self.ex.entities.values()):
                    self.reg.add("Place", name, (start, start + len(raw)), conf=0.7)
            return
        # a line that is only 'Mansoura, Sunday 12 May 2024' / 'Leeds, 3 June 2025' / 'Leeds, June 3, 2025'
        date = (rf"(?:(?i:{WEEKDAY}),?\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{months})[a-z]*\.?,?\s+\d{{4}}|"
                rf"(?i:{months})[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})")
        m = re.search(rf"(?m)^[ \t]*([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?),[ \t]+{date}[ \t]*$", self.text[:3000])
        if m and m.group(1).lower() not in _DATELINE_NOT_PLACE and not self.in_junk(m.start(1)):
            name = m.group(1)
            hit = countries.lookup(name)
            if hit:
                self.reg.add("Country", hit[1], (m.start(1), m.end(1)), conf=0.7, concept=hit[0])
            elif not self.reg.find("Place", name) and not any(
                    e.type != "Place" and e.name.lower() == name.lower() for e in self.ex.entities.values()):
                self.reg.add("Place", name, (m.start(1), m.end(1)), conf=0.6)

    # -------------------------------------------------------------- run
    def bracketed_holders(self) -> None:
        """"Riverside General Hospital (RGH) Burns Centre": a unit named right after its institution and
        the institution's bracketed acronym belongs to that institution (as "RGH Burns Centre" would)."""
        spans = sorted(self.org_spans)
        for (a0, a1, ka), (b0, b1, kb) in zip(spans, spans[1:]):
            if not ka or not kb or b0 - a1 > 14 or not ka.startswith("Organization|") \
                    or not kb.startswith("Organization|") or not _ACRONYM_GAP.fullmatch(self.text, a1, b0):
                continue
            head = _last_word(self.text[b0:b1]).lower()
            if head in gz.PREFIX_PARENT_HEADS and head not in gz.INSTITUTION_HEADS:
                self.reg.relate(kb, "parentOrganization", ka, (a0, b1), 0.85)
                self.reg.alias(kb, clean(self.text[a0:b1]))

    def run(self) -> None:
        for ch in self.chunks():
            self.emit_chunk(ch)
        self.bracketed_holders()
        self.dateline()
        self.appositions()
        self.possessives()
        self.ner_persons()
        self.post_label_persons()
        self.acronyms()
        self.specialties()
        self.listed_places()
        self.resolve_variants()
        self.short_forms()
        self.rescan()
        self.unnamed_events()
        self.implied_province()
        self.anaphora()
        for e in self.ex.entities.values():
            e.mentions.sort(key=lambda m: (m.start, m.end))
            e.__dict__.pop("_head", None)
        self.reg.flush()


#: "(P) and two nephrologists from (ORG)" / "(P) from (ORG)"; "(ORG) visited the department"
_GROUP_FROM = re.compile(r"(?:\s+and\s+(?:two|three|four|five|six|seven|eight|nine|ten|several|\d{1,2})\s+[a-z]+s)?"
                         r"\s+from\s+(?:the\s+)?")
_VISITED = re.compile(r"(?:\s*,\s*[A-Z][\w ]{1,40},)?\s+(?:also\s+)?visited\s+(?:the\s+)?"
                      r"(?:(department|hospital|center|centre|institute|clinic)\b)?")

#: a ceremony that confers a title on a person ("the appointment ceremony of ..."), and its "was held"
_GROUP_MODIFIER = re.compile(r"\b([a-z]{4,})\s+$")
_NOT_GROUP_MODIFIER = {"visiting", "member", "members", "level", "official", "joint", "large", "small", "whole",
                       "entire", "foreign", "international", "expert", "this", "that", "their", "from", "with", "whose"}


def _group_noun(st: str, dm) -> str:
    """How a visit's name calls the visiting group: "team" for a team, with the word of its trade
    ("a visiting transplant team": "transplant team", "a nursing delegation"); else "delegation"."""
    noun = "team" if dm.group().lower() == "team" else "delegation"
    m = _GROUP_MODIFIER.search(st, max(0, dm.start() - 30), dm.start())
    if m and m.group(1) not in _NOT_GROUP_MODIFIER and m.group(1) not in gz.CONNECTORS \
            and (m.group(1).endswith("ing") or noun == "team" or m.group(1) in ("transplant", "surgical", "medical")):
        return f"{m.group(1)} {noun}"
    return noun


#: a headline (a line of its own) that tells of a visit: "Finnish Expert Visits Our Hospital"
_VISIT_HEADLINE = re.compile(r"(?m)^[^\n]{0,160}\b[Vv]isit(?:s|ed)?\b[^\n]{0,160}$")
#: ", Chief Physician of X in Y, and Vice President of Z, ": an apposition between a person and the verb
_APPOSITIVE = re.compile(r",[^;:\n\"“”()]{2,300},\s*(?:also\s+|recently\s+)?")
_TITLE_CEREMONY = re.compile(r"\b(?:the|an?)\s+(appointment|conferment|conferral|awarding)\s+ceremony\s+(?:of|for)\s+",
                             re.I)
#: the descriptive name of a ceremony ("Graduation ceremony of the X", "Send-off ceremony for the Y")
_CEREMONY_OF = re.compile(r"[A-Z][\w-]* ceremony (?:of|for)\b")
#: "graduated (on Tuesday) from (the) <Event>"; "The graduation ceremony" told on its own (not "... of X")
_GRADUATED_FROM = re.compile(r"\bgraduat(?:ed|es|ing)\b[^.;\n]{0,60}?\bfrom\s+(?:the\s+)?")
_GRADUATION_CEREMONY = re.compile(r"\b(?:[Tt]he|[Tt]his|[Aa])\s+(graduation\s+ceremony)\b(?!\s+(?:of|for)\b)")
#: "held a farewell ceremony for the team": a send-off told with the noun of the body sent off
_FAREWELL_FOR = re.compile(r"\b(?:a|an|the)\s+(farewell|send-off)\s+ceremony\s+for\s+(?:the|our|its|their)\s+"
                           r"(team|delegation|mission)\b")
_GRADUATION_OF = re.compile(r"\b(?:[Tt]he|[Tt]his|[Aa])\s+(graduation\s+ceremony)\s+(?:of|for)\s+(?:the\s+)?")
_GRADUATED_PROGRAMS = {"program", "programme", "fellowship", "observership", "residency"}
_HELD_AFTER = re.compile(r"\s+(?:was|were)\s+(?:held|hosted|organized|organised)\b|\s+took\s+place\b")

#: a name that ends with an acronym after "of": "Clinical Nutrition Branch of CMDA"
_ENDS_WITH_ACRONYM = re.compile(r"(.+?\s+of)\s+(?:the\s+)?(\S+)$")
#: activities a unit is named after, coordinated in its name ("Training and Simulation Centre")
_UNIT_ACTIVITIES = {"training", "simulation", "research", "education", "teaching", "skills", "innovation", "learning"}

#: first words of a "WORD, DATE" line that are no dateline place
_DATELINE_NOT_PLACE = {"published", "posted", "updated", "date", "dated", "source", "time", "released", "issued",
                       "news", "home", "today", "created", "modified", "last", "edited", "by", "on", "from", "to",
                       *WEEKDAY_WORDS}

#: a country's mission abroad, named with the host country or city ("Chinese Embassy in Lesotho")
_MISSION_HEADS = {"embassy", "consulate", "consulate-general"}
#: heads of government bodies and offices whose name states a remit, not a field
_OFFICE_HEADS = {"ministry", "government", "bureau", "administration", "agency", "office", "embassy", "consulate",
                 "authority", "service", "secretariat", "chancellery", "vice-chancellery"}
#: lower-case particles inside personal names
#: abbreviated given names written with a period in Spanish and Filipino names ("Ma." Maria,
#: "Fco." Francisco) and old English ones ("Wm.", "Thos."); exact case
_GIVEN_NAME_ABBREVS = {"Ma", "Fco", "Wm", "Thos", "Chas", "Jas"}
#: a bare personal name: two or three capitalised words ("Qi Lan", "Maria Lopez Ruiz")
_BARE_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}")
#: the first words of an apposition after a name: ", First Deputy Minister of ..." -> "First Deputy Minister"
_POST_AFTER = re.compile(r",[ \t]+((?:[A-Za-z-]+[ \t]+){0,2}[A-Za-z-]+)")
_NAME_PARTICLES = {"de", "da", "do", "dos", "das", "du", "del", "della", "der", "den", "di", "van", "von", "ter",
                   "ten", "le", "la", "bin", "binti", "ibn", "y", "zu", "a/l", "a/p", "s/o", "d/o"}
#: particles that open a surname used alone after an honorific ("Dr. de Groot", "Prof. van der Linden"): the
#: name particles, but those of patronymics and "y" ("bin", "a/l", ...) and German "zu"
_SURNAME_PARTICLES = _NAME_PARTICLES - {"bin", "binti", "ibn", "y", "zu", "a/l", "a/p", "s/o", "d/o"}
_UK_SPELLING = [(re.compile(r"oesoph"), "esoph"), (re.compile(r"our(?=\b|s\b)"), "or"),
                (re.compile(r"(?<=[a-z])ise\b"), "ize")]


def _us_spelling(s: str) -> str:
    """Matching key of a field name with British spellings made American ("paediatric anaesthesia",
    "haematology", "tumour"), so two spellings in one article are one specialty."""
    if "ae" in s:
        s = re.sub(r"ae(?=[a-z])", "e", s)
    for rx, rep in _UK_SPELLING:
        s = rx.sub(rep, s)
    return s


def _gov_area_form(full: str, bare: str) -> bool:
    """Is ``full`` the bare government body's name with its country or area ("Ministry of Health of Malawi",
    "Malawi Ministry of Health", "Ministry of Health of the Republic of X")?"""
    m = re.fullmatch(re.escape(bare) + r",?\s+(?:of\s+)?(?:the\s+)?(.+)", full) \
        or re.fullmatch(r"(?:the\s+)?(.+?)\s+" + re.escape(bare), full)
    if not m:
        return False
    area = m.group(1)
    area = re.sub(r"^(?:Republic|Kingdom|State|People's Republic|Federation)\s+of\s+(?:the\s+)?", "", area)
    return bool(countries.lookup(area) or area.lower() in gz.admin_areas() or gz.city(area) is not None)


def _gov_name(name: str, head: str) -> bool:
    return head in gz.GOV_HEADS or bool(re.search(r"(?i)\b(?:government|ministry|bureau|commission)\b", name))


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _recase(text: str) -> str:
    """An article written all in lower case gets its content words capitalized (same length),
    so that names can be found by the same grammar; any other text is returned unchanged."""
    words = _WORD.findall(text)
    if len(words) < 30 or sum(w[0].isupper() for w in words) > 0.02 * len(words):
        return text
    keep = gz.LOWERCASE_KEEP
    return _WORD.sub(lambda m: m.group() if m.group().lower() in keep else m.group()[0].upper() + m.group()[1:],
                     text)


def _norm_caps(name: str) -> str:
    """'WANG Jinliang' -> 'Wang Jinliang': upper-case surnames of a mixed-case personal name."""
    ws = name.split()
    if len(ws) < 2 or not any(w[:1].isupper() and not w.isupper() for w in ws):
        return name
    return " ".join(w.capitalize() if w.isupper() and w.isalpha() and len(w) > 1 else w for w in ws)


def _place_alias(name: str) -> str | None:
    """'Sichuan Province' -> 'Sichuan'; 'Guangxi Zhuang Autonomous Region' -> 'Guangxi' (the area's own short
    name, without the people's name), 'Inner Mongolia Autonomous Region' -> 'Inner Mongolia'; none for
    'X Special Administrative Region'."""
    ws = name.split()
    if len(ws) > 2 and ws[-2].lower() == "autonomous" and ws[-1].lower() == "region":
        head = ws[:-2]
        for n in range(1, len(head)):
            if " ".join(head[:n]).lower() in gz.admin_areas():
                return " ".join(head[:n])
        return " ".join(head)
    if len(ws) < 2 or ws[-2].lower() in ("autonomous", "administrative", "special"):
        return None
    if countries.lookup(" ".join(ws[:-1])):
        return None               # "Guatemala City", "Kuwait City": the short form is the country
    if ws[-1].lower() in ("state", "region") and gz.city(" ".join(ws[:-1])):
        return None               # "Enugu State", "Davao Region": the short form is the area's capital city
    return " ".join(ws[:-1])


def _cap_inner(name: str) -> str:
    """'College training Base' -> 'College Training Base' (lower-case head words inside a name)."""
    return re.sub(r"(?<=\S )([a-z]+)(?= \S)", lambda m: m.group(1).capitalize()
                  if m.group(1) in gz.NAME_INNER_LOWER else m.group(1), name)


#: a year written after an event's head ("Forum 2024"), and month names (never a place after "in")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTHS_RE = "|".join(sorted((m.capitalize() for m in MONTH_WORDS), key=len, reverse=True))


#: the number of a heading line ("II. ", "3. ") before a name
_LINE_NUMBER = re.compile(r"(?:[IVXL]+|\d{1,2})\.[ \t]+(?=[A-Z])")


def _event_head(s: str) -> str:
    """The event noun of an event name ("Training Course on X" -> "course")."""
    ws = gz.norm(s).split()
    for w in reversed(ws):
        if w in gz.EVENT_HEADS or (w.endswith("s") and w[:-1] in gz.EVENT_HEADS):
            return w if w in gz.EVENT_HEADS else w[:-1]
    return ws[-1] if ws else ""


def _last_word(s: str) -> str:
    ws = gz.norm(s).split()
    if len(ws) > 1 and _YEAR.fullmatch(ws[-1]):
        ws = ws[:-1]                  # "X Forum 2024": the head is "forum"
    return ws[-1] if ws else ""


def _tokens(s: str) -> set[str]:
    return {t for t in re.split(r"[\s-]+", gz.norm(s)) if t and t not in _STOP}


def _org_subtypes(head: str) -> tuple[str, ...]:
    if head in ("hospital", "clinic", "infirmary", "polyclinic"):
        return ("Hospital",)
    if head in ("university", "college", "school", "faculty"):
        return ("CollegeOrUniversity",)
    if head in ("ministry", "bureau", "government", "administration", "agency", "commission"):
        return ("GovernmentOrganization",)
    if head in ("department", "division", "office", "center", "centre", "team", "unit", "ward", "base",
                "laboratory", "lab", "section", "branch"):
        return ("MedicalOrganization",) if head in ("center", "centre", "ward", "unit") else ()
    return ()


def _event_subtypes(head: str) -> tuple[str, ...]:
    if head in ("course", "training", "workshop", "class", "lecture", "camp", "school", "masterclass", "program",
                "programme", "project", "fellowship", "observership"):
        return ("EducationEvent",)
    return ()


def _ends_field(text: str, start: int, word: str, taken) -> bool:
    """Does ``word`` (at ``start``, before "and") end a field of two or more words: one found just
    before, or "<modifier> <field head>" ("geriatric rehabilitation and speech therapy")?"""
    end = start + len(word)
    if any(b == end and len(text[a:b].split()) >= 2 for a, b in taken):
        return True
    prev = re.search(r"([^\W\d_]+)\s+$", text[max(0, start - 30):start])
    return bool(prev) and word.lower() in gz.FALLBACK_HEADS and prev.group(1).lower() in gz.FIELD_MODIFIERS


def _and_extended(a: str, b: str) -> bool:
    """Is one event name the other with "and <more>" after it ("Workshop on A" in a headline,
    "Workshop on A and B" in the text)?"""
    na, nb = sorted((gz.norm(a), gz.norm(b)), key=len)
    return len(na.split()) >= 3 and bool(re.match(re.escape(na) + r" (?:and|&) \w", nb))


def _and_extended_inside(a: str, b: str) -> bool:
    """Is the shorter event name, of four words or more, a part of the other followed by "and <more>"
    ("Training Workshop on A" in a headline, "2024 X-Y Training Workshop on A and B" in the text)?"""
    na, nb = sorted((gz.norm(a), gz.norm(b)), key=len)
    return len(na.split()) >= 4 and bool(re.search(r"(?:^| )" + re.escape(na) + r" (?:and|&) \w", nb))


_FALLBACK_CACHE: dict = {}
#: "<modifier> and " right before a field name: the first member of a coordinated field name
#: a practitioner's noun names the practitioner's field ("an anesthesiologist", "a senior physiotherapist"):
#: the field is mentioned (unlinked), when the scheme knows it
_PRACTITIONER = re.compile(r"(?<![\w-])([a-z]{3,}?)(olog|therap|iatr)ists?(?![\w-])")
_APPOSED = re.compile(r"[A-Za-z.],\s+an?\s+(?:[a-z]+\s+){0,2}$")
_WORD_BEFORE = re.compile(r"(?<![\w-])([a-z]+)\s+$")
_APPOSED_BARE = re.compile(r"(?<![\w-])[A-Z][\w'-]*\.?,\s+(?:[a-z]+\s+){0,2}$")
_PRACTITIONER_FIELD = {"olog": "ology", "therap": "therapy", "iatr": "iatry"}
_COORD_FIELD = re.compile(r"(?<![\w-])([^\W\d_]+)\s+(?:and|&)\s+$")


#: a title or honour the organization won: 'was rated an "Excellent Clinical Department"',
#: 'awarded the title of Outstanding Nursing Unit', 'named a National Key Clinical Specialty'
_HONOR_BEFORE = re.compile(
    r"(?i)\b(?:rated|named|awarded|granted|honou?red|recogni[sz]ed|selected|won|received|conferred|"
    r"accredited|evaluated|appraised|commended|elected)\s+(?:as\s+)?(?P<art>(?:an?|the)\s+)?"
    r"(?P<title>(?:(?:honou?rary\s+)?(?:title|honou?r|status)\s+of\s+(?:an?\s+|the\s+)?))?(?P<q>[\"“‘']\s*)?$")
#: an acronym in brackets right after a field's name ("Transoral robotic surgery (TORS)")
_FIELD_ACRONYM = re.compile(r"\s*[(（]\s*([A-Z][A-Za-z&-]{1,9})\s*[)）]")
#: a field's nursing, rehabilitation or nutrition, a field of its own ("oncology nutrition")
_FIELD_TAIL = re.compile(r"[ \t]+(nursing|rehabilitation|nutrition)(?![\w-])", re.I)
#: a capitalized article a place name starts with (a connector word elsewhere)
_PLACE_ARTICLE = re.compile(r"(?<![\w-])(La|Las|Le|Les|Los|El|Al|Da|De|Di|Del)\s+$")
#: a unit's honour title written as a name (in a list of honours): a level word, an honour word, a unit noun
_HONOR_NAME = re.compile(
    r"(?i)(?:(?:national|provincial|municipal|city|county|district|regional|youth|women'?s|workers'?)\s+)*"
    r"(?:model|civili[sz]ed|civili[sz]ation|advanced|outstanding|excellent|exemplary|pioneer|red\s+flag)\s+"
    r"(?:[a-z]+\s+){0,2}?(?:units?|departments?|collectives?|teams?|wards?|posts?)\b")
_HONOR_ADJ = {"excellent", "outstanding", "advanced", "model", "exemplary", "best", "top", "excellence", "key",
              "star", "pioneer", "demonstration", "civilized", "distinguished"}


def _honor_title(text: str, start: int, first: str) -> bool:
    m = _HONOR_BEFORE.search(text[max(0, start - 60):start])
    if not m:
        return False
    indefinite = bool(m.group("art")) and m.group("art").strip().lower() in ("a", "an")
    return bool(m.group("title") or m.group("q") or indefinite or first in _HONOR_ADJ)


#: words that make a named program an activity (an event), not a clinical service
_ACTIVITY_WORDS = {"exchange", "exchanges", "training", "trainings", "partnership", "fellowship", "fellowships",
                   "education", "educational", "scholarship", "scholarships", "cooperation", "collaboration",
                   "visiting", "mentorship", "mentoring", "twinning", "support", "development", "capacity",
                   "residency", "internship", "research", "study", "outreach", "aid", "assistance", "volunteer",
                   "talent", "talents", "leadership", "teaching", "learning", "course", "courses", "summer",
                   "winter", "international", "joint", "pilot", "screening", "awareness", "certificate"}


def _clinical_program(ws) -> bool:
    """A program named by a clinical field alone ("Pediatric Liver Transplant Program", "Heart Failure
    Program" whose words end in a field of the scheme) is a service of a hospital, not an activity; a
    program of exchange, training or partnership is an event."""
    mods = [t.low for t in ws[:-1]]
    if not mods or any(w in _ACTIVITY_WORDS or w.isdigit() for w in mods) or not all(t.cap for t in ws[:-1]):
        return False
    return any(gz.specialty_label(" ".join(mods[i:])) is not None for i in range(len(mods)))


def _fallback_regex(mods: str, heads: str) -> re.Pattern:
    rx = _FALLBACK_CACHE.get((mods, heads))
    if rx is None:
        rx = re.compile(rf"(?i)(?<![\w-])(?:(?:{mods})[\s-]+(?:and[\s-]+)?){{1,3}}(?:{heads})(?![\w-])")
        _FALLBACK_CACHE[(mods, heads)] = rx
    return rx


#: "(CHU Zalagh)", "(UZ Leuven)": a hospital's short name in brackets after its full name
_HOSPITAL_SHORT = re.compile(r"\s*[(（]\s*((?:" + "|".join(sorted(gz.HOSPITAL_ACRONYMS)) +
                             r")\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s*[)）]")
#: prepositions that may stand inside a quoted event name ('"Course on X at High Altitude"')
_QUOTED_NAME_PREPS = {"at", "in", "with", "without", "under", "after", "from", "by", "to", "among", "through"}
_OPEN_QUOTES = "\"“‘'"
_CLOSE_QUOTES = "\"”’'"
_PLURAL_ORG_HEADS = {"universities", "hospitals", "colleges", "institutes", "centers", "centres", "schools"}
#: the word after a list (letters, then at most a comma or full stop)
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)[,.]*(?!\S)")
#: a list of three or more capitalized names after a locative word: "from A, B, C and D"
_PLACE_LIST = re.compile(r"\b(?:from|in|to|across|including)\s+((?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?,\s+){1,}"
                         r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?,?\s+(?:and|or)\s+[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
                         r"(?![\w'’-]| [A-Z])")


#: words of a hospital's name: a university named first (gz.UNIVERSITY_FIRST, "Universidad del X") that ends a
#: name with one of these ("Hospital Clínico Universidad del X") is the name of the university's hospital
_HOSPITAL_WORDS = re.compile(r"(?i)\b(?:hospital|hôpital|hospitalario|clínico|clinico|clínica|clinica|ospedale|"
                             r"policlinico|klinikum|krankenhaus|rumah sakit)\b")
#: "(Waal UMC)", "(Erasmus MC)": a short name in brackets, a word of the name and the acronym of the rest
_WORD_ACRONYM_SHORT = re.compile(r"\s*[(（]\s*(([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+([A-Z]{2,6}))\s*[)）]")
#: professions written as a post ("Consultant Physiatrist", "Senior Dietitian")
_PROFESSION = re.compile(r"(?i)(?:ologist|iatrist|ician|therapist|an(?:a)?esthetist|dietitian|pharmacist|dentist|"
                         r"radiographer|optometrist|physicist|midwife|paramedic)s?$")
#: an honorific right before a name: "Prof. ", "Pr. ", "Dr ", "Ms. "
_HONORIFIC_BEFORE = re.compile(r"\b(?:Prof|Pr|Dr|Mr|Mrs|Ms|Professor|Doctor)\.?\s+$")


def find_entities(doc, ex: Extraction) -> None:
    """Add the entities of the parsed ``doc`` (with their mentions) to ``ex.entities``,
    and the parentOrganization/location relations read off their names to ``ex.relations``."""
    _Article(doc, ex).run()
