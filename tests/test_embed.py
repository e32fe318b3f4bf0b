import numpy as np

from qa.index import onnx_backend
from qa.config import packaged_model_path
from qa.index.embedder import Embedder


def test_fast_backend_failure_falls_back_to_torch(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("no OpenVINO runtime here")

    monkeypatch.setattr(onnx_backend, "load_onnx_model", broken)
    embedder = Embedder(packaged_model_path(), backend="openvino")
    vectors = embedder.encode(["supervision was not always regular"])
    assert embedder.backend == "torch" and "no OpenVINO runtime" in embedder.fallback_reason
    assert vectors.shape == (1, 384) and abs(np.linalg.norm(vectors[0]) - 1) < 1e-4


def test_default_backend_matches_torch():
    texts = ["Inspectors found that supervision lacked reflection and challenge.", "The capital of France"]
    fast = Embedder(packaged_model_path(), backend="openvino").encode(texts)
    reference = Embedder(packaged_model_path(), backend="torch").encode(texts)
    assert (fast * reference).sum(axis=1).min() > 0.999
