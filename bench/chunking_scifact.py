"""Does splitting SciFact abstracts into passages help? Train split only (the choice is then fixed).

    python bench/chunking_scifact.py ../shared/benchmarks/scifact --split train --sizes 0,120,60

Size 0 = each abstract one passage. Otherwise abstracts are split by the product's own splitter
(`qa.passages.split.split_document`, whole sentences, max/min words) and a document scores as its best passage.
Prints nDCG@10 / Recall@100 / MRR@10 for BM25, dense and the hybrid (the product's convex fusion).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.documents import clean  # noqa: E402
from qa.evaluation.beir import cached_encode, load_beir, score_runs  # noqa: E402
from qa.index.sparse import BM25Index  # noqa: E402
from qa.config import load_settings  # noqa: E402
from qa.index.embedder import Embedder  # noqa: E402
from qa.retrieval.fusion import get_fusion, hybrid_lists  # noqa: E402
from qa.passages.split import split_document  # noqa: E402
from qa.datatypes import Block, Document  # noqa: E402


def passages_for(data, max_words: int) -> tuple[list[str], list[int]]:
    texts, owner = [], []
    for d, text in enumerate(data.passages()):
        if max_words == 0:
            texts.append(text)
            owner.append(d)
            continue
        blocks = [Block("para", " ".join(text.split()))]
        doc = Document(doc_id=str(d), path="", text=clean.assemble(blocks), blocks=blocks)
        for p in split_document(doc, max_words=max_words, min_words=max(10, max_words // 5)):
            texts.append(p.text)
            owner.append(d)
    return texts, owner


def best_per_doc(ranked: list[tuple[int, float]], owner: list[int], doc_ids: list[str], k: int = 100) -> list[str]:
    out, seen = [], set()
    for row, _ in ranked:
        d = owner[row]
        if d not in seen:
            seen.add(d)
            out.append(doc_ids[d])
        if len(out) >= k:
            break
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--split", default="train")
    parser.add_argument("--sizes", default="0,120,60")
    args = parser.parse_args(argv)
    settings = load_settings()
    data = load_beir(Path(args.directory), args.split)
    embedder = Embedder(settings.model_path, settings.model_backend)
    queries = list(zip(data.query_ids, data.queries))
    qvecs = cached_encode(embedder, [q for _, q in queries], f"chunk-queries-{args.split}")
    fuse = get_fusion(settings.fusion)
    for size in [int(s) for s in args.sizes.split(",")]:
        texts, owner = passages_for(data, size)
        vectors = cached_encode(embedder, texts, f"chunk-{size}")
        bm25 = BM25Index.from_texts(texts)
        runs = {"bm25": {}, "dense": {}, "hybrid": {}}
        depth = 300
        for (qid, qtext), qv in zip(queries, qvecs):
            scores = bm25.scores(bm25.query_terms(qtext))
            b = [(int(i), float(scores[i])) for i in np.argsort(-scores)[:depth] if scores[i] > 0]
            cos = vectors @ qv
            dn = [(int(i), float(cos[i])) for i in np.argsort(-cos)[:depth]]
            lists = hybrid_lists(b, dn, settings.fusion, bm25_scores=lambda rows: scores[rows],
                                 dense_scores=lambda rows: cos[rows])
            h = fuse(lists, k=settings.rrf_k, weights={"bm25": settings.bm25_weight, "dense": settings.dense_weight})
            for name, ranked in (("bm25", b), ("dense", dn), ("hybrid", h)):
                runs[name][qid] = best_per_doc(ranked, owner, data.doc_ids)
        for name in runs:
            m = score_runs(runs[name], data.qrels)
            print(f"size {size or 'whole':>5} ({len(texts)} passages) {name:<7} "
                  f"nDCG@10 {m['ndcg@10']:.4f}  Recall@100 {m['recall@100']:.4f}  MRR@10 {m['mrr@10']:.4f}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
