"""HTML and text for the UI, built so that report text, metadata and questions are always shown literally.

Every piece of text from the reports, their metadata or the user goes through :func:`esc` before it
is put into HTML. Highlights are computed on the *raw* text (the offsets the pipeline gives), the
text is cut into segments there, and each segment is escaped on its own, so a ``<mark>`` never lands
inside an entity and escaping never shifts the highlight.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

from rag.records import Chunk

from .turns import Source, Turn

#: Characters that template engines read (gr.HTML's ``${}`` and ``{{}}``), as entities.
_TEMPLATE_CHARS = str.maketrans({"$": "&#36;", "{": "&#123;", "}": "&#125;", "`": "&#96;"})
#: A citation marker in an answer's raw text.
MARKER = re.compile(r"\[(\d+)\]")
#: ASCII punctuation that Markdown gives a meaning to; each is backslash-escaped in exported Markdown.
_MARKDOWN_CHARS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>=$:<])")
#: The UI's styles (ui/style.css), for panels that scope them to a gr.HTML through ``css_template``.
PANEL_CSS = (Path(__file__).parent / "style.css").read_text(encoding="utf-8")
EMPTY_CHAT = ("Ask a question about the CQC local authority assessment reports. Answers quote the reports' "
              "own sentences; select a number such as [1] in an answer to see the passage it comes from.")


@dataclass(frozen=True)
class Segment:
    """A run of raw text that is either highlighted or not."""

    text: str
    highlighted: bool


def esc(text: object) -> str:
    """Escape text for HTML, including quotes and template characters, so it can never become markup."""
    return html.escape(str(text), quote=True).translate(_TEMPLATE_CHARS)


def merge_ranges(ranges: Iterable[Sequence[int]], length: int) -> list[tuple[int, int]]:
    """Clip ranges to ``[0, length]``, drop empty ones and merge overlapping or touching ones."""
    clipped = sorted((max(0, int(a)), min(length, int(b))) for a, b in ranges)
    merged: list[tuple[int, int]] = []
    for a, b in clipped:
        if b <= a:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def segments(text: str, ranges: Iterable[Sequence[int]]) -> list[Segment]:
    """Cut the raw ``text`` at the highlight ``ranges`` (offsets into ``text``)."""
    out: list[Segment] = []
    pos = 0
    for a, b in merge_ranges(ranges, len(text)):
        if a > pos:
            out.append(Segment(text[pos:a], False))
        out.append(Segment(text[a:b], True))
        pos = b
    if pos < len(text):
        out.append(Segment(text[pos:], False))
    return out


def highlight_html(text: str, ranges: Iterable[Sequence[int]] = ()) -> str:
    """Escaped ``text`` with ``<mark>`` around the highlighted ranges (computed on the raw text)."""
    return "".join(
        f"<mark>{esc(s.text)}</mark>" if s.highlighted else esc(s.text) for s in segments(text, ranges)
    )


# -- small pieces shared by the panels ------------------------------------------------------------
def location(paragraph: int, kind: str) -> str:
    """Where a passage sits in its report, e.g. "¶3", "score line" or "publication date"."""
    if kind == "rating":
        return "score line"
    if kind == "published":
        return "publication date"
    if kind == "boilerplate" or paragraph < 1:
        return "introduction"
    return f"¶{paragraph}"


def score_text(rating: int | None) -> str:
    """A CQC rating as shown everywhere in the UI: "Score 3" (empty when unknown)."""
    return "" if rating is None else f"Score {int(rating)}"


def match_share(relevance: float, best: float) -> float:
    """A passage's relevance as a share of the best passage's in the same answer, within 0-1."""
    if best <= 0:
        return 0.0
    return max(0.0, min(1.0, relevance / best))


def _badge(text: str) -> str:
    """A small rounded label (nothing for empty text)."""
    return f'<span class="rag-badge">{esc(text)}</span>' if text else ""


def _relevance(source: Source, best: float) -> str:
    """Rank plus a bar of the passage's match relative to the best one (never above 100%); nothing for a
    passage that retrieval did not rank."""
    if source.rank < 1:
        return '<span class="rag-rank">Outside the ranked passages</span>'
    pct = round(100 * match_share(source.relevance, best))
    return (f'<span class="rag-rank">Rank {source.rank}</span>'
            f'<span class="rag-bar" role="img" aria-label="Match {pct}% of the best passage">'
            f'<span style="width:{pct}%"></span></span><span class="rag-pct">{pct}%</span>')


def source_id(turn: int, source: Source) -> str:
    """The element id of a source card: ``rag-src-<turn>-<n>`` for citations, ``-p<rank>`` for the rest."""
    return f"rag-src-{turn}-{source.n}" if source.n is not None else f"rag-src-{turn}-p{source.rank}"


def source_card(turn: int, source: Source, best: float) -> str:
    """One passage as a card: number, council, score, statement, place, date, relevance, text, open button."""
    number = f"[{source.n}]" if source.n is not None else f"{source.rank}."
    where = " · ".join(x for x in [source.statement or "", source.section, location(source.paragraph, source.kind)]
                       if x)
    published = f'<div class="rag-meta">Published {esc(source.published)}</div>' if source.published else ""
    highlights = json.dumps([list(h) for h in source.highlights])
    return (
        f'<article class="rag-card" id="{source_id(turn, source)}" tabindex="-1" '
        f'aria-label="Source {esc(number)} {esc(source.label)}">'
        f'<header><span class="rag-n">{esc(number)}</span><span class="rag-auth">{esc(source.label)}</span>'
        f'{_badge(score_text(source.rating))}</header>'
        f'<div class="rag-meta">{esc(where)}</div>{published}'
        f'<div class="rag-meta rag-rel">{_relevance(source, best)}</div>'
        f'<p class="rag-text">{highlight_html(source.text, source.highlights)}</p>'
        f'<button type="button" class="rag-open" data-doc="{esc(source.doc)}" data-start="{source.start}" '
        f'data-highlights="{esc(highlights)}">Open {esc(number)} in its report</button></article>'
    )


def _best(turn: Turn) -> float:
    """The highest relevance among a turn's passages (the 100% of its bars)."""
    return max((s.relevance for s in (*turn.citations, *turn.passages) if s.rank >= 1), default=0.0)


