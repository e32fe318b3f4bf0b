"""The candidate lists of qa/index/sparse.py (BM25Index) and qa/index/dense.py (DenseIndex), answered in SQL by
one published version of the PostgreSQL store (qa/index/pg_store.py). Same calls, same numbers: the retriever and
the timeline cannot tell the stores apart, so fusion and ranking are not duplicated.

BM25 is exact: the weights were computed by BM25Index at build time and are summed per passage here (float8, where
the in-process sparse product sums float32; the last digits may differ). Dense search is exact below
HNSW_THRESHOLD passages (a scan, like FAISS's flat index) and HNSW above it, as in-process.
"""
from __future__ import annotations

from collections import Counter

import numpy as np

from qa.index.scope import Scope
from qa.terms import tokenize

HNSW_EF_SEARCH = 128  # as FAISS's efSearch in qa/index/dense.py


def table(version: int, kind: str) -> str:
    """A version's table name; built from an int and a fixed word only, so safe to put in SQL text."""
    assert kind in ("documents", "passages", "terms", "postings")
    return f"qa_v{int(version)}_{kind}"


def _in_scope(scope: Scope | None, doc_nos: dict[str, int], column: str) -> tuple[str, tuple]:
    """The question's filters as SQL: the allowed documents' numbers (nothing when every document is allowed)."""
    if scope is None or scope.doc_ids is None:
        return "", ()
    return f" AND {column} = ANY(%s)", ([doc_nos[d] for d in scope.doc_ids if d in doc_nos],)


class PgBM25:
    def __init__(self, db, version: int, rows: int, doc_nos: dict[str, int], tokenizer_options: dict):
        self.db, self.version, self.rows, self.doc_nos = db, version, rows, doc_nos
        self.tokenizer_options = tokenizer_options
        self.postings, self.terms = table(version, "postings"), table(version, "terms")

    def __len__(self) -> int:
        return self.rows

    def query_terms(self, question: str) -> list[str]:
        return tokenize(question, **self.tokenizer_options)

    def _summed(self, query_tokens: list[str], where: str = "", params: tuple = (), tail: str = "",
                tail_params: tuple = ()) -> list[tuple[int, float]]:
        """(row, score) of passages with a query term: weight x times the term occurs in the query, summed."""
        counts = Counter(query_tokens)
        if not counts:
            return []
        sql = (f"SELECT p.row, SUM(p.weight::float8 * q.n) AS score "
               f"FROM unnest(%s::text[], %s::float8[]) AS q(term, n) JOIN {self.terms} t ON t.term = q.term "
               f"JOIN {self.postings} p ON p.term_id = t.term_id WHERE true{where} GROUP BY p.row{tail}")
        rows = self.db.conn().execute(sql, (list(counts), list(counts.values()), *params, *tail_params)).fetchall()
        return [(int(r), float(s)) for r, s in rows]

    def scores(self, query_tokens: list[str]) -> np.ndarray:
        out = np.zeros(self.rows, dtype=np.float32)
        for row, score in self._summed(query_tokens):
            out[row] = score
        return out

    def top(self, query_tokens: list[str], scope: Scope, k: int) -> list[tuple[int, float]]:
        where, params = _in_scope(scope, self.doc_nos, "p.doc_no")
        # Non-zero rather than positive, as in-process (a tiny corpus can make every match negative).
        return self._summed(query_tokens, where, params,
                            " HAVING SUM(p.weight::float8 * q.n) <> 0 ORDER BY score DESC, p.row LIMIT %s", (k,))

    def scores_for(self, query_tokens: list[str], rows: np.ndarray) -> np.ndarray:
        rows = [int(r) for r in rows]
        found = dict(self._summed(query_tokens, " AND p.row = ANY(%s)", (rows,)))
        return np.array([found.get(r, 0.0) for r in rows], dtype=np.float32)

    def rows_with(self, term: str) -> np.ndarray:
        rows = self.db.conn().execute(f"SELECT p.row FROM {self.terms} t JOIN {self.postings} p USING (term_id) "
                                      f"WHERE t.term = %s", (term,)).fetchall()
        return np.array([r[0] for r in rows], dtype=np.int64)

    def terms_in(self, row: int, terms: set[str]) -> set[str]:
        found = self.db.conn().execute(f"SELECT t.term FROM {self.terms} t JOIN {self.postings} p USING (term_id) "
                                       f"WHERE t.term = ANY(%s) AND p.row = %s", (list(terms), int(row))).fetchall()
        return {r[0] for r in found}

    def document_frequency(self, terms: list[str]) -> dict[str, int]:
        rows = self.db.conn().execute(f"SELECT term, df FROM {self.terms} WHERE term = ANY(%s)",
                                      (list(terms),)).fetchall()
        return dict(rows)


class PgDense:
    def __init__(self, db, version: int, rows: int, doc_nos: dict[str, int], hnsw: bool = False):
        self.db, self.version, self.rows, self.doc_nos, self.hnsw = db, version, rows, doc_nos, hnsw
        self.passages = table(version, "passages")

    def __len__(self) -> int:
        return self.rows

    def search(self, query_vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        return self.top(query_vector, None, k)

    def top(self, query_vector: np.ndarray, scope: Scope | None, k: int) -> list[tuple[int, float]]:
        """The k passages in scope with the largest inner product (vectors are normalised: cosine)."""
        if k <= 0 or not self.rows:
            return []
        where, params = _in_scope(scope, self.doc_nos, "doc_no")
        qvec = np.asarray(query_vector, dtype=np.float32)
        conn = self.db.conn()
        with conn.transaction():
            if self.hnsw:
                # Filtered HNSW returns too few rows unless it keeps scanning (docs/scale-probe.md §2).
                conn.execute(f"SET LOCAL hnsw.ef_search = {HNSW_EF_SEARCH}")
                conn.execute("SET LOCAL hnsw.iterative_scan = relaxed_order")
            ties = "" if self.hnsw else ", row"  # a second sort key would keep the planner off the HNSW index
            rows = conn.execute(f"SELECT row, -(emb <#> %s) FROM {self.passages} WHERE emb IS NOT NULL{where} "
                                f"ORDER BY emb <#> %s{ties} LIMIT %s", (qvec, *params, qvec, k)).fetchall()
        ranked = [(int(r), float(s)) for r, s in rows]
        return sorted(ranked, key=lambda rs: -rs[1])  # relaxed_order may return them slightly out of order

    def scores_for(self, query_vector: np.ndarray, rows: np.ndarray) -> np.ndarray:
        rows = [int(r) for r in rows]
        found = dict(self.db.conn().execute(f"SELECT row, -(emb <#> %s) FROM {self.passages} WHERE row = ANY(%s)",
                                            (np.asarray(query_vector, dtype=np.float32), rows)).fetchall())
        return np.array([found.get(r, 0.0) for r in rows], dtype=np.float32)
