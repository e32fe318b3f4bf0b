"""Progress over time and side by side (issue 11): evidence trails and comparisons, extractive only.

    "How has supervision changed between the first and fourth monitoring visits?"  -> a Trail
    "compare Barnet and Reading on care leavers"                                 -> ComparisonBlocks

A trail is one point per document event (a visit, an inspection, a later report) that speaks to the topic, in
date order: the event's most authoritative document gives the passage, news or council pages about the same
event are listed under it ("also reported in"). Events in scope whose documents do not speak to the topic, and
visit numbers no indexed document reports, become gaps. Documents that state no date are listed apart.

Speaking to the topic (TOPIC_TERM_SHARE, COSINE_FLOOR): the passage's own words hold the topic's rarer terms
(at least half of the topic's idf mass), or its cosine with the topic reaches the floor. Nothing is generated:
every line shown is a verbatim passage with its citation; labels are dates and document facts.

Why one long module: it is one feature end to end (recognising the intent, scoring passages against the topic,
grouping documents into events, building trails and comparisons, their JSON and text forms). The steps share
private types (_Scored, _Event) that nothing else uses, so a split would only make them public; the sections
below are marked in the order a question goes through them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from qa.retrieval import rank
from qa.retrieval.answer_type import GIVEN_FIGURE_RE, provider_report
from qa.answers.cite import citation, long_date, period_label
from qa.documents.metadata import ORDINAL_RE, ordinal_value
from qa.retrieval.question import (CONTENT_RE, FOLLOW_UP_RE, QUESTION_WORDS, Query, parse_time,
                                   places_asked, without_set_asides)
from qa.passages.split import sentence_spans
from qa.terms import STOP_WORDS, tokenize
from qa.datatypes import DOC_TYPE_LABELS, Answer, Document, Hit

# Measured on the seeds (54 passages) for eight topics (supervision, care leavers, caseloads, thresholds, management
# oversight, permanence, staffing, quality assurance): passages without any topic word reach cosine 0.39 at most
# (p90 0.07-0.35); passages with the words 0.04-0.58. So cosine alone admits a passage only above 0.45.
COSINE_FLOOR = 0.45
TOPIC_TERM_SHARE = 0.5  # share of the topic's idf mass the passage's own words must hold
DENSE_POOL = 2000  # nearest passages scored by cosine (the rest count as 0 unless their words match)
BLOCK_POINTS = 2  # passages per comparison block
MAX_TRAILS = 3  # one trail per authority when the question names none
HIGHLIGHTS = 3

# "How has X changed?", "progress on X": a trail, unless the question asks how one text describes it.
TRAIL_RE = re.compile(
    # (within the clause that asks "how": "how did the lead member react ..., and what did he credit for the
    # progress?" asks about a reaction, not for a trail)
    r"\bhow\s+(?:has|have|had|did|does|do|is|are|was|were)\b(?:[^,;?]|,(?!\s*(?:and|but)\b))*\b(?:chang(?:e|ed|es|ing)|improv(?:e|ed|ing)|"
    r"develop(?:ed|ing)?|progress(?:ed|ing)?|evolv(?:e|ed|ing)|moved?\s+on|deteriorat(?:e|ed|ing)|declin(?:e|ed|ing)|"
    r"got\s+(?:better|worse)|shift(?:ed)?)\b"
    # (not a child's "educational progress of looked after children": the topic, not a trail)
    r"|(?<!educational\s)(?<!academic\s)(?<!learning\s)(?<!school\s)"
    r"\bprogress\s+(?:on|with|made on|(?:in|of)\s+(?!(?:the\s+)?(?:(?:19|20)\d{2}|january|february|march|april|may|"
    r"june|july|august|september|october|november|december)\b))\b", re.I)
# Words that ask for a trail whatever else the question says ("how have inspectors described X across its visits").
TRAIL_MARKER_RE = re.compile(
    r"\bover\s+time\b|\b(?:at|in|from|across)\s+(?:each|every|all(?:\s+the)?|the)\s+(?:\w+\s+)?"
    r"(?:monitoring\s+)?visits\b"
    r"|\bacross\s+(?:\w+\s+){0,3}visits\b|\b(?:each|every)\s+(?:monitoring\s+)?visit\b|\bvisit\s+by\s+visit\b"
    r"|\b(?:improved|changed|progressed|got\s+(?:better|worse)|deteriorated|moved\s+on)\s+since\b"
    r"|\btime\s*line\b|\btrajectory\b|\bchronolog(?:y|ical)\s+of\b", re.I)
# "over time" that belongs to the topic, not to the question: risk that "builds up over time", children who "keep
# the same worker over time" (a harm that accumulates, a relationship that lasts), asked at one point in time.
TOPIC_OVER_TIME_RE = re.compile(r"(?:\b(?:build(?:s|ing)?\s+up|buil[dt]\s+up|accumulat\w*|add(?:s|ing)?\s+up)|"
                                r"\bsame\s+(?:social\s+)?(?:worker|practitioner|carer|foster\s+carer|placement|iro|"
                                r"personal\s+adviser|key\s+worker)s?)\s+over\s+time\b", re.I)
# "How is progress after the 2015 judgement described?" asks what one text says about progress, not for a trail.
DESCRIBED_RE = re.compile(r"\bhow\s+(?:is|was|are|were)\b[^?]*\b(?:described|characteri[sz]ed|summari[sz]ed|"
                          r"portrayed)\b|\bhow\s+(?:did|does|do)\b[^?]*\b(?:describe|characteri[sz]e|summari[sz]e)\b",
                          re.I)
COMPARE_RE = re.compile(r"\bcompar(?:e|ed|ing|ison)\b|\bversus\b|\bvs\.?(?=\s)|\bside\s+by\s+side\b"
                        r"|\bdifferences?\s+between\b", re.I)
# "...: compared with the Nov 2015 SIF, did Ofsted think ...?": a clause set off from the question, not a request to
# put two things side by side ("How did Ofsted judge leadership in 2019 compared with 2015?" is one)
COMPARED_CLAUSE_RE = re.compile(r"[,:;(–—-]\s*(compared)\s+(?:with|to)\b", re.I)


def compared_in_passing(question: str) -> bool:
    """Whether every comparison word of the question is a "compared with" clause set off by punctuation (not
    "compare", "versus", nor "caseloads in 2019 compared with 2022")."""
    marks = list(COMPARE_RE.finditer(question))
    clauses = {m.start(1) for m in COMPARED_CLAUSE_RE.finditer(question)}
    return bool(marks) and all(m.start() in clauses for m in marks)


# "How did Ofsted say services compared with the previous inspection?": the comparison one text made is asked for,
# not two things put side by side.
# (a reporting verb, and an earlier inspection compared against: "How did Ofsted judge leadership in 2019 compared
# with 2015?" still asks for the two side by side)
REPORTED_COMPARE_RE = re.compile(r"\b(?:say|says|said|conclude[ds]?|report(?:s|ed)?)\s+(?:that\s+)?"
                                 r"(?:[\w'’-]+\s+){0,4}?compared\s+(?:with|to)\s+(?:[\w'’-]+\s+){0,2}?"
                                 r"(?:previous|last|earlier|prior|former|(?:19|20)\d\d)\s+(?:full\s+)?(?:ofsted\s+)?"
                                 r"(?:inspection|judge?ment|rating|visit)s?\b", re.I)
SINCE_INSPECTION_RE = re.compile(r"\b(?:since|after|following)\s+(?:the\s+|its\s+|their\s+)?(?:last\s+|latest\s+|"
                                 r"full\s+|previous\s+)?(?:ofsted\s+)?inspection\b", re.I)
# ("between Ofsted's first and third monitoring visits": a possessive may stand before the first ordinal)
VISIT_RANGE_RE = re.compile(rf"\b(?:between|from)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?{ORDINAL_RE}\s+(?:(?:monitoring\s+)?visit\s+)?"
                            rf"(?:and|to|until)\s+(?:the\s+)?{ORDINAL_RE}\b", re.I)
VISIT_SINCE_RE = re.compile(rf"\b(?:since|after|from)\s+(?:the\s+)?{ORDINAL_RE}\s+(?:monitoring\s+)?visit\b", re.I)
VISIT_ANY_RE = re.compile(rf"\b{ORDINAL_RE}\b(?=(?:\s+(?:and|or|,|to|versus|vs\.?)\s+(?:the\s+)?{ORDINAL_RE})*"
                          rf"\s+(?:monitoring\s+)?visits?\b)", re.I)
# One visit asked about ("at its first monitoring visit"): how things were progressing then, not a trail.
ONE_VISIT_RE = re.compile(rf"\b(?:at|on|during|in)\s+(?:the\s+|its\s+|their\s+|[\w-]+['’]s\s+)?"
                          rf"(?:(?:latest|last|final)\s+|{ORDINAL_RE}\s+)(?:ofsted\s+)?(?:monitoring\s+|focused\s+)?"
                          rf"visit\b", re.I)
# Words that frame the question rather than name its topic.
FRAME_WORDS = frozenset("""
how has have had did does do is are was were changed change changes changing improved improve improving progress
progressed progressing developed develop evolved evolve moved move deteriorated declined got gotten better worse
shifted differ differed since over time timeline trajectory chronology compare compared comparing comparison
versus vs side by between each every visit visits monitoring first second third fourth fifth sixth seventh
eighth ninth tenth inspection inspections last latest full previous ofsted and what about that this those it
them then on in of at across from to for with the a an after following during been being say said find found
tell show shows showed there any evidence trail how's what's now today recent recently one ones
conclude concluded conclusion conclusions finding findings judge judged actually really inspectors inspector
things thing picture situation position matters stuff everything anything
far focused focussed autumn spring summer winter before earlier later
please pls thanks
""".split()) | QUESTION_WORDS


# ---------------------------------------------------------------- what it returns


@dataclass
class Period:
    label: str
    date_from: date | None = None
    date_to: date | None = None
    visit: int | None = None


@dataclass
class Intent:
    kind: str  # "trail" | "compare"
    topic: str
    authorities: list[str] = field(default_factory=list)
    visit_from: int | None = None
    visit_to: int | None = None
    since_inspection: bool = False
    periods: list[Period] = field(default_factory=list)  # compare: one block per period (and authority)


@dataclass
class TrailPoint:
    hit: Hit  # the passage, its document, highlights and "also reported in"
    when: str  # ISO date the point sits at (the visit or period reported on, else the publication date)
    when_label: str  # "14 November 2017 to 15 November 2017 (visit); letter 12 December 2017"
    visit_number: int | None
    authority: str
    rank: int = 0  # 1-based position in Answer.hits


@dataclass
class Gap:
    after: str | None  # ISO date of the point before, None at the start
    before: str | None  # ISO date of the point after, None at the end
    message: str
    silent: list[dict] = field(default_factory=list)  # documents in the gap that do not speak to the topic
    missing_visits: list[int] = field(default_factory=list)  # visit numbers no indexed document reports


@dataclass
class Trail:
    authority: str  # "" when the documents do not state one
    entries: list[TrailPoint | Gap] = field(default_factory=list)  # in date order

    @property
    def points(self) -> list[TrailPoint]:
        return [x for x in self.entries if isinstance(x, TrailPoint)]


@dataclass
class ComparisonBlock:
    label: str
    authority: str | None
    period: str | None
    points: list[TrailPoint] = field(default_factory=list)
    message: str = ""  # why the block is empty


@dataclass
class Timeline:
    kind: str  # "trail" | "compare"
    topic: str
    topic_terms: list[str]
    trails: list[Trail] = field(default_factory=list)
    undated: list[TrailPoint] = field(default_factory=list)
    blocks: list[ComparisonBlock] = field(default_factory=list)

    def ordered_points(self) -> list[TrailPoint]:
        return [p for t in self.trails for p in t.points] + self.undated + [p for b in self.blocks for p in b.points]

    def to_dict(self) -> dict:
        def point(p: TrailPoint) -> dict:
            return {"type": "point", "rank": p.rank, "passage_id": p.hit.passage.passage_id, "date": p.when,
                    "when": p.when_label, "visit_number": p.visit_number, "authority": p.authority,
                    "citation": citation(p.hit.document, p.hit.passage),
                    "also_reported_in": p.hit.also_reported_in}

        def gap(g: Gap) -> dict:
            return {"type": "gap", "after": g.after, "before": g.before, "message": g.message, "silent": g.silent,
                    "missing_visits": g.missing_visits}

        return {"kind": self.kind, "topic": self.topic, "topic_terms": self.topic_terms,
                "trails": [{"authority": t.authority,
                            "entries": [point(x) if isinstance(x, TrailPoint) else gap(x) for x in t.entries]}
                           for t in self.trails],
                "undated": [point(p) for p in self.undated],
                "blocks": [{"label": b.label, "authority": b.authority, "period": b.period,
                            "points": [point(p) for p in b.points], "message": b.message} for b in self.blocks]}


# ---------------------------------------------------------------- recognising the intent


# "When was the report published that said services had deteriorated since 2016?", "Which report said ...": the
# change is what one text said, and the question asks about that text (a date, which text), not for a trail.
REPORTED_CHANGE_RE = re.compile(r"^\W*(?:when\s+(?:was|were|did|is|are|has|had)|on\s+what\s+date|what\s+date|"
                                r"which\s+(?:month|year|date))\b[^,;:]*\b(?:that|which|who)\s+(?:said|says|found|"
                                r"finds|concluded|reported|stated|warned|claimed)\b|"
                                r"^\W*(?:which|what)\s+(?:\w+\s+)?(?:report|letter|article|story|statement|page|"
                                r"document)\s+(?:said|says|found|finds|concluded|reported|stated|warned|claimed)\b", re.I)


# "How did the council respond when Ofsted said services had got worse since 2021?": the change is what a text said
# ("said its services had" just before "got worse since"), set in a clause about that text; the question asks about
# something else (the reply), not for a trail.
# (or in a relative clause: "the inspection that said its services had declined since 2021")
REPORTED_IN_CLAUSE_RE = re.compile(r"\b(?:when|after|once|because|as|where|that|which)\s+[^,;?]{0,120}?\b(?:said|says|"
                                   r"found|finds|reported|concluded|judged|warned|claimed|stated|noted|announced)\s+"
                                   r"(?:that\s+)?(?:[\w'’-]+\s+){0,5}(?:had|has|have|was|were)\s*$", re.I)


# "According to the Principal Social Worker's practice notes, how has supervision changed since the visit?": one
# named text's account is asked for, not a trail across documents (its plural, "Ofsted's letters", still is one).
# (the named text closes its clause with a comma; "according to each letter" or "the cabinet minutes" are several)
ONE_SOURCE_RE = re.compile(r"^\W*according\s+to\s+(?!(?:each|every|all|any)\b)"
                           r"(?:(?!\b(?:how|what|has|have|had|did|does|is|are|was|were)\b)[^,;?]){0,80}?"
                           r"\b(?:letter|report|article|story|blog(?:\s+post)?|notes|statement|press\s+release|briefing|"
                           r"update|paper|post|page)\b(?!s)[^,;?]{0,30},", re.I)


def detect(question: str, previous: Query | None = None) -> Intent | None:
    """A trail or comparison question, with its topic; None for an ordinary question."""
    text = re.sub(r"\s+", " ", question or "").strip()
    # A trail is asked when any marker or "how has X changed" stands outside a clause reporting what a text said
    # ("... the report that said services had declined, and how have they improved?")
    changes = [*_trail_markers(text), *([] if DESCRIBED_RE.search(text) else TRAIL_RE.finditer(text))]
    # (not a figure the question gives to compare with: "how many ..., compared with 706 in 2019?" asks one count)
    compared = [m for m in COMPARE_RE.finditer(text) if not GIVEN_FIGURE_RE.match(text, m.start())]
    kind = "compare" if compared and not REPORTED_COMPARE_RE.search(text) else \
        "trail" if any(not _reported(text, change) for change in changes) else None
    if kind is None or kind == "trail" and ONE_SOURCE_RE.search(text):
        return None
    if kind == "trail" and ONE_VISIT_RE.search(text) and not _trail_markers(text) \
            and not (VISIT_RANGE_RE.search(text) or VISIT_SINCE_RE.search(text)) \
            and len({m.group(1).lower() for m in VISIT_ANY_RE.finditer(text)}) == 1:
        return None  # "What did Ofsted conclude at its first monitoring visit? How was the front door progressing?"
    authorities = places_asked(text)  # (not WNC in "..., not WNC's release on its 2022 ILACS": nothing to compare)
    topic = topic_of(_asking_clause(text), authorities) or topic_of(text, authorities)
    if not topic:
        if previous is None or not (FOLLOW_UP_RE.match(text) or re.search(r"\b(that|this|it|them)\b", text, re.I)):
            return None
        topic = topic_of(previous.topic, list(previous.authorities)) or previous.topic
        authorities = authorities or list(previous.authorities)
    intent = Intent(kind=kind, topic=topic, authorities=authorities,
                    since_inspection=bool(SINCE_INSPECTION_RE.search(text)))
    if m := VISIT_RANGE_RE.search(text):
        a, b = ordinal_value(m.group(1)), ordinal_value(m.group(2))
        intent.visit_from, intent.visit_to = min(a, b), max(a, b)
    elif m := VISIT_SINCE_RE.search(text):
        intent.visit_from = ordinal_value(m.group(1))
    if kind == "compare":
        intent.periods = _periods(without_set_asides(text))  # (a year set aside is not one of the two)
        if len(authorities) < 2 and len(intent.periods) < 2:
            return None  # nothing to put side by side: an ordinary question
    return intent


# "For a timeline: which month and year was X judged inadequate?": what the answer is for, not what is asked
PURPOSE_MARKER_RE = re.compile(r"\b(?:for|building|writing|drafting|making|putting\s+together|updating)\s+"
                               r"(?:a|an|my|our|the|their)\s+(?:[\w'’-]+\s+){0,2}?(?:time\s*line|chronology)\b", re.I)


def _trail_markers(text: str) -> list[re.Match]:
    """The trail markers in a question, less an "over time" that is part of its topic, or a timeline the answer
    is for."""
    topical = [m.span() for m in (*TOPIC_OVER_TIME_RE.finditer(text), *PURPOSE_MARKER_RE.finditer(text))]
    return [m for m in TRAIL_MARKER_RE.finditer(text) if not any(a <= m.start() < b for a, b in topical)]


def _reported(text: str, change: re.Match) -> bool:
    """A change that is what a text said ("the report published that said services had deteriorated since 2016",
    "respond when Ofsted said services had got worse"), not what the question asks to follow."""
    return bool(REPORTED_CHANGE_RE.search(_sentence_before(text, change.start()))
                or REPORTED_IN_CLAUSE_RE.search(_before_change(text, change)))


def _before_change(text: str, change: re.Match) -> str:
    """The sentence up to the change a trail match found: its marker's start, or the change word closing a "how did
    ..." match ("how did the council respond to the inspection that said its services had | declined")."""
    if change.re is TRAIL_MARKER_RE:
        return _sentence_before(text, change.start())
    word = re.search(r"(?:got\s+|moved\s+)?\S+\s*$", change.group())
    return _sentence_before(text, change.start() + word.start())


