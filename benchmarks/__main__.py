"""``python -m benchmarks``: run the benchmarks from a checkout, with sizes for quick runs.

Example: ``python -m benchmarks --only latency --questions 5 --rounds 1 --no-torch --out /tmp/bench``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rag.config import Settings
from rag.errors import RagError

from .run import DEFAULT_OUT, SUITES, run_bench_command


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line of ``python -m benchmarks``."""
    names = ", ".join(b.name for suite in SUITES.values() for b in suite)
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    p.add_argument("--only", action="append", metavar="NAME", help=f"run only this benchmark (repeatable): {names}")
    p.add_argument("--scale", action="store_true", help="also run the 10k/100k/1M scaling benchmark")
    p.add_argument("--json", action="store_true", help="print the reports as JSON")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="reports folder (default: eval/reports)")
    p.add_argument("--questions", type=int, default=None, help="use only the first N gold questions")
    p.add_argument("--rounds", type=int, default=3, help="timed passes over the questions")
    p.add_argument("--runs", type=int, default=3, help="fresh processes per cold-start measurement")
    p.add_argument("--no-torch", action="store_true", help="skip the sentence-transformers comparisons")
    p.add_argument("--no-serve", action="store_true", help="do not start `rag serve` for its memory")
    p.add_argument("--scale-sizes", type=lambda s: tuple(int(x) for x in s.split(",")), default=None,
                   metavar="N,N,...", help="passages of the scaling corpora (default: 10000,100000,1000000)")
    p.add_argument("--seeds", type=Path, default=None, help="documents folder (default: ./seeds)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmarks; a user error is one line on stderr and a non-zero exit code."""
    args = parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sizes = {"scale_sizes": args.scale_sizes} if args.scale_sizes else {}
    try:
        run_bench_command(Settings().with_overrides(documents_dir=args.seeds), as_json=args.json, scale=args.scale,
                          out=args.out, only=args.only, questions=args.questions, rounds=args.rounds,
                          runs=args.runs, torch=not args.no_torch, serve=not args.no_serve, **sizes)
    except RagError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(e.exit_code)


if __name__ == "__main__":
    main()
