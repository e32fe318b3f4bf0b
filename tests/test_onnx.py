"""The ONNX (and OpenVINO) inference path gives the same embeddings as sentence-transformers.

Uses a tiny randomly initialised BERT written here with the packaged model's tokenizer and
sentence-transformers configuration, so the export, quantisation and inference code runs in seconds.
"""
import shutil
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")
torch = pytest.importorskip("torch")

from qa.config import packaged_model_path  # noqa: E402

TEXTS = ["Inspectors found that children in care are visited regularly.", "hello", "",
         "A much longer passage " * 30]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    source = Path(packaged_model_path() or "/nonexistent")
    if not (source / "tokenizer.json").exists():
        pytest.skip("packaged model not installed")
    from transformers import BertConfig, BertModel

    root = tmp_path_factory.mktemp("tiny-minilm")
    for name in ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json",
                 "modules.json", "sentence_bert_config.json", "config_sentence_transformers.json"):
        if (source / name).exists():
            shutil.copy(source / name, root / name)
    shutil.copytree(source / "1_Pooling", root / "1_Pooling")
    (root / "1_Pooling" / "config.json").write_text(
        (source / "1_Pooling" / "config.json").read_text().replace("384", "32"))
    torch.manual_seed(0)
    config = BertConfig(vocab_size=30522, hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                        intermediate_size=64, max_position_embeddings=512)
    BertModel(config).eval().save_pretrained(root)
    return root


def _reference(model_dir, texts):
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
    return model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)


def test_onnx_fp32_matches_sentence_transformers(tiny_model, tmp_path):
    from qa.index.onnx_backend import OnnxSentenceEncoder

    enc = OnnxSentenceEncoder(tiny_model, "onnx", cache_dir=tmp_path)
    got = enc.encode(TEXTS, batch_size=2, normalize_embeddings=True)
    ref = _reference(tiny_model, TEXTS)
    assert got.shape == ref.shape == (len(TEXTS), 32)
    np.testing.assert_allclose(got, ref, atol=1e-4)
    assert enc.get_sentence_embedding_dimension() == 32
    assert enc.encode("hello").shape == (32,)
    assert enc.encode([]).shape == (0, 32)
    # The export is cached: a second encoder reuses the file.
    mtime = enc.onnx_path.stat().st_mtime_ns
    again = OnnxSentenceEncoder(tiny_model, "onnx", cache_dir=tmp_path)
    assert again.onnx_path == enc.onnx_path and again.onnx_path.stat().st_mtime_ns == mtime


def test_onnx_int8_is_close_and_smaller(tiny_model, tmp_path):
    from qa.index.onnx_backend import OnnxSentenceEncoder

    fp32 = OnnxSentenceEncoder(tiny_model, "onnx", cache_dir=tmp_path)
    int8 = OnnxSentenceEncoder(tiny_model, "onnx-int8", cache_dir=tmp_path)
    assert int8.onnx_path != fp32.onnx_path
    assert int8.onnx_path.stat().st_size < fp32.onnx_path.stat().st_size
    a = fp32.encode(TEXTS, normalize_embeddings=True)
    b = int8.encode(TEXTS, normalize_embeddings=True)
    assert np.all((a * b).sum(axis=1) > 0.9)


def test_openvino_matches_onnx(tiny_model, tmp_path):
    pytest.importorskip("openvino")
    from qa.index.onnx_backend import OnnxSentenceEncoder

    ref = OnnxSentenceEncoder(tiny_model, "onnx", cache_dir=tmp_path).encode(TEXTS, normalize_embeddings=True)
    got = OnnxSentenceEncoder(tiny_model, "openvino", cache_dir=tmp_path).encode(TEXTS, normalize_embeddings=True)
    assert np.all((ref * got).sum(axis=1) > 0.99)


def test_embedder_uses_the_onnx_backend(tiny_model, tmp_path, monkeypatch):
    from qa.index import onnx_backend
    from qa.index.embedder import Embedder

    monkeypatch.setattr(onnx_backend, "MODEL_CACHE", tmp_path)
    emb = Embedder(str(tiny_model), "onnx-int8")
    vectors = emb.encode(TEXTS[:2])
    assert vectors.shape == (2, 32) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert emb.model_id.endswith(":onnx-int8") and emb.dimension == 32


def test_unknown_backend_is_rejected(tiny_model, tmp_path):
    from qa.index.onnx_backend import OnnxSentenceEncoder

    with pytest.raises(ValueError):
        OnnxSentenceEncoder(tiny_model, "tensorrt", cache_dir=tmp_path)


def test_openvino_streams_give_each_batch_its_own_rows(tiny_model, tmp_path, monkeypatch):
    """Many small batches through OpenVINO's parallel streams (one Python thread drives them): every text's
    vector is the one it gets alone, whatever the batch size (QA_EMBED_BATCH)."""
    pytest.importorskip("openvino")
    from qa.index.onnx_backend import OnnxSentenceEncoder

    texts = [f"Passage {i}: " + "inspectors found regular supervision " * (i % 7 + 1) for i in range(23)]
    alone = OnnxSentenceEncoder(tiny_model, "onnx", cache_dir=tmp_path, workers=1)
    ref = np.stack([alone.encode([t], normalize_embeddings=True)[0] for t in texts])
    for size in ("1", "4", "16"):
        monkeypatch.setenv("QA_EMBED_BATCH", size)
        enc = OnnxSentenceEncoder(tiny_model, "openvino", cache_dir=tmp_path, workers=2, threads=1)
        assert enc.max_batch == int(size) and enc.session.streams == 2
        got = enc.encode(texts, normalize_embeddings=True)
        assert np.all((ref * got).sum(axis=1) > 0.99)


def test_a_handful_of_texts_is_dealt_over_the_workers(tiny_model, tmp_path, monkeypatch):
    """A question's few answer sentences run on every core (one batch each would leave one idle), each text's
    vector the one it gets alone."""
    from qa.index.onnx_backend import OnnxSentenceEncoder

    texts = ["Inspectors found that supervision is regular.", "Caseloads are manageable for most social workers "
             "in the assessment teams.", "Return home interviews are offered.", "Plans are specific."]
    enc = OnnxSentenceEncoder(tiny_model, "onnx", cache_dir=tmp_path, workers=2, threads=1)
    alone = np.stack([enc.encode([t], normalize_embeddings=True)[0] for t in texts])
    batches = []
    run = enc._run
    monkeypatch.setattr(enc, "_run", lambda encodings: batches.append(len(encodings)) or run(encodings))
    got = enc.encode(texts, normalize_embeddings=True)
    assert sorted(batches) == [2, 2]
    assert np.all((alone * got).sum(axis=1) > 0.999)
    batches.clear()
    enc.encode(texts + texts[:1])  # five texts: three and two, not four and one
    assert sorted(batches) == [2, 3] and enc.max_batch == 4
    batches.clear()
    enc.encode(texts + texts)  # eight: two full batches already keep both cores busy
    assert batches == [4, 4]
    batches.clear()
    enc.workers = 1
    enc.encode(texts[:3])
    assert batches == [3]
