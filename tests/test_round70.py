"""Round 70: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from qa.datatypes import Document


def _doc(doc_id: str, text: str, doc_type: str = "council_page", date: str | None = None, title: str = "",
         places: tuple[str, ...] = ("Rutland",)) -> Document:
    return Document(doc_id=doc_id, path=f"{doc_id}.txt", title=title, doc_type=doc_type, text=text, date=date,
                    local_authorities=list(places))


def test_a_date_typed_in_figures_is_read_as_its_month():
    from qa.retrieval.question import parse

    for typed in ("03/2024", "3/2024", "2024-03", "03/24", "12/03/2024", "12.03.24", "2024-03-12"):
        query = parse(f"Rutland MV {typed} - did inspectors find risk recognised sooner?")
        assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2024-03-01", "2024-03-31"), typed
        assert "03" not in query.topic and "12" not in query.topic, typed
    assert parse("rutland ilacs in '19").date_from.isoformat() == "2019-01-01"
    # (a financial year, a ratio, a version or a year still to come stays as typed)
    assert parse("Rutland 2011-12 budget").date_to.isoformat() == "2013-06-30"
    assert parse("Rutland 2018-19 budget").date_to.isoformat() == "2020-06-30"
    assert parse("Rutland 24/7 duty team 2019").date_to.isoformat() == "2019-12-31"
    assert parse("Rutland v1.2.13 case system").date_from is None
    assert parse("Rutland MV 03/99").date_from is None


def test_the_day_before_a_month_is_no_word_of_the_topic():
    from qa.retrieval.question import parse

    query = parse("Rutland MV on the 5th of March 2019, what about supervision?")
    assert query.date_from.isoformat() == "2019-03-01"
    assert "5th" not in query.topic and "of" not in query.topic.split()


def test_a_page_dated_in_the_month_of_an_event_set_aside_weighs_as_that_event():
    from qa.retrieval.question import parse
    from qa.retrieval.rank import SET_ASIDE_EVENT_PENALTY, SET_ASIDE_YEAR_PENALTY, set_aside_weight

    query = parse("rutland mv letters 2021 - what did hmi say re leaders and plans? not the rutland ilacs 11/22")
    assert set_aside_weight(_doc("a", "Inspectors highlighted the good work.", date="2022-11-25"), query) \
        == SET_ASIDE_EVENT_PENALTY
    assert set_aside_weight(_doc("b", "Inspectors highlighted the good work.", date="2022-12-02"), query) \
        == SET_ASIDE_EVENT_PENALTY
    assert set_aside_weight(_doc("c", "Inspectors highlighted the good work.", date="2022-06-02"), query) \
        == SET_ASIDE_YEAR_PENALTY
    assert set_aside_weight(_doc("d", "Inspectors highlighted the good work.", date="2021-11-25"), query) == 1.0


def test_being_cagey_is_searched_as_reluctance():
    from qa.retrieval.synonyms import with_synonyms

    assert "reluctance" in with_synonyms("Are councils cagey about their weaknesses?")
    assert with_synonyms("Are councils reluctant to share?") == "Are councils reluctant to share?"


def test_an_ambiguous_place_opening_a_terse_label_before_the_question():
    from qa.documents.gazetteer import find_in_question

    assert find_in_question("bury care leavers housing - what has the DCS promised since the good ILACS?") == ["Bury"]
    assert find_in_question("bury care leavers: what did the DCS promise?") == ["Bury"]
    # (a verb opening a sentence is still no place)
    assert find_in_question("bury the report - what happened next?") == []
    assert find_in_question("Reading the letter - what did it say about care?") == []


def test_a_place_that_is_no_verb_opening_a_question_before_an_inspection_word():
    from qa.documents.gazetteer import find_in_question

    assert find_in_question("bedford MV dates since the 2023 ilacs + what each one looked at") == ["Bedford"]
    assert find_in_question("sutton dcs - who was it in 2019, and what did they say?") == ["Sutton"]
    assert find_in_question("bury ofsted what did it say?") == []


def test_mk_is_milton_keynes_and_cls_are_care_leavers():
    from qa.documents.gazetteer import find_in_question
    from qa.retrieval.acronyms import FIELD_GLOSSARY, expand

    assert find_in_question("mk ILACS 2022 - what grades did they get?") == ["Milton Keynes"]
    assert "care leaver" in expand("mk CLs in custody - PA visiting target?", FIELD_GLOSSARY)
    assert expand("cl support", FIELD_GLOSSARY) == "cl support"


def test_a_council_pages_promise_opening_a_few_words_in_is_its_own_voice():
    from qa.retrieval.rank import reply_share, reply_weight

    promise = ("So this is what we will do. We will open twelve more supported lodgings places for care leavers by "
               "April 2025.")
    assert reply_share(promise, own_page=True) == 1.0
    question = "rutland care leavers housing - what has the DCS promised since the good ILACS?"
    assert reply_weight(promise, question, None, own_page=True) > reply_weight(
        "Personal advisers are persistent in staying in touch with care leavers.", question, None, own_page=False)
    # (inspectors' words on the council's page are not its own)
    assert reply_share("So inspectors said we will need to improve pathway plans.", own_page=True) == 0.0


def test_a_newcomers_earlier_employer_is_a_passing_mention():
    from qa.documents.metadata import infer_authorities

    story = ("Inadequate-rated council appoints Luton social care chief as director\n\n"
             "Bedford Borough Council has appointed Jo Bell, currently assistant director for children's social care "
             "at Luton Borough Council, as its permanent director of children's services.\n\n"
             "Ofsted rated Bedford's children's services inadequate in April 2023.\n\n"
             "Bell said she was delighted to be joining Bedford.\n\n"
             "Bell worked in Southend and Peterborough before joining Luton in 2019. She has led Luton's services "
             "for children in care since 2021.\n\n"
             "She will become Bedford's fourth DCS since 2019.")
    assert infer_authorities(story)[0] == ["Bedford"]
    # (the commissioner sent into a council is on that council)
    sent = ("Minister appoints Slough commissioner\n\nThe minister has appointed a commissioner to Slough Borough "
            "Council's children's services after an inadequate rating.")
    assert infer_authorities(sent)[0] == ["Slough"]


def test_who_and_when_on_site_prefers_the_passage_dating_the_visit():
    from qa.retrieval.answer_type import second_fact_weight

    question = "which HMIs did rutland's care leavers monitoring visit and when were they on site?"
    visit = ("This letter summarises the findings of the monitoring visit to Rutland County Council children's "
             "services on 12 and 13 November 2024. His Majesty's Inspectors for this visit were Jo Bell and Al Roe.")
    other = ("Leaders, including the director who took up post in September 2024, know their services.\n\n"
             "Yours sincerely\n\nJo Bell\n\nHis Majesty's Inspector")
    assert second_fact_weight(question, "person", visit) > 1.0
    assert second_fact_weight(question, "person", other) == 1.0


def test_a_byline_date_still_answers_when_published_and_another_events_date_does_not():
    from qa.retrieval.answer_type import second_fact_weight

    question = "who wrote the story on Rutland's third monitoring visit, and what date was it published?"
    byline = "Ofsted praises progress at Rutland's trust\n\nBy Jo Bell | 22 March 2017"
    started = "Leaders, including the director who took up post in September 2024, know their services well."
    assert second_fact_weight(question, "person", byline) > 1.0
    assert second_fact_weight(question, "person", started) == 1.0


def test_a_visits_dates_across_a_pdf_line_break_date_the_visit():
    from qa.retrieval.answer_type import dates_event

    letter = ("This letter summarises the findings of the monitoring visit to\n\nRutland County Council children's "
              "services on 9 and 10 October 2018.")
    assert dates_event("took place", letter)
    # (a real paragraph break still ends what dates the event)
    assert not dates_event("took place", "The monitoring visit to Rutland.\n\nOn 9 October 2018 the board met.")


def test_a_letterhead_is_never_the_answer_sentence():
    from qa.answers.extract import extract

    text = ("Clarendon Court\n\nOfsted Quayside Road\n\nNewcastle upon Tyne NE1 9XX T 0300 123 4567 "
            "enquiries@ofsted.example www.ofsted.example\n\nMonitoring visit to Rutland children's services by "
            "Ofsted.\n\nThis was the first monitoring visit to Rutland since Ofsted judged it inadequate.\n\n"
            "Ofsted will use this first monitoring visit when planning the next visit to Rutland.\n\nThe inspectors "
            "were Maria Ellerby, Her Majesty's Inspector (HMI), and Tobias Wrenfield, HMI.")
    doc = _doc("l", text, doc_type="ofsted_letter", date="2018-11-02")
    from qa.datatypes import Hit, Passage
    hit = Hit(passage=Passage(passage_id="l#1", doc_id="l", text=text, start=0, end=len(text)), document=doc,
              score=1.0)
    import numpy as np

    def alike(texts):  # (an encoder finding every sentence as close: the weights decide)
        return np.full((len(texts), 4), 0.5)

    answer, _ = extract("Who led Ofsted's first monitoring visit to Rutland?", [hit], encode=alike, kind="person",
                        role="inspector")
    assert answer.startswith("The inspectors were Maria Ellerby")


def test_the_paper_of_the_day_asked_is_not_weighed_down_for_the_months_its_figures_name():
    from qa.retrieval.question import parse
    from qa.retrieval.rank import OTHER_MONTH_PENALTY, asked_day, asked_months, month_weight

    query = parse("rutland cyp scrutiny 1/3/24 - rhi recording target + when's it back at committee")
    assert asked_day(query) == "2024-03-01"
    figures = "The Head of Service reported on the visit in October 2023, when 52 per cent of summaries were on time."
    assert month_weight(asked_months(query), figures, (), "2024-03-01", asked_day(query)) == 1.0
    assert month_weight(asked_months(query), figures, (), "2024-03-20", asked_day(query)) == OTHER_MONTH_PENALTY
    assert asked_day(parse("rutland scrutiny March 2024 - rhi target")) is None


def test_a_bracket_dating_what_a_question_names_is_no_word_of_its_topic():
    from qa.retrieval.question import parse

    query = parse("Rutland before the 2019 inadequate (report out 8/5/19): who had the council asked to look at its "
                  "services the year before?")
    assert "May" not in query.topic and "(" not in query.topic
    assert query.date_to.isoformat() == "2019-12-31"
