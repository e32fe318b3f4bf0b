"""Failure classes found by the fifteenth round's development sets (v39 questions, set37 invented files), on
invented fixtures."""
from pathlib import Path

from conftest import metadata_of
from qa.datatypes import Block


_meta = metadata_of  # (tests/conftest.py)


COUNCIL_NEWS_PAGE = """Skip to main content
Cookies on the Rutland County Council website
We use some essential cookies to make this website work.
Accept additional cookies
Reject additional cookies
Rutland County Council
Search
Menu
Ofsted letter praises work with children in care
Ofsted has published a letter after its focused visit to the council's children's services in May.
Inspectors found that children in care are visited often by social workers who know them well.
Councillor Jo Bell, Cabinet Member for Children, said: "I want to thank our foster carers."
Notes to editors
Latest news
Bin collections over the bank holiday
Was this page helpful?
Yes No Date: 04/07/2021
Accessibility statement
(c) Rutland County Council"""


def test_a_council_page_behind_its_cookie_banner_is_the_councils_dated_by_the_label_under_its_feedback_widget():
    meta = _meta(COUNCIL_NEWS_PAGE)
    assert meta["doc_type"] == "council_page"  # its masthead under the banner, its copyright line
    assert meta["date"] == "2021-07-04"  # "Yes No Date: 04/07/2021"
    assert meta["local_authorities"] == ["Rutland"]
    # a date label after other words is no publication line: "Inspection date: ..." dates the visit
    assert _meta(COUNCIL_NEWS_PAGE.replace("Yes No Date: 04/07/2021", "Inspection date: 4 July 2021"))["date"] is None


def test_a_paper_naming_its_council_only_in_its_running_header_is_about_that_council():
    body = ("Children's Services Improvement: Outcome of Ofsted Monitoring Visit 4\n"
            "Report of: Corporate Director, Children and Young People\n"
            "Portfolio holder: Councillor Jo Bell, Cabinet Member for Children\n"
            "1. Purpose of report\n"
            "1.1 To inform Cabinet of the findings of the fourth Ofsted monitoring visit, which took place in "
            "September 2023 and looked at services for care leavers.")
    meta = _meta(body, {"page_furniture": "Rutland County Council | Cabinet | 16 January 2024 | Agenda item 9\n"
                                          "OFFICIAL | Page"}, "paper.docx")
    assert meta["local_authorities"] == ["Rutland"]
    assert meta["doc_type"] == "council_page"
    assert meta["date"] == "2024-01-16"
    # a running header naming no council lends none
    assert _meta(body, {"page_furniture": "Cabinet | 16 January 2024 | Agenda item 9"}, "paper.docx")[
        "local_authorities"] is None


LOCAL_PAPER = """Skip to main content
Halton Evening Echo
Menu
News
Monday, 06 November, 2023
Care leavers still waiting too long for a settled home, inspectors warn
By Jo Keighley
Young people leaving the council's care are still placed in bed and breakfast rooms, according to inspectors.
A spokesperson for the council said the figure has since fallen.
Read more
Most read"""


def test_a_local_papers_story_about_the_council_it_never_names_is_about_its_patchs_council():
    meta = _meta(LOCAL_PAPER)
    assert meta["doc_type"] == "news_article"
    assert meta["local_authorities"] == ["Halton"]  # the masthead under the skip link names the patch
    assert meta["date"] == "2023-11-06"
    # a story that never speaks of "the council" is not given the paper's patch
    assert _meta(LOCAL_PAPER.replace("the council's care", "care").replace("for the council", "for the charity"))[
        "local_authorities"] is None


def test_a_mastheads_places_are_read_from_its_name():
    from qa.documents.gazetteer import places_in_masthead

    assert places_in_masthead("Halton Evening Echo") == {"Halton"}
    assert places_in_masthead("Devon & Torbay Today") == {"Devon", "Torbay"}
    assert places_in_masthead("The Northern Echo") == set()


