"""Document metadata: from the corpus manifest, the file's own front matter, or inferred from its text.

Precedence: manifest > front matter / file properties > inference. Each value records where it came
from (`origin`), so a user can see which facts were stated and which were guessed.

Why one long module: it is one pipeline under one precedence rule. The date parsers are shared by every
inference below them, and the inferences (type, publisher, authorities, date, period and visit, title) read the
same document head with the same helpers; split by field, those helpers and the precedence that ties the
fields together would be scattered. The sections below are marked; `infer_metadata` at the end ties them together.
"""
from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

from qa.datatypes import DOC_TYPES, Block
from qa.terms import tokenize
from qa.documents.clean import PAGE_COUNT_LINE

MANIFEST_NAME = "manifest.json"
FIELDS = ("title", "date", "doc_type", "publisher", "source", "local_authorities", "period_start",
          "period_end", "visit_number")

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTH_RE = "(" + "|".join(MONTHS) + ")"
ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), 1)}
ORDINAL_RE = r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))"

# Authorities live in the gazetteer; these names stay importable from here (qa/retrieval/question.py uses LA_RE).
from qa.documents.gazetteer import (LA_RE, LIST_JOIN, LOCAL_AUTHORITIES, canonical_authority, find_in_text, is_former,  # noqa: E402,F401
                        is_welsh, name_case_capitals, name_within, places_in_masthead, succeeded_by)

# Names that are also ordinary words or places (kept for older callers; the gazetteer decides now).
AMBIGUOUS_LA = {"Reading", "Sutton", "Durham", "Bury", "York", "Derby", "Manchester"}

# Month names and their common abbreviations (parse_date reads both; MONTH_RE stays full names for callers).
MONTH_NUM = dict(MONTHS)
MONTH_NUM.update({m[:3]: i for m, i in MONTHS.items()})
MONTH_NUM["sept"] = 9
MONTH_ANY = r"(january|february|march|april|may|june|july|august|september|october|november|december|" \
            r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun),?\s+"


