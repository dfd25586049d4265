"""Shared sample pages (written for these tests) and assertion helpers; imported by test modules."""

import re
from pathlib import Path

from rag.config import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"
FIXTURE_REPORTS = PROJECT_ROOT / "tests" / "fixtures" / "reports"
GOLD = PROJECT_ROOT / "eval" / "gold.jsonl"

STATEMENT_PAGE = """Fenwick Borough Council: local authority assessment

Published: 2 May 2025 Page last updated: 9 May 2025

Care provision, integration and continuity of care

Score 3

3 – Evidence shows a good standard

I can get care when I need it.

The local authority commitment:

We understand the care people need and make sure it is there.

Key findings for this quality statement

The council's home care framework had enough providers, and most people started their care within a week.

Staff told us that hand-offs between teams were smooth.
"""

WHOLE_REPORT = """Fenwick Borough Council: local authority assessment

Overall summary

Local authority rating and score

Requires improvement

58%

Quality statement scores

Assessing needs
Score: 2

Safeguarding
Score: 3

About the local authority

Demographics

- Population: 151,000
- Share aged over 65: 21%

Theme 1: How Fenwick works with people

Assessing needs

Score: 2

2 - Evidence shows some shortfalls

What people expect

I am listened to.

Key findings for this quality statement

People waited too long for assessments in 2024.

Theme 3: How Fenwick ensures safety within the system

Safeguarding

Score: 3

3 - Evidence shows a good standard

Key findings for this quality statement

Safeguarding concerns were triaged the same day.
"""


def assert_exact_offsets(doc_text: str, chunks) -> None:
    """Every passage and sentence reproduces its document's text at its offsets."""
    for c in chunks:
        assert doc_text[c.start : c.end] == c.text
        for s in c.sentences:
            assert doc_text[s.start : s.end] == s.text and c.start <= s.start < s.end <= c.end


def copy_seeds(dest: Path, *only: str) -> Path:
    """A writable copy of the seeds folder (documents and metadata), or of the documents named in ``only``."""
    dest.mkdir(parents=True, exist_ok=True)
    for p in SEEDS.iterdir():
        if p.is_file() and (not only or p.name in only):
            (dest / p.name).write_bytes(p.read_bytes())
    return dest


def answer_problems(d: object, docs: dict[str, str]) -> list[str]:
    """Ways ``d`` breaks the answer format of FORMATS.md (empty when it is well-formed)."""
    if not isinstance(d, dict):
        return [f"not an answer object: {type(d).__name__}"]
    missing = {"question", "answer", "abstained", "citations", "passages", "timings_ms"} - set(d)
    if missing:
        return [f"missing keys {sorted(missing)}"]
    bad: list[str] = []
    if not isinstance(d["answer"], str) or not d["answer"].strip():
        bad.append("empty answer text")
    if not isinstance(d["abstained"], bool):
        bad.append("abstained is not a bool")
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", d["answer"] or "")}
    ns = [c.get("n") for c in d["citations"]]
    if len(set(ns)) != len(ns):
        bad.append(f"duplicate citation numbers {ns}")
    if markers != set(ns):
        bad.append(f"markers {sorted(markers)} != citations {sorted(ns)}")
    if d["abstained"] and d["citations"]:
        bad.append("abstained but cites")
    if not d["abstained"] and not d["citations"]:
        bad.append("answered without citations")
    for where, items in (("citation", d["citations"]), ("passage", d["passages"])):
        for item in items:
            doc = docs.get(item.get("doc"))
            if doc is None:
                bad.append(f"{where} of unknown document {item.get('doc')!r}")
                continue
            start, end, text = item.get("start"), item.get("end"), item.get("text")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(doc)):
                bad.append(f"{where} offsets {start}:{end} out of range")
            elif doc[start:end] != text:
                bad.append(f"{where} text != {item['doc']}[{start}:{end}]")
            for a, b in item.get("highlights", []):
                if not 0 <= a < b <= len(text or ""):
                    bad.append(f"{where} highlight {a}:{b} outside its text")
                elif " ".join(text[a:b].split()) not in " ".join(d["answer"].split()):
                    bad.append(f"{where} highlight {a}:{b} is not quoted in the answer")
    return bad


class FakeEncoder:
    """A tiny deterministic encoder for unit tests: hashed word counts, L2-normalised (no model load).
    Texts sharing words get similar vectors, which is all the rules under test need."""

    model_id = "fake-hashed-words"
    weights_sha256 = ""
    dim = 64

    def __init__(self):
        self.encoded = 0

    def encode(self, texts, batch_size: int = 32, progress: bool = False):
        import hashlib

        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", str(text).casefold()):
                out[i, int(hashlib.md5(word.encode()).hexdigest()[:8], 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        self.encoded += len(texts)
        return out / np.where(norms == 0, 1.0, norms)


def fake_pipeline(documents_dir: Path, index_dir: Path):
    """A Pipeline over ``documents_dir`` built and queried with :class:`FakeEncoder`."""
    from rag.config import Settings
    from rag.indexer import build_index
    from rag.pipeline import Pipeline
    from rag.store import load_index

    encoder = FakeEncoder()
    settings = Settings(documents_dir=documents_dir, index_dir=index_dir, model=FakeEncoder.model_id)
    build_index(settings, encoder=encoder, progress=False)
    return Pipeline(load_index(index_dir), settings, encoder=encoder)
