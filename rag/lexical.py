"""BM25 over the contextual chunk texts (bm25s, English stemming and stop words).

Indexes are built and saved by bm25s. Questions are analysed and scored without importing bm25s
(its imports, numba and scipy among them, cost ~0.4 s of every cold ``rag ask``): the same analysis
(:func:`tokenize`) and bm25s's own numpy scoring over the saved arrays (:class:`SavedBM25`). A build
imports bm25s without numba (:func:`_import_bm25s`).
"""

from __future__ import annotations

import functools
import json
import re
import sys
from pathlib import Path

import numpy as np

from .config import DATA_DIR

#: bm25s's token pattern (that of scikit-learn's CountVectorizer).
TOKEN = re.compile(r"(?u)\b\w\w+\b")
#: bm25s methods that add a non-occurrence term, which the saved arrays alone do not give.
_NEEDS_BM25S = ("bm25l", "bm25+")


def _import_bm25s():
    """bm25s, imported without numba when numba is not loaded yet: bm25s imports numba only for its
    optional JIT backends, which this module never selects, and that import costs ~0.1 s of CPU in
    every build (10x bm25s's own import); its numpy index and scores are the same either way."""
    if "numba" in sys.modules or "bm25s" in sys.modules:
        import bm25s

        return bm25s
    sys.modules["numba"] = None  # makes ``import numba`` fail, so bm25s takes its no-numba path
    try:
        import bm25s
    finally:
        if sys.modules.get("numba", 0) is None:
            del sys.modules["numba"]  # a later ``import numba`` (ranx) loads it as usual
    return bm25s


@functools.lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """English stop words (bm25s's list, shipped as data so that questions are analysed without bm25s)."""
    lines = (DATA_DIR / "stopwords_en.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in (line.strip() for line in lines) if w and not w.startswith("#"))


#: Past forms the stemmer leaves apart from their verb, which the reports use for the figure a question asks about
#: by the verb ("overspent by £6.7m" for "by how much did it overspend").
IRREGULAR_FORMS = {"spent": "spend", "overspent": "overspend", "underspent": "underspend"}


#: Nouns the stemmer folds into a verb of other meaning ("provider" and "provided" both to "provid"): kept apart,
#: since a home care provider is not what a council provided.
KEPT_APART = {"provider": "provider", "providers": "provider"}


def tokenize(texts: list[str]) -> list[list[str]]:
    """Lower-cased, stop-worded, stemmed tokens; the same analysis for documents and queries
    (what ``bm25s.tokenize(texts, stopwords="en", stemmer=<English>, return_ids=False)`` gives, with
    :data:`IRREGULAR_FORMS` stemmed as their verbs and :data:`KEPT_APART` as themselves)."""
    stop = stop_words()
    words = [[IRREGULAR_FORMS.get(w, w) for w in TOKEN.findall(t.lower()) if w not in stop] for t in texts]
    unique = list(dict.fromkeys(w for ws in words for w in ws))
    stems = dict(zip(unique, _stemmer().stemWords(unique))) if unique else {}
    stems.update((w, KEPT_APART[w]) for w in unique if w in KEPT_APART)
    return [[stems[w] for w in ws] for ws in words]


class SavedBM25:
    """A bm25s index as saved, scored as bm25s scores it with numpy (``get_scores``), without bm25s."""

    FILES = ("data.csc.index.npy", "indices.csc.index.npy", "indptr.csc.index.npy")

    def __init__(self, folder: Path, params: dict):
        folder = Path(folder)
        self.params = dict(params)
        self.vocab_dict: dict[str, int] = json.loads((folder / "vocab.index.json").read_text(encoding="utf-8"))
        data, indices, indptr = (np.load(folder / f, allow_pickle=False) for f in self.FILES)
        self.dtype = np.dtype(params.get("dtype", "float32"))
        self.int_dtype = np.dtype(params.get("int_dtype", "int32"))
        self.scores = {"data": data, "indices": indices, "indptr": indptr, "num_docs": int(params["num_docs"])}

    def get_scores(self, tokens: list[str]) -> np.ndarray:
        ids = np.asarray([self.vocab_dict[t] for t in tokens if t in self.vocab_dict], dtype=self.int_dtype)
        data, indices, indptr = self.scores["data"], self.scores["indices"], self.scores["indptr"]
        scores = np.zeros(self.scores["num_docs"], dtype=self.dtype)
        for start, end in zip(indptr[ids], indptr[ids + 1]):
            np.add.at(scores, indices[start:end], data[start:end])
        return scores

    def save(self, folder: str) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name, key in zip(self.FILES, ("data", "indices", "indptr")):
            np.save(folder / name, self.scores[key], allow_pickle=False)
        (folder / "vocab.index.json").write_text(json.dumps(self.vocab_dict, ensure_ascii=False), encoding="utf-8")
        (folder / "params.index.json").write_text(json.dumps(self.params, indent=4), encoding="utf-8")


class LexicalIndex:
    """A BM25 index whose document ids are chunk row numbers."""

    def __init__(self, bm25, size: int):
        self._bm25 = bm25
        self.size = size

    @classmethod
    def build(cls, texts: list[str]) -> "LexicalIndex":
        bm25 = _import_bm25s().BM25()
        bm25.index(tokenize(texts), show_progress=False)
        return cls(bm25, len(texts))

    def save(self, folder: Path) -> None:
        self._bm25.save(str(folder))

    @classmethod
    def load(cls, folder: Path, size: int) -> "LexicalIndex":
        params = json.loads((Path(folder) / "params.index.json").read_text(encoding="utf-8"))
        if params.get("method") not in _NEEDS_BM25S:
            return cls(SavedBM25(folder, params), size)
        bm25 = _import_bm25s().BM25.load(str(folder), mmap=False)
        return cls(bm25, size)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk for ``query`` (zeros when no query term is in the vocabulary)."""
        tokens = tokenize([query])[0]
        if not tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
