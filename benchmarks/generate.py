"""Seeded synthetic data for benchmarks and scale tests.

Two products, both deterministic for a given ``(n, seed)``:

* **articles**: English hospital / medical-school news texts (conferences, forums,
  training courses, delegation visits, department profiles) assembled from templated
  sentences whose slots are filled from vocabularies of people, hospitals,
  universities, committees, cities, countries, specialties and dates.  Written as
  ``.txt`` files (title line, ``Date:`` line, body) that ``medkg ingest`` reads.
* **graphs**: the RDF medkg would produce for such articles, made *directly* (no NLP):
  each article's known entities, mentions and relations become an
  :class:`medkg.ingest.model.Extraction`, which medkg's own
  :func:`medkg.ingest.rdfize.to_triples` turns into triples (so the shape -- entities,
  relations, NIF mention/sentence nodes, ``mkg:Fact`` statements -- is exactly
  medkg's).  Written as N-Quads, one named graph per article.

Entities are drawn from pools whose size grows with ``n`` with a skewed (Zipf-like)
popularity, so people and institutions recur across articles as in real news.

Usage::

    python benchmarks/generate.py articles -n 1000 -o /tmp/corpus
    python benchmarks/generate.py graph -n 100000 -o /tmp/g100k.nq [--workers 2]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from medkg.ingest.model import Article, Entity, Extraction, Relation, Span
from medkg.ontology.namespaces import entity_iri, graph_iri

# ----------------------------------------------------------------------------- vocabularies
SURNAMES = ("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng Liang "
            "Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei "
            "Su Lu Ding Ren Shen Yao Smith Johnson Brown Garcia Miller Davis Martin Schmidt Muller Rossi "
            "Dubois Kowalski Novak Tanaka Suzuki Kim Park Nguyen Tran Singh Kumar Sharma Khan Ahmed Hassan "
            "Silva Santos Petrov Ivanov Andersen Hansen Jensen Kuznetsov Moreau Bianchi Fischer Weber "
            "Thapa Shrestha Phommachanh Sok Chanthavong Rahman Hossain Okafor Mensah Diallo").split()
GIVEN = ("Wei Fang Jun Lei Min Hui Jing Yan Ping Qiang Xia Hong Bin Tao Jie Yong Ling Chao Hao Yi Xin Na "
         "Rui Kai Yu Lin Dan Gang Bo Peng Zhiqiang Xiaoming Jianhua Guoqing Haiyan Lihua Xiaoyan Wenjun "
         "Zhiwei Yanping Ming Jian Hua Shan John Maria Ahmed Anna Peter Sarah Michael Elena David Laura "
         "Thomas Sophie Daniel Yuki Hiroshi Minjun Seo-yeon Anh Raj Priya Omar Fatima Lucas Ana Ivan "
         "Olga Lars Ingrid Pierre Giulia Klaus Hannah Bikash Sunita Somsak Bounmy Kwame Amina").split()
CHINESE_SURNAMES = set(SURNAMES[:SURNAMES.index("Smith")])
HONORIFICS = ("Professor", "Prof.", "Dr.", "Academician", "Mr.", "Ms.", "Director", "Dean")
POSTS = ("President", "Vice President", "Director", "Deputy Director", "Dean", "Vice Dean", "Chief Physician",
         "Head of the Department", "Party Secretary", "Chairman", "Vice Chairman", "Secretary-General",
         "Chief Surgeon", "Associate Professor", "Attending Physician", "Head Nurse", "Chief Expert")

#: (city, province or region, country name, ISO alpha-2)
CITIES = (
    ("Chengdu", "Sichuan", "China", "CN"), ("Beijing", "Beijing", "China", "CN"), ("Shanghai", "Shanghai", "China", "CN"),
    ("Wuhan", "Hubei", "China", "CN"), ("Guangzhou", "Guangdong", "China", "CN"), ("Hangzhou", "Zhejiang", "China", "CN"),
    ("Xi'an", "Shaanxi", "China", "CN"), ("Chongqing", "Chongqing", "China", "CN"), ("Nanjing", "Jiangsu", "China", "CN"),
    ("Kunming", "Yunnan", "China", "CN"), ("Lhasa", "Tibet", "China", "CN"), ("Changsha", "Hunan", "China", "CN"),
    ("Zhengzhou", "Henan", "China", "CN"), ("Jinan", "Shandong", "China", "CN"), ("Shenyang", "Liaoning", "China", "CN"),
    ("Mianyang", "Sichuan", "China", "CN"), ("Luzhou", "Sichuan", "China", "CN"), ("Nanchong", "Sichuan", "China", "CN"),
    ("Boston", "Massachusetts", "United States", "US"), ("Houston", "Texas", "United States", "US"),
    ("London", "England", "United Kingdom", "GB"), ("Edinburgh", "Scotland", "United Kingdom", "GB"),
    ("Munich", "Bavaria", "Germany", "DE"), ("Heidelberg", "Baden-Wurttemberg", "Germany", "DE"),
    ("Paris", "Ile-de-France", "France", "FR"), ("Lyon", "Rhone", "France", "FR"), ("Milan", "Lombardy", "Italy", "IT"),
    ("Vienna", "Vienna", "Austria", "AT"), ("Geneva", "Geneva", "Switzerland", "CH"), ("Tokyo", "Kanto", "Japan", "JP"),
    ("Osaka", "Kansai", "Japan", "JP"), ("Seoul", "Seoul", "South Korea", "KR"), ("Singapore", "Singapore", "Singapore", "SG"),
    ("Bangkok", "Bangkok", "Thailand", "TH"), ("Vientiane", "Vientiane", "Laos", "LA"), ("Kathmandu", "Bagmati", "Nepal", "NP"),
    ("Islamabad", "Islamabad", "Pakistan", "PK"), ("Dhaka", "Dhaka", "Bangladesh", "BD"), ("Phnom Penh", "Phnom Penh", "Cambodia", "KH"),
    ("Hanoi", "Hanoi", "Vietnam", "VN"), ("Melbourne", "Victoria", "Australia", "AU"), ("Toronto", "Ontario", "Canada", "CA"),
    ("Moscow", "Moscow", "Russia", "RU"), ("Stockholm", "Stockholm", "Sweden", "SE"), ("Copenhagen", "Capital Region", "Denmark", "DK"),
    ("Accra", "Greater Accra", "Ghana", "GH"), ("Nairobi", "Nairobi", "Kenya", "KE"), ("Sao Paulo", "Sao Paulo", "Brazil", "BR"),
    ("Karachi", "Sindh", "Pakistan", "PK"), ("Colombo", "Western Province", "Sri Lanka", "LK"),
)
SPECIALTIES = ("cardiology", "thoracic surgery", "oncology", "neurology", "pediatrics", "orthopedics",
               "ophthalmology", "dermatology", "anesthesiology", "radiology", "nephrology", "gastroenterology",
               "endocrinology", "hematology", "urology", "gynecology", "obstetrics", "psychiatry",
               "emergency medicine", "critical care medicine", "rheumatology", "infectious diseases", "geriatrics",
               "rehabilitation medicine", "otolaryngology", "stomatology", "pathology", "nuclear medicine",
               "plastic surgery", "neurosurgery", "cardiac surgery", "vascular surgery", "hepatobiliary surgery",
               "general surgery", "respiratory medicine", "nursing", "clinical pharmacy", "traditional Chinese medicine",
               "public health", "sports medicine", "chest wall surgery", "minimally invasive surgery")
ORDINALS = ("2nd 3rd 4th 5th 6th 7th 8th 9th 10th 11th 12th 15th 20th").split()
MONTHS = ("January February March April May June July August September October November December").split()
TOPICS = ("new diagnostic techniques", "multidisciplinary treatment", "minimally invasive procedures",
          "artificial intelligence in medicine", "clinical research design", "perioperative management",
          "rare disease registries", "telemedicine for rural areas", "standardized residency training",
          "precision medicine", "patient safety", "infection prevention and control", "hospital management",
          "medical education reform", "cross-border medical cooperation")


FILLERS = (
    "Participants agreed that {topic} will shape the future of {sp}.",
    "The training combined lectures, case discussions and hands-on sessions in {topic}.",
    "Attendees visited the wards and the simulation centre of {host}.",
    "The organizers said the exchange would be held every year.",
    "The experts held in-depth discussions on difficult cases and shared the latest research results.",
    "Through this exchange, both sides deepened their understanding and laid a solid foundation for future cooperation.",
    "The course was well received by the trainees, who said they had gained practical skills they could use at once.",
    "In recent years, the department has carried out a large number of complex operations and trained many young doctors.",
    "The meeting also discussed the standardization of diagnosis and treatment and the training of talents at the grassroots level.",
    "Both parties expressed the hope of strengthening exchanges in clinical practice, teaching and scientific research.",
    "The guests spoke highly of the achievements of the hospital in {topic}.",
    "Many young physicians took part in the online live broadcast of the lectures.",
)


def _title(s: str) -> str:
    return " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in s.split())


# ----------------------------------------------------------------------------- entity pools
@dataclass(frozen=True)
class Ent:
    type: str              # medkg entity type
    name: str
    subtypes: tuple = ()
    concept: str | None = None
    country: str | None = None   # for people and institutions: country alpha-2
    city: str | None = None


class World:
    """Pools of people and institutions, sized for ``n`` articles, with skewed popularity."""

    def __init__(self, n_articles: int, seed: int):
        rng = random.Random(f"world-{seed}")
        n_org = max(60, n_articles // 8)
        n_person = max(200, n_articles // 2)
        self.countries = {}
        for city, prov, country, cc in CITIES:
            self.countries.setdefault(cc, Ent("Country", country, concept=cc))
        orgs, seen = [], set()
        while len(orgs) < n_org:
            city, prov, country, cc = rng.choice(CITIES)
            kind = rng.random()
            spec = _title(rng.choice(SPECIALTIES))
            if kind < 0.45:
                pattern = rng.choice(("{city} First People's Hospital", "{prov} Provincial People's Hospital",
                                      "{city} Central Hospital", "{city} Children's Hospital", "{city} Cancer Hospital",
                                      "{city} Hospital of Traditional Chinese Medicine", "{city} General Hospital",
                                      "The Second Affiliated Hospital of {city} Medical University",
                                      "{city} {ord} People's Hospital", "{city} Women and Children's Hospital",
                                      "{city} Heart Hospital", "{city} University Hospital"))
                sub = ("Hospital",)
            elif kind < 0.75:
                pattern = rng.choice(("{city} Medical University", "University of {city}", "{prov} University",
                                      "{city} University of Traditional Chinese Medicine", "{city} Medical College",
                                      "{prov} University of Science and Technology", "{city} Institute of Health Sciences"))
                sub = ("CollegeOrUniversity",)
            elif kind < 0.92:
                pattern = rng.choice(("{prov} Medical Association", "{prov} Medical Doctor Association",
                                      "{spec} Professional Committee of the {prov} Medical Association",
                                      "{spec} Branch of the {prov} Medical Association",
                                      "{prov} International Medical Exchange Promotion Association",
                                      "{prov} Health Commission"))
                sub = ()
            else:
                pattern = rng.choice(("{spec} Research Institute of {city}", "{city} Center for Disease Control",
                                      "{prov} Clinical Research Center for {spec}"))
                sub = ()
            name = pattern.format(city=city, prov=prov, spec=spec, ord=rng.choice(ORDINALS[:6]))
            if name.lower() in seen:
                # same template, different city: qualify rarely-colliding names with a campus
                name = f"{name} {rng.choice(('East', 'West', 'North', 'South'))} Campus"
                if name.lower() in seen:
                    continue
            seen.add(name.lower())
            orgs.append(Ent("Organization", name, sub, country=cc, city=city))
        self.orgs = orgs
        people, seen = [], set()
        while len(people) < n_person:
            org = self.pick(rng, orgs)
            sur, given = rng.choice(SURNAMES), rng.choice(GIVEN)
            if sur in CHINESE_SURNAMES and rng.random() < 0.8:
                name = f"{sur} {given}"
            else:
                name = f"{given} {sur}"
            if name in seen:
                name = f"{given} {chr(65 + rng.randrange(26))}. {sur}"
                if name in seen:
                    continue
            seen.add(name)
            people.append((Ent("Person", name, country=org.country, city=org.city), org, rng.choice(POSTS)))
        self.people = people

    @staticmethod
    def pick(rng: random.Random, pool):
        """Zipf-like choice: popular items recur across many articles."""
        i = int(len(pool) * rng.random() ** 2.2)
        return pool[min(i, len(pool) - 1)]

    def person(self, rng):
        return self.pick(rng, self.people)

    def org(self, rng, sub: str | None = None):
        for _ in range(20):
            o = self.pick(rng, self.orgs)
            if sub is None or sub in o.subtypes:
                return o
        return o


# ----------------------------------------------------------------------------- article assembly
_SLOT = re.compile(r"\{(\w+)\}")


class Builder:
    """Accumulates the text, sentences, entities and relations of one article."""

    def __init__(self):
        self.parts: list[str] = []
        self.pos = 0
        self.sentences: list[Span] = []
        self.entities: dict[str, Entity] = {}
        self.relations: list[Relation] = []

    def key(self, e: Ent) -> str:
        return f"{e.type}|{e.name.lower()}"

    def sentence(self, template: str, slots: dict, rels=(), attrs=None) -> Span:
        """Render ``template``; slots map name -> Ent (a mention) or str (plain text).

        ``rels``: (subject slot, predicate, object slot[, title]); ``attrs``: slot -> {attr: value}.
        """
        start = self.pos
        out, cur = [], start
        last = 0
        mentions = []
        for m in _SLOT.finditer(template):
            lit = template[last:m.start()]
            out.append(lit)
            cur += len(lit)
            val = slots[m.group(1)]
            surface = val if isinstance(val, str) else val.name
            if not isinstance(val, str):
                mentions.append((val, Span(cur, cur + len(surface))))
            out.append(surface)
            cur += len(surface)
            last = m.end()
        out.append(template[last:])
        text = "".join(out)
        text = text[:1].upper() + text[1:]
        cur = start + len(text)
        sent = Span(start, cur)
        self.sentences.append(sent)
        self.parts.append(text + " ")
        self.pos = cur + 1
        for ent, span in mentions:
            k = self.key(ent)
            e = self.entities.get(k)
            if e is None:
                concept = entity_iri("Specialty", ent.name).__str__() if ent.type == "Specialty" else ent.concept
                e = self.entities[k] = Entity(key=k, type=ent.type, name=ent.name, concept=concept,
                                              subtypes=list(ent.subtypes), confidence=0.9)
            e.mentions.append(span)
        for r in rels:
            s, p, o = r[0], r[1], r[2]
            title = r[3] if len(r) > 3 else None
            self.relations.append(Relation(self.key(slots[s]), p, self.key(slots[o]), evidence=sent,
                                           confidence=0.8, title=title))
        for slot, kv in (attrs or {}).items():
            e = self.entities[self.key(slots[slot])]
            for attr, value in kv.items():
                if attr in ("date", "end_date"):
                    setattr(e, attr, value)
                    e.evidence[attr] = sent
                else:
                    e.counts[attr] = value
                    e.evidence[attr] = sent
        return sent

    def paragraph(self):
        if self.parts:
            self.parts[-1] = self.parts[-1].rstrip(" ") + "\n"

    @property
    def text(self) -> str:
        return "".join(self.parts).rstrip()


def _date(rng) -> tuple[str, str]:
    y, mo, d = rng.randint(2018, 2025), rng.randint(1, 12), rng.randint(1, 28)
    style = rng.random()
    if style < 0.5:
        surface = f"{MONTHS[mo - 1]} {d}, {y}"
    elif style < 0.8:
        surface = f"{d} {MONTHS[mo - 1]} {y}"
    else:
        surface = f"{MONTHS[mo - 1]} {d}"
        return surface, f"--{mo:02d}-{d:02d}"
    return surface, f"{y:04d}-{mo:02d}-{d:02d}"


def _person_ref(rng, p: Ent, post: str) -> str:
    r = rng.random()
    if r < 0.3:
        return "{post} {p}"
    if r < 0.55:
        return "Professor {p}"
    if r < 0.7:
        return "Dr. {p}"
    return "{p}"


def make_article(world: World, seed: int, i: int, sentences: tuple[int, int] = (8, 14)) -> tuple[Article, Extraction]:
    """Article number ``i`` (deterministic) and the extraction medkg should find in it."""
    rng = random.Random(f"article-{seed}-{i}")
    b = Builder()
    kind = rng.choices(("conference", "training", "visit", "profile"), weights=(4, 2, 3, 1))[0]
    spec = Ent("Specialty", rng.choice(SPECIALTIES))
    host = world.org(rng, "Hospital")
    univ = world.org(rng, "CollegeOrUniversity")
    assoc = world.org(rng)
    city = next(c for c in CITIES if c[0] == host.city)
    place = Ent("Place", city[0])
    country = world.countries[city[3]]
    date_surface, date_value = _date(rng)
    spec_t = _title(spec.name)
    if kind == "conference":
        ev_name = rng.choice((f"the {rng.choice(ORDINALS)} {city[1]} {spec_t} Forum",
                              f"the {date_value[:4] if date_value[0] != '-' else '2024'} Annual Meeting of {spec_t}",
                              f"the {rng.choice(ORDINALS)} International Symposium on {spec_t}",
                              f"the {rng.choice(ORDINALS)} China-{rng.choice(CITIES)[2]} {spec_t} Conference",
                              f"the {rng.choice(ORDINALS)} Western China {spec_t} Summit"))
        title = _title(f"{ev_name[4:]} held in {city[0]}")
    elif kind == "training":
        ev_name = rng.choice((f"the {rng.choice(ORDINALS)} {spec_t} Training Course",
                              f"the {spec_t} Skills Workshop", f"the {city[1]} {spec_t} Continuing Education Class",
                              f"the {rng.choice(ORDINALS)} National {spec_t} Training Program"))
        title = _title(f"{ev_name[4:]} successfully opened")
    elif kind == "visit":
        guest_city = rng.choice(CITIES)
        ev_name = f"the visit of the {guest_city[2]} medical delegation"
        title = _title(f"A delegation from {guest_city[2]} visited {host.name}")
    else:
        ev_name = f"the {spec_t} Department Open Day"
        title = _title(f"Introducing the Department of {spec_t} of {host.name}")
    event = Ent("Event", ev_name[4:] if ev_name.startswith("the ") else ev_name)
    n_sent = rng.randint(*sentences)

    # --- lead sentence: event, date, place, organizers
    lead = rng.choice((
        ("On {d}, {ev} was held in {pl}, jointly organized by {o1} and {o2}.", [("ev", "organizer", "o1"), ("ev", "organizer", "o2"), ("ev", "location", "pl")]),
        ("{ev}, hosted by {o1} and co-organized by {o2}, took place in {pl} on {d}.", [("ev", "organizer", "o1"), ("ev", "organizer", "o2"), ("ev", "location", "pl")]),
        ("From {d}, {o1} held {ev} in {pl}.", [("ev", "organizer", "o1"), ("ev", "location", "pl")]),
        ("{o1} and {o2} successfully held {ev} on {d} in {pl}.", [("ev", "organizer", "o1"), ("ev", "organizer", "o2"), ("ev", "location", "pl")]),
    ))
    tpl = lead[0].replace("{ev}", "the {ev}")
    b.sentence(tpl, {"ev": event, "d": date_surface, "pl": place, "o1": host, "o2": assoc}, lead[1],
               attrs={"ev": {"date": date_value}})
    b.sentence(rng.choice((
        "The meeting focused on {sp}, aiming to promote academic exchange and improve the level of medical services.",
        "The event centred on recent advances in {sp} and {topic}.",
        "With the theme of {topic}, the activity brought together experts in {sp} from home and abroad.",
        "This {kind} aims to build a high-level platform for exchange in {sp}.")),
        {"sp": spec, "topic": rng.choice(TOPICS), "kind": "conference" if kind == "conference" else "activity", "ev": event},
        [])
    b.relations.append(Relation(b.key(event), "about", b.key(spec), evidence=b.sentences[-1], confidence=0.8))
    b.paragraph()

    attendees = []
    countries = [country]
    while len(b.sentences) < n_sent:
        r = rng.random()
        p, porg, post = world.person(rng)
        pent = p
        if r < 0.35:
            ref = _person_ref(rng, p, post)
            t = rng.choice((
                ref + ", {post} of {org}, delivered a keynote speech on {topic}.",
                ref + ", {post} of {org}, gave a report entitled \"{topic}\".",
                "In the academic session, " + ref + " from {org} shared experience in {topic}.",
                ref + " of {org} chaired the session on {topic} at the {ev}.",
            ))
            if "{post} of" in t:
                t = t.replace("{post} {p}", "Professor {p}", 1)
            slots = {"p": pent, "post": post, "org": porg, "topic": rng.choice(TOPICS), "ev": event}
            rels = [("p", "affiliation", "org", post) if "{post} of {org}" in t else ("p", "affiliation", "org"),
                    ("ev", "attendee", "p")]
            if "{ev}" not in t:
                rels = rels[:1]
            b.sentence(t, slots, rels)
            attendees.append(p)
        elif r < 0.5:
            c = world.countries[rng.choice(CITIES)[3]]
            c2 = world.countries[rng.choice(CITIES)[3]]
            n = rng.choice((50, 80, 100, 120, 150, 200, 300, 500, 1000))
            if c2 == c:
                t = "More than {n} experts and scholars from {c} attended the {ev}."
                rels = [("ev", "participantCountry", "c")]
            else:
                t = "More than {n} experts and scholars from {c}, {c2} and other countries attended the {ev}."
                rels = [("ev", "participantCountry", "c"), ("ev", "participantCountry", "c2")]
            b.sentence(t, {"n": str(n), "c": c, "c2": c2, "ev": event}, rels, attrs={"ev": {"participantCount": n}})
            countries += [c, c2]
        elif r < 0.65:
            gc = world.countries[rng.choice(CITIES)[3]]
            t = rng.choice((
                "A delegation led by {p}, {post} of {org}, visited {host} and exchanged views on {sp}.",
                "{p} of {org} in {c} led a delegation to {host} to discuss cooperation in {sp}.",
            ))
            b.sentence(t, {"p": pent, "post": post, "org": porg, "host": host, "sp": spec, "c": gc},
                       [("p", "affiliation", "org", post) if "{post}" in t else ("p", "affiliation", "org")]
                       + ([("p", "nationality", "c")] if "{c}" in t else []))
        elif r < 0.75:
            t = rng.choice((
                "{host} is affiliated to {univ} and is one of the leading centres for {sp} in {pl}.",
                "The Department of {spt} of {host}, part of {univ}, was founded in {year}.",
            ))
            b.sentence(t, {"host": host, "univ": univ, "sp": spec, "spt": spec_t, "pl": place,
                           "year": str(rng.randint(1950, 2015))},
                       [("host", "parentOrganization", "univ")] + ([("host", "specialty", "sp")] if "{sp}" in t else []))
        elif r < 0.85:
            q, qorg, qpost = world.person(rng)
            t = "{p}, {post} of {org}, and {q}, {qpost} of {qorg}, signed a cooperation agreement."
            b.sentence(t, {"p": pent, "post": post, "org": porg, "q": q, "qpost": qpost, "qorg": qorg},
                       [("p", "affiliation", "org", post), ("q", "affiliation", "qorg", qpost)])
        else:
            t = rng.choice(FILLERS)
            b.sentence(t, {"topic": rng.choice(TOPICS), "sp": spec, "host": host}, [])
        if rng.random() < 0.25:
            b.paragraph()
        if rng.random() < 0.3:
            b.sentence(rng.choice(FILLERS), {"topic": rng.choice(TOPICS), "sp": spec, "host": host}, [])
    stem = f"syn_{seed}_{i:07d}"
    ex = Extraction(article=Article(stem=stem, text="", title=title))
    text = b.text
    from medkg.ingest.readers import content_hash
    ex.article = Article(stem=stem, text=text, source=f"{stem}.txt", title=title, date=None,
                         content_hash=content_hash(text, title, None))
    ex.entities = b.entities
    ex.relations = b.relations
    ex.sentences = b.sentences
    return ex.article, ex


def article_file_text(article: Article, date: str | None = None) -> str:
    head = article.title + "\n"
    return head + "\n" + article.text + "\n"


_SECTIONS = ("News", "Departments", "Patients and visitors", "Research", "Education", "International",
             "Nursing", "Clinical trials", "Careers", "Contact us", "Press office", "Events calendar")


def article_page(article: Article, seed: int, i: int) -> str:
    """``article`` as a hospital news web page: head with scripts and styles, a menu,
    breadcrumbs, the article, related links, and a footer (what a saved page looks like;
    ~15-25 KB, most of it page chrome)."""
    import html
    rng = random.Random(f"page-{seed}-{i}")
    esc = html.escape
    menu = "".join(f'<li class="menu-item"><a href="/{s.lower().replace(" ", "-")}/{k}">{esc(s)} {k}</a></li>'
                   for s in _SECTIONS for k in range(rng.randint(6, 10)))
    related = "".join(f'<li><a href="/news/{rng.randint(1000, 9999)}">Related story {k}</a></li>'
                      for k in range(rng.randint(4, 8)))
    paras = "".join(f"<p>{esc(p)}</p>\n" for p in article.text.split("\n") if p.strip())
    script = "var tracking = {" + ", ".join(f'"k{k}": {rng.randint(0, 10**6)}' for k in range(60)) + "};"
    style = " ".join(f".c{k} {{ margin: {k}px; color: #{rng.randint(0, 0xffffff):06x}; }}" for k in range(80))
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{esc(article.title)} | News</title>'
            f'<meta property="og:title" content="{esc(article.title)}"><script>{script}</script>'
            f"<style>{style}</style></head>\n<body><header><div class=\"logo\">University Hospital</div>"
            f'<nav class="menu"><ul>{menu}</ul></nav></header>\n'
            f'<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/news">News</a></div>\n'
            f"<main><article><h1>{esc(article.title)}</h1>\n{paras}</article>\n"
            f'<aside><h2>Related</h2><ul>{related}</ul></aside></main>\n'
            f'<footer><ul>{menu}</ul><p>Copyright 2024 University Hospital. All rights reserved.</p></footer>'
            f"<script>console.log('page {i}');</script></body></html>\n")


def write_articles(out: str | Path, n: int, seed: int = 0, sentences=(8, 14), html: bool = False) -> list[Path]:
    """Write ``n`` article files into ``out`` (``.txt``, or ``.html`` pages of the same
    articles with ``html``); returns their paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    world = World(n, seed)
    paths = []
    for i in range(n):
        art, _ = make_article(world, seed, i, sentences)
        p = out / f"{art.stem}.{'html' if html else 'txt'}"
        p.write_text(article_page(art, seed, i) if html else article_file_text(art), encoding="utf-8")
        paths.append(p)
    return paths


