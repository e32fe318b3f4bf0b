"""Failure classes found by the twenty-fifth round's development sets (v80 questions on the wider pages; set82
invented files, set83 invented full-length reports); invented fixtures."""


def _load(folder, name: str, text: str):
    from test_round23 import _load as load

    return load(folder, name, text)


def test_a_story_naming_the_inspector_answers_who_led_the_inspection(tmp_path):
    from conftest import bm25_assistant_for

    docs = {
        "story.txt": ("Praise from Ofsted for Rutland children's services\n\nThe watchdog praised the senior leadership "
                      "of children's services in Rutland following an inspection in June.\n\nThe council is no longer "
                      "rated inadequate, with inspector Jo Example reporting no widespread or serious failures.", {}),
        "kent.txt": ("Kent County Council news\n\nKent's fostering service celebrates its carers at an awards "
                     "evening.", {}),
    }
    assistant = bm25_assistant_for(tmp_path, docs)
    from qa.retrieval.assistant import states_asked_fact
    from qa.retrieval.question import parse

    query = parse("Who was the lead inspector for Rutland's inspection that took it out of inadequate?")
    hits = assistant.retriever.retrieve(assistant.live.current(), query, {}, dense=False).hits
    assert hits[0].document.path.endswith("story.txt")
    # a story calls the lead inspector "inspector Jo Example": that states the asked fact (the answer is not
    # declined for want of the words "lead inspector")
    assert states_asked_fact(query, hits[:5])
    from qa.retrieval.answer_type import names_role

    assert names_role("lead inspector", "Lead inspector: Jo Example")
    assert not names_role("lead inspector", "The director, Jo Example, said the council was proud.")


def test_an_ofsted_regional_offices_town_on_its_letterhead_line_is_no_council():
    from qa.documents.gazetteer import find_in_text

    for head in ("Ofsted\nRegional office - North West\nManchester\n\n11 October 2022\n\nJo Example\nRutland County "
                 "Council\n\nDear Jo\n\nMonitoring visit to Rutland children's services",
                 "Page 1 of 4 Ofsted Regional office - North West Manchester T 0300 555 0199 enquiries@ofsted.example "
                 "13 June 2023 Jo Example Director of Children's Services Rutland County Council Dear Jo"):
        assert {m.name for m in find_in_text(head)} == {"Rutland"}
    # (Ofsted's judgement of a council, or its region's comment on it, still names the council)
    assert [m.name for m in find_in_text("Ofsted rated Manchester good in 2023.")] == ["Manchester"]


def test_a_directors_former_post_and_a_council_first_named_late_in_a_long_text_are_passing():
    from qa.documents.metadata import infer_authorities

    letter = ("Rutland focused visit letter published\n\nOfsted has published its letter on the focused visit to "
              "Rutland children's services. Inspectors found that children in need are seen promptly.\n\nJo Example, "
              "Director of Children's Services, who joined the council in 2021 after leading safeguarding services "
              "at Lancashire County Council, said: \"This is a really positive letter.\"")
    assert infer_authorities(letter)[0] == ["Rutland"]
    feature = ("Inside Rutland's slow climb back\n\nRutland's children's services were judged inadequate two years "
               "ago. " + "Rutland's social workers describe a service that is steadier than it was. " * 60 +
               "\n\nThe partner\n\nIn March the Department for Education confirmed that Stockport, rated good, "
               "would provide improvement support. Stockport staff have worked alongside Rutland's managers. One "
               "manager describes being told how they do it in Stockport. Stockport's supervision training helped.")
    assert len(feature) > 4000
    assert infer_authorities(feature)[0] == ["Rutland"]
    # two councils named together from the start are both the subject
    joint = "Kent and Medway children's services inspected\n\n" + "Kent and Medway share a front door. " * 150
    assert sorted(infer_authorities(joint)[0]) == ["Kent", "Medway"]


def test_a_story_telling_its_visit_as_an_act_numbers_it_beside_a_recalled_one():
    from qa.documents.metadata import infer_visit_number

    story = ("Inspectors have found social workers in Rutland are carrying fewer cases.\n\nOfsted made its second "
             "monitoring visit to Rutland County Council's children's services on November 7 and 8, almost a year "
             "after rating them inadequate.\n\nThe council's children's services were rated inadequate in December "
             "2022. The first monitoring visit, in May, looked at children in need.\n\nThe next monitoring visit is "
             "expected in the spring.")
    assert infer_visit_number(story)[0] == 2
    # a summary telling both visits as acts numbers neither
    assert infer_visit_number("Ofsted made its first monitoring visit in May and its second monitoring visit in "
                              "November.")[0] is None


