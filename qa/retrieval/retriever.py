"""Hybrid retrieval over one loaded index: BM25 and dense candidates within the question's filters, fused,
weighted by the ranking priors and grouped, with the signals the answer policy abstains on.

    retriever = Retriever(settings, encode=CachedEncoder(embedder))
    found = retriever.retrieve(index, parse("What did inspectors say about supervision in 2018?"))
    found.hits, found.signals, found.dense_error

It holds no per-request state: a failing embedder comes back as `dense_error` (the caller decides what
that means for later questions; qa/index/live.py records it).
"""
from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

import numpy as np

from qa.config import Settings
from qa.datatypes import Hit
from qa.index.embedder import Embedder, EmbedderUnavailable
from qa.index.scope import Scope
from qa.index.store import Index
from qa.retrieval import rank
from qa.retrieval.acronyms import (FIELD_GLOSSARY, INSPECTION_KIND_LONG_RE, THE_FIELD_ITSELF, acronym_weight,
                                   asked_acronyms, defined_as, expand, index_definitions, spelled_out_re,
                                   with_short_forms)
from qa.retrieval.answer_type import (OVERALL_ASKED_RE, answer_type_weight, area_grade_weight, asked_event, asked_role,
                                      counted_stems, earlier_inspection_weight, holds, previous_post_weight,
                                      reaction_weight, reason_weight, recalled_overall_weight,
                                      second_fact_weight, several_named_weight, tenure_weight, who_verb_weight)
from qa.retrieval.fusion import get_fusion, hybrid_lists
from qa.retrieval.question import (FRAMEWORK_RE, INSPECTION_KIND_RE, INTERVENTION_RE, NEGATED_SOURCE_RE, SOURCE_KINDS,
                                   Query, SPECIALIST_SERVICE_RE, names_asked_second, names_restated_only,
                                   specialist_service, without_set_asides)
from qa.retrieval.spelling import mended, spelling_fixes
from qa.terms import tokenize
from qa.retrieval.synonyms import ACTING_FOR, PUBLICATION_ASKED_RE, alternatives, other_forms, with_synonyms

# Fused candidates considered for priors and grouping: deep enough that a passage the priors lift a long way (the one
# naming the inspectors, for "which inspectors ...?") is among them (30 lost one such question once the dense side
# read the place at half weight; 45 costs about 5 % of a question's time).
POOL = 45
SENTENCE_CACHE_SIZE = 20_000  # about 30 MB of MiniLM vectors

Encode = Callable[[list[str]], np.ndarray]


class CachedEncoder:
    """Embeddings with an LRU cache: the sentences of popular passages recur across questions.
    Thread-safe; the model runs outside the lock so concurrent questions still embed in parallel."""

    def __init__(self, embedder: Embedder, size: int = SENTENCE_CACHE_SIZE):
        self.embedder = embedder
        self.size = size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, texts: list[str]) -> np.ndarray:
        unique = list(dict.fromkeys(texts))
        with self._lock:
            found = {t: self._cache[t] for t in unique if t in self._cache}
            for t in found:
                self._cache.move_to_end(t)
        missing = [t for t in unique if t not in found]
        if missing:
            found.update(zip(missing, self.embedder.encode(missing)))
            with self._lock:
                for t in missing:
                    self._cache[t] = found[t]
                while len(self._cache) > self.size:
                    self._cache.popitem(last=False)
        return np.vstack([found[t] for t in texts])


@dataclass
class Retrieval:
    hits: list[Hit] = field(default_factory=list)
    # coverage (share of the question's terms in the top passage), unmentioned (names no passage within the
    # filters contains), dense_top (best cosine; only when the dense side ran)
    signals: dict = field(default_factory=dict)
    dense_error: str | None = None  # the embedder failed on this question: the reason (BM25 answered alone)


