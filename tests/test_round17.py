"""Failure classes found by the seventeenth round's development sets (v45, v46 questions; set43, set44 invented
files), on invented fixtures."""
import json

import numpy as np

from qa.config import load_settings
from qa.index import build as index_build
from qa.index.store import IndexStore
from qa.retrieval.question import parse
from qa.retrieval.retriever import CachedEncoder, Retriever
from test_retriever import FakeEmbedder

PLACE_DOCS = {
    "opening.txt": ("Wakefield wakefield wakefield wakefield letter to the council", {"doc_type": "ofsted_letter", "date": "2019-05-01", "local_authorities": ["Wakefield"]}),
    "finding.txt": ("Caseloads are high and supervision is irregular in most teams",
                    {"doc_type": "ofsted_letter", "date": "2019-05-01", "local_authorities": ["Wakefield"]}),
}


def test_the_dense_side_ranks_on_the_topic_when_the_place_asked_is_a_filter(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, (text, _) in PLACE_DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": {n: m for n, (_, m) in PLACE_DOCS.items()}}))
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus, bm25_weight=0.0)
    embedder = FakeEmbedder()
    embedder.dimension = 4096  # bag-of-words vectors without collisions between these few words
    index_build.build(settings, embedder=embedder)
    index = IndexStore(settings.index_dir).load()
    question = "Wakefield caseloads supervision"
    whole = embedder.encode([question])[0]
    rows = {index.passages[r].doc_id: r for r in range(len(index.passages))}
    cosine = {d: float(index.dense.scores_for(whole, np.array([r]))[0]) for d, r in rows.items()}
    assert cosine["opening"] > cosine["finding"]  # the whole question is closest to the page repeating the name
    found = Retriever(settings, encode=CachedEncoder(embedder)).retrieve(index, parse(question))
    assert found.hits[0].document.doc_id == "finding"  # ... but every page is about Wakefield: the topic decides
    # abstention and the answer's cosines still read the whole question, as they were calibrated
    assert abs(found.signals["dense_top"] - cosine["opening"]) < 1e-5
    assert abs(found.hits[0].scores["dense"] - cosine["finding"]) < 1e-5


def test_a_month_asked_admits_a_later_story_dating_an_inspection_to_it_within_a_year():
    from qa.datatypes import Document
    from qa.retrieval.rank import check_filters, recall_weight

    text = ("High caseloads cost council its good rating\n\nRutland County Council was warned by the inspectorate in "
            "April 2018 that caseloads were unacceptably high. Ofsted downgraded the service in January 2019.")
    story = lambda published: Document(doc_id="s", path="s.txt", text=text, doc_type="news_article",  # noqa: E731
                                       date=published, local_authorities=["Rutland"],
                                       mentions={"event_dates": ["2018-04-01", "2019-01-01"]})
    query = parse("what did rutland's april 2018 focused visit say about caseloads?")
    check = check_filters(story("2019-02-19"), query)
    assert check.status == "match" and check.reported  # ten months on, it names the month's visit
    assert check_filters(story("2019-06-20"), query).status == "excluded"  # more than a year after
    assert check_filters(story("2019-02-19"), parse("rutland caseloads in may 2018")).status == "excluded"
    letter = Document(doc_id="l", path="l.txt", text=text, doc_type="ofsted_letter", date="2019-02-19",
                      local_authorities=["Rutland"], period_start="2019-01-14", period_end="2019-01-25",
                      mentions={"event_dates": ["2018-04-01"]})
    assert check_filters(letter, query).status == "excluded"  # a letter is judged by its own visit's dates
    # within the story, a passage dating nothing to April 2018 is about the later inspection
    assert recall_weight(check, "Ofsted downgraded the service in January 2019.", query) < 1.0
    assert recall_weight(check, "It was warned in April 2018 that caseloads were too high.", query) == 1.0
    assert recall_weight(check_filters(story("2018-05-02"), query), "Ofsted downgraded the service.", query) == 1.0


def test_a_youth_justice_service_asked_about_must_be_named_by_a_page_about_the_place(tmp_path):
    from conftest import bm25_assistant_for
    from test_round14 import halton_updates

    assert parse("bexley youth justice inspection rating").names == ["youth justice"]
    docs = {"letter.txt": ("Monitoring visit to Bexley children's services\n\nInspectors rated the progress of "
                           "care leaver services as steady. Supervision is regular and managers check plans.",
                           {"doc_type": "ofsted_letter", "date": "2019-04-02", "local_authorities": ["Bexley"]}),
            "yjs.txt": ("Inspection of youth justice services in Rutland\n\nHM Inspectorate of Probation rated the "
                        "youth justice service good overall. Supervision of children is regular.",
                        {"doc_type": "other", "date": "2021-06-01", "local_authorities": ["Rutland"]}),
            **halton_updates(4)}
    assistant = bm25_assistant_for(tmp_path, docs)
    assert assistant.ask("bexley youth justice inspection rating").abstained  # only Rutland's service was inspected
    answer = assistant.ask("rutland youth justice inspection rating")
    assert not answer.abstained and answer.hits[0].document.doc_id == "yjs"
