"""Round 69: trust beyond the seeds (issue 10)."""
from __future__ import annotations

from qa.datatypes import Document, Hit, Passage


def _doc(doc_id: str, text: str, doc_type: str = "council_page", date: str | None = None, title: str = "",
         places: tuple[str, ...] = ("Rutland",)) -> Document:
    return Document(doc_id=doc_id, path=f"{doc_id}.txt", title=title, doc_type=doc_type, text=text, date=date,
                    local_authorities=list(places))


def _hit(doc: Document, unconfirmed: list[str] | None = None) -> Hit:
    return Hit(passage=Passage(passage_id=f"{doc.doc_id}#1", doc_id=doc.doc_id, text=doc.text, start=0,
                               end=len(doc.text)), document=doc, score=1.0, unconfirmed=unconfirmed or [])


def test_who_held_an_office_at_a_time_set_aside_is_no_filter():
    from qa.retrieval.question import parse

    query = parse("Rutland after the 2016 inadequate: who was the new DCS leading the improvement work? 2016 - not "
                  "the director appointed in December 2018, and not the interim DCS the 2018 MV letter went to.")
    assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2016-01-01", "2017-12-31")
    # (an office asked at a time is still asked: "the director appointed in December 2018")
    assert parse("Who was the director appointed in December 2018 in Rutland?").date_from.isoformat() == "2018-12-01"


def test_everyday_words_for_permanence_unborn_children_and_exploitation():
    from qa.retrieval.synonyms import with_synonyms

    searched = with_synonyms("Did Ofsted praise getting children into forever homes, or planning for babies before "
                             "they are born, or help for young people groomed by gangs?")
    assert "permanence" in searched and "unborn" in searched and "exploitation" in searched
    assert with_synonyms("What did Ofsted say about permanence?") == "What did Ofsted say about permanence?"


def test_a_place_opening_a_question_before_a_bracket_and_the_place_it_is_likened_to():
    from qa.retrieval.question import parse

    query = parse("Richmond (the other borough of the same trust, same mutual as RBWM) - what did Ofsted say about "
                  "duty team caseloads?")
    assert query.authorities == ["Richmond upon Thames"]
    assert "Richmond" not in query.topic
    # (a bare word opening a question is still no place)
    assert parse("Reading the letter, what did Ofsted say about caseloads?").authorities == []


def test_a_visit_asked_by_the_dated_paper_it_came_after_is_from_the_month_after():
    from qa.retrieval.question import parse

    query = parse("Rutland's full ILACS after the March 2019 engagement meeting letter - what overall judgement?")
    assert query.date_from.isoformat() == "2019-04-01" and query.date_to is None
    assert query.time_phrase == "from April 2019"
    # (what was said after an event still includes its month)
    assert parse("What did the council say after the March 2019 inspection?").date_from.isoformat() == "2019-03-01"


def test_a_posted_on_line_in_figures_dates_the_page():
    from conftest import metadata_of

    page = """Home > News > New strategy to tackle neglect
New strategy to tackle neglect launched by Rutland safeguarding partners
Posted on 07.06.23 in Children and families
Rutland's safeguarding partners have launched a three-year strategy to help practitioners recognise neglect.
"""
    assert metadata_of(page)["date"] == "2023-06-07"


def test_an_abbreviation_with_its_version_number_is_read():
    from qa.retrieval.acronyms import FIELD_GLOSSARY, expand

    assert "graded care profile" in expand("rutland gcp2 take-up since the jtai - numbers?", FIELD_GLOSSARY)
    assert expand("rutland mv2 findings", FIELD_GLOSSARY) == "rutland mv2 findings"


def test_a_councillors_reaction_asked_tersely_is_the_councils_word():
    from qa.retrieval.answer_type import reaction_weight
    from qa.retrieval.question import parse

    question = "rutland cllr reaction to the 2025 neglect jtai"
    assert parse(question).source == "council"
    quoted = ("Cllr Jo Bell, Rutland County Council's cabinet member for children's services, said: \"Inspectors have "
              "recognised the work our staff do every day.\"")
    assert reaction_weight(question, quoted) > 1.0
    assert reaction_weight(question, "The partnership should prepare a written statement of action.") == 1.0


