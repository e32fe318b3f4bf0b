"""Build the search index: documents, passages, BM25 matrix, FAISS vectors and the manifest that records them.

Where a build is written, how it is published (atomically, under a lock) and how the live one is loaded is
qa/index/store.py. Unchanged files reuse their converted documents and unchanged passages their embeddings,
so re-ingesting an unchanged corpus costs nothing and an edit re-embeds only itself.

Why it is over 300 lines: scanning the corpus, reusing what the last build made (documents by file hash,
vectors by text hash) and writing the new build are one transaction under the build lock.
"""
from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from qa.documents import metadata
from qa.index.sentence_vectors import embed_sentences
from qa.index.sparse import BM25Index
from qa.config import Settings
from qa.documents.convert import ConversionError
from qa.index.embedder import Embedder, EmbedderUnavailable
from qa.documents.ingest import Skipped, SourceFile, discover, entry_hash, file_sha256, load_document
# Index, BuildLocked and IndexCorrupt live in qa.index.store; qa/cli.py, qa/web and bench/ also import them from here.
from qa.index.store import (ARTEFACTS, FORMAT_VERSION, BuildContents, BuildLocked, Index,  # noqa: F401
                            IndexCorrupt, IndexStore, live_build, read_live_manifest)
from qa.index.stores import Store, StoreError, open_store
from qa.passages.split import split_document
from qa.terms import tokenize
from qa.datatypes import Document, Passage

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class BuildReport:
    documents: int = 0
    passages: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    converted: int = 0  # documents converted this time (others reused)
    embedded: int = 0  # passages embedded this time (others reused)
    embedded_sentences: int = 0  # answer sentences embedded this time (qa/index/sentence_vectors.py)
    seconds: float = 0.0
    dense: bool = True
    notice: str = ""
    rebuilt: bool = True
    # Cuts of more than a line that cleaning made: {file, reason, chars, blocks, preview} (qa.documents.clean)
    cuts: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["skipped"] = [asdict(s) for s in self.skipped]
        return data


# The addressee in a letter's salutation ("Dear Ms Smith," -> "Ms Smith"). Not the salutation test of
# qa/documents/clean.py (SALUTATION_RE there: does a line open a letter?).
ADDRESSEE_RE = re.compile(r"(?m)^Dear\s+([^,\n]{2,60})")


def passage_context(doc: Document, passage: Passage) -> str:
    """Words that say what the passage is part of: title, heading path and, for the opening of a
    letter, whom it is addressed to (a salutation alone says little to an embedder)."""
    parts = [doc.title] + [h for h in passage.headings if h != doc.title]
    if doc.doc_type in ("ofsted_letter", "other"):
        m = ADDRESSEE_RE.search(passage.text)
        if m:
            parts.append(f"Letter addressed to {m.group(1).strip()}")
    return " > ".join(p for p in parts if p)


def embed_text(doc: Document, passage: Passage) -> str:
    """What the embedder sees: the passage with its context (never shown to users)."""
    context = passage_context(doc, passage)
    return f"{context}\n{passage.text}" if context else passage.text


# ---------------------------------------------------------------- freshness


def scan_corpus(paths: list[Path], previous: dict | None) -> tuple[list[SourceFile], list[Skipped], dict[str, str]]:
    """Discover files and their sha256, reusing the previous build's hash when size and mtime match."""
    files, skipped = discover(paths)
    known = (previous or {}).get("files", {})
    shas = {}
    for f in files:
        old = known.get(f.rel)
        if old and old.get("size") == f.size and old.get("mtime_ns") == f.mtime_ns:
            shas[f.rel] = old["sha256"]
        else:
            shas[f.rel] = file_sha256(f.path)
    return files, skipped, shas


def manifests_for(paths: list[Path]) -> dict[str, dict]:
    entries: dict[str, dict] = {}
    for root in paths:
        root = Path(root)
        base = root if root.is_dir() else root.parent
        entries.update(metadata.load_manifest(base))
    return entries


def corpus_fingerprint(shas: dict[str, str], manifest_entries: dict, settings: Settings, model_id: str,
                       answer_sentences: bool = False) -> str:
    # An index with the answer sentences embedded has its own fingerprint: turning them on rebuilds one without them
    # (reusing all else); without them, the fingerprint is what it was before they could be.
    embeds = {"answer_sentences": 1} if answer_sentences else {}
    data = json.dumps({"files": shas, "manifest": manifest_entries, "pipeline": settings.pipeline_signature(),
                       "model": model_id, **embeds}, sort_keys=True, default=str)
    return hashlib.sha256(data.encode()).hexdigest()


