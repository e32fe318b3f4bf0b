"""The earliest a document can have been published, from the past events its text dates.

An undated news story that says "since the Ofsted focused visit in October 2018" was written after October 2018.
That is enough to show it meets "from October 2018" (a lower bound), never enough to give it a date: its
citation stays undated. Mentions in a sentence about the future ("will be inspected in May 2020", "due by
March 2021") say nothing about when it was written, and are skipped.
"""
from __future__ import annotations

import re
from functools import lru_cache
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
    return max(_past_months(text, today, lambda sentence: not FUTURE_RE.search(sentence)), default=None)


def _past_months(text: str, today: date | None, keep) -> list[date]:
    """First days of the months (with their year) named in the text's sentences that `keep` accepts, up to today."""
    today = today or date.today()
    found = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if keep(sentence):
            found += [month for m in MONTH_YEAR_RE.finditer(sentence)
                      if (month := date(int(m.group(2)), _MONTH_NAMES[m.group(1).lower()[:3]], 1)) <= today]
    return found


# doc_id -> (fingerprint, value): one entry per document, replaced when the document changes.
_floors: dict[str, tuple[str, date | None]] = {}


def read(text: str) -> dict:
    """What a document's text dates, read once at ingest and stored with it (Document.mentions), so that no
    question has to read every undated text. Dates after the ingest day are left out, as in `not_before`."""
    floor = not_before(text)
    return {"not_before": floor.isoformat() if floor else None, "event_months": sorted(event_months(text)),
            "event_dates": sorted(d.isoformat() for d in event_dates(text))}


def document_not_before(doc) -> date | None:
    """`not_before` of a document's text, computed once per document version (not once per question: a bounded
    cache smaller than the corpus would read every undated text again for each "from" question). Read from
    what ingest stored; an index built before that reads each text once, on the first question needing it."""
    stored = getattr(doc, "mentions", None) or {}
    if "not_before" in stored:
        return date.fromisoformat(stored["not_before"]) if stored["not_before"] else None
    return per_document(_floors, doc, not_before)


def per_document(cache: dict, doc, compute):
    """compute(doc.text), kept per document version. Safe across threads: at worst two compute the same value."""
    found = cache.get(doc.doc_id)
    if found is None or found[0] != doc.fingerprint:
        found = (doc.fingerprint, compute(doc.text))
        cache[doc.doc_id] = found
    return found[1]


# A month named without its year ("following an inspection in June", "the visit, which took place in November"):
# the text dates an event to that month of a year it does not say.
# Not one a year follows within the date it is part of ("from 28 November to 9 December 2019", "between June
# and July 2019").
MONTH_NAMES = "|".join(name.title() for name in MONTHS)  # as a month is written in running text: capitalised
BARE_MONTH_RE = re.compile(rf"\b({MONTH_NAMES})\b(?![^.;\n]{{0,30}}?\b(?:19|20)\d\d\b)")
EVENT_WORD_RE = re.compile(r"\b(visit|visited|inspection|inspected|inspectors?|re-inspection)\b", re.I)
# Looking ahead ("will be inspected in May"); narrower than FUTURE_RE, as "inspected by Ofsted in June" is past.
# "an improvement plan" is a noun, not a plan to visit.
PLAN_RE = re.compile(r"\b(will|would|shall|due to|expected to|expects to|scheduled|planned for|plans to|intends? to|"
                     r"next|upcoming|forthcoming)\b", re.I)


def event_months(text: str, yearless: bool = False) -> frozenset[int]:
    """Months a text names, without a year, in a sentence about a visit or an inspection that has happened (with
    `yearless`, only in a sentence naming no year at all: "Back in 2019, inspectors visited in November" gives the
    month its year)."""
    found = set()
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if PLAN_RE.search(sentence) or not EVENT_WORD_RE.search(sentence) \
                or yearless and re.search(r"\b(?:19|20)\d\d\b", sentence):
            continue
        found.update(MONTHS[m.lower()] for m in BARE_MONTH_RE.findall(sentence))
    return frozenset(found)


# ... in the year the text was written: "Following a visit in January and February this year"
THIS_YEAR_RE = re.compile(r"\bthis\s+year\b", re.I)


def this_year_event_months(text: str) -> frozenset[int]:
    """Months a text names in a sentence about a past visit or inspection that dates it to "this year"."""
    return frozenset(MONTHS[m.lower()] for start, end in sentence_spans(text)
                     if THIS_YEAR_RE.search(sentence := text[start:end]) and EVENT_WORD_RE.search(sentence)
                     and not PLAN_RE.search(sentence) and not _OTHER_YEAR_RE.search(sentence)
                     for m in BARE_MONTH_RE.findall(sentence))


_OTHER_YEAR_RE = re.compile(r"\b(?:last|previous|next)\s+year\b|\b(?:19|20)\d\d\b", re.I)  # (its months may be
# that year's: "The visit in January last year found drift ..., and this year the council has hired ...")


