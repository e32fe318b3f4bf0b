"""The passages' answer sentences, embedded when the index is built, so a question only looks them up.

The extractive answer (qa/answers/extract.py) weighs a few sentences by cosine to the question. Embedded while the
question waited, they were most of its time on 2 AVX2 cores (wider dev p50 100 ms with them, 42 ms without). They
are embedded by the question embedder (the runtime that embedded them at question time), so an answer does not
change; a build whose question runtime differs from the one asking is not used, nor is a sentence the build did not
embed (a text made at question time): those are embedded then, as before.

Stored as two arrays: a 64-bit hash of each sentence's text, sorted, and its vector in the same order: no text to
parse when an index loads, and a lookup is a binary search over memory-mapped rows.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from qa.datatypes import Passage
from qa.passages.split import answer_sentence_spans

KEYS = "sentence_keys.npy"
VECTORS = "sentence_vectors.npy"
ARTEFACTS = (KEYS, VECTORS)
Encode = Callable[[list[str]], np.ndarray]


def text_keys(texts: list[str]) -> np.ndarray:
    return np.array([int.from_bytes(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest(), "little")
                     for t in texts], dtype=np.uint64)


@dataclass
class SentenceVectors:
    keys: np.ndarray  # uint64 hashes of the texts, ascending
    vectors: np.ndarray  # one row per key, as the question embedder gave it

    @classmethod
    def from_texts(cls, texts: list[str], vectors: np.ndarray) -> "SentenceVectors":
        keys = text_keys(texts)
        order = np.argsort(keys, kind="stable")
        return cls(keys[order], np.asarray(vectors)[order])

    def __len__(self) -> int:
        return len(self.keys)

    def rows(self, texts: list[str]) -> np.ndarray:
        """Each text's row, or -1 where the build did not embed it."""
        wanted = text_keys(texts)
        at = np.searchsorted(self.keys, wanted)
        found = (at < len(self.keys)) & (self.keys[np.minimum(at, len(self.keys) - 1)] == wanted) \
            if len(self.keys) else np.zeros(len(texts), dtype=bool)
        return np.where(found, at, -1)

    def by_key(self) -> dict[int, np.ndarray]:
        return dict(zip(self.keys.tolist(), self.vectors))

    def encoder(self, fallback: Encode) -> Encode:
        """Encode that reads the build's vectors and embeds only what it lacks (the question, a new text)."""
        def encode(texts: list[str]) -> np.ndarray:
            rows = self.rows(texts)
            missing = list(dict.fromkeys(t for t, r in zip(texts, rows) if r < 0))
            fresh = dict(zip(missing, fallback(missing))) if missing else {}
            return np.vstack([self.vectors[r] if r >= 0 else fresh[t] for t, r in zip(texts, rows)])
        return encode

    def save(self, directory: Path) -> None:
        np.save(directory / KEYS, self.keys)
        np.save(directory / VECTORS, self.vectors)

    @classmethod
    def load(cls, directory: Path) -> "SentenceVectors | None":
        """The build's sentence vectors, or None when it has none (built before them, or without them)."""
        if not (directory / KEYS).exists() or not (directory / VECTORS).exists():
            return None
        keys = np.load(directory / KEYS)
        vectors = np.load(directory / VECTORS, mmap_mode="r")  # rows read as questions need them
        if len(vectors) != len(keys) or keys.dtype != np.uint64:
            raise ValueError(f"{len(keys)} sentence keys but {len(vectors)} vectors")
        return cls(keys, vectors)


def answer_sentences(passages: list[Passage]) -> list[str]:
    """Every passage's answer sentences, each text once, in passage order."""
    return list(dict.fromkeys(p.text[s:e] for p in passages for s, e in answer_sentence_spans(p.text)))


def embed_sentences(passages: list[Passage], encode: Encode, reuse: dict[int, np.ndarray], dimension: int,
                    progress: Callable[[str, int, int], None], batch: int = 64) -> tuple[SentenceVectors, int]:
    """Vectors for the passages' answer sentences, reusing the last build's (by text hash, same question runtime)
    and embedding the rest `batch` at a time; also how many were embedded afresh."""
    texts = answer_sentences(passages)
    keys = text_keys(texts).tolist()
    vectors = np.zeros((len(texts), dimension), dtype=np.float32)
    todo = []
    for i, key in enumerate(keys):
        known = reuse.get(key)
        if known is not None and known.shape == (dimension,):
            vectors[i] = known
        else:
            todo.append(i)
    todo.sort(key=lambda i: len(texts[i]))  # similar lengths together: a batch is padded to its longest
    for start in range(0, len(todo), batch):
        progress("embedding answer sentences", start, len(todo))
        rows = todo[start:start + batch]
        vectors[rows] = encode([texts[i] for i in rows])
    progress("embedding answer sentences", len(todo), len(todo))
    return SentenceVectors.from_texts(texts, vectors), len(todo)
