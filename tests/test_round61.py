"""Round 61: trust beyond the seeds (issue 10)."""
from __future__ import annotations


def test_a_cabinet_report_is_dated_by_the_meeting_it_is_to_be_held_at():
    from conftest import metadata_of

    paper = ("Report to the Cabinet\nMeeting to be held on Thursday, 11 July 2024\nReport of the Director of "
             "Children's Services\nElectoral Division affected: (All Divisions);\nFostering allowances\n"
             "Contact for further information: Jo Bell, Director of Children's Services\nExecutive Summary\n"
             "The council will raise its fostering allowances from 1 September 2024, as agreed on 2 May 2024.\n"
             "List of Background Papers\nFostering review, 2 May 2024")
    found = metadata_of(paper)
    assert found["date"] == "2024-07-11"
    # (its "Executive Summary" is a heading, not a reporter's byline: the paper is the council's, not a story)
    assert found["doc_type"] == "council_page"
    # (notes announcing their next meeting are not dated by it)
    notes = ("Children's Improvement Board - action notes\nPresent: Jo Bell, Sam Hart\n"
             "Next meeting to be held on Thursday, 14 July 2024")
    assert metadata_of(notes)["date"] is None


def test_a_documents_own_noun_before_its_dateline_dates_it():
    from qa.documents.metadata import _dateline

    assert _dateline("Letter published 01/02/2024") == ("2024-02-01", True)
    assert _dateline("Ofsted publication date: 17/03/2023") == ("2023-03-17", True)
    assert _dateline("Assessment published: March 2025") == ("2025-03-01", True)
    assert _dateline("Inspection published in a hurry") == (None, False)
    # (in a page's body, a listed letter's line dates that letter, not the page)
    from conftest import metadata_of

    body = " ".join(["The council publishes every Ofsted letter and report about its children's services here."] * 6)
    page = (f"Ofsted inspections\n{body}\n{body}\n{body}\n{body}\nFocused visit to Exampleshire\n"
            f"Letter published 01/02/2024")
    assert metadata_of(page)["date"] is None


def test_an_html_page_dated_only_by_its_markups_modification_time_gets_that_date():
    from qa.documents.convert import convert_html

    page = ("<html><head><title>Ofsted inspections - Exampleshire Council</title>"
            '<meta name="DC.date.modified" content="2024-04-18"></head><body><main><h1>Ofsted inspections</h1>'
            "<p>Our services were judged to require improvement to be good in October 2018, and inadequate in "
            "July 2022. We publish every letter Ofsted sends us after a monitoring visit.</p>"
            "<p>Monitoring visits have looked at the front door, children in care and care leavers.</p></main>"
            "</body></html>")
    assert convert_html(page).hints.get("date_modified") == "2024-04-18"
    published = page.replace("</head>", '<meta property="article:published_time" content="2023-01-05"></head>')
    assert convert_html(published).hints.get("date_modified") is None
    from qa.documents.convert import _modified_in_markup

    assert _modified_in_markup('<meta content="2023-05-01T10:00:00+00:00" property="article:modified_time">') \
        == "2023-05-01"
    assert _modified_in_markup('<meta itemprop="dateModified" content="2023-05-02">') == "2023-05-02"


def test_a_committee_papers_part_counts_once_however_it_is_worded():
    from qa.documents.metadata import paper_parts

    assert paper_parts("Background papers\nNone.\nList of background papers\nNone.") == 1
    assert paper_parts("Electoral Division affected: All\nElectoral Divisions affected: All") == 1


def test_a_deputy_mayor_answers_which_councillor_spoke():
    from qa.retrieval.answer_type import names_person_in_role

    assert names_person_in_role("councillor", "Leicester's deputy mayor Sarah Russell said the process was hard.")
    assert names_person_in_role("councillor", "Assistant city mayor Jo Bell said the council would appeal.")
    assert not names_person_in_role("councillor", "The director, Jo Bell, said the council would appeal.")
    assert not names_person_in_role("councillor", "Greater Manchester Mayor Andy Burnham said the report was worrying.")


def test_a_report_pushed_back_at_committee_is_searched_as_postponed():
    from qa.retrieval.synonyms import with_synonyms

    assert "postponed" in with_synonyms("why did the report get pushed back at committee?")
    assert "postponed" not in with_synonyms("Which council pushed back on Ofsted's findings?")
    assert "postponed" not in with_synonyms("Were children put back with their parents too quickly?")


def test_the_council_a_commissioner_recommends_on_is_no_teller():
    from qa.retrieval.question import parse

    assert parse("Did the commissioner sent in to Torbay recommend moving children's social care out of the "
                 "council?").source is None
    assert parse("What did the council say about the commissioner's report?").source == "council"
    assert parse("What did the council decide once the government said it would fund the new homes?").source \
        == "council"
    assert parse("What did the council page say after the DfE found the trust arrangement was working?").source \
        == "council"
    # (nor does a body in another clause take Ofsted's words: "what the government has been doing to find ...")
    assert parse("Did the inspection say what the government has been doing to find more foster carers?").source \
        == "ofsted"