def _sentence_before(text: str, end: int) -> str:
    """The sentence holding position `end`, up to it (an earlier sentence's "the 2016 report found" is not it)."""
    start = max((m.end() for m in re.finditer(r"[.;?!]\s+", text[:end])), default=0)
    return text[start:end]


# "Leicester disputed Ofsted's latest findings - what did inspectors conclude about how services had changed?": the
# clause before the dash sets the scene; the topic is in the clause that asks for the trail.
CLAUSE_BREAK_RE = re.compile(r"\s[-–—]\s|;\s|:\s|(?<=[a-z0-9])[.?!]\s+(?=[A-Z])")


def _asking_clause(text: str) -> str:
    clauses = [c for c in CLAUSE_BREAK_RE.split(text) if c.strip()]
    asking = [c for c in clauses if TRAIL_MARKER_RE.search(c) or TRAIL_RE.search(c) or COMPARE_RE.search(c)]
    return asking[0] if len(clauses) > 1 and asking else text


def topic_of(text: str, authorities: list[str]) -> str:
    """The question minus its framing, time, visit and place words: 'supervision', 'care leavers'."""
    rest = text
    for _ in range(3):
        _, _, phrase, stripped = parse_time(rest)
        if not phrase:
            break
        rest = stripped
    rest = rank.YEAR_RE.sub(" ", rest)
    for name in authorities:
        rest = re.sub(rf"\b{re.escape(name)}(?:'s|’s)?\b", " ", rest, flags=re.I)
    rest = re.sub(r"\b(?:(?:city|county|metropolitan|district)\s+)*(?:borough\s+)?council\b"
                  r"|\b(?:borough|local authority|children's services|children’s services)\b", " ", rest, flags=re.I)
    words = [w for w in CONTENT_RE.findall(rest) if w.lower() not in FRAME_WORDS and w.lower() not in STOP_WORDS]
    return " ".join(words)


