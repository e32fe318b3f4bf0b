"""Round 93: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from datetime import date


def test_a_grade_named_as_the_event_then_one_is_set_aside_with_what_follows():
    from qa.retrieval.question import parse

    # "not the 2019 all-inadequate one or the 5th MV": the visit listed after it is set aside too, no filter
    query = parse("rutland ILACS march 2023 - which judgements came out Good? the 2023 report, not the 2019 "
                  "all-inadequate one or the 5th MV")
    assert query.visit_number is None
    assert (query.date_from, query.date_to) == (date(2023, 3, 1), date(2023, 3, 31))
    assert parse("rutland ILACS 2023 - what was found? not the inadequate ones or the 2nd MV").visit_number is None
    # (a visit asked, beside a grade set aside, stays the filter)
    assert parse("rutland 5th MV 2023 - what was found? not the 2019 all-inadequate one").visit_number == 5
    # (nor does "one" let the clause run on into the question asked)
    query = parse("rutland not the inadequate one about leadership what did the 2018 inspection say on care leavers")
    assert (query.date_from, query.date_to) == (date(2018, 1, 1), date(2018, 12, 31))


def test_a_special_school_asked_must_be_named_by_a_page_on_the_place(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    report = ("Rutland County Council\n\nInspection of children's social care services\n\nReport published: 9 May "
              "2025\n\nSafeguarding arrangements for children who need help and protection are effective. Leaders "
              "have strengthened safeguarding practice across early help and the front door.\n")
    school = ("Inspection of Ashbrook Special School\n\nInspection dates: 4 and 5 March 2025\n\nAshbrook is a "
              "special school in Leicester. Safeguarding\n\nThe arrangements for safeguarding are effective. Staff "
              "are trained to spot when a pupil may be at risk.\n")
    docs = {"report.txt": (report, {"doc_type": "ofsted_report", "date": "2025-05-09",
                                    "local_authorities": ["Rutland"]}),
            "school.txt": (school, {"doc_type": "ofsted_report", "date": "2025-04-02",
                                    "local_authorities": ["Leicester"]}), **other_council_news()}
    assistant = bm25_assistant_for(tmp_path, docs)
    answer = assistant.ask("ofsted report on the rutland special school - safeguarding findings?")
    assert answer.abstained and "special school" in answer.message
    answer = assistant.ask("ofsted report on the leicester special school - safeguarding findings?")
    assert not answer.abstained and answer.hits[0].document.doc_id == "school"
    # (not one set aside or given as an example: no page need name it)
    from qa.retrieval.question import parse

    for text in ("rutland - what did ofsted say about their care leavers, not special schools?",
                 "rutland ILACS 2017 - did it mention education of CLA e.g. special school places?",
                 "rutland MV march 2025 - disabled children, incl the ones at the city's special schools - what "
                 "improved?", "rutland ILACS 2018 - what did the inspection of the front door and special schools find",
                 "rutland 2019 - the MV letter on the special school referrals?",
                 "rutland 2018 ilacs - what did the report on the borough's special schools and care leavers say"):
        assert "special school" not in " ".join(parse(text).names), text


def test_a_grade_the_question_gives_its_event_anywhere_is_no_other_grade():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.grades import other_grade_given
    from qa.retrieval.question import parse

    text = ("Rutland's children's trust rated 'inadequate'\n\nThe trust has been rated 'inadequate' by Ofsted, "
            "although its adoption and fostering services were rated 'good'.\n")
    doc = Document(doc_id="story", path="story.txt", title="Rutland's children's trust rated 'inadequate'",
                   doc_type="news_article", date=None, text=text, local_authorities=["Rutland"])
    hit = Hit(passage=Passage(passage_id="story#1", doc_id="story", text=text, start=0, end=len(text)),
              document=doc, score=1.0, unconfirmed=["date"])
    # the overall grade is given in a second sentence, its year after the question mark
    asked = parse("rutland trust SIF nov 2015 - adoption and fostering came out good so why was the whole service "
                  "still rated inadequate? 2015 only")
    assert not other_grade_given(hit, asked)
    # (not a grade the question says came before, later or during something else)
    for text in ("rutland nov 2015 re-inspection came out good - why was the whole trust still rated inadequate when "
                 "the MVs were going on?", "rutland 2015 ilacs got good overall - why was the whole service still "
                 "rated inadequate after all the MVs?"):
        assert other_grade_given(hit, parse(text)), text
    assert other_grade_given(hit, parse("rutland rated good in nov 2015 - how did they turn it round when the whole "
                                        "service was still rated inadequate before?"))
    assert other_grade_given(hit, parse("rutland trust SIF nov 2015 came out good - what did inspectors say? i know "
                                        "they were rated inadequate later on"))
    # (a story leading with another grade than the only one asked is still on another inspection)
    assert other_grade_given(hit, parse("rutland trust SIF nov 2015 that came out good - what did it find?"))

