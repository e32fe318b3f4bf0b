"""Answer types: a question asking when / who / how many / what rating prefers, among close passages, the one that
holds that kind of fact; and the abstention rules added beside it (unnamed ordinals, single-word names)."""

import pytest

from qa.retrieval import rank
from qa.retrieval.answer_type import (answer_type, answer_type_weight, asked_role, asks_grade, counted_stems, holds,
                                     states_count)
from qa.retrieval.question import parse
from conftest import bm25_assistant_for


@pytest.mark.parametrize("question, kind", [
    ("When was the report on Kent published?", "date"),
    ("On what dates did Ofsted make its final monitoring visit to Hull?", "date"),
    ("Which inspectors carried out the December 2018 visit?", "person"),
    ("Who led the review team?", "person"),
    ("How many social workers did the council recruit?", "count"),
    ("What overall judgement did Hull receive?", "judgement"),
    ("hull ilacs 2022 result", "judgement"),
    # a scene-setting clause is not what is asked
    ("When Ofsted rated Hull inadequate, what did it say about housing?", None),
    ("What did inspectors say about supervision?", None),
    # nor is a time clause after the main one
    ("What did Ofsted note at its December visit to Hull, the first after the 2023 inadequate judgement?", None),
    ("What rating did Hull get after the 2019 inspection?", "judgement"),
    ("What was the average caseload in Hull when it was downgraded?", "count"),
])
def test_question_answer_types(question, kind):
    assert answer_type(question) == kind
    assert parse(question).answer_type == kind


@pytest.mark.parametrize("kind, text, expected", [
    ("date", "Inspectors visited the council on 19 and 20 March 2019.", True),
    ("date", "The visit took place in late 2019 and covered care leavers.", False),
    ("person", "Inspectors Jane Holden and Mark Reed said leaders were effective.", True),
    ("person", "The review was led by Tom Hill, director of children's services in Essex.", True),
    ("person", "Measures taken by Hull City Council have improved services.", False),
    ("person", "The Director of Children's Services (DCS) Jane Holden took up an interim post.", True),
    ("person", "Hull Children's Trust Chief Executive Tom Hill said little.", True),
    ("person", "the Department for Education appointed a commissioner, Mark Reed, to oversee", True),
    ("person", "Children's Services Inspection Report", False),
    ("person", "Appointed\n\nEdward Smith writes", True),  # "writes" on its own line is still a name then a verb
    ("count", "The council has recruited 45 new social workers.", True),
    ("count", "The inspection in 2019 found progress on 19 March.", False),
    ("judgement", "Children's services are now rated as requires improvement.", True),
    ("judgement", "Inspectors saw good practice in the duty team.", False),
    ("judgement", "It received Good ratings for leadership.", True),
])
def test_passages_holding_the_asked_kind_of_fact(kind, text, expected):
    assert holds(kind, text) is expected


def test_weight_is_neutral_without_a_type_or_without_evidence():
    assert answer_type_weight(None, "on 19 March 2019") == 1.0
    assert answer_type_weight("date", "no dates here at all") == 1.0
    assert answer_type_weight("date", "on 19 March 2019") > 1.0


def test_a_bare_header_weighs_less_than_a_headline_run_into_its_story():
    header = "Example Today > News\n\nOfsted finds steady progress as caseloads fall\n\nUpdated: 17/03/2020"
    assert rank.prose_weight(header) == rank.HEADER_FLOOR
    longer = header + "\n\nBy Jo Bell\n\nLocal Democracy Reporting Service\n\nWigan, Leigh and Atherton edition"
    assert rank.prose_weight(longer) == rank.PROSE_FLOOR  # past a header's length: only no prose
    # "who led the inspection?" is answered by the report's label line, in full (since the thirtieth round)
    label = "Inspection dates: 5 to 9 December 2022\n\nLead inspector: Alison Fennell, His Majesty's Inspector"
    assert rank.prose_weight(label, "person") == 1.0
    assert rank.prose_weight(label) == rank.HEADER_FLOOR
    assert rank.prose_weight("Overall effectiveness: Inadequate", "judgement") == rank.PROSE_FLOOR
    # a header's date is its dateline: no exemption for "when" questions
    assert rank.prose_weight(header, "date") == rank.HEADER_FLOOR
    # a masthead or a byline left alone says nothing at all
    assert rank.prose_weight("Rochdale Borough Council") == rank.STUB_FLOOR < rank.HEADER_FLOOR
    assert rank.prose_weight("By Jo Bell") == rank.STUB_FLOOR
    assert rank.prose_weight("Overall effectiveness: Inadequate", "judgement") == rank.PROSE_FLOOR


