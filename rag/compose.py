"""Extractive answers: pick the reports' own sentences, cite each, or abstain.

Sentences of the retrieved passages are scored against the question (sentence embeddings,
weighted term overlap, the passage's retrieval rank, and the question's shape), a few
non-redundant ones are chosen by maximal marginal relevance, and each is followed by ``[n]``
pointing at the passage it came from.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from .authorities import AuthorityMatch
from .config import ABSTAIN_MESSAGE, Settings
from .glossary import Glossary
from .lexical import tokenize
from .questions import QuestionShape, has_count, has_date, has_number
from .records import Chunk, Citation, Passage, Sentence

#: How a sentence that elaborates on the one before it begins.
ELABORATION = re.compile(
    r"^(For example|For instance|This|These|They|It|Such|As a result|As part|In addition|Examples|"
    r"Specifically|In particular|However|But)\b"
)

# Weights of the sentence relevance score (see ``Candidate``); the abstention threshold is
# calibrated for this scale, so change them together.
W_DENSE, W_LEXICAL, W_PASSAGE, W_SHAPE = 0.55, 0.30, 0.15, 0.08

#: Words that shape a question but name no topic ("how many", "did", "currently").
QUESTION_WORDS = (
    "how many much what which who whom whose when where why is are was were be been do does did done has have had "
    "can could should would will may might must shall any some there their they them it its this that these those "
    "a an the of in on at to for from by with about into over after before as and or not no yes get got give given "
    "tell say said currently current recent recently ever still also please report reports record recorded "
    "council councils authority authorities local london borough county city district metropolitan royal"
)


@dataclass(frozen=True)
class Candidate:
    passage: Passage
    sentence: Sentence
    vector: np.ndarray
    relevance: float


@dataclass(frozen=True)
class Composition:
    text: str
    abstained: bool
    citations: tuple[Citation, ...]
    confidence: float


class TermWeights:
    """Inverse document frequency of stemmed terms over the retrievable chunks."""

    def __init__(self, chunks: list[Chunk], names: list[str] = (), glossary: Glossary | None = None):
        df: dict[str, int] = {}
        token_lists = tokenize([c.text for c in chunks]) if chunks else []
        for tokens in token_lists:
            for t in set(tokens):
                df[t] = df.get(t, 0) + 1
        self.n = max(len(chunks), 1)
        self.df = df
        self._cache: dict[str, frozenset[str]] = {}
        self.names = frozenset(tokenize([" ".join(names)])[0]) if names else frozenset()
        self.question_words = frozenset(tokenize([QUESTION_WORDS])[0]) | frozenset(QUESTION_WORDS.split())
        self.glossary = glossary or Glossary({})

    def idf(self, term: str) -> float:
        return math.log(1.0 + self.n / (1.0 + self.df.get(term, 0)))

    def terms(self, text: str) -> frozenset[str]:
        """Stemmed terms of ``text`` and of the other forms of its acronyms."""
        cached = self._cache.get(text)
        if cached is None:
            cached = frozenset(tokenize([self.glossary.expand(text)])[0])
            if len(self._cache) < 200_000:
                self._cache[text] = cached
        return cached

    def content(self, terms: frozenset[str]) -> frozenset[str]:
        """The terms that say what is asked about: not authority names, not question words."""
        return frozenset(t for t in terms if t not in self.names and t not in self.question_words)

    def focus(self, terms: frozenset[str]) -> frozenset[str]:
        """Content terms that pick out a topic: not numbers, not in most passages."""
        return frozenset(t for t in self.content(terms) if not t.isdigit() and self.df.get(t, 0) <= 0.5 * self.n)

    def weight(self, term: str) -> float:
        """IDF, halved for words the corpus never uses (a different wording, weak evidence)."""
        return self.idf(term) * (0.5 if term not in self.df else 1.0)

    def overlap(self, query_terms: frozenset[str], text: str) -> float:
        """Weighted share of the question's terms found in ``text`` (0..1)."""
        if not query_terms:
            return 0.0
        total = sum(self.weight(t) for t in query_terms)
        found = sum(self.weight(t) for t in query_terms & self.terms(text))
        return found / total if total else 0.0