class ManifestError(ValueError):
    """The corpus manifest cannot be read; the message says where, `problem` what."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path} {problem}")
        self.problem = problem


def read_manifest(corpus_dir: Path) -> dict:
    """The corpus manifest as written, always with its entries under "documents" (the flat form {file: entry}
    is read as documents too); {"documents": {}} when there is none. The one reader of corpus/manifest.json:
    the index build reads its entries (load_manifest), the web app's metadata editor the whole of it."""
    path = Path(corpus_dir) / MANIFEST_NAME
    if not path.exists():
        return {"documents": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ManifestError(path, f"is not valid JSON ({exc}); fix or remove it")
    if isinstance(data, dict) and "documents" not in data:
        data = {"documents": data}
    entries = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(entries, dict) or not all(isinstance(v, dict) for v in entries.values()):
        raise ManifestError(path, f"must map file names to objects: {{\"documents\": {{\"file.txt\": {{...}}}}}}")
    return data


def load_manifest(corpus_dir: Path) -> dict[str, dict]:
    """The manifest's entries: file path -> the metadata set by hand for it."""
    return read_manifest(corpus_dir)["documents"]


_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d{2})"
_DMY_RE = re.compile(rf"\b{_DAY}\s+{MONTH_ANY},?\s+{_YEAR}\b", re.I)
_MDY_RE = re.compile(rf"\b{MONTH_ANY}\s+{_DAY},?\s+{_YEAR}\b", re.I)
_NUM_RE = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d/.])")
_DMY_APOS_RE = re.compile(rf"\b{_DAY}\s+{MONTH_ANY}\.?,?\s+['’](\d{{2}})\b", re.I)  # "Wed 10th Jan '24"
_DMONY_RE = re.compile(rf"\b(\d{{1,2}})-{MONTH_ANY}-{_YEAR}\b", re.I)
_MY_RE = re.compile(rf"\b{MONTH_ANY}\s+{_YEAR}\b", re.I)
# "Date: the fourth of March 2020": a day written as an ordinal word
_DAY_WORDS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_DAY_WORDS.update({f"twenty{sep}{w}": 20 + n for sep in ("-", " ") for w, n in list(_DAY_WORDS.items())[:9]})
_DAY_WORDS.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})
_ORDINAL_DAY = rf"(?:{'|'.join(sorted(_DAY_WORDS, key=len, reverse=True))}|\d{{1,2}}(?:st|nd|rd|th))"
# ... and its year too, perhaps: "the fourteenth of March two thousand and seventeen"
_NUMBER_WORDS = {w: n + 1 for n, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen".split())}
_YEAR_WORDS = rf"(two\s+thousand(?:\s+and)?\s+(?:(?:twenty|thirty)(?:[- ](?:{'|'.join(list(_NUMBER_WORDS)[:9])}))?|" \
              rf"{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))}))"
_WORD_DMY_RE = re.compile(rf"\b(?:the\s+)?({_ORDINAL_DAY})\s+(?:day\s+)?of\s+{MONTH_ANY},?\s+(?:{_YEAR}\b|"
                          rf"{_YEAR_WORDS}\b)", re.I)


def year_from_words(words: str) -> int:
    """"two thousand and seventeen" -> 2017."""
    rest = re.sub(r"^two\s+thousand(?:\s+and)?\s+", "", words.lower())
    tens, _, unit = re.sub(r"\s+", "-", rest).partition("-")
    if tens in ("twenty", "thirty"):
        return 2000 + (20 if tens == "twenty" else 30) + _NUMBER_WORDS.get(unit, 0)
    return 2000 + _NUMBER_WORDS[tens]
_FULL_DATE = rf"(?:{WEEKDAY})?(?:{_DAY}\s+{MONTH_ANY},?\s+{_YEAR}|{MONTH_ANY}\s+{_DAY},?\s+{_YEAR}|" \
             rf"(?:the\s+)?{_ORDINAL_DAY}\s+(?:day\s+)?of\s+{MONTH_ANY},?\s+{_YEAR})"


def _month(word: str) -> int:
    return MONTH_NUM[word.lower().rstrip(".")]


def _year2(yy: str) -> int:
    y = int(yy)
    if len(yy) == 4:
        return y
    return 2000 + y if y <= date.today().year % 100 + 1 else 1900 + y


def parse_date(text: str) -> str | None:
    """'23 August 2018', '8th Jun 2018', 'Monday, 05 November, 2018', 'August 23, 2018', '2018-08-23',
    '23/08/2018', '15/05/23' (UK order), '19-Oct-2020', 'August 2018' and '2018-08' (first of the month)
    -> ISO date; None when nothing can be read."""
    text = text.strip()
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    found = []
    for rx, order in ((_DMY_RE, "dmy"), (_MDY_RE, "mdy"), (_NUM_RE, "num"), (_DMONY_RE, "dmy"), (_DMY_APOS_RE, "dm'y"),
                      (_WORD_DMY_RE, "wdmy")):
        m = rx.search(text)
        if m:
            found.append((m.start(), m, order))
    if found:
        _, m, order = min(found, key=lambda f: f[0])  # the earliest date in the text
        if order == "dmy":
            return _iso(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
        if order == "mdy":
            return _iso(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
        if order == "wdmy":
            day = m.group(1).lower()
            year = int(m.group(3)) if m.group(3) else year_from_words(m.group(4))
            return _iso(year, _month(m.group(2)), _DAY_WORDS.get(day) or int(re.sub(r"\D", "", day)))
        if order == "dm'y":
            return _iso(_year2(m.group(3)), _month(m.group(2)), int(m.group(1)))
        return _iso(_year2(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = _MY_RE.search(text)  # month and year: the first of the month
    if m:
        return _iso(int(m.group(2)), _month(m.group(1)), 1)
    m = re.fullmatch(r"\s*(\d{4})-(\d{2})\s*", text)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), 1)
    return None


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


_SEP = r"\s*(?:and|-|–|—|to|until|till)\s*"
# "14 and 15 November 2017", "31 July and 1 August 2018", "20 January 2015 to 11 February 2015", "25-26 April"
_RANGE_DMY_RE = re.compile(rf"\b{_DAY}(?:\s+{MONTH_ANY})?(?:,?\s+{_YEAR})?{_SEP}{_DAY}\s+{MONTH_ANY}(?:,?\s+{_YEAR})?",
                           re.I)
# "February 28 to March 1, 2018", "June 10 and 21"
_RANGE_MDY_RE = re.compile(rf"\b{MONTH_ANY}\s+{_DAY}(?:,?\s+{_YEAR})?{_SEP}(?:{MONTH_ANY}\s+)?{_DAY}(?:,?\s+{_YEAR})?"
                           r"(?![\d:])", re.I)
_SINGLE_DMY_RE = re.compile(rf"\b{_DAY}\s+{MONTH_ANY}(?:,?\s+{_YEAR})?(?![\d:])", re.I)
# in figures, day first: "06/03/2023 to 17/03/2023", "on 10/11/2021 and 11/11/2021"
_RANGE_NUM_RE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\s*(?:to|and|until|-|–|—)\s*"
                           r"(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])", re.I)


def _range_from_match(m: re.Match, kind: str, ref: str | None) -> tuple[str, str, bool] | None:
    """(start, end, year_inferred) from a range match; a missing year comes from `ref` (the document's date):
    the latest year that puts the range on or before it."""
    if kind == "num":
        d1, m1, y1, d2, m2, y2 = (int(g) for g in m.groups())
        start, end = _iso(y1, m1, d1), _iso(y2, m2, d2)
        return (start, end, False) if start and end and start <= end else None
    if kind == "dmy":
        d1, m1, y1, d2, m2, y2 = m.groups()
    elif kind == "mdy":
        m1, d1, y1, m2, d2, y2 = m.groups()
        m2 = m2 or m1
    else:  # single
        d1, m1, y1 = m.groups()
        d2, m2, y2 = d1, m1, y1
    end_month = _month(m2)
    start_month = _month(m1) if m1 else end_month
    year = y2 or y1
    inferred = False
    if year is None:
        if not ref:
            return None
        ref_y, ref_m = int(ref[:4]), int(ref[5:7])
        year = ref_y if end_month <= ref_m else ref_y - 1
        inferred = True
    year = int(year)
    start_year = int(y1) if y1 else (year if start_month <= end_month else year - 1)
    start, end = _iso(start_year, start_month, int(d1)), _iso(year, end_month, int(d2))
    if not (start and end) or start > end:
        return None
    if inferred and (date.fromisoformat(ref) - date.fromisoformat(end)).days > 300:
        return None
    return start, end, inferred


def parse_date_range(text: str) -> tuple[str, str] | None:
    """'14 and 15 November 2017', '31 July and 1 August 2018', '25-26 April 2018',
    '20 January 2015 to 11 February 2015', '14 January – 4 February 2015' -> (start, end)."""
    for rx, kind in ((_RANGE_DMY_RE, "dmy"), (_RANGE_MDY_RE, "mdy")):
        m = rx.search(text)
        if m:
            got = _range_from_match(m, kind, None)
            if got:
                return got[0], got[1]
    single = parse_date(text)
    return (single, single) if single else None


def ordinal_value(word: str) -> int | None:
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    m = re.match(r"(\d+)", word)
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------- inference: helpers


def _strip_quotes(text: str) -> str:
    """Text outside quotations: what the page says in its own voice."""
    out = []
    for para in text.split("\n"):
        p = para.strip()
        if p[:1] in "“\"‘'" or re.match(r"^\W{0,3}[“\"]", p):
            continue  # a paragraph of quoted speech (multi-paragraph quotes open each paragraph)
        p = re.sub(r"“[^”]{0,800}”|\"[^\"\n]{0,800}\"", " ", p)
        p = re.sub(r"“[^”]*$", " ", p)  # a quote running on to the next paragraph
        out.append(p)
    return "\n".join(out)


# (not a building's name: "Heron Lodge", a children's home's page title; "Hall", "House", "Court" are surnames too)
_BYLINE_RE = re.compile(r"^(?:by\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}$(?<!Lodge)(?<!Grange)(?<!Cottage)"
                        r"(?<!Farm)(?<!Road)(?<!Street)(?<!Centre)(?<!School)(?<!Academy)(?<!Home)(?<!Homes)"
                        # (a body's name: "Children's Scrutiny Panel", "Corporate Parenting Board")
                        r"(?<!Panel)(?<!Committee)(?<!Board)(?<!Cabinet)(?<!Forum)(?<!Commission)(?<!Group)"
                        # (a paper's heading: "Executive Summary", "Brief Summary")
                        r"(?<!Summary)")
# (a document's own noun before it: "Letter published 01/02/2024", "Assessment published: March 2025", a running
# footer's "Ofsted publication date: 17/03/2023")
_DATELINE_PREFIX = (r"(?:(?:(?:report|letter|assessment|article|ofsted)\s+)?(?:first\s+)?published(?:\s+on)?|"
                    r"(?:ofsted\s+)?publication\s+date|posted(?:\s+on)?|"
                    r"(?:(?:this\s+)?page\s+(?:was\s+)?)?last\s+updated(?:\s+on)?|updated(?:\s+on)?|"
                    r"date\s+of\s+(?:meeting|publication|issue)|(?:meeting|release|issue)\s+date|"
                    r"date(?:d(?:\s+this)?|\s+published)?|meeting|issued(?:\s+on)?|released(?:\s+on)?|"
                    r"created(?:\s+on)?|(?:(?:story|article|copy)\s+)?filed(?:\s+on)?|"  # ("Story filed 17/01/2024")
                    r"(?:news|press|media)\s+release)\s*:?")
_NOUN_DATELINE_RE = re.compile(r"\W*(?:report|letter|assessment|article|ofsted)\s+publi", re.I)
UPDATED_DATE_CONFIDENCE = 0.4  # a date that is only a page's last update
URL_DATE_CONFIDENCE = 0.6  # a date only in the page's own address
_LAST_UPDATED_RE = re.compile(r"\W*(?:(?:this\s+)?page\s+(?:was\s+)?)?last\s+updated\b", re.I)
# A clock time beside a dateline ("14:32, 3 MAR 2021", "Monday, 20 September 2021 6.00 pm").
_CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?![\d/.])|\b\d{1,2}\s*[ap]\.?m\b\.?", re.I)
# What may follow a dateline on its line: a byline with a role ("by Clare Whitworth, Director of Children's
# Services"), a reference number ("Ref: BFC-0127"), a time of update.
_DATELINE_TAIL_RE = re.compile(r"\s*(?:[|,•·-]\s*)?(?:[Bb]y\s+[A-Z][a-z'’-]+(?:\s+[A-Z][\w'’-]+){1,2}(?:,\s*[^|]{0,60})?|"
                               r"(?i:ref(?:erence)?(?:\s+no\.?)?)\s*:?\s*[\w/-]+)\s*$")
_READING_TIME_RE = re.compile(r"\d{1,2}\s*(?:min(?:ute)?s?)\s+read", re.I)
_STORY_SECTION_RE = re.compile(r"[A-Z][a-z]+(?:\s+&?\s*[A-Z]?[a-z]+)?")  # a section: "Inspections"
_NOT_PUBLICATION = re.compile(r"\b(inspection|visit|fieldwork|post on|upload|maintenance|outage|downtime|"
                              r"scheduled|deadline|closing date|event|webinar|asked)\b", re.I)


# A paper's document-control line ("Version: Final, 31 January 2023", "Review date: ..."): when it was signed off or
# is due for review, not when it was published.
_DOCUMENT_CONTROL_RE = re.compile(r"(?i)(?:version|review\s+date|date\s+of\s+review|printed|effective\s+from|"
                                  r"expires?)\b")


def _dateline(text: str) -> tuple[str | None, bool]:
    """A line that states a date and little else: (date, has an explicit published/updated prefix)."""
    s = text.strip().strip("•|-–—·").strip()
    # "Published: June 2024 | Last updated: 2 September 2024": the first prefixed part, after a byline too ("By
    # Hannah Gedge | Published 9 January 2024, 11:42 | Updated 9 January 2024, 15:10")
    # (not after another label: "Paper: Ofsted focused visit letter | Date: 1 August 2022" dates the paper appended)
    parts = re.split(r"\s+[|•·]\s+", s)
    for part in parts if len(parts) > 1 else []:
        if re.match(rf"^{_DATELINE_PREFIX}\s*\S", part, re.I) and not re.match(r"(?i)(?:last\s+)?updated", part):
            found, prefixed = _dateline(part)
            if found:
                return found, prefixed
            break
        if not re.match(r"[Bb]y\s+\W*[A-Z]", part):
            break
    # a meeting's own line, its time and committee after the date: "Meeting: Tuesday, 8 March 2022 2.00 pm, Children
    # and Families Overview and Scrutiny Committee"
    # (or in figures: "Meeting: 10/09/2024 - Overview and Scrutiny Committee (Item 6)")
    # (or a democracy site's agenda item: "Meeting of Corporate Parenting Committee, Tuesday, 14th February, 2023
    # 7.00 pm (Item 7.)")
    meeting = re.match(rf"(?i)meeting\s*:\s*(?:{WEEKDAY},?\s+)?({_FULL_DATE}|\d{{1,2}}/\d{{1,2}}/(?:19|20)\d\d)\b"
                       rf"(?=\s*(?:$|,|\d{{1,2}}[.:]\d\d|-|–|\|))|"
                       # (or "Meeting: Corporate Parenting Board, Thursday 25 September 2025")
                       rf"meeting(?:\s+of\s+|\s*:\s*)(?-i:[A-Z])[\w&'’ -]{{2,80}}?,\s*{WEEKDAY}({_FULL_DATE})\b"
                       rf"(?=\s*(?:$|,|\d{{1,2}}[.:]\d\d|\())", s, re.I)
    meeting = meeting and re.match(r"(.*)", next(g for g in meeting.groups() if g))
    if meeting and parse_date(meeting.group(1)):
        return parse_date(meeting.group(1)), True
    if len(s) > 80 or _NOT_PUBLICATION.search(s) or _DOCUMENT_CONTROL_RE.match(s):
        return None, False
    m = re.match(rf"^{_DATELINE_PREFIX}\s*(.+?)(?:\s+[-–|]\s+.*)?$", s, re.I)
    if m and re.match(r"(?i)meeting\b(?!\s+date)", s):
        found = parse_date(m.group(1))
        return (found, True) if found and parse_date(m.group(1)[:24]) else (None, False)
    prefixed = bool(re.match(rf"^{_DATELINE_PREFIX}\s", s, re.I) or re.match(rf"^{_DATELINE_PREFIX}", s, re.I)
                    and re.match(rf"^{_DATELINE_PREFIX}", s, re.I).group(0).strip())
    found = parse_date(s)
    if not found:
        return None, False
    # What is left once the date, a weekday, a prefix and a byline are removed must be (almost) nothing. The same
    # date may be given twice ("14:32, 3 MAR 2021 Updated 16:05, 3 MAR 2021"): the first is the publication.
    rest = re.sub(rf"{WEEKDAY}", " ", s, flags=re.I)
    for rx in (_WORD_DMY_RE, _DMY_RE, _MDY_RE, _NUM_RE, _DMONY_RE, _DMY_APOS_RE, re.compile(r"\d{4}-\d{2}-\d{2}"),
               _MY_RE):
        rest = rx.sub(" ", rest)  # (a month alone counts below only with a prefix)
    rest = _CLOCK_RE.sub(" ", rest)  # (after the dates: "07.06.23 | 17:42" is a date in figures, then a time)
    rest = _READING_TIME_RE.sub(" ", rest)  # (and a story's reading time: "Saturday 3 May 2025 5 min read")
    # (a meeting's mode after its date: "Date of meeting: 23/06/2020 (virtual meeting)")
    rest = re.sub(r"\((?:virtual|remote|online|hybrid)(?:\s+meeting)?\)", " ", rest, flags=re.I)
    rest = re.sub(rf"^\s*{_DATELINE_PREFIX}", " ", rest.strip(), flags=re.I)
    rest = re.sub(rf"(?:^|\s){_DATELINE_PREFIX}\s*$", " ", rest.strip(), flags=re.I)
    if prefixed or s[:1].isdigit() or re.match(WEEKDAY, s, re.I):
        rest = _DATELINE_TAIL_RE.sub(" ", rest)
    # A story's byline line in parts: "Inspections | By Ruth Adebanjo | 13 June 2024 | 4 min read" (its section, the
    # reporter, the date, a reading time): every part page furniture, the date is the story's
    parts = [p.strip(" *_") for p in re.split(r"\s*[|•·]\s*", rest.strip(" *_")) if p.strip(" *_")]
    if len(re.split(r"\s+[|•·]\s+", s)) >= 3 and parts and all(
            _BYLINE_RE.match(p) or _READING_TIME_RE.fullmatch(p) or _STORY_SECTION_RE.fullmatch(p) for p in parts) \
            and any(re.match(r"[Bb]y\s", p) for p in parts):
        rest = ""
    rest = re.sub(r"[|,•·:()\-–—]", " ", rest).strip()
    # (a byline naming the reporter's service too: "By Callum Treharne-Quist Local Democracy Reporting Service")
    long_byline = re.fullmatch(r"[Bb]y\s+(?:[A-Z][\w&'’.-]*\s*){2,8}", rest) \
        and re.match(r"\W*[Bb]y\s+[A-Z][a-z'’-]+\s+[A-Z]", s)  # (not "By 31 March 2026 Every Care Leaver Will ...")
    if rest and not (_BYLINE_RE.match(rest) or re.fullmatch(r"(?:[A-Z][\w&'’.-]*\s*){1,4}", rest) or long_byline):
        return None, False
    if not prefixed and len(re.findall(r"[A-Za-z]{3,}", rest)) > 3 and not long_byline:
        return None, False
    if _MY_RE.fullmatch(s.strip()) or (not re.search(r"\d{1,2}", re.sub(_YEAR, "", s))):
        # "May 2016" alone: a month only, kept as the first of the month only with a prefix
        return (found, prefixed) if prefixed else (None, False)
    return found, prefixed


# "Updated 5 April 2024 Applies to England", "Published: May 2016 Reference no: ..." inside a merged line; not
# "Published on 7 January 2019, this judgement ..." (a sentence going on) nor "a report published on ...".
_EMBEDDED_DATELINE_RE = re.compile(
    rf"\b(?:First published|Last updated|Published|Updated|Posted|Date of (?:meeting|publication)|"
    # (a committee cover sheet's table run into one line, its label opening the line in capitals: "DATE: 24 June 2024
    # SUBJECT: Reducing ..."; not an appended paper's "| Date: 1 August 2022 |" nor a chronology's "Date: ...")
    rf"(?<![^\n])(?-i:DATE)(?=\s*:)|"
    rf"(?:Meeting|Publication|Report) date|(?:Minutes of the )?(?<!previous )(?<!last )(?<!preceding )[Mm]eeting held|Held)\s*:?\s*(?:on\s+)?"
    rf"((?i:{_FULL_DATE}|(?:{MONTH_ANY}\s+{_YEAR}|"
    rf"\d{{1,2}}/\d{{1,2}}/\d{{2,4}})))(?=\s*$|\s+[A-Z|•]|\s*[|•]|\s+\S+\.(?:org|co|gov|com|net|uk)\b)", re.M)


# A clock time right before a full date is a news dateline even when extraction ran it into the byline and the
# share links ("By Jo Bell Local Democracy Reporter 10:02, 5 MAY 2023 Bookmark Share").
_CLOCK_DATELINE_RE = re.compile(rf"\b(?:\d{{1,2}}:\d{{2}}(?:\s*[ap]\.?m\.?)?|\d{{1,2}}\.\d{{2}}\s*[ap]\.?m\.?)\s*"
                                rf"(?:BST|GMT)?,?\s+((?i:{_FULL_DATE}))", re.I)


_NOT_COVER_MONTH_RE = re.compile(r"\b(?:review|valid|until|expir\w*|effective|consultation|committee|meeting|next)\b",
                                 re.I)
# "Runaway Routes February 2020", "HM Inspectorate of Probation, October 2022": a publisher's name and a month
# (or its author's name and role: "Helen Marchbank, Children's Services Commissioner May 2025")
_COVER_MONTH_RE = re.compile(rf"^(?-i:[A-Z][\w&'’-]*(?:,?\s+(?:of|for|and|the|[A-Z][\w&'’-]*)){{0,5}}),?\s+"
                             rf"({MONTH_ANY}\s+{_YEAR})\s*$", re.I)
_LABELLED_MONTH_RE = re.compile(rf"\b(?:briefing(?: paper)?|research report|policy (?:paper|briefing))"
                                rf"(?:\s+no\.?\s*\d+)?\s*[|:–-]\s*({MONTH_ANY}\s+{_YEAR})\s*$", re.I)
# Minutes opening "At a meeting of the ... Committee held in Committee Room 1, County Hall on Thursday, 12 September
# 2019 at 10.00 a.m.", "MINUTES OF THE ... COMMITTEE MEETING HELD AT 6.00PM ON TUESDAY 25 JUNE 2024" (a clock time's
# points are no full stops) or "Minutes of the meeting held in the Council Chamber, ..., on Thursday 20 January 2022"
# or "Report of the Strategic Director ... to the meeting of the ... Committee to be held on 23 January 2024":
# dated by the meeting, as a committee record is.
_NO_STOP = r"(?:[^.]|(?<=\d)\.(?=\d)|(?<=\b[ap])\.(?=m\b)|(?<=\b[ap]\.m)\.)"  # ("6.00pm", "10.30 a.m.")
_MEETING_HELD_RE = re.compile(rf"^\s*(?:at|minutes of|report of\b[^.\n]{{0,150}}?\bto(?= the meeting of\b[^.\n]{{0,150}}?"
                              rf"\bto be held\b)) (?:a|the) (?!(?:previous|last|preceding|prior) )"
                              rf"(?:[\w&'’,-]+ ){{0,8}}?meeting\b{_NO_STOP}{{0,200}}?\bheld\b{_NO_STOP}{{0,120}}?"
                              rf"\bon\s+"
                              rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?({_FULL_DATE}|"
                              rf"\d{{1,2}}/\d{{1,2}}/(?:19|20)\d\d\b)", re.I | re.M)  # (or "held on 16/05/2023")


# A head line dated by its kind: "Minutes - Wednesday 9 June 2021, held as a virtual meeting", "Posted in March 2023
# by Jo Bell, Director", "Posted on 07.06.23 in Children and families",
# "Issue 112 - April 2018", "Filed under News, Children - July 2023"; a magazine's dateline
# "Analysis | June 2024 issue | By ..."; "Inspection | August 2025" over a byline.
_HEAD_DATED_LINE_RE = re.compile(rf"^\s*(?:minutes\s*[-–—:|]\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
                                 rf"({_FULL_DATE})|posted\s+(?:in|on)\s+((?:{_FULL_DATE})|{MONTH_ANY}\s+{_YEAR})\s+by\b|"
                                 # (a council news page's section and month: "Posted in: Children and families ·
                                 # April 2024")
                                 # (or more: "Posted in: Council news · Children and families · November 2025")
                                 rf"posted\s+in:?[^\S\n]+(?:[^\n·•|]{{1,60}}?[^\S\n]*[·•|][^\S\n]*){{1,3}}"
                                 rf"((?:{_FULL_DATE})|{MONTH_ANY}[^\S\n]+{_YEAR})[^\S\n]*$|"
                                 # (in figures, a time and its section after: "Posted on 07.06.23 in Children and
                                 # families", "Posted on 07-06-23 at 10:15 in News | 3 comments")
                                 rf"posted\s+on\s+(\d{{1,2}}(?P<psep>[/.-])\d{{1,2}}(?P=psep)(?:19|20)?\d\d|"
                                 rf"(?:19|20)\d\d-\d\d-\d\d)(?:\s+(?:at\s+)?\d{{1,2}}[:.]\d\d(?:\s*[ap]\.?m\.?)?)?"
                                 rf"(?:\s+(?:in|by)\s+[^\n|]{{1,60}}?)?\s*(?:\|[^\n]*)?$|"
                                 # (its masthead's other fields after a bar: "Issue 38 - March 2023 | For subscribers";
                                 # its name before: "Partnership Briefing - Issue 27, February 2024")
                                 # (not a link to another: "Previous issue | Issue 37, February 2023")
                                 rf"(?![^\n]*\b(?:previous|last|back|next|past|earlier|other)\s+"
                                 rf"(?:issues?|newsletters?|editions?)\b)(?:[^\n]{{0,60}}?(?:\s[-–—|]|[:,])\s*)?"
                                 rf"issue\s+(?:no\.?\s*)?\d+\s*[-–—:|,]\s*({MONTH_ANY}\s+{_YEAR})\s*"
                                 rf"(?:[|•·][^\n]{{0,80}})?$|"
                                 rf"filed\s+under\b[^\n]{{0,80}}?[-–—|]\s*({_FULL_DATE}|{MONTH_ANY}\s+{_YEAR})"
                                 rf"\s*$)|"
                                 rf"^\s*[A-Z][\w&'-]*(?:\s+[\w&'-]+){{0,2}}\s*[|•·]\s*({MONTH_ANY}\s+{_YEAR})\s+"
                                 rf"issue\s*(?:[|•·]\s*by\b|$)|"
                                 # (or the labels of a section and its subsections, then a month, alone on the line:
                                 # "News · Children, young people and families · August 2024"; not a menu of months, a
                                 # table's row, "Focused visit | Front door | October 2019", nor links to others)
                                 rf"^\s*(?!(?:related|see\s+also|more|previous|next|latest|recent|other|popular|"
                                 rf"most)\b)(?:(?!{MONTH_ANY}\b)(?-i:[A-Z])[^\n·•|]{{0,40}}?[^\S\n]*[·•][^\S\n]*)"
                                 rf"{{2,3}}"
                                 rf"({MONTH_ANY}[^\S\n]+{_YEAR})[^\S\n]*$|"
                                 # (or a section's label and a month, a byline under it: "Inspection | August 2025" /
                                 # "By Rhian Castell"; not a menu of months)
                                 rf"^\s*[A-Z][\w&'-]*(?:\s+[\w&'-]+){{0,2}}\s*[|•·]\s*({MONTH_ANY}\s+{_YEAR})"
                                 rf"[^\S\n]*\n"
                                 rf"\s*by[^\S\n]+(?!(?:appointment|category|date|topic|author|month|year)\b)"
                                 rf"(?-i:[A-Z][a-z'’-]+(?:[^\S\n]+[A-Z][a-z'’-]+){{1,2}})[^\S\n]*(?:\n|$)",
                                 re.I | re.M)
# A community site's or paper's line under the headline: its section, the month and who wrote it, on one line ("News ·
# June 2024 · by Yusuf Halloran", "Posted in News · July 2022 · by the Chelmer & Blackwater Voice team"): the story's
# date, and a reporter's byline (or its paper's team: not a council's office, "by the Communications Team").
# (its date may be labelled and in figures: "Old Town Voice · Published 26/05/2022 · by Mel Chard")
_SECTION_DATE_BYLINE_RE = re.compile(rf"(?m)^[^\S\n]*(?:posted\s+in\s+)?(?-i:[A-Z])[\w&'’-]*"
                                     rf"(?:[^\S\n]+[\w&'’-]+){{0,2}}[^\S\n]*[|•·][^\S\n]*"
                                     rf"(?:(?:published|posted)(?:[^\S\n]+on)?[^\S\n]*:?[^\S\n]*)?"
                                     rf"((?:{_FULL_DATE})|{MONTH_ANY}[^\S\n]+{_YEAR}|"
                                     rf"\d{{1,2}}(?P<sep>[/.])\d{{1,2}}(?P=sep)(?:19|20)?\d\d)"
                                     rf"[^\S\n]*"
                                     rf"[|•·][^\S\n]*by[^\S\n]+((?:the[^\S\n]+)?(?-i:[A-Z])[^\n]{{1,60}}?)[^\S\n]*$",
                                     re.I)
# ... or a blog's or bulletin's line of labels around its month, without a byline ("Lincolnshire Safeguarding Children
# Partnership blog · June 2025 · Business unit", "Issue 7 · May 2025 · Practice Improvement Team"): its date, read
# with a cover's (not a review's, "Next review · November 2025", nor a teaser's, "Related · 4 March 2019 · ...")
_SECTION_DATE_LINE_RE = re.compile(rf"^[^\S\n]*(?:[^\n·•]{{1,80}}?[^\S\n]*[·•][^\S\n]*){{0,2}}"
                                   rf"({MONTH_ANY}[^\S\n]+{_YEAR}|{_FULL_DATE})[^\S\n]*[·•][^\n]{{1,80}}$", re.I | re.M)
_DATE_LABEL_BEFORE_RE = re.compile(r"\b(?:review(?:\s+date)?|due|until|expir\w*|expiry|updated|deadline|"
                                   r"clos(?:es|ing)(?:\s+date)?|next)\W*$", re.I)
_TEASER_LABEL_RE = re.compile(r"^\W*(?:related|most\s+read|read\s+more|see\s+also|more\s+(?:news|stories)|latest|"
                              r"popular|trending|top\s+stories|you\s+may\s+also\s+like)\b", re.I)
# (a council's own post signed by an office holder is no reporter's: "News · June 2024 · by Councillor Jo Bell")
_OFFICE_BYLINE_RE = re.compile(r"(?:the\s+)?(?:councillor|cllr|cabinet\s+member|lead\s+member|leader|mayor|"
                               r"(?:executive\s+|corporate\s+|strategic\s+)?director|chief\s+executive|head\s+of)\b",
                               re.I)
# (capitalised words naming the meeting: not "Minutes of the previous meeting held on ...", the last one's)
# (or a cabinet report's own line, "Meeting to be held on Thursday, 13 June 2024"; not notes' "Next meeting to be held
# on ...")
_MEETING_ON_RE = re.compile(rf"^\s*(?!(?:next|previous|last|future|following|forthcoming)\b)"
                            rf"(?:(?-i:[A-Z])[\w&'’-]*\s+){{0,5}}meeting\s+"
                            rf"(?:(?:to\s+be\s+)?held\s+)?on\s+"
                            rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?({_FULL_DATE})\s*$", re.I | re.M)
_SIGNATURE_LINE_RE = re.compile(r"\b(?:chair(?:man|woman|person)?|signed)\b[\s.…_]*\.{4,}|\.{4,}|_{4,}|"
                                r"\bminutes\s+(?:confirmed|approved|signed)\b", re.I)
# (or in figures, "Norfolk County Council ILACS | 08/03/2024 | Page 1 of 2"; with a two-digit year, "ILACS 80467 |
# 22.07.25 | Page 1 of 14"; after more parts or a "published", "ILACS report 80244 | East Sussex | 29 April 2025 | Page
# 1 of 18", "Brighton and Hove ILACS report | published 09/04/2024 | Page 2 of 17")
_RUNNING_DATE_RE = re.compile(rf"^(?:[^\n|]{{2,80}}\|){{1,3}}\s*(?:published\s*:?\s*)?"
                              rf"({_FULL_DATE}|\d{{1,2}}(?P<sep>[/.])\d{{1,2}}(?P=sep)(?:19|20)\d\d|"
                              rf"\d\d(?P<sep2>[/.])\d\d(?P=sep2)\d\d)"
                              rf"\s*\|\s*page\s+\d+"
                              rf"(?:\s+of\s+\d+)?\s*$", re.I | re.M)
_MINUTES_FOOTER_RE = re.compile(rf"^[^\n]{{3,100}}?\s[-–|]\s*({_FULL_DATE})\s*[-–|]\s*(?:printed\s+)?minutes\b"
                                rf"(?:\s+page\s+\d+(?:\s+of\s+\d+)?)?\s*$", re.I | re.M)
_LEAD_DATELINE_RE = re.compile(rf"^\s*(?:[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?,\s+)?((?i:{_FULL_DATE}))\s*[-–—:]\s+[A-Z“\"‘']")


def _head_blocks(blocks: list[Block], limit: int = 14) -> list[Block]:
    """The page top: blocks before the third substantial paragraph (a dateline sits above or just under the
    headline; dates further down belong to the story or to teasers of other stories)."""
    out, long_paras = [], 0
    for b in blocks[:limit]:
        out.append(b)
        if len(b.text.split()) >= 25:
            long_paras += 1
            if long_paras >= 2:
                break
    return out


# ---------------------------------------------------------------- inference: type

_LABEL_END = r"\s*(?::|\||(?=\d))"
_REPORT_CUES = [re.compile(p, re.I | re.M) for p in (
    # (labels with a colon, or in a details table: "Inspection dates | 11 and 12 May 2022", "Inspection dates 6 to 10")
    rf"\binspection dates?{_LABEL_END}", rf"\breport (published|publication date){_LABEL_END}",
    rf"\blead inspector{_LABEL_END}",
    r"\bthe overall judgement is\b", r"\bjudgements on areas of the service\b",
    r"\bchildren who need help and protection\s*[-–:|]?\s*(inadequate|requires improvement|good|outstanding)",
    r"\boverall effectiveness\s*[-–:|]?\s*(inadequate|requires improvement|good|outstanding)",
    # a social care provider's report: its details table
    r"^\s*type of inspection\b", r"^\s*registered manager\b",
    r"\bfull inspection result\s*:", r"\breport inspection date\s*:", r"\bURN\s*:",
    r"\bunique reference number\s*:", r"\bdate of last inspection\s*:", r"\boverall judgement at last inspection\s*:",
    # the graded judgements of a school or provider report
    r"\b(?:the quality of education|leadership and management|behaviour and attitudes)\s*[-–:]?\s*"
    r"(inadequate|requires improvement|good|outstanding)",
    # a school report's fixed parts: its opening question and its details table
    r"\bwhat is it like to attend this school\b", r"\bunique reference number\b")]
# A joint inspection's subject line: at the start of a line, or run onto the last addressee's line by a PDF's text
# ("... Chair, Safeguarding Children Partnership Joint targeted area inspection of the multi-agency response to
# child exploitation in X"; capitalised mid-line and closing the line, as no sentence quoting it does)
_JOINT_SUBJECT_RE = re.compile(r"(?im)^[^\S\n]*joint targeted area inspection of the\b|"
                               r"(?-i:\bJoint targeted area inspection of the multi-agency response to )"
                               r"[^\n.]{3,160}$|"
                               # ... or of the place, a line of its own: "Joint targeted area inspection of Blackpool"
                               r"(?-i:^[^\S\n]*Joint targeted area inspection of [A-Z][\w'’&,-]*"
                               r"(?:[^\S\n]+(?:and|of|upon|[A-Z][\w'’&,-]*)){0,5}[^\S\n]*$)")
# Ofsted on a signature line under the sign-off: "Nadia Okafor, Regional Director, Ofsted" or "Ofsted: Jo Bell, ..."
# (not "cc: Regional Director, Ofsted" under a council's reply, nor "The letter from Ofsted is attached.")
_OFSTED_SIGNS_RE = re.compile(r"(?im)^[^\S\n]*yours\s+sincerely\W*\n(?:[^\n]*\n){0,4}?"
                              r"[^\S\n]*(?!cc\b)(?:ofsted:|[^\n]{3,120},[^\S\n]*ofsted[^\S\n]*(?:$|\||"
                              # (the signatures run into one line: "Harriet Vale, Ofsted Tomasz Reid, Care Quality ...")
                              r"(?-i:(?=[A-Z][\w'’-]+\s+[A-Z][\w'’-]+,)))|"
                              # (or first of the inspectorates over their signatures: "Ofsted | Care Quality ...")
                              r"ofsted[^\S\n]*\|[^\S\n]*(?:care\s+quality|cqc|hmi))")
# ... or among the inspectorates signing together, in whatever layout ("Yours sincerely / Ofsted / Moira Castellan /
# Regional Director ... / Care Quality Commission / ...", a table of signatures, names run into one line)
_JOINT_SIGNS_RE = re.compile(r"(?is)\byours\s+sincerely\b(?:(?!\bcouncil\b|\bcc\b).){0,400}?\bofsted\b"
                             r".{0,400}?\b(?:care\s+quality\s+commission|"
                             r"cqc|hmicfrs|hmi\s+probation|inspectorate\s+of\s+(?:constabulary|probation))\b")
_CC_LINE_RE = re.compile(r"(?im)^[^\S\n]*cc\b.*$")  # (those copied in sign nothing)
# A council's paper carrying the letter: its report, minutes or appendix
_CARRIES_LETTER_RE = re.compile(r"(?im)^\W*(?:appendix|annex|minutes|report\s+(?:of|to|title)|"
                                r"(?:\d+(?:\.\d+)*\.?\s+)?purpose\s+of\s+(?:the\s+)?report)\b")
_OFSTED_LETTERHEAD_RE = re.compile(r"ofsted\.gov\.uk|gov\.uk/ofsted|0300\s?123\s?1231|Piccadilly Gate|Temple Quay|"
                                   r"Aviation House|\bAgora\b", re.I)
_NEWS_FURNITURE = [re.compile(p, re.I | re.M) for p in (
    r"\bhide ad\b", r"^\s*advertisement\s*$", r"\bread more\s*:", r"\bimage caption\b", r"\bimage source\b",
    r"related internet links", r"\bsubscribe now\b", r"^\s*photo:", r"\(credit:", r"\bpicture:\s", r"\bpic by\b",
    r"\bimage:\s", r"-?credit:\s*\(", r"\bsign up\s*$", r"local democracy reporting", r"^\s*home\s+news\b",
    r"\bcomments are closed\b", r"\bread full story\b", r"\blatest news\b", r"\bnewsletter\b",
    r"^\s*by\s+[A-Z][a-z]+\s+[A-Z][a-z]+", r"\bour reporter\b", r"\bexclusive\s*:", r"^\s*comments\s*\(\d+\)",
    r"^\s*most read\s*$", r"^\s*news\s*>\s*local news\b",
    # a metered paywall ("You have 2 free articles left this month"); a byline within the dateline ("| By Jo Bell",
    # "| By Jo-Anne McDonald"; not a table's "| By Strategic Director |")
    r"\bfree (?:articles?|stories) (?:left|remaining)\b",
    r"\|\s*by\s+(?-i:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*\s+(?:Mc|O['’])?"
    r"(?!(?:Director|Member|Officer|Manager|Lead|Head)\b)"
    r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*)\s*(?:\||$)")]
# A newspaper's masthead as the page's first line ("Fulham & Hammersmith Gazette", "Devon & Torbay Today").
_MASTHEAD_RE = re.compile(r"(?:The\s+)?(?:[A-Z][\w'’.-]*|&|and|of|on)(?:\s+(?:[A-Z][\w'’.-]*|&|and|of|on)){0,2}?\s+"
                          r"(?:Gazette|Herald|Echo|Post|Times|Chronicle|Mercury|Advertiser|Argus|Courier|Telegraph|"
                          r"Express|Mail|Standard|Evening News|Today|Journal|Sentinel|Examiner|Citizen|Observer|Live|Record|Press|"
                          r"Reporter|Guardian|Messenger|Voice|Leader|Independent|Nightly|Daily|Weekly)"
                          # (alone on its line, or before the site's menu: "Notts Nightly · News · Education")
                          r"(?=\s*$|\s+(?:[|·•]\s+)?(?:News|Home|Menu|Sign in|Log in|Subscribe|Search|Sport)\b)")
# Words that close a council's own headings as well ("Executive Decision Record", "Rutland Youth Voice", "Special
# Guardian", "Deputy Leader"): a paper's name only under a paper's menu ("News  Sport  What's On  Jobs  Subscribe").
_AMBIGUOUS_MASTHEAD_RE = re.compile(r"\b(?:Record|Press|Reporter|Guardian|Messenger|Voice|Leader|Independent|Daily|"
                                    r"Weekly)$")  # (and a bulletin's: "Schools and Families Weekly")
_PRESS_MENU_RE = re.compile(r"\bNews\b.*\bSport\b|\bSport\b.*\bNews\b|\bSubscribe\b|\bWhat['’]s On\b")


# A site's own furniture above its name: skip links, the cookie banner, a menu button
_TOP_FURNITURE_RE = re.compile(r"(?i)(?:skip\s+to\b|cookies?\s+(?:on|policy|settings|notice|preferences)\b|we\s+use\s+(?:some\s+)?(?:essential\s+)?cookies\b|"
                               r"this\s+(?:website|site)\s+uses\s+cookies\b|"
                               r"(?:accept|reject|view|manage)\b.{0,30}\bcookies\b|menu\s*$|search\s*$|sign\s+in\s*$)")


# The parts of a running header or footer: "Ofsted | Issued: 1 March 2024", layout text's "Ofsted      Wigan Council: ..."
_FURNITURE_PART_RE = re.compile(r"\s*[|•·\t]\s*|\s{3,}")


def first_line(raw: str) -> str:
    return next((line.strip() for line in raw.splitlines() if line.strip()), "")


def _without_top_furniture(text: str) -> str:
    """The text without its skip links, cookie banner and menu buttons."""
    return "\n".join(line for line in text.splitlines() if not _TOP_FURNITURE_RE.match(line.strip()))


def top_lines(raw: str, n: int = 3) -> list[str]:
    """The page's first n lines once skip links, the cookie banner and menu buttons are left out."""
    kept = _without_top_furniture("\n".join(raw.splitlines()[:40])).splitlines()
    return [line.strip() for line in kept if line.strip()][:n]


def masthead(raw: str) -> str:
    """A newspaper's name opening the page ("Fulham & Hammersmith Gazette", "Devon & Torbay Today"), or ""."""
    first = next(iter(top_lines(raw, 1)), "")
    if first.isupper():  # "THE HAVERING HERALD"
        first = first.title()
    m = _MASTHEAD_RE.match(first)
    if not m or re.search(r"\bcouncil\b", m.group(0), re.I):
        return ""
    if _AMBIGUOUS_MASTHEAD_RE.search(m.group(0)) and not any(_PRESS_MENU_RE.search(line) for line in top_lines(raw, 4)):
        return ""
    return m.group(0)


# A council's name alone as the page's masthead: "Central Bedfordshire Council", "London Borough of Sutton".
_COUNCIL_MASTHEAD_RE = re.compile(r"(?:(?:(?:The\s+)?(?:Royal\s+|London\s+)?Borough\s+of\s+|City\s+of\s+)?"
                                  r"[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|and|of|upon|on|&)){0,5}"
                                  r"(?:\s+(?:Borough|County|City|District|Metropolitan Borough))?\s+Council"
                                  # ("Council of the Isles of Scilly")
                                  r"|Council\s+of\s+(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|and|of)){0,4})")
_COUNCIL_COPYRIGHT_RE = re.compile(r"(?m)^[^\S\n]*(?:©|\([cC]\)|[Cc]opyright)\s*(?:(?:19|20)\d\d\s*)?"
                                   + _COUNCIL_MASTHEAD_RE.pattern
                                   + r"\.?(?:\s*(?:19|20)\d\d\.?)?(?:\s*All rights reserved\.?)?[^\S\n]*$")
# A charity's or think tank's publication: "Briefing paper", a "Donate" link, a charity number.
_BRIEFING_RE = re.compile(r"^\s*(?:briefing|briefing paper|policy briefing|research briefing|research report|position statement|"
                          r"consultation response)\s*$|\|\s*donate\b|\bregistered charity\b|\bcharity (?:no|number)\b",
                          re.I | re.M)
_JOURNALESE_RE = re.compile(r"\b(watchdog|slammed|damning|branded|blasted|scathing|shocking|hits back|"
                            r"under fire|told (the|this|a) |a spokes(wo)?man|spokesperson (for|said)|"
                            r"(Mr|Mrs|Ms|Miss|Dr) [A-Z][a-z]+ (said|added|told|wrote))", re.I)
_GOVUK_RE = re.compile(r"^\s*(guidance|statutory guidance|correspondence|press release|policy paper|news story|"
                       r"research and analysis|independent report|official statistics|consultation outcome|"
                       r"transparency data|corporate report|speech|notice|form)\s*(:.*)?$|"
                       r"^\s*applies to (england|wales|england and wales)\s*$|^\s*updates to this page\s*$|"
                       r"\bthis was published under the\b", re.I | re.M)
# (a written question to a department, "Question to the Department for Education"; not "a mandatory domestic abuse
# question to the maternity booking appointment", "to the MASH referral form")
_PARLIAMENT_RE = re.compile(r"\bquestion\s+to\s+the\s+(?:department|ministry|secretary|minister|home\s+office|treasury|"
                            r"cabinet\s+office|prime\s+minister|deputy\s+prime|government)\b|\bwritten question\b|"
                            r"\basked on\b|\bthis question was answered\b|"
                            r"\bselect committee\b|\bMP, chair of\b|\bhouse of (commons|lords)\b|\bhansard\b|"
                            r"\bearly day motion\b|^\s*[A-Z][\w ]{1,30} committee:", re.I | re.M)
# A page telling of a report, its judgement lines copied ("... judged outstanding by Ofsted, in a report published
# today"), in its opening: the report never speaks of itself so (its body may of the council's homes: "all of which
# are judged good or outstanding by Ofsted")
REPORT_TOLD_HEAD = 600
SECRETARY_OF_STATE_HEAD = 800  # a report's title and its cover
_TELLS_OF_REPORT_RE = re.compile(r"\b(?:judged|rated|graded)\s+(?:[\w'’‘\"“”-]+\s+){0,5}?by\s+Ofsted\b|"
                                 r"\bOfsted\s+(?:has\s+|have\s+)?(?:rated|judged|graded)\s+(?-i:[A-Z])|"
                                 r"\b(?:in|according\s+to)\s+(?:a|an|its|the)\s+(?:[\w'’-]+\s+)?report\s+published\s+"
                                 r"(?:today|yesterday|this\s+week|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
                                 re.I)
# A commissioner's or adviser's report to a minister ("Report of the Commissioner for Children's Services in X to the
# Secretary of State for Education", its title over one line or two): central government's paper, its author's name
# under the title no byline (not a council's own report to the minister, nor one on "the Secretary of State's
# direction")
_TO_SECRETARY_OF_STATE_RE = re.compile(r"\b(?:commissioner['’]?s\s+report|report\s+(?:of|by|from)\s+(?:the\s+)?"
                                       r"(?:[\w'’-]+\s+){0,6}?(?:commissioner|adviser|advisor)\b)[^.]{0,200}?"
                                       r"\bto\s+the\s+secretary\s+of\s+state\b(?!['’])", re.I)
# A council's committee paper: its item number, its purpose line, "the Council" writing of itself
_COUNCIL_PAPER_RE = re.compile(r"(?im)^\s*(?:agenda\s+)?item\s+\d+\b|^\s*purpose of (?:the )?report\b|"
                               # a paper's label table: "Committee: | ...", "Report From: | Director of ..."
                               r"^\s*(?:committee|report\s+from|report\s+of)\s*:|"
                               r"(?-i:\bthe Council\b)")
_OTHER_BODY_RE = re.compile(r"\bcare quality commission\b|\bCQC\b|inspectorate of probation|care inspectorate|"
                            r"\bchildren.s commissioner for england\b|"
                            r"\bestyn\b|\bHMICFRS\b|\bHMI probation\b|youth offending|\barea SEND\b|"
                            r"\bparent carer forum\b|"
                            # the adult social care regulator's assessment of a council, however the page names it
                            r"\bduties under part 1 of the care act\b", re.I)
# A council site's menu of its services, several on one line near the top (a news site's menu names none of them)
_COUNCIL_SERVICES_RE = re.compile(r"\b(?:bins(?:\s+and\s+recycling)?|waste\s+and\s+recycling|council\s+tax|parking|"
                                  r"planning(?:\s+and\s+building\s+control)?|council\s+and\s+democracy|"
                                  r"business\s+rates|libraries|registrars|roads\s+and\s+transport|"
                                  r"births,\s+deaths\s+and\s+marriages)\b", re.I)


# The inspectorates a joint inspection's list names beside Ofsted, each however written
_JOINT_INSPECTORATES = {"cqc": r"\bcare quality commission\b|\bCQC\b",
                        "constabulary": r"\binspectorate of constabulary\b|\bHMICFRS\b|\bHMIC\b",
                        "probation": r"\binspectorate of probation\b|\bHMI probation\b"}


def _without_joint_lists(text: str, lines: bool = False) -> str:
    """`text` without the sentences (or, `lines`, the lines) listing a joint inspection's inspectorates with Ofsted
    ("carried out by Ofsted, the Care Quality Commission (CQC), HMICFRS and HMI Probation"): a JTAI's, whoever's
    page tells of it, not another body's page. Ofsted heads the list and two more inspectorates follow it (not "An
    inspection by HM Inspectorate of Probation, supported by colleagues from Ofsted, ...", nor "Ofsted and the CQC
    have published their letter", an area SEND inspection's)."""
    def joint_list(sentence: str) -> bool:
        ofsted = re.search(r"\bOfsted,", sentence)
        if not ofsted or _OTHER_BODY_RE.search(sentence[:ofsted.start()]):
            return False
        rest = sentence[ofsted.end():]
        return sum(bool(re.search(body, rest, re.I)) for body in _JOINT_INSPECTORATES.values()) >= 2
    breaks = r"(?<=[.!?])\s+|\n" if lines else r"(?<=[.!?])\s+|\n\s*\n"
    return " ".join(s for s in re.split(breaks, text) if not joint_list(s))


# An Ofsted letter's template opening: "This letter summarises the findings of ..."
_LETTER_TEMPLATE = r"this letter summarises"
# A children's home's inspection names the home in its title; a council page may list new homes in passing.
_CHILDRENS_HOME_RE = re.compile(r"\bchildren.s homes?\b", re.I)
_INSPECTORATE_VOICE_RE = re.compile(r"\bwe inspect\b|\binspect and regulate\b|\bour (\w+ )?inspection (framework|"
                                    r"handbook|of local authorit)|\bwe ask each local authority\b|\bwe found that\b|"
                                    r"\bwe have asked [A-Z][\w ]{2,40} (council|to)\b|\bwe will (continue to )?monitor\b|"
                                    r"\bthis (guidance|handbook|framework) (describes|sets out|is for)\b|"
                                    r"\binspectors will\b|\breference no\b|\binspectors.? handbook\b", re.I)
_COMMITTEE_RE = re.compile(r"^\s*agenda item\b|^\s*minutes\s*:?\s*$|\bRESOLVED\b|^\s*supporting documents\s*:?|"
                           r"^\s*issue\s*-\s*meetings\b|^\s*meeting\s*:\s|\bmembers (agreed|received|were informed|"
                           r"noted|were concerned)\b|^\s*report of the\b.{0,80}\bdirector\b|\bpreviously circulated\b|"
                           r"\bthe committee\b|\b(scrutiny|health and wellbeing) (board|committee|panel)\b.{0,40}"
                           r"\b(item|agenda)\b", re.I | re.M)
_COUNCIL_VOICE_RE = re.compile(r"\b(we|our|us)\b", re.I)
# A committee paper's fixed parts ("Wards affected", "Responsible officer", "Financial implications"): three of
# them make a council's paper, whichever council's template it is.
_PAPER_PARTS_RE = re.compile(r"(?im)^\W*(?:\d+(?:\.\d+)*\.?\s+)?(wards?\s+(?:and\s+communities\s+)?affected|"
                             r"electoral\s+divisions?\s+affected|"
                             r"contact\s+for\s+further\s+information|responsible\s+officers?|"
                             r"report\s+(?:title|authors?|subject|from)|key\s+decision|contact\s+(?:officer|name)|"
                             r"(?:cabinet|lead)\s+member|"
                             r"portfolio\s+holders?|"
                             r"contains\s+confidential|(?:financial|legal|equalit\w+|resource)\s+implications|"
                             r"(?:details\s+of\s+|reasons?\s+for\s+)?recommendations?(?:\s*\(s\))?|risk\s+management|"
                             r"(?:list\s+of\s+)?background\s+(?:documents|papers)|options\s+considered)\b")
# A meeting's minutes: fixed parts every board's minutes share, a council's when councillors sit ("Present: Councillor
# Hambly, in the Chair"; not an NHS board's or Parliament's committee)
_MINUTES_PARTS_RE = re.compile(r"(?im)^\W*(?:\d+(?:\.\d+)*\.?\s+)?(apologies\s+for\s+absence|"
                               r"declarations?\s+of\s+(?:members['’]?\s+)?interests?|"
                               r"(?:chair['’]?s\s+)?urgent\s+business)\b")
_COUNCILLORS_RE = re.compile(r"\b(?:Councillors?|Cllrs?)\b")


def council_paper_parts(raw: str) -> int:
    """paper_parts, with a council meeting's minutes' fixed parts where councillors are named at the top."""
    minutes = {re.sub(r"s$", "", m.group(1).lower().split()[-1]) for m in _MINUTES_PARTS_RE.finditer(raw)} \
        if _COUNCILLORS_RE.search(raw[:3000]) else set()
    return paper_parts(raw) + len(minutes)


def paper_parts(raw: str) -> int:
    """How many different fixed parts of a committee paper the text has."""
    # (one part however it is worded: "Background papers" and "List of background papers", "Ward affected" and
    # "Wards affected")
    return len({re.sub(r"^list of |s\b", "", re.sub(r"\W+", " ", m.group(1).lower()))
                for m in _PAPER_PARTS_RE.finditer(raw)})


_SIGN_OFF = r"(?:yours\s+(?:sincerely|faithfully)|kind\s+regards|best\s+wishes|with\s+best\s+wishes)"
# Who signs: a council's officer or member, within a few lines of the sign-off
_COUNCIL_SIGNATURE_RE = re.compile(
    rf"(?i){_SIGN_OFF}\W*\n(?:[^\n]{{0,80}}\n){{0,2}}[^\n]{{0,80}}\b(?:(?:corporate |executive |interim |deputy |"
    rf"assistant |strategic )?director\b|chief executive|cabinet member|lead member|councillor|cllr|"
    rf"leader of the council|head of (?:service|children))[^\n]*(?:\n[^\n]{{0,80}}){{0,2}}")


# A sector-led peer challenge's letter, signed by its lead or titled as one: it may say it "does not replace any
# Ofsted activity", and is no Ofsted letter for that
# (in its title or its sign-off: not a letter telling of the council's own peer review, "The lead peer reviewer met
# with inspectors")
_PEER_TITLE_RE = re.compile(r"(?im)^[^\S\n]*(?:[\w'’-]+\s+){0,3}?peer\s+(?:challenge|review)\b")
_PEER_SIGNED_RE = re.compile(r"(?i)\bpeer\s+(?:challenge|review)\s+(?:lead|manager)\b|\blead\s+peer\s*$|"
                             r"\blead\s+peer\b(?!\s+review)")


def _peer_letter(raw: str) -> bool:
    return bool(_PEER_TITLE_RE.search(raw[:300]) or _PEER_SIGNED_RE.search(raw[-400:]))


def council_signed(raw: str) -> bool:
    """A letter signed by a council's officer or member ("Jo Bell / Director of Children's Services"), not by
    Ofsted's ("Regional Director, Ofsted")."""
    m = _COUNCIL_SIGNATURE_RE.search(raw)
    return bool(m) and not re.search(r"(?i)\bofsted\b|\binspector\b|\bHMI\b", m.group(0))


# (opening one of the page's first lines, as its masthead, or closing a short one after a dash: "North Tyneside
# Children's Services - staff bulletin"; not "a staff bulletin seen by this newspaper")
_STAFF_BULLETIN_RE = re.compile(r"\W*(?:[\w'’-]+\s+){0,3}?(?:staff|team|practice|internal|workforce)\s+"
                                r"(?:bulletin|newsletter)\b|"
                                r"[^\n]{3,80}\s[-–—|:]\s*(?:staff|team|practice|internal|workforce)\s+"
                                r"(?:bulletin|newsletter)\s*$", re.I)
_COUNCIL_PRESS_RE = re.compile(r"\b[A-Z][\w ]{2,40} Council (has )?(welcomed|issued the following statement|"
                               r"responded|is pleased)\b|^\s*our statement\b|\bhas issued the following statement\b|"
                               r"\b(Cabinet|Lead|Executive) Member for\b|^\s*further information\s*$|"
                               r"\baccessibility statement\b", re.M)
_COUNCIL_SPEAKER_RE = re.compile(r"\b(?:Cllr|Councillor|Coun|[Cc]abinet [Mm]ember|[Ll]ead [Mm]ember|[Ee]xecutive [Mm]ember|"
                                 r"(?:[Cc]ity |[Dd]eputy |[Aa]ssistant city )?[Mm]ayor|[Ll]eader of the [Cc]ouncil)\.?"
                                 r"(?:\s+[A-Z][\w’'-]+){1,3}(?:,[^.“\"]{0,120},)?\s+(?:said|says|commented|added)\b")
_THIRD_PARTY_RE = re.compile(r"\b(opposition|green party|labour group|conservative group|liberal democrat group|"
                             r"independent group|union (official|rep)|unison|gmb|campaigners?|mp for)\b", re.I)


_DEPARTMENT = r"(?:Department\s+(?:for\s+Education|of Health)|DfE|Home Office)\b"


_OFFICER_POST = (r"(?:the\s+)?(?:corporate\s+|executive\s+|interim\s+|deputy\s+|assistant\s+)?(?:director|"
                 r"cabinet member|lead member|councillor|leader of the council|chief executive|chief officer|"
                 r"principal social worker|head of (?:service|children)\w*)\b")
_OFFICER_NAME = r"(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})"
# "By Jane Smith, Director of Children's Services": the council's own officer writing (a blog), not a reporter ...
_POSTCODE = r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"  # "M1 2WD"
# A postcode on its own line or closing one: a postal address.
_POSTCODE_RE = re.compile(rf"{_POSTCODE}\s*$", re.M)
# A file's author that is a team, not a reporter ("Democratic Services", "Communications Team").
_TEAM_AUTHOR_RE = re.compile(r"\b(?:services?|team|unit|office|department|dept|council|committee|governance|"
                             r"communications|comms|admin\w*|ltd|limited)\b", re.I)
_COUNCIL_TEAM_AUTHOR_RE = re.compile(r"\b(?:democratic|committee|member)\s+services\b|\bgovernance\s+(?:team|services)\b",
                                     re.I)
_OFFICER_BYLINE_RE = re.compile(rf"(?im)^\s*(?:posted\s+)?by\s+{_OFFICER_NAME},\s*{_OFFICER_POST}")
# ... or the name and post alone on their line: "Samira Bell, Chief Officer, Social Work Service"
_OFFICER_LINE_RE = re.compile(rf"(?im)^[^\S\n]*{_OFFICER_NAME},\s*{_OFFICER_POST}[^\n,.;:]*"
                              rf"(?:,[^\S\n]*(?-i:[A-Z])[^\n,.;:]{{0,50}})?[^\S\n]*$")


def infer_doc_type(raw: str, blocks: list[Block], hints: dict, authorities: list[str] | None = None
                   ) -> tuple[str, float]:
    """Document type and a confidence, from the page's structure first (an Ofsted report's front page, a
    letter's salutation and letterhead, committee-paper furniture, GOV.UK and parliamentary layouts), then from
    its voice (a council speaking for itself, a journalist reporting others)."""
    source = hints.get("source", "").lower()
    top = raw[:3000]
    head = "\n".join(b.text for b in blocks[:10])
    if "ofsted.gov.uk" in source or "reports.ofsted" in source:
        return "ofsted_report", 0.8
    report_cues = sum(1 for rx in _REPORT_CUES if rx.search(top))
    # A report's front page: its inspection dates with the publication line, or with two more of its fixed parts
    # (lead inspector, the judgement table); a monitoring letter states its visit in a sentence, not a label.
    # (or in its running footer, taken out as page furniture: "Inspection dates: 12 to 23 May 2025 | Published: ...")
    dates_label = re.search(rf"\binspection dates?{_LABEL_END}", top, re.I) \
        or re.search(rf"\binspection dates?{_LABEL_END}", hints.get("page_furniture", "")[:1000], re.I)
    # (a provider's report on Ofsted's site: "Inspection dates: 5 and 6 March 2024" over "Published: 8 April 2024")
    # (or an area SEND report's "Inspection dates: ..." over "Date of publication: 8 November 2024")
    if ((dates_label and (re.search(r"\breport publi|^[^\S\n]*(?:(?:date\s+)?published|date of publication)\s*:",
                                    top, re.I | re.M)
                          or report_cues >= 3))
            or re.search(r"\breport (inspection|publication) date\s*:", top, re.I) or report_cues >= 4) \
            and not _TELLS_OF_REPORT_RE.search(_without_top_furniture(top)[:REPORT_TOLD_HEAD]):
        return "ofsted_report", 0.95 if report_cues >= 2 else 0.8
    news = sum(1.5 for rx in _NEWS_FURNITURE if rx.search(raw))
    officer_byline = _OFFICER_BYLINE_RE.search(raw[:3000]) or _OFFICER_LINE_RE.search(raw[:3000])
    if officer_byline:
        news -= 1.5
    paper = masthead(raw)
    if paper:
        news += 2.5
    news += min(3, len(_JOURNALESE_RE.findall(raw)))
    to_minister = _TO_SECRETARY_OF_STATE_RE.search(raw[:SECRETARY_OF_STATE_HEAD])
    for i, b in enumerate(blocks[:6] if not to_minister else []):
        if _BYLINE_RE.match(b.text.strip()) and len(b.text) < 40 and not parse_date(b.text) \
                and not re.match(r"(?i)(dear|yours|kind regards)\b", b.text.strip()) \
                and not find_in_text(b.text) \
                and not any(_POSTCODE_RE.search(n.text) for n in blocks[i + 1:i + 5]) \
                and not any(re.match(r"(?i)dear\b", n.text.strip()) for n in blocks[i + 1:i + 6]):
            # (not a letterhead's building, nor the addressee over "Dear Helen")
            news += 2.5  # a byline: a person's name alone near the headline
            break
    dated_byline = _SECTION_DATE_BYLINE_RE.search("\n".join(b.text for b in blocks[:8]))
    byline = dated_byline.group(dated_byline.lastindex) if dated_byline else ""
    if dated_byline and not find_in_text(byline) and not _TEAM_AUTHOR_RE.search(re.sub(r"(?i)\s+team$", "", byline)) \
            and not _OFFICE_BYLINE_RE.match(byline):
        news += 2.5  # "News · June 2024 · by Yusuf Halloran" (or "by the Chelmer & Blackwater Voice team")
    salutation = re.search(r"(^|\n|\s)dear\s+(mr|mrs|ms|miss|dr|sir|madam|[A-Z][a-z]+)\b", raw[:3000], re.I)
    letterhead = _OFSTED_LETTERHEAD_RE.search(raw[:1500])
    ofsted_hand = re.search(r"\b[A-Z][a-z]+ HMI\b|\bSenior HMI\b|\bHMI,|[Hh]er [Mm]ajesty.s [Ii]nspector|"
                            r"[Hh]is [Mm]ajesty.s [Ii]nspector", raw)
    # a government department's or minister's letter ("Department for Education", "From the Minister for ...")
    # (or a GOV.UK page's "From: Department for Education", the label and its value on one line or two, past a
    # cookie banner)
    dept = (re.search(rf"^\s*{_DEPARTMENT}|\bFrom the (?:Minister|Secretary of State)\b", raw[:600], re.M)
            or re.search(rf"^\s*From:\s*{_DEPARTMENT}", raw[:3000], re.M)) and not letterhead
    # a council's own letter about a visit ("Yours sincerely / Jo Bell / Director of Children's Services")
    council_hand = not letterhead and not ofsted_hand and council_signed(raw)
    if salutation and news < 3 and not dept and not council_hand and (letterhead or ofsted_hand
                                    or (re.search(r"(?i)yours sincerely", raw) and "ofsted" in raw.lower()
                                        and not _peer_letter(raw))):
        return "ofsted_letter", 0.9
    if letterhead and raw.lower().count("ofsted") >= 1 and news < 3 \
            and re.search(rf"(?i)\binsert\b|\bdear\b|\b{_LETTER_TEMPLATE}", raw) \
            or letterhead and news < 3 and re.search(r"(?i)\bjoint targeted area inspection\b", raw[:3000]):
        # Ofsted letterhead, template or salutation further down (a joint inspection's letter is addressed to a list
        # of office holders, no "Dear": its template sentence "This letter summarises the findings of ...", or only
        # its subject line, "Joint targeted area inspection of the multi-agency response to ...")
        return "ofsted_letter", 0.6
    if news < 3 and not council_hand and _JOINT_SUBJECT_RE.search(raw[:2000]) \
            and (_OFSTED_SIGNS_RE.search(raw) or _JOINT_SIGNS_RE.search(_CC_LINE_RE.sub("", raw[-3000:]))
                 or re.search(rf"(?im)^[^\S\n]*{_LETTER_TEMPLATE} the findings\b", raw[:3000])
                 and not re.search(rf"(?i)\b{_SIGN_OFF}\b", raw)  # (no sign-off saved: one that is there,
                 # naming no inspectorate, is another's)
                 and not _COUNCIL_SPEAKER_RE.search(raw) and not _COUNCIL_PRESS_RE.search(raw)
                 and not _COUNCIL_VOICE_RE.search(_strip_quotes(raw))) \
            and not _CARRIES_LETTER_RE.search(raw) and not _COUNCIL_PAPER_RE.search(raw[:3000]) \
            and paper_parts(raw) < 2:
        # a joint inspection's letter under the inspectorates' names, not Ofsted's letterhead, to a list of office
        # holders (no "Dear"): its subject line at the top, Ofsted among those signing it (or the letters' template
        # opening, where an extract stops before the signatures), no council paper around it
        return "ofsted_letter", 0.6
    own = _strip_quotes(raw)
    parliament = [m.group(0) for m in _PARLIAMENT_RE.finditer(raw)]
    if parliament and all(re.fullmatch(r"(?i)select committee", p) for p in parliament) \
            and (_COUNCIL_PAPER_RE.search(raw[:3000]) or paper_parts(raw) >= 3
                 or re.search(r"\b(?:Cllrs?|Councillors?)\b", raw[:3000]) and re.search(r"\bRESOLVED\b", raw)):
        # a county council's own select committee ("Item 6 ... inform the Select Committee"; its minutes list
        # councillors present and record what was RESOLVED: Parliament's committees have MPs and peers)
        parliament = []
    other = 3.0 * len(_GOVUK_RE.findall(raw)) + 2.5 * len(parliament)
    other += 0.0 if paper else 3.0 * min(2, len(_BRIEFING_RE.findall(raw)))
    if dept or to_minister:
        other += 3.0
    if (hints.get("publisher") or "").strip().upper() == "GOV.UK":
        other += 3.0  # central government's site (its "From:" line may be left out of the main text)
    if _OTHER_BODY_RE.search(site_name(hints)):
        other += 3.0  # another regulator's site ("... - Care Quality Commission"), its name left out of the text
    if re.match(r"(?:the\s+)?Local Government Association\b|LGA\b", first_line(raw)):
        other += 3.0  # a peer review or report under the LGA's name, not the council's own page
    # A reporter's byline the main-text extraction took off an HTML page ("Joanna Pryce"): a newspaper's story.
    reporter = bool(hints.get("author")) and re.match(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}(?:;|$)",
                                                      hints["author"]) and not find_in_text(hints["author"]) \
        and not _TEAM_AUTHOR_RE.search(hints["author"])
    if reporter:
        news += 2.5
    # (a newspaper reporting on another body is still news, and a council's own site telling of it its page:
    # "Care Quality Commission publishes assessment of Tameside's adult social care | Tameside Council")
    council_site = bool(names_a_council(site_name(hints)) and find_in_text(site_name(hints)))
    if not paper and not reporter:
        other += 0.0 if council_site else \
            min(6.0, 3.0 * len(_OTHER_BODY_RE.findall(_without_joint_lists(head, lines=True)))
                + 1.0 * len(_OTHER_BODY_RE.findall(_without_joint_lists(raw))))
        # (past a provider's cookie banner and menu: "Sandcastle House is a four-bedroom children's home")
        other += 3.0 if _CHILDRENS_HOME_RE.search(
            _without_top_furniture("\n".join(b.text for b in blocks[:20]))[:300]) else 0.0
    inspectorate = len(_INSPECTORATE_VOICE_RE.findall(own))
    other += min(6.0, 3.0 * inspectorate)
    if re.search(r"\b(guidance|handbook|framework)\b", head[:300], re.I) and "said" not in head.lower():
        other += 2
    if authorities and all(is_welsh(a) for a in authorities):
        other += 1.5  # Welsh councils are inspected by Care Inspectorate Wales, not Ofsted
    # (a committee pack's running header, "Agenda Item 7 / Page 23", is page furniture taken off the text)
    committee = [m.group(0) for m in _COMMITTEE_RE.finditer(raw + "\n" + hints.get("page_furniture", ""))]
    if _PARLIAMENT_RE.search(raw):  # a select committee is Parliament's, not the council's
        committee = [c for c in committee if not re.fullmatch(r"(?i)the committee", c.strip())]
    parts = council_paper_parts(raw)
    council = 3.0 * min(3, len(committee)) + (3.0 if parts >= 3 else 0.0)
    we = len(_COUNCIL_VOICE_RE.findall(own))
    council += 3.0 if we >= 6 else 2.0 if we >= 3 else 0.0
    council += 1.5 * min(2, len(_COUNCIL_PRESS_RE.findall(raw)))
    if officer_byline:
        council += 2.0
    if _COUNCIL_TEAM_AUTHOR_RE.search(hints.get("author") or ""):
        council += 2.0  # the file's author is a council's committee office ("Democratic Services")
    if any(re.search(r"\bcouncil\b|\bborough\s+of\b|^city\s+of\b", site, re.I) and find_in_text(site)
           for site in (hints.get("publisher") or "", hints.get("title_site") or "")):
        # the page's own site is a council's ("og:site_name": "Walsall Council", "Royal Borough of Kingston upon Thames";
        # or its <title>'s close, "... - Shropshire Council Newsroom", where the metadata gave only the host name)
        council += 3.0
    if _COUNCIL_COPYRIGHT_RE.search("\n".join(raw.splitlines()[-15:])):
        council += 2.0  # the page's copyright is the council's ("(c) Sheffield City Council"), in its footer
    if any(_COUNCIL_MASTHEAD_RE.fullmatch(name_case_capitals(line)) for line in top_lines(raw)):
        council += 2.0  # the council's own masthead ("Skip to main content / Example Council / Search", "X COUNCIL")
        if re.search(r"(?im)^\s*(?:news|press|media)\s+release\b|^\s*embargo\b|\bfor immediate release\b|"
                     r"^\s*notes to editors\b", raw[:3000]):
            council += 1.5
    if any(len({m.group(0).lower() for m in _COUNCIL_SERVICES_RE.finditer(line)}) >= 3 for line in top_lines(raw)):
        council += 3.0  # the council's own menu of its services ("Bins and recycling | Council Tax | Parking")
    if re.search(r"(?<=[a-z,] )the Council\b", own):
        council += 1.5  # a council writing about itself capitalises "the Council"
    if any(_STAFF_BULLETIN_RE.match(b.text) for b in blocks[:4]):
        council += 3.0  # a council's word to its own staff ("Staff bulletin for children's social care")
    said = len(re.findall(r"\b(said|says|told|added|warned|according to|commented|wrote)\b", raw, re.I))
    if news < 1.5 and _COUNCIL_SPEAKER_RE.search(raw) and not _THIRD_PARTY_RE.search(raw) \
            and not _JOURNALESE_RE.search(raw):
        council += 2.5  # press-release shape: only the council's own people speak, no newspaper furniture
    if inspectorate:
        council -= 2.0
    if not authorities and parts < 3:
        council *= 0.3  # a council page is about its own council (a committee paper's template is a council's own,
        # naming the council or not: "Wards and communities affected", "Key Decision", "Background papers")
    news += min(said, 5) * 0.4
    scores = {"other": other, "council_page": council, "news_article": news}
    ranked = sorted(scores.values(), reverse=True)
    margin = ranked[0] - ranked[1]
    if other >= 3 and other == ranked[0]:
        return "other", round(min(0.9, 0.5 + margin / 10), 2)
    best = "council_page" if council > news else "news_article"
    if scores[best] < 1.5:
        # nothing decisive: an article that reports what others said reads as news; a page about one
        # authority that quotes nobody reads as that council's own page; else "other"
        best = "news_article" if said >= 2 else "council_page" if authorities and len(authorities) == 1 \
            else "news_article" if said else "other"
        return best, 0.4
    return best, round(min(0.9, 0.5 + abs(council - news) / 10), 2)


# A council's site is named as one ("Walsall Council", "Royal Borough of Kingston upon Thames") or by the council's
# initials alone ("LBHF", "RBKC": its page may never name the council in its text).
_INITIALS_RE = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z&]{1,5}")


def names_a_council(site: str, words: str = r"council|borough") -> bool:
    site = site.strip()
    return bool(re.search(rf"\b(?:{words})\b", site, re.I)
                or _INITIALS_RE.fullmatch(site) and find_in_text(site))


def site_name(hints: dict) -> str:
    """The site's name a page states (its metadata), else the one closing its <title>."""
    return hints.get("publisher") or hints.get("title_site") or ""


def infer_publisher(raw: str, doc_type: str, authorities: list[str], hints: dict) -> str | None:
    if hints.get("publisher"):
        return hints["publisher"]
    if doc_type in ("ofsted_letter", "ofsted_report"):
        return "Ofsted"  # (over a document-sharing site's name in the page title: "... | PaperStack")
    if hints.get("title_site"):
        return hints["title_site"]
    for pattern in (r"\b(?i:more from) ([A-Z][\w&' ]{2,40}?)\s*$", r"^([A-Z][\w&' ]{2,40}?) is an online resource",
                    r"presented by ([A-Z][\w&' ]{2,30}?)[,.]", r"©\s*(?:\d{4}\s*)?([A-Z][\w&' ]{2,40})"):
        m = re.search(pattern, raw, re.M)
        if m:
            return m.group(1).strip()
    if doc_type == "news_article" and (paper := masthead(raw)) and (
            any(_PRESS_MENU_RE.search(line) for line in top_lines(raw, 4))
            or re.search(rf"(?:©|\([cC]\)|[Cc]opyright)\s*(?:(?:19|20)\d\d\s*)?{re.escape(paper)}", raw)):
        return paper  # (its masthead opening the page over the paper's menu, or in its copyright line: "(c) 2025
        # Itchen Valley Courier"; not a headline ending on "Post", however often the page repeats it)
    if doc_type == "council_page" and authorities:
        return f"{authorities[0]} Council"
    return None


# ---------------------------------------------------------------- inference: authorities

_PASSING_BEFORE = re.compile(r"\b(from|formerly|previously|former|neighbouring|neighbours?|such as|including|like|unlike|with|"
                             # ("Practice leaders from a neighbouring authority, Derbyshire County Council, have ...")
                             r"neighbouring\s+(?:local\s+)?(?:authority|council|borough|county)\s*,|"
                             # a predecessor as history: "following the abolition of Cleveland County Council"
                             r"(?:abolition|abolishing|break-?up|demise|reorgani[sz]ation)\s+of|"
                             r"also (runs?|covers?|provides?|manages?)\b[^.]{0,50}|(director|chief executive|head|"
                             r"leader|commissioner|chair|manager|officer)\b[^.]{0,50}\bat|"
                             r"(years|worked|working|spells?|time|career)\s+at|"
                             # a later employer: "who left the Council in 2022 to join Oxfordshire County Council"
                             r"to\s+join|(?:left|leaving|moved|moving)\b[^.]{0,40}?\bto|"
                             # an earlier one: "worked in Southend before joining Luton in 2019", and the service a
                             # person leads there: "She has led Luton's services for children in care" (on the
                             # council's own page, its other mentions still name it)
                             r"before\s+joining|\b(?:she|he)\s+(?:has\s+|had\s+)?(?:led|run|ran|headed|managed)|"
                             # a former post: "who joined in 2021 after leading safeguarding services at X" (not
                             # inspectors' work: "after leading the inspection at X", "after spending two weeks at")
                             r"\bjoined\b[^.]{0,40}?\bafter\s+(?:leading|heading|running|managing|working|serving|holding)\b"
                             r"[^.]{0,50}?\b(?:at|for)|"
                             # a former post: "who had worked as a social worker for Avon County Council" (not
                             # "social workers working for Rutland County Council", its own staff)
                             r"worked\s+as\s+an?\s+(?:[\w-]+\s+){0,3}?(?:at|for)|"
                             # "who previously led children's services in Essex"; "learning from colleagues in Hackney"
                             r"previously\s+(?:led|ran|managed|headed|worked)\b[^.]{0,50}?\b(?:in|at|for)|"
                             r"colleagues\s+(?:in|at|from)(?:\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}\s+and)?|"
                             # councils in a place: "children placed by ... authorities in Hertfordshire and Essex"
                             r"(?:authorities|councils)\s+(?:in|across)|"
                             # another council reviewing this one: "a peer review led by Portsmouth City Council"
                             r"(?:review|challenge|audit|diagnostic)\w*\s+(?:(?:was|were)\s+)?(?:led|carried\s+out|"
                             r"conducted|undertaken|delivered|provided|facilitated)\s+by|"
                             # someone's employer after their role, on a line of a team list: "Lead peer: Director of
                             # Children's Services, X" (not "Jane Smith, director of children's services, X said")
                             r"(?<=\n)(?:[\w ]{0,20}:\s*)?(?:\w+\s+){0,2}?(director|officer|member|manager|head|chief executive|"
                             r"commissioner|leader|chair|peer)\b[^.\n]{0,60},)\s+(the\s+)?((London\s+)?boroughs?\s+of\s+)?$",
                             re.I)
# A newcomer's employer: "council appoints Luton social care chief" (not the commissioner sent in: "minister appoints
# Slough commissioner")
_APPOINTS_BEFORE = re.compile(r"\b(?:appoints?|appointed|hires?|hired|poach(?:es)?|poached|recruits?|recruited)\s+$",
                              re.I)
# (not the council's own post: "has been appointed Bury's new director")
_NEWCOMER_JOB_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:chief|boss|director|dcs|head)\b", re.I)
# A line of navigation or a section label ("Local News | Regions | Kent", "BBC News, Kent"): where the page sits
# on its site, not what it is about.
_NAV_LINE_RE = re.compile(r"[|>›»].*[|>›»]|\bRegions\b|\bLocal News\b|\bNews,|"
                          # a menu: six or more capitalised items, one of them a site section
                          r"^(?=(?:.*\b(?:Menu|Home|News|Sport|Jobs|Contact|Search|About)\b))(?:[A-Z][\w'’&-]*\s+){5,}"
                          r"[A-Z][\w'’&-]*$")
_LINE_WORD_RE = re.compile(r"[^\s|>›»]+")
_MENU_LINE_RE = re.compile(r"(?=(?:.*\b(?:Menu|Home|News|Sport|Jobs|Contact|Search|About)\b))(?:[A-Z][\w'’&-]*\s+){5,}"
                           r"[A-Z][\w'’&-]*$")
# a predecessor: "when Cumbria County Council was replaced by two new unitary councils"
_REPLACED_AFTER = re.compile(r"\s*(?:was|were|had\s+been)\s+(?:replaced|abolished|split|dissolved|succeeded|merged)\b",
                             re.I)
# A council the text says was left out of what it reports: "Leicester City Council, which runs its own children's
# services, was not part of the JTAI", "Leicester City Council and Rutland County Council were not inspected" (its
# own predicate: a relative clause or a council joined by "and" between; not "... said the changes were not part of
# ...", nor "was not inspected until 2023", when it was)
_NOT_COVERED_AFTER = re.compile(r"(?:\s*,\s*(?:which|who|that)\b[^,.;\n]{0,80},)?(?:\s+(?:and|&)\s+(?:the\s+)?"
                                r"(?:[A-Z][\w'’-]*\s+){1,4}?(?:(?:City|County|Borough|Metropolitan)\s+)?Council)?\s+"
                                r"(?:(?:was|were|is|are|had\s+been)\s+(?:not|never)|"
                                r"(?:has|have)\s+(?:not|never)\s+been|"
                                r"wasn['’]t|weren['’]t)\s+(?:part\s+of|included\s+in|covered\s+by|within\s+the\s+scope|"
                                r"inspected\b(?!\s+(?:until|since|before|for|in|again)\b))")
# Where an unnamed council is ("a Kent authority", "a Yorkshire coastal council"): the county describes it.
_DESCRIBED_BEFORE = re.compile(r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+$")
_DESCRIBED_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?(?:authority|council)\b")
# ... or "the Essex unitary authority" (a kind of council after the county: where Thurrock is, not another council)
_DESCRIBED_KIND_AFTER = re.compile(r"\s+(?:unitary|coastal|rural|metropolitan|seaside|shire|northern|southern|eastern|"
                                   r"western|inner|outer|neighbouring)\s+(?:authority|council|borough)\b")
_ADDRESS_WORD_RE = re.compile(r"\b(?:Road|Street|Lane|Avenue|Offices|Hall|Centre|Center|House|Building|Square|Place|"
                              r"Way|Drive|Quay|Wharf|Parade|PO\s+Box)\b")
# A teaser list's heading: what follows names other stories' places.
_TEASER_HEADING_RE = re.compile(r"(?im)^[^\S\n]*(?:related(?:\s+(?:stories|articles|news|links|content|posts))?|most\s+read|"
                                r"more\s+(?:stories|news)|read\s+more|you\s+may\s+also\s+like|most\s+popular|"
                                r"trending(?:\s+now)?)[^\S\n]*:?[^\S\n]*$")
# A local paper's lead in capitals, "WOKINGHAM Borough Council's children's services have been rated 'good'": the
# name is read in its usual case (same length, so positions hold).
_LEAD_CAPITALS_RE = re.compile(r"(?m)^([A-Z]{4,}(?:[ -][A-Z]{2,})*)(?=\s+[A-Z]?[a-z'’])")


def _lead_capitals_named(content: str) -> str:
    def named(m: re.Match) -> str:
        # (within a hyphenated name too: "STOKE-ON-TRENT CITY COUNCIL" is Stoke-on-Trent's)
        usual = re.sub(r"(?<=[\s-])(?:Upon|On|And|Of|The|With|Under|Le|In|By)(?=[\s-])", lambda w: w.group(0).lower(),
                       m.group(1).title())
        return usual if len(usual) == len(m.group(1)) and find_in_text(usual) and not find_in_text(m.group(1)) \
            else m.group(1)
    return _LEAD_CAPITALS_RE.sub(named, content)


# A paper's section setting its council beside others ("5. Regional context", "Benchmarking", "Statistical
# neighbours"): a council named there is a comparison, not a subject
# (a heading's words, no figures: a table's rows, "Leicestershire 52", do not end the section; nor a title with its
# year open one, "East Midlands regional benchmarking report 2024")
_SECTION_LINE_RE = re.compile(r"(?m)^[^\S\n]*(?:\d+(?:\.\d+)*\.?[^\S\n]+)?([A-Z][^\n.:;!?|\d]{2,60})[^\S\n]*$")
_CONTEXT_HEADING_RE = re.compile(r"\b(?:regional|national|wider|sub-?regional)\s+(?:context|picture|comparisons?)\b|"
                                 r"\bcomparators?\b|\bbenchmark\w*|\bstatistical\s+neighbours?\b", re.I)


CONTEXT_HEAD_CHARS = 200  # (a title naming the document's own comparison is no section of it)


def _in_context_section(sections: list[tuple[int, bool]], at: int) -> bool:
    """Whether the last heading-like line before `at` (see _SECTION_LINE_RE) opens such a section."""
    before = [is_context for start, is_context in sections if start < at]
    return bool(before) and before[-1]


_RECIPIENT_BEFORE = re.compile(r"\bletters?\s+(sent\s+)?to\s+(both\s+)?([\w’'&,]+\s+){0,6}$", re.I)


# A details table's "Local authority: Redbridge" (a school's, a children's home's) names its council outright, as
# do a home's "| Registered provider | Rutland County Council |" and "Location | Rutland".
_LA_LABEL_BEFORE = re.compile(r"(?:\blocal\s+authority|\b(?:registered\s+)?provider|\bresponsible\s+authority|"
                              r"^\W*location)\s*[:|]?\s*$", re.I | re.M)


# An organisation still named after a former county: "Northamptonshire Children's Trust", "... Safeguarding Board".
# (Police, constabularies and NHS bodies are no council mentions at all: the gazetteer leaves them out.)
_NAMED_BODY_AFTER = re.compile(r"\s+(?:Children['’]?s\s+(?:Services\s+)?Trust|Fire|Health|Healthcare|"
                               r"Safeguarding\s+(?:Children\s+)?(?:Partnership|Board))\b")


# A region or combined authority named after a place ("outside the Liverpool City Region"), or the inspectorate's own
# office in a letterhead ("Ofsted Regional Office (North West) Manchester"): no council the page is about
_REGION_AFTER = re.compile(r"(?:\s+City)?\s+Region\b|\s+Combined\s+Authority\b")  # (after "Leicester City" too)
_INSPECTORATE_OFFICE_LINE_RE = re.compile(r"\bregional\s+office\b", re.I)  # (on a letterhead's short line)


# History: "Until 1 April 2021 children's social care in the county was the responsibility of ..."
_UNTIL_BEFORE = re.compile(r"\b(?:until|before)\s+(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+\s+)?(?:19|20)\d\d\b"
                           r"[^.\n]{0,120}$", re.I)


LONG_TEXT_CHARS = 4000
LATE_NAMED_MAX_MENTIONS = 4
SHORT_TEXT_HEAD_CHARS = 300
SHORT_TEXT_MIN_CHARS = 1000  # (a few lines say too little of who is a subject)
SHORT_LATE_NAMED_MAX = 2
ROUND_UP_AUTHORITIES = 3  # subjects in a document about several councils at once


# a letter's addressee, or a run of them, in a clause adding it beside the story ("Letters to Plymouth and Torbay
# were also published")
_ALSO_AFTER_RE = re.compile(r"(?:\s*(?:,|and|&)\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})*\s+"
                            r"(?:was|were|is|are|has|have|had)\s+also\b")
HEADING_PROSE_WORDS = 15  # a heading's paragraph: the next non-blank line runs to this many words or more


def _prose_follows(rest: str) -> bool:
    # (a slice of the text after the heading, stripped: no pattern backtracking over a run of blank lines)
    return len(rest.lstrip().split("\n", 1)[0].split()) >= HEADING_PROSE_WORDS


def lead_end(content: str) -> int:
    """Where a text's first two non-blank lines (a headline and its standfirst) end: a round-up names no council
    there."""
    found = list(itertools.islice(re.finditer(r"[^\n]*\S[^\n]*", content), 2))
    return min(found[-1].end(), found[0].start() + 600) if found else 0


# A meeting's attendance: the councils its guests and apologies come from are not what it discussed
_ATTENDANCE_LINE_RE = re.compile(r"\s*(?:also\s+present|present|in\s+attendance|attendees?|"
                                 r"apologies(?:\s+for\s+absence)?|observers?|guests?)\s*:", re.I)
# ... or the line under such a heading standing alone ("Apologies" over "Paul Westoby, Assistant Director, North
# Lincolnshire Council (sector-led improvement partner)"; not "Present", over the meeting's own members)
_ATTENDANCE_HEAD_RE = re.compile(r"\s*(?:also\s+present|in\s+attendance|apologies(?:\s+for\s+absence)?|observers?|"
                                 r"guests?)\s*:?\s*", re.I)


# The council's own staff visiting another to learn from it: "officers visited the City of Wolverhampton Council's
# MASH to share learning on ..." (not inspectors' or a commissioner's visits, nor managers visiting the council's
# own homes: a purpose of learning follows in the sentence)
_VISITED_BEFORE_RE = re.compile(r"\b(?:officers|managers|practitioners|leaders|staff)\s+(?:have\s+|had\s+|also\s+)?"
                                r"visited(?:\s+the)?(?:\s+city\s+of)?\s+$", re.I)
_TO_LEARN_AFTER_RE = re.compile(r"^[^.!?\n]{0,160}?\b(?:to\s+(?:share|learn|see\s+how|observe)|learning|peer|"
                                r"good\s+practice)\b", re.I)
_INSPECTORS_RE = re.compile(r"\b(?:ofsted|inspectors?|inspectorate|hmi|commissioner|dfe)\b", re.I)


def _visited_to_learn(content: str, start: int, end: int) -> bool:
    before = content[_sentence_start(content, start):start]  # (the sentence up to the mention)
    return bool(_VISITED_BEFORE_RE.search(before)) and not _INSPECTORS_RE.search(before) \
        and bool(_TO_LEARN_AFTER_RE.match(content[end:]))


def _in_joint_body_name(mentions, i: int, content: str) -> bool:
    """One of two councils joined in a shared body's name ("the Leicestershire and Rutland Safeguarding Children
    Partnership"): the body speaks, neither council."""
    def joined(a, b) -> bool:
        return bool(re.fullmatch(r"\s+(?:and|&)\s+", content[a.end:b.start]))

    def body_after(mt) -> bool:
        return bool(_NAMED_BODY_AFTER.match(content[mt.end:mt.end + 40]))

    mt = mentions[i]
    return (i > 0 and joined(mentions[i - 1], mt) and body_after(mt)) \
        or (i + 1 < len(mentions) and joined(mt, mentions[i + 1]) and body_after(mentions[i + 1]))


def _again_in_passing(content: str, passing_end: int | None, start: int) -> bool:
    """Named again in the sentence that named it as a council visited to learn from ("officers visited the City of
    Wolverhampton Council's MASH ..., and Wolverhampton managers made a return visit"), or as one left out ("Rutland
    was not part of the inspection, but Rutland partners will ..."): in passing still."""
    return passing_end is not None and _sentence_start(content, start) <= passing_end


def infer_authorities(content: str) -> tuple[list[str], float]:
    """The authorities a document is about, with a confidence.

    Each mention scores by place (headline and first lines count most), form (a council's formal name counts a
    little more), and syntax: mentions in a run of three or more names (a national list), after "from", "former",
    "including", "also runs ... in" or a job title "at" (someone's other employer) count little; the addressee of
    a letter counts much. Authorities scoring well below the leader are passing mentions."""
    content = _lead_capitals_named(content)
    mentions = find_in_text(content)
    if not mentions:
        return council_of_own_domain(content), 0.3
    teasers = _TEASER_HEADING_RE.search(content)
    teasers_at = teasers.start() if teasers and teasers.start() > len(content) / 3 else len(content)
    scores: dict[str, float] = {}
    first_pos: dict[str, int] = {}
    general_lead = mentions[0].start >= lead_end(content)  # (the first council named after the lead)
    names = {mt.name for mt in mentions}
    named_first: dict[str, int] = {}
    for mt in mentions:
        named_first.setdefault(mt.name, mt.start)
    named_outright: set[str] = set()  # (named at least once other than in passing)
    guests: set[str] = set()  # (first named on a meeting's attendance line)
    passing_prev = False
    passing_at: dict[str, int] = {}  # (where the mention of each council visited to learn from, or left out, ended)
    sections = [(m.start(), m.start() > CONTEXT_HEAD_CHARS and bool(_CONTEXT_HEADING_RE.search(m.group(1))))
                for m in _SECTION_LINE_RE.finditer(content)]
    for i, mt in enumerate(mentions):
        w = 3.0 if mt.start < 300 else 2.0 if mt.start < 900 else 1.0
        if mt.formal:
            w += 0.5
        place_weight = w
        before = content[max(0, mt.start - 80):mt.start]
        joined = i > 0 and re.fullmatch(r"\s*(,|and|&|or|,\s*and)\s*", content[mentions[i - 1].end:mt.start])
        line_start = content.rfind("\n", 0, mt.start) + 1
        line_end = content.find("\n", mt.end)
        line = content[line_start:line_end if line_end >= 0 else len(content)]
        if mt.start > teasers_at:
            w *= 0.1  # a teaser for another story under "Related:" or "Most read" (left in by the converter)
        if mt.address and not mt.formal and any(p.name != mt.name and mt.start - p.end < 150 for p in mentions[:i]):
            w *= 0.1  # the town or county in a council's address ("Swindon Borough Council ... Wiltshire SN1 2JH")
        elif not mt.formal and re.match(r"[^\S\n]*(?:\n|$)", content[mt.end:mt.end + 5]) \
                and _ADDRESS_WORD_RE.search(content[max(0, mt.start - 150):mt.start]) \
                and any(p.name != mt.name and p.formal and mt.start - p.end < 150 for p in mentions[:i]):
            w *= 0.1  # ... with no postcode: "Thurrock Council Civic Offices New Road Grays Essex" closing its line
        elif mt.address and not mt.formal:
            w *= 0.3  # a postal county ("Ilford, Essex IG6 4XZ") is not the council a school or a home is in
        # (its words counted without the separators: "News | Sport | Walsall | Dudley | What's On | Jobs" is a menu)
        if len(_LINE_WORD_RE.findall(line)) <= 14 \
                and (_NAV_LINE_RE.search(line) if line_start > 0 else _MENU_LINE_RE.match(line)):
            w *= 0.1  # (the first line is the page's own, a headline or a council's name over its site, unless a menu)
        previous_line = content[content.rfind("\n", 0, max(0, line_start - 1)) + 1:max(0, line_start - 1)]
        if first_pos and mt.name not in first_pos and (_ATTENDANCE_LINE_RE.match(line)
                                                       or _ATTENDANCE_HEAD_RE.fullmatch(previous_line)) \
                or mt.name in guests:
            # minutes' "Also present: Councillor F Ibbotson (Bedford Borough Council, peer observer)", and that
            # guest's council named again when they speak ("said Bedford Borough Council would welcome ...")
            w *= 0.25 if mt.name in guests else 0.1
            guests.add(mt.name)  # (not the meeting's own council, named before: "Milton Keynes Council ... Present:")
            passing_prev = True
        elif _RECIPIENT_BEFORE.search(before[-60:]) and _ALSO_AFTER_RE.match(content[mt.end:mt.end + 80]):
            w *= 0.25  # "Letters to Plymouth and Torbay were also published": beside the story, not its subject
            passing_prev = True
        elif _RECIPIENT_BEFORE.search(before[-60:]) or _LA_LABEL_BEFORE.search(before[-30:]):
            w += 3.0
            passing_prev = False
        elif w == place_weight and general_lead and line_start > 0 <= line_end and line.strip() == mt.surface \
                and _prose_follows(content[line_end:line_end + 3000]):
            # a round-up's section heading, "Lewisham", over its paragraph, under a headline naming no council: one
            # of its subjects (not a teaser's or an address's line, already discounted; nor a teaser left by cleaning
            # under a story about Torbay)
            w += 2.0
            passing_prev = False
            named_outright.add(mt.name)
        elif _visited_to_learn(content, mt.start, mt.end) or _NOT_COVERED_AFTER.match(content, mt.end, mt.end + 140) \
                or _again_in_passing(content, passing_at.get(mt.name), mt.start):
            w *= 0.25  # the council's officers visiting another to learn from it; a council left out of it
            passing_prev = True
            passing_at[mt.name] = mt.end
        elif _in_joint_body_name(mentions, i, content) or _REGION_AFTER.match(content, mt.end) \
                or _INSPECTORATE_OFFICE_LINE_RE.search(line) and len(line.split()) <= 12:
            w *= 0.1  # a body two councils share: "the Leicestershire and Rutland Safeguarding Children Partnership"
            passing_prev = True
        elif _PASSING_BEFORE.search(before) or (joined and passing_prev) or _in_context_section(sections, mt.start) \
                or _APPOINTS_BEFORE.search(before) and _NEWCOMER_JOB_AFTER.match(content, mt.end) \
                or _REPLACED_AFTER.match(content[mt.end:mt.end + 40]) \
                or (not mt.formal and _DESCRIBED_BEFORE.search(before[-12:])
                    and _DESCRIBED_AFTER.match(content[mt.end:mt.end + 30])) \
                or (not mt.formal and before.endswith(("the ", "The "))
                    and _DESCRIBED_KIND_AFTER.match(content[mt.end:mt.end + 30])):
            w *= 0.25  # "from Rotherham", "also runs services in Kingston and Richmond"
            passing_prev = True
        else:
            passing_prev = False
            named_outright.add(mt.name)
        # (a successor by another name leads only when named first: a 2022 report on Cumbria names the councils
        # that will take over from it, a Cumberland page the county it replaced)
        if is_former(mt.name) and any(n != mt.name and (name_within(mt.name, n) or succeeded_by(mt.name, n)
                                                        and named_first[n] < named_first[mt.name]) for n in names):
            # the successor leads on a West Northamptonshire page; and "Northamptonshire Children's Trust", an
            # organisation still named after the county it served, is no mention of the county council at all
            w *= 0.15 if _NAMED_BODY_AFTER.match(content[mt.end:mt.end + 40]) \
                or _UNTIL_BEFORE.search(content[max(0, mt.start - 160):mt.start]) else 0.5
        elif not mt.formal and any(n != mt.name and name_within(mt.name, n) for n in names):
            w *= 0.4  # "a Lincolnshire coastal authority" on a North East Lincolnshire page: where it is
        # a run of names: "Barnsley, Bexley, Birmingham and ..." (three or more authorities in a row)
        run = 1
        for j in (i - 1, i + 1):
            if 0 <= j < len(mentions):
                a, b = (mentions[j], mt) if j < i else (mt, mentions[j])
                if re.fullmatch(_LIST_JOIN_RE, content[a.end:b.start]):
                    run += 1
        if run >= 3 or (run == 2 and _in_long_list(mentions, i, content)):
            w *= 0.1
        scores[mt.name] = scores.get(mt.name, 0.0) + w
        first_pos.setdefault(mt.name, mt.start)
    leader = max(scores, key=scores.get)
    if len(content) > LONG_TEXT_CHARS and first_pos[leader] < 900:
        # a long text named for its subject from the start: a council first named in its second half is a partner,
        # a comparison or an employer ("Stockport, rated good, would provide improvement support"), not a subject
        # (a second subject with a section of its own recurs: "Bradford" seven times in a two-council round-up)
        counts = Counter(mt.name for mt in mentions)
        for name in scores:
            if name != leader and first_pos[name] > len(content) / 2 and counts[name] <= LATE_NAMED_MAX_MENTIONS:
                scores[name] *= 0.5
    elif first_pos[leader] < SHORT_TEXT_HEAD_CHARS and len(content) >= SHORT_TEXT_MIN_CHARS:
        # ... so in a short story on one council from its headline, one named twice at most, first in the second
        # half ("The result leaves Wakefield behind some of its neighbours. Rotherham, ..., was rated outstanding")
        counts = Counter(mt.name for mt in mentions)
        for name in scores:
            if name != leader and first_pos[name] > len(content) / 2 and counts[name] <= SHORT_LATE_NAMED_MAX:
                scores[name] *= 0.5
    top = max(scores.values())
    if top < 1.5:
        own = _strip_quotes(content)
        if len(scores) == 1 and set(scores) <= named_outright \
                and (len(_COUNCIL_VOICE_RE.findall(own)) >= 5 or paper_parts(content) >= 3):
            # a council speaking as "we", or its committee paper, naming only itself, once, far down (not a
            # former director's new employer: "now works with Wigan Council")
            return list(scores), 0.5
        return council_of_own_domain(content), 0.3
    chosen = [n for n in scores if scores[n] >= max(1.5, 0.3 * top)]
    chosen.sort(key=lambda n: (-scores[n], first_pos[n]))
    runner_up = max([v for n, v in scores.items() if n not in chosen], default=0.0)
    confidence = 0.9 if top >= 4 and runner_up < 0.2 * top else 0.75 if top >= 3 else 0.6
    return chosen, confidence


# A council's own address ("briefings@nottinghamshire.gov.uk", "democracy.kent.gov.uk"): the label before gov.uk is
# its name. National bodies' addresses are no council's.
_GOV_HOST_RE = re.compile(r"\b([a-z0-9][a-z0-9-]{1,40})\.gov\.uk\b", re.I)
_COUNCIL_BY_HOST = {re.sub(r"[^a-z]", "", name.lower()): name for name in LOCAL_AUTHORITIES}  # "westsussex"
_NATIONAL_HOSTS = frozenset({"www", "ofsted", "education", "dfe", "publishing", "service", "assets", "parliament",
                             "justice", "homeoffice", "nhs", "digital", "data", "ons", "legislation", "gov"})


def council_of_own_domain(content: str) -> list[str]:
    """The council whose name is the host of the page's e-mail or web addresses, for a page naming none outright
    (its committee paper says only "the County Council" and "NCC"); none when another council's (or an unknown
    local) gov.uk host is there too."""
    labels = {m.group(1).lower() for m in _GOV_HOST_RE.finditer(content)} - _NATIONAL_HOSTS
    found = {_COUNCIL_BY_HOST.get(label.replace("-", "")) for label in labels}
    return sorted(found) if len(found) == 1 and None not in found else []


# Between two names of a list: a comma, "and" (or "or"), or a line break (a list set out one name a line).
_LIST_JOIN_RE = rf"{LIST_JOIN}|[^\S\n]*\n\s*"


def _in_long_list(mentions, i: int, content: str) -> bool:
    """Whether mention i belongs to a run of three or more authorities (comma-separated, or one a line)."""
    lo = hi = i
    while lo > 0 and re.fullmatch(_LIST_JOIN_RE, content[mentions[lo - 1].end:mentions[lo].start]):
        lo -= 1
    while hi + 1 < len(mentions) and re.fullmatch(_LIST_JOIN_RE, content[mentions[hi].end:mentions[hi + 1].start]):
        hi += 1
    return hi - lo + 1 >= 3


# ---------------------------------------------------------------- inference: date

_UPDATED_RE = re.compile(r"\b(?:last\s+)?(?:updated|modified)\b", re.I)
_MEETING_BODY_RE = re.compile(r"\b(?:committee|cabinet|council|board|panel|forum|commission|minutes)\b", re.I)
_MEETING_LINE_RE = re.compile(r"\b(?:minutes|agenda|meeting|committee|cabinet|panel)\b", re.I)
_TEMPLATE_MARK_RE = re.compile(r"\b(?:template\s+)?v\d+(?:\.\d+)*\W*$|\btemplate\W*$", re.I)
_NOT_MEETING_DATE_RE = re.compile(r"\b(?:review\w*|printed|version|issued?|effective|expir\w*|updated|next)\b", re.I)


CLOSING_DATE_MIN_CHARS = 3000  # a report's own closing page, not a short page listing reports (a two-page PDF's too)


# (minutes named, not only a line citing them: "Minutes: ... Committee", "Meeting of ... Committee")
_MINUTES_RE = re.compile(r"\bminutes\b(?!\s+published)|^\s*(?:meeting\s+of|record\s+of\s+the\s+meeting)\b", re.I | re.M)


def is_minutes(head: str) -> bool:
    """Whether a text's head (its title and opening) names it as a meeting's minutes."""
    return bool(_MINUTES_RE.search(head))


_MINUTES_PUBLISHED_RE = re.compile(rf"(?:^|\n)[^\S\n]*minutes published\s*(?::|on\b)\s*({_FULL_DATE})", re.I)


_REPORT_PUBLISHED_RE = re.compile(r"\breport published\s*:\s*(\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+(?:19|20)\d\d)\b",
                                  re.I)


_NUMERIC_DATE = r"\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d"  # (day first: "02/05/2025", "28.09.2018")
_REPORT_PUBLISHED_FOOTER_RE = re.compile(rf"(?:^|\n)[^\S\n]*(?:ofsted\s+)?report\s+published[^\S\n]+"
                                         rf"({_NUMERIC_DATE})\b", re.I)


def own_report_published(text: str) -> str | None:
    """The one "Report published: <date>" in a report's opening; None when there is none, or several (a council's
    page listing its inspection reports)."""
    dates = {parse_date(m.group(1)) for m in _REPORT_PUBLISHED_RE.finditer(text[:4000])} - {None}
    return next(iter(dates)) if len(dates) == 1 else None


def infer_date(blocks: list[Block], hints: dict, raw: str = "", doc_type: str = "") -> tuple[str | None, float]:
    """Publication date and a confidence. Structure first: an Ofsted report's 'Report published' line, a
    'published today (date)' statement, a dateline near the headline (optionally 'Published:', 'Updated',
    'Meeting:', a weekday or a byline around it), a letter's date line above its salutation, a date closing
    the headline ('Statement ... – 1st February 2023'), a GOV.UK 'Published'/'Updated' line anywhere.
    Dates inside the story (a visit, a meeting, an earlier judgement) are never taken."""
    if hints.get("date") and hints.get("date_from_markup") and doc_type == "ofsted_report" \
            and (own := own_report_published(raw or "\n".join(b.text for b in blocks))):
        # An inspection report's own "Report published: 16 January 2024" over the page's markup date: a
        # document-sharing site's capture dates its upload there, and a report is cited by its publication.
        return own, 0.95
    if hints.get("date"):
        found = parse_date(hints["date"])
        if found:
            return found, 1.0
    if hints.get("dateline"):  # a byline or date element of an HTML page ("By Jo Bell | Thursday 9 November 2023")
        for part in [hints["dateline"], *re.split(r"\s*[|•·]\s*", hints["dateline"])]:
            found, _prefixed = _dateline(part)
            if found:
                return found, 0.9
        # "By Jo Bell, Local Democracy Reporting Service Thursday, 19 August 2021, 6:00 am Updated Friday, ...":
        # the first date, before any update
        first = re.search(_FULL_DATE, _UPDATED_RE.split(hints["dateline"])[0], re.I)
        if first and parse_date(first.group(0)):
            return parse_date(first.group(0)), 0.85
    content = "\n".join(b.text for b in blocks)
    # Minutes' own "Minutes published: Thursday, 21 November, 2024", under their meeting's date or in their footer
    # (not a story's "Minutes published on 2 February show ...")
    if is_minutes(content[:300] + "\n" + hints.get("page_furniture", "")[:300]):
        m = _MINUTES_PUBLISHED_RE.search(content[:1500]) or _MINUTES_PUBLISHED_RE.search(content[-1500:])
        if m and parse_date(m.group(1)):
            return parse_date(m.group(1)), 0.9
    ofsted_own = doc_type in ("ofsted_letter", "ofsted_report")
    pack_date = None  # (an Ofsted letter or report filed in a committee's pack: the pack's date, only as a last resort)
    for line in hints.get("page_furniture", "").splitlines():  # a Word file's footer: "Ofsted | Issued: 1 March 2024"
        if ofsted_own and _MEETING_LINE_RE.search(line) and not _VISIT_WORD_RE.search(line):
            # a committee pack's running header ("Corporate Parenting Committee | Date of meeting: 12 March 2020 |
            # Appendix B") dates the pack the letter was filed in, not the letter
            dated = re.search(_FULL_DATE, line, re.I)
            pack_date = pack_date or (parse_date(dated.group(0)) if dated else None)
            continue
        if signature := _SIGNATURE_LINE_RE.search(line):
            # minutes' "Chairman ........ Date: 20 March 2024": the day they were signed, at a later meeting (what
            # comes before the signature stays: "Minutes: ... Commission, 12 September 2023  Chair's initials ___")
            line = line[:signature.start()]
        for part in [line, *_FURNITURE_PART_RE.split(line)]:
            found, prefixed = _dateline(part)
            if found and prefixed:
                return found, 0.85
        # a committee paper's running header: "SURREY COUNTY COUNCIL <tab> ... SELECT COMMITTEE <tab> 22 SEPTEMBER 2021"
        # (not a report's running title dating its fieldwork: "Inspection of Wigan Council: 27 June to 8 July 2022");
        # in figures too, with the year in full, on a meeting's line: "Scrutiny Committee - Minutes - 14/09/2023"
        # (not "Corporate Parenting Strategy | Review date: 01/04/2026", "Printed 03/01/2024 - agenda pack")
        # (nor a template's version: "Policy Committee Report Template v2.1 April 2022")
        dated = next((d for d in re.finditer(_FULL_DATE, line, re.I)
                      if not _TEMPLATE_MARK_RE.search(line[:d.start()])), None) or (
            (n := _NUM_RE.search(line)) and len(n.group(3)) == 4 and _MEETING_LINE_RE.search(line)
            and not _NOT_MEETING_DATE_RE.search(line[max(0, n.start() - 25):n.start()]) and n)
        if dated and _MEETING_BODY_RE.search(line) and not _VISIT_WORD_RE.search(line) and parse_date(dated.group(0)):
            return parse_date(dated.group(0)), 0.8
    text = raw or content
    # (also a details table's row, "| Report published | 2 April 2019 |")
    # (and a running footer taken out as page furniture: "Report published 3 May 2022 | ... | page 1")
    m = re.search(r"\breport (?:published|publication date)\s*:\s*(.{6,40})|(?:^|\n)[^\S\n]*\|?\s*report published"
                  r"\s*\|?\s+([^|\n]{6,40})", text[:4000] + "\n" + hints.get("page_furniture", ""), re.I)
    if not m and doc_type == "ofsted_report":
        # (a report's details table read as one line: "... judgement Inadequate Report published 3 July 2023 ...";
        # only a report's own: a council's inspections page lists several reports' dates)
        # (or in figures, day first: "Local authority: Staffordshire Report published 22/08/2025 Full inspection")
        m = re.search(r"\bReport published\s+(\d{1,2}\s+[A-Z][a-z]+\s+(?:19|20)\d\d|\d{1,2}/\d{1,2}/(?:19|20)\d\d)\b",
                      text[:4000])
    m = m and re.match(r"(.*)", next(g for g in m.groups() if g))
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), 0.95
    # a details list's label over its value ("Publication date" / "14 March 2024", a web page's <dt> and <dd>)
    m = re.search(rf"(?:^|\n)[^\S\n]*(?:report published|publication date|date of publication)[^\S\n]*:?[^\S\n]*\n\s*"
                  rf"({_FULL_DATE})[^\S\n]*(?:\n|$)", text[:4000], re.I)
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), 0.9
    # (or "Ofsted has today (Tuesday 16 March 2021) published the report")
    m = re.search(r"\b(?:published|released|issued)\s+today\s*\(([^)]{6,40})\)|"
                  r"\btoday\s*\(([^)]{6,40})\)\s+(?:published|released|issued|announced)\b", content, re.I)
    m = m and re.match(r"(.*)", next(g for g in m.groups() if g))
    if m and parse_date(m.group(1)) and re.search(r"\d{4}", m.group(1)):
        return parse_date(m.group(1)), 0.9
    m = re.search(r"\b(?:this question was )?answered on\s+(.{6,30})", content, re.I)
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), 0.85
    head = _head_blocks(blocks)
    # A committee paper giving both: its publication date, not the meeting's ("Date of meeting: 8 November 2022 /
    # Date of publication: 28 October 2022", "Date of report: 28.09.2018")
    # (or a details table's row: "Date of report | 23 February 2024")
    m = re.search(rf"\b(?:date of publication|publication date|date of (?:the )?report|report date|report dated)"
                  rf"\s*[:|]\s*"
                  rf"({_FULL_DATE}|{_NUMERIC_DATE})\b", "\n".join(b.text for b in head), re.I)
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), 0.9
    # ... or a long report's one "Report published: 19 January 2024" on its closing page, above Ofsted's notice
    # ("This report was published on 13 January 2023." beside it)
    if doc_type == "ofsted_report" and len(text) > CLOSING_DATE_MIN_CHARS:
        closing = [next(g for g in m.groups() if g) for m in re.finditer(
            rf"\breport published\s*:\s*(.{{6,40}})|\bthis (?:report|publication) was published on\s+({_FULL_DATE})|"
            # (or a line of its own, "Published: 15th Mar 2024", above the address and copyright notice)
            rf"(?:^|\n)[^\S\n]*published\s*:\s*({_FULL_DATE})[^\S\n]*(?=\n|$)",
            text[-4000:], re.I)]
        dates = {parse_date(c) for c in closing}  # (both lines, one date: "Report published: ..." and "This ...")
        if len(dates) == 1 and None not in dates:
            return dates.pop(), 0.85
    if doc_type == "ofsted_report":
        # ... or its footer line, in figures day first, on a report of any length: "Ofsted report published
        # 02/05/2025 | Reference 50271104"
        footers = {parse_date(m.group(1)) for m in _REPORT_PUBLISHED_FOOTER_RE.finditer(text[-4000:])}
        if len(footers) == 1 and None not in footers:
            return footers.pop(), 0.85
    # ... or a report's "Publication date: 27 October 2022" opening its last line, above the copyright notice
    # (in figures too, day first: "Date of publication: 03/02/2023   (c) Crown copyright 2023")
    m = re.search(rf"(?:^|\n)\s*(?:date of publication|publication date)\s*:\s*"
                  rf"({_FULL_DATE}|{_NUMERIC_DATE}\b)", content, re.I)
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), 0.85
    # ... or beside the copyright notice: "© Crown copyright 2019. Published 17 June 2019.", "Reference no: 80591
    # Published: 5 June 2024 (c) Crown copyright 2024"
    m = re.search(rf"(?:(?:©|\(c\))\s*)?\bcrown\s+copyright\s+(?:19|20)\d\d\.?\s+published(?:\s+on)?\s*:?\s*({_FULL_DATE})",
                  content, re.I)
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), 0.85
    # (or before it, closing an inspection report: "Reference no: 80591 Published: 5 June 2024 (c) Crown copyright
    # 2024"; not in a council paper carrying the report)
    m = doc_type in ("ofsted_report", "ofsted_letter") and re.search(
        rf"\bpublished(?:\s+on)?\s*:?\s*({_FULL_DATE})\.?\s*(?:©|\(c\))?\s*crown\s+copyright\b", content[-4000:], re.I)
    closing = m and parse_date(re.sub(r"\s+", " ", m.group(1)))
    if closing:
        return closing, 0.85
    for b in head:
        found, _prefixed = _dateline(b.text)
        if found:
            return found, 0.9
    for b in head:  # a label run into its neighbours ("REPORT TO: ... / DATE: 12 March 2024 / CONTACT OFFICER: ...")
        for line in b.text.splitlines()[1:] if "\n" in b.text else []:
            found, prefixed = _dateline(line)
            if found and prefixed:
                return found, 0.85
    head_text = "\n".join(b.text for b in head)[:2000]
    m = _HEAD_DATED_LINE_RE.search(head_text)  # "Minutes - Wednesday 9 June 2021", "Posted in March 2023 by ..."
    m = m or _SECTION_DATE_BYLINE_RE.search(head_text)  # "News · June 2024 · by Yusuf Halloran"
    dated = m and next((g for g in m.groups() if g), None)
    dated = dated and re.sub(r"^(\d{1,2})-(\d{1,2})-(\d\d(?:\d\d)?)$", r"\1/\2/\3", dated)  # ("07-06-23")
    if dated and parse_date(dated):
        return parse_date(dated), 0.8
    # (before the datelines: "23. Minutes of the meeting held on 9 September 2019" below it is the last meeting's)
    m = _MEETING_HELD_RE.search(head_text)
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), 0.8
    for m in _EMBEDDED_DATELINE_RE.finditer(head_text):  # a dateline run into neighbouring lines by extraction
        found = parse_date(m.group(1))
        if found:
            return found, 0.85
    leads = [(b, _LEAD_DATELINE_RE.match(b.text)) for b in head]
    leads = [(b, m) for b, m in leads if m]
    for b, m in leads[:1] if len(leads) == 1 else []:  # (several: a chronology, "20 June 2018 - judged inadequate")
        # a local paper's lead opening on its dateline: "Monday 4 March 2019 - Island children's services have ..."
        if len(b.text.split()) >= 12 and parse_date(m.group(1)):
            return parse_date(m.group(1)), 0.8
    for b in head:  # (page furniture, not a sentence of the story: "Inspectors arrived at 9:30, 14 March 2022, ...")
        m = _CLOCK_DATELINE_RE.search(b.text)
        if m and not _EVENT_LINE_RE.search(b.text) and not re.search(r"[a-z]{3,}[.!?]\s+[A-Z]|[a-z],\s", b.text) \
                and parse_date(m.group(1)):
            return parse_date(m.group(1)), 0.8
    if doc_type == "ofsted_letter" or re.search(r"(^|\s)dear\s", text[:3000], re.I):
        # a letter's date stands alone above the salutation (PDF text may run the letterhead into one line)
        sal = re.search(r"(^|\s)dear\s", text[:3000], re.I)
        if sal:
            before = text[:sal.start()]
            # (day first, in figures or in words: "the fourth of March 2020")
            dates = sorted([*_DMY_RE.finditer(before), *_WORD_DMY_RE.finditer(before)], key=lambda m: m.start())
            if dates and not _NOT_PUBLICATION.search(before[max(0, dates[-1].start() - 40):dates[-1].start()]):
                return parse_date(dates[-1].group(0)), 0.85
        # ... or on its own line under the signature
        signed = list(re.finditer(rf"(?i){_SIGN_OFF}", text))
        if signed:
            for line in text[signed[-1].end():].splitlines()[1:7]:
                if _DMY_RE.fullmatch(line.strip()):
                    return parse_date(line.strip()), 0.75
    for b in head[:4]:
        m = re.search(rf"[-–—|:]\s*({_FULL_DATE})\s*$",
                      b.text, re.I)
        if m and len(b.text) < 200 and not _RANGE_END_RE.search(b.text[:m.start(1)]):
            return parse_date(m.group(1)), 0.8
    m = _MEETING_ON_RE.search(head_text)  # "Cabinet Meeting on Wednesday 17 November 2021"
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), 0.8
    # a letter's running footer: "Ofsted monitoring visit letter | 24 August 2015 | Page 1" (in the text, or taken
    # out of it as page furniture)
    found = _running_date(hints.get("page_furniture", ""), once=True) or _running_date(content) or _running_date(raw)
    if found:  # (a text file's footer, which cleaning took out of the content, is in the raw text)
        return found, 0.75
    # ... or printed minutes' running footer: "Suffolk County Council - Corporate Parenting Board - 23 January 2024 -
    # Minutes   Page 3 of 3" (the meeting's date)
    m = _MINUTES_FOOTER_RE.search(content) or _MINUTES_FOOTER_RE.search(hints.get("page_furniture", ""))
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), 0.75
    # a bulletin's masthead: "Calderdale Council | Children and Families Update | May 2025" (or a briefing's running
    # header, "Member Briefing | March 2024")
    for text in [b.text for b in head[:4]] + hints.get("page_furniture", "").splitlines()[:3]:
        m = re.search(rf"\|\s*({MONTH_ANY}\s+{_YEAR})\s*$", text, re.I)
        if m and len(text) < 120 and not _VISIT_WORD_RE.search(text) \
                and not _NOT_MEETING_DATE_RE.search(text[:m.start(1)]) \
                and not re.search(r"(?i)\b(?:valid|until)\b", text):
            # (not "Fostering Policy | Next review | March 2026", "OFFICIAL | Valid until | March 2026")
            return parse_date(m.group(1)), 0.5
    updated = None  # a page's "Last updated: ...": when nothing else dates it, better than nothing
    for b in blocks:
        # (a dateline may open a paragraph: "Published: 8 March 2023. This is ...")
        found, prefixed = _dateline(b.text)
        if not found:
            found, prefixed = _dateline(re.split(r"(?<=\d{4})\.\s", b.text, maxsplit=1)[0])
        if not (found and prefixed):  # ... or ends a run of short furniture: "Was this page helpful? Yes No Date: 28/07/2021"
            # (only after a feedback or sharing widget's words: "Inspection date: ..." dates no publication)
            # (or "This article was first published on 3 June 2021")
            # (or a byline before it: "By Kiran Doyle, Local Democracy Reporter Updated: 07.06.23 | 17:42")
            # (or a site's name and section: "Fratton & Southsea Community Voice - News - Published 22.07.22")
            tail = re.match(rf"(?i)((?:(?:yes|no|share|print|email|facebook|twitter|linkedin|x)\s+){{2,}}|"
                            rf"this (?:article|story|page|post|item) (?:was|is) |"
                            rf"(?:[^\n]{{1,60}}?\s[-–—·•]\s+){{1,3}}(?=(?:published|posted)\b)|"
                            rf"by\s+(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}}),?[^|\n]{{0,60}}?\s)"
                            rf"({_DATELINE_PREFIX}\s*\S.*)$", b.text.strip())
            if tail:
                found, prefixed = _dateline(tail.group(2))
        if found and prefixed and _LAST_UPDATED_RE.match(b.text):
            updated = updated or found
        elif found and prefixed and not (_NOUN_DATELINE_RE.match(b.text) and b not in head):
            # (a listed report's "Letter published 01/02/2024" in a page's body is that letter's date: a document's
            # own noun before its dateline counts only at its top or in its running footer)
            return found, 0.7  # e.g. GOV.UK's "Published 27 March 2015" under the page body
    for b in head[:6]:
        if len(b.text.split()) >= 25:
            break
        if _MY_RE.fullmatch(b.text.strip()):  # a briefing's month alone under its title ("March 2024")
            return parse_date(b.text), 0.5
        m = _COVER_MONTH_RE.search(b.text)  # a cover's publisher and month run into one line ("Runaway Routes
        # (not a quotation's source: "Sir Martin Narey, DfE, July 2016")
        named = b.text[:m.start(1)].rstrip() if m else ""
        if m and len(b.text.split()) <= 8 and not _NOT_COVER_MONTH_RE.search(b.text) \
                and not (named.endswith(",") and "," in named[:-1]) and not any(  # February 2020")
                rx.search(re.sub(r"(?i)\binspectorate\b", "", b.text))  # (the publisher's name is no visit)
                for rx in (_NOT_PUBLICATION, _VISIT_WORD_RE, _PERIOD_BLOCKERS_RE, _EVENT_LINE_RE)):
            return parse_date(m.group(1)), 0.5
        m = _LABELLED_MONTH_RE.search(b.text)  # "... Briefings BRIEFING | October 2023" (short lines run together)
        if m:
            return parse_date(m.group(1)), 0.5
        m = _SECTION_DATE_LINE_RE.search(b.text)  # "Issue 7 · May 2025 · Practice Improvement Team"
        if m and not _TEASER_LABEL_RE.match(b.text) and not _DATE_LABEL_BEFORE_RE.search(b.text[:m.start(1)]) \
                and not any(rx.search(b.text) for rx in (_NOT_PUBLICATION, _VISIT_WORD_RE, _EVENT_LINE_RE)):
            return parse_date(m.group(1)), 0.5
    # ... or the document's last words, on its back page: "Approved by the Partnership Board on 24 September 2025.
    # Published October 2025." (not a story's "the report, published in October 2025, found ..." mid-text; after a
    # cover's own month, which a closing reference to another paper does not outrank)
    m = _CLOSING_PUBLISHED_RE.search(blocks[-1].text) if blocks else None
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), 0.7
    for m in _EMBEDDED_DATELINE_RE.finditer(content):
        found = parse_date(m.group(1))
        if found and _LAST_UPDATED_RE.match(m.group(0)):
            updated = updated or found
        elif found:
            return found, 0.7
    for b in head:  # a date run into page furniture near the top: "Copy link About sharing 9 June 2022"
        found = _furniture_date(b.text)
        if found:
            return found, 0.5
    if doc_type == "council_page" and _MEETING_TITLE_RE.search(title := hints.get("page_title", "")):
        # a meeting's page whose date line the main-text extraction dropped, still in its <title>: "Minutes -
        # Children and Education Scrutiny Sub-Committee, Tuesday, 10th June, 2025 6.30 p.m. - X Council"
        m = _FURNITURE_DATE_RE.search(title)
        if m and parse_date(m.group(0)) and not _RANGE_END_RE.search(title[:m.start()]):
            return parse_date(m.group(0)), 0.5
    # a committee paper with no date of its own but the decision it goes to ("Date of Decision | 16/09/2024" on a
    # policy committee's cover; a meeting's or publication date, read above, comes first)
    m = re.search(rf"\b(?:date of (?:the )?decision|decision date)\s*[:|]\s*({_FULL_DATE}|{_NUMERIC_DATE})\b",
                  "\n".join(b.text for b in head), re.I)
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), 0.6
    if hints.get("url_date"):  # (see convert.convert_html: a news site files a story under its day)
        return hints["url_date"], URL_DATE_CONFIDENCE
    if found := _yearless_dateline(head, hints, raw or content):  # (the copyright line may be cleaned out)
        return found, 0.6
    if updated:
        return updated, UPDATED_DATE_CONFIDENCE
    # ... or its last review, closing it ("Page last reviewed: 14 August 2025"), when nothing else dates it
    reviewed = [m.group(1) for m in _PAGE_REVIEWED_RE.finditer((raw or content)[-2000:])]
    if reviewed and parse_date(reviewed[-1]):
        return parse_date(reviewed[-1]), UPDATED_DATE_CONFIDENCE
    if hints.get("date_modified"):  # only the page's update time: better than nothing, said with less confidence
        return parse_date(hints["date_modified"]), UPDATED_DATE_CONFIDENCE
    if pack_date:  # an undated letter in a committee's pack: no later than the meeting it went to
        return pack_date, 0.4
    return None, 0.0


