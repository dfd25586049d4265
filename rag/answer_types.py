"""Does a sentence hold the kind of thing a question asks for (a number of the things counted, a
date, a person's name, a name the question does not already give, a place, a reason)? Each check is a
small rule over the sentence's form and the question's words, not a list of expected answers.
"""

from __future__ import annotations

import re

_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                 "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
                 "million|half|third|quarter|majority|minority|none|dozen|dozens|hundreds|thousands|several|few")
_COUNT = re.compile(rf"(?<![\d/])(?!(?:19|20)\d{{2}}\b)\d+(?:[.,]\d+)*(?![-\w])\s*%?|£\s*\d|\b({_NUMBER_WORDS})\b",
                    re.IGNORECASE)
_DATE = re.compile(
    r"\b(19|20)\d{2}\b|\b(january|february|march|april|may|june|july|august|september|october|november|december)\b|"
    r"\b(since|until|by|from) (the )?(spring|summer|autumn|winter|start|end|beginning)\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|"
    r"\b\d{1,2}(:\d{2})?\s?(am|pm)\b|\b\d{1,2}:\d{2}\b",
    re.IGNORECASE,
)
#: A person named by title ("Dr Patel", "Cllr Jones") or introduced by name ("named Sam Reid").
_PERSON = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame|Lord|Lady)\.? [A-Z][a-z'-]+|"
                     r"\bnamed [A-Z][a-z'-]+")
_REASON = re.compile(r"\b(because|due to|owing to|as a result|result(ed)? in|so that|in order to|led to|caused by|"
                     r"reason|since the|given that|meant that|driven by)\b", re.IGNORECASE)
#: Capitalised words that name no one thing ("The", "Council", "Adult") and so never make a name alone.
_GENERIC = {"the", "a", "an", "this", "that", "these", "those", "it", "its", "their", "they", "there", "we", "our", "i",
            "in", "on", "at", "for", "of", "and", "to", "by", "with", "from", "as", "but", "however", "some", "most",
            "all", "staff", "people", "council", "councils", "local", "authority", "authorities", "adult", "adults",
            "social", "care", "services", "service", "leaders", "partners", "senior", "data", "records", "one", "two"}
_NAME = re.compile(r"[A-Z][\w&'’-]*(?:\s+(?:of|and|for|the|&|upon|on)\s+[A-Z][\w&'’-]*|\s+[A-Z][\w&'’-]*)*|"
                   r"\b[A-Z]{2,}s?\b|['‘\"“][^'’\"”]{3,60}['’\"”]")
_TOKEN = re.compile(r"[\w'’-]+")
#: Words after "how many" that are not the thing counted.
_COUNT_FILLERS = {"of", "the", "more", "new", "times", "different", "local", "extra", "other", "additional", "in", "total"}
#: How far (in words) a name may stand from the question's topic words and still answer it.
NAME_WINDOW = 3
#: How far (in words) a number may stand from the thing the question counts.
COUNT_WINDOW = 4


def _words(text: str) -> list[str]:
    return [w.casefold().strip("'’") for w in _TOKEN.findall(text)]


def _stem(word: str) -> str:
    """A crude stem for matching a counted noun across number ("applications" ~ "application")."""
    word = word.casefold()
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def has_count(text: str) -> bool:
    """Whether the text states an amount (a number other than a year, or a number word)."""
    return bool(_COUNT.search(text))


def has_date(text: str) -> bool:
    """Whether the text gives a year, a month, a date or a named period."""
    return bool(_DATE.search(text))


def has_person(text: str) -> bool:
    """Whether the text names a person (not just a role)."""
    return bool(_PERSON.search(text))


def has_reason(text: str) -> bool:
    """Whether the text gives a cause or a purpose."""
    return bool(_REASON.search(text))


def new_names(sentence: str, question: str) -> list[tuple[int, str]]:
    """Names in the sentence that the question does not already give: (word position, name).
    A name is a run of capitalised words (not only generic ones), an acronym, or a quoted title."""
    asked = set(_words(question))
    out = []
    for m in _NAME.finditer(sentence):
        words = [w for w in _words(m.group(0)) if w not in _GENERIC]
        if not words or all(w in asked for w in words):
            continue
        if m.start() == 0 and len(m.group(0).split()) == 1:
            continue  # a sentence's first word is capitalised anyway
        out.append((len(_TOKEN.findall(sentence[: m.start()])), m.group(0)))
    return out