def test_a_passage_holding_every_word_of_a_short_question_answers_below_the_floor():
    from qa.answers.extract import DENSE_FLOOR, should_abstain

    assert not should_abstain(DENSE_FLOOR - 0.02, coverage=1.0, terms=2)
    assert should_abstain(DENSE_FLOOR - 0.02, coverage=1.0, terms=1)
    assert should_abstain(DENSE_FLOOR - 0.02, coverage=0.67, terms=3)


def test_the_place_and_the_source_after_the_question_are_not_searched_for():
    from qa.retrieval.question import parse

    query = parse("lbth mv6 march 19 - anything on knife crime? council's own page, not the june 19 ilacs")
    assert query.authorities == ["Tower Hamlets"]
    assert "lbth" not in query.topic.lower() and "page" not in query.topic
    assert query.source == "council"


def test_a_jtai_asked_where_the_only_one_is_the_month_set_aside_is_not_answered():
    from qa.retrieval.assistant import opens_on_date_set_aside

    question = "rutland's 2025 JTAI on neglect (not the Feb 2024 one) - what did inspectors find?"
    paper = _doc("paper", "Report to Health and Wellbeing Board\nTitle: progress one year after the joint targeted "
                          "area inspection\n2.1 Between 5 and 9 February 2024, four inspectorates carried out a JTAI "
                          "of the response to children living with neglect in Rutland.", date="2025-03-18")
    letter = _doc("letter", "Joint targeted area inspection of the response to children living with neglect in "
                            "Rutland\nThis inspection took place from 9 to 13 June 2025.", doc_type="ofsted_letter",
                  date="2025-07-17")
    assert opens_on_date_set_aside(paper, question)
    assert not opens_on_date_set_aside(letter, question)
    assert not opens_on_date_set_aside(paper, "rutland's 2025 JTAI on neglect - what did inspectors find?")


def test_a_person_appointed_is_named():
    from qa.retrieval.answer_type import names_person_in_role

    assert names_person_in_role("director", "Action taken includes the appointment of Jo Bell as permanent corporate "
                                            "director of children's services in August last year.")
    assert not names_person_in_role("director", "The appointment of a permanent director is still awaited.")


def test_a_county_council_named_by_its_seat():
    from qa.retrieval.question import find_authorities

    assert find_authorities("The county council at Chichester - when did Ofsted publish its 2019 report?") \
        == ["West Sussex"]
    assert find_authorities("what did exeter's children's services get at the 2019 ilacs?") == ["Devon"]


def test_a_page_naming_its_latest_visit_before_the_asked_year_is_no_possible_match():
    from qa.retrieval.assistant import states_asked_facts
    from qa.retrieval.question import parse

    query = parse("rutland ofsted MV in 2025 - what did it find?")
    page = _doc("page", "Since 1 April 2024 the trust has run children's social care. Ofsted continues to inspect "
                        "children's services in Rutland. The latest monitoring visit letter (July 2024) is on the "
                        "Ofsted website.")
    assert not states_asked_facts(_hit(page, ["date"]), query)
    recalling = _doc("story", "Inspectors praised Rutland's progress. At the last inspection in 2024, services "
                              "were judged to require improvement.")
    assert states_asked_facts(_hit(recalling, ["date"]), query)


def test_an_early_years_inspection_of_a_nursery_asks_for_its_report():
    from qa.retrieval.answer_type import asks_provider_inspection

    assert asks_provider_inspection("What did Ofsted's early years inspection of the Rutland day nursery say about "
                                    "staff recognising signs of neglect?")
    assert not asks_provider_inspection("What did Ofsted's inspection say about the council's early help?")
