"""What a report says about itself: council, publication date, and its sections (each quality
statement with its theme and score, the overview, the overall summary), read from the text.

A file may hold one published page (a statement, the overview, the summary) or a whole report
(all of them in theme order). Sections start where a statement heading is followed by its score or
its standard headings, or where the overview or summary headings appear. ``metadata.toml`` may
override what the text leaves open (a council the page never names); an override that contradicts
the text is an error naming both values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .councils import (
    TITLE_MAX_CHARS,
    council_of_name_line,
    council_of_theme_heading,
    display_name,
    names_a_council,
    parts_of_title,
    title_words_only,
)
from .framework import Statement, fold, statement_named, statement_of_heading
from .layout import Block

#: How many blocks after a statement heading are searched for its score or standard headings.
LOOKAHEAD_BLOCKS = 5
UNNAMED_COUNCIL = "Unnamed council"


@dataclass(frozen=True)
class Section:
    """A part of a report: one quality statement, the overview, the overall summary, or a plain page."""

    kind: str  # statement | overview | summary | page
    start: int
    end: int
    statement: str | None = None
    theme: str | None = None
    rating: int | None = None  # the statement's score, 1-4
    indicative: bool = False  # a 2023 pilot's "Indicative score"
    overall: str | None = None  # summary: Outstanding / Good / Requires improvement / Inadequate
    percentage: int | None = None  # summary: the overall score out of 100
    ratings: tuple[tuple[str, int], ...] = ()  # summary: (statement, score) as listed

    def describe(self) -> str:
        """A short readable name: "Safeguarding (score 2)", "Overview", "Summary (Good)"."""
        if self.kind == "statement":
            name = self.statement or "Quality statement"
            return f"{name} (score {self.rating})" if self.rating is not None else name
        if self.kind == "summary" and self.overall:
            return f"Summary ({self.overall})"
        return self.kind.capitalize()


@dataclass(frozen=True)
class ReportMetadata:
    """The council, publication date and sections read from one document's text."""

    council: str | None
    published: str | None
    sections: tuple[Section, ...] = field(default_factory=tuple)
    title_council: str | None = None  # the council the text itself names (before any override)

    def statement_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.kind == "statement")


def _ahead(blocks: list[Block], i: int) -> list[Block]:
    """The next :data:`LOOKAHEAD_BLOCKS` blocks after ``blocks[i]``, a web page's furniture between them not counted
    ("Share this page", "Share on Facebook", … under a statement's heading)."""
    return [b for b in blocks[i + 1 : i + 1 + FURNITURE_REACH] if b.kind != "furniture"][:LOOKAHEAD_BLOCKS]


def _starts_statement(blocks: list[Block], i: int) -> bool:
    """Whether the statement heading at ``blocks[i]`` opens that statement's section (its score,
    description or standard headings follow) rather than being an entry of a summary's score list."""
    seen_score = False
    for b in _ahead(blocks, i):
        if b.kind in ("published", "heading", "theme", "furniture", "title"):  # "Anytown Council" under the heading
            continue
        if b.kind == "score":
            seen_score = True
            continue
        if b.kind == "description" or b.kind == "known" and b.value in ("expect", "commitment", "findings"):
            return True
        if b.kind in ("statement", "statement_score", "percentage", "overall"):
            return False
        return b.kind in ("text", "bullet") and not _listed_after_another(blocks, i)
    return seen_score


def _listed_after_another(blocks: list[Block], i: int) -> bool:
    """Whether the statement heading at ``blocks[i]`` comes right after another statement's name: the last of a
    theme's list of its statements ("This theme includes these quality statements:"), which opens no section for
    the text after it ("We may not always review all quality statements …")."""
    before = [b for b in blocks[max(0, i - FURNITURE_REACH) : i] if b.kind != "furniture"]
    return bool(before) and before[-1].kind == "statement"


def _opens_findings(blocks: list[Block], i: int) -> bool:
    """Whether the statement heading at ``blocks[i]`` is followed, past its score and description, by a
    statement page's own parts ("What people expect", "Key findings …"): it opens the statement even
    right after a summary's score list, where a bare heading would be that list's next entry."""
    for b in _ahead(blocks, i):
        if b.kind in ("published", "heading", "theme", "furniture", "title", "score", "description", "bare_score"):
            continue
        return b.kind == "known" and b.value in ("expect", "commitment", "findings")
    return False


