"""Failure classes found by the twelfth round's blind sets (v28 questions, set26 invented files), on invented
fixtures."""
from qa.datatypes import Hit, Passage
from qa.retrieval import rank

from test_ranking import doc


def _hit(d, text: str, score: float) -> Hit:
    return Hit(passage=Passage(passage_id=d.doc_id + "#1", doc_id=d.doc_id, text=text, start=0, end=len(text)),
               document=d, score=score)


LETTER_FINDING = ("Partnerships to tackle child sexual exploitation and children missing from care are strong and "
                  "well coordinated across the borough.")


def test_a_story_with_findings_of_its_own_is_not_hidden_under_the_letter_it_quotes():
    letter = doc(doc_id="letter", local_authorities=["Rutland"], date="2018-05-01", doc_type="ofsted_letter")
    story = doc(doc_id="story", local_authorities=["Rutland"], date="2018-05-09", doc_type="news_article")
    own = (LETTER_FINDING + " Meanwhile, the multi-agency front door response to child protection concerns was "
           "found to be effective, backed by good oversight by managers, and the timeliness of assessments for "
           "disabled children had improved since the last inspection, the report said.")
    kept = rank.group_duplicates([_hit(letter, "Inspectors found: " + LETTER_FINDING, 0.9), _hit(story, own, 0.8)])
    assert [h.document.doc_id for h in kept] == ["letter", "story"]
    # a story that is mostly the letter's words is still grouped under it
    quoting = _hit(story, "The letter said: " + LETTER_FINDING, 0.95)
    kept = rank.group_duplicates([quoting, _hit(letter, "Inspectors found: " + LETTER_FINDING, 0.9)])
    assert [h.document.doc_id for h in kept] == ["letter"] and kept[0].also_reported_in[0]["doc_id"] == "story"
    assert kept[0].score == 0.95
