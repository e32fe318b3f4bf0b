"""Ranking after fusion: metadata filters, source and date priors, near-duplicate grouping.

Numbers first:
- TYPE_PRIOR: a primary source outranks a report of it when relevance is close (letter 1.0, news 0.92).
- With a source cue ("inspectors said") the preferred kind gets 1.0 and the others SOURCE_CUE_PENALTY.
- UNDATED_PENALTY: under a time filter, a document with no date at all ranks below dated ones.
- PROSE_FLOOR / HEADER_FLOOR / STUB_FLOOR: a passage without a sentence keeps x0.8, a bare header of under 20
  words x0.65, a masthead or byline alone (under 5 words) x0.4.
- SCOPE_PENALTY: an "Areas covered" section, and a letter's sentences saying what a visit looked at (not what it
  found), weigh x0.6 (in proportion to their share of a passage) unless the question asks about the visit itself.
- REPLY_PENALTY: asked for Ofsted's view, paragraphs quoting someone who speaks for the council weigh x0.7 by
  share; IMPROVE_PENALTY: a "What needs to improve" list x0.85 unless the question asks what must improve, and
  IMPROVE_ASKED_BOOST x1.2 when it asks for that list.
- A passage of another document sharing a run of QUOTE_WORDS words with a more authoritative passage, or with 3-word
  shingle Jaccard >= DUPLICATE_JACCARD, is grouped under it ("also reported in"); one of the same document is
  hidden when half its 3-word shingles are another shown passage's (REPEATED_SHARE).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from qa.retrieval.question import (COUNCIL_DECISION_RE, DAY_OF, MONTH_RE, NEGATED_EVENT_RE, NEGATED_SOURCE_RE,
                                   OUTLET_WORDS,
                                   _WHAT_OTHERS_SAY,
                                   NUMBER_WORDS, OTHER_INSPECTORATE_RE,
                                   LETTER_IN_MONTH_RE, PUBLISHED_RE, SOURCE_KINDS, YEAR, Query, authority_surface_re,
                                   _month, council_sources_set_aside, find_authorities, places_asked,
                                   without_set_asides)
from qa.datatypes import Document, Hit
from qa.documents.clean import GRADE_CELL
from qa.documents.gazetteer import find_in_text, name_within
from qa.retrieval.acronyms import FIELD_GLOSSARY, spelled_out_re
from qa.documents.mentions import (MONTH_NAMES, per_document, document_event_dates, document_event_months,
                                   document_as_at_months, document_yearless_event_months,
                                   document_this_year_event_months,
                                   document_not_before)
from qa.documents.metadata import MONTHS, ORDINAL_RE, UPDATED_DATE_CONFIDENCE, ordinal_value, parse_date
from qa.retrieval.answer_type import (ASIDE_WORDS, INSPECTOR_NAMED_RE, NOT_WANTED, asks_council_services, dates_event,
                                      asks_grade, grades_tied_to, holds, provider_report)

TYPE_PRIOR = {"ofsted_letter": 1.0, "ofsted_report": 1.0, "council_page": 0.95, "news_article": 0.92, "other": 0.92}
SOURCE_CUE_PENALTY = 0.8
NAMED_SOURCE_PENALTY = 0.65  # "What did Ofsted's letter say ...?": the letter itself, unless none is in scope
UNDATED_PENALTY = 0.8
UNKNOWN_FACT_PENALTY = 0.85  # asked for a place/visit the document does not state
# "halton care leavers bed and breakfast monitoring visit": a monitoring visit asked, by no number, leans towards the
# documents numbering theirs (the letters and stories on one) over a full inspection's report on the same topic.
# (x0.8 lost three handbook questions their first places; x0.9 moved five questions, each up.)
MONITORING_ASKED_RE = re.compile(r"\bmonitoring\s+visit|\bmvs?\b", re.I)
MONITORING_UNSTATED_PENALTY = 0.9
# "When did Ofsted carry out its focused visit to Telford and Wrekin?": a focused visit is never a numbered
# monitoring visit, so the documents numbering theirs report another event.
FOCUSED_ASKED_RE = re.compile(r"\bfocus+ed\s+visits?\b|\bfvs?\b", re.I)
# (x0.8 left such a letter second, above the asked report's own next passages: x0.6 moved one, x0.4 five, x0.25 none
# more, and no first place moved)
MONITORING_NOT_FOCUSED_PENALTY = 0.4
# "What did Ofsted's 2023 inspection report on Hackney say about agency staff?": a full inspection is no monitoring
# visit either, so a numbered visit's letter (the same year's, the same topic) reports another event.
_FULL_INSPECTION_NAMES = (r"\binspection\s+report|\bfull\s+inspection|\bre-?inspection|\bilacs\b|\bsif\b|"
                          r"\bsingle\s+inspection")
INSPECTION_ASKED_RE = re.compile(_FULL_INSPECTION_NAMES + r"|"
                                 # ("In Haringey's 2022 inspection, ...": the year's inspection, not a visit)
                                 r"\b(?:19|20)\d\d\s+(?:ofsted\s+)?inspection\b"
                                 r"(?!\s+of\s+(?:a|an|the|its)\s+(?:[\w'’-]+\s+){0,2}?(?:children['’]?s\s+)?homes?\b)",
                                 re.I)
# ... not one that only marks when a time began or ended: "progress since the 2019 inspection", "after the 2022
# Ofsted inspection rated it inadequate, what did inspectors say in 2023?"
_INSPECTION_ANCHOR_RE = re.compile(r"\b(?:since|after|following|before|until|prior\s+to|ahead\s+of)\s+"
                                   r"(?:(?:the|its|their|[\w'’-]+['’]s?)\s+)?(?:(?:last|previous|latest)\s+)?$", re.I)


@lru_cache(maxsize=256)
def asks_monitoring_visit(question: str) -> bool:
    return bool(MONITORING_ASKED_RE.search(question))  # (asked once per question, not per candidate)


_focused: dict = {}


_visits_named: dict = {}
_A_VISIT_RE = re.compile(r"\b(?:visit(?:s|ed|ing)?|fv|mv\d*)\b", re.I)


def names_a_visit(doc: Document) -> bool:
    """Whether a document names any visit (read once per document version)."""
    return per_document(_visits_named, doc, lambda text: bool(_A_VISIT_RE.search(text)))


def names_focused_visit(doc: Document) -> bool:
    """(a letter "the second visit since the inspection" numbered, or a paper recalling a monitoring visit, may be
    on a focused visit after all: read once per document version, not per passage)"""
    return per_document(_focused, doc, lambda text: bool(FOCUSED_ASKED_RE.search(text)))


# A visit that only marks when the asked inspection came: "the full ILACS re-inspection after the final MV in Sept 2025"
# (or "the inspection that followed Northamptonshire's October 2018 focused visit")
VISIT_ANCHOR_RE = re.compile(r"\b(?:since|after|following|follow(?:ed|s)|before|until|preceded|prior\s+to|"
                             r"ahead\s+of)\s+(?:the|its|their|[\w'’-]+['’]s)\s+"
                             r"(?:[\w'’-]+\s+){0,3}?(?:mvs?|fvs?|(?:monitoring\s+|focus+ed\s+)?visits?)\b"
                             r"(?:(?!\s+and\s+(?:what|how|who|when|which|did)\b)[^,:;?.!])*", re.I)


def _titled_on_monitoring_visit(title: str) -> bool:
    """"Final Ofsted monitoring visit highlights ...": one visit (not "Ofsted inspection and monitoring visits:
    update")."""
    return bool(re.search(r"\bmonitoring\s+visit\b(?!s)", title, re.I)) and not re.search(r"\binspection", title, re.I)


# (by its name: "the 2023 inspection" may be what a user calls a focused visit)
_FULL_INSPECTION_NAMED_RE = re.compile(_FULL_INSPECTION_NAMES + r"|\binspection\s+of\s+local\s+authority\s+children",
                                       re.I)


@lru_cache(maxsize=256)
def names_full_inspection(question: str) -> bool:
    return bool(_FULL_INSPECTION_NAMED_RE.search(without_set_asides(question)))


def _focused_visit_letter(doc: Document) -> bool:
    """"Who led the Suffolk ILACS?": a focused visit's letter ("Focused visit to Suffolk County Council children's
    services", "the findings of the focused visit to ...") is on another event, as a monitoring visit's is."""
    return doc.doc_type == "ofsted_letter" and bool(FOCUSED_ASKED_RE.search(f"{doc.title or ''}\n{doc.text[:400]}"))


@lru_cache(maxsize=256)
def asks_full_inspection(question: str) -> bool:
    asked = NEGATED_SOURCE_RE.sub(" ", question)  # ("Quote the report, not the later monitoring letters")
    # (or a visit set aside in a sentence of its own: "... the full inspection? Not the dates of the MV itself.")
    asked = VISIT_ANCHOR_RE.sub(" ", without_set_asides(asked))
    return any(not _INSPECTION_ANCHOR_RE.search(asked[max(0, m.start() - 40):m.start()])
               for m in INSPECTION_ASKED_RE.finditer(asked)) \
        and not re.search(r"\bvisits?\b|\bmvs?\b|\bfvs?\b|\bmonitoring\b|\bletters?\b", asked, re.I)


_MONITORING_WORDS_RE = re.compile(r"\bmvs?\s?\d*\b|\bmonitoring\s+(?:visits?|letters?)\b", re.I)


@lru_cache(maxsize=256)
def sets_aside_monitoring_visit(question: str) -> bool:
    """"Bromley 2016 ... That report only, not the later MV on permanence": a monitoring visit is set aside, and no
    visit is asked."""
    return any(_MONITORING_WORDS_RE.search(m.group(0)) for m in NEGATED_EVENT_RE.finditer(question)) \
        and not re.search(r"\bvisits?\b|\bmvs?\b|\bmonitoring\b", without_set_asides(question), re.I)


@lru_cache(maxsize=256)
def asks_focused_visit(question: str) -> bool:
    return bool(FOCUSED_ASKED_RE.search(question)) and not MONITORING_ASKED_RE.search(question)
# Sections that list what a visit looked at mention every topic but report no findings.
SCOPE_HEADING_RE = re.compile(r"\b(areas covered|scope of (the )?(visit|inspection)|focus of the visit|"
                              r"notes? (to|for) editors|media (contacts?|enquiries)|"
                              r"what (we|inspectors) looked at)\b", re.I)
SCOPE_PENALTY = 0.6
# A letter's own sentences saying what the visit looked at weigh less by their share, down to this (x0.6 -> x0.45:
# every set's first places +6, round 51; a section under a scope heading stays at x0.6: a findings paragraph
# after an unread heading is under it too)
SCOPE_SENTENCE_PENALTY = 0.45
QUOTE_WORDS = 12
DUPLICATE_JACCARD = 0.5
REPEATED_SHARE = 0.5  # grouped under another source only when half its word triples are that source's


def doc_span(doc: Document) -> tuple[date, date] | None:
    values = [v for v in (doc.date, doc.period_start, doc.period_end) if v]
    if not values:
        return None
    days = sorted(date.fromisoformat(v[:10]) for v in values)
    return days[0], days[-1]


# A letter or report is published weeks after its visit, and a news story about it later still: under a
# month-sized window, a document published up to this long after the window may report on it.
PUBLICATION_LAG = timedelta(days=62)
MONTH_WINDOW = timedelta(days=122)  # a month, a quarter or a season ("late 2019": September to December)
YEAR_WINDOW = timedelta(days=366)
ONE_MONTH = timedelta(days=31)
KEPT_PAGE_LAG = timedelta(days=3 * 366)
# "caseloads at march 2026": figures as at a month, which a committee paper gives a quarter or two later (year-end
# figures at 31 March in a June or September paper), not within a story's weeks
AS_AT_LAG = timedelta(days=183)
# (figures asked, and a month that is no event's: not "what did councillors say at march 2019 cabinet")
_MEETING_WORDS = (r"(?:cabinet|committee|meeting|visit|inspection|mv\d?|fv|board|panel|scrutiny|council|ilacs|sif|jtai|"
                  r"peer|cpp|o&s|lscb|dmt)")
AS_AT_ASKED_RE = re.compile(rf"\b(?:as\s+(?:at|of)|at)\s+(?:(?:the\s+)?end[\s-]+(?:of\s+)?)?"
                            rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_RE}\s+\d{{4}}\b"
                            rf"(?!\s+(?:[\w'’-]+\s+){{0,2}}?{_MEETING_WORDS}\b|\s+when\b)|"
                            # (or a quarter's, its month in brackets, "at end of Q1 25/26 (june 2025) - scrutiny paper
                            # figure": a meeting of that month only where named straight after, "at Q2 (september
                            # 2025) scrutiny", not the source after a dash)
                            rf"(?:q[1-4]|quarter\s+(?:[1-4]|one|two|three|four))(?:\s+(?:20)?\d\d[/-](?:20)?\d\d)?"
                            rf"\s*\(\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_RE}\s+\d{{4}}\s*\)"
                            rf"(?!\s+(?:[\w'’&]+(?:-[\w'’&]+)*\s+){{0,2}}?{_MEETING_WORDS}\b|"
                            rf"\s+when\b))", re.I)
FIGURES_ASKED_RE = re.compile(r"\b(?:caseloads?|numbers?|figures?|rates?|per\s*cent|percentage|proportion|share|"
                              r"cic|cla|lac|children\s+in\s+care|looked\s+after|"
                              r"how\s+many|how\s+much|vacanc\w*|agency|turnover|costs?|spend|budget|total|average|"
                              r"count)\b|%", re.I)


@dataclass(frozen=True)
class FilterCheck:
    """How a document meets the question's hard filters.

    match: it states a date, authority and visit that meet every filter asked (for a month asked without its
           year, its text dating its visit to that month is such a statement).
    unknown: it meets the filters it can be checked against, but does not state `unknown` ("date",
             "authority", "visit"): shown apart and labelled, never presented as matching.
    excluded: it states something that contradicts a filter, or is of a type the user excluded."""

    status: str
    unknown: tuple[str, ...] = ()
    reported: bool = False  # in only as a later story dating an inspection to the time asked (_reports_on_window)


EXCLUDED = FilterCheck("excluded")


def check_filters(doc: Document, query: Query) -> FilterCheck:
    if query.doc_types and doc.doc_type not in query.doc_types:
        return EXCLUDED
    unknown = []
    reported = False  # in only as a story just after the window on an event in it
    if query.date_from or query.date_to:
        span = doc_span(doc)
        if span is None:
            if _written_long_after(doc, query):
                return EXCLUDED
            if not _written_after(doc, query):
                unknown.append("date")
        elif not _in_window(doc, span, query):
            if _undated_write_up_of_visit_before(doc, query):
                unknown.append("date")
            elif not _reports_on_window(doc, query):
                return EXCLUDED
            else:
                reported = True
    if query.month:
        fits = month_fits(doc, query.month)
        if fits is False:
            return EXCLUDED
        if fits is None and "date" not in unknown:
            unknown.append("date")
    if query.authorities:
        if not doc.local_authorities:
            unknown.append("authority")
        elif not {a.casefold() for a in query.authorities} & {a.casefold() for a in doc.local_authorities}:
            return EXCLUDED
    if query.visit_number:
        if not doc.visit_number and doc.doc_type == "ofsted_report":
            return EXCLUDED  # a full inspection's report is no monitoring visit, numbered or not
        if not doc.visit_number:
            unknown.append("visit")
        elif doc.visit_number != query.visit_number:
            return EXCLUDED
    if reported and unknown:
        return EXCLUDED  # (a national list from the next January names no council: not shown as about one)
    return FilterCheck("unknown", tuple(unknown)) if unknown else FilterCheck("match", reported=reported)


def _undated_write_up_of_visit_before(doc: Document, query: Query) -> bool:
    """"April 2019, when the final MV letter came out": an undated page on a visit in March may be the write-up
    published in April. Its date is unknown (shown apart), not outside the month: the visit's dates are not its own."""
    if doc.date or not doc.period_end or not (query.date_from and query.date_to) or query.month_dates_visit \
            or query.date_to - query.date_from > MONTH_WINDOW or doc.doc_type in SOURCE_KINDS["ofsted"] \
            or not (PUBLISHED_RE.search(query.text) or LETTER_IN_MONTH_RE.search(query.text)):
        return False  # (an Ofsted letter's visit dates are its own; only a question on the publication)
    month_before = (query.date_from.replace(day=1) - timedelta(days=1)).replace(day=1)
    return month_before <= date.fromisoformat(doc.period_end) < query.date_from


def _written_after(doc: Document, query: Query) -> bool:
    """An undated document meets an open "from" filter when its text dates a past event on or after the start
    ("since the focused visit in October 2018" meets "from October 2018"); a closed window it cannot show."""
    if not query.date_from or query.date_to:
        return False
    floor = document_not_before(doc)
    return floor is not None and floor >= query.date_from


def _written_long_after(doc: Document, query: Query) -> bool:
    """An undated document on a later inspection the question sets aside is not of the closed window asked: its text
    dates its last inspection event to a year set aside, more than a year after the window, and none in it
    ("Liverpool's 2018 ILACS ... Not the March 2023 inadequate": a story saying "The latest inspection took place in
    March 2023"). (A later page recalling the window is still shown apart where the later event is not set aside,
    "what were they rated before (2018)?"; so is a history dating the event asked too, "The ILACS in June 2018 found
    ...; a focused visit in February 2023 ...")"""
    if not query.date_to or not (events := document_event_dates(doc)):
        return False
    last = max(events)
    return last > query.date_to + YEAR_WINDOW and last.year in years_set_aside(query.text) \
        and not any((query.date_from or date.min) <= event <= query.date_to for event in events)


def month_fits(doc: Document, month: int) -> bool | None:
    """Is a document about an event in `month` (of any year)? Its visit dates decide; else its date, which may
    come up to PUBLICATION_LAG after the event; else a visit its text dates to that month; else it cannot say
    (None)."""
    if doc.period_start:
        lo = date.fromisoformat(doc.period_start[:10])
        return month in _months_between(lo, date.fromisoformat((doc.period_end or doc.period_start)[:10]))
    if doc.date:
        return (date.fromisoformat(doc.date[:10]).month - month) % 12 <= PUBLICATION_LAG.days // 31
    # undated: its text may still date a visit to that month ("the visit, which took place in November")
    return True if month in document_event_months(doc) else None


# A passage that dates things by other months only ("the visit, which took place in September") is about
# another event than the month asked ("the December visit", "in March 2024").
MONTH_NAME_RE = re.compile(rf"\b({MONTH_NAMES})\b")
OTHER_MONTH_PENALTY = 0.8


def asked_months(query: Query) -> frozenset[int]:
    """The months a question asks about: a month without its year, or a window of a month or so."""
    if query.month:
        return frozenset({query.month})
    if query.date_from and query.date_to and query.date_to - query.date_from <= MONTH_WINDOW:
        return _months_between(query.date_from, query.date_to)
    return frozenset()


_DAY_ASKED_RE = re.compile(rf"^(?:on\s+)?(?:the\s+)?{DAY_OF}{MONTH_RE}\s+((?:19|20)\d\d)$", re.I)


def asked_day(query: Query) -> str | None:
    """The day a question dates to (ISO), where it gives one: "lincs cyp scrutiny 1/3/24" (the meeting that day)."""
    if not (m := _DAY_ASKED_RE.match(query.time_phrase or "")) or not query.date_from:
        return None
    day = int(m.group(1))
    return f"{query.date_from:%Y-%m}-{day:02d}" if 1 <= day <= 31 else None


def months_named(text: str) -> frozenset[int]:
    """The months a text names. Those a question names ("recruited since April, according to the report in
    November 2023") are no other event than the one asked about."""
    return frozenset(MONTHS[m.lower()] for m in MONTH_NAME_RE.findall(text))


def _months_between(lo: date, hi: date) -> frozenset[int]:
    """The months of the year a span touches (all twelve from a year on)."""
    count = min(12, (hi.year - lo.year) * 12 + hi.month - lo.month + 1)
    return frozenset((lo.month - 1 + i) % 12 + 1 for i in range(max(count, 0)))


# A deadline or a start ("posts filled by September 2023", "a provider commissioned from April") dates no event; nor
# does the day a figure was counted ("17 care leavers ... at the end of August", reported to September's meeting).
PLANNED_MONTH_RE = re.compile(rf"\b(?:(?i:by|from|until|till|before)\s+(?i:the\s+end\s+of\s+)?|"
                              rf"(?i:as\s+(?:at|of))\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?)(?:{MONTH_NAMES})\b|"
                              # (the end of a month after a figure in its sentence, not a visit's: "took place at ...")
                              rf"\b(?!(?:19|20)\d\d\b)\d[\d,.]*%?[^.;!?\d]{{0,100}}?\b(?i:at\s+the\s+end\s+of)\s+"
                              rf"(?:{MONTH_NAMES})\b|"
                              # nor a meeting still to come ("will be discussed at the committee on 12 February")
                              # (its own adverbial: not past the verb of another clause or another month, "will be
                              # measured against the weaknesses inspectors identified in March")
                              rf"\b(?i:will|is\s+due\s+to|is\s+to)\s+be\s+\w+(?:(?!\b(?i:\w+ed|following|since|after|"
                              rf"during|when|which|that|who)\b|\b(?:{MONTH_NAMES})\b)[^.;!?]){{0,90}}?\b(?i:on|in)\s+"
                              rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{MONTH_NAMES})\b")


