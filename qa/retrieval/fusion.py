"""Fusion of ranked lists from several retrievers. Each function takes {name: [(row, score), ...]}
best-first and returns one fused list best-first; pick one by name with `get_fusion`."""
from __future__ import annotations

from typing import Callable

import numpy as np

Ranked = list[tuple[int, float]]


def rrf(lists: dict[str, Ranked], k: int = 60, weights: dict[str, float] | None = None) -> Ranked:
    """Reciprocal rank fusion: sum of weight / (k + rank) over the lists a row appears in."""
    fused: dict[int, float] = {}
    for name, ranked in lists.items():
        w = (weights or {}).get(name, 1.0)
        for rank, (row, _) in enumerate(ranked, start=1):
            fused[row] = fused.get(row, 0.0) + w / (k + rank)
    return sorted(fused.items(), key=lambda kv: -kv[1])


def convex(lists: dict[str, Ranked], weights: dict[str, float] | None = None, **_) -> Ranked:
    """Weighted sum of min-max normalised scores; a row missing from a list scores 0 there."""
    fused: dict[int, float] = {}
    for name, ranked in lists.items():
        if not ranked:
            continue
        w = (weights or {}).get(name, 1.0)
        scores = np.array([s for _, s in ranked], dtype=np.float64)
        lo, hi = scores.min(), scores.max()
        span = hi - lo if hi > lo else 1.0
        for (row, s) in ranked:
            fused[row] = fused.get(row, 0.0) + float(w * (s - lo) / span)
    return sorted(fused.items(), key=lambda kv: -kv[1])


def hybrid_lists(bm25: Ranked, dense: Ranked, fusion: str = "rrf",
                 bm25_scores: Callable[[np.ndarray], np.ndarray] | None = None,
                 dense_scores: Callable[[np.ndarray], np.ndarray] | None = None) -> dict[str, Ranked]:
    """The {name: ranked} input of a fusion from the two retrievers' candidate lists.

    Rank fusions use the lists as they are. For the convex combination, a candidate found by only one
    retriever is scored by the other too when a scorer is given (its true BM25 score, its true cosine),
    instead of counting as 0 there: both lists then cover the same candidates and min-max normalise alike.
    """
    if fusion != "convex" or bm25_scores is None or dense_scores is None:
        return {"bm25": bm25, "dense": dense}
    rows = np.fromiter(dict.fromkeys([r for r, _ in bm25] + [r for r, _ in dense]), dtype=np.int64)
    if len(rows) == 0:
        return {"bm25": [], "dense": []}
    out = {}
    for name, scorer in (("bm25", bm25_scores), ("dense", dense_scores)):
        scores = np.asarray(scorer(rows), dtype=np.float64)
        order = np.argsort(-scores, kind="stable")
        out[name] = [(int(rows[i]), float(scores[i])) for i in order]
    return out


FUSIONS: dict[str, Callable[..., Ranked]] = {"rrf": rrf, "weighted-rrf": rrf, "convex": convex}


def get_fusion(name: str) -> Callable[..., Ranked]:
    try:
        return FUSIONS[name]
    except KeyError:
        raise ValueError(f"unknown fusion '{name}' (choose from {', '.join(FUSIONS)})")
