"""Event dates: date expressions in English news text, and which event a date belongs to.

``find_dates`` recognises "March 6", "March 6, 2024", "6 March 2024", "March 6-8, 2024",
"from March 6 to 8", "2024-03-06", "2024/3/6" and checks them with :mod:`datetime`.
An event takes the date of the sentence that holds/launches/opens it (or, failing that, the
first sentence that names it with a date). The year comes from the date expression itself,
else from a year in the same sentence, else from the article's dateline/metadata date; with
no year at all the date is ``--MM-DD`` (xsd:gMonthDay).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
#: every month word dates read, lower case (names, abbreviations, "sept")
MONTH_WORDS = frozenset(_MONTHS)
#: the months' full names and the weekdays' names (Monday first), lower case
MONTH_NAMES = frozenset(m.lower() for m in calendar.month_name if m)
WEEKDAY_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# capitalised (or upper-case) month names only: "may 10 experts" is not a date
_MON_FORMS = sorted({f for m in _MONTHS for f in (m.capitalize(), m.upper())}, key=len, reverse=True)
_MON = r"(?P<{n}>" + "|".join(_MON_FORMS) + r")\.?"
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{n}>(?:19|20)\d\d)"
#: a weekday name, capitalised (compile case-insensitively for any case)
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_RANGE = r"(?:\s*(?:-|–|—|to|until|and|through)\s*(?:" + _MON.format(n="{m}") + r"\s+)?" + _DAY.format(n="{d}") + r")?"

_PATTERNS = [
    # March 6(-8)(, 2024)
    re.compile(r"\b" + _MON.format(n="m") + r"\s+" + _DAY.format(n="d") +
               _RANGE.format(m="m2", d="d2") + r"(?![\d:])(?:(?:\s*,\s*|\s+)" + _YEAR.format(n="y") + r")?\b"),
    # 6(-8) March( 2024)
    # "Thursday 14th and Friday 15th March": a weekday may stand before the second day
    re.compile(r"\b" + _DAY.format(n="d") + r"(?:\s*(?:-|–|to|and)\s*(?:" + WEEKDAY + r",?\s+)?" +
               _DAY.format(n="d2") + r")?\s+(?:of\s+)?" +
               _MON.format(n="m") + r"(?:,?\s+" + _YEAR.format(n="y") + r")?\b"),
    # 2024-03-06, 2024/3/6, 2024.3.6
    re.compile(r"\b" + _YEAR.format(n="y") + r"[-/.](?P<mn>[01]?\d)[-/.]" + _DAY.format(n="d") + r"\b"),
]
#: a numeric date after its weekday ("Wednesday (9/10/2024)", "Friday, 03.05.2024"): day-first or
#: month-first, told apart by the weekday
_WEEKDAY_NUMERIC = re.compile(r"\b(?P<wd>" + WEEKDAY + r"),?\s*\(?\s*(?P<a>[0-3]?\d)[/.-](?P<b>[01]?\d)[/.-]"
                              + _YEAR.format(n="y") + r"\b", re.I)
_YEAR_ALONE = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/.-])")


@dataclass
class DateMention:
    start: int
    end: int
    month: int
    day: int
    year: int | None = None
    end_month: int | None = None
    end_day: int | None = None

    def iso(self, year: int | None = None) -> str:
        y = self.year or year
        return f"{y:04d}-{self.month:02d}-{self.day:02d}" if y else f"--{self.month:02d}-{self.day:02d}"

    def iso_end(self, year: int | None = None) -> str | None:
        if not self.end_day:
            return None
        m = self.end_month or self.month
        y = self.year or year
        return f"{y:04d}-{m:02d}-{self.end_day:02d}" if y else f"--{m:02d}-{self.end_day:02d}"


def _valid(y, m, d) -> bool:
    try:
        dt.date(y or 2000, m, d)       # 2000 is a leap year: --02-29 stays valid without a year
        return True
    except ValueError:
        return False


def find_dates(text: str) -> list[DateMention]:
    """Calendar dates (with at least month and day) in ``text``, in order, without overlaps."""
    out: list[DateMention] = []
    for pat in _PATTERNS:
        for mt in pat.finditer(text):
            g = mt.groupdict()
            month = _MONTHS.get((g.get("m") or "").lower().rstrip(".")) if g.get("m") else int(g["mn"])
            day = int(g["d"])
            year = int(g["y"]) if g.get("y") else None
            if not month or not _valid(year, month, day):
                continue
            if any(o.start < mt.end() and mt.start() < o.end for o in out):
                continue
            d2 = int(g["d2"]) if g.get("d2") else None
            m2 = _MONTHS.get(g["m2"].lower().rstrip(".")) if g.get("m2") else None
            if d2 is not None and not _valid(year, m2 or month, d2):
                d2 = m2 = None
            if d2 is not None and (m2 or month) == month and d2 <= day:
                d2 = m2 = None
            out.append(DateMention(mt.start(), mt.end(), month, day, year, m2, d2))
    if "/" in text or "." in text or "-" in text:
        for mt in _WEEKDAY_NUMERIC.finditer(text):
            y, a, b = int(mt["y"]), int(mt["a"]), int(mt["b"])
            wd = WEEKDAY_WORDS.index(mt["wd"].lower())
            fits = [(m, d) for d, m in ((a, b), (b, a)) if _valid(y, m, d) and dt.date(y, m, d).weekday() == wd]
            if len(set(fits)) != 1 or any(o.start < mt.end() and mt.start("a") < o.end for o in out):
                continue
            out.append(DateMention(mt.start("a"), mt.end(), fits[0][0], fits[0][1], y))
    return sorted(out, key=lambda d: d.start)


def years_in(text: str) -> list[int]:
    """Four-digit years (1900-2099) that stand alone in ``text`` ("the 2024 Annual Meeting")."""
    return [int(y) for y in _YEAR_ALONE.findall(text)]


def article_year(date: str | None) -> int | None:
    """The year of an article's ISO date ("2024-03-08" -> 2024)."""
    if date and re.match(r"^\d{4}", date):
        return int(date[:4])
    return None


