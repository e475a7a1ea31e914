"""Date expressions: recognition, ranges, validation and the year fallback chain."""

from __future__ import annotations

import pytest

from medkg.ingest.dates import find_dates, resolve


@pytest.mark.parametrize("text, article_date, want", [
    ("The forum was held on August 24, 2024 in Xiamen.", None, ("2024-08-24", None)),
    ("On the morning of March 30, the project was launched.", None, ("--03-30", None)),
    ("On March 6, the department held the course.", "2024-03-08", ("2024-03-06", None)),
    ("The 2023 congress opened on 12 May.", "2024-01-01", ("2023-05-12", None)),   # sentence year first
    ("The workshop ran from 6 to 8 May 2022.", None, ("2022-05-06", "2022-05-08")),
    ("It took place on March 6-8, 2024.", None, ("2024-03-06", "2024-03-08")),
    ("Posted 2024-02-29: the clinic opened.", None, ("2024-02-29", None)),
    ("It opened on February 29.", "2023-05-01", ("--02-29", None)),                # no 29 Feb in 2023
])
def test_resolve(text, article_date, want):
    dms = find_dates(text)
    assert dms, text
    assert resolve(dms[0], text, article_date) == want


@pytest.mark.parametrize("text", [
    "Experts may 10 times review the cases.",
    "The 42nd workshop trained 1,000 doctors in 20 years.",
    "It was founded on February 30.",
])
def test_not_dates(text):
    assert find_dates(text) == []


def _event_dates(text: str) -> set[str]:
    from medkg.ingest.pipeline import extract_text
    from rdflib.namespace import RDF
    from medkg.ontology.namespaces import SDO
    g = extract_text(text, "dl")
    return {str(g.value(e, SDO.startDate)) for e in g.subjects(RDF.type, SDO.Event)}


def test_caps_dateline_date_yields_to_the_events_own_date():
    # the dateline says when the report was filed; the event was held earlier that week
    text = ("Lakeside hosts burn care course\n\nNORTHPORT, Valdoria, 14 May 2023 - The 2nd Course on Burn Care "
            "concluded on Friday at Lakeside Hospital. The course, held from 8 to 12 May, was organized by "
            "the Department of Burns.\n")
    assert _event_dates(text) == {"2023-05-08"}


def test_caps_dateline_gives_the_year_to_a_yearless_event_date():
    text = ("Symposium on neonatal care\n\nWESTHAVEN, Valdoria, 30 June 2022 - The Department of Neonatology of "
            "Lakeside Hospital hosted the 3rd Symposium on Neonatal Care in Westhaven on 27 and 28 June.\n")
    assert _event_dates(text) == {"2022-06-27"}


@pytest.mark.parametrize("dateline", ["Port Aldin, 21 May 2023 – ", "PORT ALDIN, Wessex (May 21, 2023) – "])
def test_title_case_and_bracketed_datelines_yield_to_the_events_own_date(dateline):
    # a dateline in title case, or with its date in brackets (US press releases), is the filing date too
    text = ("Lakeside course on burn care\n\n" + dateline + "Lakeside Hospital concluded the 2nd Course on "
            "Burn Care, held from 15th to 17th May at its Skills Centre.\n")
    assert _event_dates(text) == {"2023-05-15"}


def _dates_by_event(text: str) -> dict[str, str | None]:
    from medkg.ingest.pipeline import extract_text
    from rdflib.namespace import RDF
    from medkg.ontology.namespaces import SDO
    g = extract_text(text, "fut")
    return {str(g.value(e, SDO.name)): (str(g.value(e, SDO.startDate)) if g.value(e, SDO.startDate) else None)
            for e in g.subjects(RDF.type, SDO.Event)}


