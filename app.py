"""Web app over the qa package: ask, read cited passages, open them in their document, collect a briefing,
manage the documents.

    python app.py [--port 7860] [--host 127.0.0.1]

A thin layer: corpus changes live in qa/corpus.py, briefing export in qa/briefing.py, login rules in qa/auth.py.
All document text and user input is HTML-escaped before it reaches the page. Serving on anything but loopback
needs credentials from the environment (see qa/auth.py).
"""
from __future__ import annotations

import argparse
import html
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import gradio as gr

from qa.web import briefing, corpus
from qa.answers.cite import long_date
from qa.answers.contract import answer_to_dict
from qa.web.auth import AuthError, file_warning, resolve_auth
from qa.cli import ProgressPrinter
from qa.config import load_settings
from qa.retrieval.question import parse
from qa.retrieval.assistant import Assistant
from qa.datatypes import DOC_TYPE_LABELS, DOC_TYPES

EXAMPLES = [
    "What did inspectors say about supervision in 2018?",
    "What did the first monitoring visit find about thresholds in the MASH?",
    "When was Barnet judged inadequate?",
]
EMPTY_CARDS = "<div class='qa-cards'><div class='qa-empty'>Ask a question to see the passages that answer it.</div></div>"
EMPTY_VIEWER = ""
DASH = "\u2014"
ANY = "any"
YEARS = [ANY] + [str(y) for y in range(time.localtime().tm_year, 1999, -1)]
e = html.escape

