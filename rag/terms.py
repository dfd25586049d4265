"""Term statistics of the indexed passages: which question words name a topic, and how much of a
question's topic a sentence holds (IDF-weighted overlap of stemmed terms)."""

from __future__ import annotations

import math
import re

from .glossary import Glossary
from .lexical import tokenize
from .records import Chunk

#: Words that shape a question but name no topic ("how many", "did", "currently").
QUESTION_WORDS = (
    "how many much what which who whom whose when where why is are was were be been do does did done has have had "
    "can could should would will may might must shall any some there their they them it its this that these those "
    "a an the of in on at to for from by with about into over after before as and or not no yes get got give given "
    "during since until within throughout among amongst across than "
    "tell say said currently current recent recently ever still also please report reports record recorded "
    "council councils authority authorities local london borough county city district metropolitan royal "
    "cqc commission inspector inspectors"
)
_QUESTION_WORD_SET = frozenset(QUESTION_WORDS.split())


def only_question_words(text: str) -> bool:
    """Whether ``text`` holds no word but those that shape a question ("where is", "what about the"): it names no topic."""
    return all(word in _QUESTION_WORD_SET for word in re.findall(r"[a-z]+", re.sub(r"['’]s\b", "", text.casefold())))


#: Terms in more than this share of passages are too common to pick out a topic.
COMMON_TERM_SHARE = 0.5
#: Weight of a question term the corpus never uses (another wording: weak evidence either way).
UNSEEN_TERM_WEIGHT = 0.5
_CACHE_MAX = 200_000


def document_frequencies(texts: list[str]) -> dict[str, int]:
    """How many of ``texts`` hold each stemmed term (what :class:`TermWeights` weighs terms by)."""
    df: dict[str, int] = {}
    for tokens in tokenize(texts) if texts else []:
        for t in set(tokens):
            df[t] = df.get(t, 0) + 1
    return df


class TermWeights:
    """Inverse document frequency of stemmed terms over the retrievable passages."""

    def __init__(self, chunks: list[Chunk], names: list[str] = (), glossary: Glossary | None = None,
                 df: dict[str, int] | None = None):
        """``df``: the passages' document frequencies when already known (stored with the index at build
        time), so that the passages need not be read; else they are counted from ``chunks``."""
        self.n = max(len(chunks), 1)
        self.df = document_frequencies([c.text for c in chunks]) if df is None else df
        self._cache: dict[str, frozenset[str]] = {}
        self.names = frozenset(tokenize([" ".join(names)])[0]) if names else frozenset()
        self.question_words = frozenset(tokenize([QUESTION_WORDS])[0]) | frozenset(QUESTION_WORDS.split())
        self.glossary = glossary or Glossary({})

    def idf(self, term: str) -> float:
        return math.log(1.0 + self.n / (1.0 + self.df.get(term, 0)))

    def terms(self, text: str) -> frozenset[str]:
        """Stemmed terms of ``text`` and of the other forms of its acronyms that the passages use ("adult social
        care" brings "asc" only where a passage says "ASC": a form no passage uses matches nothing, and would
        only weigh against every sentence)."""
        cached = self._cache.get(text)
        if cached is None:
            own = tokenize([text])[0]
            cached = frozenset(own) | frozenset(t for t in tokenize([self.glossary.expand(text)])[0] if t in self.df)
            if len(self._cache) < _CACHE_MAX:
                self._cache[text] = cached
        return cached

    def content(self, terms: frozenset[str]) -> frozenset[str]:
        """The terms that say what is asked about: not council names, not question words."""
        return frozenset(t for t in terms if t not in self.names and t not in self.question_words)

    def focus(self, terms: frozenset[str]) -> frozenset[str]:
        """Content terms that pick out a topic: not numbers, not in most passages."""
        return frozenset(t for t in self.content(terms)
                         if not t.isdigit() and self.df.get(t, 0) <= COMMON_TERM_SHARE * self.n)

    def uses(self, word: str) -> bool:
        """Whether the passages use a word (in any of its forms)."""
        terms = self.terms(word)
        return bool(terms) and all(t in self.df for t in terms)

    def weight(self, term: str) -> float:
        """IDF, lowered for words the corpus never uses (a different wording, weak evidence)."""
        return self.idf(term) * (UNSEEN_TERM_WEIGHT if term not in self.df else 1.0)

    def overlap(self, query_terms: frozenset[str], text: str) -> float:
        """Weighted share of the question's terms found in ``text`` (0..1)."""
        if not query_terms:
            return 0.0
        total = sum(self.weight(t) for t in query_terms)
        found = sum(self.weight(t) for t in query_terms & self.terms(text))
        return found / total if total else 0.0