@pytest.mark.parametrize("plan", [
    "The 4th workshop will be held on May 5, 2025 in Riga.",
    "The organizers plan to hold the next workshop on 10 June 2025 in Riga.",
    "The next edition is scheduled to open on 10 June 2025 in Riga.",
])
def test_a_planned_event_does_not_date_the_reported_one(plan):
    # the reported workshop is dated by its own sentence, a plan for a later one must not win
    text = ("Silverbrook Hospital hosts rehabilitation workshop\n\nThe Silverbrook Workshop on Cardiac "
            "Rehabilitation attracted 150 physiotherapists to Silverbrook Hospital in Tartu on April 22, 2024.\n\n"
            + plan + "\n")
    assert _dates_by_event(text) == {"Silverbrook Workshop on Cardiac Rehabilitation": "2024-04-22"}


def test_a_plan_alone_leaves_the_reported_event_undated():
    text = ("Silverbrook Hospital hosts rehabilitation workshop\n\nThe Silverbrook Workshop on Cardiac "
            "Rehabilitation was held at Silverbrook Hospital in Tartu. More than 150 physiotherapists attended "
            "the workshop.\n\nThe organizers plan to hold the next workshop on 10 June 2025 in Riga.\n")
    assert _dates_by_event(text) == {"Silverbrook Workshop on Cardiac Rehabilitation": None}


def test_an_announced_event_keeps_its_own_planned_date():
    text = ("Silverbrook Hospital to host hand surgery forum\n\nSilverbrook Hospital will host the 2nd Silverbrook "
            "Forum on Hand Surgery on May 5, 2025 in Tartu. About 200 surgeons are expected to attend.\n")
    assert _dates_by_event(text) == {"2nd Silverbrook Forum on Hand Surgery": "2025-05-05"}


@pytest.mark.parametrize("header", ["2023-11-21", "Date: 2023-11-21", "Release time: 2023-11-21 09:30",
                                    "Posted on 21 November 2023"])
def test_the_page_date_header_does_not_date_the_event(header):
    # the header says when the page was posted; the event's own date is in the body
    # (a long title line runs on into the header line below it)
    text = (f"The 2nd Northgate International Forum on Pediatric Urology and Andrology Held in Kaunas\n{header}\n\n"
            "KAUNAS, November 21 -- "
            "The 2nd Northgate International Forum on Pediatric Urology and Andrology was held from 17 to 18 "
            "November in Kaunas. It was organized by Northgate Children's Hospital.\n")
    from rdflib import Graph
    from rdflib.namespace import RDF
    from medkg.ingest.pipeline import extract_article
    from medkg.ingest.readers import make_article
    from medkg.ontology.namespaces import SDO
    art = make_article("hdr", text, "hdr.txt")
    assert art.date == "2023-11-21"
    g = Graph()
    for t in extract_article(art):
        g.add(t)
    assert {str(g.value(e, SDO.startDate)) for e in g.subjects(RDF.type, SDO.Event)} == {"2023-11-17"}


@pytest.mark.parametrize("visit", [
    "On May 12, a seven-member delegation led by Prof. Ilse Brandt, Dean of the Faculty of Medicine of "
    "Westerdam University, visited Korsholm University Hospital.",
    "A seven-member delegation led by Prof. Ilse Brandt, Dean of the Faculty of Medicine of Westerdam "
    "University, visited Korsholm University Hospital on 12 May.",
])
def test_a_visit_is_dated_by_the_sentence_that_tells_it(visit):
    # the article also names the agreement signed during the visit: the visit still takes its date
    text = ("Westerdam University Delegation Visits Korsholm University Hospital\nDate: 2024-05-14\n\n" + visit +
            " Dr. Henrik Aalto, President of Korsholm University Hospital, received the delegation.\n\n"
            "The two sides signed a memorandum of understanding on resident exchange.\n")
    from rdflib import Graph
    from rdflib.namespace import RDF
    from medkg.ingest.pipeline import extract_article
    from medkg.ingest.readers import make_article
    from medkg.ontology.namespaces import SDO
    g = Graph()
    for t in extract_article(make_article("visit", text, "visit.txt")):
        g.add(t)
    dates = {str(g.value(e, SDO.name)): g.value(e, SDO.startDate) for e in g.subjects(RDF.type, SDO.Event)}
    visits = {n: str(d) for n, d in dates.items() if n.startswith("Visit")}
    assert list(visits.values()) == ["2024-05-12"], dates
    assert all(d is None for n, d in dates.items() if not n.startswith("Visit")), dates


