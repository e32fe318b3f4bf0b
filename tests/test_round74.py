"""Round 74: trust beyond the seeds (issue 10)."""
from __future__ import annotations


def test_a_visit_the_question_counts_from_is_no_month_it_asks_about():
    from qa.retrieval.question import parse

    query = parse("Since the January monitoring visit, what has Wyvern told its scrutiny committee it is doing about "
                  "housing for care leavers? The May 2024 committee report.")
    assert query.month is None and not query.month_dates_visit
    assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2024-05-01", "2024-05-31")
    # (the visit asked about still names its month)
    assert parse("What did the January monitoring visit find about care leavers?").month == 1
    assert parse("What did the March 2024 monitoring visit find about care leavers?").month_dates_visit


def test_a_terse_fragment_naming_a_number_or_a_figure_asks_for_a_count():
    from qa.retrieval.answer_type import answer_type
    from qa.retrieval.question import parse

    assert parse("wyvern - number of CLA at the time of the 2023 RI inspection?").answer_type == "count"
    assert parse("Wyvern's average SW caseload in the 2023 DfE workforce stats - had it dropped below 17 by "
                 "then?").answer_type == "count"
    assert answer_type("Did inspectors raise a number of concerns about the front door?") is None
    assert parse("wyvern front door - were referrals handled on time?").answer_type is None


def test_figures_dated_to_earlier_years_are_not_the_asked_years():
    from qa.retrieval.assistant import figures_dated_before

    assert figures_dated_before("Average caseloads fell from 19.5 to 17 between 2017 and 2020, figures show.", 2023)
    assert not figures_dated_before("Average caseloads fell from 19.5 in 2019 to 17 now.", 2023)
    assert not figures_dated_before("Average caseloads were 17 in 2023.", 2023)
    assert not figures_dated_before("Caseloads were discussed at the 2021 inspection.", 2023)  # (no figure)


def test_an_undated_storys_figure_of_earlier_years_answers_no_later_years_figure(tmp_path):
    from conftest import bm25_assistant_for

    story = ("Wyvern improves to good after hiring more social workers\n\nAt its latest inspection, carried out in "
             "late 2021, the inspectorate said workloads in Wyvern had reduced.\n\nThe council's social workers rose "
             "from 345 to 368 between 2017 and 2020, during which time average caseloads fell from 19.5 to 17.\n")
    assistant = bm25_assistant_for(tmp_path, {"story.txt": (story, {"doc_type": "news_article",
                                                                    "local_authorities": ["Wyvern"]})})
    answer = assistant.ask("Wyvern's average caseload in the 2023 workforce figures - had it dropped below 17?")
    assert answer.abstained
    # (the years it gives are asked: it answers)
    answer = assistant.ask("Wyvern's average caseload between 2017 and 2020 - did it drop below 17?")
    assert not answer.abstained and "19.5" in answer.hits[0].passage.text


def test_places_named_only_to_be_set_aside_are_not_asked_and_their_pages_weigh_less():
    from qa.datatypes import Document
    from qa.retrieval import rank
    from qa.retrieval.question import parse

    question = ("Which councils had DfE commissioners in by December 2015? Not Medway's or Northants' commissioners, "
                "they came later.")
    query = parse(question)
    assert query.authorities == []
    assert rank.places_set_aside(question) == {"medway", "northamptonshire"}
    medway = Document(doc_id="m", title="Medway", text="Medway's commissioner.", path="m.txt",
                      doc_type="news_article", local_authorities=["Medway"])
    national = Document(doc_id="n", title="Commissioners", text="Commissioners were sent in.", path="n.txt",
                        doc_type="other")
    assert rank.set_aside_weight(medway, query) == rank.SET_ASIDE_PLACE_PENALTY
    assert rank.set_aside_weight(national, query) == 1.0
    # (a place asked beside one set aside is still asked)
    assert parse("What did Ofsted find in Kent in 2019, not Medway?").authorities == ["Kent"]


