"""The Python API: an Assistant that keeps its index fresh and answers questions with cited passages.

    from qa.retrieval.assistant import Assistant
    assistant = Assistant()                      # builds or loads index/ for corpus/
    answer = assistant.ask("What did inspectors say about supervision in 2018?")
    for hit in answer.hits: print(hit.passage.text, citation(hit.document, hit.passage))

A facade over two parts, each usable alone: the live index (qa/index/live.py: load, refresh, following builds
by other processes, whether semantic search can run) and the retriever (qa/retrieval/retriever.py: hybrid
candidates, fusion, ranking). What stays here is the answer policy: when to abstain, what to show, the answer.
"""
from __future__ import annotations

from datetime import date, timedelta
import re
import time
import weakref
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from qa.answers import extract as answering
import qa.index.build as index_mod
from qa.retrieval import rank
from qa.retrieval import timeline
from qa.retrieval.adjacent import join_neighbours
from qa.retrieval.grades import grade_dated, other_grade_given
from qa.config import Settings, load_settings
from qa.index.embedder import Embedder
from qa.index.live import LiveIndex, bm25_only_notice  # noqa: F401  (bm25_only_notice: importable from here too)
from qa.index.store import Index
from qa.retrieval.question import (FRAMEWORK_RE, GRADE_KEPT_VERBS, MONTH_NAME, MONTH_RE, OFSTED_NAMED_RE, SOURCE_KINDS,
                                   FilterOverrides, Query, _month, _ordinal, count_asked_second, grade_asked_second,
                                   parse, without_set_asides)
from qa.retrieval.answer_type import (AVERAGE_RE, COUNCIL_DECISION_RE, EVIDENCE, CHANGE_QUESTION_RE, REPORTS_RE,
                                      SHARE_QUESTION_RE,
                                      announces_only, area_grade_asked,
                                      asked_event, dates_event, gives_grade, grade_tied_to, grades_other_setting_only,
                                      judged_grade_asked,
                                      asks_board_grade, states_board_grade,
                                      asked_role, asks_council_services, asks_provider_inspection, provider_report,
                                      report_of_asked_kind,
                                      asks_findings, asks_grade, asks_person, counted_stems,
                                      given_figures, grades_given, grades_tied_to, holds, holds_grade_of,
                                      line_or_sentence, names_person_in_role, BYLINE_NAME_RE, PERSON_NAME, ROLE_RE,
                                      states_change, states_count, states_count_change, states_count_in_sentence,
                                      states_grade_count, states_share)
from qa.documents.gazetteer import LIST_JOIN, find_in_text, name_within, question_forms, succeeded_by
from qa.documents.metadata import MONTHS, ORDINAL_RE, another_councils_visit, anticipated_visit, ordinal_value
from qa.documents.mentions import (MONTH_NAMES, document_event_dates, document_event_months, document_not_before,
                                   document_tells_recent_event, own_dated_months)
from qa.passages.split import sentence_spans
from qa.retrieval.acronyms import FIELD_GLOSSARY
from qa.retrieval.retriever import CachedEncoder, Retriever, keyword_terms, known_share
from qa.terms import tokenize
from qa.retrieval.spelling import mended, place_fixes
from qa.datatypes import DOC_TYPE_LABELS, Answer, Document, Hit


class Assistant:
    def __init__(self, settings: Settings | None = None, progress: index_mod.Progress | None = None,
                 auto_build: bool = True, embedder: Embedder | None = None):
        self.settings = settings or load_settings()
        questions = embedder  # an embedder handed in (tests, benchmarks) embeds both
        if embedder is None:
            embedder = Embedder(self.settings.model_path, self.settings.model_backend)
            # Questions are embedded one at a time: "auto" picks the runtime fastest on one (often not the one
            # fastest on batches of passages); with an explicit backend, or the same choice, one runtime serves.
            questions = embedder.for_questions()
        self.live = LiveIndex(self.settings, embedder)
        self._encode_cached = CachedEncoder(questions)  # also used by qa/retrieval/timeline.py
        self._question_model: str | None = None  # its model_id, once asked (it walks the model folder)
        self.retriever = Retriever(self.settings, encode=self._encode_cached)
        if auto_build:
            self.refresh(progress)
        else:
            self.load()

    # ------------------------------------------------------------ index lifecycle (qa/index/live.py)

    def refresh(self, progress: index_mod.Progress | None = None, paths: list[Path] | None = None,
                force: bool = False) -> index_mod.BuildReport:
        """Build the index if missing or stale (a no-op when nothing changed), then load it."""
        return self.live.refresh(progress, paths=paths, force=force)

    def load(self) -> None:
        self.live.load()

    @property
    def index(self) -> Index | None:
        return self.live.index

    @property
    def embedder(self) -> Embedder:
        return self.live.embedder

    @property
    def dense_error(self) -> str | None:
        return self.live.dense_error

    @property
    def build_notice(self) -> str | None:
        return self.live.build_notice

    @property
    def last_build(self) -> index_mod.BuildReport | None:
        return self.live.last_build

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

    def sentence_encoder(self, index: Index):
        """What embeds passages' sentences for an answer: the build's vectors where it has them, else the question
        embedder (cached); None when semantic search cannot run."""
        if self.dense_error:
            return None
        built = index.sentence_vectors
        if built is not None and self._question_model is None:
            self._question_model = self._encode_cached.embedder.model_id
        if built is None or index.manifest.get("sentence_model") != self._question_model:
            return self._encode_cached  # (made by another runtime: its cosines could order sentences otherwise)
        return built.encoder(self._encode_cached)

    # ------------------------------------------------------------ asking

    def ask(self, question: str, top_k: int | None = None, previous: Query | None = None,
            overrides: "FilterOverrides | dict | None" = None, timelines: bool = True) -> Answer:
        """`timelines=False`: the ordinary ranked answer even where the question reads as a trail or comparison."""
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
        self.live.follow()
        index = self.live.current()
        typed = question
        places = place_fixes(question, lambda word: _holds(index, word),
                             lambda place: place.casefold() in _covered_authorities(index)) if index is not None else {}
        if places:  # a mistyped place is the filter, so it is mended before the question is read
            question = mended(question, places)
            notices.append("Searched for " + ", ".join(f"“{right}” where the question has “{typo}”"
                                                      for typo, right in places.items()) + ".")
        query = parse(question, previous)
        if overrides:
            query = apply_overrides(query, overrides)
        timings: dict[str, float] = {}
        result = Answer(question=typed, hits=[], filters=query.filters(), mode=self.mode, notices=notices,
                        timings=timings, filters_description=query.describe(), query=query)
        intent = timeline.detect(question, previous) if timelines else None
        if intent is not None:  # "how has X changed", "compare X in A and B": qa/retrieval/timeline.py
            traced = timeline.ask(self, index, query, intent, replace(result))
            # A trail of one passage (or none) inside a dated scope is no trail ("Dudley 2016 inspection: had the
            # council made progress on the areas flagged in 2012?" asks what that year's report found): the ordinary
            # ranked answer serves it better, with its own abstention. (Unscoped or over years, the one point is
            # the text that speaks to the change, and stays.)
            # Nor is a trail that finds nothing ("Doncaster trust timeline please: when did the trust go live, when
            # was it rated inadequate, ...?" where no page speaks to its topic as a trail reads it): the ordinary
            # answer reads the question's own words, and abstains on its own terms.
            if not (intent.kind == "trail" and len(traced.hits) <= 1 and query.date_from and query.date_to
                    and (query.date_to - query.date_from).days <= 366) \
                    and not (intent.kind == "trail" and not traced.hits):
                if intent.kind == "compare" and not traced.hits and timeline.compared_in_passing(question):
                    # A comparison read into a question about one event ("the MV in Feb 2017 ...: compared with the
                    # Nov 2015 SIF, did Ofsted think ...?") that finds nothing on either side: the ordinary answer,
                    # when it finds what the question's own words ask; else the empty sides say so.
                    ordinary = self.ask(typed, top_k, previous, overrides, timelines=False)
                    if ordinary.hits and not ordinary.abstained:
                        ordinary.notices = notices + [n for n in ordinary.notices if n not in notices]
                        ordinary.timings["total"] = time.perf_counter() - started
                        return ordinary
                timings["total"] = time.perf_counter() - started
                return traced
        missing = unknown_authorities(index, query)
        place_unnamed = len(missing) == len(query.authorities) > 0 and any(
            rank.unnamed_council_page(d, query) for d in index.documents.values())
        # (or a page naming the body asked, "Al-Hijrah School in Birmingham", which names no council: weak evidence of
        # the place, so only when every word of the question is somewhere in the corpus, below)
        named_body = len(missing) == len(query.authorities) > 0 and not place_unnamed and any(
            not d.local_authorities and rank.names_asked_body(d, query) for d in index.documents.values())
        if missing and (passing := named_in_passing(index, query, missing)):
            # "devon aem sector led improvment essex": no page is about Essex, but Devon's pages name it (a partner,
            # a reviewer): a word of the topic, not a second place asked
            query = replace(query, authorities=[a for a in query.authorities if a not in passing])
            result.filters, result.filters_description = query.filters(), query.describe()
            missing = [a for a in missing if a not in passing]
        no_documents = f"No documents about {' or '.join(missing)} are in the index, so nothing here answers this."
        if missing and not place_unnamed and not named_body:
            return _refused(result, no_documents, [], started)
        if (since := since_undated_event(index, query)) is not None:
            # (the question as read stays result.query: a follow-up does not inherit the window)
            query = since
            result.filters, result.filters_description = query.filters(), query.describe()
        found = self.retriever.retrieve(index, query, timings, dense=not self.dense_error)
        if named_body and known_share(index, tokenize(query.topic), {}) < 1.0:
            # ("the pupils' exam results at Al-Hijrah School": "exam" is in no page; the place's name is not counted)
            return _refused(result, no_documents, [], started)
        if query.authorities and query.source in ("council", "ofsted") and query.doc_types \
                and not FilterOverrides.coerce(overrides or {}).doc_types \
                and not any(not h.unconfirmed or "authority" not in h.unconfirmed for h in found.hits) \
                and parse(question).doc_types:  # (the question's own attribution, not a previous one's)
            # "What did Leicester City Council itself say ...?" where no council page about the place meets the other
            # filters: a story quoting the council carries its words; so for "According to Ofsted's own letter,
            # ..." where only a story quoting the letter is about the place. Every kind is searched, the asked
            # kind first, and the banner says none met them. Only for this question: a follow-up inherits the
            # filter as asked ("according to the news" and types chosen in the UI stay filters).
            relaxed = replace(query, doc_types=[], source_named=True)
            wider = self.retriever.retrieve(index, relaxed, timings, dense=not self.dense_error)
            if wider.hits:
                query, found = relaxed, wider
                result.filters, result.filters_description = query.filters(), query.describe()
                asked, first = (("council page", "council pages") if query.source == "council"
                                else ("Ofsted letter or report", "Ofsted's letters and reports"))
                result.notices.append(f"No {asked} about the place meets this question's other filters, so "
                                      f"other kinds of source are shown ({first} first, where any).")
        if found.dense_error:
            self.live.dense_unavailable(found.dense_error)
        hits, signals = found.hits, found.signals
        if signals.get("mended"):  # the user sees what was searched for instead of what was typed
            result.notices.append("Searched for " + ", ".join(f"“{right}” where the question has “{typed}”"
                                                              for typed, right in signals["mended"].items()) + ".")
        if not hits and query.date_from and query.date_to:
            hits, signals = self._later_recalling(index, query, timings, signals)  # nothing then: what recalls it
        if not hits:
            hard = {k: v for k, v in query.filters().items() if k not in ("source_preference", "recency")}
            return _refused(result, (f"Nothing in the documents matches these filters ({query.describe()})." if hard
                                     else "Nothing in the documents answers this."), [], started)
        if query.answer_type == "decision" and query.authorities and not _OFSTED_ASKED_TOO_RE.search(query.text) \
                and (deciding := COUNCIL_DECISION_RE.search(without_set_asides(query.text))) \
                and _council_deciding(without_set_asides(query.text), deciding) \
                and (placed := [h for h in hits if not h.unconfirmed]) \
                and not any(h.document.doc_type in ("council_page", "news_article")
                            or holds("decision", h.document.text) or _COUNCIL_DECIDED_RE.search(h.document.text)
                            for h in placed) \
                and not any(h.unconfirmed and states_asked_facts(h, query, place_unnamed, numbered_letters(index))
                            for h in hits[:COUNT_EVIDENCE_DEPTH]):
            # "solihull edge of care team - what did solihull's cabinet approve?" where the only pages on the place
            # are Ofsted's or the government's, none telling of a decision: only the council's own papers, or a
            # story on them, tell what its cabinet decided
            return _refused(result, f"No council page or news story {_scope(query)} tells what the council "
                                    f"decided, so nothing here answers this.", hits[:3], started)
        if (visit := _pages_only_on_visit(query, hits)) \
                and not any(states_asked_facts(h, query, place_unnamed, numbered_letters(index))
                            for h in hits[:COUNT_EVIDENCE_DEPTH] if h.unconfirmed):
            # "RBWM full ILACS after AfC took over - what overall grade? the full inspection, not the nov 2018
            # monitoring visit", where every page on the place found was published with the visit set aside, and
            # names no full inspection (and no other page names the place): what the asker ruled out is no answer,
            # and the grade it recalls is of an inspection before the one asked (only an inspection asked as one
            # after something: "rutland ilacs grade? not the nov 2018 mv" may be answered by the grade it recalls)
            return _refused(result, f"The documents found {_scope(query)} are all on {visit}, so nothing here "
                                    f"answers this.", hits[:3], started)
        if signals.get("unmentioned") and query.date_from and query.date_to \
                and INTERVENTION_ASKED_RE.search(query.text):
            # "Northants: on what date did the DfE issue its 2018 statutory direction?" where no 2018 page names the
            # direction, and the commissioner's 2019 report dates it: the later page recalling it, shown apart (only
            # the government's intervention: "what did the 2018 inspection say about care leavers?", where no 2018
            # page names them, is a near miss, not a later page's to answer)
            later, later_signals = self._later_recalling(index, query, timings, signals)
            if later and not later_signals.get("unmentioned"):
                hits, signals = later, later_signals
        if signals.get("unmentioned"):
            # The question names something (a regulator, a programme, a person) that no document within its
            # filters mentions: whatever passages come closest, they are about something else.
            scope = f" {_scope(query)}" if query.describe() else ""
            return _refused(result, f"No document{scope} mentions {' or '.join(signals['unmentioned'])}, so nothing "
                                    f"here answers this.", hits[:3], started)
        if (listing := listed_only(hits, query)) is not None:
            # "CQC's assessment of Hounslow's adult social care - what did it flag as needing improvement?" where
            # Hounslow is one line of a national list ("- London Borough of Hounslow – rated as good"): the list
            # names it, no page says anything more of it
            return _refused(result, f"{query.authorities[0]} is named only in a list ({listing}), so nothing here "
                                    f"answers this.", hits[:3], started)
        confirmed = [h for h in hits if not h.unconfirmed]
        unconfirmed = [h for h in hits if h.unconfirmed]
        covering: list[Hit] = []
        dating = event_dated_apart(confirmed[:COUNT_EVIDENCE_DEPTH], unconfirmed, query) if confirmed else []
        # A document that does not state the asked date, visit or place is shown (apart, labelled) when its text at
        # least mentions it. When none does: a visit's ordinal or an authority's name missing from every text means
        # they are about something else, so abstain; an undated text's years are weak evidence (a 2019 story may
        # only recall "the 2015 inspection"), so for dates abstain only when the corpus can tell (documents on the
        # subject state dates). A near miss ("the 2020 visit" where letters from 2015 and 2018 exist) abstains.
        mentioning = [h for h in unconfirmed if states_asked_facts(h, query, place_unnamed, numbered_letters(index))]
        # (where nothing meets the filters, one tying a grade to the asked year answers the grade asked before any
        # that only may be of the year)
        tying = [] if confirmed else [h for h in unconfirmed if ties_asked_grade(h, query)]
        mentioning = tying + [h for h in mentioning if h not in tying]
        asked_kinds = SOURCE_KINDS.get(query.source or "", ()) if query.source_named else ()
        if confirmed and asked_kinds and not any(h.document.doc_type in asked_kinds for h in confirmed):
            # "the local press write-up, not Ofsted's report": no story meets the filters, so an undated story
            # recalling the years just before is shown apart (labelled) rather than none.
            mentioning = [h for h in unconfirmed if h in mentioning or (
                h.document.doc_type in asked_kinds and recalls_before(h, query))]
        if confirmed and (not states_asked_fact(query, confirmed[:COUNT_EVIDENCE_DEPTH] + mentioning[:UNCONFIRMED_SHOWN])
                          or not any(on_subject(h) for h in confirmed[:COUNT_EVIDENCE_DEPTH])
                          or shares_no_word(confirmed[:COUNT_EVIDENCE_DEPTH], unconfirmed, query)
                          or (covering := covering_apart(index, confirmed[:COUNT_EVIDENCE_DEPTH], unconfirmed, query))
                          or dating):
            # "Which councillors did the Greens want held to account after the 2015 report?": the report meets the
            # filters but names nobody (or shares no word with the question, far from it in meaning or close only
            # in meaning while an undated story shares its words: "lambeth 2015 priority actions" where the
            # report's front matter is all that is indexed; or holds only some of the question's words where such a
            # story holds them all: `covering`, which may lead below); an undated story recalling the years just
            # before may answer, shown apart, as may one on a grade the question or another page dates to the asked
            # years (qa/retrieval/grades.py).
            # (so may one dating the visit asked where none meeting the filters dates it: `dating`)
            mentioning = [h for h in unconfirmed if h in mentioning or recalls_before(h, query)
                          or grade_dated(h, query, index) or h in dating]
        if not confirmed and not mentioning:
            # Nothing states the asked year: an undated story naming only the few years before it (the earlier
            # judgement it recalls) may be the report of that year's event, as may one on a grade dated to the year
            # (grade_dated); shown apart, never as matching. Weak evidence: only the best such document is shown,
            # not every story recalling those years.
            mentioning = [h for h in unconfirmed if recalls_before(h, query) or grade_dated(h, query, index)]
            mentioning = [h for h in mentioning if h.document.doc_id == mentioning[0].document.doc_id]
        recalled_later = not confirmed and not mentioning and query.date_from and query.date_to
        if recalled_later:
            # Nothing from the asked time: a later document whose passage names the asked year ("rated requires
            # improvement in the SIF in 2015", in a 2019 letter) recalls it; shown apart, labelled as such.
            mentioning, signals = self._later_recalling(index, query, timings, signals)
            if mentioning:
                unconfirmed = mentioning
        if not confirmed and mentioning and query.date_from and query.date_to and not rank.asked_months(query) \
                and all(names_no_year(h) and not grade_dated(h, query, index) for h in mentioning[:ANSWER_POOL]):
            # "What did Ofsted find in Bromley in 2023?", where nothing states 2023 and the closest pages are undated
            # and name no year at all: they cannot be placed in the year, so they are offered as related, not as
            # its answer (where the corpus can tell: see below). A visit dated to the asked month is placed; so is a
            # story on a grade dated to the year ("bromley 2016 sif grade for each section", where other pages date
            # Bromley's inadequate rating to June 2016).
            mentioning = []
        # "Who led the 2016 SIF that rated them inadequate?": an undated story giving another grade is on another
        # inspection, whatever years it names
        mentioning = [h for h in mentioning if not other_grade_given(h, query)]
        # "2023 only, not the 2025 MV": an undated story's passage telling of the year set aside, and of no year
        # asked ("A monitoring inspection took place in March 2025"), is on the event set aside
        mentioning = [h for h in mentioning if not passage_on_year_set_aside(h, query)
                      and not undated_page_set_aside(h, query)]
        if not confirmed and not mentioning and query.date_from and query.date_to and not recalled_later \
                and query.answer_type == "date":
            # (asked when, where the undated pages found could not be placed in the asked time: a later page dating
            # the event asked may answer, "somerset improvement notice date 2013" from a 2015 page dating the notice
            # to November 2013; its passage holding what is asked, not only the place)
            later, later_signals = self._later_recalling(index, query, timings, signals)
            words = asked_words(index, query, query.without_places(query.keyword_text)) if later else set()
            if later := [h for h in later if holds_words(index, h, words)]:
                mentioning = unconfirmed = later
                signals = later_signals
        if not confirmed and not mentioning and unconfirmed and (
                set(unconfirmed[0].unconfirmed) & {"visit", "authority"}
                or filters_checkable(index, query, unconfirmed[0].unconfirmed)
                or written_after_silent(unconfirmed[0], query) or written_long_before(unconfirmed[0], query)
                or written_awaiting(unconfirmed[0], query)
                or written_after_recalling(unconfirmed[0], query)
                or figures_of_other_years(unconfirmed[0], query) or other_grade_given(unconfirmed[0], query)):
            return _refused(result, f"Nothing in the documents {_scope(query)} answers this. The closest passages "
                                    f"come from documents whose {_facts(unconfirmed[0])} is not stated: check before "
                                    f"citing.", unconfirmed[:3], started)
        if confirmed:  # (beside what meets the filters, a page on the event set aside is no possible match)
            mentioning = [h for h in mentioning if not rank.on_year_set_aside(h.document, query)]
        unconfirmed = mentioning if (confirmed or mentioning) else unconfirmed
        if confirmed:
            confirmed = role_named_first(query, confirmed)
        else:
            unconfirmed = role_named_first(query, unconfirmed)
        answering_from = confirmed or unconfirmed
        # The asked kind of fact may be stated only in a passage shown apart (its date unknown): then it answers.
        candidates = answering_from[:COUNT_EVIDENCE_DEPTH] + (unconfirmed[:UNCONFIRMED_SHOWN] if confirmed else [])
        if self._should_abstain(signals) or not states_asked_fact(query, candidates):
            return _refused(result, "Nothing in the documents answers this. The closest passages are shown as possibly "
                                    "related.", answering_from[:3], started)
        shown = confirmed[:top_k]
        extra = unconfirmed[:max(top_k - len(shown), UNCONFIRMED_SHOWN)]
        # "How did the local press report the fourth visit?": when no story meets the filters and one shown apart
        # (its visit not stated) exists, it leads, still labelled; the letters follow.
        asked_kinds = SOURCE_KINDS.get(query.source or "", ()) if query.source_named else ()
        leading = [h for h in extra if h.document.doc_type in asked_kinds] \
            if asked_kinds and not any(h.document.doc_type in asked_kinds for h in shown) else []
        closer = False
        if not leading and shown and extra and extra[0].score > 0 \
                and extra[0].score >= APART_LEAD_RATIO * shown[0].score:
            # "Which director did inspectors praise when Leicester was judged inadequate in 2015?": the 2015 report's
            # front matter meets the filters; an undated story on that judgement names her. When what is shown apart
            # answers far more closely than anything meeting the filters, it leads, still labelled as such.
            leading = [h for h in extra if h.score > 0 and h.score >= APART_LEAD_RATIO * shown[0].score]
            closer = True
        elif not leading and shown and (ahead := [h for h in extra if h in covering and h.score >= shown[0].score]):
            # holding every word of the question where the passages meeting the filters together do not, scoring
            # higher is enough
            leading, closer = ahead, True
        elif not leading and shown and (ahead := [h for h in extra if h in dating
                                                  and h.score >= DATING_LEAD_RATIO * shown[0].score]):
            # dating the visit asked where none meeting the filters does: the date asked is there, not in them
            # (scoring near them)
            leading, closer = ahead[:1], True
        elif not leading and shown and extra and extra[0].score >= shown[0].score \
                and not states_asked_kind(query, shown[:COUNT_EVIDENCE_DEPTH]) and states_asked_kind(query, extra[:1]):
            # so is stating the asked kind of fact (a grade, a count, a name) where none meeting the filters does:
            # "northants inadequate 2019 - which judgement was RI?", the commissioner's 2019 report naming none
            leading, closer = extra[:1], True
        # (not where the council's or the press's own words are asked: there Ofsted's letter is another source)
        result.hits = without_weak_guesses(leading + shown + [h for h in extra if h not in leading],
                                           ONE_PLACE_FLOOR if query.authorities else OTHER_DOCUMENT_FLOOR,
                                           sources=query.source in (None, "ofsted"))
        # (the banner counts what is shown; by identity: two hits may hold equal values)
        kept = {id(h) for h in result.hits}
        below = [h for h in extra if h not in leading]
        leading, shown, below = ([h for h in group if id(h) in kept] for group in (leading, shown, below))
        # neighbouring passages shown as one excerpt, each group alone (a passage below never joins one leading)
        leading, shown, below = (join_neighbours(group, index, self.settings.neighbour_ratio)
                                 for group in (leading, shown, below))
        result.hits, extra = leading + shown + below, leading + below
        if extra:
            result.filters_description = _describe_with_unconfirmed(query, len(shown), extra, len(leading), closer)
        t = time.perf_counter()
        encode = self.sentence_encoder(index)
        # The extractive answer speaks only from passages that meet the filters, when there are any, unless only a
        # passage shown apart states the asked kind of fact, or passages shown apart lead (of the kind of source
        # asked for, or answering far more closely: their label goes with them). Every shown passage gets its
        # highlights; [n] numbers follow result.hits.
        answer_hits = result.hits
        pool = min(len(leading) + len(shown), ANSWER_POOL) if shown else ANSWER_POOL
        if shown and extra and not states_asked_fact(query, shown[:COUNT_EVIDENCE_DEPTH]):
            pool = len(answer_hits)
        result.answer, highlights = answering.extract(query.search_text, answer_hits, encode, pool=pool,
                                                     kind=query.answer_type, role=asked_role(query.text),
                                                     source=query.source, event=asked_event(query.text))
        for i, hit in enumerate(answer_hits):
            hit.highlights = highlights.get(i, [])
        result.answer = _caveat_apart(result.answer, answer_hits)
        timings["answer"] = time.perf_counter() - t
        timings["total"] = time.perf_counter() - started
        return result

    def _later_recalling(self, index: Index, query: Query, timings: dict,
                         signals: dict) -> tuple[list[Hit], dict]:
        """Passages of documents published after the asked window that name a year inside it; their "later" fact
        labels them (shown apart, never as matching). Only passages from the first such document: weak evidence.
        With them, the signals of their search (or `signals` unchanged when there are none)."""
        later = replace(query, date_to=None)
        found = self.retriever.retrieve(index, later, timings, dense=not self.dense_error)
        years = range(query.date_from.year, query.date_to.year + 1)
        # The year is named as an inspection's or a visit's ("rated requires improvement in the SIF in 2015"), in
        # one sentence: "the model was introduced in 2021" recalls no 2021 visit. (A passage dating its own event
        # later, "the visit on 24 January 2023 ... since the inspection in October 2019", is about that later event;
        # one recalling the 2016 inspection is no recall of a 2016 monitoring visit.)
        event_re = VISIT_WORD_RE if VISIT_ASKED_RE.search(query.text) \
            else INTERVENTION_EVENT_RE if INTERVENTION_ASKED_RE.search(query.text) else RECALLED_EVENT_RE
        # Under a month ("the nov 2021 MV"), the sentence names that month, and tells what the event found, not that
        # its outcome is still awaited ("took place in November 2021 and the outcome letter is awaited")
        months = rank.asked_months(query) if query.month or query.date_to - query.date_from <= rank.ONE_MONTH \
            else frozenset()
        # Asked what it found, a sentence telling only what the visit looked at ("A focused visit in November 2021
        # looked at children in care") recalls the visit, not what it found, unless it or the next tells a finding
        findings = asks_findings(query.text)
        # ... and holds a word of what is asked about it, not only the event and its grade ("What did the January
        # 2020 ILACS say about caseloads?": "The council was first rated inadequate in January 2020" says nothing of
        # them)
        about = asked_about(query.without_places(query.without_time or query.text))
        # (the place aside: every page on it names it)
        subject = set(index.bm25.query_terms(about)) \
            - set(index.bm25.query_terms(RECALL_FRAMING_WORDS)) \
            - {str(y) for y in years} if about else set()
        # ... nor only the grade the question itself gives the event ("Devon's 2013 inspection, the one that found them
        # inadequate: what did HMI say was failing?" is not answered by "judged as inadequate ... in 2013")
        grade_asked = asks_grade(query.text)
        given = grades_given(query.text, years) if not grade_asked else set()
        set_aside = rank.years_set_aside(query.text)
        # (a year's story set aside, "not the 2024 BBC coverage", leaves that year's Ofsted report to recall it)
        kinds_aside_other = rank.kinds_set_aside(query.text) - set(SOURCE_KINDS["ofsted"])
        asked_later = rank.years_named(query.text) - set_aside
        hits = []
        for hit in found.hits:
            span = rank.doc_span(hit.document)
            if hit.unconfirmed or span is None or span[0] <= query.date_to:
                continue
            if hit.document.date and int(hit.document.date[:4]) in set_aside \
                    and hit.document.doc_type in SOURCE_KINDS["ofsted"] and not kinds_aside_other:
                continue  # ("the January 2020 ILACS ... I don't mean the 2024 inspection": its own report recalls it;
                # a 2024 story looking back on 2020 still may tell what was asked)
            if subject and (row := index.row_of(hit.passage.passage_id)) is not None \
                    and not index.bm25.terms_in(row, subject):
                continue
            sentences = _sentences(hit.passage.text)
            # (after its own later event, a passage naming the asked one as that event's baseline does not recall it:
            # "Ofsted inspected Devon in September 2024 ... an improvement from the inadequate judgement of January
            # 2020"; "At the focused visit in 2021 inspectors found ..." still does)
            # (unless the question names that later event itself: "Dudley, rated inadequate in 2016 - what did
            # Ofsted say about whether the council had dealt with the weaknesses flagged back in 2012?")
            # (its own event dated by a month alone, on this later page: "Ofsted has today published its report
            # following the inspection ... in March. ... At the last inspection, in 2022, ... judged to be good")
            later_own = next((i for i, sentence in enumerate(sentences) if RECALLED_EVENT_RE.search(sentence)
                              and ((named := rank.years_named(sentence)) and min(named) > query.date_to.year
                                   and not named & asked_later or not named and OWN_EVENT_MONTH_RE.search(sentence))),
                             len(sentences))
            told = lambda part: bool(subject & set(index.bm25.query_terms(" ".join(part))))  # noqa: E731
            before = " ".join(sentences[:later_own])
            for heading in hit.passage.headings:  # (a headline above the first sentence tells nothing of the year)
                before = before[len(heading):].lstrip() if before.startswith(heading) else before
            if subject and later_own < len(sentences) and not told([before]) and not any(
                    told(_telling_of_year(sentences, i, years))
                    for i, sentence in enumerate(sentences) if set(rank.years_named(sentence)) & set(years)):
                continue  # (what is asked is told only of the later event: "In 2018, services were rated
                # inadequate ... The service was rated good in 2022. Inspectors said the front door was ...": not
                # before that event, nor from the sentence recalling the year asked up to one opening on another)
            if any((i < later_own or not BASELINE_YEAR_RE.search(sentence)) and event_re.search(sentence)
                   and any(y in years for y in rank.years_named(sentence))
                   and (not months or rank.months_named(sentence) & months
                        and not rank.OUTCOME_AWAITED_RE.search(sentence))
                   and (not findings or not VISIT_SCOPE_TOLD_RE.search(sentence) or tells_finding(sentence)
                        or tells_finding(" ".join(sentences[i + 1:i + 2])))
                   # (nor a grade lost or kept since: "rated good by Ofsted, losing the outstanding grade they were
                   # given in 2019" tells of the later inspection)
                   and not GRADE_SINCE_LOST_RE.search(sentence)
                   # (after its own later event, the next sentence's findings are that event's, and a grade alone
                   # tells nothing asked of what was found: "Services improved from good at the last inspection in
                   # 2019")
                   and not (given and restates_grade_only(sentence, years, given)
                            and not lends_finding(sentences[i + 1:i + 2], i < later_own))
                   and not (findings and i > later_own and not grade_asked and grade_only(sentence)
                            and not lends_finding(sentences[i + 1:i + 2], False))
                   for i, sentence in enumerate(sentences)):
                hit.unconfirmed = ["later"]
                hits.append(hit)
        if not hits:
            return [], signals
        return [h for h in hits if h.document.doc_id == hits[0].document.doc_id][:UNCONFIRMED_SHOWN], found.signals

    def _should_abstain(self, signals: dict) -> bool:
        return answering.should_abstain(signals.get("dense_top"), signals.get("coverage", 0.0),
                                        signals.get("known", 1.0), signals.get("terms", 0))


