"""Round 57: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def test_a_parliamentary_question_and_a_self_evaluation_are_read_by_what_they_stand_for():
    from qa.retrieval.acronyms import FIELD_GLOSSARY, expand
    from qa.retrieval.question import parse

    # (a written question's page says "Question to the Department for Education", never "PQ")
    assert "PQ" not in parse("That written PQ from Dec 2015 on which LAs were inadequate - which minister answered "
                             "it?").names
    assert "self-evaluation" in expand("For our SEF rewrite: has Ofsted said anything about data?", FIELD_GLOSSARY)


def test_a_self_evaluation_page_answers_a_question_on_the_sef(tmp_path, every_guess):
    from conftest import bm25_assistant_for, other_council_news

    page = ("Ofsted blog: what we learned from annual engagement meetings\n\nPublished 4 June 2021\n\n"
            "Self-evaluations\n\nMany local authorities described impact only through performance indicators. In "
            "the next round we would like more qualitative detail about the impact of casework in self-evaluations.")
    assistant = bm25_assistant_for(tmp_path, {"blog.txt": (page, {"doc_type": "other", "date": "2021-06-04"}),
                                              **other_council_news()})
    answer = assistant.ask("Has Ofsted said what it wants to see in a council's SEF instead of performance "
                           "indicators?")
    assert not answer.abstained and "qualitative detail" in answer.hits[0].passage.text


def test_a_year_the_latest_is_compared_with_is_no_filter():
    from qa.retrieval.question import parse

    compared = parse("leicester latest ilacs vs 2021 - better or worse overall?")
    assert compared.recency and compared.date_from is None and compared.date_to is None
    assert parse("how does the current rating compare with 2017?").date_from is None
    # (an event's own year is still asked; so is a year without "latest")
    assert parse("Kent 2022 ilacs vs 2019 - better?").date_from.year == 2022
    assert parse("What did the 2021 inspection of Leicester find?").date_from.year == 2021


def test_a_place_set_aside_by_name_is_not_asked_about():
    from qa.retrieval.question import parse

    assert parse("North Northants (the new unitary, not West Northants) - what did Ofsted say about care "
                 "leavers?").authorities == ["North Northamptonshire"]
    assert parse("Leeds, not Bradford: what did inspectors find about caseloads?").authorities == ["Leeds"]
    assert set(parse("What did Leeds and Bradford say about caseloads?").authorities) == {"Leeds", "Bradford"}


def test_a_count_of_areas_given_a_grade_answers_how_many_inadequate():
    from qa.retrieval.answer_type import states_grade_count

    asked = "Northants 2019 inspection: how many inadequate, and what grade did the leadership one get?"
    assert states_grade_count(asked, "It was rated inadequate in three of the four inspected categories.")
    assert states_grade_count(asked, "Four out of five key areas of the service were classed as 'inadequate'.")
    assert states_grade_count("How many judgement areas were inadequate?", "Two judgement areas were inadequate.")
    assert not states_grade_count(asked, "The service was rated inadequate by Ofsted.")
    # (a count asked of something else, beside a grade: money after the judgement)
    assert not states_grade_count("How much extra money did the council put in after it was judged inadequate?",
                                  "A third of 39 settings were judged inadequate.")


def test_the_grade_a_span_opens_on_is_not_the_grade_asked():
    from qa.retrieval.grades import asked_grades
    from qa.retrieval.question import parse

    assert "requires improvement" not in asked_grades(parse(
        "Liverpool - between the RI in 2018 and the March 2023 ILACS, did practice get better or worse?"))
    assert "inadequate" in asked_grades(parse("Who led the 2016 SIF that rated them inadequate?"))


def test_an_ambiguous_place_before_its_visit_is_the_place():
    from qa.retrieval.question import find_authorities

    assert find_authorities("what did ofsted say about short breaks at the halton focused visit?") == ["Halton"]
    assert find_authorities("what did the reading inspection find?") == ["Reading"]
    assert find_authorities("how was the reading assessment scored?") == []


def test_a_month_looked_back_from_since_an_event_is_not_the_event():
    from qa.retrieval.rank import OTHER_MONTH_PENALTY, month_weight

    assert month_weight(frozenset({1}), "Leaders have made steady progress since the inspection in March 2022.") == 1.0
    assert month_weight(frozenset({1}), "The inspection in March 2022 found weak practice.") == OTHER_MONTH_PENALTY


def test_the_event_measured_from_names_no_teller_beside_another_source():
    from qa.retrieval.question import parse

    assert parse("banes cabinet extra funding for short breaks after the ofsted fv").source == "council"
    assert parse("what changed after the 2019 ofsted inspection").source == "ofsted"
    # (a topic word outside it is no teller: "social media")
    assert parse("What has Kent done about online safety and social media since the Ofsted inspection?").source \
        == "ofsted"


def test_a_place_set_aside_after_a_full_stop_leaves_no_name_to_find():
    from qa.retrieval.question import parse

    asked = parse("Northants, the Feb 2016 inspection: what strengths did Ofsted pick out? Not the 2013 LAC "
                  "inspection, and not Gloucestershire's academy.")
    assert asked.authorities == ["Northamptonshire"] and "Gloucestershire" not in asked.names


def test_a_grade_gone_to_after_going_opens_the_span_before_the_event_asked():
    from qa.retrieval.question import parse_time

    assert parse_time("Lambeth 2018 re-inspection - how quickly did they improve after going inadequate in 2015?")[
        :2] == (date(2018, 1, 1), date(2018, 12, 31))
    assert parse_time("what happened after going inadequate in 2015?")[:2] == (date(2015, 1, 1), None)


def test_the_event_set_aside_takes_its_reported_month_with_it():
    from qa.retrieval.question import parse

    asked = parse("What did Ofsted's March 2024 monitoring visit say about child protection plans in Southampton? I "
                  "mean the second MV, not the front door one reported in December.")
    assert asked.month is None and (asked.date_from, asked.date_to) == (date(2024, 3, 1), date(2024, 3, 31))
    assert "December" not in asked.topic


def test_the_annual_engagement_meeting_is_no_name_its_letter_must_repeat():
    from qa.retrieval.question import parse

    assert "AEM" not in parse("Devon AEM - which Ofsted regional director signed the follow-up letter?").names
    assert "LADO" in parse("What did Ofsted say about the LADO in Devon?").names


def test_the_mv_in_a_month_is_the_visits_month():
    from qa.retrieval.question import parse

    assert parse("Oldbury - the MV in March 2025: had caseloads come down?").month_dates_visit
    assert not parse("What did Oldbury's scrutiny committee say in March 2025 about caseloads?").month_dates_visit



def test_the_reviewers_cases_at_the_first_reading():
    from qa.documents.gazetteer import find_in_question
    from qa.retrieval.answer_type import states_grade_count
    from qa.retrieval.grades import asked_grades
    from qa.retrieval.question import parse
    from qa.retrieval.rank import OTHER_MONTH_PENALTY, month_weight

    # the set-aside's "reported in" runs to its date, no further
    assert parse("Kent: not the visit published in June - what did the March one find?").month == 3
    assert parse("Kent: not the inspection carried out in March last year but the latest one - what did it say "
                 "about caseloads?").recency
    # a grade qualifying what is counted is no grade count; RI counts; one area counts
    assert not states_grade_count("How many good foster carers does Kent have?",
                                  "Leaders have made good progress in all three areas.")
    assert states_grade_count("how many areas were RI?", "Three of the four areas were RI.")
    assert states_grade_count("how many judgement areas were inadequate?",
                              "The council was judged inadequate in one area: help and protection.")
    assert not states_grade_count("how many inadequate?", "Two of the three children seen had inadequate plans.")
    # a school subject before an inspection is no council
    assert find_in_question("how did the reading inspections of primary schools go in 2019?") == []
    # a list of places set aside
    assert parse("North Northants MASH findings - not West Northants or Northamptonshire").authorities == [
        "North Northamptonshire"]
    # the grade a span opens on, in its verb form too
    assert not asked_grades(parse("What changed between being rated RI in 2018 and the March 2023 ILACS?"))
    # a since-clause ends at its comma: the event's own month after it still dates the passage
    assert month_weight(frozenset({6}), "The visit, the first since the inspection in March 2022, took place in "
                                        "October 2022.") == OTHER_MONTH_PENALTY
    # the numbered and plural MV
    assert parse("what did the MV2 in March 2025 find about caseloads in Kent?").month_dates_visit


def test_a_councils_own_childrens_home_given_a_grade_is_a_providers_inspection():
    from qa.retrieval.answer_type import asks_provider_inspection

    assert asks_provider_inspection("What grade did Ofsted give Oldbury County Council's own children's home at its "
                                    "most recent inspection?")
    assert not asks_provider_inspection("What grade did Ofsted give Oldbury's children's services?")


def test_a_bylines_published_part_dates_the_story():
    from qa.documents.metadata import _dateline

    assert _dateline("By **Jo Marsh** | Published 9 January 2024, 11:42 | Updated 9 January 2024, 15:10")[0] \
        == "2024-01-09"
    assert _dateline("Published: June 2024 | Last updated: 2 September 2024") == ("2024-06-01", True)
    assert _dateline("Posted by Admin | Comments (3)")[0] is None
    # (after another label the date is the labelled paper's: a committee report's appended letter)
    assert _dateline("Paper: Ofsted focused visit letter | Date: 1 August 2022 | Contact/Tel: Jo Marsh")[0] is None


def test_printed_minutes_running_footer_dates_the_meeting(tmp_path):
    from conftest import ingested

    # (repeated on every page, the footer is taken out of the text as page furniture: its date is read from there)
    item = ("{n}. The Board noted the report on care leavers' housing and asked for an update in the spring. Members "
            "asked how many young people were in supported lodgings and how many in hostels.")
    footer = "Rutland County Council - Corporate Parenting Board - 23 January 2024 - Minutes        Page {p} of 3"
    pages = ["\n\n".join([item.format(n=3 * p + k) for k in range(1, 4)] + [footer.format(p=p + 1)]) for p in range(3)]
    body = "RUTLAND COUNTY COUNCIL\n\nCORPORATE PARENTING BOARD\n\nMINUTES of the meeting held in Committee Room 2.\n\n" \
        "The Board received the Ofsted report, published on 9 January 2024, on the inspection carried out from 6 to " \
        "17 November 2023.\n\n" + "\n\n".join(pages)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert ingested(tmp_path / "a", "minutes.txt", body).date == "2024-01-23"
    assert ingested(tmp_path / "b", "plain.txt", body.replace(" - 23 January 2024 - Minutes", "")).date is None
