"""The chat UI without a browser: safe rendering, stored turns, copy and export text, the handlers over
the fixture reports, the ``ask`` API over gradio_client, and the Evaluation tab's folder and progress."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import replace
from html.parser import HTMLParser

import gradio as gr
import pytest

from rag.config import PROJECT_ROOT
from rag.errors import UsageError
from rag.server import launch
from tests.helpers import FIXTURE_REPORTS, free_port
from ui import render
from ui.app import build_app
from ui.callbacks import MAX_K, Handlers, checked_options
from ui.turns import Source, Turn, stored, turns_from

pytestmark = [pytest.mark.timeout(600),
              pytest.mark.filterwarnings("ignore:.*(no_silent_downcasting|copy keyword).*")]

HOSTILE = "<script>alert(1)</script> ${1+1} {{value}} *very* [a](javascript:x) & \"q\""
#: Tags the rendered panels may contain; anything else would mean report text became markup.
SAFE_TAGS = {"div", "span", "p", "h2", "h3", "article", "header", "mark", "details", "summary", "section", "aside",
             "a", "button", "figure", "img"}


class TagCollector(HTMLParser):
    """The tags and attributes of an HTML fragment."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(fragment: str) -> list[tuple[str, dict]]:
    """Parse ``fragment`` and return its start tags."""
    parser = TagCollector()
    parser.feed(fragment)
    return parser.tags


def make_source(n: int | None = 1, rank: int = 1, text: str = "First sentence here. Second one.",
                label: str = "Camden", relevance: float = 0.8, highlights=((0, 20),), published: str | None = None,
                doc: str = "034.txt") -> Source:
    """A source record for rendering tests."""
    return Source(n=n, rank=rank, doc=doc, label=label, council=label, statement="Safeguarding",
                  section="Safeguarding systems", paragraph=3, kind="finding", rating=3, text=text, start=100,
                  end=100 + len(text), relevance=relevance, highlights=tuple(highlights), published=published)


def make_turn(answer: str = "Camden: First sentence here. [1]", sources=None, **extra) -> Turn:
    """A turn whose answer cites the given sources."""
    sources = sources or (make_source(),)
    return Turn(question="What did Camden do?", answer=answer, abstained=False, citations=tuple(sources),
                passages=tuple(sources), **extra)


# -- rendering ----------------------------------------------------------------------------------------
def test_markers_become_links_whose_tooltip_is_the_sentence_they_support():
    turn = make_turn("Camden: First sentence here. [1] Another point. [2] Stray [9].",
                     (make_source(1), make_source(2, rank=2, text="Another point. More.")))
    body = render.answer_body_html(0, turn)
    links = [a for t, a in tags_of(body) if t == "a"]
    assert [a["href"] for a in links] == ["#rag-src-0-1", "#rag-src-0-2"]
    assert links[0]["title"] == "Camden: First sentence here." and links[1]["title"] == "Another point."
    assert "Stray [9]." in body  # a marker with no citation stays text


def test_source_card_escapes_text_and_keeps_relevance_within_100_percent():
    best = make_source(label=HOSTILE, text=HOSTILE, relevance=3.2, highlights=((0, 8),), published="14 March 2025")
    half = make_source(n=None, rank=2, relevance=1.6, doc="other.txt")
    turn = replace(make_turn(sources=(best,)), passages=(best, half))
    html = render.sources_html(0, turn)
    assert all(t in SAFE_TAGS for t, _ in tags_of(html)), {t for t, _ in tags_of(html)} - SAFE_TAGS
    assert "<script>" not in html and "&lt;script&gt;" in html and "${" not in html and "{{" not in html
    percents = [int(p) for p in re.findall(r'class="rag-pct">(\d+)%', html)]
    assert percents == [100, 50] and max(percents) <= 100
    assert "Score 3" in html and "Published 14 March 2025" in html and "Rank 2" in html


def test_a_cited_passage_outside_the_ranked_list_shows_no_rank_or_bar():
    score_line = make_source(rank=0, relevance=1.0, text="Score 3")
    html = render.sources_html(0, make_turn(sources=(score_line,)))
    assert "Outside the ranked passages" in html and "Rank 0" not in html and "rag-bar" not in html


def test_plain_text_copy_has_numbered_references_and_no_markup():
    turn = make_turn(sources=(make_source(text="A & B <ok> *starred*. Tail.", highlights=((0, 21),),
                                          published="14 March 2025"),), filters="councils: Camden")
    text = render.plain_text(turn)
    assert text.startswith("Camden: First sentence here. [1]")
    assert "\nReferences\n[1] Camden — Safeguarding — document 034.txt, published 14 March 2025: " in text
    assert "“A & B <ok> *starred*.”" in text and "Filters: councils: Camden" in text
    assert "\\" not in text and "&amp;" not in text and "<mark>" not in text