def test_a_financial_year_asked_prefers_the_passage_on_that_year():
    from qa.retrieval import rank

    assert rank.financial_years("spend in 2023/24 against 2022-23 and financial year 2024 to 2025") \
        == {2022, 2023, 2024}
    assert rank.financial_years("the meeting on 1/3/24, pages 12-19", short=True) == frozenset()
    # (not a day range, an age range or a span of years)
    assert rank.financial_years("visit on 23 to 24 January 2024, aged 16-17, from 2022 to 2023") == frozenset()
    assert rank.financial_years("How many 16-17 year olds?", short=True) == frozenset()
    asked = rank.financial_years("wyvern agency sw spend 23/24?", short=True)
    assert asked == {2023}
    assert rank.financial_year_weight("The forecast for 2023/24 is £9.8m.", asked) == rank.FINANCIAL_YEAR_BOOST
    assert rank.financial_year_weight("Spend in 2022/23 was £8.1m.", asked) == rank.OTHER_FINANCIAL_YEAR_PENALTY
    assert rank.financial_year_weight("Spend has risen.", asked) == 1.0


def test_a_count_asked_second_is_not_needed_to_answer_the_first_part(tmp_path):
    from conftest import bm25_assistant_for
    from qa.retrieval.question import count_asked_second

    assert count_asked_second("Were thresholds being applied properly by then? and how many cases did HMI sample?")
    assert count_asked_second("wyvern ilacs - anything positive re staff support? + how many cases sampled")
    assert not count_asked_second("How many children were in care, and how many were placed out of area?")
    assert not count_asked_second("How many cases did HMI sample at the visit?")
    letter = ("Monitoring visit to Wyvern children's services\n\nInspectors found that thresholds for intervening "
              "are now being appropriately applied, which was not routinely happening at the inspection. Managers "
              "review thresholds for intervening with social workers each week.\n")
    assistant = bm25_assistant_for(tmp_path, {"letter.txt": (letter, {
        "doc_type": "ofsted_letter", "local_authorities": ["Wyvern"], "date": "2024-01-20"})})
    answer = assistant.ask("Wyvern monitoring visit: were thresholds for intervening being appropriately applied? "
                           "and how many cases did inspectors sample?")
    assert not answer.abstained and "appropriately applied" in answer.hits[0].passage.text
    assert assistant.ask("How many cases did inspectors sample at Wyvern's monitoring visit on thresholds for "
                         "intervening?").abstained


def test_a_closing_set_aside_of_a_kind_of_source_is_kept():
    from qa.retrieval import rank
    from qa.retrieval.question import parse

    query = parse("Did the commissioner recommend taking Wyvern's children's services away from the council? I want "
                  "what his report says, not the trade press version.")
    assert rank.kinds_set_aside(query.text) == {"news_article"}
    assert "trade press" not in query.search_text


def test_when_a_place_was_found_inadequate_asks_the_judgements_date():
    from qa.retrieval.answer_type import asked_event

    assert asked_event("In which year was Wyvern found inadequate for child protection?") == "judged"
    assert asked_event("In which year did inspectors find much good practice?") is None


def test_the_letter_read_by_its_addressee_is_a_source_not_words_to_search():
    from qa.retrieval.question import parse

    query = parse("Going by Ofsted's AEM letter to Jo Bloggs: in which year was Wyvern judged inadequate?")
    assert "Bloggs" not in query.search_text and "judged inadequate" in query.search_text
    assert query.source == "ofsted"


def test_what_was_already_done_in_the_year_before_the_event_asks_the_events_year():
    from qa.retrieval.question import parse

    query = parse("dudley 2016 inadequate - what had the new leadership already done in 2015? ext review?")
    assert (query.date_from.year, query.date_to.year) == (2016, 2016)
    query = parse("What did Dudley's leaders do in 2015?")
    assert query.date_from.year == 2015


def test_a_figure_in_words_beside_an_earlier_years_figure_is_still_a_figure_of_its_own():
    from qa.retrieval.assistant import YEARS_ASKED_RE, figures_dated_before

    assert not figures_dated_before("It is graded as still requiring improvement in four key areas. In November "
                                    "2016 it received a damning 38-page report.", 2019)
    assert YEARS_ASKED_RE.search("over what years did the abuse take place, and roughly how many children?")


def test_a_place_whose_round_dates_the_asked_one_is_not_asked():
    from qa.retrieval.question import parse

    assert parse("Newcastle went from RI to good in the same round as Warwickshire - what did the Newcastle report "
                 "say about caseloads?").authorities == ["Newcastle upon Tyne"]
    assert sorted(parse("Did Newcastle and Warwickshire both go to good?").authorities) == \
        ["Newcastle upon Tyne", "Warwickshire"]


