"""A council's voice is not what inspectors found: when a question asks for Ofsted's view, paragraphs where someone
speaking for the council is quoted weigh less. Fixtures are invented stories."""
import pytest

from conftest import bm25_assistant_for
from qa.retrieval import rank

REPLY = ("Jo Marsh, cabinet member for children's services at Rutland County Council, said the Ofsted visit showed "
         "the progress of the council's children's services.\n\n“We are proud of our staff and of how far Ofsted "
         "has seen our children's services come since the visit last year.”")
FINDINGS = ("Inspectors found that social workers in Rutland's children's services visit children regularly, but that "
            "plans for children in need are too often out of date and do not say who will do what.")


@pytest.mark.parametrize("text", [
    REPLY,
    '"It is good news for families," said Cllr Jo Marsh, lead member for children.',
    "A council spokesperson said: \"We welcome the letter.\"",
    '"We have more to do," said a council spokesman.',
    # its speaker named in the passage before: "we" being pleased is the council's voice
    "‘We have acted quickly this year and we are pleased the report confirms strong leadership is in place.’",
])
def test_a_council_speaker_and_the_quotation_that_goes_on_from_them_are_a_reply(text):
    assert rank.reply_share(text) == 1.0


@pytest.mark.parametrize("text", [
    FINDINGS,
    "Inspectors told the chief executive, Sam Reed, that the trust is improving.",  # inspectors speaking
    "The inspection report said the director of children's services had not acted.",
    '"We found that too many children wait for help," the inspectors wrote.',
    # Ofsted's own speakers are not the council's
    "Yvette Rowe, Ofsted's National Director for Social Care, said the council had made rapid progress.",
    "An Ofsted spokesperson said the inspection found serious weaknesses in the front door.",
    "The leader of the inspection team said that managers lacked oversight.",
])
def test_what_inspectors_said_is_not_a_reply(text):
    assert rank.reply_share(text) == 0.0


def test_only_questions_asking_ofsteds_view_weigh_replies_down():
    assert rank.reply_weight(REPLY, "What did Ofsted find in Rutland?", "ofsted") < 0.75
    assert rank.reply_weight(REPLY, "How did Rutland council respond to the Ofsted visit?", "ofsted") == 1.0
    assert rank.reply_weight(REPLY, "What did the cabinet member say about the Ofsted visit?", "ofsted") == 1.0
    assert rank.reply_weight(REPLY, "What did the council say about its children's services?", "council") == 1.0


def test_a_story_answers_with_its_findings_not_its_councillors_pride(tmp_path):
    story = ("Rutland children's services improving, says Ofsted\n\nPublished: 4 June 2021\n\n" + REPLY + "\n\n"
             + FINDINGS)
    others = {f"other{n}.txt": (f"{place} council news\n\nPublished 2 March 2020\n\n{place} Council opened a new "
                                f"library and a family hub in the town centre on {day}.",
                                {"doc_type": "council_page", "title": "News", "local_authorities": [place]})
              for n, (place, day) in enumerate([("Derby", "Monday"), ("Luton", "Tuesday"), ("Slough", "Friday")])}
    assistant = bm25_assistant_for(tmp_path, {"story.txt": (story, {"doc_type": "news_article", "title": "Story",
                                                                    "local_authorities": ["Rutland"]}), **others},
                                   max_words=60, min_words=10, neighbour_ratio=0)  # (the ranking, passages alone)
    found = assistant.ask("What did the Ofsted visit find about Rutland children's services?")
    assert found.hits[0].passage.text.startswith("Inspectors found")
    reply_asked = assistant.ask("How did the cabinet member respond to the Ofsted visit to Rutland's children's "
                                "services?")
    assert "cabinet member" in reply_asked.hits[0].passage.text


def test_a_quotation_the_report_speaks_after_a_councillors_is_the_reports():
    text = ('Cllr Jo Marsh, cabinet member for children, said: "We are pleased inspectors recognised our progress."'
            '\n\n"Children wait too long for an assessment and managers do not check plans," the report said.')
    assert 0.3 < rank.reply_share(text) < 0.7
