"""Cleaning must not lose article text silently: ad slots and "read more" lines inside an article do not cut
it, a real teaser list is cut and said to be, and every document carries what cleaning removed.

The fixtures are invented text in the style of captured news pages (not copied from any page)."""
import json

from qa.documents import clean
from qa.datatypes import Document

PARAS = [
    "Inspectors found that the front door service in Eastshire now responds to most contacts within a day, "
    "and that managers check the decisions made about children who need help.",
    "Social workers told inspectors that their caseloads had fallen since the spring and that they now have "
    "time to visit children and to write up their work soon after each visit.",
    "The letter said that plans for children in care are clearer, although some plans still lack dates by "
    "which actions should be complete and who is responsible for them.",
    "Care leavers spoke well of their personal advisers, but too many of them still live in accommodation "
    "that is not suitable, the inspectors said in their findings.",
    "The council's director of children's services said the authority would act on every recommendation "
    "and would report on its progress to the improvement board in the autumn.",
]


def cleaned(text: str, record: dict | None = None) -> str:
    return clean.assemble(clean.clean_blocks(clean.text_to_blocks(text), record))


def article_with_ad_slots() -> str:
    return "\n\n".join([
        "Eastshire children's services making steady progress, says Ofsted",
        "Photo: Stock image / Agency",
        PARAS[0],
        "Hide Ad", "Read More",  # once taken for the start of the teasers: the rest of the article went
        PARAS[1],
        "Findings",
        PARAS[2],
        "HIDE AD", "Advertisement", "Read more",
        PARAS[3],
        "READ MORE: Council budget row deepens as cabinet meets",
        "Hide AdAdvertisement",
        "Hide Ad" + PARAS[4],
    ])


def test_ad_slots_and_read_more_lines_inside_an_article_keep_every_paragraph():
    record: dict = {}
    text = cleaned(article_with_ad_slots(), record)
    for para in PARAS:
        assert para in text
    for furniture in ("Hide Ad", "HIDE AD", "Advertisement", "Read More", "Read more", "READ MORE", "Photo:"):
        assert furniture not in text
    assert record["cuts"] == []  # only lines went, no multi-paragraph cut
    assert record["removed_lines"] >= 8
    assert 0 < record["raw_chars"] - record["kept_chars"] < 300


def test_two_ad_slots_with_bare_read_more_around_a_subheading_are_not_a_teaser_list():
    text = "\n\n".join(["Eastshire letter published", PARAS[0], "Read more", "Next steps", PARAS[1], PARAS[2],
                       "Read more", PARAS[3], PARAS[4]])
    out = cleaned(text)
    assert all(p in out for p in PARAS)


TEASERS = [
    ("Westbury council names new director", "The council has appointed an interim director after a year in "
     "which three people held the post, leaving staff unsure [...]"),
    ("Caseloads rise again in northern authorities", "Figures published this week show that the average "
     "caseload has risen for the second year running in most of the…"),
    ("Foster carers call for higher allowances", "A survey of carers found that most had paid for school trips "
     "and clothing out of their own pocket in the last year [...]"),
]


def article_then_teasers() -> str:
    parts = ["Eastshire children's services making steady progress, says Ofsted", *PARAS[:3],
             "Latest news", "Keep up with the week's stories."]
    for headline, lead in TEASERS:
        parts += [headline, "4 March 2024", lead, "Read Full Story"]
    parts += ["Community News is a free site for people working with children and families.", "Subscribe Today",
              "facebook twitter linkedin"]
    return "\n\n".join(parts)


def test_a_teaser_list_after_the_article_is_cut_and_recorded():
    record: dict = {}
    text = cleaned(article_then_teasers(), record)
    assert all(p in text for p in PARAS[:3])
    for headline, lead in TEASERS:
        assert headline not in text and lead[:30] not in text
    assert "Latest news" not in text and "Community News is a free site" not in text
    assert len(record["cuts"]) == 1
    cut = record["cuts"][0]
    assert cut["reason"].startswith("teaser list (3 items)")
    assert cut["chars"] > 400 and cut["preview"].startswith("Latest news") and len(cut["preview"]) <= 80
    assert record["kept_chars"] == sum(len(p) for p in text.split("\n\n"))
    json.dumps(record)  # stored with the document


