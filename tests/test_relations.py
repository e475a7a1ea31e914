"""Relations, event dates and counts, through the public API on invented articles.

Every text here is made up (names of people, events and most bodies are invented or generic);
the assertions are on the schema.org triples of the graph ``extract_text`` returns.
"""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from medkg.ingest.pipeline import extract_text
from medkg.ontology.namespaces import MKG, ORG, SDO

SYMPOSIUM = """\
The 5th International Symposium on Cardiac Surgery held at Lakeside Hospital

On May 18, 2023, the 5th International Symposium on Cardiac Surgery was held at Lakeside Hospital \
of Central South University in Changsha. The symposium was hosted by the Department of Cardiovascular \
Surgery of Lakeside Hospital and co-organized by the Hunan Medical Association. More than 300 experts \
from 12 countries, including the United States, Germany and Japan, attended the meeting.

Professor John Smith, President of the European Association for Cardio-Thoracic Surgery, delivered a \
keynote speech. Dr. Maria Rossi from Italy gave a lecture on minimally invasive valve surgery. \
Zhang Wei, Dean of Lakeside Hospital, presided over the opening ceremony.

"We are honored to host this event," said Li Ming, Director of the Department of Cardiovascular Surgery.
"""

ANNUAL_MEETING = """\
On November 3, the Annual Meeting of the Pediatric Surgery Committee of the Guangdong Medical \
Association was held in Guangzhou. Nearly 200 pediatric surgeons attended the conference.

Riverside Hospital is affiliated to Eastern Jiao Tong University School of Medicine. Prof. Chen Jie, \
vice president of Eastern Jiao Tong University and president of Riverside Hospital, presided over the \
meeting. Dr. Ahmed Khan from Pakistan made a report on neonatal surgery.
"""

TRAINING = """\
On September 9, the 3rd Advanced Training Course on Endoscopic Ultrasound, organized by the Digestive \
Endoscopy Center of Renhe Hospital, opened in Shanghai. Sixteen doctors from Nepal, Pakistan and Ghana \
took part in the two-week course.

Professor Liu Yang, Director of the Digestive Endoscopy Center, chaired the opening ceremony.
"""

WORKSHOP = """\
On 15 October 2022, the Sunrise Workshop on Pediatric Cardiology opened at Harborview Children's Hospital. \
Attending the workshop were Professor Alan Reed of Northfield University and Dr. Kofi Mensah (Ghana). \
The workshop trained 12 foreign trainees and 8 trainees from China.

At the opening ceremony, Professor Sun Ping, President of Harborview Children's Hospital, congratulated the \
trainees. In her speech, Professor Mei Lan, Director of the Heart Center, thanked the guests.

"The workshop fills a gap," said Wu Yan, a nurse at Harborview Children's Hospital.
"""

PROFILE = """\
Department of Neurology

The Department of Neurology of Hillside Hospital is one of the earliest neurology departments in Wuhan. \
The department has 120 beds and 45 doctors. Professor Sun Li is the director of the department.
"""


def node(g, name: str) -> URIRef:
    found = {s for s in g.subjects(SDO.name, Literal(name))}
    assert found, f"no node named {name!r}; names: {sorted(str(o) for o in g.objects(None, SDO.name))}"
    return found.pop()


def event(g) -> URIRef:
    evs = set(g.subjects(RDF.type, SDO.Event))
    assert len(evs) == 1, evs
    return evs.pop()


def participant_countries(g) -> set[str]:
    """Names of the participant countries of the one event of ``g``."""
    return {str(n) for o in g.objects(event(g), MKG.participantCountry) for n in g.objects(o, SDO.name)}


@pytest.fixture(scope="module")
def symposium():
    return extract_text(SYMPOSIUM, stem="symposium")


@pytest.fixture(scope="module")
def annual():
    return extract_text(ANNUAL_MEETING, stem="annual")


@pytest.fixture(scope="module")
def training():
    return extract_text(TRAINING, stem="training", date="2024-09-12")


@pytest.fixture(scope="module")
def workshop():
    return extract_text(WORKSHOP, stem="workshop")


@pytest.fixture(scope="module")
def profile():
    return extract_text(PROFILE, stem="profile")


# ---------------------------------------------------------------- people
def test_affiliation_with_post_becomes_membership(symposium):
    g = symposium
    smith = node(g, "John Smith")
    eacts = node(g, "European Association for Cardio-Thoracic Surgery")
    assert (smith, SDO.affiliation, eacts) in g
    roles = {str(t) for m in g.subjects(ORG.member, smith) for t in g.objects(m, MKG.roleTitle)}
    assert "President" in roles
    assert (node(g, "Zhang Wei"), SDO.affiliation, node(g, "Lakeside Hospital")) in g


def test_two_posts_in_one_apposition(annual):
    g = annual
    chen = node(g, "Chen Jie")
    assert (chen, SDO.affiliation, node(g, "Eastern Jiao Tong University")) in g
    assert (chen, SDO.affiliation, node(g, "Riverside Hospital")) in g


def test_affiliation_stated_with_a_copula(profile):
    g = profile
    assert (node(g, "Sun Li"), SDO.affiliation, node(g, "Department of Neurology")) in g


def test_nationality_from_country(symposium, annual):
    assert (node(symposium, "Maria Rossi"), SDO.nationality, node(symposium, "Italy")) in symposium
    assert (node(annual, "Ahmed Khan"), SDO.nationality, node(annual, "Pakistan")) in annual
    # an official's nationality is not stated
    assert not list(symposium.objects(node(symposium, "Zhang Wei"), SDO.nationality))


def test_attendees_are_speakers_and_chairs(symposium, training):
    ev = event(symposium)
    for name in ("John Smith", "Maria Rossi", "Zhang Wei"):
        assert (ev, SDO.attendee, node(symposium, name)) in symposium, name
    assert (event(training), SDO.attendee, node(training, "Liu Yang")) in training


def test_attendees_listed_after_attending_and_at_the_ceremony(workshop):
    g, ev = workshop, event(workshop)
    for name in ("Alan Reed", "Kofi Mensah", "Sun Ping", "Mei Lan"):
        assert (ev, SDO.attendee, node(g, name)) in g, name
    assert (node(g, "Kofi Mensah"), SDO.nationality, node(g, "Ghana")) in g
    assert (event(g), SDO.attendee, node(g, "Wu Yan")) not in g
    roles = {str(t) for m in g.subjects(ORG.member, node(g, "Wu Yan")) for t in g.objects(m, MKG.roleTitle)}
    assert roles == {"nurse"}


def test_quoted_only_person_is_not_an_attendee(symposium):
    li = node(symposium, "Li Ming")
    assert (event(symposium), SDO.attendee, li) not in symposium
    # ... but the post stated in the same sentence is kept
    assert (li, SDO.affiliation, node(symposium, "Department of Cardiovascular Surgery")) in symposium


# ---------------------------------------------------------------- events
def test_organizers_passive_and_co_organized(symposium):
    g, ev = symposium, event(symposium)
    assert (ev, SDO.organizer, node(g, "Department of Cardiovascular Surgery")) in g
    assert (ev, SDO.organizer, node(g, "Hunan Medical Association")) in g
    # the parent of the hosting department is not an organizer
    assert (ev, SDO.organizer, node(g, "Central South University")) not in g


def test_annual_meeting_of_a_committee_is_organized_by_it(annual):
    g = annual
    committee = next(s for s in g.subjects(RDF.type, SDO.Organization)
                     if "Pediatric Surgery Committee" in str(g.value(s, SDO.name)))
    assert (event(g), SDO.organizer, committee) in g


def test_location_venue_and_city(symposium, annual):
    ev = event(symposium)
    assert (ev, SDO.location, node(symposium, "Lakeside Hospital")) in symposium
    assert (ev, SDO.location, node(symposium, "Changsha")) in symposium
    assert (event(annual), SDO.location, node(annual, "Guangzhou")) in annual


def test_about_from_event_name(symposium, training):
    assert (event(symposium), SDO.about, node(symposium, "cardiac surgery")) in symposium
    assert (event(training), SDO.about, node(training, "endoscopic ultrasound")) in training


def test_participant_countries(symposium, training):
    ev = event(symposium)
    for c in ("United States", "Germany", "Japan"):
        assert (ev, MKG.participantCountry, node(symposium, c)) in symposium, c
    for c in ("Nepal", "Pakistan", "Ghana"):
        assert (event(training), MKG.participantCountry, node(training, c)) in training, c


# ---------------------------------------------------------------- organizations
def test_parent_organization_from_affiliated_to(annual):
    g = annual
    assert (node(g, "Riverside Hospital"), SDO.parentOrganization,
            node(g, "Eastern Jiao Tong University School of Medicine")) in g


def test_specialty_read_off_the_name(symposium):
    g = symposium
    assert (node(g, "Department of Cardiovascular Surgery"), SDO.medicalSpecialty,
            node(g, "cardiovascular surgery")) in g


def test_organization_location_where_stated(profile):
    g = profile
    assert (node(g, "Department of Neurology"), SDO.location, node(g, "Wuhan")) in g


# ---------------------------------------------------------------- dates and counts
def test_date_with_year_in_the_sentence(symposium):
    assert symposium.value(event(symposium), SDO.startDate) == Literal("2023-05-18", datatype=XSD.date)


def test_date_without_year_is_a_month_day(annual):
    assert annual.value(event(annual), SDO.startDate) == Literal("--11-03", datatype=XSD.gMonthDay)


def test_date_takes_the_dateline_year(training):
    assert training.value(event(training), SDO.startDate) == Literal("2024-09-09", datatype=XSD.date)


def test_date_fact_has_sentence_evidence(training):
    g = training
    ev = event(g)
    facts = [f for f in g.subjects(RDF.subject, ev) if g.value(f, RDF.predicate) == SDO.startDate]
    assert facts
    sentence = g.value(facts[0], PROV.wasDerivedFrom)
    from medkg.ontology.namespaces import NIF
    assert "September 9" in str(g.value(sentence, NIF.anchorOf))


def test_counts(symposium, training):
    ev = event(symposium)
    assert symposium.value(ev, MKG.participantCount) == Literal(300, datatype=XSD.integer)
    assert symposium.value(ev, MKG.countryCount) == Literal(12, datatype=XSD.integer)
    assert training.value(event(training), MKG.participantCount) == Literal(16, datatype=XSD.integer)


def test_trainee_counts_are_summed(workshop):
    ev = event(workshop)
    assert workshop.value(ev, MKG.traineeCount) == Literal(20, datatype=XSD.integer)
    assert workshop.value(ev, MKG.foreignTraineeCount) == Literal(12, datatype=XSD.integer)
    assert workshop.value(ev, SDO.startDate) == Literal("2022-10-15", datatype=XSD.date)


def test_no_counts_or_dates_without_events(profile):
    assert not list(profile.subjects(RDF.type, SDO.Event))
    assert not list(profile.triples((None, MKG.participantCount, None)))


LIVER_FORUM = """\
On June 3, the Asia Pacific Liver Forum was held in Hangzhou. The forum invited well-known liver surgeons \
(Japanese experts include Dr. Sato Kenji and Dr. Ito Hiroshi) to give lectures. Professor Kim Min-jun presented \
research sponsored by the National Natural Science Foundation of China. It was jointly organized by the \
Zhejiang Medical Association.
"""


@pytest.fixture(scope="module")
def liver_forum():
    return extract_text(LIVER_FORUM, stem="liver")


def test_demonym_list_gives_nationality_and_invitees_attend(liver_forum):
    g, ev = liver_forum, event(liver_forum)
    japan = node(g, "Japan")
    for name in ("Sato Kenji", "Ito Hiroshi"):
        assert (node(g, name), SDO.nationality, japan) in g, name
        assert (ev, SDO.attendee, node(g, name)) in g, name
    assert (ev, MKG.participantCountry, japan) in g


def test_pronoun_subject_organizer_but_not_a_research_sponsor(liver_forum):
    g, ev = liver_forum, event(liver_forum)
    assert (ev, SDO.organizer, node(g, "Zhejiang Medical Association")) in g
    assert list(g.objects(ev, SDO.organizer)) == [node(g, "Zhejiang Medical Association")]


# ---------------------------------------------------------------- generic patterns (invented texts)
COURSE = """\
On May 9, 2024, the 4th Maplewood Course on Pediatric Cardiology opened at Maplewood Hospital in Suzhou, \
Jiangsu Province. Thirty pediatricians from Nepal, Bhutan and Sri Lanka took part in the course.

Professor Kong Wei, President of Maplewood Hospital, presided over the opening ceremony. The faculty included \
Prof. Lukas Brenner from Alpine Children's Clinic in Zurich, Switzerland and Dr. Pan Yue of the Heart Center. \
Dr. Qiu Lan and Dr. Ma Jin, both from the Department of Cardiac Surgery, presented a poster on congenital defects. \
Professor Lukas Brenner gave a lecture on cardiac electrophysiology and echocardiography. The course set up \
sub-forums on pediatric surgery, neonatology and pediatric cardiology. The two hospitals hope to cooperate in \
heart transplantation in the future.
"""

VISIT = """\
On 14 March 2025, a delegation from Danube Medical University, Hungary, headed by Professor Istvan Kovacs, \
paid a visit to Willowbrook Hospital in Changzhou. Tian Hao, President of Willowbrook Hospital, received the \
delegation. Dr. Eszter Nagy, a member of the delegation, said the visit was fruitful. The delegation also \
visited the Department of Nephrology.
"""

SIGNING = """\
On June 2, 2024, Birchwood Hospital and Nairobi Heart Institute signed a cooperation agreement on cardiology \
in Hefei. Dr. Wanjiru Otieno, Director of Nairobi Heart Institute, signed on behalf of the Kenyan side, and \
Professor Yao Bin, President of Birchwood Hospital, signed for Birchwood Hospital.
"""

UNITS = """\
Cedar Valley Hospital

Cedar Valley Hospital is a general hospital based in Zhuhai, Guangdong Province. Its Department of Urology \
is good at urologic oncology and andrology. The hospital's Endoscopy Center and the Department of Geriatrics \
were founded in 1990. The Department of Geriatrics consists of the Memory Clinic and the Falls Unit. The \
Department of Dermatology, which is under the Skin Disease Center, is one of the largest in Guangdong Province. \
After cardiac surgery, many patients of the Department of Geriatrics need rehabilitation.
"""


@pytest.fixture(scope="module")
def course():
    return extract_text(COURSE, stem="course")


@pytest.fixture(scope="module")
def visit():
    return extract_text(VISIT, stem="visit")


@pytest.fixture(scope="module")
def signing():
    return extract_text(SIGNING, stem="signing")


@pytest.fixture(scope="module")
def units():
    return extract_text(UNITS, stem="units")


def test_faculty_presenters_and_chairs_attend(course):
    g, ev = course, event(course)
    for name in ("Kong Wei", "Lukas Brenner", "Pan Yue", "Qiu Lan", "Ma Jin"):
        assert (ev, SDO.attendee, node(g, name)) in g, name


def test_country_after_hospital_and_city(course):
    g = course
    assert (node(g, "Lukas Brenner"), SDO.nationality, node(g, "Switzerland")) in g
    assert (node(g, "Lukas Brenner"), SDO.affiliation, node(g, "Alpine Children's Clinic")) in g
    for c in ("Switzerland", "Nepal", "Bhutan", "Sri Lanka"):
        assert (event(g), MKG.participantCountry, node(g, c)) in g, c


def test_shared_post_both_from(course):
    g = course
    for name in ("Qiu Lan", "Ma Jin"):
        assert (node(g, name), SDO.affiliation, node(g, "Department of Cardiac Surgery")) in g, name


def test_about_from_lectures_and_sub_forums_not_wishes(course):
    g, ev = course, event(course)
    about = {str(o) for o in g.objects(ev, SDO.about)}
    names = {str(n).lower() for o in g.objects(ev, SDO.about) for n in g.objects(o, SDO.name)}
    assert {"cardiac electrophysiology", "pediatric surgery", "neonatology"} <= names, names
    assert "heart transplantation" not in names and about


def test_org_in_city_and_province(course, units):
    hosp = node(course, "Maplewood Hospital")
    assert (hosp, SDO.location, node(course, "Suzhou")) in course
    assert (hosp, SDO.location, node(course, "Jiangsu Province")) in course
    cv = node(units, "Cedar Valley Hospital")
    assert (cv, SDO.location, node(units, "Zhuhai")) in units
    assert (cv, SDO.location, node(units, "Guangdong Province")) in units


def test_visit_host_place_country_and_visitors(visit):
    g, ev = visit, event(visit)
    host = node(g, "Willowbrook Hospital")
    assert (ev, SDO.organizer, host) in g
    assert (ev, SDO.location, host) in g
    assert (ev, SDO.location, node(g, "Changzhou")) in g
    assert (ev, MKG.participantCountry, node(g, "Hungary")) in g
    for name in ("Istvan Kovacs", "Tian Hao", "Eszter Nagy"):
        assert (ev, SDO.attendee, node(g, name)) in g, name
    assert (node(g, "Istvan Kovacs"), SDO.nationality, node(g, "Hungary")) in g
    # a department visited on the tour is not the venue
    assert (ev, SDO.location, node(g, "Department of Nephrology")) not in g


def test_signing_parties_organize_and_signers_attend(signing):
    g, ev = signing, event(signing)
    for org in ("Birchwood Hospital", "Nairobi Heart Institute"):
        assert (ev, SDO.organizer, node(g, org)) in g, org
    assert (ev, SDO.location, node(g, "Hefei")) in g
    for name in ("Wanjiru Otieno", "Yao Bin"):
        assert (ev, SDO.attendee, node(g, name)) in g, name
    assert (node(g, "Wanjiru Otieno"), SDO.nationality, node(g, "Kenya")) in g
    assert (ev, MKG.participantCountry, node(g, "Kenya")) in g


def test_sub_units_its_possessive_consists_under(units):
    g = units
    cv = node(g, "Cedar Valley Hospital")
    for unit in ("Department of Urology", "Endoscopy Center", "Department of Geriatrics"):
        assert (node(g, unit), SDO.parentOrganization, cv) in g, unit
    ger = node(g, "Department of Geriatrics")
    assert (node(g, "Memory Clinic"), SDO.parentOrganization, ger) in g
    assert (node(g, "Department of Dermatology"), SDO.parentOrganization, node(g, "Skin Disease Center")) in g


def test_specialty_good_at_not_after_an_operation(units):
    g = units
    uro = node(g, "Department of Urology")
    names = {str(n).lower() for o in g.objects(uro, SDO.medicalSpecialty) for n in g.objects(o, SDO.name)}
    assert "andrology" in names, names
    for org in g.subjects(RDF.type, SDO.Organization):
        for o in g.objects(org, SDO.medicalSpecialty):
            assert "cardiac surgery" not in {str(n).lower() for n in g.objects(o, SDO.name)}


def test_visit_and_signing_are_dated(visit, signing):
    assert (event(visit), SDO.startDate, Literal("2025-03-14", datatype=XSD.date)) in visit
    assert (event(signing), SDO.startDate, Literal("2024-06-02", datatype=XSD.date)) in signing


TUTORS = """\
The 3rd Riverside Workshop on Spine Surgery was held in Jinan on May 4, 2024. Professor Liang Kai and \
Dr. Zhao Min served as tutors of the workshop. Professor Hans Keller of Rhine University, Germany, delivered \
the opening lecture.

"I will use what I learned at home," said Dr. Amal Hassan, one of the trainees. Professor Gu Ning, Director \
of the Department of Orthopedics, serves as director of the spine program. Professor Bai Yun, who has \
worked in Canada for ten years, chaired the workshop.
"""


def test_tutors_quoted_trainees_and_foreign_speaker():
    g = extract_text(TUTORS, stem="tutors")
    ev = event(g)
    for name in ("Liang Kai", "Zhao Min", "Hans Keller", "Amal Hassan"):
        assert (ev, SDO.attendee, node(g, name)) in g, name
    assert (node(g, "Hans Keller"), SDO.nationality, node(g, "Germany")) in g
    assert (ev, MKG.participantCountry, node(g, "Germany")) in g
    # holding a post is not taking part; where a chair once worked is not a participant country
    assert (ev, SDO.attendee, node(g, "Gu Ning")) not in g
    assert (ev, SDO.attendee, node(g, "Bai Yun")) in g
    assert (ev, MKG.participantCountry, node(g, "Canada")) not in g


INVITED = """\
On 20 June 2024, the 2nd Seaview Seminar on Burn Surgery was held in Dalian. The seminar invited Professor \
Aaron Cole from Lakeshore University (Canada) and Professor Yuki Arai of Sendai Burn Center, Japan. Head nurse \
Zhou Qin taught the trainees wound dressing. "It was useful," said Dr. Ana Reyes, a trainee from the Philippines.
"""


def test_invited_by_the_event_and_teachers():
    g = extract_text(INVITED, stem="invited")
    ev = event(g)
    for name in ("Aaron Cole", "Yuki Arai", "Zhou Qin", "Ana Reyes"):
        assert (ev, SDO.attendee, node(g, name)) in g, name
    assert (node(g, "Aaron Cole"), SDO.nationality, node(g, "Canada")) in g
    assert (node(g, "Ana Reyes"), SDO.nationality, node(g, "Philippines")) in g
    assert (ev, MKG.participantCountry, node(g, "Japan")) in g


def test_participants_from_provinces_of_a_country():
    g = extract_text("On 3 May 2024, the 5th Harbor Forum on Nephrology was held in Weihai. Participants came "
                     "from more than 20 provinces of China and from Laos and Vietnam.", stem="provinces")
    ev = event(g)
    for c in ("China", "Laos", "Vietnam"):
        assert (ev, MKG.participantCountry, node(g, c)) in g, c


def test_event_topics_from_focus_lists_not_wishes():
    g = extract_text("On 3 May 2024, the 5th Harbor Forum was held in Weihai. Over 200 doctors attended. Discussions "
                     "focused on nephrology, especially in pediatric nephrology. The organizers hope to cover "
                     "kidney transplantation in the future.", stem="topics")
    names = {str(n).lower() for o in g.objects(event(g), SDO.about) for n in g.objects(o, SDO.name)}
    assert {"nephrology", "pediatric nephrology"} <= names, names
    assert "kidney transplantation" not in names


def test_parents_of_units_at_an_institution_listed_divisions_and_coordinated_units():
    g = extract_text(
        "The Department of Dermatology at Willowmere University Hospital is one of the oldest skin clinics in "
        "Lyon, France. Founded in 1962, the department has 22 physicians and runs three divisions: the Division "
        "of Pediatric Dermatology, the Division of Dermatologic Surgery and the Division of Dermatopathology.\n"
        "Guests from Chile toured the Wound Care Center, the Department of Allergology and the Laser Center of "
        "the hospital.\n")
    hospital = node(g, "Willowmere University Hospital")
    dept = node(g, "Department of Dermatology")
    assert (dept, SDO.parentOrganization, hospital) in g
    for div in ("Division of Pediatric Dermatology", "Division of Dermatologic Surgery",
                "Division of Dermatopathology"):
        assert (node(g, div), SDO.parentOrganization, dept) in g
    for unit in ("Wound Care Center", "Department of Allergology", "Laser Center"):
        assert (node(g, unit), SDO.parentOrganization, hospital) in g


def test_start_date_of_a_two_day_meeting_written_day_and_day_month():
    g = extract_text("The 9th Alpine Sports Medicine Congress was held in Graz on 14 and 15 June 2022. "
                     "About 400 physicians attended the congress.\n")
    assert g.value(event(g), SDO.startDate) == Literal("2022-06-14", datatype=XSD.date)


