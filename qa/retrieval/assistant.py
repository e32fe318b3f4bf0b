"""The Python API: an Assistant that keeps its index fresh and answers questions with cited passages.

    from qa.retrieval.assistant import Assistant
    assistant = Assistant()                      # builds or loads index/ for corpus/
    answer = assistant.ask("What did inspectors say about supervision in 2018?")
    for hit in answer.hits: print(hit.passage.text, citation(hit.document, hit.passage))
"""
from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from qa.answers import extract as answering
import qa.index.build as index_mod
from qa.retrieval import rank
from qa.retrieval import timeline
from qa.config import Settings, load_settings
from qa.index.embedder import Embedder, EmbedderUnavailable
from qa.retrieval.fusion import get_fusion, hybrid_lists
from qa.retrieval.answer_type import answer_type_weight
from qa.retrieval.question import FilterOverrides, Query, parse
from qa.datatypes import DOC_TYPE_LABELS, Answer, Hit

POOL = 30  # fused candidates considered for priors and grouping
SENTENCE_CACHE_SIZE = 20_000  # about 30 MB of MiniLM vectors


class Assistant:
    def __init__(self, settings: Settings | None = None, progress: index_mod.Progress | None = None,
                 auto_build: bool = True, embedder: Embedder | None = None):
        self.settings = settings or load_settings()
        self.embedder = embedder or Embedder(self.settings.model_path, self.settings.model_backend)
        self.dense_error: str | None = None
        self.index: index_mod.Index | None = None
        self.last_build: index_mod.BuildReport | None = None
        self.build_notice: str | None = None
        self._lock = threading.RLock()
        self._sentence_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()
        if auto_build:
            self.refresh(progress)
        else:
            self.load()

    # ------------------------------------------------------------ index lifecycle

    def refresh(self, progress: index_mod.Progress | None = None, paths: list[Path] | None = None,
                force: bool = False) -> index_mod.BuildReport:
        """Build the index if missing or stale (a no-op when nothing changed), then load it."""
        paths = paths or self._indexed_roots()
        try:
            report = index_mod.build(self.settings, paths=paths, progress=progress, force=force,
                                     embedder=self.embedder)
        except index_mod.BuildLocked as exc:
            if index_mod.live_build(Path(self.settings.index_dir)) is None:
                raise
            # Another process is building: answer from the live index meanwhile.
            self.load()
            self.build_notice = f"{exc}; answering from the current index"
            return index_mod.BuildReport(rebuilt=False, notice=self.build_notice)
        self.last_build = report
        try:
            self.load()
        except index_mod.IndexCorrupt:
            report = index_mod.build(self.settings, paths=paths, progress=progress, force=True, embedder=self.embedder)
            self.last_build = report
            self.load()
        return report

    def _follow_live_index(self) -> None:
        """Pick up a build made by another process (`qa ingest` while the app runs): one readlink a question."""
        live = index_mod.live_build(Path(self.settings.index_dir))
        if live is None or self.index is None or live == self.index.directory:
            return
        try:
            self.load()
        except (index_mod.IndexCorrupt, FileNotFoundError, OSError):
            pass  # keep answering from the index already in memory

    def _indexed_roots(self) -> list[Path]:
        """What the live index was built from (`qa ingest PATH` sets it), else the corpus folder."""
        manifest = index_mod.read_live_manifest(Path(self.settings.index_dir)) or {}
        roots = [Path(r) for r in manifest.get("roots", [])]
        return roots if roots and all(r.exists() for r in roots) else [Path(self.settings.corpus_dir)]

    def load(self) -> None:
        loaded = index_mod.Index.load(Path(self.settings.index_dir))
        with self._lock:
            self.index = loaded
        if loaded.dense is None:
            reason = loaded.manifest.get("report", {}).get("notice") or "the index has no vectors"
            self.dense_error = bm25_only_notice(reason)
        else:
            try:
                self.embedder.load()
                self.dense_error = None
            except EmbedderUnavailable as exc:
                self.dense_error = bm25_only_notice(exc)
            built_with = loaded.manifest.get("model")
            if self.dense_error is None and built_with != self.embedder.model_id:
                # Vectors from one model searched with another's query vectors would be silently wrong.
                with self._lock:
                    self.index = None
                raise index_mod.IndexCorrupt(f"the index was built with model {built_with}, but the current "
                                             f"model is {self.embedder.model_id}; it must be rebuilt")

    @property
    def mode(self) -> str:
        return "bm25-only" if self.dense_error else "hybrid"

    def documents(self) -> list[dict]:
        index = self.index
        counts = {d: len(rows) for d, rows in index.doc_rows.items()}
        out = []
        for doc in index.documents.values():
            data = doc.to_dict(with_text=False)
            data["passages"] = counts.get(doc.doc_id, 0)
            data["doc_type_label"] = DOC_TYPE_LABELS.get(doc.doc_type, "document")
            out.append(data)
        return out

    # ------------------------------------------------------------ asking

    def ask(self, question: str, top_k: int | None = None, previous: Query | None = None,
            overrides: "FilterOverrides | dict | None" = None) -> Answer:
        started = time.perf_counter()
        top_k = top_k or self.settings.top_k
        notices = [n for n in (self.dense_error, self.build_notice) if n]
        question = question if isinstance(question, str) else str(question)
        if not question.strip():
            return Answer(question=question, hits=[], abstained=True, mode=self.mode, notices=notices,
                          message="Please type a question.")
        if len(question) > self.settings.max_question_chars:
            question = question[:self.settings.max_question_chars]
            notices.append(f"The question was cut to its first {self.settings.max_question_chars} characters.")
        query = parse(question, previous)
        if overrides:
            query = apply_overrides(query, overrides)
        self._follow_live_index()
        with self._lock:
            index = self.index
        timings: dict[str, float] = {}
        result = Answer(question=question, hits=[], filters=query.filters(), mode=self.mode, notices=notices,
                        timings=timings, filters_description=query.describe(), query=query)
        intent = timeline.detect(question, previous)
        if intent is not None:  # "how has X changed", "compare X in A and B": qa/retrieval/timeline.py
            result = timeline.ask(self, index, query, intent, result)
            timings["total"] = time.perf_counter() - started
            return result
        missing = unknown_authorities(index, query)
        if missing:
            result.abstained = True
            result.message = f"No documents about {' or '.join(missing)} are in the index, so nothing here answers this."
            timings["total"] = time.perf_counter() - started
            return result
        hits, signals = self._retrieve(index, query, timings)
        if not hits:
            result.abstained = True
            hard = {k: v for k, v in query.filters().items() if k not in ("source_preference", "recency")}
            result.message = (f"Nothing in the documents matches these filters ({query.describe()})." if hard
                              else "Nothing in the documents answers this.")
            timings["total"] = time.perf_counter() - started
            return result
        if signals.get("unmentioned"):
            # The question names something (a regulator, a programme, a person) that no document within its
            # filters mentions: whatever passages come closest, they are about something else.
            result.abstained = True
            scope = f" {_scope(query)}" if query.describe() else ""
            result.message = (f"No document{scope} mentions {' or '.join(signals['unmentioned'])}, so nothing "
                              f"here answers this.")
            result.related = hits[:3]
            timings["total"] = time.perf_counter() - started
            return result
        confirmed = [h for h in hits if not h.unconfirmed]
        unconfirmed = [h for h in hits if h.unconfirmed]
        # A document that does not state the asked date, visit or place is shown (apart, labelled) when its text at
        # least mentions it. When none does: a visit's ordinal or an authority's name missing from every text means
        # they are about something else, so abstain; an undated text's years are weak evidence (a 2019 story may
        # only recall "the 2015 inspection"), so for dates abstain only when the corpus can tell (documents on the
        # subject state dates). A near miss ("the 2020 visit" where letters from 2015 and 2018 exist) abstains.
        mentioning = [h for h in unconfirmed if states_asked_facts(h, query)]
        if not confirmed and not mentioning and unconfirmed and (
                set(unconfirmed[0].unconfirmed) & {"visit", "authority"}
                or filters_checkable(index, query, unconfirmed[0].unconfirmed)):
            result.abstained = True
            result.message = (f"Nothing in the documents {_scope(query)} answers this. The closest passages "
                              f"come from documents whose {_facts(unconfirmed[0])} is not stated: check before citing.")
            result.related = unconfirmed[:3]
            timings["total"] = time.perf_counter() - started
            return result
        unconfirmed = mentioning if (confirmed or mentioning) else unconfirmed
        answering_from = confirmed or unconfirmed
        if self._should_abstain(signals):
            result.abstained = True
            result.message = "Nothing in the documents answers this. The closest passages are shown as possibly related."
            result.related = answering_from[:3]
            timings["total"] = time.perf_counter() - started
            return result
        shown = confirmed[:top_k]
        extra = unconfirmed[:max(top_k - len(shown), UNCONFIRMED_SHOWN)]
        result.hits = shown + extra
        if extra:
            result.filters_description = _describe_with_unconfirmed(query, len(shown), extra)
        t = time.perf_counter()
        encode = None if self.dense_error else self._encode_cached
        # The extractive answer speaks only from passages that meet the filters, when there are any.
        answer_hits = shown or extra
        result.answer, highlights = answering.extract(query.search_text, answer_hits, encode)
        for i, hit in enumerate(answer_hits):
            hit.highlights = highlights.get(i, [])
        timings["answer"] = time.perf_counter() - t
        timings["total"] = time.perf_counter() - started
        return result

    def _encode_cached(self, texts: list[str]) -> np.ndarray:
        """Embeddings with an LRU cache: the sentences of popular passages recur across questions.
        Thread-safe; the model runs outside the lock so concurrent questions still embed in parallel."""
        unique = list(dict.fromkeys(texts))
        with self._cache_lock:
            found = {t: self._sentence_cache[t] for t in unique if t in self._sentence_cache}
            for t in found:
                self._sentence_cache.move_to_end(t)
        missing = [t for t in unique if t not in found]
        if missing:
            found.update(zip(missing, self.embedder.encode(missing)))
            with self._cache_lock:
                for t in missing:
                    self._sentence_cache[t] = found[t]
                while len(self._sentence_cache) > SENTENCE_CACHE_SIZE:
                    self._sentence_cache.popitem(last=False)
        return np.vstack([found[t] for t in texts])

    def _should_abstain(self, signals: dict) -> bool:
        return answering.should_abstain(signals.get("dense_top"), signals.get("coverage", 0.0))

    def _retrieve(self, index: index_mod.Index, query: Query, timings: dict) -> tuple[list[Hit], dict]:
        s = self.settings
        docs = index.documents
        checks = {d: rank.check_filters(doc, query) for d, doc in docs.items()}
        allowed_docs = {d for d, check in checks.items() if check.status != "excluded"}
        if not allowed_docs:
            return [], {}
        mask = np.zeros(len(index.passages), dtype=bool)
        for d in allowed_docs:
            mask[index.doc_rows.get(d, [])] = True
        text = query.search_text
        t = time.perf_counter()
        q_terms = keyword_terms(index.bm25.query_terms(query.keyword_text), query.text)
        bm25_scores = index.bm25.scores(q_terms)
        # Non-zero rather than positive: in a tiny corpus rank-bm25's idf can make every match negative.
        bm25_ranked = [(r, sc) for r, sc in _top(np.where(mask, bm25_scores, -np.inf), s.candidates)
                       if mask[r] and sc != 0 and np.isfinite(sc)]
        timings["bm25"] = time.perf_counter() - t
        lists = {"bm25": bm25_ranked}
        dense_scores: dict[int, float] = {}
        qvec = None
        if index.dense is not None and not self.dense_error:
            t = time.perf_counter()
            try:
                qvec = self._encode_cached([text])[0]  # cached: the extractive answer scores against it too
            except EmbedderUnavailable as exc:
                with self._lock:  # one writer at a time; readers see the old or the new notice, never half
                    self.dense_error = bm25_only_notice(exc)
            if qvec is not None:
                timings["embed"] = time.perf_counter() - t
                t = time.perf_counter()
                share = mask.sum() / max(len(mask), 1)
                k = min(len(mask), int(s.candidates / max(share, 1e-3)) + 1)
                dense_ranked = [(r, sc) for r, sc in index.dense.search(qvec, k) if mask[r]][:s.candidates]
                lists["dense"] = dense_ranked
                dense_scores = dict(dense_ranked)
                timings["dense"] = time.perf_counter() - t
        if qvec is not None and "dense" in lists:
            # For the convex combination every candidate gets both scores (its real BM25 score and cosine).
            lists = hybrid_lists(lists["bm25"], lists["dense"], s.fusion,
                                 bm25_scores=lambda rows: bm25_scores[rows],
                                 dense_scores=lambda rows: index.dense.scores_for(qvec, rows))
            dense_scores = dict(lists["dense"])
        if "dense" in lists:
            fuse = get_fusion(s.fusion)
            fused = fuse(lists, k=s.rrf_k, weights={"dense": s.dense_weight, "bm25": s.bm25_weight})[:POOL]
        else:  # BM25 alone: its own scores, nothing to fuse
            fused = lists["bm25"][:POOL]
        if not fused:
            return [], {"coverage": 0.0}
        newest = rank.newest_date(docs[d] for d in allowed_docs)
        top_fused = fused[0][1] if fused[0][1] > 0 else 1.0
        hits: list[Hit] = []
        bm25_map = dict(bm25_ranked)
        for row, score in fused:
            passage = index.passages[row]
            doc = docs[passage.doc_id]
            weight = rank.prior(doc, query, newest, passage.headings) * rank.prose_weight(passage.text) \
                * answer_type_weight(query.answer_type, passage.text)
            hits.append(Hit(passage=passage, document=doc, score=score / top_fused * weight,
                            scores={"fused": score, "prior": weight, "bm25": bm25_map.get(row, 0.0),
                                    **({"dense": dense_scores[row]} if row in dense_scores else {})},
                            unconfirmed=list(checks[doc.doc_id].unknown)))
        hits.sort(key=lambda h: -h.score)
        hits = rank.group_duplicates(hits)
        # Stable: those meeting the filters first, then those leaving one fact unstated, and so on; each by score.
        hits.sort(key=lambda h: len(h.unconfirmed))
        signals: dict = {"coverage": _coverage(index, q_terms, hits[0].passage.passage_id) if hits else 0.0,
                         "unmentioned": unmentioned_names(index, query.names, mask)}
        if qvec is not None:
            cos = [v for v in dense_scores.values()]
            signals["dense_top"] = max(cos) if cos else 0.0
        return hits, signals