class Retriever:
    def __init__(self, settings: Settings, encode: Encode | None = None):
        self.settings = settings
        self.encode = encode  # None: BM25 alone

    def retrieve(self, index: Index, query: Query, timings: dict | None = None, dense: bool = True) -> Retrieval:
        """Candidates for `query` from `index`; `dense=False` (semantic search known to be down) skips vectors."""
        s = self.settings
        timings = {} if timings is None else timings
        docs = index.documents
        checks = {d: rank.check_filters(doc, query) for d, doc in docs.items()}
        allowed_docs = {d for d, check in checks.items() if check.status != "excluded"}
        if not allowed_docs:
            return Retrieval()
        mask = np.zeros(len(index.passages), dtype=bool)
        for d in allowed_docs:
            mask[index.doc_rows.get(d, [])] = True
        scope = Scope(mask, None if len(allowed_docs) == len(docs) else frozenset(allowed_docs))
        defined = index_definitions(index)
        text = query.with_places_named(expand(query.search_text, defined))
        t = time.perf_counter()
        asked = expand(query.keyword_text, defined)
        fixes = spelling_fixes(asked, index.bm25.query_terms, index.bm25.document_frequency)  # "priorites"
        text, asked = mended(text, fixes), mended(asked, fixes)
        q_terms = keyword_terms(index.bm25.query_terms(with_synonyms(with_short_forms(asked))), query.text)
        if query.answer_type in (None, "timescale"):  # (a date, a person, a decision: the opening may state it)
            q_terms = without_kind_words(q_terms, index.bm25.query_terms, query.text, defined,
                                         lambda words, acronyms: _spelled_alone(index, mask, words, acronyms))
        # coverage counts an everyday word as met by the documents' word for it, and that word not again
        alternative = alternatives(asked, index.bm25.query_terms)
        own_terms = keyword_terms(index.bm25.query_terms(asked), query.text)
        # Candidate lists come from the store (in-process matrices or SQL); fusion and ranking below are shared.
        bm25_ranked = index.bm25.top(q_terms, scope, s.candidates)
        if not bm25_ranked and asked != text and index.bm25.document_frequency(q_terms):
            # What is asked, without the scene, may be only words too common to count in a small corpus
            # ("assessments" in half its passages): then the whole question is searched for, the place aside (every
            # candidate names it; counted, it would make any passage look like an answer). Words no passage holds
            # ("drones") are no such case: nothing answers them.
            whole = query.without_places(text)
            q_terms = keyword_terms(index.bm25.query_terms(with_synonyms(whole)), query.text)
            own_terms = keyword_terms(index.bm25.query_terms(whole), query.text)
            bm25_ranked = index.bm25.top(q_terms, scope, s.candidates)
        # Under a filter that a few documents meet outright, every passage of theirs is a candidate: one sharing
        # few words with the question (a councillor's reply quoted under a letter's findings) must not lose its
        # place to passages of documents only shown apart.
        matching = matching_rows(index, checks, allowed_docs)
        listed = {row for row, _ in bm25_ranked}
        unlisted = np.array([row for row in matching if row not in listed], dtype=np.int64)
        if len(unlisted):
            extra = zip(unlisted.tolist(), np.asarray(index.bm25.scores_for(q_terms, unlisted), dtype=float).tolist())
            bm25_ranked = sorted(bm25_ranked + list(extra), key=lambda rs: -rs[1])
        timings["bm25"] = time.perf_counter() - t
        lists = {"bm25": bm25_ranked}
        dense_scores: dict[int, float] = {}
        qvec = rank_vec = None
        placeless = text
        dense_error = None
        if index.dense is not None and dense and self.encode is not None:
            t = time.perf_counter()
            # Ranking reads the question with the authorities it filters on at half weight (the whole question's
            # vector plus the one without them), as keyword search leaves them out: every candidate is about them,
            # and at full weight they draw the passages that repeat the name (a letter's opening) over the one on
            # the topic. Abstention's best cosine and the hits' cosines are the whole question's, the text they
            # were calibrated on.
            placeless = query.without_places(text) if query.authorities else text
            try:
                placeless = placeless if placeless != text and len(placeless.split()) >= 2 else text
                vectors = self.encode(list(dict.fromkeys([text, placeless])))
                qvec = vectors[0]  # cached: the extractive answer scores against qvec too
                rank_vec = qvec + vectors[-1]
                rank_vec = rank_vec / np.linalg.norm(rank_vec)
            except EmbedderUnavailable as exc:
                dense_error = str(exc)
            if qvec is not None:
                timings["embed"] = time.perf_counter() - t
                t = time.perf_counter()
                dense_ranked = index.dense.top(rank_vec, scope, s.candidates)
                lists["dense"] = dense_ranked
                dense_scores = dict(dense_ranked)
                timings["dense"] = time.perf_counter() - t
        if qvec is not None and "dense" in lists:
            # For the convex combination every candidate gets both scores (its real BM25 score and cosine).
            lists = hybrid_lists(lists["bm25"], lists["dense"], s.fusion,
                                 bm25_scores=lambda rows: index.bm25.scores_for(q_terms, rows),
                                 dense_scores=lambda rows: index.dense.scores_for(rank_vec, rows))
            dense_scores = dict(lists["dense"])
        if qvec is not None and placeless != text and dense_scores:
            rows = list(dense_scores)
            dense_scores = dict(zip(rows, np.asarray(index.dense.scores_for(qvec, rows), dtype=float).tolist()))
        if "dense" in lists:
            fuse = get_fusion(s.fusion)
            fused = fuse(lists, k=s.rrf_k, weights={"dense": s.dense_weight, "bm25": s.bm25_weight})
        else:  # BM25 alone: its own scores, nothing to fuse
            fused = lists["bm25"]
        fused = fused[:POOL] + [rs for rs in fused[POOL:] if rs[0] in matching]
        if not fused:
            return Retrieval(signals={"coverage": 0.0}, dense_error=dense_error)
        newest = rank.newest_date(docs[d] for d in allowed_docs)
        top_fused = fused[0][1]
        # Every match negative (rank-bm25's idf in a corpus of a few passages): the best over each, so the scale is
        # positive and the weights below lower a passage rather than raise it.
        def relative(score: float) -> float:
            if top_fused > 0:
                return score / top_fused
            return top_fused / score if score < 0 else 1.0
        hits: list[Hit] = []
        bm25_map = dict(bm25_ranked)
        considered = without_set_asides(query.text)  # (not "the March cabinet paper" set aside: no month asked)
        months = rank.asked_months(query)
        months = months | rank.months_named(considered) if months else months
        # minutes asked of a meeting in the asked month: the months their figures name are no other event's
        meeting_asked = bool(months) and rank.asks_minutes(query.text)
        if rank.RELATIVE_MONTH_ASKED_RE.search(query.text):
            months = frozenset()  # "around the Jan 2017 visit, in which month had the minister written beforehand?"
        broad = rank.is_broad(index.bm25.document_frequency(q_terms), len(index.passages))
        role, event, day = asked_role(query.text), asked_event(query.text), rank.asked_day(query)
        inspector_asked = role in ("inspector", "lead inspector")  # (a letter's sign-off is then the whole letter's)
        counted = counted_stems(query.topic, query.authorities) if query.answer_type == "count" else frozenset()
        overall = bool(OVERALL_ASKED_RE.search(query.text))
        acronyms = asked_acronyms(query.names, defined, arrangement_named_by)
        quoted = rank.quoted_phrases(considered)
        financial = rank.financial_years(considered, short=True)
        as_at = rank.as_at_asked(query)
        for row, score in fused:
            passage = index.passages[row]
            doc = docs[passage.doc_id]
            if rank.about_another_of_its_places(passage.text, doc, query.authorities, inspector_asked):
                continue  # a round-up's paragraph on Warwickshire does not answer for Newcastle
            weight = rank.prior(doc, query, newest, passage.headings, passage.start) \
                * rank.prose_weight(passage.text, query.answer_type, event, overall) \
                * answer_type_weight(query.answer_type, passage.text, role, event, counted, overall) \
                * rank.month_weight(frozenset() if meeting_asked and doc.date and int(doc.date[5:7]) in months
                                    else months, passage.text, passage.headings, doc.date, day) \
                * rank.lead_weight(broad, passage) \
                * rank.scope_weight(passage.text, query.text, query.answer_type) \
                * rank.reply_weight(passage.text, query.text, query.source, doc.doc_type == "council_page") \
                * rank.improve_weight(passage.text, passage.headings, query.text,
                                      doc.text[max(0, passage.start - rank.LINE_BEFORE_CHARS):passage.start]) \
                * rank.fault_weight(passage.text, query.text) * rank.praise_weight(passage.text, query.text) \
                * rank.direction_weight(passage.text, query.text) * area_grade_weight(query.text, passage.text) \
                * second_fact_weight(query.text, query.answer_type, passage.text) \
                * recalled_overall_weight(query.answer_type, query.text, passage.text) \
                * previous_post_weight(query.text, passage.text) * who_verb_weight(query.text, passage.text) \
                * tenure_weight(query.text, passage.text) * reason_weight(query.text, passage.text) \
                * reaction_weight(query.text, passage.text) \
                * several_named_weight(query.text, passage.text) \
                * earlier_inspection_weight(query.text, passage.text) \
                * rank.recall_weight(checks[doc.doc_id], passage.text, query) \
                * (acronym_weight(acronyms, passage.text, [doc.title or "", doc.text[:OPENING_CHARS],
                                                           *passage.headings]) if acronyms else 1.0) \
                * rank.unnamed_place_weight(passage.text, passage.headings, doc, query.authorities) \
                * rank.other_inspectorate_weight(doc, query.text) * rank.minutes_weight(doc, query.text) \
                * rank.members_asked_weight(passage.text, query.text) \
                * rank.formalities_weight(passage.text, query.text, query.answer_type) \
                * rank.speaker_document_weight(doc, query.text) \
                * rank.joint_inspection_weight(doc, query) * rank.ofsted_criticised_weight(doc, query.text) \
                * rank.notice_weight(passage.text, query.text) * rank.other_visit_weight(passage.text, query) \
                * rank.restated_question_weight(passage.text, query.text) \
                * rank.set_aside_weight(doc, query) * heading_only_weight(index, passage, q_terms, query.answer_type) \
                * rank.earlier_event_weight(doc, query) * rank.quoted_phrase_weight(passage.text, quoted) \
                * rank.financial_year_weight(passage.text, financial) * rank.as_at_weight(passage.text, as_at)
            hits.append(Hit(passage=passage, document=doc, score=relative(score) * weight,
                            scores={"fused": score, "prior": weight, "bm25": bm25_map.get(row, 0.0),
                                    **({"dense": dense_scores[row]} if row in dense_scores else {})},
                            unconfirmed=list(checks[doc.doc_id].unknown)))
        hits.sort(key=lambda h: -h.score)
        hits = rank.group_duplicates(hits)
        if rank.asks_for_places(query.text) and not query.authorities:
            hits = rank.one_per_document_first(hits)
        by_score = list(hits)  # (the closest passages, whatever their filters say: what coverage reads)
        # Stable: those meeting the filters first, then those leaving one fact unstated, and so on; each by score.
        hits.sort(key=lambda h: len(h.unconfirmed))
        hits = rank.set_aside_kinds_last(rank.retellings_after(rank.ofsted_telling_first(hits, query), query), query)
        naming = named_in(index, docs, checks, query, mask)
        # (what was found before, asked if put right; or what only a second question names)
        restated = names_restated_only(query.text, tuple(query.names)) \
            | names_asked_second(query.text, tuple(query.names))
        unmentioned = unmentioned_names(index, [n for n in query.names if n not in restated], naming, defined)
        if AEM_ASKED_RE.search(considered) and AEM_LETTER_RE.search(considered) \
                and not FULL_INSPECTION_ASKED_RE.search(considered) \
                and not any(may_tell_engagement_meeting(docs[d], query.authorities, "authority" in checks[d].unknown)
                            for d in allowed_docs):
            unmentioned.append("annual engagement meeting")  # (not a name a page must write)
        if publishing := named_only_as_publisher(index, query.names, naming):
            # the publication asked by name speaks only through its own pages: theirs first (no other passage
            # states the name; one from another source would answer in the wrong voice)
            hits.sort(key=lambda h: (len(h.unconfirmed), h.document.doc_id not in publishing))
        asked = NEGATED_SOURCE_RE.sub(" ", query.text)  # ("(so CIW, not Ofsted)": Ofsted is not asked about)
        if rank.asks_ofsted_only(asked):
            unmentioned += spoken_only_by_others(index, docs, query.names, unmentioned, naming)
        if query.authorities and (rank.OFSTED_RE.search(asked) or FRAMEWORK_RE.search(query.text)):
            # "What did Ofsted find in Wolverhampton?" where the only pages about Wolverhampton are another
            # inspectorate's: Ofsted is framing in most questions, but here no page about the place speaks for it.
            # (Its frameworks speak for it: "Hertfordshire's 2024 ILACS grade" where another inspectorate's page is
            # all; not where a council's own minutes on the ILACS do not name Ofsted.)
            # The pages stating the place count, dated or not; Ofsted's own letters and reports speak for it
            # whether or not their text names it.
            about = [d for d, check in checks.items()
                     if check.status != "excluded" and "authority" not in check.unknown]
            stated = np.zeros(len(index.passages), dtype=bool)
            for d in about:
                stated[index.doc_rows.get(d, [])] = True
            if about and not any(docs[d].doc_type in SOURCE_KINDS["ofsted"] for d in about) \
                    and (rank.OFSTED_RE.search(asked) or all(rank.OTHER_INSPECTORATE_RE.search(
                        f"{docs[d].publisher}\n{docs[d].text[:300]}") for d in about)) \
                    and unmentioned_names(index, ["Ofsted"], stated):
                unmentioned.append("Ofsted")
        signals: dict = {"coverage": max((coverage(index, own_terms, h.passage.passage_id, alternative)
                                          for h in by_score[:COVERAGE_DEPTH]), default=0.0),
                         "unmentioned": unmentioned, "known": known_share(index, own_terms, alternative),
                         "terms": len(set(own_terms)),
                         "mended": fixes}
        if qvec is not None:
            cos = [v for v in dense_scores.values()]
            if placeless != text:  # the candidates were found by the mixed vector: the whole question's best may be
                cos += [v for _, v in index.dense.top(qvec, scope, 1)]  # another passage
            signals["dense_top"] = max(cos) if cos else 0.0
        return Retrieval(hits, signals, dense_error)