# The month of something before or after the dated event is asked ("around the Jan 2017 visit: which minister had
# written beforehand, and in which month?"): the answer names another month, which is no other event here.
RELATIVE_MONTH_ASKED_RE = re.compile(r"\b(?:which|what)\s+month\b(?=[^?]{0,200}?\b(?:beforehand|"
                                     r"before\s+(?:that|it|then)|earlier|previously|afterwards|"
                                     r"next\s+(?:visit|inspection|letter|report|meeting))\b)|"
                                     r"\b(?:beforehand|earlier|previously|afterwards)\b"
                                     r"(?=[^?]{0,200}?\b(?:which|what)\s+month\b)", re.I)


# A month dates another event when its sentence names one; "a period of high demand in May" (in the June visit's
# letter) is a time the asked visit looked back on.
DATED_EVENT_RE = re.compile(r"\b(?:visit\w*|inspect\w*|re-?inspect\w*|ofsted|hmi|letter|report\w*|publish\w*|"
                            r"judge?(?:d|ment)|rated|rating|graded|deemed|findings?|found|outcome|meeting|committee|"
                            r"cabinet|took\s+place|carried\s+out|announc\w*|appoint\w*|wrote|written)\b", re.I)


# "a significant improvement since the last monitoring visit ..., in November 2017": a month the passage looks
# back from, not the event it tells
# (or since an event named, to its clause's end: "... since the inspection in March 2022, took place in October")
SINCE_LAST_RE = re.compile(r"\bsince\s+(?:the|its|their)\s+(?:(?:last|previous|first|earlier|prior)\b[^.;]*|"
                           r"(?:[\w-]+\s+){0,2}?(?:inspection|visit|judge?ment|ilacs|sif|report)s?\b[^.;,]*)", re.I)


def month_weight(months: frozenset[int], text: str, headings: tuple[str, ...] | list[str] = (),
                 published: str | None = None, day: str | None = None) -> float:
    if not months or day and published == day:
        return 1.0  # (the paper of the day asked is what is asked, whatever months its figures name)
    # (a heading opening the passage with the document's own date is its dateline or running header, dating no event
    # of its own: "Monitoring visit to Bury children's services - 7 March 2025" over the February visit's findings;
    # not "Ofsted focused visit - 14 and 15 February 2024", the visit's dates)
    body = text
    for heading in headings:
        if body.startswith(heading) and gives_date(heading, published):
            body = body[len(heading):]
    dating_events = _months_of(body)[0]
    named = _months_of(text)[1]  # (the asked month named anywhere is the asked event's: "in March")
    return OTHER_MONTH_PENALTY if dating_events and not named & months else 1.0


@lru_cache(maxsize=4096)  # (a heading and its document's date, read for every passage under it)
def gives_date(text: str, iso: str | None) -> bool:
    """Whether `text` writes the day `iso` (YYYY-MM-DD): "7 March 2025", "Monday, July 22, 2019"."""
    if not iso:
        return False
    return bool(written_date_re(iso).search(text))


@lru_cache(maxsize=4096)
def _months_of(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """(the months a passage names in sentences about an event, every month it names), deadlines and starts left
    out (PLANNED_MONTH_RE)."""
    text = PLANNED_MONTH_RE.sub(" ", text)
    dating = frozenset(m for sentence in re.split(r"(?<=[.!?])\s+", text) if DATED_EVENT_RE.search(sentence)
                       for m in months_named(SINCE_LAST_RE.sub(" ", sentence)))
    return dating, months_named(text)



def _in_window(doc: Document, span: tuple[date, date], query: Query) -> bool:
    lo, hi = span
    date_to = query.date_to
    if query.date_from and date_to and date_to - query.date_from <= MONTH_WINDOW:
        # "the March visit": a document stating its visit's dates is judged by them; otherwise the letter or
        # story about it may come in April or May.
        if doc.period_start:
            if doc.date and not query.month_dates_visit and \
                    query.date_from <= date.fromisoformat(doc.date[:10]) <= date_to:
                return True  # published in the month asked ("reported to the committee in October 2019")
            lo, hi = date.fromisoformat(doc.period_start), date.fromisoformat(doc.period_end or doc.period_start)
        elif doc.date:
            if date_to < hi <= date_to + PUBLICATION_LAG \
                    and outcome_awaited(doc.text, _months_between(query.date_from, date_to)):
                return False  # a paper just after the month that says the visit's outcome is still awaited
            date_to = date_to + PUBLICATION_LAG
    if query.date_from and hi < query.date_from:
        return False
    if date_to and lo > date_to:
        return False
    return True


# "A further monitoring visit took place in November 2021 and the outcome letter is awaited", "receives a further
# report on the outcome of the November 2021 monitoring visit": the month's visit told as still to be reported
# (or not yet out: "the letter had not been published when this feature went to press")
OUTCOME_AWAITED_RE = re.compile(r"\b(?:outcome|letter|report|findings)\b[^.]{0,40}?\b(?:is|are|was|were)\s+(?:still\s+)?"
                                r"(?:awaited|expected|due)\b|\bawait\w*\s+(?:the\s+)?(?:outcome|letter|report|findings)\b|"
                                r"\bfurther\s+report\s+on\s+the\s+outcome\b|\bwill\s+be\s+updated\b|"
                                r"\b(?:outcome|letter|report|findings)\b[^.;]{0,40}?\b(?:(?:has|had|have)\s+not\s+"
                                r"(?:yet\s+)?been|(?:is|are|was|were)\s+(?:not\s+yet|yet\s+to\s+be))\s+published\b", re.I)


@lru_cache(maxsize=1024)  # (per document text and window)
def outcome_awaited(text: str, months: frozenset[int]) -> bool:
    """Every sentence of `text` naming one of `months` tells its event's outcome as still awaited (and some does)."""
    if not OUTCOME_AWAITED_RE.search(text):
        return False  # (most pages: no sentence split)
    named = [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if months_named(s) & months]
    return bool(named) and all(OUTCOME_AWAITED_RE.search(s) for s in named)


def _reports_on_window(doc: Document, query: Query) -> bool:
    """A story published after the time asked about, dating an inspection to it, reports on it: "Cambridgeshire was
    warned in April 2018 that caseloads were unacceptably high" (published February 2019) for "2018", and for "the
    April 2018 focused visit", whose month it names. Any span up to a year admits a story from just after it; a single
    month named is specific, so it admits one from up to a year later. So does a paper weeks after a month asked that
    gives figures at it."""
    if not (doc.date and query.date_from and query.date_to):
        return False
    span = query.date_to - query.date_from
    if span > YEAR_WINDOW:
        return False
    published = date.fromisoformat(doc.date[:10])
    # (the question read for figures as at the month only for a paper past the usual lag: this runs per document)
    if span <= ONE_MONTH and query.date_to < published <= query.date_to + AS_AT_LAG \
            and (published <= query.date_to + PUBLICATION_LAG or as_at_asked(query)) \
            and doc.doc_type not in SOURCE_KINDS["ofsted"] and not query.month_dates_visit \
            and date(query.date_from.year, query.date_from.month, 1) in document_as_at_months(doc):
        # a paper just after the month asked giving its figures at it ("At 30 April 2024, six care leavers were
        # living in bed and breakfast"), whatever visit it is on (not a visit asked by its month); figures asked as at
        # the month may come two quarters later
        return True
    if span <= ONE_MONTH and query.date_to < published <= query.date_to + PUBLICATION_LAG \
            and (asked := _ASKED_ON_RE.search(doc.text[:ASKED_ON_CHARS])) and (day := parse_date(asked.group(1))) \
            and query.date_from <= date.fromisoformat(day) <= query.date_to:
        return True  # a written question's page, dated by its answer, asked in the month asked ("(asked on 16th
        # December 2015)" above "answered on 5th January 2016", for "the PQ asked in Dec 2015")
    if doc.period_start:
        return False  # (a letter stating its own visit's dates is judged by them: "the first since ... April 2018")
    # (so are two months asked together, a visit over the turn of a month: "Lambeth re-inspection Jan/Feb 2018")
    lag = YEAR_WINDOW if span <= 2 * ONE_MONTH else PUBLICATION_LAG
    if doc.doc_type == "council_page" and doc.doc_type in query.doc_types \
            and doc.confidence.get("date", 1.0) <= UPDATED_DATE_CONFIDENCE:
        lag = KEPT_PAGE_LAG  # the council's own page asked for, dated only by its last edit: it is kept up to date
    if not query.date_to < published <= query.date_to + lag:
        return False
    if outcome_awaited(doc.text, _months_between(query.date_from, query.date_to)):
        return False
    # "Inspectors spent two weeks in Reading in November" (published January 2020): a month named without its year
    # is the last such month before the story (weeks before it: "rated inadequate in October" in an April story may
    # be any October).
    bare = {date(published.year - (month > published.month), month, 1)
            for month in document_yearless_event_months(doc)} \
        if published <= query.date_to + PUBLICATION_LAG else set()
    # ("Following a visit in January and February this year": the story's own year, however late in it)
    bare |= {date(published.year, month, 1) for month in document_this_year_event_months(doc)
             if month <= published.month}
    return any(query.date_from <= d <= query.date_to for d in (*document_event_dates(doc), *bare))


_ASKED_ON_RE = re.compile(r"\basked\s+on\s+(\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+(?:19|20)\d\d)\b")
ASKED_ON_CHARS = 600  # (at the top of its page, over the question put)


# A later story admitted for an inspection it dates to the time asked is about a later event too (the February 2019
# story on the January inspection, recalling the April 2018 visit): its passages dating nothing to that time are
# about the later one.
RECALL_PENALTY = 0.7
YEAR_RE = re.compile(r"\b((?:19|20)\d{2})\b")
# A year as an event's time: "in March 2025", "during 2024" (not "Vision 2030", "Plan 2024-2027", a phone number)
EVENT_YEAR_RE = re.compile(r"\b(?:in|during|on|(?:January|February|March|April|May|June|July|August|September|October|"
                           r"November|December))\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:[A-Z][a-z]+\s+)?)?((?:19|20)\d{2})\b"
                           r"(?!\s*[-–/]\s*\d)")


def years_named(text: str) -> frozenset[int]:
    """The years a text names; of a question's text without its time filter, what it recalls, not what it asks."""
    return frozenset(int(y) for y in YEAR_RE.findall(text or ""))


def recall_weight(check: FilterCheck, text: str, query: Query) -> float:
    if ("date" in check.unknown or check.reported or not (query.date_from and query.date_to)) \
            and _only_years_set_aside(text, query):
        # "... the late 2021 inspection ... Not what was said at the 2017 full inspection or the 2018 focused
        # visit": a paragraph dating only what is set aside tells that, whatever its page's date
        return RECALL_PENALTY
    if not (query.date_from and query.date_to):
        return 1.0
    if "date" in check.unknown:
        # An undated page let in under "2023": its paragraph naming only later years ("A monitoring inspection took
        # place in March 2025") tells a later event, whatever the page's other paragraphs recall.
        events = frozenset(int(y) for y in EVENT_YEAR_RE.findall(text or ""))
        later = events and min(events) > query.date_to.year
        return RECALL_PENALTY if later and not any(y <= query.date_to.year for y in years_named(text)) else 1.0
    if not check.reported:
        return 1.0
    if any(query.date_from.year <= y <= query.date_to.year for y in years_named(text)):
        months = asked_months(query)
        if not months or months_named(text) & months:
            return 1.0
    return RECALL_PENALTY


# "Kirklees' 2019 inspection": an undated story whose own events are all dated before the year ("after a two-day
# visit in December 2018", recalling November 2017) is on an earlier event; one dating an event by its month alone
# ("following an inspection in June") may be on the one asked.
EVENT_OF_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\s+(?:ofsted\s+)?(?:ilacs\s+|sif\s+|full\s+|monitoring\s+|focus+ed\s+)?"
                              r"(?:inspections?|visits?|re-?inspections?)\b", re.I)


DATED_VISIT_RE = re.compile(rf"\b(?:visit|inspection|inspected)\b[^.;]{{0,30}}?\b(?:in|on|during)\s+(?:\d{{1,2}}\s+)?"
                            rf"(?:{MONTH_NAMES})\s+((?:19|20)\d\d)\b", re.I)


@lru_cache(maxsize=64)  # once per document text, not once per passage of it
def _latest_visit_year(text: str) -> int:
    return max((int(y) for y in DATED_VISIT_RE.findall(text)), default=0)


def earlier_event_weight(doc: Document, query: Query) -> float:
    """(Its visits as dated in its text: "in post since October 2014" dates no inspection.)"""
    if not query.date_from or doc_span(doc) is not None or (doc.mentions or {}).get("event_months") \
            or not EVENT_OF_YEAR_RE.search(query.text):
        return 1.0
    latest = _latest_visit_year(doc.text)
    return RECALL_PENALTY if latest and latest < query.date_from.year else 1.0


def allowed(doc: Document, query: Query) -> bool:
    """Not excluded: it matches the filters, or does not state what they ask (see `check_filters`)."""
    return check_filters(doc, query).status != "excluded"


# "the full inspection of Hertfordshire children's services": a children's home the council runs had its own full
# inspection, which is not the one asked about.
PROVIDER_PENALTY = 0.6
PROVIDER_HEAD_CHARS = 2000  # its details table (URN, registered manager) opens it; a council paper may cite one later


# An Ofsted letter reproduced inside another page (a committee report's appendix, a story reprinting it whole): from
# its salutation, over the letter's subject, to its sign-off by an inspector. Its passages are Ofsted's words.
_SALUTATION_RE = re.compile(r"(?m)^[^\S\n]*Dear[^\S\n]+[A-Z][\w'’.-]*(?:[^\S\n]+[A-Z][\w'’.-]*){0,3},?[^\S\n]*$")
_LETTER_SUBJECT_RE = re.compile(r"\b(?:monitoring|focus+ed)\s+visit\b|\bjoint targeted area inspection\b|"
                                r"\bthis letter summarises\b", re.I)
_INSPECTOR_SIGN_OFF_RE = re.compile(r"\bH[ei][rs]\s+Majesty['’]s\s+Inspector\b|^[^\S\n]*(?:Senior\s+)?HMI\b|"
                                    r"^[^\S\n]*Ofsted\s+Inspector\b", re.I | re.M)
_CLOSING_RE = re.compile(r"\bYours\s+(?:sincerely|faithfully)\b", re.I)
LETTER_SUBJECT_CHARS = 400  # the subject line or opening sentence follows the salutation
SIGNATURE_CHARS = 200  # the inspector's name and title follow "Yours sincerely"


@lru_cache(maxsize=1024)
def embedded_letter_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each Ofsted letter reproduced in `text` (cached: asked for each candidate passage)."""
    spans = []
    for m in _SALUTATION_RE.finditer(text):
        if spans and m.start() < spans[-1][1] or not _LETTER_SUBJECT_RE.search(text, m.end(), m.end() + LETTER_SUBJECT_CHARS):
            continue
        # to the letter's own closing, signed by an inspector (a director's letter "Yours sincerely / Sam Example /
        # Director of Children's Services" is the council's; "carried out by His Majesty's Inspector Jo Bell" in its
        # first paragraph does not end it)
        closing = _CLOSING_RE.search(text, m.end())
        signed = closing and _INSPECTOR_SIGN_OFF_RE.search(text, closing.end(), closing.end() + SIGNATURE_CHARS)
        if signed:
            spans.append((m.start(), signed.end()))
    return tuple(spans)


def source_kind(doc: Document, start: int | None = None) -> str:
    """The kind of source whose words a passage starting at `start` are: an Ofsted letter reproduced in a council
    paper or a story is Ofsted's."""
    if start is not None and doc.doc_type not in SOURCE_KINDS["ofsted"] \
            and any(a <= start < b for a, b in embedded_letter_spans(doc.text)):
        return "ofsted_letter"
    return doc.doc_type


# An inspection framework or inspectors' handbook ("Social care common inspection framework (SCCIF): children's
# homes"): the inspectorate's own words on how it inspects, answering "how often can Ofsted come back?" in its voice
# (though typed "other": it is neither a letter nor a report). Not another inspectorate's.
GUIDANCE_TITLE_RE = re.compile(r"\b(?:inspection\s+framework|inspectors['’]?\s+handbook|inspection\s+handbook|"
                               r"framework\s+for\s+inspecting|inspecting\s+local\s+authority\s+children['’]?s\s+"
                               r"services)\b", re.I)
GUIDANCE_HEAD_CHARS = 600
# The providers a framework inspects. On councils, Ofsted's letters and reports speak (the framework beside them
# only drew its introduction into the answers); on a kind of provider, its framework is what speaks for Ofsted.
INSPECTED_RE = re.compile(r"\b(?:(children)['’]?s\s+homes?|(fostering)|(adoption)\s+(?:agenc|support)|(schools?)\b)",
                          re.I)


_NOT_CLAUSE_RE = re.compile(r"\b(?:not|rather\s+than|instead\s+of)\s+the\b[^,.;?()]*", re.I)  # ("not the homes' one")


@lru_cache(maxsize=256)
def _providers_asked(question: str) -> frozenset[int]:
    """The kinds of provider (INSPECTED_RE's groups) a question asks about, not those it sets aside: once per
    question, not once per passage."""
    return frozenset(m.lastindex for m in INSPECTED_RE.finditer(_NOT_CLAUSE_RE.sub(" ", question)))


def inspection_guidance(doc: Document, question: str = "", authorities: list[str] | None = None) -> bool:
    """An inspectorate's framework or handbook (not another inspectorate's) on the kind of provider `question` asks
    about ("how often can Ofsted come back to a children's home judged inadequate?"), or on any when the question
    asks about the framework itself, of no council ("When did Ofsted first bring out the ILACS framework?")."""
    if doc.doc_type != "other":
        return False
    asked = _providers_asked(question)
    # (a kind of provider named only to be set aside, "not the children's homes framework", asks no framework itself)
    if not asked and (authorities or not asks_framework(question) or INSPECTED_RE.search(question)):
        return False
    head = f"{doc.title or ''}\n{doc.text[:GUIDANCE_HEAD_CHARS]}"
    if not GUIDANCE_TITLE_RE.search(head) or OTHER_INSPECTORATE_RE.search(f"{doc.publisher or ''}\n{head}"):
        return False
    inspects = {m.lastindex for m in INSPECTED_RE.finditer(doc.title or head)}
    return bool(asked & inspects) if asked else not inspects  # (the councils' framework, not the homes')


# The framework asked about as such, not as the frame of a council's inspection ("under the ILACS framework, ...")
# (an inspection framework, not a council's "practice framework")
_FRAMEWORK_ASKED_RE = re.compile(r"\b(?:ilacs|sif|sccif|inspection|inspecting|ofsted['’]?s?)\s+(?:[\w'’-]+\s+){0,2}?"
                                 r"frameworks?\b|\b(?:inspectors['’]?\s+)?handbooks?\b", re.I)
_UNDER_RE = re.compile(r"\b(?:under|within|in\s+line\s+with)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}$",
                       re.I)


@lru_cache(maxsize=256)
def asks_framework(question: str) -> bool:
    return any(not _UNDER_RE.search(question[max(0, m.start() - 40):m.start()])
               for m in _FRAMEWORK_ASKED_RE.finditer(question))


