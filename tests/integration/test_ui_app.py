"""The chat UI: safe HTML rendering, the ``ask`` API over gradio_client, hostile documents shown literally."""

from __future__ import annotations

import re
import shutil
import socket
import sys
import types
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import copy_seeds
from rag.config import PROJECT_ROOT
from rag.records import Answer, Chunk, Citation, Passage, Sentence
from ui import render
from rag.errors import UsageError
from ui.app import INTERNAL_ERROR, Handlers, build_app, checked_options, hide_paths, is_loopback, launch, source_refs

pytestmark = [pytest.mark.timeout(300),
              pytest.mark.filterwarnings("ignore:.*(no_silent_downcasting|copy keyword).*")]

POT_QUESTION = "Which councils have a Principal Occupational Therapist?"
HOSTILE_DOC = "005_hostile.txt"
HOSTILE_LABEL = "Zephyrbrook <i onclick=alert(5)>Borough</i>"
HOSTILE_TEXT = """Learning, improvement and innovation

Score 2

2 - Evidence shows some shortfalls

Key findings for this quality statement

Continuous learning, improvement and professional development

The Zephyrbrook council ran a <script>alert(1)</script> training scheme called Quillfeather for all staff in 2023. \
Staff said the Quillfeather scheme <img src=x onerror=alert(1)> was *very* _useful_ and cost ${1+1} {{value}} pounds.

Learning from feedback

Zephyrbrook collected feedback through a <b onmouseover=alert(3)>survey</b> & [a link](javascript:alert(4)) form.
"""
HOSTILE_QUESTION = "What training scheme did Zephyrbrook run?"
SAFE_TAGS = {"div", "span", "p", "h3", "h4", "article", "header", "mark", "details", "summary"}


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_hostile_corpus(dest: Path) -> Path:
    """A copy of the seeds plus one report whose text and authority name are HTML/JS payloads."""
    copy_seeds(dest)
    (dest / HOSTILE_DOC).write_text(HOSTILE_TEXT, encoding="utf-8")
    with (dest / "metadata.toml").open("a", encoding="utf-8") as f:
        f.write(f'\n[documents."{HOSTILE_DOC}"]\nauthority = "{HOSTILE_LABEL}"\n'
                'quality_statement = "Learning, improvement and innovation"\nscore = 2\n')
    return dest


def make_chunk(text: str, chunk_id: int = 0, paragraph: int = 1, label: str = "Harrow", kind: str = "paragraph",
               section: str = "Learning from feedback", doc_id: str = "001.txt") -> Chunk:
    """A chunk record for rendering tests (offsets start at 100 in a made-up document)."""
    return Chunk(chunk_id=chunk_id, doc_id=doc_id, authority=label, label=label,
                 quality_statement="Learning, improvement and innovation", section=section, paragraph=paragraph,
                 start=100, end=100 + len(text), text=text, sentences=(Sentence(100, 100 + len(text), text),),
                 kind=kind, score=3)


def make_answer(chunk: Chunk, highlights=((0, 5),), abstained: bool = False, answer: str = "Cited text [1]") -> Answer:
    """An answer citing ``chunk`` once (or abstaining with it as the closest passage)."""
    passage = Passage(chunk, 0.8123, 1)
    citations = () if abstained else (Citation(1, passage, tuple(highlights)),)
    return Answer(question="q", answer=answer, abstained=abstained, citations=citations, passages=(passage,))


class _TagCollector(HTMLParser):
    """Collects every tag and attribute name of an HTML string."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]


def unsafe_markup(html_text: str) -> list[str]:
    """Tags outside the renderer's own vocabulary, and event-handler or href/src attributes."""
    collector = _TagCollector()
    collector.feed(html_text)
    bad = [t for t in collector.tags if t not in SAFE_TAGS]
    return bad + [a for a in collector.attrs if a.startswith("on") or a in ("href", "src", "style")]


