"""A summary-of-scores table printed to PDF by a browser reads row by row, as the saved page's table does."""

import io

import pytest

from rag.read.html import html_to_text
from rag.read.pdf import pdf_to_text

ROWS = [
    ("Working with people", "Assessing needs", "Score: 2", "Evidence shows some shortfalls"),
    ("Working with people", "Supporting people to live healthier lives", "Score: 3", "Evidence shows a good standard"),
    ("How the local authority ensures safety within the system", "Safe pathways, systems and transitions", "Score: 1",
     "Evidence shows significant shortfalls"),
    ("Leadership", "Learning, improvement and innovation", "Score: 4", "Evidence shows an exceptional standard"),
]

PAGE = """<!doctype html><html><head><title>Wexcombe Council: local authority assessment</title>
<style>body {{ font-family: sans-serif; width: 34em; }} td {{ border: 1px solid #999; padding: 0.6em;
vertical-align: middle; }} td:first-child {{ width: 9em; }} td:nth-child(2) {{ width: 10em; }}</style></head>
<body><h1>Wexcombe Council</h1><h2>Summary of findings</h2><table>{rows}</table>
<p>People we spoke to described their contact with the council as respectful.</p></body></html>"""


@pytest.mark.browser
def test_a_printed_summary_table_reads_like_the_saved_page(browser, tmp_path):
    from pypdf import PdfReader

    rows = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}<br>{d}</td></tr>" for a, b, c, d in ROWS)
    html = PAGE.format(rows=rows)
    page = browser.new_page()
    page.set_content(html)
    raw = page.pdf(format="A4")
    page.close()
    assert len(PdfReader(io.BytesIO(raw)).pages) == 1
    printed, saved = pdf_to_text(raw), html_to_text(html)
    for a, b, c, d in ROWS:
        line = f"{a} | {b} | {c} {d}"
        assert line in saved.split("\n")
        assert line in printed.split("\n"), printed
