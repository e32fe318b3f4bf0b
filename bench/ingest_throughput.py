"""End-to-end ingest throughput of the product: files -> cleaned documents -> passages -> BM25 + embeddings
+ FAISS on disk, with nothing cached but the model preparation (ONNX export, backend choice).

    python bench/ingest_throughput.py --docs 300 [--backend auto|openvino|onnx-int8|onnx|torch]
    python bench/ingest_throughput.py --docs 300 --backend auto --vs torch --rounds 3

Writes N SciFact abstracts as .txt files to a temporary corpus, builds a fresh index with `qa.index.build`
and prints passages/s (model load included, and also excluding it) and the mean passage length in MiniLM
word pieces. The clock starts before the embedding libraries are imported, so "with model load" includes
importing torch / onnxruntime / openvino and loading the model.

--vs B: the same texts are ingested by the backend under test (A) and by B, each in a fresh process, in
turns A B A B ... (--rounds pairs); the ratio of end-to-end throughputs is taken pair by pair, and the
median is printed, so a neighbour's load moves both sides of a pair alike. The CPU's instruction-set
features are printed with every table.
"""
from __future__ import annotations

import time

_T0 = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import qa.index.build as index_mod  # noqa: E402
from qa.config import load_settings  # noqa: E402
from qa.index.embedder import Embedder  # noqa: E402

def write_corpus(scifact: str, docs: int, corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    with open(Path(scifact) / "corpus.jsonl", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= docs:
                break
            doc = json.loads(line)
            (corpus / f"{doc['_id']}.txt").write_text(f"{doc.get('title', '')}\n\n{doc['text']}\n", encoding="utf-8")


def run_one(corpus: Path, backend: str, started: float) -> dict:
    work = Path(tempfile.mkdtemp(prefix="qa-ingest-index-"))
    settings = load_settings(corpus_dir=corpus, index_dir=work / "index", model_backend=backend)
    embedder = Embedder(settings.model_path, settings.model_backend)
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
    return {"backend": embedder.backend, "requested": backend, "documents": report.documents,
            "passages": report.passages, "model_load_s": round(loaded - started, 2),
            "build_s": round(done - loaded, 2), "total_s": round(done - started, 2),
            "passages_per_s": round(report.passages / (done - loaded), 1),
            "passages_per_s_with_model_load": round(report.passages / (done - started), 1),
            "mean_word_pieces": round(pieces, 1) if pieces else None}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--backend", default="auto")
    parser.add_argument("--vs", default=None, help="baseline backend (e.g. torch), run in turns with --backend")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", default=None, help=argparse.SUPPRESS)  # child mode: corpus already written
    parser.add_argument("--scifact", default=str(ROOT.parent / "shared" / "benchmarks" / "scifact"))
    args = parser.parse_args(argv)
    from qa.index.backend_choice import cpu_summary

    if args.corpus:  # one measurement, in this fresh process
        print(json.dumps(run_one(Path(args.corpus), args.backend, _T0)))
        return 0
    corpus = Path(tempfile.mkdtemp(prefix="qa-ingest-")) / "corpus"
    write_corpus(args.scifact, args.docs, corpus)
    print(cpu_summary())
    if not args.vs:
        print(json.dumps(run_one(corpus, args.backend, _T0), indent=1))
        return 0

    def child(backend: str) -> dict:
        out = subprocess.run([sys.executable, __file__, "--corpus", str(corpus), "--backend", backend],
                             capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    rows, ratios = [], []
    for _ in range(args.rounds):
        a, b = child(args.backend), child(args.vs)
        rows += [a, b]
        ratios.append(a["passages_per_s_with_model_load"] / b["passages_per_s_with_model_load"])
    print(f"{args.docs} SciFact abstracts, {rows[0]['passages']} passages, ~{rows[0]['mean_word_pieces']} word "
          f"pieces each; runs in turns, each in a fresh process")
    print("| run | backend | model load s | build s | passages/s | passages/s with model load |")
    print("|---|---|---|---|---|---|")
    for n, r in enumerate(rows, 1):
        label = r["backend"] if r["backend"] == r["requested"] else f"{r['requested']} -> {r['backend']}"
        print(f"| {n} | {label} | {r['model_load_s']} | {r['build_s']} | {r['passages_per_s']} | "
              f"{r['passages_per_s_with_model_load']} |")
    print(f"end-to-end ratio {args.backend} / {args.vs} (model load included), pair by pair: "
          f"{', '.join(f'{x:.2f}' for x in ratios)}; median {statistics.median(ratios):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
