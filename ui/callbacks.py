"""The UI's event handlers around one loaded pipeline (read-only, shared by every browser session).

The conversation lives in the browser (``gr.BrowserState``), not in server memory: each handler gets
the stored turns, checks them (:func:`ui.turns.turns_from`) and returns the new list.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import gradio as gr

from rag.config import PROJECT_ROOT, Settings
from rag.errors import RagError, UsageError
from rag.layout import classify
from rag.records import Chunk, Passage
from rag.retrieve import RETRIEVERS

from . import render
from .turns import Source, Turn, failed_turn, source_of, stored, turn_of, turns_from

log = logging.getLogger(__name__)

ALL = "All"
DEFAULT_K = 5
MAX_K = 20  # the slider's range and the API's: one limit everywhere
INTERNAL_ERROR = "Something went wrong on the server; the details are in its log."
QUESTION_HINT = "Type a question, then press Enter or select Ask"
LOADING_HINT = "Loading your conversation…"  # shown until the kept conversation is back (see restore)
#: Gold sets for the document folders they were written for (folder relative to the project).
GOLD_FOR_DOCUMENTS = {"seeds": "eval/gold.jsonl", "tests/fixtures/reports": "eval/fixtures.jsonl"}
#: Environment variable naming the folder the Evaluation tab writes its reports to.
EVAL_DIR_ENV = "RAG_UI_EVAL_DIR"
CHART_ALT = ("Bar chart of the evaluation scores (hit rate, MRR, answer containment, abstention) for each "
             "retriever; the same numbers are in the table below it.")


@dataclass(frozen=True)
class DocumentInfo:
    """One indexed report as listed in the Documents tab."""

    doc_id: str
    label: str
    title: str  # what the report covers: its statement, or the kind of page
    published: str | None
    sections: tuple[str, ...]

    @property
    def choice(self) -> tuple[str, str]:
        """Dropdown (shown text, value) for this report."""
        return (self.title + (f" (published {self.published})" if self.published else ""), self.doc_id)


def checked_options(k: Any, retriever: Any) -> tuple[int, str | None]:
    """``k`` as a whole number in range and a known retriever (None for the default), or a UsageError."""
    try:
        k_int = int(k)
        whole = float(k) == k_int
    except (TypeError, ValueError, OverflowError):
        whole = False
    if not whole or not 1 <= k_int <= MAX_K:
        raise UsageError(f"k must be a whole number from 1 to {MAX_K}, not {k!r}")
    if retriever in (None, ""):
        return k_int, None
    if retriever not in RETRIEVERS:
        raise UsageError(f"retriever must be one of {', '.join(RETRIEVERS)}, not {retriever!r}")
    return k_int, retriever


def published_dates(chunks: list[Chunk]) -> dict[str, str]:
    """The publication date of each report that states one (from its "Published: …" line)."""
    dates: dict[str, str] = {}
    for c in chunks:
        if c.kind == "published" and c.doc_id not in dates:
            for line in c.text.splitlines():
                kind, value = classify(line.strip())
                if kind == "published" and value:
                    dates[c.doc_id] = str(value)
                    break
    return dates


def _title(chunks: list[Chunk]) -> str:
    """What a report covers, for the report picker."""
    statements = list(dict.fromkeys(c.statement for c in chunks if c.statement))
    if len(statements) == 1:
        return statements[0]
    if len(statements) > 1:
        return f"Whole report ({len(statements)} quality statements)"
    pages = {c.page for c in chunks}
    return "Overview" if "overview" in pages else ("Overall summary" if "summary" in pages else "Report")


def documents_of(chunks: list[Chunk], dates: dict[str, str]) -> dict[str, DocumentInfo]:
    """The reports of an index, keyed by document id, in label then title order."""
    by_doc: dict[str, list[Chunk]] = {}
    for c in chunks:
        by_doc.setdefault(c.doc_id, []).append(c)
    infos = [DocumentInfo(d, cs[0].label, _title(cs), dates.get(d), tuple(dict.fromkeys(c.section for c in cs)))
             for d, cs in by_doc.items()]
    return {i.doc_id: i for i in sorted(infos, key=lambda i: (i.label.lower(), i.title.lower(), i.doc_id))}


def hide_paths(text: str) -> str:
    """Make paths under the project folder relative, so the browser never sees where the server lives."""
    root = str(PROJECT_ROOT)
    return text.replace(root + "/", "").replace(root, ".")


def eval_reports_dir() -> Path:
    """Where the Evaluation tab writes: $RAG_UI_EVAL_DIR, else the user's data folder (never the checkout)."""
    if os.environ.get(EVAL_DIR_ENV):
        return Path(os.environ[EVAL_DIR_ENV])
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "cqc-rag" / "eval-reports"