def test_a_listing_snippet_is_not_prose_but_a_list_under_its_lead_in_is():
    snippet = "hull report.pdf · 1 hull inspection of services for children in need of help and..."
    assert rank.prose_share(snippet) == 0.0
    listing = ("These inspections focus on the effectiveness of services and arrangements:\n\n"
               "to help and protect children and families\n\nthe experiences and progress of children in care\n\n"
               "the experiences and progress of care leavers")
    assert rank.prose_share(listing) == 1.0
    assert rank.prose_share("Hull\n\nRequires improvement\n\nGood") == 0.0  # a bare table is still not prose


# ------------------------------------------------------------------ ranking and abstention on a small index

INTRO = ("Final Ofsted visit to Hull notes progress\n\nOfsted's final monitoring visit to Hull noted significant "
         "improvement in children's services, while advising that there is work to do before a full inspection.")
DATES = ("Inspectors published their report in April after their monitoring visit to the council on 12 and 13 "
         "March 2019. It was their sixth and final visit since the council was judged inadequate.")
DOCS = {
    "hull.txt": (INTRO + "\n\n" + DATES,
                 {"doc_type": "council_page", "local_authorities": ["Kingston upon Hull"], "title": "Hull visit"}),
    "york.txt": ("York adoption\n\nAdoption timeliness in York improved, the council said, with most children placed "
                 "within a year.", {"doc_type": "news_article", "date": "2019-09-09", "local_authorities": ["York"],
                                    "title": "York adoption"}),
    "leeds.txt": ("Leeds caseloads\n\nCaseloads in Leeds fell after the council recruited more social workers.",
                  {"doc_type": "news_article", "date": "2018-02-01", "local_authorities": ["Leeds"],
                   "title": "Leeds caseloads"}),
    "leeds2.txt": ("Leeds visit\n\nThe first monitoring visit to Leeds found that plans for children were clearer.",
                   {"doc_type": "news_article", "local_authorities": ["Leeds"], "title": "Leeds visit"}),
}


# A council page with a count, beside the Leeds story about recruiting without one.
COUNT_DOCS = dict(DOCS, **{
    "wakefield.txt": ("Wakefield recruitment\n\nSince the inspection Wakefield council has recruited 30 new social "
                      "workers, the council said.\n\nAverage caseloads fell from 24 to 18 over the year.",
                      {"doc_type": "council_page", "date": "2019-05-01", "local_authorities": ["Wakefield"],
                       "title": "Wakefield staff"})})


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    return _assistant(tmp_path_factory, DOCS)


@pytest.fixture(scope="module")
def counting_assistant(tmp_path_factory):
    return _assistant(tmp_path_factory, COUNT_DOCS)


def _assistant(tmp_path_factory, docs):
    return bm25_assistant_for(tmp_path_factory.mktemp("answer_type"), docs, max_words=40, min_words=10)


def test_a_when_question_ranks_the_passage_with_the_dates_first(assistant):
    answer = assistant.ask("On what dates did Ofsted make its final monitoring visit to Hull?")
    assert not answer.abstained
    assert "12 and 13 March 2019" in answer.hits[0].passage.text


def test_an_ordinal_no_text_mentions_abstains_even_where_no_document_states_visit_numbers(assistant):
    # No Leeds document states a visit number, so the corpus "cannot tell" in general; but no Leeds text
    # mentions an eighth visit either: the passages are about another visit.
    answer = assistant.ask("What did the eighth monitoring visit to Leeds find?")
    assert answer.abstained
    assert not answer.hits


