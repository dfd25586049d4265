"""The records passed along the pipeline: documents, chunks, passages, citations, answers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """One report as read from disk, with its metadata."""

    doc_id: str  # the file name, e.g. "001_e2cb7d810d972149.txt"
    text: str
    authority: str | None  # None when the report does not name it and the metadata leaves it empty
    quality_statement: str
    score: int | None
    sha256: str

    @property
    def label(self) -> str:
        """How the document's authority is shown: its name, or the file name when unknown."""
        return self.authority or self.doc_id


@dataclass(frozen=True)
class Sentence:
    """A sentence with offsets into its document."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Chunk:
    """One paragraph of a report (or its score line), with exact offsets and its sentences."""

    chunk_id: int
    doc_id: str
    authority: str | None
    label: str
    quality_statement: str
    section: str
    paragraph: int  # 1-based paragraph number within the document
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]
    kind: str = "paragraph"  # paragraph | boilerplate | score
    score: int | None = None

    @property
    def retrievable(self) -> bool:
        return self.kind == "paragraph"

    def context_text(self) -> str:
        """What is embedded and lexically indexed: a short header, then the paragraph."""
        return f"{self.label} | {self.quality_statement} | {self.section}\n{self.text}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["sentences"] = [[s.start, s.end] for s in self.sentences]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Chunk":
        d = dict(d)
        start = d["start"]
        text = d["text"]
        d["sentences"] = tuple(Sentence(a, b, text[a - start : b - start]) for a, b in d["sentences"])
        return cls(**d)


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its retrieval score and rank."""

    chunk: Chunk
    score: float
    rank: int

    def to_dict(self) -> dict[str, Any]:
        c = self.chunk
        return {
            "doc": c.doc_id,
            "authority": c.label,
            "section": c.section,
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "score": round(float(self.score), 4),
            "paragraph": c.paragraph,
            "document_score": c.score,
        }


@dataclass(frozen=True)
class Citation:
    """A numbered source of an answer, with the ranges of the sentences taken from it."""

    n: int
    passage: Passage
    highlights: tuple[tuple[int, int], ...]  # relative to the passage text

    def to_dict(self) -> dict[str, Any]:
        d = {"n": self.n, **self.passage.to_dict()}
        d["highlights"] = [list(h) for h in self.highlights]
        return d


@dataclass(frozen=True)
class Answer:
    """What ``Pipeline.ask`` returns; ``to_dict`` gives the JSON of FORMATS.md."""

    question: str
    answer: str
    abstained: bool
    citations: tuple[Citation, ...]
    passages: tuple[Passage, ...]
    timings_ms: dict[str, float] = field(default_factory=dict)
    notices: tuple[str, ...] = ()
    confidence: float = 0.0  # the best sentence relevance (what abstention is decided on)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [c.to_dict() for c in self.citations],
            "passages": [p.to_dict() for p in self.passages],
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
            "notices": list(self.notices),
            "confidence": round(float(self.confidence), 4),
        }
