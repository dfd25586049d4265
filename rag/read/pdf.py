"""Downloadable reports (PDF) → plain text: paragraphs re-joined, page headers and footers dropped.

pypdf extracts the text in layout mode (lines placed as on the page, blank lines where the page has
vertical space), so paragraph breaks survive. Lines wrapped inside a paragraph are joined with a
space; lines that repeat on most pages (print headers and footers, page numbers) are dropped.
"""

from __future__ import annotations

import io
import re
from collections import Counter

#: A line on at least this share of pages (digits ignored) is a page header or footer.
REPEATED_LINE_SHARE = 0.6
_PAGE_NUMBER = re.compile(r"^\s*(page\s+)?\d+\s*(/|of)\s*\d+\s*$|^\s*\d+\s*$", re.IGNORECASE)


def _page_lines(page_text: str) -> list[str]:
    return [re.sub(r"\s{2,}", " ", line).strip() for line in page_text.splitlines()]


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line)


def pdf_to_text(raw: bytes) -> str:
    """The text of a PDF, one paragraph per line and a blank line between paragraphs."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    from . import UnreadableDocument

    try:
        reader = PdfReader(io.BytesIO(raw))
        pages = [_page_lines(p.extract_text(extraction_mode="layout") or "") for p in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise UnreadableDocument(f"not a readable PDF ({type(e).__name__})") from None
    if len(pages) >= 2:
        counts = Counter(k for lines in pages for k in {_key(line) for line in lines if line})
        repeated = {k for k, n in counts.items() if n >= REPEATED_LINE_SHARE * len(pages)}
    else:
        repeated = set()
    paragraphs: list[str] = []
    current: list[str] = []
    for lines in pages:
        for line in lines:
            if not line or _key(line) in repeated or _PAGE_NUMBER.match(line):
                if not line and current:
                    paragraphs.append(" ".join(current))
                    current = []
                continue
            current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""
