"""Readers: the saved HTML page and the downloadable PDF of a whole report give the same report."""

from pathlib import Path

import pytest

from rag.chunking import chunk_document
from rag.corpus import make_document
from rag.read import UnreadableDocument, read_document
from rag.read.html import html_to_text
from rag.read.pdf import furniture_lines
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


def test_html_table_rows_of_short_cells_are_one_line_each():
    page = """<html><body><main><table><tr><th>Quality statement</th><th>Score</th></tr>
    <tr><td>Safeguarding</td><td>2</td></tr><tr><th>Total budget 2023/24</th><td>£512 <b>million</b></td></tr>
    <tr><th>Score</th><td>Score 3</td></tr><tr><td>Leadership</td><td>Safeguarding</td><td>Score: 1</td></tr>
    <tr><td>The council spent 38% of its budget on care.</td><td>Source: returns</td></tr>
    <tr><td>Waiting list</td><td><p>212 people</p><p>in March</p></td></tr>
    <tr><td>Only one cell</td><td></td></tr></table></main></body></html>"""
    assert html_to_text(page).split("\n\n") == [
        "Quality statement | Score", "Safeguarding: 2", "Total budget 2023/24: £512 million", "Score 3",
        "Leadership | Safeguarding | Score: 1", "The council spent 38% of its budget on care. | Source: returns",
        "Waiting list", "212 people", "in March", "Only one cell\n"]


def test_html_long_table_cells_stay_lines_of_their_own():
    long = "People told us " + "that waits were long " * 8 + "."
    page = f"<html><body><main><table><tr><td>Finding</td><td>{long}</td></tr></table></main></body></html>"
    assert html_to_text(page).split("\n\n")[0] == "Finding"


def test_html_side_panel_of_report_text_is_kept_and_a_panel_of_links_dropped():
    page = """<html><body><main><h1>Safeguarding</h1>
    <aside><dl><dt>Score</dt><dd>2 - Evidence shows some shortfalls</dd></dl></aside>
    <p>Concerns were triaged within 2 days.</p>
    <aside><h2>Related</h2><ul><li><a href="/a">How we assess councils</a></li><li><a href="/b">All reports</a></li></ul></aside>
    <aside></aside></main></body></html>"""
    assert html_to_text(page) == ("Safeguarding\n\nScore\n\n2 - Evidence shows some shortfalls\n\n"
                                  "Concerns were triaged within 2 days.\n")


def test_html_menus_and_breadcrumbs_are_dropped_but_a_linked_score_list_stays():
    page = """<html><body><div class="top"><a href="/">Care Quality Commission</a> <a href="/s">Search</a></div>
    <div class="crumbs"><a href="/">Home</a> &gt; <a href="/la">Local authority assessments</a> &gt; Fenwick</div>
    <article><h1>Safeguarding</h1><p>The board met <a href="#m">four times</a> and <a href="#n">twice</a> more.</p>
    <ul><li><a href="/an">Assessing needs</a>: 2</li><li><a href="/sg">Safeguarding</a>: 3</li></ul>
    <div><h3>In this report</h3><ul><li><a href="/1">Overview</a></li><li><a href="/2">Safeguarding</a></li></ul></div>
    </article><p>Cookies</p></body></html>"""
    assert html_to_text(page).split("\n\n") == ["Safeguarding", "The board met four times and twice more.",
                                                  "- Assessing needs: 2", "- Safeguarding: 3\n"]


@pytest.mark.timeout(120)
def test_html_nested_thousands_deep_finishes():
    """Boxes and tables nested 50,000 deep (a walk per element, or an insert per element, would take hours)."""
    n = 50_000
    boxes = "<html><body>" + '<div><a href="/x">a</a>' * n + "Waits fell to 19 days." + "</div>" * n + "</body></html>"
    assert html_to_text(boxes).endswith("Waits fell to 19 days.\n")
    tables = "<html><body><table>" + "<tr><td><table>" * n + "<tr><td>Safeguarding</td><td>2</td></tr>" + \
        "</table></td></tr>" * n + "</table></body></html>"
    assert "Safeguarding: 2" in html_to_text(tables)


def test_html_score_shown_as_a_picture_is_read_from_its_text_and_other_pictures_are_not():
    page = """<main><h1>Safeguarding</h1><p>Score</p><img src="s.png" alt="2 - Evidence shows some shortfalls">
    <img src="logo.png" alt="Care Quality Commission logo"><span role="img" aria-label="Score: 3"></span>
    <svg><title>Requires improvement</title></svg><svg><title>Open menu</title></svg><p>People waited.</p></main>"""
    assert html_to_text(page).split("\n\n") == ["Safeguarding", "Score", "2 - Evidence shows some shortfalls",
                                                  "Score: 3", "Requires improvement", "People waited.\n"]


