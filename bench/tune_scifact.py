"""Ablations and fusion tuning for BEIR retrieval, on the TRAIN split only (then checked once on test).

    python bench/tune_scifact.py /work/shared/benchmarks/scifact [--split train] [--backend torch]

Prints (and writes to bench/out/tune-<dataset>-<split>.json) nDCG@10 / Recall@100 / MRR@10 for:
  - BM25 with and without stemming and stop words, and a few (k1, b) pairs;
  - hybrid with plain RRF(60), weighted RRF over k and weights, and the convex combination of min-max
    normalised scores (with each candidate scored by both retrievers) over the dense weight.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa.evaluation.beir import BeirRetriever, load_beir, score_runs  # noqa: E402
from qa.config import ROOT, load_settings  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--split", default="train")
    parser.add_argument("--backend", default="torch")
    parser.add_argument("--quick", action="store_true", help="only the default tokenizer")
    args = parser.parse_args()
    data = load_beir(Path(args.directory), args.split)
    base = load_settings(model_backend=args.backend)
    results: dict[str, dict] = {}

    def show(name, metrics):
        results[name] = metrics
        print(f"{name:<48}" + "".join(f"{metrics[m]:>9.4f}" for m in ("ndcg@10", "recall@100", "mrr@10")),
              flush=True)

    print(f"{data.name} {args.split}: {len(data.query_ids)} queries; columns nDCG@10 Recall@100 MRR@10")
    variants = [("stem+stop", {}), ("stem only", {"stop_words": False}), ("stop only", {"stem": False}),
                ("plain (no stem, no stop)", {"stem": False, "stop_words": False})]
    if args.quick:
        variants = variants[:1]
    retriever = None
    for label, opts in variants:
        r = BeirRetriever(data, base, tokenizer_options=opts)
        lists = r.bm25_lists(100)
        show(f"bm25 tokenizer={label}", score_runs(r._to_ids(lists), data.qrels))
        if not opts:
            retriever = r
    for k1, b in ((0.9, 0.4), (1.2, 0.75), (1.2, 0.9)):
        r = BeirRetriever(data, base, bm25_params={"k1": k1, "b": b})
        show(f"bm25 k1={k1} b={b}", score_runs(r._to_ids(r.bm25_lists(100)), data.qrels))

    r = retriever
    bm25, dense = r.bm25_lists(100), r.dense_lists(100)
    show("dense", score_runs(r._to_ids(dense), data.qrels))
    # The baseline in the issue: plain tokens (no stem/stop) + RRF(60).
    plain = BeirRetriever(data, base, tokenizer_options={"stem": False, "stop_words": False})
    show("hybrid plain-bm25 rrf k=60 1:1",
         score_runs(r._to_ids(r.hybrid_lists(plain.bm25_lists(100), dense, base.with_(fusion="rrf"))), data.qrels))
    for k in (10, 30, 60, 100):
        for wd in (0.5, 1.0, 1.5, 2.0, 3.0):
            s = base.with_(fusion="rrf", rrf_k=k, dense_weight=wd, bm25_weight=1.0)
            show(f"hybrid rrf k={k} dense_w={wd}", score_runs(r._to_ids(r.hybrid_lists(bm25, dense, s)), data.qrels))
    for wd in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        s = base.with_(fusion="convex", dense_weight=wd, bm25_weight=round(1 - wd, 3))
        show(f"hybrid convex dense_w={wd}", score_runs(r._to_ids(r.hybrid_lists(bm25, dense, s)), data.qrels))
    out = ROOT / "bench" / "out" / f"tune-{data.name}-{args.split}-{args.backend}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