CSS = """
/* Colours pass WCAG AA (4.5:1 text, 3:1 UI) in Gradio's light theme and, via body.dark, its dark theme. */
:root { --qa-focus: #1d4ed8; --qa-badge-bg: #dde7f5; --qa-badge-fg: #1d3b6b; --qa-ofsted-bg: #e3f1e1; --qa-ofsted-fg: #1f5c1a;
        --qa-news-bg: #f6ead9; --qa-news-fg: #6b4210; --qa-undated-bg: #ececec; --qa-undated-fg: #474747;
        --qa-mark-bg: #fff2a8; --qa-mark-fg: #1f1f1f; --qa-target-bg: #ffe066; --qa-target-line: #8a6a00;
        --qa-notice-bg: #fff4e5; --qa-notice-fg: #6b4210; --qa-ok-bg: #e3f1e1; --qa-ok-fg: #1f5c1a; --qa-rule: #6b7fa3; }
.dark { --qa-focus: #93c5fd; --qa-badge-bg: #1d3b6b; --qa-badge-fg: #e3ecfa; --qa-ofsted-bg: #1f4d1b; --qa-ofsted-fg: #e3f5e0;
        --qa-news-bg: #5c3a10; --qa-news-fg: #fbeedc; --qa-undated-bg: #3f3f46; --qa-undated-fg: #f4f4f5;
        --qa-mark-bg: #6b5600; --qa-mark-fg: #ffffff; --qa-target-bg: #7a5200; --qa-target-line: #ffd23f;
        --qa-notice-bg: #4a2f0b; --qa-notice-fg: #fdebd3; --qa-ok-bg: #1f4d1b; --qa-ok-fg: #e3f5e0; --qa-rule: #8aa0c4; }
.qa-sr-only { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
              clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.qa-cards { display: flex; flex-direction: column; gap: 12px; }
.qa-empty { color: var(--body-text-color-subdued); padding: 8px 0; }
.qa-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 12px 14px; background: var(--background-fill-secondary); }
.qa-card .qa-meta, .qa-viewer .qa-meta { font-size: 0.9em; color: var(--body-text-color-subdued); margin-bottom: 6px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.qa-title { color: var(--body-text-color); }
.qa-badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.85em; font-weight: 600; background: var(--qa-badge-bg); color: var(--qa-badge-fg); }
.qa-badge.ofsted_letter, .qa-badge.ofsted_report { background: var(--qa-ofsted-bg); color: var(--qa-ofsted-fg); }
.qa-badge.news_article { background: var(--qa-news-bg); color: var(--qa-news-fg); }
.qa-badge.undated { background: var(--qa-undated-bg); color: var(--qa-undated-fg); }
.qa-excerpt { white-space: pre-wrap; line-height: 1.5; margin: 6px 0; overflow-wrap: anywhere; }
.qa-excerpt mark, .qa-doc mark { background: var(--qa-mark-bg); color: var(--qa-mark-fg); padding: 0 1px; }
.qa-doc mark.qa-target { background: var(--qa-target-bg); color: var(--qa-mark-fg); outline: 2px solid var(--qa-target-line); }
.qa-citation { font-size: 0.85em; font-style: italic; margin-top: 4px; overflow-wrap: anywhere; }
.qa-actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.qa-actions button, .qa-bitem button { padding: 4px 10px; min-height: 28px; border-radius: 6px; border: 1px solid var(--qa-rule); background: var(--background-fill-primary); color: var(--body-text-color); cursor: pointer; font-size: 0.9em; }
.qa-actions button:hover, .qa-bitem button:hover { border-color: var(--qa-focus); }
.gradio-container button:focus-visible, .gradio-container a:focus-visible, .gradio-container [tabindex]:focus-visible,
.qa-actions button:focus-visible, .qa-bitem button:focus-visible, .qa-doc:focus-visible { outline: 3px solid var(--qa-focus) !important; outline-offset: 2px; }
.qa-notice { padding: 8px 12px; border-radius: 6px; background: var(--qa-notice-bg); color: var(--qa-notice-fg); margin-bottom: 8px; }
.qa-ok { padding: 8px 12px; border-radius: 6px; background: var(--qa-ok-bg); color: var(--qa-ok-fg); margin-bottom: 8px; }
.qa-filters { font-size: 0.9em; margin-bottom: 8px; }
.qa-busy { display: flex; align-items: center; gap: 8px; color: var(--body-text-color-subdued); }
.qa-spinner { width: 14px; height: 14px; border: 2px solid var(--qa-rule); border-top-color: var(--qa-focus); border-radius: 50%; animation: qa-spin 0.8s linear infinite; }
@keyframes qa-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .qa-spinner { animation-duration: 3s; } }
.qa-viewer { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 12px 14px; }
.qa-viewer h3 { margin: 0 0 4px 0; overflow-wrap: anywhere; }
.qa-doc { white-space: pre-wrap; line-height: 1.5; max-height: 60vh; overflow-y: auto; overflow-wrap: anywhere; padding-right: 6px; }
.qa-blist { list-style: none; padding: 0; margin: 0; }
.qa-bitem { border-left: 4px solid var(--qa-rule); padding: 6px 10px; margin-bottom: 10px; }
.qa-doclist-wrap { overflow-x: auto; }
.qa-doclist { width: 100%; border-collapse: collapse; font-size: 0.9em; }
.qa-doclist th, .qa-doclist td { border-bottom: 1px solid var(--border-color-primary); padding: 4px 6px; text-align: left; vertical-align: top; }
.qa-doclist td { overflow-wrap: anywhere; }
.qa-origin { display: block; font-size: 0.8em; color: var(--body-text-color-subdued); }
.qa-examples { display: flex; flex-wrap: wrap; gap: 6px; }
.qa-timeline { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; }
.qa-tl-point, .qa-tl-gap { display: grid; grid-template-columns: 8.5em 1fr; gap: 10px; }
.qa-tl-date { font-weight: 600; border-right: 3px solid var(--qa-rule); padding-right: 8px; text-align: right; }
.qa-tl-date small { display: block; font-weight: 400; }
.qa-tl-gap .qa-tl-date { border-right-style: dashed; font-weight: 400; }
.qa-tl-gapnote { border: 1px dashed var(--border-color-primary); border-radius: 8px; padding: 8px 12px; }
.qa-compare { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 12px; }
.qa-compare-block h4, .qa-tl-head { margin: 4px 0 8px 0; }
.qa-compare .qa-tl-point { grid-template-columns: 1fr; gap: 4px; }
.qa-compare .qa-tl-date { border-right: none; border-bottom: 3px solid var(--qa-rule); text-align: left; padding: 0 0 4px 0; }
@media (max-width: 640px) {
  .qa-tl-point, .qa-tl-gap { grid-template-columns: 1fr; }
  .qa-tl-date { border-right: none; border-bottom: 3px solid var(--qa-rule); text-align: left; }
}
#qa-upload .icon-button { min-width: 24px; min-height: 24px; }
#qa-upload .icon-button .upload-container { min-width: 20px; min-height: 20px; }
.qa-examples button { white-space: normal; text-align: left; }
@media (max-width: 640px) {
  .qa-card { padding: 8px; }
  .qa-doc { max-height: 50vh; }
  #qa-chat { height: 300px !important; }
}
"""


def make_theme() -> gr.themes.Base:
    """Gradio's default theme with the colours that fail WCAG AA contrast replaced, in light and dark: subdued text
    and placeholders (neutral-400 on white is 1.9:1), white on the orange primary button (2.8:1) and the orange
    accent used for focus rings and ticked boxes."""
    return gr.themes.Default().set(
        body_text_color_subdued="*neutral_600", body_text_color_subdued_dark="*neutral_300",
        input_placeholder_color="*neutral_500", input_placeholder_color_dark="*neutral_400",
        block_label_text_color="*neutral_600", block_label_text_color_dark="*neutral_200",
        block_title_text_color="*neutral_700", block_title_text_color_dark="*neutral_200",
        button_primary_background_fill="*primary_700", button_primary_background_fill_dark="*primary_700",
        button_primary_background_fill_hover="*primary_800", button_primary_background_fill_hover_dark="*primary_800",
        button_primary_text_color="white", button_primary_text_color_dark="white",
        button_cancel_background_fill="#b91c1c", button_cancel_background_fill_dark="#b91c1c",
        button_cancel_background_fill_hover="#991b1b", button_cancel_background_fill_hover_dark="#991b1b",
        button_cancel_text_color="white", button_cancel_text_color_dark="white",
        color_accent="*primary_700", color_accent_soft="*primary_50", color_accent_soft_dark="*neutral_700",
    )