def sources_html(index: int, turn: Turn) -> str:
    """The sources of one answer: its citations, then the other retrieved passages folded away."""
    best = _best(turn)
    if turn.failed:
        return '<div class="rag-empty">No sources: the question could not be answered.</div>'
    parts = []
    if turn.abstained:
        parts.append(f"<h2>Possibly related to answer {index + 1}</h2>")
        cards = [source_card(index, p, best) for p in turn.passages]
        parts += cards or ['<div class="rag-empty">No passages matched.</div>']
    else:
        parts.append(f"<h2>Sources of answer {index + 1}</h2>")
        parts += [source_card(index, c, best) for c in turn.citations]
        others = turn.uncited
        if others:
            parts.append(f"<details><summary>Other retrieved passages ({len(others)})</summary>")
            parts += [source_card(index, p, best) for p in others]
            parts.append("</details>")
    return "".join(parts)


# -- the conversation ------------------------------------------------------------------------------
def answer_body_html(index: int, turn: Turn) -> str:
    """The answer text, escaped, each line a paragraph, each [n] a link to its source card whose
    tooltip is the sentence it supports."""
    known = {c.n for c in turn.citations}
    lines = []
    for line in turn.answer.split("\n"):
        out, pos, sentence = [], 0, ""
        for m in MARKER.finditer(line):
            n = int(m.group(1))
            if n not in known:
                continue
            out.append(esc(line[pos:m.start()]))
            sentence = line[pos:m.start()].strip() or sentence
            target = f"rag-src-{index}-{n}"
            out.append(f'<a class="rag-cite" href="#{target}" data-turn="{index}" data-target="{target}" '
                       f'title="{esc(sentence)}" aria-label="Source {n}">[{n}]</a>')
            pos = m.end()
        out.append(esc(line[pos:]))
        if line.strip():
            lines.append(f"<p>{''.join(out)}</p>")
    return "".join(lines)


def turn_notes(turn: Turn) -> list[str]:
    """The lines under an answer: how a follow-up was read, the filters, and any notices."""
    notes = []
    if turn.read_as:
        notes.append(f"Read as: {turn.read_as}")
    if turn.filters:
        notes.append(f"Filters: {turn.filters}")
    notes += [n for n in turn.notices if not n.startswith("Filters in force")]
    return notes


