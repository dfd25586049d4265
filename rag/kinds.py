"""Kinds of thing that adult social care reports count separately and a question can confuse: a
social worker is not an occupational therapist, a Care Act assessment is not a carers' assessment,
home care is not nursing care, a median wait is not the longest one, an overspend is not a saving.

A figure given for one kind does not answer a question about another of the same family, nor one
given only under the family's plain word ("an assessment", "complaints") for a narrower kind ("a
carers' assessment", "upheld complaints"). The families and their wordings are shipped in
``rag/data/kinds.csv`` (domain vocabulary, one row a kind, its wordings as regular expressions
separated by ";"; the kind ``*`` marks a family's plain word).
"""

from __future__ import annotations

import csv
import functools
import re

from .config import DATA_DIR
from .periods import without_assessment_time

#: The kind column of a family's plain word, which names no kind of it ("an assessment", "staff").
PLAIN = "*"
#: Kinds that a family's plain word means when a report gives no other: "an assessment" is a Care Act one, and
#: "applications waiting to be assessed" under a DoLS heading are DoLS ones.
_PLAIN_MEANS = {"Care Act assessment", "DoLS assessment"}


@functools.lru_cache(maxsize=1)
def _shipped() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(family, kind, wordings) of every shipped row."""
    with open(DATA_DIR / "kinds.csv", encoding="utf-8", newline="") as f:
        return tuple((row["family"], row["kind"], tuple(row["wordings"].split(";"))) for row in csv.DictReader(f))


def _pattern(wordings) -> re.Pattern:
    """One pattern for the wordings; acronyms match only in capitals."""
    words = [w if w.isupper() or w[:-1].isupper() else f"(?i:{w})" for w in wordings]
    return re.compile(rf"\b(?:{'|'.join(words)})\b")


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, str, re.Pattern], ...]:
    """(family, kind, pattern) of every shipped row."""
    return tuple((family, kind, _pattern(words)) for family, kind, words in _shipped())


@functools.lru_cache(maxsize=1)
def own_wordings() -> dict[tuple[str, str], re.Pattern]:
    """(family, kind) → the wordings of the kind that no other kind of its family shares ("nursing homes" of nursing
    care, not "care homes", which may be residential or nursing), for kinds that have such wordings."""
    rows = _shipped()
    shared = {(family, w) for family, _, words in rows for w in words
              if sum(w in other for fam, _, other in rows if fam == family) > 1}
    own = {(family, kind): [w for w in words if (family, w) not in shared] for family, kind, words in rows if kind != PLAIN}
    return {key: _pattern(words) for key, words in own.items() if words}


@functools.lru_cache(maxsize=1)
def families() -> dict[str, tuple[tuple[str, re.Pattern], ...]]:
    """Family → (kind, pattern) of every shipped kind (not the plain words)."""
    out: dict[str, list[tuple[str, re.Pattern]]] = {}
    for family, kind, pattern in _rows():
        if kind != PLAIN:
            out.setdefault(family, []).append((kind, pattern))
    return {family: tuple(kinds) for family, kinds in out.items()}


@functools.lru_cache(maxsize=1)
def plain_words() -> dict[str, re.Pattern]:
    """Family → the pattern of its plain word ("assessment", "staff"), for families that have one."""
    return {family: pattern for family, kind, pattern in _rows() if kind == PLAIN}


@functools.lru_cache(maxsize=4096)
def kinds_named(text: str) -> dict[str, frozenset[str]]:
    """Family → the kinds of it that ``text`` names (remembered: a question is checked against every
    candidate sentence, and the same sentences come back for many questions). Do not change the result."""
    out: dict[str, frozenset[str]] = {}
    for family, kinds in families().items():
        named = frozenset(kind for kind, pattern in kinds if pattern.search(text))
        if named:
            out[family] = named
    return out


@functools.lru_cache(maxsize=4096)
def kinds_beside_time(text: str) -> dict[str, frozenset[str]]:
    """The kinds ``text`` names once its phrases for the time of CQC's assessment are left out ("when CQC carried
    out its assessment" names no completed assessment); remembered, as :func:`kinds_named` is. Do not change it."""
    return kinds_named(without_assessment_time(text))


