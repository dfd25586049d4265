"""HTML and chat text for the UI, built so that document text is always shown literally.

Every piece of text from the reports, their metadata or the user goes through :func:`esc`
before it is put into HTML. Highlights are computed on the *raw* text (the offsets the
pipeline gives), the text is cut into segments there, and each segment is escaped on its own,
so a ``<mark>`` never lands inside an entity and escaping never shifts the highlight.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from rag.records import Answer, Chunk, Citation, Passage

#: Characters that template engines read (gr.HTML's ``${}`` and ``{{}}``), as entities.
_TEMPLATE_CHARS = str.maketrans({"$": "&#36;", "{": "&#123;", "}": "&#125;", "`": "&#96;"})

#: ASCII punctuation that Markdown gives a meaning to; each is backslash-escaped in chat text.
_MARKDOWN_CHARS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>=$:])")
_MARKER = re.compile(r"\\\[(\d+)\\\]")

#: Styles of the sources and document panels (scoped to their gr.HTML via ``css_template``).
PANEL_CSS = """
.rag-panel { font-size: 0.95rem; line-height: 1.55; color: var(--body-text-color); }
.rag-panel h3 { font-size: 1rem; font-weight: 600; margin: 0.9rem 0 0.5rem; color: var(--body-text-color); }
.rag-panel h3:first-child { margin-top: 0; }
.rag-empty { color: var(--body-text-color-subdued); font-style: italic; padding: 0.5rem 0; }
.rag-card { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 0.7rem 0.9rem;
            margin: 0 0 0.7rem; background: var(--block-background-fill); }
.rag-card header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.45rem; }
.rag-n { font-weight: 700; color: var(--color-accent); }
.rag-auth { font-weight: 600; }
.rag-badge { font-size: 0.75rem; padding: 0.05rem 0.45rem; border-radius: 999px;
             background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); }
