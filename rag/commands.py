"""The ``rag`` command line (typer): a thin layer over the Python API (index, ask, chat, serve, eval, bench,
scores, compare). The entry point is :func:`rag.cli.main`, which answers a plain ``rag ask`` without importing this."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli import answer_question, error_exit, exit_on_errors, make_console, settings_of, stdout_errors, warn
from .config import Settings
from .errors import UsageError
from .safe_text import terminal_safe

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
Store = Annotated[Optional[str], typer.Option(
    "--store", help="Serve the index from Milvus: a Milvus Lite file (PATH.db) or a server (milvus://host:19530).")]


@app.command()
def index(
    seeds: SeedsDir = None,
    index_dir: IndexDir = None,
    model: Model = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Re-embed everything.")] = False,
    store: Store = None,
    verify: Annotated[bool, typer.Option("--verify", help="Only check every byte of the index against its checksums.")] = False,
) -> None:
    """Build or update the index of the documents folder (incremental)."""
    from .indexer import build_index

    settings = settings_of(index_dir, seeds, model)
    if verify:
        from .store import verify_index

        counts = verify_index(settings.index_dir)["counts"]
        print(f"index verified: every file matches its checksum; {counts['chunks']} chunks, {counts['sentences']} sentences")
        return
    if store:
        report = _index_into_store(settings, store, rebuild)
    else:
        report = build_index(settings, rebuild=rebuild, progress=True)
    warn(report.warnings)
    for line in report.read:
        print(f"  {terminal_safe(line, single_line=True)}")
    counts = report.manifest["counts"]
    state = "rebuilt" if report.changed else "already up to date"
    with stdout_errors():
        print(
            f"index {state}: {counts['documents']} documents, {counts['retrievable']} passages, "
            f"{counts['sentences']} sentences; encoded {report.encoded_passages} passages and "
            f"{report.encoded_sentences} sentences, reused {report.reused}; {report.seconds:.1f} s"
        )


def _index_into_store(settings: Settings, store: str, rebuild: bool):
    """Build the files index, then copy it into the Milvus store ``store``; returns the build report."""
    from .engine import sync_store
    from .milvus_store import MilvusStore, parse_store

    target = parse_store(store)
    with MilvusStore(target) as milvus:
        report, copied = sync_store(settings, milvus, progress=True, rebuild=rebuild)
    print(f"{target.describe()}: {'index copied' if copied else 'already holds this index'}")
    return report


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in plain English.")],
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="Passages to retrieve.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer object of FORMATS.md.")] = False,
    retriever: Retriever = None,
    authority: Annotated[Optional[list[str]], typer.Option("--authority", help="Only this authority (repeatable).")] = None,
    section: Annotated[Optional[str], typer.Option("--section", help="Only this section.")] = None,
    score: Annotated[Optional[int], typer.Option("--score", min=1, max=4, help="Only reports with this score.")] = None,
    statement: Annotated[Optional[str], typer.Option("--statement", help="Only this quality statement.")] = None,
    seeds: SeedsDir = None,
    index_dir: IndexDir = None,
    model: Model = None,
    store: Store = None,
) -> None:
    """Answer a question with cited sentences from the reports (builds the index if needed)."""
    answer_question(question, k=k, as_json=as_json, retriever=retriever, authority=tuple(authority or ()),
                    section=section, score=score, statement=statement, seeds=seeds, index_dir=index_dir,
                    model=model, store=store)


@app.command()
def chat(
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="Passages to retrieve.")] = 5,
    retriever: Retriever = None,
    seeds: SeedsDir = None,
    index_dir: IndexDir = None,
    model: Model = None,
    store: Store = None,
) -> None:
    """Ask questions at a prompt, follow-ups read from the turn before ("and Ealing?"); /new, /quit."""
    from .chat import prompt_lines, run_chat
    from .pipeline import Pipeline
    from .render_text import print_answer

    pipeline = Pipeline.load(settings=settings_of(index_dir, seeds, model, store=store), build=True, progress=True)
    console = make_console()

    def show(answer) -> None:
        with stdout_errors():
            print_answer(answer, console)
            console.print()

    interactive = sys.stdin.isatty()
    if interactive:
        console.print("Ask about the reports; /new starts a new conversation, /quit (or Ctrl-D) leaves.", markup=False)
    lines = prompt_lines() if interactive else sys.stdin
    run_chat(lambda q, history: pipeline.ask(q, k=k, retriever=retriever, history=history), lines, show,
             lambda message: console.print(terminal_safe(message, single_line=True), markup=False))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to bind (127.0.0.1 keeps it on this machine).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 7860,
    allow_host: Annotated[Optional[list[str]], typer.Option(
        "--allow-host", help="Also accept requests for this host name (repeatable; loopback names always).")] = None,
    workers: Annotated[Optional[int], typer.Option(min=1, max=64, help="API worker threads (default: four per core).")] = None,
    queue: Annotated[int, typer.Option(min=0, max=1000, help="API questions that may wait for a worker before 429.")] = 32,
    onnx_threads: Annotated[int, typer.Option(min=0, max=64, help="ONNX threads per question (0: one per core).")] = 1,
    batch_lanes: Annotated[Optional[int], typer.Option(min=0, max=16, help="Encode concurrent questions together in this "
                                             "many batches at once (default: one per core; 0: no batching).")] = None,
    api_only: Annotated[bool, typer.Option("--api-only", help="Serve the JSON API without the chat UI.")] = False,
    seeds: SeedsDir = None,
    index_dir: IndexDir = None,
    model: Model = None,
    store: Store = None,
) -> None:
    """Serve the chat UI at / and the JSON API at /api (builds the index first if missing or stale)."""
    from dataclasses import replace

    from .server import ServeOptions
    from .server import serve as serve_app

    options = ServeOptions(host=host, port=port, allow_hosts=tuple(allow_host or ()), waiting=queue,
                           onnx_threads=onnx_threads)
    if workers:
        options = replace(options, workers=workers)
    if batch_lanes is not None:
        options = replace(options, batch_lanes=batch_lanes)
    serve_app(settings_of(index_dir, seeds, model, store=store), options, ui=not api_only)


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
    ablate: Annotated[Optional[list[str]], typer.Option("--ablate", help="Switch off an answer rule (repeatable).")] = None,
    seeds: SeedsDir = None,
    index_dir: IndexDir = None,
    model: Model = None,
    store: Store = None,
) -> None:
    """Score retrieval and answers on a gold set; write JSON, Markdown and PNG reports."""
    from .evaluate import run_eval_command

    settings = settings_of(index_dir, seeds, model, store=store)
    for rule in ablate or ():
        try:
            settings = settings.with_overrides(rules=settings.rules.without(rule))
        except ValueError as e:
            raise UsageError(str(e)) from None
    run_eval_command(settings, gold=gold, retriever=retriever, k=k, as_json=as_json,
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

    run_bench_command(settings_of(index_dir, seeds, model), as_json=as_json, scale=scale, out=out)


@app.command("scores")
def scores_cmd(
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    seeds: SeedsDir = None,
    index_dir: IndexDir = None,
    model: Model = None,
) -> None:
    """Print the score matrix: every council against every quality statement, with overall ratings."""
    from .pipeline import Pipeline

    if fmt not in ("table", "csv", "json"):
        raise UsageError(f"--format must be table, csv or json, not {fmt!r}")
    matrix = Pipeline.load(settings=settings_of(index_dir, seeds, model), build=True, progress=True).scores()
    if fmt == "csv":
        sys.stdout.write(matrix.to_csv())
    elif fmt == "json":
        print(json.dumps(matrix.to_dict(), ensure_ascii=False, indent=2))
    else:
        from rich.table import Table

        from .scores import LEAD_COLUMNS, SHORT_NAMES

        table = Table(caption="(summary) = scored only in the summary list; (indicative) = a pilot's indicative score")
        for header in (*LEAD_COLUMNS, *(SHORT_NAMES.get(s, s) for s in matrix.statements)):
            table.add_column(header)
        for row in matrix.table():
            table.add_row(*row)
        console = make_console()
        console.print(table)
        for theme, statements in matrix.themes:
            console.print(f"{theme}: {', '.join(statements)}", markup=False)


@app.command("compare")
def compare_cmd(
    statement: Annotated[str, typer.Option("--statement", help="The quality statement, e.g. \"Safeguarding\".")],
    topic: Annotated[Optional[str], typer.Option("--topic", help="Rank findings by this topic, e.g. \"carers\".")] = None,
    councils: Annotated[Optional[str], typer.Option("--councils", help="Only these councils, comma-separated.")] = None,
    band: Annotated[str, typer.Option("--band", help="all, high (scored 3-4) or low (scored 1-2).")] = "all",
    per_council: Annotated[int, typer.Option("-n", "--per-council", min=1, max=10, help="Sentences per council.")] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON.")] = False,
    out: Annotated[Optional[Path], typer.Option("--out", help="Also write the Markdown to this file.")] = None,
    seeds: SeedsDir = None,
    index_dir: IndexDir = None,
    model: Model = None,
) -> None:
    """Councils' own findings on one quality statement side by side, by score band, as cited Markdown."""
    from .compare import to_markdown
    from .pipeline import Pipeline

    names = [c.strip() for c in (councils or "").split(",") if c.strip()]
    pipeline = Pipeline.load(settings=settings_of(index_dir, seeds, model), build=True, progress=True)
    result = pipeline.compare(statement, topic=topic, councils=names, band=band, per_council=per_council)
    markdown = to_markdown(result)
    if out is not None:
        try:
            out.write_text(markdown, encoding="utf-8")
        except OSError as e:
            raise UsageError(f"cannot write {out}: {e.strerror or e}") from None
    if as_json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(markdown, end="")


def main(argv: list[str] | None = None) -> None:
    """The full command line: user-facing errors become one line on stderr and a non-zero exit code."""
    # typer's (vendored or installed) click exception, found through a class typer exports
    click_exception = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")

    def invoke():
        try:
            return app(args=argv, standalone_mode=False)
        except click_exception as e:
            if type(e).__name__ == "NoArgsIsHelpError":
                e.show()  # `rag` alone prints the help
                sys.exit(e.exit_code)
            error_exit(e.format_message(), e.exit_code)  # bad options or arguments: one line, like the tool's own errors
        except typer.Abort:
            error_exit("aborted", 1)

    exit_on_errors(invoke)


if __name__ == "__main__":  # pragma: no cover
    main()
