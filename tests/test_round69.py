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
    from qa.retrieval.rank import years_set_aside

    query = parse("Rutland after the 2016 inadequate: who was the new DCS leading the improvement work? 2016 - not "
                  "the director appointed in December 2018, and not the interim DCS the 2018 MV letter went to.")
    assert query.date_from.isoformat() == "2016-01-01" and query.date_to is None
    assert years_set_aside(query.text) == {2018}
    # (a person set aside closes no window, nor takes a year asked after a dash)
    assert parse("What has improved in Rutland since 2016, and not the director appointed in 2021 - what did the lead "
                 "member say?").date_to is None
    assert parse("Who was Rutland's DCS, not the interim director - the permanent one appointed in 2018?"
                 ).date_from.isoformat() == "2018-01-01"
    # (an office asked at a time is still asked: "the director appointed in December 2018")
    assert parse("Who was the director appointed in December 2018 in Rutland?").date_from.isoformat() == "2018-12-01"


def test_everyday_words_for_permanence_unborn_children_and_exploitation():
    from qa.retrieval.synonyms import with_synonyms

    searched = with_synonyms("Did Ofsted praise getting children into forever homes, or planning for babies before "
                             "they are born, or help for young people criminally used by gangs?")
    assert "permanence" in searched and "unborn" in searched and "exploitation" in searched
    assert with_synonyms("What did Ofsted say about permanence?") == "What did Ofsted say about permanence?"
    assert with_synonyms("anything on county lines?") == "anything on county lines?"


def test_a_place_opening_a_question_before_a_bracket_and_the_place_it_is_likened_to():
    from qa.retrieval.question import parse

    query = parse("Richmond (the other borough of the same trust, same mutual as RBWM) - what did Ofsted say about "
                  "duty team caseloads?")
    assert query.authorities == ["Richmond upon Thames"]
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
    assert "page" not in query.topic
    assert query.source == "council"


def test_a_jtai_asked_where_the_only_one_is_the_month_set_aside_is_not_answered():
    from qa.retrieval.assistant import opens_on_date_set_aside

    from qa.retrieval.question import parse

    question = parse("rutland's 2025 JTAI on neglect (not the Feb 2024 one) - what did inspectors find?")
    paper = _doc("paper", "Report to Health and Wellbeing Board\nTitle: progress one year after the joint targeted "
                          "area inspection\n2.1 Between 5 and 9 February 2024, four inspectorates carried out a JTAI "
                          "of the response to children living with neglect in Rutland.", date="2025-03-18")
    letter = _doc("letter", "Joint targeted area inspection of the response to children living with neglect in "
                            "Rutland\nThis inspection took place from 9 to 13 June 2025.", doc_type="ofsted_letter",
                  date="2025-07-17")
    recalling = _doc("recalling", "Joint targeted area inspection in Rutland\nThis inspection took place from 3 to 7 "
                                  "March 2025, a year after the February 2024 JTAI of the front door.",
                     doc_type="ofsted_letter", date="2025-04-20")
    assert opens_on_date_set_aside(paper, question)
    assert not opens_on_date_set_aside(letter, question) and not opens_on_date_set_aside(recalling, question)
    assert not opens_on_date_set_aside(paper, parse("rutland's 2025 JTAI on neglect - what did inspectors find?"))


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


def test_a_visit_measured_from_or_left_out_is_no_visit_filter():
    from qa.retrieval.question import parse

    query = parse("Rutland, the two-day MV in Dec 2018: compared with MV5 where HMI flagged high caseloads, had the "
                  "workforce settled? That visit only, not MV5 and not the June 2019 inspection.")
    assert query.visit_number is None
    assert (query.date_from.isoformat(), query.date_to.isoformat()) == ("2018-12-01", "2018-12-31")
    assert parse("rutland mv5 caseloads").visit_number == 5


def test_a_grade_left_with_its_date_in_brackets_opens_the_window():
    from qa.retrieval.question import parse

    query = parse("Rutland going from inadequate (Nov 2015) to good at the re-inspection - what did HMI say about "
                  "management oversight?")
    assert query.date_from.isoformat() == "2015-11-01" and query.date_to is None
    assert "(" not in query.topic


def test_ofsted_awaited_is_no_teller_and_sheff_is_sheffield():
    from qa.retrieval.question import parse

    query = parse("When does Sheffield expect Ofsted back for its next monitoring visit, and when are scrutiny "
                  "members due the next report on care leavers?")
    assert query.source == "council"
    assert parse("What did the next monitoring visit find in Sheffield?").source == "ofsted"
    assert parse("sheff ilacs 2024 - overall grade?").authorities == ["Sheffield"]


def test_the_reviewers_counter_examples():
    from conftest import metadata_of
    from qa.answers.extract import should_abstain
    from qa.retrieval.answer_type import holds
    from qa.retrieval.question import parse, places_asked

    # a surname is no town; a compared place is asked too; a bracket telling which place of the name is no description
    assert parse("What did Angela Crawley say about the Nottingham ILACS?").authorities == ["Nottingham"]
    assert places_asked("Kent's 2022 ILACS: same grade as Medway's?") == ["Kent", "Medway"]
    assert places_asked("Kingston (Hull, not the London one) - 2019 ILACS caseloads") == ["Kingston upon Hull"]
    assert places_asked("Newcastle (Staffs) - what did the 2019 ILACS say about caseloads?") == ["Staffordshire"]
    assert places_asked("I know Lambeth (and Leicester) had theirs the same year - what did Southwark's 2019 ILACS "
                        "say about caseloads?") == ["Southwark"]
    # far below the floor, common words found together do not answer
    assert should_abstain(0.10, coverage=1.0, terms=3)
    # a person set aside after a dash does not take the year asked
    assert parse("Who spoke for Rutland - not the director but the leader in 2019?").date_from.isoformat() \
        == "2019-01-01"
    # a post appointed is nobody named; a masthead keeps its town; a source no cue reads stays searched
    assert not holds("person", "The council confirmed the appointment of Independent Reviewing Officers in 2019.")
    assert "Home Office" in parse("Kent 2022 - anything on UASC? Home Office statement").topic
    # Ofsted setting what is due by the next visit still tells
    assert parse("Rutland MV3 - what areas were set for the next monitoring visit?").source == "ofsted"
    # a dated grade reached closes the change: no window from its start alone
    assert parse("Rutland went from inadequate (Nov 2015) to good (Mar 2019) - what changed?").date_to is not None
    # a posted-on line with a time, a tag list or hyphens
    page = ("New strategy to tackle neglect launched by Rutland partners\nPosted on 07-06-23 at 10:15 in News | 3 "
            "comments\nRutland's safeguarding partners have launched a three-year strategy to help practitioners.\n")
    assert metadata_of(page)["date"] == "2023-06-07"


def test_a_full_inspection_named_as_the_latest_still_fits_the_year_after():
    from qa.retrieval.assistant import states_asked_facts
    from qa.retrieval.question import parse

    page = _doc("plan", "Our most recent Ofsted inspection (March 2018) judged our services for children to be good. "
                        "This plan sets out how we will keep improving, with lower caseloads.")
    assert states_asked_facts(_hit(page, ["date"]), parse("What did Rutland say about caseloads in 2019?"))
