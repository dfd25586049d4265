"""Helpers shared by the integration tests: a one-report documents folder, a dead pid, the CLI in-process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rag.config import PROJECT_ROOT

DOC = "000_49f02c2bf2791361.txt"  # the smallest report (Hounslow): a rebuild takes a few seconds
QUESTION = "How did Hounslow share learning with neighbouring London boroughs?"
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "RAG_QUERY_ENCODER": "torch"}


def make_seeds(dest: Path) -> Path:
    """A documents folder holding one report and its metadata."""
    dest.mkdir(parents=True)
    (dest / DOC).write_bytes((PROJECT_ROOT / "seeds" / DOC).read_bytes())
    (dest / "metadata.toml").write_text(f'[documents."{DOC}"]\nauthority = "Hounslow"\nscore = 3\n', encoding="utf-8")
    return dest


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    return int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True).stdout)


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    """`rag ARGS` in this process: (exit code, stdout, stderr)."""
    from rag.cli import main

    with pytest.raises(SystemExit) as e:
        main(list(args))
    out, err = capsys.readouterr()
    return e.value.code, out, err
