"""Downloadable reports (PDF) → plain text: paragraphs re-joined, page headers and footers dropped.

pypdf extracts the text in layout mode (lines placed as on the page, blank lines where the page has
vertical space), so paragraph breaks survive. Lines wrapped inside a paragraph are joined with a
space; lines that repeat on most pages (print headers and footers, page numbers) are dropped, and a browser's
print header is read as the page title it prints, its footer (the address printed from) dropped.
"""

from __future__ import annotations

import io
import re

from .tables import tables_as_rows

#: A line on at least this share of pages (word for word, or with a page counter), among the first or last
#: few lines of each page, is a page header or footer.
REPEATED_LINE_SHARE = 0.6
#: How many lines at the top and at the bottom of a page may be a header or footer.
MARGIN_LINES = 3
_PAGE_NUMBER = re.compile(r"^\s*(page\s+)?\d+\s*(/|of)\s*\d+\s*$|^\s*\d+\s*$", re.IGNORECASE)
#: A browser's print header: the date and time printed, then the page's title ("12/1/26, 10:37 PM Safeguarding -
#: Anytown Council - Care Quality Commission"); the title is the page's own, the date only the printing's.
_PRINT_HEADER = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?\s+(?P<title>\S.*)$")
#: A browser's print footer: the address printed from and a page counter ("file:///home/me/page.html 1/3"; its "fi" may
#: come out as one ligature).
_PRINT_FOOTER = re.compile(r"^(?:(?:(?:fi|ﬁ)le|https?):/{2,3}\S+|about:blank)(?:\s+\d+\s*/\s*\d+)?$", re.IGNORECASE)


def _page_lines(page_text: str) -> list[str]:
    return [re.sub(r"\s{2,}", " ", line).strip() for line in page_text.splitlines()]


#: Two pieces of text a layout reading sets apart on one line ("qualified practitioner thr      ough Care Connect"):
#: the letters before and after the gap, the second lower-case, as the rest of a split word is.
_GAP = re.compile(r"(?P<left>\w+)[ \t]{2,}(?P<right>[a-z]\w*)")


def words_rejoined(layout_text: str, plain_text: str) -> str:
    """A page's layout text with each word that the layout reading split across a wide gap ("thr      ough", "A     dult")
    whole again: two pieces are one word when, together, they are a word of the page's plain reading (which keeps
    words whole but not the page's blank lines) and apart they are not; columns ("good standard      some") stay."""
    words = set(re.findall(r"\w+", plain_text))

    def join(m: re.Match) -> str:
        left, right = m.group("left"), m.group("right")
        whole = left + right
        if whole in words and not (left in words and right in words and f"{left} {right}" in plain_text):
            return whole
        return m.group(0)

    return _GAP.sub(join, layout_text)


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line)


