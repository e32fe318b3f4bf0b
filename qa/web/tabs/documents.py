"""The Documents tab: upload files, the table of indexed documents, and a panel to edit a document's metadata or
delete it.

Every change goes through qa/web/corpus.py (checked first, then the index refreshed), and afterwards the table, the
document picker and the Ask tab's authority filter are listed again.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gradio as gr

from qa.retrieval.assistant import Assistant
from qa.web import corpus
from qa.web.render import documents_html, status_html, upload_html
from qa.web.tabs.ask import TYPE_CHOICES, authority_choices

CONFIRM_DELETE = "(rel) => (rel && confirm('Delete ' + rel + ' from the corpus?')) ? rel : null"


def doc_choices(assistant: Assistant) -> list[tuple[str, str]]:
    return [(f"{d['title']} ({d['path']})", d["path"]) for d in corpus.document_rows(assistant)]


def skipped_files(assistant: Assistant) -> list:
    return assistant.last_build.skipped if assistant.last_build else []


# ---------------------------------------------------------------- layout


@dataclass
class DocumentsTab:
    uploads: gr.File
    upload_go: gr.Button
    upload_status: gr.HTML
    listing: gr.HTML
    pick: gr.Dropdown
    editors: dict  # metadata field -> its input, one per corpus.EDITABLE_FIELDS
    save: gr.Button
    delete: gr.Button
    edit_status: gr.HTML


def build(assistant: Assistant) -> DocumentsTab:
    with gr.Tab("Documents", id="documents", elem_id="qa-tab-docs"):
        gr.Markdown(f"Add documents (PDF, Word .docx, HTML, text or Markdown; up to "
                    f"{assistant.settings.max_file_mb:g} MB each). They are checked, then indexed; they can be "
                    "searched as soon as indexing ends.")
        uploads = gr.File(label="Files to add", file_count="multiple", elem_id="qa-upload", height=170)
        upload_go = gr.Button("Add to the corpus", variant="primary", elem_id="qa-upload-go")
        upload_status = gr.HTML("", elem_id="qa-upload-status", js_on_load=None)
        listing = gr.HTML(documents_html(corpus.document_rows(assistant), skipped_files(assistant)),
                          elem_id="qa-doc-list", js_on_load=None)
        with gr.Accordion("Edit or delete a document", open=False, elem_id="qa-edit-panel"):
            pick = gr.Dropdown(doc_choices(assistant), label="Document", elem_id="qa-doc-pick")
            gr.Markdown("Empty a field to go back to the file's own or inferred value.")
            editors = _editors()
            with gr.Row():
                save = gr.Button("Save metadata", variant="primary", elem_id="qa-edit-save")
                delete = gr.Button("Delete document", variant="stop", elem_id="qa-edit-delete")
            edit_status = gr.HTML("", elem_id="qa-edit-status", js_on_load=None)
    return DocumentsTab(uploads, upload_go, upload_status, listing, pick, editors, save, delete, edit_status)


def _editors() -> dict:
    with gr.Row():
        title = gr.Textbox(label="Title", elem_id="qa-edit-title")
        doc_type = gr.Dropdown(TYPE_CHOICES, label="Type")
        date = gr.Textbox(label="Date (YYYY-MM-DD)")
    with gr.Row():
        publisher = gr.Textbox(label="Publisher")
        authorities = gr.Textbox(label="Local authorities (comma-separated)")
        visit = gr.Textbox(label="Monitoring visit number")
    with gr.Row():
        period_start = gr.Textbox(label="Period start")
        period_end = gr.Textbox(label="Period end")
        source = gr.Textbox(label="Source")
    editors = {"title": title, "doc_type": doc_type, "date": date, "publisher": publisher,
               "local_authorities": authorities, "visit_number": visit, "period_start": period_start,
               "period_end": period_end, "source": source}
    assert set(editors) == set(corpus.EDITABLE_FIELDS), "one editor per editable metadata field"
    return editors


# ---------------------------------------------------------------- events


def wire(tab: DocumentsTab, authorities: gr.Dropdown, assistant: Assistant, demo: gr.Blocks) -> None:
    """`authorities` is the Ask tab's filter, whose choices follow the corpus."""
    handlers = DocumentHandlers(assistant, list(tab.editors))
    fields = list(tab.editors.values())
    listed = [tab.listing, tab.pick, authorities]
    tab.upload_go.click(handlers.add_files, [tab.uploads], [tab.upload_status] + listed + [tab.uploads])
    tab.pick.change(handlers.pick, [tab.pick], fields, queue=False)
    tab.save.click(handlers.save_meta, [tab.pick] + fields, [tab.edit_status] + listed)
    tab.delete.click(handlers.delete_doc, [tab.pick], [tab.edit_status] + listed, js=CONFIRM_DELETE)
    demo.load(handlers.listing, None, listed)


