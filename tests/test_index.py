import json
import os
import shutil

import pytest

from qa import index as index_mod
from qa.config import load_settings
from qa.search import Assistant


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
    assert manifest["dimension"] == 384 and "all-MiniLM-L6-v2" in manifest["model_path"] or manifest["model"]
    assert manifest["counts"]["documents"] == 5 and manifest["counts"]["passages"] > 20
    assert set(manifest["checksums"]) >= {"passages.jsonl", "dense.faiss", "bm25.npz"}


def test_corrupted_index_is_detected_and_rebuilt(tmp_path, corpus_copy):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    index_mod.build(settings)
    live = index_mod.live_build(settings.index_dir)
    with open(live / "passages.jsonl", "a") as fh:
        fh.write("garbage\n")
    with pytest.raises(index_mod.IndexCorrupt):
        index_mod.Index.load(settings.index_dir)
    assistant = Assistant(settings)  # rebuilds rather than crashing
    assert len(assistant.index.documents) == 5


def test_interrupted_build_leaves_previous_index_serving(tmp_path, corpus_copy, monkeypatch):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    index_mod.build(settings)
    before = index_mod.live_build(settings.index_dir)
    (corpus_copy / "extra.txt").write_text("A new document about adoption panels and their work in 2019.\n" * 3)

    def boom(*args, **kwargs):
        raise KeyboardInterrupt("killed mid-build")

    monkeypatch.setattr(index_mod, "_swap_live", boom)
    with pytest.raises(KeyboardInterrupt):
        index_mod.build(settings)
    assert index_mod.live_build(settings.index_dir) == before
    assert len(index_mod.Index.load(settings.index_dir).documents) == 5


def test_second_build_is_refused_while_one_holds_the_lock(tmp_path, corpus_copy):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    with index_mod._Lock(settings.index_dir):
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
