"""Web app over the qa package: ask, read cited passages, open them in their document, collect a briefing,
manage the documents.

    qa serve [--port 7860] [--host 127.0.0.1]        (or, in a source checkout, python app.py ...)

A thin layer: the HTML comes from templates (qa/web/templates/, filled by qa/web/render.py), styles and scripts are static/ files (qa/web/assets.py),
corpus changes live in qa/web/corpus.py, briefing export in qa/web/briefing.py, login rules in qa/web/auth.py.
All document text and user input is HTML-escaped before it reaches the page. Serving on anything but loopback
needs credentials from the environment (see qa/web/auth.py).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import gradio as gr

from qa.answers.contract import answer_to_dict
from qa.cli import ProgressPrinter, add_common_options, settings_from_args
from qa.retrieval.assistant import Assistant
from qa.retrieval.question import FilterOverrides
from qa.datatypes import DOC_TYPE_LABELS, DOC_TYPES
from qa.web import briefing, corpus
from qa.web.assets import CSS, HEAD, VIEWER_JS, make_theme
from qa.web.render import (EMPTY_CARDS, EMPTY_VIEWER, IMPLIED_EMPTY, briefing_count_html, briefing_html, busy_html,
                           chat_markdown, chat_reply, documents_html, implied_html, passage_key, results_html,
                           status_html, upload_html, viewer_html)
from qa.web.auth import AuthError, file_warning, resolve_auth

EXAMPLES = [
    "What did inspectors say about supervision in 2018?",
    "What did the first monitoring visit find about thresholds in the MASH?",
    "When was Barnet judged inadequate?",
]
ANY = "any"
YEARS = [ANY] + [str(y) for y in range(time.localtime().tm_year, 1999, -1)]


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
                            implied = gr.HTML(IMPLIED_EMPTY, js_on_load=None, elem_id="qa-filter-state")
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
        editors = {"title": f_title, "doc_type": f_type, "date": f_date, "publisher": f_publisher,
                   "local_authorities": f_las, "visit_number": f_visit, "period_start": f_pstart, "period_end": f_pend,
                   "source": f_source}
        assert set(editors) == set(corpus.EDITABLE_FIELDS), "one editor per editable metadata field"
        fields, field_names = list(editors.values()), list(editors)

        # ------------------------------------------------ asking
        filter_inputs = [year_from, year_to, doc_types, authorities, ignore]
        ask_outputs = [chat, cards, previous, question, passages_state, implied, status, ask]

        def respond(message, history, prev, known, y1, y2, types, las, ign):
            message = message or ""
            history = list(history or [])
            if not message.strip():
                yield (history, gr.update(), prev, message, known, gr.update(),
                       status_html("Please type a question."), gr.update(interactive=True))
                return
            shown = history + [{"role": "user", "content": chat_markdown(message)}]
            yield shown, gr.update(), prev, "", known, gr.update(), busy_html(), gr.update(interactive=False)
            overrides = make_overrides(y1, y2, types, las, ign)
            try:
                data, query = ask_data(assistant, message, prev, overrides)
            except Exception as exc:  # noqa: BLE001 - show the failure, keep the app alive
                yield (history, gr.update(), prev, message, known, gr.update(),
                       status_html(f"Search failed: {exc}"), gr.update(interactive=True))
                return
            shown.append({"role": "assistant", "content": chat_markdown(chat_reply(data))})
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
                return (status_html("Choose one or more files first."),) + listing() + (None,)
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
            lines = [(True, f"Added and indexed: {name}") for name in accepted]
            skipped = {s.file: s.reason for s in (assistant.last_build.skipped if assistant.last_build else [])}
            lines += [(False, f"{name} was added but not indexed: {skipped[name]}") for name in accepted if name in skipped]
            lines += [(False, f"Refused {name}: {reason}") for name, reason in refused]
            return (upload_html(lines),) + listing() + (None,)

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
                return (status_html("Choose a document first."),) + listing()
            current = next((d for d in corpus.document_rows(assistant) if d["path"] == rel), {})
            try:
                changes = corpus.metadata_changes(current, dict(zip(field_names, values)))
                if not changes:
                    return (status_html("Nothing changed."),) + listing()
                corpus.update_metadata(settings, rel, changes)
                reindex(progress)
            except corpus.CorpusError as exc:
                return (status_html(f"Not saved: {exc}"),) + listing()
            return (status_html(f"Saved {rel}: {', '.join(sorted(changes))}.", ok=True),) + listing()

        save.click(save_meta, [doc_pick] + fields, [edit_status, doc_list, doc_pick, authorities])

        def delete_doc(rel, progress=gr.Progress()):
            if not rel:  # none chosen, or the confirmation was cancelled
                return (status_html("Nothing deleted."),) + listing()
            try:
                corpus.delete_document(settings, rel)
                reindex(progress)
            except corpus.CorpusError as exc:
                return (status_html(f"Not deleted: {exc}"),) + listing()
            return (status_html(f"Deleted {rel}.", ok=True),) + listing()

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
    add_common_options(parser)
    args = parser.parse_args(argv)
    try:
        auth = resolve_auth(args.host)
    except AuthError as exc:
        print(f"app: {exc}", file=sys.stderr)
        return 2
    warning = file_warning()
    if warning:
        print(warning, file=sys.stderr)
    settings = settings_from_args(args)
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
