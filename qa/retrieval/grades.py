"""Undated stories placed by the grade they report.

A news story that states no date of its own is shown apart under a year filter (its date unknown). When its lead
reports a grade given ("labelled “inadequate” in all areas") and the question ("Somerset got Good in 2022") or
another page on the place ("the fifth monitoring visit since its inadequate rating in June 2016") dates that grade to
the asked year, it is the story of that judgement; when its lead gives another grade than the one the question's
event had ("the 2016 SIF that rated them inadequate" against "graded as still requiring improvement"), it is the
story of another inspection.
"""
from __future__ import annotations

import re
import weakref
from functools import lru_cache

from qa.datatypes import Hit
from qa.passages.split import sentence_spans
from qa.retrieval import rank
from qa.retrieval.question import Query

_GRADE = r"(inadequate|requir(?:es|ing)\s+improvement|ri|good|outstanding)"
# A grade given: "rated inadequate", "branded Lambeth's children's services “inadequate”", "a “Good” rating"
GRADE_GIVEN_RE = re.compile(rf"\b(?:rated|judged|graded|labelled|labeled|branded|deemed)\s+"
                            rf"(?:as\s+|to\s+be\s+)?(?:(?:still|now)\s+|(?:[\w'’]+\s+){{1,4}}?(?=['‘\"“]))?['‘\"“]?"
                            rf"{_GRADE}\b|['‘\"“]{_GRADE}['’\"”]?\s+(?:rating|judge?ment|grade)\b|"
                            # ... or reached: "has improved to a good Ofsted rating", "Council improves to ‘good’"
                            rf"\b(?:improv(?:ed|es|ing)|mov(?:ed|es|ing)|r(?:ose|isen|ising)|upgraded|climbed|jumped)"
                            rf"\s+(?:up\s+)?to\s+(?:an?\s+)?['‘\"“]?{_GRADE}['’\"”]?"
                            # (as a judgement: not "improved to a good standard", "moving to good foster homes")
                            rf"(?=\s+(?:ofsted\s+)?(?:rating|judge?ment|grade|overall)\b|"
                            rf"\s+(?:from|after|in|at|since|following)\b|\s*[,;.:!?]|\s*$)", re.I)
# ... denied: "no longer rated inadequate", "has not been rated", "was never judged"
_DENIED_RE = re.compile(r"\b(?:not|never|longer)\s+(?:yet\s+)?(?:been\s+)?$", re.I)
# ... recalled, not given: "only three years after they were rated “outstanding”", "previously judged good"
# (not "after an Ofsted report branded ... “inadequate”")
_RECALLED_RE = re.compile(r"\b(?:after|since)\s+(?:[\w'’-]+\s+){0,3}?(?:were|was|had\s+been|being)\b|"
                          r"\b(?:previous(?:ly)?|formerly|had\s+been|last)\b", re.I)
# ... or dated back from the story's day: "rated as “inadequate” in May last year", "two years ago"
_DATED_BEFORE_RE = re.compile(r"[^.]{0,25}?\b(?:(?:last|previous)\s+year|years?\s+ago)\b", re.I)
# The grade of the event a question asks about, beside its year ("the 2016 SIF that rated them inadequate", "the 2015
# SIF that came out inadequate", "the one that put them in inadequate")
ASKED_GRADE_RE = re.compile(rf"\b(?:(?:rated|judged|graded|got|given|received|awarded|went|gone|dropped|fell|"
                            rf"downgraded|upgraded|came\s+out|come\s+out|put)\s+"
                            rf"(?:(?:them|it|as|an?|to|be|in|into|up|the|council|authority|services?)\s+){{0,3}}|"
                            # ("went up to good in early 2022", "improved to good")
                            rf"(?:improved|moved|rose|risen|climbed|jumped)\s+(?:up\s+)?to\s+(?:an?\s+)?)"
                            rf"['‘\"“]?{_GRADE}\b(?!\s+(?:practice|standards?|levels?|time|shape)\b)|"
                            # (a terse query's "bromley 2019 good judgement", "its 2016 inadequate rating")
                            rf"(?<=\d\d\s){_GRADE}(?=\s+(?:judge?ment|rating|grade|ilacs|sif|inspection)s?\b)", re.I)
