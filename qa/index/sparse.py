"""BM25 with rank-bm25's Okapi scoring, precomputed as a sparse passage x term matrix.

rank_bm25.BM25Okapi.get_scores walks every passage in Python for every query term. Here each term's
column of BM25 weights is computed once at build time, so a query is a sparse column slice and a
sum: the same scores (verified in tests against rank-bm25), at a fraction of the cost.
"""
from __future__ import annotations

import json
from array import array
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from scipy import sparse

from qa.index.scope import Scope
from qa.terms import tokenize


class BM25Index:
    def __init__(self, matrix: sparse.csc_matrix, vocabulary: dict[str, int], tokenizer_options: dict):
        self.matrix = matrix  # passages x terms, BM25 weight of the term in the passage
        self.vocabulary = vocabulary
        self.tokenizer_options = tokenizer_options

    @classmethod
    def build(cls, tokenized: Iterable[list[str]], k1: float = 1.5, b: float = 0.75, epsilon: float = 0.25,
              tokenizer_options: dict | None = None) -> "BM25Index":
        """`tokenized` may be a generator: each passage's tokens are counted and dropped, and the postings
        are kept in compact typed arrays, so memory stays near the size of the final matrix."""
        vocabulary: dict[str, int] = {}
        rows, cols, tfs = array("i"), array("i"), array("f")
        lengths = array("d")
        for row, tokens in enumerate(tokenized):
            lengths.append(len(tokens))
            counts: dict[int, int] = {}
            for t in tokens:
                col = vocabulary.setdefault(t, len(vocabulary))
                counts[col] = counts.get(col, 0) + 1
            rows.extend([row] * len(counts))
            cols.extend(counts.keys())
            tfs.extend(counts.values())
        doc_len = np.frombuffer(lengths, dtype=np.float64) if len(lengths) else np.zeros(0)
        n_docs = max(len(doc_len), 1)
        rows_a = np.frombuffer(rows, dtype=np.int32) if len(rows) else np.zeros(0, dtype=np.int32)
        cols_a = np.frombuffer(cols, dtype=np.int32) if len(cols) else np.zeros(0, dtype=np.int32)
        tf = np.frombuffer(tfs, dtype=np.float32).astype(np.float64) if len(tfs) else np.zeros(0)
        df = np.bincount(cols_a, minlength=len(vocabulary)).astype(np.float64)
        # rank-bm25's Okapi idf: negative values are replaced by epsilon * mean idf.
        idf = np.log(n_docs - df + 0.5) - np.log(df + 0.5)
        if len(idf):
            idf = np.where(idf < 0, epsilon * idf.mean(), idf)
        avgdl = doc_len.sum() / n_docs if doc_len.sum() else 1.0
        norm = k1 * (1 - b + b * doc_len[rows_a] / avgdl)
        weights = (idf[cols_a] * tf * (k1 + 1) / (tf + norm)).astype(np.float32)
        del tf, norm
        matrix = sparse.csc_matrix((weights, (rows_a, cols_a)), shape=(len(doc_len), len(vocabulary)))
        return cls(matrix, vocabulary, tokenizer_options or {})

    @classmethod
    def from_texts(cls, texts: list[str], **tokenizer_options) -> "BM25Index":
        return cls.build((tokenize(t, **tokenizer_options) for t in texts), tokenizer_options=tokenizer_options)

    def __len__(self) -> int:
        return self.matrix.shape[0]

    def query_terms(self, question: str) -> list[str]:
        return tokenize(question, **self.tokenizer_options)

    def _query_columns(self, query_tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Columns of the query's known terms and how often each occurs (repeated terms count again, as in rank-bm25)."""
        counts: dict[int, int] = {}
        for t in query_tokens:
            col = self.vocabulary.get(t)
            if col is not None:
                counts[col] = counts.get(col, 0) + 1
        return np.fromiter(counts.keys(), dtype=np.int64), np.fromiter(counts.values(), dtype=np.float32)

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        """Score every passage."""
        cols, weights = self._query_columns(query_tokens)
        if not len(cols):
            return np.zeros(len(self), dtype=np.float32)
        return np.asarray(self.matrix[:, cols] @ weights).ravel()

    # The candidate-list interface the retriever uses; qa/index/pg_search.py answers the same calls in SQL.

    def top(self, query_tokens: list[str], scope: Scope, k: int) -> list[tuple[int, float]]:
        """The k best passages in scope with a non-zero score (non-zero rather than positive: in a tiny corpus
        rank-bm25's idf can make every match negative)."""
        scores = self.scores(query_tokens)
        mask = scope.mask
        return [(r, sc) for r, sc in top_k(np.where(mask, scores, -np.inf), k)
                if mask[r] and sc != 0 and np.isfinite(sc)]

    def scores_for(self, query_tokens: list[str], rows: np.ndarray) -> np.ndarray:
        """The scores of the given rows only."""
        cols, weights = self._query_columns(query_tokens)
        if not len(cols) or not len(rows):
            return np.zeros(len(rows), dtype=np.float32)
        return np.asarray(self.matrix[:, cols][np.asarray(rows)] @ weights).ravel()

    def rows_with(self, term: str) -> np.ndarray:
        """The rows whose indexed words contain `term`."""
        col = self.vocabulary.get(term)
        if col is None:
            return np.zeros(0, dtype=np.int64)
        m = self.matrix
        return m.indices[m.indptr[col]:m.indptr[col + 1]]

    def terms_in(self, row: int, terms: set[str]) -> set[str]:
        """Which of `terms` the passage at `row` contains."""
        # Read from each term's column (a row of a CSC matrix is a slow slice: scipy builds a new matrix for it)
        m, present = self.matrix, set()
        for term in terms:
            col = self.vocabulary.get(term)
            if col is None:
                continue
            start, end = m.indptr[col], m.indptr[col + 1]
            where = np.flatnonzero(m.indices[start:end] == row)
            if len(where) and m.data[start + where[0]] != 0:
                present.add(term)
        return present

    def document_frequency(self, terms: list[str]) -> dict[str, int]:
        """In how many passages each known term occurs."""
        m = self.matrix
        return {t: int(m.indptr[c + 1] - m.indptr[c]) for t in terms if (c := self.vocabulary.get(t)) is not None}

    def search(self, question: str, k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        scores = self.scores(self.query_terms(question))
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        return top_k(scores, k, positive_only=True)

    def save(self, directory: Path) -> None:
        sparse.save_npz(directory / "bm25.npz", self.matrix.tocsc(), compressed=False)
        (directory / "bm25_vocab.json").write_text(
            json.dumps({"vocabulary": self.vocabulary, "tokenizer": self.tokenizer_options}), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> "BM25Index":
        matrix = sparse.load_npz(directory / "bm25.npz").tocsc()
        meta = json.loads((directory / "bm25_vocab.json").read_text(encoding="utf-8"))
        return cls(matrix, meta["vocabulary"], meta.get("tokenizer", {}))


def top_k(scores: np.ndarray, k: int, positive_only: bool = False) -> list[tuple[int, float]]:
    if len(scores) == 0 or k <= 0:
        return []
    k = min(k, len(scores))
    idx = np.argpartition(-scores, k - 1)[:k]
    idx = idx[np.argsort(-scores[idx], kind="stable")]
    return [(int(i), float(scores[i])) for i in idx if not positive_only or scores[i] > 0]


