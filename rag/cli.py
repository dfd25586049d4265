"""The ``rag`` command: a thin layer over the Python API (index, ask, serve, eval, bench)."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .config import Settings
from .errors import RagError, UsageError
from .safe_text import json_terminal_safe, terminal_safe

app = typer.Typer(
    help="Grounded, cited answers from CQC local authority assessment reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

IndexDir = Annotated[Optional[Path], typer.Option("--index-dir", help="Index folder (default: ./index).")]
SeedsDir = Annotated[Optional[Path], typer.Option("--seeds", help="Documents folder (default: ./seeds).")]
Model = Annotated[Optional[str], typer.Option("--model", help="sentence-transformers model name or path.")]
Retriever = Annotated[Optional[str], typer.Option("--retriever", help="dense, bm25 or hybrid.")]


def _settings(index_dir: Path | None = None, seeds: Path | None = None, model: str | None = None, **kw) -> Settings:
    return Settings().with_overrides(index_dir=index_dir, seeds_dir=seeds, model=model, **kw)


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _warn(messages) -> None:
    """Each message as one ``warning:`` line on stderr, stripped of anything a terminal would act on."""
    err = _console(stderr=True)
    for m in messages:
        err.print(f"warning: {terminal_safe(m, single_line=True)}", markup=False)


class OutputClosed(Exception):
    """Standard output was closed by its reader (``| head``): nothing more can be shown."""


@contextlib.contextmanager
def _stdout_errors():
    """Turn a failed write to stdout (closed pipe, full disk) into :class:`OutputClosed` or a one-line error."""
    try:
        yield
        sys.stdout.flush()
    except OSError as e:
        if e.errno == errno.EPIPE:
            raise OutputClosed() from None
        raise RagError(f"cannot write the output: {e.strerror or e}") from None


@app.command()
def index(
    seeds: SeedsDir = None,
    index_dir: IndexDir = None,
    model: Model = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Re-embed everything.")] = False,
) -> None:
    """Build or update the index of the documents folder (incremental)."""
    from .indexer import build_index

    report = build_index(_settings(index_dir, seeds, model), rebuild=rebuild, progress=True)
    _warn(report.warnings)
    counts = report.manifest["counts"]
    state = "rebuilt" if report.changed else "already up to date"
    with _stdout_errors():
        print(
            f"index {state}: {counts['documents']} documents, {counts['retrievable']} passages, "
            f"{counts['sentences']} sentences; encoded {report.encoded_passages} passages and "
            f"{report.encoded_sentences} sentences, reused {report.reused}; {report.seconds:.1f} s"
        )


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in plain English.")],
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="Passages to retrieve.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer object of FORMATS.md.")] = False,
    retriever: Retriever = None,
    authority: Annotated[Optional[list[str]], typer.Option("--authority", help="Only this authority (repeatable).")] = None,
    section: Annotated[Optional[str], typer.Option("--section", help="Only this section.")] = None,
    score: Annotated[Optional[int], typer.Option("--score", help="Only authorities with this score.")] = None,
    seeds: SeedsDir = None,
    index_dir: IndexDir = None,
    model: Model = None,
) -> None:
    """Answer a question with cited sentences from the reports (builds the index if needed)."""
    from .pipeline import Pipeline

    if not question.strip():
        raise UsageError("the question is empty")
    settings = _settings(index_dir, seeds, model)
    pipeline = Pipeline.load(settings=settings, build=True, progress=True)
    answer = pipeline.ask(question, k=k, retriever=retriever, authorities=tuple(authority or ()),
                          section=section, score=score)
    with _stdout_errors():
        if as_json:  # the same JSON value, with characters a terminal would act on written as \u escapes
            print(json_terminal_safe(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2)))
            return
        from .render_text import print_answer

        print_answer(answer, _console())


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to bind (127.0.0.1 keeps it on this machine).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port (1-65535).")] = 7860,
    seeds: SeedsDir = None,
    index_dir: IndexDir = None,
    model: Model = None,
) -> None:
    """Open the chat UI in the browser (builds the index first if missing or stale)."""
    from ui.app import serve as serve_app

    serve_app(_settings(index_dir, seeds, model), host=host, port=port)


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Option("--gold", help="Gold questions (JSONL, FORMATS.md).")] = Path("eval/gold.jsonl"),
    retriever: Annotated[str, typer.Option("--retriever", help="dense, bm25, hybrid or all.")] = "hybrid",
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="Passages retrieved per question.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    save_run: Annotated[Optional[Path], typer.Option("--save-run", help="Write the run file (JSONL).")] = None,
    compare: Annotated[Optional[Path], typer.Option("--compare", help="A previous report (JSON) to compare with.")] = None,
    name: Annotated[Optional[str], typer.Option("--name", help="Report name (default: gold file stem).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Reports folder.")] = Path("eval/reports"),
    calibrate: Annotated[bool, typer.Option("--calibrate", help="Suggest the abstention threshold instead.")] = False,
    seeds: SeedsDir = None,
    index_dir: IndexDir = None,
    model: Model = None,
) -> None:
    """Score retrieval and answers on a gold set; write JSON, Markdown and PNG reports."""
    from .evaluate import run_eval_command

    run_eval_command(_settings(index_dir, seeds, model), gold=gold, retriever=retriever, k=k, as_json=as_json,
                     save_run=save_run, compare=compare, name=name, out=out, calibrate=calibrate)


@app.command()
def bench(
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    scale: Annotated[bool, typer.Option("--scale", help="Also run the 10k/100k/1M scaling benchmark.")] = False,
    out: Annotated[Path, typer.Option("--out", help="Reports folder.")] = Path("eval/reports"),
    seeds: SeedsDir = None,
    index_dir: IndexDir = None,
    model: Model = None,
) -> None:
    """Measure latency against the encoding floor, build time, cold start and memory."""
    from .bench import run_bench_command

    run_bench_command(_settings(index_dir, seeds, model), as_json=as_json, scale=scale, out=out)


def _error(message: object, code: int) -> None:
    """Print ``error: message`` as one safe line on stderr and exit with ``code``."""
    with contextlib.suppress(OSError):
        print(f"error: {terminal_safe(message, single_line=True)}", file=sys.stderr)
    sys.exit(code)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush cannot fail on a closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: list[str] | None = None) -> None:
    """Entry point: user-facing errors become one line on stderr and a non-zero exit code."""
    # typer's (vendored or installed) click exception, found through a class typer exports
    click_exception = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
    try:
        code = app(args=argv, standalone_mode=False)
    except click_exception as e:
        if type(e).__name__ == "NoArgsIsHelpError":
            e.show()  # `rag` alone prints the help
            sys.exit(e.exit_code)
        _error(e.format_message(), e.exit_code)  # bad options or arguments: one line, like the tool's own errors
    except RagError as e:
        _error(e, e.exit_code)
    except OutputClosed:
        _silence_stdout()
        sys.exit(1)
    except OSError as e:  # writing output outside the commands' own guard (closed pipe, full disk)
        if e.errno == errno.EPIPE:
            _silence_stdout()
            sys.exit(1)
        if e.errno not in (errno.ENOSPC, errno.EIO, errno.EDQUOT):
            raise
        _error(f"cannot write: {e.strerror}", 1)
    except typer.Abort:
        _error("aborted", 1)
    except KeyboardInterrupt:
        _error("interrupted", 130)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