def resolve(dm: DateMention, sentence: str, article_date: str | None) -> tuple[str, str | None]:
    """(start, end) ISO strings for a date mention: year from itself, the sentence, the article."""
    year = dm.year
    if year is None:
        ys = set(years_in(sentence[:max(0, dm.start)] + " " + sentence[dm.end:]))
        if len(ys) == 1:
            year = ys.pop()
    if year is None:
        year = article_year(article_date)
    if year is not None and not _valid(year, dm.month, dm.day):
        year = None                      # "February 29" in a non-leap year: keep the month and day only
    return dm.iso(year), dm.iso_end(year)


#: verbs that say the event happened ("organized by" only describes it)
_HELD = {"hold", "launch", "open", "convene", "take", "kick", "start", "begin", "inaugurate", "commence",
         "conduct", "celebrate", "close", "end", "conclude", "gather"}
_END_LEMMAS = {"close", "end", "conclude"}
_DATELINE = re.compile(r"(?:date|published|posted|time|updated)\s*[:：]\s*$", re.I)

#: verbs whose infinitive says what is planned, not what happened ("plans to hold", "is scheduled to open")
_PLAN_LEMMAS = {"plan", "intend", "aim", "expect", "prepare", "schedule", "hope", "propose", "agree", "decide",
                "seek", "want", "wish", "set", "strive", "pledge", "promise", "vow", "commit", "look"}
_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo", "would", "'d", "’d"}


def is_planned(tok) -> bool:
    """Is the verb ``tok`` said of the future or of a plan: "will launch", "would open", "plans to hold",
    "is to be held", "is scheduled to open", "will continue to hold", "is going to host"?"""
    t = tok
    for _ in range(4):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in t.children):
            return True
        if t.dep_ != "xcomp":
            return False
        h = t.head
        if h.lemma_.lower() in _PLAN_LEMMAS or h.lemma_.lower() == "be" or h.lower_ == "going":
            return True
        t = h
    return False


#: a news dateline before a date: "GUADALAJARA, Mexico, " / "CITY/CITY, " at the start of a line
#: (or "Port Aldin, " / "PORTVILLE, Ore. (" : a place in title case, a date in brackets)
_CAPS_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z.'’ -]+(?:/[A-Z][A-Z.'’ -]+)*|[A-Z][^\W\d_]+(?:[ '’-][A-Z][^\W\d_]+){0,2})"
                            r"(?:,\s*[A-Z][^\W\d_]*(?:[ .'’-]+[^\W\d_]+)*)*\.?(?:,\s*|\s*\()"
                            # "TOWNSVILLE, Monday 18 August 2025 –": a weekday before the date
                            r"(?:" + WEEKDAY + r",?\s+)?$")
#: (the date may be followed by the same date in another calendar: "6 November 2024 (16 Aban 1403) - ")
_DATELINE_END = re.compile(r"^\)?(?:\s*\([^()\n]{1,30}\))?\s*(?:-{1,2}|–|—|:)(?:\s|$)")


def _in_dateline(text: str, start: int, end: int) -> bool:
    """Is the date at text[start:end] a caps dateline's date ("AMMAN, 12 March 2024 - ...")?"""
    line = text.rfind("\n", 0, start) + 1
    return bool(_CAPS_DATELINE.match(text[line:start]) and _DATELINE_END.match(text[end:end + 40]))


#: what may follow the date on a header line that is only a date: a time, a weekday
#: (or other header fields after a bar: "2025-06-13 | Source: Foreign Affairs Office | Views: 512", or a
#: page field's own label after a space: "2025-04-21   Source: Department of X")
_DATE_LINE_REST = re.compile(r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:\(?[A-Z][a-z]+day\)?)?\s*"
                             r"(?:(?:[|｜]\s*[^\W\d_][^:：|｜]{0,30}|(?i:source|author|editor|reviewer|publisher|"
                             r"reporter|views|hits|clicks|visits|read|from|photo|text|writer))[:：].*)?$")