# "What did inspectors say about X?": the framing names who spoke, which nearly every passage of an
# inspection corpus does too. Keyword search looks for X; the dense side still reads the whole question.
FRAMING_TERMS = frozenset({"say", "said", "find", "found", "ofst", "inspector", "tell", "told", "mention",
                           "report", "state", "think", "thought"})


# "Which inspectors carried out ...", "who led ...": then the people are the subject and stay.
PEOPLE_QUESTION_RE = re.compile(r"^\W*(who|whom|whose)\b|\b(which|name the)\s+(\w+\s+)?(inspectors?|hmis?)\b",
                                re.I)


def keyword_terms(terms: list[str], question: str = "") -> list[str]:
    if PEOPLE_QUESTION_RE.search(question):
        return terms
    kept = [t for t in terms if t not in FRAMING_TERMS]
    return kept or terms


def _coverage(index: index_mod.Index, q_terms: list[str], passage_id: str) -> float:
    """Share of the question's distinct terms that the passage's indexed words contain."""
    terms = set(q_terms)
    if not terms:
        return 0.0
    row = index.row_of(passage_id)
    cols = [index.bm25.vocabulary[t] for t in terms if t in index.bm25.vocabulary]
    if row is None or not cols:
        return 0.0
    present = index.bm25.matrix[row, cols].toarray().ravel()
    return float((present != 0).sum()) / len(terms)


