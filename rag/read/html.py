"""Saved report pages (HTML) → plain text: headings, paragraphs and list items, one block each.

Parsed with BeautifulSoup (lxml's parser when installed): it copes with the malformed markup of
saved pages and never runs scripts. Navigation, headers, footers, scripts, styles and forms are
dropped; list items get a "- " bullet, so the overview's figures stay bullets. A table row of short
cells is one line ("Total budget 2023/24: £512m", "Assessing needs | 2"), so a figure stays with its
label; a side panel (<aside>), list or box is report text unless it is mostly links (a menu, breadcrumbs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tables import ROW_CELL_MAX_CHARS, cells_as_line

#: Elements whose text is never part of the report (a <header> is kept when it holds the page's <h1>).
SKIPPED = ("script", "style", "noscript", "template", "nav", "footer", "form", "button", "svg", "iframe", "select",
           "dialog")
#: Elements that start a new line of text; everything else (links, emphasis, spans) stays inline.
LINE_BREAKING = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "td", "th", "blockquote", "pre",
                 "figcaption", "caption", "summary", "div", "section", "article", "main", "header", "ul", "ol", "dl",
                 "table", "tr", "br", "hr", "figure", "address", "details", "aside")
#: A block whose link text is at least this share of its text is navigation ("Related pages"), not report.
LINK_TEXT_SHARE = 0.5
#: Blocks that may be navigation: side panels, lists and boxes of links.
LINK_BLOCKS = ("aside", "ul", "ol", "div", "p", "section", "dl")
#: Elements that make a table cell more than a short value (a cell holding one is read as its own lines).
NESTED_BLOCKS = ("p", "ul", "ol", "table", "div")


def _parser() -> str:
    try:
        import lxml  # noqa: F401

        return "lxml"
    except ImportError:  # pragma: no cover
        return "html.parser"


def html_to_text(markup: str) -> str:
    """The visible report text of an HTML page: the page's <main> when it has one, each heading,
    paragraph, list item or other block on its own, a blank line between them."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, _parser())
    title = page_title(soup)
    trail = None if title else breadcrumb_trail(soup)
    for tag in soup.find_all(is_score_picture):
        line = soup.new_tag("p")
        line.string = picture_text(tag)
        tag.replace_with(line)
    for tag in soup.find_all(SKIPPED):
        tag.decompose()
    for tag in soup.find_all("header"):
        if tag.find("h1") is None:
            tag.decompose()  # a site banner, not the page's own heading
    measures = measure(soup)
    for tag in [t for t in soup.find_all(LINK_BLOCKS) if is_navigation(t, measures[id(t)])]:
        tag.decompose()
    for row in soup.find_all("tr"):
        line = row_as_line(row, measures)
        if line is not None:
            row.clear()
            row.append(line)
    root = report_region(soup)
    out = [line for line in map(_tidy, text_with_breaks(root).split("\n")) if line not in ("", "-")]
    if title and title not in out[:3]:
        out.insert(0, title)
    elif trail:
        out.insert(0, trail)
    return "\n\n".join(out) + "\n"


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _tidy(text: str) -> str:
    """The text on one line, with no space before punctuation (an inline tag's edge leaves one: "19 days ,")."""
    return re.sub(r" ([,.;:!?)])", r"\1", _flat(text))


def text_with_breaks(root) -> str:
    """The text under ``root``, a line break before and after each line-breaking element inside it, and
    "- " opening each list item: one walk of the tree, so that deep nesting stays linear time."""
    from bs4 import CData, NavigableString, Tag

    parts: list[str] = []
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, Tag):
            breaking = node is not root and node.name in LINE_BREAKING
            if leaving:
                parts.append("\n" if breaking else "")
                continue
            if breaking:
                parts.append("\n- " if node.name == "li" else "\n")
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        elif type(node) in (NavigableString, CData):
            parts.append(str(node))
    return "".join(parts)


@dataclass
class Measure:
    """What an element holds: its text's length without spaces, the part of it inside links, its links,
    whether it has a digit, and whether it holds a block (a paragraph, list, table or box)."""

    chars: int = 0
    link_chars: int = 0
    links: int = 0
    digit: bool = False
    blocks: bool = False