#: Kinds a figure is only of when its own sentence names them: a median or an average is one way of
#: summing up waits, and "520 people had waited more than a year" gives neither; a target is not what
#: was achieved; "54 care homes" does not say how many were rated inadequate (a provider's CQC rating); a share
#: of people still at home 91 days after reablement, or any other share, is not the share who needed no more care; nor
#: is a count or share of concerns one of those substantiated.
MUST_BE_NAMED = {"median", "average", "target", "good", "outstanding", "requires improvement", "inadequate",
                 "no ongoing support", "at home after 91 days", "substantiated"}
#: Kinds a comparison lists a council for only when its sentence (or the one before) names them: a director in post
#: since 2021 is not an interim one, nor does a budget of £128.9 million say it was overspent or underspent.
MUST_BE_NAMED_TO_COMPARE = {"interim", "overspend", "underspend", "balanced budget"}


def kind_left_unnamed(sentence: str, question: str, lead_in: str = "") -> bool:
    """Whether the question asks about a kind a comparison must see named (:data:`MUST_BE_NAMED_TO_COMPARE`: "which
    councils had an *interim* director") and the sentence, with the one before it, does not name it."""
    asked = kinds_beside_time(question)
    given = kinds_named(f"{lead_in} {sentence}")
    return any(kinds & MUST_BE_NAMED_TO_COMPARE - given.get(family, frozenset()) for family, kinds in asked.items())


#: A figure given as an aim or a forecast ("aimed to save £6.1 million", "expected to reach 400 people", "a
#: target to bring the median wait below 28 days", "plans for 300 more apartments"): it does not say what was
#: done (a target named elsewhere in the sentence, "against a target of 80%", is not it); nor does an
#: undertaking's purpose ("an international recruitment programme to bring in 15 social workers"), nor a growth
#: under way or to come ("the pilot was being extended to 400 homes in 2027").
_TARGET_FIGURE = re.compile(r"\b(?:aim(?:s|ed)?|expected|forecast|planned|projected|intended|hoped|sought|a target|"
                            r"(?:programme|plan|scheme|project|campaign|drive|strategy|initiative|ambition|goal|pledge)s?|"
                            r"(?:being|will be|would be|to be) (?:extended|expanded|increased|widened|rolled out|scaled up))"
                            r"\s+to\s+(?:[\w-]+\s+){0,5}?"
                            r"(?:£\s?)?(?!(?:19|20)\d\d\b)\d|"  # not a year: "planned to open in 2027"
                            r"\b(?:plans?|proposals?|ambitions?|pledges?) for\s+(?:[\w-]+\s+){0,2}?(?:£\s?)?(?!(?:19|20)\d\d\b)\d",
                            re.IGNORECASE)  # "plans for 300 more extra care apartments"
#: A figure, not a year: what a sentence gives before its aim ("had 38 approved carers, and planned to recruit 15").
_DONE_FIGURE = re.compile(r"(?<![\d/.,])(?!(?:19|20)\d\d\b)\d[\d,.]*(?![\d,.]*\s*/\s*\d)(?P<share>\s*(?:%|per ?cent\b))?")


#: A plan as the sentence's first clause says it ("The council planned to set up a Next Steps Team", "intended to lower
#: the starting age"), before anything it says was done.
_ONLY_PLANNED = re.compile(r"^[^,;:]{0,80}?\b(?:planned|plans|was planning|were planning|intended|intends|aimed|aims|hoped|"
                           r"hopes|was due|were due|proposed|proposes|was going|were going|was expected|were expected)\s+to\b",
                           re.IGNORECASE)
#: A question about plans ("Which councils planned to …", "… will open a hub", "intend to").
_ASKS_PLAN = re.compile(r"\b(?:plan(?:s|ned)?|planning|intend\w*|aim\w*|propos\w*|hop(?:e|es|ed|ing)|expect\w*|going|due)\s+to\b|"
                        r"\b(?:will|would|future|plans)\b", re.IGNORECASE)  # not "transition planning with young people"


def only_planned(sentence: str, question: str) -> bool:
    """Whether a comparison asking which councils do or did something meets a sentence that opens on a plan to do it
    ("The council planned to lower the starting age to 14 by April 2026"), or gives the question's figure only in a
    clause saying it will be so ("and that the team would start working with young people at age 14 from September
    2025"): a plan is not the deed, unless plans are what the question asks about."""
    question = _PLANS_SET_APART.sub(" ", question)
    return not _ASKS_PLAN.search(question) and (bool(_ONLY_PLANNED.search(sentence)) or figure_only_ahead(sentence, question))