def turn_html(index: int, turn: Turn, selected: bool) -> str:
    """One question, its answer (with copy button and notes) and its sources panel."""
    notes = "".join(f'<p class="rag-note">{esc(n)}</p>' for n in turn_notes(turn))
    kind = " rag-failed" if turn.failed else (" rag-abstained" if turn.abstained else "")
    count = len(turn.citations) if not turn.abstained else len(turn.passages)
    return (
        f'<section class="rag-turn{" rag-selected" if selected else ""}" data-turn="{index}" '
        f'aria-label="Question {index + 1}">'
        f'<div class="rag-q"><span class="rag-sr">Question {index + 1}: </span>{esc(turn.question)}</div>'
        f'<div class="rag-a{kind}" data-turn="{index}">'
        f'<span class="rag-sr">Answer {index + 1}: </span>{answer_body_html(index, turn)}{notes}'
        f'<div class="rag-actions">'
        f'<button type="button" class="rag-show" data-turn="{index}" aria-controls="rag-sources-{index}" '
        f'aria-pressed="{"true" if selected else "false"}">Show sources of answer {index + 1} ({count})</button>'
        f'<button type="button" class="rag-copy" data-copy="{esc(plain_text(turn))}">'
        f'Copy answer {index + 1}</button><span class="rag-status" role="status"></span></div></div>'
        f'<aside class="rag-sources" id="rag-sources-{index}" aria-label="Sources of answer {index + 1}">'
        f"{sources_html(index, turn)}</aside></section>"
    )


def conversation_html(turns: Sequence[Turn]) -> str:
    """The whole conversation (the latest answer selected), or an invitation to ask when empty."""
    if not turns:
        return f'<div class="rag-chat rag-chat-empty"><p class="rag-empty">{esc(EMPTY_CHAT)}</p></div>'
    last = len(turns) - 1
    return f'<div class="rag-chat">{"".join(turn_html(i, t, i == last) for i, t in enumerate(turns))}</div>'


# -- plain text and exports ---------------------------------------------------------------------------
def reference_line(source: Source) -> str:
    """One numbered reference: council, statement, document (and date), then the quote."""
    parts = [source.label]
    if source.statement:
        parts.append(source.statement)
    doc = f"document {source.doc}" + (f", published {source.published}" if source.published else "")
    parts.append(doc)
    return f"[{source.n}] {' — '.join(parts)}: “{source.quoted}”"


def plain_text(turn: Turn) -> str:
    """An answer as plain text with its numbered references appended (what Copy puts on the clipboard)."""
    lines = [turn.answer.strip()]
    notes = turn_notes(turn)
    if notes:
        lines += ["", *notes]
    if turn.citations:
        lines += ["", "References"]
        lines += [reference_line(c) for c in turn.citations]
    return "\n".join(lines)


def markdown_text(text: str) -> str:
    """Markdown that shows ``text`` literally (HTML and Markdown characters escaped)."""
    return _MARKDOWN_CHARS.sub(r"\\\1", text)


def conversation_markdown(turns: Sequence[Turn]) -> str:
    """The conversation as a Markdown file: each question, answer and its references."""
    out = ["# CQC assessment reports: conversation", ""]
    for i, t in enumerate(turns, 1):
        out += [f"## Question {i}", "", markdown_text(t.question), "", "### Answer", ""]
        out += [markdown_text(line) + "  " for line in t.answer.strip().split("\n")]
        out += [f"_{markdown_text(n)}_" for n in turn_notes(t)]
        if t.citations:
            out += ["", "### References", ""]
            out += [f"{c.n}. {markdown_text(reference_line(c).split('] ', 1)[1])}" for c in t.citations]
        out.append("")
    return "\n".join(out)


EXPORT_CSS = """
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1f2937;
       line-height: 1.55; }
h2 { border-top: 1px solid #d1d5db; padding-top: 1rem; }
.q { font-weight: 600; }
.note { color: #4b5563; font-style: italic; }
a.cite { color: #3730a3; font-weight: 700; text-decoration: none; }
li:target { background: #fef3c7; }
blockquote { margin: 0.3rem 0 0.8rem 1rem; color: #374151; }
"""