_FURNITURE_DATE_RE = re.compile(_FULL_DATE, re.I)
# A footer's cell naming another date than the document's, just before it ("Target date | 31/03/2026", "Go live |
# 01/04/2026", "Consultation closes | 31/03/2025")
_OTHER_DATE_CELL_RE = re.compile(r"\b(?:date|deadline|due|target|closes?|closing|live|implementation|effective|"
                                 r"commenc\w*|start\w*|valid|renew\w*|review\w*|expir\w*|draft|as\s+at|until|by)\s*$",
                                 re.I)


def _running_date(text: str, once: bool = False) -> str | None:
    """The date a running footer or header gives ("Norfolk County Council ILACS | 08/03/2024 | Page 1 of 2"). With
    more cells before the date or a two-digit year, taken from a page's text (not its furniture, `once`) only when it
    runs on two pages or more: a contents table's row ("4 | Ofsted focused visit letter | 14 November 2023 | Page 12")
    is there once."""
    dates, runs, plain = set(), 0, False
    for m in _RUNNING_DATE_RE.finditer(text or ""):
        before = m.group(0)[:m.start(1) - m.start(0)]
        cell = before.rstrip().rstrip("|").rpartition("|")[2]
        if _NOT_MEETING_DATE_RE.search(before) or _OTHER_DATE_CELL_RE.search(cell) or not parse_date(m.group(1)):
            continue  # (not a policy's "Review date | 01/04/2026 | Page 1")
        dates.add(parse_date(m.group(1)))
        runs += 1
        plain = plain or (before.count("|") == 1 and bool(re.search(r"(?:19|20)\d\d\s*$", m.group(1))))
    return dates.pop() if len(dates) == 1 and (once or plain or runs >= 2) else None