def _periods(text: str) -> list[Period]:
    visits = [ordinal_value(m.group(1)) for m in VISIT_ANY_RE.finditer(text)]
    if len(set(visits)) >= 2:
        return [Period(f"{_ordinal_word(v)} monitoring visit", visit=v) for v in dict.fromkeys(visits)]
    years = list(dict.fromkeys(int(y) for y in rank.YEAR_RE.findall(text)))
    if len(years) >= 2:
        return [Period(str(y), date(y, 1, 1), date(y, 12, 31)) for y in years]
    return []


def _ordinal_word(n: int) -> str:
    from qa.retrieval.question import _ordinal

    return _ordinal(n)


# ---------------------------------------------------------------- scoring passages against the topic


@dataclass
class _Scored:
    rows: dict[str, list[tuple[int, float]]]  # doc_id -> [(row, score)] of passages speaking to the topic
    terms: list[str]


def _score(assistant, index, topic: str) -> _Scored:
    terms = list(dict.fromkeys(index.bm25.query_terms(topic)))
    n_rows = len(index.passages)
    df = index.bm25.document_frequency(terms)
    idf = {t: float(np.log(1 + n_rows / (1 + df.get(t, 0)))) for t in terms}
    total_idf = sum(idf.values()) or 1.0
    bm25 = index.bm25.scores(terms) if df else np.zeros(n_rows, dtype=np.float32)
    cosine: dict[int, float] = {}
    if index.dense is not None and not assistant.dense_error and topic.strip():
        try:
            qvec = assistant._encode_cached([topic])[0]
            cosine = dict(index.dense.search(qvec, min(n_rows, DENSE_POOL)))
            missing = np.array([r for r in np.flatnonzero(bm25) if int(r) not in cosine], dtype=np.int64)
            cosine.update(zip(missing.tolist(), index.dense.scores_for(qvec, missing).tolist()))
        except Exception:  # noqa: BLE001 - the words alone still decide
            cosine = {}
    top_bm25 = float(bm25.max()) if len(bm25) and bm25.max() > 0 else 1.0
    candidates = set(np.flatnonzero(bm25).tolist()) | {r for r, c in cosine.items() if c >= COSINE_FLOOR}
    rows: dict[str, list[tuple[int, float]]] = {}
    for row in candidates:
        passage = index.passages[row]
        words = set(tokenize(passage.text))
        share = sum(idf[t] for t in terms if t in words) / total_idf
        cos = cosine.get(row, 0.0)
        if share < TOPIC_TERM_SHARE and cos < COSINE_FLOOR:
            continue
        doc = index.documents[passage.doc_id]
        weight = rank.SCOPE_PENALTY if passage.headings and rank.SCOPE_HEADING_RE.search(passage.headings[-1]) else 1.0
        weight *= rank.scope_weight(passage.text, "", None)  # a letter's "Inspectors looked at ..." is no finding
        score = (0.6 * cos + 0.4 * float(bm25[row]) / top_bm25 + 0.3 * share) * weight
        rows.setdefault(doc.doc_id, []).append((row, score))
    for found in rows.values():
        found.sort(key=lambda x: -x[1])
    return _Scored(rows, terms)


