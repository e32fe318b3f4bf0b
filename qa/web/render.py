"""The page's HTML: Jinja2 templates in qa/web/templates/, filled from the answer's JSON (qa/answers/contract.py)
and the corpus listing.

Escaping: the templates are rendered with autoescaping, so every value they print is HTML-escaped, quotes included
(attribute values are quoted too). Nothing here marks text as safe: highlighted sentences and the viewer's cited
passage are handed to the templates as plain text pieces, and the templates put the <mark> around them.
tests/test_app.py and tests/test_security.py feed these functions hostile text.

The functions below only gather what a template shows (and make the ids the page's scripts and screen readers
need); the markup is in the templates. Templates are written one element a line for reading: when one is loaded,
each line break and the indentation after it are dropped (`_Compact`), so the page gets compact HTML in which no
stray whitespace lands inside a pre-wrapped excerpt; a space that matters is written as {{ ' ' }}.
"""
from __future__ import annotations

import html
import re
import uuid

from jinja2 import Environment, PackageLoader, StrictUndefined
from jinja2.ext import Extension

from qa.answers.cite import long_date
from qa.datatypes import DOC_TYPE_LABELS
from qa.documents.ingest import removed_share
from qa.retrieval.question import FilterOverrides, parse
from qa.web import briefing

EMPTY_CARDS = "<div class='qa-cards'><div class='qa-empty'>Ask a question to see the passages that answer it.</div></div>"
EMPTY_VIEWER = ""
IMPLIED_EMPTY = "<div class='qa-filters' id='qa-implied'>From the question: ask something first</div>"
DASH = "\u2014"