def test_a_dated_source_set_aside_at_the_close_sets_aside_its_year_not_its_kind():
    from qa.retrieval import rank
    from qa.retrieval.question import parse

    query = parse("By the 2018 re-inspection had Wyvern's workforce settled down? 2018 only, not the 2015 coverage.")
    assert "news_article" not in rank.kinds_set_aside(query.text)


def test_a_grade_of_another_kind_of_setting_is_no_grade_of_the_one_asked(tmp_path):
    from conftest import bm25_assistant_for
    from qa.retrieval.answer_type import grades_other_setting_only

    question = "what grade did ofsted give the new wyvern family hub"
    beside = ("The building shares a site with Ashmere Nursery School, which Ofsted rated good in June 2023, and "
              "parents will be able to use the hub's services on the same visit.")
    assert grades_other_setting_only(beside, "New family hub opens", question)
    assert not grades_other_setting_only("The family hub was rated good by Ofsted.", "", question)
    # (a council's grades answer a council's grade asked; a provider's page grades the setting it opens on)
    assert not grades_other_setting_only("Overall effectiveness: good.", "", "what grade did Wyvern get?")
    assert not grades_other_setting_only("Overall effectiveness: good.", "Ashmere children's home: inspection",
                                         "what grade did ofsted give the ashmere children's home?")
    page = ("New family hub opens in Wyvern\n\nWyvern's newest family hub opens on Monday, bringing help for "
            "families with children aged 0 to 19 under one roof.\n\n" + beside + "\n")
    assistant = bm25_assistant_for(tmp_path, {"hub.txt": (page, {"doc_type": "council_page",
                                                                 "local_authorities": ["Wyvern"],
                                                                 "date": "2024-09-06"})})
    assert assistant.ask(question).abstained
    rated = page.replace(beside, "The Wyvern family hub was rated good by Ofsted in June 2023.")
    assistant = bm25_assistant_for(tmp_path / "rated", {"hub.txt": (rated, {"doc_type": "council_page",
                                                                            "local_authorities": ["Wyvern"],
                                                                            "date": "2024-09-06"})})
    assert not assistant.ask(question).abstained


def test_a_later_report_from_a_year_set_aside_is_no_recall_of_the_asked_one(tmp_path):
    from conftest import bm25_assistant_for

    report = ("Wyvern: inspection of local authority children's services\n\nInspection dates: 4 to 15 March 2024\n\n"
              "The experiences and progress of care leavers: requires improvement to be good. Services for care "
              "leavers in Wyvern are not as strong as they were at the last inspection in January 2020, when they "
              "were judged to be good.\n")
    assistant = bm25_assistant_for(tmp_path, {"report.txt": (report, {
        "doc_type": "ofsted_report", "local_authorities": ["Wyvern"], "date": "2024-04-26"})})
    assert assistant.ask("What did the January 2020 ILACS say about Wyvern's care leavers? I don't mean the 2024 "
                         "inspection.").abstained
    answer = assistant.ask("What did the January 2020 ILACS say about Wyvern's care leavers?")
    assert not answer.abstained and answer.hits[0].unconfirmed == ["later"]


def _after_rutlands_focused_visit(tmp_path, finding: str, name: str, text: str, doc_type: str, day: str):
    """An assistant over Rutland's focused visit letter (published 11 February 2025) saying `finding`, and one page
    after it."""
    from conftest import bm25_assistant_for

    letter = ("Focused visit to Rutland children's services\n\nDear Jo\n\nThis letter summarises the findings of the "
              f"focused visit on 14 and 15 January 2025. {finding}\n")
    return bm25_assistant_for(tmp_path, {
        "letter.txt": (letter, {"doc_type": "ofsted_letter", "local_authorities": ["Rutland"], "date": "2025-02-11"}),
        name: (text, {"doc_type": doc_type, "local_authorities": ["Rutland"], "date": day})})


