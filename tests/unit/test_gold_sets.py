"""Every gold set in eval/ is well formed: known types, unanswerable questions without answers or
evidence, and every evidence quote an exact substring of its document as the system reads it."""

import json

import pytest

from rag.corpus import load_corpus
from tests.helpers import FIXTURE_REPORTS, PROJECT_ROOT, SEEDS

TYPES = {"factoid", "descriptive", "paraphrase", "authority-specific", "comparative", "unanswerable"}
FOLDERS = (SEEDS, FIXTURE_REPORTS, *sorted((PROJECT_ROOT / "tests" / "fixtures").glob("heldout*-reports")))
SETS = sorted((PROJECT_ROOT / "eval").glob("*.jsonl"))


@pytest.fixture(scope="module")
def texts():
    out = {}
    for folder in FOLDERS:
        for d in load_corpus(folder).documents:
            out.setdefault(d.doc_id, d.text)
    return out


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_gold_set_is_well_formed(path, texts):
    ids = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        g = json.loads(line)
        where = f"{path.name}:{n}"
        assert g["id"] not in ids and g["type"] in TYPES and g["question"].strip(), where
        ids.add(g["id"])
        assert (g["type"] == "unanswerable") == (not g["answers"]) == (not g["evidence"]), where
        for e in g["evidence"]:
            assert e["doc"] in texts and e["quote"] in texts[e["doc"]], (where, e["quote"])
