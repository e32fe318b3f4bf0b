"""A broad question ("What did Ofsted say about Leeds children's services in 2017?") is answered by a document's
opening (a story's lead, a letter's headline findings), not by a later paragraph that repeats the same words."""
import json

import pytest

from qa.config import load_settings
from qa.retrieval import rank

LEAD = ("Children's services in Leeds are no longer inadequate, says Ofsted\n\n"
        "Inspectors found that services for children in Leeds have improved and are now judged good overall, "
        "with stronger leadership and better help for families.")
LATER = ("The council's lead member said children's services staff had worked hard and that the children's "
         "services budget would be protected next year. Councillors will discuss the plan at the next meeting.")
FILLER = {
    "b.txt": "Children's services in Bradford\n\nAdoption in Bradford: children's services placed more children "
             "with adopters this year than last.",
    "c.txt": "Children's services in York\n\nCaseloads in York children's services fell after new social workers "
             "joined the children's services teams.",
    "d.txt": "Fostering in Hull\n\nHull recruited forty foster carers for children in care in a year.",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    from qa.retrieval.assistant import Assistant

    corpus = tmp_path_factory.mktemp("lead_corpus")
    (corpus / "leeds.txt").write_text(LEAD + "\n\n" + LATER, encoding="utf-8")
    manifest = {"leeds.txt": {"doc_type": "news_article", "date": "2017-09-04", "local_authorities": ["Leeds"]}}
    for name, text in FILLER.items():
        (corpus / name).write_text(text, encoding="utf-8")
        manifest[name] = {"doc_type": "news_article", "date": "2017-05-01",
                          "local_authorities": [name[0].upper() + "x"]}
    (corpus / "manifest.json").write_text(json.dumps({"documents": manifest}), encoding="utf-8")
    settings = load_settings(index_dir=tmp_path_factory.mktemp("lead_index"), corpus_dir=corpus,
                             model=str(tmp_path_factory.mktemp("no_model")), max_words=40, min_words=5)
    return Assistant(settings)


def _first(assistant, question):
    return assistant.ask(question).hits[0].passage.text


def test_broad_means_every_searched_word_is_common():
    assert rank.is_broad({"children": 30, "servic": 25}, 100)
    assert not rank.is_broad({"children": 30, "caseload": 3}, 100)
    assert not rank.is_broad({}, 100)


def test_a_broad_question_gets_the_document_opening_first(assistant, monkeypatch):
    question = "What did Ofsted say about Leeds children's services in 2017?"
    # (the ranking under test: each passage shown alone, not joined to its neighbour, qa/retrieval/adjacent.py)
    monkeypatch.setattr(assistant, "settings", assistant.settings.with_(neighbour_ratio=0))
    assert _first(assistant, question).startswith("Children's services in Leeds are no longer inadequate")
    monkeypatch.setattr(rank, "LEAD_BOOST", 1.0)  # without the rule the repeated words win: the test can fail
    monkeypatch.setattr(rank, "REPLY_PENALTY", 1.0)  # (the later paragraph is a councillor's: that weighs too)
    assert _first(assistant, question).startswith("The council's lead member")


def test_a_specific_question_is_not_pulled_to_the_opening(assistant):
    from qa.retrieval.question import parse
    from qa.retrieval.retriever import keyword_terms

    question = "What did the council say about the children's services budget in Leeds?"
    index = assistant.index
    terms = keyword_terms(index.bm25.query_terms(parse(question).keyword_text), question)
    assert not rank.is_broad(index.bm25.document_frequency(terms), len(index.passages))  # "budget" is rare
    assert "budget" in _first(assistant, question)