def test_a_single_capitalised_name_no_document_mentions_abstains(assistant):
    answer = assistant.ask("What did Cafcass say about Leeds caseloads?")
    assert answer.abstained
    assert "Cafcass" in answer.message
    assert parse("What did Cafcass say about Leeds caseloads?").names == ["Cafcass"]
    assert parse("What did Ofsted say about Leeds in 2018?").names == []


@pytest.mark.parametrize("question, text, expected", [
    ("How many new social workers did Leeds recruit after its 2019 inspection?",
     "The council has recruited 45 new social workers.", True),
    # numbers about something else: children per worker, a date, a year, months after an inspection
    ("How many new social workers did Leeds recruit after its 2019 inspection?",
     "Most social workers were responsible for over 40 children, and some as many as 55, while practitioners "
     "were routinely allocated more work; progress flat lined for 12 months post inspection in 2019.", False),
    ("How many settings did Ofsted inspect?", "Thirty-nine inspections were carried out.", True),
    ("How many children in care cases had been audited?", "more than a third of all children in care cases", True),
    # words of the field that count the same things
    ("How many areas did Ofsted plan to visit?", "We plan to visit eight local authorities across England.", True),
    ("How many children were waiting?", "Some 40 young people were waiting for a placement.", True),
    ("How many new social workers did Leeds recruit?", "The council employs 300 staff in children's services.",
     False),
])
def test_a_count_question_needs_a_number_of_the_asked_thing(question, text, expected):
    assert states_count(counted_stems(question, ["Leeds"]), text) is expected


def test_an_average_may_be_stated_after_what_it_measures():
    stems = counted_stems("What was the average social worker caseload in Leeds?", ["Leeds"])
    assert "averag" not in stems and "average" not in stems
    assert states_count(stems, "Average caseloads fell from 21.5 to 16 over the year.", before=True)
    # "how many" keeps the number first: a count of children is not a count of caseloads
    assert not states_count(stems, "Average caseloads fell from 21.5 to 16 over the year.")
    assert not states_count(stems, "Caseloads were too high for most social workers in 2019.", before=True)


def test_how_many_is_answered_only_where_a_passage_states_the_count(counting_assistant):
    assistant = counting_assistant
    answer = assistant.ask("How many social workers did Wakefield recruit?")
    assert not answer.abstained
    assert "30 new social workers" in answer.hits[0].passage.text
    # Leeds recruited "more social workers": on the subject, but no count, so it is not an answer
    answer = assistant.ask("How many social workers did Leeds recruit?")
    assert answer.abstained
    assert not answer.hits


def test_an_average_is_answered_only_where_a_passage_states_one(counting_assistant):
    answer = counting_assistant.ask("What was the average caseload in Wakefield?")
    assert not answer.abstained
    assert "from 24 to 18" in answer.hits[0].passage.text
    # "Caseloads in Leeds fell": the subject, but no figure
    answer = counting_assistant.ask("What was the average caseload in Leeds?")
    assert answer.abstained


@pytest.mark.parametrize("question, source, doc_types", [
    ("According to Hull City Council's own announcement, what did social workers tell inspectors?", "council",
     ["council_page"]),
    ("According to the council, what did Ofsted find?", "council", ["council_page"]),
    ("Quote the Ofsted report itself, not press coverage: what did it find?", "ofsted",
     ["ofsted_letter", "ofsted_report"]),
    # a source merely mentioned is a preference, not a filter; so is "according to Ofsted's report", which a
    # story quoting the report answers too
    ("According to Ofsted's 2016 report on Leeds, how much progress had been made?", "ofsted", []),
    ("What did social workers tell inspectors about caseloads?", "ofsted", []),
    ("What did the council say about adoption?", "council", []),
    ("What did Leeds City Council itself say it would do after the visit?", "council", ["council_page"]),
    ("What did Ofsted say about the council itself?", "ofsted", []),  # the council is the subject, not the source
])
def test_an_attribution_in_the_question_keeps_to_that_kind_of_source(question, source, doc_types):
    query = parse(question)
    assert (query.source, query.doc_types) == (source, doc_types)
    follow_up = parse("and in 2018?", query)
    assert follow_up.doc_types == doc_types