def _speaks_for(doc: Document, passage_text: str, authority: str | None) -> bool:
    """A document about several authorities speaks for one of them in passages that name it, or that name none of
    them when it is the document's first (main) authority."""
    if not authority or len(doc.local_authorities) < 2:
        return True
    text = passage_text.casefold()
    named = [a.casefold() for a in doc.local_authorities if a.casefold() in text]
    return authority.casefold() in named if named else authority.casefold() == doc.local_authorities[0].casefold()


def _best_row(scored: _Scored, index, doc: Document, authority: str | None) -> tuple[int, float] | None:
    for row, score in scored.rows.get(doc.doc_id, []):
        if _speaks_for(doc, index.passages[row].text, authority):
            return row, score
    return None


def _highlights(text: str, terms: list[str], topic: str, encode) -> list[list[int]]:
    spans = sentence_spans(text)
    marked = [[s, e] for s, e in spans if set(terms) & set(tokenize(text[s:e]))][:HIGHLIGHTS]
    if marked or not spans or encode is None:
        return marked
    vectors = encode([topic] + [text[s:e] for s, e in spans])
    best = int(np.argmax(vectors[1:] @ vectors[0]))
    return [list(spans[best])]


# ---------------------------------------------------------------- events: one point per visit or document


def _when(doc: Document) -> str | None:
    """Where a document sits on the line: the end of the period it reports on, else its date; None = undated."""
    return doc.period_end or doc.period_start or doc.date