def test_weekday_before_the_second_day_of_a_range():
    dms = find_dates("The course ran on Tuesday 8th and Wednesday 9th October.")
    assert resolve(dms[0], "", "2025-10-10") == ("2025-10-08", "2025-10-09")


def test_header_dates_day_first_place_dateline_and_weekday_label():
    from medkg.ingest.readers import header_metadata
    body = "\n\nA long first paragraph of the article that tells what happened at the hospital, and more.\n"
    assert header_metadata("Some title here\nPublished on 23/04/2025" + body)[1] == "2025-04-23"
    assert header_metadata("Some title here\nPublished on 05/04/2025" + body)[1] is None   # day or month?
    assert header_metadata("Some title here\nTanta, Monday 3 February 2025" + body)[1] == "2025-02-03"
    assert header_metadata("Some title here\nPosted on: Friday 7th March 2025" + body)[1] == "2025-03-07"


def test_today_dates_a_report_by_its_page_date():
    from medkg.ingest.pipeline import extract_text
    from medkg.ontology.namespaces import SDO
    g = extract_text("Belvue General Hospital received today a delegation from Orsay Medical School, headed by "
                     "Prof. Anne Roux.\n", stem="today", date="2025-02-03")
    assert {str(o) for o in g.objects(None, SDO.startDate)} == {"2025-02-03"}


def test_an_event_later_in_the_day_takes_the_date_told_before():
    from medkg.ingest.pipeline import extract_text
    from medkg.ontology.namespaces import SDO
    g = extract_text(
        "On Thursday, 9 May 2024, Arden Valley Hospital received a delegation from Sinai Coast Medical Centre "
        "in Dahab, Egypt.\n"
        "Later in the day, the two hospitals signed a memorandum of understanding on nursing education.\n"
        "The next visit is planned for 2025.\n", stem="laterday")
    dates = {str(n): str(d) for e, d in g.subject_objects(SDO.startDate) for n in g.objects(e, SDO.name)}
    sign = [n for n in dates if n.lower().startswith("signing")]
    assert sign and dates[sign[0]] == "2024-05-09", dates


def test_a_header_line_that_starts_with_the_page_date_and_goes_on_with_other_fields():
    from medkg.ingest.dates import in_header_line
    from medkg.ingest.pipeline import extract_text
    from medkg.ingest.readers import header_metadata
    from medkg.ontology.namespaces import SDO
    text = ("Delegation of Marlow Institute Visits Our Hospital\n"
            "2023-04-21 | Source: International Office | Views: 87\n\n"
            "On the afternoon of April 19, a delegation from Marlow Institute of Health in Leeds visited Pinecrest "
            "Hospital in Guilin. Prof. Ann Hale, Dean of Marlow Institute of Health, led the delegation.\n")
    assert header_metadata(text)[1] == "2023-04-21"
    at = text.index("2023-04-21")
    assert in_header_line(text, at, at + 10)
    g = extract_text(text, stem="datefields", date=header_metadata(text)[1])
    assert {str(o) for o in g.objects(None, SDO.startDate)} == {"2023-04-19"}


