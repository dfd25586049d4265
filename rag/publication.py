"""When a council's assessment was published, from its reports' own "Published …" lines: a question asking
for that date is answered from those lines, which the search does not find (they share no words with it)."""

from __future__ import annotations

import re

from .records import FRONT_PAGES, Composition, Passage, Query

#: A question asking when CQC's assessment of a council (its report, not a strategy or a plan) was published.
_ASKS_PUBLISHED = re.compile(
    r"\b(?:when|what date|which date|on what date|what day)\b[^?]{0,80}?\bpublish(?:ed|es|ing)?\b|"
    r"\b(?:publication date|date of publication|date (?:it|the report|the assessment) was published)\b",
    re.IGNORECASE)
_OF_THE_ASSESSMENT = re.compile(r"\bCQC\b|\bCare Quality Commission\b|(?<!self-)\b(?:assessment|inspection)\b",
                                re.IGNORECASE)
#: Documents of a council's own that a question may ask the publication of: not CQC's assessment.
_OWN_DOCUMENT = re.compile(r"\b(?:strateg(?:y|ies)|plans?|polic(?:y|ies)|statements?|framework|charter|directory|"
                           r"newsletter|survey|account|review|guide)\b", re.IGNORECASE)


def asks_publication(question: str) -> bool:
    """Whether the question asks when CQC's assessment or report was published ("When did CQC publish its
    assessment of Rotherham?"), not when one of the council's own documents was ("When was the carers' strategy
    published?")."""
    return bool(_ASKS_PUBLISHED.search(question) and _OF_THE_ASSESSMENT.search(question)
                and not _OWN_DOCUMENT.search(question))


def publication_answer(query: Query, published) -> Composition | None:
    """The publication lines of the reports of the councils the question names, one line a council, each cited (the
    line of the report's overview or summary page when it has one: every page may repeat the date, and the overview
    is where the assessment is published); None when the index holds none for them (the answer is then looked for
    as for any question)."""
    from .compose import cite

    named = {c.casefold() for c in query.councils}
    seen: dict[str, list] = {}
    for chunk in sorted(published, key=lambda c: FRONT_PAGES.index(c.page) if c.page in FRONT_PAGES else len(FRONT_PAGES)):
        label = chunk.label or chunk.council or ""
        if (chunk.council or "").casefold() in named or label.casefold() in named:
            if not any(c.text.strip() == chunk.text.strip() for c in seen.get(label, [])):
                seen.setdefault(label, []).append(chunk)
    if not seen:
        return None
    lines = [(label, [(Passage(c, 1.0, 0), s) for c in chunks for s in c.sentences]) for label, chunks in seen.items()]
    text, citations = cite(lines)
    return Composition(text, False, citations, 1.0, evidence=tuple(c.passage for c in citations))