_PAGE_REVIEWED_RE = re.compile(rf"(?im)^[^\S\n]*(?:this\s+)?page\s+(?:was\s+)?last\s+reviewed(?:\s+on)?\s*:?\s*"
                               rf"((?:{WEEKDAY})?\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_ANY},?\s+(?:19|20)\d\d)\b")
# A dateline without its year ("Saturday 3 May", "News | 27 Aug", "Posted: Wednesday 15 October", a cover's "Date |
# Thursday 16 October"): the year is the one that fits what else dates the page, and its weekday where it gives one.
_YEARLESS_DAY_RE = re.compile(rf"\b(?:((?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+"
                              rf"{MONTH_ANY}(?![\w'’-])(?!,?\s*['’]?(?:19|20)?\d\d\b)", re.I)
# (a page's copyright line, "(c) 2025 Black Country Chronicle", "© Bristol City Council 2025")
# (of a range, its last: "© 2010-2025 Rutland County Council", "© 2010-25")
_COPYRIGHT_YEAR_RE = re.compile(r"(?:©|\(c\)|\bcopyright\b)[^\S\n]*(?:[^\n\d]{0,60}?[^\S\n])?"
                                r"((?:19|20)\d\d)(?:[^\S\n]*[-–][^\S\n]*((?:19|20)?\d\d))?\b", re.I)
