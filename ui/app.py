"""The Gradio chat UI: ask with cited sources, browse the reports, see and run the evaluation.

``build_app`` wires the Blocks around an already-loaded :class:`~rag.pipeline.Pipeline` (tests use it
directly); ``rag serve`` (:mod:`rag.server`) mounts it beside the JSON API.
"""

from __future__ import annotations

import importlib
import ipaddress
import logging
import socket
from dataclasses import dataclass
from typing import Any, Callable

import gradio as gr

from rag.config import PROJECT_ROOT, Settings
from rag.errors import RagError, UsageError
from rag.records import Answer, Chunk

from . import render

log = logging.getLogger(__name__)

EXAMPLES = (
    "Which councils have a Principal Occupational Therapist?",
    "How many complaints did Harrow record in 2022/23?",
    "What is the Making it Real Board?",
    "What is Schwarz Rounds?",
    "What score did Ealing get?",
)
RETRIEVERS = ("hybrid", "dense", "bm25")
ALL = "All"
DEFAULT_K = 5
MAX_K = 20  # the slider's range
MAX_API_K = 100  # the API's (as `rag ask -k`)
DEFAULT_CONCURRENCY = 4
QUEUE_MAX_SIZE = 64
CONTEXT_WINDOW = 2  # paragraphs shown either side of a passage opened in its document
REPORTS_DIR = PROJECT_ROOT / "eval" / "reports"
GOLD_PATH = PROJECT_ROOT / "eval" / "gold.jsonl"
INTERNAL_ERROR = "Something went wrong on the server; the details are in its log."

PAGE_CSS = """
.gradio-container { max-width: 1440px !important; margin: 0 auto !important; }
#title h1 { margin-bottom: 0.1rem; }
#title p { margin-top: 0; color: var(--body-text-color-subdued); }
#question textarea { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 0.6rem 0.8rem; }
#source-row, #doc-controls { align-items: end; }
#source-row button, #doc-controls button { max-height: 3rem; margin-bottom: 0.6rem; }
"""

CHAT_PLACEHOLDER = (
    "**Ask about the CQC local authority assessment reports.**\n\n"
    "Answers quote the reports' own sentences; each **[n]** points to a source on the right."
)

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


@dataclass(frozen=True)
class DocumentInfo:
    """One indexed report as listed in the Documents tab."""

    doc_id: str
    label: str
    quality_statement: str
    score: int | None
    sections: tuple[str, ...]

    @property
    def choice(self) -> tuple[str, str]:
        """Dropdown (shown text, value) for this report."""
        return (f"{self.quality_statement} ({self.doc_id})", self.doc_id)


@dataclass(frozen=True)
class SourceRef:
    """A passage of the last answer that can be opened in its document."""

    chunk_id: int
    highlights: tuple[tuple[int, int], ...]


def is_loopback(host: str) -> bool:
    """True when ``host`` only listens on this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def ensure_port_free(host: str, port: int) -> None:
    """Fail fast, before loading the model, when the port is already taken."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
            s.bind((host, port))
    except OSError as e:
        raise UsageError(f"cannot listen on {host}:{port} ({e.strerror or e}); choose another with --port") from None


def checked_options(k: Any, retriever: Any) -> tuple[int, str | None]:
    """``k`` as a whole number in range and a known retriever (None for the default), or a UsageError."""
    try:
        k_int = int(k)
        whole = float(k) == k_int
    except (TypeError, ValueError, OverflowError):
        whole = False
    if not whole or not 1 <= k_int <= MAX_API_K:
        raise UsageError(f"k must be a whole number from 1 to {MAX_API_K}, not {k!r}")
    if retriever in (None, ""):
        return k_int, None
    if retriever not in RETRIEVERS:
        raise UsageError(f"retriever must be one of {', '.join(RETRIEVERS)}, not {retriever!r}")
    return k_int, retriever


