"""The page's HTML, as pure functions of the answer's JSON (qa/answers/contract.py) and the corpus listing.

Every piece of document text and user input goes through html.escape (`e`) here, and attribute values are quoted;
tests/test_app.py and tests/test_security.py feed them hostile text.
"""
from __future__ import annotations

import html
import uuid

from qa.answers.cite import long_date
from qa.datatypes import DOC_TYPE_LABELS
from qa.documents.ingest import removed_share
from qa.retrieval.question import FilterOverrides, parse
from qa.web import briefing

EMPTY_CARDS = "<div class='qa-cards'><div class='qa-empty'>Ask a question to see the passages that answer it.</div></div>"
EMPTY_VIEWER = ""
DASH = "\u2014"
e = html.escape


def highlighted(text: str, spans: list[list[int]]) -> str:
    """Escape the excerpt, wrapping the best-matching sentences in <mark>."""
    out, pos = [], 0
    for start, end in sorted(spans or []):
        if start < pos:
            continue
        out.append(e(text[pos:start]))
        out.append(f"<mark>{e(text[start:end])}</mark>")
        pos = end
    out.append(e(text[pos:]))
    return "".join(out)


def passage_key(p: dict) -> str:
    return p.get("passage_id") or f"{p['doc_id']}:{p['start']}-{p['end']}"


def announce(message: str = "") -> str:
    """Attributes that make the live region read `message` (or, if empty, the element's text) when the element is
    rendered. The nonce tells a new rendering from the old one: Gradio updates HTML in place, keeping elements."""
    return f" data-announce=\"{e(message, quote=True)}\" data-nonce='{uuid.uuid4().hex[:12]}'"


def sr(text: str) -> str:
    """Text for screen readers only (visually hidden, still in the accessible text)."""
    return f"<span class='qa-sr-only'>{e(text)}</span>"


def card_html(p: dict, filters: str = "") -> str:
    """One cited passage as an <article> named by its title; the buttons are described by the same title so
    "Copy", "Open" and "Add to briefing" say which passage they act on."""
    uid = uuid.uuid4().hex[:8]
    title_id, cite_id = f"qa-t-{uid}", f"qa-c-{uid}"
    rank = int(p["rank"])
    meta = [f"{sr('Type:')}<span class='qa-badge {e(p['doc_type'])}'>{e(p['doc_type_label'])}</span>",
            f"<strong class='qa-title' id='{title_id}'>{e(p['title'])}</strong>",
            f"{sr('Date:')}<span class='qa-badge undated'>undated</span>" if p["undated"]
            else f"{sr('Date:')}<span class='qa-date'>{e(long_date(p['date']))}</span>",
            f"{sr('Location:')}<span class='qa-location'>{e(p['location'])}</span>"]
    if p.get("period"):
        meta.append(f"<span>reports on {e(p['period'])}</span>")
    if p.get("unconfirmed"):  # its document does not state the asked date/place/visit: never shown as matching
        facts = {"date": "date", "authority": "local authority", "visit": "visit number"}
        unknown = " or ".join(facts.get(f, f) for f in p["unconfirmed"])
        meta.append(f"<span class='qa-badge unconfirmed'>{e(unknown)} not stated: check before citing</span>")
    also = "".join(f"<div class='qa-citation'>also reported in: {e(o.get('title', ''))} ({e(o.get('location', ''))})</div>"
                   for o in p.get("also_reported_in", []))
    key = e(passage_key(p), quote=True)
    applied = f"<div class='qa-filters'>Filters: {e(filters)}</div>" if filters else ""
    described = f"aria-describedby='{title_id}'"
    return (f"<article class='qa-card' data-rank='{rank}' data-key='{key}' aria-labelledby='{title_id}'>"
            f"<div class='qa-meta'>{sr('Passage')}[{rank}] {' '.join(meta)}</div>"
            f"{sr('Excerpt:')}<div class='qa-excerpt'>{highlighted(p['text'], p.get('highlights', []))}</div>"
            f"{sr('Citation:')}<div class='qa-citation' id='{cite_id}'>{e(p['citation'])}</div>{also}{applied}"
            f"<div class='qa-actions' role='group' aria-label='Passage {rank} actions'>"
            f"<button class='qa-copy' title='Copy the excerpt and its citation as plain text' {described} "
            f"data-copy=\"{e(briefing.copy_plain(p), quote=True)}\">Copy</button>"
            f"<button class='qa-copy-md' title='Copy as Markdown' {described} "
            f"data-copy=\"{e(briefing.copy_markdown(p), quote=True)}\">Copy Markdown</button>"
            f"<button class='qa-open' {described} data-action='open' data-key='{key}'>Open</button>"
            f"<button class='qa-add' {described} data-action='add' data-key='{key}' data-done='Added'>Add to briefing</button>"
            f"</div></article>")


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
    parts = [f"<div class='qa-notice'>{e(n)}</div>" for n in data.get("notices", []) if n]
    filters = data.get("filters_description") or "none"
    parts.append(f"<div class='qa-filters qa-applied'>Filters applied: {e(filters)}</div>")
    if data["abstained"]:
        parts.append(f"<div class='qa-notice'>{e(data.get('message') or 'Nothing in the documents answers this.')}</div>")
        if data.get("related"):
            parts.append("<div class='qa-filters'>Possibly related:</div>")
            parts.extend(card_html(p) for p in data["related"])
    else:
        parts.extend(card_html(p, data.get("filters_description", "")) for p in data["passages"])
    return f"<div class='qa-cards'{announce(answer_announcement(data))}>{''.join(parts)}</div>"


