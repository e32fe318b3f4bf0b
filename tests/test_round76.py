"""Round 76: trust beyond the seeds (issue 10)."""
from __future__ import annotations


def _hit(doc_id: str, text: str, score: float = 1.0, unconfirmed: tuple[str, ...] = (), **fields):
    from qa.datatypes import Document, Hit, Passage

    document = Document(doc_id=doc_id, path=f"{doc_id}.txt", text=text, **fields)
    return Hit(passage=Passage(f"{doc_id}#1", doc_id, text, 0, len(text)), document=document, score=score,
               unconfirmed=list(unconfirmed))


def test_a_visits_findings_are_asked_though_a_joint_inspection_is_set_aside(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    paper = ("Rutland County Council\n\nChildren and Families Scrutiny Committee, 10 September 2024\n\n"
             "Purpose: to inform the committee of the findings of Ofsted's monitoring visit to Rutland's children's "
             "services on 11 and 12 June 2024.\n\nFindings: Children at risk of exploitation are now identified "
             "earlier, and most receive a prompt and coordinated response. Return home interviews after children "
             "go missing are not consistently completed within 72 hours.\n")
    assistant = bm25_assistant_for(tmp_path, {"paper.txt": (paper, {"doc_type": "council_page", "date": "2024-09-10",
                                                                    "local_authorities": ["Rutland"]}),
                                              **other_council_news()})
    answer = assistant.ask("What did Ofsted's June 2024 monitoring visit to Rutland find about children at risk of "
                           "exploitation and children going missing? The visit as reported to committee - not the "
                           "2025 ILACS and not the Leicestershire JTAI.")
    assert not answer.abstained and "exploitation" in answer.hits[0].passage.text


def test_a_reason_for_a_grade_is_asked_though_a_childrens_homes_report_is_set_aside(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    report = ("Ofsted\n\nRutland County Council\n\nInspection of children's social care services\n\nInspection dates: "
              "2 to 13 March 2026\n\nThe experiences and progress of children who need help and protection: good\n\n"
              "Some children in need wait too long for their assessments to be completed in the locality teams.\n\n"
              "Overall effectiveness: outstanding\n")
    assistant = bm25_assistant_for(tmp_path, {"report.txt": (report, {"doc_type": "ofsted_report",
                                                                      "date": "2026-04-24",
                                                                      "local_authorities": ["Rutland"]}),
                                              **other_council_news()})
    answer = assistant.ask("Rutland ILACS 2026: why was help and protection only graded good when everything else "
                           "was outstanding? Not the Oakham Lodge children's home report.")
    assert not answer.abstained and answer.hits[0].document.doc_id == "report"


def test_ofsteds_own_document_on_the_event_a_council_page_tells_is_no_weak_guess():
    from qa.retrieval.assistant import without_weak_guesses

    paper = _hit("paper", "The judgements are: help and protection good.", 1.25, doc_type="council_page",
                 date="2026-06-09", local_authorities=["Rutland"])
    report = _hit("report", "Some children in need wait too long.", 0.75, doc_type="ofsted_report",
                  date="2026-04-24", local_authorities=["Rutland"])
    story = _hit("story", "Rutland was rated outstanding.", 0.75, doc_type="news_article", date="2026-04-02",
                 local_authorities=["Rutland"])
    elsewhere = _hit("other", "Some children in need wait too long.", 0.75, doc_type="ofsted_report",
                     date="2026-04-24", local_authorities=["Derby"])
    earlier = _hit("earlier", "Leaders have made progress.", 0.75, doc_type="ofsted_letter", date="2025-07-01",
                   local_authorities=["Rutland"])
    hits = [paper, report, story, elsewhere, earlier]
    assert [h.document.doc_id for h in without_weak_guesses(hits, 0.65, sources=True)] == ["paper", "report"]
    # (not where another source is asked, nor far behind, nor under an undated page that ties it to no event)
    assert [h.document.doc_id for h in without_weak_guesses(hits, 0.65)] == ["paper"]
    report.score = 0.4
    assert [h.document.doc_id for h in without_weak_guesses(hits, 0.65, sources=True)] == ["paper"]
    report.score, paper.document.date = 0.75, None
    assert [h.document.doc_id for h in without_weak_guesses(hits, 0.65, sources=True)] == ["paper"]


def test_a_services_response_to_children_is_what_inspectors_found_not_a_reaction_asked():
    from qa.retrieval.answer_type import asks_findings

    assert asks_findings("What did the Rutland JTAI actually conclude about the multi-agency front door - was the "
                         "response to initial need and risk judged effective?")
    assert asks_findings("What did the JTAI find about responses to children at risk of exploitation?")
    assert asks_findings("What did the 2022 JTAI find about how well agencies in Rutland respond to children at "
                         "risk of exploitation?")
    for question in ("How did the council respond to Ofsted's findings?",
                     "What was the council's response to the findings?",
                     "What was the response to the JTAI findings on neglect in Rutland?",
                     "What was the council's response to the report's findings on child exploitation?",
                     "What did inspectors find, and how did the lead member react?"):
        assert not asks_findings(question), question


def test_a_jtais_announcement_does_not_answer_what_it_concluded(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    guidance = ("Guidance\n\nRutland: inspecting the multi-agency response to identification of initial need and "
                "risk\n\nUpdated 21 February 2022\n\nThe Secretaries of State have requested that the inspectorates "
                "carry out a joint targeted area inspection in Rutland.\n\nThe JTAI will include evaluating how "
                "children are protected through effective multi-agency arrangements at the front door.\n")
    assistant = bm25_assistant_for(tmp_path, {"guidance.txt": (guidance, {"doc_type": "other", "date": "2022-02-21",
                                                                          "local_authorities": ["Rutland"]}),
                                              **other_council_news()})
    answer = assistant.ask("What did the Rutland JTAI actually conclude about the multi-agency front door - was the "
                           "response to initial need and risk judged effective?")
    assert answer.abstained


def test_a_monitoring_visit_abbreviated_before_a_year_is_named_for_search():
    from qa.retrieval.question import parse

    assert "monitoring visit" in parse("rutland MV 2025 - what did ofsted find on CIN?").names
    assert "monitoring visit" in parse("Rutland MV 2025: what did Ofsted find?").names
    # (a number after it is the visit's: a filter, not a name)
    query = parse("rutland MV2 caseloads")
    assert "monitoring visit" not in query.names and query.visit_number == 2
    assert parse("rutland MV 3 caseloads").visit_number == 3


def test_grades_restated_need_no_mention_when_the_question_asks_whether_any_were_left():
    from qa.retrieval.question import names_restated_only, parse

    question = ("Rutland: the 2017 SIF had help and protection and LMG inadequate. By the June 2019 ILACS two years "
                "later, was anything still graded below good?")
    assert names_restated_only(question, tuple(parse(question).names)) == frozenset({"LMG"})
    # (a name the question asks about is still needed)
    question = ("Rutland: the 2017 SIF had LMG inadequate. By the June 2019 ILACS, was anything about LMG still "
                "graded below good?")
    assert not names_restated_only(question, tuple(parse(question).names))
    question = "Rutland: the 2017 SIF had LMG inadequate. What did the 2019 ILACS say?"
    assert not names_restated_only(question, tuple(parse(question).names))
    # (nor the place graded, no inspection's finding: the question's subject)
    question = "Larkfield House was rated inadequate in March 2023. Is anything still inadequate at the home?"
    assert not names_restated_only(question, tuple(parse(question).names))


def test_a_visit_set_aside_by_its_number_keeps_the_rest_of_the_closing_clause():
    from qa.retrieval import rank
    from qa.retrieval.assistant import undated_page_set_aside
    from qa.retrieval.question import parse, without_set_asides

    query = parse("Rutland was inadequate in every area at the 2019 ILACS. When Ofsted came back in March 2023, did "
                  "HMI say things had moved on, and where did the overall grade land? The 2023 write-up only, not MV5 "
                  "or the council's own 2019 page.")
    assert rank.years_set_aside(query.text) == frozenset({2019})
    assert "council_page" in rank.kinds_set_aside(query.text)
    page = _hit("page", "On Wednesday 8 May 2019, Ofsted published the findings of their inspection of our "
                "children's services undertaken in late February/early March.", doc_type="council_page",
                local_authorities=["Rutland"], unconfirmed=("date",))
    assert undated_page_set_aside(page, query)
    # (an undated page of another kind, or naming the asked year, is not the page set aside)
    story = _hit("story", page.passage.text, doc_type="news_article", unconfirmed=("date",))
    assert not undated_page_set_aside(story, query)
    later = _hit("later", page.passage.text + " In 2023 inspectors returned.", doc_type="council_page", unconfirmed=("date",))
    assert not undated_page_set_aside(later, query)
    # (nor a page measuring progress from that year)
    since = _hit("since", "Inspectors visited in March and found that leaders had made good progress since the "
                 "inspection in 2019.", doc_type="council_page", unconfirmed=("date",))
    assert not undated_page_set_aside(since, query)
    # (the set-aside runs to the clause's end, after a comma too; a question "if not MV4" sets nothing aside)
    assert rank.years_set_aside(parse("What did the 2023 MV to Rutland find, not MV5 in 2024?").text) == {2024}
    assert "JTAI" not in without_set_asides("What did MV4 find in Rutland, not MV5 or the JTAI?")
    assert "MV4" in without_set_asides("Did Ofsted say Rutland was improving? If not MV4 then which visit said so?")


def test_a_visit_recalled_from_last_year_is_no_visit_of_the_page_on_the_inspection():
    from conftest import metadata_of

    story = ("Rutland children's services out of inadequate, Ofsted says\n\n1 August 2025\n\nRutland County "
             "Council's children's services are no longer inadequate, inspectors have found in their full "
             "inspection.\n\nThe lead member said: \"When Ofsted came for the seventh and final monitoring visit last "
             "summer, they told us children were being spotted earlier, and this report shows that progress has "
             "held.\"\n")
    assert metadata_of(story)["visit_number"] is None
    assert metadata_of(story.replace("seventh and final monitoring visit last summer",
                                     "eighth and final monitoring visit in June last year"))["visit_number"] is None
    # (a visit last month is the story's own; so is one a month last year, not the final one: a January story)
    assert metadata_of(story.replace("last summer", "last month"))["visit_number"] == 7
    assert metadata_of(story.replace("seventh and final monitoring visit last summer",
                                     "third monitoring visit in December last year"))["visit_number"] == 3


def test_a_templates_version_date_is_no_papers_date_its_decision_date_is(tmp_path):
    import docx

    from qa.documents.ingest import discover, load_document

    document = docx.Document()
    document.sections[0].footer.paragraphs[0].text = "Form 2 - Policy Committee Report    Template v2.1 April 2022"
    document.add_paragraph("RUTLAND COUNTY COUNCIL")
    document.add_paragraph("Report to Policy Committee")
    table = document.add_table(rows=2, cols=2)
    for row, (label, value) in zip(table.rows, [("Report to", "Children and Families Policy Committee"),
                                                ("Date of Decision", "16/09/2024")]):
        row.cells[0].text, row.cells[1].text = label, value
    document.add_paragraph("Purpose of Report: to inform the Committee of the outcome of the Ofsted focused visit "
                           "to Rutland's children's services on 21 and 22 May 2024.")
    document.save(tmp_path / "paper.docx")
    files, _ = discover([tmp_path])
    assert load_document(files[0], "x", None, 2**25).date == "2024-09-16"


def test_a_meetings_own_date_comes_before_the_decision_it_goes_to():
    from conftest import metadata_of

    paper = ("Cabinet\nDate of meeting: 3 September 2024\nDate of Decision: 16 September 2024\nReport of the Director "
             "of Children's Services, Rutland County Council: the outcome of Ofsted's focused visit in May 2024.")
    assert metadata_of(paper)["date"] == "2024-09-03"


def test_a_council_named_late_in_a_short_story_on_another_is_a_comparison():
    from conftest import metadata_of

    story = ("Rutland children's services still require improvement, says Ofsted\n\n12 May 2026\n\nRutland Council's "
             "children's services still require improvement, Ofsted has said after a three-week inspection. "
             "Inspectors found that the council had made progress for care leavers, but that too many social workers "
             "were agency staff.\n\nThe grade is unchanged from Rutland's previous inspection in 2022. The cabinet "
             "member for children said the report was fair and that the council would put money into a more stable "
             "workforce.\n\nInspectors said that most children in need of help and protection are seen quickly, but "
             "that plans for some children in care are not reviewed often enough, and that managers do not always "
             "check that actions agreed at meetings have been completed. The council has 70 working days to send its "
             "action plan to Ofsted.\n\nThe result leaves Rutland behind some of its neighbours. Doncaster, where "
             "commissioners ran the council's children's services from 2014 until 2017, was rated outstanding by "
             "Ofsted last month.\n\nThe opposition leader said: \"If Doncaster can go from where it was to "
             "outstanding, there is no excuse for standing still.\"\n")
    assert metadata_of(story)["local_authorities"] == ["Rutland"]
    # (one named in the story's first half is a subject still)
    first, _, rest = story.partition("Inspectors found")
    late = rest[rest.index("Doncaster, where"):]
    early = first + late + "\n\nInspectors found" + rest[:rest.index("Doncaster, where")]
    assert metadata_of(early)["local_authorities"] == ["Rutland", "Doncaster"]


def test_agencies_working_together_are_the_councils_services_a_provider_is_not():
    from qa.retrieval.answer_type import asks_council_services

    assert asks_council_services("What have inspectors found about how well agencies spot and respond to children at "
                                 "risk of exploitation?")
    assert asks_council_services("What have inspectors said about getting parents' consent before agencies contact "
                                 "the front door about a child?")
    assert not asks_council_services("What did Ofsted find when it inspected supported accommodation agencies in "
                                     "Rutland in 2024?")


def test_another_inspectorates_own_inspection_needs_a_passage_on_it_not_a_joint_ones():
    from qa.retrieval.assistant import OTHER_INSPECTORATES_OWN_RE, _names_inspectorate_alone

    assert OTHER_INSPECTORATES_OWN_RE.search("What did the CQC's own inspection of Rutland's health visiting service "
                                             "find in 2024?")
    assert not OTHER_INSPECTORATES_OWN_RE.search("What did Rutland's 2023 ILACS find about health visiting, which the "
                                                 "CQC had rated inadequate?")
    assert _names_inspectorate_alone("The CQC found that health visitors share information promptly.")
    for joint in ("In November, a joint inspection by Ofsted, the CQC and the probation inspectorate found delays.",
                  "Ofsted and the Care Quality Commission (CQC) jointly inspected the local area.",
                  "The CQC and Ofsted carried out an area SEND inspection of Rutland in 2023."):
        assert not _names_inspectorate_alone(joint), joint


def test_a_comparison_with_the_press_is_no_source_asked():
    from qa.retrieval.question import parse

    assert parse("Rutland 2015 inadequate, as the local news covered it: how many areas did Ofsted set?"
                 ).doc_types == ["news_article"]
    assert parse("Rutland 2015: was the judgement as bad as the press reported it?").doc_types == []


def test_a_vacancy_rate_asked_is_answered_by_a_share():
    from qa.retrieval.answer_type import SHARE_QUESTION_RE

    assert SHARE_QUESTION_RE.search("rutland trust sw vacancy rate end of dec 2025")
    assert not SHARE_QUESTION_RE.search("How many foster carers did Rutland approve at the new rates in 2023?")


def test_a_decade_is_no_season_of_its_first_year():
    from qa.retrieval.question import parse

    query = parse("After Jay, which Rutland politician who'd had the children's services brief in the late 2000s had "
                  "to step down? Press coverage of the 2014 Ofsted report, not the committee's release.")
    assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2014-01-01", "2014-12-31")
    assert parse("rutland late 2014 mv").date_from.isoformat() == "2014-09-01"


def test_each_event_set_aside_takes_its_own_date_with_it():
    from qa.retrieval.question import parse

    query = parse("Rutland was leaving children at risk of harm at the March 2023 ILACS. By the MV in March 2025 was "
                  "that still the case? That MV only, not the two-day visit in March 2024 or the final one in Sept "
                  "2025.")
    assert query.filters().get("month") is None
    assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2025-03-01", "2025-03-31")


def test_the_next_event_dated_after_the_one_it_follows_asks_its_own_date():
    from qa.retrieval.question import parse

    query = parse("Rutland's next inspection after the Jan 2019 RI, in late 2021 - had SW caseloads finally come down?")
    assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2021-09-01", "2021-12-31")
    # (with no date of its own, it is asked from the event it follows)
    assert parse("Rutland's next inspection after the Jan 2019 RI - had caseloads come down?"
                 ).date_from.isoformat() == "2019-02-01"
