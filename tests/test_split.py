import re

from qa.documents import clean
from qa.passages.split import sentence_spans, split_document
from qa.datatypes import Document

from conftest import CORPUS


def doc_from(name):
    blocks = clean.clean_blocks(clean.text_to_blocks((CORPUS / name).read_text(encoding="utf-8")))
    text = clean.assemble(blocks)
    return Document(doc_id=name[:3], path=name, text=text, blocks=blocks)


def test_passages_are_slices_with_locations_and_whole_sentences():
    for path in sorted(CORPUS.glob("*.txt")):
        doc = doc_from(path.name)
        passages = split_document(doc, max_words=80, min_words=20)
        assert passages
        for p in passages:
            assert doc.text[p.start:p.end] == p.text
            assert p.para_start is not None and p.location.startswith("para")
            # never cut mid-sentence: a passage ends where a block ends or where a sentence ends
            block_ends = {b.end for b in doc.blocks}
            assert p.end in block_ends or re.search(r"[.!?][\"'”’)]*$", p.text), p.text[-40:]
            block_starts = {b.start for b in doc.blocks}
            assert p.start in block_starts or re.match(r"[A-Z0-9“‘\"'(]", p.text), p.text[:40]
            assert len(p.text.split()) <= 80 + 20 + 60  # a tiny neighbour may join; one sentence may overrun


def test_long_paragraph_is_split_at_sentence_boundaries():
    sentence = "Inspectors found that the work was variable across the teams they visited. "
    text = sentence * 30
    from qa.datatypes import Block
    blocks = [Block("para", text.strip())]
    full = clean.assemble(blocks)
    doc = Document(doc_id="d", path="d.txt", text=full, blocks=blocks)
    passages = split_document(doc, max_words=50, min_words=10)
    assert len(passages) > 3
    for p in passages:
        assert p.text.startswith("Inspectors found") and p.text.endswith("visited.")
        assert p.para_start == p.para_end == 1


def test_sentence_spans_respect_abbreviations():
    text = "Mr. Munday wrote to Dr. Smith. The visit ended. “Quoted sentence.” Next one"
    spans = [text[s:e] for s, e in sentence_spans(text)]
    assert spans[0] == "Mr. Munday wrote to Dr. Smith."
    assert spans[-1] == "Next one"


def test_passages_never_overlap_and_headings_open_their_passage():
    from qa.documents.clean import assemble
    from qa.datatypes import Block, Document

    blocks = [Block("heading", "Report published: 3 May 2019")] + [
        Block("para", " ".join(f"word{i}x{j}" for j in range(40)) + ".") for i in range(6)]
    text = assemble(blocks)
    doc = Document(doc_id="d", path="d.txt", text=text, blocks=blocks)
    passages = split_document(doc, max_words=60, min_words=10)
    assert passages[0].text.startswith("Report published: 3 May 2019")
    for a, b in zip(passages, passages[1:]):
        assert a.end <= b.start, (a.text[:40], b.text[:40])
