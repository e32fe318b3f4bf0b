"""Round 59: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def test_a_closing_set_aside_of_a_persons_words_takes_its_place_and_year_with_it():
    from qa.retrieval.question import parse

    asked = parse("Dudley, the 2021 inadequate: which cabinet member answered for the council and how did she put "
                  "it? Not her 2023 comments as Sandwell lead member, and not the 2015 response.")
    assert asked.authorities == ["Dudley"]
    assert asked.date_from == date(2021, 1, 1) and asked.date_to == date(2021, 12, 31)
    # (a closing clause that names what is asked instead is no set-aside: "Not the 2016 inspection, the 2019 one.")
    assert parse("What did Ofsted find about caseloads in Dudley? Not the 2016 inspection, the 2019 one.").date_from \
        == date(2019, 1, 1)


def test_an_event_placed_after_an_earlier_one_asks_its_own_year():
    from qa.retrieval.question import parse

    asked = parse("Dudley, the 2019 inadequate after the Oct 2018 focused visit: which cabinet member answered?")
    assert (asked.date_from, asked.date_to) == (date(2019, 1, 1), date(2019, 12, 31))
    # (with no event before it, the time after the visit is still asked)
    after = parse("What happened in Dudley after the Oct 2018 focused visit?")
    assert after.date_from == date(2018, 10, 1) and after.date_to is None


def test_a_place_or_a_year_set_aside_is_nothing_to_put_side_by_side():
    from qa.retrieval import timeline

    asked = ("Dudley after the split into two councils - the monitoring letters during covid: were the improvement "
             "plans holding up, and how did that compare with what Ofsted had said in Dec 2020? The letters only, "
             "not Sandwell's release on its 2022 ILACS.")
    assert timeline.detect(asked) is None
    compared = timeline.detect("How did Dudley's supervision in 2019 compare with Sandwell's in 2019?")
    assert compared is not None and compared.kind == "compare" and len(compared.authorities) == 2


def test_which_inspector_carried_it_out_asks_for_the_inspector_too():
    from qa.retrieval.answer_type import second_fact_weight

    asked = "When did Ofsted inspect the Bramble House children's home, and which inspector carried it out?"
    header = ("Bramble House\n\nInspection of a registered children's home\n\nInspector: Colin Marsh, Social Care "
              "Regulatory Inspector\n\nInspection dates: 14 and 15 January 2025")
    minutes = "The Assistant Director reported on the Ofsted inspection of Bramble House on 14 and 15 January 2025."
    assert second_fact_weight(asked, "date", header) > 1.0
    assert second_fact_weight(asked, "date", minutes) == 1.0


def test_a_grade_held_before_a_later_inspection_is_no_recall_of_the_earlier_one(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    minutes = ("Dudley Council\n\nChildren's Scrutiny Committee minutes\n\nPublished 16 May 2025\n\nThe Committee "
               "considered the outcome of the Ofsted inspection carried out from 10 to 21 February 2025. The Chairman "
               "noted that the council had previously been judged outstanding in 2019. The Executive Director said "
               "that the fall in foster carers was the main reason for the children in care judgement.")
    story = ("Not enough foster carers, say inspectors\n\nLincoln Echo, 2 April 2025\n\nDudley's children's services "
             "have been rated good by Ofsted, losing the outstanding grade they were given in 2019. Inspectors said "
             "the council had too few foster carers for older children.")
    docs = {"minutes.txt": (minutes, {"doc_type": "council_page", "date": "2025-05-16",
                                      "local_authorities": ["Dudley"]}),
            "story.txt": (story, {"doc_type": "news_article", "date": "2025-04-02", "local_authorities": ["Dudley"]}),
            **other_council_news()}
    asked = "What did Dudley's 2019 ILACS find about recruiting foster carers?"
    assert bm25_assistant_for(tmp_path / "a", docs).ask(asked).abstained
    # (a later paper telling what the 2019 inspection found still recalls it)
    docs["told.txt"] = ("Dudley: a look back\n\nPublished 4 November 2024\n\nWhen Ofsted rated Dudley outstanding in "
                        "2019, inspectors found the council recruited foster carers well.",
                        {"doc_type": "news_article", "date": "2024-11-04", "local_authorities": ["Dudley"]})
    answer = bm25_assistant_for(tmp_path / "b", docs).ask(asked)
    assert not answer.abstained and answer.hits[0].document.doc_id.startswith("told")


def test_a_kind_of_source_set_aside_wholly_is_left_out_while_another_answers(tmp_path):
    from conftest import bm25_assistant_for, other_council_news
    from qa.retrieval.rank import kinds_set_aside_wholly

    report = ("Dudley Metropolitan Borough Council\n\nInspection of children's social care services\n\nThis is a "
              "re-inspection after services were judged inadequate in 2015. Since senior leaders were appointed in "
              "2016, the pace of improvement in leadership and the workforce has accelerated.")
    story = ("Dudley moves out of 'inadequate'\n\nBy Joe Hart, 9 May 2018\n\nInspectors found that the pace of "
             "improvement in leadership had become more rapid over the two years since senior appointments, with a "
             "stable workforce and lower caseloads.")
    docs = {"report.txt": (report, {"doc_type": "ofsted_report", "date": "2018-05-09",
                                    "local_authorities": ["Dudley"]}),
            "story.txt": (story, {"doc_type": "news_article", "date": "2018-05-09", "local_authorities": ["Dudley"]}),
            **other_council_news()}
    asked = ("Dudley 2018 re-inspection, going by the trade write-up only (not Ofsted's own report): what did it say about "
             "the pace of improvement in leadership?")
    answer = bm25_assistant_for(tmp_path, docs).ask(asked)
    assert answer.hits and all(h.document.doc_type == "news_article" for h in answer.hits)
    # (a source narrowed to one event is no whole kind: other write-ups may still answer)
    assert kinds_set_aside_wholly("What did Ofsted say? Ofsted's words please, not the MV5 write-up.") == frozenset()


def test_a_grade_left_behind_is_no_outcome_set_aside():
    from qa.retrieval.rank import outcomes_set_aside

    assert outcomes_set_aside("What was the 2019 verdict? Not the 2016 result when they came out of inadequate.") \
        == frozenset()
    assert outcomes_set_aside("What was the 2019 verdict? Not the 2016 inadequate.") == frozenset({"inadequate"})


def test_a_header_only_on_later_pages_between_a_sentences_halves_is_page_furniture():
    from qa.documents.clean import split_continuation_headers

    first = ("Ofsted\n14 December 2021\nDear Ms Bell\nFocused visit to Dudley children's services\nThis letter "
             "summarises the findings of the focused visit to Dudley children's services on 9 and 10 November 2021.\n"
             "Child protection conferences are timely and well attended. Core groups meet")
    second = ("Focused visit to Dudley children's services: 9 and 10 November 2021\nregularly, and most children's "
              "plans progress without drift.\nYours sincerely")
    pages, headers = split_continuation_headers([first, second])
    assert headers == ["Focused visit to Dudley children's services: 9 and 10 November 2021"]
    assert pages[1].startswith("regularly, and most")
    # (a paragraph's own line wrapping into the next page is kept: it does not echo the first page's heading, or it
    # reads on into the sentence)
    for line in ("Thresholds for children's social care are not yet understood by partner agencies. Too",
                 "Children and families in Dudley who need help and protection receive a timely"):
        wrapped = line + "\nresponse from the front door.\nYours sincerely"
        assert split_continuation_headers([first, wrapped]) == ([first, wrapped], [])
    # (nor where the first page ended on a full sentence)
    ended = first + " regularly."
    assert split_continuation_headers([ended, second])[1] == []


def test_a_sections_label_and_month_over_a_byline_dates_the_story(tmp_path):
    from conftest import ingested

    story = ("# Dudley partners pledge to screen every exploitation contact\n\n**Inspection** | August 2025\n\n"
             "*By Rhian Castell*\n\nSafeguarding partners in Dudley have published a joint plan to tackle weaknesses "
             "found by a joint targeted area inspection of the response to child exploitation.\n\n\"We accept the "
             "findings in full,\" said the partnership's independent scrutineer.")
    assert ingested(tmp_path, "story.md", story).date == "2025-08-01"
    # (a section and a month with no byline under it, as in a menu of months, is no such dateline)
    from qa.documents.metadata import _HEAD_DATED_LINE_RE

    assert _HEAD_DATED_LINE_RE.search("Inspection | August 2025\nBy Rhian Castell")
    assert not _HEAD_DATED_LINE_RE.search("Archive | August 2025\nJuly 2025\nJune 2025")


def test_a_jtai_plan_is_the_partners_and_a_jtai_named_before_what_inspectors_found_is_ofsteds_letter():
    from qa.retrieval.question import parse
    from qa.retrieval.rank import OFSTED_ON_VISIT_RE

    assert parse("dudley jtai plan - when does exploitation screening at the front door start").source == "council"
    assert parse("what did the jtai find about missing children in dudley?").source == "ofsted"
    assert OFSTED_ON_VISIT_RE.search("In Dudley's JTAI, what did inspectors find about children placed in the "
                                     "borough by other LAs?")


def test_a_deadline_asked_is_a_date():
    from qa.retrieval.answer_type import answer_type

    assert answer_type("dudley jtai response - deadline for checking placed children against the panel list") \
        == "date"
    assert answer_type("what was the deadline for the improvement plan?") == "date"
    assert answer_type("was the deadline for the improvement plan met?") != "date"
    assert answer_type("who set the deadline for the improvement plan?") == "person"


def test_two_months_of_one_year_are_asked_together():
    from qa.retrieval.question import parse_time

    assert parse_time("dudley mv feb/mar 2017 - cla education progress?")[:2] == (date(2017, 2, 1), date(2017, 3, 31))
    assert parse_time("the visit in February and March 2017")[:2] == (date(2017, 2, 1), date(2017, 3, 31))
    # (over the turn of a year, the first month is the year before's)
    assert parse_time("the dec/jan 2017 visit")[:2] == (date(2016, 12, 1), date(2017, 1, 31))
    assert parse_time("in may 2019")[:2] == (date(2019, 5, 1), date(2019, 5, 31))


def test_ofsted_receiving_a_plan_is_not_its_teller():
    from qa.retrieval.question import parse

    asked = parse("When did Dudley's safeguarding partners sign off their exploitation improvement plan, and when "
                  "did it go to Ofsted?")
    assert asked.source == "council"
    assert parse("what did ofsted say about the plan in dudley?").source == "ofsted"


def test_review_of_the_first_reading():
    from qa.retrieval.answer_type import answer_type
    from qa.retrieval.assistant import BASELINE_YEAR_RE, GRADE_SINCE_LOST_RE
    from qa.retrieval.question import parse, parse_time
    from qa.retrieval.rank import kinds_set_aside_wholly, outcomes_set_aside, years_set_aside

    # a write-up or the trade press is the source only where it is named as where the words are
    assert parse("What did Ofsted say in the write-up of the Dudley monitoring visit?").source != "news"
    assert parse("going by the local paper's write-up, what did Ofsted find in Dudley?").source == "news"
    assert parse("going by the trade press, what did Dudley's 2019 ILACS find?").source == "news"
    # a deadline's other questions are not a date's
    for other in ("Which director set the deadline for the improvement plan?",
                  "How many actions had a deadline for completion in 2023?",
                  "Did the council meet the deadline for submitting its action plan?",
                  "Why was the deadline for the plan pushed back?"):
        assert answer_type(other) != "date", other
    # plans a JTAI looked at are no plan answering it
    assert parse("What did the Dudley JTAI find about safety plans for children?").source == "ofsted"
    # "according to Ofsted" is no plan sent to Ofsted
    assert parse("Which children's homes in Dudley passed according to Ofsted?").source == "ofsted"
    # one outlet set aside is no whole kind
    assert kinds_set_aside_wholly("How are Dudley's care leavers doing (not the BBC)?") == frozenset()
    assert kinds_set_aside_wholly("What did CYP Now say about Dudley's re-inspection, not Dudley's press release?") \
        == kinds_set_aside_wholly("What did CYP Now say about Dudley's re-inspection, not the council's press release?")
    # a grade lost in the year asked is that year's news; a grade given then and lost since is not
    assert not GRADE_SINCE_LOST_RE.search("Dudley lost its outstanding grade in 2019 after inspectors found gaps.")
    assert GRADE_SINCE_LOST_RE.search("Dudley is rated good, maintaining the outstanding grade it was given in 2019.")
    assert not BASELINE_YEAR_RE.search("The service, previously rated inadequate, was judged good by inspectors in "
                                       "2019.")
    # her or his words set aside take their year with them
    assert 2022 in years_set_aside("What did Dudley's lead member say about the 2023 ILACS? Not her 2022 comments as "
                                   "lead member, and not the 2013 response.")
    # a report from a good year set aside still sets the good grade aside
    assert outcomes_set_aside("What did Dudley's 2023 inspection find? Not the 2019 report from a good year.") \
        == frozenset({"good"})
    # two months listed are both of the year named
    assert parse_time("What did the October and May 2021 letters say?")[:2] == (date(2021, 5, 1), date(2021, 10, 31))


def test_review_of_the_first_reading_documents():
    from qa.documents.clean import split_continuation_headers
    from qa.documents.metadata import _HEAD_DATED_LINE_RE

    assert not _HEAD_DATED_LINE_RE.search("Archive | August 2025\nBy Category\nNews")
    # a sentence broken after a comma over the page still has its header taken out
    body = "\n".join(f"Inspectors found that practice on {topic} is improving, and that managers record their decisions"
                     for topic in ("assessments", "plans", "visits", "supervision", "audits", "caseloads"))
    first = ("Ofsted\nFocused visit to Dudley children's services\nThis letter summarises the findings of the focused "
             f"visit to Dudley children's services on 9 and 10 November 2021.\n{body}\nCore groups meet regularly,")
    second = "Focused visit to Dudley children's services: 9 and 10 November 2021\nand most are well attended.\nEnd."
    assert split_continuation_headers([first, second])[1] == [
        "Focused visit to Dudley children's services: 9 and 10 November 2021"]
    # a table cell echoing the opening's long body lines is no header
    report = ("Report to: Children's Services Scrutiny Committee on the progress of the improvement plan, as agreed "
              "by members in March\nThe report was presented to")
    cell = "Children's Services Scrutiny\non 12 March and members noted the progress.\nEnd."
    assert split_continuation_headers([report, cell])[1] == []


def test_a_copyright_line_names_the_council_whose_page_it_is(tmp_path):
    from pathlib import Path

    from conftest import ingested

    # (an invented director's blog naming its council once in a quotation and another council in passing)
    blog = (Path(__file__).parent / "data/invented_pages/set229/docs/s229-10.md").read_text(encoding="utf-8")
    assert ingested(tmp_path, "blog.md", blog).local_authorities == ["Wigan"]
    (tmp_path / "plain").mkdir()
    assert not ingested(tmp_path / "plain", "blog.md", blog.replace("© Wigan Council", "© 2024")).local_authorities


def test_monitoring_visits_abbreviated_must_be_named_and_a_denial_names_none(tmp_path):
    from conftest import bm25_assistant_for, other_council_news
    from qa.retrieval.question import parse

    assert "monitoring visit" in parse("what did the 2022 MVs to Dudley find about the MASH backlog").names
    assert "monitoring visit" not in parse("the 4th MV in dudley - caseloads").names
    assert "statutory direction" in parse("dudley dfe statutory direction - what was the council told to do").names
    paper = ("Dudley Council\n\nCabinet report\n\nPublished 21 March 2022\n\nOfsted's focused visit to the front door "
             "found contacts waiting too long in the MASH. As the council was never judged inadequate, Ofsted did "
             "not carry out monitoring visits. The MASH backlog fell to 30 contacts by March.")
    docs = {"paper.txt": (paper, {"doc_type": "council_page", "date": "2022-03-21", "local_authorities": ["Dudley"]}),
            **other_council_news()}
    answer = bm25_assistant_for(tmp_path, docs).ask("what did the 2022 MVs to Dudley find about the MASH backlog")
    assert answer.abstained and "monitoring visit" in answer.message


def test_current_as_what_a_thing_is_asks_no_recency():
    from qa.retrieval.question import parse

    assert not parse("Have inspectors found that Dudley's care leavers don't have current pathway plans?").recency
    assert parse("what are the current caseloads in dudley?").recency


def test_a_directors_quote_asked_in_a_hurry_asks_the_councils_voice():
    from qa.retrieval.rank import ASKS_COUNCIL_VOICE_RE

    assert ASKS_COUNCIL_VOICE_RE.search("dudley dcs quote on the good ilacs")
    assert not ASKS_COUNCIL_VOICE_RE.search("dudley dcs 2019")


def test_second_reading_place_labels_and_closing_set_asides():
    from qa.retrieval.question import find_authorities, parse

    # a capitalised place before a comma opening the question is the place ("Derby" is also a word and a surname)
    assert find_authorities("Derby, October 2023 monitoring visit only: how many children?") == ["Derby"]
    assert find_authorities("Reading the letter, what did Ofsted say?") == []
    # a name in a closing set-aside is no name a page must hold
    asked = parse("Dudley ILACS, June 2019 - how were children going missing served? That inspection only, not the "
                  "March 2019 MV, and not other LAs' missing/CSE findings.")
    assert "CSE" not in asked.names
    # a place typed after a closing "not" is set aside
    hurried = parse("dudley mv nov 2018 - how are staff finding managers? not sandwell mv1")
    assert hurried.authorities == ["Dudley"] and hurried.visit_number is None
    assert parse("What did the 2019 inspection of Dudley find? Not sure about the year.").authorities == ["Dudley"]
    # someone's reaction to a letter asked tersely is theirs, not the letter's
    reaction = parse("dudley dcs reaction to the first mv letter")
    assert reaction.source == "council" and not reaction.doc_types