def prior(doc: Document, query: Query, newest: date | None, headings: list[str] | None = None,
          start: int | None = None) -> float:
    weight = TYPE_PRIOR.get(doc.doc_type, 0.92)
    if query.source:
        penalty = NAMED_SOURCE_PENALTY if query.source_named else SOURCE_CUE_PENALTY
        own = source_kind(doc, start) in SOURCE_KINDS[query.source] \
            or query.source == "ofsted" and not query.source_named \
            and inspection_guidance(doc, query.text, query.authorities)
        weight = 1.0 if own else min(weight, penalty)
    if headings and SCOPE_HEADING_RE.search(headings[-1]):
        weight *= SCOPE_PENALTY
    if asks_council_services(query.text) and provider_report(doc.text[:PROVIDER_HEAD_CHARS]):
        weight *= PROVIDER_PENALTY
    span = doc_span(doc)
    if (query.date_from or query.date_to or query.recency) and span is None:
        weight *= UNDATED_PENALTY
    if query.authorities and not doc.local_authorities:
        weight *= UNKNOWN_FACT_PENALTY
    if query.visit_number and not doc.visit_number:
        weight *= UNKNOWN_FACT_PENALTY
    elif asks_full_inspection(query.text) and (doc.visit_number or _titled_on_monitoring_visit(doc.title or "")
                                               or names_full_inspection(query.text) and _focused_visit_letter(doc)):
        weight *= MONITORING_NOT_FOCUSED_PENALTY  # (a page titled on a monitoring visit, "Final Ofsted monitoring
        # visit highlights ...", reports one, numbered or not)
    elif (doc.visit_number or _titled_on_monitoring_visit(doc.title or "")) and sets_aside_monitoring_visit(query.text):
        weight *= MONITORING_NOT_FOCUSED_PENALTY  # ("That report only, not the later MV on permanence")
    elif not query.visit_number and not doc.visit_number and asks_monitoring_visit(query.text):
        weight *= MONITORING_UNSTATED_PENALTY
    elif doc.visit_number and asks_focused_visit(query.text) and not names_focused_visit(doc):
        weight *= MONITORING_NOT_FOCUSED_PENALTY
    elif doc.doc_type not in SOURCE_KINDS["ofsted"] and asks_focused_visit(without_set_asides(query.text)) \
            and not names_a_visit(doc):
        weight *= MONITORING_NOT_FOCUSED_PENALTY  # ("portsmouth fv cic areas for improvement": a story on the
        # council's full inspection, naming no visit at all)
    if query.recency and span is not None and newest is not None:
        age_years = (newest - span[1]).days / 365.0
        weight *= 1.0 / (1.0 + recency_rate(query.text, len(query.authorities)) * age_years)
    return weight


RECENCY_RATE = 0.5  # per year of age, against the newest document
# "What have recent ILACS inspections found about caseloads?": several recent events asked, across places; the newest
# page is one of them, not the answer, so age weighs half as much (not one place's: "Leeds' latest visits")
RECENT_MANY_RE = re.compile(r"\b(?:recent|latest)\s+(?:[\w'’-]+\s+){0,2}?(?:inspections|visits|reports|letters|"
                            r"judge?ments)\b", re.I)


@lru_cache(maxsize=256)
def recency_rate(question: str, places: int = 0) -> float:
    return RECENCY_RATE / 2 if places != 1 and RECENT_MANY_RE.search(question) else RECENCY_RATE


# A broad question ("What did Ofsted say about Leicester's children's services in 2017?": every word it searches
# for is in a fifth of the passages or more) asks for a summary, and a document's summary is its opening: the
# lead of a story, the headline findings of a letter.
BROAD_DF = 0.2
BROAD_MIN_PASSAGES = 3  # in a handful of passages every word is in a fifth of them
LEAD_BOOST = 1.1


def is_broad(document_frequency: dict[str, int], passages: int) -> bool:
    return bool(document_frequency) and passages > 0 and all(
        df >= max(BROAD_DF * passages, BROAD_MIN_PASSAGES) for df in document_frequency.values())


def lead_weight(broad: bool, passage) -> float:
    return LEAD_BOOST if broad and passage.start == 0 else 1.0


PROSE_FLOOR = 0.8  # a passage with no full sentence (a cover page, a headline and byline) keeps this much
HEADER_WORDS = 20
HEADER_FLOOR = 0.65
# A masthead or a byline left on its own ("Rochdale Borough Council", "By Jo Bloggs") scores high on length-
# normalised keyword search and says nothing.
STUB_WORDS = 5
STUB_FLOOR = 0.4
# A label line answers these ("Lead inspector: Jo Bell", "Overall effectiveness: Inadequate", "Children in care:
# 412"); a header's date is its dateline, not the date asked for.
LABEL_ANSWERS = ("person", "judgement", "count")
# ("Lead inspector: Jo Bell, HMI", "LEAD SOCIAL CARE INSPECTOR: Jo Bell": a name of two words or more closing the
# line or before a comma; not a headline, "Inspectors: Rutland children's services still failing")
LABELLED_PERSON_RE = re.compile(r"(?m)^[^\S\n]*(?i:(?:lead\s+)?(?:social\s+care\s+|ofsted\s+)?inspectors?)\s*:"
                                r"[^\S\n]*[A-Z][a-z'’-]+(?:[^\S\n]+[A-Z][a-z'’-]+)+[^\S\n]*(?:[,(]|$)")
SENTENCE_LINE_RE = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
TRUNCATED_LINE_RE = re.compile(r"(\.\.\.|…)\s*$")  # a listing's snippet ("report.pdf · 1 ... for...")
SENTENCE_END_RE = re.compile(r"(?<=\w{2})(?<!\bSt)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bNo)(?<!\bMrs)(?<!\bCllr)(?<!\bProf)"
                             r"[.!?][\"'”’)\]]*(?=\s+[A-Z“\"‘'])")


@lru_cache(maxsize=50_000)
def prose_share(text: str) -> float:
    """Share of a passage's words in lines of running prose (eight words or more, ending a sentence). Findings
    are written in sentences; title pages, headlines, bylines and judgement tables are not evidence."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    total = sum(len(line.split()) for line in lines)
    prose = 0
    in_list = False  # the items under "These inspections focus on:" or "Areas for improvement:" are content too
    for line in lines:
        words = len(line.split())
        sentence = words >= 8 and SENTENCE_LINE_RE.search(line) and not TRUNCATED_LINE_RE.search(line)
        lead_in = line.endswith((":", ":-", ":–")) and words >= 3  # (minutes' "the following points were noted:-")
        if sentence or lead_in or in_list and words >= 3:
            prose += words
        elif words >= 8 and not TRUNCATED_LINE_RE.search(line) and (ends := list(SENTENCE_END_RE.finditer(line))) \
                and len(line[:ends[-1].end()].split()) >= 8:  # (as a whole line: a sentence of eight words or more)
            # a paragraph the splitter cut mid-sentence: its whole sentences are prose, at half weight (counted
            # whole, the judgement table answering "was adoption still judged inadequate?" fell behind such a
            # paragraph; pooled hit@1 +2 at half weight over whole)
            prose += 0.5 * len(line[:ends[-1].end()].split())
        if lead_in:
            in_list = True
        elif words < 3:
            in_list = False
    return prose / total if total else 0.0


CONTENTS_RE = re.compile(r"^[^\S\n]*(?:\d{1,3}[^\S\n]+)?(?:table\s+of\s+)?contents\b(?![^\S\n]+of\b)", re.I | re.M)
# (with or without dot leaders: "Executive summary ............ 1")
CONTENTS_ENTRY_RE = re.compile(r"[A-Za-z][\w’'?,-]*(?:[^\S\n]+[A-Za-z][\w’'?,-]*){0,8}"
                               r"(?:[^\S\n]*(?:(?:\.[^\S\n]?){3,}|…+)[^\S\n]*|[^\S\n]+)\d{1,3}(?=\s|$)")


# A judgement table's rows: an area, then its grade after a dash, colon or cell (or a space after the area's last
# word, the grade capitalised and closing its line: "The experiences and progress of care leavers Inadequate", a PDF
# table's cells run together)
_GRADE_CELL = GRADE_CELL
AREA_GRADE_RE = re.compile(rf"[-–:|]\s*{_GRADE_CELL}\b|\b(?:effectiveness|families|protection|care|leavers|adoption|"
                           rf"performance|governance|management|partnerships?|children|people)[^\S\n]+{_GRADE_CELL}"
                           rf"[^\S\n]*$", re.M)
AREA_GRADES = 3


def prose_weight(text: str, kind: str | None = None, event: str | None = None, overall: bool = False) -> float:
    """PROSE_FLOOR to 1 by the share of prose; a bare header (a headline with its dateline, a meeting's heading:
    no sentence, under HEADER_WORDS words) HEADER_FLOOR: it repeats a question's words in few others and so
    outscored the paragraph under it. A label line still answers its kind of question (LABEL_ANSWERS), and a
    report's "Inspection dates: ..." answers when the inspection took place (`event`, see asked_event)."""
    if kind == "date" and event and dates_event(event, text):
        return 1.0
    if kind == "person" and LABELLED_PERSON_RE.search(text):
        return 1.0  # "Lead inspector: Jo Bell, His Majesty's Inspector" in a report's details table
    if kind == "judgement" and not overall and len(AREA_GRADE_RE.findall(text)) >= AREA_GRADES:
        return 1.0  # "Adoption performance - Requires improvement / Experiences of care leavers - Good ...": the grades
        # of the areas asked (the overall grade asked is a sentence's: "Services in X require improvement")
    share = prose_share(text)
    if (contents := CONTENTS_RE.search(text)) and len(CONTENTS_ENTRY_RE.findall(text, contents.end())) >= 2:
        return HEADER_FLOOR  # a report's table of contents ("Contents The local authority 3 Summary of findings 3")
    if share == 0 and len(text.split()) < HEADER_WORDS and not (kind in LABEL_ANSWERS and holds(kind, text)):
        stub = len(text.split()) < STUB_WORDS and not (kind and holds(kind, text))  # "Published: 9 May 2019"
        return STUB_FLOOR if stub else HEADER_FLOOR
    return PROSE_FLOOR + (1 - PROSE_FLOOR) * share


# What a visit looked at is not what it found. A letter's opening ("This letter summarises the findings of the focused
# visit to X ...", "Inspectors evaluated the local authority's arrangements for care leavers", "This visit was
# carried out in line with ...") repeats a question's words without answering it, and outscored the headline
# findings below it. A sentence that opens so, and reports no finding, weighs like an "Areas covered" section.
SCOPE_SENTENCE_RE = re.compile(
    # (a committee paper's paragraph number before it: "2.2 The visit in January 2024 looked at ...")
    r"(?:^|(?<=[.!?:])[^\S\n]+)\W*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?"
    r"(?:this (?:letter|report)\b[^.]{0,80}?\b(?:summari[sz]es|outlines|sets out) "
    r"(?:our|the|its) findings\b|"
    # a committee paper's "Purpose of report: To update the committee on the findings of ..."
    r"purpose of (?:the |this )?report:?\s+to (?:update|inform|advise|present|brief)\b|"
    # ... or the first paragraph under that heading: "1. Purpose of the report / 1.1 This report updates the
    # Committee on ..." (not a summary's, which goes on to what was found; nor one telling a finding, "This report
    # informs the committee that caseloads fell", or giving figures or a change, "... which have fallen to 18")
    r"purpose of (?:the |this )?(?:report|paper)\s*\n\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?"
    r"this (?:report|paper) (?:updates|informs|advises|briefs) (?:the\s+)?(?:[\w'’-]+\s+){0,3}?on\b"
    r"(?![^.\n]*(?:%|£|\b\d+\.\d|\bper\s*cent\b|\b(?:down|up)\s+(?:to|from)\b|\b(?:which|who|where|that|fallen|fell|"
    r"risen|rose|average|against|"
    r"increased|decreased|reduced|dropped|lifted|improved|now|stands|was|were|is|are|overspend|underspend)\b))|"
    r"(?:the|this) (?:visit|inspection) was (?:carried out|undertaken|conducted|led)\b|"
    r"(?:his|her) majesty[’']s inspectors?\b(?=[^.]{0,120}\b(?:carried out|conducted|undertook) (?:this|the) "
    r"(?:visit|inspection)\b)|(?:his|her) majesty[’']s inspectors? for this (?:visit|inspection)\b|"
    r"the lead inspector (?:was|is)\b|inspectors were on site\b|"
    # a letter's sign-off: "Ofsted will take the findings from this monitoring visit into account when planning
    # your next inspection", "I am copying this letter to ..."
    r"ofsted will take the findings (?:from|of) this\b|i am copying this letter to\b|"
    # ... and a report's "Ofsted will use the findings of this inspection to plan future activity" (not a thematic
    # review's use of its findings, nor the Chief Inspector's quoted)
    r"ofsted will use the findings (?:from|of) this (?:[\w-]+ )?(?:inspection|visit) to plan\b|"
    # a report's statutory front matter: "Ofsted produces this report under its power to combine reports ...",
    # "This report includes the report of the inspection of local authority functions carried out under ..."
    r"ofsted produces this report under\b|this report includes the report of\b|"
    r"a full description of what the inspection judgements mean\b|"
    # "Ofsted will carry out a further monitoring visit to evaluate progress ...": the next visit, announced
    r"ofsted will (?:carry out|undertake|conduct|make) (?:a|an|another) (?:further |next |subsequent )?"
    r"(?:monitoring |focused )?visit\b|"
    r"inspectors (?:looked at|evaluated|reviewed|considered|examined|focused on)\b|"
    # how they gathered it: "They spoke to social workers, managers and leaders, held video calls ..." (a list of
    # methods; not "Inspectors spoke to social workers who said caseloads were too high")
    r"(?:they|inspectors) (?:spoke|talked) (?:to|with) (?:[\w'’-]+,? ){0,4}?(?:social workers|managers|leaders|"
    r"practitioners|staff|partners)\b(?![^.]*\b(?:who|that)\b)(?=[^.]*\b(?:held|looked at|reviewed|met|observed|"
    r"sampled|tracked|read)\b)|"
    # (or a phrase between: "The visit in January 2024 looked at", not "The visit took place on ... and focused on")
    r"the (?:visit|inspection)(?:\s+(?:in|to|on|of|during|at)\s+[^.,;]{1,30}?)? (?:focused|looked) (?:on|at)\b|"
    # "This joint targeted area inspection (JTAI) included a 'deep dive' focus on ..."
    r"(?:the|this) (?:joint targeted area inspection|jtai|visit|inspection|focused visit)(?: \(jtai\))? "
    r"(?:included|had|took) an? [^.]{0,40}?\b(?:focus|deep dive|look)\b)", re.I | re.M)
# ... with the sentence going on with its list: "Inspectors evaluated the help given to children at risk of
# exploitation. This included the work of the hub ... and the use of return home interviews." (a list of what was
# looked at, not "This included a small number of cases where risk was not recognised")
_SCOPE_GOES_ON_RE = re.compile(r"\s*(?:this|these)\s+(?:included|covered|involved)\s+(?:the\s+)?(?:work|response|use|"
                               r"quality|arrangements|help|support|practice|services?|oversight|effectiveness|"
                               r"experiences?|impact|progress)\s+(?:of|to|for|given|provided)\b", re.I)
SCOPE_SENTENCE_END_RE = re.compile(r"[.!?](?=[\"'”’)\]]*(?:\s|$))|\n[^\S\n]*\n")  # a full stop or a blank line
# The judgement a letter's visits follow is history, not what this visit found: "This letter summarises the findings
# of the third monitoring visit ... since the local authority was judged inadequate in April 2022."
JUDGED_BEFORE_RE = re.compile(r"\bsince (?:the local authority|the council|it) was (?:last )?judged (?:to be )?"
                              r"(?:inadequate|requires improvement[\w ]*?|good|outstanding)\b", re.I)
FINDING_RE = re.compile(r"\b(?:found|finds|find that|saw|judged|concluded|however|but|rated|graded|good|"
                        r"outstanding|inadequate|requires? improvement|improved)\b|;", re.I)
# Questions about the visit itself ("How was the visit carried out?", "What did the visit look at?") are
# answered by those sentences; so are "who", "when" and "how many" questions (the inspectors, the dates, the
# number of cases looked at).
ASKS_ABOUT_VISIT_RE = re.compile(r"\b(?:carried out|conducted|undertaken|look(?:ed|s)? at|focus(?:ed|sed)? on|"
                                 r"gather\w*|evidence|spoke|speak|talk(?:ed)?|"
                                 r"focus of|cover(?:ed|s)?|on site|remote(?:ly)?|in person|framework|scope|"
                                 # (not reviews as a topic: "what did ofsted say about CIN plans and reviews?")
                                 # (nor "the review of cin plans", "cla review", "the rapid review")
                                 r"evaluat\w*|reviewed|(?:did|does|would|will)\s+(?:[\w'’-]+\s+){0,3}?review(?!s)|"
                                 r"examin\w*|consider(?:ed|s)?)\b", re.I)


SALUTATION_RE = re.compile(r"^[^\S\n]*Dear\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr)\.?\s|Sir\b|Madam\b|Councillor\b|"
                           r"[A-Z][a-z]+\b)[^\n]{0,60}$", re.M)
LETTERHEAD_CHARS = 700
# ... or, where a saved letter lost its line breaks, "... Exeter Devon EX2 4QG Send via email: ... Dear Jo, Thank you
# for ...": the salutation after a postcode, run into the address before it and the first sentence after it
_INLINE_SALUTATION_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b[^\n]{0,250}?\sDear\s+"
                                   r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?"
                                   # (or no comma, its subject line after it: "Dear Ms Bell Monitoring visit to ...")
                                   r"(?:,|(?=\s+[A-Z]))")


@lru_cache(maxsize=50_000)
def _sign_off_words(text: str) -> int:
    """Words in a letter's closing signed by an inspector ("Yours sincerely / Jo Bell / His Majesty's Inspector" and
    the footer after it), when the passage ends with it."""
    closing = _CLOSING_RE.search(text)
    signed = closing and _INSPECTOR_SIGN_OFF_RE.search(text, closing.end(), closing.end() + SIGNATURE_CHARS)
    return len(text[closing.start():].split()) if signed and len(text) - closing.end() <= 2 * SIGNATURE_CHARS else 0


@lru_cache(maxsize=50_000)
def scope_share(text: str) -> float:
    """Share of a passage's words in sentences that say what a visit looked at, not what it found (a scope
    sentence ending in a colon takes its list with it: it runs to the next full stop or blank line), and in a
    letter's address block."""
    total = len(text.split())
    scope = 0
    covered = 0
    # A letter's address block, date and salutation, up to "Dear Ms Smith", say no more than its scope does.
    salutation = SALUTATION_RE.search(text, 0, LETTERHEAD_CHARS) \
        or _INLINE_SALUTATION_RE.search(text, 0, LETTERHEAD_CHARS)
    if salutation:
        covered = salutation.end()
        scope = len(text[:covered].split())
    # So does its sign-off ("Yours sincerely / Jo Bell / His Majesty's Inspector" and the footer after it).
    sign_off = _sign_off_words(text)
    for match in SCOPE_SENTENCE_RE.finditer(text):
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        if start < covered:
            continue
        end_match = SCOPE_SENTENCE_END_RE.search(text, match.end())
        end = end_match.end() if end_match else len(text)
        sentence = text[start:end]
        covered = end
        if not FINDING_RE.search(JUDGED_BEFORE_RE.sub("", sentence)):
            scope += len(sentence.split())
            if more := _SCOPE_GOES_ON_RE.match(text, end):  # ("This included ...", weighed on its own)
                end_match = SCOPE_SENTENCE_END_RE.search(text, more.end())
                covered = end_match.end() if end_match else len(text)
                if not FINDING_RE.search(listed := text[end:covered]):
                    scope += len(listed.split())
    return min((scope + sign_off) / total, 1.0) if total else 0.0


# "Who carried out the fourth monitoring visit, and on what dates?": the letter's opening names every inspector and
# the days on site; its sign-off, one inspector and no date (a passage naming nobody and no date before the sign-off
# it ends with weighs x SIGN_OFF_PENALTY; not for the lead inspector alone, whom the sign-off names, nor for who
# signed or wrote the letter)
VISIT_TEAM_ASKED_RE = re.compile(r"\b(?:which|what|who\s+were\s+the)\s+(?:\w+\s+)?(?:hmis|inspectors)\b|"
                                 r"\bwho\s+(?:carried\s+out|did|came|conducted|visited)\b|\bdates?\b|"
                                 r"\bwhen\s+(?:did|was|were)\b", re.I)
SIGNATORY_ASKED_RE = re.compile(r"\b(?:signed|sign(?:s|ed)?\s+off|wrote|written\s+by|authored|author)\b", re.I)
SIGN_OFF_PENALTY = 0.7


def _only_signed(text: str) -> bool:
    """A passage ending with an inspector's sign-off that names nobody and no date before it."""
    if not _sign_off_words(text):
        return False
    before = text[:_CLOSING_RE.search(text).start()]
    return not holds("date", before) and not INSPECTOR_NAMED_RE.search(before)


def scope_weight(text: str, question: str, kind: str | None) -> float:
    if kind in ("person", "date") and VISIT_TEAM_ASKED_RE.search(question) \
            and not SIGNATORY_ASKED_RE.search(question) and _only_signed(text):
        return SIGN_OFF_PENALTY
    if kind in ("person", "date", "count") or ASKS_ABOUT_VISIT_RE.search(question):
        return 1.0
    return 1.0 - (1.0 - SCOPE_SENTENCE_PENALTY) * scope_share(text)


