"""Every gold set in eval/ is well formed: known types, unanswerable questions without answers or
evidence, and every evidence quote an exact substring of its document as the system reads it (in the set's own
folder: file names such as "download (12).pdf" recur across folders)."""

import json
import re

import pytest

from rag.corpus import load_corpus
from tests.helpers import FIXTURE_REPORTS, PROJECT_ROOT, SEEDS

TYPES = {"factoid", "descriptive", "paraphrase", "authority-specific", "comparative", "unanswerable"}
FOLDERS = (SEEDS, FIXTURE_REPORTS, *sorted((PROJECT_ROOT / "tests" / "fixtures").glob("heldout*-reports")))
SETS = sorted((PROJECT_ROOT / "eval").glob("*.jsonl"))


@pytest.fixture(scope="module")
def texts():
    """File name → {folder name: text as read}."""
    out: dict[str, dict[str, str]] = {}
    for folder in FOLDERS:
        for d in load_corpus(folder).documents:
            out.setdefault(d.doc_id, {})[folder.name] = d.text
    return out


def own_folder(path) -> str | None:
    """The folder of a numbered set's pages ("heldout62.jsonl", "nearmiss25.jsonl" → "heldout62-reports", …)."""
    m = re.fullmatch(r"(?:heldout|nearmiss)(\d+)", path.stem)
    return f"heldout{m.group(1)}-reports" if m else None


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
            named = texts.get(e["doc"], {})
            own = own_folder(path)
            read = [named[own]] if own in named else list(named.values())  # heldout2 spans two folders
            assert read and any(e["quote"] in text for text in read), (where, e["quote"])