#: Plans a question sets apart from what it asks ("…, rather than only planning to?", "not just intending to"): it asks
#: for the deed.
_PLANS_SET_APART = re.compile(r"\b(?:rather than|instead of|not|and not)\s+(?:just\s+|only\s+|merely\s+|simply\s+)?"
                              r"(?:plan\w*|intend\w*|aim\w*|propos\w*|hop\w*)\b[^?,;]*", re.IGNORECASE)


#: A clause saying what will be ("would start working", "will move to", "was to begin"), up to the figure in it.
_WILL_BE = re.compile(r"\b(?:would|will|was to|were to|is to|are to|is due to|was due to)\s+(?:[\w'’-]+\s+){0,8}?$", re.IGNORECASE)
#: Where a clause starts: a comma, a semicolon, or "and"/"but" joining a new one.
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:and|but)\b", re.IGNORECASE)
#: A figure a question asks about (not a year): "at age 14", "more than 20 hours".
_ASKED_FIGURE = re.compile(r"(?<![\d/£.,])(?!(?:19|20)\d\d\b)\d+(?![\d/])")


def figure_only_ahead(sentence: str, question: str) -> bool:
    """Whether every place the sentence gives a figure the question asks about is in a clause of what will be (the
    clause before it, back to its start, says "would"/"will"), and it gives one at all."""
    figures = set(_ASKED_FIGURE.findall(question))
    spots = [m for m in _ASKED_FIGURE.finditer(sentence) if m.group(0) in figures]
    return bool(spots) and all(_WILL_BE.search(_CLAUSE_BREAK.split(sentence[: m.start()])[-1]) for m in spots)


#: A turn from an aim to what happened: "aimed to screen concerns within 2 working days*, but* only 71% were".
_CONTRAST = re.compile(r"[,;]\s*(?:but|yet|however|although|though|whereas)\b|\.\s+(?:But|Yet|However)\b")


def only_an_aim(sentence: str, counting: bool = False) -> bool:
    """Whether the sentence's figures are an aim or a forecast (:data:`_TARGET_FIGURE`) with none stated before it
    (with ``counting``, no count: "a vacancy rate of 18%" is no number of staff recruited): "planned to recruit 15
    carers" says what was intended, but "had 38 approved carers, and planned to recruit a further 15" says first
    what there was, and "aimed to screen within 2 days, but only 71% were" says after it what was done."""
    m = _TARGET_FIGURE.search(sentence)
    if m is None:
        return False
    turn = _CONTRAST.search(sentence, m.end())  # "aimed to screen within 2 days, but only 71% were": what was done
    said = sentence[: m.start()] + (sentence[turn.end():] if turn else "")
    done = [f for f in _DONE_FIGURE.finditer(without_assessment_time(said)) if not (counting and f.group("share"))]
    return not done


#: Kinds a count is only of when its own sentence names them: "1,250 carers registered" does not count
#: carers waiting (a length of time, though, may be given as "took 20 days"), nor "29 young people moved into adult
#: services" the autistic ones among them.
MUST_BE_NAMED_IN_COUNTS = {"waiting", "autism", "learning disability", "physical disability", "sensory impairment"}


#: A bound a question sets a figure ("at least a fifth", "at most 30 days"): it asks for no shortest or longest.
_BOUND_ASKED = re.compile(r"\bat (?:least|most)\b(?=\s+(?:£?\d|an?\b|one\b|two\b|three\b|four\b|half\b))", re.IGNORECASE)


#: A sentence whose subject is the figure the sentence before gave ("This was below the council's own target of 78%",
#: "That compared with 65% nationally").
_CONTINUES_FIGURE = re.compile(r"^\s*(?:This|That|It)\s+(?:was|is|had been|has been|compared|fell|rose|remained|stayed|"
                               r"put|placed|left|meant)\b")


def continues_figure(sentence: str) -> bool:
    """Whether the sentence speaks of the figure the one before it gave (:data:`_CONTINUES_FIGURE`): the kinds that one
    names are what this one's figure sits beside."""
    return _CONTINUES_FIGURE.match(sentence) is not None