def plain(html_text: str) -> str:
    """Text content of rendered HTML: tags dropped, entities decoded."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


# -- rendering --------------------------------------------------------------------------------

def test_esc_neutralises_markup_quotes_and_template_syntax():
    out = render.esc("""<script>alert("x")</script> & 'a' ${1+1} {{value}} `t`""")
    assert "<" not in out and ">" not in out and '"' not in out and "'" not in out
    assert "${" not in out and "{{" not in out and "`" not in out
    assert out.startswith("&lt;script&gt;alert(&quot;x&quot;)")


def test_highlight_puts_mark_exactly_around_ranges():
    text = "First sentence. Second <b>bold</b> one. Third."
    a, b = text.index("Second"), text.index(" Third")
    out = render.highlight_html(text, [(a, b)])
    assert out == "First sentence. <mark>Second &lt;b&gt;bold&lt;/b&gt; one.</mark> Third."
    assert plain(out) == text


def test_highlight_boundaries_inside_markup_never_split_entities():
    text = "a<script>b"
    out = render.highlight_html(text, [(1, 3)])  # "<s" only
    assert out == "a<mark>&lt;s</mark>cript&gt;b"


def test_highlight_merges_overlaps_and_clips_out_of_range():
    text = "0123456789"
    out = render.highlight_html(text, [(5, 7), (2, 4), (3, 6), (8, 99), (-5, 0), (9, 9)])
    assert out == "01<mark>23456</mark>7<mark>89</mark>"
    assert [(s.text, s.highlighted) for s in render.segments(text, [(8, 99), (2, 7)])] == [
        ("01", False), ("23456", True), ("7", False), ("89", True)]


def test_highlight_with_no_ranges_is_just_escaped_text():
    assert render.highlight_html("<x> & y") == "&lt;x&gt; &amp; y"


def test_chat_text_shows_html_and_markdown_literally():
    out = render.chat_text("<img src=x onerror=alert(1)> *bold* [a](javascript:alert(1)) # h")
    assert "<" not in out and ">" not in out
    for ch in "*[]()#":
        assert f"\\{ch}" in out
    assert "&lt;img" in out


def test_answer_message_bolds_markers_and_shows_abstention_plainly():
    chunk = make_chunk("Harrow recorded 510 complaints.")
    msg = render.answer_message(make_answer(chunk, answer="Harrow: 510 complaints [1]"))
    assert msg.endswith("**\\[1\\]**")
    abstain = render.answer_message(make_answer(chunk, abstained=True, answer="The reports don't answer this."))
    assert "answer this" in abstain and "Possibly related" in abstain and "**" not in abstain


def test_sources_html_escapes_labels_and_marks_cited_sentences():
    text = "Intro. <script>alert(1)</script> was quoted. Outro."
    a, b = text.index("<script>"), text.index(" Outro")
    chunk = make_chunk(text, label="<img src=x onerror=alert(1)>")
    out = render.sources_html(make_answer(chunk, highlights=[(a, b)]))
    assert not unsafe_markup(out)
    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt; was quoted.</mark>" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "Learning from feedback" in out and "001.txt" in out and "¶1" in out and "Score 3" in out


def test_sources_html_abstention_lists_possibly_related_without_marks():
    chunk = make_chunk("Something nearby.")
    out = render.sources_html(make_answer(chunk, abstained=True, answer="The reports don't answer this."))
    assert "Possibly related" in out and "Something nearby." in out and "<mark>" not in out


def test_document_html_window_focus_and_section():
    chunks = [make_chunk(f"Paragraph {i} <u>.", chunk_id=i, paragraph=i,
                         section="A" if i < 5 else "B") for i in range(1, 9)]
    out = render.document_html(chunks, focus=4, highlights=[(0, 9)], window=1)
    assert "Paragraph 3" in out and "Paragraph 5" in out and "Paragraph 2" not in out and "Paragraph 6" not in out
    assert '<div class="rag-para rag-focus" id="para-4">' in out
    assert "<mark>Paragraph</mark> 4 &lt;u&gt;." in out
    assert "2 earlier paragraph(s)" in out and "3 later paragraph(s)" in out
    only_b = render.document_html(chunks, section="B")
    assert "Paragraph 5" in only_b and "Paragraph 4" not in only_b
    assert not unsafe_markup(out + only_b) and "<u>" not in out


def test_source_refs_list_citations_first_with_their_highlights():
    chunk = make_chunk("Text here.", chunk_id=7)
    choices, refs = source_refs(make_answer(chunk, highlights=[(0, 4)]))
    assert choices == [("[1] Harrow · ¶1", "7")]
    assert refs["7"].highlights == ((0, 4),)


def test_is_loopback_and_hide_paths():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
    assert hide_paths(f"Gold: `{PROJECT_ROOT}/eval/gold.jsonl`") == "Gold: `eval/gold.jsonl`"


def test_checked_options_accept_ui_values_and_reject_bad_ones():
    assert checked_options(5.0, "hybrid") == (5, "hybrid")
    assert checked_options("3", "") == (3, None)
    for k, retriever in [(0, None), (101, None), (2.5, None), ("x", None), (5, "faiss")]:
        with pytest.raises(UsageError):
            checked_options(k, retriever)


def test_unexpected_errors_reach_the_user_as_one_generic_line(monkeypatch, pipeline, settings):
    import gradio as gr

    def broken(*args, **kwargs):
        raise RuntimeError(f"boom in {PROJECT_ROOT}/rag/secret.py")

    h = Handlers(pipeline, settings)
    monkeypatch.setattr(pipeline, "ask", broken)
    with pytest.raises(gr.Error) as err:
        h.ask_api("What is Schwarz Rounds?")
    assert err.value.message == INTERNAL_ERROR
    _, history, sources, _, _ = h.respond("What is Schwarz Rounds?", [], [], "All", 5, "hybrid")
    shown = history[-1]["content"] + sources
    assert "went wrong" in shown and "boom" not in shown and str(PROJECT_ROOT) not in shown


# -- evaluation tab (against a stand-in for rag.evaluate) -------------------------------------

def test_eval_tab_degrades_when_module_missing(monkeypatch, pipeline, settings):
    monkeypatch.setitem(sys.modules, "rag.evaluate", None)  # makes the import fail
    h = Handlers(pipeline, settings)
    text, image = h.latest_eval()
    assert "not available" in text and image["visible"] is False
    text, _ = h.run_eval(progress=lambda *a, **k: None)
    assert "not available" in text


def test_eval_tab_shows_report_and_reports_progress(monkeypatch, pipeline, settings, tmp_path):
    from PIL import Image

    png = tmp_path / "r.png"
    Image.new("RGB", (8, 4), "white").save(png)
    report = {"markdown": f"| metric | hybrid |\n|---|---|\n| hit@5 | 0.9 |\n\n{PROJECT_ROOT}/eval/gold.jsonl",
              "png": str(png), "json": str(tmp_path / "r.json")}
    calls = []

    def run_gold_eval(p, gold_path, retriever="all", progress=None):
        progress(0.5, "hybrid")
        return report

    fake = types.SimpleNamespace(latest_report=lambda d: report, run_gold_eval=run_gold_eval)
    monkeypatch.setitem(sys.modules, "rag.evaluate", fake)
    h = Handlers(pipeline, settings)
    text, image = h.latest_eval()
    assert "hit@5" in text and str(PROJECT_ROOT) not in text
    assert image["visible"] is True and image["value"].size == (8, 4)
    text, image = h.run_eval(progress=lambda f, desc=None: calls.append((f, desc)))
    assert "hit@5" in text and (0.5, "hybrid") in calls


# -- the app over HTTP ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(pipeline, settings):
    """The app on a free loopback port, closed at the end of the module."""
    app = build_app(pipeline, settings)
    url = launch(app, settings, host="127.0.0.1", port=free_port())
    yield url
    app.close(verbose=False)


@pytest.fixture(scope="module")
def client(server):
    from gradio_client import Client

    c = Client(server, verbose=False)
    yield c
    c.close()


@pytest.fixture(scope="module")
def hostile_settings(pipeline, settings, tmp_path_factory):
    """Settings over the seeds plus the hostile report, with an index seeded from the session's one."""
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(settings.index_dir, root / "index")  # the incremental build then encodes one report
    return settings.with_overrides(seeds_dir=write_hostile_corpus(root / "seeds"), index_dir=root / "index")