def test_a_reports_closing_publication_line_and_a_papers_report_date_row_date_them(tmp_path):
    body = ("Inspectors found that children in need of help and protection receive a timely response. " * 70)
    report = _load(tmp_path, "report.txt", (
        "Ofsted\n\nRutland County Council\nInspection of children's social care services\n\nInspection dates: 7 to "
        "18 November 2022\n\nLead inspector: Jo Example, His Majesty's Inspector\n\nJudgement | Grade\nThe impact of "
        "leaders on social work practice with children and families | Good\nOverall effectiveness | Good\n\n" + body +
        "\n\nIf you would like a copy of this document in a different format, please telephone 0300 000 0000. This "
        "report was published on 13 January 2023."))
    assert report.doc_type == "ofsted_report"
    assert report.date == "2023-01-13"
    paper = _load(tmp_path, "paper.txt", (
        "RUTLAND COUNTY COUNCIL\n\nChildren's Scrutiny Committee\n\n7 March 2024\n\nAgenda item 7\n\nOfsted focused "
        "visit: children in care at risk of exploitation\n\nReport of | Director of Children's Services\n\nDate of "
        "report | 23 February 2024\n\nWards affected | All\n\n1. Purpose of report\n\n1.1 To inform the Committee of "
        "the outcome of the focused visit carried out by Ofsted to Rutland children's services in December 2023.\n\n"
        "3.2 Members will recall that the inspection report was considered by this Committee on 20 January 2022.\n\n"
        "3.3 Ofsted carried out a focused visit to Rutland children's services on 5 and 6 December 2023."))
    assert paper.date == "2024-02-23"
    assert (paper.period_start, paper.period_end) == ("2023-12-05", "2023-12-06")


def test_an_ofsted_letter_reproduced_in_a_council_paper_speaks_as_ofsted(tmp_path):
    from conftest import bm25_assistant_for

    paper = ("RUTLAND COUNTY COUNCIL\n\nChildren's Scrutiny Committee\n\n7 March 2024\n\nAgenda item 7\n\nOfsted "
             "focused visit: children at risk of exploitation\n\nReport of | Director of Children's Services\n\n"
             "Date of report | 23 February 2024\n\nWards affected | All\n\n1. Purpose of report\n\n1.1 Members are asked to note the letter. The service manager "
             "said children at risk of exploitation are well supported by the exploitation team.\n\n"
             + "2. Background\n\n" + "The committee last considered the service's performance in the spring, when "
             "members asked for a fuller account of the work with partners and schools. " * 6 + "\n\nAppendix 1\n\n"
             "Dear Jo\n\nFocused visit to Rutland children's services\n\nThis letter summarises the findings of the "
             "focused visit to Rutland children's services. " + "Inspectors looked at the local authority's "
             "arrangements for children in care, including those placed outside the county, and spoke to staff. " * 6
             + "\n\nChildren at risk of exploitation benefit from a "
             "well-coordinated response from professionals who understand their risks.\n\nYours sincerely\n\nSam "
             "Example\nHis Majesty's Inspector")
    from qa.retrieval.rank import embedded_letter_spans

    (start, end), = embedded_letter_spans(paper)
    assert paper[start:end].startswith("Dear Jo") and paper[start:end].endswith("His Majesty's Inspector")
    # a council's own letter to parents is no Ofsted letter
    assert embedded_letter_spans("Dear parent\n\nOur school visit\n\nThe trip is on Monday.\n\nYours sincerely\n\n"
                                 "Jo Example\nHeadteacher") == ()
    assistant = bm25_assistant_for(tmp_path, {"paper.txt": (paper, {"doc_type": "council_page"})})
    doc = assistant.index.documents["paper"]
    from qa.retrieval.question import parse
    from qa.retrieval.rank import prior, source_kind

    council_at, letter_at = paper.index("1.1 Members"), paper.index("Children at risk of exploitation benefit")
    assert (source_kind(doc, council_at), source_kind(doc, letter_at)) == ("council_page", "ofsted_letter")
    # Ofsted's words asked for: the letter's passages weigh as Ofsted's own; the council's voice asked for: the paper's
    ofsted = parse("According to Ofsted's own letter, what about children at risk of exploitation in Rutland?")
    council = parse("What did Rutland council itself say about children at risk of exploitation?")
    assert prior(doc, ofsted, None, None, letter_at) > prior(doc, ofsted, None, None, council_at)
    assert prior(doc, council, None, None, council_at) > prior(doc, council, None, None, letter_at)


def test_a_terse_query_opening_with_a_towns_name_and_a_topic_is_about_the_place():
    from qa.documents.gazetteer import find_in_question

    assert find_in_question("redcar missing children return home interviews") == ["Redcar and Cleveland"]
    assert find_in_question("reading supervision 2019") == ["Reading"]
    assert find_in_question("Reading the letter about supervision") == []


