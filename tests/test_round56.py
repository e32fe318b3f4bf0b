"""Round 56: trust beyond the seeds (issue 10)."""
from __future__ import annotations


def test_judged_asks_for_a_judgement():
    from qa.retrieval.answer_type import answer_type

    assert answer_type("By the 2019 re-inspection, was Oldbury's adoption work still judged inadequate?") == "judgement"
    assert answer_type("How were care leavers judged at Oldbury's 2019 inspection?") == "judgement"
    assert answer_type("What did inspectors say about supervision at Oldbury?") is None
    assert answer_type("Is there an example of a council cutting re-referrals after being judged inadequate?") is None
    assert answer_type("Did any LA find weak practice before Ofsted came in and judged it inadequate?") is None
    assert answer_type("Under what legal power does Ofsted re-inspect an LA whose services were judged inadequate?") \
        is None


def test_a_service_judged_to_be_good_gives_the_grade():
    from qa.retrieval.answer_type import OVERALL_GRADE_RE, holds

    text = "The latest inspection has judged the service to be good across all areas."
    assert holds("judgement", text) and OVERALL_GRADE_RE.search(text)
    assert holds("judgement", "Inspectors rated the council as good in every area.")
    assert not holds("judgement", "Inspectors judged the plans to be realistic.")
    assert not holds("judgement", "The plans are judged to be good enough to go on with.")


def test_the_inspection_framework_is_no_name_a_page_must_repeat():
    from qa.retrieval.question import parse

    assert "SIF" not in parse("Oldbury, the SIF that rated every section inadequate: what did inspectors say about "
                              "children going missing?").names
    assert "CQC" in parse("What did the CQC say about Oldbury?").names


def test_a_clause_telling_the_event_set_aside_is_set_aside_too():
    from qa.retrieval.question import parse

    asked = parse("Oldbury fifth monitoring visit - were any children left waiting for help? That MV only, not the "
                  "2023 ILACS that took them to RI.")
    assert "RI" not in asked.names and "took" not in asked.topic
    assert "waiting" in asked.topic


def test_no_of_asks_for_a_count():
    from qa.retrieval.answer_type import answer_type

    assert answer_type("oldbury 2019 inspection no. of children referred back to LA by inspectors") == "count"
    assert answer_type("What was the number of children in care?") == "count"
    assert answer_type("What did inspectors say about a number of concerns?") is None
    assert answer_type("What does the council's report say it will do to cut the number of agency staff?") != "count"


def test_a_role_whose_letter_it_is_is_not_the_role_asked():
    from qa.retrieval.answer_type import asked_role

    assert asked_role("Oldbury, the December 2018 visit: who was the inspector's letter addressed to?") is None
    assert asked_role("Who was the lead inspector at Oldbury's December 2018 visit?") == "lead inspector"


def test_a_closing_set_aside_holds_an_aside_in_brackets():
    from qa.retrieval.question import parse

    asked = parse("Kirklees, the MV in December 2018: who was the letter addressed to? Not the director who came in "
                  "later (from Rotherham).")
    assert "Rotherham" not in asked.authorities


def test_a_grade_another_inspectorate_gave_is_on_a_page_naming_it(tmp_path, every_guess):
    from conftest import bm25_assistant_for, other_council_news

    report = ("Ofsted\n\nInspection of Oldbury children's services\n\nReport published: 3 May 2023\n\nOverall "
              "effectiveness: outstanding. Domestic abuse notifications are screened within a day.")
    jtai = ("Ofsted, CQC, HMICFRS and HM Inspectorate of Probation\n\nJoint targeted area inspection of the response "
            "to domestic abuse in Oldbury\n\n29 January 2018\n\nThe probation delivery unit shares domestic abuse "
            "information with children's social care promptly.")
    assistant = bm25_assistant_for(tmp_path, {
        "report.txt": (report, {"doc_type": "ofsted_report", "local_authorities": ["Oldbury"], "date": "2023-05-03"}),
        "jtai.txt": (jtai, {"doc_type": "ofsted_letter", "local_authorities": ["Oldbury"], "date": "2018-01-29"}),
        **other_council_news()})
    assert assistant.ask("What rating did HM Inspectorate of Probation give Oldbury's probation delivery "
                         "unit?").abstained
    assert not assistant.ask("What rating did Ofsted give Oldbury's children's services?").abstained


