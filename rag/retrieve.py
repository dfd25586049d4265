"""Dense, lexical and hybrid retrieval over an index, with filters and authority awareness."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from .authorities import AuthorityMatch, AuthorityMatcher
from .config import Settings
from .errors import UsageError
from .glossary import Glossary
from .records import Passage
from .store import IndexData

RETRIEVERS = ("dense", "bm25", "hybrid")


@dataclass(frozen=True)
class Filters:
    """Restrict retrieval to some authorities (labels), a section, or a score."""

    authorities: tuple[str, ...] = ()
    section: str | None = None
    score: int | None = None

    def __bool__(self) -> bool:
        return bool(self.authorities or self.section or self.score is not None)


@dataclass(frozen=True)
class Retrieval:
    passages: tuple[Passage, ...]
    authorities: AuthorityMatch
    timings_ms: dict[str, float] = field(default_factory=dict)


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


class Retriever:
    """Ranks the retrievable chunks of an index for a question."""

    def __init__(self, data: IndexData, settings: Settings):
        self.data = data
        self.settings = settings
        self.chunks = [data.chunks[r] for r in data.rows]  # by retrieval position
        self.labels = np.array([c.label.casefold() for c in self.chunks], dtype=object)
        self.authorities = np.array([(c.authority or "").casefold() for c in self.chunks], dtype=object)
        self.sections = np.array([c.section.casefold() for c in self.chunks], dtype=object)
        self.scores = np.array([-1 if c.score is None else c.score for c in self.chunks])
        self.matcher = AuthorityMatcher(sorted({c.authority for c in data.chunks if c.authority}))
        self.vectors = data.chunk_vectors[data.rows]
        self.glossary = Glossary(data.manifest.get("glossary", {}))
        # the retrievable chunks' sentence vectors, contiguous, and where each chunk's run starts
        off = data.sentence_offsets
        self._sentence_counts = (off[data.rows + 1] - off[data.rows]).astype(np.int64)
        self._sentence_starts = run_starts(self._sentence_counts)
        self._sentence_vectors = data.sentence_vectors[run_rows(off[data.rows], self._sentence_counts)]

    # -- filters ---------------------------------------------------------------------------
    def allowed(self, filters: Filters) -> np.ndarray | None:
        if not filters:
            return None
        mask = np.ones(len(self.chunks), dtype=bool)
        if filters.authorities:
            wanted = [a.casefold() for a in filters.authorities]
            mask &= np.isin(self.labels, wanted) | np.isin(self.authorities, wanted)
        if filters.section:
            mask &= self.sections == filters.section.casefold()
        if filters.score is not None:
            mask &= self.scores == filters.score
        return mask

    # -- scoring ---------------------------------------------------------------------------
    def dense_scores(self, query_vec: np.ndarray, allowed: np.ndarray | None = None) -> np.ndarray:
        """Similarity of every retrievable chunk: passage and best-sentence cosine mixed. Above
        ``flat_index_max`` passages only FAISS's nearest candidates (among ``allowed``) are scored;
        the rest get the lowest candidate score, so that they neither win nor skew normalisation."""
        if self.settings.flat_index_max >= len(self.chunks):
            return self._mix(self.vectors @ query_vec, self._sentence_vectors @ query_vec, self._sentence_starts)
        import faiss

        params = None
        if allowed is not None:
            selector = faiss.IDSelectorBatch(np.flatnonzero(allowed).astype(np.int64))
            hnsw = isinstance(self.data.dense, faiss.IndexHNSW)
            params = faiss.SearchParametersHNSW(sel=selector) if hnsw else faiss.SearchParameters(sel=selector)
        n = min(len(self.chunks), self.settings.candidates * 4)
        _, found = self.data.dense.search(query_vec[None, :].astype(np.float32), n, params=params)
        candidates = found[0][found[0] >= 0]
        if not len(candidates):
            return np.full(len(self.chunks), -1.0, dtype=np.float32)
        # exact scores of the candidates, as the flat path gives them
        counts = self._sentence_counts[candidates]
        rows = run_rows(self._sentence_starts[candidates], counts)
        mixed = self._mix(self.vectors[candidates] @ query_vec, self._sentence_vectors[rows] @ query_vec,
                          run_starts(counts))
        scores = np.full(len(self.chunks), mixed.min(), dtype=np.float32)
        scores[candidates] = mixed
        return scores

    def _mix(self, passage: np.ndarray, sentences: np.ndarray, starts: np.ndarray) -> np.ndarray:
        """Passage similarity mixed with that of its best sentence (``starts``: each passage's first sentence)."""
        w = self.settings.sentence_weight
        if not w or not len(sentences):
            return passage
        return (1 - w) * passage + w * np.maximum.reduceat(sentences, starts)

    def search(self, question: str, query_vec: np.ndarray | None, k: int | None = None,
               retriever: str | None = None, filters: Filters = Filters()) -> Retrieval:
        s = self.settings
        k = k or s.k
        mode = retriever or s.retriever
        if mode not in RETRIEVERS:
            raise UsageError(f"retriever must be one of {', '.join(RETRIEVERS)}, not {mode!r}")
        timings: dict[str, float] = {}
        t = time.perf_counter()
        match = self.matcher.find(question)
        allowed = self.allowed(filters)
        boost = np.zeros(len(self.chunks), dtype=np.float32)
        if match.known and not filters.authorities:
            boost = np.isin(self.authorities, [a.casefold() for a in match.known]).astype(np.float32)
        timings["authorities"] = _ms(t)

        t = time.perf_counter()
        dense = self.dense_scores(query_vec, allowed) if mode != "bm25" and query_vec is not None else None
        timings["dense"] = _ms(t)
        t = time.perf_counter()
        lexical = self.data.lexical.scores(self.glossary.expand(question)) if mode != "dense" else None
        timings["lexical"] = _ms(t)

        t = time.perf_counter()
        if mode == "dense" or lexical is None:
            fused = dense if dense is not None else np.zeros(len(self.chunks), dtype=np.float32)
        elif mode == "bm25" or dense is None:
            fused = lexical
        elif s.fusion == "rrf":
            m = s.candidates
            fused_map = rrf([list(top(dense, m, allowed)), list(top(lexical, m, allowed))], s.rrf_k)
            fused = np.zeros(len(self.chunks), dtype=np.float32)
            for i, v in fused_map.items():
                fused[i] = v
            boost = boost * (2.0 / (s.rrf_k + 1))  # a boost on the scale of rrf scores
        else:
            fused = weighted_fusion(dense, lexical, s.dense_weight)
        if boost.any():
            fused = fused + s.authority_boost * boost * (float(fused.max() - fused.min()) or 1.0)
        order = top(fused, k, allowed)
        timings["fuse"] = _ms(t)
        passages = tuple(
            Passage(self.chunks[int(i)], float(fused[int(i)]), rank) for rank, i in enumerate(order, start=1)
        )
        return Retrieval(passages, match, timings)


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000.0