def fingerprints(shas: dict[str, str], entries: dict, settings: Settings, model_id: str,
                 store: Store) -> tuple[str, set[str], bool]:
    """The fingerprint a build writes, those a live build may carry and still be fresh, and whether the build embeds
    the answer sentences (set, and the store keeps them). One built with them serves when they are turned off: no
    rebuild only to drop them, none back and forth between processes set differently."""
    embeds = settings.sentence_vectors and getattr(store, "keeps_sentence_vectors", False)
    written = corpus_fingerprint(shas, entries, settings, model_id, embeds)
    accepted = {written} if embeds else {written, corpus_fingerprint(shas, entries, settings, model_id, True)}
    return written, accepted, embeds


def is_fresh(settings: Settings, paths: list[Path] | None = None, embedder: Embedder | None = None) -> bool:
    paths = [Path(p) for p in (paths or [settings.corpus_dir])]
    store = open_store(settings)
    previous = store.read_live_manifest()
    if previous is None:
        return False
    embedder = embedder or Embedder(settings.model_path, settings.model_backend)
    _, _, shas = scan_corpus(paths, previous)
    _, accepted, _ = fingerprints(shas, manifests_for(paths), settings, embedder.model_id, store)
    return previous.get("corpus_fingerprint") in accepted and previous.get("dense", False) == \
        _model_loadable(embedder)


def _model_loadable(embedder: Embedder) -> bool:
    try:
        embedder.load()
        return True
    except EmbedderUnavailable:
        return False


# ---------------------------------------------------------------- build