ASKED_NEAR_CHARS = 60  # (from the year asked)
# A grade dated ("its inadequate rating in June 2016", "was rated good in 2022", "got Good in 2022"): the grade
# next to the year ("from inadequate to good in 2019": good), as a judgement ("good progress in 2016" is none)
_GRADE_AS_JUDGEMENT = r"['’\"”]?(?=\s+(?:rating|judge?ment|grade|overall|in|by|from|at|of)\b)"
GRADE_DATED_RE = re.compile(rf"\b{_GRADE}\b{_GRADE_AS_JUDGEMENT}"
                            rf"(?:(?!\b(?:inadequate|requir\w*|good|outstanding|ri|from|to)\b)[^.?!;,]){{0,30}}?"
                            rf"\b(?:in|of)\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b", re.I)
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+['‘\"“]?$", re.I)  # ("up from inadequate in 2015": the grade left behind)
_SPAN_OPENS_RE = re.compile(r"\b(?:between|since|after|following)\s+(?:(?:the|its|their|it|they|being|was|were|"
                            r"had|been|last|council['’]s)\s+){0,3}['‘\"“]?$", re.I)
LEAD_CHARS = 800  # (the lead of a story on a judgement)
_GRADE_YEARS: "weakref.WeakKeyDictionary[object, dict[tuple[str, str], set[int]]]" = weakref.WeakKeyDictionary()


def grade_name(word: str) -> str:
    word = re.sub(r"\s+", " ", word.lower())
    return "requires improvement" if word in ("ri", "requiring improvement") else word


def _dated_grades(text: str) -> list[tuple[str, int, int]]:
    """(grade, year, offset) for each grade `text` dates, not one it says was left ("up from inadequate in 2015")."""
    return [(grade_name(m.group(1)), int(m.group(2)), m.start()) for m in GRADE_DATED_RE.finditer(text)
            if not _FROM_BEFORE_RE.search(text, max(0, m.start() - 10), m.start())]


@lru_cache(maxsize=4096)  # (per document, not per passage)
def lead_grade(text: str) -> str | None:
    """The first grade a text's lead gives, in a sentence naming no year up to it (one naming a year recalls an
    earlier judgement: "The last full inspection in 2017 was rated “Requires Improvement”")."""
    for a, b in sentence_spans(text[:LEAD_CHARS]):
        for m in GRADE_GIVEN_RE.finditer(text, a, b):
            # (a year just after, in the sentence, may be what it is measured against: "a “Good” rating, ... since
            # the last inspection in 2017")
            if not rank.YEAR_RE.search(text, a, min(b, m.end() + 30)) and not _RECALLED_RE.search(text, a, m.start()) \
                    and not _DENIED_RE.search(text, max(a, m.start() - 20), m.start()) \
                    and not _DATED_BEFORE_RE.match(text, m.end()):
                return grade_name(next(g for g in m.groups() if g))
    return None


@lru_cache(maxsize=4096)
def _latest_year(text: str) -> int:
    return max(rank.years_named(text.lower()), default=0)


@lru_cache(maxsize=1024)
def _asked_grades(question: str, first: int, last: int) -> frozenset[str]:
    years = [(m.start(), int(m.group(1))) for m in rank.YEAR_RE.finditer(question)]

    def beside_asked_year(at: int) -> bool:
        # (the year nearest the grade is asked: "rated inadequate in 2016; what did the 2019 inspection find?" asks
        # nothing of inadequate)
        # (in the same sentence: "... came out RI rather than inadequate. Which one? Need the 2023 grades")
        where, year = min(years, key=lambda y: abs(y[0] - at))
        return first <= year <= last and abs(where - at) <= ASKED_NEAR_CHARS \
            and not re.search(r"[.?!]\s", question[min(where, at):max(where, at)])

    # (nor a grade left: "from RI in 2019")
    # (nor the grade a span opens on: "between the RI in 2018 and the March 2023 ILACS", "since it was rated
    # inadequate in 2019" ask what came after it)
    near = {grade_name(m.group(1) or m.group(2)) for m in ASKED_GRADE_RE.finditer(question)
            if years and beside_asked_year(m.start())
            and not _FROM_BEFORE_RE.search(question, max(0, m.start(g := 1 if m.group(1) else 2) - 10), m.start(g))
            and not _SPAN_OPENS_RE.search(question, max(0, m.start() - 40), m.start())}
    return frozenset(near | {g for g, y, at in _dated_grades(question) if first <= y <= last
                             and not _SPAN_OPENS_RE.search(question, max(0, at - 40), at)})


def asked_grades(query: Query) -> frozenset[str]:
    """The grades the question gives the event of the asked years."""
    if not (query.date_from and query.date_to):
        return frozenset()
    # (not an event set aside, to the end of its clause: "Not the Nov 2017 re-inspection that got them to good")
    return _asked_grades(_SET_ASIDE_RE.sub(" ", query.text), query.date_from.year, query.date_to.year)


_SET_ASIDE_RE = re.compile(r"(?:^|(?<=[.?!;,(–—-]))\s*(?:not|rather\s+than|instead\s+of)\b[^.?!;)]*", re.I)


def grade_years(index) -> dict[tuple[str, str], set[int]]:
    """(place, grade) -> the years documents on the place date that grade to, credited to a council the sentence
    names (or the document's only one): read once per index build."""
    if index not in _GRADE_YEARS:
        found: dict[tuple[str, str], set[int]] = {}
        for d in index.documents.values():
            if not d.local_authorities or not GRADE_DATED_RE.search(d.text):
                continue
            for a, b in sentence_spans(d.text):
                sentence = d.text[a:b]
                lowered = sentence.lower()
                for grade, year, at in _dated_grades(sentence):
                    # (the council named last before it: "Newtown was rated inadequate in 2018, while Rutland ...")
                    named = [(lowered.rfind(p.lower(), 0, at), p) for p in d.local_authorities]
                    place = max(named)[1] if max(named)[0] >= 0 else \
                        d.local_authorities[0] if len(d.local_authorities) == 1 else None
                    if place:
                        found.setdefault((place.casefold(), grade), set()).add(year)
        _GRADE_YEARS[index] = found
    return _GRADE_YEARS[index]


def grade_dated(hit: Hit, query: Query, index) -> bool:
    """An undated story (its date the only fact unstated) whose lead gives a grade that the question or another page
    on its place dates to the asked years, naming no year after them."""
    if hit.unconfirmed != ["date"] or not (query.date_from and query.date_to):
        return False
    grade = lead_grade(hit.document.text)
    if not grade or _latest_year(hit.document.text) > query.date_to.year:
        return False
    if grade in asked_grades(query):
        return True
    years = range(query.date_from.year, query.date_to.year + 1)
    dated = grade_years(index)
    return any(y in years for place in hit.document.local_authorities for y in dated.get((place.casefold(), grade), ()))


def other_grade_given(hit: Hit, query: Query) -> bool:
    """An undated story whose lead gives another grade than the asked event's (the overall grade the question asks
    why of is the event's too: "doncaster SIF nov 2015 - adoption and fostering came out good so why was the whole
    service still rated inadequate? 2015 only" gives it both)."""
    if "date" not in hit.unconfirmed:
        return False
    asked = asked_grades(query)
    grade = lead_grade(hit.document.text) if asked else None
    return bool(grade) and grade not in asked \
        and grade not in _grades_asked_why(query.text, query.date_from.year, query.date_to.year)


@lru_cache(maxsize=256)  # (per question, not per passage)
def _grades_asked_why(text: str, first: int, last: int) -> frozenset[str]:
    """(the overall grade the question asks why of: "why was the whole service still rated inadequate?"; not one of
    another time, "... when the whole service was still rated inadequate before?", "i know they were rated
    inadequate later on")"""
    question = _SET_ASIDE_RE.sub(" ", text)
    years = [(m.start(), int(m.group(1))) for m in rank.YEAR_RE.finditer(question)]
    return frozenset(grade_name(m.group(1) or m.group(2)) for m in ASKED_GRADE_RE.finditer(question)
                     if years and _WHY_OVERALL_RE.search(question[max(0, m.start() - 60):m.start()])
                     and not _OTHER_TIME_AFTER_RE.match(question, m.end())
                     and first <= min(years, key=lambda y: abs(y[0] - m.start()))[1] <= last)


_WHY_OVERALL_RE = re.compile(r"\bwhy\s+(?:was|were|is|did|has|had)\b"
                             r"(?:(?!\b(?:since|after|when|before|until|from|previously)\b)[^.?!;,])*?"
                             r"\b(?:still|overall|whole|as\s+a\s+whole)\b[^.?!;,]*$", re.I)
_OTHER_TIME_AFTER_RE = re.compile(r"[^.?!;]*?\b(?:later|afterwards|subsequently|eventually|since|next|before|"
                                  r"previously|earlier|ago|then|during|when|while|whilst|until|till|after)\b", re.I)