def other_kind(sentence: str, question: str, lead_in: str = "", counting: bool = False,
               named_only: bool = False) -> tuple[str, str] | None:
    """(kind asked about, kind the sentence names instead) when the sentence speaks of another kind of
    the same family in place of one asked about (a bound it sets, "at least 20%", is no kind; "social worker
    vacancy rate" for "vacancy rate for occupational therapists"; a budget and its savings for "how much was the budget forecast to
    overspend"), does not name a kind it must (:data:`MUST_BE_NAMED`, itself, and the one setting of providers
    whose ratings are asked, by a wording of its own: "care homes" may be residential or nursing ones; with
    ``counting``, also
    :data:`MUST_BE_NAMED_IN_COUNTS`, which the sentence before may name: "… supported people with autism into work."
    "In 2023/24, 38 people started paid jobs."), or gives an aim when the question does not ask for one ("aimed to
    save £6.1 million" for "how much did it save"), else None. A family the sentence does not speak of is taken from
    the sentence before it (``lead_in``), which it continues ("1,465 people were waiting for a Care Act
    assessment. The median wait was 63 days."). With ``named_only``, only a kind the sentence names
    instead counts (what a comparison checks: "newly qualified staff" may well be social workers)."""
    asked = kinds_beside_time(_BOUND_ASKED.sub(" ", question))
    given = dict(kinds_beside_time(sentence))
    if not named_only and "target" not in asked.get("aim", ()) and only_an_aim(sentence, counting):
        return "what was done", "target"
    if not asked:
        return None
    earlier = kinds_named(lead_in) if lead_in else {}
    own = set(given) | (set(earlier) if continues_figure(sentence) else set())  # a measure must be named by the
    # sentence itself ("This was below the target of 78%" by the one it speaks of), a group counted may be by the one before
    plain = plain_words()
    for family in asked:
        if family in earlier and family not in given and not (family in plain and plain[family].search(sentence)):
            given[family] = earlier[family]
    rated = "rating" in asked and not named_only  # "what share of nursing homes were rated good": of that setting
    for required, named in ((set() if named_only else MUST_BE_NAMED, own),
                            (MUST_BE_NAMED_IN_COUNTS if counting and not named_only else set(), set(given)),
                            (asked.get("setting", frozenset()) if rated else set(), own)):
        for family, kinds in asked.items():
            unnamed = kinds & required
            if unnamed and family not in named:
                return sorted(unnamed)[0], "no " + sorted(unnamed)[0]
    if rated and len(asked.get("setting", ())) == 1 and not named_by_its_own(sentence, "setting", asked["setting"]):
        setting = sorted(asked["setting"])[0]  # "88% of care homes" may be residential homes'
        return setting, "no " + setting
    for family, kinds in asked.items():
        if family in given and (not kinds & given[family] or kinds - given[family] and given[family] - kinds
                                and not asked_as_alternatives(question, kinds)) \
                and not named_by_its_head(sentence, question, kinds):
            return sorted(kinds - given[family])[0], sorted(given[family] - kinds)[0]
    if named_only:
        return None
    return plain_instead(sentence, asked, given, earlier) or plain_before(sentence, lead_in, asked, given)


def named_by_its_own(text: str, family: str, kinds: frozenset[str]) -> bool:
    """Whether the text names each of the kinds by a wording of its own (:func:`own_wordings`), where it has one."""
    own = own_wordings()
    return all(own[(family, k)].search(text) for k in kinds if (family, k) in own)


#: The kinds of named thing a name may end in ("the Shared Lives *scheme*", "the Home First *Service*"), and by which a
#: sentence may name that thing again ("the scheme").
KIND_WORDS = frozenset({
    "service", "services", "team", "teams", "scheme", "programme", "project", "pilot", "initiative", "board",
    "partnership", "panel", "hub", "network", "group", "strategy", "plan", "policy", "forum", "model", "approach",
    "framework", "app", "tool", "portal", "centre", "center", "unit", "fund", "line", "website"})
_HEADS = "|".join(sorted(KIND_WORDS))