def _month_label(iso: str | None) -> str:
    return " ".join(long_date(iso).split()[1:]) if iso else "undated"


def timeline_html(data: dict) -> str:
    """A trail (dates down the side, a card per point, gaps shown as gaps, undated apart) or comparison blocks
    side by side; each card is the ordinary passage card with its Copy / Open / Add to briefing actions."""
    tl = data["timeline"]
    by_rank = {p["rank"]: p for p in data["passages"]}
    parts = [f"<div class='qa-notice'>{e(n)}</div>" for n in data.get("notices", []) if n]
    parts.append(f"<div class='qa-filters qa-applied'>Filters applied: {e(data.get('filters_description') or 'none')}"
                 "</div>")
    keys = "\n".join(passage_key(p) for p in data["passages"])
    parts.append(f"<div class='qa-actions'><button class='qa-add-all' data-action='add-all' "
                 f"data-key='{e(keys, quote=True)}' data-done='Added'>Add all to briefing</button></div>")

    def point(entry: dict) -> str:
        p = by_rank.get(entry["rank"])
        if p is None:
            return ""
        visit = f"<small>visit {int(entry['visit_number'])}</small>" if entry.get("visit_number") else ""
        return (f"<li class='qa-tl-point' data-date='{e(entry.get('date') or '', quote=True)}'>"
                f"<div class='qa-tl-date'>{e(_month_label(entry.get('date')))}{visit}"
                f"<small>{e(entry.get('when', ''))}</small></div>{card_html(p)}</li>")

    for trail in tl.get("trails", []):
        parts.append(f"<h4 class='qa-tl-head'>{e(trail.get('authority') or 'Authority not stated')}: "
                     f"{e(tl.get('topic', ''))} over time</h4><ol class='qa-timeline'>")
        for entry in trail["entries"]:
            if entry["type"] == "point":
                parts.append(point(entry))
            else:
                parts.append(f"<li class='qa-tl-gap'><div class='qa-tl-date'>gap</div>"
                             f"<div class='qa-tl-gapnote'>{e(entry['message'])}</div></li>")
        parts.append("</ol>")
    if tl.get("undated"):
        parts.append("<h4 class='qa-tl-head'>Undated: not placed on the line</h4><ol class='qa-timeline qa-undated'>")
        parts.extend(point(entry) for entry in tl["undated"])
        parts.append("</ol>")
    if tl.get("blocks"):
        parts.append("<div class='qa-compare'>")
        for block in tl["blocks"]:
            inner = "".join(point(entry) for entry in block["points"]) or \
                f"<li class='qa-tl-gap'><div class='qa-tl-gapnote'>{e(block.get('message', ''))}</div></li>"
            parts.append(f"<section class='qa-compare-block'><h4>{e(block['label'])}</h4>"
                         f"<ol class='qa-timeline'>{inner}</ol></section>")
        parts.append("</div>")
    return f"<div class='qa-cards qa-trail'>{''.join(parts)}</div>"


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
    return (f"<div class='qa-busy' id='qa-busy' {announce()}><span class='qa-spinner' aria-hidden='true'></span>"
            f"{e(text)}</div>")