# One delegated click handler serves every card and briefing button. Copy happens in the browser;
# other actions are sent to the server through a hidden textbox and button.
# Accessibility: one polite live region (#qa-live, made once, outside Gradio's re-rendered components) announces
# every element rendered with a data-announce attribute (answer ready, briefing changes, upload results), copies and
# indexing progress. Focus moves into the document viewer when it opens and back to the card's Open button when it
# closes (Close or Escape), and stays on the moved excerpt's button when the briefing is reordered. Two Gradio
# widgets are patched as they appear: the toast header (role=button around a Close button: nested-interactive) and
# the upload area (an aria-label that differs from its visible text: label-content-name-mismatch).
HEAD = """
<script>
(() => {
  let live = null, lastProgress = '', lastProgressAt = 0, pendingFocus = null;
  const seen = new Set();  // data-nonce values already handled: Gradio updates HTML in place, so elements persist
  window.__qaAnnounced = [];
  function qaAnnounce(text) {
    text = (text || '').replace(/\\s+/g, ' ').trim();
    if (!text || !live) return;
    window.__qaAnnounced.push(text);
    live.textContent = '';
    setTimeout(() => { live.textContent = text; }, 100);
  }
  window.qaAnnounce = qaAnnounce;
  async function qaCopy(button, text) {
    try { await navigator.clipboard.writeText(text); }
    catch (err) {
      const area = document.createElement('textarea'); area.value = text; document.body.appendChild(area);
      area.select(); try { document.execCommand('copy'); } catch (e2) {} area.remove();
    }
    window.__qaLastCopied = text;
    const label = button.textContent; button.textContent = 'Copied';
    qaAnnounce(button.classList.contains('qa-copy-md') ? 'Copied as Markdown.' : 'Copied the excerpt and its citation.');
    setTimeout(() => { button.textContent = label; }, 1500);
  }
  function qaSend(payload) {
    const box = document.querySelector('#qa-action textarea, #qa-action input');
    const go = document.getElementById('qa-action-go');
    if (!box || !go) return;
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), 'value').set;
    setter.call(box, JSON.stringify(Object.assign({nonce: Date.now() + Math.random()}, payload)));
    box.dispatchEvent(new Event('input', {bubbles: true}));
    setTimeout(() => go.click(), 50);
  }
  window.qaSend = qaSend;
  function closeViewer() {
    qaSend({action: 'close-viewer', key: '', index: -1});
    const key = window.__qaOpener;
    const opener = key && Array.from(document.querySelectorAll('#qa-passages .qa-open'))
      .find((b) => b.getAttribute('data-key') === key);
    if (opener) opener.focus();
    qaAnnounce('Document closed.');
  }
  document.addEventListener('click', (event) => {
    const copy = event.target.closest('[data-copy]');
    if (copy) { qaCopy(copy, copy.getAttribute('data-copy')); return; }
    const act = event.target.closest('[data-action]');
    if (!act) return;
    event.preventDefault();
    const action = act.getAttribute('data-action');
    const index = parseInt(act.getAttribute('data-index') || '-1', 10);
    if (action === 'close-viewer') { closeViewer(); return; }
    if (action === 'open') window.__qaOpener = act.getAttribute('data-key');
    if (action === 'up' || action === 'down' || action === 'remove') {
      const n = document.querySelectorAll('#qa-briefing .qa-bitem').length;
      const to = action === 'up' ? Math.max(index - 1, 0) : action === 'down' ? Math.min(index + 1, n - 1)
               : Math.min(index, n - 2);
      pendingFocus = {action: action === 'remove' ? 'remove' : action, index: to};
    }
    qaSend({action, key: act.getAttribute('data-key') || '', index});
    if (act.hasAttribute('data-done')) {
      const label = act.textContent; act.textContent = act.getAttribute('data-done');
      setTimeout(() => { act.textContent = label; }, 1500);
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const viewer = document.querySelector('#qa-viewer .qa-viewer');
    if (viewer && viewer.contains(document.activeElement)) { event.preventDefault(); closeViewer(); }
  });
  function scan() {
    document.querySelectorAll('[data-announce][data-nonce]').forEach((el) => {
      const nonce = el.getAttribute('data-nonce');
      if (seen.has(nonce)) return;
      seen.add(nonce);
      qaAnnounce(el.getAttribute('data-announce') || el.textContent);
    });
    const list = document.querySelector('#qa-briefing .qa-blist, #qa-briefing .qa-empty');
    const listNonce = list && list.getAttribute('data-nonce');
    if (listNonce && !seen.has(listNonce)) {
      seen.add(listNonce);
      if (pendingFocus) {
        const want = pendingFocus; pendingFocus = null;
        const target = document.querySelector(`#qa-briefing [data-action="${want.action}"][data-index="${want.index}"]`)
          || document.querySelector('#qa-briefing [data-action="remove"]')
          || document.querySelector('#qa-briefing-title input, #qa-briefing-title textarea');
        if (target) target.focus();
      }
    }
    // Indexing progress (Gradio's progress bar text, "Indexing: embedding passages - 40.0%"): each new stage at
    // once, the percentage at most every 5 s.
    const progress = Array.from(document.querySelectorAll('#qa-tab-docs .progress-level-inner'))
      .map((el) => el.textContent.trim()).filter(Boolean)[0];
    if (progress) {
      const stage = progress.replace(/[\\s\\-]*[\\d.]+%$/, ''), now = Date.now();
      if (stage !== lastProgress || now - lastProgressAt > 5000) {
        lastProgress = stage; lastProgressAt = now;
        qaAnnounce(progress);
      }
    }
    document.querySelectorAll('.toast-header[role="button"]').forEach((el) => {
      el.removeAttribute('role'); el.removeAttribute('tabindex');
    });
    document.querySelectorAll('button.upload-container[aria-label]:not(.icon-mode)').forEach((el) => {
      if (el.innerText.trim()) el.removeAttribute('aria-label');  // the visible text names it
    });
    // Once files are chosen, Gradio's "add more files" is a button inside a button, named by an untranslated key.
    // Name the outer button, disable the inner one (out of the accessibility tree's focus order, clicks pass
    // through it) and let the outer one open the file picker.
    document.querySelectorAll('button.icon-button[aria-label="common.upload"]').forEach((outer) => {
      outer.setAttribute('aria-label', 'Add more files'); outer.setAttribute('title', 'Add more files');
      const inner = outer.querySelector('button.upload-container');
      if (inner && !inner.disabled) { inner.disabled = true; inner.style.pointerEvents = 'none'; }
      if (!outer.__qaClick) {
        outer.__qaClick = true;
        outer.addEventListener('click', (ev) => {
          const input = outer.querySelector('input[type=file]');
          if (!input || ev.target === input) return;
          input.value = ''; input.click();
        });
      }
    });
    document.querySelectorAll('.empty[aria-label]:not([role])').forEach((el) => el.setAttribute('role', 'img'));
  }
  function init() {
    if (live) return;
    live = document.createElement('div');
    live.id = 'qa-live'; live.className = 'qa-sr-only';
    live.setAttribute('role', 'status'); live.setAttribute('aria-live', 'polite'); live.setAttribute('aria-atomic', 'true');
    document.body.appendChild(live);
    let queued = false;
    new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; scan(); });
    }).observe(document.body, {childList: true, subtree: true, characterData: true});
    scan();
  }
  if (document.body) init(); else document.addEventListener('DOMContentLoaded', init);
})();
</script>
"""

