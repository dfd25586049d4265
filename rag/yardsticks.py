"""What a question measures its answer against: a benchmark ("compared with the England average"),
an earlier year ("than the year before") or other councils ("which councils share the board with
Middlesbrough"). A sentence that gives the figure but not the yardstick does not answer such a question.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .councils import CouncilMatcher, display_name, normalise
from .periods import periods

#: What a national or regional figure is ("average", "rate").
_MEASURE = r"(?:average|figure|rate|mean|median|benchmark|level|picture)s?"
#: England's regions and city regions, whose figures are benchmarks too ("the Yorkshire and the Humber average",
#: "the Greater Manchester average").
_REGIONS = (r"(?:North[ -]East|North[ -]West|Yorkshire and (?:the )?Humber|East Midlands|West Midlands|East of England|"
            r"(?:inner |outer |Greater )?London|South[ -]East|South[ -]West|Greater Manchester|Merseyside|(?:West|South) Yorkshire|"
            r"Tyne and Wear)(?: region)?")
#: The councils a figure is of, between it and its region ("the average for *councils in* the North West").
_COUNCILS_IN = r"(?:(?:councils|local authorities|authorities|areas)\s+(?:in|across)\s+)?"
#: A national, England or regional figure named ("the England average", "national rates", "national", "the South
#: West average").
_BENCHMARK_NAME = rf"(?:(?:national|England|English|regional)(?:\s+{_MEASURE})?|{_REGIONS}\s+{_MEASURE})"
#: A benchmark a question compares with: a national, England or regional figure, or similar councils
#: ("How did the wait compare with the national average?", "What was the England average for reablement?");
#: not "other than English" or "rather than national", which set something aside.
_ASKS_BENCHMARK = re.compile(
    rf"\b(?:compar\w*|against|(?<!other )(?<!rather )than|above|below|relative to|versus|vs|in line with|match(?:ed|es)?|"
    rf"exceed\w*)\b"
    rf"[^?]{{0,60}}?\b(?P<after>{_BENCHMARK_NAME}|nationally|regionally|(?:similar|comparable|comparator|neighbouring) "
    rf"(?:[A-Z][\w-]* ){{0,2}}(?:councils|authorities|areas|boroughs)|other (?:[A-Z][\w-]* ){{0,2}}(?:councils|boroughs|authorities|areas)|"
    rf"comparators?|statistical neighbours?|the rest of (?:England|the country))\b|"
    rf"\b(?P<named>(?:national|England|English|regional)\s+{_MEASURE}|average (?:for|across|in) {_COUNCILS_IN}(?:England|the region|"
    rf"the country|(?:the )?{_REGIONS}))\b",
    re.IGNORECASE)
#: Words that give a benchmark in a sentence ("lower than the England average", "in line with similar councils").
_BENCHMARK = re.compile(
    rf"\b{_REGIONS}\s+{_MEASURE}\b|"
    rf"\b(?:national|England|English|regional|region'?s)\s+(?:[\w-]+\s+)?{_MEASURE}\b|"
    r"\b(?:(?:than|with|to|above|below|against|across)\s+(?:the\s+(?:rest\s+of\s+)?)?(?:England|the\s+country|the\s+region)|"
    r"nationally|regionally|(?:similar|comparable|comparator|neighbouring) "
    r"(?:councils|authorities|areas|boroughs)|comparators?|statistical neighbours?|benchmark\w*|elsewhere|"
    r"other (?:councils|local authorities|authorities|areas)|the rest of (?:England|the country|the region)|"
    r"(?:above|below|than|around|near|close to|in line with) (?:the )?average)\b",
    re.IGNORECASE)

#: An earlier year a question asks about or compares with ("the year before", "compared with the previous
#: year", "last year's figure"); not a window of time ("reviewed in the previous twelve months") or a length of one
#: ("kept waiting for over a year before anyone assessed them").
_ASKS_EARLIER = re.compile(
    r"\bthe year (?:before|earlier)\b|(?<!\bover )(?<!\bthan )(?<!\bfor )(?<!\bnearly )(?<!\balmost )(?<!\bwaited )"
    r"(?:\ba year|\b(?:twelve|12) months) (?:before|earlier|ago)\b|"
    r"\bcompar\w*(?: it| them)? (?:with|to) (?:the )?(?:previous|last|prior|preceding) (?:year|12 months)\b|"
    r"\b(?:than|from|since|on)(?: in)? (?:the )?(?:previous|prior|preceding) year\b|"
    r"\b(?:the )?(?:previous|prior|preceding) year'?s\b|\blast year'?s (?:figure|total|number|level|rate|count)\b|"
    # or the time before a change: "the rate paid before the zoned model started"
    r"\b(?:before|prior to) (?:the|its|this|that) (?:[\w-]+ ){0,4}?(?:started|began|begun|came in|launched|(?:was|were|being) "
    r"(?:introduced|brought in|set up))\b|"
    r"\b(?:before|prior to) (?:the|its|this|that) (?:[\w-]+ ){0,3}?(?:campaign|programme|restructure|restructuring|"
    r"reorganisation|redesign|changes?|reforms?|launch|introduction)\b",  # "before its 2024 recruitment campaign"
    re.IGNORECASE)
#: Words that give an earlier figure or a change from it ("up from 410", "fell by 12%", "than the year before").
_EARLIER = re.compile(
    r"\b(?:up|down)\s+(?:from|by|on)\b|\b(?:rising|falling|rose|fell|increas\w*|decreas\w*|reduc\w*|grew|growing|dropped|"
    r"doubled|halved|climbed|improved|worsened)\s+(?:from|by|to|on)\b|\b(?:previous|prior|preceding|last|earlier) years?\b|"
    r"\ba year (?:earlier|before|ago)\b|\bthe year before\b|\bcompared (?:with|to)\b|\bthan in\b",
    re.IGNORECASE)

#: A question asking which other councils share or join in something with the council it names ("Which
#: councils share the Teesside board with Middlesbrough?", "Which councils did Barnet commission it with?").
_ASKS_OTHER_COUNCILS = re.compile(
    r"\bwhich (?:other |neighbouring |nearby |partner )?(?:[A-Z][\w-]* )?(?:councils|local authorities|authorities|boroughs|"
    r"neighbours)\b"
    r"[^?]{0,100}?\b(?:with|alongside|besides|as well as|apart from|other than|join(?:ed|s)?)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class Benchmark:
    """A benchmark a question compares with: its words in the question, and how an answer names it."""

    phrase: str  # "England average", "similar councils"
    name: str  # "the England average", "national figures"
    words: str = ""  # the whole comparison as asked ("below the England average"): not the question's topic


#: Benchmark words that are adjectives on their own ("compared nationally"): an answer names their figures.
_LONE = {"national", "nationally", "england", "english", "regional", "regionally"}
_NAMED_FIGURE = re.compile(rf"{_BENCHMARK_NAME}", re.IGNORECASE)


def benchmark_asked(question: str) -> Benchmark | None:
    """The benchmark the question compares with ("the national average", "similar councils"), or None."""
    m = _ASKS_BENCHMARK.search(question)
    if m is None:
        return None
    phrase = m.group("after") or m.group("named")
    if phrase.casefold() in _LONE:
        return Benchmark(phrase, f"{phrase.removesuffix('ly')} figures", m.group(0))
    return Benchmark(phrase, f"the {phrase}" if _NAMED_FIGURE.fullmatch(phrase) or m.group("named") else phrase,
                     m.group(0))


def gives_benchmark(sentence: str, asked: Benchmark | None = None) -> bool:
    """Whether the sentence names a benchmark to compare with (of the same reach as the one asked about, when
    that one is national or regional): a figure alone does not say how it compares, and the England average
    does not say how a figure compares with its region's."""
    if not _BENCHMARK.search(sentence):
        return False
    reach = benchmark_reach(asked.words or asked.phrase) if asked else None
    if reach is None:
        return True
    given = {r for r, pattern in _REACH.items() if pattern.search(sentence)}
    return not given or reach in given


