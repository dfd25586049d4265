"""Score questions answered from the reports' own score lines.

"What did Shropshire score for safeguarding?", "Which councils scored 4 for anything?", "Which council
got the lowest score?", "What is Gloucestershire's overall rating?": the evidence is a report's score
line (or its summary's list of scores), quoted and cited like any other sentence. The composer may add
these lines as evidence of its own; the retrieval's ranking is not changed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from .abstain import abstention
from .framework import OVERALL_RATINGS, STATEMENTS, fold, statement_of_heading, statement_order
from .layout import classify
from .records import Chunk, Composition, Passage, Query, Sentence
from .thresholds import bound_of

#: A report's percentage inside a longer line ("Quality statement scores: 58%").
_PERCENT_IN = re.compile(r"\bscores?\s*:?\s*(\d{1,3})\s*(?:%|per ?cent)", re.IGNORECASE)
#: An answer lists at most this many score lines.
MAX_LINES = 12


@dataclass(frozen=True)
class RatingEvidence:
    """One score a report gives, with the sentences that state it."""

    label: str  # the council as shown
    council: str | None
    statement: str | None  # None for the overall rating
    rating: int | str  # 1-4 for a statement; the overall rating word otherwise
    chunk: Chunk
    sentences: tuple[Sentence, ...]
    from_summary: bool = False


def _statement_of_entry(sentence: Sentence) -> str | None:
    """The statement a summary list entry ("Assessing needs · Score: 2") names, if any."""
    first = sentence.text.strip().split("\n")[0]
    kind, value = classify(first)
    if kind == "statement":
        return value.name
    if kind == "statement_score":
        return value[0].name
    s = statement_of_heading(first)
    return s.name if s else None


def _entry_rating(sentence: Sentence) -> int | None:
    for line in reversed(sentence.text.strip().split("\n")):
        kind, value = classify(line.strip())
        if kind == "score":
            return value[0]
        if kind in ("description", "bare_score"):
            return value
        if kind == "statement_score":
            return value[1]
    return None


def collect(chunks: list[Chunk]) -> list[RatingEvidence]:
    """Every score the index's reports state: statement pages' score lines first, then summary lists
    (used where a council has no page for that statement), then overall ratings."""
    out: list[RatingEvidence] = []
    for c in chunks:
        if c.kind != "rating":
            continue
        if c.page == "statement" and c.rating is not None:
            unique = {" ".join(s.text.split()): s for s in reversed(c.sentences)}  # a page may repeat its score line
            sentences = tuple(sorted(unique.values(), key=lambda s: s.start))
            out.append(RatingEvidence(c.label, c.council, c.statement, c.rating, c, sentences))
            continue
        for i, s in enumerate(c.sentences):
            statement = _statement_of_entry(s)
            n = _entry_rating(s) if statement else None
            if statement and n is not None:
                out.append(RatingEvidence(c.label, c.council, statement, n, c, (s, *described_after(c.sentences[i + 1 : i + 2], n)),
                                          from_summary=True))
            elif not statement:
                kind, value = classify(s.text.strip())
                if kind == "overall":
                    overall = [x for x in c.sentences if classify(x.text.strip())[0] in ("overall", "percentage")]
                    out.append(RatingEvidence(c.label, c.council, None, value, c, tuple(overall), from_summary=True))
    by_document: dict[str, list[Chunk]] = {}
    for c in chunks:
        if c.kind == "rating":
            by_document.setdefault(c.doc_id, []).append(c)
    return [with_percentage(e, by_document.get(e.chunk.doc_id, [])) for e in out]


def described_after(following, score: int) -> tuple[Sentence, ...]:
    """The line after a summary's score entry (``following``: it, or nothing at the passage's end) when it describes
    that score ("3 - Evidence shows a good standard"): the words readers quote with the figure."""
    return tuple(s for s in following if classify(s.text.strip()) == ("description", score))


def with_percentage(e: RatingEvidence, document_ratings: list[Chunk]) -> RatingEvidence:
    """An overall rating with its report's overall percentage, when the summary gives that in another
    score passage of the document ("Good" in the rating table, "Overall score: 75%" under the scores heading)."""
    if e.statement is not None or any(classify(s.text.strip())[0] == "percentage" for s in e.sentences):
        return e
    for c in document_ratings:
        if c.page == e.chunk.page and c.start != e.chunk.start:
            found = [s for s in c.sentences if classify(s.text.strip())[0] == "percentage"]
            if found:
                return replace(e, sentences=(*e.sentences, found[0]))
    return e


def _in_scope(e: RatingEvidence, query: Query) -> bool:
    """Whether a score belongs to the councils, statements and scores the question is about."""
    if query.councils and (e.council or e.label).casefold() not in {c.casefold() for c in query.councils}:
        return False
    if query.filters.councils and e.label.casefold() not in {c.casefold() for c in query.filters.councils} \
            and (e.council or "").casefold() not in {c.casefold() for c in query.filters.councils}:
        return False
    if query.statements and e.statement not in query.statements:
        return False
    if query.filters.statement and e.statement != query.filters.statement:
        return False
    return not query.rating_refs or e.rating in query.rating_refs


def _best_per_statement(evidence: list[RatingEvidence]) -> list[RatingEvidence]:
    """One score per council and statement: the statement page's own line over the summary's entry."""
    chosen: dict[tuple[str, str | None], RatingEvidence] = {}
    for e in evidence:
        key = (e.label, e.statement)
        if key not in chosen or chosen[key].from_summary and not e.from_summary:
            chosen[key] = e
    return list(chosen.values())


#: The side of a named overall rating also asked for: "Good *or better*", "*at least* Good", "Requires improvement
#: *or worse*", "Good *or above*".
_RATING_SIDE = re.compile(r"\bat least\s+(?P<least>{r})\b|\b(?P<rating>{r})\s+or\s+(?P<side>better|above|higher|worse|below|lower)\b"
                          .format(r="|".join(re.escape(r) for r in OVERALL_RATINGS)), re.IGNORECASE)


#: A side past a named overall rating, without it: "rated *below* Good", "*better than* Requires improvement".
_RATING_PAST = re.compile(r"\b(?P<side>below|under|lower than|worse than|above|better than|higher than)\s+(?P<rating>{r})\b"
                          .format(r="|".join(re.escape(r) for r in OVERALL_RATINGS)), re.IGNORECASE)


def overall_named(question: str, pool: list[RatingEvidence]) -> list[RatingEvidence]:
    """The overall ratings the question names ("Which councils were rated Requires improvement overall?"), with
    those past it when it asks for a side ("rated Good or better": Outstanding too; "below Good": those past it only),
    or all of them when it names none."""
    named = {r.casefold() for r in OVERALL_RATINGS if re.search(rf"\b{re.escape(r)}\b", question, re.IGNORECASE)}
    order = [r.casefold() for r in OVERALL_RATINGS]  # best first
    for m in _RATING_SIDE.finditer(question):
        at = order.index((m.group("least") or m.group("rating")).casefold())
        better = bool(m.group("least")) or m.group("side").casefold() in ("better", "above", "higher")
        named |= set(order[:at + 1] if better else order[at:])
    for m in _RATING_PAST.finditer(question):  # "below Good": Requires improvement and Inadequate, not Good
        at = order.index(m.group("rating").casefold())
        named.discard(order[at])
        named |= set(order[:at] if m.group("side").casefold() in ("above", "better than", "higher than") else order[at + 1:])
    return [e for e in pool if str(e.rating).casefold() in named] if named else pool


def score_of(e: RatingEvidence) -> float | None:
    """A score as a number: a statement's 1-4, an overall rating's percentage when the report gives one."""
    if e.statement is not None:
        return float(e.rating)
    for s in e.sentences:
        kind, value = classify(s.text.strip())
        if kind == "percentage":
            return float(value)
        m = _PERCENT_IN.search(s.text)  # "… Requires improvement. Quality statement scores: 58%."
        if m:
            return float(m.group(1))
    return None


def rank_of(e: RatingEvidence) -> float:
    """Where a score stands, low to high: a statement's 1-4; an overall rating by its percentage when
    the report gives one, else by its word (Inadequate < Requires improvement < Good < Outstanding)."""
    score = score_of(e)
    if score is not None:
        return score
    words = [r.casefold() for r in reversed(OVERALL_RATINGS)]
    return 100.0 * words.index(str(e.rating).casefold()) / len(words) if str(e.rating).casefold() in words else 0.0


#: A question setting one statement's score against another's ("scored lower for Safeguarding than for …").
_CONTRAST = re.compile(r"\b(?P<way>lower|higher|worse|better)\b.{0,80}?\bthan\b", re.IGNORECASE)


def contrast_of(question: str, statements: tuple[str, ...]) -> tuple[str, str, str] | None:
    """("lower" or "higher", the statement named first, the one named second) when the question sets two
    statements' scores against each other ("Which councils scored lower for Safeguarding than for Safe
    pathways, systems and transitions?"), else None."""
    m = _CONTRAST.search(question)
    if not m or len(statements) != 2:
        return None
    folded = question.casefold()
    where = {s: folded.find(s.casefold()) if s.casefold() in folded else folded.find(s.split()[0].casefold().strip(","))
             for s in statements}
    if min(where.values()) < 0:
        return None
    first, second = sorted(statements, key=where.__getitem__)
    way = "lower" if m.group("way").casefold() in ("lower", "worse") else "higher"
    return way, first, second


