"""FAISS vector index over normalised embeddings (inner product = cosine).

Exact search (IndexFlatIP) up to HNSW_THRESHOLD vectors; above it HNSW, whose recall@10 against exact
search is reported by the benchmark.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import faiss
import numpy as np

from qa.index.scope import Scope

HNSW_THRESHOLD = 50_000
HNSW_M = 32


def build_faiss(vectors: np.ndarray, exact_threshold: int = HNSW_THRESHOLD) -> faiss.Index:
    dim = vectors.shape[1]
    if len(vectors) <= exact_threshold:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 128
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


@contextmanager
def one_thread():
    """One query on one OpenMP thread. FAISS otherwise splits a single query over every core, and its
    OpenMP threads then keep spinning after the search, stealing the cores the next query's embedding runs on
    (OpenVINO / ONNX Runtime have their own threads): at 10k passages on 2 cores, query p50 went from ~27 to
    ~10-13 ms (the flat search alone 7-10 -> 1.5 ms). The setting is the calling thread's own and is restored."""
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


class DenseIndex:
    def __init__(self, index: faiss.Index):
        self.index = index

    @classmethod
    def build(cls, vectors: np.ndarray, exact_threshold: int = HNSW_THRESHOLD) -> "DenseIndex":
        return cls(build_faiss(vectors, exact_threshold))

    def __len__(self) -> int:
        return self.index.ntotal

    @property
    def kind(self) -> str:
        return "hnsw" if isinstance(self.index, faiss.IndexHNSWFlat) else "flat"

    def search(self, query_vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        if len(self) == 0 or k <= 0:
            return []
        with one_thread():
            scores, ids = self.index.search(query_vector.reshape(1, -1).astype(np.float32), min(k, len(self)))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def top(self, query_vector: np.ndarray, scope: Scope, k: int) -> list[tuple[int, float]]:
        """The k nearest passages in scope: over-fetch by the inverse of the scope's share, then filter."""
        fetch = min(len(scope.mask), int(k / max(scope.share, 1e-3)) + 1)
        return [(r, sc) for r, sc in self.search(query_vector, fetch) if scope.mask[r]][:k]

    def scores_for(self, query_vector: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Cosine of the query with the given rows (reconstructed vectors)."""
        if len(rows) == 0:
            return np.zeros(0, dtype=np.float32)
        vectors = np.vstack([self.index.reconstruct(int(r)) for r in rows])
        return vectors @ query_vector.astype(np.float32)

    def save(self, path: Path) -> None:
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path) -> "DenseIndex":
        return cls(faiss.read_index(str(path)))
