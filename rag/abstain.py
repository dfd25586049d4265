"""When the answer is "the reports don't say": every rule in one place, each a small named function
that returns the reason to show, or None. Rules that look at the question alone run before any
sentence is scored; the others look at the scored sentences.
"""

from __future__ import annotations

import re

from .analyse import ASKED_AFTER
from .answer_types import (
    ACRONYM,
    LIST_LENGTH,
    MISSING,
    NAMED_LIST,
    PARTS_BEFORE,
    PRESENT_OF,
    VERB_PREFIXES,
    another_object,
    asks_plan,
    asks_population_size,
    asks_share,
    asks_watch,
    council_itself_asked,
    counted_nouns,
    denial_unsaid,
    denies_what_is_asked,
    explains_the_one_before,
    figure_test,
    has_count,
    has_date,
    has_duration,
    has_reason,
    holding_words,
    holds,
    is_number_word,
    joined_figures,
    measures_the_thing,
    one_line,
    other_of_pair,
    part_condition,
    past_forms,
    places_the_council,
    present_forms,
    question_figures,
    reasons_in,
    says_not_known,
    spelled_out,
    stated_numbers,
    which_one_unsaid,
    without_bullet,
)
from .config import ABSTAIN_MESSAGE, Settings
from .councils import name_patterns, names_a_council, title_words_only, variants_of, with_title_words
from .framework import OVERALL_RATINGS, STATEMENTS, THEMES
from .kinds import KIND_WORDS, kind_left_unnamed, only_planned, other_kind
from .lay_terms import in_report_words
from .lexical import stop_words
from .periods import (
    MONTHS,
    a_year_earlier,
    at_assessment_time,
    baselines,
    figure_periods,
    period_words,
    periods,
    same_period,
    without_assessment_time,
)
from .records import Composition, Query, Retrieval
from .thresholds import bound_of, same_length_told
from .yardsticks import (
    asks_earlier_year,
    asks_other_councils,
    benchmark_asked,
    gives_benchmark,
    gives_earlier_year,
    gives_reference_value,
    names_a_target,
    names_peers,
    other_councils_named,
    reference_asked,
    reference_reach,
)


def abstention(reason: str | None = None, confidence: float = 0.0) -> Composition:
    """An abstention: the standard message, then the specific reason."""
    text = ABSTAIN_MESSAGE if not reason else f"{ABSTAIN_MESSAGE} {reason}"
    return Composition(text, True, (), confidence, reason)


def names_only_unknown_councils(query: Query, catalogue) -> str | None:
    """The question names councils, none of which has a report here: another council's evidence
    would be a wrong answer."""
    if query.unknown_councils and not query.councils:
        return f"There is no report for {', '.join(query.unknown_councils)} in this index."
    return None


def filters_exclude_named_council(query: Query, catalogue) -> str | None:
    """The question names a council that the filters in force leave out: say so rather than answer
    from the councils the filters keep."""
    chosen = {c.casefold() for c in query.filters.councils}
    if chosen and query.councils and not chosen & {c.casefold() for c in query.councils}:
        return (f"The question is about {', '.join(query.councils)}, but the filters in force keep only "
                f"{', '.join(query.filters.councils)}.")
    return None


def statement_not_covered(query: Query, catalogue) -> str | None:
    """The question asks about a quality statement that no report here (of the named council) covers.
    Score questions are left to the score lines, which a summary page may give without the statement's page."""
    if query.unknown_statements:
        return f"No report on the '{query.unknown_statements[0]}' quality statement is in this index."
    if query.answer_type in ("rating", "overall") or not (query.explicit_statements and query.councils):
        return None
    missing = [(c, s) for c in query.councils for s in query.explicit_statements if not catalogue.covers(c, s)]
    if len(missing) == len(query.councils) * len(query.explicit_statements):
        council, statement = missing[0]
        return f"This index has no '{statement}' report for {council}."
    return None


#: A question about an assessment before this one ("its previous CQC assessment", "the earlier inspection").
_EARLIER_ASSESSMENT = re.compile(r"\b(previous|earlier|prior|former|past|last year's)\s+(?:[\w-]+\s+){0,3}"
                                 r"(assessments?|inspections?|ratings?|scores?|reports?)\b", re.IGNORECASE)


def earlier_assessment(query: Query, catalogue) -> str | None:
    """A score asked for an assessment before this one: each report gives the scores of its own assessment
    only, so its score lines would answer a question that was not asked."""
    if query.answer_type in ("rating", "overall") and _EARLIER_ASSESSMENT.search(query.text):
        return "The reports give the scores of this assessment only, not of an earlier one."
    return None


def filters_match_nothing(query: Query, catalogue) -> str | None:
    """A filter names a section, council or statement the index does not have: say which ones it has."""
    f = query.filters
    if f.section and f.section.casefold() not in {s.casefold() for s in catalogue.sections}:
        return f"No section is named '{f.section}'; sections are: {', '.join(catalogue.sections)}."
    known = {c.casefold() for c in catalogue.councils}
    unknown = [c for c in f.councils if c.casefold() not in known]
    if unknown and len(unknown) == len(f.councils):
        return f"No report for {', '.join(unknown)} is in this index; councils are: {', '.join(catalogue.councils)}."
    if f.statement and f.statement not in catalogue.statements:
        return f"No report on '{f.statement}' is in this index; statements are: {', '.join(catalogue.statements)}."
    return None


def nothing_retrieved(query: Query, retrieval: Retrieval) -> str | None:
    """No passage passes the filters and what the question names."""
    if not retrieval.passages:
        what = query.filters.describe()
        return f"No passage matches the filters ({what})." if what else "No passage matches the question's council."
    return None


def below_threshold(best: float, settings: Settings) -> str | None:
    """Even the most relevant sentence is not about the question (calibrated threshold)."""
    if settings.rules.threshold and best < settings.abstain_threshold:
        return ""
    return None


def on_topic(query: Query, candidates, weights, settings: Settings) -> list:
    """The candidates about the question's topic: close to the best one, or holding most of its focus
    terms with the sentence before them when they refer back to it ("The service overspent by …"), or, for a figure,
    going on from one that is ("… the Carers Emergency Card scheme." "There were 1,650 carers registered with the
    scheme …", :func:`with_sequels`); for a count of something rare, all of them (the number must then stand beside
    that thing), and for how people are watched over, all of them too (the routine must then say how often: "were
    contacted every eight weeks"); for where the council itself lies, those placing it, whatever words they share
    with the question ("Which region is Sandwell in?": "Sandwell is a metropolitan borough in the West Midlands"); for
    who holds a role, those naming someone in it too (:func:`holders_named`)."""
    if counts_a_rare_thing(query, weights, settings) or query.answer_type == "method" and asks_watch(query.text):
        return list(candidates)
    if query.answer_type == "place" and council_itself_asked(query.text, query.councils):
        return [c for c in candidates if places_the_council(c.sentence.text, query.councils)]
    near = near_topic(query, candidates, weights, settings)
    if query.answer_type in ("number", "duration"):
        near = with_sequels(near, candidates)
    if settings.rules.holder_reach:
        near = near + holders_named(query, near, candidates, weights)
    if query.answer_type == "place" or query.answer_type == "method" and asks_plan(query.text):
        near = near + told_next(query, near, candidates, weights)
    return near


def told_next(query: Query, near: list, candidates, weights) -> list:
    """For a question asking where, or what is planned, the sentences straight after one about its topic that take up
    a word of the question it lacks ("… identified Gypsy and Traveller communities as groups less likely to ask for
    support." "Outreach at the Appleby horse fair had led to 14 referrals"; "… were not told what had changed."
    "Leaders planned to publish a summary each quarter"): the place or the plan may be told in the sentence after."""
    asked = weights.focus(weights.terms(query.text)) - weights.terms(" ".join(query.councils))
    lacking = {one_line(c.sentence.text): asked - weights.terms(c.sentence.text) for c in near}
    taken = set(map(id, near))
    return [c for c in candidates if id(c) not in taken and one_line(c.before) in lacking
            and lacking[one_line(c.before)] & weights.terms(c.sentence.text)]


#: What asks who holds a role: a person by name ("Who is the director?") or whoever does it ("Who chairs the board?").
HOLDER_TYPES = ("person", "holder")


def holders_named(query: Query, near: list, candidates, weights) -> list:
    """For a question asking who holds a role, the sentences naming someone in that role, however few words
    they share with the question ("The Executive Director of Adults and Health, Sam Reid, led a stable team" for
    "Who leads adult social care?"): naming the role is being on its topic."""
    if query.answer_type not in HOLDER_TYPES or query.comparative:
        return []
    taken = set(map(id, near))
    return [c for c in candidates if id(c) not in taken and holds_what_is_asked(query, c, weights)]


def wordings(question: str, weights) -> tuple[frozenset[str], ...]:
    """The focus terms of the question as asked and in the reports' words for its plain ones ("take-up" → "used"):
    a sentence may say it either way ("a waiting list" is the reports' wording too)."""
    asked = weights.focus(weights.terms(question))
    reworded = weights.focus(weights.terms(in_report_words(question)))
    return (asked,) if reworded == asked else (asked, reworded)


def holds_topic(focuses: tuple[frozenset[str], ...], text: str, weights, settings: Settings) -> bool:
    """Whether ``text`` holds most of the question's focus terms in one of its wordings (:func:`wordings`), its verbs
    read in the present too ("It met monthly" holds "meet")."""
    text = f"{text} {present_forms(text)}"
    return any(f and weights.overlap(f, text) >= settings.topic_overlap for f in focuses)


def near_topic(query: Query, candidates, weights, settings: Settings) -> list:
    """The candidates close to the best one, or holding most of the question's focus terms (with the sentence
    before them when they refer back to it), as asked or in the reports' words for its plain ones ("finished
    reablement" for "completed the short programme to regain everyday skills")."""
    focuses = wordings(query.text, weights)
    best = max(c.relevance for c in candidates)
    return [c for c in candidates if not focuses[0] or best - c.relevance <= settings.answer_margin
            or holds_topic(focuses, f"{refers_back_to(c)} {c.sentence.text}", weights, settings)]


#: Units a "how many" question measures a length of time in ("how many days did it take to respond"): they
#: count no thing, so they never pick out a topic ("12 days" may be an assessment's wait).
TIME_UNITS = frozenset({"minute", "day", "week", "month", "year"})


def counts_a_rare_thing(query: Query, weights, settings: Settings) -> bool:
    """A "how many X" question whose X is rare enough in the reports to pick out the topic by itself
    ("DoLS applications"), so any sentence with a number beside it answers; "how many people …" is not, nor
    "how many days …"."""
    counted = counted_nouns(query.text) - TIME_UNITS if query.answer_type == "number" else ()
    nouns = weights.terms(" ".join(counted))
    return bool(nouns) and all(weights.df.get(n, 0) < settings.generic_share * weights.n for n in nouns)


def holds_what_is_asked(query: Query, candidate, weights=None) -> bool:
    """Whether the candidate's sentence holds the kind of thing the question asks for; its passage before it
    may name the part a figure is for ("DoLS applications" above "1,940 applications were waiting"), and the
    sentence before it the kind of thing its figure is of. ``weights`` tell which words the reports use."""
    known = weights.uses if weights is not None else None
    return holds(query.answer_type, candidate.sentence.text, query.text, query.councils, up_to(candidate),
                 candidate.before, known)


def up_to(candidate) -> str:
    """The candidate's passage up to the end of its sentence: what sets the scope of its figure (a part of
    the area named only after it, "waits were longest in the West locality", is another figure's)."""
    chunk = candidate.passage.chunk
    return chunk.text[: max(0, candidate.sentence.end - chunk.start)]


#: Verbs of taking part with nothing after them to say in what: "Around 420 people *took part* in 2025/26" is in the
#: programme the sentence before named.
TOOK_PART = r"took part|take part|attended|participated|joined in|signed up|enrolled|completed it|used it|benefited"
#: How a sentence that speaks of what the one before it named begins: a pronoun or demonstrative ("It", "These
#: waits"), after a time the service or team the sentence before named ("In 2025/26 the service supported …"), a
#: place or group the sentence before named ("In those teams, …"), the report's own subject ("The
#: service overspent …", "The council"), a figure with no noun of its own ("Only 52% were answered …", "Of
#: these, 40% …", a share and what it did: "84% went home"), a count of those who took part (:data:`TOOK_PART`),
#: the ones it touched ("All 46 people affected …"), or "The" (or "People") and a word the sentence before it
#: used, perhaps with an "a-" before it ("The median wait" or "People waited" after "… were waiting …", "The longest wait" after "… awaiting
#: assessment", "Following the restructure" after "… restructured …"), or a table's sub-row ("of whom aged 65
#: and over: 3,720").
_ANAPHORIC_START = re.compile(r"^(?:(?:In|By|Since|During|Over|From|Until|Between)\s+[\w/\s]{1,25}?,?\s+(?:it|they|this|these|"
                              r"the (?:service|team|scheme|programme|project|hub|pilot|panel|board))\b|"
                              rf"{PARTS_BEFORE}|"
                              r"It|They|This|These|That|Those|Its|Their|Such|[Oo]f (?:whom|which)|The (?:service|council|local authority|"
                              r"department|directorate)|Of (?:these|them|those|this)|(?:(?:Only|Just|About|Around|Nearly|"
                              r"Almost|Over|Under) )?\d[\d,.]*\s*(?:%|per ?cent)? (?:of (?:these|them|those) )?"
                              r"(?:were|was|had|have|did|are|is)\b|"
                              r"(?:(?:Only|Just|About|Around|Nearly|Almost|Over|Under) )?\d[\d,.]*\s*(?:%|per ?cent) (?:"
                              r"[a-z]+ed|went|got|made|left|came|took|felt|said|told|stayed|kept|chose)\b|"
                              r"(?:(?:Only|Just|About|Around|Nearly|Almost|Over|Under|More than|Fewer than) )?\d[\d,.]* "
                              rf"[a-z]+ (?:{TOOK_PART})|"
                              r"(?:All|Both|Those|The) (?:\d[\d,]* )?(?:[a-z]+ )?"
                              r"(?:affected|involved|concerned)\b)\b|"
                              r"^(?:The|(?:Following|After|Since) the|People) (?P<words>[a-z]+(?: [a-z]+)?)\b")
#: How long a word after "The" must be to be looked for in the sentence before ("The median *wait*" after "… waiting").
ANAPHOR_MIN_CHARS = 4
#: A past or continuous ending, left off that word so that another form of it is found ("People *waited* …"
#: after "… were waiting …").
_WORD_ENDING = re.compile(r"(?:ed|ing)$")


#: Words in a sentence that point back at what the one before told ("commissioned research *to understand why*",
#: "a plan *to tackle this*").
_POINTS_BACK = re.compile(r"\b(?:understand|find out|establish|explore|investigate|look into|explain|address|tackle|"
                          r"reverse|improve)\s+(?:why|this|these|that)\b(?!\s+(?:[a-z]+\s+)?(?:was|were|is|are|had|has|did))",
                          re.IGNORECASE)


def refers_back_to(candidate) -> str:
    """The sentence before the candidate's when the candidate's begins by referring to it (a pronoun, or
    "The" or "People" and one of the next two words used, in some form, by the sentence before: "The median
    wait" or "People waited" after "… were waiting …"), or names by its kind alone a thing the sentence before
    named in full (:func:`names_again`), else ""."""
    before = candidate.before
    said = without_bullet(one_line(candidate.sentence.text))  # a PDF's "Of\nthese", a list's "- This was …"
    m = _ANAPHORIC_START.match(said) if before else None
    if not m:
        return before if before and (names_again(said, one_line(before)) or _POINTS_BACK.search(said)
                                     or explains_the_one_before(said)) else ""
    words = [_WORD_ENDING.sub("", w) for w in (m.group("words") or "").split()]
    words = [w for w in words if len(w) >= ANAPHOR_MIN_CHARS]
    if m.group("words") is not None and not any(re.search(rf"\b(?:a)?{w}", before, re.IGNORECASE) for w in words):
        return ""
    return before