def contrasted(pool: list[RatingEvidence], contrast: tuple[str, str, str]) -> list[RatingEvidence]:
    """The score lines of the councils whose first statement scored lower (or higher) than their second."""
    way, first, second = contrast
    by_council: dict[str, dict[str, list[RatingEvidence]]] = {}
    for e in pool:
        by_council.setdefault(e.label, {}).setdefault(e.statement, []).append(e)
    out = []
    for statements in by_council.values():
        if first in statements and second in statements:
            a, b = rank_of(statements[first][0]), rank_of(statements[second][0])
            if a < b if way == "lower" else a > b:
                out += statements[first] + statements[second]
    return out


def matching(query: Query, evidence: list[RatingEvidence], bounded: bool = True) -> list[RatingEvidence]:
    """Every score line (pages' and summaries') that answers the score question: its councils and
    statements, the rating it names, the scores past a bound it sets ("an overall score above 60"), the lowest
    or highest when it asks for that, and the councils whose
    one statement scored lower or higher than another when it sets them against each other."""
    overall = query.answer_type == "overall"
    pool = [e for e in evidence if (e.statement is None) == overall and _in_scope(e, query)]
    if overall:
        pool = overall_named(query.text, pool)
    contrast = None if overall else contrast_of(query.text, query.statements)
    if contrast:
        return contrasted(pool, contrast)
    bound = bound_of(query.text) if bounded else None
    if bound is not None and bound.unit != "money":  # "an overall score above 60": the councils whose score passes
        pool = [e for e in pool if (score := score_of(e)) is not None and bound.passes(score)]
    if query.extreme and pool:
        ranks = [rank_of(e) for e in pool]
        target = min(ranks) if query.extreme == "lowest" else max(ranks)
        pool = [e for e, r in zip(pool, ranks) if r == target]
    return pool


