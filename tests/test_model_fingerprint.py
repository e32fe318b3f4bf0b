"""The one model fingerprint (qa.index.embedder.model_fingerprint) hashes the model folder's contents: it keys the
index manifests' model id, the ONNX exports and the measured backend choice."""
import os

from qa.index import onnx_backend
from qa.index.embedder import model_fingerprint


def _model(root):
    (root / "1_Pooling").mkdir(parents=True)
    (root / "config.json").write_text('{"hidden_size": 32}')
    (root / "model.safetensors").write_bytes(b"\x00" * 64)
    (root / "1_Pooling" / "config.json").write_text('{"pooling_mode_mean_tokens": true}')
    return root


def _replace(path, data):
    tmp = path.with_name(path.name + ".new")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def test_same_contents_same_fingerprint_whatever_the_times_and_folder(tmp_path):
    a = _model(tmp_path / "a" / "model")
    b = _model(tmp_path / "b" / "model")
    first = model_fingerprint(str(a))
    assert first == model_fingerprint(str(b)) != "missing"
    os.utime(a / "model.safetensors", (1_000_000, 1_000_000))  # a reinstall of the same files
    assert model_fingerprint(str(a)) == first
    assert onnx_backend.export_dir(a, tmp_path) == onnx_backend.export_dir(b, tmp_path)


def test_other_weights_of_the_same_size_or_a_changed_subfolder_change_it(tmp_path):
    model = _model(tmp_path / "model")
    first = model_fingerprint(str(model))
    _replace(model / "model.safetensors", b"\x01" * 64)  # as an install does: a new file in its place
    second = model_fingerprint(str(model))
    assert second != first
    _replace(model / "1_Pooling" / "config.json", b'{"pooling_mode_cls_token": true}')
    assert model_fingerprint(str(model)) not in (first, second)


def test_missing_or_empty_folder(tmp_path):
    assert model_fingerprint(str(tmp_path / "nowhere")) == "missing"
    assert model_fingerprint(str(tmp_path)) == "missing"
