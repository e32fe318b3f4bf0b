"""Round 66: trust beyond the seeds (issue 10)."""
from __future__ import annotations

# A short council-services inspection report whose only publication date is its footer, in figures.
_SHORT_REPORT = """Ofsted
Rutland County Council
Inspection of local authority children's services
Inspection dates: 3 to 14 March 2025
Lead inspector: Jo Bloggs, His Majesty's Inspector
Rutland: inspection of local authority children's services, March 2025
Overall effectiveness: Good
The experiences and progress of care leavers: requires improvement to be good
1. Personal advisers keep in touch with care leavers. Too many live in unsuitable accommodation.
Ofsted report published 02/05/2025 | Reference 50271104
"""


def test_a_short_reports_footer_in_figures_dates_it():
    from conftest import metadata_of

    meta = metadata_of(_SHORT_REPORT)
    assert meta["doc_type"] == "ofsted_report"
    assert meta["date"] == "2025-05-02"  # (day first; not the fieldwork month of its running title)
    # (two footers disagreeing date nothing)
    twice = _SHORT_REPORT + "Ofsted report published 09/05/2025 | Reference 50271105\n"
    assert metadata_of(twice)["date"] != "2025-05-02"


def test_another_bodys_letter_itself_is_not_ofsteds():
    from qa.retrieval.question import parse

    query = parse("Going by the DfE's decision letter itself rather than the trade press write-up, what happens to "
                  "the trust in Rutland once the direction goes?")
    assert query.source != "ofsted" and "ofsted_letter" not in query.doc_types
    assert parse("What did the minister's letter itself say about the trust in Rutland?").source != "ofsted"
    assert parse("What did the letter to Rutland itself say about caseloads?").doc_types == ["ofsted_letter",
                                                                                               "ofsted_report"]


def test_a_claim_after_the_question_is_neither_a_source_nor_a_time():
    from qa.retrieval.question import parse

    query = parse("Who was lead inspector on Rutland's 2023 ILACS, and when were inspectors actually on site? The "
                  "Courier says July.")
    assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2023-01-01", "2023-12-31")
    assert query.source == "ofsted"
    query = parse("When does the revocation of Rutland's direction take effect? One article says it was immediate.")
    assert query.source is None and "immediate" not in query.topic
    # (a question after the claim is still read whole)
    assert parse("What did the Rutland Courier piece say about the July visit?").source == "news"


def test_a_meeting_that_sets_the_scene_is_not_searched_for():
    from qa.retrieval.question import parse

    query = parse("At Rutland's People Scrutiny Commission in June 2024, what were councillors told about caseloads?")
    assert "Commission" not in query.keyword_text and "caseloads" in query.keyword_text
    assert parse("In the cabinet meeting on 3 May, what did the lead member say about agency staff in Rutland?"
                 ).keyword_text.startswith("what did the lead member")


def test_a_report_on_a_council_asks_for_its_services_and_a_home_ofsted_regraded_for_the_homes():
    from qa.retrieval.answer_type import asks_council_services, asks_provider_inspection

    assert asks_council_services("Going by Ofsted's own 2023 report on Rutland, was anything graded good?")
    assert not asks_council_services("Going by Ofsted's own 2023 report on Larkfield House, was anything good?")
    assert asks_provider_inspection("The Rutland children's home Ofsted moved from inadequate to requires "
                                    "improvement to be good - what requirements did the inspector set?")
    assert not asks_provider_inspection("How many children's homes does Rutland run?")


def test_committee_shorthand_and_everyday_words_for_caseloads_are_searched_as_written():
    from qa.retrieval.synonyms import with_synonyms

    expanded = with_synonyms("rutland cype cttee sept 23 - cllr qs on caseloads")
    assert all(w in expanded for w in ("councillor", "questions", "committee", "young people"))
    assert "caseloads" in with_synonyms("What have inspections found about social workers carrying too many "
                                              "children?")


def test_inspections_that_found_something_are_ofsteds_to_tell():
    from qa.retrieval.question import parse

    assert parse("What have recent ILACS inspections found about caseloads?").source == "ofsted"
    assert parse("How many inspections has Rutland had?").source is None


def test_a_council_named_by_its_best_known_town():
    from qa.documents.gazetteer import find_in_question

    assert find_in_question("Huddersfield council's 2016 SIF that went inadequate - who took over?") == ["Kirklees"]
    assert find_in_question("Maidenhead - the MV after the November 2018 one") == ["Windsor and Maidenhead"]
    assert find_in_question("Maidenhead, the MV in Nov 2018") == ["Windsor and Maidenhead"]
    assert find_in_question("what did ofsted find in birkenhead in 2019?") == ["Wirral"]
    # (in a question only: a passage naming Huddersfield is not about Kirklees Council)
    from qa.documents.gazetteer import question_forms

    assert "Huddersfield" in question_forms("Kirklees") and "Huddersfield" not in question_forms("Kirklees",
                                                                                                towns=False)
    # (a town that is also a surname is left alone, and so is one of a council formed since: Carlisle was Cumbria's)
    assert find_in_question("What did John Preston say about the Rutland visit?") == ["Rutland"]
    assert find_in_question("What did DCS Jane Gillingham tell Rutland councillors?") == ["Rutland"]
    assert find_in_question("Carlisle council's 2016 SIF - what did it say about caseloads?") == []