def _when_label(doc: Document) -> str:
    label = DOC_TYPE_LABELS.get(doc.doc_type, "document")
    parts = []
    if doc.period_start:
        parts.append(f"{'visit' if doc.visit_number else 'reports on'} {period_label(doc)}")
    parts.append(f"{label} {long_date(doc.date)}" if doc.date else f"{label}, publication date not stated")
    return "; ".join(parts)


def _month(iso: str | None) -> str:
    return long_date(iso, day=False) if iso else ""


def _same_event(a: Document, b: Document) -> bool:
    """One visit or inspection: a shared authority and the same visit number, or the same stated period."""
    if not ({x.casefold() for x in a.local_authorities} & {x.casefold() for x in b.local_authorities}):
        return False
    if a.visit_number and a.visit_number == b.visit_number:
        return True
    return bool(a.period_start) and (a.period_start, a.period_end) == (b.period_start, b.period_end)


@dataclass
class _Event:
    docs: list[Document]
    when: str | None
    speaking: list[tuple[Document, int, float]] = field(default_factory=list)  # (doc, row, score)

    @property
    def visit(self) -> int | None:
        return next((d.visit_number for d in self.docs if d.visit_number), None)


def _events(docs: list[Document], scored: _Scored, index, authority: str | None) -> list[_Event]:
    events: list[_Event] = []
    for doc in sorted(docs, key=lambda d: (-rank.TYPE_PRIOR.get(d.doc_type, 0.9), d.doc_id)):
        event = next((ev for ev in events if any(_same_event(doc, other) for other in ev.docs)), None)
        if event is None:
            event = _Event([], _when(doc))
            events.append(event)
        event.docs.append(doc)
        event.when = event.when or _when(doc)
        best = _best_row(scored, index, doc, authority)
        if best:
            event.speaking.append((doc, *best))
    for ev in events:
        # The most authoritative source that speaks to the topic gives the point; reports of the same event follow.
        ev.speaking.sort(key=lambda x: (-rank.TYPE_PRIOR.get(x[0].doc_type, 0.9), -x[2]))
    return events


def _point(ev: _Event, index, authority: str, terms: list[str], topic: str, encode) -> TrailPoint:
    doc, row, score = ev.speaking[0]
    passage = index.passages[row]
    hit = Hit(passage=passage, document=doc, score=score, scores={"timeline": score})
    hit.highlights = _highlights(passage.text, terms, topic, encode)
    for other, other_row, _ in ev.speaking[1:]:
        p = index.passages[other_row]
        hit.also_reported_in.append({"doc_id": other.doc_id, "title": other.title, "doc_type": other.doc_type,
                                     "location": p.location, "passage_id": p.passage_id})
    if authority and len(doc.local_authorities) > 1 and authority.casefold() != doc.local_authorities[0].casefold():
        # A story mainly about another authority: its visit and period are that authority's, not this one's.
        return TrailPoint(hit=hit, when=doc.date or "", when_label=_when_label(replace(doc, period_start=None)),
                          visit_number=None, authority=authority)
    return TrailPoint(hit=hit, when=ev.when or "", when_label=_when_label(doc), visit_number=ev.visit,
                      authority=authority)