def test_since_the_visit_named_by_kind_alone_asks_what_came_after_the_places_latest_letter(tmp_path):
    paper = ("Rutland Council scrutiny committee, 13 March 2025\n\nPerformance since the focused visit: health "
             "partners attended 88 per cent of strategy discussions in February 2025.\n")
    assistant = _after_rutlands_focused_visit(tmp_path, "Health partners attended around two thirds of the strategy "
                                              "discussions that inspectors sampled.", "paper.txt", paper,
                                              "council_page", "2025-03-13")
    answer = assistant.ask("Rutland strategy discussions - are health attending now, since the FV?")
    assert answer.filters["date_from"] == "2025-02-25"
    assert "since the focused visit (February 2025)" in answer.filters_description
    assert not answer.abstained and "88 per cent" in answer.hits[0].passage.text
    # (what the inspectors asked is in the visit's own letter; a place with no such letter is not narrowed)
    assert "date_from" not in assistant.ask("What did Ofsted ask Rutland to improve after its focused visit?").filters
    assert "date_from" not in assistant.ask("Rutland strategy discussions - are health attending now, since the "
                                            "MV?").filters


def test_a_terse_avg_figure_asks_a_count_and_avg_is_searched_as_average():
    from qa.retrieval.question import parse
    from qa.retrieval.synonyms import with_synonyms

    assert parse("torbay avg caseload latest? not the ilacs figure").answer_type == "count"
    assert parse("is the average caseload in torbay too high?").answer_type is None
    assert "average" in with_synonyms("torbay avg caseload latest")


def test_a_terse_grade_beside_its_year_is_the_grade_asked():
    from qa.retrieval.grades import asked_grades
    from qa.retrieval.question import parse

    assert asked_grades(parse("bromley 2019 good judgement - what % of CLA moved placement 3+ times that year?")) \
        == {"good"}
    assert asked_grades(parse("what did inspectors say in 2019 about good practice in Bromley?")) == frozenset()


def test_review_a_count_asked_second_keeps_every_other_check():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.assistant import states_asked_fact
    from qa.retrieval.question import count_asked_second, parse

    text = "Kent's director said the council would study the inspectors' report and respond to its recommendations."
    doc = Document(doc_id="d", path="d.txt", text=text, doc_type="news_article", local_authorities=["Kent"])
    hit = Hit(passage=Passage(passage_id="d#1", doc_id="d", text=text, start=0, end=len(text)), document=doc,
              score=1.0)
    assert not states_asked_fact(parse("What grade did Kent get at its 2019 ILACS, and how many recommendations "
                                       "were made?"), [hit])
    assert not count_asked_second("What was Kent's average caseload in 2023, and how many agency workers did it use?")


def test_review_found_is_a_judgement_only_before_a_grade_and_a_passage_saying_found_to_be_gives_it():
    from qa.retrieval.answer_type import asked_event, dates_event, gives_grade

    assert asked_event("When was the monitoring visit where inspectors found good progress in Kent?") is None
    assert asked_event("When was Bromley found to be inadequate?") == "judged"
    passage = "Bromley's children's services were found to be inadequate in June 2016 after an inspection."
    assert gives_grade("inadequate", passage) and dates_event("judged", passage)


def test_review_the_setting_asked_is_the_one_the_grade_is_asked_of():
    from qa.retrieval.answer_type import grades_other_setting_only

    council = "Overall effectiveness: Good. The experiences and progress of children in care: Good."
    assert not grades_other_setting_only(council, "", "What grade did Kent get at its 2022 ILACS, and what did "
                                                      "inspectors say about the nursery school?")
    assert not grades_other_setting_only("Kent County Council's children's services were rated good by Ofsted.", "",
                                         "What rating did Kent's children's services get after the school "
                                         "exclusions row?")
    assert not grades_other_setting_only("All four of the council's homes are rated good or outstanding.", "",
                                         "What grade did Ofsted give the council's children's homes in 2023?")


def test_review_a_figure_beside_its_baseline_year_is_of_the_time_of_writing():
    from qa.retrieval.assistant import figures_dated_before

    for text in ("There are 1,900 children in care in Kent, up from 1,600 in 2022.",
                 "The number of children in care has risen by 300 since 2022, to 1,900.",
                 "Kent has 1,900 children in care, compared with 1,600 in 2022."):
        assert not figures_dated_before(text, 2023)