# "kirklees AEM 2019 - what did the letter after the annual engagement meeting say?": a page tells of such a meeting
# in its own words ("thank you for meeting with me"), so the abbreviation is no name to find; where no page that may
# meet the filters, about the place asked, tells of one, nothing answers (its inspection stories are no such letter)
# (not where it is set aside, "not the aem letter", nor where an inspection is asked and the meeting is its context,
# "what did the 2019 ilacs say about the self-evaluation shared at its annual engagement meeting?")
# (the letter after it asked, "ofsted's letter after the annual engagement meeting": not the council's own papers for
# it, "what did rutland's self-evaluation for the 2019 aem say?")
AEM_ASKED_RE = re.compile(r"\baems?\b|\bannual\s+engagement\s+meetings?\b", re.I)
AEM_LETTER_RE = re.compile(r"\bletters?\b", re.I)
FULL_INSPECTION_ASKED_RE = re.compile(r"\b(?:ilacs|sif|jtai|inspection|(?:monitoring|focus+ed)\s+visit|mv\d?|fv)\b",
                                      re.I)
AEM_TOLD_RE = re.compile(r"\bengagement\s+meetings?\b|\bAEMs?\b|"
                         r"\bmeet(?:ing)?\s+(?:with\s+)?(?:[\w'’]+\s+){0,3}?(?:me|us)\b|\bmeeting\s+between\b|"
                         r"\bannual\s+(?:conversation|engagement|meeting|review)\b|\bmet\s+(?:with\s+)?(?:ofsted|hmi|"
                         r"the\s+regional|(?:[\w'’]+\s+){0,2}?senior\s+hmi)\b|"
                         r"\bour\s+(?:recent\s+|annual\s+)?meeting\b|"
                         r"\bmeet\s+you\b|\bthank\s+you\s+for\s+your\s+time\b|\bdiscussion\s+(?:held\s+)?with\b",
                         re.I)

