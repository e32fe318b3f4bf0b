import numpy as np

from bench.speed import VectorCache


def test_bench_vector_cache_returns_each_texts_vector_and_reuses_them(tmp_path):
    def encode(texts):
        return np.array([[len(t), t.count("a")] for t in texts], dtype=np.float32)

    texts = [("a" * (i % 5)) + f"text {i}" for i in range(45)]
    texts.append(texts[3])  # a repeat is embedded once
    cache = VectorCache("m", directory=tmp_path)
    vectors, fresh, _ = cache.get(texts, encode, batch=4)
    assert fresh == 45 and np.array_equal(vectors, encode(texts))
    again, fresh_again, _ = VectorCache("m", directory=tmp_path).get(texts[::-1], encode, batch=4)
    assert fresh_again == 0 and np.array_equal(again, encode(texts[::-1]))