def build(settings: Settings, paths: list[Path] | None = None, progress: Progress | None = None,
          force: bool = False, embedder: Embedder | None = None,
          bulk_encode: Callable[[list[str]], np.ndarray] | None = None) -> BuildReport:
    """Build (or refresh) the index for `paths` (default: the corpus directory). `bulk_encode` embeds all the
    passages that need it in one call (qa/index/ray_embed.py) instead of `embedder` batch by batch here."""
    started = time.perf_counter()
    paths = [Path(p) for p in (paths or [settings.corpus_dir])]
    progress = progress or (lambda stage, done, total: None)
    embedder = embedder or Embedder(settings.model_path, settings.model_backend)
    store = open_store(settings)  # the index folder, or PostgreSQL when QA_DATABASE_URL is set
    with store.lock():
        store.remove_stale()  # what a build that was killed left behind
        previous = store.read_live_manifest()
        files, skipped, shas = scan_corpus(paths, previous)
        entries = manifests_for(paths)
        dense_ok, notice = True, ""
        try:
            embedder.load()
        except EmbedderUnavailable as exc:
            dense_ok, notice = False, f"{exc}; the index has BM25 only"
        fingerprint, accepted, embeds_sentences = fingerprints(shas, entries, settings, embedder.model_id, store)
        # The answer sentences are compared with questions: embedded alike (an embedder handed in without a question
        # runtime of its own embeds both, as in qa/retrieval/assistant.py)
        questions = embedder.for_questions() if hasattr(embedder, "for_questions") else embedder
        if not force and previous and previous.get("corpus_fingerprint") in accepted \
                and previous.get("dense") == dense_ok:
            report = BuildReport(**{k: v for k, v in previous["report"].items() if k != "skipped"})
            report.skipped = [Skipped(**s) for s in previous["report"].get("skipped", [])]
            report.rebuilt, report.converted, report.embedded, report.embedded_sentences = False, 0, 0, 0
            report.seconds = time.perf_counter() - started
            return report
        # A forced build (also the repair of a corrupt index) trusts nothing from the previous one.
        old = {"docs": {}, "vectors": {}, "sentences": {}} if force else \
            _previous_contents(store, previous, settings, questions.model_id)
        documents: list[Document] = []
        converted = 0
        max_bytes = int(settings.max_file_mb * 1024 * 1024)
        for n, f in enumerate(files, 1):
            progress("reading documents", n - 1, len(files))
            entry = entries.get(f.rel)
            key = (shas[f.rel], entry_hash(entry), settings.pipeline_signature())
            reused = old["docs"].get(f.rel)
            if reused is not None and reused[0] == key:
                documents.append(reused[1])
                continue
            try:
                documents.append(load_document(f, shas[f.rel], entry, max_bytes))
                converted += 1
            except ConversionError as exc:
                skipped.append(Skipped(f.rel, str(exc)))
            except MemoryError:
                skipped.append(Skipped(f.rel, "too large to process in memory"))
            except Exception as exc:  # one unreadable file must not stop the corpus from being indexed
                skipped.append(Skipped(f.rel, f"could not be read ({exc.__class__.__name__}: {str(exc)[:120]})"))
        progress("reading documents", len(files), len(files))
        _dedupe_ids(documents)
        passages: list[Passage] = []
        for doc in documents:
            passages.extend(split_document(doc, settings.max_words, settings.min_words))
        docs_by_id = {d.doc_id: d for d in documents}
        progress("indexing words (BM25)", 0, 1)
        repeated = repeated_headings(passages)
        bm25 = BM25Index.build([tokenize(_bm25_text(docs_by_id[p.doc_id], p, repeated)) for p in passages],
                               tokenizer_options={})
        progress("indexing words (BM25)", 1, 1)
        vectors, embedded, embed_keys, sentences, embedded_sentences = None, 0, [], None, 0
        if dense_ok and passages:
            vectors, embedded, embed_keys = _embed(passages, docs_by_id, embedder, old["vectors"], progress,
                                                   bulk_encode)
        if dense_ok and passages and embeds_sentences:
            # (through `bulk_encode` only when questions run on the passages' runtime; a bounded batch for progress)
            bulk = bulk_encode is not None and questions.model_id == embedder.model_id
            try:
                sentences, embedded_sentences = embed_sentences(passages, bulk_encode if bulk else questions.encode,
                                                                old["sentences"], questions.dimension, progress,
                                                                batch=50_000 if bulk else 64)
            except EmbedderUnavailable:  # the question runtime cannot load here: questions will say so themselves
                sentences, embedded_sentences = None, 0
        report = BuildReport(documents=len(documents), passages=len(passages), skipped=skipped,
                             converted=converted, embedded=embedded, embedded_sentences=embedded_sentences,
                             dense=dense_ok and bool(passages), notice=notice, cuts=cleaning_cuts(documents))
        contents = BuildContents(documents, passages, bm25, vectors, embed_keys, sentences)
        build_dir = _write_build(store, settings, contents, embedder, fingerprint, files, shas, paths, report,
                                 started, sentence_model=questions.model_id if sentences is not None else None)
        store.publish(build_dir)
        return report


def cleaning_cuts(documents: list[Document]) -> list[dict]:
    """Every cut of more than a line that cleaning made, by file (documents reused from the last build too)."""
    return [{"file": doc.path, **cut} for doc in documents for cut in (doc.cleaning or {}).get("cuts", [])]


def repeated_headings(passages: list[Passage]) -> set[tuple[str, str]]:
    """(document, heading) for each heading a document repeats under different headings above it: a progress
    report's "What we have done" under each area of its plan."""
    parents: dict[tuple[str, str], set[str]] = {}
    for p in passages:
        if len(p.headings) >= 2:
            parents.setdefault((p.doc_id, p.headings[-1]), set()).add(p.headings[-2])
    return {key for key, above in parents.items() if len(above) > 1}


def _bm25_text(doc: Document, passage: Passage, repeated: set[tuple[str, str]] = frozenset()) -> str:
    # The innermost heading and the letter's addressee are searchable words too; so is the heading above a repeated
    # one ("Area 2: The Front Door" over "What we have done"), which alone says nothing of what the passage is about.
    context = passage_context(doc, passage)
    extra = [c for c in context.split(" > ") if c.startswith("Letter addressed to")]
    above = passage.headings[-2:-1] if passage.headings and (passage.doc_id, passage.headings[-1]) in repeated else []
    return " ".join(above + passage.headings[-1:] + extra + [passage.text])


def _dedupe_ids(documents: list[Document]) -> None:
    taken: set[str] = set()
    for doc in documents:
        candidate, n = doc.doc_id, 1
        while candidate in taken:
            n += 1
            candidate = f"{doc.doc_id}_{n}"
        doc.doc_id = candidate
        taken.add(candidate)


