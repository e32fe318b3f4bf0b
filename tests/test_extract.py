"""The extractive answer line (qa/answers/extract.py) on invented passages, BM25-style (no encoder)."""
from qa.answers.extract import extract, sentence_candidates
from qa.datatypes import Document, Hit, Passage


def hit(text: str, doc_id: str = "d1") -> Hit:
    doc = Document(doc_id=doc_id, path=f"{doc_id}.txt", title="t", doc_type="news_article", date=None, text=text)
    return Hit(passage=Passage(passage_id=f"{doc_id}#0", doc_id=doc_id, text=text, start=0, end=len(text)),
               document=doc, score=1.0)


STORY = ("Final Ofsted visit recognises continued progress in children's services\n\ntown hall\n\n"
         "Ofsted's final monitoring visit to Leeds noted significant improvement in children's services. "
         "Inspectors said caseloads were now manageable.")


def test_a_sentence_never_runs_across_a_blank_line():
    texts = [c[3] for c in sentence_candidates([hit(STORY)])]
    assert "Ofsted's final monitoring visit to Leeds noted significant improvement in children's services." in texts
    assert not any("town hall" in t and "noted" in t for t in texts)


def test_the_answer_leads_with_a_sentence_not_the_headline():
    answer, _ = extract("What did Ofsted's final monitoring visit to Leeds find?", [hit(STORY)])
    assert answer.startswith("Ofsted's final monitoring visit to Leeds noted significant improvement")


def test_a_who_question_is_answered_by_the_sentence_naming_somebody():
    text = ("Children's services in Leeds: a timeline of the commissioner's work and the government intervention. "
            "In 2018 the government appointed Jane Holloway as commissioner for children's services in Leeds.")
    plain, _ = extract("Who is the commissioner for children's services in Leeds?", [hit(text)])
    typed, _ = extract("Who is the commissioner for children's services in Leeds?", [hit(text)], kind="person",
                       role="commissioner")
    assert typed.startswith("In 2018 the government appointed Jane Holloway")
    assert plain.startswith("Children's services in Leeds: a timeline")  # by words alone the framing wins
