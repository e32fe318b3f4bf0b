"""Web chat over the qa package: ask a question, read cited passages, copy them with their citation.

    python app.py [--port 7860] [--host 127.0.0.1]

All document text and user input is HTML-escaped before it reaches the page.
"""
from __future__ import annotations

import argparse
import html
import os
import sys

import gradio as gr

from qa.answer import answer_to_dict
from qa.cli import ProgressPrinter
from qa.config import load_settings
from qa.search import Assistant

EXAMPLES = [
    "What did inspectors say about supervision in 2018?",
    "What did the first monitoring visit find about thresholds in the MASH?",
    "When was Barnet judged inadequate?",
]

CSS = """
.qa-cards { display: flex; flex-direction: column; gap: 12px; }
.qa-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 12px 14px; background: var(--background-fill-secondary); }
.qa-card .qa-meta { font-size: 0.85em; color: var(--body-text-color-subdued); margin-bottom: 6px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.qa-badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.8em; font-weight: 600; background: #dde7f5; color: #1d3b6b; }
.qa-badge.ofsted_letter, .qa-badge.ofsted_report { background: #e3f1e1; color: #1f5c1a; }
.qa-badge.news_article { background: #f6ead9; color: #6b4210; }
.qa-badge.undated { background: #eee; color: #555; }
.qa-excerpt { white-space: pre-wrap; line-height: 1.5; margin: 6px 0; }
.qa-excerpt mark { background: #fff2a8; color: inherit; padding: 0 1px; }
.qa-citation { font-size: 0.85em; font-style: italic; margin-top: 4px; }
.qa-card button { margin-top: 8px; margin-right: 6px; padding: 3px 10px; border-radius: 6px; border: 1px solid var(--border-color-primary); background: var(--background-fill-primary); cursor: pointer; }
.qa-notice { padding: 8px 12px; border-radius: 6px; background: #fff4e5; color: #6b4210; margin-bottom: 8px; }
.qa-filters { font-size: 0.9em; margin-bottom: 8px; }
@media (max-width: 640px) { .qa-card { padding: 8px; } }
"""

# Copy buttons carry their text in a data attribute; one delegated handler serves every card.
HEAD = """
<script>
document.addEventListener('click', async (event) => {
  const button = event.target.closest('[data-copy]');
  if (!button) return;
  const text = button.getAttribute('data-copy');
  try { await navigator.clipboard.writeText(text); }
  catch (e) {
    const area = document.createElement('textarea'); area.value = text; document.body.appendChild(area);
    area.select(); document.execCommand('copy'); area.remove();
  }
  window.__qaLastCopied = text;
  const label = button.textContent; button.textContent = 'Copied'; setTimeout(() => button.textContent = label, 1500);
});
</script>
"""