# A letter's "What needs to improve" list names each topic ("The quality and recording of supervision") without
# saying what inspectors found about it, and outranked the findings above it. Unless the question asks what must
# improve (or what was weak, recommended, criticised), such a section weighs x IMPROVE_PENALTY.
IMPROVE_HEADING_RE = re.compile(r"^\W*(?:what needs to improve|areas? for (?:improvement|development|consideration)|"
                                r"areas? to consider|"
                                r"recommendations?|what the local authority needs to do)\b", re.I)
ASKS_WHAT_TO_IMPROVE_RE = re.compile(r"\b(?:improv\w*|recommend\w*|recs|needs?\s+to|needed\s+to|should|must|actions?|"
                                     r"weak\w*|priorit\w*|better|shortcomings?|concerns?|criticis\w*|fail\w*|"
                                     r"poor|wrong|problems?|gaps?|still|left\s+to|remain\w*|work\s+on|next\s+steps)\b",
                                     re.I)
IMPROVE_PENALTY = 0.85
# the list's heading as a line of its own ("What needs to improve in this area of social work practice?")
IMPROVE_LINE_RE = re.compile(IMPROVE_HEADING_RE.pattern.replace(r"^\W*", r"^[^\S\n]*", 1) + r"[^\n]{0,80}$",
                             re.I | re.M)
# ... and when the question asks for that list itself ("what did Ofsted say the council had to get better at?",
# "norfolk jtai what needs to improve", "which areas for improvement did Ofsted set"), the section weighs
# x IMPROVE_ASKED_BOOST: it is the answer, where the findings above only lead up to it. (Not "areas of improvement",
# which may be what improved.)
ASKS_IMPROVE_LIST_RE = re.compile(r"\b(?:needs?|needed|had|has|have)\s+to\s+(?:improve|be\s+improved|get\s+better|"
                                  r"do\s+better)\b|\bneeds?\s+improving\b|\bareas?\s+(?:for|needing|requiring)\s+"
                                  r"(?:further\s+)?improv\w*ment\b|\bimprovement\s+areas?\b|"
                                  r"\b(?:get|do)\s+better\s+at\b|"
                                  r"\bwhat\s+(?:[\w'’]+\s+){0,4}?(?:should|must)\s+improve\b|"
                                  # (a peer team's "areas to consider": "what did they say the council should look at?",
                                  # "what should the council consider?"; not what social workers should consider)
                                  r"\b(?:council|authority|la|leaders|partners(?:hip)?|service|trust|it|they)\s+"
                                  r"(?:should|must|ought\s+to|needs?\s+to|needed\s+to)\s+(?:look\s+at|consider|"
                                  r"work\s+on|focus\s+on)\b|"
                                  r"\b(?:what|which)(?:\s+\w+)?\s+(?:should|must|ought)\s+(?:the\s+)?"
                                  r"(?:council|authority|la|leaders|partners(?:hip)?|service|trust|it|they|[A-Z]\w+)\s+"
                                  r"(?:to\s+)?(?:look\s+at|consider|work\s+on|focus\s+on)\b|"
                                  # "What did Ofsted ask Cornwall to improve?" (the inspectors asking: not what a
                                  # council or its director wanted to improve)
                                  r"\b(?:ofsted|inspectors?|hmis?|they)\s+(?:ask|asked|asks|tell|told|require[sd]?|"
                                  r"direct(?:ed|s)?)\s+(?!for\b)(?:[\w'’-]+\s+){0,3}?to\s+improve\b", re.I)
IMPROVE_ASKED_BOOST = 1.2
LINE_BEFORE_CHARS = 160  # the line before a passage, read for a heading it opens under
LIST_ITEM_WORDS = 35  # an item of "What needs to improve" is a line or two, a finding a paragraph


def list_like(text: str) -> bool:
    """Whether most of the passage's paragraphs are short, as a list's items are."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return sum(len(p.split()) < LIST_ITEM_WORDS for p in paragraphs) * 2 > len(paragraphs)


# (a report's recommendations under that heading, numbered or telling what to do, are still a list: "1. Ensure
# that ...", "Within three months: ensure that ...")
_RECOMMENDED_RE = re.compile(r"^[^\S\n]*(?:\d{1,2}[.)]?\s+)?(?:within\s+[\w\s]{0,20}?:\s*)?(?:ensure|improve|"
                             r"strengthen|develop|review|increase|reduce|establish|make|provide|take|undertake|"
                             r"implement|"
                             r"the\s+local\s+authority\s+should)\b", re.I | re.M)


def improve_weight(text: str, headings: list[str] | None, question: str, before: str = "") -> float:
    """`before`: the document's text just before the passage."""
    # (under the heading, only a list: a report whose next section heading was not read as one, wrapped over two
    # lines, has its findings paragraphs under "What needs to improve?" too)
    opening = IMPROVE_HEADING_RE.search(text[:120])
    under = (headings and IMPROVE_HEADING_RE.search(headings[-1]) and list_like(text)) or opening
    asked = ASKS_IMPROVE_LIST_RE.search(question)
    if asked and (under or (line := IMPROVE_LINE_RE.search(text)) and list_like(text[line.end():])
                  # (or the list's heading the last line of the passage before: "What needs to improve in this area of
                  # social work practice?" closing "Headline findings", its list the next passage)
                  or before and IMPROVE_LINE_RE.search(before.rstrip().rsplit("\n", 1)[-1]) and list_like(text)):
        return IMPROVE_ASKED_BOOST  # (the list asked, its heading a line of the passage: under "Headline findings")
    # (not asked, a section of findings under "Areas for improvement" weighs as findings: a joint letter's tells in
    # sentences what inspectors found; "What needs to improve?" opening the passage is a list however it is cut)
    if opening and not list_like(text) and re.match(r"\W*areas?\b", opening.group(0), re.I) \
            and not _RECOMMENDED_RE.search(text, opening.end()):
        return 1.0
    if not under:
        return 1.0
    return 1.0 if ASKS_WHAT_TO_IMPROVE_RE.search(question) else IMPROVE_PENALTY


# "Which inspections found problems with how councils respond to missing children?": a passage on the topic that
# only reports improvement ("the response to missing children has improved") is the other side of the question.
# When the question asks for problems, concerns or criticism, a passage with words of praise and none of fault
# weighs x PRAISE_ONLY_PENALTY.
# (what is asked, not a scene: "since the inspectors criticised it", "councils with failing services")
_FAULTS = r"(?:problems?|concerns?|criticisms?|failings?|weaknesses|worries|shortcomings|deficiencies|issues)"
ASKS_FAULTS_RE = re.compile(rf"\b(?:what|which|any|main|key)\s+(?:\w+\s+){{0,2}}?{_FAULTS}\b|"
                            # "what did they say was holding her back?"
                            rf"\b(?:holding|held|hold(?:s)?)\s+(?:\w+\s+)?back\b|\bhamper\w*|\bhinder\w*|"
                            rf"\b(?:raise[ds]?|rais\w+|had|have|has|found|find|finds|identif\w+|flag\w*|voic\w+|"
                            rf"express\w*|highlight\w*|point\w*\s+out)\s+(?:\w+\s+){{0,2}}?{_FAULTS}\b|"
                            rf"\b{_FAULTS}\s+(?:with|about|in|over|around)\b|\bcriticis(?:e|ed|es)\s+(?:\w+\s+){{0,3}}?"
                            rf"(?:for|over)\b|\bwhat\s+(?:was|were|is|are|went)\s+(?:\w+\s+)?wrong\b|"
                            # "didn't know how bad frontline practice had got", "how poor the records were"
                            rf"\bhow\s+(?:bad(?:ly)?|poorly|weak(?:ly)?|poor(?!\s+(?:children|famil\w+|people|pupils|"
                            rf"young|households|communities|areas?|parents)\b))\b|"
                            # "what was still weak", "where is practice still poor"
                            rf"\b(?:what|where|which)\b(?:(?!\b(?:after|since|when|following|once|before|rated|judged|"
                            rf"graded|found|deemed)\b)[^?]){{0,40}}?\b(?:was|were|is|are|remains?|remained)\s+"
                            rf"(?:(?!(?:rated|judged|graded|found|deemed)\b)\w+\s+){{0,2}}?"
                            rf"(?:still\s+|too\s+|not\s+yet\s+)?"
                            rf"(?:weak|poor|inadequate|lacking|not\s+good\s+enough)\b|"
                            # "Which inspections found that supervision was not reflective enough?", "wasn't
                            # strong enough", "have not acted quickly enough"
                            rf"\b(?:not|never|\w+n['’]t)\s+(?:\w+\s+){{0,2}}?enough\b|"
                            # "Which inspection found that strategy meetings weren't being held?": a finding negated
                            rf"\b(?:found|find|finds|showed|shows)\s+(?:that\s+)?(?:[\w'’-]+\s+){{1,5}}?"
                            rf"(?:(?:were|was|are|is|did|do|does|had|have|has)n['’]t|(?:were|was|are|is)\s+not|"
                            rf"never)\b|"
                            # "Where have inspectors criticised the response to ...?" (not "How did X plan ... after
                            # Ofsted criticised its staffing?")
                            rf"^\W*(?:where|which|who|what)\b(?:(?!\b(?:after|since|when|following|once|before)\b)"
                            rf"[^?]){{0,50}}?\bcriticis\w*\b", re.I)
_FAULT_WORDS_RE = re.compile(
    r"\b(?:inadequate|poor\w*|weak\w*|fail\w*|delay\w*|drift|hamper\w*|inconsisten\w*|insufficient\w*|"
    r"lack\w*|concern\w*|"
    r"shortfall\w*|worr\w*|variable|deteriorat\w*|backlogs?|unsafe|serious|unmet|underdeveloped|uncoordinated|"
    r"gaps?|limited|requires?\s+improvement|too\s+(?:many|few|long|slow\w*|late|high|variable)|"
    r"(?:not|never|no)\s+(?:yet\s+|always\s+|consistently\s+|sufficiently\s+|being\s+|been\s+)*"
    r"(?:effective\w*|robust|timely|good|well|clear\w*|seen|met|improv\w*|enough|strong|adequate\w*|evident|held|"
    r"completed|undertaken|recorded|consistent\w*|sufficient\w*|made|sustained)|"
    r"(?:isn|aren|wasn|weren|don|doesn|didn)['’]t|"
    r"(?:more|further)\s+(?:work|to\s+do|needs?\b)|needs?\s+to\s+improve|must\s+improve|struggl\w*|"
    # "some areas which require further improvement, such as ..." (not "no longer requires further improvement",
    # nor "areas of significant improvement", "areas that have improved")
    r"(?<!no longer )requir\w*\s+(?:further|more)\s+improvement|areas?\s+for\s+(?:further\s+)?improvement|"
    r"areas?\s+(?:which|that)\s+(?:still\s+)?(?:require|requires|required|need|needs|needed)\s+(?:further\s+|more\s+)?"
    r"improv\w*|"
    r"high\s+caseloads|turnover|churn|instability|unstable|criticis\w*|critical|slow\w*|stall\w*|declin\w*|"
    r"little\s+progress|problems?|shortcomings?|flaws?|deficienc\w*)\b", re.I)
# ... nor a question whether they were put right ("Have the problems been resolved?", "How did X address the concerns?",
# "What issues did the visit look at?"): the improvement is the answer
_FAULTS_RESOLVED_RE = re.compile(r"\b(?:resolv\w*|fix\w*|address\w*|tackl\w*|overc[oa]m\w*|dealt\s+with|deal\w*\s+with|"
                                 r"put\s+right|look\w*\s+at|cover\w*|examin\w*|focus\w*\s+on)\b|"
                                 rf"\brespon\w*\s+to\s+(?:the|these|those|its|their|ofsted['’]s)\s+(?:\w+\s+)?{_FAULTS}", re.I)
_PRAISE_WORDS_RE = re.compile(r"\b(?:improv\w*|good|strong\w*|effective\w*|timely|robust|prais\w*|positive\w*|"
                              r"progress\w*|better|outstanding|proud|stable|well[- ]\w+|significant\w*|commend\w*|"
                              r"credit\w*|welcom\w*|no\s+longer)\b", re.I)
PRAISE_ONLY_PENALTY = 0.75


@lru_cache(maxsize=256)
def asks_faults(question: str) -> bool:
    return bool(ASKS_FAULTS_RE.search(question)) and not _FAULTS_RESOLVED_RE.search(question)


# (a judgement left behind is praise: "no longer rated inadequate", "improved since rated inadequate")
_LEFT_BEHIND_RE = re.compile(r"\b(?:no\s+longer|out\s+of)\s+(?:(?:rated|judged|graded|deemed|being|considered)\s+)?"
                             r"['‘\"“]?inadequate\b|"
                             # "have substantially improved since they were found to be inadequate in 2017"
                             r"\bsince\s+(?:\w+\s+){0,3}?(?:rated|judged|graded|deemed|found)\s+(?:to\s+be\s+|as\s+)?"
                             r"['‘\"“]?inadequate\b", re.I)


def fault_weight(text: str, question: str) -> float:
    if not asks_faults(question) or _FAULT_WORDS_RE.search(_LEFT_BEHIND_RE.sub(" ", text)) \
            or not _PRAISE_WORDS_RE.search(text):
        return 1.0
    return PRAISE_ONLY_PENALTY


# The mirror: "What did Ofsted praise at the second visit?", "trafford focused visit 2023 strengths" ask for what
# inspectors found good; a passage with words of fault and none of praise is the other side of the question.
ASKS_PRAISE_RE = re.compile(r"\b(?:prais\w*|strengths?|working\s+well|went\s+well|positives?|commend\w*|"
                            r"credit(?:ed|s)?\s+(?!card)|(?:what|anything)\s+(?:was\s+|were\s+)?(?:positive|good))\b",
                            re.I)
FAULT_ONLY_PENALTY = PRAISE_ONLY_PENALTY


# ("strengths and weaknesses", "what did they praise, and what still needs to improve?" ask for both sides)
_BOTH_SIDES_RE = re.compile(r"\b(?:weak\w*|improv\w*|criticis\w*|concerns?|problems?|wrong|fail\w*|poor|"
                            r"shortcomings?|worries|issues)\b", re.I)


# "inspectors were positive about the new DCS but what did they say was holding her back?": the clause after "but"
# asks; the praise before it sets the scene
_BUT_ASKS_RE = re.compile(r"\bbut\s+(?=(?:what|how|did|does|was|were|which|where|why|is|are)\b)", re.I)


@lru_cache(maxsize=256)
def asks_praise(question: str) -> bool:
    question = _BUT_ASKS_RE.split(question)[-1]
    return bool(ASKS_PRAISE_RE.search(question)) and not asks_faults(question) \
        and not _BOTH_SIDES_RE.search(question)


def praise_weight(text: str, question: str) -> float:
    if not asks_praise(question) or not _FAULT_WORDS_RE.search(text) or _PRAISE_WORDS_RE.search(text):
        return 1.0
    return FAULT_ONLY_PENALTY


# "Has any council lost its 'good' rating because caseloads stayed too high?" asks for a grade going down; a story on
# a council that "has improved to a good Ofsted rating" by cutting caseloads shares every word but the direction.
# A passage moving a grade only the other way weighs x OTHER_DIRECTION_PENALTY (and the mirror: asked who improved).
_GRADE = r"(?:an?\s+|the\s+|its\s+)?['‘\"“]?(?:good|outstanding|requires|inadequate)\b"
_DOWN_RE = re.compile(rf"\b(?:(?:lost|loses?|losing|stripped\s+of|cost\w*)\s+(?:[\w'’]+\s+){{0,3}}?['‘\"“]?"
                      rf"(?:good|outstanding)\b|tak(?:en|es?)\s+(?:\S+\s+){{0,3}}?(?:rating|grade|judge?ment)\s+away|"
                      rf"downgrad\w*|(?:dropped|fell|falls?|slipped|declined?)\s+(?:\w+\s+){{0,2}}?(?:to|from)\s+"
                      rf"{_GRADE})", re.I)
_UP_RE = re.compile(rf"\b(?:improv\w*|upgrad\w*|moved\s+up|rais\w*|rose|climb\w*)\s+(?:\w+\s+){{0,3}}?"
                    rf"(?:to|from)\s+{_GRADE}", re.I)
OTHER_DIRECTION_PENALTY = 0.6  # (x0.8 moved nothing; x0.7 one first; x0.6 one first and one forbidden passage)


@lru_cache(maxsize=256)
def grade_direction_asked(question: str) -> str | None:
    down, up = bool(_DOWN_RE.search(question)), bool(_UP_RE.search(question))
    return "down" if down and not up else "up" if up and not down else None


def direction_weight(text: str, question: str) -> float:
    asked = grade_direction_asked(question)
    if asked is None:
        return 1.0
    down, up = bool(_DOWN_RE.search(text)), bool(_UP_RE.search(text))
    if asked == "down" and up and not down or asked == "up" and down and not up:
        return OTHER_DIRECTION_PENALTY
    return 1.0


# A council's voice in a story about its inspection (a cabinet member's pride, a director's thanks) repeats the
# question's words ("Ofsted", "improvement", the place) without saying what inspectors found, and outscored the
# findings beside it. When the question asks for Ofsted's view, a paragraph in which someone speaking for the
# council says something, and the quotation that goes on from it, weighs x REPLY_PENALTY by its share.
REPLY_PENALTY = 0.7
_SPEAKER = (r"(?:council+or|cllr|cabinet member|lead member|portfolio holder|executive member|leader|chief executive|"
            r"director|spokes(?:person|man|woman)|mayor|chair(?:man|woman)?|head of|MP)")
_SPEECH = r"(?:said|says|added|commented|explained|responded|stated|welcomed|acknowledged)"
_INSPECTORS = r"(?:inspector|ofsted|report|letter)"
# "X, cabinet member for ..., said" (no inspector between); after a quotation, '..." said Cllr Jo Bloggs, lead
# member' or '..." said a council spokesperson'. "Inspectors told the director" is the inspectors speaking.
REPLY_PARAGRAPH_RE = re.compile(
    rf"\b{_SPEAKER}\b(?:(?!{_INSPECTORS})[^.\n]){{0,120}}\b{_SPEECH}\b|"
    rf"[”\"’']\s*{_SPEECH},?\s+"
    rf"(?-i:(?:(?:Cllr|Councillor|Coun)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){{1,2}}),\s+"
    rf"(?:the\s+)?(?:council['’]s\s+)?{_SPEAKER}\b|"
    rf"[”\"’']\s*{_SPEECH}\s+(?:a|the)\s+(?:council\s+)?{_SPEAKER}\b", re.I)
# A quotation whose speaker was named in the passage before: the council's voice is "we" being pleased or sorry.
REPLY_VOICE_RE = re.compile(r"\b(?:we|our)\b(?=[^.]{0,80}\b(?:pleased|proud|delighted|welcom\w*|thank\w*|"
                            r"disappointed|committed|determined|accept\w*|acted|regret\w*|sorry)\b)", re.I)
OFSTED_SPEAKER_RE = re.compile(r"\b(?:ofsted|inspection team|inspectorate|hmi|his majesty|her majesty)\b", re.I)
INSPECTORS_SPEAK_RE = re.compile(rf"\b(?:the\s+)?{_INSPECTORS}s?\s+{_SPEECH}\b|"
                                 rf"\b{_SPEECH}\s+(?:the\s+)?{_INSPECTORS}s?\b", re.I)
QUOTE_OPEN_RE = re.compile(r"^\W{0,2}[\"“‘']")
OPENS_ON_FINDING_RE = re.compile(rf"\b(?:the\s+)?{_INSPECTORS}s?\s+(?:found|finds|noted|concluded|{_SPEECH})\b", re.I)
# Questions that ask for the council's side (its response, its statement, what its leaders said) want those words.
ASKS_FOR_REPLY_RE = re.compile(rf"\b(?:respon\w*|react\w*|push(?:ed)? back|welcom\w*|accept\w*|disput\w*|"
                               rf"challeng\w*|apologi\w*|repl(?:y|ied)|comment\w*|statement|proud|pleased|"
                               rf"disappoint\w*|{_SPEAKER})\b", re.I)


# A quotation in the council's "we" on its own page, given to no speaker ("“The decisions we make ... are timely."),
# not one whose speaker is named ("“We saw children who were safe,” the lead inspector said")
WE_RE = re.compile(r"\b(?:we|our|us)\b", re.I)
QUOTE_ATTRIBUTED_RE = re.compile(r"[”\"’']\s*,?\s*(?:[\w'’-]+\s+){0,4}?(?:said|says|told|added|explained)\b", re.I)
# The council's own page speaking for itself, unquoted: "We will appoint a deputy early help coordinator ...", "The
# council will ..." (not telling what Ofsted found: "We were visited in October, and inspectors found ...")
# (a committee paper numbers its paragraphs: "5.3 Our revised supervision policy ...")
# (or its promise, opening the first sentence a few words in: "So this is what we will do. We will open ...")
OWN_VOICE_RE = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:we|our\b|the\s+council\s+(?:will|is\s+going\s+to|"
                          r"plans?\s+to|intends?\s+to))\b|"
                          r"^[^.!?\n]{0,40}?\bwe\s+(?:will|shall|are\s+going\s+to|plan\s+to|intend\s+to)\b", re.I)
