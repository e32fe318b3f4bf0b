"""Round 52: trust beyond the seeds (issue 10)."""
from __future__ import annotations


def test_over_time_that_belongs_to_the_topic_asks_for_no_trail():
    from qa.retrieval.timeline import detect

    assert detect("Oldbury 5th MV - were social workers seeing how risk builds up over time in their plans?") is None
    assert detect("Have inspectors said anything about children who keep the same worker over time?") is None
    # (a trail still, where "over time" follows the question's own subject)
    assert detect("How have inspectors described supervision in Oldbury over time?").kind == "trail"
    assert detect("What did each visit say about risk that builds up, over time?").kind == "trail"


def test_an_event_set_aside_by_its_month_closes_the_span_before_that_month():
    from datetime import date

    from qa.retrieval.question import parse

    asked = parse("oldbury 5th MV after the 2016 inadequate (not the BBC piece on the Dec 2018 visit) - caseloads?")
    assert (asked.date_from, asked.date_to) == (date(2016, 1, 1), date(2018, 11, 30))
    assert asked.time_phrase == "from 2016, before Dec 2018"
    # (a year alone still closes the span before the year)
    assert parse("since the 2019 inadequate, not the 2023 visits: what changed?").date_to == date(2022, 12, 31)


def test_a_comparison_one_text_made_is_no_side_by_side():
    from qa.retrieval.timeline import detect

    assert detect("How did Ofsted say services in 2017 compared with its 2012 inspection?") is None
    assert detect("How did services in 2017 compare with 2012 on supervision?").kind == "compare"


def test_a_place_by_its_bare_initials_is_no_name_to_find():
    from qa.retrieval.question import parse

    assert parse("Tower Hamlets 2017: how did services compare with TH's previous inspection?").names == []
    assert "CQC" in parse("Tower Hamlets 2017: what did the CQC find?").names


def test_where_the_reader_reads_is_no_words_to_search_for():
    from qa.retrieval.question import parse

    asked = parse("Oldbury 2017, going by the report extracts on the community site: how were leaders judged?")
    assert "extracts" not in asked.topic and "site" not in asked.topic and "leaders" in asked.topic
    # (a topic is never emptied)
    assert "extracts" in parse("going by the report extracts on the community site?").topic


def test_a_comparison_with_an_earlier_inspection_needs_a_passage_naming_it():
    from qa.retrieval.answer_type import EARLIER_INSPECTION_MISSING, earlier_inspection_weight

    question = "how did Ofsted say services compared with the previous inspection, and what were they graded then?"
    recalling = "Services have deteriorated since the last inspection in 2012, when the council was found good."
    grades = "Leadership, management and governance - Inadequate. Adoption performance - Requires improvement."
    assert earlier_inspection_weight(question, recalling) == 1.0
    assert earlier_inspection_weight(question, grades) == EARLIER_INSPECTION_MISSING
    assert earlier_inspection_weight("what was the council graded at that time?", grades) == \
        EARLIER_INSPECTION_MISSING
    assert earlier_inspection_weight("what grades did the 2017 inspection give?", grades) == 1.0


def test_a_two_town_council_by_its_initials_and_an_ampersand():
    from qa.documents.gazetteer import find_in_question

    assert find_in_question("w&m afc mv nov 18 staff") == ["Windsor and Maidenhead"]
    assert find_in_question("K&C caseloads 2019") == ["Kensington and Chelsea"]
    assert find_in_question("B&D ilacs") == ["Barking and Dagenham"]
    # (Tyne and Wear's too: it needs a cue)
    assert find_in_question("how were t&w services rated") == []


def test_office_shorthand_and_written_down_are_searched_in_the_documents_words():
    from qa.retrieval.synonyms import with_synonyms as expanded

    assert "environment" in expanded("staff working env")
    assert "recorded" in expanded("how well were managers writing down decisions?")
    assert "recorded" not in expanded("the T&A write up")


def test_an_ambiguous_place_named_as_the_subject_of_a_result_or_before_a_dated_visit():
    from qa.documents.gazetteer import find_in_question

    assert find_in_question("what grade did reading get for care leavers at the nov 2019 focused visit") == \
        ["Reading"]
    assert find_in_question("Reading focused visit Nov 2019 - how well were decisions recorded?") == ["Reading"]
    assert find_in_question("how did sutton fare in 2019") == ["Sutton"]
    assert find_in_question("did reading help the panel?") == []
    assert find_in_question("Reading focused visit letters, what do they say?") == []


def test_the_visit_named_by_its_month_is_told_by_a_text_dating_its_visit_to_it():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.assistant import states_asked_facts
    from qa.retrieval.question import parse

    text = ("Oldbury's inadequate children's services improving, says Ofsted. Inspectors said so following a "
            "monitoring visit in December last year. Thresholds are now appropriately applied.")
    doc = Document(doc_id="n", path="n.txt", text=text, title="Oldbury", doc_type="news_article",
                   local_authorities=["Oldbury"])
    hit = Hit(passage=Passage(passage_id="n#1", doc_id="n", text=text, start=0, end=len(text)), document=doc,
              score=1.0, unconfirmed=["date", "visit"])
    asked = parse("oldbury - first MV after the 2023 inadequate (the December one): were thresholds applied?")
    assert asked.month == 12 and asked.visit_number == 1
    assert states_asked_facts(hit, asked)
    assert not states_asked_facts(hit, parse("oldbury - first MV after the 2023 inadequate (the June one): "
                                             "were thresholds applied?"))


def test_an_aside_telling_which_event_by_its_outcome_is_not_searched_for():
    from qa.retrieval.question import parse

    asked = parse("Oldbury ILACS 2023 (the one that took them from inadequate up to RI) - did leaders know what "
                  "still needs doing?")
    assert "inadequate" not in asked.keyword_text and "leaders" in asked.keyword_text
    # (an aside on its theme still tells one event from another)
    assert "exploitation" in parse("Oldbury JTAI 2023 (child exploitation) - did leaders know?").keyword_text


def test_somebody_warning_about_ofsted_is_not_ofsted_speaking():
    from qa.retrieval.question import parse

    assert parse("Has anyone warned that the way Ofsted reported on councils gave false comfort?").source is None
    assert parse("What did Ofsted warn about CSE in Oldbury?").source == "ofsted"


def test_a_visit_kind_beside_a_place_and_a_topic_is_no_keyword():
    from qa.retrieval.question import parse

    assert "focused" not in parse("rutland focused visit 2021 caseloads").keyword_text.lower()
    assert "focused visit" in parse("what is a focused visit?").keyword_text.lower()
    # (its date or its inspectors asked: the letter's opening names the visit with them)
    assert "focused visit" in parse("When did Ofsted carry out its focused visit to Rutland?").keyword_text.lower()
    # (nor one the question measures from: the answer names it too)
    assert "focused visit" in parse("Rutland's 2019 inspection - how far had things moved on since the focused "
                                    "visit the autumn before?").keyword_text.lower()


def test_now_in_a_question_dated_by_its_time_or_visit_is_that_times():
    from qa.retrieval.question import parse

    assert not parse("oldbury first MV after the 2023 inadequate: were thresholds now being applied?").recency
    assert parse("how is supervision now in Kent?").recency
    assert parse("Kent's latest visit in 2019?").recency
