"""Round 47: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def test_a_month_then_two_digits_is_a_year():
    from qa.retrieval.question import parse

    asked = parse("rutland scrutiny mar 24 ofsted letter")
    assert (asked.date_from, asked.date_to) == (date(2024, 3, 1), date(2024, 3, 31))
    assert parse("rutland fv feb '23 caseloads").date_from == date(2023, 2, 1)
    assert parse("rutland oct-22 ilacs").date_from == date(2022, 10, 1)
    # a day (with its suffix, or before a four-digit year) and a time stay what they are
    assert parse("rutland visit on march 30 2019").date_from.year == 2019
    assert parse("rutland visit sept 24th").date_from is None
    assert parse("rutland panel at mar 24:00").date_from is None


def test_a_month_after_a_council_body_dates_its_meeting_not_the_visit():
    from qa.retrieval.question import parse

    assert not parse("rutland people scrutiny mar 2024 ofsted mv2 item - what was resolved").month_dates_visit
    assert not parse("rutland cabinet march 2020 ofsted mv3 letter").month_dates_visit
    assert parse("the rutland march 2020 ofsted mv3 letter findings").month_dates_visit


RUTLAND_MINUTES = ("Rutland County Council\n\nMinutes of the People Scrutiny Commission, 11 March 2024\n\n"
                   "7. Ofsted's second monitoring visit\n\nThe commission considered a report on Ofsted's second "
                   "monitoring visit, carried out on 16 and 17 January 2024, which looked at help and protection.\n\n"
                   "Members asked about changes of social worker for children on protection plans.\n\n"
                   "RESOLVED - that the findings of the second monitoring visit be noted and a progress report be "
                   "brought to the July meeting.")


def test_a_meeting_month_finds_the_minutes_of_a_visit_made_before_it(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    docs = {"minutes.txt": (RUTLAND_MINUTES, {"doc_type": "council_page", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    asked = "rutland people scrutiny march 2024 ofsted mv2 item - what was resolved"
    answer = bm25_assistant_for(tmp_path, docs).ask(asked)
    assert not answer.abstained, answer.message
    assert "RESOLVED" in answer.hits[0].passage.text


def test_a_parliamentary_question_is_answered_by_a_minister_not_ofsted():
    from qa.retrieval.question import parse

    asked = parse("There was a parliamentary written question on which councils Ofsted had rated inadequate - who "
                  "answered it and when?")
    assert asked.source is None
    assert parse("Which councils had Ofsted rated inadequate by 2016?").source == "ofsted"


def test_a_count_of_an_acronym_is_a_count_of_what_it_stands_for():
    from qa.retrieval.answer_type import counted_stems, states_count

    stems = counted_stems("how many cla at the inadequate inspection")
    assert states_count(stems, "We are currently supporting 706 looked after children.")
    assert not states_count(counted_stems("how many social workers"), "We support 706 looked after children.")
    # an English word that is also an acronym ("send") is read as the word in lower case
    assert "special" not in counted_stems("how many children did they send home")


def test_a_councils_news_page_from_a_year_is_the_councils_page_of_that_year():
    from qa.retrieval.question import parse

    asked = parse("Rutland County Council's news page from 2017 when Ofsted lifted the inadequate grade: what was "
                  "judged good? I don't want the 2015 report or the latest inspection.")
    assert asked.source == "council" and asked.doc_types == ["council_page"]
    assert (asked.date_from, asked.date_to) == (date(2017, 1, 1), date(2017, 12, 31))
    assert not asked.recency  # "the latest inspection" is set aside with the 2015 report
    assert parse("What has changed in Rutland from 2017?").date_to is None  # a window still opens on a bare year


def _rutland_inspection_news(year: int, finding: str) -> tuple[str, dict]:
    text = (f"Rutland children's services inspection\n\nPublished 3 May {year}\n\nOfsted inspectors found that "
            f"senior leaders in Rutland {finding} and that improvement plans were realistic.")
    return text, {"doc_type": "news_article", "date": f"{year}-05-03", "local_authorities": ["Rutland"]}


def test_a_document_from_a_year_set_aside_weighs_less(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    docs = {"story2022.txt": _rutland_inspection_news(2022, "know their services well and improvement plans"),
            "story2020.txt": _rutland_inspection_news(2020, "know their services well"), **other_council_news()}
    assistant = bm25_assistant_for(tmp_path, docs)
    asked = "How did inspectors rate Rutland's senior leaders and improvement plans?"
    assert assistant.ask(asked).hits[0].document.date.startswith("2022")
    answer = assistant.ask(asked + " (not the 2022 inspection)")
    assert answer.hits[0].document.date.startswith("2020")
    assert any(h.document.date.startswith("2022") for h in answer.hits)  # weighed less, not hidden


def test_a_home_that_is_not_registered_is_searched_as_unregistered():
    from qa.retrieval.synonyms import with_synonyms

    assert "unregistered" in with_synonyms("children placed in homes that aren't Ofsted-registered")
    assert "unregistered" in with_synonyms("children in accommodation that isn't registered")
    assert "unregistered" not in with_synonyms("children registered with a GP")


def test_a_broadcaster_named_as_reporter_asks_for_the_story_and_is_no_name_to_find():
    from qa.retrieval.question import parse

    asked = parse("Rutland, the December 2018 Ofsted visit as the BBC reported it: were children safe?")
    assert asked.source == "news" and "BBC" not in asked.names
    assert parse("What did Community Care report about Rutland's caseloads?").source == "news"


def test_a_visit_in_a_season_dates_the_visit():
    from qa.retrieval.question import parse

    assert parse("Rutland - Ofsted's monitoring visit in spring 2025: who commented?").month_dates_visit
    assert not parse("Rutland - what did the council publish in spring 2025?").month_dates_visit


def test_a_kind_of_source_set_aside_comes_last(tmp_path):
    from conftest import bm25_assistant_for, other_council_news
    from qa.retrieval.rank import kinds_set_aside

    story = ("Rutland exploitation hub swamped\n\nPublished 9 March 2024\n\nRutland's exploitation hub received 381 "
             "referrals in the year, the joint inspection of exploitation referrals found.")
    letter = ("Joint targeted area inspection of Rutland\n\n7 March 2024\n\nThe exploitation hub received 318 "
              "referrals in the year to September 2023. Leaders review exploitation referrals weekly.")
    docs = {"story.txt": (story, {"doc_type": "news_article", "date": "2024-03-09", "local_authorities": ["Rutland"]}),
            "letter.txt": (letter, {"doc_type": "ofsted_letter", "date": "2024-03-07",
                                    "local_authorities": ["Rutland"]}), **other_council_news()}
    assistant = bm25_assistant_for(tmp_path, docs)
    asked = "how many exploitation referrals did Rutland's exploitation hub get, as the story said?"
    assert assistant.ask(asked).hits[0].document.doc_type == "news_article"
    answer = assistant.ask("how many exploitation referrals did Rutland's exploitation hub get, rather than the press "
                           "coverage?")
    assert [h.document.doc_type for h in answer.hits][-1] == "news_article"
    assert answer.hits[0].document.doc_type == "ofsted_letter"
    # a state is no source set aside: "homes not registered with Ofsted"
    assert not kinds_set_aside("Have inspectors found children placed in homes not registered with Ofsted?")


def test_a_resolutions_later_items_are_a_decision():
    from qa.retrieval.answer_type import holds

    assert holds("decision", "(2) that the Trust provides a progress report to the Board;\n\n(3) that a visit be "
                             "arranged")
    assert not holds("decision", "Inspectors found that the Trust provides a progress report each month.")
