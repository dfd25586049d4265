"""A figure a comparison asks councils to pass ("Which councils had more than 1,000 applications waiting?",
"an overall score above 60", "a vacancy rate below 10%", "spent more than £300 million") or to top ("Which
council had the largest budget?", "the shortest median wait"), and the figures of a sentence that can be held
against it: the same unit (a sum of money, a percentage, a length of time in days or a plain count), read as
numbers, so that only the councils whose figure passes, or the one whose figure tops the others, are listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexical import stop_words

#: A number as written: "1,240", "12.5", "300".
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: Words that set a bound, by the side of it a figure must fall on.
_ABOVE = ("more than", "greater than", "higher than", "larger than", "bigger than", "longer than", "above", "over",
          "exceeding", "in excess of")
_AT_LEAST = ("at least", "no less than", "no fewer than")
_BELOW = ("fewer than", "less than", "lower than", "smaller than", "shorter than", "below", "under")
_AT_MOST = ("at most", "no more than")
_BOUND_WORDS = "|".join(w.replace(" ", r"\s+") for w in (*_ABOVE, *_AT_LEAST, *_BELOW, *_AT_MOST))
#: A bound and its figure: "more than £300 million", "above 60", "below 10%", "over 1,000", "more than 30 days"; not
#: a financial year ("over 2023/24").
_BOUND = re.compile(rf"\b(?P<op>{_BOUND_WORDS})\s+(?P<money>£\s*)?(?P<number>{_NUMBER})(?![\d,]*\s*[/–-]\s*\d)"
                    r"\s*(?P<scale>million|m|bn|billion|k|thousand)?\b\s*(?P<percent>%|per\s*cent|percent)?"
                    r"(?:\s*(?P<time>day|week|month|year)s?\b)?", re.IGNORECASE)
#: A bound given as a fraction ("at least a fifth", "more than half", "fewer than two-thirds", "under one in four"): a
#: percentage; "over half a year" is a length of time.
_FRACTION_BOUND = re.compile(rf"\b(?P<op>{_BOUND_WORDS})\s+(?:(?P<times>a|an|one|two|three|four)[\s-]+)?(?P<part>half|thirds?|"
                             r"quarters?|fifths?|tenths?)\b(?!\s+(?:of\s+)?an?\s+(?:hour|day|week|month|year)\b)|\b(?P<op2>" + _BOUND_WORDS + r")\s+(?P<one>one|1) in "
                             r"(?P<whole>two|three|four|five|ten|[2-9]|10)\b", re.IGNORECASE)
_FRACTION_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "half": 2, "third": 3,
                   "quarter": 4, "fifth": 5, "tenth": 10}
#: A figure in a sentence: a sum ("£71.8 million", "£566"), a percentage ("41%", "12 per cent") or a count
#: ("1,240"); not a year or a financial year.
_FIGURE = re.compile(rf"(?P<money>£\s*)?(?<![\d.,/])(?P<number>{_NUMBER})(?![\d,]*\s*/\s*\d)(?!\.\d)"
                     r"(?:\s*(?P<scale>million|m|bn|billion|k|thousand)\b)?\s*(?P<percent>%|per\s*cent\b|percent\b)?",
                     re.IGNORECASE)
_SCALES = {"m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3, "thousand": 1e3}
#: Small numbers in words, as a length of time is often written ("more than six months").
_SMALL = {w: float(n) for n, w in enumerate(("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                                "nine", "ten", "eleven", "twelve"))}
#: Those words as a pattern, from "zero", and from "one" (a length or bound of none is no length).
_SMALL_WORDS = "|".join(_SMALL)
_COUNTING_WORDS = "|".join(w for w in _SMALL if w != "zero")
#: A length of time as a figure and its unit ("19 days", "6 weeks", "14 months", "five months").
_LENGTH = re.compile(rf"(\d+(?:\.\d+)?|\b(?:{_COUNTING_WORDS}))\s*(day|week|month|year)s?\b", re.IGNORECASE)
#: How far after a figure its words run, when held against the question's.
FIGURE_WORDS_CHARS = 60
_DAYS = {"day": 1.0, "week": 7.0, "month": 30.0, "year": 365.0}


@dataclass(frozen=True)
class Bound:
    """A bound a figure must pass: ``op`` one of ">", ">=", "<", "<=" (or "max", "min": the figure that tops the
    others); ``unit`` "money", "percent", "days" or "count"."""

    op: str
    value: float
    unit: str
    words: str = ""  # as the question puts it ("more than 1,000")

    def passes(self, figure: float) -> bool:
        """Whether a figure falls on the bound's side of it."""
        return {">": figure > self.value, ">=": figure >= self.value, "<": figure < self.value,
                "<=": figure <= self.value}[self.op]


