"""Round 55: trust beyond the seeds (issue 10)."""
from __future__ import annotations


def test_sw_before_a_region_is_the_south_west():
    from qa.retrieval.acronyms import FIELD_GLOSSARY, expand

    assert "south west" in expand("Did the SW regional director say anything positive?", FIELD_GLOSSARY)
    assert "social worker" not in expand("Did the SW regional director say anything?", FIELD_GLOSSARY)
    assert "south west" in expand("What did Ofsted's SW Regional Director say?", FIELD_GLOSSARY)
    assert "social worker" in expand("How many SW vacancies were there?", FIELD_GLOSSARY)


def test_a_long_form_of_the_fields_abbreviations_is_searched_with_the_abbreviation():
    from qa.retrieval.acronyms import with_short_forms

    assert with_short_forms("Has every council had its annual engagement meeting?").endswith("(AEM)")
    assert with_short_forms("What about the multi-agency safeguarding hubs?").endswith("(MASH)")
    assert with_short_forms("How many social workers left?") == "How many social workers left?"  # (two letters)
    assert "(AEM)" not in with_short_forms("What did the AEM (annual engagement meeting) cover?")


def test_a_sentence_after_the_question_opened_by_not_the_is_set_aside():
    from qa.retrieval.question import parse

    asked = parse("Oldbury, the 2014 inspection - what was the headline finding about harm? Not the CLG "
                  "committee's criticism of Ofsted itself.")
    assert "CLG" not in asked.names and "criticism" not in asked.topic
    # (a "not" inside the question is what is asked)
    assert "CLG" in parse("Was the CLG committee not satisfied with Ofsted?").names
    # (nor one naming what is asked instead)
    assert parse("What grade did Oldbury get? Not the 2016 inspection but the one in 2019.").date_from.year == 2019
    assert parse("What did Ofsted find at Oldbury? Not the 2016 inspection, the 2019 one.").date_from.year == 2019
    assert "supervision" in parse("What did inspectors say about Oldbury in 2014? Not the headline, the detail on "
                                  "supervision.").topic
    # (a statement after the question closing on ", not ...": what it names is not asked, nor its date)
    asked = parse("Who wrote the story on Oldbury's good grade in 2019? The news article, not the council's April "
                  "2019 release.")
    assert (asked.date_from.month, asked.date_to.month) == (1, 12) and "release" not in asked.text
    assert parse("Why would Ofsted monitor a children's home? Childrens homes, not monitoring of council "
                 "services.").text.endswith("Childrens homes.")
    assert parse("Which councils were rated good, not outstanding?").text.endswith("not outstanding?")
    assert "just" in parse("What did Ofsted say? Caseloads, not just supervision.").text


def test_a_grade_reached_is_a_grade_given_and_asked():
    from qa.retrieval.grades import _asked_grades, lead_grade

    assert lead_grade("A council criticised for high caseloads has improved to a good Ofsted rating after hiring "
                      "more social workers.") == "good"
    assert lead_grade("Council improves to \u2018good\u2019 after increasing social worker numbers.") == "good"
    assert lead_grade("The council has improved its front door since the visit.") is None
    # (as a judgement, not a standard, a home or an aim; nor denied)
    for text in ("Attendance at school has improved to a good standard.", "Children are moving to good foster homes "
                 "more quickly.", "The council's plan is focused on moving to good by the next inspection.",
                 "The council has not yet improved to good."):
        assert lead_grade(text) is None, text
    assert _asked_grades("In 2022 Oldbury improved to good - which other council did too?", 2022, 2022) == {"good"}
    assert _asked_grades("Oldbury went up to good in early 2022 - which other council did too?", 2022, 2022) == \
        {"good"}
    assert not _asked_grades("In 2022, had Oldbury improved services in good time for the ILACS?", 2022, 2022)