#: A count of things named by their kind alone ("780 applications were waiting"), not of people (whom every
#: sentence counts).
_COUNT_OF_KIND = re.compile(r"\b\d[\d,]*\s+(?!people\b)([a-z]{4,}s)\b")


#: A name ending in its kind ("the Three Towns *Reablement Team*"): the word before the kind says what the thing does.
_NAMED_FOR = re.compile(rf"\b(?P<what>[A-Z][a-z]{{4,}})\s+(?:{'|'.join(sorted(w.capitalize() for w in KIND_WORDS))})\b")


#: A named service said to do a kind of work ("Tameside Intermediate Care at Home *provided reablement* for up to six
#: weeks"): the work's word.
_NAMED_DOING = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|at|of|and|for|in|on|the)){1,6}\s+"
                          r"(?:provided|provides|delivered|delivers|offered|offers|ran|runs|gave|gives)\s+"
                          r"(?P<what>[a-z][a-z-]{4,})\b")


def names_by_its_work(sentence: str, before: str) -> bool:
    """Whether the sentence speaks, in lower case, of the work the sentence before's named team or service does
    ("1,420 people received *reablement*" after "The Three Towns *Reablement Team* offered …", "690 people started
    *reablement*" after "Tameside Intermediate Care at Home provided *reablement* …"): it tells of that team's work."""
    return any(re.search(rf"(?<!^)\b{m.group('what').casefold()}\b", sentence)
               for pattern in (_NAMED_FOR, _NAMED_DOING) for m in pattern.finditer(before))


def names_again(sentence: str, before: str) -> bool:
    """Whether the sentence names by its kind alone ("support from *the fund*", "*780 applications* were waiting") a
    thing the sentence before named in full ("a hardship fund for people struggling with care charges", "the Carers
    Emergency Card scheme", "a backlog
    of applications for Deprivation of Liberty Safeguards", "received 1,870 Deprivation of Liberty Safeguards
    applications"), or by the work it does (:func:`names_by_its_work`): what it says is of that thing."""
    if names_by_its_work(sentence, before):
        return True
    return any(re.search(rf"\b(?!(?i:the|a|an|this|that|its|their|our)\b)[A-Za-z][\w'’-]+ {kind}\b", before)
               for kind in {m.group(1) for m in _BY_KIND.finditer(sentence)}) or any(
        re.search(rf"\b{counted} (?:for|of|about|from)\b|\b(?!(?:the|a|an|this|that|its|their|our|of|and|or|in|more|"
                  rf"many|some|all|new)\b)[A-Za-z][\w-]*[A-Za-z] {counted}\b", before)
        for counted in {m.group(1) for m in _COUNT_OF_KIND.finditer(sentence)})


def of_another_thing(query: Query, candidate, weights=None) -> bool:
    """Whether the candidate's sentence speaks of another kind or thing than the one asked about ("underspent"
    for "overspent", complaints about care for complaints about safeguarding), does not name a kind a comparison
    must see named (an *interim* director), says the answer is not recorded, or
    denies what was asked ("it did not carry out assessments"), denies nothing when a denial is asked ("which had
    no waiting list"), leaves out a figure the question names ("from the age of 14"), or only plans the deed asked
    about: a comparison does not list its council as one that
    did what was asked."""
    known = weights.uses if weights is not None else None
    sentence, before = one_line(candidate.sentence.text), one_line(candidate.before)
    return (other_kind(sentence, query.text, named_only=True) is not None or says_not_known(sentence)
            or kind_left_unnamed(sentence, query.text, before)
            or another_object(sentence, query.text, known, before, query.councils)
            or denies_what_is_asked(sentence, query.text, query.councils) or denial_unsaid(sentence, query.text)
            or figure_left_out(f"{before} {sentence}", query.text) or only_planned(sentence, query.text))


def figure_left_out(text: str, question: str) -> bool:
    """Whether a comparison asking which councils did something at a figure ("planning from the age of 14", "a carers'
    grant of £300") meets a sentence (with the one before it) without that figure: "58 young people were expected to
    move to adult services" does not say planning starts at 14. A bound ("more than 1,000") is checked as a bound."""
    wanted = question_figures(question)
    return bool(wanted) and bound_of(question) is None and not wanted <= stated_numbers(text)


def giving(query: Query, candidates, weights, settings: Settings) -> list:
    """The candidates about the question's topic that hold the kind of thing it asks for, narrowed as asked (to
    what a count is of, the part of a whole counted, whose rate it is)."""
    narrowings = (*count_narrowings(query, weights, settings), part_terms(query, weights, settings))
    return [c for c in on_topic(query, candidates, weights, settings)
            if holds_what_is_asked(query, c, weights) and all(narrowed_as_asked(c, n, weights) for n in narrowings)]


#: Words for which measure of a figure is asked ("on average", "the median"), not what it is of: "the average
#: wait was 12 days" is not narrowed to complaints by sharing "average" with "how many days, on average, did
#: it take to answer complaints".
MEASURES = ("average", "median", "mean", "typical", "longest", "shortest", "total", "overall")
#: Words that ask for a figure from the reports ("what population figure does the report give"), not what it is of;
#: and the people an area's population counts.
FIGURE_WORDS = ("figure", "number", "report", "reports", "give", "gives", "say", "says", "state", "states",
                "population", "residents", "inhabitants")
#: The source of a figure named in the question ("what does the CQC report say", "according to its assessment"), not
#: what the figure is of.
_ASSESSOR = re.compile(r"\baccording to\s+(?:(?:its|the|their|this)\s+(?:[\w-]+\s+){0,4}?(?:assessment|report)s?|"
                       r"(?:the\s+)?(?:cqc|care quality commission|inspectors?))\b|"
                       r"\b(?:CQC|Care Quality Commission)\b", re.IGNORECASE)


#: Words that say when a count runs ("since 2021", "until March"), not what it is of.
WHEN_WORDS = ("since", "until", "till", "ago", "during")
#: A point of a period a figure is taken at ("at the end of March 2025"): when, not what the figure is of.
_PERIOD_EDGE = re.compile(r"\b(?:at|by|from|to|until|towards?)\s+the\s+(?:end|start|beginning|close)\s+of\b",
                          re.IGNORECASE)


#: The words of a list whose length a question asks ("how long is the waiting list for occupational therapy"): what
#: it counts, as "people" is in "how many people", not what the count is narrowed to.
LIST_WORDS = ("how", "long", "waiting", "list", "waitlist", "queue", "backlog")
#: A question asking how long something took or lasted: a length of time, checked as one.
_HOW_LONG = re.compile(r"\bhow long\b", re.IGNORECASE)


#: Words asking for a share, and for the people it is taken of ("what percentage of people"): what the share is of,
#: not what it is narrowed to.
SHARE_OF_WORDS = ("share", "percentage", "proportion", "fraction", "percent", "cent", "people")
#: An age group given by its bound ("aged 65 or older", "over-65s"): whom a share is of ("People aged 65 and over: 29.6%"
#: is the share of the population 65 or older), not what it is narrowed to; "older people" are narrowed by "older".
_AGE_BOUND = re.compile(r"\b(?:aged\s+)?\d{2}\s*(?:\+|(?:or|and)\s+(?:over|older|above))|\bover[- ]\d{2}s?\b", re.IGNORECASE)
#: Where the people a share is of live ("people living in West Sussex"): whom it is of, not what it is narrowed to.
_LIVING_IN = re.compile(r"\b(?:living|who (?:live|lived)|resident|based)\s+in\s+(?:the\s+)?[A-Z][\w'’-]*")
#: The field every report is about, naming the department a figure is in ("turnover in its adult social care
#: department"): where the figure is, not what it is of ("the budget for adult social care" is of it).
_FIELD = re.compile(r"\b(?:adult )?social care(?= (?:department|directorate)\b)", re.IGNORECASE)
#: The field every report is about, named before the thing a figure is of ("the adult social care *precept*"): that
#: thing is what the figure is narrowed to ("in charge of adult social care", "adult social care staff" keep it).
_FIELD_NAMED = re.compile(r"\badult social care\s+(?P<next>[a-z]{3,})\b", re.IGNORECASE)
#: Words after the field's name that keep it whole: what the field itself has or does ("adult social care *staff*"),
#: and words joining it to a time or a place ("in charge of adult social care *since* 2021").
_OF_THE_FIELD = frozenset({"services", "service", "department", "directorate", "team", "teams", "staff", "workforce",
                           "went", "go", "goes", "gone", "going", "overspent", "underspent", "spent", "since", "until",
                           "during", "before", "after", "across", "within", "between", "over", "under", "now", "today",
                           "last", "next", "this", "per"})


def aliases_used(query: Query) -> list[str]:
    """The other names by which the question names its councils ("Staffs", "Bucks"): no part of its topic."""
    text = query.text.casefold()
    return [v for c in query.councils for v in variants_of(c) if re.search(rf"\b{re.escape(v)}\b", text)]


def narrowing_terms(query: Query, weights, settings: Settings) -> frozenset[str] | None:
    """What a figure of something common is narrowed to ("how many people used *direct payments*", "what share of
    home care workers are on *zero-hours* contracts", "what was *staff turnover* in its adult social care
    department"): the question's topic terms (with the reports' words for its plain ones) but the thing counted, the
    words asking for a figure, the people a share is of (their age bound and where they live), the department it is
    in and the councils, and of those the specific ones when there are any ("how many people did the *reablement*
    service support": "1,920 people were receiving long-term support" uses only the common word; "turnover in home
    care was 24%" says nothing of zero-hours contracts); None when the check does not apply (not a figure, a length
    of time, or a rare thing counted, "DoLS applications", which picks out the topic by itself)."""
    share = asks_share(query.text)
    if query.answer_type != "number" or not settings.rules.narrowed_count_check or counts_a_rare_thing(query, weights, settings) \
            or _HOW_LONG.search(query.text) and not LIST_LENGTH.search(query.text) or asks_population_size(query.text):
        return None
    listed = LIST_WORDS if LIST_LENGTH.search(query.text) else ()  # "how long is the waiting list for X": the list counts
    left_out = weights.terms(" ".join((*counted_nouns(query.text), *query.councils, *aliases_used(query),
                                       *period_words(query.text),
                                       *MEASURES, *FIGURE_WORDS, *WHEN_WORDS, *listed, *(SHARE_OF_WORDS if share else ()),
                                       holding_words(query.text))))
    asked = _PERIOD_EDGE.sub(" ", _ASSESSOR.sub(" ", _FIELD.sub(" ", query.text)))
    if share:
        asked = _LIVING_IN.sub(" ", _AGE_BOUND.sub(" ", asked))
    narrowing = weights.focus(weights.terms(in_report_words(beyond_field(asked)))) - left_out \
        or weights.focus(weights.terms(in_report_words(asked))) - left_out  # read as asked only when nothing is left
    specific = frozenset(t for t in narrowing if weights.df.get(t, 0) <= settings.specific_share * weights.n)
    return specific or narrowing


#: Words after the field's name that keep it: the field's own, a measure or a figure word ("adult social care overall").
_KEEPS_FIELD = _OF_THE_FIELD | frozenset(MEASURES) | frozenset(FIGURE_WORDS)


def beyond_field(asked: str) -> str:
    """The question without the field every report is about where it names the thing a figure is of ("the adult
    social care precept" → "the precept"): what is left says what the figure is narrowed to."""
    keeps = stop_words() | _KEEPS_FIELD
    kept = _FIELD_NAMED.sub(lambda m: m.group(0) if m.group("next").casefold() in keeps else f" {m.group('next')}", asked)
    return " ".join(kept.split())  # "go over its budget", as the reports' wordings for a plain phrase read it


def narrowed_as_asked(candidate, narrowing: frozenset[str] | None, weights) -> bool:
    """Whether the candidate (or the sentence it refers back to) uses a word of what the count is narrowed to."""
    return not narrowing or weights.overlap(narrowing, f"{refers_back_to(candidate)} {candidate.sentence.text}") > 0


def part_terms(query: Query, weights, settings: Settings) -> frozenset[str] | None:
    """What a count of part of a whole says the part did or was ("how many of the concerns *related to
    self-neglect*"): the terms of those words (and of the reports' wordings for them when the reports never use one
    of them), the councils' and the whole's aside ("how many carers' assessments
    were for *young adult* carers"); None for any other question. A sentence that counts the whole ("3,412
    safeguarding concerns", "1,680 carers' assessments") does not count the part."""
    if query.answer_type != "number" or not settings.rules.part_count_check:
        return None
    condition = without_assessment_time(part_condition(query.text))  # "completed by the time of the assessment"
    if not condition:
        return None
    whole = query.text[: query.text.find(condition)] if condition in query.text else ""
    terms = weights.focus(weights.terms(condition))
    if any(not weights.df.get(t) for t in terms):  # a plain word the reports never use ("temps"): theirs stand for it
        terms |= weights.focus(weights.terms(in_report_words(condition)))
    terms -= weights.terms(" ".join((*query.councils, whole)))
    return terms or None


def counts_within_topic(query: Query, candidate, weights, settings: Settings) -> bool:
    """Whether a count of something common ("how many people used direct payments") is given with a word of
    what the question narrows it to (it, or the sentence it refers back to): "2,860 people were getting
    long-term support" does not say how many used direct payments; and a rate with a word of whose it is
    (:func:`rate_owner_terms`)."""
    return all(narrowed_as_asked(candidate, n, weights) for n in count_narrowings(query, weights, settings))


def count_narrowings(query: Query, weights, settings: Settings) -> tuple[frozenset[str] | None, ...]:
    """What a figure asked is narrowed to: its topic (:func:`narrowing_terms`) and whose rate it is
    (:func:`rate_owner_terms`); a sentence giving it uses a word of each that applies."""
    return narrowing_terms(query, weights, settings), rate_owner_terms(query, weights, settings)


#: A rate of a workforce ("vacancy rate", "turnover rates"), which many kinds of staff have, and whose it is when named
#: after it ("the vacancy rate *for occupational therapists*", "the turnover rate *among home care staff*"), up to a
#: preposition or a verb.
_RATE_NAMED = re.compile(r"\b(?:vacancy|vacancies|turnover|sickness|absence|retention)\s+rates?\b"
                         r"(?:\s+(?:for|among|amongst|of)\s+(?:the\s+|its\s+|their\s+)?"
                         r"(?P<after>(?:(?!(?:at|in|on|by|for|of|during|since|across|and|or|was|is|were|are|did|does)\b)"
                         r"[\w'’-]+\s*){1,4}))?", re.IGNORECASE)
#: Words that end whose a rate is when read back from it ("What was *the* social worker vacancy rate?").
_NOT_OWNER = frozenset({"what", "which", "who", "how", "was", "is", "were", "are", "did", "does", "do", "has", "have",
                        "had"})


