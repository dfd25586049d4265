"""Does a sentence hold the kind of thing a question asks for (a number of the things counted, a
date, a person's name, a name the question does not already give, a place, a reason)? Each check is a
small rule over the sentence's form and the question's words, not a list of expected answers.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass

from .councils import name_patterns, names_a_council, title_words_only, variants_of
from .kinds import MUST_BE_NAMED, kinds_beside_time, other_kind
from .lay_terms import in_report_words, report_words
from .periods import MONTHS, SEASONS, SHORT_MONTHS, figure_clauses, periods, without_assessment_time
from .terms import only_question_words
from .thresholds import PERIOD_BEFORE, PERIOD_REACH, TOP_WORDS, same_time_limit, same_wait_bound

_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                 "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
                 "million|half|third|quarter|majority|minority|none|dozen|dozens|hundreds|thousands|several|few")
_COUNT = re.compile(rf"(?<![\d/])(?<!section )(?<!part )(?<!schedule )(?<!article )(?<!paragraph )(?<!chapter )(?<!phase )"
                    rf"(?<!tier )(?<!band )(?!(?:19|20)\d{{2}}\b)\d+(?:[.,]\d+)*(?![-\w])\s*%?|£\s*\d|\b({_NUMBER_WORDS})\b",
                    re.IGNORECASE)
_DATE = re.compile(
    rf"\b(19|20)\d{{2}}\b|\b({'|'.join(MONTHS)})\b|"
    rf"\b(since|until|by|from) (the )?({'|'.join(SEASONS)}|(?:start|end|beginning) of)\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|"
    r"\b\d{1,2}(:\d{2})?\s?(am|pm)\b|\b\d{1,2}:\d{2}\b",
    re.IGNORECASE,
)
#: A person named by title ("Dr Patel", "Cllr Jones").
_PERSON = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame|Lord|Lady|Sergeant|Sgt|Captain|Capt|"
                     r"Colonel|Reverend|Rev|Canon)\.?(?: \((?:retired|retd\.?|rtd\.?)\))? [A-Z][a-z'-]+")
#: Capitalised words introduced by "named" ("named Sam Reid"; "a named Caldicott Guardian" is a role).
_NAMED = re.compile(r"\bnamed (?P<name>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2})")
#: Words that make a cause the chief one ("the *main* causes", "the *key* drivers").
_MAIN = r"(?:main|chief|principal|biggest|key)"
_REASON = re.compile(r"\b(because|due to(?!\s+(?:start|begin|open|close|end|finish|complete|launch|run|restart|resume|report|"
                     r"publish|expire|conclude|go|take|move|be)\b)|owing to|as a result|result(ed)? in|so that|in order to|led to|caused by|"
                     r"reason|since the|given that|meant that|"
                     # "… were the main causes", "The main drivers were …"
                     rf"(?:was|were) (?:the )?(?:{_MAIN} )?(?:causes?|drivers?)\b|"
                     rf"{_MAIN} (?:causes?|drivers?|pressures?|cost pressures?) (?:was|were|included)|"  # "the main pressures were"
                     r"(?:which|this|that|it) meant|driven by|causes? of|attributed (?:\w+ ){0,3}?to|"
                     r"put (?:this|it|these) down to|explained by|explain(?:ed|s)? (?:that|this|it)|thanks to|"
                     r"(?:put off|deterred|discouraged|held back|hampered|hindered|constrained) by|"  # what stops people
                     r"after (?:finding|learning|seeing|noticing|realising|recognising) that|"  # what prompted it
                     r"after (?:complaints?|concerns?|feedback) (?:about|from|over|that|raised)|"
                     r"(?:this|which|that|it) (?:partly |largely |mainly )?(?:reflected|reflects|stemmed from|stems from)|"
                     r"linked (?:this|it|these) to|(?:which|that) (?:[\w'’-]+ ){0,2}?(?:linked|credited) (?:it |this )?to|"
                     r"(?:(?:change|improvement|reduction|fall|drop|rise|increase)s?|this|which|that) (?:had )?(?:followed|came after)|"
                     r"(?:built up|grown|grew|risen|rose|fallen|fell|increased|dropped|worsened|slowed|stopped|closed)"
                     r"\s+(?:[\w/-]+\s+){0,6}?(?:after|following)\b(?!\s+(?:a|an|the)?\s*(?:year|month|week|period)s?\b))\b",
                     re.IGNORECASE)
#: Month names, full and short: they say when, not what or who.
_MONTH_WORDS = frozenset(m.casefold() for m in MONTHS + SHORT_MONTHS)
#: Capitalised words that name no one thing ("The", "Council", "Adult") and so never make a name alone.
_GENERIC = {"the", "a", "an", "this", "that", "these", "those", "it", "its", "their", "they", "there", "we", "our", "i",
            "in", "on", "at", "for", "of", "and", "to", "by", "with", "from", "as", "but", "however", "some", "most",
            "all", "staff", "people", "council", "councils", "local", "authority", "authorities", "adult", "adults",
            "social", "care", "services", "service", "leaders", "partners", "senior", "data", "records", "one", "two",
            # months and days name a time, not a thing
            *(m.casefold() for m in MONTHS), "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_NAME = re.compile(r"[A-Z][\w&'’-]*(?:\s+(?:of|and|for|the|&|upon|on)\s+[A-Z][\w&'’-]*|\s+[A-Z][\w&'’-]*)*|"
                   r"\b[A-Z]{2,}s?\b|(?<!\w)['‘\"“](?=\S)[^'’\"”]{3,60}(?<=\S)['’\"”](?!\w)")  # not "carers' … carers'"
_TOKEN = re.compile(r"[\w'’-]+")
#: Words after "how many" that are not the thing counted.
_COUNT_FILLERS = {"of", "the", "more", "new", "times", "different", "local", "extra", "other", "additional", "in", "total"}
#: How far (in words) a name may stand from the question's topic words and still answer it.
NAME_WINDOW = 3
#: How much further a name may stand after its topic when "by" introduces it ("advocacy was provided by X"), or "in"
#: introduces where it is ("the service, run from a base in Yate").
AGENT_REACH = 2
#: How far (in words) a number may stand from the thing the question counts.
COUNT_WINDOW = 4
#: How many of the question's own describing words may stand between a number and the noun it counts.
DESCRIBED_REACH = 8


def _words(text: str) -> list[str]:
    return [w.casefold().strip("'’") for w in _TOKEN.findall(text)]


def _stem(word: str) -> str:
    """A crude stem for matching a counted noun across number ("applications" ~ "application")."""
    word = word.casefold()
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")) and len(word) > 5:
        return word[:-2]  # "addresses", "boxes", "churches"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]  # "places", "services", "applications"
    return word


def has_count(text: str) -> bool:
    """Whether the text states an amount (a number other than a year or the number of a section, part or band
    of something, "a section 75 agreement"; or a number word)."""
    return bool(_COUNT.search(text))


def has_date(text: str) -> bool:
    """Whether the text gives a year, a month, a date or a named period."""
    return bool(_DATE.search(text))


#: A question that asks for a month or a day, not just a year ("in which month", "on what date").
_ASKS_MONTH = re.compile(r"\b(what|which|in what|in which|on what|on which)\s+(months?|dates?|days?)\b|\bexact date\b",
                         re.IGNORECASE)
#: A month named (capitalised, so "may" the verb is not one) or a date in figures.
_MONTH = re.compile(rf"\b({'|'.join(MONTHS + SHORT_MONTHS)})\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b")


#: A question about when something began ("When did the project start?", "In which year was it first commissioned?",
#: "When was the chair appointed?").
_ASKS_START = re.compile(r"\b(when|(in )?(what|which) (year|month|date)) (did|was|were|will|does|do)\b.{0,120}?\b(begin|began|start|"
                         r"started|launch|launched|open|opened|set up|introduced?|created?|established|(?-i:first)|commission|"
                         r"commissioned|go live|goes live|went live|gone live|roll(?:ed)? out|come into (?:force|effect|use)|"
                         r"came into (?:force|effect|use)|appointed|elected|recruited|hired|joined|took up|came into post)\b",
                         re.IGNORECASE)
#: Words that say something began ("was set up in 2021", "has run since 2019", "was first commissioned in", or began
#: again: "had restarted in January 2025"); not the first of a span ("completed their first year in 2024"), nor a
#: name's ("Home First").
_STARTED = re.compile(r"\b(began|begun|begin|beginning|start|starts|started|starting|launch|launched|opened|open|set up|"
                      r"restart|restarted|resumed|relaunched|reopened|re-established|"
                      r"introduced?|created?|established|commissioned|since|"
                      r"(?-i:first)(?! (?:year|time|week|month|day|quarter|half|step|stage|phase|contact|point|language)s?\b)|"
                      r"went live|gone live|live|came into|"
                      r"rolled out|roll-out|rollout|into (?:force|effect|use)|appointed|appointment|elected|recruited|"
                      r"hired|joined|took up|came into post|in post)\b|"
                      # a run from a month on ("ran a pilot from June 2024", "activity took place from 20 January"), not a
                      # change from a figure ("down from 3,450")
                      rf"\b(?:ran|run|running|operated|piloted|trialled|funded|took place|takes place|taking place|held|"
                      rf"carried out|lasted)\b[^.;]{{0,80}}?\bfrom\s+(?:(?:early|mid|late)[\s-]+)?(?:\d{{1,2}}\s+)?"
                      rf"(?:{'|'.join(MONTHS)})\b",
                      re.IGNORECASE)
#: Words that make a date an end, not a start ("would run until March 2026").
_ENDS_BEFORE = re.compile(r"\b(until|till|to|by|through|ending|ends?)\s+(\w+\s+)?$", re.IGNORECASE)

#: A question about when something ends: "until when is it funded", "when does the contract run until", "when does it expire".
_ASKS_END = re.compile(r"\b(?:until|till) when\b|\bwhen\b[^?]{0,120}?\b(?:until|till)\b|"
                       r"\bwhen (?:does|did|will|is|was|do)\b[^?]{0,120}?\b(?:(?<!the )(?<!its )(?<!their )(?<!an )end|ends|"
                       r"expire|expires|finish|run out)\b",  # not "at the end of an enquiry", a noun
                       re.IGNORECASE)
#: Words just before a date that make it an end: "funded *until* March 2026", "the contract *expires in* 2027",
#: "completed training *by* March 2024".
_ENDS_AT = re.compile(r"\b(?:until|till|to|through|by|ending|ends?|ended|expir(?:es|ed|ing|y)|finish(?:es|ed)?|completed?|"
                      r"run(?:s)? out|ran out|closed?|closes|stopped|stops)\s+(?:in\s+|on\s+|at\s+|the end of\s+|"
                      r"end of\s+)?(?:\w+\s+)?$", re.IGNORECASE)


#: A question about when something is to happen ("When will the hub open?", "When did it expect to fill the post?").
_ASKS_FUTURE = re.compile(r"\bwhen (will|is|are|was|were|did|does|do|had|has)\b[^?]{0,80}?\b(expect(ed|s|ing)?|plan(ned|s|ning)?|"
                          r"intend(ed|s|ing)?|aim(ed|s|ing)?|due|hope[sd]?|going to|scheduled)\b|\bwhen will\b|"
                          r"\bby when\b", re.IGNORECASE)
#: Words that set a date ahead ("was due to open in May 2026", "planned for 2027", "would be filled by March").
_AHEAD = re.compile(r"\b(will|would|shall|due|expect(ed|s)?|plan(ned|s)?|intend(ed|s)?|aim(ed|s)?|hope[sd]?|scheduled|"
                    r"going to|target(ed)?|by the end of|from (next|early|late)|next|upcoming|forthcoming|until)\b",
                    re.IGNORECASE)


#: A question about when something happened ("When did the cabinet approve it?", "When was it published?").
_ASKS_PAST = re.compile(r"^\s*(?:and )?when (?:did|was|were|had|has|have)\b", re.IGNORECASE)
#: Words that set a clause's date ahead of what happened ("a draft was due to go to cabinet in June 2025").
_SET_AHEAD = re.compile(r"\b(?:due|planned|expected|scheduled|would|will|aim(?:ed|s)? to|intend(?:ed|s)? to|going to)\b",
                        re.IGNORECASE)


def _up_to_set_ahead(clause: str) -> str:
    """A clause up to a word that sets what follows ahead ("was due to go to cabinet in June 2025" → "was"): a date after
    it is one planned, a date before it one that happened ("was signed in May 2024, setting out how people would be
    involved" keeps its date)."""
    m = _SET_AHEAD.search(clause)
    return clause[: m.start()] if m else clause


#: A question asking when CQC's own assessment was made ("When did CQC carry out its assessment of Wokingham?", "when was
#: Kent inspected", "What were the dates of the CQC assessment?").
_ASKS_ASSESSMENT_DATE = re.compile(r"\b(?:when|dates?)\b[^?]{0,60}?\b(?:CQC|Care Quality Commission|inspectors?)\b[^?]{0,40}?"
                                   r"\b(?:assess|assessed|assessment|inspect|inspected|inspection|visit|visited)\b|"
                                   r"\bwhen\s+(?:was|were)\s+[^?]{1,60}?\s(?:assessed|inspected)\s+by\s+(?:the\s+)?CQC\b|"
                                   r"\bwhen\s+(?:was|were)\s+[A-Z][\w'’ -]{0,60}?\s(?:inspected)\b|"
                                   # "When were the CQC inspectors in Barnet?"
                                   r"\bwhen\s+(?:was|were|did)\s+(?:the\s+)?(?:CQC\s+|Care Quality Commission\s+)?(?:inspectors?|"
                                   r"assessors?|CQC)\s+(?:in|at|on site|visit\w*|come|came|go|went)\b", re.IGNORECASE)


def asks_assessment_date(question: str) -> bool:
    """Whether the question asks when CQC made its assessment ("When were the CQC inspectors in Barnet?")."""
    return bool(_ASKS_ASSESSMENT_DATE.search(question))


#: A sentence dating CQC's assessment ("at the time of our assessment, which took place between 6 and 17 October 2025",
#: "Date of assessment: 4 March 2025", "We carried out site visits in …").
_ASSESSMENT_DATED = re.compile(r"\b(?:our|this|the)\s+assessment\b[^.;]{0,40}?\b(?:took place|was carried out|was made|ran|began|"
                               r"started|ended)\b|\b(?:date|dates)\s+of\s+(?:the\s+|our\s+)?assessment\b|"
                               r"\bassessment\s+(?:date|dates|period|activity)\b|\bwe\s+(?:carried out|completed|made|began|started)\s+"
                               r"(?:the|this|our)\s+assessment\b|\bsite visits?\b", re.IGNORECASE)


def assessment_dated(sentence: str, question: str) -> bool:
    """Whether a question asking when CQC made its assessment meets a sentence dating that assessment: "The partnership
    completed 1,085 carers' assessments in 2024/25" dates other assessments."""
    return not asks_assessment_date(question) or bool(_ASSESSMENT_DATED.search(sentence))


#: The colon between a label and its value ("Assessment activity started: 25 November 2024"): one clause, not two.
_VALUE_COLON = re.compile(r"(?<=[a-z]):(?=\s*\d)")


def dates_as_asked(sentence: str, question: str) -> bool:
    """Whether the sentence gives a date as precise as the question asks (a month or day when it asks
    "which month" or "what date", else any year, month or period) that the question does not already
    give: "the 2023/24 report was not yet available" does not say when the 2023/24 report comes out. When the
    question asks when something began, a clause of the sentence must say that it began and when; when it asks
    when something is to happen, the sentence must set its date ahead, and when it asks when something happened,
    a date set ahead ("was due to …") is not it; when it asks until when something runs, the date must be its end
    ("funded until March 2026", not "not reviewed since 2021")."""
    ends = _ASKS_START.search(question)
    if ends and not any(_STARTED.search(c) and _DATE.search(c) for c in clauses_as_named(_VALUE_COLON.sub(" ", sentence), question)):
        return False  # "completed 1,240 assessments in 2023/24" does not say when the service began, nor "was well
        # established, and the group influenced decisions during 2024" (its start and its date in two clauses)
    if _ASKS_FUTURE.search(question):
        if not _AHEAD.search(sentence):
            return False  # "the post was created in 2025 but was vacant" does not say when it would be filled
    elif _ASKS_PAST.search(question):  # "was due to go to cabinet in June 2025" does not say when cabinet approved it
        sentence = " ".join(_up_to_set_ahead(c) for c in _CLAUSE_BREAK.split(sentence))
    until = _ASKS_END.search(question)
    if _ASKS_MONTH.search(question):
        sentence = clause_most_asked(sentence, question)  # "recruited four assessors in 2024, which had reduced the
        # list between February and August 2024" gives the list's months, not the recruiting's
    given = {m.group(0).casefold() for m in (_MONTH if _ASKS_MONTH.search(question) else _DATE).finditer(sentence)
             if not (ends and _ENDS_BEFORE.search(sentence[max(0, m.start() - 12) : m.start()]))
             and not (until and not _ENDS_AT.search(sentence[max(0, m.start() - 20) : m.start()]))}
    return bool(given - {m.group(0).casefold() for m in _DATE.finditer(question)} - {""})


#: Where a clause of its own begins in a sentence: after a semicolon, a joining word, or a comma before "which".
_OWN_CLAUSE = re.compile(r"[;:]|,?\s(?:and|but|while|whereas|although)\s|,\s+(?:which|who|where)\s")


def clause_most_asked(sentence: str, question: str) -> str:
    """The clause of the sentence sharing most of the question's words (the first of those that share most), where
    the thing asked about is told."""
    asked = {_stem(w) for w in _words(question)} - {_stem(w) for w in _QUESTION_WORDS}
    clauses = _OWN_CLAUSE.split(sentence)
    return max(clauses, key=lambda c: len(asked & {_stem(w) for w in _words(c)}))


#: A length of time: a number (or number word, "a") and a unit ("19 days", "six weeks", "48 hours"), or
#: words that give one without a number ("the same day", "immediately").
_DURATION = re.compile(rf"((?<![\d.,])\d+(?:[.,]\d+)?|\b(?:{_NUMBER_WORDS}|a|an|few|several|many)\b)[\s-]*(?:working |calendar )?"
                       r"(minute|hour|day|week|month|year)s?\b|\b(same day|next day|immediately|straight away|within hours|"
                       r"overnight|on time)\b", re.IGNORECASE)


#: Words that make the length of time after them a frequency ("every 6 weeks", "once a month"), not how long.
_HOW_OFTEN = re.compile(r"\b(?:every|each|per|once|twice|times)\s+$", re.IGNORECASE)
#: A count and its noun before "a day" or "a week" make it a rate ("an average of 6 people a day").
_RATE_BEFORE = re.compile(r"\d[\d,.]*\s+[a-z][\w'’-]*\s+$")
#: How much text before "a day" is read for the count that makes it a rate.
RATE_REACH = 30


#: A question about the longest or shortest time ("What was the longest anyone waited?").
_ASKS_EXTREME_TIME = re.compile(r"\b(longest|shortest|maximum|minimum|oldest|quickest|slowest|fastest)\b", re.IGNORECASE)
#: Words that make a length of time an extreme ("the longest wait was 41 weeks", "up to 9 months").
_STRONG_EXTREME = re.compile(r"\b(?:longest|shortest|maximum|minimum|oldest|quickest|slowest|fastest|up to|as long as|"
                             r"at most)\b", re.IGNORECASE)
#: Words that bound a length of time from one side only ("more than a year"): an extreme only when no count is held
#: against them ("640 of them had been waiting for more than 6 months" says how many, not how long the longest was).
_BOUND_ONLY = re.compile(r"\b(?:more than|over|longer than|at least|less than|under|within)\b", re.IGNORECASE)
#: Words that make a bound the usual case, not the extreme ("advocates were usually available within 10 days",
#: "most people were seen within 4 weeks").
_USUAL = re.compile(r"\b(?:usually|typically|generally|normally|mostly|most|often|on average|average|median|mean)\b",
                    re.IGNORECASE)


def extreme_as_asked(sentence: str, question: str) -> bool:
    """Whether a length of time asked as the longest or shortest is given as one, in a clause of its own: "the
    median wait was 62 days, and waits were longest in the west" does not say how long the longest wait was."""
    if not asks_extreme_time(question):
        return True
    return states_the_extreme(sentence) or any(
        has_duration(c) and _BOUND_ONLY.search(c) and not has_count(_DURATION.sub(" ", c)) and not _USUAL.search(c)
        for c in _CLAUSE_BREAK.split(sentence))


#: A question about the usual length of time ("What was the average wait?", "how long does it usually take?").
_ASKS_TYPICAL_TIME = re.compile(r"\b(?:average|median|typical(?:ly)?|usual(?:ly)?)\b", re.IGNORECASE)


def typical_as_asked(sentence: str, question: str) -> bool:
    """Whether a length of time asked as the usual one (an average, a median) is given by a sentence with a length of
    time that is no extreme: "376 concerns were waiting, and the oldest had waited 14 weeks" does not say how long
    they had waited on average, though "Waits were longest in the east, where the median wait was 33 weeks" does (a
    question asking both, "the median and the longest wait", takes either)."""
    if not _ASKS_TYPICAL_TIME.search(question) or asks_extreme_time(question):
        return True
    lengths = [c for c in _CLAUSE_BREAK.split(sentence) if has_duration(c)]
    return not lengths or not all(_STRONG_EXTREME.search(c) and not _USUAL.search(c) for c in lengths)


def asks_extreme_time(question: str) -> bool:
    """Whether the question asks for the longest or shortest time ("What was the longest anyone waited?")."""
    return bool(_ASKS_EXTREME_TIME.search(question))


def states_the_extreme(sentence: str) -> bool:
    """Whether the sentence gives a length of time in words that make it the longest or shortest ("the longest wait was
    58 weeks", "up to 9 months"), not only a bound ("some had waited over a year"): what a question asking for the
    longest time is answered with first, when a sentence on its topic has it."""
    return any(has_duration(c) and _STRONG_EXTREME.search(c) for c in _CLAUSE_BREAK.split(sentence))


def has_duration(text: str) -> bool:
    """Whether the text gives a length of time (not how often something happens, nor a rate: "6 people a day", nor the
    period something happened in: "had a review in the previous 12 months")."""
    for m in _DURATION.finditer(text):
        if _HOW_OFTEN.search(text[max(0, m.start() - 8) : m.start()]) \
                or PERIOD_BEFORE.search(text, max(0, m.start() - PERIOD_REACH), m.start()):
            continue
        if (m.group(1) or "").casefold() in ("a", "an") and _RATE_BEFORE.search(text[max(0, m.start() - RATE_REACH) : m.start()]):
            continue
        return True
    return False


#: Words of a role ("the independent chair", "Director of Adult Social Services", "Principal Social Worker").
_ROLE = (r"(?i:chair|chairs|chairperson|chaired|director|manager|lead|leader|led|head|headed|officer|worker|member|"
         r"councillor|executive|principal|coordinator|co-ordinator|commissioner|holder|deputy|mayor|champion|"
         r"ambassador|PSW|DASS)")
#: A capitalised word of a personal name.
_NAME_WORD = r"[A-Z][a-z'’]+(?:[A-Z][a-z'’]+)?(?:-[A-Z]?[a-z'’]+)*"
#: Two or three capitalised words: a possible personal name ("Sam Reid", "Mary Ann Cole", "Helen Marsh-Ward",
#: "Ian McDonald").
_FULL_NAME = rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,2}}"
#: A name set beside a role: "the chair, Sam Reid," · "chaired by Sam Reid" · "the chair (Sam Reid)" ·
#: "Sam Reid, the chair" · "Sam Reid (Principal Social Worker)" · "appointed Sam Reid as its director".
_NAME_BY_ROLE = re.compile(
    rf"\b{_ROLE}\b[^.;,]{{0,40}}?(?:,|\bis|\bwas|\bby|\()\s*(?P<name>{_FULL_NAME})(?![\w-]| [A-Z])|"
    rf"(?<![A-Za-z] )\b(?P<name2>{_FULL_NAME}),? (?:\(|the |its |their |who is |who was )(?:[\w-]+ ){{0,4}}{_ROLE}\b|"
    rf"\b(?:appointed|named|recruited|hired|promoted)\s+(?P<name3>{_FULL_NAME})\s+as\s+(?:[\w-]+ ){{0,4}}{_ROLE}\b")
#: Words that make a capitalised run the name of a body, a place or a programme, not of a person.
_NOT_PERSON = {"adult", "adults", "social", "care", "council", "borough", "county", "city", "board", "team", "service",
               "services", "health", "trust", "partnership", "network", "hub", "forum", "group", "panel", "review",
               "reviews", "lives", "real", "first", "home", "homes", "community", "safeguarding", "principal",
               "director", "directors", "worker", "workers", "manager", "officer", "chair", "lead", "executive",
               "assistant", "head", "programme", "project", "strategy", "plan", "centre", "house", "court", "road",
               "street", "hospital", "school", "college", "university", "nhs", "integrated", "partners", "local",
               "authority", "the", "our", "their", "its", "this", "that", "and", "carers", "people", "voice",
               "independent", "living", "well", "better", "making", "it", "deputy", "of", "for", "in", "on", "at",
               "housing", "options", "support", "solutions", "age", "mind", "uk", "england", "healthwatch",
               "citizens", "advice", "foundation", "alliance", "action", "connect", "together", "place", "unit",
               "ward", "office", "department", "committee", "cabinet", "agency", "company", "limited", "ltd",
               "guardian", "champion", "navigator", "advocate", "practitioner", "coordinator", "member", "members"}


def _is_personal_name(name: str) -> bool:
    """Whether a capitalised run reads as a person's name: no word of a body, place or programme."""
    return not any(w.casefold().strip("'’") in _NOT_PERSON for w in name.split())


def has_person(text: str) -> bool:
    """Whether the text names a person (not just a role): by title ("Dr Patel"), as "named …", or a
    full name set beside a role ("the independent chair, Sam Reid")."""
    if _PERSON.search(text) or any(_is_personal_name(m.group("name")) for m in _NAMED.finditer(text)):
        return True
    for m in _NAME_BY_ROLE.finditer(text):
        name = m.group("name") or m.group("name2") or m.group("name3")
        if name and _is_personal_name(name):
            return True
    return False


#: Words saying something was done (by the council, a team, staff): "telephoned people every 6 weeks", "used a
#: red-amber-green tool", "Through targeted recruitment …", "had introduced a Waiting Well approach".
_DEED = re.compile(r"\b(?:us(?:ed|es|ing)|introduc(?:ed|es|ing)|set up|sets up|launch(?:ed|es)|start(?:ed|s)|creat(?:ed|es)|"
                   r"establish(?:ed|es)|develop(?:ed|s)|commission(?:ed|s)|ran|runs|offer(?:ed|s)|provid(?:ed|es)|fund(?:ed|s)|"
                   r"recruit(?:ed|s)|train(?:ed|s)|(?:tele)?phon(?:ed|es)|call(?:ed|s)|rang|contact(?:ed|s)|check(?:ed|s)|"
                   r"visit(?:ed|s)|prioriti[sz](?:ed|es)|triag(?:ed|es)|monitor(?:ed|s)|track(?:ed|s)|brought in|put in place|"
                   r"appoint(?:ed|s)|employ(?:ed|s)|invest(?:ed|s)|expand(?:ed|s)|extend(?:ed|s)|open(?:ed|s)|pilot(?:ed|s)|"
                   r"trial(?:led|ed|s)|redesign(?:ed|s)|restructur(?:ed|es)|pa(?:id|ys)|held|holds|work(?:ed|s|ing) with|"
                   r"look(?:ed|s) at|authoris(?:ed|es)|invit(?:ed|es)|arrang(?:ed|es)|organis(?:ed|es)|deliver(?:ed|s)|"
                   r"shar(?:ed|es)|circulat(?:ed|es)|publish(?:ed|es)|consult(?:ed|s)|engag(?:ed|es)|mov(?:ed|es)|redeploy(?:ed|s)|"
                   r"transferr(?:ed|s)|agree(?:d|s) (?:to|an?|the|its|their)|buil(?:t|ds)|"
                   r"partner(?:ed|s) with|co-produc(?:ed|es)|allocat(?:ed|es)|sen(?:t|ds)|target(?:ed|s)|gave|gives|"
                   r"(?:receiv(?:ed|es)|had|got) (?:an? |regular |weekly |monthly )?(?:calls?|visits?|checks?|letters?|texts?|check-ins?))\b|"
                   r"^(?:Through|By|Using|Under)\b|\bthrough (?:a|an|the|its|their)\b", re.IGNORECASE)


#: How far either side of a word its neighbours are looked for (a word or two).
NEAR_CHARS = 40
#: Words just before a verb (or the word before them) that make it a state, not a deed: "services are provided
#: on the mainland", "had not introduced".
_PASSIVE = {"is", "are", "was", "were", "be", "been", "being", "not", "never"}
#: Words that say a verb's deed was not done ("had not introduced", "was never set up").
_NEGATIONS = {"not", "never"}
#: A date right after a verb ("set up in September 2024", "introduced during 2023"): when it was done.
_DATED = re.compile(rf"\s+(?:in|on|during|from)\s+(?:early |late |mid-?)?(?:(?:\d{{1,2}} )?(?:{'|'.join(MONTHS)})\b|"
                    r"(?:19|20)\d{2}\b)", re.IGNORECASE)
#: How far after a passive verb a frequency makes it a routine someone keeps ("were contacted by a duty worker
#: every 4 weeks"), not a state of things.
ROUTINE_CHARS = 60
#: Words right before a verb that make it an adjective: "a well organised hub".
_ADJECTIVAL = {"a", "an", "well", "poorly", "badly"}
#: A word just before a verb that makes it a description of someone ("people who used the hubs"), not a deed the
#: sentence tells.
_NOT_TOLD = {"who"}
#: Possessives two words before a verb: what befell someone's own thing ("weeks after their care started").
_OWNERS = {"their", "his", "her", "my", "our"}


def describes_a_deed(text: str) -> bool:
    """Whether the text says someone did something ("telephoned people every 6 weeks", "Through targeted
    recruitment …", "a Recovery Board was set up in September 2024"), as a question about how something is done asks:
    "1,146 people were waiting" states the problem, and "services are provided on the mainland" a state of things."""
    for m in _DEED.finditer(text):
        before = _words(text[max(0, m.start() - NEAR_CHARS) : m.start()])[-2:]
        if before[-1:] and before[-1] in _NOT_TOLD or len(before) == 2 and before[0] in _OWNERS:
            continue  # "people who used the hubs", "weeks after their care started"
        after = _words(text[m.end() : m.end() + NEAR_CHARS])[:1]
        state = bool(set(before) & _PASSIVE) or before[-1:] and before[-1] in _ADJECTIVAL
        if not state and after != ["by"]:  # "Data provided by the council showed …": a state
            return True
        if set(before) & _PASSIVE and _FREQUENT.search(text[m.end() : m.end() + ROUTINE_CHARS]):
            return True  # done to someone as a routine: "people waiting were contacted every 4 weeks"
        if set(before) & _PASSIVE and not set(before) & _NEGATIONS and _DATED.match(text[m.end() :]):
            return True  # done once, at a time: "a Recovery Board was set up in September 2024"
    return False


#: A question asking what is planned ("What is Hull planning to do about home care?"), and a sentence telling a plan
#: ("The council planned to recommission home care in 2025", "plans to", "intended to").
PLANNING = r"(?:planning|plans?|planned|going|intending|intends?|intended|aiming|aims?|hoping)"
_ASKS_PLAN = re.compile(rf"\b{PLANNING} to do\b", re.IGNORECASE)
_PLAN_TOLD = re.compile(r"\b(?:plann(?:ed|ing)|plans|intend(?:ed|s|ing)|aim(?:ed|s|ing)|(?:was|were|is|are) (?:going|due))\s+"
                        r"to\s+[a-z]+|\bplans?\s+(?:to|for)\b|\b(?:would|will)\s+(?:be\s+)?[a-z]+(?:ed|en)?\b",
                        re.IGNORECASE)


def asks_plan(question: str) -> bool:
    """Whether the question asks what is planned (:data:`_ASKS_PLAN`)."""
    return bool(_ASKS_PLAN.search(question))


def tells_a_plan(sentence: str) -> bool:
    """Whether the sentence tells a plan (:data:`_PLAN_TOLD`): what a question asking what is planned
    (:data:`_ASKS_PLAN`) asks for, rather than what was done already."""
    return bool(_PLAN_TOLD.search(sentence))


#: A question on how people are watched over ("How does Kent keep track of people on the waiting list?").
_ASKS_WATCH = re.compile(r"\bkeep(?:s|ing)? (?:track of|in touch with|in contact with|an eye on|watch over)|\bkept (?:track of|"
                         r"in touch with|in contact with|an eye on)|\bcheck(?:s|ed|ing)? (?:on|in with)\b|"
                         r"\bstay(?:s|ed)? in (?:touch|contact)\b", re.IGNORECASE)


def asks_watch(question: str) -> bool:
    """Whether the question asks how people are watched over ("keep track of", "keep in touch with")."""
    return bool(_ASKS_WATCH.search(question))


def watch_as_asked(sentence: str, question: str) -> bool:
    """Whether a question on how people are watched over is answered by a routine, how often they are contacted
    or checked ("were contacted every eight weeks"), not by another deed about them ("cleared 2,600 assessments")."""
    return not asks_watch(question) or has_frequency(sentence)


#: Words reporting what someone said or thought: "Parents told us …", "Staff said …", "Carers described …".
_SAID = re.compile(r"\b(?:told us|told inspectors|tell us|said|says|described|describe|felt|feel|reported|commented|explained|"
                   r"praised|complained|valued|spoke (?:highly|positively|warmly|well)|were (?:positive|negative|critical|"
                   r"complimentary))\b", re.IGNORECASE)
#: Words in "what did X say" that name no group of speakers.
_NOT_SPEAKERS = {"the", "a", "an", "in", "at", "of", "and", "council", "local", "authority", "its", "their", "about", "what",
                 "did", "do", "does", "have", "has", "had", "how", "county", "borough", "city"}


#: Verbs asking for someone's views: "what did parents *say*", "how did carers *describe* the hub".
VIEW_VERBS = (r"(?:say|said|tell|told|think|thought|feel|felt|report|reported|make of|made of|describe|described|find|found|"
              r"rate|rated|view|viewed)")


def speakers_asked(question: str, councils: tuple[str, ...] = ()) -> set[str]:
    """Stems of the words naming whose views a question asks for ("parents", "staff and voluntary groups")."""
    m = re.search(rf"\b(?:did|do|does|have|has|had) (?P<who>[\w'’ ,-]{{1,60}}?) {VIEW_VERBS}\b", question, re.IGNORECASE)
    named = {w for c in councils for w in _words(c)}
    return {_stem(w) for w in _words(m.group("who")) if w not in _NOT_SPEAKERS and w not in named} if m else set()


#: Groups of speakers that reports name in each other's words: parents are families, residents are people.
_SPEAKER_KIN = tuple(frozenset(_stem(w) for w in group) for group in (
    ("parents", "families", "relatives"), ("people", "residents", "users"),
    ("staff", "workers", "practitioners", "professionals", "employees")))


