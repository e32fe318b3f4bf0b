"""The Ask tab: the conversation, the question box, example questions and the filter panel on the left; the
briefing count, the answer's passages and the document viewer on the right.

A question is answered in three steps (respond() yields each): the question appears in the conversation at once,
a busy note while the search runs, then the answer with its passages and the filters it applied.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import gradio as gr

from qa.answers.contract import answer_to_dict
from qa.datatypes import DOC_TYPE_LABELS, DOC_TYPES
from qa.retrieval.assistant import Assistant
from qa.retrieval.question import FilterOverrides
from qa.web.assets import VIEWER_JS
from qa.web.render import (EMPTY_CARDS, EMPTY_VIEWER, IMPLIED_EMPTY, briefing_count_html, busy_html, chat_markdown,
                           chat_reply, implied_html, passage_key, results_html, status_html)
from qa.web.tabs import Shared

EXAMPLES = [
    "What did inspectors say about supervision in 2018?",
    "What did the first monitoring visit find about thresholds in the MASH?",
    "When was Barnet judged inadequate?",
]
ANY = "any"
YEARS = [ANY] + [str(y) for y in range(time.localtime().tm_year, 1999, -1)]
TYPE_CHOICES = [(DOC_TYPE_LABELS[t], t) for t in DOC_TYPES]
KNOWN_PASSAGES_MAX = 300  # passages remembered for Open / Add to briefing; beyond this the memory starts again


def ask_data(assistant: Assistant, message: str, previous=None, overrides: FilterOverrides | None = None) -> tuple[dict, object]:
    ans = assistant.ask(message, previous=previous, overrides=overrides or None)
    data = answer_to_dict(ans)
    return data, ans.query or previous


def make_overrides(year_from, year_to, doc_types, authorities, ignore) -> FilterOverrides:
    years = [int(y) if str(y or "").strip().isdigit() else None for y in (year_from, year_to)]
    if years[0] and years[1] and years[0] > years[1]:
        years = [years[1], years[0]]
    return FilterOverrides(year_from=years[0], year_to=years[1], doc_types=tuple(doc_types or ()),
                           authorities=tuple(authorities or ()), ignore_question_filters=bool(ignore))


def authority_choices(assistant: Assistant) -> list[str]:
    return sorted({a for d in assistant.index.documents.values() for a in d.local_authorities})


# ---------------------------------------------------------------- layout


@dataclass
class AskTab:
    chat: gr.Chatbot
    question: gr.Textbox
    ask: gr.Button
    clear: gr.Button
    status: gr.HTML
    examples: list[gr.Button]
    implied: gr.HTML
    filters: list  # from year, to year, document types, authorities, ignore the question's own filters
    reset: gr.Button
    briefing_count: gr.HTML
    cards: gr.HTML
    viewer: gr.HTML

    @property
    def authorities(self) -> gr.Dropdown:  # its choices follow the corpus (documents.py)
        return self.filters[3]


def build(assistant: Assistant) -> AskTab:
    with gr.Tab("Ask", id="ask", elem_id="qa-tab-ask"):
        with gr.Row(equal_height=False):
            with gr.Column(scale=5, min_width=320):
                chat, question, ask, clear, status = _conversation()
                gr.Markdown("**Try:**")
                with gr.Row(elem_classes="qa-examples"):
                    examples = [gr.Button(q, size="sm", elem_classes="qa-example") for q in EXAMPLES]
                implied, filters, reset = _filter_panel(assistant)
            with gr.Column(scale=6, min_width=320):
                briefing_count = gr.HTML(briefing_count_html([]), js_on_load=None)
                cards = gr.HTML(EMPTY_CARDS, elem_id="qa-passages", js_on_load=None)
                viewer = gr.HTML(EMPTY_VIEWER, elem_id="qa-viewer", js_on_load=VIEWER_JS)
    return AskTab(chat, question, ask, clear, status, examples, implied, filters, reset, briefing_count, cards, viewer)


def _conversation() -> tuple:
    chat = gr.Chatbot(label="Conversation", height=420, elem_id="qa-chat",
                      buttons=["copy", "copy_all"])  # no "share": its icon button has no name
    question = gr.Textbox(label="Question", elem_id="qa-question", max_lines=4,
                          placeholder="e.g. What did inspectors say about supervision in 2018?")
    with gr.Row():
        ask = gr.Button("Ask", variant="primary", elem_id="qa-ask")
        clear = gr.Button("New conversation", elem_id="qa-clear")
    status = gr.HTML("", elem_id="qa-status", js_on_load=None)
    return chat, question, ask, clear, status


def _filter_panel(assistant: Assistant) -> tuple:
    with gr.Accordion("Filters", open=False, elem_id="qa-filter-panel"):
        implied = gr.HTML(IMPLIED_EMPTY, js_on_load=None, elem_id="qa-filter-state")
        with gr.Row():
            year_from = gr.Dropdown(YEARS, value=ANY, label="From year", elem_id="qa-year-from")
            year_to = gr.Dropdown(YEARS, value=ANY, label="To year", elem_id="qa-year-to")
        doc_types = gr.CheckboxGroup(TYPE_CHOICES, label="Document types (none ticked = all)", elem_id="qa-doc-types")
        authorities = gr.Dropdown(authority_choices(assistant), multiselect=True, label="Local authorities",
                                  elem_id="qa-authorities")
        ignore = gr.Checkbox(label="Ignore the time, place and visit the question implies", elem_id="qa-ignore")
        reset = gr.Button("Clear filters", size="sm")
    return implied, [year_from, year_to, doc_types, authorities, ignore], reset


# ---------------------------------------------------------------- events


def wire(tab: AskTab, shared: Shared, assistant: Assistant) -> None:
    respond = Answering(assistant).respond
    inputs = [tab.question, tab.chat, shared.previous, shared.passages] + tab.filters
    outputs = [tab.chat, tab.cards, shared.previous, tab.question, shared.passages, tab.implied, tab.status, tab.ask]
    tab.ask.click(respond, inputs, outputs, show_progress="minimal")
    tab.question.submit(respond, inputs, outputs, show_progress="minimal")
    for button, text in zip(tab.examples, EXAMPLES):
        button.click(lambda t=text: t, None, tab.question, queue=False).then(
            respond, inputs, outputs, show_progress="minimal")
    tab.clear.click(new_conversation, None, [tab.chat, tab.cards, shared.previous, shared.passages, tab.viewer,
                                             tab.status], queue=False)
    tab.reset.click(clear_filters, None, tab.filters, queue=False)


def new_conversation() -> tuple:
    return [], EMPTY_CARDS, None, {}, EMPTY_VIEWER, ""


def clear_filters() -> tuple:
    return ANY, ANY, [], [], False


def remember(known: dict | None, data: dict) -> dict:
    """The passages shown so far, by key, with this answer's added."""
    known = dict(known or {})
    if len(known) > KNOWN_PASSAGES_MAX:
        known = {}
    for p in data["passages"] + data.get("related", []):
        known[passage_key(p)] = p
    return known


class Answering:
    def __init__(self, assistant: Assistant):
        self.assistant = assistant

    def respond(self, message, history, prev, known, y1, y2, types, las, ign):
        """Yields (conversation, passages, previous query, question box, known passages, implied filters, status,
        Ask button) three times: the question shown, the search running, the answer."""
        message = message or ""
        history = list(history or [])
        if not message.strip():
            yield (history, gr.update(), prev, message, known, gr.update(), status_html("Please type a question."),
                   gr.update(interactive=True))
            return
        shown = history + [{"role": "user", "content": chat_markdown(message)}]
        yield shown, gr.update(), prev, "", known, gr.update(), busy_html(), gr.update(interactive=False)
        overrides = make_overrides(y1, y2, types, las, ign)
        try:
            data, query = ask_data(self.assistant, message, prev, overrides)
        except Exception as exc:  # noqa: BLE001 - show the failure, keep the app alive
            yield (history, gr.update(), prev, message, known, gr.update(), status_html(f"Search failed: {exc}"),
                   gr.update(interactive=True))
            return
        shown.append({"role": "assistant", "content": chat_markdown(chat_reply(data))})
        yield (shown, results_html(data), query, "", remember(known, data), implied_html(message, prev, overrides), "",
               gr.update(interactive=True))