def rate_owner(question: str) -> str:
    """The words naming whose rate a question asks for: those straight before the rate, back to a plain word or a
    possessive ("social worker" in "What was the social worker vacancy rate in Fenwick?"), or after it
    (:data:`_RATE_NAMED`, "occupational therapists"); "" when it names none ("What was Fenwick's vacancy rate?") or
    asks another rate ("What standard hourly rate did Fenwick pay for home care?")."""
    m = _RATE_NAMED.search(question)
    if not m:
        return ""
    plain = stop_words() | _NOT_OWNER
    before: list[str] = []
    for word in reversed(re.findall(r"[\w'’-]+", question[: m.start()])[-3:]):
        if word.casefold() in plain or word.endswith(("'s", "’s")):
            break
        before.insert(0, word)
    return " ".join([*before, m.group("after") or ""]).strip()


def rate_owner_terms(query: Query, weights, settings: Settings) -> frozenset[str] | None:
    """The terms of whose rate a figure asked is (:func:`rate_owner`), the councils', their other names' and the
    periods' aside: "There were 63 care homes, with a vacancy rate of around 11%" is no social worker vacancy rate;
    None when the question names no one's rate or the check does not apply."""
    if query.answer_type != "number" or not settings.rules.narrowed_count_check:
        return None
    owner = rate_owner(query.text)
    terms = weights.focus(weights.terms(owner)) - weights.terms(" ".join((*query.councils, *aliases_used(query),
                                                                        *period_words(owner))))
    return terms or None


def asked_thing_missing(query: Query, candidates, weights, settings: Settings) -> str | None:
    """The question asks for a specific kind of thing (a number, a date, a name, an organisation, a
    place) and no sentence about its topic gives one: the reports mention the topic, not the answer."""
    if not settings.rules.answer_type_check or query.answer_type not in MISSING or query.comparative:
        return None
    if query.answer_type == "place" and not query.councils:
        return None  # "where did providers complain …": the councils the answer's lines name are the places
    if giving(query, candidates, weights, settings):
        return None
    about = on_topic(query, candidates, weights, settings)
    topic = topic_phrase(query.text, [c.sentence.text for c in about[:3] or candidates[:3]], query.councils)
    if topic:
        where = f"{possessive(query.councils[0])} " if len(query.councils) == 1 else ""
        if where and topic.casefold().startswith(query.councils[0].casefold()):
            where = "the "  # "the Surrey Co-production Collective", not "Surrey's Surrey …"
        return f"The reports mention {where}{topic} but not {MISSING[query.answer_type]}."
    where = f" for {', '.join(query.councils)}" if query.councils else ""
    return f"The reports{where} do not say {MISSING[query.answer_type]}."


def figure_not_found(query: Query, candidates, weights, settings: Settings) -> str | None:
    """The question gives a figure as part of what it asks about ("people aged 85 and over") and no
    passage found holds it: passages about another figure ("aged 65 and over") do not answer it. A length of time
    may be held in another unit ("3 months later" as "91 days after"), and a size joined to its noun ("the 48 bed
    home" as "a 48-bed home")."""
    if not settings.rules.figure_check or query.comparative:
        return None
    wanted = question_figures(query.text)
    if not wanted:
        return None
    texts = {c.passage.chunk.text for c in candidates}
    found = set().union(*(stated_numbers(text) | joined_figures(text) | same_length_told(query.text, text) for text in texts))
    missing = sorted(wanted - found)
    return f"No passage found mentions {', '.join(missing)} in this context." if missing else None


#: A question asking what a review, audit or evaluation found ("What did the external audit conclude?", "Was the pilot
#: judged a success?"), what was decided or agreed, or what changed after something, not what was done after a
#: finding ("What did they do after finding …").
_ASKS_FINDINGS = re.compile(r"\bwhat\s+(?:did|has|have|had|does|do|will)\b[^?]{0,160}?\b(?:find|conclude|recommend|show|"
                            r"identify|reveal|learn|decide)\b|"
                            # what a review itself said ("What did the 2026 peer challenge say about the plan?"), not
                            # what people said
                            r"\bwhat\s+did\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?(?:review|audit|evaluation|"
                            r"peer\s+(?:challenge|review|team)|inspection|study|consultation|trial|pilot)\s+say\b|"
                            # "What results did the pilot produce?", "What new rate did Bolton agree?"
                            r"\bwhat\s+(?:results?|outcomes?|findings?)\s+(?:did|has|have|had)\b|"
                            r"\bwhat\s+(?:new\s+)?(?:[\w'’-]+\s+){0,2}?(?:did|has|have|had)\s+[^?]{1,60}?\s+agree\b|"
                            r"\bwhat\s+(?:was|were|has\s+been|had\s+been)\s+(?:agreed|decided)\b|"
                            # "what came of the pilot", "how did the trial turn out"
                            r"\bwhat\s+(?:came|has\s+come|had\s+come|became|has\s+become)\s+of\b|\bhow\s+(?:did|has|have)\b[^?]{0,80}?"
                            r"\bturn(?:ed)?\s+out\b|"
                            r"\bwhat\s+(?:has\s+|had\s+)?changed\s+(?:[^?]{0,80}?\s)?(?:after|since|following|as\s+a\s+result)\b|"
                            # "What were the main findings of the review?", "What did the programme find out?"
                            r"\bwhat\s+(?:were|was|are|is|have\s+been|has\s+been)\s+(?:the\s+|its\s+|their\s+)?(?:main\s+|key\s+|"
                            r"early\s+|first\s+|initial\s+)?(?:findings?|results?|conclusions?|recommendations?|lessons?)\s+"
                            r"(?:of|from)\b|^\s*(?:was|were|is|are|has|have|had)\b[^?]{0,120}?\b(?:judged|found|deemed|"
                            r"considered|shown|proved|proven|been)\s+(?:to\s+be\s+|to\s+have\s+been\s+)?(?:a\s+)?(?:success|"
                            r"successful|effective|worthwhile|a failure)\b", re.IGNORECASE)
#: A sentence saying that the thing it names has not reported yet ("due to report in September 2025").
_PENDING = re.compile(r"\b(?:due to (?:report|conclude|be published|be reported|finish|complete|be completed)|"
                      r"(?:had|has|have) not (?:yet )?(?:reported|concluded|finished|been (?:published|completed|finished))|"
                      # begun or planned, not finished: "had started a review of its listings", "planned to review"
                      r"(?:had|has|have)\s+(?:started|begun|commissioned|launched)\s+(?:an?\s+)?(?:[\w'’-]+\s+){0,2}?"
                      r"(?:review|evaluation|audit|study|research)|(?:a\s+plan|plans|planned|planning)\s+to\s+(?:review|evaluate|audit)|"
                      # asked for, not yet told: "had asked a peer team to test it", "worked with a university to evaluate"
                      r"(?:had|has|have)\s+(?:asked|commissioned|invited)\s+[^.;]{1,80}?\s+to\s+(?:test|review|evaluate|audit|study|check|"
                      r"assess)|"
                      r"(?:working|worked)\s+with\s+[^.;]{1,60}?\s+to\s+(?:evaluate|review|study)|"
                      # still under way: "was being renegotiated", "planned to decide in summer 2025", "a post looking at"
                      r"(?:planned|due|expected)\s+to\s+(?:make|take|reach)\s+(?:a|its|their|the)\s+decision|"
                      r"(?:was|were|is|are)\s+(?:still\s+)?being\s+(?:re)?(?:negotiated|drafted|developed|finalised|agreed|"
                      r"considered)|(?:planned|due|expected)\s+to\s+decide|(?:was|were|is|are)\s+planned\s+for|"
                      r"(?:was|were|is|are)\s+(?:still\s+)?(?:evaluating|reviewing|studying)|"
                      r"to\s+(?:complete|finish)\s+(?:the|its|a)\s+(?:[\w'’-]+\s+){0,2}?(?:review|evaluation|audit|study)|"
                      r"(?:post|project|study|research|researcher)\s+(?:[\w'’-]+\s+){0,3}?(?:looking\s+(?:at|into)|exploring)|"
                      r"(?:an\s+|the\s+)?(?:evaluation|review)\s+(?:[\w'’-]+,?\s+){0,6}?due\s+(?:in|by)\b|"
                      r"(?:was|were|is|are) (?:yet|still) to (?:report|conclude|be published|be completed)|"
                      r"(?:was|were|is|are) expected to (?:report|conclude)|(?:would|will) report|"
                      r"(?:was|were|is|are) (?:still )?being (?:evaluated|reviewed)|(?:had|has|have) not yet been evaluated|"
                      r"too\s+(?:soon|early)\s+to\s+(?:say|tell|measure|judge|know|assess|see|show))\b",
                      re.IGNORECASE)
#: A sentence telling what something found or settled ("The review found that …", "showed fewer falls", "agreed").
_FINDS = re.compile(r"\b(?:found|finds|concluded|concludes|recommended|recommends|showed|shows|shown|identified|decided|agreed|"
                    r"estimated|estimates|calculated|"
                    r"identifies|revealed|reveals|highlighted|highlights)\b", re.IGNORECASE)
#: A question asking what was decided or agreed ("What did Leeds decide about a wider roll-out?"), which only a
#: decision tells ("Early results showed fewer calls" is a finding, not the decision).
_ASKS_DECISION = re.compile(r"\bwhat\s+(?:did|has|have|had|does|do|will)\b[^?]{0,120}?\bdecide\b|"
                            r"\bwhat\s+(?:new\s+)?(?:[\w'’-]+\s+){0,2}?(?:did|has|have|had)\s+[^?]{1,60}?\s+agree\b|"
                            r"\bwhat\s+(?:was|were|has\s+been|had\s+been)\s+(?:agreed|decided)\b", re.IGNORECASE)
_DECIDED = re.compile(r"\b(?:decided|agreed|approved|chose|chosen|opted|rejected|signed)\b", re.IGNORECASE)
#: How many of the sentences most about the question's topic are looked at for one saying it has not reported yet.
PENDING_REACH = 3


def findings_not_yet_reported(query: Query, candidates, weights, settings: Settings) -> str | None:
    """What a review or audit found is asked ("What did the external audit conclude?"), a sentence most about it
    says it had not reported yet ("due to report in September 2025", "was being evaluated") and none about its topic
    tells a finding: there is no finding to give."""
    if not settings.rules.findings_check or query.comparative or not _ASKS_FINDINGS.search(query.text) \
            or not said_not_yet_known(query, candidates, weights, settings, _PENDING.search,
                                      (_DECIDED if _ASKS_DECISION.search(query.text) else _FINDS).search):
        return None
    return "The reports speak of it as begun, planned or not yet reported, not of what it found."


#: What tells an effect on a figure: a fall or a rise, or none ("had fallen by 6%", "a 19% fall", "no change").
_CHANGE_TOLD = (r"\b(?:cut|reduc\w*|lower\w*|fell|fallen|fewer|decreas\w*|drop\w*|less\b|rose|risen|increas\w*|halved|"
                r"doubled|came down|brought down|no (?:change|difference|effect|impact))")
#: A question asking what something done brought about ("What did the pilot achieve?", "What difference did the
#: grants make?", "What were the results of the trial?", "What recommendations did the review make?"), as well as what
#: it found (:data:`_ASKS_FINDINGS`).
_ASKS_RESULT = re.compile(r"\bwhat\s+(?:did|has|have|had|does|do)\b[^?]{0,120}?\bachieve\b|"
                          r"\bwhat\s+(?:findings|recommendations|conclusions|lessons)\s+(?:did|has|have|had|were|was)\b|"
                          r"\bwhat\s+(?:changes?|improvements?)\s+(?:came|resulted|followed|have\s+come|had\s+come)\s+"
                          r"(?:out\s+of|from)\b|"
                          r"\bwhat\s+(?:difference|impact|effect)\s+(?:did|has|have|had|does|do)\b|"
                          r"\bwhat\s+(?:were|was|are|is|have\s+been|has\s+been)\s+(?:the\s+|its\s+|their\s+)?(?:early\s+|"
                          r"main\s+|first\s+)?(?:results?|outcomes?|impact|effects?)\s+of\b", re.IGNORECASE)
#: Things done to learn something, and the words the reports name them by ("trialled", "a research project"): what a
#: question asks such a thing found is told only in a sentence naming it, or the one after.
_UNDERTAKING = re.compile(r"\b(?:trial\w*|pilot\w*|research\w*|stud(?:y|ies|ied)|audit\w*|reviews?|reviewed|consult\w*|"
                          r"evaluat\w*|survey\w*|scrutin\w*|peer\s+challenge|test(?:s|ed|ing)?)\b", re.IGNORECASE)
#: What tells a finding or a result: a verb of finding (:data:`_FINDS`), a change (:data:`_CHANGE_TOLD`), an effect
#: ("led to", "as a result", "helped", "improved") or a share ("64%").
_RESULT_TOLD = re.compile(rf"{_FINDS.pattern}|{_CHANGE_TOLD}|\b(?:led\s+to|resulted\s+in|as\s+a\s+result|helped|"
                          r"saved|success\w*|meant|improved|improvements?\s+in)\b|%|\bper\s*cent\b", re.IGNORECASE)
#: A result told in other words than a finding's: the thing done opening the sentence as when something followed
#: ("Following a review of day services, the council had closed one centre"), its learning or feedback doing something
#: ("Learning from the review had been used to …"), or it, as subject, having brought something about ("The trial had
#: allowed 17 people to return home"; not "had started" or "had run").
_RESULT_IN_OTHER_WORDS = re.compile(
    r"^(?:following|after|as\s+a\s+result\s+of|in\s+response\s+to)\b[^,]{1,120},\s+\S|"
    r"\b(?:learning|lessons|feedback|findings|results|recommendations)\s+(?:from|of)\b[^.]{1,120}?\b(?:had|has|have|was|"
    r"were)\s+(?:been\s+)?(?!not\b)\w+|"
    r"\b(?:trial|pilot|review|audit|study|research|project|survey|consultation|evaluation|scheme)\b[^.;]{0,80}?\b(?:had|has)\s+"
    r"(?!(?:not|been|started|begun|run|only|yet|also|just|already|commissioned|planned|asked|invited|agreed|funded|"
    r"launched|introduced|set|established|extended|delayed|expanded|decided|hoped|wanted|used|tested|trialled|piloted|"
    r"reviewed|audited|evaluated|consulted|surveyed|studied|worked)\b)\w+ed\b", re.IGNORECASE)
#: A next sentence going on about the thing done ("It found …", "The feedback from carers generated …", "Findings
#: showed …"), which may tell its result in any words, unless it says the result is not known yet.
_GOES_ON_ABOUT_IT = re.compile(r"^(?:it|this|these|they|the\s+(?:trial|pilot|review|audit|study|research|project|survey|"
                               r"consultation|evaluation|feedback|findings|results|learning)|(?:the\s+)?(?:feedback|findings|"
                               r"results|learning|lessons))\b(?![^.]*\b(?:not|no|unclear|too\s+soon|too\s+early|yet)\b)",
                               re.IGNORECASE)
#: Words of finding that tell no finding: "identified by their GP", "found it hard".
_NOT_A_FINDING = re.compile(r"\b(?:identified|found|shown)\s+(?:by|it|them|this)\b", re.IGNORECASE)
#: How many of the sentences most about its topic are read for the undertaking a finding is asked of.
FINDING_REACH = 4


