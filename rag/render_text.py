"""Plain-terminal rendering of an :class:`Answer` (document text is never read as markup).

Everything shown comes from documents, their file names or metadata, so every string passes through
:func:`rag.safe_text.terminal_safe` first: a document cannot colour, move or forge the output.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from .records import Answer, Passage
from .safe_text import terminal_safe


def _line(text: object) -> str:
    """One field of a source line (label, section, file name), on one line and free of controls."""
    return terminal_safe(text, single_line=True)


def _source_line(prefix: str, p: Passage) -> Text:
    """``[n] label · section · file ¶paragraph · score`` for one passage."""
    c = p.chunk
    return Text.assemble(
        (prefix, "bold"),
        (_line(c.label), "cyan"),
        f" · {_line(c.statement or c.page)} · {_line(c.section)} · {_line(c.doc_id)} ¶{c.paragraph} · relevance {p.relevance:.2f}",
    )


def print_answer(answer: Answer, console: Console) -> None:
    """The answer, its numbered sources with the quoted sentences, then the top passages."""
    for notice in answer.notices:
        console.print(Text(f"note: {_line(notice)}", style="yellow"))
    if answer.read_as:
        console.print(Text(f"read as: {_line(answer.read_as)}", style="dim"))
    console.print(Text(terminal_safe(answer.answer), style="bold" if not answer.abstained else "yellow"))
    console.print()
    if answer.citations:
        console.print(Text("Sources", style="underline"))
        for c in answer.citations:
            console.print(_source_line(f"[{c.n}] ", c.passage))
            for a, b in c.highlights:
                console.print(Text(f"     “{_line(c.passage.chunk.text[a:b])}”", style="dim"))
    title = "Possibly related" if answer.abstained else "Top passages"
    console.print(Text(title, style="underline"))
    for p in answer.passages:
        console.print(_source_line(f"{p.rank}. ", p))