def score_candidates(passages: list[Passage], sentence_vectors: list[np.ndarray], query_vec: np.ndarray,
                     question: str, shape: QuestionShape, weights: TermWeights) -> list[Candidate]:
    """Every sentence of the passages with its relevance to the question."""
    query_terms = weights.content(weights.terms(question))
    out: list[Candidate] = []
    for passage, vectors in zip(passages, sentence_vectors):
        prior = 1.0 / passage.rank ** 0.5
        for sentence, vec in zip(passage.chunk.sentences, vectors):
            rel = (
                W_DENSE * float(vec @ query_vec)
                + W_LEXICAL * weights.overlap(query_terms, sentence.text)
                + W_PASSAGE * prior
            )
            if shape.quantity and has_number(sentence.text):
                rel += W_SHAPE
            if shape.when and has_date(sentence.text):
                rel += W_SHAPE
            out.append(Candidate(passage, sentence, vec, rel))
    return out


def states_amount(candidates: list[Candidate], question: str, weights: TermWeights, match: AuthorityMatch) -> bool:
    """Whether a sentence (of the named authority, if any) gives an amount about the question's
    topic, i.e. states a number and shares most of the question's topic terms."""
    focus = weights.focus(weights.terms(question))
    named = {a.casefold() for a in match.known}
    for c in candidates:
        if named and (c.passage.chunk.authority or "").casefold() not in named:
            continue
        if has_count(c.sentence.text) and (not focus or weights.overlap(focus, c.sentence.text) >= 0.5):
            return True
    return False


def mmr(candidates: list[Candidate], n: int, lam: float, floor: float) -> list[Candidate]:
    """Up to ``n`` relevant, mutually non-redundant candidates (maximal marginal relevance)."""
    pool = [c for c in candidates if c.relevance >= floor]
    chosen: list[Candidate] = []
    while pool and len(chosen) < n:
        def gain(c: Candidate) -> float:
            redundancy = max((float(c.vector @ s.vector) for s in chosen), default=0.0)
            return lam * c.relevance - (1 - lam) * redundancy
        best = max(pool, key=gain)
        chosen.append(best)
        pool = [c for c in pool if c is not best and c.sentence.text != best.sentence.text]
    return chosen


def cite(lines: list[tuple[str, list[Candidate]]]) -> tuple[str, tuple[Citation, ...]]:
    """Answer text with ``[n]`` markers, and the citations they point to (numbered in order)."""
    numbers: dict[int, int] = {}  # chunk id -> n
    used: dict[int, list[Sentence]] = {}
    passages: dict[int, Passage] = {}
    out_lines = []
    for prefix, candidates in lines:
        parts = []
        for c in candidates:
            cid = c.passage.chunk.chunk_id
            if cid not in numbers:
                numbers[cid] = len(numbers) + 1
                passages[cid] = c.passage
            used.setdefault(cid, []).append(c.sentence)
            parts.append(f"{c.sentence.text} [{numbers[cid]}]")
        out_lines.append((f"{prefix}: " if prefix else "") + " ".join(parts))
    citations = []
    for cid, n in numbers.items():
        start = passages[cid].chunk.start
        ranges = sorted({(s.start - start, s.end - start) for s in used[cid]})
        citations.append(Citation(n, passages[cid], tuple(ranges)))
    return "\n".join(out_lines), tuple(citations)


def abstain(confidence: float = 0.0, reason: str | None = None) -> Composition:
    text = ABSTAIN_MESSAGE if not reason else f"{ABSTAIN_MESSAGE} {reason}"
    return Composition(text, True, (), confidence)