_event_months: dict[str, tuple[str, frozenset[int]]] = {}
_yearless_months: dict[str, tuple[str, frozenset[int]]] = {}
_this_year_months: dict[str, tuple[str, frozenset[int]]] = {}


def document_this_year_event_months(doc) -> frozenset[int]:
    """`this_year_event_months` of a document's text, once per document version."""
    return per_document(_this_year_months, doc, this_year_event_months)


def document_yearless_event_months(doc) -> frozenset[int]:
    """`event_months(..., yearless=True)` of a document's text, once per document version."""
    return per_document(_yearless_months, doc, lambda text: event_months(text, yearless=True))


def document_event_months(doc) -> frozenset[int]:
    """`event_months` of a document's text, once per document version (as `document_not_before`)."""
    stored = getattr(doc, "mentions", None) or {}
    if "event_months" in stored:
        return frozenset(stored["event_months"])
    return per_document(_event_months, doc, event_months)


# "warned by the inspectorate in April 2018", "Ofsted's visit in March 2019": an inspection event and its month.
EVENT_DATE_WORD_RE = re.compile(r"\b(visit|visited|inspect\w*|re-inspect\w*|ofsted)\b", re.I)


def event_dates(text: str, today: date | None = None) -> frozenset[date]:
    """First days of the months a text dates a past inspection event in (month and year in a sentence about a
    visit, an inspection or Ofsted; not one looking ahead)."""
    return frozenset(_past_months(text, today, lambda sentence: EVENT_DATE_WORD_RE.search(sentence)
                                  and not PLAN_RE.search(sentence)))


_event_dates: dict[str, tuple[str, frozenset[date]]] = {}


# A figure's date: "At 30 April 2024, six care leavers were living in bed and breakfast", "as at 31 March 2023"
AS_AT_RE = re.compile(r"\b(?:as\s+)?(?:at|of)\s+\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH_YEAR_RE.pattern[2:], re.I)


def as_at_months(text: str) -> frozenset[date]:
    """First days of the months a text gives figures at ("At 30 April 2024, ..."): what it reports on."""
    return frozenset(date(int(m.group(2)), _MONTH_NAMES[m.group(1).lower()[:3]], 1) for m in AS_AT_RE.finditer(text))


_as_at: dict[str, tuple[str, frozenset[date]]] = {}


def document_as_at_months(doc) -> frozenset[date]:
    """`as_at_months` of a document's text, once per document version."""
    return per_document(_as_at, doc, as_at_months)


def document_event_dates(doc) -> frozenset[date]:
    """`event_dates` of a document's text, once per document version (as `document_not_before`)."""
    stored = getattr(doc, "mentions", None) or {}
    if "event_dates" in stored:
        return frozenset(date.fromisoformat(v) for v in stored["event_dates"])
    return per_document(_event_dates, doc, event_dates)


# An event of its own dated only by when the text was written: "after a full inspection last month", "inspectors
# who visited earlier this month" (not one still to come: "will be inspected next month")
RECENT_EVENT_RE = re.compile(r"\b(?:last|earlier\s+this|this)\s+(?:month|week|fortnight)\b|\bin\s+recent\s+weeks\b",
                             re.I)


# (still to come: "Ofsted inspectors are expected at County Hall this month", "An inspection is due this month")
_AWAITED_RE = re.compile(r"\b(?:expected|due|set\s+to|about\s+to|scheduled|awaited|awaiting)\b", re.I)


def tells_recent_event(text: str) -> bool:
    """Whether a sentence of `text` tells of a visit or an inspection held "last month" or "this week" (one it dates
    no otherwise: "the letter from the monitoring visit in June 2023" is that month's)."""
    return any(RECENT_EVENT_RE.search(sentence) and EVENT_WORD_RE.search(sentence) and not PLAN_RE.search(sentence)
               and not _AWAITED_RE.search(sentence) and not MONTH_YEAR_RE.search(sentence)
               for sentence in (text[start:end] for start, end in sentence_spans(text)))


_recent_events: dict[str, tuple[str, bool]] = {}


def document_tells_recent_event(doc) -> bool:
    """`tells_recent_event` of a document's text, once per document version."""
    return per_document(_recent_events, doc, tells_recent_event)


# A date recalled as an earlier event's: "since the previous monitoring visit in March 2025".
RECALLED_DATE_RE = re.compile(r"\b(?:last|previous|earlier|prior|since|following|after|before)\W+(?:\w+\W+){0,4}$", re.I)


@lru_cache(maxsize=64)  # (once per document text, as the other readings)
def own_dated_months(text: str) -> frozenset:
    """First days of the months (with their years) a text names other than as an earlier event's."""
    return frozenset(date(int(m.group(2)), _MONTH_NAMES[m.group(1).lower()[:3]], 1)
                     for m in MONTH_YEAR_RE.finditer(text)
                     if not RECALLED_DATE_RE.search(text[max(0, m.start() - 60):m.start()]))