def test_finding_and_keeping_staff_is_searched_as_recruitment_and_retention_and_blame_as_responsibility(tmp_path):
    from conftest import bm25_assistant_for
    from test_round14 import halton_updates

    from qa.answers.contract import answer_to_dict
    from qa.retrieval.synonyms import with_synonyms

    docs = {
        "letter.txt": ("Rutland monitoring visit\n\nLeaders acknowledge long-standing problems with the recruitment "
                       "and retention of social workers in Rutland.",
                       {"doc_type": "ofsted_letter", "date": "2023-03-01", "local_authorities": ["Rutland"],
                        "title": "Rutland monitoring visit"}),
        "story.txt": ("Rutland foster carers\n\nRutland is finding it hard to keep foster carers, and finding "
                      "homes for teenagers in Rutland is harder still.",
                      {"doc_type": "news_article", "date": "2023-03-05", "local_authorities": ["Rutland"],
                       "title": "Rutland foster carers"}),
        **halton_updates(6),
    }
    a = bm25_assistant_for(tmp_path, docs)
    data = answer_to_dict(a.ask("Does Rutland have trouble finding and keeping social workers?"))
    assert data["passages"][0]["doc_id"] == "letter"
    assert "responsibility" in with_synonyms("Who is to blame for the failures?")
    assert "retention" not in with_synonyms("Is the council keeping children safe?")
    assert "responded" in with_synonyms("rutland mayor reaction to the letter")


def test_a_running_footer_padded_to_its_page_number_is_one_line_and_a_reports_running_header_titles_it():
    from qa.documents.clean import split_running_lines
    from qa.documents.metadata import infer_title

    pages = ["Rutland County Council\n\nInspection dates: 9 to 20 January 2023\n\nChildren are safe.\n"
             "Rutland County Council: inspection of children's social care services, 9 to 20 January 2023        1",
             "Ofsted   |   Rutland County Council: inspection of children's social care services\n\nPlans are clear.\n"
             "Rutland County Council: inspection of children's social care services, 9 to 20 January 2023            2"]
    kept, running = split_running_lines(pages)
    assert not any("9 to 20 January 2023   " in p for p in kept)  # (layout text pads by the number's width)
    assert "Inspection dates: 9 to 20 January 2023" in kept[0]
    assert len(running) == 1
    title, _ = infer_title([Block("para", "Rutland County Council    What is the quality of services?")],
                           {"page_furniture": "Ofsted   |   Rutland County Council: inspection of children's social "
                                              "care services"}, Path("r.pdf"))
    assert title == "Rutland County Council: inspection of children's social care services"


def test_who_was_the_dcs_asks_for_a_director_and_a_councillor_named_is_no_answer(tmp_path):
    from conftest import bm25_assistant_for
    from test_round14 import halton_updates

    from qa.answers.contract import answer_to_dict
    from qa.retrieval.answer_type import asked_role

    assert asked_role("Who was Rutland's DCS in 2015?") == "director"
    assert asked_role("Who was the HMI on the visit?") == "inspector"
    story = ("Rutland children's services remain inadequate\n\nChildren's services in Rutland remain inadequate, "
             "Ofsted said. Jo Bell, the Rutland councillor overseeing children's services, resigned.")
    docs = {"story.txt": (story, {"doc_type": "news_article", "date": "2015-03-01", "local_authorities": ["Rutland"],
                                  "title": "Rutland remains inadequate"}), **halton_updates(6)}
    data = answer_to_dict(bm25_assistant_for(tmp_path / "a", docs).ask("Who was Rutland's DCS when services were "
                                                                       "found inadequate in 2015?"))
    assert data["abstained"]
    named = story.replace("Jo Bell, the Rutland councillor overseeing children's services, resigned.",
                          "Sam Lee, Rutland's director of children's services, resigned.")
    docs["story.txt"] = (named, docs["story.txt"][1])
    data = answer_to_dict(bm25_assistant_for(tmp_path / "b", docs).ask("Who was Rutland's DCS when services were "
                                                                       "found inadequate in 2015?"))
    assert not data["abstained"] and data["passages"][0]["doc_id"] == "story"


