"""Query → :class:`Retrieval`: dense, lexical and fused scores over the retrievable passages, with
filters, the councils the question names, and one retrieval per council for comparisons.

What the question names narrows the search: a named council restricts it to that council's passages
(an answer about Harrow never quotes Hounslow); a report picked by its score ("the council rated 2")
restricts it to reports with that score; a named quality statement, a question asking for a score,
and questions about the standard text move the matching passages up, and so, a little, does a passage
spelling a name the question uses. The result is never changed afterwards.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .analyse import asks_standard_text, lexical_query
from .config import Settings
from .councils import CouncilMatcher
from .errors import UsageError
from .glossary import Glossary, shipped
from .names import defines_the_thing_asked, names_shared, thing_defined
from .records import Chunk, Filters, Passage, Query, Retrieval
from .store import CODED_COLUMNS, IndexData, read_runs
from .thresholds import bound_of, top_of

RETRIEVERS = ("hybrid", "dense", "bm25")
#: A sentence giving a council's overall rating in words ("Halton Borough Council was rated Requires improvement").
_RATED = re.compile(r"\b(?:was|is|has been|had been) rated (?:as )?(?:outstanding|good|requires improvement|inadequate)\b",
                    re.IGNORECASE)


def rrf(rankings: list[list[int]], k: int = 60) -> dict[int, float]:
    """Reciprocal rank fusion of several rankings (best first) of the same ids."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + 1.0 / (k + rank)
    return fused


def minmax(values: np.ndarray) -> np.ndarray:
    """Scale to [0, 1]; a constant vector becomes all zeros."""
    if values.size == 0:
        return values
    lo, hi = float(values.min()), float(values.max())
    return (values - lo) / (hi - lo) if hi > lo else np.zeros_like(values)


def weighted_fusion(dense: np.ndarray, lexical: np.ndarray, dense_weight: float) -> np.ndarray:
    """Convex combination of min-max normalised dense and lexical scores of the same candidates."""
    return dense_weight * minmax(dense) + (1.0 - dense_weight) * minmax(lexical)


def top(scores: np.ndarray, k: int, allowed: np.ndarray | None = None) -> np.ndarray:
    """Indices of the ``k`` highest scores (among ``allowed`` positions), best first."""
    if allowed is not None:
        scores = np.where(allowed, scores, -np.inf)
        k = min(k, int(allowed.sum()))
    k = min(k, len(scores))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    idx = np.argpartition(-scores, k - 1)[:k]
    return idx[np.argsort(-scores[idx], kind="stable")]


def run_starts(counts: np.ndarray) -> np.ndarray:
    """Where each run begins when runs of these lengths are laid end to end."""
    return (np.cumsum(counts) - counts).astype(np.int64)


