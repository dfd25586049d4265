"""The score matrix: every council against every quality statement, with the overall rating.

Built from the scores the reports state (:func:`rag.ratings.collect`): a statement page's own score
line wins over the entry for that statement in the council's summary list; a score known only from
the summary is marked as such; a statement with no score anywhere is missing. Every cell keeps the
report section it came from (document, passage offsets and the quoted score line), so it can be opened.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from .framework import STATEMENTS, THEMES
from .layout import classify
from .ratings import RatingEvidence

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Pipeline

#: Where a cell's score comes from.
FROM_STATEMENT = "statement"  # the statement page's own score line
FROM_SUMMARY = "summary"  # the summary's list of scores (the council has no page for the statement)
MISSING = "missing"  # no score anywhere in the council's reports

#: Score bands used to contrast councils: a good or exceptional standard against shortfalls.
HIGH_BAND = (3, 4)
LOW_BAND = (1, 2)

#: Cell text for a statement with no score.
MISSING_TEXT = "missing"
#: Short statement names for narrow tables (the terminal), each unambiguous within the framework.
SHORT_NAMES = {
    "Assessing needs": "Assessing needs",
    "Supporting people to live healthier lives": "Healthier lives",
    "Equity in experience and outcomes": "Equity",
    "Care provision, integration and continuity": "Care provision",
    "Partnerships and communities": "Partnerships",
    "Safe pathways, systems and transitions": "Safe pathways",
    "Safeguarding": "Safeguarding",
    "Governance, management and sustainability": "Governance",
    "Learning, improvement and innovation": "Learning",
}
#: Column headers of the matrix before the statements.
LEAD_COLUMNS = ("Council", "Overall rating", "Overall score")


@dataclass(frozen=True)
class SectionRef:
    """Where a score was read: the passage (document offsets) and the quoted score line within it."""

    doc_id: str
    chunk_id: int
    start: int  # passage start in the document
    end: int
    quote_start: int  # the score line itself, document offsets; text[quote_start:quote_end] == quote
    quote_end: int
    quote: str
    section: str  # the heading the passage sits under

    def to_dict(self) -> dict:
        """The reference as plain JSON values."""
        return asdict(self)


@dataclass(frozen=True)
class ScoreCell:
    """One council's score for one quality statement (or missing)."""

    statement: str
    theme: str
    score: int | None
    source: str  # FROM_STATEMENT | FROM_SUMMARY | MISSING
    indicative: bool = False  # a pilot report's "Indicative score"
    ref: SectionRef | None = None

    @property
    def text(self) -> str:
        """What the matrix shows: "3", "2 (summary)", "3 (indicative)", or "missing"."""
        if self.score is None:
            return MISSING_TEXT
        marks = [m for m, on in (("summary", self.source == FROM_SUMMARY), ("indicative", self.indicative)) if on]
        return f"{self.score} ({', '.join(marks)})" if marks else str(self.score)

    def to_dict(self) -> dict:
        """The cell as plain JSON values."""
        return {"statement": self.statement, "theme": self.theme, "score": self.score, "source": self.source,
                "indicative": self.indicative, "text": self.text, "ref": self.ref.to_dict() if self.ref else None}


@dataclass(frozen=True)
class CouncilScores:
    """A row of the matrix: a council's overall rating and its score for each statement, in framework order."""

    label: str  # the council as shown (an unnamed report by its label)
    council: str | None
    overall: str | None  # Outstanding / Good / Requires improvement / Inadequate, when a summary gives it
    percentage: int | None  # the overall score out of 100, when a summary gives it
    overall_ref: SectionRef | None
    cells: tuple[ScoreCell, ...]

    def cell(self, statement: str) -> ScoreCell:
        """This council's cell for a statement (by canonical name)."""
        for c in self.cells:
            if c.statement == statement:
                return c
        raise KeyError(statement)

    def to_dict(self) -> dict:
        """The row as plain JSON values."""
        return {"label": self.label, "council": self.council, "overall": self.overall,
                "percentage": self.percentage, "overall_ref": self.overall_ref.to_dict() if self.overall_ref else None,
                "cells": [c.to_dict() for c in self.cells]}


