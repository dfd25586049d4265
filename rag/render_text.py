"""Plain-terminal rendering of an :class:`Answer` (document text is never read as markup)."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from .records import Answer, Passage


def _source_line(prefix: str, p: Passage) -> Text:
    c = p.chunk
    return Text.assemble(
        (prefix, "bold"),
        (f"{c.label}", "cyan"),
        f" · {c.statement or c.page} · {c.section} · {c.doc_id} ¶{c.paragraph} · relevance {p.relevance:.2f}",
    )


def print_answer(answer: Answer, console: Console) -> None:
    for notice in answer.notices:
        console.print(Text(f"note: {notice}", style="yellow"))
    if answer.read_as:
        console.print(Text(f"read as: {answer.read_as}", style="dim"))
    console.print(Text(answer.answer, style="bold" if not answer.abstained else "yellow"))
    console.print()
    if answer.citations:
        console.print(Text("Sources", style="underline"))
        for c in answer.citations:
            console.print(_source_line(f"[{c.n}] ", c.passage))
            for a, b in c.highlights:
                console.print(Text(f"     “{c.passage.chunk.text[a:b]}”", style="dim"))
    title = "Possibly related" if answer.abstained else "Top passages"
    console.print(Text(title, style="underline"))
    for p in answer.passages:
        console.print(_source_line(f"{p.rank}. ", p))
