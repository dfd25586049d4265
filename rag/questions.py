"""What shape a question has: quantity, date, comparison, score, yes/no. Pure functions."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_QUANTITY = re.compile(
    r"\b(how many|how much|number of|what number|proportion|percentage|per ?cent|%|what share|what fraction|"
    r"how often|total|count|rate)\b",
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
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class QuestionShape:
    quantity: bool = False
    when: bool = False
    comparative: bool = False
    score: bool = False
    yesno: bool = False


def shape_of(question: str, named_authorities: int = 0) -> QuestionShape:
    """The question's shape; naming two or more authorities makes it comparative."""
    return QuestionShape(
        quantity=bool(_QUANTITY.search(question)),
        when=bool(_WHEN.search(question)),
        comparative=bool(_COMPARATIVE.search(question)) or named_authorities >= 2,
        score=bool(_SCORE.search(question)) and not _SCORE_OTHER.search(question),
        yesno=bool(_YESNO.match(question)),
    )


def has_number(text: str) -> bool:
    return bool(_NUMBER.search(text))


def has_date(text: str) -> bool:
    return bool(_DATE.search(text))


def clean_question(question: str, max_chars: int) -> tuple[str, list[str]]:
    """Strip control characters and over-long input; returns the text and notices for the user."""
    notices: list[str] = []
    text = unicodedata.normalize("NFC", question)
    cleaned = _CONTROL.sub(" ", text)
    if cleaned != text:
        notices.append("Control characters were removed from the question.")
    cleaned = re.sub(r"\s+", " ", cleaned).strip()
    if len(cleaned) > max_chars:
        cleaned = cleaned[:max_chars].rsplit(" ", 1)[0] or cleaned[:max_chars]
        notices.append(f"The question was longer than {max_chars} characters and was shortened.")
    return cleaned, notices