def _silent(ev: _Event) -> list[dict]:
    return [{"doc_id": d.doc_id, "title": d.title, "doc_type": d.doc_type, "date": d.date,
             "label": f"{d.title} ({DOC_TYPE_LABELS.get(d.doc_type, 'document')}, "
                      f"{period_label(d) or long_date(d.date)})"} for d in ev.docs]


def _gap(after: str | None, before: str | None, silent: list[dict], missing: list[int], topic: str) -> Gap:
    if after and before:
        span = f"between {_month(after)} and {_month(before)}"
    elif before:
        span = f"before {_month(before)}"
    else:
        span = f"after {_month(after)}" if after else ""
    parts = []
    if silent:
        parts.append(f"Nothing {span} mentions {topic} in: " + "; ".join(s["label"] for s in silent) + ".")
    if missing:
        visits = ", ".join(_ordinal_word(v) for v in missing)
        parts.append(f"No indexed document reports the {visits} monitoring visit{'s' if len(missing) > 1 else ''}"
                     f" ({span}).".replace(" ()", ""))
    return Gap(after=after, before=before, message=" ".join(parts), silent=silent, missing_visits=missing)


def build_trail(events: list[_Event], index, authority: str, scored: _Scored, topic: str, encode,
                visit_range: tuple[int | None, int | None]) -> Trail:
    dated = sorted((ev for ev in events if ev.when), key=lambda ev: ev.when)
    trail = Trail(authority=authority)
    known_visits = {ev.visit for ev in dated if ev.visit}
    lo = visit_range[0] or (min(known_visits) if known_visits else None)
    hi = visit_range[1] or (max(known_visits) if known_visits else None)
    missing = [v for v in range(lo, hi + 1) if v not in known_visits] if lo and hi else []
    pending_silent: list[dict] = []
    last_point: TrailPoint | None = None
    last_visit = 0

    def flush(before: str | None, next_visit: int | None) -> None:
        nonlocal pending_silent
        gone = [v for v in missing if v > last_visit and (next_visit is None or v < next_visit)]
        for v in gone:
            missing.remove(v)
        if pending_silent or gone:
            trail.entries.append(_gap(last_point.when if last_point else None, before, pending_silent, gone, topic))
        pending_silent = []

    for ev in dated:
        if not ev.speaking:
            pending_silent.extend(_silent(ev))
            last_visit = max(last_visit, ev.visit or 0)
            continue
        point = _point(ev, index, authority, scored.terms, topic, encode)
        flush(point.when, ev.visit if ev.visit else None)
        trail.entries.append(point)
        last_point = point
        last_visit = max(last_visit, ev.visit or 0)
    flush(None, None)
    return trail


# ---------------------------------------------------------------- answering


# (the head of a report, as rank.prior reads it: a council paper may cite a home's registered manager further down)
PROVIDER_TOPIC_RE = re.compile(r"\b(?:children['’]?s\s+homes?|residential\s+(?:homes?|care|settings?)|secure\s+(?:units?|"
                               r"homes?)|schools?|nurser(?:y|ies)|providers?|youth\s+offending|youth\s+justice)\b", re.I)


def in_scope(doc: Document, query: Query, intent: Intent, authority: str | None) -> bool:
    scope = replace(query, visit_number=None, authorities=[authority] if authority else [])
    if rank.check_filters(doc, scope).status == "excluded":
        return False
    if authority and not doc.local_authorities:
        return False  # a place is asked: documents that do not state theirs stay out of its trail
    if provider_report(doc.text[:rank.PROVIDER_HEAD_CHARS]) and not PROVIDER_TOPIC_RE.search(intent.topic):
        return False  # a children's home the council runs was inspected, not the council's services
    if intent.visit_from or intent.visit_to:
        # A visit range: visit documents outside it are out; documents without a visit number count by date.
        if doc.visit_number and not ((intent.visit_from or 0) <= doc.visit_number <= (intent.visit_to or 99)):
            return False
    return True


# "How did caseloads change between the first and third visits?": the later text often states the change itself
# ("fallen from 27 children at the time of the first monitoring visit to 19", "a significant improvement since the
# last monitoring visit"). Asked between two ends, that point answers first; the trail follows in date order.
BETWEEN_RE = re.compile(r"\bbetween\b[^?]+\band\b|\bfrom\b[^?]+\b(?:to|until)\b", re.I)
# (a figure changed, not a date or an age: "from 4 to 5 July", "aged from 16 to 18", "increased by 2021" say nothing)
_FIGURE = (r"\d+(?:[.,]\d+)*%?(?!\d)(?<!\b(?:19|20)\d\d)(?!\s*(?:st|nd|rd|th)?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
           r"oct|nov|dec)[a-z]*\b)")
CHANGE_STATED_RE = re.compile(rf"\b(?:since|compared\s+(?:with|to)|at\s+the\s+time\s+of)\s+(?:the|its|our)\s+"
                              rf"(?:last|previous|earlier|{ORDINAL_RE})\s+(?:monitoring\s+)?(?:visit|inspection)\b|"
                              rf"\b(?:fallen|fell|reduced|risen|rose|increased|decreased|dropped|grown|grew)\s+"
                              rf"(?:\w+\s+){{0,3}}?(?:to|from|by)\s+(?:an?\s+average\s+of\s+|around\s+|about\s+)?"
                              rf"{_FIGURE}", re.I)


