"""The Compare tab: the score matrix (sortable, filterable by theme, coloured by score with the score as
text, downloadable as CSV; a cell opens the report section it came from) and councils' own findings on
one statement side by side, by score band, downloadable as Markdown.

``compare_tab(pipeline)`` builds the components inside the current ``gr.Blocks`` (the app calls it
inside its "Compare" tab).
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

import gradio as gr
import pandas as pd

from rag.compare import BAND_TITLES, CitedSentence, Comparison, to_markdown
from rag.errors import RagError
from rag.framework import STATEMENTS, THEMES
from rag.records import Chunk
from rag.scores import FROM_SUMMARY, LEAD_COLUMNS, MISSING_TEXT, ScoreMatrix, SectionRef

from . import render

log = logging.getLogger(__name__)

ALL_THEMES = "All themes"
#: Who a comparison takes: every council, a score band, or the councils picked.
WHO_ALL, WHO_HIGH, WHO_LOW, WHO_CHOSEN = "All councils", "Scored 3–4", "Scored 1–2", "Chosen councils"
WHO_BAND = {WHO_ALL: "all", WHO_HIGH: "high", WHO_LOW: "low", WHO_CHOSEN: "all"}
DEFAULT_STATEMENT = "Safeguarding"
DEFAULT_PER_COUNCIL = 3
MAX_PER_COUNCIL = 10
INTERNAL_ERROR = "Something went wrong on the server; the details are in its log."

#: Cell background by score (the score is always shown as text too); missing cells are grey.
SCORE_COLOURS = {1: "#fecaca", 2: "#fde68a", 3: "#bbf7d0", 4: "#4ade80"}
MISSING_COLOUR = "#e5e7eb"
#: Column widths of the matrix: council, overall rating, overall score, then each statement.
LEAD_WIDTHS = ("200px", "130px", "80px")
STATEMENT_WIDTH = "120px"
CELL_TEXT_COLOUR = "#111827"

COMPARE_CSS = render.PANEL_CSS + """
.rag-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 0.7rem; }
.rag-sentence { margin: 0 0 0.5rem; }
.rag-sentence .rag-meta { margin: 0.1rem 0 0; }
"""


def _cell_style(text: Any) -> str:
    """CSS for one matrix cell from its text: the score's colour, italic for summary-only scores."""
    value = str(text)
    if value == MISSING_TEXT:
        return f"background-color: {MISSING_COLOUR}; color: {CELL_TEXT_COLOUR}"
    if value[:1].isdigit() and int(value[0]) in SCORE_COLOURS:
        italic = "; font-style: italic" if "summary" in value else ""
        return f"background-color: {SCORE_COLOURS[int(value[0])]}; color: {CELL_TEXT_COLOUR}{italic}"
    return ""


def matrix_frame(matrix: ScoreMatrix, theme: str | None = None):
    """The matrix (one theme's statements, or all) as a styled pandas table for gr.Dataframe."""
    frame = pd.DataFrame(matrix.table(theme), columns=matrix.headers(theme))
    statements = list(matrix.statements_of(theme))
    return frame.style.map(_cell_style, subset=statements)


def _theme(value: str | None) -> str | None:
    """The theme a dropdown value names (None for all themes)."""
    return value if value in THEMES else None


def section_chunks(chunks: list[Chunk], ref: SectionRef) -> list[Chunk]:
    """The passages of the report section a score was read from: the statement's section of that
    document, or its summary."""
    focus = next((c for c in chunks if c.chunk_id == ref.chunk_id), None)
    if focus is None:
        return []
    if focus.page == "statement" and focus.statement:
        return [c for c in chunks if c.page == "statement" and c.statement == focus.statement]
    return [c for c in chunks if c.page == focus.page]


def section_html(chunks: list[Chunk], ref: SectionRef, title: str) -> str:
    """A report section as safe HTML, the passage with the score outlined and its score line marked."""
    shown = section_chunks(chunks, ref)
    if not shown:
        return render.placeholder_html("That section is not in the index any more.")
    meta = f"{ref.doc_id} · characters {ref.start}–{ref.end}"
    parts = [f'<header><h3>{render.esc(title)}</h3><div class="rag-meta">{render.esc(meta)}</div></header>']

    def paragraph(c: Chunk) -> str:
        focus = c.chunk_id == ref.chunk_id
        marks = [(ref.quote_start - c.start, ref.quote_end - c.start)] if focus else []
        number = f"¶{c.paragraph}" if c.paragraph else ""
        return (f'<div class="rag-para{" rag-focus" if focus else ""}" data-chunk="{c.chunk_id}">'
                f'<span class="rag-pn">{number}</span>'
                f'<p class="rag-text">{render.highlight_html(c.text, marks)}</p></div>')

    parts += render.under_headings(shown, paragraph, tag="h4")
    return f'<div class="rag-panel rag-doc">{"".join(parts)}</div>'


