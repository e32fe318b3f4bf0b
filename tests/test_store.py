"""The index store alone (qa/index/store.py): publishing a build atomically, the build lock, reading manifests."""
import json

import pytest

from qa.config import load_settings
from qa.index import build as index_build
from qa.index import store
from qa.index.store import BuildLock, BuildLocked, IndexCorrupt, IndexStore

DOCS = {
    "a.txt": "Fostering panel\n\nThe fostering panel approved twelve new carers in March 2019 after training.",
    "b.txt": "Adoption report\n\nAdoption timeliness improved and most children were placed within a year.",
}


def _publish(st: IndexStore, marker: str) -> "store.Path":
    staging = st.stage()
    (staging / "data.txt").write_text(marker)
    return st.commit(staging, {"format": store.FORMAT_VERSION, "marker": marker,
                               "checksums": st.checksums(staging, ["data.txt"])})


def test_a_committed_build_is_not_live_until_published(tmp_path):
    st = IndexStore(tmp_path / "ix")
    assert st.live_build() is None and st.read_live_manifest() is None
    first = _publish(st, "one")
    assert st.live_build() is None  # committed (renamed out of staging) but not yet published
    st.publish(first)
    assert st.live_build() == first and st.read_live_manifest()["marker"] == "one"
    second = _publish(st, "two")
    assert st.read_live_manifest()["marker"] == "one"
    st.publish(second)
    assert (tmp_path / "ix" / "current").is_symlink() and st.read_live_manifest()["marker"] == "two"
    assert not first.name.startswith(".tmp-") and first.exists()  # the build before the live one is kept


def test_only_the_live_build_and_the_one_before_it_are_kept(tmp_path):
    st = IndexStore(tmp_path / "ix")
    made = []
    for n in range(4):
        made.append(_publish(st, str(n)))
        st.publish(made[-1])
    kept = sorted(p.name for p in st.builds.iterdir() if p.is_dir())
    assert kept == sorted(p.name for p in made[-2:])


def test_a_killed_build_leaves_only_a_staging_folder_which_the_next_build_removes(tmp_path):
    st = IndexStore(tmp_path / "ix")
    live = _publish(st, "live")
    st.publish(live)
    staging = st.stage()  # a build killed while writing: never committed, never published
    (staging / "data.txt").write_text("half")
    assert st.live_build() == live and st.read_live_manifest()["marker"] == "live"
    with st.lock():
        st.remove_stale()
    assert not staging.exists() and st.live_build() == live


def test_a_second_build_is_refused_while_the_lock_is_held(tmp_path):
    with BuildLock(tmp_path / "ix"):
        with pytest.raises(BuildLocked, match=r"another index build is running \(pid \d+\)"):
            with BuildLock(tmp_path / "ix"):
                pass
    with BuildLock(tmp_path / "ix"):  # released: the next build may run
        pass


def test_manifest_reading(tmp_path):
    st = IndexStore(tmp_path / "ix")
    build_dir = _publish(st, "m")
    assert store.read_manifest(build_dir)["marker"] == "m"
    st.publish(build_dir)
    (build_dir / "manifest.json").write_text("{not json")
    with pytest.raises(IndexCorrupt, match="manifest unreadable"):
        store.read_manifest(build_dir)
    assert st.read_live_manifest() is None  # unreadable reads as no manifest (a full rebuild follows)


def test_model_mismatch_names_both_models():
    assert store.model_mismatch({"model": "m-1:openvino"}, "m-1:openvino") is None
    assert "built with model m-1:torch" in store.model_mismatch({"model": "m-1:torch"}, "m-1:openvino")


def test_load_checks_the_build_against_its_manifest(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name, text in DOCS.items():
        (corpus / name).write_text(text)
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus, model=str(tmp_path / "no_model"))
    index_build.build(settings)  # BM25 alone: no model at that path
    st = IndexStore(settings.index_dir)
    index = st.load()
    assert len(index.documents) == 2 and index.dense is None and index.manifest["dense"] is False
    assert st.read_live_manifest() == index.manifest
    passages = st.live_build() / "passages.jsonl"
    passages.write_text(passages.read_text().replace("twelve", "twenty"))
    with pytest.raises(IndexCorrupt, match="passages.jsonl"):
        st.load()
    assert len(st.load(verify=False).passages) == len(index.passages)
    manifest = json.loads((st.live_build() / "manifest.json").read_text())
    assert set(manifest["checksums"]) == set(index_build.ARTEFACTS)