def conversation_html_file(turns: Sequence[Turn]) -> str:
    """The conversation as one self-contained HTML page; each [n] links to its reference below."""
    body = []
    for i, t in enumerate(turns):
        answer = answer_body_html(i, t).replace('class="rag-cite"', 'class="cite"')
        answer = re.sub(r'href="#rag-src-(\d+)-(\d+)"', r'href="#ref-\1-\2"', answer)
        answer = re.sub(r' data-turn="\d+" data-target="[^"]*"', "", answer)
        body.append(f"<h2>Question {i + 1}</h2><p class=\"q\">{esc(t.question)}</p>{answer}")
        body += [f'<p class="note">{esc(n)}</p>' for n in turn_notes(t)]
        if t.citations:
            body.append("<h3>References</h3><ol>")
            for c in t.citations:
                head = reference_line(c).split("]: ", 1)[0].split("] ", 1)[1]
                body.append(f'<li id="ref-{i}-{c.n}" value="{c.n}">{esc(head)}<blockquote>{esc(c.quoted)}'
                            "</blockquote></li>")
            body.append("</ol>")
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>CQC assessment reports: conversation</title>"
            f"<style>{EXPORT_CSS}</style></head><body><h1>CQC assessment reports: conversation</h1>"
            f"{''.join(body)}</body></html>")


# -- panels -------------------------------------------------------------------------------------------
def panel(inner: str) -> str:
    """Wrap already-safe HTML in the styled panel container."""
    return f'<div class="rag-panel">{inner}</div>'


def placeholder_html(message: str) -> str:
    """A muted one-line message for an empty panel."""
    return panel(f'<div class="rag-empty">{esc(message)}</div>')


def error_html(message: str) -> str:
    """A one-line error shown in a panel (never a traceback)."""
    return panel(f'<div class="rag-error" role="alert">{esc(message)}</div>')


def _paragraph(chunk: Chunk, highlights: Iterable[Sequence[int]], focus: bool) -> str:
    """One chunk of a report as a numbered paragraph, outlined (and focusable) when it is the focus."""
    other = chunk.kind not in ("finding", "standard", "overview", "summary", "facts")
    classes = "rag-para" + (" rag-focus" if focus else "") + (" rag-other" if other else "")
    extra = ' tabindex="-1" id="rag-focus" aria-label="Opened passage"' if focus else ""
    return (
        f'<div class="{classes}"{extra}><span class="rag-pn">{esc(location(chunk.paragraph, chunk.kind))}</span>'
        f'<p class="rag-text">{highlight_html(chunk.text, highlights)}</p></div>'
    )


def under_headings(chunks: Sequence[Chunk], paragraph: Callable[[Chunk], str], tag: str = "h3") -> list[str]:
    """HTML of ``chunks`` in order, each drawn by ``paragraph``, with a heading wherever the section changes."""
    parts: list[str] = []
    heading = None
    for c in chunks:
        if c.section != heading:
            heading = c.section
            parts.append(f"<{tag}>{esc(heading)}</{tag}>")
        parts.append(paragraph(c))
    return parts


def document_html(chunks: Sequence[Chunk], focus: int | None = None, highlights: Iterable[Sequence[int]] = (),
                  section: str | None = None, published: str | None = None) -> str:
    """A report's passages under their headings; the ``focus`` chunk (a chunk_id) outlined and highlighted.

    ``highlights`` are relative to the focus passage's text; ``section`` keeps one section heading.
    """
    if not chunks:
        return placeholder_html("This report has no passages.")
    first = chunks[0]
    shown = [c for c in chunks if section is None or c.section == section]
    statements = sorted({c.statement for c in chunks if c.statement})
    meta = " · ".join(x for x in [
        f"Published {published}" if published else "",
        f"{len(statements)} quality statement(s)" if len(statements) > 1 else (statements[0] if statements else ""),
        f"file {first.doc_id}",
    ] if x)
    parts = [f'<header><h2>{esc(first.label)}</h2><div class="rag-meta">{esc(meta)}</div></header>']
    parts += under_headings(shown, lambda c: _paragraph(c, highlights if c.chunk_id == focus else (), c.chunk_id == focus))
    if not shown:
        parts.append('<div class="rag-empty">No passages in this section.</div>')
    return f'<div class="rag-panel rag-doc">{"".join(parts)}</div>'


def chart_html(png: bytes | None, alt: str) -> str:
    """The evaluation chart as an inline image with alt text (empty when there is no chart)."""
    if not png:
        return ""
    import base64

    data = base64.b64encode(png).decode("ascii")
    return f'<figure class="rag-chart"><img src="data:image/png;base64,{data}" alt="{esc(alt)}"></figure>'
