"""Acronyms of adult social care (shipped list plus "Long Form (LF)" pairs found in the corpus).

Lexical search misses "SARs" when a question says "Safeguarding Adult Reviews", and the other way
round; adding the other form to both sides closes that gap.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable

from .config import DATA_DIR

_DEFINED = re.compile(r"((?:[A-Z][\w'-]*\s+(?:(?:of|and|for|the|in|on|to|&)\s+)*){1,7})\(([A-Z][A-Za-z]{1,7})\)")


@functools.lru_cache(maxsize=1)
def shipped() -> dict[str, str]:
    with open(DATA_DIR / "glossary.csv", encoding="utf-8", newline="") as f:
        return {row["acronym"]: row["expansion"] for row in csv.DictReader(f)}


def _initials_match(acronym: str, words: list[str]) -> bool:
    letters = [w[0].upper() for w in words if w[0].isupper()]
    return "".join(letters).endswith(acronym.rstrip("s").upper())


def defined_in(texts: Iterable[str]) -> dict[str, str]:
    """Acronyms defined in the texts as "Long Form (LF)" whose initials match."""
    found: dict[str, str] = {}
    for text in texts:
        for m in _DEFINED.finditer(text):
            words, acronym = m.group(1).split(), m.group(2)
            letters = len(acronym.rstrip("s"))
            caps = [i for i, w in enumerate(words) if w[0].isupper()]
            if len(caps) >= letters and _initials_match(acronym, words):
                found.setdefault(acronym, " ".join(words[caps[-letters]:]))
    return found


class Glossary:
    """Maps acronyms to long forms and back, for query and passage expansion."""

    def __init__(self, pairs: dict[str, str]):
        self.pairs = dict(pairs)
        self._acronym = re.compile(r"\b(" + "|".join(map(re.escape, sorted(self.pairs, key=len, reverse=True))) + r")\b") if self.pairs else None
        self._long = {v.casefold(): k for k, v in self.pairs.items()}
        self._long_re = re.compile("|".join(re.escape(v) for v in sorted(self._long, key=len, reverse=True)), re.IGNORECASE) if self._long else None

    @classmethod
    def for_corpus(cls, texts: Iterable[str]) -> "Glossary":
        return cls({**defined_in(texts), **shipped()})

    def expansions(self, text: str) -> list[str]:
        """The other form of every acronym or long form in ``text`` (not already present)."""
        out: list[str] = []
        folded = text.casefold()
        if self._acronym:
            for m in self._acronym.finditer(text):
                long = self.pairs[m.group(1)]
                if long.casefold() not in folded and long not in out:
                    out.append(long)
        if self._long_re:
            for m in self._long_re.finditer(text):
                short = self._long[m.group(0).casefold()]
                if not re.search(rf"\b{re.escape(short)}\b", text) and short not in out:
                    out.append(short)
        return out

    def with_long_forms(self, text: str) -> str:
        """``text`` with each acronym's long form written before it ("HMP Grendon" → "His Majesty's Prison (HMP)
        Grendon"): a name then says what kind of thing it is."""
        if not self._acronym:
            return text
        return self._acronym.sub(lambda m: f"{self.pairs[m.group(1)]} ({m.group(1)})", text)

    def expand(self, text: str) -> str:
        extra = self.expansions(text)
        return f"{text} ({'; '.join(extra)})" if extra else text
