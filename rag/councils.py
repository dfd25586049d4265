"""Council names: one display name per council, read from report titles and found in questions.

Reports title a council in full ("London Borough of Camden: local authority assessment", "Council of
the Isles of Scilly: …", "Nottinghamshire County Council assessment"); people write "Camden", "LB
Camden", "Staffs". Every form maps to one display name, taken from the shipped list of the English
councils with adult social care duties (``rag/data/councils.csv``) where the council is on it, so that
a council outside the index ("Camden" when only Harrow is indexed) is recognised as such and the
answer can abstain instead of answering from another council.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .config import DATA_DIR
from .framework import Statement, statement_of_heading, theme_of_heading, theme_subject

#: Council names that are also ordinary words: matched in questions only when capitalised, or after a preposition of
#: place when their reports are indexed.
_COMMON_WORDS = {"reading", "bury", "bath", "derby"}
#: A preposition of place right before a word ("people in bury"): what makes a lower-case common word a place.
_PLACE_BEFORE = re.compile(r"\b(?:in|at|for|from|across|around|of)\s+$")
#: What may follow a place there: the question's end, or a word that does not make the name a verb's object ("people in
#: bury take up …", not "help in reading letters").
_PLACE_AFTER = re.compile(r"\s*$|\s*[?.,;:!)]|\s+(?:and|or|do|does|did|is|are|was|were|has|have|had|take|takes|took|get|"
                          r"gets|got|need|needs|use|used|wait|waited|compare|compared|council|borough|now|in|for|with|to|on|"
                          r"at|than|who|that|which|when|since|during)\b")
#: Words around a council's name in its formal title, removed to get the name itself.
_PREFIXES = ("london borough of", "royal borough of", "metropolitan borough of", "borough of", "city and county of",
             "city of", "county of", "council of the", "council of", "the")
_SUFFIXES = ("metropolitan borough council", "metropolitan district council", "county borough council",
             "borough council", "county council", "city council", "district council", "council",
             "mbc", "mdc", "cbc", "bc", "cc", "dc")  # and their initials ("Dudley MBC", "Kent CC")
#: Abbreviations people put before a London borough's name ("LB Camden", "RB Greenwich").
_ABBREVIATED_PREFIX = re.compile(r"^(?:lb|rb|rbk|lbc)\s+")
#: "<council>: local authority assessment" (published pages) or "<council> assessment" (2023 pilots).
_SITE = r"(?:\s*[-–—|]\s*(?:care quality commission|cqc))?"
_TITLE = re.compile(rf"^\s*(?P<name>[^:\n]{{2,90}}?)\s*(?::|\s[-–—])\s*local authority assessment(?: report)?{_SITE}\s*$"
                    rf"|^\s*local authority assessment(?: report)?\s*(?::|\s[-–—])\s*(?P<after>[^:\n]{{2,90}}?){_SITE}\s*$"
                    rf"|^\s*(?P<pilot>[^:\n]{{2,90}}?)\s+(?:local authority )?assessment(?: report)?{_SITE}\s*$", re.IGNORECASE)
#: A step of a trail of breadcrumbs ("Local authority assessments > Anytown Council >"), as a page or its print gives it.
_BREADCRUMB_STEP = re.compile(r"\s[>›»]\s")
_GENERIC_COUNCIL = re.compile(
    r"\b(?:(?:London |Royal )?Borough of|City of|County of)\s+([A-Z][\w'-]+(?:\s+(?:and|upon|on|&)?\s*[A-Z][\w'-]+)*)"
    r"|\b([A-Z][\w'-]+(?:\s+(?:and|upon|on|&)\s+[A-Z][\w'-]+|\s+[A-Z][\w'-]+)*)\s+(?:County |Borough |City |District |Metropolitan Borough )?Council\b"
)
#: Words of a council's formal title that name no council by themselves.
_TITLE_WORDS = {"council", "borough", "county", "city", "district", "metropolitan", "london", "royal", "of", "the", "unitary"}
_NOT_A_NAME = {"the", "a", "which", "what", "each", "every", "local", "county", "our", "this", "that", "any", "all"}


def normalise(text: str) -> str:
    """Case-folded, '&' as 'and', single spaces, curly apostrophes straightened, hyphens as spaces."""
    text = text.replace("&", " and ").replace("’", "'").replace("-", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


def strip_title_words(name: str) -> str:
    """The council's name without the words of its formal title ("London Borough of Camden" → "Camden")."""
    key = normalise(name)
    key = _ABBREVIATED_PREFIX.sub("", key)
    for prefix in _PREFIXES:
        if key.startswith(prefix + " "):
            key = key[len(prefix) + 1 :]
            break
    for suffix in _SUFFIXES:
        if key.endswith(" " + suffix):
            key = key[: -len(suffix) - 1]
            break
    return key.strip()


