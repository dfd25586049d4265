"""One question and its answer as the chat keeps it: built from an Answer, stored in the browser as
plain JSON, and read back (checked field by field, since the browser's copy can be anything)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Callable, Mapping

from rag.records import Answer, Passage

MAX_TURNS = 30  # turns kept in the browser; older ones are dropped so localStorage stays small
MAX_TEXT = 20_000  # longest text field accepted back from the browser


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
        """Plain JSON for the browser's storage."""
        return asdict(self)


def source_of(passage: Passage, published: Mapping[str, str], n: int | None = None,
              highlights: tuple[tuple[int, int], ...] = ()) -> Source:
    """A retrieved passage as a Source (with its report's publication date when known)."""
    c = passage.chunk
    return Source(n, passage.rank, c.doc_id, c.label, c.council, c.statement, c.section, c.paragraph, c.kind,
                  c.rating, c.text, c.start, c.end, float(passage.relevance),
                  tuple((int(a), int(b)) for a, b in highlights), published.get(c.doc_id))


def turn_of(answer: Answer, published: Mapping[str, str]) -> Turn:
    """The turn for a fresh answer."""
    return Turn(
        question=answer.question, answer=answer.answer, abstained=answer.abstained,
        citations=tuple(source_of(c.passage, published, c.n, tuple(c.highlights)) for c in answer.citations),
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


def _many(items: Any, read: Callable[[Any], Any]) -> tuple:
    """A list field of stored JSON read item by item, or ValueError."""
    if not isinstance(items, (list, tuple)):
        raise ValueError("list")
    return tuple(read(i) for i in items)


def _source_from(d: Any) -> Source:
    """A Source from stored JSON, or ValueError."""
    if not isinstance(d, dict):
        raise ValueError("source")
    relevance = d.get("relevance")
    if isinstance(relevance, bool) or not isinstance(relevance, (int, float)):
        raise ValueError("relevance")
    highlights = _many(d.get("highlights", []), lambda h: (int(h[0]), int(h[1])))
    return Source(_int(d, "n", True), _int(d, "rank"), _text(d, "doc"), _text(d, "label"), _text(d, "council", True),
                  _text(d, "statement", True), _text(d, "section"), _int(d, "paragraph"), _text(d, "kind"),
                  _int(d, "rating", True), _text(d, "text"), _int(d, "start"), _int(d, "end"), float(relevance),
                  highlights, _text(d, "published", True))


def turn_from(d: Any) -> Turn:
    """A Turn from stored JSON, or ValueError when any field is missing or of the wrong type."""
    if not isinstance(d, dict):
        raise ValueError("turn")
    return Turn(
        question=_text(d, "question"), answer=_text(d, "answer"), abstained=bool(d.get("abstained")),
        citations=_many(d.get("citations", []), _source_from), passages=_many(d.get("passages", []), _source_from),
        notices=_many(d.get("notices", []), lambda n: _text({"n": n}, "n")), read_as=_text(d, "read_as", True),
        filters=_text(d, "filters", True) or "", failed=bool(d.get("failed")),
    )


def turns_from(stored: Any) -> list[Turn]:
    """The turns kept in the browser, skipping any that do not read back (never raises)."""
    turns = []
    for item in stored if isinstance(stored, list) else []:
        try:
            turns.append(turn_from(item))
        except (ValueError, TypeError, IndexError, KeyError):
            continue
    return turns[-MAX_TURNS:]


def stored(turns: list[Turn]) -> list[dict[str, Any]]:
    """The turns as JSON for the browser (the latest MAX_TURNS)."""
    return [t.to_dict() for t in turns[-MAX_TURNS:]]