def gold_for(settings: Settings) -> Path | None:
    """The gold set written for the documents in use, or None when there is none."""
    try:
        folder = Path(settings.documents_dir).resolve().relative_to(PROJECT_ROOT.resolve()).as_posix()
    except ValueError:
        return None
    gold = GOLD_FOR_DOCUMENTS.get(folder)
    return PROJECT_ROOT / gold if gold and (PROJECT_ROOT / gold).exists() else None


def _evaluate_module():
    """``rag.evaluate`` if it is installed, else None (the Evaluation tab then says so)."""
    try:
        return importlib.import_module("rag.evaluate")
    except ImportError:
        return None


def report_outputs(report: dict | None, empty_message: str) -> tuple[str, str]:
    """Markdown and chart HTML for an evaluation report (or a message and no chart)."""
    if not report:
        return empty_message, ""
    png = None
    if report.get("png"):
        try:
            png = Path(report["png"]).read_bytes()
        except OSError:
            log.warning("could not read evaluation chart %s", report["png"])
    markdown = hide_paths(report.get("markdown") or "") or "_The report has no summary._"
    return markdown, render.chart_html(png, CHART_ALT)


def _progress_callback(progress: gr.Progress) -> Callable[[float, str], None]:
    """Adapt gr.Progress to the ``progress(fraction, desc)`` callable that rag.evaluate expects."""

    def update(fraction: float, desc: str = "") -> None:
        progress(max(0.0, min(1.0, float(fraction))), desc=desc or None)

    return update