def documents_of(chunks: list[Chunk]) -> dict[str, DocumentInfo]:
    """The reports of an index, keyed by document id, in label order."""
    sections: dict[str, list[str]] = {}
    first: dict[str, Chunk] = {}
    for c in chunks:
        first.setdefault(c.doc_id, c)
        secs = sections.setdefault(c.doc_id, [])
        if c.section not in secs:
            secs.append(c.section)
    infos = [
        DocumentInfo(d, c.label, c.quality_statement, c.score, tuple(sections[d])) for d, c in first.items()
    ]
    return {i.doc_id: i for i in sorted(infos, key=lambda i: (i.label.lower(), i.doc_id))}


def source_refs(answer: Answer) -> tuple[list[tuple[str, str]], dict[str, SourceRef]]:
    """Dropdown choices and lookup for the passages of an answer (citations first)."""
    choices: list[tuple[str, str]] = []
    refs: dict[str, SourceRef] = {}
    for c in answer.citations:
        key = str(c.passage.chunk.chunk_id)
        choices.append((f"[{c.n}] {c.passage.chunk.label} · {render.location(c.passage.chunk)}", key))
        refs[key] = SourceRef(c.passage.chunk.chunk_id, tuple(tuple(h) for h in c.highlights))
    for p in answer.passages:
        key = str(p.chunk.chunk_id)
        if key not in refs:
            choices.append((f"{p.rank}. {p.chunk.label} · {render.location(p.chunk)}", key))
            refs[key] = SourceRef(p.chunk.chunk_id, ())
    return choices, refs


def _evaluate_module():
    """``rag.evaluate`` if it is installed, else None (the Evaluation tab then says so)."""
    try:
        return importlib.import_module("rag.evaluate")
    except ImportError:
        return None


def _load_image(path: str | None):
    """The chart as a PIL image (so Gradio never serves a path of ours), or None."""
    if not path:
        return None
    try:
        from PIL import Image

        with Image.open(path) as img:
            return img.convert("RGB")
    except (OSError, ValueError):
        log.warning("could not read evaluation chart %s", path)
        return None


def hide_paths(text: str) -> str:
    """Make paths under the project folder relative, so the browser never sees where the server lives."""
    root = str(PROJECT_ROOT)
    return text.replace(root + "/", "").replace(root, ".")


def report_outputs(report: dict | None, empty_message: str) -> tuple[str, Any]:
    """Markdown and image updates for an evaluation report (or a message when there is none)."""
    if not report:
        return empty_message, gr.update(value=None, visible=False)
    image = _load_image(report.get("png"))
    markdown = hide_paths(report.get("markdown") or "") or "_The report has no summary._"
    return markdown, gr.update(value=image, visible=image is not None)


