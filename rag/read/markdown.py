"""Reports saved as Markdown (what web-page converters write) → plain text, through HTML.

markdown-it-py renders CommonMark with tables; the HTML reader then gives one block per line, as for
a saved page: "## Safeguarding" is the heading "Safeguarding", "**Score: 2**" the line "Score: 2", and a
table row "| Assessing needs | 2 |" the line "Assessing needs: 2".
"""

from __future__ import annotations

from .html import html_to_text


def markdown_to_text(source: str) -> str:
    """The text of a Markdown report: markup dropped, each heading, paragraph, list item or table row
    on its own line, a blank line between them."""
    from markdown_it import MarkdownIt

    return html_to_text(MarkdownIt("commonmark").enable("table").render(source))