def _unit(m: re.Match) -> str:
    return "money" if m.group("money") else "percent" if m.group("percent") else "count"


def _value(m: re.Match) -> float:
    scale = _SCALES.get((m.group("scale") or "").casefold(), 1.0) if m.group("money") else 1.0
    return float(m.group("number").replace(",", "")) * scale


def bound_of(question: str) -> Bound | None:
    """The bound a question sets a figure ("more than 1,000", "above 60", "below 10%", "at least a fifth"), else None."""
    m = _BOUND.search(question)
    if not m:
        return time_bound(question) or fraction_bound(question) or none_bound(question)
    op = _side(m.group("op"))
    if m.group("time"):  # a length of time, in days: "a median wait of more than 30 days"
        return Bound(op, _value(m) * _DAYS[m.group("time").casefold()], "days", " ".join(m.group(0).split()))
    return Bound(op, _value(m), _unit(m), " ".join(m.group(0).split()))


def _side(words: str) -> str:
    """The side a bound's words set: ">", ">=", "<" or "<=" ("more than", "at least", "below", "at most")."""
    words = " ".join(words.casefold().split())
    return ">" if words in _ABOVE else ">=" if words in _AT_LEAST else "<" if words in _BELOW else "<="


#: A question asking where nobody was waiting ("Which councils had nobody waiting for home care?", "no one on the
#: waiting list"): a count of at most none.
_ASKS_NONE = re.compile(r"\b(?:nobody|no one|no-one|no people)\b(?=[^?.]{0,30}?\b(?:waiting|on (?:the|a|its) waiting list)\b)",
                        re.IGNORECASE)


def none_bound(question: str) -> Bound | None:
    """A count of none asked for ("had nobody waiting for a home care package"): at most 0."""
    m = _ASKS_NONE.search(question)
    return Bound("<=", 0.0, "count", m.group(0)) if m else None


def counts_none(bound: Bound) -> bool:
    """Whether the bound asks for a count of none ("nobody waiting")."""
    return bound.op == "<=" and bound.value == 0 and bound.unit == "count"


def bound_phrase(bound: Bound) -> str:
    """How an answer names a bound: its words as the question put them ("more than 1,000"), "of none" for nobody."""
    return "of none" if counts_none(bound) else bound.words


def time_bound(question: str) -> Bound | None:
    """A bound on a length of time written in words ("more than a year", "under six months"), in days."""
    m = _TIME_BOUND.search(question)
    if not m:
        return None
    return Bound(_side(m.group("op")), _number(m.group("n")) * _DAYS[m.group("time").casefold()], "days",
                 " ".join(m.group(0).split()))


def fraction_bound(question: str) -> Bound | None:
    """A bound given as a fraction ("at least a fifth", "more than half", "under one in four"), as a percentage."""
    m = _FRACTION_BOUND.search(question)
    if not m:
        return None
    if m.group("part"):
        part = m.group("part").casefold().rstrip("s")
        share = _FRACTION_WORDS.get((m.group("times") or "a").casefold(), 1) / _FRACTION_WORDS[part]
    else:
        whole = m.group("whole").casefold()
        share = 1 / (_FRACTION_WORDS[whole] if whole in _FRACTION_WORDS else int(whole))
    return Bound(_side(m.group("op") or m.group("op2")), round(100 * share, 1), "percent", " ".join(m.group(0).split()))


