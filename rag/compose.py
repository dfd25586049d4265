"""Query + Retrieval → :class:`Composition`: the reports' own sentences, each cited, or an abstention.

Sentences of the retrieved passages are scored against the question (sentence embedding, weighted
term overlap, the passage's rank, and whether the sentence holds what the question asks for), a few
non-redundant ones are chosen by maximal marginal relevance, and each answer line starts with the
council it comes from and ends its sentences with ``[n]`` pointing at the passage. Score questions
are answered from the reports' score lines (:mod:`rag.ratings`). Whether to abstain is decided in one
place, :func:`rag.abstain.abstain_reason`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .abstain import (
    HOLDER_TYPES,
    TIME_UNITS,
    abstain_reason,
    abstention,
    giving,
    holds_topic,
    near_topic,
    of_another_thing,
    refers_back_to,
    up_to,
    wordings,
)
from .analyse import asks_means_of_change, asks_response, asks_standard_text
from .answer_types import (
    BONUS_CHECKS,
    CHECKED_TYPES,
    DETAILED_TYPES,
    asks_extreme_time,
    denied_words,
    describes_a_deed,
    explains_the_one_before,
    for_whole_area,
    gives_views,
    has_reason,
    holds,
    named_parts,
    per_head_as_asked,
    states_means,
    states_the_extreme,
    without_bullet,
)
from .config import Settings
from .lay_terms import with_report_words
from .layout import is_sub_row
from .lexical import tokenize
from .names import defines_the_thing_asked, thing_defined
from .periods import periods, same_period, without_assessment_time, without_relative_year
from .records import FRONT_PAGES, Citation, Composition, Passage, Query, Retrieval, Sentence
from .terms import QUESTION_WORDS, TermWeights
from .thresholds import Bound, asked_figure, bound_of, bound_phrase, figures_like, none_waiting, top_of, without_bound
from .yardsticks import benchmark_asked, side_of_benchmark

#: How a sentence that elaborates on the one before it begins.
ELABORATION = re.compile(
    r"^(For example|For instance|This|These|They|It|Such|As a result|As part|In addition|Examples|"
    r"Specifically|In particular|However|But|In response)\b"
)
#: A sentence that gives the detail of the one before it ("This included checks that …", "For example, …"): it follows
#: a continuation that joined an answer, as it follows a chosen sentence.
DETAIL = re.compile(r"^(For example|For instance|(?:This|These|It|They) included|Examples? included|Specifically|"
                    r"In particular)\b")
#: A sentence that tells what was done in response to what came before it ("The partnership had since introduced …",
#: "The council reviewed the decision and reinstated transport for 48 people").
RESPONDS = re.compile(r"\b(in response|as a result|(?:had|has|have) since|(?:reviewed|reconsidered|reversed|revisited) "
                      r"(?:the|its|this|that) (?:decision|change|policy)|reinstated)\b|^(Following (this|the|that)|Since then|"
                      r"To address (this|these|it))\b", re.IGNORECASE)
#: A sentence that itself tells what was done in response ("… and it funded 3 day services in response", "had
#: responded by funding outreach").
TELLS_RESPONSE = re.compile(r"\b(?:in response|as a result|respond(?:ed|ing)? (?:by|to)|responded)\b", re.IGNORECASE)
#: How far (characters) the sentence that follows another in its report may start after it ends.
NEXT_GAP = 4
#: A chosen sentence that repeats this share of the question's terms is followed by the next one.
RESTATES_OVERLAP = 0.6
#: The share of the question's terms missing from a lone answer that the next sentence must hold to join it.
FILLS_IN_OVERLAP = 0.5
#: A sentence that points back to the one before it ("took this on board", "as a result").
REFERS_BACK = re.compile(r"\b(this|these|that|those|as a result|therefore|consequently|in response)\b", re.IGNORECASE)
#: A sentence that tells what the one before it caused ("This meant fewer people were getting reablement"): for a
#: "why" question, the sentence before it holds the cause.
CONSEQUENCE = re.compile(r"^(?:(?:This|That|These|Those)(?: \w+){0,2} (?:meant|means|led to|leads to|resulted in|results in|"
                         r"caused|causes)|As a result|Consequently|Because of this|Therefore)\b")


@dataclass(frozen=True)
class Candidate:
    """A sentence of a retrieved passage with its relevance to the question."""

    passage: Passage
    sentence: Sentence
    vector: np.ndarray
    relevance: float
    before: str = ""  # the sentence before it in its passage, which it may continue


def score_candidates(passages: list[Passage], sentence_vectors: list[np.ndarray], query_vec: np.ndarray,
                     query: Query, weights: TermWeights, settings: Settings) -> list[Candidate]:
    """Every sentence of the passages with its relevance to the question."""
    query_terms = weights.content(weights.terms(with_report_words(query.text)))  # the report's words for plain ones
    check = BONUS_CHECKS.get(query.answer_type)
    settles = query.answer_type == "yesno"
    asked = periods(query.text) if query.answer_type not in FIGURE_TYPES else ()  # for figures, the period rule decides
    out: list[Candidate] = []
    for passage, vectors in zip(passages, sentence_vectors):
        prior = 1.0 / passage.rank ** 0.5
        before, before_rel = "", 0.0
        for sentence, vec in zip(passage.chunk.sentences, vectors):
            rel = (settings.w_dense * float(vec @ query_vec)
                   + settings.w_lexical * weights.overlap(query_terms, sentence.text)
                   + settings.w_passage * prior)
            if check is not None and check(sentence.text) or settles and settles_by_denial(sentence.text, query_terms, weights):
                rel += settings.w_shape
            if dated_elsewhere(sentence.text, asked):
                rel -= settings.w_other_period
            if query.answer_type == "reason" and before and explains_the_one_before(sentence.text):
                rel = max(rel, before_rel)  # "The main reason for the fall was …" after the fall
            if query.answer_type == "views" and before and gives_views(_one_line(sentence.text), query.text, query.councils):
                rel = max(rel, before_rel)  # "Members told us they were consulted late" after the forum's sentence
            out.append(Candidate(passage, sentence, vec, rel, before))
            before, before_rel = sentence.text, rel
    return out


def views_first(query: Query, typed: list[Candidate], candidates: list[Candidate]) -> list[Candidate]:
    """The candidates an answer goes on with after its first sentence: for what people said ("What did carers tell
    inspectors about assessments?"), only the sentences telling what they said, when there are others than the first;
    a figure about the same topic is not what anyone said."""
    return typed if query.answer_type == "views" and len(typed) > 1 else candidates


def settles_by_denial(sentence: str, query_terms: frozenset[str], weights: TermWeights) -> bool:
    """Whether the sentence says that a thing the question asks about was not there or not done ("There was no
    waiting list for advocacy" for "is there a queue for an advocate"): it settles a yes/no question, however short."""
    denied = denied_words(sentence)
    return bool(denied) and bool(weights.terms(denied) & query_terms)


#: Answer types whose other-period sentences are left to the period rule (rag.abstain.period_not_given).
FIGURE_TYPES = ("number", "duration")


def dated_elsewhere(sentence: str, asked) -> bool:
    """Whether the sentence is dated only to periods other than the ones the question asks about ("the
    2023/24 report was not yet available" for a question about 2022/23): it then speaks of something else."""
    given = periods(sentence) if asked else ()
    return bool(given) and not same_period(asked, given)


def stated_extreme_first(typed: list[Candidate], question: str, asked) -> list[Candidate]:
    """Of the candidates holding a length of time that a question asks for as the longest or shortest, those saying it
    in words that make it one ("the longest wait was 58 weeks" over "some had waited over a year") and not dated only to
    another period than the one ``asked``; all of them when none does, or when the question asks no such time."""
    if not asks_extreme_time(question):
        return typed
    return [c for c in typed if states_the_extreme(c.sentence.text) and not dated_elsewhere(c.sentence.text, asked)] or typed


def mmr(candidates: list[Candidate], n: int, lam: float, floor: float) -> list[Candidate]:
    """Up to ``n`` relevant, mutually non-redundant candidates (maximal marginal relevance)."""
    pool = [c for c in candidates if c.relevance >= floor]
    chosen: list[Candidate] = []
    while pool and len(chosen) < n:
        def gain(c: Candidate) -> float:
            redundancy = max((float(c.vector @ s.vector) for s in chosen), default=0.0)
            return lam * c.relevance - (1 - lam) * redundancy
        best = max(pool, key=gain)
        chosen.append(best)
        pool = [c for c in pool if c is not best and not repeats(c.sentence.text, best.sentence.text)]
    return chosen


def repeats(sentence: str, other: str) -> bool:
    """Whether one sentence says what the other does, word for word, perhaps going on after it: a summary
    repeats a finding ("… underspent by £0.6 million in 2023/24.") that its statement page extends ("…, and
    its plan …"); quoting both says the same thing twice."""
    a, b = (" ".join(s.split()).rstrip(".;:!? ").casefold() for s in (sentence, other))
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and longer.startswith(shorter) and not longer[len(shorter):len(shorter) + 1].isalnum()


def cite(lines: list[tuple[str, list[tuple[Passage, Sentence]]]]) -> tuple[str, tuple[Citation, ...]]:
    """Answer text with ``[n]`` markers, and the citations they point to (numbered in order)."""
    numbers: dict[int, int] = {}  # chunk id -> n
    used: dict[int, list[Sentence]] = {}
    passages: dict[int, Passage] = {}
    out_lines = []
    for prefix, quoted in lines:
        parts = []
        for passage, sentence in quoted:
            cid = passage.chunk.chunk_id
            if cid not in numbers:
                numbers[cid] = len(numbers) + 1
                passages[cid] = passage
            used.setdefault(cid, []).append(sentence)
            parts.append(f"{_one_line(sentence.text)} [{numbers[cid]}]")
        out_lines.append((f"{prefix}: " if prefix else "") + " ".join(parts))
    citations = []
    for cid, n in numbers.items():
        start = passages[cid].chunk.start
        ranges = sorted({(s.start - start, s.end - start) for s in used[cid]})
        citations.append(Citation(n, passages[cid], tuple(ranges)))
    return "\n".join(out_lines), tuple(citations)


#: A hyphen that ends a line inside a word, as PDF text breaks "south-west" ("south-\nwest").
_HYPHEN_AT_LINE_END = re.compile(r"(?<=[^\W\d_])-[ \t]*\n\s*(?=[^\W\d_])")


def _one_line(text: str) -> str:
    """A quoted sentence on one answer line, its spacing collapsed (a score entry spans lines in its report)
    and a word hyphenated across lines kept whole ("south-west", not "south- west")."""
    return " ".join(_HYPHEN_AT_LINE_END.sub("-", text).split())


#: A sentence that goes on about what the one before it said: "… to cover such changes", "this
#: pressure was …" (a demonstrative with a noun near its start).
POINTS_BACK = re.compile(r"\b(such|this|these|those)\s+[a-z]+", re.IGNORECASE)
#: How far into a sentence (characters) such a reference may stand.
POINTS_BACK_REACH = 80


def continues(sentence: str) -> bool:
    """Whether a sentence refers to the one before it near its start, so it belongs with it."""
    return bool(POINTS_BACK.search(sentence[:POINTS_BACK_REACH]))


def restates(sentence: str, question: str, weights: TermWeights) -> bool:
    """Whether a sentence mostly repeats the question's words (the answer then tends to follow it)."""
    return weights.overlap(weights.content(weights.terms(question)), sentence) >= RESTATES_OVERLAP


def with_substance(chosen: list[Candidate], topical: list[Candidate], question: str, weights: TermWeights,
                   limit: int) -> list[Candidate]:
    """A lone chosen sentence that mostly repeats the question ("the council had developed good ways of involving
    people through the Voices Panel" for "How are people involved through the Voices Panel?"), followed by the most
    relevant other sentence on the question's topic (``topical``), wherever it is: the repeat names the topic, and
    the answer is told elsewhere ("The Voices Panel … is involved in recruitment, commissioning and training")."""
    if len(chosen) != 1 or limit < 2 or not restates(chosen[0].sentence.text, question, weights):
        return chosen
    others = [c for c in topical if c is not chosen[0] and not repeats(c.sentence.text, chosen[0].sentence.text)]
    return [*chosen, max(others, key=lambda c: c.relevance)] if others else chosen


def fills_in(sentence: str, following: str, passage: str, question: str, weights: TermWeights) -> bool:
    """Whether the next sentence holds most of what the question asks about that the chosen one leaves out and
    its passage speaks of: "A new case management system went live in April 2024." names the topic, and "Data
    migration problems meant …" tells the problems asked about."""
    missing = weights.focus(weights.terms(question)) & weights.terms(passage) - weights.terms(sentence) - TIME_UNITS
    return bool(missing) and weights.overlap(missing, following) >= FILLS_IN_OVERLAP  # "a year" says when, not what


#: A question asking how something is done ("…, how do they get them?", "How does Fenwick reach carers?"), not
#: how many, how much, how long or how often.
_ASKS_HOW_DONE = re.compile(r"\bhow (?:do|does|did|is|are|was|were|can|could|has|have|had)\b", re.IGNORECASE)
#: A sentence saying something is not done or cannot be ("social workers could not see health records").
_CANNOT = re.compile(r"\b(?:not|no|never|unable|cannot|can['’]t|couldn['’]t|without)\b", re.IGNORECASE)


def tells_only_what_cannot(sentence: str, question: str) -> bool:
    """Whether a lone answer to "how is it done" says only that it cannot be done the usual way ("There was no shared
    care record, so social workers could not see health records."): how it is done instead follows ("Staff told us
    they had to phone GPs …")."""
    return bool(_ASKS_HOW_DONE.search(question) and _CANNOT.search(sentence))


def gives_the_cause(sentence: str, following: str) -> bool:
    """Whether, for a "why" question, the next sentence gives the cause that the chosen one does not
    ("The average time was 14 months." then "This was because few builders …")."""
    return not has_reason(sentence) and has_reason(following)


#: A question that asks two things at once ("What did the council test in Eastbourne, and what did the evaluation
#: find?"): the report answers the second right after the first.
_SECOND_ASK = re.compile(r"\w[^?]*?,?\s+and\s+(?:what|how|why|who|when|where|which|whether)\b", re.IGNORECASE)
#: How many words a paragraph's opening sentence may have and still only name its topic.
TOPIC_SENTENCE_MAX_WORDS = 10


def asks_two_things(question: str) -> bool:
    """Whether a question asks a second thing after "and" ("…, and what did the evaluation find?")."""
    return _SECOND_ASK.match(question.strip()) is not None


def names_a_topic(sentence: str) -> bool:
    """Whether a sentence that opens its paragraph only names its topic, in a few words with no figure
    ("Transitions from children's to adult services were a concern."): the details follow it."""
    return len(sentence.split()) <= TOPIC_SENTENCE_MAX_WORDS and not re.search(r"\d", sentence)


def next_paragraph_openers(candidates: list[Candidate]) -> dict[int, Candidate]:
    """For each candidate that ends its paragraph, the candidate that opens the next paragraph of its report."""
    openers = {(c.passage.chunk.doc_id, c.sentence.start): c for c in candidates
               if c.sentence is c.passage.chunk.sentences[0]}
    out = {}
    for c in candidates:
        if c.sentence is c.passage.chunk.sentences[-1]:
            after = next((openers[key] for gap in range(NEXT_GAP + 1)
                          if (key := (c.passage.chunk.doc_id, c.sentence.end + gap)) in openers), None)
            if after is not None:
                out[id(c)] = after
    return out


def with_continuations(seeds: list[Candidate], candidates: list[Candidate], question: str,
                       weights: TermWeights, limit: int, wants_cause: bool = False,
                       wants_detail: bool = False, topical: frozenset[int] = frozenset(),
                       across: bool = False) -> list[Candidate]:
    """The chosen sentences, each preceded by the sentence before it when it continues that one
    ("They felt this left...", or for a "why" question one that points back: "took this on board", or any
    chosen one that tells what the sentence before it caused: "This meant …") and
    followed by the next one of its paragraph when that one elaborates ("For example...", "This
    included..."), the chosen one only restates the question, the question asks a second thing, the chosen
    one opens its paragraph by naming its topic and ``wants_detail`` (a question not after one fact), the
    chosen one is the only one and the next is on the question's topic too (``topical``: ids of such
    candidates) and ``wants_detail`` (or, when the question asks how something is done, the chosen one says only
    that it is not), or the next one gives the cause a "why" question asks for and the chosen one does not; a sentence
    giving the detail of that next one (:data:`DETAIL`: "This included checks that …") follows it in turn. With
    ``across`` (a question about what was done after something), the next one may open the next paragraph when the
    chosen one does not tell the response itself: a finding closes one paragraph, and what was done about it opens
    the next."""
    following, preceding = {}, {}
    for a, b in zip(candidates, candidates[1:]):
        if a.passage.chunk.chunk_id == b.passage.chunk.chunk_id:
            following[id(a)], preceding[id(b)] = b, a
    next_opening = next_paragraph_openers(candidates) if across else {}
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for i, seed in enumerate(seeds):
        leans_back = ELABORATION.match(seed.sentence.text) or wants_cause and REFERS_BACK.search(seed.sentence.text)
        before = preceding.get(id(seed)) if i == 0 and leans_back or wants_cause and CONSEQUENCE.match(seed.sentence.text) \
            else None
        after = following.get(id(seed)) or (None if TELLS_RESPONSE.search(seed.sentence.text)
                                             else next_opening.get(id(seed)))
        opens = id(seed) not in preceding
        if after is not None and not (ELABORATION.match(after.sentence.text) or continues(after.sentence.text)
                                      or restates(seed.sentence.text, question, weights)
                                      or i == 0 and asks_two_things(question)
                                      or i == 0 and wants_detail and opens and names_a_topic(seed.sentence.text)
                                      or len(seeds) == 1 and wants_detail and (id(after) in topical or fills_in(
                                          seed.sentence.text, after.sentence.text, seed.passage.chunk.text, question,
                                          weights) or tells_only_what_cannot(seed.sentence.text, question))
                                      or wants_cause and gives_the_cause(seed.sentence.text, after.sentence.text)):
            after = None
        detail = following.get(id(after)) if after is not None else None
        if detail is not None and not DETAIL.match(detail.sentence.text):
            detail = None
        for c in (before, seed, after, detail):
            if c is None or len(out) >= limit:
                continue
            key = (c.passage.chunk.chunk_id, c.sentence.start)
            if key not in seen:
                seen.add(key)
                out.append(c)
        if len(out) >= limit:
            break
    return out


def follows(after: Candidate, before: Candidate) -> bool:
    """Whether one sentence comes straight after another in the same report, even across a paragraph break."""
    return (after.passage.chunk.doc_id == before.passage.chunk.doc_id
            and 0 <= after.sentence.start - before.sentence.end <= NEXT_GAP)


def _with_missing(chosen: list[Candidate], candidates: list[Candidate], limit: int, tells, near) -> list[Candidate]:
    """The chosen sentences, the last place taken by the most relevant candidate near them (``near(c)``) that
    ``tells`` what is asked, when none of them does."""
    if not chosen or any(tells(c.sentence.text) for c in chosen):
        return chosen
    found = [c for c in candidates if tells(c.sentence.text) and near(c)]
    return [*chosen[: limit - 1], max(found, key=lambda c: c.relevance)] if found else chosen


def in_passages_of(chosen: list[Candidate]):
    """A test of whether a candidate is from one of the chosen sentences' passages."""
    chunks = {c.passage.chunk.chunk_id for c in chosen}
    return lambda c: c.passage.chunk.chunk_id in chunks


def with_stated_cause(chosen: list[Candidate], candidates: list[Candidate], limit: int) -> list[Candidate]:
    """For a "why" question whose chosen sentences give no cause, the sentence of the first one's passage that
    gives it takes the last place ("… had no plan by 17 and a half." and, later in the paragraph, "Leaders
    told us this was because …"): a report states the cause beside what it explains."""
    chunk = chosen[0].passage.chunk.chunk_id if chosen else None
    return _with_missing(chosen, candidates, limit, has_reason, lambda c: c.passage.chunk.chunk_id == chunk)


def with_stated_means(chosen: list[Candidate], candidates: list[Candidate], limit: int) -> list[Candidate]:
    """For a question asking how a change was brought about, when no chosen sentence says what brought it, the
    sentence of a chosen one's passage that does takes the last place ("… had significantly reduced waiting
    times." and, later in the paragraph, "Leaders attributed the improvement to …")."""
    return _with_missing(chosen, candidates, limit, states_means, in_passages_of(chosen))


def with_response(chosen: list[Candidate], candidates: list[Candidate], limit: int) -> list[Candidate]:
    """For a question about what was done after something, when no chosen sentence tells it, the sentence that
    follows a chosen one in its report and tells what was done in response takes the last place ("The review
    found …" then, in the next paragraph, "In response, the council introduced …"), or later in a chosen one's
    paragraph ("… a review into the death of Adult K." "The review found …" "In response, …")."""
    return _with_missing(chosen, candidates, limit, RESPONDS.search,
                         lambda c: any(follows(c, x) or later_in_paragraph(c, x) for x in chosen))


def later_in_paragraph(after: Candidate, before: Candidate) -> bool:
    """Whether one sentence comes after another in the same passage."""
    return after.passage.chunk.chunk_id == before.passage.chunk.chunk_id and after.sentence.start >= before.sentence.end


def with_deed(chosen: list[Candidate], candidates: list[Candidate], limit: int, reach: float | None = None
              ) -> list[Candidate]:
    """For a question about what was done, when no chosen sentence tells a deed, the sentence of a chosen one's
    passage that does takes the last place ("The backlog was a significant risk." "There were 1,146 applications
    waiting …" and, later in the paragraph, "The council had commissioned an external agency …"); with ``reach``,
    so may one of the first one's council from another passage, if at least that share as relevant."""
    in_passages = in_passages_of(chosen)
    if reach is None or not chosen:
        return _with_missing(chosen, candidates, limit, describes_a_deed, in_passages)
    first = chosen[0]
    return _with_missing(chosen, candidates, limit, describes_a_deed, lambda c: in_passages(c) or (
        c.passage.chunk.council == first.passage.chunk.council and c.relevance >= reach * first.relevance))


def by_council(chosen: list[Candidate]) -> list[tuple[str, list[tuple[Passage, Sentence]]]]:
    """Answer lines: consecutive sentences of one council on one line, headed by the council."""
    lines: list[tuple[str, list[tuple[Passage, Sentence]]]] = []
    for c in chosen:
        label = c.passage.chunk.label
        if lines and lines[-1][0] == label:
            lines[-1][1].append((c.passage, c.sentence))
        else:
            lines.append((label, [(c.passage, c.sentence)]))
    return lines


def compose(query: Query, retrieval: Retrieval, query_vec: np.ndarray, sentence_vectors_of, weights: TermWeights,
            settings: Settings, catalogue, ratings=None, next_chunk=None, published=None) -> Composition:
    """The answer to ``query`` from ``retrieval`` (``sentence_vectors_of(chunk_id)`` gives a passage's
    sentence vectors; ``ratings`` the index's score evidence; ``next_chunk(chunk)`` the paragraph after a chunk in
    its report, or None; ``published`` the reports' publication lines), or an abstention."""
    from .publication import asks_publication, publication_answer
    from .ratings import rating_answer

    rated = query.answer_type in ("rating", "overall") and settings.rules.rating_answers and ratings is not None
    dated = bool(published) and settings.rules.publication_answers and bool(query.councils) \
        and asks_publication(query.text)
    if rated or dated:  # answered from the reports' own score or publication lines, unless a filter rules them out
        early = abstain_reason(query, retrieval, [], catalogue, weights, settings, before_candidates=True)
        if early is not None:
            return abstention(early)
        if rated:
            return rating_answer(query, ratings, bounded=settings.rules.bound_check, next_chunk=next_chunk,
                                 reach=settings.rating_words_reach)
        answer = publication_answer(query, published)
        if answer is not None:
            return answer
    passages = _evidence(query, retrieval, settings)
    if next_chunk is not None and settings.rules.continuation and asks_response(query.text):
        passages = with_following(passages, next_chunk, settings.response_reach)
    candidates = score_candidates(passages, [sentence_vectors_of(p.chunk.chunk_id) for p in passages],
                                  query_vec, query, weights, settings)
    if reaches_for_holder(query, candidates, weights, settings):
        wider = _evidence(query, retrieval, settings, settings.holder_reach)
        more = score_candidates(wider, [sentence_vectors_of(p.chunk.chunk_id) for p in wider], query_vec, query,
                                weights, settings)
        candidates = more if giving(query, more, weights, settings) else candidates
    reason = abstain_reason(query, retrieval, candidates, catalogue, weights, settings)
    best = max((c.relevance for c in candidates), default=0.0)
    if reason is not None:
        return abstention(reason, best)
    if query.comparative:
        return _comparison(query, candidates, best, weights, settings)
    floor = max(settings.abstain_threshold if settings.rules.threshold else 0.0, best - settings.answer_margin)
    typed = giving(query, candidates, weights, settings) if query.answer_type in CHECKED_TYPES else []
    if settings.rules.answer_type_check and typed and len(typed) < len(candidates):
        asked = periods(query.text)
        if query.answer_type == "duration":
            typed = stated_extreme_first(typed, query.text, asked)
        in_period = [c for c in typed if asked and same_period(asked, periods(c.sentence.text))]
        whole = [c for c in in_period or typed if for_whole_area(c.sentence.text, query.text, query.councils)]
        holding = whole or in_period or typed
        first = says_most_asked(holding, query, weights, settings.first_margin)  # it opens with one
        # holding what is asked, dated as asked, for the whole area unless a part is asked
        others = [c for c in views_first(query, typed, candidates) if not repeats(c.sentence.text, first.sentence.text)]
        rest = mmr(others, settings.max_answer_sentences - 1, settings.mmr_lambda,
                   max(floor, first.relevance - settings.answer_margin))
        seeds = [first, *rest]
    else:
        holding = None
        seeds = mmr(candidates, settings.max_answer_sentences, settings.mmr_lambda, floor)
    if settings.rules.name_boost:
        seeds = definition_first(query, seeds, candidates, settings.max_answer_sentences)
        seeds = every_name_first(query, seeds, candidates, settings.max_answer_sentences, settings.abstain_threshold)
    chosen = seeds
    if settings.rules.continuation:
        limit = settings.max_answer_sentences
        wants_detail = query.answer_type not in CHECKED_TYPES or query.answer_type in DETAILED_TYPES
        lone = len(seeds) == 1 and wants_detail  # only then does a next sentence on the topic join the answer
        topical = near_topic(query, candidates, weights, settings) if lone else []
        chosen = with_continuations(seeds, candidates, query.text, weights, limit,
                                    wants_cause=query.answer_type == "reason", wants_detail=wants_detail,
                                    topical=frozenset(map(id, topical)), across=asks_response(query.text))
        chosen = with_substance(chosen, topical, query.text, weights, limit)
        means_told = False  # what brought a change about, which no deed then displaces
        if query.answer_type == "reason":
            chosen = with_stated_cause(chosen, candidates, limit)
        elif asks_means_of_change(query.text):  # what brought the change, else what was done towards it
            means = with_stated_means(chosen, candidates, limit)
            means_told = any(states_means(c.sentence.text) for c in means)
            chosen = means if means_told else with_deed(chosen, candidates, limit)
        if asks_response(query.text):
            chosen = with_deed(with_response(chosen, candidates, limit), candidates, limit)
        elif query.answer_type == "method" and not means_told:
            chosen = with_deed(chosen, candidates, limit, settings.deed_reach)
    if settings.rules.findings_first:
        chosen = findings_first(chosen, holding)
    return ranked_answer(*cite(by_council(antecedents_first(chosen))), best)


def findings_first(chosen: list[Candidate], holding: list[Candidate] | None = None) -> list[Candidate]:
    """Each council's sentences from the pages setting out its findings before those from the pages summing
    them up, which restate them more briefly ("Waiting lists had fallen sharply" over the statement's own
    figures): the finding is the source to read first. Of a question asking for a kind of thing, only sentences
    ``holding`` it move ahead, so the answer still opens with what was asked."""
    held = None if holding is None else {id(h) for h in holding}
    moving = {id(c) for c in chosen if c.passage.chunk.page not in FRONT_PAGES and (held is None or id(c) in held)}
    out: list[Candidate] = []
    for c in chosen:
        if id(c) in moving:
            at = next((i for i, x in enumerate(out) if x.passage.chunk.label == c.passage.chunk.label
                       and x.passage.chunk.page in FRONT_PAGES), len(out))
            out.insert(at, c)
        else:
            out.append(c)
    return out


def asked_names(query: Query) -> tuple[str, ...]:
    """The names the question asks about, without a council's possessive before them ("Reading's")."""
    return tuple(re.sub(r"^.*?['’]s\s+", "", name) for name in named_parts(query.text, query.councils))


def says_most_asked(typed: list[Candidate], query: Query, weights: TermWeights, margin: float) -> Candidate:
    """Of the candidates holding what is asked, those within ``margin`` of the most relevant, the one whose sentence
    (with the one it refers back to) holds most of the question's terms, by weight: "The council received 2,860
    safeguarding concerns" over "Care homes raised about 800 safeguarding concerns" for "how many … did Reading
    receive"; of two holding as much, one opening with the name asked about (:func:`opens_with_name`), else the more
    relevant."""
    top = max(c.relevance for c in typed)
    asked = weights.content(weights.terms(query.text)) - weights.terms(" ".join(query.councils))
    near = [c for c in typed if c.relevance >= top - margin]
    names = asked_names(query)
    return max(near, key=lambda c: (round(weights.overlap(asked, f"{refers_back_to(c)} {c.sentence.text}"), 6),
                                    opens_with_name(c.sentence.text, names), c.relevance))


#: How many words into a sentence a name may start and still be what the sentence is about ("The council's
#: Multiple Disadvantage Team worked with …").
NAME_OPENS_WORDS = 6


def opens_with_name(sentence: str, names: tuple[str, ...]) -> bool:
    """Whether one of the names the question asks about opens the sentence, as what it is about ("The council's
    Multiple Disadvantage Team worked with people who were homeless"), not at its end as one of several things
    ("… for example on discharge and the Multiple Disadvantage Team")."""
    text = " ".join(sentence.split())
    for name in names:
        at = text.casefold().find(name.casefold())
        if at >= 0 and len(text[:at].split()) <= NAME_OPENS_WORDS:
            return True
    return False


def definition_first(query: Query, seeds: list[Candidate], candidates: list[Candidate], limit: int) -> list[Candidate]:
    """For "What is X?", the most relevant sentence saying what X is ("Care Connect Rutland, a team of nine staff …",
    :func:`rag.names.defines_the_thing_asked`) opens the answer: a sentence merely using the name does not answer."""
    if thing_defined(query.text) is None:
        return seeds
    defining = [c for c in candidates if defines_the_thing_asked(query.text, c.sentence.text)]
    if not defining:
        return seeds
    first = max(defining, key=lambda c: c.relevance)
    return [first, *[c for c in seeds if c is not first]][:limit]


def holds_names(sentence: str, names: tuple[str, ...]) -> bool:
    """Whether the sentence spells every one of the names (any case, any spacing)."""
    flat = " ".join(sentence.split()).casefold()
    return all(" ".join(name.split()).casefold() in flat for name in names)


def every_name_first(query: Query, seeds: list[Candidate], candidates: list[Candidate], limit: int,
                     threshold: float) -> list[Candidate]:
    """When the question names two or more things ("the *University of Hull* evaluation of the *Community
    Connectors* programme"), the most relevant sentence spelling those the first sentence does not, in a passage
    spelling all of them, opens the answer ("… the programme …, and an evaluation by the University of Hull found
    …"): a sentence about one of them alone answers a wider question."""
    names = asked_names(query)
    missing = tuple(n for n in names if seeds and not holds_names(seeds[0].sentence.text, (n,)))
    if len(names) < 2 or not missing:
        return seeds
    naming = [c for c in candidates if c.relevance >= threshold and holds_names(c.sentence.text, missing)
              and holds_names(up_to(c), names)]
    if not naming:
        return seeds
    first = max(naming, key=lambda c: c.relevance)
    return [first, *[c for c in seeds if c is not first]][:limit]


def ranked_answer(text: str, citations: tuple[Citation, ...], best: float) -> Composition:
    """An answer composed from sentences: its quoted passages, in the order it quotes them, are shown first."""
    return Composition(text, False, citations, best, evidence=tuple(c.passage for c in citations), ranked=True)


#: Passages that only state a score: evidence for score questions, not an answer
#: to anything else ("Score: 3" says nothing about training).
NOT_QUOTED_KINDS = ("rating",)


def not_quoted(query: Query) -> tuple[str, ...]:
    """Passage kinds this question's answer may not quote: score lines, and a statement's standard text
    (the same "I"/"We" sentences in every report, which describe what is expected, not what was found)
    unless the question asks about that text."""
    return NOT_QUOTED_KINDS if asks_standard_text(query.text) else (*NOT_QUOTED_KINDS, "standard")


def with_following(passages: list[Passage], next_chunk, reach: int) -> list[Passage]:
    """The passages, then the paragraph that follows each of the first ``reach`` in its report (ranked last), for a
    question about what was done after something: a report tells the finding, then in its next paragraph what was
    done in response ("… were under-represented." then "In response, the council funded …"), which the search
    need not find, as it does not repeat the question's words."""
    out = list(passages)
    taken = {p.chunk.chunk_id for p in passages}
    for p in passages[:reach]:
        following = next_chunk(p.chunk)
        if following is not None and following.chunk_id not in taken:
            taken.add(following.chunk_id)
            out.append(Passage(following, 0.0, len(out) + 1))
    return out


def reaches_for_holder(query: Query, candidates: list[Candidate], weights: TermWeights, settings: Settings) -> bool:
    """Whether a question asking who holds a role looks below the top passages: none of their sentences about its
    topic names anyone in it, and a holder's sentence may share few words with the question ("The Executive Director
    of Adults and Health, Sam Reid, led a stable team" for "Who leads adult social care?")."""
    return (settings.rules.holder_reach and query.answer_type in HOLDER_TYPES and not query.comparative
            and bool(candidates) and not giving(query, candidates, weights, settings))


def _evidence(query: Query, retrieval: Retrieval, settings: Settings, top: int | None = None) -> list[Passage]:
    """The passages an answer may quote: the top ones (``compose_k``, or ``top``), and for comparisons those of
    every council."""
    skip = not_quoted(query)
    out = [p for p in retrieval.passages[: top or settings.compose_k] if p.chunk.kind not in skip]
    if query.comparative:
        seen = {p.chunk.chunk_id for p in out}
        for passages in retrieval.per_council.values():
            for p in passages:
                if p.chunk.chunk_id not in seen and p.chunk.kind not in skip:
                    seen.add(p.chunk.chunk_id)
                    out.append(Passage(p.chunk, p.relevance, len(out) + 1))
    return out


#: The stemmed words that shape a question but name nothing asked ("which", "council", "had").
QUESTION_TERMS = frozenset(tokenize([QUESTION_WORDS])[0])


def figured(candidates: list[Candidate], bound: Bound, question: str, wider: list[Candidate] = (),
            most_said: bool = False) -> Candidate | None:
    """The most relevant of a council's candidates that gives a figure in the bound's unit, of what the question
    measures when one does ("890,400 people live in …" for a population) — such a figure may also come from the
    ``wider`` list, however weakly it matches (a list of facts' "Spend per adult: £652"), with the sentence it refers
    back to ("The median wait was 67 days" after "… waiting for a Care Act assessment"); with ``most_said``, of those
    the one sharing most of the question's words, with that sentence and then by itself (not "carers waited a median
    of 35 days"; not "212 people had waited more than 12 months" after "1,870 people were waiting for a Care Act
    assessment") — or None when none gives one."""
    giving = [c for c in candidates if figures_like(c.sentence.text, bound)]
    seen = set(map(id, giving))
    pool = [*giving, *(c for c in wider if id(c) not in seen and figures_like(c.sentence.text, bound))]
    measured = [c for c in pool if gives_bounded_figure(c, bound, question)]
    if not measured:
        return max(giving, key=lambda c: c.relevance) if giving else None
    if not most_said:
        return max(measured, key=lambda c: c.relevance)
    asked = set(tokenize([without_assessment_time(without_bound(question, bound))])[0]) - QUESTION_TERMS  # not "at
    # the time of their assessment"

    def said(c: Candidate) -> tuple[int, int, float]:
        own = asked & set(tokenize([c.sentence.text])[0])
        return len(own | asked & set(tokenize([refers_back_to(c)])[0])), len(own), c.relevance

    return max(measured, key=said)


def gives_bounded_figure(candidate: Candidate, bound: Bound, question: str) -> bool:
    """Whether the candidate gives a figure in the bound's unit of what the question measures, with the sentence it
    refers back to ("Approximately 681,200 people live in Cambridgeshire" for "a population of more than 500,000"), or
    says nobody was waiting (a count of none): evidence for the comparison however weakly the rest of its words match."""
    if not figures_like(candidate.sentence.text, bound):
        return False
    if bound.unit == "count" and none_waiting(candidate.sentence.text):
        return True
    return holds("number", candidate.sentence.text, without_bound(question, bound), lead_in=refers_back_to(candidate))


def passes_bound(candidates: list[Candidate], bound: Bound, question: str) -> Candidate | None:
    """A council's candidate giving a figure (:func:`figured`) when its first such figure passes the bound
    ("1,240 applications were waiting" for "more than 1,000"), else None: a council whose figure falls short, or
    whose passages give none, is not one that passed."""
    pick = figured(candidates, bound, question, most_said=True)
    return pick if pick is not None and bound.passes(asked_figure(pick.sentence.text, bound, question)) else None


def on_side(candidates: list[Candidate], side: str) -> Candidate | None:
    """The most relevant of a council's candidates that puts its figure on the side of the benchmark asked
    ("lower than the England average" for "below the England average"), else None: a council above it, or
    whose passages name no side, is not one of those asked for."""
    siding = [c for c in candidates if side_of_benchmark(c.sentence.text) == side]
    return max(siding, key=lambda c: c.relevance) if siding else None


def topping(picks: dict[str, Candidate], bound: Bound, question: str) -> dict[str, Candidate]:
    """Of each council's candidate giving a figure, those whose figure asked about is the highest (or lowest) of
    all: "Which council had the largest budget?" is one council, not every council's budget."""
    values = {label: asked_figure(c.sentence.text, bound, question) for label, c in picks.items()}
    best = max(values.values()) if bound.op == "max" else min(values.values())
    return {label: c for label, c in picks.items() if values[label] == best}


#: A sentence whose subject is the figure or thing the one before it gave ("This was 44.2% of …", "It amounted to …"),
#: or one of the things it counted ("The longest had been waiting for 26 months", "The oldest was 97").
_STANDS_FOR_BEFORE = re.compile(r"(?:This|That|It|These|Those) (?:was|were|is|are|represented|amounted|equalled|"
                                r"equated)\b|The (?:longest|shortest|oldest|youngest|largest|smallest|biggest|highest|"
                                r"lowest|rest|remainder|majority) (?:had|has|was|were|is|are)\b")


def with_antecedent(candidate: Candidate) -> list[tuple[Passage, Sentence]]:
    """A comparison's line: its sentence, after the one before it in its passage when it opens by pointing back
    to it ("This was 44.2% of the local authority's total budget." after "The local authority spent £139.7
    million …"), so that the line says what its figure is of."""
    sentences = candidate.passage.chunk.sentences
    at = next((i for i, s in enumerate(sentences) if s.start == candidate.sentence.start), 0)
    if at and _STANDS_FOR_BEFORE.match(without_bullet(candidate.sentence.text)):
        return [(candidate.passage, sentences[at - 1]), (candidate.passage, candidate.sentence)]
    return [(candidate.passage, candidate.sentence)]


def antecedents_first(chosen: list[Candidate]) -> list[Candidate]:
    """The chosen sentences, each that points back to the sentence before it in its passage ("This was 44.2% of …", a
    table's "of whom aged 65 and over: 3,720") after that one when it is chosen too, so the answer reads in order."""
    out = list(chosen)
    for c in chosen:
        if not (_STANDS_FOR_BEFORE.match(c.sentence.text) or is_sub_row(c.sentence.text)):
            continue
        before = next((x for x in out if x.passage.chunk.chunk_id == c.passage.chunk.chunk_id
                       and x.sentence.end <= c.sentence.start and x.sentence.text == c.before), None)
        if before is not None and out.index(before) > out.index(c):
            out.remove(before)
            out.insert(out.index(c), before)
    return out


def with_next(chosen: list[Candidate], group: list[Candidate]) -> list[Candidate]:
    """The chosen sentences and those of ``group`` that come next after one of them: a figure often follows
    the sentence that names its topic ("The backlog was very large." "At the time, 6,540 applications …")."""
    opened, taken = {c.sentence.text for c in chosen}, set(map(id, chosen))
    return [*chosen, *(c for c in group if c.before in opened and id(c) not in taken)]


def _comparison(query: Query, candidates: list[Candidate], best: float, weights: TermWeights,
                settings: Settings) -> Composition:
    """One line per council with evidence, each cited; strongest evidence first. A council has evidence
    when its best sentence is nearly as relevant as the best overall, or holds most of the question's
    topic terms (for a bound, with the sentence it refers back to: "The median wait was 44 days" after "… were
    waiting for a Care Act assessment"); sentences about another kind or thing than the one asked about are no
    evidence."""
    benchmark = benchmark_asked(query.text) if settings.rules.bound_check else None
    side = side_of_benchmark(query.text) if benchmark is not None else None
    focuses = wordings(without_relative_year(query.text.replace(benchmark.words, " ") if side else query.text), weights)
    groups: dict[str, list[Candidate]] = {}
    for c in candidates:
        if not (settings.rules.answer_type_check and of_another_thing(query, c, weights)):
            groups.setdefault(c.passage.chunk.label, []).append(c)
    threshold = settings.abstain_threshold if settings.rules.threshold else 0.0
    floor = max(threshold, best - settings.comparison_margin)
    named = {a.casefold() for a in query.councils}
    bound = bound_of(query.text) if settings.rules.bound_check else None
    lines = []
    for label, group in groups.items():
        top = max(group, key=lambda c: c.relevance)
        if bound is not None or side is not None:
            eligible = [c for c in group if c.relevance >= floor or c.relevance >= threshold  # "The median wait was 44
                        and (holds_topic(focuses, f"{refers_back_to(c)} {c.sentence.text}", weights, settings)  # days" too,
                             or bound is not None and gives_bounded_figure(c, bound, query.text))]
            if bound is not None:
                passing = passes_bound(with_next(eligible, group), bound, query.text)
            else:
                passing = on_side(eligible, side)
            if passing is not None:
                lines.append((passing.relevance, label, passing))
            continue
        if top.relevance >= floor or label.casefold() in named and top.relevance >= threshold:
            lines.append((top.relevance, label, top))
            continue
        on_topic = [c for c in group if c.relevance >= threshold and holds_topic(focuses, c.sentence.text, weights, settings)]
        if on_topic:
            pick = max(on_topic, key=lambda c: c.relevance)
            lines.append((pick.relevance, label, pick))
    if not lines:  # no council passes, or none's evidence is near enough the best: nothing to list, so no answer
        why = (f"puts a figure for this {side} {benchmark.name}" if side is not None else
               f"gives a figure {bound_phrase(bound)} for this" if bound is not None else "gives enough evidence to compare")
        return abstention(f"No report here {why}.", best)
    top = top_of(query.text, len(query.councils) >= 2) if settings.rules.bound_check and bound is None else None
    if top is not None:  # "the largest budget": the council whose figure tops the others', when two or more give one
        listed = {label for _, label, _ in lines}  # and any other council whose passages give the figure measured
        found = {label: figured(with_next([c for c in group if c.relevance >= threshold], group),
                                top, query.text, wider=group) for label, group in groups.items()}
        picks = {label: c for label, c in found.items()
                 if c is not None and (label in listed or holds("number", c.sentence.text, query.text))}
        per_head = {label: c for label, c in picks.items() if per_head_as_asked(c.sentence.text, query.text)}
        picks = per_head or picks  # a total spend is not compared with others' spend per adult
        if len(picks) >= 2:
            lines = [(c.relevance, label, c) for label, c in topping(picks, top, query.text).items()]
    lines.sort(key=lambda x: -x[0])
    return ranked_answer(*cite([(label, with_antecedent(c)) for _, label, c in lines]), best)