@dataclass
class _Open:
    """A section being read (mutable while its blocks are scanned)."""

    kind: str
    start: int
    statement: Statement | None = None
    rating: int | None = None
    indicative: bool = False
    overall: str | None = None
    percentage: int | None = None
    ratings: list[tuple[str, int]] = field(default_factory=list)
    in_score_list: bool = False
    pending_statement: Statement | None = None

    def close(self, end: int) -> Section:
        s = self.statement
        return Section(self.kind, self.start, end, s.name if s else None, s.theme if s else None, self.rating,
                       self.indicative, self.overall, self.percentage, tuple(self.ratings))


#: How many blocks (the website's furniture not counted) from the top of a page without a title a line naming the
#: council may stand, when its own content begins sooner (:func:`near_top`).
NAME_LINE_REACH = 12


def untitled_council(blocks: list[Block], text: str) -> str | None:
    """The council of a page without a title line: the one its theme headings name ("How Leeds City
    Council works with people"), else a listed council whose formal name stands on a line of its own
    near the top ("Wokingham Borough Council" under the statement's heading), else one its breadcrumbs name."""
    themes = {council_of_theme_heading(text[b.start : b.end]) for b in blocks if b.kind == "theme"} - {None}
    if len(themes) == 1:
        return themes.pop()
    return next((name for b in near_top(blocks) if b.kind in ("heading", "text")
                 for name in [council_of_name_line(text[b.start : b.end])] if name), None) \
        or council_of_breadcrumbs(blocks, text) or council_of_about(blocks, text)


#: Kinds of block that begin a page's own content: its score, or a standard heading of a statement page.
PAGE_CONTENT_KINDS = frozenset({"score", "description", "bare_score", "known"})


def near_top(blocks: list[Block]) -> list[Block]:
    """The page's blocks above its own content (its score or first standard heading: "What people expect"), or
    its first :data:`NAME_LINE_REACH` blocks when they reach further, the website's furniture ("Skip to main
    content", "Menu") not counted: a long menu copied with the page does not push its title lines out of reach."""
    content = [i for i, b in enumerate(blocks) if b.kind != "furniture"]
    reach = content[NAME_LINE_REACH - 1] + 1 if len(content) >= NAME_LINE_REACH else len(blocks)
    above = next((i for i, b in enumerate(blocks) if b.kind in PAGE_CONTENT_KINDS), 0)
    return blocks[: max(reach, above)]


#: An overview's heading of the area it describes ("About Redcar and Cleveland").
_ABOUT = re.compile(r"^\s*about\s+(?:the\s+)?(?P<name>.{2,60}?)\s*$", re.IGNORECASE)


def council_of_about(blocks: list[Block], text: str) -> str | None:
    """The council an overview's "About <council>" heading names, when it is a listed council's name ("About
    Redcar and Cleveland"); the one heading a page without a title or breadcrumbs may still give."""
    for b in blocks:
        m = _ABOUT.match(text[b.start : b.end]) if b.kind in ("known", "heading") else None
        if m and names_a_council(m.group("name")) and not title_words_only(m.group("name")):
            return display_name(m.group("name"))
    return None


#: The marks a trail of breadcrumbs parts its steps with.
_CRUMB_MARK = r"[>›»/]"
#: How a breadcrumb line parts its steps ("Home > Care services > … > Anytown Council > Safeguarding").
_CRUMB = re.compile(rf"\s+{_CRUMB_MARK}\s+")
#: A line holding only that mark, as a trail copied one step to a line gives it (">").
_CRUMB_LINE = re.compile(rf"\s*{_CRUMB_MARK}\s*")


def _breadcrumb_trails(blocks: list[Block], text: str) -> list[list[str]]:
    """The steps of each trail of breadcrumbs near a page's top ("Home > … > Anytown Council > Safeguarding")."""
    out = []
    for b in near_top(blocks):
        lines = text[b.start : b.end].split("\n")
        steps = _CRUMB.split(lines[0]) if len(lines[0]) <= TITLE_MAX_CHARS * 2 else []
        steps = steps if len(steps) >= 3 else steps_on_lines(lines)
        if steps:
            out.append([_LIST_NUMBER.sub("", step.strip()) for step in steps])
    return out


def steps_on_lines(lines: list[str]) -> list[str]:
    """The steps of breadcrumbs copied one to a line with a mark on a line of its own between them ("Home", ">",
    "Local authority assessments", ">", "Anytown Council"); none unless every line is a short step or a mark and
    no two steps stand together without one."""
    parted = [line.strip() for line in lines if line.strip()]
    marks = [bool(_CRUMB_LINE.fullmatch(line)) for line in parted]
    if not any(marks) or any(not a and not b for a, b in zip(marks, marks[1:])):
        return []
    steps = [line for line, mark in zip(parted, marks) if not mark]
    return steps if all(len(step) <= TITLE_MAX_CHARS for step in steps) else []