def test_markdown_report_is_read_without_its_markup():
    source = ("# Fenwick Council: local authority assessment\n\n**Overall rating:** Good\n\n"
              "| Quality statement | Score |\n|---|---|\n| Safeguarding | 3 |\n\n## Safeguarding\n\n**Score: 3**\n\n"
              "People [waited](https://example.org) *19 days*.\n\n- Population: 151,000\n")
    text, fmt = read_document(Path("page.md"), source.encode())
    assert fmt == "md" and text.split("\n\n") == [
        "Fenwick Council: local authority assessment", "Overall rating: Good", "Quality statement | Score",
        "Safeguarding: 3", "Safeguarding", "Score: 3", "People waited 19 days.", "- Population: 151,000\n"]


def _pages(n: int, top: list[str], body: list[str], bottom: list[str]) -> list[list[str]]:
    """n pages of the same header and footer ("{n}" is the page number) around body lines that vary by page."""
    return [[line.replace("{n}", str(p + 1)) for line in top]
            + [f"{line} ({'ABCDEFGH'[p]})" if line else line for line in body]
            + [line.replace("{n}", str(p + 1)) for line in bottom] for p in range(n)]


def test_pdf_print_headers_footers_and_page_counters_are_furniture():
    body = ["", "Staff told us so.", "Carers said the same.", "Waits fell to 19 days.", "People were pleased.",
            "Partners agreed.", ""]
    pages = _pages(5, ["Norfolk County Council", "Adult social care report"], body, ["Page {n} of 5"])
    found = furniture_lines(pages)
    assert {(p, i) for p in range(5) for i in (1, 9)} <= found  # the running header and the page counter
    assert (0, 0) not in found and {(p, 0) for p in range(1, 5)} <= found  # a header naming the council stays once
    assert not any(2 <= i <= 8 for _, i in found)




@pytest.mark.parametrize("repeated,stays", [
    ("Fenwick Borough Council: local authority assessment", True),  # the report's title, under each heading
    ("Care Quality Commission: local authority assessments", False),  # a print header naming no council
])
def test_pdf_a_title_line_naming_the_council_stays_on_the_first_page(repeated, stays):
    body = ["", "Staff told us so.", "Carers said the same.", "Waits fell to 19 days.", "People were pleased.", ""]
    pages = _pages(5, ["12/1/26, 6:19 AM Report", repeated], body, ["file:///tmp/report.html {n}/5"])
    found = furniture_lines(pages)
    assert {(p, 1) for p in range(1, 5)} <= found and ((0, 1) not in found) == stays
def test_pdf_report_lines_that_open_most_pages_are_not_furniture():
    scores = ["Score: 2", "Score: 3", "Score: 2", "Score: 2", "Score: 1"]
    pages = [["What people expect", scores[p], "I can get help.", "", f"A finding with {p + 10} people.", "Staff agreed.",
              "", "Carers agreed.", "Staff told us so.", f"Reviewed {2020 + p}"] for p in range(5)]
    found = furniture_lines(pages)
    assert not any(i in (0, 1) for _, i in found)  # a known heading and scores that go up and down
    assert {(p, 9) for p in range(5)} <= found  # a line whose number rises page by page counts the pages
    assert not any(i == 4 for _, i in found)  # a body line: not among the page's first or last lines


def test_pdf_a_score_label_on_a_line_of_its_own_is_report_structure():
    pages = [["Safeguarding", "Score", f"{1 + p % 3} - Evidence shows some shortfalls", "", "Staff told us so.",
              "Carers agreed.", "", "Partners agreed.", "A finding.", "Footer of the print"] for p in range(5)]
    found = furniture_lines(pages)
    assert not any(i == 1 for _, i in found)  # "Score" heads every statement page
    assert {(p, 9) for p in range(5)} <= found  # a repeated line that is no structure is still a footer


@pytest.mark.parametrize("lines,i,expected", [
    (["Safeguarding", "", "Score", "", "3", "", "Evidence shows a good standard"], 4, True),  # the score's own line
    (["Safeguarding", "Score:", "2"], 2, True),
    (["Staff told us so.", "", "3"], 2, False),  # a page number after body text
    (["Score", "", "12"], 2, False),  # no score 1 to 4
    (["Score 3", "", "4"], 2, False),  # the label already holds its score
    (["Indicative score", "3 of 4"], 1, True),  # the layout's own score label and bare score
])
def test_pdf_a_lone_score_under_its_label_is_no_page_number(lines, i, expected):
    from rag.read.pdf import scored_below_label

    assert scored_below_label(lines, i) is expected


@pytest.mark.parametrize("lines,i,expected", [
    (["Registered care homes in the area", "214", "Registered home care agencies in the area", "97"], 1, True),
    (["Registered care homes in the area", "214", "Registered home care agencies in the area", "97"], 3, True),
    (["Registered care homes in the area", "", "214"], 2, False),  # set apart, as a page's number is
    (["Staff told us the team was stretched.", "4"], 1, False),  # a page number after a sentence's end
    (["Learning, improvement and innovation Score: 2 - Evidence shows some shortfalls", "2"], 1, False),  # a figure above
    (["and the team had worked hard to bring down waits for assessments across the county since the spring", "7"], 1,
     False),  # a paragraph's line, not a label
    (["7"], 0, False),
])
def test_pdf_a_figure_under_its_label_is_no_page_number(lines, i, expected):
    from rag.read.pdf import value_below_label

    assert value_below_label(lines, i) is expected


