"""The retriever alone (qa/retrieval/retriever.py) on a tiny invented corpus, and how the Assistant handles an
embedder that fails in the middle of a question (the retriever returns it; the live index records it)."""
import hashlib
import json

import numpy as np
import pytest

from qa.config import load_settings
from qa.index import build as index_build
from qa.index.embedder import EmbedderUnavailable
from qa.index.store import IndexStore
from qa.retrieval.question import parse
from qa.retrieval.retriever import CachedEncoder, Retriever
from conftest import write_corpus

DOCS = {
    "w16.txt": ("Monitoring visit to Wakefield children's services\n\nSupervision is irregular and records rarely "
                "show reflection on the child's plan. Managers do not always record the rationale for decisions.",
                {"doc_type": "ofsted_letter", "date": "2016-05-10", "local_authorities": ["Wakefield"],
                 "title": "Wakefield letter 2016"}),
    "w19.txt": ("Wakefield caseloads fall\n\nSocial workers in Wakefield now hold caseloads of about eighteen "
                "children, the council said after a review of duty teams.",
                {"doc_type": "news_article", "date": "2019-03-02", "local_authorities": ["Wakefield"],
                 "title": "Wakefield caseloads fall"}),
    "l19.txt": ("Leeds adoption\n\nAdoption timeliness in Leeds improved, the council said, with most children "
                "placed within a year of the decision.",
                {"doc_type": "news_article", "date": "2019-09-09", "local_authorities": ["Leeds"], "title": "Leeds"}),
    "n18.txt": ("Guidance on monitoring\n\nOfsted carries out quarterly monitoring of authorities judged "
                "inadequate, and publishes a letter after each monitoring visit.",
                {"doc_type": "other", "date": "2018-01-15", "local_authorities": [], "title": "Guidance"}),
}


class FakeEmbedder:
    """Deterministic bag-of-words vectors: enough for a dense index, and it can be made to fail."""
    model_path = "fake-model"
    model_id = "fake-model-0:test"
    dimension = 16

    def __init__(self):
        self.fail = False
        self.calls = 0

    def load(self):
        return self

    def backend_info(self):
        return {"backend": "test", "requested": "test"}

    def encode(self, texts, show_progress=False):
        self.calls += 1
        if self.fail:
            raise EmbedderUnavailable("embedding model failed to load: test")
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split():
                out[i, int(hashlib.sha1(word.encode()).hexdigest(), 16) % self.dimension] += 1
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def _corpus(root):
    corpus = root / "corpus"
    corpus.mkdir()
    for name, (text, meta) in DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": {n: m for n, (_, m) in DOCS.items()}}))
    return corpus


@pytest.fixture(scope="module")
def bm25_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("retriever")
    settings = load_settings(index_dir=root / "ix", corpus_dir=_corpus(root), model=str(root / "no_model"))
    index_build.build(settings)  # BM25 alone: no model at that path
    return settings, IndexStore(settings.index_dir).load()


@pytest.fixture
def dense_settings(tmp_path):
    return load_settings(index_dir=tmp_path / "ix", corpus_dir=_corpus(tmp_path))


def test_bm25_alone_finds_the_passage_and_reports_signals(bm25_index):
    settings, index = bm25_index
    found = Retriever(settings).retrieve(index, parse("What did inspectors say about supervision?"))
    assert found.hits and found.hits[0].document.path == "w16.txt" and found.dense_error is None
    assert found.signals["coverage"] > 0 and found.signals["unmentioned"] == [] and "dense_top" not in found.signals
    assert set(found.hits[0].scores) == {"fused", "prior", "bm25"}


def test_filters_exclude_documents_before_ranking(bm25_index):
    settings, index = bm25_index
    found = Retriever(settings).retrieve(index, parse("What did the council say about children in Leeds in 2019?"))
    assert found.hits and {h.document.path for h in found.hits} == {"l19.txt"}
    assert Retriever(settings).retrieve(index, parse("supervision in 1990")).hits == []