def test_one_teaser_alone_is_not_evidence_enough():
    headline, lead = TEASERS[0]
    text = "\n\n".join(["Eastshire letter published", *PARAS[:2], headline, lead, "Read Full Story", PARAS[2]])
    out = cleaned(text)
    assert all(p in out for p in PARAS[:3]) and "Read Full Story" not in out


def test_furniture_rules_are_general_and_case_insensitive():
    for line in ("Hide Ad", "hide ad", "ADVERTISEMENT", "Read more", "READ MORE: Schools to get new funding",
                 "Skip to main contentAccessibility Statement", "Transcription", "TRANSCRIPT", "Upload: someone",
                 "Post on 03-Feb-2021", "12 views", "Category:", "File Type:pdf, Size:300Kb", "Total Page:12",
                 "(credit: A Photographer / Picture Library)", "-Credit: (Image: Agency)", "Image caption,",
                 "Town hall - Pic by A Photographer", "Accept all cookies", "Subscribe now", "Sign up for emails",
                 "This article is more than 2 years old", "Home   News   Article", "PDF, 575KB, 24 pages"):
        assert clean.is_furniture(line), line
    for line in (PARAS[0], "Findings", "Next steps", "Published 27 March 2015", "Posted on Monday, 4 September 2017",
                 "Read more about the inspection in the full report, which the council has published today.",
                 "Advertisements for foster carers have brought in more applicants this year than last."):
        assert not clean.is_furniture(line), line


def test_a_long_line_that_starts_like_furniture_is_text():
    line = "Photo: " + PARAS[0] + " " + PARAS[1]
    assert not clean.is_furniture(line)


def test_captions_credits_and_repeated_lines_go_line_by_line():
    text = "\n\n".join([
        "Eastshire children's services making steady progress, says Ofsted",
        "Town hall in Eastshire image", "Town hall in Eastshire",
        "The director of children's services.The director of children's services.",
        "The director of children's services.",
        PARAS[0], "Image caption,", "The council's offices in the town centre", PARAS[1],
        "Inspectors praised the council's work", "Inspectors praised the council's work", PARAS[2]])
    record: dict = {}
    out = cleaned(text, record)
    assert all(p in out for p in PARAS[:3])
    assert "Town hall in Eastshire image" not in out and "offices in the town centre" not in out
    assert out.count("The director of children's services.") == 1
    assert out.count("Inspectors praised the council's work") == 1
    assert record["removed_by"]["repeated line"] > 0


def test_hosting_header_lines_are_not_merged_into_an_address_block():
    text = "\n".join(["Eastshire report.pdf", "Upload: someone", "Post on 03-Feb-2021", "2 views", "Category:",
                      "Documents", "0 download", "TRANSCRIPT", PARAS[0], PARAS[1]])
    out = cleaned(text)
    for word in ("Upload", "views", "Category", "download", "TRANSCRIPT"):
        assert word not in out
    assert PARAS[0] in out


def test_passages_stay_verbatim_slices_after_cuts():
    from qa.passages.split import split_document

    for source in (article_with_ad_slots(), article_then_teasers()):
        blocks = clean.clean_blocks(clean.text_to_blocks(source))
        text = clean.assemble(blocks)
        doc = Document(doc_id="d", path="d.txt", text=text, blocks=blocks)
        for b in blocks:
            assert text[b.start:b.end] == b.text
        for p in split_document(doc, max_words=60, min_words=10):
            assert text[p.start:p.end] == p.text


# ---------------------------------------------------------------- what was removed, recorded and reported


