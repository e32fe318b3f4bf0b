"""`qa ingest --ray`: the optional [scale] extra (Ray Data). Skipped where ray is not installed, as the extra is
optional; where it is, a local Ray embeds through the product's embedder and leaves nothing behind."""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

ray = pytest.importorskip("ray")


def test_ray_ingest_gives_the_in_process_vectors_and_cleans_up(tmp_path, monkeypatch, capsys):
    from qa.cli import main
    from qa.index.store import IndexStore

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n, topic in enumerate(["supervision of social workers", "chronologies on case files",
                               "care leavers and their personal advisers"]):
        (corpus / f"letter{n}.txt").write_text(f"Letter {n}\n\nInspectors wrote about {topic}. " * 3 + "\n")
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))  # Ray must not write into the real home (~/.ray)
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    before = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("qa-ray-*"))
    assert main(["ingest", "--ray", "--corpus-dir", str(corpus), "--index-dir", str(tmp_path / "ray")]) == 0
    assert main(["ingest", "--corpus-dir", str(corpus), "--index-dir", str(tmp_path / "plain")]) == 0
    out = capsys.readouterr().out
    with_ray, plain = IndexStore(tmp_path / "ray").load(), IndexStore(tmp_path / "plain").load()
    assert out.count(f"{len(plain.passages)} embedded)") == 2  # both embedded every passage
    assert with_ray.manifest["model"] == plain.manifest["model"]
    np.testing.assert_allclose(with_ray.embeddings(), plain.embeddings(), atol=1e-5)
    assert not ray.is_initialized()
    assert set(Path(os.environ.get("TMPDIR", "/tmp")).glob("qa-ray-*")) == before  # its temp folder removed
    assert not (home / ".ray").exists()