def test_coverage_is_read_on_the_closest_few_passages_not_only_the_first(tmp_path, monkeypatch):
    from conftest import bm25_assistant_for

    from qa.answers.contract import answer_to_dict
    from qa.retrieval import retriever

    # the rare word "mayor" puts the first passage first; the second holds more of what is asked, in words
    # common across the corpus
    docs = {
        "page.txt": ("Rutland news\n\nThe mayor spoke at length about the town's summer festival and the new "
                     "market stalls opening in the square this year.\n\nA care letter to every family arrived "
                     "this week from the town's offices about the summer holidays and clubs.",
                     {"doc_type": "council_page", "date": "2019-04-02", "local_authorities": ["Rutland"],
                      "title": "Rutland news"}),
        **{f"note{n}.txt": (f"Halton note {n}\n\nThe care letter number {n} was sent to families in Halton.",
                            {"doc_type": "council_page", "date": f"201{n}-02-01", "local_authorities": ["Halton"],
                             "title": f"Note {n}"}) for n in range(8)},
    }
    question = "rutland mayor care letter number sent families"
    a = bm25_assistant_for(tmp_path / "a", docs, max_words=20, min_words=3)
    data = answer_to_dict(a.ask(question))
    assert not data["abstained"]
    monkeypatch.setattr(retriever, "COVERAGE_DEPTH", 1)
    assert answer_to_dict(a.ask(question))["abstained"]


def test_a_years_report_close_only_in_meaning_lets_an_undated_story_sharing_the_words_answer(tmp_path, monkeypatch):
    from conftest import write_corpus
    from test_round14 import halton_updates

    from qa.answers.contract import answer_to_dict
    from qa.config import load_settings
    from qa.retrieval import assistant as assistant_mod

    docs = {
        "report.txt": ("London Borough of Rutland\n\nInspection of services for children in need of help and "
                       "protection, children looked after and care leavers\n\nReport published: 12 May 2015\n\n"
                       "Children's services in Rutland are inadequate.",
                       {"doc_type": "ofsted_report", "date": "2015-05-12", "local_authorities": ["Rutland"],
                        "title": "Inspection of Rutland"}),
        "story.txt": ("Damning judgement of Rutland's children's services\n\nInspectors said weak management "
                      "oversight has led to poor practice not being challenged. Services were judged adequate in "
                      "2012.",
                      {"doc_type": "news_article", "local_authorities": ["Rutland"], "title": "Damning judgement"}),
        **halton_updates(6),
    }
    a = assistant_mod.Assistant(load_settings(index_dir=tmp_path / "index",
                                              corpus_dir=write_corpus(tmp_path / "corpus", docs)))
    question = "rutland 2015 mgmt oversight poor practice"
    data = answer_to_dict(a.ask(question))
    assert "story" in [p["doc_id"] for p in data["passages"]]
    story = next(p for p in data["passages"] if p["doc_id"] == "story")
    assert story["unconfirmed"] == ["date"]  # shown apart, labelled
    monkeypatch.setattr(assistant_mod, "shares_no_word", lambda *args: False)
    monkeypatch.setattr(assistant_mod, "covering_apart", lambda *args: [])  # (the round-21 rule admits it too)
    assert "story" not in [p["doc_id"] for p in answer_to_dict(a.ask(question))["passages"]]


def test_a_providers_childrens_home_page_behind_its_cookie_banner_is_no_council_page():
    page = ("Skip to main content\nThis website uses cookies. Some are essential.\nAccept all cookies\n"
            "Oakfield Care\nHome\nAbout us Our homes Fostering Careers News\nContact us\n"
            "Our homes > Willow House, Rutland\nWillow House: our latest Ofsted inspection\nWillow House\n"
            "Willow House is a three-bedroom children's home in Rutland for young people aged 11 to 17.\n"
            "Inspection date: 19 September 2023\nOverall experiences and progress of children: good\n"
            "Our registered manager has introduced a new debrief form that our staff complete with every child, "
            "and we have met with the placing authorities. We are proud of our staff and our homes.")
    assert _meta(page)["doc_type"] == "other"