def test_locations_from_city_appositions_active_hosting_and_state_of():
    g = extract_text(
        "Kozhikode, 3 June 2024: The 2nd Harbourview Symposium on Hand Surgery was held at the Westbrook "
        "Medical Institute (WMI), Kozhikode, on 1 June. The Westbrook Medical Institute is one of the largest "
        "hospitals in the state of Kerala.\n"
        "The Department of Orthopedics of Elmswood University Hospital hosted the 4th Lindenau Workshop on "
        "Microsurgery in Karlsruhe in May.\n", stem="cities")
    sym, inst = node(g, "2nd Harbourview Symposium on Hand Surgery"), node(g, "Westbrook Medical Institute")
    assert (sym, SDO.location, node(g, "Kozhikode")) in g
    assert (inst, SDO.location, node(g, "Kozhikode")) in g
    assert (inst, SDO.location, node(g, "Kerala")) in g
    assert (node(g, "4th Lindenau Workshop on Microsurgery"), SDO.location, node(g, "Karlsruhe")) in g


def test_location_of_a_unit_whose_heading_line_the_parser_joined():
    g = extract_text("Division of Nephrology\n\nThe Division of Nephrology at Marlow University Hospital is one of "
                     "the leading centers for the treatment of kidney diseases in Nagpur, India.\n", stem="heading")
    assert (node(g, "Division of Nephrology"), SDO.location, node(g, "Nagpur")) in g


def test_event_topics_from_covers_and_talk_verbs_not_from_professions():
    g = extract_text(
        "On 4 April 2024, the 3rd Tidewater Course on Pediatric Anesthesia opened at Corran University Hospital. "
        "More than 90 anesthesiologists and cardiac surgeons from Chile attended the course. The curriculum "
        "covers regional anesthesia and pediatric intensive care. Dr. Ines Caldera of Harbor Clinic lectured "
        "on cardiac imaging before surgery.\n", stem="covers")
    names = {str(n).lower() for o in g.objects(event(g), SDO.about) for n in g.objects(o, SDO.name)}
    assert {"regional anesthesia", "pediatric intensive care", "cardiac imaging"} <= names, names
    assert "cardiac surgery" not in names


def test_nationality_of_delegation_members_and_from_city_country():
    g = extract_text(
        "On 9 May 2024, a five-member delegation from Norrland Medical College in Sweden, led by Dr. Axel Berg, "
        "visited Tamsui General Hospital.\n"
        "Members of the delegation, Dr. Lena Holm, Head of the Department of Urology, and Dr. Nils Ek, Director "
        "of the Pain Clinic, gave lectures. Dr. Rukhsana Malik from Multan, Pakistan, also spoke. "
        "Tamsui General Hospital welcomed them.\n", stem="members")
    sweden, pakistan = node(g, "Sweden"), node(g, "Pakistan")
    for p in ("Lena Holm", "Nils Ek"):
        assert (node(g, p), SDO.nationality, sweden) in g, p
    assert (node(g, "Rukhsana Malik"), SDO.nationality, pakistan) in g


def test_participant_countries_from_across_a_country_and_a_teaching_staff_demonym():
    g = extract_text(
        "On 2 March 2024, the 4th Course on Hand Surgery opened at Lindqvist University Hospital. More than 120 "
        "surgeons from across Peru took part. Professor Aldo Ruiz leads a teaching team of 12 Chilean faculty "
        "members.\n", stem="across")
    pcs = participant_countries(g)
    assert {"Peru", "Chile"} <= pcs, pcs


def test_co_organizers_after_organised_jointly_with_and_in_collaboration_with():
    g = extract_text(
        "From 6 to 7 June 2024, the Department of Neurology of Osterby Hospital hosted the 2nd Nordic Stroke "
        "Workshop in Malmo. The workshop was organised jointly with the Baltic Stroke Society, with support from "
        "the Vantaa Foundation.\n", stem="jointly")
    ev = node(g, "2nd Nordic Stroke Workshop")
    assert (ev, SDO.organizer, node(g, "Baltic Stroke Society")) in g
    assert (ev, SDO.organizer, node(g, "Department of Neurology")) in g
    g = extract_text(
        "The 3rd Andes Course on Burn Surgery, held on 2 May 2024, was organized in collaboration with the "
        "Lima Burn Society.\n", stem="collab")
    assert (node(g, "3rd Andes Course on Burn Surgery"), SDO.organizer, node(g, "Lima Burn Society")) in g


def _parents(g) -> set[tuple[str, str]]:
    return {(str(g.value(s, SDO.name)), str(g.value(o, SDO.name)))
            for s, o in g.subject_objects(SDO.parentOrganization)}


def test_a_sentence_cut_inside_a_name_is_joined_again():
    # the small parser sometimes ends a sentence inside a long foreign name ("Hospital Universitario |
    # San ... is affiliated with ..."); relations are read per sentence, so the cut must be undone
    from medkg.ingest.extract import load_nlp
    from medkg.ingest.model import Article, Entity, Extraction, Span
    from medkg.ingest.rel_context import Ctx
    text = "It has 40 beds. Clinica Universitaria Monte Verde is affiliated with the University of Valdoria."
    doc = load_nlp()(text)
    name = "Clinica Universitaria Monte Verde"
    a, cut, end = text.index(name), text.index("Monte"), len(text)
    ex = Extraction(Article(stem="cut", text=text),
                    entities={"o": Entity("o", "Organization", name, mentions=[Span(a, a + len(name))])},
                    sentences=[Span(0, 15), Span(16, cut - 1), Span(cut, end)])
    sents = [s.text for s in Ctx._split_sentences(doc, ex)]
    assert sents == ["It has 40 beds.", text[16:]]


def test_parent_from_teaching_hospital_of():
    g = extract_text("Riverbend General Hospital, the teaching hospital of Norland Medical University, has 900 beds. "
                     "Eastgate People's Hospital is a regional referral centre and the main clinical hospital of "
                     "Harwick University.", "teach")
    parents = _parents(g)
    assert ("Riverbend General Hospital", "Norland Medical University") in parents
    assert ("Eastgate People's Hospital", "Harwick University") in parents


def test_hospital_affiliated_to_university_inside_a_unit_name():
    g = extract_text("The course was organized by the Department of Urology of Linhe Hospital Affiliated to "
                     "Qiaodong Medical University.", "affil")
    parents = _parents(g)
    assert ("Department of Urology", "Linhe Hospital") in parents
    assert ("Linhe Hospital", "Qiaodong Medical University") in parents
    assert ("Department of Urology", "Qiaodong Medical University") not in parents


def test_profession_noun_is_a_post_before_at():
    g = extract_text("Dr. Amina Yusuf, a pediatric ophthalmologist at Kisumu Lakeside Hospital, and Dr. Omar Said, "
                     "an intensivist at Marsa Coastal Hospital, attended the Riverton Forum on Cardiology.", "prof")
    aff = {(str(g.value(s, SDO.name)), str(g.value(o, SDO.name))) for s, o in g.subject_objects(SDO.affiliation)}
    assert ("Amina Yusuf", "Kisumu Lakeside Hospital") in aff
    assert ("Omar Said", "Marsa Coastal Hospital") in aff


PLANNED = """Silverbrook Hospital hosts rehabilitation workshop

On April 22, 2024, the Silverbrook Workshop on Cardiac Rehabilitation attracted 150 physiotherapists \
to Silverbrook Hospital in Tartu.

Dr. Maarja Tamm, Director of the Department of Cardiology of Silverbrook Hospital, presided over the workshop. \
The hospital will launch the Baltic Heart Fitness Programme on January 15, 2025.
"""


def test_a_planned_event_does_not_replace_the_reported_one():
    # "will launch X" names a plan: "the workshop" still refers to the workshop the article reports
    g = extract_text(PLANNED, stem="planned")
    ws, plan = node(g, "Silverbrook Workshop on Cardiac Rehabilitation"), node(g, "Baltic Heart Fitness Programme")
    tamm = node(g, "Maarja Tamm")
    assert (ws, SDO.attendee, tamm) in g
    assert (plan, SDO.attendee, tamm) not in g
    assert str(g.value(ws, SDO.startDate)) == "2024-04-22"


def test_countries_of_a_cumulative_training_record_are_not_participants():
    g = extract_text(
        "On 5 June 2024, the 4th Course on Hand Surgery opened at Quarry Hill Hospital in Leeds. Twenty surgeons "
        "from Peru and Chile attended the course. Dr. Owen Pike, President of Quarry Hill Hospital, said that the "
        "hospital has trained doctors from Laos, Nepal and Kenya over the years. Since 2015, the department has "
        "received 40 Bolivian trainees. In recent years, the clinic has welcomed nurses from Fiji.\n", stem="record")
    pcs = participant_countries(g)
    assert {"Peru", "Chile"} <= pcs, pcs
    assert not pcs & {"Laos", "Nepal", "Kenya", "Bolivia", "Fiji"}, pcs
    # a perfect verb about the event itself still gives its participants
    g = extract_text("On 2 May 2024, the 3rd Fenwick Course on Burn Care opened in Hull. The course has attracted "
                     "30 surgeons from Ghana and Togo.\n", stem="perfect")
    pcs = participant_countries(g)
    assert {"Ghana", "Togo"} <= pcs, pcs


def test_event_topics_from_a_lower_case_discussed_list():
    g = extract_text(
        "On 12 March 2024, the 2nd Saltmarsh Forum on Surgical Care was held at Brennock University Hospital in "
        "Cardiff. More than 150 surgeons attended the forum. The experts discussed minimally invasive surgery, "
        "perioperative care and pain management. In the afternoon, the participants had discussions on obstetric "
        "ultrasound and visited the wards.\n", stem="discussed")
    names = {str(n).lower() for o in g.objects(event(g), SDO.about) for n in g.objects(o, SDO.name)}
    assert {"minimally invasive surgery", "perioperative care", "pain medicine", "obstetric ultrasound"} <= names, \
        names
    assert not any("ward" in n or "participant" in n for n in names), names
    # what a hospital discussed is not its own field
    g = extract_text("On 3 May 2024, the 2nd Tarn Forum on Anesthesia was held in Leeds. Norwich General Hospital "
                     "discussed cardiac surgery and anesthesiology with the guests.\n", stem="discussed2")
    assert not list(g.subject_objects(SDO.medicalSpecialty))


def test_jointly_organized_by_two_units_and_co_hosted():
    texts = [
        # site chrome ("from archive") makes the parser join the sentence to the one before, without a subject
        "On 8 April 2024, twenty nurses from Wales completed the Severn Wound Care Training Programme at "
        "Thornbury Hospital. The programme was launched on 4 March 2024.\n\n from archive\n\nThe Outpatient Department and the Burns Unit of the hospital jointly organized the training. "
        "Ms. Carys Pugh, a nurse from Wales, praised it.\n",
        "On 8 April 2024, the Severn Wound Care Training Programme opened in Bristol. Forty nurses attended. "
        "Thornbury Hospital and the Avon Nursing Society co-hosted the course.\n",
        "On 8 April 2024, the Severn Wound Care Training Programme opened in Bristol. Forty nurses attended. "
        "The course was jointly held by Thornbury Hospital and the Avon Nursing Society.\n",
    ]
    expected = [{"Outpatient Department", "Burns Unit"}, {"Thornbury Hospital", "Avon Nursing Society"},
                {"Thornbury Hospital", "Avon Nursing Society"}]
    for i, (text, want) in enumerate(zip(texts, expected)):
        g = extract_text(text, stem=f"jointly{i}")
        ev = node(g, "Severn Wound Care Training Programme")
        got = {str(g.value(o, SDO.name)) for o in g.objects(ev, SDO.organizer)}
        assert want <= got, (i, got)
        assert "Wales" not in got


def test_field_words_in_a_foundation_or_fund_name_are_not_its_specialty():
    g = extract_text(
        "On 2 May 2024, the 3rd Fenwick Symposium on Heart Failure was held in Norwich. The symposium was sponsored "
        "by the Anglia Cardiology Foundation and the Broadland Pediatric Oncology Relief Fund, and co-organized by "
        "the Norfolk Society of Pediatric Surgery. Eighty cardiologists attended. The Department of Cardiology of "
        "Norwich General Hospital hosted the event.\n", stem="foundation")
    specs = {(str(g.value(s, SDO.name)), str(g.value(o, SDO.name)))
             for s, o in g.subject_objects(SDO.medicalSpecialty)}
    assert ("Department of Cardiology", "cardiology") in specs, specs
    assert ("Norfolk Society of Pediatric Surgery", "pediatric surgery") in specs, specs
    assert not any(s.endswith(("Foundation", "Fund")) for s, _ in specs), specs
    names = {str(g.value(s, SDO.name)) for s in g.subjects(RDF.type, SDO.MedicalSpecialty)}
    assert "pediatric oncology" not in names, names
    ev = node(g, "3rd Fenwick Symposium on Heart Failure")
    orgs = {str(g.value(o, SDO.name)) for o in g.objects(ev, SDO.organizer)}
    assert {"Anglia Cardiology Foundation", "Broadland Pediatric Oncology Relief Fund"} <= orgs, orgs


def _affs(g) -> set[tuple[str, str]]:
    return {(str(g.value(s, SDO.name)), str(g.value(o, SDO.name))) for s, o in g.subject_objects(SDO.affiliation)}


def test_each_person_of_a_listed_apposition_keeps_their_own_post():
    g = extract_text(
        "On 9 September 2024, the 6th Marlow Workshop on Hand Surgery was held in York. The workshop was attended "
        "by Dr. Alan Frost, director of Marlow General Hospital, Dr. Beth Lowe, head of the Department of "
        "Orthopedics of Ripon Hospital, and Prof. Carl Dunn, dean of Ouse Medical College.\n", stem="appos")
    assert {("Alan Frost", "Marlow General Hospital"), ("Beth Lowe", "Department of Orthopedics"),
            ("Carl Dunn", "Ouse Medical College")} <= _affs(g)
    assert not {("Alan Frost", "Ouse Medical College"), ("Carl Dunn", "Marlow General Hospital")} & _affs(g)
    # a group closing the list ("and the directors of A, B and C") holds its own posts;
    # a bare "Vice President" right after "President of the hospital" is at the same hospital
    g = extract_text(
        "On 9 September 2024, a delegation from Ouse Medical College visited Marlow General Hospital. Alan Frost, "
        "President of the hospital, Beth Lowe, Vice President, and the directors of the Department of "
        "Orthopedics, the Department of Urology and the Nursing Department met the guests.\n", stem="group")
    affs = _affs(g)
    assert {("Alan Frost", "Marlow General Hospital"), ("Beth Lowe", "Marlow General Hospital")} <= affs, affs
    assert not any(p == "Beth Lowe" and o.startswith(("Department", "Nursing")) for p, o in affs), affs
    g = extract_text(
        "On 9 September 2024, the 6th Marlow Workshop on Hand Surgery was held in York. Present were Dr. Alan "
        "Frost, director of Marlow General Hospital, Dr. Beth Lowe, head of the Department of Orthopedics of "
        "Ripon Hospital, and representatives of Ouse Medical College and the Leeds Nursing Society.\n", stem="reps")
    affs = _affs(g)
    assert ("Beth Lowe", "Department of Orthopedics") in affs, affs
    assert not {("Beth Lowe", "Ouse Medical College"), ("Beth Lowe", "Leeds Nursing Society")} & affs, affs
    # after a department head, a bare post does not borrow the department
    g = extract_text(
        "On 3 May 2024, a delegation from Tarn Valley Hospital visited Marlow General Hospital. Dr. Hugo Reyes, "
        "Head of the Department of Emergency Medicine, and Ms. Ada Vance, Chief Nursing Officer, gave "
        "presentations.\n", stem="unit")
    assert not any(p == "Ada Vance" and o == "Department of Emergency Medicine" for p, o in _affs(g)), _affs(g)


def test_what_a_curriculum_covers_is_the_course_subject():
    g = extract_text(
        "The 2025 Training Course on Anesthesia for Developing Countries opened at Beiling Hospital on April 3.\n"
        "Dr. Hu Yan, Director of the Department of Anesthesiology, introduced the curriculum, which covers "
        "respiratory therapy, critical care nursing and emergency medicine.\n", stem="curriculum")
    ev = event(g)
    about = {str(o) for s in g.objects(ev, SDO.about) for o in g.objects(s, SDO.name)}
    assert {"respiratory therapy", "critical care nursing", "emergency medicine"} <= about, about


def test_imaging_technique_areas_in_sub_forums_and_talks():
    g = extract_text(
        "The 2nd Lakeview Cardiac Imaging Summit was held in Wuxi on June 8, 2024. Prof. Ana Ruiz spoke on "
        "coronary CT angiography. The summit set up sub-forums on echocardiography, cardiac CT and cardiac "
        "magnetic resonance imaging.\n", stem="imaging")
    ev = event(g)
    about = {str(o) for s in g.objects(ev, SDO.about) for o in g.objects(s, SDO.name)}
    assert {"coronary ct angiography", "echocardiography", "cardiac ct",
            "cardiac magnetic resonance imaging"} <= about, about


def test_signers_on_behalf_of_the_two_institutions_make_them_organizers():
    g = extract_text(
        "On June 4, a delegation led by Dr. Omar Haddad, Director of Cedar Valley Hospital in Beirut, Lebanon, "
        "visited Donghu Central Hospital. President Liang Jie met with the delegation.\n"
        "President Liang Jie and Dr. Omar Haddad signed a cooperation agreement on behalf of the two hospitals.\n",
        stem="behalf")
    signing = [s for s in g.subjects(RDF.type, SDO.Event)
               if any("Signing" in str(n) for n in g.objects(s, SDO.name))]
    assert signing
    orgs = {str(n) for o in g.objects(signing[0], SDO.organizer) for n in g.objects(o, SDO.name)}
    assert {"Cedar Valley Hospital", "Donghu Central Hospital"} <= orgs, orgs


def _rel(g, pred):
    return {(str(g.value(s, SDO.name)), str(g.value(o, SDO.name))) for s, o in g.subject_objects(pred)}


def test_visit_told_from_the_host_side_received_a_delegation():
    g = extract_text(
        "Carrow University Hospital received on Tuesday a delegation from Tamsin Medical College, headed by "
        "Prof. Ivo Brandt, Rector of the college. The guests also visited the Carrow Eye Hospital. At the end "
        "of the visit, Prof. Ivo Brandt and Dr. Nell Price signed a memorandum of understanding between "
        "Carrow University and Tamsin Medical College.\n", stem="received")
    names = {str(o) for o in g.objects(None, SDO.name)}
    visit = "Visit of the Tamsin Medical College delegation to Carrow University Hospital"
    assert visit in names, names
    org = _rel(g, SDO.organizer)
    assert (visit, "Carrow University Hospital") in org, org
    # "also visited": a further stop of the tour is neither host nor venue
    assert not any(o == "Carrow Eye Hospital" for _e, o in org | _rel(g, SDO.location)), org
    # the signers are people; the parties are the ones the sentence names after "between"
    sign = next(n for n in names if n.startswith("Signing of"))
    assert {(sign, "Carrow University"), (sign, "Tamsin Medical College")} <= org, org


def test_bracketed_affiliation_with_city_and_country():
    g = extract_text(
        "On 4 June 2025, the 2nd Brenna Forum on Hand Surgery was held in Leeds. Speakers included Prof. Ines "
        "Moreau (Garonne Hand Institute, Toulouse, France) and Dr. Ravi Menon (Kaveri Orthopaedic Hospital, "
        "Kochi, India). A delegation from Elbe Medical University, Hamburg, Germany, also attended.\n", stem="brk")
    nat = _rel(g, SDO.nationality)
    assert {("Ines Moreau", "France"), ("Ravi Menon", "India")} <= nat, nat
    loc = _rel(g, SDO.location)
    assert {("Garonne Hand Institute", "Toulouse"), ("Kaveri Orthopaedic Hospital", "Kochi"),
            ("Elbe Medical University", "Hamburg")} <= loc, loc


def test_organizers_run_by_a_possessed_unit_in_partnership_with_others():
    g = extract_text(
        "On 2 June 2025, the 4th Tamar Course on Knee Arthroplasty opened in Exeter. The course, run by the "
        "Trust's Department of Orthopaedics in partnership with the Dart Medical School and the Moor Surgical "
        "Society, trained 30 surgeons.\n", stem="runby")
    org = {o for _e, o in _rel(g, SDO.organizer)}
    assert {"Department of Orthopaedics", "Dart Medical School", "Moor Surgical Society"} <= org, org


def test_acts_at_the_event_make_attendees_but_a_statement_alone_does_not():
    g = extract_text(
        "On 9 May 2025, the 3rd Halden Forum on Vascular Surgery was held at Varno University Hospital in Bergen. "
        "Speaking at the opening ceremony, Assoc. Prof. Dr. Tove Brekke, Director of Varno University Hospital, "
        "said that aortic disease is common. Dr. Olav Sunde, President of the Fjell Vascular Society, opened the "
        "forum. Prof. Ines Lind, a senior surgeon at the Department of Vascular Surgery, shared experience in "
        "aortic repair. Dr. Erik Moe, Deputy Head of the Department of Radiology, performed a live endovascular "
        "repair. Dr. Kari Dahl, Director of the Nursing Department, presented certificates to the trainees. "
        "Dr. Nils Berg, leader of the trainees, made a statement on behalf of the trainees. Prof. Anne Holm, "
        "Dean of the Faculty of Medicine, presided over the closing ceremony together with Dr. Per Aas, Head of "
        "the Office of International Affairs. Dr. Siri Vik, President of the Fjell Vascular Society, said the "
        "society plans to make the forum an annual event.\n", stem="acts")
    ev = event(g)
    for name in ("Tove Brekke", "Olav Sunde", "Ines Lind", "Erik Moe", "Kari Dahl", "Nils Berg", "Anne Holm",
                 "Per Aas"):
        assert (ev, SDO.attendee, node(g, name)) in g, name
    assert (ev, SDO.attendee, node(g, "Siri Vik")) not in g


def test_hosts_who_introduce_their_work_during_a_visit_are_attendees():
    g = extract_text(
        "On 3 March 2025, a delegation from Tamsin Medical College visited Carrow University Hospital. The guests "
        "toured the Department of Cardiology, where Prof. Hugo Lamb, Director of the Department of Cardiology, "
        "introduced the hybrid operating room. Dr. Rosa Kent, a cardiologist at Tamsin Medical College, exchanged "
        "views with colleagues of the department.\n", stem="visitacts")
    evs = set(g.subjects(RDF.type, SDO.Event))
    att = {str(n) for e in evs for p in g.objects(e, SDO.attendee) for n in g.objects(p, SDO.name)}
    assert {"Hugo Lamb", "Rosa Kent"} <= att, att


def test_delegation_members_listed_with_including_attend_and_share_its_country():
    g = extract_text(
        "Carrow University Hospital received on Monday a delegation from Tamsin Medical College, Porto, Portugal, "
        "headed by Prof. Rui Sousa, Rector of the college, and including Dr. Ana Reis, Head of the International "
        "Office, and Prof. Luis Mota, Director of the Department of Urology. The two sides discussed training in "
        "urology.\n", stem="incl")
    att = {n for _e, n in _rel(g, SDO.attendee)}
    nat = _rel(g, SDO.nationality)
    for name in ("Ana Reis", "Luis Mota"):
        assert name in att, att
        assert (name, "Portugal") in nat, nat


