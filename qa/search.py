"""The Python API: an Assistant that keeps its index fresh and answers questions with cited passages.

    from qa.search import Assistant
    assistant = Assistant()                      # builds or loads index/ for corpus/
    answer = assistant.ask("What did inspectors say about supervision in 2018?")
    for hit in answer.hits: print(hit.passage.text, citation(hit.document, hit.passage))
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

import numpy as np

from . import answer as answering
from . import index as index_mod
from . import rank
from .config import Settings, load_settings
from .embed import Embedder, EmbedderUnavailable
from .fusion import get_fusion, hybrid_lists
from .query import Query, parse
from .types import Answer, Hit

POOL = 30  # fused candidates considered for priors and grouping
SENTENCE_CACHE_SIZE = 20_000  # about 30 MB of MiniLM vectors


class Assistant:
    def __init__(self, settings: Settings | None = None, progress: index_mod.Progress | None = None,
                 auto_build: bool = True, embedder: Embedder | None = None):
        self.settings = settings or load_settings()
        self.embedder = embedder or Embedder(self.settings.model_path, self.settings.model_backend)
        self.dense_error: str | None = None
        self.index: index_mod.Index | None = None
        self.last_build: index_mod.BuildReport | None = None
        self.build_notice: str | None = None
        self._lock = threading.RLock()
        self._sentence_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()
        if auto_build:
            self.refresh(progress)
        else:
            self.load()

    # ------------------------------------------------------------ index lifecycle

    def refresh(self, progress: index_mod.Progress | None = None, paths: list[Path] | None = None,
                force: bool = False) -> index_mod.BuildReport:
        """Build the index if missing or stale (a no-op when nothing changed), then load it."""
        paths = paths or self._indexed_roots()
        try:
            report = index_mod.build(self.settings, paths=paths, progress=progress, force=force,
                                     embedder=self.embedder)
        except index_mod.BuildLocked as exc:
            if index_mod.live_build(Path(self.settings.index_dir)) is None:
                raise
            # Another process is building: answer from the live index meanwhile.
            self.load()
            self.build_notice = f"{exc}; answering from the current index"
            return index_mod.BuildReport(rebuilt=False, notice=self.build_notice)
        self.last_build = report
        try:
            self.load()
        except index_mod.IndexCorrupt:
            report = index_mod.build(self.settings, paths=paths, progress=progress, force=True, embedder=self.embedder)
            self.last_build = report
            self.load()
        return report

    def _follow_live_index(self) -> None:
        """Pick up a build made by another process (`qa ingest` while the app runs): one readlink a question."""
        live = index_mod.live_build(Path(self.settings.index_dir))
        if live is None or self.index is None or live == self.index.directory:
            return
        try:
            self.load()
        except (index_mod.IndexCorrupt, FileNotFoundError, OSError):
            pass  # keep answering from the index already in memory

    def _indexed_roots(self) -> list[Path]:
        """What the live index was built from (`qa ingest PATH` sets it), else the corpus folder."""
        manifest = index_mod.read_live_manifest(Path(self.settings.index_dir)) or {}
        roots = [Path(r) for r in manifest.get("roots", [])]
        return roots if roots and all(r.exists() for r in roots) else [Path(self.settings.corpus_dir)]

    def load(self) -> None:
        loaded = index_mod.Index.load(Path(self.settings.index_dir))
        with self._lock:
            self.index = loaded
        if loaded.dense is None:
            reason = loaded.manifest.get("report", {}).get("notice") or "the index has no vectors"
            self.dense_error = f"Semantic search is unavailable ({reason}); answers use keyword search (BM25) only."
        else:
            try:
                self.embedder.load()
                self.dense_error = None
            except EmbedderUnavailable as exc:
                self.dense_error = f"Semantic search is unavailable ({exc}); answers use keyword search (BM25) only."
            built_with = loaded.manifest.get("model")
            if self.dense_error is None and built_with != self.embedder.model_id:
                # Vectors from one model searched with another's query vectors would be silently wrong.
                with self._lock:
                    self.index = None
                raise index_mod.IndexCorrupt(f"the index was built with model {built_with}, but the current "
                                             f"model is {self.embedder.model_id}; it must be rebuilt")

    @property
    def mode(self) -> str:
        return "bm25-only" if self.dense_error else "hybrid"

    def documents(self) -> list[dict]:
        index = self.index
        counts = {d: len(rows) for d, rows in index.doc_rows.items()}
        out = []
        for doc in index.documents.values():
            data = doc.to_dict(with_text=False)
            data["passages"] = counts.get(doc.doc_id, 0)
            data["doc_type_label"] = answering.DOC_TYPE_LABELS.get(doc.doc_type, "document")
            out.append(data)
        return out

    # ------------------------------------------------------------ asking

    def ask(self, question: str, top_k: int | None = None, previous: Query | None = None,
            overrides: dict | None = None) -> Answer:
        started = time.perf_counter()
        top_k = top_k or self.settings.top_k
        notices = [n for n in (self.dense_error, self.build_notice) if n]
        question = question if isinstance(question, str) else str(question)
        if not question.strip():
            return Answer(question=question, hits=[], abstained=True, mode=self.mode, notices=notices,
                          message="Please type a question.")
        if len(question) > self.settings.max_question_chars:
            question = question[:self.settings.max_question_chars]
            notices.append(f"The question was cut to its first {self.settings.max_question_chars} characters.")
        query = parse(question, previous)
        if overrides:
            query = apply_overrides(query, overrides)
        self._follow_live_index()
        with self._lock:
            index = self.index
        timings: dict[str, float] = {}
        hits, signals = self._retrieve(index, query, timings)
        result = Answer(question=question, hits=[], filters=query.filters(), mode=self.mode, notices=notices,
                        timings=timings)
        result.filters_description = query.describe()  # type: ignore[attr-defined]
        result.query = query  # type: ignore[attr-defined]
        if not hits:
            result.abstained = True
            hard = {k: v for k, v in query.filters().items() if k not in ("source_preference", "recency")}
            result.message = ("Nothing in the documents matches these filters." if hard
                              else "Nothing in the documents answers this.")
            timings["total"] = time.perf_counter() - started
            return result
        if self._should_abstain(signals):
            result.abstained = True
            result.message = "Nothing in the documents answers this. The closest passages are shown as possibly related."
            result.related = hits[:3]
            timings["total"] = time.perf_counter() - started
            return result
        result.hits = hits[:top_k]
        t = time.perf_counter()
        encode = None if self.dense_error else self._encode_cached
        result.answer, highlights = answering.extract(query.search_text, result.hits, encode)
        for i, hit in enumerate(result.hits):
            hit.highlights = highlights.get(i, [])
        timings["answer"] = time.perf_counter() - t
        timings["total"] = time.perf_counter() - started
        return result

    def _encode_cached(self, texts: list[str]) -> np.ndarray:
        """Embeddings with an LRU cache: the sentences of popular passages recur across questions.
        Thread-safe; the model runs outside the lock so concurrent questions still embed in parallel."""
        unique = list(dict.fromkeys(texts))
        with self._cache_lock:
            found = {t: self._sentence_cache[t] for t in unique if t in self._sentence_cache}
            for t in found:
                self._sentence_cache.move_to_end(t)
        missing = [t for t in unique if t not in found]
        if missing:
            found.update(zip(missing, self.embedder.encode(missing)))
            with self._cache_lock:
                for t in missing:
                    self._sentence_cache[t] = found[t]
                while len(self._sentence_cache) > SENTENCE_CACHE_SIZE:
                    self._sentence_cache.popitem(last=False)
        return np.vstack([found[t] for t in texts])

    def _should_abstain(self, signals: dict) -> bool:
        return answering.should_abstain(signals.get("dense_top"), signals.get("coverage", 0.0))

    def _retrieve(self, index: index_mod.Index, query: Query, timings: dict) -> tuple[list[Hit], dict]:
        s = self.settings
        docs = index.documents
        allowed_docs = {d for d, doc in docs.items() if rank.allowed(doc, query)}
        if not allowed_docs:
            return [], {}
        mask = np.zeros(len(index.passages), dtype=bool)
        for d in allowed_docs:
            mask[index.doc_rows.get(d, [])] = True
        text = query.search_text
        t = time.perf_counter()
        q_terms = keyword_terms(index.bm25.query_terms(text))
        bm25_scores = index.bm25.scores(q_terms)
        # Non-zero rather than positive: in a tiny corpus rank-bm25's idf can make every match negative.
        bm25_ranked = [(r, sc) for r, sc in _top(np.where(mask, bm25_scores, -np.inf), s.candidates)
                       if mask[r] and sc != 0 and np.isfinite(sc)]
        timings["bm25"] = time.perf_counter() - t
        lists = {"bm25": bm25_ranked}
        dense_scores: dict[int, float] = {}
        qvec = None
        if index.dense is not None and not self.dense_error:
            t = time.perf_counter()
            try:
                qvec = self.embedder.encode([text])[0]
            except EmbedderUnavailable as exc:
                self.dense_error = f"Semantic search is unavailable ({exc}); answers use keyword search (BM25) only."
            if qvec is not None:
                timings["embed"] = time.perf_counter() - t
                t = time.perf_counter()
                share = mask.sum() / max(len(mask), 1)
                k = min(len(mask), int(s.candidates / max(share, 1e-3)) + 1)
                dense_ranked = [(r, sc) for r, sc in index.dense.search(qvec, k) if mask[r]][:s.candidates]
                lists["dense"] = dense_ranked
                dense_scores = dict(dense_ranked)
                timings["dense"] = time.perf_counter() - t
        if qvec is not None and "dense" in lists:
            # For the convex combination every candidate gets both scores (its real BM25 score and cosine).
            lists = hybrid_lists(lists["bm25"], lists["dense"], s.fusion,
                                 bm25_scores=lambda rows: bm25_scores[rows],
                                 dense_scores=lambda rows: index.dense.scores_for(qvec, rows))
            dense_scores = dict(lists["dense"])
        if "dense" in lists:
            fuse = get_fusion(s.fusion)
            fused = fuse(lists, k=s.rrf_k, weights={"dense": s.dense_weight, "bm25": s.bm25_weight})[:POOL]
        else:  # BM25 alone: its own scores, nothing to fuse
            fused = lists["bm25"][:POOL]
        if not fused:
            return [], {"coverage": 0.0}
        newest = rank.newest_date(docs[d] for d in allowed_docs)
        top_fused = fused[0][1] if fused[0][1] > 0 else 1.0
        hits: list[Hit] = []
        bm25_map = dict(bm25_ranked)
        for row, score in fused:
            passage = index.passages[row]
            doc = docs[passage.doc_id]
            weight = rank.prior(doc, query, newest, passage.headings)
            hits.append(Hit(passage=passage, document=doc, score=score / top_fused * weight,
                            scores={"fused": score, "prior": weight, "bm25": bm25_map.get(row, 0.0),
                                    **({"dense": dense_scores[row]} if row in dense_scores else {})}))
        hits.sort(key=lambda h: -h.score)
        hits = rank.group_duplicates(hits)
        signals: dict = {"coverage": _coverage(index, q_terms, hits[0].passage.passage_id) if hits else 0.0}
        if qvec is not None:
            cos = [v for v in dense_scores.values()]
            signals["dense_top"] = max(cos) if cos else 0.0
        return hits, signals


# "What did inspectors say about X?": the framing names who spoke, which nearly every passage of an
# inspection corpus does too. Keyword search looks for X; the dense side still reads the whole question.
FRAMING_TERMS = frozenset({"say", "said", "find", "found", "ofst", "inspector", "tell", "told", "mention",
                           "report", "state", "think", "thought"})


def keyword_terms(terms: list[str]) -> list[str]:
    kept = [t for t in terms if t not in FRAMING_TERMS]
    return kept or terms


def _coverage(index: index_mod.Index, q_terms: list[str], passage_id: str) -> float:
    """Share of the question's distinct terms that the passage's indexed words contain."""
    terms = set(q_terms)
    if not terms:
        return 0.0
    row = index.row_of(passage_id)
    cols = [index.bm25.vocabulary[t] for t in terms if t in index.bm25.vocabulary]
    if row is None or not cols:
        return 0.0
    present = index.bm25.matrix[row, cols].toarray().ravel()
    return float((present != 0).sum()) / len(terms)


def _top(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    from .bm25 import top_k

    return top_k(scores, k)


def apply_overrides(query: Query, overrides: dict) -> Query:
    """Filters set by the user in the UI replace what the question implied."""
    from datetime import date

    changes = {}
    if overrides.get("ignore_question_filters"):  # first, so the user's own choices below still apply
        changes.update(date_from=None, date_to=None, time_phrase="", authorities=[], visit_number=None)
    if overrides.get("year_from") or overrides.get("year_to"):
        y1, y2 = overrides.get("year_from"), overrides.get("year_to")
        changes["date_from"] = date(int(y1), 1, 1) if y1 else None
        changes["date_to"] = date(int(y2), 12, 31) if y2 else None
        changes["time_phrase"] = f"{y1 or '...'}-{y2 or '...'}" if y1 != y2 else str(y1)
    if overrides.get("doc_types"):
        changes["doc_types"] = list(overrides["doc_types"])
    if overrides.get("authorities"):
        changes["authorities"] = list(overrides["authorities"])
    return replace(query, **changes)