#: How far a benchmark reaches, by the words naming it: England's figures, a region's, or neighbouring councils'.
_REACH = {"national": re.compile(r"\b(?:national(?:ly)?|England|English|the rest of (?:England|the country))\b", re.IGNORECASE),
          "regional": re.compile(rf"\b(?:regional(?:ly)?|region'?s?|{_REGIONS}\s+{_MEASURE}|"
                                 rf"{_MEASURE}\s+(?:for|across|in)\s+{_COUNCILS_IN}(?:the\s+)?{_REGIONS})\b", re.IGNORECASE),
          "neighbouring": re.compile(r"\b(?:neighbouring|nearby|surrounding|neighbours?['’]?)\b", re.IGNORECASE)}


def benchmark_reach(words: str) -> str | None:
    """"national" or "regional" for a benchmark named by its reach ("the England average", "the regional
    rate"), else None ("similar councils")."""
    reaches = [r for r, pattern in _REACH.items() if pattern.search(words)]
    return reaches[0] if len(reaches) == 1 else None


#: A benchmark's name, as a question or a sentence puts it after the side a figure falls on.
_SIDE_OF = (r"(?:the\s+)?(?:national(?:ly)?|England|English|regional(?:ly)?|London|average|"
            r"(?:similar|comparable|comparator|neighbouring)\s+(?:councils|authorities|areas|boroughs)|comparators?|"
            r"statistical neighbours?)\b")
