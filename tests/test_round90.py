"""Round 90: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def _doc(**fields):
    from qa.datatypes import Document

    return Document(doc_id="d", path="d.txt", **fields)


def test_a_visit_report_typed_as_mv_in_a_month_is_the_letters_month_not_the_visits():
    from qa.retrieval.question import parse
    from qa.retrieval.rank import check_filters

    query = parse("who spoke for rutland when ofsted published the 6th and final MV report in april 2019?")
    assert (query.date_from, query.date_to) == (date(2019, 4, 1), date(2019, 4, 30))
    assert not query.month_dates_visit
    # an undated council page on the March visit may be the April write-up: shown apart, not left out
    page = _doc(text="Ofsted's final monitoring visit to Rutland noted progress. Inspectors published their report "
                     "after their visit on 19 and 20 March 2019.", doc_type="council_page",
                local_authorities=["Rutland"], period_start="2019-03-19", period_end="2019-03-20", visit_number=6)
    assert check_filters(page, query).status == "unknown"
    # (the visit's own month asked still dates the visit)
    assert parse("what did the rutland april 2019 mv find?").month_dates_visit


def test_figures_asked_as_at_a_month_come_from_a_paper_a_quarter_or_two_later():
    from qa.retrieval.question import parse
    from qa.retrieval.rank import as_at_asked, as_at_weight, check_filters

    paper = _doc(text="Social worker caseloads and agency staffing\n\n3.1 At 31 March 2026 the average caseload for a "
                      "social worker in Rutland was 19.4 children, down from 23.1 at 31 March 2025.",
                 date="2026-06-17", doc_type="council_page", local_authorities=["Rutland"])
    query = parse("rutland SW caseloads + agency % at march 2026 vs the year before")
    assert check_filters(paper, query).status == "match"
    assert as_at_asked(query) == (2026, 3)
    # (a month asked as the time of an event is not: the June paper is not of March)
    assert check_filters(paper, parse("rutland SW caseloads in march 2026")).status == "excluded"
    assert as_at_asked(parse("rutland SW caseloads in march 2026")) is None
    # a passage on that month of another year only (a target, "by 31 March 2027") is weighed down
    asked = (2026, 3)
    assert as_at_weight("The service aims to bring caseloads down to 17 by 31 March 2027.", asked) < 1.0
    assert as_at_weight("At 31 March 2026 caseloads were 19.4, down from 23.1 at 31 March 2025.", asked) == 1.0
    assert as_at_weight("The agency budget for 2026/27 has been set at £3.6 million.", asked) == 1.0
    assert as_at_weight("By 31 March 2027 caseloads will be 17.", None) == 1.0
    assert as_at_weight("At 30 June 2026 the average caseload was 23.6.", asked) < 1.0  # (a later quarter's)
    for text in ("At 31.03.26 caseloads were 19.4, compared with 23.1 in March 2025.",
                 "By the end of March caseloads had fallen to 19.4 from 23.1 in March 2025.",
                 "At year end (31 March) caseloads were 19.4. Report author: J Smith, 2 June 2026."):
        assert as_at_weight(text, asked) == 1.0, text
    for text in ("Caseloads at end Mar 2026: 19.4 (March 2025: 23.1)", "At 31/03/2026 caseloads were 19.4, not 23.1 "
                 "as in March 2025", "at 31 march 2026 caseloads were 19.4, against 23.1 at 31 March 2025"):
        assert as_at_weight(text, asked) == 1.0, text
    # (not a month that is an event's, nor where no figure is asked, nor where another year is asked beside it)
    for text in ("what did rutland councillors say at march 2019 cabinet about caseloads?",
                 "what did hmi find about caseloads at march 2019 monitoring visit",
                 "what did rutland say at march 2026?",
                 "rutland caseloads as at march 2026 compared with march 2025"):
        assert as_at_asked(parse(text)) is None, text
    assert as_at_asked(parse("rutland cic numbers as at end of march 2026")) == (2026, 3)
    for text in ("As at 2026-03-31 there were 41, up from 38 at March 2025", "At 31/3/26 there were 41, 38 in March "
                 "2025", "At the end of March, caseloads averaged 19.4, compared with 23.1 in March 2025"):
        assert as_at_weight(text, asked) == 1.0, text


def test_a_committee_papers_purpose_paragraph_says_what_it_covers_not_what_it_found():
    from qa.retrieval.rank import scope_share, scope_weight

    purpose = ("1. Purpose of the report\n\n1.1 This report updates the Committee on social worker caseloads and the "
               "use of agency social workers in Rutland, comparing the position at 31 March 2026 with 2025.")
    assert scope_share(purpose) > 0.5
    assert scope_weight(purpose, "rutland social worker caseloads and agency use", None) < 1.0
    assert scope_share("3.1 Caseloads fell this year; the report updates the plan with new figures.") == 0.0
    for text in ("This report informs the committee that caseloads fell to 17 in March 2026.",
                 "1.1 This report updates members on caseloads, which have fallen to an average of 18.",
                 "1. Purpose of the report\n\n1.1 This report updates the Committee on the number of children in care, "
                 "which was 212 at 31 March 2026.",
                 "1. Purpose of the report\n\n1.1 This report updates the Committee on social worker caseloads: an "
                 "average of 19.4 at 31 March 2026, against 23.1 a year earlier."):
        assert scope_share(text) == 0.0, text


def test_the_start_of_what_is_offered_asks_the_pages_of_the_year_before_it(tmp_path):
    from conftest import bm25_assistant_for, other_council_news
    from qa.retrieval.question import parse

    query = parse("rutland care leaver apprenticeships how many places from sept 2026")
    assert (query.date_from, query.date_to) == (date(2025, 9, 1), date(2026, 11, 30))
    query = parse("rutland foster carer allowance rates from April 2026 - how much per week?")
    assert (query.date_from, query.date_to) == (date(2025, 4, 1), date(2026, 6, 30))
    query = parse("rutland allowance rates from nov 2025")
    assert (query.date_from, query.date_to) == (date(2024, 11, 1), date(2026, 1, 31))
    # (children's places are no offer)
    query = parse("rutland - how many children in out of area residential places from april 2021?")
    assert (query.date_from, query.date_to) == (date(2021, 4, 1), None)
    new = ("Rutland foster carer allowance rates\n\nPublished 10 February 2026\n\nFrom 1 April 2026 Rutland foster "
           "carer allowance rates rise to £210 a week.\n")
    old = ("Rutland foster carer allowance rates for 2019\n\nPublished 4 March 2019\n\nRutland foster carer allowance "
           "rates for 2019: £150 a week.\n")
    docs = {"new.txt": (new, {"doc_type": "council_page", "date": "2026-02-10", "local_authorities": ["Rutland"]}),
            "old.txt": (old, {"doc_type": "council_page", "date": "2019-03-04", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    answer = bm25_assistant_for(tmp_path / "a", docs).ask("rutland foster carer allowance rates from April 2026?")
    assert not answer.abstained and answer.hits[0].document.doc_id == "new"
    assert all(h.document.doc_id != "old" for h in answer.hits)
    query = parse("what has ofsted said about rutland from sept 2019?")
    assert query.date_from == date(2019, 9, 1) and query.date_to is None
    # (a span stays one, and measures or money from a month are times asked)
    query = parse("rutland re-referral rates from april 2021 to march 2022")
    assert (query.date_from, query.date_to) == (date(2021, 4, 1), date(2022, 3, 31))
    query = parse("rutland residential places from jan 2020 to dec 2020 - how many?")
    assert (query.date_from, query.date_to) == (date(2020, 1, 1), date(2020, 12, 31))
    for text in ("how did rutland spend the DfE funding from april 2022?", "rutland places from sept 2019 onwards",
                 "how many rutland care leavers took up apprenticeships from sept 2019?"):
        assert parse(text).date_from is not None, text
    query = parse("rutland residential places from jan 2020 - dec 2020 - how many?")
    assert (query.date_from, query.date_to) == (date(2020, 1, 1), date(2020, 12, 31))


def test_a_full_inspection_asked_after_a_visit_is_not_answered_by_pages_on_that_visit(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    page = ("Ofsted praises Rutland children's services\n\nRutland has a glowing appraisal published today (19 October "
            "2021) following a focused visit in September. The lead HMI praised ambitious leadership.\n")
    docs = {"page.txt": (page, {"doc_type": "council_page", "date": "2021-10-19", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    question = "Who was lead HMI on Rutland's full ILACS after the Sept 2021 focused visit?"
    answer = bm25_assistant_for(tmp_path / "a", docs).ask(question)
    assert answer.abstained and "came after" in answer.message
    # (a page telling of an inspection may answer, and so may the visit's page where the visit itself is asked)
    told = page.replace("The lead HMI", "At the full inspection in 2023 the lead HMI")
    docs["page.txt"] = (told, docs["page.txt"][1])
    assert "came after" not in (bm25_assistant_for(tmp_path / "b", docs).ask(question).message or "")
    docs["page.txt"] = (page, docs["page.txt"][1])
    answer = bm25_assistant_for(tmp_path / "c", docs).ask("Who was lead HMI on Rutland's focused visit in Sept 2021?")
    assert "came after" not in (answer.message or "")
    # (nor where what the council did after the visit is asked)
    for n, text in enumerate(("rutland ilacs prep - when did the council publish its action plan after the sept 2021 "
                              "focused visit?", "who praised rutland after the sept 2021 focused visit, ahead of the "
                              "full ilacs?")):
        assert "came after" not in (bm25_assistant_for(tmp_path / f"g{n}", docs).ask(text).message or ""), text
    answer = bm25_assistant_for(tmp_path / "d", docs).ask("rutland ilacs - what did the council praise after the sept "
                                                          "2021 focused visit?")
    assert "came after" not in (answer.message or "")
    # (the visit's letter naming the framework it was made under tells of no inspection)
    under = page.replace("The lead HMI", "This visit was carried out under the inspection of local authority "
                         "children's services (ILACS) framework. The lead HMI")
    docs["page.txt"] = (under, docs["page.txt"][1])
    answer = bm25_assistant_for(tmp_path / "e", docs).ask("Who was lead HMI on Rutland's full ILACS after Rutland's "
                                                          "Sept 2021 focused visit?")
    assert answer.abstained and "came after" in answer.message
    # (nor a page telling the grade the inspection gave)
    graded = under.replace("The lead HMI", "Ofsted returned in November and judged Rutland good. The lead HMI")
    docs["page.txt"] = (graded, docs["page.txt"][1])
    answer = bm25_assistant_for(tmp_path / "f", docs).ask(question)
    assert "came after" not in (answer.message or "")


def test_an_engagement_meetings_letter_asked_needs_a_page_on_the_place_telling_of_one(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    story = ("Rutland children's services improving says Ofsted\n\nPublished 3 July 2019\n\nInspectors said Rutland's "
             "own self-evaluation of its social work practice was accurate and leaders knew their services well.\n")
    blog = ("Annual engagement meetings\n\nPublished 5 April 2019\n\nEach local authority shares an annual "
            "self-evaluation, which is discussed at an annual engagement meeting (AEM) with Ofsted.\n")
    docs = {"story.txt": (story, {"doc_type": "news_article", "date": "2019-07-03", "local_authorities": ["Rutland"]}),
            "blog.txt": (blog, {"doc_type": "other", "date": "2019-04-05"}), **other_council_news()}
    question = ("rutland AEM 2019 - what did ofsted's letter after the annual engagement meeting say about rutland's "
                "own self-evaluation?")
    answer = bm25_assistant_for(tmp_path / "a", docs).ask(question)
    assert answer.abstained and "annual engagement meeting" in answer.message
    # (not where the meeting is set aside, nor where an inspection is asked)
    for n, text in enumerate(("rutland 2019 (not the AEM) - what did inspectors say about rutland's own "
                              "self-evaluation of its social work practice?",
                              "what did the 2019 inspection say about the self-evaluation rutland shared at its "
                              "annual engagement meeting?",
                              "what did rutland's own self-evaluation for the 2019 aem say about its social work?")):
        assert "engagement meeting" not in (bm25_assistant_for(tmp_path / f"c{n}", docs).ask(text).message or ""), text
    # (an Ofsted letter on no visit may be the meeting's, however it opens)
    letter = story.replace("Inspectors said", "Thank you for the time you and your team spent with me. I said")
    docs["story.txt"] = (letter, {**docs["story.txt"][1], "doc_type": "ofsted_letter"})
    assert not bm25_assistant_for(tmp_path / "l", docs).ask(question).abstained
    docs["story.txt"] = (story, {**docs["story.txt"][1], "doc_type": "news_article"})
    for n, words in enumerate(("Thank you for meeting with me.", "Thank you for taking the time to meet with me.",
                               "Following our recent meeting on 12 June,", "It was good to meet you on 12 June.",
                               "At the annual meeting with Ofsted in May,",
                               "Thank you for meeting with my colleague and me on 12 June.",
                               "This letter follows the meeting between Ofsted and senior leaders.")):
        letter = story.replace("Inspectors said", f"{words} Inspectors said")
        docs["story.txt"] = (letter, docs["story.txt"][1])
        assert not bm25_assistant_for(tmp_path / f"b{n}", docs).ask(question).abstained


def test_a_councils_decision_is_not_answered_by_ofsteds_pages_alone(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    notice = ("Rutland: joint targeted area inspection\n\nPublished 21 February 2022\n\nOfsted, the Care Quality "
              "Commission and HMICFRS will inspect the multi-agency response in Rutland, including edge of care "
              "work, and what the team cost.\n")
    docs = {"notice.txt": (notice, {"doc_type": "ofsted_letter", "date": "2022-02-21",
                                    "local_authorities": ["Rutland"]}), **other_council_news()}
    question = "rutland edge of care team - what did rutland's cabinet approve and how much does it cost?"
    answer = bm25_assistant_for(tmp_path / "a", docs).ask(question)
    assert answer.abstained and "decided" in answer.message
    paper = ("Rutland County Council Cabinet\n\nPublished 3 March 2022\n\nEdge of care team\n\nCabinet approved an "
             "edge of care team costing £2.3 million over three years.\n")
    docs["paper.txt"] = (paper, {"doc_type": "council_page", "date": "2022-03-03", "local_authorities": ["Rutland"]})
    answer = bm25_assistant_for(tmp_path / "b", docs).ask(question)
    assert not answer.abstained and answer.hits[0].document.doc_id == "paper"
    # (Ofsted's page telling of the decision answers; so do bodies that are not the council's deciding one)
    del docs["paper.txt"]
    told = notice.replace("and what the team cost.", "and what the team cost. Since the last visit, the cabinet "
                          "approved an edge of care team costing £2.3 million.")
    docs["notice.txt"] = (told, docs["notice.txt"][1])
    assert not bm25_assistant_for(tmp_path / "c", docs).ask(question).abstained
    for n, told in enumerate(("Elected members approved an edge of care team costing £2.3 million.",
                              "RESOLVED\nThat Cabinet approves an edge of care team costing £2.3 million.",
                              "An edge of care team, approved by cabinet in November, costs £2.3 million.",
                              "Following a cabinet decision in November, an edge of care team costs £2.3 million.",
                              "Since the last visit, the local authority has approved an edge of care team.",
                              "Cabinet has given the go-ahead to a new edge of care team.",
                              "A new edge of care team, costing £2.3 million, was approved in November.")):
        docs["notice.txt"] = (notice + told, docs["notice.txt"][1])
        assert not bm25_assistant_for(tmp_path / f"e{n}", docs).ask(question).abstained, told
    docs["notice.txt"] = (notice, docs["notice.txt"][1])
    for n, text in enumerate(("what did rutland's chief executive decide about the edge of care team?",
                              "what did the education select committee decide about rutland's edge of care team?",
                              "what did the rutland board agree on edge of care - not cabinet, the board?",
                              "what did rutland's lscb executive agree about edge of care?",
                              "what did councillors on the rutland improvement board agree about edge of care?",
                              "what did the rscp executive agree about edge of care in rutland?")):
        assert "decided" not in (bm25_assistant_for(tmp_path / f"d{n}", docs).ask(text).message or ""), text


def test_a_later_page_recalls_the_year_asked_only_where_it_tells_what_is_asked_before_its_own_event(tmp_path):
    from conftest import bm25_assistant_for, other_council_news
    from qa.retrieval.assistant import grade_only

    assert not grade_only("In 2018 inspectors judged that children waited too long at the front door.")

    story = ("Rutland children's services rated outstanding by Ofsted\n\nPublished 25 March 2026\n\nIn 2018, services were rated "
             "inadequate, and the council set up a company to run them. The service was rated good at its last full "
             "inspection in 2022. Inspectors said the front door for children was highly effective.\n")
    docs = {"story.txt": (story, {"doc_type": "news_article", "date": "2026-03-25", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    question = "what did ofsted find about rutland's front door at the 2018 inspection when it went inadequate?"
    answer = bm25_assistant_for(tmp_path / "a", docs).ask(question)
    assert not any(h.document.doc_id == "story" for h in answer.hits)
    told = story.replace("In 2018, services were rated inadequate, and the council set up a company to run them.",
                         "In 2018, services were rated inadequate, and inspectors found the front door was weak.")
    docs["story.txt"] = (told, docs["story.txt"][1])
    answer = bm25_assistant_for(tmp_path / "b", docs).ask(question)
    assert answer.hits and answer.hits[0].document.doc_id == "story" and answer.hits[0].unconfirmed == ["later"]
    # (the year asked may be recalled after the later event)
    after = ("Rutland children's services rated outstanding by Ofsted\n\nPublished 25 March 2026\n\nThe service was "
             "rated good at its last full inspection in 2022. Back in 2018, when services were rated inadequate, "
             "inspectors found the front door was weak.\n")
    docs["story.txt"] = (after, docs["story.txt"][1])
    answer = bm25_assistant_for(tmp_path / "c", docs).ask(question)
    assert answer.hits and answer.hits[0].document.doc_id == "story" and answer.hits[0].unconfirmed == ["later"]
    # (or told a sentence or two after it, before the later event)
    # (a sentence on the year asked that ends on a later year is still its telling; one opening on it is not)
    ended = ("Rutland children's services rated outstanding by Ofsted\n\nPublished 25 March 2026\n\nBack in 2018, "
             "services were rated inadequate. Inspectors found the front door was weak, and it stayed so until the "
             "2022 inspection.\n")
    docs["story.txt"] = (ended, docs["story.txt"][1])
    answer = bm25_assistant_for(tmp_path / "e", docs).ask(question)
    assert answer.hits and answer.hits[0].document.doc_id == "story" and answer.hits[0].unconfirmed == ["later"]
    opened = ("Rutland children's services rated outstanding by Ofsted\n\nPublished 25 March 2026\n\nIn 2018, "
              "services were rated inadequate, and the council set up a company. At its last full inspection in 2022 "
              "inspectors said the front door for children was highly effective.\n")
    docs["story.txt"] = (opened, docs["story.txt"][1])
    answer = bm25_assistant_for(tmp_path / "f", docs).ask(question)
    assert not any(h.document.doc_id == "story" for h in answer.hits)
    further = ("Rutland children's services rated outstanding by Ofsted\n\nPublished 25 March 2026\n\nWhen Ofsted "
               "inspected in 2018, services were rated inadequate. Caseloads were high. Inspectors said the front door "
               "was weak. The service was rated good at its last full inspection in 2022.\n")
    docs["story.txt"] = (further, docs["story.txt"][1])
    answer = bm25_assistant_for(tmp_path / "d", docs).ask(question)
    assert answer.hits and answer.hits[0].document.doc_id == "story" and answer.hits[0].unconfirmed == ["later"]


def test_reviews_asked_as_a_topic_leave_a_letters_scope_paragraph_weighed_down():
    from qa.retrieval.rank import scope_weight

    scope = ("This letter summarises the findings of the focused visit to Rutland children's services on 3 and 4 "
             "February 2026. His Majesty's Inspectors looked at the local authority's arrangements for children in "
             "need.")
    assert scope_weight(scope, "rutland fv - what did ofsted say about CIN plans and reviews?", None) < 1.0
    assert scope_weight(scope, "what did the rutland visit review?", None) == 1.0


def test_an_inspectors_quote_is_asked_of_whoever_carries_it():
    from qa.retrieval.question import parse

    assert parse("rutland outstanding lead inspector quote").source is None
    assert parse("what did the rutland lead inspector statement say?").source is None
    assert parse("what did inspectors find about rutland's front door?").source == "ofsted"
    for text in ("rutland 2019 ilacs - hmi comments on supervision?", "what were the inspectors comments on "
                 "supervision in rutland?", "key quotes from the lead inspector's report on rutland's supervision"):
        assert parse(text).source == "ofsted", text