#: Words after a rating word that make it the council's rating: "to a good *standard*", "rated good *overall*",
#: "provides outstanding *adult social care*".
_RATING_FOLLOWED = r"\s+(?:standard|overall|adult social care|rating)\b"
#: Words before a rating word that make it a rating given: "*rated* requires improvement", "*judged as* inadequate".
_RATING_GIVEN = r"\b(?:rated|judged|graded|assessed)\s+(?:as\s+)?['\"“‘]?"
#: What others are rated, not the council: "four home care agencies had been rated requires improvement".
_OTHERS_RATED = re.compile(r"\b(?:homes?|providers?|agenc(?:y|ies)|services?|beds?|assessments?|audits?|cases?|files?)\b"
                           r"[^.;]{0,40}$", re.IGNORECASE)


def _rating_words(rating: str) -> str:
    """A pattern for an overall rating in running text ("requires improvement", "required improvement")."""
    if rating.casefold() == "requires improvement":
        return r"requir(?:es|ed)\s+improvement"
    return re.escape(rating.casefold())


def states_rating(sentence: str, rating: str) -> bool:
    """Whether a sentence states a council's overall rating in words ("Hampshire County Council delivered most of its
    Care Act duties to a good standard", "We rated Leicestershire County Council as requires improvement"), not a
    provider's ("6 nursing homes were rated requires improvement") or a good thing in passing ("good links")."""
    words = _rating_words(rating)
    for m in re.finditer(rf"(?P<given>{_RATING_GIVEN})?\b{words}\b['\"”’]?", sentence, re.IGNORECASE):
        followed = re.match(_RATING_FOLLOWED, sentence[m.end():], re.IGNORECASE) is not None
        if (m.group("given") or followed) and not _OTHERS_RATED.search(sentence[: m.start()]):
            return True
    return False