def test_names_no_passage_mentions_are_signalled(bm25_index):
    settings, index = bm25_index
    found = Retriever(settings).retrieve(index, parse("What did the CQC say about caseloads in Wakefield?"))
    assert found.signals["unmentioned"] == ["CQC"]


def test_ofsted_asked_about_a_place_whose_pages_never_speak_for_it_is_signalled(bm25_index):
    settings, index = bm25_index
    # Leeds' only page is a news story quoting the council: nothing about Leeds says what Ofsted found
    found = Retriever(settings).retrieve(index, parse("What did Ofsted find about adoption in Leeds?"))
    assert found.signals["unmentioned"] == ["Ofsted"]
    # Wakefield has Ofsted's own letter, which speaks for Ofsted whether or not its text names it
    found = Retriever(settings).retrieve(index, parse("What did Ofsted find about supervision in Wakefield?"))
    assert found.signals["unmentioned"] == []
    # without a place, Ofsted is only the framing of the question
    assert Retriever(settings).retrieve(index, parse("What did Ofsted find about adoption?")).signals["unmentioned"] == []


def test_a_name_of_several_words_is_mentioned_only_where_they_occur_together(bm25_index):
    settings, index = bm25_index
    # "monitoring" (w16, n18) and "review" (w19) each occur, never in one passage
    found = Retriever(settings).retrieve(index, parse("What did the Monitoring Review say about caseloads?"))
    assert found.signals["unmentioned"] == ["Monitoring Review"]
    found = Retriever(settings).retrieve(index, parse("What did the Duty Teams Review say about caseloads?"))
    assert found.signals["unmentioned"] == []


def test_retrieval_does_not_depend_on_earlier_questions(bm25_index):
    settings, index = bm25_index
    retriever = Retriever(settings)
    q = parse("What did inspectors say about supervision?")
    first = [(h.passage.passage_id, h.score) for h in retriever.retrieve(index, q).hits]
    retriever.retrieve(index, parse("adoption timeliness in Leeds"))
    assert [(h.passage.passage_id, h.score) for h in retriever.retrieve(index, q).hits] == first


def test_hybrid_retrieval_and_a_failing_embedder(dense_settings):
    embedder = FakeEmbedder()
    index_build.build(dense_settings, embedder=embedder)
    index = IndexStore(dense_settings.index_dir).load()
    assert index.dense is not None
    retriever = Retriever(dense_settings, encode=CachedEncoder(embedder))
    q = parse("What did inspectors say about supervision?")
    hybrid = retriever.retrieve(index, q)
    assert hybrid.hits[0].document.path == "w16.txt" and "dense_top" in hybrid.signals
    assert "dense" in hybrid.hits[0].scores
    skipped = retriever.retrieve(index, q, dense=False)  # semantic search known to be down: vectors not asked for
    assert "dense_top" not in skipped.signals and skipped.dense_error is None
    embedder.fail = True
    failed = retriever.retrieve(index, parse("What did the council say about caseloads?"))  # not in the cache
    assert failed.dense_error == "embedding model failed to load: test"
    assert failed.hits and "dense_top" not in failed.signals  # BM25 answered alone


def test_assistant_records_an_embedder_failure_once_and_answers_from_bm25(dense_settings):
    from qa.retrieval.assistant import Assistant

    embedder = FakeEmbedder()
    assistant = Assistant(dense_settings, embedder=embedder)
    assert assistant.mode == "hybrid" and assistant.dense_error is None
    embedder.fail = True
    answer = assistant.ask("What did the council say about caseloads?")
    assert answer.hits  # the question that met the failure is still answered, from BM25
    assert assistant.mode == "bm25-only" and "Semantic search is unavailable" in assistant.dense_error
    calls = embedder.calls
    later = assistant.ask("What did inspectors say about supervision?")
    assert later.mode == "bm25-only" and any("Semantic search is unavailable" in n for n in later.notices)
    assert embedder.calls == calls  # the embedder is not asked again


