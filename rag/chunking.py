"""Report structure → passages (chunks) and sentences, with exact character offsets.

Each section of a report (see :mod:`rag.metadata`) is cut into passages by its typed blocks (see
:mod:`rag.layout`): findings (with or without sub-headings), the statement's standard text ("What
people expect" and the local authority commitment: citable, but marked so that it does not compete
with findings), score lines, overview paragraphs and bullet lists (one passage per list, under its
heading), summary paragraphs and score lists. Every chunk satisfies ``text == document[start:end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .framework import OVERALL_RATINGS
from .layout import Block, is_sub_row
from .metadata import UNNAMED_COUNCIL, Section
from .records import Chunk, Document, Sentence

#: A sentence counts as a repeat of an earlier one when this share of its word pairs is in that one.
REPEAT_CONTAINMENT = 0.75
#: Postings kept per word pair when looking for repeats (bounds the work on very repetitive text).
REPEAT_POSTINGS_MAX = 64

_ABBREVIATIONS = {"e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "st", "no", "vs", "approx", "cllr", "prof", "incl"}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9£])")
_LAST_WORD = re.compile(r"(\S+)$")
_WORD = re.compile(r"\w+")

#: Kinds of chunk: what the answer may quote, and what is only shown.
RETRIEVABLE_KINDS = ("finding", "standard", "overview", "facts", "summary", "rating", "published")

#: Block kinds that carry a score (grouped into one "rating" passage).
_RATING_BLOCKS = ("score", "description", "percentage", "overall", "statement_score")


#: How far on a quotation left open at a sentence's end may close for that end to be inside it.
QUOTE_REACH = 400


def inside_quotation(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` leaves a double quotation open ("… said, "Nobody asked me twice.") that closes
    later, within :data:`QUOTE_REACH` characters: a sentence end inside a quotation ends the speaker's sentence, not
    the report's. A stray mark that never closes (an inch sign) opens nothing."""
    span = text[start:end]
    straight = span.count('"') % 2 == 1
    curly = span.count("“") > span.count("”")
    if not (straight or curly):
        return False
    ahead = text[end : end + QUOTE_REACH]
    return straight and '"' in ahead or curly and "”" in ahead


#: A paragraph that is only a figure ("£402", "36%", "4,610", "£134.2 million"): a table's value, whose label is
#: the line above it.
_FIGURE = r"^\s*(?:£\s?)?\d[\d,]*(?:\.\d+)?\s*(?:%|per ?cent|million|m|bn|billion|k)?"
#: A line that is only a figure, with a line after it: the value of the label above it in a list of key facts
#: ("Registered care homes in the area" / "214" / "Registered home care agencies in the area" / "97"), which ends there.
_VALUE_LINE = re.compile(rf"{_FIGURE}[ \t]*$(?=\n)", re.IGNORECASE | re.MULTILINE)


def split_sentences(text: str, offset: int = 0) -> tuple[Sentence, ...]:
    """Sentences of ``text`` with offsets shifted by ``offset`` (the paragraph's start); a key fact's figure on a line
    of its own ends the sentence of its label (:data:`_VALUE_LINE`)."""
    sentences: list[Sentence] = []
    start = 0
    ends = sorted([(m.start(), m.end(), True) for m in _SENTENCE_END.finditer(text)]
                  + [(m.end(), m.end(), False) for m in _VALUE_LINE.finditer(text)])
    for at, end, stop in ends:
        if end <= start:
            continue
        word = _LAST_WORD.search(text, start, at) if stop and at > start else None
        if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        if inside_quotation(text, start, end):
            continue  # "One person said, "Nobody asked me twice. That never happened before."" is one sentence
        sentences.append(Sentence(offset + start, offset + end, text[start:end]))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        tail = text[start:].rstrip()
        if tail:
            sentences.append(Sentence(offset + start, offset + start + len(tail), tail))
    return tuple(sentences)


