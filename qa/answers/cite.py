"""Citations: how a passage is named when it is quoted (publisher, title, type, date, location)."""
from __future__ import annotations

from datetime import date

from qa.datatypes import DOC_TYPE_LABELS, Document, Passage


def long_date(iso: str | None, day: bool = True) -> str:
    """'14 August 2018' (or 'August 2018' without the day) from an ISO date; 'undated' for none."""
    if not iso:
        return "undated"
    d = date.fromisoformat(iso[:10])
    return f"{d.day} {d.strftime('%B')} {d.year}" if day else f"{d.strftime('%B')} {d.year}"


def citation(doc: Document, passage: Passage) -> str:
    label = DOC_TYPE_LABELS.get(doc.doc_type, "document")
    head = f"{doc.publisher}, " if doc.publisher else ""
    when = long_date(doc.date)
    if not doc.date and doc.period_start:  # undated, but the text gives its visit: enough to find it again
        what = {"ofsted_report": "inspection", "ofsted_letter": "visit"}.get(doc.doc_type, "reports on")
        when = f"undated ({what} {period_label(doc)})"
    return f"{head}{doc.title} ({label}), {when}, {passage.location}"


def period_label(doc: Document) -> str:
    if not doc.period_start:
        return ""
    if doc.period_end and doc.period_end != doc.period_start:
        return f"{long_date(doc.period_start)} to {long_date(doc.period_end)}"
    return long_date(doc.period_start)