def test_a_papers_title_naming_the_visit_and_its_days_dates_the_visit():
    from qa.documents.metadata import infer_period

    paper = ("| Date of meeting | Thursday 21 March 2024 |\n"
             "| Report title | Ofsted focused visit to the front door, 6 and 7 February 2024 |\n"
             "1.1 To update members on the focused visit.")
    assert infer_period(paper)[0] == ("2024-02-06", "2024-02-07")
    # (what it looked at may run past the forty characters before the dates)
    assert infer_period("| Report title | Ofsted monitoring visit to care leavers services, 6 and 7 February 2024 |"
                        )[0] == ("2024-02-06", "2024-02-07")


def test_covid_named_in_a_question_is_mentioned_by_a_page_on_the_pandemic(tmp_path):
    from conftest import bm25_assistant_for
    from test_round14 import halton_updates

    from qa.answers.contract import answer_to_dict

    docs = {"story.txt": ("Rutland rated good\n\nRutland's children's services were rated good. The inspectors said "
                          "the director and his staff had managed well through the pandemic.",
                          {"doc_type": "news_article", "date": "2022-09-21", "local_authorities": ["Rutland"],
                           "title": "Rutland rated good"}), **halton_updates(6)}
    a = bm25_assistant_for(tmp_path, docs)
    data = answer_to_dict(a.ask("When Rutland was rated good in 2022, how did the director manage during Covid?"))
    assert not data["abstained"] and data["passages"][0]["doc_id"] == "story"
    refused = answer_to_dict(a.ask("When Rutland was rated good in 2022, how did the director manage during Brexit?"))
    assert refused["abstained"] and "Brexit" in refused["message"]


def test_since_or_between_an_event_in_a_year_asks_from_that_year_on():
    from qa.retrieval.question import parse

    for text in ("How many monitoring visits did Rutland have between being rated inadequate in 2017 and its full "
                 "inspection?", "How many monitoring visits did Rutland have since it was rated inadequate in 2017?"):
        q = parse(text)
        assert (str(q.date_from), q.date_to) == ("2017-01-01", None), text
    q = parse("What did Ofsted find after it visited in March 2019?")  # the visit's month, as before
    assert (str(q.date_from), str(q.date_to)) == ("2019-03-01", "2019-03-31")


def test_a_statistics_span_of_months_to_a_month_asks_from_its_start_on():
    from qa.retrieval.question import parse

    q = parse("rutland front door contacts 12 months to january 2024 how many")
    assert (str(q.date_from), q.date_to) == ("2023-02-01", None)  # reported after the span ends
    assert "contacts" in q.search_text and "2024" not in q.search_text
    q = parse("How many contacts were there in the twelve months to March 2023?")
    assert str(q.date_from) == "2022-04-01"


def test_a_council_said_to_have_been_replaced_is_a_predecessor_not_a_subject():
    body = ("Cumberland Council\nInspection of children's social care services\n"
            "Inspection dates: 10 June to 21 June 2024\nLead inspector: Jo Bell, His Majesty's Inspector\n"
            "Judgement Grade\nThe impact of leaders on social work practice with children and families Good\n"
            "The experiences and progress of children who need help and protection Good\n"
            "The experiences and progress of children in care Requires improvement to be good\n"
            "Date of publication: 2 August 2024\n"
            "Cumberland Council was created in April 2023, when Cumbria County Council was replaced by two new "
            "unitary councils. This is the first inspection of children's services since then.\n"
            "Children in need of help receive a timely response from the front door.")
    assert _meta(body, {}, "report.pdf")["local_authorities"] == ["Cumberland"]
    # (a council said to run a service is a subject; the predecessor named after its successor is history whatever
    # the sentence says since round 79: it was abolished, so only a neighbour still runs one)
    ran = body.replace("when Cumbria County Council was replaced by two new unitary councils",
                       "and Lancashire County Council still runs its fostering service")
    assert _meta(ran, {}, "report.pdf")["local_authorities"] == ["Cumberland", "Lancashire"]


