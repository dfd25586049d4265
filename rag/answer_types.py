"""Does a sentence hold the kind of thing a question asks for (a number, a date, a person's name,
an organisation, a place, a reason)? Each check is a small pattern over the sentence's form."""

from __future__ import annotations

import re

_COUNT = re.compile(
    r"(?<![\d/])(?!(?:19|20)\d{2}\b)\d+(?:[.,]\d+)*(?![-\w])\s*%?|£\s*\d|\b(one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"hundred|thousand|million|half|third|quarter|majority|minority|none|dozen)\b",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\b(19|20)\d{2}\b|\b(january|february|march|april|may|june|july|august|september|october|november|december)\b|"
    r"\b(since|until|by|from) (the )?(spring|summer|autumn|winter|start|end|beginning)\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
    re.IGNORECASE,
)
#: A person named by title ("Dr Patel", "Cllr Jones") or introduced as named ("a manager, Sam Reid,").
_PERSON = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame|Lord|Lady)\.? [A-Z][a-z'-]+|"
                     r"\bnamed [A-Z][a-z'-]+|\b(called|is|was) [A-Z][a-z'-]+ [A-Z][a-z'-]+,")
#: An organisation: an acronym, or a run of capitalised words that is not the sentence's first word.
_ORGANISATION = re.compile(r"\b[A-Z]{2,}[a-z]?\b|(?<!^)(?<![.!?] )\b[A-Z][\w&'-]+(?: (?:of|and|for|the|&) )?(?: [A-Z][\w&'-]+)+")
_PLACE = re.compile(r"\b(in|at|from|across|near|around) (the )?[A-Z][\w'-]+|\b(hub|centre|center|hospital|office|"
                    r"library|site|building|ward|town|village|island|street|road)s?\b")
_REASON = re.compile(r"\b(because|due to|owing to|as a result|result(ed)? in|so that|in order to|led to|caused by|"
                     r"reason|since the|given that|meant that|driven by)\b", re.IGNORECASE)


def has_count(text: str) -> bool:
    """Whether the text states an amount (a number other than a year, or a number word)."""
    return bool(_COUNT.search(text))


def has_date(text: str) -> bool:
    """Whether the text gives a year, a month, a date or a named period."""
    return bool(_DATE.search(text))


def has_person(text: str) -> bool:
    """Whether the text names a person (not just a role)."""
    return bool(_PERSON.search(text))


def has_organisation(text: str) -> bool:
    """Whether the text names an organisation (an acronym or a capitalised name)."""
    return bool(_ORGANISATION.search(text))


def has_place(text: str) -> bool:
    """Whether the text names or describes a place."""
    return bool(_PLACE.search(text))


def has_reason(text: str) -> bool:
    """Whether the text gives a cause or a purpose."""
    return bool(_REASON.search(text))


#: The check for each answer type that needs one (see rag.analyse.ANSWER_TYPES).
CHECKS = {"number": has_count, "date": has_date, "person": has_person, "organisation": has_organisation,
          "place": has_place}
#: Answer types whose sentences get a relevance bonus when they hold the thing asked for.
BONUS_CHECKS = {**CHECKS, "reason": has_reason}
#: How an abstention names what is missing, per answer type.
MISSING = {"number": "the figure asked for", "date": "when", "person": "who (no name is given)",
           "organisation": "which organisation", "place": "where"}


def holds(answer_type: str, text: str) -> bool:
    """Whether ``text`` holds what a question of ``answer_type`` asks for (True for types without a check)."""
    check = CHECKS.get(answer_type)
    return True if check is None else check(text)
