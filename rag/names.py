"""Proper names a question shares with a passage ("Shared Lives", "Care Connect Rutland", "Pathways to Work").

A passage spells the names of its schemes, teams and boards in capitals; a question may not ("does the council
run a shared lives scheme?"). Lexical scores stem and weigh the name's words one by one ("lives", "shared" are
common words), so a passage that holds the very name asked about can rank below one that merely shares its words;
:func:`names_shared` tells which passages hold a name the question uses, so retrieval can move them up.
"""

from __future__ import annotations

import re

#: A run of capitalised words, joined by at most one small word ("Pathways to Work", "Wolds and Coast Connect").
_NAME_RUN = re.compile(r"\b[A-Z][\w'’&-]*(?:\s+(?:(?:of|and|to|for|the|in|on|at|&)\s+)?[A-Z][\w'’&-]*)+")
#: Words that join the words of a name and cannot start or end one.
_JOINING = {"of", "and", "to", "for", "the", "in", "on", "at", "&"}
#: Capitalised words that name nothing by themselves: sentence openers, titles and the report's own words.
_NOT_NAMES = {"the", "a", "an", "this", "that", "these", "those", "it", "its", "they", "their", "we", "our", "there",
              "in", "on", "at", "of", "for", "by", "to", "from", "with", "and", "but", "or", "as", "since", "during",
              "after", "before", "when", "while", "some", "many", "most", "all", "one", "people", "staff", "leaders",
              "council", "councils", "borough", "county", "city", "district", "metropolitan", "local", "authority",
              "adult", "adults", "social", "care", "england", "english", "national", "nhs", "cqc"}
#: The most words of a name's run looked at (longer runs are headings or lists).
NAME_MAX_WORDS = 6


def names_in(text: str) -> set[str]:
    """Case-folded names the text spells in capitals, with each part of two words or more of a longer run
    ("East Riding Shared Lives" gives "shared lives" too), leaving out parts made only of common words."""
    out: set[str] = set()
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).casefold().replace("’", "'").split()
        if len(words) <= NAME_MAX_WORDS:
            out |= _phrases(words)
    return out


def _phrases(words: list[str], skip: set[str] = frozenset()) -> set[str]:
    """The runs of two to :data:`NAME_MAX_WORDS` words that could be a name: not starting or ending with a joining
    word, not made only of common words or of ``skip``."""
    out = set()
    for i in range(len(words)):
        for j in range(i + 2, min(len(words), i + NAME_MAX_WORDS) + 1):
            part = words[i:j]
            if part[0] in _JOINING or part[-1] in _JOINING or all(w in _NOT_NAMES for w in part) \
                    or set(part) <= skip | _JOINING:
                continue
            out.add(" ".join(part))
    return out


def _capitalised(phrase: str, text: str) -> bool:
    """Whether the text spells the phrase with each of its words but the joining ones in capitals."""
    spelled = r"\s+".join(map(re.escape, phrase.split()))
    for m in re.finditer(rf"(?<![\w'’&-]){spelled}(?![\w'’&-])", text, re.IGNORECASE):
        if all(w[0].isupper() or w.casefold() in _JOINING for w in m.group(0).split()):
            return True
    return False


def names_shared(question: str, texts: list[str], leave_out: tuple[str, ...] = ()) -> list[bool]:
    """For each text, whether it spells in capitals a name the question uses (in any case), other than names
    made of the ``leave_out`` words (the councils the question names, whose passages are already chosen)."""
    skip = {w.casefold() for name in leave_out for w in name.split()}
    asked = _phrases(re.findall(r"[\w'&-]+", question.casefold().replace("’", "'")), skip)
    out = []
    for text in texts:
        folded = " " + " ".join(re.findall(r"[\w'&-]+", text.casefold().replace("’", "'"))) + " "
        out.append(any(f" {p} " in folded and _capitalised(p, text) for p in asked))
    return out


#: A question asking only what something named is ("What is Care Connect Rutland?", "what's the Ask Early campaign").
_WHAT_IS = re.compile(r"^\s*(?:and\s+)?what(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+|an?\s+)?(?P<thing>[^?]{2,80}?)"
                      r"\s*\??\s*$", re.IGNORECASE)
#: A question asking only what something named does or offers ("What do the Age-friendly Navigators do?", "What does
#: Better Living Thurrock offer people?"): the same asked.
_WHAT_DOES = re.compile(r"^\s*(?:and\s+)?what\s+(?:do|does|did)\s+(?:the\s+|an?\s+)?(?P<thing>[^?]{2,80}?)\s+"
                        r"(?:do|offer|provide|involve)(?:\s+(?:people|residents|carers|families))?\s*\??\s*$",
                        re.IGNORECASE)
#: The most words of the thing such a question asks about.
WHAT_IS_MAX_WORDS = 6


#: A name set in quotation marks at the start of what is asked about.
_QUOTED = re.compile(r"""^["“‘']([^"”’']{2,80})["”’']""")


def thing_defined(question: str) -> str | None:
    """What a "What is X?" (or "What does X do?") question asks to have defined (its X, case-folded), when that is all
    it asks."""
    m = _WHAT_IS.match(question) or _WHAT_DOES.match(question)
    thing = m.group("thing").casefold().replace("’", "'") if m else ""
    quoted = _QUOTED.match(thing)  # "What is "Fenwick Conversations" in Fenwick's adult social care?": the quoted name
    thing = quoted.group(1) if quoted else thing
    return thing if thing and len(thing.split()) <= WHAT_IS_MAX_WORDS else None


def defines(name: str, text: str) -> bool:
    """Whether the text says what the named thing is: set beside it ("Care Connect Rutland, a team of nine staff",
    "X is a service …"), what it is made of or brings together ("X brought council and NHS staff together", "X is
    made up of"), why it was set up ("X was set up to", "X aims to"), or named as what something is called ("rebuilt
    under the name Care Connect Rutland", "a practice framework, known locally as "Fenwick Conversations"")."""
    spelled = r"\s+".join(map(re.escape, name.split()))
    return re.search(rf"\b{spelled}\s*(?:,\s*|\s+(?:is|was|are|were)\s+)(?:a|an|the|our|its)\s|"
                     rf"\b{spelled}\s+(?:(?:brought|brings|bring)\s+(?:[\w'’-]+\s+){{0,6}}?together|"
                     r"(?:is|was|are|were)\s+made\s+up\s+of|consists?\s+of|consisted\s+of|"
                     r"(?:(?:is|was|are|were|had\s+been|has\s+been)\s+(?:set\s+up|created|established|launched)\s+"
                     r"(?:in\s+\w+\s+)?(?:\d{4}\s+)?to|aims?\s+to|aimed\s+to|exists?\s+to))\b|"
                     rf"\b(?:called|named|known(?:\s+locally)?\s+as|under the name|branded(?: as)?)\s+(?:the\s+)?[\"“‘']?{spelled}\b",
                     text, re.IGNORECASE) is not None


def defines_the_thing_asked(question: str, text: str) -> bool:
    """Whether a "What is X?" question's X is a name the text spells and says what it is (:func:`defines`)."""
    thing = thing_defined(question)
    return thing is not None and any(defines(n, text) for n in names_in(text) if n in thing)