@functools.lru_cache(maxsize=1)
def english_councils() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(name, aliases) of every English council with adult social care duties."""
    with open(DATA_DIR / "councils.csv", encoding="utf-8", newline="") as f:
        return tuple(
            (row["name"].strip(), tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()))
            for row in csv.DictReader(f)
        )


@functools.lru_cache(maxsize=1)
def former_councils() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(name, aliases) of councils that had adult social care duties and have since been replaced
    (Cumbria, Northamptonshire): people still ask about them, and no other council's report answers."""
    with open(DATA_DIR / "former_councils.csv", encoding="utf-8", newline="") as f:
        return tuple((row["name"].strip(), tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()))
                     for row in csv.DictReader(f))


@functools.lru_cache(maxsize=1)
def _known_variants() -> dict[str, str]:
    """Normalised name or alias (with and without title words) → the list's display name."""
    out: dict[str, str] = {}
    for name, aliases in english_councils():
        for v in (name, *aliases):
            out.setdefault(normalise(v), name)
            if not title_words_only(strip_title_words(v)):
                out.setdefault(strip_title_words(v), name)
    return out


def display_name(name: str) -> str:
    """One display name for any form of a council's name ("Staffordshire County Council" → "Staffordshire")."""
    name = re.sub(r"\s+", " ", name).strip(" \t:-–—")
    known = _known_variants()
    for key in (normalise(name), strip_title_words(name)):
        if key in known:
            return known[key]
    stripped = strip_title_words(name)
    if not stripped:
        return name
    cut = cut_title_words(stripped)
    if cut in known:
        return known[cut]  # "Dudley Metropolitan", a formal title broken over two lines
    # keep the original capitalisation of the words that remain
    words = re.sub(r"\s+", " ", name.replace("’", "'")).split(" ")
    kept = [w for w in words if normalise(w) in stripped.split(" ") or normalise(w) == "and"]
    return " ".join(kept) if kept and normalise(" ".join(kept)) == stripped else stripped.title()


#: Separators between the parts of a page's title ("Safeguarding - Norfolk County Council - CQC",
#: "Assessing needs | Kent County Council", "Norfolk County Council: Safeguarding").
_TITLE_PARTS = re.compile(r"\s*(?::|\|)\s*|\s+[-–—]\s+")
#: Title parts that name the site or the kind of page, not the council or the statement.
_PAGE_PART = re.compile(r"(?:care quality commission|cqc|(?:(?:care quality commission|cqc) )?(?:local authority |adult social care )?"
                        r"assessments?(?: of (?:adult social care|care act duties))?(?: report)?|"
                        r"overview|(?:overall )?summary(?: of (?:the )?(?:scores|findings|ratings))?|scores|key findings|"
                        r"report|adult social care|gov\.uk|home)")
