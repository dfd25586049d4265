"""The chat UI in a real Chromium: ask, see the cited passage highlighted, open it; hostile text stays text."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

from tests.conftest import copy_seeds
from rag.config import PROJECT_ROOT
from ui.app import build_app, launch

pytestmark = [
    pytest.mark.browser,
    pytest.mark.timeout(300),
    pytest.mark.filterwarnings("ignore:.*(no_silent_downcasting|copy keyword).*"),
]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
WAIT_MS = 60_000
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
README_SCREENSHOT = PROJECT_ROOT / "docs" / "screenshot-ask.png"
POT_QUESTION = "Which councils have a Principal Occupational Therapist?"
HOSTILE_DOC = "005_hostile.txt"
HOSTILE_LABEL = "Zephyrbrook <i onclick=alert(5)>Borough</i>"
HOSTILE_PARAGRAPH = ("The Zephyrbrook council ran a <script>alert(1)</script> training scheme called Quillfeather "
                     "for all staff in 2023. Staff said the Quillfeather scheme <img src=x onerror=alert(1)> was "
                     "*very* _useful_ and cost ${1+1} {{value}} pounds.")
HOSTILE_TEXT = f"""Learning, improvement and innovation

Score 2

2 - Evidence shows some shortfalls

Continuous learning, improvement and professional development

{HOSTILE_PARAGRAPH}

Learning from feedback

Zephyrbrook collected feedback through a <b onmouseover=alert(3)>survey</b> & [a link](javascript:alert(4)) form.
"""
HOSTILE_QUESTION = "What training scheme did Zephyrbrook run?"
#: Elements that would mean document text became markup.
INJECTED = "script:not([src]), img[onerror], [onclick], [onmouseover], a[href^='javascript']"

if not CHROMIUM.exists():  # pragma: no cover - CI installs it (.ci/run)
    pytest.skip("Chromium is not installed at /usr/bin/chromium", allow_module_level=True)


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A fresh page that records any JavaScript dialog (none may open)."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(WAIT_MS)
    pg.dialogs = []  # messages of any alert/confirm/prompt the page opens
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


@pytest.fixture(scope="module")
def server(pipeline, settings):
    """The app over the seeds on a free loopback port."""
    app = build_app(pipeline, settings)
    yield launch(app, settings, host="127.0.0.1", port=free_port())
    app.close(verbose=False)


@pytest.fixture(scope="module")
def hostile_server(pipeline, settings, tmp_path_factory):
    """The app over the seeds plus a report whose text and authority name are HTML/JS payloads."""
    from rag.pipeline import Pipeline

    root = tmp_path_factory.mktemp("hostile-browser")
    shutil.copytree(settings.index_dir, root / "index")  # the incremental build then encodes one report
    seeds = copy_seeds(root / "seeds")
    (seeds / HOSTILE_DOC).write_text(HOSTILE_TEXT, encoding="utf-8")
    with (seeds / "metadata.toml").open("a", encoding="utf-8") as f:
        f.write(f'\n[documents."{HOSTILE_DOC}"]\nauthority = "{HOSTILE_LABEL}"\n'
                'quality_statement = "Learning, improvement and innovation"\nscore = 2\n')
    hostile = settings.with_overrides(seeds_dir=seeds, index_dir=root / "index")
    app = build_app(Pipeline.load(settings=hostile, build=True), hostile)
    yield launch(app, hostile, host="127.0.0.1", port=free_port())
    app.close(verbose=False)


def ask(page, question: str) -> None:
    """Type a question, send it, and wait until its sources are shown."""
    answers = "#chatbot [data-testid='bot']"
    before = page.locator(answers).count()
    page.locator("#question textarea").fill(question)
    page.locator("#send").click()
    page.wait_for_function("([sel, n]) => document.querySelectorAll(sel).length > n", arg=[answers, before],
                           timeout=WAIT_MS)
    page.locator("#sources .rag-card").first.wait_for(state="visible", timeout=WAIT_MS)


def test_ask_shows_cited_passage_with_highlight(page, server):
    page.goto(server, timeout=WAIT_MS)
    ask(page, POT_QUESTION)
    mark = page.locator("#sources mark").first
    mark.wait_for(state="visible", timeout=WAIT_MS)
    assert "Principal Occupational Therapist" in mark.inner_text()
    sources = page.locator("#sources").inner_text()
    assert "[1]" in sources and "Telford and Wrekin" in sources and "¶" in sources
    assert "[1]" in page.locator("#chatbot").inner_text()
    page.wait_for_timeout(300)  # let the layout settle before the screenshot
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "ask.png"), full_page=True)
    if os.environ.get("RAG_UPDATE_SCREENSHOT"):  # refresh the README's picture on request only
        shutil.copyfile(ARTIFACTS / "ask.png", README_SCREENSHOT)

    ask(page, "What is Schwarz Rounds?")  # a follow-up is answered on its own; the history stays
    chat = page.locator("#chatbot").inner_text()
    assert POT_QUESTION in chat and "Schwarz Rounds" in chat
    assert "Hounslow" in page.locator("#sources").inner_text()
    assert page.dialogs == []


def test_open_cited_passage_in_its_report(page, server):
    page.goto(server, timeout=WAIT_MS)
    ask(page, POT_QUESTION)
    page.locator("#open-source").click()
    focus = page.locator("#document-view .rag-focus")
    focus.wait_for(state="visible", timeout=WAIT_MS)
    assert "Principal Occupational Therapist" in focus.locator("mark").first.inner_text()
    assert page.locator("#document-view .rag-para").count() > 1  # neighbouring paragraphs too


def test_hostile_report_is_shown_as_text_and_runs_nothing(page, hostile_server):
    page.goto(hostile_server, timeout=WAIT_MS)
    ask(page, HOSTILE_QUESTION)
    sources = page.locator("#sources").inner_text()
    assert "<script>alert(1)</script>" in sources and "<img src=x onerror=alert(1)>" in sources
    assert HOSTILE_LABEL in sources and "${1+1} {{value}}" in sources
    assert "<script>alert(1)</script>" in page.locator("#chatbot").inner_text()

    page.locator("#open-source").click()
    page.locator("#document-view .rag-focus").wait_for(state="visible", timeout=WAIT_MS)
    page.get_by_role("button", name="Show whole report").click()
    page.wait_for_function("() => document.querySelector('#document-view').innerText.includes('onmouseover')")
    view = page.locator("#document-view").inner_text()
    assert "<b onmouseover=alert(3)>survey</b>" in view and "[a link](javascript:alert(4))" in view
    for panel in ("#sources", "#chatbot", "#document-view"):
        assert page.locator(f"{panel} :is({INJECTED})").count() == 0, panel
    page.wait_for_timeout(500)  # give any injected handler a chance to fire
    assert page.dialogs == []
