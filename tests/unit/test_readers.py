"""Readers: the saved HTML page and the downloadable PDF of a whole report give the same report."""

from pathlib import Path

import pytest

from rag.chunking import chunk_document
from rag.corpus import make_document
from rag.read import UnreadableDocument, read_document
from rag.read.html import html_to_text
from tests.helpers import FIXTURE_REPORTS, assert_exact_offsets

WHOLE = Path(FIXTURE_REPORTS).parent / "whole-report"


def read(path: Path):
    text, fmt = read_document(path, path.read_bytes())
    return make_document(path.name, text, "x", fmt)


@pytest.mark.parametrize("path", [FIXTURE_REPORTS / "rutland-full-report.html", WHOLE / "rutland-full-report.pdf"])
def test_whole_report_in_html_and_pdf(path):
    doc = read(path)
    assert doc.council == "Rutland" and doc.format == path.suffix[1:]
    statements = [(s.statement, s.rating) for s in doc.sections if s.kind == "statement"]
    assert len(statements) == 9 and ("Partnerships and communities", 4) in statements and ("Assessing needs", 2) in statements
    summary = next(s for s in doc.sections if s.kind == "summary")
    assert summary.overall == "Good" and len(summary.ratings) == 9
    chunks = chunk_document(doc)
    assert_exact_offsets(doc.text, chunks)
    kinds = {c.kind for c in chunks}
    assert {"finding", "standard", "rating", "overview"} <= kinds


def test_pdf_drops_page_headers_and_footers_but_keeps_repeated_report_lines():
    text = read(WHOLE / "rutland-full-report.pdf").text
    assert "file://" not in text and "1/8" not in text
    assert text.count("What people expect") >= 5  # on most pages, yet report text, not a header


def test_html_keeps_text_drops_scripts_navigation_and_marks_bullets():
    page = """<html><head><title>T</title><script>alert(1)</script></head><body>
    <nav><a href="/">Home</a></nav><h1>Fenwick Council: local authority assessment</h1>
    <p>Staff said <strong>training</strong> was good &amp; timely.</p><ul><li>Population: 151,000</li></ul>
    <footer>Cookie notice</footer></body></html>"""
    text = html_to_text(page)
    assert text == ("Fenwick Council: local authority assessment\n\nStaff said training was good & timely.\n\n"
                    "- Population: 151,000\n")


def test_html_reads_the_main_region_with_its_own_header_and_text_in_divs():
    page = """<html><body><header><a href="/">CQC</a> Search</header>
    <div class="crumbs">Home / Local authority assessments</div>
    <main><header><h1>Fenwick Council: local authority assessment</h1></header>
    <div class="score">Score: <b>2</b></div><div>2 - Evidence shows some shortfalls</div>
    <section><p>People waited <a href="#n">19 days</a>.</p></section></main>
    <aside>Related pages</aside></body></html>"""
    assert html_to_text(page) == ("Fenwick Council: local authority assessment\n\nScore: 2\n\n"
                                  "2 - Evidence shows some shortfalls\n\nPeople waited 19 days.\n")


def test_html_keeps_the_page_title_when_it_names_the_council():
    page = """<html><head><title>Safeguarding - Fenwick Borough Council - Care Quality Commission</title></head>
    <body><main><h1>Safeguarding</h1><p>Score: 3</p></main></body></html>"""
    assert html_to_text(page).startswith("Safeguarding - Fenwick Borough Council - Care Quality Commission\n\nSafeguarding")
    untitled = "<html><head><title>Search results</title></head><body><main><p>Score: 3</p></main></body></html>"
    assert html_to_text(untitled) == "Score: 3\n"


@pytest.mark.parametrize("name,raw,reason", [
    ("a.pdf", b"%PDF-1.4 not really a pdf", "not a readable PDF"),
    ("a.txt", "Caf\xe9".encode("latin-1"), "not UTF-8"),
    ("a.txt", b"\x00\x01binary", "looks binary"),
    ("a.html", b"<html><body><script>x</script></body></html>", "no text in it"),
    ("a.docx", b"PK", "not a supported format"),
])
def test_unreadable_documents_say_why(name, raw, reason):
    with pytest.raises(UnreadableDocument, match=reason):
        read_document(Path(name), raw)
