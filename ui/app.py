"""The Gradio chat UI's layout: ask with cited sources, browse the reports, see and run the evaluation.

``build_app`` lays out the Blocks around an already-loaded :class:`~rag.pipeline.Pipeline` (tests use it
directly); ``rag serve`` (:mod:`rag.server`) mounts it beside the JSON API. The handlers are in
:mod:`ui.callbacks`, the HTML in :mod:`ui.render`, the styles in ``style.css``.

No ``gr.State`` is used on purpose: with one, Gradio keeps a heartbeat stream open per browser tab,
and browsers allow six HTTP/1.1 connections per host, so a sixth tab would stall while loading.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

import gradio as gr

from rag.config import Settings
from rag.retrieve import RETRIEVERS

from . import render
from .callbacks import ALL, DEFAULT_K, INTERNAL_ERROR, LOADING_HINT, MAX_K, Handlers, checked_options, hide_paths  # noqa: F401

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
PAGE_CSS = (HERE / "style.css").read_text(encoding="utf-8")
CONVERSATION_JS = (HERE / "conversation.js").read_text(encoding="utf-8")
DOCUMENT_JS = (HERE / "document.js").read_text(encoding="utf-8")
EXAMPLES = (
    "Which councils have a Principal Occupational Therapist?",
    "What is the Making it Real Board?",
    "What score did Ealing get?",
)
#: Once the question box is enabled, put the cursor in it (autofocus cannot focus a disabled box), unless
#: the user has already moved focus elsewhere.
FOCUS_QUESTION_JS = ("() => setTimeout(() => { const box = document.querySelector('#question textarea'); "
                     "if (box && (!document.activeElement || document.activeElement === document.body)) "
                     "box.focus(); }, 0)")
DEFAULT_CONCURRENCY = 4
QUEUE_MAX_SIZE = 64
STORAGE_KEY = "cqc-rag-conversation"  # the browser's localStorage key for the conversation

THEME = gr.themes.Soft(
    primary_hue="indigo",
    neutral_hue="slate",
    font=["ui-sans-serif", "system-ui", "Segoe UI", "Helvetica", "Arial", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
).set(
    button_primary_background_fill="*primary_600",
    button_primary_background_fill_hover="*primary_700",
    button_primary_text_color="white",
)


def counter_js(limit: int) -> str:
    """Browser-side function showing how many characters the question has against the limit."""
    return (f"(q) => {{ const n = (q || '').length; return n > {limit} ? "
            f"`${{n.toLocaleString('en')}} / {limit:,} characters: too long, shorten the question` : "
            f"`${{n.toLocaleString('en')}} / {limit:,} characters`; }}")


CLAMP_K_JS = f"(v) => Math.min({MAX_K}, Math.max(1, Math.round(Number(v)) || {DEFAULT_K}))"


def _ask_tab(h: Handlers, saved: gr.BrowserState) -> tuple[gr.HTML, list]:
    """The Ask tab: conversation with sources, question box, filters, exports; returns the conversation
    and the outputs that a restored conversation fills. The question box and Ask start disabled and the
    examples hidden: the restore turns them on, so no answer is shown before the kept conversation is
    back (a late restore would replace it)."""
    p = h.pipeline
    conversation = gr.HTML(render.conversation_html([]), elem_id="conversation", js_on_load=CONVERSATION_JS,
                           container=False, padding=False)
    notice = gr.HTML("", elem_id="question-notice", js_on_load=None, container=False)
    with gr.Row(equal_height=True):
        question = gr.Textbox(
            elem_id="question", label="Your question about the reports", scale=8, lines=1, max_lines=6,
            autofocus=True, placeholder=LOADING_HINT, interactive=False,
        )
        send = gr.Button("Ask", elem_id="send", variant="primary", scale=1, min_width=90, interactive=False)
    counter = gr.Markdown(f"0 / {h.max_chars:,} characters", elem_id="question-count")
    with gr.Accordion("Search filters (all reports when empty)", open=False, elem_id="filters"):
        with gr.Row():
            councils = gr.Dropdown(p.councils(), multiselect=True, label="Councils", elem_id="councils",
                                   info="Leave empty to search every council.")
            statement = gr.Dropdown([ALL, *p.statements()], value=ALL, label="Quality statement",
                                    elem_id="statement")
            section = gr.Dropdown([ALL, *p.sections()], value=ALL, label="Section heading", elem_id="section")
        with gr.Row():
            k = gr.Slider(1, MAX_K, value=DEFAULT_K, step=1, label=f"Passages to retrieve (1 to {MAX_K})",
                          elem_id="k")
            retriever = gr.Radio(list(RETRIEVERS), value="hybrid", label="Retriever", elem_id="retriever",
                                 info="hybrid = dense embeddings + BM25 keywords")
    with gr.Row(elem_id="conversation-actions"):
        new = gr.Button("New conversation", elem_id="new-conversation", size="sm")
        md_file = gr.DownloadButton("Download conversation as Markdown", elem_id="export-md", size="sm",
                                    interactive=False)
        html_file = gr.DownloadButton("Download conversation as HTML", elem_id="export-html", size="sm",
                                      interactive=False)
    with gr.Group(visible=False, elem_id="confirm-clear") as confirm:
        gr.Markdown("**Start a new conversation?** This clears every question, answer and source shown above.")
        with gr.Row():
            yes = gr.Button("Clear the conversation", variant="stop", elem_id="confirm-clear-yes", size="sm")
            no = gr.Button("Keep the conversation", elem_id="confirm-clear-no", size="sm")
    examples = gr.Examples([[q] for q in EXAMPLES], inputs=[question], label="Example questions",
                           visible=False)  # shown by the restore, like the question box

    inputs = [question, saved, councils, section, statement, k, retriever]
    outputs = [question, saved, conversation, md_file, html_file, notice]
    send.click(h.respond, inputs, outputs, api_name="chat", api_visibility="undocumented")
    question.submit(h.respond, inputs, outputs, api_visibility="private")
    examples.load_input_event.then(h.respond, inputs, outputs, api_visibility="private")
    # the counter is updated in the browser on every change (typing, pasting, an example, clearing)
    question.change(None, [question], [counter], js=counter_js(h.max_chars), api_visibility="private",
                    queue=False, show_progress="hidden")
    k.input(None, [k], [k], js=CLAMP_K_JS, api_visibility="private", queue=False, show_progress="hidden")
    new.click(h.ask_to_clear, None, [confirm], api_visibility="private")
    no.click(h.keep_conversation, None, [confirm], api_visibility="private")
    yes.click(h.clear, None, [saved, conversation, md_file, html_file, confirm], api_visibility="private")
    return conversation, [saved, conversation, md_file, html_file, question, send, examples.dataset]


def _documents_tab(h: Handlers) -> list:
    """The Documents tab: read a report by council and section; returns its output components."""
    labels = sorted({d.label for d in h.documents.values()}, key=str.lower)
    first = labels[0] if labels else None
    docs = h.document_choices(first)
    doc_id = docs[0][1] if docs else None
    focus = gr.Textbox("", visible=False, elem_id="doc-focus")  # the opened passage, as JSON
    with gr.Row(equal_height=False, elem_id="doc-controls"):
        council = gr.Dropdown(labels, value=first, label="Council", scale=3, elem_id="doc-council")
        document = gr.Dropdown(docs, value=doc_id, label="Report", scale=3, elem_id="doc-report",
                               allow_custom_value=True)
        section = gr.Dropdown(h.section_choices(doc_id), value=ALL, label="Section", scale=3,
                              elem_id="doc-section", allow_custom_value=True)
        whole = gr.Button("Show whole report", scale=1, min_width=160, size="md", elem_id="whole-report")
    view = gr.HTML(h.document_view(doc_id), elem_id="document-view", js_on_load=DOCUMENT_JS, container=False)
    council.input(h.pick_council, [council], [document, section, view, focus], api_visibility="private")
    document.input(h.pick_document, [document], [section, view, focus], api_visibility="private")
    section.input(h.document_view, [document, section], [view], api_name="document",
                  api_visibility="undocumented")
    whole.click(h.whole_report, [document, focus], [section, view], api_visibility="private")
    return [council, document, section, view, focus]


def _evaluation_tab(h: Handlers, app: gr.Blocks) -> None:
    """The Evaluation tab: the latest report and a button that runs the gold-set evaluation."""
    gr.Markdown("Scores retrieval (hit@k, MRR) and answers (containment, abstention) on the gold questions for "
                "each retriever. A run takes a minute or two; its report is saved in your own data folder.")
    run = gr.Button("Run the evaluation on the gold set", variant="primary", elem_id="run-eval")
    summary = gr.Markdown("_Reading the latest report…_", elem_id="eval-report")
    chart = gr.HTML("", elem_id="eval-chart", js_on_load=None, container=False)
    app.load(h.latest_eval, None, [summary, chart], api_visibility="private")
    run.click(h.run_eval, None, [summary, chart], concurrency_limit=1, api_visibility="private",
              show_progress_on=[summary])


def _compare_tab(pipeline) -> None:
    """The Compare tab, when ui.compare is installed."""
    try:
        compare = importlib.import_module("ui.compare")
    except ImportError:
        return
    with gr.Tab("Compare", id="compare"):
        compare.compare_tab(pipeline)


def build_app(pipeline, settings: Settings | None = None) -> gr.Blocks:
    """The Blocks app (Ask, Documents, Evaluation tabs, and the ``ask`` API) over a loaded pipeline."""
    h = Handlers(pipeline, settings or pipeline.settings)
    with gr.Blocks(title="CQC reports: cited answers", analytics_enabled=False) as app:
        gr.Markdown(
            "# CQC assessment reports\nGrounded answers from local authority assessment reports, "
            "every sentence quoted from a report and cited.",
            elem_id="title",
        )
        saved = gr.BrowserState([], storage_key=STORAGE_KEY)
        with gr.Tabs(overflow_behavior="wrap") as tabs:  # every tab in sight on a phone too
            with gr.Tab("Ask", id="ask"):
                conversation, restored = _ask_tab(h, saved)
            with gr.Tab("Documents", id="documents"):
                docs_outputs = _documents_tab(h)
            with gr.Tab("Evaluation", id="evaluation"):
                _evaluation_tab(h, app)
            _compare_tab(pipeline)
        conversation.open_source(h.open_source, None, [tabs, *docs_outputs], api_visibility="private")
        app.load(h.restore, [saved], restored, api_visibility="private").then(
            None, js=FOCUS_QUESTION_JS, api_visibility="private", queue=False, show_progress="hidden")
        gr.api(h.ask_api, api_name="ask", concurrency_limit="default")
    app.queue(default_concurrency_limit=DEFAULT_CONCURRENCY, max_size=QUEUE_MAX_SIZE)
    return app