def _change_stated_at_end(timeline: Timeline, query: Query, intent: Intent) -> TrailPoint | None:
    if intent.kind != "trail" or len(timeline.trails) != 1 or not BETWEEN_RE.search(query.text):
        return None
    if not (intent.visit_from and intent.visit_to or query.date_from and query.date_to):
        return None
    points = timeline.trails[0].points
    last = points[-1] if len(points) > 1 else None
    return last if last is not None and CHANGE_STATED_RE.search(last.hit.passage.text) else None


def _visit_window(docs: list[Document], intent: Intent) -> tuple[str | None, str | None]:
    """The dates of the asked visits, so that other documents are kept to the same stretch of time."""
    if not (intent.visit_from or intent.visit_to):
        return None, None
    lo_docs = [d for d in docs if d.visit_number == intent.visit_from and rank.doc_span(d)]
    hi_docs = [d for d in docs if intent.visit_to and d.visit_number == intent.visit_to and rank.doc_span(d)]
    lo = min((rank.doc_span(d)[0].isoformat() for d in lo_docs), default=None)
    hi = max((rank.doc_span(d)[1].isoformat() for d in hi_docs), default=None)
    return lo, hi


def ask(assistant, index, query: Query, intent: Intent, result: Answer) -> Answer:
    """Fill `result` (an Answer from Assistant.ask) with the trail or comparison for `intent`."""
    encode = assistant.sentence_encoder(index)
    scored = _score(assistant, index, intent.topic)
    authorities = intent.authorities or list(query.authorities)
    timeline = Timeline(kind=intent.kind, topic=intent.topic, topic_terms=scored.terms)
    docs = list(index.documents.values())
    if intent.since_inspection and not (query.date_from or query.date_to):
        # (the council's inspection: not a children's home's own report, where the council placed children)
        inspections = [rank.doc_span(d)[0] for d in docs if d.doc_type == "ofsted_report" and rank.doc_span(d)
                       and (not authorities or set(authorities) & set(d.local_authorities))
                       and not provider_report(d.text)]
        if inspections:
            query = replace(query, date_from=max(inspections), time_phrase=f"since the inspection "
                                                                            f"({_month(max(inspections).isoformat())})")
    if intent.kind == "compare":
        timeline.blocks = _compare(index, query, intent, scored, authorities, encode)
    else:
        lanes = authorities or _lanes(docs, scored, index)[:MAX_TRAILS]
        for authority in lanes:
            chosen = [d for d in docs if in_scope(d, query, intent, authority or None)]
            if not authorities:  # one trail per authority: each document on the trail of the one it speaks for
                chosen = [d for d in chosen if _lane_of(d, scored, index) == authority]
            lo, hi = _visit_window(chosen, intent)
            chosen = [d for d in chosen if d.visit_number or not rank.doc_span(d) or
                      ((not lo or rank.doc_span(d)[1].isoformat() >= lo) and
                       (not hi or rank.doc_span(d)[0].isoformat() <= hi))]
            events = _events(chosen, scored, index, authority or None)
            trail = build_trail(events, index, authority, scored, intent.topic, encode,
                                (intent.visit_from, intent.visit_to))
            if trail.points:
                timeline.trails.append(trail)
            timeline.undated += [_point(ev, index, authority, scored.terms, intent.topic, encode)
                                 for ev in events if not ev.when and ev.speaking]
    points = timeline.ordered_points()
    lead = _change_stated_at_end(timeline, query, intent)
    if lead is not None:
        points = [lead] + [p for p in points if p is not lead]
    for n, p in enumerate(points, 1):
        p.rank = n
    result.hits = [p.hit for p in points]
    result.query = replace(query, topic=intent.topic, follow_up=False)
    result.filters = {**query.filters(), "timeline": intent.kind, "topic": intent.topic}
    result.filters.pop("visit_number", None)
    result.filters_description = describe(intent, query, authorities, lead is not None)
    if not points:
        result.message = f"No document in scope speaks to {intent.topic}."
        if intent.kind == "compare":  # the blocks still say, side by side, that neither has anything
            result.timeline = timeline
        else:
            result.abstained = True
        return result
    # The "answer" is each point's first highlighted sentence, verbatim, in the order shown.
    parts = []
    for p in points:
        spans = p.hit.highlights or [[0, len(p.hit.passage.text)]]
        s, e = spans[0]
        parts.append(f"{p.hit.passage.text[s:e].strip()} [{p.rank}]")
    result.answer = " ".join(parts[:6])
    result.timeline = timeline
    return result


def _lane_of(doc: Document, scored: _Scored, index) -> str:
    if len(doc.local_authorities) > 1:
        best = scored.rows.get(doc.doc_id)
        text = index.passages[best[0][0]].text.casefold() if best else ""
        named = [a for a in doc.local_authorities if a.casefold() in text]
        if named:
            return named[0]
    return doc.local_authorities[0] if doc.local_authorities else ""


def _lanes(docs: list[Document], scored: _Scored, index) -> list[str]:
    """Authorities (or "" for documents stating none) by how many of their documents speak to the topic."""
    counts: dict[str, int] = {}
    for d in docs:
        if d.doc_id in scored.rows:
            lane = _lane_of(d, scored, index)
            counts[lane] = counts.get(lane, 0) + 1
    return sorted(counts, key=lambda a: (-counts[a], a == "", a))


