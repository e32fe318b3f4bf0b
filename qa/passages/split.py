"""Split a document's blocks into passages: verbatim slices of the cleaned text, never cut mid-sentence.

A passage gathers consecutive paragraphs and list items under one heading until `max_words`; a
paragraph longer than that is cut at sentence boundaries. The headings directly above a passage's first
block open its text (so a line taken for a heading, like "Report published: 12 May 2015", is never left out of
every passage), and the heading path also travels with the passage (and is given to the embedder as context).
"""
from __future__ import annotations

import re

from qa.datatypes import Block, Document, Passage

# A sentence ends at . ! ? (optionally closed by a quote or bracket) followed by space and a capital,
# a digit or an opening quote; common abbreviations do not end sentences.
SENTENCE_RE = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[A-Z0-9“‘\"'(])")
ABBREVIATIONS = re.compile(r"\b(Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Cllr|Rev|e\.g|i\.e|etc|vs|para|paras|p|pp)\.$", re.I)


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) offsets of sentences in text, shifted by offset."""
    spans, start = [], 0
    for m in SENTENCE_RE.finditer(text):
        if ABBREVIATIONS.search(text[start:m.start()]):
            continue
        end = m.start() + len(m.group(0).rstrip())
        spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return [(offset + s, offset + e) for s, e in spans if e > s]


# A paragraph: text up to a blank line. An answer's sentence never runs across one (a headline or a caption above a
# story's lead is not part of its first sentence).
PARAGRAPH_RE = re.compile(r"\S(?:[^\n]|\n(?![^\S\n]*\n))*")
ANSWER_SENTENCE_MIN_WORDS = 4


def answer_sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences in a passage's text that may answer a question: within a paragraph, of at
    least four words. The extractive answer (qa/answers/extract.py) chooses among them, and the index embeds them
    ahead of the questions (qa/index/sentence_vectors.py)."""
    return [(s, e) for para in PARAGRAPH_RE.finditer(text) for s, e in sentence_spans(para.group(0), para.start())
            if len(text[s:e].split()) >= ANSWER_SENTENCE_MIN_WORDS]


# A paragraph ending on a colon introduces the next one (a speaker's words, a list, a quotation).
INTRODUCES_RE = re.compile(r":\s*$")


def _words(text: str) -> int:
    return len(text.split())


def split_document(doc: Document, max_words: int = 170, min_words: int = 25) -> list[Passage]:
    passages: list[Passage] = []
    headings: list[tuple[int, str]] = []  # (level, text)
    group: list[Block] = []

    def emit(start: int, end: int, blocks: list[Block]):
        numbered = [b.number for b in blocks if b.number is not None]
        pages = [b.page for b in blocks if b.page is not None]
        passages.append(Passage(
            passage_id=f"{doc.doc_id}#{len(passages) + 1}", doc_id=doc.doc_id, text=doc.text[start:end],
            start=start, end=end,
            para_start=min(numbered) if numbered else None, para_end=max(numbered) if numbered else None,
            page_start=min(pages) if pages else None, page_end=max(pages) if pages else None,
            headings=[h for _, h in headings],
        ))

    heading_start: int | None = None  # start of the run of headings right above the next block

    def flush():
        nonlocal group
        if group:
            emit(group_start, group[-1].end, group)
        group = []

    group_start = 0
    for block in doc.blocks:
        if block.kind == "heading":
            flush()
            headings = [h for h in headings if h[0] < block.level] + [(block.level, block.text)]
            if heading_start is None or block.after_gap:
                heading_start = block.start
            continue
        if block.after_gap:
            flush()
            heading_start = None
        size = _words(block.text)
        if size > max_words:
            flush()
            _split_long(block, max_words, emit, heading_start)
            heading_start = None
            continue
        current = sum(_words(b.text) for b in group)
        # An item list stays with the sentence that introduces it, when they fit together; a line introducing what
        # follows ("Bradley Simmons, Ofsted's Regional Director for the South West said:", "... also says:") opens
        # the next passage rather than ending one (the quotation is nobody's without it).
        if group and current + size > max_words:
            introducing = group.pop() if len(group) > 1 and INTRODUCES_RE.search(group[-1].text) \
                and _words(group[-1].text) + size <= max_words else None
            flush()
            if introducing:  # (flushed with the block, as the block alone was: `current` still counts the group)
                group, group_start = [introducing], introducing.start
        if not group:
            group_start = block.start if heading_start is None else heading_start
        heading_start = None
        group.append(block)
        if current + size >= max_words - min_words:
            if INTRODUCES_RE.search(block.text) and len(group) > 1:
                group.pop()  # (the passage ends before the line, which opens the next)
                flush()
                group, group_start = [block], block.start
            else:
                flush()
    flush()
    return _merge_tiny(passages, doc, min_words, max_words)


