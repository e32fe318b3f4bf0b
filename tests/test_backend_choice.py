"""The embedding backend is chosen by measurement on this machine, cached, recorded in the manifest, and the
backend it picks gives the reference's vectors on the probe set."""
import json

import numpy as np
import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("torch")

from qa.index import backend_choice, onnx_backend  # noqa: E402
from qa.config import load_settings, packaged_model_path  # noqa: E402
from qa.index.embedder import Embedder  # noqa: E402
from test_onnx import tiny_model  # noqa: E402,F401  (the module-scoped tiny BERT fixture)


def test_cpu_features_name_the_instruction_sets():
    f = backend_choice.cpu_features()
    assert {"avx2", "avx512", "vnni", "amx", "cores"} <= set(f)
    line = backend_choice.cpu_summary(f)
    assert "AVX2" in line and "AVX-512" in line and "VNNI" in line and "AMX" in line


def test_choice_is_measured_once_and_cached(tiny_model, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(onnx_backend, "MODEL_CACHE", tmp_path)
    monkeypatch.setattr(backend_choice, "ROUNDS", 1)
    record = backend_choice.choose(str(tiny_model), verbose=False)
    assert record["backend"] in backend_choice.CANDIDATES
    chosen = record["backends"][record["backend"]]
    assert chosen["agrees"] and chosen["cos_min"] >= backend_choice.AGREEMENT
    assert record["backends"]["torch"]["texts_per_s"] > 0 and "avx2" in record["cpu"]
    # as fast as the fastest of the agreeing backends (within the tie margin)
    eligible = [b for b, v in record["backends"].items() if v.get("agrees")]
    assert record["backends"][record["backend"]]["best_s"] <= \
        backend_choice.SPEED_TIE * min(record["backends"][b]["best_s"] for b in eligible)
    assert backend_choice.choice_path(str(tiny_model)).exists()

    def no_measuring(*a, **k):
        raise AssertionError("measured again")

    monkeypatch.setattr(backend_choice, "measure", no_measuring)
    assert backend_choice.choose(str(tiny_model))["backend"] == record["backend"]
    emb = Embedder(str(tiny_model), "auto")
    assert emb.model_id.endswith(":" + record["backend"]) and emb.backend == record["backend"]
    # --backend still overrides the choice
    assert Embedder(str(tiny_model), "onnx").model_id.endswith(":onnx")
    # questions: the agreeing backend fastest on one question at a time
    assert record["backends"][record["query_backend"]]["query_ms"] <= \
        backend_choice.SPEED_TIE * min(record["backends"][b]["query_ms"] for b in eligible)
    questions = Embedder(str(tiny_model), "auto", for_queries=True, share_with=emb)
    assert questions.model_id.endswith(":" + record["query_backend"])
    assert record["query_backend"] in backend_choice.summary(record)


def test_a_near_tie_in_speed_goes_to_the_backend_closest_to_the_reference():
    # timings as measured on one AVX-512 machine: OpenVINO (fp32) and ONNX Runtime int8 tie on batches (the choice
    # flipped between two measurements and ranked some questions differently); int8 is twice as fast per question
    results = {"torch": {"agrees": True, "cos_min": 1.0, "best_s": 1.29, "query_ms": 47.7},
               "onnx": {"agrees": True, "cos_min": 1.0, "best_s": 0.523, "query_ms": 8.61},
               "onnx-int8": {"agrees": True, "cos_min": 0.99223, "best_s": 0.3143, "query_ms": 4.56},
               "openvino": {"agrees": True, "cos_min": 0.99998, "best_s": 0.313, "query_ms": 8.21}}
    assert backend_choice.pick(results, "best_s") == "openvino"
    results["openvino"]["best_s"] = 0.3188  # the other measurement's order: the same choice
    assert backend_choice.pick(results, "best_s") == "openvino"
    assert backend_choice.pick(results, "query_ms") == "onnx-int8"  # clearly faster: speed still wins
    results["onnx-int8"]["agrees"] = False  # never a backend that does not agree, however fast
    # OpenVINO and ONNX fp32 tie in speed and in closeness (1e-5 apart): the faster
    assert backend_choice.pick(results, "query_ms") == "openvino"


def test_a_question_embedder_shares_the_loaded_runtime_when_the_backends_agree(tiny_model):  # noqa: F811
    passages = Embedder(str(tiny_model), "onnx")
    same = Embedder(str(tiny_model), "onnx", for_queries=True, share_with=passages)
    assert same.load() is passages.load()
    other = Embedder(str(tiny_model), "onnx-int8", for_queries=True, share_with=passages)
    assert other.load() is not passages.load()
    # vectors from the two runtimes are interchangeable: the same model, agreeing with each other
    q = ["How often are children in care visited by their social worker?"]
    assert float(np.dot(same.encode(q)[0], other.encode(q)[0])) > 0.95


def test_manifest_records_the_choice(tiny_model, tmp_path, monkeypatch):  # noqa: F811
    import qa.index.build as index_mod

    monkeypatch.setattr(onnx_backend, "MODEL_CACHE", tmp_path / "models")
    monkeypatch.setattr(backend_choice, "ROUNDS", 1)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Supervision\n\nInspectors found that supervision was regular but lacked "
                                  "reflection and challenge for the social workers in the team. " * 3)
    settings = load_settings(corpus_dir=corpus, index_dir=tmp_path / "index", model=str(tiny_model),
                             model_backend="auto")
    index_mod.build(settings)
    manifest = index_mod.read_live_manifest(settings.index_dir)
    emb = manifest["embedding"]
    assert emb["requested"] == "auto" and emb["backend"] == emb["choice"]["backend"]
    assert set(emb["choice"]["backends"]) == set(backend_choice.CANDIDATES)
    assert "texts/s" not in emb["summary"] and "/s" in emb["summary"]
    assert manifest["model"].endswith(":" + emb["backend"])
    json.dumps(manifest)


@pytest.mark.parametrize("backend", ["onnx-int8", "openvino", "onnx"])
def test_every_choosable_backend_agrees_with_sentence_transformers_on_the_probe_set(backend):
    """The packaged MiniLM: whichever fast backend a machine picks, its vectors match the fp32 reference
    (cosine >= 0.99 on every probe text). On this CI machine's choice, see also the cached choice file."""
    if backend == "openvino":
        pytest.importorskip("openvino")
    model = packaged_model_path()
    if not model:
        pytest.skip("packaged model not installed")
    reference = Embedder(model, "torch").encode(backend_choice.PROBE_TEXTS)
    fast = Embedder(model, backend)
    vectors = fast.encode(backend_choice.PROBE_TEXTS)
    assert fast.backend == backend
    cos = (vectors * reference).sum(axis=1)
    assert cos.min() >= backend_choice.AGREEMENT, cos.round(4).tolist()
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
