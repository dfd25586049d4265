"""Table rows read as one line each, whether from a saved page's cells or from a printed page's layout text.

A row of short cells is one line ("Total budget 2023/24: £512m", "Safeguarding | Score: 1 Evidence shows significant
shortfalls"), so a figure stays with its label and a score with its statement. A PDF keeps no cells: a browser
prints a table as words placed in columns, and a cell that wraps puts its lines beside the other cells' lines,
so read line by line the rows interleave ("Score: 2" above "Working with people Assessing needs Evidence shows
some"). :func:`tables_as_rows` finds such tables in a page's layout text and reads each row as the saved page would.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: A table row is read as one line when each of its cells is at most this long.
ROW_CELL_MAX_CHARS = 120
#: Cells on a layout line are set apart by at least this many spaces (words within a cell by one or two).
CELL_GAP = 3
#: Each column of a table has a cell with at least this many letters (a column of bullets or list numbers is a
#: list's margin, not a table's).
COLUMN_MIN_LETTERS = 2

_SEGMENT = re.compile(r"\S+(?: {1,%d}\S+)*" % (CELL_GAP - 1))
#: A gap wide enough to part two cells, inside a line.
_INNER_GAP = re.compile(r"\S {%d,}\S" % CELL_GAP)
_LETTER = re.compile(r"[^\W\d_]")


def cells_as_line(texts: list[str], headings: bool = False) -> str | None:
    """One line for a row's cell texts: two cells as "label: value" (a row of column headings, ``headings``, and a
    label ending in punctuation excepted), more as "a | b | c"; None for fewer than two cells or a long one."""
    texts = [t for t in texts if t]
    if len(texts) < 2 or any(len(t) > ROW_CELL_MAX_CHARS for t in texts):
        return None
    if len(texts) == 2 and texts[0][-1] not in ".:;!?" and not headings:
        label, value = texts
        return value if value.casefold().startswith(label.casefold()) else f"{label}: {value}"  # "Score" | "Score 2"
    return " | ".join(texts)


def _columns(lines: list[str]) -> list[tuple[int, int]]:
    """The column spans of a block of layout lines: between gutters, runs of at least :data:`CELL_GAP` positions
    blank on every line with text on both sides."""
    width = max(len(line) for line in lines)
    inked = [any(p < len(line) and line[p] != " " for line in lines) for p in range(width)]
    first, last = inked.index(True), width - 1 - inked[::-1].index(True)
    spans, start, p = [], first, first
    while p <= last:
        if inked[p]:
            p += 1
            continue
        end = p
        while not inked[p]:
            p += 1
        if p - end >= CELL_GAP:
            spans.append((start, end))
            start = p
    spans.append((start, last + 1))
    return spans


def _cells(line: str, spans: list[tuple[int, int]]) -> list[str] | None:
    """The text of each column on one layout line ("" where the column is empty); None when a column holds two runs
    of words set apart by a gutter's width (the line's gaps do not line up with the columns: not a grid)."""
    cells = [""] * len(spans)
    for m in _SEGMENT.finditer(line):
        column = next(i for i, (a, b) in enumerate(spans) if a <= m.start() < b)
        if cells[column]:
            return None
        cells[column] = m.group()
    return cells


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """(first, last) line of each run of consecutive lines a column has text on."""
    runs, start = [], None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            runs.append((start, i - 1))
            start = None
    return runs


def _continues(cells: list[str]) -> bool:
    """Whether a layout line goes on a cell of the line above: one of its cells starts with a lower-case letter."""
    return any(c[:1].islower() for c in cells)


def _split_at_new_cells(grid: list[list[str]], column: int, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A column's runs cut where a line starts a new cell: its text there starts with a capital and no cell of the
    line goes on the one above (two rows' cells printed with no empty line between them)."""
    cut = []
    for a, b in runs:
        for i in range(a + 1, b + 1):
            if grid[i][column][:1].isupper() and not _continues(grid[i]):
                cut.append((a, i - 1))
                a = i
        cut.append((a, b))
    return cut


def _rows_around_one_cell(grid: list[list[str]], anchor: int, core: tuple[int, int] | None) -> list[int]:
    """The row of each layout line when the anchor column has at most one cell (lines ``core``): each line is a row,
    or goes on the one above (:func:`_continues`); the anchor cell's lines are one row, and the lines next to it
    that hold one cell of another column ("Score: 2" printed above its row's middle line) go with it."""
    def lone(cells: list[str]) -> bool:
        return sum(map(bool, cells)) == 1 and not cells[anchor]

    starts = [i == 0 or not _continues(cells) for i, cells in enumerate(grid)]
    if core:
        a, b = core
        first = a
        while first > 0 and lone(grid[first - 1]):
            first -= 1
        last = b
        while last + 1 < len(grid) and lone(grid[last + 1]):
            last += 1
        for i in range(first + 1, last + 1):
            starts[i] = False
    rows, n = [], -1
    for start in starts:
        n += start
        rows.append(n)
    return rows