def measure(soup) -> dict[int, Measure]:
    """The :class:`Measure` of every element (by ``id``), worked out once, children before their parents,
    so that a page nested thousands deep is still read in linear time."""
    from bs4 import CData, NavigableString, Tag

    out: dict[int, Measure] = {}
    for tag in reversed(soup.find_all(True)):  # in document order a parent comes before its children
        m = Measure()
        for child in tag.children:
            if isinstance(child, Tag):
                c = out[id(child)]
                m.chars, m.link_chars, m.links = m.chars + c.chars, m.link_chars + c.link_chars, m.links + c.links
                m.digit, m.blocks = m.digit or c.digit, m.blocks or c.blocks or child.name in NESTED_BLOCKS
            elif type(child) in (NavigableString, CData):
                text = "".join(str(child).split())
                m.chars += len(text)
                m.digit = m.digit or any(ch.isdigit() for ch in text)
        if tag.name == "a":
            m.link_chars, m.links = m.chars, m.links + 1
        out[id(tag)] = m
    return out


def is_navigation(tag, m: Measure) -> bool:
    """Whether a block is navigation, not report: a side panel that is empty or mostly links, or a list
    or block of two or more links that make up most of its text and no figure ("Home > Local authority
    assessments", "In this report: Overview, Safeguarding"). A score list whose statements link to
    their pages has figures, and stays."""
    if not m.chars:
        return tag.name == "aside"
    if m.links < (1 if tag.name == "aside" else 2) or m.digit:
        return False
    return m.link_chars >= LINK_TEXT_SHARE * m.chars


def report_region(soup):
    """Where the report is: the page's <main> (or role="main"), else its only <article>, else its body."""
    found = soup.find("main") or soup.find(attrs={"role": "main"})
    if found is None:
        articles = soup.find_all("article")
        found = articles[0] if len(articles) == 1 else None
    return found or soup.body or soup


def row_as_line(row, measures: dict[int, Measure]) -> str | None:
    """One line for a table row of short cells, so a figure keeps its label (:func:`rag.read.tables.cells_as_line`);
    None for a row of long cells or of cells holding blocks."""
    cells = row.find_all(("td", "th"), recursive=False)
    if any(measures[id(c)].blocks or measures[id(c)].chars > ROW_CELL_MAX_CHARS for c in cells):
        return None
    return cells_as_line([_tidy(c.get_text(" ")) for c in cells], headings=all(c.name == "th" for c in cells))


def picture_text(tag) -> str:
    """The text a picture stands for: its alt text, its aria-label or its SVG <title>."""
    title = tag.find("title") if tag.name == "svg" else None
    return _flat(tag.get("alt") or tag.get("aria-label") or (title.get_text(" ") if title else ""))


def is_score_picture(tag) -> bool:
    """Whether an image, an SVG or an element with role="img" shows a score or a rating ("Score 2 out of
    4", "Rating: Good"): its text is read in its place. Other pictures (logos, icons) are not text."""
    from ..layout import is_score_line

    if tag.name not in ("img", "svg") and tag.get("role") != "img":
        return False
    text = picture_text(tag)
    return bool(text) and is_score_line(text)


def page_title(soup) -> str | None:
    """The page's <title> when it names a council ("Safeguarding - Norfolk County Council - CQC"): a
    statement page's own heading often gives only the statement, and the tab's title the council."""
    from ..councils import council_of_title

    tag = soup.find("title")
    text = _flat(tag.get_text()) if tag else ""
    return text if text and council_of_title(text) else None


#: How a page marks its trail of breadcrumbs: aria-label="Breadcrumb", class="govuk-breadcrumbs", id="breadcrumbs".
_BREADCRUMB_MARK = re.compile(r"breadcrumb", re.IGNORECASE)


def breadcrumb_trail(soup) -> str | None:
    """The page's breadcrumbs as one line ("Home > Local authority assessments > Anytown Council > Safeguarding"),
    when it marks them as such: a statement page may name its council nowhere else, not even in its <title>."""
    def marked(tag) -> bool:
        return any(_BREADCRUMB_MARK.search(" ".join(v) if isinstance(v, list) else str(v))
                   for k, v in tag.attrs.items() if k in ("aria-label", "class", "id"))

    found = soup.find(marked)
    if found is None:
        return None
    steps = [_flat(item.get_text(" ")) for item in found.find_all("li")] or [_flat(a.get_text(" ")) for a in found.find_all("a")]
    steps = [step for step in steps if step]
    return " > ".join(steps) if len(steps) >= 2 else None
