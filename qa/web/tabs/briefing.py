"""The Briefing tab: the collected excerpts (their Move up / Move down / Remove buttons are answered in
actions.py), the briefing's title, and export to Markdown or Word; the Markdown is also shown for copying.
"""
from __future__ import annotations

import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import gradio as gr

from qa.web.briefing import to_docx, to_markdown
from qa.web.render import briefing_count_html, briefing_html
from qa.web.tabs import Shared

EXPORT_ROOT = Path(tempfile.gettempdir()) / "qa-exports"  # one new folder under it per export


@dataclass
class BriefingTab:
    items: gr.HTML
    title: gr.Textbox
    export_md: gr.Button
    export_docx: gr.Button
    empty: gr.Button
    file: gr.File
    preview: gr.Textbox


def build() -> BriefingTab:
    with gr.Tab("Briefing", id="briefing", elem_id="qa-tab-briefing"):
        items = gr.HTML(briefing_html([]), elem_id="qa-briefing", js_on_load=None)
        title = gr.Textbox(label="Briefing title", value="Briefing", max_lines=1, elem_id="qa-briefing-title")
        with gr.Row():
            export_md = gr.Button("Export Markdown", elem_id="qa-export-md")
            export_docx = gr.Button("Export Word (.docx)", elem_id="qa-export-docx")
            empty = gr.Button("Empty the briefing")
        file = gr.File(label="Download", elem_id="qa-export-file", interactive=False,
                       visible=False)  # shown once there is a file (an empty File is unnamed)
        preview = gr.Textbox(label="Markdown (select and copy, or download above)", lines=8, interactive=True,
                             elem_id="qa-export-preview")
    return BriefingTab(items, title, export_md, export_docx, empty, file, preview)


def wire(tab: BriefingTab, shared: Shared, briefing_count: gr.HTML) -> None:
    tab.export_md.click(export_markdown, [shared.briefing, tab.title], [tab.file, tab.preview])
    tab.export_docx.click(export_word, [shared.briefing, tab.title], [tab.file, tab.preview])
    tab.empty.click(empty_briefing, None, [shared.briefing, tab.items, briefing_count, tab.file, tab.preview],
                    queue=False)


def export(items, title, kind: str) -> tuple:
    """(the download, shown; the Markdown) for the briefing as Markdown (kind "md") or Word ("docx")."""
    items = list(items or [])
    if not items:
        gr.Warning("The briefing is empty: add excerpts from the answers first.")
        return gr.update(value=None, visible=False), ""
    folder = EXPORT_ROOT / uuid.uuid4().hex
    folder.mkdir(parents=True, exist_ok=True)
    title = (title or "Briefing").strip()[:200] or "Briefing"
    markdown = to_markdown(items, title)
    if kind == "md":
        path = folder / "briefing.md"
        path.write_text(markdown, encoding="utf-8")
    else:
        path = to_docx(items, folder / "briefing.docx", title)
    gr.Info(f"Exported {path.name}: the download link is under the buttons.")
    return gr.update(value=str(path), visible=True), markdown


def export_markdown(items, title) -> tuple:
    return export(items, title, "md")


def export_word(items, title) -> tuple:
    return export(items, title, "docx")


def empty_briefing() -> tuple:
    return ([], briefing_html([]), briefing_count_html([], "The briefing is empty."),
            gr.update(value=None, visible=False), "")