def split_lines(text: str, offset: int = 0) -> tuple[Sentence, ...]:
    """Each non-blank line of ``text`` as a sentence (long lines split into their sentences)."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            a = pos + line.index(stripped)
            out.extend(split_sentences(stripped, offset + a))
        pos += len(line) + 1
    return tuple(out)


class RepeatFinder:
    """Finds paragraphs every sentence of which already appeared, nearly word for word, in earlier
    ones (a sentence repeated on its own with "The council" for "The local authority"). Word pairs are
    indexed, so the work grows linearly with the text."""

    def __init__(self, containment: float = REPEAT_CONTAINMENT, postings_max: int = REPEAT_POSTINGS_MAX):
        self.containment = containment
        self.postings_max = postings_max
        self._exact: set[str] = set()
        self._pairs: dict[tuple[str, str], list[int]] = {}
        self._sizes: list[int] = []

    @staticmethod
    def _words(text: str) -> list[str]:
        return [w.casefold() for w in _WORD.findall(text)]

    def _seen(self, words: list[str]) -> bool:
        key = " ".join(words)
        if key in self._exact:
            return True
        pairs = set(zip(words, words[1:]))
        if not pairs:
            return False
        counts: dict[int, int] = {}
        for p in pairs:
            for sid in self._pairs.get(p, ()):
                counts[sid] = counts.get(sid, 0) + 1
        return any(n >= self.containment * len(pairs) for n in counts.values())

    def add(self, text: str) -> None:
        """Remember the sentences of a paragraph that is kept."""
        for s in split_sentences(text):
            words = self._words(s.text)
            self._exact.add(" ".join(words))
            sid = len(self._sizes)
            self._sizes.append(len(words))
            for p in set(zip(words, words[1:])):
                postings = self._pairs.setdefault(p, [])
                if len(postings) < self.postings_max:
                    postings.append(sid)

    def repeats(self, text: str) -> bool:
        """Whether every sentence of ``text`` repeats an earlier kept sentence."""
        sentences = [self._words(s.text) for s in split_sentences(text)]
        sentences = [w for w in sentences if w]
        return bool(sentences) and all(self._seen(w) for w in sentences)


@dataclass
class _Cursor:
    """Where the chunker is inside a section: the part (findings, standard text…) and the heading."""

    part: str = "body"  # body | expect | commitment | findings | overview | summary
    heading: str = ""


def label_for(council: str | None, section: Section | None) -> str:
    """How a passage's council is shown: its name, or a readable stand-in for an unnamed council."""
    if council:
        return council
    parts = [UNNAMED_COUNCIL]
    if section is not None and section.statement:
        parts.append(section.statement)
    if section is not None and section.rating is not None:
        parts.append(f"score {section.rating}")
    return " · ".join(parts)


def _section_at(sections: tuple[Section, ...], pos: int) -> Section | None:
    for s in sections:
        if s.start <= pos < s.end:
            return s
    return None


def _page_of_line(sections: tuple[Section, ...], current: Section | None, pos: int) -> str:
    """The kind of page a line is on: its section's, or for a line above the first section (a "Published …" line under
    the page's title), the kind of the section the page goes on to."""
    if current is not None:
        return current.kind
    return next((s.kind for s in sections if s.start >= pos and s.kind != "page"), "page")


def _part_of_known(role: str) -> str:
    return {"expect": "expect", "commitment": "commitment", "findings": "findings", "overview": "overview"}.get(
        role, "summary")


#: The standard text speaks as the person ("I have care…", "My care…", "When I move…") or as the local
#: authority ("We work with people…"), perhaps in quotation marks; findings speak of them.
_I_STATEMENT = re.compile(r"[\"“‘']?\s*(?:I|My|When I|If I|Where I)\b")
_WE_STATEMENT = re.compile(r"[\"“‘']?\s*(?:We|Our)\b")
#: Standard statements are short; a long paragraph under their heading is a finding.
STANDARD_MAX_CHARS = 600


def _speaks_as(text: str, voice: re.Pattern) -> bool:
    """Whether a paragraph reads as standard text in the given voice: short and opening with it."""
    return len(text) <= STANDARD_MAX_CHARS and bool(voice.match(text))


