"""Retrieval over an index held in Milvus, ranking as :class:`rag.retrieve.Retriever` does.

The filters and the councils the question names become a Milvus expression, so the engine returns
only passages they allow. Milvus gives each candidate its passage cosine, its best sentence's cosine
(a search grouped by chunk) and its BM25 score (inner product of the question's term counts with the
passage's stored BM25 weights); they are mixed and fused here exactly as the embedded store does.

Up to :data:`rag.milvus_store.TOPK_MAX` retrievable passages every passage is a candidate and the
min-max bounds are taken over the whole collection, as the embedded store's exact path does, so the
ranking is the same. Above that only the best ``Settings.candidates * 4`` of each kind are fetched:
bounds are then those of the candidates (as the embedded HNSW path does for dense scores; for BM25
the embedded store still scores every passage), so rankings can differ near the cut.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from .analyse import lexical_query
from .config import Settings
from .milvus_store import TOPK_MAX, MilvusIndexData, filter_expression, query_term_counts
from .records import Passage, Query
from .retrieve import Retriever, _ms, rrf, top

#: Expression selecting every retrievable passage (no filter).
ALL_PASSAGES = "retrievable == true"
#: Searches sent to Milvus at once per question (the dense lane and the BM25 lane), per open retriever;
#: a served UI's concurrent questions share them.
LANES = 4


def scaled(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """Min-max scaling with given bounds (all zeros when they are equal), as :func:`rag.retrieve.minmax`."""
    return (values - lo) / (hi - lo) if hi > lo else np.zeros_like(values)


class MilvusRetriever(Retriever):
    """A :class:`Retriever` whose scores come from Milvus, with filters pushed down to it."""

    def __init__(self, data: MilvusIndexData, settings: Settings):
        """Wrap a loaded Milvus index; small collections are searched whole (exact ranking)."""
        super().__init__(data, settings)
        self.store = data.store
        self.build = data.build
        self.vocabulary = data.vocabulary or {}
        self.position = {c.chunk_id: i for i, c in enumerate(self.chunks)}
        self.exact = len(self.chunks) <= TOPK_MAX
        self.limit = len(self.chunks) if self.exact else settings.candidates * 4
        self.large = len(self.chunks) > settings.flat_index_max
        self._pool = ThreadPoolExecutor(max_workers=LANES, thread_name_prefix="milvus-search")

    def expression(self, query: Query) -> str:
        """The Milvus expression of what the question and its filters allow."""
        councils = query.councils if self.settings.rules.council_discipline else ()
        return filter_expression(query.filters, councils, query.rating_refs)

    # -- scores from Milvus ----------------------------------------------------------------------
    def _dense(self, query_vec: np.ndarray, expr: str, sentences: dict[int, float] | None = None) -> dict[int, float]:
        """position → passage cosine mixed with best-sentence cosine, for the nearest passages under ``expr``
        (``sentences``: chunk_id → best sentence cosine already fetched, covering those passages)."""
        passages = self.store.search_passages(self.build, query_vec, expr, self.limit, self.large)
        w = self.settings.sentence_weight
        if w and sentences is None:
            sentences = self.store.best_sentences(self.build, query_vec, list(passages), self.large)
        sentences = sentences or {}
        return {self.position[c]: (1 - w) * p + w * sentences[c] if c in sentences else p for c, p in passages.items()}

    def _lexical(self, terms: dict[int, float], expr: str) -> dict[int, float]:
        """position → BM25 score of the passages under ``expr`` holding a question term."""
        hits = self.store.search_terms(self.build, terms, expr, self.limit)
        return {self.position[c]: s for c, s in hits.items()}

    def _lexical_bounds(self, hits: dict[int, float], population: int) -> tuple[float, float]:
        """(min, max) BM25 over ``population`` passages of which ``hits`` hold a term (the rest score 0)."""
        if not hits:
            return 0.0, 0.0
        values = hits.values()
        return (min(values) if len(hits) >= population else 0.0), max(values)

    def fused(self, query: Query, query_vec: np.ndarray | None, mode: str, allowed: np.ndarray | None,
              timings: dict[str, float]) -> np.ndarray:
        """Fused relevance of every passage (``-inf`` for those Milvus did not return)."""
        s = self.settings
        n = len(self.chunks)
        expr = self.expression(query)
        filtered = expr != ALL_PASSAGES
        # the dense and the BM25 searches go to Milvus side by side
        dense_lane = self._pool.submit(self._dense_lane, query_vec, expr, filtered) \
            if mode != "bm25" and query_vec is not None else None
        lexical_lane = self._pool.submit(self._lexical_lane, query, expr, filtered, allowed) if mode != "dense" else None
        dense, dense_bounds, timings["dense"] = dense_lane.result() if dense_lane else (None, None, 0.0)
        lexical, lexical_bounds, timings["lexical"] = lexical_lane.result() if lexical_lane else (None, None, 0.0)
        t = time.perf_counter()
        candidates = self._candidates(dense, lexical, allowed)
        d = self._full(dense, candidates, fill=dense_bounds[0] if dense else 0.0)
        lx = self._full(lexical, candidates, fill=0.0)
        if mode == "dense" or lexical is None:
            fused = scaled(d, *dense_bounds) if dense is not None else np.zeros(n)
        elif mode == "bm25" or dense is None:
            fused = scaled(lx, *lexical_bounds)
        elif s.fusion == "rrf":
            mask = np.zeros(n, dtype=bool)
            mask[candidates] = True
            m = s.candidates
            ranks = rrf([list(top(d, m, mask)), list(top(lx, m, mask))], s.rrf_k)
            fused = np.zeros(n)
            for i, v in ranks.items():
                fused[i] = v
            fused = scaled(fused, float(fused.min()), float(fused.max()))
        else:
            fused = s.dense_weight * scaled(d, *dense_bounds) + (1.0 - s.dense_weight) * scaled(lx, *lexical_bounds)
        out = np.full(n, -np.inf)
        fused = fused + self.adjustments(query)
        out[candidates] = fused[candidates]
        out = out + self.name_boosts(query, out, allowed)
        timings["fuse"] = _ms(t)
        return out

    def _dense_lane(self, query_vec: np.ndarray, expr: str, filtered: bool):
        """(position → mixed dense score under ``expr``, (min, max) for normalisation, milliseconds)."""
        t = time.perf_counter()
        # small collections: one grouped search gives every chunk's best sentence, for both scopes
        every = self.store.best_sentences(self.build, query_vec, None, self.large, len(self.data.chunks)) \
            if self.exact and self.settings.sentence_weight else None
        dense = self._dense(query_vec, expr, every)
        scope = self._dense(query_vec, ALL_PASSAGES, every) if filtered and self.exact else dense
        bounds = (min(scope.values()), max(scope.values())) if scope else (0.0, 0.0)
        return dense, bounds, _ms(t)

    def _lexical_lane(self, query: Query, expr: str, filtered: bool, allowed: np.ndarray | None):
        """(position → BM25 score under ``expr``, (min, max) for normalisation, milliseconds)."""
        t = time.perf_counter()
        n = len(self.chunks)
        terms = query_term_counts(self.vocabulary, lexical_query(query, self.glossary, self.settings.rules.council_discipline))
        lexical = self._lexical(terms, expr)
        if filtered and self.exact:
            bounds = self._lexical_bounds(self._lexical(terms, ALL_PASSAGES), n)
        else:
            population = int(allowed.sum()) if filtered and allowed is not None else n
            bounds = self._lexical_bounds(lexical, population if self.exact else self.limit + 1)
        return lexical, bounds, _ms(t)

    def _candidates(self, dense: dict | None, lexical: dict | None, allowed: np.ndarray | None) -> np.ndarray:
        """Positions that get a score: every allowed passage when all were fetched, else those Milvus returned."""
        if self.exact:
            return np.flatnonzero(allowed) if allowed is not None else np.arange(len(self.chunks))
        found = set(dense or ()) | set(lexical or ())
        return np.array(sorted(found), dtype=np.int64)

    def _full(self, scores: dict[int, float] | None, candidates: np.ndarray, fill: float) -> np.ndarray:
        """A score per position: Milvus's where it returned one, ``fill`` for the other candidates."""
        out = np.full(len(self.chunks), fill)
        for i, v in (scores or {}).items():
            out[i] = v
        return out

    def _passages(self, fused: np.ndarray, order: np.ndarray) -> tuple[Passage, ...]:
        """Passages in ``order``, leaving out positions that were not candidates."""
        kept = [int(i) for i in order if np.isfinite(fused[int(i)])]
        return tuple(Passage(self.chunks[i], float(fused[i]), rank) for rank, i in enumerate(kept, start=1))