# A year recalled as the baseline of a later event: "an improvement from the inadequate judgement of January 2020"
# (or the grade it had before: "The Chairman noted that the council had previously been judged outstanding in 2019")
BASELINE_YEAR_RE = re.compile(r"\b(?:from|since|compared\s+(?:with|to)|than)\s+(?:the\s+|its\s+|an?\s+)?"
                              r"(?:[\w'’-]+\s+){0,4}?(?:19|20)\d\d\b|"
                              r"\b(?:previously|formerly)\s+(?:been\s+)?(?:judged|rated|graded)\s+(?:as\s+)?"
                              r"['‘\"“]?(?:inadequate|good|outstanding|requires\s+improvement(?:\s+to\s+be\s+good)?)"
                              r"['’\"”]?\s+"
                              r"(?:in|of|from)\s+(?:\w+\s+)?(?:19|20)\d\d\b", re.I)
# (the year the grade was given: "losing the outstanding grade they were given in 2019", "keeping its good rating from
# 2019"; not the year it was lost, "lost its outstanding grade in 2019 after inspectors found ...")
GRADE_SINCE_LOST_RE = re.compile(rf"\b{GRADE_KEPT_VERBS}\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){{0,2}}?"
                                 rf"(?:grade|rating|judge?ment)\s+"
                                 rf"(?:(?:(?:that\s+|which\s+)?(?:it|they)\s+(?:was|were|had\s+been|had|got)\s+)?"
                                 rf"(?:given|awarded|achieved|gained|won|received|got)\s+in|from|of)\s+(?:\w+\s+)?"
                                 rf"(?:19|20)\d\d\b", re.I)
# What is asked about, or at ("find at the front door"), to the clause's end; and what a question asks an event's
# document said about it: "What did the January 2020 ILACS say about caseloads?"
_ABOUT = r"\b(?:about|on|at)\s+([^?.;,()]+)"
_ABOUT_RE = re.compile(_ABOUT, re.I)
ASKED_ABOUT_RE = re.compile(rf"\b(?:say|said|says|find|found|finds|write|wrote|note|noted)\s+(?:[\w'’-]+\s+){{0,2}}?"
                            rf"{_ABOUT}", re.I)
# (not the event itself: "what did ofsted find at the rutland mv in march 2019", "at the last inspection")
_AT_EVENT_RE = re.compile(r"(?:the\s+|its\s+|their\s+)?(?:(?:[\w'’-]+\s+){0,5}?(?:mvs?\d*|fvs?|visits?|inspections?|"
                          r"ilacs|sif|jtais?|aem|re-?inspections?|feedback\s+meeting)\b|"
                          r"(?:(?:last|latest|first|previous|recent|full|short|ofsted['’]?s?)\s+){0,2}"
                          # (a time, not one of a process: "at the time of the ilacs", not "at the point of referral",
                          # "at first contact", "at the end of care proceedings")
                          r"(?:ones?|ofsted|(?:start|first|time|end|point|stage)(?![^\S\n]+(?:of(?!\s+(?:the\s+)?"
                          r"(?:[\w'’-]+\s+){0,2}?(?:inspection|visit|ilacs|mv|fv|jtai)s?\b)|contact|referral)\b))\b)",
                          re.I)


def asked_about(text: str) -> str | None:
    """What a question asks be said or found about ("what did ofsted find at the front door": "the front door"), an
    event it is at read past ("at the jtai in 2019 about the mash": "the mash"), and "that time" no subject."""
    for m in ASKED_ABOUT_RE.finditer(text):
        subject = m.group(1)
        if re.search(r"\bat\s+$", text[:m.start(1)], re.I) and (event := _AT_EVENT_RE.match(subject)):
            if not (subject := next((inner.group(1) for inner in _ABOUT_RE.finditer(subject, event.end())), None)):
                continue
        subject = re.sub(r"\b(?:that|the|this)\s+time\b", " ", subject, flags=re.I)
        if _NO_SUBJECT_RE.fullmatch(subject):
            continue  # (only a date or a council left: "at the inspection at rutland county council in nov 2022")
        return subject
    return None


