"""Round 87: trust beyond the seeds (issue 10)."""
from __future__ import annotations


def test_a_later_event_placing_the_asked_one_is_no_date_asked():
    from qa.retrieval.question import parse

    query = parse("Rutland ILACS 2018 - the requires improvement one, before the march 2023 inadequate. what did "
                  "ofsted say about services for disabled children back then?")
    assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2018-01-01", "2018-12-31")
    # (with no earlier event just before it, or a span measured to it, the time before the event is asked)
    for text in ("what did rutland do before the march 2023 inspection?",
                 "Rutland ILACS 2018 RI - what happened in the year before the march 2023 inadequate?",
                 "what had Rutland done since 2018, before the march 2023 inspection?",
                 "Rutland RI in 2018 - what did they do before the march 2023 inspection?",
                 "rutland: how did things go from the 2018 ILACS up to before the march 2023 inadequate?"):
        query = parse(text)
        assert query.date_from is None and query.date_to.isoformat() == "2023-03-31", text


def test_a_place_likened_in_a_closing_remark_is_not_asked():
    from qa.retrieval.question import parse

    assert parse("Rutland jtai on neglect - what did the letter say? same ICB as leicestershire so prob similar"
                 ).authorities == ["Rutland"]
    # (a likeness asked is a question of both)
    for text in ("Luton 2022 ILACS: same grade as Bedford?", "Luton 2022 ILACS grade? same as Bedford's?",
                 "Luton 2022 ILACS grade? Same as Bedford or not",
                 "what did the 2022 ILACS say about Luton's front door? similar to what they said about Bedford?"):
        assert set(parse(text).authorities) == {"Luton", "Bedford"}, text


def test_where_the_person_asked_came_from_is_no_place_asked_after_the_posts_remit():
    from qa.retrieval.question import parse

    query = parse("rutland new AD of the Multi Agency Safeguarding Hub (the one from bedford) - start date?")
    assert query.authorities == ["Rutland"] and "Multi Agency Safeguarding Hub" in query.names
    # (a paper naming the person is no place they came from)
    assert set(parse("what did ofsted say about rutland's AD for social care (the one from the bedford jtai)?"
                     ).authorities) == {"Rutland", "Bedford"}


def test_a_terse_grade_closed_by_which_inspection_before_its_question_mark_asks_the_grade():
    from qa.retrieval.answer_type import asks_grade

    assert asks_grade("rutland ILACS grades - latest inspection? (rutland came up in the vacancies article)")
    assert asks_grade("rutland ilacs grades - latest one?")
    assert not asks_grade("rutland ilacs grades - what did the council say?")
    assert not asks_grade("rutland ilacs 2023 judgement - council leader reaction?")
    # (nor another fact closing it)
    assert not asks_grade("rutland ilacs 2023 judgement - lead inspector?")
    assert not asks_grade("rutland ilacs grades - key findings?")


def test_a_letters_sign_off_beside_another_councils_name_is_still_the_letters_own_when_asked_which_inspector():
    from qa.datatypes import Document
    from qa.retrieval.rank import about_another_of_its_places

    letter = Document("l", "letter.txt", "", doc_type="ofsted_letter", local_authorities=["Rutland", "Bedford"])
    closing = ("Under the shared arrangement with Bedford Borough Council, the emergency duty team covers both areas. "
               "Inspectors did not evaluate Bedford's services during this visit.\n\nYours sincerely\n\n"
               "Jo Marchbank-Hale\nHis Majesty's Inspector")
    assert not about_another_of_its_places(closing, letter, ["Rutland"], inspector_asked=True)
    # (asked anything else, the paragraph on the other council is still about it, signed or not)
    assert about_another_of_its_places(closing, letter, ["Rutland"])
    assert about_another_of_its_places(closing.split("\n")[0], letter, ["Rutland"], inspector_asked=True)


def _later_page_docs():
    from conftest import other_council_news

    page = ("Rutland County Council\n\nOfsted publishes inspection of Rutland children's services\n\n"
            "Posted on: 06/05/2025\n\nOfsted has today published its report following the inspection of Rutland "
            "County Council's children's services in March. The overall effectiveness of the council's children's "
            "services has been judged to require improvement to be good. At the last inspection, in 2022, the "
            "council's children's services were judged to be good overall. Inspectors found that: children in care "
            "live in stable homes and feel listened to.\n")
    story = ("Bedford News\n\nPublished 7 July 2026\n\nBedford's children's services have been rated outstanding by "
             "Ofsted, following an inspection in May. It is the first time the council has been rated outstanding. "
             "Services improved from good at the last inspection in 2019. The council welcomed the findings.\n")
    return {"page.txt": (page, {"doc_type": "council_page", "date": "2025-05-06", "local_authorities": ["Rutland"]}),
            "story.txt": (story, {"doc_type": "news_article", "date": "2026-07-07",
                                  "local_authorities": ["Bedford"]}),
            **other_council_news()}