def viewer_html(doc, passage: dict) -> str:
    """The cleaned document, escaped, with the passage wrapped in <mark class='qa-target'>."""
    if doc is None:
        return (f"<div class='qa-viewer'><div class='qa-notice' {announce()}>That document is no longer in the "
                "corpus.</div></div>")
    text = doc.text
    start, end = passage.get("start", 0), passage.get("end", 0)
    if text[start:end] != passage.get("text"):  # the document changed since the answer: find the passage again
        found = text.find(passage.get("text", "")) if passage.get("text") else -1
        start, end = (found, found + len(passage["text"])) if found >= 0 else (0, 0)
    label = DOC_TYPE_LABELS.get(doc.doc_type, "document")
    mark_id = f"qa-mark-{uuid.uuid4().hex[:8]}"
    body = (e(text[:start]) + f"<mark class='qa-target' id='{mark_id}'>{e(text[start:end])}</mark>" + e(text[end:])
            if end > start else e(text))
    meta = [f"{sr('Type:')}<span class='qa-badge {e(doc.doc_type)}'>{e(label)}</span>",
            f"{sr('Date:')}<span>{e(long_date(doc.date))}</span>",
            f"{sr('Location:')}<span>{e(passage.get('location', ''))}</span>"]
    if doc.publisher:
        meta.insert(1, f"<span>{e(doc.publisher)}</span>")
    source = f"<div class='qa-citation'>Source: {e(doc.source)}</div>" if doc.source else ""
    heading = f"qa-h-{mark_id}"
    return (f"<section class='qa-viewer' data-doc='{e(doc.doc_id, quote=True)}' aria-labelledby='{heading}'>"
            "<div class='qa-actions' style='float:right;margin:0'>"
            "<button class='qa-close' data-action='close-viewer' aria-keyshortcuts='Escape' "
            "title='Close the document (Escape)'>Close</button></div>"
            f"<h3 id='{heading}'>{e(doc.title)}</h3><div class='qa-meta'>{' '.join(meta)}</div>{source}"
            f"<div class='qa-citation'>{sr('Cited passage:')}{e(passage.get('citation', ''))}</div>"
            f"<div class='qa-doc' tabindex='0' role='region' aria-label='Document text, cited passage highlighted' "
            f"data-open-id='{mark_id}'>{body}</div></section>")


def briefing_html(items: list[dict]) -> str:
    """The briefing as an ordered list; each item's buttons are described by its citation."""
    if not items:
        return (f"<div class='qa-empty' id='qa-briefing-empty' data-nonce='{uuid.uuid4().hex[:12]}'>No excerpts yet. "
                "Use <em>Add to briefing</em> on a passage.</div>")
    uid = uuid.uuid4().hex[:12]
    n = len(items)
    parts = [f"<div class='qa-filters' id='qa-blist-{uid}'>{n} excerpt{'s' if n != 1 else ''}</div>",
             f"<ol class='qa-blist' aria-labelledby='qa-blist-{uid}' data-nonce='{uid}'>"]
    for i, item in enumerate(items):
        cite = f"qa-bc-{uid}-{i}"
        described = f"aria-describedby='{cite}'"
        parts.append(
            f"<li class='qa-bitem' data-index='{i}'>{sr(f'Excerpt {i + 1} of {n}:')}"
            f"<div class='qa-excerpt'>\u201c{e(item['text'])}\u201d</div>"
            f"<div class='qa-citation' id='{cite}'>{e(item['citation'])}</div>"
            f"<div class='qa-actions' role='group' aria-label='Excerpt {i + 1} actions'>"
            f"<button data-action='up' data-index='{i}' {described}>"
            f"<span aria-hidden='true'>\u2191</span> Move up</button>"
            f"<button data-action='down' data-index='{i}' {described}>"
            f"<span aria-hidden='true'>\u2193</span> Move down</button>"
            f"<button data-action='remove' data-index='{i}' {described}>Remove</button></div></li>")
    parts.append("</ol>")
    return "".join(parts)