def findings_not_told(query: Query, candidates, weights, settings: Settings) -> str | None:
    """What a trial, study, audit or consultation found or achieved is asked ("What did the trial of printed guides
    find?"), the sentences most about its topic name it only as done ("was trialling printed guides in 40 libraries")
    and none of them, from where it names it on, nor the sentence after, tells a finding or result (in the words of
    finding or change, or in other words, :data:`_RESULT_IN_OTHER_WORDS`, :data:`_GOES_ON_ABOUT_IT`): there is none
    to give."""
    asked = _ASKS_FINDINGS.search(query.text) or _ASKS_RESULT.search(query.text)
    if not settings.rules.findings_check or query.comparative or not asked \
            or not _UNDERTAKING.search(query.text[asked.start():]):
        return None
    told = _DECIDED if _ASKS_DECISION.search(query.text) else _RESULT_TOLD
    read = ((one_line(c.sentence.text), one_line(next_sentence(c)))
            for c in on_topic(query, candidates, weights, settings)[:FINDING_REACH])
    naming = [(said, m.start(), after) for said, after in read if (m := _UNDERTAKING.search(said))]
    if not naming or any(told.search(_NOT_A_FINDING.sub(" ", _UNDECIDED.sub(" ", text)))
                         for said, at, after in naming for text in (said[at:], after)):
        return None
    if told is _RESULT_TOLD and any(_RESULT_IN_OTHER_WORDS.search(said) or _GOES_ON_ABOUT_IT.match(after)
                                    for said, _, after in naming):
        return None
    return "The reports say it was done, not what it found."


def said_not_yet_known(query: Query, candidates, weights, settings: Settings, unknown, told,
                       reach: int = PENDING_REACH) -> bool:
    """Whether one of the sentences most about the question's topic (``reach`` of them, or the one after each, which
    goes on about it: "Early results showed fewer calls, and the council planned to decide in summer 2025") says what
    is asked is not yet known (``unknown``) and none of them tells it (``told``): both are tests of a sentence's text."""
    topical = on_topic(query, candidates, weights, settings)
    about = [one_line(c.sentence.text) for c in topical]
    after = [one_line(next_sentence(c)) for c in topical[:reach]]
    return any(unknown(s) for s in about[:reach] + after) and not any(told(s) for s in about + after)


#: A sentence saying the reason for something is not known: "leaders were working to understand this", "had not yet
#: analysed why", "the reasons were unclear", "could not explain the rise".
_REASON_UNKNOWN = re.compile(r"\b(?:working|trying|seeking|wanted|needed|planned|was|were)\s+to\s+(?:better\s+)?"
                             r"(?:understand|find out|establish|explore|investigate|look into)\s+(?:this|why|the reasons?|"
                             r"what lay behind|the causes?)\b|"
                             r"\b(?:did not|didn't|do not|does not|had not|has not|have not|could not|cannot|can't)\s+(?:yet\s+)?"
                             r"(?:know|understand|analysed|analyse|established|establish|explain|explained|identified|found out|"
                             r"find out|worked out|work out)\s+"
                             r"(?:yet\s+)?(?:why|the reasons?|the causes?|what (?:caused|lay behind|was behind))\b|"
                             r"\b(?:the\s+)?(?:reasons?|causes?)\s+(?:for\s+[^.;]{1,60}?\s+)?(?:was|were|is|are|"
                             r"remained)\s+(?:not\s+(?:yet\s+)?(?:known|clear|understood)|unknown|unclear)\b", re.IGNORECASE)


def reason_not_known(query: Query, candidates, weights, settings: Settings) -> str | None:
    """A reason is asked ("Why was the conversion rate lower than the regional average?"), one of the sentences most
    about its topic says the reason is not known ("leaders were working to understand this") and none about it
    gives a cause: the reports say there is no reason to give yet."""
    if not settings.rules.findings_check or query.answer_type != "reason" or query.comparative \
            or not said_not_yet_known(query, candidates, weights, settings, _REASON_UNKNOWN.search,
                                      lambda s: has_reason(s) and not _REASON_UNKNOWN.search(s)):
        return None
    return "The reports say the reason was not yet known."


#: A clause telling when or where the rest of its sentence happened ("When a care home closed in 2024, 32 residents had to
#: move", "a plan, which was used when a provider left", "most of them in the team where two posts had been vacant"):
#: what it tells of stands as a time or place, not as something explained.
_WHEN_CLAUSE = re.compile(r"\b(?:when|after|once|where)\s+(?P<clause>[^,;:]+)", re.IGNORECASE)


def told_as_a_time(focus: frozenset[str], sentence: str, weights, settings: Settings) -> bool:
    """Whether most of the question's focus terms stand in a clause of the sentence that only dates or places the rest."""
    return any(weights.overlap(focus, m.group("clause")) >= settings.topic_overlap for m in _WHEN_CLAUSE.finditer(sentence))


#: A comma leading on to a clause that may tell how the one before came about ("…, when the post became vacant").
_LINKED = re.compile(r",\s*(?:when|after|as|since|following|because|with|having|who|where|while|due)\b", re.IGNORECASE)
#: Where a sentence's first clause ends and the next, telling what came of it, starts: ", and", or "and" before a
#: verb of the same subject ("Day services had been reduced during 2020 *and had* not fully returned", "had reviewed
#: shared arrangements in 2024 *and agreed* to keep them"), "and that" going on to another thing said ("said their
#: grants had been cut *and that* they had been given little notice"), or "and" before a new subject and its verb
#: ("ended in December 2025 *and the council had* not yet decided").
_NEXT_CLAUSE = re.compile(r",\s*and\s|\s+and\s+(?=that\s)|(?<!\bwas)(?<!\bwere)(?<!\bis)(?<!\bare)(?<!\bhad)(?<!\bhas)(?<!\bdid)"
                          r"\s+and\s+(?=(?:had|has|have|was|were|is|are|did|then|[a-z]+ed)\b)|"  # not "who was and was not"
                          r"\s+and\s+(?=(?:some|many|most|all|few|several|the|its|their|this|these|there|it|they|people|"
                          r"staff|leaders|providers)\s+(?:[\w'’-]+\s+){0,3}?(?:had|has|have|was|were|is|are|did|could|"
                          r"would|[a-z]+ed)\b)")
#: Where a clause telling what came of the one before starts: ", so providers lacked …", ", which slowed set-up
#: times", ", leading to …", ", both of which had since been lifted"; or one telling what held against it, which keeps
#: its "but" ("promised in 2024 *but had not started*": :func:`restates_only` reads such a clause as more of the
#: happening when it holds the question's words).
_RESULT_LINK = re.compile(r",\s*(?:so|which|leading to|resulting in|meaning|both of which|all of which)\s", re.IGNORECASE)
_RESULT_CLAUSE = re.compile(rf"{_RESULT_LINK.pattern}|,\s*except\s|,?\s+(?=but\s)", re.IGNORECASE)
#: Words that say when or who reported, not what happened: a sentence may add them to what the question says.
_TELLING_WORDS = " ".join(("the local authority council leaders staff told us said acknowledged recognised showed show example "
                           "year years month months week weeks day days", *MONTHS))


#: Who told, as a sentence frames what it says ("Voluntary sector partners told us", "leaders acknowledged that").
_REPORTED_BY = re.compile(r"\b(?:[\w'’-]+\s+){0,4}?(?:told us|said|acknowledged|recognised|reported)(?:\s+that)?\b",
                          re.IGNORECASE)


#: What a named thing is, set after its name ("The Liverpool Voices Panel*, a group of people who use services,* had
#: not met"): a description, not a cause.
_WHAT_IT_IS = re.compile(r"(\b[A-Z][\w'’-]*),\s+(?:a|an)\s+[^,;:]{1,80}?,")


#: How much warning something came with ("with less than a month's notice", "at short notice"): how, not why.
_NOTICE = re.compile(r"\b(?:with|at|without|on)\s+(?:very\s+)?(?:little|short|no|less\s+than\s+(?:a|one|two|three|four|"
                     r"\d+)\s+(?:days?|weeks?|months?)(?:['’]s?)?|(?:a|one|two|three|four|\d+)\s+(?:days?|weeks?|months?)"
                     r"(?:['’]s?)?)\s+notice\b", re.IGNORECASE)


def as_told(text: str) -> str:
    """The text without who told it, what a named thing is, how much notice it came with, or when CQC assessed
    ("Partners told us the Voices Panel, a group of residents, had not met at the time of our assessment" → "the
    Voices Panel had not met"; "left the market with less than a month's notice"): the words a sentence adds that say
    nothing of how something came about."""
    return without_assessment_time(_WHAT_IT_IS.sub(r"\1", _REPORTED_BY.sub(" ", _NOTICE.sub(" ", text))))


def goes_on(sentence: str) -> bool:
    """Whether the sentence goes on after its first clause (:data:`_NEXT_CLAUSE`, :data:`_RESULT_CLAUSE`) to tell
    what came of it or what else held ("had been reduced during 2020 and had not fully returned", "…, and managers
    relied on spreadsheets", "…, which slowed set-up times")."""
    return len(clauses_of(sentence)) > 1


#: A verb a clause tells something by ("had", "was", "closed").
_VERB = re.compile(rf"\b(?:had|has|have|was|were|is|are|did|does|do|could|would|[a-z]{{3,}}ed|"
                   rf"(?:{'|'.join(VERB_PREFIXES)})?(?:{'|'.join(PRESENT_OF)}))\b", re.IGNORECASE)  # "underspent"


def clauses_of(sentence: str) -> list[str]:
    """The sentence's clauses, parted where the next tells what came of the one before or what else held; a part
    with no verb is not a clause of its own ("The council and the NHS funded it" is one)."""
    clauses: list[str] = []
    pending: list[str] = []  # parts with no verb yet, read once each
    for part in (piece for clause in _RESULT_CLAUSE.split(sentence) for piece in _NEXT_CLAUSE.split(clause)):
        pending.append(part)
        if _VERB.search(part):
            clauses.append(" ".join(pending))
            pending = []
    if pending:
        clauses[-1:] = [" ".join(clauses[-1:] + pending)]
    return clauses


#: A clause that refers back to the one before as what it tells of ("…, and some said *this had* damaged trust").
_REFERS_BACK = re.compile(r"\b(?:this|these|that|which)\s+(?:[a-z]+\s+){0,2}?(?:had|has|have|was|were|is|are|made|meant|led|"
                          r"left|caused|put|slowed|reduced|limited)\b", re.IGNORECASE)


def another_fact_first(focus: frozenset[str], sentence: str, clauses: list[str], weights, settings: Settings) -> bool:
    """Whether the first clause only sets another fact beside the happening the rest tell, joined by a bare "and"
    ("62% of hours were delivered by 4 providers, and 3 providers left the market"): not the happening itself, the
    rest holding most of the question's focus terms and not reading back to it as what they came of ("…, so leaders
    could not be sure", "…, and some said this had damaged trust")."""
    rest = " ".join(clauses[1:])
    return weights.overlap(focus, clauses[0]) < settings.topic_overlap \
        and weights.overlap(focus, rest) >= settings.topic_overlap \
        and not _RESULT_LINK.search(sentence) and not _REFERS_BACK.search(rest)


def restates_only(focus: frozenset[str], question: str, sentence: str, weights, settings: Settings,
                  asked: str | None = None) -> bool:
    """Whether the sentence's first clauses (:func:`clauses_of`), up to the one that completes the happening asked
    about, hold most of the question's focus terms and say no more than the question (up to
    :attr:`Settings.restated_new_terms` words of their own, besides figures, dates and who told), and only what came of
    it follows ("In 2024, two care homes closed, and all 47 residents moved" for "Why did two care homes close?",
    "… was published in 2022 and had not been refreshed, so providers lacked …" for "Why hadn't it been refreshed?");
    not one leading on to how it came about ("…, when the post became vacant"). A first clause setting another fact
    beside the happening by a bare "and" is left out (:func:`another_fact_first`). ``asked``: the question as put, whose
    own words (not the reports' for them, which ``question`` may add) tell a later clause is more of the happening."""
    own_words = focus & weights.terms(question if asked is None else asked)
    told, held = "", False  # the clauses up to the one that completes the happening ("published in 2022 and had not
    against = ""  # been refreshed"), and those after it that tell more of it ("… but had not started"); what held against it
    clauses = clauses_of(sentence)
    while len(clauses) > 1 and another_fact_first(focus, sentence, clauses, weights, settings):
        clauses = clauses[1:]
    for clause in clauses:
        contrast = clause.lstrip().casefold().startswith("but ")  # "…, but the risk-rating had been done quickly"
        if held and not (own_words & weights.terms(clause)) - (frozenset() if contrast else weights.terms(told)):
            break
        if contrast and not against and own_words & weights.terms(clause):
            against = told  # "had funded a scheme, in which …, but funding ended": the other side of "but", not a cause
        told = f"{told} {clause}"
        if _LINKED.search(told):
            return False
        held = held or weights.overlap(focus, told) >= settings.topic_overlap
    if not held:
        return False
    said = weights.terms(f"{question} {past_forms(question)}")  # "had lost two posts" for "why did it lose two posts"
    own = weights.content(weights.terms(as_told(told[len(against):]))) - said - weights.terms(_TELLING_WORDS)
    return sum(not is_number_word(t) for t in own) <= settings.restated_new_terms


#: Words asking for a cause ("What *prompted* the review?", "the *reasons* for"), not what happened.
_ASKING_WHY = re.compile(r"\b(?:prompt(?:ed|s)?|trigger(?:ed|s)?|spark(?:ed|s)?|motivated|caus(?:ed|es|e)|reasons?|"
                         r"explanations?|led to|leads to|lay behind|lies behind|was behind|is behind)\b", re.IGNORECASE)


def asked_happening(question: str) -> str:
    """What a "why" question asks the cause of, in the reports' words and without its words asking for a cause ("What
    prompted Kensington and Chelsea to review its shared services?" → "… review its shared services"; "cut back" →
    "reduced")."""
    return in_report_words(_ASKING_WHY.sub(" ", question))


def happening_as_told(question: str, sentences: list[str], weights) -> str:
    """What a "why" question asks the cause of (:func:`asked_happening`), in the reports' words or, when a sentence
    about it holds more of the question's own ("the Adult Care Connect front door team" for the reports' "single point
    of access"), in those: the reports' wordings of a plain term are many, and a sentence holds one of them at most."""
    reworded, own = asked_happening(question), _ASKING_WHY.sub(" ", question)
    if reworded == own:
        return own

    def held(text: str) -> float:
        focus = weights.focus(weights.terms(text))
        return max((weights.overlap(focus, s) for s in sentences), default=0.0)

    return own if held(own) > held(reworded) else reworded


#: A span of time up to now that a question times a happening by ("in the last three years").
_RECENT_SPAN = re.compile(r"\b(?:in|over|during|for|within) the (?:last|past|previous) (?:[\w-]+ )?(?:years?|months?|"
                          r"weeks?)\b", re.IGNORECASE)


def timed(text: str) -> bool:
    """Whether the text dates or times what it tells ("in 2024", "for eight months")."""
    return bool(has_date(text) or has_duration(text))