def test_a_later_page_recalling_a_visit_without_its_findings_does_not_answer_what_it_found(tmp_path, every_guess):
    from conftest import bm25_assistant_for, other_council_news

    story = ("Oldbury keeps its children's services company\n\nPublished 15 February 2024\n\nOfsted inspectors "
             "visited Oldbury in November 2021 to look at services for children in care, and again in March 2023.")
    recalled = ("Oldbury children's services update\n\nPublished 15 February 2024\n\nAt the visit to Oldbury in "
                "November 2021 inspectors found that children in care were seen often by their social workers.")
    question = "What did Ofsted find about children in care when they visited Oldbury in November 2021?"
    meta = {"doc_type": "news_article", "local_authorities": ["Oldbury"], "date": "2024-02-15"}
    assert bm25_assistant_for(tmp_path / "a", {"story.txt": (story, meta), **other_council_news()}).ask(
        question).abstained
    answer = bm25_assistant_for(tmp_path / "b", {"story.txt": (recalled, meta), **other_council_news()}).ask(question)
    assert not answer.abstained and "found that children in care" in answer.hits[0].passage.text


def test_a_providers_inspection_asked_is_answered_only_by_a_providers_report():
    from qa.retrieval.answer_type import asks_provider_inspection

    assert asks_provider_inspection("Ofsted inspected a children's home in Oldbury in 2024 - what were the judgements?")
    assert asks_provider_inspection("What did the inspection of the council's children's homes find?")
    assert not asks_provider_inspection("How many children's homes did the council run?")
    assert not asks_provider_inspection("What did the 2019 ILACS say about schools?")


def test_a_childrens_home_asked_about_where_only_the_councils_services_were_graded(tmp_path, every_guess):
    from conftest import bm25_assistant_for, other_council_news

    report = ("Ofsted\n\nInspection of Oldbury children's services\n\nReport published: 3 May 2024\n\nOverall "
              "effectiveness: requires improvement to be good. Children in care live in stable homes.")
    home = ("Ofsted\n\nChildren's home inspection\n\nUnique reference number: SC123456\n\nBriar House, Oldbury\n\n"
            "Inspected 12 March 2024\n\nOverall experiences and progress of children: good. The registered manager "
            "knows the children well.")
    meta = {"doc_type": "ofsted_report", "local_authorities": ["Oldbury"], "date": "2024-05-03"}
    question = "Ofsted inspected a children's home in Oldbury in 2024 - what were the judgements?"
    assert bm25_assistant_for(tmp_path / "a", {"report.txt": (report, meta), **other_council_news()}).ask(
        question).abstained
    assistant = bm25_assistant_for(tmp_path / "b", {"report.txt": (report, meta), "home.txt": (home, meta),
                                                    **other_council_news()})
    assert not assistant.ask(question).abstained