# ... or its commitment in an action plan's form, a numbered paragraph or a table's row in no one's voice: "3.1 Every
# child who comes into care in an emergency will have a care plan agreed within 10 working days" (not "Ofsted will
# return in the spring", "The commissioner will report in six months", "There is clear political will to improve",
# nor a paper's own housekeeping: "3.4 Progress will be reported to this panel")
OWN_COMMITMENT_RE = re.compile(r"^\s*(?:\d+(?:\.\d+)+\.?\s|\d+\.\s|[^|\n]*\|)[^\n]*?"
                               r"(?<!political\s)(?<!the\s)(?<!good\s)\b(?:will|shall)\s+"
                               r"(?!be\s+(?:reported|presented|brought|circulated|published)\b)"
                               r"(?:not\s+)?[a-z]+", re.I)
OWN_COMMITMENT_SPEAKER_RE = re.compile(r"\b(?:ofsted|inspectors?|hmi|inspection|visit|letter|report|jtai|found|finds|"
                                       r"dfe|department|commissioner|minister|ministers|government)\b", re.I)
OFSTED_FINDS_RE = re.compile(r"\b(?:inspectors?|ofsted|the\s+(?:letter|report|inspection))\b[^.]{0,60}?\b"
                             r"(?:found|finds?|said|says?|judged|rated|noted|highlighted|identified|praised|told|"
                             r"recogni[sz]ed)\b", re.I)


@lru_cache(maxsize=50_000)
def reply_share(text: str, own_page: bool = False) -> float:
    """Share of a passage's words in paragraphs where someone speaking for the council is quoted, the quotation's
    following paragraphs included (on the council's own page, its paragraphs in its own "we" too)."""
    total = len(text.split())
    reply = 0
    quoting = False
    for paragraph in re.split(r"\n\s*\n|\n(?=\W{0,2}[\"“‘'])", text):
        if _council_speaks(paragraph) or (QUOTE_OPEN_RE.match(paragraph) and REPLY_VOICE_RE.search(paragraph)):
            quoting = True
        elif own_page and QUOTE_OPEN_RE.match(paragraph) and WE_RE.search(paragraph) \
                and not INSPECTORS_SPEAK_RE.search(paragraph) and not QUOTE_ATTRIBUTED_RE.search(paragraph):
            quoting = True  # (its statement, quoted: the speaker's line may be in the passage before)
        elif own_page and (OWN_VOICE_RE.match(paragraph) and not OFSTED_FINDS_RE.search(paragraph)
                           or OWN_COMMITMENT_RE.match(paragraph) and not OWN_COMMITMENT_SPEAKER_RE.search(paragraph)):
            quoting = False  # (its own words: no quotation follows from them)
        elif not (quoting and QUOTE_OPEN_RE.match(paragraph)) or INSPECTORS_SPEAK_RE.search(paragraph):
            quoting = False  # (a quotation the report or the inspectors are said to speak is theirs)
            continue
        reply += len(paragraph.split())
    return min(reply / total, 1.0) if total else 0.0


def _council_speaks(paragraph: str) -> bool:
    """A speaker word saying something, not Ofsted's own ("Ofsted's National Director ... said", "An Ofsted
    spokesperson said", "the leader of the inspection team said")."""
    return any(not OFSTED_SPEAKER_RE.search(paragraph[max(0, m.start() - 40):m.start()] + m.group(0))
               for m in REPLY_PARAGRAPH_RE.finditer(paragraph))


# ... and the other way round: asked what the council said ("How did Blackpool's cabinet member respond?", "What did
# the council itself say?"), a passage of inspectors' findings weighs as a reply does when their view is asked.
ASKS_COUNCIL_VOICE_RE = re.compile(rf"\b(?:respon(?:d|ded|se)\w*|react\w*|statement|push(?:ed)? back|apologi\w*|"
                                   rf"repl(?:y|ied)|comment\w*)\b|\b(?:council|{_SPEAKER})\b[^?]{{0,50}}\b"
                                   rf"(?<!was )(?<!were )(?:say|said|promise\w*|tell|told|admit\w*)\b|"
                                   # (a terse "wigan dcs quote on the good ilacs")
                                   rf"\b(?:{_SPEAKER}|dcs)\s+(?:quotes?|words)\b", re.I)


# ... or what it committed to: "what did the LA and partners in Salford commit to?", "By when did Halton commit to stop
# using B&Bs?" (not another body's: "Did the government's promised funding arrive?", nor what inspectors judged: "Was
# there strong corporate commitment to care leavers?")
COMMITMENT_ASKED_RE = re.compile(r"\b(?:did|has|have|had)\s+(?!(?:the\s+)?(?:government|dfe|department|ofsted|"
                                 r"inspectors?|hmi|minister|ministers|commissioner)\b)(?:[\w'’&-]+\s+){1,6}?"
                                 r"(?:commit(?:ted)?(?:\s+(?:itself|themselves))?\s+to|pledged?|promised?|vowed?)\b",
                                 re.I)


# "Northants' own statement on the 2013 inspection: did inspectors reckon the new team's actions were making a
# difference?": the inspectors' view as the council's page reports it, not the council's own
ASKS_INSPECTORS_VIEW_RE = re.compile(r"\b(?:did|do|does)\s+(?:the\s+)?(?:inspectors?|ofsted|hmis?)\s+"
                                     r"(?:reckon|think|feel|believe|consider|judge|find|say|see|conclude|"
                                     # ("Did inspectors give the LA any credit ...?")
                                     r"give|credit|praise|recogni[sz]e|acknowledge|accept|agree|note|highlight)\b|"
                                     r"\b(?:has|have|had)\s+(?:the\s+)?(?:inspectors?|ofsted|hmis?)\s+"
                                     r"(?:reckoned|thought|felt|believed|considered|judged|found|said|seen|"
                                     r"concluded|given|credited|praised|recogni[sz]ed|acknowledged|accepted|agreed|"
                                     r"noted|highlighted)\b",
                                     re.I)


def reply_weight(text: str, question: str, source: str | None, own_page: bool = False) -> float:
    if source != "ofsted" and (ASKS_COUNCIL_VOICE_RE.search(question) or COMMITMENT_ASKED_RE.search(question)) \
            and not ASKS_INSPECTORS_VIEW_RE.search(question):
        return REPLY_PENALTY + (1.0 - REPLY_PENALTY) * reply_share(text, own_page)
    if source != "ofsted" or ASKS_FOR_REPLY_RE.search(question):
        return 1.0
    # (half as much for a passage opening on the finding: "Care leavers were involved in policy, Ofsted found.", then
    # the council's chief executive on it)
    opening = re.split(r"\n\s*\n", text, maxsplit=1)[0]
    share = reply_share(text) * (0.5 if OPENS_ON_FINDING_RE.search(opening) and not _council_speaks(opening) else 1.0)
    return 1.0 - (1.0 - REPLY_PENALTY) * share


# Ofsted's standard notice closing its reports and letters ("This report is made under the framework for the
# inspection of local authority children's services (ILACS)", "Ofsted ... regulates and inspects to achieve
# excellence ..."): it matches a terse "ilacs" query word for word through the acronym's long form, yet answers only
# a question about Ofsted's remit or the framework itself.
OFSTED_NOTICE_RE = re.compile(r"\bregulates and inspects to achieve excellence\b|"
                              r"\bThis report is made under the framework\b|\bOfsted has a statutory responsibility\b|"
                              r"\bYou may (?:re-?use|copy) this information\b|"
                              r"\bIf you would like a copy of this document in a different format\b", re.I)
ASKS_REMIT_RE = re.compile(r"\b(?:ilacs|inspection|ofsted['’]?s?)\s+framework\b|"
                           r"\bframework\s+for\s+(?:the\s+)?inspect|"
                           r"\bofsted['’]?s?\s+(?:remit|role|powers?|statutory|responsibilit)|\bstand\s+for\b|"
                           r"\bwhat(?:['’]s|\s+is|\s+are)\s+(?:an?\s+|the\s+)?(?:ilacs|ofsted)\b|"
                           r"\b(?:ilacs|sif)\s+mean|\bwho\s+(?:inspects|regulates)\b|"
                           r"\b(?:ilacs|ofsted|inspections?)\s+(?:considers?|covers?|looks?\s+at|inspects?|"
                           r"assess(?:es)?)\b", re.I)
NOTICE_WEIGHT = 0.5


# A written question's own words ("To ask the Secretary of State for Education, which children's services ...")
# repeat what the asker wants to know; the answer below them says it. Not when the question is what is asked about.
PARLIAMENT_ASKS_RE = re.compile(r"\bTo ask (?:the|His|Her) (?:Majesty['’]s )?(?:Secretary of State|Minister|"
                                r"Chancellor|Government)\b")
ASKS_WHAT_WAS_ASKED_RE = re.compile(r"\bwhat\s+(?:did|was|were)\s+(?:[\w'’-]+\s+){0,4}?(?:ask|asked|question)\b|"
                                    r"\bwho\s+(?:asked|tabled)\b|\bwhich\s+(?:mp|peer|member)\b|\bquestion\s+itself\b",
                                    re.I)
RESTATED_QUESTION_PENALTY = 0.7


def restated_question_weight(text: str, question: str) -> float:
    return RESTATED_QUESTION_PENALTY if PARLIAMENT_ASKS_RE.search(text) \
        and not ASKS_WHAT_WAS_ASKED_RE.search(question) else 1.0


# A phrase the asker quotes ("saying the findings didn't 'accurately reflect' its services") is the document's words
# as they remember them: a passage holding them verbatim weighs x QUOTED_PHRASE_BOOST. Two words at least, and not a
# grade alone ("'good'", "'requires improvement'"), which any report holds.
_QUOTED_RE = re.compile(r"(?:^|(?<=[\s(]))(?:['‘]((?:[^'‘’\n]|['’](?=\w))+)['’]|[\"“]([^\"“”\n]+)[\"”])"
                        r"(?=[\s,.;:?!)]|$)")
_GRADE_ONLY_RE = re.compile(r"(?:(?:judged|rated|graded|as)\s+)?(?:inadequate|"
                            r"requires?\s+improvement(?:\s+to\s+be\s+good)?|good|outstanding)(?:\s+overall)?", re.I)
QUOTED_PHRASE_BOOST = 1.2
# (not a phrase set aside: "Need the month/year, not just 'two years ago'")
_QUOTE_SET_ASIDE_RE = re.compile(rf"\b(?:not|rather\s+than|instead\s+of|except|ignore|ignoring|{ASIDE_WORDS}|"
                                 rf"{NOT_WANTED})\s+(?:just\s+|only\s+|simply\s+|merely\s+)?(?:the\s+|a\s+)?"
                                 r"(?:words?\s+|phrase\s+)?$", re.I)


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).lower()


@lru_cache(maxsize=256)
def quoted_phrases(question: str) -> tuple[str, ...]:
    """The phrases a question quotes, folded for comparing (see _QUOTED_RE)."""
    found = (_folded(m.group(1) or m.group(2)).strip(" .,") for m in _QUOTED_RE.finditer(question)
             if not _QUOTE_SET_ASIDE_RE.search(question[max(0, m.start() - 30):m.start()]))
    return tuple(p for p in found if 2 <= len(p.split()) <= 12 and not _GRADE_ONLY_RE.fullmatch(p))


def quoted_phrase_weight(text: str, phrases: tuple[str, ...]) -> float:
    return QUOTED_PHRASE_BOOST if phrases and any(p in _folded(text) for p in phrases) else 1.0


# A financial year: "2023/24", "2023-24", "financial year 2023 to 2024"; in a question "23/24" too (with a slash: not
# a day range, "14-15 March", nor an age range, "aged 16-17"). The second year is the next one.
_FINANCIAL_YEAR_RE = re.compile(r"(?<![\d/.-])(20\d\d)\s*(?:/|-|–)\s*(?:20)?(\d\d)(?![\d/.-])|"
                                r"\bfinancial\s+year\s+(20\d\d)\s+to\s+20(\d\d)\b", re.I)
_SHORT_FINANCIAL_YEAR_RE = re.compile(r"(?<![\d/.-])(\d\d)/(\d\d)(?![\d/.-])")
FINANCIAL_YEAR_BOOST = 1.2
OTHER_FINANCIAL_YEAR_PENALTY = 0.9


@lru_cache(maxsize=50_000)
def financial_years(text: str, short: bool = False) -> frozenset[int]:
    """The financial years a text names, by the year each starts (`short`: "23/24" too, as a question writes it)."""
    pairs = [(m.group(1) or m.group(3), m.group(2) or m.group(4)) for m in _FINANCIAL_YEAR_RE.finditer(text)]
    if short:
        pairs += [("20" + m.group(1), m.group(2)) for m in _SHORT_FINANCIAL_YEAR_RE.finditer(text)]
    return frozenset(int(start) for start, end in pairs if int(end) == (int(start[2:]) + 1) % 100)