.rag-meta { font-size: 0.8rem; color: var(--body-text-color-subdued); margin: 0.15rem 0 0.4rem; }
.rag-text { margin: 0; white-space: pre-wrap; }
.rag-panel mark { background: #fde68a; color: #1f2937; padding: 0 0.1rem; border-radius: 3px; }
.rag-notice { border-left: 4px solid #f59e0b; padding: 0.4rem 0.7rem; margin-bottom: 0.7rem;
              background: var(--background-fill-secondary); border-radius: 4px; }
.rag-abstain { border-left: 4px solid var(--color-accent); padding: 0.5rem 0.8rem; margin-bottom: 0.7rem;
               background: var(--background-fill-secondary); border-radius: 4px; font-weight: 600; }
.rag-error { border-left: 4px solid #dc2626; padding: 0.5rem 0.8rem; background: var(--background-fill-secondary);
             border-radius: 4px; }
.rag-panel details summary { cursor: pointer; font-weight: 600; margin: 0.6rem 0; }
.rag-doc header { margin-bottom: 0.6rem; }
.rag-doc h4 { font-size: 0.95rem; font-weight: 600; margin: 1rem 0 0.4rem;
              border-bottom: 1px solid var(--border-color-primary); padding-bottom: 0.2rem; }
.rag-para { display: flex; gap: 0.6rem; margin: 0 0 0.6rem; padding: 0.35rem 0.5rem; border-radius: 6px; }
.rag-para .rag-pn { flex: 0 0 2.6rem; font-size: 0.75rem; color: var(--body-text-color-subdued); padding-top: 0.2rem; }
.rag-para .rag-text { flex: 1; }
.rag-para.rag-other { opacity: 0.75; }
.rag-focus { background: var(--background-fill-secondary); outline: 2px solid var(--color-accent); }
.rag-gap { text-align: center; font-size: 0.8rem; color: var(--body-text-color-subdued); margin: 0.3rem 0 0.6rem; }
"""


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


def chat_text(text: str) -> str:
    """Chat-message Markdown that displays ``text`` literally: HTML- then Markdown-escaped."""
    return _MARKDOWN_CHARS.sub(r"\\\1", html.escape(text, quote=False))


def answer_message(answer: Answer) -> str:
    """The assistant's chat message: the answer with bold [n] markers, or a plain abstention."""
    body = chat_text(answer.answer)
    if answer.abstained:
        body += "\n\n_" + chat_text("Closest passages are listed under “Possibly related”.") + "_"
    else:
        body = _MARKER.sub(r"**\\[\1\\]**", body)
    notes = [f"_{chat_text('Note: ' + n)}_" for n in answer.notices]
    return "\n\n".join(notes + [body])


def location(chunk: Chunk) -> str:
    """Where a chunk sits in its document, e.g. "¶3" or "score line"."""
    if chunk.kind == "score":
        return "score line"
    if chunk.kind == "boilerplate" or chunk.paragraph < 1:
        return "introduction"
    return f"¶{chunk.paragraph}"


def _score_badge(chunk: Chunk) -> str:
    """A small badge with the document's quality score, when it has one."""
    return "" if chunk.score is None else f'<span class="rag-badge">Score {esc(chunk.score)}</span>'


def passage_card(passage: Passage, highlights: Iterable[Sequence[int]] = (), n: int | None = None) -> str:
    """One passage as a card: authority, score, section, document, paragraph, then its text."""
    c = passage.chunk
    number = f'<span class="rag-n">[{n}]</span>' if n is not None else f'<span class="rag-n">{passage.rank}.</span>'
    meta = " · ".join([esc(c.section), esc(c.doc_id), esc(location(c)), f"relevance {passage.score:.3f}"])
    return (
        f'<article class="rag-card" data-doc="{esc(c.doc_id)}" data-paragraph="{c.paragraph}">'
        f'<header>{number}<span class="rag-auth">{esc(c.label)}</span>{_score_badge(c)}</header>'
        f'<div class="rag-meta">{meta}</div>'
        f'<p class="rag-text">{highlight_html(c.text, highlights)}</p></article>'
    )


def citation_card(citation: Citation) -> str:
    """A numbered source of the answer with the sentences the answer used marked."""
    return passage_card(citation.passage, citation.highlights, n=citation.n)


def _uncited(answer: Answer) -> list[Passage]:
    """Retrieved passages that the answer did not cite."""
    cited = {c.passage.chunk.chunk_id for c in answer.citations}
    return [p for p in answer.passages if p.chunk.chunk_id not in cited]


def sources_html(answer: Answer) -> str:
    """The sources panel for an answer: cited passages, or "Possibly related" ones for an abstention."""
    parts = [f'<div class="rag-notice">{esc(n)}</div>' for n in answer.notices]
    if answer.abstained:
        parts.append(f'<div class="rag-abstain">{esc(answer.answer)}</div>')
        parts.append("<h3>Possibly related</h3>")
        parts += [passage_card(p) for p in answer.passages] or ['<div class="rag-empty">No passages matched.</div>']
    else:
        parts.append("<h3>Sources</h3>")
        parts += [citation_card(c) for c in answer.citations]
        others = _uncited(answer)
        if others:
            parts.append(f"<details><summary>Other retrieved passages ({len(others)})</summary>")
            parts += [passage_card(p) for p in others]
            parts.append("</details>")
    return panel("".join(parts))


def panel(inner: str) -> str:
    """Wrap already-safe HTML in the styled panel container."""
    return f'<div class="rag-panel">{inner}</div>'


def placeholder_html(message: str) -> str:
    """A muted one-line message for an empty panel."""
    return panel(f'<div class="rag-empty">{esc(message)}</div>')


def error_html(message: str) -> str:
    """A one-line error shown in a panel (never a traceback)."""
    return panel(f'<div class="rag-error">{esc(message)}</div>')


def _paragraph(chunk: Chunk, highlights: Iterable[Sequence[int]], focus: bool) -> str:
    """One chunk of a document as a numbered paragraph, marked when it is the focus."""
    classes = "rag-para" + (" rag-focus" if focus else "") + ("" if chunk.kind == "paragraph" else " rag-other")
    anchor = f' id="para-{chunk.paragraph}"' if chunk.kind == "paragraph" else ""
    return (
        f'<div class="{classes}"{anchor}><span class="rag-pn">{esc(location(chunk))}</span>'
        f'<p class="rag-text">{highlight_html(chunk.text, highlights)}</p></div>'
    )


def document_html(
    chunks: Sequence[Chunk],
    focus: int | None = None,
    highlights: Iterable[Sequence[int]] = (),
    window: int | None = None,
    section: str | None = None,
) -> str:
    """A document's paragraphs under their section headings.

    ``focus`` is the chunk_id of a passage to outline (with ``highlights`` relative to its text);
    ``window`` shows only that many paragraphs either side of it; ``section`` keeps one section.
    """
    if not chunks:
        return placeholder_html("This document has no paragraphs.")
    first = chunks[0]
    shown = [c for c in chunks if section is None or c.section == section]
    gap_before = gap_after = 0
    if focus is not None and window is not None:
        idx = next((i for i, c in enumerate(shown) if c.chunk_id == focus), None)
        if idx is not None:
            lo, hi = max(0, idx - window), min(len(shown), idx + window + 1)
            gap_before, gap_after = lo, len(shown) - hi
            shown = shown[lo:hi]
    paragraphs = sum(1 for c in chunks if c.kind == "paragraph")
    meta = " · ".join(
        x for x in [esc(first.quality_statement), f"score {esc(first.score)}" if first.score is not None else "",
                    esc(first.doc_id), f"{paragraphs} paragraphs"] if x
    )
    parts = [f'<header><h3>{esc(first.label)}</h3><div class="rag-meta">{meta}</div></header>']
    if gap_before:
        parts.append(f'<div class="rag-gap">… {gap_before} earlier paragraph(s) not shown …</div>')
    heading = None
    for c in shown:
        if c.section != heading:
            heading = c.section
            parts.append(f"<h4>{esc(heading)}</h4>")
        is_focus = c.chunk_id == focus
        parts.append(_paragraph(c, highlights if is_focus else (), is_focus))
    if gap_after:
        parts.append(f'<div class="rag-gap">… {gap_after} later paragraph(s) not shown …</div>')
    if not shown:
        parts.append('<div class="rag-empty">No paragraphs in this section.</div>')
    return f'<div class="rag-panel rag-doc">{"".join(parts)}</div>'