def test_a_grade_given_in_plural_ratings_answers_when_it_was_given():
    from qa.retrieval.answer_type import gives_grade

    assert gives_grade("ri", "Oldbury joined Newtown in improving one grade from the requires improvement ratings "
                             "both received in 2017.")
    assert gives_grade("good", "Oldbury received two good ratings in 2022.")
    assert not gives_grade("good", "Social workers make good judgements about risk.")
    assert not gives_grade("good", "Care leavers achieve good grades at college.")


def test_a_grade_after_a_clause_dating_its_subject_is_of_that_year():
    from qa.retrieval.answer_type import holds_grade_of

    text = "The report, published in January 2016, judged services to be inadequate overall."
    question = "What grades did Oldbury get at the June 2022 ILACS?"
    assert not holds_grade_of(text, range(2021, 2024), question)
    assert holds_grade_of(text, range(2015, 2018), question)
    # (a year in a clause on something else, or on the grade before, leaves the grade untied)
    assert holds_grade_of("The council, which lost its director in May 2016, was judged good.", range(2021, 2024),
                          question)
    assert holds_grade_of("Oldbury, which was rated inadequate in 2016, has now been judged good.",
                          range(2021, 2024), question)


def test_asked_whether_inspectors_gave_credit_the_inspectors_view_is_asked():
    from qa.retrieval.rank import ASKS_INSPECTORS_VIEW_RE

    assert ASKS_INSPECTORS_VIEW_RE.search("Did inspectors give the LA any credit on leadership?")
    assert ASKS_INSPECTORS_VIEW_RE.search("Have inspectors praised the council's response?")
    assert not ASKS_INSPECTORS_VIEW_RE.search("Did the council give a statement?")


def _split(paragraphs: list[str]):
    from qa.datatypes import Block, Document
    from qa.passages.split import split_document

    text = "\n\n".join(paragraphs)
    blocks, at = [], 0
    for part in paragraphs:
        start = text.index(part, at)
        blocks.append(Block(kind="para", text=part, start=start, end=start + len(part)))
        at = start + len(part)
    doc = Document(doc_id="r55-s", path="s.txt", title="Press release", doc_type="other", text=text, blocks=blocks)
    passages = split_document(doc, max_words=140, min_words=25)
    # (every paragraph in exactly one passage, none overlapping)
    assert all(sum(p.start <= b.start and b.end <= p.end for p in passages) == 1 for b in blocks)
    assert all(x.end <= y.start for x, y in zip(passages, passages[1:]))
    return passages


def test_a_line_introducing_a_quotation_stays_with_it():
    intro = "Jane Doe, Ofsted's Regional Director, said:"
    quote = " ".join(["The council deserves credit for its role in improving the performance of schools."] * 3)
    # (the quotation does not fit beside what comes before: the line goes with it)
    before = " ".join(["Inspections were carried out across every remit in the county."] * 10)
    holding = [p for p in _split([before, intro, quote]) if "deserves credit" in p.text]
    assert len(holding) == 1 and holding[0].text.startswith(intro)
    # (the line brings its passage to the size where it would end: it does not end there)
    before = " ".join(["Inspections were carried out across every remit in the county."] * 11)
    holding = [p for p in _split([before, intro, quote[:120]]) if intro in p.text]
    assert len(holding) == 1 and "deserves credit" in holding[0].text
    # (elsewhere the passages end where they did: a paragraph that does not fit stands alone)
    words = lambda first, n: " ".join([first] + ["word"] * (n - 1))  # noqa: E731
    passages = _split([words("Alpha", 100), words("Beta", 80), words("Gamma", 30), words("Delta", 30)])
    assert [p.text.split()[0] for p in passages] == ["Alpha", "Beta", "Gamma"]

def test_a_councils_quotation_in_its_we_is_its_statement_on_its_own_page():
    from qa.retrieval.rank import reply_share

    quoted = ("\u201cThe report highlights that many areas of work are carried out effectively. The decisions we make "
              "in taking children into care are appropriate and timely.")
    assert reply_share(quoted, own_page=True) == 1.0
    assert reply_share(quoted, own_page=False) == 0.0  # (in a story, whose words they are is not shown)
    assert reply_share("\u201cChildren are seen quickly and plans are clear.", own_page=True) == 0.0
    # (nor a quotation whose speaker is named)
    assert reply_share("\u201cWe saw children who were safe and well cared for,\u201d the lead inspector said.",
                       own_page=True) == 0.0
    assert reply_share("\u201cOur social worker always listens to us,\u201d one care leaver told inspectors.",
                       own_page=True) == 0.0