def reason_not_given(query: Query, candidates, weights, settings: Settings) -> str | None:
    """Why something happened is asked ("Why did the care home in Harpurhey close?"), the sentence most about it tells
    of it only as the time of something else ("When a care home in Harpurhey closed, 32 residents had to move"), or,
    for a happening the question or its sentence dates or times ("close in 2024", "vacant for 14 months", "in the last
    three years", "was launched in October 2024") or one its sentence goes on from (:func:`goes_on`), says no more
    than the question and what came of it ("In 2024, two care homes closed, and all 47 residents moved", with no cause
    in the sentence after any sentence about it), and no sentence about it (nor one of the answer's own that tells it
    in other words before its cause, "overspent" for "go over", :func:`told_before_its_cause`) gives a cause of it
    (the cause of something else whose time it is, "the backlog had built up after the hub lost three staff", is
    none): what followed it is not why it happened. (A standing state told alone, "Performance data was not
    reliable.", is often explained by the next sentence without a word of cause.) The happening is read in the
    question's own words or the reports' for them, whichever a sentence about it holds more of
    (:func:`happening_as_told`)."""
    if not settings.rules.findings_check or query.answer_type != "reason" or query.comparative:
        return None
    topical = on_topic(query, candidates, weights, settings)
    happening = happening_as_told(query.text, [c.sentence.text for c in topical], weights)
    focus = weights.focus(weights.terms(happening))
    held = [(weights.overlap(focus, c.sentence.text), c) for c in topical]
    telling = [(share, c) for share, c in held if share >= settings.topic_overlap]
    best = max(c.relevance for c in candidates)

    def tells_it(share: float, c) -> bool:
        """A sentence telling the happening: in most of its words, or, among the answer's own sentences, in other
        words before a cause ("Adult social care overspent …, mainly because of …" for "go over")."""
        return share >= settings.topic_overlap or c.relevance >= best - settings.answer_margin \
            and told_before_its_cause(focus, one_line(c.sentence.text), weights)

    if not telling or any(tells_it(share, c) and gives_its_cause(focus, one_line(c.sentence.text), weights, settings)
                          for share, c in held):
        return None
    most = max(telling, key=lambda pair: pair[0])[1]  # the first of the most, by relevance
    said = one_line(most.sentence.text)
    if told_as_a_time(focus, said, weights, settings):
        return "The reports say what followed it, not why it happened."
    if (timed(query.text) or _RECENT_SPAN.search(query.text) or goes_on(said) or timed(as_told(said))) \
            and restates_only(focus, f"{happening} {query.text}", said, weights, settings, asked=query.text) \
            and not any(has_reason(one_line(next_sentence(c))) for _, c in telling):
        return "The reports say it happened, not why."
    return None


#: A cause told by what something followed ("had built up *after* …"): what comes after it is the cause.
_FOLLOWED = re.compile(r"(?:after|following)$", re.IGNORECASE)
#: A result told after its cause ("…, and two services had closed *as a result*."): the clauses before are the cause.
_RESULTED = re.compile(r"as a result$", re.IGNORECASE)
#: Where the clause a cause is told in ends.
_CLAUSE_END = re.compile(r"[,;:.]")


def told_before_its_cause(focus: frozenset[str], sentence: str, weights) -> bool:
    """Whether the words before the sentence's first cause share a word with the happening asked, which the sentence
    then tells however it words it ("Adult social care overspent …, mainly because of …" for "Why did its budget go
    over?"); "The directorate overspent …, mainly because …" gives the cause of an overspend, not of three directors."""
    m = next(iter(reasons_in(sentence)), None)
    return m is not None and bool(focus & weights.terms(sentence[: m.start()]))


def gives_its_cause(focus: frozenset[str], sentence: str, weights, settings: Settings) -> bool:
    """Whether the sentence gives a cause (:func:`has_reason`) that is not the happening asked about itself, told as
    the cause of something else: "the backlog had built up after the hub lost three staff" gives the loss of staff as
    the backlog's cause, not a cause of the loss; "funding had been cut, and two services had closed as a result"
    gives the cut as the closures' cause, not a cause of the cut."""
    for m in reasons_in(sentence):
        if _FOLLOWED.search(m.group(0)):
            cause = _CLAUSE_END.split(sentence[m.end() :], maxsplit=1)[0]
        elif _RESULTED.search(m.group(0)) and not re.match(r"\s+of\b", sentence[m.end() :]):
            *causes, _result = clauses_of(sentence[: m.start()]) or [""]
            cause = " ".join(causes)
        else:
            return True
        if weights.overlap(focus, cause) < settings.topic_overlap:
            return True
    return False


def next_sentence(candidate) -> str:
    """The sentence after the candidate's in its passage ("" at its end): where a cause told apart is given ("This was
    because …")."""
    sentences = candidate.passage.chunk.sentences
    after = [s for s in sentences if s.start >= candidate.sentence.end]
    return after[0].text if after else ""


#: A question whether a thing was rated a given way ("Is the Shared Lives scheme rated good by CQC?").
_RATED_ASKED = re.compile(r"\b(?:rated|judged|graded)\s+(?:as\s+)?['\"“‘]?(?:outstanding|good|requires improvement|"
                          r"inadequate)\b", re.IGNORECASE)
#: A sentence giving something a rating ("79% of care homes were rated good", "its CQC rating was outstanding").
_RATING_STATED = re.compile(r"\b(?:rated|judged|graded|ratings?)\b", re.IGNORECASE)


def rating_not_given(query: Query, candidates, weights, settings: Settings) -> str | None:
    """A yes-or-no question asks whether a thing the council runs was rated a given way ("Is Fenwick's Shared Lives
    scheme rated good by CQC?") and no sentence about its topic rates anything: a sentence describing the scheme does
    not say how it was rated (the council's own rating is another question's answer)."""
    if not settings.rules.answer_type_check or query.answer_type != "yesno" or query.comparative \
            or not _RATED_ASKED.search(query.text):
        return None
    if any(_RATING_STATED.search(one_line(c.sentence.text)) for c in on_topic(query, candidates, weights, settings)):
        return None
    return "The reports do not say how it was rated."


#: A yes-or-no question whether something is paid for, charged or free ("Are members paid for their time?", "Does
#: Cumberland charge for alarms?", "Is the forum funded by the council?").
_ASKS_PAYMENT = re.compile(r"\b(?:paid|pay|charges?|charged|charging|free|funded|reimbursed)\b", re.IGNORECASE)
#: Words telling of pay, charges or funding ("were paid for their time", "free of charge", "£20 vouchers", "funded
#: by", "volunteers").
_PAYMENT_TOLD = re.compile(r"\b(?:paid|pay\w*|unpaid|charg\w*|free|costs?|fees?|fund\w*|vouchers?|expenses|reimburs\w*|"
                           r"recompens\w*|remunerat\w*|compensat\w*|honorari\w*|allowances?|volunteer\w*|grants?)\b|£",
                           re.IGNORECASE)


def payment_not_told(query: Query, candidates, weights, settings: Settings) -> str | None:
    """A yes-or-no question asks whether something is paid for, charged or funded ("Are members of the Experts by
    Experience Group paid for their time?") and no passage about its topic speaks of pay, charges or funding: a
    description of the group does not say."""
    if not settings.rules.answer_type_check or query.answer_type != "yesno" or query.comparative \
            or not _ASKS_PAYMENT.search(query.text):
        return None
    if any(_PAYMENT_TOLD.search(c.passage.chunk.text) for c in on_topic(query, candidates, weights, settings)):
        return None
    return "The reports do not say whether it is paid for."


#: A yes-or-no question whether a plan came about ("Has Suffolk met its target to recruit 15 carers?", "Did the trial
#: cut admissions?", "Has it made the cover permanent?", "Was the backlog cleared?", or after when it is asked of,
#: "After the pilot, was it rolled out?"): its verb, in the past, perfect or passive, straight after the subject.
_ASKS_OUTCOME = re.compile(rf"{ASKED_AFTER}(?:has|have|had|did|was|were)\s+(?:(?!been\b|that\b|which\b|who\b|to\b)[\w'’&-]+\s+){{1,14}}?"
                           r"(?:been\s+|manage[ds]?\s+to\s+|(?:decided?|agreed?|chosen|chose|opted)\s+"
                           r"(?:in\s+(?:[a-z]+\s+)?\d{4}\s+)?to\s+)?"  # "has its funding
                           # *been* extended", "did it *manage to* clear", "has it *decided to* roll it out"
                           r"(?P<verb>met|meet|reach(?:ed)?|achieved?|hit|extend(?:ed)?|renew(?:ed)?|pass(?:ed)?|"
                           r"roll(?:ed)?\s+(?:[\w'’-]+\s+){0,6}?out|(?:made|make)(?=\s+(?:[\w'’-]+\s+){0,8}?permanent\b)|cut|reduced?|"
                           r"lower(?:ed)?|complet(?:e|ed)|approved?|adopt(?:ed)?|agreed?|clear(?:ed)?|granted|given|awarded)\b",
                           re.IGNORECASE)
#: What tells that each asked outcome came about, or did not: the verb itself or a kindred one.
_OUTCOMES = (("met|meet|reach|achiev|hit", r"\b(?:met|meet(?:s|ing)?|reach(?:ed|es|ing)?|achiev\w*|hit|exceed\w*|"
              r"missed|fell short|short of)\b"),
             ("extend|renew", r"\b(?:extend\w*|extension|renew\w*|continu\w*|ended|ceased|stopped|ran out)\b"),
             ("pass", r"\b(?:pass\w*|approv\w*|cleared|signed off|fail\w*|completed)\b"),
             ("roll", r"\b(?:roll\w*|rolled|extended|expanded|across all|all (?:staff|teams))\b"),
             ("made|make", r"\bpermanent\w*|\bmainstream\w*|\brecurrent\b"),
             ("cut|reduc|lower", _CHANGE_TOLD),
             ("complet|approv|adopt|agree", r"\b(?:complet\w*|approv\w*|adopt\w*|agree\w*|signed off|ratified)\b"),
             ("clear", r"\b(?:cleared|fell|fallen|remain\w*|still|outstanding|(?:had|has|have|was|were) (?:been )?"
              r"(?:completed|reduced))\b"),
             ("grant|given|award", r"\b(?:grant\w*|given|award\w*|approv\w*|refus\w*|reject\w*|turned down|"
              r"secured|won)\b"))
#: A choice still open ("would decide in 2025 *whether to extend* it", "*subject to funding being agreed*"): what it
#: names has not come about.
_UNDECIDED = re.compile(r"\bwhether\s+(?:or\s+not\s+)?(?:to\s+[a-z]+\b|(?:it|they|this|the\s+\w+)\s+(?:had\s+|has\s+|would\s+|"
                        r"will\s+)?[a-z]+\b)|\b(?:subject to|depending on|dependent on|conditional on)\s+(?:[\w'’-]+\s+){0,4}?"
                        r"(?:being|getting|its|their)\s+(?:[\w'’-]+\s+){0,2}?[a-z]+ed\b", re.IGNORECASE)
#: What a thing was done for ("introduced pre-paid cards *to make* direct payments easier"): its aim, not its result.
_PURPOSE = re.compile(r"\b(?:so as |in order )?to (?:make|help|speed|ease|reduce|cut|lower|improve)\b", re.IGNORECASE)
#: A sentence speaking of a thing as still ahead, asked for or on trial (planned, a next step, aimed at, piloted,
#: funded until a date), or of
#: what it was for (:data:`_PURPOSE`).
_PROSPECT = re.compile(rf"\b(?:planned|plans? to|planning to|was to|were to|next steps?|would|will|target(?:ed|s)? to|a target|aim(?:ed|s)? to|"
                       rf"asked for|called for|requested|(?:was|were|is|are) due to (?:go|be|start|launch|open|begin|"
                       rf"complete|report|finish|decide|consider|agree|move|close|end|take|replace|renew|roll|extend|expand|"
                       rf"introduce|recruit|publish|transfer|merge|run|switch)|(?:scheduled|set) to|due for|"
                       rf"pilot(?:ing|ed|s)?|trial(?:l?ed|l?ing|s)?|tested|testing|subject to|expected to|"
                       rf"intend(?:ed|s)? to|funded (?:only )?until|being considered|under review|proposed|designed to)\b|"
                       rf"{_PURPOSE.pattern}", re.IGNORECASE)


#: How many of the sentences most about its topic may speak of the plan whose outcome is asked (those about the thing
#: itself, "There were 14 home care providers", may come first).
OUTCOME_REACH = 6


def outcome_asked(question: str) -> str | None:
    """What tells the outcome a yes-or-no question asks about came about (a pattern), or None if it asks none."""
    match = _ASKS_OUTCOME.search(question)
    if not match:
        return None
    verb = match.group("verb").casefold()
    return next((told for verbs, told in _OUTCOMES if re.match(verbs, verb)), None)


#: A deed told as planned ("planned to open 6 more beds", "was due to launch"): the verb planned.
_PLANNED_DEED = re.compile(r"\b(?:(?:planned|plans|planning|aimed|aims|intended|intends|expected|due|was|were|set|hoped|"
                           r"committed|scheduled)\s+to|(?:planned|expected|intended|hoped|wanted)\s+(?:(?!to\b)[\w'’-]+\s+)"
                           r"{1,6}?to)\s+(?:be\s+)?(?P<verb>go|[a-z]{3,})\b", re.IGNORECASE)
#: A question asking whether something was done ("Did Leeds open …?", "Has the council published …?", "Was the
#: backlog cleared …?").
_ASKS_DONE = re.compile(rf"{ASKED_AFTER}(?:did|has|have|had|was|were)\b", re.IGNORECASE)
#: A deed told as planned, with what it takes ("planned to roll *it out*"): its planned verb does not tell it was done.
_PLAN_SPAN = re.compile(rf"{_PLANNED_DEED.pattern}(?:\s+(?:it|them|this|these|that)\b)?(?:\s+(?:out|up|in)\b)?|"
                        r"\bdue\s+for\s+[a-z]+",
                        re.IGNORECASE)


#: What a deed asked about was for ("Has Wakefield brought in outside help *to clear* its backlog?"): not the deed asked,
#: unless it is what was managed ("did it manage to clear …").
_PURPOSE = re.compile(r"\b(?<!manage )(?<!managed )(?<!able )to\s+[a-z]+", re.IGNORECASE)


def planned_deed_asked(question: str, sentences: list[str]) -> str | None:
    """What tells that a deed a sentence plans came about or did not (a pattern), when a yes-or-no question asks
    whether it was done in the plan's own verb ("Did Leeds open its 6 extra beds?" of "planned to open 6 extra beds");
    None otherwise. The deed told done ("opened") or held up ("delayed", "had not") tells the outcome."""
    if not _ASKS_DONE.match(question):
        return None
    asked = {w.casefold() for w in re.findall(r"[A-Za-z]+", _PURPOSE.sub(" ", question))}
    for sentence in sentences:
        for m in _PLANNED_DEED.finditer(sentence):
            verb = m.group("verb").casefold()
            done = [verb] if verb.endswith("ed") else [past for past, present in PRESENT_OF.items() if present == verb] \
                or [verb + ("d" if verb.endswith("e") else "ed")]  # "to be cleared" is itself the deed done
            if asked & {verb, *done} and verb not in ("be", "have", "make", "take", "get"):  # "open", "launched"
                return rf"\b(?:{'|'.join(done)}|delay\w*|postpon\w*|not yet|cancel\w*|(?:had|has|have|was|were) not)\b"
    return None


def outcome_not_reported(query: Query, candidates, weights, settings: Settings) -> str | None:
    """A yes-or-no question asks whether a plan came about ("Has Suffolk met its target to recruit 15 more carers?",
    or, in a plan's own verb, "Did Leeds open its extra beds?"), a sentence most about its topic speaks of it as
    planned or on trial ("had a target to recruit 15", "planned to open 6 extra beds") and none about its topic tells
    the outcome: the plan is not its result."""
    told = outcome_asked(query.text) if query.answer_type == "yesno" else None
    if told is None and query.answer_type == "yesno" and _ASKS_DONE.match(query.text):  # read its topic only then
        about = [one_line(c.sentence.text) for c in on_topic(query, candidates, weights, settings)][:OUTCOME_REACH]
        told = planned_deed_asked(query.text, about)
    if not settings.rules.findings_check or told is None or query.comparative \
            or not said_not_yet_known(query, candidates, weights, settings,
                                      lambda s: _PROSPECT.search(s) or _PLANNED_DEED.search(s),
                                      lambda s: re.search(told, _PURPOSE.sub(" ", _PLAN_SPAN.sub(" ", _UNDECIDED.sub(" ", s))),
                                                          re.IGNORECASE),
                                      OUTCOME_REACH):
        return None
    return "The reports speak of what it was planned or meant to do, not of how it turned out."


