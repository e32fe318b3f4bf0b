"""Sentence embeddings with sentence-transformers, loaded from a local path (never from a hub)."""
from __future__ import annotations

import functools
import hashlib
import os
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _model_files(model_path: str) -> list[Path]:
    root = Path(model_path)
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()
                  and not any(part.startswith(".") for part in p.relative_to(root).parts))


def model_fingerprint(model_path: str) -> str:
    """A hash of the model folder's contents: every file's relative path and bytes (weights included, subfolders
    such as 1_Pooling/ too; hidden files left out). The one fingerprint of a model: it keys the index manifests'
    model id (so vectors of another model are never reused), the ONNX/OpenVINO exports in .cache/models/ and the
    measured backend choice. Content, not modification times: a reinstall of the same files keeps the
    fingerprint, and two models in folders of the same name with files of the same sizes get different ones.
    Hashing MiniLM's 91 MB takes about 0.4 s: it is done once per process and folder state (the cache key is
    the files' stat, which only decides whether to hash again)."""
    try:
        files = _model_files(model_path)
        state = tuple((str(p), st.st_size, st.st_mtime_ns, st.st_ino) for p in files for st in [p.stat()])
    except OSError:
        return "missing"
    if not files:
        return "missing"
    return _content_hash(model_path, state)


@functools.lru_cache(maxsize=16)
def _content_hash(model_path: str, state: tuple) -> str:
    digest = hashlib.sha256()
    root = Path(model_path)
    try:
        for name, *_ in state:
            path = Path(name)
            digest.update(f"{path.relative_to(root).as_posix()}\0{path.stat().st_size}\0".encode())
            with open(path, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
    except OSError:
        return "missing"
    return digest.hexdigest()[:12]


class EmbedderUnavailable(RuntimeError):
    """The model could not be loaded; callers fall back to BM25 alone."""


class Embedder:
    """backend: "auto" (measured on this machine: qa.index.backend_choice), "torch", "onnx", "onnx-int8", "openvino"."""

    def __init__(self, model_path: str, backend: str = "torch", batch_size: int = 32, for_queries: bool = False,
                 share_with: "Embedder | None" = None):
        """for_queries: "auto" resolves to the runtime measured fastest on one question (the choice's
        query_backend), not on batches of passages; share_with: an embedder whose loaded model is reused when
        both resolve to the same backend (one runtime in memory, not two)."""
        self.model_path = model_path
        self.for_queries = for_queries
        self.share_with = share_with
        self.requested_backend = backend
        self.backend = backend
        self.batch_size = batch_size
        self.fallback_reason: str | None = None
        self.choice: dict | None = None  # the measured choice when backend was "auto"
        self._model = None
        self._for_questions: "Embedder | None" = None

    def for_questions(self) -> "Embedder":
        """The embedder for questions (and the answer sentences compared with them) beside this one for passages:
        with "auto", the runtime measured fastest on one question; the same runtime is loaded once."""
        if self._for_questions is None:  # one per passage embedder: the Assistant and its builds share it
            self._for_questions = Embedder(self.model_path, self.requested_backend, self.batch_size, for_queries=True,
                                           share_with=self)
        return self._for_questions

    def _resolve(self) -> None:
        """Turn "auto" into the backend measured fastest on this CPU (cached after the first measurement)."""
        if self.backend != "auto":
            return
        if not self.model_path or not Path(self.model_path).is_dir():
            raise EmbedderUnavailable(f"embedding model not found at '{self.model_path}'")
        try:
            from qa.index.backend_choice import choose

            self.choice = choose(self.model_path)
            self.backend = self.choice.get("query_backend", self.choice["backend"]) if self.for_queries \
                else self.choice["backend"]
        except Exception as exc:  # measuring needs torch for the reference; without it, the old default
            self.fallback_reason = f"backend choice failed ({exc.__class__.__name__}: {exc})"[:300]
            print(f"qa: {self.fallback_reason}; using openvino", file=sys.stderr)
            self.backend = "openvino"

    def backend_info(self) -> dict:
        """What the manifest records: the backend in use, how it was chosen and the measured timings."""
        info = {"backend": self.backend, "requested": self.requested_backend}
        if self.fallback_reason:
            info["fallback_reason"] = self.fallback_reason
        if self.choice:
            from qa.index.backend_choice import summary

            info["choice"] = self.choice
            info["summary"] = summary(self.choice)
        return info

    @property
    def model_id(self) -> str:
        """Name, a fingerprint of the model folder's files and the backend: two different models in
        folders of the same name never share an id (nor cached vectors)."""
        try:
            self._resolve()
        except EmbedderUnavailable:
            pass
        return f"{Path(self.model_path).name or self.model_path}-{model_fingerprint(self.model_path)}:{self.backend}"

    def load(self):
        if self._model is not None:
            return self._model
        if not self.model_path or not Path(self.model_path).is_dir():
            raise EmbedderUnavailable(f"embedding model not found at '{self.model_path}'")
        self._resolve()
        shared = self.share_with
        if shared is not None and shared.model_path == self.model_path:
            shared._resolve()
            if shared.backend == self.backend:
                self._model = shared.load()
                return self._model
        if self.backend != "torch":
            try:
                from qa.index.onnx_backend import load_onnx_model

                self._model = load_onnx_model(self.model_path, self.backend)
                return self._model
            except Exception as exc:  # a missing runtime or a failed export: the torch path still works
                self.fallback_reason = f"{self.backend} backend unavailable ({exc.__class__.__name__}: {exc})"[:300]
                print(f"qa: {self.fallback_reason}; using torch", file=sys.stderr)
                self.backend = "torch"
        try:
            from sentence_transformers import SentenceTransformer  # imports torch: only when used

            self._model = SentenceTransformer(self.model_path, device="cpu", local_files_only=True)
        except Exception as exc:  # a broken model folder can fail in many ways inside transformers
            raise EmbedderUnavailable(f"embedding model failed to load: {exc.__class__.__name__}: {exc}"[:300])
        return self._model

    @property
    def dimension(self) -> int:
        model = self.load()
        getter = getattr(model, "get_embedding_dimension", None) or getattr(model, "get_sentence_embedding_dimension", None)
        dim = getter() if getter else None
        return int(dim or len(self.encode(["x"])[0]))

    def encode(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        model = self.load()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                               convert_to_numpy=True, show_progress_bar=show_progress)
        return np.ascontiguousarray(vectors, dtype=np.float32)
