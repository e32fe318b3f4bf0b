"""Round 77: trust beyond the seeds (issue 10)."""
from __future__ import annotations


def test_a_councils_select_committee_paper_asking_a_question_to_the_nhs_is_the_councils():
    from conftest import metadata_of

    paper = ("RUTLAND COUNTY COUNCIL\nCHILDREN AND FAMILIES SELECT COMMITTEE\nDATE:\nThursday, 19 June 2025\n"
             "LEAD OFFICER:\nJo Bell, Executive Director for Children\n"
             "JOINT TARGETED AREA INSPECTION: OUTCOME AND WRITTEN STATEMENT OF ACTION\nPurpose of report:\n"
             "To update the Select Committee on the findings of the joint targeted area inspection.\n"
             "1. Between 3 and 7 February 2025 inspectors carried out a JTAI of the response to children affected "
             "by domestic abuse in Rutland.\n"
             "2. The health trust has added a mandatory domestic abuse question to the maternity booking "
             "appointment and is auditing GP records.\n")
    assert metadata_of(paper)["doc_type"] == "council_page"
    # (a written question to a department is still Parliament's)
    assert metadata_of("Children: Social Services\nQuestion to the Department for Education\nTo ask the Secretary "
                       "of State for Education, which councils have had commissioners appointed.\n"
                       "Asked on 16 December 2015\n")["doc_type"] == "other"


def test_a_commissioners_report_to_the_secretary_of_state_is_no_news_story():
    from conftest import metadata_of

    report = ("Report of the Commissioner for Children's Services in Rutland to the Secretary of State for "
              "Education\nMaria Hollis\nOctober 2019\nContents\n1. Introduction\n2. What I found\n"
              "1.1 Ofsted inspected Rutland County Council's children's services in February and March 2019. Its "
              "report judged the services to be inadequate in every area.\n"
              "1.2 The Secretary of State issued a statutory direction to the council on 20 June 2019, and I was "
              "appointed as commissioner. Staff told me they wanted stable leadership.\n")
    assert metadata_of(report)["doc_type"] == "other"


def test_a_council_news_page_copying_the_judgements_is_no_ofsted_report():
    from conftest import metadata_of

    page = ("Rutland County Council News > Children and families\n"
            "Rutland children's services rated outstanding by Ofsted\nNews | November 2025\n"
            "Children's services in Rutland have been judged outstanding by Ofsted, in a report published today.\n"
            "The impact of leaders on social work practice with children and families: outstanding\n"
            "The experiences and progress of children who need help and protection: outstanding\n"
            "The experiences and progress of children in care: outstanding\n"
            "Overall effectiveness: outstanding\n"
            "Councillor Jo Bell said: \"We are proud of our staff.\"\n"
            "Inspection dates: 6 to 17 October 2025\nLead inspector: Naomi Stirling\n")
    assert metadata_of(page)["doc_type"] != "ofsted_report"
    # (the report's own front page, judgements and all, still is one)
    report = ("Ofsted\nRutland County Council\nInspection of children's social care services\n"
              "Inspection dates: 6 to 17 October 2025\nLead inspector: Naomi Stirling, His Majesty's Inspector\n"
              "Overall effectiveness: outstanding\n"
              "The experiences and progress of children who need help and protection: outstanding\n"
              "Children and families in Rutland receive consistently strong help.\n")
    assert metadata_of(report)["doc_type"] == "ofsted_report"


def test_what_percent_asks_for_a_share():
    from qa.retrieval.answer_type import SHARE_QUESTION_RE, answer_type

    for question in ("What % of assessments were completed within timescale in 2021?",
                     "what per cent of children were seen within 10 days?",
                     "What's the % of children on plans in Rutland?"):
        assert answer_type(question) == "count" and SHARE_QUESTION_RE.search(question)