def without_bound(question: str, bound: Bound) -> str:
    """The question without the words of a bound it sets ("more than 50 days" is no wait asked about), a bound in
    per cent leaving that a share is asked ("put more than 40% of their budget into …" asks what share); a top ("the
    longest wait") is left, being what is asked."""
    if bound.op in ("max", "min"):
        return question
    return question.replace(bound.words, " what share " if bound.unit == "percent" else " ")


def is_year(m: re.Match) -> bool:
    """Whether a plain figure is a year ("in 2024"), which no bound is about."""
    return _unit(m) == "count" and re.fullmatch(r"(?:19|20)\d{2}", m.group("number")) is not None


def figures_like(sentence: str, bound: Bound) -> list[float]:
    """The sentence's figures in the bound's unit, in order: its sums for a bound in pounds, its percentages
    for one in per cent, its lengths of time in days for one in days, its plain counts otherwise (not years)."""
    return [value for value, _ in _figure_spans(sentence, bound)]


def _figure_spans(sentence: str, bound: Bound) -> list[tuple[float, int]]:
    """The sentence's figures in the bound's unit (:func:`figures_like`), each with where it ends."""
    if bound.unit == "days":
        return [(length_in_days(m), m.end()) for m in _LENGTH.finditer(sentence)
                if not PERIOD_BEFORE.search(sentence, max(0, m.start() - PERIOD_REACH), m.start())]
    none = [(0.0, m.end()) for m in _NONE_WAITING.finditer(sentence)] if bound.unit == "count" else []
    return sorted(none + [(_value(m), m.end()) for m in _FIGURE.finditer(sentence) if _unit(m) == bound.unit
                          and not is_year(m) and not _LENGTH.match(sentence, m.start("number"))], key=lambda f: f[1])


#: Words making the length of time after them the period something happened in, not a wait: "reduced over the
#: previous 18 months", "in the last 12 months", "during the past year".
PERIOD_BEFORE = re.compile(r"\b(?:over|in|during|within|across|throughout) the (?:previous|last|past|next|following|"
                           r"preceding|coming) $", re.IGNORECASE)  # "waiting *for* the past 18 months" is a wait
#: How far before a length of time those words are looked for.
PERIOD_REACH = 40


#: How near two lengths of time in different units must be to be the same length told otherwise ("3 months" and "91
#: days", "6 months" and "26 weeks"), as a share of the longer: "8 weeks" is not "60 days".
SAME_LENGTH_SHARE = 0.03


def same_length_told(question: str, text: str) -> set[str]:
    """The figures of the question's lengths of time that the text tells in a smaller unit: "3 months" is "91
    days", which is how the reports count time at home after reablement (a question in plain words rounds up; one
    asking "within 60 days" asks that limit, not a wait of "2 months")."""
    told = [(length_in_days(m), _DAYS[m.group(2).casefold()]) for m in _LENGTH.finditer(text)]
    out = set()
    for m in _LENGTH.finditer(question):
        days, unit = length_in_days(m), _DAYS[m.group(2).casefold()]
        if any(u < unit and abs(d - days) <= SAME_LENGTH_SHARE * max(d, days) for d, u in told):
            out.add(m.group(1).replace(",", ""))
    return out


def length_in_days(m: re.Match) -> float:
    """A length of time :data:`_LENGTH` found, in days ("14 months" → 420, "five months" → 150)."""
    return _number(m.group(1)) * _DAYS[m.group(2).casefold()]


def _number(word: str) -> float:
    """A number written in digits or in words ("14", "five"), "a" or "an" being one ("more than a year") and "half a"
    a half ("over half a year")."""
    n = " ".join(word.casefold().split())
    return 1.0 if n in ("a", "an") else 0.5 if n in ("half a", "half an") else _SMALL[n] if n in _SMALL else float(n)


