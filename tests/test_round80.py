"""Round 80: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace


def test_a_day_before_its_month_is_no_visit_number_and_dates_a_span():
    from qa.retrieval.question import parse

    query = parse("Rutland MV 28 Feb - 1 Mar 2017: what did the letter say about the education of children in care?")
    assert query.visit_number is None
    assert (query.date_from, query.date_to) == (date(2017, 2, 1), date(2017, 3, 31))
    query = parse("Rutland visit 28 February to 1 March 2017 education")
    assert query.visit_number is None and query.date_from == date(2017, 2, 1)
    # (a visit's number is still one: "MV 3", "visit 2")
    assert parse("rutland mv 3 letter 2017").visit_number == 3
    assert parse("the visit 2 letter on 5 March").visit_number == 2


def test_the_visits_a_visit_came_between_are_no_month_asked():
    from qa.retrieval.question import parse

    query = parse("Rutland 4th MV in 2017 - the one after the Feb/Mar visit and before the Nov re-inspection: what did "
                  "HMI say about care leavers?")
    assert (query.date_from, query.date_to, query.visit_number) == (date(2017, 1, 1), date(2017, 12, 31), 4)


def test_a_papers_own_date_is_the_time_asked_not_the_years_it_looks_back_on():
    from qa.retrieval.question import parse

    query = parse("CLG cttee report on Rutland, march 2015 - the committee's own release please: what did it say "
                  "about how short Ofsted's inspections were up to 2012?")
    assert (query.date_from, query.date_to) == (date(2015, 3, 1), date(2015, 3, 31))
    assert query.source != "ofsted"  # (the committee speaks about Ofsted)
    query = parse("Which MP chaired the CLG committee when it reported in March 2015, and what did he say about "
                  "Ofsted's inspection arrangements up to 2013?")
    assert (query.date_from, query.date_to) == (date(2015, 3, 1), date(2015, 3, 31))
    # (a span asked on its own stays asked)
    assert parse("What did Ofsted find in Rutland up to 2013?").date_to == date(2013, 12, 31)


def test_a_parliamentary_committee_named_by_its_subject_must_be_mentioned():
    from qa.retrieval.question import parse
    from qa.retrieval.retriever import _as_phrase

    query = parse("Has the Commons Education Committee (not the CLG committee) reported on Ofsted's inspection of "
                  "children's services? What did it recommend?")
    assert "Education Committee" in query.names and query.source != "ofsted"
    phrase = _as_phrase("Education Committee")
    assert phrase.search("the Education Select Committee said") and phrase.search("Education Committee report")
    assert not phrase.search("the children, education and safeguarding committee")
    # (an acronym subject is a name already)
    assert "CLG Committee" not in parse("Which MP chaired the Commons CLG committee in 2015?").names


def test_care_leavers_eet_is_mentioned_by_two_of_its_words(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    story = ("Ofsted to judge care leaver services separately\n\n"
             "Ofsted will introduce a separate judgment for care leavers in council inspections.\n\n"
             "To be judged outstanding, councils will have to show good performance on care leavers' health and "
             "emotional wellbeing, relationships and education and employment.\n")
    docs = {"story.txt": (story, {"doc_type": "news_article"}), **other_council_news()}
    answer = bm25_assistant_for(tmp_path, docs).ask(
        "With the new care leavers judgement, what would a council have to show to get outstanding - health, "
        "relationships, EET?")
    assert not answer.abstained and answer.hits[0].document.doc_id == "story"
    # (an acronym nothing spells out is still unmentioned)
    assert bm25_assistant_for(tmp_path / "b", docs).ask(
        "With the new care leavers judgement, what did Ofsted say about the PLO?").abstained


def test_a_story_months_later_on_a_visit_this_year_reports_on_two_months_asked(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    story = ("Rutland moves out of 'inadequate'\n\nWednesday, May 9, 2018\n\n"
             "Children's services in Rutland are no longer judged inadequate following a fresh inspection.\n\n"
             "Following a visit in January and February this year inspectors found that partnerships to tackle "
             "child sexual exploitation were strong and the front door was effective.\n")
    docs = {"story.txt": (story, {"doc_type": "news_article", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    answer = bm25_assistant_for(tmp_path, docs).ask(
        "Rutland re-inspection Jan/Feb 2018 as the press reported it - were partnerships on CSE any good?")
    # (as meeting the filters, not as a later page recalling the months)
    assert not answer.abstained and answer.hits[0].document.doc_id == "story" and not answer.hits[0].unconfirmed
    # (not a story that dates its visit to another year)
    old = story.replace("this year", "2016").replace("May 9, 2018", "May 9, 2016")
    docs["story.txt"] = (old, {"doc_type": "news_article", "local_authorities": ["Rutland"]})
    later = bm25_assistant_for(tmp_path / "b", docs).ask(
        "Rutland re-inspection Jan/Feb 2018 as the press reported it - were partnerships on CSE any good?")
    assert later.abstained or all(h.document.doc_id != "story" for h in later.hits if not h.unconfirmed)


def test_a_visit_with_a_step_still_to_come_after_it_is_not_the_pages_own():
    from conftest import metadata_of

    minutes = ("Rutland Children's Services Improvement Board\n"
               "Minutes of the meeting held on Thursday 20 March 2025\n"
               "Present: Professor Jo Bell (Independent Chair) in the Chair\n"
               "4. Ofsted monitoring visit: outcome letter\n"
               "The Executive Director presented the letter from the fourth monitoring visit, which had taken place "
               "on 4 and 5 February 2025.\n"
               "8. Any other business\n"
               "The DfE adviser said the Department would review the need for continued intervention after the fifth "
               "monitoring visit.\n")
    assert metadata_of(minutes)["visit_number"] == 4
    # (the latest visit counted: "The latest visit was the third such visit")
    story = ("Ofsted sees progress at Rutland's front door\n"
             "Inspectors have been returning every six months to check on progress. The latest visit was the third "
             "such visit.\n")
    assert metadata_of(story)["visit_number"] == 3


def test_the_chair_named_down_the_leading_minutes_answers_who_chaired():
    from qa.retrieval.assistant import role_named_first
    from qa.retrieval.question import parse

    def hit(doc, text):
        return SimpleNamespace(document=SimpleNamespace(doc_id=doc), passage=SimpleNamespace(text=text))

    items = [hit("minutes", f"Item {n}. The Board noted the letter and asked for a further update on plans.")
             for n in range(6)]
    chair = hit("minutes", "Present: Professor Jo Bell (Independent Chair) in the Chair\nCouncillor Ann Lee")
    query = parse("who chaired the rutland improvement board mtg that discussed the 4th MV letter?")
    assert role_named_first(query, [*items, chair])[0] is chair
    # (not from another document, nor where a first passage already names the chair)
    other = hit("letter", chair.passage.text)
    assert role_named_first(query, [*items, other])[0] is items[0]
    assert role_named_first(query, [chair, *items])[0] is chair


def test_a_lower_case_place_before_its_board_and_the_meeting_that_discussed_a_letter():
    from qa.retrieval.question import parse

    query = parse("who chaired the reading improvment board mtg that discussed the 4th MV letter, and what date was it")
    assert query.authorities == ["Reading"] and query.source == "council"
    assert parse("reading the committee papers").authorities == []
    assert parse("staffs new DCS - who and start date?").authorities == ["Staffordshire"]
    assert parse("staffs new staff - who?").authorities == []


def test_a_statement_of_what_is_wanted_before_a_closing_set_aside():
    from qa.retrieval.question import parse

    query = parse("whats the agency SW rate for rutland in the jan cabinet paper? county figure only - not "
                  "leicester/derby or the city")
    assert query.authorities == ["Rutland"] and query.month == 1
    # (an event listed first in a set-aside source)
    query = parse("rutland first MV (care leavers, oct 24) - what did ofsted say about pathway plans? the letter, "
                  "not the ILACS or the leicestershire panel report")
    assert query.source == "ofsted" and query.visit_number == 1


def test_a_kind_of_source_set_aside_bare_is_set_aside():
    from qa.retrieval.rank import kinds_set_aside_wholly

    assert kinds_set_aside_wholly("unregistered childrens homes - what have ofsted inspectors found? inspection "
                                  "findings, not council papers or press") == {"council_page", "news_article"}


def test_a_judgement_tables_rows_stay_one_table():
    from qa.documents.clean import _heading_like
    from qa.retrieval.rank import prose_weight

    assert not _heading_like("Overall effectiveness: Outstanding")
    assert not _heading_like("The experiences and progress of care leavers: Requires improvement to be good")
    assert _heading_like("What needs to improve?") and _heading_like("Leadership: the director's first year")
    # (rows whose cells ran together, the grade closing each line, are the grades asked)
    table = ("Judgement Grade\n"
             "The impact of leaders on social work practice with children and families Inadequate\n"
             "The experiences and progress of children who need help and protection Inadequate\n"
             "The experiences and progress of care leavers Inadequate\n"
             "Overall effectiveness Inadequate")
    assert prose_weight(table, "judgement") == 1.0
    assert prose_weight("Rutland's services were once Good\nand are still Good\nand may stay Good", "judgement") < 1.0


def test_a_grade_only_another_council_was_given_does_not_answer():
    from qa.retrieval.answer_type import asks_grade
    from qa.retrieval.assistant import grades_others_only

    text = ("Since the end of the year, Ofsted has inspected Leicestershire's children's services, in May 2025, and "
            "judged them outstanding. Services in Rutland were not part of that inspection.")
    assert grades_others_only(text, ["Rutland"], range(2024, 2027), "rutland ILACS 2025 grades?")
    assert not grades_others_only(text, ["Leicestershire"], range(2024, 2027), "leicestershire ILACS 2025 grades?")
    assert not grades_others_only("The council's services were judged good in 2025.", ["Rutland"],
                                  range(2024, 2027), "rutland grades 2025")
    assert asks_grade("rutland ILACS 2025 grades? the Rutland inspection, not leicestershire's")
    assert not asks_grade("rutland ILACS 2025 grades? what did they say about care leavers")


def test_page_metadata_from_a_back_page_a_footer_and_capitals():
    from conftest import metadata_of

    report = ("Annual Report 2024-25\nA joint report of Rutland County Council and Leicestershire County Council\n"
              "1. Foreword\nThis is the twelfth annual report of the partnership between the two councils.\n"
              "Approved by the Partnership Board on 24 September 2025. Published October 2025.")
    assert metadata_of(report)["date"] == "2025-10-01"
    # (not a story's mid-text "the report, published in October 2025, found")
    story = "Rutland news\nThe report, published in October 2025, found that caseloads had fallen.\nMore to come."
    assert metadata_of(story)["date"] != "2025-10-01"
    cover = ("STOKE-ON-TRENT CITY COUNCIL\nMeeting | Children and Young People Overview and Scrutiny Committee\n"
             "Report title | Outcome of the third Ofsted monitoring visit\n"
             "1.1 To inform the Committee of the outcome of Ofsted's third monitoring visit to children's services.")
    assert metadata_of(cover)["local_authorities"] == ["Stoke-on-Trent"]
    # an inspection report whose dates are only in its running footer
    front = ("Ofsted\nRutland County Council\nInspection of children's social care services\n"
             "Lead inspector: Jo Bell, His Majesty's Inspector\nJudgement / Grade\n"
             "Overall effectiveness: Outstanding\n"
             "The experiences and progress of children who need help and protection: Outstanding\n"
             "Children in Rutland benefit from outstanding services.")
    footer = {"page_furniture": "Inspection dates: 12 to 23 May 2025 | Published: 4 July 2025 | Page 1 of 9"}
    assert metadata_of(front, footer)["doc_type"] == "ofsted_report"
    provider = ("Ofsted\nFind an inspection report > Children's social care > Registered children's homes\n"
                "Moor House Unique reference number: 2790413 Provision type: Children's home\n"
                "Local authority: Rutland Report published 22/08/2025 Full inspection\n"
                "Inspection dates: 29 and 30 July 2025\n"
                "Overall experiences and progress of children and young people: good")
    assert metadata_of(provider)["date"] == "2025-08-22"


def test_a_council_named_in_a_papers_regional_context_section_is_a_comparison():
    from conftest import metadata_of

    paper = ("Children and Young People Scrutiny Committee\n"
             "Ofsted inspection of local authority children's services (ILACS) 2025 - findings\n"
             "1. Purpose\n"
             "1.1 To inform the committee of the outcome of the Ofsted inspection of Rutland County Council's "
             "children's services.\n"
             "5. Regional context\n"
             "5.1 Leicestershire County Council remains subject to an improvement notice following its inspection.\n")
    assert metadata_of(paper)["local_authorities"] == ["Rutland"]


def test_which_named_body_s_officer_was_quoted_asks_a_person():
    from qa.retrieval.answer_type import answer_type, asked_role

    question = "Rutland focused inspection - which Ofsted regional director was quoted in Ofsted's press release?"
    assert (answer_type(question), asked_role(question)) == ("person", "director")
    assert answer_type("which Report the director wrote?") is None  # (a function word is no part of a post)


def test_a_focused_visit_asked_sets_back_a_story_naming_no_visit(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    letter = ("Focused visit to Rutland children's services\n\n"
              "Dear Ms Bell\n\nThis letter summarises the findings of the focused visit to Rutland children's services "
              "on 2 and 3 September 2025.\n\nAreas for improvement for children in care: the timeliness of "
              "permanence planning for children in care and life story work.\n\nYours sincerely\n\nJo Hale\nHis "
              "Majesty's Inspector\n")
    story = ("Rutland children's services rated good - but children in care 'require improvement'\n\n"
             "Saturday 14 January 2023\n\nThe experiences of children in care were judged to require improvement. "
             "Inspectors found some children in care waited too long for permanence, and areas for improvement "
             "included life story work.\n")
    docs = {"letter.txt": (letter, {"doc_type": "ofsted_letter", "local_authorities": ["Rutland"]}),
            "story.txt": (story, {"doc_type": "news_article", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    answer = bm25_assistant_for(tmp_path, docs).ask("rutland fv cic areas for improvement")
    shown = [h.document.doc_id for h in answer.hits]
    assert shown[0] == "letter" and ("story" not in shown or shown.index("story") > shown.index("letter"))


def test_the_reviews_counter_cases_keep_their_reading():
    from qa.retrieval.question import parse
    from qa.retrieval.rank import kinds_set_aside

    # a place wanted before a closing set-aside stays wanted
    assert parse("how many care leavers are in B&B? Rutland only - not Leicestershire or Leicester"
                 ).authorities == ["Rutland"]
    # a paper's month does not outrank the visit's
    assert parse("What did the March cabinet paper say about the January monitoring visit in Rutland?").month == 1
    # a bare "council" that is no source
    assert not kinds_set_aside("How many Rutland children in care are in private children's homes, not council ones?")
    # a visit's number before a bare month stays its number; a full date's day is none
    assert parse("Rutland mv2 march - drift?").visit_number == 2
    assert parse("rutland mv5 sept findings").visit_number == 5
    assert parse("Rutland MV 14 Jan 2022 letter").visit_number is None
    assert parse("Rutland MV 12-13 March 2024 letter").visit_number is None
    # another paper's date, or an earlier inspection asked, leaves the span asked
    assert parse("What had Ofsted found in Rutland up to 2022, before the improvement plan was published in June "
                 "2023?").date_to == date(2022, 12, 31)
    assert parse("Rutland ILACS report March 2023 - what did the previous inspection before 2020 find about care "
                 "leavers?").date_to == date(2019, 12, 31)
    # two committees named as alternatives are no names a page must hold; a council committee's own report is the
    # council's
    assert not [n for n in parse("Has the Commons Education Committee or the Lords Public Services Committee reported "
                                 "on children's homes?").names if n.endswith("Committee")]
    assert parse("Rutland scrutiny cttee Nov 2023 - what did the committee's own report say about caseloads?"
                 ).source == "council"


def test_the_reviews_counter_cases_in_pages_and_passages():
    from conftest import metadata_of
    from qa.documents.mentions import this_year_event_months
    from qa.retrieval.assistant import grades_others_only, role_named_first
    from qa.retrieval.question import parse

    assert not grades_others_only("Our children's services were judged good overall in 2025, the same grade as "
                                  "neighbouring Leicestershire.", ["Rutland"], range(2024, 2027),
                                  "What grade did Rutland get at its 2025 ILACS?")
    assert not this_year_event_months("The Ofsted monitoring visit in January last year found drift, and this year "
                                      "the council has hired 20 social workers.")
    assert this_year_event_months("Following a visit in January and February this year inspectors found progress.") \
        == {1, 2}
    release = ("Rutland council news\nPublished 3 March 2024\nCllr Ann Lee said: 'We will build on the progress made "
               "following the fourth monitoring visit.'\nOfsted published the letter today.")
    assert metadata_of(release)["visit_number"] == 4
    strategy = ("Stable homes strategy\nMarch 2025\nThis strategy sets out how Rutland will support children in care.\n"
                "Department for Education, Stable Homes, Built on Love. Published 2 February 2023.")
    assert metadata_of(strategy)["date"] == "2025-03-01"
    title = ("East Midlands regional benchmarking report\nThis report compares Rutland and Leicestershire children's "
             "services.\nRutland County Council had 52 children in care.\nLeicestershire County Council had 600.")
    assert metadata_of(title)["local_authorities"] == ["Rutland", "Leicestershire"]

    def hit(text):
        return SimpleNamespace(document=SimpleNamespace(doc_id="minutes"), passage=SimpleNamespace(text=text))

    items = [hit(f"Item {n}. The Board noted the letter.") for n in range(6)]
    apologies = hit("Apologies were received from Councillor Ann Lee, Chair of the Children and Young People "
                    "Scrutiny Committee.")
    query = parse("who chaired the rutland improvement board mtg that discussed the 4th MV letter?")
    assert role_named_first(query, [*items, apologies])[0] is items[0]