def test_the_visit_asked_is_dated_by_its_own_year_not_the_one_before_it():
    from qa.retrieval.question import parse_time

    start, end, phrase, _ = parse_time("Rutland - the MV after the November 2018 one, in 2019: had caseloads "
                                       "come down?")
    assert (start.isoformat(), end.isoformat(), phrase) == ("2019-01-01", "2019-12-31", "2019")
    # (two later years name no one visit: the span opened by the earlier one stays)
    start, end, phrase, _ = parse_time("since the 2016 inadequate, what did the visits in 2017 and 2018 say?")
    assert (start.isoformat(), end) == ("2016-01-01", None)


def test_what_was_done_the_year_before_an_inspection_is_in_its_report():
    from qa.retrieval.question import parse

    query = parse("rutland 2016 inadequate - what had new SLT already put in place in 2015 before hmi came?")
    assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2016-01-01", "2016-12-31")
    # (one year only: it is asked)
    assert parse("What did Rutland do in 2015 before the inspection?").date_from.year == 2015


def test_a_senior_leadership_team_is_searched_by_its_long_form_and_never_required():
    from qa.retrieval.acronyms import EXPANSION_ONLY, FIELD_GLOSSARY

    assert FIELD_GLOSSARY["SLT"] == "senior leadership team" and "SLT" in EXPANSION_ONLY


def test_recent_inspections_across_places_weigh_age_less_than_the_latest_one():
    from qa.retrieval.rank import recency_rate

    assert recency_rate("What have recent ILACS inspections found about caseloads?") \
        < recency_rate("What did the latest inspection of Rutland find?")


def test_the_events_a_visit_falls_between_do_not_date_it():
    from qa.retrieval.question import parse

    query = parse("Rutland - the 2014 monitoring visit, between the 2013 LAC inspection and the 2016 RI: what did HMI "
                  "say about placement stability?")
    assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2014-01-01", "2014-12-31")
    # (a span asked stays one)
    query = parse("What did the Rutland visits between 2014 and 2016 say about placement stability?")
    assert (query.date_from.year, query.date_to.year) == (2014, 2016)


def test_a_release_is_its_issuers_not_the_presss():
    from qa.retrieval.question import parse

    assert parse("rutland cc news release on the neglect jtai - what are partners going to work on").source \
        == "council"
    assert parse("What did the press release say about caseloads in Rutland?").source != "news"
    assert parse("What did the CC website say about the Rutland ILACS?").doc_types == []  # (Community Care)
    assert parse("What did the local press say about caseloads in Rutland?").source == "news"
    assert parse("What did the news say about Rutland?").source == "news"


def test_a_council_before_its_committees_shorthand_is_the_place():
    from qa.documents.gazetteer import find_in_question

    # (Cumberland is also a sausage and a former county: a council word after it is the cue)
    assert find_in_question("cumberland scrutiny cttee oct 25 - how many trained on GCP2") == ["Cumberland"]
    assert find_in_question("cumberland sausage recipe") == []


def test_another_inspectorates_rating_is_no_ilacs_judgement():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.assistant import states_asked_fact
    from qa.retrieval.question import parse

    def hit(publisher: str, text: str) -> Hit:
        doc = Document(doc_id=publisher, path=f"{publisher}.txt", title="Rutland Council", doc_type="other",
                       text=text, publisher=publisher, local_authorities=["Rutland"])
        return Hit(passage=Passage(passage_id=f"{publisher}#0", doc_id=publisher, text=text, start=0,
                                   end=len(text)), document=doc, score=1.0)

    query = parse("What overall judgement did Rutland get at its 2025 ILACS?")
    cqc = hit("Care Quality Commission", "Rutland Council: local authority assessment. Adult social care. Overall "
                                         "rating: Requires improvement. Published 18 July 2025.")
    assert not states_asked_fact(query, [cqc])
    ofsted = hit("Ofsted", "Rutland: inspection of local authority children's services. Inspection dates: 3 to 14 "
                           "March 2025. Overall effectiveness: Requires improvement to be good.")
    assert states_asked_fact(query, [cqc, ofsted])


