"""The Python API: ``Pipeline.load(index_dir).ask(question) -> Answer``."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from .compose import TermWeights, abstain, compose
from .config import Settings
from .corpus import load_corpus
from .embedding import Encoder, load_encoder, resolve_model
from .consistency import check_document_names, chunk_mismatch
from .errors import CorpusError, IndexStateError, RagError, UsageError
from .index_fallback import fall_back_to_index
from .indexer import BuildReport, build_index, load_current, stale_reason
from .questions import clean_question, quality_statements_named, shape_of
from .records import Answer, Chunk, Passage
from .retrieve import Filters, Retrieval, Retriever
from .store import IndexData, load_index, read_manifest


def ensure_index(settings: Settings, progress: bool = False, loaded: list | None = None) -> BuildReport | None:
    """Build the index if it is missing or no longer matches the documents; None if it was current
    (then the index checked is appended to ``loaded``, when given, so that it is not loaded twice).

    When the documents cannot be read or used but an intact index exists, that index is used instead,
    with one warning (printed with ``progress``, and in the returned report's ``warnings``)."""
    try:
        corpus = load_corpus(settings.seeds_dir, settings.max_document_bytes)
        check_document_names(corpus.documents)
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
        self.retriever = Retriever(data, settings)
        self.weights = TermWeights(self.retriever.chunks, self.authorities(), self.retriever.glossary)
        self.score_chunks = [c for c in data.chunks if c.kind == "score"]
        self.quality_statements = {c.quality_statement for c in data.chunks}

    @classmethod
    def load(cls, index_dir: str | Path | None = None, settings: Settings | None = None,
             build: bool = False, progress: bool = False) -> "Pipeline":
        """Load the index in ``index_dir`` (building it first from the seeds when ``build``)."""
        settings = (settings or Settings()).with_overrides(index_dir=Path(index_dir) if index_dir else None)
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
    def authorities(self) -> list[str]:
        return sorted({c.label for c in self.retriever.chunks})

    def sections(self) -> list[str]:
        return sorted({c.section for c in self.retriever.chunks})

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        return [c for c in self.data.chunks if c.doc_id == doc_id]

    # -- asking --------------------------------------------------------------------------------
    def _prepare(self, question: str) -> tuple[str, list[str]]:
        if not isinstance(question, str) or not question.strip():
            raise UsageError("the question is empty")
        text, notices = clean_question(question, self.settings.max_question_chars)
        if not text:
            raise UsageError("the question is empty")
        return text, notices

    def retrieve(self, question: str, k: int | None = None, retriever: str | None = None,
                 filters: Filters = Filters()) -> Retrieval:
        text, _ = self._prepare(question)
        vec = self.encoder.encode([text])[0] if (retriever or self.settings.retriever) != "bm25" else None
        return self.retriever.search(text, vec, k, retriever, filters)

    def ask(self, question: str, k: int | None = None, retriever: str | None = None,
            authorities: tuple[str, ...] | list[str] = (), section: str | None = None,
            score: int | None = None) -> Answer:
        """Answer ``question`` from the index's own sentences, citing each, or abstain."""
        t0 = time.perf_counter()
        text, notices = self._prepare(question)
        k = k or self.settings.k
        if k < 1:
            raise UsageError("k must be at least 1")
        filters = Filters(tuple(authorities or ()), section or None, score)
        t = time.perf_counter()
        vec = self.encoder.encode([text])[0]
        t_embed = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        retrieval = self.retriever.search(text, vec, k, retriever, filters)
        match = retrieval.authorities
        shape = shape_of(text, len(match.known))
        other_statements = [q for q in quality_statements_named(text) if q not in self.quality_statements]
        evidence = list(retrieval.passages[: self.settings.compose_k])
        if shape.comparative:
            evidence = self._per_authority(text, vec, retriever, filters, evidence)
        t_retrieve = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        score_passages = [
            Passage(c, 1.0, 1) for c in self.score_chunks
            if not filters.authorities or c.label in filters.authorities or c.authority in filters.authorities
        ]
        if other_statements:
            composition = abstain(reason=f"No report on the '{other_statements[0]}' quality statement is in this index.")
        else:
            composition = compose(
                text, vec, evidence, [self.data.sentence_vectors_of(p.chunk.chunk_id) for p in evidence],
                match, shape, self.weights, self.settings, score_passages,
            )
        t_compose = (time.perf_counter() - t) * 1000
        passages = retrieval.passages
        cited_scores = [c.passage for c in composition.citations if c.passage.chunk.kind == "score"]
        if cited_scores:  # a score answer's evidence is the score lines: show them first
            ordered = cited_scores + list(passages[: max(k - len(cited_scores), 0)])
            passages = tuple(replace(p, rank=i) for i, p in enumerate(ordered, start=1))
        if match.known and match.unknown:
            notices.append(f"No report for {', '.join(match.unknown)} is in this index.")
        return Answer(
            question=text,
            answer=composition.text,
            abstained=composition.abstained,
            citations=composition.citations,
            passages=passages,
            timings_ms={"embed": t_embed, "retrieve": t_retrieve, "compose": t_compose,
                        "total": (time.perf_counter() - t0) * 1000},
            notices=tuple(notices),
            confidence=composition.confidence,
        )

    def _per_authority(self, text: str, vec: np.ndarray, retriever: str | None, filters: Filters,
                       passages: list[Passage]) -> list[Passage]:
        """For comparisons: the best two passages of every authority (within the filters)."""
        labels = [a for a in self.authorities() if not filters.authorities or a in filters.authorities]
        seen = {p.chunk.chunk_id for p in passages}
        out = list(passages)
        for label in labels:
            sub = self.retriever.search(text, vec, 2, retriever, Filters((label,), filters.section, filters.score))
            for p in sub.passages:
                if p.chunk.chunk_id not in seen:
                    seen.add(p.chunk.chunk_id)
                    out.append(Passage(p.chunk, p.score, len(out) + 1))
        return out
