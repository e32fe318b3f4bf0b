"""Embedding throughput of one backend under a thread plan, on the passages of N SciFact abstracts.

    QA_EMBED_WORKERS=2 QA_EMBED_THREADS=1 python bench/embed_threads.py --backend onnx-int8   # batches in parallel
    QA_EMBED_WORKERS=1 QA_EMBED_THREADS=2 python bench/embed_threads.py --backend onnx-int8   # one batch, 2 threads

Prints the CPU's instruction-set features, texts/s and the process CPU seconds. Compare two plans as whole
processes in turns (A B A B) with an external timer, e.g. /usr/bin/time -v or hyperfine.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", default="onnx-int8")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--scifact", default=str(ROOT.parent / "shared" / "benchmarks" / "scifact"))
    args = parser.parse_args(argv)
    from qa.index.backend_choice import cpu_summary
    from qa.config import packaged_model_path
    from qa.index.embedder import Embedder

    texts = []
    with open(Path(args.scifact) / "corpus.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= args.docs:
                break
            doc = json.loads(line)
            texts.append(f"{doc.get('title', '')}\n{doc['text']}")
    embedder = Embedder(packaged_model_path(), args.backend)
    embedder.load()
    model = embedder.load()
    started, cpu = time.perf_counter(), time.process_time()
    embedder.encode(texts)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(cpu_summary())
    print(json.dumps({"backend": embedder.backend, "workers": getattr(model, "workers", None),
                      "threads": getattr(model, "threads", None), "texts": len(texts),
                      "texts_per_s": round(len(texts) / wall, 1), "cpu_s": round(cpu, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
