"""The briefing writer's workflow in a real browser: Debian's headless Chromium driven by Playwright against
the app served on 127.0.0.1 (on a temporary copy of the corpus and a temporary index).

Screenshots of failing tests go to tests/artifacts/.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from qa.web.briefing import docx_text
from qa.config import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (/usr/bin/chromium); "
                                                     "apt-get install chromium to run the browser tests"),
]

NEW_DOC = """Fostering sufficiency review, Larkfield council

Published 3 March 2021

The review of fostering sufficiency found that the council had too few foster carers for teenagers and for
sibling groups. Recruitment campaigns in 2020 brought in eleven new fostering households, but nine households
left during the same year, mostly through retirement. The report recommends a dedicated support offer for
carers of adolescents, including out-of-hours advice and respite weekends, so that placements do not break down.

Kinship carers told the review that financial allowances were paid late and that they were not told about the
support available to them. The council has agreed to publish a kinship care offer and to review allowances.
"""

INJECTION_DOC = """Notice about the parrot sanctuary volunteers <script>window.__qaPwned = 1; alert('xss')</script>

The parrot sanctuary volunteers met on Tuesday to plan the annual budgerigar census across the borough parks.
Volunteers counted <img src=x onerror="window.__qaPwned = 2; alert('img')"> nesting boxes in every park and
reported that the budgerigar census needs thirty more volunteers before the summer. The parrot sanctuary
asks residents to report sightings of escaped parrots and budgerigars to the volunteers' hotline.
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = os.environ.get("QA_BROWSER_URL")  # while developing: an app already serving a scratch corpus copy
    if running:
        yield {"url": running.rstrip("/") + "/", "corpus": Path(os.environ["QA_CORPUS_DIR"]), "base": None}
        return
    base = tmp_path_factory.mktemp("browser_app")
    corpus_dir = base / "corpus"
    shutil.copytree(ROOT / "corpus", corpus_dir)
    port = free_port()
    env = {**os.environ, "QA_CORPUS_DIR": str(corpus_dir), "QA_INDEX_DIR": str(base / "index"),
           "GRADIO_ANALYTICS_ENABLED": "False", "QA_HOST": "127.0.0.1", "PYTHONUNBUFFERED": "1"}
    for key in ("QA_AUTH_USERNAME", "QA_AUTH_PASSWORD", "QA_AUTH_FILE"):
        env.pop(key, None)
    log = open(base / "server.log", "w")
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port), "--host", "127.0.0.1"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 240
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the app exited with {proc.returncode}: {(base / 'server.log').read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(url, timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the app did not start within 240 s")
            time.sleep(0.5)
        yield {"url": url, "corpus": corpus_dir, "base": base}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server["url"].rstrip("/"))
    page = context.new_page()
    page.set_default_timeout(30_000)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    failed_before = request.session.testsfailed
    page.goto(server["url"])
    page.wait_for_selector("#qa-question textarea")
    yield page
    if request.session.testsfailed > failed_before:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


def ask(page, question: str):
    page.locator("#qa-question textarea").fill(question)
    page.locator("#qa-ask").click()
    wait_answer(page)


def wait_answer(page):
    page.wait_for_function("() => !document.querySelector('#qa-busy') && "
                           "document.querySelector('#qa-passages .qa-applied')", timeout=60_000)


def cards(page):
    return page.locator("#qa-passages .qa-card")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# ------------------------------------------------------------------ tests


def test_example_question_card_copy_and_viewer(page):
    from playwright.sync_api import expect

    page.evaluate("""() => new MutationObserver((_, obs) => {
        if (document.querySelector('#qa-busy')) { window.__qaSawBusy = true; obs.disconnect(); }
    }).observe(document.body, {childList: true, subtree: true})""")
    page.locator(".qa-example", has_text="supervision in 2018").click()
    page.wait_for_function("() => window.__qaSawBusy")  # the busy state shows while searching
    wait_answer(page)
    expect(page.locator("#qa-chat")).to_contain_text("supervision")
    card = cards(page).filter(has=page.locator(".qa-date", has_text="2018")).first
    expect(card).to_be_visible()
    citation = card.locator(".qa-citation").first.inner_text()
    assert "2018" in citation and re.search(r"para", citation), citation
    expect(card.locator(".qa-badge").first).to_be_visible()
    expect(card.locator(".qa-excerpt mark").first).to_be_visible()  # best-matching sentences highlighted
    expect(page.locator("#qa-passages .qa-applied")).to_contain_text("2018")
    excerpt = squash(card.locator(".qa-excerpt").inner_text())

    card.locator(".qa-copy").click()
    page.wait_for_function("() => window.__qaLastCopied")
    copied = page.evaluate("window.__qaLastCopied")
    assert citation in copied and excerpt[:60] in squash(copied)
    assert page.evaluate("navigator.clipboard.readText()") == copied
    card.locator(".qa-copy-md").click()
    page.wait_for_function("() => window.__qaLastCopied.startsWith('> ')")

    card.locator(".qa-open").click()
    mark = page.locator("#qa-viewer mark.qa-target")
    expect(mark).to_be_visible()
    assert squash(mark.inner_text()) == excerpt
    expect(mark).to_be_in_viewport()
    expect(page.locator("#qa-viewer h3")).to_have_text(card.locator(".qa-title").inner_text())
    page.locator("#qa-viewer .qa-close").click()
    expect(mark).to_have_count(0)


def test_briefing_reorder_and_docx_export(page, tmp_path):
    from playwright.sync_api import expect

    ask(page, "What did inspectors say about supervision in 2018?")
    first, second = cards(page).nth(0), cards(page).nth(1)
    texts = [squash(c.locator(".qa-excerpt").inner_text()) for c in (first, second)]
    cites = [c.locator(".qa-citation").first.inner_text() for c in (first, second)]
    first.locator(".qa-add").click()
    expect(page.locator("#qa-briefing-count")).to_contain_text("1 excerpt")
    second.locator(".qa-add").click()
    expect(page.locator("#qa-briefing-count")).to_contain_text("2 excerpts")

    page.get_by_role("tab", name="Briefing").click()
    items = page.locator("#qa-briefing .qa-bitem")
    expect(items).to_have_count(2)
    items.nth(0).locator("[data-action=down]").click()
    expect(items.nth(0).locator(".qa-citation")).to_have_text(cites[1])
    items.nth(0).locator("[data-action=down]").click()  # and back
    expect(items.nth(0).locator(".qa-citation")).to_have_text(cites[0])

    page.locator("#qa-export-docx").click()
    link = page.locator("#qa-export-file a[href$='briefing.docx']")
    expect(link).to_be_visible()
    with page.expect_download() as info:
        link.click()
    target = tmp_path / "briefing.docx"
    info.value.save_as(target)
    text = docx_text(target)
    for excerpt, cite in zip(texts, cites):
        assert excerpt[:80] in squash(text)
        assert cite in text
    assert "References" in text
    assert text.index(cites[0]) < text.index(cites[1])

    items.nth(1).locator("[data-action=remove]").click()
    expect(items).to_have_count(1)


def test_upload_then_search_and_injection_is_text(page, server, tmp_path):
    from playwright.sync_api import expect

    new_doc = tmp_path / "larkfield_fostering.txt"
    new_doc.write_text(NEW_DOC)
    evil = tmp_path / "parrots.txt"
    evil.write_text(INJECTION_DOC)
    bad = tmp_path / "tool.exe"
    bad.write_bytes(b"MZ\x00\x01binary")
    page.get_by_role("tab", name="Documents").click()
    page.locator("#qa-upload input[type=file]").set_input_files([str(new_doc), str(evil), str(bad)])
    expect(page.locator("#qa-upload a[href$='tool.exe']")).to_have_count(1)
    page.evaluate("""() => new MutationObserver((_, obs) => {
        if (/Indexing/.test(document.body.innerText)) { window.__qaSawIndexing = true; obs.disconnect(); }
    }).observe(document.body, {childList: true, subtree: true, characterData: true})""")
    page.locator("#qa-upload-go").click()
    status = page.locator("#qa-upload-status")
    expect(status).to_contain_text("Added and indexed: larkfield_fostering.txt", timeout=120_000)
    expect(status).to_contain_text("parrots.txt")
    expect(status).to_contain_text("Refused tool.exe: unsupported file type")
    expect(page.locator("#qa-doc-list")).to_contain_text("larkfield_fostering.txt")
    assert page.evaluate("window.__qaSawIndexing"), "no indexing progress was shown"
    assert (server["corpus"] / "larkfield_fostering.txt").exists()
    assert not (server["corpus"] / "tool.exe").exists()

    page.get_by_role("tab", name="Ask").click()
    ask(page, "Why did foster placements for teenagers break down in Larkfield?")
    expect(cards(page).first).to_contain_text("foster carers for teenagers")

    ask(page, "What did the parrot sanctuary volunteers say about the budgerigar census?")
    card = cards(page).filter(has_text="budgerigar").first
    expect(card).to_be_visible()
    expect(card.locator(".qa-excerpt")).to_contain_text("<img src=x onerror=")
    card.locator(".qa-open").click()
    expect(page.locator("#qa-viewer .qa-doc")).to_contain_text("<script>window.__qaPwned = 1;")
    assert page.locator("#qa-viewer img, #qa-passages img, #qa-viewer script, #qa-passages script").count() == 0
    ask(page, "<img src=y onerror=\"window.__qaPwned=3\"> what about <b>budgerigars</b>?")
    expect(page.locator("#qa-chat")).to_contain_text("<img src=y onerror=")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__qaPwned") is None
    assert page.dialogs == []


def test_filters_override_and_narrow_window(browser, server):
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(server["url"])
        page.wait_for_selector("#qa-question textarea")
        page.locator("#qa-filter-panel").get_by_text("Filters").first.click()
        page.locator("#qa-doc-types").get_by_label("news article").check()
        ask(page, "What did inspectors say about supervision in 2018?")
        expect(page.locator("#qa-implied")).to_contain_text("2018")
        labels = cards(page).locator(".qa-badge").all_inner_texts()
        assert labels and all(l in ("news article", "undated") for l in labels), labels
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1] + 2, f"horizontal scrolling on a narrow window: {width}"
        year = page.locator("#qa-year-from input")
        year.click()
        year.fill("2017")
        year.press("Enter")
        page.locator("#qa-year-to input").click()
        page.locator("#qa-year-to input").fill("2017")
        page.locator("#qa-year-to input").press("Enter")
        page.locator("#qa-doc-types").get_by_label("news article").uncheck()
        ask(page, "What did inspectors say about supervision in 2018?")
        expect(page.locator("#qa-implied")).to_contain_text("From the question: Showing 2018 documents")
        expect(page.locator("#qa-filter-state")).to_contain_text("Your overrides: years 2017 to 2017")
        dates = cards(page).locator(".qa-date").all_inner_texts()
        assert dates and all("2017" in d for d in dates), dates
    except Exception:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "test_filters_override_and_narrow_window.png"), full_page=True)
        raise
    finally:
        context.close()


