"""Every format and every bad-file kind, with fixtures generated here."""
import io
import random
import zipfile

import pytest

from qa.documents import clean
from qa.documents.convert import ConversionError, convert
from qa.documents.ingest import SourceFile, load_document
from qa.passages.split import split_document

from conftest import CORPUS, squash

LETTER = CORPUS / "003_131b7ab561d5d4ce.txt"
MAX = 50 * 1024 * 1024


def passages_of(path):
    stat = path.stat()
    doc = load_document(SourceFile(path, path.name, stat.st_size, stat.st_mtime_ns), "x", None, MAX)
    return doc, split_document(doc, max_words=80, min_words=20)


def letter_lines():
    return [l.strip() for l in LETTER.read_text(encoding="utf-8").splitlines() if l.strip()]


def make_pdf(path, lines, header=None):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    if header:
        pdf.header = lambda: (pdf.set_font("Helvetica", size=8), pdf.cell(0, 8, header), pdf.ln(10))
    pdf.add_page()
    for line in lines:
        bold = len(line.split()) <= 10 and not line.endswith((".", ":", ","))
        pdf.set_font("Helvetica", "B" if bold else "", 11)
        pdf.multi_cell(0, 5, line.replace("**", ""))
        pdf.ln(3)
    pdf.output(str(path))


def make_docx(path, lines):
    import docx

    d = docx.Document()
    txt_blocks = clean.clean_blocks(clean.text_to_blocks("\n\n".join(lines)))
    heading_texts = {b.text for b in txt_blocks if b.kind == "heading"}
    for line in lines:
        if line in heading_texts:
            d.add_heading(line, level=2)
        elif line.startswith("- "):
            d.add_paragraph(line[2:], style="List Bullet")
        else:
            d.add_paragraph(line)
    d.save(str(path))


def test_pdf_of_a_letter_gives_the_same_passages_as_its_text(tmp_path):
    pdf = tmp_path / "letter.pdf"
    make_pdf(pdf, letter_lines())
    _, from_txt = passages_of(LETTER)
    doc, from_pdf = passages_of(pdf)
    assert [squash(p.text.replace("**", "")) for p in from_pdf] == [squash(p.text.replace("**", "")) for p in from_txt]
    assert all(p.page_start is not None and p.location.startswith("p.") for p in from_pdf)
    assert max(p.page_end for p in from_pdf) >= 2


def test_docx_of_a_letter_gives_the_same_passages_as_its_text(tmp_path):
    path = tmp_path / "letter.docx"
    make_docx(path, letter_lines())
    _, from_txt = passages_of(LETTER)
    doc, from_docx = passages_of(path)
    assert [squash(p.text) for p in from_docx] == [squash(p.text) for p in from_txt]
    assert any(b.kind == "item" for b in doc.blocks) and any(b.kind == "heading" for b in doc.blocks)


def test_pdf_running_headers_and_page_numbers_are_removed(tmp_path):
    pdf = tmp_path / "headers.pdf"
    make_pdf(pdf, letter_lines() * 2, header="Ofsted monitoring letter - Barnet - OFFICIAL")
    doc, _ = passages_of(pdf)
    assert "OFFICIAL" not in doc.text


