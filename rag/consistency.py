"""Checks that documents can be indexed and that an index's passages still match their documents."""

from __future__ import annotations

from typing import Iterable, Mapping

from .records import Chunk, Document


def shown_name(name: str) -> str:
    """A file name as it can be printed: undecodable bytes as ``\\xNN`` escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def document_bytes(documents: Iterable[Document]) -> int:
    """Bytes of text in ``documents`` (what the size of an index grows with)."""
    return sum(len(d.text.encode("utf-8", "surrogatepass")) for d in documents)


def chunk_mismatch(chunks: Iterable[Chunk], documents: Mapping[str, Document]) -> str | None:
    """Why the passages do not match the documents they cite (``text == document[start:end]``), or None.

    Documents not in ``documents`` are not checked (they are not available here)."""
    for c in chunks:
        doc = documents.get(c.doc_id)
        if doc is None:
            continue
        if not 0 <= c.start <= c.end <= len(doc.text) or doc.text[c.start : c.end] != c.text:
            return f"passage {c.chunk_id} differs from {shown_name(c.doc_id)} at {c.start}:{c.end}"
        if any(not c.start <= s.start <= s.end <= c.end for s in c.sentences):
            return f"passage {c.chunk_id} has sentences outside its range in {shown_name(c.doc_id)}"
    return None
