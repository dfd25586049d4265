"""Reporting periods named in text: financial years ("2023/24", "2023-24", "2023 to 2024"), months
("March 2024") and calendar years ("in 2023"), so that a figure for one period is not given as the
answer for another; and the time of CQC's own assessment ("at the time of our assessment"), which dates a
figure without a year."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FINANCIAL = re.compile(r"\b((?:19|20)\d{2})\s*(?:/|-|–|to)\s*((?:19|20)?\d{2})\b")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
#: Months shortened as people write them ("Jan", "Sept"); May has no shorter form.
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
#: The month a financial year starts in (April).
FIRST_MONTH_OF_YEAR = 4
#: Seasons, which people date figures by ("in summer 2024") though the reports name months.
SEASONS = ("spring", "summer", "autumn", "winter")
_PERIOD_WORD = re.compile(rf"\b(?:{'|'.join(MONTHS + SHORT_MONTHS)}|(?i:{'|'.join(SEASONS)}))\b")
#: A month and its year ("March 2024", "1 March 2024", "march 2024" as typed); "May" only capitalised, so "may" the verb
#: is not one.
_MONTH_YEAR = re.compile(rf"\b((?i:{'|'.join(m for m in MONTHS if m != 'May')})|May),?\s+((?:19|20)\d{{2}})\b")


@dataclass(frozen=True)
class Period:
    """A financial year (``first`` and ``first + 1``), a calendar year (``last`` is None), or a
    month of a calendar year (``month`` 1–12)."""

    first: int
    last: int | None = None
    month: int | None = None

    @property
    def label(self) -> str:
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.first}"
        return f"{self.first}/{str(self.last)[-2:]}" if self.last else str(self.first)


def period_words(text: str) -> list[str]:
    """The months and seasons a text names ("August", "summer"): when, not what, something is about."""
    return _PERIOD_WORD.findall(text)


def periods(text: str) -> tuple[Period, ...]:
    """The financial years, months and calendar years a text names, in order of appearance."""
    found: list[tuple[int, Period]] = []
    taken: set[int] = set()  # the characters of periods already found (a set: a text of many periods is read in linear time)
    for m in _MONTH_YEAR.finditer(text):
        found.append((m.start(), Period(int(m.group(2)), month=MONTHS.index(m.group(1).capitalize()) + 1)))
        taken.update(range(*m.span()))
    for m in _FINANCIAL.finditer(text):
        first, second = int(m.group(1)), m.group(2)
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if last == first + 1 and m.start() not in taken:
            found.append((m.start(), Period(first, last)))
            taken.update(range(*m.span()))
    for m in _YEAR.finditer(text):
        if m.start() not in taken:
            found.append((m.start(), Period(int(m.group(1)))))
    return tuple(p for _, p in sorted(found, key=lambda x: x[0]))


#: The time of CQC's own assessment, as a report dates a figure by it ("at the time of our assessment", "when we
#: assessed the council") and as a question asks about it ("when CQC carried out its assessment", "at the time of
#: the inspection", "when inspectors visited"): a frame of time, not a kind of assessment.
_ASSESSMENT_TIME = re.compile(
    r"\b(?:at|by|during|before) the time of (?:the |our |this |its |their |CQC'?s? |the CQC'?s? )?(?:(?:19|20)\d{2} )?(?:assessment|inspection|visit)"
    r"|\b(?:during|in) (?:our|CQC'?s?|the CQC'?s?) (?:assessment|inspection)"
    r"|\bwhen (?:we|CQC|the CQC|inspectors|the inspectors|assessors|the assessors|the regulator) (?:assessed|inspected|visited|came|"
    r"looked|carried out|did|undertook|completed|made)\b(?: (?:its|their|our|the|an?) (?:assessment|inspection|visit)| the council| it| them)?",
    re.IGNORECASE)


def at_assessment_time(text: str) -> bool:
    """Whether a text dates what it says to the time of CQC's assessment ("at the time of our assessment")."""
    return _ASSESSMENT_TIME.search(text) is not None


def without_assessment_time(text: str) -> str:
    """The text without its phrases for the time of CQC's assessment: "when CQC carried out its assessment" names
    when, not a completed assessment."""
    return _ASSESSMENT_TIME.sub(" ", text)


#: A year named relative to the report ("in the previous year", "last year", "this financial year"): the reports date
#: the same figure by its own years ("in 2024 to 2025"), so its words pick out no sentence.
_RELATIVE_YEAR = re.compile(r"\b(?:(?:in|during|over|for) )?(?:the )?(?:previous|last|past|latest|most recent|preceding|"
                            r"current|this) (?:financial )?year\b(?!['’]?s\b)", re.IGNORECASE)