def _split_long(block: Block, max_words: int, emit, heading_start: int | None = None) -> None:
    spans = sentence_spans(block.text, block.start)
    chunk: list[tuple[int, int]] = []
    count = 0
    first = True
    for s, e in spans:
        n = len(block.text[s - block.start:e - block.start].split())
        if chunk and count + n > max_words:
            emit(heading_start if first and heading_start is not None else chunk[0][0], chunk[-1][1], [block])
            chunk, count, first = [], 0, False
        chunk.append((s, e))
        count += n
    if chunk:
        emit(heading_start if first and heading_start is not None else chunk[0][0], chunk[-1][1], [block])


def _merge_tiny(passages: list[Passage], doc: Document, min_words: int, max_words: int) -> list[Passage]:
    """A passage shorter than min_words joins the next one under the same headings (or the previous)."""
    out: list[Passage] = []
    gaps = gap_points(doc)

    def crosses_gap(a: Passage, b: Passage) -> bool:
        return gap_between(gaps, a, b)

    i = 0
    while i < len(passages):
        p = passages[i]
        nxt = passages[i + 1] if i + 1 < len(passages) else None
        nxt_ok = nxt is not None and not crosses_gap(p, nxt)
        joins_prev = bool(out) and not crosses_gap(out[-1], p)
        if _words(p.text) < min_words and nxt and nxt_ok and (nxt.headings == p.headings or not p.headings) \
                and _words(p.text) + _words(nxt.text) <= max_words + min_words:
            passages[i + 1] = join_passages(p, nxt, doc)
        elif _words(p.text) < min_words and out and joins_prev and out[-1].headings == p.headings \
                and _words(out[-1].text) + _words(p.text) <= max_words + min_words:
            out[-1] = join_passages(out[-1], p, doc)
        else:
            out.append(p)
        i += 1
    for n, p in enumerate(out, 1):
        p.passage_id = f"{doc.doc_id}#{n}"
    return out


def gap_points(doc: Document) -> list[int]:
    """Where cleaning removed something (furniture, boilerplate) just before a block of `doc`."""
    return [b.start for b in doc.blocks if b.after_gap]


def gap_between(gaps: list[int], a: Passage, b: Passage) -> bool:
    """Whether one of `gaps` (see gap_points) lies between passage `a` and the later `b`."""
    return any(a.end < g <= b.start for g in gaps)


def join_passages(a: Passage, b: Passage, doc: Document) -> Passage:
    """One passage from `a` to the later `b`: still a verbatim slice of the document, cited by both's paragraphs;
    it keeps `a`'s id and `a`'s headings (or `b`'s, where `a` has none)."""
    def lo(x, y): return min(v for v in (x, y) if v is not None) if (x, y) != (None, None) else None
    def hi(x, y): return max(v for v in (x, y) if v is not None) if (x, y) != (None, None) else None
    return Passage(
        passage_id=a.passage_id, doc_id=doc.doc_id, text=doc.text[a.start:b.end], start=a.start, end=b.end,
        para_start=lo(a.para_start, b.para_start), para_end=hi(a.para_end, b.para_end),
        page_start=lo(a.page_start, b.page_start), page_end=hi(a.page_end, b.page_end),
        headings=a.headings or b.headings,
    )