def test_the_dfes_letter_is_not_ofsteds():
    from qa.retrieval.question import parse

    assert parse("When did the DfE lift Lancashire's improvement notice, and who was the letter sent to?").source \
        is None
    assert parse("Who was the letter after the Lancashire monitoring visit sent to?").source == "ofsted"
    assert parse("What did the outcome letter say about the ombudsman's complaints findings?").source == "ofsted"
    assert parse("What did the monitoring letter say about the Local Government Association's peer review in "
                 "Torbay?").source == "ofsted"


def test_when_a_notice_was_lifted_is_dated_by_the_sentence_saying_so():
    from qa.retrieval.answer_type import answer_type_weight, asked_event

    question = "When did the DfE lift Lancashire's improvement notice?"
    event = asked_event(question)
    assert event == "lifted"
    lifted = "On 21 May 2024 the Department for Education wrote to confirm that the improvement notice has been lifted."
    board = "The improvement board will be replaced by an assurance board from 1 July 2024. The notice is lifted."
    assert answer_type_weight("date", lifted, None, event) > answer_type_weight("date", board, None, event) > 1.0
    from qa.retrieval.answer_type import dates_event

    assert asked_event("When was Lancashire's improvement notice lifted?") == "lifted"
    assert asked_event("When was the statutory direction revoked?") == "lifted"
    assert dates_event("lifted", "The DfE announced the lifting of the improvement notice on 21 May 2024.")
    assert not dates_event("lifted", "In the year ended 31 March 2024, 40 children were removed from the register.")



def test_what_a_commissioner_recommended_is_first_in_the_commissioners_own_report(tmp_path):
    from conftest import bm25_assistant_for

    report = ("Department for Education\n\nExampleshire Council children's services\n\nReport of the Commissioner "
              "for Children's Services in Exampleshire\n\nRecommendations\n\nI recommend that children's social "
              "care should remain under the direct control of Exampleshire Council. I do not recommend an "
              "alternative delivery model at this time.")
    letter = ("Monitoring visit to Exampleshire Council children's services\n\n7 November 2023\n\nThe "
              "Commissioner's recommendation that children's social care remain with the council has been "
              "implemented, and the council's improvement board provides effective challenge.")
    assistant = bm25_assistant_for(tmp_path, {
        "r61-commissioner.txt": (report, {"doc_type": "other", "local_authorities": ["Exampleshire"]}),
        "r61-letter.txt": (letter, {"doc_type": "ofsted_letter", "date": "2023-11-07",
                                    "local_authorities": ["Exampleshire"]})})
    answer = assistant.ask("Did the commissioner sent in to Exampleshire recommend moving children's social care out "
                           "of the council?")
    assert not answer.abstained and answer.hits[0].document.doc_id == "r61-commissioner"
    # (asked what Ofsted found of it, the letter speaks)
    answer = assistant.ask("What did Ofsted's monitoring visit say about the commissioner's recommendation in "
                           "Exampleshire?")
    assert answer.hits[0].document.doc_id == "r61-letter"
    from qa.retrieval.rank import SPEAKER_ASKED_RE, speaker_document_weight

    assert not SPEAKER_ASKED_RE.search("Who did the commissioner meet before Ofsted found improvement?")
    assert not SPEAKER_ASKED_RE.search("What did the Children's Commissioner say about Bradford?")
    commissioners = next(d for d in assistant.live.current().documents.values() if d.doc_id == "r61-commissioner")
    assert speaker_document_weight(commissioners, "How did the council respond to what the commissioner "
                                                  "recommended?") == 1.0


def test_a_council_disputing_its_inspection_as_they_is_no_ofsted_teller():
    from qa.retrieval.question import parse

    assert parse("Leicester's latest ILACS, the RI one they disputed - which councillor spoke for the council, and "
                 "what did she say they had done about Ofsted's points?").source != "ofsted"
    assert parse("Leicester's latest ILACS - what did Ofsted's report say about supervision?").source == "ofsted"
    assert parse("What did inspectors say about leaders, and did they contest any of the findings?").source \
        == "ofsted"


