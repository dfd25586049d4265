"""One reader per file format: each turns a file's bytes into the text the system shows and cites.

``.txt`` is decoded as UTF-8 with line endings normalised to ``\\n`` (``\\r\\n`` and a lone ``\\r`` alike),
so offsets are defined against the text as read. ``.html`` (a saved report page), ``.md`` (a page
converted to Markdown) and ``.pdf`` (the downloadable report) are converted to plain text with one
block per line and a blank line between blocks; that extracted text is what offsets refer to, and
what the Documents view shows. Typographic ligatures ("ﬁ") are read as the letters they join.
"""

from __future__ import annotations

from pathlib import Path

from .html import html_to_text
from .markdown import markdown_to_text
from .pdf import pdf_to_text
from .text import decode_text, spell_out_ligatures

#: File suffixes read as documents, and the reader for each.
READERS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}


class UnreadableDocument(ValueError):
    """A file that cannot be turned into text; the message says why in a few words."""


def read_document(path: Path, raw: bytes) -> tuple[str, str]:
    """(text, format) of a document file's bytes; raises :class:`UnreadableDocument`."""
    fmt = READERS.get(Path(path).suffix.lower())
    if fmt is None:
        raise UnreadableDocument(f"not a supported format ({', '.join(sorted(READERS))})")
    if fmt == "pdf":
        text = pdf_to_text(raw)
    else:
        text = decode_text(raw)
        if fmt == "html":
            text = html_to_text(text)
        elif fmt == "md":
            text = markdown_to_text(text)
    text = spell_out_ligatures(text)
    if not text.strip():
        raise UnreadableDocument("no text in it" if fmt in ("html", "md", "pdf") else "only whitespace")
    return text, fmt
