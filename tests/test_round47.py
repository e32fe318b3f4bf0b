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