def _numbers(line: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", line))


def _margin_indices(lines: list[str]) -> list[int]:
    """Indices of the first and last few non-blank lines of a page (where headers and footers are)."""
    filled = [i for i, line in enumerate(lines) if line]
    return sorted(set(filled[:MARGIN_LINES] + filled[-MARGIN_LINES:]))


def _counts_pages(numbers: list[tuple[int, ...]]) -> bool:
    """Whether lines that differ only in their numbers count the pages ("Page 3 of 24", "Norfolk - 3"):
    one of their numbers rises from page to page. A score ("Score: 2", "Score: 3", "Score: 2") does not."""
    width = min(len(n) for n in numbers)
    return any(all(a[j] < b[j] for a, b in zip(numbers, numbers[1:])) for j in range(width))


def furniture_lines(pages: list[list[str]]) -> set[tuple[int, int]]:
    """(page, line) positions of print headers and footers: a line among a page's first or last few
    that recurs on most pages, word for word or with a page counter, and is not report structure. A
    header naming the council, or a report title naming it under each statement's heading, stays on the
    first page, where it may be the report's only title."""
    from ..councils import council_of_title, names_a_council
    from ..layout import is_report_structure

    at: dict[str, list[tuple[int, int]]] = {}
    for p, lines in enumerate(pages):
        for i in _margin_indices(lines):
            at.setdefault(_key(lines[i]), []).append((p, i))
    found: set[tuple[int, int]] = set()
    for places in at.values():
        texts = [pages[p][i] for p, i in places]
        if len({p for p, _ in places}) < REPEATED_LINE_SHARE * len(pages) or is_report_structure(texts[0]):
            continue
        if len(set(texts)) == 1:
            names = names_a_council(texts[0]) or council_of_title(texts[0]) is not None
            found.update(places if not names else [(p, i) for p, i in places if p > 0])
        elif _counts_pages([_numbers(t) for t in texts]):
            found.update(places)
    return found


def printed_title(line: str) -> str:
    """A line with a browser's print header read as the page title it prints (:data:`_PRINT_HEADER`), so the title
    names the council as the page did; any other line as it is."""
    m = _PRINT_HEADER.match(line)
    return m.group("title") if m else line


def _page_text(page) -> str:
    """A page's text in layout mode (lines placed as on the page), with words the layout split rejoined from its plain
    reading (:func:`words_rejoined`), which is read only when the layout text has a wide gap before a lower-case
    letter (few pages have one: a second reading of every page would cost much more), and its tables read as rows
    (:func:`rag.read.tables.tables_as_rows`)."""
    layout = page.extract_text(extraction_mode="layout") or ""
    text = words_rejoined(layout, page.extract_text() or "") if _GAP.search(layout) else layout
    return tables_as_rows(text, apart=lambda line: _PRINT_HEADER.match(line) or _PRINT_FOOTER.match(line))


def scored_below_label(lines: list[str], i: int) -> bool:
    """Whether line ``i`` is a score standing alone under its label ("Score" then "3"), not a page number: the
    nearest non-blank line above it is a score's label (:func:`rag.layout.scores_under_label`)."""
    from ..layout import scores_under_label

    above = next((line for line in reversed(lines[:i]) if line.strip()), "")
    return scores_under_label(above, lines[i])


#: The longest line a figure on a line of its own may stand under as its label ("Registered care homes in the area").
LABEL_MAX_CHARS = 80


def value_below_label(lines: list[str], i: int) -> bool:
    """Whether line ``i``, a bare number, is a figure under its label, not a page number: the line straight above it
    is a short line of words, with no figure and no sentence's end ("Registered care homes in the area" then "214"),
    where a page sets its number apart (or puts it after a score line, "… Score: 2 - Evidence shows …")."""
    above = lines[i - 1] if i else ""
    return 0 < len(above) <= LABEL_MAX_CHARS and re.search(r"[A-Za-z]", above) is not None \
        and not re.search(r"\d", above) and not _ENDS_SENTENCE.search(above)


def pdf_to_text(raw: bytes) -> str:
    """The text of a PDF: its lines in reading order, a blank line where the page leaves vertical space,
    page headers, footers and page numbers dropped. Wrapped lines are joined later, by the layout
    reader (:func:`rag.layout.blocks`), like those of any text file."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    from . import UnreadableDocument

    try:
        reader = PdfReader(io.BytesIO(raw))
        pages = [_page_lines(_page_text(p)) for p in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise UnreadableDocument(f"not a readable PDF ({type(e).__name__})") from None
    pages = [[printed_title(line) for line in lines] for lines in pages]
    furniture = furniture_lines(pages) if len(pages) >= 2 else set()
    kept = [[line for i, line in enumerate(lines)
             if not (line and ((p, i) in furniture or _PAGE_NUMBER.match(line) and not scored_below_label(lines, i)
                               and not value_below_label(lines, i) or _PRINT_FOOTER.match(line)))]
            for p, lines in enumerate(pages)]
    out: list[str] = []
    for lines in kept:
        if continues_across_page(out, lines):
            while out and not out[-1]:
                out.pop()  # the page's margin is no paragraph break: the sentence goes on
        for line in lines:
            if line or (out and out[-1]):
                out.append(line)
    return "\n".join(out).strip() + "\n" if any(out) else ""


#: How a line that ends a sentence or a heading's clause ends.
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)\]]\s*$")


def continues_across_page(before: list[str], page: list[str]) -> bool:
    """Whether a page's first line goes on with the sentence the text so far breaks off (the last line ends with no
    full stop and the page starts with a lower-case letter: "… the council's" | "waiting list fell …"), so that the
    page's margins between them are no paragraph break."""
    last = next((line for line in reversed(before) if line), "")
    first = next((line for line in page if line), "")
    return bool(last and first) and not _ENDS_SENTENCE.search(last) and first[:1].islower()
