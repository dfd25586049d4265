"""A report's text as typed blocks: headings, score lines, bullets and paragraphs, with exact offsets.

Reports reach us in several layouts: paragraphs separated by blank lines (pages copied from the web),
one paragraph per line, lines wrapped inside paragraphs (extracted PDF text), bullets with "- " or
"• ". Each line is typed on its own (a score line, a heading, a bullet, text), then consecutive text
lines are joined into paragraphs unless they look like one paragraph per line. Every regex here is
anchored to one line and has no nested quantifiers, so its time is linear in the line's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .councils import TITLE_MAX_CHARS, council_of_title, names_a_council
from .framework import (
    OVERALL_RATINGS,
    RATING_DESCRIPTIONS,
    Statement,
    fold,
    statement_of_heading,
    statement_under_theme,
    theme_of_heading,
)

#: Longest line taken as a wrapped piece of a paragraph rather than a paragraph of its own.
WRAPPED_LINE_MAX = 150
#: Score lines are short ("Score: 2 - Evidence shows some shortfalls"); longer lines are never tried as one.
SCORE_LINE_MAX_CHARS = 120
#: "Published: 3 May 2025 Page last updated: 6 May 2025" lines are short too.
PUBLISHED_LINE_MAX_CHARS = 120
#: Headings are short: at most this many words and characters.
HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 100
#: A heading-shaped line at least this long, run on by the next line, may be a PDF paragraph's first line wrapped at the
#: page's width (about 90 characters) rather than a heading.
WRAPPED_HEADING_MIN = 72

_SCORE = re.compile(r"(?:(?:overall|local authority|total|quality statement|our|the|cqc|percentage)\s+)*(?P<indicative>indicative\s+)?"
                    r"(?:scores?|scored|(?<!overall )rating)\s*(?::|[-–—]|\bwas\b|\bis\b|\bof\b)?\s*(?P<n>\d{1,3})\s*"
                    r"(?:(?P<pct>%|per\s?cent|out of 100|/\s?100)|(?:out )?of 4|/\s?4)?"
                    r"(?:(?:\s*[-–—:,]\s*|\s+)\(?evidence shows\b[^();]*\)?)?\.?", re.IGNORECASE)
#: A summary's rating table copied as one line: "Local authority rating and score: Anytown Council. Good.
#: Quality statement scores: 72%."
_FLAT_RATING = re.compile(r"local authority rating(?: and score)?\s*:?\s*[^.\n]{0,100}\.\s*"
                          r"(?P<rating>outstanding|good|requires improvement|inadequate)\b[^\n]{0,80}", re.IGNORECASE)
#: An overall rating after the council's name ("Knowsley: Good", "Rochdale – Requires improvement"), as the
#: "Local authority rating and score" block gives it.
_NAMED_OVERALL = re.compile(r"(?P<name>[^:–—|]{2,80}?)\s*(?::|\s[-–—|])\s*(?P<rating>outstanding|good|requires improvement|"
                            r"inadequate)\.?", re.IGNORECASE)
#: An overall rating with its description on one line ("Good: Evidence shows a good standard", "Requires improvement
#: - Evidence shows some shortfalls"), as a report's overview gives it under "Overall rating".
_DESCRIBED_OVERALL = re.compile(r"(?P<rating>outstanding|good|requires improvement|inadequate)\s*(?::|[-–—|\t])\s*"
                                r"evidence shows\b[^\n]{0,60}", re.IGNORECASE)
#: A score's number and description ("2 - Evidence shows some shortfalls"); a key listing several, joined by ";", is
#: none of them.
_RATING_DESCRIPTION = re.compile(r"(?P<n>[1-4])(?:\s*[-–—:]\s*|\s+)evidence shows\b[^;]*", re.IGNORECASE)
#: A score's description without its number ("Evidence shows some shortfalls"): the whole line, nothing else.
_WORDED_SCORES = {text.casefold(): n for n, text in RATING_DESCRIPTIONS.items()}
_WORDED_DESCRIPTION = re.compile(rf"(?P<words>{'|'.join(map(re.escape, _WORDED_SCORES))})\.?", re.IGNORECASE)
_PERCENTAGE = re.compile(r"(?P<n>\d{1,3})\s*(?:%|per\s?cent|out of 100)", re.IGNORECASE)
_PUBLISHED = re.compile(r"(?:published|page last updated|last updated|date of publication)\b\s*:?\s*(?P<date>[^\n]{0,60}?\d{4})",
                        re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b)", re.IGNORECASE)
#: Lines of a web page's furniture rather than its report (folded): navigation, print and share
#: links, feedback prompts. They are kept in the text (offsets never shift) but never become passages.
PAGE_FURNITURE = frozenset({
    "skip to main content", "skip to content", "back to top", "return to top", "top of page", "print this page",
    "print", "share this page", "share", "menu", "search", "home", "on this page", "contents", "table of contents",
    "in this section", "was this page helpful", "was this page useful", "is this page useful", "yes", "no",
    "feedback", "give feedback", "give feedback on this page", "report a problem with this page", "cookies",
    "cookie settings", "privacy", "privacy notice", "accessibility", "accessibility statement", "contact us",
    "sign in", "you are here", "breadcrumb", "next", "previous", "next page", "previous page", "close",
    "share on facebook", "share on x", "share on twitter", "share on linkedin", "share by email", "share via email",
    "give feedback on care", "tell us about your care", "tell us about your experience",
    "tell us about your experience of this website", "sitemap", "site map", "terms and conditions", "terms of use",
})
_DOWNLOAD = re.compile(r"(?:download|print)\b.{0,80}\b(?:pdf|report|page|version)\b.{0,40}", re.IGNORECASE)
#: A link to the page before or after ("Previous", "Next page"), whose next line names that page: a statement's
#: name (or a part's, "Summary of scores") there is navigation, not the heading of a section of this page.
NAVIGATION_LINKS = frozenset({"next", "previous", "next page", "previous page"})
#: The same link with the page it leads to on one line ("Previous: Governance, management and sustainability").
_NAVIGATION_LINE = re.compile(r"(?:previous|next)(?: page)?\s*[:–—|-]\s*\S.{0,120}", re.IGNORECASE)
_BULLET = re.compile(r"(?:[-•*·▪●◦–]|\d{1,2}[.)])[ \t]+\S")
#: A "label: value" line of a list whose markers were lost (PDF text): "Population: 41,000".
_KEY_VALUE = re.compile(r"[A-Z][^:.!?]{1,50}:[ \t]+\S[^.!?]{0,80}")
#: A table's sub-row of the row before, its figure after a colon: "of whom aged 65 and over: 3,720".
_SUB_ROW = re.compile(r"of (?:whom|which)\b[^:.!?]{1,50}:[ \t]+£?\d[^.!?]{0,40}")
_STATEMENT_WITH_SCORE = re.compile(r"(?:\|\s*)?(?P<name>[A-Za-z ,&'’-]{6,80}?)\s*(?:(?:[:|–—-]\s*)?(?:indicative\s+)?score\s*:?|[:|–—-]|\t| )"
                                   r"\s*(?P<n>[1-4])(?:\s*(?:(?:out )?of 4|/\s?4))?(?:\s*[-–—|\t,]?\s*(?:(?P=n)\s*[-–—]\s*)?evidence shows[^()|\t;]*|\s*\([^()]{0,60}\))?\s*\|?|"
                                   r"(?P<name2>[A-Za-z ,&'’-]{6,80}?)\s*\((?:indicative\s+)?score\s*:?\s*(?P<n2>[1-4])(?:\s*(?:(?:out )?of 4|/\s?4))?\)",
                                   re.IGNORECASE)
#: Words in brackets ("(Working with people)"), which in a score list's row may be the statement's theme.
_BRACKETED = re.compile(r"\s*\((?P<inner>[^()]{3,90})\)")
#: Words an overview's "About <area>" heading has at most, unless the rest is a council's formal name ("About
#: Kingston upon Hull City Council"): a longer line starting "About" is a sentence.
ABOUT_MAX_WORDS = 5
#: A site's own "About" menu item ("About us", "About CQC"), which is no overview's "About <council>" heading.
_ABOUT_THE_SITE = re.compile(r"about (?:us|(?:the )?cqc|the care quality commission|this (?:site|website|page))")
#: A score's label on a line of its own, its number on the next ("Score" / "2", as two table cells give them).
_SCORE_LABEL = re.compile(r"(?:(?:quality statement|our)\s+)?(?:indicative\s+)?score\s*:?", re.IGNORECASE)
#: A score standing alone on its line, as a table cell of a summary's score list leaves it ("2", "3 out of 4").
_BARE_SCORE = re.compile(r"(?P<n>[1-4])(?:\s*(?:(?:out )?of 4|/\s?4))?")
_OVERALL = {fold(r): r for r in OVERALL_RATINGS}
#: An overall rating with its label (folded): "Overall rating: Good", "Local authority rating - Requires improvement",
#: "Overall: Good".
_LABELLED_OVERALL = re.compile(r"(?:(?:(?:overall|local authority|our|the|cqc)\s+)*rating|overall)(?:\s+is)?\s+"
                               r"(?P<rating>[a-z ]{4,25})")

#: Headings with a fixed meaning in the published layout (folded text → role).
KNOWN_HEADINGS = {
    "what people expect": "expect",
    "the local authority commitment": "commitment",
    "key findings for this quality statement": "findings",
    "key findings": "findings",
    "about the local authority": "overview",
    "local authority context": "overview",
    "demographics": "overview",
    "financial facts": "overview",
    "overall summary": "summary",
    "local authority rating and score": "summary_rating",
    "quality statement scores": "summary_scores",
    "summary of scores": "summary_scores",
    "summary of people s experiences": "summary",
    "summary of strengths areas for development and next steps": "summary",
}


@dataclass(frozen=True)
class Block:
    """A typed run of the text: ``text[start:end]`` is what it shows (never shifted)."""

    kind: str  # title | published | copyright | furniture | bare_score | statement | theme | known | heading | score | description
    #            | percentage | overall | statement_score | bullet | text
    start: int
    end: int
    value: object = None  # the score, statement, theme, council, role or date the block gives
    gap_before: bool = True  # a blank line (or the start) precedes it


def lines(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, blank line before) of each non-blank line, trimmed of surrounding spaces."""
    pos, blank = 0, True
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        a, b = pos, end
        while a < b and text[a] in " \t\r\f\v\u00a0":
            a += 1
        while b > a and text[b - 1] in " \t\r\f\v\u00a0":
            b -= 1
        if b > a:
            yield a, b, blank
            blank = False
        else:
            blank = True
        if nl < 0:
            break
        pos = nl + 1


