"""Failure classes found by the twenty-third round's development sets (v71, v72 questions; set71 invented files,
set72 invented full-length reports); invented fixtures."""
from datetime import date

from qa.retrieval.answer_type import answer_type, answer_type_weight, asks_grade
from qa.retrieval.question import parse


def test_a_change_between_two_dated_visits_asks_for_the_span_between_them():
    query = parse("How had Rutland's front door changed between the November 2017 monitoring visit and the one in "
                  "December 2018?")
    assert (query.date_from, query.date_to) == (date(2017, 11, 1), date(2018, 12, 31))
    assert "monitoring visit" in query.search_text  # only the dates leave the search words
    query = parse("what changed between the 2017 inspection and the 2019 one in kent")
    assert (query.date_from, query.date_to) == (date(2017, 1, 1), date(2019, 12, 31))
    assert "inspection" in query.search_text


def test_an_undated_page_dating_the_asked_years_visit_to_another_month_is_not_shown_for_it(tmp_path):
    from conftest import bm25_assistant_for

    docs = {
        "march.txt": ("Rutland children's services show improvement\n\nA monitoring inspection took place in March "
                      "2025. Inspectors said areas still need improving, such as the response to exploitation.", {}),
        "september.txt": ("Final monitoring visit praises Rutland's front door\n\nThe visit, which took place in "
                          "September 2025, found areas which require further improvement, such as assessments.", {}),
    }
    assistant = bm25_assistant_for(tmp_path, docs)
    answer = assistant.ask("rutland september 2025 monitoring visit - which areas still need improving?")
    shown = {h.document.path.rsplit("/", 1)[-1] for h in answer.hits}
    assert shown == {"september.txt"}
    # asked for March, the March page answers and September's does not
    answer = assistant.ask("rutland march 2025 monitoring visit - which areas still need improving?")
    assert {h.document.path.rsplit("/", 1)[-1] for h in answer.hits} == {"march.txt"}


def test_what_is_still_to_do_is_a_kind_of_answer():
    question = "When Rutland came out of inadequate, what did Ofsted's report say the council still had to work on?"
    assert answer_type(question) == "remaining"
    assert answer_type("Which areas did Ofsted say still need improving in Kent?") == "remaining"
    assert answer_type("What did Ofsted say about supervision in Kent?") is None
    for text in ("But work needs to continue to reduce the level of agency staff.",
                 "The report highlights some areas which require further improvement, such as assessments.",
                 "It also wants to see better case supervision by frontline managers."):
        assert answer_type_weight("remaining", text) > 1.0
    assert answer_type_weight("remaining", "Children are seen promptly and plans are strong.") == 1.0


def test_a_grade_asked_with_two_words_before_judgement_needs_a_grade_to_answer(tmp_path):
    from conftest import bm25_assistant_for

    assert asks_grade("What overall effectiveness judgement did Camden receive at its ILACS inspection?")
    docs = {
        "letter.txt": ("Ofsted focused visit to Rutland children's services\n\nDear Ms Example\n\nThis letter summarises the "
                       "findings of the focused visit to Rutland. Inspectors looked at care leavers. Personal "
                       "advisers know their young people well, but pathway plans are too generic.", {}),
    }
    assistant = bm25_assistant_for(tmp_path, docs)
    assert assistant.ask("What overall effectiveness judgement did Rutland receive at its ILACS inspection?").abstained
    assert not assistant.ask("What did Ofsted's focused visit find about pathway plans in Rutland?").abstained