_VISIT_OR_INSPECTION_RE = re.compile(r"\b(?:inspection|inspected|monitoring\s+visit|focus+ed\s+visit|visited)\b",
                                     re.I)


def may_tell_engagement_meeting(doc, places: list[str], place_unknown: bool) -> bool:
    """Whether a page that may meet the filters may be, or tell of, an engagement meeting's letter: one telling of
    such a meeting in the words letters use, or an Ofsted letter on no visit or inspection (its opening may put it any
    way: "Thank you for the time you spent with me"); a page whose place is unknown only where it names the place."""
    if place_unknown and not any(p.casefold() in doc.text.casefold() for p in places):
        return False
    return bool(AEM_TOLD_RE.search(doc.text)) or doc.doc_type == "ofsted_letter" and not doc.visit_number \
        and not _VISIT_OR_INSPECTION_RE.search(doc.text[:AEM_LETTER_OPENING_CHARS])


AEM_LETTER_OPENING_CHARS = 1500

# "What did inspectors say about X?": the framing names who spoke, which nearly every passage of an
# inspection corpus does too. Keyword search looks for X; the dense side still reads the whole question.
FRAMING_TERMS = frozenset({"say", "said", "find", "found", "ofst", "inspector", "tell", "told", "mention",
                           "report", "state", "think", "thought",
                           # HMI, and its long form's "His Majesty's" (a letter's sign-off holds it)
                           "hmi", "hmis", "majesti",
                           # ("anything on knife crime?": what is asked about follows)
                           "anyth", "someth",
                           # a negation typed short ("didnt act", "didn't": its "didn") says nothing a passage must hold
                           *(f"{verb}{end}" for verb in ("didn", "doesn", "isn", "wasn", "aren", "weren", "hasn",
                                                         "haven", "hadn", "couldn", "shouldn", "wouldn", "don")
                             for end in ("", "t")), "cant"})  # (not "won": "won an award")
# "What did HMI write about caseloads?": inspectors writing is framing too (not "involved in writing their plans")
WRITING_FRAMED_RE = re.compile(r"\b(?:hmis?|inspectors?|ofsted|letter|report)\s+(?:write|wrote|writes|ha(?:ve|s|d)\s+"
                               r"written)\b", re.I)

# "What did Ofsted's own letter conclude about ...": the letter is the source asked for (a preference already), and
# as a word it matched the letter's sign-off ("I am copying this letter to ..."), not what it concluded. Not a
# letter that is the topic ("letters before proceedings", "pre-proceedings letters", "how many letters were sent").
# (or "the ofsted letter", typed without the possessive, as what speaks: "what did the ofsted letter say", "... ? the
# ofsted letter, not the paper", "The Ofsted monitoring letter on ..."; not "the council letter to carers", nor a
# letter others are on, "did the cabinet discuss the ofsted letter?", "release on the Ofsted MV letter")
SOURCE_LETTER_RE = re.compile(r"\b(?:ofsted|hmi|inspectors|the\s+council)['’]s?\s+(?:own\s+)?(?:[\w-]+\s+)?letter\b|"
                              r"(?:^\W*|[?.!;:–—]\s*|\s-\s+|\bwhat\s+did\s+|\bwhat\s+does\s+)the\s+(?:ofsted|hmi)s?\s+"
                              r"(?:own\s+)?(?:[\w-]+\s+){0,2}letter\b", re.I)
LETTER_TOPIC_RE = re.compile(r"\bletters?\s+(?:before\s+proceedings|to\s+(?:parents|families|schools|carers))\b|"
                             r"\blater\s+life\s+letters?\b|"
                             r"\bpre-?proceedings\s+letters?\b|\bhow\s+many\s+letters\b", re.I)


