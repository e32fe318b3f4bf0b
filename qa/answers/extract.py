"""From ranked hits to the answer's words: an extractive answer, highlights, abstention.

Nothing here writes prose: the answer is one to three sentences copied verbatim from the passages,
each followed by [n], the rank of the passage it came from.
"""
from __future__ import annotations

import re

import numpy as np

from qa.passages.split import answer_sentence_spans
from qa.retrieval.answer_type import answer_type_weight
from qa.retrieval.rank import SENTENCE_LINE_RE, reply_weight, scope_weight
from qa.terms import tokenize
from qa.datatypes import Hit

# Abstention (see README, "When it says nothing answers"): dense cosine of the best passage, and for
# BM25-only mode the share of the question's content terms found in the best passage.
# Measured on the dev set plus general-knowledge questions: out-of-scope questions peak at cosine
# 0.12, in-scope ones start at 0.29. Below DENSE_FLOOR nothing is related; between the floor and
# DENSE_CONFIDENT the passage must also share half the question's terms.
DENSE_FLOOR = 0.20
DENSE_CONFIDENT = 0.30
MIN_TERM_COVERAGE = 0.5
# Keyword search alone, measured on the pooled development sets (964 answerable questions, 221 to abstain on, beside
# the wider pages): half the question's terms in the best passage refused 155 answerable questions and caught 2
# abstentions no other rule caught; what tells an out-of-scope question ("a good recipe for lasagne") is that most
# of its words occur nowhere in the corpus. A passage holding a fifth of the terms still answers.
BM25_ONLY_MIN_COVERAGE = 0.2
MIN_KNOWN_SHARE = 0.5
ANSWER_SENTENCES = 3
SENTENCE_KEEP_RATIO = 0.8  # a further sentence joins the answer when it scores this close to the best


# Just below the floor, a passage holding every one of two or more of the question's terms still answers: "anything
# on knife crime?" put to a council page whose one bullet of twelve says "knife crime issues" (the page's vector is of
# the other eleven, cosine 0.19). Not far below it: out-of-scope questions of common words ("What time does the
# council office open?") find such a passage too, at cosines up to 0.12.
WHOLE_MATCH_TERMS = 2
WHOLE_MATCH_FLOOR = 0.15


def should_abstain(dense_top: float | None, coverage: float, known: float = 1.0, terms: int = 0) -> bool:
    if dense_top is None:  # BM25-only mode
        return coverage < BM25_ONLY_MIN_COVERAGE or known < MIN_KNOWN_SHARE
    if dense_top < DENSE_FLOOR:
        return not (dense_top >= WHOLE_MATCH_FLOOR and coverage >= 1.0 and terms >= WHOLE_MATCH_TERMS)
    return dense_top < DENSE_CONFIDENT and coverage < MIN_TERM_COVERAGE


def sentence_candidates(hits: list[Hit]) -> list[tuple[int, int, int, str]]:
    """(hit index, start, end, text) of every sentence in the hits, offsets relative to the passage."""
    return [(i, s, e, hit.passage.text[s:e]) for i, hit in enumerate(hits)
            for s, e in answer_sentence_spans(hit.passage.text)]


NOT_A_SENTENCE = 0.75
# ... and a letterhead or an address says nothing at all: "Newcastle upon Tyne NE1 9XX T 0300 123 4567
# enquiries@ofsted.example" (a postcode, a telephone number, an e-mail or web address)
CONTACT_LINE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b|\S@\S|\bwww\.|\b0\d{3}\s?\d{3}\s?\d{4}\b")
CONTACT_LINE = 0.2
# (unless that is what is asked: "what is the phone number for the LADO?", "how do I contact ...?")
CONTACT_ASKED_RE = re.compile(r"\b(?:phone|telephone|tel|number|e-?mail|contact\w*|address|call|ring|website|"
                              r"web\s+page|postcode|write\s+to)\b", re.I)


# Sentences embedded per answer (about 8 ms each on 2 AVX2 cores): the top passage's best three by shared words
# (the lead comes from there) and the best other one.
DENSE_SENTENCES = 4
FIRST_PASSAGE_SENTENCES = 3


def lexical_scores(question: str, sentences: list[str]) -> np.ndarray:
    """Share of the question's terms in each sentence."""
    q_terms = set(tokenize(question))
    return np.array([len(q_terms & set(tokenize(s))) / max(len(q_terms), 1) for s in sentences])


def score_sentences(question: str, sentences: list[str], encode=None, dense_rows: list[int] | None = None,
                    lexical: np.ndarray | None = None) -> np.ndarray:
    """Lexical scores, blended with dense cosine for the `dense_rows` sentences when an encoder is given (the answer
    candidates; the rest are only highlighted, by words)."""
    lexical = lexical_scores(question, sentences) if lexical is None else lexical
    if encode is None or not sentences:
        return lexical
    rows = list(range(len(sentences))) if dense_rows is None else dense_rows
    if not rows:
        return lexical
    vectors = encode([question] + [sentences[k] for k in rows])
    scores = lexical.copy()
    scores[rows] = 0.7 * (vectors[1:] @ vectors[0]) + 0.3 * lexical[rows]
    return scores