def _text_kind(part: str, section: Section | None, text: str) -> str:
    """The kind of a paragraph: a finding, the statement's standard text, overview or summary."""
    if part == "expect" and _speaks_as(text, _I_STATEMENT):
        return "standard"
    if part == "commitment" and _speaks_as(text, _WE_STATEMENT):
        return "standard"
    if part == "body" and section is not None and section.kind == "statement" and _speaks_as(text, _I_STATEMENT):
        return "standard"  # "What people expect" statements whose heading the page leaves out
    if part == "overview" or section is not None and section.kind == "overview":
        return "overview"
    if part == "summary" or section is not None and section.kind == "summary":
        return "summary"
    return "finding"


def chunk_document(doc: Document, blocks: list[Block] | None = None) -> list[Chunk]:
    """Passages of one report, in document order (chunk ids are assigned by the index)."""
    from .layout import blocks as typed_blocks

    blocks = typed_blocks(doc.text) if blocks is None else blocks
    chunks: list[Chunk] = []
    repeats = RepeatFinder()
    cursor = _Cursor()
    current: Section | None = None
    i = 0
    while i < len(blocks):
        b = blocks[i]
        section = _section_at(doc.sections, b.start)
        if section is not current:
            current, cursor = section, _Cursor(heading=(section.statement or "") if section else "")
        text = doc.text[b.start : b.end]
        if _scores(b, current) and not _labels_value(doc.text, blocks, i - 1):
            j = i
            while j + 1 < len(blocks) and _scores(blocks[j + 1], current) and (
                    blocks[j + 1].kind in _RATING_BLOCKS or _section_at(doc.sections, blocks[j + 1].start) is current):
                j += 1
            end = blocks[j].end
            if any(blocks[x].kind in (*_RATING_BLOCKS, "bare_score") for x in range(i, j + 1)):
                start = _with_heading(doc.text, blocks, i, current, doc.council)
                entries = _entries(doc.text, blocks[i : j + 1])
                if _states_the_rating(doc.text, blocks, j, current, doc.sections):
                    j += 1  # "Overall rating" / "Good" / "Bracknell Forest Council was rated Good. …": one passage
                    entries = (*entries, *split_sentences(doc.text[blocks[j].start : blocks[j].end], blocks[j].start))
                    end = blocks[j].end
                chunks.append(_chunk(doc, current, cursor.heading or "Score", start, end, "rating", entries))
            i = j + 1
            continue
        i += 1
        if b.kind == "known":
            cursor.part, cursor.heading = _part_of_known(str(b.value)), text
        elif b.kind in ("theme", "statement"):
            cursor.heading = text  # the section's own heading (or its theme's)
        elif b.kind == "heading":
            cursor.heading = text
            if cursor.part in ("expect", "commitment", "body") and current is not None and current.kind == "statement":
                cursor.part = "findings"  # a sub-heading after the standard text starts the findings
        elif b.kind in ("title", "furniture"):
            continue
        elif b.kind == "published":
            chunks.append(replace(_chunk(doc, current, "Publication", b.start, b.end, "published"),
                                  page=_page_of_line(doc.sections, current, b.start)))
        elif b.kind == "copyright":
            chunks.append(_chunk(doc, current, cursor.heading, b.start, b.end, "boilerplate"))
        elif b.kind == "bullet":
            j = _list_end(doc.text, blocks, i - 1)
            i = j + 1
            kind = "facts" if current is not None and current.kind in ("overview", "summary") else "finding"
            chunks.append(_chunk(doc, current, cursor.heading, b.start, blocks[j].end, kind,
                                 split_lines(doc.text[b.start : blocks[j].end], b.start)))
        elif _labels_value(doc.text, blocks, i - 1):
            continue  # a table's label line: its passage is the value's, below it
        else:
            kind = _text_kind(cursor.part, current, text)
            if kind != "standard":
                if repeats.repeats(text):
                    continue  # a paragraph that repeats earlier text is kept once
                repeats.add(text)
            start = _with_label(doc.text, blocks, i - 1)
            chunks.append(_chunk(doc, current, cursor.heading, start, b.end, kind,
                                 (Sentence(start, b.end, doc.text[start : b.end]),) if start != b.start else None))
    return _numbered(chunks)


