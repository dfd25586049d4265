"""Compare councils on one quality statement: each council's own findings sentences side by side,
grouped by score band, every sentence cited with its document offsets.

Only the reports' sentences are shown (no generated text). With a topic ("waiting lists"), a council's
findings passages for the statement are found with the retriever (filtered to that statement and
those councils) and their sentences ranked by similarity to the topic; without one, the first findings
sentences in document order are shown. The same result read by band is "what good looks like":
councils scoring 3-4 against those scoring 1-2.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .councils import normalise, strip_title_words
from .errors import UsageError
from .framework import STATEMENTS, fold, statement_named, statements_in
from .records import Chunk, Filters, Query
from .scores import FROM_SUMMARY, ScoreMatrix, band_of

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Pipeline

#: Which councils a comparison takes, by the score the statement received.
BANDS = ("all", "high", "low")
BAND_TITLES = {"high": "Councils scoring 3–4", "low": "Councils scoring 1–2", "none": "Councils without a score"}
#: Findings sentences shown per council unless asked otherwise, and the most that may be asked for.
DEFAULT_PER_COUNCIL = 3
MAX_PER_COUNCIL = 10
#: A sentence must be at least this similar (cosine) to the topic to be shown as being about it.
MIN_TOPIC_SIMILARITY = 0.25
#: Sentences shorter than this are fragments (a lone label or heading-like line), not findings.
MIN_SENTENCE_CHARS = 25
#: Headings of a statement's standard text (the same in every report); what sits under them is never a finding.
STANDARD_SECTIONS = frozenset({"what people expect", "the local authority commitment"})
#: Longest topic accepted (a few words are expected).
MAX_TOPIC_CHARS = 200


@dataclass(frozen=True)
class CitedSentence:
    """A report's own sentence, with its document and offsets: document[start:end] == text."""

    doc_id: str
    start: int
    end: int
    text: str
    chunk_id: int
    section: str
    relevance: float | None = None  # cosine similarity to the topic (None without a topic)

    def to_dict(self) -> dict[str, Any]:
        """The sentence and its citation as plain JSON values."""
        return {"doc": self.doc_id, "start": self.start, "end": self.end, "text": self.text,
                "chunk_id": self.chunk_id, "section": self.section,
                "relevance": None if self.relevance is None else round(float(self.relevance), 4)}


@dataclass(frozen=True)
class CouncilFindings:
    """One council's score for the statement and its findings sentences."""

    label: str
    council: str | None
    score: int | None
    score_source: str  # statement | summary | missing (see rag.scores)
    band: str  # high | low | none
    sentences: tuple[CitedSentence, ...]
    note: str | None = None  # why there are no sentences, when there are none

    def to_dict(self) -> dict[str, Any]:
        """The council's part as plain JSON values."""
        return {"label": self.label, "council": self.council, "score": self.score, "score_source": self.score_source,
                "band": self.band, "sentences": [s.to_dict() for s in self.sentences], "note": self.note}


@dataclass(frozen=True)
class Comparison:
    """Councils side by side on one statement (best scores first), optionally about one topic."""

    statement: str
    theme: str
    topic: str | None
    band: str  # the band asked for: all | high | low
    councils: tuple[CouncilFindings, ...]

    def in_band(self, band: str) -> tuple[CouncilFindings, ...]:
        """The councils of one score band ("high", "low" or "none")."""
        return tuple(c for c in self.councils if c.band == band)

    def to_dict(self) -> dict[str, Any]:
        """The comparison as plain JSON values (what ``POST /api/compare`` returns)."""
        return {"statement": self.statement, "theme": self.theme, "topic": self.topic, "band": self.band,
                "councils": [c.to_dict() for c in self.councils]}


def resolve_statement(name: str | None) -> str:
    """The canonical statement a user names ("Safeguarding", "safe pathways"), or a UsageError."""
    text = (name or "").strip()
    if not text:
        raise UsageError("choose a quality statement to compare")
    found = statement_named(text)
    if found is None:
        named = statements_in(text)
        found = named[0] if len(named) == 1 else None
    if found is None:
        raise UsageError(f"unknown quality statement {text!r}; choose one of: {', '.join(s.name for s in STATEMENTS)}")
    return found.name


def _council_key(name: str) -> str:
    return strip_title_words(normalise(name))


