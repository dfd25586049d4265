"""``rag bench``: runs the benchmarks of a checkout (the top-level ``benchmarks/`` folder, not installed)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from .config import PROJECT_ROOT, Settings
from .errors import UsageError

BENCHMARKS_DIR = PROJECT_ROOT / "benchmarks"


def load_runner(root: Path = PROJECT_ROOT):
    """The ``benchmarks.run`` module of the checkout at ``root``, imported by path (one-line errors when the
    folder is absent, as in an installed wheel, or a development dependency is missing)."""
    folder = Path(root) / "benchmarks"
    if not (folder / "run.py").is_file():
        raise UsageError(f"rag bench runs from a checkout of the project: {folder} is not here")
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    try:
        runner = importlib.import_module("benchmarks.run")
    except ModuleNotFoundError as e:
        raise UsageError(f"rag bench needs the development extras (pip install -e '.[dev]'): {e}") from None
    if Path(runner.__file__).resolve().parent != folder.resolve():
        raise UsageError(f"another 'benchmarks' package shadows {folder}: {runner.__file__}")
    return runner


def run_bench_command(settings: Settings, as_json: bool = False, scale: bool = False,
                      out: Path = Path("eval/reports")) -> None:
    """Run the seed benchmarks (and the scaling one with ``scale``) and write the reports into ``out``."""
    load_runner().run_bench_command(settings, as_json=as_json, scale=scale, out=out)