def test_edit_metadata_in_the_documents_tab(page):
    from playwright.sync_api import expect

    page.get_by_role("tab", name="Documents").click()
    page.locator("#qa-edit-panel").get_by_text("Edit or delete a document").click()
    pick = page.locator("#qa-doc-pick input")
    pick.click()
    pick.fill("Appropriate pace")
    pick.press("Enter")
    title = page.locator("#qa-edit-title textarea, #qa-edit-title input").first
    expect(title).to_have_value("Appropriate pace of change at Barnet")
    title.fill("Pace of change at Barnet <b>edited</b>")
    page.locator("#qa-edit-save").click()
    expect(page.locator("#qa-edit-status")).to_contain_text("Saved 000_1bb6b40faac4c722.txt: title", timeout=60_000)
    row = page.locator("#qa-doc-list tr", has_text="000_1bb6b40faac4c722.txt")
    expect(row).to_contain_text("Pace of change at Barnet <b>edited</b>")
    assert page.locator("#qa-doc-list b").count() == 0


SHOTS = Path("/work/shots")


def test_timeline_trail_order_and_add_all(page):
    """A trail question: the dates run down the side in order, "Add all to briefing" keeps that order, and a
    comparison shows one column per authority. Screenshots of both views go to /work/shots/."""
    from playwright.sync_api import expect

    ask(page, "How has supervision changed between the first and fourth monitoring visits?")
    points = page.locator("#qa-passages .qa-tl-point")
    expect(points.first).to_be_visible()
    dates = points.evaluate_all("els => els.map(e => e.getAttribute('data-date'))")
    assert len(dates) >= 2 and dates == sorted(dates), dates
    expect(page.locator("#qa-passages .qa-tl-gap").first).to_be_visible()
    cites = [c.locator(".qa-citation").first.inner_text() for c in points.locator(".qa-card").all()]
    assert "2017" in cites[0] and "2018" in cites[-1]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "timeline_trail.png"), full_page=True)

    page.locator("#qa-passages .qa-add-all").click()
    expect(page.locator("#qa-briefing-count")).to_contain_text(f"{len(cites)} excerpts")
    page.get_by_role("tab", name="Briefing").click()
    items = page.locator("#qa-briefing .qa-bitem .qa-citation")
    expect(items).to_have_count(len(cites))
    assert items.all_inner_texts() == cites
    page.locator("#qa-export-md").click()
    preview = page.locator("#qa-export-preview textarea")
    expect(preview).not_to_have_value("")
    markdown = preview.input_value()
    # Titles compared by their words: an earlier test may have given one markup characters, escaped in Markdown.
    def words(text): return " ".join(re.findall(r"[A-Za-z0-9]+", text))
    titles = [words(c.split(",")[1])[:25] for c in cites]
    markdown = words(markdown)
    assert all(t in markdown for t in titles), (titles, markdown[:3000])
    assert [markdown.index(t) for t in titles] == sorted(markdown.index(t) for t in titles)

    page.get_by_role("tab", name="Ask").click()
    ask(page, "compare Barnet and Reading on care leavers")
    blocks = page.locator("#qa-passages .qa-compare-block")
    expect(blocks).to_have_count(2)
    assert [b.locator("h4").inner_text() for b in blocks.all()] == ["Barnet", "Reading"]
    expect(blocks.nth(1).locator(".qa-card")).to_have_count(1)
    page.screenshot(path=str(SHOTS / "timeline_compare.png"), full_page=True)
