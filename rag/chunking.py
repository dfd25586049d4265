"""Report structure → paragraph chunks and sentences, with exact character offsets.

A report is a sequence of blocks separated by blank lines: the quality statement title, a
"Score N" line and its description, the standard local authority commitment, section headings
and paragraphs. Each paragraph becomes a :class:`Chunk` whose ``text == document[start:end]``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import replace

from .config import KNOWN_SECTIONS
from .corpus import SCORE_LINE
from .records import Chunk, Document, Sentence

COMMITMENT_HEADING = "The local authority commitment"
FINDINGS_HEADING = "Key findings for this quality statement"
SCORE_DESCRIPTION = re.compile(r"^\d\s*-\s+\S")
COPYRIGHT = re.compile(r"^(©|\(c\)|copyright\b)", re.IGNORECASE)

_BLOCK = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")
_ABBREVIATIONS = {"e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "st", "no", "vs", "approx", "cllr", "prof", "incl"}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def blocks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of non-blank lines, trimmed of surrounding whitespace."""
    for m in _BLOCK.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


def split_sentences(text: str, offset: int = 0) -> tuple[Sentence, ...]:
    """Sentences of ``text`` with offsets shifted by ``offset`` (the paragraph's start)."""
    sentences: list[Sentence] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        word = re.search(r"(\S+)$", text[start : m.start()])
        if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        end = m.end()
        sentences.append(Sentence(offset + start, offset + end, text[start:end]))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        tail = text[start:].rstrip()
        if tail:
            sentences.append(Sentence(offset + start, offset + start + len(tail), tail))
    return tuple(sentences)


def is_heading(block: str) -> bool:
    """A short single line without closing punctuation, e.g. "Learning from feedback"."""
    if block in KNOWN_SECTIONS or block in (COMMITMENT_HEADING, FINDINGS_HEADING):
        return True
    return (
        "\n" not in block
        and len(block) <= 100
        and len(block.split()) <= 12
        and block[0].isupper()
        and block[-1] not in ".!?:;,)\"'”’"
    )


@functools.lru_cache(maxsize=4096)
def _sentence_keys(text: str) -> tuple[str, ...]:
    return tuple(re.sub(r"\W+", " ", s.text).strip().casefold() for s in split_sentences(text))


def _similar(key: str, old: str, similarity: float) -> bool:
    from difflib import SequenceMatcher

    m = SequenceMatcher(None, key, old)
    # real_quick_ratio() and quick_ratio() are upper bounds of ratio(): the same answer, and most pairs
    # are rejected without the full (slow) comparison, which made chunking ~20% of an index build
    return m.real_quick_ratio() >= similarity and m.quick_ratio() >= similarity and m.ratio() >= similarity


def repeats_earlier(block: str, earlier: set[str], similarity: float = 0.85) -> bool:
    """Whether every sentence of ``block`` already appears, nearly word for word, in earlier
    paragraphs (e.g. a sentence repeated on its own with "The council" for "The local authority")."""
    seen = [k for text in earlier for k in _sentence_keys(text)]
    exact = set(seen)
    keys = _sentence_keys(block)
    return bool(keys) and all(k in exact or any(_similar(k, old, similarity) for old in seen) for k in keys)


def chunk_document(doc: Document) -> list[Chunk]:
    """Paragraph chunks of one report, in document order (chunk ids are assigned by the index)."""
    text = doc.text
    chunks: list[Chunk] = []
    section = ""
    seen_paragraphs: set[str] = set()
    spans = list(blocks(text))
    title_seen = False
    i = 0
    while i < len(spans):
        start, end = spans[i]
        block = text[start:end]
        i += 1
        if not title_seen and is_heading(block):
            title_seen = True  # the quality statement title
            continue
        if SCORE_LINE.fullmatch(block):
            if i < len(spans) and SCORE_DESCRIPTION.match(text[spans[i][0] : spans[i][1]]):
                end = spans[i][1]
                i += 1
            score = _chunk(doc, "Score", start, end, kind="score")
            lines = tuple(Sentence(start + a, start + b, text[start + a : start + b]) for a, b in blocks(text[start:end]))
            chunks.append(replace(score, sentences=lines))
            continue
        if COPYRIGHT.match(block):
            chunks.append(_chunk(doc, section, start, end, kind="boilerplate"))
            continue
        if block == FINDINGS_HEADING:
            continue
        if is_heading(block):
            section = block
            continue
        if block in seen_paragraphs or repeats_earlier(block, seen_paragraphs):
            continue  # a paragraph that repeats earlier text is kept once
        seen_paragraphs.add(block)
        kind = "boilerplate" if section == COMMITMENT_HEADING else "paragraph"
        chunks.append(_chunk(doc, section, start, end, kind=kind))
    numbered: list[Chunk] = []
    n = 0
    for c in chunks:
        if c.kind == "paragraph":
            n += 1
        numbered.append(_renumber(c, n if c.kind == "paragraph" else 0))
    return numbered


def _chunk(doc: Document, section: str, start: int, end: int, kind: str) -> Chunk:
    body = doc.text[start:end]
    return Chunk(
        chunk_id=-1,
        doc_id=doc.doc_id,
        authority=doc.authority,
        label=doc.label,
        quality_statement=doc.quality_statement,
        section=section,
        paragraph=0,
        start=start,
        end=end,
        text=body,
        sentences=split_sentences(body, start),
        kind=kind,
        score=doc.score,
    )


def _renumber(chunk: Chunk, paragraph: int) -> Chunk:
    return replace(chunk, paragraph=paragraph)