def test_the_hospital_signed_an_agreement_with_a_partner_is_a_signing():
    g = extract_text(
        "On 12 March 2025, Dalmore Regional Hospital hosted the 2nd Dalmore Forum on Spine Surgery in Perth. "
        "More than 300 surgeons attended the forum at Dalmore Regional Hospital. On this occasion, the hospital "
        "signed a training cooperation agreement with Ostvik Spine Institute on minimally invasive spine surgery.\n",
        stem="selfsign")
    names = {str(n) for e in g.subjects(RDF.type, SDO.Event) for n in g.objects(e, SDO.name)}
    sign = "Signing of the training cooperation agreement between Dalmore Regional Hospital and Ostvik Spine Institute"
    assert sign in names, names
    org = _rel(g, SDO.organizer)
    assert {(sign, "Dalmore Regional Hospital"), (sign, "Ostvik Spine Institute")} <= org, org
    # a signing only planned is no event
    g = extract_text(
        "On 12 March 2025, Dalmore Regional Hospital hosted the 2nd Dalmore Forum on Spine Surgery in Perth. "
        "The hospital plans to sign a cooperation agreement with Ostvik Spine Institute next year.\n", stem="plansign")
    names = {str(n) for e in g.subjects(RDF.type, SDO.Event) for n in g.objects(e, SDO.name)}
    assert not any(n.startswith("Signing") for n in names), names


def test_event_location_fronted_place_affiliated_venue_and_side_trip():
    # "In CITY, ORG organized EVENT": the fronted place is the venue
    g = extract_text(
        "On March 3-4, 2025, in Tbilisi, Kura Central Hospital in coordination with the Georgian Society of "
        "Neurology organized the 2nd Caucasus Forum on Epilepsy 2025. More than 300 doctors attended.\n",
        stem="fronted")
    assert ("2nd Caucasus Forum on Epilepsy 2025", "Tbilisi") in _rel(g, SDO.location)
    # "held at A Affiliated to U in CITY": the city is the event's, not U's; a side trip is no venue
    g = extract_text(
        "On 5 May 2025, the 3rd Training Course on Pediatric Anesthesia was held at Sava Hospital Affiliated to "
        "Morava Medical University in Kragujevac. Twenty doctors from Ghana attended. During the course, the "
        "trainees will also travel to Belgrade for cultural exchanges.\n", stem="affvenue")
    loc = _rel(g, SDO.location)
    ev = "3rd Training Course on Pediatric Anesthesia"
    assert {(ev, "Sava Hospital"), (ev, "Kragujevac")} <= loc, loc
    assert ("Morava Medical University", "Kragujevac") not in loc, loc
    assert (ev, "Belgrade") not in loc, loc


def test_event_hosted_by_a_hospital_takes_place_there_and_in_its_city():
    g = extract_text(
        "Tagus University Hospital is located in Coimbra. From 3 to 14 March 2025, Tagus University Hospital "
        "(TUH) hosted the 4th International Training Course on Pediatric Kidney Transplantation. Twelve "
        "surgeons from Angola attended.\n", stem="hostvenue")
    loc = _rel(g, SDO.location)
    ev = "4th International Training Course on Pediatric Kidney Transplantation"
    assert {(ev, "Tagus University Hospital"), (ev, "Coimbra")} <= loc, loc
    # a unit hosting names no venue; a place in the sentence is the venue instead
    g = extract_text(
        "From 3 to 4 June 2025, the Department of Urology of Tagus University Hospital hosted the 2nd Iberian "
        "Workshop on Robotic Urology in Porto.\n", stem="hostunit")
    loc = _rel(g, SDO.location)
    assert ("2nd Iberian Workshop on Robotic Urology", "Porto") in loc, loc
    assert not any(o in ("Department of Urology", "Tagus University Hospital") for _e, o in loc), loc


def test_city_after_a_department_of_a_hospital_locates_the_hospital():
    g = extract_text(
        "The Department of Neurosurgery of Lotus Children's Hospital in Nanning was founded in 1975 and is one "
        "of the earliest neurosurgery departments in the region. Prof. Ana Reis of the Cardiac Institute of "
        "Tejo University Medical Center in Lisbon gave a lecture.\n", stem="deptcity")
    loc = _rel(g, SDO.location)
    assert {("Lotus Children's Hospital", "Nanning"), ("Tejo University Medical Center", "Lisbon")} <= loc, loc
    assert not any(s in ("Department of Neurosurgery", "Cardiac Institute") for s, _p in loc), loc


@pytest.mark.parametrize("post", ["Provost", "Rector", "Vice-Chancellor", "Pro-Vice-Chancellor", "Chancellor"])
def test_university_leaders_posts(post):
    g = extract_text(f"Dr. Mia Hart, {post} of Delta State University, opened the 2nd Forum on Rural Surgery.\n",
                     stem="uniposts")
    assert ("Mia Hart", "Delta State University") in _rel(g, SDO.affiliation)


def test_post_written_before_honorifics_and_name_belongs_to_that_person():
    g = extract_text(
        "The opening speeches were delivered by Kuzey University Rector Prof. Dr. Ali Kaya, Dean of the Faculty of "
        "Nursing Prof. Dr. Ayla Demir, and Prof. Dr. Hans Ott, Head of the Heart Center of Ulm Clinic.\n",
        stem="prepost")
    aff = _rel(g, SDO.affiliation)
    assert {("Ali Kaya", "Kuzey University"), ("Ayla Demir", "Faculty of Nursing"), ("Hans Ott", "Heart Center")} <= aff
    assert ("Ali Kaya", "Faculty of Nursing") not in aff
    names = {str(o) for o in g.objects(None, SDO.name)}
    assert not any("Prof" in n for n in names), names


def test_delegation_of_n_people_from_an_institution_led_by_a_person():
    g = extract_text(
        "On 3 June, a delegation of six nurses from Lakeshore General Hospital in Cebu, Philippines, led by Ms. Rosa "
        "Cruz, Chief Nurse, visited Harbor University Hospital.\n", stem="delegof")
    assert ("Rosa Cruz", "Lakeshore General Hospital") in _rel(g, SDO.affiliation)
    assert ("Rosa Cruz", "Philippines") in _rel(g, SDO.nationality)
    ev = [str(g.value(e, SDO.name)) for e in g.subjects(RDF.type, SDO.Event)]
    assert any(("Visit" in e) for e in ev), ev
    assert any(c == "Philippines" for _e, c in _rel(g, MKG.participantCountry))


def test_person_there_as_the_speaker_of_a_named_event_attends_it():
    g = extract_text(
        "Dr. Lina Berg, professor of urology at Fjell University Hospital in Tromsø, Norway, spent a week at Delta "
        "Medical Center as the keynote speaker of the 2025 Hollis Lectures in Urology.\n", stem="asspeaker")
    att = _rel(g, SDO.attendee)
    assert any(p == "Lina Berg" for _e, p in att), att
    assert any(c == "Norway" for _e, c in _rel(g, MKG.participantCountry))
    # a role that is not the event's: no attendee
    g = extract_text("Dr. Lina Berg joined Delta Medical Center as a speaker in 2019. The 2025 Hollis Lectures in "
                     "Urology opened on 3 May.\n", stem="asspeaker2")
    assert not _rel(g, SDO.attendee)


def test_organization_is_an_institution_in_a_place():
    g = extract_text(
        "The 3rd Course on Burn Care was held on 2 May 2024. Lakeside Medical Center is an 800-bed academic "
        "medical center in Portland, Oregon. Riverbend Clinic is a partner of hospitals in Denver.\n",
        stem="isain")
    loc = _rel(g, SDO.location)
    assert {("Lakeside Medical Center", "Portland"), ("Lakeside Medical Center", "Oregon")} <= loc, loc
    assert not any(s == "Riverbend Clinic" for s, _o in loc), loc      # a partner of hospitals there


def test_address_in_brackets_after_an_institution_or_its_unit():
    g = extract_text(
        "The 1st Symposium on Pediatric Cardiology was organized with the Heart Center of Elbtal University "
        "Hospital (Dresden, Germany) and held on 4 May 2024. Fjell Valley Clinic (Bergen, Norway) sent two doctors.\n",
        stem="bracketaddr")
    loc = _rel(g, SDO.location)
    assert ("Elbtal University Hospital", "Dresden") in loc, loc
    assert not any(s == "Heart Center" for s, _o in loc), loc
    assert ("Fjell Valley Clinic", "Bergen") in loc, loc


def test_post_in_a_unit_at_an_institution_is_held_in_the_unit():
    g = extract_text(
        "Dr. Ana Reis, Chair of the Department of Neurology at Tejo University Medical Center, gave a lecture at "
        "the 2nd Forum on Stroke Care. Dr. Li Wen, Head of Nursing and Director of the Stroke Center at Lotus "
        "Hospital, spoke too.\n", stem="unitat")
    aff = _rel(g, SDO.affiliation)
    assert ("Ana Reis", "Department of Neurology") in aff and ("Ana Reis", "Tejo University Medical Center") not in aff
    assert ("Department of Neurology", "Tejo University Medical Center") in _rel(g, SDO.parentOrganization)
    assert ("Li Wen", "Lotus Hospital") in aff, aff       # two posts: the institution holds both


def test_member_of_the_organizing_committee_attends_the_event():
    g = extract_text(
        "The 4th Lakeside Symposium on Hand Surgery was held in Porto on 3 May 2024. Dr. Rui Costa, Head of the "
        "Department of Orthopedics and chair of the organizing committee, said the program was full.\n",
        stem="orgcomm")
    assert any(p == "Rui Costa" for _e, p in _rel(g, SDO.attendee))


def test_honorific_later_in_an_apposition_does_not_take_the_post_away():
    g = extract_text(
        "The agreement was signed by Professor Kofi Mensah, Chief Executive Officer of Volta Teaching Hospital, in "
        "the presence of Ms. Ama Boateng, Director of the Volta Health Service.\n", stem="presence")
    assert ("Kofi Mensah", "Volta Teaching Hospital") in _rel(g, SDO.affiliation)


def test_responsible_comrades_of_units_are_another_group_not_posts_of_the_person_before():
    g = extract_text(
        "On May 8, Sun Li, Vice President of Harbor Hospital, and responsible comrades of the Medical Affairs "
        "Department and the Nursing Department attended the meeting. Wang Jie, Director, and persons in charge "
        "of the Outpatient Office of Harbor Hospital were present.\n", stem="comrades")
    aff = _rel(g, SDO.affiliation)
    assert ("Sun Li", "Harbor Hospital") in aff, aff
    assert not any(p in ("Sun Li", "Wang Jie") and o in ("Medical Affairs Department", "Nursing Department",
                                                         "Outpatient Office") for p, o in aff), aff


def test_bare_leading_posts_of_the_people_who_receive_a_delegation():
    g = extract_text(
        "On the morning of June 2, a five-member delegation led by Dr. Omar Farouk, Director of Nile Valley "
        "Hospital, visited the Second Hospital of Tianfu University. Party Secretary Zhao Ming, President Liu "
        "Qiang, Vice President Sun Li and the heads of the Nursing Department met with the delegation.\n",
        stem="hostposts")
    aff = _rel(g, SDO.affiliation)
    host = "Second Hospital of Tianfu University"
    assert {("Zhao Ming", host), ("Liu Qiang", host), ("Sun Li", host)} <= aff, aff
    assert not any(o == "Nursing Department" for _p, o in aff), aff      # "the heads of X" is another group
    g = extract_text(
        "On June 9, a delegation from Baltic Medical University visited Harbor Hospital in Gdansk. Director "
        "Anna Berg, Deputy Director Lars Holm and Chief Nurse Eva Lind of the hospital received the guests.\n",
        stem="hostposts2")
    aff = _rel(g, SDO.affiliation)
    assert {("Anna Berg", "Harbor Hospital"), ("Lars Holm", "Harbor Hospital"),
            ("Eva Lind", "Harbor Hospital")} <= aff, aff


def test_memberships_stated_after_an_apposition_and_for_coordinated_people():
    g = extract_text(
        "The Department of Urology of Pine Valley Hospital was founded in 1970. Prof. Ma Jun, the director of the "
        "department, is a vice chairman of the Urology Professional Committee of Shaanxi Medical Association. "
        "Deputy directors Dr. Xu Lei and Dr. Fan Hong are committee members of the Prostate Cancer Committee of "
        "the Chinese Urological Association.\n", stem="members")
    aff = _rel(g, SDO.affiliation)
    committee = "Prostate Cancer Committee of the Chinese Urological Association"
    assert {("Ma Jun", "Department of Urology"),
            ("Ma Jun", "Urology Professional Committee of Shaanxi Medical Association"),
            ("Xu Lei", committee), ("Fan Hong", committee)} <= aff, aff


def test_a_visit_received_today_takes_place_at_the_dateline_place():
    g = extract_text(
        "Polish delegation visits Tisza University Hospitals\n\nSzeged, Monday 3 June 2024\n\n"
        "Tisza University Hospitals received today a delegation from Vistula Medical University, Krakow, "
        "Poland, headed by Prof. Jan Nowak, Rector of the university.\n", stem="todaydl")
    loc = _rel(g, SDO.location)
    visit = "Visit of the Vistula Medical University delegation to Tisza University Hospitals"
    assert {(visit, "Szeged"), (visit, "Tisza University Hospitals")} <= loc, loc


def test_no_venue_from_in_collaboration_with_or_from_the_next_edition():
    g = extract_text(
        "The 4th Andean Symposium on Pediatric Nephrology was held at Andes University Hospital in Quito on 2 May "
        "2024. The symposium was organized by the Department of Pediatrics in collaboration with the Ecuadorian "
        "Society of Nephrology. The 5th symposium will be held in Lima in 2025.\n", stem="nextedition")
    loc = _rel(g, SDO.location)
    ev = "4th Andean Symposium on Pediatric Nephrology"
    assert {(ev, "Andes University Hospital"), (ev, "Quito")} <= loc, loc
    assert (ev, "Lima") not in loc and (ev, "Ecuadorian Society of Nephrology") not in loc, loc


def test_trainees_receive_training_at_the_host_hospital():
    g = extract_text(
        "On May 5, the 2025 International Training Course on Pediatric Cardiology, hosted by the Health "
        "Commission of Guizhou Province and undertaken by the Department of Cardiology of the Second Hospital of "
        "Qianxi Medical University, was opened in Guiyang. Twelve doctors from Laos and Nepal will receive a "
        "four-week training at our hospital.\n", stem="trainat")
    loc = _rel(g, SDO.location)
    ev = "2025 International Training Course on Pediatric Cardiology"
    assert {(ev, "Guiyang"), (ev, "Second Hospital of Qianxi Medical University")} <= loc, loc


def test_people_heading_the_items_of_a_faculty_or_speaker_list_attend_the_event():
    g = extract_text(
        "The 3rd Harbour Course on Hand Surgery was held at Kestrel University Hospital on 3 May 2024. "
        "The faculty included:\n"
        "• Prof. Amos Lind, Professor of Surgery, Willow Teaching Hospital, Leeds\n"
        "• Dr. Rui Costa, Associate Professor, Tagus Hand Clinic, Porto, Portugal\n\n"
        "Keynote lectures were delivered by invited speakers:\n"
        "- Assoc. Prof. Mira Holm of Fjell University Hospital in Bergen, Norway, on nerve repair;\n"
        "- Dr. Sam Ode, who spoke on tendon transfer.\n\n"
        "Dr. Ivo Penn thanked the organizers.\n", stem="listed")
    att = {p for e, p in _rel(g, SDO.attendee) if e == "3rd Harbour Course on Hand Surgery"}
    assert {"Amos Lind", "Rui Costa", "Mira Holm", "Sam Ode"} <= att, att
    assert "Ivo Penn" not in att, att


def test_a_faculty_listed_one_per_line_and_its_leader_attend():
    g = extract_text(
        "On 4 April 2025, the Larch Valley Hip Arthroscopy Course opened at Larch Valley Hospital. Fourteen "
        "surgeons from Norway and Denmark took part.\n\n"
        "The faculty was led by Mr Tobias Renn, Consultant Hip Surgeon at Larch Valley Hospital, and included:\n"
        "- Professor Mara Lind, Professor of Sports Medicine, Kestrel University Medical School\n"
        "- Dr Jonas Falk, orthopaedic surgeon, Osprey Clinic, Aarhus, Denmark\n\n"
        "Mr Pavel Ruzek, Chief Executive of Larch Valley Hospital, said the course would run again.\n",
        stem="facultylist")
    att = {n for _e, n in _rel(g, SDO.attendee)}
    assert {"Tobias Renn", "Mara Lind", "Jonas Falk"} <= att, att
    assert "Pavel Ruzek" not in att, att


def test_the_trust_refers_to_an_nhs_trust_and_a_planned_rerun_organizes_nothing():
    g = extract_text(
        "Wyvern Valley NHS Foundation Trust\n\nOn 8 May 2025, the Wyvern Knee Arthroscopy Course was held at "
        "Millbrook General Hospital. The course was run by the Trust's Department of Orthopaedics. Mr Owen Pryce, "
        "Consultant Knee Surgeon at the Trust, led the teaching. Dr Alys Morgan, Medical Director of Millbrook "
        "General Hospital, said the hospital planned to run the course twice a year.\n", stem="trust")
    assert ("Department of Orthopaedics", "Wyvern Valley NHS Foundation Trust") in _parents(g)
    assert ("Owen Pryce", "Wyvern Valley NHS Foundation Trust") in _rel(g, SDO.affiliation)
    assert ("Wyvern Knee Arthroscopy Course", "Millbrook General Hospital") not in _rel(g, SDO.organizer)


def test_deputies_named_after_the_director_and_posts_the_unit_has():
    g = extract_text(
        "The Department of Cardiology of Birchwood Hospital was founded in 1962. Prof. Lin Hao, the director of "
        "the department, is a member of the Heart Failure Committee of Anhui Medical Association. Deputy directors "
        "Dr. Qiu Min and Dr. Tan Bo are members of the Arrhythmia Committee of the Chinese Medical Association. "
        "It has two chief nurses, Dr. Wu Fei and Dr. Ren Jie.\n", stem="deputies")
    aff = _rel(g, SDO.affiliation)
    for name in ("Lin Hao", "Qiu Min", "Tan Bo", "Wu Fei", "Ren Jie"):
        assert (name, "Department of Cardiology") in aff, (name, aff)
    assert ("Qiu Min", "Arrhythmia Committee of the Chinese Medical Association") in aff, aff
    assert ("Wu Fei", "Arrhythmia Committee of the Chinese Medical Association") not in aff, aff


def test_a_unit_ranked_among_the_departments_of_a_province_is_located_there():
    g = extract_text(
        "Departments > Medical Departments\nDepartment of Nephrology\n\nThe Department of Nephrology of Linden "
        "Hospital in Ganzhou was founded in 1970 and is one of the earliest nephrology departments in Jiangxi "
        "Province. The Department of Urology of Linden Hospital was set up in 1985 and is a provincial key "
        "clinical specialty of Hubei Province.\n", stem="ranked")
    loc = _rel(g, SDO.location)
    assert {("Department of Nephrology", "Jiangxi Province"), ("Linden Hospital", "Ganzhou"),
            ("Department of Urology", "Hubei Province")} <= loc, loc
    assert ("Department of Nephrology", "Ganzhou") not in loc, loc


def test_a_headline_course_that_brings_people_to_a_city_is_held_there():
    g = extract_text(
        "News\nRegional course on pediatric cardiology brings nurses from four countries to Campo Grande\n"
        "Published on 03/05/2025\n\nFrom 2 to 9 May 2025, Serra Verde University Hospital hosted the 1st "
        "Regional Course on Pediatric Cardiology. Twelve nurses from Bolivia and Paraguay took part.\n",
        stem="brings")
    assert ("1st Regional Course on Pediatric Cardiology", "Campo Grande") in _rel(g, SDO.location)


def test_academic_posts_provost_rector_chancellor_give_the_affiliation():
    g = extract_text(
        "On 4 March 2025, a delegation led by Prof. Kwame Asante, Provost of the College of Health Sciences of "
        "the University of Tamale, visited Ridgeview Medical University. Prof. Ana Silva, Rector of Minho "
        "Valley University, and Dr. Omar Haddad, Vice-Chancellor of Atlas Medical University, also attended.\n",
        stem="provost")
    aff = _rel(g, SDO.affiliation)
    assert {("Kwame Asante", "College of Health Sciences of the University of Tamale"),
            ("Ana Silva", "Minho Valley University"), ("Omar Haddad", "Atlas Medical University")} <= aff, aff


def test_signers_of_a_memorandum_between_the_two_hospitals_sign_for_both_parties():
    g = extract_text(
        "On 4 March 2024, Lindqvist Regional Hospital received a delegation from Oyelaran University Teaching "
        "Hospital in Ibadan, Nigeria.\n"
        "Later in the day, Dr. Maja Berg and Prof. Tunde Bello signed a memorandum of understanding between the "
        "two hospitals.\n", stem="twohospitals")
    org = _rel(g, SDO.organizer)
    sign = [e for e, _ in org if e.lower().startswith("signing")]
    assert sign, org
    assert {(sign[0], "Lindqvist Regional Hospital"), (sign[0], "Oyelaran University Teaching Hospital")} <= org, org


def test_institution_and_city_ending_a_list_item_place_the_institution():
    g = extract_text(
        "The 2nd Coastal Course on Hand Surgery was held at Marlow Teaching Hospital on 5 June 2024. "
        "The faculty included:\n"
        "• Prof. Ada Kranz, Professor of Surgery, Elbe Valley Hospital, Hamburg\n"
        "• Dr. Tomas Ruud, Consultant, Fjord Coast Hospital, Bergen\n", stem="listcity")
    loc = _rel(g, SDO.location)
    assert {("Elbe Valley Hospital", "Hamburg"), ("Fjord Coast Hospital", "Bergen")} <= loc, loc


def test_unit_host_with_bracketed_hospital_acronym_and_collaborators():
    g = extract_text(
        "The 2024 Baltic Congress of Vascular Surgery was hosted by the Vascular Institute of the Daugava "
        "University Medical Centre (DUMC) in collaboration with the Latvian Society of Angiology and the "
        "Faculty of Medicine of Kurzeme University. It was held in Riga on 3 May 2024.\n", stem="bracketacro")
    org = {o for e, o in _rel(g, SDO.organizer) if e == "2024 Baltic Congress of Vascular Surgery"}
    assert {"Vascular Institute", "Latvian Society of Angiology", "Faculty of Medicine"} <= org, org
    assert "Daugava University Medical Centre" not in org, org     # the institute hosts, not its hospital


def test_a_delegation_of_n_led_by_a_leader_of_a_body_is_that_body_s_visit():
    g = extract_text(
        "On the morning of April 9, a delegation of six led by Prof. Rustam Aliev, Rector of Fergana State "
        "Medical Institute, visited Lishui Central Hospital in Lishui. President Hu Jun met with the guests.\n",
        stem="delegof")
    names = {str(o) for o in g.objects(None, SDO.name)}
    assert "Visit of the Fergana State Medical Institute delegation to Lishui Central Hospital" in names, names


def test_a_delegation_visiting_a_country_at_the_invitation_of_a_hospital_visits_that_hospital():
    g = extract_text(
        "From May 6 to 10, at the invitation of Turku Lakeside Hospital in Turku, Finland, a delegation led by "
        "Chen Hao, President of Minjiang Coastal Hospital, visited Finland for exchanges.\n"
        "On May 7, Chen Hao and Dr. Aino Virtanen signed a memorandum of understanding on behalf of the two "
        "hospitals.\n", stem="invitation")
    names = {str(o) for o in g.objects(None, SDO.name)}
    assert "Visit of the Minjiang Coastal Hospital delegation to Turku Lakeside Hospital" in names, names
    org = _rel(g, SDO.organizer)
    sign = [e for e, _ in org if e.lower().startswith("signing")]
    assert sign and {(sign[0], "Turku Lakeside Hospital"), (sign[0], "Minjiang Coastal Hospital")} <= org, org