def test_a_trails_topic_leaves_out_how_far_a_kind_of_visit_and_a_season():
    from qa.retrieval.timeline import topic_of

    assert topic_of("Rutland's 2019 full inspection - how far had things really moved on since the focused visit "
                    "the autumn before?", ["Rutland"]) == ""
    assert topic_of("How far has supervision in Rutland improved since the spring 2018 focused visit?",
                    ["Rutland"]) == "supervision"


def test_visit_numbers_from_a_series_and_from_the_visit_the_third_since():
    from qa.documents.metadata import infer_visit_number

    assert infer_visit_number("Inspectors returned in October for the second of a series of monitoring visits.")[0] == 2
    assert infer_visit_number("Inspectors praised progress after their latest visit in March.\n"
                              "The visit, the third since the service was judged inadequate, looked at the MASH.")[0] == 3
    assert infer_visit_number("The visit, the first since the pandemic, was held in person.")[0] is None


def test_a_details_tables_inspection_date_on_its_own_line_and_no_members_visit_as_the_period():
    from qa.documents.metadata import infer_period

    assert infer_period("Type of inspection\nFull inspection\nInspection date\n22/06/2021\nProvision subtype\n"
                        "Children's home")[0] == ("2021-06-22", "2021-06-22")
    assert infer_period("Inspection date  22/06/2021")[0] == ("2021-06-22", "2021-06-22")
    assert infer_period("5. Members of the Select Committee visited the MASH on 3 July 2019 and asked for "
                        "more figures.")[0] is None


def test_review_fixes_a_stated_year_wins_over_a_since_clause_and_labels_of_other_visits_date_nothing():
    from qa.documents.gazetteer import places_in_masthead
    from qa.documents.metadata import _TOP_FURNITURE_RE, infer_period, infer_visit_number
    from qa.retrieval.answer_type import asked_role
    from qa.retrieval.question import parse

    q = parse("What did the monitoring visit in 2018 find after it was rated inadequate in 2017?")
    assert (str(q.date_from), str(q.date_to)) == ("2018-01-01", "2018-12-31")
    q = parse("What changed between the inspections in 2015 and 2018?")
    assert q.date_to is not None  # (no open range from 2015)
    assert parse("Why did Rutland wait 6 months until March 2023 to publish its plan?").date_from is None
    assert infer_period("Members are reminded that Ofsted inspectors visited the service on 3 and 4 July 2019.")[0] \
        == ("2019-07-03", "2019-07-04")
    assert infer_period("Previous inspection date: 12/01/2019")[0] is None
    assert infer_period("Next inspection date\n14 June 2025\nThe home was visited between 2 and 3 May 2023.")[0] \
        == ("2023-05-02", "2023-05-03")
    assert infer_visit_number("The visit, the second since lockdown, was held in person.")[0] is None
    assert not _TOP_FURNITURE_RE.match("Cookie Champions: Rutland children's home wins award")
    assert places_in_masthead("The Bolton News") == {"Bolton"}
    assert asked_role("Which HMI Probation report covered Rutland youth justice?") is None
    # a single "No" is no feedback widget: "No meeting on 4 July 2021." dates no page
    assert _meta("Rutland news\nFoster carers thanked at an event in the town hall this week.\n"
                 "No meeting on 4 July 2021.")["date"] is None
    # "The council" opening a local paper's story under its masthead
    assert _meta(LOCAL_PAPER.replace("Young people leaving the council's care", "The council's care leavers"))[
        "local_authorities"] == ["Halton"]