#: The side of a benchmark a figure falls on: "below the England average", "higher than similar councils"; not
#: "better" or "worse", whose side depends on the measure (a shorter wait is better).
_SIDE = re.compile(rf"\b(?:(?P<above>above|over|higher\s+than|more\s+than|greater\s+than|exceed(?:ed|s|ing)?)|"
                   rf"(?P<below>below|under|lower\s+than|less\s+than|fewer\s+than))\s+{_SIDE_OF}", re.IGNORECASE)


def side_of_benchmark(text: str) -> str | None:
    """"above" or "below": the side of a benchmark the text puts a figure on ("was lower than the England
    average"), or None when it names no side (a figure alone, "in line with", "better than")."""
    sides = {"above" if m.group("above") else "below" for m in _SIDE.finditer(text)}
    return sides.pop() if len(sides) == 1 else None


#: Councils a council is compared with ("neighbouring councils", "similar areas").
_PEERS = r"(?:neighbouring|similar|comparator|comparable|nearby|other)\s+(?:councils|areas|local authorities|authorities|boroughs)"
#: A question asking for the value of a yardstick itself ("What was the England average for …?", "What is the
#: council's target time for …?", "What was the national rate?", "What England average was it compared against?",
#: "What was the average rate paid by councils in the North West?", "the average … across the councils in its
#: region", "… in the areas CQC judged similar to it"), not the council's own figure ("What was the average wait?").
_ASKS_REFERENCE = re.compile(
    r"^\s*(?:and\s+)?(?:what|how (?:long|much|many|high|low))\s+(?:is|was|were|are|had been)\s+"
    r"(?:the|its|their|[A-Z][\w'’ -]{0,40}?['’]s?)\s+(?:(?:[\w-]+\s+){0,3}?(?P<noun>target|benchmark|threshold|"
    rf"limit|ambition|goal)s?|(?:England|English|national|regional|{_REGIONS})\s+(?:[\w-]+\s+)?(?P<average>average|rate|"
    rf"figure|median|mean)|(?P<for_peers>average|median|mean)\s+(?:for|of|among|across)\s+(?:the\s+)?{_PEERS})\b|"
    rf"^\s*(?:and\s+)?(?:what|which)\s+(?:England|English|national|regional|{_REGIONS})\s+(?P<named>average|median|mean)\b|"
    r"^\s*(?:and\s+)?(?:what|how much|how many)\b[^?]{0,60}?\b(?:did|do|does|had|have)\s+(?:the\s+|its\s+|their\s+|"
    rf"[A-Z][\w'’ -]{{0,40}}?['’]s?\s+)?(?P<peers>{_PEERS})\b|"
    r"^\s*(?:and\s+)?(?:what|how (?:much|many|high|low|long))\s+(?:is|was|were|are|had been)\s+the\s+(?P<across>average|median|"
    rf"mean)\b[^?]{{0,80}}?\b(?:councils|local authorities|authorities|areas|boroughs|counties)\s+(?:(?:in|across)\s+(?:England|"
    rf"the region|the country|(?:the )?{_REGIONS})\b|(?:[\w'’-]+\s+){{0,6}}?(?:similar|compared|comparable|comparator|"
    rf"neighbouring|region)\b)", re.IGNORECASE)
#: How a yardstick's own figure may be given: a figure a few words after its word ("a target of 28 days", "the
#: England average of 82%") or just before it ("a 28-day target", "82%, the national average").
REFERENCE_REACH = 8
#: Words a target is also given by ("aimed to review 80%").
_TARGET_WORDS = r"targets?|aim(?:s|ed)? to|ambition|goal"
#: A sentence naming a target or an aim at all ("had a target to recruit 15", "aimed to", "planned to", "its ambition").
_TARGET_NAMED = re.compile(rf"\b(?:{_TARGET_WORDS}|targeted|goals|aims?|aimed|ambitions|trajector\w*|pledge\w*|"
                           r"(?:planned|plans?|expected|intended|hoped) to)\b", re.IGNORECASE)


def names_a_target(sentence: str) -> bool:
    """Whether the sentence names a target or an aim, with or without its figure (:data:`_TARGET_WORDS` and the
    words of plans and pledges)."""
    return _TARGET_NAMED.search(sentence) is not None