def is_heading_shape(line: str) -> bool:
    """A short single line that starts with a capital and has no closing punctuation ("Learning from feedback")."""
    return (
        len(line) <= HEADING_MAX_CHARS
        and len(line.split()) <= HEADING_MAX_WORDS
        and line[0].isupper()
        and not any(ch.isdigit() for ch in line)  # "Population 41,000" is data, not a heading
        and line[-1] not in ".!?;,)\"'”’"
        and not (line.endswith(":") and len(line.split()) > 6)
    )


#: A trail of breadcrumbs ("Home > Care services > Local authority assessments > Anytown Council", or with " / "):
#: three or more short steps, none a sentence.
_BREADCRUMBS = re.compile(r"[^>›»/\n.!?]{1,60}(?:\s+[>›»/]\s+[^>›»/\n.!?]{1,80}){2,}")


#: How the links of a site's menu row are set apart when its text is copied: runs of spaces, tabs or bars.
_MENU_GAP = re.compile(r"\s{2,}|\s*\|\s*|\t")
#: The fewest links a menu row has.
MENU_MIN_LINKS = 4


def is_menu_row(line: str) -> bool:
    """Whether a line is a site's menu copied as one row ("Find a service   Publications   About us   Search"):
    several short capitalised links without figures, one of them a page's furniture, so that a table's heading row
    ("Statement   Score") is not one; or a row of two or more links that are each a page's furniture."""
    links = [link for link in _MENU_GAP.split(line) if link]
    if len(links) >= 2 and all(fold(link) in PAGE_FURNITURE for link in links):
        return True  # "Give feedback on care | Tell us about your experience of this website": links only
    return (len(links) >= MENU_MIN_LINKS and all(is_heading_shape(link) and len(link.split()) <= 4 for link in links)
            and any(fold(link) in PAGE_FURNITURE for link in links))


