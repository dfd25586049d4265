"""Recognise local authority names in a question ("Telford", "LB Ealing", "hounslow council").

Names come from the corpus and from the shipped list of English councils with adult social care
duties (``rag/data/councils.csv``), so that a council outside the corpus ("Camden") is recognised
as such and the answer can abstain instead of answering from another council.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .config import DATA_DIR

#: Council names that are also ordinary words: matched only when capitalised.
_COMMON_WORDS = {"reading", "bury", "bath", "hull", "poole", "kent", "sutton", "halton", "derby", "wigan"}
_GENERIC_COUNCIL = re.compile(
    r"\b(?:(?:London |Royal )?Borough of|City of|County of)\s+([A-Z][\w'-]+(?:\s+(?:and|upon|on|&)?\s*[A-Z][\w'-]+)*)"
    r"|\b([A-Z][\w'-]+(?:\s+(?:and|upon|on|&)\s+[A-Z][\w'-]+|\s+[A-Z][\w'-]+)*)\s+(?:County |Borough |City |District |Metropolitan Borough )?Council\b"
)


def normalise(text: str) -> str:
    """Case-folded, '&' as 'and', single spaces, curly apostrophes straightened."""
    text = text.replace("&", " and ").replace("’", "'").replace("-", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass(frozen=True)
class AuthorityMatch:
    known: tuple[str, ...] = ()  # corpus authorities named in the question
    unknown: tuple[str, ...] = ()  # councils named that have no report in the corpus

    @property
    def only_unknown(self) -> bool:
        return bool(self.unknown) and not self.known


@functools.lru_cache(maxsize=1)
def english_councils() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(name, aliases) of every English council with adult social care duties."""
    path = DATA_DIR / "councils.csv"
    with open(path, encoding="utf-8", newline="") as f:
        return tuple(
            (row["name"].strip(), tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()))
            for row in csv.DictReader(f)
        )


class AuthorityMatcher:
    """Finds corpus and non-corpus council names in free text."""

    def __init__(self, corpus_authorities: Iterable[str], councils: Iterable[tuple[str, tuple[str, ...]]] | None = None):
        councils = english_councils() if councils is None else tuple(councils)
        self.corpus = {normalise(a): a for a in corpus_authorities if a}
        variants: dict[str, str] = {}  # normalised variant -> canonical name
        for name, aliases in councils:
            canonical = self.corpus.get(normalise(name), name)
            for v in (name, *aliases):
                variants.setdefault(normalise(v), canonical)
        for key, name in self.corpus.items():
            variants[key] = name
        self._variants = variants
        alternation = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
        self._pattern = re.compile(rf"(?<![\w]){'(?:' + alternation + ')'}(?![\w])") if variants else None

    def find(self, question: str) -> AuthorityMatch:
        known: list[str] = []
        unknown: list[str] = []
        text = normalise(question)

        def add(name: str) -> None:
            target = known if normalise(name) in self.corpus else unknown
            if name not in target:
                target.append(name)

        if self._pattern:
            for m in self._pattern.finditer(text):
                variant = m.group(0)
                if variant in _COMMON_WORDS and not re.search(rf"\b{re.escape(variant.capitalize())}\b", question):
                    continue
                add(self._variants[variant])
        for m in _GENERIC_COUNCIL.finditer(question):
            name = re.sub(r"(\s+(County|Borough|City|District|Metropolitan))+$", "", (m.group(1) or m.group(2) or "").strip())
            key = normalise(name)
            if not key or key in self._variants or any(key.endswith(" " + v) or key.startswith(v + " ") for v in self._variants):
                continue
            if key.split()[0] in {"the", "a", "which", "what", "each", "every", "local", "county", "our", "this", "that"}:
                continue
            add(name)
        return AuthorityMatch(tuple(known), tuple(unknown))