_SAVED_KEYS = ("clipped", "saved", "captured", "retrieved", "accessed", "downloaded", "archived")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _year_of_yearless(day: int, month: int, weekday: str | None, hints: dict, content: str) -> int | None:
    """The year a yearless dateline's day falls in: on or before the day a clipping was saved (its front matter's
    "clipped: 2025-09-04"), else in the page's copyright year or the one before, else nearest a Word file's last
    save; where a weekday is given, the one it falls on. None when nothing dates the page."""
    def fits(year: int) -> date | None:
        try:
            day_of = date(year, month, day)
        except ValueError:
            return None
        return day_of if weekday is None or day_of.weekday() == _WEEKDAYS.index(weekday[:3].lower()) else None

    saved = next((parse_date(hints[k]) for k in _SAVED_KEYS if hints.get(k) and parse_date(hints[k])), None)
    if saved:
        found = [d for y in (int(saved[:4]), int(saved[:4]) - 1) if (d := fits(y)) and d.isoformat() <= saved]
        return found[0].year if found else None
    years = [int(first[:2] + last[-2:]) if last else int(first)
             for first, last in _COPYRIGHT_YEAR_RE.findall(content[-3000:])]
    changed = parse_date(hints.get("date_modified") or "")  # (no later than the page's last change)
    if years:
        return next((y for y in (max(years), max(years) - 1)
                     if (d := fits(y)) and not (changed and d.isoformat() > changed)), None)
    modified = parse_date(hints.get("file_modified") or "")
    if modified and weekday:  # (a file's save date alone, without a weekday to fix the year, is too weak)
        at = date.fromisoformat(modified)
        found = sorted((d for y in (at.year - 1, at.year, at.year + 1) if (d := fits(y))), key=lambda d: abs(d - at))
        return found[0].year if found else None
    return None


