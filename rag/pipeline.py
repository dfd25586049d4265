"""The Python API: ``Pipeline.load(index_dir).ask(question, history=...) -> Answer``.

Three stages, data flowing one way: :func:`rag.analyse.analyse` (question → Query),
:meth:`Retriever.search` (Query → Retrieval, never changed afterwards), :func:`rag.compose.compose`
(Query + Retrieval → Composition).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .abstain import places_asked
from .analyse import analyse, dense_query
from .compose import compose
from .config import Settings
from .consistency import chunk_mismatch
from .corpus import load_corpus
from .described import (
    OVERVIEW_KINDS,
    CouncilTexts,
    council_texts,
    described_council,
    overview_texts,
    picked_council,
    placed_council,
)
from .embedding import Encoder, load_encoder, resolve_model
from .engine import load_store_index, make_retriever
from .errors import CorpusError, IndexStateError, RagError, UsageError
from .formal_names import formal_names, named_formally, titled_council
from .index_fallback import fall_back_to_index
from .indexer import BuildReport, build_index, load_current, stale_reason
from .publication import on_their_pages
from .ratings import collect, councils_with_result, named_for_result, result_reference, score_reference
from .records import Answer, Chunk, Composition, Filters, Passage, Query, Retrieval
from .store import IndexData, chunks_of_kind, load_index, load_term_counts, read_manifest
from .terms import TermWeights

if TYPE_CHECKING:  # pragma: no cover
    from .compare import Comparison
    from .scores import ScoreMatrix


def ensure_index(settings: Settings, progress: bool = False, loaded: list | None = None) -> BuildReport | None:
    """Build the index if it is missing or no longer matches the documents; None if it was current
    (then the index checked is appended to ``loaded``, when given, so that it is not loaded twice).

    When the documents cannot be read or used but an intact index exists, that index is used instead,
    with one warning (printed with ``progress``, and in the returned report's ``warnings``)."""
    try:
        corpus = load_corpus(settings.documents_dir, settings.max_document_bytes)
    except (RagError, OSError, UnicodeError, ValueError) as e:
        return fall_back_to_index(settings, e, progress, loaded)
    try:
        reason = stale_reason(read_manifest(settings.index_dir), corpus, resolve_model(settings.model)[0])
    except IndexStateError:
        reason = "the index is damaged"
    if reason is None:
        try:
            data = load_index(settings.index_dir)
            reason = chunk_mismatch(data.chunks, corpus.by_id())
            if reason is None:
                if loaded is not None:
                    loaded.append(data)
                return None
            reason = f"the index is out of date ({reason})"
        except IndexStateError as e:
            reason = str(e)
    try:
        return build_index(settings, progress=progress, reason=reason)
    except CorpusError as e:  # e.g. nothing left to index: answer from the index there is
        return fall_back_to_index(settings, e, progress, loaded)


class Pipeline:
    """A loaded index plus the encoder: answers questions with cited passages."""

    def __init__(self, data: IndexData, settings: Settings, encoder: Encoder | None = None):
        self.data = data
        self.settings = settings
        self._encoder = encoder
        self.retriever = make_retriever(data, settings)
        self.catalogue = self.retriever.catalogue
        # both from what the build stored: opening a large index does not read every passage
        self.weights = TermWeights(self.retriever.chunks, list(self.catalogue.councils), self.retriever.glossary,
                                   df=load_term_counts(data))
        self.ratings = collect(chunks_of_kind(data, "rating"))
        self.published = on_their_pages(chunks_of_kind(data, "published"),  # "Published 21 March 2025": when each
                                        data.manifest.get("documents", {}))  # report came out, and on which page
        #: Statements the index has a page or a score for (a summary may score a statement whose page is missing).
        self.statements_scored = tuple(dict.fromkeys(
            [*self.catalogue.statements, *(e.statement for e in self.ratings if e.statement)]))

    @classmethod
    def load(cls, index_dir: str | Path | None = None, settings: Settings | None = None,
             build: bool = False, progress: bool = False) -> "Pipeline":
        """Load the index in ``index_dir`` (building it first from the documents when ``build``)."""
        settings = (settings or Settings()).with_overrides(index_dir=Path(index_dir) if index_dir else None)
        if settings.store:
            return cls(load_store_index(settings, build=build, progress=progress), settings)
        loaded: list[IndexData] = []
        if build:
            ensure_index(settings, progress=progress, loaded=loaded)
        # without a build, refuse an index that no longer matches the documents or the model
        data = loaded[0] if loaded else load_current(settings)
        return cls(data, settings)

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            from .query_encoder import load_query_encoder

            # questions: the ONNX export checked at index time when the index has one (no torch import)
            self._encoder = load_query_encoder(self.data) or load_encoder(self.settings.model)
            if self._encoder.dim != self.data.manifest["model"]["dim"]:
                raise IndexStateError("model dimension differs from the index; run `rag index --rebuild`")
        return self._encoder

    # -- what the index holds ----------------------------------------------------------------
    def councils(self) -> list[str]:
        """The labels of the councils (and unnamed reports) in the index."""
        return sorted({c.label for c in self.retriever.chunks})

    def sections(self) -> list[str]:
        return list(self.catalogue.sections)

    def statements(self) -> list[str]:
        return list(self.catalogue.statements)

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        return [c for c in self.data.chunks if c.doc_id == doc_id]

    def next_chunk(self, chunk: Chunk) -> Chunk | None:
        """The chunk after ``chunk`` in its report (chunks are stored in reading order), or None at its end."""
        try:
            following = self.data.chunks[chunk.chunk_id + 1]
        except IndexError:
            return None
        return following if following.doc_id == chunk.doc_id and following.start >= chunk.end else None

    # -- comparing councils ----------------------------------------------------------------------
    def scores(self) -> "ScoreMatrix":
        """Councils × quality statements with overall ratings, each score linked to its section."""
        from .scores import score_matrix

        return score_matrix(self)

    def compare(self, statement: str, topic: str | None = None, councils: Sequence[str] = (),
                band: str = "all", per_council: int = 3) -> "Comparison":
        """Councils' own findings sentences on one statement side by side, by score band, each cited."""
        from .compare import compare

        return compare(self, statement, topic=topic, councils=councils, band=band, per_council=per_council)

    # -- the three stages ------------------------------------------------------------------------
    def analyse(self, question: str, history: Sequence[str] = (), filters: Filters | None = None) -> Query:
        """Stage 1: read the question (councils, statements, what is asked, follow-up rewrite)."""
        if not isinstance(question, str) or not question.strip():
            raise UsageError("the question is empty")
        query = analyse(question, self.retriever.matcher, self.statements_scored, self.settings.max_question_chars,
                        history[-self.settings.history_turns:] if history else (), filters)
        if not query.text:
            raise UsageError("the question is empty")
        return self._named_by_description(self._named_by_result(query, filters), filters)

    @functools.cached_property
    def formal_names(self) -> dict[str, str]:
        """Each council's formal name as its reports write it (what heads its answer lines), where they write one."""
        return formal_names(self.data.manifest.get("documents", {})) if self.settings.rules.formal_names else {}

    @functools.cached_property
    def council_texts(self) -> CouncilTexts:
        """Each council's passages as one text (what a clause or a place picking out a council is matched against)."""
        return CouncilTexts.of(council_texts(self.retriever.chunks))

    @functools.cached_property
    def overviews(self) -> dict[str, str]:
        """Each council's overview passages as one text (what a description of a council is matched against)."""
        return overview_texts([c for kind in OVERVIEW_KINDS for c in chunks_of_kind(self.data, kind)])

    def _named_by_description(self, query: Query, filters: Filters | None) -> Query:
        """The question read with the council it describes ("the port city on the north bank of the Humber") or picks
        out ("the council whose practice framework is called Strengths in Place") named instead, when one council's
        passages hold the description (rag/described.py), or when the description is of the one council the question
        also names ("the unitary council covering the towns of Blackburn and Darwen"); unchanged otherwise."""
        s = self.settings
        if len(query.councils) > 1 or query.comparative or not s.rules.described_council:
            return query
        found = None if query.unknown_councils else described_council(
            query.text, self.overviews, self.weights, s.description_min_terms, s.description_share, s.specific_share)
        if query.councils:  # named in its description after a place word in lower case ("the unitary council covering
            # the towns of Blackburn and Darwen"; not "the Royal Borough of Greenwich"): the phrase stands for the council
            named_after = found is not None and found.council == query.councils[0] \
                and query.text[found.span[0]:found.after].islower() \
                and self.retriever.matcher.find(query.text[found.after:found.phrase_end]).known == query.councils
            found = replace(found, span=(found.span[0], max(found.span[1], found.phrase_end))) if named_after else None
        else:  # "whose board is shared with Richmond": a council named inside the clause has no report here
            found = found or picked_council(query.text, self.council_texts, self.weights, s.description_min_terms,
                                            s.description_share, s.specific_share)
            placed = None if found or query.unknown_councils else placed_council(
                query.text, places_asked(query.text), self.council_texts)
            if placed is not None:  # "… the new scheme in Uckfield?" read as "East Sussex: … the new scheme in Uckfield?"
                return self._read_as(query, f"{placed.council}: {query.text}", filters)
            titled = None if found or query.unknown_councils else titled_council(query.text, self.formal_names)
            if titled is not None:  # "Did the Royal Borough overspend?" read as "Did Kensington and Chelsea overspend?"
                (council, (start, end)) = titled
                return self._read_as(query, f"{query.text[:start]}{council}{query.text[end:]}", filters)
        if found is None:
            return query
        return self._read_as(query, f"{query.text[: found.span[0]]}{found.council}{query.text[found.span[1]:]}", filters)

    def _named_by_result(self, query: Query, filters: Filters | None) -> Query:
        """The question read with the council it names by its overall result ("the council rated Good with a 64%
        score") or by one statement's score ("the council that scored 1 for equity", read as "Anytown (Equity in
        experience and outcomes)") named instead, when the index's reports say which council that is; unchanged
        otherwise."""
        ref = result_reference(query.text) or score_reference(query.text) if not query.councils else None
        named = councils_with_result(ref, self.ratings, self.formal_names) if ref else []
        if not named:
            return query
        return self._read_as(query, named_for_result(query.text, ref, named), filters)

    def _read_as(self, query: Query, text: str, filters: Filters | None) -> Query:
        """``query`` read again as ``text`` (a council named where the question picked it out), as asked."""
        again = analyse(text, self.retriever.matcher, self.statements_scored, self.settings.max_question_chars, (), filters)
        return replace(again, asked=query.asked, notices=tuple(dict.fromkeys((*query.notices, *again.notices))))

    def retrieve(self, question: str | Query, k: int | None = None, retriever: str | None = None,
                 filters: Filters | None = None) -> Retrieval:
        """Stage 2: the passages for a question (analysed first when given as text)."""
        query = question if isinstance(question, Query) else self.analyse(question, filters=filters)
        vec = self.encoder.encode([dense_query(query, self.settings.rules.council_discipline)])[0] if (retriever or self.settings.retriever) != "bm25" else None
        return self.retriever.search(query, vec, k, retriever)

    def ask(self, question: str, k: int | None = None, retriever: str | None = None,
            authorities: Sequence[str] = (), section: str | None = None, score: int | None = None,
            history: Sequence[str] = (), statement: str | None = None) -> Answer:
        """Answer ``question`` from the index's own sentences, citing each, or abstain. ``history`` holds
        the earlier questions of a conversation (for follow-ups); the others narrow the search."""
        t0 = time.perf_counter()
        k = k or self.settings.k
        if k < 1:
            raise UsageError("k must be at least 1")
        filters = Filters(tuple(authorities or ()), section or None, statement or None, score)
        query = self.analyse(question, history, filters)
        t = time.perf_counter()
        vec = self.encoder.encode([dense_query(query, self.settings.rules.council_discipline)])[0]
        t_embed = _ms(t)
        t = time.perf_counter()
        retrieval = self.retriever.search(query, vec, k, retriever)
        t_retrieve = _ms(t)
        t = time.perf_counter()
        composition = compose(query, retrieval, vec, self.data.sentence_vectors_of, self.weights, self.settings,
                              self.catalogue, self.ratings, next_chunk=self.next_chunk, published=self.published)
        t_compose = _ms(t)
        notices = list(query.notices)
        if filters:
            notices.append(f"Filters in force: {filters.describe()}.")
        return Answer(
            question=query.asked,
            answer=named_formally(composition.text, self.formal_names),
            abstained=composition.abstained,
            citations=composition.citations,
            passages=shown_passages(composition, retrieval),
            timings_ms={"embed": t_embed, "retrieve": t_retrieve, "compose": t_compose, "total": _ms(t0)},
            notices=tuple(notices),
            confidence=composition.confidence,
            read_as=query.text if query.rewritten else None,
            filters=filters.describe(),
            abstain_reason=composition.reason,
        )


def shown_passages(composition: Composition, retrieval: Retrieval) -> tuple[Passage, ...]:
    """The passages shown with an answer: those it quotes first (for a score question, the score lines of pages
    and summaries alike), each council's together, in the order the answer first quotes them when it ranks what it
    quotes (its sentence scoring ranks them more finely than the search), else (a score answer's lines, listed by
    council) in the order the search found them; then the search's own."""
    if not composition.evidence:
        return retrieval.passages
    found = {p.chunk.chunk_id: p.rank for p in retrieval.passages}  # lines the search found first, in its order

    def order(p: Passage) -> int:
        return found.get(p.chunk.chunk_id, len(found) + p.rank)

    quoted = list({p.chunk.chunk_id: p for p in composition.evidence}.values())
    lines = quoted if composition.ranked else sorted(quoted, key=order)
    first_of: dict[str, int] = {}
    for rank, p in enumerate(lines):
        first_of.setdefault(p.chunk.label, rank)
    lines.sort(key=lambda p: first_of[p.chunk.label])  # stable: each council's in the search's order
    taken = {p.chunk.chunk_id for p in lines}
    rest = [p for p in retrieval.passages if p.chunk.chunk_id not in taken]
    return tuple(Passage(p.chunk, p.relevance, rank) for rank, p in enumerate([*lines, *rest], 1))


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000.0
