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