def names_near_topic(sentence: str, question: str, topic: set[str]) -> bool:
    """Whether a name the question lacks stands next to one of its topic words (the answer to "which
    organisation runs X" is named beside X, not elsewhere in the sentence)."""
    words = _words(sentence)
    spots = [i for i, w in enumerate(words) if _stem(w) in topic]
    for pos, name in new_names(sentence, question):
        end = pos + len(_TOKEN.findall(name)) - 1
        if any(pos - NAME_WINDOW <= s <= end + NAME_WINDOW and not pos <= s <= end for s in spots):
            return True  # a topic word beside the name, not inside it (another "… Hub" is not the hub asked about)
    return False


#: Words that end the noun phrase after "how many" (verbs, prepositions).
_PHRASE_END = {"did", "do", "does", "were", "was", "are", "is", "have", "has", "had", "can", "could", "will", "would",
               "in", "at", "on", "for", "from", "to", "by", "with", "per", "during", "there", "that", "who", "which",
               "it", "they", "we", "you", "he", "she", "its", "their", "about", "into", "over", "under", "across",
               "between", "among", "through", "within", "against", "after", "before", "since", "involving"}
#: A place described rather than named: "in a mainland care home bed", "at the community hub", "in a
#: converted bus depot" (a locative preposition, an article, then a noun phrase that is not about time).
_PLACE_PHRASE = re.compile(r"\b(in|at|inside|within|based in|based at)\s+(a|an|the)\s+"
                           r"(?!(?:same|time|end|start|past|future|meantime|way|number|form|context|light|year|month|"
                           r"week|period|short|long|first|last|next|previous)\b)[\w'-]+", re.IGNORECASE)


def counted_nouns(question: str) -> set[str]:
    """The stem of the noun a "how many …" question counts: the last word of the phrase after "how
    many", which ends at a verb or preposition ("how many DoLS applications were waiting" → {"application"},
    "how many people visited the hubs" → {"people"}); empty when it counts nothing in particular."""
    m = re.search(r"\b(?:how many|number of)\s+(.{2,80})", question, re.IGNORECASE)
    if not m:
        return set()
    words: list[str] = []
    for w in _words(m.group(1)):
        past = w.endswith("ed") and words and not words[-1].endswith("ly")  # "visited", not "newly qualified"
        if w in _PHRASE_END or past:
            break
        if w not in _COUNT_FILLERS:
            words.append(w)
    return {_stem(words[-1])} if words else set()


def counts_the_thing(sentence: str, question: str) -> bool:
    """Whether the sentence gives a number of what the question counts (a number within a few words
    of one of its words); for other amount questions ("how much", "what percentage"), any amount."""
    if not has_count(sentence):
        return False
    nouns = counted_nouns(question)
    if not nouns:
        return True
    words = _words(sentence)
    numbers = [i for i, w in enumerate(words) if _COUNT.fullmatch(w) or w.replace(",", "").replace(".", "").isdigit()]
    spots = [i for i, w in enumerate(words) if _stem(w) in nouns]
    return any(abs(a - b) <= COUNT_WINDOW for a in numbers for b in spots)


def topic_stems(question: str, stop: set[str]) -> set[str]:
    """Crude stems of the question's lower-case words that are not question words: the things asked
    about ("organisations", "training"), not the names that set the scene ("Burton upon Trent")."""
    words = [w.strip("'’") for w in _TOKEN.findall(question) if w[:1].islower()]
    return {_stem(w) for w in words if w.casefold() not in stop and len(w) > 2}


#: Question words left out of a question's topic.
_QUESTION_STOP = {"what", "which", "who", "whom", "whose", "where", "when", "how", "why", "is", "are", "was", "were",
                  "did", "does", "do", "the", "name", "names", "of", "and", "for", "with", "council", "local",
                  "authority", "report", "reports", "say", "said", "its", "their", "has", "have", "had", "any"}


def holds(answer_type: str, sentence: str, question: str = "", councils: tuple[str, ...] = ()) -> bool:
    """Whether ``sentence`` holds what a question of ``answer_type`` asks for (True for types without a
    check). ``councils`` named in the question are not topic words: a name beside "Staffordshire" says nothing."""
    if answer_type == "number":
        return counts_the_thing(sentence, question)
    if answer_type == "date":
        return has_date(sentence)
    if answer_type == "person":
        return has_person(sentence)
    if answer_type in ("organisation", "name", "place"):
        stop = _QUESTION_STOP | {w for c in councils for w in _words(c)}
        if answer_type == "place" and _PLACE_PHRASE.search(sentence):
            return True
        return names_near_topic(sentence, question, topic_stems(question, stop))
    return True


#: Answer types whose sentences get a relevance bonus when they hold the thing asked for.
BONUS_CHECKS = {"number": has_count, "date": has_date, "person": has_person, "reason": has_reason}
#: How an abstention names what is missing, per answer type.
MISSING = {"number": "the figure asked for", "date": "when", "person": "who it is (no name is given)",
           "organisation": "which organisation", "place": "where", "name": "its name"}
