"""End-to-end ingest throughput of the product: files -> cleaned documents -> passages -> BM25 + embeddings
+ FAISS on disk, with nothing cached.

    python bench/ingest_throughput.py --docs 2000 [--backend openvino|onnx-int8|torch]

Writes N SciFact abstracts as .txt files to a temporary corpus, builds a fresh index with `qa.index.build`
and prints passages/s (model load included, and also excluding it) and the mean passage length in MiniLM
word pieces.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import qa.index.build as index_mod  # noqa: E402
from qa.config import load_settings  # noqa: E402
from qa.index.embedder import Embedder  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--backend", default="openvino")
    parser.add_argument("--scifact", default=str(ROOT.parent / "shared" / "benchmarks" / "scifact"))
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="qa-ingest-"))
    corpus = work / "corpus"
    corpus.mkdir()
    with open(Path(args.scifact) / "corpus.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= args.docs:
                break
            doc = json.loads(line)
            (corpus / f"{doc['_id']}.txt").write_text(f"{doc.get('title', '')}\n\n{doc['text']}\n", encoding="utf-8")
    settings = load_settings(corpus_dir=corpus, index_dir=work / "index", model_backend=args.backend)
    embedder = Embedder(settings.model_path, settings.model_backend)
    started = time.perf_counter()
    embedder.load()
    loaded = time.perf_counter()
    report = index_mod.build(settings, embedder=embedder)
    done = time.perf_counter()
    ix = index_mod.Index.load(settings.index_dir)
    tokenizer = getattr(embedder.load(), "tokenizer", None)
    pieces = None
    if tokenizer is not None and hasattr(tokenizer, "encode_batch"):
        sample = [p.text for p in ix.passages[:500]]
        pieces = sum(len(e.ids) for e in tokenizer.encode_batch(sample)) / max(len(sample), 1)
    result = {"backend": embedder.backend, "documents": report.documents, "passages": report.passages,
              "model_load_s": round(loaded - started, 2), "build_s": round(done - loaded, 2),
              "passages_per_s": round(report.passages / (done - loaded), 1),
              "passages_per_s_with_model_load": round(report.passages / (done - started), 1),
              "mean_word_pieces": round(pieces, 1) if pieces else None}
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