def _sentence_html(n: int, s: CitedSentence) -> str:
    meta = f"{s.doc_id} · characters {s.start}–{s.end} · {s.section}"
    return (f'<div class="rag-sentence"><p class="rag-text"><span class="rag-n">[{n}]</span> {render.esc(s.text)}</p>'
            f'<div class="rag-meta">{render.esc(meta)}</div></div>')


def comparison_html(result: Comparison) -> str:
    """The comparison as safe HTML: one part per score band, a card per council with its cited sentences."""
    about = f" · topic: {result.topic}" if result.topic else ""
    parts = [(f'<header><h3>{render.esc(result.statement)}</h3>'
              f'<div class="rag-meta">{render.esc(result.theme + about)}</div></header>')]
    n = 0
    for band in ("high", "low", "none"):
        group = result.in_band(band)
        if not group:
            continue
        parts.append(f'<h3 class="rag-band" data-band="{band}">{render.esc(BAND_TITLES[band])}</h3><div class="rag-grid">')
        for f in group:
            score = "no score" if f.score is None else f"score {f.score}"
            if f.score_source == FROM_SUMMARY:
                score += ", from the summary"
            body = []
            for s in f.sentences:
                n += 1
                body.append(_sentence_html(n, s))
            if not body:
                body.append(f'<div class="rag-empty">{render.esc(f.note or "No sentences.")}</div>')
            parts.append(f'<section class="rag-card" data-council="{render.esc(f.label)}"><header>'
                         f'<span class="rag-auth">{render.esc(f.label)}</span>'
                         f'<span class="rag-badge">{render.esc(score)}</span></header>{"".join(body)}</section>')
        parts.append("</div>")
    if not result.councils:
        parts.append('<div class="rag-empty">No council matches this selection.</div>')
    return f'<div class="rag-panel">{"".join(parts)}</div>'


class CompareView:
    """The Compare tab's handlers over one loaded pipeline."""

    def __init__(self, pipeline):
        self.pipeline = pipeline
        self.matrix = pipeline.scores()
        self.folder = Path(tempfile.mkdtemp(prefix="rag-compare-"))

    def csv_file(self, theme: str | None) -> str:
        """The matrix (one theme or all) written as a CSV file for download; returns its path."""
        name = "scores.csv" if theme is None else f"scores-{THEMES.index(theme) + 1}.csv"
        path = self.folder / name
        path.write_text(self.matrix.to_csv(theme), encoding="utf-8")
        return str(path)

    def pick_theme(self, value: str | None):
        """Show one theme's statements (or all) and offer that table as CSV."""
        theme = _theme(value)
        widths = list(LEAD_WIDTHS) + [STATEMENT_WIDTH] * len(self.matrix.statements_of(theme))
        return (gr.Dataframe(matrix_frame(self.matrix, theme), column_widths=widths),
                gr.DownloadButton(value=self.csv_file(theme)))

    def open_cell(self, value: str | None, evt: gr.SelectData) -> str:
        """The report section a clicked cell's score (or overall rating) was read from."""
        theme = _theme(value)
        headers = self.matrix.headers(theme)
        try:
            label = str((evt.row_value or [None])[0])
            column = headers[int(evt.index[1])]
            row = self.matrix.row(label)
        except (KeyError, IndexError, TypeError, ValueError):
            return render.placeholder_html("Click a score to open the report section it comes from.")
        if column in LEAD_COLUMNS:
            if row.overall_ref is None:
                return render.placeholder_html(f"{label}: no summary page with an overall rating is indexed.")
            extra = f", {row.percentage} out of 100" if row.percentage is not None else ""
            title = f"{label} · overall rating {row.overall}{extra}"
            return section_html(self.pipeline.document_chunks(row.overall_ref.doc_id), row.overall_ref, title)
        cell = row.cell(column)
        if cell.ref is None:
            return render.placeholder_html(f"{label}: no score for {column} in its reports.")
        where = "from the summary's list of scores" if cell.source == FROM_SUMMARY else "from its statement page"
        title = f"{label} · {column} · score {cell.score} ({where})"
        return section_html(self.pipeline.document_chunks(cell.ref.doc_id), cell.ref, title)

    def run_compare(self, statement: str | None, topic: str | None, who: str | None, councils: list[str] | None,
                    per_council: Any):
        """Councils' findings side by side, and the same as a Markdown file to download."""
        chosen = list(councils or ()) if who == WHO_CHOSEN else []
        if who == WHO_CHOSEN and not chosen:
            return render.error_html("Pick at least one council, or choose another selection."), gr.skip()
        try:
            result = self.pipeline.compare(statement or "", topic=topic, councils=chosen,
                                           band=WHO_BAND.get(who or WHO_ALL, "all"), per_council=int(per_council))
        except RagError as e:
            return render.error_html(str(e)), gr.skip()
        except Exception:
            log.exception("the comparison failed")
            return render.error_html(INTERNAL_ERROR), gr.skip()
        path = self.folder / "comparison.md"
        path.write_text(to_markdown(result), encoding="utf-8")
        return comparison_html(result), gr.DownloadButton(value=str(path), visible=True)


