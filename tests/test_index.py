import json
import os
import shutil

import pytest

import qa.index.build as index_mod
from qa.index import store
from qa.config import load_settings
from qa.retrieval.assistant import Assistant


def test_rebuild_with_nothing_changed_does_no_work(tmp_path, corpus_copy, seed_settings):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    first = index_mod.build(settings)
    assert first.rebuilt and first.documents == 5 and first.embedded == first.passages
    second = index_mod.build(settings)
    assert not second.rebuilt and second.converted == 0 and second.embedded == 0
    assert index_mod.is_fresh(settings)


def test_incremental_update_embeds_only_the_change(tmp_path, corpus_copy):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    index_mod.build(settings)
    (corpus_copy / "new_note.txt").write_text(
        "Briefing note\n\nThe fostering panel met in March 2019 and approved twelve new carers for the borough.\n",
        encoding="utf-8")
    report = index_mod.build(settings)
    assert report.rebuilt and report.converted == 1 and report.documents == 6
    assert 0 < report.embedded <= 2
    os.remove(corpus_copy / "004_d327a56995dfd88d.txt")
    report = index_mod.build(settings)
    assert report.documents == 5 and report.embedded == 0
    ix = index_mod.Index.load(settings.index_dir)
    assert "004_d327a56995dfd88d" not in ix.documents


def test_manifest_records_model_counts_and_checksums(tmp_path, corpus_copy):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    index_mod.build(settings)
    manifest = json.loads((index_mod.live_build(settings.index_dir) / "manifest.json").read_text())
    assert manifest["dimension"] == 384
    assert "minilm" in manifest["model_path"].lower() and manifest["model"].endswith(":" + manifest["embedding"]["backend"])
    assert manifest["counts"]["documents"] == 5 and manifest["counts"]["passages"] > 20
    assert set(manifest["checksums"]) >= {"passages.jsonl", "dense.faiss", "bm25.npz"}


def test_corrupted_index_is_detected_and_rebuilt(tmp_path, corpus_copy):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    index_mod.build(settings)
    live = index_mod.live_build(settings.index_dir)
    docs_file = live / "documents.jsonl"
    docs_file.write_text(docs_file.read_text().replace("lacked reflection", "showed great reflection"))
    with pytest.raises(index_mod.IndexCorrupt):
        index_mod.Index.load(settings.index_dir)
    assistant = Assistant(settings)  # rebuilds rather than crashing, from the files, not the damaged index
    assert len(assistant.index.documents) == 5
    assert assistant.last_build.converted == 5
    assert not any("showed great reflection" in p.text for p in assistant.index.passages)


def test_interrupted_build_leaves_previous_index_serving(tmp_path, corpus_copy, monkeypatch):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    index_mod.build(settings)
    before = index_mod.live_build(settings.index_dir)
    (corpus_copy / "extra.txt").write_text("A new document about adoption panels and their work in 2019.\n" * 3)

    def boom(*args, **kwargs):
        raise KeyboardInterrupt("killed mid-build")

    monkeypatch.setattr(store.IndexStore, "publish", boom)
    with pytest.raises(KeyboardInterrupt):
        index_mod.build(settings)
    assert index_mod.live_build(settings.index_dir) == before
    assert len(index_mod.Index.load(settings.index_dir).documents) == 5


def test_second_build_is_refused_while_one_holds_the_lock(tmp_path, corpus_copy):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    with store.BuildLock(settings.index_dir):
        with pytest.raises(index_mod.BuildLocked, match="another index build is running"):
            index_mod.build(settings)


def test_index_built_with_another_model_is_refused_then_rebuilt(tmp_path, corpus_copy):
    torch_settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy, model_backend="torch")
    index_mod.build(torch_settings)
    fast_settings = torch_settings.with_(model_backend="openvino")
    with pytest.raises(index_mod.IndexCorrupt, match="built with model"):
        Assistant(fast_settings, auto_build=False)
    assistant = Assistant(fast_settings)  # auto_build: sees the model change and rebuilds
    assert assistant.index.manifest["model"].endswith(":openvino")
    assert assistant.ask("What did inspectors say about chronologies?").hits


def test_same_stem_files_get_distinct_ids(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name in ("x.md", "x.txt", "x_2.txt"):
        (corpus / name).write_text(f"Inspectors visited the service described in {name} and found good practice.\n")
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus)
    index_mod.build(settings)
    ix = index_mod.Index.load(settings.index_dir)
    assert len(ix.documents) == 3 and len({p.passage_id for p in ix.passages}) == len(ix.passages)


