"""ONNX Runtime inference for the sentence-transformers model, exported locally (no downloads).

`load_onnx_model(model_path, backend)` returns an object with the part of SentenceTransformer's interface
that qa.index.embedder uses (`encode`, `get_sentence_embedding_dimension`):

  backend "onnx"       fp32 graph, exported from the local model with torch.onnx and fused by
                       onnxruntime's transformer optimizer (attention, layer-norm, GELU fusions);
  backend "onnx-int8"  the same graph with dynamically quantised int8 weights (onnxruntime.quantization):
                       about 2x faster than fp32 torch on CPU, at a measured small quality cost;
  backend "openvino"   the fp32 ONNX graph compiled by OpenVINO (package `openvino`), which on CPUs with
                       AMX/AVX512-BF16 runs in bf16: about 4x faster than fp32 torch here, cosine to fp32
                       > 0.9999 (bench/RESULTS.md). Elsewhere OpenVINO runs fp32.

Exports are cached in .cache/models/<model>-<fingerprint>/ (git-ignored), keyed by the model's weights, so
they are made once per model. Pooling and normalisation follow the model's own sentence-transformers
configuration (mean pooling over the attention mask, then L2 normalisation for all-MiniLM-L6-v2).
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

import numpy as np

from qa.config import ROOT

MODEL_CACHE = Path(os.environ.get("QA_MODEL_CACHE", ROOT / ".cache" / "models"))
BACKENDS = ("onnx", "onnx-int8", "openvino")
_lock = threading.Lock()


class OnnxUnavailable(RuntimeError):
    pass


def _fingerprint(model_path: Path) -> str:
    h = hashlib.sha256()
    for name in sorted(os.listdir(model_path)):
        p = model_path / name
        if p.is_file():
            st = p.stat()
            h.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:12]


def _st_config(model_path: Path) -> dict:
    """Max length, pooling mode and normalisation from the sentence-transformers files."""
    cfg = {"max_seq_length": 256, "pooling": "mean", "normalize": False}
    try:
        cfg["max_seq_length"] = json.loads((model_path / "sentence_bert_config.json").read_text())["max_seq_length"]
    except (OSError, KeyError, ValueError):
        pass
    try:
        modules = json.loads((model_path / "modules.json").read_text())
    except (OSError, ValueError):
        modules = []
    for m in modules:
        kind = m.get("type", "")
        if kind.endswith("Normalize"):
            cfg["normalize"] = True
        if kind.endswith("Pooling"):
            try:
                pool = json.loads((model_path / m["path"] / "config.json").read_text())
            except (OSError, KeyError, ValueError):
                pool = {}
            if pool.get("pooling_mode_cls_token"):
                cfg["pooling"] = "cls"
            elif pool.get("pooling_mode_max_tokens"):
                cfg["pooling"] = "max"
    return cfg


def export_dir(model_path: str | Path, cache_dir: Path | None = None) -> Path:
    model_path = Path(model_path)
    return Path(cache_dir or MODEL_CACHE) / f"{model_path.name}-{_fingerprint(model_path)}"


def export(model_path: str | Path, backend: str = "onnx-int8", cache_dir: Path | None = None) -> Path:
    """Export (once) and return the path of the .onnx file for `backend`."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown ONNX backend '{backend}' (choose from {', '.join(BACKENDS)})")
    model_path = Path(model_path)
    out = export_dir(model_path, cache_dir)
    fp32 = out / "model.onnx"
    int8 = out / "model_int8.onnx"
    target = int8 if backend == "onnx-int8" else fp32
    if target.exists():
        return target
    with _lock:
        if target.exists():
            return target
        out.mkdir(parents=True, exist_ok=True)
        if not fp32.exists():
            _export_fp32(model_path, fp32)
        if backend == "onnx-int8" and not int8.exists():
            _quantize(fp32, int8)
    return target


def _export_fp32(model_path: Path, dest: Path) -> None:
    import torch
    from transformers import AutoConfig, AutoModel

    model = AutoModel.from_pretrained(str(model_path), local_files_only=True)
    model.eval()
    config = AutoConfig.from_pretrained(str(model_path), local_files_only=True)
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    types = torch.zeros((2, 16), dtype=torch.long)
    raw = dest.with_name("model.raw.onnx")

    class Wrapper(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    import warnings

    axes = {0: "batch", 1: "sequence"}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer warnings about shape-dependent Python branches
        torch.onnx.export(Wrapper(model), (ids, mask, types), str(raw), dynamo=False, opset_version=17,
                          input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["last_hidden_state"],
                          dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                                        "last_hidden_state": axes})
    try:  # fuse attention / layer norm / GELU: faster fp32, and a better graph to quantise
        from onnxruntime.transformers.optimizer import optimize_model

        optimized = optimize_model(str(raw), model_type="bert", num_heads=config.num_attention_heads,
                                   hidden_size=config.hidden_size, opt_level=1, use_gpu=False)
        tmp = dest.with_name("model.tmp.onnx")
        optimized.save_model_to_file(str(tmp))
        tmp.replace(dest)
        raw.unlink()
    except Exception:  # the optimizer is an optimisation; the raw export is correct on its own
        raw.replace(dest)