def is_furniture(line: str) -> bool:
    """Whether a trimmed line is a web page's furniture ("Back to top", "Download this report (PDF)", a trail of
    breadcrumbs, a menu row)."""
    if len(line) > HEADING_MAX_CHARS * 2:
        return False
    return (len(line) <= HEADING_MAX_CHARS and (fold(line) in PAGE_FURNITURE or _DOWNLOAD.fullmatch(line) is not None)
            or _BREADCRUMBS.fullmatch(line) is not None or is_menu_row(line) or _NAVIGATION_LINE.fullmatch(line) is not None)


def links_to_next_line(line: str) -> bool:
    """Whether a line of page furniture ends in a link to the page before or after, so that its next line
    names that page: "Previous", or "Summary of scores Next" where a PDF puts one link's page and the other link
    on one line."""
    words = fold(line).split()
    return bool(words) and (" ".join(words[-2:]) in NAVIGATION_LINKS or words[-1] in NAVIGATION_LINKS)


def is_sub_row(line: str) -> bool:
    """Whether a line is a table's sub-row of the row before it (:data:`_SUB_ROW`: "of whom aged 65 and over: 3,720")."""
    return bool(_SUB_ROW.fullmatch(line.strip()))


def classify(line: str) -> tuple[str, object]:
    """The kind of one trimmed line and the value it gives (see :class:`Block`)."""
    if line[:1].islower():  # a sentence wrapped across lines (a PDF's): "requires improvement." ends one, heads nothing
        if is_sub_row(line):
            return "bullet", None
        return ("furniture", None) if is_furniture(line) else ("text", None)
    m = _SCORE.fullmatch(line) if len(line) <= SCORE_LINE_MAX_CHARS else None
    if m:
        n = int(m.group("n"))
        if m.group("pct") or n > 4:
            return "percentage", n
        return "score", (n, bool(m.group("indicative")))
    m = _RATING_DESCRIPTION.fullmatch(line)
    if m:
        return "description", int(m.group("n"))
    m = _WORDED_DESCRIPTION.fullmatch(line)
    if m:
        return "description", _WORDED_SCORES[m.group("words").casefold()]
    m = _BARE_SCORE.fullmatch(line)
    if m:
        return "bare_score", int(m.group("n"))
    if _PERCENTAGE.fullmatch(line):
        return "percentage", int(_PERCENTAGE.fullmatch(line).group("n"))
    m = _PUBLISHED.match(line) if len(line) <= PUBLISHED_LINE_MAX_CHARS else None
    if m:
        return "published", m.group("date").strip()
    if _COPYRIGHT.match(line):
        return "copyright", None
    if is_furniture(line):
        return "furniture", None
    if _BULLET.match(line):
        inner = classify(line[_BULLET.match(line).end() - 1 :])
        return inner if inner[0] == "statement_score" else ("bullet", None)  # "- Safeguarding: 3 (…)" is a score
    folded = fold(line)
    if folded in _OVERALL:
        return "overall", _OVERALL[folded]
    m = _LABELLED_OVERALL.fullmatch(folded)
    if m and m.group("rating") in _OVERALL:
        return "overall", _OVERALL[m.group("rating")]
    m = _NAMED_OVERALL.fullmatch(line) if len(line) <= TITLE_MAX_CHARS else None
    if m and names_a_council(m.group("name")):
        return "overall", _OVERALL[fold(m.group("rating"))]
    for pattern in (_FLAT_RATING, _DESCRIBED_OVERALL) if len(line) <= SCORE_LINE_MAX_CHARS * 2 else ():
        m = pattern.fullmatch(line)
        if m:
            return "overall", _OVERALL[fold(m.group("rating"))]
    cells = line.split(" | ")
    if len(cells) > 2 and theme_of_heading(cells[0]):  # a score table's row: "Leadership | Safeguarding | Score: 2"
        inner = classify(" | ".join(cells[1:]))
        if inner[0] == "statement_score":
            return inner
    statement = statement_under_theme(line)  # "Theme 3: How the local authority ensures safety … - Safeguarding"
    if statement:
        return "statement", statement
    if len(line) <= HEADING_MAX_CHARS:
        statement = statement_of_heading(line)
        if statement:
            return "statement", statement
        scored = _statement_score(line)
        if scored:
            return "statement_score", scored
        council = council_of_title(line)
        if council:
            return "title", council
        if folded in KNOWN_HEADINGS or folded.startswith("about ") and not _ABOUT_THE_SITE.fullmatch(folded) \
                and (len(folded.split()) <= ABOUT_MAX_WORDS or names_a_council(line.strip()[6:])):
            return "known", KNOWN_HEADINGS.get(folded, "overview")
        theme = theme_of_heading(line)
        if theme:
            return "theme", theme
    elif len(line) <= TITLE_MAX_CHARS and (scored := _statement_score(line)):
        return "statement_score", scored  # a row holding two descriptions, its own and the row above's
    elif len(line) <= TITLE_MAX_CHARS and (council := council_of_title(line)):
        return "title", council  # "<statement> - <council's formal name> - Local authority assessment"
    if _KEY_VALUE.fullmatch(line):
        return "bullet", None
    if is_heading_shape(line):
        return "heading", None
    return "text", None


