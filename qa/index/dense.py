"""FAISS vector index over normalised embeddings (inner product = cosine).

Exact search (IndexFlatIP) up to HNSW_THRESHOLD vectors; above it HNSW, whose recall@10 against exact
search is reported by the benchmark.
"""
from __future__ import annotations

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
