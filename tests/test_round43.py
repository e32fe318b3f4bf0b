"""Forty-third round: a share spelled out in words; half a year counted in months; a letter's sign-off and the
judgement its visits follow say nothing the visit found."""
from test_trust import undated_hit

import pytest

from qa.retrieval import rank
from qa.retrieval.answer_type import states_share
from qa.retrieval.assistant import states_asked_fact, states_asked_facts
from qa.retrieval.question import parse


def test_a_share_spelled_out_answers_what_proportion():
    stems = frozenset({"social", "worker", "agenc", "staff"})
    spelled = ("Workforce instability continues. Thirty-four per cent of social workers in the assessment teams are "
               "agency staff.")
    assert states_share(stems, spelled)
    assert states_share(stems, "Nine per cent of social workers are agency staff.")
    # words that are no number before "per cent" do not make a share
    assert not states_share(stems, "The per cent of social workers who are agency staff is not reported.")
    # and the whole question is answered, not abstained on
    q = parse("In Ofsted's own words: what proportion of social workers were agency staff at the second monitoring "
              "visit to Rutland?")
    assert states_asked_fact(q, [undated_hit(spelled, "Rutland")])
    assert not states_asked_fact(q, [undated_hit("Workforce instability continues to affect practice.", "Rutland")])


def test_a_story_whose_latest_visit_is_half_a_year_before_the_asked_month_is_about_that_visit():
    q = parse("Which inspector led the June 2019 inspection of Rutland?")
    december = ("Children's services in Rutland are improving, inspectors say. After a two-day visit in December "
                "2018, the inspector, Jo Bell, praised the authority.")
    # December 2018 to June 2019: 182 days, and six calendar months
    assert not states_asked_facts(undated_hit(december, "Rutland"), q)
    # one that dates its own inspection to June, without the year, is about the asked one, whatever it recalls
    june = december + " Following the inspection in June, Rutland is no longer judged inadequate."
    assert states_asked_facts(undated_hit(june, "Rutland"), q)


SIGN_OFF = ("Ofsted will carry out a further monitoring visit to evaluate progress against the areas identified at "
            "the inspection.\n\nYours sincerely\n\nJo Bell\n\nHis Majesty's Inspector\n\nRutland County Council: "
            "monitoring visit letter 3")
OPENING = ("Monitoring visit to Rutland children's services\n\nThis letter summarises the findings of the third "
           "monitoring visit to Rutland children's services since the local authority was judged inadequate in "
           "April 2022. His Majesty's Inspectors Jo Bell and Sam Cole carried out this visit.")
FINDING = ("Headline findings\n\nProgress since the last monitoring visit has been steady but uneven. Child protection "
           "plans are clearer, but too many children wait for their first core group.")


def test_a_letters_sign_off_and_opening_are_no_finding():
    question = "what did ofsted say about the pace of progress at the rutland monitoring visit"
    assert rank.scope_share(SIGN_OFF) == 1.0
    assert rank.scope_weight(SIGN_OFF, question, None) == pytest.approx(rank.SCOPE_SENTENCE_PENALTY)
    # the judgement its visits follow is history, not a finding of this visit
    assert rank.scope_share(OPENING) > 0.8
    assert rank.scope_share(FINDING) == 0.0
    # a sentence that judges is still a finding
    assert rank.scope_share("This letter summarises the findings of the visit, which judged practice to be "
                            "inadequate.") == 0.0
    # asked who signed, the sign-off answers
    assert rank.scope_weight(SIGN_OFF, "Who was the inspector who signed the Rutland letter?", "person") == 1.0
    # a director's letter, signed by no inspector, keeps its words
    director = SIGN_OFF.replace("His Majesty's Inspector", "Director of Children's Services")
    assert rank.scope_share(director) < 0.7


def _hit(doc_id: str, score: float):
    from qa.datatypes import Document, Hit, Passage

    doc = Document(doc_id=doc_id, path=f"{doc_id}.txt", text="", doc_type="ofsted_letter")
    return Hit(passage=Passage(passage_id=f"{doc_id}#{score}", doc_id=doc_id, text=str(score), start=0, end=1),
               document=doc, score=score)


def test_another_documents_passage_far_below_the_best_is_left_out():
    from qa.retrieval.assistant import OTHER_DOCUMENT_FLOOR, without_weak_guesses

    lead, close, weak, own = _hit("letter", 1.0), _hit("story", 0.6), _hit("other", 0.3), _hit("letter", 0.2)
    kept = without_weak_guesses([lead, close, weak, own])
    # the leading document's own passages stay, however low: they are the context of the answer
    assert kept == [lead, close, own]
    assert OTHER_DOCUMENT_FLOOR * 1.0 > 0.3
    # scored against the best, wherever it stands (a passage shown apart may lead on score)
    apart_first = without_weak_guesses([_hit("letter", 0.5), _hit("story", 1.2), _hit("other", 0.55)])
    assert [h.document.doc_id for h in apart_first] == ["letter", "story"]
    assert without_weak_guesses([]) == []


