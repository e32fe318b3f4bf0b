"""Round 72: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def test_an_aside_dating_the_last_inspection_opens_the_span_of_the_one_asked():
    from qa.retrieval.question import parse

    query = parse("Rutland, the autumn ILACS that dropped them to RI in all areas (last inspected 2021): did the "
                  "lead member say the council was acting on what Ofsted raised?")
    assert query.date_from == date(2021, 1, 1) and query.date_to is None
    # (where another year names the asked inspection, the aside is no time at all)
    query = parse("Rutland, last rated good in 2019, what did the 2023 ILACS find?")
    assert (query.date_from, query.date_to) == (date(2023, 1, 1), date(2023, 12, 31))
    # (a last inspection asked about is still the time asked)
    assert parse("What did Rutland's last inspection in 2021 find?").date_to == date(2021, 12, 31)


def test_a_text_telling_of_an_inspection_last_month_tells_of_a_recent_event():
    from qa.documents.mentions import tells_recent_event

    assert tells_recent_event("It was rated inadequate after a full inspection last month.")
    assert tells_recent_event("Inspectors who visited the council earlier this month found delays.")
    assert not tells_recent_event("The council will be inspected next month. Caseloads rose last month.")


UNDATED_STORY = ("Rutland children's services rated inadequate\n\n"
                 "Children's services have been graded inadequate in Rutland after a full inspection{when}.\n\n"
                 "It was rated inadequate in three of the four inspected areas, with the impact of leaders rated as "
                 "requires improvement.\n\n"
                 "The report says some progress has been made since the focused visit in October 2018.\n")


LATER_STORY = ("Rutland children's services improving\n\nA failing service has continued to improve since it was "
               "rated inadequate, according to Ofsted.\n\nIn 2019 two serious case reviews found the council had "
               "failed to protect two children.\n")


def test_an_undated_story_on_an_inspection_last_month_may_answer_a_later_month(tmp_path):
    from conftest import bm25_assistant_for

    question = "rutland jul 19 inadequate - how many of the areas were inadequate + what did leadership get"
    later = ("later.txt", (LATER_STORY, {"doc_type": "news_article", "local_authorities": ["Rutland"]}))
    recent = bm25_assistant_for(tmp_path / "a", dict([later, ("story.txt", (UNDATED_STORY.format(when=" last month"), {
        "doc_type": "news_article", "local_authorities": ["Rutland"]}))]))
    answer = recent.ask(question)
    shown = [h for h in answer.hits if "three of the four" in h.passage.text]
    assert not answer.abstained and shown and shown[0].unconfirmed == ["date"]  # (apart: its date is not stated)
    # (a story whose latest event is the visit nine months before names no newer one: beside one naming the asked
    # year, it stays out)
    stale = bm25_assistant_for(tmp_path / "b", dict([later, ("story.txt", (UNDATED_STORY.format(when=""), {
        "doc_type": "news_article", "local_authorities": ["Rutland"]}))]))
    assert not any("three of the four" in h.passage.text for h in stale.ask(question).hits)


def test_requiring_improvement_and_assessed_as_give_a_grade():
    from qa.retrieval.answer_type import area_grade_weight, holds

    text = "Adoption performance and care leavers are assessed as requiring improvement in order to be good."
    assert holds("judgement", text)
    assert area_grade_weight("Which two judgements came out as RI?", text) > 1.0
    assert area_grade_weight("Which two judgements came out as RI?", "Caseloads were assessed as too high.") == 1.0


def test_a_grade_contrasted_with_the_one_asked_is_not_searched_unless_the_contrast_is_asked():
    from qa.retrieval.question import parse

    assert "inadequate" not in parse("Rutland 2016 SIF: which two judgements came out as RI rather than "
                                     "inadequate?").topic
    assert "outstanding" in parse("Why was Rutland rated good rather than outstanding?").topic


def test_an_event_set_aside_takes_its_when_clause_and_findings_with_it():
    from qa.retrieval.question import parse

    query = parse("Rutland 2016 SIF: which judgements came out as RI? Not the June 2019 one when they were RI "
                  "across four areas.")
    assert "four areas" not in query.topic and query.date_to == date(2016, 12, 31)
    query = parse("What does Rutland still have to get better at, according to the 2024 ILACS? I don't mean the "
                  "SEND revisit findings.")
    assert "SEND" not in query.topic and "revisit" not in query.topic and "findings" not in query.topic


def test_a_childrens_company_named_without_its_place_names_its_council():
    from qa.documents.gazetteer import find_in_question

    assert find_in_question("Which HMIs carried out the 2024 focused visit to Brighter Futures for Children?") \
        == ["Reading"]
    assert find_in_question("what did ofsted say about Together for Children in 2019") == ["Sunderland"]
    assert find_in_question("bffc focused visit 2024") == ["Reading"]
    # (only as its name is written: otherwise a phrase)
    assert find_in_question("What did the council say about brighter futures for children in care?") == []


def test_the_event_a_reader_source_is_on_is_no_word_to_search_for():
    from qa.retrieval.question import parse

    query = parse("Rutland after the last MV (03/2019): what did the leader commit the council to? Going by the "
                  "council's own page on the monitoring visit.")
    assert "page" not in query.search_text and "monitoring visit" not in query.search_text
    assert query.date_from == date(2019, 3, 1) and query.source == "council"
    # (what a letter is on stays: it is the topic)
    assert "front door" in parse("Going by the letter on the front door, what did inspectors find?").search_text


def test_according_to_ofsteds_report_names_the_report_as_the_source():
    from qa.retrieval.question import parse

    query = parse("According to Ofsted's 2024 ILACS report on Rutland, what does the council still have to get "
                  "better at?")
    assert query.source == "ofsted" and query.source_named
    # (Ofsted alone is a preference: a story quoting it answers too)
    assert not parse("According to Ofsted, what does Rutland still have to get better at?").source_named


def test_a_company_named_as_its_place_with_its_own_statement_asks_for_the_councils_page():
    from qa.retrieval.question import parse

    query = parse("Brighter Futures for Children own statement on the ofsted visit - permanence plan figures")
    assert query.authorities == ["Reading"] and query.source == "council"
    # (with the possessive, as before)
    assert parse("Rutland's own statement on the ofsted visit - permanence plan figures").source == "council"


def test_a_cover_sheets_table_run_into_one_line_dates_the_paper(tmp_path):
    from qa.documents.ingest import SourceFile, load_document

    paper = tmp_path / "paper.txt"
    paper.write_text("Agenda Item 6\n\nRUTLAND COUNTY COUNCIL\n\nCOMMITTEE: Children and Families Scrutiny Panel\n\n"
                     "DATE: 24 June 2024 SUBJECT: Reducing reliance on agency social workers REPORT BY: Jo Bloggs, "
                     "Interim Director, Children and Families CONTACT OFFICER: Sam Smith, Head of Workforce (01632 "
                     "960 771) WARDS AFFECTED: All\n\nPURPOSE\n\n1. To update the Panel on the use of agency social "
                     "workers since the monitoring visit in March 2024.\n", encoding="utf-8")
    doc = load_document(SourceFile(paper, paper.name, paper.stat().st_size, 0), "", None, 50_000_000)
    assert doc.date == "2024-06-24"
    # (not an event's date in a listing: "Event Date: 12 May 2024 Venue: ...")
    listing = tmp_path / "listing.txt"
    listing.write_text("Rutland County Council\n\nFoster carer information evening\n\nEvent Date: 12 May 2024 Venue: "
                       "Oakham Library\n\nCome and find out about fostering in Rutland.\n", encoding="utf-8")
    doc = load_document(SourceFile(listing, listing.name, listing.stat().st_size, 0), "", None, 50_000_000)
    assert doc.date != "2024-05-12"


def test_a_details_tables_next_label_after_its_council_is_no_surname():
    from qa.documents.gazetteer import find_in_text

    text = "Provider: Brightpath Care Limited Local authority: Luton Inspection of this children's home"
    assert [m.name for m in find_in_text(text)] == ["Luton"]
    assert find_in_text("Our thanks to Luton Smith for the photographs.") == []


def test_what_still_had_not_been_sorted_asks_what_remains_to_do():
    from qa.retrieval.answer_type import answer_type
    from qa.retrieval.question import parse

    assert answer_type("What did Ofsted say still hadn't been sorted?") == "remaining"
    assert answer_type("what was still not good enough?") == "remaining"
    # (a scene before, a bracket dating the event and a dash going on with the question: still what remains)
    query = parse("Rutland came off inadequate in spring 2016 (RI after the five-week inspection in February). What "
                  "did Ofsted say still hadn't been sorted - agency staffing, supervision by team managers? The 2016 "
                  "judgement only.")
    assert query.answer_type == "remaining"
    # (a dash after a label still opens the question)
    assert parse("rutland ilacs 2022 - what did it say about caseloads?").date_to == date(2022, 12, 31)


def test_a_reports_publication_month_after_its_dated_event_widens_the_window_to_it():
    from qa.retrieval.question import parse

    query = parse("Rutland, the Ofsted inspection in September 2014 - as the press covered it when the report came "
                  "out in November: had the new systems got rid of the poor practice?")
    assert (query.date_from, query.date_to, query.month) == (date(2014, 9, 1), date(2014, 11, 30), None)
    # (over the turn of a year)
    query = parse("Rutland visit in December 2019, letter published in January: what did it say?")
    assert (query.date_from, query.date_to) == (date(2019, 12, 1), date(2020, 1, 31))
    # (an event's month with no year is still the event's)
    assert parse("What did the December visit find in Rutland?").month == 12


def test_a_follow_up_turning_to_an_event_before_a_dash_asks_for_that_events_time():
    from qa.retrieval.question import parse

    query = parse("Rutland, disabled children: the March 2023 ILACS said their needs weren't met because of "
                  "workloads. And what about the monitoring visit in March 2025 - had the response to disabled "
                  "children turned round? That visit only.")
    assert (query.date_from, query.date_to) == (date(2025, 3, 1), date(2025, 3, 31))


def test_a_closing_statement_agreeing_with_the_asked_time_leaves_it():
    from qa.retrieval.question import parse

    query = parse("Rutland: when the leader thanked the former cabinet member after the 2022 good, he called her "
                  "that. Back when the council put out its story on the January 2017 monitoring visit, what was her "
                  "title? The 2017 council page, not the 2022 write-up.")
    assert (query.date_from, query.date_to) == (date(2017, 1, 1), date(2017, 1, 31))


def test_what_the_ofsted_letter_said_names_the_letter_and_go_by_is_a_reader_source():
    from qa.retrieval.question import parse

    query = parse("Rutland FV May 2024 - what did the Ofsted letter actually say about children placed in "
                  "unregistered homes? Go by the letter, not the trade press write-up.")
    assert query.source == "ofsted" and query.source_named
    assert "Go by" not in query.search_text and "unregistered homes" in query.search_text


# Counter-examples a reviewer of the change found; the rules above must not break them.

def test_a_history_aside_with_older_years_still_opens_the_span_and_its_forms_are_read():
    from qa.retrieval.question import parse

    for question in ("What did the latest ILACS say about care leavers (last inspected 2021, previously rated "
                     "inadequate in 2017)?",
                     "What did Ofsted find about Rutland's front door, last inspected in 2021?"):
        query = parse(question)
        assert (query.date_from, query.date_to) == (date(2021, 1, 1), None), question
    assert parse("What did the ILACS find about supervision (last inspected 12 March 2021)?").date_from \
        == date(2021, 3, 1)


def test_a_month_dating_the_readers_source_is_still_read():
    from qa.retrieval.question import parse

    query = parse("Going by the council's own page on the March visit, what did inspectors say about caseloads in "
                  "Rutland?")
    assert query.month == 3


def test_council_words_after_a_place_are_still_no_surname():
    from qa.documents.gazetteer import find_in_text

    assert [m.name for m in find_in_text("Kent Councillors were told the outcome of the ILACS.")] == ["Kent"]
    assert [m.name for m in find_in_text("Luton Childrens Services were judged good by Ofsted.")] == ["Luton"]


def test_its_own_website_is_no_councils_own_page():
    from qa.retrieval.question import parse

    query = parse("What did Ofsted publish about Rutland on its own website?")
    assert query.source == "ofsted" and not query.doc_types


def test_only_a_cover_sheets_capital_label_opening_its_line_dates_the_paper():
    from qa.documents.metadata import _EMBEDDED_DATELINE_RE

    assert _EMBEDDED_DATELINE_RE.search("DATE: 24 June 2024 SUBJECT: Agency social workers")
    assert not _EMBEDDED_DATELINE_RE.search("Paper: Ofsted focused visit letter | Date: 1 August 2022 | Contact")
    assert not _EMBEDDED_DATELINE_RE.search("Chronology\nDate: 5 June 2018 Event: ILACS judged services inadequate")


def test_a_visit_still_to_come_or_dated_otherwise_is_no_recent_event():
    from qa.documents.mentions import tells_recent_event

    assert not tells_recent_event("Ofsted inspectors are expected at County Hall this month for a monitoring visit.")
    assert not tells_recent_event("Last week the council published the letter from the monitoring visit in June "
                                  "2023, which found caseloads were still too high.")


def test_the_questions_own_when_is_not_a_set_aside_events_clause():
    from qa.retrieval.question import parse

    assert "when was the next full inspection" in parse("rutland - not the 2019 ilacs when was the next full "
                                                         "inspection").search_text


def test_a_time_clause_ends_at_its_sentence():
    from qa.retrieval.answer_type import answer_type

    assert answer_type("Rutland went RI after the five-week inspection in February. What did Ofsted say still "
                       "hadn't been sorted?") == "remaining"


def test_a_share_of_audited_cases_is_no_grade_nor_are_areas_requiring_improvement():
    from qa.retrieval.answer_type import gives_grade, holds

    assert not gives_grade("good", "Of the 120 cases audited in the quarter, 68% were assessed as good or better.")
    assert gives_grade("ri", "Care leavers are assessed as requiring improvement in order to be good.")
    assert not holds("judgement", "Leaders have identified the areas requiring improvement and have a plan.")


def test_a_dash_going_on_with_the_question_after_a_label_still_asks_from_its_question_word():
    from qa.retrieval.question import parse

    assert parse("Rutland ILACS 2019 - what did Ofsted say still hadn't been sorted - agency staffing, "
                 "supervision?").answer_type == "remaining"


def test_a_childrens_companys_words_inside_another_name_or_phrase_stay_words():
    from qa.documents.gazetteer import find_in_question
    from qa.retrieval.question import parse

    assert find_in_question("What did Ofsted say about Kent's Working Together for Children partnership?") \
        == ["Kent"]
    assert find_in_question("Brighter Futures For Children focused visit 2024") == ["Reading"]
    assert "together for children" in parse("What did Sunderland's ILACS say about how partners work together for "
                                            "children in care?").search_text


def test_a_contrast_asked_otherwise_than_why_keeps_its_grade_and_one_contrasted_mid_question_goes():
    from qa.retrieval.question import parse

    assert "outstanding" in parse("What held Rutland at good rather than outstanding?").topic
    assert "inadequate" not in parse("Which judgement areas came out as RI rather than inadequate in the 2023 "
                                     "ILACS?").topic


def test_judgement_areas_counted_are_no_councils_areas():
    from qa.retrieval.answer_type import counted_stems

    assert "council" not in counted_stems("how many of the judgement areas came out inadequate")
    assert "council" in counted_stems("how many areas did Ofsted visit")


def test_what_i_dont_want_or_mean_is_read_as_set_aside_by_ranking_too():
    from qa.retrieval.rank import outcomes_set_aside, years_set_aside

    assert outcomes_set_aside("Was practice strong in 2017? I don't want the 2015 inadequate findings.") \
        == {"inadequate"}
    assert years_set_aside("What does Rutland still have to improve? I don't mean the 2023 SEND revisit findings.") \
        == {2023}