#: A list with nobody on it, a count of none: "nobody was waiting for home care" has fewer than 50 waiting.
_NONE_WAITING = re.compile(r"\b(?:nobody|no one|no-one) (?:was|were|had been|has been) (?:still |currently )?waiting\b|"
                           r"\b(?:there was|there were|had) no (?:one |people )?(?:waiting|on (?:the|a|its) waiting list)\b",
                           re.IGNORECASE)


def none_waiting(sentence: str) -> bool:
    """Whether the sentence says nobody was waiting ("nobody was waiting for home care"): a count of none."""
    return _NONE_WAITING.search(sentence) is not None


#: A line break inside a sentence, as a PDF's text keeps them ("3,260 applications\nwere waiting"): the next line
#: goes on in lower case, where a list of facts starts each line anew.
_WRAPPED = re.compile(r"(?<![.:;!?])\n(?=[a-z])")
#: A figure asked per some unit ("spend per adult", "the rate per hour"): a line giving it per that unit outweighs any
#: number of other words in common.
_PER_UNIT = re.compile(r"\bper (\w+)", re.IGNORECASE)
PER_UNIT_WEIGHT = 100
#: A word, as lines of a list of facts and the question are compared by them.
_LINE_WORD = re.compile(r"[a-z]+")


#: A question asking whether anyone at all waited past a length of time ("had *someone waiting* more than 20 weeks").
_ANYONE_WAITING = re.compile(r"(?:\b(?:someone|somebody|anyone|anybody|any person|any people)|\b(?:had|have|has|with) people)\s+"
                             r"(?:who\s+)?(?:had\s+)?(?:been\s+)?(?:was\s+|were\s+)?(?:still\s+)?wait(?:ing|ed)\b",
                             re.IGNORECASE)  # "which councils had people waiting over a year": anyone at all


#: A question bounding the longest wait itself ("a longest wait of more than 20 weeks", "the maximum wait"): the
#: longest length a sentence gives is the one it asks about, not the median given first.
_ASKS_LONGEST = re.compile(r"\b(?:longest|maximum|max)\s+(?:wait|waiting time|delay)s?\b", re.IGNORECASE)


def anyone_past(bound: Bound, question: str) -> bool:
    """Whether a bound above a length of time is asked of anyone at all ("which councils had someone waiting more
    than 20 weeks"): the longest wait a sentence gives, not its median, is then the figure that passes or not."""
    return bound.unit == "days" and bound.op in (">", ">=") and bool(_ANYONE_WAITING.search(question))


def longest_asked(bound: Bound, question: str) -> bool:
    """Whether the longest length of time a sentence gives is the figure a bound is held against: asked of anyone at
    all (:func:`anyone_past`) or of the longest wait itself ("a longest wait of more than 20 weeks")."""
    return anyone_past(bound, question) or bound.unit == "days" and bool(_ASKS_LONGEST.search(question))


def asked_figure(sentence: str, bound: Bound, question: str) -> float | None:
    """The sentence's figure in the bound's unit that the question asks about: in a list of facts, one a line, the
    line sharing most of the question's words ("Adult social care budget: £148.2 million" for "the largest adult
    social care budget", not the total council budget above it); of that line's figures, the one whose words after
    it share most of the question's ("896 people were waiting for an assessment and more than 1,100 Deprivation of
    Liberty Safeguards applications had not been assessed" for applications waiting), else its first (None when the
    sentence gives none)."""
    if counts_none(bound) and none_waiting(sentence):
        return 0.0  # "… within 5 working days, and no one was waiting": the count of none asked for
    if longest_asked(bound, question):
        lengths = [figure for figure, _ in _figure_spans(sentence, bound)]
        return max(lengths) if lengths else None  # "the median was 17 weeks, the longest 68 weeks": someone waited 68
    passed = without_bound(question, bound)
    asked = _words(passed) - stop_words() - _ASKING_WHICH  # "for the" names nothing asked, nor a
    # bound's own words: "more than a year" does not say what "more than 1,000" counts
    per = _PER_UNIT.search(question)
    best, shared_most = None, -1
    for line in _WRAPPED.sub(" ", sentence).split("\n"):
        figures = _figure_spans(line, bound)
        shared = len(asked & _words(line)) if figures else -1
        if figures and per and re.search(rf"\bper {per.group(1)}\b", line, re.IGNORECASE):
            shared += PER_UNIT_WEIGHT  # "Spend per adult: £652" for the highest spend per adult, not the total spend
        if shared > shared_most:
            best, shared_most = _of_the_words_asked(line, figures, asked), shared
    if best is None:  # a figure written across a line break is the sentence's own
        best = _of_the_words_asked(sentence, _figure_spans(sentence, bound), asked)
    return best