# "On what dates did HMI do the third MV?": the date is the kind of answer (weighed as such), not a word to find; as
# a word it matched "up to date" and "date of birth" over the letter's "carried out on 5 and 6 March". (Not for a
# full inspection: its report opens "Inspection dates: ...".)
DATES_ASKED_RE = re.compile(r"\b(?:what|which)\s+dates?\b(?=.*\b(?:mvs?\d*|(?:monitoring|focus+ed)\s+visits?)\b)",
                            re.I)

# "which month and year was X judged inadequate? Need the exact date": the words ask for a date, which the answer
# states ("in June 2016") rather than names ("judged inadequate last year" holds "year")
# (not "date": "on what dates did Ofsted inspect?" is answered under "Inspection dates")
# (not a year group or a three year plan: "which year groups ...", "which year 11 pupils")
DATE_WORDS_ASKED_RE = re.compile(r"\b(?:what|which)\s+(?:month\s+and\s+)?(?:month|year)\s+(?:was|were|did|is|had|has|"
                                 r"does|do|will)\b|\bexact\s+(?:date|month)s?\b", re.I)

# "Which inspectors carried out ...", "who led ...": then the people are the subject and stay.
PEOPLE_QUESTION_RE = re.compile(r"^\W*(who|whom|whose)\b|\b(which|name the)\s+(\w+\s+)?(inspectors?|hmis?)\b",
                                re.I)


MIN_TOPIC_TERMS = 2


def without_kind_words(terms: list[str], tokenize, question: str, defined: dict[str, str],
                       spelled_alone=None) -> list[str]:
    """Keyword terms without the long form's words of an inspection kind the question names by its acronym
    ("croydon jtai health info late for strat discussions"), when at least MIN_TOPIC_TERMS others say what is asked
    and no page in scope spells the kind out without the acronym (`spelled_alone(kind_words, acronyms)`: minutes on
    "18 Joint targeted area inspection" would lose it): a letter's opening spells the kind out again and again
    ("This letter summarises the findings of the joint targeted area inspection (JTAI) ...") and outscored the
    finding asked. The acronym stays a term, and passages lacking the kind are weighed by acronym_weight."""
    typed = set(tokenize(question))
    kind_words: set[str] = set()
    acronyms: set[str] = set()
    for word in set(re.findall(r"\b[A-Za-z]{3,6}\b", question)):
        if long := defined_as(word, defined):
            acronyms |= set(tokenize(word))
            if INSPECTION_KIND_LONG_RE.search(long):
                kind_words |= set(tokenize(long)) - typed
    kept = [t for t in terms if t not in kind_words]
    if not kind_words or len(set(kept) - acronyms) < MIN_TOPIC_TERMS \
            or spelled_alone and spelled_alone(kind_words, acronyms):
        return terms
    return kept


def _spelled_alone(index: Index, mask: np.ndarray, words: set[str], acronyms: set[str]) -> bool:
    """Whether a passage within `mask` holds all of `words` in a document never writing any of `acronyms` (a
    letter's findings need not repeat the "(JTAI)" of its opening)."""
    holding = mask.copy()
    for word in words:
        holding &= _rows_naming(index, word)
    abbreviating = {index.passages[r].doc_id for acronym in acronyms for r in index.bm25.rows_with(acronym)}
    return any(index.passages[r].doc_id not in abbreviating for r in np.flatnonzero(holding))


def heading_only_weight(index: Index, passage, q_terms: list[str], kind: str | None = None) -> float:
    """A short passage (a story's last line, "Ofsted is expected to make a third monitoring visit in the summer.")
    matching the question only through the headings indexed with it weighs like a bare header: length
    normalisation made it outscore the paragraph saying it (under a subheadline "Inspectors say caseloads are
    down")."""
    if not q_terms or len(passage.text.split()) >= rank.HEADER_WORDS \
            or kind in rank.LABEL_ANSWERS and holds(kind, passage.text):  # ("Overall effectiveness: Inadequate")
        return 1.0
    return 1.0 if set(q_terms) & set(index.bm25.query_terms(passage.text)) else rank.HEADER_FLOOR


# "how many of the areas ...": the question's words, not the topic's ("for many months" in the story). (Not "which
# one": "Inspectors rated one area as good" answers "did any area come out good, and which one?")
HOW_MANY_RE = re.compile(r"\bhow\s+many\b", re.I)
# "according to the article on ...": who tells (it matched "according to Ofsted"), not "in accordance with"
ACCORDING_TO_RE = re.compile(r"\baccording\s+to\b", re.I)
# "what was going wrong with permanence planning?" asks for the failings, in whatever words ("poor permanency
# planning"); "lots of different SWs" asks for many, however said ("frequent changes of social workers")
WENT_WRONG_RE = re.compile(r"\b(?:go(?:es|ing|ne)?|went)\s+wrong\b", re.I)
LOTS_OF_RE = re.compile(r"\blots?\s+of\s+(?:different\s+)?", re.I)


def _phrase_framing(question: str) -> set[str]:
    """The words of a framing phrase the question holds, unless it holds them elsewhere too ("children moved to the
    wrong placements - what went wrong?" keeps "wrong")."""
    framing = set()
    for phrase in (WENT_WRONG_RE, LOTS_OF_RE):
        if phrase.search(question):
            framing |= set(tokenize(" ".join(m.group(0) for m in phrase.finditer(question)))) \
                - set(tokenize(phrase.sub(" ", question)))
    return framing


def _letter_is_source(question: str) -> bool:
    """The letter named is the source asked, and no letter is the topic too ("letters before proceedings", "what did
    the ofsted letter say about children's letters?": "letter" again outside the source's words)."""
    return bool(SOURCE_LETTER_RE.search(question)) and not LETTER_TOPIC_RE.search(question) \
        and not re.search(r"\bletter", SOURCE_LETTER_RE.sub(" ", question), re.I)