_NO_SUBJECT_RE = re.compile(rf"(?:\W|\d|\b(?:in|of|on|at|the|its|their|council|county|borough|city|metropolitan|"
                            rf"district|{MONTH_NAME})\b)*", re.I)

# The words naming an event and its outcome, not what is asked about it
RECALL_FRAMING_WORDS = ("inspection inspected inspectors visit visits monitoring focused report letter judgement "
                        "judged rated rating grade inadequate outstanding good requires improvement ilacs sif jtai one "
                        "ofsted say said find found point stage end aem")  # ("at that point", "at the end")


VISIT_WORD_RE = re.compile(r"\bvisit", re.I)
_RECALLED_EVENTS = r"visit\w*|inspect\w*|re-inspect\w*|ofsted|judge?ment|judged|rated|rating|graded|report\w*|letter"
RECALLED_EVENT_RE = re.compile(rf"\b(?:{_RECALLED_EVENTS})\b", re.I)

# ... or, asked about the government's intervention ("the DfE's 2018 statutory direction", "when was the commissioner
# appointed"), the intervention's own words: "DfE issued a statutory direction to the council on 30 November 2018"
INTERVENTION_ASKED_RE = re.compile(r"\b(?:statutory\s+)?directions?\b|\bimprovement\s+notices?\b|\bcommissioners?\b|"
                                   r"\bconsultation\b|\bintervention\b", re.I)
INTERVENTION_EVENT_RE = re.compile(rf"\b(?:{_RECALLED_EVENTS}|direct(?:ed|ion|ions)|notices?|commissioners?|"
                                   r"consult\w*|intervention|appoint\w*)\b", re.I)


# What a visit found, told: "inspectors found", "identified weaknesses", "highlighted delays", "praised the progress"
# (the judgement it followed is history: "since the council was judged inadequate in 2019, a visit took place ...")
FINDING_TOLD_RE = re.compile(r"\b(?:found|finds|judged|concluded|identified|highlighted|noted|praised|criticised|"
                             r"rated|graded|saw|reported\s+that)\b", re.I)


VISIT_SCOPE_TOLD_RE = re.compile(r"\b(?:look(?:ed|s|ing)?\s+at|focus+(?:ed|es|ing)?\s+on|examin\w*|consider(?:ed|ing)|"
                                 r"took\s+place|carried\s+out|visited)\b", re.I)


# A grade given ("judged as inadequate", "rated 'good'"): no finding beyond the grade
_GRADE_GIVEN_RE = re.compile(r"\b(?:judged|rated|graded|found)\s+(?:as\s+|to\s+be\s+)?['‘\"“]?(?:inadequate|"
                             r"requires?\s+improvement(?:\s+to\s+be\s+good)?|good|outstanding)\b", re.I)


# ... and why it was given: "for failing to protect children", "because of weak management oversight", "with
# inspectors criticising delays", "amid serious failings"
_GRADE_REASON_RE = re.compile(r"\b(?:because|due\s+to|owing\s+to|amid|with\s+inspectors|after\s+inspectors)\b|"
                              r"\b(?:fail\w*|concerns?|weak\w*|poor\w*|delays?|criticis\w*|shortcomings?|risks?)\b",
                              re.I)


def restates_grade_only(sentence: str, years: range, given: set[str]) -> bool:
    """The sentence's word on `years` is a grade among those `given` (by the question), and it tells no other
    finding, nor why."""
    tied = grades_tied_to(sentence, years)
    return bool(tied) and all(grades <= given for grades in tied) \
        and _nothing_but_the_grade(_GRADE_GIVEN_RE.sub(" ", sentence))


def grade_only(sentence: str) -> bool:
    """The sentence gives a grade ("were judged to be good", "improved from good at the last inspection") and tells
    no other finding, nor why (not "management oversight is good", "making good progress")."""
    rest = _GRADE_FROM_RE.sub(" ", _GRADE_GIVEN_RE.sub(" ", sentence))
    return rest != sentence and _nothing_but_the_grade(rest) \
        and not re.search(r"\b(?:with|thanks\s+to)\b", rest, re.I)  # (nor "rated good, with strong leadership")


def _nothing_but_the_grade(rest: str) -> bool:
    """What is left of a sentence with its grade taken out tells no finding, nor why."""
    return not tells_finding(rest) and not _GRADE_REASON_RE.search(rest)


# (a grade improved or fallen from: "Services improved from good at the last inspection in 2019")
_GRADE_FROM_RE = re.compile(r"\bfrom\s+['‘\"“]?(?:inadequate|requires?\s+improvement(?:\s+to\s+be\s+good)?|good|"
                            r"outstanding)['’\"”]?(?=\s+(?:at|in)\b)", re.I)
# A sentence pointing back to the recalled event: "At that inspection, inspectors found ...", "Inspectors had found"
_BACK_TO_IT_RE = re.compile(r"^\W*then\b|\b(?:at\s+that\s+(?:inspection|visit|time)|at\s+the\s+time|back\s+then|"
                            r"that\s+(?:inspection|visit|report)|on\s+that\s+occasion|"
                            r"had\s+(?:found|judged|said|reported|identified|concluded|noted|criticised))\b", re.I)
# A page's own event dated by a month alone: "following the inspection ... in March"
# (told as done: not "the next inspection, which we expect in March", "inspectors will return in May")
OWN_EVENT_MONTH_RE = re.compile(rf"^(?![^.]*\b(?:will|expect\w*|due|next|upcoming|planned|preparing|shall)\b)[^.]*?"
                                rf"\b(?:inspect\w*|(?:monitoring|focus+ed)\s+visit)\b[^.]*?\b(?:in|during|on|last)\s+"
                                rf"(?:early\s+|late\s+)?(?-i:{MONTH_NAMES})\b(?!\s+(?:19|20)\d\d)", re.I)


def lends_finding(following: list[str], before_own_event: bool) -> bool:
    """The sentence after a grade restated tells what was found then: always before the page's own later event;
    after it, only pointing back to the recalled one ("At that inspection, inspectors found ...")."""
    text = " ".join(following)
    return tells_finding(text) and (before_own_event or bool(_BACK_TO_IT_RE.search(text)))


def tells_finding(sentence: str) -> bool:
    return bool(FINDING_TOLD_RE.search(rank.JUDGED_BEFORE_RE.sub("", sentence)))


# a sentence opening on another year is another event's telling ("At its last full inspection in 2022 inspectors
# said ..."; not "Inspectors found the front door weak, and it stayed so until the 2022 inspection")
OPENING_CHARS_OF_SENTENCE = 65


def _telling_of_year(sentences: list[str], start: int, years) -> list[str]:
    """The sentences from `start` (one recalling a year asked) up to the next that opens on another year."""
    end = next((j for j in range(start + 1, len(sentences))
                if rank.years_named(sentences[j][:OPENING_CHARS_OF_SENTENCE]) - set(years)), len(sentences))
    return sentences[start:end]


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


VISIT_ASKED_RE = re.compile(r"\b(?:monitoring|focus+ed)\s+visits?\b|\bMVs?\b|\bFVs?\b", re.I)
COUNT_EVIDENCE_DEPTH = 5  # "how many", "what grade", "who as X" abstain when none of the first five states it
ROLE_EVIDENCE_DEPTH = 12  # ... unless a passage of the leading document this far down names somebody in the role
# (the meeting's own chair, not another body's: "Councillor Ann Lee, Chair of the Scrutiny Committee" sent apologies)
MEETING_CHAIR_RE = re.compile(r"\bin\s+the\s+chair\b|\(\s*(?:independent\s+|vice[- ])?chair(?:man|person|woman)?\s*\)|"
                              r"(?m:^\s*chair(?:man|person|woman)?\s*:)", re.I)
ANSWER_POOL = 3  # passages the answer's sentences come from
UNCONFIRMED_SHOWN = 2  # passages of unknown date/place/visit shown after those that meet the filters
DATING_LEAD_RATIO = 0.8  # ... or, dating the visit asked where none meeting the filters does, this much of them
APART_LEAD_RATIO = 1.3  # ... or before them, when they score this much higher (labelled all the same)
FACT_NAMES = {"date": "date", "authority": "local authority", "visit": "visit number",
              "later": "date (published later)"}


# A passage of another document than the leading passage's, scoring well under the best, is a weak guess: mostly a
# neighbouring council's letter or a story retelling the leading one, the passages a careless answer shows. Asked
# about a place, the answer is that place's documents: the floor is higher (ONE_PLACE_FLOOR) than for a question
# across the corpus, whose other sources are what it asks for. (Over every question set, round 44: at 0.6 and 0.65
# against 0.5 for both, 53 fewer answers showing a forbidden passage, 1 fewer with the right one in the first five.)
OTHER_DOCUMENT_FLOOR = 0.6
SOURCE_FLOOR = 0.4  # (Ofsted's own on the event the first tells of, still not far behind: see _source_of)
ONE_PLACE_FLOOR = 0.65


def without_weak_guesses(hits: list[Hit], floor: float | None = None, sources: bool = False) -> list[Hit]:
    """`hits` without those of other documents than the first's scoring under `floor` (by default
    OTHER_DOCUMENT_FLOOR) of the best (with `sources`, Ofsted's own on the event the first tells of stay: see
    _source_of)."""
    if not hits:
        return hits
    floor = OTHER_DOCUMENT_FLOOR if floor is None else floor
    best, lead = max(h.score for h in hits), hits[0].document
    return [h for h in hits if h.document.doc_id == lead.doc_id or h.score >= floor * best
            or sources and h.score >= SOURCE_FLOOR * best and _source_of(h, lead)]


def _source_of(hit: Hit, lead: Document) -> bool:
    """Ofsted's own document on the event a dated council page or story leading tells of, meeting the filters: the
    source of what leads, no weak guess ("why was help and protection only graded good?", a committee paper's table
    of the judgements far ahead of the report's own section). On that event: published at most SOURCE_EVENT_DAYS
    before the page (not after it), on the same place and visit."""
    own = hit.document
    if lead.doc_type in SOURCE_KINDS["ofsted"] or own.doc_type not in SOURCE_KINDS["ofsted"] or hit.unconfirmed \
            or not (lead.date and own.date) or not rank.same_event(own, lead) \
            or own.visit_number != lead.visit_number and own.visit_number and lead.visit_number:
        return False
    return 0 <= (date.fromisoformat(lead.date[:10]) - date.fromisoformat(own.date[:10])).days <= SOURCE_EVENT_DAYS


SOURCE_EVENT_DAYS = 120  # (a committee reports on an inspection within a few months of its report)


def _holds(index: Index, word: str) -> bool:
    """Whether some passage holds `word` (as the keyword index reads it)."""
    terms = index.bm25.query_terms(word)
    return bool(terms) and bool(index.bm25.document_frequency(terms))


def on_subject(hit: Hit) -> bool:
    """A passage sharing a word with the question, or close to it in meaning (when the dense side answered)."""
    return hit.scores.get("bm25", 0.0) > 0 or hit.scores.get("dense", 0.0) >= answering.DENSE_CONFIDENT


def shares_no_word(confirmed: list[Hit], unconfirmed: list[Hit], query: Query) -> bool:
    """The documents meeting the filters share no word with the question (close only in meaning: "lambeth 2015
    mgmt oversight" where the year's report is indexed by its front page alone), while an undated one recalling
    the years just before does."""
    return not any(h.scores.get("bm25", 0.0) > 0 for h in confirmed) \
        and any(h.scores.get("bm25", 0.0) > 0 and recalls_before(h, query) for h in unconfirmed)


def covering_apart(index: Index, confirmed: list[Hit], unconfirmed: list[Hit], query: Query) -> list[Hit]:
    """Undated passages recalling the years just before the asked one that hold every word of the question, where
    the passages meeting the filters, taken together, do not ("lambeth 2015 cla health assessments" where the
    year's report is indexed by its front page: "children looked after", no health assessment). Empty otherwise."""
    terms = asked_words(index, query, query.keyword_text)
    if len(terms) < 2:
        return []
    held = set().union(*(index.bm25.terms_in(row, terms) for h in confirmed
                         if (row := index.row_of(h.passage.passage_id)) is not None))
    if held >= terms:
        return []
    # (or every word they lack and more of the question than they hold together: "lambeth 2015 ofsted areas
    # needing urgent action", where the report's front page holds "areas" and "need", the story "five areas for
    # priority and immediate action" and "urgent action")
    return [h for h in unconfirmed[:COUNT_EVIDENCE_DEPTH]
            if (row := index.row_of(h.passage.passage_id)) is not None
            and (own := index.bm25.terms_in(row, terms)) >= terms - held and len(own) > len(held)
            and recalls_before(h, query)]


def event_dated_apart(confirmed: list[Hit], unconfirmed: list[Hit], query: Query) -> list[Hit]:
    """Asked when a visit or inspection took place, where no passage meeting the filters dates it (a story's byline
    and the judgement it recalls are other dates): the undated passages on the asked place that do ("It follows its
    latest monitoring visit, which took place from February 28 to March 1 this year"), naming no later year than
    the asked ones, and dating the kind of event asked, no other visit by its ordinal and no other year. Empty
    otherwise."""
    if asked_event(query.text) != "took place" or not query.date_from or not query.date_to \
            or any(dates_event("took place", h.passage.text) or _visit_dated_within(h.passage.text, query)
                   for h in confirmed):
        return []
    kind = next((dated for asked, dated in _ASKED_KINDS if asked.search(without_set_asides(query.text))),
                _INSPECTION_KIND)
    return [h for h in unconfirmed[:COUNT_EVIDENCE_DEPTH]
            if "date" in h.unconfirmed and "authority" not in h.unconfirmed
            and all(y <= query.date_to.year for y in _text_facts(h.document.text)[1])
            and _dates_asked_visit(h.passage.text, query, kind)]


# The kind of event asked, and the words a sentence dating it holds (a JTAI's dates are no monitoring visit's)
_INSPECTION_KIND = re.compile(r"\binspection\b|\bfieldwork\b|\bilacs\b|\bsif\b", re.I)
_ASKED_KINDS = [(re.compile(r"\bjtai\b|\bjoint\s+targeted\b", re.I), re.compile(r"\bjtai\b|\bjoint\b", re.I)),
                (re.compile(r"\b(?:mv\d?|fv\d?|visit)\b", re.I), re.compile(r"\bvisit\b", re.I))]
# (an ordinal, not a day's: "the 2nd monitoring visit", not "28th of February")
_VISIT_ORDINAL_RE = re.compile(rf"\b{ORDINAL_RE}\b(?!\s+(?:of\s+)?(?:{MONTH_NAMES})\b)", re.I)
# (another setting's inspection or another visitor: "The inspection of the youth offending service took place ...",
# "The minister's visit to the trust took place on March 20")
_OTHER_SETTING_RE = re.compile(r"\b(?:youth\s+(?:offending|justice)|yot|children['’]s\s+homes?|schools?|nursery|"
                               r"fostering\s+(?:agency|service)|adoption\s+(?:agency|service)|cqc|minister['’]?s?|"
                               r"secretary|commissioner['’]s|mp)\b", re.I)
_VISITED_RE = re.compile(r"\b(?:visit\w*|inspect\w*|on[\s-]site|hmis?|inspectors?|fieldwork)\b", re.I)


def _dates_asked_visit(text: str, query: Query, kind: re.Pattern) -> bool:
    """A sentence dating the kind of event asked (`kind`: its words), naming no other visit's ordinal than the one
    asked and no year outside the asked ones (not "the second visit took place on ...", asked the third; nor "the
    awards evening took place on March 1, when HMI Jo Bell was on site as a guest"; nor "The inspection was carried
    out in March 2015", asked 2019)."""
    years = range(query.date_from.year, query.date_to.year + 1)
    for a, b in sentence_spans(text):
        sentence = text[a:b]
        if not (dates_event("took place", sentence) and kind.search(sentence)) or _OTHER_SETTING_RE.search(sentence):
            continue
        ordinals = {ordinal_value(m.group(1)) for m in _VISIT_ORDINAL_RE.finditer(sentence)}
        if query.visit_number and ordinals - {query.visit_number}:
            continue
        if any(int(y) not in years for y in re.findall(r"\b((?:19|20)\d\d)\b", sentence)):
            continue
        return True
    return False


# (a day dated: "on 28 February and 1 March", "February 28")
_DAY_DATED_RE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:(?:and|to|-|–)\s+(?:the\s+)?"
                           rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?{MONTH_RE}|\b{MONTH_RE}\s+\d{{1,2}}\b", re.I)


def _visit_dated_within(text: str, query: Query) -> bool:
    """A sentence telling of a visit or inspection by its days, or by a month of the asked years, however it says so
    ("Inspectors were at the trust on 28 February and 1 March", "HMI spent two days in Rutland in March 2017"; not
    "since it was rated inadequate in November 2015", asked 2017)."""
    years = range(query.date_from.year, query.date_to.year + 1)
    # (a paragraph break ends a sentence too: a story's dateline is no date of the visit its lead tells of)
    parts = [part for a, b in sentence_spans(text) for part in re.split(r"\n\s*\n", text[a:b])]
    return any(_VISITED_RE.search(part) and (_DAY_DATED_RE.search(part) or any(
        int(m.group(2)) in years for m in rank.MONTH_YEAR_RE.finditer(part))) for part in parts)


def _caveat_apart(answer: str, hits: list[Hit]) -> str:
    """The answer with a warning first when it quotes passages shown apart: the chat shows the answer without the
    cards' banner, and a reader copying it must see that [2] does not state the asked year, place or visit."""
    cited = sorted({int(n) for n in re.findall(r"\[(\d+)\]", answer or "")})
    apart = [n for n in cited if 1 <= n <= len(hits) and hits[n - 1].unconfirmed]
    if not apart:
        return answer
    unknown = set(f for n in apart for f in hits[n - 1].unconfirmed)
    facts = " or ".join(FACT_NAMES[f] for f in ("date", "authority", "visit") if f in unknown)
    whose = [f"whose {facts} is not stated"] if facts else []
    whose += ["published after the time asked"] if "later" in unknown else []
    if len(apart) == len(cited):
        subject = "Every passage quoted comes" if len(cited) > 1 else "The passage quoted comes"
    else:
        subject = f"{', '.join(f'[{n}]' for n in apart)} {'comes' if len(apart) == 1 else 'come'}"
    source = "a document" if len(apart) == 1 else "documents"
    return f"{subject} from {source} {' or '.join(whose)}: check before citing. {answer}"


