"""CQC's local authority assessment framework: themes, quality statements, ratings.

Published reports name a statement in slightly different words ("Supporting people to lead healthier
lives", "Care provision, integration and continuity of care"); questions use shorter ones ("assessing
needs", "safe pathways"). Every form maps to one canonical :class:`Statement`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Statement:
    """A quality statement, its theme, and the patterns (over folded text) that name it."""

    name: str
    theme: str
    #: Regular expressions over :func:`fold`-ed text that name this statement as a page heading.
    heading_forms: tuple[str, ...]
    #: Shorter forms a question may use ("safe pathways"); matched as whole words.
    question_forms: tuple[str, ...] = ()


WORKING_WITH_PEOPLE = "Working with people"
PROVIDING_SUPPORT = "Providing support"
ENSURING_SAFETY = "How the local authority ensures safety within the system"
LEADERSHIP = "Leadership"
THEMES = (WORKING_WITH_PEOPLE, PROVIDING_SUPPORT, ENSURING_SAFETY, LEADERSHIP)

STATEMENTS: tuple[Statement, ...] = (
    Statement("Assessing needs", WORKING_WITH_PEOPLE, (r"assessing needs",),
              ("assessing needs", "assessing people s needs", "needs assessments?", "assessment of needs")),
    Statement("Supporting people to live healthier lives", WORKING_WITH_PEOPLE,
              (r"supporting people to (live|lead) healthier lives",),
              ("healthier lives", "supporting people to (live|lead) healthier lives")),
    Statement("Equity in experience and outcomes", WORKING_WITH_PEOPLE, (r"equity in experiences? and outcomes",),
              ("equity in experiences? and outcomes", "equity")),
    Statement("Care provision, integration and continuity", PROVIDING_SUPPORT,
              (r"care provision integration and continuity( of care)?",),
              ("care provision( integration and continuity( of care)?)?", "integration and continuity")),
    Statement("Partnerships and communities", PROVIDING_SUPPORT, (r"partnerships? and communit(y|ies)",),
              ("partnerships and communities", "partnerships")),
    Statement("Safe pathways, systems and transitions", ENSURING_SAFETY,
              (r"safe (pathways systems|systems pathways) and transitions",),
              ("safe pathways( systems and transitions)?", "safe systems( pathways and transitions)?", "transitions")),
    Statement("Safeguarding", ENSURING_SAFETY, (r"safeguarding",), ("safeguarding",)),
    Statement("Governance, management and sustainability", LEADERSHIP,
              (r"governance management and sustainability",),
              ("governance( management and sustainability)?",)),
    Statement("Learning, improvement and innovation", LEADERSHIP, (r"learning improvement and innovation",),
              ("learning improvement and innovation", "innovation")),
)

#: What each statement rating means, as reports word it after the score ("2 - Evidence shows some shortfalls").
RATING_DESCRIPTIONS = {
    1: "Evidence shows significant shortfalls",
    2: "Evidence shows some shortfalls",
    3: "Evidence shows a good standard",
    4: "Evidence shows an exceptional standard",
}
#: The overall ratings a summary page gives a local authority, best first.
OVERALL_RATINGS = ("Outstanding", "Good", "Requires improvement", "Inadequate")

#: Theme headings of whole reports ("Theme 1: How Rutland works with people") → theme.
_THEME_FORMS = (
    (r"works? with people|working with people", WORKING_WITH_PEOPLE),
    (r"providing support|provides support", PROVIDING_SUPPORT),
    (r"ensur\w* safety|safety within the system", ENSURING_SAFETY),
    (r"leadership", LEADERSHIP),
)


def fold(text: str) -> str:
    """Lower-case words separated by single spaces ("&" read as "and"), so punctuation never matters."""
    text = text.casefold().replace("&", " and ").replace("’", "'")
    return re.sub(r"\s+", " ", re.sub(r"[^\w]+", " ", text)).strip()


@functools.lru_cache(maxsize=1)
def _heading_patterns() -> tuple[tuple[re.Pattern, Statement], ...]:
    return tuple((re.compile(rf"(?:{'|'.join(s.heading_forms)})"), s) for s in STATEMENTS)


#: What may stand around a statement's name in a heading (folded): "Quality statement: Assessing
#: needs", "QS1 Assessing needs", "1. Assessing needs", "Quality statement six: Safe systems, pathways and
#: transitions", "Assessing needs (quality statement)".
_STATEMENT_LABEL = re.compile(r"^(?:(?:(?:quality )?statement(?: (?:one|two|three|four|five|six|seven|eight|nine))?|"
                              r"qs ?\d{1,2}|\d{1,2})\s+)+|\s+quality statement$")


def statement_of_heading(line: str) -> Statement | None:
    """The statement a heading line names in full ("Safe pathways, systems and transitions"), or None."""
    folded = _STATEMENT_LABEL.sub("", fold(line)).strip()
    if not folded or len(folded) > 80:
        return None
    for pattern, statement in _heading_patterns():
        if pattern.fullmatch(folded):
            return statement
    return None


def statement_named(name: str | None) -> Statement | None:
    """The statement with this name or heading form (metadata overrides, filters), or None."""
    return statement_of_heading(name) if name else None


#: A theme heading that says who works with people or ensures safety: "How Leeds City Council works
#: with people", "Theme 3: How the local authority ensures safety within the system".
_HOW_THEME = re.compile(r"\s*(?:theme (?:\d+|one|two|three|four)\s*[:.-]?\s*)?how (?P<subject>.{2,60}?) "
                        r"(?:works? with people|ensures safety within the system|provides support)\s*", re.IGNORECASE)
#: Other names the themes are published under, exactly as a heading gives them (folded).
THEME_ALIASES = ("ensuring safety within the system", "ensuring safety", "leadership and workforce")


def theme_subject(line: str) -> str | None:
    """Who a theme heading names, as written ("How Leeds City Council works with people" → "Leeds City
    Council"), or None; "the local authority" is nobody in particular."""
    m = _HOW_THEME.fullmatch(line)
    if not m or fold(m.group("subject")) in ("the local authority", "the council", "we"):
        return None
    return m.group("subject")


def theme_of_heading(line: str) -> str | None:
    """The theme a heading names ("Theme 2: Providing support", "Theme: Leadership", "Leadership"), or None."""
    folded = fold(line)
    if not folded or len(folded) > 90:
        return None
    body = re.sub(r"^theme (?:(?:\d+|one|two|three|four) )?", "", folded)
    exact = any(body == fold(t) for t in THEMES) or body in THEME_ALIASES
    if body == folded and not exact and not _HOW_THEME.fullmatch(line):
        return None  # without "Theme N:" only an exact theme name, or "How <council> works with people", counts
    for pattern, theme in _THEME_FORMS:
        if re.search(pattern, body):
            return theme
    return None


#: The last separator of a heading that names a theme, then one of its statements ("Theme 1: Working with people -
#: Equity in experience and outcomes", "Leadership: Safeguarding").
_LAST_SEPARATOR = re.compile(r"^(?P<theme>.+)(?:\s[-–—|]\s|:\s)\s*(?P<statement>[^:|–—]+?)\s*$")


def statement_under_theme(line: str) -> Statement | None:
    """The statement a heading names after its theme ("Theme 1: Working with people - Assessing needs"), or None:
    a report that heads each statement's page so is read statement by statement, not as one theme."""
    m = _LAST_SEPARATOR.match(line) if len(line) <= 140 else None
    if not m or not theme_of_heading(m.group("theme").strip()):
        return None
    return statement_of_heading(m.group("statement"))


@functools.lru_cache(maxsize=1)
def _question_patterns() -> tuple[tuple[re.Pattern, Statement], ...]:
    return tuple((re.compile(rf"\b(?:{'|'.join(s.question_forms)})\b"), s) for s in STATEMENTS)


def statements_in(question: str) -> tuple[Statement, ...]:
    """Statements a question mentions, in any of their forms ("safeguarding", "safe pathways")."""
    folded = fold(question)
    return tuple(s for pattern, s in _question_patterns() if pattern.search(folded))


def without_statements(question: str) -> str:
    """The question (folded) with the statements it names taken out: "equity in experience and outcomes score" is left
    with "score", no other "outcomes score"."""
    folded = fold(question)
    for pattern, _ in _question_patterns():
        folded = pattern.sub(" ", folded)
    return folded


def by_name() -> dict[str, Statement]:
    """Canonical statement name → statement."""
    return {s.name: s for s in STATEMENTS}


def statement_order(name: str | None) -> int:
    """A statement's position in the framework (theme order); unknown names last."""
    names = [s.name for s in STATEMENTS]
    return names.index(name) if name in names else len(names)