def keyword_terms(terms: list[str], question: str = "") -> list[str]:
    if PEOPLE_QUESTION_RE.search(question):
        return terms
    framing = FRAMING_TERMS | ({"write"} if WRITING_FRAMED_RE.search(question) else set()) \
        | ({"date"} if DATES_ASKED_RE.search(question) else set()) \
        | ({"month", "year", "exact"} if DATE_WORDS_ASKED_RE.search(question) else set()) \
        | ({"letter"} if _letter_is_source(question) else set()) \
        | ({"mani"} if HOW_MANY_RE.search(question) else set()) \
        | ({"accord"} if ACCORDING_TO_RE.search(question) else set()) \
        | _phrase_framing(question) \
        | ({"come", "came"} if PUBLICATION_ASKED_RE.search(question) else set())  # (searched as "published")
    kept = [t for t in terms if t not in framing]
    return kept or terms


def known_share(index: Index, q_terms: list[str], alternative: dict[str, tuple[frozenset[str], ...]]) -> float:
    """Share of the question's distinct terms that occur anywhere in the corpus, or whose documents' words do
    ("lockdown": "covid"): what keyword search alone can tell of a question about something else entirely ("a good
    recipe for lasagne": one of three)."""
    terms = set(q_terms)
    if not terms:
        return 0.0
    known = index.bm25.document_frequency(list(terms | {a for t in terms for form in alternative.get(t, ()) for a in form}))
    return sum(1 for t in terms if t in known or any(form and form <= known.keys() for form in alternative.get(t, ()))
               ) / len(terms)


def coverage(index: Index, q_terms: list[str], passage_id: str,
             alternative: dict[str, tuple[frozenset[str], ...]] | None = None) -> float:
    """Share of the question's distinct terms that the passage's indexed words contain (a term counting as met
    by one of its `alternative` words, every term of it present)."""
    terms = set(q_terms)
    row = index.row_of(passage_id)
    if not terms or row is None:
        return 0.0
    alternative = alternative or {}
    present = index.bm25.terms_in(row, terms | {a for t in terms for form in alternative.get(t, ()) for a in form})
    return sum(1 for t in terms if t in present or any(form and form <= present for form in alternative.get(t, ()))
               ) / len(terms)


COVERAGE_DEPTH = 3  # coverage is the best share of the question's terms among this many closest passages
MATCHING_ROWS = 40  # at most this many passages of documents meeting every filter are all kept as candidates


def matching_rows(index: Index, checks: dict, allowed_docs: set[str]) -> set[int]:
    """The passages of the documents that meet every filter outright, when a filter narrows the corpus to a few."""
    if len(allowed_docs) == len(index.documents):
        return set()
    rows = {row for d in allowed_docs if checks[d].status == "match" for row in index.doc_rows.get(d, [])}
    return rows if len(rows) <= MATCHING_ROWS else set()


def named_in(index: Index, docs: dict, checks: dict, query: Query, mask: np.ndarray) -> np.ndarray:
    """The passages a name from the question must be found in: those within the filters, less documents that do
    not state their authority and never name the asked one (a national report on youth offending does not speak
    for "HM Inspectorate of Probation's rating of Liverpool")."""
    if not query.names or not query.authorities:
        return mask
    naming = set().union(*(_docs_naming(index, a) for a in query.authorities))
    rows = mask.copy()
    stated = None  # whether any document is about the place (read only when needed)
    for d, check in checks.items():
        if "authority" not in check.unknown or d in naming:
            continue
        if rank.unnamed_council_page(docs[d], query) or rank.names_asked_body(docs[d], query):
            # where no document is about the place, a council's page naming no council may be its own (and a page
            # naming the school asked by name may be on the school there)
            if stated is None:
                stated = any(c.status != "excluded" and "authority" not in c.unknown for c in checks.values())
            if not stated:
                continue
        rows[index.doc_rows.get(d, [])] = False
    # nor a round-up's paragraph on another of its places ("the Birmingham JTAI" does not mention one in Lambeth);
    # read only where a name's words are (a question reads no other text)
    naming_words = np.zeros(len(rows), dtype=bool)
    for name in query.names:
        naming_words |= _rows_naming(index, name)
    for r in np.flatnonzero(rows & naming_words):
        doc = docs[index.passages[r].doc_id]
        if len(doc.local_authorities) > 1 \
                and rank.about_another_of_its_places(index.passages[r].text, doc, query.authorities):
            rows[r] = False
    return rows


def _published_by(index: Index, name: str, mask: np.ndarray) -> bool:
    """A publication asked by name ("What did Children's Practice Weekly report ...?") that a page within the
    filters names only in its metadata: its site's name, not its text."""
    return bool(_publishing(index, name, mask))


def _publishing(index: Index, name: str, mask: np.ndarray) -> set[str]:
    """The pages within the filters that `name` publishes (their site's name)."""
    words = set(index.bm25.query_terms(name))
    if not words:
        return set()
    by_term = index.docs_by_publisher_term
    publishing = set.intersection(*(by_term.get(w, set()) for w in words))
    return {d for d in publishing if d in index.doc_rows and mask[index.doc_rows[d]].any()}


def named_only_as_publisher(index: Index, names: list[str], mask: np.ndarray) -> set[str]:
    """The documents publishing a name from the question that no passage within the filters states ("What did the
    Care Quality Commission find ...?" where only a page's title names the site): they are what it said."""
    found: set[str] = set()
    for name in names:
        # (the site-name map first: most names publish nothing, and then no passage mask is built again)
        if (publishing := _publishing(index, name, mask)) and not np.any(_rows_naming(index, name) & mask):
            found |= publishing
    return found


def _docs_naming(index: Index, name: str, mask: np.ndarray | None = None) -> set[str]:
    """Documents with a passage (within `mask`, if given) holding every word of `name` (from the keyword index: no
    text is read again)."""
    rows = _rows_naming(index, name)
    return {index.passages[r].doc_id for r in np.flatnonzero(rows if mask is None else rows & mask)}


