"""Evaluate the product's retrieval (its BM25, its embedder, its fusion) on a BEIR-format dataset.

A BEIR directory holds corpus.jsonl ({"_id", "title", "text"}), queries.jsonl ({"_id", "text"}) and
qrels/<split>.tsv (query-id, corpus-id, score, with a header line). Each document is indexed as one
passage, title + text. Prints nDCG@10, Recall@100 and MRR@10 for BM25 alone, dense alone and the hybrid.

Embeddings are cached under .cache/beir/ keyed by dataset, model and a hash of the texts, so a second
run only embeds what changed (nothing, usually).

    python -m qa.evaluation.beir /work/shared/benchmarks/scifact --split test [--json]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from qa.index.sparse import BM25Index, top_k
from qa.config import MODEL_BACKENDS, ROOT, Settings, load_settings
from qa.index.dense import DenseIndex
from qa.index.embedder import Embedder
from qa.retrieval.fusion import get_fusion, hybrid_lists

CACHE_DIR = ROOT / ".cache" / "beir"
METRICS = ("ndcg@10", "recall@100", "mrr@10")
DEPTH = 100  # how deep each ranking is evaluated (Recall@100)


@dataclass
class BeirData:
    name: str
    doc_ids: list[str]
    titles: list[str]
    texts: list[str]
    query_ids: list[str]
    queries: list[str]
    qrels: dict[str, dict[str, int]] = field(default_factory=dict)

    def passages(self) -> list[str]:
        """What is indexed: title and text (as BEIR's own baselines do)."""
        return [f"{t}\n{x}" if t else x for t, x in zip(self.titles, self.texts)]


def _read_jsonl(path: Path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def read_qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            try:
                score = int(float(parts[2]))
            except ValueError:
                if n == 0:
                    continue  # header: query-id corpus-id score
                raise
            qrels.setdefault(parts[0], {})[parts[1]] = score
    return qrels


def load_beir(directory: Path, split: str = "test") -> BeirData:
    directory = Path(directory)
    for need in ("corpus.jsonl", "queries.jsonl", f"qrels/{split}.tsv"):
        if not (directory / need).exists():
            raise FileNotFoundError(f"{directory / need} not found (is {directory} a BEIR dataset?)")
    doc_ids, titles, texts = [], [], []
    for row in _read_jsonl(directory / "corpus.jsonl"):
        doc_ids.append(str(row["_id"]))
        titles.append((row.get("title") or "").strip())
        texts.append((row.get("text") or "").strip())
    qrels = read_qrels(directory / "qrels" / f"{split}.tsv")
    query_text = {str(r["_id"]): r.get("text", "") for r in _read_jsonl(directory / "queries.jsonl")}
    query_ids = [q for q in qrels if q in query_text and any(s > 0 for s in qrels[q].values())]
    return BeirData(directory.name, doc_ids, titles, texts, query_ids, [query_text[q] for q in query_ids], qrels)


# ---------------------------------------------------------------- metrics
# Computed by ir-measures (its pytrec_eval provider for nDCG and recall, the MS MARCO one for MRR@10): the same
# figures as the hand-written versions it replaced, to the last digit on SciFact (bench/library_choices.py).
# A ranking is cut at the metric's depth before it is scored; a document listed twice counts once.


def _gains(qrels: dict[str, dict[str, int]]) -> dict[int, int]:
    """Exponential gain (2^rel - 1), as BEIR's papers define nDCG; trec_eval's own default is the level itself."""
    return {r: 2 ** r - 1 for rels in qrels.values() for r in rels.values() if r > 0}


def _scored(ranked: list[str], k: int) -> dict[str, float]:
    """A ranking as the scores ir-measures reads: strictly decreasing, so the order is kept (no ties to break)."""
    out: dict[str, float] = {}
    for i, doc in enumerate(ranked[:k]):
        out.setdefault(doc, float(-i))
    return out


def metric(name: str, runs: dict[str, list[str]], qrels: dict[str, dict[str, int]], k: int | None = None) -> dict:
    """One of METRICS for each query in `runs`, at depth k (default: the name's); a query without judgements or
    without results scores 0."""
    import ir_measures
    from ir_measures import RR, R, nDCG

    k = k or int(name.split("@")[1])
    judged = {qid: rels for qid, rels in qrels.items() if qid in runs and any(r > 0 for r in rels.values())}
    run = {qid: docs for qid, docs in ((q, _scored(r, k)) for q, r in runs.items()) if docs}
    measure = {"ndcg": lambda: nDCG(gains=_gains(judged)), "recall": lambda: R, "mrr": lambda: RR}[name.split("@")[0]]()
    out = dict.fromkeys(runs, 0.0)
    if run and judged:
        for value in ir_measures.iter_calc([measure @ k], judged, run):
            out[value.query_id] = float(value.value)
    return out


def ndcg_at(ranked: list[str], rels: dict[str, int], k: int = 10) -> float:
    return metric("ndcg@10", {"q": ranked}, {"q": rels}, k)["q"]


def recall_at(ranked: list[str], rels: dict[str, int], k: int = 100) -> float:
    return metric("recall@100", {"q": ranked}, {"q": rels}, k)["q"]


def mrr_at(ranked: list[str], rels: dict[str, int], k: int = 10) -> float:
    return metric("mrr@10", {"q": ranked}, {"q": rels}, k)["q"]


def score_runs(runs: dict[str, list[str]], qrels: dict[str, dict[str, int]]) -> dict[str, float]:
    """Mean of each metric over the queries in `runs` (BEIR's definitions: nDCG with exponential gain)."""
    n = max(len(runs), 1)
    return {m: round(sum(metric(m, runs, qrels).values()) / n, 4) for m in METRICS}


# ---------------------------------------------------------------- embeddings cache


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)


def cached_encode(embedder: Embedder, texts: list[str], tag: str, cache_dir: Path | None = CACHE_DIR,
                  progress: bool = False) -> np.ndarray:
    """Embed `texts`, reading/writing .cache/beir/<tag>-<model>-<hash>.npy."""
    digest = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()[:16]
    path = None
    if cache_dir is not None:
        path = Path(cache_dir) / f"{_safe(tag)}-{_safe(embedder.model_id)}-{digest}.npy"
        if path.exists():
            vectors = np.load(path)
            if len(vectors) == len(texts):
                return vectors
    vectors = embedder.encode(texts, show_progress=progress)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npy")
        np.save(tmp, vectors)
        tmp.replace(path)
    return vectors


# ---------------------------------------------------------------- retrieval


@dataclass
class BeirRuns:
    bm25: dict[str, list[str]]
    dense: dict[str, list[str]]
    hybrid: dict[str, list[str]]


class BeirRetriever:
    """The product's retrievers built over one BEIR corpus, kept so fusion settings can be varied cheaply."""

    def __init__(self, data: BeirData, settings: Settings, embedder: Embedder | None = None,
                 cache_dir: Path | None = CACHE_DIR, progress: bool = False,
                 tokenizer_options: dict | None = None, bm25_params: dict | None = None):
        self.data = data
        self.settings = settings
        passages = data.passages()
        from qa.terms import tokenize

        opts = tokenizer_options or {}
        self.bm25 = BM25Index.build([tokenize(p, **opts) for p in passages], tokenizer_options=opts,
                                    **(bm25_params or {}))
        self.embedder = embedder or Embedder(settings.model_path, settings.model_backend)
        # As the product does: questions through the runtime chosen for single questions (see Assistant)
        questions = embedder or Embedder(settings.model_path, settings.model_backend, for_queries=True,
                                         share_with=self.embedder)
        self.doc_vectors = cached_encode(self.embedder, passages, f"{data.name}-corpus", cache_dir, progress)
        self.query_vectors = cached_encode(questions, data.queries, f"{data.name}-queries", cache_dir, progress)
        self.dense = DenseIndex.build(self.doc_vectors)

    def bm25_lists(self, depth: int) -> list[list[tuple[int, float]]]:
        return [self.bm25.search(q, depth) for q in self.data.queries]

    def dense_lists(self, depth: int) -> list[list[tuple[int, float]]]:
        scores, ids = self.dense.index.search(self.query_vectors, min(depth, len(self.dense)))
        return [[(int(i), float(s)) for i, s in zip(r_ids, r_sc) if i >= 0] for r_ids, r_sc in zip(ids, scores)]

    def _to_ids(self, lists: list[list[tuple[int, float]]]) -> dict[str, list[str]]:
        return {qid: [self.data.doc_ids[r] for r, _ in ranked[:DEPTH]]
                for qid, ranked in zip(self.data.query_ids, lists)}

    def hybrid_lists(self, bm25: list, dense: list, settings: Settings | None = None) -> list:
        s = settings or self.settings
        fuse = get_fusion(s.fusion)
        out = []
        for qi, (b, d) in enumerate(zip(bm25, dense)):
            lists = hybrid_lists(b[:s.candidates], d[:s.candidates], s.fusion,
                                 bm25_scores=lambda rows, q=qi: self._bm25_scores(q, rows),
                                 dense_scores=lambda rows, q=qi: self.doc_vectors[rows] @ self.query_vectors[q])
            out.append(fuse(lists, k=s.rrf_k, weights={"bm25": s.bm25_weight, "dense": s.dense_weight}))
        return out

    def _bm25_scores(self, q: int, rows: np.ndarray) -> np.ndarray:
        return self.bm25.scores(self.bm25.query_terms(self.data.queries[q]))[rows]

    def runs(self, settings: Settings | None = None) -> BeirRuns:
        s = settings or self.settings
        depth = max(DEPTH, s.candidates)
        b, d = self.bm25_lists(depth), self.dense_lists(depth)
        return BeirRuns(self._to_ids(b), self._to_ids(d), self._to_ids(self.hybrid_lists(b, d, s)))


def evaluate_beir(directory: Path, split: str = "test", settings: Settings | None = None,
                  embedder: Embedder | None = None, cache_dir: Path | None = CACHE_DIR,
                  progress: bool = False) -> dict:
    settings = settings or load_settings()
    started = time.perf_counter()
    data = load_beir(directory, split)
    retriever = BeirRetriever(data, settings, embedder, cache_dir, progress)
    runs = retriever.runs()
    result = {name: score_runs(getattr(runs, name), data.qrels) for name in ("bm25", "dense", "hybrid")}
    result["meta"] = {"dataset": data.name, "split": split, "documents": len(data.doc_ids),
                      "queries": len(data.query_ids), "model": retriever.embedder.model_id,
                      "fusion": settings.fusion, "rrf_k": settings.rrf_k, "bm25_weight": settings.bm25_weight,
                      "dense_weight": settings.dense_weight, "candidates": settings.candidates,
                      "seconds": round(time.perf_counter() - started, 1)}
    return result


def format_table(result: dict) -> str:
    meta = result.get("meta", {})
    lines = [f"{meta.get('dataset', '')} ({meta.get('split', '')}: {meta.get('documents', '?')} documents, "
             f"{meta.get('queries', '?')} queries, model {meta.get('model', '')}, fusion {meta.get('fusion', '')})",
             f"{'retriever':<10}" + "".join(f"{m:>12}" for m in METRICS)]
    for name in ("bm25", "dense", "hybrid"):
        lines.append(f"{name:<10}" + "".join(f"{result[name][m]:>12.4f}" for m in METRICS))
    return "\n".join(lines)


def run_cli(directory: str, split: str = "test", as_json: bool = False, settings: Settings | None = None,
            out=None, cache_dir: Path | None = CACHE_DIR) -> int:
    """Entry point for `qa eval --beir DIR [--split test] [--json]`; returns an exit code."""
    out = out or sys.stdout
    try:
        result = evaluate_beir(Path(directory), split, settings, cache_dir=cache_dir,
                               progress=not as_json and out.isatty())
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if as_json:
        print(json.dumps(result, indent=1), file=out)
    else:
        print(format_table(result), file=out)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qa.evaluation.beir", description=__doc__.split("\n\n")[0])
    parser.add_argument("directory")
    parser.add_argument("--split", default="test")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--backend", choices=MODEL_BACKENDS, default=None)
    args = parser.parse_args(argv)
    return run_cli(args.directory, args.split, args.json, load_settings(model_backend=args.backend))


if __name__ == "__main__":
    sys.exit(main())