@pytest.fixture(scope="module")
def hostile_pipeline(hostile_settings):
    from rag.pipeline import Pipeline

    return Pipeline.load(settings=hostile_settings, build=True)


@pytest.fixture(scope="module")
def hostile_client(hostile_pipeline, hostile_settings):
    """A client of the app serving the hostile corpus."""
    from gradio_client import Client

    app = build_app(hostile_pipeline, hostile_settings)
    url = launch(app, hostile_settings, host="127.0.0.1", port=free_port())
    c = Client(url, verbose=False)
    yield c
    c.close()
    app.close(verbose=False)


def test_api_ask_returns_answer_json_with_citations(client):
    result = client.predict(POT_QUESTION, api_name="/ask")
    assert result["question"] == POT_QUESTION and not result["abstained"]
    assert result["citations"], result
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", result["answer"])}
    assert markers == {c["n"] for c in result["citations"]}
    first = result["citations"][0]
    assert {"doc", "authority", "section", "text", "start", "end", "score", "highlights"} <= set(first)
    assert any("Principal Occupational Therapist" in c["text"] for c in result["citations"])


def test_api_ask_accepts_k(client):
    result = client.predict("What is Schwarz Rounds?", 2, api_name="/ask")
    assert len(result["passages"]) <= 2 and "Schwarz" in result["answer"]


