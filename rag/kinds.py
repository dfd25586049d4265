"""Kinds of thing that adult social care reports count separately and a question can confuse: a
social worker is not an occupational therapist, a Care Act assessment is not a carers' assessment,
home care is not nursing care, a median wait is not the longest one, an overspend is not a saving.

A figure given for one kind does not answer a question about another of the same family, nor one
given only under the family's plain word ("an assessment", "complaints") for a narrower kind ("a
carers' assessment", "upheld complaints"). The families and their wordings are shipped in
``rag/data/kinds.csv`` (domain vocabulary, one row a kind, its wordings as regular expressions
separated by ";"; the kind ``*`` marks a family's plain word).
"""

from __future__ import annotations

import csv
import functools
import re

from .config import DATA_DIR

#: The kind column of a family's plain word, which names no kind of it ("an assessment", "staff").
PLAIN = "*"
#: Kinds that a family's plain word means when a report gives no other: "an assessment" is a Care Act one.
_PLAIN_MEANS = {"Care Act assessment"}


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, str, re.Pattern], ...]:
    """(family, kind, pattern) of every shipped row; acronyms match only in capitals."""
    out = []
    with open(DATA_DIR / "kinds.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            words = [w if w.isupper() or w[:-1].isupper() else f"(?i:{w})" for w in row["wordings"].split(";")]
            out.append((row["family"], row["kind"], re.compile(rf"\b(?:{'|'.join(words)})\b")))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def families() -> dict[str, tuple[tuple[str, re.Pattern], ...]]:
    """Family → (kind, pattern) of every shipped kind (not the plain words)."""
    out: dict[str, list[tuple[str, re.Pattern]]] = {}
    for family, kind, pattern in _rows():
        if kind != PLAIN:
            out.setdefault(family, []).append((kind, pattern))
    return {family: tuple(kinds) for family, kinds in out.items()}


@functools.lru_cache(maxsize=1)
def plain_words() -> dict[str, re.Pattern]:
    """Family → the pattern of its plain word ("assessment", "staff"), for families that have one."""
    return {family: pattern for family, kind, pattern in _rows() if kind == PLAIN}


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
    return plain_instead(sentence, asked, given)


def plain_instead(sentence: str, asked: dict[str, frozenset[str]], given: dict[str, frozenset[str]]) -> tuple[str, str] | None:
    """(kind asked about, the family's plain word) when the sentence speaks of the family only in its plain
    word and that does not mean the kind asked about: "the median wait for an assessment" is not the
    wait for a carers' or an occupational therapy assessment, though it is the wait for a Care Act one."""
    for family, kinds in asked.items():
        plain = plain_words().get(family)
        if family in given or plain is None or kinds & _PLAIN_MEANS:
            continue
        found = plain.search(sentence)
        if found:
            return sorted(kinds)[0], found.group(0)
    return None