def test_a_later_pages_grade_for_the_year_asked_is_no_finding_of_that_year(tmp_path):
    from conftest import bm25_assistant_for

    assistant = bm25_assistant_for(tmp_path, _later_page_docs())
    assert assistant.ask("rutland 2022 ilacs (when they were rated good) - what were the findings back then? not the "
                         "2025 one").abstained
    assert assistant.ask("bedford 2019 ilacs - what were the findings back then? not the 2026 outstanding one"
                         ).abstained


def test_a_possessive_typed_without_its_apostrophe_names_the_place():
    from qa.retrieval.question import parse

    assert parse("Who was Leicesters DCS when the 2015 SIF found them inadequate?").authorities == ["Leicester"]
    assert parse("what did the bromleys letter say about caseloads?").authorities == ["Bromley"]
    assert parse("surreys 2023 ilacs grade").authorities == ["Surrey"]
    # (not an everyday plural or a surname: "readings" of a plan, "HMI Stokes")
    assert parse("how many readings of the plan did the board hold?").authorities == []
    assert parse("What did HMI Stokes find at Kent's 2022 ILACS?").authorities == ["Kent"]
    assert parse("what did hmi stokes report on kent's front door?").authorities == ["Kent"]


def test_the_visits_letter_leads_a_story_on_it_when_asked_what_ofsted_actually_said():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.question import parse
    from qa.retrieval.rank import ofsted_telling_first

    def hit(doc_type: str, score: float) -> Hit:
        doc = Document(doc_type, f"{doc_type}.txt", "text", date="2025-06-17", doc_type=doc_type, visit_number=3,
                       local_authorities=["Rutland"])
        return Hit(passage=Passage(f"{doc_type}#1", doc_type, "text", 0, 4), document=doc, score=score)

    story, letter = hit("news_article", 0.79), hit("ofsted_letter", 0.72)
    query = parse("rutland MV3 - what did ofsted actualy say about strategy discussions? the letter pls")
    assert ofsted_telling_first([story, letter], query)[0] is letter


def test_the_councils_own_report_typed_without_an_apostrophe_and_what_it_is_trying_to_do_ask_the_council():
    from qa.retrieval.question import parse

    assert parse("rutland SW vacancy rate - figure from the councils own workforce report, not the trade press one"
                 ).source == "council"
    assert parse("How is Rutland trying to recruit and keep children's social workers?").source == "council"
    # (the council's own staff are not its words, nor is Ofsted trying anything the council says)
    assert parse("what did the council's own social workers tell inspectors?").source != "council"
    assert parse("how is ofsted trying to change its inspections?").source != "council"
    assert parse("How is Rutland going to be inspected under the new ILACS framework?").source != "council"
    assert parse("do councils own their children's homes in rutland?").source != "council"
    assert parse("what did the council's own staff report to inspectors about supervision?").source != "council"


def test_a_figures_month_is_no_month_its_paper_must_be_from():
    from qa.retrieval.question import parse

    query = parse("rutland SW vacancy rate march 2025 - figure from the councils own workforce report")
    assert query.date_from.isoformat() == "2025-03-01" and query.date_to is None
    # (a month naming an event, or no figure, is still that month)
    for text in ("caseloads in march 2025 monitoring visit", "what did the march 2025 letter say about caseloads?",
                 "what did ofsted say about caseloads in march 2025?"):
        query = parse(text)
        assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2025-03-01", "2025-03-31"), text


def test_a_later_pages_own_event_and_what_it_lends_its_recall():
    from qa.retrieval.assistant import OWN_EVENT_MONTH_RE, grade_only, lends_finding

    # the page's own event, by its month alone ("in March"): an inspection or a visit, not a paper or a surname
    assert OWN_EVENT_MONTH_RE.search("Ofsted has today published its report following the inspection in March.")
    assert not OWN_EVENT_MONTH_RE.search("This report updates Cabinet on the improvement plan agreed in March.")
    assert not OWN_EVENT_MONTH_RE.search("Councillor Sarah May presented the inspection report.")
    assert not OWN_EVENT_MONTH_RE.search("We are preparing for our next Ofsted inspection, which we expect in March.")
    # a grade given is all a sentence says; "good" as a word is no grade
    assert grade_only("Services improved from good at the last inspection in 2019.")
    assert not grade_only("At the focused visit in 2022, inspectors said that management oversight is good.")
    assert not grade_only("At the last inspection in 2019, services were rated good, with strong leadership.")
    # after the page's own event, only a sentence pointing back lends its finding
    found = ["Inspectors found that too many children waited too long for an assessment."]
    assert lends_finding(found, True) and not lends_finding(found, False)
    assert lends_finding(["At that inspection, inspectors found that too many children waited too long."], False)
    assert lends_finding(["Inspectors had found that too many children waited too long."], False)