# Runs when the viewer's value changes: focus moves into the opened document (its scrollable text, labelled by the
# title) and the cited passage is scrolled into view.
VIEWER_JS = """
const go = () => {
  const doc = element.querySelector('.qa-doc');
  if (doc && element.getAttribute('data-qa-focused') !== doc.getAttribute('data-open-id')) {
    element.setAttribute('data-qa-focused', doc.getAttribute('data-open-id'));
    doc.focus({preventScroll: true});
  }
  const mark = element.querySelector('mark.qa-target');
  if (mark) { mark.scrollIntoView({block: 'center'}); window.__qaViewerScrolled = mark.id; }
};
watch('value', () => setTimeout(go, 30));
setTimeout(go, 30);
"""


# ---------------------------------------------------------------- rendering (pure functions, escaped)


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
    """The assistant's chat message: plain text (Gradio renders it as Markdown, so escape it)."""
    if data["abstained"]:
        return data.get("message") or "Nothing in the documents answers this."
    return data.get("answer") or "See the passages."


def escape_markdown(text: str) -> str:
    text = html.escape(text)
    return "".join("\\" + ch if ch in "\\`*_{}[]()#+!|~>" else ch for ch in text)


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
    from qa.documents.ingest import removed_share

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


# ---------------------------------------------------------------- the app


def ask_data(assistant: Assistant, message: str, previous=None, overrides: dict | None = None) -> tuple[dict, object]:
    ans = assistant.ask(message, previous=previous, overrides=overrides or None)
    data = answer_to_dict(ans)
    return data, ans.query or previous