def _quantize(fp32: Path, dest: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = dest.with_name("model_int8.tmp.onnx")
    import onnx

    # The fused graph has com.microsoft ops whose outputs shape inference cannot type: say they are float.
    quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, per_channel=True,
                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    tmp.replace(dest)


class _OpenVinoSession:
    """The part of onnxruntime.InferenceSession's interface used here, on an OpenVINO compiled model."""

    def __init__(self, onnx_path: Path, threads: int | None = None):
        try:
            import openvino as ov
        except ImportError as exc:
            raise OnnxUnavailable(f"the openvino backend needs the openvino package ({exc})")
        core = ov.Core()
        config = {"PERFORMANCE_HINT": "LATENCY"}
        if threads:
            config["INFERENCE_NUM_THREADS"] = threads
        self.compiled = core.compile_model(core.read_model(str(onnx_path)), "CPU", config)
        self.output = self.compiled.output(0)
        self._inputs = [p.get_any_name() for p in self.compiled.inputs]

    def get_inputs(self):
        from types import SimpleNamespace

        return [SimpleNamespace(name=n) for n in self._inputs]

    def run(self, _outputs, feeds):
        request = self.compiled.create_infer_request()  # one per call: safe from several threads
        return [request.infer(feeds)[self.output]]


class OnnxSentenceEncoder:
    """Tokenise with the model's fast tokenizer, run the ONNX graph, pool and normalise."""

    def __init__(self, model_path: str | Path, backend: str = "onnx-int8", cache_dir: Path | None = None,
                 threads: int | None = None):
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise OnnxUnavailable(f"the {backend} backend needs onnxruntime ({exc})")
        if backend not in BACKENDS:
            raise ValueError(f"unknown backend '{backend}' (choose from torch, {', '.join(BACKENDS)})")
        model_path = Path(model_path)
        self.backend = backend
        self.config = _st_config(model_path)
        self.onnx_path = export(model_path, backend, cache_dir)
        self.tokenizer = Tokenizer.from_file(str(model_path / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=int(self.config["max_seq_length"]))
        self.tokenizer.no_padding()
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        if threads:
            options.intra_op_num_threads = threads
        if backend == "openvino":
            self.session = _OpenVinoSession(self.onnx_path, threads)
        else:
            # No busy-waiting between ops: on a shared 2-core machine spinning threads steal the CPU.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            self.session = ort.InferenceSession(str(self.onnx_path), options, providers=["CPUExecutionProvider"])
        self.input_names = {i.name for i in self.session.get_inputs()}
        self._dim = None

    def get_sentence_embedding_dimension(self) -> int:
        if self._dim is None:
            self._dim = int(self._run(["x"]).shape[1])
        return self._dim

    get_embedding_dimension = get_sentence_embedding_dimension

    def _run(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        # Widths rounded up to a multiple of 32: OpenVINO keeps compiled kernels per input shape, and
        # exact widths made thousands of shapes (+700 MB over 6,000 varied texts); buckets keep it bounded.
        longest = max(len(e.ids) for e in encodings)
        width = min(-(-longest // 32) * 32, max(longest, self.config["max_seq_length"]))
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.int64)
        for i, e in enumerate(encodings):
            ids[i, :len(e.ids)] = e.ids
            mask[i, :len(e.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feeds)[0]
        if self.config["pooling"] == "cls":
            pooled = hidden[:, 0]
        elif self.config["pooling"] == "max":
            pooled = np.where(mask[..., None] > 0, hidden, -1e9).max(axis=1)
        else:
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        return pooled.astype(np.float32)

    def encode(self, texts, batch_size: int = 32, normalize_embeddings: bool = False, convert_to_numpy: bool = True,
               show_progress_bar: bool = False, **_) -> np.ndarray:
        single = isinstance(texts, str)
        texts = [texts] if single else list(texts)
        if not texts:
            return np.zeros((0, self.get_sentence_embedding_dimension()), dtype=np.float32)
        # Longest first, in batches of similar length: little padding, as sentence-transformers does.
        order = np.argsort([-len(t) for t in texts], kind="stable")
        # Small batches pad less; on CPU they are as fast per passage (measured: 8-16 beat 32-64 by 10-25%).
        batch_size = max(1, min(batch_size, 16))
        out = None
        for start in range(0, len(texts), batch_size):
            rows = order[start:start + batch_size]
            vectors = self._run([texts[i] for i in rows])
            if out is None:
                out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
            out[rows] = vectors
        if self.config["normalize"] or normalize_embeddings:
            out /= np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-12, None)
        return out[0] if single else out


def load_onnx_model(model_path: str, backend: str) -> OnnxSentenceEncoder:
    return OnnxSentenceEncoder(model_path, backend)
