"""Round 44: trust beyond the seeds (issue 10)."""
from __future__ import annotations


def _hit(doc_id: str, score: float):
    from qa.datatypes import Document, Hit, Passage

    doc = Document(doc_id=doc_id, path=f"{doc_id}.txt", text="", doc_type="ofsted_letter")
    return Hit(passage=Passage(passage_id=f"{doc_id}#{score}", doc_id=doc_id, text=str(score), start=0, end=1),
               document=doc, score=score)


def test_asked_about_a_place_another_documents_passage_needs_more_of_the_best_score():
    from qa.retrieval.assistant import ONE_PLACE_FLOOR, OTHER_DOCUMENT_FLOOR, without_weak_guesses

    hits = [_hit("letter", 1.0), _hit("story", 0.62), _hit("letter", 0.1)]
    assert ONE_PLACE_FLOOR > 0.62 >= OTHER_DOCUMENT_FLOOR
    assert [h.document.doc_id for h in without_weak_guesses(hits)] == ["letter", "story", "letter"]
    assert [h.document.doc_id for h in without_weak_guesses(hits, ONE_PLACE_FLOOR)] == ["letter", "letter"]


RUTLAND_LETTER = ("Monitoring visit to Rutland children's services\n\nInspectors found that supervision of social "
                  "workers in Rutland is now regular and reflective, and managers record clear direction for "
                  "children's plans. Supervision records show thoughtful discussion of risk.")
RUTLAND_POOL = ("Rutland leisure centre news\n\nThe leisure centre reopened its pool after repairs. Lifeguard "
                "supervision at the pool is regular, staff said. The cafe has new opening hours and the car park has "
                "been resurfaced over the summer holidays, with twenty more spaces for visitors.")


def test_the_place_floor_applies_to_questions_about_a_place_only(tmp_path, monkeypatch):
    from conftest import bm25_assistant_for, other_council_news
    import qa.retrieval.assistant as assistant

    docs = {"letter.txt": (RUTLAND_LETTER, {"doc_type": "ofsted_letter", "date": "2023-05-09",
                                            "local_authorities": ["Rutland"]}),
            "pool.txt": (RUTLAND_POOL, {"doc_type": "council_page", "local_authorities": ["Rutland"]}),
            **other_council_news()}
    ask = bm25_assistant_for(tmp_path, docs).ask
    monkeypatch.setattr(assistant, "OTHER_DOCUMENT_FLOOR", 0.0)
    monkeypatch.setattr(assistant, "ONE_PLACE_FLOOR", 0.0)
    placed, unplaced = "What did inspectors say about supervision in Rutland?", "What was said about supervision?"
    assert [h.document.doc_type for h in ask(placed).hits] == ["ofsted_letter", "council_page"]
    assert [h.document.doc_type for h in ask(unplaced).hits] == ["ofsted_letter", "council_page"]
    monkeypatch.setattr(assistant, "ONE_PLACE_FLOOR", 0.99)
    assert [h.document.doc_type for h in ask(placed).hits] == ["ofsted_letter"]
    assert [h.document.doc_type for h in ask(unplaced).hits] == ["ofsted_letter", "council_page"]
