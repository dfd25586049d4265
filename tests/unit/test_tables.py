import pytest

from rag.read.tables import block_as_rows, cells_as_line, row_of_each_line, tables_as_rows

# A summary table as a browser prints it: the score cell wraps, so its lines sit above and below the other cells'.
INTERLEAVED = """\
                                            Score: 2
Working with people    Assessing needs      Evidence shows some
                                            shortfalls
                                            Score: 3
Providing support      Care provision       Evidence shows a good
                                            standard"""


@pytest.mark.parametrize("texts, headings, expected", [
    (["Total budget 2024/25", "£318m"], False, "Total budget 2024/25: £318m"),  # a figure keeps its label
    (["Score", "Score 3"], False, "Score 3"),  # the value already says its label
    (["Theme", "Score"], True, "Theme | Score"),  # column headings are not a label and a value
    (["Safeguarding", "Score: 1", "Evidence shows significant shortfalls"], False,
     "Safeguarding | Score: 1 | Evidence shows significant shortfalls"),
    (["Notes.", "See below"], False, "Notes. | See below"),  # a label ends without punctuation
    (["Only one cell", ""], False, None),
    (["Label", "x" * 121], False, None),  # a long cell is a paragraph, not a value
])
def test_cells_as_line(texts, headings, expected):
    assert cells_as_line(texts, headings=headings) == expected


def test_an_interleaved_printed_table_is_read_row_by_row():
    assert block_as_rows(INTERLEAVED.split("\n")) == [
        "Working with people | Assessing needs | Score: 2 Evidence shows some shortfalls",
        "Providing support | Care provision | Score: 3 Evidence shows a good standard",
    ]


def test_a_one_row_block_takes_the_lone_cell_printed_above_its_middle_line():
    lines = ["                                          Score: 2",
             "Working with people    Assessing needs    Evidence shows some",
             "                                          shortfalls"]
    assert block_as_rows(lines) == ["Working with people | Assessing needs | Score: 2 Evidence shows some shortfalls"]


def test_each_line_goes_to_the_row_whose_middle_is_nearer_unless_it_goes_on_the_cell_above():
    grid = [["", "", "Score: 2"], ["A", "B", "Evidence"], ["", "", "shortfalls"], ["", "", "Score: 3"],
            ["C", "D", "Evidence"], ["", "", "standard"]]
    assert row_of_each_line(grid) == [0, 0, 0, 1, 1, 1]


def test_rows_printed_with_no_empty_line_between_them_are_told_apart_by_where_cells_start():
    lines = [
        "Providing support     Partnerships          2 - Evidence shows some",
        "                                            shortfalls",
        "How the council       Safe pathways and     1 - Evidence shows",
        "keeps people safe     transitions           significant shortfalls",
        "How the council       Safeguarding          3 - Evidence shows a",
        "keeps people safe                           good standard",
    ]
    assert block_as_rows(lines) == [
        "Providing support | Partnerships | 2 - Evidence shows some shortfalls",
        "How the council keeps people safe | Safe pathways and transitions | 1 - Evidence shows significant shortfalls",
        "How the council keeps people safe | Safeguarding | 3 - Evidence shows a good standard",
    ]


@pytest.mark.parametrize("text", [
    "•   Staff turnover fell over the year\n•   People waited less for reviews",  # a bullet list's margin
    "Budget      £5m\nStaff       212",
    "Home     Find a service     Guidance     About\nus",  # a menu wraps downwards only
    "               Assessing needs      Score 2\nWorking with   Supporting people    Score 3\n"
    "               Equity               Score 2",  # lines of two cells or more are rows of their own  # rows of one line each are read right as they are
    "People told us they were listened to and their carers\nfelt included in decisions about support.",  # prose
    "Site name\nHome     Find a service      Guidance     About\nus",  # a menu: a gap inside the first column
    "Working with people\nAssessing needs      Score 3\nProviding support\nCare provision       Score 2",  # headings
    "Working with people    " + "long words " * 12 + "\n                       and more words\nNext   row",
])
def test_text_that_is_not_an_interleaved_table_is_left_as_it_is(text):
    assert block_as_rows(text.split("\n")) is None
    assert tables_as_rows(text) == text


def test_a_heading_over_rows_stays_a_line_of_its_own():
    lines = ["Working with people",
             "Assessing needs         Score: 2 Evidence shows", "                        some shortfalls",
             "Care provision          Score: 3 Evidence shows", "                        a good standard"]
    assert block_as_rows(lines) == ["Working with people", "Assessing needs: Score: 2 Evidence shows some shortfalls",
                                    "Care provision: Score: 3 Evidence shows a good standard"]


def test_a_table_is_read_in_place_and_lines_set_apart_are_never_in_it():
    header = "03/12/2026, 10:15     Summary - Care Quality Commission"
    page = f"{header}\n{INTERLEAVED}\n\nPeople told us more."
    text = tables_as_rows(page, apart=lambda line: line == header.strip())
    assert text.split("\n") == [
        header,
        "Working with people | Assessing needs | Score: 2 Evidence shows some shortfalls", "",
        "Providing support | Care provision | Score: 3 Evidence shows a good standard",
        "", "People told us more.",
    ]