def reference_asked(question: str) -> str | None:
    """The yardstick whose own figure the question asks for ("target", "average"), or None."""
    m = _ASKS_REFERENCE.search(question)
    if m is None:
        return None
    return (m.group("noun") or m.group("average") or m.group("named") or m.group("across") or m.group("for_peers")
            or re.sub(r"\s+", " ", m.group("peers"))).casefold()


def reference_reach(question: str) -> str | None:
    """How far the yardstick whose own figure the question asks for reaches ("national" for "the England average",
    "regional" for "the regional average time"), or None."""
    m = _ASKS_REFERENCE.search(question)
    return benchmark_reach(m.group(0)) if m else None


#: How far before or after a yardstick's figure its reach may be named ("the *England* average of 82%").
REACH_CHARS = 30


def names_peers(noun: str) -> bool:
    """Whether a yardstick asked about is other councils ("neighbouring councils"), not a figure's name."""
    return re.fullmatch(_PEERS, noun, re.IGNORECASE) is not None


#: Words that set a figure against a yardstick rather than give the yardstick's ("13.4%, well *above* the England
#: average"): a figure before them is the council's own. A year is never a yardstick's figure ("in 2023 to 2024, below
#: the London average").
_COMPARED_TO = re.compile(r"\b(?:above|below|higher|lower|than|compared|worse|better|under|over|exceed\w*|short|behind|"
                          r"ahead|against)\b", re.IGNORECASE)


#: A figure set after a yardstick as the subject's own ("below the regional average*, at 71%*").
_OWN_FIGURE_AFTER = re.compile(r",\s*at\s+£?\d")


def gives_reference_value(sentence: str, noun: str, reach: str | None = None) -> bool:
    """Whether a figure stands beside the yardstick's word in the sentence (with the ``reach`` asked named beside it):
    "Only 58% were completed within the target time" gives the share on time, not the target; "below the England
    average" gives no average, nor does "an average of 16 weeks, faster than the regional average" give the region's,
    nor a figure set against it, "13.4% in 2023 to 2024, well above the England average" or "below the regional
    average, at 71%" (the council's own)."""
    words = _TARGET_WORDS if noun in ("target", "goal", "ambition") else _PEERS if names_peers(noun) else rf"{noun}s?"
    near = rf"(?:[\s,;:()–-]+[\w'’]+){{0,{REFERENCE_REACH}}}?"
    return any((reach is None or _REACH[reach].search(sentence[max(0, m.start() - REACH_CHARS) : m.end() + REACH_CHARS // 3]))
               and not (m.group("before") and _COMPARED_TO.search(m.group(0)))  # "13.4%, well above the … average"
               and not (not m.group("before") and _OWN_FIGURE_AFTER.search(m.group(0)))  # "… average, at 71%"
               for m in re.finditer(rf"\b(?:{words})\b{near}[\s(:–-]+£?\d|(?P<before>(?<![\d,.])(?!(?:19|20)\d{{2}}\b)\d[\d,.]*)"
                                    rf"\s*%?(?:[\s-]+[\w'’]+){{0,2}}?[\s,(-]+(?:the\s+|an?\s+)?(?:[\w'’]+\s+)?(?:{words})\b",
                                    sentence, re.IGNORECASE))


def asks_earlier_year(question: str) -> bool:
    """Whether the question asks about, or compares with, the year before the one reported, or the time before a
    change ("before the zoned model started"; not "before their support began", a wait until it did)."""
    return bool(_ASKS_EARLIER.search(question))


def gives_earlier_year(sentence: str) -> bool:
    """Whether the sentence gives an earlier figure or a change: two periods, or words of change from one
    ("up from 410", "than in 2022/23"); this year's figure alone does not say what last year's was."""
    return bool(_EARLIER.search(sentence)) or len({p.label for p in periods(sentence)}) >= 2


def asks_other_councils(question: str) -> bool:
    """Whether the question asks which other councils share or join in something with one it names."""
    return bool(_ASKS_OTHER_COUNCILS.search(question))


@functools.lru_cache(maxsize=1)
def _matcher() -> CouncilMatcher:
    """A matcher for every English council's name (built once: it compiles one large pattern)."""
    return CouncilMatcher(())


#: How much of a sentence is read for councils' names: the matcher's formal-title pattern is slow on a long
#: run of capitalised words, and a sentence of prose names its councils well within this.
NAMES_CHARS = 2000


def other_councils_named(sentence: str, councils: tuple[str, ...]) -> tuple[str, ...]:
    """The councils the sentence names other than ``councils`` ("shared with Redcar and Cleveland")."""
    found = _matcher().find(sentence[:NAMES_CHARS])
    asked = {normalise(display_name(c)) for c in councils}
    return tuple(c for c in (*found.known, *found.unknown) if normalise(display_name(c)) not in asked)
