"""The page's tabs, one module each: ask.py (the question, the answer's passages, the filters, the document
viewer), briefing.py (the collected excerpts and their export) and documents.py (upload, list, edit, delete);
actions.py answers the buttons inside the rendered HTML (cards, trails, briefing items, the viewer's Close).

Each module has build(), the tab's layout, which returns its components; wire(), which connects their events; and
the handlers, small functions (or methods of a small class holding the assistant, so Gradio still sees each
handler's own name and parameters).
"""
from __future__ import annotations

from dataclasses import dataclass

import gradio as gr


@dataclass
class Shared:
    """Session state and the hidden controls every tab uses."""

    previous: gr.State  # the last question's parsed query, for follow-up questions
    passages: gr.State  # every passage shown in this session, by key, for Open and Add to briefing
    briefing: gr.State  # the briefing's items (qa/web/briefing.py)
    action: gr.Textbox  # a click on a button inside the HTML, as JSON, written by static/app.js ...
    action_go: gr.Button  # ... which then clicks this

    @classmethod
    def create(cls) -> Shared:
        return cls(previous=gr.State(None), passages=gr.State({}), briefing=gr.State([]),
                   action=gr.Textbox(visible="hidden", elem_id="qa-action"),
                   action_go=gr.Button("action", visible="hidden", elem_id="qa-action-go"))