#: "Local authority assessment" before or after a title part's own words ("Stockport Metropolitan Borough
#: Council Local authority assessment", when the page's name and its kind stand on two lines).
_ASSESSMENT_WORDS = re.compile(r"(?<=\w)\s+local authority assessments?(?: report)?$|^local authority assessments?(?: report)?\s+(?=\w)",
                               re.IGNORECASE)
#: A title longer than this is a sentence, not a title.
TITLE_MAX_CHARS = 160


def parts_of_title(line: str) -> tuple[str, Statement | None] | None:
    """(council, statement) of a title made of parts between separators, each part the council, a
    quality statement or theme, or the site's or page's name ("Safeguarding - Norfolk County Council -
    Local authority assessment"); None unless exactly one part names a council and no part is anything else."""
    parts = [_ASSESSMENT_WORDS.sub("", p) for p in _TITLE_PARTS.split(line.strip()) if p.strip()]
    if len(parts) < 2 or len(line) > TITLE_MAX_CHARS:
        return None
    council, statement = None, None
    for part in parts:
        if _PAGE_PART.fullmatch(normalise(part)) or theme_of_heading(part):
            continue
        named = statement_of_heading(part)
        if named and statement is None:
            statement = named
        elif council is None and names_a_council(part):
            council = display_name(part)
        else:
            return None
    return (council, statement) if council else None


def names_a_council(text: str) -> bool:
    """Whether the whole text is a listed council's name (in any of its forms) or a formal council
    title ("Anytown Borough Council")."""
    key = strip_title_words(text)
    return bool(key) and (key in _known_variants() or normalise(text) != key and bool(_GENERIC_COUNCIL.fullmatch(text.strip())))


def council_of_title(line: str) -> str | None:
    """The council a report's title line names, as its display name, or None when it names none."""
    parts = parts_of_title(line)
    if parts:
        return None if title_words_only(parts[0]) else parts[0]
    m = _TITLE.match(line)
    if not m or _BREADCRUMB_STEP.search(line):
        return None  # "4. Anytown Council > 5. Local authority assessment": a printed trail of breadcrumbs, no title
    raw = (m.group("name") or m.group("after") or m.group("pilot") or "").strip()
    key = strip_title_words(raw)
    if not key or key in {"local authority", "the local authority", "care", "adult social care"} or _PAGE_PART.fullmatch(key):
        return None  # "Local authority assessment: overview" names the page, not the council
    if title_words_only(key):
        return None  # "Council: local authority assessment", a title's second line: the name is on the line before
    if m.group("pilot") and key not in _known_variants() and not re.search(r"\b(council|borough|county)\b", raw, re.I):
        return None  # "<words> assessment" is a pilot title only when the words name a council
    return display_name(raw)


def cut_title_words(key: str) -> str:
    """A normalised name without the words of a formal title at its end ("dudley metropolitan" → "dudley"):
    what is left of a title broken before its last words."""
    words = key.split()
    while len(words) > 1 and words[-1] in _TITLE_WORDS:
        words.pop()
    return " ".join(words)


def title_words_only(name: str) -> bool:
    """Whether a name is only words of a formal title ("Council", "Borough", "London"), which name no council;
    "City of London", a council's own name, is not."""
    key = normalise(name)
    return set(key.split()) <= _TITLE_WORDS and key not in _full_names()


@functools.lru_cache(maxsize=1)
def _full_names() -> frozenset[str]:
    """Every listed council's name and alias as written, normalised ("city of london")."""
    return frozenset(normalise(v) for name, aliases in english_councils() for v in (name, *aliases))


def council_of_theme_heading(line: str) -> str | None:
    """The council a theme heading names ("How Leeds City Council works with people" → "Leeds"), or None."""
    subject = theme_subject(line)
    return display_name(subject) if subject else None


def council_of_name_line(line: str) -> str | None:
    """The council a line gives on its own, as a page names it under its heading ("Wokingham Borough
    Council", "London Borough of Camden"): the whole line is the formal name of a listed council."""
    if len(line) > 80 or normalise(line) == strip_title_words(line):
        return None  # a bare name ("Camden") could be any heading; only a formal title counts
    key = strip_title_words(line)
    return display_name(line) if key in _known_variants() else None