def test_a_signing_at_the_end_of_the_visit_takes_the_visit_date():
    from medkg.ingest.pipeline import extract_text
    from medkg.ontology.namespaces import SDO
    g = extract_text(
        "On Monday, 16 June 2025, Tarn Valley Hospital received a delegation from Oasis University Hospital "
        "in Siwa, Egypt.\n"
        "The guests toured the emergency department.\n"
        "At the end of the visit, Dr. Paul Mercier and Dr. Samir Nabil signed a memorandum of understanding "
        "between Tarn Valley Hospital and Oasis University Hospital.\n", stem="endofvisit")
    dates = {str(n): str(d) for e, d in g.subject_objects(SDO.startDate) for n in g.objects(e, SDO.name)}
    sign = [n for n in dates if n.lower().startswith("signing")]
    assert sign and dates[sign[0]] == "2025-06-16", dates


def test_a_signing_right_after_the_meeting_takes_the_meetings_date():
    from medkg.ingest.pipeline import extract_text
    from medkg.ontology.namespaces import SDO
    g = extract_text(
        "On 14 March 2025, a delegation from Orsay Medical School visited Belvue General Hospital and held "
        "talks with the hospital's leaders.\n\n"
        "The two sides exchanged views on nursing education.\n\n"
        "After the meeting, Prof. Anne Roux and Dr. Li Fang signed a memorandum of understanding between "
        "Orsay Medical School and Belvue General Hospital.\n", stem="aftermeeting")
    dates = {str(n): str(d) for e, d in g.subject_objects(SDO.startDate) for n in g.objects(e, SDO.name)}
    sign = [n for n in dates if n.lower().startswith("signing")]
    assert sign and dates[sign[0]] == "2025-03-14", dates


def test_the_dates_of_a_guests_visit_date_the_lectures_she_gave():
    from medkg.ingest.pipeline import extract_text
    from medkg.ontology.namespaces import SDO
    g = extract_text(
        "BOSTON (May 20, 2025) – Dr. Anne Roux, professor of neurosurgery at Orsay Medical School, spent three "
        "days at Belvue General Hospital last week as the speaker of the 2025 Hale Lectures in Neurosurgery.\n\n"
        "During her visit, May 12-14, Roux delivered grand rounds on skull base surgery.\n", stem="duringvisit")
    dates = {str(n): str(d) for e, d in g.subject_objects(SDO.startDate) for n in g.objects(e, SDO.name)}
    lectures = [n for n in dates if n.startswith("2025 Hale Lectures")]
    assert lectures and dates[lectures[0]] == "2025-05-12", dates


def test_a_course_is_dated_by_its_launch_not_by_its_closing_ceremony():
    from medkg.ingest.pipeline import extract_text
    from medkg.ontology.namespaces import SDO
    g = extract_text(
        "On the afternoon of June 20, 2025, the closing ceremony of the 3rd International Training Course on "
        "Pediatric Surgery was held at Kestrel Children's Hospital.\n\n"
        "Dr. Ada Lane congratulated the trainees. She said that since the training course was launched on May 30, "
        "the trainees had studied neonatal surgery and pediatric urology.\n", stem="launchdate",
        date="2025-06-21")
    dates = {str(n): str(d) for e, d in g.subject_objects(SDO.startDate) for n in g.objects(e, SDO.name)}
    assert dates.get("3rd International Training Course on Pediatric Surgery") == "2025-05-30", dates


def test_an_event_told_following_the_ceremony_takes_its_date():
    # "Following the ceremony, P gave the X Lecture": the same day as the ceremony told before
    dates = _dates_by_event(
        "On May 14, 2024, the appointment ceremony of Dr. Ines Roth as Visiting Professor of Harwick Hospital "
        "was held at the hospital. Following the ceremony, Dr. Roth gave the 3rd Harwick Lecture on Cardiology.\n")
    assert dates.get("3rd Harwick Lecture on Cardiology") == "2024-05-14", dates


def test_the_date_of_a_list_label_is_the_date_of_the_event_on_its_line():
    # a profile's dated list of past exchanges: "DATE: ORG held EVENT" (the parser cuts the label off as a
    # sentence of its own)
    dates = _dates_by_event(
        "Past exchanges\n"
        "2016: Dr. Lars Vik, Head of the department, completed a visiting scholarship in Oslo.\n"
        "3 March 2018: The department and Osterby Hospital jointly held the 2nd Nordic Symposium on Nephrology "
        "in Tromso. Prof. Eva Lund gave the keynote lecture.\n")
    assert dates.get("2nd Nordic Symposium on Nephrology") == "2018-03-03", dates