def briefing_count_html(items: list[dict], message: str = "") -> str:
    """The count shown on the Ask tab; a message (added, moved, removed) is announced by the live region."""
    n = len(items)
    announce_attr = announce(message) if message else ""
    return (f"<div class='qa-filters' id='qa-briefing-count'{announce_attr}>"
            f"Briefing: {n} excerpt{'s' if n != 1 else ''}</div>")


def documents_html(docs: list[dict], skipped: list | None = None) -> str:
    def cell(d: dict, key: str, value: str) -> str:
        origin = d.get("origin", {}).get(key, "")
        return f"<td>{e(value or DASH)}<span class='qa-origin'>{e(origin)}</span></td>"

    def cleaned(d: dict) -> str:
        """Share of the text cleaning removed; cuts of more than a line are named under it."""
        cleaning = d.get("cleaning") or {}
        share = removed_share(cleaning)
        if share is None:
            return f"<td>{DASH}<span class='qa-origin'>not recorded</span></td>"
        cuts = cleaning.get("cuts") or []
        detail = "; ".join(f"cut {int(c.get('chars', 0)):,} chars: {c.get('reason', '')} (starts \"{c.get('preview', '')}\")"
                           for c in cuts)
        note = f"{len(cuts)} cut{'s' if len(cuts) != 1 else ''} of more than a line" if cuts else \
            f"{int(cleaning.get('removed_lines', 0))} lines"
        return (f"<td title='{e(detail, quote=True)}'>removed {share * 100:.0f} %"
                f"<span class='qa-origin'>{e(note)}</span></td>")

    rows = []
    for d in docs:
        period = ""
        if d.get("period_start"):
            period = d["period_start"] + (f" to {d['period_end']}" if d.get("period_end") not in (None, d["period_start"]) else "")
        rows.append(
            f"<tr data-path='{e(d['path'], quote=True)}'>{cell(d, 'title', d.get('title'))}"
            f"{cell(d, 'doc_type', d.get('doc_type_label'))}{cell(d, 'date', d.get('date') or 'undated')}"
            f"{cell(d, 'publisher', d.get('publisher'))}"
            f"{cell(d, 'local_authorities', ', '.join(d.get('local_authorities') or []))}"
            f"{cell(d, 'period_start', period)}{cell(d, 'visit_number', str(d.get('visit_number') or ''))}"
            f"<td>{int(d.get('passages', 0))}</td>{cleaned(d)}<td>{e(d['path'])}</td></tr>")
    heads = "".join(f"<th scope='col'>{h}</th>" for h in
                    ("Title", "Type", "Date", "Publisher", "Authorities", "Period", "Visit", "Passages", "Cleaned", "File"))
    table = ("<table class='qa-doclist'><caption class='qa-sr-only'>Documents in the corpus</caption>"
             f"<thead><tr>{heads}</tr></thead>"
             f"<tbody>{''.join(rows)}</tbody></table>")
    note = (f"<div class='qa-filters'>{len(docs)} documents. Under each value: where it came from (manifest = "
            "set here or in manifest.json; front matter = the file's own; inferred = guessed from the text).</div>")
    skipped_html = "".join(f"<div class='qa-notice'>Not indexed: {e(str(s.file))}: {e(str(s.reason))}</div>"
                           for s in (skipped or []))
    table = f"<div class='qa-doclist-wrap' tabindex='0' role='region' aria-label='Documents in the corpus'>{table}</div>"
    return note + table + skipped_html


def implied_html(question: str, previous, overrides) -> str:
    try:
        implied = parse(question, previous).describe() if question.strip() else ""
    except Exception:  # noqa: BLE001 - a description must never break answering
        implied = ""
    parts = [f"<div class='qa-filters' id='qa-implied'>From the question: {e(implied or 'no filters')}</div>"]
    overrides = FilterOverrides.coerce(overrides)
    if overrides:
        shown = []
        if overrides.year_from or overrides.year_to:
            shown.append(f"years {overrides.year_from or '...'} to {overrides.year_to or '...'}")
        if overrides.doc_types:
            shown.append("types: " + ", ".join(DOC_TYPE_LABELS.get(t, t) for t in overrides.doc_types))
        if overrides.authorities:
            shown.append("authorities: " + ", ".join(overrides.authorities))
        if overrides.ignore_question_filters:
            shown.append("question's time and place ignored")
        parts.append(f"<div class='qa-filters'>Your overrides: {e('; '.join(shown))}</div>")
    return "".join(parts)
