"""What shape a question has: quantity, date, comparison, score, yes/no. Pure functions."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .config import QUALITY_STATEMENTS

_QUANTITY = re.compile(
    r"\b(how many|how much|number of|what number|proportion|percentage|per ?cent|%|what share|what fraction|"
    r"how often|total|count|rate)\b",
    re.IGNORECASE,
)
_COUNT = re.compile(
    r"\b(how many|how much|number of|what number|proportion|percentage|per ?cent|what share|what fraction|"
    r"budget|cost|spend|spent|rate)\b",
    re.IGNORECASE,
)
_COUNT_VALUE = re.compile(
    r"(?<![\d/])(?!(?:19|20)\d{2}\b)\d+(?:[.,]\d+)?(?![-\w])\s*%?|£\s*\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"hundred|thousand|half|third|quarter|majority|minority|none)\b",
    re.IGNORECASE,
)
_WHEN = re.compile(r"\b(when|what year|which year|what date|since when|how long ago|dated?)\b", re.IGNORECASE)
_COMPARATIVE = re.compile(
    r"\b(which (local )?(authorities|councils|las|boroughs|reports)|what (local )?(authorities|councils)|"
    r"compare|comparison|across (the )?(councils|authorities|reports)|each (council|authority)|"
    r"all (the )?(councils|authorities|reports)|differ(ence|ent)? between|both|any of the (councils|authorities)|"
    r"which of the (councils|authorities|reports)|how many (councils|authorities|reports))\b",
    re.IGNORECASE,
)
_SCORE = re.compile(
    r"\b(score[sd]?|rating|rated|overall (grade|result)|what (grade|mark)|how (well )?did .* (score|rate))\b",
    re.IGNORECASE,
)
_SCORE_OTHER = re.compile(r"\b(wellbeing|survey|satisfaction|credit|risk|complaint)s? scores?\b", re.IGNORECASE)
_YESNO = re.compile(r"^\s*(is|are|was|were|do|does|did|has|have|had|can|could|should|will|would)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d")
_DATE = re.compile(
    r"\b(19|20)\d{2}\b|\b(january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
#: Terminal escape sequences, C0/C1 controls, lone surrogates (undecodable command-line bytes), bidi overrides.
_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class QuestionShape:
    quantity: bool = False
    count: bool = False  # asks for an amount: the answer needs a number that is not a year
    when: bool = False
    comparative: bool = False
    score: bool = False
    yesno: bool = False


def shape_of(question: str, named_authorities: int = 0) -> QuestionShape:
    """The question's shape; naming two or more authorities makes it comparative."""
    return QuestionShape(
        quantity=bool(_QUANTITY.search(question)),
        count=bool(_COUNT.search(question)),
        when=bool(_WHEN.search(question)),
        comparative=bool(_COMPARATIVE.search(question)) or named_authorities >= 2,
        score=bool(_SCORE.search(question)) and not _SCORE_OTHER.search(question),
        yesno=bool(_YESNO.match(question)),
    )


def has_number(text: str) -> bool:
    return bool(_NUMBER.search(text))


def has_count(text: str) -> bool:
    """Whether the text states an amount (a number other than a year, or a number word)."""
    return bool(_COUNT_VALUE.search(text))


def _fold(text: str) -> str:
    """Lower-case letters and single spaces only, so that punctuation and spacing do not matter."""
    return re.sub(r"\s+", " ", re.sub(r"[^a-z ]", " ", text.casefold())).strip()


def _statement_pattern(statement: str) -> re.Pattern:
    """How a question names a quality statement; a one-word statement ("Safeguarding") is also a
    topic, so it counts only when called a statement."""
    key = _fold(statement)
    return re.compile(rf"\b{re.escape(key)}\b" if " " in key else rf"\b{re.escape(key)} (quality )?statement\b")


_STATEMENT_PATTERNS = tuple((statement, _statement_pattern(statement)) for statement in QUALITY_STATEMENTS)


def quality_statements_named(question: str) -> list[str]:
    """CQC quality statements the question names, e.g. "Safe pathways, systems and transitions"."""
    folded = _fold(question)
    return [statement for statement, pattern in _STATEMENT_PATTERNS if pattern.search(folded)]


def has_date(text: str) -> bool:
    return bool(_DATE.search(text))


def clean_question(question: str, max_chars: int) -> tuple[str, list[str]]:
    """Strip control characters and over-long input; returns the text and notices for the user."""
    notices: list[str] = []
    head = question[: 4 * max_chars]  # cleaning no more than this bounds the time taken by huge input
    text = _CONTROL.sub(" ", head)
    if text != head:
        notices.append("Control characters were removed from the question.")
    cleaned = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    if len(cleaned) > max_chars or len(head) < len(question):
        cleaned = cleaned[:max_chars].rsplit(" ", 1)[0] or cleaned[:max_chars]
        notices.append(f"The question was longer than {max_chars} characters and was shortened.")
    return cleaned, notices