#: The number a printed ordered list sets before each step ("4. Anytown Council").
_LIST_NUMBER = re.compile(r"^\d{1,2}\.\s+")


def council_of_breadcrumbs(blocks: list[Block], text: str) -> str | None:
    """The council a step of the page's breadcrumbs names, in any of its forms ("Home > Care services > Local authority
    assessments > Anytown Borough Council > Safeguarding"): a statement page may name its council nowhere else."""
    return next((display_name(step) for steps in _breadcrumb_trails(blocks, text) for step in steps
                 if names_a_council(step)), None)


#: How many blocks ahead a furniture-free look may read, furniture included.
FURNITURE_REACH = 20


def statement_of_breadcrumbs(blocks: list[Block], text: str) -> Statement | None:
    """The statement a page's breadcrumbs end with ("Home > … > Anytown Council > Safeguarding"), near its top: a
    statement page whose title is lost or wrapped (a PDF's) still says which statement it is."""
    return next((statement for steps in _breadcrumb_trails(blocks, text) for statement in [statement_of_heading(steps[-1])]
                 if statement), None)


def _statement_of_title(block: Block, text: str) -> Statement | None:
    """The statement a title line names beside the council ("Assessing needs - London Borough of Croydon"), as a
    whole report heads each statement's part: it opens that part as a statement heading would."""
    parts = parts_of_title(text[block.start : block.end])
    return parts[1] if parts else None


def _opens_score_list(blocks: list[Block], i: int) -> bool:
    """Whether the score row ``blocks[i]`` ("Assessing needs: score 3 out of 4") begins a summary's list of scores
    with no "Summary of scores" heading above it, as a page titled "Anytown Council: summary of scores" has: another
    statement's score row follows it. One row alone may be a statement page's own score line."""
    nxt = next(iter(_ahead(blocks, i)), None)
    return nxt is not None and nxt.kind == "statement_score" and nxt.value[0] != blocks[i].value[0]


#: A heading that labels the overall rating on the line below it (folded): "Overall rating", "Local authority rating".
_RATING_LABEL = re.compile(r"(?:(?:overall|local authority|our|cqc)\s+)+rating")


def _rating_start(blocks: list[Block], i: int, text: str) -> int | None:
    """Where the summary that the overall rating ``blocks[i]`` opens starts: at the rating when its line says so
    ("Overall rating: Good"), at the heading above it when that does ("Overall rating" or "Local authority rating", then
    "Good"), else None (a rating word alone is no summary)."""
    if "rating" in fold(text[blocks[i].start : blocks[i].end]):
        return blocks[i].start
    above = blocks[i - 1] if i else None
    if above is not None and above.kind in ("heading", "known") and _RATING_LABEL.fullmatch(fold(text[above.start : above.end]).strip(" :")):
        return above.start
    return None