UNCONFIRMED_SHOWN = 2  # passages of unknown date/place/visit shown after those that meet the filters
FACT_NAMES = {"date": "date", "authority": "local authority", "visit": "visit number"}


def _facts(hit: Hit) -> str:
    return " or ".join(FACT_NAMES[f] for f in hit.unconfirmed)


def _filters_phrase(query: Query) -> str:
    """'2020 documents; about Lambeth': the banner without its 'Showing'."""
    return re.sub(r"^Showing\s+", "", query.describe())


def _scope(query: Query) -> str:
    described = _filters_phrase(query)
    return f"matching the question's filters ({described})" if described else "matching the question's filters"


def _describe_with_unconfirmed(query: Query, shown: int, extra: list[Hit]) -> str:
    facts = sorted({f for h in extra for f in h.unconfirmed}, key=list(FACT_NAMES).index)
    unknown = " or ".join(FACT_NAMES[f] for f in facts)
    head = query.describe() if shown else f"No passage states it meets the filters ({_filters_phrase(query)})"
    return f"{head}; {len(extra)} passage{'s' if len(extra) > 1 else ''} below from documents whose {unknown} " \
           f"is not stated: check before citing"


def bm25_only_notice(reason) -> str:
    """What the user is told when semantic search cannot run (the CLI, the chat and the JSON `notices`)."""
    return f"Semantic search is unavailable ({reason}); answers use keyword search (BM25) only."