#: How many capitalised words a council's name has at most in its formal name ("Bath and North East Somerset"): a
#: bound that keeps the search linear in a long run of capitalised words.
FORMAL_NAME_MAX_WORDS = 8
#: A council's formal name as reports write it: "London Borough of Camden", "Council of the Isles of Scilly",
#: "Blackburn with Darwen Borough Council", "Kingston upon Hull City Council", "Bournemouth, Christchurch and Poole
#: Council" (its words capitalised, small words or a comma between them, none of them "Council" or a leading "The";
#: the whitespace of a line break allowed).
_NAME_WORDS = (r"(?!The\b)[A-Z](?!ouncil\b)[\w'’-]*(?:,?\s+(?:(?:and|upon|on|with|in|of|the|&)\s+)?[A-Z](?!ouncil\b)[\w'’-]*)"
               rf"{{0,{FORMAL_NAME_MAX_WORDS - 1}}}")
#: Capitalised words before a formal name that are not part of it ("In", "Overall") that are tried away.
_LEADING_WORDS = 2
_FORMAL_NAME = re.compile(
    rf"\b(?:(?:London |Royal |Metropolitan )?Borough of|City and County of|City of|County of|Council of the)\s+{_NAME_WORDS}(?:\s+Council\b)?"
    rf"|\b{_NAME_WORDS}\s+(?:Metropolitan Borough |Metropolitan District |County Borough |County |Borough |City |District )?Council\b")


def formal_name_in(text: str, council: str | None) -> str | None:
    """The council's formal name as ``text`` writes it most often ("Leicester City Council" for "Leicester"; the
    longest on a tie), or None when the text never writes it with its title words: what labels its answer lines,
    so that a reader finds the name the report itself uses."""
    if not council:
        return None
    seen: dict[str, int] = {}
    for m in _FORMAL_NAME.finditer(text):
        form = _council_form(m.group(0).split(), council)
        if form:
            seen[form] = seen.get(form, 0) + 1
    return max(seen, key=lambda f: (seen[f], len(f))) if seen else None


def _council_form(words: list[str], council: str) -> str | None:
    """The run of ``words`` that is ``council``'s name with its title words: all of them, or with a few capitalised
    words before it tried away ("In Leicester City Council"); failing that, the longest run the list of councils
    knows, words after it tried away too ("Royal Borough of Windsor and Maidenhead" before a page's next line,
    "Safeguarding"). None when no run is."""
    starts = range(min(_LEADING_WORDS, len(words) - 1) + 1)
    for start in starts:
        if _is_formal(form := " ".join(words[start:])) and display_name(form) == council:
            return form
    known = _known_variants()
    for start in starts:
        for end in range(len(words) - 1, start, -1):
            form = " ".join(words[start:end]).rstrip(",")
            if _is_formal(form) and known.get(strip_title_words(form)) == council:
                return form
    return None


def _is_formal(form: str) -> bool:
    """Whether ``form`` holds title words beside the council's own ("Leicester City Council", not "Leicester")."""
    return normalise(form) != strip_title_words(form)


#: Compass words and their short forms in council names ("N Somerset", "NE Lincs").
_COMPASS = {"north east": "ne", "north west": "nw", "south east": "se", "south west": "sw", "north": "n", "south": "s",
            "east": "e", "west": "w"}


#: Words before a county's name that make it a part of the county ("south east Essex", "rural Norfolk"), read on
#: normalised text; a council whose own name starts so ("North Yorkshire", "West Sussex") is matched whole first.
_AREA_OF = re.compile(r"\b(?:(?:north|south)(?: (?:east|west))?|east|west|northern|southern|eastern|western|central|mid|"
                      r"rural|coastal|inner|outer|greater)\s$")