#: Kinds of line that are the report's own structure: scores, ratings and the headings of its parts.
STRUCTURE_KINDS = frozenset({"score", "description", "bare_score", "percentage", "overall", "statement",
                             "statement_score", "known", "theme"})


def scores_under_label(label: str, line: str) -> bool:
    """Whether ``line`` is a score standing alone ("2", "3 out of 4") under ``label``, a score's label on a line of its
    own ("Score", "Indicative score:"): the two read as one score line."""
    return _BARE_SCORE.fullmatch(line.strip()) is not None and _SCORE_LABEL.fullmatch(label.strip()) is not None


def is_report_structure(line: str) -> bool:
    """Whether a trimmed line is a score, a score's label, a rating or a heading of the report's own parts
    ("Score: 2", "Score", "What people expect"): never a print header, though it may open most pages of a
    report."""
    return classify(line)[0] in STRUCTURE_KINDS or _SCORE_LABEL.fullmatch(line) is not None


def is_score_line(line: str) -> bool:
    """Whether a trimmed line gives a score or a rating ("Score 2 out of 4", "Requires improvement")."""
    return classify(line)[0] in ("score", "description", "bare_score", "percentage", "overall", "statement_score")


#: A score label after a score's description on one table row: the row's own score, the description before it
#: being the row above's, shifted down a row as a PDF's table cells can be.
_SHIFTED_ROW_SCORE = re.compile(r"\s*[-–—|\t]?\s*evidence shows[^()|\t]*?\bscore\s*:?\s*(?P<n>[1-4])\b", re.IGNORECASE)