def test_signers_witnessed_by_both_sides_sign_for_the_two_parties():
    g = extract_text(
        "On June 3, a delegation from Arno Valley University visited Qingcheng People's Hospital.\n"
        "After the talks, witnessed by both sides, Dr. Luca Bianchi and President Xie Ping signed a memorandum "
        "of understanding on nursing education.\n", stem="witnessed")
    org = _rel(g, SDO.organizer)
    sign = [e for e, _ in org if e.lower().startswith("signing")]
    assert sign and {(sign[0], "Arno Valley University"), (sign[0], "Qingcheng People's Hospital")} <= org, org


def test_fields_of_a_signed_memorandum_stated_in_the_next_sentences():
    g = extract_text(
        "On 9 October 2024, Norrvik County Hospital received a delegation from Atacama Regional Hospital in "
        "Antofagasta, Chile, led by Dr. Rosa Ibarra.\n"
        "Later in the day, Dr. Rosa Ibarra and Dr. Olof Sand signed a memorandum of understanding between the "
        "two hospitals.\n"
        "The MoU covers the exchange of nurses and doctors, joint audits and research cooperation in cardiology "
        "and geriatrics.\n"
        "Under the MoU, residents from Chile will rotate through the hospital for training in dermatology and "
        "rheumatology, while Norrvik doctors will visit Antofagasta.\n", stem="moutopics")
    about = _rel(g, SDO.about)
    sign = {e for e, _ in about if e.lower().startswith("signing")}
    assert len(sign) == 1, about
    s = sign.pop()
    assert {(s, "cardiology"), (s, "geriatrics"), (s, "dermatology"), (s, "rheumatology")} <= about, about
    visit = {(e, f) for e, f in about if e != s}
    assert not visit, visit      # what the MoU covers is not the subject of the delegation's visit


def test_people_who_accompany_the_delegation_leader_are_delegation_members():
    g = extract_text(
        "Brandvik – On Monday, 3 March 2025, Brandvik General Hospital hosted a delegation from Sahel University "
        "Hospital in Niamey, Niger, led by its Director General, Dr. Issa Garba. He was accompanied by "
        "Dr. Aminata Souley, Director of Nursing Services, and Dr. Moussa Hama, Head of the Department of "
        "Surgery.\n"
        "The visitors were welcomed by Dr. Helga Strand, Chief Executive of Brandvik General Hospital.\n",
        stem="accompanied")
    att = {p for _, p in _rel(g, SDO.attendee)}
    assert {"Issa Garba", "Aminata Souley", "Moussa Hama"} <= att, att
    nat = _rel(g, SDO.nationality)
    assert {("Aminata Souley", "Niger"), ("Moussa Hama", "Niger")} <= nat, nat
    aff = _rel(g, SDO.affiliation)
    assert ("Aminata Souley", "Sahel University Hospital") in aff, aff
    par = _rel(g, SDO.parentOrganization)
    assert ("Department of Surgery", "Sahel University Hospital") in par, par
    assert ("Department of Surgery", "Brandvik General Hospital") not in par, par


def test_the_city_of_the_guests_institution_is_not_where_the_visit_is():
    g = extract_text(
        "On 2 April 2025, Lindholm University Hospital hosted a delegation from Meseta Regional Hospital in "
        "Salamanca, Spain, led by Dr. Pilar Ortega.\n", stem="guesthome")
    loc = _rel(g, SDO.location)
    visit = [e for e, _ in loc if e.lower().startswith("visit")]
    assert visit, loc
    assert (visit[0], "Salamanca") not in loc, loc
    assert ("Meseta Regional Hospital", "Salamanca") in loc, loc


def test_the_dateline_place_of_the_sentence_that_reports_the_event():
    g = extract_text(
        "Quetta, 14 March 2025: The 2nd Bolan Hands-on Course on Laparoscopic Surgery concluded at Bolan Medical "
        "Institute on Friday.\n", stem="linedateline")
    loc = _rel(g, SDO.location)
    assert ("2nd Bolan Hands-on Course on Laparoscopic Surgery", "Quetta") in loc, loc
    g = extract_text(
        "Nairobi – On Monday, 7 April 2025, Khomas Central Hospital hosted a delegation from Limpopo "
        "Valley Hospital in Polokwane, South Africa, led by Dr. Sipho Dlamini.\n", stem="dashdateline")
    loc = _rel(g, SDO.location)
    visit = [e for e, _ in loc if e.lower().startswith("visit")]
    assert visit and (visit[0], "Nairobi") in loc, loc


def test_units_named_alone_on_a_hospital_page_belong_to_that_hospital():
    # the page is the hospital's own (its name alone on the first line, or "our hospital"): its
    # departments and wards named without "of X" are its units, unless their sentence names another body
    page = ("Brightwater General Hospital\n"
            "Home > News\n"
            "Spring Endocrinology Forum Held\n\n"
            "On April 2, the Spring Endocrinology Forum was organized by the Department of Endocrinology. "
            "Dr. Ona Velde, Head Nurse of the Metabolic Ward, presented the nursing program. "
            "Prof. Ilse Marr of Harlow Clinic and Dr. Pim Oster, Director of the Department of Nephrology, "
            "spoke at the forum. Dr. Ula Brek, Head of the Department of Rheumatology of the Arthritis Center, and "
            "Dr. Tor Haug, Director of the Department of Orthopedics, chaired the sessions.\n")
    parents = _parents(extract_text(page, stem="homepage"))
    # ... or a unit of another body: the department may be the Arthritis Center's too
    assert not {p for p in parents if p[0] == "Department of Orthopedics"}, parents
    assert ("Department of Endocrinology", "Brightwater General Hospital") in parents, parents
    assert ("Metabolic Ward", "Brightwater General Hospital") in parents, parents
    # another institution in the sentence: the unit could be its unit
    assert not {p for p in parents if p[0] == "Department of Nephrology"}, parents
    spoken = _parents(extract_text(
        "On May 6, our hospital held the Autumn Liver Forum. Prof. Dag Rune, Director of the Department of "
        "Hepatology, chaired the forum. Eastlake Hospital is a 900-bed hospital.\n", stem="ourhospital"))
    assert ("Department of Hepatology", "Eastlake Hospital") in spoken, spoken


def test_people_on_programme_lines_labelled_with_their_part_attend():
    # a live-surgery programme set out as labelled lines: operators, moderators and chairs take part
    g = extract_text(
        "The 2nd Tulip Workshop on Hand Surgery was held on May 3 at Norrvik Hospital.\n\n"
        "Case 1 - Flexor tendon repair\n"
        "Operator: Prof. Aron Vale (Norrvik Hospital, Lund)\n"
        "Moderators: Dr. Ada Kim (Elm Clinic, Malmo); Dr. Bo Tran (Norrvik Hospital)\n"
        "Chair: Dr. Cy Dorn, Head of the Department of Surgery\n", stem="operators")
    att = _rel(g, SDO.attendee)
    for p in ("Aron Vale", "Ada Kim", "Bo Tran", "Cy Dorn"):
        assert ("2nd Tulip Workshop on Hand Surgery", p) in att, att


def test_addresses_in_brackets_at_sentence_end_and_after_a_unit():
    g = extract_text(
        "The 4th Fjord Course on Hand Surgery was held on May 3 at Norrvik Hospital.\n"
        "Operator: Prof. Aron Vale (Tallow Bay Hospital, Lund)\n"
        "The session was co-chaired with Prof. Ines Lago of Saint Brigid University Hospital, Porto. "
        "Dr. Ada Kim spoke on tendon repair.\n\n"
        "Partner institutions\n"
        "- Division of Hand Surgery, Lakemoor Clinic, Bergen, Norway (since 2016)\n", stem="addresses")
    loc = _rel(g, SDO.location)
    # a city closing a bracketed "(ORG, City)" or a sentence ("of ORG, City.") places the organization
    assert ("Tallow Bay Hospital", "Lund") in loc, loc
    assert ("Saint Brigid University Hospital", "Porto") in loc, loc
    # "UNIT, INSTITUTION, CITY, COUNTRY": the address is the institution's
    assert ("Lakemoor Clinic", "Bergen") in loc, loc
    assert ("Division of Hand Surgery", "Bergen") not in loc, loc


def test_an_outbound_visit_with_a_named_meeting_as_a_later_stop():
    g = extract_text(
        "Our Hospital Delegation Visits Norway for Exchanges on Transplant Surgery\n\n"
        "From May 12 to 16, 2024, at the invitation of Fjord University Hospital in Bergen, Norway, a five-member "
        "delegation led by Wang Lei, President of Linhai Central Hospital, visited Norway for exchanges. Members "
        "of the delegation included Dr. Chen Bo, Director of the Department of Hepatobiliary Surgery, and "
        "Ms. Hu Yan, Head Nurse of the Transplant Ward.\n\n"
        "On May 12 and 13, the delegation visited Fjord University Hospital. Dr. Erik Dahl, CEO of Fjord "
        "University Hospital, met with the delegation. The two sides held in-depth discussions on liver "
        "transplantation and transplant nursing.\n\n"
        "On May 15, the delegation attended the 2024 Nordic Symposium on Organ Donation hosted by the Nordic "
        "Transplant Society in Oslo. More than 300 doctors from Norway, Sweden and Denmark took part in the "
        "symposium.\n\nThis visit deepened the cooperation between the two hospitals.\n", stem="outbound")
    att = _rel(g, SDO.attendee)
    visit = next(e for e, _p in att if e.startswith("Visit of"))
    meeting = "2024 Nordic Symposium on Organ Donation"
    assert {(visit, p) for p in ("Wang Lei", "Chen Bo", "Hu Yan", "Erik Dahl")} <= att, att
    assert {(meeting, p) for p in ("Wang Lei", "Chen Bo", "Hu Yan")} <= att, att
    assert (meeting, "Erik Dahl") not in att, att
    assert (visit, "Fjord University Hospital") in _rel(g, SDO.organizer)
    about = _rel(g, SDO.about)
    assert (visit, "liver transplantation") in about and (meeting, "liver transplantation") not in about, about
    countries = _rel(g, MKG.participantCountry)
    assert {(meeting, "Sweden"), (meeting, "Denmark")} <= countries, countries
    assert not any(e == visit and c in ("Sweden", "Denmark") for e, c in countries), countries


def test_the_site_header_names_the_hospital_the_article_speaks_for():
    g = extract_text(
        "Linhai Central Hospital\nHome > News\n\n"
        "On May 12, 2024, a delegation led by Wang Lei, President of Linhai Central Hospital, visited Fjord "
        "University Hospital in Bergen, Norway. Members of the delegation included Dr. Chen Bo, Director of "
        "the Department of Hepatobiliary Surgery, and Ms. Hu Yan, Head Nurse of the Transplant Ward.\n\n"
        "Dr. Erik Dahl, CEO of Fjord University Hospital, met with the delegation and showed the guests around "
        "the hospital. Fjord University Hospital has 1,200 beds. Vice President Zhou Min gave a talk on "
        "liver transplantation. The visit deepened the friendship between our hospital and Fjord University "
        "Hospital.\n", stem="ourhosp")
    aff = _rel(g, SDO.affiliation)
    assert ("Zhou Min", "Linhai Central Hospital") in aff, aff
    assert ("Zhou Min", "Fjord University Hospital") not in aff, aff


def test_units_in_the_posts_of_delegation_members_belong_to_the_guests():
    g = extract_text(
        "On May 12, 2024, a delegation led by Wang Lei, President of Linhai Central Hospital, visited Fjord "
        "University Hospital in Bergen, Norway. Members of the delegation included Dr. Chen Bo, Director of "
        "the Department of Hepatobiliary Surgery, and Ms. Hu Yan, Head Nurse of the Transplant Ward.\n\n"
        "Dr. Erik Dahl, CEO of Fjord University Hospital, met with the delegation. The guests toured the "
        "Department of Radiology.\n", stem="delegunits")
    parents = _parents(g)
    assert {("Department of Hepatobiliary Surgery", "Linhai Central Hospital"),
            ("Transplant Ward", "Linhai Central Hospital")} <= parents, parents
    assert ("Department of Radiology", "Fjord University Hospital") in parents, parents


def test_hosted_by_a_society_in_a_city_places_the_event():
    g = extract_text(
        "On 4 March 2025, surgeons of Kestrel University Hospital attended the 7th Alpine Congress on Hand "
        "Surgery hosted by the Swiss Society of Hand Surgeons in Lucerne.\n", stem="hostedin")
    loc = _rel(g, SDO.location)
    assert ("7th Alpine Congress on Hand Surgery", "Lucerne") in loc, loc
    assert ("Swiss Society of Hand Surgeons", "Lucerne") not in loc, loc


def test_a_list_of_leading_posts_closed_by_of_an_institution():
    g = extract_text(
        "The 2nd Kestrel Course on Pediatric Surgery closed at Kestrel Children's Hospital on 3 May 2024. "
        "Party Secretary Mo Jun, Dean Ren Hui and Vice Dean Gu Yao of Kestrel Medical College, Dr. Ada Lane, "
        "Director of the Department of Pediatric Surgery, and all the trainees attended the ceremony.\n",
        stem="titlelist")
    aff = _rel(g, SDO.affiliation)
    assert {("Mo Jun", "Kestrel Medical College"), ("Ren Hui", "Kestrel Medical College"),
            ("Gu Yao", "Kestrel Medical College")} <= aff, aff
    assert ("Ada Lane", "Kestrel Medical College") not in aff, aff


def test_the_fields_an_agreement_will_cover_are_what_its_signing_is_about():
    g = extract_text(
        "On 3 May 2024, Dr. Ada Lane and Prof. Mo Jun signed a memorandum of understanding between Kestrel "
        "University Hospital and Tamar Medical Academy. Under the agreement, the two hospitals will cooperate "
        "in neonatology and pediatric cardiology, and exchange nurses every year. Dr. Ada Lane also visited "
        "the Department of Ophthalmology.\n", stem="mouterms")
    about = _rel(g, SDO.about)
    signing = next(e for e, _s in about) if about else None
    assert signing and signing.startswith("Signing of"), about
    assert {(signing, "neonatology"), (signing, "pediatric cardiology")} <= about, about
    assert (signing, "ophthalmology") not in about, about


def test_countries_in_reported_speech_are_no_participant_countries():
    g = extract_text(
        "On 3 May 2024, the 2nd Kestrel Course on Wound Care opened at Kestrel University Hospital. Twenty "
        "nurses from Chile and Peru attended the course. Dr. Ada Lane said that the trainees would learn "
        "much about the care of elderly patients in Norway, and that Sweden sends 200 Danish nurses abroad "
        "every year.\n", stem="speech")
    countries = participant_countries(g)
    assert {"Chile", "Peru"} <= countries, countries
    assert not countries & {"Norway", "Sweden", "Denmark"}, countries


def test_what_a_delegation_learned_about_is_what_its_visit_is_about():
    g = extract_text(
        "On 3 May 2024, a delegation of six nurses from Tamar Medical Academy, led by Ms. Nino Beridze, visited "
        "Kestrel University Hospital.\n\nThe guests toured the wards. Ms. Beridze thanked the staff for their "
        "hospitality and said that they had learned much about wound care and the education of new nurses.\n",
        stem="learned")
    about = _rel(g, SDO.about)
    assert any(e.startswith("Visit of") and s == "wound care" for e, s in about), about


def test_units_named_on_a_hospitals_own_page_belong_to_it():
    g = extract_text(
        "Kestrel University Hospital\nHome > News\n\n"
        "On 3 May 2024, two nursing experts from Tamar Medical Academy gave a lecture on wound care at our "
        "hospital. The next day, they made teaching rounds in the Hand and Plastic Surgery Department and "
        "the Department of Geriatrics.\n", stem="siteunits")
    parents = _parents(g)
    assert {("Hand and Plastic Surgery Department", "Kestrel University Hospital"),
            ("Department of Geriatrics", "Kestrel University Hospital")} <= parents, parents


def test_panel_members_and_the_host_who_introduced_the_speaker_attend():
    g = extract_text(
        "The 2025 Hale Lectures in Neurosurgery were held at Belvue General Hospital on 12 May 2025. Dr. Anne "
        "Roux of Orsay Medical School delivered the lectures.\n\n"
        "\"Her talk was superb,\" said Dr. Ian Moss, chair of the Department of Neurosurgery, who introduced "
        "Roux at grand rounds.\n\n"
        "The panel discussion was moderated by Dr. Ada Lane, professor of neurology at Belvue General Hospital, "
        "and included Dr. Sam Ode, director of the Spine Clinic, and Dr. Eva Lind, a neuroradiologist at "
        "Tamar Hospital.\n\nDr. Kim Ray thanked the donors.\n", stem="panel")
    att = {p for _e, p in _rel(g, SDO.attendee)}
    assert {"Anne Roux", "Ian Moss", "Ada Lane", "Sam Ode", "Eva Lind"} <= att, att
    assert "Kim Ray" not in att, att


def test_both_people_a_passive_signing_names_attend_it():
    g = extract_text(
        "On 3 May 2024, Belvue General Hospital signed a memorandum of understanding with Tamar University "
        "Hospital. The MoU was signed by Ms. Sara Al Nuaimi, Chief Executive Officer of BGH, and Dr. Yousef Al "
        "Otaibi, Medical Director of Tamar University Hospital.\n", stem="signedby")
    att = {p for _e, p in _rel(g, SDO.attendee)}
    assert {"Sara Al Nuaimi", "Yousef Al Otaibi"} <= att, att


def test_hosts_with_bare_posts_who_attended_the_meeting_with_the_guests():
    g = extract_text(
        "On the morning of June 2, a delegation of six led by Prof. Omar Farouk, Rector of Nile Valley University, "
        "visited the Second Hospital of Tianfu University in Chengdu. Party Secretary Zhao Ming, President Liu "
        "Qiang, Vice President Sun Li and the heads of the Nursing Department attended the meeting.\n",
        stem="hostsattend")
    aff = _rel(g, SDO.affiliation)
    host = "Second Hospital of Tianfu University"
    assert {("Zhao Ming", host), ("Liu Qiang", host), ("Sun Li", host)} <= aff, aff


def test_events_under_numbered_headings_of_an_umbrella_event_take_their_own_part():
    # a "week" set out as numbered parts, one event each: each part's people, organizers and countries are
    # its own; the week keeps its people and fields, not the departments that ran the parts
    g = extract_text(
        "From May 6 to 9, 2025, the 2025 Tamsin Medical Education Week, hosted by Hollin Bay Hospital, was "
        "held in Perth.\n\n"
        "I. Anglo-Dutch Forum on Sleep Medicine (May 6)\n"
        "The forum was organized by the Department of Neurology. Prof. Joost Meering of Delft Harbour Hospital "
        "in Rotterdam, Netherlands, gave a keynote lecture.\n\n"
        "II. Coastal Workshop on Pain Medicine (May 7-8)\n"
        "The workshop was run by the Department of Anesthesiology. Dr. Ravi Anand, Deputy Director of the "
        "Department of Anesthesiology, served as tutor.\n\n"
        "The week was first held in 2019.\n", stem="parallel")
    org, att = _rel(g, SDO.organizer), _rel(g, SDO.attendee)
    assert ("Anglo-Dutch Forum on Sleep Medicine", "Department of Neurology") in org, org
    assert ("Coastal Workshop on Pain Medicine", "Department of Anesthesiology") in org, org
    assert not {o for o in org if o[0] == "2025 Tamsin Medical Education Week" and "Department" in o[1]}, org
    assert ("Anglo-Dutch Forum on Sleep Medicine", "Joost Meering") in att, att
    assert ("Coastal Workshop on Pain Medicine", "Ravi Anand") in att, att
    assert ("Anglo-Dutch Forum on Sleep Medicine", "Ravi Anand") not in att, att
    assert ("2025 Tamsin Medical Education Week", "Joost Meering") in att, att
    about = _rel(g, SDO.about)
    assert ("2025 Tamsin Medical Education Week", "sleep medicine") in about, about


def test_a_ceremony_that_confers_a_title_is_an_event_of_its_own():
    # the appointment ceremony stands alone: "the ceremony" is it, not the lecture told after it
    g = extract_text(
        "On the afternoon of March 3, the appointment ceremony of Professor Lena Vogt, a noted expert in "
        "hepatology, as Honorary Professor of Brookfield Hospital was held in the lecture hall of the hospital. "
        "Tom Ried, President of the hospital, and Ana Kerr, Vice President, attended the ceremony.\n\n"
        "Following the ceremony, Prof. Vogt gave the 7th Brookfield Grand Rounds Lecture. The lecture was chaired "
        "by Dr. Max Hale.\n", stem="appointment")
    att = _rel(g, SDO.attendee)
    cer = [e for e, _ in att if e.lower().startswith("appointment ceremony of lena vogt")]
    assert cer, att
    assert (cer[0], "Tom Ried") in att and (cer[0], "Ana Kerr") in att, att
    assert ("7th Brookfield Grand Rounds Lecture", "Tom Ried") not in att, att
    assert ("7th Brookfield Grand Rounds Lecture", "Max Hale") in att, att


def test_the_country_of_a_post_told_with_is_is_the_person_s():
    # "P is Director of the Department of X at ORG in CITY, COUNTRY": the phrase says where P works
    g = extract_text(
        "Prof. Henrik Dahl is Director of the Department of Urology at Fjordside University Hospital in "
        "Bergen, Norway. He spoke at the 2nd Lakeview Urology Forum.\n", stem="copularcountry")
    assert ("Henrik Dahl", "Norway") in _rel(g, SDO.nationality), _rel(g, SDO.nationality)


def test_a_small_group_from_a_named_body_visiting_the_department_is_a_visit():
    # a dated item of a department's exchange list: "Dr. P and two <profession>s from ORG visited the department"
    g = extract_text(
        "Department of Nephrology of Westmoor Hospital\n"
        "The Department of Nephrology has partners in three countries.\n\n"
        "Past exchanges\n"
        "2019: Dr. Ola Berg, Director of the department, completed a fellowship in Oslo.\n"
        "4 June 2022: Dr. Rania Haddad and two nephrologists from Petra Kidney Center visited the department "
        "and attended the 2nd Westmoor Forum on Dialysis.\n", stem="groupvisit")
    att, org = _rel(g, SDO.attendee), _rel(g, SDO.organizer)
    visit = [e for e, _ in att if e.lower().startswith("visit of the petra kidney center")]
    assert visit, att
    assert (visit[0], "Rania Haddad") in att, att
    assert (visit[0], "Department of Nephrology") in org, org
    assert ("Rania Haddad", "Petra Kidney Center") in _rel(g, SDO.affiliation)
    dates = {str(n): str(d) for e, d in g.subject_objects(SDO.startDate) for n in g.objects(e, SDO.name)}
    assert dates.get("2nd Westmoor Forum on Dialysis") == "2022-06-04", dates


def test_live_surgery_in_an_event_name_is_no_field():
    g = extract_text(
        "On 3 May 2024, the Department of Surgery of Marrow Bay Hospital held the 2nd Marrow Bay Live Surgery "
        "Workshop on Bariatric Surgery.\n", stem="livesurgery")
    about = _rel(g, SDO.about)
    assert ("2nd Marrow Bay Live Surgery Workshop on Bariatric Surgery", "bariatric surgery") in about, about
    assert ("2nd Marrow Bay Live Surgery Workshop on Bariatric Surgery", "surgery") not in about, about