#: A sentence giving an overall rating in words ("Bracknell Forest Council was rated Good", "We rated the council
#: as inadequate"): the rating word, after a word of rating.
_RATED_AS = re.compile(rf"\brat(?:ed|ing)\b[^.!?\n]{{0,80}}?\b(?:{'|'.join(OVERALL_RATINGS)})\b", re.IGNORECASE)


def _states_the_rating(text: str, blocks: list[Block], j: int, section: Section | None, sections) -> bool:
    """Whether the paragraph after a score passage ending at block ``j`` opens by giving its overall rating in a
    sentence ("Overall rating" / "Good" / "Bracknell Forest Council was rated Good. The evidence showed …"), in the
    same section: it says what the rating is of and why, so it is read with it."""
    if j + 1 >= len(blocks) or blocks[j + 1].kind != "text" or _section_at(sections, blocks[j + 1].start) is not section:
        return False
    rating = next((r for r in OVERALL_RATINGS if re.search(rf"^\s*{r}\s*$", text[blocks[j].start : blocks[j].end],
                                                           re.IGNORECASE | re.MULTILINE)), None)
    opening = split_sentences(text[blocks[j + 1].start : blocks[j + 1].end], 0)[:1]
    return rating is not None and bool(opening) and any(
        m.group(0).casefold().endswith(rating.casefold()) for m in _RATED_AS.finditer(opening[0].text))


def _list_end(text: str, blocks: list[Block], i: int) -> int:
    """The last block of the list (consecutive bullets) that starts at block ``i``: a row with a sub-row under it ("People
    receiving long-term support: 5,640" above "of whom aged 65 and over: 3,720") makes a passage of its own with it,
    so the sub-row is read with the row it divides and the rows around them keep their own passages."""
    def sub(k: int) -> bool:
        return k < len(blocks) and blocks[k].kind == "bullet" and is_sub_row(text[blocks[k].start : blocks[k].end])

    j = i
    while j + 1 < len(blocks) and blocks[j + 1].kind == "bullet":
        if sub(j) and not sub(j + 1) or not sub(j + 1) and sub(j + 2):
            break  # the list goes on after a sub-row in a new passage, and a row with a sub-row opens one
        j += 1
    return j


_VALUE_ONLY = re.compile(rf"{_FIGURE}\s*$", re.IGNORECASE)
#: A table's value with a few words after its figure, and no sentence's end: "21.4% of the population", "184,300 people
#: (2023 estimate)".
_VALUE_WITH_UNIT = re.compile(rf"{_FIGURE}\s+[^.!?;:\n]{{1,60}}$", re.IGNORECASE)
#: The most words such a value has.
VALUE_MAX_WORDS = 8


def _with_label(text: str, blocks: list[Block], i: int) -> int:
    """Where a paragraph's passage starts: at the label line just before it when the paragraph is only that label's
    figure (:func:`_labels_value`), so that the figure is read with what it is of; else at the paragraph."""
    return blocks[i - 1].start if _labels_value(text, blocks, i - 1) else blocks[i].start


def _scores(b: Block, section: Section | None) -> bool:
    """Whether a block belongs to a score passage: a score line anywhere, and in a summary's score list
    the statement names and the bare scores of its table cells."""
    return b.kind in _RATING_BLOCKS or (b.kind in ("statement", "bare_score") and section is not None
                                        and section.kind == "summary")


#: A heading that names a rating or score ("Overall rating", "Local authority score").
_RATING_HEADING = re.compile(r"\b(?:rating|score)s?\b", re.IGNORECASE)


#: The most words a table's label line has ("Adult social care as a share of the council's total budget").
LABEL_MAX_WORDS = 14