def compare_tab(pipeline) -> None:
    """Build the Compare tab's components inside the current Blocks context."""
    view = CompareView(pipeline)
    gr.Markdown("### Scores\nEach council's score for every quality statement, as its reports give it. "
                "Colour follows the score, which is always shown; _(summary)_ marks a score listed only in the "
                "council's summary. Click a score to open the section it comes from.")
    with gr.Row(equal_height=True):
        theme = gr.Dropdown([ALL_THEMES, *THEMES], value=ALL_THEMES, label="Theme", scale=3, elem_id="scores-theme")
        download = gr.DownloadButton("Download CSV", value=view.csv_file(None), scale=1, min_width=160,
                                     elem_id="scores-csv")
    matrix = gr.Dataframe(matrix_frame(view.matrix), interactive=False, show_search="none", pinned_columns=1,
                          wrap=True, max_height=520, elem_id="score-matrix", label="Score matrix",
                          column_widths=list(LEAD_WIDTHS) + [STATEMENT_WIDTH] * len(view.matrix.statements))
    section = gr.HTML(render.placeholder_html("Click a score to open the report section it comes from."),
                      elem_id="score-section", css_template=COMPARE_CSS, js_on_load=None, max_height=560)
    theme.change(view.pick_theme, [theme], [matrix, download], api_visibility="private")
    matrix.select(view.open_cell, [theme], [section], api_visibility="private")

    gr.Markdown("### Side by side\nPick a quality statement and, optionally, a topic: each council's own findings "
                "sentences, grouped by score (3–4 against 1–2), each with its document and character offsets.")
    with gr.Row(equal_height=True):
        statement = gr.Dropdown([s.name for s in STATEMENTS], value=DEFAULT_STATEMENT, label="Quality statement",
                                scale=3, elem_id="compare-statement")
        topic = gr.Textbox(label="Topic (optional)", placeholder="e.g. carers, waiting lists, co-production",
                           scale=3, max_length=200, elem_id="compare-topic")
        per_council = gr.Slider(1, MAX_PER_COUNCIL, value=DEFAULT_PER_COUNCIL, step=1, label="Sentences per council",
                                scale=2, elem_id="compare-n")
    with gr.Row(equal_height=True):
        who = gr.Radio([WHO_ALL, WHO_HIGH, WHO_LOW, WHO_CHOSEN], value=WHO_ALL, label="Councils", scale=3,
                       elem_id="compare-who")
        councils = gr.Dropdown([r.label for r in view.matrix.rows], multiselect=True, label="Chosen councils",
                               scale=3, elem_id="compare-councils")
        run = gr.Button("Compare", variant="primary", scale=1, min_width=140, elem_id="compare-run")
    result = gr.HTML(render.placeholder_html("Choose a statement and press Compare."), elem_id="compare-result",
                     css_template=COMPARE_CSS, js_on_load=None)
    markdown = gr.DownloadButton("Download Markdown", visible=False, elem_id="compare-md")
    inputs = [statement, topic, who, councils, per_council]
    run.click(view.run_compare, inputs, [result, markdown], api_visibility="private")
    topic.submit(view.run_compare, inputs, [result, markdown], api_visibility="private")