def test_html_main_content_is_extracted(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("""<html><head><title>Barnet improvement journey</title></head><body>
      <nav><a href="/">Home</a> <a href="/contact">Contact Us</a></nav>
      <div class="cookie">We use cookies. Accept all cookies</div>
      <article><h1>Barnet improvement journey</h1>
      <p>The second Ofsted monitoring visit took place in January 2018 and looked at the front door.</p>
      <h2>What inspectors found</h2>
      <p>Inspectors found that senior leaders were appropriately focused on improving social work practice.</p>
      <ul><li>Caseloads are manageable for most social workers in the teams visited.</li>
          <li>Supervision is regular but not always reflective, according to the visit letter.</li></ul>
      </article>
      <footer>Share this page: Facebook Twitter LinkedIn. Copyright 2018 Council</footer></body></html>""",
                    encoding="utf-8")
    doc, passages = passages_of(page)
    assert "Inspectors found that senior leaders" in doc.text
    assert "Accept all cookies" not in doc.text and "Contact Us" not in doc.text and "Share this page" not in doc.text
    assert any(b.kind == "item" for b in doc.blocks)
    assert any(b.kind == "heading" and "What inspectors found" in b.text for b in doc.blocks)
    assert doc.title == "Barnet improvement journey"


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16", "latin-1"])
def test_text_encodings_are_detected(tmp_path, encoding):
    text = ("The council’s improvement plan – agreed in 2017 – was welcomed by inspectors. " if encoding != "latin-1"
            else "The council's plan was agreed in 2017 with a budget of £2 million, café notes. ") * 5
    path = tmp_path / "note.txt"
    path.write_bytes(text.encode(encoding))
    doc, _ = passages_of(path)
    assert squash(text) in squash(doc.text) or squash(text)[:60] in squash(doc.text)


def test_markdown_front_matter_sets_metadata(tmp_path):
    path = tmp_path / "brief.md"
    path.write_text("---\ntitle: Briefing on Barnet\ndate: 2019-03-01\ndoc_type: other\n---\n# Summary\n\n"
                    "The service improved steadily across 2018 according to every monitoring visit.\n", encoding="utf-8")
    doc, _ = passages_of(path)
    assert doc.title == "Briefing on Barnet" and doc.date == "2019-03-01" and doc.origin["title"] == "front matter"
    assert "title:" not in doc.text


BAD = {
    "empty.txt": (b"", "empty file"),
    "binary.txt": (bytes(range(256)) * 40, "binary content"),
    "corrupt.pdf": (b"%PDF-1.4\n garbage garbage \x00\x01", "corrupt or unreadable PDF"),
    "corrupt.docx": (b"PK\x03\x04 not really a zip", "corrupt DOCX"),
    "notes.rtf": (b"{\\rtf1 hello}", "unsupported file type"),
    "undecodable.txt": (bytes(random.Random(1).randrange(0x80, 0x100) for _ in range(3000)), "encoding"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_files_get_a_clear_reason(tmp_path, name):
    data, reason = BAD[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ConversionError) as err:
        convert(path, MAX)
    assert str(err.value)
    if reason:
        assert reason in str(err.value)


def test_oversize_file_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300_000)
    with pytest.raises(ConversionError, match="over the 1 MB limit"):
        convert(path, 1024 * 1024)


def test_encrypted_pdf_is_refused(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "plain.pdf"
    make_pdf(plain, letter_lines()[:10])
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as fh:
        writer.write(fh)
    with pytest.raises(ConversionError, match="encrypted"):
        convert(locked, MAX)


def test_pdf_without_text_layer_is_refused(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(ConversionError, match="no text layer"):
        convert(path, MAX)


def test_zip_bomb_docx_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "")
        info = zipfile.ZipInfo("word/padding.bin")
        zf.writestr(info, b"\0" * (210 * 1024 * 1024), compress_type=zipfile.ZIP_DEFLATED)
    with pytest.raises(ConversionError, match="zip bomb"):
        convert(path, MAX)


def test_markdown_is_read_as_its_rendered_words(tmp_path):
    """A Markdown report's bold labels and table rules are layout: its text (and the dates read from it) are the
    words a reader sees, as for HTML."""
    path = tmp_path / "report.md"
    path.write_text("# Inspection of Anyshire children's services\n\n*Inspection of children's social care*\n\n"
                    "**Inspection dates:** 4 to 15 March 2019\n\n**Published:** 18 April 2019\n\n"
                    "| Judgement | Grade |\n| --- | :---: |\n| Overall effectiveness | Good |\n\n"
                    "Children who need help are seen quickly and their plans are reviewed well by managers.\n",
                    encoding="utf-8")
    doc, _ = passages_of(path)
    assert "**" not in doc.text and "---" not in doc.text and "*Inspection" not in doc.text
    assert "Inspection dates: 4 to 15 March 2019" in doc.text and "| Overall effectiveness | Good |" in doc.text
    assert doc.date == "2019-04-18" and (doc.period_start, doc.period_end) == ("2019-03-04", "2019-03-15")


def test_html_date_from_markup_not_from_a_copyright_line(tmp_path):
    """A page's date comes from its markup (meta tags, JSON-LD, <time>) or its own dateline; the year of a
    copyright footer is no publication date."""
    page = tmp_path / "story.html"
    body = ("<p>Inspectors found that children at risk are now seen quickly by social workers in the borough, "
            "and that managers check plans well.</p>" * 3)
    page.write_text(f"<html><head><title>Borough praised</title></head><body><article><h1>Borough praised</h1>"
                    f"{body}</article><footer><p>&copy; 2016-2025 Invented Record Ltd. All rights reserved.</p>"
                    f"</footer></body></html>", encoding="utf-8")
    doc, _ = passages_of(page)
    assert doc.date is None
    dated = tmp_path / "dated.html"
    dated.write_text(f"<html><head><title>Borough praised</title>"
                     f"<meta property=\"article:published_time\" content=\"2019-03-04T09:00:00Z\"></head><body>"
                     f"<article><h1>Borough praised</h1>{body}</article><footer><p>&copy; 2025 Invented Record Ltd."
                     f"</p></footer></body></html>", encoding="utf-8")
    assert passages_of(dated)[0].date == "2019-03-04"


def test_a_word_files_template_title_is_not_the_documents_title(tmp_path):
    """A Word or PDF title property is often the template's or the converter's ("Committee report template",
    "Microsoft Word - letter_v7.docx"): the heading in the text is the title then."""
    import docx

    path = tmp_path / "report.docx"
    d = docx.Document()
    d.add_heading("Ofsted focused visit: care leavers", level=1)
    d.add_paragraph("This report updates the panel on the findings of Ofsted's focused visit on care leavers, which "
                    "found that personal advisers know young people well.")
    d.core_properties.title = "Committee report template"
    d.save(str(path))
    doc, _ = passages_of(path)
    assert doc.title == "Ofsted focused visit: care leavers"
    d.core_properties.title = "Ofsted focused visit on care leavers: panel report"
    d.save(str(path))
    assert passages_of(path)[0].title == "Ofsted focused visit: care leavers"  # the visible heading still wins


@pytest.mark.parametrize("markup, date", [
    ('<meta property="article:published_time" content="2019-03-04T09:00:00Z">', "2019-03-04"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-02-05"}</script>',
     "2020-02-05"),
    ('</head><body><p class="byline">By Jo Bell, Reporter | Thursday 9 November 2023</p>', "2023-11-09"),
    # an update time alone is a weak date; the page's own "Published" line wins
    ('<meta property="article:modified_time" content="2024-09-02T11:15:00+01:00"></head><body>'
     '<p class="dates">Published: June 2024 | Last updated: 2 September 2024</p>', "2024-06-01"),
    # a date in the story (a visit) is no publication date, nor is a related story's
    ('</head><body><p>The inspection took place on 14/03/2022 and looked at care leavers.</p>'
     '<ul class="related"><li>Roadworks <small>2 November 2023</small></li></ul>', None),
])
def test_html_dates_from_markup_bylines_and_datelines(tmp_path, markup, date):
    body = ("<p>Inspectors found that children at risk are now seen quickly by social workers in the borough, "
            "and that managers check plans well.</p>" * 3)
    head = markup if markup.startswith("<") and "</head>" not in markup else ""
    rest = markup if "</head>" in markup else "</head><body>"
    page = tmp_path / "story.html"
    page.write_text(f"<html><head><title>Borough praised</title>{head}{rest}<article><h1>Borough praised by "
                    f"inspectors</h1>{body}</article></body></html>", encoding="utf-8")
    assert passages_of(page)[0].date == date