def _facts(hit: Hit) -> str:
    return " or ".join(FACT_NAMES[f] for f in hit.unconfirmed)


def _filters_phrase(query: Query) -> str:
    """'2020 documents; about Lambeth': the banner without its 'Showing'."""
    return re.sub(r"^Showing\s+", "", query.describe())


def _refused(result: Answer, message: str, related: list[Hit], started: float) -> Answer:
    """`result` as an abstention: its message, and the passages shown as possibly related."""
    result.abstained, result.message, result.related = True, message, related
    result.timings["total"] = time.perf_counter() - started
    return result


def _scope(query: Query) -> str:
    described = _filters_phrase(query)
    return f"matching the question's filters ({described})" if described else "matching the question's filters"


def _describe_with_unconfirmed(query: Query, shown: int, extra: list[Hit], leading: int = 0,
                               closer: bool = False) -> str:
    facts = sorted({f for h in extra for f in h.unconfirmed}, key=list(FACT_NAMES).index)
    if facts == ["later"]:
        return (f"No passage states it meets the filters ({_filters_phrase(query)}); {len(extra)} passage"
                f"{'s' if len(extra) > 1 else ''} below from a document published later that recalls "
                f"{query.time_phrase or 'the time asked'}: check before citing")
    unknown = " or ".join(FACT_NAMES[f] for f in facts)
    head = query.describe() if shown else f"No passage states it meets the filters ({_filters_phrase(query)})"
    reason = "they answer more closely" if closer else "the kind of source asked for"
    where = f", {leading} first as {reason}," if leading and shown else " below"
    return f"{head}; {len(extra)} passage{'s' if len(extra) > 1 else ''}{where} from documents whose {unknown} " \
           f"is not stated: check before citing"


def unknown_authorities(index: Index, query: Query) -> list[str]:
    """Authorities asked about that no indexed document is about (the question cannot be answered for them)."""
    if not query.authorities:
        return []
    covered = _covered_authorities(index)
    return [a for a in query.authorities if a.casefold() not in covered]


def named_in_passing(index: Index, query: Query, missing: list[str]) -> list[str]:
    """Of the asked authorities no document is about, one closing a terse question that opens on another asked one,
    topic words between them ("devon aem sector led improvment essex"), and named in the text of a document about that
    one: a word of the topic (a partner, a reviewer), not a second place asked. Not in a question asked in words, a
    comparison or a grade asked ("somerset ilacs grades devon", "devon somerset ilacs grades")."""
    covered = [a for a in query.authorities if a not in missing]
    if len(missing) != 1 or not covered or _PASSING_NOT_TERSE_RE.search(query.text) or asks_grade(query.text):
        return []
    text = query.text.strip()
    opening = [m for a in covered if (m := _place_named_re(a).match(text))]
    closing = [m for m in _place_named_re(missing[0]).finditer(text) if not text[m.end():].strip(" .!")]
    if not opening or not closing or len(text[opening[0].end():closing[0].start()].split()) < PASSING_TOPIC_WORDS:
        return []
    texts = (d.text for d in index.documents.values()
             if {a.casefold() for a in covered} & {a.casefold() for a in d.local_authorities})
    return missing if any(_place_named_re(missing[0]).search(t) for t in texts) else []


PASSING_TOPIC_WORDS = 2  # (words of the topic between the place asked and the one closing the question)
# (a question asked in words, or a comparison: not a terse string of topic words)
_PASSING_NOT_TERSE_RE = re.compile(r"\b(?:what|which|who|how|why|when|where|did|does|do|is|are|was|were|has|have|"
                                   r"than|compar\w*|versus|vs?|both|each|differ\w*|between|and|or)\b|[?+&/,;:]|"
                                   r"\s[-–—]\s", re.I)


@lru_cache(maxsize=1)  # the live index only: a reloaded one replaces it, so the old is freed
def _covered_authorities(index: Index) -> frozenset[str]:
    """Every authority some document is about, once per loaded index (not once per question)."""
    return frozenset(a.casefold() for doc in index.documents.values() for a in doc.local_authorities)


@lru_cache(maxsize=64)  # the documents of one question's candidates; bounded, as texts can be large
def _text_facts(text: str) -> tuple[str, frozenset[int]]:
    """A document's text in lower case and the years it names, once per document (not once per hit)."""
    lowered = text.lower()
    return lowered, rank.years_named(lowered)


def filters_checkable(index: Index, query: Query, facts: list[str]) -> bool:
    """Whether documents about the asked authorities (or any, when none is asked) state the facts in question, so
    that none of them meeting the filter says something about the corpus."""
    docs = [d for d in index.documents.values() if not query.authorities
            or {a.casefold() for a in query.authorities} & {a.casefold() for a in d.local_authorities}]
    stated = {"date": lambda d: rank.doc_span(d) is not None, "visit": lambda d: bool(d.visit_number),
              "authority": lambda d: bool(d.local_authorities)}
    return all(any(stated[f](d) for d in docs) for f in facts)


# Another inspectorate's own inspection asked: "the CQC's own inspection of ...", "inspected by HMICFRS" (not the CQC
# named beside the question, "..., which the CQC had rated inadequate")
_OTHER = rank.OTHER_INSPECTORATE_RE.pattern
OTHER_INSPECTORATES_OWN_RE = re.compile(rf"(?:{_OTHER})['’]s\s+(?:own\s+)?(?:[\w-]+\s+){{0,2}}?"
                                        rf"(?:inspections?|reviews?|reports?|visits?)\b|"
                                        rf"\b(?:inspect\w*|review\w*)\s+by\s+(?:the\s+)?(?:{_OTHER})", re.I)


def _names_inspectorate_alone(text: str) -> bool:
    """A sentence naming another inspectorate (the CQC, HMICFRS, ...) and no joint inspection (nor a local area's
    SEND inspection, which the CQC carries out with Ofsted)."""
    return any(rank.OTHER_INSPECTORATE_RE.search(text, a, b) and not rank.JOINT_INSPECTION_RE.search(text, a, b)
               for a, b in sentence_spans(text))


def names_no_year(hit: Hit) -> bool:
    """An undated document naming no year anywhere in its text."""
    return "date" in hit.unconfirmed and not _text_facts(hit.document.text)[1]


def passage_on_year_set_aside(hit: Hit, query: Query) -> bool:
    """(or, of a month set aside with its year, the month alone: "dec 2018 ..., not the june 2019 inspection", a
    passage on "an inspection on June 10 and 21"; a month named alone that is asked places the passage in the asked
    event, "following an inspection in June", whatever earlier year it recalls)"""
    if "date" not in hit.unconfirmed or not (query.date_from and query.date_to) \
            or not (set_aside := rank.years_set_aside(query.text)):
        return False
    asked_years = set(range(query.date_from.year, query.date_to.year + 1))
    if _months_named_alone(hit.passage.text) & rank.asked_months(query):
        return False
    if (visit_months := _months_of_visits(hit.passage.text) & _months_set_aside(query.text)) \
            and not rank.years_named(_DATED_BY_MONTH_RE.sub(lambda m: _recalled_date(m, visit_months, query),
                                                             hit.passage.text)) & asked_years:
        # (a visit dated by the month set aside alone is that event, where an asked year is named only with another
        # month outside the asked time, as what it recalls: "following an inspection in June. ... which, in November
        # 2016, received")
        return True
    if rank.years_named(hit.passage.text) & asked_years:
        return False
    # (a year recalled as the baseline of progress is no event told: "much improved since the inspection and
    # monitoring visit that took place in 2023"; read from the sentence's start where the passage opens inside it,
    # "since the last\n\ninspection in 2017.")
    text = hit.passage.text
    if text[:1].islower() and hit.passage.start:
        text = hit.document.text[max(0, hit.passage.start - SENTENCE_BEFORE_CHARS):hit.passage.start] + text
    return bool(rank.years_named(_SINCE_YEAR_RE.sub(" ", text)) & set_aside) \
        or bool(_months_of_visits(hit.passage.text) & _months_set_aside(query.text))


SENTENCE_BEFORE_CHARS = 80


# (nor one still to come: "a full inspection is expected in 2025", "until 2025")
_SINCE_YEAR_RE = re.compile(r"\b(?:since|from|compared\s+(?:with|to)|than)\b[^.;]{0,80}?\b(?:19|20)\d\d\b|"
                            r"\b(?:until|till|expected|due|planned|scheduled)\b[^.;]{0,30}?\b(?:19|20)\d\d\b|"
                            r"\bby\s+(?:the\s+(?:end|start|spring|summer|autumn|winter)\s+of\s+)?(?:19|20)\d\d\b", re.I)
# (a month without its year: "an inspection on June 10 and 21", not "took place in March 2025")
_NO_YEAR_AFTER = r"(?!,?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d\b)"
_MONTH_ALONE_RE = re.compile(rf"\b({MONTH_NAMES})\b{_NO_YEAR_AFTER}")
_DATED_BY_MONTH_RE = re.compile(rf"\b({MONTH_NAMES})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d\b")


def undated_page_set_aside(hit: Hit, query: Query) -> bool:
    """An undated document of a kind the question sets aside with a year ("not MV5 or the council's own 2019
    page"), telling of that year and of none asked: the page set aside, whatever month it names ("undertaken in late
    February/early March", March 2023 asked). (Not a year it measures from: "good progress since the inspection in
    2019", "The last full inspection in 2017 was rated 'Requires Improvement'": the page tells of a later one.)"""
    if "date" not in hit.unconfirmed or not (query.date_from and query.date_to) \
            or not (aside := rank.kinds_set_aside_by_year(query.text)):
        return False
    text = hit.document.text
    told = rank.years_named(_SINCE_YEAR_RE.sub(" ", text)) - rank.last_inspection_years(text)
    return not told & set(range(query.date_from.year, query.date_to.year + 1)) \
        and any(hit.document.doc_type in kinds and years & told for kinds, years in aside)


def _recalled_date(m: re.Match, visit_months: frozenset[int], query: Query) -> str:
    """A month and year neither asked nor the visit set aside's, blanked ("in November 2016", asked 2016 with June
    set aside); an asked month's own kept ("the monitoring visit in December 2018", asked December 2018)."""
    month = MONTHS[m.group(1).lower()]
    return m.group(0) if month in visit_months or month in rank.asked_months(query) else " "


def _months_named_alone(text: str) -> frozenset[int]:
    return frozenset(MONTHS[m.lower()] for m in _MONTH_ALONE_RE.findall(text))


# (a month set aside places a passage only where a visit or inspection is dated by it: "followed an inspection on
# June 10 and 21", not "the board met in June")
_VISIT_MONTH_RE = re.compile(rf"\b(?:inspect\w*|visit\w*)\b[^.;]{{0,30}}?\b({MONTH_NAMES})\b{_NO_YEAR_AFTER}")


def _months_of_visits(text: str) -> frozenset[int]:
    return frozenset(MONTHS[m.lower()] for m in _VISIT_MONTH_RE.findall(text))


def _months_set_aside(question: str) -> frozenset[int]:
    return frozenset(month for _, month in rank.dates_set_aside(question))


def written_after_silent(hit: Hit, query: Query) -> bool:
    """An undated text naming years after the asked span and none in it was written later and recalls that time
    without naming it: silent on the asked year's events, unlike a text that may have been written during it."""
    if "date" not in hit.unconfirmed or not query.date_to:
        return False
    text, years = _text_facts(hit.document.text)
    if FOLLOWING_YEAR_RE.search(text):  # "at a full inspection in 2017 ... in a focused visit the following year"
        years = years | {y + 1 for y in years}
    lo = query.date_from.year if query.date_from else 1900
    return any(y > query.date_to.year for y in years) and not any(lo <= y <= query.date_to.year for y in years)


LISTED_PLACES = 3  # a list names three places or more
LIST_LINE_WORDS = 15  # a list's line is short, and no sentence


def _list_line(line: str) -> bool:
    return len(line.split()) <= LIST_LINE_WORDS and not re.search(r"[.!?]\s*$|[.!?]\s+[A-Z]", line.strip())


@lru_cache(maxsize=256)
def _place_named_re(place: str) -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, question_forms(place, towns=False)))})\b", re.I)


LISTED_RUN = 5  # a run of names in a sentence, a national list: five places or more


@lru_cache(maxsize=4096)
def _run_of_places(line: str) -> bool:
    """A line naming five places or more one after another, joined as a list ("Barnsley, Bexley, Birmingham and
    ..."), not a story comparing its council with four neighbours."""
    mentions = find_in_text(line)
    run = 1
    for before, after in zip(mentions, mentions[1:]):
        run = run + 1 if re.fullmatch(LIST_JOIN, line[before.end:after.start]) else 1
        if run >= LISTED_RUN:
            return True
    return False


def listed_only(hits: list[Hit], query: Query) -> str | None:
    """The title of the list, when every document among `hits` naming the one place asked about names it only on a
    line of a list of three places or more, and the question asks about it more than a list line says (not its
    grade, nor which places)."""
    if len(query.authorities) != 1 or query.answer_type in ("judgement", "count", "date") \
            or rank.asks_for_places(query.text):
        return None
    asked = _place_named_re(query.authorities[0])
    title = None
    naming = {h.document.doc_id: h.document for h in hits if asked.search(h.document.text)}
    for doc in naming.values():
        lines = [line for line in doc.text.splitlines() if line.strip()]
        own = [line for line in lines if asked.search(line)]
        if own and all(_run_of_places(line) for line in own):
            title = title or doc.title or doc.doc_id
            continue  # (or in a run of names: "Barnsley, Bexley, Birmingham, Blackpool, ... Lambeth, ...")
        others = [a for a in doc.local_authorities if a.casefold() != query.authorities[0].casefold()]
        fellows = [line for line in lines if _list_line(line) and any(_place_named_re(a).search(line) for a in others)]
        if not own or not all(_list_line(line) for line in own) or len(fellows) < LISTED_PLACES - 1:
            return None
        title = title or doc.title or doc.doc_id
    return title


def written_after_recalling(hit: Hit, query: Query) -> bool:
    """An undated text naming the asked years only as a point it looks back to ("deteriorated since its last full
    inspection in 2015", asked about the 2015 inspection) was written later, about a later event."""
    if "date" not in hit.unconfirmed or not (query.date_from and query.date_to):
        return False
    text, years = _text_facts(hit.document.text)
    asked = [y for y in years if query.date_from.year <= y <= query.date_to.year]
    return bool(asked) and all(only_recalled(text, y) for y in asked)


def written_long_before(hit: Hit, query: Query) -> bool:
    """An undated text whose latest named year is more than an inspection cycle before the asked span ("its last
    full inspection in 2015", asked about 2022) was written then: a text is written in or soon after the latest
    year it names, and an inspection it reports is within a cycle of the one it recalls."""
    if "date" not in hit.unconfirmed or not query.date_from:
        return False
    _, years = _text_facts(hit.document.text)
    return bool(years) and max(years) < query.date_from.year - INSPECTION_CYCLE_YEARS


def written_awaiting(hit: Hit, query: Query) -> bool:
    """An undated text whose every mention of the asked month is of something still owed then ("to report back by
    1 December", asked what the December report recommended), and that tells of no report made: written before it,
    it cannot tell of it."""
    months = rank.asked_months(query)
    text = _text_facts(hit.document.text)[0]
    return "date" in hit.unconfirmed and bool(months) and awaits_asked_month(text, months)


def _pages_only_on_visit(query, hits: list[Hit]) -> str | None:
    """Asked of a full inspection after a visit, whether every page on the place found is on that visit: published
    with it (set aside, "the full inspection, not the nov 2018 monitoring visit", where a grade is asked; or the
    visit opening the time asked, "the full ILACS after the Sept 2021 focused visit"), naming it and no inspection.
    If so, what they are on, as the refusal says it."""
    if not (query.authorities and FULL_INSPECTION_RE.search(query.text)
            and LATER_ASKED_RE.search(without_set_asides(query.text))
            and (placed := [h.document for h in hits if not h.unconfirmed])):
        return None
    if not (query.date_from or query.date_to):
        if query.answer_type != "judgement" \
                or not any(VISIT_NAMED_RE.search(clause) for clause in rank.set_aside_clauses(query.text)):
            return None
        with_visit, what = [rank.dated_at_month_set_aside(doc, query) for doc in placed], \
            "the event the question sets aside"
    elif query.date_from and not query.date_to and _VISIT_OPENS_WINDOW_RE.search(query.text) \
            and query.answer_type in ("judgement", "person", "date"):  # (a fact of the inspection itself)
        lag = query.date_from + rank.PUBLICATION_LAG
        # (nor a grade it tells: "Ofsted returned in November and judged Rutland good")
        with_visit = [bool(doc.date) and query.date_from <= date.fromisoformat(doc.date[:10]) <= lag
                      and not _LATER_GRADE_TOLD_RE.search(doc.text) for doc in placed]
        what = "the visit the inspection asked came after"
    else:
        return None
    if all(with_visit) and all(VISIT_NAMED_RE.search(doc.text)
                               and not INSPECTION_TOLD_RE.search(_FRAMEWORK_NAMED_RE.sub(" ", doc.text))
                               for doc in placed):
        return what
    return None


# (a council's own deciding body, not a board or panel others sit on: an improvement board's decisions are in its
# minutes and in Ofsted's letters alike)
_DECIDING_BODY_RE = re.compile(r"\b(?:cabinet|(?<!chief\s)executive(?!\s+director)|full\s+council|councillors|"
                               r"committee|panel|board|members)\b", re.I)
_COUNCIL_BODY_RE = re.compile(r"cabinet|executive|full\s+council|councillors|committee", re.I)
# ... named as another body's ("the lscb executive", "the trust's executive", "the commons education committee")
_OTHER_BODY_BEFORE_RE = re.compile(r"\b(?:\w*scp|\w*scb|masa|yot|yos|lga|pcc|commissioner|mps|trust|partnership|"
                                   r"safeguarding|ofsted|icb|nhs|commons|select|accounts|parliament(?:ary)?|board|"
                                   r"police)(?:['’]s)?\s+(?:[\w'’-]+\s+){0,3}$", re.I)
