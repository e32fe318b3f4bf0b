import json
import shutil
import subprocess
import sys

from qa import metadata
from qa.config import ROOT

from conftest import CORPUS


def test_seed_metadata_inferred_without_a_manifest(tmp_path):
    bare = tmp_path / "seeds"
    bare.mkdir()
    for f in CORPUS.glob("*.txt"):
        shutil.copy(f, bare)
    out = subprocess.run([sys.executable, "-m", "qa.cli", "docs", "--json", "--index-dir", str(tmp_path / "ix")],
                         cwd=ROOT, capture_output=True, text=True, timeout=600,
                         env={**__import__("os").environ, "QA_CORPUS_DIR": str(bare)})
    assert out.returncode == 0, out.stderr
    docs = {d["path"][:3]: d for d in json.loads(out.stdout)}
    assert docs["001"]["doc_type"] == "ofsted_letter" and docs["001"]["date"][:7] in ("2017-11", "2017-12")
    assert docs["003"]["doc_type"] == "ofsted_letter" and docs["003"]["date"] == "2018-08-23"
    assert docs["000"]["doc_type"] == "news_article" and docs["002"]["doc_type"] == "news_article"
    assert docs["004"]["doc_type"] == "council_page"
    assert docs["003"]["period_start"] == "2018-07-31" and docs["003"]["period_end"] == "2018-08-01"
    assert docs["001"]["visit_number"] == 1 and docs["003"]["visit_number"] == 4 and docs["000"]["visit_number"] == 3
    assert set(docs["002"]["local_authorities"]) == {"Barnet", "Reading"}
    assert docs["002"]["publisher"] == "Community Care" and docs["003"]["publisher"] == "Ofsted"
    assert all(d["origin"]["doc_type"] == "inferred" for d in docs.values())
    assert docs["002"]["origin"]["date"] == "unknown" and docs["002"]["date"] is None


def test_manifest_overrides_inference(seed_settings):
    from qa.search import Assistant

    docs = {d["path"][:3]: d for d in Assistant(seed_settings).documents()}
    assert docs["001"]["date"] == "2017-12-12" and docs["001"]["origin"]["date"] == "manifest"
    assert docs["000"]["period_start"] == "2018-04-25" and docs["000"]["origin"]["period_start"] == "manifest"


def test_date_parsing():
    assert metadata.parse_date("23 August 2018") == "2018-08-23"
    assert metadata.parse_date("August 23, 2018") == "2018-08-23"
    assert metadata.parse_date("31 February 2018") is None
    assert metadata.parse_date_range("14 and 15 November 2017") == ("2017-11-14", "2017-11-15")
    assert metadata.parse_date_range("31 July and 1 August 2018") == ("2018-07-31", "2018-08-01")
    assert metadata.parse_date_range("25-26 April 2018") == ("2018-04-25", "2018-04-26")


def test_no_passage_holds_teasers_or_furniture(assistant):
    unwanted = ["Star Hobson", "Homes for Ukraine", "consultation on", "Read Full Story", "Make an Enquiry",
                "Contact Us", "Rate this page", "Loading, please wait", "Comments are closed", "Subscribe Today",
                "linkedin", "Photo: fotolia"]
    for p in assistant.index.passages:
        for u in unwanted:
            assert u.lower() not in p.text.lower(), (p.passage_id, u)