class DocumentHandlers:
    def __init__(self, assistant: Assistant, field_names: list[str]):
        self.assistant = assistant
        self.field_names = field_names  # the order of the editors' values

    def listing(self) -> tuple:
        """(the table, the picker's choices, the authority filter's choices) for the corpus as it is now."""
        return (documents_html(corpus.document_rows(self.assistant), skipped_files(self.assistant)),
                gr.update(choices=doc_choices(self.assistant)), gr.update(choices=authority_choices(self.assistant)))

    def _document(self, rel: str) -> dict | None:
        return next((d for d in corpus.document_rows(self.assistant) if d["path"] == rel), None)

    def _reindex(self, progress):
        def report(stage, done, total):
            progress((done, max(total, 1)), desc=f"Indexing: {stage}")
        return corpus.refresh(self.assistant, progress=report)

    def add_files(self, files, progress=gr.Progress()):
        files = files or []
        if not files:
            return (status_html("Choose one or more files first."),) + self.listing() + (None,)
        accepted, refused = [], []
        for n, f in enumerate(files):
            src = Path(f if isinstance(f, str) else getattr(f, "name", str(f)))
            progress((n, len(files)), desc=f"Checking {src.name}")
            try:
                accepted.append(corpus.add_upload(self.assistant.settings, src, src.name))
            except corpus.CorpusError as exc:
                refused.append((src.name, str(exc)))
        waiting = None  # why the added files are not searchable yet (the index was not rebuilt)
        if accepted:
            try:
                built = self._reindex(progress)
                waiting = built.notice if not built.rebuilt and built.notice else None
            except corpus.CorpusError as exc:
                refused.append(("index", str(exc)))
        skipped = {s.file: s.reason for s in skipped_files(self.assistant)}
        lines = [(True, f"Added and indexed: {name}") if not waiting
                 else (False, f"Added but not yet indexed: {name} ({waiting})") for name in accepted]
        lines += [(False, f"{name} was added but not indexed: {skipped[name]}") for name in accepted if name in skipped]
        lines += [(False, f"Refused {name}: {reason}") for name, reason in refused]
        return (upload_html(lines),) + self.listing() + (None,)

    def pick(self, rel):
        """The editors' values for the chosen document (a multi-valued field as comma-separated text)."""
        doc = self._document(rel)
        if doc is None:
            return [gr.update(value=None)] * len(self.field_names)
        values = []
        for name in self.field_names:
            value = doc.get(name)
            if name == "local_authorities":
                value = ", ".join(value or [])
            values.append("" if value is None else (value if name == "doc_type" else str(value)))
        return values

    def save_meta(self, rel, *values, progress=gr.Progress()):
        if not rel:
            return (status_html("Choose a document first."),) + self.listing()
        try:
            changes = corpus.metadata_changes(self._document(rel) or {}, dict(zip(self.field_names, values)))
            if not changes:
                return (status_html("Nothing changed."),) + self.listing()
            corpus.update_metadata(self.assistant.settings, rel, changes)
            self._reindex(progress)
        except corpus.CorpusError as exc:
            return (status_html(f"Not saved: {exc}"),) + self.listing()
        return (status_html(f"Saved {rel}: {', '.join(sorted(changes))}.", ok=True),) + self.listing()

    def delete_doc(self, rel, progress=gr.Progress()):
        if not rel:  # none chosen, or the confirmation was cancelled
            return (status_html("Nothing deleted."),) + self.listing()
        try:
            corpus.delete_document(self.assistant.settings, rel)
            self._reindex(progress)
        except corpus.CorpusError as exc:
            return (status_html(f"Not deleted: {exc}"),) + self.listing()
        return (status_html(f"Deleted {rel}.", ok=True),) + self.listing()
