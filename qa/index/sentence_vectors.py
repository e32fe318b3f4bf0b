"""The passages' answer sentences, embedded when the index is built, so a question only looks them up.

The extractive answer (qa/answers/extract.py) weighs a few sentences by cosine to the question. Embedded while the
question waited, they were two thirds of its time on 2 AVX2 cores (about 100 of 155 ms at p50 on the wider pages).
Embedding every answer sentence once costs about what embedding the passages costs (the same words, in shorter
pieces). A sentence the build did not embed (an index from before, a text made at question time) is embedded then,
as before.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from qa.datatypes import Passage
from qa.passages.split import answer_sentence_spans

TEXTS = "sentence_texts.json"
VECTORS = "sentence_vectors.npy"
ARTEFACTS = (TEXTS, VECTORS)
Encode = Callable[[list[str]], np.ndarray]


@dataclass
class SentenceVectors:
    texts: list[str]
    vectors: np.ndarray  # one row per text, as the embedder gave it
    _rows: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self):
        self._rows = {t: i for i, t in enumerate(self.texts)}

    def __len__(self) -> int:
        return len(self.texts)

    def by_text(self) -> dict[str, np.ndarray]:
        return dict(zip(self.texts, self.vectors))

    def encoder(self, fallback: Encode) -> Encode:
        """Encode that reads the build's vectors and embeds only what it lacks (the question, a new text)."""
        def encode(texts: list[str]) -> np.ndarray:
            missing = list(dict.fromkeys(t for t in texts if t not in self._rows))
            fresh = dict(zip(missing, fallback(missing))) if missing else {}
            return np.vstack([self.vectors[self._rows[t]] if t in self._rows else fresh[t] for t in texts])
        return encode

    def save(self, directory: Path) -> None:
        (directory / TEXTS).write_text(json.dumps(self.texts, ensure_ascii=False), encoding="utf-8")
        np.save(directory / VECTORS, self.vectors)

    @classmethod
    def load(cls, directory: Path) -> "SentenceVectors | None":
        """The build's sentence vectors, or None when it has none (built before them, or without a model)."""
        if not (directory / TEXTS).exists() or not (directory / VECTORS).exists():
            return None
        texts = json.loads((directory / TEXTS).read_text(encoding="utf-8"))
        vectors = np.load(directory / VECTORS, mmap_mode="r")  # read as questions need rows, not all at once
        if len(vectors) != len(texts):
            raise ValueError(f"{len(texts)} sentences but {len(vectors)} vectors")
        return cls(texts, vectors)


def answer_sentences(passages: list[Passage]) -> list[str]:
    """Every passage's answer sentences, each text once, in passage order."""
    return list(dict.fromkeys(p.text[s:e] for p in passages for s, e in answer_sentence_spans(p.text)))


def embed_sentences(passages: list[Passage], encode: Encode, reuse: dict[str, np.ndarray], dimension: int,
                    progress: Callable[[str, int, int], None], batch: int | None = 64) -> tuple[SentenceVectors, int]:
    """Vectors for the passages' answer sentences, reusing the last build's (same model) and embedding the rest,
    `batch` at a time (None: all in one call); also how many were embedded afresh."""
    texts = answer_sentences(passages)
    vectors = np.zeros((len(texts), dimension), dtype=np.float32)
    todo = []
    for i, text in enumerate(texts):
        known = reuse.get(text)
        if known is not None and known.shape == (dimension,):
            vectors[i] = known
        else:
            todo.append(i)
    # Similar lengths batched together: a batch is padded to its longest sentence.
    todo.sort(key=lambda i: len(texts[i]))
    step = batch or max(len(todo), 1)
    for start in range(0, len(todo), step):
        progress("embedding answer sentences", start, len(todo))
        rows = todo[start:start + step]
        vectors[rows] = encode([texts[i] for i in rows])
    progress("embedding answer sentences", len(todo), len(todo))
    return SentenceVectors(texts, vectors), len(todo)