def _words(text: str) -> set[str]:
    """The text's words, casefolded, a plural's "s" left off ("carers'" and "a carer's" share "carer")."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
            for w in _LINE_WORD.findall(text.casefold())}


#: The words by which a comparison asks which councils ("Which councils …?"): they say whose figure, not what it counts.
_ASKING_WHICH = frozenset(_words("which councils local authority authorities"))


#: Words before an amount that make it one added on to another ("an extra £1.50", "a further 20", "plus £2"): what
#: it adds to is the level asked about. Read up to the figure's end, within a short window.
_ADDED_ON = re.compile(r"\b(?:an?\s+(?:extra|additional|further)|plus|a\s+top-up\s+of|an?\s+uplift\s+of)\s+\S+\s*$",
                       re.IGNORECASE)
ADDED_ON_REACH = 40


def _of_the_words_asked(text: str, figures: list[tuple[float, int]], asked: set[str]) -> float | None:
    """Of a text's figures, the first of those whose words after it, up to the next figure, share most of the
    question's words, leaving out an amount added on when another is given: "paid home care providers £23.50 an
    hour, with an extra £1.50 an hour for visits where care was hard to find" pays £23.50 an hour (None when it gives
    none)."""
    levels = [(f, end) for f, end in figures if not _ADDED_ON.search(text[max(0, end - ADDED_ON_REACH) : end])]
    figures = levels or figures
    ends = [end for _, end in figures]
    after = [_words(text[end : min([*ends[i + 1 :], end + FIGURE_WORDS_CHARS])]) for i, end in enumerate(ends)]
    if not figures:
        return None
    return figures[max(range(len(figures)), key=lambda i: (len(asked & after[i]), -i))][0]


#: A question asking which council's figure tops the others ("the largest budget", "the most complaints"; not
#: "one of the most …" nor "the most common theme", which ask for no figure): the side, by its word.
_HIGHEST = ("highest", "largest", "biggest", "greatest", "longest", "slowest", "most")
_LOWEST = ("lowest", "smallest", "shortest", "fewest", "least", "quickest", "fastest")
_TOPS = re.compile(rf"(?<!one of )\bthe\s+({'|'.join((*_HIGHEST, *_LOWEST))})\b(?!\s+(?:common|commonly|frequent|"
                   r"frequently|often|likely|important|popular|recent|recently|significant|serious|effective|used|cited|"
                   r"mentioned|reported|raised)\b)|"
                   # or after what it sizes: "Where is the uptake of direct payments lowest among the four councils?"
                   rf"\b(?:is|are|was|were)\b[^?]{{1,80}}?\b({'|'.join((*_HIGHEST, *_LOWEST))})\s*"
                   r"(?=\?|$|\b(?:among|amongst|across|of all|of the|out of)\b)", re.IGNORECASE)
#: What a question's figure is, by its words: a sum, a share, a length of time (else a count).
_MONEY_WORDS = re.compile(r"£|\b(budget|spend|spends|spent|spending|cost|costs|fee|fees|price|pay|paid|fund|funds|funding|grant|"
                          r"overspend|underspend|savings|hourly|weekly rate|money)\b", re.IGNORECASE)
_SHARE_WORDS = re.compile(r"%|\b(percentage|proportion|share|per ?cent)\b", re.IGNORECASE)
#: A rate or an uptake, which is a share unless the question is about money ("the highest hourly rate") or time.
_RATE = re.compile(r"\b(?:rate|uptake|take-up|take up)\b", re.IGNORECASE)
#: What follows "longest" or "shortest" when they size a list, not a length of time: "the longest list" is a count.
NOT_A_LIST = r"(?! (?:waiting )?(?:lists?|queues?|backlogs?)\b)"
_TIME_WORDS = re.compile(r"\b(wait|waits|waiting time|delay|how long|time to|days|weeks)\b|\b(longest|shortest|"
                         rf"quickest|fastest|slowest)\b{NOT_A_LIST}", re.IGNORECASE)


#: Between two councils named, the one whose figure is higher or lower ("Which paid the higher rate, Nottingham or
#: Devon?", "Which of Staffordshire and Camden spent more …?"); "more than 1,000" is a bound.
_HIGHER = ("higher", "larger", "bigger", "greater", "longer", "slower", "more")
_LOWER = ("lower", "smaller", "shorter", "fewer", "less", "quicker", "faster")
_BETWEEN = re.compile(rf"\b({'|'.join((*_HIGHER, *_LOWER))})\b(?!\s+than\b)", re.IGNORECASE)
#: Every word by which a question asks for the figure that tops or trails the others ("largest", "fewer").
TOP_WORDS = frozenset((*_HIGHEST, *_LOWEST, *_HIGHER, *_LOWER))


def top_of(question: str, between_two: bool = False) -> Bound | None:
    """For "Which council had the largest budget / the shortest wait / the most complaints?" (and, with
    ``between_two`` councils named, "which paid the higher rate?"): a bound whose ``op`` is "max" or "min" and
    whose unit is what the question's figure is, else None."""
    m = _TOPS.search(question) or (_BETWEEN.search(question) if between_two else None)
    if not m:
        return None
    side = "max" if (m.group(1) or m.group(2)).casefold() in (*_HIGHEST, *_HIGHER) else "min"
    # a share named is a percentage even of money ("the biggest share of its budget"); a rate only when not of money
    unit = ("percent" if _SHARE_WORDS.search(question) else "money" if _MONEY_WORDS.search(question)
            else "days" if _TIME_WORDS.search(question) else "percent" if _RATE.search(question) else "count")
    return Bound(side, 0.0, unit, m.group(0))


