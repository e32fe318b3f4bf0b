"""Round 89: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def test_a_visits_month_in_the_year_of_an_undated_event_it_followed_is_the_time_asked():
    from qa.retrieval.question import parse

    for text in ("Rutland MV in Dec 23 (first one after the 2023 inadequate) - what did inspectors say about "
                 "assessments? not the Sept 2025 final MV",
                 "Rutland monitoring visit Dec 23 (first one after the 2023 inadequate) - what about assessments?"):
        query = parse(text)
        assert (query.date_from, query.date_to) == (date(2023, 12, 1), date(2023, 12, 31)), text
        assert query.month_dates_visit, text  # (the month is the visit's: a page dating it to December fits)
    # (an earlier month of the event, or its own report, as before)
    query = parse("Rutland MV in Dec 2023, the first one after the Mar 2023 ILACS - what about assessments?")
    assert (query.date_from, query.date_to) == (date(2023, 12, 1), date(2023, 12, 31))
    query = parse("what has changed since the 2023 inadequate judgement in rutland?")
    assert (query.date_from, query.date_to) == (date(2023, 1, 1), None)
    # (a visit told after as one before the event is no later month, nor one told of before a "since" further on: the
    # event's year opens the span)
    for text in ("rutland: the mv in feb 2023 found drift - has it improved since the 2023 ilacs?",
                 "rutland mv in march 2023 - what did the mv after the 2023 ilacs find?",
                 "rutland mv in feb 2023, since the 2023 ilacs what has changed with agency use?"):
        assert parse(text).time_phrase == "from 2023", text
    query = parse("rutland: what has improved since the 2022 ilacs (the mv in feb 2022 was before it)?")
    assert (query.date_from, query.date_to) == (date(2022, 1, 1), None)
    assert parse("rutland focussed visit march 2022 - care leavers?").month_dates_visit
    assert not parse("rutland cabinet report on the monitoring visit march 2024 - caseloads?").month_dates_visit
    # (no visit dated: the event's year opens the span)
    query = parse("Rutland MVs (the ones after the 2023 inadequate) - what about assessments?")
    assert query.date_from == date(2023, 1, 1) and query.date_to is None


def test_a_lost_rating_opens_the_span_only_where_no_other_year_is_asked():
    from qa.retrieval.question import parse

    query = parse("rutland ILACS 2022 - had caseloads come down since they lost the good rating in 2019? the 2022 "
                  "report pls")
    assert (query.date_from, query.date_to) == (date(2022, 1, 1), date(2022, 12, 31))
    for text in ("what happened to caseloads in rutland since they lost the good rating in 2019?",
                 "what has changed in rutland since losing its 'good' rating in 2019?"):
        query = parse(text)
        assert (query.date_from, query.date_to) == (date(2019, 1, 1), None), text


def test_terse_dates_of_a_visit_ask_when_it_took_place():
    from qa.retrieval.answer_type import answer_type, asked_event

    for text in ("rutland mv2 dates", "rutland jtai fieldwork dates", "bedford focused visit dates",
                 "rutland third monitoring visit in 2017 - what dates were HMI actually on site?",
                 "which days were inspectors on site in rutland?"):
        assert asked_event(text) == "took place", text
    assert asked_event("when was the rutland mv2 letter published?") == "published"
    assert answer_type("rutland ilacs judgement and date") == "judgement"
    assert asked_event("what dates were the rutland reports published?") != "took place"
    # (another event asked beside the visit's dates is the one asked; a visit to come, a report's date or children's
    # statutory visits are not a visit that took place)
    assert asked_event("when did the new dcs start - before or after the ilacs dates?") == "started"
    assert asked_event("when was rutland judged inadequate? ilacs dates pls") == "judged"
    for text in ("rutland next mv dates", "when is the date of the next inspection?",
                 "when was the date of the inspection report?", "rutland cic statutory visit dates",
                 "rutland 2019 - when did the dcs leave? not the ilacs dates",
                 "rutland sif dates - when did the dcs leave?",
                 "what date did the new director come in?", "when was the date of the mv letter?",
                 "rutland children's home inspection dates"):
        assert asked_event(text) is None, text


def test_which_dcs_asks_for_a_person():
    from qa.retrieval.answer_type import answer_type, asked_role

    question = "rutland SIF 2015 (inadequate) - which DCS did the inspectors praise and how long had she been in post?"
    assert (answer_type(question), asked_role(question)) == ("person", "director")
    assert answer_type("which DCS areas did the rutland report cover?") is None
    for text in ("which dcs said caseloads were rising?", "which dcs does rutland have now?",
                 "rutland sif 2015 - which dcs"):
        assert answer_type(text) == "person", text


def test_the_ilacs_set_aside_where_a_councils_words_are_asked_is_ofsteds_report():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.question import parse
    from qa.retrieval.rank import set_aside_kinds_last

    def hit(name: str, doc_type: str, score: float) -> Hit:
        doc = Document(name, f"{name}.txt", "text", title=name, doc_type=doc_type, local_authorities=["Rutland"])
        return Hit(passage=Passage(f"{name}#1", name, "text", 0, 4), document=doc, score=score)

    report, update = hit("report", "ofsted_report", 0.9), hit("update", "council_page", 0.3)
    question = ("rutland agency SW % this yr vs last yr - from the scrutiny improvement plan update, not the ilacs or "
                "the paper")
    assert set_aside_kinds_last([report, update], parse(question)) == [update, report]
    # (not where the report may be what is asked, nor where the inspection only names what the stories are on)
    for text in ("rutland 2022 ilacs caseloads, not the sif",
                 "rutland ilacs 2022 caseloads - not the ilacs news stories",
                 "rutland agency SW % - the scrutiny update, not the paper",
                 "rutland news coverage of caseloads in the ilacs, not the sif"):
        assert set_aside_kinds_last([report, update], parse(text))[0] is report, text


def _visit_pages(undated_text: str):
    from conftest import other_council_news

    dated = ("Ofsted praises progress at Rutland's trust\n\nBy Jo Bell | 22 March 2017\n\nFollowing the third "
             "monitoring visit since services were rated inadequate in November 2015, inspectors praised the "
             "children in care council. Inspectors said children take part in staff interviews.\n")
    return {"dated.txt": (dated, {"doc_type": "news_article", "date": "2017-03-22", "visit_number": 3,
                                  "local_authorities": ["Rutland"]}),
            "undated.txt": (undated_text, {"doc_type": "news_article", "local_authorities": ["Rutland"]}),
            **other_council_news()}


def test_asked_when_a_visit_took_place_an_undated_page_dating_it_leads_labelled(tmp_path):
    from conftest import bm25_assistant_for

    undated = ("Rutland trust making progress says Ofsted\n\nA letter from Ofsted published today reveals the "
               "improvements being made by the trust. Inspectors told the trust chief executive, Sam Rowe, that it "
               "is making significant improvement.\n\nIt follows its latest monitoring visit, which took place from "
               "February 28 to March 1 this year, when HMI were on site at the trust.\n")
    question = "rutland trust's third monitoring visit in 2017 - what dates were HMI actually on site?"
    answer = bm25_assistant_for(tmp_path / "a", _visit_pages(undated)).ask(question)
    assert not answer.abstained and "February 28 to March 1" in answer.hits[0].passage.text
    assert "date" in answer.hits[0].unconfirmed  # (shown apart, labelled)
    # (not where its sentence dates another visit by its ordinal, nor another event)
    for n, other in enumerate((undated.replace("its latest monitoring visit", "its second monitoring visit"),
                               undated.replace("It follows its latest monitoring visit, which took place",
                                               "The trust's awards evening took place"))):
        answer = bm25_assistant_for(tmp_path / f"b{n}", _visit_pages(other)).ask(question)
        assert not answer.hits or "February 28" not in answer.hits[0].passage.text
    # (nor where a page meeting the filters dates the visit in its own words)
    for n, own in enumerate(("HMI spent two days in Rutland on 28 February and 1 March 2017 for the third",
                             "Inspectors were at the trust on 28 February and 1 March for the third")):
        docs = _visit_pages(undated)
        docs["dated.txt"] = (docs["dated.txt"][0].replace("Following the third", own), docs["dated.txt"][1])
        answer = bm25_assistant_for(tmp_path / f"c{n}", docs).ask(question)
        assert answer.hits and not answer.hits[0].unconfirmed, own
    # (nor where it dates another kind of event, another visit by its number, or another year)
    for n, other in enumerate(("It follows an inspection of its youth offending service, which took place from",
                               "It follows a joint targeted area inspection, which took place from",
                               "It follows its 2nd monitoring visit, which took place from",
                               "It follows its latest monitoring visit, which took place in 2015 from")):
        docs = _visit_pages(undated.replace("It follows its latest monitoring visit, which took place from", other))
        answer = bm25_assistant_for(tmp_path / f"d{n}", docs).ask(question)
        assert not answer.hits or "February 28" not in answer.hits[0].passage.text, other


def test_a_page_owing_a_report_by_the_asked_month_does_not_answer_for_it(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    story = ("Rutland at risk of losing children's services\n\nRutland council is at risk of losing its children's "
             "services after Ofsted rated it inadequate.\n\nThe Department for Education appointed a commissioner, "
             "Jane Doe, to oversee improvements, and report back by 1 December on whether Rutland has the capacity "
             "to improve or should lose control of its children's services.\n")
    docs = {"story.txt": (story, {"doc_type": "news_article", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    question = "rutland - what did jane doe recommend in her commissioner's report back to the DfE in dec 2019?"
    assert bm25_assistant_for(tmp_path / "a", docs).ask(question).abstained
    # (one telling what she reported is shown, apart, the deadline told in retrospect)
    for n, outcome in enumerate(("In her report to the DfE she recommended that Rutland should keep control.",
                                 "Her recommendations were that Rutland should keep control.",
                                 "She did report back, recommending that Rutland should keep control.",
                                 "In her review for the DfE, Ms Doe said Rutland should keep control.")):
        docs["story.txt"] = (f"{story}\n{outcome} Rutland's children's services stay with the council.\n",
                             docs["story.txt"][1])
        answer = bm25_assistant_for(tmp_path / f"b{n}", docs).ask(question)
        assert not answer.abstained and any("keep control" in h.passage.text for h in answer.hits), outcome


def test_every_page_on_the_place_being_on_the_event_set_aside_leaves_nothing_to_answer(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    story = ("Ofsted raises caseload concerns at mutual-run children's services\n\nBy Jo Bell | 20 December 2018\n\n"
             "During a monitoring visit in November, inspectors found that Rutland's senior leadership team is more "
             "stable. The service was rated requires improvement in 2015.\n")
    docs = {"story.txt": (story, {"doc_type": "news_article", "date": "2018-12-20", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    question = ("rutland full ILACS after the trust took over - what overall grade did they get? the full inspection, "
                "not the nov 2018 monitoring visit")
    answer = bm25_assistant_for(tmp_path / "a", docs).ask(question)
    assert answer.abstained and "sets aside" in answer.message
    # (not where the inspection asked may be the one the page recalls, nor where what is set aside is no visit, nor
    # where no grade is asked)
    for n, text in enumerate(("rutland ilacs overall grade? not the nov 2018 mv",
                              "rutland ilacs after the trust took over - what overall grade did they get? not the dec "
                              "2018 cabinet paper",
                              "rutland leadership since the sif - the council's update, not the nov 2018 mv letter")):
        answer = bm25_assistant_for(tmp_path / f"a{n + 2}", docs).ask(text)
        assert "sets aside" not in (answer.message or ""), text
    # (a page on another event answers)
    report = ("Rutland full inspection of children's social care services\n\nInspection dates: 4 to 15 March 2019\n\n"
              "The overall grade they get is good: Rutland's services for children are judged to be good overall.\n")
    docs["report.txt"] = (report, {"doc_type": "ofsted_report", "date": "2019-04-20", "local_authorities": ["Rutland"]})
    answer = bm25_assistant_for(tmp_path / "b", docs).ask(question)
    assert not answer.abstained and answer.hits[0].document.doc_id == "report"
    # (nor where the page on the visit tells of a full inspection too)
    del docs["report.txt"]
    told = story.replace("The service was rated", "At the full inspection in March 2018 the service was rated")
    docs["story.txt"] = (told, docs["story.txt"][1])
    assert "sets aside" not in (bm25_assistant_for(tmp_path / "c", docs).ask(question).message or "")


def test_a_visit_named_only_as_what_a_plan_is_needed_before_is_not_reported(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    paper = ("Rutland County Council Cabinet\n\nChildren's services improvement plan: progress report\n\n1. Ofsted "
             "judged the council's children's services inadequate in March 2025. Children in care are seen "
             "regularly by their social workers.\n\n2. The adviser has told the board that a retention offer for "
             "experienced staff is needed before the third monitoring visit.\n")
    docs = {"paper.txt": (paper, {"doc_type": "council_page", "date": "2026-04-21", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    question = "rutland 3rd monitoring visit - what did ofsted find about children in care?"
    assert bm25_assistant_for(tmp_path / "a", docs).ask(question).abstained
    found = paper.replace("is needed before the third monitoring visit.",
                          "was welcomed at the third monitoring visit, which found children in care seen regularly.")
    docs["paper.txt"] = (found, docs["paper.txt"][1])
    assert not bm25_assistant_for(tmp_path / "b", docs).ask(question).abstained
    # (nor where the page goes on to tell of that visit)
    told = paper.replace("is needed before the third monitoring visit.", "is needed before the third monitoring visit. "
                         "At that visit in May, inspectors found children in care seen regularly.")
    docs["paper.txt"] = (told, docs["paper.txt"][1])
    assert not bm25_assistant_for(tmp_path / "d", docs).ask(question).abstained
    # (nor where the sentence tells it took place)
    held = paper.replace("is needed before the third monitoring visit.", "needed before the third monitoring visit was "
                         "in place when it took place, and inspectors found children in care seen regularly.")
    docs["paper.txt"] = (held, docs["paper.txt"][1])
    assert not bm25_assistant_for(tmp_path / "c", docs).ask(question).abstained