def _statement_score(line: str) -> tuple[Statement, int] | None:
    """The statement and score one row of a score list gives ("Safeguarding: Score 2"), if the line is one; the
    statement's theme may stand in brackets after its name ("Safeguarding (Leadership): score 3 out of 4")."""
    line = _BRACKETED.sub(lambda m: "" if theme_of_heading(m.group("inner")) else m.group(0), line)
    m = _STATEMENT_WITH_SCORE.fullmatch(line)
    named = statement_of_heading(m.group("name") or m.group("name2")) if m else None
    return (named, _row_score(line, m)) if named else None


def _row_score(line: str, m: re.Match[str]) -> int:
    """A score row's own score: its "Score: 4" label rather than a description before it ("Supporting people to
    live healthier lives: 3 - Evidence shows a good standard Score: 4", the row above's description shifted
    down in a PDF's table)."""
    if m.group("n2"):
        return int(m.group("n2"))
    shifted = _SHIFTED_ROW_SCORE.match(line, m.end("n"))
    return int(shifted.group("n")) if shifted else int(m.group("n"))


def _ends_sentence(line: str) -> bool:
    return line[-1] in ".!?:;\"'”’)"


def blocks(text: str) -> list[Block]:
    """The typed blocks of ``text`` in order: consecutive text lines joined into paragraphs, and the
    continuation lines of a bullet joined to it."""
    out: list[Block] = []
    for start, end, gap in lines(text):
        line = text[start:end]
        kind, value = classify(line)
        prev = out[-1] if out else None
        if prev is not None and not gap and (kind != "title" or _cut_name(text[prev.start : prev.end], value)) \
                and prev.kind in ("heading", "text", "bullet") and "\n" not in text[prev.start : prev.end]:
            wrapped = _wrapped_heading(text[prev.start : prev.end], line)
            if wrapped:  # a title or heading wrapped onto a second line ("… local authority" / "assessment")
                out[-1] = Block(wrapped[0], prev.start, end, wrapped[1], prev.gap_before)
                continue
        if kind == "bare_score" and prev is not None and scores_under_label(text[prev.start : prev.end], line):
            indicative = "indicative" in text[prev.start : prev.end].casefold()  # "Score" and "2" in two cells
            out[-1] = Block("score", prev.start, end, (value, indicative), prev.gap_before)
            continue
        if kind in ("statement", "theme", "heading", "known") and prev is not None and prev.kind == "furniture" \
                and links_to_next_line(text[prev.start : prev.end]):
            kind, value = "furniture", None  # "Previous" / "Governance, management and sustainability": a link
        if prev is not None and not gap and _continues(prev, kind, text[prev.start : prev.end], line):
            merged_kind = "text" if prev.kind == "heading" else prev.kind
            out[-1] = Block(merged_kind, prev.start, end, prev.value, prev.gap_before)
            continue
        out.append(Block(kind, start, end, value, gap))
    return out


