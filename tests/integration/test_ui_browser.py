"""The chat UI in a real Chromium over the fixture reports: citations that open their passage, each
answer's own sources, copy and export, a conversation that survives a reload, limits, the phone
layout, accessibility (axe-core), many tabs, the Evaluation tab, and hostile report text kept as text."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from rag.config import PROJECT_ROOT
from rag.server import launch
from tests.helpers import CHROMIUM, FIXTURE_REPORTS, free_port
from ui.app import build_app
from ui.callbacks import EVAL_DIR_ENV

pytestmark = [
    pytest.mark.browser,
    pytest.mark.timeout(900),
    pytest.mark.filterwarnings("ignore:.*(no_silent_downcasting|copy keyword).*"),
]

WAIT_MS = 90_000
SLOW_RESTORE_S = 5
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
README_SCREENSHOT = PROJECT_ROOT / "docs" / "screenshot-ask.png"
AXE_VERSION = "4.14.1"  # the axe-core release the accessibility check runs
SAFEGUARDING = "What did Camden do about safeguarding?"
WAITING = "How many people were waiting for a Care Act assessment in Staffordshire?"
HOSTILE_DOC = "099_hostile.txt"
HOSTILE_PARAGRAPH = ("The Zephyrbrook council ran a <script>alert(1)</script> training scheme called Quillfeather "
                     "for all staff in 2023. Staff said the Quillfeather scheme <img src=x onerror=alert(1)> was "
                     "*very* _useful_ and cost ${1+1} {{value}} pounds.")
HOSTILE_TEXT = f"""Zephyrbrook <i onclick=alert(5)>Borough</i>: local authority assessment

Learning, improvement and innovation

Score 2

2 - Evidence shows some shortfalls

Key findings for this quality statement

Continuous learning, improvement and professional development

{HOSTILE_PARAGRAPH}

Learning from feedback

