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
    # (in a question only: minutes' "MK said" are somebody's initials)
    from qa.documents.metadata import infer_authorities
    assert infer_authorities("Scrutiny panel\n\nPresent: Mark King (MK), Director of Children's Services.\n\n"
                             "MK presented the Ofsted monitoring visit letter. MK said the service had improved.")[0] \
        != ["Milton Keynes"]
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
    # (nor the council's own post, named with its possessive)
    own = ("New children's services boss\n\nJane Smith has been appointed Bury's new director of children's "
           "services. She is currently deputy director in Rochdale and will take up the post in May.")
    assert "Bury" in infer_authorities(own)[0]


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


def test_how_much_councils_rely_on_agency_staff_asks_for_a_number():
    from qa.retrieval.answer_type import answer_type

    assert answer_type("What have inspectors said about how much councils rely on agency social workers?") == "count"
    assert answer_type("How reliant is Rutland on agency social workers?") == "count"
    assert answer_type("How much progress has Rutland made?") is None


def test_the_field_itself_is_no_name_a_page_must_write(tmp_path):
    from conftest import bm25_assistant_for

    story = ("Rutland council at risk of losing its children's services\n\nThe Department for Education appointed a "
             "commissioner, who must report back by 1 December on whether Rutland has the capacity to improve its "
             "children's services within a reasonable timeframe.\n")
    a = bm25_assistant_for(tmp_path, {"story.txt": (story, {"doc_type": "news_article", "date": "2019-08-08",
                                                            "local_authorities": ["Rutland"]})})
    answer = a.ask("Rutland: by what date did the DfE commissioner have to report back on whether the council could "
                   "keep its CSC?")
    assert not answer.abstained and "1 December" in answer.hits[0].passage.text
    # (a topic no page names still abstains)
    assert a.ask("Rutland: how many NEET care leavers did the commissioner count?").abstained


def test_a_council_named_only_in_a_national_list_is_not_stated():
    from qa.retrieval.assistant import _named_only_in_runs

    listing = ("During this period, the following local authorities have been rated as inadequate:\n\nBarnsley, "
               "Bexley, Birmingham, Blackpool, Lambeth, Medway and Rutland.")
    assert _named_only_in_runs(listing, "Lambeth")
    assert not _named_only_in_runs(listing + "\n\nLambeth's letter said adoption had improved.", "Lambeth")
    assert not _named_only_in_runs("Lambeth and Southwark were visited.", "Lambeth")


# ---------------------------------------------------------------- a reviewer's counter-examples to the above

def test_figures_that_are_no_date_stay_as_typed():
    from qa.retrieval.question import parse

    assert parse("what did inspectors say about the '24/7' emergency duty team in 2019?").date_from.year == 2019
    assert parse("did inspectors see the '15 steps' challenge used in Rutland's homes in 2023?").date_from.year == 2023
    assert parse("what did rutland say about its '16 plus' service?").date_from is None
    assert parse("rutland 12/13 overspend on placements").date_from is None
    assert parse("inspectors audited 10/15 cases - how many were good?").date_from is None
    assert parse("haringey serious case reviews 2008-10").date_from.month == 1  # (a span, not October 2008)
    assert parse("what did paragraph 3.2.14 of the report say about supervision?").date_from is None
    assert parse("rutland ilacs '22 - findings").date_from.isoformat() == "2022-01-01"


def test_a_day_first_date_opening_or_closing_a_span():
    from qa.retrieval.question import parse

    since = parse("what has rutland done on caseloads since 12/03/2024?")
    assert (since.date_from.isoformat(), since.date_to) == ("2024-03-01", None)
    assert parse("what had rutland done before 12/03/2024?").date_to.isoformat() == "2024-02-29"
    between = parse("rutland news between 01/01/2023 and 31/03/2023")
    assert (between.date_from.isoformat(), between.date_to.isoformat()) == ("2023-01-01", "2023-03-31")
    # (a visit's number before a month is no day)
    assert parse("torbay monitoring visit 3 may 2019 findings").visit_number == 3


def test_a_phrase_opening_with_reading_or_a_council_long_gone_is_no_place():
    from qa.documents.gazetteer import find_in_question

    assert find_in_question("reading care plans - what should managers look for?") == []
    assert find_in_question("cleveland cse - what did inspectors find?") == []


def test_reliance_asked_only_as_how_much_a_council_relies():
    from qa.retrieval.answer_type import answer_type

    assert answer_type("how much of the improvement depended on the commissioner?") is None
    assert answer_type("how much progress has the council made in reducing its reliance on agency staff?") is None
    assert answer_type("how much did inspectors say depended on the new director?") is None