class Handlers:
    """The UI's event handlers around one loaded pipeline (read-only, shared by all sessions)."""

    def __init__(self, pipeline, settings: Settings):
        self.pipeline = pipeline
        self.settings = settings
        self.documents = documents_of(list(pipeline.data.chunks))
        self.chunks: dict[int, Chunk] = {c.chunk_id: c for c in pipeline.data.chunks}

    # -- Ask ---------------------------------------------------------------------------------
    def ask_api(self, question: str, k: int = DEFAULT_K, retriever: str = "hybrid") -> dict:
        """Answer a question; returns the answer JSON of FORMATS.md (question, answer, citations...)."""
        try:
            k, retriever = checked_options(k, retriever)
            return self.pipeline.ask(question, k=k, retriever=retriever).to_dict()
        except RagError as e:
            raise gr.Error(hide_paths(str(e)), print_exception=False) from None
        except Exception:
            log.exception("ask failed")
            raise gr.Error(INTERNAL_ERROR, print_exception=False) from None

    def respond(self, question: str, history: list, authorities: list[str] | None, section: str | None,
                k: float, retriever: str | None):
        """Answer the typed question on its own, append it to the chat, and fill the sources panel."""
        history = list(history or [])
        text = (question or "").strip()
        if not text:
            gr.Warning("Type a question first.")
            return question, history, gr.skip(), gr.skip(), gr.skip()
        history.append({"role": "user", "content": render.chat_text(text)})
        try:
            k, retriever = checked_options(DEFAULT_K if k is None else k, retriever)
            answer = self.pipeline.ask(
                text, k=k, retriever=retriever, authorities=tuple(authorities or ()),
                section=None if section in (None, "", ALL) else section,
            )
        except RagError as e:
            return self._failed(history, hide_paths(str(e)))
        except Exception:
            log.exception("answering %r failed", text)
            return self._failed(history, INTERNAL_ERROR)
        history.append({"role": "assistant", "content": render.answer_message(answer)})
        choices, refs = source_refs(answer)
        picker = gr.update(choices=choices, value=choices[0][1] if choices else None)
        return "", history, render.sources_html(answer), picker, refs

    @staticmethod
    def _failed(history: list, message: str):
        """Outputs of ``respond`` when the question cannot be answered: the one-line reason."""
        history.append({"role": "assistant", "content": render.chat_text(f"Sorry: {message}")})
        return "", history, render.error_html(message), gr.update(choices=[], value=None), {}

    # -- Documents ---------------------------------------------------------------------------
    def document_choices(self, label: str | None) -> list[tuple[str, str]]:
        """The reports of one authority as dropdown choices."""
        return [d.choice for d in self.documents.values() if d.label == label]

    def section_choices(self, doc_id: str | None) -> list[str]:
        """"All" plus the sections of a report."""
        info = self.documents.get(doc_id or "")
        return [ALL, *(info.sections if info else ())]

    def document_view(self, doc_id: str | None, section: str | None = ALL) -> str:
        """A report's paragraphs (optionally one section) as safe HTML."""
        if not doc_id or doc_id not in self.documents:
            return render.placeholder_html("Choose an authority to read its report.")
        chunks = self.pipeline.document_chunks(doc_id)
        return render.document_html(chunks, section=None if section in (None, "", ALL) else section)

    def pick_authority(self, label: str | None):
        """Show the first report of the chosen authority, with its sections."""
        docs = self.document_choices(label)
        doc_id = docs[0][1] if docs else None
        return (gr.update(choices=docs, value=doc_id), gr.update(choices=self.section_choices(doc_id), value=ALL),
                self.document_view(doc_id))

    def pick_document(self, doc_id: str | None):
        """Show a whole report and reset the section filter."""
        return gr.update(choices=self.section_choices(doc_id), value=ALL), self.document_view(doc_id)

    def open_source(self, key: str | None, refs: dict[str, SourceRef] | None):
        """Open a passage of the last answer in its report, with its neighbours, and switch tabs."""
        ref = (refs or {}).get(str(key)) if key is not None else None
        chunk = self.chunks.get(ref.chunk_id) if ref else None
        if chunk is None:
            gr.Warning("Ask a question first, then pick one of its sources.")
            return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        info = self.documents[chunk.doc_id]
        view = render.document_html(self.pipeline.document_chunks(chunk.doc_id), focus=chunk.chunk_id,
                                     highlights=ref.highlights, window=CONTEXT_WINDOW)
        return (gr.Tabs(selected="documents"), gr.update(value=info.label),
                gr.update(choices=self.document_choices(info.label), value=info.doc_id),
                gr.update(choices=self.section_choices(info.doc_id), value=ALL), view)

    # -- Evaluation --------------------------------------------------------------------------
    def latest_eval(self):
        """The newest saved evaluation report, if any."""
        evaluate = _evaluate_module()
        if evaluate is None or not hasattr(evaluate, "latest_report"):
            return report_outputs(None, "_The evaluation module is not available in this installation._")
        try:
            report = evaluate.latest_report(REPORTS_DIR)
        except RagError as e:
            message = render.chat_text(hide_paths(str(e)))
            return report_outputs(None, f"Could not read the latest report: {message}")
        except Exception:
            log.exception("reading the latest evaluation report failed")
            return report_outputs(None, INTERNAL_ERROR)
        return report_outputs(report, "_No evaluation report yet: run one with the button above, or `rag eval`._")

    def run_eval(self, progress: gr.Progress = gr.Progress()):
        """Score the system on the gold set (all retrievers), reporting progress as it goes."""
        evaluate = _evaluate_module()
        if evaluate is None or not hasattr(evaluate, "run_gold_eval"):
            return report_outputs(None, "_The evaluation module is not available in this installation._")
        if not GOLD_PATH.exists():
            return report_outputs(None, "_No gold set found (eval/gold.jsonl)._")
        progress(0.0, desc="Starting the evaluation")
        try:
            report = evaluate.run_gold_eval(self.pipeline, GOLD_PATH, retriever="all",
                                            progress=_progress_callback(progress))
        except RagError as e:
            return report_outputs(None, f"The evaluation failed: {render.chat_text(hide_paths(str(e)))}")
        except Exception:
            log.exception("the evaluation failed")
            return report_outputs(None, INTERNAL_ERROR)
        return report_outputs(report, "_The evaluation produced no report._")


