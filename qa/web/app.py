"""Web app over the qa package: ask, read cited passages, open them in their document, collect a briefing,
manage the documents.

    qa serve [--port 7860] [--host 127.0.0.1]        (or, in a source checkout, python app.py ...)

A thin layer. build_ui() puts the page together from its tabs (qa/web/tabs/: each tab's layout, events and
handlers); the HTML comes from templates (qa/web/templates/, filled by qa/web/render.py); styles and scripts are
static/ files (qa/web/assets.py); corpus changes live in qa/web/corpus.py, briefing export in qa/web/briefing.py,
login rules in qa/web/auth.py. All document text and user input is HTML-escaped before it reaches the page.
Serving on anything but loopback needs credentials from the environment (see qa/web/auth.py).
"""
from __future__ import annotations

import argparse
import os
import sys

import gradio as gr

from qa.cli import ProgressPrinter, add_common_options, settings_from_args
from qa.retrieval.assistant import Assistant
from qa.web.assets import CSS, HEAD, make_theme
from qa.web.auth import AuthError, file_warning, resolve_auth
from qa.web.tabs import Shared, actions, ask, briefing, documents
from qa.web.tabs.ask import ask_data, make_overrides  # noqa: F401 - also the app's API (tests/test_app.py)

TITLE = "Inspection evidence finder"
INTRO = (f"## {TITLE}\nAsk about the inspection documents; every answer is quoted from them with a citation you can "
         "paste into a briefing.")


def build_ui(assistant: Assistant) -> gr.Blocks:
    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(INTRO)
        shared = Shared.create()
        with gr.Tabs(elem_id="qa-tabs"):
            ask_tab = ask.build(assistant)
            briefing_tab = briefing.build()
            documents_tab = documents.build(assistant)
        ask.wire(ask_tab, shared, assistant)
        actions.wire(shared, ask_tab.viewer, briefing_tab.items, ask_tab.briefing_count, assistant)
        briefing.wire(briefing_tab, shared, ask_tab.briefing_count)
        documents.wire(documents_tab, ask_tab.authorities, assistant, demo)

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
