"""Plain words people ask with and the words the reports use for the same thing ("learning
difficulties" / "learning disabilities", "paying for care" / "financial assessment"), shipped in
``rag/data/lay_terms.csv`` (each row: a regular expression for the plain wording, then the report's
wordings separated by ";"). Both searches look for both, so a plainly worded question still finds the
report's sentence; answers are never changed by it.
"""

from __future__ import annotations

import csv
import functools
import re

from .config import DATA_DIR


@functools.lru_cache(maxsize=1)
def lay_terms() -> tuple[tuple[re.Pattern, tuple[str, ...]], ...]:
    """(plain wording, report wordings) of every shipped row."""
    with open(DATA_DIR / "lay_terms.csv", encoding="utf-8", newline="") as f:
        return tuple((re.compile(rf"\b(?:{row['plain']})\b", re.IGNORECASE),
                      tuple(w.strip() for w in row["report"].split(";") if w.strip()))
                     for row in csv.DictReader(f))


def report_words(text: str) -> list[str]:
    """The report's wordings for the plain words in ``text`` that it does not already use."""
    return list(_report_words(text))


@functools.lru_cache(maxsize=256)
def _report_words(text: str) -> tuple[str, ...]:
    """:func:`report_words`, read once per question: the answer checks ask it again for every sentence scored."""
    folded = text.casefold()
    out: list[str] = []
    for pattern, wordings in lay_terms():
        if pattern.search(text):
            out.extend(w for w in wordings if w.casefold() not in folded and w not in out)
    return tuple(out)


@functools.lru_cache(maxsize=256)
def in_report_words(text: str) -> str:
    """``text`` with each plain wording replaced by the report's wordings ("queuing" by "waiting; waits;
    backlog"): what a question is about, with none of its own plain words left over (read once per question:
    the answer checks ask it again)."""
    for pattern, wordings in lay_terms():
        text = pattern.sub(f" {' '.join(wordings)} ", text)
    return text


def with_report_words(text: str) -> str:
    """``text`` followed by the report's wordings for its plain words (for both searches)."""
    extra = report_words(text)
    return f"{text} ({'; '.join(extra)})" if extra else text
