"""Failure classes found by the twenty-sixth round's development sets (v82 questions on the wider pages; set86
invented files, set87 invented full-length reports); invented fixtures."""


def test_a_trail_of_one_passage_inside_a_year_gives_the_ordinary_answer(tmp_path):
    from conftest import bm25_assistant_for

    story = ("Rutland children's services 'inadequate', Ofsted warns\n\nAn inspection of Rutland's children's services "
             "found serious and widespread failures, the watchdog said in its report published in April 2016.\n\n"
             "The report states that since the last inspection in 2012 the majority of areas that were found to "
             "require improvement at that inspection have not been progressed.\n\nThe council said it had brought in "
             "a new management team and commissioned an external review of the areas flagged in 2012.")
    docs = {"story.txt": (story, {"date": "2016-04-06"}),
            "kent.txt": ("Kent County Council news\n\nKent's fostering service celebrates its carers at an awards "
                         "evening.", {"date": "2016-05-01"})}
    assistant = bm25_assistant_for(tmp_path, docs)
    question = "Rutland 2016 Ofsted inspection: had the council made progress on the areas flagged at its 2012 inspection?"
    from qa.retrieval import timeline

    intent = timeline.detect(question)
    assert intent is not None and intent.kind == "trail"  # ("progress on" reads as a trail ...)
    answer = assistant.ask(question)
    # ... but a trail inside one year that finds one passage is no trail: the ordinary ranked passages answer
    assert getattr(answer, "timeline", None) is None and "timeline" not in answer.filters
    assert not answer.filters_description.startswith("Evidence trail")


def test_a_terse_query_ending_with_a_grade_asks_for_a_grade():
    from qa.retrieval.answer_type import asks_grade

    assert asks_grade("B&NES ILACS 2025 overall grade")
    assert asks_grade("rutland ilacs 2019 judgement")
    assert asks_grade("What overall grade did Rutland get?")
    # a grade in the scene of another question is not asked for
    assert not asks_grade("southampton ofsted good rating cabinet member reaction")
    assert not asks_grade("How did staff react to the good rating")
    assert not asks_grade("rutland rating change after the 2019 judgement and staff morale")


def test_a_letters_address_block_and_taking_up_post_name_the_director():
    from qa.retrieval.answer_type import holds, names_person_in_role

    address = ("15 November 2022\n\nJo Example Strategic Director for Children's Services Rutland County Council "
               "Catmose Oakham\n\nDear Ms Example")
    assert names_person_in_role("director", address)
    assert names_person_in_role("director", "Jo Example took up post as Strategic Director for Children's Services "
                                            "on 3 October 2022.")
    assert names_person_in_role("director", "Jo Example, who became the council's strategic director for children's "
                                            "services in October, said the letter was fair.")
    # a job title at a line's start, with no council after it, is nobody
    assert not holds("person", "Social Care Director of the year\n\nThe award went to a team in the north.")


def test_a_visit_likely_to_take_place_is_still_to_come():
    import re

    from qa.documents.metadata import anticipated_visit, infer_visit_number

    text = "5.1 Ofsted has indicated that the fourth monitoring visit is likely to take place in March 2023."
    assert anticipated_visit(text, re.search(r"fourth monitoring visit", text))
    assert infer_visit_number("Report to the panel. " + text)[0] is None
    done = "The fourth monitoring visit took place in March 2023. It is likely that leaders will act."
    assert not anticipated_visit(done, re.search(r"fourth monitoring visit", done))


def test_a_year_dating_an_appointment_in_a_clause_keeps_later_documents():
    from datetime import date

    from qa.retrieval.question import parse

    query = parse("Where did Rutland's corporate director for children's services work before she took up the post "
                  "in 2023?")
    assert query.date_from == date(2023, 1, 1) and query.date_to is None
    assert parse("What did Rutland's 2023 inspection find?").date_to == date(2023, 12, 31)


def test_a_question_about_a_previous_post_prefers_a_passage_saying_where_somebody_came_from():
    from qa.retrieval.answer_type import PREVIOUS_POST_MISSING, previous_post_weight

    question = "Where did Rutland's director work before she took up the post?"
    came_from = "Jo Example joined Rutland from Lancashire, where she had been deputy director of children's social care."
    since = "The corporate director, who took up her post in September 2023, has an accurate understanding of the service."
    assert previous_post_weight(question, came_from) == 1.0
    assert previous_post_weight(question, since) == PREVIOUS_POST_MISSING < 1.0
    assert previous_post_weight(question, "She joined the council after six years as deputy director at Kent.") == 1.0
    assert previous_post_weight("Who is Rutland's director?", since) == 1.0