def _progress_callback(progress: gr.Progress) -> Callable[[float, str], None]:
    """Adapt gr.Progress to the ``progress(fraction, desc)`` callable that rag.evaluate expects."""

    def update(fraction: float, desc: str = "") -> None:
        progress(max(0.0, min(1.0, float(fraction))), desc=desc or None)

    return update


def _ask_tab(h: Handlers) -> tuple[gr.Button, gr.Dropdown, gr.State]:
    """The Ask tab: chat, controls, examples and the sources panel; returns what opens a source."""
    p = h.pipeline
    refs = gr.State({})
    with gr.Row(equal_height=False):
        with gr.Column(scale=6, min_width=420):
            chatbot = gr.Chatbot(
                elem_id="chatbot", label="Answers", show_label=False, height=420, placeholder=CHAT_PLACEHOLDER,
                feedback_options=None, latex_delimiters=[], sanitize_html=True, layout="bubble",
                buttons=["copy"],
            )
            with gr.Row(equal_height=True):
                question = gr.Textbox(
                    elem_id="question", show_label=False, container=False, scale=8, lines=1, max_lines=4,
                    autofocus=True,
                    placeholder="Ask a question about the reports…", max_length=h.settings.max_question_chars,
                )
                send = gr.Button("Ask", elem_id="send", variant="primary", scale=1, min_width=90)
            with gr.Row():
                authorities = gr.Dropdown(p.authorities(), multiselect=True, label="Authorities",
                                          info="Leave empty to search all reports.", scale=3, elem_id="authorities")
                section = gr.Dropdown([ALL, *p.sections()], value=ALL, label="Section", scale=3,
                                      elem_id="section")
                k = gr.Slider(1, MAX_K, value=DEFAULT_K, step=1, label="Passages", scale=2,
                              elem_id="k")
            with gr.Accordion("Advanced", open=False):
                retriever = gr.Radio(list(RETRIEVERS), value="hybrid", label="Retriever",
                                     info="hybrid = dense embeddings + BM25 keywords")
            examples = gr.Examples([[q] for q in EXAMPLES], inputs=[question], label="Example questions")
        with gr.Column(scale=5, min_width=360):
            sources = gr.HTML(render.placeholder_html("The passages behind each answer appear here."),
                              elem_id="sources", css_template=render.PANEL_CSS, js_on_load=None, max_height=640)
            with gr.Row(equal_height=False, elem_id="source-row"):
                picker = gr.Dropdown([], label="Open a source in its report", scale=4, elem_id="source-picker",
                                     allow_custom_value=True)
                open_btn = gr.Button("Open in report", scale=1, min_width=160, elem_id="open-source", size="md")

    inputs = [question, chatbot, authorities, section, k, retriever]
    outputs = [question, chatbot, sources, picker, refs]
    send.click(h.respond, inputs, outputs, api_name="chat", api_visibility="undocumented")
    question.submit(h.respond, inputs, outputs, api_visibility="private")
    examples.load_input_event.then(h.respond, inputs, outputs, api_visibility="private")
    return open_btn, picker, refs


