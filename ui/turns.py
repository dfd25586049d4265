"""One question and its answer as the chat keeps it: built from an Answer, stored in the browser as
compact JSON (passages by reference: document and offset, never their text), and read back checked
field by field, since the browser's copy can be anything, with the passages looked up in the index."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Mapping

from rag.records import Answer, Passage

MAX_TURNS = 30  # turns kept in the browser; older ones are dropped so each request stays small
MAX_TEXT = 20_000  # longest text field accepted back from the browser
MAX_SOURCES = 40  # most passage references accepted per stored turn

#: Looks a passage up by (document id, start offset): a Source with no number, rank or relevance yet.
Resolver = Callable[[str, int], "Source | None"]


@dataclass(frozen=True)
class Source:
    """A passage shown under an answer: cited (``n`` set) or only retrieved."""

    n: int | None
    rank: int
    doc: str
    label: str
    council: str | None
    statement: str | None
    section: str
    paragraph: int
    kind: str
    rating: int | None
    text: str
    start: int
    end: int
    relevance: float
    highlights: tuple[tuple[int, int], ...] = ()
    published: str | None = None

    @property
    def quoted(self) -> str:
        """The highlighted sentences of the passage (what the answer took), or its whole text."""
        parts = [self.text[a:b].strip() for a, b in self.highlights if 0 <= a < b <= len(self.text)]
        return " ".join(p for p in parts if p) or self.text.strip()


@dataclass(frozen=True)
class Turn:
    """A question, the answer given, its sources and what shaped it (filters, follow-up reading)."""

    question: str
    answer: str
    abstained: bool
    citations: tuple[Source, ...]
    passages: tuple[Source, ...]
    notices: tuple[str, ...] = ()
    read_as: str | None = None
    filters: str = ""
    failed: bool = False  # the question could not be answered at all (``answer`` says why)

    @property
    def uncited(self) -> tuple[Source, ...]:
        """Retrieved passages that no citation points to."""
        cited = {(c.doc, c.start) for c in self.citations}
        return tuple(p for p in self.passages if (p.doc, p.start) not in cited)

    def to_dict(self) -> dict[str, Any]:
        """Compact JSON for the browser's storage: passages as [n, rank, doc, start, relevance, highlights]."""
        def ref(s: Source) -> list:
            return [s.n, s.rank, s.doc, s.start, round(s.relevance, 4), [list(h) for h in s.highlights]]

        return {"question": self.question, "answer": self.answer, "abstained": self.abstained,
                "citations": [ref(c) for c in self.citations], "passages": [ref(p) for p in self.passages],
                "notices": list(self.notices), "read_as": self.read_as, "filters": self.filters,
                "failed": self.failed}


def source_of(passage: Passage, published: Mapping[str, str], n: int | None = None,
              highlights: tuple[tuple[int, int], ...] = ()) -> Source:
    """A retrieved passage as a Source (with its report's publication date when known)."""
    c = passage.chunk
    return Source(n, passage.rank, c.doc_id, c.label, c.council, c.statement, c.section, c.paragraph, c.kind,
                  c.rating, c.text, c.start, c.end, float(passage.relevance),
                  tuple((int(a), int(b)) for a, b in highlights), published.get(c.doc_id))


def turn_of(answer: Answer, published: Mapping[str, str]) -> Turn:
    """The turn for a fresh answer. A cited passage takes its rank and relevance from the retrieval
    (rank 0 when the ranked list does not hold it, e.g. a score line or another council's passage)."""
    retrieved = {(p.chunk.doc_id, p.chunk.start): p for p in answer.passages}

    def cited(c) -> Source:
        found = retrieved.get((c.passage.chunk.doc_id, c.passage.chunk.start))
        ranked = found or Passage(c.passage.chunk, c.passage.relevance, 0)
        return source_of(ranked, published, c.n, tuple(c.highlights))

    return Turn(
        question=answer.question, answer=answer.answer, abstained=answer.abstained,
        citations=tuple(cited(c) for c in answer.citations),
        passages=tuple(source_of(p, published) for p in answer.passages),
        notices=tuple(answer.notices), read_as=answer.read_as, filters=answer.filters or "",
    )


def failed_turn(question: str, message: str) -> Turn:
    """A turn whose question could not be answered, with the one-line reason."""
    return Turn(question=question, answer=message, abstained=True, citations=(), passages=(), failed=True)


def _text(d: Mapping, key: str, optional: bool = False) -> str | None:
    """A string field of stored JSON (bounded), or ValueError."""
    v = d.get(key)
    if v is None and optional:
        return None
    if not isinstance(v, str) or len(v) > MAX_TEXT:
        raise ValueError(key)
    return v


def _int(d: Mapping, key: str, optional: bool = False) -> int | None:
    """An integer field of stored JSON, or ValueError."""
    v = d.get(key)
    if v is None and optional:
        return None
    if isinstance(v, bool) or not isinstance(v, int):
        raise ValueError(key)
    return v


def _many(items: Any, read: Callable[[Any], Any], limit: int = MAX_SOURCES) -> tuple:
    """A list field of stored JSON read item by item (at most ``limit``), or ValueError."""
    if not isinstance(items, (list, tuple)) or len(items) > limit:
        raise ValueError("list")
    return tuple(read(i) for i in items)


def _number(v: Any) -> float:
    """A stored relevance, or ValueError."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise ValueError("relevance")
    return float(v)


def _source_from(ref: Any, resolve: Resolver) -> Source | None:
    """A stored passage reference looked up in the index (None when the index no longer has it)."""
    if not isinstance(ref, (list, tuple)) or len(ref) != 6:
        raise ValueError("source")
    n, rank, doc, start, relevance, highlights = ref
    values = {"n": n, "rank": rank, "doc": doc, "start": start}
    if _int(values, "n", True) is not None and n < 1 or _int(values, "rank") < 0 or _int(values, "start") < 0:
        raise ValueError("source numbers")
    found = resolve(_text(values, "doc"), start)
    if found is None:
        return None
    marks = _many(highlights, lambda h: (int(h[0]), int(h[1])), limit=50)
    return replace(found, n=n, rank=rank, relevance=_number(relevance), highlights=marks)


def turn_from(d: Any, resolve: Resolver) -> Turn:
    """A Turn from stored JSON, or ValueError when any field is missing or of the wrong type; passages
    the index no longer holds are left out."""
    if not isinstance(d, dict):
        raise ValueError("turn")
    citations = tuple(s for s in _many(d.get("citations", []), lambda r: _source_from(r, resolve)) if s)
    passages = tuple(s for s in _many(d.get("passages", []), lambda r: _source_from(r, resolve)) if s)
    return Turn(
        question=_text(d, "question"), answer=_text(d, "answer"), abstained=bool(d.get("abstained")),
        citations=citations, passages=passages,
        notices=_many(d.get("notices", []), lambda n: _text({"n": n}, "n"), limit=20),
        read_as=_text(d, "read_as", True), filters=_text(d, "filters", True) or "", failed=bool(d.get("failed")),
    )


def turns_from(saved: Any, resolve: Resolver) -> list[Turn]:
    """The turns kept in the browser, skipping any that do not read back (never raises)."""
    turns = []
    for item in saved[-MAX_TURNS:] if isinstance(saved, list) else []:
        try:
            turns.append(turn_from(item, resolve))
        except (ValueError, TypeError, IndexError, KeyError):
            continue
    return turns


def stored(turns: list[Turn]) -> list[dict[str, Any]]:
    """The turns as JSON for the browser (the latest MAX_TURNS)."""
    return [t.to_dict() for t in turns[-MAX_TURNS:]]