def test_a_sentence_never_starts_after_a_comma_on_its_line():
    # after a headline and a header line the small model cut "On the afternoon of May 9th, | the
    # inauguration ceremony of X was held", so the date and the event fell in two sentences
    text = ("Sino-Peruvian Joint Research Center for Digestive Oncology Inaugurated at Our Hospital\n"
            "Release time: 2025-03-07 16:20 Source: Research Office Views: 932\n\n"
            "On the afternoon of May 9th, the inauguration ceremony of the Sino-Peruvian Joint Research "
            "Center for Digestive Oncology was held at Cove Cancer Hospital (the Cancer Hospital Affiliated to "
            "Cove Medical University) in Lima.\n")
    assert "--05-09" in _event_dates(text)


def test_a_page_date_line_followed_by_a_source_label_without_a_bar():
    from medkg.ingest.dates import in_header_line
    from medkg.ingest.pipeline import extract_text
    from medkg.ingest.readers import header_metadata
    from medkg.ontology.namespaces import SDO
    text = ("3rd Harbour Forum on Wound Care Held Online and Offline\n"
            "2025-05-04   Source: Department of Surgery\n\n"
            "On May 2, 2025, the 3rd Harbour Forum on Wound Care was held at Halden Hospital in Bergen.\n")
    at = text.index("2025-05-04")
    assert in_header_line(text, at, at + 10)
    g = extract_text(text, stem="sourcelabel", date=header_metadata(text)[1])
    assert {str(o) for o in g.objects(None, SDO.startDate)} == {"2025-05-02"}


def test_a_numeric_date_after_its_weekday_is_read_day_or_month_first_by_the_weekday():
    from medkg.ingest.dates import find_dates
    # 9 October 2024 was a Wednesday (10 September a Tuesday); 5 June 2024 a Wednesday, 6 May a Monday
    d = find_dates("Solo, Wednesday (9/10/2024) – The hospital received guests.")
    assert [(x.year, x.month, x.day) for x in d] == [(2024, 10, 9)], d
    d = find_dates("Monday, 5/6/2024: the delegation arrived.")
    assert [(x.year, x.month, x.day) for x in d] == [(2024, 5, 6)], d
    # no weekday, or one that fits neither reading: not read
    assert find_dates("Ref. 9/10/2024 of the hospital") == []
    assert find_dates("Sunday (9/10/2024)") == []


def test_a_title_case_dateline_with_a_weekday_and_a_bracketed_numeric_date_dates_the_visit():
    from medkg.ingest.pipeline import extract_text
    from medkg.ontology.namespaces import SDO
    text = ("Hospital receives Thai delegation\n\n"
            "Surakarta, Thursday (14/11/2024) – Bengawan General Hospital received a delegation from the Chiang Rai "
            "Nursing College, led by Dr. Somchai Wong, Dean of the college.\n")
    g = extract_text(text, "wdl")
    dates = {str(o) for o in g.objects(None, SDO.startDate)}
    assert "2024-11-14" in dates, dates


def test_dotted_numeric_page_date_is_day_first():
    # "Published: 10.06.2025": dots separate a day-first date (European form), even when the day could be
    # a month; a slashed "05/06/2025" stays unread
    from medkg.ingest.readers import header_metadata
    body = "\n\nThe congress was held on 4 June in Brno. More than 200 doctors from five countries attended it."
    assert header_metadata("Danube Medical School\nPublished: 10.06.2025 | Author: Press Office" + body)[1] \
        == "2025-06-10"
    assert header_metadata("Danube Medical School\nPublished: 05/06/2025 | Author: Press Office" + body)[1] is None
