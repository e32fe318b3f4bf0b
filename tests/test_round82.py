"""Round 82: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def test_a_figures_stock_date_asks_for_pages_from_then_on():
    from qa.retrieval.question import parse

    # (a committee paper in September tells the figure at 31 March)
    query = parse("rutland sufficiency paper - how many CIC were living outside the county at 31 march 2025?")
    assert (query.date_from, query.date_to) == (date(2025, 3, 1), None)
    assert parse("rutland - children in care as at March 2025?").date_from == date(2025, 3, 1)
    assert parse("rutland - children in care as at March 2025?").date_to is None
    # (a month asked plainly is that month, and "at" with no day is no stock date)
    assert parse("rutland children in care in March 2025").date_to == date(2025, 3, 31)
    assert parse("what did rutland's panel hear at march 2025's meeting?").date_to is not None


def test_a_grade_dated_back_from_its_page_is_of_that_earlier_year():
    from qa.retrieval.answer_type import holds_grade_of

    said = "Focused visits are not graded. Rutland was rated good at its last full inspection two years ago."
    question = "rutland full ILACS 2025 - what grades did they get?"
    assert not holds_grade_of(said, range(2024, 2027), question, 2025)
    assert holds_grade_of(said, range(2022, 2025), question, 2025)  # (asked 2023: two years before 2025)
    assert holds_grade_of(said, range(2024, 2027), question)  # (a page of unknown date: untied, as before)
    assert holds_grade_of("Rutland was judged inadequate last year.", range(2024, 2027), question, 2026)
    assert not holds_grade_of("Rutland was judged inadequate last year.", range(2024, 2027), question, 2028)


def test_an_audits_share_judged_good_is_no_grade_given():
    from qa.retrieval.answer_type import holds_grade_of

    question = "rutland full ILACS 2025 - what grades did they get?"
    for audit in ("In May 2025, 112 plans were audited and 58% were judged good or better.",
                  "Of the cases sampled, 75% were rated good.", "Audits found 60 per cent of plans were Good."):
        assert not holds_grade_of(audit, range(2024, 2027), question), audit
    assert holds_grade_of("In 2025 Rutland was judged good.", range(2024, 2027), question)


def test_an_unrelated_grade_does_not_answer_a_grade_asked_of_an_inspection_no_page_tells(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    story = ("Ofsted tells Rutland to speed up child protection conferences\n\n"
             "6 March 2025\n\n"
             "Inspectors who visited Rutland in January found that families waited too long for conferences. "
             "Focused visits are not graded. Rutland was rated good at its last full inspection two years ago.\n")
    docs = {"story.txt": (story, {"doc_type": "news_article", "local_authorities": ["Rutland"],
                                  "date": "2025-03-06"}), **other_council_news()}
    answer = bm25_assistant_for(tmp_path, docs).ask("rutland full ILACS 2025 - what grades did they get? the full "
                                                    "inspection not the jan FV")
    assert answer.abstained
    # (a grade the page gives without dating it back is still an answer)
    docs["story.txt"] = (story.replace("at its last full inspection two years ago", "at its full inspection in "
                                       "February"), docs["story.txt"][1])
    answer = bm25_assistant_for(tmp_path / "untied", docs).ask("rutland full ILACS 2025 - what grades did they get?")
    assert not answer.abstained


def test_where_the_person_asked_about_came_from_is_no_place_asked():
    from qa.retrieval.question import parse

    assert parse("rutland scrutiny panel sept 25 - what did the interim DCS (the one from medway) report on SW "
                 "caseloads? panel minutes pls").authorities == ["Rutland"]
    assert parse("what did the Rutland director who came from Medway tell scrutiny?").authorities == ["Rutland"]
    # (not a document's place in brackets, nor a place asked after "from")
    assert parse("what did the report (the one from medway) say?").authorities == ["Medway"]
    assert "Medway" in parse("what did the director say about referrals from medway to rutland?").authorities


def test_a_lower_case_place_and_year_listed_in_a_set_aside_are_set_aside():
    from qa.retrieval.question import parse

    query = parse("rutland SIF 2016 - what did HMI say about missing children? Rutland only, not medway's 2018 "
                  "re-inspection or kent 2015")
    assert (query.date_from, query.date_to) == (date(2016, 1, 1), date(2016, 12, 31))
    assert query.authorities == ["Rutland"]
    # (not the question going on)
    assert parse("rutland letter 2019, not the 2017 sif or was it 2021?").date_from == date(2019, 1, 1)


def test_either_of_a_years_visits_listed_in_a_set_aside_sets_that_year_aside():
    from qa.retrieval.rank import years_set_aside

    assert years_set_aside("rutland MV in march 2024 - caseloads? that visit only, not the dec 23 MV or either of "
                           "the 2025 visits") == frozenset({2025})


def test_a_terse_label_then_when_asks_for_a_date():
    from qa.retrieval.answer_type import answer_type

    assert answer_type("rutland 2015 sif when were hmi on site") == "date"
    assert answer_type("rutland 2015 sif when were inspectors on site") == "date"
    # (a question word before it asks something else)
    assert answer_type("what did rutland say when were inspectors on site") != "date"


def test_what_councils_say_set_aside_sets_their_pages_aside_wholly():
    from qa.retrieval.rank import kinds_set_aside, kinds_set_aside_wholly

    question = ("What have Ofsted's visits found about supervision? Ofsted's findings only, not what councils say "
                "about themselves.")
    assert "council_page" in kinds_set_aside_wholly(question)
    assert "council_page" in kinds_set_aside("what did rutland's 2019 report say, not what the LA said")
    # (a possessive typed without its apostrophe)
    assert "ofsted_report" in kinds_set_aside("rutland sufficiency paper - children in care outside the county? "
                                              "the council paper, not ofsteds figure")


def test_a_scope_sentence_goes_on_into_the_list_that_follows_it():
    from qa.retrieval.rank import scope_share

    opening = ("Inspectors evaluated the help and protection provided to children at risk of exploitation. "
               "This included the work of the exploitation hub and the use of return home interviews.")
    assert scope_share(opening) == 1.0
    finding = ("Inspectors evaluated the help and protection provided to children at risk of exploitation. "
               "Return home interviews are now offered to almost all children who go missing.")
    assert scope_share(finding) < 0.7


def test_the_reviewers_counter_examples_keep_their_old_readings():
    from qa.retrieval.answer_type import answer_type, holds_grade_of
    from qa.retrieval.question import parse
    from qa.retrieval.rank import kinds_set_aside, kinds_set_aside_wholly, scope_share

    # a visit's or a meeting's day after "at" is that month, not a stock date
    assert parse("what did inspectors say about caseloads at 12 march 2024 mv in rutland?").date_to \
        == date(2024, 3, 31)
    # "two years ago" dates the grade just before it, not an earlier one in the clause
    question = "rutland full ILACS 2025 - what grades did they get?"
    assert holds_grade_of("Rutland was rated good at its full inspection after being judged inadequate two years ago.",
                          range(2024, 2027), question, 2025)
    assert not holds_grade_of("Rutland was rated good at its last full inspection, two years ago.", range(2024, 2027),
                              question, 2025)
    # a percentage not of what was graded
    assert holds_grade_of("Despite a 20% rise in demand Rutland was judged good by Ofsted.", range(2024, 2027),
                          question)
    # a council's pages are not set aside by "not LA run"
    assert not kinds_set_aside_wholly("how many rutland CIC are in placements not LA run - sufficiency paper?")
    assert "news_article" in kinds_set_aside("what did ofsted find in rutland, not what the local papers said")
    assert not kinds_set_aside("the council says caseloads are fine - is that not ofsteds finding too?")
    # the year asked after a set-aside list
    assert parse("rutland caseloads not the 2017 ILACS or earlier just march 2024").date_from == date(2024, 3, 1)
    # the place asked after where the person came from
    assert parse("what did the director who came from Medway say about rutland's caseloads").authorities \
        == ["Rutland"]
    # a finding after a scope sentence is no scope
    assert scope_share("Inspectors evaluated the quality of decision-making at the front door. This included a small "
                       "number of cases where risk to children was not recognised quickly enough.") < 0.5
    # a label asking a grade, or a question before "when", is not a date asked
    assert answer_type("rutland ilacs 2019 overall grade when were inspectors on site") != "date"
    assert answer_type("any concerns about caseloads when were inspectors last in rutland?") != "date"