def test_a_society_of_surgeons_has_their_field():
    # "Society of Robotic Surgeons": its members practise robotic surgery, the society's field
    g = extract_text(
        "The 2nd Tideway Course on Hand Surgery was co-organized by the Baltic Society of Hand Surgeons.\n",
        stem="surgeonsociety")
    spec = _rel(g, SDO.medicalSpecialty)
    assert ("Baltic Society of Hand Surgeons", "hand surgery") in spec, spec


def test_the_forum_is_the_forum_named_before_not_the_main_workshop():
    # "the forum" / "the congress" refer to the event of that kind named before, not to the article's
    # main event of another kind (a feature or news brief telling several events)
    g = extract_text(
        "On 3 April 2019, the Bramble Hospital held the 2nd Heron Workshop on Hand Surgery in Lund.\n\n"
        "On 9 May 2022, the hospital hosted the Osprey International Wound Care Forum. Experts from Chile and Peru "
        "attended the forum, and Prof. Ilse Varga of Kestrel University gave a lecture at the forum.\n\n"
        "From 20 to 23 May, Dr. Tom Ashby attended the 8th Plover Congress of Endourology in Vienna. "
        "The congress was organized by the Larch Society of Endourology.\n", stem="anaphorkind")
    att, org = _rel(g, SDO.attendee), _rel(g, SDO.organizer)
    pc = _rel(g, MKG.participantCountry)
    assert ("Osprey International Wound Care Forum", "Ilse Varga") in att, att
    assert ("2nd Heron Workshop on Hand Surgery", "Ilse Varga") not in att, att
    assert ("Osprey International Wound Care Forum", "Chile") in pc, pc
    assert ("2nd Heron Workshop on Hand Surgery", "Chile") not in pc, pc
    assert ("8th Plover Congress of Endourology", "Larch Society of Endourology") in org, org
    assert ("2nd Heron Workshop on Hand Surgery", "Larch Society of Endourology") not in org, org


def test_a_counted_group_that_came_from_countries_is_of_participants():
    # "and seven came from A (four) and B (three)": the number stands for participants told before
    g = extract_text(
        "On 5 June 2024, the Juniper Course on Wound Care opened at Halden Hospital. A total of 30 nurses took "
        "part: 22 came from all five regions of Norway, including four from Nordland County, and eight came "
        "from Iceland (five) and Estonia (three).\n", stem="countedcame")
    pc = _rel(g, MKG.participantCountry)
    for c in ("Iceland", "Estonia"):
        assert ("Juniper Course on Wound Care", c) in pc, pc


def test_students_residents_and_interns_hold_a_place_at_their_school():
    g = extract_text(
        "On 4 June 2025, the closing ceremony of the 2025 Summer Elective Programme was held at Tarn University. "
        "Mia Holt, a fourth-year medical student at Fellside University in Leeds, United Kingdom, spoke. "
        "Ravi Nair, a final-year student from Coastline University, and Dr. Ana Pires, a resident in the "
        "Department of Surgery of Tarn University, also spoke.\n", stem="learners")
    aff = _rel(g, SDO.affiliation)
    assert ("Mia Holt", "Fellside University") in aff, aff
    assert ("Ravi Nair", "Coastline University") in aff, aff
    assert ("Ana Pires", "Department of Surgery") in aff, aff


def test_the_partners_address_is_not_where_the_signing_was():
    g = extract_text(
        "On 4 June 2025, Tarn Hospital signed a memorandum of understanding with Coastline University Hospital "
        "in Porto, Portugal. Dr. Ada Moss and Dr. Ben Ure signed it.\n", stem="partneraddress")
    loc = _rel(g, SDO.location)
    assert not [x for x in loc if x[0].startswith("Signing") and x[1] == "Porto"], loc


def test_a_post_held_since_a_year_is_an_affiliation():
    g = extract_text(
        "The Department of Urology of Cove Hospital was founded in 1990. Prof. Ana Ruiz has been Director of the "
        "department since 2012. Dr. Li Wen has been a consultant at Cove Hospital since 2019.\n", stem="hasbeen")
    aff = _rel(g, SDO.affiliation)
    assert ("Ana Ruiz", "Department of Urology") in aff, aff
    assert ("Li Wen", "Cove Hospital") in aff, aff


def test_every_item_of_a_run_of_counted_countries_is_a_participant_country():
    # "nurses took part: nine from A, seven from B, ...": the people noun is before the run, not each item
    g = extract_text(
        "On 3 March 2025, the Birchwood Course on Renal Nursing opened at Halden Hospital. Thirty renal nurses "
        "took part: nine from Ghana, seven from Zambia, five from Malawi, four from Rwanda, three from Uganda "
        "and two from Namibia.\n", stem="countrun")
    pc = _rel(g, MKG.participantCountry)
    for c in ("Ghana", "Zambia", "Malawi", "Rwanda", "Uganda", "Namibia"):
        assert ("Birchwood Course on Renal Nursing", c) in pc, pc


def test_hosts_listed_after_welcoming_the_delegation_attend_the_visit():
    g = extract_text(
        "Oakmere, Monday (3/2/2025) – Oakmere General Hospital received a delegation from Tallis Medical College "
        "of Ghana. Welcoming the delegation were Dr. Ivo Brandt, Sp.OG, Medical Director of Oakmere General "
        "Hospital, Prof. Dr. Nora Feld, Dean of the Faculty of Health Sciences of Oakmere University, Dr. Otto Lind, "
        "Sp.JP, Director of Clinical Services, and Dr. Rina Sol, Head of the Cardiac Unit.\n",
        stem="welcoming")
    att = {p for _e, p in _rel(g, SDO.attendee)}
    for p in ("Ivo Brandt", "Nora Feld", "Otto Lind", "Rina Sol"):
        assert p in att, att


def test_a_demonym_delegation_of_n_led_by_p_and_including_members():
    # "The <demonym> delegation of four was led by P0 and included P1 and P2": all three take part in the
    # visit and come from the demonym's country
    g = extract_text(
        "Oakmere, 3 February 2025 – Oakmere General Hospital received a delegation from Tallis Medical College. "
        "The Peruvian delegation of four was led by Prof. Lucia Ramos, Rector of Tallis Medical College, and "
        "included Dr. Mateo Vidal, Head of the Department of Cardiology, and Dr. Elena Soto, a cardiac surgeon.\n",
        stem="demonymdeleg")
    att = {p for _e, p in _rel(g, SDO.attendee)}
    nat = _rel(g, SDO.nationality)
    for p in ("Lucia Ramos", "Mateo Vidal", "Elena Soto"):
        assert p in att, att
        assert (p, "Peru") in nat, nat


def test_people_on_post_labelled_lines_of_a_unit_page_hold_the_post():
    g = extract_text(
        "Cove Hospital\nHome > Departments > Division of Rheumatology\n\nDivision of Rheumatology\n\n"
        "The Division of Rheumatology at Cove Hospital was founded in 1992.\n\nLeadership\n"
        "Chief of Division: Dr. Ada Moss, Senior Consultant\nDeputy Chiefs: Dr. Ben Ure and Dr. Cy Lam\n"
        "Director, Lupus Clinic: Dr. Dee Park\n", stem="postlabels")
    aff = _rel(g, SDO.affiliation)
    for p in ("Ada Moss", "Ben Ure", "Cy Lam"):
        assert (p, "Division of Rheumatology") in aff, aff
    assert ("Dee Park", "Lupus Clinic") in aff, aff


def test_a_sentence_naming_no_event_is_about_the_event_named_before_in_its_paragraph():
    # "also attended" after "attended the ceremony"; a news brief's later item: its own event, not the first
    g = extract_text(
        "On 2 March 2024, the opening ceremony of the Fernhill Sleep Center was held at Alder Hospital. "
        "Prof. Rosa Lind, President of Alder Hospital, attended the ceremony. Dr. Omar Fay, Director of "
        "Wexley Health Bureau, also attended.\n\n"
        "After the ceremony, the 1st Fernhill Symposium on Sleep Medicine was held at the hospital.\n\n"
        "From 4 to 6 May 2024, three nurses of Alder Hospital attended the 9th Nordic Congress of Wound Care "
        "in Oslo. The congress was organized by the Birch Society of Wound Care. Dr. Lea Moss gave an oral "
        "presentation on pressure ulcers.\n", stem="paragraphevent")
    att = _rel(g, SDO.attendee)
    ceremony = [e for e, _ in att if e.lower().startswith("opening ceremony")]
    assert ceremony and (ceremony[0], "Omar Fay") in att, att
    assert ("1st Fernhill Symposium on Sleep Medicine", "Omar Fay") not in att, att
    assert ("9th Nordic Congress of Wound Care", "Lea Moss") in att, att
    assert ("1st Fernhill Symposium on Sleep Medicine", "Lea Moss") not in att, att


def test_the_opening_lecture_is_part_of_the_event_named_before_it():
    g = extract_text(
        "On 3 April 2019, the Bramble Hospital held the 2nd Heron Workshop on Hand Surgery in Lund.\n\n"
        "On 9 May 2022, the hospital hosted the Osprey International Wound Care Forum. Experts from Chile and Peru "
        "attended the forum, and Prof. Ilse Varga of Kestrel University gave the opening lecture on burns.\n",
        stem="openinglecture")
    att = _rel(g, SDO.attendee)
    assert ("Osprey International Wound Care Forum", "Ilse Varga") in att, att
    assert ("2nd Heron Workshop on Hand Surgery", "Ilse Varga") not in att, att


def test_people_who_led_the_sessions_attend():
    g = extract_text(
        "On 2 June 2024, the Heath Course on Wound Care opened at Halden Hospital.\n\n"
        "Sessions were led by Dr. Nora Vik, Head of the Department of Surgery, and her team, and by Dr. Aled "
        "Price, a nurse consultant from Cardiff.\n", stem="sessionsled")
    att = _rel(g, SDO.attendee)
    assert ("Heath Course on Wound Care", "Nora Vik") in att, att
    assert ("Heath Course on Wound Care", "Aled Price") in att, att


def test_both_signers_joined_by_and_across_a_title_abbreviation():
    g = extract_text(
        "On 4 June 2025, Tarn University signed a memorandum of understanding with Coastline University. "
        "Prof. Ada Moss and Assoc. Prof. Ben Ure, Vice Dean of Coastline University, signed the memorandum on "
        "behalf of the two universities.\n", stem="assocsigner")
    att = _rel(g, SDO.attendee)
    signing = {e for e, _ in att if e.startswith("Signing")}
    assert signing, att
    assert {(e, "Ada Moss") for e in signing} & att, att
    assert {(e, "Ben Ure") for e in signing} & att, att


def test_co_directors_of_a_new_centre_hold_a_post_at_it():
    g = extract_text(
        "On 2 June 2024, the Nordic-Andean Joint Center for Sleep Medicine was inaugurated at Halden Hospital. "
        "The center will be co-directed by Prof. Nora Vik, Director of the Department of Neurology of Halden "
        "Hospital, and Prof. Diego Ruiz, Head of the Department of Pulmonology of Cusco University.\n",
        stem="codirectors")
    aff = _rel(g, SDO.affiliation)
    assert ("Nora Vik", "Nordic-Andean Joint Center for Sleep Medicine") in aff, aff
    assert ("Diego Ruiz", "Nordic-Andean Joint Center for Sleep Medicine") in aff, aff
    assert ("Nora Vik", "Department of Neurology") in aff, aff


def test_an_acronym_spelt_like_a_pronoun_does_not_end_the_apposition():
    # an organization's acronym spelt like a relative pronoun ("WHEN") does not end the apposition: the post
    # and the country after it count
    g = extract_text(
        "The Heath Course on Wound Care was sponsored by the Western Hospitals Education Network (WHEN). Dr. Anna "
        "Berg, a dermatologist and WHEN consultant from Oslo, Norway, spoke at the course.\n", stem="whenacronym")
    assert ("Anna Berg", "Western Hospitals Education Network") in _rel(g, SDO.affiliation)
    assert ("Anna Berg", "Norway") in _rel(g, SDO.nationality)


def test_a_departments_subspecialty_groups_are_its_fields():
    g = extract_text(
        "On 5 May 2024, the Department of Surgery of Cove Hospital held the 3rd Cove Course on Hernia Repair.\n\n"
        "The department has four subspecialty groups: pediatric surgery, colorectal surgery, breast surgery "
        "and vascular surgery.\n", stem="subspecialtygroups")
    spec = _rel(g, SDO.medicalSpecialty)
    for f in ("pediatric surgery", "colorectal surgery", "breast surgery", "vascular surgery"):
        assert ("Department of Surgery", f) in spec, spec


def test_the_research_a_new_centre_will_carry_out_gives_its_fields():
    g = extract_text(
        "On 2 June 2024, the inauguration ceremony of the Nordic-Andean Joint Center for Sleep Medicine was held "
        "at Halden Hospital. The center will be co-directed by two professors. It will focus on insomnia, carry "
        "out joint research in medical genetics and respiratory medicine, and train young doctors.\n",
        stem="centreresearch")
    spec = _rel(g, SDO.medicalSpecialty)
    for f in ("medical genetics", "respiratory medicine"):
        assert ("Nordic-Andean Joint Center for Sleep Medicine", f) in spec, spec


def test_clinical_rotations_of_the_students_are_the_programmes_subjects():
    g = extract_text(
        "On 4 June 2025, the closing ceremony of the 2025 Summer Elective Programme was held at Tarn University. "
        "Twelve visiting students completed clinical rotations in cardiology, nephrology and dermatology at "
        "Tarn University Hospital.\n", stem="rotations")
    about = _rel(g, SDO.about)
    for f in ("cardiology", "nephrology", "dermatology"):
        assert ("2025 Summer Elective Programme", f) in about, about


def test_the_city_after_a_bracketed_other_name_of_the_venue():
    g = extract_text(
        "On 2 June 2024, the 3rd Heath Course on Wound Care was held at Halden Hospital (the Second Hospital "
        "Affiliated to Fjord Medical University) in Bergen.\n", stem="bracketvenue")
    loc = _rel(g, SDO.location)
    assert ("3rd Heath Course on Wound Care", "Bergen") in loc, loc
    assert ("Halden Hospital", "Bergen") in loc, loc


def test_the_city_after_the_last_co_host_is_its_address_not_the_venue():
    g = extract_text(
        "On 2 June 2024, the opening ceremony of the Fjord Sleep Center was held at Halden Hospital in Bergen. "
        "The ceremony was jointly held by Halden Hospital and Tarn University in Porto, Portugal.\n",
        stem="cohostaddress")
    loc = _rel(g, SDO.location)
    ceremony = [e for e, _ in loc if e.lower().startswith("opening ceremony")]
    assert ceremony and (ceremony[0], "Bergen") in loc, loc
    assert (ceremony[0], "Porto") not in loc, loc


def test_a_centre_based_at_a_hospital_is_its_unit():
    g = extract_text(
        "On 2 June 2024, the Fjord Joint Research Center for Sleep Medicine was inaugurated in Bergen. "
        "The center, based at Halden Hospital, will train ten young doctors every year.\n", stem="basedat")
    parent = _rel(g, SDO.parentOrganization)
    assert ("Fjord Joint Research Center for Sleep Medicine", "Halden Hospital") in parent, parent


def test_the_short_form_of_an_affiliated_hospital_is_the_parent_of_its_departments():
    g = extract_text(
        "On 4 June 2025, the 3rd Fjord Course on Wound Care was held at the Second Affiliated Hospital of Tarn "
        "Medical University in Bergen. Dr. Ada Moss, a resident in the Department of Nephrology of the Second "
        "Affiliated Hospital, spoke.\n", stem="shortform")
    parent = _rel(g, SDO.parentOrganization)
    assert ("Department of Nephrology", "Second Affiliated Hospital of Tarn Medical University") in parent, parent


def test_the_funder_of_a_course_is_an_organizer():
    g = extract_text(
        "On 3 May 2025, the Regional Burn Nursing Course, organised by Riverside General Hospital, opened in "
        "Harbour City. The course is funded by the Seaside Charitable Trust.\n", stem="funded")
    org = _rel(g, SDO.organizer)
    assert ("Regional Burn Nursing Course", "Seaside Charitable Trust") in org, org


def test_a_home_unit_in_the_subject_is_not_owned_by_the_host_abroad():
    g = extract_text(
        "Halden Hospital\nHome | News\n\nOn 4 June 2025, Halden Hospital held the 2025 Report Meeting on Advanced "
        "Study. Dr. Ada Moss, Chief Physician of the Department of Nephrology, spent ten months in the Division of "
        "Dialysis of Tarn University Hospital in Porto, Portugal, where she studied peritoneal dialysis.\n",
        stem="homeunitabroad")
    parent = _rel(g, SDO.parentOrganization)
    assert ("Department of Nephrology", "Halden Hospital") in parent, parent
    assert ("Department of Nephrology", "Tarn University Hospital") not in parent, parent


def test_home_units_on_a_page_headed_name_comma_city_in_capitals():
    g = extract_text(
        "HALDEN RIVER TEACHING HOSPITAL, TROMSO\nHome | News\n\nOn Monday, 3 March 2025, the Halden River "
        "Teaching Hospital in Tromso received a team of surgeons from Porto. Also at the reception were the "
        "Chairman, Medical Advisory Committee, Dr. Nils Berg; and the Head of the Department of Urology, "
        "Dr. Kari Lund.\n", stem="homecaps")
    parent = {(a.lower(), b.lower()) for a, b in _rel(g, SDO.parentOrganization)}
    assert ("department of urology", "halden river teaching hospital") in parent, parent
    assert ("medical advisory committee", "halden river teaching hospital") in parent, parent


def test_a_unit_of_the_university_s_hospital_belongs_to_that_hospital():
    g = extract_text(
        "On 2 June 2024, the 3rd Fjord Course on Wound Care opened at Tarn University of Medical Sciences in "
        "Bergen. The rector said that the Burns Center of the university's Halden Hospital treats 900 patients "
        "a year.\n", stem="possessive")
    parent = _rel(g, SDO.parentOrganization)
    assert ("Burns Center", "Halden Hospital") in parent, parent
    assert ("Halden Hospital", "Tarn University of Medical Sciences") in parent, parent
    assert ("Burns Center", "Tarn University of Medical Sciences") not in parent, parent


def test_a_faculty_named_after_its_university_s_acronym_belongs_to_it():
    g = extract_text(
        "On 2 June 2024, the 3rd Fjord Course on Wound Care opened at Tarn University of Medical Sciences (TUMS) "
        "in Bergen. The course is organized by the TUMS Faculty of Nursing.\n", stem="acrofaculty")
    parent = _rel(g, SDO.parentOrganization)
    assert ("TUMS Faculty of Nursing", "Tarn University of Medical Sciences") in parent, parent


def test_a_dateline_with_a_second_calendar_in_brackets_dates_the_event():
    g = extract_text(
        "Tarn University of Medical Sciences\nNews\n\n"
        "Bergen, 6 May 2024 (17 Ordibehesht 1403) - The 4th Fjord Congress of Hand Surgery opened on Monday "
        "at Halden Hospital with 300 surgeons.\n", stem="twocalendars")
    assert str(g.value(event(g), SDO.startDate)) == "2024-05-06"


def test_a_cue_sentence_parsed_without_a_verb_does_not_hang():
    # "Four sub-forums covered A, B ..." parsed with a noun at the root: the climb from the cue to its verb
    # once compared spaCy tokens by identity and never stopped
    g = extract_text(
        "On 9 April 2025, the 2nd Harbour Forum on Perioperative Care was held at Cove Hospital in Perth. "
        "Four sub-forums covered dermatopathology, anaesthesia nursing, peripheral nerve surgery and wrist "
        "arthroscopy.\n", stem="subforumscovered")
    about = _rel(g, SDO.about)
    assert ("2nd Harbour Forum on Perioperative Care", "wrist arthroscopy") in about, about


def test_subspecialty_names_of_the_scheme():
    g = extract_text(
        "On 9 April 2025, the 2nd Harbour Forum on Perioperative Care was held at Cove Hospital in Perth. "
        "The lectures covered anaesthesia nursing, dermatopathology, ambulatory anaesthesia, peripheral nerve "
        "surgery and wrist arthroscopy.\n", stem="subspecialtynames")
    about = _rel(g, SDO.about)
    for f in ("dermatopathology", "anesthesia nursing", "ambulatory anesthesia", "peripheral nerve surgery",
              "wrist arthroscopy"):
        assert ("2nd Harbour Forum on Perioperative Care", f) in about, about


def test_the_fields_of_parallel_sessions_are_the_meetings_subjects():
    g = extract_text(
        "On 9 April 2025, the 2nd Harbour Forum on Perioperative Care was held at Cove Hospital in Perth. "
        "In the afternoon, three parallel sessions were held on cardiac anesthesia, ambulatory anesthesia and "
        "regional anesthesia. Dr. Ada Moss, President of the Perth Society of Hand Surgery, said that 20 papers "
        "will be read in sessions on peripheral nerve surgery and wrist arthroscopy.\n", stem="parallelsessions")
    about = _rel(g, SDO.about)
    for f in ("cardiac anesthesia", "ambulatory anesthesia", "regional anesthesia", "peripheral nerve surgery",
              "wrist arthroscopy"):
        assert ("2nd Harbour Forum on Perioperative Care", f) in about, about


def test_a_meeting_held_on_a_date_takes_no_field_from_the_words_after_it():
    g = extract_text(
        "The 2nd Harbour Forum on Perioperative Care was held on 9 April 2025 at Cove Hospital. The hospital's "
        "Department of Dermatology is known for cosmetic dermatology.\n", stem="heldondate")
    about = _rel(g, SDO.about)
    assert not any(f == "cosmetic dermatology" for _, f in about), about


def test_people_who_reported_on_or_shared_how_in_a_list_of_speakers_attend():
    g = extract_text(
        "On 9 April 2025, the 2nd Harbour Forum on Perioperative Care was held at Cove Hospital in Perth. "
        "In the exchange session, Prof. Ada Moss, Director of Perth Pain Center, introduced the city's registry; "
        "Dr. Ben Hale from Tarn Hospital shared how nurse-led clinics cut waiting times; and Eva Lund, head "
        "nurse of the Recovery Unit of Cove Hospital, reported on early mobilisation. Dr. Kim Sol from Ridge "
        "Hospital in Laos reported on pain control.\n", stem="reportedon")
    att = _rel(g, SDO.attendee)
    assert "Laos" in participant_countries(g)
    for p in ("Ben Hale", "Eva Lund", "Kim Sol"):
        assert ("2nd Harbour Forum on Perioperative Care", p) in att, att


def test_a_visiting_team_led_by_a_named_person_attends_and_gives_its_country():
    g = extract_text(
        "The 3rd Lakeshore Eye Camp opened at Kora General Hospital in Mombasa on 4 May 2025.\n\n"
        "The hospital director received a 9-member team of Irish ophthalmologists and nurses led by "
        "Dr. Niamh Doyle, a consultant at Shannon Eye Clinic. Dr. Doyle said the team, which includes "
        "Dr. Ciaran Walsh, a retina surgeon, and Aoife Byrne, a nurse manager, was glad to be back.\n",
        stem="visitingteam")
    att = _rel(g, SDO.attendee)
    for p in ("Niamh Doyle", "Ciaran Walsh", "Aoife Byrne"):
        assert ("3rd Lakeshore Eye Camp", p) in att, att
        assert (node(g, p), SDO.nationality, node(g, "Ireland")) in g, p
    assert "Ireland" in participant_countries(g)