def unknown_authorities(index: index_mod.Index, query: Query) -> list[str]:
    """Authorities asked about that no indexed document is about (the question cannot be answered for them)."""
    if not query.authorities:
        return []
    covered = _covered_authorities(index)
    return [a for a in query.authorities if a.casefold() not in covered]


@lru_cache(maxsize=1)  # the live index only: a reloaded one replaces it, so the old is freed
def _covered_authorities(index: index_mod.Index) -> frozenset[str]:
    """Every authority some document is about, once per loaded index (not once per question)."""
    return frozenset(a.casefold() for doc in index.documents.values() for a in doc.local_authorities)


@lru_cache(maxsize=64)  # the documents of one question's candidates; bounded, as texts can be large
def _text_facts(text: str) -> tuple[str, frozenset[int]]:
    """A document's text in lower case and the years it names, once per document (not once per hit)."""
    lowered = text.lower()
    return lowered, frozenset(int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", lowered))


def unmentioned_names(index: index_mod.Index, names: list[str], mask: np.ndarray) -> list[str]:
    """Names from the question (see query.find_names) of which some word occurs in no passage within the filters."""
    missing = []
    matrix = index.bm25.matrix
    for name in names:
        for term in index.bm25.query_terms(name):
            col = index.bm25.vocabulary.get(term)
            rows = matrix.indices[matrix.indptr[col]:matrix.indptr[col + 1]] if col is not None else []
            if not mask[rows].any() if len(rows) else True:
                missing.append(name)
                break
    return missing


def filters_checkable(index: index_mod.Index, query: Query, facts: list[str]) -> bool:
    """Whether documents about the asked authorities (or any, when none is asked) state the facts in question, so
    that none of them meeting the filter says something about the corpus."""
    docs = [d for d in index.documents.values() if not query.authorities
            or {a.casefold() for a in query.authorities} & {a.casefold() for a in d.local_authorities}]
    stated = {"date": lambda d: rank.doc_span(d) is not None, "visit": lambda d: bool(d.visit_number),
              "authority": lambda d: bool(d.local_authorities)}
    return all(any(stated[f](d) for d in docs) for f in facts)


def states_asked_facts(hit: Hit, query: Query) -> bool:
    """Whether a document that does not state a fact in its metadata is consistent with it in its text: a year
    inside the asked span (or no year at all), the visit's ordinal, the authority's name."""
    text, years = _text_facts(hit.document.text)
    if "date" in hit.unconfirmed:
        # Years a text mentions are evidence of its time: when it names years and none in the asked span, it is
        # about another time, unless the latest is the year just before the span (a text is written in or soon
        # after the latest year it names: a 2014 story recalls "between 1997 and 2013"). A text that names no
        # year at all cannot be placed either way.
        lo = query.date_from.year if query.date_from else 1900
        hi = query.date_to.year if query.date_to else 2100
        if years and not any(lo <= y <= hi for y in years) and max(years) != lo - 1:
            return False
    if "visit" in hit.unconfirmed and query.visit_number:
        from qa.retrieval.question import _ordinal

        if not re.search(rf"\b({_ordinal(query.visit_number)}|visit (number )?{query.visit_number})\b", text):
            return False
    if "authority" in hit.unconfirmed:
        if not any(a.lower() in text for a in query.authorities):
            return False
    return True


def _top(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    from qa.index.sparse import top_k

    return top_k(scores, k)


def apply_overrides(query: Query, overrides: "FilterOverrides | dict") -> Query:
    """Filters set by the user in the UI replace what the question implied."""
    from datetime import date

    chosen = FilterOverrides.coerce(overrides)
    changes: dict = {}
    if chosen.ignore_question_filters:  # first, so the user's own choices below still apply
        changes.update(date_from=None, date_to=None, time_phrase="", authorities=[], visit_number=None)
    if chosen.year_from or chosen.year_to:
        y1, y2 = chosen.year_from, chosen.year_to
        changes["date_from"] = date(int(y1), 1, 1) if y1 else None
        changes["date_to"] = date(int(y2), 12, 31) if y2 else None
        changes["time_phrase"] = f"{y1 or '...'}-{y2 or '...'}" if y1 != y2 else str(y1)
    if chosen.doc_types:
        changes["doc_types"] = list(chosen.doc_types)
    if chosen.authorities:
        changes["authorities"] = list(chosen.authorities)
    return replace(query, **changes)
