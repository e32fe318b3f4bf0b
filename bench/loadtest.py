"""Load test: concurrent users asking questions of the served app over loopback, an ingest running meanwhile.

    python bench/loadtest.py --users 20 --seconds 120          # the full run (prints JSON figures)

Starts `app.py` on a free port over a temporary copy of the corpus and index, drives its `/ask` API with
gradio_client from USERS threads for SECONDS, halfway through adds a document and runs `qa ingest` on the
same index, and samples the server's resident memory. Prints errors, latency p50/p95/max and memory.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "What did inspectors say about supervision in 2018?",
    "What did the first monitoring visit find about thresholds in the MASH?",
    "When was Barnet judged inadequate?",
    "What did the Reading monitoring visit say about leaving care advisors?",
    "What training and support do social workers get?",
    "What is the capital of France?",
    "<script>alert(1)</script> chronologies",
    "and in 2017?",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def start_server(workdir: Path, port: int) -> subprocess.Popen:
    corpus, index = workdir / "corpus", workdir / "index"
    if not corpus.exists():
        shutil.copytree(ROOT / "corpus", corpus)
    env = {**os.environ, "QA_CORPUS_DIR": str(corpus), "QA_INDEX_DIR": str(index), "GRADIO_ANALYTICS_ENABLED": "False"}
    log = open(workdir / "server.log", "w")
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port)], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 300
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {(workdir / 'server.log').read_text()[-2000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return proc
        except OSError:
            time.sleep(1)
    proc.kill()
    raise RuntimeError("server did not start in time")


def run_load(url: str, users: int, seconds: float, ingest=None) -> dict:
    from gradio_client import Client

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.time() + seconds

    def user(n: int):
        client = Client(url, verbose=False, download_files=False)
        i = n
        while time.time() < stop_at:
            question = QUESTIONS[i % len(QUESTIONS)]
            i += 1
            started = time.perf_counter()
            try:
                result = client.predict(question, api_name="/ask")
                data = json.loads(result) if isinstance(result, str) else result
                if not isinstance(data, dict) or "passages" not in data:
                    raise ValueError(f"unexpected reply: {str(result)[:100]}")
                if not data["abstained"] and not data["passages"]:
                    raise ValueError("answered with no passages")
            except Exception as exc:  # every failure counts; the load test reports them all
                with lock:
                    errors.append(f"{question[:40]}: {exc.__class__.__name__}: {str(exc)[:120]}")
                continue
            with lock:
                latencies.append(time.perf_counter() - started)

    threads = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(users)]
    for t in threads:
        t.start()
    if ingest is not None:
        time.sleep(seconds / 2)
        ingest()
    for t in threads:
        t.join(timeout=seconds + 120)
    lat = sorted(latencies)

    def pct(p):
        return round(lat[min(len(lat) - 1, int(p * (len(lat) - 1)))] * 1000, 1) if lat else None

    return {"users": users, "seconds": seconds, "requests": len(lat), "errors": len(errors),
            "error_samples": errors[:5], "p50_ms": pct(0.5), "p95_ms": pct(0.95), "max_ms": pct(1.0),
            "throughput_rps": round(len(lat) / seconds, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--no-ingest", action="store_true")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="qa-load-"))
    port = free_port()
    proc = start_server(workdir, port)
    memory: list[float] = []
    sampling = True

    def sample():
        while sampling:
            memory.append(rss_mb(proc.pid))
            time.sleep(1)

    def ingest():
        (workdir / "corpus" / "load_note.txt").write_text(
            "Load-test note\n\nThe adoption panel met in March 2019 and approved eleven adopters for the borough.\n")
        out = subprocess.run([sys.executable, "-m", "qa.cli", "ingest", str(workdir / "corpus"),
                              "--index-dir", str(workdir / "index")], cwd=ROOT, capture_output=True, text=True)
        ingest_result.update(returncode=out.returncode, stdout=out.stdout.strip()[-300:])

    ingest_result: dict = {}
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        result = run_load(f"http://127.0.0.1:{port}/", args.users, args.seconds, None if args.no_ingest else ingest)
    finally:
        sampling = False
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    quarter = max(1, len(memory) // 4)
    result["rss_mb"] = {"start": round(memory[0], 1) if memory else None,
                        "first_quarter_max": round(max(memory[:quarter]), 1) if memory else None,
                        "last_quarter_max": round(max(memory[-quarter:]), 1) if memory else None,
                        "max": round(max(memory), 1) if memory else None}
    result["ingest"] = ingest_result
    print(json.dumps(result, indent=1))
    shutil.rmtree(workdir, ignore_errors=True)
    return 0 if result["errors"] == 0 and result["requests"] > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
