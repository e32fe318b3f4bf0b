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

Exports are cached in .cache/models/<model>-<fingerprint>/ (git-ignored), keyed by the model's contents
(qa.index.embedder.model_fingerprint), so they are made once per model. Pooling and normalisation follow the
model's own sentence-transformers configuration (mean pooling over the attention mask, then L2 normalisation
for all-MiniLM-L6-v2).

Why a little over 300 lines: the export, the quantisation recipe and the session that runs the graph they make
are one backend, tuned together (the recipe's measured choices are written beside the code they govern), and
nothing else uses its parts.
"""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import numpy as np

from qa.config import ONNX_BACKENDS, ROOT
from qa.index.embedder import model_fingerprint

MODEL_CACHE = Path(os.environ.get("QA_MODEL_CACHE", ROOT / ".cache" / "models"))
BACKENDS = ONNX_BACKENDS
# Renamed whenever the quantisation recipe changes, so an export made by an older recipe is not reused.
FP32_FILE = "model_eager.onnx"
QUANTIZED_OPS = ("MatMul", "Attention")  # Attention: the fused Q/K/V projection (becomes QAttention)
# Texts per batch, by backend (the most; fewer when the caller asks), measured on 300 SciFact abstracts,
# whole processes in turns, 4 against 16 (bench/RESULTS.md, issue 13), on an AVX-512/VNNI/AMX Xeon (2 cores):
# onnx-int8 wall 0.90x, CPU 0.91x, peak memory 278 against 593 MiB; onnx wall 0.92x, CPU 0.94x, 298 against
# 624 MiB; openvino wall 0.98x, CPU 0.99x (a tie), 342 against 452 MiB. QA_EMBED_BATCH overrides.
MAX_BATCH = {"onnx": 4, "onnx-int8": 4, "openvino": 4}
INT8_FILE = "model_eager_int8w7k3.onnx"
# FFN down-projections (input: GELU output, the widest-ranged activations) of the first three layers stay
# fp32: with them in int8 too, the minimum cosine to sentence-transformers over the probe set was 0.988
# (below the 0.99 agreement bar); with these three kept it is 0.9926 (mean 0.995), for 1/6 of the FLOPs in fp32.
INT8_KEEP_FP32: tuple[str, ...] = ("layer.0/output/dense", "layer.1/output/dense", "layer.2/output/dense")
_lock = threading.Lock()


class OnnxUnavailable(RuntimeError):
    pass


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
    return Path(cache_dir or MODEL_CACHE) / f"{model_path.name}-{model_fingerprint(str(model_path))}"


def export(model_path: str | Path, backend: str = "onnx-int8", cache_dir: Path | None = None) -> Path:
    """Export (once) and return the path of the .onnx file for `backend`."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown ONNX backend '{backend}' (choose from {', '.join(BACKENDS)})")
    model_path = Path(model_path)
    out = export_dir(model_path, cache_dir)
    fp32 = out / FP32_FILE
    int8 = out / INT8_FILE
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
            _quantize(fp32, int8, INT8_KEEP_FP32)
    return target


# Eager attention exports as MatMul/Add/Softmax, which onnxruntime's optimizer fuses into one Attention op
# (and QAttention in int8); the default SDPA export left Where/IsNaN masking that cost ~15% of run time.
_EAGER = {"attn_implementation": "eager"}


def _export_fp32(model_path: Path, dest: Path) -> None:
    import torch
    from transformers import AutoConfig, AutoModel

    model = AutoModel.from_pretrained(str(model_path), local_files_only=True, **_EAGER)
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