def _compare(index, query: Query, intent: Intent, scored: _Scored, authorities: list[str], encode) -> list[ComparisonBlock]:
    sides = [(a, None) for a in authorities] or [(None, None)]
    if intent.periods:
        sides = [(a, p) for a, _ in sides for p in intent.periods]
    known = {a.casefold() for d in index.documents.values() for a in d.local_authorities}
    dated = [p for p in intent.periods if p.date_from]
    blocks = []
    for authority, period in sides:
        label = " \u2014 ".join(x for x in (authority, period.label if period else None) if x)
        block = ComparisonBlock(label=label, authority=authority, period=period.label if period else None)
        blocks.append(block)
        if authority and authority.casefold() not in known:
            block.message = f"No documents about {authority} are in the index."
            continue
        scope = query
        if period:
            scope = replace(query, date_from=period.date_from, date_to=period.date_to, time_phrase=period.label)
        side_intent = replace(intent, visit_from=period.visit if period and period.visit else intent.visit_from,
                              visit_to=period.visit if period and period.visit else intent.visit_to)
        chosen = [d for d in index.documents.values() if in_scope(d, scope, side_intent, authority)
                  and (not (period and period.visit) or d.visit_number == period.visit)
                  and (not (period and period.date_from) or rank.doc_span(d) or _home_period(d, dated) is period)]
        events = [ev for ev in _events(chosen, scored, index, authority) if ev.speaking]
        events.sort(key=lambda ev: -max(rank.TYPE_PRIOR.get(d.doc_type, 0.9) * s for d, _, s in ev.speaking))
        block.points = [_point(ev, index, authority or "", scored.terms, intent.topic, encode)
                        for ev in events[:BLOCK_POINTS]]
        block.points.sort(key=lambda p: p.when or "9999")
        if not block.points:
            block.message = f"No document about {label or 'this'} speaks to {intent.topic}."
    return blocks


def _home_period(doc: Document, periods: list[Period]) -> Period | None:
    """The one period an undated document is shown under when periods are compared: the one holding the latest
    year its text names (a text is written in or after the latest year it names; "since the last visit in
    November 2017" in a 2018 story). Its latest year in none of them (a 2021 story recalling 2017), or in two
    (March and September of one year), it cannot be placed, and is in no period's block."""
    years = rank.years_named(doc.text)
    latest = max(years, default=None)
    homes = [p for p in periods if latest is not None and (p.date_from is None or p.date_from.year <= latest)
             and (p.date_to is None or latest <= p.date_to.year)]
    return homes[0] if len(homes) == 1 else None


def describe(intent: Intent, query: Query, authorities: list[str], change_first: bool = False) -> str:
    order = "the change as the latest text states it first, then in date order" if change_first else "in date order"
    head = f"Evidence trail on {intent.topic}, {order}" if intent.kind == "trail" else \
        f"Side by side on {intent.topic}"
    parts = [head]
    if authorities:
        parts.append(("about " if intent.kind == "trail" else "") + " and ".join(authorities))
    if intent.visit_from or intent.visit_to:
        parts.append(f"monitoring visits {intent.visit_from or 1} to {intent.visit_to or 'latest'}")
    if query.date_from or query.date_to:
        parts.append(query.time_phrase or f"{query.date_from or '...'} to {query.date_to or '...'}")
    if query.doc_types:
        parts.append("types: " + ", ".join(query.doc_types))
    return "; ".join(parts)


# ---------------------------------------------------------------- JSON and text


def annotate(data: dict, answer: Answer) -> dict:
    """Add the `timeline` block to answer_to_dict's output, and each passage's place on it (`when`)."""
    timeline = getattr(answer, "timeline", None)
    if timeline is None:
        return data
    data["timeline"] = timeline.to_dict()
    when = {p.rank: p for p in timeline.ordered_points()}
    for p in data["passages"]:
        point = when.get(p["rank"])
        if point:
            p["when"] = point.when_label
            p["timeline_date"] = point.when
            p["visit_number"] = point.visit_number
    return data


def format_text(data: dict) -> str:
    """The terminal view: the trail in date order (or the blocks), each point cited, gaps and undated apart."""
    import textwrap

    tl = data["timeline"]
    passages = {p["rank"]: p for p in data["passages"]}
    out = [f"Q: {data['question']}"] + [f"! {n}" for n in data.get("notices", [])]
    out += [data.get("filters_description", ""), ""]

    def point(entry: dict, indent: str = "  ") -> list[str]:
        p = passages[entry["rank"]]
        visit = f" (visit {entry['visit_number']})" if entry.get("visit_number") else ""
        lines = [f"{indent}{_month(entry['date']) or 'undated'}{visit}  [{entry['rank']}] {p['citation']}",
                 f"{indent}    {p['when']}"]
        marked = [" ".join(p["text"][s:e].split()) for s, e in p.get("highlights", [])] or [" ".join(p["text"].split())]
        for sentence in marked:
            lines.append(textwrap.fill(f"\u201c{sentence}\u201d", 100, initial_indent=indent + "    ",
                                       subsequent_indent=indent + "     "))
        for other in entry.get("also_reported_in", []):
            lines.append(f"{indent}    also reported in: {other['title']} ({other['location']})")
        return lines

    for trail in tl["trails"]:
        out.append(f"Trail: {trail['authority'] or 'authority not stated'}")
        for entry in trail["entries"]:
            if entry["type"] == "point":
                out += point(entry)
            else:
                out.append(textwrap.fill(f"-- gap: {entry['message']}", 100, initial_indent="  ",
                                         subsequent_indent="     "))
            out.append("")
    if tl["undated"]:
        out.append("Undated (not placed on the line):")
        for entry in tl["undated"]:
            out += point(entry) + [""]
    for block in tl["blocks"]:
        out.append(f"== {block['label']} ==")
        if not block["points"]:
            out.append(f"  {block['message']}")
        for entry in block["points"]:
            out += point(entry)
        out.append("")
    return "\n".join(out).rstrip()