def resolve_councils(names: Sequence[str], matrix: ScoreMatrix) -> tuple[str, ...]:
    """The matrix labels of the councils a user names (label, council or formal name), or a UsageError."""
    keys: dict[str, str] = {}
    for r in matrix.rows:
        for n in (r.label, r.council):
            if n:
                keys.setdefault(n.casefold(), r.label)
                keys.setdefault(_council_key(n), r.label)
    out: list[str] = []
    unknown: list[str] = []
    for name in names:
        name = name.strip()
        if not name:
            continue
        label = keys.get(name.casefold()) or keys.get(_council_key(name))
        if label is None:
            unknown.append(name)
        elif label not in out:
            out.append(label)
    if unknown:
        raise UsageError(f"no report here for {', '.join(map(repr, unknown))}; councils are: "
                         f"{', '.join(r.label for r in matrix.rows)}")
    return tuple(out)


def _standard_sentences(chunks: Sequence[Chunk], statement: str) -> set[str]:
    """The statement's standard text (the same in every report), folded, so it is never shown as a finding."""
    return {fold(s.text) for c in chunks if c.kind == "standard" and c.statement == statement for s in c.sentences}


def _is_finding(chunk: Chunk, statement: str) -> bool:
    """Whether a passage is one of the statement's findings (not its standard text)."""
    return chunk.kind == "finding" and chunk.statement == statement and fold(chunk.section) not in STANDARD_SECTIONS


def _findings(chunks: Sequence[Chunk], statement: str) -> dict[str, list[Chunk]]:
    """Findings passages of a statement by council label, in document order."""
    out: dict[str, list[Chunk]] = {}
    for c in sorted(chunks, key=lambda c: (c.doc_id, c.start)):
        if _is_finding(c, statement):
            out.setdefault(c.label, []).append(c)
    return out


def _usable(text: str, standard: set[str]) -> bool:
    return len(text.strip()) >= MIN_SENTENCE_CHARS and fold(text) not in standard


def _first_sentences(chunks: list[Chunk], n: int, standard: set[str]) -> tuple[CitedSentence, ...]:
    """The first ``n`` findings sentences in document order."""
    out = []
    for c in chunks:
        for s in c.sentences:
            if _usable(s.text, standard):
                out.append(CitedSentence(c.doc_id, s.start, s.end, s.text, c.chunk_id, c.section))
                if len(out) == n:
                    return tuple(out)
    return tuple(out)


def _topic_sentences(pipeline: Pipeline, statement: str, topic: str, labels: Sequence[str], n: int,
                     standard: set[str]) -> dict[str, tuple[CitedSentence, ...]]:
    """Per council, the ``n`` findings sentences most similar to ``topic`` (above the floor), best first.

    The retriever (filtered to the statement and councils) supplies the findings passages and breaks
    ties between equally similar sentences; sentences are ranked by cosine similarity to the topic."""
    vec = pipeline.encoder.encode([topic])[0]
    query = Query(text=topic, asked=topic, statements=(statement,),
                  filters=Filters(councils=tuple(labels), statement=statement))
    retrieval = pipeline.retriever.search(query, vec, k=len(pipeline.retriever.chunks))
    row_of = {c.chunk_id: i for i, c in enumerate(pipeline.data.chunks)}
    ranked: dict[str, list[tuple[float, float, CitedSentence]]] = {label: [] for label in labels}
    for p in retrieval.passages:
        c = p.chunk
        if not _is_finding(c, statement) or c.label not in ranked:
            continue
        sims = pipeline.data.sentence_vectors_of(row_of[c.chunk_id]) @ vec
        for s, sim in zip(c.sentences, np.asarray(sims, dtype=float)):
            if sim >= MIN_TOPIC_SIMILARITY and _usable(s.text, standard):
                ranked[c.label].append((float(sim), p.relevance,
                                        CitedSentence(c.doc_id, s.start, s.end, s.text, c.chunk_id, c.section, float(sim))))
    return {label: tuple(x[2] for x in sorted(found, key=lambda x: (-x[0], -x[1]))[:n])
            for label, found in ranked.items()}