def _cut_name(first: str, council: str) -> bool:
    """Whether a title line's council is the end of a longer name the line before began ("London Borough of
    Hammersmith and" / "Fulham: local authority assessment", a listed council's name): the two lines are one title,
    not a council "Fulham"."""
    joined = council_of_title(f"{first} {council}: local authority assessment")
    return bool(joined) and len(joined) > len(council) and joined.casefold().endswith(council.casefold()) \
        and names_a_council(joined)  # a listed council: "Findings for the borough Fulham" is none


def _wrapped_heading(first: str, second: str) -> tuple[str, object] | None:
    """(kind, value) of a title, statement or theme heading that a PDF wrapped onto two lines ("Redcar and
    Cleveland Borough" / "Council: local authority assessment", "Care provision, integration and" / "continuity"),
    or None when the two lines together are no such heading."""
    title = council_of_title(f"{first} {second}")
    if title:
        return "title", title
    if len(first) + len(second) < HEADING_MAX_CHARS:
        kind, value = classify(f"{first} {second}")
        if kind in ("statement", "theme"):
            return kind, value
    return None


#: What tells a sentence from a heading: a sentence's end inside the line ("… was outstanding. The local …"), a word that
#: cannot end a heading ("… the local authority, the"), or a verb in the past ("… Board *brought* together …").
_SENTENCE_INSIDE = re.compile(r"[a-z)][.!?]\s+[A-Z]")
_CANNOT_END = re.compile(r"\b(?:the|a|an|of|in|and|or|to|with|for|by|through|on|at|from|its|their|as|that|which)$")
_PAST_VERB = re.compile(r"\b(?:[a-z]{2,}ed|brought|gave|took|made|ran|led|met|spoke|told|found|held|kept|began|grew|paid|sent|"
                        r"went|came)\b")


def wrapped_first_line(line: str, following: str) -> bool:
    """Whether a heading-shaped line is a PDF paragraph's first line, wrapped at the page's width, that the next line
    runs on ("The One Plymouth Partnership brought together the council, the NHS, Tamar Community" / "Care and the
    voluntary sector, …"): long, followed by a line of a paragraph's width, and reading as a sentence. Read as a
    heading, it would cut the paragraph's subject off its sentence. A long real heading ("Understanding and reducing
    barriers to care and support and reducing inequalities") reads as none."""
    return (len(line) >= WRAPPED_HEADING_MIN and len(following) <= WRAPPED_LINE_MAX and following[:1].isalnum()
            and bool(_SENTENCE_INSIDE.search(line) or _CANNOT_END.search(line) or _PAST_VERB.search(line)))


def _continues(prev: Block, kind: str, prev_text: str, line: str) -> bool:
    """Whether a line (with no blank line before it) carries on the block before it."""
    if prev.kind == "text" and kind in ("text", "heading"):
        last_line = prev_text[prev_text.rfind("\n") + 1 :]
        if kind == "heading" and _ends_sentence(last_line):
            return False  # a heading after a finished paragraph starts something new
        # one paragraph per line: a long line that ends a sentence is a paragraph of its own
        return not (_ends_sentence(last_line) and len(last_line) > WRAPPED_LINE_MAX)
    if prev.kind in ("bullet", "heading") and kind in ("text", "heading") and line[:1].islower():
        return True  # a wrapped bullet, or a paragraph whose short first line looked like a heading
    if prev.kind == "heading" and kind == "text" and _FINITE_VERB.search(prev_text):
        return True  # "… was led by an independent chair, Professor" / "Aled Bryn-Thomas. …": a sentence, not a heading
    return prev.kind == "heading" and kind in ("text", "heading") and wrapped_first_line(prev_text, line)


#: A finite verb, which a sentence has and a heading ("Timeliness of assessments, care planning and reviews") does not.
_FINITE_VERB = re.compile(r"\b(?:was|were|is|are|had|has|have|did|does)\b")