class _Compact(Extension):
    """Drop each line break in a template source and the indentation after it (see the module docstring)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return re.sub(r"\n\s*", "", source)


_env = Environment(loader=PackageLoader("qa.web", "templates"), autoescape=True, undefined=StrictUndefined,
                   extensions=[_Compact])


def render(template: str, **context) -> str:
    return _env.get_template(template).render(**context)


def _uid(n: int) -> str:
    return uuid.uuid4().hex[:n]


def announcement(message: str = "") -> dict:
    """What the `announce` macro needs to make the live region read `message` (or, if empty, the element's text)
    when the element is rendered. The nonce tells a new rendering from the old one: Gradio updates HTML in place,
    keeping elements."""
    return {"message": message, "nonce": _uid(12)}


def highlighted(text: str, spans: list[list[int]] | None) -> list[tuple[str, bool]]:
    """The excerpt as (text, marked) pieces, the best-matching sentences marked; overlapping spans are skipped."""
    out, pos = [], 0
    for start, end in sorted(spans or []):
        if start < pos:
            continue
        out += [(text[pos:start], False), (text[start:end], True)]
        pos = end
    out.append((text[pos:], False))
    return out


def passage_key(p: dict) -> str:
    return p.get("passage_id") or f"{p['doc_id']}:{p['start']}-{p['end']}"


# ---------------------------------------------------------------- answers


def unconfirmed_label(facts: list[str]) -> str:
    """Why a passage is shown apart: "date not stated", or published after the time asked, recalling it."""
    if facts == ["later"]:
        return "published after the time asked, which it recalls"
    names = {"date": "date", "authority": "local authority", "visit": "visit number"}
    return " or ".join(names.get(f, f) for f in facts) + " not stated"


def card_context(p: dict, filters: str = "") -> dict:
    """What templates/macros.html's `card` shows for one passage of the answer."""
    uid = _uid(8)
    unknown = ""
    if p.get("unconfirmed"):  # its document does not state the asked date/place/visit: never shown as matching
        unknown = unconfirmed_label(p["unconfirmed"])
    return {"rank": int(p["rank"]), "key": passage_key(p), "title_id": f"qa-t-{uid}", "cite_id": f"qa-c-{uid}",
            "doc_type": p["doc_type"], "doc_type_label": p["doc_type_label"], "title": p["title"],
            "date": None if p["undated"] else long_date(p["date"]), "location": p["location"],
            "period": p.get("period") or "", "unknown": unknown, "excerpt": highlighted(p["text"], p.get("highlights")),
            "citation": p["citation"], "filters": filters,
            "also": [(o.get("title", ""), o.get("location", "")) for o in p.get("also_reported_in", [])],
            "copy_plain": briefing.copy_plain(p), "copy_markdown": briefing.copy_markdown(p)}


def card_html(p: dict, filters: str = "") -> str:
    """One cited passage as an <article> with its Copy / Copy Markdown / Open / Add to briefing buttons."""
    return str(_env.get_template("macros.html").module.card(card_context(p, filters)))


def answer_announcement(data: dict) -> str:
    """What the live region says when an answer is shown."""
    if data["abstained"]:
        related = len(data.get("related") or [])
        more = f" {related} possibly related passage{'s' if related != 1 else ''}." if related else ""
        return f"No answer found. {chat_reply(data)}{more}"
    n = len(data.get("passages") or [])
    reply = chat_reply(data)
    reply = reply if len(reply) <= 300 else reply[:300].rsplit(" ", 1)[0] + "\u2026"
    return f"Answer ready: {n} cited passage{'s' if n != 1 else ''}. {reply}"


def cards_html(data: dict) -> str:
    abstained = data["abstained"]
    related = [card_context(p) for p in data.get("related") or []] if abstained else []
    passages = [] if abstained else [card_context(p, data.get("filters_description", "")) for p in data["passages"]]
    return render("cards.html", notice_list=[n for n in data.get("notices", []) if n],
                  filters=data.get("filters_description") or "none", abstained=abstained,
                  message=data.get("message") or "Nothing in the documents answers this.", related=related,
                  passages=passages, announcement=announcement(answer_announcement(data)))


def _month_label(iso: str | None) -> str:
    return " ".join(long_date(iso).split()[1:]) if iso else "undated"


def timeline_html(data: dict) -> str:
    """A trail (dates down the side, a card per point, gaps shown as gaps, undated apart) or comparison blocks
    side by side; each card is the ordinary passage card with its Copy / Open / Add to briefing actions."""
    tl = data["timeline"]
    by_rank = {p["rank"]: p for p in data["passages"]}

    def points(entries: list[dict]) -> list[dict]:  # a point whose passage is not in the answer is left out
        return [{"date": entry.get("date") or "", "month": _month_label(entry.get("date")),
                 "visit": int(entry["visit_number"]) if entry.get("visit_number") else None,
                 "when": entry.get("when", ""), "card": card_context(by_rank[entry["rank"]])}
                for entry in entries if entry["rank"] in by_rank]

    trails = [{"authority": trail.get("authority") or "Authority not stated",
               "entries": [points([entry])[0] if entry["type"] == "point" else {"gap": entry["message"]}
                           for entry in trail["entries"] if entry["type"] != "point" or entry["rank"] in by_rank]}
              for trail in tl.get("trails", [])]
    undated = points(tl.get("undated") or [])
    blocks = [{"label": block["label"], "points": points(block["points"]), "message": block.get("message", "")}
              for block in tl.get("blocks") or []]
    return render("timeline.html", notice_list=[n for n in data.get("notices", []) if n],
                  filters=data.get("filters_description") or "none", topic=tl.get("topic", ""),
                  all_keys="\n".join(passage_key(p) for p in data["passages"]),
                  trails=trails, undated=undated, blocks=blocks)


def results_html(data: dict) -> str:
    return timeline_html(data) if data.get("timeline") and not data["abstained"] else cards_html(data)


def chat_reply(data: dict) -> str:
    """The assistant's chat message, plain text (the chat shows it through chat_markdown)."""
    if data["abstained"]:
        return data.get("message") or "Nothing in the documents answers this."
    return data.get("answer") or "See the passages."


def chat_markdown(text: str) -> str:
    """Text for a chat message, shown literally: Gradio renders chat messages as Markdown with HTML inside, so the
    text is HTML-escaped, then Markdown-escaped by the web layer's one Markdown escaper (briefing.markdown_escape)."""
    return briefing.markdown_escape(html.escape(text))


def busy_html(text: str = "Searching the documents\u2026") -> str:
    return render("busy.html", text=text, announcement=announcement())


def status_html(text: str, ok: bool = False) -> str:
    """A one-line result of an action, read out by the live region: an error or refusal, or (ok) a success."""
    return render("status.html", text=text, ok=ok, announcement=announcement())


def upload_html(lines: list[tuple[bool, str]]) -> str:
    """The results of an upload, one (ok, text) line per file, read out together."""
    return render("status.html", lines=lines, announcement=announcement())


def viewer_html(doc, passage: dict) -> str:
    """The cleaned document, escaped, with the passage wrapped in <mark class='qa-target'>."""
    if doc is None:
        return render("viewer.html", doc=None, announcement=announcement())
    text = doc.text
    start, end = passage.get("start", 0), passage.get("end", 0)
    if text[start:end] != passage.get("text"):  # the document changed since the answer: find the passage again
        found = text.find(passage.get("text", "")) if passage.get("text") else -1
        start, end = (found, found + len(passage["text"])) if found >= 0 else (0, 0)
    if end <= start:
        start = end = len(text)
    mark_id = f"qa-mark-{_uid(8)}"
    return render("viewer.html", doc=doc, type_label=DOC_TYPE_LABELS.get(doc.doc_type, "document"),
                  date=long_date(doc.date), location=passage.get("location", ""),
                  citation=passage.get("citation", ""), mark_id=mark_id, heading_id=f"qa-h-{mark_id}",
                  before=text[:start], target=text[start:end], after=text[end:])


# ---------------------------------------------------------------- briefing


def briefing_html(items: list[dict]) -> str:
    """The briefing as an ordered list; each item's buttons are described by its citation."""
    return render("briefing.html", items=items, uid=_uid(12))


def briefing_count_html(items: list[dict], message: str = "") -> str:
    """The count shown on the Ask tab; a message (added, moved, removed) is announced by the live region."""
    return render("briefing_count.html", n=len(items), announcement=announcement(message) if message else None)


# ---------------------------------------------------------------- documents and filters


def _cleaned(d: dict) -> dict | None:
    """Share of the text cleaning removed; cuts of more than a line are named under it."""
    cleaning = d.get("cleaning") or {}
    share = removed_share(cleaning)
    if share is None:
        return None
    cuts = cleaning.get("cuts") or []
    detail = "; ".join(f"cut {int(c.get('chars', 0)):,} chars: {c.get('reason', '')} (starts \"{c.get('preview', '')}\")"
                       for c in cuts)
    note = f"{len(cuts)} cut{'s' if len(cuts) != 1 else ''} of more than a line" if cuts else \
        f"{int(cleaning.get('removed_lines', 0))} lines"
    return {"percent": f"{share * 100:.0f}", "detail": detail, "note": note}


def _document_row(d: dict) -> dict:
    period = ""
    if d.get("period_start"):
        period = d["period_start"] + (f" to {d['period_end']}" if d.get("period_end") not in (None, d["period_start"]) else "")
    values = {"title": d.get("title"), "doc_type": d.get("doc_type_label"), "date": d.get("date") or "undated",
              "publisher": d.get("publisher"), "local_authorities": ", ".join(d.get("local_authorities") or []),
              "period_start": period, "visit_number": str(d.get("visit_number") or "")}
    origin = d.get("origin", {})
    return {"path": d["path"], "cells": [(value or DASH, origin.get(key, "")) for key, value in values.items()],
            "passages": int(d.get("passages", 0)), "cleaned": _cleaned(d)}


def documents_html(docs: list[dict], skipped: list | None = None) -> str:
    return render("documents.html", count=len(docs), rows=[_document_row(d) for d in docs],
                  skipped=[(str(s.file), str(s.reason)) for s in skipped or []])


def implied_html(question: str, previous, overrides) -> str:
    try:
        implied = parse(question, previous).describe() if question.strip() else ""
    except Exception:  # noqa: BLE001 - a description must never break answering
        implied = ""
    overrides = FilterOverrides.coerce(overrides)
    shown = []
    if overrides:
        if overrides.year_from or overrides.year_to:
            shown.append(f"years {overrides.year_from or '...'} to {overrides.year_to or '...'}")
        if overrides.doc_types:
            shown.append("types: " + ", ".join(DOC_TYPE_LABELS.get(t, t) for t in overrides.doc_types))
        if overrides.authorities:
            shown.append("authorities: " + ", ".join(overrides.authorities))
        if overrides.ignore_question_filters:
            shown.append("question's time and place ignored")
    return render("implied.html", implied=implied, overridden=bool(overrides), overrides="; ".join(shown))