#: a header field that labels a date: "Date: ", "Published: ", "Release time: ", "| Posted on: "
_HEADER_LABEL = re.compile(r"(?:^|[\s|｜/·,;])(?:date|dated|time|published(?:\s+on)?|posted(?:\s+on)?|updated|"
                           r"issued(?:\s+on)?)\s*[:：]\s*(?:[a-z]+day,?\s+)?$", re.I)
_HEADER_LEAD = re.compile(r"^\s*(?:published|posted|released|issued)(?:\s+on)?\s*$", re.I)
#: header lines are among the first few lines of the text
_HEADER_LINES = 12


#: "today" in a report: the day the page is dated ("this morning", "this afternoon" too)
TODAY = re.compile(r"\b(?:today|this\s+(?:morning|afternoon|evening))\b", re.I)
#: a weekday told without a date in a report of past happenings ("last Thursday", "on Friday", "On Thursday
#: afternoon"): the latest such day before the page date ("last": strictly before; "on": the page's own day too)
_REL_WEEKDAY = re.compile(r"\b(?:(?P<last>last)|(?P<on>on))\s+(?P<wd>" + WEEKDAY + r")\b(?!\s*,?\s*(?:\(|\d|the\s+\d))",
                          re.I)
#: words that put a weekday in the future ("next Thursday", "will be held on Friday")
_FUTURE_WORDS = re.compile(r"(?i)\b(?:will|shall|next|upcoming|coming|expected|scheduled|planned|to\s+be)\b")


def relative_weekday(sentence: str, article_date: str | None) -> DateMention | None:
    """The date of "last Thursday" / "on Friday" in a report dated ``article_date`` (a full ISO date):
    the latest such weekday before the page date (for "on", the page's own day may be it)."""
    if not article_date or not re.match(r"\d{4}-\d\d-\d\d$", article_date):
        return None
    m = _REL_WEEKDAY.search(sentence)
    if not m or _FUTURE_WORDS.search(sentence):
        return None
    page = dt.date.fromisoformat(article_date)
    back = (page.weekday() - WEEKDAY_WORDS.index(m["wd"].lower())) % 7
    if m["last"] and back == 0:
        back = 7
    day = page - dt.timedelta(days=back)
    return DateMention(m.start(), m.end(), day.month, day.day, day.year)


def in_header_line(text: str, start: int, end: int) -> bool:
    """Is the date at text[start:end] the page's publication header ("Date: 2024-03-05", "Release time:
    2024-03-05 10:20", a line that is only a date)? That says when the page was posted, not the event."""
    line = text.rfind("\n", 0, start) + 1
    if text.count("\n", 0, line) >= _HEADER_LINES:
        return False
    eol = text.find("\n", end)
    before, after = text[line:start], text[end:eol if eol >= 0 else len(text)]
    return bool(_HEADER_LABEL.search(before) or _HEADER_LEAD.match(before)
                or not before.strip() and _DATE_LINE_REST.match(after))


def dateline_year(text: str) -> int | None:
    """The year of the article's first caps dateline date, if any."""
    for d in find_dates(text):
        if d.year and _in_dateline(text, d.start, d.end):
            return d.year
    return None


_CLOSING_OF = re.compile(r"(?i)\b(?:closing|concluding|graduation|completion)\s+(?:ceremony\s+)?(?:of|for)\s+"
                         r"(?:the\s+)?$")
#: "During her visit, <date>" / "During their three-day stay (from) <date>": the date of a guest's stay
_DURING_STAY = re.compile(r"(?i)^\W*during\s+(?:his|her|their|the|this)\s+(?:[\w-]+\s+){0,2}?(?:visit|stay|trip)"
                          r"\s*(?:,\s*|\s+(?:on|from)\s+)$")