def gives_views(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether the sentence reports what the group asked about said or thought ("Parents told us planning started
    too late", or families, their kin), they being who said it ("Staff told us … more people went on the list" is
    staff's view); a finding about the topic in the report's own voice does not."""
    saying = list(_SAID.finditer(sentence))
    if not saying:
        return False
    who = speakers_asked(question, councils)
    who |= {kin for group in _SPEAKER_KIN if who & group for kin in group}
    if not who:
        return True
    tokens = list(_TOKEN.finditer(sentence))
    starts = [t.start() for t in tokens]
    speakers: set[str] = set()
    for m in saying:  # the words just before each verb of saying
        at = bisect.bisect_left(starts, m.start())
        speakers |= {_stem(t.group().casefold().strip("'’")) for t in tokens[max(0, at - SPEAKER_REACH) : at]}
    return bool(who & speakers)


#: How many words before "told us", "said" … may name who said it ("*Parents* of young people with a learning
#: disability told us").
SPEAKER_REACH = 10


def has_reason(text: str) -> bool:
    """Whether the text gives a cause or a purpose."""
    return bool(_REASON.search(text))


#: A question why something changed ("Why did people start getting their charges worked out faster?", "why have
#: waits come down"): what was done that brought the change answers it.
_WHY_CHANGED = re.compile(r"^\s*(?:and\s+)?why\s+(?:did|has|have|had|is|are|was|were|do|does)\b[^?]{0,120}?\b(?:faster|quicker|"
                          r"sooner|shorter|fewer|less|lower|down|fallen|fell|dropped|reduced|improved|better|rose|risen|"
                          r"increased|higher)\b", re.IGNORECASE)
#: A deed and the change it made, joined ("added staff to the team *and reduced* the average time from 31 days to 18").
_DEED_THEN_CHANGE = re.compile(r"\b(?:added|recruited|hired|employed|introduced|created|set up|brought|moved|merged|invested|"
                               r"funded|trained|opened|launched|started|restructured|appointed|redesigned)\b[^.;]{3,160}?"
                               r"\band\s+(?:so\s+)?(?:had\s+)?(?:reduced|cut|brought down|lowered|halved|shortened|improved|"
                               r"increased|raised|cleared|sped up)\b", re.IGNORECASE)


def brought_the_change(sentence: str, question: str) -> bool:
    """Whether a question why something changed (:data:`_WHY_CHANGED`) is answered by a sentence telling a deed and
    the change it made (:data:`_DEED_THEN_CHANGE`): the deed is the cause."""
    return bool(_WHY_CHANGED.search(question)) and bool(_DEED_THEN_CHANGE.search(sentence))


#: A sentence giving the cause of what the one before it told ("The main reason for *the fall* was a shortage of
#: personal assistants", "This was mainly because …", "Leaders attributed the rise to …", "acknowledged the problem,
#: which they linked to …").
CAUSE_OF_BEFORE = re.compile(r"\b(?:reasons?|causes?|explanation)\s+(?:given\s+)?for\s+(?:the|this|these|that|those)\b|"
                             r"^(?:This|That|These|It)\s+(?:was|were|is|had been)\s+(?:partly |largely |mainly |mostly )?"
                             r"(?:because|due to|caused by|driven by|the result of)\b|\b(?:attributed|put|linked)\s+"
                             r"(?:this|that|these|the (?:fall|rise|drop|increase|decrease|change|delay)s?)\s+(?:down\s+)?to\b|"
                             r"\b(?:the|this|that)\s+(?:problem|issue|fall|rise|drop|increase|delay|backlog)s?,?\s+which\s+"
                             r"(?:[\w'’-]+\s+){0,2}?(?:linked|attributed|put|credited)\b|"
                             # "Leaders said the change followed a move to zone-based contracts": what brought it
                             r"\b(?:the|this|that)\s+(?:change|improvement|fall|rise|drop|increase|decrease|reduction)s?\s+"
                             r"(?:had\s+)?(?:followed|came after)\s+(?:a|an|the)\b|"
                             # "… were the main causes.", "The main causes were …": of what was told before
                             rf"\b(?:was|were)\s+the\s+(?:{_MAIN}\s+)?(?:causes?|reasons?|drivers?)\W*$|"
                             # "The main causes were …", "Leaders told us the main pressures were …"
                             rf"(?:^|\b(?:told us|said|explained)(?:\s+that)?\s+)the\s+{_MAIN}\s+(?:causes?|reasons?|"
                             rf"drivers?|pressures?)\s+(?:was|were)\b",
                             re.IGNORECASE)


def explains_the_one_before(sentence: str) -> bool:
    """Whether the sentence gives the cause of what the sentence before it told (:data:`CAUSE_OF_BEFORE`): for a
    "why" question it is as relevant as that sentence, whose words it need not repeat."""
    return bool(CAUSE_OF_BEFORE.search(one_line(sentence)))


def reasons_in(text: str) -> list[re.Match]:
    """Each place the text gives a cause or a purpose (:func:`has_reason`), as a match of its words."""
    return list(_REASON.finditer(text))


#: A deed told by the means it was done with: "had reduced waits *by creating* locality teams".
_BY_DOING = re.compile(r"\bby (?!(?:spring|morning|evening|something|anything|nothing|everything)\b)[a-z]{3,}ing\b",
                       re.IGNORECASE)  # not a time ("by spring 2025")


def states_means(text: str) -> bool:
    """Whether the text says what brought something about: a cause ("because of …", "attributed to …"), or
    the means it was done by ("cut the backlog by bringing in agency staff")."""
    return has_reason(text) or bool(_BY_DOING.search(text))


def abbreviates(acronym: str, question: str) -> bool:
    """Whether an acronym stands for words the question spells out ("OT" for "occupational therapy",
    "SABs" for "Safeguarding Adults Boards"): it is not a new name then."""
    letters = acronym.rstrip("s").casefold()
    initials = "".join(w[0] for w in _words(question) if w not in ("of", "and", "for", "the", "in"))
    return len(letters) >= 2 and letters in initials


#: An acronym as a question or report writes it: two or more capitals, small letters allowed between them ("DoLS",
#: "ASC").
ACRONYM = re.compile(r"\b[A-Z][a-z]?[A-Z][A-Za-z]*\b")


def spelled_out(name: str, question: str) -> bool:
    """Whether a name spells out an acronym the question uses ("Deprivation of Liberty Safeguards" for "DoLS"): the
    question has given it then."""
    initials = "".join(w[0] for w in _words(name) if w not in ("of", "and", "for", "the", "in")).casefold()
    return len(initials) >= 2 and any("".join(c for c in m.group(0).rstrip("s") if c.isupper()).casefold() == initials
                                      for m in ACRONYM.finditer(question))


def _bare_words(text: str) -> list[str]:
    """The text's words in lower case, a possessive "'s" dropped ("Council's" → "council")."""
    return [re.sub(r"['’]s$", "", w) for w in _words(text)]


def _spaced(words: list[str]) -> str:
    """Words joined by spaces, with a space at each end: one word run is in another as a substring (no word
    holds a space), found by one linear string search."""
    return f" {' '.join(words)} "


def given_in(name: list[str], asked: str) -> bool:
    """Whether a name's words stand together, in order, in the question (``asked``: its words ``_spaced``):
    "Furness Council" is given by "Westmorland and Furness Council's …", but "Care Westmorland" (a service named
    after the place) is not."""
    while name and name[0] in _ARTICLES:  # "The Neighbourhood Connectors" is given by "Camden's Neighbourhood Connectors"
        name = name[1:]
    return not name or _spaced(name) in asked


def _unhyphenated(text: str) -> str:
    """The text with hyphens between words read as spaces: 'step down' beds are the question's step-down beds."""
    return re.sub(r"(?<=\w)-(?=\w)", " ", text)


def _council_spans(text: str, councils: tuple[str, ...]) -> list[range]:
    """Where the text names one of the councils in full ("Blackburn with Darwen")."""
    return [range(*m.span()) for c in councils for m in re.finditer(rf"\b{re.escape(c)}\b", text, re.IGNORECASE)]


def _part_of_council(name: str, councils: tuple[str, ...]) -> bool:
    """Whether the name is a place within one of the councils' names, not the whole of it ("Darwen" in "Blackburn
    with Darwen")."""
    words = set(_words(name)) - _GENERIC
    return any(words and words < set(_words(c)) - _GENERIC for c in councils)


def new_names(sentence: str, question: str, councils: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    """Names in the sentence that the question does not already give (its words together, in order):
    (word position, name). A name is a run of capitalised words (not only generic ones), an acronym, or a
    quoted title. A place named in the council's own name is new unless the sentence names the whole council:
    "planned in Darwen" says where in Blackburn with Darwen."""
    asked = _spaced(_bare_words(_unhyphenated(question)))
    out = []
    ends = [m.end() for m in _TOKEN.finditer(sentence)]  # a name's position: the token it starts in ("'Ollie'")
    not_public = bool(_ASKS_NOT_PUBLIC.search(question))
    named_council = _council_spans(sentence, councils)
    for m in _NAME.finditer(sentence):
        name, start = m.group(0), m.start()
        opening = _OPENING_WORD.match(name) if start == 0 else None  # "Through the Community Wellbeing Partners …"
        if opening:
            name, start = name[opening.end():], opening.end()
        if not any(w not in _GENERIC for w in _words(name)):
            continue
        if given_in(_bare_words(_unhyphenated(name)), asked) and not (
                _part_of_council(name, councils) and not any(start in c for c in named_council)):
            continue
        if name.isupper() and abbreviates(name, question) or spelled_out(name, question):
            continue
        if start == 0 and len(name.split()) == 1:
            continue  # a sentence's first word is capitalised anyway
        if not_public and _PUBLIC_BODY.search(name):
            continue  # "which company provides …": a council is not one
        out.append((bisect.bisect_right(ends, start), name))
    return out


#: A sentence's first word before an article, which is capitalised as the first word, not as part of the name after it
#: ("Through the Community Wellbeing Partners programme, …", "After a Care Act assessment, …"), or a word of place
#: before a name ("In Daventry, a local area partnership …": Daventry is the name, set after "in").
_OPENING_WORD = re.compile(r"[A-Z][a-z]+\s+(?:the|a|an)\s+(?=[A-Z])|"
                           r"(?:In|At|On|From|Across|Within|Around|Near|Outside|Inside|Throughout|Beyond)\s+(?=[A-Z])")


#: A question about a private or voluntary body ("which company", "what charity"), which a council or the NHS is not.
_ASKS_NOT_PUBLIC = re.compile(r"\b(which|what)\s+(?:[\w-]+\s+){0,2}(company|companies|firm|firms|business|businesses|"
                              r"contractor|contractors|charity|charities|supplier|suppliers)\b", re.IGNORECASE)
#: The name of a public body: a council, a borough, the NHS.
_PUBLIC_BODY = re.compile(r"\b(Council|Borough|County|Authority|NHS|Integrated Care Board|ICB)\b")


#: Articles, left out when counting how far apart two words stand ("provided by the London Fire Brigade").
_ARTICLES = {"the", "a", "an"}


def _content_positions(words: list[str], skipped: set[str] = _ARTICLES) -> list[int]:
    """Each word's position counted over the words that are not ``skipped`` (articles)."""
    out, n = [], 0
    for w in words:
        out.append(n)
        n += w not in skipped
    return out


#: Words that set the name after them as a place ("based *in* Altrincham", "*at* the Quayside Centre").
_PLACE_WORDS = {"in", "at", "on", "near", "across", "within", "around", "throughout", "inside", "outside", "beside",
                "opposite", "between", "covering", "serving", "with", "alongside"}  # "based with GP practices"


def _after_word(words: list[str], pos: int, wanted: set[str]) -> bool:
    """Whether the word at ``pos`` follows one of ``wanted``, with or without an article ("run by the London
    Fire Brigade", "in the Borough")."""
    before = [w for w in words[max(0, pos - 2) : pos] if w not in _ARTICLES]
    return bool(before) and before[-1] in wanted


def _as_far_as(words: list[str], pos: int) -> bool:
    """Whether the word at ``pos`` follows "as far (away) as": "placed as far away as Kent" says where."""
    return " ".join(words[max(0, pos - 3) : pos]).endswith(("as far as", "far away as"))


#: Words of place that chain one place phrase to the next ("placed in care homes outside Bolton, mostly in Wigan").
_CHAIN_PLACE_WORDS = frozenset({"in", "at", "inside", "outside", "within", "across", "near", "around", "throughout"})
#: Words that end such a chain: a clause's start or a verb between two place words.
_CHAIN_BREAK = frozenset({"and", "but", "or", "which", "who", "that", "where", "when", "was", "were", "is", "are", "be",
                          "been", "had", "has", "have", "to"})
#: How many words may stand between two place words of one chain ("in care homes outside"), and how many place
#: phrases a chain may hold.
PLACE_CHAIN_GAP = 3
PLACE_CHAIN_LINKS = 3


def place_chain_start(words: list[str], pos: int) -> int:
    """Where the chain of place phrases ending in the name at ``pos`` starts ("in care homes outside Bolton, mostly in
    Wigan" for "Wigan"): a place given at the end of such a chain is as near its topic as the chain's first words."""
    start = pos - 1
    while start >= 0 and words[start] in _ARTICLES:
        start -= 1
    if start < 0 or words[start] not in _CHAIN_PLACE_WORDS:
        return pos
    for _ in range(PLACE_CHAIN_LINKS - 1):
        back = next((j for j in range(start - 1, max(-1, start - PLACE_CHAIN_GAP - 2), -1)
                     if words[j] in _CHAIN_PLACE_WORDS), None)
        if back is None or any(w in _CHAIN_BREAK or w.endswith("ed") for w in words[back + 1 : start]):
            break
        start = back
    return start


#: Nouns of area that a list of names may follow ("in two *areas*, Wembley and Kingsbury").
_AREA_NOUNS = frozenset({"areas", "localities", "towns", "wards", "districts", "neighbourhoods", "places", "villages",
                         "boroughs", "parts", "sites", "locations"})


#: Words that bring in some of the areas just counted or named ("in 4 areas, *including* North Ormesby").
_BRINGS_IN_SOME = ("including", "notably", "especially", "particularly", "mainly", "mostly", "such as")


def areas_named_from(words: list[str], pos: int) -> int | None:
    """Where the place word stands when the name at ``pos`` follows a noun of area that it set ("in two areas, Wembley
    and Kingsbury", "in 4 areas, such as North Ormesby and Hemlington"): the areas' names, which say where, as near
    their topic as that word; None when the name follows no such noun."""
    for some in _BRINGS_IN_SOME:
        n = len(some.split())
        if pos > n and " ".join(words[pos - n : pos]) == some:
            pos -= n
            break
    if pos == 0 or words[pos - 1] not in _AREA_NOUNS:
        return None
    return next((i for i in range(pos - 2, max(-1, pos - 5), -1) if words[i] in _PLACE_WORDS), None)


#: Words that set the name after them as an area ("cafés *in* Finchley"), which is not a body that does something.
_AREA_WORDS = {"in", "across", "throughout", "around", "near"}


#: Verbs whose past is not "-ed", by their present ("*led* by Centre4" for "which organisation *leads* …").
PRESENT_OF = {"led": "lead", "ran": "run", "held": "hold", "met": "meet", "paid": "pay", "built": "build",
              "made": "make", "gave": "give", "took": "take", "won": "win", "sold": "sell", "taught": "teach",
              "lost": "lose", "left": "leave", "began": "begin", "begun": "begin", "became": "become", "fell": "fall",
              "rose": "rise", "grew": "grow", "grown": "grow", "brought": "bring", "sought": "seek", "kept": "keep",
              "went": "go", "gone": "go", "chose": "choose", "chosen": "choose", "spent": "spend", "sent": "send",
              "said": "say", "told": "tell", "saw": "see", "felt": "feel", "found": "find", "thought": "think"}


#: What may stand before such a verb in one word ("*under*spend", "*over*spent", "*re*build", "*with*held").
VERB_PREFIXES = ("over", "under", "re", "with", "out")


def past_forms(text: str) -> str:
    """The past forms of the text's verbs whose past is not "-ed" ("lose" → "lost", "underspend" → "underspent"):
    how a report tells what a question asks about in the present."""
    said = set(_words(text))
    return " ".join(f"{prefix}{past}" for past, present in PRESENT_OF.items() for prefix in ("", *VERB_PREFIXES)
                    if f"{prefix}{present}" in said)


def present_forms(text: str) -> str:
    """The present forms of the text's verbs whose past is not "-ed" ("met" → "meet"): how a question asks about
    what a report tells in the past ("how often does the board meet": "It met monthly")."""
    return " ".join(PRESENT_OF[w] for w in _words(text) if w in PRESENT_OF)


#: A question asking where something comes from ("Where do interpreters have to come from?"): a name after "from" says it.
_ASKS_FROM = re.compile(r"\bwhere\b[^?]{0,120}\b(?:come|comes|came|coming|travel|travels|travelled|brought in)\s+from\s*\??\s*$",
                        re.IGNORECASE)


#: Verbs of coming from a place ("had to *travel from* Lancaster", "*recruited from* Romania"), not of money or
#: sources ("funded from the Better Care Fund").
_COMING = frozenset({"come", "comes", "came", "coming", "travel", "travels", "travelled", "travelling", "brought",
                     "recruited", "drawn", "moved", "moving", "arrived", "arriving"})


def comes_from(words: list[str], pos: int) -> bool:
    """Whether the name at ``pos`` follows "from" after a verb of coming (:data:`_COMING`): where something comes from."""
    before = [w for w in words[max(0, pos - 3) : pos] if w not in _ARTICLES]
    return len(before) >= 2 and before[-1] == "from" and before[-2] in _COMING


#: A question asking where most of something is ("Where were most of the people waiting?"), and the words that
#: answer it beside a place ("…, mostly in Pendle and the Ribble Valley"), however far the topic's words are.
_ASKS_WHERE_MOST = re.compile(r"\bmost\b", re.IGNORECASE)
_MOSTLY = frozenset({"mostly", "mainly", "largely", "chiefly", "predominantly", "principally"})


def names_near_topic(sentence: str, question: str, topic: set[str], located: bool = False,
                     councils: tuple[str, ...] = (), bodies: bool = False) -> bool:
    """Whether a name the question lacks stands next to one of its topic words (the answer to "which
    organisation runs X" is named beside X, not elsewhere in the sentence); ``located``: only a name set
    after a word of place ("in Altrincham", "at the Quayside Centre") answers where; ``bodies``: one set after a word
    of area ("monthly cafés in Finchley") answers no "which charity"; one after "from" says where something comes from."""
    words = _words(sentence)
    at = _content_positions(words)  # "training provided by the London Fire Brigade": three words apart
    # "led by" for "leads", and "held in" for "held"
    spots = [at[i] for i, w in enumerate(words) if _stem(PRESENT_OF.get(w, w)) in topic or _stem(w) in topic]
    # the past (or the "-ing") of a verb the question asks in the present, before the name it takes ("worked with
    # Kelby Care", "working with the Tees Valley Network" for "work with"); not after a name, which is then its doer
    past = [at[i] for i, w in enumerate(words) if w.endswith("ed") and (w[:-2] in topic or w[:-1] in topic)
            or w.endswith("ing") and (w[:-3] in topic or f"{w[:-3]}e" in topic)]  # and its "-ing": "working with"
    if located and _ASKS_WHERE_MOST.search(question):  # "where were most of them": "…, mostly in Pendle"
        spots += [at[i] for i, w in enumerate(words) if w in _MOSTLY]
    names = new_names(sentence, question, councils)
    tokens = list(_TOKEN.finditer(sentence)) if names else []
    from_asked = located and bool(_ASKS_FROM.search(question))  # "travel from Lancaster" for "where do they come from"
    for own, name in names:
        pos = apposed_to(sentence, tokens, own)  # "delivered by a contracted provider, Midshire Mobility": where it is
        area_from = areas_named_from(words, pos) if located else None  # "in 4 areas, such as X" stands as "in X"
        named_area = area_from is not None
        came_from = from_asked and comes_from(words, pos)
        if located and not _after_word(words, pos, _PLACE_WORDS) and not _as_far_as(words, pos) and not named_area \
                and not came_from:
            continue  # "the Trafford Community Collective had a seat on …" names a body, not where
        if bodies and _after_word(words, pos, _AREA_WORDS):
            continue
        start = at[area_from if named_area else place_chain_start(words, pos) if located else pos]
        end = at[own + len(_TOKEN.findall(name)) - 1]
        reach = NAME_WINDOW + AGENT_REACH * (_after_word(words, pos, {"by"}) or located and (
            _after_word(words, pos, {"in"}) or _as_far_as(words, pos) or named_area or came_from))
        # "… was provided by (the) Tamar Voice", "the service, run from a base in Yate"
        # a topic word beside the name or within it, but not as its last word: another "… Hub" is not the
        # hub asked about, while the "Corporate Peer Challenge" is a peer review
        if any(start - reach <= s <= end + NAME_WINDOW and s != end for s in spots) \
                or any(start - reach <= s < start for s in past):
            return True
    return False


#: How many lower-case words a noun phrase a name is set after may have ("a contracted provider, Midshire …").
APPOSED_WORDS = 3


def apposed_to(sentence: str, tokens: list[re.Match], pos: int) -> int:
    """The word position of the noun phrase a name at ``pos`` (of the sentence's ``tokens``) is set after, between
    commas or after a comma, as its apposition ("delivered by *a contracted provider*, Midshire Mobility Services"):
    the name stands where that phrase does; else ``pos``."""
    if pos < 2 or pos >= len(tokens) or "," not in sentence[tokens[pos - 1].end() : tokens[pos].start()]:
        return pos
    for start in range(pos - 1, max(-1, pos - 2 - APPOSED_WORDS), -1):
        word = tokens[start].group(0)
        if word.casefold() in _ARTICLES and start < pos - 1:
            return start
        if not word.islower() or "," in sentence[tokens[start].end() : tokens[start + 1].start()] and start < pos - 1:
            return pos
    return pos


#: Words that end the noun phrase after "how many" (verbs, prepositions).
_PHRASE_END = {"did", "do", "does", "were", "was", "are", "is", "have", "has", "had", "can", "could", "will", "would",
               "in", "at", "on", "for", "from", "to", "by", "with", "per", "during", "there", "that", "who", "which",
               "it", "they", "we", "you", "he", "she", "its", "their", "about", "into", "over", "under", "across",
               "between", "among", "through", "within", "against", "after", "before", "since", "involving",
               # verbs whose past is not "-ed", and common present forms: "how many complaints came in"
               "came", "come", "comes", "went", "go", "goes", "got", "get", "gets", "made", "make", "took", "take",
               "gave", "give", "saw", "see", "said", "say", "told", "held", "became", "began", "left", "met", "fell",
               "rose", "grew", "paid", "sent", "spent", "kept", "found", "felt", "brought", "bought", "ran", "won",
               "lost", "live", "receive", "receives", "need", "needs", "wait", "use", "uses", "attend", "attended"}
#: A place described rather than named: "in a mainland care home bed", "at the community hub", "in a
#: converted bus depot" (a locative preposition, an article, then a noun phrase that is not about time, money
#: or degree, "at a cost of", "in the 2025/26 budget", nor the council's whole area: "in the city" says no more
#: than the question's council does; "in the city centre" does).
_PLACE_PHRASE = re.compile(r"\b(in|at|inside|within|based in|based at)\s+(a|an|the)\s+"
                           r"(?!(?:same|time|end|start|past|future|meantime|way|number|form|context|light|year|month|"
                           r"week|period|short|long|first|last|next|previous|cost|costs|rate|price|budget|total|level|"
                           r"stage|point|pace|range)\b|\d)"
                           r"(?!(?:city|borough|county|area|region|country|district|authority)\b(?!['’]s|[\s-]+(?:centre|hall|"
                           r"hospital|hub|library|park|house|court|office)s?\b))[\w'-]+", re.IGNORECASE)


#: A side of the area ("to the west of the borough", "in the far north"), or beyond it: where, as a place phrase says it.
_SIDE_PHRASE = re.compile(r"\b(?:to|in)\s+the\s+(?:far\s+)?(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?\b|"
                          # or beyond it, or on its edge: "on the mainland", "outside the borough", "out of the county"
                          r"\b(?:on\s+the\s+(?:mainland|coast|outskirts|edge|border|seafront)|(?:outside|out\s+of)\s+the\s+"
                          r"(?:borough|county|city|area|district|island|region))\b", re.IGNORECASE)


#: The country's parts a council lies in, asked as where it is ("Which region of England is Sandwell in?").
_REGION_ASKED = re.compile(r"\b(?:regions?|parts?) of (?:England|the country|the UK|Britain)\b|\bregions?\b", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def council_itself_asked(question: str, councils: tuple[str, ...]) -> bool:
    """Whether the question names nothing but its councils ("Where is Havering?", "what about thurrock"), or them and
    the region asked (:data:`_REGION_ASKED`): it asks about the place itself, which no topic word can pick out (read
    once per question: every place sentence asks it)."""
    text = _REGION_ASKED.sub(" ", question)
    for council in councils:
        for pattern in name_patterns(council):
            text = re.sub(rf"(?<![\w-]){pattern}(?:['’]s)?(?![\w-])", " ", text, flags=re.IGNORECASE)
    return bool(councils) and only_question_words(text)


#: After a council's name, saying what the area is and where it lies ("… is a unitary authority in south Essex", "… is an
#: outer London borough in the north-east of the capital", "… lies on the coast").
_LIES = (r"(?:\s+(?:council|county|city|borough))*\s+(?:is|was|lies|sits|covers|spans)\b[^.;]{0,100}?"
         r"\b(?:in|on|bordering|between|near|along|north|south|east|west)\b"
         r"(?!\s+(?:the\s+)?(?:region|country|nation|England|UK|United Kingdom|Britain)\b)")  # "in the region": not where


def places_the_council(sentence: str, councils: tuple[str, ...]) -> bool:
    """Whether the sentence says where one of ``councils`` lies: its name, what it is, then where ("Thurrock is a
    unitary authority in south Essex"); "Population: 178,900 people live in Thurrock" does not."""
    text = " ".join(sentence.split())
    return any(re.match(rf"\W*(?:the\s+)?(?:{pattern}){_LIES}", text, re.IGNORECASE)
               for council in councils for pattern in name_patterns(council))


#: Places told by their number and kind ("classes at nine venues", "in 12 libraries"): kinds of building or site,
#: not of area ("in two areas" says where only with the areas' names).
_COUNTED_PLACES = re.compile(r"\b(?:in|at|across|from)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                             r"several|many)\s+(?:[\w-]+\s+)?(?:venues|sites|locations|centres|centers|hubs|libraries|"
                             r"branches|bases|offices|surgeries|practices|schools|churches|mosques|temples|halls|buildings|"
                             r"hospitals)\b", re.IGNORECASE)


#: Places told as the kind of place something went to ("a bus that visited estates and villages each week", "toured
#: rural towns"): kinds of settlement, not of building (a count of those says where, :data:`_COUNTED_PLACES`).
_VISITED_PLACES = re.compile(r"\b(?:visit(?:ed|s|ing)?|tour(?:ed|s|ing)?|went (?:out )?to|go(?:es)? (?:out )?to|"
                             r"travel(?:led|s|ling)? to|call(?:ed|s)? at|stop(?:ped|s)? (?:at|in))\s+"
                             r"(?:(?:rural|remote|outlying|local|housing|isolated|coastal|market)\s+)?"
                             r"(?:estates|villages|towns|wards|neighbourhoods|communities|hamlets)\b", re.IGNORECASE)


def phrase_names_the_asked(sentence: str, m: re.Match, own: set[str], kinds_asked: set[str]) -> bool:
    """Whether a place phrase (:data:`_PLACE_PHRASE`) names the thing asked about: its word is one of the thing's own,
    or it and the word after it are both the question's ("in the extra care schemes" for "where will the fourth extra
    care scheme be"; "in a mainland care home bed" is a place for "… ready to leave a mainland hospital")."""
    word = _stem(m.group(0).split()[-1])
    after = re.match(r"\s+([a-z][\w'-]*)", sentence[m.end():])
    return word in own or word in kinds_asked and after is not None and _stem(after.group(1)) in kinds_asked


def place_described(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether the sentence describes a place (:data:`_PLACE_PHRASE`, places by number and kind,
    :data:`_COUNTED_PLACES`, by the kind gone to, :data:`_VISITED_PLACES`, or a side of the area, :data:`_SIDE_PHRASE`)
    that is not the thing asked about itself, nor a side the question already gives: "Staff at the hub …" does not say
    where the Safeguarding Hub is, nor "people living in the extra care schemes" where the fourth extra care scheme will be."""
    own = {_stem(w) for part in named_parts(question, councils) for w in _words(part)}
    asked = " ".join(question.casefold().split())
    kinds_asked = own | {_stem(w) for w in _words(question)}  # "in three locality hubs" does not say where the hubs are
    return any(not phrase_names_the_asked(sentence, m, own, kinds_asked) for m in _PLACE_PHRASE.finditer(sentence)) or any(
        _stem(m.group(0).split()[-1]) not in kinds_asked for m in _COUNTED_PLACES.finditer(sentence)) or any(
        " ".join(m.group(0).casefold().split()) not in asked for m in _SIDE_PHRASE.finditer(sentence)) or any(
        _stem(m.group(0).split()[-1]) not in kinds_asked for m in _VISITED_PLACES.finditer(sentence))


def _whole_counted(question: str) -> set[str]:
    """The stem of the plural noun heading the whole a part is counted of, set before "how many" with nothing
    after it to count ("Of its 2,916 carers' assessments in 2023/24, how many were carried out by the charity?"
    counts assessments); empty when there is none."""
    m = re.search(r"\bof\s+(?P<whole>(?:[^,?]|,(?=\d)){2,160}),\s*how many\b", question, re.IGNORECASE)
    if not m:
        return set()
    plurals = [w for w in _phrase_heads(_TOKEN.findall(m.group("whole"))) if _looks_plural(w)]
    return {_stem(plurals[-1])} if plurals else set()


def counted_nouns(question: str) -> set[str]:
    """The stem of the noun a "how many …" question counts: the last word of the phrase after "how
    many", which ends at a verb or preposition ("how many DoLS applications were waiting" → {"application"},
    "how many people visited the hubs" → {"people"}), or the plural before "of" ("Directors of Adult Social
    Services" → {"director"}, "assessments of carers' needs" → {"assessment"}); empty when it counts nothing in
    particular."""
    m = _HOW_MANY.search(question)
    if not m:
        return set()
    if re.match(r"times\b", m.group(1), re.IGNORECASE):
        return times_counted(m.group(1))
    words = counted_phrase(question)
    if not words:
        return _whole_counted(question)
    plural = [w for w in words if _looks_plural(w)]
    whole = _whole_counted(question) if not plural else set()
    if whole:  # "of the people …, how many ended up going home": the people
        return whole
    head = words[-1] if _looks_plural(words[-1]) or not plural else plural[-1]  # "organisations work" → organisations
    role = _AS_ROLE.search(question) or _ON_A_LIST.search(question) if head in ("people", "person") else None
    living = head in ("people", "person") and bool(_LIVING_THERE.search(question))
    return {_stem(head)} | ({_stem(role.group("role").casefold())} if role else set()) | alternative_nouns(words) | (
        {"resident"} if living else set())


def alternative_nouns(words: list[str]) -> set[str]:
    """The stem of a plural noun joined by "or" or "and" to the counted one ("how many carers' assessments or
    reviews", "in how many libraries and community centres"): a count of either kind, or of both together, stands
    for them."""
    return {_stem(a) for a, join in zip(words, words[1:]) if join in ("or", "and") and _looks_plural(a)}


#: What a "how many …" question counts follows "how many" or "number of".
_HOW_MANY = re.compile(r"\b(?:how many|number of)\s+(?:(?:out of|in) every (?:hundred|100)\s+)?(.{2,80})", re.IGNORECASE)


def counted_phrase(question: str) -> list[str]:
    """The words (lower case, fillers aside) of the phrase a "how many …" question counts, up to a verb or a
    preposition ("how many unpaid carers had a plan" → ["unpaid", "carers"]), and up to "of" after a plural ("how
    many assessments of carers' needs" → ["assessments"])."""
    m = _HOW_MANY.search(question)
    if not m or re.match(r"times\b", m.group(1), re.IGNORECASE):
        return []
    words: list[str] = []
    tokens = [t.strip("'’") for t in _TOKEN.findall(m.group(1))]
    for i, w in enumerate(t.casefold() for t in tokens):
        past = w.endswith("ed") and words and not words[-1].endswith("ly") \
            and not tokens[i][:1].isupper()  # "visited", not "newly qualified" or "approved Shared Lives carers"
        if w in _PHRASE_END or past:
            break
        if words and _looks_plural(words[-1]) and (w in _CLAUSE_OPENERS or tokens[i][:1].isupper()
                                                   and not tokens[i - 1][:1].isupper()):  # not "Safe Islands Champions"
            break  # "how many of the people St Helens supports", "… the people the council supports": a clause
        if w == "of" and words and _looks_plural(words[-1]):
            break  # "assessments of unpaid carers' needs" counts assessments, "Directors of Adult Social Services" directors
        if re.search(r"['’]s$", w) and not tokens[i][:1].isupper():  # not "of Camden's four localities"
            words.append(w[:-2])
            break  # "how many people's care was affected" counts the people, not their care
        if w not in _COUNT_FILLERS:
            words.append(w)
    return words


#: Words that open a clause when they follow the counted plural ("the people *the* council supports").
_CLAUSE_OPENERS = frozenset({"the", "a", "an", "its", "their", "this", "these", "it", "they", "we"})
#: Endings that make a noun of a verb ("complain" → "complaint", "book" → "booking", "refer" → "referral").
_NOUN_ENDINGS = ("", "t", "ing", "ment", "al", "ation", "ion")
#: Words that end the deed's phrase after "how many times" (prepositions and the like), its auxiliaries aside.
_DEED_END = _PHRASE_END - {"did", "do", "does", "were", "was", "are", "is", "have", "has", "had"}


def times_counted(after: str) -> set[str]:
    """What "how many times did people complain" counts: the times, and the deeds its verb names, as nouns
    ("complaints"), up to the phrase's first preposition; not the people who did them."""
    nouns = {_stem("time")}
    for w in _TOKEN.findall(after)[1:]:
        w = w.casefold()
        if w in _DEED_END:
            break
        if w.isalpha() and w not in _PHRASE_END and w not in _GENERIC and _stem(w) not in _POPULATIONS \
                and not w.endswith("ly"):
            nouns |= {_stem(w + ending) for ending in _NOUN_ENDINGS}
    return nouns


#: The role people are counted in: "how many people had it recruited as new care workers" counts care workers too.
_AS_ROLE = re.compile(r"\bas\s+(?:(?:new|newly|qualified|trained|paid|unpaid|volunteer|[a-z]+-[a-z]+)\s+){0,2}"
                      r"(?:[a-z]+\s+)?(?P<role>[a-z]+s)\b(?=\s*(?:by|in|at|during|since|from|through|via|\?|$))")


#: The list people are counted on: "how many people were on the waiting list" is answered by "the waiting list
#: had fallen from 340".
_ON_A_LIST = re.compile(r"\bpeople (?:were |are |was |is )?(?:still )?on\s+(?:[\w'’-]+\s+){0,7}?(?P<role>list)s?\b",
                        re.IGNORECASE)


#: People counted as living in a home the question names: "how many people living there had to move" asks how many
#: of its residents did.
_LIVING_THERE = re.compile(r"\bpeople (?:who (?:were |are |had been )?)?(?:living|lived|live) (?:there|in (?:it|them|"
                           r"the (?:care |nursing )?homes?))\b", re.IGNORECASE)


#: Plural nouns without a final "s".
_PLURALS = {"people", "staff", "children", "men", "women", "personnel"}


def _looks_plural(word: str) -> bool:
    """Whether a word looks like a plural noun ("applications", "people"), as the thing counted usually is."""
    return word in _PLURALS or word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")) and len(word) > 3


#: Nouns that name a measure rather than the thing measured ("the turnover *rate*", "the waiting *time*").
_MEASURES = ("rate|ratio|percentage|proportion|share|total|figure|level|time|times|cost|costs|budget|spend|amount|"
             "average|number|count|score|length")
_MEASURE_WORDS = set(_MEASURES.split("|"))
_MEASURE = re.compile(rf"\b([A-Za-z][\w'’-]*)\s+(?:{_MEASURES})\b", re.IGNORECASE)
#: Words before a measure noun that do not say what is measured ("the rate", "its total", "average time").
_NOT_MEASURED = {"the", "a", "an", "its", "their", "his", "her", "our", "what", "which", "overall", "average", "mean",
                 "median", "total", "typical", "usual", "current", "latest", "annual", "weekly", "monthly", "yearly",
                 "hourly", "daily", "on", "in", "at", "by", "for", "to", "from", "with", "as", "below", "above",
                 "under", "over", "within", "against", "than", "beyond",  # "how much below budget"
                 "high", "higher", "low", "lower", "same", "national", "england", "regional", "local", "s", "of", "is",
                 "was", "were", "are", "this", "that", "that's", "whole", "full", "combined", "net", "gross",
                 "many", "much", "how",  # "how many times did people complain" measures no "many"
                 "it", "they", "he", "she", "we", "you", "did", "does", "do", "will", "would",  # "what did it cost"
                 "highest", "lowest", "largest", "smallest", "biggest", "greatest", "larger", "smaller", "bigger",
                 "greater", "longest", "shortest", "best", "worst", "most", "least",  # "the largest proportion"
                 "care"}  # "their care budget": any report's word, which says nothing of what is measured


#: Measures a sentence may give in other words: a population as the people who live in the area, waiting times as waits.
_MEASURED_AS = {"population": {"live", "living", "lived", "resident", "inhabitant"},
                "waiting": {"wait"}}  # "waiting times" are told as "waits"
#: One of those measures given a size in the question ("a population of more than 500,000"): the figure asked about.
_MEASURE_SIZED = re.compile(rf"\b({'|'.join(_MEASURED_AS)})\s+(?:of\s+)?(?:more|over|above|under|below|fewer|less|at least|"
                            r"around|about|roughly|\d)", re.IGNORECASE)


#: A budget (what was set aside), and what was spent (the outturn): the one is not the other.
_BUDGET = re.compile(r"\bbudget(?:s|ed)?\b", re.IGNORECASE)
_SPENT = re.compile(r"\b(?:spen(?:d|ds|t|ding)|expenditure|outturn)\b", re.IGNORECASE)
_ASKS_ACTUAL = re.compile(r"\bactual(?:ly)?\b|\boutturn\b", re.IGNORECASE)
#: A budget named as what spending was held against ("how much did it go *over its budget*"): what was spent is asked.
_AGAINST_BUDGET = re.compile(r"\b(?:over|within|under|against|exceed(?:ed|s|ing)?|beyond)\s+(?:its|the|their|a)?\s*"
                             r"(?:[\w'’-]+\s+){0,4}?budget", re.IGNORECASE)


def budget_as_asked(sentence: str, question: str) -> bool:
    """Whether a sum asked as a budget is not given only as what was spent ("Actual spend 2023/24: £68.5 million"
    is no budget for 2023/24), nor one asked as what was actually spent only as a budget; a question that says
    only "spend", or one held against a budget ("by how much did it go over budget"), may be answered by either."""
    if _BUDGET.search(question) and not _SPENT.search(question) and not _AGAINST_BUDGET.search(question):
        return bool(_BUDGET.search(sentence)) or not _SPENT.search(sentence)
    if _ASKS_ACTUAL.search(question) and _SPENT.search(question):
        return bool(_SPENT.search(sentence)) or not _BUDGET.search(sentence)
    return True


#: Words in "-ly" that are no adverbs: they may name what is measured ("family support budget").
_NOT_ADVERBS = {"family", "elderly", "early", "supply", "assembly", "friendly", "italy"}


def _is_adverb(word: str) -> bool:
    """Whether the word is an adverb ("actually spend", "roughly"), which measures nothing."""
    return word.endswith("ly") and len(word) > 4 and word not in _NOT_ADVERBS


def measured_things(question: str, councils: tuple[str, ...] = ()) -> set[str]:
    """Stems of the words that say what a rate, share or total measures ("staff *turnover* rate",
    "*compliance* rate", "*waiting* time", a *population* of more than 500,000"): a figure for another measure
    does not answer the question. Council names are not measured things."""
    named = {w for c in councils for w in _words(c)}
    out = set()
    for m in _MEASURE.finditer(question):
        word = m.group(1).casefold().strip("'’")
        if (word.endswith(("'s", "’s")) or word in _NOT_MEASURED or word in _QUESTION_STOP or word.isdigit()
                or word in named or word in _MEASURE_WORDS or _is_adverb(word)):
            continue
        out.add(_stem(word))
    return out | {m.group(1).casefold() for m in _MEASURE_SIZED.finditer(question)}


def measures_the_thing(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether the sentence speaks of what the question's rate, share or total measures (or the
    question names no such thing): "890,400 people live in the county" gives its population."""
    things = measured_things(question, councils)
    things |= {alike for thing in things for alike in _MEASURED_AS.get(thing, ())}
    return not things or bool(things & {_stem(w) for w in _words(sentence)})


#: Things that are sums of money by what they are ("a payment", "a grant"): how much one is asks for a sum.
_PAID_THINGS = "payment|grant|fee|allowance|charge|price|award|bonus|supplement|premium|uplift|subsidy|contribution|levy"
#: A question about money ("how much did X spend", "what was the budget", "what did it cost", "how much, in pounds").
_ASKS_MONEY = re.compile(r"\bhow much\b.{0,100}?\b(?:going to|will|would|is to|did|does|do) cost\b|"  # "how much is the home going to cost"
                         r"\bhow much (?:is|was|are|were)\b.{1,100}?\bworth\b|"  # "how much is the supplement worth"
                         r"\bhow much (?:per|an?|each|every) (?:mile|hour|week|day|night|visit|bed|person|head)\b|"  # a rate
                         rf"\bhow much (?:is|was|are|were|does|did)\s+(?:the|a|an|its|their|each|this|that)\s+(?:[\w'’-]+\s+){{0,4}}?"
                         rf"(?:{_PAID_THINGS})s?\b|"  # "how much is the carer's break payment", "… the three-year grant"
                         r"\bhow much\b(?! of\b)(?!(?:\s+(?!(?:a|an|per|each|every)\b)[\w-]+){0,2}?\s+(?:time|hours?|minutes?|days?|weeks?|months?|years?)\b)"
                         r".{0,100}?\b(spend|spent|spending|cost|costs|costing|pay|paid|paying|pays|fund|funded|funding|invest|invested|charge|charges|charged|"
                         r"budget|save|saved|saving|savings|overspend|underspend|grants?|give out|gave out|given out|awarded|"
                         r"allocated)\b|\b(budget|spend|cost|costs|funding|"
                         r"overspend|underspend|savings)\b.{0,40}\bhow much\b|\bhow much money\b|^\s*(and )?what (?:did|does|do|will|would)\b.{1,80}\b(cost|spend|"
                         r"invest|save)\b|^\s*(and )?what (?:did|does|do|will|would)\b.{1,80}\bpay\b(?!\s+(?:attention|tribute|"
                         r"heed|a visit)\b)(?!\s+for\s*\??\s*$)|^\s*(and )?what (was|were|is|had been) (spent|invested|saved)\b|"
                         r"^\s*(and )?what ([\w'’-]+ ){0,2}(budget|funding|savings)\b|^\s*(and )?what (is|was|were) the (total )?value of\b|"
                         r"^\s*(and )?what (is|was|were) (?:its |their |[A-Z][\w'’ -]{0,60}?['’]s? )(?:(?!share\b|percentage\b|proportion\b)[\w-]+ ){0,4}(budget|spend|overspend|"
                         r"underspend|deficit|fund|funding|grant|allocation)\b(?!\s+(?:used|spent|for what|about|do|did))|"
                         r"\bworth(?:\s+(?:in|for|during|at|by|as of)\s+[\w/ -]{2,30})?\s*(?:\?|$)|^\s*what (is|was) the (total |annual |yearly |overall |net |gross )?(budget|cost|"
                         r"spend|overspend|underspend)\b|^\s*(and )?what ([\w'’-]+ ){0,2}(overspend|underspend|deficit)\b|"
                         r"\bin (?:pounds|sterling|cash terms)\b|\bin £|"
                         # "above what weekly cost …": a price asked by its period
                         r"\bwhat (?:weekly|hourly|daily|annual|yearly|monthly|total|maximum|minimum)\s+(?:cost|price|fee|charge)s?\b|"
                         r"\b(?:size|amount) of\b[^?]{0,50}\b(?:funds?|budgets?|grants?|pots?|allocations?|funding)\b",
                         re.IGNORECASE)
#: A price asked for: a fee, salary or wage, or a rate paid by the hour or week ("what hourly rate did it pay").
_ASKS_PRICE = re.compile(r"^\s*(and )?(what|which|how much)\b(?![^?]*\b(percentage|proportion|share|how many|number of|"
                         r"uplift|increase|rise|change|reduction|cut)\b)"
                         r"[^?]{0,60}?\b(salary|salaries|fee|fees|wage|wages|price|prices|(hourly|weekly|daily|annual) "
                         r"([\w-]+ ){0,3}(rate|fee|price|cost|pay))\b", re.IGNORECASE)
_MONEY = re.compile(r"£|\b(pounds?|million|billion|bn)\b", re.IGNORECASE)


#: The unit of time a price is asked per ("what hourly rate", "the weekly fee", "per hour"), by its word, or another
#: unit it is asked per ("how much per mile", "per bed"); a year is left out, as "a year" usually gives the period of a
#: total ("how much did it save in a year").
_ASKS_PER = re.compile(r"\b(hourly|weekly|daily)\b|\b(?:per|an|a) (hour|week|day)\b|"
                       r"\bper (mile|night|visit|bed|person|head|place|session|trip|journey|client|resident|call)\b",
                       re.IGNORECASE)
#: Each unit of time by its adverb, and the other way round.
_UNITS = {"hourly": "hour", "weekly": "week", "daily": "day"}
_ADVERBS = {unit: adverb for adverb, unit in _UNITS.items()}


#: Whom a price asked about is paid to ("what rate can people pay *their personal assistants*", "paid to home care
#: providers"): up to two words before the payee's noun.
_PAYEES_ASKED = r"(?:assistants?|providers?|carers?|workers?|agenc(?:y|ies)|homes?|people)"
_PAYEE = re.compile(r"\bpa(?:y|ys|id|ying)\s+(?:to\s+)?(?:(?:their|its|the|his|her|local)\s+)?(?!(?:for|of|on|in|at|per)\b)"
                    # to the last word naming a payee: "pay home care agencies", not "pay home"
                    rf"(?P<who>(?:[a-z][\w'’-]*\s+){{0,2}}?{_PAYEES_ASKED})\b(?!\s+(?:[a-z][\w'’-]*\s+)?{_PAYEES_ASKED}\b)|"
                    rf"\b(?P<paid>(?:[a-z][\w'’-]*\s+){{0,2}}?{_PAYEES_ASKED})(?:\s+(?:in|at|of|across|for)\s+[\w'’ &-]{{1,40}}?)?"
                    r"\s+(?:(?:were|are|was|is|being|get|got)\s+)?paid\b")  # "what wage were care workers in Fenwick paid"
#: Those a council's prices are paid to, or for, as reports name them: one of them named instead of the payee asked
#: says the price is another's.
_PAYEES = re.compile(r"\b(?:home care|domiciliary care|care homes?|nursing homes?|providers?|agenc(?:y|ies)|personal "
                     r"assistants?|care workers?|carers?)\b", re.IGNORECASE)


def payee_named(text: str, question: str) -> bool:
    """Whether a price asked of what is paid to someone ("what hourly rate can people pay their personal assistants")
    is not given of another: the text names a word of the payee, or no payee at all ("a home care rate of £21.10 an
    hour" is paid to providers; "before the uplift, it paid £21.50 an hour" may be the one asked)."""
    if not asks_money(question):
        return True
    said, payees = _payees_asked(question)
    have = {_stem(w) for w in _words(text)}
    for asked in payees:
        if not asked & have and any(not {_stem(w) for w in _words(o.group(0))} <= asked | said
                                    for o in _PAYEES.finditer(text)):
            return False
    return True


@functools.lru_cache(maxsize=256)
def _payees_asked(question: str) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """The stems of the question's words ("… for home care": what is paid for, named as asked), and of each payee it
    names with the reports' words for them ("care agencies": providers), read once per question."""
    said = frozenset(_stem(w) for w in _words(question))
    payees = tuple(frozenset(_stem(_words(wording)[-1]) for wording in (who, *report_words(who)) if _words(wording))
                   for who in (m.group("who") or m.group("paid") for m in _PAYEE.finditer(question)))
    return said, payees  # by their last words: "home care agencies" are agencies (providers), not care workers


def price_per_unit_given(sentence: str, question: str) -> bool:
    """Whether the sentence gives a price per the unit of time the question asks it per (or the question
    asks no such price): a yearly budget does not answer "what hourly rate did the council pay"."""
    m = _ASKS_PER.search(question) if asks_money(question) else None
    if not m:
        return True
    if m.group(3):  # "per mile": an hourly rate does not say what is paid for each mile
        return bool(re.search(rf"\b(?:per|an?|each|every)\s+{m.group(3)}\b", sentence, re.IGNORECASE))
    unit = _UNITS[m.group(1).casefold()] if m.group(1) else m.group(2).casefold()
    return bool(re.search(rf"\b(?:per|an?|each|every)\s+{unit}\b|\b{_ADVERBS[unit]}\b|/\s*{unit[0]}", sentence, re.IGNORECASE))


#: A sum asked for a whole year or in all ("what does it cost the council each year", "the annual budget").
_ASKS_YEARLY = re.compile(r"\b(?:each|every|a|per) year\b|\bannual(?:ly)?\b|\byearly\b|\bin total\b|\baltogether\b",
                          re.IGNORECASE)
#: A sum given per hour, day, week, night or visit ("an extra £2.50 an hour"): a rate, not a total.
_RATE_SUM = re.compile(r"£\s?\d[\d,.]*\s*(?:an?|per|each|every)\s+(?:hour|day|week|night|visit)\b", re.IGNORECASE)


def yearly_sum_given(sentence: str, question: str) -> bool:
    """Whether a sum asked for a year or in all is given as a sum, not only as a rate per hour, day, week or visit
    (:data:`_RATE_SUM`): "an extra £2.50 an hour" does not say what a payment costs each year."""
    if not asks_money(question) or not _ASKS_YEARLY.search(question) or _ASKS_PER.search(question):
        return True
    return len(re.findall(r"£\s?\d", sentence)) > len(_RATE_SUM.findall(sentence))


#: A question about a change ("by how much did the waiting list fall", "what was the increase in fees") or a
#: difference from a plan ("spending more or less than planned, and by how much").
_ASKS_CHANGE = re.compile(r"\bhow (much|many) (more|fewer|less)\b|\b(by )?how (much|many) (did|has|had|have|was|were) .{0,60}\b(rise|"
                          r"fall|increase|decrease|drop|grow|go up|go down|change|reduce|shrink|overspend|underspend|go over|exceed)\b|"
                          # words between: "by how many days had the wait fallen", "how much had the number … grown"; a
                          # verb of a figure changing, in lower case ("the Fell Connectors" is a name), not "a fall",
                          # "to go down", "grown-up" or "drop off"
                          r"\bhow far (did|has|had|have) .{0,120}?\b(?-i:cut|reduced?|lowered?|brought down)\b|"  # "how far did
                          # the agency cut the backlog"
                          r"\b(?:(by )?how (much|many)(?: [\w-]+){0,2}?|how far) (did|has|had|have|was|were) .{0,120}?(?<!\ba )(?<!\bto )"
                          r"\b(?-i:ris(?:e|en)|rose|fall(?:en)?|fell|increased?|decreased?|drop(?:ped)?(?!\s+(?:off|in|out)\b)|"
                          r"grow(?:n)?|grew|go(?:ne)? up|go(?:ne)? down|come down|came down|went up|went down|shrunk)\b"
                          r"(?![-\w])|\b(?:by )?how (?:much|many) did .{0,120}?\bchange\b|"  # "how much did the number change"
                          r"\bwhat (was|is|were) "
                          r"the (\w+ )?(increase|rise|fall|reduction|drop|decrease|change|growth|uplift)\b|\b(more|less|fewer)( or (more|"
                          r"less|fewer))? than (it |they )?(had |has )?(planned|budgeted|set aside|allowed for)\b", re.IGNORECASE)
#: A sentence giving a change: a verb of rising or falling, "from … to …", "compared with"; a difference from a
#: plan ("overspent by £3.7 million" is how much more was spent than set aside) or in likelihood ("18% less likely").
#: "Extra" as more of something ("60 extra beds"), not in "extra care" (housing with care: "3 extra care schemes");
#: "falls" as accidents ("the falls prevention programme") is no fall.
_EXTRA = r"extra(?! care\b)"
_CHANGE = re.compile(r"\b(rose|risen|rise|rises|rising|fell|fallen|fall|(?<!\bthe )(?<!\bof )falls(?! prevention| service| team| "
                     r"programme| clinic| response| pathway| risk)|falling|increas\w*|decreas\w*|reduc\w*|"
                     r"drop\w*|grew|grown|growth|uplift\w*|went up|gone up|went down|gone down|halved|doubled|cut|"
                     r"overspen\w*|underspen\w*|over budget|under budget|deficit|shortfall|"
                     r"compared with|compared to|more than|fewer than|less than|(?:more|less) likely)\b|\bfrom\b[^.;]{1,60}\bto\b|"
                     rf"(?<![\w.,])\d[\d,.]*\s+(?:{_EXTRA}|additional|more|further|fewer)\b",  # "60 extra beds" is how many more
                     re.IGNORECASE)


#: A sentence telling how large a change was: "by 12%", "from 300 to 250", "up from £23.20", "60 fewer", "a 19% fall",
#: "an increase of 40", "halved", "a £3.7 million overspend", the level it came to ("had reduced to 486"), or a level set
#: against another's ("compared with 410").
_CHANGE_AMOUNT = re.compile(r"\bby\s+(?:about\s+|around\s+|almost\s+|nearly\s+|over\s+|more\s+than\s+|roughly\s+|"
                            r"some\s+|just\s+(?:over|under)\s+)?(?:£|\d|a\s+(?:third|quarter|half|fifth|tenth)|half|"
                            r"one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)|"
                            r"\bfrom\s+(?:an?\s+average\s+of\s+|about\s+|around\s+)?(?:£\s?)?\d[^.;]{0,50}?\bto\s+(?:£\s?)?\d|\b(?:up|down)\s+(?:from|on)\b|\bcompared\s+(?:with|to)\s+[^.;]{0,40}\d|"
                            rf"(?<![\w.,])\d[\d,.]*\s*(?:%|per\s*cent)?\s+(?:{_EXTRA}|additional|more|fewer|less|further)\b|"
                            r"\d\s*(?:%|per\s*cent|million|m|bn|billion|k)?\s+(?:rise|fall|increase|decrease|reduction|drop|cut|"
                            r"growth|overspend|underspend|deficit|shortfall|saving)s?\b|"
                            r"\b(?:increase|rise|fall|reduction|drop|decrease|cut|growth|saving|savings|overspend|underspend)\s+"
                            r"of\s+(?:about\s+|around\s+|almost\s+|nearly\s+|over\s+)?(?:£|\d)|"
                            r"\b(?:rose|risen|fell|fallen|increased|decreased|reduced|dropped|grew|grown|cut|saved)\s+"
                            r"(?:by\s+|to\s+)?(?:about\s+|around\s+|almost\s+|nearly\s+|over\s+)?(?:£\s?)?\d|"
                            r"\b(?:halved|doubled|tripled|trebled|quadrupled)\b", re.IGNORECASE)


def change_as_asked(sentence: str, question: str) -> bool:
    """Whether the sentence tells how large a change was when the question asks for one (or the question does not):
    "the waiting list stood at 300" does not say by how much it fell, nor does "a figure that had fallen over three
    years"."""
    return not _ASKS_CHANGE.search(question) or bool(_CHANGE.search(sentence) and _CHANGE_AMOUNT.search(sentence))


#: A question asking for a figure as it stood before a change ("how many households were in the pilot before it
#: was extended").
_ASKS_BEFORE = re.compile(r"\bbefore (?:it|they|the [\w-]+(?: [\w-]+)?) (?:was|were|had been|got) (?:extended|expanded|"
                          r"increased|enlarged|widened|grown|reduced|cut|scaled back|rolled out)\b|\bbefore (?:its|their|the) "
                          r"(?:[\w/-]+ ){0,3}?(?:recruitment|expansion|extension|increase|restructure|reorganisation)\b|"
                          r"\bbefore (?:the |any )?(?:extra|more|new|additional|further) [\w-]+ (?:were|was|had been) "
                          r"(?:moved|brought|added|recruited|hired|taken|put)\b|"
                          # "before numbers fell", "before the number of carers dropped"
                          r"\bbefore (?:the |its |their )?(?:numbers?|count|total|it|they)(?: of [\w-]+(?: [\w-]+)?)? "
                          r"(?:fell|dropped|declined|decreased|went down|shrank|rose|grew|increased|went up)\b",
                          re.IGNORECASE)
#: A figure as it stood after a change, with no earlier one: "had been extended to 400 households", "dropped to 11".
_AFTER_ONLY = re.compile(r"\b(?:extended|expanded|increased|enlarged|widened|grown|grew|reduced|cut|scaled back|"
                         r"rolled out|fell|fallen|dropped|declined|decreased|went down|shrank|rose|risen|went up) to (?:about |around |over |nearly |almost )?\d", re.IGNORECASE)

#: A count of what a change added: "recruited 9 new support workers", "12 extra beds".
_GAINED = re.compile(rf"\b(?:recruit(?:ed|ing|s)?|hired|took on|taken on|added)\b[^.;]{{0,40}}?\d|(?<![\d,])\d[\d,]*+ (?:new|"
                     rf"{_EXTRA}|additional)\b", re.IGNORECASE)
#: A change given with its starting figure: "from 150 to 400".
_FROM_TO = re.compile(r"\bfrom (?:about |around |over )?\d[\d,.]*\b[^.;]{0,60}?\bto\b", re.IGNORECASE)
#: A question asking how things stood before a new way of working came in ("before it moved to the dynamic
#: purchasing system", "before the hub was launched").
_ASKS_BEFORE_SWITCH = re.compile(r"\bbefore (?:it|they|the [\w-]+(?: [\w-]+)?) (?:moved|switched|changed|transferred|"
                                 r"went over|converted) (?:to|over)\b|\bbefore (?:the|its|their) (?:[\w/-]+ ){0,4}?"
                                 r"(?:was|were) (?:introduced|launched|set up|brought in|adopted|created|started|agreed|signed|"
                                 r"awarded|put in place)\b|"
                                 # "before the open-book exercise set the rate", "before Derbyshire trained 22 assessors"
                                 r"\bbefore (?:the|its|their|it|they|(?-i:[A-Z])[\w-]*)(?: [\w/-]+){0,3}? (?:set|agreed|"
                                 r"introduced|launched|trained|recruited|hired|opened|replaced|brought in|restructured|"
                                 r"reorgani[sz]ed|redesigned|merged)\b",
                                 re.IGNORECASE)
#: Words that speak of how things stood earlier: "previously", "until 2023", "had been", "from 14 zones to 9".
_EARLIER_STATE = re.compile(r"\b(?:previously|formerly|before|until|used to|had been|prior to|earlier|replaced|"
                            r"instead of)\b", re.IGNORECASE)


#: When something began, and what began ("when it was set up", "at its launch").
_WHEN_IT = r"when (?:it|they|the [\w-]+(?: [\w-]+)?) (?:was |were )?"
_BEGAN = r"(?:set up|launched|started|began|opened|established|created|formed)"
_AT_START = r"at (?:its|their|the) (?:launch|start|outset|beginning)"
#: A question asking how things stood when something began ("when it was first set up", "at its launch",
#: "initially"); "when it opened in 2023" or "at the start of 2025" only dates the question.
_ASKS_AT_START = re.compile(rf"\b{_WHEN_IT}first {_BEGAN}\b|\b{_AT_START}\b(?! of)|\b(?:originally|initially|to begin "
                            r"with|at first)\b", re.IGNORECASE)
#: Words that speak of how things stood at a start: "when it was set up", "initially", "started with 40".
_START_STATE = re.compile(rf"\b(?:{_WHEN_IT}(?:first )?{_BEGAN}|initially|at first|{_AT_START}|"
                          r"(?:started|began|opened|launched) with)\b", re.IGNORECASE)


def before_as_asked(sentence: str, question: str) -> bool:
    """Whether a figure asked as it stood before a change is not given only as it stood after, or as what the
    change added: "extended to 400 households" is the pilot's size since, "recruited 9 new support workers" the
    drive's gain, neither the size before; "from 150 to 400 households" gives both. Asked how things stood before
    a new way of working, the sentence must speak of the earlier state: "commissioned through a dynamic purchasing
    system covering 9 zones" is how it stands now; asked how things stood when something began ("when it was first
    set up"), of that start ("initially", "started with 40", "from 40 to 112")."""
    if _ASKS_BEFORE_SWITCH.search(question) and not (_EARLIER_STATE.search(sentence) or _FROM_TO.search(sentence)):
        return False
    if _ASKS_AT_START.search(question) and not (_START_STATE.search(sentence) or _FROM_TO.search(sentence)):
        return False  # "had 112 members" is how many it has, not how many it had when set up
    return (not _ASKS_BEFORE.search(question) or not (_AFTER_ONLY.search(sentence) or _GAINED.search(sentence))
            or bool(_FROM_TO.search(sentence)))


#: A change that only dates what is asked ("what hourly rate did it pay *before its fee uplift*"): no change is asked.
_DATED_BY_CHANGE = re.compile(r"\b(?:before|after|since|prior to|until)\s+(?:its|the|their|any|this|that)?\s*(?:[\w/-]+\s+){0,3}?"
                              r"(?:uplift|increase|rise|change|reduction|cut)\b", re.IGNORECASE)


def asks_money(question: str) -> bool:
    """Whether the question asks for a sum of money."""
    question = _DATED_BY_CHANGE.sub(" ", question)
    return bool(_ASKS_MONEY.search(question) or _ASKS_PRICE.search(question) or _MONEY_BOUND.search(question))


#: A bound in pounds ("Does it pay carers more than £400 a week?"): whether the sum passes it is in the sum.
_MONEY_BOUND = re.compile(r"\b(?:(?:more|less) than|over|under|above|below|at least|at most|up to)\s+£\s?\d", re.IGNORECASE)


#: A question asking for a share ("what percentage of", "what proportion").
_ASKS_SHARE = re.compile(r"\b(?:in|as an?) (?:per ?cent|percentages?)\b|"  # "how many calls get sorted there, in percent"
                         r"\b(what|which) (percentage|proportion|share|fraction|per ?cent)\b|\b(?:out of|in) every (?:hundred|100)\b|\b(percentage|proportion|"
                         r"fraction) of\b|\bhow many per ?cent\b|\b(?:what|which)\s*%|\b(?:biggest|largest|highest|greatest|smallest|lowest) "
                         r"share of\b", re.IGNORECASE)
#: A share as reports give it: "71%", "12 per cent", "half", "two-thirds", "one in five", "3 out of 10"; not how
#: often or which part of a year ("every quarter", "in the first quarter"), nor a superlative ("the most deprived").
_SHARE = re.compile(r"\d\s*(%|per ?cent\b|percent\b)|\b(?<!every )(?<!each )(?<!per )(?<!once a )(?<!twice a )(?<!first )"
                    r"(?<!second )(?<!fourth )(?<!last )(?<!next )(?<!this )(?<!that )"
                    r"(half|halves|third|thirds|quarter|quarters|fifth|fifths|tenth|"
                    r"majority|(?<!ethnic )minority(?! ethnic)|(?<!the )most|all|none|few)\b|\b(one|\d+) in (every )?(\d+|two|three|four|five|six|seven|"
                    r"eight|nine|ten)\b|\b\d+ (out )?of (every )?\d+\b", re.IGNORECASE)


#: A rate asked for that is a share ("the vacancy rate", "the uphold rate"), not a price or a count per something.
_ASKS_RATE = re.compile(r"\brates?\b", re.IGNORECASE)
_PRICED = re.compile(r"\b(hourly|weekly|daily|annual|pay|paid|fee|fees|price|tax|interest|birth|death|mortality)\b|\bper\b|"
                     r"\b(?:home care|care home|residential(?: care)?|nursing(?: care)?|standard|usual|bed) rates?\b",  # a price paid
                     re.IGNORECASE)


def asks_share(question: str) -> bool:
    """Whether the question asks for a share of something ("what percentage of carers …", "the vacancy rate")."""
    return bool(_ASKS_SHARE.search(question)
                or _ASKS_RATE.search(question) and not _PRICED.search(question) and not asks_money(question))


#: A share asked of what people said or felt ("what percentage said they were satisfied", "how many felt safe"):
#: a survey's answer ("the report" and "were upheld" ask for no one's answer).
_ASKS_SAID = re.compile(r"\b(?:said|say|says|felt|feel|feels|agreed|agree|told|responded)\b", re.IGNORECASE)
#: What tells a figure is an answer people gave: a verb of saying or feeling, a survey, its respondents, satisfaction.
_GIVES_SAID = re.compile(r"\b(?:said|say|says|saying|reported|reporting|felt|feel|feels|feeling|agreed|agree|told|telling|"
                         r"responded|respondents?|responses?|rated|rating|surveys?|surveyed|questionnaires?|satisf\w*|"
                         r"described|thought|considered|believed)\b", re.IGNORECASE)


def said_as_asked(sentence: str, question: str) -> bool:
    """Whether a share asked of what people said or felt ("what percentage said they were satisfied") is given
    as what people said, felt or answered in a survey: "37.6% of the budget" is no one's answer. Asked in plain words
    for a deed the reports name otherwise ("complaints the council agreed were justified" were upheld), it asks no one's
    answer."""
    return not (asks_share(question) and _ASKS_SAID.search(in_report_words(question))) or bool(_GIVES_SAID.search(sentence))


def has_share(text: str) -> bool:
    """Whether the text gives a share (a percentage, a fraction, "one in five", "most")."""
    return bool(_SHARE.search(text))


#: A question asking for a share as a percentage ("what percentage of calls", "what % of people").
_ASKS_PERCENTAGE = re.compile(r"\bpercentage\b|\bper ?cent\b|\bpercent\b|%", re.IGNORECASE)
#: A share given as a figure ("in 92% of visits", "one in five", "3 of the 12"), which says what percentage, and can
#: say how often; "most of them" does neither.
_SHARE_FIGURE = re.compile(r"\d\s*(?:%|per ?cent\b|percent\b)|\b(?:one|two|three|four|\d+)\s+(?:in|out of)\s+(?:every\s+)?"
                           r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b|\b\d+ of (?:the|its|their) (?:\d+|ten|five|"
                           r"four|three)\b", re.IGNORECASE)


def percentage_given(sentence: str, question: str) -> bool:
    """Whether a share asked as a percentage is given as a figure: "Most contacts came through the hub" does not say
    what percentage did."""
    return not _ASKS_PERCENTAGE.search(question) or bool(_SHARE_FIGURE.search(sentence))


#: Numbers from two to twelve in words, as reports write small counts ("four providers had left").
_FEW_WORDS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
#: A question asking how many things there are in a list or body ("how many providers are on its framework").
_ASKS_STOCK = re.compile(r"\bhow many\b[^?]{0,80}?\b(?:are|were|is|was)\s+(?:there\s+)?(?:on|in|part of|registered|listed|"
                         r"signed up)\b|\bhow many\s+(?:[\w'’-]+\s+){0,3}?(?:work|works|worked|sit|sits|serve|serves)\s+"
                         r"(?:in|on|at|for|within)\b", re.IGNORECASE)  # "how many staff work in the hub"
#: A count of things that came or went ("four providers had left the framework", "12 homes closed", "lost three staff").
_FLOW = re.compile(rf"(?<![\w.,£])(?:\d[\d,]*|{_FEW_WORDS})\s+(?:[\w'’-]+\s+){{0,3}}?"
                   rf"(?:had\s+|have\s+|has\s+)?(?:left|joined|closed|opened|withdrawn|withdrew|exited|dropped out|handed back|"
                   rf"been (?:added|removed|suspended))\b|"
                   rf"\b(?:lost|gained|recruited|hired|shed)\s+(?:(?:a|an)\s+(?:further|extra|additional)\s+)?"
                   rf"(?:\d[\d,]*|{_FEW_WORDS})\b", re.IGNORECASE)  # "the hub lost three experienced staff"


#: The counts in a sentence, a thing's size among them ("a 70-bed home"): not years, dates' days or shares.
_COUNTS_IN = re.compile(rf"(?<![\w.,£/])(?:(?!(?:19|20)\d\d\b)\d[\d,]*+(?!\s*%)(?!/)|{_FEW_WORDS})\b", re.IGNORECASE)


def stock_not_flow(sentence: str, question: str) -> bool:
    """Whether a count asked of what a list or body holds ("how many providers are on the framework") is given by a
    count that is not only of those who left or joined it: "four home care providers had left the framework"."""
    if not _ASKS_STOCK.search(question) or _FLOW.search(question):
        return True
    return len(_COUNTS_IN.findall(sentence)) > len(_FLOW.findall(sentence))


def has_money(text: str) -> bool:
    """Whether the text states a sum of money."""
    return bool(_MONEY.search(text))


#: How often something happens: "monthly", "every six weeks", "twice a year", "each quarter"; not a rate of
#: something else ("£450 a year", "380 hours a week").
_FREQUENT = re.compile(r"\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly|bi-?monthly|bi-?weekly|"
                       r"twice-yearly|half-yearly)\b|\bevery (?:day|week|fortnight|month|quarter|year|morning|evening|"
                       r"working day|weekday|other (?:day|week|month)|(?:(?:\d+|two|three|four|five|six|eight|ten|twelve)"
                       r"\s*(?:to|or|-|–)\s*)?(?:\d+|two|three|four|five|six|eight|ten|twelve|few) "
                       r"(?:days|weeks|months|years|hours))\b|\b(?:once|twice|three times|four times|\d+ times|several times) "
                       r"(?:a|an|per|each|every) (?:day|week|fortnight|month|quarter|year)\b|"
                       r"\beach (?:day|week|fortnight|month|quarter|year)\b", re.IGNORECASE)


#: "How long has/had … been …?": a time since a start, which "in post since 2022" gives.
_ASKS_SINCE = re.compile(r"\bhow long (?:has|have|had)\b[^?]{0,120}\bbeen\b", re.IGNORECASE)
_SINCE = re.compile(r"\b(?i:since) (?:(?:early|late|mid|the end of|the start of)\s+)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b")


def since_as_asked(sentence: str, question: str) -> bool:
    """Whether a question asking how long something has been so ("How long has the director been in post?") is
    answered by when it began ("had been in post since 2022")."""
    return bool(_ASKS_SINCE.search(question) and _SINCE.search(sentence))


def has_frequency(sentence: str) -> bool:
    """Whether the sentence says how often something happens ("met monthly", "every eight weeks")."""
    return bool(_FREQUENT.search(sentence))


#: A count of the times something happened ("used an interpreter 3 times in 2023/24", "on 12 occasions").
_TIMES_COUNTED = re.compile(rf"\b(?:once|twice|(?:\d[\d,]*|{_NUMBER_WORDS}) times|on (?:\d[\d,]*|{_NUMBER_WORDS}) occasions)\b",
                            re.IGNORECASE)


def counts_times(sentence: str) -> bool:
    """Whether the sentence counts the times something happened, which says how often it did over its period."""
    return bool(_TIMES_COUNTED.search(sentence))


def figure_test(question: str, answer_type: str):
    """What tells a clause that gives the kind of figure a question asks for: a length of time, a sum of money,
    a share, or any count."""
    if answer_type == "duration":
        return has_duration
    return has_share if asks_share(question) else has_money if asks_money(question) else has_count


#: Nouns a report uses for the counted things a question names, by stem: "34 people were placed"
#: answers "how many residents were placed" (not the other way round: "people" is the wider word),
#: and "in 24 locations" answers "in how many places".
_PLACES = {"place", "location", "site", "venue", "setting"}
_HOMES = {"home", "household"}
#: Posts in a workforce, however they are called ("4.5 vacant occupational therapist posts" answers "how many … jobs").
_POSTS = {"job", "post", "vacancy", "position"}
#: The parts an area is split into for its services, however they are called ("home care reorganised into 5 zones"
#: answers "into how many areas").
_AREA_PARTS = {"area", "zone", "locality", "patch", "district", "quadrant"}
#: What is asked of the council in writing, however called ("1,870 applications awaiting assessment" answers "how many
#: DoLS requests").
_REQUESTS = {"request", "application"}
#: What a report counts the "cases" a question asks about by ("recorded in 58% of enquiries" for "in how many
#: safeguarding cases", "1,020 DoLS applications waiting" for "how many DoLS cases"): a case is one piece of the
#: council's work, not a person.
_CASES = {"case", "enquiry", "referral", "concern", "application"}
#: Staff of one trade, whom a report counts as its workers ("trained 85 new care workers" answers "how many new care
#: staff"); "social care staff" are the whole workforce, and "staff" alone are not only one trade's workers.
_TRADE_STAFF = re.compile(r"(?<!social )\b(?:care|support|home care)\s+staff\b", re.IGNORECASE)
#: People counted as in or on a body ("how many people are in the Voices for Change group", "sit on the board"): its
#: members ("which had 34 members").
_IN_A_BODY = re.compile(r"\bhow many\s+(?:people|residents|carers|individuals|councillors)\s+(?:are|were|sit|sat|serve|served)\s+"
                        r"(?:in|on)\b", re.IGNORECASE)
#: People counted as waiting ("how many people were still waiting for a liberty safeguards check", "are stuck
#: waiting"), whom a report may count by their pending cases: one application, referral or request each ("1,120
#: applications were awaiting assessment").
_PEOPLE_WAITING = re.compile(r"\bhow many\s+(?:people|adults|residents|individuals)\s+(?:[\w'’-]+\s+){0,6}?"
                             r"(?:(?:are|were|was|is)\s+(?:(?:still|stuck|currently|now|left)\s+)?(?:waiting|awaiting)|waited|"
                             r"on (?:the|a|its|their) waiting list)\b",
                             re.IGNORECASE)
PENDING_CASES = frozenset({"application", "referral", "request"})
#: A council's own workers ("how many council workers", "its employees"), whom a report counts as its staff ("46 staff
#: were paid a language allowance"); "care workers" are one trade's.
_OWN_WORKERS = re.compile(r"\b(?:council|its|their|the council's|the local authority's)\s+(?:workers|employees)\b",
                          re.IGNORECASE)
#: What "how many times" something was done is counted by: its occasions, when they are of the thing asked
#: ("booked 312 interpreter sessions" for "how many times … interpreters"; not "received 21,300 contacts").
_OCCASIONS = {"occasion", "session", "visit", "booking", "call", "contact", "episode", "instance"}
#: Words a question (or a report) counts people in general by ("6,200 residents took part"), where users, clients,
#: patients and members are people of something.
PEOPLE_NOUNS = frozenset({"people", "person", "adult", "resident", "individual", "citizen", "folk"})
_KINDRED = {**{noun: {noun, "people", "person"} for noun in ("resident", "adult", "individual", "citizen", "user", "client", "teenager", "youngster",
                                                             "patient", "member", "old")},  # "17 year olds"
            **{noun: PEOPLE_NOUNS for noun in ("people", "person", "folk")},
            **{noun: group for group in (_PLACES, _HOMES, _POSTS, _AREA_PARTS, _REQUESTS) for noun in group},
            "case": _CASES, "recruit": {"recruit", "worker", "staff", "employee", "starter"},  # recruits are new staff
            "bed": {"bed", "place"}, "place": _PLACES | {"bed"},  # a care home's beds are its places
            "help": {"help", "support"}, "support": {"support", "help"}}  # "waiting for help" is waiting for support


def kindred_nouns(nouns: set[str]) -> set[str]:
    """The nouns a report may count the same things by ("residents" are counted as "people")."""
    return {alike for noun in nouns for alike in _KINDRED.get(noun, {noun})}


#: A question asking for a count ("how many"), not a share: "31% of young people" does not answer it.
_COUNTS = re.compile(r"\bhow many\b(?! of\b| per ?cent| percent)(?![^?]{0,80}\b(?:out of|in) every (?:hundred|100)\b)"
                     r"(?![^?]{0,120}\b(?:in|as an?) (?:per ?cent|percentages?)\b)|\bhead ?count\b|\bas an? (?:actual |raw )?(?:number|count)\b|"
                     r"(?:^\s*|\bthe |\bwhat )(?:total |overall |actual )?number of\b", re.IGNORECASE)  # "how many of its staff …, as
# an actual headcount", "what is the total number of complaints" and "what number of people" want no share


#: A count of part of a whole: "how many of <the whole> <what the part did>" or "of <the whole>, how many <…>", the
#: whole's figure read whole ("Of the 3,260 concerns it received, how many were about self-neglect?").
_PART_OF = re.compile(r"\bhow many of\s+(?P<rest>[^?]{2,200})|\bof\s+(?P<whole>(?:[^,?]|(?<=\d),(?=\d{3}))"  # "the 3,260 concerns"
                      r"{2,160}),\s*how many\s+(?P<cond>[^?]{2,200})",
                      re.IGNORECASE)
#: A count of those on a list who were something: "how many people on its waiting list *were rated amber*".
_COUNT_ON_LIST = re.compile(r"\bhow many\s+(?:[\w'’/-]+\s+){1,6}?(?:on|in)\s+(?:[\w'’/-]+\s+){0,6}?(?:list|register|"
                            r"caseload|backlog|queue)\s+(?P<cond>(?:were|was|had been|have been|are|is)\s+(?!there\b)"
                            r"[^?]{2,120})", re.IGNORECASE)
#: A count (or share) of the things of a kind that had to do with something: "how many safeguarding concerns *involved
#: cuckooing*", "what proportion of concerns *involved scams*".
_COUNT_INVOLVING = re.compile(r"\b(?:how many|what (?:share|proportion|percentage|per ?cent)(?: of)?)\s+(?:[\w'’/-]+\s+){1,12}?"
                              r"(?P<cond>(?:involved|involving|related to|relating to|concerned|were about|was about|"
                              r"were for|was for|were linked to|linked to)\s+[^?]{2,120})", re.IGNORECASE)
#: Verbs that end the whole's noun phrase in "how many of the complaints *were* upheld" (a past form in "-ed" does too).
_PART_VERBS = {"did", "do", "does", "were", "was", "are", "is", "have", "has", "had", "can", "could", "will", "would",
               "came", "went", "got", "made", "took", "gave", "became", "led", "fell", "rose", "grew", "left", "met",
               "paid", "sent", "spent", "kept", "found", "felt", "brought", "won", "lost", "live", "lived", "need",
               "needs", "use", "uses", "used", "related", "involve", "involves", "involving", "come",
               "comes", "moved", "waited", "stayed"}
#: Periods and dates that may stand in either part ("in 2023/24", "by March 2025"): no part of what is counted.
_PART_PERIOD = re.compile(r"\b(?:in|during|for|by|since|at)\s+(?:the\s+)?(?:(?:year|financial year)\s+)?"
                          r"(?:(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?|[A-Z][a-z]+\s+(?:19|20)\d{2})", re.IGNORECASE)
#: The auxiliary of a question put in the perfect ("In how many of its four localities *have* teams been set up?"),
#: which stands before the part's subject, and the "been" that stands after it.
_PERFECT = {"have", "has", "had"}
_BEEN_BEFORE = re.compile(r"\bbeen\s+$", re.IGNORECASE)


#: A count of those living or placed out of the area: "how many people with a learning disability *live in placements
#: outside the borough*" ("live in Fenwick" is where they are counted, not a part of them).
_COUNT_LIVING = re.compile(r"\bhow many\s+(?:[\w'’/-]+\s+){1,10}?(?P<cond>(?:live|lived|living|(?:are|were) (?:living|placed)|"
                           r"placed|stay|stayed|staying)\s+(?:[\w'’-]+\s+){0,3}?(?:outside|out of|away from)\s+[^?]{2,80})",
                           re.IGNORECASE)


def part_condition(question: str) -> str:
    """What a count of part of a whole says the part did or was, from the question's last verb: "how many of
    the concerns Rochdale received in 2023/24 related to self-neglect" → "related to self-neglect"; "Of the
    young people who moved …, how many were autistic?" → "were autistic"; "how many safeguarding concerns involved
    cuckooing" → "involved cuckooing"; "how many people with a learning disability live in placements outside the
    borough" → "live in placements outside the borough"; "" for any other question."""
    m = _PART_OF.search(question)
    if not m:  # "how many safeguarding concerns involved cuckooing", "how many people on its list were rated amber",
        # "how many people … live in placements outside the borough"
        m = _COUNT_INVOLVING.search(question) or _COUNT_ON_LIST.search(question) or _COUNT_LIVING.search(question)
        return _PART_PERIOD.sub(" ", m.group("cond")).strip() if m else ""
    if m.group("cond"):
        return _PART_PERIOD.sub(" ", m.group("cond")).strip()
    rest = m.group("rest")
    seen_noun, last, inverted = False, None, None
    for t in _TOKEN.finditer(rest):
        w = t.group(0).casefold().strip("'’")
        if seen_noun and (w in _PART_VERBS or w.endswith("ed") and len(w) > 4):
            last = t.start()  # the last verb: "the concerns Rochdale received … *related* to self-neglect"
        if seen_noun and inverted is None and w in _PERFECT:
            inverted = t.end()
        seen_noun = seen_noun or w not in _DETERMINERS and not w.endswith(("'s", "’s")) and not w.isdigit()
    if last is not None and inverted is not None and inverted < last and _BEEN_BEFORE.search(rest[:last]):
        last = inverted  # "in how many of its localities have *integrated teams been set up*": the subject too
    return _PART_PERIOD.sub(" ", rest[last:]).strip() if last is not None else ""


#: Asks how long a list is ("How long was the waiting list for the Multiple Disadvantage Team?"): how many are on it, not
#: how long they wait ("How long were people on the waiting list?" is a wait).
LIST_LENGTH = re.compile(r"\bhow long (?:is|was|are|were) (?:the |its |their |[\w'’ -]{1,40}?['’]s? )?"
                         r"(?:(?!on\b|in\b|for\b)[\w-]+ ){0,3}?(?:waiting list|waitlist|wait list|queue|backlog)s?\b|"
                         r"^\s*(?:and\s+)?what (?:is|was) (?:the |its |[\w'’ -]{1,40}?['’]s? )?"
                         r"(?:(?!on\b|in\b|for\b|of\b|the\b)[\w-]+ ){0,3}?(?:waiting list|waitlist|wait list|backlog)\b"
                         r"(?![^?]*\b(?:like|doing|done|managed|handled|made up of)\b)"
                         r"(?=[^?]*(?:\b(?:19|20)\d{2}\b|\bat the (?:time|end|start)\b|\bnow\b|\bcurrently\b))",
                         re.IGNORECASE)  # and "what was its waiting list back in March 2023": its length then


#: A question asking how many, as a count or as a part ("how many of its concerns had waited more than a month").
_ASKS_COUNT_OR_PART = re.compile(r"\bhow many\b", re.IGNORECASE)


def asks_how_many(question: str) -> bool:
    """Whether the question asks for a count ("how many", or how long a list is), not a share."""
    return bool(_COUNTS.search(question) or LIST_LENGTH.search(question))


#: A count of part of a whole set first: "Of the people who …, how many …", "Out of its 420 referrals, how many …";
#: or of the cases something happened in: "In how many enquiries did staff record …?".
_WHOLE_FIRST = re.compile(r"^\s*(?:(?:in|for|at) [\w'’ -]{1,40},\s*)?(?:and\s+)?(?:out\s+)?of\s+[^?]{2,200},\s*how many\b|"
                          r"^\s*(?:and\s+)?in how many\b", re.IGNORECASE)  # "In Barnet, out of everyone who …, how many …"


def wants_a_number(question: str) -> bool:
    """Whether a "how many" question is answered only by a number, not a share: not when it counts part of
    a whole ("how many of the carers …", "of the carers who …, how many …", "in how many enquiries …"), nor those
    whom a service left in a state ("how many … were still living at home three months later", "ended up needing no
    further care"), which "84% were" answers too; nor a change in a count ("by how much did the number of admissions
    drop"), which "a 19% fall" answers."""
    return asks_how_many(question) and not _WHOLE_FIRST.search(question) and not _OUTCOME_COUNTED.search(question) \
        and not _ASKS_BY_HOW_MUCH.search(question)


#: An outcome a service left people in, which reports give as a share of those it served: "were still living in their
#: own homes three months later", "ended up needing no further care".
_OUTCOME_COUNTED = re.compile(r"\b(?:were|was) still (?:living|at home|in their)|\bended up (?:needing|going home|back (?:at|in))|"
                              r"\bneed(?:ed|ing)? no (?:further|ongoing|more|long-term)\b", re.IGNORECASE)


def is_number_word(word: str) -> bool:
    """Whether a word states a number: digits ("1,980"), a number word ("fourteen"), or both joined ("twenty-two")."""
    return bool(word.replace(",", "").replace(".", "").isdigit() or _COUNT.fullmatch(word)
                or "-" in word.strip("-") and all(_COUNT.fullmatch(part) for part in word.split("-") if part))  # not a bullet's "-"


#: A number in figures ("31", "41.3", "1,980"), matched from its first digit only.
_FIGURES = re.compile(r"(?<![\d,.])\d[\d,.]*")
#: What makes the number before it a percentage.
_PERCENT_SIGN = re.compile(r"\s*(?:%|per ?cent\b|percent\b)", re.IGNORECASE)


def _share_spans(sentence: str) -> list[range]:
    """Where the numbers of the sentence's percentages stand ("31%", "41.3 %", "12 per cent"), as
    character ranges, found in one pass."""
    return [range(*m.span()) for m in _FIGURES.finditer(sentence) if _PERCENT_SIGN.match(sentence, m.end(), m.end() + 12)]


#: Numbers that are not a count of things: a label ("section 42", "stage 2"), an age ("aged 16 to 25", "from
#: age 14", "over-65s", "before they turned 18", "when a young person was 17", "their 18th birthday"), a sum of money
#: ("£25.10") or a day of a month ("between 8 and 19 September"); "young carers aged 16 to 25" says nothing of how many
#: young carers there were.
_NOT_COUNTS = re.compile(r"\b(?:section|s\.|article|schedule|part|level|stage|tier|phase|band|grade|step|page|paragraph|"
                         r"chapter|clause)\s+\d+(?![\d,.])\b|\b(?:aged?|ages)\s+(?:of\s+|between\s+|from\s+|over\s+|under\s+)?\d+(?:\s*(?:to|and|-|–)\s*\d+)?|"
                         r"\bturn(?:s|ed|ing)?\s+\d\d(?=\s*(?:[.,;:)]|$|\s+(?:in|and|or|before|during|while|when|but|so)\b))|"
                         r"\b(?:person|child|man|woman|adult|he|she|they)\s+(?:was|were|is|are)\s+\d\d(?=\s*(?:[.,;:)]|$|"
                         r"\s+(?:and|or|before|when|but|so|years?)\b))|\b\d\d(?:st|nd|rd|th)\s+birthday\b|"
                         r"\b(?:approaching|nearing)\s+(?:the\s+age\s+of\s+)?\d\d\b(?![\d,.%]|\s+(?:people|adults|carers|staff|"
                         r"workers|residents|homes|beds|cases|referrals)\b)|"
                         r"\b\d+(?:\s*(?:to|-|–)\s*\d+)?[\s-]+years?[\s-]+olds?\b|\b(?:over|under)[\s-]\d+s\b|"
                         r"£\s*\d[\d,.]*(?:\s*(?:million|billion|thousand|m|bn|k)\b)?|"
                         rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:and|to|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:{'|'.join(MONTHS)})\b",
                         re.IGNORECASE)


#: A number of things per day, week or month ("110 new people each month"): a rate, not a period's count.
_PER_TIME = re.compile(r"(?<![\d,.])\d[\d,.]*(?:\s+[\w'’-]+){0,4}?\s+(?:each|per|a|an|every)\s+(?:day|week|month)\b", re.IGNORECASE)


def _not_count_spans(sentence: str, question: str) -> list[range]:
    """Where the sentence's ages, sums of money and (unless the question asks for one) counts per day,
    week or month stand, as character ranges: numbers there do not count what a "how many" question asks."""
    spans = [range(*m.span()) for m in _NOT_COUNTS.finditer(sentence)]
    if not _PER_TIME_ASKED.search(question):
        spans += [range(m.start(), m.start() + len(m.group(0).split()[0])) for m in _PER_TIME.finditer(sentence)]
    return spans


#: A question that itself asks for a count per unit of time ("how many a week", "each month", "on an average day").
_PER_TIME_ASKED = re.compile(r"\b(?:each|per|a|an|every|average|typical|given|any|single)\s+(?:day|week|month)\b|"
                             r"\b(?:daily|weekly|monthly)\b", re.IGNORECASE)


#: Number words that give a share, not a count ("a quarter of homes", "once a quarter").
_FRACTIONS = {"half", "halves", "third", "thirds", "quarter", "quarters", "majority", "minority"}
#: Words that say roughly how many without a number ("few homes could", "hundreds of calls"): they do not
#: answer "how many".
_VAGUE = {"few", "several", "dozens", "hundreds", "thousands"}


def states_an_amount(sentence: str) -> bool:
    """Whether the sentence gives an amount more definite than :data:`_VAGUE` words do: "Several organisations said
    their grants had been cut" does not say how much was cut."""
    return any(m.group(0).casefold() not in _VAGUE for m in _COUNT.finditer(sentence))


def doers_described(nouns: set[str], sentence: str) -> set[str]:
    """"people" when the sentence counts as "people sleeping rough" those the question names by what they do ("rough
    sleepers", "smokers"): a count of people doing it counts them."""
    doers = {n[:-2] for n in nouns if n.endswith("er") and len(n) > 4}
    return {"people"} if any(re.search(rf"\bpeople {re.escape(d)}{re.escape(d[-1])}?ing\b", sentence, re.IGNORECASE)
                             for d in doers) else set()


#: How many words after a number its counted noun may stand ("96 people", "26 older people"); the capitalised words
#: of a name inside the phrase count as none ("109 approved Shared Lives carers"), up to NAME_WORDS of them.
COUNTED_REACH = 3
NAME_WORDS = 4


def _within_reach(tokens: list[str]) -> list[str]:
    """The first tokens of the phrase after a number in which its counted noun may stand: COUNTED_REACH words,
    besides the words of a name within it."""
    out, plain, named = [], 0, 0
    for t in tokens:
        capital = t[:1].isupper()
        if (plain >= COUNTED_REACH) or (capital and named >= NAME_WORDS):
            break
        out.append(t)
        named, plain = named + capital, plain + (not capital)
    return out


def _acts_on(phrase: list[str], word: str) -> bool:
    """Whether ``word`` starts what the plural noun before it does or did ("420 volunteers *providing* lifts", "640
    people *used* sensors"), which ends the counted phrase; a word in "-ing" or "-ed" before a noun describes it
    instead ("12 training sessions", "40 trained staff")."""
    return bool(phrase) and _looks_plural(phrase[-1].casefold()) and (
        word.casefold().endswith("ing") and len(word) > 5 or word.casefold().endswith("ed") and len(word) > 3)


def _counts_another(after: str, nouns: set[str]) -> bool:
    """Whether a number followed by the text ``after`` counts a thing other than ``nouns``: the last plural
    noun of the phrase just after it, not a possessive, is another ("96 people placed in care homes" does not
    count care homes, "64 home care providers" counts providers, "2,900 carers' assessments" counts
    assessments, not carers). The phrase ends at punctuation, at a verb or preposition, or at what its plural
    noun does ("420 volunteers providing lifts" counts volunteers)."""
    tokens = _TOKEN.findall(_PHRASE_BREAK.split(after, 1)[0])
    reach = _within_reach(tokens)
    heads = _phrase_heads(reach)
    plurals = [w for w in heads if _looks_plural(w)]
    return bool(plurals) and _stem(plurals[-1]) not in nouns and not _occasions_of(heads, plurals[-1], nouns) \
        and not _runs_on_to(tokens, len(reach), nouns)


def _runs_on_to(tokens: list[str], reach: int, nouns: set[str]) -> bool:
    """Whether the phrase after a number runs on, just past the words read for its noun, to a noun asked about: in
    "two additional best interests assessors" the plural "interests" describes the assessors counted."""
    if len(tokens) <= reach:
        return False
    following = tokens[reach].casefold()
    return _looks_plural(following) and _stem(following) in nouns \
        and _phrase_heads(tokens[: reach + 1])[-1:] == [following]


def _occasions_of(heads: list[str], head: str, nouns: set[str]) -> bool:
    """Whether a phrase counting occasions ("BSL interpreter sessions") counts the times of a thing asked about
    ("how many times … interpreters"): its other words name it."""
    return "time" in nouns and _stem(head) in _OCCASIONS and any(_stem(w) in nouns for w in heads if w != head)


def _phrase_heads(tokens: list[str]) -> list[str]:
    """The words of the noun phrase the tokens begin, casefolded, without possessives ("carers'") or numbers: the
    phrase ends at a verb or preposition, at what its plural noun does ("volunteers *providing* lifts"), or at "of"
    after a plural ("Directors *of* Adult Social Services" counts directors)."""
    phrase: list[str] = []
    for w in tokens:
        if w.casefold() in _PHRASE_END or _acts_on(phrase, w) \
                or w.casefold() == "of" and phrase and _looks_plural(phrase[-1].casefold()):
            break
        phrase.append(w)
    return [w.casefold() for w in phrase if not w.endswith(("'", "’", "'s", "’s")) and not is_number_word(w)]


#: How much text after a number is read for the noun it counts (a few words; bounded, so that a sentence
#: of many numbers is read in linear time).
PHRASE_CHARS = 100
#: Punctuation that ends the phrase after a number (not the comma or point inside one: "1,020", "41.3").
_PHRASE_BREAK = re.compile(r"[,.](?!\d)|[;:()\[\]]")


def _tokens_within(starts: list[int], spans: list[range]) -> set[int]:
    """The indices of the tokens (by their start, in text order) that start inside any of the spans, in
    one pass over both: a sentence of thousands of percentages is read in linear time."""
    merged: list[list[int]] = []
    for span in sorted(spans, key=lambda r: r.start):
        if merged and span.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span.stop)
        else:
            merged.append([span.start, span.stop])
    out, j = set(), 0
    for i, start in enumerate(starts):
        while j < len(merged) and merged[j][1] <= start:
            j += 1
        if j < len(merged) and merged[j][0] <= start:
            out.add(i)
    return out


#: A group of people a count is narrowed to by a proper word or an acronym right before them ("LGBTQ+
#: residents", "Somali families", "British Sign Language users"): up to four words, so that it stays linear time.
_NAMED_GROUP = re.compile(r"(?<=[\w,] )(?P<group>[A-Z][\w+]*(?:[ -][A-Z][\w+]*){0,3})\s+(?P<noun>[a-z]+)\b")


def named_groups(question: str, councils: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The proper words or acronyms that narrow a counted group of people in the question ("How many older
    LGBTQ+ residents …" → "LGBTQ+"), leaving out the councils' names."""
    council_words = _council_words(councils)
    return tuple(m.group("group") for m in _NAMED_GROUP.finditer(question)
                 if _stem(m.group("noun")) in _POPULATIONS and not {w.casefold() for w in
                 re.split(r"[ -]", m.group("group"))} <= council_words | _NOT_PART)


#: People narrowed by a condition they live with ("people with dementia", "adults who have a learning disability"):
#: the condition's words, up to the verb or preposition after them.
_WITH_CONDITION = re.compile(r"\b(?:people|adults|residents|persons|individuals|men|women|children)\s+(?:who (?:have|had|"
                             r"live with|lived with|are living with|were living with)|living with|with)\s+(?:an? |diagnosed )?"
                             r"(?P<condition>[a-z][\w'’-]*(?: [a-z][\w'’-]*){0,2}?)(?=\s+(?:who|that|needed|need|needs|were|"
                             r"known|supported|receiving|living|aged|"
                             r"was|are|is|had|have|did|do|got|get|received|receive|used|use|in|on|at|after|before|across|for|"
                             r"from|by|and|or|to)\b|\s*[?.,;]|\s*$)", re.IGNORECASE)
#: Words that make a "with …" phrase the help people get or what they bring, not a condition they live with: people
#: "with care and support needs", "with ongoing care" or "with lived experience" are named as the reports name them
#: in other words ("people receiving long-term support", "experts by experience").
_NOT_CONDITION = {"care", "support", "needs", "need", "eligible", "services", "service", "help", "assessment", "package",
                  "packages", "payment", "payments", "budget", "budgets", "council", "ongoing", "long-term",
                  "short-term", "experience", "experiences", "lived"}
#: Words of a condition phrase that name nothing of it.
_CONDITION_FILLERS = {"the", "their", "its", "a", "an", "and", "or", "of", "some", "any", "other"}


def conditions_named(question: str) -> list[set[str]]:
    """The stems of each condition the question narrows its people to (:data:`_WITH_CONDITION`: "people with
    dementia" → {"dementia"}); a phrase naming help or experience (:data:`_NOT_CONDITION`) narrows to none."""
    return [wordings[0] for wordings in condition_wordings(question)]


def condition_wordings(question: str) -> list[tuple[set[str], ...]]:
    """For each condition the question narrows its people to (:func:`conditions_named`), the stems of its words and
    of the reports' wordings for them ("learning difficulties": also "learning disability")."""
    out = []
    for m in _WITH_CONDITION.finditer(question):
        words = set(m.group("condition").casefold().split())
        if words & _NOT_CONDITION:
            continue
        if stems := {_stem(w) for w in words - _CONDITION_FILLERS}:
            reported = ({_stem(w) for w in wording.casefold().split()} - _CONDITION_FILLERS
                        for wording in report_words(m.group("condition")))
            out.append((stems, *reported))
    return out


def group_named(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether the sentence names each group the question narrows its count to ("LGBTQ+ residents", "people with
    dementia"), or its acronym: a count of older people does not say how many of them were LGBTQ+, nor a share of
    everyone who finished reablement how many of those with dementia needed no more care."""
    have = sentence.casefold()
    return all(g.casefold() in have or _abbreviated(g, sentence) for g in named_groups(question, councils)) \
        and condition_named(sentence, question)


def condition_named(sentence: str, question: str) -> bool:
    """Whether the sentence names, in some wording, each condition the question narrows its figure to ("people with
    a learning disability"): the median wait of everyone waiting is not theirs."""
    stems = {_stem(w) for w in _words(sentence)}
    return all(any(wording <= stems for wording in wordings) for wordings in condition_wordings(question))


def reported_nouns(question: str) -> set[str]:
    """The nouns the reports use for what a plainly worded question speaks of (the last word of each of their
    wordings, :mod:`rag.lay_terms`): "how many family and friends looking after someone had a check of their
    own needs" is answered by a count of "carers' assessments"."""
    return {_stem(wording.split()[-1]) for wording in report_words(question)}


#: Acts a question counts by the people they were done to ("how many people were assessed"), by the noun a report
#: counts them with ("74 Care Act assessments with people sleeping rough": one for each person).
_ACTS_DONE_TO = {"assess(?:ed)?": {"assessment"}, "reviewed": {"review"}, "complained": {"complaint"},
                 "applied": {"application", "applicant"}, "refer(?:red)?": {"referral"}, "visited": {"visit"},
                 "contact(?:ed)?": {"contact"}}


#: An act done to people counted, one each, as a question says they got it ("how many carers got an assessment", "had
#: a review"): a count of the acts ("1,470 carers' assessments") counts them. Things got ("a direct payment") are not
#: acts: a count of payments is not one of the people paid.
_GOT_ONE = re.compile(r"\bhow many\b[^?]{1,60}?\b(?:got|get|gets|had|have|has|received|receive|were given|were offered)\s+"
                      r"(?:a|an)\s+(?:[a-z'’-]+\s+){0,2}?(?P<noun>(?:re)?assessment|review|referral|visit|check|appointment|"
                      r"conversation|consultation|interview|screening)\b", re.IGNORECASE)


def act_nouns(question: str) -> set[str]:
    """The nouns of the acts a "how many people were assessed/reviewed" or "how many people complained/applied"
    question counts (:data:`_ACTS_DONE_TO`), and of what each was given ("got an assessment", :data:`_GOT_ONE`)."""
    given = {_stem(m.group("noun")) for m in _GOT_ONE.finditer(question)}
    return given | {noun for verb, nouns in _ACTS_DONE_TO.items() if re.search(rf"\b{verb}\b", question, re.IGNORECASE)
                    for noun in nouns}


#: A question counting the people who have held a post ("How many different people had been in charge of adult
#: social care over two years?"): the reports count them by the post ("three directors in two years"), or by the
#: latest one's place among them ("the third person to lead the directorate").
_COUNTS_HOLDERS = re.compile(r"\bhow many (?:different |separate )?(?:people|persons|individuals)\b[^?]{0,60}?\b(?:in charge|"
                             r"led|lead|leading|headed|ran|run|managed|directed|in post|at the helm|held (?:the|that|this) "
                             r"(?:role|post|job))\b(?! to\b| out\b)", re.IGNORECASE)  # not "managed to keep", "led to"
_HOLDER_NOUNS = {"director", "leader", "head", "manager", "chair", "person", "holder"}
_ORDINALS = {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}


def holder_nouns(question: str) -> set[str]:
    """The nouns of a post's holders, when the question counts the people who have held one (:data:`_COUNTS_HOLDERS`)."""
    return set(_HOLDER_NOUNS) if _COUNTS_HOLDERS.search(question) else set()


def holding_words(question: str) -> str:
    """How a question counting a post's holders says they held it ("how many people have been in charge"), else
    "": the post itself says so ("four different Directors of Adult Social Services")."""
    m = _COUNTS_HOLDERS.search(question)
    return m.group(0) if m else ""


#: A number joined to the noun it counts by a hyphen ("a 60-bed nursing home", "a 12-week course").
_NUMBER_JOINED = re.compile(r"(\d)-(?=[a-z])")
#: A figure given after its label, as in a list or a table of facts: "People receiving long-term support
#: (2023/24): 7,940", the label's period in brackets.
_LABELLED_FIGURE = re.compile(r"^\s*(?:[-•*–]\s*)?(?P<label>[A-Z][^:()\n]{2,120}?)\s*(?P<when>\([^()\n]{1,30}\))?\s*:\s*"
                              r"(?P<value>(?:about |around |approximately )?£?\d[\d,.]*(?:\s*(?:%|m|million|bn|billion))?)\s*\.?\s*$")


#: A count told after what it counts: "the average number of people delayed each day was 11" (a whole number: "the
#: number of days … was 2.4" is an average length of time, read as it is).
_NUMBER_OF_WAS = re.compile(r"\bnumber of\s+(?P<what>[^.;:]{1,60}?)\s+(?:was|were|stood at|reached|had reached|rose to|"
                            r"had risen to|fell to|had fallen to)\s+(?P<value>(?:about |around |approximately )?\d(?:[\d,]*\d)?)(?![\d%]|\.\d)",
                            re.IGNORECASE)


def figure_first(sentence: str) -> str:
    """A labelled figure read with the figure first ("7,940 People receiving long-term support (2023/24)"), and a
    count told after what it counts ("the number of people delayed each day was 11" as "11 people delayed each day"),
    so that it stands beside what it counts, as in a sentence; any other sentence as it is."""
    m = _LABELLED_FIGURE.match(sentence)
    if m:
        return f"{m.group('value')} {m.group('label')} {m.group('when') or ''}".strip()
    return _NUMBER_OF_WAS.sub(lambda n: f"{n.group('value')} {n.group('what')}", sentence)


#: A count of times said in a word ("had met only *twice*").
_TIMES_IN_A_WORD = re.compile(r"\b(?:twice|thrice)\b|\b(?:in|on)\s+(?P<count>\d[\d,]*)\s+(?:cases|occasions|instances)\b",
                              re.IGNORECASE)


#: A question counting the times something happened.
_ASKS_TIMES = re.compile(r"\bhow many times\b", re.IGNORECASE)
#: How many words before "twice" the deed it counts is looked for ("had *met* only twice"), within this many characters.
TIMES_DEED_REACH = 4
TIMES_DEED_CHARS = 60


def times_as_counted(sentence: str, question: str) -> str:
    """The sentence with a count of times said in a word written as one ("twice" → "two times"), or as the cases or
    occasions it happened in ("found fault in 17 cases" → "17 times"), when a word of the question's stands just before
    it ("had met only twice" for "how many times had the board met"), so that it answers "how many times …" as "3
    times" does; not another deed's ("asked the same questions twice"). "once" is left: it is as often "once a month"
    or "once the plan began"."""
    asked = {w for w in _words(question) if len(w) >= 3} - _GENERIC

    def counted(m: re.Match) -> str:
        if not asked & set(_words(sentence[max(0, m.start() - TIMES_DEED_CHARS) : m.start()])[-TIMES_DEED_REACH:]):
            return m.group(0)
        if m.group("count"):  # only for "how many times": "in how many cases" counts the cases
            return f"{m.group('count')} times" if _ASKS_TIMES.search(question) else m.group(0)
        return "two times" if m.group(0).lower() == "twice" else "three times"

    return _TIMES_IN_A_WORD.sub(counted, sentence)


def _names_the_service(words: list[str], i: int) -> bool:
    """Whether the word at ``i`` is the first of "adult social care", the service's name, which counts no adults
    ("Adult social care budget: £123.9 million" says nothing of how many adults were helped)."""
    return words[i] in ("adult", "adults") and words[i + 1 : i + 3] == ["social", "care"]


def counts_the_thing(sentence: str, question: str, councils: tuple[str, ...] = (), lead_in: str = "") -> bool:
    """Whether the sentence gives a number of what the question counts (a number within a few words
    of one of its words) and of what its rate or share measures, of the group it names (which the sentence
    before, ``lead_in``, may name: "… with Gypsy and Traveller families." "… had reached 35 families …"); for
    other amount questions ("how much", "what percentage"), any amount."""
    sentence = _NUMBER_JOINED.sub(r"\1 ", times_as_counted(figure_first(sentence), question))  # "a 60-bed home": 60 beds
    if not has_count(sentence) or not measures_the_thing(sentence, question, councils) \
            or not group_named(f"{lead_in} {sentence}", question, councils):
        return False
    nouns = counted_nouns(question)
    if not nouns:
        return states_an_amount(sentence)
    nouns |= doers_described(nouns, sentence)
    holders = holder_nouns(question)  # "how many different people had led it": counted by the post, not as people
    nouns = holders or kindred_nouns(nouns) | reported_nouns(question) | act_nouns(question) | (
        {"worker"} if _TRADE_STAFF.search(question) else set()) | ({"staff"} if _OWN_WORKERS.search(question) else set()) | (
        {"member"} if _IN_A_BODY.search(question) else set()) | (
        PENDING_CASES if _PEOPLE_WAITING.search(question) else set()) | (
        HOLDER_NOUNS if _ASKS_RECEIVED.search(question) else set())  # "650 card holders" for "how many carry a card"
    found = list(_TOKEN.finditer(sentence))
    words = _words(sentence)
    at = _content_positions(words, _ARTICLES | {"of"})  # "1,980 Deprivation of Liberty Safeguards applications"
    counting = wants_a_number(question)
    skipped = _tokens_within([m.start() for m in found], _share_spans(sentence) + _not_count_spans(sentence, question)) \
        if counting else set()
    fractions = _FRACTIONS | _VAGUE if counting else set()
    ordinals = _ORDINALS if holders else set()  # "the third person to lead it": three so far, not a third of them
    numbers = [i for i, w in enumerate(words) if i not in skipped and (is_number_word(w) and w not in fractions or w in ordinals)
               and not (i == 0 and w == "one")  # "One project used volunteer drivers": an example, not a count
               and not (re.fullmatch(r"(19|20)\d{2}", w) or found[i].start() and sentence[found[i].start() - 1] == "/")  # not "2023/24"
               and not _counts_another(sentence[found[i].end() : found[i].end() + PHRASE_CHARS], nouns)]
    if counting and (changed_count_of(sentence, nouns) or outcome_count_of(sentence, nouns)
                     or counts_people_by_label(sentence, nouns) or change_by_fraction(sentence, question)):
        return True
    spots = [i for i, w in enumerate(words) if _stem(w) in nouns and not _names_the_service(words, i)]
    described = described_by(question) | _ARTICLES | {"of", "and"} | added_words(question)
    return any(abs(at[a] - at[b]) <= COUNT_WINDOW or a < b <= a + DESCRIBED_REACH and set(words[a + 1 : b]) <= described
               or b < a and bare_count(words, a) and at[a] - at[b] <= BARE_REACH
               for a in numbers for b in spots) \
        or bool(lead_in) and part_of_those_before(sentence) and counts_the_thing(lead_in, question, councils)


#: A count of some of those the sentence before counted, with no noun of its own ("Of these, 890 had waited longer than
#: 6 months").
_PART_OF_THOSE = re.compile(r"^\s*(?:Of|Among|Amongst) (?:these|them|those|whom)\b,?\s+(?:about |around |nearly |almost |over |"
                            r"only |just )?\d[\d,]*(?!\s*%)\s+(?:had|have|were|was|are|is|did|still|went|got|needed|"
                            r"waited|received|left|moved)\b", re.IGNORECASE)


def part_of_those_before(sentence: str) -> bool:
    """Whether the sentence counts some of those the sentence before counted, naming them only by "of these"
    (:data:`_PART_OF_THOSE`): its figure counts what that sentence's did."""
    return bool(_PART_OF_THOSE.match(sentence))


#: A table row counting people without naming them: its label opens "Number" with no thing after it, or "of whom" under
#: a row of people ("Number aged 65 and over receiving long-term support: 2,371", "of whom aged 65 and over: 3,720").
_PEOPLE_ROW = re.compile(r"^(?:number|of whom)\b(?! of\b)[^.?!:]{3,120}?(?::|\s)\s*\d[\d,]*\s*$", re.IGNORECASE)


def counts_people_by_label(sentence: str, nouns: set[str]) -> bool:
    """Whether a question counting people ("how many people aged 65 and over get long-term support") is answered by a
    table row that counts them by its label alone (:data:`_PEOPLE_ROW`): the row's value is a number of people."""
    return bool(nouns) and set(nouns) <= PEOPLE_NOUNS and bool(_PEOPLE_ROW.match(sentence.strip()))


#: Words after a number that name nothing it counts ("completed 540 *in* 2023/24"): the count is of a thing named
#: before it.
_AFTER_BARE = {"in", "during", "by", "over", "across", "within", "since", "last", "this", "that", "and", "but"}
#: Words before a number that make it an age ("aged 17").
_AGE_VERBS = {"aged", "turned", "reached"}
#: How far (in content words) before a bare count the thing it counts may be named ("carried out carers' assessments
#: for the council and completed 540").
BARE_REACH = 8


def bare_count(words: list[str], i: int) -> bool:
    """Whether the number at ``i`` is what a deed came to and names nothing after it (the sentence ends, or a time or
    clause follows): "carried out carers' assessments … and *completed 540* in 2023/24" counts the assessments;
    "before turning 18", "aged 17" give an age."""
    done = i > 0 and words[i - 1].endswith("ed") and words[i - 1] not in _AGE_VERBS
    return done and (i + 1 >= len(words) or words[i + 1] in _AFTER_BARE)


#: A count changed from one figure to another, its object named after the verb: "had reduced its list of people
#: waiting for an assessment from 1,260 in 2023 to 640 by March 2025" (both figures count the people).
_CHANGED_COUNT = re.compile(r"\b(?:reduced|cut|lowered|brought down|increased|raised|grew|expanded|doubled|halved)\s+"
                            rf"(?P<what>[^,;:.]{{1,{PHRASE_CHARS}}}?)\s+from\s+(?:about |around |over )?\d[\d,]*"
                            r"[^,;:]{0,40}?\bto\s+(?:about |around |over )?\d", re.IGNORECASE)


#: The same with the count named before its verb: "the number of hours of unmet home care fell from 1,900 a week to
#: 310 a week".
_COUNT_CHANGED = re.compile(rf"\b(?:number|total|count) of\s+(?P<what>[^,;:.]{{1,{PHRASE_CHARS}}}?)\s+(?:fell|rose|"
                            r"dropped|decreased|increased|grew|went down|went up|was reduced|was cut|had fallen|had risen)"
                            r"\s+from\s+(?:about |around |over )?\d[\d,]*[^,;:]{0,40}?\bto\s+(?:about |around |over )?\d",
                            re.IGNORECASE)
#: The same with the count named before a clause that changes it: "permanent admissions to residential care, which had
#: fallen to 498".
_COUNT_WHICH_CHANGED = re.compile(r"\b(?P<what>[a-z][\w'’-]*+(?:\s+[\w'’-]++){0,6}?),\s+which\s+(?:had\s+|has\s+)?(?:fell|"
                                  r"fallen|rose|risen|dropped|decreased|increased|grown|grew|gone (?:down|up)|went (?:down|up)|"
                                  r"reduced|come down|came down)\s+(?:from\s+(?:about |around |over )?\d[\d,]*\s+)?to\s+"
                                  r"(?:about |around |over )?\d", re.IGNORECASE)


#: The same with the count the sentence's subject: "Complaints about adult social care rose from 142 in 2022/23 to 236
#: in 2023/24".
_SUBJECT_CHANGED = re.compile(r"^(?:in\s+[^,]{1,30},\s+)?(?P<what>[\w'’-]+(?:\s+[\w'’-]+){0,6}?)\s+(?:had\s+|have\s+)?(?:fell|"
                              r"fallen|rose|risen|dropped|decreased|increased|grew|grown|went down|went up)\s+from\s+"
                              r"(?:about |around |over )?\d[\d,]*[^,;:]{0,40}?\bto\s+(?:about |around |over )?\d",
                              re.IGNORECASE)


def changed_count_of(sentence: str, nouns: set[str]) -> bool:
    """Whether the sentence changes a count of the counted thing "from" one figure "to" another, naming it
    after its verb, however long the name: "reduced its list of people waiting for a DoLS assessment from
    1,260 to 640" counts people waiting; "reduced waits from 40 days to 20" counts no people; or before it, as
    "the number of" something: "the number of hours of unmet home care fell from 1,900 a week to 310 a week", or as
    the sentence's subject ("Complaints rose from 142 to 236"), or with a clause that changes it: "permanent admissions
    to residential care, which had fallen to 498"."""
    return any(m is not None and any(_stem(w) in nouns for w in _words(m.group("what")))
               for m in (_CHANGED_COUNT.search(sentence), _COUNT_CHANGED.search(sentence),
                         _SUBJECT_CHANGED.search(sentence), _COUNT_WHICH_CHANGED.search(sentence)))


#: A count of things each of which became another thing: "1,019 led to a section 42 enquiry", "of these, 310
#: resulted in a safeguarding plan": as many of the thing after the verb as there were before it.
_OUTCOME_COUNT = re.compile(r"(?<![\d,.£])\d[\d,]*+(?![.\d]*\s*(?:%|per ?cent\b|percent\b))(?:\s+[a-z][\w'’-]*){0,2}?\s+"
                            r"(?:led to|resulted in|became|progressed to|went on to become|went on to|were converted (?:in)?to|"
                            r"turned into)\s+(?P<what>[^,;:.]{1,60})", re.IGNORECASE)
OUTCOME_REACH = 4


def outcome_count_of(sentence: str, nouns: set[str]) -> bool:
    """Whether a number in the sentence counts things that each led to the counted thing ("1,019 led to a section
    42 enquiry" counts enquiries), named within a few words after the verb; "24% led to an enquiry" is a share."""
    return any(_stem(w) in nouns for m in _OUTCOME_COUNT.finditer(sentence)
               for w in _words(m.group("what"))[:OUTCOME_REACH])


#: Words that say a count is of what was added ("two *additional* assessors" for "how many *extra* assessors").
ADDED_WORDS = frozenset({"new", "extra", "additional", "further", "more"})


def added_words(question: str) -> frozenset[str]:
    """For a question counting what was added ("how many extra assessors"), every word saying so: a report's
    "additional" describes what the question's "extra" does."""
    return ADDED_WORDS if set(_words(question)) & ADDED_WORDS else frozenset()


@functools.lru_cache(maxsize=256)
def described_by(question: str) -> frozenset[str]:
    """The question's own describing words (not its function words or numbers): a number followed by only these
    and then the noun it counts counts that noun, however long the description ("2 Gypsy, Roma and Traveller
    liaison officers"). Remembered: every candidate sentence of a question asks for them."""
    return frozenset(w for w in _words(question) if w not in _GENERIC and w not in _QUESTION_STOP
                     and not is_number_word(w))


def topic_stems(question: str, stop: set[str]) -> set[str]:
    """Crude stems of the question's lower-case words that are not question words: the things asked
    about ("organisations", "training"), not the names that set the scene ("Burton upon Trent")."""
    words = [re.sub(r"['’]s$", "", w.strip("'’")) for w in _TOKEN.findall(question) if w[:1].islower()]
    return {_stem(w) for w in words if w.casefold() not in stop and len(w) > 2}  # "council's" is "council"


#: Words for running something and for who runs it ("Which organisation *runs* the advocacy service?"): they ask
#: for the name, so they do not pick out the thing it runs ("a support service run by …" is another service).
_RUNNING = {"run", "runs", "ran", "running", "provide", "provides", "provided", "providing", "deliver", "delivers",
            "delivered", "operate", "operates", "operated", "manage", "manages", "managed", "organisation",
            "organisations", "organization", "company", "companies", "firm", "charity", "provider", "providers", "body"}
#: Question words left out of a question's topic.
_QUESTION_STOP = {"what", "which", "who", "whom", "whose", "where", "when", "how", "why", "is", "are", "was", "were",
                  "did", "does", "do", "the", "name", "names", "of", "and", "for", "with", "council", "local",
                  "authority", "report", "reports", "say", "said", "its", "their", "has", "have", "had", "any",
                  "many", "much"}  # "how many", "how much": the form of the question, not its topic


_SMALL_NUMBERS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty".split())}
#: A number as written: digits (with thousands commas or decimals), or a small number word.
_STATED = re.compile(rf"(?<![\w.,/£-])(\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:st|nd|rd|th)?(?![\w/-])|\b({'|'.join(_SMALL_NUMBERS)})\b",
                     re.IGNORECASE)
#: A score named in a question ("scored 2", "score of 3", "rated 2 out of 4"), not a figure to find.
_SCORE_NUMBER = re.compile(r"\b(scor\w*|rat\w*|indicative score|got|gets|getting|received|awarded)\s*(?:of|was|is|:|only|just|as|a|an)?\s*\(?['\"]?\d\b(?:\s*(?:out of 4|/4))?|"
                           r"\b\d\s*(?:out of 4|/4)\b|\bstage \d\b|"
                           r"\b\d{1,3}\s*(?:%|per\s?cent)\s+(?:overall\s+)?(?:score|rating)\b|"  # "a 64% score": the report's own
                           r"\b(?:scor\w*|rated)\s*(?:of|was|is|:)?\s*\d{1,3}\s*(?:%|per\s?cent)", re.IGNORECASE)


def stated_numbers(text: str, words: bool = True) -> set[str]:
    """The figures a text states, normalised ("1,140" → "1140", "six" → "6" unless ``words`` is
    False), leaving out years."""
    out = set()
    for m in _STATED.finditer(text):
        if m.group(2):
            if words:
                out.add(_SMALL_NUMBERS[m.group(2).casefold()])
            continue
        digits = m.group(1).replace(",", "")
        if not re.fullmatch(r"(19|20)\d{2}", digits):
            out.add(digits)
    return out


#: A figure joined to the noun it sizes ("an 80-bed nursing home", "the 12-week course"): part of a thing's name.
_JOINED_FIGURE = re.compile(r"(?<![\w.,/£-])(\d{1,3}(?:,\d{3})+|\d+)-(?=[a-z])")


def sized_as_asked(sentence: str, question: str) -> bool:
    """Whether a thing the question picks out by its size ("the planned 80-bed nursing home") is the one the
    sentence speaks of: it gives that figure (a shortage of nursing beds elsewhere says nothing of where that
    home is)."""
    wanted = joined_figures(question)
    return not wanted or wanted <= stated_numbers(sentence) | joined_figures(sentence)


def joined_figures(text: str) -> set[str]:
    """The figures a text joins to the noun they size ("a 48-bed home" → "48"), normalised as :func:`stated_numbers`."""
    return {f.replace(",", "") for f in _JOINED_FIGURE.findall(text)}


def question_figures(question: str) -> set[str]:
    """Figures a question gives in digits as part of what it asks about ("aged 85 and over", "the
    report that logged 106 complaints"), not the score it names (number words are left out: a
    paraphrase says "three months" for "91 days")."""
    return stated_numbers(_SCORE_NUMBER.sub(" ", question), words=False)


#: The forms of the verbs a "who chairs/leads/… X" question asks about, by their first letters.
_HOLDER_VERBS = {"chair": r"chair\w*", "head": r"head(s|ed|ing)?", "lead": r"lead(s|ing|er)?|led",
                 "run": r"run(s|ning)?|ran", "manag": r"manag(e|es|ed|ing|er)", "overs": r"overs\w*", "co": r"co-?ordinat\w*",
                 "respons": r"responsib\w*", "account": r"accountab\w*"}


def names_the_holder(sentence: str, question: str) -> bool:
    """Whether the sentence says who does what the question asks about ("chaired by …", "the PSW led
    …"): it uses the question's verb, or names a person; "leaders had a plan" or "management was stable" names no
    one (a plural or the whole body is not who holds the role)."""
    m = re.search(r"\bwho (?:is |was )?(?:co-)?(\w+)", question, re.IGNORECASE)
    verb = m.group(1).casefold() if m else ""
    forms = next((f for stem, f in _HOLDER_VERBS.items() if verb.startswith(stem)), None)
    return has_person(sentence) or bool(forms and re.search(rf"\b({forms})\b", sentence, re.IGNORECASE)
                                        and not _UNNAMED_HOLDER.search(sentence))


#: A holder described only by the role itself ("chaired by an independent chair", "had a new lead"): it
#: says there is one, not who it is.
_UNNAMED_HOLDER = re.compile(r"\b(?:by|had|has|have|with|under)\s+(?:an?|its own|their own)\s+(?:[\w-]+\s+)?"
                             r"(?:chair|chairperson|lead|leader|head|manager)\b(?!\s*[,(]\s*(?-i:[A-Z]))", re.IGNORECASE)


#: The share of the words naming the role or body asked about ("the Health and Wellbeing Board") that a
#: sentence naming someone must repeat: the chair of another board does not answer.
ROLE_SHARE = 0.6
#: Words of a "who …" question that do not say which role or body it asks about.
_WHO_STOP = {"who", "whom", "whose", "is", "was", "are", "were", "been", "has", "have", "had", "as",
             "the", "their", "its", "his", "her", "new", "current",
             "city", "county", "borough", "metropolitan", "district",  # of a council's formal name ("Salford City Council")
             "interim", "acting", "now", "currently", "name", "names", "what", "which", "of", "and", "for", "in", "at",
             "on", "does", "did", "do", "council", "local", "authority", "person", "there", "it", "she", "he", "they",
             "him", "them"}


def role_words(question: str, councils: tuple[str, ...] = ()) -> set[str]:
    """Stems of the words naming the role or body a "who …" question asks about ("Who chairs the
    Health and Wellbeing Board in Suffolk?" → health, wellbeing, board), without the council's name, the
    verb ("appointed") and when ("in January 2025")."""
    named = {w for c in councils for w in _words(c)}
    asked = _RELATIVE_CLAUSE.split(first_question(question), 1)[0]
    asked = _BODY_THEN_PARTICIPLE.sub(r"\1", asked)
    asked = _IN_CHARGE.sub(" ", _AT_ASSESSMENT.sub(" ", asked))
    words = [re.sub(r"['’]s$", "", w) for w in _words(asked)]
    return {_stem(w) for w in words if len(w) > 2 and w not in _WHO_STOP and w not in named and not _is_holder_verb(w.removeprefix("co-"))
            and not w.endswith("ed") and not w.isdigit() and w not in _MONTH_WORDS}



#: Words saying someone leads a thing ("the council officer *in charge of* adult social care", "*responsible for*"):
#: what they lead is the role asked about, as in "who leads adult social care".
_IN_CHARGE = re.compile(r"\b(?:(?:senior\s+)?(?:council\s+)?(?:officer|official|person|manager)\s+)?(?:in charge of|"
                        r"responsible for)\b", re.IGNORECASE)
#: When a "who …" question asks about ("at the time of the CQC assessment", "during the inspection"): no
#: words of the role.
_AT_ASSESSMENT = re.compile(r"\b(?:at the time of|at the time|at|during|when|as of|in|by|before|after)\s+"
                            r"(?:the|its|our|this|their)?\s*(?:(?:cqc|care quality commission)(?:'s)?\s+)?"
                            r"(?:local authority\s+)?(?:assessment|inspection|visit)\b|\bat the time\b", re.IGNORECASE)
#: Where a clause saying more of the role or body asked about begins ("Who chairs the Improvement Board *that the
#: council set up after its review*?", "*that is tracking the plan*"): its words do not name the role.
_RELATIVE_CLAUSE = re.compile(r"\s+(?:that|which)\s+(?!(?:is|was|are|were)\b(?!\s+\w+ing\b))")
#: A body's noun and a participle saying more of it ("the Improvement Board *overseeing adult social care*"): the words
#: after the noun do not name the body.
_BODY_THEN_PARTICIPLE = re.compile(r"\b(board|group|panel|team|committee|partnership|forum|programme)\s+[a-z]+ing\b[^?]*",
                                   re.IGNORECASE)
#: Where a second question joined to a "who …" one begins ("Who is the director, and when did she start?").
_SECOND_QUESTION = re.compile(r"[,;]?\s+and\s+(?=(?:(?:in|at|from|for|by|with|on) which|when|what|how|where|why|since|which|"
                              r"whether|did|does|do|is|was|has|had)\b)|"
                              r"[;?]", re.IGNORECASE)


def first_question(question: str) -> str:
    """The first of questions joined in one ("How many directors has it had, and when was one appointed?" → "How
    many directors has it had"): a word of the second asks nothing of the first's answer."""
    return _SECOND_QUESTION.split(question, maxsplit=1)[0]


def _is_holder_verb(word: str) -> bool:
    """Whether a word is a form of a "who chairs/leads/runs …" verb (not a word of the role asked about)."""
    return any(re.fullmatch(forms, word) for forms in _HOLDER_VERBS.values())


#: The words of the service itself: who leads or runs "adult social care" is the director over it.
_THE_SERVICE = {"adult", "social", "care", "service"}
#: A director of adults' services, however the council titles the post ("Executive Director of Adults and Health",
#: "Director of Adult Social Services", "DASS").
_ADULTS_DIRECTOR = re.compile(r"\bDirector\b[^.;,()]{0,30}?\bAdults?\b|\bDASS\b")


def names_the_role(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether the sentence speaks of the role or body the question asks about (at least
    :data:`ROLE_SHARE` of its words), so that a name in it is that role's holder; for the service itself ("who leads
    adult social care"), its director's post (:data:`_ADULTS_DIRECTOR`) is that role; a role asked in a plain word or
    an initialism the reports spell out ("the DASS") is named by their wording."""
    said = {_stem(re.sub(r"['’]s$", "", w)) for w in _words(sentence)}
    return any(not wanted or wanted <= _THE_SERVICE and _ADULTS_DIRECTOR.search(sentence)
               or len(wanted & said) >= ROLE_SHARE * len(wanted) for wanted in roles_asked(question, councils))


@functools.lru_cache(maxsize=256)
def roles_asked(question: str, councils: tuple[str, ...] = ()) -> tuple[frozenset[str], ...]:
    """The role words of the question as asked and in the reports' wording (:func:`role_words`), read once per
    question: every candidate sentence is checked against them."""
    return tuple(frozenset(role_words(asked, councils)) for asked in dict.fromkeys((question, in_report_words(question))))


#: How far before a role set beside a name (characters) the words of that role may begin ("the Director of
#: Adult Social Services, Sam Reid").
ROLE_REACH = 60


#: What a person named beside one role is said to be as well: ", was also the statutory Director of Adult Social
#: Services", ", who is the Principal Social Worker" (up to the clause's end, or an "and" starting another: "…, was
#: part of the leadership team and reported to the lead member" is no lead member).
_ALSO_ROLE = re.compile(r",?\s+(?:who\s+)?(?:was|is|were|are)\s+(?:also\s+|now\s+|then\s+)?[^.;,()]{1,80}?(?=\s+and\b|[.;,()]|$)")


#: The rest of a role's name after its role word, up to the clause's end ("… Director *of Adult Social Services*").
_ROLE_GOES_ON = re.compile(r"[^.;,()]{0,80}")


def beside_the_head_role(m: re.Match, sentence: str, question: str) -> bool:
    """Whether a name is set beside the role noun the question's role ends in, with the question's qualifier of it
    ("a permanent *director*, Jo Reid" for "Who is the permanent Director of Adult Social Services?", but not for
    "Who was the interim director?"; the Principal Occupational *Therapist* is no Principal Social *Worker*), so that
    the sentence may name the rest of the role elsewhere."""
    part = _RELATIVE_CLAUSE.split(first_question(question), 1)[0]
    asked, beside = _ROLE_WORD.findall(part), _ROLE_WORD.findall(m.group(0))
    if not asked or not beside:
        return False
    role = beside[0] if m.group("name") else beside[-1]  # "director, Jo Reid" · "Jo Reid, the director"
    near = sentence[max(0, m.start() - QUALIFIER_REACH) : m.end()].casefold()
    return _stem(role.casefold()) == _stem(asked[-1].casefold()) and all(
        re.search(rf"\b{q}\b", near) for q in map(str.casefold, _QUALIFIER.findall(part)))


def head_role_named(sentence: str, question: str) -> bool:
    """Whether the sentence names the role noun the question's role ends in ("The board's independent *chair* was
    Dr Asha Verma" for "Who is the independent chair of the partnership?"), or the question names none: a sentence
    naming the holder of another role ("Councillor Priya Hollins was the lead member") after one about the role asked
    about does not name its holder."""
    asked = _ROLE_WORD.findall(_RELATIVE_CLAUSE.split(first_question(question), 1)[0])
    return not asked or _stem(asked[-1].casefold()) in {_stem(w.casefold()) for w in _ROLE_WORD.findall(sentence)}


#: Words that say which holder of a role is asked about ("the *interim* director"), and how far before the role
#: beside a name (characters) they must stand.
_QUALIFIER = re.compile(r"\b(?:interim|acting|permanent|former|previous|deputy|assistant)\b", re.IGNORECASE)
QUALIFIER_REACH = 30
#: A role word right after a qualifier ("interim *director*", "acting head of service"): a qualifier of something else
#: ("a permanent appointment") picks out no holder.
_QUALIFIES_ROLE = re.compile(rf"(?:\s+[\w-]+){{0,2}}?\s+{_ROLE}\b")
#: Qualifiers that say the same of a holder ("an acting director" holds the post for now, as an interim one does).
_SAME_QUALIFIER = {"acting": "interim", "previous": "former"}


def holder_as_asked(sentence: str, question: str) -> bool:
    """Whether a sentence about a role's holder speaks of the holder the question picks out by a qualifier ("When did
    the *interim* director take up the post?": "The executive director was appointed in 2022" dates another)."""
    def kind(word: str) -> str:
        return _SAME_QUALIFIER.get(word.casefold(), word.casefold())

    asked = {kind(m.group(0)) for m in _QUALIFIER.finditer(first_question(question)) if _QUALIFIES_ROLE.match(question, m.end())}
    given = {kind(q) for q in _QUALIFIER.findall(sentence)} | (
        {"interim"} if re.search(r"\btemporary\b", sentence, re.IGNORECASE) else set())
    return asked <= given


#: A word of a role, as :data:`_ROLE` gives them, found on its own.
_ROLE_WORD = re.compile(rf"\b{_ROLE}\b")


def person_in_role(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether the sentence names a person in the role the question asks about: a name set beside a role
    must be beside that role ("The Principal Occupational Therapist, Ann Lee, worked with the Principal
    Social Worker" names no Principal Social Worker), or be said to be it as well ("…, Ann Lee, was also the
    Principal Social Worker"); a name by title or "named" needs the role in the sentence."""
    for m in _NAME_BY_ROLE.finditer(sentence):
        name = m.group("name") or m.group("name2") or m.group("name3")
        also = _ALSO_ROLE.match(sentence, m.end())  # "…, Marcus Teague, was also the statutory Director of …"
        end = also.end() if also else m.end()
        if not m.group("name"):  # "Sam Reid, the Director *of Adult Social Services*": the role's words go on after it
            end = max(end, _ROLE_GOES_ON.match(sentence, m.end()).end())
        if name and _is_personal_name(name) and (
                names_the_role(sentence[max(0, m.start() - ROLE_REACH) : end], question, councils)
                or beside_the_head_role(m, sentence, question) and names_the_role(sentence, question, councils)):
            return True
    titled = _PERSON.search(sentence) or any(_is_personal_name(m.group("name")) for m in _NAMED.finditer(sentence))
    return bool(titled) and names_the_role(sentence, question, councils)


#: Words of a council's formal name, or of the assessment itself, left out of the parts a question names
#: ("Metropolitan Borough of Wirral", "CQC", "Care Act").
_NOT_PART = {"borough", "county", "city", "metropolitan", "district", "royal", "london", "council", "of", "and",
             "the", "cqc", "care", "quality", "commission", "act",
             # councils' title abbreviations ("Leeds CC", "Wirral MBC", "RB Greenwich") and months
             "cc", "mbc", "bc", "dc", "cbc", "mdc", "rb", "lb", *_MONTH_WORDS}
#: How many words of its own a part must have to be checked: one proper word ("Ombudsman", "Berkshire",
#: an initialism) is too often another form of a name the passage spells differently.
PART_MIN_WORDS = 2


@functools.lru_cache(maxsize=256)
@functools.lru_cache(maxsize=1024)
def without_council_names(text: str, councils: tuple[str, ...]) -> str:
    """The text without the councils' names, with any "Council" after them and their possessive ("What share of
    Fenwick Council's care records …" → "What share of care records …"), so that what a figure is of is read
    (remembered: every candidate sentence of a question asks it again)."""
    for council in councils:
        for spaced in name_patterns(council):
            text = re.sub(rf"(?<!\w){spaced}(?:\s+(?:city |county |borough |metropolitan borough |district )?council)?"
                          r"(?:['’]s?)?(?!\w)\s*", "", text, flags=re.IGNORECASE)
    return text


def _council_words(councils: tuple[str, ...]) -> frozenset[str]:
    """Every word of every form by which the councils may be named ("Staffs", "LB Camden"); remembered, as
    every candidate sentence of a question asks for them."""
    return frozenset(w for c in councils for form in (c.casefold(), *variants_of(c)) for w in form.split())


def _part_words(run: str) -> list[str]:
    """The words of a capitalised run that name something in particular: no possessive "'s", no common
    word, no acronym (often a council's initials, "RBG's", or spelt out in the passage)."""
    tokens = (t for t in _TOKEN.findall(run) if sum(ch.isupper() for ch in t) < 2)
    words = (re.sub(r"['’]s$", "", t.casefold().strip("'’")) for t in tokens)
    return [w for w in words if len(w) > 1 and w not in _GENERIC and w not in _NOT_PART]


@functools.lru_cache(maxsize=1024)
def named_parts(question: str, councils: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The proper names a question narrows its figure to ("Cornwall's *West Penwith* teams", "the *Hospital
    Social Work Team*", "*British Sign Language* users", "the *South* quadrant", "… in the *Cotswolds*?"):
    capitalised runs of two words or more, or one before a word for a part of the area or ending the question
    after "in", that are not its first word, a council, a month or a common word; or a run of three words or more
    naming one thing of the council's ("the *Rutland Care Academy*"); not a run before a council word in lower case,
    nor one after words describing the council by the places it covers ("the council covering …").
    """
    council_words = _council_words(councils)
    out = []
    for m in _NAME.finditer(question):
        run = m.group(0)
        if m.start() == 0 and len(run.split()) == 1 or run[:1] in "'‘\"“" or _COUNCIL_AFTER.match(question, m.end()) \
                or _COVERING_BEFORE.search(question[max(0, m.start() - COVERING_REACH) : m.start()]):
            continue
        particular = _part_words(run)
        words = [w for w in particular if w not in council_words]
        if m.start() == 0:
            words = words[1:] if _words(run)[:1] == words[:1] else words  # "Which Hospital Team …": not "which"
        of_council = any(w in council_words for w in particular)
        if m.start() == 0 and len(run.split()) > 1:
            run = run.split(maxsplit=1)[1]  # "Under Bedford Borough's Carers' Breaks Scheme": not "Under"
        if len(words) >= PART_MIN_WORDS or words and of_council and len(_TOKEN.findall(run)) > PART_MIN_WORDS:
            out.append(run)  # or a council's own named thing: "the Rutland Care Academy"
        elif words and _AREA_AFTER.match(question, m.end()):
            out.append(run)  # one name before a word for a part of a council: "the South quadrant", "Riverside team"
        elif words and _IN_PLACE.search(question[max(0, m.start() - IN_PLACE_REACH) : m.start()]) \
                and (_QUESTION_END.match(question, m.end()) or _THEN_END.match(question, m.end())):
            out.append(run)  # one name that ends the question as where it asks about: "… in the Cotswolds?", or but for
            # when: "in Bulwell in February 2025?"
        elif words and _WHO_IN_PLACE.search(question[max(0, m.start() - WHO_IN_PLACE_REACH) : m.start()]) \
                and _BEING_THERE.match(question, m.end()) and not names_a_council(run):
            out.append(run)  # one name where those counted are: "how many people in Edgware were waiting"
    out.extend(m.group(0) for m in _SIDE_OF_AREA.finditer(question))  # "the east locality", "in rural areas"
    return tuple(out)


#: A part of a council's area or staff named in lower case by its side or kind, before a word for a part ("the *east*
#: locality", "the *south* neighbourhood team", "in *rural* areas"): its figure is that part's, not the council's.
_SIDE_OF_AREA = re.compile(r"\b(?:north|south|east|west|central|northern|southern|eastern|western|rural|urban|coastal|"
                           r"(?:north|south)[- ]?(?:east|west))(?=\s+(?:localit(?:y|ies)|neighbourhoods?|quadrants?|zones?|"
                           r"patch|wards?|teams?|hubs?|areas?|districts?|divisions?|parts?)\b)|"
                           # or by its side of the area: "in the north of Herefordshire", "the west of the county"
                           r"(?<=\bthe )(?:north|south|east|west|(?:north|south)[- ]?(?:east|west))(?=\s+of\b)")


def names_asked_in(sentence: str, question: str, councils: tuple[str, ...] = ()) -> set[str]:
    """Words that show where a sentence speaks of the names a question asks about: each name's particular words
    (after the question's first word; councils' words left out), and the last word of a name the sentence gives
    whole ("Where is Blackburn with Darwen's Intermediate Care Service based?": "… the Intermediate Care Service at
    Albion Mill"), even when its other words are common ones."""
    council_words = _council_words(councils)
    out: set[str] = set()
    for m in _NAME.finditer(question):
        if m.start() == 0:
            continue
        out |= {w for w in _part_words(m.group(0)) if w not in council_words}
        words = [w for w in _words(m.group(0)) if w.casefold() not in council_words]
        while words and words[0].endswith(("'s", "’s")):
            words = words[1:]  # "Darwen's": the council's possessive, not the name
        if len(words) >= PART_MIN_WORDS and re.search(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", sentence, re.IGNORECASE):
            out.add(words[-1].casefold())
    return out


#: "in" or "at" just before a name (with "the"), and the end of a question just after it.
_IN_PLACE = re.compile(r"\b(?:in|at) (?:the )?$", re.IGNORECASE)
#: How much text before a name is read for that "in" (a bounded window keeps a hostile question linear).
IN_PLACE_REACH = 12
_QUESTION_END = re.compile(r"\s*[?.!]?\s*$")
#: What may follow a place a question asks about before it ends: when ("… in Bulwell in February 2025?", "in Winscombe
#: during 2024/25", "in Clifton last year").
_THEN_END = re.compile(r"\s+(?:in|during|by|for|at the end of|as of)\s+(?:(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d(?:[/-]\d{2,4})?"
                       r"|(?:19|20)\d\d\s+to\s+(?:19|20)\d\d)\s*[?.!]?\s*$|\s+(?:last|this)\s+year\s*[?.!]?\s*$")
#: Those counted, then "in" before a name: where they are ("people *in* Edgware", "carers living in the Wolds").
_WHO_IN_PLACE = re.compile(r"\b(?:people|residents|adults|carers|households|families|patients|users|clients)\s+"
                           r"(?:(?:living|based|who live|who lived)\s+)?in (?:the )?$", re.IGNORECASE)
#: How much text before a name is read for those counted in it.
WHO_IN_PLACE_REACH = 40
#: What those counted in a place were or did there, straight after its name ("in Edgware *were waiting*").
_BEING_THERE = re.compile(r"\s+(?:were|was|are|is|had|have|who)\b")


#: A word for a council after a name in lower case ("the Tees Valley borough", "a Lancashire council"): the name says
#: where the council is, not a part of its area a figure is narrowed to.
_COUNCIL_AFTER = re.compile(r"\s+(?:borough|council|county|authority|unitary)\b")
#: A council described by the places it covers ("the council covering *Northampton and Daventry*", "the borough
#: that serves …", each name of a list: "covering Torquay, *Paignton and Brixham*"): the names say which council, not
#: a part of its area a figure is narrowed to.
_COVERING_BEFORE = re.compile(r"(?i:\b(?:council|borough|authority|county|area|district)\s+(?:that\s+|which\s+)?(?:covering|"
                              r"covers|covered|serving|serves|served|including|includes|made up of|spanning|spans|"
                              r"taking in|takes in)\s+(?:the\s+)?)(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3},\s+)*$")
#: How far before a name a description of its council may begin.
COVERING_REACH = 60
#: Words for a part of a council's area or staff, after a one-word name ("the *South* quadrant").
_AREA_AFTER = re.compile(r"\s+(?:quadrant|locality|localities|zone|patch|neighbourhood|ward|team|teams|hub|area|"
                         r"division)\b", re.IGNORECASE)


#: A figure for the whole area ("across the county", "borough-wide"), not for a part of it.
_WHOLE_AREA = re.compile(r"\b(?:across|throughout) (?:the )?(?:whole )?(?:county|borough|city|council|authority|district|"
                         r"area|region)\b|\b(?:county|borough|city|council|authority)[- ]wide\b", re.IGNORECASE)


#: A figure given for a part of a council's area ("in the Derbyshire Dales area", "in the south of the county").
_PART_OF_AREA = re.compile(r"\b(?:in|for|across) (?:the )?(?:[A-Z][\w'’-]+ ){1,3}(?:area|locality|district|"
                           r"neighbourhood|quadrant|zone|patch|ward)\b|\bin the (?:north|south|east|west|centre|"
                           r"north[- ]east|north[- ]west|south[- ]east|south[- ]west) of the (?:county|borough|city|"
                           r"district|area)\b")
#: Words by which a question asks about some part of an area, if in no proper name ("in rural areas", "the north").
_ASKS_PART = re.compile(r"\b(?:areas?|localit(?:y|ies)|districts?|neighbourhoods?|quadrants?|zones?|patch|wards?|"
                        r"rural|urban|towns?|villages?|north|south|east|west|central|coastal)\b", re.IGNORECASE)


def for_whole_area(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether a figure asked of the whole council ("What was the median wait in Derbyshire?") is not given only
    for a part of its area ("the median wait in the Derbyshire Dales area was 92 days"): a question that names
    or speaks of some part asks about it."""
    if named_parts(question, councils) or _ASKS_PART.search(without_council_names(question, councils)):
        return True
    return not _PART_OF_AREA.search(one_line(sentence))


#: A sentence opening on the places or groups the one before it named ("In those teams, …"): its figures are theirs.
PARTS_BEFORE = r"(?:In|At|For|Within|Among) (?:these|those|both)\b"
_OPENS_ON_PARTS_BEFORE = re.compile(rf"^{PARTS_BEFORE}", re.IGNORECASE)


def whole_area_instead(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether the sentence gives its figure for the whole area ("across the county") when the question asks
    about a named part of it ("the Scarborough hub") and the sentence neither names that part nor opens on the
    parts the sentence before it named ("In those teams, waits fell …, and the model will go across the city")."""
    return (bool(named_parts(question, councils)) and bool(_WHOLE_AREA.search(sentence))
            and not names_the_part(sentence, question, councils) and not _OPENS_ON_PARTS_BEFORE.match(sentence))


#: Where one clause of a sentence ends and the next, with a subject of its own, begins (", and the longest …").
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+", re.IGNORECASE)


def part_beside_another_figure(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether the sentence names the part asked about only in a clause after the one with its figure ("The
    median wait was 42 days, and the longest waits were in the South team"): that figure is not the part's, as a
    part named only after a figure does not set its scope ("The Academy trained 20 staff, and 14 apprentices …"
    names it first)."""
    if not named_parts(question, councils):
        return False
    figure_seen = False
    for clause in _NEXT_CLAUSE.split(sentence):
        figured = bool(_COUNT.search(clause))
        if names_the_part(clause, question, councils):
            return figure_seen and not figured  # "…, but people waiting for DFG adaptations waited 39 weeks" is its own
        figure_seen = figure_seen or figured
    return False


def names_the_part(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether the sentence (with its passage) names every part the question narrows its figure to, or its
    acronym, or refers back to it, and not only together with another part: a borough-wide vacancy rate does
    not answer a question about the West Penwith teams."""
    have = {_stem(w) for w in _words(sentence)}
    council_words = _council_words(councils)
    for part in named_parts(question, councils):
        particular = _part_words(part)
        of_council = any(w in council_words for w in particular)  # "Bedford Borough's …": its title words too
        words = {_stem(w) for w in particular if w not in council_words and not (of_council and title_words_only(w))}
        if not (words <= have or _abbreviated(part, sentence) or _refers_back(part, sentence)):
            return False
        if _only_with_another(part, sentence) or _only_where_most(part, sentence):
            return False
    return True


#: Where most of a figure's things are, after the figure ("…, most of them in Edgware", "mainly in the north"): the
#: figure is for all of them, not for that place.
_WHERE_MOST = re.compile(r"\b(?:most|many|nearly all|almost all|the majority|over half|half)(?:\s+of\s+(?:them|these|those|whom))?"
                         r"\s+(?:were\s+|lived\s+|living\s+)?in\s*$|\b(?:mostly|mainly|largely|chiefly|particularly|especially)"
                         r"\s+in\s*$", re.IGNORECASE)
#: How much text before a part's name is read for those words.
WHERE_MOST_REACH = 60


def _only_where_most(part: str, sentence: str) -> bool:
    """Whether the sentence names the part only as where most of its figure's things are ("187 people were waiting,
    most of them in the Cotswolds and the Forest of Dean"): that says nothing of how many were in the part."""
    names = [m for m in re.finditer(rf"\b{re.escape(part)}\b", sentence, re.IGNORECASE)]
    before = (sentence[max(0, m.start() - WHERE_MOST_REACH) : m.start()] for m in names)
    return bool(names) and all(_WHERE_MOST.search(re.sub(r"(?:(?:the\s+)?\b[A-Z][\w'’-]*\s+(?:and|or|&)\s+(?:in\s+)?)?(?:the\s+)?$", "", b))
                               for b in before)


def _only_with_another(part: str, sentence: str) -> bool:
    """Whether the sentence names the part only together with another ("nearly all in the North and West
    localities"): its figure is for both, not for the part alone."""
    words = _part_words(part)
    if len(words) != 1:
        return False
    word = re.escape(words[0])
    alone = len(re.findall(rf"\b{word}\b", sentence, re.IGNORECASE))
    joined = len(re.findall(rf"\b[A-Z][\w-]*\s+(?:and|or|&)\s+(?i:{word})\b|\b(?i:{word})\s+(?:and|or|&)\s+[A-Z][\w-]*",
                            sentence))
    return alone > 0 and joined >= alone


def _refers_back(part: str, sentence: str) -> bool:
    """Whether the sentence refers to the part by its last word after a definite word ("the hub" for the
    Carers Hub, "the fund" for the Better Care Fund)."""
    head = re.escape(_part_words(part)[-1])
    return bool(re.search(rf"\b(?:the|this|that|its|their)\s+{head}s?\b", sentence, re.IGNORECASE))


def _acronyms(text: str) -> set[str]:
    """The capital letters of each acronym in a text ("DoLS" → "dls", "BSL" → "bsl")."""
    return {"".join(ch for ch in t if ch.isupper()).casefold() for t in _TOKEN.findall(text)
            if sum(ch.isupper() for ch in t) >= 2}


def _spelt_initials(text: str) -> str:
    """The first letters of a text's words, leaving out small joining words ("Deprivation of Liberty Safeguards" → "dls")."""
    return "".join(w[0] for w in _words(text) if w not in ("of", "and", "for", "the", "in", "a", "an"))


def _abbreviated(part: str, sentence: str) -> bool:
    """Whether the sentence spells out the part's acronym ("DoLS"), or gives the part as an acronym."""
    spelt = _spelt_initials(sentence)
    return any(a in spelt for a in _acronyms(part)) or _spelt_initials(part) in _acronyms(sentence)


#: How long people waited, said between the verb and what they waited for ("waited *a median of 14 weeks* for", "waited
#: *up to 6 months* for").
_WAIT_LENGTH = (r"(?:(?:an?|the)\s+)?(?:(?:median|average|mean|typical|maximum|minimum)\s+(?:wait\s+)?(?:of\s+)?)?"
                r"(?:(?:up to|over|about|around|nearly|almost|more than|less than|under|on average)\s+)?"
                r"[\d,.]+\s+(?:hours?|days?|weeks?|months?|years?)(?:\s+on average)?")
#: Frames that say what a figure is of: what people waited for, what complaints were about, what money was
#: spent on (the sum or a period may come between: "spent £5.4 million on", "spend a year on"), whose share it is. Read
#: as a look ahead, so that a frame inside another's phrase is found too ("81% of care homes and 89% of home care
#: providers").
_FRAME = re.compile(rf"(?=\b(?P<f>wait(?:ing|ed|s)?(?:\s+lists?)?(?:\s+{_WAIT_LENGTH})?\s+for|complaints?\s+(?:about|regarding|concerning|relating to)|"
                    r"(?:spend|spent|spending|invested|investment)\s+(?:(?:about|around|over|nearly|almost|some)\s+)?"
                    r"(?:£[\d,.]+(?:\s*(?:million|billion|m|bn|k)\b)?\s+)?(?:(?:a|each|every|per|in)\s+(?:year|month|week|"
                    r"\d{4}(?:/\d{2})?)\s+)?on|"
                    r"(?:%|per ?cent|percentage|proportion|share)\s+of)\s+(?P<obj>[^,.;:()?!]{1,80}))", re.IGNORECASE)
#: The same frame of money, with the thing before the word ("Adult social care budget: £112.9 million").
_SPEND_AFTER = re.compile(r"(?P<obj>(?:\b[A-Za-z][\w'’-]*\s+){1,4})(?:budget|spend|spending|expenditure)\b", re.IGNORECASE)
#: Words before "budget" or "spend" that say which sum it is, not what it is spent on ("the *total* budget", "the
#: *largest* budget").
_SUM_WORDS = {"total", "overall", "annual", "yearly", "net", "gross", "actual", "whole", "revenue", "capital", "its",
              "their", "the", "a", "an", "this", "that", "council", "authority", "planned", "original", "final", "own",
              "and", "or", "of", "on", "in", "for", "to", "with", "by", "was", "were", "is", "are", "had", "has",
              "over", "under", "within", "above", "below",  # "how far over budget": where against it, not what of
              "did", "do", "does",  # "did Fenwick's adult care spending go over": the question's verb
              # a comparison's words ("the *largest* adult social care budget") say which sum tops, not what it is of
              *TOP_WORDS}
#: What a sum named before "spend" is spent on, after it ("total spend *on adult social care*").
_SPEND_ON_THING = re.compile(r"\s+on\s+(?!\d)", re.IGNORECASE)
#: Words right before "budget" or "spend" that make it the whole council's sum ("total council budget").
_WHOLE_SUM = {"total", "overall", "whole", "gross", "council", "authority"}
#: Words that make the "spend" after them a verb ("how much did the council spend").
_VERB_BEFORE = re.compile(r"\b(?:do|does|did|will|would|could|can|should|may|might|to|much|they|it|we)\s+(?:[\w'’-]+\s+){0,3}$",
                          re.IGNORECASE)
#: Words before the thing a frame is about ("waiting for *a* package").
_DETERMINERS = {"a", "an", "the", "their", "its", "all", "those", "these", "our", "his", "her", "each", "every", "any",
                "some", "them", "whom"}
#: Words that end the noun phrase after a frame ("people *who* …").
_CLAUSE_START = {"who", "that", "which", "whose", "where", "when", "because", "and", "or", "but", "than", "as"}
#: How many words of the phrase after a frame are read for its head noun.
FRAME_REACH = 5


def _frame_key(frame: str) -> str:
    """One name for each frame's wordings: "wait", "complaint", "spend" or "share"."""
    word = frame.casefold()
    for key in ("wait", "complaint"):
        if word.startswith(key):
            return key
    return "spend" if word.startswith(("spen", "invest")) else "share"


@dataclass(frozen=True)
class FramedThing:
    """What a figure is said to be of, in one frame: the head noun's stem and the stems of its phrase."""

    frame: str
    head: str
    words: frozenset[str]


#: A length of time after "waiting for" ("more than a year", "over 6 months", "12 weeks"): how long, not a thing waited for.
_LENGTH_WAITED = re.compile(rf"(?:(?:more|less|longer|shorter|fewer)\s+than\s+|(?:over|under|up to|about|around|nearly|"
                            rf"almost|at least|at most)\s+)?(?:a|an|one|few|several|\d[\d,.]*|{_NUMBER_WORDS})\s+"
                            r"(?:hours?|days?|weeks?|months?|years?)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def framed_things(text: str) -> tuple[FramedThing, ...]:
    """What the text's figures are framed as being of: the noun phrase after each frame, after any
    possessive ("Camden's adult social care providers"), up to a verb, a clause or a number; its head is
    the last plural noun, else its last word, before any "of" ("waiting for a package of home care to
    start" → wait: package; "28% of people receiving support" → share: people); for money, also the words
    before "budget" or "spend" ("Adult social care budget" → spend: care). Remembered: every rule asks it of
    the same sentences."""
    out = []
    for m in _FRAME.finditer(text):
        if _LENGTH_WAITED.match(m.group("obj")):
            continue  # "waiting for more than a year": how long, not for what
        words: list[str] = []
        for token in _TOKEN.findall(m.group("obj"))[: 2 * FRAME_REACH]:
            w = token.casefold()
            if w.endswith(("'s", "’s")) or w.endswith(("s'", "s’")) and len(w) > 3:
                words = []  # the possessor: the thing is what follows
                continue
            w = w.strip("'’")
            if not words and w in _DETERMINERS:
                continue
            if w in _PHRASE_END or w in _CLAUSE_START or is_number_word(w) or words and w.endswith(("ing", "ed")):
                break
            words.append(w)
            if len(words) >= FRAME_REACH:
                break
        if words:
            phrase = words[: words.index("of")] if "of" in words[1:] else words
            plurals = [w for w in phrase if _looks_plural(w)]
            stems = frozenset(_stem(w) for w in words if w not in _DETERMINERS and w != "of")
            out.append(FramedThing(_frame_key(m.group("f")), _stem((plurals or phrase)[-1]), stems))
    for m in _SPEND_AFTER.finditer(text):
        words = [w for w in _words(m.group("obj")) if not w.endswith(("'s", "’s", "s'", "ed"))]
        whole = bool(words) and words[-1] in _WHOLE_SUM
        words = words[max((i + 1 for i, w in enumerate(words) if w in _SUM_WORDS), default=0):]
        if _VERB_BEFORE.search(m.group("obj")) and not re.search(r"['’]s\s", m.group("obj")):  # "how much does
            continue  # Haringey spend" is the verb; "did Fenwick's adult care spending go over" names what was spent on
        if words:
            out.append(FramedThing("spend", _stem(words[-1]), frozenset(_stem(w) for w in words)))
        elif whole and not _SPEND_ON_THING.match(text, m.end()):  # "Total council budget: £287.9 million" is the whole,
            # not what any part was spent on ("the total spend on adult social care" is spent on that)
            out.append(FramedThing("spend", "total", frozenset({"total"})))
    return tuple(out)


#: Words of nearly every framed phrase in these reports ("adult social care"), which do not tell two apart
#: unless nothing else is left.
_UBIQUITOUS = {"care", "social", "adult", "service", "support", "council", "local", "authority"}
#: Nouns for groups of people, whose shares a report keeps apart: a share of people receiving support is
#: not a share of unpaid carers (shares of other things are too often worded differently to compare).
_POPULATIONS = {"people", "person", "carer", "resident", "adult", "user", "client", "patient", "child", "children",
                "family", "families", "staff", "worker", "men", "women", "individual", "citizen", "household",
                "youngster", "teenager", "tenant", "veteran", "community", "background"}
#: Age groups a figure may be given for, which do not stand for each other: a share of older people says
#: nothing of working-age adults.
_AGE_GROUPS = {"older": re.compile(r"\bolder (?:people|adults|residents|persons)\b|\b(?:aged )?65 (?:and|or) (?:over|older)\b|"
                                   r"\bover[- ]65s?\b|\b(?:aged )?65 ?(?:\+|plus\b)", re.IGNORECASE),
               "working": re.compile(r"\bworking[- ]age\b|\b(?:aged )?18 to 64\b|\b18-64\b|\byounger (?:[a-z-]+ )?adults\b|"
                                     r"\b(?:aged )?under(?: the age of)?[- ]65s?\b",
                                     re.IGNORECASE),
               "children": re.compile(r"\b(?:aged )?under(?: the age of)?[- ]18s?\b|\b(?:aged )?0 ?(?:to|-) ?17\b",
                                      re.IGNORECASE)}


#: An age range as reports give it: "aged 14 to 25", "16-25 year olds", "aged 65 and over", "aged over 50", "aged
#: under 50"; or one age, "aged 17", "16-year-olds".
_AGE_RANGE = re.compile(r"\baged (\d{1,2})\s*(?:to|-|–)\s*(\d{1,2})\b|\b(\d{1,2})\s*(?:to|-|–)\s*(\d{1,2})[- ]year[- ]olds?\b|"
                        r"\baged (\d{1,2}) (?:and|or) (?:over|above|older)\b|\baged (\d{1,2}) ?(?:\+|plus\b)|"
                        r"\baged (?:over|above) (\d{1,2})\b|\baged (?:under|below) (\d{1,2})\b|"
                        r"\baged (\d{1,2})\b(?!\s*(?:to|-|–|and|or|\+|plus)\b)|(?<![\d–-])\b(\d{1,2})[- ]year[- ]olds?\b",
                        re.IGNORECASE)


def _age_ranges(text: str) -> set[tuple[str, str]]:
    """The age ranges a text names, each as (from, to): ("14", "25"), ("65", "+"), ("0", "50") for "aged under 50"."""
    out = set()
    for m in _AGE_RANGE.finditer(text):
        if m.group(8):
            out.add(("0", m.group(8)))
        elif m.group(9) or m.group(10):
            out.add((m.group(9) or m.group(10),) * 2)
        else:
            out.add((m.group(1) or m.group(3) or m.group(5) or m.group(6) or m.group(7), m.group(2) or m.group(4) or "+"))
    return out


def _groups_named(groups: dict[str, re.Pattern], text: str) -> set[str]:
    """The groups (of :data:`_AGE_GROUPS` and the like) whose pattern the text holds."""
    return {g for g, pattern in groups.items() if pattern.search(text)}


def _not_only_others(asked: set, given: set) -> bool:
    """Whether what a sentence gives is not only other ones than those asked (either side may name none)."""
    return not asked or not given or bool(asked & given)


def ages_as_asked(sentence: str, question: str) -> bool:
    """Whether a figure asked for one age range ("young people aged 14 to 25") is not given only for another
    ("143 young people aged 16 to 25")."""
    return _not_only_others(_age_ranges(question), _age_ranges(sentence))


#: Groups of people a figure may be given for, which do not stand for each other: a share of carers says nothing
#: of the people they care for, a review rate of everyone supported nothing of care home residents; and, apart
#: from those, a health check rate for people with a learning disability nothing of people with a serious mental
#: illness (a group of one kind may be narrowed by one of the other: residents with dementia).
_PEOPLE_BY_ROLE = {
    "carers": re.compile(r"(?<!Lives )(?<!young )(?<!young adult )\b(?:unpaid |family )?carers\b(?!\s+(?-i:[A-Z]))|"  # not in a
                         r"(?<!Lives )(?<!young )(?<!young adult )\bcarers['’]", re.IGNORECASE),  # body's name: "Carers Network"
    "young carers": re.compile(r"\byoung (?:adult )?carers\b", re.IGNORECASE),
    "young people": re.compile(r"\byoung (?:people|persons|adults)\b", re.IGNORECASE),  # moving to adult care, not carers
    "supported": re.compile(r"\b(?:receiving|with|getting|in receipt of) (?:long-term |community-based |ongoing )+"
                            r"(?:adult social )?(?:care|support|services?)\b|\bpeople (?:who use|using) (?:adult social "
                            r"care )?services\b|\bservice users\b|\bpeople (?:it|the council|the local authority|they) "
                            r"(?:supports?|supported|helps|helped|serves|served)\b", re.IGNORECASE),  # "the people it supports"
    "residential": re.compile(r"\b(?:care|nursing) home residents\b|\b(?:living|placed|people) in (?:a )?(?:residential|"
                              r"nursing) (?:care|homes?)\b|\bliving in care homes\b", re.IGNORECASE),
}
_PEOPLE_BY_CONDITION = {
    "learning disability": re.compile(r"\blearning disabilit(?:y|ies)\b", re.IGNORECASE),
    "mental illness": re.compile(r"\b(?:serious |severe )?mental (?:illness|ill-health)\b|\bSMI\b|"
                                 r"\bmental health (?:needs|problems|conditions)\b"),
    "autism": re.compile(r"\bautis(?:m|tic)\b", re.IGNORECASE),
    "dementia": re.compile(r"\bdementia\b", re.IGNORECASE),
}
#: Groups of people by their background: people from ethnic minority groups are not people with a learning disability.
_PEOPLE_BY_BACKGROUND = {
    "ethnic minority": re.compile(r"\bethnic minorit(?:y|ies)\b|\bminority ethnic\b|\bBlack,? Asian\b|\bBAME\b",
                                  re.IGNORECASE),
}
#: Groups of people by where they sleep or stay: people sleeping rough are not those in temporary accommodation.
_PEOPLE_BY_HOUSING = {
    "rough sleeping": re.compile(r"\b(?:sleeping|sleep|slept) rough\b|\brough sleep(?:ers?|ing)\b", re.IGNORECASE),
    "temporary accommodation": re.compile(r"\btemporary accommodation\b", re.IGNORECASE),
}


#: The kinds of group a person is a member of by who they are or where they stay (not by what they do for others).
_MEMBER_GROUPS = (_PEOPLE_BY_CONDITION, _AGE_GROUPS, _PEOPLE_BY_HOUSING, _PEOPLE_BY_BACKGROUND)


#: Looser ways a question speaks of a group than a report names it ("residents … in nursing homes").
_GROUP_SPOKEN_OF = {"residential": re.compile(r"\b(?:care|nursing) homes?\b|\bresidential\b", re.IGNORECASE)}


#: Groups of people by sex: "78% of people had a review" does not say what share were men.
_PEOPLE_BY_SEX = {"men": re.compile(r"\b(?:men|males?)\b", re.IGNORECASE),
                  "women": re.compile(r"\b(?:women|females?)\b", re.IGNORECASE)}
#: A share of a whole asked by a group its members belong to: "what share of people receiving long-term support *are
#: men*", "what proportion of staff *came from an ethnic minority background*".
_SHARE_BELONGING = re.compile(r"\b(?:share|percentage|proportion|fraction|per ?cent)\s+of\b[^?]{1,120}?\b(?:are|were|is|was|"
                              r"come|came|comes)\s+(?P<group>[^?]{2,80})", re.IGNORECASE)


#: A share taken of a whole named before what its members did or said ("what percentage of *ethnic minority staff*
#: would recommend …", "what share of *men receiving support* had a review").
_SHARE_OF_GROUP = re.compile(r"\b(?:share|percentage|proportion|fraction|per ?cent)\s+of\s+(?P<group>[^?]{2,80}?)\s+"
                             r"(?:are|were|is|was|would|said|say|says|felt|feel|had|have|has|used|use|uses|received|"
                             r"receive|get|got|did|do|does|who|that)\b", re.IGNORECASE)


#: Groups a share of the whole is never meant to stand for unnamed: a reablement share is of older people whether or not
#: the sentence says so, but a staff survey's share is not its ethnic minority staff's, nor a share of people men's.
_NEVER_IMPLIED = (_PEOPLE_BY_SEX, _PEOPLE_BY_BACKGROUND)


def share_whole(question: str) -> str:
    """The whole a share is asked of, as the question words it (:data:`_SHARE_OF_GROUP`: "ethnic minority staff",
    "people getting long-term support in Fenwick"), or ""."""
    m = _SHARE_OF_GROUP.search(question)
    return m.group("group") if m else ""


def group_of_share_named(sentence: str, question: str, lead_in: str = "") -> bool:
    """Whether a share asked of the members of a group (by sex, background, condition, age or housing: "what share of
    people receiving long-term support are men", "what percentage of ethnic minority staff would recommend …") is given
    with that group named (in the sentence or the one before it): "78% of people receiving long-term support had a
    review" does not say what share were men, nor "82% of staff would recommend it" what share of ethnic minority staff."""
    belonging, whole = _SHARE_BELONGING.search(question), share_whole(question)
    if not belonging and not whole:
        return True
    kinds = (_PEOPLE_BY_SEX, *_MEMBER_GROUPS)
    asked = {g for groups in kinds for g in _groups_named(groups, belonging.group("group"))} if belonging else set()
    asked |= {g for groups in _NEVER_IMPLIED for g in _groups_named(groups, whole)}
    return not asked or bool(asked & {g for groups in kinds for g in _groups_named(groups, f"{lead_in} {sentence}")})


def population_as_asked(sentence: str, question: str) -> bool:
    """Whether a figure asked for one group of people (carers, care home residents; people with a learning
    disability) is not given only for another of its kind: "24% of people receiving community-based support used
    a direct payment" does not say how many unpaid carers did (either side may name no group of a kind). Nor is a
    figure given only for a group of another kind than the one asked: "29% of people receiving long-term support"
    does not say what share of people with a learning disability, or of people aged 65 and over, did (nor "46 people
    sleeping rough" how many in temporary accommodation, nor a life expectancy gap for men the one for women); nor does
    a figure of the area's residents say one of the people the council supports, or of its carers."""
    kinds = (_PEOPLE_BY_ROLE, _PEOPLE_BY_SEX, *_MEMBER_GROUPS)  # the role first: "supported" is looked for in it
    asked = [_groups_named(groups, question) for groups in kinds]
    given = [_groups_named(groups, sentence) for groups in kinds]
    if not all(_not_only_others(a, g) for a, g in zip(asked, given)):
        return False
    if asked[0] - {"residential"} and not given[0] and _GIVES_POPULATION.search(sentence):
        return False  # "41% of residents are from ethnic minority groups" is not of the people it supports, nor of carers
    unspoken = [{n for n in g - a if not (n in _GROUP_SPOKEN_OF and _GROUP_SPOKEN_OF[n].search(question))}
                for a, g in zip(asked, given)]  # "residents … in nursing homes" speaks of people placed in them
    return not (any(a and not g for a, g in zip(asked, given)) and any(unspoken))


#: A question asking for an area's population ("What is Liverpool's population?", "the population of Kent").
_ASKS_POPULATION = re.compile(r"\bpopulations?\b|\bhow many (?:people|residents|adults) (?:live|are living|reside)\b(?! with\b)",
                              re.IGNORECASE)
#: Words that say a figure is of the people living in an area: "a population of around 496,800", "15% of residents",
#: "served around 268,000 people", "a rural county of around 774,000 people".
_GIVES_POPULATION = re.compile(r"\bpopulations?\b|\bresidents?\b|\binhabitants\b|\bpeople (?:live|living)\b|"
                               r"\b(?:serv(?:es|ed|ing)|cover(?:s|ed|ing)|home to|(?:county|city|borough|district|area|island) of)"
                               r"\s+(?:(?:around|about|approximately|roughly|some|nearly|almost|over|more than|just over|"
                               r"just under)\s+)?\d[\d,.]*(?:\s*(?:million|thousand))?\s+(?:people|residents)\b",
                               re.IGNORECASE)


#: A population's size as reports give it: a number in thousands ("890,400", "1.2 million", "58000").
_POPULATION_SIZE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\s*(?:million|thousand)\b|\b\d{5,}\b")


def asks_population_size(question: str) -> bool:
    """Whether the question asks how many people live in an area ("What is Liverpool's population?"), not a share
    of them: :func:`population_size_given` checks its answer."""
    return bool(_ASKS_POPULATION.search(question)) and not asks_share(question)


def population_size_given(sentence: str, question: str) -> bool:
    """Whether a figure asked of an area's population is given of the people who live there, as a size: "The local
    authority spent £289.6 million" does not say how many people live in Liverpool, nor does "24.6% of residents are
    aged 65 or over" (a share of the population is asked of a part of it: "People aged 65 and over: 17.6%")."""
    return not asks_population_size(question) or bool(_GIVES_POPULATION.search(sentence)
                                                      and _POPULATION_SIZE.search(sentence))


#: A question asking what share of an area's people are of an age group ("the highest proportion of residents aged 65
#: or over", "what percentage of the population is over 65", "what share of people living in Kent are 65 or older"),
#: and nothing about what they do.
_ASKS_AGE_SHARE = re.compile(r"(?:\b(?:percentage|proportion|share|per ?cent)|%)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?"
                             r"(?:residents|population|inhabitants|people\s+(?:living\s+|who\s+live\s+)?in\s+(?:[A-Z][\w'’-]*\s+){1,5})"
                             r"\s*(?:who\s+(?:are|were)\s+|that\s+(?:is|are|was|were)\s+|"
                             r"(?:is|are|was|were)\s+)?(?:aged\s+)?(?:\d{2}\s*(?:\+|or over|or older|and over|and older)|over\s+\d{2}|"
                             r"older|over[- ]\d{2}s)(?:\s+(?:in|across|among|amongst|of all|out of)\b[^?]*)?\s*\??\s*$",
                             re.IGNORECASE)


#: A share that says how many are of an age group: "22.7% of people are aged 65 or over", or a list's line "People
#: aged 65 and over: 17.6%" (or its figure on the next line, read as a space: "… aged 65 and over 25.6%").
_OF_AN_AGE = re.compile(r"\b(?:is|are|was|were) (?:aged|over)\b|\b(?:aged )?65 (?:and|or) (?:over|older)\s*:?\s*\d",
                        re.IGNORECASE)


def age_share_of_population(sentence: str, question: str) -> bool:
    """Whether a share asked of how many of an area's people are of an age group is given of its people: "93% of
    people aged 65 and over were discharged home" is a share of that group, not of the population; and, the other
    way round, whether a share asked of an age group ("what percentage of people aged 65 and over used a direct
    payment") is not only the share of the population of that age ("15.1% of residents are aged 65 or over")."""
    if _ASKS_AGE_SHARE.search(question):
        return bool(_GIVES_POPULATION.search(sentence) or _OF_AN_AGE.search(sentence))
    only_age_share = _OF_AN_AGE.search(sentence) is not None and len(_PERCENT_FIGURE.findall(sentence)) == 1
    return not (only_age_share and asks_share(question) and _groups_named(_AGE_GROUPS, question))


#: The stems of nouns that count people of any age ("how many older *people*", "working-age *adults*", "unpaid
#: *carers* aged 65 or over").
_PEOPLE_COUNTED = {"people", "adult", "resident", "person", "carer"}


#: A measure taken only of people aged 65 and over: the share still at home 91 days after leaving hospital.
_OLDER_BY_MEASURE = re.compile(r"\b91 days after\b", re.IGNORECASE)
#: A sentence whose people are those the one before it named ("Of these, 82% …", "They …").
_OF_THOSE_BEFORE = re.compile(r"^(?:Of (?:these|them|those|this group|whom)|These|They|Those)\b", re.IGNORECASE)


def age_group_as_asked(sentence: str, question: str, lead_in: str = "") -> bool:
    """Whether a figure asked for one age group (older people, working-age adults) is not given only for
    another: "90% of older people were still at home" does not say how working-age adults fared; and a count of
    that group's people is not one of all people: "supported 1,260 people" does not say how many were older, nor
    "1,905 unpaid carers" how many carers were aged 65 or over; nor a share of all people one of the group's
    ("64% of people receiving long-term support were reviewed" for younger adults), but for a measure taken only
    of that group (:data:`_OLDER_BY_MEASURE`), or of the group the sentence before names (``lead_in``: "310 older
    people received reablement." "Of these, 82% …")."""
    asked, given = _groups_named(_AGE_GROUPS, question), _groups_named(_AGE_GROUPS, sentence)
    if lead_in and _OF_THOSE_BEFORE.match(sentence):
        given |= _groups_named(_AGE_GROUPS, lead_in)
    if _OLDER_BY_MEASURE.search(sentence):
        given |= {"older"}
    if asked and not given and asks_how_many(question) and counted_nouns(question) & _PEOPLE_COUNTED:
        return False
    if asked and not given and asks_share(question) and not _age_ranges(sentence):
        return False
    return _not_only_others(asked, given)


def _distinct(words: frozenset[str]) -> frozenset[str]:
    """The words of a framed phrase that tell it apart from others (all of them when only common ones)."""
    return frozenset(words - _UBIQUITOUS) or words


def _alike(a: str, b: str) -> bool:
    """Whether two stems name the same thing: equal, kindred ("residents" ~ "people"), or one the start of
    the other ("callers" ~ "calls") unless the shorter is a word of nearly every phrase ("care" in "carers")."""
    if a == b or b in _KINDRED.get(a, ()) or a in _KINDRED.get(b, ()):
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and short not in _UBIQUITOUS and long.startswith(short)  # "carers" are not "care"


#: Heads of a share that is of money ("40% of the council's budget").
_SUMS = {"budget", "spend", "spending", "expenditure", "funding", "money", "income"}


#: Words that say a figure is of money ("of the council's total budget", "of its spend").
_OF_MONEY = re.compile(rf"£|\b(?:{'|'.join(sorted(_SUMS))}|budgets|spent)\b", re.IGNORECASE)


def share_of_money_given(sentence: str, question: str, lead_in: str = "") -> bool:
    """Whether a share asked of a sum of money ("the biggest share of its budget") is given of money, in the
    sentence or the one before it: "upheld 41% of them" (complaints) is no share of the budget."""
    asked = any(a.frame == "share" and a.head in _SUMS for a in framed_things(question))
    return not asked or bool(_OF_MONEY.search(f"{lead_in} {sentence}"))


#: Words for the people who work in a service ("social care workers", "social care staff").
_WORKFORCE = frozenset({"staff", "worker", "employee", "workforce"})
#: Words for the bodies that provide care ("nursing homes", "providers", "home care agencies"), whose shares are of
#: different things when their heads differ.
_PROVIDERS = frozenset({"home", "provider", "agency", "service"})


def _same_thing(asked: FramedThing, given: FramedThing) -> bool:
    """Whether two framed phrases may be about the same thing: a share of money and a share of anything else
    not, shares of groups of people or of kinds of provider by their heads, others by any distinct word in common."""
    if asked.frame == "share":
        if (asked.head in _SUMS) != (given.head in _SUMS):
            return False  # a share of the budget is not a share of complaints or of people
        if asked.head in _PROVIDERS and given.head in _PROVIDERS and not _alike(asked.head, given.head):
            return False  # a share of all providers is not one of nursing homes
        return not (asked.head in _POPULATIONS and given.head in _POPULATIONS) or _alike(asked.head, given.head) \
            or {asked.head, given.head} <= _WORKFORCE  # a share of "social care workers" is one of "social care staff"
    return any(_alike(a, b) for a in _distinct(asked.words) for b in _distinct(given.words))


#: An item of a list ("- Spend per adult was £652."): a fact of its own, which takes nothing from the item before it
#: (nor does a labelled figure, a table's row).
_LIST_ITEM = re.compile(r"^\s*[-•*–]\s")


#: Who a wait may be for rather than what ("wait for *the council* to work out what care they needed"): no thing.
_WAITED_ON = frozenset({"council", "authority", "local", "someone", "somebody", "staff", "team", "them", "it", "worker"})


def another_object(sentence: str, question: str, known=None, lead_in: str = "", councils: tuple[str, ...] = ()) -> bool:
    """Whether the sentence gives its figure for another thing in the same frame as the question: people
    waiting for an occupational therapy assessment are not people waiting for a disabled facilities grant,
    complaints about adult social care are not complaints about safeguarding, and 28% of people receiving
    support is not a share of unpaid carers. ``known(word)`` says whether the reports use a word; a thing
    the question words otherwise ("big home alterations") is not judged, as the reports' word for it is unknown.
    A sentence with no frame takes those of the sentence before it (``lead_in``): "The median wait was 14
    days" after "286 people were waiting for a Care Act assessment" is a wait for that assessment. A frame holding
    what the reports call the question's plain words is of the thing asked."""
    framed = framed_things(without_council_names(question, councils))
    asked = [a for a in framed  # "Wirral Council's spend" is no spend on a thing called Wirral
             if (known is None or all(known(w) for w in _distinct(a.words)))
             and not a.words <= _WAITED_ON and not whole_of_a_share(a, framed)]
    if not asked:
        return False
    separate = _LIST_ITEM.match(sentence) or _LABELLED_FIGURE.match(sentence)  # "Spend per adult: £589", a row
    given = framed_things(before_its_cause(sentence)) or (framed_things(lead_in) if not separate else ())
    reported = _reported_stems(question)
    return any(any(g.frame == a.frame for g in given)
               and not any(_same_thing(a, g) or _distinct(g.words) & reported for g in given if g.frame == a.frame)
               for a in asked)


def whole_of_a_share(thing: FramedThing, framed: tuple[FramedThing, ...]) -> bool:
    """Whether a whole sum the question names is what the share it asks is of ("what share of the overall council
    budget goes on adult social care"): the base of the share, not a spend asked about."""
    return thing.frame == "spend" and thing.head == "total" and any(f.frame == "share" for f in framed)


def before_its_cause(sentence: str) -> str:
    """The sentence up to the cause it gives for a figure before it ("overspent by £11.3 million, *mainly because of
    higher spending on residential care*"): what the cause speaks of is not what the figure is of."""
    m = _REASON.search(sentence)
    return sentence[:m.start()] if m and re.search(r"\d", sentence[:m.start()]) else sentence


def _reported_stems(question: str) -> frozenset[str]:
    """The stems of what the reports call the question's plain words (:mod:`rag.lay_terms`), but the common ones:
    "waiting for carers to start visiting them at home" is a wait for home care; all of a wording's when only common
    ones ("spending on looking after adults" is spending on adult social care)."""
    return frozenset().union(*(_distinct(frozenset(_stem(w) for w in _words(wording))) for wording in report_words(question)))


#: "did not", "could not", "was unable to" …, an optional adverb ("yet", "routinely"), and a verb of keeping
#: track ("record", "know", "monitor") — pieces of the two patterns below.
_NEGATED = r"did not|didn't|does not|doesn't|could not|couldn't|was unable to|were unable to"
_HOW_KEPT = r"(?:yet\s+|routinely\s+|currently\s+|reliably\s+)?"
_KEEPING_TRACK = r"know|record|collect|hold|keep|track|monitor|report|measure"
#: A sentence saying that a figure or fact is not known or not recorded by the council or its services ("the
#: local authority did not record how many were upheld", "waiting times were not recorded"): it tells the reader
#: the answer is missing ("people did not know how long they would wait" is another matter).
_NOT_KNOWN = re.compile(
    r"\b(?:authority|council|it|leaders|service|department|board|partnership|team|provider|managers|systems?|records?)\s+"
    rf"(?:[\w-]+\s+){{0,2}}(?:{_NEGATED}|do not|don't|cannot|can't)\s+{_HOW_KEPT}(?:{_KEEPING_TRACK}|tell us|"
    r"have (?:data|information|figures|a record|records))\b[^.;]{0,40}?\b(?:how many|how much|how long|whether|who|when|"
    r"which)\b", re.IGNORECASE)
#: The same said of data in general, or in the passive ("did not collect reliable data", "outcomes were not
#: recorded"): a sentence with a figure in it ("ethnicity was not recorded for 36% of people") gives that figure.
_NO_DATA = re.compile(
    rf"\b(?:{_NEGATED})\s+{_HOW_KEPT}(?:{_KEEPING_TRACK}|have)\b[^.;]{{0,30}}?"
    r"\b(?:the number|the proportion|the outcomes?|data|information|figures)\b|"
    r"\b(?:was|were|is|are|had been|has been|have been) not (?:yet )?(?:recorded|known|collected|monitored|measured|"
    r"tracked|reported)\b|\bno (?:data|figures|information|records?) (?:was|were|is|are) (?:available|held|kept|"
    r"collected|recorded)\b", re.IGNORECASE)


#: How a clause of its own, set against the one before, opens (", but the council …", "; the council …").
_CLAUSE_SET_AGAINST = re.compile(r"(?:,?\s+(?:but|although|though|whereas|while)|;)\s+(?:(?:the|its|their)\s+)?$",
                                 re.IGNORECASE)


def says_not_known(text: str) -> bool:
    """Whether the text says that something is not known or not recorded (so it gives no answer); a count told in a
    clause of its own before it is known ("the fund had supported 47 projects, but the council did not yet measure
    whether …"), unlike the whole a part is of ("Of the 286 complaints, the council did not record how many …")."""
    unknown = _NOT_KNOWN.search(text)
    before = text[: unknown.start()] if unknown else ""
    told_before = has_count(before) and bool(_CLAUSE_SET_AGAINST.search(before))
    return bool(unknown and not told_before or _NO_DATA.search(text) and not has_count(text))


#: A clause denying a deed or a thing ("it did not carry out assessments", "had no interim director"): the words after it.
_DENIED = re.compile(r"\b(?:did not|didn't|does not|doesn't|do not|don't|was not|wasn't|were not|weren't|had not|hadn't|"
                     r"has not|hasn't|have not|haven't|never|no longer|had no|has no|have no)\s+(?P<what>(?:[\w'’-]+\s+){0,4}"
                     r"[\w'’-]+)", re.IGNORECASE)
#: A thing said not to exist ("there was no backlog of DoLS applications"): denied to a question asking which councils
#: had one, though not to one asking how many or how long ("no waiting list" answers that with none).
_NONE_THERE = re.compile(r"\b(?:there )?(?:was|were|is|are|had been|has been|have been) no\s+(?P<what>(?:[\w'’-]+\s+){0,4}"
                         r"[\w'’-]+)", re.IGNORECASE)
#: A question asking which councils had or ran a thing ("which councils had a backlog …", "… run their own scheme").
_ASKS_HAVING = re.compile(r"\bwhich (?:councils?|authorities|local authorities|one|of (?:the|these|them)[\w ]{0,20})\s+"
                          r"(?:had|have|has|run|ran|runs|operated?|operates|offer(?:s|ed)?|used?|uses)\s+"
                          r"(?:an?|their|its|the)\s", re.IGNORECASE)
_DENIED_QUESTION = re.compile(r"\b(?:not|no|never|n't|without|nobody|none|no-one)\b|n't\b", re.IGNORECASE)
#: A thing that has come to an end ("the local authority's Shared Lives *scheme closed* in March 2023"): no council runs
#: it now.
_ENDED = re.compile(r"(?P<what>(?:[\w'’-]+\s+){0,3}[\w'’-]+)\s+(?:had\s+)?(?:closed|ended|ceased|shut down|"
                    r"was (?:decommissioned|discontinued|withdrawn|closed|ended))\b", re.IGNORECASE)
#: A question asking what councils do or have now ("which councils *currently run* a Shared Lives scheme").
_ASKS_PRESENT = re.compile(r"\b(?:currently|now|still|runs?|operates?|has|have|offers?|provides?)\b", re.IGNORECASE)
#: A question asking about an ending itself ("which councils closed a scheme").
_ASKS_ENDING = re.compile(r"\b(?:clos(?:e|ed|ing|ure)|end(?:ed|ing)?|stop(?:ped)?|ceased?|shut|decommissioned)\b", re.IGNORECASE)


def denies_what_is_asked(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether the sentence denies the deed or thing a question asks which councils had or did ("a voluntary
    organisation … provided information, but it did not carry out assessments" for "which councils had a voluntary
    organisation doing their carers' assessments"), or says that the thing a question asks which councils have now
    came to an end ("the Shared Lives scheme closed in 2023"): a council is not one that did; a question asking which
    did not, or which ended it, reads it as said."""
    if _DENIED_QUESTION.search(question):
        return False
    stop = _QUESTION_STOP | _GENERIC | {w for c in councils for w in _words(c)}
    asked = topic_stems(question, stop)
    ended = _ENDED.finditer(sentence) if _ASKS_PRESENT.search(question) and not _ASKS_ENDING.search(question) else ()
    absent = _NONE_THERE.finditer(sentence) if _ASKS_HAVING.search(question) else ()
    aside = _WHICH_ASIDE.search(sentence)
    denied = [m for m in _DENIED.finditer(sentence) if aside is None or m.start() < aside.start()]
    return any({_stem(w) for w in _words(m.group("what"))} & asked for m in (*denied, *ended, *absent))


#: A clause set off by ", which", commenting on what the sentence said ("paid £23.40 an hour, which providers said
#: was not enough to pay the Living Wage"): a denial in it does not deny the sentence's own deed.
_WHICH_ASIDE = re.compile(r",\s+which\b", re.IGNORECASE)


#: What says a thing was not done or not had, or has come to an end ("there was no waiting list", "had not", "closed").
_NEGATIVE_SAID = re.compile(r"\b(?:no|not|never|none|nobody|no-one|zero|without|nil|neither|nor)\b|n['’]t\b|"
                            r"\b(?:closed|ended|ceased|stopped|shut|lacked|lacking|absent)\b", re.IGNORECASE)


#: What nobody was or did ("no one was left without care"): what a sentence denies of everyone.
_NO_ONE = re.compile(r"\b(?:no one|no-one|nobody)\s+(?P<what>(?:[\w'’-]+\s+){0,4}[\w'’-]+)", re.IGNORECASE)


def denied_words(sentence: str) -> str:
    """The words a sentence says were not done or not there ("There was no waiting list for advocacy" → "waiting list
    for advocacy"): what it settles a yes/no question about."""
    return " ".join(m.group("what") for m in (*_DENIED.finditer(sentence), *_NONE_THERE.finditer(sentence),
                                              *_NO_ONE.finditer(sentence)))


def denial_unsaid(sentence: str, question: str) -> bool:
    """Whether a question asking which councils did not do or have something ("which councils had no waiting list
    for home care") meets a sentence that denies nothing and says nothing ended: "612 people were waiting for an
    assessment" is no council without a waiting list."""
    return bool(_DENIED_QUESTION.search(question)) and not _NEGATIVE_SAID.search(sentence)


#: Answer types that ask for a fact a sentence saying "not recorded" does not give.
_FACT_TYPES = ("number", "duration", "date", "person", "holder", "organisation", "name", "place")


#: A figure asked per head of a population ("spend per head", "per 100,000 adults", "per capita").
_PER_HEAD = re.compile(r"\bper (?:head|capita|person|resident|adult|(?:\d[\d,]*|thousand|hundred thousand) (?:\w+ )?"
                       r"(?:people|residents|population|adults|older people))\b", re.IGNORECASE)
#: The same in a sentence ("£412 per head", "for every 100,000 adults", "per 100,000 population").
_PER_HEAD_GIVEN = re.compile(r"\b(?:per|for every|a|each) (?:head|capita|person|resident|adult|(?:\d[\d,]*|thousand|hundred "
                             r"thousand) (?:\w+ )?(?:people|residents|population|adults|older people))\b", re.IGNORECASE)


def per_head_as_asked(sentence: str, question: str) -> bool:
    """Whether the sentence gives a figure per head of population when the question asks for one: the total
    overspend does not say what was spent per head."""
    return not _PER_HEAD.search(question) or bool(_PER_HEAD_GIVEN.search(sentence))


#: A count asked per length of time ("how many days a week is the hub staffed", "how many hours a day").
_PER_PERIOD = re.compile(r"\bhow many (?:[\w-]+ ){0,2}?(?:days|hours|nights|evenings|weekends|visits|calls|sessions|shifts) "
                         r"(?:a|per|each|every) (?P<unit>day|week|fortnight|month|year)\b", re.IGNORECASE)
#: Adverbs of each length of time ("weekly", "daily").
_PER_PERIOD_WORDS = {"day": "daily", "week": "weekly", "fortnight": "fortnightly", "month": "monthly",
                     "year": "yearly|annually"}


def per_period_as_asked(sentence: str, question: str) -> bool:
    """Whether a count asked per length of time is given per that length: "the average wait was 9 days" does not
    say how many days a week the hub is staffed; "open seven days a week" does."""
    m = _PER_PERIOD.search(question)
    if not m:
        return True
    unit = m.group("unit").casefold()
    return bool(re.search(rf"\b(?:a|per|each|every|in the|in a) {unit}\b|\b(?:{_PER_PERIOD_WORDS[unit]})\b",
                          sentence, re.IGNORECASE))


#: A question asking how much of a named sum went on one thing ("How much of the Rural Access Fund was spent on
#: community transport?").
_ASKS_PART_OF_SUM = re.compile(r"\bhow much of (?:the |its |their |(?-i:[A-Z])[\w'’-]*['’]s? )(?P<whole>[^?]{3,60}?)\s+"
                               r"(?:was|were|went|had been|is|has been|did)\b", re.IGNORECASE)
#: Words that give a part of a sum ("of which £90,000", "40% of the fund", "half of it").
_PART_GIVEN = re.compile(r"\bof (?:which|this|it|that)\b|%|\bper ?cent\b|\b(?:half|third|quarter|most)\b", re.IGNORECASE)


def part_of_sum_as_asked(sentence: str, question: str) -> bool:
    """Whether a part of a named sum asked for is given as a part: "A Rural Access Fund of £380,000 paid for community
    transport and outreach" gives the whole fund, not how much of it went on transport."""
    m = _ASKS_PART_OF_SUM.search(question)
    if not m or _PART_GIVEN.search(sentence):
        return True
    whole = [w for w in _words(m.group("whole")) if w not in _ARTICLES]
    if not whole or _stem(whole[-1]) not in {_stem(w) for w in _words(sentence)}:
        return True  # not about the sum named
    return sums_in(sentence) > 1


def gives_the_figure(sentence: str, question: str, councils: tuple[str, ...] = (), lead_in: str = "") -> bool:
    """Whether the sentence gives a figure in the form asked: a count of the thing counted (of the group the
    sentence, or the one before it, ``lead_in``, names), a sum of money, a price per the unit asked (a yearly sum,
    not a rate), a figure per head or per length of time, a change, or a share (a percentage as a figure, a group's
    share naming the group), as the question asks, of what was done (or of what was not, when that is asked); a
    whole count for a whole (not only of those who left it), a count before a change for one, a part of a named sum for
    one, a count held against the length of time asked, a count of those who received the thing asked, a count of
    things about the subject asked."""
    return (counts_the_thing(sentence, question, councils, lead_in)
            and (not asks_money(question) or has_money(sentence) or rise_as_share(sentence, question))
            and price_per_unit_given(sentence, question) and yearly_sum_given(sentence, question)
            and per_head_as_asked(sentence, question)
            # a payee named in the sentence decides; else one the sentence before names
            and payee_named(sentence if _PAYEES.search(sentence) else f"{lead_in} {sentence}", question)
            and per_period_as_asked(sentence, question) and part_of_sum_as_asked(sentence, question)
            and change_as_asked(sentence, question) and before_as_asked(sentence, question)
            and not waiting_instead(sentence, question, councils)
            and stage_as_asked(sentence, question)
            and (not asks_share(question) or has_share(sentence)) and percentage_given(sentence, question)
            and stock_not_flow(sentence, question) and done_as_asked(sentence, question, councils)
            and not_done_given(sentence, question, lead_in) and recruited_given(sentence, question)
            and received_given(sentence, question, lead_in, councils) and subject_as_asked(sentence, question, councils, lead_in)
            and of_the_one_asked(sentence, question, councils) and of_the_named_one(sentence, question, councils)
            and states_a_figure_not_asked(sentence, question)
            and figure_of_the_kind_asked(sentence, question) and total_as_asked(sentence, question)
            and age_group_as_asked(sentence, question, lead_in) and ages_as_asked(sentence, question)
            and group_of_share_named(sentence, question, lead_in)
            and population_as_asked(sentence, question) and population_size_given(sentence, question)
            and age_share_of_population(sentence, question) and budget_as_asked(sentence, question)
            and share_of_money_given(sentence, question, lead_in) and said_as_asked(sentence, question)
            and total_sum_as_asked(sentence, question) and sum_of_the_thing(sentence, question, councils)
            and same_wait_bound(sentence, question, required=_ASKS_COUNT_OR_PART.search(question) is not None)
            and same_time_limit(sentence, question)
            and extreme_sum_as_asked(sentence, question) and all_as_asked(sentence, question))


#: A question asking how many of a thing there are in all ("How many care homes are there in Bury?", "How many
#: care homes does Bury have?"), with no condition on them.
_ASKS_HOW_MANY_THERE_ARE = re.compile(r"^\s*(?:and\s+)?how many\s+(?:[\w'’-]+\s+){1,4}?(?:are|were|is)\s+there\b|"
                                      r"^\s*(?:and\s+)?how many\s+(?:[\w'’-]+\s+){1,4}?(?:does|do|did)\s+"
                                      r"(?:[\w'’-]+\s+){1,5}?have\s*(?:\?|$|in\b|at\b|now\b)", re.IGNORECASE)
#: Words after a count's thing that place it or say it is there ("care homes *in the borough*", "*registered*"),
#: not a condition on which of them are counted.
_THERE = frozenset({"in", "the", "borough", "city", "county", "area", "council's", "district", "there", "registered",
                    "open", "operating", "based", "located", "with", "of", "across", "at", "on", "within", "its",
                    "approved", "commissioned", "contracted", "available", "providing", "offering"})
#: How a condition on what a count counts is told: a passive or a perfect ("12 care homes *were rated* …", "four *had
#: closed*", "*were waiting*"), by these verbs and a past form or one of :data:`_CONDITIONS`; an active verb ("14
#: navigators worked from GP practices") tells what all of them did.
_CONDITION_VERBS = frozenset({"were", "was", "are", "is", "had", "have", "has"})
_CONDITIONS = frozenset({"not", "still", "waiting", "subject", "due", "without", "rated"})
#: The verbs of being, which a word saying a thing is there may follow ("were registered").
_BE = frozenset({"were", "was", "are", "is"})


def all_as_asked(sentence: str, question: str) -> bool:
    """Whether a count asked of all of a thing there is ("How many care homes are there in Bury?") is given by a
    count of the thing with no condition on which: "Twelve care homes in the borough were rated requires improvement"
    counts only those so rated; "There were 118 care homes" and "58 care homes were registered" count them all."""
    if not _ASKS_HOW_MANY_THERE_ARE.search(question):
        return True
    nouns = counted_nouns(question)
    if not nouns:
        return True
    counts = 0
    for clause in figure_clauses(sentence, has_count):
        words = _words(clause)
        for i, w in enumerate(words):
            head = next((j for j in range(i + 1, min(i + 5, len(words))) if _stem(words[j]) in nouns), None)
            if not is_number_word(w) or head is None:
                continue
            counts += 1
            if not _condition_after(words[head + 1 :]):
                return True
    return not counts


def _condition_after(words: list[str]) -> bool:
    """Whether the words after a counted thing set a condition on which are counted (:data:`_CONDITION_VERBS`: "were
    rated …", "had closed"), past the words that place it or say it is there ("in the borough", "were registered")."""
    rest = list(words)
    while rest and rest[0] in _THERE:
        rest.pop(0)
    if len(rest) > 1 and rest[0] in _BE and rest[1] in _THERE:  # "58 care homes were registered in Bury": all there are
        rest.pop(0)
        while rest and rest[0] in _THERE:
            rest.pop(0)
    return len(rest) > 1 and rest[0] in _CONDITION_VERBS and (rest[1] in _CONDITIONS or rest[1].endswith("ed")
                                                               or rest[1] in PRESENT_OF)


#: A question asking the most or the least of one sum or count ("What is the *maximum* grant …?", "the *most* a
#: carer can get"), not which of several has it ("Which council had the highest …?").
_ASKS_EXTREME = re.compile(r"\b(?:(?P<most>maximum|max|largest|biggest|highest|most(?=\s+(?:a|an|any|one|each|someone|"
                           r"anyone)\b))|(?P<least>minimum|min|smallest|lowest|least(?=\s+(?:a|an|any|one|each)\b)))\b",
                           re.IGNORECASE)
#: How a sentence tells a figure as the most ("grants of *up to* £5,000", "*capped at*") or the least one can be.
_MOST_TOLD = re.compile(r"\b(?:up to|maximum|max|at most|no more than|capped|cap|limit|limited to|ceiling|as much as|"
                        r"as many as|largest|biggest|highest|most|top)\b", re.IGNORECASE)
_LEAST_TOLD = re.compile(r"\b(?:minimum|min|at least|no less than|from|starting at|smallest|lowest|least|fewest)\b",
                         re.IGNORECASE)


def extreme_sum_as_asked(sentence: str, question: str) -> bool:
    """Whether a question asking the most or least of a sum or count ("What is the maximum grant a group can get?")
    is answered by a figure told as the most or least ("grants of up to £25,000"), not by a total ("gave £850,000 to
    61 groups"): the total says nothing of the largest share."""
    m = _ASKS_EXTREME.search(question)
    if not m or re.search(r"\bwhich\b|\bcouncils\b", question, re.IGNORECASE):
        return True
    return (_MOST_TOLD if m.group("most") else _LEAST_TOLD).search(sentence) is not None


#: A percentage ("7.9%", "12 per cent"): a change given as a share ("most were about delays" is no change).
_PERCENT_FIGURE = re.compile(r"\d\s*(?:%|per ?cent\b|percent\b)", re.IGNORECASE)
#: A question asking by how much something changed ("By how much did it raise its fees?", "how much did they put up
#: home care fees", "how much did it slash its grants", "how much extra did it give providers in fees").
_ASKS_BY_HOW_MUCH = re.compile(r"\bby how much\b|\bhow much\b[^?]{0,80}?\b(?:put up|increased?|uplift(?:ed)?|go up|went up|"
                               r"(?:raise[ds]?|raising)\s+(?:its\s+|their\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?"
                               r"(?:fees?|rates?|prices?|charges?|pay|payments?)|cut|reduced?|slash(?:ed)?|lower(?:ed)?|"
                               # "how much did it put home care fees up": the thing between the verb and "up"
                               r"(?:put|bump(?:ed)?)\s+(?:its\s+|their\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?"
                               r"(?:fees?|rates?|prices?|charges?|pay|payments?)\s+up|"
                               r"trim(?:med)?|go down|went down|come down|came down)\b|"
                               r"\bhow much (?:more|extra)\b[^?]{0,80}?\b(?:fees?|rates?|prices?|charges?|pay|payments?)\b",
                               re.IGNORECASE)


#: A question asking for the sum itself ("How much money, in pounds, were the grants cut by?").
_ASKS_THE_SUM = re.compile(r"\b(?:money|pounds|cash)\b|£", re.IGNORECASE)


def rise_as_share(sentence: str, question: str) -> bool:
    """Whether a question asking by how much a sum changed ("By how much did it raise home care fees?") is answered
    by a share ("increased home care fees by 7.9%"): a change in money may be given as a percentage, unless the
    question asks for the sum itself ("how much money, in pounds")."""
    return bool(_ASKS_BY_HOW_MUCH.search(question) and not _ASKS_THE_SUM.search(question)
                and _PERCENT_FIGURE.search(sentence))


#: A change given as a fraction of what there was: "to rise by a third", "had fallen by half", "doubled".
_FRACTION_CHANGE = re.compile(r"\b(?:(?:rise|rose|risen|grow|grew|grown|fall|fell|fallen|increase[ds]?|decrease[ds]?|drop(?:ped)?|"
                              r"reduced?|cut|go up|went up|gone up|go down|went down|gone down)\s+by\s+(?:a|one|two)\s+"
                              r"(?:half|third|quarter|fifth|tenth)s?|(?:halved|doubled|trebled|tripled))\b", re.IGNORECASE)


def change_by_fraction(sentence: str, question: str) -> bool:
    """Whether a question asking by how much something changed ("By how much will the number aged 85 and over rise?")
    is answered by a fraction of it ("to rise by a third", "had halved"): a change may be a share in words."""
    return bool(_ASKS_BY_HOW_MUCH.search(question) and _FRACTION_CHANGE.search(sentence))


#: A question asking for a whole count ("how many carers does it have altogether", "in total", "in all").
_ASKS_TOTAL = re.compile(r"\b(?:altogether|all together|in total|in all|all told)\b", re.IGNORECASE)
#: Words that count only what was added: "recruited 6 new carers", "20 extra beds", "took on 12 staff".
_ADDED = re.compile(rf"\b(?:new|newly|{_EXTRA}|additional|more|further|recruit(?:ed|ing|s)?|hired|joined|took on|taken on|"
                    r"added|opened)\b", re.IGNORECASE)


#: A sum given per person or per period rather than in all: "a personal budget of up to £450 a year", "£20 each".
_SUM_PER = re.compile(r"£\s?\d[\d,.]*+(?:\s?(?:million|m|k|bn|billion))?\s+(?:(?:a|an|per|every)\s+(?:head|person|carer|"
                      r"resident|client|user|adult|family|household|week|hour|day|night|month|placement|package|visit|bed)\b|"
                      r"each\b)|"
                      r"\bup to £|\b(?:average|typical|maximum|minimum) (?:of |payment of |budget of |award of )?£",
                      re.IGNORECASE)


def sums_in(sentence: str) -> int:
    """How many sums of money the sentence gives ("£380,000", "£ 1.2 million")."""
    return len(re.findall(r"£\s?\d", sentence))


def total_sum_as_asked(sentence: str, question: str) -> bool:
    """Whether a sum asked for in all ("how much did it spend in total on carers' budgets") is not given only
    per person or per period: "a budget of up to £450 a year" for each of 680 carers is not what was spent."""
    if not (_ASKS_TOTAL.search(question) or re.search(r"\btotal\b", question, re.IGNORECASE)) or not asks_money(question):
        return True
    sums = sums_in(sentence)
    return sums == 0 or sums > len(_SUM_PER.findall(sentence))


#: What a question asks was spent: "how much did it spend altogether *on carers' personal budgets* in 2023/24".
_SPENT_ON = re.compile(r"\b(?:spen[dt]s?|spending|expenditure)\b(?:\s+[\w'’-]+){0,2}?\s+on\s+(?P<what>[^?,;]{2,80}?)"
                       r"(?=\s+(?:in|during|for|over|by|each|every|a|an|per|last|this|between|from|since|altogether|"
                       r"in total|so|to|than|and|compared|across)\b|\s*[?,;]|\s*$)", re.IGNORECASE)
#: What a sum asked as a thing's worth, budget or cost is of: "how much is *the rural mileage supplement* worth (per
#: hour)", "what is the annual budget of *the Well Newham programme*", "what does *the Rural Care Payment* cost".
_WORTH = re.compile(r"\b(?:how much|what) (?:is|was|are|were) (?P<what>[^?,;]{2,80}?) worth\b|"
                    r"\b(?:budget|cost|value) (?:of|for) (?P<of>[^?,;]{2,80}?)(?=\s+(?:in|during|over|each|every|per|a|an|"
                    r"this|last|between|from|since|to|and)\b|\s*[?,;]|\s*$)|"
                    r"\bwhat (?:does|did|will|would) (?P<costs>[^?,;]{2,80}?) cost\b", re.IGNORECASE)
#: Words of what was spent on that name no particular thing: "spend on *its* services in *total*".
_SPENT_ON_FILLERS = {"the", "a", "an", "its", "their", "his", "her", "of", "and", "for", "to", "total", "budget", "money",
                     "cost", "service", "support", "care",
                     # pronouns name no thing it was spent on ("to spend on themselves")
                     "themselves", "themself", "himself", "herself", "itself", "them", "it", "this", "that", "these",
                     "those", "yourself", "myself"}
#: How many words either side of a sum may name what it was spent on ("Spend on direct payments (2023/24): £2.6m").
SPENT_ON_REACH = 8


def sum_of_the_thing(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether a sum asked to have been spent on a named thing ("how much did it spend on carers' personal
    budgets") is given beside a word of that thing: a council's total, adult social care or direct payments
    budget is not what it spent on carers' budgets; nor is an hourly rate for home care what a supplement to it is
    worth ("how much is the rural mileage supplement worth")."""
    m = _SPENT_ON.search(question)
    worth = _WORTH.search(question)
    if not (m or worth) or not asks_money(question):
        return True
    if m:
        wanted = {_stem(w) for w in _words(m.group("what")) if w not in _council_words(councils) and not w.isdigit()
                  and w not in _SPENT_ON_FILLERS} - _SPENT_ON_FILLERS
    else:  # "how much is the rural mileage supplement worth": the supplement, anywhere ("…, and it was worth £29m")
        what = worth.group("what") or worth.group("of") or worth.group("costs")
        head = re.split(r"\s+(?:for|of|in|on|at|to|from|with|gave|paid|made|had|has|did|was|were|"
                        r"[a-z]{3,}ed(?=\s+(?:to|the|a|an|by|for|in|on|with|from|its|their)\b))\b", what,
                        maxsplit=1)[0]  # "… for home care", "grants the Fund *gave* to groups" (not "the *pooled* budget")
        words = [w for w in _words(head) if w not in _SPENT_ON_FILLERS and not w.isdigit()]
        return not words or _stem(words[-1]) in {_stem(w) for w in _words(sentence)}
    if wanted and in_report_words(m.group("what")) == m.group("what"):  # in the reports' words already:
        wanted = _distinct(frozenset(wanted))  # "agency social workers", where "social" names no thing
    if not wanted:
        return True
    found = list(_TOKEN.finditer(sentence))
    stems = [_stem(t.group(0).strip("'’")) for t in found]
    sums = [i for i, t in enumerate(found) if sentence[max(0, t.start() - 2) : t.start()].strip().endswith("£")]
    return not sums or any(set(stems[max(0, i - SPENT_ON_REACH) : i + SPENT_ON_REACH + 1]) & wanted for i in sums)


#: Words that count what there is room for at one time ("capacity for about 95 people at a time"), not a total.
_AT_A_TIME = re.compile(r"\bat (?:a|any|any one|one|the same) time\b|\bat once\b", re.IGNORECASE)
#: "Capacity", which counts room only when a whole is asked: "trained 14 assessors to increase capacity" counts them.
_CAPACITY = re.compile(r"\bcapacity\b", re.IGNORECASE)


def total_as_asked(sentence: str, question: str) -> bool:
    """Whether a whole count asked for ("how many Shared Lives carers does it have altogether") is given by a
    clause naming the thing counted without counting only additions or what there is room for at one time:
    "recruited 6 new carers" is not how many carers there are, nor "capacity for 95 people at a time" how many
    were supported in all. A question about additions itself ("how many new carers in total") is left alone. A count
    asked over a year ("how many people did it support in 2023/24") is a whole too, though not of what was added."""
    whole = _ASKS_TOTAL.search(question) and not _ADDED.search(question)
    if not whole and not (asks_how_many(question) and any(p.month is None for p in periods(question))):
        return True
    nouns = counted_nouns(question)
    counting = [c for c in figure_clauses(sentence, has_count) if any(_stem(w) in nouns for w in _words(c))]
    return not counting or any(not (whole and (_ADDED.search(c) or _CAPACITY.search(c))) and not _AT_A_TIME.search(c)
                               for c in counting)


def figure_of_the_kind_asked(sentence: str, question: str) -> bool:
    """Whether a clause that gives the kind of figure asked for (a sum, a share, a count) does not name another
    kind in place of the one asked: "had a savings target of £6.1 million and was forecasting an overspend" gives
    no overspend's size, though its sentence names one."""
    clauses = figure_clauses(sentence, figure_test(question, "number"))
    worded = with_plain_wordings(question)  # "cut from spending" asks for savings
    return not clauses or any(other_kind(clause, worded, named_only=True) is None for clause in clauses)


#: Words that scale a figure ("£3.2 million"), not figures themselves.
_SCALES = {"hundred", "thousand", "million", "billion"}


def _figures_in(text: str) -> Counter[str]:
    """The figures a text states in digits, each as often as it states it, commas dropped ("£3.2 million" → "3.2")
    and a percentage marked as one ("91%" is not the 91 of "91 days"), without years and financial years ("2024/25")."""
    out: Counter[str] = Counter()
    for m in _FIGURES.finditer(text):
        written = m.group(0).rstrip(".,")
        figure = written.replace(",", "")
        if _PERCENT_SIGN.match(text, m.start() + len(written)):
            figure += "%"
        if not re.fullmatch(r"(?:19|20)\d{2}", written) and text[m.start() - 1 : m.start()] != "/":  # "1,980" is no year
            out[figure] += 1
    return out


def states_a_figure_not_asked(sentence: str, question: str) -> bool:
    """Whether the sentence states a figure the question does not already give, in digits or in words, or states
    one more often than the question does: "How much of the £3.2 million savings target was delivered?" is not
    answered by "set a savings target of £3.2 million", but "how many 17-year-olds …" is by "17 young people aged 17"."""
    asked = _figures_in(question)
    if not asked:
        return True
    words = {w for w in _words(sentence) if w.isalpha() and _COUNT.fullmatch(w)} - _SCALES  # "half"; "million" scales
    return bool(_figures_in(sentence) - asked or words)


#: An ordinal that picks out one of several things ("the planned fourth scheme"); "first" is left out, as it
#: mostly says when ("first assessment", "first year").
_ORDINAL = re.compile(r"\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.IGNORECASE)
#: Where one clause of a sentence ends and another begins (a comma alone may only set off a phrase).
_CLAUSE_BREAK = re.compile(r"[;:]|,?\s(?:and|but|while|whereas|although)\s")


def clauses_as_named(sentence: str, question: str) -> list[str]:
    """The sentence's clauses (:data:`_CLAUSE_BREAK`), not split at a joining word the question has between the same
    two words: "a joint adult social care and rough sleeping panel" is one thing when the question names it so."""
    words = _words(question)
    joined = {tuple(words[i - 1 : i + 2]) for i in range(1, len(words) - 1)}  # "care and rough"
    out, start = [], 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        before, after = _words(sentence[max(0, m.start() - 40) : m.start()])[-1:], _words(sentence[m.end() : m.end() + 40])[:1]
        if before and after and (before[0], *_words(m.group(0)), after[0]) in joined:
            continue
        out.append(sentence[start : m.start()])
        start = m.end()
    return [*out, sentence[start:]]


#: An ordinal that names a fraction, not one of several things: "the poorest tenth", "a fifth of", "the top third".
_FRACTION_ORDINAL = re.compile(rf"\b(?:a|one|two|three|four|top|bottom|[a-z]+est)\s+{_ORDINAL.pattern}s?\b|"
                               rf"{_ORDINAL.pattern}s?\s+of\b", re.IGNORECASE)


def of_the_one_asked(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether a count asked of one thing picked out by an ordinal ("how many flats will the fourth scheme
    provide") is given in a clause that names it: "3 schemes with 240 flats in total, and a fourth scheme was
    planned" gives the flats of the other three. An ordinal naming a fraction ("the poorest tenth") picks out none."""
    m = _ORDINAL.search(_FRACTION_ORDINAL.sub(" ", question))
    if not m:
        return True
    ordinal = m.group(1).casefold()
    clauses = [c for c in _CLAUSE_BREAK.split(sentence) if ordinal in c.casefold()]
    return bool(clauses) and counts_the_thing(" ".join(clauses), question, councils)


#: The ones a question asks about as those already there ("the existing schemes"), and how a clause speaks of
#: another one yet to come ("a new scheme in Rochester was due to open in 2026").
_ASKS_EXISTING = re.compile(r"\b(?:existing|current|present)\b", re.IGNORECASE)
_YET_TO_COME = re.compile(r"\b(?:a|an|the) new\b|\b(?:planned|proposed|due to open|to open|will open|being built)\b",
                          re.IGNORECASE)


def without_other_ones(sentence: str, question: str) -> str:
    """The sentence without its clauses about another one than those asked: one picked out by an ordinal the
    question does not use, or one yet to come when the question asks of those already there (where "a fourth
    scheme was planned" is not where the three existing schemes are)."""
    asked = {m.casefold() for m in _ORDINAL.findall(question)}
    existing = bool(_ASKS_EXISTING.search(question))
    clauses, breaks = _CLAUSE_BREAK.split(sentence), _CLAUSE_BREAK.findall(sentence)
    kept = [not {m.casefold() for m in _ORDINAL.findall(c)} - asked and not (existing and _YET_TO_COME.search(c))
            for c in clauses]
    # clauses kept side by side keep the words joining them ("held in Oxford and Banbury" stays one place)
    return "".join((breaks[i - 1] if i and kept[i - 1] else " ") + c
                   for i, c in enumerate(clauses) if kept[i]).strip()


#: Nouns of the kinds of place or service a question may name one of.
_PLACE_KINDS = "hub|centre|center|home|scheme|team|service|project|programme|panel|unit|ward|hospital|library|court|" \
               "house|office|cafe|café|flat"
#: One place or service a question names ("the Kirkby Wellbeing Hub", "Elm Court care home"): capitalised words
#: before a noun of its kind.
_NAMED_ONE = re.compile(rf"\b((?:[A-Z][\w'’-]*\s+){{1,4}})(?:[a-z]+\s+)?(?i:({_PLACE_KINDS}))\b")
#: One place or service a question names after its kind ("the new extra care scheme at Killingworth").
_NAMED_ONE_AFTER = re.compile(rf"(?i:\b({_PLACE_KINDS}))\s+(?:at|in)\s+((?:[A-Z][\w'’-]*\s*){{1,3}})")
#: Capitalised words that start a question rather than name anything.
_QUESTION_WORDS = {"how", "what", "which", "when", "where", "who", "why", "did", "does", "do", "is", "was", "were", "are",
                   "has", "have", "had", "in", "at", "for", "of", "the", "and", "by"}


def of_the_named_one(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether a count asked of one named place or service ("how many visits did the Kirkby Wellbeing Hub
    receive", "the new scheme at Killingworth") is not given only for all of its kind: "the hubs had 9,800 visits"
    counts every hub, and says nothing of the one asked, unless the clause giving the figure names it."""
    if not _COUNTS.search(question):
        return True
    stop = {w for c in councils for w in _words(c)} | _QUESTION_WORDS
    named = [(m.group(1), m.group(2)) for m in _NAMED_ONE.finditer(question)] + [
        (m.group(2), m.group(1)) for m in _NAMED_ONE_AFTER.finditer(question)]
    counting = [set(_words(c)) for c in _CLAUSE_BREAK.split(sentence) if _COUNT.search(c)] or [set(_words(sentence))]
    for name, noun in named:
        words = {w for w in _words(name) if w not in stop}
        noun = noun.casefold()
        if words and any(any(w != noun and _looks_plural(w) and _stem(w) == noun for w in said) for said in counting) \
                and not any(words & said for said in counting):
            return False  # "the hubs", all of them, and no clause giving a figure names the one asked
    return True


#: Words that say something did not happen ("could not be provided", "were never reviewed").
_NEGATION = r"not|never|unable|cannot|no longer"
#: A question about what was not done ("could not be arranged", "without a review", "unallocated", "unmet",
#: "still waiting to be screened").
_ASKS_NOT_DONE = re.compile(rf"\b(?:{_NEGATION}|without|un\w+(?:ed|met)|wait\w*|await\w*|outstanding|pending|backlogs?)\b"
                            r"|n['’]t\b", re.IGNORECASE)
#: A clause whose figure is said not to have happened: a number, then a negation before the clause ends
#: ("around 1,900 hours of home care a week could not be provided"); a negation before the number ("had not met
#: its target of 80%") or in a clause of its own ("14 parishes where agencies could not recruit") is said of
#: something else. Read within a bounded window, so a hostile sentence stays linear time.
_FIGURE_NOT_DONE = re.compile(r"(?<![\d,.])\d(?:[\d,.]*\d)?"  # the whole number: "1,550 people had not …"
                              r"(?:(?!\b(?:where|who|whom|whose|which|that|because|as|although|when|if)\b)[^,;:])"
                              rf"{{0,{PHRASE_CHARS}}}?(?:\b(?:{_NEGATION}|unmet)\b|n['’]t\b)"
                              rf"[^,;:]{{0,{PHRASE_CHARS}}}", re.IGNORECASE)


def done_as_asked(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether a count of the thing asked is given of what was done, when the question asks how many were done:
    "1,900 hours of home care a week could not be provided" does not say how many hours were delivered (a
    sum or a rate that "did not cover costs" is another matter)."""
    if not _COUNTS.search(question) or _ASKS_NOT_DONE.search(question) or not _FIGURE_NOT_DONE.search(sentence):
        return True
    return counts_the_thing(_FIGURE_NOT_DONE.sub(" ", sentence), question, councils)


#: A deed a count question asks was done to the things counted ("how many applications did it authorise").
_DEED_ASKED = re.compile(r"\b(?:authori[sz]e[ds]?|approved?|granted|completed?|processed|carried out|signed off|resolved?|"
                         r"closed|concluded|finished|upheld|uphold|assess(?:ed)?|review(?:ed)?|screen(?:ed)?|allocated?)\b",
                         re.IGNORECASE)
#: A count of things still waiting ("410 applications awaiting assessment", "960 people were waiting for …", "a
#: backlog of 610 applications"), within a bounded window.
_WAITING_FIGURE = re.compile(rf"(?<![\d,.])\d(?:[\d,.]*\d)?\s+(?:[^\d,;:.]{{0,{PHRASE_CHARS}}}?\s)?"
                             r"(?:waiting|awaiting|outstanding|unallocated|pending|on (?:a|the) waiting list)\b|"
                             r"\bbacklog\s+of\s+(?:about\s+|around\s+)?\d[\d,]*", re.IGNORECASE)


def waiting_instead(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether the sentence counts only things still waiting when the question counts those a deed was done to:
    "410 applications awaiting assessment" does not say how many were authorised."""
    if not _DEED_ASKED.search(question) or not _WAITING_FIGURE.search(sentence):
        return False  # the cheap tests first: this runs for every sentence scored
    asked = without_assessment_time(question)  # "when CQC carried out its assessment" is when, not the deed
    if not _COUNTS.search(asked) or not _DEED_ASKED.search(asked) \
            or _ASKS_NOT_DONE.search(f"{asked} {in_report_words(asked)}"):
        return False
    return not counts_the_thing(_WAITING_FIGURE.sub(" ", sentence), question, councils)


#: The stages a case passes through that a count may be of, each with the words telling it (verbs and nouns): a count
#: at one stage is not the count at another ("612 concerns led to an enquiry" does not say how many enquiries were
#: completed, nor "212 carers' assessments were completed" how many carers were offered one).
_STAGE_WORDS = {
    "refer": r"refer(?:s|red|ring|rals?)?|passed\s+to",
    "offer": r"offer(?:s|ed|ing)?",
    "request": r"request(?:s|ed|ing)?|asked\s+for",
    "screen": r"screen(?:s|ed|ing)?|triag(?:e|ed|ing)",
    "decline": r"declin(?:e|es|ed|ing)|refus(?:e|es|ed|al|als)|reject(?:s|ed|ions?)?|turned\s+down",
    "uphold": r"upheld|uphold(?:s|ing)?",
    "complete": r"complet(?:e|es|ed|ions?)|conclud(?:e|es|ed)|conclusions?|closed|finish(?:ed)?|carried\s+out|undertaken|"
                r"conducted",
    "approve": r"approv(?:e|es|ed|als?)|authori[sz](?:e|es|ed|ations?)|granted",
    "assess": r"assess(?:es|ed|ing|ments?)?",
    "review": r"review(?:s|ed|ing)?",
    "receive": r"receiv(?:e|es|ed|ing)|took|taken|handled|made|raised|submitted",
    "support": r"support(?:s|ed|ing)?|help(?:s|ed)?|worked\s+with|served",
    "pass": r"pass(?:es|ed)\s+on|forward(?:ed)?|escalat(?:e|es|ed)|led\s+to|transferred|signposted",
    "resolve": r"resolv(?:e|es|ed)|dealt\s+with",
    "allocate": r"allocat(?:e|es|ed|ions?)",
}
_STAGE = {stage: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for stage, words in _STAGE_WORDS.items()}
#: What a stage's verb follows when it is the question's own verb: "were referred", "had been declined", "did the
#: hub screen" (not "the first supported year", "an approved household", "when the agency closed").
_STAGE_AUX = r"\b(?:were|was|are|is|been|being|got|get|gets|had|has|have)\s+(?:\w+\s+)?"
_STAGE_DID = r"\b(?:did|does|do)\s+(?:[\w'’-]+\s+){1,8}?"
#: The stages a question asks a count of, by their verbs as done after an auxiliary ("were referred", "were made")
#: and in the present after "did" and its subject ("did the hub screen"): not by their nouns, which may name the
#: thing counted ("how many carers were offered an assessment").
_STAGE_ASKED = {stage: re.compile(rf"{_STAGE_AUX}(?:{done})\b|{_STAGE_DID}(?:{present})\b", re.IGNORECASE)
                for stage, (done, present) in {
                    "refer": (r"referred|passed\s+to", r"refer|pass\s+to"), "offer": ("offered", "offer"),
                    "request": ("requested", "request"), "screen": ("screened", "screen"),
                    "decline": (r"declined|refused|rejected|turned\s+down", "decline|refuse|reject"),
                    "uphold": ("upheld", "uphold"), "complete": ("completed|concluded|closed|finished",
                                                                 "complete|conclude|close"),
                    "approve": (r"approved|authori[sz]ed|granted", r"approve|authori[sz]e|grant"),
                    "assess": ("assessed", "assess"), "review": ("reviewed", "review"),
                    "receive": (r"received|made(?!\s+up)|raised|submitted", "receive"),
                    "support": ("supported|helped", "support|help"),
                    "pass": (r"passed\s+on|forwarded|escalated|transferred|signposted", r"pass\s+on"),
                    "resolve": (r"resolved|dealt\s+with", "resolve"), "allocate": ("allocated", "allocate"),
                }.items()}


def stages_asked(question: str) -> set[str]:
    """The stages a count question asks of (:data:`_STAGE_ASKED`)."""
    return {stage for stage, asked in _STAGE_ASKED.items() if asked.search(question)}


@functools.lru_cache(maxsize=256)
def _stage_held_to(question: str) -> tuple[str | None, frozenset[str]]:
    """The one stage a count question holds its figure to (None when it asks no count, no stage or several: "how many
    referred people were assessed" has no one stage), and the stages its counted thing names ("carers' assessments"),
    which are no other stage: read once per question, as :func:`stage_as_asked` runs for every sentence scored."""
    asked = stages_asked(question) if _COUNTS.search(question) else set()
    if len(asked) != 1:
        return None, frozenset()
    counted = " ".join(counted_nouns(question))
    return next(iter(asked)), frozenset(s for s, pattern in _STAGE.items() if pattern.search(counted)) - asked


def stage_as_asked(sentence: str, question: str) -> bool:
    """Whether a count asked at one stage of a process (one verb of :data:`_STAGE_WORDS` asked) is given at it: false
    when every clause of the sentence giving a figure speaks of other stages than the one asked (the thing counted,
    "carers' assessments", is no other stage): "The service supported 2,310 people" for how many were referred to it;
    "612 concerns led to an enquiry" for how many enquiries were completed."""
    stage, own = _stage_held_to(question)
    if stage is None:
        return True
    counting = [c for c in _CLAUSE_BREAK.split(sentence)
                if any(m.group(0).casefold() != "one" for m in _COUNT.finditer(c))]  # not "not always offered one"
    told = [{s for s, pattern in _STAGE.items() if pattern.search(c)} for c in counting]
    return not told or any(stage in t or not t - own for t in told)


#: Words saying something was not done or not had: a negation, a wait, a backlog, a gap, a lack, none of something
#: more ("needed no further care").
_NOT_DONE = re.compile(rf"\b(?:{_NEGATION}|without|unmet|un\w+(?:ed|met)|wait\w*|await\w*|outstanding|backlogs?|shortfalls?|"
                       r"gaps?|lack\w*|missed|cancel\w*|delay\w*|vacan\w*|short of|fail\w*|turned down|refused|declined|"
                       r"insufficient|shortages?|no (?:further|ongoing|long-term|more|other|formal))\b|n['’]t\b", re.IGNORECASE)


def not_done_given(sentence: str, question: str, lead_in: str = "") -> bool:
    """Whether a count of what was not done is given as such, when the question asks for one: "commissioned
    around 14,200 hours of home care a week" does not say how many hours it was unable to provide. Plain words the
    reports say otherwise ask nothing undone ("people who look after a relative without pay" are unpaid carers), nor
    does a condition ("a card with a plan in case they couldn't care"). What a count undone became is given as such
    too ("… could not be provided. By March 2025 this had fallen to 640 hours", with ``lead_in`` the sentence before)."""
    question = _CONDITION.sub(" ", question)
    return not asks_how_many(question) or not _ASKS_NOT_DONE.search(question) \
        or not _ASKS_NOT_DONE.search(in_report_words(question)) or bool(_NOT_DONE.search(sentence)) \
        or bool(_CHANGE_OF_IT.search(sentence) and _NOT_DONE.search(lead_in))


#: A sentence giving what the figure before it became ("By March 2025 this had fallen to 640 hours a week"): a count of
#: what the sentence before counted, undone things if it counted those.
_CHANGE_OF_IT = re.compile(r"^[^,.;]{0,40}?\b(?:this|these|that|it|the (?:figure|number|total))\s+(?:had |has |was |were )?"
                           r"(?:fallen|fell|risen|rose|dropped|grown|grew|reduced|increased|come down|gone up|gone down|"
                           r"went up|went down|came down)\b", re.IGNORECASE)


#: A condition within a question ("in case they suddenly couldn't look after them", "if the carer cannot help"),
#: to the clause's end: what might happen, not what was or was not done.
_CONDITION = re.compile(r"\b(?:in case|if|should|in the event (?:that|of))\b[^,;?]*", re.IGNORECASE)


#: A question asking how many were taken on ("how many new carers did it recruit", "how many staff were hired").
_ASKS_RECRUITED = re.compile(r"\b(?:recruit|recruited|hire|hired|take on|took on|taken on|appoint|appointed|sign up|"
                             r"signed up|enlist|enlisted)\b", re.IGNORECASE)
#: Words saying people were taken on: "recruited", "9 new support workers", "joined the scheme", "placed 12 student
#: social workers with the council".
_TAKEN_ON = re.compile(rf"\b(?:recruit\w*|hir(?:ed|ing)|took on|taken on|appoint\w*|joined|new|additional|{_EXTRA}|"
                       r"signed up|enlisted|approved|registered|enrolled|placed \d[\d,]* (?:[\w'’-]+ ){1,4}?with)\b",
                       re.IGNORECASE)


#: A participle naming who took on a body beside it ("the company *hired by* Torbay"): it says which body, not how many
#: were taken on, unless a form of "be" or "have" makes it the verb ("how many staff *were hired by* the council").
_TAKER_NAMED = re.compile(r"(?<!\bwas)(?<!\bwere)(?<!\bbeen)(?<!\bbeing)(?<!\bis)(?<!\bare)(?<!\bbe)(?<!\bhad)(?<!\bhas)"
                          r"(?<!\bhave) (?:recruited|hired|appointed|signed up|enlisted) by\b", re.IGNORECASE)


def recruited_given(sentence: str, question: str) -> bool:
    """Whether a count of people taken on is given as such, when the question asks for one: "the scheme had
    91 carers" is how many there were, not how many were recruited that year."""
    return not asks_how_many(question) or not _ASKS_RECRUITED.search(_TAKER_NAMED.sub(" ", first_question(question))) \
        or bool(_TAKEN_ON.search(sentence))


#: A count of those who received, held or attended a thing ("how many carers received the one-off carer's grant",
#: "how many held an emergency card", "how many attend the group"): the thing is the phrase after the verb and its
#: article, up to a preposition, a clause ("run by …") or the end.
_ASKS_RECEIVED = re.compile(r"\bhow many\b[^?]{0,80}?\b(?:received|receive|receiving|got|get|getting|"
                            r"(?:(?:were|was|are|is|have been|has been|had been|been)\s+)(?:given|awarded|offered|issued)|"
                            r"took up|take up|held|hold|carry|carried|attend|attended|attends|joined|join)\s+(?:an?|the|their|"
                            r"its|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}['’]s)\s+(?P<thing>[\w'’-]+"
                            r"(?:\s+(?!(?:in|during|by|since|over|last|this|from|at|for|to|that|which|who|when|if|after|"
                            r"before|with|without|within|and|or|so|as|because|where|whose|until|while|run|led|held|organised|"
                            r"hosted|provided|delivered|offered|set|funded|paid|ran|commissioned|started|launched|having|needing)\b)[\w'’-]+){0,4})",
                            re.IGNORECASE)


#: Nouns that count those who received, hold, attended or joined a thing ("650 card holders", "grant recipients",
#: "a programme started with 18 participants").
HOLDER_NOUNS = frozenset({"holder", "recipient", "user", "participant", "attendee", "member"})


def received_given(sentence: str, question: str, lead_in: str = "", councils: tuple[str, ...] = ()) -> bool:
    """Whether a count of those who received, held or attended a thing names that thing (its last word in the
    sentence, a report's wording for it, or all its words with the sentence before; a council named after it, "the
    men's sheds Barnsley paid for", is no part of it), when the question asks for one: "the centre supported 1,350
    carers" does not say how many received its grant, nor do 1,400 carers of a network that runs "groups" say how
    many attend its young adult carers' group."""
    m = _ASKS_RECEIVED.search(first_question(question)) if asks_how_many(question) else None
    if not m:
        return True
    council_words = {w for council in councils for w in _words(council)}
    words = [_stem(w) for w in _words(m.group("thing")) if w not in _ARTICLES]
    words = [w for w in words if w not in council_words] or words
    said = {_stem(w) for w in _words(sentence)}
    return (words[-1] in said or bool(_report_stems(m.group("thing")) & said)  # "kit": "equipment"
            or set(words) <= {_stem(w) for w in _words(f"{lead_in} {sentence}")})


#: A count of things about a subject ("how many safeguarding concerns *about cuckooing*", "how many complaints
#: *involving home care*"): the subject runs up to a verb or a word starting a new part of the question.
_ASKS_ABOUT = re.compile(r"\bhow many\s+(?:(?!(?:did|do|does|were|was|are|is|had|has|have|to|from|by|for|in)\b)[\w'’-]+\s+){1,4}?"
                         r"(?:about|involving|concerning|regarding|relating to|related to|linked to)\s+"
                         r"(?P<subject>[\w'’-]+(?:\s+(?!(?:did|do|does|were|was|are|is|had|has|have|in|during|by|since|at|"
                         r"for|from|to|that|which|who|when|and|or|last|this|over|came|come|went|got|made|led|took|"
                         r"reached|arrived)\b)[\w'’-]+){0,3})", re.IGNORECASE)


def subject_as_asked(sentence: str, question: str, councils: tuple[str, ...] = (), lead_in: str = "") -> bool:
    """Whether a count of things about a subject ("how many concerns about cuckooing") is given by a sentence naming
    that subject (or the reports' word for it), with the sentence before: 2,781 concerns of every kind do not say
    how many were about cuckooing. Subjects of only common words ("about adult social care") are not looked for."""
    m = _ASKS_ABOUT.search(first_question(question)) if asks_how_many(question) else None
    if not m:
        return True
    own = {w for c in councils for w in _words(c)}
    words = [w.casefold() for w in _TOKEN.findall(m.group("subject")) if w[:1].islower()  # a name is checked elsewhere
             and w.casefold() not in _GENERIC and w.casefold() not in own and not w.endswith("ed")]
    if not words:
        return True
    said = {_stem(w) for w in _words(f"{lead_in} {sentence}")}
    return bool(({_stem(w) for w in words} | _report_stems(m.group("subject"))) & said)


def _report_stems(phrase: str) -> set[str]:
    """The stems of the reports' wordings for a phrase's plain words ("kit": "equipment")."""
    return {_stem(w) for wording in report_words(phrase) for w in _words(wording)}


#: Who a figure's deed is done by, as a question asks it ("upheld *by the ombudsman*", "referred by GPs").
_AGENT = re.compile(r"\b(?:upheld|referred|reported|raised|made|funded|commissioned|provided|run|delivered|carried out|"
                    r"completed|received|sent|submitted|investigated|supported|visited|placed|arranged|paid)\s+by\s+"
                    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?P<agent>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2})",
                    re.IGNORECASE)
#: Who a figure's deed is done by, as a question asks it of the council's service by its kind of work ("how many
#: compliments did Kelby's *reablement* service receive"): the word before "service", "team" or the like, in lower
#: case (a service's name is checked as a name).
_AGENT_ACTIVE = re.compile(r"\bdid\s+(?:[\w'’-]+\s+){0,5}?(?-i:(?P<agent>[a-z]+))\s+(?P<kind>service|team|hub|unit|scheme|"
                           r"programme|project)s?\s+(?:receive|record|handle|get|support|see|complete|carry out|"
                           r"visit|help|deal with|take|make|process)\b", re.IGNORECASE)
#: Words for the council itself, which every figure in its report is by: not an agent to look for.
_SELF = {"council", "councils", "authority", "local", "department", "service", "services", "team", "staff", "it", "them"}
#: Other names of agents ("the ombudsman" is the LGSCO).
_AGENT_NAMES = {"ombudsman": {"ombudsman", "lgsco"}}


@functools.lru_cache(maxsize=256)
def agents_asked(question: str, councils: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The stems of who the question says did the deed it counts ("upheld by the ombudsman" → "ombudsman"),
    leaving out the council itself; () when it names none. Remembered: every candidate sentence asks it."""
    council_words = _council_words(councils)
    out = []
    for m in _AGENT.finditer(question):
        words = []
        for w in _words(m.group("agent")):
            if w in _PHRASE_END or w in _CLAUSE_START or is_number_word(w) or w in _MONTH_WORDS:
                break
            words.append(w)
        if words and not (words[-1] in _SELF or set(words) <= council_words | _NOT_PART):
            out.append(_stem(words[-1]))
    return tuple(out)


@functools.lru_cache(maxsize=256)
def services_asked(question: str, councils: tuple[str, ...] = ()) -> tuple[tuple[str, str], ...]:
    """(stem of the work, kind) of each council service the question asks a count of by its kind of work
    (:data:`_AGENT_ACTIVE`: "did Kelby's reablement service receive" → ("reablement", "service")), leaving out the
    council itself. Remembered: every candidate sentence asks it."""
    own = _SELF | _council_words(councils) | _GENERIC
    return tuple((_stem(m.group("agent").casefold()), m.group("kind")) for m in _AGENT_ACTIVE.finditer(question)
                 if m.group("agent").casefold() not in own)


def service_named(sentence: str, question: str, councils: tuple[str, ...] = (), lead_in: str = "") -> bool:
    """Whether a count asked of the council's service by its kind of work (:func:`services_asked`: "how many
    compliments did Kelby's reablement service receive") is given by a sentence naming that work (it, or the sentence
    before it) or speaking of "the service" itself: 1,260 compliments the local authority recorded are not the
    reablement service's."""
    asked = services_asked(question, councils)
    if not asked:
        return True
    have = {_stem(w) for w in _words(f"{lead_in} {sentence}")}
    return all(work in have or re.search(rf"\b(?:the|this|that|its) {kind}\b", sentence, re.IGNORECASE)
               for work, kind in asked)


#: A council service other than adult social care that a question may ask a figure of ("the overspend on children's
#: services", "the public health budget").
_OTHER_SERVICE = re.compile(r"\b(?:children['’]?s?\s+(?:services|social\s+care|social\s+work)|public\s+health|education|"
                            r"schools|housing\s+services)\b", re.IGNORECASE)


def other_service_named(text: str, question: str) -> bool:
    """Whether the text names each service other than adult social care the question asks a figure of
    (:data:`_OTHER_SERVICE`): a report's overspend is adult social care's, not children's services'."""
    have = {_stem(w) for w in _words(text)}
    return all({_stem(w) for w in _words(m.group(0)) if w not in ("services", "social", "care", "work")} <= have
               for m in _OTHER_SERVICE.finditer(question))


#: Pairs of groups or kinds a figure may be given for one of and not the other: "a gap of more than ten years for men"
#: says nothing of women's.
_PAIRED = tuple(tuple(re.compile(rf"\b(?:{one})\b", re.IGNORECASE) for one in group) for group in (
    ("women", "men"), ("woman", "man"), ("females?", "males?"), ("younger", "older"),
    ("urban", "rural"), ("home care", "care homes?|(?:residential|nursing) (?:care|homes?|beds?|places?)"),
    # which quarter of a year
    ("first quarter|q1", "second quarter|q2", "third quarter|q3", "(?:fourth|final|last) quarter|q4")))
#: Who a figure counts, as a pair: those who work in care, or those who live in the area ("what share of the workforce
#: is from minority ethnic groups" is not answered by a share of residents). Only for figures: "train staff to
#: understand the cultures of residents" names both in other roles.
_COUNTED_PAIRS = tuple(tuple(re.compile(rf"\b(?:{one})\b", re.IGNORECASE) for one in group) for group in (
    ("workforce|staff|employees|care workers", "residents|population"),))


def other_of_pair(sentence: str, question: str, pairs=_PAIRED) -> str | None:
    """When the question names one of a pair or set (:data:`_PAIRED`, or ``pairs``) and the sentence only another,
    "the other, not the one asked": its figure is the other's ("for men" for "for women", "older people" for "younger
    adults", "care homes" for "home care", "the last quarter" for "the first quarter"); else None."""
    for group in pairs:
        for asked in group:
            named = asked.search(question)
            if not named or asked.search(sentence):
                continue
            instead = next((m for other in group if other is not asked and (m := other.search(sentence))), None)
            if instead:
                return f"{instead.group(0).casefold()}, not {named.group(0).casefold()}"
    return None


def other_counted(sentence: str, question: str) -> str | None:
    """When the question counts one of :data:`_COUNTED_PAIRS` ("what share of the workforce") and the sentence only
    the other ("of residents"), "the other, not the one asked" (:func:`other_of_pair`); a question naming both ("staff
    who can talk to residents in their language") is not judged, as either may be the one counted."""
    for group in _COUNTED_PAIRS:
        if sum(bool(one.search(question)) for one in group) == 1 and (instead := other_of_pair(sentence, question, (group,))):
            return instead
    return None


def agent_named(text: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether the text names whoever the question says did the deed ("upheld by the ombudsman"): 41% of
    complaints upheld by the council are not those the ombudsman upheld."""
    asked = agents_asked(question, councils)
    if not asked:
        return True
    have = {_stem(w) for w in _words(text)}
    return all(_AGENT_NAMES.get(a, {a}) & have for a in asked)


#: Where a sentence starts to give the cause of what its figure measures ("…, mainly because of the cost of placements").
_CAUSE_CLAUSE = re.compile(r"\b(?:(?:mainly|largely|partly|mostly|in part) )?(?:because(?: of)?|due to|owing to|driven by|"
                           r"caused by|as a result of)\b", re.IGNORECASE)


#: How many words of what the question asks about must appear only in a sentence's cause (one may be a chance
#: word: "care homes" in "because there were few care homes" for homes outside the borough).
CAUSE_ONLY_WORDS = 2


def named_only_as_cause(sentence: str, question: str, councils: tuple[str, ...] = ()) -> bool:
    """Whether words of what the question asks a figure of appear in the sentence only in the clause giving a cause
    ("overspent by £5.6 million, around 8% of the budget, mainly because of short-term placements" gives no share
    spent on placements); a question asking about a cause itself reads it there, and a figure in the cause is its own."""
    cause = _CAUSE_CLAUSE.search(sentence)
    if not cause or _REASON.search(question) or re.search(r"\bwhy\b", question, re.IGNORECASE):
        return False
    head, tail = sentence[: cause.start()], sentence[cause.end():]
    if not _COUNT.search(head) or _COUNT.search(tail):
        return False  # "because 38% of staff spoke a language": the cause is what gives the figure
    stop = _QUESTION_STOP | _GENERIC | {w for c in councils for w in _words(c)}
    asked = topic_stems(question, stop)
    before, after = ({_stem(w) for w in _words(part)} for part in (head, tail))
    return len((asked & after) - before) >= CAUSE_ONLY_WORDS


def of_the_kind_asked(sentence: str, question: str, worded: str, lead_in: str = "", counting: bool = False) -> bool:
    """Whether the sentence's figure is of the kind the question asks about (:func:`other_kind`), as asked with the
    reports' wordings beside its plain ones, or, when the kind the sentence gives instead is the reports' word for the
    question's plain one, or the kind it asks about instead only in a plain wording ("budget" in "how far over budget"),
    as put wholly in the reports' words ("temporary agency social workers" are "agency staff"; "overspent")."""
    mismatch = other_kind(sentence, worded, lead_in, counting=counting)
    if mismatch is None:
        return True
    given, reworded = mismatch[1].casefold(), in_report_words(question)
    if not any(given in wording.casefold() for wording in report_words(question)):
        family = next((f for f, kinds in kinds_beside_time(worded).items() if mismatch[0] in kinds), None)
        still = kinds_beside_time(reworded).get(family, frozenset())
        if family is None or mismatch[0] in still or not still and mismatch[0] in MUST_BE_NAMED:  # the same one again
            return False  # in the reports' words; when they name no kind of it ("stuck in hospital waiting to be
            # discharged": delayed discharge), none is asked, unless it is one that must be named ("needed no ongoing care")
    return other_kind(sentence, reworded, lead_in, counting=counting) is None


#: "On average" as plain speakers use it: a typical figure, which an average or a median gives.
_ON_AVERAGE = re.compile(r"\bon (?:the )?average\b", re.IGNORECASE)


def typical_as_median(question: str) -> str:
    """The question with "median" beside an "on average" it asks ("how long did an enquiry take on average"): a
    median answers it as well as an average does, though a longest wait does not (of a length of time or an amount,
    not of a count: "how many people a day on average" is no median wait)."""
    return f"{question} median" if _ON_AVERAGE.search(question) else question


def of_the_thing_asked(sentence: str, question: str, councils: tuple[str, ...] = (), context: str = "",
                       lead_in: str = "", known=None) -> bool:
    """Whether a figure or a length of time in the sentence is of what the question asks about: the same kind
    (with the sentence before it), the same thing in the same frame, the part of the area it names (with the
    passage; not in a clause without the figure), not the whole area instead, and by whom the question asks, an
    agent or the council's service (with the sentence before it)."""
    counting = bool(_COUNTS.search(question))
    worded = with_plain_wordings(question)  # "spent more than it set aside" asks for an overspend
    worded = worded if counting else typical_as_median(worded)  # "how many a day on average" asks no median wait
    return (of_the_kind_asked(sentence, question, worded, lead_in, counting)
            and not another_object(sentence, question, known, lead_in, councils)
            and names_the_part(f"{sentence} {context}", question, councils)
            and not whole_area_instead(sentence, question, councils)
            and not (part_beside_another_figure(sentence, question, councils)
                     and not names_the_part(lead_in, question, councils))
            and agent_named(f"{lead_in} {sentence}", question, councils)
            and service_named(sentence, question, councils, lead_in)
            and other_service_named(f"{lead_in} {sentence}", question)
            and other_of_pair(sentence, question) is None and other_counted(sentence, question) is None
            and not named_only_as_cause(sentence, question, councils))


#: A council's name set before the question itself ("Salford: who is …", "LB Lewisham - which …"): every word
#: capitalised but a few joining ones, then a colon or a spaced dash (words apart, so that it stays linear time).
_ADDRESSED_TO = re.compile(r"^\s*(?:[A-Z][\w'’&.-]*|of|and|upon|on|the)(?:\s+(?:[A-Z][\w'’&.-]*|of|and|upon|on|the)){0,4}"
                           r"\s*(?::|\s[-–—])\s+(?=\w)")


def without_address(question: str) -> str:
    """The question without a council's name set before it ("Salford: who is the chair …" → "who is the
    chair …"), so that its form is read from its first word."""
    return _ADDRESSED_TO.sub("", question, count=1)


#: A question put as a bare noun phrase ("Name of the principal social worker?", "total number of care homes in the county?"):
#: it asks what a "What is the …" question asks.
_BARE_NOUN_PHRASE = re.compile(r"^\s*(?:the\s+)?(?=(?:(?:total|overall|average|median|mean|current|latest)\s+)?"
                               r"(?:names?|numbers?|date|dates|percentage|proportion|share|list)\s+of\b)",
                               re.IGNORECASE)
#: "what's", "who's", "when's", "where's": the question word and "is".
_CONTRACTED_IS = re.compile(r"\b(what|who|when|where|how)['’]s\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def written_out(question: str) -> str:
    """The question with its form written out: a contracted "is" in full ("what's" → "what is") and a bare noun phrase
    as a "What is …" question ("Name of the chair?" → "What is the name of the chair?")."""
    question = _CONTRACTED_IS.sub(r"\1 is", question)
    m = _BARE_NOUN_PHRASE.match(question)
    rest = question[m.end():] if m else ""
    return f"What is the {rest[:1].lower()}{rest[1:]}" if m else question


def with_plain_wordings(question: str) -> str:
    """The question followed by the reports' wordings for its plain words, which say what kind of thing it asks
    about ("spent more than it set aside" is an overspend)."""
    return f"{question} {' '.join(report_words(question))}"


def one_line(text: str) -> str:
    """The text with its line breaks and runs of spaces as single spaces (a PDF's text keeps line breaks
    inside sentences), for the checks that read it as words."""
    return " ".join(text.split())


#: A list item's mark before its sentence ("- This was 41.3% of the local authority's total budget.").
_BULLET = re.compile(r"^\s*[-–•*]\s+")


def without_bullet(text: str) -> str:
    """The sentence without a list item's mark before it, so that its first word is read as its opening."""
    return _BULLET.sub("", text, count=1)


def holds(answer_type: str, sentence: str, question: str = "", councils: tuple[str, ...] = (), context: str = "",
          lead_in: str = "", known=None) -> bool:
    """Whether ``sentence`` holds what a question of ``answer_type`` asks for (True for types without a
    check). ``councils`` named in the question are not topic words: a name beside "Staffordshire" says nothing.
    ``context`` is the passage around the sentence, which may name the part a figure or a date is for ("DoLS",
    "Gypsy and Traveller communities"); ``lead_in`` the sentence before it, which may say what kind of thing its figure
    is of; ``known(word)`` whether the reports use a word. Line breaks (a PDF's text keeps them inside sentences) are read as spaces."""
    sentence, context, lead_in = one_line(sentence), one_line(context), one_line(lead_in)
    question = written_out(without_address(question))
    if answer_type in _FACT_TYPES and says_not_known(sentence):
        return False
    if answer_type in ("number", "duration"):
        gives = (gives_the_figure(sentence, question, councils, lead_in) if answer_type == "number"
                 else (has_duration(sentence) and extreme_as_asked(sentence, question) and typical_as_asked(sentence, question)
                       or since_as_asked(sentence, question))
                 and states_a_figure_not_asked(sentence, question) and condition_named(f"{lead_in} {sentence}", question))
        return gives and of_the_thing_asked(sentence, question, councils, context, lead_in, known)
    if answer_type == "date":  # and of the named thing asked about: another hub's opening does not date this one,
        # nor extra care flats' opening the planned 60-bed home's
        return dates_as_asked(sentence, question) and assessment_dated(sentence, question) \
            and holder_as_asked(f"{lead_in} {sentence}", question) \
            and sized_as_asked(f"{lead_in} {sentence}", question) and (
            names_the_part(sentence, question, councils) or names_the_part(f"{lead_in} {sentence} {context}", question, councils))
    if answer_type == "holder":  # and the body by its name: the Safeguarding Adults Board's chair does not chair another
        return (names_the_holder(sentence, question) and names_the_role(sentence, question, councils)
                and names_the_part(sentence, question, councils) and stand_in_named(sentence, question))
    if answer_type == "person":  # the role may be named in the sentence before: "The partnership covered … Its chair was …"
        in_role = person_in_role(sentence, question, councils) or bool(lead_in) and has_person(sentence) \
            and head_role_named(sentence, question) and person_in_role(f"{lead_in} {sentence}", question, councils)
        return in_role and names_the_part(sentence, question, councils) and stand_in_named(sentence, question)
    if answer_type == "reason":
        return has_reason(sentence) or brought_the_change(sentence, question)
    if answer_type == "method":
        deed = tells_a_plan(sentence) if asks_plan(question) else describes_a_deed(sentence)
        return deed and watch_as_asked(sentence, question)
    if answer_type == "views":
        return gives_views(sentence, question, councils)
    if answer_type == "frequency":  # of the named thing asked about: another board's meetings say nothing of this one
        return ((has_frequency(sentence) or counts_times(sentence) or bool(_SHARE_FIGURE.search(sentence)))
                and names_the_part(sentence, question, councils)
                and of_the_subject(f"{lead_in} {sentence}", question))
    if answer_type == "place" and council_itself_asked(question, councils):
        return places_the_council(sentence, councils)  # "Where is Havering?": a sentence placing Havering
    if answer_type in ("organisation", "name", "place") and not sized_as_asked(f"{lead_in} {sentence}", question):
        return False  # "where is the planned 80-bed home": a sentence about that home
    if answer_type in ("organisation", "name") and not body_of_kind_named(sentence, question):
        return False  # "which university": "a local university" names none
    if answer_type in ("organisation", "name", "place"):
        stop = _QUESTION_STOP | _GENERIC | _RUNNING | {w for c in councils for w in _words(c)}  # "adult social care" names no topic
        in_which = answer_type == "name" and bool(_ASKS_IN_WHICH.search(first_question(question)))  # not "…, and at
        # which hospital?" after "Which team …": the team is asked first
        if answer_type == "place" or in_which:
            sentence = without_other_ones(sentence, question)  # where the one asked is, not another
        if answer_type == "place" and place_described(sentence, question, councils):
            return True
        topic = topic_stems(question, stop) | {_stem(w) for wording in report_words(question) for w in _words(wording)
                                               if w not in stop and w not in _ARTICLES}  # the report's word for a "front door"
        if answer_type in ("place", "name") or not topic:  # "where were the Neighbourhood Care Teams piloted": the place
            # stands beside them; "which organisation runs the Westminster Carers Hub": the body beside its name
            topic |= {_stem(w) for part in named_parts(question, councils) for w in _part_words(part)}
        if answer_type == "place":  # and the noun of "based", "sited", "housed": "run from a base in Yate"
            topic |= {_stem(w) for w in names_asked_in(sentence, question, councils)}
            topic |= {w[:-1] for w in topic if w.endswith(("sed", "ted"))}
        located = answer_type == "place" or in_which
        plain = without_aside(sentence)
        return any(names_near_topic(told, question, topic, located=located, councils=councils,
                                    bodies=answer_type == "organisation")
                   for told in ((sentence,) if plain == sentence else (sentence, plain))) \
            and named_not_only_as_some(sentence, question)
    return True


#: An aside set off by commas that tells who runs or funds a thing (", run by local charities,"), between the thing
#: and where it is: "six township hubs, run by local charities, in Haydock, Parr …".
_ASIDE = re.compile(r",\s+(?:[a-z]+ed|run|led|set up|built|paid for)\s+(?:by|with|through|from|for)\s+[^,;.]{2,60},(?=\s)")


#: A noun phrase set off by commas after a name, saying what the name is: "The Tameside Community Alliance, an
#: umbrella body for voluntary groups, held the contract".
_APPOSITION = re.compile(r"(\b[A-Z][\w'’)-]*),\s+(?:an?|the)\s+[^,;.]{2,60},(?=\s)")


def without_aside(sentence: str) -> str:
    """The sentence without an aside set off by commas (:data:`_ASIDE`, :data:`_APPOSITION`), so a name stands
    beside what it places or does."""
    return _APPOSITION.sub(r"\1", _ASIDE.sub("", sentence))


#: Kinds of body whose names hold the kind's word ("Bournemouth University", "University Hospital of North Tees",
#: "Dorset HealthCare University NHS Foundation Trust"), asked for by "which university …" or "the name of the acute
#: hospital".
_NAMED_BY_KIND = ("university", "college", "hospital", "hospice", "school", "trust")
#: The words a kind's names may hold instead of its own ("Hull Royal *Infirmary*" is a hospital).
_KIND_NAME_WORDS = {"hospital": "(?:Hospital|Infirmary)"}
_WHICH_KIND = re.compile(rf"\b(?:which|what is the name of the|what was the name of the|name the) (?:[\w-]+ )?"
                         rf"({'|'.join(_NAMED_BY_KIND)})\b", re.IGNORECASE)


def body_of_kind_named(sentence: str, question: str) -> bool:
    """Whether a body asked for by a kind whose names hold its word ("Which university evaluated the trial?") is
    named in the sentence with that word in its name ("Bournemouth University"): "a local university" names none."""
    m = _WHICH_KIND.search(question)
    if not m:
        return True
    kind = _KIND_NAME_WORDS.get(m.group(1).casefold(), m.group(1).capitalize())
    return re.search(rf"\b{kind}\s+of\s+(?:the\s+)?[A-Z]|\b(?!(?:The|A|An|This|Its|Their)\b)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
                     rf"\s+{kind}\b", sentence) is not None


#: A name asked for as where something is ("In which town is the day service?", "Which town was short of …"): one
#: set after a word of place.
_ASKS_IN_WHICH = re.compile(r"\b(?:in|at|from) which\b|"
                            # or which of some towns ("Which town in Torbay was short of personal assistants?")
                            r"\bwhich\s+(?:towns?|villages?)\b", re.IGNORECASE)


#: The stems of the words that name no one thing ("people", "staff").
_GENERIC_STEMS = frozenset(_stem(w) for w in _GENERIC)
#: A "how often" question about a body's meetings.
_ASKS_MEETING = re.compile(r"\b(?:meet|meets|met|convene|convenes|sit|sits)\s*\??\s*$", re.IGNORECASE)
#: Verbs that end the subject of a "how often does …" question ("the high-risk panel *set up* by …", "… *meet*").
_SUBJECT_END = {"set", "meet", "run", "held", "hold", "take", "happen", "occur", "visit", "review", "check", "send", "carry",
                "contact", "get", "receive", "see", "use", "update", "report"}


def subject_asked(question: str) -> str | None:
    """The stem of the head noun of the subject of a "how often does/are …" question ("How often does the multi-agency
    high-risk panel set up by Leeds meet?" → "panel"), or None when it names only people or nothing."""
    m = re.search(r"\bhow often (?:does|do|did|is|are|was|were|has|have|had|will|would)\s+(?P<rest>.{1,120})",
                  question, re.IGNORECASE)
    if not m:
        return None
    words: list[str] = []
    for w in (t.strip("'’").casefold() for t in _TOKEN.findall(m.group("rest"))):
        if w in _PHRASE_END or w in _SUBJECT_END or words and w.endswith("ed"):
            break
        if w not in _ARTICLES:
            words.append(w)
    head = _stem(words[-1]) if words else None
    return None if head is None or head in _GENERIC or head in _GENERIC_STEMS else head


def of_the_subject(text: str, question: str) -> bool:
    """Whether the text (a sentence and the one before it) speaks of the body a "how often does … meet" question asks
    about: people "contacted every 4 weeks" say nothing of how often a panel meets. (Other deeds are often asked
    in other words: "travelling advice vehicles" for "mobile advice vans".)"""
    head = subject_asked(question) if _ASKS_MEETING.search(question) else None
    return head is None or head in {_stem(w) for w in _words(text)}


#: The thing a "which …" question asks to be named: the last word of the phrase after "which" ("Which
#: neighbouring *county* …", "Which two *areas* …").
_WHICH_THING = re.compile(r"\bwhich\s+(?P<phrase>(?:[\w'’-]+\s+){0,4}?)(?P<head>[a-z]{3,})\b"
                          r"(?=\s+(?:of|in|on|at|for|with|does|did|do|is|are|was|were|will|would|has|had|have|can|could|"
                          r"[a-z]{3,}ed|carries|runs|provides|delivers|manages|leads|chairs|funds|commissions|covers|"
                          rf"operates|owns|hosts|offers|{'|'.join(PRESENT_OF)})\b)",  # or a verb in the past, or of doing a council's work:
                          re.IGNORECASE)  # "Which university evaluated …", "Which company carries out …"
#: The same after a number, whatever follows it ("Which five *providers* deliver home care?").
_WHICH_NUMBERED_THING = re.compile(r"\bwhich\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\w'’-]+\s+){0,2}?"
                                   r"(?P<head>[a-z]{3,}s)\b(?!\s+(?:[\w'’-]+\s+)?[a-z]{3,}s\b)", re.IGNORECASE)
#: Three or more capitalised names in a list ("Polish, Urdu and Bengali"): members named without the kind's noun.
NAMED_LIST = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,4},\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,4},?\s+(?:and|or)\s+[A-Z]")
#: A name set just before a mention, as its apposition ("*Elm Court*, a care home, closed") or as one of its kind
#: ("*Wisbech* and other Fenland towns"); looked for this far back.
NAMED_BEFORE_CHARS = 80
_NAMED_BEFORE = re.compile(r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*\s*,\s*$|"
                           r"(?-i:[A-Z])[\w'’-]*\s+(?:and|or)\s+$")
#: Words that say there is one or more of a thing without naming it ("a neighbouring county", "two more areas").
_SOME = r"(?:a|an|another|one|two|three|four|five|six|seven|eight|nine|ten|several|some|other|\d+)"


#: Words for a body that does work for a council, any of which may speak of the one a question asks for by another
#: ("which private company …": "a private provider of occupational therapy").
_BODIES = r"compan(?:y|ies)|firm|organisation|provider|charit(?:y|ies)|agenc(?:y|ies)|business|partner"


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")


def name_shortly_before(sentence: str, at: int) -> bool:
    """Whether a capitalised word other than the sentence's first stands within :data:`NAMED_BEFORE_CHARS` before
    ``at``: "The Optalis reablement service, delivered by the council's company" names the company's service."""
    return any(m.start() > 0 for m in _CAPITALISED.finditer(sentence, max(0, at - NAMED_BEFORE_CHARS), at))


#: A question asking who held a role in the meantime or before its present holder ("who led it during the interim
#: period", "the previous director", "before the new director arrived").
_ASKS_STAND_IN = re.compile(r"\b(?:during|in|through|over)\s+(?:the|an|that)\s+interim\b|\bbefore the new\b|"
                            r"\b(?:interim|acting|previous|former)\s+(?:[\w-]+\s+){0,2}?(?:director|chair|head|lead|leader|"
                            r"manager|executive)\b", re.IGNORECASE)
#: A sentence naming a role's new holder ("A new Director of Adult Social Services, Mark Ellingham, joined …").
_NEW_HOLDER = re.compile(r"\b(?:a|the|its|their)\s+new\s+(?:[\w-]+\s+){0,5}?(?:director|chair|head|lead|leader|manager|"
                         r"executive)\b", re.IGNORECASE)
#: A stand-in or an earlier holder named ("the interim director, Jo Bell", "the former chair Sam Reid").
_STAND_IN_NAMED = re.compile(r"\b(?:interim|acting|previous|former)\s+(?:[\w,-]+\s+){0,5}?(?-i:[A-Z])", re.IGNORECASE)


def stand_in_named(sentence: str, question: str) -> bool:
    """Whether a question asking who held a role in the meantime or before (:data:`_ASKS_STAND_IN`) is not answered
    by a sentence naming only the role's new holder: "A new Director, Mark Ellingham, joined after a period of interim
    leadership" does not say who the interim leader was."""
    return not _ASKS_STAND_IN.search(question) or not _NEW_HOLDER.search(sentence) \
        or bool(_STAND_IN_NAMED.search(sentence))


#: A body named as the one doing something ("led by BD Voluntary Alliance", "run by the Carers Trust").
_BY_NAME = re.compile(r"\b(?:led|run|provided|delivered|managed|hosted|commissioned|funded|chaired|operated)\s+by\s+"
                      r"(?:the\s+)?[A-Z]")


def named_not_only_as_some(sentence: str, question: str) -> bool:
    """Whether a sentence that speaks of the thing a "which …" question asks to be named does not speak of it only
    as one or some of its kind with no name after it: "commissioned jointly with a neighbouring county" and "extend
    the model to two more areas" say there is one, not which; nor does "the provider" name an organisation."""
    m = _WHICH_NUMBERED_THING.search(question) or _WHICH_THING.search(question)
    if not m:
        return True
    body = re.fullmatch(rf"(?:{_BODIES})(?:s|es)?", m.group("head"), re.IGNORECASE) is not None  # "the provider"
    if body and _BY_NAME.search(sentence):
        return True  # "an alliance of 38 organisations, led by BD Voluntary Alliance": the body doing it is named
    head = _BODIES if body else re.escape(_stem(m.group("head")))  # names none: a body is named by its name
    mentions = list(re.finditer(rf"\b(?P<some>{_SOME}\s+(?:[\w-]+\s+){{0,2}}?)?(?:{head})(?:s|es)?\b"
                                rf"(?P<named>\s*[,(:]?\s*(?:(?:{'|'.join(_BRINGS_IN_SOME)})\s+)?(?:(?-i:[A-Z])|called|named|known as))?",
                                sentence, re.IGNORECASE))  # "wards, including Thornaby": some, by name
    return not mentions or any(not x.group("some") and not body
                               and not _ONLY_DESCRIBED.search(sentence[max(0, x.start() - DESCRIBED_CHARS) : x.start()])
                               or body and (x.group(0)[:1].isupper()  # "… Care Provider", part of a name
                                            or name_shortly_before(sentence, x.start()))
                               or x.group("named")
                               or _NAMED_BEFORE.search(sentence[max(0, x.start() - NAMED_BEFORE_CHARS) : x.start()])
                               for x in mentions)


#: Words that place one of a kind without saying which ("a *neighbouring* council", "a *private* provider").
_PLACING = frozenset({"neighbouring", "nearby", "local", "other", "external", "independent", "private", "voluntary",
                      "national", "regional", "new", "specialist", "community", "different", "outside", "third-party"})
#: Words before a "which" question's noun that make it no kind asked for: a verb's object ("which *spends the* biggest
#: share") or another thing's part ("which *year's* annual report").
_NOT_OF_THE_KIND = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that|these|those)\s|['’]s\b", re.IGNORECASE)
#: A question asking one thing's name by its kind ("What is the name of the care home that hosts the unit?").
_NAME_OF_ONE = re.compile(r"\bwhat (?:is|was) the name of (?:the|its|their)\s+(?P<phrase>(?:[\w'’-]+\s+){0,4}?)"
                          r"(?P<head>[a-z]{3,})\b(?=\s+(?:that|which|who|where|whose|in|at|for|of|run|used|[a-z]+ed)\b|"
                          r"\s*\??\s*$)", re.IGNORECASE)
#: A word that says there is one of a kind, not which ("*a* local advice service").
_ONE_OF = frozenset({"a", "an", "another", "one"})
#: Words before a plural that say there are some of a kind, not which ("worked with *several* local banks", "*and*
#: local banks"): a count, a quantity, or a word joining a bare plural to the rest.
_SOME_OF = frozenset({"some", "several", "various", "many", "few", "number", "two", "three", "four", "five", "six", "seven",
                      "eight", "nine", "ten", "and", "or", "with", "to", "from", "by", "of", "on", "including", "between"})
#: Of those, the words joining a bare plural to the rest ("worked *with* local banks"): not part of how it is told.
_JOINING = frozenset({"and", "or", "with", "to", "from", "by", "of", "on", "including", "between"})
#: Words looked at before a mention for the word saying there is one of a kind, within this many characters.
ONE_OF_REACH = 4
ONE_OF_CHARS = 80


@functools.lru_cache(maxsize=256)
def _one_of_a_kind_asked(question: str) -> tuple[re.Pattern, frozenset[str], frozenset[str]] | None:
    """For a question asking for one thing (or some things) by its kind (:func:`which_one_unsaid`), a pattern for a
    mention of that kind, the words that may stand before it without saying which, and the words that say there is
    one (or some) of the kind; None for any other question. Read once per question."""
    m = _WHICH_THING.search(question) or _NAME_OF_ONE.search(question)
    if not m or _NOT_OF_THE_KIND.search(m.group("phrase")):
        return None  # "which spends the biggest share", "which year's annual report": not one of a kind asked for
    some = _SOME_OF if _looks_plural(m.group("head").casefold()) else _ONE_OF  # "Which banks …?": some, not which
    if some is _SOME_OF and not {w for w in _words(m.group("phrase")) if not is_number_word(w)} <= _PLACING:
        return None  # "Which service completes carers' assessments": the plural is not the kind asked for
    body = re.fullmatch(rf"(?:{_BODIES})(?:s|es)?", m.group("head"), re.IGNORECASE) is not None
    head = _BODIES if body else re.escape(_stem(m.group("head")))
    mention = re.compile(rf"\b(?:{head})(?:s|es)?\b(?P<named>\s*[,(:]?\s*(?:(?-i:[A-Z])|called|named|known as|such as|"
                         r"including|like))?", re.IGNORECASE)
    allowed = {w for w in set(_words(question)) | _PLACING if not is_number_word(w)}  # "which 6 languages": "in 6 languages" counts them
    return mention, frozenset(allowed - some), some


def which_one_unsaid(sentence: str, question: str) -> str | None:
    """How a sentence speaks of the one thing a "which …" question asks for ("Which local advice service does Enfield
    partner with?", "What is the name of the care home that …?") when it does so only as one of its kind, in the
    question's words or words that place it ("a partnership with *a local advice service*", "asked *a neighbouring
    council*"): it says there is one, not which. "" when it names it somewhere ("Stockport Carers Hub, a voluntary
    organisation"); None when it never mentions it."""
    asked = _one_of_a_kind_asked(question)
    if asked is None:
        return None
    mention, allowed, some = asked
    if some is _SOME_OF and NAMED_LIST.search(sentence):
        return ""  # "in 12 community languages, and … videos in Turkish, Yiddish and Bengali": some are named
    if _BY_NAME.search(sentence) and re.search(rf"\b(?:which|what)\s+(?:{_BODIES})", question, re.IGNORECASE):
        return ""  # "an alliance of 38 organisations, led by BD Voluntary Alliance" names the body asked for
    unsaid = None
    for x in mention.finditer(sentence):
        window = max(0, x.start() - ONE_OF_CHARS)
        before = _words(sentence[window : x.start()])[-ONE_OF_REACH:]
        while before and before[-1] in allowed:
            before.pop()
        if before and before[-1] == "the" and not x.group("named"):
            continue  # "the council", "the provider": which one is told elsewhere, if anywhere
        if x.group("named") or before and before[-1] not in some and not before[-1].isdigit() \
                or not before and some is _ONE_OF:  # "Local banks took part": some, bare at the start
            return ""
        start = window + [w.start() for w in re.finditer(rf"\b{before[-1]}\b", sentence[window : x.start()],
                                                         re.IGNORECASE)][-1] if before else 0
        if _NAMED_BEFORE.search(sentence[max(0, start - NAMED_BEFORE_CHARS) : start]):
            return ""  # "Stockport Carers Hub, a voluntary organisation"
        if before and before[-1] in _JOINING:  # "worked with local banks" → "local banks"
            start += len(before[-1]) + 1
        unsaid = unsaid or sentence[start : x.end()].strip()
    return unsaid


#: Words that describe which of a kind without naming any ("in the most deprived wards", "the least deprived areas"),
#: looked for this far before a mention.
DESCRIBED_CHARS = 40
_ONLY_DESCRIBED = re.compile(r"\b(?:the )?(?:most|least|more|less|poorest|richest|wealthiest|rural|urban|outlying|"
                             r"other|many|all|both|each|every|these|those|some) (?:[a-z][\w-]* )?(?:and (?:the )?"
                             r"(?:most|least) (?:[a-z][\w-]* )?)?$", re.IGNORECASE)


#: Answer types whose sentences get a relevance bonus when they hold the thing asked for.
BONUS_CHECKS = {"number": has_count, "duration": has_duration, "date": has_date, "person": has_person, "reason": has_reason,
                "method": describes_a_deed, "frequency": has_frequency}
#: How an abstention names what is missing, per answer type.
MISSING = {"number": "the figure asked for", "duration": "how long", "date": "when", "frequency": "how often", "person": "who it is (no name is given)", "holder": "who does it",
           "organisation": "which organisation", "place": "where", "name": "the name asked for"}
#: Answer types whose sentences :func:`holds` checks (the others hold anything).
CHECKED_TYPES = frozenset(MISSING) | {"reason", "method", "views"}
#: Checked types whose answers still want the detail after their first sentence (what was done, what was said).
DETAILED_TYPES = frozenset({"method", "views"})