def test_an_undated_story_on_a_september_inspection_after_a_later_last_inspection_is_not_that_septembers(tmp_path):
    from conftest import bm25_assistant_for, other_council_news
    from qa.datatypes import Hit
    from qa.retrieval.assistant import states_asked_facts
    from qa.retrieval.question import parse

    story = ("{headline}\n\nThe inspection was carried out in September, and the service has {change} since the "
             "last inspection in {year}. Rutland's deputy mayor {name} spoke for the city about the grade Ofsted gave "
             "Rutland's children's services.")
    assistant = bm25_assistant_for(tmp_path, {**other_council_news(), **{
        f"r61-story-{year}.txt": (story.format(year=year, headline=headline, change=change, name=name),
                                  {"doc_type": "news_article", "local_authorities": ["Rutland"]})
        for year, headline, change, name in ((2014, "Council welcomes Ofsted verdict", "improved", "Ann Reid"),
                                             (2021, "Council hits back after Ofsted criticism", "declined",
                                              "Tom Hale"))}})
    query = parse("Which Rutland councillor spoke for the city when the inadequate grade was lifted in September 2017?")
    index = assistant.live.current()
    placed = {p.doc_id: states_asked_facts(Hit(p, index.documents[p.doc_id], 1.0, unconfirmed=["date"]), query)
              for p in index.passages if p.doc_id.startswith("r61-story")}
    # (its last inspection in 2021: a later September's; in 2014, this September may be 2017's)
    assert placed == {"r61-story-2014": True, "r61-story-2021": False}


def test_a_scene_ended_by_a_colon_leaves_the_count_asked():
    from qa.retrieval.answer_type import counted_stems

    assert "sws" in counted_stems("after the inadequate: how many new SWs had the council taken on, and what had "
                                  "happened to agency numbers?")


def test_an_ordinal_one_beside_a_monitoring_visit_is_its_number():
    from qa.retrieval.question import parse

    query = parse("Gloucestershire - after the MV the committee discussed (the fifth one), when was the next visit?")
    assert query.visit_number == 5 and "()" not in query.topic
    assert parse("Which was the first one Ofsted did in Kent?").visit_number is None


def test_when_after_a_scene_asks_a_date_and_come_out_asks_publication():
    from qa.retrieval.answer_type import answer_type, asked_event

    question = "Lambeth re-inspection - from Ofsted's own report, when was the fieldwork and when did it come out?"
    assert answer_type(question) == "date" and asked_event(question) == "published"
    assert asked_event("when was the fieldwork?") == "took place"
    assert answer_type("Who was the DCS, and when was she appointed?") == "person"


def test_the_visit_as_the_doer_of_a_terse_question_asks_its_letter():
    from qa.retrieval.rank import OFSTED_VISIT_NAMED_RE

    assert OFSTED_VISIT_NAMED_RE.search("sandwell dv notifications backlog - cleared by the MV?")
    assert not OFSTED_VISIT_NAMED_RE.search("sandwell dv notifications backlog - cleared by the MV in March 2024 and "
                                            "what did the council say?")


def test_a_monitoring_visit_set_aside_with_what_it_was_on():
    from qa.retrieval.question import parse
    from qa.retrieval.rank import sets_aside_monitoring_visit

    question = "Bromley 2016 - how many moved placement? That report only, not the later MV on permanence."
    assert "permanence" not in parse(question).topic
    assert sets_aside_monitoring_visit(question)
    assert not sets_aside_monitoring_visit("What did the fifth MV find, not the 2019 MV?")


def test_a_council_that_told_the_press_speaks():
    from qa.retrieval.question import parse

    assert parse("Has a council told the press that a poor Ofsted result was what it expected?").source == "council"


def test_findings_of_a_focused_visit_in_a_year_with_only_pages_recalling_one_abstain(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    letter = ("Focused visit to Exampleshire children's services\n\n12 December 2023\n\nThis letter sets out the "
              "findings of the focused visit to care leavers. Nine care leavers were living in emergency hostel rooms.")
    paper = ("Care leavers performance report, quarter 4 2024/25\n\n26 June 2025\n\nAt the end of the quarter two care "
             "leavers were living in emergency hostel rooms, compared with nine at the time of the focused visit.")
    docs = {**other_council_news(),
            "r61-fv.txt": (letter, {"doc_type": "ofsted_letter", "date": "2023-12-12",
                                    "local_authorities": ["Rutland"]}),
            "r61-paper.txt": (paper, {"doc_type": "council_page", "date": "2025-06-26",
                                      "local_authorities": ["Rutland"]})}
    assistant = bm25_assistant_for(tmp_path, docs)
    question = "Ofsted's 2025 focused visit to Rutland - what did it find on care leavers in hostels?"
    assert assistant.ask(question).abstained
    answer = assistant.ask("What did Ofsted's 2023 focused visit to Rutland find on care leavers in hostels?")
    assert not answer.abstained and answer.hits[0].document.doc_id == "r61-fv"



def test_a_focused_visit_that_only_anchors_the_asked_inspection_asks_no_focused_visit():
    from qa.retrieval.rank import FOCUSED_ASKED_RE, VISIT_ANCHOR_RE

    question = "What did the inspection that followed Northamptonshire's October 2018 focused visit find?"
    assert not FOCUSED_ASKED_RE.search(VISIT_ANCHOR_RE.sub(" ", question))
    assert FOCUSED_ASKED_RE.search(VISIT_ANCHOR_RE.sub(" ", "What did the 2025 focused visit to Rutland find?"))