def test_a_build_by_another_model_leaves_the_loaded_index_answering(dense_settings):
    from qa.retrieval.assistant import Assistant

    assistant = Assistant(dense_settings, embedder=FakeEmbedder())
    before = assistant.index
    assert assistant.ask("What did inspectors say about supervision?").hits
    other = FakeEmbedder()
    other.model_id = "other-model:test"
    index_build.build(dense_settings, embedder=other, force=True)  # another process, another model
    answer = assistant.ask("What did inspectors say about supervision?")
    assert answer.hits and assistant.index is before  # vectors of another model are never searched with ours


def test_an_undated_ofsted_letter_about_the_place_speaks_for_ofsted_under_a_year_filter(tmp_path):
    docs = {"letter.txt": ("Monitoring visit to Wakefield\n\nSupervision is irregular and rarely reflective.",
                           {"doc_type": "ofsted_letter", "local_authorities": ["Wakefield"]}),
            "news.txt": ("Wakefield news\n\nSupervision in Wakefield is now monthly, the council said.",
                         {"doc_type": "news_article", "date": "2019-03-02", "local_authorities": ["Wakefield"]})}
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=write_corpus(tmp_path / "corpus", docs),
                             model=str(tmp_path / "no_model"))
    index_build.build(settings)
    index = IndexStore(settings.index_dir).load()
    found = Retriever(settings).retrieve(index, parse("What did Ofsted find about supervision in Wakefield in 2019?"))
    assert found.signals["unmentioned"] == []


def test_every_passage_of_a_document_meeting_the_filters_is_a_candidate(tmp_path):
    docs = {"w16.txt": ("Monitoring visit to Wakefield\n\nSupervision is irregular and records rarely show reflection "
                        "on the child's plan or on the reasons for decisions.\n\nCouncillor Ann Bell, lead member, "
                        "promised that twenty newly qualified workers would start in the spring term.",
                        {"doc_type": "ofsted_letter", "date": "2016-05-10", "local_authorities": ["Wakefield"]}),
            "l19.txt": DOCS["l19.txt"], "n18.txt": DOCS["n18.txt"]}
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=write_corpus(tmp_path / "corpus", docs),
                             model=str(tmp_path / "no_model"), max_words=20, min_words=5)
    index_build.build(settings)
    index = IndexStore(settings.index_dir).load()
    found = Retriever(settings).retrieve(index, parse("What did inspectors say about supervision in Wakefield in 2016?"))
    texts = [h.passage.text for h in found.hits]
    # the reply shares no word with the question, yet its document meets every filter
    assert any("Councillor Ann Bell" in t for t in texts)
    assert "Supervision is irregular" in texts[0]


def test_a_kind_of_inspection_asked_about_must_be_named_by_a_page(bm25_index):
    """"The focused visit to Wakefield": a page about another inspection (here a monitoring visit) does not report
    one; the kind is checked like a name, though written in lower case."""
    settings, index = bm25_index
    assert parse("What did the focused visit to Wakefield find?").names == ["focused visit"]
    found = Retriever(settings).retrieve(index, parse("What did the focused visit to Wakefield find about supervision?"))
    assert found.signals["unmentioned"] == ["focused visit"]
    found = Retriever(settings).retrieve(index, parse("What did the monitoring visit to Wakefield find about supervision?"))
    assert found.signals["unmentioned"] == []


def test_the_british_spelling_of_a_focused_visit_mentions_it(tmp_path):
    docs = {"k.txt": ("Kent focussed visit\n\nThe Focussed Visit to Kent found that supervision of social workers was "
                      "regular and reflective.", {"doc_type": "ofsted_letter", "local_authorities": ["Kent"]})}
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=write_corpus(tmp_path / "corpus", docs),
                             model=str(tmp_path / "no_model"))
    index_build.build(settings)
    index = IndexStore(settings.index_dir).load()
    found = Retriever(settings).retrieve(index, parse("What did the focused visit to Kent find about supervision?"))
    assert found.hits and found.signals["unmentioned"] == []