def test_people_listed_as_present_at_a_reception_attend_the_reported_event():
    g = extract_text(
        "The 2nd Kora Cleft Lip Mission began at Kora General Hospital in Mombasa on 4 May 2025.\n\n"
        "The Medical Director, Dr. Amina Said, received the visitors on Monday.\n\n"
        "Also at the reception were the Head of Nursing Services, Mrs. Grace Wanjiru; and the Head of the "
        "Department of Plastic Surgery, Dr. Peter Otieno.\n", stem="presentat")
    att = _rel(g, SDO.attendee)
    for p in ("Grace Wanjiru", "Peter Otieno"):
        assert ("2nd Kora Cleft Lip Mission", p) in att, att


def test_the_subject_of_a_relative_clause_on_the_event_organizes_it():
    g = extract_text(
        "On 4 May 2025, the 2nd Kora Cleft Lip Mission began in Mombasa, which the Harbour Smile Foundation "
        "organises in partnership with Kora General Hospital.\n", stem="relclorganizer")
    org = _rel(g, SDO.organizer)
    for o in ("Harbour Smile Foundation", "Kora General Hospital"):
        assert ("2nd Kora Cleft Lip Mission", o) in org, org


def test_the_charity_refers_to_the_one_trust_or_foundation_of_the_article():
    g = extract_text(
        "On 4 May 2025, the 2nd Kora Cleft Lip Mission began at Kora General Hospital in Mombasa with the "
        "support of the Harbour Smile Foundation, a Dutch charity. It was led by Dr. Niamh Doyle, a consultant "
        "at Lakeside Clinic and a trustee of the charity.\n", stem="charityanaphor")
    aff = _rel(g, SDO.affiliation)
    assert ("Niamh Doyle", "Harbour Smile Foundation") in aff, aff


def test_a_speaker_in_the_opening_ceremony_attends():
    g = extract_text(
        "The 3rd Harbour Congress of Foot Surgery opened in Perth on 4 May 2025 with 300 surgeons.\n\n"
        "In the opening ceremony, Dr. Ada Moss, Dean of Perth Medical School, said that the school had trained "
        "40 foot surgeons since 2010.\n", stem="inceremony")
    att = _rel(g, SDO.attendee)
    assert ("3rd Harbour Congress of Foot Surgery", "Ada Moss") in att, att


def test_a_person_who_is_the_secretary_of_the_event_attends_it():
    g = extract_text(
        "The 3rd Harbour Congress of Foot Surgery opened in Perth on 4 May 2025 with 300 surgeons. "
        "Dr. Ada Moss, senior lecturer at Perth Medical School, is the scientific secretary of the congress.\n",
        stem="secretaryof")
    att = _rel(g, SDO.attendee)
    assert ("3rd Harbour Congress of Foot Surgery", "Ada Moss") in att, att


def test_posts_before_the_name_with_bracketed_acronyms_a_town_and_a_bracketed_honorific():
    g = extract_text(
        "The 2nd Kora Cleft Lip Mission began in Mombasa on 4 May 2025.\n\n"
        "The Chief Executive Officer (CEO) of Kora General Hospital (KGH), Mombasa, Prof. Amina Said, welcomed "
        "the visitors. Also present were the Chairman, Clinical Ethics Committee (CEC), Dr. Peter Otieno; and "
        "the Head of the Department of Paediatrics, Dr. (Mrs.) Grace Wanjiru.\n", stem="postfirstbrackets")
    aff = _rel(g, SDO.affiliation)
    for pair in (("Amina Said", "Kora General Hospital"), ("Peter Otieno", "Clinical Ethics Committee"),
                 ("Grace Wanjiru", "Department of Paediatrics")):
        assert pair in aff, aff


def test_the_coordinator_of_a_workshop_named_before_the_participle_attends_it():
    g = extract_text(
        "The 2nd Kora Cleft Lip Mission began in Mombasa on 4 May 2025. As part of the mission, the Kora Suturing "
        "Skills Workshop will hold from 7 May. The workshop, coordinated by Dr. Peter Otieno, will use "
        "simulators.\n", stem="coordinatedby")
    att = _rel(g, SDO.attendee)
    assert ("Kora Suturing Skills Workshop", "Peter Otieno") in att, att


def test_a_post_written_after_its_organization_in_the_apposition():
    g = extract_text(
        "On 12 May 2025, Riverbend General Hospital (RGH) hosted the 1st Riverbend Sepsis Forum. The guests were "
        "received by Dr. Lina Okafor, RGH medical director, and Mr. Tom Hale, RN, RGH nursing supervisor.\n",
        stem="postafterorg")
    aff = _rel(g, SDO.affiliation)
    assert ("Lina Okafor", "Riverbend General Hospital") in aff, aff
    assert ("Tom Hale", "Riverbend General Hospital") in aff, aff


def test_an_organizations_own_group_ends_the_apposition_before_it():
    g = extract_text(
        "A delegation from Eastgate Clinic visited Northfield Hospital on 2 June 2025. The guests were met by "
        "Dr. Sara Mbeki, Director of Eastgate Clinic, and Northfield Hospital's cardiac surgeons led by "
        "Dr. Paul Ndlovu.\n", stem="possessivegroup")
    aff = _rel(g, SDO.affiliation)
    assert ("Sara Mbeki", "Eastgate Clinic") in aff, aff
    assert ("Sara Mbeki", "Northfield Hospital") not in aff, aff


def test_the_companion_of_a_visitor_takes_the_demonym_of_the_visitors():
    g = extract_text(
        "Irish Surgeon Visits Our Hospital\n\n"
        "On 5 May 2025, Professor Liam Doyle, Head of Colorectal Surgery at Liffey University Hospital in Cork, "
        "Ireland, visited Songhe People's Hospital. He was accompanied by Ms. Aoife Byrne, a stoma nurse of the "
        "same hospital.\n\n"
        "President Zhao Ming met with the two Irish guests.\n", stem="companiondemonym")
    nat = _rel(g, SDO.nationality)
    assert ("Aoife Byrne", "Ireland") in nat, nat


def test_the_signers_of_an_agreement_organize_the_programme_it_sets_up():
    g = extract_text(
        "On 8 April 2025, Halden Children's Hospital and Marula University signed a memorandum of understanding "
        "setting up the Halden-Marula Paediatric Oncology Fellowship Programme. Under the programme, two "
        "fellows a year will train in Halden.\n", stem="signedtosetup")
    org = _rel(g, SDO.organizer)
    assert ("Halden-Marula Paediatric Oncology Fellowship Programme", "Halden Children's Hospital") in org, org
    assert ("Halden-Marula Paediatric Oncology Fellowship Programme", "Marula University") in org, org


def test_the_ceremony_of_a_sentence_that_tells_of_a_signing_is_the_signing():
    g = extract_text(
        "A delegation from Corvale University Hospital visited Benin Coast Hospital from 3 to 6 March 2025, "
        "led by Prof. Anna Weiss.\n\n"
        "On 5 March, the two hospitals signed a memorandum of understanding on nurse training. The memorandum "
        "was signed by Prof. Weiss and Dr. Kofi Mensah, Director of Benin Coast Hospital, who joined the "
        "ceremony online from Lagos.\n", stem="signingceremony")
    att = _rel(g, SDO.attendee)
    assert not any(e.startswith("Visit") and p == "Kofi Mensah" for e, p in att), att
    assert any(e.startswith("Signing") and p == "Kofi Mensah" for e, p in att), att


def test_the_host_who_welcomed_they_the_visiting_group_attends_the_visit():
    g = extract_text(
        "A delegation from Corvale University Hospital visited Benin Coast Hospital on 3 March 2025.\n\n"
        "The delegation included Dr. Anna Weiss, a cardiologist, and Dr. Paul Kern, a nephrologist. They were "
        "welcomed by Dr. Kofi Mensah, Director of Benin Coast Hospital.\n", stem="theywerewelcomed")
    att = _rel(g, SDO.attendee)
    assert any(e.startswith("Visit") and p == "Kofi Mensah" for e, p in att), att


def test_the_facilitator_of_a_workshop_attends_it():
    g = extract_text(
        "On 3 March 2025, Lakeview County Hospital held a two-day Wound Care Nursing Workshop for 30 nurses "
        "from the district. The workshop was facilitated by Ms. Joan Akinyi, head nurse of the surgical "
        "ward.\n", stem="facilitatedby")
    att = _rel(g, SDO.attendee)
    assert ("Wound Care Nursing Workshop", "Joan Akinyi") in att, att


def test_one_of_the_participants_named_after_the_phrase_attends_the_event_of_the_sentence():
    g = extract_text(
        "The 2nd Kora Cleft Lip Mission began in Mombasa on 4 May 2025. As part of the mission, the Kora Suturing "
        "Skills Workshop will hold from 7 May.\n\n"
        "One of the trainees, Dr. Peter Otieno, a registrar at Lamu County Hospital, said the workshop would "
        "help his team.\n", stem="oneoftheparticipants")
    att = _rel(g, SDO.attendee)
    assert ("Kora Suturing Skills Workshop", "Peter Otieno") in att, att


def test_the_head_noun_of_a_named_event_refers_to_it_even_when_it_is_no_general_event_noun():
    g = extract_text(
        "A Dutch team arrived in Mombasa on 4 May 2025 for the 2nd Kora Cleft Lip Mission.\n\n"
        "About 50 children will have operations in plastic surgery and paediatric anaesthesia during the "
        "ten-day mission.\n\nThe mission ends on Wednesday, 14 May.\n", stem="missionanaphor")
    about = _rel(g, SDO.about)
    assert ("2nd Kora Cleft Lip Mission", "plastic surgery") in about, about
    # an end told by the anaphor does not replace the start told with the name
    ev = next(s for s, o in g.subject_objects(SDO.name) if str(o) == "2nd Kora Cleft Lip Mission")
    assert str(g.value(ev, SDO.startDate)) == "2025-05-04"


def test_the_returnees_of_a_report_meeting_told_in_later_paragraphs_attend_it_and_its_program():
    g = extract_text(
        "On March 3, 2025, Lakeside Hospital held the 2024 Report Meeting on Visiting Scholar Study. Five nurses "
        "who had returned from study in Canada and Australia reported on their work. The five were selected "
        "under the Eastland Nursing Talent Program, which is funded by the Eastland Health Commission.\n\n"
        "Dr. Mei Tang of the Department of Nephrology spent ten months at Maple Bay Hospital in Toronto, where she "
        "studied hemodialysis nursing. Nurse Jun Park studied wound care at Harbour City Hospital in Sydney.\n",
        stem="returnees")
    att, about = _rel(g, SDO.attendee), _rel(g, SDO.about)
    meeting = next(e for e, _ in att if e.startswith("2024 Report Meeting"))
    for ev in (meeting, "Eastland Nursing Talent Program"):
        for p in ("Mei Tang", "Jun Park"):
            assert (ev, p) in att, att
        assert (ev, "wound care") in about, about


def test_a_city_set_off_by_commas_after_an_organization_mid_sentence_is_its_address():
    g = extract_text(
        "Bone Health Symposium held in Leeds\n\n"
        "The symposium was held on 3 May 2025. One of the speakers, Dr. Ann Holt, a consultant at Pennine Ridge "
        "General Hospital, Halifax, said the course was useful. Mr. Tom Reed, a surgeon at Marsh Lane NHS "
        "Foundation Trust, Norwich, and a trustee of the society, gave a talk. Delegates came from Fenwick "
        "University Hospital, York, and Hull.\n", stem="midaddress")
    loc = _rel(g, SDO.location)
    # "at ORG, CITY, said" / "at ORG, CITY, and a trustee": the city is the organization's address
    assert ("Pennine Ridge General Hospital", "Halifax") in loc, loc
    assert ("Marsh Lane NHS Foundation Trust", "Norwich") in loc, loc
    # "from ORG, CITY, and CITY2" is a list of places, not an address
    assert ("Fenwick University Hospital", "York") not in loc, loc


def test_a_venue_named_by_an_event_noun_is_no_mention_of_the_event():
    # "the university's conference hall": a hall, where the congress met; the university is the venue
    g = extract_text(
        "Tabriz, 2 May 2025 - The 4th Congress of Vascular Surgery opened on Friday at the university's "
        "conference hall. The congress was organized by Sahand University of Medical Sciences.\n", stem="hall")
    loc = _rel(g, SDO.location)
    assert ("4th Congress of Vascular Surgery", "Sahand University of Medical Sciences") in loc, loc


def test_a_unit_whose_name_holds_its_parent_is_not_reparented_by_a_later_post():
    g = extract_text(
        "On 8 June 2025 the Northland Cardiology Congress was held in Eastport. Prof. Wu Lan, Chairman of the "
        "Cardiology Branch of Northland Medical Association and Director of the Department of Cardiology of "
        "Eastport Central Hospital, gave the opening speech.\n", stem="branchpost")
    par = _rel(g, SDO.parentOrganization)
    assert ("Cardiology Branch of Northland Medical Association", "Northland Medical Association") in par, par
    assert ("Cardiology Branch of Northland Medical Association", "Eastport Central Hospital") not in par, par
    assert ("Department of Cardiology", "Eastport Central Hospital") in par, par


def test_a_unit_of_a_unit_at_an_institution_belongs_to_the_inner_unit_only():
    g = extract_text(
        "The Division of Hematology of the Department of Pediatrics at Lakeview General Hospital was founded in "
        "1990. On 2 May 2025 the division hosted the 3rd Lakeview Symposium on Pediatric Hematology.\n",
        stem="divat")
    par = _rel(g, SDO.parentOrganization)
    assert ("Division of Hematology", "Department of Pediatrics") in par, par
    assert ("Department of Pediatrics", "Lakeview General Hospital") in par, par
    assert ("Division of Hematology", "Lakeview General Hospital") not in par, par


ONE_PERSON_VISIT = """\
Qinghe People's Hospital

Swedish Cardiology Expert Visits Our Hospital

From May 4 to 6, Professor Lars Eklund, Chief Physician of the Heart Unit of Vasa University Hospital in Umea, \
Sweden, visited Qinghe People's Hospital for academic exchange. He was accompanied by Ms. Anna Berg, a nurse of \
the same hospital.

On May 4, President Zhou Ming met with the two Swedish experts. Prof. Eklund gave a lecture on heart failure.
"""


def test_the_visit_of_one_person_is_an_event_with_its_visitors_and_host():
    g = extract_text(ONE_PERSON_VISIT, stem="onevisit")
    ev = "Visit of Lars Eklund to Qinghe People's Hospital"
    att = _rel(g, SDO.attendee)
    assert {(ev, "Lars Eklund"), (ev, "Anna Berg")} <= att, att
    assert (ev, "Qinghe People's Hospital") in _rel(g, SDO.organizer), _rel(g, SDO.organizer)
    # the post before "visited" is at the visitor's home, not at the host
    assert ("Lars Eklund", "Qinghe People's Hospital") not in _rel(g, SDO.affiliation), _rel(g, SDO.affiliation)


def test_a_visiting_team_is_received_by_the_subject_that_works_with_it():
    g = extract_text(
        "Riverside General Hospital\n\nLAGOS — Riverside General Hospital performed its first two liver transplants "
        "last month with a visiting surgical team from Kestrel University Hospital in Lyon, France. The team stayed "
        "for one week.\n", stem="visitteam")
    ev = "Visit of the Kestrel University Hospital surgical team to Riverside General Hospital"
    assert (ev, "Riverside General Hospital") in _rel(g, SDO.organizer), _rel(g, SDO.organizer)


def test_the_members_a_visiting_team_included_attend_its_visit_and_share_its_country():
    g = extract_text(
        "Riverside General Hospital\n\nLAGOS — Riverside General Hospital performed its first two liver transplants "
        "last month with a visiting surgical team from Kestrel University Hospital in Lyon, France. The five-member "
        "French team arrived on May 2. The team included Dr. Claire Morel, a hepatologist, and Dr. Luc Girard, "
        "an anesthesiologist.\n", stem="teammembers")
    ev = "Visit of the Kestrel University Hospital surgical team to Riverside General Hospital"
    att = _rel(g, SDO.attendee)
    assert {(ev, "Claire Morel"), (ev, "Luc Girard")} <= att, att
    nat = _rel(g, SDO.nationality)
    assert {("Claire Morel", "France"), ("Luc Girard", "France")} <= nat, nat


def test_the_signers_and_witnesses_of_an_agreement_named_as_the_subject_attend_the_signing():
    g = extract_text(
        "Riverside General Hospital\n\nLAGOS — Riverside General Hospital welcomed a surgical team from Kestrel "
        "University Hospital on May 2. On May 6, Riverside General Hospital and Kestrel University Hospital signed "
        "a memorandum of understanding on liver surgery. The MOU was signed by Dr. Femi Adeyemi and Prof. Luc "
        "Girard, and was witnessed by Dr. Ngozi Okafor and Prof. Claire Morel.\n", stem="witness")
    ev = next(s for s, _p, o in g.triples((None, SDO.name, None)) if str(o).startswith("Signing of"))
    att = {str(o) for o in g.objects(ev, SDO.attendee) for o in g.objects(o, SDO.name)}
    assert {"Femi Adeyemi", "Luc Girard", "Ngozi Okafor", "Claire Morel"} <= att, att


def test_a_post_at_the_same_hospital_is_at_the_hospital_of_the_post_named_before():
    g = extract_text(ONE_PERSON_VISIT, stem="samehosp")
    aff = _rel(g, SDO.affiliation)
    assert ("Anna Berg", "Vasa University Hospital") in aff, aff
    assert ("Anna Berg", "Qinghe People's Hospital") not in aff, aff


def test_people_listed_before_both_of_org_all_work_at_org():
    g = extract_text(
        "On 3 May 2025 the Marlow Forum on Liver Surgery opened in Marlow. The speakers were Dr. Claire Morel, a "
        "hepatologist, and Dr. Luc Girard, an anesthesiologist, both of Kestrel University Hospital.\n", stem="bothof")
    aff = _rel(g, SDO.affiliation)
    assert {("Claire Morel", "Kestrel University Hospital"), ("Luc Girard", "Kestrel University Hospital")} <= aff, aff


def test_who_opened_and_directed_an_event_and_who_is_among_its_participants_attend():
    g = extract_text(
        "The 2nd Harbor Course on Pelvic Floor Ultrasound was held at Lindqvist University Hospital from 4 to 6 "
        "June 2024. The course was officially opened by Dr. Mara Holm, Chief Executive of the hospital, and "
        "directed by Prof. Erik Sand, head of the Department of Gynaecology.\n\n"
        "Among the trainees were Dr. Lena Vik, a resident at Fjord County Hospital, and Dr. Ola Berg.\n\n"
        "Dr. Per Nes, the hospital's director of finance, approved the budget.\n", stem="openedby")
    att = {p for _e, p in _rel(g, SDO.attendee)}
    assert {"Mara Holm", "Erik Sand", "Lena Vik", "Ola Berg"} <= att, att
    assert "Per Nes" not in att, att


def test_the_host_who_received_a_visiting_delegation_attends_the_visit():
    g = extract_text(
        "Corvin Medical University delegation visits Lakeside Hospital\n\n"
        "On 11 June 2024, a delegation of Corvin Medical University headed by Prof. Ada Roth visited Lakeside "
        "Hospital and was warmly received by Ben Cole, President of Lakeside Hospital.\n", stem="receivedby")
    att = {(e, p) for e, p in _rel(g, SDO.attendee)}
    visit = "Visit of the Corvin Medical University delegation to Lakeside Hospital"
    assert {(visit, "Ada Roth"), (visit, "Ben Cole")} <= att, att
    # received by someone, but not the guests: no attendee
    g = extract_text(
        "Corvin Medical University delegation visits Lakeside Hospital\n\n"
        "On 11 June 2024, a delegation of Corvin Medical University headed by Prof. Ada Roth visited Lakeside "
        "Hospital. Earlier that week the hospital's annual quality award was received by Dr. Tom Hale.\n",
        stem="receivedby2")
    assert "Tom Hale" not in {p for _e, p in _rel(g, SDO.attendee)}


def test_staff_named_with_a_bare_post_on_a_unit_page_hold_it_at_the_unit():
    g = extract_text(
        "Harwick General Hospital\nHome | Departments | News\n\nDivision of Nephrology\n\n"
        "The Division of Nephrology of Harwick General Hospital was founded in 1988 and has 40 beds.\n\n"
        "Director Ana Ruiz, chief physician, is vice chairman of the Kidney Care Committee of the Osten Medical "
        "Association. Ruiz is assisted by deputy director Tom Lee, who leads the dialysis group, and head nurse "
        "Mia Chen.\n\nIn May 2024 the division was visited by Dr. Kai Wong, President of Brenner University "
        "Hospital.\n", stem="unitpage")
    aff = _rel(g, SDO.affiliation)
    unit = "Division of Nephrology"
    assert {("Ana Ruiz", unit), ("Tom Lee", unit), ("Mia Chen", unit)} <= aff, aff
    assert ("Kai Wong", unit) not in aff, aff


def test_units_an_organization_set_up_or_established_belong_to_it_not_its_partners():
    g = extract_text(
        "Department of Nephrology\n\nThe Department of Nephrology of Harbor City Hospital was founded in 1960. The "
        "department has set up three subspecialty teams: the Dialysis Team, the Glomerular Disease Team and the Kidney "
        "Transplant Team. It has established cooperation with the Transplant Unit of Lakeside University Hospital.\n",
        stem="setup")
    par = _rel(g, SDO.parentOrganization)
    assert {("Dialysis Team", "Department of Nephrology"), ("Glomerular Disease Team", "Department of Nephrology"),
            ("Kidney Transplant Team", "Department of Nephrology")} <= par, par
    assert ("Transplant Unit", "Department of Nephrology") not in par, par


def test_a_heading_line_parsed_into_the_sentence_is_not_its_subject():
    # "Clinical Groups\nThe center has set up ...": the parser gives the verb two subjects, the heading's and
    # the sentence's; the sentence's (nearest the verb) holds the units
    g = extract_text(
        "Neuroscience Center\n\nThe Neuroscience Center of Maple Grove Hospital opened in 2001.\n\nClinical Groups\n"
        "The center has set up two groups: the Stroke Group and the Movement Disorders Group.\n", stem="heading")
    par = _rel(g, SDO.parentOrganization)
    assert {("Stroke Group", "Neuroscience Center"), ("Movement Disorders Group", "Neuroscience Center")} <= par, par


def test_an_organization_s_bracketed_acronym_does_not_hide_the_city_after_it():
    g = extract_text("Riverside Hospital operated on two patients with a visiting team from Kestrel University "
                     "Hospital (KUH) in Sapporo, Japan, on May 3, 2025.\n", stem="acroloc")
    loc = _rel(g, SDO.location)
    assert ("Kestrel University Hospital", "Sapporo") in loc, loc


def test_an_organization_ranked_in_a_place_in_a_relative_clause_is_there():
    g = extract_text("Maple Grove Orthopedic Hospital\n\nOn May 3, Professor Anna Berg visited Maple Grove Orthopedic "
                     "Hospital. President Wu Bin introduced the development of the hospital, which is the largest "
                     "orthopedic specialty hospital in Hebei Province.\n", stem="relcl")
    loc = _rel(g, SDO.location)
    assert ("Maple Grove Orthopedic Hospital", "Hebei Province") in loc, loc


def test_a_place_right_after_a_long_hosted_event_name_is_its_location():
    g = extract_text("On October 5-6, 2024, the Division of Nephrology of Harbor Hospital hosted the 2024 Harbor "
                     "International Symposium on Interventional Nephrology in Kaohsiung, with speakers from Japan.\n",
                     stem="hostloc")
    loc = _rel(g, SDO.location)
    assert ("2024 Harbor International Symposium on Interventional Nephrology", "Kaohsiung") in loc, loc


