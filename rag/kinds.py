"""Kinds of thing that adult social care reports count separately and a question can confuse: a
social worker is not an occupational therapist, a Care Act assessment is not a carers' assessment,
home care is not nursing care, a median wait is not the longest one, an overspend is not a saving.

A figure given for one kind does not answer a question about another of the same family. The
families and their wordings are shipped in ``rag/data/kinds.csv`` (domain vocabulary, one row a kind, its wordings as regular expressions separated by ";").
"""

from __future__ import annotations

import csv
import functools
import re

from .config import DATA_DIR


@functools.lru_cache(maxsize=1)
def families() -> dict[str, tuple[tuple[str, re.Pattern], ...]]:
    """Family → (kind, pattern) of every shipped kind; acronyms match only in capitals."""
    out: dict[str, list[tuple[str, re.Pattern]]] = {}
    with open(DATA_DIR / "kinds.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            words = [w if w.isupper() or w[:-1].isupper() else f"(?i:{w})" for w in row["wordings"].split(";")]
            out.setdefault(row["family"], []).append((row["kind"], re.compile(rf"\b(?:{'|'.join(words)})\b")))
    return {family: tuple(kinds) for family, kinds in out.items()}


@functools.lru_cache(maxsize=4096)
def kinds_named(text: str) -> dict[str, frozenset[str]]:
    """Family → the kinds of it that ``text`` names (remembered: a question is checked against every
    candidate sentence, and the same sentences come back for many questions). Do not change the result."""
    out: dict[str, frozenset[str]] = {}
    for family, kinds in families().items():
        named = frozenset(kind for kind, pattern in kinds if pattern.search(text))
        if named:
            out[family] = named
    return out


def other_kind(sentence: str, question: str) -> tuple[str, str] | None:
    """(kind asked about, kind the sentence names instead) when the sentence speaks only of another
    kind of the same family ("social worker vacancy rate" for "vacancy rate for occupational
    therapists"), else None."""
    asked = kinds_named(question)
    if not asked:
        return None
    given = kinds_named(sentence)
    for family, kinds in asked.items():
        if family in given and not kinds & given[family]:
            return sorted(kinds)[0], sorted(given[family])[0]
    return None