# "caseloads at march 2026": a passage dating its figures only to other months ("by 31 March 2027", a target; "at 31
# March 2025", the year before; "at 30 June 2026", a later quarter) gives other figures than the ones asked, and
# weighs x this
OTHER_AS_AT_YEAR_PENALTY = 0.7
# (a figure's date: after "at", "as of", "by", "to", "in", "end of" (not a report's own date line, "Report author: J
# Smith, 2 June 2026"); or in figures, "31/03/2026", "31.03.26", "2026-03-31")
_AS_AT_BEFORE = (r"\b(?:at|of|by|to|in|on|from|since|than|with)\s+(?:the\s+)?(?:end\s+of\s+)?"
                 r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?")
_MONTH_YEAR_RE = re.compile(rf"{_AS_AT_BEFORE}{MONTH_RE}\s+((?:19|20)\d\d)\b", re.I)
# (found here, read by the metadata's date parser: UK order, two-digit years)
_NUMERIC_DAY_RE = re.compile(r"(?<![\d/.])\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d/.])|\b(?:19|20)\d\d-\d\d-\d\d\b")
# a month written without its year where figures are given as at it ("At the end of March, caseloads averaged 19.4",
# "As of March", "In March, ...")
_AS_AT_BARE_MONTH_RE = re.compile(rf"{_AS_AT_BEFORE}{MONTH_RE}(?![\w.])(?!\s+(?:\d{{1,2}}\s*,?\s*)?(?:19|20)?\d\d\b)",
                                  re.I)


def as_at_asked(query: Query) -> tuple[int, int] | None:
    """(year, month) of the figures a question asks as at a month ("agency % at march 2026", "cic numbers at 31 march
    2026"), if it does. (Read once per question: a document's recall check asks it per page.)"""
    return _as_at_asked(query.text, query.date_from, query.date_to)


@lru_cache(maxsize=256)
def _as_at_asked(text: str, date_from: date | None, date_to: date | None) -> tuple[int, int] | None:
    if not (AS_AT_ASKED_RE.search(text) and FIGURES_ASKED_RE.search(text) and date_from
            and (date_to is None or date_to - date_from <= ONE_MONTH)) \
            or years_named(text) - {date_from.year}:
        return None  # (nor where another year is asked beside it: "as at march 2026 compared with march 2025")
    return date_from.year, date_from.month


def _months_dated(text: str) -> set[tuple[int, int]]:
    """(year, month) of every month a text writes with its year ("31 March 2026", "Mar 2026", "31/03/26",
    "2026-03-31")."""
    named = {(int(year), _month(month)) for month, year in _MONTH_YEAR_RE.findall(text)}
    return named | {(int(day[:4]), int(day[5:7])) for written in _NUMERIC_DAY_RE.findall(text)
                    if (day := parse_date(written))}


def as_at_weight(text: str, asked: tuple[int, int] | None) -> float:
    if not asked:
        return 1.0
    dated = _months_dated(text) | {(asked[0], _month(m)) for m in _AS_AT_BARE_MONTH_RE.findall(text)}
    return OTHER_AS_AT_YEAR_PENALTY if dated and asked not in dated else 1.0


def financial_year_weight(text: str, asked: frozenset[int]) -> float:
    """"herefordshire agency sw spend 23/24?": a passage on that year's figure first, one on other years' later."""
    if not asked:
        return 1.0
    named = financial_years(text)
    return FINANCIAL_YEAR_BOOST if named & asked else OTHER_FINANCIAL_YEAR_PENALTY if named else 1.0


def notice_weight(text: str, question: str) -> float:
    """NOTICE_WEIGHT for a passage opening on Ofsted's standard notice (past a heading of a few words, not past a
    sentence of findings), unless the question asks about the remit."""
    notice = OFSTED_NOTICE_RE.search(text[:120])
    opens = notice and not re.search(r"[.!?:]\s", text[:notice.start()])
    return NOTICE_WEIGHT if opens and not ASKS_REMIT_RE.search(question) else 1.0


# Inspection visits named by number ("It was the third monitoring visit", "The first two visits, in September and
# January, looked at ...", "the first and second monitoring visits"): a singular visit only as Ofsted's or a
# monitoring one (not "the first visit to the child").
_ORDINAL = ORDINAL_RE.replace("(", "(?:", 1)
VISIT_ORDINALS_RE = re.compile(rf"\b({_ORDINAL}(?:\s*(?:,|and|&)\s*(?:the\s+)?{_ORDINAL})*)"
                               rf"(?:\s+({'|'.join(NUMBER_WORDS)}))?\s+"
                               rf"(?:(?:ofsted\s+)?monitoring\s+visits?|ofsted\s+visits?|visits)\b", re.I)
OTHER_VISIT_PENALTY = 0.8
# ("a clear improvement since the third monitoring visit": an earlier visit recalled, to compare with this one)
_VISIT_RECALLED_RE = re.compile(r"\b(?:since|after|following|before|than\s+at|at\s+the\s+time\s+of|compared\s+"
                                r"(?:with|to))\s+(?:the\s+|its\s+)?$", re.I)


@lru_cache(maxsize=50_000)  # (the question's are read once per passage weighed, each passage's once per question)
def visits_named(text: str, recalled: bool = False) -> frozenset[int]:
    """The visits a text speaks of by number; those it recalls to compare with only when `recalled`."""
    named: set[int] = set()
    for m in VISIT_ORDINALS_RE.finditer(text):
        if not recalled and _VISIT_RECALLED_RE.search(text[max(0, m.start() - 30):m.start()]):
            continue
        numbers = [n for o in re.findall(_ORDINAL, m.group(1), re.I) if (n := ordinal_value(o))]
        count = NUMBER_WORDS.get((m.group(2) or "").lower(), 1)
        named |= set(range(numbers[0], numbers[0] + count)) if len(numbers) == 1 else set(numbers)
    return frozenset(named)


def other_visit_weight(text: str, query: Query) -> float:
    """OTHER_VISIT_PENALTY for a passage naming only other visits by number than the one asked ("The first two
    visits ... looked at the front door", on a page about the third): what it says is about them. Not where the
    question names other visits itself, even as a baseline ("what has improved since the second visit?")."""
    if not query.visit_number or len(visits_named(query.text, recalled=True)) > 1:
        return 1.0
    named = visits_named(text)
    return OTHER_VISIT_PENALTY if named and query.visit_number not in named else 1.0


# "(not the 2022 WNC inspection or the 2016 result)", "I don't want the 2015 report": a document from a year the
# question sets aside, outside any time it asks, is most likely on the event set aside.
SET_ASIDE_YEAR_PENALTY = 0.75


# (a source set aside by name: "not the", "rather than Ofsted's"; not a verb's negation, "did Ofsted not believe the
# council's plan", nor a state, "homes not yet registered with Ofsted")
_SETS_ASIDE_RE = re.compile(r"(?:,?\s*\(?\s*)?(?:and\s+)?"
                            rf"(?:not|rather\s+than|instead\s+of|{NOT_WANTED}|"
                            rf"{ASIDE_WORDS})\s+"
                            r"(?:in\s+|from\s+|what\s+(?:[\w'’]+\s+){1,3}?(?:at|in|about|during|from|after|on)\s+)?"
                            rf"(?:the|a|an|its|their|her|his|any|[\w-]+['’]s|ofsteds|(?:{MONTH_RE}\s+)?(?:19|20)\d\d|"
                            # ("not what councils say")
                            rf"{_WHAT_OTHERS_SAY}|"
                            # (an event by its abbreviation: "not MV5 or the council's own 2019 page")
                            r"(?:mv|fv)s?\d{0,2}|ilacs|sif|jtai|"
                            # (or a kind of source named bare: "inspection/visit findings, not council papers or press";
                            # not "not council ones", "was not news to staff")
                            r"(?:council|committee|cabinet)\s+(?:papers?|pages?|reports?|minutes|releases?|statements?|"
                            r"websites?|documents?)|press|media|"
                            r"news\s+(?:stories|articles?|coverage|reports?|pieces?))\b", re.I)


def set_aside_clauses(question: str) -> list[str]:
    """The clauses of `question` setting a source or an event aside."""
    return [m.group(0) for pattern in (NEGATED_EVENT_RE, NEGATED_SOURCE_RE) for m in pattern.finditer(question)
            if _SETS_ASIDE_RE.match(m.group(0))]


@lru_cache(maxsize=256)
def years_set_aside(question: str) -> frozenset[int]:
    return frozenset(y for clause in set_aside_clauses(question) for y in years_named(clause))


MONTH_YEAR_RE = re.compile(rf"\b{MONTH_RE}\s+((?:19|20)\d\d)\b", re.I)


@lru_cache(maxsize=256)
def dates_set_aside(question: str) -> frozenset[tuple[int, int]]:
    """(year, month) of each event a question sets aside by its month ("not the Feb 2024 one")."""
    return frozenset((int(m.group(2)), _month(m.group(1))) for clause in set_aside_clauses(question)
                     for m in MONTH_YEAR_RE.finditer(clause))


def dates_set_aside_not_asked(query: Query) -> set[tuple[int, int]]:
    return {(y, m) for y, m in dates_set_aside(query.text)
            if not (query.date_from and query.date_from <= date(y, m, 1) <= (query.date_to or date.max))}


def set_aside_weight(doc: Document, query: Query) -> float:
    if doc.local_authorities and (aside := places_set_aside(query.text)) \
            and {a.casefold() for a in doc.local_authorities} <= aside:
        return SET_ASIDE_PLACE_PENALTY
    if doc.local_authorities and doc.doc_type == "council_page" and (own := council_sources_set_aside(query.text)) \
            and {a.casefold() for a in doc.local_authorities} <= own \
            and _STATEMENT_PAGE_RE.search(f"{doc.title or ''}\n{doc.text[:DOC_OPENING_CHARS]}"):
        return SET_ASIDE_PLACE_PENALTY  # ("the Island's own cabinet paper, not Southampton's statement": its statement
        # or release, not "Kent's cabinet paper, not Kent's press release")
    if speakers_set_aside(query.text) and commissioners_own_report(doc):
        return SET_ASIDE_PLACE_PENALTY  # ("the jan 2025 inspection, not the MV or the commissioner": their report)
    if (bodies := _bodies_set_aside(query.text)) and _own_page(doc, bodies):
        return SET_ASIDE_PLACE_PENALTY  # ("not the NYSCP annual report": the partnership's own)
    years = years_set_aside(query.text)
    if not years or not doc.date:
        return 1.0
    year = int(doc.date[:4])
    if query.date_from and query.date_from.year <= year <= (query.date_to or date.max).year:
        return 1.0  # (asked)
    if dated_at_month_set_aside(doc, query):
        return SET_ASIDE_EVENT_PENALTY
    if year not in years:
        return 1.0
    return SET_ASIDE_EVENT_PENALTY if _opens_on_kind_set_aside(doc, query.text, year) else SET_ASIDE_YEAR_PENALTY


@lru_cache(maxsize=256)
def _bodies_set_aside(question: str) -> tuple[tuple[re.Pattern, re.Pattern | None], ...]:
    """A body a question sets aside by its abbreviation ("not the NYSCP annual report"), as a pattern finding it and
    one finding a name it spells ("North Yorkshire Safeguarding Children Partnership"); not the field's own
    abbreviations (MV, ILACS, DfE: the kinds of event and source other rules read), nor words typed in capitals
    ("NOT THE MV")."""
    found = []
    clauses = set_aside_clauses(question)
    asked = question
    for clause in clauses:
        asked = asked.replace(clause, " ")
    for clause in clauses:
        if sum(c.isupper() for c in clause) > sum(c.islower() for c in clause):
            continue
        for word in re.findall(r"\b[A-Za-z]{3,6}\b", clause):
            if sum(c.isupper() for c in word) >= 3 and word.upper() not in FIELD_GLOSSARY \
                    and word.upper() not in _INSPECTORATE_WORDS and not re.search(rf"\b{word}\b", asked):
                found.append((re.compile(rf"\b{word}\b"), spelled_out_re(word)))
    return tuple(found)


_INSPECTORATE_WORDS = frozenset({"OFSTED", "HMI", "HMIS", "HMCI", "HMIP", "HMICFRS"})


def _own_page(doc: Document, bodies: tuple[tuple[re.Pattern, re.Pattern | None], ...]) -> bool:
    """A page of a body set aside: it names itself by its abbreviation in its title or opening, or by the name it
    spells in its title or as its publisher (not Ofsted's report opening on "Kent County Council", for "not the KCC
    press release"; nor any Ofsted page)."""
    if doc.doc_type in SOURCE_KINDS["ofsted"]:
        return False
    title, publisher = (doc.title or "").strip(), doc.publisher or ""
    for short, spelled in bodies:
        names = [p for p in (short, spelled) if p]
        if any(p.search(publisher) or (m := p.search(title)) and m.group(0) == title for p in names):
            return True  # (its publisher, or its whole title: "North Yorkshire Safeguarding Children Partnership")
        if doc.doc_type not in SOURCE_KINDS["news"] and (
                any(p.search(title) for p in names) or short.search(doc.text[:DOC_OPENING_CHARS])):
            return True  # (not a story's headline on it: "KCC children's services rated good")
    return False


# A commissioner's own report, by its opening: "I was appointed Children's Services Commissioner for Sefton", "Report
# of the Commissioner for ..."
_OWN_REPORT_RE = re.compile(r"\bI\s+was\s+appointed\b[^.]{0,60}?\bcommissioner\b|"
                            r"\b(?:report|review|recommendations)\s+(?:of|from|by)\s+(?:the\s+)?"
                            r"(?:[\w'’-]+\s+){0,3}?commissioner\b(?!['’])", re.I)
# ... or by its title ("Sefton children's services: Commissioner's report"), with nothing before the name that makes
# the report another paper's subject (a reply, "Improvement plan: response to the Commissioner's report", "Improvement
# plan following the Commissioner's report", "Progress since the commissioner's review")
_OWN_TITLE_RE = re.compile(r"^(?:(?!\b(?:respon\w*|repl\w*|following|since|after|progress|plan|update|on)\b)[^\n])*"
                           r"\bcommissioner['’]s\s+(?:report|review|recommendations)\b", re.I)


def commissioners_own_report(doc: Document) -> bool:
    return bool(_OWN_TITLE_RE.search(doc.title or "") or _OWN_REPORT_RE.search(
        f"{doc.title or ''}\n{doc.text[:SPEAKER_OPENING_CHARS]}"))


# Not a commissioner of a council: the police's ("Surrey Police and Crime Commissioner"), a national office's ("the
# Children's Commissioner", "the Domestic Abuse Commissioner") or the NHS's ("health commissioners")
OTHER_COMMISSIONER_RE = re.compile(r"\b(?:crime|children['’]?s?|victims['’]?|abuse|information|health|nhs|police|"
                                   r"fire|equality|rights|local\s+government)\s+$", re.I)


# A commissioner set aside as a source, alone or last in a list: "not the commissioner's report", "not the MV or the
# commissioner" (not an event of theirs: "not when the commissioner was appointed")
_SPEAKER_SET_ASIDE_RE = re.compile(r"\b(?:not|nor|rather\s+than|instead\s+of)\s+"
                                   r"(?:[^?.;:(),]{0,30}?\s(?:or|nor|and)\s+)?"
                                   r"(?:the\s+|a\s+)?(?:dfe['’]?s?\s+)?commissioner(?:['’]s)?\b"
                                   r"(?!\s+(?:was|were|had\s+been)\s+(?:appointed|sent|put|installed|brought)\b)", re.I)


def speakers_set_aside(question: str) -> bool:
    return bool(_SPEAKER_SET_ASIDE_RE.search(question))


_STATEMENT_PAGE_RE = re.compile(r"\b(?:statement|press\s+release|news\s+release|our\s+response|responds?|response\s+to|"
                                r"news)\b", re.I)
# A document only on places the question sets aside ("which councils had commissioners? Not Medway's or Northants',
# they came later") is on what the asker does not want.
SET_ASIDE_PLACE_PENALTY = 0.5


@lru_cache(maxsize=512)
def places_set_aside(question: str) -> frozenset[str]:
    """The places a question names only to set aside (casefolded)."""
    named = find_authorities(question)
    return frozenset(a.casefold() for a in named) - {a.casefold() for a in places_asked(question)} if named \
        else frozenset()


def dated_at_month_set_aside(doc: Document, query: Query) -> bool:
    """A page dated in the month an event is set aside or the month after ("not the wnc ilacs 11/22", a council page
    of 25 November 2022): what is published then reports that event. (Not one whose opening dates another month's
    event: the letter of the visit before, published that month, "the monitoring visit on 4 and 5 October 2022".)"""
    if len(doc.date or "") < 7 or not (dates := dates_set_aside_not_asked(query)):
        return False
    year, month = int(doc.date[:4]), int(doc.date[5:7])
    before = (year - 1, 12) if month == 1 else (year, month - 1)
    if not (set_aside := {(year, month), before} & dates):
        return False
    opening = written_date_re(doc.date).sub(" ", f"{doc.title or ''}\n{doc.text[:DOC_OPENING_CHARS]}")
    named = {MONTHS[m.lower()] for m in MONTH_NAME_RE.findall(opening)}
    return not named or bool(named & {m for _, m in set_aside})


@lru_cache(maxsize=1024)
def written_date_re(iso: str) -> re.Pattern:
    """The day `iso` (YYYY-MM-DD; any day of its month for YYYY-MM) as written: "25 November 2022", "Monday, July
    22, 2019"."""
    year, month, day = iso[:4], int(iso[5:7]), int(iso[8:10]) if len(iso) >= 10 else 0
    name = next(m for m, i in MONTHS.items() if i == month)
    day_form = rf"0?{day}(?:st|nd|rd|th)?" if day else r"\d{1,2}(?:st|nd|rd|th)?"
    return re.compile(rf"\b(?:{day_form}\s+{name[:3]}\w*,?\s+{year}|{name[:3]}\w*\s+{day_form},?\s+{year})\b", re.I)


# "... Not the 2021 focused visit.": a page of that year opening on that kind of visit (a focused or monitoring visit,
# a JTAI: kinds a page's opening names only when it is on one) is the event set aside, not merely of its year
SET_ASIDE_EVENT_PENALTY = 0.3
_DISTINCT_KINDS = (FOCUSED_ASKED_RE, _MONITORING_WORDS_RE)
DOC_OPENING_CHARS = 400


def _opens_on_kind_set_aside(doc: Document, question: str, year: int) -> bool:
    kinds = [kind for clause_year, kind in _kinds_set_aside(question) if clause_year == year]
    opening = f"{doc.title}\n{doc.text[:DOC_OPENING_CHARS]}" if kinds else ""
    return any(kind.search(opening) for kind in kinds)


@lru_cache(maxsize=256)
def _kinds_set_aside(question: str) -> tuple[tuple[int, re.Pattern], ...]:
    """Each year a set-aside clause names with each distinct kind of visit it names (once per question)."""
    return tuple((year, kind) for clause in set_aside_clauses(question) for kind in (*_DISTINCT_KINDS, JTAI_NAMED_RE)
                 if kind.search(clause) for year in years_named(clause))


# "At a full inspection in 2017, ...", "The 2018 focused visit found ...": a paragraph opening on a dated event
_OPENS_ON_DATED_EVENT_RE = re.compile(r"^(?![^.!?]{0,40}?\b(?:since|after|following)\s+(?:the|its|their)\s+(?:last|"
                                      r"previous|first|earlier)\b)"  # (not a report's "Since the last inspection in 2017")
                                      r"[^.!?]{0,80}?(?:\b(?:inspections?|visits?|re-?inspections?)\b[^.!?]{0,20}?"
                                      r"\b(?:in|during)\s+(?-i:(?:[A-Z][a-z]+\s+)?)((?:19|20)\d\d)\b|"
                                      r"\b((?:19|20)\d\d)\s+(?:ofsted\s+)?(?:full\s+|focus+ed\s+|monitoring\s+)?"
                                      r"(?:inspection|visit|re-?inspection)s?\b)", re.I)


def _only_years_set_aside(text: str, query: Query) -> bool:
    """A paragraph opening on an event in a year the question sets aside, and naming no other year."""
    years = years_set_aside(query.text)
    if not years or not (named := years_named(text)) or not named <= years:
        return False
    opening = _OPENS_ON_DATED_EVENT_RE.match(text)
    return bool(opening) and not (query.date_from and any(
        query.date_from.year <= y <= (query.date_to or date.max).year for y in named))


# "The last full inspection in 2017", "since the previous inspection in 2017": the text reports a later one.
LAST_INSPECTION_RE = re.compile(r"\b(?:last|previous)\s+(?:[\w-]+\s+){0,2}(?:inspection|judgement|judgment)\s+"
                                r"(?:\w+\s+)?(?:in|of)\s+(?:\w+\s+)?((?:19|20)\d\d)\b")


@lru_cache(maxsize=64)
def last_inspection_years(text: str) -> frozenset[int]:
    return frozenset(int(y) for y in LAST_INSPECTION_RE.findall(text))


def on_year_set_aside(doc: Document, query: Query) -> bool:
    """An undated document naming a year the question sets aside and none it asks ("... not the 2019 inspection",
    a page on the 2019 report): most likely on the event set aside, so not shown as possibly matching. So is one
    whose headline or lead reports the outcome set aside ("I don't want the 2015 inadequate findings", a story
    opening "... has been rated 'inadequate'") and no outcome the question asks."""
    years = years_set_aside(query.text)
    outcomes = outcomes_set_aside(query.text)
    if not (years or outcomes) or not (query.date_from and query.date_to) or doc_span(doc) is not None:
        return False
    named = years_named(doc.text)
    if named & set(range(query.date_from.year, query.date_to.year + 1)):
        return False
    lead = f"{doc.title or ''}\n{doc.text[:SET_ASIDE_LEAD_CHARS]}"
    reported = {g.lower() for g in _REPORTED_OUTCOME_RE.findall(lead)}
    asked = {g.lower() for g in _OUTCOME_RE.findall(_without_set_aside(query.text))}
    # (a year it names as its last inspection's is its baseline: "The last full inspection in 2017 was rated ...")
    return bool(named & years - last_inspection_years(doc.text)) or bool(reported & outcomes) and not reported & asked


SET_ASIDE_LEAD_CHARS = 400  # a story's headline and first paragraph
_OUTCOME_RE = re.compile(r"\b(inadequate|outstanding|good)\b", re.I)
_REPORTED_OUTCOME_RE = re.compile(r"\b(?:rated|judged|graded|found\s+to\s+be|deemed|declared|upgraded\s+to|"
                                  r"downgraded\s+to|"
                                  # a story's "an Ofsted report branded Lambeth's children's services “inadequate”"
                                  r"branded(?:\s+(?!(?:not|no|less|longer)\b)[\w'’-]+){0,4}?)"
                                  r"\s+(?:as\s+)?['‘\"“]?"
                                  r"(inadequate|outstanding|good)\b(?![\s-]+(?:news|enough)\b)", re.I)


# A grade left behind: "not the 2016 result when they came out of inadequate" sets aside no inadequate judgement
_GRADE = r"(?:the\s+|its\s+|an?\s+)?['‘\"“]?(?:inadequate|outstanding|good)\b"
_OUTCOME_LEFT_RE = re.compile(rf"\bout\s+of\s+{_GRADE}|\b(?:came|come|coming|moved?|moving|went|go(?:ne|ing)?|rose|"
                              rf"risen|climbed|lifted|improved|up)\s+from\s+{_GRADE}|\bfrom\s+{_GRADE}['’\"”]?\s+to\b",
                              re.I)


@lru_cache(maxsize=256)
def outcomes_set_aside(question: str) -> frozenset[str]:
    return frozenset(g.lower() for clause in set_aside_clauses(question)
                     for g in _OUTCOME_RE.findall(_OUTCOME_LEFT_RE.sub(" ", clause)))


def _without_set_aside(question: str) -> str:
    for clause in set_aside_clauses(question):
        question = question.replace(clause, " ")
    return question


# "Which councils were criticised for caseloads?", "Where have inspectors credited councils ...?": a list of
# places is answered by one passage from each of several documents, not by three from the first story.
PLACES_QUESTION_RE = re.compile(r"\b(?:which|what)\s+(?:other\s+)?(?:councils|local authorities|authorities|"
                                r"areas(?!\s+(?:of|for|did|do|does|need|needed|should|were\s+covered)\b)|places|"
                                r"boroughs|counties)\b|^\W*where\s+(?:have|has|did|do|does|are|were|is)\b",
                                re.I)


def asks_for_places(question: str) -> bool:
    return bool(PLACES_QUESTION_RE.search(question))


# "Which councils have set up an academy?" is answered by a passage naming one, or from a document about one; "Which
# eight councils were picked for the thematic inspection?" by passages naming at least half as many (one saying
# eight will be visited names none). Not a duty ("Which local authorities must offer a personal adviser?") nor
# another body ("Which authorities inspect children's homes?").
_NUMBER_WORDS = {**NUMBER_WORDS, "eleven": 11, "twelve": 12, "several": 2}
_NUMBER = r"(?:\d{1,2}|" + "|".join(_NUMBER_WORDS) + ")"
COUNCILS_NAMED_QUESTION_RE = re.compile(
    rf"\bwhich\s+(?:({_NUMBER})\s+)?(?:other\s+)?(?:councils|local\s+authorities|boroughs|counties)\b|"
    rf"\bwhat\s+({_NUMBER})\s+(?:other\s+)?(?:councils|local\s+authorities|boroughs|counties)\b", re.I)
_DUTY_AFTER_RE = re.compile(r"\s+(?:must|should|shall|have\s+to|need\s+to|can|could|may|might|are\s+required|"
                            r"are\s+expected|will|would)\b", re.I)


def councils_to_name(question: str) -> int:
    """How many councils the passages shown must name between them to answer: 0 when none are asked."""
    m = COUNCILS_NAMED_QUESTION_RE.search(question)
    if not m or _DUTY_AFTER_RE.match(question[m.end():]):
        return 0
    number = (m.group(1) or m.group(2) or "").lower()
    asked = int(number) if number.isdigit() else _NUMBER_WORDS.get(number, 1)
    return max(1, -(-asked // 2))


def one_per_document_first(hits: list[Hit]) -> list[Hit]:
    """Each document's best passage first (in score order), then the others: the top of the list spans sources."""
    seen: set[str] = set()
    first, rest = [], []
    for hit in hits:
        (rest if hit.document.doc_id in seen else first).append(hit)
        seen.add(hit.document.doc_id)
    return first + rest


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@lru_cache(maxsize=50_000)
def _fingerprint(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """Hashed QUOTE_WORDS-word runs and 3-word shingles of a passage, computed once per passage text."""
    words = _words(text)
    runs = frozenset(hash(tuple(words[i:i + QUOTE_WORDS])) for i in range(len(words) - QUOTE_WORDS + 1))
    shingles = frozenset(hash(tuple(words[i:i + 3])) for i in range(len(words) - 2))
    return runs, shingles


def near_duplicate(a: str, b: str) -> bool:
    (runs_a, sh_a), (runs_b, sh_b) = _fingerprint(a), _fingerprint(b)
    if runs_a & runs_b:
        return True
    if not sh_a or not sh_b:
        return False
    return len(sh_a & sh_b) / len(sh_a | sh_b) >= DUPLICATE_JACCARD


def repeats(text: str, other: str) -> bool:
    """Is `text` mostly words found in `other` (REPEATED_SHARE of its 3-word shingles)?"""
    shingles, others = _fingerprint(text)[1], _fingerprint(other)[1]
    return bool(shingles) and len(shingles & others) / len(shingles) >= REPEATED_SHARE


SAME_EVENT_DAYS = 400  # a story quoting a letter comes weeks or months after it, not years


def same_event(a: Document, b: Document) -> bool:
    """Could two documents be about one event? Not when they name different authorities (Ofsted's template
    wording recurs in every authority's report), are dated more than a year apart, or share neither an authority
    nor a date."""
    la = {x.casefold() for x in a.local_authorities}
    lb = {x.casefold() for x in b.local_authorities}
    if la and lb and not la & lb:
        return False
    sa, sb = doc_span(a), doc_span(b)
    if sa and sb and (sa[0] - sb[1]).days > SAME_EVENT_DAYS or sa and sb and (sb[0] - sa[1]).days > SAME_EVENT_DAYS:
        return False
    # Something must tie them: the same authority, or dates close together. An undated national page and an
    # undated council page share Ofsted's template wording ("children in need of help and protection, children
    # looked after and care leavers") without being about one event.
    return bool(la & lb) or bool(sa and sb)


def unnamed_council_page(doc: Document, query: Query) -> bool:
    """A council's page naming no council, on the monitoring visit asked by its number: committee minutes ("To
    update the Committee of the outcome of the latest Ofsted monitoring visit ... the fifth of six visits") name
    theirs only in the site around them. Where no document is about the place asked, it may be that place's page:
    shown apart and labelled, never as matching. Only on the visit asked by number ("What did the 2019 monitoring
    visit to Slough find?", where no page is about Slough, is not answered by some council's minutes on a visit),
    or where the council's own paper on a monitoring visit is asked with its number ("X committee minutes on the
    Ofsted outcome letter: which number MV was it?")."""
    return doc.doc_type == "council_page" and not doc.local_authorities and doc.visit_number is not None \
        and (query.visit_number == doc.visit_number
             or query.visit_number is None and query.source == "council" and query.source_named
             and bool(MONITORING_ASKED_RE.search(query.text)))


def names_asked_body(doc: Document, query: Query) -> bool:
    """"Al-Hijrah School in Birmingham, the 2017 report ...": a page naming the school (a proper name the question
    gives, of more than one word) is about it, though it names no council. Where no page is about the place, it is
    shown apart, its place not stated."""
    proper = [name.lower() for name in query.names if " " in name and name[:1].isupper()]
    return bool(proper) and any(name in _lowered(doc.text) for name in proper)


@lru_cache(maxsize=1024)  # (per document, not per passage)
def _lowered(text: str) -> str:
    return text.lower()


def authority(hit: Hit) -> tuple[float, int]:
    return (TYPE_PRIOR.get(hit.document.doc_type, 0.85), 1 if hit.document.date else 0)


def group_duplicates(hits: list[Hit]) -> list[Hit]:
    """Walk best-first; a hit that repeats an earlier one about the same event joins it. When the repeat is the
    more authoritative source (the letter a news story quotes), it takes the earlier one's place."""
    kept: list[Hit] = []
    for hit in hits:
        # A page captured with its text twice (or a passage that is a running header): the same words once are enough.
        # Mostly the same words, not one shared run: a report's section heading repeats its line of the judgement
        # table ("The experiences and progress of children in care and care leavers: good") above new findings.
        if any(k.document.doc_id == hit.document.doc_id and repeats(hit.passage.text, k.passage.text)
               for k in kept):
            continue
        twin = next((k for k in kept if k.document.doc_id != hit.document.doc_id
                     and same_event(k.document, hit.document)
                     and near_duplicate(k.passage.text, hit.passage.text)), None)
        # The passage to be hidden must be mostly the other's words: a story that quotes one sentence of the letter
        # among findings of its own ("Meanwhile, the multi-agency front door ...") still answers on its own.
        hidden, shown = (twin, hit) if twin is not None and authority(hit) > authority(twin) else (hit, twin)
        if twin is None:
            kept.append(hit)
            continue
        if not repeats(hidden.passage.text, shown.passage.text):
            if hidden is twin:  # both stand; the more authoritative telling of what they share comes next to it
                hit.score = max(hit.score, twin.score)
                kept.insert(kept.index(twin) + 1, hit)
            else:
                kept.append(hit)
            continue
        if hidden is twin:
            position = kept.index(twin)
            hit.also_reported_in = [_reference(twin)] + twin.also_reported_in
            hit.score = max(hit.score, twin.score)
            kept[position] = hit
        else:
            twin.also_reported_in.append(_reference(hit))
    return kept


def _reference(hit: Hit) -> dict[str, str]:
    return {"doc_id": hit.document.doc_id, "title": hit.document.title, "doc_type": hit.document.doc_type,
            "location": hit.passage.location, "passage_id": hit.passage.passage_id}


def about_another_of_its_places(text: str, doc: Document, asked: list[str], inspector_asked: bool = False) -> bool:
    """A passage of a document about several authorities that names one of the others and none of those asked:
    it is about that one ("Warwickshire joins Newcastle ..." then a paragraph on Warwickshire's caseloads). Asked which
    inspector, a letter's sign-off is the whole letter's ("... Peterborough's services. Yours sincerely / Jo Bell /
    HMI")."""
    if not asked or len(doc.local_authorities) < 2 or inspector_asked and _sign_off_words(text):
        return False
    named = _places_named(text)
    wanted = {a.casefold() for a in asked}
    # (a county and the councils named after it, "Northamptonshire" and "West Northamptonshire", are one story)
    others = {a.casefold() for a in doc.local_authorities if not any(_related(a.casefold(), w) for w in wanted)}
    return bool(named & others) and not any(_related(n, w) for n in named for w in wanted) \
        and not any(authority_surface_re(a, towns=False).search(text) for a in asked)  # "Newcastle" needs no cue here


# A round-up's opening ("a south London borough has received a good grade") names none of its places; asked about
# one of them, the paragraph that names it is the answer. Only in a document about three places or more: a letter
# about one council that mentions another in passing names its own only at the top.
UNNAMED_PLACE_PENALTY = 0.9

# "What has Ofsted said about ...?": another inspectorate's page (the CQC's assessment of a council's adult social
# care) is not Ofsted speaking, unless the question names that body too, or the page is a joint inspection's (a
# JTAI, a local area SEND inspection: Ofsted's words too).
OFSTED_SPEAKS_RE = re.compile(r"\bofsted(?:['’]s)?\s+(?:\w+\s+){0,2}?(?:say|said|says|find|found|finds|report\w*|"
                              r"letters?|inspectors?|judge\w*|think|thought|view|criticis\w*|prais\w*|highlight\w*|"
                              r"conclu\w*|note\w*)\b", re.I)
# ... or its own inspection asked about ("What overall judgement did X get at its 2025 ILACS?"; not one a question
# dates another body's work by: "What did the youth justice inspection say after the 2019 ILACS?")
OWN_FRAMEWORK_RE = re.compile(r"\b(?:ilacs|sif)\b", re.I)
FRAMEWORK_ANCHOR_RE = re.compile(r"\b(?:after|since|following|before)\s+(?:the|its|their|an?)\s+"
                                 r"(?:[\w'’-]+\s+){0,3}?(?:ilacs|sif)\b", re.I)
OFSTED_RE = re.compile(r"\bofsted\b", re.I)
JOINT_INSPECTION_RE = re.compile(r"\bjoint(?:ly)?\b|\bjtai\b|\blocal\s+area\b|\barea\s+send\b|\binspectorates\b", re.I)
OTHER_INSPECTORATE_PENALTY = 0.6  # (its page cannot say what Ofsted said: as strong as a missing answer type)


# (no publisher read: a report's first line names its inspectorate, "Care Quality Commission")
PUBLISHER_LINE_CHARS = 400


def other_inspectorates_page(doc: Document) -> bool:
    """Another inspectorate's page (by its publisher, or its first line when none was read), not a joint one."""
    publisher = doc.publisher or doc.text.split("\n\n", 1)[0][:PUBLISHER_LINE_CHARS]
    return bool(OTHER_INSPECTORATE_RE.search(publisher)) and not OFSTED_RE.search(publisher) \
        and not JOINT_INSPECTION_RE.search(doc.title or "")


def asks_ofsted_framework(question: str) -> bool:
    return bool(OWN_FRAMEWORK_RE.search(FRAMEWORK_ANCHOR_RE.sub(" ", question)))


@lru_cache(maxsize=256)
def asks_ofsted_only(question: str) -> bool:
    """Ofsted asked to speak, and no other inspectorate (once per question, not candidate)."""
    return bool(OFSTED_SPEAKS_RE.search(question) or asks_ofsted_framework(question)) \
        and not OTHER_INSPECTORATE_RE.search(question)


def other_inspectorate_weight(doc: Document, question: str) -> float:
    return OTHER_INSPECTORATE_PENALTY if asks_ofsted_only(question) and other_inspectorates_page(doc) else 1.0


# What a commissioner or minister recommended or said is first in their own report or letter ("Report of the
# Commissioner for Children's Services in Torbay"), then in others' retelling of it (an Ofsted letter noting "the
# Commissioner's recommendation ... has been implemented").
SPEAKER_ASKED_RE = re.compile(r"\b(?:the|a)\s+(commissioner|minister|secretary\s+of\s+state)s?\b(?!['’])"
                              # (told by where they were sent: "the commissioner sent in to Torbay recommend ...")
                              r"(?:\s+(?:sent|brought|put)\s+in(?:to|\s+to)\s+[\w'’-]+|\s+for\s+[\w'’-]+)?"
                              r"\s+(?:recommend\w*|say|said|says|conclud\w*|find|found|advis\w*|propos\w*|"
                              r"suggest\w*)\b",
                              re.I)
# (the council's answer to it asked: "How did the council respond to what the commissioner recommended?")
SPEAKER_ANSWERED_RE = re.compile(r"\b(?:respon\w*|react\w*|repl(?:y|ied|ies))\b", re.I)
SPEAKER_DOCUMENT_BOOST = 1.2
SPEAKER_OPENING_CHARS = 400


# (or the commissioner themself, or their report, asked: "who is the DfE commissioner for sefton and when did she send
# her report to the SoS?", "what was in the commissioner's report?")
COMMISSIONER_OR_REPORT_ASKED_RE = re.compile(r"\bwho\s+(?:is|was)\s+the\s+(?:[\w'’-]+\s+){0,2}?(commissioner)\b|"
                                             r"\b(commissioner)['’]?s?\s+(?:own\s+)?report\b", re.I)


def speaker_document_weight(doc: Document, question: str) -> float:
    own = _speaker_document_re(question)
    if own and _speaks_in_own(own, doc.title or "", doc.text[:SPEAKER_OPENING_CHARS]):
        return SPEAKER_DOCUMENT_BOOST
    if (asked := COMMISSIONER_OR_REPORT_ASKED_RE.search(question)) and not speakers_set_aside(question) \
            and not OTHER_COMMISSIONER_RE.search(question, max(0, asked.start(asked.lastindex) - 30),
                                                 asked.start(asked.lastindex)) \
            and commissioners_own_report(doc):
        return SPEAKER_DOCUMENT_BOOST  # (not "who is the children's commissioner for England?")
    return 1.0


@lru_cache(maxsize=256)  # (read once a question, not once a passage)
def _speaker_document_re(question: str) -> re.Pattern | None:
    """How the asked speaker's own document names itself ("Report of the Commissioner for ..."), or None."""
    asked = SPEAKER_ASKED_RE.search(question)
    if not asked or SPEAKER_ANSWERED_RE.search(question[:asked.start()]):
        return None
    role = r"\s+".join(asked.group(1).split())
    return re.compile(rf"\b(?:report|letter|review|statement|recommendations)\s+(?:of|from|by)\s+(?:the\s+)?"
                      rf"(?:[\w'’-]+\s+){{0,2}}?{role}\b(?!['’])", re.I)


@lru_cache(maxsize=4096)  # (per document, not per passage)
def _speaks_in_own(own: re.Pattern, title: str, opening: str) -> bool:
    return bool(own.search(title) or own.search(opening))


# A JTAI's findings are reported by a page about it: its title or opening names it.
JTAI_NAMED_RE = re.compile(r"\bjtai\b|\bjoint\s+targeted\s+(?:area\s+)?inspection|\bjoint\s+inspection", re.I)
KIND_OPENING_CHARS = 800
# "The inspection follows a focused visit in June 2021 and a JTAI in November 2022": recalled, not reported
KIND_RECALLED_RE = re.compile(r"\b(?:follows?|followed|following|after|since|previous|prior|last|earlier|before|"
                              r"at\s+the\s+time\s+of)\b"
                              r"[^.]{0,80}$", re.I)
# (a joint inspection's own page may name it by what it inspects: "inspecting the multi-agency response to ...")
JOINT_DOCUMENT_RE = re.compile(rf"{JTAI_NAMED_RE.pattern}|\binspect\w*\s+(?:of\s+)?the\s+multi-agency\b", re.I)


@lru_cache(maxsize=4096)
def _opens_on(title: str, opening: str, pattern: re.Pattern) -> bool:
    if pattern.search(title):
        return True
    return any(not KIND_RECALLED_RE.search(opening[max(0, m.start() - 80):m.start()])
               for m in pattern.finditer(opening))


def opens_on_kind(doc: Document, pattern: re.Pattern = JTAI_NAMED_RE) -> bool:
    """Whether a document names a kind of inspection or visit (`pattern`: a JTAI unless given) in its title, or in its
    opening other than as an event it follows (so it may report that event's findings)."""
    return _opens_on(doc.title or "", doc.text[:KIND_OPENING_CHARS], pattern)


# "What have multi-agency inspectors found?", "what did the joint inspection find?": a joint inspection speaks; a
# single inspectorate's report on the same topic (the ILACS on return home interviews) is another voice
# (not where the council or the press is asked about it: "what did the council say after the joint inspection?")
JOINT_ASKED_RE = re.compile(r"\b(?:joint|multi-agency)\s+(?:targeted\s+area\s+)?(?:inspect(?:ion|ions|ors?)|"
                            r"inspectorates?)\b|\bjtais?\b|\binspectorates\s+together\b", re.I)
NOT_JOINT_PENALTY = 0.7


@lru_cache(maxsize=256)
def _joint_asked(question: str) -> bool:
    return bool(JOINT_ASKED_RE.search(JOINT_SET_ASIDE_RE.sub(" ", NEGATED_SOURCE_RE.sub(" ", question))))


# A joint inspection set aside by name ("... kids not visited? not the JTAI"; not "(not the ILACS, the JTAI)", which
# asks for it, nor "was it not the 2023 JTAI that ...?")
JOINT_SET_ASIDE_RE = re.compile(r"(?<!\bit\s)\b(?:not|rather\s+than|instead\s+of)\s+(?:the\s+|an?\s+)?"
                                r"(?:[\w-]+\s+){0,2}?"
                                r"(?:jtais?|joint\s+(?:targeted\s+area\s+)?inspections?)\b", re.I)


def joint_inspection_weight(doc: Document, query) -> float:
    if query.source not in (None, "ofsted") or doc.doc_type not in SOURCE_KINDS["ofsted"] \
            or not _joint_asked(query.text):
        return 1.0
    return 1.0 if opens_on_kind(doc, JOINT_DOCUMENT_RE) else NOT_JOINT_PENALTY


# "Has anyone said Ofsted's inspectors didn't question officers hard enough?", "Which committee said Ofsted's
# inspections failed to uncover CSE?": Ofsted is criticised, by somebody else; its own letters and reports do not
# criticise it (a thematic letter on the same topic is the wrong voice)
OFSTED_CRITICISED_RE = re.compile(r"\bofsted(?:['’]s)?\s+(?:own\s+)?(?:inspectors?\s+|inspections?\s+|inspection\s+"
                                  r"(?:approach|regime|framework)\s+)?(?:had\s+|has\s+|have\s+)?"
                                  r"(?:didn['’]t|did\s+not|failed|fails|missed|never|wasn['’]t|was\s+not|"
                                  r"weren['’]t)\b|"
                                  r"\bcriticis\w*\s+(?:of\s+)?ofsted\b|"
                                  r"\bofsted['’]s\s+(?:failure|failings|shortcomings)\b", re.I)
CRITICISED_OWN_PENALTY = 0.8


def ofsted_criticised_weight(doc: Document, question: str) -> float:
    if doc.doc_type in SOURCE_KINDS["ofsted"] and OFSTED_CRITICISED_RE.search(question):
        return CRITICISED_OWN_PENALTY
    return 1.0


# "I want the minutes, not the officers' report": the meeting's minutes over the papers put to it (not "30 minutes",
# "minutes after")
# (and a council body's dated meeting: "rochdale cabinet nov 2024 care leaver funding")
MINUTES_ASKED_RE = re.compile(r"(?<!\d\s)\bminutes\b(?!\s+(?:after|before|later|late|long)\b)|"
                              r"\b(?:cabinet|executive|scrutiny|committee|panel)\s+(?:meeting\s+)?(?:(?:on|of|in)\s+)?"
                              rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_RE}\s+{YEAR}\b", re.I)
NOT_MINUTES_PENALTY = 0.9
_minutes: dict = {}


@lru_cache(maxsize=256)
def asks_minutes(question: str) -> bool:
    question = NEGATED_SOURCE_RE.sub(" ", question)  # (once per question, not candidate)
    return bool(MINUTES_ASKED_RE.search(question) or COUNCIL_DECISION_RE.search(question))


# ... and the other way round: "the council's own report to scrutiny" is the paper put to the meeting, not its minutes
PAPER_ASKED_RE = re.compile(r"\breport\s+(?:to|for)\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,4}?(?:scrutiny|committee|"
                            r"cabinet|panel|board)\b|"
                            r"\b(?:committee|cabinet|scrutiny|officers['’]?)\s+(?:report|paper)s?\b", re.I)


@lru_cache(maxsize=256)
def asks_paper(question: str) -> bool:
    question = NEGATED_SOURCE_RE.sub(" ", question)
    return bool(PAPER_ASKED_RE.search(question)) and not MINUTES_ASKED_RE.search(question)


# Minutes' formalities ("PRESENT:- Councillor Pickering (Chair); ...", "APOLOGIES:- ...", "Declarations of interest:
# none", "the minutes of the meeting held on 14th June be taken as read") say who was there, not what they were told:
# a passage made mostly of them weighs x FORMALITIES_PENALTY, unless the question asks who attended.
FORMALITY_RE = re.compile(r"^\W*(?:\d{1,3}\.\s*)?(?:the\s+)?(?:present|(?:also\s+)?in\s+attendance|also\s+present|"
                          r"(?:members|officers)\s+present|"
                          r"apologies(?:\s+for\s+absence)?|declarations?\s+of\s+(?:interests?|pecuniary)|"
                          r"minutes\s+of\s+the\s+(?:previous\s+|last\s+)?meeting)\b", re.I)
ASKS_ATTENDANCE_RE = re.compile(r"\b(?:attend\w*|present|apologi\w*|declar\w*|chair\w*|who\s+(?:was|were)\s+there)\b",
                                re.I)
FORMALITIES_PENALTY = 0.75
FORMALITY_MIN_WORDS = 6  # (the minutes' heading lines above them are no paragraph of either kind)


_FORMALITY_LINE_RE = re.compile(FORMALITY_RE.pattern, re.I | re.M)


@lru_cache(maxsize=256)
def _formalities_matter(question: str, kind: str | None) -> bool:
    """(not for a date asked: "when did the committee discuss it?" is answered by "Minutes of the meeting held on
    Tuesday 12 September 2023"; read once per question)"""
    return kind != "date" and not ASKS_ATTENDANCE_RE.search(question)


def formalities_weight(text: str, question: str, kind: str | None = None) -> float:
    if not _formalities_matter(question, kind) or not _FORMALITY_LINE_RE.search(text):
        return 1.0
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if len(p.split()) >= FORMALITY_MIN_WORDS]
    formal = sum(len(p.split()) for p in paragraphs if FORMALITY_RE.match(p))
    if not formal or formal * 2 < sum(len(p.split()) for p in paragraphs):
        return 1.0
    return FORMALITIES_PENALTY


# "What did councillors ask about the JTAI?": the minutes' questions from members ("Councillor Ayub asked why ..."),
# not the item's opening on the report, weigh x MEMBERS_ASKED_BOOST
MEMBERS_ASK_ASKED_RE = re.compile(r"\b(?:councillors|cllrs|(?:elected|committee|board|panel|scrutiny)\s+members|"
                                  r"members\s+of\s+the\s+(?:committee|panel|board|council))\s+(?:[\w'’-]+\s+){0,2}?"
                                  r"(?:ask|asked|question|questioned|quer(?:y|ied)|raise|raised|challenge|"
                                  r"challenged)\b", re.I)
# ("Councillor Ayub asked", "Cllr J. Smith asked", "Members asked", "A Member asked", "In response to a question
# from Councillor Ayub")
MEMBERS_ASKING_RE = re.compile(r"(?:\b(?:Councillor|Cllr)\.?\s+(?:[A-Z]\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?|"
                               r"\b(?i:(?:a\s+)?members?|councillors))\s+(?i:asked|questioned|queried|raised|sought|"
                               r"challenged)\b|\b(?i:questions?\s+(?:from|by))\s+(?:(?i:members|councillors)\b|"
                               r"(?:Councillor|Cllr)\b)")
MEMBERS_ASKED_BOOST = 1.25


@lru_cache(maxsize=256)
def _asks_members_questions(question: str) -> bool:
    return bool(MEMBERS_ASK_ASKED_RE.search(question))


def members_asked_weight(text: str, question: str) -> float:
    return MEMBERS_ASKED_BOOST if _asks_members_questions(question) and MEMBERS_ASKING_RE.search(text) else 1.0


def minutes_weight(doc: Document, question: str) -> float:
    if doc.doc_type != "council_page" or not (asks_minutes(question) or asks_paper(question)):
        return 1.0
    from qa.documents.metadata import is_minutes

    minutes = per_document(_minutes, doc, lambda text: is_minutes(f"{doc.title}\n{text[:300]}"))
    return 1.0 if minutes == asks_minutes(question) else NOT_MINUTES_PENALTY


def unnamed_place_weight(text: str, headings: list[str] | None, doc: Document, asked: list[str]) -> float:
    if not asked or len(doc.local_authorities) < 3:
        return 1.0
    own = " ".join([text, *(h for h in headings or [] if h != doc.title)])
    named = _places_named(own)
    if any(_related(n, a.casefold()) for n in named for a in doc.local_authorities) \
            or any(authority_surface_re(a, towns=False).search(own) for a in asked):  # ("Reading has been judged good")
        return 1.0
    return UNNAMED_PLACE_PENALTY


def _related(a: str, b: str) -> bool:
    """One name holds the other ("northamptonshire", "west northamptonshire"; not "derby", "derbyshire")."""
    return name_within(a, b) or name_within(b, a)


@lru_cache(maxsize=4096)
def _places_named(text: str) -> frozenset[str]:
    from qa.documents.gazetteer import find_in_text

    return frozenset(m.name.casefold() for m in find_in_text(text))


def newest_date(documents) -> date | None:
    spans = [doc_span(d) for d in documents]
    ends = [s[1] for s in spans if s]
    return max(ends) if ends else None


OFSTED_TWIN_RATIO = 0.5  # the letter's passage scores at least half the leading story's (0.3 and 0.5 the same)
OFSTED_TWIN_DEPTH = 10  # ... among the first ten candidates


# Ofsted asked for in its own voice anywhere after the visit is named: "Northamptonshire's first MV after the trust
# took over - what did Ofsted say about thresholds?"
OFSTED_SAYS_RE = re.compile(r"\b(?:what|how)\s+did\s+(?:ofsted|the\s+inspectors|inspectors|hmis?)\s+"
                            r"(?:[a-z]+ly\s+)?(?:say|find|conclude|report|note|write)\b", re.I)  # ("actually say")
# Ofsted's visit named as what is asked about ("how many were in B&Bs when Ofsted did the focused visit ...?"), not as
# a time measured from ("how have caseloads changed since Ofsted's focused visit in February 2023?")
OFSTED_VISIT_NAMED_RE = re.compile(r"(?<!\bsince )(?<!\bafter )(?<!\bbefore )(?<!\bfollowing )"
                                   r"\bofsted['’]?s?\b[^?.]{0,40}?\b(?:focus+ed|monitoring)\s+visit\b|"
                                   r"\b(?:focus+ed|monitoring)\s+visit\b[^?.]{0,20}?\bby\s+ofsted\b|"
                                   # (the visit as the doer, closing a terse question: "cleared by the MV?")
                                   r"\b(?:by|at)\s+the\s+(?:latest\s+|last\s+)?(?:mv|fv|monitoring\s+visit|"
                                   r"focus+ed\s+visit)\s*\??\s*$", re.I)
# Ofsted asked for in its own voice about a visit or its letter: "What did Ofsted's letter on the fourth monitoring
# visit ... say", "What did Ofsted find ... at its second monitoring visit" (not "What did the committee resolve
# about the Ofsted focused visit", "since the inspectors criticised it")
# (past a place the question is for: "For Wolverhampton, what did Ofsted say ... after the focused visit?")
OFSTED_ON_VISIT_RE = re.compile(r"^\W*(?:(?:for|in|on)\s+(?-i:[A-Z])[\w'’ -]{1,40}?,\s*)?"
                                r"(?:what|how)\s+did\s+(?:ofsted|the\s+inspectors|inspectors|hmi)\b"
                                r"(?=.*\b(?:monitoring\s+visit|focus+ed\s+visit|letter|jtai)\b)|"
                                # the visit itself speaking: "What did the 2021 focused visit say about ...?"
                                r"^\W*(?:what|how)\s+did\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:monitoring|"
                                r"focus+ed)\s+visit\s+(?:say|find|conclude|report)\b|"
                                # ... or named before: "hackney FV on care leavers summer 2023 - what did HMIs find"
                                # (a joint targeted area inspection's outcome is a letter too: "In Camden's JTAI, what
                                # did inspectors find ...?")
                                r"\b(?:fv|mv\s?\d*|focus+ed\s+visit|monitoring\s+visit|jtai)\b[^?]{0,80}?"
                                + OFSTED_SAYS_RE.pattern, re.I)
# A numbered visit asked with no source is Ofsted's to tell too ("torbay cic unregistered homes mv4"), but not what
# others made of it: "torbay mv4 reaction", "what did councillors think of torbay mv4"
OTHERS_ON_VISIT_RE = re.compile(r"\b(?:respon\w*|react\w*|repl(?:y|ied|ies)|coverage|covered|quot\w*|headlines?|"
                                r"mps?|councillors?|cllrs?|leader|cabinet|press|news|paper)\b", re.I)


# "What did Ofsted's third visit find about return home interviews?" with the letter on top: a story or a council
# paper on the same visit retells it, at times with its numbers wrong, and stood next in line before the letter's own
# next passages. Asked for Ofsted's words, a retelling of the leading letter's event weighs x RETELLING_PENALTY; its
# document named ("In Ofsted's own words", "the letter itself"), x NAMED_RETELLING_PENALTY. No source asked ("barnsley
# mv1 caseloads"): the letter on top is the source itself, and a story on its visit weighs x UNASKED_RETELLING_PENALTY
# (at x0.5 every pooled set's forbidden passages 257 -> 248, first places unchanged; at x0.7 none moved).
# A retelling holding the kind of fact asked ("how many children were in care?", a figure the report leaves out)
# weighs only x HOLDING_RETELLING_PENALTY. (Asked for Ofsted's words, x0.7 -> x0.5 for the others: every set's
# forbidden passages 264 -> 256, a false abstention fewer, two answers from the top five to ninth.)
RETELLING_PENALTY = 0.5
HOLDING_RETELLING_PENALTY = 0.7
NAMED_RETELLING_PENALTY = 0.5
UNASKED_RETELLING_PENALTY = 0.5


def _retells(hit: Hit, lead: Document) -> bool:
    """Another source's passage on the leading letter's event (one leaving a fact unstated already waits behind, in
    a group of its own; a story on another visit is no retelling of this one)."""
    doc = hit.document
    # (a page about no authority retells one's event only where it names it: a written answer from the same winter
    # on every council judged inadequate is not a retelling of Leicester's report)
    placed = bool(doc.local_authorities) or not lead.local_authorities \
        or bool({m.name.casefold() for m in find_in_text(hit.passage.text)}
                & {a.casefold() for a in lead.local_authorities})
    return not hit.unconfirmed and source_kind(doc, hit.passage.start) not in SOURCE_KINDS["ofsted"] \
        and placed and same_event(doc, lead) and not (doc.visit_number and doc.visit_number != lead.visit_number)


# "according to the JTAI letter rather than the press coverage", "not the council's press release": the kind of
# source set aside, read from the first source word after the negation (not "Ofsted's" in "not the press coverage
# of Ofsted's letter"); "report" and "page" alone could be any kind's.
_SET_ASIDE_HEAD_RE = re.compile(
    r"\b(?:(councils?|las?|local\s+authorit(?:y|ies)|minutes|(?:press|news)\s+releases?|releases?|statements?|cabinet|"
    r"committee|scrutiny)|"
    rf"(press|news(?:papers?)?|media|coverage|articles?|stor(?:y|ies)|write-?ups?|pieces?|papers?|{OUTLET_WORDS}|"
    r"bbc|itv)|"
    r"(ofsted(?:['’]?s)?|inspectors?|inspectorates?|hmi|letters?|jtai))\b", re.I)
_SET_ASIDE_KINDS = (SOURCE_KINDS["council"], SOURCE_KINDS["news"], SOURCE_KINDS["ofsted"])


@lru_cache(maxsize=256)
def kinds_set_aside(question: str) -> frozenset[str]:
    return frozenset(kind for clause in set_aside_clauses(question) for kind in _clause_kinds(clause, question))


# "..., from the scrutiny update, not the ilacs or the paper": an inspection named alone, where the question asks a
# council's or the press's own words, is Ofsted's report set aside (not "not the ilacs news stories", the stories)
_INSPECTION_ALONE_RE = re.compile(r"^\W*(?:not|nor|or|and|but|rather\s+than|instead\s+of)?\s*(?:the|its|their)?\s*"
                                  r"(?:(?:19|20)\d\d\s+)?(?:ilacs|sif|full\s+inspection)(?:\s+report)?"
                                  r"(?:\s+(?:itself|pls|please))*\W*$", re.I)


@lru_cache(maxsize=256)
def inspection_set_aside(question: str) -> bool:
    """Whether a question sets an inspection aside by its name alone (a part of a set-aside clause)."""
    # (not where an inspection is what is asked: "news coverage of caseloads in the ilacs, not the sif")
    return not _INSPECTION_ASKED_RE.search(without_set_asides(question)) \
        and any(_INSPECTION_ALONE_RE.match(part) for clause in set_aside_clauses(question)
                for part in _LISTED_RE.split(clause))


_INSPECTION_ASKED_RE = re.compile(r"\b(?:ilacs|sif|inspections?|reports?)\b", re.I)


def _clause_kinds(clause: str, question: str) -> tuple[str, ...]:
    # (not another place's source: "hackney only, not the croydon letter on the same template", "not the Croydon
    # letter and statement")
    if set(find_authorities(clause)) - set(find_authorities(question.replace(clause, " "))):
        return ()
    # (each source a clause lists, "not Southampton's statement or the local press"; not what the first is on, "not
    # the local paper's write-up of the inspection and letter")
    kinds: tuple[str, ...] = ()
    for part in _LISTED_RE.split(_ON_WHAT_RE.split(clause, maxsplit=1)[0]):
        if head := _SET_ASIDE_HEAD_RE.search(part):
            kinds += tuple(k for k in _SET_ASIDE_KINDS[head.lastindex - 1] if k not in kinds)
    return kinds


_LISTED_RE = re.compile(r"\s*,\s*|\s+(?:or|nor|and)\s+", re.I)
_ON_WHAT_RE = re.compile(r"\b(?:of|on|about|into|over|covering|from)\b", re.I)


# A set-aside clause narrowing its source to one event, time or subject ("not the MV5 write-up", "not the council's
# own 2019 page", "not the BBC piece on the visit"): other sources of that kind may still answer
# (or to some of its events: "not the later monitoring letters")
_SET_ASIDE_NARROWED_RE = re.compile(r"\d|\b(?:visits?|inspections?|mvs?|fvs?|ilacs|sif|jtai|judge?ments?|inadequate|"
                                    r"outstanding|good|grades?|ratings?|results?|outcomes?|on|about|of|from|after|"
                                    r"before|that|which|later|earlier|previous|last|latest|first|second|third|"
                                    r"fourth|fifth|sixth|monitoring|focus+ed|"
                                    # (one outlet: "not the BBC", "not the Guardian piece")
                                    rf"{OUTLET_WORDS}|bbc|itv|cyp)\b", re.I)


@lru_cache(maxsize=256)
def kinds_set_aside_wholly(question: str) -> frozenset[str]:
    """The kinds of source a question sets aside with nothing narrowing them ("not Ofsted's own report")."""
    return frozenset(kind for clause in set_aside_clauses(question) if not _SET_ASIDE_NARROWED_RE.search(clause)
                     for kind in _clause_kinds(clause, question))


@lru_cache(maxsize=256)
def kinds_set_aside_by_year(question: str) -> tuple[tuple[tuple[str, ...], frozenset[int]], ...]:
    """Each source a question sets aside with a year, as its kinds and that year, part by listed part ("not MV5 or
    the council's own 2019 page": council pages of 2019; "not the 2019 BBC piece or the council's page": news of
    2019, council pages of no year)."""
    return tuple((kinds, years) for clause in set_aside_clauses(question) for part in _LISTED_RE.split(clause)
                 if (years := years_named(part)) and (kinds := _clause_kinds(part, question)))


def set_aside_kinds_last(hits: list[Hit], query: Query) -> list[Hit]:
    """Passages from a kind of source the question sets aside come after every other; where it sets the whole kind
    aside ("going by the CYP Now write-up only (not Ofsted's own report)"), they are left out while any passage of
    another kind is found. (Where none is, they are still shown.)"""
    # (not the kind asked for: "the local paper's account, not the CYP Now piece" sets aside one story for another)
    asked = set(SOURCE_KINDS.get(query.source or "", ()))
    kinds = kinds_set_aside(query.text) - asked
    if query.source in ("council", "news") and inspection_set_aside(query.text):
        kinds |= set(SOURCE_KINDS["ofsted"])  # ("from the scrutiny update, not the ilacs or the paper")
    titles = titles_set_aside(query.text)
    if not kinds and not query.outlets_aside and not titles:
        return hits
    # (left out like a kind set aside wholly)
    papers = {id(h) for h in hits if outlet_set_aside(h.document, query) or titled_as(h.document, titles)}
    kept = [h for h in hits if h.document.doc_type not in kinds and id(h) not in papers]
    wholly = kinds_set_aside_wholly(query.text) - asked
    return kept + [h for h in hits if (h.document.doc_type in kinds or id(h) in papers)
                   and not (kept and (h.document.doc_type in wholly or id(h) in papers))]


# "not the improvement notice or the paper": a document set aside by what its title calls it. Two words at least,
# none a figure, none a source's kind or an event's number ("not the 2019 letter", "not the second visit")
_TITLE_SET_ASIDE_RE = re.compile(r"^(?:not|nor|or|and|but|rather\s+than|instead\s+of)?\s*(?:the|a|an|its|their)?\s*"
                                 r"(?:actual\s+|original\s+)?([a-z][a-z'’ -]*?[a-z])"
                                 r"(?:\s+(?:itself|doc|document|pls|please))*\W*$", re.I)


@lru_cache(maxsize=256)
def titles_set_aside(question: str) -> tuple[str, ...]:
    """What a question sets aside by the name of a document, where the question asks no such document elsewhere."""
    kept = without_set_asides(question).lower()
    found = []
    for clause in set_aside_clauses(question):
        for part in _LISTED_RE.split(clause):
            m = _TITLE_SET_ASIDE_RE.match(part.strip())
            if m and len(words := m.group(1).lower().split()) >= 2 and not _SET_ASIDE_HEAD_RE.search(m.group(1)) \
                    and not _SET_ASIDE_NARROWED_RE.search(m.group(1)) and " ".join(words) not in kept:
                found.append(" ".join(words))
    return tuple(dict.fromkeys(found))


def titled_as(doc: Document, titles: tuple[str, ...]) -> bool:
    """A title that is what the question set aside, alone or beside whose it is ("Hull City Council: improvement
    notice"; not "Minister lifts Rutland improvement notice", "Cabinet: progress against the improvement notice",
    "Improvement notice: DfE adviser's six month review", "review of the partnership annual report")."""
    title = re.sub(r"\s+", " ", doc.title or "").strip(" .")
    for t in titles:
        phrase = rf"{re.escape(t.removesuffix('s'))}s?"
        if re.search(rf"(?:^|[:|–—]|\s-)\s*{phrase}$", title, re.I):
            return True
        # (or the phrase and then only whose it is: "Improvement notice - Kent County Council")
        if (m := re.match(rf"{phrase}\s*(?:[:|–—]|-\s)\s*(.+)$", title, re.I)) and find_in_text(m.group(1)) \
                and len(m.group(1).split()) <= 6 and not _NOT_A_PLACE_RE.search(m.group(1)):
            return True
    return False


_NOT_A_PLACE_RE = re.compile(r"\b(?:review|report|progress|update|response|adviser|advisor|letter|minutes|plan)\b",
                             re.I)


def outlet_set_aside(doc: Document, query: Query) -> bool:
    """A story from a paper the question sets aside by name ("not the courier": the Itchen Valley Courier's)."""
    publisher = (doc.publisher or "").lower()
    return bool(publisher) and doc.doc_type in SOURCE_KINDS["news"] \
        and any(re.search(rf"\b{re.escape(name)}\b", publisher) for name in query.outlets_aside)


def retellings_after(hits: list[Hit], query: Query) -> list[Hit]:
    """(After `ofsted_telling_first`: the letter it puts first leads too.)"""
    lead = hits[0] if hits else None
    if query.source not in ("ofsted", None) or lead is None or lead.unconfirmed \
            or lead.document.doc_type not in SOURCE_KINDS["ofsted"] \
            or asks_for_places(query.text) and not query.authorities:  # (one passage a place, kept in its order)
        return hits
    # (no source named, what the council committed to asked: "what did the LA commit to in its statement of action?"
    # is answered by its own page, no retelling of the letter; a story on it still is one)
    committed = query.source is None and COMMITMENT_ASKED_RE.search(query.text)
    retold = [h for h in hits[1:] if _retells(h, lead.document)
              and not (committed and h.document.doc_type == "council_page")]
    if not retold:
        return hits
    for h in retold:
        h.score *= UNASKED_RETELLING_PENALTY if query.source is None \
            else NAMED_RETELLING_PENALTY if query.source_named \
            else HOLDING_RETELLING_PENALTY if query.answer_type and holds(query.answer_type, h.passage.text) \
            else RETELLING_PENALTY
    return [lead] + sorted(hits[1:], key=lambda h: (len(h.unconfirmed), -h.score))


_GRADE_NOUN_RE = re.compile(r"\b(?:grades?|ratings?|judge?ments?)\b", re.I)


def _own_grade(hit: Hit) -> bool:
    """A council's inspection report's passage stating a grade, none tied to an earlier year ("when last inspected in
    2017, services were judged to require improvement"); not a children's home's or a school's report."""
    written = int(hit.document.date[:4]) if hit.document.date else None
    return holds("judgement", hit.passage.text) and not provider_report(hit.document.text[:PROVIDER_HEAD_CHARS]) \
        and not (written and grades_tied_to(hit.passage.text, range(1990, written - 1)))


def ofsted_telling_first(hits: list[Hit], query: Query) -> list[Hit]:
    """"What did Ofsted find at the second visit?": when a story or a council page about the visit leads and
    Ofsted's own letter on the same event (the same place and time, not another visit) has a passage close behind,
    the letter's passage goes first. Only letters: a report indexed by its front page says little a story quoting
    it does not say better."""
    if not hits or hits[0].document.doc_type in SOURCE_KINDS["ofsted"]:
        return hits
    # (so does a report's passage stating a grade, asked for a grade with no source named: "plymouth ilacs 2025 grades
    # - was leadership judged good?", where the council's page on the grades leads)
    # (the grade asked by name: not "how were partnership arrangements for CSE judged?", what was found of them)
    grade_asked = query.source is None and bool(_GRADE_NOUN_RE.search(query.text)) and asks_grade(query.text)
    # (a numbered visit asked with no source named: "torbay cic unregistered homes mv4", its letter; so for Ofsted's
    # visit named: "how many were in B&Bs when Ofsted did the focused visit to Croydon in Feb 2023?", though not
    # who held a post then: "Who was the director when Ofsted carried out its third monitoring visit?")
    letter_asked = bool(OFSTED_ON_VISIT_RE.search(query.text)
                        or query.visit_number and OFSTED_SAYS_RE.search(query.text)
                        or not query.source and query.visit_number and not OTHERS_ON_VISIT_RE.search(query.text)
                        or query.source in (None, "ofsted") and OFSTED_VISIT_NAMED_RE.search(query.text)
                        and not OTHERS_ON_VISIT_RE.search(query.text) and query.answer_type != "person")
    if not (letter_asked or grade_asked):
        return hits
    lead = hits[0]
    for h in hits[1:OFSTED_TWIN_DEPTH]:
        if (letter_asked and h.document.doc_type == "ofsted_letter"
            or grade_asked and h.document.doc_type == "ofsted_report" and _own_grade(h)) \
                and len(h.unconfirmed) <= len(lead.unconfirmed) \
                and h.score >= OFSTED_TWIN_RATIO * lead.score and same_event(h.document, lead.document) \
                and not (h.document.visit_number and lead.document.visit_number
                         and h.document.visit_number != lead.document.visit_number):
            return [h] + [x for x in hits if x is not h]
    return hits