@dataclass(frozen=True)
class ScoreMatrix:
    """Councils × quality statements (grouped by theme, framework order), with overall ratings."""

    statements: tuple[str, ...]
    themes: tuple[tuple[str, tuple[str, ...]], ...]  # theme → its statements, framework order
    rows: tuple[CouncilScores, ...]

    def row(self, label: str) -> CouncilScores:
        """The row of a council, by its label or council name (case-insensitive)."""
        wanted = label.casefold()
        for r in self.rows:
            if r.label.casefold() == wanted or (r.council or "").casefold() == wanted:
                return r
        raise KeyError(label)

    def statements_of(self, theme: str | None = None) -> tuple[str, ...]:
        """The statements shown for a theme (all of them for None)."""
        if theme is None:
            return self.statements
        for name, statements in self.themes:
            if name == theme:
                return statements
        raise KeyError(theme)

    def headers(self, theme: str | None = None) -> list[str]:
        """Column headers of the table: council, overall rating and score, then the statements."""
        return [*LEAD_COLUMNS, *self.statements_of(theme)]

    def table(self, theme: str | None = None) -> list[list[str]]:
        """The matrix as rows of display text (a theme keeps only its statements)."""
        statements = self.statements_of(theme)
        return [[r.label, r.overall or "", "" if r.percentage is None else str(r.percentage),
                 *(r.cell(s).text for s in statements)] for r in self.rows]

    def to_csv(self, theme: str | None = None) -> str:
        """The table as CSV text (header line first)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.headers(theme))
        writer.writerows(self.table(theme))
        return out.getvalue()

    def to_dict(self) -> dict:
        """The matrix as plain JSON values (what ``GET /api/scores`` returns)."""
        return {"statements": list(self.statements),
                "themes": [{"theme": t, "statements": list(s)} for t, s in self.themes],
                "councils": [r.to_dict() for r in self.rows]}


def _ref(e: RatingEvidence) -> SectionRef:
    """The section reference of a piece of score evidence: its passage and its first quoted line."""
    c = e.chunk
    quote = e.sentences[0] if e.sentences else None
    if quote is None:
        return SectionRef(c.doc_id, c.chunk_id, c.start, c.end, c.start, c.end, c.text, c.section)
    return SectionRef(c.doc_id, c.chunk_id, c.start, c.end, quote.start, quote.end, quote.text, c.section)


def _indicative(e: RatingEvidence) -> bool:
    """Whether a statement page's score line is a pilot's "Indicative score"."""
    for s in e.sentences:
        for line in s.text.split("\n"):
            kind, value = classify(line.strip())
            if kind == "score":
                return bool(value[1])
    return False


def _percentage(e: RatingEvidence) -> int | None:
    """The overall score out of 100 stated next to an overall rating, if any."""
    for s in e.chunk.sentences:
        kind, value = classify(s.text.strip())
        if kind == "percentage":
            return int(value)
    return None


def _cell(statement: str, theme: str, found: list[RatingEvidence]) -> ScoreCell:
    """A statement's cell from the evidence for it: the statement page's own line over the summary's."""
    own = [e for e in found if not e.from_summary]
    chosen = own[0] if own else (found[0] if found else None)
    if chosen is None:
        return ScoreCell(statement, theme, None, MISSING)
    source = FROM_SUMMARY if chosen.from_summary else FROM_STATEMENT
    indicative = not chosen.from_summary and _indicative(chosen)
    return ScoreCell(statement, theme, int(chosen.rating), source, indicative, _ref(chosen))


def build_matrix(ratings: Iterable[RatingEvidence], labels: Sequence[str] = ()) -> ScoreMatrix:
    """The matrix of every council with a score (and of every label in ``labels``), sorted by name."""
    by_label: dict[str, list[RatingEvidence]] = {label: [] for label in labels}
    councils: dict[str, str | None] = {}
    for e in ratings:
        by_label.setdefault(e.label, []).append(e)
        councils[e.label] = councils.get(e.label) or e.council
    rows = []
    for label in sorted(by_label, key=str.casefold):
        evidence = by_label[label]
        overall = next((e for e in evidence if e.statement is None), None)
        cells = tuple(_cell(s.name, s.theme, [e for e in evidence if e.statement == s.name]) for s in STATEMENTS)
        rows.append(CouncilScores(
            label, councils.get(label), str(overall.rating) if overall else None,
            _percentage(overall) if overall else None, _ref(overall) if overall else None, cells))
    themes = tuple((t, tuple(s.name for s in STATEMENTS if s.theme == t)) for t in THEMES)
    return ScoreMatrix(tuple(s.name for s in STATEMENTS), themes, tuple(rows))


def band_of(score: int | None) -> str:
    """The band of a statement score: "high" (3-4), "low" (1-2) or "none" (no score)."""
    if score in HIGH_BAND:
        return "high"
    if score in LOW_BAND:
        return "low"
    return "none"


def score_matrix(pipeline: Pipeline) -> ScoreMatrix:
    """The score matrix of the pipeline's index: a row for every council with a score or a statement page."""
    labels = sorted({c.label for c in pipeline.data.chunks if c.statement and c.kind != "boilerplate"})
    return build_matrix(pipeline.ratings, labels)
