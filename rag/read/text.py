"""Plain text files: UTF-8, with every line ending read as ``\\n``."""

from __future__ import annotations

import re
import unicodedata

#: Typographic ligatures ("ﬀ", "ﬁ", "ﬂ", "ﬃ", "ﬄ", "ﬅ", "ﬆ"): PDF text extraction gives them where the font drew one glyph.
_LIGATURE = re.compile("[\ufb00-\ufb06]")


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and a lone ``\\r`` as ``\\n`` (what Python's text mode does on reading)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(raw: bytes) -> str:
    """The text of a UTF-8 file (a byte-order mark dropped); raises ValueError for other encodings or binary data."""
    from . import UnreadableDocument

    if b"\x00" in raw:
        raise UnreadableDocument("looks binary (contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise UnreadableDocument(f"not UTF-8 ({e.reason} at byte {e.start})") from None
    return normalise_newlines(text)


def spell_out_ligatures(text: str) -> str:
    """Typographic ligatures as the letters they join ("staﬀ" → "staff", "Wakeﬁeld" → "Wakefield"), so that a word
    reads, matches a search and names a council the same whatever font the file was printed in."""
    return _LIGATURE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