#: "Over" as "more than" a length of time, after a word of waiting ("waiting over a year", "open for over 28 days"); on
#: its own it says when, not how long ("eleven carers came over four weeks").
_OVER_AS_BOUND = "(?:" + "|".join(f"(?<={w} )" for w in ("for", "wait", "waits", "waited", "waiting", "open", "outstanding",
                                                          "been", "delayed")) + ")over"
#: A bound on a length of time written in words: "more than a year", "longer than six months", "waiting over a year";
#: not "over a year" on its own, which says when ("supported 40 carers over a year").
_TIME_BOUND_WORDS = "|".join(w.replace(" ", r"\s+") for w in (*_ABOVE, *_AT_LEAST, *_BELOW, *_AT_MOST) if w != "over")
_TIME_BOUND = re.compile(rf"\b(?P<op>{_TIME_BOUND_WORDS}|{_OVER_AS_BOUND})\s+(?P<n>(?:half\s+)?an?|{_COUNTING_WORDS})\s+"
                         r"(?P<time>day|week|month|year)s?\b", re.IGNORECASE)
#: A length of time a count is held against: "waiting more than six months", "longer than 28 days", "over a year".
_WAIT_BOUND = re.compile(rf"\b(?:more than|longer than|{_OVER_AS_BOUND}|at least|in excess of|beyond|upwards of)\s+"
                         rf"(?P<n>\d+(?:\.\d+)?|(?:half\s+)?an?|{_SMALL_WORDS})\s+(?P<unit>day|week|month|year)s?\b", re.IGNORECASE)
