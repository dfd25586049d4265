"""A council the question describes rather than names ("the port city on the north bank of the Humber", "the
coastal city council in south-east Essex"), or picks out by something it has or does ("the council whose practice
framework is called Strengths in Place"): the one council whose passages hold the description's words.

Questions about one council often name it by what its report says of its area. The reports' overview passages
("About <council>", the facts, the summary) say where each council is and what kind of place it is: a
description most of whose rare words one council's overview holds, and no other council's nearly as many, refers
to that council. A clause after the council word ("whose …", "with …") may speak of anything its report does, so it
is matched against all of each council's passages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Chunk

#: A description of a council or its area: "the" and up to five words before a council or place word, and what
#: follows it ("in south-east Essex", "on the north bank of the Humber") up to the end of the clause.
_DESCRIBED = re.compile(
    r"\bthe\s+(?P<before>(?:[\w'’-]+\s+){0,5}?)(?:council|authority|borough|city|county|town|unitary)\b"
    r"(?P<after>(?:\s+(?:council|authority))?(?:\s+(?:in|on|of|by|near|beside|covering|serving|with|at|made up of|"
    r"formed (?:of|from)|comprising|including|containing)\s+[^,?;:!()]{2,80})?)",
    re.IGNORECASE)
#: A council picked out by a clause after its word: "the council whose first contact is handled by the Front Door
#: Team", "the county council with the Village Agents scheme", "the London borough whose hub is in Tooting", "the
#: council area whose contact centre is called Onecall", "the council that works with Gypsy, Roma and Traveller
#: communities" (a comma inside a list of names).
_PICKED = re.compile(
    r"\bthe\s+(?P<before>(?:(?!(?:the|an?|for|of|in|at|to|on|by|with|from)\s)[\w'’-]+\s+){0,3}?)"
    r"(?:council|authority|borough|city|county)(?:\s+area)?\s+"
    r"(?P<after>(?:whose|with|that|which|where)\s+(?:[^,?;:!()]|,(?=\s+(?-i:[A-Z]))){2,100})", re.IGNORECASE)
#: Chunk kinds that describe a council as a whole (the overview's "About" part, its facts, the overall summary).
OVERVIEW_KINDS = ("overview", "facts", "summary")


@dataclass(frozen=True)
class Description:
    """A council a question describes (``council``), where the description stands in the question (``span``), where
    the words after its place word start (``after``: "the unitary council| covering the towns of Blackburn and
    Darwen"), and where the phrase it was found in ends (``phrase_end``)."""

    council: str
    span: tuple[int, int]
    after: int = 0
    phrase_end: int = 0


def overview_texts(chunks: list[Chunk]) -> dict[str, str]:
    """Each council's overview passages as one text (chunks of :data:`OVERVIEW_KINDS`; unnamed reports left out)."""
    return council_texts(chunks, OVERVIEW_KINDS)


def council_texts(chunks, kinds: tuple[str, ...] | None = None) -> dict[str, str]:
    """Each council's passages (of ``kinds``, else all) as one text, unnamed reports left out: what a description or
    a clause picking a council is matched against."""
    out: dict[str, list[str]] = {}
    for c in chunks:
        if c.council and (kinds is None or c.kind in kinds):
            out.setdefault(c.label, []).append(c.text)
    return {label: "\n".join(texts) for label, texts in out.items()}


@dataclass(frozen=True)
class CouncilTexts:
    """Each council's passages as one text, and the words of each (lower case), which rule out at once the councils
    whose passages cannot hold a phrase before any text is searched for it."""

    texts: dict[str, str]
    words: dict[str, frozenset[str]]

    @classmethod
    def of(cls, texts: dict[str, str]) -> "CouncilTexts":
        return cls(texts, {label: frozenset(re.findall(r"\w+", text.casefold())) for label, text in texts.items()})

    def holders(self, phrase: str, ignore_case: bool = False) -> list[str]:
        """The councils whose passages hold ``phrase`` as whole words (its words apart by spaces or hyphens)."""
        needed = set(re.findall(r"\w+", phrase.casefold()))
        found = re.compile(r"(?<!\w)" + r"[\s-]+".join(map(re.escape, phrase.split())) + r"(?!\w)",
                           re.IGNORECASE if ignore_case else 0)
        return [label for label, text in self.texts.items() if needed <= self.words[label] and found.search(text)]


def described_council(question: str, overviews: dict[str, str], weights, min_terms: int, share: float,
                      rare_share: float) -> Description | None:
    """The council a phrase of the question describes: at least ``min_terms`` of the phrase's rare topic words (in
    at most ``rare_share`` of passages: "Humber", "coastal", not "people"), and ``share`` of them, are in that
    council's overview passages, and twice as many as in any other council's."""
    return _matched(_DESCRIBED, question, overviews, weights, min_terms, share, rare_share)


def picked_council(question: str, texts: CouncilTexts, weights, min_terms: int, share: float,
                   rare_share: float) -> Description | None:
    """The council a clause after a council word picks out ("the council whose practice framework is called
    Strengths in Place"): the one whose passages (``texts``) alone hold a name the clause gives, when no other
    council's alone hold another (:func:`_named_in_one`); else as :func:`described_council`, against all of each
    council's passages."""
    return _named_in_one(question, texts) or _matched(_PICKED, question, texts.texts, weights, min_terms, share,
                                                      rare_share)


def placed_council(question: str, places: list[str], texts: CouncilTexts) -> Description | None:
    """The council whose passages alone hold a place the question names ("the new scheme in Uckfield"), where the
    place is not a word of a council's own name ("in Christchurch": part of "Bournemouth, Christchurch and Poole", whose
    figures are the whole area's); the place stays in the question (the span is where it is)."""
    for place in places:
        if any(place.casefold() in council.casefold() for council in texts.texts):
            continue
        holders = texts.holders(place)
        at = question.find(place)
        if len(holders) == 1 and at >= 0:
            return Description(holders[0], (at, at + len(place)))
    return None


#: A name in a clause: capitalised words, small joining words or a comma between them ("Strengths in Place", "Gareth
#: Linwood", "Gypsy, Roma and Traveller").
_NAME = re.compile(r"[A-Z][\w'’-]*(?:,?\s+(?:(?:of|in|and|for|the|on|at|&)\s+)?[A-Z][\w'’-]*)*")
#: Words after a name that say what kind of thing it names ("the Village Agents *scheme*", "Nepali and Gurkha
#: *communities*"): part of the clause.
NAME_KINDS = ("scheme", "programme", "program", "service", "team", "hub", "board", "project", "partnership",
              "framework", "pilot", "model", "network", "forum", "initiative", "centre", "panel", "communit(?:y|ie)",
              "group", "resident", "famil(?:y|ie)", "population")


#: A figure in a clause, and the word after it when that says what it counts ("a £136.5 million budget", "more
#: than 14 years"): a council's own figures pick it out as its names do.
_FIGURE = re.compile(r"(?P<figure>£?\d[\d,.]*\d|£?\d)(?:\s*(?:%|per cent|million|billion|bn|m|k)\b)?"
                     r"(?P<unit>\s+[a-z]+)?")


def _named_things(clause: str) -> list[re.Match]:
    """The names (:data:`_NAME`) and figures (:data:`_FIGURE`) a picking clause gives, in order."""
    return sorted([*_NAME.finditer(clause), *_FIGURE.finditer(clause)], key=lambda n: n.start())


def _named_in_one(question: str, texts: CouncilTexts) -> Description | None:
    """The council a picking clause names something of that only its passages hold ("whose Director of Adult
    Services is Gareth Linwood": the name, not the post every council has; "with a £136.5 million budget": the
    figure), when the clause's names held by one council alone are all that council's. The description ends at the
    clause's comma, else after its last such name (and the kind of thing it names, "scheme"), or, for a figure a
    "with" clause ends the question with ("for the council with a £136.5 million adult social care budget?"), there."""
    for m in _PICKED.finditer(question):
        owners: dict[str, re.Match] = {}  # council -> its last name in the clause
        for n in _named_things(m.group("after")):
            holders = texts.holders(n.group(0), ignore_case=True)
            if len(holders) != 1 and n.re is _FIGURE:  # "14 years" as a whole, else "£136.5" alone
                holders = texts.holders(n.group("figure"), ignore_case=True)
            if len(holders) == 1:
                owners[holders[0]] = n
        if len(owners) == 1:
            (label, last), = owners.items()
            end = m.start("after") + last.end()
            if question[m.end():].lstrip().startswith(","):  # "For the council whose board …, how many …": all of it
                return Description(label, (m.start(), m.end()))
            if last.re is _FIGURE and m.group("after").casefold().startswith("with ") \
                    and re.fullmatch(r"[\w\s'’-]*\?*\s*", question[end:]):
                return Description(label, (m.start(), m.end()))
            kind = re.match(rf"\s+(?:{'|'.join(NAME_KINDS)})s?\b", question[end:], re.IGNORECASE)
            return Description(label, (m.start(), end + (kind.end() if kind else 0)))
    return None


def _matched(pattern: re.Pattern, question: str, texts: dict[str, str], weights, min_terms: int, share: float,
             rare_share: float) -> Description | None:
    """The one council whose ``texts`` hold a ``pattern`` phrase's rare words (see :func:`described_council`)."""
    for m in pattern.finditer(question):
        terms = frozenset(t for t in weights.focus(weights.terms(f"{m.group('before')} {m.group('after')}"))
                          if weights.df.get(t, 0) <= rare_share * weights.n)
        if len(terms) < min_terms:
            continue
        held = sorted(((len(terms & weights.terms(text)), label) for label, text in texts.items()), reverse=True)
        if not held:
            return None
        best, label = held[0]
        runner_up = held[1][0] if len(held) > 1 else 0
        if best >= min_terms and best >= share * len(terms) and best >= 2 * runner_up:
            return Description(label, (m.start(), described_up_to(m, terms & weights.terms(texts[label]), weights)),
                               m.start("after"), m.end())
    return None


def described_up_to(m: re.Match, held: frozenset[str], weights) -> int:
    """Where the description ends: at the last word after the place word that the overview holds ("the coastal
    county with an older *population* | support"), or at the place word when none after it is."""
    end = m.start("after")
    for word in re.finditer(r"[\w'’-]+", m.group("after")):
        if weights.terms(word.group(0)) & held:
            end = m.start("after") + word.end()
    return end
