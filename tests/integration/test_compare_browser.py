"""The Compare tab in a real Chromium: the matrix is shown, a score opens its section, the CSV
download holds the matrix, and a comparison shows cited findings by score band."""

from __future__ import annotations

from pathlib import Path

import gradio as gr
import pytest

from rag.config import PROJECT_ROOT
from tests.helpers import CHROMIUM, free_port
from ui.compare import compare_tab

pytestmark = [
    pytest.mark.browser,
    pytest.mark.timeout(600),
    pytest.mark.filterwarnings("ignore:.*(no_silent_downcasting|copy keyword).*"),
]

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "reports"
WAIT_MS = 60_000

if not CHROMIUM.exists():  # pragma: no cover - CI installs it
    pytest.skip("Chromium is not installed at /usr/bin/chromium", allow_module_level=True)


@pytest.fixture(scope="module")
def pipeline(reports_pipeline):
    """The fixture reports indexed with the real model (shared with the other tests)."""
    return reports_pipeline


@pytest.fixture(scope="module")
def server(pipeline):
    """A small app holding only the Compare tab, on a free loopback port."""
    with gr.Blocks(analytics_enabled=False) as demo, gr.Tabs(), gr.Tab("Compare", id="compare"):
        compare_tab(pipeline)
    _, url, _ = demo.launch(server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True,
                            quiet=True, ssr_mode=False, mcp_server=False, enable_monitoring=False,
                            show_error=False, blocked_paths=[str(pipeline.settings.index_dir)])
    yield url
    demo.close(verbose=False)


@pytest.fixture()
def page(browser):
    """A fresh page that accepts downloads."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(WAIT_MS)
    yield pg
    context.close()


def test_matrix_is_shown_and_a_score_opens_its_section(page, server):
    page.goto(server, timeout=WAIT_MS)
    matrix = page.locator("#score-matrix")
    matrix.get_by_text("Isles of Scilly", exact=True).filter(visible=True).first.wait_for(state="visible")
    text = matrix.inner_text()
    assert "3 (summary)" in text and "Unnamed council · Safeguarding · score 2" in text
    assert "Requires improvement" in text and "2 (indicative)" in text

    matrix.get_by_text("3 (summary)", exact=True).filter(visible=True).first.click()
    section = page.locator("#score-section")
    section.locator("mark").first.wait_for(state="visible")
    assert "Isles of Scilly · Partnerships and communities · score 3" in section.locator("h3").inner_text()
    assert "summary" in section.locator("h3").inner_text()
    assert "Partnerships and communities" in section.locator("mark").inner_text()
    assert "scilly_overview.txt" in section.inner_text()


def test_theme_filter_keeps_that_themes_statements(page, server):
    page.goto(server, timeout=WAIT_MS)
    matrix = page.locator("#score-matrix")
    matrix.get_by_text("Camden", exact=True).filter(visible=True).first.wait_for()
    assert "Governance, management and sustainability" in matrix.inner_text()
    page.locator("#scores-theme input").first.click()
    page.get_by_role("option", name="Leadership", exact=True).click()
    page.wait_for_function(
        "() => !document.querySelector('#score-matrix').innerText.includes('Assessing needs')", timeout=WAIT_MS)
    text = matrix.inner_text()
    assert "Governance, management and sustainability" in text and "Assessing needs" not in text


def test_csv_download_holds_the_matrix(page, server, pipeline):
    page.goto(server, timeout=WAIT_MS)
    page.locator("#score-matrix").get_by_text("Rutland", exact=True).filter(visible=True).first.wait_for()
    with page.expect_download() as info:
        page.locator("#scores-csv").click()
    content = Path(info.value.path()).read_text(encoding="utf-8")
    assert content == pipeline.scores().to_csv()
    assert "Isles of Scilly,Good,69,3,3,3,2,3 (summary),3,3,3,2" in content.splitlines()


def test_side_by_side_findings_by_band(page, server):
    page.goto(server, timeout=WAIT_MS)
    page.locator("#compare-topic textarea, #compare-topic input").first.fill("waiting lists")
    page.locator("#compare-run").click()
    result = page.locator("#compare-result")
    result.locator(".rag-card").first.wait_for(state="visible")
    bands = result.locator(".rag-band").all_inner_texts()
    assert bands == ["Councils scoring 3–4", "Councils scoring 1–2"]
    camden = result.locator(".rag-card[data-council='Camden']")
    assert "score 3" in camden.inner_text() and "034_7f3a9c1e5d2b0864.txt" in camden.inner_text()
    assert "waiting" in camden.locator(".rag-text").first.inner_text()
    page.locator("#compare-md").wait_for(state="visible")
