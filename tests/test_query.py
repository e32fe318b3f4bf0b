from datetime import date

from hypothesis import given, settings, strategies as st

from qa.retrieval.question import parse


def test_years_ranges_and_seasons():
    q = parse("What did inspectors say about supervision in 2018?")
    assert (q.date_from, q.date_to) == (date(2018, 1, 1), date(2018, 12, 31)) and q.source == "ofsted"
    q = parse("What changed between November 2017 and August 2018?")
    assert (q.date_from, q.date_to) == (date(2017, 11, 1), date(2018, 8, 31))
    q = parse("What has improved since July 2017?")
    assert q.date_from == date(2017, 7, 1) and q.date_to is None
    q = parse("What happened in late 2017?")
    assert (q.date_from, q.date_to) == (date(2017, 9, 1), date(2017, 12, 31))
    assert parse("What is the latest on caseloads?").recency


def test_visits_places_and_sources():
    q = parse("What did inspectors find about plans for children on the third monitoring visit?")
    assert q.visit_number == 3 and "third" not in q.search_text and "plans for children" in q.search_text
    assert parse("What did the Reading monitoring visit say about leaving care advisors?").authorities == ["Reading"]
    assert parse("Reading the letter, what did they say?").authorities == []
    assert parse("What did the council say about the improvement plan?").source == "council"
    assert "Showing 2018 documents" in parse("supervision in 2018").describe()


def test_follow_ups_reuse_the_previous_topic():
    first = parse("What did inspectors say about supervision in 2018?")
    q = parse("and in 2017?", first)
    assert q.follow_up and "supervision" in q.search_text and q.date_from == date(2017, 1, 1)
    q = parse("what about Reading?", first)
    assert q.follow_up and q.authorities == ["Reading"] and "supervision" in q.search_text
    q = parse("What did the council say about adoption?", first)
    assert not q.follow_up


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_parser_never_fails_on_any_text(text):
    q = parse(text)
    assert isinstance(q.filters(), dict)
    if q.date_from and q.date_to:
        assert q.date_from <= q.date_to


def test_numbers_are_not_years_and_before_until_are_exact():
    assert parse("Did caseloads exceed 2000 children?").date_from is None
    q = parse("What happened before 2018?")
    assert q.date_to == date(2017, 12, 31)
    assert parse("What changed until August 2018?").date_to == date(2018, 8, 31)


def test_ignoring_question_filters_keeps_the_users_own():
    from qa.retrieval.assistant import apply_overrides

    q = apply_overrides(parse("supervision in 2017 in Reading council"),
                        {"year_from": 2018, "year_to": 2018, "authorities": ["Barnet"], "ignore_question_filters": True})
    assert q.date_from == date(2018, 1, 1) and q.authorities == ["Barnet"]


def test_keyword_search_leaves_out_the_scene_setting_clause_and_the_authority():
    q = parse("When Ofsted lifted Leeds's inadequate rating in 2017, what did it say about performance management?")
    assert "performance management" in q.keyword_text
    assert "lifted" not in q.keyword_text and "Leeds" not in q.keyword_text
    assert "lifted" in q.search_text  # the dense side still reads the whole question
    # no clause to drop: the question stays whole
    assert parse("What did Ofsted say about supervision?").keyword_text == "What did Ofsted say about supervision?"