def test_a_grade_alone_on_its_line_is_a_table_value_not_a_heading():
    from qa.documents.clean import _heading_like

    for value in ("Good", "Requires improvement", "Requires Improvement to be good", "Inadequate", "Outstanding",
                  "\u2018Good\u2019", "Adequate", "Good (2)"):
        assert not _heading_like(value)
    assert _heading_like("Good practice in supervision")
    assert _heading_like("Leadership, management and governance")
    assert _heading_like("Good news for care leavers")


def test_a_letter_dated_in_words_year_and_all():
    from qa.documents.metadata import parse_date

    assert parse_date("Date: the fourteenth of March two thousand and seventeen") == "2017-03-14"
    assert parse_date("the 3rd of May two thousand twenty-one") == "2021-05-03"
    assert parse_date("the first of June two thousand and nine") == "2009-06-01"
    assert parse_date("the fourth of March 2020") == "2020-03-04"


def test_whether_a_grade_was_ever_given_is_answered_only_by_a_passage_giving_it(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    report = ("Oldbury inspection\n\nPublished 2 August 2016\n\nOldbury's children's services were judged as "
              "requires improvement to be good. Leaders know their services well and children are seen quickly.")
    assistant = bm25_assistant_for(tmp_path, {"r.txt": (report, {"doc_type": "ofsted_report", "title": "Oldbury",
                                                                 "date": "2016-08-02",
                                                                 "local_authorities": ["Oldbury"]}),
                                              **other_council_news()})
    assert assistant.ask("has oldbury childrens services ever been judged outstanding by ofsted?").abstained
    assert not assistant.ask("has oldbury childrens services ever been rated requires improvement by "
                             "ofsted?").abstained


def test_a_speaker_named_by_surname_is_somebody_named_when_the_page_gives_the_full_name():
    from qa.datatypes import Document, Hit, Passage
    from qa.retrieval.assistant import speaks_by_surname
    from qa.retrieval.answer_type import asked_role

    text = ("Inspectors praised the director, Frances Craven, for her grip.\n\nCraven said: \u201cWe have a committed "
            "workforce.\u201d")
    quoted = text[text.index("Craven said"):]
    doc = Document(doc_id="r55-c", path="c.txt", title="Story", doc_type="news_article", text=text)
    hit = Hit(passage=Passage(passage_id="r55-c#2", doc_id="r55-c", text=quoted, start=text.index(quoted),
                              end=len(text)), document=doc, score=1.0)
    assert speaks_by_surname(hit)
    alone = Document(doc_id="r55-d", path="d.txt", title="Story", doc_type="news_article", text=quoted)
    assert not speaks_by_surname(Hit(passage=hit.passage, document=alone, score=1.0))
    council = Document(doc_id="r55-e", path="e.txt", title="Story", doc_type="news_article",
                       text="Oldbury City Council said: \u201cWe welcome the report.\u201d")
    assert not speaks_by_surname(Hit(passage=Passage(passage_id="r55-e#1", doc_id="r55-e", text=council.text, start=0,
                                                     end=len(council.text)), document=council, score=1.0))
    # (a role in a closing sentence set aside is not the one asked)
    assert asked_role("Who spoke for Oldbury when the 2015 report came out? Not the deputy mayor on the latest "
                      "inspection.") == "spoke"


def test_asked_who_wrote_a_story_its_byline_weighs_as_the_person_named():
    from qa.retrieval.answer_type import answer_type_weight

    byline = "Oldbury secures improved Ofsted rating\n\nNina Jacobs\nMonday, July 22, 2019\n\nLeaders were praised."
    assert answer_type_weight("person", byline, role="wrote") > 1.0
    assert answer_type_weight("person", byline, role="director") == 1.0