def run_rows(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The rows ``start .. start + count - 1`` of every run, concatenated in order."""
    counts = np.asarray(counts, dtype=np.int64)
    return np.repeat(np.asarray(starts, dtype=np.int64) - run_starts(counts), counts) + np.arange(counts.sum())


@dataclass(frozen=True)
class Catalogue:
    """What the index holds: its councils (display labels), statements and sections."""

    councils: tuple[str, ...]
    statements: tuple[str, ...]
    sections: tuple[str, ...]
    covered: frozenset[tuple[str, str]]  # (council label, statement) pairs with a report

    @classmethod
    def of(cls, chunks: list[Chunk]) -> "Catalogue":
        return cls(
            councils=tuple(sorted({c.council for c in chunks if c.council})),
            statements=tuple(sorted({c.statement for c in chunks if c.statement})),
            sections=tuple(sorted({c.section for c in chunks if c.section})),
            covered=frozenset((c.council.casefold(), c.statement) for c in chunks if c.council and c.statement),
        )

    def covers(self, council: str, statement: str) -> bool:
        return (council.casefold(), statement) in self.covered


class RetrievableChunks(Sequence):
    """The retrievable chunks by retrieval position, read from the index's chunk table when asked for."""

    def __init__(self, chunks: Sequence[Chunk], rows: np.ndarray):
        self._chunks, self._rows = chunks, rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        return self._chunks[int(self._rows[i])]


class Retriever:
    """Ranks the retrievable passages of an index for an analysed question."""

    def __init__(self, data: IndexData, settings: Settings):
        self.data = data
        self.settings = settings
        self.chunks = RetrievableChunks(data.chunks, data.rows)  # by retrieval position, read on demand
        columns, rows = data.columns, data.rows

        def column(name: str, fold=lambda v: v) -> np.ndarray:
            """A metadata column over the retrievable chunks, each distinct value transformed once."""
            codes = columns.codes[rows, CODED_COLUMNS.index(name)]
            table = np.empty(len(columns.values[name]), dtype=object)
            table[:] = [fold(v) for v in columns.values[name]]
            return table[codes]

        self.labels = column("label", str.casefold)
        self.councils = column("council", lambda v: (v or "").casefold())
        self.sections = column("section", str.casefold)
        self.statements = column("statement", lambda v: v or "")
        self.ratings = column("rating", lambda v: -1 if v is None else v).astype(np.int64)
        self.kinds = column("kind")
        self.pages = column("page")
        self._label_names = column("label")  # as written (``labels`` is case-folded)
        raw_councils, raw_statements, raw_sections = column("council"), column("statement"), column("section")
        self.catalogue = Catalogue(
            councils=tuple(sorted({c for c in set(raw_councils) if c})),
            statements=tuple(sorted({s for s in set(raw_statements) if s})),
            sections=tuple(sorted({s for s in set(raw_sections) if s})),
            covered=frozenset((c.casefold(), st) for c, st in set(zip(raw_councils, raw_statements)) if c and st),
        )
        self.matcher = CouncilMatcher(self.catalogue.councils)
        self.glossary = Glossary({**data.manifest.get("glossary", {}), **shipped()})  # the shipped list as it is now
        off = np.asarray(data.sentence_offsets)
        self._sentence_firsts = off[rows]  # each retrievable chunk's first sentence row
        self._sentence_counts = (off[rows + 1] - off[rows]).astype(np.int64)
        self._flat: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    # -- which passages may be returned ---------------------------------------------------------
    def allowed(self, filters: Filters, councils: tuple[str, ...] = (), ratings: tuple[int, ...] = ()) -> np.ndarray | None:
        """Mask of passages passing ``filters`` (as :meth:`Filters.matches` decides), restricted to
        ``councils`` and to reports with one of ``ratings`` when given; None when nothing restricts."""
        if not filters and not councils and not ratings:
            return None
        mask = np.ones(len(self.chunks), dtype=bool)
        for names in (filters.councils, councils):
            if names:
                wanted = [a.casefold() for a in names]
                mask &= np.isin(self.labels, wanted) | np.isin(self.councils, wanted)
        if filters.section:
            mask &= self.sections == filters.section.casefold()
        if filters.statement:
            mask &= np.char.lower(self.statements.astype(str)) == filters.statement.casefold()
        if filters.rating is not None:
            mask &= self.ratings == filters.rating
        if ratings:
            mask &= np.isin(self.ratings, list(ratings))
        return mask

    # -- scoring -------------------------------------------------------------------------------
    def dense_scores(self, query_vec: np.ndarray, allowed: np.ndarray | None = None) -> np.ndarray:
        """Similarity of every passage: passage and best-sentence cosine mixed. Above ``flat_index_max``
        passages only FAISS's nearest candidates (among ``allowed``) are scored; the rest get the lowest
        candidate score, so that they neither win nor skew normalisation."""
        query_vec = np.asarray(query_vec, dtype=np.float32)
        if self.settings.flat_index_max >= len(self.chunks):
            vectors, sentence_vectors, starts = self._flat_arrays()
            return self._mix(vectors @ query_vec, sentence_vectors @ query_vec, starts)
        import faiss

        index = getattr(self.data.dense, "index", self.data.dense)  # a FaissFile reads the index on first use
        params = None
        if allowed is not None:
            selector = faiss.IDSelectorBatch(np.flatnonzero(allowed).astype(np.int64))
            if isinstance(index, faiss.IndexHNSW):  # parameters replace the index's own: keep its efSearch (not 16)
                params = faiss.SearchParametersHNSW(sel=selector, efSearch=index.hnsw.efSearch)
            else:
                params = faiss.SearchParameters(sel=selector)
        n = min(len(self.chunks), self.settings.candidates * 4)
        _, found = index.search(query_vec[None, :].astype(np.float32), n, params=params)
        candidates = found[0][found[0] >= 0]
        if not len(candidates):
            return np.full(len(self.chunks), -1.0, dtype=np.float32)
        # exact re-scoring of the candidates, in float32 from the stored (float16, memory-mapped) vectors
        counts = self._sentence_counts[candidates]
        passage = read_runs(self.data.chunk_vectors, self.data.rows[candidates], np.ones_like(counts)) @ query_vec
        sentences = read_runs(self.data.sentence_vectors, self._sentence_firsts[candidates], counts) @ query_vec
        mixed = self._mix(passage, sentences, run_starts(counts))
        scores = np.full(len(self.chunks), mixed.min(), dtype=np.float32)
        scores[candidates] = mixed
        return scores

    def _flat_arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """float32 copies of the retrievable passages' vectors and their sentences' (with each passage's
        first sentence): exact search over every passage, for indexes up to ``flat_index_max`` passages."""
        if self._flat is None:
            rows = run_rows(self._sentence_firsts, self._sentence_counts)
            self._flat = (np.asarray(self.data.chunk_vectors[self.data.rows], dtype=np.float32),
                          np.asarray(self.data.sentence_vectors[rows], dtype=np.float32),
                          run_starts(self._sentence_counts))
        return self._flat

    def _mix(self, passage: np.ndarray, sentences: np.ndarray, starts: np.ndarray) -> np.ndarray:
        """Passage similarity mixed with that of its best sentence (``starts``: each passage's first sentence)."""
        w = self.settings.sentence_weight
        if not w or not len(sentences):
            return passage
        return (1 - w) * passage + w * np.maximum.reduceat(sentences, starts)

    def adjustments(self, query: Query) -> np.ndarray:
        """Additive moves of each passage (on the fused 0-1 scale) from what the question names: its
        statement up; for score questions the matching score lines up (the summary's for an overall
        rating); the statement's standard text down, or up when the question is about it."""
        s = self.settings
        adjust = np.zeros(len(self.chunks), dtype=np.float32)
        named = np.isin(self.statements, list(query.statements)) if query.statements else None
        if named is not None and s.rules.statement_boost:
            adjust += s.statement_boost * named
        if query.answer_type in ("rating", "overall") and s.rules.rating_boost:
            scores = self.kinds == "rating"
            if query.answer_type == "overall":
                scores &= self.pages == "summary"
            elif named is not None:
                scores &= named | (self.pages == "summary")
            adjust += s.rating_boost * scores
        if s.rules.standard_text_penalty:
            sign = 1.0 if asks_standard_text(query.text) else -1.0
            adjust += sign * s.standard_text_penalty * (self.kinds == "standard")
        return adjust

    def fused(self, query: Query, query_vec: np.ndarray | None, mode: str, allowed: np.ndarray | None,
              timings: dict[str, float]) -> np.ndarray:
        """Fused relevance of every passage for the question (higher is better)."""
        s = self.settings
        t = time.perf_counter()
        dense = self.dense_scores(query_vec, allowed) if mode != "bm25" and query_vec is not None else None
        timings["dense"] = _ms(t)
        t = time.perf_counter()
        lexical = self.data.lexical.scores(lexical_query(query, self.glossary, self.settings.rules.council_discipline)) if mode != "dense" else None
        timings["lexical"] = _ms(t)
        t = time.perf_counter()
        if mode == "dense" or lexical is None:
            fused = dense if dense is not None else np.zeros(len(self.chunks), dtype=np.float32)
            fused = minmax(fused)
        elif mode == "bm25" or dense is None:
            fused = minmax(lexical)
        elif s.fusion == "rrf":
            m = s.candidates
            fused_map = rrf([list(top(dense, m, allowed)), list(top(lexical, m, allowed))], s.rrf_k)
            fused = np.zeros(len(self.chunks), dtype=np.float32)
            for i, v in fused_map.items():
                fused[i] = v
            fused = minmax(fused)
        else:
            fused = weighted_fusion(dense, lexical, s.dense_weight)
        fused = fused + self.adjustments(query)
        fused = fused + self.name_boosts(query, fused, allowed)
        timings["fuse"] = _ms(t)
        return fused

    def name_boosts(self, query: Query, fused: np.ndarray, allowed: np.ndarray | None) -> np.ndarray:
        """Additive moves up of the best ``name_candidates`` passages that spell a name the question uses
        ("Shared Lives", "Pathways to Work"; :func:`rag.names.names_shared`): a name's words, weighed one by one,
        are often common words, and a passage holding the very name is what the question asks about; for an
        overall rating, of those that give a rating in a sentence ("… was rated Good"), beside the score lines."""
        s = self.settings
        boosts = np.zeros(len(fused), dtype=np.float32)
        overall = query.answer_type == "overall" and s.rules.rating_boost
        if not (s.rules.name_boost or overall) or not len(fused):
            return boosts
        best = top(np.where(np.isfinite(fused), fused, -np.inf), s.name_candidates, allowed)
        texts = [self.chunks[int(i)].text for i in best]
        if s.rules.name_boost:
            boosts[best[np.asarray(names_shared(query.text, texts, query.councils), dtype=bool)]] += s.name_boost
            if thing_defined(query.text):  # "What is Care Connect Rutland?": the passage saying what it is, again
                boosts[best[np.asarray([defines_the_thing_asked(query.text, t) for t in texts], dtype=bool)]] += s.name_boost
        if overall:  # "Halton Borough Council was rated Requires improvement.": the rating in a sentence
            boosts[best[np.asarray([_RATED.search(t) is not None for t in texts], dtype=bool)]] += s.rated_sentence_boost
        return boosts

    def search(self, query: Query, query_vec: np.ndarray | None, k: int | None = None,
               retriever: str | None = None) -> Retrieval:
        """The ``k`` best passages for ``query`` (and, for comparisons, the best of every council)."""
        s = self.settings
        k = k or s.k
        mode = retriever or s.retriever
        if mode not in RETRIEVERS:
            raise UsageError(f"retriever must be one of {', '.join(RETRIEVERS)}, not {mode!r}")
        timings: dict[str, float] = {}
        councils = query.councils if s.rules.council_discipline else ()
        allowed = self.allowed(query.filters, councils, query.rating_refs)
        fused = self.fused(query, query_vec, mode, allowed, timings)
        t = time.perf_counter()
        passages = self._passages(fused, top(fused, k, allowed))
        per_council: dict[str, tuple[Passage, ...]] = {}
        if query.comparative:
            figured = top_of(query.text) is not None or bound_of(query.text) is not None  # a figure to find in each
            each = s.per_council_top_k if s.rules.bound_check and figured else s.per_council_k
            for label in self._comparison_labels(query, allowed):
                mask = self.labels == label.casefold()
                if allowed is not None:
                    mask &= allowed
                per_council[label] = self._passages(fused, top(fused, each, mask))
        timings["select"] = _ms(t)
        return Retrieval(passages, per_council, timings)

    def _comparison_labels(self, query: Query, allowed: np.ndarray | None) -> list[str]:
        """The councils a comparison looks at: those named, else every council within the filters."""
        if query.councils:
            return list(query.councils)
        labels = self._label_names if allowed is None else self._label_names[allowed]
        return sorted(set(labels))  # from the label column: no chunk record is read

    def _passages(self, fused: np.ndarray, order: np.ndarray) -> tuple[Passage, ...]:
        return tuple(Passage(self.chunks[int(i)], float(fused[int(i)]), rank) for rank, i in enumerate(order, start=1))


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000.0
