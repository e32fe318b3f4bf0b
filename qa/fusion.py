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
            fused[row] = fused.get(row, 0.0) + w * (s - lo) / span
    return sorted(fused.items(), key=lambda kv: -kv[1])


FUSIONS: dict[str, Callable[..., Ranked]] = {"rrf": rrf, "convex": convex}


def get_fusion(name: str) -> Callable[..., Ranked]:
    try:
        return FUSIONS[name]
    except KeyError:
        raise ValueError(f"unknown fusion '{name}' (choose from {', '.join(FUSIONS)})")