def stated_in_words(e: RatingEvidence, next_chunk, reach: int) -> Chunk | None:
    """The paragraph after an overall rating's line, within ``reach`` paragraphs of its report, that states the
    rating in words (the summary readers quote as often as the line), or None."""
    chunk = e.chunk
    for _ in range(reach if e.statement is None and next_chunk is not None else 0):
        chunk = next_chunk(chunk)
        if chunk is None:
            return None
        if chunk.kind != "rating" and any(states_rating(s.text, str(e.rating)) for s in chunk.sentences):
            return chunk
    return None


def evidence_passages(matched: list[RatingEvidence], next_chunk=None, reach: int = 0) -> tuple[Passage, ...]:
    """The score lines a score question was answered from, as retrieved passages in answer order: the
    statement pages' lines and the summaries' entries alike (both are the reports' evidence), each overall
    rating's with the paragraph after it that states the rating in words (:func:`stated_in_words`)."""
    pool = sorted(matched, key=lambda e: (e.label.casefold(), statement_order(e.statement), e.from_summary))
    seen: dict[int, Passage] = {}
    for e in pool:
        for chunk in (e.chunk, stated_in_words(e, next_chunk, reach)):
            if chunk is not None:
                seen.setdefault(chunk.chunk_id, Passage(chunk, 1.0, len(seen) + 1))
    return tuple(seen.values())


def rating_answer(query: Query, evidence: list[RatingEvidence], bounded: bool = True, next_chunk=None,
                  reach: int = 0) -> Composition:
    """The scores the question asks for, one line per council and statement, each cited (``bounded``: only
    those past a bound the question sets; ``next_chunk`` and ``reach`` find the paragraph stating an overall
    rating in words, shown after its line)."""
    from .compose import cite

    overall = query.answer_type == "overall"
    matched = matching(query, evidence, bounded)
    pool = _best_per_statement(matched)
    if not pool:
        what = "overall rating" if overall else "score"
        about = f" for {', '.join(query.councils)}" if query.councils else ""
        return abstention(f"The reports here give no {what}{about} matching the question.")
    pool.sort(key=lambda e: (e.label.casefold(), statement_order(e.statement)))
    lines = []
    for e in pool[:MAX_LINES]:
        passage = Passage(e.chunk, 1.0, 0)
        quoted = " ".join(s.text for s in e.sentences)
        plain = overall or not e.statement or e.statement in e.label or e.statement in quoted
        prefix = e.label if plain else f"{e.label} · {e.statement}"
        lines.append((prefix, [(passage, s) for s in e.sentences]))
    text, citations = cite(lines)
    if len(pool) > MAX_LINES:
        text += f"\n({len(pool) - MAX_LINES} more scores not shown: narrow the question to a council or statement.)"
    return Composition(text, False, citations, 1.0, evidence=evidence_passages(matched, next_chunk, reach))