def _yearless_dateline(head: list[Block], hints: dict, content: str) -> str | None:
    """The date of a dateline at the page top that gives no year, its year found by `_year_of_yearless`."""
    for b in head:
        m = _YEARLESS_DAY_RE.search(b.text) if len(b.text) <= 120 else None
        year = m and _year_of_yearless(int(m.group(2)), _month(m.group(3)), m.group(1), hints, content)
        if year:
            found, _prefixed = _dateline(f"{b.text[:m.end()]} {year}{b.text[m.end():]}")
            if found:
                return found
    return None


_CLOSING_PUBLISHED_RE = re.compile(rf"(?:^|[.!?]\s+)(?:first\s+)?published\s*:?\s*(?:on\s+|in\s+)?"
                                   rf"((?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_ANY}\s+(?:19|20)\d\d)\.?\s*$", re.I)
_MEETING_TITLE_RE = re.compile(r"\b(?:minutes|agenda|meeting|committee|sub-committee|cabinet|panel|board|forum|"
                               r"council\s+meeting)\b", re.I)
_EVENT_LINE_RE = re.compile(r"\b(join us|book (now|your)|applications? close|closing|on[- ]?site|conference|starts?|"
                            r"begins?)\b", re.I)
_RANGE_END_RE = re.compile(r"\d(?:st|nd|rd|th)?\s*(?:[-–—]|to|and|until)\s*$", re.I)


def _furniture_date(text: str) -> str | None:
    """The first full date in a short block of page furniture near the top (share links, a byline, a meeting's
    "Held on" line), when it is not a visit's or an event's date, nor the end of a range of days."""
    s = text.strip()
    if re.search(r"[a-z]{3,}[.!?]\s+[A-Z]", s):
        return None  # a sentence of the story, not furniture
    if any(rx.search(s) for rx in (_NOT_PUBLICATION, _VISIT_WORD_RE, _PERIOD_BLOCKERS_RE, _EVENT_LINE_RE)):
        return None  # "Ofsted last inspected our services on 12 March 2019", "Join us on 12 March"
    for m in _FURNITURE_DATE_RE.finditer(s):
        if len(s.split()) > 16 and (len(s[:m.start()].split()) > 3 or re.search(r"[.!?,;]", s)):
            return None  # a long block: only a date opening furniture ("12 March 2020 Share this with Facebook ..."),
            # not "Published on 7 January 2019, this judgement represents ..."
        if _RANGE_END_RE.search(s[max(0, m.start() - 40):m.start()]):
            continue
        return parse_date(m.group(0))
    return None


# ---------------------------------------------------------------- inference: period and visit

_VISIT_WORD_RE = re.compile(r"\b(visit\w*|revisit\w*|inspect\w*|fieldwork|on-?site|conducted|carried out|"
                            r"took place|undertaken)\b", re.I)
_HAPPENED_RE = re.compile(r"\b(took place|carried out|conducted|undertaken|visited|inspected)\b", re.I)
# (also a paper's subject, "Ofsted monitoring visit, 10 and 11 December 2019")
_PERIOD_TRIGGER_RE = re.compile(r"\b(between|from|on|during|over|(?:inspectors?|HMIs?|team|they|we)\s+spent|dates?:?|"
                                r"fieldwork:?|(?:monitoring|focused)\s+visit\s*,|(?:on-?)?site\s+visits?:?)\s*$",
                                re.I)
# ... a title naming its visit and what it looked at before the dates: "Ofsted monitoring visit to care leavers'
# services, 6 and 7 February 2024" (the trigger above sees only the 40 characters before the date)
_VISIT_NAMED_RE = re.compile(r"\b(?:monitoring|focused)\s+visit\s+to\s+[^,.\n]{3,60},\s*$", re.I)
_PERIOD_BLOCKERS_RE = re.compile(r"\b(next|scheduled|will|planned|published|notice|letter dated|judged|rated|"
                                 r"meeting|announced|issued|notif\w*|asked|answered|due|"
                                 # a council's own history: "visits before it was abolished on 31 March 2023" (a
                                 # passive verb: "the newly formed trust, on 6 and 7 June" is visited then)
                                 r"(?:was|were|been|is|are)\s+(?:abolished|replaced|dissolved|established|created|"
                                 r"formed|launched|appointed)|"
                                 # a paper about it, before a committee: "the inspection report was considered by
                                 # this Committee on 20 January 2022"
                                 r"(?:considered|discussed|debated|presented|received)\s+(?:by|at|to)\s+(?:the|this|a|its)\s+"
                                 r"(?:[\w-]+\s+){0,3}?(?:committee|panel|board|cabinet|council|meeting)\b)\b", re.I)


# a change of body on its own date: "the transfer of children's social care to the trust on 1 April 2022", "will go
# live on ..." (read only in the clause just before the date: "the company to which services were transferred in
# 2021, on 5 and 6 June 2023" dates the visit)
_BODY_CHANGE_RE = re.compile(r"\b(?:transfer\w*|go(?:es)?\s+live|went\s+live|handover)\b", re.I)
_PAPER_DATE_LABEL_RE = re.compile(r"^\W*(?:(?:report\s+)?title(?:\s+of\s+(?:the\s+)?(?:report|paper))?|(?:report\s+)?"
                                  r"subject)\s*[:|].*\bdates?\s*[:|]\s*$", re.I)
NUMBERED_VISIT_CHARS = 60  # a visit named this close before the dates is theirs
_NUMBERED_VISIT_RE = re.compile(rf"\b{ORDINAL_RE}\s+(?:ofsted\s+)?(?:monitoring\s+)?visit\b", re.I)


def infer_period(content: str, ref_date: str | None = None,
                 visit: int | None = None) -> tuple[tuple[str, str] | None, float]:
    """Fieldwork dates the document reports on, with a confidence: a report's 'Inspection dates:' line, else
    the first 'visit/inspection ... on/between/from <dates>' in a sentence about the visit (of a document on a
    numbered `visit`, not one naming another: "The first monitoring visit, on 12 and 13 February 2019, looked at
    ..." in a paper on the second). A range written without a year takes the year from the document's date
    (lower confidence)."""
    # (or a details list's label on its own line: "Date of visit" above "14 June 2022")
    # ("Inspection date  22/06/2021": a details table's cells set apart by spaces, or on lines of their own)
    # (not another visit's: "Previous inspection date", "Next inspection date")
    for m in re.finditer(r"(?<!previous )(?<!next )(?<!last )(?<!prior )\b(?:inspection|visit|fieldwork)\s+dates?"
                         r"(?:\s*[:|]|[^\S\n]{2,}|\t)\s*(.{6,70})|(?:^|\n)[^\S\n]*(?:inspection|visit)\s+dates?[^\S\n]*\n\s*(.{6,70})|"
                         r"(?:^|\n)[^\S\n]*(?:inspection\s+|visit\s+)?dates?\s+of\s+(?:the\s+)?(?:visit|inspection|fieldwork)"
                         r"[^\S\n]*(?::|\||\n)\s*(.{6,70})", content, re.I):
        value = m.group(1) or m.group(2) or m.group(3)
        line_start = content.rfind("\n", 0, m.start()) + 1
        if _PAPER_DATE_LABEL_RE.search(content[line_start:m.end() - len(value)]):
            continue  # "Report title: Ofsted focused visit Date: 5 February 2025": the paper's date, not a "visit date"
        got = _first_range(value, None, anchored=True)
        if got:
            return (got[0], got[1]), 0.95
        day = re.match(r"\s*(\d{1,2}/\d{1,2}/(?:19|20)\d\d)\b", value)
        if day and parse_date(day.group(1)):
            return (parse_date(day.group(1)), parse_date(day.group(1))), 0.9
    # a range wrapped after its dash or "and" ("26–\n27 May", "28 February and\n1 March 2017")
    content = re.sub(r"(\d\s*[-–—]|\d(?:st|nd|rd|th)?(?:\s+[A-Za-z]+)?\s+(?:and|to))[^\S\n]*\n\s*(?=\d)", r"\1 ", content)
    # PDF text breaks lines mid-sentence: a line not ending a sentence runs on into the next
    content = re.sub(r"(?<=[a-z,])[^\S\n]*\n(?=[^\S\n]*[a-z0-9])", " ", content)
    content = re.sub(r"\b(to|of|on|and|the|in|at|for|with|by)[^\S\n]*\n(?=[^\S\n]*\w)", r"\1 ", content)
    # ... and a line ending inside a name a preposition opened runs on into its next word ("monitoring visit to the
    # London" / "Borough of Bexley children's services on 16 and 17 October 2018")
    content = re.sub(r"(?m)^([^\n]{40,}\b(?:to|of|in|for|at|by|from)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)"
                     r"[^\S\n]*\n(?=[^\S\n]*(?:[A-Z][a-z]+\s+){0,2}(?:Council|County|Borough|City|Metropolitan|"
                     r"children['’]s)\b)", r"\1 ", content)

    def scan(own_visit_only: bool):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"‘'])|\n+", content):
            if not _VISIT_WORD_RE.search(sentence) or re.search(r"\bmeeting\b", sentence, re.I):
                continue
            if re.match(r"\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?(?:members|councillors|committee|mps|"
                        r"(?:the\s+)?minister)\b(?:(?!\b(?:inspectors?|ofsted|hmi)\b)[^.]){0,60}\bvisited\b",
                        sentence, re.I):
                continue  # "Members of the Select Committee visited the MASH on 3 July": no inspection
            for rx, kind in ((_RANGE_DMY_RE, "dmy"), (_RANGE_MDY_RE, "mdy"), (_RANGE_NUM_RE, "num"),
                             (_SINGLE_DMY_RE, "single")):
                for rm in rx.finditer(sentence):
                    before = sentence[max(0, rm.start() - 40):rm.start()]
                    if not (_PERIOD_TRIGGER_RE.search(before)
                            or re.match(r"\s*between\s*$", sentence[:rm.start()], re.I)
                            or _VISIT_NAMED_RE.search(sentence[max(0, rm.start() - 90):rm.start()])):
                        continue
                    named = {ordinal_value(m.group(1)) for m in _NUMBERED_VISIT_RE.finditer(
                        sentence[max(0, rm.start() - NUMBERED_VISIT_CHARS):rm.start()])} if visit else set()
                    if named and visit not in named or own_visit_only and visit not in named:
                        continue  # another visit's dates ("The first monitoring visit, on 12 and 13 February ...")
                    if _PAPER_DATE_LABEL_RE.search(sentence[:rm.start()]):
                        continue  # a paper's own date beside its title: "Report title: Ofsted focused visit ... Date:"
                    # (what stands between the last word for a visit and the dates: "the findings of Ofsted monitoring
                    # visits to date, and arrangements for the transfer of children's social care to the trust on 1
                    # April 2022" dates the transfer)
                    visits = [v.end() for v in _VISIT_WORD_RE.finditer(sentence, 0, rm.start())]
                    since_visit = sentence[visits[-1]:rm.start()] if visits and rm.start() - visits[-1] > 40 \
                        else ""
                    since_visit = re.split(r"[,;]", since_visit)[-1]  # (a clause between commas describes the visit)
                    # "judged inadequate on 5 May", "notification of the inspection on 2 June" are not visits; "the
                    # visit since it was judged inadequate took place on 5 May" is: the verb nearest the date decides
                    if _blocked(before, _PERIOD_BLOCKERS_RE) \
                            or _blocked(since_visit, _PERIOD_BLOCKERS_RE, _BODY_CHANGE_RE):
                        continue
                    got = _range_from_match(rm, kind, ref_date)
                    if got:
                        return (got[0], got[1]), 0.6 if got[2] else 0.85
        return None

    # A paper on a numbered visit may recall the full inspection before it ("Ofsted inspected ... between 6 and 17
    # November 2023"; then "Ofsted carried out its first monitoring visit on 14 and 15 May 2024"): the sentence naming
    # its own visit dates it, before any other
    return (scan(True) if visit else None) or scan(False) or (None, 0.0)


def _blocked(stretch: str, *blocking: re.Pattern) -> bool:
    """Whether a word blocking a visit's dates comes after the last verb telling the visit happened."""
    last_block = max((m.start() for rx in blocking for m in rx.finditer(stretch)), default=-1)
    last_happened = max((m.start() for m in _HAPPENED_RE.finditer(stretch)), default=-1)
    return last_block >= 0 and last_happened < last_block


def _first_range(text: str, ref: str | None, anchored: bool = False):
    for rx, kind in ((_RANGE_DMY_RE, "dmy"), (_RANGE_MDY_RE, "mdy"), (_RANGE_NUM_RE, "num"),
                     (_SINGLE_DMY_RE, "single")):
        m = rx.match(text.strip()) if anchored else rx.search(text)
        if m:
            got = _range_from_match(m, kind, ref)
            if got:
                return got
    return None


_VISIT_NUMBER_RES = [
    # not "it was the first time inspectors had visited in person"
    # (or "The latest visit was the third such visit")
    (re.compile(rf"\b(?:this|it|the\s+(?:latest\s+|most\s+recent\s+)?visit)\s+(?:was|is)\s+(?:the|their|its)\s+"
                rf"{ORDINAL_RE}\b(?!\s+time\b)", re.I), 0.9),
    (re.compile(rf"\b{ORDINAL_RE}(?:\s+and\s+final)?\s+(?:ofsted\s+)?(?:monitoring|follow[- ]up)\s+visit\b", re.I), 0.85),
    (re.compile(rf"\b{ORDINAL_RE}\s+and\s+final\s+visit\b", re.I), 0.85),
    # a council's short form: "Ofsted monitoring visit (MV3)", "West Sussex - MV2 letter"
    (re.compile(r"\bMV[\s-]?(\d{1,2})\b"), 0.75),
    # ... or a paper's title: "Ofsted monitoring visit 3 (children in care)", "Ofsted monitoring visit 1 - feedback",
    # the number ending its line or followed by a bracket, a colon or a dash and words (not its dates, "monitoring
    # visit 10 and 11 October", "visit 5 — 6 June"; nor a count, "the monitoring visit 4 areas for improvement"; nor
    # a numbered paragraph after a heading, "Next Ofsted monitoring visit 7.1 The second ...")
    (re.compile(r"\bmonitoring[^\S\n]+visit[^\S\n]+(\d{1,2})(?=[^\S\n]*(?:$|[(:]|[-–—][^\S\n]+[A-Za-z]))",
                re.I | re.M), 0.75),
    # ("Inspectors visited in March for what was the third of the quarterly checks on the council's progress")
    # (not "the second of the DBS checks on new staff")
    (re.compile(rf"\bvisit(?:ed)?\b[^.]{{0,80}}\bthe\s+{ORDINAL_RE}\s+of\s+(?:(?:the|its|their)\s+)?(?:[\w-]+['’]s\s+)?"
                rf"(?:(?:\w+\s+)?(?:monitoring\s+)?visits|(?:quarterly|monitoring|progress)\s+checks)\b", re.I), 0.8),
    # "Ofsted carries out quarterly monitoring visits ... The October visit was the fourth of these" (the visits
    # named just before: see infer_visit_number)
    (_OF_THESE_RE := re.compile(rf"\b(?:the|this|that)\s+(?:(?!focus+ed\b|joint\b)\w+\s+)?visit\s+(?:was|is)\s+the\s+"
                                rf"{ORDINAL_RE}\s+of\s+"
                                rf"(?:these|them|those)\b", re.I), 0.85),
    # the page's subject said to be one: "The letter ... is the fourth of the monitoring visits Ofsted carries out"
    (re.compile(rf"\b(?:is|was)\s+the\s+{ORDINAL_RE}\s+of\s+(?:(?:its|their|the|ofsted['’]s)\s+(?:\w+\s+)?|"
                rf"a\s+series\s+of\s+)monitoring\s+visits\b", re.I), 0.9),
    # "for the fourth of its monitoring visits since ...", "made their fourth visit since the council was judged"
    # ("for the second of a series of monitoring visits")
    (re.compile(rf"\bthe\s+{ORDINAL_RE}\s+of\s+(?:(?:its|their|the|ofsted['’]s)\s+(?:\w+\s+)?|a\s+series\s+of\s+)"
                rf"monitoring\s+visits\b", re.I), 0.8),
    # (not "first": "the first visit since the pandemic" is any visit; nor a focused visit or a JTAI, below)
    (_VISIT_SINCE_RE := re.compile(rf"\b(?!first\b){ORDINAL_RE}\s+(?:ofsted\s+)?visit\s+since\b", re.I), 0.8),
    # a headline opening on its number: "Fourth Ofsted visit finds care planning drift persists", "Fourth
    # monitoring letter finds a more stable workforce"
    (re.compile(rf"(?m)^[^\S\n]*(?![Ff]irst\b)(?i:{ORDINAL_RE})\s+(?:(?:Ofsted\s+)?[Vv]isit|"
                rf"(?:Ofsted\s+)?[Mm]onitoring\s+(?:[Vv]isit|[Ll]etter))\b"), 0.8),
    # the story's letter counted: "Their letter, published last week, is the fourth since Plymouth was rated
    # inadequate" (the inspectors' or Ofsted's monitoring letter, since an inadequate judgement, as the visit counts
    # below; not a commissioner's letter to the minister, nor a focused visit's)
    (_LETTER_COUNTED_RE := re.compile(rf"\b(?:monitoring|ofsted['’]s|inspectors['’]|their)\s+letter\b"
                                      rf"[^.]{{0,60}}?\b(?:is|was)\s+the\s+(?!first\b){ORDINAL_RE}\s+since\b"
                                      rf"(?=[^.]{{0,90}}\binadequate\b)", re.I), 0.85),
    # "its second monitoring visit since the borough's services were judged inadequate": the page's own subject
    # (not "The third monitoring visit since the inspection looked at ...", which may recall an earlier one)
    (re.compile(rf"\b(?:its|their|this)\s+{ORDINAL_RE}\s+(?:ofsted\s+)?monitoring\s+visit\s+since\b", re.I), 0.9),
    # a story's own event told as an act: "Ofsted made its second monitoring visit to Southend ... on November 7
    # and 8" (beside a recalled "The first monitoring visit, in May, looked at ...")
    (_MADE_VISIT_RE := re.compile(rf"\b(?:made|paid|carried\s+out|conducted|completed|undertook)\s+(?:its|their)\s+{ORDINAL_RE}\s+"
                rf"(?:ofsted\s+)?monitoring\s+visit\b(?![^.]{{0,80}}\b(?:and|then)\s+(?:its|their|a|the)\s+{ORDINAL_RE}\b)",
                re.I), 0.9),
    # "Ofsted's latest monitoring visit – the third since the damning inspection": the story's own visit, numbered
    (re.compile(rf"\b(?:latest|most recent|recent|new)\s+(?:ofsted\s+)?monitoring\s+visit"
                rf"\s*[–—,(-]+\s*the\s+{ORDINAL_RE}\s+(?:since|of)\b", re.I), 0.9),
    # ... to a named council: "its latest monitoring visit to Kingston upon Hull City Council – the fourth since ..."
    # (a place's name, then only "since": "to Rutland, the third of the region's councils to be rated" is no visit)
    (re.compile(rf"\b(?:latest|most recent|recent|new)\s+(?:ofsted\s+)?monitoring\s+visit\s+to\s+(?:the\s+)?"
                rf"(?-i:[A-Z][\w'’.-]*)(?:\s+(?:upon|on|and|of|the|in|under|(?-i:[A-Z][\w'’.-]*))){{0,7}}"
                rf"\s*[–—,(-]+\s*the\s+{ORDINAL_RE}\s+since\b", re.I), 0.9),
    # "The monitoring visit, the first since the inadequate rating last July, took place ...": a story's subject
    (re.compile(rf"(?m)(?:^|[.!?]\s+)(?:The|This)\s+(?:Ofsted\s+)?monitoring\s+visit\s*[–—,(-]+\s*the\s+{ORDINAL_RE}\s+"
                rf"(?:since|of)\b"), 0.85),
    # ... or "The visit, the third since the service was judged inadequate" (not "the first since the pandemic")
    (re.compile(rf"(?m)(?:^|[.!?]\s+)(?:The|This)\s+visit\s*[–—,(-]+\s*the\s+(?!first\b){ORDINAL_RE}\s+since\b"
                rf"(?=[^.]{{0,60}}\b(?:judged|rated|found|graded|inadequate|inspection)\b)"), 0.8),
    # ... or "The letter follows a two-day visit by inspectors in September - the third since the council's
    # children's services were judged inadequate" (after set58 was read: a visit, a dash, then the count from an
    # inadequate judgement; not "the first since the pandemic", nor a focused visit)
    (re.compile(rf"\b(?<!focused )(?<!focussed )visit\b[^.\n]{{0,60}}?\s[–—-]\s*the\s+(?!first\b){ORDINAL_RE}\s+since\b"
                rf"(?=[^.]{{0,90}}\binadequate\b)", re.I), 0.8),
    # ... or "The visit, which took place in March, was the fourth since Ofsted judged the council's services ..."
    # (since an inadequate judgement: "the first since Ofsted rated the council good" is no monitoring visit)
    (re.compile(rf"(?m)(?:^|[.!?]\s+)(?:The|This)\s+(?:monitoring\s+)?visit\b[^.]{{0,60}}?\b(?:was|is)\s+the\s+"
                rf"{ORDINAL_RE}\s+since\b(?=[^.]{{0,90}}\binadequate\b)"), 0.8),
]