def test_a_lone_score_under_its_label_is_read_as_the_statement_s_score():
    text = ("Fenwick Council: Safeguarding\n\nScore\n\n3\n\nThe local authority commitment\n\n"
            "We work with people and partners.\n\nFindings\n\nStaff answered 410 concerns in 2024/25.\n")
    doc = make_document("a.txt", text, "x", "txt")
    assert [(s.statement, s.rating) for s in doc.sections if s.kind == "statement"] == [("Safeguarding", 3)]


def test_html_keeps_the_page_title_when_it_names_the_council():
    page = """<html><head><title>Safeguarding - Fenwick Borough Council - Care Quality Commission</title></head>
    <body><main><h1>Safeguarding</h1><p>Score: 3</p></main></body></html>"""
    assert html_to_text(page).startswith("Safeguarding - Fenwick Borough Council - Care Quality Commission\n\nSafeguarding")
    untitled = "<html><head><title>Search results</title></head><body><main><p>Score: 3</p></main></body></html>"
    assert html_to_text(untitled) == "Score: 3\n"


def test_html_keeps_its_marked_breadcrumbs_when_the_title_names_no_council():
    crumbs = ('<nav aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/w">Wokingham Borough Council'
              '</a></li><li>Safeguarding</li></ol></nav>')
    page = f"<html><head><title>Safeguarding | CQC</title></head><body>{crumbs}<main><h1>Safeguarding</h1><p>Score: 3</p></main></body></html>"
    text = html_to_text(page)
    assert text.startswith("Home > Wokingham Borough Council > Safeguarding\n\nSafeguarding")
    assert make_document("a.html", text, "x", "html").council == "Wokingham"
    titled = page.replace("Safeguarding | CQC", "Safeguarding - Fenwick Borough Council - CQC")
    assert "Home >" not in html_to_text(titled)  # the title names the council already
    unmarked = page.replace(' aria-label="Breadcrumb"', "")
    assert "Home >" not in html_to_text(unmarked)  # a list of links not marked as breadcrumbs is navigation


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


def test_pdf_a_browser_print_header_is_read_as_the_page_title_and_its_footer_dropped():
    from rag.read.pdf import _PRINT_FOOTER, printed_title

    assert printed_title("12/1/26, 10:37 PM Safeguarding - Wokingham Borough Council - Care Quality Commission") == \
        "Safeguarding - Wokingham Borough Council - Care Quality Commission"
    assert printed_title("01/12/2026, 22:37 Assessing needs - Fenwick Council") == "Assessing needs - Fenwick Council"
    assert printed_title("12 people attended the forum in 2024.") == "12 people attended the forum in 2024."
    assert _PRINT_FOOTER.match("\ufb01le:///tmp/page.html 1/1")  # "fi" as one ligature
    assert _PRINT_FOOTER.match("https://www.cqc.org.uk/care-services/local-authority-assessments/x 2/3")
    assert not _PRINT_FOOTER.match("See https://www.cqc.org.uk for the full report.")


@pytest.mark.parametrize("name,raw,expected", [
    ("a.txt", "Staﬀ at Traﬀord and Wakeﬁeld ﬂagged ﬃxed ﬄy".encode(), "Staff at Trafford and Wakefield flagged ffixed ffly"),
    ("a.html", "<p>The conﬁdent staﬀ.</p>".encode(), "The confident staff."),
    ("a.txt", "½ of people, 10m², “quoted” – dashes, ﬁ".encode(), "½ of people, 10m², “quoted” – dashes, fi"),
])
def test_typographic_ligatures_are_read_as_their_letters_and_nothing_else_changes(name, raw, expected):
    assert read_document(Path(name), raw)[0].strip() == expected


@pytest.mark.parametrize("layout,plain,expected", [
    ("a qualified practitioner thr      ough Care Connect", "a qualified practitioner through Care Connect",
     "a qualified practitioner through Care Connect"),  # a word the layout split
    ("A     dult Safeguarding Team", "Adult Safeguarding Team", "Adult Safeguarding Team"),
    ("good standard      some shortfalls", "good standard\nsome shortfalls", "good standard      some shortfalls"),  # columns
    ("Score      3", "Score 3", "Score      3"),
    ("the car      park", "the car park and the carpark", "the car      park"),  # both readings are words: kept apart
])
def test_a_word_the_pdf_layout_split_is_rejoined_from_the_plain_reading(layout, plain, expected):
    from rag.read.pdf import words_rejoined

    assert words_rejoined(layout, plain) == expected


@pytest.mark.parametrize("before,page,expected", [
    (["The council's", ""], ["", "waiting list fell by half."], True),  # a sentence going on over the page
    (["The waiting list fell by half.", ""], ["", "staff said so too."], False),  # the sentence had ended
    (["Key findings", ""], ["", "People told us they waited."], False),  # a new paragraph starts in capitals
    ([], ["waiting list"], False),
])
def test_a_sentence_broken_by_a_page_goes_on_across_its_margins(before, page, expected):
    from rag.read.pdf import continues_across_page

    assert continues_across_page(before, page) is expected
