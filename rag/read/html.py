"""Saved report pages (HTML) → plain text: headings, paragraphs and list items, one block each.

Parsed with BeautifulSoup (lxml's parser when installed): it copes with the malformed markup of
saved pages and never runs scripts. Navigation, headers, footers, scripts, styles and forms are
dropped; list items get a "- " bullet, so the overview's figures stay bullets.
"""

from __future__ import annotations

import re

#: Elements whose text is never part of the report (a <header> is kept when it holds the page's <h1>).
SKIPPED = ("script", "style", "noscript", "template", "nav", "footer", "form", "button", "svg", "iframe", "select",
           "aside", "dialog")
#: Elements that start a new line of text; everything else (links, emphasis, spans) stays inline.
LINE_BREAKING = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "td", "th", "blockquote", "pre",
                 "figcaption", "caption", "summary", "div", "section", "article", "main", "header", "ul", "ol", "dl",
                 "table", "tr", "br", "hr", "figure", "address", "details")


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
    for tag in soup.find_all(SKIPPED):
        tag.decompose()
    for tag in soup.find_all("header"):
        if tag.find("h1") is None:
            tag.decompose()  # a site banner, not the page's own heading
    root = soup.find("main") or soup.body or soup
    for el in root.find_all(LINE_BREAKING):
        if el.name == "li":
            el.insert(0, "\n- ")
        else:
            el.insert_before("\n")
        el.insert_after("\n")
    out = [re.sub(r"\s+", " ", line).strip() for line in root.get_text().split("\n")]
    out = [re.sub(r" ([,.;:!?)])", r"\1", line) for line in out if line.strip() not in ("", "-")]
    if title and title not in out[:3]:
        out.insert(0, title)
    return "\n\n".join(out) + "\n"


def page_title(soup) -> str | None:
    """The page's <title> when it names a council ("Safeguarding - Norfolk County Council - CQC"): a
    statement page's own heading often gives only the statement, and the tab's title the council."""
    from ..councils import council_of_title

    tag = soup.find("title")
    text = re.sub(r"\s+", " ", tag.get_text()).strip() if tag else ""
    return text if text and council_of_title(text) else None