# A visit named after these is another one than the page's: "than at the time of the first monitoring visit",
# "since the last monitoring visit in February 2017", "the next monitoring visit". (Not "following the third
# monitoring visit": a story's way to name the visit it reports.) "progress since MV1 in April" too.
# (or a finding recalled from it: "the improvement noted at the fourth monitoring visit had been sustained"; not
# "Inspectors found during the fourth monitoring visit ...", how a story names its own)
# (a visit a season back, "last summer"; a month last year only of the final visit, "our eighth and final monitoring
# visit in June last year": a story in January on its own visit says "the third monitoring visit in December last
# year"; nor "last week", "last month", which a story on the visit itself may say)
_RECALLED_SEASON_RE = re.compile(r",?\s*(?:visit\s+)?,?\s*last\s+(?:summer|spring|autumn|winter)\b")
_RECALLED_MONTH_RE = re.compile(r"\s*(?:visit\s+)?(?:in|on)\s+(?:\d{1,2}\s+)?[A-Z][a-z]+\s+last\s+year\b")
_REFERS_ELSEWHERE_RE = re.compile(r"\b(?:next|previous|last|earlier|prior|since(?:\s+(?:its|the|their))?|"
                                  r"(?:time\s+of|before)\s+(?:the|its|their)|"
                                  r"noted\s+(?:at|during)\s+(?:the|its|their))\s+$", re.I)
# "the sixth monitoring visit to children's services in Sandwell since they were judged inadequate in 2016" (not
# "the third visit since the trust took over")
_COUNTED_FROM_JUDGEMENT_RE = re.compile(r"[^.]{0,80}?\bsince\b[^.]{0,60}?\b(?:judged|rated|graded|found)\s+(?:to\s+be\s+)?"
                                        r"(?:as\s+)?['‘\"“]?inadequate", re.I)
FIRST_SINCE_OTHER_CONFIDENCE = 0.6
# (the visit's place may come between: "the first monitoring visit to Slough since ...")
_FIRST_SINCE_OTHER_RE = re.compile(r"(?:\s+(?:ofsted\s+)?(?:monitoring\s+)?visit)?(?:\s+to\s+[^.]{1,60}?)?\s+since\b"
                                   r"(?!(?:[^.]|\.(?=\w)){0,100}\b(?:judged|rated|graded|found|inadequate|inspect\w*|"
                                   r"ilacs|sif|judge?ments?)\b)", re.I)
_NOT_MONITORING_RE = re.compile(r"\s+(?:\w+\s+)?(?:focus+ed|joint|jtai|inspection)\b", re.I)


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1


def _sentence_at(text: str, at: int) -> str:
    start = _sentence_start(text, at)
    ends = [e for e in (text.find(".", at), text.find("\n", at)) if e != -1]
    return text[start:min(ends) if ends else len(text)]


# A visit still to come, the visit the subject, named so right after it: "the first monitoring visit was expected in
# the autumn", "A sixth monitoring visit is expected in the summer", "a fourth, expected in the autumn", "A third
# monitoring visit, expected this summer", "Ofsted's fourth monitoring visit to Walsall is expected later this year",
# "(fourth visit) - date to be confirmed", "after the fourth monitoring visit, which is expected in January" (not
# "the drift seen at the first visit was due to high caseloads", "due to Covid-19 restrictions": a reason, not a date
# to come; nor "the second visit, which was planned for March, found ...").
_CAPITALISED = r"(?-i:[A-Z][\w'’.-]*)"
TO_COME_AFTER_RE = re.compile(
    r"(?:(?:\s+[\w'’-]+){0,3}?\s+(?:visit|check)\w*)?\)?"  # the rest of the visit's name, a bracket closing it
    # where: "to Stoke-on-Trent", "to the Isles of Scilly", "to children's services"
    rf"(?:\s+to\s+(?:the\s+)?{_CAPITALISED}(?:\s+(?:upon|on|and|of|{_CAPITALISED})){{0,5}}"
    r"|\s+to\s+[\w'’-]+(?:\s+[\w'’-]+){0,2})?[\s,]*"
    r"(?:(?:which|that)\s+(?:(?:is|are)\s+(?:expected|scheduled|planned|due|likely\s+to)\b|will\b)"
    r"|likely\s+to\s+(?:take|be|happen)\b|(?:is|are|was|were)\s+(?:expected|scheduled|planned|likely)\b"
    r"|expected\b|planned\b|will\b|(?:(?:is|are|was|were)\s+)?due(?!\s+to\s+(?!(?:take|be|start|happen|occur)\b))\b"
    r"|[-–—:]?\s*(?:date\s+)?(?:to\s+be\s+confirmed|tbc)\b)", re.I)
# ... or a committee's resolution on it: "that the outcome letter from the fourth monitoring visit be reported"
RESOLVED_AFTER_RE = re.compile(r"(?:(?:\s+[\w'’-]+){0,3}?\s+visit\w*)?(?:\s+(?:outcome\s+)?letter)?\s+be\s+"
                               r"(?:reported|brought|presented|circulated|submitted)\b", re.I)
# ... named so before it: "Ofsted will return for a fourth monitoring visit", "arrived as the council was preparing
# for its first Ofsted monitoring visit", "Somerset expects its third monitoring visit within months", "That the
# committee receives a further report after the fourth monitoring visit"
ANTICIPATED_BEFORE_RE = re.compile(r"\b(?:will|would|shall|is due to|are due to|expected to|expects?|expecting|"
                                   r"plans? to|planned|preparing for|prepared for|ahead of|in advance of|awaiting|"
                                   r"awaits|in readiness for|(?:receives?|to\s+receive)\s+(?:a\s+|an\s+)?"
                                   r"(?:further|next)\s+(?:report|update|paper)s?\s+(?:after|following|once))\b"
                                   r"[^.]{0,40}$|"
                                   # (a decision to come after it: "the Department would review the need for
                                   # continued intervention after the fifth monitoring visit"; not "we will build on
                                   # the progress made following the fourth monitoring visit")
                                   r"\b(?:will|would|shall)\s+(?:then\s+)?(?:review|reconsider|decide|consider|assess|"
                                   r"determine)\b[^.]{0,50}?\b(?:after|following|once)\s+(?:the\s+)?$",
                                   re.I)


def anticipated_visit(text: str, ordinal: re.Match) -> bool:
    """Whether the visit named by `ordinal` (a match in `text`: its ordinal, or "fourth monitoring visit") is one
    still to come, not one reported on: so named before or after it, "(fourth monitoring visit) - date to be
    confirmed", or a committee's resolution or forward plan: "that the letter from the fourth monitoring visit be
    reported to the Committee" (not "the fourth visit letter will be presented")."""
    if ANTICIPATED_BEFORE_RE.search(text[max(0, ordinal.start() - 60):ordinal.start()]) \
            or TO_COME_AFTER_RE.match(text, ordinal.end()):
        return True
    return bool(RESOLVED_AFTER_RE.match(text, ordinal.end())
                and re.search(r"\bthat\b[^.\n]{0,150}$", text[max(0, ordinal.start() - 160):ordinal.start()], re.I))


def another_councils_visit(sentence: str, subjects: list[str]) -> bool:
    """A sentence telling of a visit to a current council other than `subjects`: that council its subject or the
    visit's object ("Portsmouth's fourth monitoring visit", "a visit to Croydon", "Ofsted reported, after its third
    monitoring visit, that Croydon is ..."), none of `subjects` named. (A predecessor, "since the predecessor
    authority, Cumbria County Council, was judged inadequate", a county describing its unitary, "the Essex unitary
    authority", or a partner, "run in partnership with Hampshire County Council", is no other council's visit.)"""
    mentions = [a for a in find_in_text(sentence) if not is_former(a.name)
                and not re.match(r"\s+(?:unitary|borough|district)\b", sentence[a.end:], re.I)]
    if not mentions or any(name_within(a.name, s) or name_within(s, a.name) for a in mentions for s in subjects):
        return False
    return any(re.match(r"\W*$", sentence[:a.start]) or re.match(r"['’]s?\b", sentence[a.end:])
               or re.search(r"\b(?:visits?|inspection)\s+(?:to|of|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
                            sentence[:a.start], re.I)
               or re.search(r"\bthat\s+$", sentence[:a.start], re.I) for a in mentions)


def infer_visit_number(content: str, subjects: list[str] | None = None) -> tuple[int | None, float]:
    """The number of the monitoring visit the document reports on: 'fifth monitoring visit since 2019', 'This
    was the first monitoring visit', 'sixth and final visit', 'the fifth of six visits', 'fourth follow-up visit'.
    Pages that name several different numbers (an improvement-journey summary) get none; nor does another council's
    visit on a page about `subjects` (a council's page on its partner: "after its third monitoring visit, that Croydon
    is making steady progress")."""
    found: dict[int, float] = {}
    mentions: dict[int, set[int]] = {}  # where each number is named (one place counts once, whichever rule read it)
    own: set[int] = set()
    others: set[int] = set()
    for rx, conf in _VISIT_NUMBER_RES:
        for m in rx.finditer(content):
            if _REFERS_ELSEWHERE_RE.search(content[max(0, m.start() - 30):m.start()]):
                continue
            if anticipated_visit(content, m):
                continue  # a visit to come (see anticipated_visit)
            if re.match(r"\s+(?:letter|report)\s+(?:is|will\s+be)\s+published\b", content[m.end():m.end() + 40], re.I) \
                    and re.search(r"\b(?:after|once|when|until|before)\s+(?:the\s+)?$",
                                  content[max(0, m.start() - 20):m.start()], re.I):
                continue  # "an update after the fifth monitoring visit letter is published" (not "The fourth
                # monitoring visit letter is published on the Ofsted website")
            if rx is _VISIT_NUMBER_RES[0][0] and (not re.search(r"visit", content[m.end():m.end() + 40], re.I) or
                                                  _NOT_MONITORING_RE.match(content[m.end():m.end() + 40])):
                continue  # "This is the first focused visit since that inspection": no monitoring visit
            if rx is _VISIT_NUMBER_RES[0][0] and ordinal_value(m.group(1)) == 1 \
                    and not re.search(r"monitoring", content[m.end():m.end() + 40], re.I) \
                    and re.search(r"\b(?:focused|joint targeted)\s+visit|\bjoint\s+targeted\s+area\s+inspection|"
                                  r"\bjtai\b",
                                  content[max(0, m.start() - 250):m.start()], re.I):
                continue  # "... carried out a focused visit to ... It was the first Ofsted visit to the county's
                # children's services since a full inspection in 2019": that visit, no monitoring visit
            if rx in (_VISIT_SINCE_RE, _LETTER_COUNTED_RE) and re.search(
                    r"\b(?:focused|joint targeted|jtai|commissioner|minister|secretary of state|dfe)\b",
                    # (a letter's visit may be named in the sentence before: "after a focused visit. Their letter")
                    (content[max(0, m.start() - 150):m.start()] if rx is _LETTER_COUNTED_RE else "")
                    + _sentence_at(content, m.start()), re.I):
                continue
            if rx is _OF_THESE_RE and not re.search(r"\bmonitoring\s+visits\b",
                                                    content[max(0, m.start() - 300):m.start()], re.I):
                continue
            if _RECALLED_SEASON_RE.match(content, m.end()) \
                    or _RECALLED_MONTH_RE.match(content, m.end()) \
                    and re.search(r"\b(?:final|last)\b", m.group(0), re.I):
                continue  # "When Ofsted came for the seventh and final monitoring visit last summer, ...", in a page
                # on the full inspection that followed
            if rx is _MADE_VISIT_RE and re.search(r"\b(?:when|since|after|before|once|until|following)\b[^.,;]{0,40}$",
                                                  content[max(0, m.start() - 50):m.start()], re.I):
                continue  # recalled: "When Ofsted made its second monitoring visit in November, ..."
            n = ordinal_value(m.group(1))
            # Ofsted numbers monitoring visits from the inadequate judgement: such a count outranks another ("the
            # third visit since the trust took over"), the rules keeping their order among themselves; not a visit
            # recalled ("At the first monitoring visit since ...")
            counted = _COUNTED_FROM_JUDGEMENT_RE.match(content, m.end(), m.end() + 160) \
                and not re.search(r"\b(?:at|during)\s+(?:the|its|their)\s+$", content[max(0, m.start() - 20):m.start()],
                                  re.I)
            weight = 0.95 + conf / 100 if counted else conf
            if n == 1 and _FIRST_SINCE_OTHER_RE.match(content, m.end()):
                # "This is the first monitoring visit since children's social care returned to the council": the
                # first since some other change, which a visit counted from the judgement outranks ("Ofsted's third
                # monitoring visit"); alone, it is likely the first (a new council's, a new trust's)
                weight = min(weight, FIRST_SINCE_OTHER_CONFIDENCE)
            if n and n <= 12:
                found[n] = max(found.get(n, 0.0), weight)
                mentions.setdefault(n, set()).add(m.start(1))
                elsewhere = subjects and another_councils_visit(_sentence_at(content, m.start()), subjects)
                (others if elsewhere else own).add(n)
    for n in others - own:  # (a number named only of another council's visit)
        del found[n], mentions[n]
    if found.get(1) == FIRST_SINCE_OTHER_CONFIDENCE and any(n != 1 for n in found):
        del found[1], mentions[1]  # (the first since another change, beside a visit counted otherwise)
    if not found:
        return None, 0.0
    ranked = sorted(((n, len(at), min(at)) for n, at in mentions.items()), key=lambda r: -r[1])
    # A committee paper on one visit that recalls the last ("The first monitoring visit took place in February
    # 2020") names its own three times or more, and twice as often as any other.
    dominant = ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]) \
        and ranked[0][2] < TITLE_AREA_CHARS
    strongest = sorted(found.items(), key=lambda kv: -kv[1])
    stated = strongest[0][1] >= 0.9 and (len(strongest) == 1 or strongest[1][1] < strongest[0][1])
    # "This was the second monitoring visit ... At the first monitoring visit, in February 2015, ...": a visit
    # recalled by its number does not make the letter a summary of several.
    if _several_visits(content, skip_numbered=stated) and not dominant:
        return None, 0.0
    if len(found) == 1:
        n, conf = next(iter(found.items()))
        return n, conf
    if stated:
        return strongest[0][0], 0.7  # "This was the second ..." / "its second monitoring visit since ..." beside a recalled first
    # Committee papers name the visit they report on in their title and again in the text, and the next one in
    # passing ("a written report on the third monitoring visit be brought to the next meeting"): a number named
    # in the title area and more often than every other is the subject, with less confidence.
    if ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1] and (ranked[0][2] < TITLE_AREA_CHARS or dominant):
        return ranked[0][0], 0.6
    return None, 0.0


TITLE_AREA_CHARS = 600


_DAYS = r"(?:\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:and|-|–|to)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+)?"
_NOT_ABOUT_VISIT = r"(?:(?!\b(?:since|judged|rated|inspection)\b)[^.])"
_VISIT_WHEN_RE = re.compile(rf"monitoring visit{_NOT_ABOUT_VISIT}{{0,60}}?\b(?:on|in|during)\s+{_DAYS}{MONTH_RE}\s+(\d{{4}})|"
                            rf"\b(?:in|on)\s+{_DAYS}{MONTH_RE}\s+(\d{{4}}),?{_NOT_ABOUT_VISIT}{{0,60}}?monitoring visit",
                            re.I)


# No visit of its own: "each monitoring visit letter", "the letter of every Ofsted monitoring visit"
_ANY_VISIT_BEFORE_RE = re.compile(r"\b(?:each|every|any|all|future)\s+(?:ofsted(?:['’]s)?\s+)?$", re.I)


def _several_visits(content: str, skip_numbered: bool = False) -> bool:
    """A page that dates two different monitoring visits ('the second visit took place in January 2018 ... in
    November 2017 Ofsted conducted a monitoring visit') summarises a journey; it reports on none of them alone.
    skip_numbered: leave out visits named by their number ("At the first monitoring visit, in February 2015")."""
    months = set()
    for m in _VISIT_WHEN_RE.finditer(content):
        before = content[max(0, m.start() - 30):m.start()]
        if _REFERS_ELSEWHERE_RE.search(before):
            continue  # "since the last monitoring visit in February 2017": the visit before this one
        visit_at = m.end() - len("monitoring visit")
        if m.group(3) and _REFERS_ELSEWHERE_RE.search(content[max(0, visit_at - 30):visit_at]):
            continue  # "judged inadequate in September 2021, and this visit follows the previous monitoring visit"
        visit_at = visit_at if m.group(3) else m.start()
        if _ANY_VISIT_BEFORE_RE.search(content, max(0, visit_at - 30), visit_at):
            continue  # "Members asked at the meeting on 16 September 2025 to receive each monitoring visit letter"
        if skip_numbered and re.search(rf"\b{ORDINAL_RE}\s+$", before, re.I):
            continue
        month, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        months.add((month.lower(), year))
    return len(months) >= 2


# ---------------------------------------------------------------- inference: title

_TITLE_SKIP_RE = re.compile(
    r"^(skip to.*|accessibility statement|top of page.*|this article is more than.*|agenda item|transcription|"
    r"beta\b.*|find an inspection report|"  # a service's beta banner and search heading
    r"issue\s*-\s*meetings|guidance|statutory guidance|correspondence|press release|news|news story|home\b.*|"
    # (a metered paywall's lines: "You have 2 free articles remaining this month.", "Register for unlimited access")
    r"you(?:['’]ve| have)\s+(?:\d+|one|two|three|four|five|no)\s+(?:more\s+)?free\s+(?:articles?|stories|reads?)\b.*|"
    r"register (?:for (?:free|unlimited)|to (?:continue|keep) reading)\b.*|"
    r"subscribe.*|published|updated|image caption,?|upload:.*|.*\.pdf\b.*|insert\b.*|total page.*|file type.*|"
    r"\d+_.*|.*\b(credit|image source|pic by|picture|photo)\b.*|[tf]\s*\d{3}.*|.*(total page|file type).*|"
    r"(aerial view|view of|a generic (photo|image)|image of|photo of|picture of)\b.*|read more.*|hide ad.*|advertisement|"
    r"loading.*|cookies?.*|menu|search|share.*|children and families|<<|>>|about us\b.*|"
    # (a reading time, "5 minute read", a site's "meetings, agendas and minutes"; not "Cabinet - Minutes - 14 March")
    # (nor "Cabinet - Tuesday 13 December 2022 - Minutes", nor "Minutes of the meeting of the Cabinet, held in ...")
    r"(?!.*\b(?:committee|panel|board|cabinet|commission|forum|council)"
    r"(?:\s*[-–—:|]\s*[\w ,]{0,30}?\d[\w ,]{0,12}?)?"
    r"(?:\s*[-–—:|]\s*|\s+)minutes\b)(?!minutes\s+of\s+(?:the\s+|a\s+)?(?:meeting|proceedings)\b).*\bminutes\b|"
    # an inspectorate's name over its report, as a masthead
    # (or two, over a joint inspection: "Ofsted Care Quality Commission")
    r"(?:(?:hm|his majesty['’]s|her majesty['’]s)\s+inspectorate\s+of\s+\w+(?:\s+and\s+\w+)?|ofsted|"
    r"care quality commission|department for education|estyn|care inspectorate(?:\s+wales)?)"
    r"(?:\s*(?:(?:and|&|\|)\s*)?(?:ofsted|care quality commission|hmicfrs|hm inspectorate of probation))*|"
    # a paper's section headings ("Purpose of the Report", "Background")
    r"(?:purpose|summary|background|recommendations?|introduction|contents)(?: of (?:the|this) (?:report|paper|home|inspection|service|visit))?|"
    r"executive summary|"
    # account links and breadcrumbs: "Log in | Subscribe", "Sign in   Subscribe   Newsletters", "NEWS > REDCAR",
    # "NEWS › LOCAL NEWS › ROTHERHAM"
    r"(?:(?:log ?in|sign ?in|sign ?up|register|subscribe|newsletters?|my account|donate|contact us)\W*)+|.*\s[>›»]\s.*)$",
    re.I)


_EVENT_TITLE_RE = re.compile(r"\b(?:visit|inspection|report|review|letter|judge?ment)\b", re.I)
_DATE_LABEL_WORD_RE = re.compile(r"\bdates?\b|\bpublished\b|\bupdated\b", re.I)  # "Date of visit 12 June 2019"
HEADLINE_MARGIN = 0.25
HEAD_LINES = 12  # lines from the top where a headline may stand
# A form's label and its value: "Report of: Director of Children's Services", "Overall effectiveness: Good".
# And who a committee paper is from: "Open report on behalf of the Executive Director of Children's Services".
_LABEL_LINE_RE = re.compile(r"^(?:(?:open\s+|exempt\s+|public\s+)?report\s+(?:of|to|by|from|on\s+behalf\s+of)\b[^:]*$|"
                            r"(?:report\s+(?:of|to|by|for|author)|date(?:\s+of\s+\w+)?|meeting|wards?(?:\s+affected)?|"
                            r"contact(?:\s+officer)?|author|classification|overall\s+(?:effectiveness|rating|"
                            r"judge?ment)|judge?ment|grade|"
                            r"status|key\s+decision|agenda\s+item|item|lead\s+inspector|inspection\s+dates?|"
                            r"published|reference|urn|decision\s+maker)\s*:)", re.I)
# A meeting's details table, a label and its cell: "Venue | Council Chamber, County Hall", "Present | Councillors ..."
_DETAILS_ROW_RE = re.compile(r"^\|?\s*(?:venue|time|present|officers|apologies(?:\s+for\s+absence)?|location|place|"
                             r"attendees|in\s+attendance|co-opted\s+members|chair(?:man|person)?|members(?:\s+present)?)"
                             r"\s*[:|]", re.I)
# Site furniture that reads like a headline: banners, cookie notices, menus, account links, a paper's "Meeting
# Date:" run into a line. The weak words are also a headline's ("Ofsted criticises search for missing children"):
# they count only two together, or beside a strong one.
_HEADLINE_FURNITURE_RE = re.compile(r"\b(?:cookies?|maintenance|unavailable|subscribe|sign in|log in|menu|"
                                    r"newsletters?|advert\w*|watch live|accessibility|translate|donate|news and blogs|"
                                    r"categories|news,? jobs|the magazine for)\b|\bdate\s*:", re.I)
# A news site's news section and the towns it covers, over the headline: "News Torquay Paignton Brixham", "Local News Bury"
_SECTION_LABEL_RE = re.compile(r"(?:Local\s+)?News(?:\s+[A-Z][\w'’&-]*){1,4}")  # (not "Sport England Backs ...")
_WEAK_FURNITURE_RE = re.compile(r"\b(?:search|accept|weather|what's on|jobs|property|notices|pay for it|apply for it|"
                                r"report it)\b", re.I)


# a judgement table's row ("Children who need help and protection | Requires improvement to be good") is no title
# ... nor its label line ("How well children are helped and protected: good")
_JUDGEMENT_ROW_RE = re.compile(r"[|:]\s*(?:good|outstanding|inadequate|requires improvement(?: to be good)?)\s*$", re.I)
_TITLE_LABEL_RE = re.compile(r"^(?:(?:report\s+)?title(?:\s+of\s+(?:the\s+)?(?:report|paper))?|(?:report\s+)?subject)"
                             r"\s*(?::\s*\|?|\|)\s*([^|]*[^|\s])\s*(?:\||$)", re.I)  # (the cell, not the rest of the row)
_NEXT_LABEL_RE = re.compile(r"\s+(?:(?:meeting\s+)?date(?:\s+of\s+(?:the\s+)?(?:meeting|report|decision))?|meeting|"
                            r"key\s+decision|class|wards?(?:\(s\))?(?:\s+affected)?|(?:report\s+)?authors?|"
                            r"contributors?|portfolio(?:\s+holder)?|cabinet\s+member|decision\s+maker)\s*:", re.I)
_FILE_TITLE_JUNK_RE = re.compile(r"microsoft\s+(?:word|excel|powerpoint)|\.(?:docx?|pdf|rtf|odt|dotx?)\b|\btemplate\b|"
                                 r"^\s*(?:untitled|document\s*\d*|title|draft|slide\s*\d*|presentation\d*)\s*$", re.I)


