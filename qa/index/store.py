"""Where an index lives on disk, how a new build is published, and how the live one is read.

Layout of an index directory:
    current -> builds/<id>     symlink to the live build, swapped atomically (os.replace)
    builds/<id>/manifest.json  model, dimension, corpus fingerprint, counts, artefact checksums
    builds/.tmp-<id>/          a build being written (removed by the next build if its writer was killed)
    .build.lock                held (flock) while a build runs
A build is written into a staging folder, renamed to builds/<id> once complete and fsynced, and only then is
`current` moved, so a build killed at any moment leaves the previous index serving. What goes into a build
(documents, passages, BM25, vectors) is qa/index/build.py's business; this module only knows the layout.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from qa.datatypes import Document, Passage
from qa.documents.ingest import file_sha256
from qa.index.dense import DenseIndex
from qa.index.sentence_vectors import ARTEFACTS as SENTENCE_ARTEFACTS, SentenceVectors
from qa.index.sparse import BM25Index

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
ARTEFACTS = ("documents.jsonl", "passages.jsonl", "bm25.npz", "bm25_vocab.json")


@dataclass
class BuildContents:
    """What a build made, handed to a store to write (this folder layout, or PostgreSQL: qa/index/pg_store.py)."""
    documents: list[Document]
    passages: list[Passage]
    bm25: BM25Index
    vectors: np.ndarray | None
    embed_keys: list[str]  # per passage: hash of model and embedded text, so the next build reuses its vector
    sentences: SentenceVectors | None = None  # the passages' answer sentences, embedded (qa/index/sentence_vectors.py)


@dataclass
class LiveContents:
    """What the next build may reuse from the live one: its documents and its vectors by embed key."""
    documents: list[Document]
    embed_keys: list[str]
    vectors: np.ndarray | None
    sentences: SentenceVectors | None = None


class IndexCorrupt(RuntimeError):
    """The stored index does not match its manifest."""


class BuildLocked(RuntimeError):
    """Another build holds the lock."""


# ---------------------------------------------------------------- reading


def live_build(index_dir: Path) -> Path | None:
    """The folder of the live build (what `current` points to), or None when there is none."""
    current = Path(index_dir) / "current"
    if current.is_symlink() or current.exists():
        target = current.resolve()
        return target if (target / MANIFEST).exists() else None
    return None


def read_manifest(build_dir: Path) -> dict:
    """A build's manifest; IndexCorrupt when it cannot be read. The one reader of manifest.json."""
    try:
        return json.loads((Path(build_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise IndexCorrupt(f"index manifest unreadable: {exc}")


def read_live_manifest(index_dir: Path) -> dict | None:
    """The live build's manifest, or None when there is no live build or its manifest is unreadable."""
    build = live_build(index_dir)
    if build is None:
        return None
    try:
        return read_manifest(build)
    except IndexCorrupt:
        return None


def model_mismatch(manifest: dict, model_id: str) -> str | None:
    """Why vectors recorded in `manifest` cannot be searched with query vectors of `model_id` (None: they can).
    Vectors from one model searched with another's query vectors would be silently wrong."""
    built_with = manifest.get("model")
    if built_with != model_id:
        return f"the index was built with model {built_with}, but the current model is {model_id}; it must be rebuilt"
    return None


class Index:
    """One loaded build: documents, passages, the BM25 matrix and (when the build has vectors) the FAISS index."""

    def __init__(self, directory: Path, manifest: dict, documents: dict[str, Document], passages: list[Passage],
                 bm25: BM25Index, dense: DenseIndex | None, build_id=None):
        self.directory = directory
        self.build_id = build_id or directory  # what LiveIndex compares with the store's live_id()
        self.manifest = manifest
        self.documents = documents
        self.passages = passages
        self.bm25 = bm25
        self.dense = dense
        self.doc_rows: dict[str, np.ndarray] = {}
        rows: dict[str, list[int]] = {}
        for i, p in enumerate(passages):
            rows.setdefault(p.doc_id, []).append(i)
        self.doc_rows = {d: np.array(r) for d, r in rows.items()}
        self._rows = {p.passage_id: i for i, p in enumerate(passages)}

    def row_of(self, passage_id: str) -> int | None:
        return self._rows.get(passage_id)

    @cached_property
    def docs_by_publisher_term(self) -> dict[str, set[str]]:
        """Documents by each keyword term of their publisher's name, built once per build (a question naming a
        publication is checked against it: qa.retrieval.retriever)."""
        found: dict[str, set[str]] = {}
        for doc_id, doc in self.documents.items():
            for term in self.bm25.query_terms(doc.publisher or ""):
                found.setdefault(term, set()).add(doc_id)
        return found

    @classmethod
    def load(cls, index_dir: Path, verify: bool = True) -> "Index":
        """The live build of `index_dir`, checked against its manifest (format, checksums, counts)."""
        build_dir = live_build(index_dir)
        if build_dir is None:
            raise FileNotFoundError(f"no index in {index_dir}")
        manifest = read_manifest(build_dir)
        if manifest.get("format") != FORMAT_VERSION:
            raise IndexCorrupt("index was written by another version of the program")
        if verify:
            for name, digest in manifest.get("checksums", {}).items():
                path = build_dir / name
                if not path.exists() or file_sha256(path) != digest:
                    raise IndexCorrupt(f"index file {name} is missing or does not match its checksum")
        try:
            documents = {}
            for line in (build_dir / "documents.jsonl").read_text(encoding="utf-8").splitlines():
                doc = Document.from_dict(json.loads(line))
                documents[doc.doc_id] = doc
            passages = [Passage.from_dict(json.loads(line)) for line in
                        (build_dir / "passages.jsonl").read_text(encoding="utf-8").splitlines()]
            bm25 = BM25Index.load(build_dir)
            dense = DenseIndex.load(build_dir / "dense.faiss") if manifest.get("dense") else None
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
            raise IndexCorrupt(f"index could not be read: {exc.__class__.__name__}: {exc}"[:300])
        counts = manifest.get("counts", {})
        if counts.get("documents") != len(documents) or counts.get("passages") != len(passages) \
                or len(bm25) != len(passages) or (dense is not None and len(dense) != len(passages)):
            raise IndexCorrupt("index counts do not match its manifest")
        return cls(build_dir, manifest, documents, passages, bm25, dense)

    @cached_property
    def sentence_vectors(self) -> SentenceVectors | None:
        """The passages' answer sentences as the build embedded them (None: it did not; they are embedded as
        questions need them). Checked with the rest by `load`; an unreadable file only costs that speed."""
        if self.directory is None:  # a build kept in PostgreSQL (qa/index/pg_store.py)
            return None
        try:
            return SentenceVectors.load(Path(self.directory))
        except (OSError, ValueError, TypeError):
            return None

    def embeddings(self) -> np.ndarray | None:
        path = self.directory / "embeddings.npy"
        return np.load(path) if path.exists() else None


# ---------------------------------------------------------------- writing


class BuildLock:
    """Held (flock on .build.lock, which records the holder's pid) while a build runs: a second build is
    refused with BuildLocked. The lock dies with its process, so a killed build never blocks the next."""

    def __init__(self, index_dir: Path):
        self.path = Path(index_dir) / ".build.lock"
        self.fh = None

    def __enter__(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(self.path, "a+")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.seek(0)
            holder = self.fh.read().strip() or "another process"
            self.fh.close()
            raise BuildLocked(f"another index build is running (pid {holder}); try again when it finishes")
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(str(os.getpid()))
        self.fh.flush()
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


class IndexStore:
    """An index directory: its live build, its lock, and the steps that publish a new build.

        with store.lock():
            store.remove_stale()
            staging = store.stage()          # write the artefacts into it
            store.publish(store.commit(staging, manifest))
    """
    keeps_sentence_vectors = True  # (qa/index/sentence_vectors.py; PostgreSQL does not keep them)

    def __init__(self, index_dir: Path):
        self.index_dir = Path(index_dir)
        self.builds = self.index_dir / "builds"

    def live_build(self) -> Path | None:
        return live_build(self.index_dir)

    def live_id(self) -> Path | None:
        """What identifies the live build (Index.build_id of a loaded one); None when there is none."""
        return live_build(self.index_dir)

    def describe(self) -> str:
        return str(self.index_dir)

    def live_contents(self, vectors: bool = True) -> LiveContents:
        build_dir = live_build(self.index_dir)
        if build_dir is None:
            raise FileNotFoundError(f"no index in {self.index_dir}")
        documents = [Document.from_dict(json.loads(line)) for line in
                     (build_dir / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
        keys_path = build_dir / "embedding_keys.json"
        if not vectors or not keys_path.exists():
            return LiveContents(documents, [], None)
        return LiveContents(documents, json.loads(keys_path.read_text()), np.load(build_dir / "embeddings.npy"),
                            SentenceVectors.load(build_dir))

    def write_build(self, contents: BuildContents, manifest: dict) -> Path:
        """Write a build's artefacts into a staging folder and commit it with `manifest` (not yet live)."""
        tmp = self.stage()
        with open(tmp / "documents.jsonl", "w", encoding="utf-8") as fh:
            for doc in contents.documents:
                fh.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        with open(tmp / "passages.jsonl", "w", encoding="utf-8") as fh:
            for p in contents.passages:
                fh.write(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")
        contents.bm25.save(tmp)
        artefacts = list(ARTEFACTS)
        if contents.vectors is not None:
            DenseIndex.build(contents.vectors).save(tmp / "dense.faiss")
            np.save(tmp / "embeddings.npy", contents.vectors)
            (tmp / "embedding_keys.json").write_text(json.dumps(contents.embed_keys))
            artefacts += ["dense.faiss", "embeddings.npy", "embedding_keys.json"]
        if contents.sentences is not None:
            contents.sentences.save(tmp)
            artefacts += list(SENTENCE_ARTEFACTS)
        return self.commit(tmp, {**manifest, "checksums": self.checksums(tmp, artefacts)})

    def read_live_manifest(self) -> dict | None:
        return read_live_manifest(self.index_dir)

    def load(self, verify: bool = True) -> Index:
        return Index.load(self.index_dir, verify=verify)

    def lock(self) -> BuildLock:
        return BuildLock(self.index_dir)

    def remove_stale(self) -> None:
        """Drop staging folders left by a build that was killed (call while holding the lock)."""
        for stale in self.builds.glob(".tmp-*") if self.builds.exists() else []:
            shutil.rmtree(stale, ignore_errors=True)

    def stage(self) -> Path:
        """A new, empty staging folder for a build's artefacts."""
        self.builds.mkdir(parents=True, exist_ok=True)
        build_id = time.strftime("%Y%m%d-%H%M%S") + f"-{os.getpid()}-{time.perf_counter_ns() % 100000}"
        tmp = self.builds / f".tmp-{build_id}"
        tmp.mkdir()
        return tmp

    @staticmethod
    def checksums(staging: Path, names: list[str]) -> dict[str, str]:
        """sha256 of each artefact, for the manifest (Index.load verifies them)."""
        return {name: file_sha256(staging / name) for name in names}

    def commit(self, staging: Path, manifest: dict) -> Path:
        """Write the manifest, fsync every file and rename the staging folder to builds/<id>. Not yet live."""
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        for name in os.listdir(staging):
            with open(staging / name, "rb") as fh:
                os.fsync(fh.fileno())
        final = self.builds / staging.name.removeprefix(".tmp-")
        os.rename(staging, final)
        return final

    def publish(self, build_dir: Path) -> None:
        """Make `build_dir` the live build: `current` is swapped in one atomic step."""
        index_dir = self.index_dir
        link = index_dir / "current"
        tmp_link = index_dir / f".current-{os.getpid()}"
        if tmp_link.is_symlink() or tmp_link.exists():
            tmp_link.unlink()
        os.symlink(Path("builds") / build_dir.name, tmp_link)
        os.replace(tmp_link, link)  # atomic: readers see the old build or the new one, never neither
        # Keep the new build and the one before it (a reader may still be loading it); drop older ones.
        builds = sorted((p for p in self.builds.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime)
        for old in builds[:-2]:
            if old != build_dir:
                shutil.rmtree(old, ignore_errors=True)