def test_the_councils_own_words_come_only_from_council_pages(counting_assistant):
    answer = counting_assistant.ask("According to the council's own announcement, what about recruiting social workers?")
    assert not answer.abstained
    assert answer.hits and {h.document.doc_type for h in answer.hits} == {"council_page"}
    assert "council" in answer.filters_description.lower()


FACT_DOCS = dict(DOCS, **{
    "wigan_report.txt": ("Wigan inspection report\n\nInspectors judged children's services in Wigan inadequate, although "
                        "they praised the work of early help staff with families.",
                        {"doc_type": "ofsted_report", "date": "2019-03-01", "local_authorities": ["Wigan"],
                         "title": "Wigan report"}),
    "wigan_news.txt": ("Wigan director praised\n\nInspectors praised the director of children's services Ann Lee, who "
                      "has been in post since May, although services in Wigan were judged inadequate.",
                      {"doc_type": "news_article", "local_authorities": ["Wigan"], "title": "Wigan news"}),
    "york.txt": ("York commissioner named\n\nThe government appointed a commissioner, Jane Marsh, to oversee "
                 "children's services in York after inspectors judged them inadequate, the lowest grade.",
                 {"doc_type": "news_article", "date": "2019-06-01", "local_authorities": ["York"], "title": "York"}),
    "bury.txt": ("Bury plans\n\nBury council appointed a new leader, Sam Lee, who said children's services would "
                 "improve after inspectors visited and judged the front door; the grade is not yet published.",
                 {"doc_type": "news_article", "date": "2019-06-01", "local_authorities": ["Bury"], "title": "Bury"}),
})


@pytest.fixture(scope="module")
def fact_assistant(tmp_path_factory):
    return _assistant(tmp_path_factory, FACT_DOCS)


def test_who_asks_for_a_named_person_only_with_a_role_or_which_inspector():
    from qa.retrieval.answer_type import asks_person

    assert asks_person("Which inspectors visited Leeds in March?")
    assert asks_person("Who was director of children's services in Leeds?")
    assert not asks_person("Who inspects children's homes in England?")  # an organisation answers


def test_a_when_question_is_not_a_scene_clause():
    assert answer_type("When was Leeds last inspected, and what grade did it get?") == "date"
    assert answer_type("When Ofsted rated Leeds inadequate, what did it say about housing?") is None


@pytest.mark.parametrize("question, grade, role", [
    ("What overall grade did Bath get in its 2025 inspection?", True, None),
    ("How was Leeds rated by Ofsted in 2019?", True, None),
    ("What were the outcomes for care leavers in Leeds?", False, None),  # children's outcomes, not a grade
    ("What was judged to be the main weakness in Leeds?", False, None),
    ("What did the judgement say about early help?", False, None),
    ("Who did the government appoint as commissioner for Bromley's children's services?", False, "commissioner"),
    ("Who was chief executive of Dudley Council in 2016?", False, "chief executive"),
    ("Who led the review team in Somerset?", False, None),
    ("Who led the December 2022 inspection of Leeds?", False, "inspector"),  # "Lead inspector: Jo Bell"
    ("Who carried out the first monitoring visit to Hull?", False, "inspector"),
    ("Who did inspectors speak to during the visit?", False, None),
    ("Who led the improvement work after the 2018 inspection?", False, None),
    ("Who led the council after the inspection?", False, None),
])
def test_questions_asking_for_a_grade_or_a_role(question, grade, role):
    assert asks_grade(question) is grade
    assert asked_role(question) == role


