"""What the served app exposes: nothing outside the corpus, loopback only by default."""
import os
import runpy
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import qa.index.build as index_mod
from qa.config import ROOT, load_settings

loadtest = runpy.run_path(str(ROOT / "bench" / "loadtest.py"))


@pytest.mark.slow
def test_no_endpoint_serves_files_outside_the_corpus():
    workdir = Path(tempfile.mkdtemp(prefix="qa-sec-"))
    secret = workdir / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    port = loadtest["free_port"]()
    proc = loadtest["start_server"](workdir, port)
    try:
        base = f"http://127.0.0.1:{port}"
        for path in ["/gradio_api/file=/etc/passwd", f"/gradio_api/file={secret}", "/file=/etc/passwd",
                     "/gradio_api/file=../../../../etc/passwd", f"/gradio_api/file={ROOT}/pyproject.toml",
                     "/gradio_api/file=%2Fetc%2Fpasswd", f"/gradio_api/file={workdir}/index/current/manifest.json"]:
            try:
                body = urllib.request.urlopen(base + path, timeout=10).read().decode(errors="replace")
            except urllib.error.HTTPError as exc:
                assert exc.code in (400, 403, 404, 405), (path, exc.code)
                continue
            assert "root:" not in body and "TOP-SECRET-MARKER" not in body and "qa-evidence" not in body, path
        # bound to loopback only
        listening = subprocess.run(["ss", "-ltnp"], capture_output=True, text=True).stdout
        lines = [l for l in listening.splitlines() if f":{port} " in l]
        assert lines and all("127.0.0.1:" in l for l in lines), lines
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.mark.slow
def test_build_killed_mid_way_leaves_the_previous_index_serving(tmp_path, corpus_copy):
    settings = load_settings(index_dir=tmp_path / "ix", corpus_dir=corpus_copy)
    index_mod.build(settings)
    before = index_mod.live_build(settings.index_dir)
    for i in range(30):  # enough new text that embedding takes a while
        (corpus_copy / f"note_{i}.txt").write_text(f"Note {i}\n\n" + "Inspectors reviewed the fostering service. " * 80)
    # The torch backend (slower, and a different model id, so every passage is re-embedded) keeps the
    # build busy long enough to be killed part-way.
    proc = subprocess.Popen([sys.executable, "-m", "qa.cli", "ingest", str(corpus_copy), "--index-dir",
                             str(settings.index_dir), "--backend", "torch"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Kill it while it embeds (a few seconds in) or as soon as it starts writing files, whichever is first.
    deadline = time.time() + 4
    while time.time() < deadline and not list((settings.index_dir / "builds").glob(".tmp-*")) \
            and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, "the build finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert index_mod.live_build(settings.index_dir) == before
    assert len(index_mod.Index.load(settings.index_dir).documents) == 5
    report = index_mod.build(settings)  # the lock died with the process; a new build completes
    assert report.documents == 35
    assert not list((settings.index_dir / "builds").glob(".tmp-*"))