def compose(question: str, query_vec: np.ndarray, passages: list[Passage], sentence_vectors: list[np.ndarray],
            match: AuthorityMatch, shape: QuestionShape, weights: TermWeights, settings: Settings,
            score_passages: list[Passage] | None = None) -> Composition:
    """The answer to ``question`` from ``passages`` (with their sentence vectors), or an abstention."""
    if match.only_unknown:
        names = ", ".join(match.unknown)
        return abstain(reason=f"There is no report for {names} in this index.")
    if shape.score and score_passages:
        return _score_answer(score_passages, match)
    candidates = score_candidates(passages, sentence_vectors, query_vec, question, shape, weights)
    if not candidates:
        return abstain()
    best = max(c.relevance for c in candidates)
    if best < settings.abstain_threshold:
        return abstain(best)
    if shape.count and not shape.comparative and not states_amount(candidates, question, weights, match):
        return abstain(best)
    if shape.comparative:
        return _comparative_answer(candidates, best, match, settings, question, weights)
    floor = max(settings.abstain_threshold, best - 0.12)
    seeds = mmr(candidates, settings.max_answer_sentences, settings.mmr_lambda, floor)
    chosen = with_continuations(seeds, candidates, question, weights, settings.max_answer_sentences)
    labels = {c.passage.chunk.label for c in chosen}
    named = {a.casefold() for a in match.known}
    lines: list[tuple[str, list[Candidate]]] = []
    for c in chosen:
        label = c.passage.chunk.label
        prefix = "" if (label.casefold() in named or len(labels) == 1 and named) else label
        if lines and lines[-1][0] == prefix:
            lines[-1][1].append(c)
        else:
            lines.append((prefix, [c]))
    text, citations = cite(lines)
    return Composition(text, False, citations, best)


def restates(sentence: str, question: str, weights: TermWeights) -> bool:
    """Whether a sentence mostly repeats the question's words (the answer then tends to follow it)."""
    return weights.overlap(weights.content(weights.terms(question)), sentence) >= 0.6


def with_continuations(seeds: list[Candidate], candidates: list[Candidate], question: str,
                       weights: TermWeights, limit: int) -> list[Candidate]:
    """The chosen sentences, each preceded by the sentence before it when it continues that one
    ("They felt this left...") and followed by the next one of its paragraph when that one
    elaborates ("For example...", "This included...") or the chosen one only restates the question."""
    following, preceding = {}, {}
    for a, b in zip(candidates, candidates[1:]):
        if a.passage.chunk.chunk_id == b.passage.chunk.chunk_id:
            following[id(a)], preceding[id(b)] = b, a
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for i, seed in enumerate(seeds):
        before = preceding.get(id(seed)) if i == 0 and ELABORATION.match(seed.sentence.text) else None
        after = following.get(id(seed))
        if after is not None and not (ELABORATION.match(after.sentence.text) or restates(seed.sentence.text, question, weights)):
            after = None
        for c in (before, seed, after):
            if c is None or len(out) >= limit:
                continue
            key = (c.passage.chunk.chunk_id, c.sentence.start)
            if key not in seen:
                seen.add(key)
                out.append(c)
        if len(out) >= limit:
            break
    return out


def _comparative_answer(candidates: list[Candidate], best: float, match: AuthorityMatch,
                        settings: Settings, question: str, weights: TermWeights) -> Composition:
    """One line per authority with evidence, each cited; strongest evidence first. An authority
    has evidence when its best sentence is nearly as relevant as the best overall, or shares most
    of the question's topic terms."""
    focus = weights.focus(weights.terms(question))
    by_label: dict[str, list[Candidate]] = {}
    for c in candidates:
        by_label.setdefault(c.passage.chunk.label, []).append(c)
    named = {a.casefold() for a in match.known}
    floor = max(settings.abstain_threshold, best - 0.2)
    lines = []
    for label, group in by_label.items():
        top = max(group, key=lambda c: c.relevance)
        if top.relevance >= floor or label.casefold() in named and top.relevance >= settings.abstain_threshold:
            lines.append((top.relevance, label, top))
            continue
        on_topic = [c for c in group if focus and c.relevance >= settings.abstain_threshold
                    and weights.overlap(focus, c.sentence.text) >= 0.6]
        if on_topic:
            best_on_topic = max(on_topic, key=lambda c: c.relevance)
            lines.append((best_on_topic.relevance, label, best_on_topic))
    lines.sort(key=lambda x: -x[0])
    text, citations = cite([(label, [c]) for _, label, c in lines])
    return Composition(text, False, citations, best)


def _score_answer(score_passages: list[Passage], match: AuthorityMatch) -> Composition:
    """The score from each report's own score line (all reports, or those named)."""
    named = {a.casefold() for a in match.known}
    chosen = [p for p in score_passages if not named or (p.chunk.authority or "").casefold() in named]
    lines = []
    for p in chosen:
        score_line = p.chunk.sentences[0]
        lines.append((p.chunk.label, [Candidate(p, score_line, np.zeros(1, dtype=np.float32), 1.0)]))
    if not lines:
        return abstain()
    text, citations = cite(lines)
    return Composition(text, False, citations, 1.0)