#: Words after a county's name that make it the county a smaller place lies in ("the Lancashire borough made up of two
#: towns", "a Kent coastal town"), read on normalised text.
_PLACE_IN = re.compile(r"^\s(?:coastal\s|market\s|seaside\s|rural\s)?(?:borough|boroughs|towns?|district|villages?|coast|"
                       r"unitary)\b(?!\s(?:council|borough council)\b)")  # "Reading Borough Council" is a council
#: Words that make a place's name part of a body's name ("the University of Hull", "Hull Royal Infirmary", "Essex
#: Police"), read on normalised text: such a body is not the council of that place.
_BODY_OF = re.compile(r"\b(?:university|college|diocese|bishop|port|airport|duchy)\sof\s$")
_BODY_NAMED = re.compile(r"^\s(?:university|universities|college|hospitals?|royal infirmary|infirmary|teaching hospitals|"
                         r"nhs|police|fire and rescue|football club|airport|cathedral|chamber of commerce)\b")


def compass_forms(form: str) -> set[str]:
    """A name's forms with its leading compass word shortened ("north somerset" → "n somerset")."""
    for word, short in _COMPASS.items():
        if form.startswith(word + " "):
            return {short + form[len(word):]}
    return set()


def with_title_words(pattern: str) -> str:
    """A name's pattern with the words of a formal title around it allowed ("London Borough of Camden", "Blackburn
    with Darwen Borough Council"): the whole of the council's name as a question may write it."""
    before = "|".join(r"\s+".join(map(re.escape, p.split())) for p in _PREFIXES)
    after = "|".join(r"\s+".join(map(re.escape, s.split())) for s in _SUFFIXES)
    return rf"(?:(?:{before})\s+)?(?:{pattern})(?:\s+(?:{after})\b)?"


@functools.lru_cache(maxsize=512)
def name_patterns(name: str) -> tuple[str, ...]:
    """Regular expressions (unanchored) of the forms of a council's name, longest first, spaces matching hyphens too
    ("Stockton on Tees" as "Stockton-on-Tees"): what finds the council named in a question."""
    return tuple(r"[\s-]+".join(map(re.escape, form.split())) for form in sorted(variants_of(name), key=len, reverse=True))


def variants_of(name: str) -> set[str]:
    """Normalised forms by which a council may be named: its own, its list aliases, "LB" forms, and a
    leading compass word shortened ("N Somerset")."""
    full = {normalise(name)}
    for listed, aliases in english_councils():
        if normalise(listed) == normalise(name):
            full |= {normalise(a) for a in aliases}
    stripped = {strip_title_words(f) for f in full}
    forms = full | {f for f in stripped if not title_words_only(f)}  # "City of London" is not "London"
    forms |= {f"lb {f}" for f in list(forms)}
    forms |= {short for f in list(forms) for short in compass_forms(f)}
    return {f for f in forms if f}


#: Small words a council's initials may leave out ("ERYC", East Riding of Yorkshire Council).
_SMALL_WORDS = ("of", "and", "upon", "on", "the")
#: Letters of a council's formal title that its initials may end with (Council, City Council, Borough Council,
#: County Council, Metropolitan Borough Council, (Metropolitan) District Council, County Borough Council) or start with
#: (London Borough, Royal Borough, City of).
_INITIAL_ENDS = ("", "c", "cc", "bc", "mbc", "dc", "mdc", "cbc")
_INITIAL_STARTS = ("", "lb", "rb", "c")
#: The fewest letters initials have to be read as a council's ("TMBC", "ERYC"; not "SC").
INITIALS_MIN_LETTERS = 3