def _labels_value(text: str, blocks: list[Block], i: int) -> bool:
    """Whether block ``i`` is a table's label line and the next block only its figure (or its figure and a few words,
    "21.4% of the population"), as a table copied from a page gives them ("Spend on adult social care per adult" then
    "£402"; "Adult social care as a share of the council's budget" then "36%", which is then no percentage score). A line naming a rating or score ("Overall score" above
    "58%") labels the assessment's own score, and a sentence is no label."""
    if i < 0 or i + 1 >= len(blocks) or blocks[i].kind not in ("heading", "text"):
        return False
    label, value = text[blocks[i].start : blocks[i].end], blocks[i + 1]
    shown = text[value.start : value.end]
    return (value.kind in ("text", "percentage") and (_VALUE_ONLY.match(shown) is not None or _VALUE_WITH_UNIT.match(shown)
                                                      is not None and len(shown.split()) <= VALUE_MAX_WORDS)
            and len(label.split()) <= LABEL_MAX_WORDS and not label.rstrip().endswith((".", "!", "?", ":"))
            and not _RATING_HEADING.search(label))


def _with_heading(text: str, blocks: list[Block], i: int, section: Section | None, council: str | None) -> int:
    """Where a score passage starts: at the heading just before it when that heading names what is
    scored (the statement, "Local authority rating and score", "Overall rating"; a page title naming the
    statement, with its theme's heading between) or whose it is (the report's council, "London Borough of Barnet"
    above "Good"), so the passage reads on its own."""
    k = i - 1
    while k > 0 and blocks[k].kind == "theme" and section is not None and blocks[k - 1].start >= section.start:
        k -= 1  # "Wigan Council: Partnerships and communities" above "Theme 2: Providing support" and the score
    if k >= 0 and section is not None and blocks[k].start >= section.start:
        before = blocks[k]
        heading = text[before.start : before.end]
        if before.kind == "statement" or before.kind == "known" and str(before.value).startswith("summary_") or \
                before.kind == "title" and section.statement and section.statement.casefold() in heading.casefold() or \
                before.kind == "heading" and (_RATING_HEADING.search(heading)
                                              or council and council.casefold() in heading.casefold()):
            return _under_title(text, blocks, k, council) if before.kind == "heading" else before.start
    return blocks[i].start


def _under_title(text: str, blocks: list[Block], k: int, council: str | None) -> int:
    """Where a score passage that starts at heading ``k`` ("Overall rating") starts: at the page's title line just above it
    when the title names the report's council ("Tameside Metropolitan Borough Council: local authority assessment"
    over "Overall rating" and "Good"), so the rating is read with whose it is; else at the heading."""
    title = blocks[k - 1] if k > 0 else None
    if title is not None and title.kind == "title" and not text[title.end : blocks[k].start].strip() and council \
            and council.casefold() in text[title.start : title.end].casefold():
        return title.start
    return blocks[k].start


def _entries(text: str, group: list[Block]) -> tuple[Sentence, ...]:
    """Sentences of a score passage: each line, with a statement heading joined to its score line."""
    out: list[Sentence] = []
    pending: Block | None = None
    for b in group:
        if b.kind == "statement":
            pending = b
            continue
        start = pending.start if pending is not None else b.start
        out.append(Sentence(start, b.end, text[start : b.end]))
        pending = None
    if pending is not None:
        out.append(Sentence(pending.start, pending.end, text[pending.start : pending.end]))
    return tuple(out)


def _numbered(chunks: list[Chunk]) -> list[Chunk]:
    """Number the passages a reader sees as paragraphs (¶1, ¶2 …) in document order."""
    out, n = [], 0
    for c in chunks:
        if c.kind in ("finding", "overview", "facts", "summary"):
            n += 1
            out.append(replace(c, paragraph=n))
        else:
            out.append(c)
    return out


def _chunk(doc: Document, section: Section | None, heading: str, start: int, end: int, kind: str,
           sentences: tuple[Sentence, ...] | None = None) -> Chunk:
    body = doc.text[start:end]
    return Chunk(
        chunk_id=-1,
        doc_id=doc.doc_id,
        council=doc.council,
        label=label_for(doc.council, section),
        statement=section.statement if section else None,
        theme=section.theme if section else None,
        page=section.kind if section else "page",
        section=heading,
        paragraph=0,
        start=start,
        end=end,
        text=body,
        sentences=sentences if sentences is not None else split_sentences(body, start),
        kind=kind,
        rating=section.rating if section else None,
    )