def named_by_its_head(sentence: str, question: str, kinds: frozenset[str]) -> bool:
    """Whether the sentence speaks of the thing of a kind asked about by its head noun alone ("the 11 people who had
    used *the scheme* moved to supported living" for "Wakefield's Shared Lives scheme"): another kind it names is
    then not what it speaks of instead."""
    for kind in kinds:
        m = re.search(rf"\b{re.escape(kind)}\s+({_HEADS})\b", question, re.IGNORECASE)
        if m and re.search(rf"\b(?:the|this|that|its|their)\s+{m.group(1)}\b", sentence, re.IGNORECASE):
            return True
    return False


def asked_as_alternatives(question: str, kinds: frozenset[str]) -> bool:
    """Whether the question asks for one kind or another ("a median or average wait"): a sentence naming one of them
    gives what was asked, whatever else it names."""
    either = "|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True))
    return len(kinds) > 1 and re.search(rf"\b(?:{either})\s+or\s+(?:{either})\b", question, re.IGNORECASE) is not None


def plain_instead(sentence: str, asked: dict[str, frozenset[str]], given: dict[str, frozenset[str]],
                  earlier: dict[str, frozenset[str]] | None = None) -> tuple[str, str] | None:
    """(kind asked about, the family's plain word) when the sentence speaks of the family only in its plain
    word and that does not mean the kind asked about: "the median wait for an assessment" is not the
    wait for a carers' or an occupational therapy assessment, though it is the wait for a Care Act one. The
    plain word does mean it when the sentence before named that kind and this one names whom it is for
    (:func:`continues_kind`); a plain word naming who said something (:data:`_SPEAKER`) is no kind of the figure."""
    for family, kinds in asked.items():
        plain = plain_words().get(family)
        if family in given or plain is None or kinds & _PLAIN_MEANS:
            continue
        found = next((m for m in plain.finditer(sentence) if not _SPEAKER.match(sentence, m.end())
                      or _COUNTED_BEFORE.search(sentence[max(0, m.start() - COUNTED_CHARS) : m.start()])), None)
        if found and not continues_kind(sentence, kinds & (earlier or {}).get(family, frozenset())):
            return sorted(kinds)[0], found.group(0)
    return None


#: Words after a plain word that make it who said something ("*Staff* said caseloads were manageable, with an average
#: of 14 cases each"): the speaker, not what the figure is of, unless a figure counts them ("96% of *staff* said …",
#: :data:`_COUNTED_BEFORE`).
_SPEAKER = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?(?:said|told|reported|described|felt|thought|explained|commented)\b",
                      re.IGNORECASE)
#: How far before a plain word (in characters) a figure counting it is looked for.
COUNTED_CHARS = 30
_COUNTED_BEFORE = re.compile(r"(?:\d[\d,.]*\s*(?:%|per ?cent)?|\bof)\s+(?:(?:the|its|their|all)\s+)?$", re.IGNORECASE)


def plain_before(sentence: str, lead_in: str, asked: dict[str, frozenset[str]],
                 given: dict[str, frozenset[str]]) -> tuple[str, str] | None:
    """(kind asked about, the family's plain word) when the sentence does not speak of the family at all and the
    sentence before it, which it continues, does so only in the plain word: "The median wait for an assessment was 68
    days. In the east locality, the median wait was 97 days." gives no wait for an occupational therapy assessment."""
    if not lead_in:
        return None
    for family, kinds in asked.items():
        plain = plain_words().get(family)
        if family in given or plain is None or kinds & _PLAIN_MEANS or plain.search(sentence):
            continue
        found = plain.search(lead_in)
        if found and family not in kinds_named(lead_in):
            return sorted(kinds)[0], found.group(0)
    return None


def continues_kind(sentence: str, kinds: frozenset[str]) -> bool:
    """Whether the sentence names the qualifying word of one of ``kinds`` (named in the sentence before), so that its
    plain word continues that kind: "604 carers' assessments were completed. 388 carers were waiting for an
    assessment" (the carers' one), but not "932 people were waiting for an assessment"."""
    for kind in kinds:
        words = [re.sub(r"[’']s?$|s$", "", w) for w in kind.split()[:-1]]
        if any(re.search(rf"\b{re.escape(w)}s?[’']?s?\b", sentence, re.IGNORECASE) for w in words if len(w) > 2):
            return True
    return False