def extract(question: str, hits: list[Hit], encode=None, pool: int = 3, kind: str | None = None,
            role: str | None = None, source: str | None = None,
            event: str | None = None) -> tuple[str, dict[int, list[list[int]]]]:
    """The extractive answer and, per hit index, the [start, end] of its best-matching sentences. `kind` and
    `role` (qa/retrieval/answer_type.py): a sentence holding the asked kind of fact ("Who ...": one naming
    somebody, in the asked role if one is asked) is preferred, as passages are in ranking."""
    top = hits[:pool]
    candidates = sentence_candidates(hits)  # ordered by hit, so the pool's sentences come first
    if not candidates:
        return "", {}
    pool = [k for k, c in enumerate(candidates) if c[0] < len(top)]
    texts = [c[3] for c in candidates]
    lexical = lexical_scores(question, texts)
    # Embedding every candidate sentence is most of a question's time when they are new: the top passage's
    # sentences (the lead comes from there) and the best of the others by shared words are enough.
    first = sorted((k for k in pool if candidates[k][0] == 0), key=lambda k: -lexical[k])[:FIRST_PASSAGE_SENTENCES]
    type_weights = np.array([answer_type_weight(kind, t, role, event) for t in texts]) if kind else None
    if kind and not any(type_weights[k] > 1.0 for k in first):
        # (one of them holding the asked fact, though it shares no word: "The inspectors were Maria Ellerby, HMI,
        # ...", asked "Who led the first monitoring visit?", under a letterhead that names Ofsted)
        holding = [k for k in pool if candidates[k][0] == 0 and type_weights[k] > 1.0]
        if holding:
            first = first[:FIRST_PASSAGE_SENTENCES - 1] + [max(holding, key=lambda k: lexical[k])]
    others = sorted((k for k in pool if candidates[k][0] != 0), key=lambda k: -lexical[k])
    dense_rows = first + others[:max(0, DENSE_SENTENCES - len(first))]
    scores = score_sentences(question, texts, encode, dense_rows=dense_rows, lexical=lexical)
    if encode is not None:  # pool sentences not embedded count as if their cosine were 0
        embedded = set(dense_rows)
        unscored = [k for k in pool if k not in embedded]
        scores[unscored] = 0.3 * lexical[unscored]
    # A headline, a caption or a table row packs the question's words without saying anything in a sentence.
    contact = CONTACT_LINE if not CONTACT_ASKED_RE.search(question) else NOT_A_SENTENCE
    scores = scores * np.array([1.0 if SENTENCE_LINE_RE.search(t) else contact if CONTACT_LINE_RE.search(t)
                                else NOT_A_SENTENCE for t in texts])
    if kind:
        scores = scores * type_weights
    # What a visit looked at is not what it found (as in ranking: qa/retrieval/rank.py)
    scores = scores * np.array([scope_weight(t, question, kind) for t in texts])
    # ... and a council's reply is not what inspectors said, when their view is asked (`source` "ofsted")
    scores = scores * np.array([reply_weight(t, question, source, hits[c[0]].document.doc_type == "council_page")
                                for t, c in zip(texts, candidates)])

    # Highlights: in each passage, its sentences scoring close to that passage's best.
    highlights: dict[int, list[list[int]]] = {}
    for hit_index in range(len(hits)):
        idx = [k for k, c in enumerate(candidates) if c[0] == hit_index]
        if not idx:
            continue
        best = max(scores[k] for k in idx)
        highlights[hit_index] = [[candidates[k][1], candidates[k][2]] for k in idx
                                 if scores[k] >= best * 0.85 and scores[k] > 0][:2]
    # Answer: best sentences from the top passages, the top passage's best always first.
    in_pool = [k for k, c in enumerate(candidates) if c[0] < len(top)]
    if not in_pool:
        return "", highlights
    first_hit = [k for k in in_pool if candidates[k][0] == 0]
    lead = max(first_hit, key=lambda k: scores[k]) if first_hit else max(in_pool, key=lambda k: scores[k])
    chosen = [lead]
    for k in sorted(in_pool, key=lambda k: -scores[k]):
        if len(chosen) >= ANSWER_SENTENCES:
            break
        if k not in chosen and scores[k] >= SENTENCE_KEEP_RATIO * scores[lead] and scores[k] > 0:
            chosen.append(k)
    parts = [f"{candidates[k][3]} [{candidates[k][0] + 1}]" for k in chosen]
    return " ".join(parts), highlights