def _rows_naming(index: Index, name: str) -> np.ndarray:
    """The passages holding every word of `name`, as a mask over the index's passages."""
    rows = np.ones(len(index.passages), dtype=bool)
    for term in index.bm25.query_terms(name):
        having = np.zeros(len(rows), dtype=bool)
        found = index.bm25.rows_with(term)
        if len(found):
            having[found] = True
        rows &= having
    return rows


def arrangement_in(long: str) -> str | None:
    """The specialist arrangement inside an abbreviation's long form ("special guardianship" in "special
    guardianship order"): an arrangement's order or plan is mentioned by the arrangement."""
    found = SPECIALIST_SERVICE_RE.search(long)
    return found.group(0) if found else None


# A page's opening (its site's name, its masthead, "Question to the Department for Education") names who speaks
# throughout it, as its title does
OPENING_CHARS = 300


def arrangement_named_by(long: str) -> re.Pattern | None:
    """The pattern passages name that arrangement by ("SGO": "assessments of family members as special guardians"),
    or the field's other words for it (the PLO by its stage: "pre-proceedings")."""
    service = specialist_service(arrangement) if (arrangement := arrangement_in(long)) else None
    if service:
        return service[1]
    forms = other_forms(long)
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b", re.I) if forms else None


def unmentioned_names(index: Index, names: list[str], mask: np.ndarray,
                      defined: dict[str, str] | None = None) -> list[str]:
    """Names from the question (see query.find_names) that no passage within the filters mentions: all of a
    name's words in one passage ("Youth Justice Board" is not mentioned by a passage on youth work beside one on
    an improvement board); a body's name as one phrase (see _as_phrase). An acronym is mentioned by its long form
    too ("DfE" by "Department for Education")."""
    defined = defined or {}

    def mentioned(name: str) -> bool:
        long = defined_as(name, defined)
        arrangement = arrangement_in(long or "")
        return _mentioned(index, name, mask, _as_phrase(name)) \
            or bool(long) and _mentioned(index, long, mask, _as_phrase(long)) \
            or bool(arrangement) and _mentioned(index, arrangement, mask) \
            or any(_mentioned(index, form, mask) for form in other_forms(name)) \
            or any(_mentioned(index, form, mask, _title_phrase(form))
                   for form in ACTING_FOR.get((long or "").lower(), ())) \
            or bool(spelled := _with_abbreviations_written_out(name, defined)) and _mentioned(index, spelled, mask) \
            or not long and _spells(index, name, mask) or _glued(index, name, mask)

    missing = [name for name in names if name.upper().rstrip("S") not in THE_FIELD_ITSELF and not mentioned(name)]
    # "What did the CQC say when it inspected Fernhollow House?": another inspectorate asked about a named place or
    # person speaks only on a page naming both (the home's Ofsted report and a CQC page on something else do not)
    for body in [n for n in names if rank.OTHER_INSPECTORATE_RE.search(n) and n not in missing]:
        forms = [body] + ([long] if (long := defined_as(body, defined)) else []) + list(other_forms(body))
        by_body = set().union(*(_docs_naming(index, form, mask) for form in forms))
        for other in [n for n in names if n != body and n not in missing and not INSPECTION_KIND_RE.fullmatch(n)
                      and not rank.OTHER_INSPECTORATE_RE.search(n) and re.match(r"[A-Z]\w+\s+[A-Z]", n)]:
            if not by_body & _docs_naming(index, other, mask):
                missing.append(f"{body} beside {other}")
    kinds = [n for n in names if INSPECTION_KIND_RE.fullmatch(n) and n not in missing]
    for name in [n for n in names if specialist_service(n) and n not in missing]:
        # "Sandwell's focused visit ... care leavers": a letter of that kind must name them (where a page of
        # another kind does, about another event, the visit did not look at them)
        if kinds and not _named_together(index, name, kinds, mask):
            missing.append(f"{name} beside the {' or '.join(kinds)}")  # (what the message says none mentions)
    return missing


# "This visit did not consider services for care leavers": named as outside what was looked at, not reported on
NOT_COVERED_RE = re.compile(r"\b(?:visit|inspection|inspectors|we)\s+(?:did|does|was|were)\s*n(?:o|['’])t\s+"
                            r"(?:consider|include|cover|look|evaluate|inspect|review|focus)\w*|"
                            r"\bnot\s+(?:part\s+of|in\s+(?:the\s+)?scope\s+of|included\s+in|covered\s+(?:by|in|on)|"
                            r"considered\s+(?:in|on|during|at))\s+(?:this|the)\s+(?:visit|inspection)|"
                            r"\boutside\s+(?:the\s+)?scope\b", re.I)


def covered_only(text: str) -> str:
    """`text` without its sentences naming what a visit did not look at (each sentence read once)."""
    return "".join(" " if NOT_COVERED_RE.search(part) else part for part in re.split(r"([^.\n]*[.\n]?)", text))


def _named_together(index: Index, service: str, kinds: list[str], mask: np.ndarray) -> bool:
    """Whether a document within `mask` names the specialist arrangement `service` (not only as outside what was
    looked at) and each kind of inspection in `kinds`."""
    words, phrase = specialist_service(service)
    naming = {index.passages[r].doc_id for r in np.flatnonzero(_rows_naming(index, words) & mask)
              if phrase.search(covered_only(index.passages[r].text))}
    for kind in kinds:
        naming &= {index.passages[r].doc_id for r in np.flatnonzero(_rows_naming(index, kind) & mask)
                   if _mentioned_kind(index.passages[r].text, kind)}
    return bool(naming)


def _mentioned_kind(text: str, kind: str) -> bool:
    """(not only as what never happened: "As the council was never judged inadequate, Ofsted did not carry out
    monitoring visits"; "not subject to Ofsted monitoring visits")"""
    phrase = _kind_phrase(kind)
    return any(not _DENIED_BEFORE_RE.search(text, max(0, m.start() - 60), m.start()) for m in phrase.finditer(text))