def article_texts(n: int, seed: int = 0, sentences=(8, 14)) -> list[str]:
    """The bodies of ``n`` generated articles (for plain-spaCy baselines)."""
    world = World(n, seed)
    return [make_article(world, seed, i, sentences)[0].text for i in range(n)]


# ----------------------------------------------------------------------------- RDF output
def _nt_term(t) -> str:
    from rdflib import Literal, URIRef
    if isinstance(t, URIRef):
        return f"<{t}>"
    if isinstance(t, Literal):
        v = str(t).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        if t.language:
            return f'"{v}"@{t.language}'
        if t.datatype and str(t.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f'"{v}"^^<{t.datatype}>'
        return f'"{v}"'
    return f"_:{t}"


def article_nquads_rdfize(ex: Extraction) -> str:
    """The N-Quads of the article graph of ``ex`` made by medkg's own rdfize (slow, exact)."""
    from medkg.ingest.rdfize import to_triples
    g = f"<{graph_iri(ex.article.stem)}>"
    return "".join(f"{_nt_term(s)} {_nt_term(p)} {_nt_term(o)} {g} .\n" for s, p, o in to_triples(ex))


# Fast emitter: the same triples as medkg.ingest.rdfize.to_triples, written as strings
# (about 10x faster; tests/test_store_scale.py checks it still matches rdfize).
_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SDO = "https://schema.org/"
_PROV = "http://www.w3.org/ns/prov#"
_NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
_ORG = "http://www.w3.org/ns/org#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_OWL = "http://www.w3.org/2002/07/owl#"
_MKG = "https://w3id.org/medkg/ontology#"
_ID = "https://w3id.org/medkg/id/"
_TYPE_CLASS = {"Person": "Person", "Organization": "Organization", "Event": "Event",
               "Specialty": "MedicalSpecialty", "Country": "Country", "Place": "Place"}
_PRED = {"affiliation": _SDO + "affiliation", "nationality": _SDO + "nationality", "organizer": _SDO + "organizer",
         "attendee": _SDO + "attendee", "about": _SDO + "about", "participantCountry": _MKG + "participantCountry",
         "location": _SDO + "location", "parentOrganization": _SDO + "parentOrganization",
         "specialty": _SDO + "medicalSpecialty"}
_IRI_CACHE: dict = {}


def _esc(v: str) -> str:
    return v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def _lit(v: str, dt: str | None = None) -> str:
    return f'"{_esc(v)}"^^<{dt}>' if dt else f'"{_esc(v)}"'


def _conf(c: float) -> str:
    return str(round(float(c), 3))


def _date_lit(value: str) -> tuple[str, str]:
    if value.startswith("--"):
        return value, _XSD + "gMonthDay"
    if len(value) == 7:
        return value, _XSD + "gYearMonth"
    if len(value) == 4:
        return value, _XSD + "gYear"
    return value, _XSD + "date"


def article_nquads(ex: Extraction, extractor: str | None = None) -> str:
    """The N-Quads of the article graph medkg would write for ``ex`` (fast string emitter)."""
    import hashlib
    from medkg.ingest.rdfize import EXTRACTOR
    from medkg.ingest.rdfize import node_for
    from medkg.ontology import countries
    from medkg.ontology.namespaces import article_iri
    art = ex.article
    text = art.text
    a = str(article_iri(art.stem))
    out: set[tuple[str, str, str]] = set()
    add = out.add
    A = f"<{a}>"

    def u(x):
        return f"<{x}>"

    add((A, u(_RDF + "type"), u(_SDO + "NewsArticle")))
    add((A, u(_RDF + "type"), u(_PROV + "Entity")))
    add((A, u(_RDF + "type"), u(_NIF + "Context")))
    add((A, u(_SDO + "identifier"), _lit(art.stem)))
    add((A, u(_MKG + "contentHash"), _lit(art.content_hash)))
    add((A, u(_MKG + "extractor"), _lit(extractor or EXTRACTOR)))
    if art.title:
        add((A, u(_SDO + "headline"), _lit(art.title)))
        add((A, u(_SDO + "name"), _lit(art.title)))
    if art.date:
        add((A, u(_SDO + "datePublished"), _lit(*_date_lit(art.date))))
    if art.url:
        add((A, u(_SDO + "url"), _lit(art.url, _XSD + "anyURI")))
    if art.source:
        add((A, u(_MKG + "sourcePath"), _lit(art.source)))
    add((A, u(_SDO + "wordCount"), _lit(str(len(text.split())), _XSD + "integer")))

    def span_node(span: Span, cls: str) -> str:
        n = f"<{a}#char={span.start},{span.end}>"
        add((n, u(_RDF + "type"), u(cls)))
        add((n, u(_RDF + "type"), u(_NIF + "String")))
        add((n, u(_NIF + "beginIndex"), _lit(str(span.start), _XSD + "nonNegativeInteger")))
        add((n, u(_NIF + "endIndex"), _lit(str(span.end), _XSD + "nonNegativeInteger")))
        add((n, u(_NIF + "anchorOf"), _lit(text[span.start:span.end])))
        add((n, u(_NIF + "referenceContext"), A))
        return n

    def fact(s_iri: str, p_iri: str, o_val: str, o_nt: str, evidence, confidence) -> None:
        h = hashlib.sha1("\x1f".join((art.stem, s_iri, p_iri, o_val)).encode("utf-8")).hexdigest()[:16]
        f = f"<{_ID}fact/{h}>"
        add((f, u(_RDF + "type"), u(_RDF + "Statement")))
        add((f, u(_RDF + "type"), u(_MKG + "Fact")))
        add((f, u(_RDF + "subject"), u(s_iri)))
        add((f, u(_RDF + "predicate"), u(p_iri)))
        add((f, u(_RDF + "object"), o_nt))
        add((f, u(_PROV + "wasQuotedFrom"), A))
        add((f, u(_MKG + "confidence"), _lit(_conf(confidence), _XSD + "decimal")))
        if evidence is not None:
            add((f, u(_PROV + "wasDerivedFrom"), span_node(evidence, _NIF + "Sentence")))
        return f

    nodes = {}
    for key, e in ex.entities.items():
        ck = (e.type, e.name, e.concept)
        n = _IRI_CACHE.get(ck)
        if n is None:
            n = _IRI_CACHE[ck] = str(node_for(e))
        nodes[key] = n
        N = u(n)
        add((N, u(_RDF + "type"), u(_SDO + _TYPE_CLASS[e.type])))
        for sub in e.subtypes:
            add((N, u(_RDF + "type"), u(_SDO + sub)))
        add((N, u(_SDO + "name"), _lit(e.name)))
        add((N, u(_RDFS + "label"), _lit(e.name)))
        for alias in sorted(e.aliases - {e.name}):
            add((N, u(_SDO + "alternateName"), _lit(alias)))
        if e.type == "Specialty" and e.concept:
            add((N, u(_RDF + "type"), u(_SKOS + "Concept")))
        if e.type == "Country" and e.concept:
            add((N, u(_MKG + "countryCode"), _lit(e.concept)))
            qid = countries.wikidata_id(e.concept)
            if qid:
                add((N, u(_OWL + "sameAs"), u("http://www.wikidata.org/entity/" + qid)))
        add((A, u(_SDO + "mentions"), N))
        conf = _lit(_conf(e.confidence), _XSD + "decimal")
        for m in e.mentions:
            mn = span_node(m, _NIF + "Phrase")
            add((mn, u(_NIF + "taIdentRef"), N))
            add((mn, u(_MKG + "confidence"), conf))
        for attr, pred in (("date", "startDate"), ("end_date", "endDate")):
            v = getattr(e, attr)
            if v:
                lit = _lit(*_date_lit(v))
                add((N, u(_SDO + pred), lit))
                fact(n, _SDO + pred, v, lit, e.evidence.get(attr), e.confidence)
        for ckey, value in sorted(e.counts.items()):
            lit = _lit(str(int(value)), _XSD + "integer")
            add((N, u(_MKG + ckey), lit))
            fact(n, _MKG + ckey, str(int(value)), lit, e.evidence.get(ckey), e.confidence)

    for r in ex.relations:
        s, o = nodes.get(r.subject), nodes.get(r.object)
        if s is None or o is None:
            continue
        p = _PRED[r.predicate]
        add((u(s), u(p), u(o)))
        f = fact(s, p, o, u(o), r.evidence, r.confidence)
        if r.predicate == "affiliation" and r.title:
            from medkg.ontology.namespaces import slug
            mh = hashlib.sha1("\x1f".join((s, o, r.title.lower())).encode("utf-8")).hexdigest()[:16]
            m = f"<{_ID}membership/{mh}>"
            role = f"<{_ID}role/{slug(r.title)}>"
            add((m, u(_RDF + "type"), u(_ORG + "Membership")))
            add((m, u(_ORG + "member"), u(s)))
            add((m, u(_ORG + "organization"), u(o)))
            add((m, u(_ORG + "role"), role))
            add((m, u(_MKG + "roleTitle"), _lit(r.title)))
            add((m, u(_PROV + "wasDerivedFrom"), f))
            add((role, u(_RDF + "type"), u(_ORG + "Role")))
            add((role, u(_RDFS + "label"), _lit(r.title.lower())))
    g = f"<{graph_iri(art.stem)}>"
    return "".join(f"{s} {p} {o} {g} .\n" for s, p, o in out)


def shape_check(n: int = 20, seed: int = 0) -> tuple[int, int, int]:
    """Compare the fast emitter with rdfize on ``n`` articles: (common, only_fast, only_rdfize) quads."""
    world = World(max(n, 100), seed)
    fast, ref = set(), set()
    for i in range(n):
        ex = make_article(world, seed, i)[1]
        fast.update(article_nquads(ex).splitlines())
        ref.update(article_nquads_rdfize(ex).splitlines())
    return len(fast & ref), len(fast - ref), len(ref - fast)


_WORLD: World | None = None


def _graph_chunk(args) -> bytes:
    n, seed, start, stop, sentences = args
    global _WORLD
    if _WORLD is None:
        _WORLD = World(n, seed)
    return "".join(article_nquads(make_article(_WORLD, seed, i, sentences)[1])
                   for i in range(start, stop)).encode("utf-8")


def write_graph(out: str | Path, n: int, seed: int = 0, workers: int | None = None,
                sentences=(8, 14), progress: bool = False) -> int:
    """Write the N-Quads of ``n`` generated articles to ``out``; returns bytes written."""
    out = Path(out)
    workers = workers or os.cpu_count() or 1
    step = 200
    jobs = [(n, seed, s, min(n, s + step), sentences) for s in range(0, n, step)]
    tmp = out.with_name(out.name + ".part")
    written = 0
    with open(tmp, "wb") as fh:
        if workers <= 1 or n <= step:
            chunks = map(_graph_chunk, jobs)
            pool = None
        else:
            ctx = mp.get_context("fork")
            pool = ctx.Pool(workers)
            chunks = pool.imap(_graph_chunk, jobs)
        try:
            for k, data in enumerate(chunks):
                fh.write(data)
                written += len(data)
                if progress and k % 50 == 0:
                    print(f"  {min(n, (k + 1) * step)}/{n} articles", file=sys.stderr, flush=True)
        finally:
            if pool is not None:
                pool.close()
                pool.join()
    os.replace(tmp, out)
    return written


def cached_graph(cache_dir: str | Path, n: int, seed: int = 0, progress: bool = False,
                 sentences=(3, 6)) -> Path:
    """The N-Quads file for ``(n, seed)`` in ``cache_dir``, generated on first use."""
    from medkg import __version__
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"graph_n{n}_s{seed}_{sentences[0]}-{sentences[1]}_v{__version__}_{GENERATOR_VERSION}.nq"
    if not path.exists():
        write_graph(path, n, seed, progress=progress, sentences=sentences)
    return path


GENERATOR_VERSION = "g1"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    a = sub.add_parser("articles", help="write article .txt files (or .html pages)")
    a.add_argument("-n", type=int, required=True)
    a.add_argument("-o", "--out", required=True)
    a.add_argument("--seed", type=int, default=0)
    a.add_argument("--html", action="store_true", help="hospital news web pages instead of plain text")
    g = sub.add_parser("graph", help="write the N-Quads of generated articles")
    g.add_argument("-n", type=int, required=True)
    g.add_argument("-o", "--out", required=True)
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("--workers", type=int, default=None)
    args = ap.parse_args(argv)
    t = time.perf_counter()
    if args.what == "articles":
        paths = write_articles(args.out, args.n, args.seed, html=args.html)
        print(f"wrote {len(paths)} articles to {args.out} in {time.perf_counter() - t:.1f} s")
    else:
        size = write_graph(args.out, args.n, args.seed, workers=args.workers, progress=True)
        print(f"wrote {args.out} ({size / 1e6:.1f} MB) in {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