def test_a_question_asking_for_problems_prefers_a_passage_naming_faults_over_praise_only():
    from qa.retrieval.rank import PRAISE_ONLY_PENALTY, fault_weight

    praise = "The response to children who go missing from home or care has improved, and workers are persistent."
    fault = "Delays in police notifications mean that it is not clear when children first go missing."
    question = "Which inspections found problems with how councils respond to children who go missing?"
    assert fault_weight(praise, question) == PRAISE_ONLY_PENALTY < 1.0
    assert fault_weight(fault, question) == 1.0
    assert fault_weight("Return home interviews are not always completed, though practice has improved.", question) == 1.0
    # (asked as the question's own verb: "Where have inspectors criticised ...?")
    assert fault_weight(praise, "Where have inspectors criticised the response to children who go missing?") \
        == PRAISE_ONLY_PENALTY
    # a fault in the question's scene is not what it asks for
    assert fault_weight(praise, "What happened after inspectors criticised the response to missing children?") == 1.0
    assert fault_weight(praise, "Has the council improved its response since the inspectors criticised it?") == 1.0
    assert fault_weight(praise, "How does the response to missing children compare?") == 1.0


def test_a_dated_title_segment_is_no_publisher_and_a_councils_democracy_site_is_the_council():
    from qa.documents.convert import convert_html

    page = convert_html(
        "<html><head><title>Minutes: Children's Scrutiny Committee - Thursday, 7th March, 2024 2.00 pm - Rutland "
        "County Council Democracy</title><meta name='DC.date.issued' content='2024-03-19'></head><body><main>"
        "<h1>Minutes: Children's Scrutiny Committee</h1><p>The Committee considered a report on the Ofsted focused "
        "visit carried out on 5 and 6 December 2023.</p><p>RESOLVED that the report be noted.</p></main></body>"
        "</html>")
    assert page.hints.get("publisher") == "Rutland County Council"
    from qa.documents.convert import _DATED_NAME_RE

    assert _DATED_NAME_RE.search("Minutes - Thursday, 7th March, 2024 2.00 pm")
    assert not _DATED_NAME_RE.search("Children's Practice Weekly")


def test_a_meetings_line_in_figures_dates_its_minutes_over_their_approval(tmp_path):
    doc = _load(tmp_path, "minutes.txt", (
        "Rutland County Council\n\nIssue - meetings\n\nAgenda item\n\nOfsted Monitoring Visit - Outcome Letter\n\n"
        "Meeting: 10/09/2024 - Overview and Scrutiny Committee (Children's Services) (Item 6)\n\nReport of the "
        "Executive Director of Children's Services\n\nPurpose: To inform the Committee of the outcome of the latest "
        "Ofsted monitoring visit to Rutland children's services.\n\nDecision: RESOLVED that the letter be noted.\n\n"
        "Minutes status: approved as a correct record at the meeting held on 12/11/2024"))
    assert doc.date == "2024-09-10"


def test_review_fault_words_and_questions_whether_faults_were_put_right():
    from qa.retrieval.rank import PRAISE_ONLY_PENALTY, fault_weight

    asked = "What concerns did inspectors raise about Rutland's front door?"
    for fault in ("Leaders have not yet made enough progress in improving the front door.",
                  "Progress in the front door has been slow since the last visit.",
                  "Improvement in the front door has stalled.", "Improvements have not been sustained.",
                  "Senior leaders were slow to address the significant decline in the quality of practice."):
        assert fault_weight(fault, asked) == 1.0, fault
    fixed = "The front door is now effective: decisions are timely and well recorded."
    assert fault_weight(fixed, asked) == PRAISE_ONLY_PENALTY
    for question in ("Have the problems with Rutland's front door been resolved?",
                     "How did Rutland address the concerns about its front door?",
                     "Did Rutland fix the weaknesses in its front door?",
                     "What issues did the focused visit look at in Rutland?",
                     "How did Rutland respond to the concerns about its front door?"):
        assert fault_weight(fixed, question) == 1.0, question


def test_review_headlines_naming_ofsted_keep_their_council():
    from qa.documents.gazetteer import find_in_text

    for text in ("Ofsted Monitoring Visit - Wigan\n\nInspectors found progress.", "Ofsted Praises Leeds\n\nBy Jo Bell",
                 "Ofsted Report - Rochdale\n", "Ofsted Slams Birmingham 12 March 2019 after a visit"):
        assert [m.name for m in find_in_text(text)], text
    # (a gerund is no place: "Reading children's social care records, inspectors saw ...")
    assert [m.name for m in find_in_text("Reading children's social care records, inspectors saw delays.")] == []


def test_review_lead_inspector_needs_one_named_inspector():
    from qa.retrieval.answer_type import names_role

    assert not names_role("lead inspector", "Inspectors found that the director of children's services, Jo Bell, "
                                            "has a clear grip on practice in Rutland.")
    assert names_role("lead inspector", "with inspector Lisa Summers reporting no serious failures")
    assert names_role("lead inspector", "Jo Bell HMI")


