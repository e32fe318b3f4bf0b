"""Library choices, measured on a BEIR dataset (issue 12): what a well-kept library gives against what we wrote.

    python bench/library_choices.py ../shared/benchmarks/scifact [--split test] [--repeat 3] [--no-dense]
        [--index /tmp/l-sidx --questions ../shared/eval/dev_questions.jsonl]   # also our own corpus's index
    (needs the bench extra: pip install -e '.[bench]' for bm25s)

1. bm25s against qa/index/sparse.py (rank-bm25's Okapi, precomputed as a SciPy sparse matrix), both fed the
   same tokens (our tokenizer: Snowball stems and stop words; bm25s takes pre-tokenized input):
   - scores: bm25s "robertson" times (k1 + 1) against ours (bm25s leaves the constant k1 + 1 out of the term
     weight; its idf floors a negative value at 0 where rank-bm25 uses 0.25 x the mean idf), and bm25s'
     default "lucene" variant (idf log(1 + ...), never negative): largest difference, same top 10;
   - build time (best of --repeat), query time for 300 queries (score all passages, then the top 100), and
     filtered retrieval (a mask of allowed passages: ours multiplies the scores, bm25s takes `weight_mask`);
   - retrieval quality (nDCG@10 / Recall@100 / MRR@10) of each;
   - with --index: the same score comparison on a built index's passages and a question set (our corpus is
     small and on one subject, so some stems are in more than half of its passages: there the idf floors differ).
2. ir-measures (qa/evaluation/beir.py since this measurement) against the hand-written nDCG@10 / Recall@100 /
   MRR@10 it replaced (kept below as the reference): the figures for the BM25 run and, unless --no-dense,
   the dense and hybrid runs of `qa eval --beir`, and the largest per-query difference.
"""
from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa.evaluation import beir  # noqa: E402
from qa.index.sparse import BM25Index, top_k  # noqa: E402
from qa.terms import tokenize  # noqa: E402

K1, B = 1.5, 0.75


# ------------------------------------------------ the hand-written metrics (qa/evaluation/beir.py until ir-measures)