class Handlers:
    """Event handlers over one loaded pipeline."""

    def __init__(self, pipeline, settings: Settings):
        self.pipeline = pipeline
        self.settings = settings
        chunks = list(pipeline.data.chunks)
        self.published = published_dates(chunks)
        self.documents = documents_of(chunks, self.published)
        self.chunk_at: dict[tuple[str, int], Chunk] = {(c.doc_id, c.start): c for c in chunks}
        self.max_chars = int(settings.max_question_chars)
        self.eval_dir = eval_reports_dir()
        self.gold = gold_for(settings)
        self.exports = Path(tempfile.mkdtemp(prefix="rag-ui-exports-"))

    def source_at(self, doc: str, start: int) -> Source | None:
        """The indexed passage at ``start`` in ``doc`` (how stored conversations name their sources)."""
        chunk = self.chunk_at.get((doc, start))
        return None if chunk is None else source_of(Passage(chunk, 0.0, 0), self.published)

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

    def too_long(self, text: str) -> str | None:
        """The notice for a question over the limit, or None when it fits."""
        if len(text) <= self.max_chars:
            return None
        return (f"Your question has {len(text):,} characters; the limit is {self.max_chars:,}. "
                "Shorten it and ask again (nothing was sent).")

    def respond(self, question: str, saved: Any, councils: list[str] | None, section: str | None,
                statement: str | None, k: float, retriever: str | None):
        """Answer the typed question (a follow-up of the earlier ones), add it to the conversation."""
        turns = turns_from(saved, self.source_at)
        text = (question or "").strip()
        if not text:
            gr.Warning("Type a question first.")
            return (gr.skip(),) * 6
        notice = self.too_long(text)
        if notice:
            return (gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), render.error_html(notice))
        try:
            k, retriever = checked_options(DEFAULT_K if k is None else k, retriever)
            answer = self.pipeline.ask(
                text, k=k, retriever=retriever, authorities=tuple(councils or ()),
                section=None if section in (None, "", ALL) else section,
                statement=None if statement in (None, "", ALL) else statement,
                history=tuple(t.question for t in turns if not t.failed),
            )
            turns.append(turn_of(answer, self.published))
        except RagError as e:
            turns.append(failed_turn(text, f"Sorry: {hide_paths(str(e))}"))
        except Exception:
            log.exception("answering %r failed", text)
            turns.append(failed_turn(text, f"Sorry: {INTERNAL_ERROR}"))
        return ("", stored(turns), render.conversation_html(turns), *self.exports_of(turns), "")

    def restore(self, saved: Any):
        """Show the conversation kept in the browser (after a reload), then let the user ask: asking
        waits for this, so a restore that ends late cannot replace a newer answer."""
        ready = (gr.update(interactive=True, placeholder=QUESTION_HINT), gr.update(interactive=True),
                 gr.update(visible=True))  # the question box, Ask, and the examples
        turns = turns_from(saved, self.source_at)
        if not turns:  # nothing kept: the page already shows an empty conversation
            return (gr.skip(),) * 4 + ready
        try:
            exports = self.exports_of(turns)
        except OSError:
            log.exception("the conversation's downloads could not be written")
            exports = (gr.skip(), gr.skip())
        return (stored(turns), render.conversation_html(turns), *exports, *ready)

    @staticmethod
    def ask_to_clear():
        """Show the question that confirms starting a new conversation."""
        return gr.update(visible=True)

    @staticmethod
    def keep_conversation():
        """Hide the confirmation; nothing is cleared."""
        return gr.update(visible=False)

    def clear(self):
        """Start a new conversation: no turns, no sources, nothing to download."""
        return ([], render.conversation_html([]), *self.exports_of([]), gr.update(visible=False))

    def exports_of(self, turns: list[Turn]) -> tuple[Any, Any]:
        """Download buttons for the conversation as Markdown and as HTML (disabled when empty)."""
        if not turns:
            return gr.update(value=None, interactive=False), gr.update(value=None, interactive=False)
        folder = Path(tempfile.mkdtemp(dir=self.exports))
        md = folder / "cqc-conversation.md"
        page = folder / "cqc-conversation.html"
        md.write_text(render.conversation_markdown(turns), encoding="utf-8")
        page.write_text(render.conversation_html_file(turns), encoding="utf-8")
        return gr.update(value=str(md), interactive=True), gr.update(value=str(page), interactive=True)

    # -- Documents ---------------------------------------------------------------------------
    def document_choices(self, label: str | None) -> list[tuple[str, str]]:
        """The reports of one council as dropdown choices."""
        return [d.choice for d in self.documents.values() if d.label == label]

    def section_choices(self, doc_id: str | None) -> list[str]:
        """"All" plus the section headings of a report."""
        info = self.documents.get(doc_id or "")
        return [ALL, *(info.sections if info else ())]

    def document_view(self, doc_id: str | None, section: str | None = ALL, focus: str | None = "") -> str:
        """A report (optionally one section) as safe HTML, with the opened passage highlighted if any."""
        if not doc_id or doc_id not in self.documents:
            return render.placeholder_html("Choose an authority (council) to read its report.")
        chunk_id, highlights = self._focus(doc_id, focus)
        return render.document_html(self.pipeline.document_chunks(doc_id), focus=chunk_id, highlights=highlights,
                                     section=None if section in (None, "", ALL) else section,
                                     published=self.published.get(doc_id))

    def _focus(self, doc_id: str, focus: str | None) -> tuple[int | None, tuple]:
        """The chunk id and highlights of the opened passage when it belongs to ``doc_id``."""
        try:
            f = json.loads(focus or "{}")
            chunk = self.chunk_at.get((str(f["doc"]), int(f["start"])))
            highlights = tuple((int(a), int(b)) for a, b in f.get("highlights", []))
        except (ValueError, KeyError, TypeError):
            return None, ()
        if chunk is None or chunk.doc_id != doc_id:
            return None, ()
        return chunk.chunk_id, highlights

    def pick_council(self, label: str | None):
        """Show the first report of the chosen council, with its sections (and forget the opened passage)."""
        docs = self.document_choices(label)
        doc_id = docs[0][1] if docs else None
        return (gr.update(choices=docs, value=doc_id), gr.update(choices=self.section_choices(doc_id), value=ALL),
                self.document_view(doc_id), "")

    def pick_document(self, doc_id: str | None):
        """Show another report whole (forgetting the opened passage)."""
        return gr.update(choices=self.section_choices(doc_id), value=ALL), self.document_view(doc_id), ""

    def whole_report(self, doc_id: str | None, focus: str | None):
        """Show the whole report again, keeping the opened passage highlighted."""
        return gr.update(value=ALL), self.document_view(doc_id, ALL, focus)

    def open_source(self, evt: gr.EventData):
        """Open a source passage in its report (scrolled to it, highlighted) and switch to that tab."""
        data = getattr(evt, "_data", None) or {}
        try:
            doc, start = str(data["doc"]), int(data["start"])
            highlights = [[int(a), int(b)] for a, b in json.loads(data.get("highlights") or "[]")]
        except (ValueError, KeyError, TypeError):
            doc, start, highlights = "", -1, []
        chunk = self.chunk_at.get((doc, start))
        if chunk is None:
            gr.Warning("That passage is no longer in the index; ask the question again.")
            return (gr.skip(),) * 6
        info = self.documents[chunk.doc_id]
        focus = json.dumps({"doc": doc, "start": start, "highlights": highlights})
        return (gr.Tabs(selected="documents"), gr.update(value=info.label),
                gr.update(choices=self.document_choices(info.label), value=info.doc_id),
                gr.update(choices=self.section_choices(info.doc_id), value=ALL),
                self.document_view(info.doc_id, ALL, focus), focus)

    # -- Evaluation --------------------------------------------------------------------------
    def latest_eval(self):
        """The newest evaluation report written from this UI (or by `rag eval` in the project), if any."""
        evaluate = _evaluate_module()
        if evaluate is None or not hasattr(evaluate, "latest_report"):
            return report_outputs(None, "_The evaluation module is not available in this installation._")
        try:
            report = evaluate.latest_report(self.eval_dir) if self.eval_dir.is_dir() else None
            report = report or evaluate.latest_report(PROJECT_ROOT / "eval" / "reports")
        except RagError as e:
            return report_outputs(None, f"Could not read the latest report: {render.markdown_text(hide_paths(str(e)))}")
        except Exception:
            log.exception("reading the latest evaluation report failed")
            return report_outputs(None, INTERNAL_ERROR)
        return report_outputs(report, "_No evaluation report yet: run one with the button above, or `rag eval`._")

    def run_eval(self, progress: gr.Progress = gr.Progress()):  # noqa: B008 - how Gradio injects progress
        """Score the system on the gold set (all retrievers) into the user's report folder, with progress."""
        evaluate = _evaluate_module()
        if evaluate is None or not hasattr(evaluate, "run_gold_eval"):
            return report_outputs(None, "_The evaluation module is not available in this installation._")
        if self.gold is None:
            return report_outputs(None, "_There is no gold set for the documents in use, so nothing to score._")
        progress(0.0, desc="Starting the evaluation")
        try:
            self.eval_dir.mkdir(parents=True, exist_ok=True)
            report = evaluate.run_gold_eval(self.pipeline, self.gold, retriever="all",
                                            progress=_progress_callback(progress), out_dir=self.eval_dir,
                                            name=f"ui-{self.gold.stem}")
        except RagError as e:
            return report_outputs(None, f"The evaluation failed: {render.markdown_text(hide_paths(str(e)))}")
        except OSError as e:
            return report_outputs(None, f"The evaluation could not write its report ({e.strerror or e}).")
        except Exception:
            log.exception("the evaluation failed")
            return report_outputs(None, INTERNAL_ERROR)
        progress(1.0, desc="Done")
        return report_outputs(report, "_The evaluation produced no report._")
