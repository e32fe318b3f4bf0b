"""Plain dataclasses for what flows through the pipeline.

files -> Document (cleaned text + metadata) -> Passage (verbatim slice) -> Hit (scored passage) -> Answer.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Document types, most authoritative first; ranking uses this order as a prior.
DOC_TYPES = ("ofsted_letter", "ofsted_report", "council_page", "news_article", "other")
DOC_TYPE_LABELS = {
    "ofsted_letter": "letter",
    "ofsted_report": "report",
    "council_page": "council page",
    "news_article": "news article",
    "other": "document",
}


@dataclass
class Block:
    """One structural unit of a cleaned document: a heading, a paragraph or a list item."""

    kind: str  # "heading" | "para" | "item"
    text: str
    page: int | None = None
    level: int = 1  # heading level
    start: int = 0  # offsets into Document.text, set when the text is assembled
    end: int = 0
    number: int | None = None  # paragraph number (paras and items only)
    after_gap: bool = False  # something (furniture, boilerplate) was removed just before this block


@dataclass
class Document:
    doc_id: str
    path: str  # path relative to the corpus root
    text: str  # cleaned text: what a viewer shows and what passages slice
    title: str = ""
    date: str | None = None  # publication / letter date, YYYY-MM-DD
    doc_type: str = "other"
    publisher: str = ""
    source: str = ""  # URL or path the document came from
    local_authorities: list[str] = field(default_factory=list)
    period_start: str | None = None  # period reported on (a visit's dates), YYYY-MM-DD
    period_end: str | None = None
    visit_number: int | None = None
    origin: dict[str, str] = field(default_factory=dict)  # field -> manifest | front matter | inferred | unknown
    confidence: dict[str, float] = field(default_factory=dict)  # field -> 1.0 stated ... lower for weaker inference
    fingerprint: str = ""  # sha256 of the source file's bytes
    blocks: list[Block] = field(default_factory=list)
    # What cleaning removed (qa.documents.clean.clean_blocks): raw_chars, kept_chars, removed_lines, removed_by,
    # cuts [{reason, chars, blocks, preview}]. Empty for documents indexed before it was recorded.
    cleaning: dict[str, Any] = field(default_factory=dict)
    # Past events its text dates (qa.documents.mentions.read, at ingest): not_before (YYYY-MM-DD or None),
    # event_months (months it dates a visit to without a year) and event_dates (first days of the months it dates
    # an inspection event to, with its year). Empty for documents indexed before.
    mentions: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, with_text: bool = True) -> dict[str, Any]:
        data = asdict(self)
        if not with_text:
            data.pop("text")
            data.pop("blocks")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        data = dict(data)
        data["blocks"] = [Block(**b) for b in data.get("blocks", [])]
        data["cleaning"] = data.get("cleaning") or {}
        data["mentions"] = data.get("mentions") or {}
        return cls(**data)

    @property
    def years(self) -> set[int]:
        """Years this document speaks for: its date and the period it reports on."""
        years = set()
        for value in (self.date, self.period_start, self.period_end):
            if value:
                years.add(int(value[:4]))
        if self.period_start and self.period_end:
            years.update(range(int(self.period_start[:4]), int(self.period_end[:4]) + 1))
        return years


@dataclass
class Passage:
    passage_id: str  # "<doc_id>#<n>"; "<doc_id>#<n>+<n+1>" for two shown as one excerpt (not in the index)
    doc_id: str
    text: str  # == document.text[start:end]
    start: int
    end: int
    para_start: int | None = None
    para_end: int | None = None
    page_start: int | None = None
    page_end: int | None = None
    headings: list[str] = field(default_factory=list)  # heading path, outermost first

    @property
    def location(self) -> str:
        parts = []
        if self.page_start is not None:
            parts.append(
                f"p. {self.page_start}" if self.page_end in (None, self.page_start)
                else f"pp. {self.page_start}-{self.page_end}"
            )
        if self.para_start is not None:
            parts.append(
                f"para. {self.para_start}" if self.para_end in (None, self.para_start)
                else f"paras. {self.para_start}-{self.para_end}"
            )
        return ", ".join(parts) or "whole document"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Passage":
        return cls(**data)


@dataclass
class Hit:
    """A passage retrieved for a question, with its document and scores."""

    passage: Passage
    document: Document
    score: float
    scores: dict[str, float] = field(default_factory=dict)  # per retriever / stage
    also_reported_in: list[dict[str, str]] = field(default_factory=list)
    highlights: list[list[int]] = field(default_factory=list)  # [start, end] of best sentences in the passage
    # Asked facts its document does not state ("date", "authority", "visit"): shown apart, never as matching.
    unconfirmed: list[str] = field(default_factory=list)


@dataclass
class Answer:
    question: str
    hits: list[Hit]
    answer: str = ""
    abstained: bool = False
    message: str = ""
    filters: dict[str, Any] = field(default_factory=dict)
    mode: str = "hybrid"  # "hybrid" or "bm25-only"
    notices: list[str] = field(default_factory=list)
    related: list[Hit] = field(default_factory=list)  # offered when abstaining
    timings: dict[str, float] = field(default_factory=dict)
    filters_description: str = ""  # what the passages shown really meet, for the user
    query: Any = None  # the parsed question (qa.retrieval.question.Query), for follow-ups
    timeline: Any = None  # qa.retrieval.timeline.Timeline for trail and comparison questions (issue 11)
