"""Hostile and broken input: questions and files. Property-based where an invariant exists."""
import re
import time

from hypothesis import HealthCheck, given, settings, strategies as st

from qa.documents import clean
from qa.answers.contract import answer_to_dict
from qa.documents.convert import ConversionError, convert
from qa.documents.ingest import discover
from qa.passages.split import split_document
from qa.datatypes import Document

paragraph = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=400)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraph, max_size=12), st.sampled_from(["\n", "\n\n", "\n \n", "\r\n"]))
def test_every_passage_is_a_verbatim_slice_of_its_document(paragraphs, sep):
    text = sep.join(paragraphs)
    blocks = clean.clean_blocks(clean.text_to_blocks(text))
    doc_text = clean.assemble(blocks)
    doc = Document(doc_id="h", path="h.txt", text=doc_text, blocks=blocks)
    for b in blocks:
        assert doc_text[b.start:b.end] == b.text
    for p in split_document(doc, max_words=20, min_words=5):
        assert doc_text[p.start:p.end] == p.text and p.text.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_cleaner_output_words_come_from_the_input(text):
    """Cleaning drops and re-joins but never invents words (a de-hyphenated join aside)."""
    source_words = set(re.findall(r"\w+", clean.normalise(text)))
    for b in clean.clean_blocks(clean.text_to_blocks(text)):
        for w in re.findall(r"\w+", b.text):
            assert w in source_words or any(w.startswith(s) for s in source_words if len(s) > 1)


HOSTILE_QUESTIONS = [
    "",
    "\x00\x01\x02 supervision \x7f",
    "<script>alert(1)</script> supervision",
    "<img src=x onerror=alert(1)> what about [link](javascript:alert(1)) **bold** # heading",
    "𝔰𝔲𝔭𝔢𝔯𝔳𝔦𝔰𝔦𝔬𝔫 🙂 \U0010FFFF \u202e reversed \ufeff",
    "supervision " * 1000,  # ~12k characters
    "x" * 1_000_000,
]


def test_hostile_questions_get_an_answer_or_a_message_quickly(assistant):
    for q in HOSTILE_QUESTIONS:
        started = time.perf_counter()
        data = answer_to_dict(assistant.ask(q))
        elapsed = time.perf_counter() - started
        assert elapsed < 30, (q[:30], elapsed)  # bounded, not a speed target
        assert isinstance(data["passages"], list)
        assert data["abstained"] or data["passages"]
        if data["abstained"]:
            assert data["message"]
    long = answer_to_dict(assistant.ask("x" * 1_000_000))
    assert any("cut to its first" in n for n in long["notices"])


def test_pdf_that_inflates_enormously_is_refused_quickly(tmp_path):
    import zlib

    stream = zlib.compress(b"0 0 m " * 60_000_000, 9)  # ~360 MB of drawing operators in a few hundred KB
    pdf = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
           b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
           b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n"
           b"4 0 obj<</Length " + str(len(stream)).encode() + b"/Filter/FlateDecode>>stream\n" + stream +
           b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF")
    path = tmp_path / "bomb.pdf"
    path.write_bytes(pdf)
    started = time.perf_counter()
    try:
        convert(path, 50 * 1024 * 1024)
        raised = False
    except ConversionError as exc:
        raised = True
        assert str(exc)
    assert raised and time.perf_counter() - started < 60


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(500 * 1024 * 1024)  # sparse: 500 MB on paper, nothing on disk
    started = time.perf_counter()
    try:
        convert(path, 50 * 1024 * 1024)
        assert False, "should refuse"
    except ConversionError as exc:
        assert "over the 50 MB limit" in str(exc)
    assert time.perf_counter() - started < 5


def test_wrong_extension_is_caught_by_content(tmp_path):
    path = tmp_path / "letter.pdf"
    path.write_text("This is plain text pretending to be a PDF.")
    try:
        convert(path, 10**7)
        assert False
    except ConversionError as exc:
        assert "PDF" in str(exc)


def test_symlink_out_of_the_corpus_is_refused(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("private notes outside the corpus")
    (corpus / "link.txt").symlink_to(secret)
    (corpus / "ok.txt").write_text("A real document inside the corpus.")
    files, skipped = discover([corpus])
    assert [f.rel for f in files] == ["ok.txt"]
    assert any("outside the corpus" in s.reason for s in skipped)