def row_of_each_line(grid: list[list[str]]) -> list[int]:
    """The table row each layout line belongs to. Cells are set in the middle of their row, so the column whose cells
    are set apart by empty lines most often (usually the first) gives each row's middle line (its runs cut where a
    new cell starts, :func:`_split_at_new_cells`); a line between two such cells goes with the row whose middle is
    nearer (the lower on a tie), unless it goes on a cell above it (:func:`_continues`). With one cell in that column,
    :func:`_rows_around_one_cell`."""
    runs = [_runs([bool(row[c]) for row in grid]) for c in range(len(grid[0]))]
    anchor = max(range(len(runs)), key=lambda c: (len(runs[c]), -c))
    runs[anchor] = _split_at_new_cells(grid, anchor, runs[anchor])
    if len(runs[anchor]) < 2:
        return _rows_around_one_cell(grid, anchor, runs[anchor][0] if runs[anchor] else None)
    middles = [(a + b) / 2 for a, b in runs[anchor]]
    rows = []
    for i, cells in enumerate(grid):
        after = next((r for r, (a, _) in enumerate(runs[anchor]) if a > i), len(middles))
        before = after - 1
        if before < 0 or after == len(middles) or i <= runs[anchor][before][1]:
            rows.append(max(before, 0))
        elif rows[-1] == before and _continues(cells):
            rows.append(before)
        else:
            rows.append(before if i - middles[before] < middles[after] - i else after)
    return rows


def _heads_rows(grid: list[list[str]], i: int) -> bool:
    """Whether layout line ``i`` is a heading over the rows below it ("Working with people" above its statements'
    rows): text in the first column only, starting with a capital, and the next line's first column starts a new
    cell."""
    cells = grid[i]
    return (cells[0][:1].isupper() and not any(cells[1:]) and i + 1 < len(grid)
            and grid[i + 1][0][:1].isupper() and not _continues(grid[i + 1]))


def _centred_row(grid: list[list[str]], filled: list[int]) -> bool:
    """Whether the block is one table row whose cells are centred on its middle line: a line with text in three
    columns or more, and above it a line holding only the first line of a later column's cell ("Score: 2"). A
    menu or a footer wraps downwards only."""
    widest = filled.index(max(filled))
    return filled[widest] >= 3 and any(filled[i] == 1 and not grid[i][0] for i in range(widest))


def block_as_rows(lines: list[str]) -> list[str] | None:
    """A block of layout lines read as table rows, one line each (:func:`cells_as_line`), a heading over rows
    (:func:`_heads_rows`) as it was; None when it is not a table of short cells (fewer than two columns, a line whose
    gaps do not line up with the columns, fewer than two lines with text in two columns and no centred row
    (:func:`_centred_row`), a column with no word in it, or a cell too long for a row) or when no row spans two lines (each line is then a row as read)."""
    if len(lines) < 2 or not any(_INNER_GAP.search(line) for line in lines):
        return None  # no line holds two cells (most blocks: prose), so no row does
    spans = _columns(lines)
    if len(spans) < 2:
        return None
    grid = [_cells(line, spans) for line in lines]
    if any(cells is None for cells in grid):
        return None
    filled = [sum(map(bool, cells)) for cells in grid]
    if sum(n >= 2 for n in filled) < 2 and not _centred_row(grid, filled):
        return None
    if any(not any(len(_LETTER.findall(row[c])) >= COLUMN_MIN_LETTERS for row in grid) for c in range(len(spans))):
        return None
    heads = [_heads_rows(grid, i) for i in range(len(grid))]
    body = [cells for cells, head in zip(grid, heads) if not head]
    rows = row_of_each_line(body)
    if rows[-1] == len(body) - 1:
        return None
    out, body_rows = [], iter(rows)
    done = -1
    for cells, head in zip(grid, heads):
        if head:
            out.append(cells[0])
            continue
        r = next(body_rows)
        if r == done:
            continue
        texts = [" ".join(row[c] for row, n in zip(body, rows) if n == r and row[c]) for c in range(len(spans))]
        line = cells_as_line(texts)
        if line is None:
            return None
        out.append(line)
        done = r
    return out


def tables_as_rows(layout_text: str, apart: Callable[[str], object] = lambda line: False) -> str:
    """A page's layout text with each table (:func:`block_as_rows`) read as rows, a blank line between rows; every
    other line as it was. A line ``apart`` says is never in a table (a print header)."""
    lines = layout_text.split("\n")
    held = [bool(line.strip()) and not apart(line.strip()) for line in lines]  # may be in a table
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not held[i]:
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and held[j]:
            j += 1
        rows = block_as_rows([line.rstrip() for line in lines[i:j]])
        out.extend(lines[i:j] if rows is None else "\n\n".join(rows).split("\n"))
        i = j
    return "\n".join(out)