def test_a_who_question_with_a_deed_prefers_the_sentence_naming_its_doer():
    from qa.retrieval.answer_type import WHO_VERB_BOOST, who_verb_weight

    question = "Who presented the Ofsted focused visit report to Rutland's scrutiny committee?"
    minutes = "The Executive Director of Children's Services, Jo Example, presented the report on the focused visit."
    letter = "His Majesty's Inspectors Sam Other and Alex Third carried out this visit."
    assert who_verb_weight(question, minutes) == WHO_VERB_BOOST > 1.0
    assert who_verb_weight(question, letter) == 1.0
    assert who_verb_weight("Who carried out the visit to Rutland?", letter) == WHO_VERB_BOOST
    assert who_verb_weight("Who led the inspection of Rutland?", "Lead inspector: Jo Example. She led the team.") \
        == WHO_VERB_BOOST
    assert who_verb_weight("Who is Rutland's director?", minutes) == 1.0  # no deed asked


def test_praise_and_faults_asked_weigh_the_other_side_down():
    from qa.retrieval.rank import FAULT_ONLY_PENALTY, PRAISE_ONLY_PENALTY, asks_faults, fault_weight, praise_weight

    assert asks_faults("rutland monitoring visit 2 what was still weak")
    assert asks_faults("w sussex ilacs 2023 where is practice still weak")
    assert not asks_faults("Where is practice strong in Rutland?")
    weak = "Child in need plans are too often generic, and caseloads remain too high."
    good = "Social workers know their children well and speak about them with warmth; visits are timely."
    assert fault_weight(good, "rutland monitoring visit 2 what was still weak") == PRAISE_ONLY_PENALTY
    question = "What did Ofsted praise at its second monitoring visit to Rutland?"
    assert praise_weight(weak, question) == FAULT_ONLY_PENALTY < 1.0
    assert praise_weight(good, question) == 1.0
    assert praise_weight(weak, "rutland focused visit 2023 strengths") == FAULT_ONLY_PENALTY
    assert praise_weight(weak, "What did inspectors find at Rutland's second visit?") == 1.0


def test_review_an_appointment_clause_widens_the_time_only_for_an_earlier_career():
    from datetime import date

    from qa.retrieval.question import parse

    # what was found before the appointment is asked: not "from 2023 on"
    for question in ("What did Ofsted find in Rutland before the new director took over in 2023?",
                     "How was Rutland rated before the new DCS arrived in 2021?"):
        assert parse(question).date_to is not None
    assert parse("Where did she work before she joined Rutland in 2022?").date_from == date(2022, 1, 1)


def test_review_fault_and_praise_questions_read_only_what_is_asked():
    from qa.retrieval.rank import asks_faults, asks_praise

    # a judgement in the question's scene, or as its subject, asks for no faults
    for question in ("What has changed since Rutland was rated inadequate in 2019?",
                     "What happened after Rutland was judged inadequate?",
                     "Which councils were rated inadequate in 2023?"):
        assert not asks_faults(question), question
    # both sides asked: neither weight applies
    for question in ("rutland ilacs 2023 strengths and weaknesses",
                     "What were the strengths and areas for improvement at Rutland's 2023 inspection?",
                     "What did inspectors praise, and what did they say still needed to improve?"):
        assert not asks_praise(question), question


def test_review_previous_post_asked_only_of_a_person_and_told_in_more_ways():
    from qa.retrieval.answer_type import previous_post_weight

    plain = "The council had strengthened its front door before the visit."
    for question in ("What improvements had the council made before the focused visit?",
                     "What support do care leavers get before moving to independent living?"):
        assert previous_post_weight(question, plain) == 1.0, question
    question = "Where did Rutland's director work before she took up the post?"
    for text in ("Prior to joining Rutland, Jo Example was assistant director at Kent.",
                 "Jo Example joins Rutland from Lancashire County Council.",
                 "Jo Example comes to Rutland from Kent, having led its fostering service."):
        assert previous_post_weight(question, text) == 1.0, text


def test_review_director_person_forms_name_somebody_and_run_in_linear_time():
    import time

    from qa.retrieval.answer_type import EVIDENCE, holds, names_person_in_role

    assert not holds("person", "New Interim Director of Children's Services for Rutland County Council")
    assert names_person_in_role("director", "20 May 2024\n\nJo Example Director of Children's Services London "
                                            "Borough of Hackney Hackney Town Hall\n\nDear Ms Example")
    assert names_person_in_role("director", "Jo Example took up the post of Strategic Director for Children's "
                                            "Services in May.")
    started = time.perf_counter()
    EVIDENCE["person"].search("Jo Bell took over as " + "interim acting " * 24 + "lead for the service.")
    assert time.perf_counter() - started < 0.5