def initials_of(name: str) -> set[str]:
    """The upper-case initials by which people may write a council ("East Riding of Yorkshire" → "ERYC", "EROYC",
    "Tameside" → "TMBC", "Stoke-on-Trent" → "SOTCC"): its words' first letters, with and without its small words,
    inside the letters of its formal title."""
    words = normalise(name).replace(",", " ").split()
    bases = {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in _SMALL_WORDS)}
    return {f"{start}{base}{end}".upper() for base in bases if base for start in _INITIAL_STARTS for end in _INITIAL_ENDS
            if len(start + base + end) >= INITIALS_MIN_LETTERS}


@dataclass(frozen=True)
class CouncilMatch:
    """Councils a question names: those with reports in the index, and those without."""

    known: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()

    @property
    def only_unknown(self) -> bool:
        return bool(self.unknown) and not self.known


class CouncilMatcher:
    """Finds indexed and non-indexed council names in free text."""

    def __init__(self, indexed: Iterable[str], councils: Iterable[tuple[str, tuple[str, ...]]] | None = None):
        councils = english_councils() + former_councils() if councils is None else tuple(councils)
        self.indexed = {normalise(a): a for a in indexed if a}
        variants: dict[str, str] = {}  # normalised variant -> display name
        for name, aliases in councils:
            canonical = self.indexed.get(normalise(name), name)
            for v in (name, *aliases):
                variants.setdefault(normalise(v), canonical)
                for short in compass_forms(normalise(v)):
                    variants.setdefault(short, canonical)
        for name in self.indexed.values():
            for v in variants_of(name):
                variants[v] = name
        self._variants = variants
        owners: dict[str, set[str]] = {}
        for name in self.indexed.values():
            for form in initials_of(name):
                owners.setdefault(form, set()).add(name)
        #: Initials of exactly one indexed council that name no listed council otherwise ("PCC" with Peterborough).
        self._initials = {form: next(iter(names)) for form, names in owners.items()
                          if len(names) == 1 and normalise(form) not in variants}
        alternation = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
        self._pattern = re.compile(rf"(?<![\w])(?:{alternation})(?![\w])") if variants else None

    def find(self, question: str) -> CouncilMatch:
        """The councils ``question`` names, indexed ones first in order of mention."""
        known: list[str] = []
        unknown: list[str] = []
        text = normalise(question)

        def add(name: str) -> None:
            target = known if normalise(name) in self.indexed else unknown
            if name not in target:
                target.append(name)

        if self._pattern:
            for m in self._pattern.finditer(text):
                variant = m.group(0)
                if variant in _COMMON_WORDS and not re.search(rf"\b{re.escape(variant.capitalize())}\b", question) and not (
                        normalise(self._variants[variant]) in self.indexed and _PLACE_BEFORE.search(text[: m.start()])
                        and _PLACE_AFTER.match(text[m.end():])):
                    continue  # "reading" is a word, "people in reading" a place when Reading's reports are here
                if normalise(self._variants[variant]) not in self.indexed and (
                        _AREA_OF.search(text[: m.start()]) or _PLACE_IN.match(text[m.end():])
                        or _BODY_OF.search(text[: m.start()]) or _BODY_NAMED.match(text[m.end():])):
                    continue  # "in south-east Essex", "the Lancashire borough", "the University of Hull": a part of
                    # a county without a report here, or a body named after a place, not its council
                add(self._variants[variant])
        for token in re.findall(r"(?<![\w&])[A-Z]{3,8}(?![\w&])", question):
            if token in self._initials:
                add(self._initials[token])
        for m in _GENERIC_COUNCIL.finditer(question):
            name = re.sub(r"(\s+(County|Borough|City|District|Metropolitan))+$", "", (m.group(1) or m.group(2) or "").strip())
            key = normalise(name)
            if normalise(m.group(0)) in self._variants:
                continue  # "City of London": a listed name as a whole, not a "City of" and a council "London"
            if not key or key in self._variants or any(key.endswith(" " + v) or key.startswith(v + " ") for v in self._variants):
                continue
            if key.split()[0] in _NOT_A_NAME:
                continue
            add(name)
        return CouncilMatch(tuple(known), tuple(unknown))