def test_a_graduation_told_on_its_own_is_an_event_apart_from_the_programme():
    g = extract_text(
        "Eight nurses graduated yesterday from the Critical Care Nursing Training Programme of Lakemont General Hospital. "
        "The graduation ceremony, hosted by Lakemont General Hospital in its auditorium, was attended by guests "
        "from Norway.\n", stem="graduation")
    names = {str(o) for o in g.objects(None, SDO.name)}
    grad = "Graduation ceremony of the Critical Care Nursing Training Programme"
    assert grad in names, names
    assert (grad, "Lakemont General Hospital") in _rel(g, SDO.organizer)


def test_a_graduation_told_on_its_own_is_the_reported_event_and_the_fellowship_is_the_programme():
    g = extract_text(
        "Ten surgeons graduated yesterday from the Hand Surgery Fellowship Programme of Lakemont General Hospital. "
        "The graduation ceremony, hosted by Lakemont General Hospital, was attended by guests from Norway.\n\n"
        "The one-year fellowship is funded by the Fjord Health Foundation.\n\n"
        "\"This is a proud day,\" said Dr. Ana Lind, Director of Lakemont General Hospital, in her opening "
        "remarks.\n", stem="graduation2")
    grad = "Graduation ceremony of the Hand Surgery Fellowship Programme"
    org = _rel(g, SDO.organizer)
    assert ("Hand Surgery Fellowship Programme", "Fjord Health Foundation") in org, org
    assert (grad, "Fjord Health Foundation") not in org, org
    assert (grad, "Ana Lind") in _rel(g, SDO.attendee)


def test_the_country_a_post_is_of_is_the_holder_s_nationality():
    # "Ambassador of X to Y": X, not Y, is the country the envoy comes from
    g = extract_text("Mr. Tom Hale, Ambassador of Norway to Kenya, opened the new neonatal ward of Rift Valley "
                     "General Hospital.\n", stem="envoy")
    nat = _rel(g, SDO.nationality)
    assert ("Tom Hale", "Norway") in nat, nat
    assert ("Tom Hale", "Kenya") not in nat, nat


def test_graduates_and_those_who_addressed_them_take_part_in_the_graduation():
    g = extract_text(
        "Nine nurses graduated yesterday from the Wound Care Training Programme of Lakemont General Hospital. "
        "The graduation ceremony was hosted by Lakemont General Hospital.\n\n"
        "Dr. Ola Berg, Director of the Fjord Health Foundation, addressed the graduates.\n\n"
        "One of the graduates, Ms. Ana Lind of Skerry Hospital, said she was proud.\n", stem="graduates")
    grad = "Graduation ceremony of the Wound Care Training Programme"
    att = _rel(g, SDO.attendee)
    assert {(grad, "Ola Berg"), (grad, "Ana Lind"), ("Wound Care Training Programme", "Ana Lind")} <= att, att
    assert ("Wound Care Training Programme", "Ola Berg") not in att, att


def test_a_demonym_before_a_practitioner_s_plural_gives_the_participant_country():
    g = extract_text(
        "Seven Kenyan pharmacists graduated yesterday from the Wound Care Training Programme of Lakemont "
        "General Hospital. The graduation ceremony was hosted by Lakemont General Hospital.\n", stem="demonymgrad")
    pc = _rel(g, MKG.participantCountry)
    assert {("Wound Care Training Programme", "Kenya"),
            ("Graduation ceremony of the Wound Care Training Programme", "Kenya")} <= pc, pc


def test_a_delegation_of_an_organization_is_the_guest_not_the_visit_s_organizer():
    g = extract_text(
        "Department of Urology\n\nThe Department of Urology of Lakemont General Hospital was founded in 1980.\n\n"
        "On May 3, 2025, a delegation of Baltic Medical University (Riga, Latvia) headed by Prof. Ivo Brandt "
        "visited the department and was received by Dr. Ana Lind, President of Lakemont General Hospital.\n",
        stem="delegationof")
    org = _rel(g, SDO.organizer)
    assert not any(o == "Baltic Medical University" for _e, o in org), org


def test_cme_project_label_before_a_colon_is_no_event_of_its_own():
    """"Provincial CME Project: Workshop on X" as a headline: the CME project is the workshop's
    funding category, not a second event; the hosts and lecturers belong to the workshop."""
    g = extract_text(
        "Provincial CME Project: Workshop on Wound Care Nursing Held in Kunming\n\n"
        "From March 3 to 5, the provincial continuing medical education project \"Workshop on Wound Care "
        "Nursing\" was held in Kunming. The workshop was hosted by Dianchi Lakeside Hospital. "
        "Prof. Mira Okonkwo from Lagos gave a lecture on pressure injuries.\n", stem="cmeproject")
    ev = event(g)
    assert str(g.value(ev, SDO.name)).startswith("Workshop on Wound Care")
    assert node(g, "Mira Okonkwo") in set(g.objects(ev, SDO.attendee))


def test_signing_ceremony_of_an_agreement_is_an_event():
    """'the signing ceremony of the X agreement between A and B was held': an unnamed signing, as
    'A and B signed an X agreement' is, with the people at the ceremony as attendees."""
    g = extract_text(
        "Birchwood Hospital Signs Exchange Agreement with Lindenau University Hospital\n\n"
        "On May 2, the signing ceremony of the exchange agreement between Birchwood Hospital and Lindenau "
        "University Hospital was held in Leipzig. Prof. Anja Kessler, President of Lindenau University "
        "Hospital, attended the ceremony and gave a speech.\n", stem="signingceremony")
    ev = event(g)
    assert str(g.value(ev, SDO.name)).startswith("Signing of the exchange agreement between")
    assert node(g, "Anja Kessler") in set(g.objects(ev, SDO.attendee))


def test_assoc_prof_abbreviation_ends_no_sentence():
    """"led by Assoc. Prof. P, Post of ORG": the period of "Assoc." is the title's; the sentence (and
    the leader of the visiting guests) runs on."""
    g = extract_text(
        "Harbourview Hospital Holds 2024 International Week\n\n"
        "From May 6 to 10, the 2024 International Week of Harbourview Hospital was held in Xiamen. "
        "The Kenyan guests were led by Assoc. Prof. Wanjiru Kamau, Deputy Dean of the School of Medicine of "
        "Rift Valley University.\n", stem="assocprof")
    assert node(g, "Wanjiru Kamau") in set(g.objects(event(g), SDO.attendee))


def test_city_after_a_service_of_a_hospital_is_the_hospitals():
    # "Director of the X Service of HOSPITAL in CITY": a hospital service is a unit; the city is where the
    # hospital is
    g = extract_text("Prof. Rui Lemos, Director of the Vascular Surgery Service of Tamega Hospital Centre in "
                     "Braga, Portugal, led a group of three surgeons to the workshop.\n", stem="service")
    locs = _rel(g, SDO.location)
    assert ("Tamega Hospital Centre", "Braga") in locs, locs
    assert ("Vascular Surgery Service", "Braga") not in locs


def test_center_which_is_based_at_a_department_belongs_to_it():
    # "the X Training Center, which is based at the Department of Y of HOSPITAL": the center is the department's
    g = extract_text("After the signing, the two directors unveiled the plaque of the Luso-Greek Retina Training "
                     "Center, which is based at the Department of Ophthalmology of Douro Hospital.\n", stem="based")
    parents = _rel(g, SDO.parentOrganization)
    assert ("Luso-Greek Retina Training Center", "Department of Ophthalmology") in parents, parents


def test_bare_leading_post_on_the_hospitals_own_site_is_at_the_hospital():
    # a page of the hospital's own site (its header line starts with the hospital's name): "President P"
    # and "Vice President Q" in a sentence naming no other institution than the hospital's own units
    g = extract_text(
        "Maplebrook Hospital Affiliated to Eastshore Medical University\nHome | News | Contact\n\n"
        "Maplebrook Hospital Holds Nursing Week\n\n"
        "On May 6, the opening ceremony of the 2024 Nursing Week was held in the lecture hall. Hu Jian, "
        "Secretary of the Party Committee of Maplebrook Hospital, and President Prof. Dong Lei attended, "
        "and Vice President Prof. Fang Yu presided over the ceremony.\n", stem="ownsite")
    affs = _rel(g, SDO.affiliation)
    assert ("Dong Lei", "Maplebrook Hospital") in affs, affs
    assert ("Fang Yu", "Maplebrook Hospital") in affs, affs


def test_bare_leading_post_on_another_site_is_not_guessed():
    # the same sentence on a page that is not the hospital's (no site header naming it): no guess
    g = extract_text(
        "City health news\n\n"
        "On May 6, the opening ceremony of the 2024 Nursing Week was held at Maplebrook Hospital. Hu Jian, "
        "Secretary of the Party Committee of Maplebrook Hospital, and President Prof. Dong Lei attended.\n",
        stem="othersite")
    assert ("Dong Lei", "Maplebrook Hospital") not in _rel(g, SDO.affiliation)


def test_the_department_is_the_one_named_last_before():
    # "... held by the hospital's Department of X. P, Director of the department, ...": the department named
    # last, not the one named most
    g = extract_text(
        "Maplebrook Hospital\n\n"
        "On June 3, the Spring Forum on Geriatric Nursing was held by the Nursing Department of Maplebrook "
        "Hospital. The Nursing Department has 900 nurses, and the Nursing Department trains nurses from the "
        "region.\n\n"
        "On June 4, a thoracoscopic surgery workshop was held by the hospital's Department of Thoracic "
        "Surgery. Prof. Qin Hao, Director of the department, performed a live operation.\n", stem="lastdept")
    affs = _rel(g, SDO.affiliation)
    assert ("Qin Hao", "Department of Thoracic Surgery") in affs, affs
    assert ("Qin Hao", "Nursing Department") not in affs


def test_countries_listed_after_namely_are_participant_countries():
    # "from nine countries, namely A, B ... and C": the list names the countries (as "including" does)
    g = extract_text(
        "From June 2 to 13, the 2025 International Training Course on Dialysis is being held at Birchfield "
        "Hospital in Hefei. Eighteen nephrologists and nurses from five countries, namely Laos, Mongolia, "
        "Ghana, Peru and Fiji, are taking part in the training.\n", stem="namely")
    assert participant_countries(g) == {"Laos", "Mongolia", "Ghana", "Peru", "Fiji"}, participant_countries(g)


def test_teachers_at_a_training_class_attend_it():
    # "P, chief physician of X, explained ..." and "P1, Director of Y, and Prof. P2 guided the trainees":
    # teaching at the course the article reports
    g = extract_text(
        "From March 3 to 7, the Training Class on Pediatric Ultrasound was held at Larchwood Hospital in "
        "Xining.\n\nProf. Ma Ruolan, chief physician of the Ultrasound Center of Birchmont Hospital, explained "
        "the standardized assessment of the fetal heart. Prof. Suo Lang, Director of the Department of "
        "Ultrasound Medicine, and Prof. Han Yue guided the trainees one by one.\n", stem="teachers")
    att = {str(g.value(o, SDO.name)) for o in g.objects(event(g), SDO.attendee)}
    assert {"Ma Ruolan", "Suo Lang", "Han Yue"} <= att, att


def test_units_on_a_site_headed_by_an_affiliated_hospitals_full_name():
    # the site header "X Hospital Affiliated to Y University" makes the page X Hospital's own: a department
    # named without its institution is X Hospital's
    g = extract_text(
        "Alderbank Hospital Affiliated to Westmoor Medical University\nHome | News | Contact\n\n"
        "On May 6, guests from Fiji visited the Department of Critical Care Medicine and talked with its "
        "doctors.\n", stem="affsite")
    assert ("Department of Critical Care Medicine", "Alderbank Hospital") in _rel(g, SDO.parentOrganization)


def test_photo_and_reviewer_credit_line_is_page_chrome():
    # "(Photos: X Department; Reviewer: Y)" closes the page: no organization or person from it
    g = extract_text(
        "On May 6, the Spring Forum on Nephrology was held at Alderbank Hospital in Lhasa.\n\n"
        "(Photos: Publicity and Education Department; Reviewer: Tashi)\n", stem="credits")
    names_ = {str(o) for o in g.objects(None, SDO.name)}
    assert "Publicity and Education Department" not in names_, names_


def test_main_and_branch_venues_are_the_events_locations():
    # "held by video link, with the main venue at A in CITY and the branch venue at B in CITY2"
    g = extract_text(
        "On May 6, the signing ceremony of the cooperation agreement between Alderbank Hospital and Tagus "
        "University Hospital was held by video link, with the main venue at Alderbank Hospital in Chengdu and "
        "the branch venue at Tagus University Hospital in Lisbon, Portugal.\n", stem="venues")
    locs = {o for s, o in _rel(g, SDO.location) if s.startswith("Signing")}
    assert {"Alderbank Hospital", "Chengdu", "Tagus University Hospital", "Lisbon"} <= locs, locs


def test_where_an_institution_is_from_an_apposition_or_after_its_short_name():
    # "ORG (ACRO), a 900-bed hospital in CITY, REGION, ..."; "ORG (Word UMC), CITY, the COUNTRY"; "ORG (CHU X)
    # in CITY"; "UNIT of HOSPITAL (ACRO), the city's main hospital in CITY": the hospital is there
    g = extract_text(
        "Brookfield Regional Hospital (BRH), a 900-bed hospital in Dunmore, Kestrel Province, is the teaching "
        "hospital of Kestrel University. Lindenhof University Medical Centre (Lindenhof UMC), Halden, the "
        "Netherlands, sent two surgeons, led by Dr. Bram Visser, Dean of Lindenhof UMC. The Department of Surgery "
        "of Ardmore General Hospital (AGH), the city's main hospital in Ardmore, joined. The course was held at "
        "Tarn University Hospital Centre (CHU Tarn) in Albi.\n", stem="apposloc")
    locs = _rel(g, SDO.location)
    for pair in [("Brookfield Regional Hospital", "Dunmore"), ("Brookfield Regional Hospital", "Kestrel Province"),
                 ("Lindenhof University Medical Centre", "Halden"), ("Ardmore General Hospital", "Ardmore"),
                 ("Tarn University Hospital Centre", "Albi")]:
        assert pair in locs, (pair, locs)
    assert ("Department of Surgery", "Ardmore") not in locs
    assert ("Bram Visser", "Lindenhof University Medical Centre") in _rel(g, SDO.affiliation)
    assert "Lindenhof UMC" in {str(a) for a in g.objects(node(g, "Lindenhof University Medical Centre"),
                                                          SDO.alternateName)}


def test_city_after_a_room_of_a_faculty_is_the_meetings():
    # "held in the Great Hall of the Faculty of Medicine in CITY": the city is where the meeting is, not a
    # place said of the faculty
    g = extract_text("The III Coastal Symposium on Nephrology will be held on 3 May 2026 in the Great Hall of the "
                     "Faculty of Medicine in Porto.\n", stem="roomfac")
    locs = _rel(g, SDO.location)
    assert ("III Coastal Symposium on Nephrology", "Porto") in locs, locs
    assert ("Faculty of Medicine", "Porto") not in locs, locs


def test_hospital_named_after_a_university_in_malay_or_spanish():
    # "Universiti X" / "Universidad del X" are universities; "Hospital Clínico Universidad del X" is the
    # university's hospital (not the university), and "(HCUX)" abbreviates it without the "del"
    g = extract_text(
        "Universidad del Sauce | Faculty of Medicine\n\n"
        "Dr. Rosa Vidal, Dean of the Faculty of Medicine of Universidad del Sauce, visited the Pediatric "
        "Oncology Unit of Hospital Clínico Universidad del Sauce (HCUS). Dr. Amir Razak, Dean of the Faculty "
        "of Medicine, Universiti Lembah, came from Hospital Universiti Lembah (HUL).\n", stem="univhosp")
    orgs = {str(g.value(s, SDO.name)) for s in g.subjects(RDF.type, SDO.Organization)}
    assert {"Universidad del Sauce", "Universiti Lembah", "Hospital Clínico Universidad del Sauce"} <= orgs, orgs
    parents = _rel(g, SDO.parentOrganization)
    assert ("Hospital Clínico Universidad del Sauce", "Universidad del Sauce") in parents, parents
    assert ("Hospital Universiti Lembah", "Universiti Lembah") in parents, parents
    assert "HCUS" in {str(a) for a in g.objects(node(g, "Hospital Clínico Universidad del Sauce"), SDO.alternateName)}


def test_city_of_a_units_hospital_named_after_a_university():
    # "the X Unit of Hospital Clínico Universidad del Y (HCUY), the university's teaching hospital in CITY": the
    # hospital is in the city (not the university named inside its name)
    g = extract_text("Universidad del Sauce | Faculty of Medicine\n\n"
                     "The scholars work with the team of the Pediatric Oncology Unit of Hospital Clínico "
                     "Universidad del Sauce (HCUS), the university's teaching hospital in Santiago.\n", stem="unitcity")
    locs = _rel(g, SDO.location)
    assert ("Hospital Clínico Universidad del Sauce", "Santiago") in locs, locs


def test_one_of_the_hospitals_of_a_group_belongs_to_it():
    # "the Department of X of the A Hospital, one of the four hospitals of B": A is B's
    g = extract_text(
        "Dr. Ines Moreau was hosted by the Department of Burns of the Lavande Children's Hospital, one of the "
        "four hospitals of Rhone Valley University Hospital Centre, in Avignon.\n", stem="memberof")
    parents = _rel(g, SDO.parentOrganization)
    assert ("Lavande Children's Hospital", "Rhone Valley University Hospital Centre") in parents, parents


def _dates(g) -> dict[str, str]:
    return {str(n): str(d) for e, d in g.subject_objects(SDO.startDate) for n in g.objects(e, SDO.name)}


def test_weekdays_without_a_date_are_read_from_the_page_date():
    # "last Tuesday" / "on Saturday" / "this morning" in a report dated Wednesday 2024-09-18: the latest such
    # day before the page date; an event that "ended" on a day takes its start told elsewhere; a caps
    # dateline may name the weekday before its date
    g = extract_text(
        "FERNDALE, Wednesday 18 September 2024 – The 2nd Alpine Wound Care Workshop, which ended last Tuesday "
        "at Ferndale General Hospital, trained 40 nurses from Nepal and Bhutan.\n\n"
        "The workshop was opened on Monday 9 September by Prof. Ida Brenner, Director of Ferndale General "
        "Hospital.\n\n"
        "On Saturday, eight nurses joined the Northern Stoma Care Masterclass at the hospital.\n\n"
        "The Ferndale Hand Hygiene Campaign was launched this morning at the hospital.\n",
        stem="relweekday", date="2024-09-18")
    dates = _dates(g)
    assert dates.get("2nd Alpine Wound Care Workshop") == "2024-09-09", dates
    assert dates.get("Northern Stoma Care Masterclass") == "2024-09-14", dates
    assert dates.get("Ferndale Hand Hygiene Campaign") == "2024-09-18", dates


def test_a_weekday_of_a_plan_is_not_dated_back():
    g = extract_text("The Northern Stoma Care Masterclass will be held on Saturday at Ferndale General Hospital.\n",
                     stem="relweekday2", date="2024-09-18")
    assert "Northern Stoma Care Masterclass" not in _dates(g)


def test_signing_of_an_agreement_named_with_its_parties_before_the_verb():
    # "A memorandum of understanding (MoU) between A (AA) and B, City, Country, was signed": a signing of the two;
    # "signed a new three-year agreement between CHU X and Y Hospital": the term is no part of the name, and
    # a hospital acronym's name before "and" is a party of its own
    g = extract_text(
        "LYON, 4 April 2025 — A memorandum of understanding (MoU) between Rhodanie General Hospital (RGH) and "
        "Tamsin University Hospital (TUH), Leeds, the United Kingdom, was signed today at RGH.\n", stem="mou1",
        date="2025-04-04")
    names = {str(n) for e in g.subjects(RDF.type, SDO.Event) for n in g.objects(e, SDO.name)}
    assert "Signing of the memorandum of understanding between Rhodanie General Hospital and Tamsin University " \
           "Hospital" in names, names
    g = extract_text(
        "The congress was held at Rhodanie University Hospital Centre (CHU Rhodanie) in Lyon.\n\n"
        "At the end of the congress, Mr Paul Girard and Prof. Tran Van Long signed a new three-year cooperation "
        "agreement between CHU Rhodanie and Hue Central Hospital.\n", stem="mou2")
    names = {str(n) for e in g.subjects(RDF.type, SDO.Event) for n in g.objects(e, SDO.name)}
    assert any(n.startswith("Signing of the cooperation agreement between") and n.endswith(
        "and Hue Central Hospital") for n in names), names


def test_a_fields_named_day_is_an_event_dated_by_the_weekday_after_the_dateline():
    g = extract_text(
        "Nantes, 14 November 2024 – Last Friday, the Department of Cardiology of Loire Valley Hospital welcomed "
        "200 doctors to the 5th Franco-Moroccan Cardiology Day, organised with the Atlas Heart Society. The "
        "hospital also marked World Heart Day in September.\n\n"
        "At the end of the day, Loire Valley Hospital and Rabat Heart Institute signed a cooperation agreement.\n",
        stem="fieldday", date="2024-11-14")
    dates = _dates(g)
    names = {str(n) for e in g.subjects(RDF.type, SDO.Event) for n in g.objects(e, SDO.name)}
    assert dates.get("5th Franco-Moroccan Cardiology Day") == "2024-11-08", dates
    assert not any("World Heart Day" in n for n in names), names
    assert any(n.startswith("Signing") and d == "2024-11-08" for n, d in dates.items()), dates


def _attendees(g) -> set[tuple[str, str]]:
    return {(str(en), str(pn)) for e, p in g.subject_objects(SDO.attendee)
            for en in g.objects(e, SDO.name) for pn in g.objects(p, SDO.name)}


def test_an_event_opened_on_a_day_by_a_list_of_people():
    # "was opened on Monday 3 March by Ms P, Post, and Professor Q, Post": both open it; "The day was opened
    # by Mr P, Post, Pr Q, Post, and Pr R, Post" after "the 2nd X Nephrology Day": all three
    g = extract_text(
        "The 2nd Baltic Nephrology Day was held at Riga Eastern Hospital on 3 March 2025.\n\n"
        "The day was opened by Mr Juris Kalnins, Director General of Riga Eastern Hospital, Pr Ilze Ozola, Dean "
        "of the Faculty of Medicine of Riga Stradins University, and Pr Anna Berzina, head of the Department "
        "of Nephrology.\n\n"
        "The Northern Dialysis Nursing Workshop was opened on Tuesday 4 March by Ms Liga Vitola, Chief Nurse of "
        "Riga Eastern Hospital, and Professor Peteris Liepins, Dean of Medicine at Daugava University.\n",
        stem="openedby")
    att = _attendees(g)
    for who in ("Juris Kalnins", "Ilze Ozola", "Anna Berzina"):
        assert ("2nd Baltic Nephrology Day", who) in att, att
    for who in ("Liga Vitola", "Peteris Liepins"):
        assert ("Northern Dialysis Nursing Workshop", who) in att, att