Zephyrbrook collected feedback through a <b onmouseover=alert(3)>survey</b> & [a link](javascript:alert(4)) form.
"""
HOSTILE_QUESTION = "What training scheme called Quillfeather did Zephyrbrook run?"
#: Elements that would mean document text became markup.
INJECTED = "script:not([src]), img[onerror], [onclick], [onmouseover], a[href^='javascript']"

if not CHROMIUM.exists():  # pragma: no cover - CI installs it (.ci/run)
    pytest.skip("Chromium is not installed at /usr/bin/chromium", allow_module_level=True)


@pytest.fixture(scope="module")
def eval_dir(tmp_path_factory):
    """Where the Evaluation tab writes during these tests (set before the app is built)."""
    folder = tmp_path_factory.mktemp("eval-reports")
    old = os.environ.get(EVAL_DIR_ENV)
    os.environ[EVAL_DIR_ENV] = str(folder)
    yield folder
    if old is None:
        os.environ.pop(EVAL_DIR_ENV, None)
    else:
        os.environ[EVAL_DIR_ENV] = old


@pytest.fixture(scope="module")
def server(reports_pipeline, reports_settings, eval_dir):
    """The app over the fixture reports on a free loopback port."""
    app = build_app(reports_pipeline, reports_settings)
    yield launch(app, reports_settings, host="127.0.0.1", port=free_port())
    app.close(verbose=False)


@pytest.fixture(scope="module")
def hostile_server(reports_pipeline, reports_settings, tmp_path_factory):
    """The app over the fixture reports plus a report whose text and council name are HTML/JS payloads."""
    from rag.pipeline import Pipeline

    root = tmp_path_factory.mktemp("hostile-browser")
    shutil.copytree(reports_settings.index_dir, root / "index")  # the incremental build then encodes one report
    docs = root / "reports"
    shutil.copytree(FIXTURE_REPORTS, docs)
    (docs / HOSTILE_DOC).write_text(HOSTILE_TEXT, encoding="utf-8")
    hostile = reports_settings.with_overrides(documents_dir=docs, index_dir=root / "index")
    app = build_app(Pipeline.load(settings=hostile, build=True), hostile)
    yield launch(app, hostile, host="127.0.0.1", port=free_port())
    app.close(verbose=False)


@pytest.fixture(scope="module")
def slow_restore_server(reports_pipeline, reports_settings):
    """The app whose restore of the kept conversation takes seconds, as on a busy server."""
    from ui.callbacks import Handlers

    real = Handlers.restore

    def slow(self, saved):
        time.sleep(SLOW_RESTORE_S)
        return real(self, saved)

    with pytest.MonkeyPatch.context() as mp:  # the app keeps the slowed handler it was built with
        mp.setattr(Handlers, "restore", slow)
        app = build_app(reports_pipeline, reports_settings)
    yield launch(app, reports_settings, host="127.0.0.1", port=free_port())
    app.close(verbose=False)


def new_page(browser, width: int = 1440, height: int = 1000, **options):
    """A page in a fresh context that records any JavaScript dialog (none may open)."""
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    pg = context.new_page()
    pg.set_default_timeout(WAIT_MS)
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    return pg


@pytest.fixture()
def page(browser):
    pg = new_page(browser, permissions=["clipboard-read", "clipboard-write"])
    yield pg
    pg.context.close()


@pytest.fixture(scope="module")
def axe_script(tmp_path_factory) -> Path:
    """axe.min.js installed from the npm registry into a temporary folder."""
    if not shutil.which("npm"):
        pytest.skip("npm is needed to install axe-core")
    folder = tmp_path_factory.mktemp("axe")
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(folder),
                    f"axe-core@{AXE_VERSION}"], check=True, timeout=300, capture_output=True)
    return folder / "node_modules" / "axe-core" / "axe.min.js"


def open_app(pg, url: str) -> None:
    """Load the app and wait until its start-up events have run."""
    pg.goto(url, timeout=WAIT_MS)
    pg.locator("#question textarea").wait_for(state="visible")
    pg.wait_for_function("() => !document.querySelector('#eval-report') || "
                         "!document.querySelector('#eval-report').innerText.includes('Reading the latest')")


def ask(pg, question: str) -> None:
    """Type a question, send it with Enter, and wait until its answer is shown."""
    before = pg.locator("#conversation .rag-turn").count()
    pg.locator("#question textarea").fill(question)
    pg.locator("#question textarea").press("Enter")
    pg.wait_for_function("n => document.querySelectorAll('#conversation .rag-turn').length > n", arg=before)


def visible_sources(pg) -> list[str]:
    """The ids of the sources panels on show."""
    return pg.eval_on_selector_all("#conversation .rag-sources",
                                   "els => els.filter(e => e.offsetParent !== null).map(e => e.id)")


def test_citations_open_their_passage_and_each_answer_keeps_its_sources(page, server):
    open_app(page, server)
    ask(page, SAFEGUARDING)
    ask(page, WAITING)
    assert visible_sources(page) == ["rag-sources-1"]
    marker = page.locator(".rag-turn[data-turn='1'] a.rag-cite").first
    supported = marker.get_attribute("title")
    assert supported and supported in page.locator(".rag-turn[data-turn='1'] .rag-a").inner_text()
    marker.click()
    card = page.locator("#rag-src-1-1")
    assert card.evaluate("e => e.classList.contains('rag-active') && document.activeElement === e")
    assert card.locator("mark").count() >= 1 and card.is_visible()

    page.locator(".rag-turn[data-turn='0'] .rag-a").click()  # an earlier answer shows its own sources
    assert visible_sources(page) == ["rag-sources-0"]
    assert "Camden" in page.locator("#rag-sources-0").inner_text()

    page.locator(".rag-turn[data-turn='1'] a.rag-cite").first.focus()  # the keyboard works too
    page.keyboard.press("Enter")
    assert visible_sources(page) == ["rag-sources-1"]
    assert page.evaluate("document.activeElement.id") == "rag-src-1-1"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "ask.png"))
    if os.environ.get("RAG_UPDATE_SCREENSHOT"):  # refresh the README's picture on request only
        shutil.copyfile(ARTIFACTS / "ask.png", README_SCREENSHOT)
    assert page.dialogs == []


def test_copy_and_exports_give_plain_text_with_references(page, server):
    open_app(page, server)
    ask(page, SAFEGUARDING)
    page.locator(".rag-copy").first.click()
    page.locator(".rag-status", has_text="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    answer = page.locator(".rag-a").first.inner_text()
    assert copied.split("\n\n")[0].strip() in answer and "\nReferences\n[1] Camden — " in copied
    assert "<" not in copied and "&amp;" not in copied and "\\" not in copied
    quote = copied.split("\n[1] ", 1)[1].split(": “", 1)[1].rstrip("”").split("”")[0]
    assert quote[:60] in page.locator("#rag-src-0-1").inner_text()

    with page.expect_download() as md:
        page.locator("#export-md").click()
    text = Path(md.value.path()).read_text(encoding="utf-8")
    assert SAFEGUARDING.replace("?", "") in text and "### References" in text and "1. Camden" in text
    with page.expect_download() as html:
        page.locator("#export-html").click()
    doc = Path(html.value.path()).read_text(encoding="utf-8")
    assert doc.startswith("<!DOCTYPE html>") and 'href="#ref-0-1"' in doc and 'id="ref-0-1"' in doc
    assert "<script" not in doc and "<link" not in doc


def test_reload_keeps_the_conversation_and_new_conversation_asks_first(page, server):
    open_app(page, server)
    ask(page, SAFEGUARDING)
    ask(page, "And Lincolnshire?")
    assert "Read as:" in page.locator(".rag-turn[data-turn='1'] .rag-a").inner_text()
    page.reload()
    open_app(page, server)
    page.wait_for_function("() => document.querySelectorAll('#conversation .rag-turn').length == 2")
    assert visible_sources(page) == ["rag-sources-1"]

    page.locator("#new-conversation").click()
    page.locator("#confirm-clear-no").click()
    page.locator("#confirm-clear-no").wait_for(state="hidden")
    assert page.locator("#conversation .rag-turn").count() == 2
    page.locator("#new-conversation").click()
    page.locator("#confirm-clear-yes").click()
    page.wait_for_function("() => document.querySelectorAll('#conversation .rag-turn').length == 0")
    assert page.locator("#conversation .rag-card").count() == 0
    page.reload()
    open_app(page, server)
    page.wait_for_timeout(500)
    assert page.locator("#conversation .rag-turn").count() == 0


def test_asking_waits_for_the_kept_conversation_so_a_late_restore_replaces_no_answer(page, slow_restore_server):
    page.goto(slow_restore_server)
    box = page.locator("#question textarea")
    box.wait_for(state="visible")
    assert box.is_disabled() and page.locator("#send").is_disabled()
    page.wait_for_function("() => document.activeElement === document.querySelector('#question textarea')")
    ask(page, SAFEGUARDING)
    page.wait_for_timeout(1000)
    assert page.locator("#conversation .rag-turn").count() == 1 and page.locator(".rag-selected .rag-open").count()


def test_long_question_is_counted_and_refused_with_a_notice_never_cut(page, server):
    open_app(page, server)
    limit = 1000
    long_question = "Why " + "very " * (limit // 5) + "?"
    box = page.locator("#question textarea")
    box.fill(long_question)
    assert box.input_value() == long_question  # not cut by the browser
    page.locator("#question-count", has_text="too long").wait_for()
    page.locator("#send").click()
    page.locator("#question-notice", has_text=f"the limit is {limit:,}").wait_for()
    assert box.input_value() == long_question and page.locator("#conversation .rag-turn").count() == 0
    slider_box = page.locator("#k input[type=number]")
    if slider_box.count():  # the number box next to the slider cannot go past the stated range
        page.get_by_text("Search filters").click()
        slider_box.fill("50")
        slider_box.press("Tab")
        page.wait_for_function("() => document.querySelector('#k input[type=number]').value === '20'")


def test_open_in_report_scrolls_highlights_focuses_and_whole_report_keeps_it(page, server):
    open_app(page, server)
    ask(page, SAFEGUARDING)
    page.locator(".rag-selected .rag-open").first.click()
    focus = page.locator("#document-view #rag-focus")
    focus.wait_for(state="visible")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'rag-focus'")
    assert focus.locator("mark").count() >= 1 and "Camden" in page.locator("#document-view h2").inner_text()
    page.locator("#whole-report").click()
    page.wait_for_timeout(1000)
    assert page.locator("#document-view #rag-focus mark").count() >= 1


def test_phone_layout_puts_each_answer_right_above_its_sources(browser, server):
    pg = new_page(browser, 390, 844, is_mobile=True, has_touch=True)
    try:
        open_app(pg, server)
        assert not pg.locator("#councils").is_visible()  # the filters are folded away
        ask(pg, SAFEGUARDING)
        answer = pg.locator(".rag-selected .rag-a").bounding_box()
        sources = pg.locator(".rag-selected .rag-sources").bounding_box()
        gap = sources["y"] - (answer["y"] + answer["height"])
        assert 0 <= gap < 60, (answer, sources)
        assert sources["x"] + sources["width"] <= 390
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / "ask-390px.png"), full_page=True)
        pg.get_by_role("tab", name="Evaluation").click()
        pg.locator("#run-eval").wait_for(state="visible")
        assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        pg.context.close()


def axe_violations(pg, script: Path) -> list[dict]:
    """Serious and critical axe-core violations on the page as it settles: colours are measured after
    running transitions end (a button turning enabled fades its colours in)."""
    pg.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    if not pg.evaluate("typeof window.axe !== 'undefined'"):
        pg.add_script_tag(path=str(script))
    found = pg.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => "
                        "({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))})))")
    return [v for v in found if v["impact"] in ("serious", "critical")]


def test_accessibility_has_no_serious_violations(page, server, axe_script):
    open_app(page, server)
    ask(page, SAFEGUARDING)
    assert page.get_by_role("textbox", name="Your question about the reports").count() == 1
    expect(page.locator("#export-md")).to_be_enabled()  # checked as they are once there is something to export
    problems = {"Ask": axe_violations(page, axe_script)}
    page.locator(".rag-selected .rag-open").first.click()
    page.locator("#document-view #rag-focus").wait_for(state="visible")
    problems["Documents"] = axe_violations(page, axe_script)
    page.get_by_role("tab", name="Evaluation").click()
    page.locator("#run-eval").wait_for(state="visible")
    problems["Evaluation"] = axe_violations(page, axe_script)
    page.goto(server + "?__theme=dark")  # the dark theme too, with the stored conversation
    page.locator("#conversation .rag-turn").first.wait_for(state="visible")
    expect(page.locator("#export-md")).to_be_enabled()
    problems["Ask, dark"] = axe_violations(page, axe_script)
    assert not any(problems.values()), problems


def test_many_tabs_all_load_and_answer(browser, server):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    try:
        pages = [context.new_page() for _ in range(8)]
        for pg in pages:
            pg.set_default_timeout(WAIT_MS)
            open_app(pg, server)
        ask(pages[-1], SAFEGUARDING)
        ask(pages[0], WAITING)
        assert pages[-1].locator("#conversation .rag-turn").count() >= 1
    finally:
        context.close()


def git_status() -> str:
    """`git status --porcelain` of the checkout (untracked files included)."""
    return subprocess.run(["git", "status", "--porcelain"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          check=True).stdout


def test_evaluation_tab_runs_to_the_end_outside_the_checkout(page, server, eval_dir):
    before = git_status()
    open_app(page, server)
    page.get_by_role("tab", name="Evaluation").click()
    page.evaluate("() => { window.maxBars = 0; setInterval(() => { window.maxBars = Math.max(window.maxBars, "
                  "document.querySelectorAll('.progress-level').length); }, 100); }")
    page.locator("#run-eval").click()
    for _ in range(600):  # until the report is written and the progress display has gone
        page.wait_for_timeout(1000)
        if list(eval_dir.glob("*.json")) and not page.locator(".progress-level, .progress-text").count():
            break
    assert page.evaluate("window.maxBars") == 1  # one progress bar, shown while it ran
    page.locator("#eval-chart img").wait_for(state="visible")
    assert "hybrid" in page.locator("#eval-report").inner_text()
    assert len(page.locator("#eval-chart img").get_attribute("alt")) > 40
    assert list(eval_dir.glob("*.json")) and git_status() == before
    page.screenshot(path=str(ARTIFACTS / "evaluation.png"), full_page=True)


def test_hostile_report_is_shown_as_text_and_runs_nothing(page, hostile_server):
    open_app(page, hostile_server)
    ask(page, HOSTILE_QUESTION)
    conversation = page.locator("#conversation").inner_text()
    assert "<script>alert(1)</script>" in conversation and "${1+1} {{value}}" in conversation
    page.locator(".rag-selected .rag-open").first.click()
    page.locator("#document-view #rag-focus").wait_for(state="visible")
    page.locator("#whole-report").click()
    page.wait_for_function("() => document.querySelector('#document-view').innerText.includes('onmouseover')")
    view = page.locator("#document-view").inner_text()
    assert "<b onmouseover=alert(3)>survey</b>" in view and "[a link](javascript:alert(4))" in view
    for panel in ("#conversation", "#document-view"):
        assert page.locator(f"{panel} :is({INJECTED})").count() == 0, panel
    page.wait_for_timeout(500)  # give any injected handler a chance to fire
    assert page.dialogs == []
