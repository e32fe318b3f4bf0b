"""Thirty-ninth round: a joint inspection's letter whose subject line a PDF ran onto the last addressee's line."""
from conftest import metadata_of

from test_round38 import JOINT_LETTER

SUBJECT = "Joint targeted area inspection of the multi-agency response to children living with neglect in Wessex"
# pdf text: the last addressee and the subject line in one paragraph
RUN_ON = JOINT_LETTER.replace(f"Accountable Officer, NHS Wessex Clinical Commissioning Group\n\n{SUBJECT}",
                              f"Accountable Officer, NHS Wessex Clinical Commissioning Group {SUBJECT}")


def test_the_subject_line_run_onto_an_addressee_still_marks_the_joint_letter():
    assert RUN_ON != JOINT_LETTER
    assert metadata_of(RUN_ON)["doc_type"] == "ofsted_letter"
    # without Ofsted among those signing, nothing says whose letter it is
    assert metadata_of(RUN_ON.replace("Regional Director, Ofsted", "Regional Director"))["doc_type"] != "ofsted_letter"


def test_a_sentence_naming_the_inspection_is_not_a_subject_line():
    # a sentence mentions the inspection in passing (it goes on, or ends with a full stop): not the letter's subject
    quoted = RUN_ON.replace(f"Group {SUBJECT}", f"Group. The letter follows the {SUBJECT}.")
    assert metadata_of(quoted)["doc_type"] != "ofsted_letter"


FEATURE = ("Three councils, three stories\n\nPublished 7 April 2025\n\nIn Wessex, a council rated good as recently as "
           "2022 is now visited every few months by inspectors. Around a third of the workforce in the assessment "
           "teams are agency staff, and care leavers still wait too long for housing.\n\nA third monitoring visit, "
           "expected this summer, is likely to focus on care leavers, where change has been slowest.\n\nFor now, "
           "Wessex expects its third monitoring visit within months.")


def test_a_visit_still_to_come_named_before_or_beside_it_does_not_answer_for_it(tmp_path):
    from conftest import bm25_assistant_for, other_council_news

    from qa.documents.metadata import infer_visit_number

    assistant = bm25_assistant_for(tmp_path, {"feature.txt": (FEATURE, {}), **other_council_news()})
    answer = assistant.ask("What did Ofsted's third monitoring visit to Wessex in 2025 find about care leavers?")
    assert answer.abstained and all(h.unconfirmed for h in answer.related)
    # reported on, the same words answer (shown apart: the story's visit number is not in its metadata)
    done = FEATURE.replace("A third monitoring visit, expected this summer, is likely to focus",
                           "The third monitoring visit, in March, focused").replace(
        "For now, Wessex expects its third monitoring visit within months.", "")
    assistant = bm25_assistant_for(tmp_path / "done", {"feature.txt": (done, {}), **other_council_news()})
    answer = assistant.ask("What did Ofsted's third monitoring visit to Wessex in 2025 find about care leavers?")
    assert not answer.abstained and "care leavers" in answer.hits[0].passage.text
    # nor does a visit to come give a document its visit number
    assert infer_visit_number("A third monitoring visit, expected this summer, will look at care leavers.")[0] is None
    assert infer_visit_number("Wessex expects its third monitoring visit within months.")[0] is None
    assert infer_visit_number("This was the third monitoring visit since Wessex was judged inadequate.")[0] == 3


def test_a_later_event_named_in_the_scene_is_asked_not_the_baseline_after_which():
    from qa.retrieval.question import parse

    q = parse("I'm briefing our board on Wessex's 2018 re-inspection. In Ofsted's own words, what changed the pace "
              "of improvement after the 2015 inadequate judgement?")
    assert (q.date_from.isoformat(), q.date_to.isoformat()) == ("2018-01-01", "2018-12-31")
    # with no later event in the scene, "after the 2015 judgement" still asks from then on
    q = parse("I'm briefing our board on Wessex. What changed after the 2015 inadequate judgement?")
    assert q.date_from.isoformat() == "2015-01-01" and q.date_to is None
    # nor does an earlier event in the scene override it
    q = parse("Wessex was judged inadequate in 2015. What did the letters say after the 2019 focused visit?")
    assert q.date_from.isoformat() == "2019-01-01" and q.date_to is None



def test_the_framework_named_beside_a_topic_is_a_filter_not_a_keyword():
    # (as an authority's name is: the report's header and download line repeat it, its findings do not)
    from qa.retrieval.question import parse

    assert "ilacs" not in parse("north tyneside ilacs 2024 caseloads").keyword_text.lower()
    assert "caseloads" in parse("north tyneside ilacs 2024 caseloads").keyword_text
    assert "sif" not in parse("kirklees 2016 sif judgement").keyword_text.lower()
    assert "ilacs" in parse("what is ilacs?").keyword_text.lower()  # (nothing else to look for)
    assert "ilacs" in parse("Which areas does ILACS cover?").keyword_text.lower()  # (the framework itself)
    # what kind of document is asked for is still read from the question itself
    from qa.retrieval.rank import INSPECTION_ASKED_RE

    assert INSPECTION_ASKED_RE.search(parse("north tyneside ilacs 2024 caseloads").text)