#: Words for the kind of council before "council" or "authority" ("the *county* council", "the *London borough*"), which
#: its formal name may hold ("Norfolk County Council").
_KIND_WORDS = "county|city|borough|district|metropolitan|unitary|london|royal"
_COUNCIL_KIND = rf"(?:(?:{_KIND_WORDS})\s+){{0,2}}"
#: The kind words :data:`_COUNCIL_KIND` reads.
_KIND_WORD = re.compile(rf"\b({_KIND_WORDS})\b", re.IGNORECASE)
#: A council referred to by its overall result instead of its name: "the council rated Good with a 64% score",
#: "At the council that was rated Requires improvement with a score of 44%", "the authority with an overall score
#: of 81%", "the council rated Outstanding", "the Outstanding-rated council", "the county council that got a Good
#: rating". The phrase runs from the council word to the rating or percentage.
_BY_RESULT = re.compile(
    rf"(?:\b(?:for|at|in|from|of|by|within|across)\s+)?\bthe\s+{_COUNCIL_KIND}(?:local\s+)?(?:council|authority|local authority|borough|one)\s+"
    r"(?:that|which|who)?\s*(?:(?:the\s+)?CQC\s+)?(?:(?:got|received|was given|given|awarded|had|has|with)\s+(?:an?\s+|its\s+)?(?:overall\s+)?['\"“‘]?"
    r"(?P<word3>outstanding|good|requires improvement|inadequate)['\"”’]?\s+(?:overall\s+)?rating\b|"
    r"(?:was|is|got|received|had|has|with|scoring|scored|rated|judged|graded)?\s*"
    r"(?:(?:rated|judged|graded|assessed)\s+(?:as\s+)?['\"“‘]?(?P<word>outstanding|good|requires improvement|inadequate)\b['\"”’]?"
    r"(?:\s*,?\s*(?:with|and|scoring|scored)\s+(?:an?\s+|its\s+)?(?:overall\s+)?(?:score\s+of\s+|percentage\s+of\s+)?"
    r"(?P<pct>\d{1,3})\s*(?:%|per ?cent)(?:\s+(?:overall\s+)?score)?)?"
    r"|(?:an?\s+|its\s+)?(?:overall\s+)?(?:score\s+of\s+|percentage\s+of\s+)?(?P<pct2>\d{1,3})\s*(?:%|per ?cent)"
    r"(?:\s+(?:overall\s+)?score)?(?:\s+overall)?))"
    r"|(?:\b(?:for|at|in|from|of|by|within|across)\s+)?\bthe\s+['\"“‘]?(?P<word2>outstanding|good|requires[- ]improvement|"
    rf"inadequate)['\"”’]?[- ]rated\s+{_COUNCIL_KIND}(?:local\s+)?(?:council|authority|borough)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class ResultReference:
    """A council named by its overall result (the rating word, the percentage, or both) or by one statement's score
    (``statement`` and ``score``); ``span`` is where."""

    rating: str | None
    percentage: int | None
    span: tuple[int, int]
    statement: str | None = None
    score: int | None = None
    kinds: tuple[str, ...] = ()


def result_reference(question: str) -> ResultReference | None:
    """The first phrase naming a council by its overall rating or percentage ("the council rated Good with a 64%
    score"), or None. A question listing councils by rating ("Which councils were rated Good?") has none."""
    m = _BY_RESULT.search(question)
    if not m or not (m.group("word") or m.group("word2") or m.group("word3") or m.group("pct") or m.group("pct2")):
        return None
    said = (m.group("word") or m.group("word2") or m.group("word3") or "").replace("-", " ").casefold()
    word = next((r for r in OVERALL_RATINGS if said and r.casefold() == said), None)
    pct = m.group("pct") or m.group("pct2")
    return ResultReference(word, int(pct) if pct else None, m.span(), kinds=kinds_named(m.group(0)))


def kinds_named(phrase: str) -> tuple[str, ...]:
    """The words for a kind of council a phrase uses ("the *county* council rated Good" → ("county",))."""
    return tuple(dict.fromkeys(w.casefold() for w in _KIND_WORD.findall(phrase)))


def of_kinds(councils: list[str], kinds: tuple[str, ...], formal: Mapping[str, str] | None = None) -> list[str]:
    """The councils whose names (their ``formal`` ones where known) hold every kind word a reference used ("the county
    council rated Good": "Norfolk County Council", not "City of Wolverhampton Council"); all of them when none does."""
    formal = formal or {}
    named = [c for c in councils if all(re.search(rf"\b{k}\b", formal.get(c, c), re.IGNORECASE) for k in kinds)]
    return named or councils


#: A council named by one statement's score: "the council that scored 1 for Equity in experience and outcomes", "the
#: authority with a score of 2 on safeguarding", "the council rated 4 in partnerships and communities". The phrase runs
#: from the council word to the end of the statement's name (:func:`statement_at_start`).
_BY_SCORE = re.compile(
    rf"(?:\b(?:for|at|in|from|of|by|within|across)\s+)?\bthe\s+{_COUNCIL_KIND}(?:local\s+)?(?:council|authority|local authority|borough|one)\s+"
    r"(?:(?:that|which|who)\s+)?(?:was\s+)?(?:scored|rated|got|received|given|awarded|had|with|achieved)\s+"
    r"(?:(?:a|an|the)\s+)?(?:(?:score|rating|mark)\s+(?:of\s+)?)?(?P<n>[1-4])(?:\s*(?:out of 4|/\s?4))?\s+(?:for|on|in)\s+"
    r"(?:(?:the|its)\s+)?(?:(?:quality\s+)?statement\s+)?(?P<about>[^?;:.!()]{4,90})",
    re.IGNORECASE)


def statement_at_start(text: str) -> tuple[str, int] | None:
    """The statement whose name (or a short form of it: "safeguarding", "safe pathways") opens ``text``, and where
    the name ends; the longest such name wins. None when ``text`` does not open with one."""
    best = None
    for m in re.finditer(r"\S+", text):
        folded = fold(text[: m.end()])
        named = next((st for st in STATEMENTS if any(re.fullmatch(form, folded) for form in st.question_forms)), None)
        if named:
            best = (named.name, len(text[: m.end()].rstrip(",")))
    return best


def score_reference(question: str) -> ResultReference | None:
    """The first phrase naming a council by one statement's score ("At the council that scored 1 for Equity in
    experience and outcomes, …"), or None. A question listing councils by a score ("Which councils scored 2 for
    safeguarding?") has none."""
    for m in _BY_SCORE.finditer(question):
        named = statement_at_start(m.group("about"))
        if named:
            return ResultReference(None, None, (m.start(), m.start("about") + named[1]), named[0], int(m.group("n")),
                                   kinds_named(m.group(0)[: m.start("about") - m.start()]))
    return None


def councils_with_result(ref: ResultReference, evidence: list[RatingEvidence],
                         formal: Mapping[str, str] | None = None) -> list[str]:
    """The councils whose overall rating and percentage, or whose score for the statement, are those the reference
    gives (each one it gives), and of the kind it names (:func:`of_kinds`, by their ``formal`` names)."""
    out = []
    for e in evidence:
        if e.statement != ref.statement or not e.council:
            continue
        if ref.statement is not None and e.rating != ref.score:
            continue
        if ref.rating and str(e.rating).casefold() != ref.rating.casefold():
            continue
        if ref.percentage is not None and score_of(e) != float(ref.percentage):
            continue
        if e.council not in out:
            out.append(e.council)
    return of_kinds(out, ref.kinds, formal)


def named_for_result(question: str, ref: ResultReference, councils: list[str]) -> str:
    """The question with the council's name in place of the phrase that named it by its result: "For the council
    rated Good with a 64% score, what share …" → "For Brent, what share …"."""
    start, end = ref.span
    phrase = question[start:end]
    lead = re.match(r"\s*(?:for|at|in|from|of|by|within|across)\s+", phrase, re.IGNORECASE)
    names = " and ".join(councils) + (f" ({ref.statement})" if ref.statement else "")
    return f"{question[:start]}{lead.group(0) if lead else ''}{names}{question[end:]}"