def _documents_tab(h: Handlers) -> list:
    """The Documents tab: browse a report by authority and section; returns its output components."""
    labels = sorted({d.label for d in h.documents.values()}, key=str.lower)
    first = labels[0] if labels else None
    docs = h.document_choices(first)
    doc_id = docs[0][1] if docs else None
    with gr.Row(equal_height=False, elem_id="doc-controls"):
        authority = gr.Dropdown(labels, value=first, label="Authority", scale=3, elem_id="doc-authority")
        document = gr.Dropdown(docs, value=doc_id, label="Report", scale=3, elem_id="doc-report",
                               allow_custom_value=True)
        section = gr.Dropdown(h.section_choices(doc_id), value=ALL, label="Section", scale=3,
                              elem_id="doc-section", allow_custom_value=True)
        whole = gr.Button("Show whole report", scale=1, min_width=160, size="md")
    view = gr.HTML(h.document_view(doc_id), elem_id="document-view", css_template=render.PANEL_CSS,
                   js_on_load=None)
    authority.input(h.pick_authority, [authority], [document, section, view], api_visibility="private")
    document.input(h.pick_document, [document], [section, view], api_visibility="private")
    section.input(h.document_view, [document, section], [view], api_name="document",
                  api_visibility="undocumented")
    whole.click(h.pick_document, [document], [section, view], api_visibility="private")
    return [authority, document, section, view]


def _evaluation_tab(h: Handlers, app: gr.Blocks) -> None:
    """The Evaluation tab: the latest report and a button that runs the gold-set evaluation."""
    with gr.Row(equal_height=True):
        gr.Markdown("Scores retrieval (hit@k, MRR) and answers (containment, abstention) on the gold "
                    "questions for each retriever. A run takes a minute or two.")
        run = gr.Button("Run evaluation on the gold set", variant="primary", scale=0, min_width=260,
                        elem_id="run-eval")
    chart = gr.Image(label="Evaluation chart", type="pil", interactive=False, visible=False,
                     elem_id="eval-chart", format="png", buttons=["download", "fullscreen"])
    summary = gr.Markdown("_Loading the latest report…_", elem_id="eval-report")
    app.load(h.latest_eval, None, [summary, chart], api_visibility="private")
    run.click(h.run_eval, None, [summary, chart], concurrency_limit=1, api_visibility="private")


def build_app(pipeline, settings: Settings | None = None) -> gr.Blocks:
    """The Blocks app (Ask, Documents, Evaluation tabs, and the ``ask`` API) over a loaded pipeline."""
    h = Handlers(pipeline, settings or pipeline.settings)
    with gr.Blocks(title="CQC reports: cited answers", analytics_enabled=False) as app:
        gr.Markdown(
            "# CQC assessment reports\nGrounded answers from local authority assessment reports, "
            "every sentence quoted from a report and cited.",
            elem_id="title",
        )
        with gr.Tabs() as tabs:
            with gr.Tab("Ask", id="ask"):
                open_btn, picker, refs = _ask_tab(h)
            with gr.Tab("Documents", id="documents"):
                docs_outputs = _documents_tab(h)
            with gr.Tab("Evaluation", id="evaluation"):
                _evaluation_tab(h, app)
        open_btn.click(h.open_source, [picker, refs], [tabs, *docs_outputs], api_visibility="private")
        gr.api(h.ask_api, api_name="ask", concurrency_limit="default")
    app.queue(default_concurrency_limit=DEFAULT_CONCURRENCY, max_size=QUEUE_MAX_SIZE)
    return app