def read_metadata(blocks: list[Block], text: str) -> ReportMetadata:
    """Council, publication date and sections of a document, from its typed blocks."""
    council = next((b.value for b in blocks if b.kind == "title"), None) or untitled_council(blocks, text)
    titled = next((parts_of_title(text[b.start : b.end]) for b in blocks if b.kind == "title"), None)
    title_statement = (titled[1] if titled else None) or statement_of_breadcrumbs(blocks, text)  # "Norfolk County Council: Safeguarding"
    published = next((b.value for b in blocks if b.kind == "published"), None)
    sections: list[Section] = []
    cur: _Open | None = None

    def open_section(kind: str, start: int, statement: Statement | None = None) -> _Open:
        nonlocal cur
        if cur is not None:
            sections.append(cur.close(start))
        cur = _Open(kind, start, statement)
        return cur

    for i, b in enumerate(blocks):
        headed = b.value if b.kind == "statement" else _statement_of_title(b, text) if b.kind == "title" else None
        repeated = cur is not None and cur.kind == "statement" and cur.statement == headed  # a page repeating its heading
        if headed and not repeated and (_starts_statement(blocks, i) and not (cur and cur.in_score_list)
                                         or _opens_findings(blocks, i)):
            open_section("statement", b.start, headed)  # "Safeguarding", or "Safeguarding - Anytown Council" heading it
        elif b.kind == "known" and b.value == "overview" and (cur is None or cur.kind != "overview"):
            open_section("overview", b.start)
        elif b.kind == "known" and str(b.value).startswith("summary"):
            if cur is None or cur.kind != "summary":
                open_section("summary", b.start)
            cur.in_score_list = b.value == "summary_scores"
        elif b.kind == "statement_score" and (cur is None or cur.kind != "summary") and _opens_score_list(blocks, i):
            _read_summary_block(open_section("summary", b.start), b)  # "Safeguarding: score 4", then the next row
        elif b.kind == "overall" and (cur is None or cur.kind != "summary") and (start := _rating_start(blocks, i, text)) is not None:
            _read_summary_block(open_section("summary", start), b)  # "Overall rating: Good" opens the summary
        elif cur is not None and cur.kind == "summary":
            _read_summary_block(cur, b)
        elif b.kind == "score":
            if cur is None or cur.kind != "statement":
                open_section("statement", b.start, title_statement)  # a statement page whose heading is missing
            if cur.rating is None:
                cur.rating, cur.indicative = b.value
        elif b.kind == "description" and (cur is None or cur.kind != "statement"):
            open_section("statement", b.start, title_statement).rating = b.value  # "Score" / "2 - Evidence shows …"
        elif b.kind == "description" and cur.rating is None:
            cur.rating = b.value
        elif b.kind in ("text", "bullet", "heading") and cur is None and sections == []:
            open_section("page", b.start)
    if cur is not None:
        sections.append(cur.close(len(text)))
    return ReportMetadata(council, published, tuple(sections), council)


def _read_summary_block(cur: _Open, b: Block) -> None:
    """The overall rating, percentage and statement scores a summary section lists."""
    if b.kind == "overall" and cur.overall is None:
        cur.overall = b.value
    elif b.kind == "percentage" and cur.percentage is None:
        cur.percentage = b.value
    elif b.kind == "statement":
        cur.pending_statement = b.value
    elif b.kind == "statement_score":
        statement, n = b.value
        cur.ratings.append((statement.name, n))
    elif b.kind in ("score", "description", "bare_score") and cur.pending_statement is not None:
        n = b.value[0] if b.kind == "score" else b.value
        cur.ratings.append((cur.pending_statement.name, n))
        cur.pending_statement = None
    elif b.kind not in ("theme", "published", "score", "description", "furniture", "bare_score", "title"):
        cur.in_score_list = False  # the page's title under its "Summary of scores" heading is still before the list


class MetadataConflict(ValueError):
    """A metadata.toml entry contradicts what the document's own text says."""


def apply_override(meta: ReportMetadata, override: dict) -> ReportMetadata:
    """``meta`` with the values of a metadata.toml entry filled in; raises :class:`MetadataConflict` when
    an entry contradicts the text (another council, statement or score than the page gives)."""
    council = (override.get("council") or override.get("authority") or "").strip() or None
    statement_name = (override.get("statement") or override.get("quality_statement") or "").strip() or None
    rating = override.get("rating", override.get("score"))
    if council and meta.title_council and council.casefold() != meta.title_council.casefold():
        raise MetadataConflict(f"council {council!r}, but the report's title names {meta.title_council!r}")
    sections = list(meta.sections)
    if statement_name or rating is not None:
        statement = statement_named(statement_name) if statement_name else None
        if statement_name and statement is None:
            raise MetadataConflict(f"quality statement {statement_name!r} is not one of CQC's nine")
        targets = [i for i, s in enumerate(sections) if s.kind == "statement"]
        if len(targets) > 1:
            raise MetadataConflict("statement or score given for a file that holds several statements")
        if not targets:
            sections = [Section("statement", 0, sections[-1].end if sections else 0)] if not sections else [
                replace(sections[0], kind="statement", start=sections[0].start, end=sections[-1].end)]
            targets = [0]
        s = sections[targets[0]]
        if statement and s.statement and s.statement != statement.name:
            raise MetadataConflict(f"quality statement {statement.name!r}, but the report is about {s.statement!r}")
        if rating is not None and s.rating is not None and int(rating) != s.rating:
            raise MetadataConflict(f"score {rating}, but the report's own score line says {s.rating}")
        sections[targets[0]] = replace(
            s, statement=s.statement or (statement.name if statement else None),
            theme=s.theme or (statement.theme if statement else None),
            rating=s.rating if s.rating is not None else (int(rating) if rating is not None else None))
    return replace(meta, council=council or meta.council, sections=tuple(sections))