def test_one_bad_file_or_value_never_stops_the_build(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Inspectors found that caseloads were manageable in the teams visited.\n")
    (corpus / "odd.md").write_text("---\nvisit_number: third\ndate: August 2018\n---\nThe third visit found drift.\n")
    (corpus / "utf16.txt").write_bytes(b"\xff\xfeA\x00B")
    (corpus / "manifest.json").write_text('{"documents": {"good.txt": {"date": "2018-08", "local_authorities": ["barnet"]}}}')
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus)
    report = index_mod.build(settings)
    assert report.documents == 2 and [s.file for s in report.skipped] == ["utf16.txt"]
    docs = {d.path: d for d in index_mod.Index.load(settings.index_dir).documents.values()}
    assert docs["good.txt"].date == "2018-08-01" and docs["good.txt"].local_authorities == ["Barnet"]
    assert docs["odd.md"].visit_number == 3 and docs["odd.md"].date == "2018-08-01"
    assistant = Assistant(settings)
    assert assistant.ask("What did inspectors find about caseloads in Barnet in 2018?").hits


def test_malformed_manifest_is_a_clear_error(tmp_path):
    from qa.documents.metadata import ManifestError

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Some text about fostering panels and their decisions.\n")
    (corpus / "manifest.json").write_text('{"documents": {"a.txt": {"title": "A",}}}')
    with pytest.raises(ManifestError, match="not valid JSON"):
        index_mod.build(load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus))


def test_questions_are_answered_while_another_build_holds_the_lock(tmp_path, corpus_copy):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    index_mod.build(settings)
    (corpus_copy / "new.txt").write_text("A new note on adoption panels in 2019.\n")
    with store.BuildLock(settings.index_dir):
        assistant = Assistant(settings)
        answer = assistant.ask("What did inspectors say about chronologies?")
    assert answer.hits and any("another index build is running" in n for n in answer.notices)


def test_ingest_of_other_paths_is_what_later_questions_use(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.txt").write_text("The adoption panel approved eleven adopters in March 2019 after training.\n")
    settings = load_settings(index_dir=tmp_path / "ix")
    index_mod.build(settings, paths=[other])
    assistant = Assistant(settings)
    assert not assistant.last_build.rebuilt and [d.path for d in assistant.index.documents.values()] == ["b.txt"]


def test_an_index_whose_folders_are_gone_answers_as_built_not_from_the_corpus_folder(tmp_path):
    import shutil

    from conftest import bm25_assistant_for, other_council_news, write_corpus
    from qa.config import load_settings
    from qa.retrieval.assistant import Assistant

    letter = ("Monitoring visit to Exampleshire children's services\n\n3 May 2023\n\nInspectors found that "
              "caseloads in the assessment teams had fallen to around 18 children each.")
    ingested = write_corpus(tmp_path / "elsewhere", {"ex-letter.txt": (letter, {
        "doc_type": "ofsted_letter", "date": "2023-05-03", "local_authorities": ["Exampleshire"]})})
    first = bm25_assistant_for(tmp_path, other_council_news())  # (its corpus folder: three council news pages)
    first.refresh(paths=[ingested])  # `qa ingest PATH`: the index holds that folder's letter alone
    shutil.rmtree(ingested)
    again = Assistant(load_settings(index_dir=tmp_path / "index", corpus_dir=tmp_path / "corpus",
                                    model=str(tmp_path / "no_model")))
    assert set(again.live.current().documents) == {"ex-letter"}
    assert "not there any more" in (again.live.build_notice or "")
    assert again.ask("caseloads in Exampleshire assessment teams").hits[0].document.doc_id == "ex-letter"


def test_an_upload_while_the_indexed_folders_are_gone_says_it_is_not_yet_indexed(tmp_path):
    import shutil

    from conftest import bm25_assistant_for, other_council_news, write_corpus
    from qa.web.tabs.documents import DocumentHandlers

    ingested = write_corpus(tmp_path / "elsewhere", {"ex-letter.txt": (
        "Monitoring visit to Exampleshire\n\n3 May 2023\n\nInspectors found caseloads had fallen to 18 children.",
        {"doc_type": "ofsted_letter", "date": "2023-05-03"})})
    assistant = bm25_assistant_for(tmp_path, other_council_news())
    assistant.refresh(paths=[ingested])
    shutil.rmtree(ingested)
    upload = tmp_path / "upload" / "new-page.txt"
    upload.parent.mkdir()
    upload.write_text("Exampleshire council news\n\nThe council opened a family hub in the town centre on Monday.")
    status = DocumentHandlers(assistant, []).add_files([str(upload)], progress=lambda *a, **k: None)[0]
    assert "not yet indexed" in status and "Added and indexed" not in status
    assert str(ingested) in status  # (the notice names the folder that is gone)
