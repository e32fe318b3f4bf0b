"""Which passages a question may draw on: its filters applied to the documents, in the two forms the stores need.

The retriever decides the scope once per question (qa/retrieval/rank.py's check_filters over the documents); the
in-process index filters candidates by the row mask, the PostgreSQL store by the document ids in SQL. Same set,
so both stores return the same candidate lists.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Scope:
    mask: np.ndarray  # one bool per passage row
    doc_ids: frozenset[str] | None = None  # the allowed documents; None: every document

    @property
    def share(self) -> float:
        """Share of passages in scope (the in-process dense search over-fetches by its inverse)."""
        return float(self.mask.sum()) / max(len(self.mask), 1)

    @classmethod
    def everything(cls, rows: int) -> "Scope":
        return cls(np.ones(rows, dtype=bool), None)