#: The same said of what has not happened within a recent length of time: "had not had their care reviewed in the
#: past 12 months" counts those who had gone more than a year without.
_NOT_WITHIN = re.compile(r"\b(?:not|never|no)\b[^.;]{0,60}?\b(?:in|within|during|over) the (?:past|last|previous)\s+"
                         rf"(?P<n>\d+(?:\.\d+)?|{_SMALL_WORDS})?\s*(?P<unit>day|week|month|year)s?\b", re.IGNORECASE)
#: How far apart two such lengths may be and still be one ("26 weeks" for "six months").
WAIT_BOUND_TOLERANCE = 0.1


#: Words that say some were so without counting them ("187 were waiting, *some* for more than a month"), read up to
#: a bound's start within its clause.
_UNCOUNTED = re.compile(r"\b(?:some|many|several|a few|others|most)\b[^,.;:\d]{0,40}$", re.IGNORECASE)


def wait_bounds(text: str, counted: bool = False) -> list[float]:
    """The lengths of time, in days, that the text holds a count against ("waiting more than six months" → 180,
    "not reviewed in the past 12 months" → 360); ``counted``: only those a count is held against, not those told of
    "some" ("187 were waiting, some for more than a month")."""
    out = []
    for m in (*_WAIT_BOUND.finditer(text), *_NOT_WITHIN.finditer(text)):
        if counted and _UNCOUNTED.search(text[max(0, m.start() - 60) : m.start()]):
            continue
        out.append(_number(m.group("n") or "a") * _DAYS[m.group("unit").casefold()])  # "in the past year": one
    return out


#: A time limit a share or a count is held to: "within 48 hours", "within two working days", "on the same day".
_WITHIN = re.compile(rf"\b(?:within|in under|in less than|inside)\s+(?P<n>\d+(?:\.\d+)?|an?|{_SMALL_WORDS})\s+"
                     r"(?P<working>working\s+)?(?P<unit>hour|day|week|month|year)s?\b|\b(?P<same>the same day|same-day)\b",
                     re.IGNORECASE)
#: A working week's days in calendar days ("20 working days" is four weeks).
_WORKING_DAY = 7 / 5
#: Days in each unit a time limit is given in, hours too ("within 48 hours").
_LIMIT_DAYS = {**_DAYS, "hour": 1 / 24}


def within_bounds(text: str) -> list[float]:
    """The time limits, in days, that the text holds something to ("within 48 hours" → 2, "on the same day" → 1)."""
    return [1.0 if m.group("same") else
            _number(m.group("n")) * _LIMIT_DAYS[m.group("unit").casefold()] * (_WORKING_DAY if m.group("working") else 1)
            for m in _WITHIN.finditer(text)]


def same_time_limit(sentence: str, question: str) -> bool:
    """Whether a figure held to a time limit ("discharged on the same day", "within 7 days") is given against that
    limit, when the sentence gives one at all: "88% were discharged within 48 hours" is not the share discharged the
    same day."""
    asked, given = within_bounds(question), within_bounds(sentence)
    return not asked or not given or any(abs(a - g) <= WAIT_BOUND_TOLERANCE * a for a in asked for g in given)


def same_wait_bound(sentence: str, question: str, required: bool = False) -> bool:
    """Whether a count held against a length of time ("had been waiting more than six months") is given against
    that length, when the sentence gives one at all (``required``: a count of things must give one, "412 led to
    an enquiry" does not say how many had been open that long, nor "187 were waiting, some for more than a month"):
    "38 had waited longer than three months" counts others."""
    asked, given = wait_bounds(question), wait_bounds(sentence, counted=required)
    return not asked or not (given or required) or any(abs(a - g) <= WAIT_BOUND_TOLERANCE * a for a in asked for g in given)
