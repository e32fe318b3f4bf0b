"""Bulk embedding with Ray Data (`qa ingest --ray`, the optional `.[scale]` extra): the passages to embed go
through `map_batches` to the product's own Embedder running as a Ray actor, so the vectors are the ones the
in-process build makes (same model, same backend).

Without RAY_ADDRESS a local Ray is started on this machine, only when something needs embedding, and shut down
(its temporary folder removed) afterwards. With RAY_ADDRESS the cluster's workers embed; they need this package
installed (pip install 'qa-evidence[scale]') and the model at the same path. Numbers and pitfalls (token auth
writing ~/.ray, deprecated `concurrency=`, row order): docs/scale-probe.md §4.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

BATCH = 256
OBJECT_STORE_BYTES = 256 * 1024 ** 2  # a local Ray's shared memory: vectors of 256 passages are 0.4 MB


class EmbedActor:
    """One model load per actor, then a batch of texts at a time."""

    def __init__(self, model_path: str, backend: str):
        from qa.index.embedder import Embedder

        self.embedder = Embedder(model_path, backend)
        self.embedder.load()

    def __call__(self, batch: dict) -> dict:
        batch["vector"] = self.embedder.encode([str(t) for t in batch["text"]])
        return batch


@contextmanager
def ray_encoder(model_path: str, backend: str, actors: int = 1) -> Iterator[Callable[[list[str]], np.ndarray]]:
    """An `encode(texts) -> vectors` that embeds through Ray; Ray starts at its first call and stops on exit."""
    state: dict = {}

    def encode(texts: list[str]) -> np.ndarray:
        import ray

        if not state:
            state.update(_start_ray(ray))
        import ray.data

        ray.data.DataContext.get_current().execution_options.preserve_order = True
        rows = ray.data.from_items([{"i": i, "text": t} for i, t in enumerate(texts)]).map_batches(
            EmbedActor, fn_constructor_kwargs={"model_path": model_path, "backend": backend},
            compute=ray.data.ActorPoolStrategy(size=actors), batch_size=BATCH, batch_format="numpy").take_all()
        rows.sort(key=lambda r: r["i"])  # ids carried along: order does not depend on preserve_order alone
        return np.vstack([r["vector"] for r in rows]).astype(np.float32)

    try:
        yield encode
    finally:
        if state.get("started"):
            import ray

            ray.shutdown()
        if state.get("temp_dir"):
            shutil.rmtree(state["temp_dir"], ignore_errors=True)


def _start_ray(ray) -> dict:
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if ray.is_initialized():
        return {"started": False}
    # Workers import qa from where this process does (a source checkout is not installed on a local Ray).
    runtime_env = {"env_vars": {"PYTHONPATH": str(Path(__file__).resolve().parents[2]),
                                "RAY_USAGE_STATS_ENABLED": "0"}}
    address = os.environ.get("RAY_ADDRESS")
    if address:
        ray.init(address=address, runtime_env=runtime_env, log_to_driver=False)
        return {"started": True}
    os.environ.setdefault("RAY_AUTH_MODE", "disabled")  # else Ray 2.60 writes a token into ~/.ray
    temp_dir = tempfile.mkdtemp(prefix="qa-ray-")  # short: it holds Unix sockets
    ray.init(address="local", num_cpus=os.cpu_count(), include_dashboard=False, _temp_dir=temp_dir,
             object_store_memory=OBJECT_STORE_BYTES, log_to_driver=False, runtime_env=runtime_env)
    return {"started": True, "temp_dir": temp_dir}
