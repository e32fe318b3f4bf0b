"""A bounded load test against the served app: concurrent users, an ingest meanwhile, no errors.

The full run (20 users, 2 minutes) is `python bench/loadtest.py`; this one is short enough for CI."""
import json
import runpy
import shutil
import tempfile
import threading
from pathlib import Path

import pytest

from qa.config import ROOT

loadtest = runpy.run_path(str(ROOT / "bench" / "loadtest.py"))


@pytest.mark.slow
def test_concurrent_users_and_an_ingest_meanwhile_get_no_errors():
    import subprocess
    import sys

    workdir = Path(tempfile.mkdtemp(prefix="qa-load-test-"))
    port = loadtest["free_port"]()
    proc = loadtest["start_server"](workdir, port)
    ingest_codes = []

    def ingest():
        (workdir / "corpus" / "extra_note.txt").write_text(
            "Extra note\n\nThe fostering panel approved nine new carers in May 2019 after a recruitment drive.\n")
        out = subprocess.run([sys.executable, "-m", "qa.cli", "ingest", str(workdir / "corpus"),
                              "--index-dir", str(workdir / "index")], cwd=ROOT, capture_output=True, text=True,
                             timeout=300)
        ingest_codes.append(out.returncode)

    try:
        result = loadtest["run_load"](f"http://127.0.0.1:{port}/", users=6, seconds=12, ingest=ingest)
        memory = loadtest["rss_mb"](proc.pid)
        from gradio_client import Client

        # the served app answers from the index the concurrent ingest built, without a restart
        after = Client(f"http://127.0.0.1:{port}/", verbose=False).predict(
            "How many new carers did the fostering panel approve?", api_name="/ask")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)
    assert result["errors"] == 0, result["error_samples"]
    assert result["requests"] >= 6
    assert ingest_codes == [0]
    assert 0 < memory < 3000
    assert any("nine new carers" in p["text"] for p in after["passages"])


def test_two_app_replicas_share_one_postgresql_under_load_with_an_ingest_halfway(pg_url, monkeypatch, capsys):
    """Two app processes started together on an empty database (one builds, the other waits for it), users spread
    over both, `qa ingest` of a new document halfway: no errors, and both answer from the new version afterwards."""
    monkeypatch.setenv("QA_DATABASE_URL", pg_url)
    code = loadtest["main"](["--store", "postgres", "--replicas", "2", "--users", "4", "--seconds", "12"])
    result = json.loads(capsys.readouterr().out)
    assert result["errors"] == 0 and result["requests"] > 0, result["error_samples"]
    assert result["followed"] == [True, True] and result["ingest"]["returncode"] == 0
    assert code == 0
