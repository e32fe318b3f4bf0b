import json

import pytest

from qa.web import corpus
from qa.config import load_settings
from qa.web.corpus import CorpusError

LETTER = """Monitoring visit to Larkfield children's services

The inspectors found that the fostering panel in Larkfield now reviews kinship carers' allowances every quarter,
and that carers of teenagers receive out-of-hours advice and respite weekends so that placements do not break down.
Managers check that every child in foster care has an up-to-date placement plan and a named social worker.
"""


@pytest.fixture
def settings(corpus_copy, tmp_path):
    return load_settings(corpus_dir=corpus_copy, index_dir=tmp_path / "index")


@pytest.mark.parametrize("name, expected", [
    ("report.TXT", "report.txt"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\Users\\me\\letter.docx", "letter.docx"),
    ("a<b>c;rm -rf.md", "a_b_c_rm -rf.md"),
    ("  spaced name.pdf  ", "spaced name.pdf"),
])
def test_safe_filename(name, expected):
    assert corpus.safe_filename(name) == expected


@pytest.mark.parametrize("name", ["", ".hidden.txt", "../.env", "manifest.json", "dir/", ".txt", "..."])
def test_unsafe_filenames_refused(name):
    with pytest.raises(CorpusError):
        corpus.safe_filename(name)


def test_check_upload_reasons(settings, tmp_path):
    def upload(name, data: bytes):
        path = tmp_path / "upload_src"
        path.write_bytes(data)
        return corpus.check_upload(path, name, settings)

    with pytest.raises(CorpusError, match="unsupported file type '.exe'"):
        upload("tool.exe", b"MZ")
    with pytest.raises(CorpusError, match="empty file"):
        upload("empty.txt", b"")
    with pytest.raises(CorpusError, match="binary"):
        upload("binary.txt", bytes(range(256)) * 10)
    with pytest.raises(CorpusError, match="over the 0.001 MB limit"):
        corpus.check_upload(_write(tmp_path / "big.txt", "word " * 2000), "big.txt", settings.with_(max_file_mb=0.001))
    with pytest.raises(CorpusError, match="reserved"):
        upload("manifest.json", b"{}")
    assert upload("Letter.TXT", LETTER.encode()) == "Letter.txt"


def _write(path, text):
    path.write_text(text)
    return path


def test_add_upload_copies_and_avoids_clashes(settings, tmp_path):
    src = _write(tmp_path / "a.txt", LETTER)
    assert corpus.add_upload(settings, src, "larkfield.txt") == "larkfield.txt"
    assert (settings.corpus_dir / "larkfield.txt").read_text() == LETTER
    with pytest.raises(CorpusError, match="identical"):
        corpus.add_upload(settings, src, "again.txt")
    other = _write(tmp_path / "b.txt", LETTER + "\nA further paragraph about supervision of the panel's work.\n")
    assert corpus.add_upload(settings, other, "larkfield.txt") == "larkfield-2.txt"
    assert not [p for p in settings.corpus_dir.iterdir() if p.name.startswith(".upload")]


def test_paths_outside_the_corpus_are_refused(settings, tmp_path):
    outside = _write(tmp_path / "outside.txt", "secret")
    for rel in ("../outside.txt", str(outside), "missing.txt", ""):
        with pytest.raises(CorpusError):
            corpus.delete_document(settings, rel)
        with pytest.raises(CorpusError):
            corpus.update_metadata(settings, rel, {"title": "x"})
    assert outside.exists()


def test_metadata_validation():
    assert corpus.clean_metadata({"date": "23 August 2018", "visit_number": "4", "local_authorities": "Barnet, Reading",
                                  "title": " T "}) == {
        "date": "2018-08-23", "visit_number": 4, "local_authorities": ["Barnet", "Reading"], "title": "T"}
    assert corpus.clean_metadata({"publisher": ""}) == {"publisher": None}
    for bad, reason in [({"date": "soon"}, "not a date"), ({"doc_type": "memo"}, "must be one of"),
                        ({"visit_number": "two"}, "whole number"), ({"visit_number": 99}, "between"),
                        ({"fingerprint": "x"}, "not an editable field"),
                        ({"period_start": "2018-08-01", "period_end": "2018-07-01"}, "ends before")]:
        with pytest.raises(CorpusError, match=reason):
            corpus.clean_metadata(bad)


def test_update_metadata_and_delete(settings):
    rel = "003_131b7ab561d5d4ce.txt"
    entry = corpus.update_metadata(settings, rel, {"title": "Fourth visit letter", "publisher": None})
    assert entry["title"] == "Fourth visit letter" and "publisher" not in entry
    data = json.loads((settings.corpus_dir / "manifest.json").read_text())
    assert data["documents"][rel]["title"] == "Fourth visit letter"
    assert data["documents"]["001_90290a2cca0cc67a.txt"]["visit_number"] == 1  # others untouched
    corpus.delete_document(settings, rel)
    assert not (settings.corpus_dir / rel).exists()
    assert rel not in json.loads((settings.corpus_dir / "manifest.json").read_text())["documents"]


def test_metadata_changes_only_what_differs():
    current = {"title": "A", "date": "2018-08-23", "local_authorities": ["Barnet"], "publisher": "Ofsted",
               "visit_number": 4, "origin": {"publisher": "manifest", "title": "inferred"}}
    form = {"title": "A", "date": "2018-08-23", "local_authorities": "Barnet", "publisher": "", "visit_number": "5"}
    assert corpus.metadata_changes(current, form) == {"publisher": None, "visit_number": "5"}
    assert corpus.metadata_changes({**current, "origin": {}}, {"publisher": ""}) == {}


@pytest.mark.slow
def test_changes_are_searchable_without_restart(settings, tmp_path):
    from qa.retrieval.assistant import Assistant

    assistant = Assistant(settings)
    before = assistant.ask("How often does the Larkfield fostering panel review kinship carers' allowances?")
    assert not any("Larkfield" in h.passage.text for h in before.hits)
    stages = []
    name = corpus.add_upload(settings, _write(tmp_path / "l.txt", LETTER), "larkfield.txt")
    report = corpus.refresh(assistant, progress=lambda stage, done, total: stages.append(stage))
    assert report.converted == 1 and report.embedded < report.passages  # incremental: only the new file
    assert "embedding passages" in stages
    after = assistant.ask("How often does the Larkfield fostering panel review kinship carers' allowances?")
    assert after.hits and after.hits[0].document.path == name

    corpus.update_metadata(settings, name, {"title": "Larkfield letter", "date": "2019-05-01",
                                            "doc_type": "ofsted_letter"})
    corpus.refresh(assistant)
    doc = next(d for d in corpus.document_rows(assistant) if d["path"] == name)
    assert doc["title"] == "Larkfield letter" and doc["origin"]["title"] == "manifest" and doc["date"] == "2019-05-01"

    corpus.delete_document(settings, name)
    corpus.refresh(assistant)
    assert name not in {d["path"] for d in corpus.document_rows(assistant)}


def test_delete_refuses_the_manifest_and_removes_a_link_not_its_target(tmp_path):
    from qa.web import corpus
    from qa.config import load_settings

    root = tmp_path / "c"
    root.mkdir()
    (root / "manifest.json").write_text('{"documents": {}}')
    target = root / "real.txt"
    target.write_text("A real document about fostering.")
    (root / "link.txt").symlink_to(target)
    settings = load_settings(corpus_dir=root, index_dir=tmp_path / "ix")
    import pytest

    with pytest.raises(corpus.CorpusError):
        corpus.delete_document(settings, "manifest.json")
    corpus.delete_document(settings, "link.txt")
    assert target.exists() and not (root / "link.txt").exists()
    with pytest.raises(corpus.CorpusError):
        corpus.safe_filename("README.MD")