def test_review_a_who_deed_is_its_verb_and_a_terse_grade_its_own_query():
    from qa.retrieval.answer_type import asks_grade, who_verb_weight

    question = "Who presented the Ofsted focused visit report to Rutland's scrutiny committee?"
    assert who_verb_weight(question, "Present: Cllr Jo Example (Chair), Cllr Sam Other and Cllr Alex Third.") == 1.0
    for query in ("rutland staff morale and the 2019 judgement", "judicial review of ofsted judgement",
                  "rutland council leader responds to inadequate rating"):
        assert not asks_grade(query), query
    assert asks_grade("rutland ilacs judgement 2019") and asks_grade("enfield ofsted rating 2023")


def test_review_a_visit_likely_to_come_in_a_clause_numbers_no_document():
    from qa.config import PIPELINE_VERSION
    from qa.documents.metadata import infer_visit_number

    for text in ("Report to Cabinet. Ofsted's fourth monitoring visit, which is likely to take place in March 2023, "
                 "will look at care leavers.",
                 "Report to Cabinet. The fourth monitoring visit, likely to take place in March 2023, will look at "
                 "care leavers."):
        assert infer_visit_number(text)[0] is None, text
    assert int(PIPELINE_VERSION) >= 82  # (indexes built before the rule are rebuilt)


def test_a_visit_being_prepared_for_numbers_no_story():
    from qa.documents.metadata import infer_visit_number

    feature = ("Inside Rutland's recovery\n\nJo Example joined Rutland from Kent and arrived as the council was "
               "preparing for its first Ofsted monitoring visit. The early visits were sobering.")
    assert infer_visit_number(feature)[0] is None
    assert infer_visit_number("This was the first monitoring visit to Rutland since it was judged inadequate.")[0] == 1


def test_after_reading_a_councils_short_form_is_no_name_and_a_lead_ofsted_inspector_is_asked_for():
    from qa.retrieval.answer_type import asked_role
    from qa.retrieval.question import parse

    for question, place in (("How much improvement grant did Rutland BC get from the DfE for 2020?", "Rutland"),
                            ("wigan mbc ofsted 2019", "Wigan"), ("What did Kent CC say?", "Kent")):
        query = parse(question)
        assert query.authorities == [place] and not {"BC", "MBC", "CC"} & set(query.names), question
    assert asked_role("Who was the lead Ofsted inspector for Rutland's 2016 inspection?") == "lead inspector"


def test_after_reading_a_body_named_in_common_words_must_be_named_as_such(tmp_path):
    from conftest import bm25_assistant_for

    report = ("Inspection of Rutland children's services\n\nLeaders have commissioned external support to improve the "
              "quality of practice, and the care of children in need is improving.\n\nOverall effectiveness: "
              "requires improvement to be good.")
    adults = ("Bexley adult social care rated good\n\nThe Care Quality Commission rated Bexley's adult social care "
              "good, praising its support for carers.")
    assistant = bm25_assistant_for(tmp_path, {"rutland.txt": (report, {}), "bexley.txt": (adults, {})})
    answer = assistant.ask("How did the Care Quality Commission rate Rutland's adult social care?")
    # "commissioned", "quality" and "care" in one passage do not name the Care Quality Commission
    assert answer.abstained and "Quality Commission" in answer.message
    assert assistant.ask("What did the CQC say about Rutland's adult social care?").abstained
    assert not assistant.ask("How did the Care Quality Commission rate Bexley's adult social care?").abstained
    # only a body's name is a phrase; other names keep their words anywhere in one passage
    from qa.retrieval.retriever import _as_phrase

    assert _as_phrase("Care Quality Commission").search("the Care Quality Commission's report")
    assert _as_phrase("Principal Worker's") is None and _as_phrase("Sarah Russell's") is None
    assert _as_phrase("requires improvement") is None and _as_phrase("Duty Teams Review") is None


def test_after_reading_a_letters_addressee_is_no_byline_and_a_street_in_a_run_in_address_no_council():
    from qa.documents.gazetteer import find_in_text
    from qa.documents.metadata import infer_doc_type
    from qa.datatypes import Block

    letter = ("Ofsted\n\nOfsted North East, Yorkshire and the Humber\n\nRegional office, Leeds www.ofsted.example\n\n"
              "9 June 2021\n\nJo Example\n\nDirector of Children's Services\n\nRutland County Council Catmose Oakham\n\n"
              "Dear Jo\n\nMonitoring visit to Rutland children's services\n\nThis letter summarises the findings of the "
              "fourth monitoring visit. Social workers told the inspectors that they feel supported.\n\nYours "
              "sincerely\n\nSam Other\n\nHis Majesty's Inspector")
    blocks = [Block(kind="para", text=part) for part in letter.split("\n\n")]
    assert infer_doc_type(letter, blocks, {})[0] == "ofsted_letter"
    assert [m.name for m in find_in_text("Bury Council Town Hall Knowsley Street Bury Dear Jo")] == ["Bury"]
    assert [m.name for m in find_in_text("Wigan Close To Good Rating")] == ["Wigan"]
