"""The earliest a document can have been published, from the past events its text dates.

An undated news story that says "since the Ofsted focused visit in October 2018" was written after October 2018.
That is enough to show it meets "from October 2018" (a lower bound), never enough to give it a date: its
citation stays undated. Mentions in a sentence about the future ("will be inspected in May 2020", "due by
March 2021") say nothing about when it was written, and are skipped.
"""
from __future__ import annotations

import re
from datetime import date

from qa.documents.metadata import MONTHS
from qa.passages.split import sentence_spans

_MONTH_NAMES = {name[:3]: number for name, number in MONTHS.items()}
MONTH_YEAR_RE = re.compile(r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                           r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+((?:19|20)\d\d)\b", re.I)
# A sentence looking ahead, or a date given as a deadline, does not date what has happened.
FUTURE_RE = re.compile(r"\b(will|would|shall|due|expected|expects?|scheduled|plans?|planned|planning|intends?|aims?|"
                       r"deadline|target|next|upcoming|forthcoming|until|by)\b", re.I)


def not_before(text: str, today: date | None = None) -> date | None:
    """The first day of the latest month the text dates a past event in, or None. Dates after `today` are
    ignored (a typo or a plan cannot move a document into the future)."""
    today = today or date.today()
    latest = None
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if FUTURE_RE.search(sentence):
            continue
        for m in MONTH_YEAR_RE.finditer(sentence):
            month = date(int(m.group(2)), _MONTH_NAMES[m.group(1).lower()[:3]], 1)
            if month <= today and (latest is None or month > latest):
                latest = month
    return latest


_floors: dict[tuple[str, str], date | None] = {}  # (doc_id, fingerprint) -> not_before(text)


def document_not_before(doc) -> date | None:
    """`not_before` of a document's text, computed once per document version (not once per question: a bounded
    cache smaller than the corpus would read every undated text again for each "from" question)."""
    key = (doc.doc_id, doc.fingerprint)
    if key not in _floors:
        _floors[key] = not_before(doc.text)
    return _floors[key]


# A month named without its year ("following an inspection in June", "the visit, which took place in November"):
# the text dates an event to that month of a year it does not say.
BARE_MONTH_RE = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                           r"December)\b(?!\s*,?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s*,?\s*)?(?:19|20)\d\d)")
EVENT_WORD_RE = re.compile(r"\b(visit|visited|inspection|inspected|inspectors?|re-inspection)\b", re.I)


def event_months(text: str) -> frozenset[int]:
    """Months a text names, without a year, in a sentence about a visit or an inspection that has happened."""
    found = set()
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if FUTURE_RE.search(sentence) or not EVENT_WORD_RE.search(sentence):
            continue
        found.update(MONTHS[m.lower()] for m in BARE_MONTH_RE.findall(sentence))
    return frozenset(found)


_event_months: dict[tuple[str, str], frozenset[int]] = {}


def document_event_months(doc) -> frozenset[int]:
    """`event_months` of a document's text, once per document version (as `document_not_before`)."""
    key = (doc.doc_id, doc.fingerprint)
    if key not in _event_months:
        _event_months[key] = event_months(doc.text)
    return _event_months[key]
