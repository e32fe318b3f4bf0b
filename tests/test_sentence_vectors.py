"""The answer's sentences are embedded when the index is built, so a question embeds only itself."""
import json

import numpy as np

import qa.index.build as index_mod
from qa.config import load_settings
from qa.index.sentence_vectors import ARTEFACTS, SentenceVectors, answer_sentences
from qa.passages.split import answer_sentence_spans
from qa.retrieval.assistant import Assistant

NOTE = ("Briefing note\n\nThe fostering panel met in March 2019 and approved twelve new carers for the borough. "
        "Panel members asked for a review of respite care before the summer.\n")


def test_answer_sentences_stop_at_a_blank_line_and_have_four_words_or_more():
    text = "A Headline Without A Stop\n\nThe body starts here and runs on. Too short. Then a full sentence ends."
    found = [text[s:e] for s, e in answer_sentence_spans(text)]
    assert found == ["A Headline Without A Stop", "The body starts here and runs on.", "Then a full sentence ends."]


def test_a_build_embeds_every_answer_sentence_as_the_question_embedder_would(tmp_path, corpus_copy):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    report = index_mod.build(settings)
    index = index_mod.Index.load(settings.index_dir)
    built = index.sentence_vectors
    wanted = answer_sentences(index.passages)
    assert report.embedded_sentences == len(wanted) == len(built) > 3 * 5
    assert (built.rows(wanted) >= 0).all() and (built.rows(["A sentence no passage holds."]) == -1).all()
    manifest = json.loads((index.directory / "manifest.json").read_text())
    assert set(ARTEFACTS) <= set(manifest["checksums"]) and manifest["counts"]["sentence_vectors"] == len(built)
    assistant = Assistant(settings, auto_build=False)
    assert manifest["sentence_model"] == assistant._encode_cached.embedder.model_id  # the question runtime
    sample = wanted[::7]
    fresh = assistant._encode_cached.embedder.encode(sample)
    looked_up = built.encoder(lambda texts: np.zeros((len(texts), 384), dtype=np.float32))(sample)
    if assistant._encode_cached.embedder.backend == "onnx-int8":
        # Dynamic int8 quantisation scales activations per batch, so a sentence's vector depends a little on the
        # batch it was encoded in. The backend is only chosen where it agrees with torch to AGREEMENT (cosine), so
        # two of its encodings of one sentence agree to cos(2 arccos AGREEMENT) = 2 AGREEMENT^2 - 1 at worst.
        from qa.index.backend_choice import AGREEMENT

        assert (np.sum(fresh * looked_up, axis=1) >= 2 * AGREEMENT ** 2 - 1).all()
    else:
        assert np.allclose(fresh, looked_up, atol=1e-4)


def test_an_answer_embeds_only_the_question_and_says_the_same(tmp_path, corpus_copy):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    assistant = Assistant(settings)
    embedder = assistant._encode_cached.embedder
    encoded: list[str] = []
    original = embedder.encode
    embedder.encode = lambda texts, *a, **k: (encoded.extend(texts), original(texts, *a, **k))[1]
    question = "What did inspectors find about the quality of supervision?"
    with_vectors = assistant.ask(question)
    sentences = set(answer_sentences(assistant.index.passages))
    assert with_vectors.answer and not with_vectors.abstained
    assert encoded and not sentences & set(encoded)
    # The same question on the same build without its sentence vectors (an index from before them): the answer's
    # sentences are embedded while it waits, and the answer does not change.
    assistant._encode_cached._cache.clear()
    assistant.index.__dict__["sentence_vectors"] = None
    encoded.clear()
    without = assistant.ask(question)
    assert sentences & set(encoded)
    assert without.answer == with_vectors.answer
    assert [h.passage.passage_id for h in without.hits] == [h.passage.passage_id for h in with_vectors.hits]
    # ... and a build whose sentences another question runtime embedded is not used (its cosines could differ)
    del assistant.index.__dict__["sentence_vectors"]
    assistant.index.manifest["sentence_model"] = "MiniLM-0000:another-runtime"
    assistant._encode_cached._cache.clear()
    encoded.clear()
    assert assistant.ask(question).answer == with_vectors.answer and sentences & set(encoded)


def test_a_rebuild_embeds_only_the_new_documents_sentences(tmp_path, corpus_copy):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    first = index_mod.build(settings)
    (corpus_copy / "new_note.txt").write_text(NOTE, encoding="utf-8")
    second = index_mod.build(settings)
    index = index_mod.Index.load(settings.index_dir)
    new = answer_sentences([p for p in index.passages if p.doc_id.startswith("new_note")])
    assert new and second.embedded_sentences == len(new) < first.embedded_sentences
    assert len(index.sentence_vectors) == first.embedded_sentences + len(new)


def test_a_build_without_sentence_vectors_is_refreshed_and_keeps_its_other_work(tmp_path, corpus_copy):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    index_mod.build(settings)
    live = index_mod.live_build(settings.index_dir)
    # As a build from before sentence vectors: no such files, another fingerprint.
    manifest = json.loads((live / "manifest.json").read_text())
    for name in ARTEFACTS:
        (live / name).unlink()
        del manifest["checksums"][name]
    manifest["corpus_fingerprint"] = "from an earlier version"
    (live / "manifest.json").write_text(json.dumps(manifest))
    assert index_mod.Index.load(settings.index_dir).sentence_vectors is None
    assert not index_mod.is_fresh(settings)
    report = index_mod.build(settings)
    assert report.rebuilt and report.converted == 0 and report.embedded == 0 and report.embedded_sentences > 0
    assert isinstance(index_mod.Index.load(settings.index_dir).sentence_vectors, SentenceVectors)


def test_turned_off_the_build_has_none_and_turned_on_again_it_gains_them(tmp_path, corpus_copy, monkeypatch):
    monkeypatch.setenv("QA_SENTENCE_VECTORS", "0")
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    assert settings.sentence_vectors is False
    report = index_mod.build(settings)
    assert report.embedded > 0 and report.embedded_sentences == 0
    assert index_mod.Index.load(settings.index_dir).sentence_vectors is None
    monkeypatch.setenv("QA_SENTENCE_VECTORS", "1")
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    assert not index_mod.is_fresh(settings)
    report = index_mod.build(settings)
    assert report.embedded == 0 and report.embedded_sentences > 0
    # Off again (or set empty, as a compose file may leave it: the default, on): the index with them still serves,
    # no rebuild only to drop them
    monkeypatch.setenv("QA_SENTENCE_VECTORS", "")
    assert load_settings().sentence_vectors is True
    monkeypatch.setenv("QA_SENTENCE_VECTORS", "off")
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    assert index_mod.is_fresh(settings) and not index_mod.build(settings).rebuilt


def test_the_assistant_and_its_builds_share_one_question_embedder(tmp_path, corpus_copy):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    assistant = Assistant(settings)
    embedder = assistant.live.embedder
    # (one question runtime in memory: the build that embeds the answer sentences uses the Assistant's)
    assert embedder.for_questions() is embedder.for_questions() is assistant._encode_cached.embedder
