"""What a visit looked at is not what it found: a letter's scope sentences weigh like an "Areas covered" section.
Fixtures are invented letters."""
import pytest

from conftest import bm25_assistant_for
from qa.retrieval import rank

OPENING = ("Dear Sam\n\nFocused visit to Rutland children's services\n\n"
           "This letter summarises the findings of the focused visit to Rutland children's services on 3 and 4 "
           "May 2023. His Majesty's Inspectors Ann Bell and Tom Reid carried out this visit.\n\n"
           "Inspectors evaluated the local authority's arrangements for care leavers, including their housing, "
           "their health and their access to education and training.\n\n"
           "This visit was carried out in line with the inspection of local authority children's services "
           "framework.")
FINDINGS = ("Headline findings\n\nCare leavers in Rutland benefit from personal advisers who know them well. Too "
            "few care leavers aged 19 to 21 are in education or training, and pathway plans are not updated when "
            "their circumstances change.")


def test_a_letter_opening_is_scope_and_its_findings_are_not():
    assert rank.scope_share(OPENING) > 0.8
    assert rank.scope_share(FINDINGS) == 0.0


@pytest.mark.parametrize("text", [
    "Inspectors looked at 40 cases and found that plans drift.",  # a finding in the same sentence
    "In 2019 inspectors reviewed the service and judged it good.",  # not the opening of a sentence
    "The inspectors were concerned that some children were not safe.",  # a finding about the inspectors' view
    "Inspectors reviewed the quality of plans; these were poor.",
])
def test_a_sentence_reporting_a_finding_is_not_scope(text):
    assert rank.scope_share(text) < 0.5


def test_only_the_scope_sentence_counts():
    assert rank.scope_share("Inspectors looked at the front door. Referrals wait too long.") == 6 / 10


def test_a_scope_lead_in_takes_its_list_with_it_up_to_a_blank_line():
    text = ("Inspectors reviewed the response to the pandemic, including:\n- whether children are seen\n"
            "- children missing from home\n\nFindings\n\nLeaders responded quickly and children were seen.")
    share = rank.scope_share(text)
    assert 0.5 < share < 0.8


@pytest.mark.parametrize("question, kind", [
    ("Who carried out the focused visit to Rutland?", "person"),
    ("When did inspectors visit Rutland?", "date"),
    ("How was the monitoring visit carried out during the pandemic?", None),
    ("What did the focused visit look at?", None),
    ("How many cases did inspectors audit?", "count"),  # "Inspectors considered 35 cases"
    ("What did inspectors review on the visit?", None),
])
def test_questions_about_the_visit_itself_are_answered_by_its_scope(question, kind):
    assert rank.scope_weight(OPENING, question, kind) == 1.0


def test_a_findings_question_weighs_the_opening_like_an_areas_covered_section():
    weight = rank.scope_weight(OPENING, "What did the focused visit find about care leavers?", None)
    assert weight < 0.7
    assert rank.scope_weight(FINDINGS, "What did the focused visit find about care leavers?", None) == 1.0


def test_the_findings_outrank_the_opening_that_repeats_the_question(tmp_path):
    letter = {"letter.txt": (f"{OPENING}\n\n{FINDINGS}\n", {"doc_type": "ofsted_letter", "date": "2023-06-01",
                                                              "local_authorities": ["Rutland"]})}
    assistant = bm25_assistant_for(tmp_path, letter, max_words=60, min_words=10)
    answer = assistant.ask("What did Ofsted's focused visit find about care leavers in Rutland?")
    assert not answer.abstained
    assert answer.hits[0].passage.text.startswith("Headline findings")
    who = assistant.ask("Which inspectors carried out the focused visit to Rutland?")
    assert "Ann Bell" in who.hits[0].passage.text


IMPROVE = ("What needs to improve in this area of social work practice\n\nThe quality and recording of supervision, "
           "so that it supports reflective practice and progresses children's plans.")


@pytest.mark.parametrize("question, weight", [
    ("What did Ofsted say about the quality of supervision in Rutland?", rank.IMPROVE_PENALTY),
    ("What did the focused visit find about supervision?", rank.IMPROVE_PENALTY),
    ("What needs to improve in Rutland's supervision?", rank.IMPROVE_ASKED_BOOST),  # (the list itself asked)
    ("What weaknesses did inspectors find in supervision?", 1.0),
    ("What did Ofsted recommend about supervision?", 1.0),
])
def test_a_what_needs_to_improve_list_is_not_what_inspectors_found(question, weight):
    assert rank.improve_weight(IMPROVE, [], question) == weight
    assert rank.improve_weight(FINDINGS, [], question) == 1.0
    assert rank.improve_weight("The quality of supervision is poor.", ["What needs to improve"], question) == weight


def test_a_letters_address_block_up_to_its_salutation_is_no_finding():
    letterhead = ("Ofsted\nPiccadilly Gate\nManchester M1 2WD\n\n20 June 2019\n\nMs Ann Bell\nDirector of Children's "
                  "Services\nRutland County Council\n\nDear Ms Bell")
    assert rank.scope_share(letterhead) == 1.0
    assert rank.scope_weight(letterhead, "What did the second monitoring visit to Rutland find?", None) < 0.7
    assert rank.scope_weight(letterhead, "Who was the letter addressed to?", "person") == 1.0
    assert rank.scope_share(letterhead + "\n\n" + FINDINGS) < 0.5
    assert rank.scope_share("Children wait too long. Dear reader, this is bad news.") == 0.0


def test_a_dotted_title_is_a_salutation_and_needs_is_no_improvement_question():
    assert rank.SALUTATION_RE.search("Ofsted\nManchester M1 2WD\n\nDear Mr. Bell\n")
    assert rank.improve_weight(IMPROVE, [], "What did inspectors find about children in need?") == rank.IMPROVE_PENALTY
    assert rank.improve_weight(IMPROVE, [], "What needs to change in supervision?") == 1.0


@pytest.mark.parametrize("text", [
    # a joint inspection letter's opening, and a committee paper's purpose line
    "This letter to all the service leaders in the area outlines our findings about the effectiveness of "
    "partnership working in Anyshire.",
    "Purpose of report: To update the committee on the findings of Ofsted's third monitoring visit to Anyshire.",
    "This report sets out the findings of the inspection of Anyshire children's services.",
])
def test_openings_that_announce_findings_are_scope(text):
    assert rank.scope_share(text) == 1.0


def test_a_purpose_line_stating_the_judgement_is_a_finding():
    assert rank.scope_share("Purpose of report: To inform Cabinet that the council's children's services are now "
                            "rated Good by Ofsted.") == 0.0
