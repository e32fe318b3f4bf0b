"""Round 55: trust beyond the seeds (issue 10)."""
from __future__ import annotations


def test_sw_before_a_region_is_the_south_west():
    from qa.retrieval.acronyms import FIELD_GLOSSARY, expand

    assert "south west" in expand("Did the SW regional director say anything positive?", FIELD_GLOSSARY)
    assert "social worker" not in expand("Did the SW regional director say anything?", FIELD_GLOSSARY)
    assert "social worker" in expand("How many SW vacancies were there?", FIELD_GLOSSARY)


def test_a_sentence_after_the_question_opened_by_not_the_is_set_aside():
    from qa.retrieval.question import parse

    asked = parse("Oldbury, the 2014 inspection - what was the headline finding about harm? Not the CLG "
                  "committee's criticism of Ofsted itself.")
    assert "CLG" not in asked.names and "criticism" not in asked.topic
    # (a "not" inside the question is what is asked)
    assert "CLG" in parse("Was the CLG committee not satisfied with Ofsted?").names


def test_a_grade_reached_is_a_grade_given_and_asked():
    from qa.retrieval.grades import _asked_grades, lead_grade

    assert lead_grade("A council criticised for high caseloads has improved to a good Ofsted rating after hiring "
                      "more social workers.") == "good"
    assert lead_grade("Council improves to \u2018good\u2019 after increasing social worker numbers.") == "good"
    assert lead_grade("The council has improved its front door since the visit.") is None
    assert _asked_grades("Oldbury went up to good in early 2022 - which other council did too?", 2022, 2022) == \
        {"good"}


def test_a_grade_given_in_plural_ratings_answers_when_it_was_given():
    from qa.retrieval.answer_type import gives_grade

    assert gives_grade("ri", "Oldbury joined Newtown in improving one grade from the requires improvement ratings "
                             "both received in 2017.")
    assert not gives_grade("ri", "Oldbury needs improvement in its assessments.")


def test_a_grade_after_a_clause_dating_its_subject_is_of_that_year():
    from qa.retrieval.answer_type import holds_grade_of

    text = "The report, published in January 2016, judged services to be inadequate overall."
    question = "What grades did Oldbury get at the June 2022 ILACS?"
    assert not holds_grade_of(text, range(2021, 2024), question)
    assert holds_grade_of(text, range(2015, 2018), question)
    # (a year in a clause on something else leaves the grade untied)
    assert holds_grade_of("After a long wait, services in Oldbury were judged good.", range(2021, 2024), question)


def test_asked_whether_inspectors_gave_credit_the_inspectors_view_is_asked():
    from qa.retrieval.rank import ASKS_INSPECTORS_VIEW_RE

    assert ASKS_INSPECTORS_VIEW_RE.search("Did inspectors give the LA any credit on leadership?")
    assert ASKS_INSPECTORS_VIEW_RE.search("Have inspectors praised the council's response?")
    assert not ASKS_INSPECTORS_VIEW_RE.search("Did the council give a statement?")


def test_a_line_introducing_a_quotation_stays_with_it():
    from qa.datatypes import Block, Document
    from qa.passages.split import split_document

    before = " ".join(["Inspections were carried out across every remit in the county."] * 10)
    intro = "Jane Doe, Ofsted's Regional Director, said:"
    quote = " ".join(["The council deserves credit for its role in improving the performance of schools."] * 3)
    text = f"{before}\n\n{intro}\n\n{quote}"
    blocks, at = [], 0
    for kind, part in (("para", before), ("para", intro), ("para", quote)):
        start = text.index(part, at)
        blocks.append(Block(kind=kind, text=part, start=start, end=start + len(part)))
        at = start + len(part)
    doc = Document(doc_id="r55-s", path="s.txt", title="Press release", doc_type="other", text=text, blocks=blocks)
    passages = split_document(doc, max_words=140, min_words=25)
    holding = [p for p in passages if "deserves credit" in p.text]
    assert len(holding) == 1 and holding[0].text.startswith(intro)
    assert all(p.text == text[p.start:p.end] for p in passages)


def test_a_councils_quotation_in_its_we_is_its_statement_on_its_own_page():
    from qa.retrieval.rank import reply_share

    quoted = ("\u201cThe report highlights that many areas of work are carried out effectively. The decisions we make "
              "in taking children into care are appropriate and timely.")
    assert reply_share(quoted, own_page=True) == 1.0
    assert reply_share(quoted, own_page=False) == 0.0  # (in a story, whose words they are is not shown)
    assert reply_share("\u201cChildren are seen quickly and plans are clear.", own_page=True) == 0.0


def test_a_grade_alone_on_its_line_is_a_table_value_not_a_heading():
    from qa.documents.clean import _heading_like

    for value in ("Good", "Requires improvement", "Requires Improvement to be good", "Inadequate", "Outstanding"):
        assert not _heading_like(value)
    assert _heading_like("Good practice in supervision")
    assert _heading_like("Leadership, management and governance")