def test_review_an_embedded_letter_ends_at_its_own_closing_signed_by_an_inspector():
    from qa.retrieval.rank import embedded_letter_spans

    director = ("Dear Colleagues\n\nFollowing Ofsted's monitoring visit last month, I want to thank you all.\n\n"
                "Yours sincerely\n\nSam Director\nDirector of Children's Services\n\n2. Next steps\n\n2.1 The council "
                "will publish its improvement plan.\n\n")
    letter = ("Dear Jo\n\nMonitoring visit to Rutland children's services\n\nThe visit was carried out by His "
              "Majesty's Inspector Jo Bell. Inspectors found that plans are clearer.\n\nYours sincerely\n\nJo Bell\n"
              "His Majesty's Inspector")
    text = director + letter
    (start, end), = embedded_letter_spans(text)
    assert text[start:end] == letter
    import time

    t = time.perf_counter()
    embedded_letter_spans("Dear " + "A" * 400 + "!\n" + "x" * 100)
    assert time.perf_counter() - t < 1.0  # (was exponential in the run of capitals)


def test_review_dates_periods_visits_and_authorities_beside_the_new_rules(tmp_path):
    from qa.documents.metadata import infer_authorities, infer_period, infer_visit_number

    body = "Inspectors found that children in need of help and protection receive a timely response. " * 100
    report = _load(tmp_path, "both.txt", (
        "Ofsted\n\nRutland County Council\nInspection of children's social care services\n\nInspection dates: 7 to "
        "18 November 2022\n\nLead inspector: Jo Example, His Majesty's Inspector\n\nJudgement | Grade\nOverall "
        "effectiveness | Good\n\n" + body + "\n\nReport published: 13 January 2023\n\nThis report was published on "
        "13 January 2023."))
    assert report.date == "2023-01-13"
    assert infer_authorities("Ofsted published its findings on Tuesday after spending two weeks at Rutland County "
                             "Council in March. Inspectors found that the front door is effective.")[0] == ["Rutland"]
    assert infer_authorities("The lead inspector, Jo Bell, wrote the report after leading the inspection at Rutland "
                             "County Council in March. Inspectors found drift.")[0] == ["Rutland"]
    story = ("Inspectors have found continued progress in Rutland at the third monitoring visit since they were judged "
             "inadequate in 2022. When Ofsted made its second monitoring visit in November, inspectors found drift.")
    assert infer_visit_number(story)[0] != 2
    roundup = ("Ofsted verdicts: two councils inspected this month\n\n" + "Leeds children's services were judged good "
               "by inspectors, who praised the quality of social work practice across the city's teams and the "
               "stability of its workforce. " * 20 + "\n\nBradford\n\n" + "Bradford Council said it accepted the "
               "findings and would publish a plan. " * 9)
    assert len(roundup) > 4000 and sorted(infer_authorities(roundup)[0]) == ["Bradford", "Leeds"]
    assert infer_period("As inspectors noted at the focused visit on 5 and 6 December 2023, children in care wait "
                        "too long for plans.")[0] == ("2023-12-05", "2023-12-06")
    from qa.documents.convert import convert_html

    page = convert_html("<html><head><title>Ofsted letter on agenda - Extraordinary Council Meeting</title></head>"
                        "<body><main><p>The letter was noted by members.</p></main></body></html>")
    assert page.hints.get("publisher") != "Extraordinary Council"


def test_a_role_asked_for_is_answered_by_a_sentence_naming_somebody_in_it(tmp_path):
    from qa.retrieval.answer_type import holds

    # (after the held-out reading) "Who did the government appoint as commissioner for Leicester?" is not answered
    # by a passage naming commissioners appointed elsewhere in one sentence and a minister in another
    from conftest import bm25_assistant_for
    from qa.retrieval.assistant import states_asked_fact
    from qa.retrieval.question import parse

    docs = {"answer.txt": ("Written answer on children's social services\n\nCommissioners have been appointed in "
                           "Kent, Rutland and Medway. Depending on the needs in each area, they may recommend that "
                           "services are run by a trust.\n\nThe answer was given by Jo Example, Minister for "
                           "Children, on 5 January 2016.", {})}
    assistant = bm25_assistant_for(tmp_path, docs)
    query = parse("Who did the government appoint as commissioner for children's services in Rutland?")
    hits = assistant.retriever.retrieve(assistant.live.current(), query, {}, dense=False).hits
    assert hits and not states_asked_fact(query, hits[:5])
    # a councillor named by a short title is a person: "Chair of the Scrutiny Panel, Clr Jo Example, said ..."
    assert holds("person", "Chair of the council's Children's Scrutiny Panel, Clr Jo Example, described the "
                           "improvements as pleasing.")