def make_overrides(year_from, year_to, doc_types, authorities, ignore) -> dict:
    out: dict = {}
    years = [int(y) if str(y or "").strip().isdigit() else None for y in (year_from, year_to)]
    if years[0] and years[1] and years[0] > years[1]:
        years = [years[1], years[0]]
    if years[0]:
        out["year_from"] = years[0]
    if years[1]:
        out["year_to"] = years[1]
    if doc_types:
        out["doc_types"] = list(doc_types)
    if authorities:
        out["authorities"] = list(authorities)
    if ignore:
        out["ignore_question_filters"] = True
    return out


def implied_html(question: str, previous, overrides: dict) -> str:
    try:
        implied = parse(question, previous).describe() if question.strip() else ""
    except Exception:  # noqa: BLE001 - a description must never break answering
        implied = ""
    parts = [f"<div class='qa-filters' id='qa-implied'>From the question: {e(implied or 'no filters')}</div>"]
    if overrides:
        shown = []
        if overrides.get("year_from") or overrides.get("year_to"):
            shown.append(f"years {overrides.get('year_from') or '...'} to {overrides.get('year_to') or '...'}")
        if overrides.get("doc_types"):
            shown.append("types: " + ", ".join(DOC_TYPE_LABELS.get(t, t) for t in overrides["doc_types"]))
        if overrides.get("authorities"):
            shown.append("authorities: " + ", ".join(overrides["authorities"]))
        if overrides.get("ignore_question_filters"):
            shown.append("question's time and place ignored")
        parts.append(f"<div class='qa-filters'>Your overrides: {e('; '.join(shown))}</div>")
    return "".join(parts)


def authority_choices(assistant: Assistant) -> list[str]:
    return sorted({a for d in assistant.index.documents.values() for a in d.local_authorities})


def doc_choices(assistant: Assistant) -> list[tuple[str, str]]:
    return [(f"{d['title']} ({d['path']})", d["path"]) for d in corpus.document_rows(assistant)]