def test_a_grade_tied_to_the_asked_year_answers_whenever_it_was_written():
    from qa.retrieval.answer_type import grade_tied_to

    text = ("Today Ofsted published the latest report on Rutland's children's services. The last full inspection "
            "in 2017 was rated \u201cRequires Improvement\u201d. Even that was an improvement on the 2015 report.")
    assert grade_tied_to(text, range(2017, 2018))
    assert not grade_tied_to(text, range(2016, 2017))
    # (a grade held since a year is no grade of that year's inspection)
    assert not grade_tied_to("Rutland has been rated good since 2017.", range(2017, 2018))


def test_one_place_asked_alone_then_a_remark_on_another():
    from qa.retrieval.question import parse

    query = parse("On Rutland's third monitoring visit, what did inspectors say about permanence planning? Rutland only "
                  "please - Dudley's 2017 letter was also a third visit.")
    assert query.authorities == ["Rutland"] and query.date_from is None
    # (both asked when nothing sets one apart)
    assert set(parse("What did Rutland and Dudley's third monitoring visits say about permanence?").authorities) \
        == {"Rutland", "Dudley"}


def test_a_release_on_a_letter_named_with_its_month_is_from_that_month():
    from qa.retrieval.question import parse

    assert not parse("rutland council press release on the feb 24 MV letter - what did the DCS say").month_dates_visit
    assert parse("What did the March 2024 monitoring visit to Rutland find?").month_dates_visit


def test_a_finding_carried_from_an_earlier_event_is_checked_at_the_one_asked():
    from qa.retrieval.question import parse

    query = parse("Rutland, the January 2019 inspection that took them down to RI: had the caseload problem flagged at "
                  "the spring 2018 focused visit been fixed by then?")
    assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2019-01-01", "2019-01-31")
    query = parse("rutland mv march 2025 - kids still at risk of harm like the 2023 ilacs found?")
    assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2025-03-01", "2025-03-31")
    # (the earlier event alone is asked when nothing else is dated)
    assert parse("What was flagged at the 2018 focused visit in Rutland?").date_from.year == 2018


def test_a_visit_to_a_childrens_home_asks_for_the_homes_inspection():
    from qa.retrieval.answer_type import asks_provider_inspection

    assert asks_provider_inspection("Ofsted's second monitoring visit to the Rutland children's home that was rated "
                                    "inadequate - what did the inspector conclude?")
    assert not asks_provider_inspection("What did the second monitoring visit to Rutland conclude?")


def test_the_reviewers_counter_examples_keep_their_old_reading():
    from qa.documents.gazetteer import find_in_question
    from qa.retrieval.answer_type import grade_tied_to
    from qa.retrieval.rank import RECENCY_RATE, asks_ofsted_only, recency_rate
    from qa.retrieval.question import parse
    from qa.retrieval.synonyms import with_synonyms

    def span(question: str) -> tuple:
        query = parse(question)
        return query.date_from and query.date_from.isoformat(), query.date_to and query.date_to.isoformat()

    # a year before a trend, a span between events asked, an open span with a later visit in it
    assert span("What were Rutland caseloads in 2019, before they fell in 2021?") == ("2019-01-01", "2019-12-31")
    assert span("How did Rutland caseloads change between the 2016 SIF and the 2019 ILACS, and what did the council "
                "say in 2020?")[0] == "2016-01-01"
    assert span("What has improved in Rutland since the 2018 ILACS, including the monitoring visit in 2019?") \
        == ("2018-01-01", None)
    assert "care leavers" in parse("Rutland 2014 MV, between the 2013 SIF and the 2016 SIF care leavers - what did it "
                                   "say?").keyword_text
    # a closing sentence naming the document meant is no claim
    query = parse("What did inspectors say about caseloads? The 2022 Rutland report has a section on it.")
    assert query.authorities == ["Rutland"] and query.date_from.year == 2022
    # sources
    assert parse("What did Rutland council's ILACS report itself say about caseloads?").doc_types \
        == ["ofsted_letter", "ofsted_report"]
    assert parse("Which recent inspections found that leaders did not know their frontline?").source is None
    assert parse("Did the Courier say inspections found delays in Rutland?").source != "ofsted"
    assert parse("What did the NSPCC press release say about Rutland?").source != "council"
    assert parse("What did the Medical Examiner say about the baby's death in Rutland?").source is None
    assert not asks_ofsted_only("What did the youth justice inspection say about Rutland after the 2019 ILACS?")
    assert recency_rate("What did Rutland's latest visits find?", 1) == RECENCY_RATE
    assert "caseloads" not in with_synonyms("Are there too many children in care in Rutland?")
    assert "questions" not in with_synonyms("Which QS did the home fail?")
    assert not grade_tied_to("In 2017 the council set out its ambition to be rated good.", range(2017, 2018))
    assert find_in_question("Reading scrutiny papers for Rutland, what did councillors ask?") == ["Rutland"]
