"""The ``rag`` command's entry point, and what its commands share.

A plain ``rag ask "question" [options]`` is answered without importing typer (and the pydantic it
imports, about a sixth of a cold ``rag ask``): :func:`quick_ask_request` reads exactly the options of
``rag ask`` and gives up on anything else (another command, ``--help``, an unknown option or form, a
value the full command line would refuse), which then goes to the full command line in
:mod:`rag.commands`, unchanged. Both paths answer through :func:`answer_question`.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
from pathlib import Path
from typing import Any, Callable

from .config import Settings
from .errors import RagError, UsageError
from .safe_text import json_terminal_safe, terminal_safe

#: ``rag ask`` options taking a value: option -> (parameter, converter). Integers are bounded as
#: :mod:`rag.commands` declares them; a value out of bounds is left to the full command line's message.
ASK_VALUE_OPTIONS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "-k": ("k", lambda v: _bounded_int(v, 1, 100)),
    "--retriever": ("retriever", str),
    "--authority": ("authority", str),  # repeatable
    "--section": ("section", str),
    "--score": ("score", lambda v: _bounded_int(v, 1, 4)),
    "--statement": ("statement", str),
    "--seeds": ("seeds", Path),
    "--index-dir": ("index_dir", Path),
    "--model": ("model", str),
    "--store": ("store", str),
}
ASK_FLAGS = {"--json": "as_json"}
ASK_DEFAULTS: dict[str, Any] = {"k": 5, "as_json": False, "retriever": None, "authority": (), "section": None,
                                "score": None, "statement": None, "seeds": None, "index_dir": None, "model": None,
                                "store": None}


def _bounded_int(value: str, low: int, high: int) -> int:
    """A plain decimal integer within [low, high]; ValueError for anything else."""
    if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
        raise ValueError(value)
    return int(value)


def quick_ask_request(args: list[str]) -> dict[str, Any] | None:
    """The keyword arguments of :func:`answer_question` for a plain ``rag ask`` command line, or None
    when anything in it is better left to the full command line (which then parses or refuses it)."""
    if not args or args[0] != "ask":
        return None
    request = dict(ASK_DEFAULTS)
    question: list[str] = []
    rest = iter(args[1:])
    for arg in rest:
        if arg in ASK_FLAGS:
            request[ASK_FLAGS[arg]] = True
        elif arg in ASK_VALUE_OPTIONS:
            value = next(rest, None)
            if value is None or value.startswith("-"):
                return None
            name, convert = ASK_VALUE_OPTIONS[arg]
            try:
                converted = convert(value)
            except ValueError:
                return None
            request[name] = (*request[name], converted) if name == "authority" else converted
        elif arg.startswith("-"):
            return None  # --help, --opt=value, -k5, "--", a question starting with a dash: typer decides
        else:
            question.append(arg)
    if len(question) != 1:
        return None
    return {"question": question[0], **request}


def settings_of(index_dir: Path | None = None, seeds: Path | None = None, model: str | None = None, **kw) -> Settings:
    """The default settings with the command line's folders and model."""
    return Settings().with_overrides(index_dir=index_dir, documents_dir=seeds, model=model, **kw)


def make_console(stderr: bool = False):
    """A rich console that prints text as given (no highlighting, no wrapping of long lines)."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def warn(messages) -> None:
    """Each message as one ``warning:`` line on stderr, stripped of anything a terminal would act on."""
    err = make_console(stderr=True)
    for m in messages:
        err.print(f"warning: {terminal_safe(m, single_line=True)}", markup=False)


class OutputClosed(Exception):
    """Standard output was closed by its reader (``| head``): nothing more can be shown."""


@contextlib.contextmanager
def stdout_errors():
    """Turn a failed write to stdout (closed pipe, full disk) into :class:`OutputClosed` or a one-line error."""
    try:
        yield
        sys.stdout.flush()
    except OSError as e:
        if e.errno == errno.EPIPE:
            raise OutputClosed() from None
        raise RagError(f"cannot write the output: {e.strerror or e}") from None


def answer_question(question: str, k: int = 5, as_json: bool = False, retriever: str | None = None,
                    authority: tuple[str, ...] = (), section: str | None = None, score: int | None = None,
                    statement: str | None = None, seeds: Path | None = None, index_dir: Path | None = None,
                    model: str | None = None, store: str | None = None) -> None:
    """``rag ask``: answer a question with cited sentences from the reports (building the index if needed)."""
    if not question.strip():
        raise UsageError("the question is empty")
    settings = settings_of(index_dir, seeds, model, store=store)
    from .query_encoder import prefetch

    prefetch(settings.index_dir)  # the question encoder opens in the background while the index loads
    from .pipeline import Pipeline

    pipeline = Pipeline.load(settings=settings, build=True, progress=True)
    answer = pipeline.ask(question, k=k, retriever=retriever, authorities=tuple(authority),
                          section=section, score=score, statement=statement)
    with stdout_errors():
        if as_json:  # the same JSON value, with characters a terminal would act on written as \u escapes
            print(json_terminal_safe(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2)))
            return
        from .render_text import print_answer

        print_answer(answer, make_console())


def error_exit(message: object, code: int) -> None:
    """Print ``error: message`` as one safe line on stderr and exit with ``code``."""
    with contextlib.suppress(OSError):
        print(f"error: {terminal_safe(message, single_line=True)}", file=sys.stderr)
    sys.exit(code)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush cannot fail on a closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def exit_on_errors(command: Callable[[], Any]) -> None:
    """Run ``command`` and exit with its code; user-facing errors become one line on stderr and a non-zero code."""
    try:
        code = command()
    except RagError as e:
        error_exit(e, e.exit_code)
    except OutputClosed:
        _silence_stdout()
        sys.exit(1)
    except OSError as e:  # writing output outside the commands' own guard (closed pipe, full disk)
        if e.errno == errno.EPIPE:
            _silence_stdout()
            sys.exit(1)
        if e.errno not in (errno.ENOSPC, errno.EIO, errno.EDQUOT):
            raise
        error_exit(f"cannot write: {e.strerror}", 1)
    except KeyboardInterrupt:
        error_exit("interrupted", 130)
    sys.exit(code if isinstance(code, int) else 0)


def main(argv: list[str] | None = None) -> None:
    """Entry point of ``rag``: a plain ``rag ask`` at once, everything else through the full command line."""
    request = quick_ask_request(list(sys.argv[1:] if argv is None else argv))
    if request is not None:
        exit_on_errors(lambda: answer_question(**request))
    from .commands import main as full_command_line

    full_command_line(argv)


def __getattr__(name: str):
    """``rag.cli.app`` and the other names of the full command line, imported on first use."""
    if name.startswith("__"):
        raise AttributeError(name)
    from . import commands

    try:
        return getattr(commands, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


if __name__ == "__main__":  # pragma: no cover
    main()