def test_contact_details_asked_are_the_answer():
    import numpy as np

    from qa.answers.extract import extract
    from qa.datatypes import Hit, Passage

    text = ("The LADO manages allegations against adults who work with children in Rutland.\n\n"
            "To make a referral to the Rutland LADO phone 0161 253 5678 or email lado@rutland.example")
    doc = _doc("c", text, date="2024-01-01")
    hit = Hit(passage=Passage(passage_id="c#1", doc_id="c", text=text, start=0, end=len(text)), document=doc,
              score=1.0)

    def alike(texts):
        return np.full((len(texts), 4), 0.5)

    assert "0161" in extract("what is the phone number for the Rutland LADO?", [hit], encode=alike)[0]


def test_a_council_in_a_national_list_still_answers_its_grade_and_a_comparison_is_no_list():
    from qa.retrieval.assistant import _run_of_places, states_asked_facts
    from qa.retrieval.question import parse
    from qa.datatypes import Hit, Passage

    text = ("Ofsted rated children's services inadequate in 2019 in Barnsley, Bexley, Bury, Doncaster, Enfield and "
            "Haringey, according to figures published today.")
    doc = _doc("n", text, doc_type="news_article", date="2019-06-01", places=())
    hit = Hit(passage=Passage(passage_id="n#1", doc_id="n", text=text, start=0, end=len(text)), document=doc,
              score=1.0, unconfirmed=["authority"])
    assert states_asked_facts(hit, parse("was Bury rated inadequate in 2019?"))
    assert not _run_of_places("Bury was rated inadequate, the only council in Greater Manchester with the lowest "
                              "grade; Bolton, Oldham, Rochdale and Wigan were all rated good.")


def test_the_month_after_a_december_set_aside_and_the_letter_before_it():
    from qa.retrieval.question import parse
    from qa.retrieval.rank import SET_ASIDE_EVENT_PENALTY, set_aside_weight

    query = parse("rutland fostering news (not the rutland ilacs 12/22)")
    assert set_aside_weight(_doc("j", "Inspectors highlighted the good work.", date="2023-01-05"), query) \
        == SET_ASIDE_EVENT_PENALTY
    query = parse("rutland MV letters (not the Nov 2022 one)")
    before = _doc("b", "10 November 2022\n\nDear Jo\n\nThis letter summarises the findings of the monitoring visit on "
                  "4 and 5 October 2022.", doc_type="ofsted_letter", date="2022-11-10")
    assert set_aside_weight(before, query) > SET_ASIDE_EVENT_PENALTY


def test_a_published_line_still_dates_an_appointment_it_announces():
    from qa.retrieval.answer_type import second_fact_weight

    question = "Who is Rutland's new director of children's services, and when was she appointed?"
    assert second_fact_weight(question, "person", "Published 4 May 2023\n\nRutland Council has named Jane Smith as "
                                                  "its new director of children's services.") > 1.0


def test_the_day_asked_read_however_it_is_written():
    from qa.retrieval.question import parse
    from qa.retrieval.rank import asked_day

    for typed in ("on 1/3/24", "1st March 2024", "meeting on 1 March 2024"):
        assert asked_day(parse(f"lincs scrutiny {typed}")) == "2024-03-01", typed


def test_a_bracket_naming_a_theme_keeps_its_words():
    from qa.retrieval.question import parse

    assert "neglect" in parse("what changed since the 2018 ILACS in the JTAI (neglect and CSE May 2019)?").topic


def test_a_pdf_break_after_a_space_still_joins_the_visits_dates():
    from qa.retrieval.answer_type import dates_event

    assert dates_event("took place", "the findings of the monitoring visit to \n\nRutland County Council children's "
                                     "services on 9 and 10 October 2018.")


def test_two_years_listed_are_both_asked():
    from qa.retrieval.question import parse

    for question in ("rutland 2016 sif - how many pages was the report? and the 2019 one",
                     "how many pages were the rutland 2016 and 2019 reports?"):
        query = parse(question)
        assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2016-01-01", "2019-12-31"), question
        assert "2019" not in query.topic and "2016" not in query.topic
    # (a count after the second year is no year listed)
    assert parse("rutland 2016 and 2019 children in care numbers").date_to.year == 2016


def test_the_list_asked_under_a_heading_closing_the_passage_before():
    from qa.retrieval.rank import IMPROVE_ASKED_BOOST, improve_weight

    listing = ("The quality of plans for children in need, so that actions are specific.\n\n"
               "Management oversight when children's plans step down from child protection.")
    question = "what did Ofsted say the council needs to improve?"
    before = "oversight is variable.\n\nWhat needs to improve in this area of social work practice?\n\n"
    assert improve_weight(listing, ["Headline findings"], question, before) == IMPROVE_ASKED_BOOST
    assert improve_weight(listing, ["Headline findings"], question, "Leaders know their services well.\n\n") == 1.0


def test_a_trusts_go_live_and_contract_in_the_councils_words():
    from qa.retrieval.synonyms import with_synonyms

    searched = with_synonyms("rutland childrens trust - go live date and how long is the contract?")
    assert "transferred" in searched and "service agreement" in searched
