"""The JSON contract (README, "JSON contract"): an `Answer` as the dict the CLI prints and the app and `/ask` serve.

Fields may be added, never removed.
"""
from __future__ import annotations

from qa.answers.cite import citation, period_label
from qa.datatypes import DOC_TYPE_LABELS, Answer, Hit


def hit_to_dict(rank: int, hit: Hit) -> dict:
    doc, p = hit.document, hit.passage
    return {
        "rank": rank,
        "text": p.text,
        "doc_id": doc.doc_id,
        "title": doc.title,
        "date": doc.date,
        "doc_type": doc.doc_type,
        "doc_type_label": DOC_TYPE_LABELS.get(doc.doc_type, "document"),
        "source": doc.source,
        "location": p.location,
        "citation": citation(doc, p),
        "score": round(float(hit.score), 6),
        "passage_id": p.passage_id,
        "publisher": doc.publisher,
        "period": period_label(doc),
        "undated": doc.date is None,
        "local_authorities": doc.local_authorities,
        "headings": p.headings,
        "paragraphs": [p.para_start, p.para_end],
        "pages": [p.page_start, p.page_end] if p.page_start is not None else None,
        "start": p.start,
        "end": p.end,
        "highlights": hit.highlights,
        "also_reported_in": hit.also_reported_in,
        "filter_status": "unconfirmed" if hit.unconfirmed else "match",
        "unconfirmed": hit.unconfirmed,
        "scores": {k: round(float(v), 6) for k, v in hit.scores.items()},
    }


def answer_to_dict(answer: Answer) -> dict:
    from qa.retrieval.timeline import annotate

    return annotate({
        "question": answer.question,
        "filters": answer.filters,
        "filters_description": answer.filters_description,
        "abstained": answer.abstained,
        "answer": answer.answer,
        "message": answer.message,
        "mode": answer.mode,
        "notices": answer.notices,
        "passages": [hit_to_dict(i, h) for i, h in enumerate(answer.hits, 1)],
        "related": [hit_to_dict(i, h) for i, h in enumerate(answer.related, 1)],
        "timings_ms": {k: round(v * 1000, 1) for k, v in answer.timings.items()},
        "timeline": None,
    }, answer)