def test_a_percentage_asked_is_not_answered_by_a_story_without_one(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    story = ("Council hits back after Ofsted criticism\n\nRutland County Council has said the inspection findings "
             "do not reflect its children's services. Inspectors said leaders must keep improving the timeliness "
             "of assessments, which had declined since the last inspection.\n")
    assistant = bm25_assistant_for(tmp_path, {"story.txt": (story, {"doc_type": "news_article", "date": "2024-12-02",
                                                                    "local_authorities": ["Rutland"]}),
                                              **other_council_news()})
    assert assistant.ask("Rutland assessments timeliness - what % were completed on time?").abstained
    assert not assistant.ask("Rutland: what did inspectors say about the timeliness of assessments?").abstained


def test_the_figure_a_question_compares_with_is_not_the_count_it_asks(tmp_path):
    from conftest import bm25_assistant_for, other_council_news
    from qa.retrieval import timeline

    page = ("Ofsted inspection of children's services: background\n\nWe are currently supporting 706 looked after "
            "children; five years ago that number was 602. Before the inspection we were aware that our services "
            "had challenges.\n")
    assistant = bm25_assistant_for(tmp_path, {"page.txt": (page, {"doc_type": "council_page",
                                                                  "local_authorities": ["Rutland"]}),
                                              **other_council_news()})
    question = ("Rutland at the 2023 ILACS: how many looked after children were they supporting by then, compared "
                "with 706 in 2019?")
    assert timeline.detect(question) is None  # one count asked, not two times side by side
    assert assistant.ask(question).abstained
    # (asked without the figure, the page's count answers)
    assert not assistant.ask("Rutland: how many looked after children were they supporting?").abstained
    # (two times are still compared: "compared with 2019")
    assert timeline.detect("How many looked after children did Rutland support in 2023 compared with 2019?")


def test_a_later_letter_restating_the_grade_the_question_gives_does_not_tell_what_was_failing(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    letter = ("Ofsted\n\n5 March 2019\n\nDear Ms Olsson\n\nAnnual engagement meeting with Rutland\n\nYou are "
              "confident that the continued focus on good social work has resulted in significant practice "
              "improvements since the local authority was judged as inadequate for the protection of children in 2013 "
              "and as requires improvement in the SIF in 2015. You advised us that there remains variability in "
              "frontline practice, and that there is more to do before children in Rutland receive a consistently "
              "good service.\n\nYours sincerely\n\nJo Bell HMI\n")
    assistant = bm25_assistant_for(tmp_path, {"letter.txt": (letter, {"doc_type": "ofsted_letter",
                                                                      "date": "2019-03-05",
                                                                      "local_authorities": ["Rutland"]}),
                                              **other_council_news()})
    for question in ("When Rutland was judged inadequate in 2013, what did inspectors find?",
                     "Rutland protection of children 2013 inadequate - what was failing?"):
        assert assistant.ask(question).abstained, question
    # (not giving the grade, the later letter's recall of it tells something: shown, labelled as later)
    answer = assistant.ask("What did inspectors find when Rutland was judged in 2013?")
    assert not answer.abstained and answer.hits[0].unconfirmed == ["later"]


def test_restating_a_grade_only_tells_no_finding():
    from qa.retrieval.assistant import restates_grade_only

    years = range(2013, 2014)
    sentence = "Practice has improved since the council was judged as inadequate in 2013."
    assert restates_grade_only(sentence, years, {"inadequ"})
    assert not restates_grade_only(sentence, years, {"good"})
    assert not restates_grade_only("In 2013 inspectors found that the council was judged inadequate because "
                                   "thresholds were misapplied.", years, {"inadequ"})


def test_a_police_and_crime_commissioner_is_not_the_commissioner_asked(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    letter = ("Joint targeted area inspection of the response to domestic abuse in Rutland\n\n26 March 2025\n\n"
              "Jo Bell, Chief Constable, Rutland Police\nSam Reid, Rutland Police and Crime Commissioner\n\n"
              "Inspectors found that children's voices were not consistently heard in Rutland's children's "
              "services.\n")
    paper = ("Rutland County Council\n\nCabinet, 12 July 2019\n\nThe Department for Education (DfE) appointed Maria "
             "Hollis as Commissioner for Rutland's children's services on 24 June 2019, after Ofsted judged the "
             "services inadequate.\n")
    docs = {"letter.txt": (letter, {"doc_type": "ofsted_letter", "date": "2025-03-26",
                                    "local_authorities": ["Rutland"]}), **other_council_news()}
    assert bm25_assistant_for(tmp_path / "a", docs).ask(
        "Which commissioner was sent into Rutland's children's services?").abstained
    question = "When did the DfE put a commissioner into Rutland's children's services, and who was it?"
    docs["paper.txt"] = (paper, {"doc_type": "council_page", "date": "2019-07-12", "local_authorities": ["Rutland"]})
    answer = bm25_assistant_for(tmp_path / "b", docs).ask(question)
    assert not answer.abstained and answer.hits[0].document.doc_id == "paper"


# ---------------------------------------------------------------- the review's faults

def test_a_report_to_the_secretary_of_state_is_the_commissioners_however_laid_out():
    from conftest import metadata_of

    report = ("Report of the Commissioner for Children's Services in Rutland to the Secretary of State for "
              "Education\nMaria Hollis\nOctober 2019\n1.1 Ofsted judged the services inadequate in every area.\n"
              "1.2 Staff told me they wanted stable leadership. Social workers said caseloads were too high. "
              "Partners said the same.\n")
    assert metadata_of(report)["doc_type"] == "other"
    assert metadata_of(report.replace(" to the Secretary", "\nto the Secretary", 1))["doc_type"] == "other"
    # (a council's own report to the minister is the council's)
    council = ("Report to the Secretary of State: six-month progress update\nJo Bell, Executive Director for "
               "Children\nRutland County Council has made progress. We have recruited more social workers and we "
               "have reduced caseloads. Our staff are proud of the change.\n")
    assert metadata_of(council)["doc_type"] == "council_page"


def test_a_form_or_a_health_visit_question_is_no_parliamentary_question():
    from conftest import metadata_of

    paper = ("RUTLAND COUNTY COUNCIL\nCHILDREN AND FAMILIES SELECT COMMITTEE\nDATE:\nThursday, 19 June 2025\n"
             "Purpose of report:\nTo update the Select Committee on the joint targeted area inspection.\n"
             "1. The partnership has added a domestic abuse question to the MASH referral form and a routine "
             "question to the GP registration form.\n")
    assert metadata_of(paper)["doc_type"] == "council_page"


def test_a_story_copying_the_judgements_is_no_report_however_it_says_so():
    from conftest import metadata_of

    lines = ("The impact of leaders on social work practice with children and families: outstanding\n"
             "The experiences and progress of children who need help and protection: outstanding\n"
             "Overall effectiveness: outstanding\nInspection dates: 6 to 17 October 2025\n"
             "Lead inspector: Naomi Stirling\n")
    for opening in ("Children's services in Rutland have been judged by Ofsted to be outstanding.",
                    "Rutland's children's services have been rated “Outstanding” by Ofsted.",
                    "Ofsted has rated Rutland's children's services outstanding, in its report published on Tuesday."):
        page = f"Rutland County Council News\n{opening}\n{lines}Councillor Jo Bell said: \"We are proud.\"\n"
        assert metadata_of(page)["doc_type"] != "ofsted_report", opening


def test_only_a_figure_given_as_a_baseline_is_set_aside():
    from qa.retrieval.answer_type import given_figures
    from qa.retrieval import timeline

    assert given_figures("What % of staff were agency workers in 2023, compared with 20% nationally?") == ("20",)
    assert given_figures("How many care leavers were in education in 2023, compared with 45.5% in 2019?") == ("45.5",)
    assert given_figures("vs 706 in 2019, how many looked after children in 2023?") == ("706",)
    for question in ("How many children waited longer than 18 months for adoption in 2023?",
                     "How did Ofsted judge Rutland at the 2022 ILACS compared with 3 years earlier in 2019?",
                     "How did Ofsted rate Rutland in 2024 compared with the 2nd visit in 2022?"):
        assert given_figures(question) == (), question
    # (a span or an ordinal still puts two times side by side)
    assert timeline.detect("How did Ofsted judge Rutland at the 2022 ILACS compared with 3 years earlier in 2019?")


def test_a_threshold_in_a_count_question_is_no_baseline(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    paper = ("Rutland County Council\n\nAdoption performance 2023\n\nIn 2023, 18 children in Rutland waited longer "
             "than 18 months for adoption after entering care.\n")
    assistant = bm25_assistant_for(tmp_path, {"paper.txt": (paper, {"doc_type": "council_page", "date": "2024-01-10",
                                                                    "local_authorities": ["Rutland"]}),
                                              **other_council_news()})
    assert not assistant.ask("How many children in Rutland waited longer than 18 months for adoption?").abstained


def test_the_commissioner_gate_asks_only_for_one_put_into_the_council():
    from qa.retrieval.assistant import COMMISSIONER_ASKED_RE, names_commissioner

    assert COMMISSIONER_ASKED_RE.search("When did the DfE put a commissioner into Rutland's children's services?")
    assert COMMISSIONER_ASKED_RE.search("Who did the government appoint as commissioner to run Rutland's services?")
    assert not COMMISSIONER_ASKED_RE.search("After the commissioner left Rutland in 2016, what did Ofsted find?")
    assert names_commissioner("Maria Hollis, Commissioner for Children's Services in Rutland")
    for text in ("Sam Reid, Rutland Police and Crime  Commissioner", "The Children's Commissioner visited Rutland.",
                 "The Domestic Abuse Commissioner praised Rutland.", "Rutland's health commissioners met."):
        assert not names_commissioner(text), text


def test_a_commissioners_own_report_answers_though_the_passage_says_i(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    report = ("Report of the Commissioner for Children's Services in Rutland\n\nI was appointed by the Department "
              "for Education (DfE) on 14 October 2016 to review Rutland's children's services.\n")
    answer = bm25_assistant_for(tmp_path, {"report.txt": (report, {"doc_type": "other", "date": "2017-01-10",
                                                                   "title": "Report of the Commissioner for "
                                                                            "Children's Services in Rutland",
                                                                   "local_authorities": ["Rutland"]}),
                                           **other_council_news()}).ask(
        "When did the DfE put a commissioner into Rutland's children's services?")
    assert not answer.abstained and answer.hits[0].document.doc_id == "report"


def test_why_a_grade_was_given_and_a_grade_of_another_year_are_more_than_the_question_gives():
    from qa.retrieval.answer_type import grades_given
    from qa.retrieval.assistant import restates_grade_only

    years = range(2013, 2014)
    for sentence in ("Rutland was judged inadequate in 2013 for failing to protect children at risk.",
                     "In 2013 Rutland was rated inadequate, with inspectors criticising delays in assessments.",
                     "Rutland was judged inadequate in 2013 because of weak management oversight."):
        assert not restates_grade_only(sentence, years, {"inadequ"}), sentence
    assert grades_given("Rutland was judged inadequate in 2016. What did the 2018 inspection find?",
                        range(2018, 2019)) == set()
    assert grades_given("Rutland's 2013 inspection, the one that found them inadequate - what was failing?",
                        years) == {"inadequ"}


def test_a_finding_in_the_next_sentence_keeps_a_later_recall(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    letter = ("Ofsted\n\n5 March 2019\n\nDear Ms Olsson\n\nAnnual engagement meeting with Rutland\n\nRutland's "
              "children's services were judged inadequate for the protection of children in 2013. Inspectors found "
              "that too many children in Rutland were left at risk and that managers did not oversee casework.\n\n"
              "Yours sincerely\n\nJo Bell HMI\n")
    assistant = bm25_assistant_for(tmp_path, {"letter.txt": (letter, {"doc_type": "ofsted_letter",
                                                                      "date": "2019-03-05",
                                                                      "local_authorities": ["Rutland"]}),
                                              **other_council_news()})
    answer = assistant.ask("When Rutland was judged inadequate in 2013, what did inspectors find?")
    assert not answer.abstained and answer.hits[0].unconfirmed == ["later"]


# ---------------------------------------------------------------- the first reading

def test_ok_is_no_name_and_ldrs_is_the_local_democracy_reporting_service():
    from qa.retrieval.acronyms import FIELD_GLOSSARY
    from qa.retrieval.question import parse

    query = parse("Rutland, the two-day visit in December 2018 as the LDRS reported it: was morale OK by then?")
    assert "OK" not in query.names
    assert FIELD_GLOSSARY["LDRS"] == "Local Democracy Reporting Service"


def test_cabinet_members_attacked_are_no_teller():
    from qa.retrieval.question import parse

    assert parse("When Rutland went inadequate in 2015, which opposition party went after the cabinet "
                 "members?").source is None
    assert parse("What did Rutland's cabinet say about the 2015 report?").source == "council"


def test_a_councils_minutes_on_a_numbered_visit_may_be_the_ones_asked(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    minutes = ("Agenda item\n\nOfsted Outcome Letter\n\nTo update the Committee of the outcome of the latest Ofsted "
               "monitoring visit.\n\n11.1 The Director informed the committee that this monitoring visit had been "
               "the fifth of six visits by Ofsted. The next monitoring visit was scheduled for 30 April 2019.\n")
    # (no page is about Rutland: the minutes, naming no council, may be its own)
    assistant = bm25_assistant_for(tmp_path, {"minutes.txt": (minutes, {"doc_type": "council_page", "visit_number": 5}),
                                              **other_council_news()})
    answer = assistant.ask("Rutland committee minutes on the Ofsted outcome letter: which number MV was it, and when "
                           "was the next one booked in?")
    assert not answer.abstained and answer.hits[0].document.doc_id == "minutes"
    assert answer.hits[0].unconfirmed == ["authority"]
    # (not where the page is not the council's own paper asked: "what did the MV find?")
    assert assistant.ask("What did Ofsted's monitoring visit to Rutland find?").abstained


# ---------------------------------------------------------------- the second reading

def test_a_page_naming_its_last_inspections_year_is_not_on_that_year_set_aside(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    story = ("“Good” for children's services in Rutland\n\nToday Ofsted published the latest report on Rutland's "
             "children's services. The last full inspection in 2017 was rated “Requires Improvement”. In giving "
             "the council a “Good” rating, the inspectors praised its progress.\n\nCllr Jo Bell, leader of Rutland "
             "County Council, said: “I'd like to thank Sam Reid as lead member, and Ann Lee as the former cabinet "
             "member "
             "for that role.”\n")
    assistant = bm25_assistant_for(tmp_path, {"story.txt": (story, {"doc_type": "council_page",
                                                                    "local_authorities": ["Rutland"]}),
                                              **other_council_news()})
    answer = assistant.ask("When Rutland got 'good' in 2022, who did the council leader thank as lead member? Not the "
                           "cabinet member's 2017 comments on the MV.")
    assert not answer.abstained and answer.hits[0].document.doc_id == "story"
    assert answer.hits[0].unconfirmed == ["date"]
    # (neither check of a page on the year set aside reads the last inspection's year as its own)
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval import rank
    from qa.retrieval.assistant import undated_page_set_aside
    from qa.retrieval.question import parse

    query = parse("When Rutland got 'good' in 2022, who did the council leader thank? Not the council's own 2017 page.")
    page = Document(doc_id="story", path="story.txt", text=story, doc_type="council_page",
                    local_authorities=["Rutland"])
    hit = Hit(passage=Passage("story#1", "story", story, 0, len(story)), document=page, score=1.0,
              unconfirmed=["date"])
    assert not undated_page_set_aside(hit, query) and not rank.on_year_set_aside(page, query)
    other = story.replace("The last full inspection in 2017 was", "In 2017 the council's services were")
    page.text = hit.passage.text = other
    assert undated_page_set_aside(hit, query) and rank.on_year_set_aside(page, query)


def test_the_next_full_inspection_after_an_event_is_from_the_year_after():
    from qa.retrieval.question import parse

    query = parse("Rutland's next full inspection after the 2015 SIF (the one rated good) - did they keep good?")
    assert str(query.date_from) == "2016-01-01" and "2016" in query.describe()
    # (a visit may follow in the same year)
    assert str(parse("What did the next monitoring visit after the 2015 SIF in Rutland find?").date_from) \
        == "2015-01-01"