def ref_ndcg(ranked: list[str], rels: dict[str, int], k: int = 10) -> float:
    dcg = sum((2 ** rels.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:k]) if rels.get(d, 0) > 0)
    ideal = sorted((r for r in rels.values() if r > 0), reverse=True)[:k]
    idcg = sum((2 ** r - 1) / math.log2(i + 2) for i, r in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def ref_recall(ranked: list[str], rels: dict[str, int], k: int = 100) -> float:
    relevant = {d for d, r in rels.items() if r > 0}
    return len(relevant.intersection(ranked[:k])) / len(relevant) if relevant else 0.0


def ref_mrr(ranked: list[str], rels: dict[str, int], k: int = 10) -> float:
    for i, d in enumerate(ranked[:k]):
        if rels.get(d, 0) > 0:
            return 1.0 / (i + 1)
    return 0.0


REFERENCE = {"ndcg@10": ref_ndcg, "recall@100": ref_recall, "mrr@10": ref_mrr}


def best_of(repeat: int, fn):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def compare_bm25(data, repeat: int) -> dict[str, list[str]]:
    import bm25s

    start = time.perf_counter()
    tokens = [tokenize(p) for p in data.passages()]
    queries = [tokenize(q) for q in data.queries]
    print(f"tokenized {len(tokens)} passages and {len(queries)} queries with our tokenizer in "
          f"{time.perf_counter() - start:.1f} s (shared by both; not in the times below)")

    ours_s, ours = best_of(repeat, lambda: BM25Index.build(tokens, k1=K1, b=B))

    def build_bm25s(method):
        model = bm25s.BM25(k1=K1, b=B, method=method)
        model.index(tokens, show_progress=False)
        return model

    rob_s, rob = best_of(repeat, lambda: build_bm25s("robertson"))
    luc_s, luc = best_of(repeat, lambda: build_bm25s("lucene"))
    print(f"\n== 1. BM25: ours (qa/index/sparse.py) vs bm25s {bm25s.__version__}, k1={K1} b={B}, same tokens")
    print(f"build, best of {repeat}: ours {ours_s:.2f} s, bm25s robertson {rob_s:.2f} s, bm25s lucene {luc_s:.2f} s")

    n_docs = len(tokens)
    df = np.diff(ours.matrix.indptr)  # CSC: passages per term
    print(f"terms in more than half the passages (where the idf floors differ): {int((df > n_docs / 2).sum())} "
          f"of {len(df)}")

    def bm25s_scores(model, q):
        return model.get_scores(q) if q and model.get_tokens_ids(q) else np.zeros(n_docs, dtype=np.float32)

    diffs = {"robertson x (k1+1)": [], "lucene": []}
    same_top10 = dict.fromkeys(diffs, 0)
    lists = {"ours": [], "robertson x (k1+1)": [], "lucene": []}
    for q in queries:
        mine = ours.scores(q)
        lists["ours"].append(top_k(mine, 100, positive_only=True))
        for name, model, scale in (("robertson x (k1+1)", rob, K1 + 1), ("lucene", luc, 1.0)):
            theirs = bm25s_scores(model, q).astype(np.float64) * scale
            diffs[name].append(float(np.max(np.abs(theirs - mine))) if n_docs else 0.0)
            ranked = top_k(theirs, 100, positive_only=True)
            lists[name].append(ranked)
            same_top10[name] += [d for d, _ in ranked[:10]] == [d for d, _ in lists["ours"][-1][:10]]
    for name in diffs:
        print(f"bm25s {name:<20} largest |score - ours| {max(diffs[name]):.2e} (median per query "
              f"{statistics.median(diffs[name]):.2e}); same top 10 in {same_top10[name]}/{len(queries)} queries")

    def ours_query():
        return [top_k(ours.scores(q), 100, positive_only=True) for q in queries]

    def bm25s_query():
        known = [q for q in queries if rob.get_tokens_ids(q)]
        return rob.retrieve(known, k=100, show_progress=False, n_threads=1)

    q_ours, _ = best_of(repeat, ours_query)
    q_bm25s, _ = best_of(repeat, bm25s_query)
    print(f"query, {len(queries)} queries, best of {repeat} (score every passage + top 100, one thread): "
          f"ours {q_ours * 1000 / len(queries):.2f} ms/query, bm25s retrieve {q_bm25s * 1000 / len(queries):.2f} ms/query")

    rng = np.random.default_rng(0)
    mask = rng.random(n_docs) < 0.1
    agree = 0
    for q in queries:
        mine = [d for d, _ in top_k(np.where(mask, ours.scores(q), 0.0), 10, positive_only=True)]
        if rob.get_tokens_ids(q):
            docs, scores = rob.retrieve([q], k=10, weight_mask=mask.astype(np.float32), show_progress=False)
            theirs = [int(d) for d, s in zip(docs[0], scores[0]) if s > 0]
        else:
            theirs = []
        agree += mine == theirs
    print(f"filtered to a random 10% of passages: same top 10 from ours (mask) and bm25s (weight_mask) in "
          f"{agree}/{len(queries)} queries")

    runs = {name: {qid: [data.doc_ids[d] for d, _ in ranked] for qid, ranked in zip(data.query_ids, ranked_lists)}
            for name, ranked_lists in lists.items()}
    for name, run in runs.items():
        m = beir.score_runs(run, data.qrels)
        print(f"quality {name:<20} nDCG@10 {m['ndcg@10']:.4f}  Recall@100 {m['recall@100']:.4f}  MRR@10 {m['mrr@10']:.4f}")
    return runs["ours"]


def compare_on_index(index_dir: Path, questions: Path) -> None:
    import json

    import bm25s

    from qa.evaluation.questions import load_questions

    rows = [json.loads(line) for line in (index_dir / "current" / "passages.jsonl").read_text().splitlines() if line]
    tokens = [tokenize(r["text"]) for r in rows]
    queries = [tokenize(q["question"]) for q in load_questions(questions)]
    ours = BM25Index.build(tokens, k1=K1, b=B)
    theirs = bm25s.BM25(k1=K1, b=B, method="robertson")
    theirs.index(tokens, show_progress=False)
    df = np.diff(ours.matrix.indptr)
    common = sorted((t for t, col in ours.vocabulary.items() if df[col] > len(rows) / 2))
    worst, same = 0.0, 0
    for q in queries:
        mine = ours.scores(q)
        other = (theirs.get_scores(q) if theirs.get_tokens_ids(q) else np.zeros(len(rows))) * (K1 + 1)
        worst = max(worst, float(np.max(np.abs(other - mine))))
        same += [d for d, _ in top_k(mine, 5, True)] == [d for d, _ in top_k(other, 5, True)]
    print(f"\n== 1b. the same on {index_dir} ({len(rows)} passages) with {len(queries)} questions from {questions.name}")
    print(f"stems in more than half the passages: {len(common)} ({', '.join(common)})")
    print(f"bm25s robertson x (k1+1): largest |score - ours| {worst:.3f}; same top 5 in {same}/{len(queries)} questions")


def compare_metrics(data, runs: dict[str, dict[str, list[str]]]) -> None:
    import ir_measures

    version = getattr(ir_measures, "__version__", "")
    print(f"\n== 2. metrics: hand-written vs ir-measures {version} (qa/evaluation/beir.py), {len(data.query_ids)} queries")
    print(f"{'run':<8}{'metric':<12}{'hand-written':>16}{'ir-measures':>16}{'largest per-query diff':>26}")
    for name, run in runs.items():
        for m, ref in REFERENCE.items():
            mine = {qid: ref(ranked, data.qrels.get(qid, {})) for qid, ranked in run.items()}
            lib = beir.metric(m, run, data.qrels)
            worst = max(abs(mine[q] - lib[q]) for q in run)
            print(f"{name:<8}{m:<12}{sum(mine.values()) / len(run):>16.10f}{sum(lib.values()) / len(run):>16.10f}"
                  f"{worst:>26.1e}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory")
    parser.add_argument("--split", default="test")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-dense", action="store_true", help="metrics on the BM25 run only (no model needed)")
    parser.add_argument("--index", type=Path, help="a built index (qa ingest --index-dir) to compare BM25 on too")
    parser.add_argument("--questions", type=Path, help="with --index: a question set (JSON lines with 'question')")
    args = parser.parse_args()
    data = beir.load_beir(Path(args.directory), args.split)
    print(f"{data.name} {args.split}: {len(data.doc_ids)} documents, {len(data.query_ids)} queries")
    runs = {"bm25": compare_bm25(data, args.repeat)}
    if args.index and args.questions:
        compare_on_index(args.index, args.questions)
    if not args.no_dense:
        from qa.config import load_settings

        retriever = beir.BeirRetriever(data, load_settings())
        both = retriever.runs()
        runs.update(dense=both.dense, hybrid=both.hybrid)
    compare_metrics(data, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