def build_ui(assistant: Assistant) -> gr.Blocks:
    settings = assistant.settings
    export_root = Path(tempfile.gettempdir()) / "qa-exports"
    type_choices = [(DOC_TYPE_LABELS[t], t) for t in DOC_TYPES]

    with gr.Blocks(title="Inspection evidence finder") as demo:
        gr.Markdown("## Inspection evidence finder\nAsk about the inspection documents; every answer is quoted "
                    "from them with a citation you can paste into a briefing.")
        previous = gr.State(None)
        passages_state = gr.State({})
        briefing_state = gr.State([])
        action = gr.Textbox(visible="hidden", elem_id="qa-action")
        action_go = gr.Button("action", visible="hidden", elem_id="qa-action-go")

        with gr.Tabs(elem_id="qa-tabs") as tabs:
            with gr.Tab("Ask", id="ask", elem_id="qa-tab-ask"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=5, min_width=320):
                        chat = gr.Chatbot(label="Conversation", height=420, elem_id="qa-chat",
                                          buttons=["copy", "copy_all"])  # no "share": its icon button has no name
                        question = gr.Textbox(label="Question", elem_id="qa-question", max_lines=4,
                                              placeholder="e.g. What did inspectors say about supervision in 2018?")
                        with gr.Row():
                            ask = gr.Button("Ask", variant="primary", elem_id="qa-ask")
                            clear = gr.Button("New conversation", elem_id="qa-clear")
                        status = gr.HTML("", elem_id="qa-status", js_on_load=None)
                        gr.Markdown("**Try:**")
                        with gr.Row(elem_classes="qa-examples"):
                            example_buttons = [gr.Button(q, size="sm", elem_classes="qa-example") for q in EXAMPLES]
                        with gr.Accordion("Filters", open=False, elem_id="qa-filter-panel"):
                            implied = gr.HTML("<div class='qa-filters' id='qa-implied'>From the question: "
                                              "ask something first</div>", js_on_load=None, elem_id="qa-filter-state")
                            with gr.Row():
                                year_from = gr.Dropdown(YEARS, value=ANY, label="From year", elem_id="qa-year-from")
                                year_to = gr.Dropdown(YEARS, value=ANY, label="To year", elem_id="qa-year-to")
                            doc_types = gr.CheckboxGroup(type_choices, label="Document types (none ticked = all)",
                                                         elem_id="qa-doc-types")
                            authorities = gr.Dropdown(authority_choices(assistant), multiselect=True,
                                                      label="Local authorities", elem_id="qa-authorities")
                            ignore = gr.Checkbox(label="Ignore the time, place and visit the question implies",
                                                 elem_id="qa-ignore")
                            reset = gr.Button("Clear filters", size="sm")
                    with gr.Column(scale=6, min_width=320):
                        briefing_count = gr.HTML(briefing_count_html([]), js_on_load=None)
                        cards = gr.HTML(EMPTY_CARDS, elem_id="qa-passages", js_on_load=None)
                        viewer = gr.HTML(EMPTY_VIEWER, elem_id="qa-viewer", js_on_load=VIEWER_JS)
            with gr.Tab("Briefing", id="briefing", elem_id="qa-tab-briefing"):
                brief_list = gr.HTML(briefing_html([]), elem_id="qa-briefing", js_on_load=None)
                brief_title = gr.Textbox(label="Briefing title", value="Briefing", max_lines=1,
                                         elem_id="qa-briefing-title")
                with gr.Row():
                    export_md = gr.Button("Export Markdown", elem_id="qa-export-md")
                    export_docx = gr.Button("Export Word (.docx)", elem_id="qa-export-docx")
                    brief_clear = gr.Button("Empty the briefing")
                export_file = gr.File(label="Download", elem_id="qa-export-file", interactive=False,
                                      visible=False)  # shown once there is a file (an empty File is unnamed)
                export_preview = gr.Textbox(label="Markdown (select and copy, or download above)", lines=8,
                                            interactive=True, elem_id="qa-export-preview")
            with gr.Tab("Documents", id="documents", elem_id="qa-tab-docs"):
                gr.Markdown(f"Add documents (PDF, Word .docx, HTML, text or Markdown; up to {settings.max_file_mb:g} MB "
                            "each). They are checked, then indexed; they can be searched as soon as indexing ends.")
                uploads = gr.File(label="Files to add", file_count="multiple", elem_id="qa-upload", height=170)
                upload_go = gr.Button("Add to the corpus", variant="primary", elem_id="qa-upload-go")
                upload_status = gr.HTML("", elem_id="qa-upload-status", js_on_load=None)
                doc_list = gr.HTML(documents_html(corpus.document_rows(assistant),
                                                  assistant.last_build.skipped if assistant.last_build else []),
                                   elem_id="qa-doc-list", js_on_load=None)
                with gr.Accordion("Edit or delete a document", open=False, elem_id="qa-edit-panel"):
                    doc_pick = gr.Dropdown(doc_choices(assistant), label="Document", elem_id="qa-doc-pick")
                    gr.Markdown("Empty a field to go back to the file's own or inferred value.")
                    with gr.Row():
                        f_title = gr.Textbox(label="Title", elem_id="qa-edit-title")
                        f_type = gr.Dropdown(type_choices, label="Type")
                        f_date = gr.Textbox(label="Date (YYYY-MM-DD)")
                    with gr.Row():
                        f_publisher = gr.Textbox(label="Publisher")
                        f_las = gr.Textbox(label="Local authorities (comma-separated)")
                        f_visit = gr.Textbox(label="Monitoring visit number")
                    with gr.Row():
                        f_pstart = gr.Textbox(label="Period start")
                        f_pend = gr.Textbox(label="Period end")
                        f_source = gr.Textbox(label="Source")
                    with gr.Row():
                        save = gr.Button("Save metadata", variant="primary", elem_id="qa-edit-save")
                        delete = gr.Button("Delete document", variant="stop", elem_id="qa-edit-delete")
                    edit_status = gr.HTML("", elem_id="qa-edit-status", js_on_load=None)
        fields = [f_title, f_type, f_date, f_publisher, f_las, f_visit, f_pstart, f_pend, f_source]
        field_names = ["title", "doc_type", "date", "publisher", "local_authorities", "visit_number",
                       "period_start", "period_end", "source"]

        # ------------------------------------------------ asking
        filter_inputs = [year_from, year_to, doc_types, authorities, ignore]
        ask_outputs = [chat, cards, previous, question, passages_state, implied, status, ask]

        def respond(message, history, prev, known, y1, y2, types, las, ign):
            message = message or ""
            history = list(history or [])
            if not message.strip():
                yield (history, gr.update(), prev, message, known, gr.update(),
                       f"<div class='qa-notice' {announce()}>Please type a question.</div>", gr.update(interactive=True))
                return
            shown = history + [{"role": "user", "content": escape_markdown(message)}]
            yield shown, gr.update(), prev, "", known, gr.update(), busy_html(), gr.update(interactive=False)
            overrides = make_overrides(y1, y2, types, las, ign)
            try:
                data, query = ask_data(assistant, message, prev, overrides)
            except Exception as exc:  # noqa: BLE001 - show the failure, keep the app alive
                yield (history, gr.update(), prev, message, known, gr.update(),
                       f"<div class='qa-notice' {announce()}>Search failed: {e(str(exc))}</div>", gr.update(interactive=True))
                return
            shown.append({"role": "assistant", "content": escape_markdown(chat_reply(data))})
            known = dict(known or {})
            if len(known) > 300:
                known = {}
            for p in data["passages"] + data.get("related", []):
                known[passage_key(p)] = p
            yield (shown, results_html(data), query, "", known, implied_html(message, prev, overrides), "",
                   gr.update(interactive=True))

        ask.click(respond, [question, chat, previous, passages_state] + filter_inputs, ask_outputs,
                  show_progress="minimal")
        question.submit(respond, [question, chat, previous, passages_state] + filter_inputs, ask_outputs,
                        show_progress="minimal")
        for button, text in zip(example_buttons, EXAMPLES):
            button.click(lambda t=text: t, None, question, queue=False).then(
                respond, [question, chat, previous, passages_state] + filter_inputs, ask_outputs,
                show_progress="minimal")
        clear.click(lambda: ([], EMPTY_CARDS, None, {}, EMPTY_VIEWER, ""), None,
                    [chat, cards, previous, passages_state, viewer, status], queue=False)
        reset.click(lambda: (ANY, ANY, [], [], False), None, filter_inputs, queue=False)

        # ------------------------------------------------ card and briefing buttons
        def on_action(payload, known, items):
            try:
                req = json.loads(payload or "{}")
            except json.JSONDecodeError:
                req = {}
            kind, key = req.get("action"), str(req.get("key", ""))
            try:
                index = int(req.get("index", -1))
            except (TypeError, ValueError):
                index = -1
            items = list(items or [])
            viewer_out = gr.update()
            p = (known or {}).get(key)
            message = ""
            if kind == "close-viewer":
                viewer_out = EMPTY_VIEWER
            elif kind == "open" and p:
                doc = assistant.index.documents.get(p["doc_id"])
                viewer_out = viewer_html(doc, p)
            elif kind == "add" and p:
                items, added = briefing.add(items, briefing.item_from_passage(p))
                n = len(items)
                message = (f"Added to the briefing: {n} excerpt{'s' if n != 1 else ''}." if added
                           else "Already in the briefing.")
            elif kind == "add-all":  # a trail's points, in the order shown
                found = [known[k] for k in key.split("\n") if k in (known or {})]
                for passage in found:
                    items, _ = briefing.add(items, briefing.item_from_passage(passage))
                message = f"Added {len(found)} excerpts to the briefing, in date order."
            elif kind in ("up", "down"):
                before = items
                items = briefing.move(items, index, -1 if kind == "up" else 1)
                if 0 <= index < len(items):
                    to = index - 1 if kind == "up" else index + 1
                    message = (f"Moved to position {to + 1} of {len(items)}." if items != before
                               else f"Already {'first' if kind == 'up' else 'last'}.")
            elif kind == "remove":
                before = len(items)
                items = briefing.remove(items, index)
                if len(items) < before:
                    message = f"Removed. {len(items)} excerpt{'s' if len(items) != 1 else ''} left."
            elif kind in ("open", "add"):
                gr.Warning("That passage is no longer available; ask again.")
            return viewer_out, items, briefing_html(items), briefing_count_html(items, message)

        action_go.click(on_action, [action, passages_state, briefing_state],
                        [viewer, briefing_state, brief_list, briefing_count], show_progress="hidden")

        # ------------------------------------------------ briefing export
        def export(items, title, kind):
            items = list(items or [])
            if not items:
                gr.Warning("The briefing is empty: add excerpts from the answers first.")
                return gr.update(value=None, visible=False), ""
            folder = export_root / uuid.uuid4().hex
            folder.mkdir(parents=True, exist_ok=True)
            title = (title or "Briefing").strip()[:200] or "Briefing"
            markdown = briefing.to_markdown(items, title)
            if kind == "md":
                path = folder / "briefing.md"
                path.write_text(markdown, encoding="utf-8")
            else:
                path = briefing.to_docx(items, folder / "briefing.docx", title)
            gr.Info(f"Exported {path.name}: the download link is under the buttons.")
            return gr.update(value=str(path), visible=True), markdown

        export_md.click(lambda i, t: export(i, t, "md"), [briefing_state, brief_title], [export_file, export_preview])
        export_docx.click(lambda i, t: export(i, t, "docx"), [briefing_state, brief_title], [export_file, export_preview])
        brief_clear.click(lambda: ([], briefing_html([]), briefing_count_html([], "The briefing is empty."),
                                   gr.update(value=None, visible=False), ""), None,
                          [briefing_state, brief_list, briefing_count, export_file, export_preview], queue=False)

        # ------------------------------------------------ documents
        def listing():
            skipped = assistant.last_build.skipped if assistant.last_build else []
            return (documents_html(corpus.document_rows(assistant), skipped),
                    gr.update(choices=doc_choices(assistant)), gr.update(choices=authority_choices(assistant)))

        def reindex(progress):
            def report(stage, done, total):
                progress((done, max(total, 1)), desc=f"Indexing: {stage}")
            corpus.refresh(assistant, progress=report)

        def add_files(files, progress=gr.Progress()):
            files = files or []
            if not files:
                return (f"<div class='qa-notice' {announce()}>Choose one or more files first.</div>",) + listing() + (None,)
            accepted, refused = [], []
            for n, f in enumerate(files):
                src = Path(f if isinstance(f, str) else getattr(f, "name", str(f)))
                progress((n, len(files)), desc=f"Checking {src.name}")
                try:
                    accepted.append(corpus.add_upload(settings, src, src.name))
                except corpus.CorpusError as exc:
                    refused.append((src.name, str(exc)))
            if accepted:
                try:
                    reindex(progress)
                except corpus.CorpusError as exc:
                    refused.append(("index", str(exc)))
            parts = [f"<div class='qa-ok'>Added and indexed: {e(name)}</div>" for name in accepted]
            skipped = {s.file: s.reason for s in (assistant.last_build.skipped if assistant.last_build else [])}
            parts += [f"<div class='qa-notice'>{e(name)} was added but not indexed: {e(skipped[name])}</div>"
                      for name in accepted if name in skipped]
            parts += [f"<div class='qa-notice'>Refused {e(name)}: {e(reason)}</div>" for name, reason in refused]
            return (f"<div {announce()}>{''.join(parts)}</div>",) + listing() + (None,)

        upload_go.click(add_files, [uploads], [upload_status, doc_list, doc_pick, authorities, uploads])

        def pick(rel):
            doc = next((d for d in corpus.document_rows(assistant) if d["path"] == rel), None)
            if doc is None:
                return [gr.update(value=None)] * len(fields)
            values = []
            for name in field_names:
                value = doc.get(name)
                if name == "local_authorities":
                    value = ", ".join(value or [])
                values.append("" if value is None else (value if name == "doc_type" else str(value)))
            return values

        doc_pick.change(pick, [doc_pick], fields, queue=False)

        def save_meta(rel, *values, progress=gr.Progress()):
            if not rel:
                return (f"<div class='qa-notice' {announce()}>Choose a document first.</div>",) + listing()
            current = next((d for d in corpus.document_rows(assistant) if d["path"] == rel), {})
            try:
                changes = corpus.metadata_changes(current, dict(zip(field_names, values)))
                if not changes:
                    return (f"<div class='qa-notice' {announce()}>Nothing changed.</div>",) + listing()
                corpus.update_metadata(settings, rel, changes)
                reindex(progress)
            except corpus.CorpusError as exc:
                return (f"<div class='qa-notice' {announce()}>Not saved: {e(str(exc))}</div>",) + listing()
            return (f"<div class='qa-ok' {announce()}>Saved {e(rel)}: {e(', '.join(sorted(changes)))}.</div>",) + listing()

        save.click(save_meta, [doc_pick] + fields, [edit_status, doc_list, doc_pick, authorities])

        def delete_doc(rel, progress=gr.Progress()):
            if not rel:  # none chosen, or the confirmation was cancelled
                return (f"<div class='qa-notice' {announce()}>Nothing deleted.</div>",) + listing()
            try:
                corpus.delete_document(settings, rel)
                reindex(progress)
            except corpus.CorpusError as exc:
                return (f"<div class='qa-notice' {announce()}>Not deleted: {e(str(exc))}</div>",) + listing()
            return (f"<div class='qa-ok' {announce()}>Deleted {e(rel)}.</div>",) + listing()

        delete.click(delete_doc, [doc_pick], [edit_status, doc_list, doc_pick, authorities],
                     js="(rel) => (rel && confirm('Delete ' + rel + ' from the corpus?')) ? rel : null")
        demo.load(listing, None, [doc_list, doc_pick, authorities])

        def api_ask(question: str) -> dict:
            """Programmatic access (gradio_client, load tests): the CLI's JSON answer for one question."""
            return ask_data(assistant, question or "")[0]

        gr.api(api_ask, api_name="ask")
    return demo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Serve the inspection evidence app. Binding to anything but loopback needs credentials in the "
                    "environment: QA_AUTH_USERNAME and QA_AUTH_PASSWORD, or QA_AUTH_FILE (user:password lines).")
    parser.add_argument("--port", type=int, default=int(os.environ.get("GRADIO_SERVER_PORT", "7860")))
    parser.add_argument("--host", default=os.environ.get("QA_HOST", "127.0.0.1"))
    args = parser.parse_args(argv)
    try:
        auth = resolve_auth(args.host)
    except AuthError as exc:
        print(f"app: {exc}", file=sys.stderr)
        return 2
    warning = file_warning()
    if warning:
        print(warning, file=sys.stderr)
    settings = load_settings()
    assistant = Assistant(settings, progress=ProgressPrinter())
    if assistant.dense_error:
        print(assistant.dense_error, file=sys.stderr)
    demo = build_ui(assistant)
    demo.queue(default_concurrency_limit=4).launch(
        server_name=args.host, server_port=args.port, css=CSS, head=HEAD, theme=make_theme(), show_error=True, auth=auth,
        max_file_size=f"{int(settings.max_file_mb * 1.05) + 1}mb", allowed_paths=[])
    return 0


if __name__ == "__main__":
    sys.exit(main())
