"""Downloadable reports (PDF) → plain text: paragraphs re-joined, page headers and footers dropped.

pypdf extracts the text in layout mode (lines placed as on the page, blank lines where the page has
vertical space), so paragraph breaks survive. Lines wrapped inside a paragraph are joined with a
space; lines that repeat on most pages (print headers and footers, page numbers) are dropped.
"""

from __future__ import annotations

import io
import re
from collections import Counter

#: A line on at least this share of pages (digits ignored), among the first or last few lines of each
#: page, is a page header or footer.
REPEATED_LINE_SHARE = 0.6
#: How many lines at the top and at the bottom of a page may be a header or footer.
MARGIN_LINES = 3
_PAGE_NUMBER = re.compile(r"^\s*(page\s+)?\d+\s*(/|of)\s*\d+\s*$|^\s*\d+\s*$", re.IGNORECASE)


def _page_lines(page_text: str) -> list[str]:
    return [re.sub(r"\s{2,}", " ", line).strip() for line in page_text.splitlines()]


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line)


def _margins(lines: list[str]) -> set[str]:
    """Keys of the first and last few non-blank lines of a page (where headers and footers are)."""
    filled = [line for line in lines if line]
    return {_key(line) for line in filled[:MARGIN_LINES] + filled[-MARGIN_LINES:]}


def pdf_to_text(raw: bytes) -> str:
    """The text of a PDF: its lines in reading order, a blank line where the page leaves vertical space,
    page headers, footers and page numbers dropped. Wrapped lines are joined later, by the layout
    reader (:func:`rag.layout.blocks`), like those of any text file."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    from . import UnreadableDocument

    try:
        reader = PdfReader(io.BytesIO(raw))
        pages = [_page_lines(p.extract_text(extraction_mode="layout") or "") for p in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise UnreadableDocument(f"not a readable PDF ({type(e).__name__})") from None
    if len(pages) >= 2:
        counts = Counter(k for lines in pages for k in _margins(lines))
        repeated = {k for k, n in counts.items() if n >= REPEATED_LINE_SHARE * len(pages)}
    else:
        repeated = set()
    out: list[str] = []
    for lines in pages:
        margins = _margins(lines)
        for line in lines:
            if line and (_key(line) in repeated and _key(line) in margins or _PAGE_NUMBER.match(line)):
                continue
            if line or (out and out[-1]):
                out.append(line)
    return "\n".join(out).strip() + "\n" if any(out) else ""
