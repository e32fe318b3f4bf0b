"""BEIR evaluation: loading, metrics and the end-to-end eval on a tiny dataset made here."""
import json
import math

import numpy as np
import pytest

from qa.evaluation import beir
from qa.evaluation.beir import load_beir, mrr_at, ndcg_at, recall_at, score_runs
from qa.config import Settings


def write_beir(root, docs, queries, qrels, split="test"):
    root.mkdir(parents=True, exist_ok=True)
    with open(root / "corpus.jsonl", "w") as fh:
        for _id, title, text in docs:
            fh.write(json.dumps({"_id": _id, "title": title, "text": text}) + "\n")
    with open(root / "queries.jsonl", "w") as fh:
        for _id, text in queries:
            fh.write(json.dumps({"_id": _id, "text": text, "metadata": {}}) + "\n")
    (root / "qrels").mkdir(exist_ok=True)
    with open(root / "qrels" / f"{split}.tsv", "w") as fh:
        fh.write("query-id\tcorpus-id\tscore\n")
        for q, d, s in qrels:
            fh.write(f"{q}\t{d}\t{s}\n")
    return root


DOCS = [
    ("d1", "Vitamin D and bone density", "Vitamin D supplements increase bone mineral density in older adults."),
    ("d2", "Smoking and lung cancer", "Tobacco smoking is the leading cause of lung cancer worldwide."),
    ("d3", "Exercise and the heart", "Regular aerobic exercise lowers resting heart rate and blood pressure."),
    ("d4", "Sleep", "Short sleep duration is associated with obesity in children."),
]
QUERIES = [("q1", "Does vitamin D improve bone density?"), ("q2", "smoking causes lung cancer"),
           ("q3", "unrelated query with no judgement")]
QRELS = [("q1", "d1", 1), ("q2", "d2", 1)]


class FakeEmbedder:
    """Bag-of-letters vectors: deterministic, no model needed."""

    model_id = "fake:test"

    def __init__(self):
        self.calls = 0

    def encode(self, texts, show_progress=False):
        self.calls += 1
        out = np.zeros((len(texts), 26), dtype=np.float32)
        for i, t in enumerate(texts):
            for c in t.lower():
                if "a" <= c <= "z":
                    out[i, ord(c) - 97] += 1
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
        return out


def test_metrics_match_hand_computed_values():
    rels = {"a": 1, "b": 1}
    assert ndcg_at(["a", "b", "c"], rels) == pytest.approx(1.0)
    assert ndcg_at(["x", "a"], rels) == pytest.approx((1 / math.log2(3)) / (1 + 1 / math.log2(3)))
    assert ndcg_at(["x", "a"], {"a": 1}) == pytest.approx(1 / math.log2(3))
    assert ndcg_at(["x", "y"], rels) == 0.0
    assert recall_at(["a", "x"], rels, 100) == 0.5
    assert recall_at(["x"] * 100 + ["a"], rels, 100) == 0.0
    assert mrr_at(["x", "y", "a"], rels) == pytest.approx(1 / 3)
    assert mrr_at(["x"] * 10 + ["a"], rels) == 0.0
    # graded relevance uses exponential gain, as pytrec_eval / BEIR
    assert ndcg_at(["b", "a"], {"a": 2, "b": 1}) == pytest.approx((1 + 3 / math.log2(3)) / (3 + 1 / math.log2(3)))
    assert score_runs({"q": ["a"]}, {"q": rels}) == {"ndcg@10": round(1 / (1 + 1 / math.log2(3)), 4),
                                                   "recall@100": 0.5, "mrr@10": 1.0}


def test_load_beir_reads_split_and_skips_unjudged_queries(tmp_path):
    root = write_beir(tmp_path / "tiny", DOCS, QUERIES, QRELS)
    data = load_beir(root, "test")
    assert data.name == "tiny" and data.doc_ids == ["d1", "d2", "d3", "d4"]
    assert data.query_ids == ["q1", "q2"]
    assert data.passages()[0].startswith("Vitamin D and bone density\n")
    with pytest.raises(FileNotFoundError):
        load_beir(root, "dev")