def test_exports_hold_each_question_answer_and_reference():
    turns = [make_turn(), make_turn("Camden: Other text here. [1]", (make_source(label=HOSTILE),))]
    md = render.conversation_markdown(turns)
    assert md.count("## Question") == 2 and md.count("### References") == 2 and "What did Camden do?" in md
    assert "<script>" not in md and "\\<script\\>" in md
    page = render.conversation_html_file(turns)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "src=" not in page
    assert 'href="#ref-1-1"' in page and 'id="ref-1-1"' in page and "&lt;script&gt;" in page


def test_turns_are_stored_by_reference_and_bad_entries_are_skipped():
    source = make_source(text="Quoted passage text that stays on the server.")
    turns = [make_turn(sources=(source,), read_as="What did Camden do about safeguarding?", notices=("n1",))]
    index = {(source.doc, source.start): replace(source, n=None, rank=0, relevance=0.0, highlights=())}
    saved = json.loads(json.dumps(stored(turns)))
    assert "Quoted passage" not in json.dumps(saved)  # the browser keeps references, not report text
    assert turns_from(saved, lambda doc, start: index.get((doc, start))) == turns
    bad_ref = {**saved[0], "citations": [[1, 1, source.doc, "100", 0.8, []]]}
    broken = saved + [{"question": 5}, "x", bad_ref, {**saved[0], "citations": [[0] * 6] * 1000}]
    assert turns_from(broken, lambda doc, start: index.get((doc, start))) == turns
    gone = turns_from(saved, lambda doc, start: None)  # the index no longer holds the passage
    assert gone[0].question == turns[0].question and gone[0].citations == ()
    assert turns_from("not a list", lambda doc, start: None) == [] and turns_from(None, lambda d, s: None) == []


def test_checked_options_use_the_slider_range():
    assert checked_options(MAX_K, "dense") == (MAX_K, "dense") and checked_options(1.0, None) == (1, None)
    for bad_k in (0, MAX_K + 1, 50, 2.5, "x", None):
        with pytest.raises(UsageError, match=f"1 to {MAX_K}"):
            checked_options(bad_k, "hybrid")
    with pytest.raises(UsageError, match="retriever"):
        checked_options(5, "nope")


# -- handlers over the fixture reports ------------------------------------------------------------------
@pytest.fixture(scope="module")
def handlers(reports_pipeline, reports_settings):
    return Handlers(reports_pipeline, reports_settings)


def test_publication_dates_come_from_the_reports(handlers):
    expected = {}
    for path in FIXTURE_REPORTS.glob("*.txt"):
        m = re.search(r"^Published:\s*(\d{1,2} \w+ \d{4})", path.read_text(encoding="utf-8"), re.MULTILINE)
        if m:
            expected[path.name] = m.group(1)
    assert expected, "the fixture reports state publication dates"
    for doc, date in expected.items():
        if doc in handlers.documents:
            assert handlers.published.get(doc) == date, doc


def test_reports_are_listed_by_council_label_never_by_file_name(handlers):
    unnamed = [d for d in handlers.documents.values() if d.label.startswith("Unnamed council")]
    assert unnamed, "the fixture corpus has a report without a council name"
    for info in handlers.documents.values():
        shown = info.choice[0]
        assert info.doc_id not in shown and not re.search(r"[0-9a-f]{16}", shown), shown


def test_follow_up_gets_the_earlier_questions_and_filters_are_stated(handlers, monkeypatch):
    seen = []
    real_ask = handlers.pipeline.ask

    def spy(question, **kw):
        seen.append(kw["history"])
        return real_ask(question, **kw)

    monkeypatch.setattr(handlers.pipeline, "ask", spy)
    first = "What score did Camden get for safeguarding?"
    out = handlers.respond(first, [], [], "All", "All", 5, "hybrid")
    saved, conversation = out[1], out[2]
    assert "Camden" in conversation and "Read as:" not in conversation
    out = handlers.respond("And Lincolnshire?", saved, [], "All", "All", 5, "hybrid")
    assert seen == [(), (first,)]
    turns = turns_from(out[1], handlers.source_at)
    assert len(turns) == 2 and turns[1].read_as and "Lincolnshire" in turns[1].read_as
    assert f"Read as: {render.esc(turns[1].read_as)}" in out[2]
    out = handlers.respond("What did the council do about safeguarding?", out[1], ["Camden"], "All", "All", 5, None)
    assert turns_from(out[1], handlers.source_at)[2].filters == "councils: Camden"
    assert "Filters: councils: Camden" in out[2]


def test_restore_shows_what_was_kept_and_only_then_lets_the_user_ask(handlers):
    ready = (True, True)
    out = handlers.restore([])  # nothing kept: the empty conversation on the page is left as it is
    assert all(isinstance(o, type(gr.skip())) for o in out[:4])
    assert (out[4]["interactive"], out[5]["interactive"]) == ready and out[6]["visible"] is True
    saved = handlers.respond("What score did Camden get for safeguarding?", [], [], "All", "All", 5, "hybrid")[1]
    out = handlers.restore(saved)
    assert out[0] == saved and "Camden" in out[1] and 'data-turn="0"' in out[1]
    assert (out[4]["interactive"], out[5]["interactive"]) == ready


