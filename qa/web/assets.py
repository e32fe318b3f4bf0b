"""How the page looks and behaves in the browser: the stylesheet and scripts (files in static/, shipped as package
data) and the Gradio theme."""
from __future__ import annotations

from pathlib import Path

import gradio as gr

STATIC = Path(__file__).resolve().parent / "static"


def _read(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


# CSS (static/app.css): colours pass WCAG AA (4.5:1 text, 3:1 UI) in Gradio's light theme and, via .dark, its dark one.
CSS = "\n" + _read("app.css")

# HEAD (static/app.js). One delegated click handler serves every card and briefing button. Copy happens in the browser;
# other actions are sent to the server through a hidden textbox and button.
# Accessibility: one polite live region (#qa-live, made once, outside Gradio's re-rendered components) announces
# every element rendered with a data-announce attribute (answer ready, briefing changes, upload results), copies and
# indexing progress. Focus moves into the document viewer when it opens and back to the card's Open button when it
# closes (Close or Escape), and stays on the moved excerpt's button when the briefing is reordered. Two Gradio
# widgets are patched as they appear: the toast header (role=button around a Close button: nested-interactive) and
# the upload area (an aria-label that differs from its visible text: label-content-name-mismatch).
HEAD = "\n<script>\n" + _read("app.js") + "</script>\n"

# VIEWER_JS (static/viewer.js) runs when the viewer's value changes: focus moves into the opened document (its
# scrollable text, labelled by the title) and the cited passage is scrolled into view.
VIEWER_JS = "\n" + _read("viewer.js")


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