def _usable_file_title(title: str | None, blocks: list[Block]) -> str | None:
    """A PDF's or Word file's own title property, when it is one: not a converter's or template's name
    ("Microsoft Word - JTAI_letter_template_v7.docx", "Committee report template"), and in the text's words."""
    if not title or _FILE_TITLE_JUNK_RE.search(title) or len(title.split()) < 3:
        return None
    words = set(tokenize(title))
    text = set(tokenize(" ".join(b.text for b in blocks[:60])))
    return title.strip() if words and len(words & text) >= 0.6 * len(words) else None


def _without_places(line: str) -> str:
    for mention in reversed(find_in_text(line)):  # (by offset: a capitals line's surface is read in name case)
        line = line[:mention.start] + " " + line[mention.end:]
    return line


def _names_only_a_council(line: str) -> bool:
    """'London Borough of Havering', 'Redcar and Cleveland': a council's name and nothing else."""
    rest = _without_places(line)
    return rest != line and len(re.findall(r"[^\W\d_]{2,}", rest)) <= 1


def _headline_score(line: str, at: int, below: set[str]) -> float:
    """How much a line reads as the page's headline: a headline's words come back in the story under it (`below`:
    the stems of the text after the line; a masthead's, a council's name alone, a cookie banner's do not, or only
    some); furniture and a publication's or council's name alone weigh it down; nearer the top breaks ties."""
    # a place is named in a title and is "the council" in the text under it
    words = set(tokenize(_without_places(line))) or set(tokenize(line))
    score = len(words & below) / len(words) if words else 0.0
    if len(words) < 3:
        score -= 0.3
    if _HEADLINE_FURNITURE_RE.search(line) or len(_WEAK_FURNITURE_RE.findall(line)) >= 2:
        score -= 1.0
    plain = line.strip()
    if masthead(plain) or _names_only_a_council(plain) or _SECTION_LABEL_RE.fullmatch(plain):
        score -= 1.0
    if at == 0:
        score += FIRST_LINE_BONUS  # a document opens on its title more often than not
    return score - 0.01 * at


FIRST_LINE_BONUS = 0.15


def infer_title(blocks: list[Block], hints: dict, path: Path) -> tuple[str, float]:
    """The headline: a letter's subject line, or the line near the top that reads most like one (see
    _headline_score), skipping bylines, datelines, photo credits, labels and site furniture ("Skip to main
    content", "Agenda item", "Transcription"); a file's own title property when the text has none."""
    if hints.get("title"):
        return hints["title"], 1.0
    for i, b in enumerate(blocks[:30]):  # (a letterhead and address block may take twenty lines)
        # "Dear Ms Smith", alone or closing the address block that extraction ran into one line; not a letter
        # quoted in a story (a paragraph of prose above it)
        text = b.text.strip()
        if len(text.split()) >= 12 and re.search(r"[.!?][\"”’']?$", text):
            break
        if (re.match(r"(?i)dear\s", text) and len(text) < 60 or re.search(
                r"\s[Dd]ear\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Madam|Councillor|Cllr)\b\.?\s*)?[A-Z][\w'’ -]{0,40}$", text)) \
                and i + 1 < len(blocks):
            subject = blocks[i + 1].text.strip()  # a letter's subject line follows its salutation
            # (its first sentence may be run into it: "Monitoring visit to X children's services This letter ...")
            subject = re.split(r"\s+(?=(?:This|The)\s+(?:letter|report|visit)\s+[a-z]|I\s+am\s+writing\b|"
                               r"Thank\s+you\s+for\b)", subject, maxsplit=1)[0].rstrip(" -–—:")
            if 2 <= len(subject.split()) <= 25 and not subject.endswith("."):
                return subject, 0.8
            break
    for b in blocks[:20]:
        # a joint inspection's letter has no salutation: its subject line stands below the list of office holders
        # it is addressed to ("Chief Executive, Cheshire East Council" is an addressee, not the title)
        subject = b.text.strip()
        if len(subject.split()) >= 12 and re.search(r"[.!?][\"”’']?$", subject):
            break  # (prose has begun: a story's heading further down is not its title)
        if re.match(r"Joint targeted area inspection of\b", subject) and len(subject.split()) <= 30 \
                and not subject.endswith("."):
            return subject, 0.8
    for b in blocks[:HEAD_LINES]:  # a committee paper's label table: "Title of report: | Ofsted monitoring visit 4"
        labelled = _TITLE_LABEL_RE.match(b.text.strip())
        # (the next label may share its line: "Report title: Ofsted focused visit ... Date: 5 February 2025")
        cell = _NEXT_LABEL_RE.split(labelled.group(1))[0].strip() if labelled else ""
        if 2 <= len(cell.split()) <= 30:
            return cell, 0.8
    for line in hints.get("page_furniture", "").splitlines():
        # an Ofsted report's running header names it ("Wigan Council: inspection of children's social care
        # services"), where its front page may set the name in a column beside the summary
        for part in _FURNITURE_PART_RE.split(line.strip()):
            if re.fullmatch(r"[A-Z][\w ,'’&-]{2,60}:\s*inspection of [^\d]{10,80}", part):
                return part, 0.7
    for i, b in enumerate(blocks[:HEAD_LINES][:-1]):
        # GOV.UK sets the page's kind ("Notice", "Guidance", "Press release") over its title, below the
        # breadcrumb trail (whose last step, "Safeguarding and social care for children", is no title), and its
        # "From:" line a little further down
        title = blocks[i + 1].text.strip()
        if _GOVUK_KIND_RE.fullmatch(b.text.strip()) and 2 <= len(title.split()) <= 25 and not title.endswith(".") \
                and any(re.match(r"From\s*:", n.text.strip()) for n in blocks[i + 2:i + 6]):
            return title, 0.8
    blocks = _join_wrapped_headings(blocks)
    candidates = []  # (score, title, confidence): every line above the story that could be its headline
    head_stems = [set(tokenize(b.text)) for b in blocks[:HEAD_LINES]]
    rest = set(tokenize(" ".join(b.text for b in blocks[HEAD_LINES:])))
    for i, b in enumerate(blocks[:HEAD_LINES]):
        t = b.text.strip()
        stripped = re.sub(r"^(?:(?:skip to (?:main )?content|skip to footer|accessibility statement|transcription|"
                          r"top of page|guidance|correspondence|press release|agenda item)\b\s*)+", "", t,
                          flags=re.I).strip(" \t-–—:|")  # "Agenda item - Children's services: outcome of ..."
        if stripped != t and len(stripped.split()) < 8 and not re.match(r"(?i)guidance|correspondence|press", t):
            continue  # the rest of a navigation bar
        t = re.sub(rf"\s+(?:Updated|Published|Last updated)\s*:?\s*(?i:{_DAY}\s+{MONTH_ANY}\s+{_YEAR}).*$", "", stripped)
        t = re.sub(r"^(?:subject|title|re)\s*:\s*", "", t, flags=re.I)  # "Subject: Ofsted fifth monitoring visit"
        words = t.split()
        if _TITLE_SKIP_RE.match(t) or _MEETING_NAME_RE.fullmatch(t) or _PROCEDURAL_ITEM_RE.fullmatch(t) \
                or b.kind == "item" and _PROCEDURAL_ITEM_RE.fullmatch("1. " + t):  # (a list item lost its number)
            continue  # site furniture, however long ("BETA This is a new service - your feedback will help ...")
        if re.search(r"[.!?][\"”’']?$", t) and len(words) >= 12 and not _HEADLINE_FURNITURE_RE.search(t):
            break  # the story has begun: no headline above it
        if len(words) >= 25 and re.search(r"[.!?\"”’]$", t):
            break  # the story has begun: no headline above it
        if not (3 <= len(words) <= 25) or re.search(r"[.:]$", t) or t.count(" | ") >= 2 \
                or _JUDGEMENT_ROW_RE.search(t) \
                or _LABEL_LINE_RE.match(t) or _DETAILS_ROW_RE.match(t) or re.search(r"\.{5,}|…{3,}|[-_=]{5,}", t) \
                or re.match(r"[Bb]y\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2},", t):
            # (a contents line "Introduction ...... 2"; a byline with its role "By Jo Bell, Corporate Director")
            continue  # (a menu: "Report it | Pay for it | Apply for it")
        if _BYLINE_RE.match(t) or _dateline(t)[0] or (parse_date(t) and len(words) <= 8 and len(
                re.findall(r"[^\W\d_]{3,}", _MY_RE.sub(" ", _DMY_RE.sub(" ", _MDY_RE.sub(" ", t))))) <= 3
                and not (_EVENT_TITLE_RE.search(t) and not _DATE_LABEL_WORD_RE.search(t))):
            continue  # a date with a word or two ("Tuesday 4 May 2021"), not "Ofsted focused visit (January 2024)"
        if not (t[:1].isupper() or t[:1].isdigit() or t[:1] in "‘'\"“"):
            continue
        if sum(c.isdigit() for c in t) > len(t) / 4 or re.search(_POSTCODE, t):
            continue  # figures or a postal address (letterhead)
        below = rest.union(*head_stems[i + 1:])  # (the text is stemmed once)
        candidates.append((_headline_score(t, i, below), t, 0.8 if b.kind == "heading" or b is blocks[0] else 0.7))
    file_title = _usable_file_title(hints.get("file_title"), blocks)
    if candidates:
        # The first line that reads about as well as the best: a report's own title line above its subtitle.
        best = max(c[0] for c in candidates)
        score, title, confidence = next(c for c in candidates if c[0] >= best - HEADLINE_MARGIN)
        if score > 0 or not file_title:
            return title, confidence if score > 0 else 0.5
    if file_title:
        return file_title, 0.6
    for b in blocks:
        if len(b.text.split()) >= 6 and not _TITLE_SKIP_RE.match(b.text.strip()):
            sentence = re.split(r"(?<=[.!?])\s", b.text.strip(), maxsplit=1)[0]
            if len(sentence) > 110:
                sentence = sentence[:110].rsplit(" ", 1)[0] + " …"
            return sentence, 0.3
    return path.stem.replace("_", " "), 0.1


_GOVUK_KIND_RE = re.compile(r"(?i)notice|guidance|statutory guidance|press release|news story|policy paper|"
                            r"corporate report|independent report|research and analysis|correspondence|decision|"
                            r"official statistics|transparency data|speech|consultation outcome|open consultation|"
                            r"closed consultation|form|collection|promotional material|impact assessment")
# A meeting's standing items ("1. Membership of the Panel", "Minutes of previous meeting", "Declarations of
# interest") are in every set of minutes: no title
_PROCEDURAL_ITEM_RE = re.compile(r"(?:\d{1,3}\.?\s+)?(?:membership(?:\s+of\s+the\s+\w+)?|"
                                 r"apologies(?:\s+for\s+absence)?(?:\s+and\s+substitutions)?|substitutions|"
                                 r"matters\s+arising|minutes\s+of\s+(?:the\s+)?(?:previous|last)\s+meeting|"
                                 r"declarations?\s+of\s+interests?|admission\s+of\s+(?:the\s+)?public|"
                                 r"exclusion\s+of\s+(?:the\s+)?(?:press\s+and\s+)?public|"
                                 r"deputations(?:\s+and\s+petitions)?|any\s+other\s+business|"
                                 r"date\s+of\s+(?:the\s+)?next\s+meeting|chair['’]?s\s+announcements)[\s.:]*|"
                                 # (numbered: "2. Minutes of the meeting held on 30 November 2023", not the minutes'
                                 # own heading "Minutes of the meeting held on ... at Huddersfield Town Hall")
                                 r"\d{1,3}\.?\s+minutes\s+of\s+the\s+(?:\w+\s+)?meeting\s+held\b.*", re.I)
# A paper's masthead: its council and the meeting it goes to ("Rutland County Council - Children and Young People
# Committee"), not its title
_MEETING_NAME_RE = re.compile(r"[\w'’&,. ]*\b(?:Council|Borough)\s*[-–—|:]\s*[\w'’&,. ]*\b(?:Committee|Panel|Board|"
                              r"Cabinet|Sub-Committee|Forum)", re.I)


def _join_wrapped_headings(blocks: list[Block]) -> list[Block]:
    """A PDF heading wrapped onto a second line ("Ofsted Focused Visit to ... Services: Care" / "Leavers") read as
    one: a long heading not ending a phrase, followed by a heading of one word, or of up to three that go on
    the sentence (lower case, or after "of", "and", "the" ...)."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "heading" and b.kind == "heading" and len(prev.text) >= 40 \
                and not re.search(r"[.:;!?|)\]'’\"”]\s*$", prev.text) and len(b.text.split()) <= 3 \
                and re.fullmatch(r"[A-Za-z][\w'’ -]*", b.text.strip()) and not _TITLE_SKIP_RE.match(b.text.strip()) \
                and (len(b.text.split()) == 1 or b.text.strip()[:1].islower()
                     or re.search(r"(?i)\b(?:of|and|the|to|for|in|on|with|at|by|&)\s*$", prev.text)):
            # (not a byline under a headline, "Pat Writer", nor a section's name, "Summary")
            out[-1] = replace(prev, text=f"{prev.text.rstrip()} {b.text.strip()}")
        else:
            out.append(b)
    return out


def infer_metadata(path: Path, raw: str, blocks: list[Block], hints: dict) -> dict:
    """Metadata from the document itself; values None when nothing could be inferred. The "confidence" key maps
    each inferred field to how far its rule can be trusted (0-1).

    Type and publisher cues live in page furniture too (`raw`); facts about the subject come from the
    cleaned content only, so a teaser for another story cannot lend its place or dates."""
    content = "\n".join(b.text for b in blocks)
    # A newspaper's masthead names its patch ("Devon & Torbay Today"), not what the story is about.
    subject, paper = content.strip(), masthead(raw)
    if paper and subject.startswith(paper):
        subject = subject[len(paper):]
    if paper:  # (and wherever else the paper names itself: "Picture: Dorset Record archive", "(c) Dorset Record")
        own_name = re.escape(re.sub(r"^The\s+", "", paper, flags=re.I))
        subject = re.sub(rf"\b(?:the\s+)?{own_name}\b", lambda m: " " * len(m.group(0)), subject, flags=re.I)
    authorities, la_conf = infer_authorities(subject)
    site_councils = {mt.name for mt in find_in_text(site_name(hints))} if names_a_council(site_name(hints)) else set()
    if len(site_councils) == 1 and authorities and site_councils != set(authorities) \
            and (counted := Counter(mt.name for mt in find_in_text(subject))) \
            and (all(counted[a] == 1 for a in authorities) or counted[next(iter(site_councils))]):
        # a council's own page naming others once each, as partners ("a company owned jointly by the Royal Borough
        # and the councils for Kingston upon Thames and Richmond upon Thames"): its own council is the subject
        authorities, la_conf = sorted(site_councils), 0.5
    if not authorities:
        # A local paper's story naming one authority once, far down ("Wirral's children's services were rated
        # inadequate in 2016"), under the paper's own name ("Wirral Courier"): the two agree, so it is the subject.
        named = {mt.name for mt in find_in_text(subject)}
        papers = {mt.name for mt in find_in_text(site_name(hints) or paper or "")} \
            or (places_in_masthead(paper) if paper and not site_name(hints) else set())
        if len(named) == 1 and named == papers:
            authorities, la_conf = sorted(named), 0.5
        elif names_a_council(site_name(hints), r"council|borough|city of|county") and len(papers) == 1 \
                and (not named or papers <= named or not _not_marked_passing(subject, lists=True)):
            # a council's page or committee paper naming its council only in its site's name ("... | Coventry City
            # Council"), or only in passing ("the out-of-hours team the East Riding shares with Hull"), or naming
            # others only in passing ("work with Newham and Hackney"): its own services are the subject
            authorities, la_conf = sorted(papers), 0.5
        elif len(running := _furniture_councils("\n".join([hints.get("page_furniture", "")]
                                                           + _PAGE_LINE_RE.findall(raw) + [hints.get("site_lines", "")]
                                                           + _COPYRIGHT_LINE_RE.findall(raw[-600:])))) == 1 \
                and (not (unmarked := _not_marked_passing(subject)) or running <= unmarked):
            # ... or in its running header: "Wakefield Council | Cabinet | 16 January 2024 | Agenda item 9" (the
            # minutes naming it only in a member's aside on its history, or naming another council only as one in
            # passing: "a housing protocol with neighbouring boroughs, including Southwark"); or in its closing
            # copyright line (a director's blog ending "© Wigan Council", naming Wigan once and Hampshire in passing)
            authorities, la_conf = sorted(running), 0.5
        elif not named and len(papers) == 1 and paper and re.search(r"\bthe (?:council|borough|district)\b", subject, re.I):
            # a local paper's story about "the council" that never names it: its patch's council ("Wakefield
            # Evening Echo")
            authorities, la_conf = sorted(papers), 0.4
    if hints.get("doc_type"):
        doc_type, type_conf = hints["doc_type"], 1.0
    else:
        doc_type, type_conf = infer_doc_type(raw, blocks, hints, authorities)
    pub_date, date_conf = infer_date(blocks, hints, raw, doc_type)
    # (an HTML page's headline may be only in its title: "Fourth Ofsted visit finds ...")
    headline = hints.get("title", "").strip()
    visit, visit_conf = infer_visit_number(content if not headline or headline in content[:600]
                                           else f"{headline}\n{content}", authorities)
    if visit is None:
        # a running footer's short form ("Worcestershire MV4    Page 1 of 2"), taken out of the text as furniture
        numbers = {int(n) for n in re.findall(r"\bMV[\s-]?(\d{1,2})\b", "\n".join([hints.get("page_furniture", "")]
                                                                               + _PAGE_LINE_RE.findall(raw)))}
        if len(numbers) == 1:
            visit, visit_conf = numbers.pop(), 0.7
    if (doc_type == "other" and not authorities) \
            or (len(authorities) >= ROUND_UP_AUTHORITIES and not find_in_text(subject[:lead_end(subject)])):
        # guidance describes visits in general; a round-up of several councils (its headline naming none) numbers
        # one council's visit
        visit, visit_conf = None, 0.0
    # No estimate from the visit's dates: a letter or report is published weeks after its fieldwork, and a citation
    # must not show a date the text does not give. Filters still place it by its period (rank.doc_span).
    period, period_conf = infer_period(content, pub_date, visit)
    title, title_conf = infer_title(blocks, hints, path)
    meta = {
        "title": title,
        "doc_type": doc_type,
        "date": pub_date,
        "publisher": infer_publisher(raw, doc_type, authorities, hints),
        "source": hints.get("source"),
        "local_authorities": authorities or None,
        "period_start": period[0] if period else None,
        "period_end": period[1] if period else None,
        "visit_number": visit,
    }
    meta["confidence"] = {
        "title": title_conf, "doc_type": type_conf, "date": date_conf, "local_authorities": la_conf,
        "period_start": period_conf, "period_end": period_conf, "visit_number": visit_conf,
        "publisher": 0.6, "source": 0.5,
    }
    return meta


def _not_marked_passing(text: str, lists: bool = False) -> set[str]:
    """Authorities `text` names other than right after a passing-mention cue ("including", "from", "neighbouring"),
    or, with `lists`, listed with one so named ("work with Newham and Hackney")."""
    unmarked, passing_end = set(), -1
    for mt in find_in_text(text):
        if _PASSING_BEFORE.search(text[max(0, mt.start - 80):mt.start]) or lists and passing_end >= 0 \
                and re.fullmatch(r"\s*(?:,|,?\s+(?:and|or))\s+", text[passing_end:mt.start]):
            passing_end = mt.end
        else:
            unmarked.add(mt.name)
            passing_end = -1
    return unmarked


# A page's running line in a text file: "Council of the Isles of Scilly - Overview and Scrutiny Committee - 11.12.18 -
# Page 2 of 2" (cleaning takes it off the text, as a PDF's goes to its page furniture)
# A page's closing copyright line: "© Wigan Council · Accessibility · Privacy"
_COPYRIGHT_LINE_RE = re.compile(r"(?mi)^[^\S\n]*(?:©|\(c\)|copyright)[^\S\n]*(?:(?:19|20)\d\d[^\S\n]*)?"
                                r"([^\n·|]{3,60})")
_PAGE_LINE_RE = re.compile(rf"(?mi)^[^\S\n]*({PAGE_COUNT_LINE})[^\S\n]*$")


def _furniture_councils(furniture: str) -> set[str]:
    """Authorities a running header or footer names as a council ("Wakefield Council | Cabinet | ...")."""
    # (a Word header in capitals: "EAST RIDING OF YORKSHIRE COUNCIL | Minutes")
    # (a council's own abbreviation opening a line or a part of it: "LBTH - Children and Education Scrutiny
    # Sub-Committee - 19 May 2025")
    shortened = {mt.name for mt in find_in_text(furniture) if len(mt.surface) >= 3 and mt.surface.isupper()
                 and re.search(r"(?:^|\n|[|–—-]\s)\s*$", furniture[:mt.start])}
    furniture = name_case_capitals(furniture)
    return shortened | {mt.name for pattern in (_COUNCIL_MASTHEAD_RE, _BOROUGH_OF_RE) for m in pattern.finditer(furniture)
                        for mt in find_in_text(m.group(0))}


# A London or royal borough by its style alone: "London Borough of Lambeth - Corporate Parenting Board"
_BOROUGH_OF_RE = re.compile(r"\b(?:London|Royal|Metropolitan)[^\S\n]+Borough[^\S\n]+of[^\S\n]+[A-Z][\w'’-]*"
                            r"(?:[^\S\n]+(?:and|upon|on|[A-Z][\w'’-]*)){0,4}")  # (one line: a header's next line is not its name)


_TITLE_FURNITURE_PREFIX_RE = re.compile(r"^\s*agenda item\s*(?:\d+\s*)?[-–—:|]\s*(?=\S)", re.I)


# A listing of several posts (a council's news page 3) has each post's date and event, none of its own.
LISTING_UNKNOWN = ("date", "period_start", "period_end", "visit_number")


def resolve(path: Path, rel: str, raw: str, blocks: list[Block], hints: dict, manifest_entry: dict | None,
            listing: bool = False):
    """Merge manifest, front matter and inference; return (values, origin). `values["confidence"]` maps each
    field to a confidence: 1.0 for manifest and front matter, the inference rule's own for inferred values.
    A `listing` page (see clean.drop_boilerplate) states no date, period or visit of its own."""
    if _TITLE_SKIP_RE.match(str(hints.get("title", "")).strip()):  # a page titled "Agenda item": its heading instead
        hints = {k: v for k, v in hints.items() if k != "title"}
    elif _TITLE_FURNITURE_PREFIX_RE.match(str(hints.get("title", ""))):  # "Agenda item - Ofsted focused visit ..."
        hints = {**hints, "title": _TITLE_FURNITURE_PREFIX_RE.sub("", hints["title"]).strip()}
    hint_values = {k: v for k, v in hints.items() if k in FIELDS and v}
    inferred = infer_metadata(path, raw, blocks, hints)
    inferred_conf = inferred.pop("confidence", {})
    if listing:  # (titled by the page, not by its first post's headline)
        hint_values = {k: v for k, v in hint_values.items() if k not in LISTING_UNKNOWN}
        if hints.get("page_title"):
            hint_values["title"] = hints["page_title"]
        inferred = {k: v for k, v in inferred.items() if k not in LISTING_UNKNOWN}
    if "date" in hint_values and hints.get("date_from_markup") and inferred.get("doc_type") == "ofsted_report" \
            and own_report_published(raw):
        hint_values.pop("date")  # the report's own publication line over a web page's markup date (see infer_date)
    values, origin, confidence = {}, {}, {}
    for key in FIELDS:
        if manifest_entry and key in manifest_entry:
            values[key], origin[key] = manifest_entry[key], "manifest"
            confidence[key] = 1.0
        elif key in hint_values:
            values[key], origin[key] = hint_values[key], "front matter"
            confidence[key] = 1.0
        elif inferred.get(key) not in (None, "", []):
            values[key], origin[key] = inferred[key], "inferred"
            confidence[key] = float(inferred_conf.get(key, 0.5))
        else:
            values[key], origin[key] = None, "unknown (a listing of several posts)" \
                if listing and key in LISTING_UNKNOWN else "unknown"
    if values["doc_type"] not in DOC_TYPES:
        values["doc_type"] = "other"
    if isinstance(values.get("local_authorities"), str):
        values["local_authorities"] = [a.strip() for a in values["local_authorities"].split(",") if a.strip()]
    for key in ("date", "period_start", "period_end"):
        if values[key]:
            parsed = parse_date(str(values[key]))
            if parsed is None:  # an unreadable date is dropped, not trusted, and the origin says so
                origin[key] = f"{origin[key]} (unreadable: {str(values[key])[:40]})"
            values[key] = parsed
    if values["visit_number"] is not None:
        raw_visit = str(values["visit_number"]).strip()
        values["visit_number"] = int(raw_visit) if raw_visit.isdigit() else ordinal_value(raw_visit)
        if values["visit_number"] is None:
            origin["visit_number"] += f" (unreadable: {raw_visit[:20]})"
    if not isinstance(values.get("local_authorities"), (list, type(None))):
        values["local_authorities"] = [str(values["local_authorities"])]
    values["local_authorities"] = [canonical_authority(a) for a in values["local_authorities"] or []]
    values["source"] = values["source"] or rel
    values["publisher"] = values["publisher"] or ""
    values["local_authorities"] = values["local_authorities"] or []
    for key in FIELDS:
        if values.get(key) in (None, "", []) and origin[key] != "manifest":
            confidence.pop(key, None)
    values["confidence"] = confidence
    return values, origin