#: A figure given for a year before the sentence's own period ("1,870 in April 2025, up from 1,420 *a year earlier*").
_YEAR_EARLIER = re.compile(r"\b(?:a|one|twelve|12)\s+(?:year|months)\s+(?:earlier|before)\b|\bthe\s+(?:year|twelve\s+months|"
                           r"12\s+months)\s+before\b", re.IGNORECASE)  # across a PDF's line ends


def a_year_earlier(sentence: str) -> tuple[Period, ...]:
    """The periods a year before those the sentence names, when it gives a figure for a year earlier ("In April 2025,
    1,870 were waiting, up from 1,420 a year earlier" gives April 2024's too); none otherwise."""
    if not _YEAR_EARLIER.search(sentence):
        return ()
    return tuple(Period(p.first - 1, p.last - 1 if p.last else None, p.month) for p in periods(sentence))


#: A period a change is counted from ("a 12% fall … *since 2022*", "up *since March 2023*").
_SINCE = re.compile(rf"\bsince\s+((?:(?:{'|'.join(MONTHS)})\s+)?(?:19|20)\d{{2}}(?:\s*(?:/|-|–|to)\s*(?:19|20)?\d{{2}})?)\b")


def baselines(text: str) -> tuple[Period, ...]:
    """The periods a text counts a change from ("fell by 12% since 2022" → 2022): what a change is measured
    against, not when it was measured."""
    return tuple(p for m in _SINCE.finditer(text) for p in periods(m.group(1)))


def without_relative_year(text: str) -> str:
    """The text without a year named relative to the report ("Which councils overspent in the previous year?")."""
    return _RELATIVE_YEAR.sub(" ", text)


#: Where a sentence's clauses part, to tell which period dates which figure: a comma or semicolon before a space
#: ("…, down from 290 in January 2024"), or a joining word between two spaces (not the "and" of an age band, "aged 65
#: and over", nor of a span of years, "between 2024 and 2026").
_FIGURE_CLAUSE_BREAK = re.compile(r"[,;]\s+|\s+(?:and(?!\s+(?:over|under|older|above|below|(?:19|20)\d{2})\b)|but|while|"
                                  r"whereas|after|compared with)\s+")


def figure_clauses(sentence: str, has_figure) -> list[str]:
    """The clauses of a sentence that give a figure (``has_figure(clause)``), each apart from the others."""
    return [clause for clause in _FIGURE_CLAUSE_BREAK.split(sentence) if has_figure(clause)]


def _first_number(text: str) -> int:
    """Where the text's first figure of any kind begins, its periods left out ("In 2023/24" gives none)."""
    blanked = _YEAR.sub(lambda m: " " * len(m.group()), _FINANCIAL.sub(lambda m: " " * len(m.group()), text))
    return next((i for i, ch in enumerate(blanked) if ch.isdigit()), len(text))


def figure_periods(sentence: str, has_figure) -> tuple[Period, ...] | None:
    """The periods a sentence dates its figures by (``has_figure(clause)`` tells a clause that gives one of the
    kind asked for): a figure's own clause's, else those named before the sentence's first figure ("In 2023/24,
    the council …"). "balanced its budget in 2023/24 and planned savings of £3.1 million in 2024/25" dates its
    sum to 2024/25, and "38 were waiting, down from 290 in January 2024, and the median wait was 11 days" leaves
    its wait undated. None when no clause gives such a figure."""
    frame = periods(sentence[: _first_number(sentence)])
    figured = figure_clauses(sentence, has_figure)
    if not figured:
        return None
    return tuple(dict.fromkeys(p for clause in figured for p in periods(clause) or frame))


def overlaps(a: Period, b: Period) -> bool:
    """Whether two periods can describe the same figure: the same financial year, the same calendar
    year, or a calendar year inside a financial year (which one is meant cannot be told); two months
    only when they are the same month, and a month and a financial year only when the month falls in it
    (April to March: November 2024 is in 2024/25, not 2023/24)."""
    if a.last and b.last or a.month and b.month:
        return a == b
    month, year = (a, b) if a.month else (b, a) if b.month else (None, None)
    if month is not None and year.last:
        return year.first == (month.first if month.month >= FIRST_MONTH_OF_YEAR else month.first - 1)
    years_a = {a.first, a.last} - {None}
    years_b = {b.first, b.last} - {None}
    return bool(years_a & years_b)


def same_period(asked: tuple[Period, ...], given: tuple[Period, ...]) -> bool:
    """Whether any period given matches one asked about. When both name financial years, only those
    are compared (the calendar years beside one are usually its bounds: "1 April 2022 to 31 March 2023");
    likewise when both name months."""
    for level in ("last", "month"):
        if any(getattr(a, level) for a in asked) and any(getattr(b, level) for b in given):
            asked = tuple(a for a in asked if getattr(a, level))
            given = tuple(b for b in given if getattr(b, level))
    return any(overlaps(a, b) for a in asked for b in given)
