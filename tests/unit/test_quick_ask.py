"""The typer-free reading of ``rag ask``: the same arguments as the full command line, or none at all."""

import sys
from pathlib import Path

import pytest

import rag.commands
from rag.cli import quick_ask_request


def typer_request(monkeypatch, args: list[str]) -> dict:
    """The arguments the full (typer) command line passes on for ``args``."""
    seen: dict = {}
    monkeypatch.setattr(rag.commands, "answer_question", lambda question, **kw: seen.update(question=question, **kw))
    rag.commands.app(args=args, standalone_mode=False)
    return seen


@pytest.mark.parametrize("args", [
    ["ask", "What did Harrow score?"],
    ["ask", "q", "-k", "7", "--json"],
    ["ask", "--retriever", "bm25", "q", "--authority", "Harrow", "--authority", "Ealing Council"],
    ["ask", "q", "--section", "Safeguarding", "--score", "2", "--statement", "Equity in experience and outcomes"],
    ["ask", "q", "--seeds", "docs", "--index-dir", "idx", "--model", "m", "--store", "x.db", "-k", "100"],
    ["ask", "q", "-k", "3", "-k", "1"],
    ["ask", ""],
])
def test_same_arguments_as_the_full_command_line(monkeypatch, args):
    quick = quick_ask_request(args)
    assert quick is not None
    full = typer_request(monkeypatch, args)
    assert quick == {**full, "authority": tuple(full["authority"])}
    assert isinstance(quick.get("seeds") or Path(), Path)


@pytest.mark.parametrize("args", [
    [], ["index"], ["ask"], ["ask", "--help"], ["ask", "a", "b"], ["ask", "q", "-k"], ["ask", "q", "-k", "0"],
    ["ask", "q", "-k", "101"], ["ask", "q", "-k", "five"], ["ask", "q", "-k", "+5"], ["ask", "q", "-k5"],
    ["ask", "q", "--score", "5"], ["ask", "q", "--index-dir=idx"], ["ask", "--", "-q"], ["ask", "q", "--unknown"],
    ["ask", "q", "--section", "--json"], ["ask", "q", "-k", "٣"],
])
def test_anything_else_is_left_to_the_full_command_line(args):
    assert quick_ask_request(args) is None


def test_plain_ask_does_not_import_typer(tmp_path):
    import subprocess

    code = ("import sys, rag.cli; rag.cli.quick_ask_request(['ask', 'q']); "
            "print(sorted(m for m in ('typer', 'pydantic', 'rag.commands') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