#: A question whether something had an effect ("Did the sensor trial cut hospital admissions?", "Did the study find
#: they reduced admissions?"): whether it brought a fall about.
_ASKS_EFFECT = re.compile(r"^\s*(?:did|has|have|had)\s+(?:(?!that\b|which\b|who\b|to\b)[\w'’&-]+\s+){1,14}?"
                          r"(?:(?:find|found|show|showed)\s+(?:that\s+)?"
                          r"(?:[\w'’-]+\s+){0,3}?)?(?:cut|reduced?|lower(?:ed)?|brought down|bring down)\b", re.IGNORECASE)


def effect_not_reported(query: Query, candidates, weights, settings: Settings) -> str | None:
    """A yes-or-no question asks whether something brought a figure down ("Did the sensor trial cut hospital
    admissions?") and no sentence about its topic tells a fall, a rise or no change: a sentence saying the trial ran
    ("1,300 people had used the tool") does not say what it did."""
    if not settings.rules.findings_check or query.answer_type != "yesno" or query.comparative \
            or not _ASKS_EFFECT.search(query.text):
        return None
    about = [one_line(c.sentence.text) for c in on_topic(query, candidates, weights, settings)]
    if not about or any(re.search(_CHANGE_TOLD, s, re.IGNORECASE) for s in about):
        return None
    return "The reports do not say what effect it had."


#: How often something happens ("monthly", "every six weeks", "twice a year").
_FREQUENCY = (r"\b(?:monthly|quarterly|weekly|fortnightly|annually|yearly|daily|bi-?monthly|every\s+(?:[\w-]+\s+)?"
              r"(?:days?|weeks?|months?|quarters?|years?)|each\s+(?:day|week|month|quarter|year)|(?:once|twice|[\w-]+\s+times)"
              r"\s+(?:a|per|each|every)\s+(?:day|week|month|quarter|year))\b")
#: Details a yes-or-no question may ask beside a thing the reports name, each with what tells it: how often ("Does
#: the board meet monthly?"), on which days or hours ("open at weekends"), who chairs it (an independent chair),
#: whether it is free, public or compulsory. A sentence naming the thing without such a detail does not answer whether
#: it holds.
_DETAILS = (
    (_FREQUENCY, _FREQUENCY + r"|\b(?:met|meets|meet)\s+[\w-]+\s+times\b"),
    (r"\b(?:at|on|over)\s+(?:the\s+)?weekends?\b|\bon\s+(?:saturdays?|sundays?)\b|\b(?:seven|7)\s+days\b",
     r"\b(?:weekends?|saturdays?|sundays?|seven\s+days|7\s+days|24\s*/\s*7|every\s+day|daily|bank\s+holidays?|monday|"
     r"weekdays|round\s+the\s+clock)\b"),  # the days, not the hours ("four evenings a week") nor some days ("six days")
    (r"\bout[\s-]of[\s-]hours\b|\bin\s+the\s+evenings?\b|\bovernight\b|\b24\s*(?:hours|/\s*7)\b",  # the hours
     r"\b(?:24\s*hours|24\s*/\s*7|out[\s-]of[\s-]hours|evenings?|overnight|round\s+the\s+clock|office\s+hours|"
     r"working\s+hours|\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)|until\s+\d|\d+\s+hours\s+a\s+day)\b"),
    (r"\bmeans[\s-]+tested\b", r"\b(?:means[\s-]+test\w*|financial\s+assessments?|income|savings|charg\w*|free|regardless)\b"),
    (r"\bin[\s-]+house\b", r"\b(?:in[\s-]+house|commissioned|contracted|outsourced|external|provider|(?:run|delivered|"
     r"provided|managed)\s+by|its\s+own|the\s+council'?s\s+own)\b"),
    (r"\b(?:un)?announced\b", r"\b(?:unannounced|announced|without\s+(?:prior\s+)?notice|notice)\b"),
    (r"\b(?:in\s+public|(?:to|for)\s+(?:the\s+)?(?:members\s+of\s+the\s+)?public|publicly)\b",
     r"\b(?:public|publicly|publish\w*|online|website)\b"),
    (r"\bindependent(?:ly)?[\s-]+(?:chair|chaired|chairs|chairperson)\b", r"\bindependent"),
    (r"\b(?:free\s+of\s+charge|for\s+free|free\s+to\s+(?:use|attend|join)|charge[sd]?\s+for)\b|^\s*(?:is|was|are|were)\b[^?]*\bfree\s*(?:\?|$)",
     r"\b(?:free|charg\w*|cost\w*|fees?|paid|pay|£)"),
    (r"\b(?:compulsory|mandatory|obligatory|optional)\b",
     r"\b(?:compulsory|mandatory|obligatory|optional|required|requirement|voluntary|must|expected\s+to)\b"),
)
#: Who a thing was made or is run with, as a yes-or-no question asks it ("co-produced with unpaid carers", "run
#: jointly with a university", "involve people who use services").
_WITH_WHOM = re.compile(r"\b(?:(?:co-?produced|co-?designed|developed|designed|written|drawn\s+up|shaped|run|delivered)\s+"
                        r"(?:jointly\s+|together\s+)?(?:with|by)|involves?|includes?|(?:open|available)\s+to|"
                        r"(?P<chair>(?:co-?)?chaired|led|headed)\s+by)\s+(?P<who>[^?]+)|"
                        # "Does a resident chair the panel?"
                        r"^\s*(?:does|do|did|will)\s+(?:an?\s+|the\s+)?(?P<chairing>[\w'’-]+(?:\s+[\w'’-]+){0,3}?)\s+"
                        r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bits )(?:co-?)?chairs?\b", re.IGNORECASE)
#: Words that name no one in particular among those a thing was made with ("people who use services").
_ANYONE = frozenset({"people", "who", "use", "used", "using", "services", "service", "their", "and", "the", "a", "an",
                     "local", "residents", "members", "of", "with", "them", "its", "draw", "drew", "on", "care", "support",
                     "for", "all", "other", "someone", "person"})
#: What tells that people took part in making or running a thing, when the question names no one in particular.
_TOOK_PART = (r"\b(?:co-?produc\w*|co-?design\w*|lived\s+experience|involv\w*|consult\w*|engag\w*|"
              r"(?:with|by)\s+people\s+who\s+use|together\s+with|jointly)\b")
#: What tells who chairs or leads a thing, when the question names no one in particular.
_CHAIR_TOLD = r"\b(?:chair\w*|co-chair\w*|led\s+by|headed\s+by|convened\s+by)\b"
#: How many of the sentences most about its topic may tell a detail of a thing the question does not name.
DETAIL_REACH = 4


def by_whom(who: list[str]) -> str:
    """What tells that those named took part in a thing: a pattern of "with", "by" or "open to" before one of their
    words ("developed with the Island Equality Forum", "open to partner agencies"), or one of them doing it ("carers
    helped write it", "partners attended"), not the word anywhere: the carers strategy names carers whoever wrote it."""
    named = "|".join(re.escape(re.sub(r"s$", "", w)) for w in who)
    return (rf"\b(?:with|by|alongside|involving|including|(?:open|available)\s+to)\s+(?:[\w'’,-]+\s+){{0,5}}?(?:{named})|"
            rf"\b(?:{named})\w*\s+(?:[\w'’-]+\s+){{0,4}}?(?:co-?produc|co-?design|help|shap|contribut|involv|attend|"
            r"took\s+part)")


def detail_asked(question: str) -> tuple[int, str] | None:
    """Where the detail a yes-or-no question asks beside its thing starts, and what tells it (a pattern), or None;
    the last one asked, as those before it describe the thing ("Is the quarterly session held in public?")."""
    found = [(m.start(), told) for asked, told in _DETAILS for m in re.finditer(asked, question, re.IGNORECASE)]
    for m in _WITH_WHOM.finditer(question):
        if m.group("chair") or m.group("chairing"):  # any chair named tells whether the one asked chairs it
            found.append((len(question) if m.group("chairing") else m.start(), _CHAIR_TOLD))  # "Does a resident chair
            continue  # the panel?" names the panel after
        who = [w for w in re.findall(r"[a-z]+", m.group("who").casefold()) if w not in _ANYONE and len(w) > 2]
        found.append((m.start(), by_whom(who) if who else _TOOK_PART))
    return max(found, key=lambda f: f[0]) if found else None


#: A yes-or-no question whether something holds besides what is known ("Is the report *also* shared with elected
#: members?", "Does the panel meet councillors *as well as* senior managers?").
_ALSO_ASKED = re.compile(r"\b(?:also|as well as|too\s*\?|in addition to)\b", re.IGNORECASE)


def addition_not_told(query: Query, candidates, weights, settings: Settings) -> str | None:
    """A yes-or-no question asks whether something holds besides what is known (:data:`_ALSO_ASKED`), and none of the
    :data:`DETAIL_REACH` sentences most about its topic holds every word of it that picks out a topic: "A weekly report
    was shared with managers" does not say it was also shared with elected members."""
    if not settings.rules.answer_type_check or query.answer_type != "yesno" or query.comparative \
            or not _ALSO_ASKED.search(query.text):
        return None
    focus = weights.focus(weights.terms(query.text))
    about = naming_or_about(query, candidates, weights, settings, [])  # the question names no thing to look for
    if not about or not focus or any(focus <= weights.terms(s) for s in about):
        return None
    return "The reports do not say it also holds."


#: A question asking what a thing was about ("What was the safeguarding adults review published by the board in 2024
#: about?"): the thing, up to the first word that tells more of it (a verb of what was done to it, a preposition).
_ABOUT_ASKED = re.compile(r"^\s*(?:and\s+)?what\s+(?:is|was|were|are)\s+(?P<thing>[^?]{3,160}?)\s+about\s*\??\s*$",
                          re.IGNORECASE)
_THING_ENDS = re.compile(r"\s+(?:[a-z]+ed|by|in|on|at|from|for|of|that|which|who|run|held|led|set up|done|written|"
                         r"made|carried)\b", re.IGNORECASE)


def thing_asked_about(question: str) -> str:
    """The word naming the thing a "what was X about?" question asks about (:data:`_ABOUT_ASKED`): the last of the
    noun phrase ("the safeguarding adults *review* published by …"), else ""."""
    m = _ABOUT_ASKED.match(question)
    if not m:
        return ""
    words = re.findall(r"[\w'’-]+", _THING_ENDS.split(m.group("thing"), maxsplit=1)[0])
    return words[-1] if words else ""


#: What tells the subject of a thing named ("a review *about* a man who died", "an audit *into* hospital discharges",
#: "reviews *following* two deaths").
_SUBJECT_TOLD = re.compile(r"\b(?:about|into|concern(?:ed|ing)|regarding|following|involving|relat(?:ed|ing) to|"
                           r"look(?:ed|s)? at|examin(?:ed|es|ing)|focus(?:ed|es|sed)? on|of the (?:death|care|case)s?)\b",
                           re.IGNORECASE)


def subject_not_told(query: Query, candidates, weights, settings: Settings) -> str | None:
    """A question asks what a thing was about (:func:`thing_asked_about`) and none of the :data:`DETAIL_REACH`
    sentences most about its topic both names that thing and tells a subject (:data:`_SUBJECT_TOLD`): sentences about
    safeguarding concerns and the board's chair, or "The board published three reviews in 2024", do not say what
    its reviews were about."""
    thing = thing_asked_about(query.text) if settings.rules.answer_type_check and not query.comparative else ""
    wanted = weights.terms(thing) if thing else frozenset()
    about = naming_or_about(query, candidates, weights, settings, []) if wanted else []
    if not about or any(wanted & weights.terms(s) and _SUBJECT_TOLD.search(s) for s in about):
        return None
    return "The reports do not say what it was about."


def naming_or_about(query: Query, candidates, weights, settings: Settings, names: list[str]) -> list[str]:
    """The sentences naming one of ``names`` (a thing the question names), or, when it names none, the
    :data:`DETAIL_REACH` most about its topic: where a detail of that thing, or who did it, would be told."""
    if names:
        return [s for s in (one_line(c.sentence.text) for c in candidates)
                if any(_squeezed(n) in _squeezed(s) for n in names)]
    return [one_line(c.sentence.text) for c in on_topic(query, candidates, weights, settings)][:DETAIL_REACH]


def detail_not_told(query: Query, candidates, weights, settings: Settings) -> str | None:
    """A yes-or-no question asks a detail of a thing ("Does the Safeguarding Adults Board meet quarterly?",
    "Is the Adults Performance Board chaired by the Chief Executive?") and no sentence naming the thing (or, when the
    question names none, none of those most about its topic) tells such a detail: "The board had an independent chair"
    does not say how often it meets."""
    detail = detail_asked(query.text) if query.answer_type == "yesno" else None
    if not settings.rules.answer_type_check or detail is None or query.comparative:
        return None
    start, told = detail
    names = [n for n in names_asked(query.text, query.councils) if 0 <= query.text.find(n) < start]
    about = naming_or_about(query, candidates, weights, settings, names)
    if not about or any(re.search(told, s, re.IGNORECASE) for s in about):
        return None
    return "The reports name it but do not say this of it."


#: A question asking who did or does something to a thing the reports speak of ("Who carried out the safeguarding
#: audit?", "who runs the falls classes", "Who provides the video relay service?").
_ASKS_DOER = re.compile(r"^\s*(?:and\s+)?(?:who|which\s+team)\s+(?:(?:is|was|were|are|has|had|have|will|would)\s+"
                        r"(?:been\s+|be\s+)?)?"
                        r"(?:carr(?:ies|ied|y)\s+out|"
                        r"carrying\s+out|runs?|ran|running|provides?|provided|providing|delivers?|delivered|delivering|"
                        r"conducts?|conducted|evaluat(?:es?|ed|ing)|wr(?:ote|ites?)|operates?|operated|hosts?|hosted)\b",
                        re.IGNORECASE)
#: A doer told: "by" before one ("run by Age UK", "carried out by an independent consultant"), not before a time, a
#: figure or an end ("by 2026", "by 20%", "by the end of March"); or a named body a contract is with.
_DOER_TOLD = re.compile(rf"\bby\s+(?!\d|£|(?:the\s+)?(?:end|start|beginning|close|time)\b|(?:{'|'.join(MONTHS)})\b|"
                        r"(?:far|then|now|phone|telephone|email|post|letter|video|text)\b)|"
                        # or the body it is bought from or done with: "through a contract with Northern Voice Interpreting"
                        r"\b(?:contract(?:ed)?|commissioned|agreement|partnership)\s+(?:with|from)\s+(?:the\s+)?(?-i:[A-Z])",
                        re.IGNORECASE)


#: Words that end or hold the name of a body that may do something ("Age UK Teesside", "Cheshire Community Action").
_BODY_WORD = re.compile(r"\b(?:Trust|University|Council|Partnership|Foundation|Association|Institute|CIC|Ltd|Limited|UK|NHS|"
                        r"Healthwatch|Group|Network|Alliance|Collective|Action|Agency|Charity|Society|College|Company|"
                        r"Consortium|Federation|Forum|Hub|Service|Services|Team|Board|Panel|Commission|Partners|Centre|Center)\b")