def test_a_role_question_prefers_a_sentence_naming_the_role_and_a_person():
    from qa.retrieval.answer_type import ANSWER_TYPE_BOOST, ROLE_PERSON_BOOST

    question = "Who was the director of children's services in Leeds when it was judged inadequate?"
    role = asked_role(question)
    assert role == "director"
    named = "The inadequate rating was a blow. The Director of Children's Services (DCS) Jane Marsh has left."
    quoted = "The director's plan was criticised. Councillor Tom Hardy said the council would improve."
    assert answer_type_weight("person", named, role) == ROLE_PERSON_BOOST
    # somebody is named, but not as director: the role and the name are in different sentences
    assert answer_type_weight("person", quoted, role) == 1.0
    assert answer_type_weight("person", quoted) == ANSWER_TYPE_BOOST  # no role asked: any named person
    assert asked_role("Which inspectors visited Leeds in March 2024?") == "inspector"
    assert answer_type_weight("person", "Inspectors Anna Berry and Mo Khan visited in March.",
                              "inspector") == ROLE_PERSON_BOOST


def test_how_much_asks_for_money_not_for_progress():
    assert answer_type("How much extra money did Leeds commit after the inspection?") == "count"
    assert answer_type("How much did Leeds spend on agency social workers?") == "count"
    assert answer_type("How much progress had Leeds made since 2012?") is None


@pytest.mark.parametrize("text", [
    "“Care leavers matter,” said Ofsted’s national director for social care, Yvette Stanley.",
    "Yvette Stanley, Ofsted’s National Director for Social Care, said care leavers matter.",
])
def test_a_role_and_a_name_either_side_of_a_comma_name_a_person(text):
    assert holds("person", text)


def test_how_often_wants_a_frequency():
    assert answer_type("How often can Ofsted visit a children's home?") == "frequency"
    assert holds("frequency", "Visits may be as frequent as weekly if that is what is needed.")
    assert holds("frequency", "Children were seen at six-weekly intervals.")
    assert not holds("frequency", "Inspectors visited the home and spoke to children.")


def test_a_role_then_a_name_names_a_person():
    assert holds("person", "Inspectors praised the director of children and young people’s services Frances Craven.")
    assert not holds("person", "The Assistant Director of Children’s Services submitted a report to Members.")


def test_a_who_question_is_answered_by_a_passage_naming_somebody_even_one_shown_apart(fact_assistant):
    # the 2019 report meets the filters but names nobody; the undated story naming the director answers
    answer = fact_assistant.ask("When Wigan's services were judged inadequate in 2019, which director did inspectors "
                                "praise?")
    assert not answer.abstained
    assert any("Ann Lee" in h.passage.text and h.unconfirmed == ["date"] for h in answer.hits)
    assert "Ann Lee" in answer.answer  # the answer line quotes the passage that states it
    # nobody named in the role asked: nothing answers
    assert fact_assistant.ask("Who was Bury's director of children's services?").abstained


def test_a_grade_written_in_a_sentence_is_a_grade():
    assert holds("judgement", "The overall judgement is that children’s services are good")
    assert not holds("judgement", "It was good to see the children's plans.")


def test_a_grade_or_a_role_question_is_answered_only_where_a_passage_states_it(fact_assistant):
    answer = fact_assistant.ask("Who was appointed commissioner for York's children's services?")
    assert not answer.abstained and "Jane Marsh" in answer.hits[0].passage.text
    # Bury's passages name a leader and a chief executive, not a commissioner: somebody else, not an answer
    assert fact_assistant.ask("Who was appointed commissioner for Bury's children's services?").abstained
    assert not fact_assistant.ask("What grade were York's children's services judged?").abstained
    assert fact_assistant.ask("What grade were Bury's children's services judged?").abstained


def test_inspectors_as_the_subject_of_a_who_question_are_not_asked_for():
    from qa.retrieval.answer_type import asks_person

    assert asked_role("Who did inspectors speak to in Kent?") is None
    assert not asks_person("Who were inspectors most worried about in Halton?")
    assert asked_role("Who was the lead inspector for the Kent visit?") == "lead inspector"
    assert asked_role("Which inspectors visited Kent?") == "inspector"
    # "typical" is not a number asked for
    assert answer_type("What is the typical response of councils to an inadequate judgement?") != "count"