#: what may stand around the date of a list label: a bullet before it, a colon or dash after it
_LABEL_LEAD = re.compile(r"^[ \t]*(?:[-•*·][ \t]*)?$")
_LABEL_END = re.compile(r"^[ \t]*(?::|：|–|—|-)[ \t]*$")


def _list_label_date(text: str, start: int) -> list[DateMention]:
    """The date of a list item's label ("3 March 2018: The department held ...") for a sentence of that
    line that names no date itself (the parser cuts the label off as a sentence of its own)."""
    line = text.rfind("\n", 0, start) + 1
    prefix = text[line:start]
    if not prefix.strip() or len(prefix) > 40:
        return []
    dms = find_dates(prefix)
    if len(dms) != 1 or not _LABEL_LEAD.match(prefix[:dms[0].start]) or not _LABEL_END.match(prefix[dms[0].end:]):
        return []
    d = dms[0]
    return [DateMention(0, 0, d.month, d.day, d.year, d.end_month, d.end_day)]


def assign_event_dates(ctx) -> None:
    """Set ``Entity.date`` (and ``end_date``) of the article's events, with the sentence as evidence."""
    if not ctx.by_type("Event"):
        return
    best: dict[str, tuple] = {}          # event key -> (priority, sentence index, DateMention)
    # a visit happens when the delegation visits/is received; a signing when the parties sign
    main_name = ctx.ents[ctx.main_event].name if ctx.main_event else ""
    held_lemmas = set(_HELD)
    kind_lemmas: set[str] = set()        # verbs that can only tell of the main event's own kind
    if re.search(r"\b(visit|delegation|tour)\b", main_name, re.I):
        kind_lemmas |= {"visit", "welcome", "receive", "pay", "arrive", "tour"}
    if re.search(r"\b(sign|signing|agreement|memorandum)\b", main_name, re.I):
        kind_lemmas |= {"sign"}
    held_lemmas |= kind_lemmas
    carry: list[DateMention] = []        # a dateline the parser cut off as a sentence of its own
    for si, sent in enumerate(ctx.sents):
        stext = sent.text
        dms = [d for d in find_dates(stext) if not _DATELINE.search(stext[max(0, d.start - 12):d.start])
               and not in_header_line(ctx.text, sent.start_char + d.start, sent.start_char + d.end)]
        label = False
        if not dms and carry and ctx.text[ctx.sents[si - 1].end_char:sent.start_char].count("\n") == 0:
            # "Kermanshah, 6 November 2024 (16 Aban 1403) - | The congress opened on Wednesday": the
            # dateline leads this sentence (weakly, as a dateline does)
            dms, carried = carry, True
        else:
            carried = False
        carry = []
        if dms and all(_in_dateline(ctx.text, sent.start_char + d.start, sent.start_char + d.end) for d in dms) \
                and not ctx.all_in(si, "Event") and _DATELINE_END.search(stext[dms[-1].end:]):
            carry = dms
            continue
        if not dms:
            dms = _list_label_date(ctx.text, sent.start_char)
            label = bool(dms)
        if not dms:
            today = TODAY.search(stext)
            if today and ctx.ex.article.date and re.match(r"\d{4}-\d\d-\d\d$", ctx.ex.article.date):
                # "X received today a delegation": the day the report is dated
                y, mo, d = (int(x) for x in ctx.ex.article.date.split("-"))
                dms = [DateMention(today.start(), today.end(), mo, d, y)]
            else:
                rel = relative_weekday(stext, ctx.ex.article.date)
                if rel is None:
                    continue
                dms = [rel]
        # the dateline's date is when the report was filed: the event's own date in the text wins
        own = [] if carried else \
            [d for d in dms if not _in_dateline(ctx.text, sent.start_char + d.start, sent.start_char + d.end)]
        if not own and not carried:
            # "Montpellier, 20 October 2025 – Last Thursday, X welcomed ...": the weekday after the dateline
            rel = relative_weekday(stext[dms[-1].end:], ctx.ex.article.date)
            if rel is not None:
                own = [DateMention(dms[-1].end + rel.start, dms[-1].end + rel.end, rel.month, rel.day, rel.year)]
        weak = 5 if not own else 0
        dms = own or dms
        held_toks = [t for t in sent if t.lemma_.lower() in held_lemmas and t.pos_ in ("VERB", "AUX", "NOUN")]
        held = any(not is_planned(t) for t in held_toks)
        explicit = [m for m in ctx.all_in(si, "Event") if not m.anaphor]
        anaph = [m for m in ctx.all_in(si, "Event") if m.anaphor]
        cands = []
        if held_toks and not held:
            # a plan ("will launch X in January", "plans to hold the next forum on ...") dates only an
            # event it names, and only when nothing else does: never the reported event by an anaphor
            if explicit:
                cands.append((8, explicit[0].key))
        elif explicit:
            # "the closing ceremony of X was held on May 8": X's end; its start told elsewhere
            # ("since the programme started on June 2") dates it first
            closing = _CLOSING_OF.search(ctx.text[sent.start_char:explicit[0].start])
            # "X, which ended last Thursday": its end; its start told elsewhere ("opened on Monday") dates it
            ended = held and all(t.lemma_.lower() in _END_LEMMAS for t in held_toks if not is_planned(t))
            cands.append(((0 if held else 2) + (3 if closing or ended else 0), explicit[0].key))
            if label:         # a dated list item: all it tells happened that day ("visited X and attended Y")
                cands += [(0 if held else 2, k) for k in dict.fromkeys(m.key for m in explicit[1:])]
        elif anaph:
            # "The mission ends on Friday, 21 March": an end told by an anaphor dates the event only when
            # nothing else does (its start is told elsewhere)
            ends = held and all(t.lemma_.lower() in _END_LEMMAS for t in held_toks if not is_planned(t))
            cands.append((1 + (3 if ends else 0) if held else 3, anaph[0].key))
        elif ctx.main_event and _DURING_STAY.search(stext[:dms[0].start]):
            # "During his stay, May 3-5, P gave two lectures": the guest's stay is the event's time
            cands.append((4, ctx.main_event))
        elif held and ctx.main_event and (len(ctx.by_type("Event")) == 1 or any(
                t.lemma_.lower() in kind_lemmas and not is_planned(t) for t in held_toks)):
            # "On May 12, a delegation from X visited Y": the visit is the main event, even when the
            # article names other events (the agreement signed during the visit)
            cands.append((4, ctx.main_event))
        for prio, key in cands:
            cur = best.get(key)
            if cur is None or (prio + weak, si) < cur[:2]:
                best[key] = (prio + weak, si, dms[0])
    _same_day(ctx, best)
    # an article without a page date: the year of its dateline completes dates written without one
    ref = ctx.ex.article.date
    if not ref and best:
        year = dateline_year(ctx.text)
        ref = f"{year}-01-01" if year else None
    for key, (prio, si, dm) in best.items():
        e = ctx.ents[key]
        start, end = resolve(dm, ctx.sents[si].text, ref)
        e.date = start
        if end:
            e.end_date = end
            e.evidence["end_date"] = ctx.sent_span(si)
        e.evidence["date"] = ctx.sent_span(si)