def doer_not_named(query: Query, candidates, weights, settings: Settings) -> str | None:
    """A question asks who did something to a thing ("Who carried out the safeguarding practice audit?") and no
    sentence naming that thing (or, when it names none, none of those most about its topic) says by whom or names
    another body (:data:`_BODY_WORD`): "A safeguarding practice audit in January 2025 found that 68% …" does not say
    who carried it out."""
    if not settings.rules.answer_type_check or query.comparative or query.answer_type in HOLDER_TYPES \
            or not _ASKS_DOER.search(query.text):
        return None
    names = names_asked(query.text, query.councils)
    about = naming_or_about(query, candidates, weights, settings, names)
    known = {_squeezed(n) for n in names}
    if not about or any(_DOER_TOLD.search(s) or any(_squeezed(n) not in known and _BODY_WORD.search(n)
                                                    for n in names_asked(s, query.councils)) for s in about):
        return None
    return "The reports speak of it but do not say who did it."


#: A question whether a target was met ("Did the scheme meet its target for recruiting carers?", "missed its goal").
_ASKS_TARGET_MET = re.compile(r"\b(?:met|meet|meeting|reach(?:ed)?|achieved?|hit|miss(?:ed)?)\s+(?:its|their|the|an?)\s+"
                              r"(?:[\w'’-]+\s+){0,3}?(?:target|goal|aim|ambition|trajectory)s?\b", re.IGNORECASE)


def target_not_given(query: Query, candidates, weights, settings: Settings) -> str | None:
    """The question asks whether a target was met ("Did Fenwick's Shared Lives scheme meet its target for recruiting
    carers?") and no sentence about its topic names a target or an aim: what was done ("only 12 carers had been
    recruited") does not say how it stood against a target the reports never give."""
    if not settings.rules.yardstick_check or query.comparative or not _ASKS_TARGET_MET.search(query.text):
        return None
    if any(names_a_target(one_line(c.sentence.text)) for c in on_topic(query, candidates, weights, settings)):
        return None
    return "The reports do not give a target for it."


def period_not_given(query: Query, candidates, weights, settings: Settings) -> str | None:
    """A figure or a length of time is asked for one reporting period ("in 2023/24") and the best
    sentence giving one is dated to another (an undated one, by its passage) or to none in passages that never
    name the period asked, while none is dated to it: a figure for 2022/23, or an undated one from passages that
    never speak of 2023/24, does not answer a question about 2023/24. A question put without a question word for a
    figure ("unmet home care need in March 2024", "dols applications received 2023/24") is asked of the sentences
    stating one (:func:`figure_of_period_asked`)."""
    if not settings.rules.period_check or query.comparative:
        return None
    if query.answer_type not in ("number", "duration"):
        return figure_of_period_asked(query, candidates, weights, settings)
    asked = periods(query.text)
    if not asked and at_assessment_time(query.text):
        return year_instead_of_assessment_time(query, candidates, weights, settings)
    figures = giving(query, candidates, weights, settings) if asked else []
    return _figures_of_period(query, asked, figures, candidates, weights, settings)


def figure_of_period_asked(query: Query, candidates, weights, settings: Settings) -> str | None:
    """A question of no checked type naming a period ("What was Stockport's unmet home care need in March 2024?")
    whose best sentence about its topic states a figure: that figure must be of the period asked, as for a figure
    question (:func:`period_not_given`)."""
    asked = periods(query.text) if query.answer_type == "description" else ()
    if not asked:
        return None
    about = giving(query, candidates, weights, settings)
    if not about or not has_count(one_line(max(about, key=lambda c: c.relevance).sentence.text)) \
            or any(of_period_asked(asked, periods(one_line(c.sentence.text))) for c in near_topic(query, about, weights, settings)):
        return None  # a sentence about the topic of the period asked ("restructured in October 2025") may answer
    figures = [c for c in about if has_count(one_line(c.sentence.text))]
    return _figures_of_period(query, asked, figures, candidates, weights, settings)


def _figures_of_period(query: Query, asked, figures, candidates, weights, settings: Settings) -> str | None:
    """Why the ``figures`` about the question's topic do not give the ``asked`` periods, or None when one does."""
    if not figures:
        return None
    since = baselines(query.text)  # "fall since 2022": a change counted from the same period answers
    if any(of_period_asked(asked, dated_with_lead(query, c) + a_year_earlier(c.sentence.text))
           or since and same_period(since, baselines(c.sentence.text))
           for c in with_sequels(near_topic(query, figures, weights, settings), figures)):
        return None  # a figure of the period asked, about the topic (not merely beside a rare thing counted)
    best = max(figures, key=lambda c: c.relevance)
    wanted = ', '.join(p.label for p in asked)
    if dated_to_assessment_instead(query, best):
        return f"The reports give this for the time of CQC's assessment, not for {wanted}."
    given = dated_by(query, best) or periods(best.passage.chunk.text)
    if not given:
        return None if period_named_nearby(asked, best, candidates) else \
            f"The reports give this without saying when, not for {wanted}."
    if of_period_asked(asked, given):
        return None
    return f"The reports give this for {', '.join(dict.fromkeys(p.label for p in given))}, not for {wanted}."


def with_sequels(near: list, figures: list) -> list:
    """The figures about the topic and those that go on from one of them ("In March 2022, 6,300 hours could not be
    provided." "By March 2025 this had fallen to 640 hours."): a later value of a figure is about its topic too."""
    said = {one_line(c.sentence.text) for c in near}
    return near + [c for c in figures if c not in near and one_line(refers_back_to(c)) in said - {""}]


def of_period_asked(asked: tuple, given: tuple) -> bool:
    """Whether a figure dated to the periods given is of the period asked: a financial year's figure ("In 2024/25,
    880 enquiries were started") does not say how many there were in one month of it ("open at the end of
    January 2025")."""
    return same_period(asked, given) and not (any(p.month for p in asked) and given and all(p.last for p in given))


def year_instead_of_assessment_time(query: Query, candidates, weights, settings: Settings) -> str | None:
    """A count is asked at the time of CQC's assessment ("still open at the time of the assessment") and every
    figure about its topic is dated only to a whole year ("In 2023/24, 640 concerns led to an enquiry"): a year's
    count is not how many there were at one time. A month, or the assessment's own time, may be it."""
    figures = giving(query, candidates, weights, settings)
    if not figures or any(not whole_years_only(query, c) for c in near_topic(query, figures, weights, settings)):
        return None
    best = max(figures, key=lambda c: c.relevance)
    if not whole_years_only(query, best):
        return None
    return f"The reports give this for {', '.join(dict.fromkeys(p.label for p in dated_by(query, best)))}, not for the " \
           "time of CQC's assessment."


def whole_years_only(query: Query, candidate) -> bool:
    """Whether the candidate's figure is dated only by whole years (no month, not the assessment's time)."""
    given = dated_by(query, candidate)
    return bool(given) and not any(p.month for p in given) and not at_assessment_time(candidate.sentence.text)


def period_named_nearby(asked: tuple, best, candidates) -> bool:
    """Whether a passage of the best candidate's council names the period asked: an undated figure may be of a
    period its report names elsewhere ("Financial facts for 2023/24:" above a list), but not of one it never names."""
    label = best.passage.chunk.label
    return any(same_period(asked, periods(c.passage.chunk.text)) for c in candidates if c.passage.chunk.label == label)


def dated_by(query: Query, candidate) -> tuple:
    """The periods the candidate's sentence dates the kind of figure asked for by (a sum for "how much", a
    length of time, a share, a count), not those of its other figures; all it names when it gives no such
    figure in a clause of its own."""
    sentence = candidate.sentence.text
    dated = figure_periods(sentence, figure_test(query.text, query.answer_type))
    return periods(sentence) if dated is None else dated


def dated_with_lead(query: Query, candidate) -> tuple:
    """The periods that date the candidate's figure (:func:`dated_by`), or, when its sentence dates none, those of
    the sentence it goes on from ("At the end of August 2024, 1,310 people were waiting." "The median wait was 143
    days."): a figure told straight after a dated one is of its time."""
    return dated_by(query, candidate) or periods(refers_back_to(candidate))


def dated_to_assessment_instead(query: Query, candidate) -> bool:
    """Whether the candidate's figure is dated only by the time of CQC's assessment ("at the time of our
    assessment, 390 people were waiting") while the question asks about a year or month that it does not say
    is the assessment's: "back in March 2024" asks for another count. A month its sentence gives another figure
    ("38 were waiting, down from 290 in January 2024, and people waited a median of 11 days") does not date it."""
    return (not dated_by(query, candidate) and at_assessment_time(candidate.sentence.text)
            and not at_assessment_time(query.text))


#: Words a question compares by ("What England average was its reablement *figure compared against*?"): how it asks,
#: not what about.
_COMPARING = re.compile(r"\b(?:compar\w*|against|figures?|measured|benchmarked)\b(?:\s+(?:against|with|to)\b)?",
                        re.IGNORECASE)


def benchmark_not_given(query: Query, candidates, weights, settings: Settings) -> str | None:
    """The question compares with a benchmark ("the England average", "similar councils") and no sentence
    about its topic (read without the comparison's words, "below the England average", in its own words or the
    reports' for its plain ones, "used a direct payment" for "take-up") names one: the council's own figure, or
    another figure's benchmark, does not say how it compares; nor does a benchmark for another measure of the same
    people ("used a direct payment … below the England average" for their *review* rate), nor for another figure than
    the one the question gives ("79% … below the England average" for "its 71%"). A question asking why ("How
    did leaders explain outcomes below the England average?") states the comparison; it asks for the reason."""
    asked = benchmark_asked(query.text) if settings.rules.yardstick_check and len(query.councils) <= 1 \
        and query.answer_type != "reason" else None
    if asked is None:
        return None
    focuses = wordings(_COMPARING.sub(" ", query.text.replace(asked.words or asked.phrase, " ")), weights)
    figured = bool(question_figures(query.text))  # "its 71% reablement outcome": that figure's benchmark, no other's
    for c in candidates:
        if not gives_benchmark(c.sentence.text, asked):
            continue
        text = f"{refers_back_to(c)} {c.sentence.text}"
        if restates_figures(text, query.text) or not figured and holds_topic(focuses, text, weights, settings) \
                and measures_the_thing(text, query.text, query.councils):
            return None
    return f"The reports do not say how this compares with {asked.name}."


def restates_figures(sentence: str, question: str) -> bool:
    """Whether the sentence states every figure the question gives (there are some): "How did its 78% success
    rate compare …?" is about the sentence with "78%", in whatever words it names the rate."""
    wanted = question_figures(question)
    return bool(wanted) and wanted <= stated_numbers(sentence)


def reference_value_not_given(query: Query, candidates, weights, settings: Settings) -> str | None:
    """The question asks for a yardstick's own figure ("What was the England average for …?", "What is the target
    time for …?") and no sentence about its topic gives a figure beside it: "58% were completed within the target
    time" and "below the England average" name the yardstick, not its value."""
    noun = reference_asked(query.text) if settings.rules.yardstick_check \
        and (not query.comparative or len(query.councils) == 1) else None  # "… for comparison with St Helens": one council's
    if noun is None:
        return None
    reach = reference_reach(query.text)
    if any(gives_reference_value(one_line(f"{refers_back_to(c)} {c.sentence.text}"), noun, reach)
           for c in on_topic(query, candidates, weights, settings)):
        return None
    return (f"The reports mention {noun} but not their figure." if names_peers(noun) else
            f"The reports mention the {noun} but do not give it.")


def earlier_year_not_given(query: Query, candidates, weights, settings: Settings) -> str | None:
    """The question asks about the year before ("compared with the previous year") and no sentence about its
    topic (holding what it asks for, if it asks for a kind of thing) gives an earlier figure or a change: this
    year's figure does not say what last year's was, nor does another figure's earlier value."""
    if not settings.rules.yardstick_check or not asks_earlier_year(query.text):
        return None
    about = giving(query, candidates, weights, settings) if query.answer_type in MISSING else \
        on_topic(query, candidates, weights, settings)  # a figure's earlier value is of that figure
    if any(gives_earlier_year(c.sentence.text) for c in about):
        return None
    return "The reports do not give an earlier year's figure to compare with."


def other_councils_not_named(query: Query, candidates, weights, settings: Settings) -> str | None:
    """The question asks which other councils share something with the one it names, and no sentence about
    its topic names another council ("shared with 3 neighbouring councils" does not say which)."""
    if not settings.rules.yardstick_check or len(query.councils) != 1 or not asks_other_councils(query.text):
        return None
    if any(other_councils_named(c.sentence.text, query.councils) for c in on_topic(query, candidates, weights, settings)):
        return None
    return f"The reports do not name the councils that share this with {query.councils[0]}."


#: One word that is a name by its inner capital ("ScribeAssist", "InfoLink"; not "DoLS", "McNeil"); other names are
#: two words or more.
_CAMEL = re.compile(r"[A-Z][a-z]{2,}[A-Z][A-Za-z]*")
#: A name the question gives: two or more capitalised words, small joining words allowed between them ("the Connect
#: at Home pilot", "the Carers Support Service"), or one with an inner capital (:data:`_CAMEL`).
_NAME_ASKED = re.compile(r"(?<![\w'’])[A-Z][\w&'’-]*(?:\s+(?:(?:of|and|for|the|at|on|&)\s+)?[A-Z][\w&'’-]*)+|"
                         rf"(?<![\w'’]){_CAMEL.pattern}(?![\w'’])")
#: A thing named by its kind alone ("the fund", "this service"): the one last named in full.
_BY_KIND = re.compile(rf"\b(?:the|this|that) ({'|'.join(sorted(w for w in KIND_WORDS if not w.endswith('s')))})\b"
                      r"(?!\s+(?:of|for)\b)")
#: Question words that open a question capitalised, and so start no name ("Which Shared Lives …" starts at "Shared").
_OPENING = re.compile(r"^(?:how|what|which|who|whom|whose|when|where|why|did|does|do|is|are|was|were|has|have|had|can|"
                      r"could|will|would|in|for|at|on|by|of|to|from|during|among|across|and|the|give|list|name|tell)\s+",
                      re.IGNORECASE)


def _squeezed(text: str) -> str:
    """Text in lower case, its apostrophes and plural endings dropped and its hyphens and runs of spaces made single
    spaces, to find a name however typed ("Safeguarding Adults Review" in "Safeguarding Adult Reviews")."""
    words = re.sub(r"[^\w\s-]", " ", re.sub(r"['’]", "", text)).replace("-", " ").casefold().split()
    return " ".join(re.sub(r"s$", "", re.sub(r"ies$", "y", w)) for w in words)  # "Gypsies" as "Gypsy"


#: Words of the assessment's own headings and ratings, which name no thing a report must mention ("Safe Pathways").
_HEADING_WORDS = frozenset(w for title in (*(s.name for s in STATEMENTS), *THEMES, *OVERALL_RATINGS)
                           for w in re.findall(r"[a-z]+", title.casefold()))
#: The share of a question's words that may be capitalised before its capitals say nothing ("HOW MANY PEOPLE …",
#: "How Many People …").
CAPITALISED_SHARE = 0.8


def _without_councils(question: str, councils: tuple[str, ...]) -> str:
    """The question with each form of its councils' names (with the words of a formal title, and their possessive) set
    apart by a semicolon, so no name runs through one ("LB Camden's Neighbourhood Connectors" → "; Neighbourhood
    Connectors", "Anytown Borough Council and NHS partners" → "; and NHS partners")."""
    for council in councils:
        for spaced in name_patterns(council):
            question = re.sub(rf"(?<!\w){with_title_words(spaced)}(?:['’]s?)?(?!\w)", " ; ", question, flags=re.IGNORECASE)
    return question


def _name_parts(run: str) -> list[list[str]]:
    """A run of capitalised words cut where a word owns what follows ("Kingston's Digital Care Lab"), is a month
    ("As of December") or names a council: each part may be a name."""
    parts, part = [], []
    for word in run.split():
        if re.search(r"['’]s?$", word) or word.casefold() in _MONTH_WORDS or names_a_council(word):
            parts.append(part)
            part = []
        else:
            part.append(word)
    return [*parts, part]