_DENIED_BEFORE_RE = re.compile(r"\b(?:no|not|never|nor|without)\b(?:\s+[\w'’-]+){0,4}?\s+$", re.I)


@lru_cache(maxsize=64)
def _kind_phrase(kind: str) -> re.Pattern:
    # a kind of inspection is named as a phrase: "the visit focused on care leavers" names no focused visit
    # (a monitoring visit as the press may call it too: "the latest Ofsted monitoring inspection")
    words = [("focus+ed" if re.fullmatch(r"(?i)focus+ed", w) else "(?:visit|inspection)"
              if kind.lower() == "monitoring visit" and w.lower() == "visit" else re.escape(w)) for w in kind.split()]
    return re.compile(r"\b" + r"\W+".join(words) + r"s?\b", re.I)  # ("two focused visits")


def _spells(index: Index, acronym: str, mask: np.ndarray) -> bool:
    """A passage within the filters holding words whose initials spell `acronym` (a page naming "Achieving for
    Children" mentions AfC, though it never writes the letters)."""
    pattern = spelled_out_re(acronym)
    return bool(pattern) and any(pattern.search(index.passages[r].text) for r in np.flatnonzero(mask))


def spoken_only_by_others(index: Index, docs: dict, names: list[str], unmentioned: list[str],
                          mask: np.ndarray) -> list[str]:
    """"What did Ofsted say about waiting times in Hull's child and adolescent mental health service?" where only
    the CQC's report on it names the service: Ofsted said nothing of it ("Ofsted beside ..." for the message)."""
    out = []
    for name in [n for n in names if specialist_service(n) and n not in unmentioned]:
        forms = [name, *other_forms(name)]
        naming = set().union(*(_docs_naming(index, f, mask) for f in forms))
        if naming and all(rank.other_inspectorates_page(docs[d]) for d in naming):
            out.append(f"Ofsted beside {name}")
    return out


def _glued(index: Index, acronym: str, mask: np.ndarray) -> bool:
    """An acronym run into the next word on a page that lost a space ("It follows a MHCLGconsultation"): still named."""
    if not re.fullmatch(r"[A-Z]{3,8}", acronym):
        return False
    pattern = re.compile(rf"(?<![A-Za-z]){acronym}(?=[a-z]{{3}})")
    return any(pattern.search(index.passages[r].text) for r in np.flatnonzero(mask))


def _with_abbreviations_written_out(name: str, defined: dict[str, str]) -> str | None:
    """A name of several words with the abbreviations in it written out ("South Yorkshire PCC": "South Yorkshire
    police and crime commissioner"), where it holds any; a page writes the office in full."""
    words = name.split()
    if len(words) < 2:
        return None
    spelled = [defined_as(w, defined) or w if w.isupper() and len(w) >= 2 else w for w in words]
    return " ".join(spelled) if spelled != words else None


# The glossary's bodies written out in capitals ("Care Quality Commission", not "requires improvement").
_BODY_NAMES = [long for long in FIELD_GLOSSARY.values()
               if re.fullmatch(r"(?:[A-Z][\w'’]*|of|for|and|the)(?:\s+(?:[A-Z][\w'’]*|of|for|and|the))+", long)]


def _as_phrase(name: str) -> re.Pattern | None:
    """A body's name (or the part of it a question keeps: "Quality Commission" from "the Care Quality Commission"),
    to be found as one phrase: its words are common ones, and a report whose leaders "commissioned" work on the
    "quality" of care does not name it. Other names keep their words anywhere in one passage ("the Duty Teams
    Review" is mentioned by "a review of the duty teams")."""
    words = [re.sub(r"['’]s$", "", w) for w in name.split()]
    joined = r"(?:['’]s)?\W+".join(re.escape(w) for w in words)
    if len(words) >= 2 and words[-1] == "Committee":  # (Parliament's, by its subject: "Education (Select) Committee")
        return re.compile(rf"\b{joined[:-len('Committee')]}(?:select\W+)?Committee\b", re.I)
    if len(words) < 2 or not any(re.search(rf"\b{joined}\b", body, re.I) for body in _BODY_NAMES):
        return None
    return re.compile(rf"\b{joined}\b", re.I)


@lru_cache(maxsize=64)
def _title_phrase(form: str) -> re.Pattern:
    """A long form's other name as one phrase, not a shadow's or a former one's: "the Children and Families Minister"
    names the DfE, a passage on children beside the Welsh Government's Deputy Minister does not."""
    # (within a sentence's line; "under-secretary" or "under secretary"; "children's" with either apostrophe)
    joined = r"(?:[^\S\n]+|-)".join(re.escape(w).replace("'", "['’]?") for w in form.replace("-", " ").split())
    return re.compile(rf"(?<!shadow\s)(?<!former\s)(?<!ex-)(?<!welsh\s)(?<!scottish\s)(?<!scotland['’]s\s)"
                      rf"(?<!government\s)(?<!was\s)\b{joined}\b", re.I)  # (nor "who was Children's Minister")


def _mentioned(index: Index, name: str, mask: np.ndarray, phrase: re.Pattern | None = None) -> bool:
    if service := specialist_service(name):  # the arrangement's phrase, not its words apart
        words, phrase = service
        return any(phrase.search(covered_only(index.passages[r].text))
                   for r in np.flatnonzero(_rows_naming(index, words) & mask))
    kind = INSPECTION_KIND_RE.fullmatch(name) or INTERVENTION_RE.fullmatch(name)
    # (a kind by its first word: its phrase is checked below, "monitoring inspection" beside "monitoring visit")
    rows = np.flatnonzero(_rows_naming(index, name.split()[0] if kind else name) & mask)
    if not kind:
        if phrase and len(rows):  # a body's name: as one phrase, not its common words apart
            return any(phrase.search(index.passages[r].text) for r in rows) or _published_by(index, name, mask)
        return bool(len(rows)) or _published_by(index, name, mask)
    return any(_mentioned_kind(index.passages[r].text, name) for r in rows)
