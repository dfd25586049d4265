"""Saved report pages (HTML) → plain text: headings, paragraphs and list items, one block each.

Parsed with BeautifulSoup (lxml's parser when installed): it copes with the malformed markup of
saved pages and never runs scripts. Navigation, headers, footers, scripts, styles and forms are
dropped; list items get a "- " bullet, so the overview's figures stay bullets.
"""

from __future__ import annotations

import re

#: Elements whose text is never part of the report.
SKIPPED = ("script", "style", "noscript", "template", "nav", "header", "footer", "form", "button", "svg",
           "iframe", "select", "aside")
#: Elements that make one block of text each.
BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "td", "th", "blockquote", "pre",
          "figcaption", "caption", "summary")


def _parser() -> str:
    try:
        import lxml  # noqa: F401

        return "lxml"
    except ImportError:  # pragma: no cover
        return "html.parser"


def html_to_text(markup: str) -> str:
    """The visible report text of an HTML page, a blank line between blocks."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, _parser())
    for tag in soup.find_all(SKIPPED):
        tag.decompose()
    root = soup.body or soup
    out: list[str] = []
    for el in root.find_all(BLOCKS):
        if el.find_parent(BLOCKS) is not None:
            continue  # its text is part of the enclosing block
        text = re.sub(r"\s+", " ", el.get_text(" ")).strip()
        text = re.sub(r" ([,.;:!?)])", r"\1", text)  # spaces left where inline tags met punctuation
        if not text:
            continue
        out.append(f"- {text}" if el.name == "li" else text)
    if not out:  # a page of bare text without block elements
        out = [re.sub(r"[ \t]+", " ", line).strip() for line in root.get_text("\n").splitlines()]
        out = [line for line in out if line]
    return "\n\n".join(out) + "\n"