#: Months, which date a thing rather than name it.
_MONTH_WORDS = frozenset(m.casefold() for m in MONTHS)
#: Small words a name does not start or end on.
_JOINING = {"of", "and", "for", "the", "at", "on", "&"}


def names_asked(question: str, councils: tuple[str, ...] = ()) -> list[str]:
    """The names the question gives (:data:`_NAME_ASKED`, two words or more, or one with an inner capital), none of
    them a council's, a month or one of the assessment's own headings, less any question word that opens them; none
    when nearly all its words are capitalised (:data:`CAPITALISED_SHARE`)."""
    words = question.split()[1:]
    if question.isupper() or sum(w[:1].isupper() for w in words) > CAPITALISED_SHARE * len(words):
        return []
    out = []
    for m in _NAME_ASKED.finditer(_without_councils(question, councils)):
        run = m.group(0).split()[1:] if m.start() == 0 else m.group(0).split()  # the first is capitalised anyway
        for part in _name_parts(" ".join(run)):
            while part and (_OPENING.match(part[0] + " ") or part[0].casefold() in _JOINING):
                part = part[1:]
            while part and part[-1].casefold() in _JOINING:
                part = part[:-1]
            name = " ".join(part)
            if (len(part) >= 2 or _CAMEL.fullmatch(name)) and not names_a_council(name) and not title_words_only(name) \
                    and not set(re.findall(r"[a-z]+", name.casefold())) <= _HEADING_WORDS:
                out.append(name)
    return out


#: A place a question names by a capitalised word after a word of place ("the new scheme in Uckfield").
_PLACE_ASKED = re.compile(r"\b(?:in|at|near)\s+(?P<place>[A-Z][a-z]{2,}(?:[\s-][A-Z][a-z]{2,})*)\b")


def places_asked(question: str) -> list[str]:
    """The places a question names by a capitalised word after "in", "at" or "near" (:data:`_PLACE_ASKED`), none of
    them a council's, a month or one of the assessment's own headings."""
    return [p for m in _PLACE_ASKED.finditer(question) if is_place(p := m.group("place"))]


def is_place(name: str) -> bool:
    """Whether a capitalised name a question sets after a word of place is a place: not a month, a council or the
    assessment's own headings."""
    return name.casefold() not in _MONTH_WORDS and not names_a_council(name) \
        and not set(re.findall(r"[a-z]+", name.casefold())) <= _HEADING_WORDS


def place_not_counted(query: Query, candidates, weights, settings: Settings) -> str | None:
    """A figure is asked for a place inside the council's area ("How many people in West Wight were waiting …?") and
    no sentence giving a figure on its topic names that place, nor does the one it refers back to: the figure for the
    whole area is not the place's."""
    if not settings.rules.answer_type_check or query.answer_type not in ("number", "duration") \
            or query.comparative or len(query.councils) != 1:
        return None
    places = areas_asked(_without_councils(query.text, query.councils))
    typed = giving(query, candidates, weights, settings) if places else []
    if not typed or any(p.casefold() in one_line(f"{refers_back_to(c)} {c.sentence.text}").casefold()
                        for p in places for c in typed):
        return None
    return f"The reports give {possessive(query.councils[0])} figure but not one for {places[0]}."


#: A place a question asks a figure of by "in" after a word in lower case ("people in West Wight", "provided in
#: Weardale"): not part of a name ("the Hub in Tooting", "Equality in Care Forum"), a site ("at Oak Meadow"), nor what a
#: council takes in ("the council that takes in Poole").
_AREA_ASKED = re.compile(r"(?P<before>[\w'’-]+)\s+in\s+(?P<place>[A-Z][a-z]{2,}(?:[\s-][A-Z][a-z]{2,})*)\b")
#: Verbs after which "in" and a place say what a council takes in, not where a figure is of.
_TAKES_IN = frozenset({"take", "takes", "took", "taking", "taken", "include", "includes"})
#: The last words of a named building or service, which a place asked about is not ("Stepping Hill Hospital").
_SITE_WORDS = frozenset({"hospital", "hub", "centre", "center", "court", "home", "house", "unit", "forum", "team",
                         "service", "board", "partnership", "hall", "lodge", "project", "scheme", "programme"})


def areas_asked(question: str) -> list[str]:
    """The parts of a council's area a question asks a figure of (:data:`_AREA_ASKED`), not a month, a heading's words
    or a named building or service (:data:`_SITE_WORDS`)."""
    return [p for m in _AREA_ASKED.finditer(question) if m.group("before")[:1].islower()
            and m.group("before") not in _TAKES_IN and is_place(p := m.group("place"))
            and p.split()[-1].casefold() not in _SITE_WORDS]


def name_not_found(query: Query, candidates, weights, settings: Settings) -> str | None:
    """The question names something ("the Connect at Home pilot") whose words no passage retrieved for its one council
    holds (nor its section's heading), nor its initials ("DoLS" for "Deprivation of Liberty Safeguards"):
    retrieval finds a name a report uses, so that council's reports do not speak of it (it may be another council's)."""
    if not settings.rules.name_check or len(query.councils) != 1 or query.comparative:
        return None
    names = names_asked(query.text, query.councils)
    chunks = {c.passage.chunk.chunk_id: c.passage.chunk for c in candidates if c.passage.chunk.council == query.councils[0]}
    if not names or not chunks:
        return None  # most questions name nothing: their passages' words are never gathered
    texts = [set(_squeezed(f"{chunk.section or ''} {chunk.text}").split()) for chunk in chunks.values()]
    for name in names:
        spelled = " ".join(w for w in name.split() if not ACRONYM.fullmatch(w)) or name  # "ICB" may be spelled out
        words = set(_squeezed(spelled).split()) - _JOINING - KIND_WORDS  # "Age UK Fenwick": "Age UK" beside "Fenwick"
        if not any(words <= t for t in texts) and not any(spelled_out(name, chunk.text) for chunk in chunks.values()):
            return f"The reports for {query.councils[0]} do not mention {name}."
    return None


def possessive(name: str) -> str:
    """A name's possessive form: "Harrow's", "Tower Hamlets'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


#: Words a topic phrase does not end with: it would name nothing ("open a new", "the care of").
_NOT_LAST = ("for", "of", "in", "to", "a", "an", "the", "and", "at", "on", "by", "with", "new", "more", "other", "own",
             "its", "their", "this", "that", "these", "those", "some", "any", "each", "every", "all")
#: Words a topic phrase does not start with: it would begin inside a phrase ("from an ethnic minority background").
_NOT_FIRST = ("the", "a", "an", "of", "in", "for", "to", "from", "with", "by", "at", "on", "about", "into", "as", "is",
              "what", "who", "how", "outside", "inside", "within", "across", "between", "after", "before")
#: Verbs that help another, with which a topic phrase neither starts nor ends ("were from an ethnic minority
#: background", "each day were").
_HELPING_VERBS = frozenset({"was", "were", "are", "is", "be", "been", "being", "did", "does", "do", "had", "has", "have",
                            "will", "would", "can", "could", "should", "may", "might"})


def topic_phrase(question: str, sentences: list[str], councils: tuple[str, ...] = ()) -> str:
    """The longest run of the question's words (two or more) found in one of the sentences, for a
    readable abstention reason; "" when there is none. A run that only names a council, starts inside a
    figure or holds a month, is no topic."""
    words = re.findall(r"[\w'-]+", question)
    joined = [s.casefold() for s in sentences]
    council_words = {w for c in councils for w in c.casefold().split()}
    for size in range(min(6, len(words)), 1, -1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            folded = phrase.casefold().split()
            if (folded[0] in _NOT_FIRST or set(folded) <= council_words
                    or folded[0][0].isdigit()  # a piece of a figure ("2 million" of "£3.2 million")
                    or set(folded) & _MONTH_WORDS  # a date, not a topic ("end of March 2025")
                    or folded[-1] in _NOT_LAST or {folded[0], folded[-1]} & (stop_words() | _HELPING_VERBS)):
                continue  # not "or less care", "needed no", "were from …"
            if any(re.search(rf"\b{re.escape(phrase.casefold())}\b", s) for s in joined):
                return phrase
    return ""


#: A question asking which things of a kind there are ("Which languages were the guides printed in?", "what services
#: does it run", "which 6 languages can it offer": the count the question gives is no answer), by the kind's plural
#: noun; not a unit of time or a count's own word ("what hours does it open").
_WHICH_KIND = re.compile(r"^\s*(?:and\s+)?(?:which|what)\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
                         r"(?:[a-z-]+\s+)?(?P<kind>[a-z]{3,}s)\s+(?:are|were|is|was|did|does|"
                         r"do|has|have|had|can|could|will|would)\b", re.IGNORECASE)
#: Kinds whose plural is asked for a figure or a manner, not members: "what hours", "which ways".
_NOT_MEMBERS = frozenset({"hours", "days", "weeks", "months", "years", "minutes", "times", "councils", "authorities",
                          "boroughs", "reports", "kinds", "types", "sorts", "ways", "steps", "reasons", "rates", "figures",
                          "percentages", "numbers", "levels", "scores", "ratings", "standards", "plans", "actions", "things"})
#: Members listed after the kind's noun, perhaps a few words on ("eight languages, including Polish", "two hospitals:
#: Barnet and Chase Farm", "three priorities for the year: self-neglect, …"); not another clause after ", and".
_MEMBERS_FOLLOW = re.compile(r"^[^.;:(–—]{0,30}?(?:[:(–—]|\bincluding\b|\bsuch as\b|\bnamely\b|\blike\b)|^\s*[,-](?!\s*(?:and|or|but)\b)")


#: The same asked as "what are the …" ("What are the names of the three neighbourhood areas where …?", "what were the
#: workstreams in the improvement programme"), the kind's noun before a word joining what it is of.
_WHAT_ARE_THE_KIND = re.compile(r"^\s*(?:and\s+)?(?i:what|which)\s+(?:are|were)\s+the\s+(?:names\s+of\s+(?:the\s+|its\s+|their\s+)?)?"
                                r"(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?:[a-z][\w'’-]*\s+){0,2}?"
                                r"(?P<kind>[a-z]{3,}s)\s+(?:in|of|where|that|which|run|used|covered|set up|making up)\b")


def kind_asked(question: str) -> str | None:
    """The plural noun of the kind whose members a question asks for ("languages" of "Which languages are …",
    "workstreams" of "What are the workstreams in …"), or None."""
    match = _WHICH_KIND.match(question) or _WHAT_ARE_THE_KIND.match(question)
    return match.group("kind").casefold() if match and match.group("kind").casefold() not in _NOT_MEMBERS else None


#: A definite count of a kind, perhaps with a word or two describing it ("eight languages", "14 community hubs", "the five
#: most requested languages"); not a year ("in March 2024 had caused problems"), a vague amount ("several") or a verb
#: between ("3 had closed homes").
_DEFINITE_COUNT = (r"(?<![\d/£.,])(?!(?:19|20)\d\d\b)\d[\d,]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                   r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)")
_DESCRIBING = r"(?:(?:most|least)\s+[a-z-]+\s+)?(?:(?!(?:had|has|have|was|were|is|are|been)\b)[a-z-]+(?<!ed)\s+){0,2}?"


def counts_kind_only(sentence: str, kind: str) -> bool:
    """Whether the sentence names the kind only as a count ("in eight languages") and lists none of its members."""
    count = re.compile(rf"(?:{_DEFINITE_COUNT})\s+{_DESCRIBING}{kind}\b", re.IGNORECASE)
    mentions = list(re.finditer(rf"\b{kind}\b", sentence, re.IGNORECASE))
    counted = [m for m in count.finditer(sentence) if not _MEMBERS_FOLLOW.match(sentence[m.end():])]
    return bool(mentions) and len(counted) == len(mentions)


def count_instead_of_members(query: Query, candidates, weights, settings: Settings) -> str | None:
    """The question asks which things of a kind there are ("Which languages are the guides in?") and every sentence
    of its council about its topic that names the kind only counts them ("in eight languages"), none listing them:
    how many is not which."""
    kind = kind_asked(query.text) if settings.rules.answer_type_check and len(query.councils) == 1 \
        and not query.comparative else None
    if kind is None:
        return None
    own = [c.sentence.text for c in near_topic(query, candidates, weights, settings)
           if c.passage.chunk.council == query.councils[0]]
    naming = [s for s in own if re.search(rf"\b{kind}\b", s, re.IGNORECASE)]
    if not naming or not all(counts_kind_only(s, kind) for s in naming) or any(NAMED_LIST.search(s) for s in own):
        return None
    return f"The reports for {query.councils[0]} give how many {kind} but not which."


def other_of_pair_only(query: Query, candidates, weights, settings: Settings) -> str | None:
    """The question names one of a pair ("for women", "younger adults", "home care providers") and the sentences of
    its council about its topic name only the other ("a gap of more than ten years for men", "every care home"): they
    say nothing of the one asked."""
    if not settings.rules.answer_type_check or query.comparative or len(query.councils) != 1:
        return None
    own = [one_line(c.sentence.text) for c in near_topic(query, candidates, weights, settings)
           if c.passage.chunk.council == query.councils[0]]
    instead = [other_of_pair(s, query.text) for s in own]
    if not own or not all(instead):
        return None
    return f"The reports for {query.councils[0]} speak of {instead[0]}."


def which_not_named(query: Query, candidates, weights, settings: Settings) -> str | None:
    """A "which …" question asks for one thing by its kind ("Which local advice service does Enfield partner
    with?") and the sentences about its topic speak of it only as one of that kind ("through a partnership with a
    local advice service"), naming none: they say there is one, not which. An acronym's long form may say the kind
    ("HMP Grendon" names a prison). A "why" question asks for a cause; a "which" within it ("why can't it tell
    which groups miss out") is what the council cannot tell."""
    if not settings.rules.answer_type_check or query.comparative or query.answer_type == "reason":
        return None
    said = [which_one_unsaid(weights.glossary.with_long_forms(one_line(c.sentence.text)), query.text)
            for c in near_topic(query, candidates, weights, settings)]
    if "" in said or not any(said):
        return None
    mention = next(s for s in said if s)
    return f"The reports mention {mention[:1].lower()}{mention[1:]} but not which."


def abstain_reason(query: Query, retrieval: Retrieval, candidates, catalogue, weights, settings: Settings,
                   before_candidates: bool = False) -> str | None:
    """Why the answer abstains ("" for the plain message), or None to answer. Rules run in order."""
    for rule in (names_only_unknown_councils, filters_exclude_named_council, filters_match_nothing,
                 statement_not_covered, earlier_assessment):
        reason = rule(query, catalogue)
        if reason is not None:
            return reason
    reason = nothing_retrieved(query, retrieval)
    if reason is not None or before_candidates:
        return reason
    if not candidates:
        return ""
    best = max(c.relevance for c in candidates)
    reason = below_threshold(best, settings)
    if reason is not None:
        return reason
    for rule in (name_not_found, figure_not_found, asked_thing_missing, place_not_counted, count_instead_of_members,
                 which_not_named, other_of_pair_only,
                 findings_not_yet_reported, findings_not_told, reason_not_known, reason_not_given, outcome_not_reported, effect_not_reported,
                 detail_not_told, addition_not_told, subject_not_told, doer_not_named,
                 target_not_given, rating_not_given, payment_not_told, period_not_given, benchmark_not_given,
                 reference_value_not_given, earlier_year_not_given, other_councils_not_named):
        reason = rule(query, candidates, weights, settings)
        if reason is not None:
            return reason
    return None