def test_api_errors_are_one_clean_line(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError) as err:
        client.predict("   ", api_name="/ask")
    message = str(err.value)
    assert "question is empty" in message
    assert "Traceback" not in message and str(PROJECT_ROOT) not in message


def test_api_rejects_unknown_retriever_cleanly(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="retriever must be one of"):
        client.predict("What is Schwarz Rounds?", 5, "faiss", api_name="/ask")


def test_chat_endpoint_keeps_history_and_fills_sources(client):
    _, history, sources, _picker = client.predict(POT_QUESTION, [], [], "All", 5, "hybrid", api_name="/chat")
    _, history, sources, _picker = client.predict("What is Schwarz Rounds?", history, [], "All", 5, "hybrid",
                                                  api_name="/chat")
    texts = [part["text"] for m in history for part in m["content"]]
    assert len(history) == 4 and "Principal Occupational Therapist" in texts[0] and "Schwarz" in texts[3]
    assert "<mark>" in sources and "Hounslow" in sources


def test_hostile_report_renders_literally_in_sources_and_chat(hostile_client):
    _, history, sources, _ = hostile_client.predict(HOSTILE_QUESTION, [], [], "All", 5, "hybrid", api_name="/chat")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in sources
    assert "&lt;img src=x onerror=alert(1)&gt;" in sources
    assert "Zephyrbrook &lt;i onclick=alert(5)&gt;Borough&lt;/i&gt;" in sources
    assert not unsafe_markup(sources), sources
    assert "<script>alert(1)</script>" in plain(sources)
    answer = history[-1]["content"][0]["text"]
    assert "Quillfeather" in answer and "<" not in answer


def test_hostile_report_renders_literally_in_document_view(hostile_client):
    view = hostile_client.predict(HOSTILE_DOC, "All", api_name="/document")
    assert not unsafe_markup(view), view
    for raw in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b onmouseover=alert(3)>survey</b>",
                "${1+1} {{value}}", "[a link](javascript:alert(4))", HOSTILE_LABEL):
        assert raw in plain(view)