def _quantize(fp32: Path, dest: Path, keep_fp32: tuple[str, ...] = ()) -> None:
    """Dynamic int8 for the weight MatMuls only (Q/K/V, attention output, both FFN layers), per output
    channel, with 7-bit weights (`reduce_range`).

    Why these choices, on CPUs without VNNI/AMX (AVX2 only): MLAS multiplies u8 activations by s8 weights
    with vpmaddubsw, whose 16-bit pair sums saturate with full 8-bit weights; 7-bit weights cannot saturate,
    and measured closer to fp32 (mean cosine to sentence-transformers 0.9936 against 0.9932, minimum 0.990
    against 0.987 on 160 SciFact passages). The activation-by-activation MatMuls of attention (QK^T, PV) stay
    fp32: they are small, and quantising both of their inputs per batch costs accuracy for nothing.
    `keep_fp32`: name fragments of MatMuls to leave in fp32 (measured sensitivity)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = onnx.load(str(fp32), load_external_data=False)
    weights = {i.name for i in model.graph.initializer}
    nodes = [n.name for n in model.graph.node if n.op_type in QUANTIZED_OPS and len(n.input) > 1
             and n.input[1] in weights and not any(k in n.name for k in keep_fp32)]
    del model
    tmp = dest.with_name(dest.stem + ".tmp.onnx")
    # The fused graph has com.microsoft ops whose outputs shape inference cannot type: say they are float.
    quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True,
                     nodes_to_quantize=nodes or None,
                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    tmp.replace(dest)


def thread_plan(workers: int | None = None, threads: int | None = None) -> tuple[int, int]:
    """(parallel batches, threads per batch). Default on a machine of N cores: N batches at a time, one
    thread each ("inter-op" parallelism across batches) rather than one batch on N threads: a BERT layer's
    ops on ~16 x 150 tokens split poorly over threads: on the 2-core AVX2 target, int8, 200 abstracts, whole
    processes in turns, 2 batches x 1 thread took 0.94x the wall time and 0.96x the CPU of 1 batch x 2
    threads (medians of 3 pairs; bench/embed_threads.py); OpenVINO on the AMX Xeon: 1 stream x 2 threads took
    1.22x the wall time and 1.12x the CPU of 2 streams x 1 thread (4 pairs, with a thread per batch).
    Batch size: MAX_BATCH.
    QA_EMBED_WORKERS / QA_EMBED_THREADS override."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    workers = int(workers or os.environ.get("QA_EMBED_WORKERS") or min(cores, 4))
    threads = int(threads or os.environ.get("QA_EMBED_THREADS") or max(1, cores // max(workers, 1)))
    return max(1, workers), max(1, threads)


def batch_size_for(backend: str) -> int:
    """Texts per batch for a backend; QA_EMBED_BATCH overrides (every backend)."""
    return max(1, int(os.environ.get("QA_EMBED_BATCH") or MAX_BATCH.get(backend, 16)))


class _OpenVinoSession:
    """The part of onnxruntime.InferenceSession's interface used here, on an OpenVINO compiled model."""

    def __init__(self, onnx_path: Path, threads: int | None = None, streams: int = 1):
        try:
            import openvino as ov
        except ImportError as exc:
            raise OnnxUnavailable(f"the openvino backend needs the openvino package ({exc})")
        core = ov.Core()
        if streams > 1:  # one stream per parallel batch, each on its own threads
            config = {"PERFORMANCE_HINT": "THROUGHPUT", "NUM_STREAMS": streams}
        else:
            config = {"PERFORMANCE_HINT": "LATENCY"}
        if threads:
            config["INFERENCE_NUM_THREADS"] = threads * streams
        self.compiled = core.compile_model(core.read_model(str(onnx_path)), "CPU", config)
        self.streams = max(1, streams)
        self._lock = threading.Lock()
        self.output = self.compiled.output(0)
        self._inputs = [p.get_any_name() for p in self.compiled.inputs]

    def get_inputs(self):
        from types import SimpleNamespace

        return [SimpleNamespace(name=n) for n in self._inputs]

    def run(self, _outputs, feeds):
        with self._lock:
            return [self.compiled.create_infer_request().infer(feeds, share_inputs=True)[self.output].copy()]

    def run_many(self, feeds_list, reduce):
        """Run every batch, `streams` at a time, and return [reduce(i, output of batch i)]. Every call into
        OpenVINO's Python API is made from this one thread (the inference itself runs on OpenVINO's threads):
        with a thread per batch, two threads setting up requests at once deadlocked now and then (both stuck
        in data_dispatcher.py getting or filling a request's input tensor; 4 hangs in ~20 runs of 75 batches)."""
        results = [None] * len(feeds_list)
        with self._lock:
            free = [self.compiled.create_infer_request() for _ in range(min(self.streams, len(feeds_list)))]
            busy: list = []  # (request, batch index, its feeds: shared with the request until it is done)

            def finish():
                request, i, _ = busy.pop(0)
                request.wait()
                results[i] = reduce(i, request.get_output_tensor(0).data)
                free.append(request)

            for i, feeds in enumerate(feeds_list):
                if not free:
                    finish()
                request = free.pop()
                request.start_async(feeds, share_inputs=True)
                busy.append((request, i, feeds))
            while busy:
                finish()
        return results


class OnnxSentenceEncoder:
    """Tokenise with the model's fast tokenizer, run the ONNX graph, pool and normalise."""

    def __init__(self, model_path: str | Path, backend: str = "onnx-int8", cache_dir: Path | None = None,
                 threads: int | None = None, workers: int | None = None):
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
        self.workers, self.threads = thread_plan(workers, threads)
        self.max_batch = batch_size_for(backend)
        if backend == "openvino":
            self.session = _OpenVinoSession(self.onnx_path, self.threads, self.workers)
            # OpenVINO keeps compiled kernels per input shape: widths are rounded up to a multiple of 32
            # (exact widths made thousands of shapes, +700 MB over 6,000 varied texts).
            self.width_step = 32
        else:
            options = ort.SessionOptions()
            options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            # No busy-waiting between ops: on a shared 2-core machine spinning threads steal the CPU.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            # One session; with one intra-op thread each run() executes on its caller's thread, so
            # `workers` Python threads run that many batches at once (onnxruntime releases the GIL).
            self.session = ort.InferenceSession(str(self.onnx_path), options, providers=["CPUExecutionProvider"])
            self.width_step = 1  # ONNX Runtime has no per-shape cost: no padding beyond the longest row
        self.input_names = {i.name for i in self.session.get_inputs()}
        self._dim = None

    def get_sentence_embedding_dimension(self) -> int:
        if self._dim is None:
            self._dim = int(self._run(self.tokenizer.encode_batch(["x"])).shape[1])
        return self._dim

    get_embedding_dimension = get_sentence_embedding_dimension

    def _feeds(self, encodings) -> dict[str, np.ndarray]:
        longest = max(len(e.ids) for e in encodings)
        step = self.width_step
        width = min(-(-longest // step) * step, max(longest, self.config["max_seq_length"]))
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        for i, e in enumerate(encodings):
            ids[i, :len(e.ids)] = e.ids
            mask[i, :len(e.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        return feeds

    def _pool(self, hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
        if self.config["pooling"] == "cls":
            pooled = hidden[:, 0]
        elif self.config["pooling"] == "max":
            pooled = np.where(mask[..., None] > 0, hidden, -1e9).max(axis=1)
        else:
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        return pooled.astype(np.float32)

    def _run(self, encodings) -> np.ndarray:
        feeds = self._feeds(encodings)
        return self._pool(self.session.run(None, feeds)[0], feeds["attention_mask"])

    def encode(self, texts, batch_size: int = 32, normalize_embeddings: bool = False, convert_to_numpy: bool = True,
               show_progress_bar: bool = False, **_) -> np.ndarray:
        single = isinstance(texts, str)
        texts = [texts] if single else list(texts)
        if not texts:
            return np.zeros((0, self.get_sentence_embedding_dimension()), dtype=np.float32)
        # Tokenise once; longest first by TOKEN count, in batches of similar length: no row is padded by
        # more than its batch's spread (characters per token vary by 2x between prose and formulae).
        encodings = self.tokenizer.encode_batch(texts)
        order = np.argsort([-len(e.ids) for e in encodings], kind="stable")
        # Small batches pad less and hold smaller activations; on CPU they are as fast per passage (MAX_BATCH).
        batch_size = max(1, min(batch_size, self.max_batch))
        batches = [order[start:start + batch_size] for start in range(0, len(texts), batch_size)]
        if 1 < len(texts) <= self.workers * batch_size and (len(batches) < self.workers or len(texts) % batch_size):
            # A handful of texts (a question's answer sentences) would run as one batch or two uneven ones, a core
            # idle or waiting: dealt over the workers in turn, longest first, the batches pad to about one width.
            split = min(self.workers, len(texts))
            batches = [order[k::split] for k in range(split)]

        def run(rows):
            return rows, self._run([encodings[i] for i in rows])

        if isinstance(self.session, _OpenVinoSession) and len(batches) > 1:  # its own parallel streams
            feeds = [self._feeds([encodings[i] for i in rows]) for rows in batches]
            pooled = self.session.run_many(feeds, lambda i, hidden: self._pool(hidden, feeds[i]["attention_mask"]))
            results = list(zip(batches, pooled))
        elif self.workers > 1 and len(batches) > 1:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(min(self.workers, len(batches))) as pool:
                results = list(pool.map(run, batches))
        else:
            results = [run(rows) for rows in batches]
        out = np.zeros((len(texts), results[0][1].shape[1]), dtype=np.float32)
        for rows, vectors in results:
            out[rows] = vectors
        if self.config["normalize"] or normalize_embeddings:
            out /= np.clip(np.linalg.norm(out, axis=1, keepdims=True), 1e-12, None)
        return out[0] if single else out


def load_onnx_model(model_path: str, backend: str) -> OnnxSentenceEncoder:
    return OnnxSentenceEncoder(model_path, backend)