def test_the_reviewers_cases_at_the_first_reading():
    from qa.retrieval.answer_type import OVERALL_GRADE_RE, answer_type, asked_role, holds
    from qa.retrieval.question import parse

    # "judged" as assessed, or in a scene, asks no grade
    for question in ("Is risk to children judged consistently at the front door in Oldbury?",
                     "Are children's homes judged on the same framework?",
                     "Why were thresholds judged to be applied inconsistently in Oldbury?"):
        assert answer_type(question) != "judgement", question
    assert answer_type("What still needs to improve in Oldbury, which was judged inadequate?") == "remaining"
    # a bracket naming what is asked instead, or a "but", keeps it asked
    assert parse("What did Ofsted find about care leavers in Kent? Not the 2016 inspection (the 2019 "
                 "one).").date_from.year == 2019
    assert parse("What did inspectors say about Kent's front door, not the 2023 ILACS that took them to RI but the "
                 "2019 one?").date_from.year == 2019
    # a person in the role's place is still the role asked
    assert asked_role("Who was the director's successor at Rotherham?") == "director"
    # praise and one area's grade are no grade of the whole service
    for text in ("Inspectors judged it to be good practice that managers meet weekly.",
                 "Inspectors judged the council to be good at engaging partners."):
        assert not holds("judgement", text) and not OVERALL_GRADE_RE.search(text), text
    assert OVERALL_GRADE_RE.search("Ofsted judged the local authority to be inadequate.")
    # a reference number, or a sentence's end, is no count
    for question in ("What is the URN no. of Larkfield House children's home in Kent?",
                     "What is the number of the Ofsted helpline?",
                     "Did Ofsted say yes or no. Of the councils inspected, which improved?"):
        assert answer_type(question) != "count", question
    assert answer_type("What's the number of children in care in Oldbury?") == "count"


def test_a_later_page_telling_the_finding_in_the_next_sentence_answers(tmp_path, every_guess):
    from conftest import bm25_assistant_for, other_council_news
    from qa.retrieval.assistant import tells_finding

    assert tells_finding("The focused visit in November 2021 identified weaknesses in planning.")
    assert not tells_finding("Since the council was judged inadequate in 2019, a focused visit took place in "
                             "November 2021.")
    story = ("Oldbury children's services update\n\nPublished 15 February 2024\n\nOfsted carried out a focused visit "
             "to Oldbury in November 2021. Inspectors highlighted delays in permanence planning for children in care.")
    meta = {"doc_type": "news_article", "local_authorities": ["Oldbury"], "date": "2024-02-15"}
    answer = bm25_assistant_for(tmp_path, {"story.txt": (story, meta), **other_council_news()}).ask(
        "What did Ofsted find about children in care when they visited Oldbury in November 2021?")
    assert not answer.abstained


def test_the_dense_side_reads_an_authoritys_abbreviation_as_its_name():
    from qa.retrieval.question import parse

    asked = parse("cambs jan 2019 downgrade to RI - any judgement area still graded good?")
    assert asked.with_places_named(asked.search_text).startswith("Cambridgeshire downgrade")
    asked = parse("What did Ofsted say about Kent County Council's front door?")
    assert "Kent County Council" in asked.with_places_named(asked.search_text)


def test_the_grade_asked_of_the_areas_lifts_a_passage_giving_it():
    from qa.retrieval.answer_type import area_grade_asked, area_grade_weight

    question = "Oldbury, the 2023 ILACS that took them up to RI overall - which of the judgement areas came out Good?"
    assert area_grade_asked(question) == "good"
    assert area_grade_asked("any judgement area still graded good?") == "good"
    assert area_grade_asked("What did the report say about areas for improvement?") is None
    assert area_grade_weight(question, "Oldbury was rated requires improvement, with ‘Good’ judgements for children "
                                       "in care.") > 1.0
    assert area_grade_weight(question, "Help and protection: Good") > 1.0
    assert area_grade_weight(question, "The latest inspection has judged the service to be good across all areas.") \
        > 1.0
    assert area_grade_weight(question, "Oldbury was rated requires improvement overall.") == 1.0
    assert area_grade_weight(question, "Care leavers made good progress.") == 1.0


def test_a_bylines_parts_date_the_story(tmp_path):
    from conftest import ingested

    text = ("Greenwich leaves inadequate behind\n\nInspections | By Ruth Adebanjo | 13 June 2024 | 4 min read\n\n"
            "Greenwich has climbed out of Ofsted's inadequate category, two years after a damning report.\n\n"
            "Inspectors returned in April and rated its services as requiring improvement.")
    assert ingested(tmp_path, "story.txt", text).date == "2024-06-13"
    # (a menu is no byline: no reporter named)
    menu = text.replace("Inspections | By Ruth Adebanjo | 13 June 2024 | 4 min read", "Home | Sitemap | Contact us")
    assert ingested(tmp_path, "menu.txt", menu).date is None

