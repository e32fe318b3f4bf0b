"""Round 81: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def test_a_grade_spread_joined_on_is_an_event_set_aside_with_its_year():
    from qa.retrieval.question import parse

    query = parse("Rutland ILACS March 2023 (the upgrade to RI) - where were experiences still inconsistent? that "
                  "inspection only, not the 5th MV in september or the 2019 all-inadequate")
    assert (query.date_from, query.date_to) == (date(2023, 3, 1), date(2023, 3, 31))
    # (the event told by "one" after the spread)
    assert parse("Rutland ILACS March 2023 - what was inconsistent? not the 2019 all-inadequate one").date_from \
        == date(2023, 3, 1)


def test_an_undated_page_whose_text_dates_an_event_years_after_the_window_is_not_in_it(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    story = ("Rutland children's services judged inadequate\n\n"
             "The service was rated as requires improvement in 2018, but inspectors say practice has deteriorated "
             "since then. The latest inspection took place in March 2023.\n\n"
             "Inspectors raised concerns about social workers' caseloads and workloads.\n")
    docs = {"story.txt": (story, {"doc_type": "news_article", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    asked = "Rutland 2018 inspection - what did HMI say about caseloads? Not the March 2023 inadequate"
    answer = bm25_assistant_for(tmp_path, docs).ask(asked)
    assert all(h.document.doc_id != "story" for h in answer.hits)
    # (where the later inspection is not set aside, the page may recall the time asked: shown apart, undated)
    answer = bm25_assistant_for(tmp_path / "a", docs).ask("Rutland 2018 inspection - what did HMI say about caseloads?")
    assert any(h.document.doc_id == "story" and h.unconfirmed for h in answer.hits)
    # (so is a page whose latest event is soon after the window, one dating the event asked as well, and one naming
    # the end of a contract's term)
    for kept in ("The report on the inspection came out in January 2019.",
                 "The ILACS inspection in June 2018 found caseloads were too high. A focused visit in February 2023 "
                 "looked at the front door.",
                 "The council has agreed a contract with an agency that runs from April 2018 to March 2023."):
        text = story.replace("The latest inspection took place in March 2023.", kept)
        docs["story.txt"] = (text, docs["story.txt"][1])
        answer = bm25_assistant_for(tmp_path / str(len(kept)), docs).ask(asked)
        assert any(h.document.doc_id == "story" and h.unconfirmed for h in answer.hits), kept


def test_the_year_after_an_event_is_that_next_year():
    from qa.retrieval.question import parse

    query = parse("rutland focused visit the year after their 2017 RI inspection - were caseloads still too high?")
    assert (query.date_from, query.date_to, query.time_phrase) == (date(2018, 1, 1), date(2018, 12, 31), "2018")
    # ("after their 2017 inspection" opens a window from then on)
    query = parse("rutland caseloads after their 2017 RI inspection")
    assert query.date_from == date(2017, 1, 1) and query.date_to is None
    # (not where another year is named, nor "the year since", nor a comparison)
    assert parse("rutland caseloads - did they come down in the year after the 2017 inspection or did it take until "
                 "2020?").date_to != date(2018, 12, 31)
    assert parse("in the year since the 2023 ILACS, what has rutland done about caseloads?").date_from \
        == date(2023, 1, 1)
    assert parse("rutland ILACS 2021 - was it better than the year after the 2017 SIF?").date_from == date(2021, 1, 1)


def test_another_councils_event_set_aside_does_not_close_the_span_asked():
    from qa.retrieval.question import parse

    query = parse("rutland focused visit 2018 - were caseloads still too high? not cambridgeshire's april 2018 "
                  "focused visit")
    assert query.date_to == date(2018, 12, 31) and query.authorities == ["Rutland"]
    # (the place's own event set aside still closes it)
    assert parse("rutland visits since 2017 - caseloads? not rutland's april 2018 focused visit").date_to \
        == date(2018, 3, 31)
    # (so does an event shared with another place, or one named only by the place set aside)
    assert parse("rutland visits since 2017 - caseloads? not the JTAI with medway in april 2019").date_to \
        == date(2019, 3, 31)
    assert parse("and since 2017? not rutland's april 2018 focused visit").date_to == date(2018, 3, 31)


def test_a_person_set_aside_by_the_place_they_served_leaves_that_place_unasked():
    from qa.retrieval.question import parse

    query = parse("who did the government appoint as commissioner to oversee rutland childrens services? Rutland "
                  "not Eleanor Example at medway")
    assert query.authorities == ["Rutland"]
    assert parse("who was sent to Medway - Eleanor Example at medway?").authorities == ["Medway"]


def test_ofsted_closing_the_question_is_the_source_named():
    from qa.retrieval.question import parse

    for text in ("rutland adoption - what did the ILACS say about it? ofsted, not the RAA website",
                 "What have inspections found about kinship carers? Ofsted's findings, not charity advice",
                 "What have inspections found about emergency duty teams? Ofsted's findings only."):
        query = parse(text)
        assert query.source == "ofsted" and query.source_named, text
    # (Ofsted in a sentence of its own that says something else is no such closing, nor a guess)
    assert not parse("what did inspectors say about adoption? ofsted is strict").source_named
    assert not parse("who inspected medway's secure training centre - was it HMIP? ofsted, not sure").source_named


def test_a_closing_source_named_puts_ofsteds_report_above_a_council_paper_on_it(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    paper = ("Rutland Council scrutiny panel: ILACS 2025 outcome\n\n"
             "Inspectors praised adoption and early permanence, and corporate parenting in the ILACS.\n")
    report = ("Ofsted\n\nInspection of Rutland children's social care services\n\nInspection dates: 2 to 13 June "
              "2025\n\nChildren who need adoption are matched with carefully chosen families without delay. Early "
              "permanence placements are used well for babies, and later life letters are written with care. "
              "Life story work is started early for most children in long-term foster care.\n")
    docs = {"paper.txt": (paper, {"doc_type": "council_page", "local_authorities": ["Rutland"], "date": "2025-09-01"}),
            "report.txt": (report, {"doc_type": "ofsted_report", "local_authorities": ["Rutland"],
                                    "date": "2025-07-18"}),
            **other_council_news()}
    answer = bm25_assistant_for(tmp_path, docs).ask("rutland adoption - what did the ILACS say about it? ofsted, not "
                                                    "the RAA website")
    assert answer.hits[0].document.doc_id == "report"


def test_a_lower_case_place_set_aside_closing_the_question_is_not_asked():
    from qa.retrieval.question import parse

    assert parse("avg SW caseload in rutland CIC teams per the scrutiny paper? rutlands figure not medway"
                 ).authorities == ["Rutland"]
    # (a closing "not" on anything else leaves the places named; so does a contrast asked)
    assert parse("were children in rutland and medway not seen?").authorities == ["Rutland", "Medway"]
    assert parse("why were children not safe in rutland?").authorities == ["Rutland"]
    for text in ("did ofsted say practice was good in rutland but not in medway?", "why was rutland rated good and "
                 "not medway?", "rutland got out of intervention in 2019 - why not medway"):
        assert parse(text).authorities == ["Rutland", "Medway"], text


def test_where_a_person_came_from_is_not_a_place_asked():
    from qa.retrieval.question import parse

    query = parse("who is rutland's interim DCS, when did she start and where was she before? think she came from "
                  "leicestershire")
    assert query.authorities == ["Rutland"]
    # (the place she came to is still asked; so is the one she came from, where her record there is asked)
    assert "Rutland" in parse("I think she came from leicestershire to rutland - what has she changed?").authorities
    assert parse("rutland's new DCS - what did ofsted say about her leadership where she was before? she came from "
                 "leicestershire").authorities == ["Rutland", "Leicestershire"]


def test_areas_for_improvement_typed_in_a_hurry_ask_for_the_list():
    from qa.retrieval.question import parse
    from qa.retrieval.rank import IMPROVE_ASKED_BOOST, improve_weight

    assert parse("rutland jtai neglect areas for improvment").answer_type == "remaining"
    listed = "What needs to improve?\n\nThe use of chronologies.\n\nThe timeliness of information sharing.\n"
    assert improve_weight(listed, [], "rutland jtai neglect areas for improvment") == IMPROVE_ASKED_BOOST


def test_a_town_named_council_spending_on_its_services_is_a_place():
    from qa.retrieval.question import find_authorities

    assert find_authorities("how much did durham spend on agency SWs in 2024/25 per the cabinet report?") == ["Durham"]
    # (not a word that is also a town without a service spent on: "how much did reading spend on books?")
    assert find_authorities("how much did reading spend on books?") == []
    assert find_authorities("how much did york spend on fostering allowances?") == ["York"]
    assert find_authorities("did reading pay off for looked after children in the virtual school?") == []


def test_a_subject_of_the_pages_own_before_a_grade_is_read_as_a_word():
    from qa.retrieval.assistant import _grades_another

    # (the pattern had backspaces where its word boundaries belonged, so it never matched)
    assert not _grades_another("Like Hampshire, our services were judged outstanding.", ["Isle of Wight"])
    # ("four" and "were" hold no "our" or "we" of their own)
    assert _grades_another("Hampshire, like four others, was judged outstanding.", ["Isle of Wight"])
    assert _grades_another("Hampshire's services were judged outstanding.", ["Isle of Wight"])


def test_no_source_file_holds_control_characters():
    # (an editing slip wrote backspaces for "\b" into a pattern, which then never matched: no test saw it)
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    control = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
    held = [f"{path.relative_to(root)}:{n}" for folder in ("qa", "bench", "tests")
            for path in (root / folder).rglob("*.py")
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if control.search(line)]
    assert not held, held