def highlighted(text: str, spans: list[list[int]]) -> str:
    """Escape the excerpt, wrapping the best-matching sentences in <mark>."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def copy_text(p: dict) -> str:
    return f"\u201c{' '.join(p['text'].split())}\u201d\n{p['citation']}"


def card_html(p: dict) -> str:
    e = html.escape
    meta = [f"<span class='qa-badge {e(p['doc_type'])}'>{e(p['doc_type_label'])}</span>",
            f"<strong>{e(p['title'])}</strong>",
            f"<span class='qa-badge undated'>undated</span>" if p["undated"] else f"<span>{e(p['date'])}</span>",
            f"<span>{e(p['location'])}</span>"]
    if p.get("period"):
        meta.append(f"<span>reports on {e(p['period'])}</span>")
    also = "".join(f"<div class='qa-citation'>also reported in: {e(o['title'])} ({e(o['location'])})</div>"
                   for o in p.get("also_reported_in", []))
    return (f"<div class='qa-card' data-rank='{p['rank']}'>"
            f"<div class='qa-meta'>[{p['rank']}] {' '.join(meta)}</div>"
            f"<div class='qa-excerpt'>{highlighted(p['text'], p.get('highlights', []))}</div>"
            f"<div class='qa-citation'>{e(p['citation'])}</div>{also}"
            f"<button class='qa-copy' data-copy=\"{e(copy_text(p), quote=True)}\">Copy</button>"
            f"</div>")


def cards_html(data: dict) -> str:
    e = html.escape
    parts = [f"<div class='qa-notice'>{e(n)}</div>" for n in data.get("notices", [])]
    if data.get("filters_description"):
        parts.append(f"<div class='qa-filters'>{e(data['filters_description'])}</div>")
    if data["abstained"]:
        parts.append(f"<div class='qa-notice'>{e(data.get('message') or 'Nothing in the documents answers this.')}</div>")
        if data.get("related"):
            parts.append("<div class='qa-filters'>Possibly related:</div>")
            parts.extend(card_html(p) for p in data["related"])
    else:
        parts.extend(card_html(p) for p in data["passages"])
    return f"<div class='qa-cards'>{''.join(parts)}</div>"


def chat_reply(data: dict) -> str:
    """The assistant's chat message: plain text (Gradio renders it as Markdown, so escape it)."""
    if data["abstained"]:
        return data.get("message") or "Nothing in the documents answers this."
    return data["answer"] or "See the passages."


def escape_markdown(text: str) -> str:
    text = html.escape(text)
    return "".join("\\" + ch if ch in "\\`*_{}[]()#+!|~>" else ch for ch in text)


def build_ui(assistant: Assistant) -> gr.Blocks:
    with gr.Blocks(title="Inspection evidence finder") as demo:
        gr.Markdown("## Inspection evidence finder\nAsk about the inspection documents; every answer is quoted "
                    "from them with a citation you can paste into a briefing.")
        previous = gr.State(None)
        with gr.Row():
            with gr.Column(scale=1, min_width=300):
                chat = gr.Chatbot(label="Conversation", height=420, elem_id="qa-chat")
                question = gr.Textbox(label="Question", placeholder="e.g. What did inspectors say about supervision in 2018?",
                                      elem_id="qa-question", max_lines=4)
                with gr.Row():
                    ask = gr.Button("Ask", variant="primary", elem_id="qa-ask")
                    clear = gr.Button("New conversation")
                gr.Examples(EXAMPLES, inputs=question)
            with gr.Column(scale=1, min_width=300):
                cards = gr.HTML("<div class='qa-cards'></div>", elem_id="qa-passages", label="Cited passages")

        def respond(message, history, prev):
            history = list(history or [])
            data, query = ask_data(assistant, message or "", prev)
            history.append({"role": "user", "content": escape_markdown(message or "")})
            history.append({"role": "assistant", "content": escape_markdown(chat_reply(data))})
            return history, cards_html(data), query, ""

        ask.click(respond, [question, chat, previous], [chat, cards, previous, question])
        question.submit(respond, [question, chat, previous], [chat, cards, previous, question])
        clear.click(lambda: ([], "<div class='qa-cards'></div>", None), None, [chat, cards, previous])
    return demo


def ask_data(assistant: Assistant, message: str, previous=None) -> tuple[dict, object]:
    ans = assistant.ask(message, previous=previous)
    data = answer_to_dict(ans)
    data["filters_description"] = getattr(ans, "filters_description", "")
    return data, getattr(ans, "query", previous)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the inspection evidence chat.")
    parser.add_argument("--port", type=int, default=int(os.environ.get("GRADIO_SERVER_PORT", "7860")))
    parser.add_argument("--host", default=os.environ.get("QA_HOST", "127.0.0.1"))
    args = parser.parse_args(argv)
    assistant = Assistant(load_settings(), progress=ProgressPrinter())
    if assistant.dense_error:
        print(assistant.dense_error, file=sys.stderr)
    demo = build_ui(assistant)
    demo.queue(default_concurrency_limit=4).launch(server_name=args.host, server_port=args.port, css=CSS, head=HEAD,
                                                   show_error=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