def _embed(passages, docs_by_id, embedder: Embedder, cache: dict[str, np.ndarray],
           progress: Progress, bulk_encode=None) -> tuple[np.ndarray, int, list[str]]:
    """Vectors for the passages, how many were embedded afresh, and each passage's cache key (saved beside the
    vectors as embedding_keys.json, so the next build reuses what has not changed)."""
    texts = [embed_text(docs_by_id[p.doc_id], p) for p in passages]
    # Keyed by model and text, so a changed model or passage is re-embedded and nothing else is.
    model_id = embedder.model_id  # once: it walks the model folder (0.7 ms; 70 s over 100k passages)
    keys = [hashlib.sha1(f"{model_id}\n{t}".encode()).hexdigest() for t in texts]
    dim = embedder.dimension
    vectors = np.zeros((len(texts), dim), dtype=np.float32)
    todo = [i for i, k in enumerate(keys) if k not in cache or cache[k].shape[0] != dim]
    for i, k in enumerate(keys):
        if k in cache and cache[k].shape[0] == dim:
            vectors[i] = cache[k]
    if bulk_encode is not None and todo:
        progress("embedding passages", 0, len(todo))
        vectors[todo] = bulk_encode([texts[i] for i in todo])
        progress("embedding passages", len(todo), len(todo))
        return vectors, len(todo), keys
    batch = 64
    for start in range(0, len(todo), batch):
        progress("embedding passages", start, len(todo))
        rows = todo[start:start + batch]
        vectors[rows] = embedder.encode([texts[i] for i in rows])
    progress("embedding passages", len(todo), len(todo))
    return vectors, len(todo), keys


def _previous_contents(store: Store, previous: dict | None, settings: Settings, question_model: str) -> dict:
    """Documents by (file sha, manifest entry), vectors by text hash and (made by the same question runtime) answer
    sentences' vectors by text hash from the live build, for reuse."""
    out = {"docs": {}, "vectors": {}, "sentences": {}}
    if previous is None or store.live_id() is None:
        return out
    try:
        live = store.live_contents(vectors=bool(previous.get("dense")))
        files = previous.get("files", {})
        for doc in live.documents:
            info = files.get(doc.path)
            if info and previous.get("pipeline") == settings.pipeline_signature():
                out["docs"][doc.path] = ((info["sha256"], info.get("entry", ""), previous["pipeline"]), doc)
        if live.vectors is not None and len(live.embed_keys) == len(live.vectors):
            out["vectors"] = dict(zip(live.embed_keys, live.vectors))
        if live.sentences is not None and previous.get("sentence_model") == question_model:
            out["sentences"] = live.sentences.by_key()
    except (OSError, ValueError, KeyError, json.JSONDecodeError, StoreError):
        return {"docs": {}, "vectors": {}, "sentences": {}}  # an unreadable old build just means a full rebuild
    return out


def _write_build(store: Store, settings, contents: BuildContents, embedder, fingerprint, files, shas, paths, report,
                 started, sentence_model: str | None = None):
    """Write the build's contents and manifest through the store (not yet live); its handle for `publish`."""
    documents, passages, vectors = contents.documents, contents.passages, contents.vectors
    entries = manifests_for(paths)
    report.seconds = round(time.perf_counter() - started, 3)
    manifest = {
        "format": FORMAT_VERSION,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "model": embedder.model_id,
        "model_path": embedder.model_path,
        # The embedding backend in use and, when it was chosen by measurement, the timings it was chosen by.
        "embedding": embedder.backend_info(),
        "dimension": int(vectors.shape[1]) if vectors is not None else None,
        "sentence_model": sentence_model,  # the question runtime that embedded the answer sentences
        "dense": vectors is not None,
        "roots": [str(p) for p in paths],
        "corpus_fingerprint": fingerprint,
        "pipeline": settings.pipeline_signature(),
        "counts": {"documents": len(documents), "passages": len(passages),
                   "vectors": int(len(vectors)) if vectors is not None else 0, "skipped": len(report.skipped),
                   "sentence_vectors": len(contents.sentences) if contents.sentences is not None else 0},
        "files": {f.rel: {"size": f.size, "mtime_ns": f.mtime_ns, "sha256": shas[f.rel],
                          "entry": entry_hash(entries.get(f.rel))} for f in files},
        "report": report.to_dict(),
    }
    return store.write_build(contents, manifest)