def test_field_named_centres_and_the_hospitals_clinic_on_its_own_page():
    # on the hospital's own page, "the Rehabilitation Center" (a unit named after its field alone) and
    # "the hospital's Acupuncture Clinic" are the hospital's; a department named with that clinic is its too
    g = extract_text(
        "Birchfield Hospital Affiliated to Norland Medical University\nHome | News | Contact\n\n"
        "On June 3, guests from Kenya toured the Rehabilitation Center. Dr. Otieno Kamau met Prof. Lin Qiao, "
        "Director of the Rehabilitation Center.\n\n"
        "They also joined the ward rounds of the Department of Nephrology and tried acupuncture at the "
        "hospital's Acupuncture Clinic.\n", stem="homeclinic")
    parents = _rel(g, SDO.parentOrganization)
    for unit in ("Rehabilitation Center", "Acupuncture Clinic", "Department of Nephrology"):
        assert (unit, "Birchfield Hospital") in parents, parents


def test_a_medical_faculty_teaching_other_disciplines_practises_no_field():
    # "Faculty of Medicine and Dentistry": the disciplines a medical faculty teaches are no field of it,
    # while a "School of Midwifery" keeps its field
    g = extract_text(
        "On May 9, Prof. Amina Saleh, Dean of the Faculty of Medicine and Dentistry of Oasis University, and "
        "Dr. Lena Holt, Director of the School of Midwifery of Fenwick University, visited Kestrel Hospital.\n",
        stem="medfaculty")
    spec = _rel(g, SDO.medicalSpecialty)
    assert not any(s.startswith("Faculty of Medicine") for s, _ in spec), spec
    assert any(s.startswith("School of Midwifery") and o == "midwifery" for s, o in spec), spec
    names_ = {str(o) for o in g.objects(None, SDO.name)}
    assert not {"dentistry", "stomatology"} & names_, names_


def test_a_unit_ranked_in_a_direction_of_a_province_after_its_short_name():
    # "The Department of X of Y Hospital (Z for short) was established in 1985 and is the earliest department
    # ... in southern P Province": the parser's cut after the bracket is no sentence end, and the province
    # after a direction word is where the department is
    g = extract_text(
        "About the Department\n\n"
        "The Department of Thoracic Surgery of Lianhua Hospital (Thoracic Surgery for short) was established in "
        "1985 and is the earliest department carrying out lung transplants in southern Hunan Province. Lianhua "
        "Hospital is located in Hengyang.\n", stem="rankedsouth")
    assert ("Department of Thoracic Surgery", "Hunan Province") in _rel(g, SDO.location), _rel(g, SDO.location)


def test_people_from_the_provinces_of_china_make_china_a_participant_country():
    # a national meeting in China: "workers from 31 provinces, autonomous regions and municipalities attended"
    g = extract_text(
        "On May 9, the 2025 National Annual Conference of the Sleep Medicine Branch of Chinese Medical "
        "Doctor Association was held in Nanchang. More than 900 sleep medicine workers from 31 provinces, "
        "autonomous regions and municipalities attended the conference. The conference will promote sleep "
        "medicine in China.\n", stem="provinces")
    assert "China" in participant_countries(g), participant_countries(g)


def test_provinces_of_a_named_country_or_no_china_give_no_guess():
    g = extract_text(
        "On May 9, the Annual Meeting of the Sleep Society was held in Toronto. More than 900 sleep "
        "technologists from 10 provinces attended the meeting.\n", stem="provinces2")
    assert participant_countries(g) == set(), participant_countries(g)


def test_both_parties_of_a_signing_organize_it():
    # "A and the university signed an MOU": the signing's parties are both organizers, the second one named
    # by an anaphor
    g = extract_text(
        "Larchwood Hospital is the largest teaching hospital of Eastern Plains Medical University. Eastern "
        "Plains Medical University trains 9,000 students.\n\n"
        "On June 11, 2024, a delegation of Amur State Medical University (Khabarovsk, Russia) headed by "
        "Vice-Rector Prof. Ivan Orlov visited the department and was received by Wu Gang, President of "
        "Larchwood Hospital. Larchwood Hospital and the university signed a memorandum of understanding on "
        "resident training. The MoU was signed by Prof. Orlov and President Wu.\n", stem="parties")
    orgs = {o for s, o in _rel(g, SDO.organizer) if s.startswith("Signing")}
    assert {"Larchwood Hospital", "Amur State Medical University"} <= orgs, orgs


def test_a_visiting_medical_centre_is_no_unit_of_the_host():
    # a "University Medical Centre" is an institution: in a visit report it is not a unit of the host
    g = extract_text(
        "A delegation from Maas University Medical Centre visited Hospital Universiti Perdana on 6 March. The "
        "delegation was received by the hospital director. Maas University Medical Centre trains 3,000 "
        "students.\n", stem="umcvisit")
    assert not any(s == "Maas University Medical Centre" for s, _o in _rel(g, SDO.parentOrganization))


def test_a_visit_is_at_the_host_its_name_gives_and_in_its_city():
    # "Visit of the X delegation to Y" with no venue said: at Y, in Y's city
    g = extract_text(
        "Dutch Delegation Visits Perdana University Hospital\n\n"
        "A delegation from Maas University Medical Centre, led by Prof. Dirk Jansen, arrived on 6 March for a "
        "two-day visit. The guests toured the clinical microbiology laboratory.\n\n"
        "Perdana University Hospital is located in Ipoh and has 900 beds.\n", stem="visitvenue")
    locs = {o for s, o in _rel(g, SDO.location) if s.startswith("Visit")}
    assert {"Perdana University Hospital", "Ipoh"} <= locs, (locs, _rel(g, SDO.location))


def test_faculty_named_before_its_university_after_a_comma():
    # "Head of the Department of X of the Faculty of Medicine, Universiti Y": the faculty is Y's
    g = extract_text(
        "The guests were received by Dr. Tan Mei Ling, Head of the Department of Pathology of the Faculty of "
        "Medicine, Universiti Selatan, and toured the laboratories.\n", stem="facultycomma")
    assert ("Faculty of Medicine", "Universiti Selatan") in _rel(g, SDO.parentOrganization), _rel(g, SDO.parentOrganization)


def test_a_delegations_members_and_hosts_attend_its_visit_not_a_seminar_held_during_it():
    # "The Danish delegation ..., which arrived on Monday, was led by P0 and included P1 and P2" / "The
    # visitors were received by P3" / "The tour was led by P4" / "In her welcoming speech, P3 said": the
    # visit, though the article tells of a seminar "held" during it; "Dr. van Dijk spoke on X, Dr. Berg on
    # Y, and Dr. Tan on Z": each a speaker of the seminar
    g = extract_text(
        "Danish delegation visits Selatan Hospital\n\n"
        "KUANTAN, 5 June 2025 — A cooperation agreement between Selatan Hospital and Fjord University "
        "Hospital was signed today at the end of a two-day visit by a delegation from Fjord University "
        "Hospital, Aarhus, Denmark.\n\n"
        "The Danish delegation of four, which arrived on Wednesday, was led by Prof. Dr. Lars Mikkelsen, Dean "
        "of Fjord University Hospital, and included Dr. Anna van Dijk (Department of Cardiology, Fjord "
        "University Hospital) and Dr. Henrik Berg.\n\n"
        "The visitors were received by Dr. Siti binti Rahman, Director of Selatan Hospital, and Dr. Tan Boon "
        "Keat, Head of Cardiology.\n\n"
        "In her welcoming speech, Dr. Siti said that heart disease remains a major challenge.\n\n"
        "The guests were then taken on a tour of the cardiac wards. The tour was led by Dr. Farah binti Omar, "
        "the head nurse.\n\n"
        "On Wednesday afternoon, a Joint Seminar on Heart Failure was held in the hospital auditorium. Dr. van "
        "Dijk spoke on cardiac imaging, Dr. Berg on heart failure clinics, and Dr. Tan on rheumatic heart "
        "disease.\n",
        stem="delegvisit", date="2025-06-05")
    att = _attendees(g)
    visit = next(e for e, _ in att if e.startswith("Visit of"))
    for who in ("Lars Mikkelsen", "Anna van Dijk", "Henrik Berg", "Siti binti Rahman", "Tan Boon Keat",
                "Farah binti Omar"):
        assert (visit, who) in att, att
    for who in ("Anna van Dijk", "Henrik Berg", "Tan Boon Keat"):
        assert ("Joint Seminar on Heart Failure", who) in att, att
    assert ("Joint Seminar on Heart Failure", "Lars Mikkelsen") not in att, att
    assert ("Joint Seminar on Heart Failure", "Siti binti Rahman") not in att, att


def _countries(g) -> set[tuple[str, str]]:
    return {(str(en), str(cn)) for e, c in g.subject_objects(MKG.participantCountry)
            for en in g.objects(e, SDO.name) for cn in g.objects(c, SDO.name)}


def test_a_paragraphs_event_takes_its_faculty_and_participant_countries():
    # a sentence that names no event tells of the event named last in its paragraph, not of the article's
    # main event: "Besides Pr. P0, the faculty included Pr. P1 and Dr. P2" (a French "Pr." ends no sentence)
    # and "Forty surgeons from A, B and C practised ..."
    g = extract_text(
        "Lyon, 10 June 2025 - Pr. Jean Marchetti of Rhone University Hospital spent two weeks at Atlas "
        "University Hospital as the fifth guest of the Atlas Visiting Professor Programme, launched in 2021 by "
        "Atlas University Hospital.\n\n"
        "The stay ended last Friday with the 2nd Sahel Workshop on Spinal Surgery, held at the Skills Centre "
        "of the hospital. Forty surgeons and residents from Senegal, Mali and Niger practised on models. "
        "Besides Pr. Marchetti, the faculty included Pr. Omar Diallo of Dakar University Hospital and Dr. "
        "Leila Benali, neurosurgeon at Atlas University Hospital.\n",
        stem="parafaculty", date="2025-06-10")
    att, pcs = _attendees(g), _countries(g)
    ws = "2nd Sahel Workshop on Spinal Surgery"
    for who in ("Jean Marchetti", "Omar Diallo", "Leila Benali"):
        assert (ws, who) in att, att
    for c in ("Senegal", "Mali", "Niger"):
        assert (ws, c) in pcs, pcs
        assert ("Atlas Visiting Professor Programme", c) not in pcs, pcs


def test_an_international_weeks_parts_share_their_people_and_surgeons_who_operate_attend():
    # "the 2024 International Week of X Hospital ... On May 7, the Y Forum was held ...": the week has the
    # people of the forum told after it; "Prof. A and Prof. B, Director of the department, jointly performed
    # a ... repair": both take part in the workshop named before them in the paragraph
    g = extract_text(
        "From May 6 to 10, 2024, the 2024 International Week of Lanshan Hospital was held in Hefei. Delegations "
        "from Norway and Chile came to the hospital for five days of exchange.\n\n"
        "On May 7, the China-Norway Forum on Stroke Nursing was jointly held by the Nursing Department of "
        "Lanshan Hospital and Bergen Coast University. Prof. Ingrid Haugen gave a keynote report on stroke "
        "units in Norway, and Head Nurse Zhao Meiling shared the hospital's practice in stroke care.\n\n"
        "On May 8, the Sino-Chilean Endoscopic Spine Surgery Workshop was held by the hospital's Department of "
        "Spine Surgery. Prof. Diego Fuentes and Prof. Qian Haowen, Director of the department, jointly "
        "performed a full-endoscopic lumbar discectomy, which was broadcast live to 150 surgeons.\n",
        stem="intlweek", date="2024-05-12")
    att = _attendees(g)
    week = "2024 International Week of Lanshan Hospital"
    for who in ("Diego Fuentes", "Qian Haowen"):
        assert ("Sino-Chilean Endoscopic Spine Surgery Workshop", who) in att, att
    for who in ("Ingrid Haugen", "Zhao Meiling", "Diego Fuentes", "Qian Haowen"):
        assert (week, who) in att or ("2024 International Week", who) in att, att


def test_a_cohort_listed_once_is_they_later():
    # "This year's visiting fellows are P1 and P2": the fellows of the "Visiting Fellows Programme" (the one
    # event named with that noun), not of the course the article reports as held; "They were welcomed at a
    # meeting of the unit by P3": P3 hosts them; "Last Friday they gave the opening lectures of the X Course":
    # both speak at the course
    g = extract_text(
        "The Department of Surgery of Andes University has received the third cohort of its Visiting Fellows "
        "Programme in Transplant Surgery.\n\n"
        "This year's visiting fellows are Dr. Hannah Brooks, a transplant surgeon at Lakeside Hospital, and Dr. "
        "Pau Soler Vidal, from Barcelona, Spain. They arrived on 2 June. They were welcomed at a meeting of the "
        "department by Dr. Ana Lucía Torres Vega, Director of the Department of Surgery.\n\n"
        "During their stay, the fellows join the daily rounds. Last Friday they gave the opening lectures of "
        "the Liver Transplant Update Course for residents, organized by the Transplant Unit and held at the "
        "university hospital.\n",
        stem="cohort", date="2025-06-20")
    att = _attendees(g)
    for who in ("Hannah Brooks", "Pau Soler Vidal", "Ana Lucía Torres Vega"):
        assert any(e.startswith("Visiting Fellows Programme") and p == who for e, p in att), att
    for who in ("Hannah Brooks", "Pau Soler Vidal"):
        assert ("Liver Transplant Update Course", who) in att, att


def test_speakers_who_compare_strategies_or_present_a_case_series():
    g = extract_text(
        "The 2nd Baltic Symposium on Liver Surgery was held at Riga Eastern Hospital on 3 March 2025.\n\n"
        "The morning session was chaired by Pr Ilze Ozola. Dr Martins Kalnins, hepatologist at Riga Eastern "
        "Hospital, compared the follow-up strategies of Latvia and Estonia. In the afternoon, Dr "
        "Liga Vitola and Dr Karlis Berzins presented their joint series of liver resections.\n",
        stem="compared", date="2025-03-05")
    att = _attendees(g)
    for who in ("Martins Kalnins", "Liga Vitola", "Karlis Berzins"):
        assert ("2nd Baltic Symposium on Liver Surgery", who) in att, att


def test_sessions_on_a_topic_taught_by_and_a_course_led_by_two_people():
    g = extract_text(
        "The Northern Trauma Nursing Workshop was held at Tromso Coast Hospital from 2 to 4 April 2025. "
        "Scenarios were run in small teams. Sessions on pain management in children were taught by Dr Erik "
        "Haldorsen, an anaesthetist of the hospital.\n\n"
        "On Saturday, eight senior nurses stayed on for a one-day Instructor Course, led by A/Prof. Sigrid "
        "Nilsen and Ms Tove Lien, so that they can teach the course at home.\n",
        stem="sessionson", date="2025-04-07")
    att = _attendees(g)
    assert ("Northern Trauma Nursing Workshop", "Erik Haldorsen") in att, att
    for who in ("Sigrid Nilsen", "Tove Lien"):
        assert any(e.startswith("Instructor Course") and p == who for e, p in att), att


def test_they_were_joined_by_and_a_team_that_taught_young_doctors():
    # "- Dr. P1 ... / - Prof. P2 ... They were joined by Dr. P3": P3 takes part in the event the listed
    # people attend; "P and her team taught 60 young nurses the care of ...": P teaches at the paragraph's event
    g = extract_text(
        "The 3rd Adriatic Hands-on Course on Cochlear Implant Surgery was held at Trieste Harbour Hospital from "
        "12 to 14 May 2025.\n\n"
        "The international faculty included:\n"
        "- Prof. Stefan Keller, Head of Otology, Alpine University Hospital, Innsbruck\n"
        "- Dr. Ana Ribeiro (Tagus ENT Institute)\n\n"
        "They were joined by Dr. Marco Zanin, consultant otologist at the hospital, who ran the dissection "
        "sessions.\n\n"
        "On 11 May, a Pre-course Workshop on Hearing Assessment was held at the hospital's Audiology Center. "
        "Dr. Elena Russo and her team taught 60 young doctors the fitting of hearing aids.\n",
        stem="joinedby", date="2025-05-16")
    att = _attendees(g)
    assert ("3rd Adriatic Hands-on Course on Cochlear Implant Surgery", "Marco Zanin") in att, att
    assert ("Pre-course Workshop on Hearing Assessment", "Elena Russo") in att, att


def test_among_the_observers_were_and_the_observers_later():
    # "Among the 2024 observers were P1; P2; and P3": the programme's people; "During their stay, the
    # observers also attended the X Masterclass": all three attend it too
    g = extract_text(
        "Porto, 20 January 2025 — The Kidney Transplant Unit of Douro University Hospital has published the "
        "report of the 2024 edition of its International Observership Programme in Kidney Transplantation.\n\n"
        "Among the 2024 observers were Dr. Amadou Diallo, a surgeon from Senegal Central Hospital in Dakar; Dr. "
        "Lucia Gomez Ruiz, a nephrologist at Clinica Andina in Quito, Ecuador; and Dr. Petro Kovalenko of the "
        "Lviv Regional Nephrology Centre, Ukraine.\n\n"
        "During their stay, the observers also attended the 3rd Porto Kidney Transplant Masterclass, held at "
        "the hospital on 10 and 11 October 2024.\n",
        stem="observers", date="2025-01-20")
    att = _attendees(g)
    for who in ("Amadou Diallo", "Lucia Gomez Ruiz", "Petro Kovalenko"):
        assert ("3rd Porto Kidney Transplant Masterclass", who) in att, att
        assert any(e.startswith("International Observership Programme") and p == who for e, p in att), att


def test_hosts_who_brief_or_introduce_to_the_guests_attend_the_visit():
    g = extract_text(
        "On 12 March 2025, a delegation from Nile Valley University Hospital in Egypt visited Qinghe Hospital.\n\n"
        "The delegation toured the hospital's Burns Center and the Department of Plastic Surgery. Prof. Han "
        "Lixin, Director of the Burns Center, briefed the guests on the center's skin bank. Vice President Guo "
        "Ping introduced the hospital's history to the delegation.\n",
        stem="briefed", date="2025-03-14")
    att = _attendees(g)
    visit = next((e for e, _ in att if e.startswith("Visit of")), None)
    assert visit is not None, att
    for who in ("Han Lixin", "Guo Ping"):
        assert (visit, who) in att, att


def test_she_presented_the_certificates_together_with_p():
    g = extract_text(
        "On 28 June 2025, the graduation ceremony of the Paediatric Surgery Fellowship Programme was held at "
        "Sidama Referral Hospital in Hawassa.\n\n"
        "\"Our graduates now operate in five regions,\" said Dr. Tigist Bekele. She presented the certificates "
        "together with Dr. Fiona Doyle, Consultant Paediatric Surgeon at Shannon University Hospital, who "
        "travelled from Limerick for the ceremony.\n",
        stem="together", date="2025-06-30")
    att = _attendees(g)
    for who in ("Tigist Bekele", "Fiona Doyle"):     # (the graduation ceremony of a programme: an event apart)
        assert ("Graduation ceremony of the Paediatric Surgery Fellowship Programme", who) in att, att


def test_speakers_after_a_country_closing_their_apposition_and_presenting_on_a_topic_attend():
    # "Dr. P from X Clinic, City, the Country spoke on ...": the parse takes the country for the subject;
    # "presented on <topic>" is a talk
    g = extract_text(
        "Hospital News\n\nThe 2024 Harbin Forum on Vascular Surgery was held on May 3, 2024. Dr. Jorge Santos "
        "from Lagoa Medical Center, Cebu, the Philippines spoke on the training of nurses. Prof. Hanna Berg of "
        "Fjord University Hospital, Bergen, Norway, joined online and presented on aortic repair.\n",
        stem="spoke", date="2024-05-04")
    att = _attendees(g)
    for who in ("Jorge Santos", "Hanna Berg"):
        assert ("2024 Harbin Forum on Vascular Surgery", who) in att, att


def test_the_graduation_ceremony_of_a_programme_is_an_event_held_where_told():
    # "the graduation ceremony of the X Program was held at Y in CITY": an event of its own (the graduates
    # finished a programme of weeks), held at Y in CITY; the fields the observers rotated through are the
    # programme's, not the ceremony's
    g = extract_text(
        "Hospital News\n\nOn the afternoon of June 6, the graduation ceremony of the 2024 Nile-Pearl Clinical "
        "Observership Program was held in the auditorium of Pearl River Hospital in Zhuhai. Twelve Egyptian "
        "medical students received their certificates.\n\nThe observership started on April 8. The students "
        "were divided into three groups and rotated through cardiology, nephrology and pediatrics.\n",
        stem="graduation", date="2024-06-08")
    pairs = lambda p: {(str(en), str(on)) for e, o in g.subject_objects(p)
                       for en in g.objects(e, SDO.name) for on in g.objects(o, SDO.name)}
    grad, prog = "Graduation ceremony of the 2024 Nile-Pearl Clinical Observership Program", \
        "2024 Nile-Pearl Clinical Observership Program"
    loc = pairs(SDO.location)
    assert (grad, "Pearl River Hospital") in loc and (grad, "Zhuhai") in loc, loc
    about = pairs(SDO.about)
    assert (prog, "cardiology") in about and not any(e == grad for e, _ in about), about


def test_the_department_on_a_departments_own_page_is_that_department():
    # the page's title line names the department: "the department" is it, not the unit named last before
    # ("separated from the Department of X"), and it is no unit of another hospital it worked with
    g = extract_text(
        "Lindenau Hospital\nHome > Departments > Department of Hand Surgery\n\nDepartment of Hand Surgery\n\n"
        "Lindenau Hospital is a general hospital in Lindenau. The Department of Hand Surgery of Lindenau "
        "Hospital was set up in 2001, when it was separated from the Department of Orthopedics. The Nerve "
        "Repair Unit is also under the department.\n\n"
        "In 2022 the department hosted the 2nd Lindenau Symposium on Hand Surgery. From 2019 to 2021 the "
        "department and the Department of Plastic Surgery of Norrvik University Hospital carried out a joint "
        "study on tendon repair.\n",
        stem="pageunit", date="2025-03-14")
    parents = _parents(g)
    assert ("Nerve Repair Unit", "Department of Hand Surgery") in parents, parents
    assert ("Nerve Repair Unit", "Department of Orthopedics") not in parents, parents
    assert not any(s in ("Department of Hand Surgery", "Department of Orthopedics")
                   and o == "Norrvik University Hospital" for s, o in parents), parents
    org = _rel(g, SDO.organizer)
    assert ("2nd Lindenau Symposium on Hand Surgery", "Department of Hand Surgery") in org, org


def test_a_team_providing_services_in_fields_has_those_fields():
    g = extract_text(
        "Hospital News\n\nThe 2nd Chinese Medical Team to Belize, dispatched by the Health Commission of Hainan "
        "Province, returned to Haikou on 10 March 2025. The report meeting was held at Haikou Central Hospital. "
        "The team worked at Cayo Regional Hospital in San Ignacio, providing services in cardiology, urology "
        "and dermatology.\n",
        stem="services", date="2025-03-14")
    spec = _rel(g, SDO.medicalSpecialty)
    for f in ("cardiology", "urology", "dermatology"):
        assert ("2nd Chinese Medical Team to Belize", f) in spec, spec


def test_attending_the_offline_meeting_at_a_hospital_in_a_city_places_the_forum():
    # a forum held online and offline: "attended the offline meeting at X in CITY" gives its venue
    g = extract_text(
        "Hospital News\n\nOn May 3, 2025, the 2025 Riverbend Forum on Hand Surgery was held online and offline. "
        "The forum was hosted by Lanshan City Hospital. About 300 surgeons attended the offline meeting at "
        "Lanshan City Hospital in Wuxi.\n",
        stem="offline", date="2025-05-05")
    loc = _rel(g, SDO.location)
    assert ("2025 Riverbend Forum on Hand Surgery", "Lanshan City Hospital") in loc, loc
    assert ("2025 Riverbend Forum on Hand Surgery", "Wuxi") in loc, loc
