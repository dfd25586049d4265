"""Every gold set in eval/ is well formed: known types, unanswerable questions without answers or
evidence, and every evidence quote an exact substring of its document as the system reads it."""

import json

import pytest

from rag.corpus import load_corpus
from tests.helpers import FIXTURE_REPORTS, PROJECT_ROOT, SEEDS

TYPES = {"factoid", "descriptive", "paraphrase", "authority-specific", "comparative", "unanswerable"}
FOLDERS = (SEEDS, FIXTURE_REPORTS, *(PROJECT_ROOT / "tests" / "fixtures" / f
                                     for f in ("heldout-reports", "heldout3-reports", "heldout4-reports", "heldout5-reports",
                                               "heldout6-reports", "heldout7-reports", "heldout8-reports", "heldout9-reports",
                                               "heldout10-reports", "heldout11-reports", "heldout12-reports",
                                               "heldout13-reports", "heldout14-reports", "heldout15-reports",
                                               "heldout16-reports", "heldout18-reports", "heldout17-reports",
                                               "heldout19-reports", "heldout20-reports", "heldout21-reports",
                                               "heldout22-reports", "heldout23-reports", "heldout24-reports",
                                               "heldout25-reports",
                                               "heldout26-reports", "heldout27-reports", "heldout28-reports",
                                               "heldout29-reports", "heldout30-reports", "heldout31-reports",
                                               "heldout32-reports", "heldout33-reports", "heldout34-reports",
                                               "heldout35-reports", "heldout36-reports", "heldout37-reports",
                                               "heldout38-reports", "heldout39-reports", "heldout40-reports",
                                               "heldout41-reports", "heldout42-reports", "heldout43-reports",
                                               "heldout44-reports", "heldout45-reports", "heldout46-reports",
                                               "heldout47-reports")))
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
