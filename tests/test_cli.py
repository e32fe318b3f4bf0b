import json
import os
import subprocess
import sys

from qa.config import ROOT

from conftest import CORPUS


def run(*args, env=None, check=True):
    result = subprocess.run([sys.executable, "-m", "qa.cli", *args], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, **(env or {})}, timeout=600)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_ask_json_and_docs(tmp_path):
    ix = str(tmp_path / "ix")
    out = run("ask", "What did inspectors say about chronologies?", "--json", "--index-dir", ix).stdout
    data = json.loads(out)
    assert data["passages"] and "Chronologies are not consistently updated" in " ".join(p["text"] for p in data["passages"])
    docs = json.loads(run("docs", "--json", "--index-dir", ix).stdout)
    assert {d["doc_type"] for d in docs} == {"ofsted_letter", "news_article", "council_page"}
    assert all(d["passages"] > 0 and "origin" in d for d in docs)
    human = run("ask", "When was Barnet judged inadequate?", "--index-dir", ix).stdout
    assert "[1]" in human and "Answer:" in human


def test_questions_file_one_json_per_line(tmp_path):
    qfile = tmp_path / "q.jsonl"
    qfile.write_text('{"question": "What did inspectors say about chronologies?"}\n'
                     '{"question": "What is the capital of France?"}\n')
    out = run("ask", "--questions", str(qfile), "--json", "--index-dir", str(tmp_path / "ix")).stdout
    lines = [json.loads(l) for l in out.splitlines() if l.strip()]
    assert [l["abstained"] for l in lines] == [False, True]


def test_ingest_reports_bad_files_and_exit_codes(tmp_path):
    good = tmp_path / "docs"
    good.mkdir()
    (good / "note.txt").write_text("Inspectors visited the fostering service and found strong practice overall.\n")
    (good / "empty.txt").write_bytes(b"")
    (good / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (good / "thing.xyz").write_text("unsupported")
    result = run("ingest", str(good), "--index-dir", str(tmp_path / "ix"))
    assert "1 documents" in result.stdout
    assert "empty.txt: empty file" in result.stdout
    assert "binary.txt: binary content" in result.stdout
    assert "thing.xyz: unsupported file type" in result.stdout
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    failed = run("ingest", str(bad), "--index-dir", str(tmp_path / "ix2"), check=False)
    assert failed.returncode == 1


def test_bm25_only_is_announced(tmp_path):
    result = run("ask", "What did inspectors say about chronologies?", "--index-dir", str(tmp_path / "ix"),
                 "--model", str(tmp_path / "missing-model"))
    assert "keyword search (BM25) only" in result.stdout
    assert "Chronologies are not consistently updated" in result.stdout
