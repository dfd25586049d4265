"""A council the question describes rather than names ("the port city on the north bank of the Humber", "the
coastal city council in south-east Essex"): the one council whose overview passages hold the description's words.

Questions about one council often name it by what its report says of its area. The reports' overview passages
("About <council>", the facts, the summary) say where each council is and what kind of place it is: a
description most of whose rare words one council's overview holds, and no other council's nearly as many, refers
to that council.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Chunk

#: A description of a council or its area: "the" and up to five words before a council or place word, and what
#: follows it ("in south-east Essex", "on the north bank of the Humber") up to the end of the clause.
_DESCRIBED = re.compile(
    r"\bthe\s+(?P<before>(?:[\w'’-]+\s+){0,5}?)(?:council|authority|borough|city|county|town|unitary)\b"
    r"(?P<after>(?:\s+(?:council|authority))?(?:\s+(?:in|on|of|by|near|beside|covering|serving|with|at)\s+[^,?;:!()]{2,80})?)",
    re.IGNORECASE)
#: Chunk kinds that describe a council as a whole (the overview's "About" part, its facts, the overall summary).
OVERVIEW_KINDS = ("overview", "facts", "summary")


@dataclass(frozen=True)
class Description:
    """A council a question describes (``council``), and where the description stands in the question (``span``)."""

    council: str
    span: tuple[int, int]


def overview_texts(chunks: list[Chunk]) -> dict[str, str]:
    """Each council's overview passages as one text (chunks of :data:`OVERVIEW_KINDS`; unnamed reports left out)."""
    out: dict[str, list[str]] = {}
    for c in chunks:
        if c.council and c.kind in OVERVIEW_KINDS:
            out.setdefault(c.label, []).append(c.text)
    return {label: "\n".join(texts) for label, texts in out.items()}


def described_council(question: str, overviews: dict[str, str], weights, min_terms: int, share: float,
                      rare_share: float) -> Description | None:
    """The council a phrase of the question describes: at least ``min_terms`` of the phrase's rare topic words (in
    at most ``rare_share`` of passages: "Humber", "coastal", not "people"), and ``share`` of them, are in that
    council's overview passages, and twice as many as in any other council's."""
    for m in _DESCRIBED.finditer(question):
        terms = frozenset(t for t in weights.focus(weights.terms(f"{m.group('before')} {m.group('after')}"))
                          if weights.df.get(t, 0) <= rare_share * weights.n)
        if len(terms) < min_terms:
            continue
        held = sorted(((len(terms & weights.terms(text)), label) for label, text in overviews.items()), reverse=True)
        if not held:
            return None
        best, label = held[0]
        runner_up = held[1][0] if len(held) > 1 else 0
        if best >= min_terms and best >= share * len(terms) and best >= 2 * runner_up:
            return Description(label, (m.start(), described_up_to(m, terms & weights.terms(overviews[label]), weights)))
    return None


def described_up_to(m: re.Match, held: frozenset[str], weights) -> int:
    """Where the description ends: at the last word after the place word that the overview holds ("the coastal
    county with an older *population* | support"), or at the place word when none after it is."""
    end = m.start("after")
    for word in re.finditer(r"[\w'’-]+", m.group("after")):
        if weights.terms(word.group(0)) & held:
            end = m.start("after") + word.end()
    return end
