"""Forty-second round: the year of the report asked, with a word or two before its noun, outranks the year of an
event it follows; a terse "council response"; a minutes page's dated title; a council's own page naming its
neighbours more than once."""
from conftest import ingested

from qa.retrieval.question import parse

MINUTES_PAGE = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Minutes of the meeting of the Cabinet, Tuesday 9 May 2023 - Rutland County Council</title>
<meta name="DC.title" content="Cabinet - Tuesday 9 May 2023 - Minutes">
<meta name="DC.creator" content="Rutland County Council, Democratic Services">
</head><body><div id="content">
<h1>Minutes of the meeting of the Cabinet, held in the Council Chamber, Oakham, on Tuesday, 9 May 2023</h1>
<h2>Present</h2>
<table><tr><th>Councillor</th><th>Responsibility</th></tr>
<tr><td>Councillor Ann Bell</td><td>Leader of the Council (Chairman)</td></tr>
<tr><td>Councillor Raj Patel</td><td>Cabinet Member for Children's Services</td></tr></table>
<h2>4. Focused visit: children in need</h2>
<p>The Cabinet received a report on the findings of Ofsted's focused visit in March 2023 and the proposed
response. Councillor Patel said that the waiting times for family support were not acceptable.</p>
<p>In response to a question about whether Leicestershire County Council and Lincolnshire County Council would be
involved, the Cabinet Member confirmed that the findings would be shared through the Leicestershire, Rutland and
Lincolnshire Safeguarding Partnership, but that the action plan related to Rutland only.</p>
<p>Resolved: to agree an additional £300,000 in 2023/24 for a family support team.</p>
<h2>5. Date of next meeting</h2><p>The next meeting will take place on Tuesday 13 June 2023.</p>
</div></body></html>"""


def test_the_year_of_the_report_asked_outranks_the_year_it_follows():
    query = parse("What did the 2018 Rutland re-inspection report say about why the pace of improvement picked up "
                  "after the 2015 inadequate judgement?")
    assert (query.date_from.year, query.date_to.year) == (2018, 2018)
    assert "2015" in query.topic  # what the report speaks of stays searched
    # a year alone before the anchor still reads from it
    since = parse("What has changed in Rutland since the 2015 inadequate judgement?")
    assert since.date_from.year == 2015 and since.date_to is None
    # nor is a range's first year an event's: "since 2015 and the report"
    assert parse("What has changed since 2015 and the Rutland report?").date_from.year == 2015


def test_a_terse_council_response_asks_the_council():
    for question in ("rutland council response 4th monitoring visit social worker recruitment",
                     "What was the council response to the fourth monitoring visit in Rutland?"):
        assert parse(question).source == "council", question
    # a council's service is no response of its own
    assert parse("council response to children who go missing in Rutland").source is None


def test_a_minutes_page_keeps_its_dated_title_and_its_own_council(tmp_path):
    doc = ingested(tmp_path, "minutes.html", MINUTES_PAGE)
    assert doc.title == "Cabinet - Tuesday 9 May 2023 - Minutes"
    # the neighbours it names twice, in a question and a partnership's name, are not its subject
    assert doc.local_authorities == ["Rutland"]


MINUTES = ("Rutland County Council\n\nMinutes of the meeting of the Cabinet held on Tuesday 9 May 2023\n\n"
           "4. Ofsted focused visit\n\n"
           "Members received a report on Ofsted's focused visit to children in need services in March and the "
           "partnership's plans. Councillor Patel introduced the report on the focused visit and said "
           "that the time families waited for support after the visit was not acceptable. Members asked how "
           "many families were waiting, how long they had waited, and whether schools and health visitors had been "
           "told how to refer. The Director answered each question and agreed to circulate the waiting list figures "
           "to members after the meeting, with the number of families waiting more than twelve weeks.\n\n"
           "Resolved: to agree an additional £300,000 in 2023/24 for a family support team within the early help "
           "service; to approve the action plan responding to the focused visit, to be reviewed by the scrutiny "
           "panel in September; and to delegate to the Director, in consultation with the Cabinet Member, the "
           "final wording of the plan before it is published on the council's website for families and partners.\n\n"
           "5. Date of next meeting\n\nThe next meeting will be held on Tuesday 13 June 2023 in the Council Chamber.")


def test_a_cabinets_decision_is_its_resolution_not_its_debate(tmp_path):
    from conftest import bm25_assistant_for, other_council_news
    from qa.retrieval.answer_type import answer_type, holds

    question = "What did Rutland's cabinet actually decide in response to the focused visit?"
    assert answer_type(question) == "decision"
    assert answer_type("When did the cabinet approve the plan?") == "date"  # a date asked first
    assert holds("decision", "RESOLVED - That the plan be approved.") and not holds("decision", MINUTES[:200])
    docs = {"minutes.txt": (MINUTES, {"doc_type": "council_page", "date": "2023-05-09",
                                      "local_authorities": ["Rutland"]}), **other_council_news()}
    answer = bm25_assistant_for(tmp_path, docs, neighbour_ratio=0).ask(question)  # (the ranking, passages alone)
    assert answer.hits[0].passage.text.startswith("Resolved")


def _hit(doc, text: str, score: float):
    from qa.datatypes import Hit, Passage

    return Hit(passage=Passage(passage_id=f"{doc.doc_id}#{score}", doc_id=doc.doc_id, text=text, start=0,
                               end=len(text)), document=doc, score=score)


def test_a_story_retelling_the_letter_asked_for_waits_unless_it_holds_the_asked_fact():
    from qa.datatypes import Document
    from qa.retrieval.rank import retellings_after

    letter = Document(doc_id="letter", path="letter.txt", text="", doc_type="ofsted_letter", date="2023-10-17",
                      local_authorities=["Rutland"], visit_number=1, period_start="2023-09-12",
                      period_end="2023-09-13")
    story = Document(doc_id="story", path="story.txt", text="", doc_type="news_article", date="2023-10-19",
                     local_authorities=["Rutland"], visit_number=1)

    def order(question: str, story_text: str) -> list[str]:
        hits = [_hit(letter, "Contacts are screened promptly in the front door.", 1.0),
                _hit(story, story_text, 0.8), _hit(letter, "Thresholds are better understood by partners.", 0.5)]
        return [h.document.doc_id for h in retellings_after(hits, parse(question))]

    # Ofsted asked for (not named outright): the story's retelling, x0.5, waits behind the letter's second passage
    assert order("What did Ofsted find at Rutland's first monitoring visit?",
                 "Inspectors found the front door was working better, the paper reports.") \
        == ["letter", "letter", "story"]
    # ... but a story holding the asked fact (a count the letter does not give) only weighs x0.7
    assert order("How many contacts did Ofsted find at Rutland's first monitoring visit?",
                 "Inspectors found 1,200 contacts a month at the front door.") == ["letter", "story", "letter"]


def test_a_terse_query_naming_a_bodys_dated_meeting_asks_its_minutes_and_a_sum():
    from qa.retrieval.answer_type import answer_type
    from qa.retrieval.rank import asks_minutes

    query = "rutland cabinet nov 2024 care leaver accommodation funding amount"
    assert asks_minutes(query) and answer_type(query) == "count"
    assert asks_minutes("What did the scrutiny committee on 12 March 2024 hear?")
    # a body's month that is a verb, or no date at all, names no meeting
    assert not asks_minutes("the board may 2024 decide") and not asks_minutes("rutland scrutiny committee report")
    assert answer_type("rutland care leaver accommodation funding") is None


STORY_WITH_LINKS = ("Rutland children's services praised by Ofsted\n\nBy Sam Reed, 19 October 2023\n\n"
                    "Ofsted inspectors who visited Rutland's children's services in September found early signs of "
                    "progress at the front door, according to a letter published this week.\n\n"
                    "What needs to improve\n\n- The quality of plans for children in need\n- Supervision of "
                    "newly qualified social workers\n\n"
                    "The council's cabinet member said the letter showed the council was moving in the right "
                    "direction.\n\nRead more\n\n- Oakham bypass roadworks to last until spring\n"
                    "- Opinion: why monitoring visits should be published faster\n- Library opening hours change\n")


def test_a_read_more_list_of_headlines_is_cut_and_reported(tmp_path):
    doc = ingested(tmp_path, "story.txt", STORY_WITH_LINKS)
    assert "monitoring visits should be published" not in doc.text and "Oakham bypass" not in doc.text
    assert any(c["reason"] == "teaser list (3 items)" for c in doc.cleaning["cuts"])
    # the article's own list stays
    assert "Supervision of newly qualified social workers" in doc.text
    assert "moving in the right direction" in doc.text


def test_progress_at_one_named_visit_is_no_trail():
    from qa.retrieval.timeline import detect

    assert detect("What did Ofsted conclude at its first monitoring visit to Rutland after the inadequate "
                  "judgement? How was the front door progressing?") is None
    assert detect("How was the front door progressing at the third visit in Rutland?") is None
    # a trail is still asked across visits, from one, up to one, or between two
    for question in ("How has the front door in Rutland changed since the first monitoring visit?",
                     "How have caseloads in Rutland changed by the third visit?",
                     "How has the front door in Rutland progressed between the first and third monitoring visits?",
                     "How did care leaver services improve across the monitoring visits in Rutland?"):
        assert detect(question) is not None, question


def test_a_reports_table_of_contents_weighs_as_a_header():
    from qa.retrieval.rank import HEADER_FLOOR, prose_weight

    contents = ("A full description of what the inspection judgements mean is at the end of this report.\n"
                "1 Contents The local authority 3 Summary of findings 3 Areas for improvement 5")
    assert prose_weight(contents, "judgement") == HEADER_FLOOR
    # a judgement table and a sentence about a plan's contents are not one
    assert prose_weight("The judgements are: 1. Children who need help and protection Inadequate 2. Children "
                        "looked after Inadequate 3. Leadership Inadequate", "judgement") > HEADER_FLOOR
    assert prose_weight("The contents of the plan were agreed by 12 members of the panel and 3 officers in May, "
                        "after a long debate.", None) == 1.0


def test_a_paper_set_aside_by_its_title_alone_is_no_name_to_find():
    query = parse("What did Rutland's cabinet member for children say when the 2020 ILACS report came out? I need the "
                  "council's own release, not the Gazette.")
    assert "Gazette" not in query.names and query.source == "council"
    # the paper asked for by name is still one
    assert "Gazette" in parse("What did the Gazette report about Rutland's inspection?").names