def test_a_change_in_numbers_is_asked_and_answered_as_a_count():
    from qa.retrieval.answer_type import states_change

    assert parse("By how much had caseloads in Rutland come down by the second visit?").answer_type == "count"
    assert parse("How far have caseloads fallen in Rutland?").answer_type == "count"
    assert parse("How much progress has Rutland made?").answer_type is None
    stems = frozenset({"caseload"})
    assert states_change(stems, "Inspectors said average caseloads in the safeguarding teams had fallen from 27 to "
                                "19, helped by a new team.")
    assert states_change(stems, "Caseloads fell by a third over the year.")
    assert not states_change(stems, "Caseloads were too high in 2019 and 2020.")
    assert not states_change(stems, "The number of children in care rose from 40 to 50.")  # not caseloads


def test_the_days_of_a_date_are_no_count():
    assert not holds("count", "Ofsted carried out the second visit on November 6 and 7, a year after the inspection.")
    assert not holds("count", "Published on Tuesday, February 19, 2019.")
    assert holds("count", "Caseloads had fallen from 27 to 19.")
    assert not states_count(frozenset({"caseload"}), "High caseloads cost council its rating\n\nFebruary 19, 2019",
                            True)


def test_a_when_question_prefers_the_date_said_to_be_the_asked_events():
    from qa.retrieval.answer_type import asked_event

    q = "When was the Ofsted report on Rutland published?"
    assert asked_event(q) == "published"
    assert asked_event("When did the monitoring visit to Rutland take place?") == "took place"
    assert asked_event("What did the report say?") is None
    report = "Report published: 9 January 2019\n\nServices for children in Rutland have declined."
    story = "Ofsted visited Rutland on November 6 and 7. The report was critical of plans."
    assert answer_type_weight("date", report, None, "published") > answer_type_weight("date", story, None, "published")
    assert answer_type_weight("date", story, None, "took place") > answer_type_weight("date", report, None,
                                                                                         "took place")


def test_who_was_in_charge_of_childrens_services_asks_for_its_director():
    assert asked_role("Who was in charge of Rutland's children's services when Ofsted rated them inadequate in "
                      "2015, and what did inspectors make of her?") == "director"
    assert asked_role("Who is running children's services in Rutland?") == "director"
    assert asked_role("Who was in charge of the inspection?") is None


@pytest.mark.parametrize("question, kind", [
    ("How much progress has Rutland made in reducing delay?", None),
    ("How far has the increase in demand affected services in Rutland?", None),
    ("How much did caseloads fall?", "count"),
    ("How far have caseloads fallen in Rutland since 2019?", "count"),
])
def test_only_a_change_in_a_measure_asks_for_a_number(question, kind):
    assert answer_type(question) == kind


@pytest.mark.parametrize("text, counts", [
    ("By June 40 children had been placed with foster carers.", True),
    ("Up to 40 may need foster care next year.", True),
    ("In March 45 social workers left the council.", True),
    ("The visit took place on 6 and 7 May.", False),
])
def test_a_number_next_to_a_month_word_is_a_day_only_when_it_can_be(text, counts):
    assert holds("count", text) is counts


def test_a_visit_dated_after_the_place_it_went_to_dates_the_visit():
    from qa.retrieval.answer_type import dates_event

    assert dates_event("took place", "This letter summarises the findings of the monitoring visit to Anyshire "
                                     "children's services on 14 and 15 June 2017.")
    assert not dates_event("took place", "Since the last monitoring visit in February 2017, a head of service "
                                         "has been appointed.")


def test_a_visit_on_a_number_of_occasions_is_no_date():
    from qa.retrieval.answer_type import dates_event

    assert not dates_event("took place", "Inspectors made a visit to the home on 3 occasions last year.")


def test_when_ofsted_carried_out_an_inspection_is_answered_by_its_inspection_dates():
    from qa.retrieval import rank
    from qa.retrieval.answer_type import asked_event

    assert asked_event("When did Ofsted carry out its 2023 inspection of Rutland?") == "took place"
    header = ("Inspection of children's social care services\n\nInspection dates: 6 March 2023 to 17 March 2023\n\n"
              "Lead inspector: Jo Bell, His Majesty's Inspector\n\nOverall effectiveness Good")
    assert rank.prose_weight(header, "date", "took place") == 1.0
    assert rank.prose_weight(header, "date", None) < 1.0  # a header's date is not the one asked, otherwise