# (a page telling of such a decision: "Since the last visit, the cabinet approved an edge of care team", "Elected
# members approved ...", "That Cabinet approves ...", "approved by cabinet in November", "a cabinet decision")
_BODIES = (r"(?:cabinet|council|councillors|committee|executive|members|politicians|local\s+authority|lead\s+member|"
           r"leaders)")
_COUNCIL_DECIDED_RE = re.compile(rf"\b{_BODIES}\b[^\n]{{0,80}}?\b(?:approved|approves|agreed|agrees|decided|resolved|"
                                 rf"voted|endorsed|endorses|backed|committed|signed\s+off|invested|funded|"
                                 rf"(?:given|gave)\s+the\s+(?:go-ahead|green\s+light))\b|"
                                 rf"\b(?:was|were|has\s+been|have\s+been)\s+"
                                 rf"(?:approved|agreed|endorsed|signed\s+off)\b|"
                                 rf"\b(?:approved|agreed|endorsed|backed)\s+by\s+"
                                 rf"(?:the\s+)?(?:[\w'’]+\s+){{0,2}}?{_BODIES}\b|"
                                 rf"\b(?:cabinet|council|committee)\s+(?:decision|resolution)\b", re.I)


# (a question asking Ofsted's findings beside the decision: "what did ofsted find and what did the cabinet approve?")
_OFSTED_ASKED_TOO_RE = re.compile(r"\b(?:ofsted|inspectors?|hmis?)\b", re.I)


def _council_deciding(question: str, deciding: re.Match) -> bool:
    """Whether the body a question asks the decision of (the one nearest its verb) is the council's own."""
    bodies = list(_DECIDING_BODY_RE.finditer(deciding.group(0)))
    if not bodies or not _COUNCIL_BODY_RE.fullmatch(bodies[-1].group(0)):
        return False
    return not _OTHER_BODY_BEFORE_RE.search(question[:deciding.start() + bodies[-1].start()])
_LATER_GRADE_TOLD_RE = re.compile(r"\b(?:rated|judged|graded|regraded|returned)\b", re.I)
# "the full ILACS after the Sept 2021 focused visit": an inspection asked, after a visit whose month opens the time
# asked (not "when did the council publish its action plan after the sept 2021 focused visit, ahead of the ilacs?")
# (a focused visit's letter names the framework it was made under: "This visit was carried out under the inspection
# of local authority children's services (ILACS) framework", no inspection it tells of)
_FRAMEWORK_NAMED_RE = re.compile(r"\b(?:under|in\s+line\s+with|according\s+to)\s+the\s+[^.]{0,80}?\bframework\b", re.I)
_VISIT_OPENS_WINDOW_RE = re.compile(rf"\b(?:ilacs|sif|inspection|re-?inspection)\s+(?:after|since|following)\s+"
                                    rf"(?:the|its|their|[\w-]+['’]s)\s+{MONTH_RE}\s+(?:19|20)\d\d\s+"
                                    rf"(?:ofsted\s+)?(?:(?:monitoring|focus+ed)\s+visit|mv\d?|fv)\b", re.I)
VISIT_NAMED_RE = re.compile(r"\b(?:mv\d?|fv|(?:monitoring|focus+ed)\s+visit)\b", re.I)
# (an inspection a page tells of: not its visit's "inspection team", nor "the inspectorate")
INSPECTION_TOLD_RE = re.compile(r"\binspection\b(?!\s+team)|\bilacs\b|\bsif\b|\binspected\b", re.I)
LATER_ASKED_RE = re.compile(r"\b(?:after|since|following|subsequent)\b", re.I)
# A full inspection, asked or told of (not a monitoring visit, nor "the inspection team")
FULL_INSPECTION_RE = re.compile(r"\b(?:full|single|standard|short)\s+inspection\b|\bilacs\b|\bsif\b|"
                                r"\bre-?inspection\b|\binspection\s+of\s+(?:the\s+)?(?:local\s+authority\s+)?"
                                r"children['’]s\s+(?:social\s+care\s+)?services\b", re.I)
# (a report made: "In her report to the DfE she recommended ...", "the commissioner concluded that ...")
REPORT_MADE_RE = re.compile(r"\b(?:her|his|their|the\s+commissioner['’]s)\s+(?:report|letter|findings|"
                            r"recommendations?)\b(?!\s+(?:is|was)\s+(?:due|expected))|"
                            r"\b(?:recommended|recommending|concluded|reported\s+that|found\s+that|advised|"
                            r"did\s+report|(?:she|he|they)\s+said|(?:has|have)\s+(?:now\s+)?told|now\s+published)\b|"
                            r"\b(?:review|report)\s+(?:for|to)\s+the\s+(?:dfe|department|minister)|"
                            r"\b(?:report|review)\s+(?:to\s+[\w\s]{1,30}?\s)?(?:says|said|backs|backed|found)\b", re.I)


FOLLOWING_YEAR_RE = re.compile(r"\b(?:the\s+(?:following|next)\s+year|a\s+year\s+later)\b")


def states_asked_facts(hit: Hit, query: Query, place_unnamed: bool = False,
                       letters: dict[str, list[tuple[date, int, str]]] | None = None) -> bool:
    """Whether a document that does not state a fact in its metadata is consistent with it in its text: a year
    inside the asked span (or no year at all), the visit's ordinal (or, unnumbered, the visit its place's latest
    letter before it reports: see `visit_just_before`), the authority's name; or, when no document is about the
    asked place (`place_unnamed`), its being a council's page that names no council."""
    text, years = _text_facts(hit.document.text)
    if "date" in hit.unconfirmed:
        # Years a text mentions are evidence of its time: when it names years and none in the asked span, it is
        # about another time, unless the latest is the year just before the span (a text is written in or soon
        # after the latest year it names: a 2014 story recalls "between 1997 and 2013"). A text that names no
        # year at all cannot be placed either way.
        lo = query.date_from.year if query.date_from else 1900
        hi = query.date_to.year if query.date_to else 2100
        if figures_of_other_years(hit, query):
            return False  # (asked the 2023 figure: one "between 2017 and 2020" is of those years)
        # A visit it dates to the asked month without a year ("following an inspection in June") is about
        # that month's event, whatever earlier years it recalls.
        # (not when it recalls a last inspection after the asked years: "The inspection was carried out in
        # September ... declined since the last inspection in 2021" is a later September's)
        asked_months = rank.asked_months(query)
        dated_to_month = bool(asked_months & document_event_months(hit.document)) \
            and not any(y > hi for y in rank.last_inspection_years(text))
        # (asked for a year, not a span opened by one: "the inspection after its 2021 one" is what looks back)
        # (nor a span opened by one and closed by a year set aside: "since the 2019 inadequate ... not the 2023
        # inspection" is from 2019, and a story on a visit "since 2019" is within it)
        closed = bool(query.date_from and query.date_to) and not query.time_phrase.startswith("from ")
        in_span = any(lo <= y <= hi and not (closed and only_recalled(text, y)) for y in years)
        # The question's own baseline ("in its 2022 report ... progress since 2017"): a text whose latest year
        # is that one, and which dates no event of its own, is written after it and may be the report's story.
        baseline = max(years, default=0) in rank.years_named(query.without_time) and not dates_own_event(text)
        # So does the text's own: "the last full inspection in 2017 was rated ..." reports a newer one, within an
        # inspection cycle (three years, and slippage: 2017 to 2022 across the pandemic), when it dates no event
        # of its own.
        baseline = baseline or (max(years, default=0) in rank.last_inspection_years(text)
                                and lo - INSPECTION_CYCLE_YEARS <= max(years) < lo and not dates_own_event(text))
        if years and not in_span and max(years) != lo - 1 and not dated_to_month and not baseline:
            return False
        if years and not in_span and max(years) == lo - 1 and not dated_to_month \
                and lo - 1 in rank.years_named(query.without_time) and dates_own_event_in(text, lo - 1):
            return False  # (the year just before is the question's own anchor, and the text dates its event then:
            # "the 2026 ILACS, after the final MV in Sept 2025" is not told by a story on a March 2025 visit)
        if years and not in_span and not dated_to_month and query.date_from \
                and names_latest_before(text, query.date_from):
            return False  # (written before the asked year: "The latest monitoring visit letter (July 2024)")
        # Asked for a month ("the March 2024 visit"), the year-before allowance is narrower: a text whose latest
        # dated event ("the latest inspection took place in March 2023") is half a year or more before the asked
        # month would have named that month's visit had it reported on it, unless it tells of an event of its own
        # dated only by when it was written ("after a full inspection last month").
        floor = document_not_before(hit.document)
        if asked_months and query.date_from and floor and not dated_to_month and not baseline \
                and not in_span and _months_between(floor, query.date_from) >= STALE_MONTHS \
                and not document_tells_recent_event(hit.document):
            return False
        if dates_visit_to_another_month(hit, query) or dates_events_to_other_months(hit, query):
            return False
        if asked_months and awaits_asked_month(text, asked_months):
            return False  # "The second monitoring visit is expected in October": written before it
    if "visit" in hit.unconfirmed and query.visit_number:
        # (the ordinal near a visit: "The first, in July, looked at referrals" after "the second monitoring visit",
        # "the watchdog's third check-up"; not a GOV.UK page's "First published.", nor "the first meeting after it",
        # nor one still to come: "the first monitoring visit was expected in the autumn")
        ordinal = _ordinal(query.visit_number)
        follows = bool(MONITORING_VISIT_RE.search(text)) \
            and visit_just_before(hit.document, letters or {}) == query.visit_number
        named = re.finditer(rf"\b({ordinal})\b|\bvisit (?:number )?{query.visit_number}\b", text)
        # (or the visit told by the month the question names it by: "first MV ... (the December one)", "the first MV,
        # in Dec 2023", and "a monitoring visit in December")
        # (one asked month, the visit's, not a paper's: "the March 2024 scrutiny report on the first MV"; nor the
        # months of the visit the one asked came after, "MV4, the one after the Feb/Mar 2017 visit")
        if not follows:  # (month_dates_visit reads the question afresh: only when needed, per document)
            months = {query.month} if query.month else rank.asked_months(query) if query.month_dates_visit else ()
            follows = len(months) == 1 and visit_in_month(hit.document.text, next(iter(months)), query.visit_number)
        if not follows and not any(_near_visit(text, m) and not (m.group(1) and OTHER_NOUN_NEXT_RE.match(text, m.end()))
                                   and not anticipated_visit(text, m) and not _owed_before(text, m) for m in named):
            return False
    if "authority" in hit.unconfirmed:
        if not any(a.lower() in text for a in query.authorities) and not rank.names_asked_body(hit.document, query) \
                and not (place_unnamed and rank.unnamed_council_page(hit.document, query)):
            return False
        if query.authorities and query.answer_type not in ("judgement", "count", "date") \
                and not rank.asks_for_places(query.text) \
                and all(_named_only_in_runs(hit.document.text, a) for a in query.authorities):
            # (one of forty councils in a national list says nothing more of it than its grade: "Barnsley, Bexley,
            # ...", as `listed_only`)
            return False
    return True


def _named_only_in_runs(text: str, place: str) -> bool:
    lines = [line for line in text.splitlines() if _place_named_re(place).search(line)]
    return bool(lines) and all(_run_of_places(line) for line in lines)


@lru_cache(maxsize=1024)
def visit_in_month(text: str, month: int, visit: int) -> bool:
    """A sentence of `text` dating a monitoring visit that has happened to `month`, naming no other
    ordinal for it ("following a monitoring visit in december last year", not "the third monitoring visit, in
    december", asked the first, nor "a monitoring visit is planned for december")."""
    for sentence in _sentences(text):
        if not MONITORING_VISIT_RE.search(sentence) or month not in rank.months_named(sentence):
            continue
        ordinals = {ordinal_value(o.lower()) for o in re.findall(ORDINAL_RE, sentence, re.I)}
        if ordinals - {visit} or re.search(r"\b(?:planned|expected|due|scheduled|will)\b", sentence, re.I):
            continue
        return True
    return False


# A visit still to come in the month asked: "is expected in October", "is due to take place in October"
AWAITED_RE = re.compile(r"\b(?:visit|inspection)\b[^.]{0,60}?\b(?:is|are|was|were)\s+(?:expected|due|planned|scheduled|"
                        r"likely)\b[^.]{0,40}?\bin\s+(?:early\s+|late\s+|mid-?)?$", re.I)
