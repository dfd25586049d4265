"""The ``rag`` command: a thin layer over the Python API (index, ask, serve, eval, bench)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .config import Settings
from .errors import RagError, UsageError

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
    return Settings().with_overrides(index_dir=index_dir, documents_dir=seeds, model=model, **kw)


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _warn(messages) -> None:
    err = _console(stderr=True)
    for m in messages:
        err.print(f"warning: {m}", markup=False)


@app.command()
def index(
    seeds: SeedsDir = None,
    index_dir: IndexDir = None,
    model: Model = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Re-embed everything.")] = False,
    verify: Annotated[bool, typer.Option("--verify", help="Only check every byte of the index against its checksums.")] = False,
) -> None:
    """Build or update the index of the documents folder (incremental)."""
    from .indexer import build_index

    from .corpus import describe, load_corpus

    settings = _settings(index_dir, seeds, model)
    if verify:
        from .store import verify_index

        counts = verify_index(settings.index_dir)["counts"]
        print(f"index verified: every file matches its checksum; {counts['chunks']} chunks, {counts['sentences']} sentences")
        return
    report = build_index(settings, rebuild=rebuild, progress=True)
    _warn(report.warnings)
    for line in describe(load_corpus(settings.documents_dir, settings.max_document_bytes)):
        print(f"  {line}")
    counts = report.manifest["counts"]
    state = "rebuilt" if report.changed else "already up to date"
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
    score: Annotated[Optional[int], typer.Option("--score", min=1, max=4, help="Only reports with this score.")] = None,
    statement: Annotated[Optional[str], typer.Option("--statement", help="Only this quality statement.")] = None,
    seeds: SeedsDir = None,
    index_dir: IndexDir = None,
    model: Model = None,
) -> None:
    """Answer a question with cited sentences from the reports (builds the index if needed)."""
    if not question.strip():
        raise UsageError("the question is empty")
    settings = _settings(index_dir, seeds, model)
    from .query_encoder import prefetch

    prefetch(settings.index_dir)  # the question encoder opens in the background while the index loads
    from .pipeline import Pipeline

    pipeline = Pipeline.load(settings=settings, build=True, progress=True)
    answer = pipeline.ask(question, k=k, retriever=retriever, authorities=tuple(authority or ()),
                          section=section, score=score, statement=statement)
    if as_json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return
    from .render_text import print_answer

    print_answer(answer, _console())


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to bind (127.0.0.1 keeps it on this machine).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 7860,
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
    ablate: Annotated[Optional[list[str]], typer.Option("--ablate", help="Switch off an answer rule (repeatable).")] = None,
    seeds: SeedsDir = None,
    index_dir: IndexDir = None,
    model: Model = None,
) -> None:
    """Score retrieval and answers on a gold set; write JSON, Markdown and PNG reports."""
    from .evaluate import run_eval_command

    settings = _settings(index_dir, seeds, model)
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

    run_bench_command(_settings(index_dir, seeds, model), as_json=as_json, scale=scale, out=out)


def main(argv: list[str] | None = None) -> None:
    """Entry point: user-facing errors become one line on stderr and a non-zero exit code."""
    try:
        app(args=argv, standalone_mode=True)
    except RagError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
