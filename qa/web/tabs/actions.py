"""The buttons inside the rendered HTML: a card's Open and Add to briefing, a trail's Add all, a briefing item's
Move up / Move down / Remove, and the viewer's Close.

static/app.js sends each click as JSON ({"action", "key", "index"}) through a hidden textbox and button
(Shared.action, Shared.action_go); Actions.on_action answers with the viewer, the briefing and its count, and a
message the live region reads out.
"""
from __future__ import annotations

import json

import gradio as gr

from qa.retrieval.assistant import Assistant
from qa.web import briefing
from qa.web.render import EMPTY_VIEWER, briefing_count_html, briefing_html, viewer_html
from qa.web.tabs import Shared


def _excerpts(n: int) -> str:
    return f"{n} excerpt{'s' if n != 1 else ''}"


def parse(payload: str | None) -> tuple[str | None, str, int]:
    """(action, key, index) from the page's JSON; anything malformed is no action, or index -1."""
    try:
        req = json.loads(payload or "{}")
    except json.JSONDecodeError:
        req = {}
    try:
        index = int(req.get("index", -1))
    except (TypeError, ValueError):
        index = -1
    return req.get("action"), str(req.get("key", "")), index


def add(items: list[dict], passage: dict) -> tuple[list[dict], str]:
    items, added = briefing.add(items, briefing.item_from_passage(passage))
    return items, f"Added to the briefing: {_excerpts(len(items))}." if added else "Already in the briefing."


def add_all(items: list[dict], keys: str, known: dict) -> tuple[list[dict], str]:
    """A trail's points (their keys one a line), in the order shown."""
    found = [known[k] for k in keys.split("\n") if k in known]
    for passage in found:
        items, _ = briefing.add(items, briefing.item_from_passage(passage))
    return items, f"Added {len(found)} excerpts to the briefing, in date order."


def move(items: list[dict], index: int, kind: str) -> tuple[list[dict], str]:
    up = kind == "up"
    moved = briefing.move(items, index, -1 if up else 1)
    if not 0 <= index < len(moved):
        return moved, ""
    if moved == items:
        return moved, f"Already {'first' if up else 'last'}."
    to = index - 1 if up else index + 1
    return moved, f"Moved to position {to + 1} of {len(moved)}."


def remove(items: list[dict], index: int) -> tuple[list[dict], str]:
    kept = briefing.remove(items, index)
    return kept, f"Removed. {_excerpts(len(kept))} left." if len(kept) < len(items) else ""


class Actions:
    def __init__(self, assistant: Assistant):
        self.assistant = assistant

    def on_action(self, payload, known, items):
        """(viewer, briefing items, briefing list, briefing count) after one click."""
        kind, key, index = parse(payload)
        known, items = known or {}, list(items or [])
        passage = known.get(key)
        viewer, message = gr.update(), ""
        if kind == "close-viewer":
            viewer = EMPTY_VIEWER
        elif kind == "open" and passage:
            viewer = viewer_html(self.assistant.index.documents.get(passage["doc_id"]), passage)
        elif kind == "add" and passage:
            items, message = add(items, passage)
        elif kind == "add-all":
            items, message = add_all(items, key, known)
        elif kind in ("up", "down"):
            items, message = move(items, index, kind)
        elif kind == "remove":
            items, message = remove(items, index)
        elif kind in ("open", "add"):
            gr.Warning("That passage is no longer available; ask again.")
        return viewer, items, briefing_html(items), briefing_count_html(items, message)


def wire(shared: Shared, viewer: gr.HTML, briefing_list: gr.HTML, briefing_count: gr.HTML,
         assistant: Assistant) -> None:
    shared.action_go.click(Actions(assistant).on_action, [shared.action, shared.passages, shared.briefing],
                           [viewer, shared.briefing, briefing_list, briefing_count], show_progress="hidden")