def test_question_over_the_limit_gets_a_notice_and_is_not_sent(handlers, monkeypatch):
    monkeypatch.setattr(handlers.pipeline, "ask", lambda *a, **k: pytest.fail("a too-long question was sent"))
    long_question = "x" * (handlers.max_chars + 1)
    out = handlers.respond(long_question, [], [], "All", "All", 5, "hybrid")
    notice = out[-1]
    assert f"{handlers.max_chars + 1:,} characters" in notice and f"limit is {handlers.max_chars:,}" in notice
    assert all(isinstance(o, type(gr.skip())) for o in out[:5])  # the box keeps the question; nothing changes


def test_opened_passage_is_highlighted_and_stays_so_in_the_whole_report(handlers):
    chunk = next(c for c in handlers.pipeline.data.chunks if c.kind == "finding" and len(c.text) > 40)
    event = gr.EventData(None, {"doc": chunk.doc_id, "start": chunk.start, "highlights": "[[0, 20]]"})
    tabs, council, report, section, view, focus = handlers.open_source(event)
    assert tabs.selected == "documents" and report["value"] == chunk.doc_id
    assert 'id="rag-focus"' in view and f"<mark>{render.esc(chunk.text[:20])}</mark>" in view
    other = next(s for s in handlers.section_choices(chunk.doc_id)[1:] if s != chunk.section)
    assert 'id="rag-focus"' not in handlers.document_view(chunk.doc_id, other, focus)
    _, whole = handlers.whole_report(chunk.doc_id, focus)
    assert 'id="rag-focus"' in whole and f"<mark>{render.esc(chunk.text[:20])}</mark>" in whole
    refused = handlers.open_source(gr.EventData(None, {"doc": "../../etc/passwd", "start": 0}))
    assert all(isinstance(o, type(gr.skip())) for o in refused)


def git_status() -> str:
    """`git status --porcelain` of the checkout (untracked files included)."""
    return subprocess.run(["git", "status", "--porcelain"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          check=True).stdout


def test_evaluation_runs_outside_the_checkout_with_progress_to_100(handlers, tmp_path, monkeypatch):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join((PROJECT_ROOT / "eval" / "fixtures.jsonl").read_text(encoding="utf-8")
                            .splitlines(keepends=True)[:6]), encoding="utf-8")
    monkeypatch.setattr(handlers, "gold", gold)
    monkeypatch.setattr(handlers, "eval_dir", tmp_path / "reports")
    fractions = []

    class Progress:
        def __call__(self, fraction, desc=None):
            fractions.append(fraction)

    before = git_status()
    summary, chart = handlers.run_eval(progress=Progress())
    assert git_status() == before
    assert list((tmp_path / "reports").glob("ui-gold.*")), "the report is written to the chosen folder"
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and fractions == sorted(fractions)
    assert "hybrid" in summary and str(PROJECT_ROOT) not in summary
    img = [a for t, a in tags_of(chart) if t == "img"]
    assert len(img) == 1 and img[0]["src"].startswith("data:image/png;base64,") and len(img[0]["alt"]) > 40


# -- the API over HTTP ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def client(reports_pipeline, reports_settings):
    from gradio_client import Client

    app = build_app(reports_pipeline, reports_settings)
    url = launch(app, reports_settings, host="127.0.0.1", port=free_port())
    c = Client(url, verbose=False)
    yield c, app
    c.close()
    app.close(verbose=False)


def test_api_and_slider_agree_on_the_passage_range(client):
    c, app = client
    slider = next(b for b in app.blocks.values() if isinstance(b, gr.Slider) and b.elem_id == "k")
    assert (slider.minimum, slider.maximum) == (1, MAX_K)
    answer = c.predict("What score did Camden get for safeguarding?", MAX_K, "hybrid", api_name="/ask")
    assert len(answer["passages"]) <= MAX_K and answer["citations"]
    with pytest.raises(Exception, match=f"1 to {MAX_K}"):
        c.predict("What score did Camden get for safeguarding?", MAX_K + 1, "hybrid", api_name="/ask")


def test_question_box_is_labelled_for_what_it_is(client):
    _, app = client
    box = next(b for b in app.blocks.values() if isinstance(b, gr.Textbox) and b.elem_id == "question")
    assert "question" in box.label.lower() and box.max_length is None  # never cut silently by the browser


def test_no_per_tab_heartbeat_so_many_tabs_can_load(client):
    """A gr.State makes every browser tab hold a heartbeat stream open; with HTTP/1.1's six connections
    per host the sixth tab would then stall, so the app keeps its state in the browser instead."""
    _, app = client
    assert app.get_config_file()["connect_heartbeat"] is False