# ... or a report still owed by then, where the text tells of no report made: "a commissioner ... to report back by 1
# December"
REPORT_OWED_RE = re.compile(r"\breport\s+back\b[^.]{0,40}?\bby\s+(?:the\s+end\s+of\s+)?"
                            r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?$", re.I)


@lru_cache(maxsize=1024)  # (per document and question, not per passage)
def awaits_asked_month(text: str, months: frozenset[int]) -> bool:
    """Every mention of an asked month in an undated `text` (lower case) is of a visit still to come then (or of a
    report owed by then, where none is told of as made)."""
    mentions = [m for m in re.finditer(rf"\b(?:{MONTH_NAMES})\b", text, re.I)
                if MONTHS.get(m.group(0).lower()) in months]
    owed = not REPORT_MADE_RE.search(text)
    return bool(mentions) and all(AWAITED_RE.search(text[max(0, m.start() - 120):m.start()])
                                  or (owed and REPORT_OWED_RE.search(text[max(0, m.start() - 120):m.start()]))
                                  for m in mentions)


# "... has declined since the last inspection in 2021.": the year named as a point the text looks back to, saying
# nothing of what happened then (unlike "since 2018, when services were found to require improvement").
RECALLED_YEAR_BEFORE_RE = re.compile(r"\b(?:since|last|previous|prior|earlier)\W+(?:[\w-]+\W+){0,3}$")
FACT_AFTER_RECALLED_YEAR_RE = re.compile(r"[^.]{0,20}?\b(?:when|where|which|that)\b[^.]{0,80}?\b(?:rated|judged|found|"
                                         r"graded|received|was|were|had)\b|\W{0,3}\(", re.I)  # (matched at the year)


@lru_cache(maxsize=256)
def only_recalled(text: str, year: int) -> bool:
    """Every mention of `year` in `text` (lower case) looks back to it without saying what happened then."""
    mentions = list(re.finditer(rf"\b{year}\b", text))
    return bool(mentions) and all(RECALLED_YEAR_BEFORE_RE.search(text[max(0, m.start() - 50):m.start()])
                                  and not FACT_AFTER_RECALLED_YEAR_RE.match(text, m.end()) for m in mentions)


def _near_visit(text: str, m: re.Match) -> bool:
    return bool(re.search(r"\b(?:visit|check|monitoring)", text[max(0, m.start() - 150):m.end() + 150]))


MONITORING_VISIT_RE = re.compile(r"\bmonitoring\s+(?:visit|letter)", re.I)
VISIT_LAG_DAYS = 100  # a committee takes up a visit's letter within a quarter or so of it


_LETTERS: "weakref.WeakKeyDictionary[object, dict[str, list[tuple[date, int, str]]]]" = weakref.WeakKeyDictionary()


def numbered_letters(index) -> dict[str, list[tuple[date, int, str]]]:
    """Each place's dated, numbered Ofsted letters as (date, visit number, doc_id): read once per index build, not
    once per passage shown apart."""
    if index not in _LETTERS:
        found: dict[str, list[tuple[date, int, str]]] = {}
        for d in index.documents.values():
            if d.doc_type == "ofsted_letter" and d.visit_number and d.date:
                for place in d.local_authorities:
                    found.setdefault(place.casefold(), []).append(
                        (date.fromisoformat(d.date[:10]), d.visit_number, d.doc_id))
        _LETTERS[index] = found
    return _LETTERS[index]


def visit_just_before(doc: Document, letters: dict[str, list[tuple[date, int, str]]]) -> int | None:
    """The number of the monitoring visit whose letter on the same place is the latest before `doc`'s date, within
    VISIT_LAG_DAYS: minutes of 12 September 2023 on "the monitoring visit letter", which name no number, follow
    the first visit's letter of 1 August. None when no such letter (or `doc` is undated). `letters`: see
    numbered_letters."""
    if not doc.date:
        return None
    day = date.fromisoformat(doc.date[:10])
    before = [(when, number) for place in doc.local_authorities
              for when, number, doc_id in letters.get(place.casefold(), ()) if when <= day and doc_id != doc.doc_id]
    if not before:
        return None
    when, number = max(before)
    return number if (day - when).days <= VISIT_LAG_DAYS else None


# An ordinal of something else: "the first meeting after its publication", "First published" (a word follows it,
# and no visit within four words: "the fourth such visit", "the fifth and most recent monitoring visit", "the
# fifth of six visits"; but "around a third of the workforce").
OTHER_NOUN_NEXT_RE = re.compile(r"\s+(?!one\b|(?:[\w'’-]+\s+){0,4}(?:visit|check|monitoring))[a-z]", re.I)
RECALL_YEARS = 3
# (counted in calendar months: December 2018 to June 2019 is half a year, though 182 days)
STALE_MONTHS = 6


def _months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def ties_asked_grade(hit: Hit, query: Query) -> bool:
    """An undated passage that ties a grade to the asked years ("The last full inspection in 2017 was rated
    'Requires Improvement'", asked for the 2017 inspection's grade): it answers, whenever it was written."""
    return hit.unconfirmed == ["date"] and bool(query.date_from and query.date_to) and asks_grade(query.text) \
        and grade_tied_to(hit.passage.text, range(query.date_from.year, query.date_to.year + 1))


# "oxfordshire strategy discussions - are health turning up now, since the FV?": what came after the place's latest
# visit of that kind (of the month named: "since the January monitoring visit") is asked, from a fortnight after its
# letter (the stories on the letter itself are no news since)
SINCE_UNDATED_EVENT_RE = re.compile(rf"\b(since|after|following)\s+(?:the|its|their|[A-Z][\w'’-]*['’]s)\s+"
                                    rf"(?:last\s+|latest\s+|most\s+recent\s+)?(?:ofsted(?:['’]s)?\s+)?"
                                    rf"(?:{MONTH_RE}\s+)?(?:(fv|focused\s+visit)|(mv|monitoring\s+visit)|"
                                    rf"(jtai|joint\s+targeted\s+area\s+inspection))\b(?!\s+(?:in|of|on)\b)", re.I)
# (each kind's name, and how a letter names it: ranking's patterns)
_SINCE_EVENT_KINDS = (("focused visit", rank.FOCUSED_ASKED_RE), ("monitoring visit", rank.MONITORING_ASKED_RE),
                      ("joint targeted area inspection", rank.JTAI_NAMED_RE))
SINCE_LETTER_LAG = timedelta(days=14)
# ... "after" or "following" it, unless the visit itself is asked about: its letter, what it found or asked, its
# coverage ("What areas for improvement were identified following the focused visit?", "What did Ofsted ask Cornwall
# to improve after its focused visit?")
VISIT_ITSELF_ASKED_RE = re.compile(r"\b(?:letters?|feedback|recommend\w*|areas?\s+for\s+improvement|improve|identif\w*|"
                                   r"f[oi]u?nd\w*|said|say|says|told|tell|ask\w*|press|coverage|reported|report|"
                                   r"rating|rated|grade\w*|judge?ment|judged|ofsted|inspectors?|hmis?)\b", re.I)


def since_undated_event(index: Index, query: Query) -> Query | None:
    """`query` from after the asked place's latest letter on the visit it counts from, when it names the visit
    by kind alone (no year); None otherwise, or when no such letter is indexed."""
    if query.date_from or query.date_to or query.visit_number or not query.authorities \
            or not (m := SINCE_UNDATED_EVENT_RE.search(without_set_asides(query.text))):
        return None
    if m.group(1).lower() != "since" and VISIT_ITSELF_ASKED_RE.search(query.text[:m.start()] + query.text[m.end():]):
        return None
    kind, (long, head) = next((g, named) for g, named in zip(m.groups()[-3:], _SINCE_EVENT_KINDS) if g)
    month = _month(m.group(2)) if m.group(2) else None
    places = {a.casefold() for a in query.authorities}
    # (a letter naming the kind in its title or opening, not as the event it follows: "This inspection follows a
    # focused visit in February 2022" is an ILACS)
    letters = [date.fromisoformat(d.date[:10]) for d in index.documents.values()
               if d.date and d.doc_type in SOURCE_KINDS["ofsted"]
               and places & {a.casefold() for a in d.local_authorities}
               and rank.opens_on_kind(d, head) and (month is None or rank.month_fits(d, month))]
    if not letters:
        return None
    latest = max(letters)
    # (the visit now dates the window: no longer a name a page within it must mention)
    return replace(query, date_from=latest + SINCE_LETTER_LAG, time_phrase=f"since the {long} ({latest:%B %Y})",
                   names=[n for n in query.names if n.casefold() not in (kind.casefold(), long)])


def asked_words(index: Index, query: Query, text: str) -> set[str]:
    """The words of `text` (what a question asks) that some passage holds: a word none holds, "cla", is no evidence."""
    return set(index.bm25.document_frequency(keyword_terms(index.bm25.query_terms(text), query.text)))


def holds_words(index: Index, hit: Hit, words: set[str]) -> bool:
    """A passage holding two of `words` (one, where there is one)."""
    row = index.row_of(hit.passage.passage_id)
    return bool(words) and row is not None and len(index.bm25.terms_in(row, words)) >= min(2, len(words))


def recalls_before(hit: Hit, query: Query) -> bool:
    """An undated text (its date the only fact unstated) whose years all fall in the few years before the asked
    span: written then or later, it may report the asked year's event while naming only what came before."""
    if hit.unconfirmed != ["date"] or not query.date_from:
        return False
    text, years = _text_facts(hit.document.text)
    lo = query.date_from.year
    if not years or max(years) >= lo or min(years) < lo - RECALL_YEARS:
        return False
    if figures_of_other_years(hit, query):
        return False  # ("the 2023 caseload": "caseloads fell from 19.5 to 17 between 2017 and 2020" is another year's)
    # nor when it dates its visit to another month, or its own event to a named year ("The 2018 monitoring visit"),
    # nor when it names the latest one before the asked year ("The latest monitoring visit letter (July 2024)")
    return not dates_visit_to_another_month(hit, query) and not dates_own_event(text) \
        and not names_latest_before(text, query.date_from)


def figures_of_other_years(hit: Hit, query: Query) -> bool:
    """Asked for a figure of a year, a passage (its date unstated) whose figures are all of earlier years; unless
    the question asks over what years ("over what years did the abuse take place, and how many children ...?")."""
    return query.answer_type == "count" and query.date_from is not None and not YEARS_ASKED_RE.search(query.text) \
        and figures_dated_before(hit.passage.text, query.date_from.year, counted_stems(query.topic, query.authorities))


YEARS_ASKED_RE = re.compile(r"\b(?:what|which)\s+(?:years|period)\b|\bbetween\s+(?:what|which)\s+years\b", re.I)


def figures_dated_before(text: str, year: int, counted: frozenset[str] = frozenset()) -> bool:
    """A passage whose every figure (of what is `counted`, where it counts that) sits in a sentence dated to years
    before `year` only: its figures are theirs."""
    figured = [s for s in _sentences(text) if EVIDENCE["count"].search(s)]
    # ("the 2023 caseload": "caseloads fell ... between 2017 and 2020" is the figure asked, not "16 practitioners")
    figured = [s for s in figured if states_count(counted, s, before=True)] or figured if counted else figured
    return bool(figured) and all((named := rank.years_named(FIGURE_BASELINE_RE.sub(" ", s))) and max(named) < year
                                 and not CURRENT_FIGURE_RE.search(s) for s in figured)


# A year a figure is measured from, not its own: "1,900 children in care, up from 1,600 in 2022", "risen by 300 since
# 2022", "compared with 1,600 in 2022", "more than in 2022" (narrower than BASELINE_YEAR_RE, an event's baseline: a
# figure's own span, "fell from 19.5 to 17 between 2017 and 2020", is no baseline)
FIGURE_BASELINE_RE = re.compile(r"\b(?:since|(?:up|down|rising|falling|risen|fallen|rose|fell)\s+from|compared\s+"
                                r"(?:with|to)|than)\s+(?:(?:[^,;.]|(?<=\d)[,.](?=\d)){0,30}?\bin\s+)?"
                                r"(?:19|20)\d\d\b", re.I)


# "... from 19.5 in 2019 to 17 now": a figure of the time of writing beside an earlier year's
CURRENT_FIGURE_RE = re.compile(r"\b(?:now|currently|today|at\s+present|this\s+year|to\s+date)\b", re.I)


def names_latest_before(text: str, start: date) -> bool:
    """A text naming its latest visit or letter by a month STALE_MONTHS or more before `start` (not "its latest
    inspection, carried out in late 2021", whose report a story in 2022 tells)."""
    return any(_months_between(date(int(m.group(2)), MONTHS[m.group(1).lower()], 1), start) >= STALE_MONTHS
               for m in LATEST_EVENT_DATED_RE.finditer(text))


# "The latest monitoring visit letter (July 2024) is available ...": a page written before any later visit
# (a monitoring or focused visit's, months apart; not a full inspection's, "our most recent inspection (March 2018)" on
# a page of 2019, years apart)
LATEST_EVENT_DATED_RE = re.compile(r"\b(?:latest|most\s+recent)\s+(?:ofsted\s+)?(?:monitoring|focus+ed)\s+visit"
                                   rf"(?:\s+letter)?s?\b[^.;]{{0,40}}?\b({MONTH_NAMES})\s+((?:19|20)\d\d)\b", re.I)


def dates_visit_to_another_month(hit: Hit, query: Query) -> bool:
    """"The January 2017 visit": a text dating its visit to November is about another one. A month that dates no
    visit ("Nov 2014, when Ofsted said services were still inadequate") may be its report's, on a visit up to
    PUBLICATION_LAG before; so may a full inspection's ("the Nov 2014 inspection that kept them inadequate", on
    fieldwork in September): staff date one by its report too, and full inspections are years apart, unlike
    monitoring visits."""
    months, event_months = rank.asked_months(query), document_event_months(hit.document)
    if months and (not query.month_dates_visit or rank.asks_full_inspection(query.text)):
        lag = rank.PUBLICATION_LAG.days // 31
        months = months | {(m - 1 - back) % 12 + 1 for m in months for back in range(1, lag + 1)}
    return bool(months and event_months and not months & event_months)


def dates_events_to_other_months(hit: Hit, query: Query) -> bool:
    """"The September 2025 monitoring visit": an undated text dating the asked year's inspection events to other
    months only ("A monitoring inspection took place in March 2025") is about another visit."""
    months = rank.asked_months(query)
    if not (query.month_dates_visit and query.date_from and query.date_to and months) \
            or months & document_event_months(hit.document):
        return False  # (it dates a visit to the asked month without its year: "a monitoring visit in September")
    in_years = {d for d in document_event_dates(hit.document) if query.date_from.year <= d.year <= query.date_to.year}
    # (the month asked in any of the years asked: "the December visit ... from 2023, before 2025")
    if not in_years or any(d.month in months for d in in_years):
        return False
    # its own events of those years, or any when it was written after them ("The visit, which took place in September
    # 2025, ... since the last inspection in May 2023": nothing of December)
    floor = document_not_before(hit.document)
    return bool(in_years & own_dated_months(hit.document.text)) or bool(floor and floor > query.date_to)


# An event the text dates to a year as its own ("the 2018 monitoring visit", "a visit in March 2018"), not one it
# recalls ("since the last inspection in 2012", "following an inspection in 2013").
DATED_EVENT_RE = re.compile(r"\b(?:the|its|a|this)\s+(?:19|20)\d\d\s+(?:ofsted\s+)?(?:monitoring visit|focused visit|"
                            r"inspection|re-inspection|visit)|\b(?:monitoring visit|focused visit|inspection|"
                            r"re-inspection|visit)\s+(?:in|during)\s+(?:\w+\s+)?(?:19|20)\d\d|"
                            # "In 2019 inspectors found that ...": the text's own dated finding
                            r"\bin\s+(?:\w+\s+)?(?:19|20)\d\d,?\s+(?:ofsted(?:['’]s)?\s+)?inspectors\s+(?:found|said|judged|"
                            r"rated|reported|concluded|noted)\b")
RECALLED_RE = re.compile(r"\b(?:last|previous|earlier|prior|since|following|after|before)\W+(?:\w+\W+){0,2}$")


INSPECTION_CYCLE_YEARS = 5


def _own_dated_events(text: str):
    """The events a text dates (DATED_EVENT_RE) that it does not recall, each with the words just before it."""
    for m in DATED_EVENT_RE.finditer(text):
        if not RECALLED_RE.search(before := text[max(0, m.start() - 30):m.start()]):
            yield m, before


@lru_cache(maxsize=64)  # one scan per document text, as _text_facts
def dates_own_event(text: str) -> bool:
    return any(_own_dated_events(text))


def dates_own_event_in(text: str, year: int) -> bool:
    """An event of the text's own it dates to `year` (not one it recalls: "The inspection follows the final
    monitoring visit in September 2025")."""
    return any(str(year) in m.group(0) and not _FOLLOWS_RE.search(before) for m, before in _own_dated_events(text))


_FOLLOWS_RE = re.compile(r"\b(?:follows|followed)\W+(?:\w+\W+){0,2}$")


def _names_asked_place(hit: Hit, query: Query) -> bool:
    """A page about an asked council, or naming it anywhere: an inspectorate's national round-up ("The Inspectorate
    rated: three services 'Outstanding' ..."), naming no council asked, grades none of them."""
    if set(hit.document.local_authorities) & set(query.authorities):
        return True
    return any(_place_named_re(a).search(hit.document.text) for a in query.authorities) \
        or rank.names_asked_body(hit.document, query)  # (by word: "Yorkshire and Humberside" names no York)


def names_other_councils_only(text: str, authorities: list[str]) -> bool:
    """A passage naming a council whose name holds an asked one's or lies within it (a predecessor or successor:
    "Northamptonshire" for "North Northamptonshire"), and none of those asked: it grades that other council. (A
    neighbour or a partner in practice named beside "the council" says nothing of whose grade it gives.)"""
    named = {m.name for m in find_in_text(text)}
    return not named & set(authorities) and any(name_within(n, a) or name_within(a, n)
                                                for n in named for a in authorities)


def grades_others_only(text: str, authorities: list[str], years: range | None, question: str,
                       others: set[str] = frozenset()) -> bool:
    """Every sentence of a passage stating a grade gives it to another council than those asked, named before the
    grade with no subject of its own between ("our", "the island's"): "Ofsted has inspected Hampshire's children's
    services, in May 2025, and judged them outstanding. Services on the Isle of Wight were not part of that
    inspection." gives no grade of the Isle of Wight. ("Our services were judged good, the same grade as neighbouring
    Leicestershire" grades its own; so may "The council's services were judged good", naming nobody.) `others`: the
    page's other councils, named by a word that alone needs a cue ("Sutton, which remains rated inadequate")."""
    graded = [sentence for start, end in sentence_spans(text)
              if holds_grade_of(sentence := text[start:end], years, question)]
    return bool(graded) and all(_grades_another(sentence, authorities, frozenset(others)) for sentence in graded)


@lru_cache(maxsize=64)
def councils_named(text: str) -> frozenset[str]:
    """Every council a page names, its subjects or not ("Croydon, Merton and Sutton will pay ...")."""
    return frozenset(m.name for m in find_in_text(text))


@lru_cache(maxsize=64)
def _other_subject_re(others: frozenset[str]) -> re.Pattern:
    """A sentence opening on one of `others` by any of its names as its subject ("Sutton, which remains rated
    inadequate", "Stoke, which ..."; not "Reading the report, ...", "Compared with Sutton, ...")."""
    if not others:
        return re.compile(r"(?!)")
    names = "|".join(_place_named_re(name).pattern for name in sorted(others))
    return re.compile(rf"^\W*(?-i:{names})(?:['’]s\b|\s*,|\s+(?:council|is|was|has|had|remains|were|are)\b)", re.I)


# (a subject of the page's own before a grade: "Our services", "the island's", "the council's own")
_OWN_SUBJECT_RE = re.compile(r"\b(?:our|we|the\s+(?:island|county|city|borough|council|authority|town)['’]s?)\b",
                             re.I)


def _grades_another(sentence: str, authorities: list[str], others: set[str] = frozenset()) -> bool:
    named = find_in_text(sentence)
    if any(m.name == a or name_within(m.name, a) or name_within(a, m.name) for m in named for a in authorities):
        return False
    grade = EVIDENCE["judgement"].search(sentence)
    if not grade:
        return False
    if not any(m.start < grade.start() for m in named) and not _other_subject_re(others).search(sentence):
        return False
    return not _OWN_SUBJECT_RE.search(sentence, 0, grade.start())


SETTING_HEAD_CHARS = 400  # a provider's page names its kind of setting in its title or first lines


def role_named_first(query: Query, hits: list[Hit]) -> list[Hit]:
    """`hits` with the passage naming somebody in the asked role first, when none of the first COUNT_EVIDENCE_DEPTH
    does and one of the leading document's further down (to ROLE_EVIDENCE_DEPTH) does: "who chaired the board
    meeting that discussed the 4th MV letter?", where the minutes' item on the letter outranks their attendance list
    ("Present: Professor Jo Bell (Independent Chair) in the Chair"). Not for who spoke or wrote (anybody quoted)."""
    role = asked_role(query.text)
    if not role or role in ("spoke", "wrote") or not hits \
            or any(names_person_in_role(role, h.passage.text) for h in hits[:COUNT_EVIDENCE_DEPTH]):
        return hits
    leading = hits[0].document.doc_id
    found = next((h for h in hits[COUNT_EVIDENCE_DEPTH:ROLE_EVIDENCE_DEPTH]
                  if h.document.doc_id == leading and names_person_in_role(role, h.passage.text)
                  and (role != "chair" or MEETING_CHAIR_RE.search(h.passage.text))), None)
    return [found, *(h for h in hits if h is not found)] if found else hits


OPEN_YEARS_END = 2100  # (the years of a time asked with no end: "after the 2019 AEM")


def states_asked_fact(query: Query, hits: list[Hit]) -> bool:
    """Questions that ask for one kind of fact are answered only by a passage stating it: a count of X for
    "how many X", a grade for "what grade", somebody named for "who", and named in the asked role for "who was
    appointed commissioner". A passage on the subject without it is a guess, not an answer."""
    if not states_asked_count(query, hits):
        return False
    # (a year either side: "rated inadequate after the November 2018 inspection" answers for 2019)
    years = range(query.date_from.year - 1, query.date_to.year + 2) if query.date_from and query.date_to else None
    if query.date_from and not query.date_to:
        # ("devon full ILACS after the 2019 AEM - what overall grade?": not the grades its letter recalls from 2015)
        years = range(query.date_from.year, OPEN_YEARS_END)
    graded = hits
    if rank.OTHER_INSPECTORATE_RE.search(query.text) and not OFSTED_NAMED_RE.search(query.text) \
            and not FRAMEWORK_RE.search(query.text):
        # "What rating did HM Inspectorate of Probation give Westminster's PDU?": a grade on a page naming no other
        # inspectorate is Ofsted's (Westminster's ILACS), not the one asked
        graded = [h for h in hits if rank.OTHER_INSPECTORATE_RE.search(h.document.text)]
    elif rank.asks_ofsted_framework(query.text) and not rank.OTHER_INSPECTORATE_RE.search(query.text):
        # ... and "What overall judgement did X get at its 2025 ILACS?": the CQC's rating of its adult social care
        # is not Ofsted's
        graded = [h for h in hits if not rank.other_inspectorates_page(h.document)]
    if asks_grade(query.text) and not grade_asked_second(query.text):
        if query.authorities:
            # "once NNC had its own full inspection, what grade did it get?": "Northamptonshire County Council's
            # children's services were rated inadequate" grades another council (here the one it succeeded)
            graded = [h for h in graded if not names_other_councils_only(h.passage.text, query.authorities)
                      and not grades_others_only(h.passage.text, query.authorities, years, query.text,
                                                 councils_named(h.document.text) - set(query.authorities))
                      and _names_asked_place(h, query)]
        graded = [h for h in graded if not grades_other_setting_only(
            h.passage.text, f"{h.document.title}\n{h.document.text[:SETTING_HEAD_CHARS]}", query.text)]
        if not any(holds_grade_of(h.passage.text, years, query.text, int(h.document.date[:4]) if h.document.date
                                  else None) for h in graded):
            return False
    if asks_board_grade(query.text) and not any(states_board_grade(h.passage.text) for h in hits):
        return False
    asked = without_set_asides(query.text)  # ("..., not the Kimberworth Lodge children's home report")
    if asks_provider_inspection(asked) and not any(provider_report(h.document.text, youth_justice=False)
                                                        and report_of_asked_kind(query.text, h.document.text)
                                                        for h in hits):
        return False  # a children's home's judgements asked, where only the council's services' are stated
    if asks_findings(query.text) and (visit_awaited(query, hits) or visit_kind_awaited(query, hits)
                                      or visit_kind_elsewhere(query, hits)
                                      or hits and all(announces_only(h.document.text) for h in hits)
                                      or kind_announced_only(query, hits)):
        return False  # only pages announcing the inspection: nothing says what it found
    if asks_other_service(query, hits) or named_only_to_come(query, hits):
        return False
    if query.authorities and COMMISSIONER_ASKED_RE.search(asked) and names_commissioner(asked) and hits \
            and not any(names_commissioner_of(h, query.authorities) for h in hits):
        return False  # "When did the DfE put a commissioner into Surrey's children's services?", where Surrey's pages
        # name only its police and crime commissioner, and a national page other councils' commissioners
    if asks_findings(query.text) and rank.JTAI_NAMED_RE.search(asked) and hits \
            and not any(rank.opens_on_kind(h.document) and not opens_on_date_set_aside(h.document, query)
                        for h in hits):
        return False  # "What did the nov 2022 JTAI in Wirral find?" where pages only recall it ("follows a JTAI"),
        # or only the one set aside ("oldham's 2025 JTAI (not the Feb 2024 one)": a 2025 paper on February 2024's)
    if asks_findings(query.text) and OTHER_INSPECTORATES_OWN_RE.search(asked) and not OFSTED_NAMED_RE.search(asked) \
            and not rank.JTAI_NAMED_RE.search(asked) and not FRAMEWORK_RE.search(asked) and hits \
            and not any(_names_inspectorate_alone(h.passage.text) or rank.other_inspectorates_page(h.document)
                        for h in hits):
        return False  # "What did the CQC's own inspection of Sandwell's health visiting find? Not the joint JTAI.",
        # where the passages tell of Ofsted's visits (and name the CQC only among a joint inspection's inspectorates)
    if asks_findings(query.text) and query.date_from and hits \
            and rank.FOCUSED_ASKED_RE.search(rank.VISIT_ANCHOR_RE.sub(" ", asked)) \
            and not any(rank.opens_on_kind(h.document, rank.FOCUSED_ASKED_RE) for h in hits):
        return False  # so for "Ofsted's 2025 focused visit to X - what did it find?" ("at the time of the FV"; not
        # "..., not the Cheshire West focused visit")
    if WRITTEN_QUESTION_ASKED_RE.search(asked) and hits and not any(written_answer_page(h.document) for h in hits):
        return False  # "the 2019 written PQ to DfE on which councils have had commissioners": no written answer
        # meets the filters (a commissioner's report naming councils is no minister's answer)
    if (listed := GRADE_LISTED_RE.search(asked)) \
            and (PQ_ANSWER_ASKED_RE.search(asked) or WRITTEN_QUESTION_ASKED_RE.search(asked)) and not any(
            written_answer_page(h.document) and _answer_names_grade(h.passage.text, listed.group("grade"))
            for h in hits):
        return False  # "is there a PQ answer listing which LAs were rated outstanding?": the answer lists the
        # inadequate ones (a committee page's outstanding rating is no minister's answer)
    meeting = [h for h in hits if not h.unconfirmed] or hits
    # (a report opening on its details table, as ranking reads it: not minutes noting a home's inspection later on)
    if asks_council_services(query.text) and meeting \
            and all(provider_report(h.document.text[:rank.PROVIDER_HEAD_CHARS]) for h in meeting) \
            and not any(h.unconfirmed and h.document.doc_type in SOURCE_KINDS["ofsted"]
                        and not provider_report(h.document.text[:rank.PROVIDER_HEAD_CHARS]) for h in hits):
        # a children's home or school there was inspected, not the council's services (what meets the filters is
        # its report: pages shown apart for not stating the visit or the place do not make it an answer, unless
        # one is Ofsted's own on the council)
        return False
    if (named := rank.councils_to_name(query.text)) and len(
            {m.name for h in hits for m in find_in_text(h.passage.text)}
            | {a for h in hits for a in h.document.local_authorities or []}) < named:
        return False  # "which eight councils ...?": fewer than half as many named, in passages or as subjects
    if OFFICE_OFFERED_RE.search(query.text) and any(ROLE_RE.search(h.passage.text) for h in hits):
        return True  # "who brought it to members - the DCS, or another officer?": an office answers
    if (grade := judged_grade_asked(query.text)) and not any(gives_grade(grade, h.passage.text) for h in hits):
        return False  # "When did South Tyneside get a good rating?": no passage gives it that grade
    role = asked_role(query.text)
    by_surname = asks_person(query.text) and any(speaks_by_surname(h) for h in hits)  # (read once: both checks use it)
    if asks_person(query.text) and not by_surname and not any(
            holds("person", h.passage.text) or role == "wrote" and BYLINE_NAME_RE.search(h.passage.text) for h in hits):
        return False  # "which inspector", "who was director": a passage naming nobody does not answer
    if (act := ROLE_BY_ACT_RE.search(query.text)) and any(
            re.search(rf"(?i:\b{act.group(1)}\w*)\s+(?:[\w'’]+\s+){{0,3}}?{PERSON_NAME}", h.passage.text)
            for h in hits):
        return True  # "who was the director the council leader congratulated?": "congratulate Julian Wooster"
    return not role or role == "spoke" and by_surname or any(names_person_in_role(role, h.passage.text) for h in hits)


# A written question to a minister asked by its kind ("the 2019 written PQ to DfE", "the parliamentary written answer
# on ..."; not a statement, nor what a minister told MPs in a debate, nor a council's written answer at full council),
# and a page of one: the question put ("To ask the Secretary of State for Education, ...", "Question to the Department
# for Education") or its answer's date
WRITTEN_QUESTION_ASKED_RE = re.compile(r"^(?=.*\b(?:dfe|minister|ministers|department|secretary\s+of\s+state|"
                                       r"parliament\w*|mps?|commons|lords|hansard|government)\b)"
                                       r"(?!.*\b(?:full\s+council|councillors?|cllr)\b)"
                                       # (nor an oral one: "her oral PQ", "at education questions")
                                       r"(?!.*\b(?:oral|question\s+time|\w+\s+questions\s+in\s+the\s+commons|"
                                       r"(?:education|commons)\s+questions)\b)"
                                       # (nor post-qualifying training: "PQ modules", "a PQ award in child care")
                                       r"(?!.*\b(?:post-?qualifying|modules?|places|qualifications?|awards?|"
                                       r"programmes?|training|courses?|frameworks?|consolidation|credits?)\b)"
                                       r".*(?:\b(?:parliamentary\s+)?written\s+(?:parliamentary\s+)?"
                                       r"(?:questions?|answers?)\b|\bPQs?\b)", re.I | re.S)
# "listing which LAs ofsted has rated outstanding", "which councils were judged inadequate" (the grade the councils
# listed have, not a condition on something else: "which councils got commissioners when rated inadequate")
GRADE_LISTED_RE = re.compile(r"\b(?:which|what)\s+(?:las?|councils?|local\s+authorit(?:y|ies)|authorit(?:y|ies))\s+"
                             r"(?:(?:ofsted|have|has|had|been|were|was|are|is|currently|now|ever)\s+){0,3}"
                             r"(?:did\s+ofsted\s+(?:rate|judge|grade)|judged|rated|graded)\s+(?:to\s+be\s+|as\s+)?"
                             r"['‘\"“]?"
                             r"(?P<grade>outstanding|good|inadequate|requir\w*\s+improvement|ri)\b"
                             # (the grade closing what is asked, not one picking out the councils asked something else
                             # of: "which councils rated inadequate had commissioners appointed?")
                             r"(?:\s+to\s+be\s+good)?['’\"”]?(?=\s*(?:[?,.;:)]|$|(?:since|in|by|during|over|"
                             r"so\s+far|to\s+date|between|from|before|after|under|overall|for\s+(?:csc|children\w*|"
                             r"social\s+care|their|its))\b))", re.I)
# a written answer asked by its short name: "is there a PQ answer ...", "an answer to a PQ on ..."
PQ_ANSWER_ASKED_RE = re.compile(r"\bPQs?\s+(?:answers?|answered|repl(?:y|ies))\b|"
                                r"\b(?:answers?|repl(?:y|ies))\s+to\s+(?:an?|the)\s+(?:written\s+)?PQ\b", re.I)


def _answer_names_grade(text: str, grade: str) -> bool:
    """A written answer's passage naming `grade` (in any wording: "rated as 'inadequate'", "an overall effectiveness
    judgement of 'outstanding'"; the question it prints may name it, "which ... have been rated inadequate", above a
    list that does not)."""
    words = r"requir\w*\s+improvement|\bri\b" if re.match(r"requir|ri$", grade, re.I) \
        else rf"(?<!improvement\sto\sbe\s)\b{grade}\b"  # ("good" is not "requires improvement to be good")
    return bool(re.search(words, text, re.I))
_WRITTEN_ANSWER_PAGE_RE = re.compile(r"\bquestion\s+to\s+the\s+(?:department|secretary|minister|home\s+office)\b|"
                                     r"\banswered\s+on\b", re.I)


def written_answer_page(doc) -> bool:
    return bool(rank.PARLIAMENT_ASKS_RE.search(doc.text) or _WRITTEN_ANSWER_PAGE_RE.search(doc.text[:3000])
                or _WRITTEN_ANSWER_TOLD_RE.search(doc.text))  # (or a story telling of one: "in a written answer")


# (told by a minister's or Parliament's: not a council's "Written questions from members of the public")
_WRITTEN_BY = r"(?:minister\w*|mps?|parliament\w*|dfe|department|government|secretary\s+of\s+state|commons|lords)"
_WRITTEN = r"\bwritten\s+(?:parliamentary\s+)?(?:answer|question)s?\b"
_WRITTEN_ANSWER_TOLD_RE = re.compile(rf"\b{_WRITTEN_BY}\b[^.\n]{{0,80}}{_WRITTEN}|"
                                     rf"{_WRITTEN}[^.\n]{{0,80}}\b{_WRITTEN_BY}\b", re.I)


# A commissioner put into a council ("When did the DfE put a commissioner into X?", "Who was appointed commissioner?";
# not "After the commissioner left Doncaster, ...")
COMMISSIONER_ASKED_RE = re.compile(r"\b(?:put|puts|sent|send|appoint\w*|install\w*|brought|bring|parachut\w*|"
                                   r"impos\w*|named)\b[^?.;]{0,60}\bcommissioner|"
                                   r"\bcommissioner\b[^?.;]{0,40}\b(?:put|sent|appointed|installed|brought\s+in)\b|"
                                   # (or what one wrote, asked: "what did the DfE commissioner recomend for wirral?",
                                   # "wirral commissioner report - ..."; not a time it gives, "since the
                                   # commissioner's review")
                                   r"\b(?:what|which)\b[^?.;]{0,30}?\b(?:did|does|has|had)\s+(?:the\s+)?"
                                   r"(?:dfe['’]?s?\s+)?commissioner\s+(?:recomm?end|conclude|advise|propose)\w*\b|"
                                   r"^\W*(?:(?!(?:since|after|following|before|until)\b)[\w'’-]+\s+){1,3}?"
                                   r"commissioner['’]?s?\s+(?:report|review|recommendations)\b",
                                   re.I)
_COMMISSIONER_RE = re.compile(r"\bcommissioners?\b", re.I)
# (not the police's nor a national office's: rank.OTHER_COMMISSIONER_RE) ... nor one denied: "We have never had a
# commissioner in Wirral", "no commissioner was needed"
_NO_COMMISSIONER_RE = re.compile(r"\b(?:never\s+(?:had|needed|been\s+given)|not\s+(?:had|needed)|no|without)\s+"
                                 r"(?:a\s+|an\s+|any\s+)?$", re.I)


def names_commissioner(text: str) -> bool:
    return any(not rank.OTHER_COMMISSIONER_RE.search(before := text[max(0, m.start() - 30):m.start()])
               and not _NO_COMMISSIONER_RE.search(before) for m in _COMMISSIONER_RE.finditer(text))


def names_commissioner_of(hit: Hit, places: list[str]) -> bool:
    """The passage (or its document's title, or the opening of a commissioner's own report: "I was appointed ...")
    names a commissioner, on a page about one of `places` or naming it; not on a page saying the place never had one
    ("We have never had a commissioner in Wirral", on a story about four councils' commissioners), nor by a title on
    several councils' ("Commissioners sent into four councils")."""
    text, doc = hit.passage.text, hit.document
    if not ("authority" not in hit.unconfirmed or any(_place_named_re(place).search(text) for place in places)):
        return False
    if _denies_commissioner(doc.text, tuple(places)):
        return False
    title = doc.title or ""
    own = set(doc.local_authorities) <= set(places)
    return own and rank.commissioners_own_report(doc) or names_commissioner(text) \
        or names_commissioner(title) and (own or any(_place_named_re(place).search(title) for place in places))


@lru_cache(maxsize=1024)  # (per document and places, not per passage)
def _denies_commissioner(text: str, places: tuple[str, ...]) -> bool:
    """A sentence denying the place a commissioner: "We have never had a commissioner in Wirral"."""
    return any(any(_NO_COMMISSIONER_RE.search(sentence, max(0, m.start() - 30), m.start())
                   for m in _COMMISSIONER_RE.finditer(sentence))
               and any(_place_named_re(place).search(sentence) for place in places)
               for line in re.split(r"\n\s*\n", text)  # (a heading is no part of the sentence below it)
               for sentence in (line[a:b] for a, b in sentence_spans(line)) if _COMMISSIONER_RE.search(sentence))


def states_asked_kind(query: Query, hits: list[Hit]) -> bool:
    """states_asked_fact, and for a grade asked in any words ("breakdown of judgements, which one was RI?"), a
    grade stated (not a question only naming one: "how did the council respond to the inadequate judgement?")."""
    grade_asked = asks_grade(query.text) or area_grade_asked(query.text) or GRADE_BREAKDOWN_RE.search(query.text)
    return states_asked_fact(query, hits) and (not grade_asked or any(holds("judgement", h.passage.text) for h in hits))


# (the grades of the areas asked as a whole: "breakdown of judgements")
GRADE_BREAKDOWN_RE = re.compile(r"\bbreakdown\s+of\s+(?:the\s+)?(?:judge?ments|grades|ratings)\b", re.I)


def opens_on_date_set_aside(doc: Document, query: Query) -> bool:
    """A document whose opening dates its first inspection event to a month the question sets aside (and does not
    ask): "Between 5 and 9 February 2024, four inspectorates carried out a JTAI", not "This inspection took place from
    3 to 7 March 2025, a year after the February 2024 JTAI"."""
    dates = rank.dates_set_aside_not_asked(query)
    if not dates:
        return False
    opening = f"{doc.title or ''}\n{doc.text[:rank.KIND_OPENING_CHARS]}"
    for m in rank.MONTH_YEAR_RE.finditer(opening):
        if _EVENT_DATED_RE.search(opening, *line_or_sentence(opening, m.start(), m.end())):
            return (int(m.group(2)), _month(m.group(1))) in dates
    return False


_EVENT_DATED_RE = re.compile(r"\b(?:took\s+place|carried\s+out|inspected|visited|inspection|jtai|visit)\b", re.I)


# A story names a speaker in full once, then by surname alone: "Craven said: “It is clear there is still much to do"
# (a body is no surname: "Leicester City Council said", "the Department said")
SURNAME_SPEAKS_RE = re.compile(r"\b(?!(?:The|This|Ofsted|Inspectors?|Council|Cabinet|Committee|Government|Department|"
                               r"Minister|Ministry|Spokes(?:man|woman|person)|Report|Board|Trust|Services?|Authority|"
                               r"Partnership|Police|Agency|Office|Inspectorate|Partners)\b)([A-Z][a-z]{2,})[^\S\n]+"
                               r"(?:said|says|added|told|explained|commented)\b")


def speaks_by_surname(hit: Hit) -> bool:
    """A passage quoting somebody by surname whom its document names in full ("Frances Craven")."""
    return any(re.search(rf"\b[A-Z][a-z]+[^\S\n]+{m.group(1)}\b", hit.document.text)
               for m in SURNAME_SPEAKS_RE.finditer(hit.passage.text))


# A "who" question telling the person by what was done to them, the role only a description
# (not "the inspector who praised ...": the person asked did it)
# (or "which": "which DCS and lead member did the council leader congratulate?")
ROLE_BY_ACT_RE = re.compile(r"\b(?:who\s+(?:was|is|were)\s+the|which)\s+[^?]{0,60}?(?<!who\s)(?<!that\s)(?<!which\s)"
                            r"\b(congratulat|thank|prais|credit|welcom)\w*", re.I)


def visit_awaited(query: Query, hits: list[Hit]) -> bool:
    """"What did the fifth MV find about permanence?" where no document is the fifth visit's own and every passage
    naming the fifth visit says its letter is still to come ("The letter had not been published when this report was
    written"): nothing yet says what it found."""
    if not query.visit_number or any(h.document.visit_number == query.visit_number and not h.unconfirmed
                                     for h in hits):
        return False
    ordinal = re.compile(rf"\b(?:{_ordinal(query.visit_number)}|{query.visit_number}(?:st|nd|rd|th))\s+"
                         r"(?:monitoring\s+)?visit\b", re.I)
    naming = [h for h in hits if ordinal.search(h.passage.text)]
    return bool(naming) and all(rank.OUTCOME_AWAITED_RE.search(h.passage.text)
                                or all(_visit_ahead(h.passage.text, m) for m in ordinal.finditer(h.passage.text))
                                for h in naming)


# ... or every mention of the visit is of one still to come: "the second monitoring visit is expected in December"
# (metadata.anticipated_visit), or a paper's plan for it: "Prepare the board for the third monitoring visit", "agrees to
# receive a further progress report after the second monitoring visit"
_AHEAD_BEFORE_RE = re.compile(r"\b(?:prepar(?:e|es|ing)\s+(?:[\w'’-]+\s+){0,3}?for|(?:receive|bring)\s+(?:a\s+|an\s+)?"
                              r"(?:further|next)\s+(?:[\w'’-]+\s+){0,2}?(?:report|update|paper)s?\s+(?:after|following|"
                              r"once))\s+(?:the\s+|its\s+)?$", re.I)
# A visit named as what something is owed before ("a retention offer is needed before the third monitoring visit"), with
# nothing after it telling it was held or what it found
_OWED_BEFORE_RE = re.compile(r"\b(?:needed|necessary)\s+(?:before|ahead\s+of)\s+(?:the\s+|its\s+)?$", re.I)


def _owed_before(text: str, ordinal: re.Match) -> bool:
    return bool(_OWED_BEFORE_RE.search(text, max(0, ordinal.start() - 40), ordinal.start())) \
        and not _VISIT_HELD_RE.search(text, ordinal.end(), ordinal.end() + 200) \
        and not re.search(r"\bthat\s+visit\b", text[ordinal.end():ordinal.end() + 200], re.I)


def _visit_ahead(text: str, ordinal: re.Match) -> bool:
    """(not where its sentence tells it held or what it found: "Members will recall that the third monitoring visit
    found ...", "was planned for May but took place on 4 and 5 June")"""
    end = next((b for a, b in sentence_spans(text) if a <= ordinal.start() < b), len(text))
    after = text[ordinal.end():end]
    if _VISIT_HELD_RE.search(after[:m.start()] if (m := _TO_COME_WORD_RE.search(after)) else after) \
            or _HELD_AFTER_BUT_RE.search(after):
        return False  # (... "was planned for May but took place on 4 and 5 June")
    return anticipated_visit(text, ordinal) or bool(_AHEAD_BEFORE_RE.search(text, max(0, ordinal.start() - 80),
                                                                            ordinal.start()))


_VISIT_HELD_RE = re.compile(rf"{FINDING_TOLD_RE.pattern}|\b(?:took\s+place|held|carried\s+out|recognised|saw)\b",
                            re.I)
_HELD_AFTER_BUT_RE = re.compile(rf"\bbut\b[^.;]*?(?:{_VISIT_HELD_RE.pattern})", re.I)
# (what a sentence says after the visit to come is of another time: "... is expected in June, when inspectors will
# look at whether the weaknesses found at the second visit ...")
_TO_COME_WORD_RE = re.compile(r"\b(?:will|expected|due|planned|scheduled|likely)\b", re.I)


# ... nor, for a kind of visit asked without its number ("what did ofsted find at the 2024 monitoring visit?"), where
# no Ofsted letter names that kind of visit and every passage meeting the filters that names it says none has taken
# place or that Ofsted may return for one ("No monitoring visit had taken place at the time this report was written").
_KIND_NAMED = {"monitoring": re.compile(r"\bmonitoring\s+visits?\b", re.I),
               "focused": re.compile(r"\bfocus+ed\s+visits?\b", re.I)}
_VISIT_NOT_HELD_RE = re.compile(r"\bno\s+(?:monitoring|focus+ed|further)\s+visits?\s+(?:has|have|had)\s+(?:yet\s+)?"
                                r"(?:taken\s+place|been\s+(?:made|held|carried\s+out))\b", re.I)
# (Ofsted coming back for one, where the passage tells of nothing found: not "... will return for a second monitoring
# visit" closing a story on the first)
_VISIT_TO_COME_RE = re.compile(r"\b(?:may|will|could|is\s+expected\s+to|are\s+expected\s+to)\s+return\b[^.]{0,60}?"
                               r"\ban?\s+(?:monitoring|focus+ed)\s+visit\b", re.I)


def _visit_not_held(text: str) -> bool:
    return bool(_VISIT_NOT_HELD_RE.search(text) or _VISIT_TO_COME_RE.search(text) and not FINDING_TOLD_RE.search(text))


def _visit_kind_asked(query: Query) -> str | None:
    """The one kind of visit a question asks ("monitoring" or "focused"), or None (not one it sets aside: "... the
    2024 ILACS, not the monitoring visits")."""
    asked_text = without_set_asides(query.text)
    kinds = [name for name, asked in (("monitoring", rank.MONITORING_ASKED_RE), ("focused", rank.FOCUSED_ASKED_RE))
             if asked.search(asked_text)]
    return kinds[0] if len(kinds) == 1 else None


def visit_kind_awaited(query: Query, hits: list[Hit]) -> bool:
    if query.visit_number or not query.date_from:
        return False
    kind = _visit_kind_asked(query)
    if not kind:
        return False
    naming = [h for h in hits if _KIND_NAMED[kind].search(h.passage.text)]
    if any(h.document.doc_type == "ofsted_letter" for h in naming):
        return False  # (a letter on such a visit, its date unknown or not, may be the one asked)
    meeting = [h for h in naming if not h.unconfirmed]  # (not a guide to such visits whose date is unknown)
    return bool(meeting) and all(_visit_not_held(h.passage.text) for h in meeting)


def visit_kind_elsewhere(query: Query, hits: list[Hit]) -> bool:
    """"north yorkshire focused visit letter on care leavers - what did the FV find?" where no Ofsted letter about
    the council asked is among the passages and every sentence naming a focused visit tells of another council's
    ("Ofsted published a letter on its focused visit to City of York Council's leaving care service"): the kind of
    visit asked was another council's."""
    if not query.authorities:
        return False
    kind = _visit_kind_asked(query)
    if not kind or any(h.document.doc_type == "ofsted_letter"
                       and set(h.document.local_authorities) & set(query.authorities) for h in hits):
        return False
    # (a sentence saying the asked council has had none tells no visit: "Coventry has not had a monitoring visit
    # since the inspection", "the council is not subject to Ofsted monitoring visits")
    told = [(h, h.passage.text[start:end]) for h in hits for start, end in sentence_spans(h.passage.text)
            if not _VISIT_DENIED_RE.search(h.passage.text[start:end])]
    if any(h.document.local_authorities and set(h.document.local_authorities) <= set(query.authorities)
           and _KIND_NAMED[kind].search(sentence) for h, sentence in told):
        return False  # (a page on the council asked alone tells its own visit, whoever else it names)
    sentences = [sentence for _, sentence in told]
    if any(_ASKED_PLACE_VISITED_RE.search(sentence) and any(_place_named_re(a).search(sentence)
                                                            for a in query.authorities) for sentence in sentences):
        return False  # (the asked council's own visit told in other words: "inspectors who returned to Rutland")
    naming = [sentence for sentence in sentences if _KIND_NAMED[kind].search(sentence)]
    return bool(naming) and all(another_councils_visit(sentence, query.authorities)
                                or _told_of_another(sentence, query.authorities) for sentence in naming)


def _told_of_another(sentence: str, authorities: list[str]) -> bool:
    """A sentence set in another council, or on a letter to it, naming none asked ("In Warwickshire, ..., inspectors
    found at a monitoring visit in July ...", "Ofsted's latest letter to Warwickshire ... follows the third monitoring
    visit")."""
    others = {mention.start for mention in find_in_text(sentence) if not any(
        name_within(mention.name, a) or name_within(a, mention.name) or succeeded_by(mention.name, a)
        for a in authorities)}  # (not a town or predecessor of the asked one: "In Poole, ...")
    return any(told.end() in others for told in _OTHER_COUNCIL_TOLD_RE.finditer(sentence)) \
        and not any(_place_named_re(a).search(sentence) for a in authorities)


# (only none at all, none yet, or none since the inspection: not one since a time or for a while, when it had one,
# "has not had a monitoring visit since March 2025, when inspectors found", "no monitoring visit in May, so ...")
_VISIT_DENIED_RE = re.compile(r"\b(?:(?:has|have|had)\s+not\s+had|(?:has|have|had)n['’]t\s+had|"
                              r"(?:is|are)\s+(?:not|no\s+longer)\s+subject\s+to|never\s+had|no)\s+"
                              r"(?:an?\s+|any\s+|further\s+)?(?:ofsted\s+)?(?:monitoring|focus+ed)\s+visits?\b"
                              r"(?=\s*(?:[.;,]|$)|\s+(?:yet|so\s+far|to\s+date)\b|\s+since\s+(?:the|its|their)\s+"
                              r"(?:(?:last|latest|full|\d{4})\s+)?(?:inspection|ilacs|judge?ment|rating|report)\b)",
                              re.I)
_OTHER_COUNCIL_TOLD_RE = re.compile(r"^\W*(?:in|at)\s+|\bletter\s+to\s+", re.I)  # (a council right after)


# "what did the CSE thematic inspections conclude about LSCBs?", where every page naming that kind of inspection is
# Ofsted's letter announcing it ("The thematic inspection will encompass ...", "We plan to visit eight ..."), whatever
# other pages on the topic say
THEMATIC_NAMED_RE = re.compile(r"\bthematic\s+(?:inspections?|reviews?|programmes?|reports?|findings)\b", re.I)


def kind_announced_only(query: Query, hits: list[Hit]) -> bool:
    asked = without_set_asides(query.text)
    for kind in (THEMATIC_NAMED_RE, rank.JTAI_NAMED_RE):
        if kind.search(asked):
            naming = [h for h in hits if kind.search(h.document.text)]
            return bool(naming) and all(announces_only(h.document.text) for h in naming)
    return False


_ASKED_PLACE_VISITED_RE = re.compile(r"\b(?:visited|revisited|returned\s+to|came\s+back\s+to)\b", re.I)


# "who brought the outcome to members - the DCS, or another officer?": the office is the answer, named or not
OFFICE_OFFERED_RE = re.compile(r"\b(?:the\s+)?(?:dcs|director|chief\s+executive|lead\s+member|cabinet\s+member|"
                               r"leader|head\s+of\s+service)\s*,?\s+or\s+(?:another|a\s+different|some\s+other|an?)\s+"
                               r"(?:officer|person|manager|member\s+of\s+staff|one)\b", re.I)


ADULT_SERVICE_RE = re.compile(r"\badult(?:s['’]?)?\s+(?:social\s+care|services)\b|"
                              # (a care home's page: "Caring for adults over 65 yrs", "care for up to 36 older people")
                              r"\badults\s+over\s+\d|\bolder\s+people\b", re.I)
CHILD_RE = re.compile(r"\bchild(?:ren)?(?:['’]s)?\b", re.I)
# (a children's service asked by its name: "Derby's fostering service", "its adoption service", "care leavers")
CHILDREN_SERVICE_ASKED_RE = re.compile(r"\bchild(?:ren)?(?:['’]s)?\b|\bfostering\b|(?-i:\bfoster\b)|"
                                       r"\badoption\s+(?:service|agency|agencies|support|panel)s?\b|"
                                       r"\bcare\s+leavers?\b|\blooked[\s-]+after\b", re.I)


def asks_other_service(query: Query, hits: list[Hit]) -> bool:
    """"What did the CQC find when it assessed X's children's services?" where every page naming the CQC (in its
    text, or as its site: "... - Care Quality Commission") is about adult social care and never mentions children:
    the body named assessed another service."""
    if not query.names or not CHILDREN_SERVICE_ASKED_RE.search(query.text):
        return False
    forms = [f for name in query.names for f in _name_forms(name)]
    naming = [h for h in hits
              if any(f in text for text in (h.document.text.lower(), (h.document.publisher or "").lower()) for f in forms)]
    return bool(naming) and all(ADULT_SERVICE_RE.search(h.document.text) and not _covers_children(h.document.text)
                                for h in naming)


def _name_forms(name: str) -> list[str]:
    """A name asked and, for an abbreviation, its long form, in lower case ("cqc", "care quality commission"); a
    possessive's name alone ("Eleanor Brazil's report")."""
    name = re.sub(r"['’]s$", "", name)
    return [f.lower() for f in (name, FIELD_GLOSSARY.get(name.upper())) if f]


# "What did the CQC find when it reviewed health services for children in care in X?", where every sentence naming
# the CQC has its review still to come ("a Care Quality Commission review ... was expected later in 2018") and none
# reports what it found: nothing it found is written yet. (Names written with a capital: a body or a person, not
# "care leavers".)
TO_COME_RE = re.compile(r"\b(?:review|inspection|visit|assessment)s?\b[^.]{0,120}?\b(?:is|was|are|were|has\s+been|"
                        r"had\s+been)\s+(?:now\s+|still\s+)?(?:expected|due|planned|scheduled)\b|"
                        r"\b(?:expected|forthcoming|upcoming|planned|scheduled)\s+(?:[\w'’-]+\s+){0,3}?"
                        r"(?:review|inspection|visit|assessment)s?\b", re.I)


# So for what a named person's report recommended ("what did Eleanor Brazil's report recommend?"), where every
# sentence naming her has her report still to come ("appointed a commissioner, Eleanor Brazil, ... to report back by
# 1 December on whether ...") and no sentence of the pages found tells of a recommendation made ("Ms Brazil's report,
# published on Friday, recommended ...", "The commissioner's report ... says services should be moved": not "will make
# recommendations"). A person: a name of two or more capitalised words, not a body ("the DfE commissioner", "the LGA
# peer review").
RECOMMENDATIONS_ASKED_RE = re.compile(r"\brecommend(?:ed|s|ations?)?\b|\bconclu(?:de|ded|sions?)\b", re.I)
REPORT_TO_COME_RE = re.compile(r"\breport(?:s|ing)?\s+back\b|\b(?:will|to|due\s+to|expected\s+to)\s+report\b|"
                               r"\breport\b[^.]{0,40}?\b(?:is|was|are|were)\s+(?:now\s+)?(?:due|expected)\b", re.I)
RECOMMENDS_RE = re.compile(r"\brecommend(?:ed|s|ations?)\b|\bconclu(?:ded|des|sions?)\b|\bcall(?:s|ed)\s+for\b|"
                           r"\bshould\s+(?:be|remain|stay|move|keep|retain|transfer)\b|\bpropos(?:ed|es)\b|"
                           r"\badvis(?:ed|es)\b|\burg(?:ed|es)\b", re.I)
_RECOMMENDING_TO_COME_RE = re.compile(r"\b(?:will|would|to|expected\s+to|due\s+to)\s+(?:make|set\s+out|publish)\s+"
                                      r"(?:its\s+|her\s+|his\s+|their\s+)?(?:recommendations|conclusions)\b", re.I)
PERSON_NAME_RE = re.compile(r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+(?:['’]s)?")


def named_only_to_come(query: Query, hits: list[Hit]) -> bool:
    if not query.names:
        return False
    texts = {h.document.doc_id: h.document.text for h in hits}
    if asks_findings(query.text):
        for name in (n for n in query.names if any(c.isupper() for c in n)):
            naming = _sentences_naming(texts, name)
            if naming and all(TO_COME_RE.search(sentence) and not REPORTS_RE.search(sentence) for sentence in naming):
                return True
    if not RECOMMENDATIONS_ASKED_RE.search(without_set_asides(query.text)):
        return False
    for name in (n for n in query.names if PERSON_NAME_RE.fullmatch(n)):
        naming = _sentences_naming(texts, name)
        if naming and all(REPORT_TO_COME_RE.search(sentence) and not REPORTS_RE.search(sentence)
                          for sentence in naming) \
                and not any(RECOMMENDS_RE.search(sentence := text[a:b])
                            and not _RECOMMENDING_TO_COME_RE.search(sentence)
                            for text in texts.values() for a, b in sentence_spans(text)):
            return True
    return False


def _sentences_naming(texts: dict[str, str], name: str) -> list[str]:
    forms = _name_forms(name)
    return [text[a:b] for text in texts.values() if any(f in text.lower() for f in forms)
            for a, b in sentence_spans(text) if any(f in text[a:b].lower() for f in forms)]


# "It does not assess children's social care, which is inspected by Ofsted": a page saying so covers adults only,
# whatever it says of young people moving on from children's services
NOT_COVERED_RE = re.compile(r"\b(?:does|do|did)\s+not\s+(?:assess|inspect|cover|include|look\s+at)\s+children['’]s\b|"
                            r"\bchildren['’]s\s+(?:social\s+care|services)\s+(?:is|are)\s+(?:not\s+(?:assessed|"
                            r"inspected|covered|included)|excluded|outside)\b", re.I)


# (young people moving on from children's services to adult care are the adult service's subject)
TRANSITION_RE = re.compile(r"\bfrom\s+children['’]s\s+(?:services|social\s+care)\s+(?:in)?to\s+adult", re.I)


@lru_cache(maxsize=256)  # (a page's text, read once however many questions name its body)
def _covers_children(text: str) -> bool:
    sentences = (text[a:b] for a, b in sentence_spans(text))
    return any(CHILD_RE.search(s) and not NOT_COVERED_RE.search(s) and not TRANSITION_RE.search(s) for s in sentences)


def states_asked_count(query: Query, hits: list[Hit]) -> bool:
    """A "how many X" question is answered only by a passage that states a number of X; passages on the subject
    without one (a story about the recruitment drive, not its size) are a guess, not an answer."""
    if query.answer_type != "count" or count_asked_second(query.text):
        return True  # (a count asked second: the first part's passage answers, with or without the figure)
    stems = counted_stems(query.topic, query.authorities)
    if CHANGE_QUESTION_RE.search(query.text):
        return not stems or any(states_change(stems, h.passage.text) for h in hits)
    before = bool(AVERAGE_RE.search(query.text))
    share = bool(SHARE_QUESTION_RE.search(query.text))
    given = given_figures(query.text)
    # ("social workers rose from 345 to 368" states how many there were)
    return not stems or any(states_count(stems, text, before) or states_count_change(stems, text)
                            or share and states_share(stems, text) or states_count_in_sentence(stems, text)
                            or states_grade_count(query.text, text)
                            for text in (_without_figures(h.passage.text, given) for h in hits))


def _without_figures(text: str, figures: tuple[str, ...]) -> str:
    for figure in figures:
        text = re.sub(rf"(?<![\d,.]){re.escape(figure)}(?![\d,]|\.\d)", " ", text)
    return text


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
