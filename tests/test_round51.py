"""Round 51: trust beyond the seeds (issue 10)."""
from __future__ import annotations


def test_how_quickly_a_measured_time_outweighs_a_delay_told_in_words():
    from qa.retrieval.answer_type import ANSWER_TYPE_BOOST, answer_type_weight

    measured = "Decisions on contacts to the hub are now made within one working day for almost all children."
    told = "For a few children seen several times the wider picture was missed, and help has been delayed."
    assert answer_type_weight("timescale", measured) > answer_type_weight("timescale", told) == ANSWER_TYPE_BOOST
    assert answer_type_weight("timescale", "Strategy meetings are held the same day.") > ANSWER_TYPE_BOOST
    assert answer_type_weight("timescale", "Leaders know their services well.") == 1.0


def test_the_dfe_is_named_by_its_secretary_of_state():
    from qa.retrieval.acronyms import ACRONYM_MISSING_PENALTY, FIELD_GLOSSARY, acronym_weight, asked_acronyms
    from qa.retrieval.retriever import arrangement_named_by

    asked = asked_acronyms(["DfE"], FIELD_GLOSSARY, arrangement_named_by)
    appointed = "On 2 May 2016 the Secretary of State for Education appointed me as commissioner for Sunderland."
    assert acronym_weight(asked, appointed) == 1.0
    assert acronym_weight(asked, "Staff turnover has fallen since the spring.") == ACRONYM_MISSING_PENALTY


def test_when_and_who_asks_for_a_person_too():
    from qa.retrieval.answer_type import SECOND_FACT_BOOST, answer_type, second_fact_weight

    question = "When did Ofsted carry out the ILACS in Stockport that found it outstanding, and who was lead inspector?"
    assert answer_type(question) == "date"
    header = "Inspection dates: 4 to 15 March 2024\nLead inspector: Jo Bell, His Majesty's Inspector"
    assert second_fact_weight(question, "date", header) == SECOND_FACT_BOOST
    assert second_fact_weight(question, "date", "Inspectors visited from 4 to 15 March 2024.") == 1.0
    assert second_fact_weight("When did Ofsted visit Stockport?", "date", header) == 1.0
    # (a role any passage on the post-holder's work names is no person stated)
    assert second_fact_weight("When was the direction issued, and who was appointed adviser?", "date",
                              "The board is chaired by the improvement adviser.") == 1.0


def test_and_when_appointed_weighs_the_appointments_own_date_over_a_covers():
    from qa.retrieval.answer_type import SECOND_FACT_BOOST, second_fact_weight

    question = "Who did the DfE send in as commissioner for Sunderland, and when were they appointed?"
    appointed = "On 2 May 2016 the Secretary of State appointed me, Dr Ada Fenwick, as commissioner."
    cover = "Report of the Commissioner for Sunderland\nDr Ada Fenwick\nPublished on 19 October 2016"
    assert second_fact_weight(question, "person", appointed) > second_fact_weight(question, "person", cover) \
        == SECOND_FACT_BOOST


def test_a_full_inspection_dated_by_its_reports_month_may_have_had_its_fieldwork_before():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.assistant import dates_visit_to_another_month
    from qa.retrieval.question import parse

    text = ("Services in Oldbury remain inadequate, Ofsted finds.\n\nOfsted inspected services in Oldbury in "
            "September, after a review found failings.\n\nThe report said police and social workers still did not "
            "work well together.")
    doc = Document(doc_id="n", path="n.txt", text=text, title="Oldbury", doc_type="news_article",
                   local_authorities=["Oldbury"])
    hit = Hit(passage=Passage(passage_id="n#1", doc_id="n", text=text, start=0, end=len(text)), document=doc,
              score=1.0, unconfirmed=["date"])
    # (the report came out in November: staff date the inspection by it)
    assert not dates_visit_to_another_month(hit, parse("Oldbury, the Nov 2014 Ofsted inspection: what about police?"))
    # a monitoring visit's month is its own: visits are months apart
    assert dates_visit_to_another_month(hit, parse("Oldbury, the Nov 2014 monitoring visit: what about police?"))


def test_a_labels_year_opening_the_question_is_asked_over_a_baseline_after_it():
    from qa.retrieval.question import parse

    asked = parse("Somerset 2022, when they finally got Good - what did inspectors say about progress since the 2017 RI?")
    assert (asked.date_from.year, asked.date_to.year) == (2022, 2022)
    assert "Somerset" in asked.search_text and "2017" in asked.search_text
    # (a later year asked after the label stays asked)
    assert parse("kent 2019 - what changed since 2021?").date_from.year == 2021
    assert parse("Since the 2017 RI, what has Somerset done?").date_to is None


def test_a_local_write_up_is_a_news_source():
    from qa.retrieval.question import parse

    assert parse("Going by the local write-up, what did inspectors say about Somerset?").source == "news"
    assert parse("What did the press coverage say about Kent?").source == "news"
    assert parse("Not the local write-up: what did Ofsted say about Kent?").source == "ofsted"


def test_a_table_of_contents_with_dot_leaders_weighs_as_a_header():
    from qa.retrieval.rank import HEADER_FLOOR, prose_weight

    contents = ("Contents  Executive summary ............ 1 The local authority ............ 2 Information about this "
                "area ............ 2 Recommendations ............ 3 Summary for children ............ 4")
    assert prose_weight(contents) == HEADER_FLOOR
    assert prose_weight("Leaders did not know the quality of practice. Audits were too infrequent.") == 1.0


def test_findings_asked_of_a_body_whose_review_is_only_still_to_come():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.assistant import named_only_to_come
    from qa.retrieval.question import parse

    def hit(text):
        doc = Document(doc_id="m", path="m.txt", text=text, title="Minutes", doc_type="council_page",
                       local_authorities=["Oldbury"])
        return Hit(passage=Passage(passage_id="m#1", doc_id="m", text=text, start=0, end=len(text)), document=doc,
                   score=1.0)

    asked = parse("What did the CQC find when it reviewed health services for children in care in Oldbury?")
    coming = hit("The Chair noted that a Care Quality Commission review of health services for children in care was "
                 "expected later in 2018. Care leavers now get health histories.")
    done = hit("The Care Quality Commission review found that health assessments for children in care were late.")
    assert named_only_to_come(asked, [coming])
    assert not named_only_to_come(asked, [coming, done])
    assert not named_only_to_come(parse("How did the council respond to the CQC review in Oldbury?"), [coming])


def test_the_biggest_challenge_is_searched_as_the_most_significant():
    from qa.retrieval.synonyms import with_synonyms

    assert "most significant" in with_synonyms("cambs 2019 ri - what ofsted called the biggest challenge")
