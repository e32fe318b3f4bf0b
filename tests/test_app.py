"""The web app's rendering and wiring, without a browser (tests/test_browser.py drives it in Chromium)."""
import json

import pytest

from qa.web import app, render
from qa.datatypes import Document

EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)> \"quoted\" 'single' & more"


def passage(**changes) -> dict:
    p = {"rank": 1, "text": "Before. " + EVIL + " After sentence here.", "doc_id": "d1", "passage_id": "d1#0",
         "title": "<b>Title</b>", "date": "2018-08-23", "doc_type": "ofsted_letter\" onclick=\"x",
         "doc_type_label": "letter", "location": "para. 3", "citation": "Ofsted, <i>Title</i> (letter), para. 3",
         "undated": False, "period": "", "highlights": [[0, 7]], "also_reported_in": [{"title": "<u>t</u>", "location": "p"}],
         "start": 0, "end": 0, "publisher": "Ofsted", "source": "s"}
    p.update(changes)
    return p


def assert_no_live_markup(fragment: str):
    for bad in ("<script", "<img", "<b>", "<i>", "<u>", "onclick=\"x", "onerror=alert(2)>"):
        assert bad not in fragment, bad


def test_card_escapes_everything():
    html = render.card_html(passage(), filters="<em>2018</em>")
    assert_no_live_markup(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<mark>Before.</mark>" in html
    assert "&lt;em&gt;2018&lt;/em&gt;" in html
    for label in ("Copy", "Copy Markdown", "Open", "Add to briefing"):
        assert f">{label}</button>" in html
    assert "data-action='open' data-key='d1#0'" in html
    assert "23 August 2018" in html


def test_templates_escape_everything_they_print():
    """The HTML comes from autoescaped templates, none of which opts out (render.py builds no Markup either)."""
    from pathlib import Path

    assert render._env.autoescape is True
    for template in (Path(render.__file__).parent / "templates").glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "|safe" not in text.replace(" ", "") and "autoescape false" not in text, template.name
    assert "Markup" not in Path(render.__file__).read_text(encoding="utf-8")


def test_copy_attribute_round_trips():
    from html.parser import HTMLParser

    values = []

    class Grab(HTMLParser):
        def handle_starttag(self, tag, attrs):
            values.extend(v for k, v in attrs if k == "data-copy")

    Grab().feed(render.card_html(passage()))
    plain, markdown = values
    assert EVIL in plain and plain.endswith("Ofsted, <i>Title</i> (letter), para. 3")
    assert markdown.startswith("> Before.")


def test_cards_show_filters_notices_and_abstention():
    data = {"notices": ["<b>BM25 only</b>"], "filters_description": "Showing 2018 documents", "abstained": False,
            "passages": [passage()], "related": []}
    html = render.cards_html(data)
    assert "Filters applied: Showing 2018 documents" in html and "&lt;b&gt;BM25 only" in html
    abstained = render.cards_html({**data, "abstained": True, "message": "<x>", "related": [passage()]})
    assert "Possibly related" in abstained and "&lt;x&gt;" in abstained
    assert "Filters applied: none" in render.cards_html({**data, "filters_description": ""})


def test_viewer_marks_the_passage_and_escapes():
    text = "Intro <b>bold</b>.\n\n" + EVIL + "\n\nThe end."
    doc = Document(doc_id="d1", path="d1.txt", text=text, title="<T>", doc_type="ofsted_letter", date="2018-01-02")
    start = text.index("<script")
    p = {"start": start, "end": start + len(EVIL), "text": EVIL, "location": "para. 2", "citation": "C"}
    html = render.viewer_html(doc, p)
    assert_no_live_markup(html)
    assert "<mark class='qa-target' id='qa-mark-" in html
    assert ">&lt;script&gt;alert(1)" in html.split("qa-target")[1]
    moved = render.viewer_html(doc, {**p, "start": 0, "end": 5})  # stale offsets: found again by its text
    assert "&lt;script&gt;" in moved.split("qa-target")[1]
    assert "no longer in the corpus" in render.viewer_html(None, p)


def test_briefing_and_documents_lists_escape():
    item = {"text": EVIL, "citation": "<c>"}
    html = render.briefing_html([item, item])
    assert_no_live_markup(html)
    assert "<script" not in html and "&lt;c&gt;" in html and "2 excerpts" in html
    assert "data-action='down' data-index='1'" in html
    assert "No excerpts yet" in render.briefing_html([])
    docs = [{"path": "<p>.txt", "title": EVIL, "doc_type_label": "letter", "date": None, "publisher": "",
             "local_authorities": ["<LA>"], "period_start": "2018-01-01", "period_end": "2018-01-02",
             "visit_number": 2, "passages": 3, "origin": {"title": "<manifest>"}}]
    listing = render.documents_html(docs)
    assert "<script" not in listing and "&lt;LA&gt;" in listing and "&lt;manifest&gt;" in listing
    assert "2018-01-01 to 2018-01-02" in listing and "undated" in listing


def test_overrides_from_filter_panel():
    assert not app.make_overrides("any", "any", [], [], False)
    assert app.make_overrides("2019", "2017", ["news_article"], ["Barnet"], True).to_dict() == {
        "year_from": 2017, "year_to": 2019, "doc_types": ["news_article"], "authorities": ["Barnet"],
        "ignore_question_filters": True}
    html = render.implied_html("What about supervision in 2018?", None, {"year_from": 2017, "year_to": 2017})
    assert "From the question: Showing 2018 documents" in html and "years 2017 to 2017" in html


def test_chat_text_is_escaped_for_markdown():
    out = render.chat_markdown("<img src=x onerror=alert(1)> *bold* [link](javascript:x)")
    assert "<img" not in out and "\\*bold\\*" in out and "\\[link\\]" in out


def test_overrides_reach_the_search(assistant):
    data, query = app.ask_data(assistant, "What did inspectors say about supervision in 2018?", None,
                               app.make_overrides("any", "any", ["news_article"], [], False))
    assert data["passages"] and {p["doc_type"] for p in data["passages"]} == {"news_article"}
    data, _ = app.ask_data(assistant, "What did inspectors say about supervision in 2018?", None,
                           app.make_overrides("2017", "2017", [], [], False))
    assert all(p["date"] is None or p["date"].startswith("2017") for p in data["passages"])


def test_build_ui(assistant):
    demo = app.build_ui(assistant)
    config = json.dumps(demo.get_config_file(), default=str)
    for elem in ("qa-chat", "qa-passages", "qa-viewer", "qa-briefing", "qa-upload", "qa-doc-list", "qa-action-go"):
        assert elem in config


def test_a_card_whose_document_does_not_state_the_asked_date_says_so():
    from qa.web.render import card_html

    p = {"rank": 3, "text": "Supervision was regular.", "doc_id": "d", "title": "T", "date": None, "undated": True,
         "doc_type": "news_article", "doc_type_label": "news article", "location": "para. 2", "citation": "T, para. 2",
         "highlights": [], "also_reported_in": [], "unconfirmed": ["date"], "passage_id": "d#1", "source": "d.txt"}
    html = card_html(p)
    assert "date not stated: check before citing" in html
    assert "not stated" not in card_html({**p, "unconfirmed": []})
