"""A BM25 index is built without loading numba, and is the same index bm25s builds with numba loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from rag.config import PROJECT_ROOT

TEXTS = [
    "Safeguarding Adult Reviews (SARs) were completed on time by the council.",
    "Carers told us that waiting lists for assessments were long.",
    "The council worked with health partners to support hospital discharge.",
    "Occupational therapists (OTs) reviewed equipment needs within 28 days.",
    "",
    "Waiting times for Deprivation of Liberty Safeguards assessments were long.",
]

#: Builds the index of TEXTS in a new interpreter and prints its saved arrays and what was imported.
BUILD = f"""
import json, sys
{{preload}}
from rag.lexical import LexicalIndex
index = LexicalIndex.build({TEXTS!r})
import bm25s
s = index._bm25.scores
print(json.dumps({{{{"numba": "numba" in sys.modules, "numba_available": bm25s.NUMBA_AVAILABLE,
                  "vocab": index._bm25.vocab_dict, "data": s["data"].tolist(),
                  "indices": s["indices"].tolist(), "indptr": s["indptr"].tolist()}}}}))
"""


def build_in_fresh_process(preload: str = "") -> dict:
    """The saved BM25 arrays of TEXTS built in a new interpreter (same hash seed, so the same vocabulary order)."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(PROJECT_ROOT)}
    r = subprocess.run([sys.executable, "-c", BUILD.format(preload=preload)], capture_output=True, text=True,
                       timeout=120, env=env, cwd=PROJECT_ROOT)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_build_leaves_numba_unloaded_and_equals_the_index_built_with_numba():
    pytest.importorskip("numba")
    without = build_in_fresh_process()
    with_numba = build_in_fresh_process("import numba")
    assert (without["numba"], without["numba_available"]) == (False, False)
    assert (with_numba["numba"], with_numba["numba_available"]) == (True, True)
    for key in ("vocab", "data", "indices", "indptr"):
        assert without[key] == with_numba[key], key
    assert len(without["data"]) > 20


def test_numba_still_imports_after_bm25s_was_imported_without_it():
    pytest.importorskip("numba")
    code = ("import sys; from rag.lexical import _import_bm25s; b = _import_bm25s(); import numba; "
            "print(b.NUMBA_AVAILABLE, type(sys.modules['numba']).__name__)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}, cwd=PROJECT_ROOT)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["False", "module"]


def test_past_forms_are_searched_as_their_verbs():
    from rag.lexical import tokenize

    assert tokenize(["It overspent by £2m."])[0][0] == tokenize(["How much did it overspend?"])[0][-1]
    assert tokenize(["spent"]) == tokenize(["spend"]) and tokenize(["underspent"]) == tokenize(["underspend"])


def test_a_provider_is_not_searched_as_what_was_provided():
    from rag.lexical import tokenize

    assert tokenize(["providers"]) == tokenize(["provider"])
    assert tokenize(["provider"]) != tokenize(["provided"])
    assert tokenize(["provides"]) == tokenize(["provided"])  # the verb's forms still meet