def test_evaluate_beir_end_to_end_and_embedding_cache(tmp_path):
    root = write_beir(tmp_path / "tiny", DOCS, QUERIES, QRELS)
    embedder = FakeEmbedder()
    cache = tmp_path / "cache"
    settings = Settings()
    result = beir.evaluate_beir(root, "test", settings, embedder=embedder, cache_dir=cache)
    assert set(result) >= {"bm25", "dense", "hybrid"}
    for name in ("bm25", "dense", "hybrid"):
        assert set(result[name]) == {"ndcg@10", "recall@100", "mrr@10"}
        assert all(0.0 <= v <= 1.0 for v in result[name].values())
    assert result["bm25"]["ndcg@10"] == 1.0 and result["hybrid"]["recall@100"] == 1.0
    calls = embedder.calls
    assert calls == 2 and len(list(cache.glob("*.npy"))) == 2
    again = beir.evaluate_beir(root, "test", settings, embedder=embedder, cache_dir=cache)
    assert embedder.calls == calls  # second run reads the cache
    assert {k: again[k] for k in ("bm25", "dense", "hybrid")} == {k: result[k] for k in ("bm25", "dense", "hybrid")}
    convex = beir.evaluate_beir(root, "test", settings.with_(fusion="convex", dense_weight=0.5, bm25_weight=0.5),
                                embedder=embedder, cache_dir=cache)
    assert convex["hybrid"]["ndcg@10"] == 1.0


def test_run_cli_json_and_table(tmp_path, monkeypatch, capsys):
    root = write_beir(tmp_path / "tiny", DOCS, QUERIES, QRELS)
    monkeypatch.setattr(beir, "Embedder", lambda *a, **k: FakeEmbedder())
    import io

    out = io.StringIO()
    assert beir.run_cli(str(root), "test", as_json=True, settings=Settings(), out=out,
                        cache_dir=tmp_path / "cache") == 0
    data = json.loads(out.getvalue())
    assert set(data["hybrid"]) == {"ndcg@10", "recall@100", "mrr@10"}
    out = io.StringIO()
    assert beir.run_cli(str(root), "test", as_json=False, settings=Settings(), out=out,
                        cache_dir=tmp_path / "cache") == 0
    assert "hybrid" in out.getvalue() and "ndcg@10" in out.getvalue()
    assert beir.run_cli(str(tmp_path / "missing"), "test", settings=Settings()) == 2


# ---------------------------------------------------------------- bench helpers (bench/speed.py uses the BEIR data)


def test_bench_corpus_cache_and_table(tmp_path, monkeypatch):
    from bench import speed as bench

    sci = write_beir(tmp_path / "scifact", DOCS, QUERIES, QRELS)
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "a.txt").write_text("The council improved its services. " * 40)
    monkeypatch.setattr(bench, "SCIFACT", sci)
    real = bench.real_passages(sci, seed)
    assert real[0][0] == "d1" and real[1][0] == "d2"  # relevant abstracts first
    assert any(d.startswith("seed:") for d, _ in real)
    monkeypatch.setattr(bench, "real_passages", lambda: real)
    shuffled = bench.build_corpus(len(real) + 5, "shuffle")
    assert len(shuffled) == len(real) + 5 and shuffled[-1][0].startswith("syn:")
    replicated = bench.build_corpus(2 * len(real), "replicate")
    assert replicated[len(real):] == real
    assert bench.build_corpus(2) == real[:2]

    calls = []

    def encode(texts):
        calls.append(len(texts))
        return FakeEmbedder().encode(texts)

    cache = bench.VectorCache("fake:test", tmp_path / "cache")
    texts = [t for _, t in replicated]
    vectors, fresh, _ = cache.get(texts, encode)
    assert fresh == len(real) and sum(calls) == len(real)  # each distinct text embedded once
    assert vectors.shape == (len(texts), 26)
    again = bench.VectorCache("fake:test", tmp_path / "cache")
    vectors2, fresh2, _ = again.get(texts, encode)
    assert fresh2 == 0 and np.array_equal(vectors, vectors2)

    p = bench.percentiles([0.001, 0.002, 0.003])
    assert p["p50_ms"] == 2.0 and p["queries"] == 3
    assert bench.quality([["d1", "d1", "d3"]], ["q1"], {"q1": {"d1": 1}})["ndcg@10"] == 1.0
    row = {"system": "x", "size": 10, "ingest_passages_per_s": 100.0, "index_mb": 1.0, "peak_rss_mb": 100.0,
           "latency": {"p50_ms": 2.0, "p95_ms": 4.0}, "quality": {"ndcg@10": 0.7, "recall@100": 0.9}}
    lc = dict(row, latency={"p50_ms": 40.0, "p95_ms": 80.0}, quality={"ndcg@10": 0.6, "recall@100": 0.8})
    ratios = bench.ratios(row, lc)
    assert ratios["query_p50_speedup"] == 20.0 and ratios["ndcg@10_delta"] == 0.1
    table = bench.format_table({"sizes": [{"size": 10, "product": row, "langchain": lc, "ratios": ratios}]})
    assert "20.0x faster" in table