def test_review_after_the_visit_asking_of_the_visit_itself_is_not_narrowed(tmp_path):
    report = ("Rutland: inspection of local authority children's services\n\nThis inspection follows a focused visit "
              "in January 2025. Leaders have acted on the areas for improvement.\n")
    assistant = _after_rutlands_focused_visit(tmp_path, "Areas for improvement: recording why health partners miss "
                                              "strategy discussions.", "report.txt", report, "ofsted_report",
                                              "2026-01-12")
    assert "date_from" not in assistant.ask("What areas for improvement were identified for Rutland following the "
                                            "focused visit?").filters
    # (the report recalling the visit is not the visit's letter)
    since = assistant.ask("Has Rutland's front door improved since the FV?")
    assert since.filters["date_from"] == "2025-02-25"
    # (a follow-up does not inherit the window)
    assert "date_from" not in since.query.filters()


def test_review_places_set_aside_only_by_name_and_a_comparison_keeps_both_places():
    from qa.retrieval.question import parse

    assert sorted(parse("Not the Kent or Medway ILACS reports, the JTAI letters: what did they say about "
                        "CSE?").authorities) == ["Kent", "Medway"]
    query = parse("which councils had commissioners? Not Medway's commissioners, they came later")
    assert query.authorities == [] and "Medway" not in query.search_text
    assert sorted(parse("Was Kent rated good in the same round as Medway, and what did each report "
                        "say?").authorities) == ["Kent", "Medway"]
    assert parse("rotherham 2014 inadequate - was the new DCS already in post in 2015?").date_from.year == 2015


def test_review_a_label_before_its_own_question_asks_no_count_and_a_colon_opens_a_terse_count():
    from qa.retrieval.question import parse

    assert parse("Kent - numbers of children missing education, what did Ofsted say about tracking "
                 "them?").answer_type is None
    assert parse("wscc: number of CLA at the time of the 2023 RI inspection?").answer_type == "count"


def test_review_a_body_the_report_went_to_is_still_searched():
    from qa.retrieval.question import parse

    assert "Corporate Parenting Panel" in parse("Going by the report to Corporate Parenting Panel: how many care "
                                                "leavers are in education?").keyword_text


def test_review_the_figure_asked_decides_when_a_passage_gives_others_too():
    from qa.retrieval.assistant import figures_dated_before

    text = ("Caseloads fell from 19.5 to 17 between 2017 and 2020. It has gone further since 2020, recruiting 16 lead "
            "practitioner social workers last year.")
    assert not figures_dated_before(text, 2023)
    assert figures_dated_before(text, 2023, frozenset({"caseload"}))


def _load(tmp_path, name: str, text: str):
    from conftest import ingested

    (folder := tmp_path / name.split(".")[0]).mkdir()
    return ingested(folder, name, text)


def test_a_council_news_pages_section_and_month_date_it(tmp_path):
    page = ("[Skip to content](#content) · [Wyvern County Council](https://www.wyvern.example/) · News · Search\n\n"
            "# Ofsted recognises strong care for children in Wyvern\n\n"
            "Posted in: Children and families · April 2024\n\n"
            "Ofsted has judged Wyvern County Council's children's services as requires improvement to be good, "
            "following a full inspection of the service in March. The council's director said the report was fair.\n")
    assert (_load(tmp_path, "news.md", page).date or "")[:7] == "2024-04"
    # (a section and a month are no date where the line goes on: "Posted in: Children and families · April 2024
    # events" is a listing)
    listing = page.replace("· April 2024\n", "· April 2024 events and more\n")
    assert (_load(tmp_path, "listing.md", listing).date or "")[:7] != "2024-04"


def test_a_council_sites_menu_of_its_services_makes_its_news_page_the_councils(tmp_path):
    page = ("**Rutland County Council** | Bins and recycling | Council Tax | Parking | Children and families\n\n"
            "Home > News > Ofsted finds clearer direction for social workers in Rutland\n\n"
            "# Ofsted finds clearer direction for social workers in Rutland\n\n*News | April 2025*\n\n"
            "Ofsted's second monitoring visit to Rutland's children's services has found that managers are giving "
            "social workers clearer direction. Inspectors said children on child protection plans are seen regularly. "
            "The council's director said: \"We are pleased inspectors recognised the progress.\" The lead member "
            "said the work would go on.\n")
    assert _load(tmp_path, "council.md", page).doc_type == "council_page"
    # (a newspaper's menu names none of a council's services)
    paper = page.replace("**Rutland County Council** | Bins and recycling | Council Tax | Parking | Children and "
                         "families", "**Rutland Mercury** | News | Sport | Business | What's on")
    assert _load(tmp_path, "paper.md", paper).doc_type == "news_article"