def compare(pipeline: Pipeline, statement: str, topic: str | None = None, councils: Sequence[str] = (),
            band: str = "all", per_council: int = DEFAULT_PER_COUNCIL) -> Comparison:
    """Councils' findings on one statement side by side (best scores first), each sentence cited."""
    name = resolve_statement(statement)
    topic = (topic or "").strip() or None
    if topic and len(topic) > MAX_TOPIC_CHARS:
        raise UsageError(f"the topic is longer than {MAX_TOPIC_CHARS} characters; use a few words")
    band = (band or "all").strip().lower()
    if band not in BANDS:
        raise UsageError(f"band must be one of {', '.join(BANDS)}, not {band!r}")
    if not isinstance(per_council, int) or not 1 <= per_council <= MAX_PER_COUNCIL:
        raise UsageError(f"sentences per council must be a whole number from 1 to {MAX_PER_COUNCIL}")
    matrix = pipeline.scores()
    findings = _findings(pipeline.data.chunks, name)
    wanted = resolve_councils(councils, matrix) if councils else ()
    if wanted:
        rows = [matrix.row(label) for label in wanted]
    else:
        rows = [r for r in matrix.rows if r.label in findings or r.cell(name).score is not None]
    if band != "all":
        rows = [r for r in rows if band_of(r.cell(name).score) == band]
    labels = [r.label for r in rows]
    standard = _standard_sentences(pipeline.data.chunks, name)
    if topic and labels:
        chosen = _topic_sentences(pipeline, name, topic, labels, per_council, standard)
    else:
        chosen = {label: _first_sentences(findings.get(label, []), per_council, standard) for label in labels}
    out = []
    for r in rows:
        cell = r.cell(name)
        sentences = chosen.get(r.label, ())
        note = None
        if not sentences:
            if r.label not in findings:
                note = "No findings page for this statement in this council's reports"
                if cell.source == FROM_SUMMARY:
                    note += " (its score comes from the summary)"
            elif topic:
                note = f"No findings on {topic!r} for this statement"
            else:
                note = "No findings sentences for this statement"
        out.append(CouncilFindings(r.label, r.council, cell.score, cell.source, band_of(cell.score), sentences, note))
    out.sort(key=lambda c: (-(c.score or 0), c.label.casefold()))
    theme = next(s.theme for s in STATEMENTS if s.name == name)
    return Comparison(name, theme, topic, band, tuple(out))


def _quote(text: str) -> str:
    """A report sentence as one Markdown blockquote line (line breaks kept as spaces)."""
    return " ".join(text.split())


def to_markdown(comparison: Comparison) -> str:
    """The comparison as Markdown: one part per score band, each council's sentences quoted with a
    numbered reference, and the references (document and character offsets) at the end."""
    c = comparison
    lines = [f"# {c.statement}", "", f"Theme: {c.theme}"]
    if c.topic:
        lines.append(f"Topic: {c.topic}")
    lines.append("")
    refs: list[CitedSentence] = []
    for band in ("high", "low", "none"):
        group = c.in_band(band)
        if not group:
            continue
        lines += [f"## {BAND_TITLES[band]}", ""]
        for f in group:
            score = "no score" if f.score is None else f"score {f.score}"
            if f.score_source == FROM_SUMMARY:
                score += ", from the summary"
            lines += [f"### {f.label}" if score in f.label else f"### {f.label} ({score})", ""]
            for s in f.sentences:
                refs.append(s)
                lines.append(f"> {_quote(s.text)} [{len(refs)}]")
                lines.append(">")
            if f.sentences:
                lines.pop()
            else:
                lines.append(f"_{f.note}._" if f.note else "_No sentences._")
            lines.append("")
    if refs:
        lines += ["## References", ""]
        lines += [f"{n}. {s.doc_id}, characters {s.start}–{s.end} ({s.section})" for n, s in enumerate(refs, 1)]
        lines.append("")
    if not c.councils:
        lines += ["_No council matches this selection._", ""]
    return "\n".join(lines)


# -- HTTP routes (plain functions, to be mounted by the API server) ---------------------------------
def scores_route(pipeline: Pipeline) -> dict[str, Any]:
    """``GET /api/scores``: the score matrix as JSON."""
    return pipeline.scores().to_dict()


def compare_route(pipeline: Pipeline, body: dict[str, Any]) -> dict[str, Any]:
    """``POST /api/compare``: body {"statement", "topic"?, "councils"?, "band"?, "per_council"?}; the
    comparison as JSON plus its Markdown. Bad input raises UsageError (a 400 for the server)."""
    if not isinstance(body, dict):
        raise UsageError("the request body must be a JSON object")
    unknown = set(body) - {"statement", "topic", "councils", "band", "per_council"}
    if unknown:
        raise UsageError(f"unknown field(s): {', '.join(sorted(unknown))}")
    councils = body.get("councils") or []
    if isinstance(councils, str):
        councils = [x for x in councils.split(",")]
    if not isinstance(councils, list) or not all(isinstance(x, str) for x in councils):
        raise UsageError("councils must be a list of council names")
    topic = body.get("topic")
    if topic is not None and not isinstance(topic, str):
        raise UsageError("topic must be text")
    statement = body.get("statement")
    if not isinstance(statement, str):
        raise UsageError("statement must be text naming a quality statement")
    per_council = body.get("per_council", DEFAULT_PER_COUNCIL)
    if isinstance(per_council, bool) or not isinstance(per_council, int):
        raise UsageError(f"per_council must be a whole number from 1 to {MAX_PER_COUNCIL}")
    result = pipeline.compare(statement, topic=topic, councils=councils, band=body.get("band") or "all",
                              per_council=per_council)
    return {**result.to_dict(), "markdown": to_markdown(result)}

