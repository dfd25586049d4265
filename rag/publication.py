"""When a council's assessment was published, from its reports' own "Published …" lines: a question asking
for that date is answered from those lines, which the search does not find (they share no words with it)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from .records import FRONT_PAGES, Chunk, Composition, Passage, Query

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


#: Which pages' publication lines come first: the overview's and summary's, then a page of no known kind (a whole
#: report opens with its overview), then a statement's (every page may repeat the date).
PUBLICATION_PAGES = (*FRONT_PAGES, "page")
#: Kinds of page a report's record may list for its sections, the front pages first.
PAGE_KINDS = (*FRONT_PAGES, "statement")


def on_their_pages(published: list[Chunk], documents: Mapping[str, Mapping]) -> list[Chunk]:
    """The publication lines, each given the kind of the page it sits on as its report's record lists the kinds of
    its sections (an overview, a summary, a statement: the first of :data:`PAGE_KINDS` it holds): a line above the
    page's title is read before the kind is known."""
    out = []
    for chunk in published:
        kinds = {section[0] for section in documents.get(chunk.doc_id, {}).get("sections", ()) if section}
        page = next((k for k in PAGE_KINDS if k in kinds), chunk.page)
        out.append(replace(chunk, page=page) if page != chunk.page else chunk)
    return out


def publication_answer(query: Query, published) -> Composition | None:
    """The publication lines of the reports of the councils the question names, one line a council, each cited (the
    line of the report's overview or summary page when it has one, :data:`PUBLICATION_PAGES`, as that is where the
    assessment is published), and every page's line of the same date shown after it (each says the same); None when
    the index holds none for them (the answer is then looked for as for any question)."""
    from .compose import cite

    named = {c.casefold() for c in query.councils}
    seen: dict[str, list] = {}
    shown = []
    for chunk in sorted(published, key=lambda c: PUBLICATION_PAGES.index(c.page) if c.page in PUBLICATION_PAGES
                        else len(PUBLICATION_PAGES)):
        label = chunk.label or chunk.council or ""
        if (chunk.council or "").casefold() in named or label.casefold() in named:
            shown.append(chunk)
            if not any(c.text.strip() == chunk.text.strip() for c in seen.get(label, [])):
                seen.setdefault(label, []).append(chunk)
    if not seen:
        return None
    lines = [(label, [(Passage(c, 1.0, 0), s) for c in chunks for s in c.sentences]) for label, chunks in seen.items()]
    text, citations = cite(lines)
    cited = [c.passage for c in citations]
    quoted = {p.chunk.chunk_id for p in cited}
    also = [Passage(c, 1.0, 0) for c in shown if c.chunk_id not in quoted]
    return Composition(text, False, citations, 1.0, evidence=(*cited, *also), ranked=True)
