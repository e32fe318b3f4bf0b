"""Does embedding the title once (not again when the passage opens with it) change retrieval? SciFact through
the product's own passages: each abstract (title line + text) split by `qa.passages.split.split_document`
(120 words), embedded as `qa.index.build.embed_text` sees it, against the earlier text (context line always
prepended, so a first passage carried its title twice). A document scores as its best passage.

    python bench/title_once_scifact.py ../shared/benchmarks/scifact [--split test]

Prints the CPU's features, then nDCG@10 / Recall@100 / MRR@10 for dense and the hybrid (the product's fusion).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from chunking_scifact import best_per_doc  # noqa: E402
from qa.config import load_settings  # noqa: E402
from qa.datatypes import Block, Document  # noqa: E402
from qa.documents import clean  # noqa: E402
from qa.evaluation.beir import cached_encode, evaluate, load_beir  # noqa: E402
from qa.index import build  # noqa: E402
from qa.index.backend_choice import cpu_summary  # noqa: E402
from qa.index.embedder import Embedder  # noqa: E402
from qa.index.sparse import BM25Index  # noqa: E402
from qa.passages.split import split_document  # noqa: E402
from qa.retrieval.fusion import get_fusion, hybrid_lists  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--split", default="test")
    args = parser.parse_args(argv)
    settings = load_settings()
    data = load_beir(Path(args.directory), args.split)
    embedder = Embedder(settings.model_path, settings.model_backend)
    passages, owner, before, after = [], [], [], []
    for d, (title, text) in enumerate(zip(data.titles, data.texts)):
        blocks = ([Block("para", title)] if title else []) + [Block("para", " ".join(text.split()))]
        doc = Document(doc_id=str(d), path="", text=clean.assemble(blocks), blocks=blocks, title=title)
        for p in split_document(doc, max_words=settings.max_words, min_words=settings.min_words):
            context = build.passage_context(doc, p)
            passages.append(p.text)
            owner.append(d)
            before.append(f"{context}\n{p.text}" if context else p.text)
            after.append(build.embed_text(doc, p))
    print(cpu_summary())
    print(f"{embedder.model_id}: {len(passages)} passages, {sum(a != b for a, b in zip(before, after))} embedded "
          "texts differ")
    unique = sorted(set(before) | set(after))
    vectors_of = dict(zip(unique, cached_encode(embedder, unique, "title-once")))
    queries = list(zip(data.query_ids, data.queries))
    query_vectors = cached_encode(embedder, [q for _, q in queries], f"title-once-queries-{args.split}")
    bm25 = BM25Index.from_texts(passages)
    fuse = get_fusion(settings.fusion)
    weights = {"bm25": settings.bm25_weight, "dense": settings.dense_weight}
    for label, texts in (("title repeated (before)", before), ("title once (now)", after)):
        vectors = np.stack([vectors_of[t] for t in texts])
        runs: dict[str, dict] = {"dense": {}, "hybrid": {}}
        for (qid, qtext), qv in zip(queries, query_vectors):
            scores = bm25.scores(bm25.query_terms(qtext))
            b = [(int(i), float(scores[i])) for i in np.argsort(-scores)[:300] if scores[i] > 0]
            cos = vectors @ qv
            dn = [(int(i), float(cos[i])) for i in np.argsort(-cos)[:300]]
            lists = hybrid_lists(b, dn, settings.fusion, bm25_scores=lambda rows: scores[rows],
                                 dense_scores=lambda rows: cos[rows])
            runs["dense"][qid] = best_per_doc(dn, owner, data.doc_ids)
            runs["hybrid"][qid] = best_per_doc(fuse(lists, k=settings.rrf_k, weights=weights), owner, data.doc_ids)
        for name, run in runs.items():
            m = evaluate(run, data.qrels)
            print(f"{label:<24} {name:<7} nDCG@10 {m['ndcg@10']:.4f}  Recall@100 {m['recall@100']:.4f}  "
                  f"MRR@10 {m['mrr@10']:.4f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
