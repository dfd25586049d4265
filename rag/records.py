"""The records passed along the pipeline, each defined once: documents and their passages, the
analysed question, what retrieval found, and the answer.

documents → :class:`Document` → :class:`Chunk` → (analyse) :class:`Query` → (retrieve)
:class:`Retrieval` of :class:`Passage` → (compose) :class:`Composition` → :class:`Answer`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .metadata import Section


#: The pages of a report that present the whole assessment and sum up its findings, the overview first.
FRONT_PAGES = ("overview", "summary")


@dataclass(frozen=True)
class Document:
    """One file of the documents folder as read: its text (for HTML and PDF, the extracted text that
    the system shows and cites), and the council, date and sections read from it."""

    doc_id: str  # the file name, e.g. "001_e2cb7d810d972149.txt"
    text: str
    council: str | None  # None when neither the text nor metadata.toml names it
    sections: tuple["Section", ...]
    sha256: str
    published: str | None = None
    format: str = "txt"  # txt | md | html | pdf
    formal_name: str | None = None  # the council's name as the text writes it in full ("Leicester City Council")

    def statement_sections(self) -> tuple["Section", ...]:
        return tuple(s for s in self.sections if s.kind == "statement")


@dataclass(frozen=True)
class Sentence:
    """A sentence with offsets into its document."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Chunk:
    """One passage of a report (a paragraph, a bullet list, a score line…), with exact offsets."""

    chunk_id: int
    doc_id: str
    council: str | None
    label: str  # the council, or "Unnamed council · <statement> · score N"
    statement: str | None  # the quality statement of the section it is in
    theme: str | None
    page: str  # statement | overview | summary | page
    section: str  # the heading it sits under
    paragraph: int  # 1-based number of the paragraphs a reader sees; 0 for score lines and the like
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]
    kind: str = "finding"  # finding | standard | overview | facts | summary | rating | published | boilerplate
    rating: int | None = None  # the statement's CQC score, 1-4

    @property
    def retrievable(self) -> bool:
        return self.kind != "boilerplate"

    def context_text(self) -> str:
        """What is embedded and lexically indexed: a short header, then the passage."""
        where = self.statement or {"overview": "Overview", "summary": "Overall summary"}.get(self.page, "")
        return f"{self.label} | {where} | {self.section}\n{self.text}"

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
class Filters:
    """Restrict retrieval to some councils, a section heading, a quality statement or a rating."""

    councils: tuple[str, ...] = ()
    section: str | None = None
    statement: str | None = None
    rating: int | None = None

    def __bool__(self) -> bool:
        return bool(self.councils or self.section or self.statement or self.rating is not None)

    def matches(self, chunk: Chunk) -> bool:
        """Whether a passage passes every filter (names compared case-insensitively)."""
        if self.councils:
            wanted = {c.casefold() for c in self.councils}
            if chunk.label.casefold() not in wanted and (chunk.council or "").casefold() not in wanted:
                return False
        if self.section and chunk.section.casefold() != self.section.casefold():
            return False
        if self.statement and (chunk.statement or "").casefold() != self.statement.casefold():
            return False
        return self.rating is None or chunk.rating == self.rating

    def describe(self) -> str:
        """The filters in force, for a notice under an answer ("" when none)."""
        parts = []
        if self.councils:
            parts.append("councils: " + ", ".join(self.councils))
        if self.statement:
            parts.append(f"statement: {self.statement}")
        if self.section:
            parts.append(f"section: {self.section}")
        if self.rating is not None:
            parts.append(f"score: {self.rating}")
        return "; ".join(parts)


@dataclass(frozen=True)
class Query:
    """What the analyser read from a question: see :func:`rag.analyse.analyse`."""

    text: str  # the question as answered (a follow-up rewritten to stand alone)
    asked: str  # the question as typed, cleaned
    councils: tuple[str, ...] = ()  # indexed councils it names
    unknown_councils: tuple[str, ...] = ()  # councils it names that have no report here
    statements: tuple[str, ...] = ()  # quality statements it mentions (also as a topic word: "safeguarding")
    explicit_statements: tuple[str, ...] = ()  # those it names as a statement (full name, or "… statement/score")
    unknown_statements: tuple[str, ...] = ()  # named statements no report here covers
    rating_refs: tuple[int, ...] = ()  # report scores it refers to ("the council rated 2")
    answer_type: str = "description"  # see rag.analyse.ANSWER_TYPES
    comparative: bool = False
    extreme: str | None = None  # "lowest" or "highest" for "which council scored lowest"
    filters: Filters = field(default_factory=Filters)
    notices: tuple[str, ...] = ()

    @property
    def rewritten(self) -> bool:
        return self.text != self.asked


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its relevance to the question and its rank."""

    chunk: Chunk
    relevance: float
    rank: int

    def to_dict(self) -> dict[str, Any]:
        c = self.chunk
        return {
            "doc": c.doc_id,
            "authority": c.label,
            "council": c.council,
            "statement": c.statement,
            "theme": c.theme,
            "section": c.section,
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "score": round(float(self.relevance), 4),
            "paragraph": c.paragraph,
            "kind": c.kind,
            "rating": c.rating,
        }


@dataclass(frozen=True)
class Retrieval:
    """The passages retrieval found, best first (never changed afterwards), and per council for
    comparisons."""

    passages: tuple[Passage, ...]
    per_council: dict[str, tuple[Passage, ...]] = field(default_factory=dict)
    timings_ms: dict[str, float] = field(default_factory=dict)


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
class Composition:
    """The answer text with its citations, or an abstention with its reason."""

    text: str
    abstained: bool
    citations: tuple[Citation, ...] = ()
    confidence: float = 0.0
    reason: str | None = None  # the rule that abstained
    evidence: tuple[Passage, ...] = ()  # the passages the answer quotes, shown first
    ranked: bool = False  # whether ``evidence`` is in the order of the answer's own ranking (not by council name)


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
    confidence: float = 0.0  # the best sentence relevance (what the threshold rule looks at)
    read_as: str | None = None  # a follow-up question as it was understood
    filters: str = ""  # the filters in force, described
    abstain_reason: str | None = None

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
            "read_as": self.read_as,
            "filters": self.filters,
            "abstain_reason": self.abstain_reason,
        }