def test_the_banner_counts_only_the_passages_shown(tmp_path, monkeypatch):
    from conftest import bm25_assistant_for, other_council_news
    import qa.retrieval.assistant as assistant

    letter = ("Monitoring visit to Rutland children's services\n\nInspectors found that supervision of social "
              "workers in Rutland is now regular and reflective, and managers record clear direction for "
              "children's plans. Supervision records show thoughtful discussion of risk.")
    aside = ("Rutland leisure centre news\n\nThe leisure centre reopened its pool after repairs. Lifeguard supervision "
             "at the pool is regular, staff said. The cafe has new opening hours and the car park has been resurfaced "
             "over the summer holidays, with twenty more spaces for visitors.")
    docs = {"letter.txt": (letter, {"doc_type": "ofsted_letter", "date": "2023-05-09",
                                    "local_authorities": ["Rutland"]}),
            "aside.txt": (aside, {"doc_type": "council_page", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    ask = bm25_assistant_for(tmp_path, docs).ask
    question = "What did inspectors say about supervision in Rutland in 2023?"
    monkeypatch.setattr(assistant, "ONE_PLACE_FLOOR", 0.0)
    every = ask(question)
    # the undated leisure page scores under half the letter's passage: shown apart, and announced, without the floor
    assert [h.document.doc_type for h in every.hits] == ["ofsted_letter", "council_page"]
    assert every.hits[1].score < 0.5 * every.hits[0].score and "not stated" in every.filters_description
    monkeypatch.setattr(assistant, "ONE_PLACE_FLOOR", 0.5)
    kept = ask(question)
    assert [h.document.doc_type for h in kept.hits] == ["ofsted_letter"]
    assert "not stated" not in kept.filters_description


def test_asked_the_overall_judgement_the_overall_grade_outweighs_the_areas_grades():
    from qa.retrieval.answer_type import ANSWER_TYPE_BOOST, OVERALL_GRADE_BOOST, answer_type_weight

    areas = ("The judgements on areas of the service that contribute to overall effectiveness are: 1. Children who "
             "need help and protection Inadequate 2. Children looked after Requires improvement")
    overall = ("Inspection dates: 14 January - 4 February 2015. The overall judgement is that children's services "
               "are inadequate. There are widespread or serious failures.")
    assert answer_type_weight("judgement", overall, overall=True) == OVERALL_GRADE_BOOST
    assert answer_type_weight("judgement", areas, overall=True) == 1.0
    # the other forms of the overall grade
    for text in ("Overall effectiveness: Inadequate", "Overall, services for children in Rutland are inadequate.",
                 "Children's services in Rutland are now judged to require improvement to be good.",
                 "The council was judged 'good' overall."):
        assert answer_type_weight("judgement", text, overall=True) == OVERALL_GRADE_BOOST, text
    # one area's grade is not the overall one
    assert answer_type_weight("judgement", "The help and protection of children was rated as requiring "
                              "improvement.", overall=True) == 1.0
    # not asked for the overall one, any grade weighs as before
    assert answer_type_weight("judgement", areas) == ANSWER_TYPE_BOOST


def test_the_overall_question_reaches_the_ranking(tmp_path, monkeypatch):
    from conftest import bm25_assistant_for, other_council_news
    import qa.retrieval.answer_type as answer_type

    report = ("Rutland inspection report 2015\n\nThe overall judgement of the 2015 Rutland inspection rests on the "
              "judgements on areas of the service: 1. Children who need help and protection Inadequate 2. Children "
              "looked after Requires improvement 3. Leadership Inadequate\n\nThe overall judgement is that "
              "children's services are inadequate. Leaders have not understood the failures and have not made "
              "improvements quickly enough for children at risk of harm in the county, and partners have not "
              "challenged them.")
    docs = {"report.txt": (report, {"doc_type": "ofsted_report", "date": "2015-03-20",
                                    "local_authorities": ["Rutland"]}), **other_council_news()}
    ask = bm25_assistant_for(tmp_path, docs, max_words=45, min_words=10, neighbour_ratio=0).ask  # (passages alone)
    question = "What was the overall judgement in the 2015 Rutland inspection?"
    scores = {}
    for boost in (1.0, answer_type.OVERALL_GRADE_BOOST):
        monkeypatch.setattr(answer_type, "OVERALL_GRADE_BOOST", boost)
        hits = ask(question).hits
        assert hits[0].passage.text.startswith("The overall judgement is")
        scores[boost] = hits[0].score
    assert abs(scores[1.5] / scores[1.0] - 1.5) < 0.01  # the boost reaches the passage's score


def test_ofsteds_region_says_who_wrote_not_a_name_the_answer_must_mention():
    from qa.retrieval.question import find_names

    question = ("The South West regional director wrote to Rutland's director after the annual engagement meeting. "
                "Who else from Ofsted was at that meeting?")
    assert not any("South West" in n for n in find_names(question, ["Rutland"]))
    # a region named for itself is still a name
    assert "North East" in find_names("Which councils in the North East were judged inadequate?", [])


def test_a_reports_statutory_front_matter_is_no_finding():
    front = ("Ofsted produces this report under its power to combine reports in accordance with section 152 of the "
             "Education and Inspections Act 2006. This report includes the report of the inspection of local "
             "authority functions carried out under section 136 of the Education and Inspections Act 2006.")
    assert rank.scope_share(front) == 1.0
    assert rank.scope_weight(front, "why was Rutland judged inadequate overall in 2015?", None) \
        == pytest.approx(rank.SCOPE_SENTENCE_PENALTY)


def test_straight_after_an_event_asks_its_aftermath_not_everything_since():
    soon = parse("How did Rutland respond straight after the 2019 inadequate judgement?")
    assert (soon.date_from.isoformat(), soon.date_to.isoformat()) == ("2019-01-01", "2020-12-31")
    assert "2019 to 2020" in soon.describe()
    month = parse("What did Rutland do immediately after the May 2019 inspection?")
    assert (month.date_from.isoformat(), month.date_to.isoformat()) == ("2019-05-01", "2020-05-31")
    # "after" alone still reads from the event on
    since = parse("What did Rutland do after the May 2019 inspection?")
    assert since.date_from.isoformat() == "2019-05-01" and since.date_to is None


def test_pa_is_a_care_leavers_personal_adviser():
    from qa.retrieval.acronyms import FIELD_GLOSSARY, asked_acronyms

    [pattern] = asked_acronyms(["PA"], FIELD_GLOSSARY)
    assert pattern.search("Personal advisers now hold an average of 19 young people each") and pattern.search("PA")
    assert not pattern.search("Social workers now hold an average of 19 children each")


def test_a_paper_set_aside_by_but_i_want_is_no_source_asked():
    query = parse("Who was lead inspector on the second Rutland monitoring visit? The Echo names someone but I want "
                  "it from the Ofsted letter.")
    assert query.source == "ofsted" and not any("Echo" in n for n in query.names)
    # named as the source asked for, it stays one
    assert any("Echo" in n for n in parse("What did the Rutland Echo say about caseloads?").names)


def test_the_month_a_visits_letter_came_out_is_the_letters_not_the_visits():
    out = parse("When the Rutland focused visit letter came out in December 2023, who commented for the council?")
    assert not out.month_dates_visit and (out.date_from.month, out.date_to.month) == (12, 12)
    assert parse("What did the Rutland focused visit in December 2023 find?").month_dates_visit


JOINT_LETTER = """Ofsted | Care Quality Commission | HMICFRS

30 April 2024

Jo Bell, Director of Children's Services, Rutland County Council

Sam Cole, Chief Executive, Rutland County Council

Joint targeted area inspection of the multi-agency response to children's mental health in Rutland

This letter summarises the findings of the joint targeted area inspection (JTAI) of the multi-agency response to
children's mental health in Rutland. This inspection took place from 4 to 8 March 2024.

Headline findings

Practitioners across agencies are committed to improving children's mental health, but too many children wait too
long for specialist help, and strategic leaders do not yet share an understanding of need across the partnership.

Yours sincerely

Ofsted | Care Quality Commission | HMICFRS

Ann Example
National Director | Ben Example
Deputy Director | Cat Example
His Majesty's Inspector of Constabulary
"""


def test_a_joint_letter_signed_under_the_inspectorates_names_is_ofsteds_letter(tmp_path):
    from conftest import ingested

    doc = ingested(tmp_path, "jtai.txt", JOINT_LETTER)
    assert doc.doc_type == "ofsted_letter"
    assert doc.local_authorities == ["Rutland"]


def test_what_a_council_committee_was_told_asks_the_council():
    for question in ("Who told Rutland's children's services committee in Nov 2023 that agency use had come down?",
                     "What did the director tell the scrutiny panel about caseloads in Rutland?",
                     "Who updated Rutland's cabinet on the monitoring visit?"):
        assert parse(question).source == "council", question
    # Parliament's committee is not the council's
    assert parse("Who told the Commons select committee that Ofsted had missed the abuse?").source != "council"


def test_the_inspectors_actual_wording_asks_ofsted_and_a_magazine_is_set_aside():
    query = parse("Which front door decided almost all contacts within 24 hours? I need the inspectors' actual "
                  "wording from the focused visit letter, not a magazine's figure.")
    assert query.source == "ofsted" and query.source_named
    assert parse("What did the magazine say about Rutland's front door?").source != "ofsted"