#: "Later in the day", "later that day", "on the same day", "that afternoon": the day told just before
#: (also "At the end of the visit", "during the visit", "at the close of the meeting": an act within a
#: one-day visit or meeting told just before)
SAME_DAY = re.compile(r"(?i)\b(?:later\s+(?:in\s+the|that|the\s+same)\s+(?:day|morning|afternoon|evening)|"
                      r"(?:on\s+)?the\s+same\s+day|(?:that|the\s+same)\s+(?:morning|afternoon|evening)|"
                      r"(?:at\s+the\s+(?:end|close|conclusion)\s+of|during)\s+(?:the|this|their|its)\s+"
                      r"(?:visit|meeting|talks|tour|ceremony|day|forum|symposium|seminar|conference|congress))\b"
                      # "After the meeting, ... signed": right after the meeting told before, the same day
                      r"|^\W*(?:after|following)\s+the\s+(?:meeting|talks|talk|discussion|discussions|visit|tour|"
                      r"ceremony|forum|symposium|seminar|lecture)\s*,")


def _same_day(ctx, best: dict) -> None:
    """An event named in a sentence that happens "later in the day" (with no date of its own) takes
    the date of the latest dated event told in an earlier sentence (a signing during a visit)."""
    for si, sent in enumerate(ctx.sents):
        if not SAME_DAY.search(sent.text):
            continue
        before = [v for v in best.values() if v[1] < si]
        if not before:
            continue
        prio, sj, dm = max(before, key=lambda v: v[1])
        for m in ctx.all_in(si, "Event"):
            if not m.anaphor and m.key not in best:
                best[m.key] = (prio + 1, sj, DateMention(dm.start, dm.end, dm.month, dm.day, dm.year))