def _write(tmp_path, name: str, text: str):
    from qa.documents.ingest import SourceFile

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    return SourceFile(path, name, stat.st_size, stat.st_mtime_ns)


def test_the_document_records_the_share_cleaning_removed(tmp_path):
    from qa.documents.ingest import load_document, removed_share

    doc = load_document(_write(tmp_path, "teasers.txt", article_then_teasers()), "x", None, 10 ** 7)
    c = doc.cleaning
    assert c["kept_chars"] == sum(len(b.text) for b in doc.blocks) < c["raw_chars"]
    assert 0.3 < removed_share(c) < 0.8 and c["removed_lines"] > 10
    assert c["cuts"][0]["reason"].startswith("teaser list")
    again = Document.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert again.cleaning == c
    plain = load_document(_write(tmp_path, "plain.txt", "\n\n".join(PARAS)), "x", None, 10 ** 7)
    assert removed_share(plain.cleaning) == 0 and plain.cleaning["cuts"] == []


def test_old_index_data_without_the_field_still_loads():
    from qa.documents.ingest import removed_share

    old = {"doc_id": "d", "path": "d.txt", "text": "One.", "title": "T",
           "blocks": [{"kind": "para", "text": "One.", "start": 0, "end": 4, "number": 1}]}
    doc = Document.from_dict(old)
    assert doc.cleaning == {} and removed_share(doc.cleaning) is None
    assert Document.from_dict({**old, "cleaning": None}).cleaning == {}


def test_the_ingest_report_lists_a_large_cut(tmp_path, capsys):
    from qa import cli
    from qa.config import load_settings
    from qa.index.build import BuildReport, build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "teasers.txt").write_text(article_then_teasers(), encoding="utf-8")
    (corpus / "ads.txt").write_text(article_with_ad_slots(), encoding="utf-8")
    settings = load_settings(index_dir=tmp_path / "index", corpus_dir=corpus, model=str(tmp_path / "no_model"))
    report = build(settings)
    assert [(c["file"], c["reason"][:11]) for c in report.cuts] == [("teasers.txt", "teaser list")]
    assert report.cuts[0]["chars"] > 400
    # reported again when nothing changed (from the stored report), and by `qa ingest`
    again = build(settings)
    assert not again.rebuilt and again.cuts == report.cuts
    assert BuildReport(**{k: v for k, v in report.to_dict().items() if k not in ("skipped", "cuts")}).cuts == []
    rc = cli.main(["ingest", str(corpus), "--index-dir", str(tmp_path / "index"), "--model", str(tmp_path / "no_model")])
    out = capsys.readouterr().out
    assert rc == 0 and "chars from teasers.txt: teaser list (3 items)" in out and '(starts "Latest news' in out
    assert "ads.txt" not in out.split("Index")[-1]
    cli.main(["docs", "--index-dir", str(tmp_path / "index"), "--model", str(tmp_path / "no_model")])
    out = capsys.readouterr().out
    assert "cleaning removed" in out and "teaser list" in out


def test_documents_table_shows_the_removed_share_escaped():
    from qa.web import render

    docs = [{"path": "a.txt", "title": "A", "doc_type_label": "news article", "date": None, "publisher": "",
             "local_authorities": [], "passages": 2, "origin": {},
             "cleaning": {"raw_chars": 1000, "kept_chars": 880, "removed_lines": 4,
                          "cuts": [{"reason": "teaser list (2 items)", "chars": 100, "blocks": 3,
                                    "preview": "<b>Latest</b> 'news'"}]}},
            {"path": "old.txt", "title": "Old", "doc_type_label": "letter", "date": None, "publisher": "",
             "local_authorities": [], "passages": 1, "origin": {}}]
    html = render.documents_html(docs)
    assert "<th scope='col'>Cleaned</th>" in html and "removed 12 %" in html and "1 cut of more than a line" in html
    assert "<b>Latest" not in html and "&lt;b&gt;Latest&lt;/b&gt; &#39;news&#39;" in html
    assert "not recorded" in html
